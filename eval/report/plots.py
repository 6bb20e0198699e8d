"""The report's figures (matplotlib), each a base64 PNG, or None when there is nothing to draw."""
from __future__ import annotations

import base64
import io
from collections.abc import Mapping
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from eval.report.tables import shorten

PALETTE = ("#1f4e79", "#9db7d5", "#c9c9c9", "#e3a857", "#7a9e7e")


def figure_png(fig: plt.Figure) -> str:
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
    return figure_png(fig)


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
    return figure_png(fig)


def theme_plot(by_theme: Mapping[str, Mapping[str, Any]], metric: str, top: int = 15) -> str | None:
    rows = sorted(((theme, data) for theme, data in by_theme.items() if data.get(metric) is not None),
                  key=lambda item: -item[1].get("n", 0))[:top]
    if not rows:
        return None
    rows.sort(key=lambda item: item[1][metric])
    fig, axis = plt.subplots(figsize=(7, 0.32 * len(rows) + 1.2))
    labels = [f"{shorten(theme, 45)} (n={data.get('n', '?')})" for theme, data in rows]
    axis.barh(labels, [data[metric] for _, data in rows], color=PALETTE[0])
    axis.set_xlim(0, 1)
    axis.tick_params(axis="y", labelsize=7)
    axis.set_title(f"{metric} par thème (les {len(rows)} plus fréquents)", fontsize=10)
    axis.spines[["top", "right"]].set_visible(False)
    return figure_png(fig)
