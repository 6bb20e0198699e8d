"""The `Redactor` (Presidio + spaCy French, loaded once per process) and the in-memory `Vault`."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterable
from typing import Any, NoReturn

import regex
import spacy
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from spacy.tokens import Doc

from guichet.config import Settings
from redaction.entities import TYPES, SameValue
from redaction.model import Entity, RedactedText
from redaction.recognizers import french_recognizers
from redaction.recognizers.base import LANGUAGE
from redaction.recognizers.birth_date import DATE_AFTER_NAME
from redaction.recognizers.checksums import compact
from redaction.recognizers.french_words import FrenchWords, french_words
from redaction.recognizers.person import NOT_NAMES, SPACY_LABEL, unshout
from redaction.unicode_fold import fold, without_accents

PLACEHOLDER = regex.compile(r"<(" + "|".join(sorted(TYPES, key=len, reverse=True)) + r")_(\d+)>")
ECHO_SCORE = 0.7
"""Score of a name found again alone after its first, fuller mention."""
DATE_AFTER_NAME_SCORE = 0.8
CONTEXT_AFTER = 2
"""Words after a value that count as its context, besides the five before it: « 2087654321098 sur impots.gouv »
names what the number is after it. Two, not five: further on, the words speak of the rest of the sentence (« le
lieu-dit et le hameau suffisent-ils comme adresse »)."""
_WARM_UP = "Mme Exemple, exemple@exemple.fr, 01 02 03 04 05."


def _value_key(entity_type: str, value: str) -> str:
    value = fold(value)
    same_value = TYPES[entity_type].same_value
    if same_value is SameValue.PHONE:
        return compact(value)[-9:]
    if same_value is SameValue.DIGITS:
        return compact(value)
    if same_value is SameValue.NAME:
        return " ".join(sorted(value.replace(",", " ").casefold().split()))
    return " ".join(value.split()).casefold()


class Vault:
    """Placeholder ↔ value for one conversation; lives in memory only and never shows its values."""

    __slots__ = ("_keys", "_values", "_lock")

    def __init__(self) -> None:
        self._keys: dict[tuple[str, str], str] = {}
        self._values: dict[str, str] = {}
        self._lock = threading.Lock()

    def placeholder(self, entity_type: str, value: str) -> str:
        key = (entity_type, _value_key(entity_type, value))
        with self._lock:
            existing = self._keys.get(key)
            if existing:
                return existing
            number = 1 + sum(1 for known_type, _ in self._keys if known_type == entity_type)
            placeholder = f"<{entity_type}_{number}>"
            self._keys[key] = placeholder
            self._values[placeholder] = value
            return placeholder

    def known(self, entity_type: str) -> dict[str, str]:
        """Values of one type already met, each with its placeholder (for the redactor; never log this)."""
        return {
            value: placeholder
            for placeholder, value in self._values.items()
            if placeholder.startswith(f"<{entity_type}_")
        }

    def restore(self, text: str) -> str:
        return PLACEHOLDER.sub(lambda match: self._values.get(match.group(0), match.group(0)), text)

    def counts(self) -> dict[str, int]:
        totals: dict[str, int] = {}
        for entity_type, _ in self._keys:
            totals[entity_type] = totals.get(entity_type, 0) + 1
        return totals

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"Vault({self.counts()})"

    def _refuse(self, *_: object) -> NoReturn:
        raise TypeError("Vault holds personal data and stays in memory: it cannot be pickled or copied")

    __reduce__ = __reduce_ex__ = __getstate__ = __copy__ = __deepcopy__ = _refuse


class _FrenchSpacyEngine(SpacyNlpEngine):
    """spaCy French without the parser and the lemmatizer (a fifth of the time): context words are matched
    against lower-cased words instead of lemmas, so recognizers list the inflected forms they expect. A word some
    recognizer listens for is no stop word: « tél » typed « tel » is spaCy's stop word « tel »."""

    def __init__(self, *args: Any, listened_words: frozenset[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._listened_words = listened_words

    def is_stopword(self, word: str, language: str) -> bool:
        return without_accents(word) not in self._listened_words and super().is_stopword(word, language)

    def load(self) -> None:
        self.nlp = {
            model["lang_code"]: spacy.load(model["model_name"], exclude=["parser", "lemmatizer"])
            for model in self.models
        }

    def process_text(self, text: str, language: str) -> NlpArtifacts:
        """spaCy reads names written in capitals title-cased; offsets are those of `text`."""
        return self._doc_to_nlp_artifact(self.nlp[language](unshout(text)), language)

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        artifacts = super()._doc_to_nlp_artifact(doc, language)
        artifacts.lemmas = [token.lower_ for token in doc]
        artifacts.keywords = artifacts.set_keywords(self, artifacts.lemmas, language)
        return artifacts


class _AccentBlindContextEnhancer(LemmaContextAwareEnhancer):
    """A recognizer's context words count however the agent typed them: with or without accents (« numero de
    securite sociale », « domicilie au »), and a phrase (« carte grise ») when each of its words stands near the
    value."""

    @staticmethod
    def _find_supportive_word_in_context(
        context_list: list[str], recognizer_context_list: list[str], matching_mode: str = "substring"
    ) -> str:
        near = [without_accents(word.lower()) for word in context_list]
        for context_word in recognizer_context_list:
            parts = without_accents(context_word.lower()).split()
            if all(any(part in word for word in near) for part in parts):
                return context_word
        return ""


def build_analyzer(spacy_model: str) -> AnalyzerEngine:
    ner = NerModelConfiguration(
        model_to_presidio_entity_mapping={"PER": SPACY_LABEL},
        labels_to_ignore=["LOC", "ORG", "MISC"],
    )
    recognizers = french_recognizers(spacy_model)
    listened_words = frozenset(
        without_accents(word) for recognizer in recognizers for phrase in recognizer.context or []
        for word in phrase.lower().split()
    )
    nlp_engine = _FrenchSpacyEngine(
        models=[{"lang_code": LANGUAGE, "model_name": spacy_model}], ner_model_configuration=ner,
        listened_words=listened_words,
    )
    registry = RecognizerRegistry(recognizers=recognizers, supported_languages=[LANGUAGE])
    analyzer = AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=[LANGUAGE],
                              context_aware_enhancer=_AccentBlindContextEnhancer(context_suffix_count=CONTEXT_AFTER))
    analyzer.analyze(text=_WARM_UP, language=LANGUAGE)
    return analyzer


@functools.lru_cache(maxsize=2)
def _shared_analyzer(spacy_model: str) -> AnalyzerEngine:
    return build_analyzer(spacy_model)


class Redactor:
    def __init__(self, analyzer: AnalyzerEngine, french: FrenchWords) -> None:
        self._analyzer = analyzer
        self._french = french

    @classmethod
    def from_settings(cls, settings: Settings) -> Redactor:
        """Load spaCy and Presidio once per process and model; later calls share them."""
        model = settings.redaction_spacy_model
        return cls(_shared_analyzer(model), french_words(model))

    def supported_types(self) -> list[str]:
        return sorted(self._analyzer.get_supported_entities(LANGUAGE))

    def analyze(self, text: str) -> list[Entity]:
        if not text.strip():
            return []
        folded = fold(text)
        results = self._analyzer.analyze(text=folded, language=LANGUAGE)
        placeholders = [match.span() for match in PLACEHOLDER.finditer(text)]
        candidates = [
            Entity(result.entity_type, result.start, result.end, round(result.score, 3))
            for result in results
            if result.score >= TYPES[result.entity_type].threshold
            and not any(start < result.end and result.start < end for start, end in placeholders)
        ]
        return _resolve_overlaps(_merge_same_type(candidates + _dates_after_names(folded, candidates)), folded)

    def redact(self, text: str, vault: Vault | None = None) -> RedactedText:
        """Redact with placeholders from `vault` (a fresh one if None). A name already met in the conversation or
        in this text is also redacted where it comes back alone ("Benali" after "Mme Fatima Benali")."""
        vault = Vault() if vault is None else vault
        found = [
            Entity(e.type, e.start, e.end, e.score, _placeholder(vault, e.type, text[e.start : e.end]))
            for e in self.analyze(text)
        ]
        echoes = _name_echoes(text, found, vault, self._french)
        found = sorted([e for e in found if not any(_within(e, echo) for echo in echoes)] + echoes,
                       key=lambda e: e.start)
        pieces: list[str] = []
        cursor = 0
        for entity in found:
            pieces.append(text[cursor : entity.start])
            pieces.append(entity.placeholder)
            cursor = entity.end
        pieces.append(text[cursor:])
        return RedactedText("".join(pieces), tuple(found))

    def redact_text(self, text: str) -> str:
        """Redacted text alone, each call with a fresh vault (for logs and error messages)."""
        return self.redact(text).text


def _placeholder(vault: Vault, entity_type: str, value: str) -> str:
    """A word of a name already met keeps that name's placeholder, whatever its accents (« Benali » after « Mme Fatima
    Benali », « cecile » after « Cécile Hérault »)."""
    if entity_type == "PERSONNE" and len(value.split()) == 1:
        for known, placeholder in vault.known("PERSONNE").items():
            if without_accents(value).casefold() in {without_accents(word).casefold() for word in _name_words(known)}:
                return placeholder
    return vault.placeholder(entity_type, value)


def _name_echoes(text: str, found: list[Entity], vault: Vault, french: FrenchWords) -> list[Entity]:
    """A name met before, found again whole or by one of its words, as written, in capitals or in lower case, with
    or without accents; a word alone in lower case only when it is no French word (« chantal » after « Chantal
    Blanc », not « blanc »)."""
    echoes: list[Entity] = []
    taken = [(e.start, e.end) for e in found] + [match.span() for match in PLACEHOLDER.finditer(text)]
    names = [e for e in found if e.type == "PERSONNE"]
    plain_text = without_accents(text)
    for value, placeholder in vault.known("PERSONNE").items():
        words = _name_words(value)
        forms = [form for name in [value, *words] for form in (name, name.upper())] + [value.lower()]
        forms += [word.lower() for word in words if not french.is_common(word)]
        for form in dict.fromkeys(without_accents(form) for form in forms):
            for match in regex.finditer(rf"(?<![\w'’-]){regex.escape(form)}(?![\w'’-])", plain_text):
                start, end = match.span()
                echo = Entity("PERSONNE", start, end, ECHO_SCORE, placeholder)
                if all(end <= s or e <= start or any(_within(name, echo) and (s, e) == (name.start, name.end)
                                                     for name in names) for s, e in taken):
                    echoes.append(echo)
                    taken.append((start, end))
    return echoes


def _within(name: Entity, echo: Entity) -> bool:
    """A name found by one of its words inside a longer echo of a known name (« chantal » in « chantal blanc »
    after « Chantal Blanc »): the echo masks the whole name."""
    return name.type == "PERSONNE" and echo.start <= name.start and name.end <= echo.end and \
        echo.end - echo.start > name.end - name.start


def _name_words(name: str) -> list[str]:
    """The words of a name that identify it alone (« Lespilette, abdulkadir » → « Lespilette »)."""
    return [word for word in regex.split(r"[\s,]+", name) if _is_distinctive_name_word(word)]


def _is_distinctive_name_word(word: str) -> bool:
    return len(word) >= 3 and word[0].isupper() and word.casefold() not in NOT_NAMES


def _dates_after_names(text: str, entities: list[Entity]) -> list[Entity]:
    """A full date written right after a person's name is that person's date of birth."""
    dates = []
    for entity in entities:
        match = DATE_AFTER_NAME.match(text, entity.end) if entity.type == "PERSONNE" else None
        if match:
            dates.append(Entity("DATE_NAISSANCE", match.start("date"), match.end("date"), DATE_AFTER_NAME_SCORE))
    return dates


def _merge_same_type(entities: Iterable[Entity]) -> list[Entity]:
    merged: list[Entity] = []
    for entity in sorted(entities, key=lambda e: (e.type, e.start, -e.end)):
        last = merged[-1] if merged else None
        if last and last.type == entity.type and entity.start < last.end:
            merged[-1] = Entity(last.type, last.start, max(last.end, entity.end), max(last.score, entity.score))
        else:
            merged.append(entity)
    return merged


def _resolve_overlaps(entities: list[Entity], text: str) -> list[Entity]:
    """A span inside a longer one goes (a person's name in a street name); then the higher score wins, and what the
    lower one found beyond the winner stays masked as it was typed (« Avenue Luce Millet, 15916 Saint-Flour » after a
    name that spaCy ran into the street keeps « 15916 Saint-Flour » an address)."""
    outermost = [
        entity
        for entity in entities
        if not any(
            other.start <= entity.start
            and entity.end <= other.end
            and other.end - other.start > entity.end - entity.start
            for other in entities
        )
    ]
    kept: list[Entity] = []
    for entity in sorted(outermost, key=lambda e: (-e.score, -(e.end - e.start), e.start)):
        kept.extend(_beyond(entity, kept, text))
    return sorted(kept, key=lambda e: e.start)


def _beyond(entity: Entity, kept: list[Entity], text: str) -> list[Entity]:
    """The parts of the entity that no kept span covers, without the spaces and signs where they were cut."""
    parts = [(entity.start, entity.end)]
    for other in kept:
        cut = [((start, min(end, other.start)), (max(start, other.end), end)) for start, end in parts]
        parts = [piece for pair in cut for piece in pair if piece[0] < piece[1]]
    pieces = []
    for start, end in parts:
        while entity.start < start < end and not text[start].isalnum():
            start += 1
        while start < end < entity.end and not text[end - 1].isalnum():
            end -= 1
        if start < end:
            pieces.append(Entity(entity.type, start, end, entity.score))
    return pieces
