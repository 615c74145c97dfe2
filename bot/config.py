"""Configuration: pydantic models loaded from TOML, with ASSISTANT__SECTION__KEY overrides."""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Self, TypeVar

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, model_validator

ENV_PREFIX = "ASSISTANT__"

DEFAULT_SYSTEM_PROMPT = (
    "Tu es l'Assistant IA, un assistant conversationnel destiné aux agents publics français. "
    "Réponds en français, de façon claire, exacte et concise, dans un registre professionnel. "
    "Structure tes réponses avec du Markdown quand cela aide la lecture (titres, listes). "
    "Si tu ne sais pas, dis-le plutôt que d'inventer. Ne demande jamais de données "
    "personnelles et rappelle, si on t'en transmet, qu'il vaut mieux les anonymiser."
)


class Section(BaseModel):
    """A config section: unknown keys are refused."""

    model_config = ConfigDict(extra="forbid")


class MatrixConfig(Section):
    homeserver: str = "http://127.0.0.1:8008"
    user_id: str = "@assistant-ia:localhost"
    password: SecretStr | None = None
    access_token: SecretStr | None = None
    device_id: str | None = None
    device_name: str = "Assistant IA"
    store_dir: Path = Path("data/matrix")
    sync_timeout_ms: int = Field(default=30_000, ge=0)
    # Longer than anything a homeserver sends back in one sync, so no message falls into a gap.
    timeline_limit: int = Field(default=100, ge=1, le=1000)
    request_timeout: float = Field(default=60.0, gt=0)
    # After a long stop: pages of 100 events fetched per room to fill a gap in the timeline.
    max_backfill_pages: int = Field(default=20, ge=0, le=1000)

    @model_validator(mode="after")
    def _one_credential(self) -> MatrixConfig:
        has_password = bool(self.password and self.password.get_secret_value())
        has_token = bool(self.access_token and self.access_token.get_secret_value())
        if has_password == has_token:
            raise ValueError(
                "set exactly one of matrix.password or matrix.access_token "
                "(secrets belong in ASSISTANT__MATRIX__PASSWORD / ASSISTANT__MATRIX__ACCESS_TOKEN)"
            )
        if not self.user_id.startswith("@") or ":" not in self.user_id:
            raise ValueError(f"matrix.user_id must look like @name:server, got {self.user_id!r}")
        return self


class LLMConfig(Section):
    base_url: str = "https://albert.api.etalab.gouv.fr/v1"
    api_key: SecretStr = SecretStr("")
    model: str = "mistralai/Mistral-Small-3.1-24B-Instruct-2503"
    system_prompt: str = DEFAULT_SYSTEM_PROMPT
    temperature: float = Field(default=0.3, ge=0, le=2)
    max_tokens: int = Field(default=2048, ge=1)
    # Tokens of earlier turns (estimated) sent with each question, newest first.
    context_budget: int = Field(default=6000, ge=256)
    # Seconds to wait for the first token, and between two chunks afterwards.
    timeout: float = Field(default=60.0, gt=0)
    # Seconds an answer may take in all, retries included: a model that trickles tokens
    # slowly enough never to hit `timeout` is stopped here.
    answer_deadline: float = Field(default=300.0, gt=0)
    # Our own retries; the openai client's are switched off so they do not multiply.
    retries: int = Field(default=2, ge=0, le=10)
    retry_backoff: float = Field(default=1.0, ge=0)
    # Streaming display: one edit per `edit_interval` seconds, at most `max_edits` per message.
    edit_interval: float = Field(default=1.0, ge=0)
    max_edits: int = Field(default=30, ge=1)
    # Longer answers continue in a new message.
    max_message_chars: int = Field(default=12_000, ge=200, le=30_000)


class StorageConfig(Section):
    database: Path = Path("data/assistant.sqlite3")


class SupportConfig(Section):
    room: str = ""
    admins: list[str] = Field(default_factory=list)


class LimitsConfig(Section):
    """Quotas, burst limits, the fair queue in front of the model."""

    # Per user and per day (Europe/Paris); 0 means no limit. Overridable with !quota.
    messages_per_day: int = Field(default=300, ge=0)
    tokens_per_day: int = Field(default=1_000_000, ge=0)
    # Messages per rolling minute; 0 means no limit.
    burst_per_minute: int = Field(default=10, ge=0)
    # Model requests running at once; the others wait in a fair queue (round-robin by user).
    max_concurrent_requests: int = Field(default=8, ge=1)
    # Requests waiting at most; past it, a polite refusal (the message stays for !reessayer).
    max_queued_requests: int = Field(default=200, ge=0)


