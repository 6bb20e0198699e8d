"""A passage body as the units an answer sentence can rest on: sentences, clauses, list items, table rows."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass

from assistant.claims import negated
from indexing.model import Passage
from indexing.text import fold

BODY_SENTENCE_END = re.compile(r"(?<=[.!?])(?<!\b[A-Z]\.)\s+(?=[A-ZÀ-Ý«\"(\d•-])|\s*\n+\s*")
"""Where a passage is cut into sentences: a full stop before a capital, a digit or a bullet, or a line break;
not the « L. » of « article L. 1242-2 »."""
PATH_SEPARATOR = " > "
"""Between the headings of a path a prompt's passage or a chunk writes above a case (« Saisir le juge > Créancier »)."""
BULLET = re.compile(r"^(?:[-•*]|\d+°|\d+[.)])\s*")
TABLE_ROW = re.compile(r"^(?:([^:;]{1,80}); )?[^:;]{1,80}: ([^;]+)(?:; [^:;]{1,80}: [^;]*)+$")
"""A table row as the corpus writes it: `Type de CDD: Cas général; Durée maximale: 18 mois`, or with its first
cell bare when its column has no heading: `Remariage; Divorce: Il est possible…; Séparation de corps: …`."""
CLAUSE_BREAK = re.compile(r",?\s+mais\s+|\s*;\s+")
PRONOUN = re.compile(r"(?:Il|Elle|Ils|Elles|Ce|Cet|Cette|Ces|Celui|Celle|Ceux|Celles|Cela|Ceci)\b")
ARITHMETIC = re.compile(r"\d\s*(?:=|x|×|:)\s*\d.*=|=\s*\d")
SPECIAL_CASES_BESIDE = re.compile(r"^(?:cas general|regle generale|en (?:france )?metropole|en france metropolitaine)$")
"""The headings of a general rule, beside which the other headings name special cases (« Cas général » beside
« Remplacement d'un salarié absent » and « Emploi saisonnier »). « Principe » is not one: beside it stand
« Montant », « Versement », the parts of one rule."""
HEADING_MAX_WORDS = 10
UNPUNCTUATED = re.compile(r"[^.!?:;…,]$")


@dataclass(frozen=True)
class Anchor:
    """A unit of a passage body a sentence can rest on, with what surrounds it."""

    text: str
    """One sentence or clause, one table row, or a list's lead-in with one of its items: where a sentence's
    quantities and rule-changing words must be found."""
    window: str
    """The anchor with its neighbouring sentences, or with its whole list: where its other words may come from."""
    scope: str
    """Where most of its content words must be: the anchor, with the sentence before when it opens on a pronoun
    (« Il est conclu… » names its subject there), or the whole list for an item (an answer may name several)."""
    item: str = ""
    """The list item the anchor rests on: the sentence must name it, or it rests on the lead-in alone."""
    label: str = ""
    """A table row's first cell, which tells the row from the others: the sentence must name it. A row holds
    several facts, one a cell: a sentence need not carry the words of the cells it does not use."""
    items: tuple[str, ...] = ()
    """A list's items, when the anchor is its lead-in with all of them: a sentence that says several items in one
    (« 25 % pour les 8 premières heures, et 50 % pour les suivantes ») must say each part of what it joins with
    the words and quantities of one item."""
    joined: int = 1
    """How many sentences in a row of the passage the anchor joins (two or three; one for any other anchor): three
    are a last chance for a sentence that merges them, and a failure on them says less of what is wrong than one on
    a single sentence or a pair."""

    @property
    def lead_in(self) -> str:
        """The list's lead-in as the anchor writes it before its item or items (the space after it kept); "" for an
        anchor on no list."""
        listed = self.item or " ".join(self.items)
        return self.text[: len(self.text) - len(listed)] if listed else ""


def passage_body(passage: Passage) -> str:
    """The passage without the `title — headings` line an indexed chunk opens with."""
    first, _, rest = passage.text.partition("\n")
    return rest if rest and passage.title and first.startswith(passage.title) else passage.text


def _lines(body: str) -> list[str]:
    """A body's non-empty lines, stripped."""
    return [line.strip() for line in body.split("\n") if line.strip()]


def _is_item(line: str, bulleted: bool) -> bool:
    """A line of a list: bulleted like the list's first item, or, in a list without bullets, unpunctuated."""
    if bulleted or BULLET.match(line):
        return bool(BULLET.match(line))
    return not line.rstrip().endswith((".", "!", "?", ":"))


