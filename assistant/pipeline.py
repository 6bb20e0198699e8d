"""The question-to-answer pipeline the faces call: redact, retrieve, refuse or draft, verify, fall back, audit."""
from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assistant.agreements import named_agreements
from assistant.anchors import PATH_SEPARATOR
from assistant.compose import PASSAGES_CONSIDERED, Composition, Encode, Section, compose
from assistant.conversation import Turn, rewrite
from assistant.dates import as_of_notice
from assistant.drafting import DraftingMode, drafting_mode
from assistant.grammar import parse
from assistant.intake import cut_notice, keep_end, without_masked_values, without_records
from assistant.key_terms import a_detail_of_the_story, rare_count, unattested_complements, unheld_rare_terms
from assistant.llm import GenerationError, Generator, ModelBusy, make_generator
from assistant.metrics import FACE_CLI, Metrics
from assistant.model import (
    MODE_EXTRACTIVE,
    MODE_GENERATED,
    MODE_REFUSED,
    Answer,
    Citation,
)
from assistant.prompt import build_messages
from assistant.refusal import (
    NOTICE,
    REASON_INJECTION,
    REASON_NO_QUESTION,
    REASON_NO_WORDS,
    REASON_NOT_FOUND,
    REASON_UNKNOWN_TERMS,
    detect_injection,
    refusal_reason,
    refusal_text,
)
from assistant.verify import Verification, best_quote, hopeless, resemblance_of, verify
from assistant.workplace import named_trade
from corpus.model import SOURCE_LEGIFRANCE, SOURCE_TRAVAIL_EMPLOI
from guichet.config import Settings
from indexing.model import Chunk, Passage, SearchFilters
from indexing.query import in_the_texts_sense
from indexing.regime import PRIVATE_AUDIENCE, PUBLIC_AUDIENCE, PUBLIC_SERVICE, audience
from redaction.engine import Redactor, Vault
from redaction.model import RedactedText

if TYPE_CHECKING:
    from indexing.search import Searcher
    from redaction.audit import AuditLog

HISTORY_TURNS = 10
LABOUR_SOURCES = frozenset({SOURCE_LEGIFRANCE, SOURCE_TRAVAIL_EMPLOI})
"""Sources of an answer on which a collective agreement may provide better."""
LABOUR_HEADING = "Travail"
"""Service-Public.fr's part on work (« Accueil particuliers > Travail > … »): its fiches are labour law too."""
WARM_UP_QUESTION = "Quel est le montant de l'indemnité de fin de contrat d'un CDD ?"
PROMPT_UNITS = 6
"""Composed units of each passage given to a drafting model, the best first."""

NOTICE_UNREACHABLE = "Le modèle n'est pas joignable, voici les extraits des sources officielles."
NOTICE_TIMEOUT = "Le modèle a mis trop de temps à répondre, voici les extraits des sources officielles."
NOTICE_BUSY = "Le modèle est occupé par d'autres demandes : voici les extraits des sources officielles."
NOTICE_UNVERIFIED = (
    "Le brouillon du modèle n'a pas passé la vérification des citations : "
    "voici la réponse composée d'extraits des sources officielles."
)
NOTICE_TRIMMED = "{count} phrase(s) du brouillon sans appui dans les sources ont été retirées."
NOTICE_GENERAL_RULE = (
    "Réponse selon la règle générale (secteur privé) : les fiches propres à la fonction publique viennent après. "
    "Pour un agent public, précisez-le dans la question (« fonctionnaire », « agent public »)."
)

NOTICE_AGREEMENT_UNNAMED = (
    "Réponse selon la règle générale (Code du travail, fiches officielles) : la convention collective du salarié "
    "peut prévoir mieux (durées, primes, préavis…). Nommez-la dans la question (« convention Syntec », "
    "« IDCC 1486 » : le numéro figure sur le bulletin de paie) pour chercher aussi dans son texte."
)
"""When the collective agreements are indexed but the question names none: the agreements' articles are left out."""
NOTICE_AGREEMENT = (
    "La question nomme un métier ou un secteur : pour un salarié, la convention collective de ce secteur peut "
    "prévoir mieux que les textes cités (durées, primes, préavis…). Les conventions collectives ne font pas partie "
    "des textes consultés : vérifiez celle qui s'applique (son numéro IDCC figure sur le bulletin de paie)."
)


