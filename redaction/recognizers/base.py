"""What every French recognizer shares: language, regex flags, token boundaries."""

from __future__ import annotations

import regex

LANGUAGE = "fr"
CASE_SENSITIVE = regex.DOTALL | regex.MULTILINE
CASE_INSENSITIVE = CASE_SENSITIVE | regex.IGNORECASE
START = r"(?<![\w])"
END = r"(?![\w])"


def raised_if(valid: bool) -> bool | None:
    """For `validate_result`: a right check digit lifts the score to the maximum, a wrong one keeps the pattern's
    own score. A mistyped identifier is still a person's: a checksum never unmasks a value of the right shape."""
    return True if valid else None
