"""A scripted OpenAI-compatible chat server on loopback that answers each known question with a planted draft.

It streams the draft as server-sent events, like llama.cpp's or vLLM's server, after renumbering its `[k]`
markers: the draft's passage k is the prompt source whose text holds the start of that passage. A passage not
among the sources is cited as a number the prompt does not have, and the draft's id is recorded in `unmapped`.
A question planted several times gets its drafts in the order they were planted."""
from __future__ import annotations

import json
import re
import threading
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from assistant.ops.llama_server import LOOPBACK

SOURCE = re.compile(r'<source numero="(\d+)">(.*?)</source>', re.S)
QUESTION = re.compile(r"<question>\s*(.*?)\s*</question>", re.S)
MARKER = re.compile(r"\[(\d+)\]")
SNIPPET_CHARS = 60


@dataclass(frozen=True)
class Planted:
    id: str
    question: str
    draft: str
    passages: tuple[str, ...]
    """The texts of the passages the draft's [1], [2]… cite."""


@dataclass
class PlantedServer:
    planted: dict[str, deque[Planted]]
    unmapped: set[str] = field(default_factory=set)
    """Ids of the drafts that cite a passage the prompt did not hold."""
    answered: list[str] = field(default_factory=list)
    """Ids of the drafts sent, in order."""
    port: int = 0

    @property
    def base_url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}/v1"

    def answer(self, prompt: str) -> str:
        question_match = QUESTION.search(prompt)
        queue = self.planted.get(_squash(question_match.group(1)) if question_match else "")
        if not queue:
            return "Je n'ai pas trouvé cette information dans les sources officielles."
        planted = queue.popleft()
        self.answered.append(planted.id)
        sources = {int(n): _squash(body) for n, body in SOURCE.findall(prompt)}
        numbers = {}
        for k, text in enumerate(planted.passages, start=1):
            snippet = _squash(text)[:SNIPPET_CHARS]
            numbers[k] = next((n for n, body in sorted(sources.items()) if snippet in body), 0)
            if not numbers[k]:
                self.unmapped.add(planted.id)
                numbers[k] = len(sources) + k
        return MARKER.sub(lambda m: f"[{numbers.get(int(m.group(1)), 99)}]", planted.draft)


def _squash(text: str) -> str:
    """Whitespace collapsed and `<`/`>` as the prompt writes them."""
    return " ".join(text.replace("<", "‹").replace(">", "›").split())


def _events(text: str) -> Iterator[bytes]:
    words = text.split(" ")
    for n, word in enumerate(words):
        delta = {"content": word if n == 0 else f" {word}"}
        yield _event({"choices": [{"index": 0, "delta": delta, "finish_reason": None}]})
    yield _event({"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
    yield b"data: [DONE]\n\n"


def _event(payload: dict) -> bytes:
    chunk = {"id": "planted", "object": "chat.completion.chunk", "created": 0, "model": "planted", **payload}
    return f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n".encode()


@contextmanager
def planted_server(planted: list[Planted]) -> Iterator[PlantedServer]:
    queues: dict[str, deque[Planted]] = {}
    for draft in planted:
        queues.setdefault(_squash(draft.question), deque()).append(draft)
    state = PlantedServer(queues)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            request = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            prompt = next(m["content"] for m in reversed(request["messages"]) if m["role"] == "user")
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            for event in _events(state.answer(prompt)):
                self.wfile.write(event)
                self.wfile.flush()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer((LOOPBACK, 0), Handler)
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
