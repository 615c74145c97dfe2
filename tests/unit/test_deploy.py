"""The Docker image's entry point, paths, build context and config layout, and the example
compose file read the way the bot reads it, checked without a Docker engine."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.app import load_config
from bot.config import ConfigError

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")
COMPOSE = (ROOT / "docker-compose.example.yml").read_text(encoding="utf-8")
DEPLOY_CONFIG = ROOT / "deploy" / "config.toml"
SEARXNG_SETTINGS = ROOT / "deploy" / "searxng" / "settings.yml"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def entry_point() -> str:
    """`assistant-ia`, the image's ENTRYPOINT, as installed next to this interpreter."""
    script = Path(sys.executable).parent / "assistant-ia"
    assert script.exists(), "the console script is missing: pip install -e ."
    return str(script)


def docker_cmd() -> list[str]:
    match = re.search(r"^CMD \[(.*)\]$", DOCKERFILE, re.M)
    assert match
    return [part.strip().strip('"') for part in match.group(1).split(",")]


def test_the_image_layout_is_consistent() -> None:
    cmd = docker_cmd()
    assert cmd[:2] == ["run", "--config"]
    config_path = cmd[2]
    assert f"./deploy/config.toml:{config_path}:ro" in COMPOSE  # mounted read-only
    assert 'VOLUME ["/data"]' in DOCKERFILE and "assistant-data:/data" in COMPOSE
    assert re.search(r"^USER 10001$", DOCKERFILE, re.M)  # numeric, non-root
    assert re.search(r"^FROM python:3\.\d+-slim$", DOCKERFILE, re.M)
    config = tomllib.loads(DEPLOY_CONFIG.read_text(encoding="utf-8"))
    assert config["matrix"]["store_dir"].startswith("/data/")
    assert config["storage"]["database"].startswith("/data/")
    assert "password" not in config["matrix"] and "api_key" not in config["llm"]
    port = config["ops"]["http_port"]
    assert f"http://127.0.0.1:{port}/healthz" in DOCKERFILE  # the HEALTHCHECK
    settings = SEARXNG_SETTINGS.read_text(encoding="utf-8")
    assert re.search(r"formats:\s*\n\s*- html\s*\n\s*- json", settings)
    assert "./deploy/searxng/settings.yml:/etc/searxng/settings.yml:ro" in COMPOSE


def _image_config(tmp_path: Path) -> Path:
    """The image's layout under tmp_path: /config/config.toml and the /data volume."""
    (tmp_path / "config").mkdir()
    (tmp_path / "data").mkdir()
    text = DEPLOY_CONFIG.read_text(encoding="utf-8").replace('"/data/', f'"{tmp_path}/data/')
    config = tmp_path / "config" / "config.toml"
    config.write_text(text, encoding="utf-8")
    config.chmod(0o444)
    return config


