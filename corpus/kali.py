"""Collective agreements from `@socialgouv/kali-data` (`data/KALICONT….json`) → one `Document` per article in force.

An agreement file nests, under the agreement (`IDCC` in `num`), three groups: « Texte de base » (the agreement
itself), « Textes Attachés » (avenants, annexes, accords) and « Textes Salaires » (wage scales), each holding
texts (`KALITEXT…`) whose sections hold articles. The package keeps one version of each article, the current one:
`VIGUEUR` (in force) is kept, `VIGUEUR_DIFF` (in force at a later date) and every other state are left out, and
so is every section whose state is not one of the in-force ones (extended or not).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import orjson

from corpus.legifrance import in_force
from corpus.model import SOURCE_KALI, Agreement, Document, Section
from corpus.text import clean, clean_lines, html_to_text
from guichet.config import ALL_AGREEMENTS

INDEX_FILE = "index.json"
"""The package's list of the agreements it sizes: `id` (file), `num` (IDCC), `shortTitle`, `effectif` (employees)."""
ARTICLE_URL = "https://www.legifrance.gouv.fr/conv_coll/id/{id}"
IN_FORCE_SECTION_STATES = frozenset({"VIGUEUR", "VIGUEUR_ETEN", "VIGUEUR_NON_ETEN", None})
"""`VIGUEUR_ETEN`: in force and extended by ministerial order to the whole sector; `VIGUEUR_NON_ETEN`: in force for
the signatories' members only. Group headings (« Textes Attachés ») carry `VIGUEUR` or no state."""
VERSION_LINKS = frozenset({"MODIFIE", "MODIFICATION"})
"""Links by which a text changed this article (`linkOrientation` `cible`): the newest gives the version's start."""
NO_DATE = "2999-01-01"
"""Légifrance's « no end / not yet » placeholder date."""
LAST_PLAUSIBLE_YEAR = 2100
"""Later dates are placeholders or typos (a text « modified » on 2207-03-05): no date."""
_DATED_TITLE = re.compile(
    r"[\s,]+(?:du|en date du)\s+(?:1er|\d{1,2})\s+[a-zéû]+\s+\d{4}\b.*$", re.IGNORECASE
)
BASE_TEXT_PREFIX = "Texte de base : "
IDCC = re.compile(r"\d{1,4}")


