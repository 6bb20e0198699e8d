"""The agents' chat page (Gradio): streamed answers, sources to check, feedback."""
from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from html import escape
from pathlib import Path
from typing import Any

import gradio as gr
import uvicorn
from fastapi import FastAPI

from assistant.dates import BAD_DAY_FRENCH, parse_day
from assistant.drafting import DraftingMode
from assistant.faces.api import build_api
from assistant.faces.api_access import is_loopback
from assistant.faces.logs import configure_logging
from assistant.faces.ui_render import (
    AUDIENCE_LABELS,
    TurnView,
    answer_plain_text,
    cards_for_answer,
    cards_for_passages,
    conversation_html,
    french_date,
    notice,
    settings_html,
    source_dates,
    sources_panel_html,
)
from assistant.llm import warn_if_unusable
from assistant.metrics import FACE_PAGE
from assistant.model import Answer
from assistant.pipeline import Assistant, Composed, Final, Redacted, Retrieved, Session, Token
from corpus.kali import normalize_idcc
from corpus.model import SOURCE_KALI
from corpus.sources import source_label
from guichet.config import Settings
from indexing.index import Manifest
from indexing.model import SearchFilters

logger = logging.getLogger(__name__)

CSS_PATH = Path(__file__).with_name("ui.css")
EXAMPLES = (
    "Quelle indemnité à la fin d'un CDD ?",
    "Combien de jours de congés payés par an ?",
    "Comment demander le RSA ?",
    "Quel est le délai de préavis en cas de démission ?",
)
ERROR_MESSAGE = (
    "Une erreur est survenue pendant la préparation de la réponse. Réessayez ; "
    "si le problème persiste, signalez-le à l'assistance informatique."
)
TIMEOUT_MESSAGE = "La réponse a pris trop de temps et a été interrompue. Réessayez dans un instant."
WAIT_MESSAGE = "En attente : le modèle répond à d'autres demandes, votre question est dans la file."
SEARCH_MESSAGE = "Recherche dans les textes officiels…"
COMPOSE_MESSAGE = "Composition de la réponse à partir des textes…"
DRAFT_MESSAGE = "Le modèle rédige une réponse, vérifiée avant d'être affichée à la place de celle-ci…"
PAGE_JS = """() => {
  document.body.classList.remove('dark');
  document.documentElement.lang = 'fr';
  const announcer = document.createElement('div');
  announcer.id = 'announcer';
  announcer.className = 'sr-only';
  announcer.setAttribute('role', 'status');
  announcer.setAttribute('aria-live', 'polite');
  document.body.appendChild(announcer);
  const showNewestTurn = () => {
    const log = document.querySelector('#conversation .conversation');
    const newest = log && log.querySelector('.turn:last-child');
    if (newest) log.scrollTop = newest.offsetTop;
  };
  const inConversation = record => record.target.closest && record.target.closest('#conversation');
  new MutationObserver(records => { if (records.some(inConversation)) showNewestTurn(); })
    .observe(document.body, {childList: true, subtree: true});
}"""
"""Set once at load: French, light theme, a live region that stays in the page (the conversation is re-rendered
on every streamed frame, which screen readers would read again and again), and the newest turn kept in view."""
FOCUS_ANSWER_JS = """() => {
  const answers = document.querySelectorAll('#conversation .msg-assistant');
  const newest = answers[answers.length - 1];
  if (!newest || newest.dataset.announced) return;
  newest.dataset.announced = 'yes';
  newest.focus();
  const said = newest.querySelectorAll('.mode, .answer-text, .cases, .answer-notice, .error');
  document.getElementById('announcer').textContent = Array.from(said, part => part.textContent).join(' ');
}"""
"""Once an answer is final: focus moves to it and what it says is announced, once (a re-render is a new answer)."""


@dataclass
class PageState:
    """Everything one browser tab holds in memory on the server; never written anywhere."""

    session: Session | None = None
    turns: list[TurnView] = field(default_factory=list)
    answer: Answer | None = None
    pending_question: str = ""


