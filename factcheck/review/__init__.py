"""The editorial review app (`factcheck review`): a local web app over a SQLite database
where editors work through findings and record decisions.

A shell: it may import the foundation, `pipeline`, `models` and `report`; never the CLI.
"""