def _item_sentences(item: str) -> list[str]:
    """A list item's own sentence, then those it goes on with (« - ou de saisir le juge… . Le recours à un avocat
    n'est pas obligatoire. »): statements on their own, which the lead-in does not govern."""
    return [part for part in BODY_SENTENCE_END.split(item) if part.strip()] or [item]


STATEMENT_END = re.compile(r"[.!?;]$")
ANNOUNCES = re.compile(r"\bsuivant|\bci-(?:dessous|apres)\b|\bvoici\b")


def _states(lead: str) -> bool:
    """Whether a line a list follows is a statement of its own as well: it ends as a sentence does, not on « : »,
    and announces nothing (« … dans les cas suivants. »). « Il est souvent possible de déduire des subventions. »
    above a list of passes, or an item a list goes on after (« - Si elle le souhaite, la salariée peut rompre son
    contrat sans préavis ; »), holds whatever its list says."""
    return bool(STATEMENT_END.search(lead.rstrip())) and not ANNOUNCES.search(fold(lead))


def _announcing(said_before: list[str]) -> list[str]:
    """What introduces a table, besides its caption: the sentence before it, and the one before that when it
    only announces what follows (« Son montant varie dans les conditions suivantes : »)."""
    return said_before[-2:] if said_before and said_before[-1].rstrip().endswith(":") else said_before[-1:]


def _first_cell(row: re.Match[str]) -> str:
    """A table row's first cell: bare, or the value of its first column."""
    return row.group(1) or row.group(2)


def anchors(body: str) -> list[Anchor]:
    """Sentences, their clauses (« …, mais … », « … ; … »), two or three sentences in a row of the same polarity
    (an answer often joins them, and must then keep the conditions of all), table rows, and each list lead-in with
    each of its items (a lead-in is not a statement on its own: « … est obligé de remettre une facture : » says
    when in its items). A table row stands alone, its caption and what introduces the table for context. Worked
    computations (`2 000 € : 4 = 500 €`) are not rules and support nothing. A sentence that follows an item's own
    on its line is a statement of its own too."""
    lines = _lines(body)
    found: list[Anchor] = []
    sentences: list[str] = []
    lists_after: dict[int, str] = {}
    """A list that follows a sentence, by the sentence's number: part of that sentence's window."""
    after_sentence = False
    index = 0
    while index < len(lines):
        line = lines[index]
        if ARITHMETIC.search(line):
            index += 1
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        items = []
        bulleted = following.startswith(("- ", "• "))
        if (line.endswith(":") and not ARITHMETIC.search(following)) or bulleted:
            while index + 1 + len(items) < len(lines) and _is_item(lines[index + 1 + len(items)], bulleted):
                items.append(BULLET.sub("", lines[index + 1 + len(items)]))
        if items:
            parts = [part for part in BODY_SENTENCE_END.split(line) if part.strip()]
            lead, whole = parts[-1], "\n".join([parts[-1], *items])
            before = [*sentences, *parts[:-1]]
            said_before = (before or [""])[-1]
            if said_before and PRONOUN.match(lead):
                whole = f"{said_before}\n{whole}"
            announcing = _announcing(before)
            listed: list[str] = []
            for item in items:
                row = TABLE_ROW.match(item)
                if row:
                    found.append(Anchor(item, " ".join([*announcing, lead, item]), item, label=_first_cell(row)))
                else:
                    own, *after = _item_sentences(item)
                    found.append(Anchor(f"{lead} {own}", whole, whole, own))
                    found += [Anchor(part, whole, part) for part in after]
                    listed.append(own)
            if len(listed) > 1:
                found.append(Anchor(" ".join([lead, *listed]), whole, whole, items=tuple(listed)))
            sentences += [*parts[:-1], BULLET.sub("", lead)] if _states(lead) else parts[:-1]
            if parts[:-1] or after_sentence:
                lists_after[len(sentences) - 1] = whole
            after_sentence = False
            index += 1 + len(items)
            continue
        row = TABLE_ROW.match(line)
        if row:
            found.append(Anchor(line, " ".join([*_announcing(sentences), line]), line, label=_first_cell(row)))
        else:
            sentences += [part for part in BODY_SENTENCE_END.split(BULLET.sub("", line)) if part.strip()]
        after_sentence = not row and bool(sentences)
        index += 1
    for n, sentence in enumerate(sentences):
        if _heading_line(sentence):
            continue
        before = sentences[n - 1] if n else ""
        window = " ".join([*sentences[max(n - 1, 0): n + 2], lists_after.get(n, "")])
        found.append(Anchor(sentence, window, f"{before} {sentence}" if PRONOUN.match(sentence) else sentence))
        clauses = [clause for clause in CLAUSE_BREAK.split(sentence) if clause.strip()]
        if len(clauses) > 1:
            found += [Anchor(clause, window, clause) for clause in clauses]
        if before and negated(before) == negated(sentence) and not _heading_line(before):
            pair = f"{before} {sentence}"
            found.append(Anchor(pair, " ".join(sentences[max(n - 2, 0): n + 2]), pair, joined=2))
            first = sentences[n - 2] if n > 1 else ""
            if first and negated(first) == negated(sentence) and not _heading_line(first):
                triple = f"{first} {pair}"
                found.append(Anchor(triple, " ".join(sentences[max(n - 3, 0): n + 2]), triple, joined=3))
    return found


