"""The extractive answer: the retrieved sentences that best answer the question, ordered and cited."""
from __future__ import annotations

import math
from dataclasses import dataclass

from assistant.model import Citation
from assistant.verify import content_words, split_sentences
from indexing.model import Passage

MAX_SENTENCES = 4
MIN_SENTENCES = 2
MAX_SENTENCE_CHARS = 400
MAX_ANSWER_CHARS = 900
MAX_LIST_ITEMS = 5
PASSAGES_CONSIDERED = 5
RETRIEVED_BONUS = 0.15
"""A sentence of the chunk the search chose gains over the rest of its document, as the first passage over the next."""
KEEP_RATIO = 0.45
"""A sentence is kept when it scores at least this share of the best one."""


@dataclass(frozen=True)
class Candidate:
    n: int
    """The 1-based number of its passage in the answer's sources."""
    position: int
    """Reading order within its passage."""
    text: str
    score: float


def _sentences_with_lists(text: str) -> list[str]:
    """Sentences, a line ending with `:` taking the list items that follow it."""
    lines = split_sentences(text)
    merged: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if line.endswith(":"):
            items = []
            while index < len(lines) and len(items) < MAX_LIST_ITEMS and not lines[index].endswith(":"):
                if lines[index][0].isupper() and lines[index].endswith("."):
                    break
                items.append(lines[index].rstrip(" ;,."))
                index += 1
            if items:
                line = f"{line} {' ; '.join(items)}."
        merged.append(line)
    return merged


def sections(passage: Passage) -> list[tuple[str, str, bool]]:
    """(heading, body, retrieved) triples: indexing starts each chunk with a `title — headings` line, kept as the
    heading. `retrieved`: in a passage widened to its whole document, the section is the chunk the search chose
    (the first one)."""
    chunk_heading = " ".join((passage.title, *passage.heading_path))
    headers = 0
    parts: list[tuple[str, list[str], bool]] = [(chunk_heading, [], True)]
    for line in passage.text.split("\n"):
        if line.startswith(passage.title):
            chunk_heading = line
            headers += 1
            parts.append((line, [], headers <= 1))
        else:
            parts[-1][1].append(line)
    widened = headers > 1
    return [(heading, "\n".join(lines), widened and retrieved) for heading, lines, retrieved in parts if lines]


def candidates(question: str, passages: list[Passage]) -> list[Candidate]:
    question_terms = set(content_words(question))
    pool: list[tuple[int, int, int, str, set[str], float, bool]] = []
    for n, passage in enumerate(passages[:PASSAGES_CONSIDERED], start=1):
        order = 0
        for heading, text, retrieved in sections(passage):
            heading_terms = set(content_words(heading))
            heading_match = len(question_terms & heading_terms) / len(question_terms) if question_terms else 0.0
            for position, sentence in enumerate(_sentences_with_lists(text)):
                order += 1
                if len(sentence) > MAX_SENTENCE_CHARS or len(sentence) < 20:
                    continue
                pool.append((n, order, position, sentence, set(content_words(sentence)), heading_match, retrieved))
    if not pool:
        return []
    document_frequency: dict[str, int] = {}
    for _, _, _, _, terms, _, _ in pool:
        for term in terms & question_terms:
            document_frequency[term] = document_frequency.get(term, 0) + 1
    weight = {t: math.log(1 + len(pool) / document_frequency.get(t, 0.5)) for t in question_terms}
    total = sum(weight.values()) or 1.0
    scored = []
    for n, order, position, sentence, terms, heading_match, retrieved in pool:
        coverage = sum(weight[t] for t in terms & question_terms) / total
        score = coverage + 0.3 * heading_match + 0.15 / n + RETRIEVED_BONUS * retrieved - 0.02 * min(position, 10)
        scored.append(Candidate(n, order, sentence, score))
    return sorted(scored, key=lambda c: c.score, reverse=True)


def select(question: str, passages: list[Passage]) -> list[Candidate]:
    """2–4 sentences: the best of the top passage first, then the best overall, in reading order."""
    ranked = candidates(question, passages)
    if not ranked:
        return []
    chosen = [next((c for c in ranked if c.n == 1), ranked[0])]
    threshold = KEEP_RATIO * ranked[0].score
    for candidate in ranked:
        if len(chosen) >= MAX_SENTENCES:
            break
        if candidate.text in {c.text for c in chosen}:
            continue
        if len(chosen) >= MIN_SENTENCES and candidate.score < threshold:
            break
        if sum(len(c.text) for c in chosen) + len(candidate.text) > MAX_ANSWER_CHARS:
            continue
        chosen.append(candidate)
    return sorted(chosen, key=lambda c: (c.n, c.position))


def terminated(sentence: str) -> str:
    """A full stop after a line that has none (a table row, a form name), so that sentences do not run together."""
    return sentence if sentence.rstrip().endswith((".", "!", "?", ":", "…")) else f"{sentence.rstrip()}."


def extractive_answer(question: str, passages: list[Passage]) -> tuple[str, list[Citation]]:
    """The answer text with `[n]` after each sentence, and one citation per cited passage quoting those sentences."""
    chosen = select(question, passages)
    text = " ".join(f"{terminated(c.text)} [{c.n}]" for c in chosen)
    citations = []
    for n in sorted({c.n for c in chosen}):
        passage = passages[n - 1]
        quote = " ".join(terminated(c.text) for c in chosen if c.n == n)
        citations.append(Citation(n, passage.doc_id, passage.title, passage.url, quote))
    return text, citations
