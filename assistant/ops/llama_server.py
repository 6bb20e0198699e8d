"""llama.cpp's own OpenAI-compatible server (`python -m llama_cpp.server`), started on loopback by hand or by
the load benchmark and the tests, with the settings that point Guichet's `openai` backend at it."""
from __future__ import annotations

import dataclasses
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from guichet.config import Settings

LOOPBACK = "127.0.0.1"
START_TIMEOUT_S = 180.0


@dataclass(frozen=True)
class LlamaServer:
    process: subprocess.Popen[bytes]
    settings: Settings
    """The caller's settings with `llm_backend="openai"` aimed at this server."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return int(probe.getsockname()[1])


def wait_until_serving(url: str, process: subprocess.Popen[bytes], timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the model server exited with status {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.5)
    raise TimeoutError(f"the model server did not answer on {url} within {timeout_s:.0f} s")


def llama_server_command(settings: Settings, port: int, model_alias: str) -> list[str]:
    return [
        sys.executable, "-m", "llama_cpp.server",
        "--model", settings.llm_model_path,
        "--model_alias", model_alias,
        "--host", LOOPBACK,
        "--port", str(port),
        "--n_ctx", str(settings.n_ctx),
        "--n_gpu_layers", str(settings.n_gpu_layers),
    ]  # fmt: skip


@contextmanager
def llama_server(settings: Settings, model_alias: str = "") -> Iterator[LlamaServer]:
    """A model server on a free loopback port for the duration of the block; stopped (or reaped) at the end."""
    port = free_port()
    alias = model_alias or Path(settings.llm_model_path).stem or "local"
    process = subprocess.Popen(
        llama_server_command(settings, port, alias), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    base_url = f"http://{LOOPBACK}:{port}/v1"
    try:
        wait_until_serving(f"{base_url}/models", process, START_TIMEOUT_S)
        served = dataclasses.replace(settings, llm_backend="openai", llm_base_url=base_url, llm_model=alias)
        yield LlamaServer(process, served)
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
        process.wait()
