"""Analyzer, chunking, atomic index builds, hybrid search, filters and the LangChain retriever, on real fiches."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from corpus.model import Document, Section
from guichet.config import Settings, textbook_embedding_model
from indexing import build as build_module
from indexing.build import build_index
from indexing.chunking import SPECIAL_TOKENS, chunk_document
from indexing.embeddings import Embedder, EmbeddingCache, embed_texts_cached, resolve_precision
from indexing.index import CURRENT_FILE, Index, IndexCorrupted, IndexMismatch, IndexNotFound, builds_dir
from indexing.lexical import LexicalIndex
from indexing.model import SearchFilters
from indexing.query import (
    EVERYDAY_NAMES,
    expand_query,
    in_the_texts_sense,
    is_question,
    lexical_query,
    named_in_phrases,
)
from indexing.regime import PRIVATE_AUDIENCE, PUBLIC_AUDIENCE, audience, names_public_service, without_audience
from indexing.search import BM25_CHUNKS, PUBLIC_SERVICE, TITLE, TITLE_DENSE, SearchConfig, Searcher
from indexing.text import analyze, fold
from tests.corpus_fixtures import fixture_document

FIXTURE = Path(__file__).parent / "fixtures" / "indexing" / "documents.json"


def load_fixture_documents() -> list[Document]:
    rows = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return [
        Document(
            id=row["id"],
            source=row["source"],
            title=row["title"],
            url=row["url"],
            audience=tuple(row["audience"]),
            sections=tuple(Section(tuple(s["heading_path"]), s["text"]) for s in row["sections"]),
        )
        for row in rows
    ]


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    return load_fixture_documents()


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(home=tmp_path_factory.mktemp("guichet-home"))


@pytest.fixture(scope="module")
def embedder(settings: Settings) -> Embedder:
    return Embedder(settings)


@pytest.fixture(scope="module")
def searcher(settings: Settings, documents: list[Document], embedder: Embedder) -> Searcher:
    build_index(settings, documents, progress=False, embedder=embedder)
    return Searcher(Index.open(settings), embedder, settings)


def test_analyzer_splits_elisions_folds_accents_and_stems() -> None:
    assert analyze("L'employeur") == ["employeur"]
    assert analyze("d’indemnités") == analyze("indemnite")
    assert analyze("Salariés") == analyze("salaries") == analyze("salarié")
    assert analyze("le contrat et la période") == analyze("contrats periode")
    assert analyze("jusqu'à l'échéance") == ["echeanc"]


def test_fold_reads_the_typographic_apostrophe_as_the_straight_one() -> None:
    assert fold("L’Employeur a-t-il l'œil ?") == "l'employeur a-t-il l'oeil ?"


def test_query_expansion_keeps_the_acronym_and_adds_its_long_form() -> None:
    expanded = expand_query("fin de CDD")
    assert expanded.startswith("fin de CDD") and "contrat à durée déterminée" in expanded
    assert expand_query("ce que dit la loi") == "ce que dit la loi"
    assert "licenciement" in expand_query("licencment économique") or "licenciement" in expand_query(
        "licenciment économique"
    )


@pytest.mark.parametrize("text", [
    "Je me suis fait virer hier", "Elle s'est faite virer de sa boîte", "ils veulent me virer", "Mon patron m'a viré",
    "on m'a virée sans entretien", "je suis viré ?", "J'ai été virée pendant mon arrêt", "MISE À LA PORTE sans préavis",
])
def test_an_everyday_phrasing_of_a_dismissal_is_searched_as_a_licenciement(text: str) -> None:
    assert named_in_phrases(text) == ["licenciement"]
    assert len(analyze(named_in_phrases(text)[0])) == 1, "weighed once, as the asker's own word would be"
    assert expand_query(text).endswith("licenciement")


@pytest.mark.parametrize("text", [
    "J'ai combien de temps pour changer d'avis ?", "je peux revenir dessus ?", "Puis-je revenir sur ma décision",
    "revenir sur mon achat", "Peut-on faire marche arrière après la signature ?", "CHANGER D’AVIS",
])
def test_an_everyday_phrasing_of_a_withdrawal_is_searched_as_a_retractation(text: str) -> None:
    assert named_in_phrases(text) == ["rétractation"]


@pytest.mark.parametrize("text", [
    "Le locataire n'a pas payé son loyer depuis 2 mois", "mon ex ne paie plus la pension alimentaire",
    "Mon employeur me doit 3 mois de salaire", "il nous doit encore nos loyers", "Je n'ai jamais été payée",
    "MON PATRON NE ME PAYE PAS", "les heures non payées", "peut-on ne pas payer la cantine ?", "charges non réglées",
])
def test_an_everyday_phrasing_of_an_unpaid_sum_is_searched_as_an_impaye(text: str) -> None:
    """The texts write « loyers impayés », « pension alimentaire impayée »; « n'a pas payé » shares no stem with it."""
    assert named_in_phrases(text) == ["impayé"]
    assert lexical_query(text, expand=False).endswith("impayé")


