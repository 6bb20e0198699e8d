"""Audit log: redacted text only, 0600 files, retention purge, CSV export for the DPO."""

from __future__ import annotations

import csv
import io
import os
import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from guichet.config import Settings
from redaction.audit import AuditLog
from redaction.engine import Redactor, Vault

QUESTION = "Mme Fatima Benali, NIR 2 85 03 75 112 045 53, demande la prime d'activité."
NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    return Redactor.from_settings(Settings())


@pytest.fixture
def permissive_umask() -> None:
    previous = os.umask(0)
    yield
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def record(audit: AuditLog, redactor: Redactor, when: datetime) -> str:
    vault = Vault()
    question = redactor.redact(QUESTION, vault)
    answer = redactor.redact("<PERSONNE_1> peut demander la prime d'activité [1].", vault)
    return audit.record_question(question, answer, ["F2882"], "generated", {"retrieval": 12.3, "llm": 850}, now=when)


def test_files_are_private_even_with_a_permissive_umask(
    tmp_path: Path, redactor: Redactor, permissive_umask: None
) -> None:
    audit = AuditLog(tmp_path / "audit.sqlite3", retention_days=90)
    record(audit, redactor, NOW)
    assert mode(audit.path) == 0o600
    with sqlite3.connect(audit.path) as connection:
        connection.execute("INSERT INTO feedback VALUES ('x', 'now', 1, '')")
        journals = [path for path in tmp_path.iterdir() if path.name != audit.path.name]
        assert journals, "SQLite keeps a WAL file while a write is open"
        assert all(mode(path) == 0o600 for path in journals)
        connection.rollback()
    exported = tmp_path / "export.csv"
    audit.export_csv(exported)
    assert mode(exported) == 0o600


def test_only_redacted_text_is_stored(tmp_path: Path, redactor: Redactor) -> None:
    audit = AuditLog(tmp_path / "audit.sqlite3")
    record_id = record(audit, redactor, NOW)
    audit.record_feedback(record_id, useful=True, comment_redacted=redactor.redact("Merci, Mme Benali est ravie."))
    stored = b"".join(path.read_bytes() for path in tmp_path.iterdir())
    for value in (b"Benali", b"Fatima", b"2 85 03 75 112 045 53"):
        assert value not in stored
    (row,) = audit.rows()
    assert row["question_redacted"] == "Mme <PERSONNE_1>, NIR <NIR_1>, demande la prime d'activité."
    assert row["entity_counts"] == '{"NIR": 1, "PERSONNE": 1}'
    assert row["doc_ids"] == '["F2882"]' and row["mode"] == "generated"
    assert row["feedback_useful"] == 1 and row["feedback_comment_redacted"] == "Merci, Mme <PERSONNE_1> est ravie."


def test_plain_strings_are_refused(tmp_path: Path, redactor: Redactor) -> None:
    audit = AuditLog(tmp_path / "audit.sqlite3")
    redacted = redactor.redact("Bonjour")
    with pytest.raises(TypeError):
        audit.record_question(QUESTION, redacted, [], "refused", {})  # type: ignore[arg-type]
    record_id = audit.record_question(redacted, redacted, [], "refused", {})
    with pytest.raises(TypeError):
        audit.record_feedback(record_id, False, "Mme Benali")  # type: ignore[arg-type]
    with pytest.raises(KeyError):
        audit.record_feedback("inconnu", False, redacted)


def test_purge_follows_the_retention(tmp_path: Path, redactor: Redactor) -> None:
    audit = AuditLog(tmp_path / "audit.sqlite3", retention_days=90)
    old = record(audit, redactor, NOW - timedelta(days=91))
    audit.record_feedback(old, False, redactor.redact("pas utile"), now=NOW - timedelta(days=91))
    record(audit, redactor, NOW - timedelta(days=89))
    assert audit.purge(now=NOW) == 1
    assert len(audit.rows()) == 1
    with sqlite3.connect(audit.path) as connection:
        assert connection.execute("SELECT COUNT(*) FROM feedback").fetchone() == (0,)
    assert audit.purge(now=NOW) == 0


def test_export_csv_to_a_stream(tmp_path: Path, redactor: Redactor) -> None:
    audit = AuditLog(tmp_path / "audit.sqlite3")
    record(audit, redactor, NOW)
    buffer = io.StringIO()
    assert audit.export_csv(buffer) == 1
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert rows[0]["answer_redacted"] == "<PERSONNE_1> peut demander la prime d'activité [1]."
    assert rows[0]["latencies_ms"] == '{"llm": 850.0, "retrieval": 12.3}'


def test_schema_is_versioned(tmp_path: Path) -> None:
    path = tmp_path / "audit.sqlite3"
    AuditLog(path)
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone() == (1,)
        connection.execute("PRAGMA user_version = 99")
    with pytest.raises(RuntimeError):
        AuditLog(path)
