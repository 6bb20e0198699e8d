"""Légifrance codes from `@socialgouv/legi-data` (`data/LEGITEXT….json`) → one `Document` per article.

Which articles: those in force on the code's snapshot date (`dateModif`), i.e. `etat` VIGUEUR, plus
ABROGE_DIFF (in force, repealed at a later date), VIGUEUR_DIFF and MODIFIE when their
[dateDebut, dateFin) span covers the snapshot date. ABROGE, PERIME, ANNULE… are left out.

Each article carries its version's dates: in force since `dateDebut`, until `dateFin` unless that is Légifrance's
« no end » (2999-01-01). The package holds one version per article (the one in force on the snapshot), not the
earlier ones.
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

from corpus.model import SOURCE_LEGIFRANCE, Document, Section, in_force_on
from corpus.text import clean, clean_lines, html_to_text

IN_FORCE_STATES = frozenset({"VIGUEUR", "ABROGE_DIFF", "VIGUEUR_DIFF", "MODIFIE"})
ARTICLE_URL = "https://www.legifrance.gouv.fr/codes/article_lc/{id}"
OPEN_END = date(2999, 1, 1)
"""Légifrance's `dateFin` for a version with no planned end."""


def parse_code(tree: dict[str, Any]) -> Iterator[Document]:
    """Every in-force article of one code file."""
    data = tree.get("data") or {}
    code_title = clean(data.get("title") or "")
    if tree.get("type") != "code" or not code_title:
        raise ValueError("fichier de code Légifrance sans nœud racine `code` titré")
    snapshot = _iso_date(data.get("dateModif") or data.get("dateDebutVersion") or "")
    yield from _walk(tree, (), code_title, snapshot)


def _walk(node: dict[str, Any], path: tuple[str, ...], code_title: str, snapshot: date | None) -> Iterator[Document]:
    for child in node.get("children") or ():
        kind = child.get("type")
        if kind == "section":
            title = clean((child.get("data") or {}).get("title") or "")
            yield from _walk(child, path + ((title,) if title else ()), code_title, snapshot)
        elif kind == "article":
            article = child.get("data") or {}
            if in_force(article, snapshot):
                yield parse_article(article, path, code_title)


def in_force(article: dict[str, Any], snapshot: date | None) -> bool:
    state = article.get("etat")
    if state == "VIGUEUR":
        return True
    if state not in IN_FORCE_STATES:
        return False
    if snapshot is None:
        return state == "ABROGE_DIFF"
    return in_force_on(snapshot, *version_dates(article))


def version_dates(article: dict[str, Any]) -> tuple[date | None, date | None]:
    """(in force since, in force until) of an article's version; until is None when open-ended or unknown."""
    end = _epoch_date(article.get("dateFin"))
    return _epoch_date(article.get("dateDebut")), end if end is not None and end < OPEN_END else None


def parse_article(article: dict[str, Any], path: tuple[str, ...], code_title: str) -> Document:
    article_id = article.get("id") or ""
    number = clean(article.get("num") or "")
    if not article_id:
        raise ValueError(f"article sans identifiant dans {code_title}")
    html = article.get("texteHtml") or ""
    text = html_to_text(html) if html.strip() else clean_lines(article.get("texte") or "")
    nota = html_to_text(article.get("notaHtml") or "") or clean_lines(article.get("nota") or "")
    if nota:
        text = f"{text}\nNOTA : {nota}"
    cid = article.get("cid") or ""
    since, until = version_dates(article)
    return Document(
        id=article_id,
        source=SOURCE_LEGIFRANCE,
        title=f"{code_title}, article {number}" if number else code_title,
        url=ARTICLE_URL.format(id=article_id),
        sections=(Section(path, text),) if text else (),
        breadcrumb=path,
        number=number,
        aliases=(cid,) if cid and cid != article_id else (),
        in_force_since=since,
        in_force_until=until,
    )


def url_on(url: str, day: date) -> str:
    """A Légifrance article's page as it stood on `day` (its version then, and the list of its versions); any other
    address as it is."""
    if url.startswith(ARTICLE_URL.format(id="")):
        return f"{url}/{day.isoformat()}"
    return url


def _epoch_date(milliseconds: Any) -> date | None:
    if not isinstance(milliseconds, (int, float)):
        return None
    try:
        return datetime.fromtimestamp(milliseconds / 1000, tz=UTC).date()
    except (OverflowError, OSError, ValueError):
        return None


def _iso_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
