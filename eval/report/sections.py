"""The report's sections in order, shared by the Markdown and the HTML, and its headline figures (also the system
card's)."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from eval.metrics import DEFINITIONS
from eval.report.parts import (
    answers_blocks,
    latency_blocks,
    pii_blocks,
    refusal_blocks,
    retrieval_blocks,
    verify_blocks,
)
from eval.report.tables import Block, Table, signed


def comparison_blocks(comparison: Mapping[str, Any]) -> list[Block]:
    regressions = comparison.get("regressions", [])
    verdict = (f"{len(regressions)} régression(s) au-delà du seuil." if regressions
               else "Aucune régression au-delà du seuil.")
    return [
        ("p", (f"Comparé à {comparison.get('against')} (seuil qualité {comparison.get('threshold')}, "
              f"tolérance latence {comparison.get('latency_tolerance')}). {verdict}")),
        ("table", Table(["métrique", "avant", "après", "écart", ""],
                        [[d["metric"], d["old"], d["new"], signed(d["delta"]), "RÉGRESSION" if d["regression"]
                          else ""] for d in comparison.get("deltas", [])])),
    ]


def meta_blocks(meta: Mapping[str, Any]) -> list[Block]:
    models = meta.get("models", {})
    blocks: list[Block] = [
        ("table", Table(["", ""], [
            ["date", meta.get("date")],
            ["durée (s)", meta.get("duration_s")],
            ["empreinte de configuration", meta.get("config_hash")],
            ["parties", ", ".join(meta.get("parts", []))],
            ["limite de lignes", meta.get("limit")],
            *[[f"modèle {role}", f"{m.get('id')} ({(m.get('sha256') or '')[:12]})"] for role, m in models.items()],
            *[[f"corpus {c['name']}", c["version"]] for c in meta.get("corpus", [])],
            ["index", meta.get("index", {}).get("build_id")],
        ])),
        ("h3", "Jeux de données / datasets"),
        ("table", Table(["jeu", "fichier", "lignes évaluées", "sha256"],
                        [[name, d["name"], d["rows"], d["sha256"][:16]]
                         for name, d in meta.get("datasets", {}).items()])),
    ]
    return blocks


def sections(results: Mapping[str, Any]) -> list[tuple[str, list[Block]]]:
    parts: list[tuple[str, list[Block]]] = []
    if "comparison" in results:
        parts.append(("Comparaison avec l'exécution précédente", comparison_blocks(results["comparison"])))
    if "retrieval" in results:
        parts.append(("Recherche documentaire / retrieval", retrieval_blocks(results["retrieval"])))
    if "answers" in results:
        parts.append(("Réponses / answers", answers_blocks(results["answers"])))
    if "refusals" in results:
        parts.append(("Refus / refusals", refusal_blocks(results["refusals"])))
    if "pii" in results:
        parts.append(("Données personnelles / privacy", pii_blocks(results["pii"])))
    if "latency" in results:
        parts.append(("Latence et mémoire / latency and memory", latency_blocks(results["latency"])))
    if "verify" in results:
        parts.append(("Vérification des brouillons / draft verification", verify_blocks(results["verify"])))
    parts.append(("Exécution / run", meta_blocks(results.get("meta", {}))))
    parts.append(("Définitions des métriques / metric definitions", [
        ("table", Table(["métrique", "définition"], list(DEFINITIONS.items())))]))
    return parts


def headline(results: Mapping[str, Any]) -> list[tuple[str, Any]]:
    figures: list[tuple[str, Any]] = []
    main_system = next(iter(results.get("retrieval", {}).get("systems", {}).values()), {})
    for name in ("hit@5", "mrr@10", "ndcg@10"):
        if name in main_system:
            figures.append((f"retrieval {name}", main_system[name]))
    answer_metrics = results.get("answers", {}).get("metrics", {})
    for name in ("citation_validity", "supported_sentence_ratio", "gold_source_recall", "answer_span_recall",
                 "token_f1"):
        if answer_metrics.get(name) is not None:
            figures.append((name, answer_metrics[name]))
    if results.get("answers", {}).get("answer_words_p50") is not None:
        figures.append(("answer words p50", results["answers"]["answer_words_p50"]))
    for name in ("refusal_precision", "refusal_recall"):
        if name in results.get("refusals", {}):
            figures.append((name, results["refusals"][name]))
    pii_overall = results.get("pii", {}).get("overall", {})
    for name in ("recall", "whole_recall", "precision"):
        if name in pii_overall:
            figures.append((f"PII {name}", pii_overall[name]))
    false_rate = results.get("pii", {}).get("false_redactions", {}).get("false_redaction_rate")
    if false_rate is not None:
        figures.append(("PII false_redaction_rate", false_rate))
    for split, data in results.get("verify", {}).get("splits", {}).items():
        figures += [(f"verify {split} wrong_caught_ratio", data["wrong_caught_ratio"]),
                    (f"verify {split} faithful_kept_ratio", data["faithful_kept_ratio"])]
    total = results.get("latency", {}).get("stages", {}).get("total_ms")
    if total:
        figures.append(("latence p95 totale (ms)", total["p95"]))
    return figures
