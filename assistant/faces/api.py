"""The HTTP API served beside the page: search and ask with the CLI's JSON, answers streamed as server-sent
events, feedback, an OpenAI-compatible chat endpoint, and the operators' health, readiness and metrics.

Privacy as on the page: the pipeline masks the question before anything is logged or audited, the caller gets
the values back from the request's own vault, and errors name no user text."""
from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Callable, Coroutine, Iterable, Iterator
from datetime import date
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from fastapi.routing import APIRoute
from pydantic import BaseModel, Field, field_validator

from assistant.answer_json import answer_json, passage_json, search_json
from assistant.dates import ISO_DAY
from assistant.faces import api_openai
from assistant.faces.api_access import ApiError, Gate
from assistant.faces.cli import MAX_RESULTS
from assistant.intake import question_problem
from assistant.metrics import FACE_API, FACE_OPENAI, Metrics
from assistant.model import Answer
from assistant.pipeline import Assistant, Checked, Composed, Event, Redacted, Retrieved, Session, Token
from corpus.kali import normalize_idcc
from corpus.sources import SOURCES
from guichet.config import Settings
from indexing.model import SearchFilters
from redaction.engine import Vault

logger = logging.getLogger(__name__)

MAX_TEXT_CHARS = 200_000
MESSAGE_EMPTY = "La question est vide : écrivez une question."
MESSAGE_NOT_UTF8 = "La question contient un caractère qui n'est pas du texte valide (UTF-8)."
MESSAGE_UNKNOWN_ANSWER = "Aucune réponse ne porte cet identifiant (ou elle a dépassé la durée de conservation)."
MESSAGE_INVALID_JSON = "Le corps de la requête n'est pas du JSON valide."
MESSAGE_INVALID = "Requête invalide : vérifiez {fields} (le format attendu est dans /openapi.json)."
MESSAGE_FAILED = (
    "Une erreur est survenue pendant la préparation de la réponse. Réessayez ; "
    "si le problème persiste, signalez-le à l'assistance informatique."
)
SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
MODEL_QUALIFIED = "qualified"
MODEL_EXTRACTS_ONLY = "extracts_only"
MODEL_UNREACHABLE = "unreachable"


class Filters(BaseModel):
    sources: list[str] = Field(default_factory=list, description=", ".join(SOURCES))
    audiences: list[str] = Field(default_factory=list, description="particuliers, professionnels, associations")
    as_of: date | None = Field(
        None, description="AAAA-MM-JJ : seulement les articles en vigueur ce jour-là (les fiches restent)"
    )

    agreements: list[str] = Field(
        default_factory=list,
        description="IDCC des conventions collectives dont chercher les articles (source kali), par ex. 1486",
    )

    @field_validator("agreements")
    @classmethod
    def idcc_numbers(cls, values: list[str]) -> list[str]:
        """IDCC numbers, written with or without their leading zeros (`16`, `0016`)."""
        try:
            return [normalize_idcc(value) for value in values]
        except ValueError:
            raise ValueError("IDCC : un numéro d'au plus quatre chiffres") from None

    @field_validator("as_of", mode="before")
    @classmethod
    def iso_day(cls, value: Any) -> Any:
        """A day written AAAA-MM-JJ, nothing else (no timestamp, no time of day)."""
        if value is not None and not (isinstance(value, str) and ISO_DAY.fullmatch(value)):
            raise ValueError("AAAA-MM-JJ")
        return value

    def search_filters(self) -> SearchFilters:
        return SearchFilters(sources=tuple(self.sources), audiences=tuple(self.audiences), as_of=self.as_of,
                             agreements=tuple(self.agreements))


class SearchRequest(Filters):
    query: str = Field(max_length=MAX_TEXT_CHARS)
    k: int = Field(10, ge=1, le=MAX_RESULTS)


class AskRequest(Filters):
    question: str = Field(max_length=MAX_TEXT_CHARS)


class FeedbackRequest(BaseModel):
    useful: bool
    comment: str = Field("", max_length=MAX_TEXT_CHARS, description="masqué avant l'enregistrement")


def answer_payload(answer: Answer) -> dict[str, Any]:
    """`guichet ask --json`, plus the id to give feedback on."""
    return {**answer_json(answer), "answer_id": answer.audit_id}


def checked_question(text: str) -> str:
    problem = question_problem(text)
    if problem:
        raise ApiError(400, MESSAGE_EMPTY if not text.strip() else MESSAGE_NOT_UTF8, "invalid_question")
    return text


