"""Where a batch's stories run: in this process, in a pool of processes, or as Ray tasks."""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import Any

from factcheck.batch.manifest import BatchError
from factcheck.batch.story import run_story

Progress = Callable[[dict[str, Any]], None]


def _init_local_worker(threads: int) -> None:
    """Each worker process gets its share of the cores (torch would take them all)."""
    import torch

    torch.set_num_threads(threads)


def run_local(jobs: list[tuple], workers: int, progress: Progress) -> list[dict[str, Any]]:
    if workers <= 1:
        results = []
        for job in jobs:
            results.append(run_story(*job))
            progress(results[-1])
        return results
    threads = max(1, (os.cpu_count() or 1) // workers)
    results = []
    with ProcessPoolExecutor(workers, initializer=_init_local_worker, initargs=(threads,)) as pool:
        futures = [pool.submit(run_story, *job) for job in jobs]
        for future in as_completed(futures):
            results.append(future.result())
            progress(results[-1])
    return results


def run_ray(
    jobs: list[tuple], workers: int, address: str | None, progress: Progress
) -> list[dict[str, Any]]:
    try:
        import ray
    except ImportError as exc:
        raise BatchError(
            "the ray engine needs Ray: pip install 'factcheck[ray]' (or use --engine local)"
        ) from exc
    started_here = not ray.is_initialized()
    if started_here:
        options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False}
        if address:
            ray.init(address=address, **options)
        else:
            ray.init(num_cpus=max(1, workers), **options)
    try:
        remote = ray.remote(num_cpus=1)(run_story)
        pending = [remote.remote(*job) for job in jobs]
        results = []
        while pending:
            done, pending = ray.wait(pending, num_returns=1)
            results.append(ray.get(done[0]))
            progress(results[-1])
        return results
    finally:
        if started_here:
            ray.shutdown()
