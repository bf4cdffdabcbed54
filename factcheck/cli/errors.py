"""Errors a user can fix: printed as one line by `main`, never as a traceback.

Every error factcheck raises for bad input or settings is a `FactcheckError`; `main`
catches that one class. `user_errors` turns other libraries' errors (a file that cannot be
read) into one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from factcheck.errors import FactcheckError


class UserError(FactcheckError):
    """A command's arguments cannot be used; the message says what to fix."""


@contextmanager
def user_errors(*kinds: type[BaseException]) -> Iterator[None]:
    """Turn the given library errors into `UserError`s with the same message."""
    try:
        yield
    except kinds as exc:
        raise UserError(str(exc)) from exc
