"""The review app's JSON API (/api/…): stories, findings, decisions, export, audit log,
comparison jobs. Its models are also the OpenAPI description the app serves."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from pydantic import BaseModel, Field

from factcheck.review.context import Settings, Store
from factcheck.review.export import EXPORT_FORMATS, EXPORT_SUFFIXES, render_decisions
from factcheck.review.security import json_guard
from factcheck.review.store import STATUSES
from factcheck.schema import Report

router = APIRouter(prefix="/api")


class ClaimOut(BaseModel):
    id: str
    source: str
    source_name: str
    text: str
    start: int
    end: int


class ReasonOut(BaseModel):
    kind: str
    a: str
    b: str
    detail: str


class FindingOut(BaseModel):
    id: int
    story_id: int
    label: str = Field(description="contradict, attribution, unique, related or agree")
    kind: str = Field(description="what the finding rests on: quantity, date, entity, nli …")
    status: Literal["open", "accepted", "dismissed", "follow_up"]
    note: str
    confidence: float
    claims: list[ClaimOut]
    reasons: list[ReasonOut]
    decided_by: str | None
    decided_at: str | None


class DecisionIn(BaseModel):
    status: Literal["open", "accepted", "dismissed", "follow_up"]
    note: str = Field("", max_length=20_000)
    user: str | None = Field(None, max_length=200, description="default: the server's --user")


class StoryOut(BaseModel):
    id: int
    title: str
    origin: str
    imported_at: str
    imported_by: str
    findings: int
    contradict: int
    attribution: int = 0
    unique: int
    agree: int
    related: int
    open: int
    decided: int


class ImportOut(BaseModel):
    story_id: int
    created: bool
    findings: int


class JobOut(BaseModel):
    id: int
    title: str
    state: Literal["queued", "running", "done", "failed"]
    message: str
    progress: float
    story_id: int | None
    error: str | None


@router.get("/stories", response_model=list[StoryOut], tags=["stories"])
def api_stories(store: Store) -> list[dict[str, Any]]:
    """Every story with its counts of findings by label and by decision."""
    return store.stories()


@router.post(
    "/stories",
    response_model=ImportOut,
    status_code=201,
    dependencies=[Depends(json_guard)],
    tags=["stories"],
    responses={200: {"model": ImportOut, "description": "already imported"}},
)
async def api_import(
    request: Request, response: Response, store: Store, settings: Settings
) -> dict[str, Any]:
    """Import a report made by `factcheck compare --format json` (the body). The same
    report imported again answers 200 with the existing story."""
    try:
        data = await request.json()
    except ValueError as exc:
        raise HTTPException(400, "the body is not valid JSON") from exc
    result = store.import_report(Report.from_dict(data), "api", settings.user)
    if not result.created:
        response.status_code = 200
    return result.__dict__


@router.get("/findings", response_model=list[FindingOut], tags=["findings"])
def api_findings(
    store: Store,
    settings: Settings,
    story: int | None = Query(None, description="only this story's findings"),
    label: list[str] = Query([], description="contradict, unique, related, agree"),
    status: list[str] = Query([], description="open, accepted, dismissed, follow_up"),
    kind: list[str] = Query([], description="quantity, date, entity, nli, unique …"),
    limit: int = Query(None, ge=1, description="at most this many (default: page size)"),
) -> list[dict[str, Any]]:
    """Findings in queue order: contradictions first, then unique claims, each by
    confidence."""
    bad = set(status) - set(STATUSES)
    if bad:
        raise HTTPException(422, f"unknown status {sorted(bad)}; use {', '.join(STATUSES)}")
    return store.findings(
        story, label, status, kind, min(limit or settings.page_size, settings.page_size)
    )


@router.get("/findings/{finding_id}", response_model=FindingOut, tags=["findings"])
def api_finding(finding_id: int, store: Store) -> dict[str, Any]:
    return store.finding(finding_id)


@router.post(
    "/findings/{finding_id}/decision",
    response_model=FindingOut,
    dependencies=[Depends(json_guard)],
    tags=["findings"],
    responses={404: {"description": "no such finding"}},
)
def api_decide(
    finding_id: int, decision: DecisionIn, store: Store, settings: Settings
) -> dict[str, Any]:
    """Record an editor's decision. A 200 answer means the decision is on disk. The
    last decision on a finding wins; the audit log keeps all of them."""
    return store.decide(finding_id, decision.status, decision.note, decision.user or settings.user)


@router.get(
    "/export",
    tags=["export"],
    responses={200: {"content": {t: {} for t in EXPORT_FORMATS.values()}}},
)
def api_export(
    store: Store,
    format: Literal["csv", "json", "markdown"] = Query("csv"),
    story: int | None = Query(None, description="only this story"),
) -> Response:
    """Every finding with its decision, note, decider and time."""
    titles = {s["id"]: s["title"] for s in store.stories()}
    body = render_decisions(store.findings(story), titles, format)
    name = f"factcheck-decisions{'-story-' + str(story) if story else ''}"
    return Response(
        body,
        media_type=f"{EXPORT_FORMATS[format]}; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{name}.{EXPORT_SUFFIXES[format]}"'},
    )


@router.get("/audit", tags=["audit"])
def api_audit(store: Store, limit: int = Query(1000, ge=1, le=100_000)) -> list[dict[str, Any]]:
    """The audit log, newest first: who did what, when."""
    return store.audit(limit)


@router.get("/jobs/{job_id}", response_model=JobOut, tags=["comparisons"])
def api_job(job_id: int, store: Store) -> dict[str, Any]:
    """A comparison started from the app: its state and progress."""
    return store.job(job_id)
