"""What a corpus load read, yielded, dropped and skipped, and the guard that turns a file's parse error into a skip."""
from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
PARSE_ERRORS = (ValueError, KeyError, TypeError, AttributeError, ET.ParseError, OSError, zipfile.BadZipFile)


@dataclass(frozen=True)
class SkippedFile:
    path: str
    reason: str


@dataclass
class ParseReport:
    documents: Counter[str] = field(default_factory=Counter)
    """Documents yielded, per source."""
    files: Counter[str] = field(default_factory=Counter)
    """Files read, per source."""
    duplicates: Counter[str] = field(default_factory=Counter)
    """Documents dropped because an earlier one had the same id, per source."""
    skipped: list[SkippedFile] = field(default_factory=list)
    seconds: float = 0.0

    def skip(self, path: str | Path, reason: str) -> None:
        self.skipped.append(SkippedFile(str(path), " ".join(reason.split())[:300]))

    def summary(self) -> str:
        counts = ", ".join(f"{source}: {count}" for source, count in sorted(self.documents.items()))
        text = f"{sum(self.documents.values())} documents ({counts}) in {self.seconds:.1f} s"
        if self.skipped:
            text += f"; {len(self.skipped)} skipped"
        return text


def guarded(report: ParseReport, path: str | Path, parse: Callable[[], T]) -> T | None:
    try:
        return parse()
    except PARSE_ERRORS as error:
        report.skip(path, f"{type(error).__name__}: {error}")
        return None
