"""The chat page's pure rendering: anchors, escaping, dates, staleness, plain-text copy."""
from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import pytest

from assistant.answer_json import answer_json
from assistant.faces.api_openai import chat_content
from assistant.faces.cli import render_answer
from assistant.faces.ui_render import (
    SourceCard,
    SourceDates,
    TurnView,
    answer_plain_text,
    cards_for_answer,
    cards_for_passages,
    conversation_html,
    french_date,
    is_stale,
    masked_summary,
    mode_label,
    notice,
    paragraphs,
    settings_html,
    snapshot_notice,
    source_card_html,
    source_dates,
    sources_panel_html,
)
from assistant.model import (
    MODE_EXTRACTIVE,
    MODE_GENERATED,
    MODE_REFUSED,
    Answer,
    Citation,
)
from indexing.model import Passage

FIXTURE = Path(__file__).parent / "fixtures" / "assistant" / "passages.json"
TODAY = date(2025, 6, 1)


@pytest.fixture(scope="module")
def passages() -> list[Passage]:
    rows = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return [
        Passage(
            chunk_id=row["chunk_id"],
            doc_id=row["doc_id"],
            source=row["source"],
            title=row["title"],
            url=row["url"],
            heading_path=tuple(row["heading_path"]),
            text=row["text"],
            audience=tuple(row["audience"]),
            updated=date.fromisoformat(row["updated"]) if row["updated"] else None,
        )
        for row in rows
    ]


@pytest.fixture(scope="module")
def answer(passages: list[Passage]) -> Answer:
    first = passages[0]
    return Answer(
        question="",
        mode=MODE_GENERATED,
        text="La fin du CDD peut entraîner le versement d'indemnités [1].\n\nVoir aussi [2].",
        citations=[
            Citation(1, first.doc_id, first.title, first.url, first.text[:120]),
            Citation(2, passages[-1].doc_id, passages[-1].title, passages[-1].url, passages[-1].text[:80]),
        ],
        passages=passages,
        redacted_question="Quelle indemnité pour <PERSONNE_1> à la fin d'un CDD ?",
    )


def test_citations_become_anchors_to_source_cards() -> None:
    html = paragraphs("Indemnité de fin de contrat [1], voir [12].", link_citations=True)
    assert '<a class="citation" href="#source-1" aria-label="Source 1">[1]</a>' in html
    assert 'href="#source-12"' in html


def test_answer_text_is_escaped_before_linking() -> None:
    html = paragraphs('<script>alert("x")</script> [1]\nligne', link_citations=True)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<br>" in html and 'href="#source-1"' in html


def test_source_card_has_official_link_in_new_tab_and_french_date(answer: Answer) -> None:
    card = cards_for_answer(answer)[0]
    html = source_card_html(card, {"service-public": SourceDates(TODAY, TODAY)}, stale_after_days=10_000)
    assert 'id="source-1"' in html
    assert 'href="https://www.service-public.fr/particuliers/vosdroits/F40" target="_blank"' in html
    assert 'rel="noopener noreferrer"' in html
    assert "Voir le texte officiel sur Service-Public.fr" in html and "Particuliers" in html
    assert "mis à jour le 11 juillet 2019" in html
    assert "Attention" not in html.split("<blockquote>")[0]


def test_stale_text_shows_a_warning(answer: Answer) -> None:
    card = cards_for_answer(answer)[0]
    assert is_stale(card.updated, TODAY, 365)
    assert not is_stale(card.updated, TODAY, 10_000)
    assert not is_stale(None, TODAY, 1)
    html = source_card_html(card, {"service-public": SourceDates(TODAY, TODAY)}, stale_after_days=365)
    assert 'class="stale"' in html and "plus de 5 ans avant la plupart des textes de Service-Public.fr" in html


def test_a_card_as_recent_as_most_of_its_source_has_no_warning_of_its_own(answer: Answer) -> None:
    card = cards_for_answer(answer)[0]
    copied_in_2020 = {"service-public": SourceDates(newest=date(2020, 11, 5), typical=date(2020, 1, 17))}
    assert 'class="stale"' not in source_card_html(card, copied_in_2020, stale_after_days=365)
    assert 'class="stale"' not in source_card_html(card, {}, stale_after_days=365)


