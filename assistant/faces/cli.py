"""`guichet`: the command-line contract that maintainers and evaluators script against."""
from __future__ import annotations

import argparse
import dataclasses
import errno
import json
import os
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.answer_json import answer_json, search_json
from assistant.dates import ISO_DAY, text_dates
from assistant.intake import json_lines, question_problem, unicode_problem
from assistant.model import placed
from corpus.kali import normalize_idcc
from corpus.sources import SOURCES
from eval.systems import BASELINES, DEFAULT_BASELINES
from guichet.config import ConfigError, Settings, load_settings
from guichet.pins import PinsError

if TYPE_CHECKING:
    from assistant.pipeline import Assistant
    from indexing.index import Manifest

INPUT_FIELDS = ("query", "question", "text")
MAX_RESULTS = 100
MAX_AGENTS = 200
MAX_QUESTIONS_PER_AGENT = 50


def _dump(payload: Any) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, default=str) + "\n")
    sys.stdout.flush()


def read_batch(path: Path) -> Iterator[dict[str, Any]]:
    """One JSON object a line, with a `query`, `question` or `text` field and an optional `id`. Each row has its
    `line` number, and either the `text` or the `error` that kept the line from being read; blank lines are skipped."""
    for line_number, read in json_lines(path):
        yield {"line": line_number, **_batch_row(read)}


def _batch_row(row: dict[str, Any] | str) -> dict[str, Any]:
    if isinstance(row, str):
        return {"id": None, "error": row}
    row_id = row.get("id")
    if isinstance(row_id, str) and unicode_problem(row_id):
        return {"id": None, "error": "the id is not valid UTF-8"}
    text = next((row[f] for f in INPUT_FIELDS if isinstance(row.get(f), str)), None)
    if text is None:
        return {"id": row_id, "error": f"no text in any of the fields {', '.join(INPUT_FIELDS)}"}
    problem = question_problem(text)
    if problem:
        return {"id": row_id, "error": problem}
    return {"id": row_id, "text": text}


def _run_single_or_batch(args: argparse.Namespace, handle: Callable[[str], dict[str, Any]]) -> None:
    if args.batch:
        failed = 0
        for row in read_batch(Path(args.batch)):
            output = _answer_row(row, handle)
            if "error" in output:
                failed += 1
                print(f"{args.batch}:{row['line']}: {output['error']}", file=sys.stderr)
            _dump(output)
        if failed:
            raise SystemExit(f"guichet: {failed} line(s) of {args.batch} not answered (see the error rows)")
        return
    result = handle(" ".join(args.text))
    if args.json:
        _dump(result)
    else:
        print(args.render(result))


def _answer_row(row: dict[str, Any], handle: Callable[[str], dict[str, Any]]) -> dict[str, Any]:
    """The result in the line's place, or an error object there (its type only: a message may quote the text)."""
    error = row.get("error")
    if error is None:
        try:
            result = handle(row["text"])
            return result if row["id"] is None else {"id": row["id"], **result}
        except Exception as exception:
            error = f"could not be answered ({type(exception).__name__})"
    return {"id": row["id"], "line": row["line"], "error": error}


def check_input(args: argparse.Namespace) -> None:
    """The question or batch file is usable: checked before any model is loaded."""
    if getattr(args, "batch", None):
        if args.text:
            raise SystemExit("guichet: give either a text or --batch FILE.jsonl, not both")
        batch = Path(args.batch)
        if not batch.is_file() or not os.access(batch, os.R_OK):
            raise SystemExit(f"guichet: batch file {batch} does not exist or cannot be read")
    elif getattr(args, "dataset", None) and args.command in ("eval", "ranker"):
        if args.command == "eval" and args.part == "all":
            raise SystemExit("guichet: --dataset replaces one part's datasets; name the part, not `all`")
        dataset = Path(args.dataset)
        if not dataset.is_file() or not os.access(dataset, os.R_OK):
            raise SystemExit(f"guichet: dataset {dataset} does not exist or cannot be read")
    elif hasattr(args, "text"):
        if not args.text:
            raise SystemExit("guichet: give a text or --batch FILE.jsonl")
        problem = question_problem(" ".join(args.text))
        if problem:
            raise SystemExit(f"guichet: {problem}")
    if args.command == "ranker" and args.out:
        folder = Path(args.out).resolve().parent
        if not folder.is_dir() or not os.access(folder, os.W_OK):
            raise SystemExit(f"guichet: cannot write the model into {folder}: no such folder, or not writable")


