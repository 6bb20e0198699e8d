"""Audit log on SQLite: what was asked and answered, redacted only, for the DPO; purged after the retention.

The file and its journals are created 0600. Record methods take `RedactedText`, never `str`, for user text.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import sqlite3
import uuid
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TextIO

from redaction.model import RedactedText

SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS question (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    question_redacted TEXT NOT NULL,
    entity_counts TEXT NOT NULL,
    doc_ids TEXT NOT NULL,
    answer_redacted TEXT NOT NULL,
    mode TEXT NOT NULL,
    latencies_ms TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS question_created_at ON question (created_at);
CREATE TABLE IF NOT EXISTS feedback (
    record_id TEXT NOT NULL REFERENCES question (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    useful INTEGER NOT NULL,
    comment_redacted TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS feedback_record ON feedback (record_id);
"""
EXPORT_COLUMNS = (
    "id",
    "created_at",
    "mode",
    "question_redacted",
    "entity_counts",
    "doc_ids",
    "answer_redacted",
    "latencies_ms",
    "feedback_at",
    "feedback_useful",
    "feedback_comment_redacted",
)


class AuditUnavailable(RuntimeError):
    """The audit database cannot be created or written: nothing is answered without a trace for the DPO."""


def _require_redacted(value: object, name: str) -> RedactedText:
    if not isinstance(value, RedactedText):
        raise TypeError(f"{name} must be a RedactedText from redaction.Redactor, not {type(value).__name__}")
    return value


def _utc(now: datetime | None) -> datetime:
    return (now or datetime.now(UTC)).astimezone(UTC)


class AuditLog:
    def __init__(self, path: Path, retention_days: int = 90) -> None:
        if retention_days < 1:
            raise ValueError("retention_days must be at least 1")
        self.path = Path(path)
        self.retention_days = retention_days
        try:
            self._open()
        except (OSError, sqlite3.Error) as error:
            reason = getattr(error, "strerror", None) or str(error)
            raise AuditUnavailable(
                f"the audit log {self.path} cannot be opened for writing ({reason}): questions are not answered "
                "without their audit trail; make its folder writable by the service, or set GUICHET_HOME"
            ) from None

    def _open(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(self.path, os.O_CREAT | os.O_RDWR, 0o600))
        os.chmod(self.path, 0o600)
        with self._connect() as connection:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise RuntimeError(f"audit log {self.path} has schema {version}, newer than {SCHEMA_VERSION}")
            connection.execute("PRAGMA journal_mode = WAL")
            connection.executescript(_SCHEMA)
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        """SQLite gives its journal files the main file's mode; the umask covers the moment of creation."""
        previous_umask = os.umask(0o077)
        try:
            connection = sqlite3.connect(self.path, timeout=10)
        finally:
            os.umask(previous_umask)
        try:
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute("PRAGMA secure_delete = ON")
            with connection:
                yield connection
        finally:
            connection.close()

    def record_question(
        self,
        question: RedactedText,
        answer: RedactedText,
        doc_ids: Sequence[str],
        mode: str,
        latencies_ms: Mapping[str, float],
        now: datetime | None = None,
    ) -> str:
        """Store one exchange; returns the record id used by `record_feedback`."""
        question = _require_redacted(question, "question")
        answer = _require_redacted(answer, "answer")
        record_id = uuid.uuid4().hex
        with self._connect() as connection:
            connection.execute(
                "INSERT INTO question VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    record_id,
                    _utc(now).isoformat(),
                    question.text,
                    json.dumps(question.counts(), sort_keys=True),
                    json.dumps(list(doc_ids)),
                    answer.text,
                    mode,
                    json.dumps({name: round(float(value), 1) for name, value in latencies_ms.items()}, sort_keys=True),
                ),
            )
        return record_id

    def record_feedback(
        self, record_id: str, useful: bool, comment_redacted: RedactedText, now: datetime | None = None
    ) -> None:
        comment = _require_redacted(comment_redacted, "comment_redacted")
        with self._connect() as connection:
            if connection.execute("SELECT 1 FROM question WHERE id = ?", (record_id,)).fetchone() is None:
                raise KeyError("unknown audit record id")
            connection.execute(
                "INSERT INTO feedback VALUES (?, ?, ?, ?)",
                (record_id, _utc(now).isoformat(), int(useful), comment.text),
            )

    def purge(self, now: datetime | None = None) -> int:
        """Delete exchanges (and their feedback) older than the retention; returns how many exchanges went."""
        cutoff = (_utc(now) - timedelta(days=self.retention_days)).isoformat()
        with self._connect() as connection:
            connection.execute(
                "DELETE FROM feedback WHERE record_id IN (SELECT id FROM question WHERE created_at < ?)", (cutoff,)
            )
            deleted = connection.execute("DELETE FROM question WHERE created_at < ?", (cutoff,)).rowcount
        with self._connect() as connection:
            connection.execute("VACUUM")
        return deleted

    def rows(self) -> list[dict[str, str]]:
        query = """
            SELECT q.id, q.created_at, q.mode, q.question_redacted, q.entity_counts, q.doc_ids, q.answer_redacted,
                   q.latencies_ms, f.created_at, f.useful, f.comment_redacted
            FROM question q LEFT JOIN feedback f ON f.record_id = q.id
            ORDER BY q.created_at, f.created_at
        """
        with self._connect() as connection:
            return [dict(zip(EXPORT_COLUMNS, row, strict=True)) for row in connection.execute(query)]

    def export_csv(self, target: Path | TextIO) -> int:
        """Write one CSV row per exchange and feedback; a path is written aside then renamed, mode 0600."""
        rows = self.rows()
        if isinstance(target, (str, Path)):
            target = Path(target)
            partial = target.with_name(f".{target.name}.{uuid.uuid4().hex}.partial")
            descriptor = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            try:
                with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
                    _write_csv(handle, rows)
                os.replace(partial, target)
            finally:
                if partial.exists():
                    partial.unlink()
        else:
            _write_csv(target, rows)
        return len(rows)


def _write_csv(handle: TextIO, rows: list[dict[str, str]]) -> None:
    writer = csv.DictWriter(handle, fieldnames=EXPORT_COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
