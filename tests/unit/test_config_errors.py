"""Configuration errors an operator can act on: one line each, naming the file's line or the
environment variable, the key, what is wrong and how to fix it; secrets from files; missing
libraries said before anything starts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bot.app import Config, load_config
from bot.cli import EXIT_CONFIG, check_config, main
from bot.config import ConfigError, toml_line

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "config.example.toml"

MATRIX = '[matrix]\nhomeserver = "https://matrix.example.org"\nuser_id = "@bot:example.org"\n'
# A local model server: no key needed, so that these configurations are complete.
LLM = '[llm]\nbase_url = "http://127.0.0.1:8000/v1"\n'
GOOD = MATRIX + 'password = "x"\n' + LLM


def write(tmp_path: Path, text: str, name: str = "config.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def good_config(tmp_path: Path) -> Path:
    return write(tmp_path, GOOD, "good.toml")


def errors(path: Path, environ: dict[str, str] | None = None) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load_config(path, environ=environ or {})
    return caught.value.problems


def cli_errors(
    argv: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> list[str]:
    """The command's stderr lines; it must exit with the configuration error code."""
    for name in [n for n in os.environ if n.startswith("ASSISTANT__")]:
        monkeypatch.delenv(name)
    assert main(argv) == EXIT_CONFIG
    lines = capsys.readouterr().err.splitlines()
    prefixes = ("configuration error: ", "missing dependency: ")
    assert lines and all(line.startswith(prefixes) for line in lines)
    return lines


