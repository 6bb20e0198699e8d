"""The import graph has no upward import: data flows one way (corpus and redaction → indexing → assistant → eval),
and the faces (CLI, page, HTTP API) call the pipeline and eval, never the other way round."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = {"guichet": 0, "corpus": 1, "redaction": 1, "indexing": 2, "assistant": 3, "eval": 4, "assistant.faces": 5}
"""Each package's height; a module may import its own height or lower. `guichet` is the configuration."""


def layer(module: str) -> str | None:
    return next((name for name in sorted(LAYERS, key=len, reverse=True)
                 if module == name or module.startswith(name + ".")), None)


def imported(path: Path) -> set[str]:
    """Every module a file imports, lazily imported ones included."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


MODULES = sorted(path for package in ("guichet", "corpus", "redaction", "indexing", "assistant", "eval")
                 for path in (ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_module_imports_upwards(path: Path) -> None:
    own = layer(".".join(path.relative_to(ROOT).with_suffix("").parts))
    upward = sorted(name for name in imported(path)
                    if (other := layer(name)) is not None and LAYERS[other] > LAYERS[own])
    assert not upward, f"{path.relative_to(ROOT)} ({own}) imports {', '.join(upward)}"


def test_the_rule_catches_an_upward_import(tmp_path: Path) -> None:
    stage = tmp_path / "stage.py"
    stage.write_text("def f():\n    from assistant.faces.cli import main\n    return main\n", encoding="utf-8")
    assert "assistant.faces.cli.main" in imported(stage) and layer("assistant.faces.cli.main") == "assistant.faces"