@pytest.mark.parametrize("text", [
    "Mon mari est décédé, combien de jours de congé ?", "Ma tante est décédée", "mes parents sont décédés",
    "si le salarié vient à décéder", "MON PÈRE EST DÉCÉDÉ", "les personnes décédées",
])
def test_the_verb_of_a_death_is_searched_as_the_texts_noun(text: str) -> None:
    """The texts write « décès » (« congé pour décès », « en cas de décès »), a stem the verb does not share."""
    assert named_in_phrases(text) == ["décès"]
    assert lexical_query(text, expand=False).endswith("décès")


def test_the_noun_of_a_death_is_not_added_twice() -> None:
    assert analyze("décédé") != analyze("décès"), "why the verb needs the noun"
    assert named_in_phrases("congé pour décès d'un proche") == []


@pytest.mark.parametrize(("text", "noun"), [
    ("Quels documents pour refaire une carte d'identité perdue ?", "perte"),
    ("J'ai perdu mon permis de conduire", "perte"), ("que faire si je perds mon passeport", "perte"),
    ("PASSEPORT PERDU", "perte"), ("mon chéquier est égaré", "perte"), ("il va perdre son emploi", "perte"),
    ("carte grise volée", "vol"), ("CARTES BANCAIRES VOLÉES", "vol"), ("ma carte vitale détériorée", "détérioration"),
    ("Comment remplacer un permis abîmé ?", "détérioration"), ("carte vitale endommagée", "détérioration"),
    ("passeport abime", "détérioration"),
])
def test_a_lost_stolen_or_damaged_thing_is_searched_as_the_titles_noun(text: str, noun: str) -> None:
    """The fiches are titled « en cas de perte », « en cas de vol », « Détérioration du permis de conduire »: nouns
    whose stems the participles do not share."""
    assert named_in_phrases(text) == [noun]
    assert set(analyze(text)).isdisjoint(analyze(noun)), "why the participle needs the noun"


@pytest.mark.parametrize("text", [
    "Carte d'identité d'un majeur : en cas de perte", "Que faire en cas de vol du véhicule ?",
    "un vol annulé par la compagnie", "Détérioration du permis de conduire", "pertes et profits",
    "On m'a volé ma carte bancaire", "se faire voler son vélo", "un permis détérioré",
])
def test_the_nouns_of_a_loss_a_theft_or_damage_are_not_added_twice(text: str) -> None:
    """Nor for the forms that share the noun's stem already (« volé », « voler », « détérioré »)."""
    assert named_in_phrases(text) == []


@pytest.mark.parametrize("text", [
    "le locataire doit payer le loyer", "L'employeur me doit-il une indemnité ?", "le salaire est payé le 5",
    "facture réglée par chèque", "Qui doit payer les charges ?", "payer ses impôts en ligne",
])
def test_a_sum_to_pay_or_paid_is_not_read_as_an_impaye(text: str) -> None:
    assert named_in_phrases(text) == []


