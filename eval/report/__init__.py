"""The evaluation run as files: results.json, report.md, report.html (self-contained) and system-card.md.

`compare` sets a run against an earlier one; `tables` holds the blocks and the table both renderers read, `plots` the
figures, `parts` what each evaluated part shows, `sections` their order and the headline figures, `render` the
Markdown and HTML, `card` the system card."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from eval.report.card import render_system_card
from eval.report.compare import DEFAULT_LATENCY_TOLERANCE, DEFAULT_THRESHOLD, compare
from eval.report.render import render_html, render_markdown


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
