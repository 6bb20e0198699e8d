from __future__ import annotations

from assistant_passages import by_chunk, load_passages

from assistant.extractive import extractive_answer
from assistant.verify import split_sentences, verify


def test_extractive_answer_quotes_the_fiche_sentences_that_answer():
    passages = by_chunk(load_passages(), "F40#5", "F40#3", "F40#4", "F40#11")
    text, citations = extractive_answer("Quel est le montant de la prime de précarité à la fin d'un CDD ?", passages)
    assert "10 % de la rémunération brute totale" in text
    sentences = split_sentences(text)
    assert 2 <= len(sentences) <= 4
    assert verify(text, passages).verdicts and all(v.supported for v in verify(text, passages).verdicts)
    for citation in citations:
        passage = passages[citation.n - 1]
        assert (citation.doc_id, citation.url) == (passage.doc_id, passage.url)
        assert citation.quote in text


def test_the_top_passage_is_always_cited():
    passages = by_chunk(load_passages(), "F18960#0", "F18960#2", "F40#5")
    _, citations = extractive_answer("Un hôtel doit-il remettre une facture à ses clients ?", passages)
    assert citations[0].n == 1 and citations[0].doc_id == "F18960"


def test_a_list_introduction_keeps_its_items():
    passages = by_chunk(load_passages(), "F40#7", "F40#0")
    text, _ = extractive_answer("Quels documents l'employeur remet-il au salarié à la fin du CDD ?", passages)
    assert "Certificat de travail ; Attestation Pôle emploi ; Solde de tout compte" in text


def test_no_passage_no_answer():
    assert extractive_answer("Quel est le montant ?", []) == ("", [])