@pytest.mark.parametrize("text", [
    "virer de l'argent sur un compte", "le salaire est viré le 5", "le salaire a été viré", "un virement bancaire",
    "revenir sur le territoire", "revenir en France", "changer d'adresse",
])
def test_a_transfer_or_a_return_is_not_read_as_a_dismissal_or_a_withdrawal(text: str) -> None:
    assert named_in_phrases(text) == []


@pytest.mark.parametrize("text", [
    "Mon propriétaire peut-il garder ma caution ?", "Mon proprio ne veut pas me rendre la caution",
    "Quand vais-je récupérer ma caution ?", "Le bailleur peut-il retenir la caution pour des travaux ?",
    "En combien de temps doit-on me rembourser ma CAUTION ?", "caution de l'appartement pas rendue",
    "Combien de mois de loyer pour la caution d'un logement vide ?", "ma caution n'est toujours pas restituée",
])
def test_the_caution_a_tenant_paid_is_searched_as_the_depot_de_garantie(text: str) -> None:
    """The texts' « caution » is the person who stands surety: the fiche on what the landlord may keep is the one
    on the dépôt de garantie, which never says « caution »."""
    read = in_the_texts_sense(text)
    assert "dépôt de garantie" in read and "caution" not in fold(read)
    assert "caution" not in fold(lexical_query(text, expand=False))
    assert in_the_texts_sense(read) == read


@pytest.mark.parametrize("text", [
    "Mes parents peuvent-ils se porter caution pour mon appartement ?", "Qui peut être caution d'un locataire ?",
    "Je suis caution de mon fils qui ne paie plus son loyer", "Le propriétaire peut-il exiger une caution ?",
    "acte de cautionnement", "caution solidaire ou simple ?",
])
def test_the_surety_is_still_a_caution(text: str) -> None:
    assert in_the_texts_sense(text) == text


@pytest.mark.parametrize("text", [
    "Combien de temps pour rendre le dépôt de garantie ?", "Le bailleur doit-il rembourser le dépôt de garantie ?",
    "Quand vais-je récupérer ma caution ?", "Mon dépôt de garantie ne m'a pas été rendu",
    "Le propriétaire doit-il me rendre la caution ?", "DÉPÔT DE GARANTIE PAS REMBOURSÉ",
])
def test_a_deposit_given_back_is_searched_as_its_restitution(text: str) -> None:
    """People « rendent », « remboursent », « récupèrent » a deposit; the texts say it « doit être restitué »."""
    assert lexical_query(text, expand=False).endswith(" restitution")


@pytest.mark.parametrize("text", [
    "Je dois rendre les clés et payer le dépôt de garantie", "Combien de mois de loyer pour le dépôt de garantie ?",
    "mon proprio garde la caution", "Qui peut se porter caution ?",
])
def test_a_deposit_paid_or_kept_is_no_restitution(text: str) -> None:
    assert "restitution" not in lexical_query(text, expand=False)


def test_everyday_words_get_their_official_name_only_in_the_full_expansion() -> None:
    assert expand_query("mon proprio garde la caution").endswith("propriétaire bailleur")
    assert "employeur" in expand_query("Mon PATRON refuse mes congés")
    assert named_in_phrases("mon proprio garde la caution") == []
    assert all(word == fold(word) for word in EVERYDAY_NAMES)


def test_every_search_reads_a_short_form_the_texts_never_write_but_not_one_they_use() -> None:
    assert lexical_query("J'ai fait des heures sup", expand=False).endswith("heures supplémentaires")
    assert lexical_query("LICENCIMENT abusif", expand=False).endswith("licenciement")
    assert lexical_query("je me suis fait virer", expand=False).endswith("licenciement")
    assert lexical_query("arrêt maladie et congés", expand=False) == "arrêt maladie et congés"
    assert lexical_query("arrêt maladie et congés", expand=True).endswith("arrêt de travail maladie")
    assert lexical_query("fin de CDD", expand=False) == "fin de CDD"


