"""Each metric on cases computed by hand."""
from __future__ import annotations

import math

import numpy as np
import pytest

from assistant.model import Citation
from eval import metrics
from indexing.model import Passage


def passage(doc_id: str, text: str) -> Passage:
    return Passage(chunk_id=f"{doc_id}#0", doc_id=doc_id, source="service-public", title=doc_id, url="",
                   heading_path=(), text=text)


def test_tokens_fold_accents_drop_punctuation_and_articles() -> None:
    assert metrics.tokens("L'Hôtelier remet une facture, à partir de 25 € !") == [
        "hotelier", "remet", "facture", "a", "partir", "25", "€"]


def test_token_f1_by_hand() -> None:
    # "chat", "est", "noir" vs "chat", "noir": 2 common, P = 2/3, R = 2/2 -> F1 = 0.8
    assert metrics.token_f1("Le chat est noir.", "Un chat noir") == pytest.approx(0.8)
    assert metrics.token_f1("Été", "ete") == 1.0
    assert metrics.token_f1("rien", "tout autre") == 0.0
    assert metrics.token_f1("", "") == 1.0


def test_token_f1_counts_repeated_tokens_once_each() -> None:
    # prediction: delai delai delai ; reference: delai preavis -> common 1, P = 1/3, R = 1/2 -> F1 = 0.4
    assert metrics.token_f1("délai délai délai", "délai préavis") == pytest.approx(0.4)


def test_rouge_l_by_hand() -> None:
    # tokens: [x, b, c, e] vs [x, c, e, f]: LCS = x c e = 3, P = R = 3/4
    assert metrics.rouge_l("x b c e", "x c e f") == pytest.approx(0.75)
    # order matters for ROUGE-L but not for token-F1
    assert metrics.rouge_l("c b x", "x b c") == pytest.approx(1 / 3)
    assert metrics.token_f1("c b x", "x b c") == 1.0


def test_answer_span_recall_by_hand() -> None:
    span = "l'hôtelier a l'obligation de lui remettre une facture"
    # content words: hotelier, obligation, remettre, facture; the answer has hotelier, facture
    assert metrics.answer_span_recall("L'hôtelier doit fournir une facture.", span) == pytest.approx(0.5)
    assert metrics.answer_span_recall("anything", "de la") == 1.0


def test_citation_validity_by_hand() -> None:
    passages = [passage("F40", "Le CDD s'achève  automatiquement\nà l'échéance du terme. Il peut être renouvelé."),
                passage("F41", "Autre.")]
    citations = [
        Citation(1, "F40", "", "", "s'achève automatiquement à l'échéance du terme. Il peut être renouvelé."),
        Citation(2, "F41", "", "", ""),
        Citation(3, "F99", "", "", ""),
        Citation(4, "F40", "", "", "une phrase inventée"),
    ]
    assert metrics.citation_validity(citations, passages) == pytest.approx(0.5)
    assert metrics.citation_validity([], passages) is None


def test_supported_sentence_ratio_by_hand() -> None:
    cited = {1: "Le CDD s'achève à l'échéance du terme prévu au contrat.", 2: "L'indemnité de fin de contrat."}
    answer = ("Le CDD s'achève à l'échéance du terme [1]. "
              "L'employeur verse une prime de précarité [2]. "
              "Le salarié touche le chômage. [1]")
    # sentence 1: cdd achev? -> words {cdd, acheve, echeance, terme}, all in [1] -> supported
    # sentence 2: {employeur, verse, prime, precarite} vs [2] {indemnite, fin, contrat} -> unsupported
    # sentence 3 ("Le salarié touche le chômage.") cites nothing -> unsupported; "[1]" alone has no content
    assert metrics.supported_sentence_ratio(answer, cited) == pytest.approx(1 / 3)
    assert metrics.supported_sentence_ratio("[1]", cited) is None


def test_cited_texts_maps_numbers_to_the_cited_document_passages() -> None:
    passages = [passage("F40", "un"), passage("F41", "deux"), passage("F40", "trois")]
    assert metrics.cited_texts([Citation(2, "F40", "", "", ""), Citation(5, "F9", "", "", "citée")], passages) == {
        2: "un trois", 5: "citée"}


def test_gold_source_recall_by_hand() -> None:
    assert metrics.gold_source_recall(["F1", "F2", "F2"], ["F2", "F3"]) == pytest.approx(0.5)
    assert metrics.gold_source_recall(["F1"], []) is None


def test_refusal_scores_by_hand() -> None:
    should = [True, True, True, False, False]
    refused = [True, True, False, True, False]
    scores = metrics.refusal_scores(should, refused)
    assert scores["refusal_precision"] == pytest.approx(2 / 3)
    assert scores["refusal_recall"] == pytest.approx(2 / 3)
    assert scores["refusal_f1"] == pytest.approx(2 / 3)
    assert scores["answered_rate"] == pytest.approx(1 / 2)
    with pytest.raises(ValueError):
        metrics.refusal_scores([True], [])


def test_percentile_interpolates_like_numpy() -> None:
    values = [10.0, 20.0, 30.0, 40.0, 1000.0]
    assert metrics.percentile(values, 50) == 30.0
    assert metrics.percentile(values, 95) == pytest.approx(np.percentile(values, 95)) == pytest.approx(808.0)
    assert metrics.percentile([7.0], 95) == 7.0
    assert math.isnan(metrics.percentile([], 50))


def test_semantic_similarities_are_cosines() -> None:
    table = {"a": [1.0, 0.0], "b": [1.0, 1.0], "c": [0.0, 2.0], "z": [0.0, 0.0]}

    def encode(texts: list[str]) -> np.ndarray:
        return np.array([table[t] for t in texts])

    values = metrics.semantic_similarities(encode, ["a", "a", "z"], ["b", "c", "a"])
    assert values == pytest.approx([1 / math.sqrt(2), 0.0, 0.0])
    assert metrics.semantic_similarities(encode, [], []) == []


def test_mean_skips_missing_values() -> None:
    assert metrics.mean([1.0, None, 0.0]) == 0.5
    assert metrics.mean([None]) is None


def test_every_reported_metric_is_defined() -> None:
    from eval.answers import ANSWER_METRICS

    assert set(ANSWER_METRICS) <= set(metrics.DEFINITIONS)
    assert all(text.endswith(".") and text.count(". ") == 0 for text in metrics.DEFINITIONS.values())
