"""Configuration: the example file, environment overrides, validation errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.app import load_config
from bot.cli import check_config, main
from bot.config import ConfigError

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "config.example.toml"


def test_example_config_loads_as_is() -> None:
    config = load_config(EXAMPLE, environ={})
    assert config.matrix.user_id.startswith("@assistant-ia")
    assert config.llm.model.startswith("mistralai/")
    assert config.matrix.store_dir == ROOT / "data" / "matrix"
    assert config.storage.database.is_absolute()
    # Its example values are refused by check-config (see test_config_errors.py); with them
    # replaced, as an operator does, nothing else is missing.
    replaced = {
        "ASSISTANT__MATRIX__PASSWORD": "secret",
        "ASSISTANT__LLM__API_KEY": "key",
        "ASSISTANT__SUPPORT__ROOM": "#support:agent.dinum.tchap.gouv.fr",
        "ASSISTANT__SUPPORT__ADMINS": '["@bob-numerique.gouv.fr:agent.dinum.tchap.gouv.fr"]',
    }
    assert check_config(load_config(EXAMPLE, environ=replaced)) == []


def test_environment_overrides_secrets_and_lists() -> None:
    env = {
        "ASSISTANT__LLM__API_KEY": "sk-secret",
        "ASSISTANT__LLM__TEMPERATURE": "0.7",
        "ASSISTANT__SUPPORT__ADMINS": '["@bob:example.org"]',
        "OTHER": "ignored",
    }
    config = load_config(EXAMPLE, environ=env)
    assert config.llm.api_key.get_secret_value() == "sk-secret"
    assert "sk-secret" not in repr(config)
    assert config.llm.temperature == 0.7
    assert config.support.admins == ["@bob:example.org"]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_unknown_keys_are_errors(tmp_path: Path) -> None:
    path = write(tmp_path, '[matrix]\nuser_id = "@a:b"\npassword = "x"\nhomesever = "typo"\n')
    with pytest.raises(ConfigError, match="homesever"):
        load_config(path, environ={})


def test_exactly_one_credential(tmp_path: Path) -> None:
    both = write(tmp_path, '[matrix]\nuser_id = "@a:b"\npassword = "x"\naccess_token = "y"\n')
    with pytest.raises(ConfigError, match="exactly one"):
        load_config(both, environ={})
    none = write(tmp_path, '[matrix]\nuser_id = "@a:b"\n')
    with pytest.raises(ConfigError, match="exactly one"):
        load_config(none, environ={})
    token = load_config(none, environ={"ASSISTANT__MATRIX__ACCESS_TOKEN": "tok"})
    assert token.matrix.access_token is not None


def test_relative_paths_follow_the_config_file(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[matrix]\nuser_id = "@a:b"\npassword = "x"\nstore_dir = "s"\n'
        '[storage]\ndatabase = "db/bot.sqlite3"\n',
    )
    config = load_config(path, environ={})
    assert config.matrix.store_dir == tmp_path.resolve() / "s"
    assert config.storage.database == tmp_path.resolve() / "db" / "bot.sqlite3"


def test_check_config_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write(
        tmp_path,
        '[matrix]\nhomeserver = "https://matrix.example.org"\nuser_id = "@a:b"\npassword = "x"\n'
        '[llm]\nbase_url = "http://127.0.0.1:8000/v1"\n',  # a local server needs no key
    )
    assert main(["check-config", "--config", str(good)]) == 0
    bad = write(
        tmp_path,
        '[matrix]\nuser_id = "nobody"\npassword = "x"\n[llm]\ntemperature = 9\nmodle = "x"\n',
    )
    assert main(["check-config", "--config", str(bad)]) != 0
    err = capsys.readouterr().err
    # Every problem is listed, not only the first one.
    assert "temperature" in err and "modle" in err
    assert main(["check-config", "--config", str(tmp_path / "missing.toml")]) != 0