def test_a_term_no_text_holds_is_read_as_the_held_term_one_slip_away() -> None:
    texts = [" ".join(s.text for s in fixture_document(doc_id).sections) for doc_id in ("F40", "F2258", "F1673")]
    lexical = LexicalIndex.build(["F40", "F2258", "F1673"], texts)
    [contract] = analyze("contrat")
    assert lexical.document_frequency(contract) >= 2
    assert lexical.written_form(analyze("cntrt")[0]) is None
    assert lexical.written_form(analyze("conrat")[0]) == contract
    assert lexical.written_form(analyze("contrats")[0]) is None
    assert lexical.written_form(analyze("ontrat")[0]) is None
    assert lexical.written_form(analyze("cdd")[0]) is None


def test_a_misspelt_query_reaches_the_text_that_spells_the_word(searcher: Searcher) -> None:
    def lexical_hit(query: str) -> bool:
        return any(p.doc_id == "article100977" and BM25_CHUNKS in p.scores for p in searcher.search(query, k=8))

    assert lexical_hit("periode d'esai")
    assert not lexical_hit("zzzzz d'esai")


def test_the_lexical_search_reads_an_everyday_phrasing_under_its_official_name(searcher: Searcher) -> None:
    """The period-of-trial article speaks of « licenciement », never of « virer »: the BM25 lists reach it only
    through the official word."""
    def lexical_hit(query: str) -> bool:
        return any(p.doc_id == "article100977" and BM25_CHUNKS in p.scores for p in searcher.search(query, k=8))

    assert lexical_hit("Je me suis fait virer")
    assert not lexical_hit("Virer de l'argent")


@pytest.mark.parametrize("text", [
    "Comment faire une carte d'identité ?", "quand partir à la retraite", "puis-je refuser le chômage partiel",
    "Dans quels cas l'employeur peut-il recourir au CDD", "C'est quoi un CDD", "Où déclarer une naissance",
    "Mon employeur peut-il refuser mes congés", "a-t-on droit au RSA", "le préavis de démission ?",
])
def test_a_query_phrased_as_a_question_is_read_as_one(text: str) -> None:
    assert is_question(text)


@pytest.mark.parametrize("text", [
    "fin de CDD", "durée du préavis", "prendre rendez-vous en préfecture", "peut-être licencié",
    "arrêt maladie pendant le préavis", "quotient familial", "",
])
def test_keywords_are_not_a_question(text: str) -> None:
    assert not is_question(text)


def test_chunks_fit_the_token_limit_and_keep_heading_paths(documents: list[Document], embedder: Embedder) -> None:
    f40 = next(d for d in documents if d.id == "F40")
    chunks = chunk_document(f40, embedder.count_tokens, 96, embedder.model_id)
    assert len(chunks) > len(f40.sections)
    assert all(n + SPECIAL_TOKENS <= 96 for n in embedder.count_tokens([c.text for c in chunks]))
    assert [c.id for c in chunks] == [f"F40#{n}" for n in range(len(chunks))]
    for chunk in chunks:
        path = f" — {' > '.join(chunk.heading_path)}" if chunk.heading_path else ""
        assert chunk.text.startswith(f"{f40.title}{path}\n")
    assert {c.heading_path for c in chunks} >= {("Indemnité de fin de contrat",), ("Préavis",)}
    again = chunk_document(f40, embedder.count_tokens, 96, embedder.model_id)
    assert [c.hash for c in again] == [c.hash for c in chunks]
    assert chunk_document(f40, embedder.count_tokens, 96, "other-model")[0].hash != chunks[0].hash


def test_tiny_sections_are_merged_with_their_neighbour(embedder: Embedder) -> None:
    document = Document(
        id="T1",
        source="service-public",
        title="Carte d'identité",
        url="",
        sections=(
            Section(("Coût",), "Gratuit."),
            Section(("Délai",), "Le délai dépend du lieu de dépôt de la demande et de la période de l'année."),
        ),
    )
    chunks = chunk_document(document, embedder.count_tokens, 256, embedder.model_id)
    assert len(chunks) == 1
    assert "Gratuit." in chunks[0].text and "Délai" in chunks[0].text


