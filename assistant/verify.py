"""Citation verification: every sentence of a draft must cite a given passage that supports it."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from indexing.model import Passage
from indexing.text import analyze, fold

Similarity = Callable[[str, str], float]
"""Semantic similarity of two texts in [-1, 1] (cosine of their embeddings)."""

CITATION = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")
NUMBER = re.compile(r"\d+(?:[\s\u00a0\u202f.]\d{3})*(?:,\d+)?")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý«\"(\d•-])|\s*\n+\s*")
MARKERS_AFTER_STOP = re.compile(r"([.!?])((?:\s*\[\d+(?:\s*[,;]\s*\d+)*\])+)")

MIN_OVERLAP = 0.5
"""Share of a sentence's content words that the cited passage must contain."""
EARLY_STOP_SENTENCES = 2
"""A draft whose first sentences are all unsupported is abandoned before it is finished."""
MIN_SIMILARITY = 0.88
"""Cosine between a sentence and the passage sentence it rests on, below which it is not supported. For
multilingual-e5-small, whose cosines sit high: 0.88 rejects two thirds of random sentence pairs of the same fiche
and none of the sentences cut to their first two thirds, as 0.5 did with all-MiniLM-L6-v2 (0.3 %). Another
embedding model needs its own cut, found the same way."""
NEGATION = re.compile(
    r"\bn(?:e\s+|')(?:[\w-]+\s+){0,3}?(?:pas|plus|jamais|rien|aucun|aucune|guere|point|nullement)\b"
    r"|\b(?:aucun|aucune|jamais|interdit|interdite|interdits|interdites|nullement)\b"
)
MIN_SUPPORTED_SHARE = 0.5
"""Share of a draft's sentences that must survive for the draft to be shown as `generated`."""


def content_words(text: str) -> list[str]:
    """The stemmed, accent-folded words that carry meaning (stop words, numbers and `[n]` markers dropped)."""
    return [term for term in analyze(strip_citations(text)) if len(term) > 1 and not term.isdigit()]


def numbers(text: str) -> set[str]:
    """Numbers written in the text, normalised (`1 500` -> `1500`, `2,5` -> `2.5`)."""
    found = set()
    for match in NUMBER.finditer(strip_citations(text)):
        raw = re.sub(r"[\s\u00a0\u202f.]", "", match.group()).replace(",", ".")
        found.add(raw.lstrip("0") or "0")
    return found


def strip_citations(text: str) -> str:
    return CITATION.sub("", text)


def _without_markers(sentence: str) -> str:
    """`… brute totale [1].` becomes `… brute totale.`"""
    return re.sub(r"\s+([.,])", r"\1", strip_citations(sentence)).strip()


def cited_numbers(sentence: str) -> list[int]:
    return [int(n) for group in CITATION.findall(sentence) for n in re.split(r"\s*[,;]\s*", group)]


def split_sentences(text: str) -> list[str]:
    """Sentences, each keeping the `[n]` markers that close it (`… contrat. [1]` becomes `… contrat [1].`)."""
    text = MARKERS_AFTER_STOP.sub(lambda m: f" {m.group(2).strip()}{m.group(1)}", text.strip())
    return [part.strip() for part in SENTENCE_END.split(text) if part.strip()]


@dataclass(frozen=True)
class SentenceVerdict:
    sentence: str
    cited: tuple[int, ...]
    supported: bool
    reason: str
    """`ok`, `no_citation`, `unknown_source`, `missing_number`, `low_overlap`, `negation`, `low_similarity`."""
    overlap: float = 0.0
    support: int = 0
    """The cited passage number that supports the sentence (0 when unsupported)."""


@dataclass(frozen=True)
class Verification:
    verdicts: tuple[SentenceVerdict, ...]

    @property
    def supported(self) -> list[SentenceVerdict]:
        return [v for v in self.verdicts if v.supported]

    @property
    def acceptable(self) -> bool:
        """Enough of the draft survives to show it as a generated answer."""
        if not self.verdicts or not self.supported:
            return False
        return len(self.supported) / len(self.verdicts) >= MIN_SUPPORTED_SHARE

    def text(self) -> str:
        """The supported sentences only, each followed by the marker of the passage that supports it."""
        return " ".join(f"{_without_markers(v.sentence)} [{v.support}]" for v in self.supported)


def overlap(sentence: str, passage_text: str) -> float:
    words = set(content_words(sentence))
    if not words:
        return 0.0
    return len(words & set(content_words(passage_text))) / len(words)


def negated(text: str) -> bool:
    """Whether the text denies or forbids (`n'a pas droit`, `aucun`, `jamais`, `interdit`)."""
    return NEGATION.search(fold(text).replace("’", "'")) is not None


def verify_sentence(sentence: str, passages: list[Passage], similarity: Similarity | None = None) -> SentenceVerdict:
    """Supported when a cited passage holds its numbers and most of its words, with the same polarity as the
    passage sentence it rests on and, when `similarity` is given, a meaning close to it."""
    cited = tuple(dict.fromkeys(cited_numbers(sentence)))
    if not cited:
        return SentenceVerdict(sentence, cited, False, "no_citation")
    if any(n < 1 or n > len(passages) for n in cited):
        return SentenceVerdict(sentence, cited, False, "unknown_source")
    wanted_numbers = numbers(sentence)
    candidates = []
    for n in cited:
        source_text = passage_text(passages[n - 1])
        if wanted_numbers <= numbers(source_text):
            candidates.append((overlap(sentence, source_text), n))
    if not candidates:
        return SentenceVerdict(sentence, cited, False, "missing_number")
    score, n = max(candidates)
    if score < MIN_OVERLAP:
        return SentenceVerdict(sentence, cited, False, "low_overlap", score)
    quote = best_quote(sentence, passages[n - 1])
    claim = strip_citations(sentence).strip()
    if negated(claim) != negated(quote):
        return SentenceVerdict(sentence, cited, False, "negation", score)
    if similarity is not None and similarity(claim, quote) < MIN_SIMILARITY:
        return SentenceVerdict(sentence, cited, False, "low_similarity", score)
    return SentenceVerdict(sentence, cited, True, "ok", score, n)


def passage_text(passage: Passage) -> str:
    return f"{passage.title}\n{' '.join(passage.heading_path)}\n{passage.text}"


def verify(draft: str, passages: list[Passage], similarity: Similarity | None = None) -> Verification:
    return Verification(tuple(verify_sentence(s, passages, similarity) for s in split_sentences(draft)))


def hopeless(partial_draft: str, passages: list[Passage]) -> bool:
    """True when a draft still being written can no longer pass: stop generating and fall back early.

    That is when its first complete sentences are all unsupported, or when it starts repeating itself.
    """
    sentences = split_sentences(partial_draft)[:-1]
    if len(set(sentences)) < len(sentences):
        return True
    if len(sentences) < EARLY_STOP_SENTENCES:
        return False
    return not any(verify_sentence(s, passages).supported for s in sentences[:EARLY_STOP_SENTENCES])


def best_quote(sentence: str, passage: Passage) -> str:
    """The passage sentence closest to an answer sentence: what the citation shows."""
    candidates = split_sentences(passage.text) or [passage.text]
    return max(candidates, key=lambda candidate: overlap(sentence, candidate))