def _dates(hit: dict[str, Any]) -> str:
    return text_dates(*(date.fromisoformat(hit[key]) if hit.get(key) else None
                        for key in ("in_force_since", "in_force_until", "updated")))


def render_search(result: dict[str, Any]) -> str:
    as_of = f", texts in force on {result['as_of']}" if result.get("as_of") else ""
    lines = [f"{len(result['results'])} results in {result['timings']['total_ms']:.0f} ms{as_of}"]
    for rank, hit in enumerate(result["results"], 1):
        dated = f", {_dates(hit)}" if _dates(hit) else ""
        lines.append(f"{rank:>2}. [{hit['doc_id']}] {hit['title']} ({hit['source']}{dated}, {hit['score']:.3f})")
        lines.append(f"    {hit['url']}")
    return "\n".join(lines)


def render_answer(result: dict[str, Any]) -> str:
    lines = [f"[{result['mode']}] {result['answer']}"]
    if result["cases"]:
        lines.append(f"Selon la situation : {' ; '.join(result['cases'])}.")
    if result["notice"]:
        lines.append(f"({result['notice']})")
    sources = {source["doc_id"]: source for source in result["sources"]}
    for citation in result["citations"]:
        source = sources.get(citation["doc_id"])
        dated = f" ({_dates(source)})" if source and _dates(source) else ""
        named = placed(citation["title"], citation["heading_path"])
        lines.append(f"[{citation['n']}] {named}{dated} — {citation['url']}")
    for item in result["set_aside"]:
        lines.append(f"Écarté (pas en vigueur le {result['as_of']}) : {item['title']} — {item['url']}")
    return "\n".join(lines)


def _filters(args: argparse.Namespace) -> Any:
    from indexing.search import SearchFilters

    return SearchFilters(
        sources=tuple(args.source or ()), audiences=tuple(args.audience or ()), as_of=args.as_of,
        agreements=tuple(args.agreement or ()),
    )


def load_assistant(settings: Settings) -> Assistant:
    from assistant.faces.logs import configure_logging
    from assistant.llm import warn_if_unusable
    from assistant.pipeline import Assistant

    assistant = Assistant.from_settings(settings)
    configure_logging(settings, assistant.redactor)
    warn_if_unusable(assistant.generator)
    return assistant


def cmd_search(settings: Settings, args: argparse.Namespace) -> None:
    assistant = load_assistant(settings)
    filters = _filters(args)

    def handle(query: str) -> dict[str, Any]:
        return search_json(query, *assistant.search(query, k=args.k, filters=filters), as_of=filters.as_of)

    args.render = render_search
    _run_single_or_batch(args, handle)


def cmd_ask(settings: Settings, args: argparse.Namespace) -> None:
    assistant = load_assistant(settings)
    filters = _filters(args)
    args.render = render_answer
    _run_single_or_batch(args, lambda question: answer_json(assistant.ask(question, filters=filters)))


def cmd_verify(settings: Settings, args: argparse.Namespace) -> None:
    from assistant import draft_check
    from assistant.verify import resemblance_of
    from indexing.embeddings import Embedder
    from indexing.index import Index

    if not args.batch and not (args.text and args.passage):
        raise SystemExit("give a draft and its --passage ids (in the order of its [n] markers), or --batch FILE.jsonl")
    if args.batch:
        items = list(draft_check.read_drafts(Path(args.batch)))
    else:
        items = [(0, None, draft_check.DraftToCheck(None, args.question or "", " ".join(args.text),
                                                     tuple(args.passage)))]
    drafts = [item for _, _, item in items if not isinstance(item, str)]
    index = Index.open(settings) if any(isinstance(ref, str) for item in drafts for ref in item.passages) else None
    resemblance = resemblance_of(Embedder(settings))
    failed = 0
    for line_number, row_id, item in items:
        try:
            if isinstance(item, str):
                raise draft_check.DraftInputError(item)
            result = draft_check.check(item, draft_check.resolve(item.passages, index), resemblance)
        except draft_check.DraftInputError as error:
            if not args.batch:
                raise SystemExit(f"guichet verify: {error}") from None
            failed += 1
            print(f"{args.batch}:{line_number}: {error}", file=sys.stderr)
            _dump({"id": row_id, "error": str(error)})
            continue
        if args.json or args.batch:
            _dump({"id": item.id, **result} if item.id is not None else result)
        else:
            print(draft_check.render(result))
    if failed:
        raise SystemExit(f"guichet: {failed} line(s) of {args.batch} not checked (see the error rows)")


