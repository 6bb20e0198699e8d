"""Identifiers said aloud and written as they were dictated, after a word naming them: a NIR (« le numéro de
sécurité sociale dicté : deux, quatre-vingt-trois, zéro deux, … clé quarante et un »), a benefits number (« le
matricule CAF, c'est le quatre-cinq-zéro-zéro-trois-un-deux : 4500312 »). Five number words in a row at least:
« trois enfants », « deux cent cinquante euros » are no identifier."""

from __future__ import annotations

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redaction.recognizers.base import LANGUAGE, result_of
from redaction.recognizers.benefits import ALLOCATAIRE_CUE
from redaction.recognizers.nir import NIR_CUE
from redaction.recognizers.number_words import NUMBER_WORDS, number_runs, number_text

MIN_NUMBER_WORDS = 5
_DICTATED_WORDS = NUMBER_WORDS | {"cent", "cents", "mille", "cle"}
"""A group said as a hundreds number (« cent vingt-trois ») and the key of a NIR (« clé quarante et un »)."""
_DICTATED_JOINS = regex.compile(r"^[\s,.;:/-]*$")
"""As between the words of a phone number said aloud, and the colon before the same number in figures."""
_CUE_WINDOW = 40
_CUES = (
    ("NIR", regex.compile(NIR_CUE, regex.IGNORECASE)),
    ("NUMERO_ALLOCATAIRE", regex.compile(ALLOCATAIRE_CUE, regex.IGNORECASE)),
)


class FrSpokenIdentifierRecognizer(EntityRecognizer):
    """A run of number words, or of number words and figures, within `_CUE_WINDOW` characters after a word that
    names a NIR or a benefits number, or before it (« il me dicte : deux soixante-cinq …, c'est son numéro de
    sécu »)."""

    SCORE = 0.6

    def __init__(self) -> None:
        super().__init__(supported_entities=[entity for entity, _ in _CUES], name="FrSpokenIdentifierRecognizer",
                         supported_language=LANGUAGE)

    def load(self) -> None:
        """Nothing to load: the number words are listed in `number_words`."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        lowered = number_text(text)
        results = []
        for run in number_runs(lowered, _DICTATED_WORDS, _DICTATED_JOINS):
            said = [lowered[start:end] for start, end in run if not lowered[start:end].isdigit()]
            if len(said) < MIN_NUMBER_WORDS:
                continue
            before = lowered[max(0, run[0][0] - _CUE_WINDOW): run[0][0]]
            after = lowered[run[-1][1]: run[-1][1] + _CUE_WINDOW]
            entity = next((entity for window in (before, after) for entity, cue in _CUES if cue.search(window)), None)
            if entity:
                results.append(result_of(self, entity, run[0][0], run[-1][1], self.SCORE))
        return results
