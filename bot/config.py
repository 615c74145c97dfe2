"""Configuration: pydantic models loaded from TOML, with ASSISTANT__SECTION__KEY overrides."""

from __future__ import annotations

import difflib
import ipaddress
import json
import os
import re
import tomllib
import types
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Annotated, Any, Literal, Self, TypeVar, Union, get_args, get_origin
from urllib.parse import urlsplit

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    SecretStr,
    ValidationError,
    model_validator,
)
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

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
    # Opens the server-side backup of the bot's room keys (ASSISTANT__MATRIX__RECOVERY_KEY or
    # _FILE). When unset, the first start writes a new one to store_dir/recovery-key.txt.
    recovery_key: SecretStr | None = None
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
    # Tokens of earlier turns (estimated) sent with each question, newest first, when the
    # server does not give the model's max_context_length (Albert and Mistral's API do).
    context_budget: int = Field(default=6000, ge=256)
    # Seconds to wait for the first token, and between two chunks afterwards.
    timeout: float = Field(default=60.0, gt=0)
    # Seconds an answer may take in all, retries included: a model that trickles tokens
    # slowly enough never to hit `timeout` is stopped here.
    answer_deadline: float = Field(default=300.0, gt=0)
    # Our own retries; the openai client's are switched off so they do not multiply.
    retries: int = Field(default=2, ge=0, le=10)
    retry_backoff: float = Field(default=1.0, ge=0)
    # Streaming display: the first words at once, then the k-th edit `edit_interval` × k
    # seconds after the previous one (1 s, 2 s, 3 s…), never more than `edit_interval_max`
    # apart; at most `max_edits` per message (the final edit always goes out).
    edit_interval: float = Field(default=1.0, ge=0)
    edit_interval_max: float = Field(default=4.0, ge=0)
    max_edits: int = Field(default=30, ge=1)
    # Seconds the "typing" notice lasts: sent while the model is asked, renewed only while
    # nothing of the answer is shown; a stop is sent only if it could still be live at the end.
    typing_timeout: float = Field(default=4.0, ge=0.5, le=30)
    # Longer answers continue in a new message.
    max_message_chars: int = Field(default=12_000, ge=200, le=30_000)


class StorageConfig(Section):
    database: Path = Path("data/assistant.sqlite3")


class SupportConfig(Section):
    room: str = ""
    admins: list[str] = Field(default_factory=list)
    # How agents reach the support team (an e-mail, a Tchap room alias…): shown in refusals
    # and at the foot of `!aide`; "" shows none.
    contact: str = Field(default="", max_length=200)


class LimitsConfig(Section):
    """Quotas, burst limits, the fair queue in front of the model."""

    # Per user and per day (Europe/Paris); 0 means no limit. Overridable with !quota.
    messages_per_day: int = Field(default=300, ge=0)
    tokens_per_day: int = Field(default=1_000_000, ge=0)
    # Messages per rolling minute; 0 means no limit.
    burst_per_minute: int = Field(default=10, ge=0)
    # Model requests running at once; the others wait in a fair queue (round-robin by user).
    # Unset: no cap of our own (neither Albert nor Mistral's API limits concurrency), only a
    # safety bound (bot/llm_queue.py SAFETY_CAP); requests are paced under the per-minute
    # limits the provider publishes for the key (Albert's /v1/me/info) or its refusals name.
    max_concurrent_requests: int | None = Field(default=None, ge=1)
    # Requests waiting at most; past it, a polite refusal (the message stays for !reessayer).
    max_queued_requests: int = Field(default=200, ge=0)


class OpsConfig(Section):
    """Health, metrics, logging, support-room alerts."""

    # /healthz, /readyz and /metrics; port 0 disables the listener.
    http_host: str = "127.0.0.1"
    http_port: int = Field(default=9100, ge=0, le=65535)
    # When set (ASSISTANT__OPS__HTTP_TOKEN), /readyz and /metrics require
    # `Authorization: Bearer <token>`; /healthz stays open for the container's HEALTHCHECK.
    http_token: SecretStr | None = None
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


