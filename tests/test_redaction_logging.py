"""The logging filter: no record leaves a handler with personal data in its message, args or traceback."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest

from guichet.config import Settings
from redaction.engine import Redactor
from redaction.logging_filter import RedactingFilter, install_log_redaction


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    return Redactor.from_settings(Settings())


@pytest.fixture
def captured(redactor: Redactor) -> Iterator[tuple[logging.Logger, io.StringIO]]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    logger = logging.getLogger("guichet.test_redaction_logging")
    logger.addHandler(handler)
    logger.propagate = False
    logger.setLevel(logging.INFO)
    install_log_redaction(redactor, loggers=(logger.name,))
    yield logger, stream
    logger.removeHandler(handler)


def test_message_and_args_are_redacted(captured: tuple[logging.Logger, io.StringIO]) -> None:
    logger, stream = captured
    logger.info("question reçue : %s", "Mme Fatima Benali, tél. 06 12 34 56 78, demande l'APL")
    assert stream.getvalue() == "question reçue : Mme <PERSONNE_1>, tél. <TELEPHONE_1>, demande l'APL\n"


def test_exception_text_is_redacted(captured: tuple[logging.Logger, io.StringIO]) -> None:
    logger, stream = captured
    try:
        raise ValueError("dossier de M. Karim Haddad introuvable, mail karim.haddad@gmail.com")
    except ValueError:
        logger.exception("échec")
    output = stream.getvalue()
    assert "Traceback" in output and "ValueError: dossier de M. <PERSONNE_1> introuvable" in output
    assert "Haddad" not in output and "gmail" not in output


def test_clean_messages_pass_unchanged_and_are_cached(
    captured: tuple[logging.Logger, io.StringIO], redactor: Redactor
) -> None:
    logger, stream = captured
    for _ in range(3):
        logger.info("index chargé : %d passages en %.1f s", 1200, 2.5)
    assert stream.getvalue() == "index chargé : 1200 passages en 2.5 s\n" * 3


def test_install_is_idempotent(captured: tuple[logging.Logger, io.StringIO], redactor: Redactor) -> None:
    logger, _ = captured
    install_log_redaction(redactor, loggers=(logger.name,))
    for handler in logger.handlers:
        assert sum(isinstance(f, RedactingFilter) for f in handler.filters) == 1
