"""The cuts tuned to one embedding model's cosines, gathered in one profile per model: a model whose cosines sit
elsewhere needs its own cuts, found the same way (`guichet eval answers` recomputes the refusal cut on every run,
`guichet bench --ablations` the title weight, `guichet eval verify` the claim similarity)."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class EmbeddingProfile:
    model: str
    """The model's name, as the last part of its path or hub id."""
    refusal_threshold: float
    """Relevance (`assistant.refusal.relevance`: half lexical coverage, half the passage's cosine) below which the
    assistant refuses."""
    claim_similarity: float
    """Cosine between a draft's sentence and the passage sentence it rests on, below which it is not supported."""
    title_dense_weight: float
    """Added to a document's fused search score times the cosine of the query and its title's vector."""
    calibrated: bool = True
    """False for a model no cut was measured for: it borrows the default profile's."""


MULTILINGUAL_E5_SMALL = EmbeddingProfile(
    model="multilingual-e5-small",
    refusal_threshold=0.684,
    claim_similarity=0.88,
    title_dense_weight=0.6,
)
"""e5's cosines sit high (0.7–1). Refusal: `assistant.refusal.calibrate` on the full default index (81,302 chunks),
the 55 fiche questions and 60 clean agent questions against the 20 out-of-corpus questions that reach retrieval:
answerable fiche questions score 0.88–0.98, agent questions 0.59–0.97, out-of-corpus ones 0.20–0.76; the sets
overlap, so 0.684 refuses 19 of those 20 (and 6 of the 60 agent questions), the patterns of `assistant.refusal`
refusing the other out-of-corpus questions before retrieval (MiniLM's cut was 0.56). Claims: 0.88 rejects two thirds
of random sentence pairs of the same fiche and none of the sentences cut to their first two thirds, as 0.5 did with
all-MiniLM-L6-v2 (0.3 %). Title vectors: keyword hit@5 / MRR@10 0.844 / 0.664 → 0.849 / 0.685 on the full corpus,
0.864 / 0.729 → 0.873 / 0.749 on the service-public fiches."""
PROFILES = (MULTILINGUAL_E5_SMALL,)
DEFAULT_PROFILE = MULTILINGUAL_E5_SMALL


def profile_for(embedding_model: str) -> EmbeddingProfile:
    """The profile of the configured model (a path or a hub id), or the default's cuts marked uncalibrated."""
    name = Path(embedding_model.rstrip("/")).name
    for profile in PROFILES:
        if name == profile.model:
            return profile
    return dataclasses.replace(DEFAULT_PROFILE, model=name, calibrated=False)
