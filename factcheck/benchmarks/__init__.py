"""Benchmarks that measure on this machine and write `reports/`: one file per benchmark,
each run by `factcheck bench NAME`.

May import everything below the shells: the foundation, `facts`, `models`, `pipeline`,
`report`, `training` and `batch`; never the CLI or review.
"""
