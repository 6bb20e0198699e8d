"""The system card: intended use, models, corpus, the headline figures, known limits and data protection."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from eval.report.sections import headline
from eval.report.tables import fmt


def render_system_card(results: Mapping[str, Any]) -> str:
    meta = results.get("meta", {})
    config = meta.get("config", {})
    models = meta.get("models", {})
    corpus = meta.get("corpus", [])
    model_lines = [f"- {role} : `{m.get('id')}` (sha256 `{m.get('sha256') or 'n/a'}`)" for role, m in models.items()]
    corpus_lines = [f"- `{c['name']}@{c['version']}` — {c.get('description', '')}" for c in corpus]
    figures = [f"- {name} : {fmt(value)}" for name, value in headline(results)]
    return "\n".join([
        "# Fiche système — Guichet",
        "",
        (f"Générée le {meta.get('date', '')} par `guichet eval` (configuration `{meta.get('config_hash', '')}`), "
        "à partir de la même exécution que `report.html`."),
        "",
        "## Usage prévu",
        ("Assistant sur site (on-premise) pour les agents des services publics : il cherche dans des textes "
        "officiels (fiches service-public.fr, fiches travail-emploi.gouv.fr, articles Légifrance) et rédige une "
        "réponse qui cite ses sources. Il aide l'agent ; il ne décide pas à sa place et ne s'adresse pas "
        "directement aux usagers."),
        "",
        "## Modèles",
        *model_lines,
        (f"- génération : moteur `{config.get('llm_backend', '')}`, température {config.get('temperature', '')}, "
        f"{config.get('max_tokens', '')} jetons au plus"),
        "",
        "## Corpus et dates",
        *corpus_lines,
        f"- index : `{meta.get('index', {}).get('build_id', 'n/a')}`, construit le "
        f"{meta.get('index', {}).get('created', 'n/a')}",
        "",
        "## Résultats de l'évaluation",
        *(figures or ["- aucune partie évaluée"]),
        *([f"- (sous-ensemble : {meta['limit']} premières lignes de chaque jeu)"] if meta.get("limit") else []),
        "",
        "Jeux d'évaluation (voir `eval/datasets/SOURCES.md`) : "
        + ", ".join(f"{d['name']} ({d['rows']} lignes, sha256 {d['sha256'][:12]})"
                    for d in meta.get("datasets", {}).values()) + ".",
        "",
        "## Limites connues",
        "- Le corpus est figé à la version indiquée : une règle modifiée depuis n'est pas connue de l'assistant.",
        ("- Un petit modèle de langage local peut mal reformuler : seules les phrases appuyées par un passage cité "
        "sont montrées, sinon l'assistant cite les passages (mode extractif) ou refuse."),
        ("- Les conventions collectives, la jurisprudence et les situations individuelles complexes ne sont pas "
        "couvertes."),
        "- La détection des données personnelles n'est pas exhaustive (voir le rappel par type ci-dessus).",
        "",
        "## Mesures de protection des données",
        "- Traitement entièrement local : aucun appel à un service externe (modèles et corpus installés sur site).",
        (f"- Les questions sont pseudonymisées (Presidio, spaCy `fr_core_news_md`) avant toute journalisation ; "
        f"le texte envoyé au modèle est pseudonymisé : {'oui' if config.get('redact_for_llm') else 'non'}."),
        f"- Journal d'audit expurgé, conservé {config.get('audit_retention_days', '')} jours puis purgé.",
        "- Les valeurs des données personnelles ne restent qu'en mémoire le temps de la requête.",
        "",
    ])