def cmd_redact(settings: Settings, args: argparse.Namespace) -> None:
    from redaction.engine import Redactor
    from redaction.jsonio import redacted_to_dict

    redactor = Redactor.from_settings(settings)
    args.render = lambda result: result["text"]
    _run_single_or_batch(args, lambda text: redacted_to_dict(redactor.redact(text)))


def cmd_corpus(settings: Settings, args: argparse.Namespace) -> None:
    if args.action == "update":
        cmd_corpus_update(settings, args)
        return
    from corpus.fetch import fetch_corpus

    for package in fetch_corpus(settings):
        print(f"{package.name}@{package.version}: {package.path}")


def cmd_corpus_update(settings: Settings, args: argparse.Namespace) -> None:
    from corpus.update import NpmRegistry, staged_update
    from indexing.rebuild import apply_update

    log = (lambda line: print(line, file=sys.stderr)) if args.json else print
    with staged_update(settings, NpmRegistry(), log) as plan:
        result: dict[str, Any] = {**plan.to_dict(), "applied": False}
        if not args.json:
            print(plan.summary())
        if plan.updates and (args.yes or _confirmed("Write these pins, fetch and re-index? [y/N] ")):
            manifest = apply_update(settings, plan, log)
            result.update(applied=True, pins_file=str(settings.pins_override), index=manifest.build_id)
            if not args.json:
                print(manifest_summary(manifest))
        elif plan.updates:
            log("nothing changed: run `guichet corpus update --yes` to apply this update")
    if args.json:
        _dump(result)


def _confirmed(prompt: str) -> bool:
    """Asked on a terminal only: without one (a script, a pipe), the answer is no."""
    if not sys.stdin.isatty():
        return False
    print(prompt, end="", flush=True)
    return sys.stdin.readline().strip().lower() in {"y", "yes", "o", "oui"}


def cmd_index(settings: Settings, args: argparse.Namespace) -> None:
    from indexing.rebuild import rebuild_index

    manifest = rebuild_index(settings, fetch=not args.no_fetch, force=args.force)
    print(json.dumps(manifest.to_dict(), ensure_ascii=False, indent=2) if args.json else manifest_summary(manifest))


def manifest_summary(manifest: Manifest) -> str:
    documents, chunks = manifest.documents, manifest.chunks
    per_source = ", ".join(f"{source} {count}/{chunks.get(source, 0)}" for source, count in sorted(documents.items()))
    return (
        f"index {manifest.build_id} ready: {sum(documents.values())} documents, "
        f"{sum(chunks.values())} chunks ({per_source}; embeddings {manifest.embedding_model})"
    )


def cmd_serve(settings: Settings, args: argparse.Namespace) -> None:
    from assistant.faces.ui import serve

    serve(settings)


def cmd_api_token(settings: Settings, args: argparse.Namespace) -> None:
    from assistant.faces.api_access import new_token

    token, digest = new_token()
    print(f"token (give it to the calling system, it is not stored): {token}\n"
          f"sha256 (add it to api_tokens in guichet.toml, or GUICHET_API_TOKENS): {digest}")