def sse(name: str, data: Any) -> str:
    return f"event: {name}\ndata: {json.dumps(data, ensure_ascii=False, default=str)}\n\n"


def event_message(event: Event, vault: Vault) -> str:
    """One pipeline event as a server-sent event; the composed answer gets the caller's values back."""
    if isinstance(event, Redacted):
        return sse("redacted", {"redacted_question": event.redacted.text, "masked": event.redacted.counts()})
    if isinstance(event, Retrieved):
        return sse("sources", {"sources": [passage_json(p) for p in event.passages]})
    if isinstance(event, Composed):
        return sse("composed", answer_payload(dataclasses.replace(event.answer, text=vault.restore(event.answer.text))))
    if isinstance(event, Token):
        return sse("token", {"text": event.text})
    if isinstance(event, Checked):
        verdicts = event.verification
        return sse("checked", {"sentences": len(verdicts.verdicts), "supported": len(verdicts.supported)})
    return sse("final", answer_payload(event.answer))


def error_body(message: str, kind: str) -> dict[str, Any]:
    """The OpenAI error shape, which its clients show as is."""
    return {"error": {"message": message, "type": kind}}


def invalid_message(error: RequestValidationError) -> str:
    problems = error.errors()
    if any(problem.get("type") == "json_invalid" for problem in problems):
        return MESSAGE_INVALID_JSON
    fields = sorted({".".join(str(part) for part in problem["loc"][1:]) or "le corps" for problem in problems})
    return MESSAGE_INVALID.format(fields=", ".join(f"« {field} »" for field in fields))


def face_of(request: Request) -> str:
    return FACE_OPENAI if request.url.path.startswith("/v1/") else FACE_API


def readiness(assistant: Assistant) -> dict[str, Any]:
    manifest = assistant.searcher.index.manifest
    documents = assistant.searcher.document_count
    return {
        "status": "ready" if documents else "not_ready",
        "index": {"build_id": manifest.build_id, "created": manifest.created, "documents": documents,
                  "corpus_versions": manifest.corpus_versions},
        "model": {"state": model_state(assistant), "model_id": assistant.drafting.model_id,
                  "detail": assistant.drafting.reason},
    }


def model_state(assistant: Assistant) -> str:
    if not assistant.drafting.drafting:
        return MODEL_EXTRACTS_ONLY
    reachable = getattr(assistant.generator, "reachable", None)
    return MODEL_QUALIFIED if reachable is not None and reachable() else MODEL_UNREACHABLE


def contained_route(metrics: Metrics) -> type[APIRoute]:
    """Routes whose unexpected failures become a French message (500), counted, with no traceback anywhere: a
    handler for `Exception` would answer but then re-raise to the server, which prints it."""

    class ContainedRoute(APIRoute):
        def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
            handler = super().get_route_handler()

            async def contained(request: Request) -> Response:
                try:
                    return await handler(request)
                except (ApiError, RequestValidationError):
                    raise
                except Exception as error:  # noqa: BLE001
                    logger.error("API request failed: %s", type(error).__name__)
                    metrics.failed(face_of(request))
                    return JSONResponse(error_body(MESSAGE_FAILED, "server_error"), 500)

            return contained

    return ContainedRoute


