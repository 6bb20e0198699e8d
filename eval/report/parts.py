"""What the report shows of each evaluated part: its figures, tables and plots, as blocks."""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from eval.report.plots import grouped_bars, latency_plot, theme_plot
from eval.report.tables import Block, Table, definition, fmt, shorten
from eval.systems import MAIN_SYSTEM

SHARE = re.compile(r"^(hit@\d+|mrr@\d+|ndcg@\d+)$")
ANSWER_BASELINE_LABEL = "1er passage verbatim"


def _systems_table(series: Mapping[str, Mapping[str, float | None]]) -> Table:
    metrics = list(dict.fromkeys(m for values in series.values() for m in values))
    return Table(["système", *metrics], [[name, *(values.get(m) for m in metrics)] for name, values in series.items()])


def retrieval_blocks(retrieval: Mapping[str, Any]) -> list[Block]:
    systems = retrieval.get("systems", {})
    blocks: list[Block] = [("p", (f"{retrieval.get('n', '?')} requêtes dont un document pertinent est dans le corpus "
                                  f"({retrieval.get('unresolved', 0)} écartées faute de document). Chaque système "
                                  "est évalué sur les mêmes requêtes et le même corpus."))]
    if systems:
        names = list(dict.fromkeys(m for values in systems.values() for m in values))
        blocks += [
            ("table", _systems_table(systems)),
            ("table", Table(["métrique", "définition"], [[name, definition(name)] for name in names])),
            ("img", grouped_bars("Recherche vs références", {
                name: {m: v for m, v in values.items() if SHARE.match(m)} for name, values in systems.items()})),
        ]
    ranker = retrieval.get("ranker") or {}
    held_out = ranker.get("cross_validation") or {}
    if held_out:
        blocks += [
            ("p", (f"« {MAIN_SYSTEM} » reclasse les 30 premiers documents de la fusion avec un modèle appris sur "
                   f"{ranker.get('dataset', '?')} ({ranker.get('queries', '?')} requêtes) et "
                   f"{ranker.get('corpus_questions', 0)} fiches titrées en question. Sur ces requêtes, ses chiffres "
                   "ci-dessus sont mesurés sur ses propres données d'apprentissage : lisez plutôt la validation "
                   f"croisée groupée ({ranker.get('folds', '?')} plis par thème, thèmes jamais vus "
                   "à l'entraînement).")),
            ("table", _systems_table({"fusion (validation croisée)": held_out.get("fusion", {}),
                                      "reclassé (validation croisée)": held_out.get("ranker", {})})),
        ]
    by_theme = retrieval.get("by_theme") or {}
    if by_theme:
        blocks.append(("img", theme_plot(by_theme, "ndcg@10")))
    worst = retrieval.get("worst") or []
    if worst:
        blocks += [("h3", "Pires requêtes / worst queries"), ("table", Table(
            ["requête", "attendus", "trouvés (top 5)"],
            [[w.get("query", ""), ", ".join(map(str, w.get("expected", [])[:6])),
              ", ".join(map(str, w.get("retrieved", [])[:5]))] for w in worst],
        ))]
    return blocks


def answers_blocks(answers: Mapping[str, Any]) -> list[Block]:
    ours = answers.get("metrics", {})
    baseline = answers.get("baseline_first_passage", {})
    shares = {m: v for m, v in ours.items() if m != "answer_words"}
    series = {"Guichet": shares, ANSWER_BASELINE_LABEL: {m: baseline.get(m) for m in shares if m in baseline}}
    judge = "activé" if answers.get("llm_judge_enabled") else "désactivé (aucun modèle juge configuré)"
    length = (f" Longueur des réponses (mots, citations exclues) : p50 {fmt(answers.get('answer_words_p50'))}, "
              f"p90 {fmt(answers.get('answer_words_p90'))}.")
    blocks: list[Block] = [
        ("p", f"{answers.get('n', '?')} questions. LLM-as-judge : {judge}.{length}"),
        ("table", Table(["métrique", "Guichet", ANSWER_BASELINE_LABEL, "définition"],
                        [[m, ours.get(m), baseline.get(m), definition(m)] for m in ours])),
        ("img", grouped_bars("Réponses vs « premier passage verbatim »", series)),
    ]
    by_dataset = answers.get("by_dataset", {})
    if by_dataset:
        header = ["métrique", *(f"{name} (n={data['n']})" for name, data in by_dataset.items())]
        blocks += [("h3", "Par jeu de données / per dataset"), ("table", Table(
            header, [[m, *(data["metrics"].get(m) for data in by_dataset.values())] for m in ours]))]
    by_mode = answers.get("by_mode", {})
    if by_mode:
        names = ["gold_source_recall", "answer_span_recall", "token_f1", "semantic_similarity"]
        blocks += [("h3", "Par mode de réponse / per answer mode"), ("table", Table(
            ["mode", "n", *names], [[mode, data["n"], *(data["metrics"].get(m) for m in names)]
                                    for mode, data in by_mode.items()]))]
    worst = answers.get("worst", [])
    if worst:
        blocks += [("h3", "Pires réponses / worst answers"), ("table", Table(
            ["question", "attendu", "sources attendues", "passages trouvés", "mode", "réponse"],
            [[w["question"], w["expected"], ", ".join(w["expected_sources"]), ", ".join(w["retrieved"][:5]),
              w["mode"], w["answer"]] for w in worst]))]
    return blocks


