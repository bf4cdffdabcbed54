"""Comparisons started from the review app run here, in a background thread, one at a time
(each uses every CPU core), with their progress written to the jobs table."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

from factcheck.errors import FactcheckError
from factcheck.pipeline.pipeline import Pipeline, Stage
from factcheck.review.store import ReviewStore

log = logging.getLogger("factcheck.review")

# The share of a whole comparison at which each stage starts and ends (for the bar);
# judging takes most of the time.
STAGE_SPAN = {
    Stage.READING: (0.1, 0.2),
    Stage.SPLITTING: (0.2, 0.4),
    Stage.ALIGNING: (0.4, 0.55),
    Stage.JUDGING: (0.55, 0.95),
}


class ComparisonWorker:
    """Runs `Pipeline.compare_articles` on uploaded articles and imports the report."""

    def __init__(
        self,
        store: ReviewStore,
        user: str,
        pipeline_factory: Callable[[], Pipeline],
        threads: int,
    ):
        """`pipeline_factory` gives the pipeline the shell configured (models load on the
        first comparison, in the worker thread, not at start)."""
        self.store, self.user = store, user
        self._pipeline_factory = pipeline_factory
        self._executor = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="compare")

    def submit(self, title: str, sources: Sequence[tuple[str, bytes]]) -> int:
        job_id = self.store.create_job(title, self.user)
        self._executor.submit(self._run, job_id, title, list(sources))
        return job_id

    def _run(self, job_id: int, title: str, sources: list[tuple[str, bytes]]) -> None:
        def progress(stage: Stage, fraction: float) -> None:
            start, end = STAGE_SPAN[stage]
            message = f"{stage.value} {100 * fraction:.0f} %" if fraction else stage.value
            self.store.update_job(
                job_id, message=message, progress=round(start + fraction * (end - start), 3)
            )

        try:
            self.store.update_job(job_id, state="running", message="loading models", progress=0.05)
            pipeline = self._pipeline_factory()
            progress(Stage.READING, 0.0)
            articles = pipeline.read_files(sources)
            report = pipeline.compare_articles(articles, progress=progress)
            self.store.update_job(job_id, message="saving", progress=0.95)
            result = self.store.import_report(report, "comparison", self.user, title)
            self.store.update_job(
                job_id, state="done", message="done", progress=1.0, story_id=result.story_id
            )
        except FactcheckError as exc:
            self.store.update_job(job_id, state="failed", message="failed", error=str(exc))
        except Exception as exc:  # a worker thread must record every failure, not die silently
            log.exception("comparison %s failed", job_id)
            self.store.update_job(
                job_id, state="failed", message="failed", error=f"internal error: {exc}"
            )

    def shutdown(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
