"""The report as Markdown and as one self-contained HTML page (styles and figures inline)."""
from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from eval.report.sections import headline, sections
from eval.report.tables import Table

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
