"""Whether a model drafts the answers: only one that has earned it on the development questions.

`guichet model check` runs the questions through the model and the verifier and writes a model card under
`GUICHET_HOME/models/cards`; the assistant drafts with a model only when its card clears the bar below. Otherwise
it answers at once from the texts: no wait for a draft that would be thrown away."""
from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from guichet.config import Settings

POLICY_ALWAYS = "always"
POLICY_NEVER = "never"

MIN_KEPT_SHARE = 0.8
"""Share of drafts that must pass verification. Below it, more than one question in five waits for a draft (seconds
to first token on a CPU) and then gets the composed answer anyway, which it could have had at once."""
MIN_QUESTIONS = 20
"""Fewer questions cannot tell 80 % from 60 % kept (the binomial standard error at n = 20 is 0.09)."""


@dataclass(frozen=True)
class ModelCard:
    model_id: str
    backend: str
    questions: int
    drafts_kept: int
    """Drafts shown as `generated`: enough of their sentences passed verification."""
    sentences_supported: float
    """Share of all drafted sentences that the verifier found supported by the cited passage (faithfulness)."""
    first_token_p50_ms: float
    total_p50_ms: float
    checked_on: str
    """ISO date of the check."""
    corpus_versions: dict[str, str]

    @property
    def kept_share(self) -> float:
        return self.drafts_kept / self.questions if self.questions else 0.0

    @property
    def qualified(self) -> bool:
        return self.questions >= MIN_QUESTIONS and self.kept_share >= MIN_KEPT_SHARE

    def to_dict(self) -> dict[str, object]:
        return {**asdict(self), "kept_share": round(self.kept_share, 3), "qualified": self.qualified,
                "min_kept_share": MIN_KEPT_SHARE, "min_questions": MIN_QUESTIONS}


@dataclass(frozen=True)
class DraftingMode:
    drafting: bool
    model_id: str
    reason: str
    """Why, in French, for the page and `guichet config`."""

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def model_key(backend: str, model_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", f"{backend}-{model_id}").strip("_")


def card_path(settings: Settings, backend: str, model_id: str) -> Path:
    return settings.home / "models" / "cards" / f"{model_key(backend, model_id)}.json"


def write_card(settings: Settings, card: ModelCard) -> Path:
    path = card_path(settings, card.backend, card.model_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".part")
    partial.write_text(json.dumps(card.to_dict(), ensure_ascii=False, indent=2), encoding="utf-8")
    partial.replace(path)
    return path


def read_card(settings: Settings, backend: str, model_id: str) -> ModelCard | None:
    path = card_path(settings, backend, model_id)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return ModelCard(**{name: data[name] for name in ModelCard.__dataclass_fields__})
    except (OSError, ValueError, KeyError, TypeError):
        return None


def drafting_mode(settings: Settings, model_id: str | None) -> DraftingMode:
    """Draft with the configured model only if its card qualifies it (or the policy says always / never)."""
    if settings.draft_policy == POLICY_NEVER or model_id is None:
        return DraftingMode(False, model_id or "", "Rédaction par un modèle désactivée par la configuration.")
    if settings.draft_policy == POLICY_ALWAYS:
        return DraftingMode(True, model_id, "Rédaction par le modèle imposée par la configuration (draft_policy).")
    card = read_card(settings, settings.llm_backend, model_id)
    if card is None:
        return DraftingMode(
            False, model_id,
            f"Le modèle {model_id} n'a pas été évalué (guichet model check).",
        )
    kept = f"{card.drafts_kept}/{card.questions} brouillons vérifiés le {card.checked_on}"
    if not card.qualified:
        return DraftingMode(
            False, model_id,
            f"Le modèle {model_id} n'est pas qualifié ({kept} ; il en faut {MIN_KEPT_SHARE:.0%} "
            f"sur au moins {MIN_QUESTIONS} questions).",
        )
    return DraftingMode(True, model_id, f"Modèle {model_id} qualifié ({kept}).")