NOTICE_OTHER_AUDIENCE = {
    PUBLIC_AUDIENCE: (
        "Attention : la question porte sur la fonction publique, mais les textes trouvés sont ceux du secteur privé "
        "(Code du travail) ; ils ne s'appliquent pas tels quels aux agents publics. Aucune fiche propre à la fonction "
        "publique n'est venue en tête : précisez la situation (« contractuel de la fonction publique », "
        "« fonctionnaire titulaire ») ou consultez les fiches « Fonction publique » de Service-Public.fr."
    ),
    PRIVATE_AUDIENCE: (
        "Attention : la question porte sur le secteur privé, mais les textes trouvés sont ceux de la fonction "
        "publique ; ils ne s'appliquent pas aux salariés du privé. Précisez la situation dans la question."
    ),
}


def _add_notice(answer: Answer, notice: str, first: bool = False) -> None:
    parts = (notice, answer.notice) if first else (answer.notice, notice)
    answer.notice = " ".join(filter(None, parts))


@dataclass
class Session:
    """One agent's conversation: lives in memory only (gr.State, one CLI run), never persisted."""

    vault: Vault = field(default_factory=Vault)
    history: list[Turn] = field(default_factory=list)
    """Redacted standalone questions and redacted answers only."""


@dataclass(frozen=True)
class Redacted:
    redacted: RedactedText


@dataclass(frozen=True)
class Retrieved:
    passages: list[Passage]


@dataclass(frozen=True)
class Composed:
    answer: Answer
    """The answer composed from the texts, shown at once; final unless a qualified model is drafting."""


@dataclass(frozen=True)
class Token:
    text: str
    """A streamed draft token, in redacted form (unverified)."""


@dataclass(frozen=True)
class Checked:
    verification: Verification
    """The verifier's verdict on each sentence of a finished draft."""


@dataclass(frozen=True)
class Final:
    answer: Answer
    """The verified answer, placeholders restored for display."""


Event = Redacted | Retrieved | Composed | Token | Checked | Final


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 1)


@dataclass
class _Draft:
    origin: float
    """When the question arrived (`time.perf_counter()`): time to first token counts from there."""
    text: str = ""
    first_token_ms: float | None = None
    generation_ms: float = 0.0
    failure: str = ""
    """A French notice when the backend failed; empty otherwise."""


def _body(chunk_text: str) -> str:
    """A chunk's text without the `title — headings` line that indexing puts first."""
    return chunk_text.partition("\n")[2]


def _sections(chunks: list[Chunk]) -> list[Section]:
    """A document's chunks as composition reads them."""
    return [Section(chunk.heading_path, _body(chunk.text), chunk.id) for chunk in chunks]


def _composed(
    question: str,
    standalone: str,
    passages: list[Passage],
    composition: Composition,
    sections: dict[str, list[Section]],
) -> Answer:
    """The composed answer; each cited source shows the sections its quotes come from."""
    shown = list(passages)
    for n in {unit.n for unit in composition.chosen}:
        passage = passages[n - 1]
        used = [sections[passage.doc_id][i] for i in sorted({u.section for u in composition.chosen if u.n == n})]
        shown[n - 1] = dataclasses.replace(
            passage, chunk_id=used[0].chunk_id, heading_path=used[0].heading_path,
            text="\n".join(section.text for section in used),
        )
    return Answer(
        question=question,
        mode=MODE_EXTRACTIVE,
        text=composition.text,
        citations=composition.citations,
        passages=shown,
        redacted_question=standalone,
        cases=composition.cases,
        extract=composition.extract,
    )


def _naming_words(text: str) -> frozenset[str]:
    return parse(text).naming


def _prompt_passages(passages: list[Passage], composition: Composition) -> list[Passage]:
    """What a drafting model reads of each passage, and what its draft is verified against: the passage's best
    composed units first, each under the headings of its case when they are not the previous unit's, then the rest
    of the chunk the search chose (the prompt cuts each source short), under the chunk's own headings. The model
    reads which case a sentence states, and the verifier never joins two cases' sentences into one anchor: « 12
    mois » for the délégué syndical followed by « 6 mois » for the conseiller prud'homal would support « 6 mois »
    for the délégué."""
    prompt = []
    for n, passage in enumerate(passages, start=1):
        units = [scored.unit for scored in composition.ranked if scored.unit.n == n][:PROMPT_UNITS]
        lines: list[str] = []
        case: tuple[str, ...] = ()
        for unit in units:
            if unit.case_path != case and unit.case_path:
                lines.append(PATH_SEPARATOR.join(unit.case_path))
            case = unit.case_path
            lines.append(unit.text)
        texts = {unit.text for unit in units}
        body = [line for line in _body(passage.text).split("\n") if line.strip() and line not in texts]
        if body and case != passage.heading_path and passage.heading_path and PATH_SEPARATOR not in body[0]:
            lines.append(PATH_SEPARATOR.join(passage.heading_path))
        prompt.append(dataclasses.replace(passage, text="\n".join(lines + body)))
    return prompt


