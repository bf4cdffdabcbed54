"""Errors a user can fix: printed as one line, never as a traceback."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


class UserError(Exception):
    """Bad input or settings; the message says what to fix."""


@contextmanager
def user_errors(*kinds: type[BaseException]) -> Iterator[None]:
    """Turn the given library errors into `UserError`s with the same message."""
    try:
        yield
    except kinds as exc:
        raise UserError(str(exc)) from exc
