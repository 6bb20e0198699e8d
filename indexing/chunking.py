"""Structure-aware chunks: one per document section, split to fit the embedding model, tiny ones merged."""
from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from corpus.model import Document
from indexing.model import Chunk

CHUNKING_VERSION = 2
"""Raised whenever the rules below change what chunks are made, so that `guichet index` rebuilds."""
SPECIAL_TOKENS = 2
"""[CLS] and [SEP], added by the model around every text."""
MIN_TOKENS = 40
"""Pieces under max(MIN_TOKENS, half the limit) are merged with a neighbour when both fit together."""
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+")


class TokenCounter(Protocol):
    def __call__(self, texts: Sequence[str]) -> list[int]: ...


@dataclass(frozen=True)
class _Piece:
    heading_path: tuple[str, ...]
    body: str
    tokens: int


def chunk_hash(model_id: str, text: str) -> str:
    return hashlib.sha256(f"{model_id}\n{text}".encode()).hexdigest()


HEADER_MAX_CHARS = 400
"""A heading path longer than this loses its outermost headings in the chunk header, so that the header of a
deeply nested Légifrance article leaves room for its text (the full path stays in `Chunk.heading_path`)."""


def header(document: Document, heading_path: tuple[str, ...]) -> str:
    path = list(heading_path)
    while len(path) > 1 and len(" > ".join(path)) > HEADER_MAX_CHARS:
        path.pop(0)
    if path:
        return f"{document.title} — {' > '.join(path)}\n"
    return f"{document.title}\n"


def chunk_document(document: Document, count: TokenCounter, max_tokens: int, model_id: str) -> list[Chunk]:
    """Chunks whose text (title — heading path, then body) fits `max_tokens` model tokens."""
    sections = [section for section in document.sections if section.text.strip()]
    paragraphs = [[line.strip() for line in s.text.split("\n") if line.strip()] for s in sections]
    headers = [header(document, s.heading_path) for s in sections]
    flat = [paragraph for group in paragraphs for paragraph in group]
    counts = iter(count(flat + headers))
    paragraph_counts = [[next(counts) for _ in group] for group in paragraphs]
    header_counts = [next(counts) for _ in headers]
    pieces: list[_Piece] = []
    for section, group, group_counts, header_tokens in zip(
        sections, paragraphs, paragraph_counts, header_counts, strict=True
    ):
        budget = max(max_tokens - SPECIAL_TOKENS - header_tokens, 16)
        units = _units(group, group_counts, count, budget)
        for body, tokens in _pack(units, budget):
            pieces.append(_Piece(section.heading_path, body, tokens))
    if not pieces:
        pieces = [_Piece((), document.title, count([document.title])[0])]
    merged = _enforce_limit(document, _merge_small(document, pieces, count, max_tokens), count, max_tokens)
    texts = [header(document, piece.heading_path) + piece.body for piece in merged]
    return [
        Chunk(
            id=f"{document.id}#{n}",
            doc_id=document.id,
            heading_path=piece.heading_path,
            text=text,
            hash=chunk_hash(model_id, text),
        )
        for n, (piece, text) in enumerate(zip(merged, texts, strict=True))
    ]


def _pack(units: list[tuple[str, int]], budget: int, joiner: str = "\n") -> list[tuple[str, int]]:
    """Greedy packing of consecutive units (joined by `joiner`) within `budget` tokens."""
    packs: list[tuple[str, int]] = []
    current: list[str] = []
    current_tokens = 0
    for unit, tokens in units:
        if current and current_tokens + tokens > budget:
            packs.append((joiner.join(current), current_tokens))
            current, current_tokens = [], 0
        current.append(unit)
        current_tokens += tokens
    if current:
        packs.append((joiner.join(current), current_tokens))
    return packs


def _units(
    paragraphs: list[str], counts: list[int], count: TokenCounter, budget: int
) -> list[tuple[str, int]]:
    """Paragraphs, or their sentences (or word runs) when a paragraph alone exceeds `budget`."""
    units: list[tuple[str, int]] = []
    for paragraph, tokens in zip(paragraphs, counts, strict=True):
        if tokens <= budget:
            units.append((paragraph, tokens))
            continue
        sentences = [s for s in _SENTENCE_END.split(paragraph) if s]
        for sentence, sentence_tokens in zip(sentences, count(sentences), strict=True):
            if sentence_tokens <= budget:
                units.append((sentence, sentence_tokens))
            else:
                units.extend(_split_words(sentence, count, budget))
    return units


def _split_words(sentence: str, count: TokenCounter, budget: int) -> list[tuple[str, int]]:
    words = sentence.split()
    return _pack(list(zip(words, count(words), strict=True)), budget, joiner=" ")


def _merge_small(document: Document, pieces: list[_Piece], count: TokenCounter, max_tokens: int) -> list[_Piece]:
    """Neighbouring pieces are merged while one of them is under half the limit and together they fit.

    Sizes add up (the tokenizer splits on the line breaks that join the parts); `_enforce_limit` checks exactly.
    """
    small = max(MIN_TOKENS, max_tokens // 2)
    sizes: dict[str, int] = {}

    def size(text: str) -> int:
        if text not in sizes:
            sizes[text] = count([text])[0] if text else 0
        return sizes[text]

    merged: list[_Piece] = [pieces[0]]
    for piece in pieces[1:]:
        previous = merged[-1]
        if previous.tokens >= small and piece.tokens >= small:
            merged.append(piece)
            continue
        shared = _common_prefix(previous.heading_path, piece.heading_path)
        previous_heading = " > ".join(previous.heading_path[len(shared) :])
        piece_heading = " > ".join(piece.heading_path[len(shared) :])
        tokens = size(previous_heading) + previous.tokens + size(piece_heading) + piece.tokens
        if tokens + size(header(document, shared)) + SPECIAL_TOKENS <= max_tokens:
            body = "\n".join(line for line in (previous_heading, previous.body, piece_heading, piece.body) if line)
            merged[-1] = _Piece(shared, body, tokens)
        else:
            merged.append(piece)
    return merged


def _enforce_limit(document: Document, pieces: list[_Piece], count: TokenCounter, max_tokens: int) -> list[_Piece]:
    """Re-split by words the rare pieces whose assembled text still exceeds the limit (tokenizer edge cases)."""
    totals = count([header(document, piece.heading_path) + piece.body for piece in pieces])
    if all(total + SPECIAL_TOKENS <= max_tokens for total in totals):
        return pieces
    fitted: list[_Piece] = []
    for piece, total in zip(pieces, totals, strict=True):
        if total + SPECIAL_TOKENS <= max_tokens:
            fitted.append(piece)
            continue
        budget = max(max_tokens - SPECIAL_TOKENS - count([header(document, piece.heading_path)])[0], 16) * 9 // 10
        parts = _split_words(piece.body, count, budget)
        fitted.extend(_Piece(piece.heading_path, body, tokens) for body, tokens in parts)
    return fitted


def _common_prefix(left: tuple[str, ...], right: tuple[str, ...]) -> tuple[str, ...]:
    n = 0
    while n < min(len(left), len(right)) and left[n] == right[n]:
        n += 1
    return left[:n]
