"""The review app's guards, since articles and requests are untrusted:
- a token (when one is set) is required on every request: `Authorization: Bearer`, or the
  cookie set after opening the printed `?token=` link;
- form posts carry a CSRF token that must match the browser's CSRF cookie (double submit);
  JSON posts must be `application/json` (which a cross-site page cannot send without a
  CORS preflight that this app never grants), from the same origin, and from a browser
  session they must also carry the `X-CSRF-Token` header;
- Host headers are checked against the served names (DNS rebinding; see app.py);
- a Content-Security-Policy forbids inline script (Jinja2 autoescapes every value and the
  JavaScript writes article text only through `textContent`);
- request bodies are capped.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

TOKEN_COOKIE = "factcheck_token"
CSRF_COOKIE = "factcheck_csrf"
CSRF_HEADER = "x-csrf-token"
SECURITY_HEADERS = {
    "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}


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


def same(given: str | None, expected: str | None) -> bool:
    """Two secrets equal, compared in constant time; never equal when either is missing."""
    return bool(given) and bool(expected) and hmac.compare_digest(str(given), str(expected))


def add_token_guard(app: FastAPI, token: str | None) -> None:
    """Every request needs the token (when one is set); every answer gets the security
    headers, and pages set the CSRF cookie their forms and scripts echo."""

    @app.middleware("http")
    async def guard(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        from_query = request.query_params.get("token")
        if token is not None and not (
            same(_bearer(request), token)
            or same(request.cookies.get(TOKEN_COOKIE), token)
            or same(from_query, token)
        ):
            if is_api(request.url.path):
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
        if CSRF_COOKIE not in request.cookies and not is_api(request.url.path):
            response.set_cookie(CSRF_COOKIE, csrf, httponly=True, samesite="strict")
        if token is not None and same(from_query, token):
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
        return response


async def form_guard(request: Request) -> None:
    """Double-submit CSRF check for the HTML forms."""
    form = await request.form()
    if not same(str(form.get("csrf_token") or ""), request.cookies.get(CSRF_COOKIE)):
        raise HTTPException(403, "CSRF check failed: reload the page and try again")


def json_guard(request: Request) -> None:
    """Guards the JSON API's writes against cross-site requests (see the module doc)."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/json":
        raise HTTPException(415, "send the request body as application/json")
    origin = request.headers.get("origin")
    if origin and urlsplit(origin).netloc != request.headers.get("host"):
        raise HTTPException(403, "cross-origin request refused")
    if CSRF_COOKIE in request.cookies and not same(
        request.headers.get(CSRF_HEADER), request.cookies.get(CSRF_COOKIE)
    ):
        raise HTTPException(403, "CSRF check failed: send the X-CSRF-Token header")


def is_api(path: str) -> bool:
    return path.startswith(("/api/", "/static/")) or path == "/openapi.json"


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    return header[7:] if header.lower().startswith("bearer ") else None


def local_target(target: str) -> str:
    """Redirect only within the app: an absolute or scheme-relative URL becomes '/'."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target
