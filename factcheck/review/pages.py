"""The review app's HTML pages: stories, one story's texts and findings, decision and
import forms, new comparisons and their progress, the audit log, the API page, and the
static files (served from memory by name, so no path from a request reaches the disk)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape

from factcheck.report.html import source_columns
from factcheck.review.context import Settings, Store, Worker
from factcheck.review.security import form_guard, local_target
from factcheck.review.store import STATUSES, StoreError
from factcheck.schema import Report, Verdict

router = APIRouter(include_in_schema=False)

STATIC_TYPES = {
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml",
}
_TEMPLATES = Environment(
    loader=PackageLoader("factcheck.review", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
)
_STATIC = {
    item.name: item.read_bytes()
    for item in resources.files("factcheck.review").joinpath("static").iterdir()
    if "." + item.name.rsplit(".", 1)[-1] in STATIC_TYPES
}


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A page from the review templates, with the CSRF token its forms echo."""
    html = _TEMPLATES.get_template(name).render(
        csrf=request.state.csrf, statuses=STATUSES, **context
    )
    return HTMLResponse(html, status)


@router.get("/", response_class=HTMLResponse)
def stories_page(request: Request, store: Store, settings: Settings) -> HTMLResponse:
    return page(request, "stories.html.j2", stories=store.stories(), user=settings.user)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(
    request: Request,
    story_id: int,
    store: Store,
    settings: Settings,
    label: list[str] = Query([]),
    status: list[str] = Query([]),
    kind: list[str] = Query([]),
) -> HTMLResponse:
    story = store.story(story_id)
    report: Report = story["report"]
    chosen = [x for x in label if x]
    labels = [] if "all" in chosen else chosen or settings.default_labels
    statuses = [x for x in status if x in STATUSES]
    kinds = [x for x in kind if x]
    return page(
        request,
        "story.html.j2",
        story=story,
        columns=source_columns(report),
        findings=store.findings(story_id, labels, statuses, kinds),
        filters={"label": labels, "status": statuses, "kind": kinds},
        kinds=store.kinds(story_id),
        labels=[str(v) for v in Verdict],
        label_choice="all" if "all" in chosen else (chosen[0] if chosen else ""),
        user=settings.user,
    )


@router.post("/findings/{finding_id}/decision")
async def decide_form(
    request: Request,
    finding_id: int,
    store: Store,
    settings: Settings,
    status: str = Form(...),
    note: str = Form("", max_length=20_000),
    back: str = Form("/"),
    _: None = Depends(form_guard),
) -> RedirectResponse:
    if status not in STATUSES:
        raise HTTPException(422, f"status must be one of {', '.join(STATUSES)}")
    finding = store.decide(finding_id, status, note, settings.user)
    return RedirectResponse(f"{local_target(back)}#finding-{finding['id']}", 303)


@router.post("/import")
async def import_form(
    request: Request,
    store: Store,
    settings: Settings,
    reports: list[UploadFile] = File(...),
    _: None = Depends(form_guard),
) -> Response:
    last = None
    for upload in reports:
        try:
            data = json.loads(await upload.read())
        except (ValueError, UnicodeDecodeError) as exc:
            raise StoreError(f"{upload.filename}: not a JSON report") from exc
        report = Report.from_dict(data)
        last = store.import_report(report, upload.filename or "upload", settings.user)
    if last is not None and len(reports) == 1:
        return RedirectResponse(f"/stories/{last.story_id}", 303)
    return RedirectResponse("/", 303)


@router.get("/new", response_class=HTMLResponse)
def new_page(request: Request, settings: Settings, worker: Worker) -> HTMLResponse:
    return page(request, "new.html.j2", max_sources=settings.max_sources, worker=worker)


@router.post("/new")
async def new_comparison(
    request: Request,
    settings: Settings,
    worker: Worker,
    title: str = Form("", max_length=300),
    names: list[str] = Form([]),
    texts: list[str] = Form([]),
    files: list[UploadFile] = File([]),
    _: None = Depends(form_guard),
) -> Response:
    if worker is None:
        raise HTTPException(503, "this server runs no comparisons (started with --no-worker)")
    sources: list[tuple[str, bytes]] = []
    for upload in files:
        raw = await upload.read()
        if upload.filename and raw:
            # The upload's name labels the source; it never becomes a path.
            sources.append((upload.filename.replace("/", "_").replace("\\", "_"), raw))
    for index, text in enumerate(texts):
        if text.strip():
            name = (names[index] if index < len(names) else "").strip()
            sources.append((f"{name or f'pasted text {index + 1}'}.txt", text.encode()))
    if len(sources) < 2:
        raise HTTPException(422, "give at least two articles (paste them or upload files)")
    if len(sources) > settings.max_sources:
        raise HTTPException(422, f"at most {settings.max_sources} articles per comparison")
    job_id = worker.submit(title.strip() or " vs ".join(n for n, _ in sources), sources)
    return RedirectResponse(f"/jobs/{job_id}", 303)


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_page(request: Request, job_id: int, store: Store) -> HTMLResponse:
    return page(request, "job.html.j2", job=store.job(job_id))


@router.get("/audit", response_class=HTMLResponse)
def audit_page(request: Request, store: Store) -> HTMLResponse:
    return page(request, "audit.html.j2", entries=store.audit())


@router.get("/api", response_class=HTMLResponse)
def api_page(request: Request) -> HTMLResponse:
    return page(request, "api.html.j2", spec=request.app.openapi())


@router.get("/static/{name}")
def static_file(name: str) -> Response:
    if name not in _STATIC:
        raise HTTPException(404, "no such file")
    suffix = "." + name.rsplit(".", 1)[-1]
    return Response(_STATIC[name], media_type=STATIC_TYPES[suffix])