@dataclass(frozen=True)
class ConfigSource:
    """Where a configuration came from, so that every problem names its line or variable."""

    path: Path | None = None
    text: str = ""
    # Key path (section, key) -> the environment variable that set it.
    env: Mapping[tuple[str, ...], str] = field(default_factory=dict)

    def where(self, loc: Iterable[str | int]) -> str:
        """`config.toml:12`, `environment variable ASSISTANT__…`, or the file alone."""
        keys = _keys(loc)
        for n in range(len(keys), 0, -1):
            if keys[:n] in self.env:
                return f"environment variable {self.env[keys[:n]]}"
        if self.path is None:
            return "configuration"
        line = toml_line(self.text, keys)
        return f"{self.path}:{line}" if line else str(self.path)


def _keys(loc: Iterable[str | int]) -> tuple[str, ...]:
    """The key path of a location, up to its first list index."""
    keys: list[str] = []
    for part in loc:
        if not isinstance(part, str):
            break
        keys.append(part)
    return tuple(keys)


_TOML_TABLE = re.compile(r"^\s*\[\[?([^\[\]]+)\]\]?\s*(#.*)?$")
_TOML_KEY = re.compile(r"^\s*([A-Za-z0-9_.\"' -]+?)\s*=")


def _toml_dotted(raw: str) -> tuple[str, ...]:
    return tuple(part.strip().strip("\"'") for part in raw.split("."))


def toml_line(text: str, keys: tuple[str, ...]) -> int | None:
    """The line setting `keys` in TOML text, else the line opening its closest table (tomllib
    keeps no positions). Naive about quoted dots, enough for a configuration file."""
    table: tuple[str, ...] = ()
    closest = (0, 0)  # (keys matched, line)
    open_string = ""
    for number, line in enumerate(text.splitlines(), 1):
        if open_string:  # inside a multi-line string: nothing here is a key
            if line.count(open_string) % 2:
                open_string = ""
            continue
        if header := _TOML_TABLE.match(line):
            table = _toml_dotted(header.group(1))
            if table == keys:
                return number
            if keys[: len(table)] == table and len(table) > closest[0]:
                closest = (len(table), number)
            continue
        if key := _TOML_KEY.match(line):
            if table + _toml_dotted(key.group(1)) == keys:
                return number
            rest = line[key.end() :]
            open_string = next((q for q in ('"""', "'''") if rest.count(q) % 2), "")
    return closest[1] or None


class RuntimeConfig(Section):
    """The runtime's sections; the composition root's `Config` adds each feature's own."""

    _source: ConfigSource | None = PrivateAttr(default=None)

    matrix: MatrixConfig
    llm: LLMConfig = Field(default_factory=LLMConfig)
    storage: StorageConfig = Field(default_factory=StorageConfig)
    support: SupportConfig = Field(default_factory=SupportConfig)
    limits: LimitsConfig = Field(default_factory=LimitsConfig)
    ops: OpsConfig = Field(default_factory=OpsConfig)
    log_level: str = "INFO"

    @property
    def source(self) -> ConfigSource:
        """The file and variables it was read from (empty when built in code)."""
        return self._source or ConfigSource()

    def resolve_paths(self, base: Path) -> Self:
        """Make relative paths relative to the config file's folder."""
        if not self.matrix.store_dir.is_absolute():
            self.matrix.store_dir = (base / self.matrix.store_dir).resolve()
        if not self.storage.database.is_absolute():
            self.storage.database = (base / self.storage.database).resolve()
        return self


C = TypeVar("C", bound=RuntimeConfig)

# Keys that were renamed or removed: an old configuration is told what replaces them.
RENAMED: dict[str, str] = {
    "web.searxng_url": 'web.base_url (with web.provider = "searxng")',
    "web.api_key": 'web.provider = "searxng", which needs no key (this was the key of Albert\'s '
    "web search, removed in December 2025): delete this line",
}