def build_api(assistant: Assistant, settings: Settings) -> FastAPI:
    gate = Gate(settings.api_tokens, settings.api_rate_per_minute)
    api = FastAPI(title="Guichet", version="0.1.0", docs_url="/api/docs", redoc_url=None,
                  description=__doc__)
    api.router.route_class = contained_route(assistant.metrics)

    def caller(request: Request) -> str:
        client = request.client.host if request.client else None
        return gate.caller(request.headers.get("authorization"), client)

    def limited(who: str = Depends(caller)) -> None:
        gate.admit(who)

    @api.exception_handler(ApiError)
    def refused(request: Request, error: ApiError) -> JSONResponse:
        return JSONResponse(error_body(error.message, error.kind), error.status, headers=error.headers)

    @api.exception_handler(RequestValidationError)
    def invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        return JSONResponse(error_body(invalid_message(error), "invalid_request"), 422)

    def streamed(messages: Iterable[str], face: str, closing: str) -> Iterator[str]:
        """The messages, then `closing` if all went well; a failure midway becomes an error message."""
        try:
            yield from messages
            yield closing
        except Exception as error:  # noqa: BLE001 - the caller gets a French message, never a traceback
            logger.error("API stream failed: %s", type(error).__name__)
            assistant.metrics.failed(face)
            body = error_body(MESSAGE_FAILED, "server_error")
            yield _data(body) if face == FACE_OPENAI else sse("error", body)

    @api.get("/healthz", tags=["exploitation"])
    def healthz() -> dict[str, str]:
        """The process is up."""
        return {"status": "ok"}

    @api.get("/readyz", tags=["exploitation"])
    def readyz() -> JSONResponse:
        """The index is loaded; the model drafts (qualified), is not used (extracts_only) or cannot be reached."""
        body = readiness(assistant)
        return JSONResponse(body, 200 if body["status"] == "ready" else 503)

    @api.get("/metrics", tags=["exploitation"], dependencies=[Depends(caller)])
    def metrics() -> Response:
        """Prometheus text format: counts, types and durations only."""
        content, media_type = assistant.metrics.exposition()
        return Response(content, media_type=media_type)

    @api.post("/api/search", tags=["questions"], dependencies=[Depends(limited)])
    def search(body: SearchRequest) -> JSONResponse:
        """The passages of the index for a query, as `guichet search --json`."""
        query = checked_question(body.query)
        found = assistant.search(query, body.k, body.search_filters(), face=FACE_API)
        return JSONResponse(search_json(query, *found, as_of=body.as_of))

    @api.post("/api/ask", tags=["questions"], dependencies=[Depends(limited)])
    def ask(body: AskRequest) -> JSONResponse:
        """The verified answer, as `guichet ask --json`, with its `answer_id`."""
        question = checked_question(body.question)
        return JSONResponse(answer_payload(assistant.ask(question, Session(), body.search_filters(), face=FACE_API)))

    @api.post("/api/ask/stream", tags=["questions"], dependencies=[Depends(limited)])
    def ask_stream(body: AskRequest) -> StreamingResponse:
        """Server-sent events: `redacted`, `sources`, then `composed` and `token`s when a model drafts, `checked`,
        and `final` (the verified answer, as `/api/ask`); `error` if it fails midway."""
        question = checked_question(body.question)
        session = Session()
        events = assistant.ask_stream(question, session, body.search_filters(), face=FACE_API)
        messages = (event_message(event, session.vault) for event in events)
        return StreamingResponse(streamed(messages, FACE_API, ""), media_type="text/event-stream",
                                 headers=SSE_HEADERS)

    @api.post("/api/feedback/{answer_id}", tags=["questions"], dependencies=[Depends(limited)])
    def feedback(answer_id: str, body: FeedbackRequest) -> dict[str, str]:
        """Whether an answer helped; the comment is masked before it is stored."""
        try:
            assistant.feedback_on(answer_id, body.useful, body.comment)
        except KeyError:
            raise ApiError(404, MESSAGE_UNKNOWN_ANSWER, "not_found") from None
        return {"status": "enregistré"}

    @api.get("/v1/models", tags=["OpenAI"], dependencies=[Depends(limited)])
    def models() -> dict[str, Any]:
        return {"object": "list", "data": [{"id": api_openai.MODEL_ID, "object": "model", "created": 0,
                                            "owned_by": "guichet"}]}

    @api.post("/v1/chat/completions", tags=["OpenAI"], dependencies=[Depends(limited)], response_model=None)
    def chat(body: api_openai.ChatRequest) -> JSONResponse | StreamingResponse:
        """The last user message answered from the texts (earlier ones make follow-ups standalone); the reply
        cites its sources in the text and carries `guichet ask --json` in the extra `guichet` field."""
        question, session = api_openai.question_and_session(body.messages, assistant.redactor)
        checked_question(question)
        if not body.stream:
            answer = assistant.ask(question, session, face=FACE_OPENAI)
            return JSONResponse(api_openai.completion(answer, answer_payload(answer)))
        return StreamingResponse(streamed(chat_messages(question, session), FACE_OPENAI, "data: [DONE]\n\n"),
                                 media_type="text/event-stream", headers=SSE_HEADERS)

    def chat_messages(question: str, session: Session) -> Iterator[str]:
        completion_id = api_openai.new_completion_id()
        yield _data(api_openai.opening_chunk(completion_id))
        answer = assistant.ask(question, session, face=FACE_OPENAI)
        for chunk in api_openai.content_chunks(completion_id, answer, answer_payload(answer)):
            yield _data(chunk)

    return api


def _data(payload: dict[str, Any]) -> str:
    return f"data: {json.dumps(payload, ensure_ascii=False, default=str)}\n\n"
