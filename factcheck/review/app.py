"""The review web app: FastAPI pages and JSON API over the review database.

Security, since articles and requests are untrusted:
- a token (when one is set) is required on every request: `Authorization: Bearer`, or the
  cookie set after opening the printed `?token=` link;
- form posts carry a CSRF token that must match the browser's CSRF cookie (double submit);
  JSON posts must be `application/json` (which a cross-site page cannot send without a
  CORS preflight that this app never grants), from the same origin, and from a browser
  session they must also carry the `X-CSRF-Token` header;
- Host headers are checked against the served names (DNS rebinding);
- Jinja2 autoescapes every value, the JavaScript writes article text only through
  `textContent`, and a Content-Security-Policy forbids inline script;
- request bodies are capped; static files are served from memory by name, so no path
  from a request reaches the file system.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Literal
from urllib.parse import urlsplit

from fastapi import Depends, FastAPI, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from pydantic import BaseModel, Field
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from factcheck.report.html import claim_verdicts, segments
from factcheck.review.export import EXPORT_FORMATS, EXPORT_SUFFIXES, render_decisions
from factcheck.review.store import STATUSES, NotFound, ReviewStore, StoreError
from factcheck.review.worker import ComparisonWorker

TOKEN_COOKIE = "factcheck_token"
CSRF_COOKIE = "factcheck_csrf"
CSRF_HEADER = "x-csrf-token"
STATIC_TYPES = {
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml",
}
SECURITY_HEADERS = {
    "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}


@dataclass
class ReviewSettings:
    user: str
    token: str | None = None
    max_request_bytes: int = 12_000_000
    max_sources: int = 12
    page_size: int = 500
    default_labels: list[str] = field(
        default_factory=lambda: ["contradict", "attribution", "unique"]
    )
    allowed_hosts: list[str] | None = None  # None: any Host header (tests, reverse proxies)


# -- API models (they are also the OpenAPI description) ------------------------------------


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


# -- middleware -----------------------------------------------------------------------------


class BodyLimit:
    """Refuses request bodies over `limit` bytes with 413, whether or not the client sent
    a Content-Length (a chunked upload is counted as it arrives)."""

    def __init__(self, app: ASGIApp, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await _too_large(send, self.limit)
            return
        seen = 0

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _BodyTooLarge
            return message

        try:
            await self.app(scope, counting_receive, send)
        except _BodyTooLarge:
            await _too_large(send, self.limit)


class _BodyTooLarge(Exception):
    pass


async def _too_large(send: Send, limit: int) -> None:
    body = f'{{"detail": "request body over the limit of {limit:,} bytes"}}'.encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), (b"connection", b"close")],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _same(given: str | None, expected: str | None) -> bool:
    return bool(given) and bool(expected) and hmac.compare_digest(str(given), str(expected))


# -- the app --------------------------------------------------------------------------------


def create_app(
    store: ReviewStore, settings: ReviewSettings, worker: ComparisonWorker | None = None
) -> FastAPI:
    """The review app over `store`. `worker` runs comparisons started from the app."""
    # The interactive /docs and /redoc pages load their scripts from a CDN, which an
    # offline desk cannot reach: the app serves the OpenAPI JSON and its own /api page.
    app = FastAPI(
        title="factcheck review",
        description="Editorial review of factcheck findings: decisions, audit log, export.",
        docs_url=None,
        redoc_url=None,
    )
    templates = Environment(
        loader=PackageLoader("factcheck.review", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    static = {
        item.name: item.read_bytes()
        for item in resources.files("factcheck.review").joinpath("static").iterdir()
        if "." + item.name.rsplit(".", 1)[-1] in STATIC_TYPES
    }
    app.state.store = store
    app.state.settings = settings
    app.state.worker = worker

    @app.middleware("http")
    async def guard(request: Request, call_next):
        token = settings.token
        from_query = request.query_params.get("token")
        if token is not None and not (
            _same(_bearer(request), token)
            or _same(request.cookies.get(TOKEN_COOKIE), token)
            or _same(from_query, token)
        ):
            if _is_api(request.url.path):
                return JSONResponse({"detail": "a valid access token is required"}, 401)
            return HTMLResponse(
                "<h1>401: access token required</h1><p>Open the link with <code>?token=</code> "
                "that <code>factcheck review</code> printed when it started.</p>",
                401,
            )
        csrf = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(32)
        request.state.csrf = csrf
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        # Pages set the CSRF cookie that their forms and scripts echo; API answers do not,
        # so a tool's cookie jar never turns it into a "browser session".
        if CSRF_COOKIE not in request.cookies and not _is_api(request.url.path):
            response.set_cookie(CSRF_COOKIE, csrf, httponly=True, samesite="strict")
        if token is not None and _same(from_query, token):
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
        return response

    app.add_middleware(BodyLimit, limit=settings.max_request_bytes)
    if settings.allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=settings.allowed_hosts)

    def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        html = templates.get_template(name).render(
            csrf=request.state.csrf, statuses=STATUSES, **context
        )
        return HTMLResponse(html, status)

    # -- guards ------------------------------------------------------------------------

    async def form_guard(request: Request) -> None:
        """Double-submit CSRF check for the HTML forms."""
        form = await request.form()
        if not _same(str(form.get("csrf_token") or ""), request.cookies.get(CSRF_COOKIE)):
            raise HTTPException(403, "CSRF check failed: reload the page and try again")

    def json_guard(request: Request) -> None:
        """Guards the JSON API's writes against cross-site requests (see the module doc)."""
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type != "application/json":
            raise HTTPException(415, "send the request body as application/json")
        origin = request.headers.get("origin")
        if origin and urlsplit(origin).netloc != request.headers.get("host"):
            raise HTTPException(403, "cross-origin request refused")
        if CSRF_COOKIE in request.cookies and not _same(
            request.headers.get(CSRF_HEADER), request.cookies.get(CSRF_COOKIE)
        ):
            raise HTTPException(403, "CSRF check failed: send the X-CSRF-Token header")

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        status = 404 if isinstance(exc, NotFound) else 400
        if request.url.path.startswith("/api"):
            return JSONResponse({"detail": str(exc)}, status)
        return page(request, "error.html.j2", status, code=status, message=str(exc))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if request.url.path.startswith("/api"):
            return JSONResponse({"detail": exc.detail}, exc.status_code)
        return page(
            request,
            "error.html.j2",
            exc.status_code,
            code=exc.status_code,
            message=str(exc.detail),
        )

    # -- JSON API ------------------------------------------------------------------------

    @app.get("/api/stories", response_model=list[StoryOut], tags=["stories"])
    def api_stories() -> list[dict[str, Any]]:
        """Every story with its counts of findings by label and by decision."""
        return store.stories()

    @app.post(
        "/api/stories",
        response_model=ImportOut,
        status_code=201,
        dependencies=[Depends(json_guard)],
        tags=["stories"],
        responses={200: {"model": ImportOut, "description": "already imported"}},
    )
    async def api_import(request: Request, response: Response) -> dict[str, Any]:
        """Import a report made by `factcheck compare --format json` (the body). The same
        report imported again answers 200 with the existing story."""
        try:
            report = await request.json()
        except ValueError as exc:
            raise HTTPException(400, "the body is not valid JSON") from exc
        result = store.import_report(report, "api", settings.user)
        if not result.created:
            response.status_code = 200
        return result.__dict__

    @app.get("/api/findings", response_model=list[FindingOut], tags=["findings"])
    def api_findings(
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

    @app.get("/api/findings/{finding_id}", response_model=FindingOut, tags=["findings"])
    def api_finding(finding_id: int) -> dict[str, Any]:
        return store.finding(finding_id)

    @app.post(
        "/api/findings/{finding_id}/decision",
        response_model=FindingOut,
        dependencies=[Depends(json_guard)],
        tags=["findings"],
        responses={404: {"description": "no such finding"}},
    )
    def api_decide(finding_id: int, decision: DecisionIn) -> dict[str, Any]:
        """Record an editor's decision. A 200 answer means the decision is on disk. The
        last decision on a finding wins; the audit log keeps all of them."""
        return store.decide(
            finding_id, decision.status, decision.note, decision.user or settings.user
        )

    @app.get(
        "/api/export",
        tags=["export"],
        responses={200: {"content": {t: {} for t in EXPORT_FORMATS.values()}}},
    )
    def api_export(
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
            headers={
                "content-disposition": f'attachment; filename="{name}.{EXPORT_SUFFIXES[format]}"'
            },
        )

    @app.get("/api/audit", tags=["audit"])
    def api_audit(limit: int = Query(1000, ge=1, le=100_000)) -> list[dict[str, Any]]:
        """The audit log, newest first: who did what, when."""
        return store.audit(limit)

    @app.get("/api/jobs/{job_id}", response_model=JobOut, tags=["comparisons"])
    def api_job(job_id: int) -> dict[str, Any]:
        """A comparison started from the app: its state and progress."""
        return store.job(job_id)

    # -- pages ---------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(request: Request) -> HTMLResponse:
        return page(request, "stories.html.j2", stories=store.stories(), user=settings.user)

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(
        request: Request,
        story_id: int,
        label: list[str] = Query([]),
        status: list[str] = Query([]),
        kind: list[str] = Query([]),
    ) -> HTMLResponse:
        story = store.story(story_id)
        report = story["report"]
        chosen = [x for x in label if x]
        labels = [] if "all" in chosen else chosen or settings.default_labels
        statuses = [x for x in status if x in STATUSES]
        kinds = [x for x in kind if x]
        verdicts = claim_verdicts(report)
        columns = [
            {
                "source": source,
                "segments": segments(
                    source["text"],
                    [c for c in report["claims"] if c["source"] == source["id"]],
                    verdicts,
                ),
            }
            for source in report["sources"]
        ]
        return page(
            request,
            "story.html.j2",
            story=story,
            columns=columns,
            findings=store.findings(story_id, labels, statuses, kinds),
            filters={"label": labels, "status": statuses, "kind": kinds},
            kinds=store.kinds(story_id),
            labels=["contradict", "attribution", "unique", "related", "agree"],
            label_choice="all" if "all" in chosen else (chosen[0] if chosen else ""),
            user=settings.user,
        )

    @app.post("/findings/{finding_id}/decision", include_in_schema=False)
    async def decide_form(
        request: Request,
        finding_id: int,
        status: str = Form(...),
        note: str = Form("", max_length=20_000),
        back: str = Form("/"),
        _: None = Depends(form_guard),
    ) -> RedirectResponse:
        if status not in STATUSES:
            raise HTTPException(422, f"status must be one of {', '.join(STATUSES)}")
        finding = store.decide(finding_id, status, note, settings.user)
        return RedirectResponse(f"{_local(back)}#finding-{finding['id']}", 303)

    @app.post("/import", include_in_schema=False)
    async def import_form(
        request: Request,
        reports: list[UploadFile] = File(...),
        _: None = Depends(form_guard),
    ) -> Response:
        import json

        last = None
        for upload in reports:
            try:
                report = json.loads(await upload.read())
            except (ValueError, UnicodeDecodeError) as exc:
                raise StoreError(f"{upload.filename}: not a JSON report") from exc
            last = store.import_report(report, upload.filename or "upload", settings.user)
        if last is not None and len(reports) == 1:
            return RedirectResponse(f"/stories/{last.story_id}", 303)
        return RedirectResponse("/", 303)

    @app.get("/new", response_class=HTMLResponse, include_in_schema=False)
    def new_page(request: Request) -> HTMLResponse:
        return page(request, "new.html.j2", max_sources=settings.max_sources, worker=worker)

    @app.post("/new", include_in_schema=False)
    async def new_comparison(
        request: Request,
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

    @app.get("/jobs/{job_id}", response_class=HTMLResponse, include_in_schema=False)
    def job_page(request: Request, job_id: int) -> HTMLResponse:
        return page(request, "job.html.j2", job=store.job(job_id))

    @app.get("/audit", response_class=HTMLResponse, include_in_schema=False)
    def audit_page(request: Request) -> HTMLResponse:
        return page(request, "audit.html.j2", entries=store.audit())

    @app.get("/api", response_class=HTMLResponse, include_in_schema=False)
    def api_page(request: Request) -> HTMLResponse:
        return page(request, "api.html.j2", spec=app.openapi())

    @app.get("/static/{name}", include_in_schema=False)
    def static_file(name: str) -> Response:
        if name not in static:
            raise HTTPException(404, "no such file")
        suffix = "." + name.rsplit(".", 1)[-1]
        return Response(static[name], media_type=STATIC_TYPES[suffix])

    return app


def _is_api(path: str) -> bool:
    return path.startswith(("/api/", "/static/")) or path == "/openapi.json"


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    return header[7:] if header.lower().startswith("bearer ") else None


def _local(target: str) -> str:
    """Redirect only within the app: an absolute or scheme-relative URL becomes '/'."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target