def test_a_legifrance_article_is_in_force_whatever_the_date_of_its_version() -> None:
    article = SourceCard(1, "Article L1243-8", "legifrance", "https://www.legifrance.gouv.fr/", "…", (),
                         updated=date(2008, 5, 1))
    copied = SourceDates(newest=date(2026, 3, 27), typical=date(2016, 8, 10))
    assert 'class="stale"' not in source_card_html(article, {"legifrance": copied}, stale_after_days=365)
    fiche = dataclasses.replace(article, source="travail-emploi")
    assert 'class="stale"' in source_card_html(fiche, {"travail-emploi": copied}, stale_after_days=365)


def test_source_dates_are_the_newest_and_the_median_of_each_source(passages: list[Passage]) -> None:
    dates = source_dates(passages)
    assert set(dates) == {"service-public"}
    assert dates["service-public"] == SourceDates(newest=date(2020, 8, 6), typical=date(2019, 7, 11))


def test_an_old_copy_is_explained_once_above_the_cards(passages: list[Passage]) -> None:
    cards = cards_for_passages(passages, numbered=True)
    dates = source_dates(passages)
    panel = sources_panel_html(cards, dates, TODAY, 365, provisional=False)
    assert panel.count('class="snapshot-notice"') == 1
    assert "Service-Public.fr : textes à jour au 6 août 2020" in panel
    assert 'class="stale"' not in panel, "no card is older than most of its source"
    assert snapshot_notice(cards, dates, date(2020, 9, 1), 365) == "", "a recent copy needs no notice"


def test_card_values_are_escaped(passages: list[Passage]) -> None:
    hostile = Passage(
        chunk_id="x#0", doc_id="x", source="service-public", title='<img src=x onerror="alert(1)">',
        url='javascript:alert(1)', heading_path=("<b>",), text="a < b & c",
    )
    html = source_card_html(cards_for_passages([hostile], numbered=True)[0], {}, 365)
    assert "<img" not in html and "<b>" not in html
    assert "javascript:" not in html
    assert "a &lt; b &amp; c" in html


def test_cards_follow_citations_and_fall_back_to_passages(passages: list[Passage], answer: Answer) -> None:
    cards = cards_for_answer(answer)
    assert [c.n for c in cards] == [1, 2]
    assert cards[0].source == "service-public" and cards[0].updated == date(2019, 7, 11)
    refused = Answer(question="", mode=MODE_REFUSED, text="", passages=passages[:2])
    assert [c.n for c in cards_for_answer(refused)] == [0, 0]
    panel = sources_panel_html(cards_for_answer(refused), {}, TODAY, 365, provisional=False)
    assert "passages consultés" in panel and 'id="source-' not in panel


def test_mode_labels_are_french() -> None:
    assert mode_label(MODE_GENERATED) == "Réponse rédigée par le modèle"
    assert mode_label(MODE_EXTRACTIVE) == "Réponse composée d'extraits des textes officiels"
    assert mode_label(MODE_REFUSED) == "Pas de réponse"


def test_the_standing_notice_calls_an_answer_a_draft_only_when_a_model_drafts() -> None:
    composed, drafted = notice(drafting=False), notice(drafting=True)
    assert composed.startswith("Réponse composée automatiquement d'extraits") and "rouillon" not in composed
    assert drafted.startswith("Brouillon rédigé automatiquement")
    assert all("données personnelles sont masquées" in text for text in (composed, drafted))


def test_conversation_shows_only_the_redacted_question() -> None:
    turn = TurnView(
        question="<PERSONNE_1>, <TELEPHONE_1>, demande le RSA",
        masked={"PERSONNE": 1, "TELEPHONE": 1},
        answer_text="Le RSA [1].",
        mode=MODE_GENERATED,
    )
    html = conversation_html([turn])
    assert "&lt;PERSONNE_1&gt;, &lt;TELEPHONE_1&gt;, demande le RSA" in html
    assert "Données masquées : 1 nom, 1 téléphone" in html
    assert "Réponse rédigée par le modèle" in html and 'href="#source-1"' in html
    assert "aria-live" not in html, "re-rendered on every streamed frame: the page's own live region announces"
    assert '<div class="msg msg-assistant" tabindex="-1"' in html, "focus can be moved to the answer"


