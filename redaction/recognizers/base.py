"""What every French recognizer shares: language, regex flags, token boundaries, and the pattern recognizer that a
class declares by its attributes."""

from __future__ import annotations

from typing import ClassVar

import regex
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult

LANGUAGE = "fr"
CASE_SENSITIVE = regex.DOTALL | regex.MULTILINE
CASE_INSENSITIVE = CASE_SENSITIVE | regex.IGNORECASE
START = r"(?<![\w])"
END = r"(?![\w])"


class FrPatternRecognizer(PatternRecognizer):
    """A French pattern recognizer declared by its class: the entity it finds (`ENTITY`), its `PATTERNS`, the
    `CONTEXT` words that raise their score (None: none) and its regex `FLAGS`; named after its class."""

    ENTITY: ClassVar[str]
    PATTERNS: ClassVar[list[Pattern]]
    CONTEXT: ClassVar[list[str] | None] = None
    FLAGS: ClassVar[int]

    def __init__(self) -> None:
        super().__init__(
            supported_entity=self.ENTITY,
            name=type(self).__name__,
            supported_language=LANGUAGE,
            patterns=list(self.PATTERNS),
            context=self.CONTEXT,
            global_regex_flags=self.FLAGS,
        )


def raised_if(valid: bool) -> bool | None:
    """For `validate_result`: a right check digit lifts the score to the maximum, a wrong one keeps the pattern's
    own score. A mistyped identifier is still a person's: a checksum never unmasks a value of the right shape."""
    return True if valid else None


def result_of(recognizer: EntityRecognizer, entity_type: str, start: int, end: int, score: float) -> RecognizerResult:
    """A result that names the recognizer that found it, as Presidio's own pattern recognizers do."""
    return RecognizerResult(
        entity_type=entity_type,
        start=start,
        end=end,
        score=score,
        analysis_explanation=AnalysisExplanation(recognizer=recognizer.name, original_score=score),
        recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
        },
    )
