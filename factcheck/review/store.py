"""The review database: stories, their findings, editors' decisions, an audit log, and the
comparisons run from the app. SQLite in WAL mode with `synchronous=FULL`, so a decision
that was answered is on disk even if the server is killed the next instant.

Schema changes are numbered migrations applied in order and recorded in
`PRAGMA user_version`; a database made by an older factcheck is brought up to date on open.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from factcheck.errors import FactcheckError
from factcheck.schema import Report, Verdict

STATUSES = ("open", "accepted", "dismissed", "follow_up")
DECIDED = ("accepted", "dismissed", "follow_up")

# Each entry moves the schema from version i to i + 1. Never edit a released one: add one.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        content_hash TEXT NOT NULL UNIQUE,
        report TEXT NOT NULL,
        origin TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        imported_by TEXT NOT NULL
    );
    CREATE TABLE findings (
        id INTEGER PRIMARY KEY,
        story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        label TEXT NOT NULL,
        kind TEXT NOT NULL,
        severity INTEGER NOT NULL,
        confidence REAL NOT NULL,
        claims TEXT NOT NULL,
        reasons TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open',
        note TEXT NOT NULL DEFAULT '',
        decided_by TEXT,
        decided_at TEXT,
        UNIQUE (story_id, key)
    );
    CREATE INDEX findings_queue ON findings (story_id, severity, confidence DESC);
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user TEXT NOT NULL,
        action TEXT NOT NULL,
        story_id INTEGER,
        finding_id INTEGER,
        old_status TEXT,
        new_status TEXT,
        note TEXT
    );
    """,
    """
    CREATE TABLE jobs (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        state TEXT NOT NULL,
        message TEXT NOT NULL DEFAULT '',
        progress REAL NOT NULL DEFAULT 0,
        story_id INTEGER REFERENCES stories(id),
        error TEXT,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    """,
)


class StoreError(FactcheckError):
    """The database cannot be used, or a request names something it does not hold."""


class NotFound(StoreError):
    pass


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def report_hash(data: dict[str, Any]) -> str:
    """Identity of a report's content (`Report.to_dict()`): its sources, claims and verdicts
    (not its timings), so the same comparison imported twice is recognised."""
    content = {k: data[k] for k in ("sources", "claims", "pairs", "unique", "reference")}
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


@dataclass
class ImportResult:
    story_id: int
    created: bool
    findings: int


