"""The evaluation run as files: results.json, report.md, report.html (self-contained) and system-card.md."""
from __future__ import annotations

import base64
import html
import io
import json
import math
import os
import re
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from eval.metrics import DEFINITIONS

DEFAULT_THRESHOLD = 0.02
"""A quality metric (0-1) dropping by more than this is a regression."""
DEFAULT_LATENCY_TOLERANCE = 0.5
"""A latency or memory figure growing by more than this share is a regression."""

SKIPPED_IN_COMPARISON = ("baseline", "by_mode", "by_theme", "by_type", "worst", "not_refused", "systems.BM25",
                         "systems.LangChain", "meta")
LOWER_IS_BETTER = re.compile(r"^(p50|p95|p50_ms|p95_ms|memory_peak_mb)$")
SHARE = re.compile(r"^(hit@\d+|mrr@\d+|ndcg@\d+)$")
ABSOLUTE_LOWER_IS_BETTER = re.compile(r"^false_redaction")
HIGHER_IS_BETTER = re.compile(
    r"^(hit@\d+|mrr@\d+|ndcg@\d+|recall@\d+|precision|recall|f1|.*_recall|.*_precision|.*_f1|.*_ratio|"
    r".*_validity|token_f1|rouge_l|semantic_similarity|answered_rate|injection_resistance)$"
)
ANSWER_BASELINE_LABEL = "1er passage verbatim"
PALETTE = ("#1f4e79", "#9db7d5", "#c9c9c9", "#e3a857", "#7a9e7e")


# ---------------------------------------------------------------- comparison

