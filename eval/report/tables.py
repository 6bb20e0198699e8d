"""The report's content as blocks (paragraphs, headings, tables, figures), and a table that renders to Markdown and
HTML alike."""
from __future__ import annotations

import html
import math
import re
from collections.abc import Sequence
from typing import Any

from eval.metrics import DEFINITIONS


def fmt(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        if math.isnan(value):
            return "–"
        return f"{value:.3f}" if abs(value) < 10 else f"{value:,.0f}".replace(",", " ")
    return str(value)


def signed(value: float) -> str:
    return f"{value:+.3f}" if abs(value) < 10 else f"{value:+,.0f}".replace(",", " ")


class Table:
    def __init__(self, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        self.header = list(header)
        self.rows = [[fmt(cell) for cell in row] for row in rows]

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


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
