"""Pure rendering for the agents' page: HTML fragments and plain text, every value escaped."""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from html import escape
from typing import Any

from assistant.dates import french_date, text_dates
from assistant.model import (
    MODE_EXTRACTIVE,
    MODE_GENERATED,
    MODE_REFUSED,
    Answer,
    Citation,
    placed,
)
from corpus.sources import source_label
from indexing.model import Passage, SetAside
from redaction.entities import label as entity_label

AUDIENCE_LABELS = {
    "particuliers": "Particuliers",
    "professionnels": "Professionnels",
    "associations": "Associations",
}
MODE_LABELS = {
    MODE_GENERATED: "Réponse rédigée par le modèle",
    MODE_EXTRACTIVE: "Réponse composée d'extraits des textes officiels",
    MODE_REFUSED: "Pas de réponse",
}
PRIVACY_NOTICE = "Les données personnelles sont masquées dans ce qui est conservé."
DRAFTED_NOTICE = (
    "Brouillon rédigé automatiquement à partir de sources officielles : à vérifier avant de le transmettre à un usager."
)
COMPOSED_NOTICE = (
    "Réponse composée automatiquement d'extraits des sources officielles : à vérifier avant de la transmettre à un "
    "usager."
)
CITATION_MARK = re.compile(r"\[(\d{1,2})\]")
IN_FORCE_SOURCES = frozenset({"legifrance", "kali"})
"""Sources indexed as the texts in force at the date of the copy (Légifrance's consolidated codes)."""


def notice(drafting: bool) -> str:
    """The page's standing warning, true to the mode in force: no « brouillon » when no model drafts."""
    return f"{DRAFTED_NOTICE if drafting else COMPOSED_NOTICE} {PRIVACY_NOTICE}"


@dataclass(frozen=True)
class SourceCard:
    """What one card of the sources panel shows; `n` is the citation number, 0 for an uncited passage."""

    n: int
    title: str
    source: str
    url: str
    quote: str
    audience: tuple[str, ...] = ()
    updated: date | None = None
    heading_path: tuple[str, ...] = ()
    in_force_since: date | None = None
    in_force_until: date | None = None

    @property
    def dates(self) -> str:
        """« en vigueur depuis le … » for an article, « mis à jour le … » for a fiche; empty when undated."""
        return text_dates(self.in_force_since, self.in_force_until, self.updated)


@dataclass
class TurnView:
    """One exchange as displayed: only redacted text, never what the agent typed."""

    question: str = ""
    masked: dict[str, int] | None = None
    answer_text: str = ""
    mode: str = ""
    notice: str = ""
    pending: str = ""
    error: str = ""
    cases: tuple[str, ...] = ()
    extract: str = ""
    draft_text: str = ""
    """A model's draft while it streams: shown apart, unverified, until the final answer replaces it."""
    set_aside: tuple[SetAside, ...] = ()
    """Articles an as-of date left out, linked to the official site at that date."""


def is_stale(updated: date | None, today: date, stale_after_days: int) -> bool:
    return updated is not None and (today - updated).days > stale_after_days


def mode_label(mode: str) -> str:
    return MODE_LABELS.get(mode, mode)


def masked_summary(counts: dict[str, int]) -> str:
    parts = [f"{count} {entity_label(kind)}" for kind, count in sorted(counts.items())]
    return "Données masquées : " + ", ".join(parts) if parts else "Aucune donnée personnelle détectée"


def paragraphs(text: str, link_citations: bool) -> str:
    blocks = [block.strip() for block in re.split(r"\n\s*\n", text.strip()) if block.strip()]
    rendered = []
    for block in blocks:
        html = escape(block).replace("\n", "<br>")
        if link_citations:
            html = CITATION_MARK.sub(_citation_anchor, html)
        rendered.append(f"<p>{html}</p>")
    return "".join(rendered)


