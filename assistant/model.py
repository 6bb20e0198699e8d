"""The answer handed to the faces (CLI, UI) and to the audit log."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from indexing.model import Passage, SetAside

MODE_GENERATED = "generated"
MODE_EXTRACTIVE = "extractive"
MODE_REFUSED = "refused"


@dataclass(frozen=True)
class Citation:
    n: int
    doc_id: str
    title: str
    url: str
    quote: str
    heading_path: tuple[str, ...] = ()
    """The headings above the quote in its document, the case it holds for (« À partir de 18 ans › En Métropole »);
    empty when the quote is not placed (a model's draft, quoted from its passage, is placed by that passage)."""


def placed(title: str, heading_path: Iterable[str]) -> str:
    """A source as the faces name it: its title, then the headings its quote sits under (« Combien coûte un
    passeport ? › À partir de 18 ans › En Métropole »)."""
    return " › ".join((title, *heading_path))


@dataclass
class Answer:
    question: str
    mode: str
    text: str
    citations: list[Citation] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    redacted_question: str = ""
    notice: str = ""
    """Why the answer is what it is (refusal reason, backend error), in French, never with user text."""
    audit_id: str = ""
    """The audit log record of this answer, for `Assistant.feedback`; empty when no audit log is kept."""
    model_id: str = ""
    """The generation model that drafted the answer (empty when no draft was asked)."""
    cases: tuple[str, ...] = ()
    """The situations the main source distinguishes that the question does not settle."""
    extract: str = ""
    """A longer cited extract of the sources, for the agent who wants more than the answer."""
    reason: str = ""
    """Why the question was refused: one of `assistant.refusal`'s `REASON_*` (empty unless refused)."""
    as_of: date | None = None
    """The day the answer is given for (its texts in force then), when the agent asked for one."""
    set_aside: list[SetAside] = field(default_factory=list)
    """Articles found for the question but not in force on `as_of` (their version then is not in the index)."""

    @property
    def refused(self) -> bool:
        return self.mode == MODE_REFUSED
