"""A logging filter that redacts every record: message, arguments, exception and stack text.

Records whose final message was already found clean are let through at the cost of one hash lookup: only
hashes of clean messages are remembered, never text.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import OrderedDict

from redaction.engine import Redactor

_CLEAN_CACHE_SIZE = 4096


class RedactingFilter(logging.Filter):
    def __init__(self, redactor: Redactor) -> None:
        super().__init__()
        self._redactor = redactor
        self._clean: OrderedDict[bytes, None] = OrderedDict()
        self._lock = threading.Lock()
        self._busy = threading.local()

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(self._busy, "active", False):
            return True
        self._busy.active = True
        try:
            record.msg = self._redact(record.getMessage())
            record.args = ()
            if record.exc_info:
                formatter = logging.Formatter()
                record.exc_text = self._redact(formatter.formatException(record.exc_info))
                record.exc_info = None
            elif record.exc_text:
                record.exc_text = self._redact(record.exc_text)
            if record.stack_info:
                record.stack_info = self._redact(record.stack_info)
        except Exception:
            record.msg, record.args, record.exc_info, record.exc_text = (
                "[message retiré : redaction impossible]",
                (),
                None,
                None,
            )
        finally:
            self._busy.active = False
        return True

    def _redact(self, text: str) -> str:
        key = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        with self._lock:
            if key in self._clean:
                self._clean.move_to_end(key)
                return text
        redacted = self._redactor.redact_text(text)
        if redacted == text:
            with self._lock:
                self._clean[key] = None
                if len(self._clean) > _CLEAN_CACHE_SIZE:
                    self._clean.popitem(last=False)
        return redacted


def install_log_redaction(redactor: Redactor, loggers: tuple[str, ...] = ("",)) -> RedactingFilter:
    """Put one redacting filter on every handler of these loggers (the root by default); safe to call again
    after adding handlers. Returns the filter."""
    redacting = next(
        (
            existing
            for name in loggers
            for handler in logging.getLogger(name).handlers
            for existing in handler.filters
            if isinstance(existing, RedactingFilter)
        ),
        None,
    ) or RedactingFilter(redactor)
    for name in loggers:
        for handler in logging.getLogger(name).handlers:
            if redacting not in handler.filters:
                handler.addFilter(redacting)
    if logging.lastResort is not None and redacting not in logging.lastResort.filters:
        logging.lastResort.addFilter(redacting)
    return redacting