def cmd_config(settings: Settings, args: argparse.Namespace) -> None:
    from assistant.drafting import drafting_mode
    from assistant.llm import configured_model_id
    from indexing.index import Manifest
    from indexing.profiles import profile_for

    data = settings.to_dict()
    data["embedding_profile"] = dataclasses.asdict(profile_for(settings.embedding_model))
    data["answer_mode"] = drafting_mode(settings, configured_model_id(settings)).to_dict()
    manifest = Manifest.current(settings)
    data["index_manifest"] = manifest.to_dict() if manifest else None
    if args.json:
        _dump(data)
    else:
        for key, value in data.items():
            print(f"{key} = {value}")


def cmd_audit(settings: Settings, args: argparse.Namespace) -> None:
    from redaction.audit import AuditLog

    audit = AuditLog(settings.audit_db, settings.audit_retention_days)
    if args.action == "purge":
        print(f"{audit.purge()} record(s) older than {settings.audit_retention_days} days deleted")
    else:
        out = Path(args.out) if args.out else None
        count = audit.export_csv(out if out else sys.stdout)
        if out:
            print(f"{count} record(s) written to {out}", file=sys.stderr)


def cmd_eval(settings: Settings, args: argparse.Namespace) -> None:
    from eval.run import run_eval

    parts = {"retrieval", "answers", "pii", "latency", "verify"} if args.part == "all" else {args.part}
    datasets = {args.part: Path(args.dataset)} if args.dataset else None
    out_dir, status = run_eval(
        settings,
        parts=parts,
        datasets=datasets,
        out_dir=Path(args.out) if args.out else None,
        compare_with=Path(args.compare) if args.compare else None,
        limit=args.limit,
        baselines=args.baselines,
    )
    print(f"report: {out_dir / 'report.html'}")
    raise SystemExit(status)


def cmd_ranker(settings: Settings, args: argparse.Namespace) -> None:
    from corpus.load import load_documents
    from eval.ranker_training import DEFAULT_DATASET, train
    from indexing.embeddings import Embedder
    from indexing.index import Index
    from indexing.rerank import SHIPPED_RANKER
    from indexing.search import Searcher

    dataset = Path(args.dataset) if args.dataset else DEFAULT_DATASET
    out = Path(args.out) if args.out else SHIPPED_RANKER
    searcher = Searcher(Index.open(settings), Embedder(settings), settings)
    try:
        ranker = train(searcher, list(load_documents(settings)), dataset, out, args.limit)
    except ValueError as error:
        raise SystemExit(f"guichet: {error}") from None
    _dump({"written": str(out), **ranker.card})


def cmd_bench(settings: Settings, args: argparse.Namespace) -> None:
    if args.page:
        from eval import page_load

        out = Path(args.out) if args.out else None
        results = page_load.run(args.page, args.agents, args.questions_per_agent, out)
        raise SystemExit(1 if any(result.failures for result in results) else 0)
    if args.browser:
        from eval import browser_timing

        browser_timing.run(args.browser, args.repeat, Path(args.out) if args.out else None)
        return
    if args.api:
        from assistant.faces.ui import mount_page
        from eval import api_bench

        assistant = load_assistant(settings)
        app = mount_page(assistant, settings, None)
        cli_answers = Path(args.cli_answers) if args.cli_answers else None
        _dump(api_bench.run(assistant, app, args.limit or API_BENCH_QUESTIONS, args.repeat, cli_answers))
        return
    from eval.retrieval import main as bench_main

    bench_main([
        *(["--limit", str(args.limit)] if args.limit else []),
        *(["--ablations"] if args.ablations else []),
        *(["--cold"] if args.cold else []),
        *(["--sources", args.sources] if args.sources else []),
    ])


def cmd_model(settings: Settings, args: argparse.Namespace) -> None:
    from assistant.ops import models

    if args.action == "check":
        cmd_model_check(settings, args)
        return
    if args.action == "list" or not args.name:
        for entry in models.REGISTRY.values():
            print(f"{entry.name:<24} {entry.description}")
        return
    path = models.fetch(args.name, settings.home / "models")
    print(f"{args.name}: {path}\nset GUICHET_LLM_MODEL_PATH={path}")


