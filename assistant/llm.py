"""Generation backends: llama.cpp in-process, or any OpenAI-compatible server. The only place either is used."""
from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from assistant.prompt import completion_prompt
from guichet.config import Settings

if TYPE_CHECKING:
    from llama_cpp import Llama

LOGGER = logging.getLogger(__name__)
GGUF_MAGIC = b"GGUF"
CHAT_TEMPLATE_KEY = "tokenizer.chat_template"
NO_MODEL = "aucun-modele"
RETRIES = 3
BACKOFF_S = 0.5
REPEAT_PENALTY = 1.1
PROBE_TIMEOUT_S = 2.0


class GenerationError(RuntimeError):
    """The backend could not produce a draft (model missing, server down, timeout); never carries user text."""


class ModelBusy(GenerationError):
    """The model (in-process, or every slot of the model server) stayed busy with other questions longer than
    `llm_queue_wait_s`."""


class Generator(Protocol):
    model_id: str

    def stream(self, messages: list[dict[str, str]], max_tokens: int) -> Iterator[str]: ...


def registered_path(settings: Settings) -> str:
    """`llm_model_path` may name a registry entry (`qwen2.5-7b-instruct`) instead of a file."""
    from assistant.ops import models

    name = settings.llm_model_path
    if name not in models.REGISTRY:
        return name
    try:
        return str(models.resolve(name, settings.home / "models"))
    except FileNotFoundError:
        return name


def model_file_problem(model_path: str) -> str:
    """Why `model_path` cannot be loaded by llama.cpp (missing, unreadable, not a GGUF); empty when it can."""
    if not model_path:
        return "no model file configured (llm_model_path is empty)"
    try:
        with Path(model_path).open("rb") as handle:
            magic = handle.read(len(GGUF_MAGIC))
    except OSError as error:
        return f"model file {model_path} cannot be read ({error.strerror or type(error).__name__})"
    if magic != GGUF_MAGIC:
        return f"model file {model_path} is not a GGUF file"
    return ""


def warn_if_unusable(generator: Generator | None) -> None:
    """Say at start-up, on stderr and in the log, that answers will be extracts because the model cannot load."""
    problem = getattr(generator, "problem", "")
    if problem:
        LOGGER.warning("%s: answers will quote the official sources without the model", problem)


class LlamaCppGenerator:
    """A GGUF run in-process by llama-cpp-python, loaded on first use; one generation at a time."""

    def __init__(self, settings: Settings, model_path: str | None = None) -> None:
        self.model_path = model_path or registered_path(settings)
        self.model_id = Path(self.model_path).name if self.model_path else NO_MODEL
        self.settings = settings
        self._llama: Llama | None = None
        self._uses_chat = True
        self._lock = threading.Lock()

    slots = 1

    @property
    def busy(self) -> int:
        """Generations running now (0 or 1)."""
        return int(self._lock.locked())

    def _load(self) -> Llama:
        if self._llama is not None:
            return self._llama
        problem = self.problem
        if problem:
            raise GenerationError(problem)
        try:
            from llama_cpp import Llama
        except ImportError as exc:
            raise GenerationError("llama-cpp-python is not installed") from exc
        settings = self.settings
        llama = Llama(
            model_path=self.model_path,
            n_ctx=settings.n_ctx,
            n_threads=settings.n_threads or os.cpu_count() or 1,
            n_gpu_layers=settings.n_gpu_layers,
            chat_format=settings.chat_format or None,
            verbose=False,
        )
        self._uses_chat = bool(settings.chat_format) or CHAT_TEMPLATE_KEY in llama.metadata
        self._llama = llama
        return llama

    @property
    def problem(self) -> str:
        return model_file_problem(self.model_path)

    def reachable(self) -> bool:
        """Whether the model file can be loaded (it loads on the first draft)."""
        return not self.problem

    @property
    def uses_chat_template(self) -> bool:
        """False for a GGUF without `tokenizer.chat_template` and no `chat_format` set: plain completion."""
        self._load()
        return self._uses_chat

    def stream(self, messages: list[dict[str, str]], max_tokens: int) -> Iterator[str]:
        """One generation at a time (llama.cpp contexts are not thread-safe); a question that waited longer
        than `llm_queue_wait_s` for the model gives up with `ModelBusy` instead of queueing without end."""
        if not self._lock.acquire(timeout=self.settings.llm_queue_wait_s):
            raise ModelBusy("the model is busy with other questions")
        try:
            llama = self._load()
            yield from self._tokens(llama, messages, max_tokens)
        except (ValueError, RuntimeError) as exc:
            if isinstance(exc, GenerationError):
                raise
            raise GenerationError(f"llama.cpp failed: {type(exc).__name__}") from exc
        finally:
            self._lock.release()

    def _tokens(self, llama: Llama, messages: list[dict[str, str]], max_tokens: int) -> Iterator[str]:
        temperature = self.settings.temperature
        if self._uses_chat:
            chunks = llama.create_chat_completion(
                messages=messages,
                max_tokens=max_tokens,
                temperature=temperature,
                repeat_penalty=REPEAT_PENALTY,
                stream=True,
            )
            for chunk in chunks:
                text = chunk["choices"][0]["delta"].get("content")
                if text:
                    yield text
            return
        completion = llama.create_completion(
            prompt=completion_prompt(messages),
            max_tokens=max_tokens,
            temperature=temperature,
            repeat_penalty=REPEAT_PENALTY,
            stream=True,
            stop=["\n\nQuestion", "</"],
        )
        for chunk in completion:
            text = chunk["choices"][0]["text"]
            if text:
                yield text


