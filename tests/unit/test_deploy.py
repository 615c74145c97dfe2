"""The Docker image's entry point, paths and config layout, checked without a Docker engine."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")
COMPOSE = (ROOT / "docker-compose.example.yml").read_text(encoding="utf-8")
DEPLOY_CONFIG = ROOT / "deploy" / "config.toml"


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
    settings = (ROOT / "deploy" / "searxng" / "settings.yml").read_text(encoding="utf-8")
    assert re.search(r"formats:\s*\n\s*- html\s*\n\s*- json", settings)
    assert "./deploy/searxng/settings.yml:/etc/searxng/settings.yml:ro" in COMPOSE


def _check_config(tmp_path: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    # The image's layout under tmp_path: /config/config.toml and the /data volume.
    (tmp_path / "config").mkdir()
    (tmp_path / "data").mkdir()
    text = DEPLOY_CONFIG.read_text(encoding="utf-8").replace('"/data/', f'"{tmp_path}/data/')
    config = tmp_path / "config" / "config.toml"
    config.write_text(text, encoding="utf-8")
    config.chmod(0o444)
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