# Keys whose default only suits tests and the demo: a real configuration names the account.
REQUIRED: dict[tuple[str, str], str] = {
    ("matrix", "homeserver"): 'add homeserver = "https://…" (the bot account\'s homeserver) to '
    "[matrix], or set ASSISTANT__MATRIX__HOMESERVER",
    ("matrix", "user_id"): 'add user_id = "@name:server" (the bot\'s Matrix id) to [matrix], or '
    "set ASSISTANT__MATRIX__USER_ID",
}

# Values config.example.toml holds only as examples: a configuration still holding one was
# copied without being edited.
EXAMPLE_PASSWORD = "à-remplacer-par-ASSISTANT__MATRIX__PASSWORD"
EXAMPLE_SUPPORT_ROOM = "!abc:agent.dinum.tchap.gouv.fr"
EXAMPLE_ADMIN = "@alice-numerique.gouv.fr:agent.dinum.tchap.gouv.fr"

# A configuration or secret file larger than this is not the file it should be.
MAX_FILE_BYTES = 1_000_000


class ConfigError(Exception):
    """The configuration cannot be used: one line per problem, each naming its file line or
    environment variable, the key, what is wrong and how to fix it."""

    def __init__(self, *problems: str) -> None:
        self.problems = list(problems) or ["the configuration cannot be used"]
        super().__init__("\n".join(self.problems))


class _Unreadable(Exception):
    def __init__(self, kind: str, detail: str = "", line: int | None = None) -> None:
        super().__init__(kind)
        self.kind = kind
        self.detail = detail
        self.line = line


def _read_utf8(path: Path) -> str:
    """The file's text; _Unreadable says why not (missing, a directory, denied, not UTF-8…)."""
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError as exc:
        raise _Unreadable("missing") from exc
    except IsADirectoryError as exc:
        raise _Unreadable("directory") from exc
    except PermissionError as exc:
        raise _Unreadable("denied") from exc
    except OSError as exc:
        raise _Unreadable("unreadable", exc.strerror or str(exc)) from exc
    if len(data) > MAX_FILE_BYTES:
        raise _Unreadable("large")
    try:
        return data.decode("utf-8-sig")  # an editor's byte-order mark is not an error
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise _Unreadable("encoding", f"byte 0x{data[exc.start]:02x}", line) from exc


def _read_config_text(path: Path) -> str:
    try:
        return _read_utf8(path)
    except _Unreadable as exc:
        reason = {
            "missing": f"no such file: copy config.example.toml to {path} and edit it, or give "
            "the right path with --config",
            "directory": "is a directory, not a file: give the configuration file itself, e.g. "
            f"--config {path / 'config.toml'}",
            "denied": "cannot be read (permission denied): let the user running the bot read "
            "it (chmod, chown)",
            "unreadable": f"cannot be read ({exc.detail}): check the file",
            "large": f"is larger than {MAX_FILE_BYTES:,} bytes: is it the configuration file?",
            "encoding": f"this line is not UTF-8 ({exc.detail}): save the file as UTF-8 (for "
            "instance with iconv -f latin1 -t utf-8)",
        }[exc.kind]
        at = f"{path}:{exc.line}" if exc.line else str(path)
        raise ConfigError(f"{at}: {reason}") from exc


def _read_secret(variable: str, raw: str) -> str:
    """ASSISTANT__…_FILE: the secret in the named file, without the file's final newline."""
    where = f"environment variable {variable}"
    if not raw.strip():
        raise ConfigError(f"{where} is empty: give the path of the file holding the secret")
    path = Path(raw)
    try:
        text = _read_utf8(path)
    except _Unreadable as exc:
        reason = {
            "missing": "does not exist: mount the secret there or correct the variable",
            "directory": "is a directory: name the secret file itself",
            "denied": "cannot be read (permission denied): let the user running the bot read it",
            "unreadable": f"cannot be read ({exc.detail}): check the file",
            "large": f"is larger than {MAX_FILE_BYTES:,} bytes: is it the secret file?",
            "encoding": "is not UTF-8 text: write the secret as UTF-8",
        }[exc.kind]
        raise ConfigError(f"{where}: secret file {path} {reason}") from exc
    # `echo secret > file` and editors end the file with a newline that is not the secret's.
    secret = text.removesuffix("\n").removesuffix("\r")
    if not secret.strip():
        raise ConfigError(f"{where}: secret file {path} is empty: write the secret in it")
    return secret


