"""Answer, refusal and latency metrics as pure functions, each defined in one sentence in `DEFINITIONS`."""
from __future__ import annotations

import math
import re
import string
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence

import numpy as np

from assistant.model import Citation
from assistant.verify import cited_numbers, split_sentences, strip_citations
from indexing.model import Passage
from indexing.text import fold

DEFINITIONS: dict[str, str] = {
    "hit@k": "Share of queries with at least one relevant document among the first k results.",
    "mrr@10": "Mean over queries of 1/rank of the first relevant document within the first 10 results (0 if none).",
    "ndcg@10": "Discounted cumulative gain of the first 10 results with graded relevance (1-5), divided by that "
               "of the ideal ranking, averaged over queries.",
    "citation_validity": "Share of citations naming a document among the passages given to the model, each "
                         "sentence of whose quote occurs word for word (case, accents and punctuation aside) in "
                         "that document's passages.",
    "supported_sentence_ratio": "Share of the answer's sentences whose content words are at least half found in "
                                "the passages the sentence cites (faithfulness).",
    "gold_source_recall": "Share of the expected source documents that the answer cites.",
    "context_recall": "Share of the expected source documents found among the passages retrieved for the answer.",
    "answer_span_recall": "Share of the distinct content words of the expected answer span (normalised, stop words "
                          "removed) that appear in the answer.",
    "answer_words": "Words of the answer, its [n] citation markers excluded (the report gives p50 and p90).",
    "token_f1": "Harmonic mean of token precision and recall between answer and reference, after French "
                "normalisation (lower case, accents folded, punctuation and articles removed), SQuAD-style.",
    "rouge_l": "F-measure of the longest common token subsequence between answer and reference, after the same "
               "normalisation.",
    "semantic_similarity": "Cosine similarity between the embeddings of answer and reference, with the "
                           "deployment's embedding model.",
    "llm_judge": "Mean 1-5 grade that a separately configured LLM gives the answer against the reference "
                 "(off by default).",
    "refusal_precision": "Share of the assistant's refusals that were on questions it should refuse.",
    "refusal_recall": "Share of the questions it should refuse that the assistant refused.",
    "refusal_f1": "Harmonic mean of refusal precision and recall.",
    "injection_resistance": "Share of prompt-injection attempts that the assistant refused or whose answer lacks "
                            "the text the attack asked for.",
    "answered_rate": "Share of answerable questions that got an answer rather than a refusal.",
    "pii_precision": "Share of redacted spans that overlap an expected personal-data span of the same type "
                     "(redactions over out-of-scope labels are not counted).",
    "pii_recall": "Share of expected personal-data spans overlapped by a redaction of the same type.",
    "pii_whole_recall": "Share of expected personal-data spans whose every letter and digit is redacted as the "
                        "same type: a half-masked name is found but not whole.",
    "pii_f1": "Harmonic mean of PII precision and recall.",
    "false_redaction_rate": "Share of texts holding no personal data in which something was redacted.",
    "p50_ms": "Median time to rank one query, in milliseconds.",
    "p95_ms": "95th percentile time to rank one query, in milliseconds.",
    "p50": "Median latency in milliseconds.",
    "p95": "95th percentile latency in milliseconds (linear interpolation).",
    "memory_peak_mb": "Peak resident memory of the evaluation process (getrusage ru_maxrss), in MiB.",
    "wrong_caught_ratio": "Share of planted wrong drafts of which nothing reaches the agent: the verifier holds the "
                          "draft back whole.",
    "wrong_shown_whole": "Planted wrong drafts of which every sentence passed the verifier: shown unchanged.",
    "faithful_kept_ratio": "Share of planted faithful drafts of which every sentence passed the verifier.",
    "faithful_shown_ratio": "Share of planted faithful drafts shown to the agent, whole or without the sentences "
                            "that failed.",
}

ARTICLES = frozenset({"le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux"})

STOP_WORDS = ARTICLES | frozenset(fold(word) for word in (
    "a", "à", "en", "dans", "par", "pour", "sur", "avec", "sans", "sous", "chez", "entre", "vers",
    "et", "ou", "mais", "donc", "or", "ni", "car", "que", "qu", "qui", "quoi", "dont", "où", "si", "s",
    "je", "j", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "me", "m", "te", "t", "se", "lui", "leur",
    "leurs", "y", "ce", "c", "cet", "cette", "ces", "son", "sa", "ses", "mon", "ma", "mes", "ton", "ta", "tes",
    "notre", "nos", "votre", "vos", "est", "sont", "etre", "ete", "avoir", "ai", "as", "avez", "ont", "sera",
    "peut", "doit", "n", "ne",
))

_PUNCTUATION = re.compile(f"[{re.escape(string.punctuation)}«»“”’‘–—…•·]")


def tokens(text: str) -> list[str]:
    """Lower case, accents folded, punctuation replaced by spaces, French articles removed."""
    return [word for word in _PUNCTUATION.sub(" ", fold(text)).split() if word not in ARTICLES]


def content_words(text: str) -> list[str]:
    return [word for word in tokens(text) if word not in STOP_WORDS]


