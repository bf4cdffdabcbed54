"""`factcheck review`: serve the editorial review app over a SQLite database."""

from __future__ import annotations

import getpass
import ipaddress
import json
import secrets
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from factcheck import get_pipeline, load_settings
from factcheck.cli.errors import UserError
from factcheck.errors import FactcheckError
from factcheck.settings import ReviewConfig

if TYPE_CHECKING:
    from factcheck.review.store import ReviewStore

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1", "[::1]")


def _is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def review_command(
    reports: list[Path] = typer.Argument(
        None, help="Reports made by `factcheck compare --format json` to import first."
    ),
    db: Path = typer.Option(None, "--db", help="The review database (created if missing)."),
    host: str = typer.Option(None, "--host", help="Address to listen on (default: 127.0.0.1)."),
    port: int = typer.Option(
        None, "--port", min=1, max=65535, help="Port to listen on (default: 8765)."
    ),
    user: str = typer.Option(
        None, "--user", help="Name recorded with your decisions (default: your login name)."
    ),
    token: str = typer.Option(
        None,
        "--token",
        envvar="FACTCHECK_REVIEW_TOKEN",
        help="Access token. Required (and generated when not given) on any address but loopback.",
    ),
    no_worker: bool = typer.Option(
        False, "--no-worker", help="Do not run comparisons from the app (import only)."
    ),
    import_only: bool = typer.Option(
        False, "--import-only", help="Import the reports into --db and exit without serving."
    ),
) -> None:
    """Serve the editorial review app: a queue of findings, sources side by side, and
    decisions (accept, dismiss, follow up) kept in a SQLite database.

    \b
    factcheck compare a.txt b.txt --format json --output story.json
    factcheck review story.json --db review.sqlite
    factcheck review --db review.sqlite                  # reopen it later
    factcheck review --db review.sqlite --host 0.0.0.0   # share it: prints a token link
    """
    config = load_settings().review
    server = config.server
    db = db or Path(server.db)
    host = host or server.host
    port = port if port is not None else server.port
    user = user or _login_name()

    from factcheck.review.store import ReviewStore
    from factcheck.schema import Report

    store = ReviewStore(db)
    for path in reports or []:
        if not path.is_file():
            raise UserError(f"report not found: {path}")
        try:
            report = Report.from_dict(json.loads(path.read_text(encoding="utf-8")))
            result = store.import_report(report, path.name, user)
        except (
            ValueError,
            UnicodeDecodeError,
            FactcheckError,
        ) as exc:  # a line that names the file
            raise UserError(f"{path}: {exc}") from exc
        what = "imported" if result.created else "already imported"
        typer.echo(f"{path}: {what} as story {result.story_id} ({result.findings} findings)")
    if import_only:
        return

    _check_address(host, port)
    loopback = _is_loopback(host)
    if not loopback and not token:
        token = secrets.token_urlsafe(server.token_bytes)
    serve(store, config, host, port, user, token, loopback, not no_worker)


def serve(
    store: ReviewStore,
    config: ReviewConfig,
    host: str,
    port: int,
    user: str,
    token: str | None,
    loopback: bool,
    with_worker: bool,
) -> None:
    import uvicorn

    from factcheck.review.app import create_app
    from factcheck.review.context import review_settings
    from factcheck.review.worker import ComparisonWorker

    worker = (
        ComparisonWorker(store, user, get_pipeline, threads=config.worker.threads)
        if with_worker
        else None
    )
    app = create_app(
        store,
        review_settings(
            config,
            user=user,
            token=token,
            # On loopback only loopback names are served: a web page cannot rebind its
            # own domain to 127.0.0.1 and talk to the app.
            allowed_hosts=list(LOOPBACK_NAMES) if loopback else None,
        ),
        worker,
    )
    shown = "localhost" if loopback else host
    link = f"http://{shown}:{port}/" + (f"?token={token}" if token else "")
    typer.echo(f"factcheck review: {store.path} — open {link}  (Ctrl+C to stop)", err=True)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    except OSError as exc:
        raise UserError(f"cannot listen on {host}:{port}: {exc}") from exc
    finally:
        if worker is not None:
            worker.shutdown()


def _check_address(host: str, port: int) -> None:
    """Fail with one clear line before starting, rather than in the server's own log."""
    import errno
    import socket

    if not 0 < port < 65536:
        raise UserError(f"port {port} is not a port number (1–65535)")
    try:
        with socket.create_server((host.strip("[]"), port)):
            pass
    except OSError as exc:
        reason = "in use" if exc.errno == errno.EADDRINUSE else exc.strerror or str(exc)
        raise UserError(
            f"cannot listen on {host}:{port} ({reason}); choose another with --port"
        ) from exc


def _login_name() -> str:
    try:
        return getpass.getuser()
    except OSError:
        return "editor"