class ReviewStore:
    """All access to the review database. Every method opens its own connection, so the
    store is safe to share between the server's threads."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        if self.path.exists() and not self.path.is_file():
            raise StoreError(f"{self.path} is not a file")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._migrate()

    @contextmanager
    def _connect(self, write: bool = False) -> Iterator[sqlite3.Connection]:
        try:
            conn = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the review database {self.path}: {exc}") from exc
        conn.row_factory = sqlite3.Row
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = FULL")
            # BEGIN IMMEDIATE takes the write lock up front: two editors deciding at once
            # queue behind each other instead of failing half-way.
            conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"review database {self.path}: {exc}") from exc
        finally:
            conn.close()

    def _migrate(self) -> None:
        try:
            conn = sqlite3.connect(self.path, timeout=10, isolation_level=None)
            try:
                if conn.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
                    raise StoreError(f"{self.path}: SQLite cannot use WAL mode here")
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                if version > len(MIGRATIONS):
                    raise StoreError(
                        f"{self.path} was made by a newer factcheck (schema {version}); "
                        "upgrade factcheck to open it"
                    )
                for number in range(version, len(MIGRATIONS)):
                    conn.execute("BEGIN IMMEDIATE")
                    for statement in _statements(MIGRATIONS[number]):
                        conn.execute(statement)
                    conn.execute(f"PRAGMA user_version = {number + 1}")
                    conn.execute("COMMIT")
                # A comparison that was running when the server stopped will never finish.
                conn.execute(
                    "UPDATE jobs SET state = 'failed', error = 'interrupted: the server stopped',"
                    " updated_at = ? WHERE state IN ('queued', 'running')",
                    (now(),),
                )
            finally:
                conn.close()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a factcheck review database: {exc}") from exc

    @property
    def schema_version(self) -> int:
        with self._connect() as conn:
            return int(conn.execute("PRAGMA user_version").fetchone()[0])

    # -- import -----------------------------------------------------------------------

    def import_report(
        self, report: Report, origin: str, user: str, title: str | None = None
    ) -> ImportResult:
        """Store a `compare` report as a story with its findings (read JSON with
        `Report.from_dict`). The same report imported again returns the existing story and
        adds nothing."""
        data = report.to_dict()
        digest = report_hash(data)
        with self._connect(write=True) as conn:
            row = conn.execute(
                "SELECT id FROM stories WHERE content_hash = ?", (digest,)
            ).fetchone()
            if row is not None:
                count = conn.execute(
                    "SELECT COUNT(*) FROM findings WHERE story_id = ?", (row["id"],)
                ).fetchone()[0]
                return ImportResult(row["id"], False, count)
            names = [s.name for s in report.sources]
            story_id = conn.execute(
                "INSERT INTO stories (title, content_hash, report, origin, imported_at,"
                " imported_by) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    title or " vs ".join(names),
                    digest,
                    json.dumps(data),
                    origin,
                    now(),
                    user,
                ),
            ).lastrowid
            assert story_id is not None  # an INSERT always has a row id
            rows = list(self._finding_rows(report))
            conn.executemany(
                "INSERT OR IGNORE INTO findings (story_id, key, label, kind, severity,"
                " confidence, claims, reasons) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(story_id, *row) for row in rows],
            )
            conn.execute(
                "INSERT INTO audit (at, user, action, story_id, note) VALUES (?, ?, ?, ?, ?)",
                (now(), user, "import", story_id, f"{origin}: {len(rows)} findings"),
            )
            return ImportResult(story_id, True, len(rows))

    def _finding_rows(self, report: Report) -> Iterator[tuple]:
        names = report.source_names
        claims = {
            c.id: {
                "id": c.id,
                "source": c.source,
                "source_name": names.get(c.source, c.source),
                "text": c.text,
                "start": c.start,
                "end": c.end,
            }
            for c in report.claims
        }
        for finding in report.findings:
            reasons = [asdict(r) for r in finding.reasons]
            kind = next((r.kind for r in finding.reasons if r.kind != "nli"), "nli")
            yield (
                "pair:" + ":".join(finding.claims),
                str(finding.label),
                kind,
                Verdict(finding.label).rank,
                float(finding.confidence),
                json.dumps([claims[cid] for cid in finding.claims]),
                json.dumps(reasons),
            )
        for claim_id in report.unique:
            claim = claims[claim_id]
            reasons = [
                {
                    "kind": "unique",
                    "a": claim["text"],
                    "b": "",
                    "detail": f"only {claim['source_name']} says this",
                }
            ]
            nearest = report.closest.get(claim_id)
            if nearest and nearest.claim in claims:
                other = claims[nearest.claim]
                reasons.append(
                    {
                        "kind": "closest",
                        "a": claim["text"],
                        "b": other["text"],
                        "detail": f"closest in {other['source_name']} "
                        f"(similarity {nearest.similarity:.2f}): {other['text']}",
                    }
                )
            yield (
                f"unique:{claim_id}",
                "unique",
                "unique",
                Verdict.UNIQUE.rank,
                1.0,
                json.dumps([claim]),
                json.dumps(reasons),
            )

    # -- reading ----------------------------------------------------------------------

    def stories(self) -> list[dict[str, Any]]:
        with self._connect() as conn:
            rows = conn.execute(
                """
                SELECT s.id, s.title, s.origin, s.imported_at, s.imported_by,
                       COUNT(f.id) AS findings,
                       SUM(f.label = 'contradict') AS contradict,
                       SUM(f.label = 'attribution') AS attribution,
                       SUM(f.label = 'unique') AS "unique",
                       SUM(f.label = 'agree') AS agree,
                       SUM(f.label = 'related') AS related,
                       SUM(f.status = 'open' AND f.label IN ('contradict', 'attribution', 'unique'))
                           AS open,
                       SUM(f.status != 'open') AS decided
                FROM stories s LEFT JOIN findings f ON f.story_id = s.id
                GROUP BY s.id ORDER BY s.id DESC
                """
            ).fetchall()
        return [{k: 0 if v is None else v for k, v in dict(row).items()} for row in rows]

    def story(self, story_id: int) -> dict[str, Any]:
        story = dict(self._row("stories", story_id, "story"))
        story["report"] = Report.from_dict(json.loads(story["report"]))
        return story

    def findings(
        self,
        story_id: int | None = None,
        labels: Sequence[str] = (),
        statuses: Sequence[str] = (),
        kinds: Sequence[str] = (),
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Findings in queue order (severity, then confidence), filtered."""
        where, args = [], []
        if story_id is not None:
            where.append("story_id = ?")
            args.append(story_id)
        for column, values in (("label", labels), ("status", statuses), ("kind", kinds)):
            if values:
                where.append(f"{column} IN ({', '.join('?' * len(values))})")
                args.extend(values)
        sql = "SELECT * FROM findings"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY severity, confidence DESC, id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        with self._connect() as conn:
            return [_finding(row) for row in conn.execute(sql, args)]

    def finding(self, finding_id: int) -> dict[str, Any]:
        return _finding(self._row("findings", finding_id, "finding"))

    def _row(self, table: str, row_id: int, what: str) -> sqlite3.Row:
        """One row by id from a table of this schema (never a name from a request)."""
        with self._connect() as conn:
            row = conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,)).fetchone()
        if row is None:
            raise NotFound(f"no {what} {row_id}")
        return row

    def kinds(self, story_id: int | None = None) -> list[str]:
        sql = "SELECT DISTINCT kind FROM findings"
        args: tuple = ()
        if story_id is not None:
            sql += " WHERE story_id = ?"
            args = (story_id,)
        with self._connect() as conn:
            return sorted(row[0] for row in conn.execute(sql + " ORDER BY kind", args))

    def audit(self, limit: int = 1000) -> list[dict[str, Any]]:
        with self._connect() as conn:
            rows = conn.execute(
                "SELECT * FROM audit ORDER BY id DESC LIMIT ?", (int(limit),)
            ).fetchall()
        return [dict(row) for row in rows]

    # -- deciding ---------------------------------------------------------------------

    def decide(self, finding_id: int, status: str, note: str, user: str) -> dict[str, Any]:
        """Record a decision. Last write wins per finding; the audit log keeps every one.
        The transaction has committed (and reached the disk) when this returns."""
        if status not in STATUSES:
            raise StoreError(f"status must be one of {', '.join(STATUSES)}")
        with self._connect(write=True) as conn:
            row = conn.execute(
                "SELECT story_id, status FROM findings WHERE id = ?", (finding_id,)
            ).fetchone()
            if row is None:
                raise NotFound(f"no finding {finding_id}")
            at = now()
            conn.execute(
                "UPDATE findings SET status = ?, note = ?, decided_by = ?, decided_at = ?"
                " WHERE id = ?",
                (status, note, user, at, finding_id),
            )
            conn.execute(
                "INSERT INTO audit (at, user, action, story_id, finding_id, old_status,"
                " new_status, note) VALUES (?, ?, 'decision', ?, ?, ?, ?, ?)",
                (at, user, row["story_id"], finding_id, row["status"], status, note),
            )
        return self.finding(finding_id)

    # -- comparisons run from the app --------------------------------------------------

    def create_job(self, title: str, user: str) -> int:
        with self._connect(write=True) as conn:
            job_id = conn.execute(
                "INSERT INTO jobs (title, state, message, created_by, created_at, updated_at)"
                " VALUES (?, 'queued', 'waiting for the worker', ?, ?, ?)",
                (title, user, now(), now()),
            ).lastrowid
        assert job_id is not None
        return job_id

    def update_job(self, job_id: int, **fields: Any) -> None:
        allowed = {"state", "message", "progress", "story_id", "error"}
        if not set(fields) <= allowed:
            raise StoreError(f"unknown job fields: {sorted(set(fields) - allowed)}")
        columns = ", ".join(f"{name} = ?" for name in fields)
        with self._connect(write=True) as conn:
            conn.execute(
                f"UPDATE jobs SET {columns}, updated_at = ? WHERE id = ?",
                (*fields.values(), now(), job_id),
            )

    def job(self, job_id: int) -> dict[str, Any]:
        return dict(self._row("jobs", job_id, "job"))


def _statements(script: str) -> list[str]:
    """A migration's statements; `executescript` would commit the open transaction."""
    return [s.strip() for s in script.split(";") if s.strip()]


def _finding(row: sqlite3.Row) -> dict[str, Any]:
    finding = dict(row)
    finding["claims"] = json.loads(finding["claims"])
    finding["reasons"] = json.loads(finding["reasons"])
    return finding