class OpsConfig(Section):
    """Health, metrics, logging, support-room alerts."""

    # /healthz, /readyz and /metrics; port 0 disables the listener.
    http_host: str = "127.0.0.1"
    http_port: int = Field(default=9100, ge=0, le=65535)
    # One JSON object per log line instead of plain text.
    json_logs: bool = False
    # On SIGTERM, answers in flight get this many seconds to finish before they are cut (and
    # resumed at the next start). Below Docker's default 10 s stop timeout.
    shutdown_grace: float = Field(default=8.0, ge=0)
    # /readyz: the last successful sync must be this recent (the long-poll timeout plus margin).
    ready_max_sync_age: float = Field(default=120.0, gt=0)
    # /readyz asks the model server's /v1/models at most once per this many seconds.
    llm_check_ttl: float = Field(default=30.0, ge=0)
    llm_check_timeout: float = Field(default=5.0, gt=0)
    # Support-room alerts: the model failing for this many minutes in a row…
    alert_llm_down_minutes: float = Field(default=5.0, gt=0)
    # …this many undecryptable messages within `alert_window_minutes`…
    alert_decryption_failures: int = Field(default=10, ge=1)
    alert_window_minutes: float = Field(default=15.0, gt=0)
    # …and the same alert at most once per this many minutes.
    alert_min_interval_minutes: float = Field(default=60.0, ge=0)


class RuntimeConfig(Section):
    """The runtime's sections; the composition root's `Config` adds each feature's own."""

    matrix: MatrixConfig
    llm: LLMConfig = Field(default_factory=LLMConfig)
    storage: StorageConfig = Field(default_factory=StorageConfig)
    support: SupportConfig = Field(default_factory=SupportConfig)
    limits: LimitsConfig = Field(default_factory=LimitsConfig)
    ops: OpsConfig = Field(default_factory=OpsConfig)
    log_level: str = "INFO"

    def resolve_paths(self, base: Path) -> Self:
        """Make relative paths relative to the config file's folder."""
        if not self.matrix.store_dir.is_absolute():
            self.matrix.store_dir = (base / self.matrix.store_dir).resolve()
        if not self.storage.database.is_absolute():
            self.storage.database = (base / self.storage.database).resolve()
        return self


C = TypeVar("C", bound=RuntimeConfig)


class ConfigError(Exception):
    """The configuration cannot be used; the message lists every problem."""


def _parse_env_value(raw: str) -> Any:
    # Lists, numbers and booleans come as JSON; anything else is a plain string.
    stripped = raw.strip()
    if stripped[:1] in "[{" or stripped in ("true", "false"):
        try:
            return json.loads(stripped)
        except json.JSONDecodeError:
            return raw
    return raw


def apply_env_overrides(data: dict[str, Any], environ: Mapping[str, str]) -> dict[str, Any]:
    """Overlay ASSISTANT__SECTION__KEY=value variables on the TOML data."""
    for name, raw in environ.items():
        if not name.startswith(ENV_PREFIX):
            continue
        path = [part.lower() for part in name[len(ENV_PREFIX) :].split("__") if part]
        if not path:
            continue
        node = data
        for part in path[:-1]:
            child = node.setdefault(part, {})
            if not isinstance(child, dict):
                raise ConfigError(f"{name}: {part} is not a section")
            node = child
        node[path[-1]] = _parse_env_value(raw)
    return data


def _format_validation_error(exc: ValidationError) -> str:
    lines = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"]) or "(racine)"
        lines.append(f"- {where}: {err['msg']}")
    return "\n".join(lines)


def read_config(path: Path, model: type[C], environ: Mapping[str, str] | None = None) -> C:
    """Read, overlay and validate the configuration; raise ConfigError listing all problems."""
    environ = os.environ if environ is None else environ
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError as exc:
        raise ConfigError(f"configuration file not found: {path}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    data = apply_env_overrides(data, environ)
    try:
        config = model.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(
            f"{path}: invalid configuration:\n{_format_validation_error(exc)}"
        ) from exc
    return config.resolve_paths(path.resolve().parent)
