"""Process-wide logging for the faces: a 0600 rotating file under GUICHET_HOME and stderr, every record redacted."""
from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler

from guichet.config import Settings
from redaction.engine import Redactor
from redaction.logging_filter import install_log_redaction

LOG_FILE = "guichet.log"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
QUIET_LOGGERS = ("presidio-analyzer", "presidio-anonymizer", "httpx", "sentence_transformers", "faiss")
"""Third-party loggers whose INFO records are noise (and would each cost a redaction pass)."""


class PrivateRotatingFileHandler(RotatingFileHandler):
    """Every file it opens, rotated ones included, is created 0600."""

    def _open(self):  # type: ignore[no-untyped-def]
        descriptor = os.open(self.baseFilename, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600)
        return open(descriptor, self.mode, encoding=self.encoding, errors=self.errors)


def configure_logging(settings: Settings, redactor: Redactor, level: int = logging.INFO) -> None:
    """Idempotent: handlers are added once per process; the redacting filter covers each of them."""
    root = logging.getLogger()
    if not any(getattr(handler, "guichet", False) for handler in root.handlers):
        settings.log_dir.mkdir(parents=True, exist_ok=True)
        os.chmod(settings.log_dir, 0o700)
        path = settings.log_dir / LOG_FILE
        to_file = PrivateRotatingFileHandler(path, maxBytes=10_000_000, backupCount=5, encoding="utf-8")
        to_stderr = logging.StreamHandler()
        for handler in (to_file, to_stderr):
            handler.setFormatter(logging.Formatter(FORMAT))
            handler.guichet = True  # type: ignore[attr-defined]
            root.addHandler(handler)
        root.setLevel(level)
        for name in QUIET_LOGGERS:
            logging.getLogger(name).setLevel(logging.WARNING)
    install_log_redaction(redactor)