def _citation_anchor(match: re.Match[str]) -> str:
    n = match.group(1)
    return f'<a class="citation" href="#source-{n}" aria-label="Source {n}">[{n}]</a>'


def cards_for_answer(answer: Answer) -> list[SourceCard]:
    """One card per citation, completed with its passage's metadata; the passages if nothing is cited."""
    if answer.citations:
        return [_card_from_citation(citation, answer.passages) for citation in answer.citations]
    return cards_for_passages(answer.passages, numbered=False)


def cards_for_passages(passages: Sequence[Passage], numbered: bool) -> list[SourceCard]:
    return [
        SourceCard(
            n=index if numbered else 0,
            title=passage.title,
            source=passage.source,
            url=passage.url,
            quote=passage.text,
            audience=passage.audience,
            updated=passage.updated,
            heading_path=passage.heading_path,
            in_force_since=passage.in_force_since,
            in_force_until=passage.in_force_until,
        )
        for index, passage in enumerate(passages, 1)
    ]


def _card_from_citation(citation: Citation, passages: Sequence[Passage]) -> SourceCard:
    same_doc = [p for p in passages if p.doc_id == citation.doc_id]
    quoted_in = next((p for p in same_doc if citation.quote and citation.quote[:80] in p.text), None)
    passage = quoted_in or (same_doc[0] if same_doc else None)
    return SourceCard(
        n=citation.n,
        title=citation.title or (passage.title if passage else citation.doc_id),
        source=passage.source if passage else "",
        url=citation.url or (passage.url if passage else ""),
        quote=citation.quote or (passage.text if passage else ""),
        audience=passage.audience if passage else (),
        updated=passage.updated if passage else None,
        heading_path=citation.heading_path or (quoted_in.heading_path if quoted_in else ()),
        in_force_since=passage.in_force_since if passage else None,
        in_force_until=passage.in_force_until if passage else None,
    )


@dataclass(frozen=True)
class SourceDates:
    """The dates of one source's texts in the index: its newest (when the copy was taken) and its median."""

    newest: date
    typical: date