MONTHS = {
    name: number for number, name in enumerate(
        ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
         "décembre"), start=1)
}
_TITLE_DATE = re.compile(r"\bdu\s+(1er|\d{1,2})\s+([a-zéû]+)\s+(\d{4})\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Place:
    """Where the walk stands: the heading path inside the current text (`KALITEXT`), and that text."""

    path: tuple[str, ...] = ()
    text_title: str = ""
    text_date: date | None = None
    base: bool = False
    """Whether the text is the agreement itself (« Texte de base »), not an attached text or wage scale."""


def normalize_idcc(value: str | int) -> str:
    """`16`, `0016` → `0016`; raises ValueError for anything that is not an IDCC number."""
    digits = str(value).strip()
    if not IDCC.fullmatch(digits):
        raise ValueError(f"{value!r} is not an IDCC (a number of at most four digits)")
    return digits.zfill(4)


def agreement_name(title: str) -> str:
    """The agreement's title without its date and extension orders: « Convention collective nationale de la
    métallurgie du 7 février 2022 - Étendue par arrêté… » → « Convention collective nationale de la métallurgie »."""
    name = _DATED_TITLE.sub("", clean(title)).rstrip(" .,-")
    return name or clean(title)


def agreement_files(data_dir: Path, agreements: tuple[str, ...]) -> tuple[list[Path], list[str]]:
    """The files of the chosen agreements and the IDCCs the package does not hold. `agreements`: IDCCs; empty:
    those the package sizes by employees in `index.json` (largest first); `("all",)`: every agreement file."""
    if agreements == (ALL_AGREEMENTS,):
        return sorted(data_dir.glob("KALICONT*.json")), []
    sized = orjson.loads((data_dir / INDEX_FILE).read_bytes())
    if not agreements:
        sized.sort(key=lambda entry: -(entry.get("effectif") or 0))
        return [data_dir / f"{entry['id']}.json" for entry in sized], []
    wanted = [normalize_idcc(idcc) for idcc in agreements]
    files = {normalize_idcc(entry["num"]): data_dir / f"{entry['id']}.json" for entry in sized if entry.get("num")}
    if not all(idcc in files for idcc in wanted):
        for path in sorted(data_dir.glob("KALICONT*.json")):
            number = (orjson.loads(path.read_bytes()).get("data") or {}).get("num")
            if number not in (None, ""):
                files.setdefault(normalize_idcc(number), path)
    return [files[idcc] for idcc in wanted if idcc in files], [idcc for idcc in wanted if idcc not in files]


def parse_agreement(tree: dict[str, Any], attached: bool = True) -> Iterator[Document]:
    """Every in-force article of one agreement file; `attached`: with its attached texts and wage scales too."""
    data = tree.get("data") or {}
    title = clean(data.get("title") or "")
    if tree.get("type") != "convention collective" or not title or data.get("num") in (None, ""):
        raise ValueError("fichier KALI sans nœud racine `convention collective` titré et numéroté (IDCC)")
    agreement = Agreement(normalize_idcc(data["num"]), clean(data.get("shortTitle") or "") or agreement_name(title))
    heading = f"{agreement_name(title)} (IDCC {agreement.idcc})"
    yield from _walk(tree, _Place(), agreement, heading, attached)


def _walk(
    node: dict[str, Any], place: _Place, agreement: Agreement, heading: str, attached: bool
) -> Iterator[Document]:
    for child in node.get("children") or ():
        data = child.get("data") or {}
        kind = child.get("type")
        if kind == "section" and data.get("etat") in IN_FORCE_SECTION_STATES:
            inner = _enter(place, data)
            if attached or inner.base or not inner.text_title:
                yield from _walk(child, inner, agreement, heading, attached)
        elif kind == "article" and in_force(data, None):
            document = parse_article(data, place, agreement, heading)
            if document.sections:
                yield document


def _enter(place: _Place, section: dict[str, Any]) -> _Place:
    """The place inside `section`: a text (`KALITEXT`) starts a new path, named in the title instead."""
    title = clean(section.get("title") or "")
    if str(section.get("id") or "").startswith("KALITEXT"):
        text_date = _iso_date(section.get("modifDate")) or title_date(title)
        return _Place((), title.removeprefix(BASE_TEXT_PREFIX), text_date, title.startswith(BASE_TEXT_PREFIX))
    return _Place(place.path + ((title,) if title else ()), place.text_title, place.text_date, place.base)


def parse_article(article: dict[str, Any], place: _Place, agreement: Agreement, heading: str) -> Document:
    article_id = article.get("id") or ""
    if not article_id:
        raise ValueError(f"article sans identifiant dans la convention IDCC {agreement.idcc}")
    number = clean(article.get("num") or "")
    text = html_to_text(article.get("content") or "")
    nota = clean_lines(article.get("nota") or "")
    if nota:
        text = f"{text}\nNOTA : {nota}"
    surtitle = clean(article.get("surtitre") or "")
    path = place.path + ((surtitle,) if surtitle else ())
    cid = article.get("cid") or ""
    return Document(
        id=article_id,
        source=SOURCE_KALI,
        title=_title(heading, number, place),
        url=ARTICLE_URL.format(id=article_id),
        sections=(Section(path, text),) if text else (),
        breadcrumb=path,
        in_force_since=version_start(article) or place.text_date,
        number=number,
        aliases=(cid,) if cid and cid != article_id else (),
        agreement=agreement,
    )


def _title(heading: str, number: str, place: _Place) -> str:
    """« Convention collective nationale de la métallurgie (IDCC 3248), article 75 »; outside the base text, the
    attached text's name comes before the number; an article without number is named by its section."""
    parts = [heading]
    if place.text_title and not place.base:
        parts.append(place.text_title)
    if number:
        parts.append(f"article {number}")
    elif place.path:
        parts.append(place.path[-1])
    return ", ".join(parts)


def version_start(article: dict[str, Any]) -> date | None:
    """When the article's current wording took effect: the newest change made to it, if any is recorded."""
    starts = [
        _iso_date(link.get("dateDebutCible"))
        for link in article.get("lstLienModification") or ()
        if link.get("linkType") in VERSION_LINKS and link.get("linkOrientation") == "cible"
        and link.get("dateDebutCible") != NO_DATE
    ]
    return max((start for start in starts if start), default=None)


def title_date(title: str) -> date | None:
    """The date a text's title gives (« Accord du 1er juillet 2004 » → 2004-07-01): its signature."""
    match = _TITLE_DATE.search(title)
    if not match or match.group(2).lower() not in MONTHS:
        return None
    day = 1 if match.group(1) == "1er" else int(match.group(1))
    try:
        return date(int(match.group(3)), MONTHS[match.group(2).lower()], day)
    except ValueError:
        return None


def _iso_date(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = date.fromisoformat(value[:10])
    except ValueError:
        return None
    return parsed if parsed.year <= LAST_PLAUSIBLE_YEAR else None