# The model's fields --------------------------------------------------------------------------


def _accepted(annotation: Any) -> list[Any]:
    """The types an annotation accepts, None and Annotated left out."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _accepted(get_args(annotation)[0])
    if origin is Union or origin is types.UnionType:
        return [t for arg in get_args(annotation) for t in _accepted(arg)]
    return [] if annotation is type(None) else [annotation]


def _section(info: FieldInfo) -> type[BaseModel] | None:
    for candidate in _accepted(info.annotation):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _is_secret(info: FieldInfo) -> bool:
    return SecretStr in _accepted(info.annotation)


def _model_at(model: type[BaseModel], keys: tuple[str, ...]) -> type[BaseModel] | None:
    for key in keys:
        info = model.model_fields.get(key)
        nested = _section(info) if info is not None else None
        if nested is None:
            return None
        model = nested
    return model


def _field_at(model: type[BaseModel], keys: tuple[str, ...]) -> FieldInfo | str:
    """The field at `keys`, or why there is none (naming the closest known key)."""
    for depth, key in enumerate(keys):
        if key not in model.model_fields:
            return _unknown(keys[: depth + 1], model, section=depth < len(keys) - 1)
        info = model.model_fields[key]
        if depth == len(keys) - 1:
            return info
        nested = _section(info)
        if nested is None:
            return f"{'.'.join(keys[: depth + 1])} is a key, not a section"
        model = nested
    raise ValueError("an empty key path")


def _unknown(
    keys: tuple[str, ...], parent: type[BaseModel] | None, *, section: bool, in_file: bool = False
) -> str:
    """`unknown key matrix.pasword (did you mean password?)`, or what replaced an old key."""
    dotted = ".".join(keys)
    if dotted in RENAMED:
        return f"{dotted} is no longer a key: use {RENAMED[dotted]}"
    known = list(parent.model_fields) if parent is not None else []
    close = difflib.get_close_matches(keys[-1], known, n=1, cutoff=0.6)
    hint = f"did you mean {close[0]}?" if close else "config.example.toml lists every key"
    if not in_file:
        return f"unknown {'section' if section else 'key'} {dotted} ({hint})"
    if len(keys) > 1:
        return f"[{'.'.join(keys[:-1])}] unknown key {keys[-1]} ({hint})"
    return f"unknown section [{dotted}] ({hint})" if section else f"unknown key {dotted} ({hint})"


# The environment ------------------------------------------------------------------------------


def _env_kind(info: FieldInfo) -> Literal["text", "json", "scalar", "section"]:
    """How a variable's value becomes the key's input: the string as it is (text, secrets,
    paths, choices: PASSWORD=true stays the string "true"), JSON (lists and tables), or a
    string pydantic parses (numbers, booleans)."""
    if _section(info) is not None:
        return "section"
    accepted = _accepted(info.annotation)
    for candidate in accepted:
        if candidate in (str, SecretStr) or get_origin(candidate) is Literal:
            return "text"
        if isinstance(candidate, type) and issubclass(candidate, PurePath):
            return "text"
    containers = (list, dict, tuple, set, frozenset)
    if any(c in containers or get_origin(c) in containers for c in accepted):
        return "json"
    return "scalar"


def _env_value(
    variable: str, raw: str, keys: tuple[str, ...], info: FieldInfo, from_file: bool
) -> Any:
    where = f"environment variable {variable}"
    dotted = ".".join(keys)
    if from_file:
        return _read_secret(variable, raw)
    kind = _env_kind(info)
    if kind == "section":
        raise ConfigError(f"{where}: {dotted} is a section: set one variable per key instead")
    if kind == "json":
        try:
            return json.loads(raw)
        except json.JSONDecodeError as exc:
            dict_like = any(c is dict or get_origin(c) is dict for c in _accepted(info.annotation))
            example = '{"key": "value"}' if dict_like else '["a", "b"] (or [] for none)'
            raise ConfigError(
                f"{where}: {dotted} takes JSON, e.g. {example}; this value is not JSON "
                f"({exc.msg} at character {exc.pos})"
            ) from exc
    return raw.strip() if kind == "scalar" else raw


def _env_overrides(
    model: type[BaseModel], environ: Mapping[str, str]
) -> tuple[dict[tuple[str, ...], tuple[Any, str]], list[str]]:
    """ASSISTANT__SECTION__KEY variables as {key path: (value, variable)}, and their problems.
    ASSISTANT__SECTION__KEY_FILE reads a secret key's value from a file (Docker secrets)."""
    targets: dict[tuple[str, ...], list[tuple[str, FieldInfo, bool]]] = {}
    problems: list[str] = []
    for name in sorted(environ):
        if not name.startswith(ENV_PREFIX):
            continue
        keys = tuple(part.lower() for part in name[len(ENV_PREFIX) :].split("__") if part)
        if not keys:
            continue
        found = _field_at(model, keys)
        from_file = False
        if isinstance(found, str) and keys[-1].endswith("_file"):
            secret_keys = (*keys[:-1], keys[-1].removesuffix("_file"))
            secret = _field_at(model, secret_keys)
            if isinstance(secret, FieldInfo) and _is_secret(secret):
                keys, found, from_file = secret_keys, secret, True
            elif isinstance(secret, FieldInfo):
                plain = name.removesuffix(name[-len("_FILE") :])
                found = (
                    f"{'.'.join(secret_keys)} is not a secret and _FILE reads only secrets "
                    f"(passwords, tokens, keys): set {plain} instead"
                )
        if isinstance(found, str):
            problems.append(f"environment variable {name}: {found}")
            continue
        targets.setdefault(keys, []).append((name, found, from_file))
    values: dict[tuple[str, ...], tuple[Any, str]] = {}
    for keys, variables in targets.items():
        name, info, from_file = variables[0]
        try:
            if len(variables) > 1:
                names = " and ".join(name for name, _, _ in variables)
                raise ConfigError(
                    f"environment variables {names} both set {'.'.join(keys)}: keep only one"
                )
            values[keys] = (_env_value(name, environ[name], keys, info, from_file), name)
        except ConfigError as exc:
            problems += exc.problems
            # The key was given, if not usably: a stand-in keeps the validation from also
            # saying it is missing ("set exactly one of matrix.password…"). Never returned.
            if _env_kind(info) == "text":
                values[keys] = ("(unusable)", name)
    return values, problems