def parse_auth(auth: str) -> list[tuple[str, str]]:
    """`user:password` pairs separated by commas, or the path of a file holding one pair a line."""
    candidate = Path(auth).expanduser()
    raw = candidate.read_text(encoding="utf-8").splitlines() if candidate.is_file() else auth.split(",")
    pairs = []
    for entry in (line.strip() for line in raw):
        if not entry or entry.startswith("#"):
            continue
        user, sep, password = entry.partition(":")
        if not sep or not user or not password:
            raise ValueError("GUICHET_AUTH: each entry must be user:password")
        pairs.append((user, password))
    return pairs


def maintainer_info(settings: Settings, drafting: DraftingMode | None = None) -> dict[str, Any]:
    manifest = Manifest.current(settings)
    return {
        "Mode de réponse": drafting.reason if drafting else "—",
        "Modèle d'embeddings": settings.embedding_model,
        "Moteur de génération": settings.llm_backend,
        "Modèle de langue": settings.llm_model_path or settings.llm_model,
        "Versions du corpus": corpus_versions_line(settings, manifest.corpus_versions if manifest else None),
        "Fichiers des versions épinglées": ", ".join(str(path) for path in settings.pins_files),
        "Index construit le": _built_on(manifest.created if manifest else None),
        "Identifiant de l'index": manifest.build_id if manifest else None,
        "Documents / passages indexés": (f"{_total(manifest.documents)} / {_total(manifest.chunks)}" if manifest
                                         else "— / —"),
        "Dossier des données": settings.home,
        "Texte signalé ancien après": f"{settings.stale_after_days} jours",
        "Requêtes simultanées / file d'attente": f"{settings.max_concurrent_requests} / {settings.queue_size}",
    }


def corpus_versions_line(settings: Settings, indexed: dict[str, str] | None) -> str:
    """The versions of the index in service (or, without one, the pinned ones), each with its publication date."""
    pinned = {(p.name, p.version): p.published_on for p in settings.corpus_packages}
    versions = indexed or {name: version for name, version in pinned}
    parts = []
    for name, version in sorted(versions.items()):
        published = pinned.get((name, version))
        parts.append(f"{name} {version}" + (f" (publiée le {french_date(published.date())})" if published else ""))
    return ", ".join(parts)


def _built_on(created: str | None) -> str:
    if not created:
        return "aucun index : lancez `guichet index`"
    moment = datetime.fromisoformat(created)
    return f"{french_date(moment.date())} à {moment:%H:%M} (UTC)"


def _total(counts: dict[str, int]) -> str:
    return str(sum(counts.values())) if counts else "—"


BAD_IDCC_FRENCH = (
    "Convention collective : indiquez un ou plusieurs numéros IDCC d'au plus quatre chiffres, par exemple 1486."
)
IDCC_SEPARATORS = re.compile(r"[\s,;]+")


def agreement_numbers(typed: str | None) -> tuple[str, ...]:
    """The IDCCs typed in the page's filter (spaces, commas or semicolons between them); ValueError otherwise."""
    parts = [part for part in IDCC_SEPARATORS.split((typed or "").strip()) if part]
    return tuple(dict.fromkeys(normalize_idcc(part) for part in parts))


def _filters(
    sources: list[str] | None, audiences: list[str] | None, as_of: str | None, agreements: str | None = ""
) -> SearchFilters:
    day = parse_day(as_of) if (as_of or "").strip() else None
    return SearchFilters(sources=tuple(sources or ()), audiences=tuple(audiences or ()), as_of=day,
                         agreements=agreement_numbers(agreements))


def as_of_problem(as_of: str | None) -> str:
    """The French message for a date the page cannot read; empty when it is a day or left blank."""
    try:
        _filters(None, None, as_of)
    except ValueError:
        return BAD_DAY_FRENCH
    return ""


def agreements_problem(agreements: str | None) -> str:
    """The French message for an agreement filter that is not a list of IDCCs; empty when it is, or left blank."""
    try:
        agreement_numbers(agreements)
    except ValueError:
        return BAD_IDCC_FRENCH
    return ""


