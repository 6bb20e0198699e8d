"""Person names: spaCy's PER entities, cleaned, plus any name following a civility title, and names written in
capitals after a word that announces a person ("le fils KARIM", "chez DUPONT") or before what describes one
("BENALI, tél …"), a nickname after « dit », « dite », « surnommé(e) » or « alias » ("Mme Lefort, dite Mimi"),
and names in lower case after a civility or a kinship word ("mme dupont", "mon fils karim", "le petit yanis")
when they are not ordinary French words ("mon fils aîné", "mme la maire" are left alone), or after a verb of naming
("je m'appelle marc", "ma fille s'appelle rose", "mon nom de famille est dubois").

Handles compound and particle names ("Pierre-Yves Le Gall", "de La Tour", "N'Diaye"); the title itself
("Mme", "M.", "Maître") is kept out of the span so the redacted text keeps it. spaCy reads words in capitals
title-cased (`unshout`), administrative acronyms excepted, since its NER only knows names that way.
"""

from __future__ import annotations

from collections.abc import Callable

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.tokens import Doc

from redaction.recognizers.acronyms import ACRONYMS, CIVILITIES, FUNCTION_WORDS, OFFICES
from redaction.recognizers.base import CASE_INSENSITIVE, CASE_SENSITIVE, LANGUAGE, result_of
from redaction.recognizers.french_words import FrenchWords
from redaction.unicode_fold import without_accents

SPACY_LABEL = "PERSONNE"
_TITLE = (
    r"(?:M\.|MM\.|Mr\.?|Mme|Mmes|Mlle|Madame|Monsieur|Mademoiselle|Ma[îi]tre|Me|Dr\.?|Docteure?|Pr\.?"
    r"|Professeure?)"
)
_PARTICLE = r"(?:de|du|des|le|la|van|von|der|den|da|di|del|dos|das|ben|ibn|el|al)"
_TOKEN = r"(?:[A-Z]['’])?[A-ZÀ-Ý][a-zà-ÿA-ZÀ-Ý]*(?:-[A-ZÀ-Ý][a-zà-ÿA-ZÀ-Ý]*)*"
_LEADING = rf"(?:{_PARTICLE}\s+|d['’]){{0,3}}"
_NAME = rf"{_LEADING}{_TOKEN}(?:\s+{_LEADING}{_TOKEN}|(?<=\s(?:d|D)['’]){_TOKEN}){{0,4}}"
_MARITAL = r"(?:veuve|vve|épouse|née)"
TITLED_NAME = regex.compile(
    rf"(?<=(?<![\w.])(?:{_TITLE}\s+|(?:M|Mme|Dr|Pr)\.\s*)(?:{_MARITAL}\s+)?){_NAME}(?![\w'’-])", CASE_SENSITIVE
)
LEADING_TITLE = regex.compile(rf"^(?:{_TITLE}\s+)+", CASE_SENSITIVE | regex.IGNORECASE)
NOT_NAMES = frozenset(
    word.casefold()
    for word in (
        "Bonjour Bonsoir Merci Cordialement Madame Monsieur Mademoiselle Maître Docteur Le La Les Un Une Mon Ma Mes"
        " M Mme Mmes Mlle MM Mr Me Dr Pr"
        " Président Présidente Directeur Directrice Ministre Maire Préfet Préfète Juge Procureur Procureure"
        " Défenseur Défenseure Conseiller Conseillère Agent Agente Allocataire Demandeur Demandeuse"
        " Article Code Cerfa France Travail Pôle Emploi Caisse Sécurité Sociale Urssaf Préfecture Mairie"
        " Quelle Quel Quels Quelles Comment Pourquoi Combien Est Peut Puis Doit Faut Nom Prénom Prenom D'usage"
    ).split()
)
NAMED_AFTER = frozenset(
    "loi lois dispositif plan prime reforme amendement rapport pacte decret circulaire arret jurisprudence college"
    " lycee ecole hopital clinique centre universite institut fondation campus stade gymnase mediatheque"
    " bibliotheque theatre musee salle rue avenue boulevard bd place quai allee impasse square pont parvis esplanade"
    " metro station gare aeroport parc jardin piscine".split()
)
"""Words after which a name is that of a law, a scheme or a place named after someone (« loi Hamon », « collège
Jean Moulin », « hôpital Georges Pompidou », « rue Jean Jaurès », « métro Charles de Gaulle »), not a person's. A
street is a person's address when a number or a word about where someone lives goes with it
(`FrAddressRecognizer`)."""
_SHOUTED_WORD = regex.compile(r"(?<![\p{L}\d'’-])(?=[\p{L}'’-]*\p{Lu}{2})[\p{Lu}'’-]+(?![\p{L}\d])")
_WORD_PART = regex.compile(r"[\p{L}]+")


