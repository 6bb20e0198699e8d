"""`guichet eval verify`: planted drafts through the verifier, per error class — wrong drafts caught, faithful
drafts kept — on the development half and on the held-out half (other documents) of the set."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.draft_check import inline_passage
from assistant.verify import Resemblance, Verification, verify
from eval.datasets import load_rows
from indexing.model import Passage

FAITHFUL = "faithful"
WRONG = "wrong"


@dataclass(frozen=True)
class PlantedDraft:
    id: str
    split: str
    """`dev` (rules examined against it), `heldout` (documents never looked at while writing the rules), or a
    blind split (`blind`, `blind2`… `blind13`: written blind to the verifier's rules and scored once)."""
    label: str
    """`faithful` or `wrong`."""
    kind: str
    """The error class of a wrong draft (`number_changed`, `role_swap`…), `verbatim` or `paraphrase`."""
    question: str
    draft: str
    passages: tuple[Passage, ...]


def load_drafts(path: Path) -> list[PlantedDraft]:
    return [
        PlantedDraft(row.id, row.extra.get("split", "dev"), row.extra["label"], row.extra["class"], row.text,
                     row.extra["draft"], tuple(inline_passage(p, n) for n, p in enumerate(row.extra["passages"], 1)))
        for row in load_rows(path)
    ]


def passed(draft: PlantedDraft, verification: Verification) -> bool:
    """A wrong draft is caught when none of it reaches the agent (`Verification.acceptable`: the pipeline answers
    from the texts instead); a faithful one is kept whole."""
    if draft.label == WRONG:
        return not verification.acceptable
    return len(verification.supported) == len(verification.verdicts)


def _rate(hits: int, n: int) -> float | None:
    return round(hits / n, 4) if n else None


def score(results: Iterable[tuple[PlantedDraft, Verification]]) -> dict[str, Any]:
    """Per split: wrong drafts caught (none of them shown) and shown whole (all passed: what an agent
    would read unchanged), faithful drafts kept whole and shown (whole or without the sentences that failed),
    overall and per class, and the failures."""
    by_split: dict[str, dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
    shown_whole: Counter[str] = Counter()
    faithful_shown: Counter[str] = Counter()
    failures: list[dict[str, Any]] = []
    for draft, verification in results:
        ok = passed(draft, verification)
        shown_whole[draft.split] += draft.label == WRONG and len(verification.supported) == len(verification.verdicts)
        faithful_shown[draft.split] += draft.label == FAITHFUL and verification.acceptable
        by_split[draft.split][f"{draft.label}:{draft.kind}"].append(ok)
        if not ok:
            failures.append({
                "id": draft.id, "split": draft.split, "label": draft.label, "class": draft.kind,
                "draft": draft.draft,
                "reasons": [f"{v.reason}{f' ({v.detail})' if v.detail else ''}" for v in verification.verdicts],
            })
    splits = {}
    for split, groups in sorted(by_split.items()):
        wrong = [ok for key, oks in groups.items() if key.startswith(WRONG) for ok in oks]
        faithful = [ok for key, oks in groups.items() if key.startswith(FAITHFUL) for ok in oks]
        splits[split] = {
            "wrong": len(wrong),
            "wrong_caught_ratio": _rate(sum(wrong), len(wrong)),
            "wrong_shown_whole": shown_whole[split],
            "faithful": len(faithful),
            "faithful_kept_ratio": _rate(sum(faithful), len(faithful)),
            "faithful_shown_ratio": _rate(faithful_shown[split], len(faithful)),
            "by_class": {
                key.split(":", 1)[1]: {"label": key.split(":", 1)[0], "n": len(oks), "passed": sum(oks),
                                       "ratio": _rate(sum(oks), len(oks))}
                for key, oks in sorted(groups.items())
            },
        }
    return {"splits": splits, "failures": failures}


def evaluate_verifier(
    paths: Sequence[Path], resemblance: Resemblance | None, limit: int | None = None
) -> dict[str, Any]:
    """The planted drafts of the files (the first `limit` of each), scored together by split."""
    drafts = [draft for path in paths for draft in load_drafts(path)[:limit]]
    return {"n": len(drafts), **score((d, verify(d.draft, list(d.passages), resemblance, d.question)) for d in drafts)}