def mode_line(drafting: DraftingMode) -> str:
    if drafting.drafting:
        return f"Réponses rédigées par le modèle {drafting.model_id}, vérifiées phrase par phrase contre les sources."
    return "Réponses composées d'extraits des textes officiels, sans modèle de langue. " + drafting.reason


def _show(turn: TurnView, answer: Answer) -> None:
    turn.answer_text, turn.mode, turn.notice = answer.text, answer.mode, answer.notice
    turn.cases, turn.extract = answer.cases, answer.extract
    turn.set_aside = tuple(answer.set_aside)


def build_app(assistant: Assistant, settings: Settings) -> gr.Blocks:
    today = date.today
    dates = source_dates(assistant.searcher.index.documents)

    def sources_html(cards: list, provisional: bool = False) -> str:
        return sources_panel_html(cards, dates, today(), settings.stale_after_days, provisional)

    def enqueue(question: str, state: PageState, as_of: str, agreements: str = "") -> tuple[Any, ...]:
        question = (question or "").strip()
        if not question:
            return state, gr.update(), gr.update(), "Saisissez une question avant d'envoyer."
        problem = as_of_problem(as_of) or agreements_problem(agreements)
        if problem:
            return state, gr.update(), gr.update(), problem
        turns = [*state.turns, TurnView(pending=WAIT_MESSAGE)]
        state = replace(state, turns=turns, pending_question=question)
        return state, conversation_html(turns), "", ""

    def answer(
        state: PageState, sources: list[str], audiences: list[str], as_of: str, agreements: str = ""
    ) -> Iterator[tuple[Any, ...]]:
        question, state = state.pending_question, replace(state, pending_question="")
        if not question:
            yield (state, *[gr.update()] * 5)
            return
        session = state.session or Session()
        turn = state.turns[-1]
        turn.pending = SEARCH_MESSAGE
        cards: list = []
        provisional = False
        final: Answer | None = None

        def frame() -> tuple[Any, ...]:
            done = final is not None
            new_state = replace(state, session=session, answer=final if done else state.answer)
            return (
                new_state,
                conversation_html(new_state.turns),
                sources_html(cards, provisional),
                answer_plain_text(final) if done else gr.update(),
                gr.update(visible=done) if done else gr.update(),
                "" if done else gr.update(),
            )

        yield frame()
        started = time.monotonic()
        try:
            filters = _filters(sources, audiences, as_of, agreements)
            for event in assistant.ask_stream(question, session, filters, FACE_PAGE):
                if isinstance(event, Redacted):
                    turn.question, turn.masked = event.redacted.text, event.redacted.counts()
                elif isinstance(event, Retrieved):
                    cards, provisional = cards_for_passages(event.passages, numbered=True), True
                    turn.pending = COMPOSE_MESSAGE
                elif isinstance(event, Composed):
                    _show(turn, event.answer)
                    turn.pending = DRAFT_MESSAGE
                    cards = cards_for_answer(event.answer)
                elif isinstance(event, Token):
                    turn.draft_text += event.text
                elif isinstance(event, Final):
                    final = event.answer
                    turn.question = final.redacted_question or turn.question
                    _show(turn, final)
                    turn.pending = turn.draft_text = ""
                    cards, provisional = cards_for_answer(final), False
                if time.monotonic() - started > settings.request_timeout_s:
                    turn.pending, turn.error = "", TIMEOUT_MESSAGE
                    cards, provisional = [replace(card, n=0) for card in cards], False
                    break
                yield frame()
        except Exception as error:  # noqa: BLE001 - any failure becomes a French message, never a traceback
            logger.error("answer failed: %s", type(error).__name__)
            turn.pending, turn.error = "", ERROR_MESSAGE
            cards, provisional = [replace(card, n=0) for card in cards], False
        yield frame()

    def give_feedback(state: PageState, useful: bool, comment: str) -> tuple[str, str]:
        if state.answer is None:
            return "Aucune réponse à évaluer pour l'instant.", comment
        try:
            assistant.feedback(state.answer, useful, comment or "")
        except Exception as error:  # noqa: BLE001
            logger.error("feedback failed: %s", type(error).__name__)
            return "Votre avis n'a pas pu être enregistré. Réessayez plus tard.", comment
        return "Merci, votre avis est enregistré (les données personnelles du commentaire sont masquées).", ""

    def mark_useful(state: PageState, comment: str) -> tuple[str, str]:
        return give_feedback(state, True, comment)

    def mark_not_useful(state: PageState, comment: str) -> tuple[str, str]:
        return give_feedback(state, False, comment)

    def new_conversation() -> tuple[Any, ...]:
        return PageState(), conversation_html([]), sources_html([]), "", gr.update(visible=False), "", ""

    with gr.Blocks(title="Guichet — assistant des agents", analytics_enabled=False) as app:
        state = gr.State(PageState())
        gr.HTML(
            '<header class="site-header"><div class="brand"><h1>Guichet</h1>'
            '<p class="tagline">Assistant de recherche dans les textes officiels, réservé aux agents</p></div>'
            f'<p class="notice-banner" role="note">{notice(assistant.drafting.drafting)}</p>'
            f'<p class="answer-mode" id="answer-mode">{escape(mode_line(assistant.drafting))}</p></header>'
        )
        with gr.Row(equal_height=False):
            with gr.Column(scale=3, min_width=420):
                conversation = gr.HTML(conversation_html([]), elem_id="conversation")
                question = gr.Textbox(
                    label="Votre question",
                    placeholder="Ex. : Quelle indemnité à la fin d'un CDD ?",
                    lines=1,
                    max_lines=6,
                    elem_id="question",
                    info="Entrée pour envoyer, Maj+Entrée pour aller à la ligne.",
                )
                with gr.Row():
                    send = gr.Button("Envoyer", variant="primary", elem_id="send")
                    reset = gr.Button("Nouvelle conversation", variant="secondary", elem_id="new-conversation")
                status = gr.Markdown("", elem_classes="wait-status", elem_id="status")
                with gr.Group(visible=False, elem_id="answer-tools") as answer_tools:
                    with gr.Row():
                        useful = gr.Button("Réponse utile", elem_id="feedback-useful", size="md")
                        not_useful = gr.Button("Réponse pas utile", elem_id="feedback-not-useful", size="md")
                    comment = gr.Textbox(
                        label="Commentaire sur la réponse (facultatif)",
                        info="Les données personnelles sont masquées avant l'enregistrement.",
                        lines=1,
                        elem_id="feedback-comment",
                    )
                    feedback_status = gr.Markdown("", elem_classes="feedback-status", elem_id="feedback-status")
                    copy_text = gr.Textbox(
                        label="Réponse avec ses sources, en texte brut (pour un courriel)",
                        lines=6,
                        interactive=False,
                        buttons=["copy"],
                        elem_id="copy-text",
                    )
                gr.Examples(examples=[[e] for e in EXAMPLES], inputs=[question], label="Exemples de questions")
                with gr.Accordion("Filtres de recherche", open=False):
                    sources = gr.CheckboxGroup(
                        [(source_label(name), name) for name in settings.sources],
                        label="Sources (aucune case cochée : toutes)",
                        elem_id="filter-sources",
                    )
                    audiences = gr.CheckboxGroup(
                        [(label, value) for value, label in AUDIENCE_LABELS.items()],
                        label="Public concerné (aucune case cochée : tous)",
                        elem_id="filter-audiences",
                    )
                    as_of = gr.Textbox(
                        label="Textes en vigueur au (facultatif)",
                        placeholder="JJ/MM/AAAA",
                        info="Seulement les articles en vigueur ce jour-là ; les fiches, sans historique, restent.",
                        max_lines=1,
                        elem_id="filter-as-of",
                    )
                    agreements = gr.Textbox(
                        label="Conventions collectives (IDCC, facultatif)",
                        placeholder="ex. 1486 ou 0016, 1486",
                        info="Cherche aussi dans leurs articles (l'IDCC figure sur le bulletin de paie).",
                        max_lines=1,
                        visible=SOURCE_KALI in settings.sources,
                        elem_id="filter-agreements",
                    )
                if settings.maintenance_panel:
                    with gr.Accordion("Paramètres techniques (maintenance)", open=False):
                        gr.HTML(settings_html(maintainer_info(settings, assistant.drafting)), elem_id="maintainer-info")
            with gr.Column(scale=2, min_width=320):
                sources_panel = gr.HTML(sources_html([]), elem_id="sources-panel")

        answer_outputs = [state, conversation, sources_panel, copy_text, answer_tools, feedback_status]
        for trigger in (question.submit, send.click):
            trigger(
                enqueue,
                [question, state, as_of, agreements],
                [state, conversation, question, status],
                queue=False,
                show_progress="hidden",
            ).then(
                answer,
                [state, sources, audiences, as_of, agreements],
                answer_outputs,
                concurrency_id="model",
                concurrency_limit=settings.max_concurrent_requests,
                show_progress="minimal",
                show_progress_on=[status],
            ).then(None, js=FOCUS_ANSWER_JS, queue=False)
        useful.click(mark_useful, [state, comment], [feedback_status, comment], queue=False)
        not_useful.click(mark_not_useful, [state, comment], [feedback_status, comment], queue=False)
        reset.click(
            new_conversation,
            None,
            [state, conversation, sources_panel, copy_text, answer_tools, feedback_status, comment],
            queue=False,
        )
    return app