_CAPS_WORD = r"(?:[A-Z]['’])?[A-ZÀ-Ý]{2,}(?:-[A-ZÀ-Ý]{2,})*"
_CAPS_NAME = rf"{_CAPS_WORD}(?:\s+(?:(?:DE|DU|DES|LE|LA|BEN|EL|AL|VAN|VON|DA|DOS|D['’])\s*)?{_CAPS_WORD}){{0,4}}"
_PERSON_CUE_WORDS = (
    "fils", "fille", "enfant", "époux", "épouse", "mari", "femme", "conjointe?", "concubine?", "compagne", "compagnon",
    "frère", "sœur", "soeur", "père", "mère", "neveu", "nièce", "petite?-(?:fils|fille)", "usager", "usagère",
    "salariée?", "allocataire", "bénéficiaire", "demandeur", "demandeuse", "locataire", "assurée?", "cliente?",
    "patiente?", "administrée?", "titulaire", "madame", "monsieur", "mademoiselle", "famille", r"dossier\s+d[eu]",
    "veuve", "née", "chez",
    "nom", "prénom", "nommée?", "prénommée?", "dénommée?", "appelée?", "s['’]appelle", r"de\s+la\s+part\s+d[eu]",
)
_PERSON_FOLLOWS_WORDS = (
    r"t[ée]l\b", r"t[ée]l[ée]phone", "portable", r"n[ée]e?\b", r"n[ée]e?\(e\)", r"nir\b", "s[ée]cu", "demeurant",
    "domicili", "courriel", "e-?mail",
)


def _lower_or_capitalised(words: tuple[str, ...]) -> str:
    """Words in lower case or capitalised, not in capitals: in a text typed in capitals, nothing announces a name."""
    return "|".join(f"[{word[0]}{word[0].upper()}]{word[1:]}" for word in words)