def _check_config(tmp_path: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    config = _image_config(tmp_path)
    clean = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT__")}
    return subprocess.run(
        [entry_point(), "check-config", "--config", str(config)],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_entry_point_accepts_the_image_config_with_secrets_from_the_environment(
    tmp_path: Path,
) -> None:
    result = _check_config(
        tmp_path, {"ASSISTANT__MATRIX__PASSWORD": "secret", "ASSISTANT__LLM__API_KEY": "key"}
    )
    assert result.returncode == 0, result.stderr
    assert "configuration OK" in result.stdout
    assert "secret" not in result.stdout + result.stderr


def test_without_the_secret_in_the_environment_the_error_says_where_it_goes(
    tmp_path: Path,
) -> None:
    result = _check_config(tmp_path, {})
    assert result.returncode == 2
    assert "ASSISTANT__MATRIX__PASSWORD" in result.stderr


# The compose file, as Docker Compose and then the bot read it ---------------------------------


def compose_service(name: str) -> dict[str, Any]:
    services: dict[str, dict[str, Any]] = yaml.safe_load(COMPOSE)["services"]
    return services[name]


def interpolate(value: str) -> str:
    """Compose's `${VAR:?message}` and `${VAR}` as a dummy value, `${VAR:-default}` as its
    default: what the container gets once the operator has set the variables."""

    def one(match: re.Match[str]) -> str:
        name, operator, word = match.groups()
        return word if operator in (":-", "-") else f"dummy-{name.lower()}"

    return re.sub(r"\$\{(\w+)(?:(:?[-?])([^}]*))?\}", one, value)


def service_environment(name: str) -> dict[str, str]:
    environment = compose_service(name).get("environment", {})
    if isinstance(environment, list):  # the `- KEY=value` form
        environment = dict(item.split("=", 1) for item in environment)
    return {key: interpolate(str(value)) for key, value in environment.items()}


def test_the_compose_environment_passes_the_bots_own_check(tmp_path: Path) -> None:
    service = compose_service("assistant")
    # The mount check-config reads below (_check_config) is the one the service declares.
    assert f"./deploy/config.toml:{docker_cmd()[2]}:ro" in service["volumes"]
    env = service_environment("assistant")
    assert env, "the assistant service gets its secrets from the environment"
    result = _check_config(tmp_path, env)
    assert result.returncode == 0, result.stderr
    assert "configuration OK" in result.stdout


def test_a_variable_the_config_refuses_fails_the_bots_loader(tmp_path: Path) -> None:
    # The mistake the example once made: a key the [web] section does not have. The loader
    # check-config uses (in-process: no second start of the entry point).
    config = _image_config(tmp_path)
    env = service_environment("assistant")
    load_config(config, env)
    with pytest.raises(ConfigError, match=r"web\.searxng_url"):
        load_config(config, {**env, "ASSISTANT__WEB__SEARXNG_URL": "http://searxng:8080"})


def test_the_bot_searches_through_the_compose_searxng_service() -> None:
    config = tomllib.loads(DEPLOY_CONFIG.read_text(encoding="utf-8"))
    assert config["web"]["provider"] == "searxng"
    searxng = compose_service("searxng")
    port = searxng["expose"][0]
    assert config["web"]["base_url"] == f"http://searxng:{port}"
    assert "searxng" in compose_service("assistant")["depends_on"]


def test_secrets_are_required_from_the_environment_and_never_committed() -> None:
    for name in ("assistant", "searxng"):
        raw = compose_service(name).get("environment", {})
        for key, value in raw.items():
            if any(word in key for word in ("PASSWORD", "API_KEY", "TOKEN", "SECRET")):
                assert re.fullmatch(rf"\$\{{{key}:\?[^}}]+\}}", value), f"{name}: {key}"
    assert "SEARXNG_SECRET" in compose_service("searxng")["environment"]
    settings = yaml.safe_load(SEARXNG_SETTINGS.read_text(encoding="utf-8"))
    assert "secret_key" not in settings["server"]  # SearXNG then refuses its placeholder


def test_images_are_pinned() -> None:
    assert (
        compose_service("assistant")["image"] == f"assistant-ia:{PYPROJECT['project']['version']}"
    )
    searxng = compose_service("searxng")["image"]
    assert re.fullmatch(r"searxng/searxng:\d{4}\.\d{1,2}\.\d{1,2}-[0-9a-f]+", searxng), searxng


# The build context: .dockerignore --------------------------------------------------------------


def dockerignore_patterns() -> list[tuple[bool, re.Pattern[str]]]:
    """(exclude, pattern) in file order. Docker's rules: `*` and `?` stay within a path
    component, `**` spans any number of them, the last matching pattern decides, and a
    pattern that matches a folder matches everything in it."""
    patterns = []
    for line in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        exclude = not line.startswith("!")
        glob = line.removeprefix("!").strip("/")
        regex = ""
        i = 0
        while i < len(glob):
            if glob.startswith("**/", i):
                regex, i = regex + "(?:.*/)?", i + 3
            elif glob.startswith("**", i):
                regex, i = regex + ".*", i + 2
            elif glob[i] == "*":
                regex, i = regex + "[^/]*", i + 1
            elif glob[i] == "?":
                regex, i = regex + "[^/]", i + 1
            elif glob[i] == "[":
                end = glob.index("]", i)
                regex, i = regex + glob[i : end + 1], end + 1
            else:
                regex, i = regex + re.escape(glob[i]), i + 1
        patterns.append((exclude, re.compile(regex)))
    return patterns


def in_build_context(path: str) -> bool:
    parts = path.split("/")
    prefixes = ["/".join(parts[: n + 1]) for n in range(len(parts))]
    excluded = False
    for exclude, pattern in dockerignore_patterns():
        if any(pattern.fullmatch(prefix) for prefix in prefixes):
            excluded = exclude
    return not excluded


def copied_sources() -> list[str]:
    """Every file the build stage's COPY instructions name (globs and folders expanded)."""
    files = []
    for match in re.finditer(r"^COPY (?!--from)(.+) \S+$", DOCKERFILE, re.M):
        for source in match.group(1).split():
            paths = sorted(ROOT.glob(source))
            assert paths, f"COPY {source}: nothing in the tree"
            for path in paths:
                found = sorted(path.rglob("*")) if path.is_dir() else [path]
                files += [
                    p.relative_to(ROOT).as_posix()
                    for p in found
                    if p.is_file() and "__pycache__" not in p.parts
                ]
    return files


def test_the_build_context_has_what_the_dockerfile_copies_and_nothing_heavy_or_secret() -> None:
    files = copied_sources()
    assert {"pyproject.toml", "requirements/run.lock", "bot/cli.py"} <= set(files)
    missing = [path for path in files if not in_build_context(path)]
    assert not missing, f".dockerignore leaves out files the Dockerfile copies: {missing}"
    for path in (
        ".venv/bin/python",
        ".venv-synapse/bin/python",
        ".venv-other/lib/x.py",
        ".demo/assistant.sqlite3",
        "data/assistant.sqlite3",
        "config.toml",
        ".git/HEAD",
        "tests/conftest.py",
        "devtools/demo.py",
        "bench/load.py",
        "build/lib/bot/app.py",
        "dist/assistant_ia-0.1.0.whl",
        "assistant_ia.egg-info/PKG-INFO",
        ".mypy_cache/x.json",
        "bot/__pycache__/app.cpython-311.pyc",
        "requirements/run.in",
    ):
        assert not in_build_context(path), path


def test_devtools_is_neither_in_the_wheel_nor_imported_by_the_runtime() -> None:
    include = PYPROJECT["tool"]["setuptools"]["packages"]["find"]["include"]
    assert not [name for name in include if name.startswith("devtools")]
    for package in ("bot", "handlers", "storage"):
        for path in (ROOT / package).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"^\s*(from|import) devtools\b", text, re.M), path
