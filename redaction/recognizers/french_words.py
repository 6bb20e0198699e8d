"""Is a lower-case word French? The spaCy French model's lemmatizer tables (216,000 inflected forms, 107,000
lemmas by part of speech and the suffix rules between them, 124,000 irregular forms) and spaCy's French stop words,
read once per model.

Names typed in lower case are told from ordinary words this way: « mon fils karim » is a name, « mon fils
aîné » is not."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import regex
import spacy
from spacy.lang.fr import French
from spacy.lookups import Lookups, Table

from redaction.unicode_fold import without_accents

_PARTS_OF_SPEECH = ("noun", "adj", "verb", "adv")
_ELISION = regex.compile(r"^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’](?=\p{L}{2})", regex.IGNORECASE)
_INVERTED_SUBJECT = regex.compile(r"(?<=\p{L})-(?:t-)?(?:il|elle|on|ils|elles|je|tu|nous|vous)$", regex.IGNORECASE)
"""The subject pronoun of a question said after its verb (« peut-il », « a-t-elle », « doit-on »)."""


@dataclass(frozen=True)
class FrenchWords:
    stop_words: frozenset[str]
    inflected: Table
    """Inflected form → its lemmas (keys are hashed: look up, never list)."""
    lemmas: dict[str, frozenset[str]]
    rules: dict[str, tuple[tuple[str, str], ...]]
    unaccented: FrenchWords | None = None
    """The same words with their accents dropped, as agents often type them (« ete », « numero », « versee »)."""

    def is_function_word(self, word: str) -> bool:
        return word.casefold() in self.stop_words

    def is_verb(self, word: str) -> bool:
        """A form of a verb (« demande », « habite », « retraitée »), whatever else it may be."""
        folded = _bare(word)
        verbs = self.lemmas["verb"]
        return self._has_lemma(folded, "verb") or any(lemma in verbs for lemma in self.inflected.get(folded, ()))

    def is_common(self, word: str) -> bool:
        """A stop word, an inflected form or a lemma of the dictionary, or a form the suffix rules lead to one; a word
        typed without its accents is one when the dictionary's words without theirs hold it (« ete » for « été »)."""
        folded = _bare(word)
        return (
            folded in self.stop_words
            or folded in self.inflected
            or any(self._has_lemma(folded, part) for part in _PARTS_OF_SPEECH)
            or (self.unaccented is not None and folded.isascii() and self.unaccented.is_common(folded))
        )

    def _has_lemma(self, word: str, part: str) -> bool:
        lemmas = self.lemmas.get(part, frozenset())
        if word in lemmas:
            return True
        return any(
            word.endswith(old) and word[: len(word) - len(old)] + new in lemmas for old, new in self.rules.get(part, ())
        )


def _bare(word: str) -> str:
    """The word in lower case without an elided article or pronoun before it (« l'usager ») or a subject pronoun
    after it (« peut-il »): the form the dictionary holds."""
    return _INVERTED_SUBJECT.sub("", _ELISION.sub("", word.casefold()))


@functools.lru_cache(maxsize=2)
def french_words(spacy_model: str) -> FrenchWords:
    lookups = Lookups().from_disk(_lemmatizer_lookups(spacy_model))
    index = lookups.get_table("lemma_index")
    rules = lookups.get_table("lemma_rules")
    irregular = lookups.get_table("lemma_exc")
    words = FrenchWords(
        stop_words=frozenset(French.Defaults.stop_words),
        inflected=lookups.get_table("lemma_lookup"),
        lemmas={part: _lemmas(index.get(part, ()), irregular.get(part, {})) for part in _PARTS_OF_SPEECH},
        rules={part: tuple((old, new) for old, new in rules.get(part, ())) for part in _PARTS_OF_SPEECH},
    )
    return dataclasses.replace(words, unaccented=_unaccented(words))


def _unaccented(words: FrenchWords) -> FrenchWords:
    """The lemmas, stop words and suffix rules without accents; the inflected forms, hashed, cannot be listed."""
    return FrenchWords(
        stop_words=frozenset(without_accents(word) for word in words.stop_words),
        inflected=Table(),
        lemmas={part: frozenset(without_accents(lemma) for lemma in lemmas) for part, lemmas in words.lemmas.items()},
        rules={part: tuple(dict.fromkeys((without_accents(old), without_accents(new)) for old, new in rules))
               for part, rules in words.rules.items()},
    )


def _lemmas(regular: Iterable[str], irregular: Mapping[str, list[str]]) -> frozenset[str]:
    """The lemmas the suffix rules lead to, and the forms the rules do not reach with their lemmas (« mois »,
    « préavis », « fait » → « faire »)."""
    forms = frozenset(regular) | frozenset(irregular)
    return forms | frozenset(lemma for lemmas in irregular.values() for lemma in lemmas)


def _lemmatizer_lookups(spacy_model: str) -> Path:
    package = spacy.util.get_package_path(spacy_model)
    return next(package.glob("*/lemmatizer/lookups"))
