"""The optional LLM-as-judge: a separately configured, capable model grades an answer against the reference."""
from __future__ import annotations

import dataclasses
import re

from assistant.llm import GenerationError, OpenAIGenerator
from eval.answers import Judge
from guichet.config import Settings

SYSTEM = (
    "Tu évalues la réponse d'un assistant pour des agents du service public. Compare-la à la réponse de "
    "référence. Note de 1 (fausse ou hors sujet) à 5 (exacte et complète). Réponds par le seul chiffre."
)
GRADE = re.compile(r"[1-5]")


def make_judge(settings: Settings) -> Judge | None:
    """None unless `eval_judge_base_url` names a judge endpoint: the score is off by default."""
    if not settings.eval_judge_base_url:
        return None
    generator = OpenAIGenerator(dataclasses.replace(
        settings, llm_backend="openai", llm_base_url=settings.eval_judge_base_url,
        llm_model=settings.eval_judge_model, temperature=0.0,
    ))

    def judge(question: str, answer: str, reference: str) -> float | None:
        messages = [
            {"role": "system", "content": SYSTEM},
            {"role": "user", "content": f"Question : {question}\n\nRéférence : {reference}\n\nRéponse : {answer}"},
        ]
        try:
            grade = GRADE.search("".join(generator.stream(messages, max_tokens=4)))
        except GenerationError:
            return None
        return float(grade.group()) if grade else None

    return judge