def source_dates(documents: Iterable[Any]) -> dict[str, SourceDates]:
    """Per source, from every indexed document's `source` and `updated`."""
    dates: dict[str, list[date]] = {}
    for document in documents:
        if document.updated:
            dates.setdefault(document.source, []).append(document.updated)
    return {
        source: SourceDates(newest=max(days), typical=sorted(days)[len(days) // 2]) for source, days in dates.items()
    }


def lags_behind_its_source(card: SourceCard, dates: dict[str, SourceDates], stale_after_days: int) -> bool:
    """Whether a fiche is older than most texts of its source by more than the staleness period. A Légifrance
    article is in force at the date of the copy whatever the date of its version, so its age says nothing."""
    if card.source in IN_FORCE_SOURCES or card.source not in dates:
        return False
    return is_stale(card.updated, dates[card.source].typical, stale_after_days)


def source_card_html(card: SourceCard, dates: dict[str, SourceDates], stale_after_days: int) -> str:
    anchor = f' id="source-{card.n}"' if card.n else ""
    number = f'<span class="card-number">[{card.n}]</span> ' if card.n else ""
    meta = [f'<span class="badge">{escape(source_label(card.source))}</span>'] if card.source else []
    meta += [f'<span class="badge badge-grey">{escape(AUDIENCE_LABELS.get(a, a))}</span>' for a in card.audience]
    if card.dates:
        kind = "in-force" if card.in_force_since or card.in_force_until else "updated"
        meta.append(f'<span class="{kind}">{escape(card.dates)}</span>')
    stale = ""
    if card.updated and lags_behind_its_source(card, dates, stale_after_days):
        lag_years = (dates[card.source].typical - card.updated).days // 365
        stale = (
            '<p class="stale" role="note">Attention : texte mis à jour '
            f"{_age_phrase(lag_years, stale_after_days)} avant la plupart des textes de "
            f"{escape(source_label(card.source))} ; vérifiez qu'il est toujours en vigueur.</p>"
        )
    heading = f'<p class="heading-path">{escape(" › ".join(card.heading_path))}</p>' if card.heading_path else ""
    site = f" sur {source_label(card.source)}" if card.source else ""
    link = (
        f'<a class="official-link" href="{escape(card.url, quote=True)}" target="_blank" '
        f'rel="noopener noreferrer">Voir le texte officiel{escape(site)}'
        '<span class="sr-only"> (nouvel onglet)</span></a>'
        if card.url.startswith(("https://", "http://"))
        else ""
    )
    return (
        f'<article class="source-card"{anchor} tabindex="-1">'
        f"<h3>{number}{escape(card.title)}</h3>"
        f'<p class="meta">{" ".join(meta)}</p>{stale}{heading}'
        f"<blockquote>{escape(_shorten(card.quote, 700))}</blockquote>{link}</article>"
    )


def snapshot_notice(
    cards: Sequence[SourceCard], dates: dict[str, SourceDates], today: date, stale_after_days: int
) -> str:
    """Said once above the cards: which sources come from a copy older than the staleness period, and its date."""
    sources = dict.fromkeys(card.source for card in cards if card.source in dates)
    old = [source for source in sources if is_stale(dates[source].newest, today, stale_after_days)]
    if not old:
        return ""
    dated = " ; ".join(
        f"{escape(source_label(source))} : textes à jour au {french_date(dates[source].newest)}" for source in old
    )
    return (
        '<p class="snapshot-notice" role="note">Ces textes viennent d\'une copie des sites officiels faite à une '
        f"date donnée ({dated}). Le droit a pu changer depuis : avant de transmettre une réponse, ouvrez le texte "
        "officiel pour vérifier qu'il est toujours en vigueur.</p>"
    )


def _age_phrase(age_years: int, stale_after_days: int) -> str:
    if age_years >= 2:
        return f"plus de {age_years} ans"
    return f"plus de {stale_after_days} jours"


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


def sources_panel_html(
    cards: Sequence[SourceCard],
    dates: dict[str, SourceDates],
    today: date,
    stale_after_days: int,
    provisional: bool,
) -> str:
    if not cards:
        return (
            '<section class="sources" aria-labelledby="sources-title"><h2 id="sources-title">Sources</h2>'
            '<p class="empty">Les sources citées dans la réponse s\'afficheront ici.</p></section>'
        )
    cited = any(card.n for card in cards)
    title = "Passages trouvés" if provisional or not cited else "Sources citées"
    hint = (
        '<p class="hint">Recherche terminée, rédaction en cours…</p>'
        if provisional
        else ("" if cited else '<p class="hint">Aucune source n\'est citée ; voici les passages consultés.</p>')
    )
    notice = snapshot_notice(cards, dates, today, stale_after_days)
    body = "".join(source_card_html(card, dates, stale_after_days) for card in cards)
    return (
        f'<section class="sources" aria-labelledby="sources-title"><h2 id="sources-title">{title}</h2>'
        f"{hint}{notice}{body}</section>"
    )


def turn_html(turn: TurnView) -> str:
    if turn.question:
        masked = f'<p class="masked">{escape(masked_summary(turn.masked or {}))}</p>' if turn.masked is not None else ""
        question = (
            '<div class="msg msg-user"><p class="who">Question conservée (données personnelles masquées)</p>'
            f'<p class="question-text">{escape(turn.question)}</p>{masked}</div>'
        )
    else:
        question = (
            '<div class="msg msg-user"><p class="who">Question</p>'
            '<p class="pending">Masquage des données personnelles…</p></div>'
        )
    answer_parts = []
    if turn.mode:
        answer_parts.append(f'<p class="mode mode-{escape(turn.mode)}">{escape(mode_label(turn.mode))}</p>')
    if turn.answer_text:
        answer_parts.append(f'<div class="answer-text">{paragraphs(turn.answer_text, link_citations=True)}</div>')
    if turn.draft_text:
        answer_parts.append(
            '<div class="draft" aria-hidden="true"><p class="who">Brouillon du modèle, non vérifié</p>'
            f"{paragraphs(turn.draft_text, link_citations=False)}</div>"
        )
    if turn.cases:
        answer_parts.append(f'<p class="cases">{escape(cases_line(turn.cases))}</p>')
    if turn.pending:
        answer_parts.append(f'<p class="pending" role="status">{escape(turn.pending)}</p>')
    if turn.notice:
        answer_parts.append(f'<p class="answer-notice">{escape(turn.notice)}</p>')
    if turn.set_aside:
        answer_parts.append(set_aside_html(turn.set_aside))
    if turn.error:
        answer_parts.append(f'<p class="error" role="alert">{escape(turn.error)}</p>')
    if turn.extract and turn.extract != turn.answer_text:
        answer_parts.append(
            '<details class="extract"><summary>Extrait plus complet des sources</summary>'
            f"{paragraphs(turn.extract, link_citations=True)}</details>"
        )
    answer = (
        '<div class="msg msg-assistant" tabindex="-1" aria-label="Réponse de Guichet">'
        f'<p class="who">Guichet</p>{"".join(answer_parts)}</div>'
    )
    return f'<div class="turn">{question}{answer}</div>'


def set_aside_html(set_aside: Sequence[SetAside]) -> str:
    """The articles an as-of date left out, each linked to its page on the official site at that date."""
    items = []
    for item in set_aside:
        if not item.url.startswith(("https://", "http://")):
            continue
        dated = text_dates(item.in_force_since, item.in_force_until, None)
        items.append(
            f'<li><a href="{escape(item.url, quote=True)}" target="_blank" rel="noopener noreferrer">'
            f'{escape(item.title)}<span class="sr-only"> (nouvel onglet)</span></a>'
            f"{escape(' — version de l’index ' + dated) if dated else ''}</li>"
        )
    return f'<ul class="set-aside" aria-label="Articles écartés par la date">{"".join(items)}</ul>' if items else ""


def cases_line(cases: Sequence[str]) -> str:
    """The situations the source distinguishes, when the question does not say which applies."""
    return "La réponse dépend de la situation : " + " ; ".join(f"« {case} »" for case in cases) + "."


def conversation_html(turns: Sequence[TurnView]) -> str:
    if not turns:
        body = (
            '<p class="empty">Posez une question sur les droits et démarches : la réponse cite les textes '
            "officiels (Service-Public.fr, Travail-emploi.gouv.fr, Légifrance).</p>"
        )
    else:
        body = "".join(turn_html(turn) for turn in turns)
    return f'<section class="conversation" aria-label="Conversation" tabindex="0">{body}</section>'


def answer_plain_text(answer: Answer) -> str:
    """The answer and its sources as plain text, to paste into an e-mail to a citizen."""
    lines = [answer.text.strip()]
    if answer.cases:
        lines.append(cases_line(answer.cases))
    cards = [card for card in cards_for_answer(answer) if card.n]
    if cards:
        lines += ["", "Sources :"]
        for card in cards:
            dated = f", {card.dates}" if card.dates else ""
            origin = f" ({source_label(card.source)}{dated})" if card.source else ""
            lines.append(f"[{card.n}] {placed(card.title, card.heading_path)}{origin}")
            if card.url:
                lines.append(f"    {card.url}")
    return "\n".join(lines)


def settings_html(info: dict[str, Any]) -> str:
    """A definition list of the maintainers' information (models, corpus versions, index date)."""
    rows = "".join(
        f"<dt>{escape(str(label))}</dt><dd>{escape(str(value)) if value not in (None, '') else '—'}</dd>"
        for label, value in info.items()
    )
    return f'<dl class="settings-list">{rows}</dl>'
