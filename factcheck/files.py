"""Writing files without ever leaving a half-written one behind: the one place that does it.

May import: nothing of factcheck.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path in `path`'s folder to write to; renamed onto `path` when the block
    ends without error, removed when it fails, so `path` is the old file (or none) or the
    whole new one, never half of it, even to a concurrent reader. The file gets the
    permissions any new file of the user's gets (mode 0666 less the umask), not a temporary
    file's private 0600."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def write_atomically(path: Path, text: str | Iterable[str]) -> None:
    """Write `text` (a string, or lines) to `path` through `atomic_path`."""
    with atomic_path(path) as temporary, temporary.open("w", encoding="utf-8") as out:
        out.write(text) if isinstance(text, str) else out.writelines(text)
