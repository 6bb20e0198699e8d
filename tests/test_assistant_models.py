from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ops import models
from guichet.config import default_llm_model_path


def test_registry_has_offline_defaults_and_production_choices():
    assert {"smollm2-135m", "gemma3-270m"} <= set(models.REGISTRY)
    production = [e for e in models.REGISTRY.values() if e.repo]
    assert {e.family for e in production} >= {"qwen2", "llama3", "mistral", "lucie"}
    assert all(e.filename.endswith(".gguf") and "Q4_K_M" in e.filename for e in production)


def test_default_model_resolves_to_the_pypi_gguf(tmp_path):
    path = models.resolve("smollm2-135m", tmp_path)
    assert path.is_file() and str(path) == default_llm_model_path()


def test_production_model_not_fetched_says_how_to_get_it(tmp_path):
    with pytest.raises(FileNotFoundError, match="make model MODEL=qwen2.5-7b-instruct"):
        models.resolve("qwen2.5-7b-instruct", tmp_path)


def test_fetch_fails_clearly_without_network_and_leaves_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(models, "HUB_URL", "https://127.0.0.1:9/{repo}/{filename}")
    with pytest.raises(RuntimeError, match="offline"):
        models.fetch("mistral-7b-instruct-v0.3", tmp_path)
    assert list(Path(tmp_path).iterdir()) == []


def test_unknown_model_names_the_known_ones(tmp_path):
    with pytest.raises(KeyError, match="smollm2-135m"):
        models.resolve("gpt-5", tmp_path)