def line_of(path: Path, start: str) -> int:
    """The number of the first line of the file that starts with `start`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(start))


# 1. Files that cannot be read ----------------------------------------------------------------


def test_a_directory_a_locked_file_or_latin1_is_one_line_with_the_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "conf"
    folder.mkdir()
    [line] = cli_errors(["check-config", "--config", str(folder)], capsys, monkeypatch)
    assert line == (
        f"configuration error: {folder}: is a directory, not a file: give the configuration "
        f"file itself, e.g. --config {folder / 'config.toml'}"
    )

    latin = tmp_path / "latin.toml"
    latin.write_bytes(MATRIX.encode() + 'device_name = "Assistant été"\n'.encode("latin-1"))
    [line] = cli_errors(["check-config", "--config", str(latin)], capsys, monkeypatch)
    assert line.startswith(f"configuration error: {latin}:4: this line is not UTF-8 (byte 0xe9)")
    assert "save the file as UTF-8" in line

    # Tests may run as root, whom chmod 000 does not stop: the refusal is simulated.
    locked = write(tmp_path, GOOD, "locked.toml")
    real_open = Path.open

    def open_(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_)
    [line] = cli_errors(["check-config", "--config", str(locked)], capsys, monkeypatch)
    assert line == (
        f"configuration error: {locked}: cannot be read (permission denied): let the user "
        "running the bot read it (chmod, chown)"
    )

    [line] = cli_errors(["run", "--config", str(tmp_path / "none.toml")], capsys, monkeypatch)
    assert "no such file: copy config.example.toml to" in line


def test_invalid_toml_names_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD + "[storage]\ndatabase = data.sqlite3\n")
    [problem] = errors(path)
    assert problem.startswith(f"{path}:8: invalid TOML: Invalid value (column 12)")
    assert problem.endswith("fix this line")


# 2. Required keys and example values ----------------------------------------------------------


def test_the_bots_account_is_required(tmp_path: Path) -> None:
    path = write(tmp_path, '# the bot\n[matrix]\npassword = "x"\n' + LLM)
    problems = check_config(load_config(path, environ={}))
    assert problems == [
        f'{path}:2: matrix.homeserver is missing: add homeserver = "https://…" (the bot '
        "account's homeserver) to [matrix], or set ASSISTANT__MATRIX__HOMESERVER",
        f'{path}:2: matrix.user_id is missing: add user_id = "@name:server" (the bot\'s Matrix '
        "id) to [matrix], or set ASSISTANT__MATRIX__USER_ID",
    ]
    given = {
        "ASSISTANT__MATRIX__HOMESERVER": "https://matrix.example.org",
        "ASSISTANT__MATRIX__USER_ID": "@bot:example.org",
    }
    assert check_config(load_config(path, environ=given)) == []


def test_the_unedited_example_is_refused_with_the_lines_to_change(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = cli_errors(["check-config", "--config", str(EXAMPLE)], capsys, monkeypatch)
    prefix = f"configuration error: {EXAMPLE}"
    assert lines == [
        f"{prefix}:{line_of(EXAMPLE, 'password = ')}: matrix.password is still the example "
        "value: delete this line and put the password in ASSISTANT__MATRIX__PASSWORD (or in a "
        "file named by ASSISTANT__MATRIX__PASSWORD_FILE)",
        f"{prefix}:{line_of(EXAMPLE, 'api_key = ')}: llm.api_key is empty and the model server "
        "https://albert.api.etalab.gouv.fr/v1 is not on this machine: put its key in "
        "ASSISTANT__LLM__API_KEY (or in a file named by ASSISTANT__LLM__API_KEY_FILE; any value "
        "for a server that needs none)",
        f"{prefix}:{line_of(EXAMPLE, 'room = ')}: support.room is still the example value "
        '"!abc:agent.dinum.tchap.gouv.fr": set your support room\'s id or alias, or "" for none',
        f"{prefix}:{line_of(EXAMPLE, 'admins = ')}: support.admins still lists the example "
        'admin "@alice-numerique.gouv.fr:agent.dinum.tchap.gouv.fr": list your support '
        "staff's Matrix ids instead",
    ]


@pytest.mark.parametrize(
    ("base_url", "refused"),
    [
        ("http://127.0.0.1:8000/v1", False),
        ("http://localhost:11434/v1", False),
        ("http://[::1]:8000/v1", False),
        ("https://albert.api.etalab.gouv.fr/v1", True),
        ("http://10.0.0.5:8000/v1", True),
    ],
)
def test_an_empty_model_key_is_refused_unless_the_server_is_local(
    tmp_path: Path, base_url: str, refused: bool
) -> None:
    path = write(tmp_path, MATRIX + f'password = "x"\n[llm]\nbase_url = "{base_url}"\n')
    problems = check_config(load_config(path, environ={}))
    assert bool(problems) == refused
    if refused:
        assert problems[0].startswith(f"{path}:5: llm.api_key is empty")  # the [llm] line
        keyed = load_config(path, environ={"ASSISTANT__LLM__API_KEY": "k"})
        assert check_config(keyed) == []


# 3. Which source a bad key came from ----------------------------------------------------------


def test_a_typo_names_its_source_and_the_closest_key(tmp_path: Path) -> None:
    text = MATRIX + 'password = "x"\nhomesever = "x"\n' + LLM + "[ops]\njson_log = true\n[matrx]\n"
    path = write(tmp_path, text)
    problems = errors(path, {"ASSISTANT__MATRIX__PASWORD": "x", "ASSISTANT__LLM__MODLE": "m"})
    assert problems == [
        "environment variable ASSISTANT__LLM__MODLE: unknown key llm.modle (did you mean model?)",
        "environment variable ASSISTANT__MATRIX__PASWORD: unknown key matrix.pasword (did you "
        "mean password?)",
        f"{path}:5: [matrix] unknown key homesever (did you mean homeserver?)",
        f"{path}:9: [ops] unknown key json_log (did you mean json_logs?)",
        f"{path}:10: unknown section [matrx] (did you mean matrix?)",
    ]
    far = errors(good_config(tmp_path), {"ASSISTANT__ZZZ__QQQ": "1"})
    assert far == [
        "environment variable ASSISTANT__ZZZ__QQQ: unknown section zzz (config.example.toml "
        "lists every key)"
    ]


# 4. Environment values parsed by the key's type -----------------------------------------------


@pytest.mark.parametrize("value", ["true", "[1]", " spaces ", "12", "null", '{"a": 1}'])
def test_secrets_and_text_from_the_environment_are_taken_as_they_are(
    tmp_path: Path, value: str
) -> None:
    config = load_config(
        good_config(tmp_path),
        environ={"ASSISTANT__MATRIX__PASSWORD": value, "ASSISTANT__LLM__MODEL": value},
    )
    assert config.matrix.password is not None
    assert config.matrix.password.get_secret_value() == value
    assert config.llm.model == value


def test_lists_are_json_and_numbers_and_booleans_are_parsed(tmp_path: Path) -> None:
    config = load_config(
        good_config(tmp_path),
        environ={
            "ASSISTANT__SUPPORT__ADMINS": '["@a:example.org", "@b:example.org"]',
            "ASSISTANT__LLM__TEMPERATURE": " 0.7",
            "ASSISTANT__LLM__MAX_TOKENS": "100",
            "ASSISTANT__OPS__JSON_LOGS": "true",
            "ASSISTANT__MATRIX__STORE_DIR": "/var/lib/bot/matrix",
            "ASSISTANT__PRIVACY__NER": "off",
        },
    )
    assert config.support.admins == ["@a:example.org", "@b:example.org"]
    assert (config.llm.temperature, config.llm.max_tokens) == (0.7, 100)
    assert config.ops.json_logs is True
    assert config.matrix.store_dir == Path("/var/lib/bot/matrix")
    assert config.privacy.ner == "off"


def test_a_bad_environment_value_names_the_variable(tmp_path: Path) -> None:
    problems = errors(
        good_config(tmp_path),
        {
            "ASSISTANT__SUPPORT__ADMINS": "@a:example.org",
            "ASSISTANT__LLM__MAX_TOKENS": "beaucoup",
            "ASSISTANT__MATRIX": "x",
        },
    )
    assert problems == [
        "environment variable ASSISTANT__MATRIX: matrix is a section: set one variable per key "
        "instead",
        'environment variable ASSISTANT__SUPPORT__ADMINS: support.admins takes JSON, e.g. ["a", '
        '"b"] (or [] for none); this value is not JSON (Expecting value at character 0)',
        "environment variable ASSISTANT__LLM__MAX_TOKENS: llm.max_tokens: Input should be a "
        "valid integer, unable to parse string as an integer (got 'beaucoup')",
    ]


# 5. Secrets from files ------------------------------------------------------------------------


def test_a_secret_comes_from_a_file(tmp_path: Path) -> None:
    path = write(tmp_path, MATRIX + LLM)
    secret = tmp_path / "bot_password"
    secret.write_text("s3cret \n\n", encoding="utf-8")  # one final newline is the file's
    config = load_config(path, environ={"ASSISTANT__MATRIX__PASSWORD_FILE": str(secret)})
    assert config.matrix.password is not None
    assert config.matrix.password.get_secret_value() == "s3cret \n"
    key = tmp_path / "api_key"
    key.write_text("sk-1\r\n", encoding="utf-8")
    config = load_config(
        path,
        environ={"ASSISTANT__MATRIX__PASSWORD": "x", "ASSISTANT__LLM__API_KEY_FILE": str(key)},
    )
    assert config.llm.api_key.get_secret_value() == "sk-1"


def test_a_secret_file_that_cannot_be_used_names_the_variable_and_the_file(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, MATRIX + LLM)
    empty = tmp_path / "empty"
    empty.write_text("\n", encoding="utf-8")
    missing = tmp_path / "missing"
    variable = "ASSISTANT__MATRIX__PASSWORD_FILE"
    assert errors(path, {variable: str(empty)})[0] == (
        f"environment variable {variable}: secret file {empty} is empty: write the secret in it"
    )
    assert errors(path, {variable: str(tmp_path)})[0] == (
        f"environment variable {variable}: secret file {tmp_path} is a directory: name the "
        "secret file itself"
    )
    # One line each: the password was given, so it is not also said to be missing.
    assert errors(path, {variable: str(missing)}) == [
        f"environment variable {variable}: secret file {missing} does not exist: mount the "
        "secret there or correct the variable"
    ]
    assert errors(path, {variable: str(empty), "ASSISTANT__MATRIX__PASSWORD": "x"}) == [
        "environment variables ASSISTANT__MATRIX__PASSWORD and ASSISTANT__MATRIX__PASSWORD_FILE "
        "both set matrix.password: keep only one",
    ]
    assert errors(good_config(tmp_path), {"ASSISTANT__LLM__MODEL_FILE": str(empty)}) == [
        "environment variable ASSISTANT__LLM__MODEL_FILE: llm.model is not a secret and _FILE "
        "reads only secrets (passwords, tokens, keys): set ASSISTANT__LLM__MODEL instead"
    ]


def test_a_secret_never_appears_in_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, MATRIX + 'password = ["hunter2"]\n' + LLM)
    text = "\n".join(errors(path, {"ASSISTANT__LLM__API_KEY": "[1]"}))
    assert "matrix.password: Input should be a valid string" in text
    assert "hunter2" not in text


# 6. Renamed keys ------------------------------------------------------------------------------


def test_a_renamed_key_says_what_replaces_it(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD + '[web]\nsearxng_url = "http://searxng:8080"\n')
    renamed = (
        'web.searxng_url is no longer a key: use web.base_url (with web.provider = "searxng")'
    )
    assert errors(path) == [f"{path}:8: {renamed}"]
    variable = "ASSISTANT__WEB__SEARXNG_URL"
    assert errors(good_config(tmp_path), {variable: "http://searxng:8080"}) == [
        f"environment variable {variable}: {renamed}"
    ]


# 7. One line per problem, each with its source and key ----------------------------------------


def test_every_problem_is_one_line_with_its_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(
        tmp_path,
        GOOD
        + 'temperature = 9\n[support]\nadmins = ["@a:example.org", 3]\n[web]\nprovider = "x"\n',
    )
    lines = cli_errors(["check-config", "--config", str(path)], capsys, monkeypatch)
    assert lines == [
        f"configuration error: {path}:7: llm.temperature: Input should be less than or equal to 2 "
        "(got 9)",
        f"configuration error: {path}:9: support.admins[1]: Input should be a valid string "
        "(got 3)",
        f"configuration error: {path}:11: web.provider: Input should be 'none' or 'searxng' "
        "(got 'x')",
    ]
    assert errors(good_config(tmp_path), {"ASSISTANT__LIMITS__BURST_PER_MINUTE": "-1"}) == [
        "environment variable ASSISTANT__LIMITS__BURST_PER_MINUTE: limits.burst_per_minute: "
        "Input should be greater than or equal to 0 (got '-1')"
    ]
    # A section's own check points at the key its message names, else at the section.
    no_credential = write(tmp_path, MATRIX + LLM, "nocred.toml")
    [problem] = errors(no_credential)
    assert problem.startswith(f"{no_credential}:1: set exactly one of matrix.password")
    [problem] = errors(good_config(tmp_path), {"ASSISTANT__SURVEYS__TIMEZONE": "Europe/Lutece"})
    assert problem == (
        "environment variable ASSISTANT__SURVEYS__TIMEZONE: surveys.timezone: unknown time zone "
        "'Europe/Lutece'"
    )
    [problem] = errors(write(tmp_path, GOOD + '[web]\nprovider = "searxng"\n', "web.toml"))
    assert problem.endswith("web.toml:7: web.base_url is required with provider 'searxng'")


def test_toml_line_finds_keys_tables_and_skips_multiline_strings() -> None:
    text = (
        'top = 1\n[llm]\nprompt = """\nmodel = "in the string"\n"""\nmodel = "m"\n'
        '[web]\n"base_url" = "u"\n'
    )
    assert toml_line(text, ("top",)) == 1
    assert toml_line(text, ("llm", "model")) == 6
    assert toml_line(text, ("llm", "api_key")) == 2  # not there: its table
    assert toml_line(text, ("web", "base_url")) == 8
    assert toml_line(text, ("ops", "json_logs")) is None


# 8. Libraries `run` needs ---------------------------------------------------------------------


def test_a_missing_library_is_said_before_the_configuration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pptx", None)  # `import pptx` now fails
    for command in ("check-config", "run"):
        [line] = cli_errors(
            [command, "--config", str(tmp_path / "none.toml")], capsys, monkeypatch
        )
        assert line.startswith("missing dependency: pptx: ")
        # The distribution's name, not the module's, with the bounds the bot was built with.
        assert "(reinstall with pip install 'python-pptx" in line


def test_a_library_the_features_import_at_start_is_said_too(tmp_path: Path) -> None:
    # trafilatura missing: reported as a missing dependency, never a traceback.
    code = (
        "import sys; sys.modules['trafilatura'] = None\n"
        "from bot.cli import main\n"
        f"raise SystemExit(main(['check-config', '--config', {str(tmp_path / 'c.toml')!r}]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == EXIT_CONFIG, result.stderr
    assert result.stderr.startswith("missing dependency: trafilatura: ")
    assert "Traceback" not in result.stderr
    assert "(reinstall with pip install 'trafilatura" in result.stderr  # with its bounds


def test_the_whole_model_is_reachable_from_the_environment(tmp_path: Path) -> None:
    # Every key of every section can be set by a variable (no key needs the file).
    for section, info in Config.model_fields.items():
        if section == "log_level":
            continue
        model = info.annotation
        assert isinstance(model, type)
        for key in model.model_fields:
            variable = f"ASSISTANT__{section.upper()}__{key.upper()}"
            try:
                load_config(good_config(tmp_path), environ={variable: "1"})
            except ConfigError as exc:
                assert not any("unknown key" in p for p in exc.problems), variable