def test_a_composed_answer_names_the_cases_and_keeps_its_longer_extract_folded() -> None:
    turn = TurnView(
        question="Quels documents à la fin du CDD ?",
        answer_text="L'employeur remet le certificat de travail. [1]",
        mode=MODE_EXTRACTIVE,
        cases=("À la date prévue au contrat", "Rupture <anticipée>"),
        extract="L'employeur remet le certificat de travail. [1] Le solde de tout compte aussi. [1]",
    )
    html = conversation_html([turn])
    assert "Réponse composée d&#x27;extraits des textes officiels" in html
    cases = "La réponse dépend de la situation : « À la date prévue au contrat » ; « Rupture &lt;anticipée&gt; »."
    assert cases in html
    assert '<details class="extract"><summary>' in html and "Le solde de tout compte aussi." in html
    assert html.count('href="#source-1"') == 3


def test_a_streaming_draft_is_shown_apart_from_the_answer_as_unverified() -> None:
    turn = TurnView(answer_text="Réponse composée. [1]", mode=MODE_EXTRACTIVE, draft_text="Le modèle <écrit>")
    html = conversation_html([turn])
    assert "Brouillon du modèle, non vérifié" in html and "Le modèle &lt;écrit&gt;" in html
    assert html.index("Réponse composée.") < html.index("Brouillon du modèle")


def test_masked_summary_without_entities() -> None:
    assert masked_summary({}) == "Aucune donnée personnelle détectée"


def test_plain_text_copy_lists_sources_with_urls(answer: Answer) -> None:
    text = answer_plain_text(answer)
    assert text.startswith("La fin du CDD peut entraîner")
    assert "Sources :" in text
    assert "[1] Fin d'un contrat à durée déterminée (CDD) (Service-Public.fr, mis à jour le 11 juillet 2019)" in text
    assert "    https://www.service-public.fr/particuliers/vosdroits/F40" in text
    assert "<" not in text.split("Sources :")[1]


def test_french_date_and_settings_list() -> None:
    assert french_date(date(2024, 8, 1)) == "1 août 2024"
    html = settings_html({"Modèle": "<chemin>", "Index": None})
    assert "<dt>Modèle</dt><dd>&lt;chemin&gt;</dd>" in html and "<dd>—</dd>" in html


def test_a_card_places_its_quote_under_the_headings_it_sits_under(passages: list[Passage]) -> None:
    """A composed answer quotes any part of a fiche, often not the chunk the search showed: the card names the
    headings of the quote (the case it holds for), never those of another chunk of the same fiche."""
    principle, opening, amount = passages[3], passages[0], passages[5]
    placed = ("À la date prévue au contrat", "Indemnité de fin de contrat", "Montant")
    cited = Answer(question="", mode=MODE_EXTRACTIVE, text="10 %. [1]", passages=[principle, opening], citations=[
        Citation(1, amount.doc_id, amount.title, amount.url, amount.text[:90], placed)])
    card = cards_for_answer(cited)[0]
    assert card.heading_path == placed
    assert "Montant</p>" in source_card_html(card, {}, 365)
    assert f"[1] {amount.title} › À la date prévue au contrat › Indemnité de fin de contrat › Montant (" in (
        answer_plain_text(cited))
    unplaced = dataclasses.replace(cited, citations=[dataclasses.replace(cited.citations[0], heading_path=())])
    assert cards_for_answer(unplaced)[0].heading_path == (), "not the headings of the fiche's first chunk shown"
    quoted_in_shown = dataclasses.replace(unplaced, citations=[
        Citation(1, principle.doc_id, principle.title, principle.url, principle.text[:90])])
    assert cards_for_answer(quoted_in_shown)[0].heading_path == principle.heading_path


def test_every_face_names_the_headings_a_quote_sits_under(passages: list[Passage]) -> None:
    amount = passages[5]
    placed = ("À la date prévue au contrat", "Indemnité de fin de contrat", "Montant")
    cited = Answer(question="q", mode=MODE_EXTRACTIVE, text="10 %. [1]", passages=[amount], citations=[
        Citation(1, amount.doc_id, amount.title, amount.url, amount.text[:90], placed)])
    payload = answer_json(cited)
    assert payload["citations"][0]["heading_path"] == list(placed)
    line = f"[1] {amount.title} › À la date prévue au contrat › Indemnité de fin de contrat › Montant"
    assert line in render_answer(payload) and line in chat_content(cited)
