"""The review web app: the JSON API (api.py) and the pages (pages.py) over the review
database, behind the guards of security.py. `create_app` assembles them; errors a user
can fix (`FactcheckError`, HTTP errors) are answered here, once, as JSON under /api and as
an error page elsewhere."""

from __future__ import annotations

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse, Response
from starlette.middleware.trustedhost import TrustedHostMiddleware

from factcheck.errors import FactcheckError
from factcheck.review import api, pages
from factcheck.review.context import ReviewSettings
from factcheck.review.security import CSRF_COOKIE, BodyLimit, add_token_guard
from factcheck.review.store import NotFound, ReviewStore
from factcheck.review.worker import ComparisonWorker

__all__ = ["CSRF_COOKIE", "ReviewSettings", "create_app"]


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
    app.state.store = store
    app.state.settings = settings
    app.state.worker = worker
    add_token_guard(app, settings.token)
    app.add_middleware(BodyLimit, limit=settings.max_request_bytes)
    if settings.allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=settings.allowed_hosts)

    @app.exception_handler(FactcheckError)
    async def user_error(request: Request, exc: FactcheckError) -> Response:
        return _error(request, 404 if isinstance(exc, NotFound) else 400, str(exc))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if request.url.path.startswith("/api"):
            return JSONResponse({"detail": exc.detail}, exc.status_code)
        return _error(request, exc.status_code, str(exc.detail))

    app.include_router(api.router)
    app.include_router(pages.router)
    return app


def _error(request: Request, status: int, message: str) -> Response:
    if request.url.path.startswith("/api"):
        return JSONResponse({"detail": message}, status)
    return pages.page(request, "error.html.j2", status, code=status, message=message)