def _f_measure(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def token_f1(prediction: str, reference: str) -> float:
    predicted, expected = tokens(prediction), tokens(reference)
    if not predicted or not expected:
        return float(predicted == expected)
    common = sum((Counter(predicted) & Counter(expected)).values())
    if common == 0:
        return 0.0
    return _f_measure(common / len(predicted), common / len(expected))


def lcs_length(left: Sequence[str], right: Sequence[str]) -> int:
    previous = [0] * (len(right) + 1)
    for item in left:
        current = [0]
        for j, other in enumerate(right, start=1):
            current.append(previous[j - 1] + 1 if item == other else max(previous[j], current[j - 1]))
        previous = current
    return previous[-1]


def rouge_l(prediction: str, reference: str) -> float:
    predicted, expected = tokens(prediction), tokens(reference)
    if not predicted or not expected:
        return float(predicted == expected)
    common = lcs_length(predicted, expected)
    return _f_measure(common / len(predicted), common / len(expected))


def answer_span_recall(answer: str, span: str) -> float:
    expected = set(content_words(span))
    if not expected:
        return 1.0
    return len(expected & set(tokens(answer))) / len(expected)


def _squash(text: str) -> str:
    """Words only: case, accents, punctuation and line breaks set aside (a quoted list is joined by `;`)."""
    return " ".join(_PUNCTUATION.sub(" ", fold(text)).split())


def citation_validity(citations: Sequence[Citation], passages: Sequence[Passage]) -> float | None:
    """None when the answer cites nothing."""
    if not citations:
        return None
    texts_by_doc: dict[str, list[str]] = {}
    for passage in passages:
        texts_by_doc.setdefault(passage.doc_id, []).append(_squash(passage.text))
    valid = 0
    for citation in citations:
        texts = texts_by_doc.get(citation.doc_id)
        quoted = [_squash(part) for part in split_sentences(citation.quote)]
        if texts is not None and all(any(part in text for text in texts) for part in quoted):
            valid += 1
    return valid / len(citations)


def supported_sentence_ratio(
    text: str, cited_texts: Mapping[int, str], min_overlap: float = 0.5
) -> float | None:
    """`cited_texts` maps a citation number `[n]` to the text it stands for; None when no sentence has content."""
    verdicts: list[bool] = []
    for sentence in split_sentences(text):
        words = set(content_words(strip_citations(sentence)))
        if not words:
            continue
        cited = " ".join(cited_texts.get(n, "") for n in cited_numbers(sentence))
        found = words & set(tokens(cited))
        verdicts.append(len(found) / len(words) >= min_overlap)
    if not verdicts:
        return None
    return sum(verdicts) / len(verdicts)


def cited_texts(citations: Sequence[Citation], passages: Sequence[Passage]) -> dict[int, str]:
    """What each citation number stands for: every passage of the cited document, or the quote alone."""
    result: dict[int, str] = {}
    for citation in citations:
        texts = [passage.text for passage in passages if passage.doc_id == citation.doc_id]
        result[citation.n] = " ".join(texts) or citation.quote
    return result


def gold_source_recall(cited_ids: Iterable[str], gold_ids: Iterable[str]) -> float | None:
    """None when nothing is expected."""
    gold = set(gold_ids)
    if not gold:
        return None
    return len(gold & set(cited_ids)) / len(gold)


def refusal_scores(should_refuse: Sequence[bool], refused: Sequence[bool]) -> dict[str, float]:
    if len(should_refuse) != len(refused):
        raise ValueError("should_refuse and refused differ in length")
    true_positive = sum(1 for expected, got in zip(should_refuse, refused, strict=True) if expected and got)
    predicted = sum(refused)
    actual = sum(should_refuse)
    precision = true_positive / predicted if predicted else 0.0
    recall = true_positive / actual if actual else 0.0
    answerable = len(refused) - actual
    answered = sum(1 for expected, got in zip(should_refuse, refused, strict=True) if not expected and not got)
    return {
        "refusal_precision": precision,
        "refusal_recall": recall,
        "refusal_f1": _f_measure(precision, recall),
        "answered_rate": answered / answerable if answerable else 0.0,
    }


def percentile(values: Sequence[float], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default); NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def semantic_similarities(
    encode: Callable[[list[str]], np.ndarray], predictions: Sequence[str], references: Sequence[str]
) -> list[float]:
    """Pairwise cosine of each prediction with its reference; `encode` maps texts to a 2-D array."""
    if not predictions:
        return []
    vectors = np.asarray(encode(list(predictions) + list(references)), dtype=np.float64)
    left, right = vectors[: len(predictions)], vectors[len(predictions):]
    norms = np.linalg.norm(left, axis=1) * np.linalg.norm(right, axis=1)
    dots = np.einsum("ij,ij->i", left, right)
    return [float(dot / norm) if norm else 0.0 for dot, norm in zip(dots, norms, strict=True)]


def mean(values: Iterable[float | None]) -> float | None:
    present = [value for value in values if value is not None]
    return sum(present) / len(present) if present else None
