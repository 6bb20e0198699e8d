"""Prometheus metrics of one assistant, the same for every face: counts, types and durations, never any text.

Every label takes its values from a closed set (faces, answer modes, refusal reasons, entity types, stages), so
no question, answer or value of personal data can reach a label. prometheus-client is used here only."""
from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from datetime import datetime

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest

from assistant.model import Answer

FACE_CLI = "cli"
FACE_PAGE = "page"
FACE_API = "api"
FACE_OPENAI = "openai"
FACES = (FACE_CLI, FACE_PAGE, FACE_API, FACE_OPENAI)
MODE_SEARCH = "search"
STAGES = ("redaction", "retrieval", "composition", "first_token", "generation", "total")
SECONDS_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0)


class Metrics:
    """One registry per assistant: a second assistant (the warm-up, a test) counts apart."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "guichet_requests", "Questions answered and searches, by face and answer mode.",
            ["face", "mode"], registry=self.registry,
        )
        self.refusals = Counter(
            "guichet_refusals", "Refused questions, by reason.", ["reason"], registry=self.registry,
        )
        self.failures = Counter(
            "guichet_failures", "Requests that ended in an error message, by face.", ["face"], registry=self.registry,
        )
        self.masked = Counter(
            "guichet_masked_entities", "Personal data masked in questions, by type (counts only).",
            ["type"], registry=self.registry,
        )
        self.stage_seconds = Histogram(
            "guichet_stage_seconds", "Duration of each stage of an answer.", ["stage"],
            buckets=SECONDS_BUCKETS, registry=self.registry,
        )
        self.model_slots = Gauge(
            "guichet_model_slots", "Generations the model takes at once.", registry=self.registry,
        )
        self.model_slots_busy = Gauge(
            "guichet_model_slots_busy", "Generations running now.", registry=self.registry,
        )
        self.index_age = Gauge(
            "guichet_index_age_seconds", "Age of the index in service.", registry=self.registry,
        )
        self.index_documents = Gauge(
            "guichet_index_documents", "Documents of the index in service.", registry=self.registry,
        )
        self.corpus_version = Gauge(
            "guichet_corpus_version_info", "Corpus packages of the index in service (value 1).",
            ["package", "version"], registry=self.registry,
        )

    def describe_index(self, created: str, documents: int, corpus_versions: Mapping[str, str]) -> None:
        built = datetime.fromisoformat(created).timestamp()
        self.index_age.set_function(lambda: time.time() - built)
        self.index_documents.set(documents)
        for package, version in corpus_versions.items():
            self.corpus_version.labels(package=package, version=version).set(1)

    def describe_model(self, slots: int, busy: Callable[[], float]) -> None:
        self.model_slots.set(slots)
        self.model_slots_busy.set_function(busy)

    def answered(self, face: str, answer: Answer, masked: Mapping[str, int]) -> None:
        self.requests.labels(face=_face(face), mode=answer.mode).inc()
        if answer.refused and answer.reason:
            self.refusals.labels(reason=answer.reason).inc()
        self._count_masked(masked)
        for name, milliseconds in answer.timings.items():
            stage = name.removesuffix("_ms")
            if stage in STAGES:
                self.stage_seconds.labels(stage=stage).observe(milliseconds / 1000)

    def searched(self, face: str, masked: Mapping[str, int]) -> None:
        self.requests.labels(face=_face(face), mode=MODE_SEARCH).inc()
        self._count_masked(masked)

    def failed(self, face: str) -> None:
        self.failures.labels(face=_face(face)).inc()

    def exposition(self) -> tuple[bytes, str]:
        """The text format a Prometheus server scrapes, and its content type."""
        return generate_latest(self.registry), CONTENT_TYPE_LATEST

    def _count_masked(self, masked: Mapping[str, int]) -> None:
        for entity_type, count in masked.items():
            self.masked.labels(type=entity_type).inc(count)


def _face(face: str) -> str:
    if face not in FACES:
        raise ValueError(f"unknown face {face!r}: expected one of {', '.join(FACES)}")
    return face