def cmd_model_check(settings: Settings, args: argparse.Namespace) -> None:
    import dataclasses

    from assistant.drafting import write_card
    from eval.datasets import DEFAULT_DATASETS, load_rows
    from eval.model_check import check_model

    if args.name:
        name_setting = "llm_model" if settings.llm_backend == "openai" else "llm_model_path"
        settings = dataclasses.replace(settings, **{name_setting: args.name})
    assistant = load_assistant(settings)
    if assistant.generator is None:
        raise SystemExit("guichet: no generation model is configured")
    dataset = Path(args.dataset) if args.dataset else DEFAULT_DATASETS["fiche-questions"]
    questions = [row.text for row in load_rows(dataset, args.limit)]
    card = check_model(assistant, questions)
    path = write_card(settings, card)
    verdict = "qualified: it drafts answers" if card.qualified else "not qualified: answers are composed from the texts"
    print(
        f"{card.model_id}: {card.drafts_kept}/{card.questions} drafts kept ({card.kept_share:.0%}), "
        f"{card.sentences_supported:.0%} of drafted sentences supported, first token p50 "
        f"{card.first_token_p50_ms:.0f} ms, total p50 {card.total_p50_ms:.0f} ms — {verdict}\n"
        f"model card: {path}"
    )


def agent_counts(raw: str) -> list[int]:
    counts = [part.strip() for part in raw.split(",")]
    if not all(part.isdigit() and 1 <= int(part) <= MAX_AGENTS for part in counts):
        raise argparse.ArgumentTypeError(f"expected whole numbers from 1 to {MAX_AGENTS}, separated by commas")
    return [int(part) for part in counts]


def questions_per_agent(raw: str) -> int:
    if not raw.strip().isdigit() or not 1 <= int(raw) <= MAX_QUESTIONS_PER_AGENT:
        raise argparse.ArgumentTypeError(f"expected a whole number from 1 to {MAX_QUESTIONS_PER_AGENT}")
    return int(raw)


API_BENCH_QUESTIONS = 12


def positive_count(raw: str) -> int:
    if not raw.strip().isdigit() or int(raw) < 1:
        raise argparse.ArgumentTypeError("expected a whole number of at least 1")
    return int(raw)


def baseline_names(raw: str) -> list[str]:
    names = [part.strip() for part in raw.split(",") if part.strip()]
    if names == ["none"]:
        return []
    unknown = [name for name in names if name not in BASELINES]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"expected none or names among {', '.join(BASELINES)}, comma-separated")
    return names


def result_count(raw: str) -> int:
    if not raw.strip().isdigit() or not 1 <= int(raw) <= MAX_RESULTS:
        raise argparse.ArgumentTypeError(f"expected a whole number from 1 to {MAX_RESULTS}")
    return int(raw)


def idcc_number(raw: str) -> str:
    """An IDCC with its leading zeros (`16` → `0016`); what was typed is not echoed back."""
    try:
        return normalize_idcc(raw)
    except ValueError:
        raise argparse.ArgumentTypeError("expected an IDCC: a number of at most four digits, e.g. 1486") from None