def flatten(data: Any, prefix: str = "") -> Iterator[tuple[str, float]]:
    """Every numeric leaf as (`dotted.path`, value); lists are not descended."""
    if isinstance(data, Mapping):
        for key, value in data.items():
            yield from flatten(value, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(data, (int, float)) and not isinstance(data, bool) and math.isfinite(data):
        yield prefix, float(data)


def direction(path: str) -> str | None:
    """`higher`, `lower` (relative tolerance), `lower_absolute`, or None for figures not compared."""
    if any(part in path for part in SKIPPED_IN_COMPARISON):
        return None
    leaf = path.rsplit(".", 1)[-1]
    if LOWER_IS_BETTER.match(leaf):
        return "lower"
    if ABSOLUTE_LOWER_IS_BETTER.match(leaf):
        return "lower_absolute"
    if HIGHER_IS_BETTER.match(leaf):
        return "higher"
    return None


def compare(
    old_results: Mapping[str, Any],
    new_results: Mapping[str, Any],
    threshold: float = DEFAULT_THRESHOLD,
    latency_tolerance: float = DEFAULT_LATENCY_TOLERANCE,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Deltas on every figure both runs share, and those that regressed beyond the threshold."""
    old = dict(flatten(old_results))
    deltas: list[dict[str, Any]] = []
    for path, new_value in flatten(new_results):
        way = direction(path)
        if way is None or path not in old:
            continue
        delta = new_value - old[path]
        if way == "higher":
            regressed = delta < -threshold
        elif way == "lower_absolute":
            regressed = delta > threshold
        else:
            regressed = old[path] > 0 and delta / old[path] > latency_tolerance
        deltas.append({"metric": path, "old": old[path], "new": new_value, "delta": delta,
                       "direction": way, "regression": regressed})
    return deltas, [item for item in deltas if item["regression"]]


# ---------------------------------------------------------------- figures

def _figure_png(fig: plt.Figure) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def grouped_bars(title: str, series: Mapping[str, Mapping[str, float | None]]) -> str | None:
    """One group of bars per metric, one bar per system; None when there is nothing to draw."""
    metrics = [m for m in dict.fromkeys(m for values in series.values() for m in values)
               if any(values.get(m) is not None for values in series.values())]
    if not metrics:
        return None
    fig, axis = plt.subplots(figsize=(max(6.0, 1.3 * len(metrics) + 2), 3.4))
    width = 0.8 / len(series)
    for index, (name, values) in enumerate(series.items()):
        positions = [i + (index - (len(series) - 1) / 2) * width for i in range(len(metrics))]
        heights = [values.get(m) or 0.0 for m in metrics]
        bars = axis.bar(positions, heights, width, label=name, color=PALETTE[index % len(PALETTE)])
        axis.bar_label(bars, labels=[f"{h:.2f}" if values.get(m) is not None else "–"
                                     for h, m in zip(heights, metrics, strict=True)], fontsize=7, padding=1)
    axis.set_xticks(range(len(metrics)), metrics, rotation=20, ha="right", fontsize=8)
    axis.set_ylim(0, 1.1)
    axis.set_title(title, fontsize=10)
    axis.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    axis.spines[["top", "right"]].set_visible(False)
    return _figure_png(fig)


def latency_plot(stages: Mapping[str, Mapping[str, Any]]) -> str | None:
    drawn = {name: stage["values"] for name, stage in stages.items() if stage.get("values")}
    if not drawn:
        return None
    fig, axis = plt.subplots(figsize=(7, 0.6 * len(drawn) + 1.4))
    axis.boxplot(list(drawn.values()), orientation="horizontal", tick_labels=list(drawn), whis=(5, 95), showfliers=True,
                 flierprops={"markersize": 3})
    axis.set_xscale("log")
    axis.set_xlabel("ms (échelle log ; moustaches p5-p95)", fontsize=8)
    axis.set_title("Latence par étape / latency per stage", fontsize=10)
    axis.spines[["top", "right"]].set_visible(False)
    return _figure_png(fig)


def theme_plot(by_theme: Mapping[str, Mapping[str, Any]], metric: str, top: int = 15) -> str | None:
    rows = sorted(((theme, data) for theme, data in by_theme.items() if data.get(metric) is not None),
                  key=lambda item: -item[1].get("n", 0))[:top]
    if not rows:
        return None
    rows.sort(key=lambda item: item[1][metric])
    fig, axis = plt.subplots(figsize=(7, 0.32 * len(rows) + 1.2))
    labels = [f"{_shorten(theme, 45)} (n={data.get('n', '?')})" for theme, data in rows]
    axis.barh(labels, [data[metric] for _, data in rows], color=PALETTE[0])
    axis.set_xlim(0, 1)
    axis.tick_params(axis="y", labelsize=7)
    axis.set_title(f"{metric} par thème (les {len(rows)} plus fréquents)", fontsize=10)
    axis.spines[["top", "right"]].set_visible(False)
    return _figure_png(fig)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------- content shared by the Markdown and HTML

def _fmt(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        if math.isnan(value):
            return "–"
        return f"{value:.3f}" if abs(value) < 10 else f"{value:,.0f}".replace(",", " ")
    return str(value)


def _signed(value: float) -> str:
    return f"{value:+.3f}" if abs(value) < 10 else f"{value:+,.0f}".replace(",", " ")


class Table:
    def __init__(self, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        self.header = list(header)
        self.rows = [[_fmt(cell) for cell in row] for row in rows]

    def markdown(self) -> str:
        def line(cells: Sequence[str]) -> str:
            return "| " + " | ".join(cell.replace("|", "\\|").replace("\n", " ") for cell in cells) + " |"
        return "\n".join([line(self.header), line(["---"] * len(self.header)), *map(line, self.rows)])

    def html(self) -> str:
        head = "".join(f"<th>{html.escape(cell)}</th>" for cell in self.header)
        body = "".join("<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>"
                       for row in self.rows)
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


Block = tuple[str, Any]
"""("p", text) | ("table", Table) | ("img", base64 png) | ("h3", text)."""


def definition(metric: str) -> str:
    """The one-sentence definition, `hit@5` reading that of `hit@k`."""
    return DEFINITIONS.get(metric) or DEFINITIONS.get(re.sub(r"@\d+$", "@k", metric), "")


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
    length = (f" Longueur des réponses (mots, citations exclues) : p50 {_fmt(answers.get('answer_words_p50'))}, "
              f"p90 {_fmt(answers.get('answer_words_p90'))}.")
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
        columns = ["rows", "precision", "recall", "f1", "false_redaction_rate"]
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
        ("p", f"Pic mémoire du processus d'évaluation : {_fmt(latency.get('memory_peak_mb'))} Mio."),
        ("img", latency_plot(stages)),
    ]


def verify_blocks(verify: Mapping[str, Any]) -> list[Block]:
    blocks: list[Block] = [("p", (
        f"{verify.get('n', 0)} brouillons plantés : une moitié de développement, une moitié tenue à l'écart "
        "(autres documents). Un brouillon faux est arrêté quand aucune de ses phrases ne passe ; un brouillon "
        "fidèle est gardé quand toutes passent."))]
    for split, data in verify.get("splits", {}).items():
        blocks += [
            ("h3", f"{split} : faux arrêtés {_fmt(data['wrong_caught_ratio'])} ({data['wrong']}), "
                   f"fidèles gardés {_fmt(data['faithful_kept_ratio'])} ({data['faithful']})"),
            ("table", Table(["classe", "étiquette", "n", "réussis", "taux"],
                            [[name, c["label"], c["n"], c["passed"], c["ratio"]]
                             for name, c in data["by_class"].items()])),
        ]
    failures = verify.get("failures", [])
    if failures:
        blocks += [("h3", "Échecs / failures"), ("table", Table(
            ["id", "classe", "brouillon", "raisons"],
            [[f["id"], f["class"], _shorten(f["draft"], 160), "; ".join(f["reasons"])] for f in failures]))]
    return blocks


def comparison_blocks(comparison: Mapping[str, Any]) -> list[Block]:
    regressions = comparison.get("regressions", [])
    verdict = (f"{len(regressions)} régression(s) au-delà du seuil." if regressions
               else "Aucune régression au-delà du seuil.")
    return [
        ("p", (f"Comparé à {comparison.get('against')} (seuil qualité {comparison.get('threshold')}, "
              f"tolérance latence {comparison.get('latency_tolerance')}). {verdict}")),
        ("table", Table(["métrique", "avant", "après", "écart", ""],
                        [[d["metric"], d["old"], d["new"], _signed(d["delta"]), "RÉGRESSION" if d["regression"]
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


# ---------------------------------------------------------------- renderers

CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;max-width:1100px;
margin:2em auto;padding:0 1em}
h1{font-size:22px;border-bottom:3px solid #1f4e79;padding-bottom:.3em}
h2{font-size:17px;color:#1f4e79;margin-top:2em;border-bottom:1px solid #ddd}
h3{font-size:14px;margin-top:1.2em}
table{border-collapse:collapse;margin:.6em 0;font-size:12.5px}
th,td{border:1px solid #ddd;padding:3px 7px;text-align:left;vertical-align:top;max-width:340px}
th{background:#f1f4f8}
td:not(:first-child){font-variant-numeric:tabular-nums}
img{max-width:100%;display:block;margin:.6em 0}
.summary{background:#f6f8fb;border-left:4px solid #1f4e79;padding:.5em 1em}
.bad{color:#a40000;font-weight:bold}
"""


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
    for name in ("recall", "precision"):
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


def render_markdown(results: Mapping[str, Any]) -> str:
    meta = results.get("meta", {})
    lines = [f"# Évaluation Guichet — {meta.get('date', '')} ({meta.get('config_hash', '')})", ""]
    summary = headline(results)
    if summary:
        lines += [Table(["indicateur", "valeur"], summary).markdown(), ""]
    for title, blocks in sections(results):
        lines += [f"## {title}", ""]
        for kind, content in blocks:
            if kind == "p":
                lines += [content, ""]
            elif kind == "h3":
                lines += [f"### {content}", ""]
            elif kind == "table" and content.rows:
                lines += [content.markdown(), ""]
    lines.append("Figures: see report.html.")
    return "\n".join(lines) + "\n"


def render_html(results: Mapping[str, Any]) -> str:
    meta = results.get("meta", {})
    title = f"Évaluation Guichet — {meta.get('date', '')} ({meta.get('config_hash', '')})"
    body = [f"<h1>{html.escape(title)}</h1>"]
    summary = headline(results)
    if summary:
        body.append('<div class="summary">' + Table(["indicateur", "valeur"], summary).html() + "</div>")
    regressions = results.get("comparison", {}).get("regressions", [])
    if regressions:
        body.append(f'<p class="bad">{len(regressions)} régression(s) : '
                    + html.escape(", ".join(r["metric"] for r in regressions)) + "</p>")
    for section_title, blocks in sections(results):
        body.append(f"<h2>{html.escape(section_title)}</h2>")
        for kind, content in blocks:
            if kind == "p":
                body.append(f"<p>{html.escape(content)}</p>")
            elif kind == "h3":
                body.append(f"<h3>{html.escape(content)}</h3>")
            elif kind == "table" and content.rows:
                body.append(content.html())
            elif kind == "img" and content:
                body.append(f'<img alt="" src="data:image/png;base64,{content}">')
    return (f'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f"<style>{CSS}</style></head><body>{''.join(body)}</body></html>\n")


def render_system_card(results: Mapping[str, Any]) -> str:
    meta = results.get("meta", {})
    config = meta.get("config", {})
    models = meta.get("models", {})
    corpus = meta.get("corpus", [])
    model_lines = [f"- {role} : `{m.get('id')}` (sha256 `{m.get('sha256') or 'n/a'}`)" for role, m in models.items()]
    corpus_lines = [f"- `{c['name']}@{c['version']}` — {c.get('description', '')}" for c in corpus]
    figures = [f"- {name} : {_fmt(value)}" for name, value in headline(results)]
    return "\n".join([
        "# Fiche système — Guichet",
        "",
        (f"Générée le {meta.get('date', '')} par `guichet eval` (configuration `{meta.get('config_hash', '')}`), "
        "à partir de la même exécution que `report.html`."),
        "",
        "## Usage prévu",
        ("Assistant sur site (on-premise) pour les agents des services publics : il cherche dans des textes "
        "officiels (fiches service-public.fr, fiches travail-emploi.gouv.fr, articles Légifrance) et rédige une "
        "réponse qui cite ses sources. Il aide l'agent ; il ne décide pas à sa place et ne s'adresse pas "
        "directement aux usagers."),
        "",
        "## Modèles",
        *model_lines,
        (f"- génération : moteur `{config.get('llm_backend', '')}`, température {config.get('temperature', '')}, "
        f"{config.get('max_tokens', '')} jetons au plus"),
        "",
        "## Corpus et dates",
        *corpus_lines,
        f"- index : `{meta.get('index', {}).get('build_id', 'n/a')}`, construit le "
        f"{meta.get('index', {}).get('created', 'n/a')}",
        "",
        "## Résultats de l'évaluation",
        *(figures or ["- aucune partie évaluée"]),
        *([f"- (sous-ensemble : {meta['limit']} premières lignes de chaque jeu)"] if meta.get("limit") else []),
        "",
        "Jeux d'évaluation (voir `eval/datasets/SOURCES.md`) : "
        + ", ".join(f"{d['name']} ({d['rows']} lignes, sha256 {d['sha256'][:12]})"
                    for d in meta.get("datasets", {}).values()) + ".",
        "",
        "## Limites connues",
        "- Le corpus est figé à la version indiquée : une règle modifiée depuis n'est pas connue de l'assistant.",
        ("- Un petit modèle de langage local peut mal reformuler : seules les phrases appuyées par un passage cité "
        "sont montrées, sinon l'assistant cite les passages (mode extractif) ou refuse."),
        ("- Les conventions collectives, la jurisprudence et les situations individuelles complexes ne sont pas "
        "couvertes."),
        "- La détection des données personnelles n'est pas exhaustive (voir le rappel par type ci-dessus).",
        "",
        "## Mesures de protection des données",
        "- Traitement entièrement local : aucun appel à un service externe (modèles et corpus installés sur site).",
        (f"- Les questions sont pseudonymisées (Presidio, spaCy `fr_core_news_md`) avant toute journalisation ; "
        f"le texte envoyé au modèle est pseudonymisé : {'oui' if config.get('redact_for_llm') else 'non'}."),
        f"- Journal d'audit expurgé, conservé {config.get('audit_retention_days', '')} jours puis purgé.",
        "- Les valeurs des données personnelles ne restent qu'en mémoire le temps de la requête.",
        "",
    ])


def _write_atomic(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(text)
    os.replace(temporary, path)


def write_report(
    results: dict[str, Any],
    out_dir: Path,
    compare_with: Path | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> list[dict[str, Any]]:
    """Write the four files; with `compare_with` (an earlier run's directory), add the deltas and return the
    regressions (an empty list otherwise)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    regressions: list[dict[str, Any]] = []
    if compare_with is not None:
        old = json.loads((Path(compare_with) / "results.json").read_text(encoding="utf-8"))
        deltas, regressions = compare(old, results, threshold)
        results["comparison"] = {"against": str(compare_with), "threshold": threshold,
                                 "latency_tolerance": DEFAULT_LATENCY_TOLERANCE,
                                 "deltas": deltas, "regressions": regressions}
    _write_atomic(out_dir / "results.json", json.dumps(results, ensure_ascii=False, indent=2, default=str))
    _write_atomic(out_dir / "report.md", render_markdown(results))
    _write_atomic(out_dir / "report.html", render_html(results))
    _write_atomic(out_dir / "system-card.md", render_system_card(results))
    return regressions
