"""The one base class of the errors a user can fix: bad input, settings, a missing model.

The shells (the CLI, the review app) catch `FactcheckError` once and show its message as
one line, never a traceback. Every part of factcheck raises a subclass of it for what the
user can fix; anything else is a bug and keeps its traceback.

May import: nothing of factcheck.
"""

from __future__ import annotations


class FactcheckError(Exception):
    """Bad input or settings; the message says what to fix, in one line."""
