"""What every view of the review app needs, from the app's state: the store, the server's
settings and the comparison worker (FastAPI dependencies)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from factcheck.review.store import ReviewStore
from factcheck.review.worker import ComparisonWorker
from factcheck.settings import ReviewConfig


@dataclass
class ReviewSettings:
    """The server's settings: `configs/review.yaml`'s limits and queue, and who serves."""

    user: str
    max_request_bytes: int
    max_sources: int
    page_size: int
    default_labels: list[str]
    token: str | None = None
    allowed_hosts: list[str] | None = None  # None: any Host header (tests, reverse proxies)


def review_settings(
    config: ReviewConfig,
    user: str,
    token: str | None = None,
    allowed_hosts: list[str] | None = None,
    **limits: int,
) -> ReviewSettings:
    """The server's settings from `configs/review.yaml` (`limits` override its limits)."""
    return ReviewSettings(
        user=user,
        token=token,
        allowed_hosts=allowed_hosts,
        **{**config.limits.model_dump(), **limits},
        default_labels=list(config.queue.default_labels),
    )


def _store(request: Request) -> ReviewStore:
    return request.app.state.store


def _settings(request: Request) -> ReviewSettings:
    return request.app.state.settings


def _worker(request: Request) -> ComparisonWorker | None:
    return request.app.state.worker


Store = Annotated[ReviewStore, Depends(_store)]
Settings = Annotated[ReviewSettings, Depends(_settings)]
Worker = Annotated[ComparisonWorker | None, Depends(_worker)]