_PERSON_CUE = f"(?:{_lower_or_capitalised(_PERSON_CUE_WORDS)})"
_PERSON_FOLLOWS = (
    rf"(?=\s*[,(:–-]?\s*(?:{_lower_or_capitalised(_PERSON_FOLLOWS_WORDS)}|\+33|0[1-79](?:[ .-]?\d){{8}}\b))"
)
CUED_CAPS_NAME = regex.compile(
    rf"(?<=(?<![\w-]){_PERSON_CUE}\s*:?\s+){_CAPS_NAME}(?![\w'’-])"
    rf"|(?<![\w'’-]){_CAPS_NAME}(?![\w'’-]){_PERSON_FOLLOWS}",
    CASE_SENSITIVE,
)
NICKNAME = regex.compile(
    rf"(?<=(?P<apposition>,\s*)?(?<![\w'’-])(?:dite?|surnomm[ée]e?|alias)\s+(?:[«\"“]\s*)?)"
    rf"{_TOKEN}(?:\s+{_TOKEN}){{0,2}}(?![\w'’-])",
    CASE_SENSITIVE,
)
"""A nickname, capitalised, after « dit », « dite », « surnommé(e) », « alias » (« Mme Lefort, dite Mimi »)."""
_DETERMINER = r"(?:mon|ma|mes|ton|ta|tes|son|sa|ses|notre|nos|votre|vos|leur|leurs|le|la|les|l['’]|un|une|du|au)"
_KINSHIP = (
    r"(?:fils|fille|enfant|petite?-(?:fils|fille)|petite?|fr[èe]re|s(?:œ|oe)ur|[ée]poux|[ée]pouse|mari|femme"
    r"|conjointe?|compagnon|compagne|concubine?|neveu|ni[èe]ce|cousine?|b[ée]b[ée]|jumeau|jumelle|beau-fils"
    r"|belle-fille|petite?\s+(?:fils|fille|fr[èe]re|s(?:œ|oe)ur))"
)
_LOWER_CIVILITY = r"(?:m\.|mme|mlle|mr\.?|madame|monsieur|mademoiselle)"
_PROFESSIONAL_TITLE = r"(?:docteure?|dr\.?|ma[îi]tre|professeure?)"
"""A doctor's, a lawyer's or a professor's title, as agents type it in lower case (« le docteur Martin », « maître
dubois »)."""
_WORD = r"\p{L}[\p{L}'’-]*"
_NAMING = (
    rf"(?:je\s+m['’ ]?|(?:il|elle|{_DETERMINER}\s*{_KINSHIP})\s+s['’])appelle"
    rf"|(?:je\s+me|il\s+se|elle\s+se)\s+(?:pr[ée])?nomme"
    r"|(?:mon|son|sa|ton|votre|leur)\s+(?:nom|pr[ée]nom)(?:\s+de\s+famille|\s+de\s+naissance|\s+d['’]usage)?"
    r"\s*(?:est|c['’]est|:)"
    r"|(?<![\w'’])(?<!\b(?:le|du|au|un|ce|quel|son|mon|ton|votre|leur|notre)\s)(?:nom|pr[ée]nom)"
    r"(?:\s+de\s+famille|\s+de\s+naissance|\s+d['’]usage)?\s*:?"
)
"""A person named by a verb of naming, a « nom est » or a form's field (« je m'appelle marc », « l'enfant s'appelle
timothée », « mon nom de famille est dubois », « nom : ben salah »): what follows is a name even in lower case, unless
it is a function word or a verb (« il s'appelle comment ? »)."""
_ROLE = (
    r"(?:l['’])?(?:usag[eè]re?|allocataire|b[ée]n[ée]ficiaire|demandeu(?:r|se)|locataire|assur[ée]e?|salari[ée]e?"
    r"|patiente?|soussign[ée]e?|voisine?|amie?|coll[èe]gue|tut(?:eur|rice)|curat(?:eur|rice)|n[ée]e|[ée]pouse|veuve)"
)
"""A person's role before their capitalised name (« l'usager Bondarenko », « Je, soussigné Yevhenii Bondarenko »,
« mon voisin Włodzimierz »), and a maiden or married name (« Mme Durand, née Lemaire »): a name the list of given
names may not hold."""
LOWER_CUED_NAME = regex.compile(
    rf"(?<=(?<![\w'’-])(?:(?P<kin>{_DETERMINER}\s*{_KINSHIP})|{_LOWER_CIVILITY}(?:\s+{_MARITAL})?|(?P<named>{_NAMING})"
    rf"|(?P<professional>{_PROFESSIONAL_TITLE})|(?P<role>{_ROLE}))\s+)"
    rf"(?!{_MARITAL}\s){_WORD}(?:\s{_WORD}){{0,3}}",
    CASE_INSENSITIVE,
)
_NAME_TAGS = frozenset({"PROPN", "NOUN", "X"})
_NOT_A_NAME_TAGS = frozenset({"VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "ADV"})
"""A given name that is also a French word (« julie », « pierre », « rose ») is the child's after « ma fille »
unless it reads as a verb or a function word there (« ma fille marie son fils »: a verb)."""
_VERB_TAGS = frozenset({"VERB", "AUX"})
_PROPER_NOUN_TAGS = frozenset({"PROPN"})
_COMMON_WORD_TAGS = frozenset({"NOUN", "ADJ", "VERB", "AUX", "ADV"})
_NEXT_PHRASE_TAGS = _COMMON_WORD_TAGS - {"ADJ"}
"""A capitalised word after a name that starts the next phrase; an adjective is a surname as often as not."""
_MODIFIER_TAGS = frozenset({"ADV", "ADJ", "ADP", "DET", "PRON", "CCONJ", "SCONJ"})
"""A French word read as one of these after « mon nom est » says how the name is (« mal orthographié », « trop
long »), not what it is."""
_NUMBERED_WORD = regex.compile(r"(?<!\S)\S*\d\d")
_NAME_CHARS = regex.compile(r"^[\p{L}\s'’.-]+$")
ROLE_WORDS = frozenset(
    "usager usagère client cliente patient patiente salarié salariée allocataire bénéficiaire demandeur demandeuse"
    " contact enfant fils fille époux épouse conjoint conjointe administré administrée assuré assurée mari compagnon"
    " compagne frère sœur père mère locataire titulaire".split()
)
_ROLE_KEYS = frozenset(without_accents(word) for word in ROLE_WORDS)
"""The role words as agents also type them, without accents (« beneficiaire », « pere »)."""


class FrPersonRecognizer(EntityRecognizer):
    """A lone word found by spaCy alone scores under the threshold unless a context word comes before it."""

    TITLED_SCORE = 0.9
    CUED_SCORE = 0.86
    NER_SCORE = 0.85
    SINGLE_WORD_NER_SCORE = 0.4
    CONTEXT = sorted(ROLE_WORDS | {"nom", "prénom"})

    def __init__(self, french: FrenchWords, is_given_name: Callable[[str], bool]) -> None:
        self._french = french
        self._is_given_name = is_given_name
        super().__init__(
            supported_entities=["PERSONNE"],
            name="FrPersonRecognizer",
            supported_language=LANGUAGE,
            context=self.CONTEXT,
        )

    def load(self) -> None:
        """Nothing to load: spaCy runs in the NLP engine."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        doc = nlp_artifacts.tokens if nlp_artifacts else None
        spans = [(match.start(), match.end(), self.TITLED_SCORE) for match in TITLED_NAME.finditer(text)]
        spans += [(*_without_acronyms(text, *match.span()), self.CUED_SCORE) for match in CUED_CAPS_NAME.finditer(text)]
        spans += [(*span, self.CUED_SCORE) for span in self._lower_case_names(text, doc)]
        spans += [(*match.span(), self.CUED_SCORE) for match in NICKNAME.finditer(text) if self._is_nickname(match)]
        for span in nlp_artifacts.entities if nlp_artifacts else ():
            if span.label_ == SPACY_LABEL:
                start, end, titled = self._strip(text, span.start_char, span.end_char)
                spans.append((start, end, self.TITLED_SCORE if titled else self.NER_SCORE))
        results = []
        for start, end, score in spans:
            if doc is not None:
                start, end = self._trim_common_words(doc, start, end)
            end = _before_clitic(text, start, _before_line_break(text, start, end))
            value = text[start:end]
            titled = score in (self.TITLED_SCORE, self.CUED_SCORE)
            if start >= end or not self._looks_like_name(value, titled) or (
                    not titled and (self._ordinary(value) or after_named_place(text, start))):
                continue
            if len(value.split()) == 1 and not titled:
                if doc is not None and self._is_common_noun(doc, start, end):
                    continue
                score = self.SINGLE_WORD_NER_SCORE
            results.append(self._result(start, end, score))
        return results

    def _lower_case_names(self, text: str, doc: Doc | None) -> list[tuple[int, int]]:
        """After a kinship word the name must not be a French word; after a civility, neither a function word nor
        a verb; after a verb of naming, neither a function word, a verb the dictionary knows (the tagger reads
        « rose » in « s'appelle rose » as a verb) nor a French word read as a modifier (« mon nom est mal
        orthographié »). Then the words that follow while they are nouns or words the
        dictionary does not know (« dupuis », which the tagger reads as « depuis »), never a verb or a function
        word."""
        spans = []
        for match in LOWER_CUED_NAME.finditer(text, overlapped=True):
            words = list(regex.finditer(r"[^\s]+", match.group()))
            first, first_end = words[0].group(), match.start() + words[0].end()
            if match.group("kin"):
                refused = self._french.is_common(first) and not (
                    self._is_given_name(first) and not _tagged_as(doc, match.start(), first_end, _NOT_A_NAME_TAGS))
            elif match.group("professional"):
                refused = not self._could_be_a_name(first) or (first.islower() and self._french.is_common(first))
            elif match.group("role"):
                refused = not first[0].isupper() or not self._could_be_a_name(first) or (
                    self._french.is_common(first) and not self._is_given_name(first)
                    and not _tagged_as(doc, match.start(), first_end, _PROPER_NOUN_TAGS))
            elif match.group("named"):
                refused = not self._could_be_a_name(first) or (
                    self._french.is_common(first) and _tagged_as(doc, match.start(), first_end, _MODIFIER_TAGS))
            else:
                refused = not self._could_be_a_name(first) or _tagged_as(doc, match.start(), first_end, _VERB_TAGS)
            if refused or first.upper() in ACRONYMS or first.casefold() in NOT_NAMES:
                continue
            end = words[0].end()
            for word in words[1:]:
                start = match.start() + word.start()
                tagged_otherwise = doc is not None and not _tagged_as(doc, start, start + len(word.group()), _NAME_TAGS)
                name = word.group()
                if not self._could_be_a_name(name) or (tagged_otherwise and self._french.is_common(name)) or \
                        name.casefold() in NOT_NAMES:
                    break
                end = word.end()
            spans.append((match.start(), match.start() + end))
        return spans

    def _ordinary(self, value: str) -> bool:
        """Words the tagger alone calls a name, in capitals or in lower case, that are all French words and none a
        given name: a form's labels (« DATE DE NAISSANCE », « NUMERO ALLOCATAIRE »), a passive typed without accents
        (« ont ete traites »). Capitalised words keep their chance: surnames are French words as often as not
        (« Avril Moreau », « Fontaine »)."""
        words = _words_of(value)
        return not any(word.istitle() for word in words) and all(
            self._french.is_common(word) and not self._is_given_name(word) for word in words)

    def _is_nickname(self, match: regex.Match[str]) -> bool:
        """After « dit(e) », a capitalised name, not a word in capitals (« la loi dite ASAP »); a French word that is
        no given name only between commas, where it names a person (« Mme Lefort, dite Mimi, » but « la loi dite
        Travail »)."""
        first = match.group().split()[0]
        return not first.isupper() and bool(
            match.group("apposition") or self._is_given_name(first) or not self._french.is_common(first)
        )

    def _could_be_a_name(self, word: str) -> bool:
        return not (self._french.is_function_word(word) or self._french.is_verb(word) or word.upper() in ACRONYMS)

    @staticmethod
    def _is_common_noun(doc: Doc, start: int, end: int) -> bool:
        """A lone capitalised word tagged as a common noun ("Ordonnance", "Découverte") is not a name."""
        span = doc.char_span(start, end, alignment_mode="expand")
        return span is not None and all(token.pos_ in _COMMON_WORD_TAGS for token in span)

    @staticmethod
    def _trim_common_words(doc: Doc, start: int, end: int) -> tuple[int, int]:
        """Drop a lower-case role word before the name ("bénéficiaire lascaud") and a capitalised noun, verb or
        adverb after a proper noun, which starts the next phrase ("Dr Blaye Douleur évaluée"). A capitalised
        adjective stays: it is a surname as often as not ("Chantal Blanc", "Pierre Petit")."""
        span = doc.char_span(start, end, alignment_mode="expand")
        tokens = list(span) if span is not None else []
        while len(tokens) > 1 and tokens[0].is_lower and without_accents(tokens[0].lower_) in _ROLE_KEYS:
            tokens.pop(0)
        while (
            len(tokens) > 1
            and tokens[-1].pos_ in _NEXT_PHRASE_TAGS
            and tokens[-2].pos_ == "PROPN"
            and tokens[-1].has_vector
        ):
            tokens.pop()
        if not tokens:
            return start, end
        return max(start, tokens[0].idx), min(end, tokens[-1].idx + len(tokens[-1]))

    @staticmethod
    def _strip(text: str, start: int, end: int) -> tuple[int, int, bool]:
        """The span without its leading civility title (and whether it had one), nor what follows its first word
        holding a number (two digits in a row; one is a slip of the keyboard, « Durand2 »): the tagger reads « IBAN
        FR76 3000… » as a name, and trimmed of its trailing digits alone it left « IBAN FR », two capitalised
        words."""
        title = LEADING_TITLE.match(text[start:end])
        if title:
            start += title.end()
        numbered = _NUMBERED_WORD.search(text, start, end)
        if numbered:
            end = numbered.start()
        while end > start and not (text[end - 1].isalpha()):
            end -= 1
        return start, end, title is not None

    @staticmethod
    def _looks_like_name(value: str, titled: bool) -> bool:
        words = _words_of(value)
        if not words or len(value) < 2 or not _NAME_CHARS.match(value) or not value[0].isalpha():
            return False
        if all(word.casefold() in NOT_NAMES for word in words):
            return False
        return titled or not (len(words) == 1 and words[0].upper() in ACRONYMS)

    def _result(self, start: int, end: int, score: float) -> RecognizerResult:
        return result_of(self, "PERSONNE", start, end, score)


ELIDED_CLITIC = regex.compile(r"(?:[jmtslnc]|qu)['’]")
"""An elided pronoun or negation in lower case, the start of the phrase after a name (« Dr Martin m'a », « M. Leroy
l'a », « Mme Roy n'a », « julie t'a »), never a part of it (« d' » is: « Jean d'Ormesson »)."""


def _before_line_break(text: str, start: int, end: int) -> int:
    """A name is written on one line: a span carried over a line break (« M. KOUASSI\nAPPARTEMENT 208 », the
    lines of a postal address) ends before it."""
    cut = text.find("\n", start, end)
    return end if cut < 0 else start + len(text[start:cut].rstrip())


def _before_clitic(text: str, start: int, end: int) -> int:
    """The end of a name span without the elided words it ran into."""
    while (space := max(text.rfind(" ", start, end), text.rfind("\t", start, end))) > start:
        if not ELIDED_CLITIC.match(text, space + 1):
            break
        end = space
    return end


_WORD_SEPARATORS = regex.compile(r"[\s'’-]+")


def _words_of(value: str) -> list[str]:
    """The words of a name, cut at spaces, apostrophes and hyphens (« Jean-Paul d'Ormesson »)."""
    return [word for word in _WORD_SEPARATORS.split(value) if word]


_WORD_BEFORE = regex.compile(r"(\p{L}+)[\s'’]+$")


def after_named_place(text: str, start: int) -> bool:
    """The name follows a word that makes it a law's or a place's (`NAMED_AFTER`)."""
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return before is not None and without_accents(before.group(1).casefold()) in NAMED_AFTER


def _tagged_as(doc: Doc | None, start: int, end: int, tags: frozenset[str]) -> bool:
    """Whether spaCy tagged every token of the span with one of `tags` (False without spaCy's tokens)."""
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    return span is not None and all(token.pos_ in tags for token in span)


def _without_acronyms(text: str, start: int, end: int) -> tuple[int, int]:
    """The span less its edge function words and civilities and its trailing acronyms ("KARIM BENALI CAF" →
    "KARIM BENALI"); empty when it starts with an acronym or an office ("CPAM DE PARIS", "MAIRIE DE LYON")."""
    words = list(regex.finditer(r"[^\s]+", text[start:end]))
    while words and words[0].group() in FUNCTION_WORDS | CIVILITIES:
        words.pop(0)
    while words and words[-1].group() in ACRONYMS | FUNCTION_WORDS:
        words.pop()
    if not words or words[0].group() in ACRONYMS | OFFICES:
        return start, start
    return start + words[0].start(), start + words[-1].end()


def unshout(text: str) -> str:
    """Words in capitals title-cased ("KARIM BENALI" → "Karim Benali", "N'DIAYE" → "N'Diaye"), function words
    lower-cased, acronyms kept: what spaCy's NER needs to see names. Same length, so offsets hold."""
    return _SHOUTED_WORD.sub(_title_case, text)


def _title_case(match: regex.Match[str]) -> str:
    word = match.group()
    if word in ACRONYMS:
        return word
    cased = _WORD_PART.sub(
        lambda part: part.group().lower() if part.group() in FUNCTION_WORDS else part.group().capitalize(), word
    )
    return cased if len(cased) == len(word) else word