def test_search_finds_the_fiche_and_groups_per_document(searcher: Searcher) -> None:
    passages, timings = searcher.search_timed("fin de CDD", k=5)
    ids = [p.doc_id for p in passages]
    assert "F40" in ids[:2]
    assert len(ids) == len(set(ids))
    f40 = passages[ids.index("F40")]
    assert f40.title.startswith("Fin d'un contrat") and f40.url.endswith("/F40")
    assert f40.chunk_id.startswith("F40#") and {"dense", "rrf"} <= set(f40.scores)
    assert timings["total_ms"] > 0 and "embed_ms" in timings
    assert searcher.search("facture hôtel client", k=1)[0].doc_id == "F18960"


def test_a_fiche_found_carries_the_headings_of_its_parts(indexed_settings: Settings, embedder: Embedder) -> None:
    """What `corpus.service_public` read as the fiche's parts travels through the index to the passage found."""
    searcher = Searcher(Index.open(indexed_settings), embedder, indexed_settings)
    f40 = next(p for p in searcher.search("indemnité de fin de CDD", k=5) if p.doc_id == "F40")
    assert {"Indemnité de fin de contrat", "Montant"} <= set(f40.part_headings)
    assert "Rupture anticipée" not in f40.part_headings


ARTICLE_NUMBER_QUERIES = [
    ("article L1243-5", "LEGIARTI000029946316"),
    ("article L3312-1", "LEGIARTI000006902953"),
    ("article D1142-19", "LEGIARTI000045688527"),
    ("article R4451-39", "LEGIARTI000037024754"),
]


def test_a_title_that_holds_the_query_lifts_its_document(indexed_settings: Settings, embedder: Embedder) -> None:
    index = Index.open(indexed_settings)
    searcher = Searcher(index, embedder, indexed_settings)
    without_titles = Searcher(
        index, embedder, indexed_settings, SearchConfig(title_weight=0.0, title_dense_weight=0.0)
    )
    for query, article in ARTICLE_NUMBER_QUERIES:
        top = searcher.search(query, k=3)[0]
        assert (top.doc_id, top.scores[TITLE]) == (article, 1.0), query
    first_without_titles = [without_titles.search(query, k=1)[0].doc_id for query, _ in ARTICLE_NUMBER_QUERIES]
    assert first_without_titles != [article for _, article in ARTICLE_NUMBER_QUERIES]
    f40 = index.document_rows["F40"]
    assert index.title_coverage({"articl", "l1243"}, [f40]) == {f40: 0.0}


def test_a_title_close_in_meaning_lifts_its_document(indexed_settings: Settings, embedder: Embedder) -> None:
    """No word of « Qui peut toucher la prime de précarité à la fin d'un contrat ? » is in the query but its sense."""
    index = Index.open(indexed_settings)
    assert index.title_vectors is not None and index.title_vectors.shape == (len(index.documents), embedder.dimension)
    query = "argent versé quand le contrat court se termine"
    with_titles = Searcher(index, embedder, indexed_settings, SearchConfig(ranker=None)).search(query, k=3)
    without = Searcher(index, embedder, indexed_settings, SearchConfig(title_dense_weight=0.0, ranker=None)).search(
        query, k=3)
    assert "F803" in [p.doc_id for p in with_titles] and "F803" not in [p.doc_id for p in without]
    assert all(0.5 < p.scores[TITLE_DENSE] <= 1.0 for p in with_titles)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("congés annuels d'un fonctionnaire", True),
        ("astreinte agent territorial", True),
        ("Fonction publique : congés annuels", True),
        ("temps partiel FPH", True),
        ("AGENTS PUBLICS en télétravail", True),
        ("modifier le contrat d'un agent contractuel", True),
        ("congés annuels", False),
        ("service public de l'emploi", False),
        ("fonctionnement du CSE", False),
        ("agent d'entretien en CDD", False),
        ("Sous quelle forme l'administration met-elle en demeure un agent en abandon de poste ?", True),
        ("Un employeur public peut-il refuser qu'un agent soit juré d'assises ?", True),
        ("Un agent titulaire a démissionné, dans quel délai la mairie doit-elle répondre ?", True),
        ("Un agent immobilier peut-il demander un dossier à la mairie ?", False),
        ("Un agent de sécurité peut-il fouiller mon sac ? L'administration l'autorise ?", False),
        ("Un agent met en demeure son locataire", False),
    ],
)
def test_a_query_names_the_public_service_or_not(text: str, named: bool) -> None:
    assert names_public_service(text) is named