def theme() -> gr.themes.Base:
    font = ["Marianne", "system-ui", "-apple-system", "Segoe UI", "Roboto", "Arial", "sans-serif"]
    return gr.themes.Base(font=font, neutral_hue="gray", radius_size=gr.themes.sizes.radius_none).set(
        button_primary_background_fill="#000091",
        button_primary_background_fill_hover="#1212ff",
        button_primary_text_color="#ffffff",
        button_secondary_background_fill="#ffffff",
        button_secondary_background_fill_hover="#f6f6f6",
        button_secondary_text_color="#000091",
        button_secondary_border_color="#000091",
        button_border_width="1px",
        color_accent="#000091",
        color_accent_soft="#e8edff",
        checkbox_background_color_selected="#000091",
        checkbox_border_color_selected="#000091",
        input_border_color_focus="#000091",
        link_text_color="#000091",
        body_text_color="#161616",
        body_text_color_subdued="#3a3a3a",
    )


def serve(settings: Settings) -> None:
    auth = parse_auth(settings.auth) if settings.auth else None
    if not is_loopback(settings.host) and not auth:
        raise SystemExit(
            f"refusing to serve on {settings.host} without a login: set GUICHET_AUTH "
            "(user:password pairs, or a file of them) or bind 127.0.0.1"
        )
    assistant = Assistant.from_settings(settings)
    configure_logging(settings, assistant.redactor)
    warn_if_unusable(assistant.generator)
    assistant.warm_up()
    app = mount_page(assistant, settings, auth)
    logger.info("page and API on http://%s:%s (schema: /openapi.json)", settings.host, settings.port)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning")


def mount_page(assistant: Assistant, settings: Settings, auth: list[tuple[str, str]] | None) -> FastAPI:
    """The HTTP API (`assistant.faces.api`) with the page mounted at its root: one server, one port."""
    page = build_app(assistant, settings)
    page.queue(default_concurrency_limit=settings.max_concurrent_requests, max_size=settings.queue_size)
    return gr.mount_gradio_app(
        build_api(assistant, settings),
        page,
        path="/",
        server_name=settings.host,
        server_port=settings.port,
        auth=auth,
        auth_message="Guichet : identifiez-vous avec le compte fourni par votre administrateur.",
        show_error=False,
        footer_links=[],
        mcp_server=False,
        pwa=False,
        ssr_mode=False,
        theme=theme(),
        css_paths=[CSS_PATH],
        js=PAGE_JS,
    )
