"""The OpenAI chat-completions shapes: a conversation in, the answer with its sources out (the text cites them,
and an extra `guichet` field carries the same JSON as `guichet ask --json`)."""
from __future__ import annotations

import re
import time
import uuid
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.conversation import Turn, rewrite
from assistant.model import Answer, placed
from assistant.pipeline import Session
from redaction.engine import Redactor

MODEL_ID = "guichet"
MAX_MESSAGE_CHARS = 200_000
_PIECE = re.compile(r"\S+\s*|\s+")


class TextPart(BaseModel):
    type: Literal["text"]
    text: str = Field(max_length=MAX_MESSAGE_CHARS)


class ChatMessage(BaseModel):
    role: Literal["system", "developer", "user", "assistant", "tool"]
    content: Annotated[str, Field(max_length=MAX_MESSAGE_CHARS)] | list[TextPart] | None = None

    @property
    def text(self) -> str:
        if isinstance(self.content, list):
            return "\n".join(part.text for part in self.content)
        return self.content or ""


class ChatRequest(BaseModel):
    """Sampling options (temperature, max_tokens…) are accepted and ignored: answers come from the texts."""

    model_config = ConfigDict(extra="allow")
    model: str = MODEL_ID
    messages: list[ChatMessage] = Field(min_length=1)
    stream: bool = False


def question_and_session(messages: list[ChatMessage], redactor: Redactor) -> tuple[str, Session]:
    """The last user message is the question; earlier ones, redacted into the session's vault, let a follow-up
    (« et pour un CDI ? ») be read as the pipeline reads it on the page."""
    asked = [message.text for message in messages if message.role == "user"]
    session = Session()
    for earlier in asked[:-1]:
        standalone = rewrite(redactor.redact(earlier, session.vault).text, session.history)
        session.history.append(Turn(standalone, "", ""))
    return (asked[-1] if asked else ""), session


def chat_content(answer: Answer) -> str:
    """The answer as an agent reads it in a chat client: the text with its [n], then the cited sources."""
    lines = [answer.text]
    if answer.cases:
        lines.append(f"Selon la situation : {' ; '.join(answer.cases)}.")
    if answer.notice:
        lines.append(f"({answer.notice})")
    if answer.citations:
        lines.append("\nSources :")
        lines.extend(f"[{c.n}] {placed(c.title, c.heading_path)} — {c.url}" for c in answer.citations)
    return "\n".join(lines)


def completion(answer: Answer, payload: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": _completion_id(answer),
        "object": "chat.completion",
        "created": int(time.time()),
        "model": MODEL_ID,
        "choices": [{
            "index": 0,
            "message": {"role": "assistant", "content": chat_content(answer)},
            "finish_reason": "stop",
        }],
        "guichet": payload,
    }


def opening_chunk(completion_id: str) -> dict[str, Any]:
    return _chunk(completion_id, {"role": "assistant", "content": ""}, None)


def content_chunks(completion_id: str, answer: Answer, payload: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The verified answer word by word, then a last chunk that closes it and carries the `guichet` JSON."""
    for piece in _PIECE.findall(chat_content(answer)):
        yield _chunk(completion_id, {"content": piece}, None)
    yield {**_chunk(completion_id, {}, "stop"), "guichet": payload}


def new_completion_id() -> str:
    return f"chatcmpl-{uuid.uuid4().hex}"


def _completion_id(answer: Answer) -> str:
    return f"chatcmpl-{answer.audit_id}" if answer.audit_id else new_completion_id()


def _chunk(completion_id: str, delta: dict[str, str], finish_reason: str | None) -> dict[str, Any]:
    return {
        "id": completion_id,
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": MODEL_ID,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason}],
    }
