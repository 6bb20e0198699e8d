"""`guichet model check`: the development questions through a model and the verifier, summed up in a model card."""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from datetime import date

from tqdm import tqdm

from assistant.drafting import POLICY_ALWAYS, ModelCard
from assistant.model import MODE_GENERATED
from assistant.pipeline import Assistant, Checked, Final
from eval.metrics import percentile


def _median(values: Sequence[float]) -> float:
    return percentile(values, 50) if values else 0.0


def check_model(assistant: Assistant, questions: Iterable[str], progress: bool = True) -> ModelCard:
    """Ask each question with drafting forced on; count the drafts kept and the drafted sentences supported."""
    settings = dataclasses.replace(assistant.settings, draft_policy=POLICY_ALWAYS)
    drafting = Assistant(settings, assistant.searcher, assistant.redactor, assistant.generator, None)
    asked = kept = supported = drafted = 0
    first_tokens: list[float] = []
    totals: list[float] = []
    for question in tqdm(list(questions), desc="model check", unit="q", disable=not progress):
        answer = None
        for event in drafting.ask_stream(question):
            if isinstance(event, Checked):
                drafted += len(event.verification.verdicts)
                supported += len(event.verification.supported)
            elif isinstance(event, Final):
                answer = event.answer
        if answer is None or answer.refused:
            continue
        asked += 1
        kept += answer.mode == MODE_GENERATED
        totals.append(answer.timings.get("total_ms", 0.0))
        if "first_token_ms" in answer.timings:
            first_tokens.append(answer.timings["first_token_ms"])
    return ModelCard(
        model_id=drafting.drafting.model_id,
        backend=settings.llm_backend,
        questions=asked,
        drafts_kept=kept,
        sentences_supported=round(supported / drafted, 3) if drafted else 0.0,
        first_token_p50_ms=round(_median(first_tokens), 1),
        total_p50_ms=round(_median(totals), 1),
        checked_on=date.today().isoformat(),
        corpus_versions=dict(assistant.searcher.index.manifest.corpus_versions),
    )
