"""Loaders for the shipped evaluation sets and any file in the same shape."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from eval import datasets as ds


def test_shipped_sets_load_with_their_fields() -> None:
    queries = ds.load_rows(ds.DEFAULT_DATASETS["retrieval-queries"])
    assert len(queries) == 1382
    assert queries[0].text == "epargne salariale" and queries[0].theme.startswith("Salaire")
    assert queries[0].relevant[0] == ds.Relevant("LEGIARTI000006902953", 5, "legi-data/LEGITEXT000006072050", "L3312-1")
    fiches = ds.load_rows(ds.DEFAULT_DATASETS["fiche-questions"])
    assert len(fiches) == 55 and fiches[0].gold_ids == ("F18960",) and fiches[0].answer_span
    references = ds.load_rows(ds.DEFAULT_DATASETS["qa-reference"], limit=3)
    assert len(references) == 3 and references[0].reference_answer.startswith("La durée quotidienne")
    notes = ds.load_rows(ds.DEFAULT_DATASETS["pii-notes"])
    assert notes[0].id == "synthetic_11831851499"
    assert notes[0].entities[2] == ds.Span(13, 41, "MAIL")
    assert notes[0].text[13:41] == "rivaill59be@clinique-lyon.fr"


def test_any_file_in_the_same_shape(tmp_path: Path) -> None:
    path = tmp_path / "mine.jsonl"
    path.write_text(
        json.dumps({"question": "Durée du préavis ?", "sources": [{"id": "F2742"}], "lang": "fr"}) + "\n\n"
        + json.dumps({"text": "Jean Dupont", "entities": [{"start": 0, "end": 11, "type": "PERSON"}]}) + "\n",
        encoding="utf-8",
    )
    rows = ds.load_rows(path)
    assert [row.id for row in rows] == ["mine-1", "mine-3"]
    assert rows[0].gold_ids == ("F2742",) and rows[0].extra == {"lang": "fr"}
    assert rows[1].entities == (ds.Span(0, 11, "PERSON"),)
    assert ds.sha256_file(path) == hashlib.sha256(path.read_bytes()).hexdigest()
    assert ds.describe(path, 2)["rows"] == 2


def test_rows_without_text_or_json_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"answer": "x"}\n', encoding="utf-8")
    with pytest.raises(ds.DatasetError, match="none of query"):
        ds.load_rows(path)
    path.write_text("{oops\n", encoding="utf-8")
    with pytest.raises(ds.DatasetError, match="bad.jsonl:1: not valid JSON"):
        ds.load_rows(path)
    path.write_text('{"text": "x"}\n["y"]\n', encoding="utf-8")
    with pytest.raises(ds.DatasetError, match="bad.jsonl:2: not a JSON object"):
        ds.load_rows(path)


def test_every_shipped_file_is_registered_with_what_it_holds() -> None:
    assert {path.name for path in ds.DATASETS_DIR.glob("*.jsonl")} == {d.path.name for d in ds.SHIPPED}
    for dataset in ds.SHIPPED:
        assert dataset.holds and ds.load_rows(dataset.path, limit=1)[0].text


def test_sources_file_lists_every_shipped_set() -> None:
    sources = (ds.DATASETS_DIR / "SOURCES.md").read_text(encoding="utf-8")
    for path in ds.DEFAULT_DATASETS.values():
        assert f"`{path.name}`" in sources