def as_of_day(raw: str) -> date:
    try:
        if ISO_DAY.fullmatch(raw):
            return date.fromisoformat(raw)
    except ValueError:
        pass
    raise argparse.ArgumentTypeError("expected a calendar day as YYYY-MM-DD, e.g. 2020-01-01")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="guichet", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    def with_batch(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("text", nargs="*")
        sub.add_argument("--batch", metavar="FILE.jsonl")
        sub.add_argument("--json", action="store_true")

    def with_filters(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--source", action="append", help=", ".join(SOURCES))
        sub.add_argument("--audience", action="append", help="particuliers, professionnels, associations")
        sub.add_argument("--as-of", type=as_of_day, metavar="YYYY-MM-DD",
                         help="only the articles in force on that day (fiches, undated, are kept)")
        sub.add_argument("--agreement", action="append", type=idcc_number, metavar="IDCC",
                         help="search this collective agreement's articles (source kali), e.g. 1486")

    search = commands.add_parser("search", help="hybrid search over the index")
    with_batch(search)
    with_filters(search)
    search.add_argument("--k", type=result_count, default=10, help=f"1 to {MAX_RESULTS}")
    search.set_defaults(func=cmd_search)

    ask = commands.add_parser("ask", help="answer a question with cited sources")
    with_batch(ask)
    with_filters(ask)
    ask.set_defaults(func=cmd_ask)

    check = commands.add_parser("verify", help="check a draft's [n]-cited sentences against the passages it cites")
    with_batch(check)
    check.add_argument("--question", help="the question the draft answers")
    check.add_argument("--passage", action="append", help="id of the passage [n] (document or chunk), in order")
    check.set_defaults(func=cmd_verify)

    redact = commands.add_parser("redact", help="mask personal data in a text")
    with_batch(redact)
    redact.set_defaults(func=cmd_redact)

    corpus = commands.add_parser("corpus", help="official sources")
    corpus.add_argument("action", choices=["fetch", "update"])
    corpus.add_argument("--yes", action="store_true", help="update: apply without asking")
    corpus.add_argument("--json", action="store_true", help="update: the plan (and what was applied) as JSON")
    corpus.set_defaults(func=cmd_corpus)

    index = commands.add_parser("index", help="fetch the corpus if needed and (re)build the index")
    index.add_argument("--no-fetch", action="store_true", help="use the corpus already on disk")
    index.add_argument("--force", action="store_true", help="rebuild even if the corpus did not change")
    index.add_argument("--json", action="store_true")
    index.set_defaults(func=cmd_index)

    serve = commands.add_parser("serve", help="serve the agents' chat page")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.set_defaults(func=cmd_serve)

    api = commands.add_parser("api", help="HTTP API: make a bearer token and the digest to configure")
    api.add_argument("action", choices=["token"])
    api.set_defaults(func=cmd_api_token)

    config = commands.add_parser("config", help="print the effective configuration")
    config.add_argument("--json", action="store_true")
    config.set_defaults(func=cmd_config)

    audit = commands.add_parser("audit", help="audit log: purge by retention, export for the DPO")
    audit.add_argument("action", choices=["purge", "export"])
    audit.add_argument("--out", help="CSV file (default: stdout)")
    audit.set_defaults(func=cmd_audit)

    evaluate = commands.add_parser(
        "eval", help="evaluate retrieval, answers, privacy, latency, draft verification",
        description="Score the deployed pipeline on the shipped datasets (eval/datasets) and write results.json, "
                    "report.md, report.html (plots) and system-card.md.",
    )
    evaluate.add_argument("part", choices=["retrieval", "answers", "pii", "latency", "verify", "all"],
                          help="retrieval: keyword queries, hit@k/MRR/nDCG against baselines; answers: questions "
                               "with reference answers and questions that must be refused; pii: redaction "
                               "precision/recall; latency: time per stage; verify: planted drafts through the "
                               "verifier; all: every part")
    evaluate.add_argument("--dataset", metavar="FILE.jsonl",
                          help="replace the part's shipped datasets with this file (not with `all`)")
    evaluate.add_argument("--out", metavar="DIR",
                          help="where to write the report (default: <home>/eval/<date>-<config hash>)")
    evaluate.add_argument("--compare", metavar="OLD_DIR",
                          help="compare with an earlier run's results.json; exit 1 if a quality figure drops by "
                               "more than eval_regression_threshold")
    evaluate.add_argument("--limit", type=positive_count, metavar="N", help="first N rows of each dataset")
    evaluate.add_argument("--baselines", type=baseline_names, default=list(DEFAULT_BASELINES), metavar="LIST",
                          help="retrieval: reference systems to compare with, comma-separated among "
                               f"{', '.join(BASELINES)}, or none (default: {','.join(DEFAULT_BASELINES)}). "
                               "langchain embeds the whole corpus again with all-MiniLM-L6-v2: about 20 minutes "
                               "on 2 cores the first time, cached after")
    evaluate.set_defaults(func=cmd_eval)

    bench = commands.add_parser("bench", help="retrieval side by side with baselines, and latencies")
    bench.add_argument("--limit", type=int, help="first N queries of each dataset")
    bench.add_argument("--ablations", action="store_true", help="also each technique on and off")
    bench.add_argument("--cold", action="store_true", help="embed from scratch (empty cache) to time the builds")
    bench.add_argument("--sources", help=f"comma-separated sources ({','.join(SOURCES)}): "
                       "bench on their documents only")
    bench.add_argument("--page", metavar="URL", help="time agents asking at once through a running page "
                       "(`guichet serve`), instead of benchmarking retrieval")
    bench.add_argument("--agents", type=agent_counts, default=[1, 5, 20],
                       help="with --page: comma-separated numbers of agents at once (default 1,5,20)")
    bench.add_argument("--questions-per-agent", type=questions_per_agent, default=3,
                       help="with --page: questions each agent asks in turn (default 3)")
    bench.add_argument("--browser", metavar="URL", help="time the first answer text an agent sees in headless Chromium "
                       "on a running page (`guichet serve`; needs Playwright, the test extra)")
    bench.add_argument("--out", help="with --page or --browser: write the figures as JSON to this file")
    bench.add_argument("--api", action="store_true",
                       help="time the HTTP API against the in-process call on the first development questions "
                            f"(--limit, default {API_BENCH_QUESTIONS}) and check it answers alike")
    bench.add_argument("--repeat", type=positive_count, default=3,
                       help="with --api or --browser: times each question is asked")
    bench.add_argument("--cli-answers", metavar="FILE.jsonl",
                       help="with --api: `guichet ask --batch --json` output for the same questions, to compare with")
    bench.set_defaults(func=cmd_bench)

    ranker = commands.add_parser("ranker", help="train the learned reranking of search results (grouped CV)")
    ranker.add_argument("action", choices=["train"])
    ranker.add_argument("--dataset", help="keyword queries JSONL with relevant documents and themes "
                        "(default: eval/datasets/retrieval-queries.jsonl)")
    ranker.add_argument("--out", help="where to write the model (default: the shipped indexing/ranker.json)")
    ranker.add_argument("--limit", type=positive_count, metavar="N", help="first N queries")
    ranker.set_defaults(func=cmd_ranker)

    model = commands.add_parser("model", help="generation models: list, fetch, check (qualify for drafting)")
    model.add_argument("action", choices=["list", "fetch", "check"])
    model.add_argument("name", nargs="?", help="registry name or GGUF path (check: the configured model by default)")
    model.add_argument("--dataset", help="check: questions JSONL (default: the development fiche questions)")
    model.add_argument("--limit", type=int, help="check: first N questions")
    model.set_defaults(func=cmd_model)
    return parser


def main(argv: Iterable[str] | None = None) -> None:
    args = build_parser().parse_args(list(argv) if argv is not None else None)
    check_input(args)
    overrides = {k: v for k, v in (("host", getattr(args, "host", None)), ("port", getattr(args, "port", None))) if v}
    try:
        settings = load_settings(**overrides)
    except ConfigError as error:
        raise SystemExit(f"guichet: {error}") from None
    from corpus.fetch import IntegrityError, RegistryError
    from indexing.index import IndexCorrupted, IndexNotFound
    from indexing.qdrant_store import QdrantUnavailable
    from redaction.audit import AuditUnavailable

    try:
        args.func(settings, args)
    except (IndexNotFound, IndexCorrupted, QdrantUnavailable, AuditUnavailable, PinsError) as error:
        raise SystemExit(f"guichet: {error}") from None
    except (IntegrityError, RegistryError) as error:
        raise SystemExit(f"guichet: {error}; the pins, corpus and index in force were left as they were") from None
        raise SystemExit(f"guichet: {error}") from None
    except Exception as error:
        if getattr(error, "errno", None) == errno.ENOSPC or "No space left on device" in str(error):
            raise SystemExit(
                f"guichet: no space left under {settings.home}; the index in service was left as it was. "
                "Free some space and run the command again."
            ) from None
        raise SystemExit(f"guichet: unexpected {type(error).__name__} at {_origin(error)} (the message is "
                         "not shown: it may hold the text of a question); please report it") from None


def _origin(error: BaseException) -> str:
    frames = traceback.extract_tb(error.__traceback__)
    return f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"


if __name__ == "__main__":
    main()