def refusal_blocks(refusals: Mapping[str, Any]) -> list[Block]:
    names = ("refusal_precision", "refusal_recall", "refusal_f1", "answered_rate", "injection_resistance")
    blocks: list[Block] = [
        ("p", (f"{refusals.get('n_answerable', 0)} questions auxquelles répondre, "
              f"{refusals.get('n_must_refuse', 0)} à refuser (hors corpus, injections).")),
        ("table", Table(["métrique", "valeur", "définition"],
                        [[name, refusals.get(name), definition(name)] for name in names])),
        ("table", Table(["jeu", "n", "refusées"], [[name, data["n"], data["refused"]]
                                                   for name, data in refusals.get("by_dataset", {}).items()])),
    ]
    calibration = refusals.get("calibration")
    if calibration:
        blocks.append(("p", (
            f"Seuil de pertinence en service {calibration['threshold_in_use']} ; seuil recalibré sur cette exécution "
            f"{calibration['calibrated_threshold']} (pertinence minimale des questions auxquelles répondre "
            f"{calibration['answerable_relevance_min']}, maximale des questions à refuser "
            f"{calibration['must_refuse_relevance_max']}).")))
    missed = refusals.get("not_refused", [])
    if missed:
        blocks += [("h3", "Non refusées à tort / should have been refused"), ("table", Table(
            ["jeu", "question", "mode", "réponse"], [[m["dataset"], m["question"], m["mode"], m["answer"]]
                                                    for m in missed]))]
    return blocks


def pii_blocks(pii: Mapping[str, Any]) -> list[Block]:
    blocks: list[Block] = []
    overall = pii.get("overall", {})
    if overall:
        blocks.append(("table", Table(["métrique", "valeur", "définition"],
                                      [[name, value, definition(f"pii_{name}")] for name, value in overall.items()])))
    by_type = pii.get("by_type", {})
    if by_type:
        columns = list(dict.fromkeys(c for values in by_type.values() for c in values))
        blocks.append(("table", Table(["type", *columns], [[t, *(v.get(c) for c in columns)]
                                                           for t, v in by_type.items()])))
        blocks.append(("img", grouped_bars("Données personnelles : F1 par type", {
            "F1": {t: v.get("f1") for t, v in by_type.items()}})))
    by_dataset = pii.get("by_dataset", {})
    if by_dataset:
        columns = ["rows", "precision", "recall", "whole_recall", "f1", "false_redaction_rate"]
        blocks += [("h3", "Par jeu de données / per dataset"), ("table", Table(
            ["jeu", *columns], [[name, *(values.get(c) for c in columns)] for name, values in by_dataset.items()]))]
    false_redactions = pii.get("false_redactions", {})
    if false_redactions:
        blocks.append(("table", Table(["fausses rédactions / false redactions", "valeur", "définition"],
                                      [[name, value, definition(name)] for name, value in false_redactions.items()])))
    return blocks


def latency_blocks(latency: Mapping[str, Any]) -> list[Block]:
    stages = latency.get("stages", {})
    return [
        ("table", Table(["étape", "n", "p50 (ms)", "p95 (ms)", "max (ms)"],
                        [[name, s["n"], s["p50"], s["p95"], s["max"]] for name, s in stages.items()])),
        ("p", f"Pic mémoire du processus d'évaluation : {fmt(latency.get('memory_peak_mb'))} Mio."),
        ("img", latency_plot(stages)),
    ]


def verify_blocks(verify: Mapping[str, Any]) -> list[Block]:
    blocks: list[Block] = [("p", (
        f"{verify.get('n', 0)} brouillons plantés : une moitié de développement, une moitié tenue à l'écart "
        "(autres documents). Un brouillon faux est arrêté quand l'agent n'en lit rien (le vérificateur le retient "
        "entier et la réponse est composée des textes), montré entier quand toutes ses phrases passent ; un "
        "brouillon fidèle est gardé quand toutes passent, montré quand l'agent le lit, au besoin sans les phrases "
        "sans appui."))]
    for split, data in verify.get("splits", {}).items():
        blocks += [
            ("h3", f"{split} : faux arrêtés {fmt(data['wrong_caught_ratio'])} ({data['wrong']}), "
                   f"faux montrés entiers {data['wrong_shown_whole']}, "
                   f"fidèles gardés {fmt(data['faithful_kept_ratio'])} ({data['faithful']}), "
                   f"montrés {fmt(data['faithful_shown_ratio'])}"),
            ("table", Table(["classe", "étiquette", "n", "réussis", "taux"],
                            [[name, c["label"], c["n"], c["passed"], c["ratio"]]
                             for name, c in data["by_class"].items()])),
        ]
    failures = verify.get("failures", [])
    if failures:
        blocks += [("h3", "Échecs / failures"), ("table", Table(
            ["id", "classe", "brouillon", "raisons"],
            [[f["id"], f["class"], shorten(f["draft"], 160), "; ".join(f["reasons"])] for f in failures]))]
    return blocks
