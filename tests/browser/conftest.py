"""A real `guichet serve` on a free loopback port, over a small index of the fixture fiches, and headless Chromium."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from assistant.ops.llama_server import free_port
from corpus.fetch import fetch_package, fetched_package
from eval.browser_timing import CHROMIUM, CHROMIUM_ARGS
from guichet.config import CHECKOUT, NpmPackage, Settings, load_settings

SCREENSHOTS = CHECKOUT / "var" / "screenshots"
TEST_TOOLS = CHECKOUT / "var" / "test-tools"
AXE = NpmPackage(
    "axe-core",
    "4.14.1",
    "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==",
)
"""Deque's accessibility engine (MPL-2.0), fetched from npm once and checked against the registry's integrity."""
STARTUP_TIMEOUT_S = 240


@dataclass(frozen=True)
class Server:
    url: str
    settings: Settings
    log: Path


def _wait_until_up(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"guichet serve exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    pytest.fail(f"guichet serve not up after {STARTUP_TIMEOUT_S}s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory, indexed_home: Path) -> Iterator[Server]:
    """Its own GUICHET_HOME (its own audit database) holding a copy of the session's fixture index."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is absent: install Debian's chromium to run the browser tests")
    home = tmp_path_factory.mktemp("guichet-ui-home")
    shutil.copytree(indexed_home / "index", home / "index")
    env = {
        **os.environ,
        "GUICHET_HOME": str(home),
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "TOKENIZERS_PARALLELISM": "false",
        "GRADIO_ANALYTICS_ENABLED": "False",
        "GUICHET_PORT": str(free_port()),
        "GUICHET_HOST": "127.0.0.1",
        "GUICHET_AUTH": "",
        "GUICHET_STALE_AFTER_DAYS": "365",
    }
    settings = load_settings(env=env)
    log = home / "server.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "assistant.faces.cli", "serve"], cwd=CHECKOUT, env=env, stdout=sink, stderr=sink
        )
    url = f"http://127.0.0.1:{settings.port}/"
    try:
        _wait_until_up(url, process, log)
        yield Server(url=url, settings=settings, log=log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def browser(server: Server) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture(scope="session")
def axe_script() -> str:
    """The source of axe.min.js, to inject into a page."""
    TEST_TOOLS.mkdir(parents=True, exist_ok=True)
    fetched = fetched_package(TEST_TOOLS, AXE) or fetch_package(AXE, TEST_TOOLS, log=lambda _: None)
    return (fetched.path / "axe.min.js").read_text(encoding="utf-8")
