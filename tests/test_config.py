"""Settings are read strictly: a value that is not of its setting's type is an error naming where it came from."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from guichet.config import SECTIONS, ConfigError, Settings, default_embedding_model, load_settings
from indexing.profiles import MULTILINGUAL_E5_SMALL, profile_for


@pytest.mark.parametrize("word", ["true", "TRUE", "1", "yes", "On", "oui", " Oui "])
def test_boolean_words_for_true(tmp_path: Path, word: str) -> None:
    settings = load_settings(env={"GUICHET_HOME": str(tmp_path), "GUICHET_REDACT_FOR_LLM": word})
    assert settings.redact_for_llm is True


@pytest.mark.parametrize("word", ["false", "False", "0", "no", "OFF", "non"])
def test_boolean_words_for_false(tmp_path: Path, word: str) -> None:
    settings = load_settings(env={"GUICHET_HOME": str(tmp_path), "GUICHET_REDACT_FOR_LLM": word})
    assert settings.redact_for_llm is False


@pytest.mark.parametrize("word", ["ture", "", "2", "vrai", "enabled", "y"])
def test_unrecognised_boolean_is_an_error_naming_the_variable(tmp_path: Path, word: str) -> None:
    with pytest.raises(ConfigError, match="GUICHET_REDACT_FOR_LLM.*redact_for_llm"):
        load_settings(env={"GUICHET_HOME": str(tmp_path), "GUICHET_REDACT_FOR_LLM": word})


@pytest.mark.parametrize(
    ("variable", "raw"),
    [("GUICHET_N_CTX", "3.7"), ("GUICHET_TOP_K", "true"), ("GUICHET_TOP_K", "five"), ("GUICHET_PORT", "80a"),
     ("GUICHET_TEMPERATURE", "tiède"), ("GUICHET_TOP_K", "0"), ("GUICHET_N_CTX", "-1")],
)
def test_environment_value_of_the_wrong_type_is_an_error(tmp_path: Path, variable: str, raw: str) -> None:
    with pytest.raises(ConfigError, match=variable):
        load_settings(env={"GUICHET_HOME": str(tmp_path), variable: raw})


def test_environment_numbers_are_read(tmp_path: Path) -> None:
    settings = load_settings(
        env={"GUICHET_HOME": str(tmp_path), "GUICHET_TOP_K": " 7 ", "GUICHET_TEMPERATURE": "0.2"}
    )
    assert (settings.top_k, settings.temperature) == (7, 0.2)


@pytest.mark.parametrize(
    ("line", "setting"),
    [
        ("n_ctx = 3.7", "n_ctx"),
        ("top_k = true", "top_k"),
        ('top_k = "5"', "top_k"),
        ("redact_for_llm = 1", "redact_for_llm"),
        ('redact_for_llm = "ture"', "redact_for_llm"),
        ("temperature = false", "temperature"),
        ("host = 127", "host"),
        ("sources = [1, 2]", "sources"),
        ("llm_model_path = 7", "llm_model_path"),
        ("audit_retention_days = 30.5", "audit_retention_days"),
        ('temperature = "0.2"', "temperature"),
    ],
)
def test_toml_value_of_the_wrong_type_names_file_and_setting(tmp_path: Path, line: str, setting: str) -> None:
    config = tmp_path / "guichet.toml"
    config.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_settings(env={"GUICHET_HOME": str(tmp_path)})
    assert str(config) in str(raised.value) and setting in str(raised.value)


def test_toml_values_of_the_right_type_are_kept(tmp_path: Path) -> None:
    config = tmp_path / "other.toml"
    config.write_text('top_k = 8\ntemperature = 1\nredact_for_llm = false\nsources = ["legifrance"]\n')
    settings = load_settings(env={"GUICHET_HOME": str(tmp_path), "GUICHET_CONFIG": str(config)})
    assert (settings.top_k, settings.temperature, settings.redact_for_llm) == (8, 1.0, False)
    assert settings.sources == ("legifrance",)


def test_toml_syntax_error_names_the_file(tmp_path: Path) -> None:
    config = tmp_path / "guichet.toml"
    config.write_text("top_k = = 5\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=f"{config}: not valid TOML"):
        load_settings(env={"GUICHET_HOME": str(tmp_path)})


def test_missing_config_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="absent.toml"):
        load_settings(env={"GUICHET_HOME": str(tmp_path), "GUICHET_CONFIG": str(tmp_path / "absent.toml")})


def test_unknown_setting_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "guichet.toml").write_text("topk = 5\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="topk"):
        load_settings(env={"GUICHET_HOME": str(tmp_path)})


def test_secret_values_stay_out_of_the_error(tmp_path: Path) -> None:
    (tmp_path / "guichet.toml").write_text("auth = 12345678\n", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_settings(env={"GUICHET_HOME": str(tmp_path)})
    assert "auth" in str(raised.value) and "12345678" not in str(raised.value)


def test_config_error_is_a_value_error() -> None:
    assert issubclass(ConfigError, ValueError)


def test_the_maintenance_panel_is_off_unless_the_configuration_turns_it_on(tmp_path: Path) -> None:
    assert load_settings(env={"GUICHET_HOME": str(tmp_path)}).maintenance_panel is False
    (tmp_path / "guichet.toml").write_text("maintenance_panel = true\n", encoding="utf-8")
    assert load_settings(env={"GUICHET_HOME": str(tmp_path)}).maintenance_panel is True
    with pytest.raises(ConfigError, match="GUICHET_MAINTENANCE_PANEL.*maintenance_panel"):
        load_settings(env={"GUICHET_HOME": str(tmp_path), "GUICHET_MAINTENANCE_PANEL": "admin"})


def test_each_embedding_model_has_its_cuts_or_says_it_has_none() -> None:
    assert profile_for(default_embedding_model()) == MULTILINGUAL_E5_SMALL
    assert profile_for("intfloat/multilingual-e5-small/") == MULTILINGUAL_E5_SMALL
    other = profile_for("/opt/models/camembert-retriever")
    assert other.model == "camembert-retriever" and not other.calibrated
    assert other.refusal_threshold == MULTILINGUAL_E5_SMALL.refusal_threshold


def test_the_file_may_group_settings_by_section(tmp_path: Path) -> None:
    (tmp_path / "guichet.toml").write_text(
        'top_k = 6\n[indexing]\nvector_store = "qdrant"\nchunk_max_tokens = 128\n[server]\nport = 8080\n',
        encoding="utf-8",
    )
    settings = load_settings(env={"GUICHET_HOME": str(tmp_path)})
    assert (settings.top_k, settings.vector_store, settings.chunk_max_tokens, settings.port) == (6, "qdrant", 128, 8080)


def test_every_setting_but_home_has_one_section() -> None:
    names = [name for section in SECTIONS.values() for name in section]
    assert sorted(names) == sorted(f.name for f in dataclasses.fields(Settings) if f.name != "home")


@pytest.mark.parametrize(("name", "value"), [("vector_store", "milvus"), ("llm_backend", "vllm"),
                                             ("embedding_backend", "tensorflow"), ("draft_policy", "")])
def test_a_value_outside_its_choices_is_refused_however_the_settings_are_made(name: str, value: str) -> None:
    with pytest.raises(ConfigError, match=f"{name} = {value!r} is not one of"):
        Settings(**{name: value})
    with pytest.raises(ConfigError, match=f"environment variable GUICHET_{name.upper()}: {name}"):
        load_settings(env={f"GUICHET_{name.upper()}": value})