class OpenAIGenerator:
    """Any OpenAI-compatible endpoint (llama.cpp server, vLLM, Albert), streamed; retried before the first token.

    At most `llm_server_slots` generations are in flight: a question that waits longer than `llm_queue_wait_s`
    for a slot gives up with `ModelBusy`, as with the in-process model, instead of queueing on the server."""

    def __init__(self, settings: Settings) -> None:
        if not settings.llm_base_url:
            raise ValueError("llm_base_url is empty: set it to use the openai backend")
        import openai

        self.model_id = settings.llm_model or "default"
        self.settings = settings
        self._openai = openai
        self._transient = (openai.APIConnectionError, openai.RateLimitError, openai.InternalServerError)
        self.slots = max(1, settings.llm_server_slots)
        self._slots = threading.BoundedSemaphore(self.slots)
        self._busy = 0
        self._busy_lock = threading.Lock()
        self._client = openai.OpenAI(
            base_url=settings.llm_base_url,
            api_key=settings.llm_api_key or "sans-cle",
            timeout=settings.llm_timeout_s,
            max_retries=0,
        )

    def _open(self, messages: list[dict[str, str]], max_tokens: int) -> Any:
        last_error: Exception | None = None
        for attempt in range(RETRIES):
            try:
                return self._client.chat.completions.create(
                    model=self.model_id,
                    messages=messages,
                    max_tokens=max_tokens,
                    temperature=self.settings.temperature,
                    stream=True,
                )
            except self._transient as exc:
                last_error = exc
                time.sleep(BACKOFF_S * 2**attempt)
            except self._openai.OpenAIError as exc:
                raise GenerationError(f"LLM server refused the request: {type(exc).__name__}") from exc
        raise GenerationError(f"LLM server unreachable after {RETRIES} attempts: {type(last_error).__name__}")

    def stream(self, messages: list[dict[str, str]], max_tokens: int) -> Iterator[str]:
        if not self._slots.acquire(timeout=self.settings.llm_queue_wait_s):
            raise ModelBusy("every slot of the model server is busy with other questions")
        self._count_busy(1)
        try:
            response = self._open(messages, max_tokens)
            try:
                for chunk in response:
                    if chunk.choices and chunk.choices[0].delta.content:
                        yield chunk.choices[0].delta.content
            except Exception as exc:
                raise GenerationError(f"LLM stream interrupted: {type(exc).__name__}") from exc
            finally:
                response.close()
        finally:
            self._count_busy(-1)
            self._slots.release()

    @property
    def busy(self) -> int:
        """Slots of the model server that this process is using now."""
        return self._busy

    def reachable(self) -> bool:
        """Whether the model server answers its model list within two seconds."""
        try:
            self._client.with_options(timeout=PROBE_TIMEOUT_S).models.list()
        except self._openai.OpenAIError:
            return False
        return True

    def _count_busy(self, change: int) -> None:
        with self._busy_lock:
            self._busy += change


def configured_model_id(settings: Settings) -> str:
    """The id the configured backend's generator reports, without loading anything."""
    if settings.llm_backend == "openai":
        return settings.llm_model or "default"
    path = registered_path(settings)
    return Path(path).name if path else NO_MODEL


def make_generator(settings: Settings) -> Generator:
    if settings.llm_backend == "llama_cpp":
        return LlamaCppGenerator(settings)
    if settings.llm_backend == "openai":
        return OpenAIGenerator(settings)
    raise ValueError(f"unknown llm_backend {settings.llm_backend!r}: expected 'llama_cpp' or 'openai'")
