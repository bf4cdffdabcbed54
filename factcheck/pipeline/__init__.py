"""The stages, read → split → align → judge → cluster, and the `Pipeline` that runs them.

May import: `factcheck.schema`, `settings`, `errors`, `files`, `resources`, `facts`, `models`.
Never a report renderer, training, a benchmark, batch, review or the CLI.
"""
