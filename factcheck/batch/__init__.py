"""Batch runs: many stories from a manifest, each compared and written to an output folder,
with an index of all stories by number of contradictions.

A story is re-run only when its inputs changed: its content hash (the sources' bytes,
their publication dates, factcheck's version, the compare settings and the NLI weights)
is kept in `DIR/.factcheck-batch.json`. A story that fails (a missing or broken file) is
recorded in the index with its error while the others finish.

Engines: `local` runs stories in this process (one worker) or in a pool of processes;
`ray` runs each story as a Ray task on a local Ray instance or an existing cluster
(`pip install factcheck[ray]`). Both call `run_story`, so their reports are the same.

May import: the foundation (`schema`, `settings`, `errors`, `files`, `resources`),
`pipeline`, `models` and `report`; never the CLI or review.
"""

from factcheck.batch.manifest import BatchError, Story, read_manifest
from factcheck.batch.run import ENGINES, run_batch
from factcheck.batch.story import run_story

__all__ = [
    "ENGINES",
    "BatchError",
    "Story",
    "read_manifest",
    "run_batch",
    "run_story",
]
