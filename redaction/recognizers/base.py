"""What every French recognizer shares: language, regex flags, token boundaries."""

from __future__ import annotations

import regex

LANGUAGE = "fr"
CASE_SENSITIVE = regex.DOTALL | regex.MULTILINE
CASE_INSENSITIVE = CASE_SENSITIVE | regex.IGNORECASE
START = r"(?<![\w])"
END = r"(?![\w])"