def test_the_general_rule_comes_first_unless_the_query_names_the_public_service(
    indexed_settings: Settings, embedder: Embedder
) -> None:
    """F589 « Astreintes dans la fonction publique » and F20873 « Astreinte dans le secteur privé »."""
    index = Index.open(indexed_settings)
    assert index.documents[index.document_rows["F589"]].breadcrumb == fixture_document("F589").breadcrumb
    assert "Temps de travail dans la fonction publique" in fixture_document("F589").breadcrumb
    assert index.public_service[index.document_rows["F589"]] and not index.public_service[index.document_rows["F20873"]]
    searcher = Searcher(index, embedder, indexed_settings)
    neutral = SearchConfig(public_service_penalty=0.0)
    query = "astreinte et temps de travail effectif"
    ranked = [p.doc_id for p in searcher.search(query, k=5)]
    unranked = [p.doc_id for p in Searcher(index, embedder, indexed_settings, neutral).search(query, k=5)]
    assert ranked.index("F20873") < ranked.index("F589") and unranked.index("F589") < unranked.index("F20873")
    penalised = next(p for p in searcher.search(query, k=5) if p.doc_id == "F589")
    assert penalised.scores[PUBLIC_SERVICE] == -SearchConfig().public_service_penalty
    asked = searcher.search("astreinte d'un fonctionnaire", k=5)
    assert asked[0].doc_id == "F589" and PUBLIC_SERVICE not in asked[0].scores


def test_an_index_embedded_by_another_model_is_not_searched(indexed_settings: Settings) -> None:
    other = Embedder(dataclasses.replace(indexed_settings, embedding_model=textbook_embedding_model()))
    with pytest.raises(IndexMismatch, match="run `guichet index`"):
        Searcher(Index.open(indexed_settings), other, indexed_settings)


def test_filters_by_source_and_audience(searcher: Searcher) -> None:
    travail = searcher.search("contrat à durée déterminée", k=10, filters=SearchFilters(sources=("travail-emploi",)))
    assert travail and {p.source for p in travail} == {"travail-emploi"}
    particuliers = searcher.search("contrat", k=10, filters=SearchFilters(audiences=("particuliers",)))
    assert particuliers and all("particuliers" in p.audience for p in particuliers)
    assert searcher.search("contrat", filters=SearchFilters(sources=("legifrance",))) == []


def test_rebuild_embeds_nothing_new_and_prunes_old_builds(
    settings: Settings, documents: list[Document], embedder: Embedder, searcher: Searcher
) -> None:
    manifest = build_index(settings, documents, progress=False, embedder=embedder, corpus_versions={"x": "1"})
    assert manifest.embedded_chunks == 0
    assert manifest.documents == {"service-public": 5, "travail-emploi": 3}
    assert manifest.corpus_versions == {"x": "1"} and manifest.files
    build_index(settings, documents[:2], progress=False, embedder=embedder)
    assert len(list(builds_dir(settings).iterdir())) == 2


