"""The openai backend against a real `python -m llama_cpp.server` on loopback, and that server killed mid-answer."""
from __future__ import annotations

import dataclasses
import importlib
import importlib.util
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.llm import OpenAIGenerator
from assistant.model import MODE_EXTRACTIVE, MODE_REFUSED
from assistant.ops.llama_server import LOOPBACK, LlamaServer, free_port, llama_server
from assistant.pipeline import NOTICE_BUSY, NOTICE_UNREACHABLE, Assistant, Final, Retrieved, Token
from guichet.config import Settings
from indexing.build import build_index
from indexing.embeddings import Embedder
from indexing.index import Index
from indexing.search import Searcher
from redaction.engine import Redactor
from tests.corpus_fixtures import fixture_documents


def llama_cpp_server_available() -> bool:
    if importlib.util.find_spec("llama_cpp") is None or not Path(Settings().llm_model_path).is_file():
        return False
    try:
        importlib.import_module("llama_cpp.server.app")
    except ImportError:
        return False
    return True


pytestmark = pytest.mark.skipif(
    not llama_cpp_server_available(), reason="llama-cpp-python[server] or the GGUF model is not installed"
)

DOCUMENT_IDS = ("F40", "F803", "F36", "F41", "LEGIARTI000006901219", "article374501")
QUESTION = "Quel est le montant de la prime de précarité à la fin d'un CDD ?"
ALIAS = "guichet-test"


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    home = tmp_path_factory.mktemp("guichet-llm-server")
    return Settings(home=home, n_ctx=2048, llm_timeout_s=60, draft_policy="always")


@pytest.fixture(scope="module")
def searcher(settings: Settings) -> Searcher:
    embedder = Embedder(settings)
    documents = [d for d in fixture_documents() if d.id in DOCUMENT_IDS]
    build_index(settings, documents, progress=False, embedder=embedder)
    return Searcher(Index.open(settings), embedder, settings)


@pytest.fixture
def server(settings: Settings) -> Iterator[LlamaServer]:
    with llama_server(settings, ALIAS) as started:
        yield started


def assistant_for(server: LlamaServer, searcher: Searcher) -> Assistant:
    settings = server.settings
    return Assistant(settings, searcher, Redactor.from_settings(settings), OpenAIGenerator(settings), None)


def test_an_answer_is_drafted_through_the_model_server(server: LlamaServer, searcher: Searcher) -> None:
    events = list(assistant_for(server, searcher).ask_stream(QUESTION))
    tokens = [event for event in events if isinstance(event, Token)]
    answer = next(event.answer for event in events if isinstance(event, Final))
    assert tokens, "the model server streamed a draft"
    assert answer.mode != MODE_REFUSED and answer.model_id == ALIAS
    assert answer.notice != NOTICE_UNREACHABLE
    assert "F803" in [p.doc_id for p in answer.passages]


def test_killing_the_model_server_mid_answer_gives_a_french_notice_and_the_sources(
    server: LlamaServer, searcher: Searcher
) -> None:
    passages_shown: list[str] = []
    answer = None
    tokens = 0
    for event in assistant_for(server, searcher).ask_stream(QUESTION):
        if isinstance(event, Retrieved):
            passages_shown = [p.doc_id for p in event.passages]
        elif isinstance(event, Token):
            tokens += 1
            if server.process.poll() is None:
                server.process.kill()
                server.process.wait()
        elif isinstance(event, Final):
            answer = event.answer
    assert tokens >= 1 and server.process.returncode is not None
    assert answer is not None and answer.mode == MODE_EXTRACTIVE
    assert answer.notice == NOTICE_UNREACHABLE
    assert answer.citations and answer.passages and passages_shown
    assert {c.doc_id for c in answer.citations} <= set(passages_shown)


def test_a_model_server_that_is_down_still_answers_with_the_sources(settings: Settings, searcher: Searcher) -> None:
    down = dataclasses.replace(
        settings, llm_backend="openai", llm_base_url=f"http://{LOOPBACK}:{free_port()}/v1", llm_model=ALIAS
    )
    assistant = Assistant(down, searcher, Redactor.from_settings(down), OpenAIGenerator(down), None)
    answer = assistant.ask(QUESTION)
    assert answer.mode == MODE_EXTRACTIVE and answer.notice == NOTICE_UNREACHABLE
    assert answer.citations and "F803" in [p.doc_id for p in answer.passages]


def test_a_question_that_finds_every_server_slot_taken_is_answered_from_the_sources(
    server: LlamaServer, searcher: Searcher
) -> None:
    settings = dataclasses.replace(server.settings, llm_server_slots=1, llm_queue_wait_s=0.5)
    assistant = Assistant(settings, searcher, Redactor.from_settings(settings), OpenAIGenerator(settings), None)
    first = assistant.ask_stream(QUESTION)
    next(event for event in first if isinstance(event, Token))

    second = assistant.ask(QUESTION)
    assert second.mode == MODE_EXTRACTIVE and second.notice == NOTICE_BUSY
    assert "F803" in [p.doc_id for p in second.passages]

    answer = next(event.answer for event in first if isinstance(event, Final))
    assert answer.model_id == ALIAS and answer.notice not in (NOTICE_BUSY, NOTICE_UNREACHABLE)
    assert assistant.ask(QUESTION).notice != NOTICE_BUSY