# Validation errors ----------------------------------------------------------------------------


def _display(loc: Iterable[str | int]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else part
    return text


def _describe(err: ErrorDetails, model: type[BaseModel], source: ConfigSource) -> str:
    """One pydantic error as one line: where, the key, what was expected (pydantic's words)."""
    loc = err["loc"]
    keys = _keys(loc)
    where = source.where(loc)
    value = err.get("input")
    if err["type"] == "extra_forbidden":
        parent = _model_at(model, keys[:-1])
        return f"{where}: {_unknown(keys, parent, section=isinstance(value, dict), in_file=True)}"
    found = _field_at(model, keys) if keys else None
    is_section = isinstance(found, FieldInfo) and _section(found) is not None
    if err["type"] == "missing":
        what = f"section [{_display(loc)}]" if is_section else _display(loc)
        return f"{where}: {what} is missing: add it (see config.example.toml)"
    message = err["msg"].removeprefix("Value error, ")
    if not keys:
        return f"{where}: {message}"
    if is_section:  # a section's own check: its message names the key at fault, if one is
        if named := re.search(rf"\b{re.escape(_display(loc))}\.(\w+)", message):
            return f"{source.where((*keys, named[1]))}: {message}"
        return f"{where}: [{_display(loc)}] {message}"
    shown = ""
    plain = isinstance(found, FieldInfo) and not _is_secret(found)
    if plain and isinstance(value, str | int | float):  # never a secret's value
        text = repr(value)
        shown = f" (got {text[:60]}…)" if len(text) > 60 else f" (got {text})"
    return f"{where}: {_display(loc)}: {message}{shown}"


def _toml_error(path: Path, exc: tomllib.TOMLDecodeError) -> str:
    message = str(exc)
    if position := re.search(r" \(at line (\d+), column (\d+)\)$", message):
        what = message[: position.start()]
        return f"{path}:{position[1]}: invalid TOML: {what} (column {position[2]}): fix this line"
    return f"{path}: invalid TOML: {message}: fix the file"


def read_config(path: Path, model: type[C], environ: Mapping[str, str] | None = None) -> C:
    """Read the TOML file, overlay the environment, validate. ConfigError lists every problem,
    one line each, naming the file's line or the variable it comes from."""
    environ = os.environ if environ is None else environ
    text = _read_config_text(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(_toml_error(path, exc)) from exc
    overrides, problems = _env_overrides(model, environ)
    env: dict[tuple[str, ...], str] = {}
    for keys, (value, variable) in overrides.items():
        node = data
        for key in keys[:-1]:
            node = node.setdefault(key, {})
            if not isinstance(node, dict):
                break  # the file's own mistake, which the validation below reports
        else:
            node[keys[-1]] = value
            env[keys] = variable
    source = ConfigSource(path, text, env)
    try:
        config = model.model_validate(data)
    except ValidationError as exc:
        problems += [_describe(err, model, source) for err in exc.errors()]
        raise ConfigError(*problems) from exc
    if problems:
        raise ConfigError(*problems)
    config._source = source
    return config.resolve_paths(path.resolve().parent)


# Beyond the schema ----------------------------------------------------------------------------


def is_loopback(url: str) -> bool:
    """Whether the URL's host is this machine (a local fake model server needs no key)."""
    host = urlsplit(url).hostname or ""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def unfinished_settings(config: RuntimeConfig) -> list[str]:
    """What a valid configuration still lacks to run for real: the bot's account (its defaults
    suit tests and the demo only), values left from config.example.toml, the key of a remote
    model server. `check-config` and `run` refuse these, with the line to change."""
    where = config.source.where
    problems = []
    for keys, fix in REQUIRED.items():
        if keys[1] not in getattr(config, keys[0]).model_fields_set:
            problems.append(f"{where(keys)}: {'.'.join(keys)} is missing: {fix}")
    password = config.matrix.password
    if password is not None and password.get_secret_value() == EXAMPLE_PASSWORD:
        problems.append(
            f"{where(('matrix', 'password'))}: matrix.password is still the example value: "
            "delete this line and put the password in ASSISTANT__MATRIX__PASSWORD (or in a "
            "file named by ASSISTANT__MATRIX__PASSWORD_FILE)"
        )
    if not config.llm.api_key.get_secret_value() and not is_loopback(config.llm.base_url):
        problems.append(
            f"{where(('llm', 'api_key'))}: llm.api_key is empty and the model server "
            f"{config.llm.base_url} is not on this machine: put its key in "
            "ASSISTANT__LLM__API_KEY (or in a file named by ASSISTANT__LLM__API_KEY_FILE; any "
            "value for a server that needs none)"
        )
    if config.support.room == EXAMPLE_SUPPORT_ROOM:
        problems.append(
            f"{where(('support', 'room'))}: support.room is still the example value "
            f'"{EXAMPLE_SUPPORT_ROOM}": set your support room\'s id or alias, or "" for none'
        )
    if EXAMPLE_ADMIN in config.support.admins:
        problems.append(
            f"{where(('support', 'admins'))}: support.admins still lists the example admin "
            f'"{EXAMPLE_ADMIN}": list your support staff\'s Matrix ids instead'
        )
    return problems