def test_failed_build_keeps_the_previous_index(
    settings: Settings,
    documents: list[Document],
    embedder: Embedder,
    searcher: Searcher,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = Index.open(settings).manifest.build_id
    builds_before = set(builds_dir(settings).iterdir())

    def explode(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(build_module.LexicalIndex, "build", explode)
    with pytest.raises(KeyboardInterrupt):
        build_index(settings, documents, progress=False, embedder=embedder)
    assert Index.open(settings).manifest.build_id == before
    assert set(builds_dir(settings).iterdir()) == builds_before


def test_corrupted_or_missing_index_is_reported(
    tmp_path: Path, documents: list[Document], embedder: Embedder
) -> None:
    settings = Settings(home=tmp_path)
    with pytest.raises(IndexNotFound):
        Index.open(settings)
    build_index(settings, documents[:1], progress=False, embedder=embedder)
    build = builds_dir(settings) / (settings.index_dir / CURRENT_FILE).read_text().strip()
    chunks_file = build / "chunks.jsonl"
    chunks_file.write_text(chunks_file.read_text().replace("CDD", "CDI"))
    with pytest.raises(IndexCorrupted, match="chunks.jsonl"):
        Index.open(settings)


def test_langchain_chain_uses_the_retriever(searcher: Searcher) -> None:
    from langchain_core.runnables import RunnableLambda

    from indexing.langchain_retriever import GuichetRetriever

    def format_docs(docs: list) -> str:
        return "\n\n".join(f"[{d.metadata['doc_id']}] {d.metadata['title']}" for d in docs)

    retriever = GuichetRetriever(searcher=searcher, k=3, filters=SearchFilters(sources=("service-public",)))
    chain = retriever | RunnableLambda(format_docs)
    text = chain.invoke("fin de CDD indemnité de précarité")
    assert text.startswith("[F40] Fin d'un contrat à durée déterminée (CDD)")
    docs = retriever.invoke("hôtel facture")
    assert docs[0].metadata["doc_id"] == "F18960" and docs[0].metadata["url"] and docs[0].metadata["score"] > 0
    assert dataclasses.is_dataclass(searcher.config)


def test_bfloat16_is_chosen_only_where_the_cpu_computes_it_natively() -> None:
    assert resolve_precision("auto", frozenset({"avx2", "amx_bf16"})) == "bfloat16"
    assert resolve_precision("auto", frozenset({"avx2", "avx512f"})) == "float32"
    assert resolve_precision("float32", frozenset({"amx_bf16"})) == "float32"
    with pytest.raises(ValueError, match="embedding_precision = 'int4' is not one of auto, float32, bfloat16"):
        Settings(embedding_precision="int4")


def test_bfloat16_vectors_agree_with_float32(
    documents: list[Document], settings: Settings, embedder: Embedder
) -> None:
    texts = [c.text for d in documents[:6] for c in chunk_document(d, embedder.count_tokens, 256, "m")][:40]
    single = Embedder(dataclasses.replace(settings, embedding_precision="float32")).encode(texts)
    half = Embedder(dataclasses.replace(settings, embedding_precision="bfloat16")).encode(texts)
    cosines = (single * half).sum(axis=1)
    assert cosines.min() > 0.999


def test_texts_the_model_reads_alike_are_embedded_once(
    documents: list[Document], embedder: Embedder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    section = max((s.text for d in documents for s in d.sections), key=len)
    opening = section[:600]
    texts = [opening + "\n- Premier cas.", opening + "\n- Second cas.", documents[0].title, documents[1].title]
    readings = embedder.readings(texts)
    assert len(readings[0]) == embedder.model.max_seq_length
    assert readings[0] == readings[1] and len(set(readings)) == 3
    alone = embedder.encode(texts)
    embedded: list[str] = []
    encode = embedder.encode
    monkeypatch.setattr(embedder, "encode", lambda batch: embedded.extend(batch) or encode(batch))
    vectors, computed = embed_texts_cached(embedder, EmbeddingCache(tmp_path / "cache.sqlite3"), texts, list("abcd"))
    assert computed == 4 and embedded == [texts[0], texts[2], texts[3]]
    assert (vectors * alone).sum(axis=1).min() > 0.999


def test_a_deep_legifrance_path_leaves_room_for_the_article_text(embedder: Embedder) -> None:
    path = (  # Code du travail, article R233-89-1, as legi-data nests it
        "Partie réglementaire ancienne - Décrets en Conseil d'Etat",
        "Livre II : Réglementation du travail",
        "Titre III : Hygiène et sécurité",
        "Chapitre III : Sécurité",
        "Section 8 : Règles techniques de conception et de construction et procédures de certification de "
        "conformité applicables aux équipements de travail visés aux 1°, 3°, 4° et 5° de l'article R. 233-83 et aux "
        "composants de sécurité visés à l'article R. 233-83-2 faisant l'objet d'une des opérations mentionnées au II "
        "de l'article L. 233-5",
        "Sous-section 5 : Procédure de certification applicable et règles techniques de conception et de "
        "construction applicables aux équipements de travail d'occasion visés aux 1°, 3°, 4° et 5° de l'article "
        "R. 233-83 et aux composants de sécurité d'occasion visés à l'article R. 233-83-2",
    )
    text = (
        "Toutefois, les machines susmentionnées conformes lors de leur mise en service à l'état neuf aux règles "
        "techniques applicables pendant la période transitoire définie par l'article 6 du décret n° 92-767 du "
        "29 juillet 1992 et maintenues en état de conformité sont considérées comme répondant aux règles. "
    ) * 4
    article = Document("LEGIARTI000018519007", "legifrance", "Code du travail, article R233-89-1", "", (
        Section(path, text),
    ))
    chunks = chunk_document(article, embedder.count_tokens, embedder.max_tokens, embedder.model_id)
    assert all(n + SPECIAL_TOKENS <= embedder.max_tokens for n in embedder.count_tokens([c.text for c in chunks]))
    assert all(c.heading_path == path for c in chunks)
    first_line = chunks[0].text.split("\n", 1)[0]
    assert first_line.endswith(path[-1]) and "Livre II" not in first_line
    assert len(chunks) <= 4


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("congés annuels d'un fonctionnaire", PUBLIC_AUDIENCE),
        ("contractuel de la fonction publique", PUBLIC_AUDIENCE),
        ("astreinte d'un agent hospitalier", PUBLIC_AUDIENCE),
        ("préavis d'un salarié", PRIVATE_AUDIENCE),
        ("Salariées du SECTEUR PRIVÉ", PRIVATE_AUDIENCE),
        ("et dans le privé ?", PRIVATE_AUDIENCE),
        ("une entreprise privée", PRIVATE_AUDIENCE),
        ("vie privée", ""),
        ("fin d'un CDD", ""),
        ("passer du privé à la fonction publique", ""),
    ],
)
def test_the_side_a_text_names(text: str, side: str) -> None:
    assert audience(text) == side


def test_the_phrases_naming_a_side_are_taken_out_with_their_article() -> None:
    assert without_audience("Démission d'un fonctionnaire") == "Démission"
    assert without_audience("Congés d'un salarié du secteur privé") == "Congés"
    assert without_audience("Congés dans la fonction publique d'État") == "Congés"
    assert without_audience("Indemnité de fin de CDD") == "Indemnité de fin de CDD"
    assert without_audience("Congé pour la sœur d'un FONCTIONNAIRE malade") == "Congé pour la sœur malade"


def test_association_is_how_much_more_often_than_chance_two_terms_share_a_text() -> None:
    from indexing.lexical import LexicalIndex

    texts = ["contrat de travail", "contrat saisonnier", "passeport", "travail de nuit"]
    lexical = LexicalIndex.build([str(n) for n in range(len(texts))], texts)
    assert lexical.association("contrat", "travail") == pytest.approx(1 * 4 / (2 * 2))
    assert lexical.association("passeport", "travail") == 0.0
    assert lexical.association("passeport", "licorne") == 0.0
