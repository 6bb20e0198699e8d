"""Test-wide setup: offline models, no telemetry, and a private GUICHET_HOME per session."""
from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from guichet.config import Settings, load_settings  # noqa: E402


@pytest.fixture(scope="session")
def indexed_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A GUICHET_HOME holding an index of the real fixture documents, built once per test session."""
    from indexing.build import build_index
    from tests.corpus_fixtures import fixture_documents

    home = tmp_path_factory.mktemp("guichet-home")
    settings = load_settings(env={"GUICHET_HOME": str(home)})
    build_index(settings, fixture_documents(), progress=False, corpus_versions={"fixtures": "tests/fixtures/corpus"})
    return home


@pytest.fixture(scope="session")
def indexed_settings(indexed_home: Path) -> Settings:
    return load_settings(env={"GUICHET_HOME": str(indexed_home)})