def _heading_line(sentence: str) -> bool:
    """A heading, or the path of headings a drafting model's passage writes above a case (« Droit commun > Report
    ou suspension du préavis > Congés payés > Dates des congés fixées après la notification du licenciement »): it
    states no rule, so no sentence rests on it, and joined to the sentence before it would lend that sentence the
    next case's words (« après » to the rule written for « avant »)."""
    return PATH_SEPARATOR in sentence or heading_shaped(sentence)


def heading_shaped(line: str) -> bool:
    """A line shaped like a heading chunking wrote into a body: short, with no final punctuation and no « : »."""
    return bool(UNPUNCTUATED.search(line)) and ":" not in line and len(line.split()) <= HEADING_MAX_WORDS


def _headings(lines: list[str]) -> list[int]:
    """The lines that are headings chunking wrote into a body (`heading_shaped`), neither a bullet nor an item of
    the list a line ending in « : » opens."""
    found: list[int] = []
    listing = False
    for n, line in enumerate(lines):
        short = heading_shaped(line)
        if short and not listing and not BULLET.match(line):
            found.append(n)
        listing = line.endswith(":") or (listing and (short or bool(BULLET.match(line))))
    return found


def special_case(body: str, anchor_text: str) -> str:
    """The heading a body writes above an anchor when the body sets a general case apart
    (`SPECIAL_CASES_BESIDE`) and that heading is another case (« Remplacement d'un salarié absent » above « Il est
    possible de conclure des CDD successifs … sans délai de carence … »): the case the anchor's rule holds for,
    which an answer must name; "" otherwise."""
    lines = _lines(body)
    headings = _headings(lines)
    if not any(SPECIAL_CASES_BESIDE.match(fold(lines[n])) for n in headings):
        return ""
    at = _last_line(lines, anchor_text)
    above = [lines[n] for n in headings if at is not None and n < at]
    return above[-1] if above and not SPECIAL_CASES_BESIDE.match(fold(above[-1])) else ""


def shared_path(*paths: tuple[str, ...]) -> tuple[str, ...]:
    """The headings several paths share, from the top (« Saisir le juge » for « Saisir le juge > Débiteur » and
    « Saisir le juge > Créancier »)."""
    return tuple(os.path.commonprefix(list(paths))) if paths else ()


def case_heading(body: str, anchor_text: str) -> str:
    """The heading line a body writes nearest above an anchor (a heading, or a drafting model's path of headings,
    `_heading_line`): the case its rule holds for; "" when none."""
    above = _heading_lines_above(body, anchor_text)
    return above[-1] if above else ""


def path_above(body: str, anchor_text: str) -> str:
    """The path of headings a body writes nearest above an anchor (« Né(e) en France > Faire la demande »), over the
    plain headings between them; "" when none."""
    paths = [line for line in _heading_lines_above(body, anchor_text) if PATH_SEPARATOR in line]
    return paths[-1] if paths else ""


def _heading_lines_above(body: str, anchor_text: str) -> list[str]:
    """The heading lines a body writes above an anchor, in order."""
    lines = _lines(body)
    at = _last_line(lines, anchor_text)
    return [line for line in lines[:at] if _heading_line(line)] if at is not None else []


def _last_line(lines: list[str], anchor_text: str) -> int | None:
    """The line of the body an anchor ends on: the last line it holds whole (two sentences, a heading and its
    sentence), or the line that holds its last part (a clause, a list item)."""
    whole = [n for n, line in enumerate(lines) if BULLET.sub("", line) in anchor_text]
    if whole:
        return whole[-1]
    last = [part for part in BODY_SENTENCE_END.split(anchor_text) if part.strip()][-1].strip()
    return next((n for n, line in enumerate(lines) if last in line), None)