class Assistant:
    def __init__(
        self,
        settings: Settings,
        searcher: Searcher,
        redactor: Redactor,
        generator: Generator | None,
        audit: AuditLog | None,
    ) -> None:
        self.settings = settings
        self.searcher = searcher
        self.redactor = redactor
        self.generator = generator
        self.audit = audit
        self.drafting: DraftingMode = drafting_mode(settings, generator.model_id if generator else None)
        self.metrics = Metrics()
        manifest = searcher.index.manifest
        self.metrics.describe_index(manifest.created, searcher.document_count, manifest.corpus_versions)
        self.metrics.describe_model(getattr(generator, "slots", 0), lambda: getattr(generator, "busy", 0))

    @classmethod
    def from_settings(cls, settings: Settings, load_generator: bool = True) -> Assistant:
        """Audit log (first: no model is loaded for a home where nothing could be recorded), index, embedder and
        redactor loaded once; the LLM itself loads on first generation."""
        from indexing.embeddings import Embedder
        from indexing.index import Index
        from indexing.search import Searcher
        from redaction.audit import AuditLog

        audit = AuditLog(settings.audit_db, settings.audit_retention_days)
        searcher = Searcher(Index.open(settings), Embedder(settings), settings)
        generator = make_generator(settings) if load_generator else None
        return cls(settings, searcher, Redactor.from_settings(settings), generator, audit)

    def warm_up(self) -> None:
        """Answers a fixed question once, unrecorded and without a model, and parses it, so that the first agent's
        question does not pay for loading the taggers and the embedding kernels (seconds on a CPU): the parser that
        checks a question's key terms is only reached by some questions."""
        Assistant(self.settings, self.searcher, self.redactor, None, None).ask(WARM_UP_QUESTION)
        parse(WARM_UP_QUESTION)

    def search(
        self, query: str, k: int = 10, filters: SearchFilters | None = None, face: str = FACE_CLI
    ) -> tuple[list[Passage], dict[str, float]]:
        """Passages for a query, redacted first; timings in milliseconds."""
        started = time.perf_counter()
        redacted = self.redactor.redact(keep_end(query))
        redaction_ms = _ms(started)
        clock = time.perf_counter()
        asked = without_masked_values(redacted.text)
        passages = self.searcher.search(asked, k, self._with_agreements(asked, filters)) if asked else []
        self.metrics.searched(face, redacted.counts())
        return passages, {"redaction_ms": redaction_ms, "retrieval_ms": _ms(clock), "total_ms": _ms(started)}

    def ask(
        self,
        question: str,
        session: Session | None = None,
        filters: SearchFilters | None = None,
        face: str = FACE_CLI,
    ) -> Answer:
        for event in self.ask_stream(question, session, filters, face):
            if isinstance(event, Final):
                return event.answer
        raise RuntimeError("ask_stream ended without an answer")

    def ask_stream(
        self,
        question: str,
        session: Session | None = None,
        filters: SearchFilters | None = None,
        face: str = FACE_CLI,
    ) -> Iterator[Event]:
        session = session or Session()
        started = time.perf_counter()
        timings: dict[str, float] = {}
        pasted = len(question)
        question = keep_end(question)
        redacted = self.redactor.redact(question, session.vault)
        timings["redaction_ms"] = _ms(started)
        yield Redacted(redacted)
        standalone = rewrite(without_records(redacted.text), session.history)
        read = in_the_texts_sense(standalone)
        asked = without_masked_values(read)
        injection = detect_injection(question) or detect_injection(standalone)
        unasked = REASON_NO_QUESTION if redacted.entities else REASON_NO_WORDS
        refused_unsearched = REASON_INJECTION if injection else "" if asked else unasked
        if refused_unsearched:
            yield Retrieved([])
            answer = self._refusal(question, standalone, refused_unsearched, [])
        else:
            clock = time.perf_counter()
            filters = self._with_agreements(asked, filters)
            passages = self.searcher.search(asked, self.settings.top_k, filters)
            timings["retrieval_ms"] = _ms(clock)
            yield Retrieved(passages)
            reason = refusal_reason(read, passages, self.settings)
            composition = None
            if not reason:
                clock = time.perf_counter()
                sections = {p.doc_id: _sections(self.searcher.document_chunks(p.doc_id))
                            for p in passages[:PASSAGES_CONSIDERED]}
                if self._names_unknown_terms(read, passages, sections):
                    reason = REASON_UNKNOWN_TERMS
                else:
                    composition = compose(asked, passages, lambda p: sections[p.doc_id], self._encode())
                    reason = None if composition.text else REASON_NOT_FOUND
                timings["composition_ms"] = _ms(clock)
            if reason or composition is None:
                answer = self._refusal(question, standalone, reason or REASON_NOT_FOUND, passages)
            else:
                composed = _composed(question, standalone, passages, composition, sections)
                if self.drafting.drafting:
                    yield Composed(dataclasses.replace(composed, timings={**timings, "total_ms": _ms(started)}))
                    answer = yield from self._drafted(standalone, session.vault, passages, composition, composed,
                                                      started, timings)
                else:
                    answer = composed
                if any(PUBLIC_SERVICE in passage.scores for passage in passages):
                    _add_notice(answer, NOTICE_GENERAL_RULE)
                if self._other_audience_only(asked, passages):
                    _add_notice(answer, NOTICE_OTHER_AUDIENCE[audience(asked)], first=True)
                notice = self._agreement_notice(asked, filters, passages)
                if notice:
                    _add_notice(answer, notice)
            if filters is not None:
                self._say_as_of(answer, asked, filters)
        if pasted > len(question):
            _add_notice(answer, cut_notice(len(question)), first=True)
        answer.timings = {**timings, **answer.timings, "total_ms": _ms(started)}
        redacted_answer = answer.text
        if not self.settings.redact_for_llm:
            redacted_answer = self.redactor.redact(answer.text, session.vault).text
        answer.text = session.vault.restore(answer.text)
        answer.audit_id = self._record(redacted, answer, redacted_answer)
        self.metrics.answered(face, answer, redacted.counts())
        session.history.append(Turn(standalone, redacted_answer, answer.mode))
        del session.history[:-HISTORY_TURNS]
        yield Final(answer)

    def feedback(self, answer: Answer, useful: bool, comment: str = "") -> None:
        """Record whether an answer helped; the comment is redacted before it is stored."""
        self.feedback_on(answer.audit_id, useful, comment)

    def feedback_on(self, answer_id: str, useful: bool, comment: str = "") -> None:
        """`feedback` by the answer's audit id; `KeyError` when the audit log holds no such answer."""
        if self.audit is None or not answer_id:
            return
        self.audit.record_feedback(answer_id, useful, self.redactor.redact(comment))

    def _say_as_of(self, answer: Answer, question: str, filters: SearchFilters) -> None:
        """An answer at a date says so, and names the articles found that were not in force then."""
        if filters.as_of is None:
            return
        answer.as_of = filters.as_of
        answer.set_aside = self.searcher.set_aside(question, self.settings.top_k, filters)
        _add_notice(answer, as_of_notice(filters.as_of, answer.set_aside), first=True)

    def _with_agreements(self, question: str, filters: SearchFilters | None) -> SearchFilters | None:
        """The filters with the agreements the question names (« IDCC 1486 », « convention Syntec »), when the
        collective agreements are indexed and the filters name none."""
        if not self.searcher.agreements or (filters and filters.agreements):
            return filters
        named = named_agreements(question, self.searcher.agreements)
        return dataclasses.replace(filters or SearchFilters(), agreements=named) if named else filters

    def _agreement_notice(self, question: str, filters: SearchFilters | None, passages: list[Passage]) -> str:
        """Without the agreements indexed, a named trade points to its agreement; with them, a labour-law answer to a
        question that names no agreement says that the agreement may provide better."""
        if not self.searcher.agreements:
            trade = named_trade(question, self.searcher.document_frequency, rare_count(self.searcher.document_count))
            return NOTICE_AGREEMENT if trade else ""
        if filters and filters.agreements:
            return ""
        labour = any(p.source in LABOUR_SOURCES or LABOUR_HEADING in self.searcher.breadcrumb(p.doc_id)
                     for p in passages)
        return NOTICE_AGREEMENT_UNNAMED if labour else ""

    def _other_audience_only(self, question: str, passages: list[Passage]) -> bool:
        """Whether the question names the public service or the private sector and none of the documents the answer
        is composed from is written for that side."""
        asked = audience(question)
        if not asked:
            return False
        public = [self.searcher.is_public_service(p.doc_id) for p in passages[:PASSAGES_CONSIDERED]]
        return bool(public) and (not any(public) if asked == PUBLIC_AUDIENCE else all(public))

    def _names_unknown_terms(
        self, question: str, passages: list[Passage], sections: dict[str, list[Section]]
    ) -> bool:
        texts = [" ".join([p.title, *(s.text for s in sections[p.doc_id])]) for p in passages[:PASSAGES_CONSIDERED]]
        unknown = [
            *unheld_rare_terms(question, texts, self.searcher.document_frequency, self.searcher.document_count,
                               _naming_words),
            *unattested_complements(question, texts, self.searcher.passage_association,
                                    lambda text: parse(text).complements),
        ]
        return bool(unknown) and not a_detail_of_the_story(question, unknown, _naming_words)

    def _encode(self) -> Encode | None:
        embedder = self.searcher.embedder
        if embedder is None:
            return None
        return lambda texts, query: embedder.encode(list(texts), query=query)

    def _drafted(
        self,
        standalone: str,
        vault: Vault,
        retrieved: list[Passage],
        composition: Composition,
        composed: Answer,
        started: float,
        timings: dict[str, float],
    ) -> Iterator[Event]:
        """A qualified model drafts from the composed answer's best units; what passes verification is shown,
        otherwise the composed answer stands."""
        prompt_passages = _prompt_passages(retrieved[: self.settings.prompt_passages], composition)
        draft = _Draft(origin=started)
        for token in self._generate(standalone, vault, prompt_passages, draft):
            yield Token(token)
        timings["generation_ms"] = draft.generation_ms
        if draft.first_token_ms is not None:
            timings["first_token_ms"] = draft.first_token_ms
        model_id = self.drafting.model_id
        if not draft.failure:
            embedder = self.searcher.embedder
            resemblance = resemblance_of(embedder) if embedder is not None else None
            verification = verify(draft.text, prompt_passages, resemblance, standalone)
            yield Checked(verification)
            if verification.acceptable:
                return self._generated(composed, prompt_passages, verification, model_id)
        return dataclasses.replace(composed, notice=draft.failure or NOTICE_UNVERIFIED, model_id=model_id)

    def _generate(self, standalone: str, vault: Vault, passages: list[Passage], draft: _Draft) -> Iterator[str]:
        """Stream the draft tokens into `draft`; a backend failure is recorded there, never raised."""
        if self.generator is None:
            draft.failure = NOTICE_UNREACHABLE
            return
        question = standalone if self.settings.redact_for_llm else vault.restore(standalone)
        messages = build_messages(question, passages)
        started = time.perf_counter()
        pieces: list[str] = []
        stream = self.generator.stream(messages, self.settings.max_tokens)
        try:
            for token in stream:
                if draft.first_token_ms is None:
                    draft.first_token_ms = _ms(draft.origin)
                pieces.append(token)
                yield token
                if time.perf_counter() - started > self.settings.llm_timeout_s:
                    draft.failure = NOTICE_TIMEOUT
                    break
                if any(mark in token for mark in ".!?\n") and hopeless("".join(pieces), passages, standalone):
                    break
        except ModelBusy:
            draft.failure = NOTICE_BUSY
        except GenerationError:
            draft.failure = NOTICE_UNREACHABLE
        finally:
            close = getattr(stream, "close", None)
            if close is not None:
                close()
        draft.generation_ms = _ms(started)
        draft.text = "".join(pieces)

    def _generated(
        self, composed: Answer, passages: list[Passage], verification: Verification, model_id: str
    ) -> Answer:
        quotes: dict[int, list[str]] = {}
        for verdict in verification.supported:
            quote = best_quote(verdict.sentence, passages[verdict.support - 1])
            if quote not in quotes.setdefault(verdict.support, []):
                quotes[verdict.support].append(quote)
        citations = [
            Citation(n, passages[n - 1].doc_id, passages[n - 1].title, passages[n - 1].url, " ".join(quotes[n]))
            for n in sorted(quotes)
        ]
        removed = len(verification.verdicts) - len(verification.supported)
        return dataclasses.replace(
            composed,
            mode=MODE_GENERATED,
            text=verification.text(),
            citations=citations,
            passages=[*passages, *composed.passages[len(passages):]],
            notice=NOTICE_TRIMMED.format(count=removed) if removed else "",
            model_id=model_id,
        )

    def _refusal(self, question: str, standalone: str, reason: str, passages: list[Passage]) -> Answer:
        return Answer(
            question=question,
            mode=MODE_REFUSED,
            text=refusal_text(reason, passages),
            passages=passages,
            redacted_question=standalone,
            notice=NOTICE[reason],
            reason=reason,
        )

    def _record(self, redacted: RedactedText, answer: Answer, redacted_answer: str) -> str:
        if self.audit is None:
            return ""
        return self.audit.record_question(
            question=RedactedText(answer.redacted_question, redacted.entities),
            answer=RedactedText(redacted_answer, ()),
            doc_ids=[p.doc_id for p in answer.passages],
            mode=answer.mode,
            latencies_ms=answer.timings,
        )
