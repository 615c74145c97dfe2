"""The one module that talks to matrix-nio: session, sync loop, sending, edits, typing, keys.

nio returns error objects; this module turns them into exceptions and turns nio events into
plain dataclasses, so nothing else in the bot imports nio.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import io
import json
import logging
import os
import random
import uuid
from collections.abc import Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn, Protocol, TypeVar
from urllib.parse import quote

import aiohttp
from nio import (
    AsyncClient,
    AsyncClientConfig,
    ErrorResponse,
    ForwardedRoomKeyEvent,
    InviteMemberEvent,
    JoinedRoomsResponse,
    JoinError,
    LocalProtocolError,
    LoginResponse,
    MatrixRoom,
    MegolmEvent,
    MessageDirection,
    PowerLevelsEvent,
    ReactionEvent,
    RoomCreateEvent,
    RoomEncryptedMedia,
    RoomEncryptionEvent,
    RoomGetStateEventResponse,
    RoomKeyEvent,
    RoomMessageMedia,
    RoomMessagesResponse,
    RoomMessageText,
    SyncResponse,
    UploadResponse,
    WhoamiResponse,
)
from nio.crypto import InboundGroupSession
from nio.crypto.attachments import decrypt_attachment
from nio.responses import RoomSummary
from nio.store import DefaultStore
from nio.store.database import SqliteDatabase

from bot.config import MatrixConfig
from bot.crosssign import Api, ensure_identity, load_keys
from bot.events import (
    MEDIA_MSGTYPES,
    AccountUnusable,
    EventTooLarge,
    MatrixError,
    MediaError,
    parse_mxc,
)
from bot.eventsize import MAX_EVENT_BYTES, MAX_EVENT_ID, event_size
from bot.keybackup import MAX_PER_ROUND as MAX_KEYS_PER_ROUND
from bot.keybackup import ExportedSession, KeyBackup
from bot.metrics import Metrics
from bot.replies import strip_reply_fallback
from storage.rooms import RoomState, RoomStateRepository

log = logging.getLogger(__name__)

FATAL_ERRCODES = {"ORG_MATRIX_EXPIRED_ACCOUNT", "M_UNKNOWN_TOKEN", "M_USER_DEACTIVATED"}
HTML_FORMAT = "org.matrix.custom.html"

# Waiting out an unreachable homeserver (log in, sync): 1, 2, 4 … 60 s, each ±20 % so that a
# fleet of bots restarted together does not knock in step.
RETRY_FIRST_DELAY = 1.0
RETRY_MAX_DELAY = 60.0
# nio's own retries of an ordinary request (send, edit, join…) on a connection error or a
# timeout: after 0, 2, 4, 8, 16 and 16 s (a homeserver restart), then the error reaches the
# caller (nio's default is forever).
NIO_MAX_TIMEOUTS = 6
# Rate limits (429 / M_LIMIT_EXCEEDED): nio waits what the homeserver asks, forever by default.
# At most this many waits per request, each at most MAX_RETRY_AFTER seconds (a homeserver's
# answer is input like any other: a `retry_after_ms` of a day must not freeze a room), then the
# error reaches the caller. `Retry-After` (the HTTP header, Matrix v1.10) is honoured too.
MAX_LIMIT_EXCEEDED = 5
MAX_RETRY_AFTER = 30.0
# The first sync asks for the full state, which nio sends without any timeout; it may take
# much longer than an ordinary request for an account in many rooms, but not forever.
FIRST_SYNC_TIMEOUT_FACTOR = 5
MEGOLM = "m.megolm.v1.aes-sha2"
CLIENT_API = "/_matrix/client/v3"
# The key backup looks for new room keys after the syncs that may have brought some, and at
# least once every this many syncs.
KEY_SCAN_EVERY = 100
# The answer's own requests (send, edit, typing, receipt) read at most this much of a response:
# Synapse answers them in under 100 bytes.
MAX_LEAN_RESPONSE = 64 * 1024


class EncryptionUnknown(MatrixError):
    """Whether the room is encrypted could not be learnt: nothing is sent there (nio would
    send in the clear to a room it does not know as encrypted)."""


T = TypeVar("T")

# Set around the requests of login, start-up and the sync loop: a connection error or a
# timeout raises HomeserverUnreachable at once instead of entering nio's retry loop, so the
# caller says which homeserver it cannot reach and waits with its own backoff.
_fail_fast: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "matrix_fail_fast", default=False
)


class HomeserverUnreachable(MatrixError):
    """No answer from the homeserver: connection refused or closed, name unknown, timeout."""

    def __init__(self, homeserver: str, reason: str) -> None:
        super().__init__("connect")
        self.homeserver = homeserver
        self.reason = reason
        self.args = (f"cannot reach the homeserver {homeserver} ({reason})",)


class LoginRefused(AccountUnusable):
    """The homeserver refused the password login (wrong password, unknown or deactivated
    user): retrying cannot help."""


def retry_delay(attempt: int) -> float:
    """Seconds to wait before retry number `attempt` (0 for the first): 1, 2, 4 … 60, ±20 %."""
    base = min(RETRY_MAX_DELAY, RETRY_FIRST_DELAY * 2.0 ** min(attempt, 16))
    return min(RETRY_MAX_DELAY, base * random.uniform(0.8, 1.2))


def _unreachable_reason(exc: BaseException, elapsed: float) -> str:
    if isinstance(exc, TimeoutError):  # aiohttp's timeouts are TimeoutErrors too
        return f"no answer within {elapsed:.0f} s"
    if isinstance(exc, aiohttp.ClientConnectorCertificateError):
        return f"TLS certificate refused: {exc.certificate_error}"
    if isinstance(exc, aiohttp.ClientConnectorDNSError):
        return "host name not found"
    if isinstance(exc, aiohttp.ClientConnectorError):
        if isinstance(exc.os_error, ConnectionRefusedError):
            return "connection refused"
        return exc.os_error.strerror or str(exc.os_error) or type(exc.os_error).__name__
    if isinstance(exc, aiohttp.ServerDisconnectedError):
        return "connection closed before an answer"
    return str(exc) or type(exc).__name__


def _status(response: Any) -> int | None:
    status = getattr(getattr(response, "transport_response", None), "status", None)
    return int(status) if status is not None else None


def _check(response: Any, what: str) -> Any:
    if isinstance(response, ErrorResponse):
        status = _status(response)
        errcode = response.status_code
        if errcode in FATAL_ERRCODES:
            raise AccountUnusable(what, errcode, status)
        raise MatrixError(what, errcode, status)
    return response


async def _once(homeserver: str, call: Awaitable[T]) -> T:
    """One request without nio's retries: a connection error or a timeout raises
    HomeserverUnreachable at once (see `_fail_fast`)."""
    token = _fail_fast.set(True)
    started = asyncio.get_running_loop().time()
    try:
        return await call
    except (aiohttp.ClientConnectionError, TimeoutError) as exc:
        # Raised by a client without the counting wrapper (check_session), or by our own
        # deadline around the first sync.
        elapsed = asyncio.get_running_loop().time() - started
        raise HomeserverUnreachable(homeserver, _unreachable_reason(exc, elapsed)) from exc
    finally:
        _fail_fast.reset(token)


def _ordinary_requests(
    callback: Callable[..., Awaitable[None]],
) -> Callable[..., Awaitable[None]]:
    """nio runs event callbacks inside the sync request: what they send gets nio's retries."""

    async def run(*args: Any) -> None:
        token = _fail_fast.set(False)
        try:
            await callback(*args)
        finally:
            _fail_fast.reset(token)

    return run


class _SchemaNoise(logging.Filter):
    """nio logs every error answer (a refused login, a revoked token) as a failed schema
    validation at WARNING; the bot reports those errors itself. Shown when nio logs at DEBUG."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.getMessage().startswith("Error validating response"):
            return True
        return logging.getLogger("nio").isEnabledFor(logging.DEBUG)


_SCHEMA_NOISE = _SchemaNoise()


def quiet_schema_noise() -> None:
    logger = logging.getLogger("nio.responses")
    if _SCHEMA_NOISE not in logger.filters:
        logger.addFilter(_SCHEMA_NOISE)


def refusal_message(config: MatrixConfig, exc: AccountUnusable, renewal: str | None = None) -> str:
    """One line for the operator: which homeserver refused what, and what to do about it.

    `renewal`: for an expired account, what became of the renewal e-mail (see
    `bot.account_validity.request_renewal_once`)."""
    user = config.user_id
    has_token = bool(config.access_token and config.access_token.get_secret_value())
    if isinstance(exc, LoginRefused):
        what = f"the login of {user}"
    elif has_token:
        what = f"the access token of {user}"
    else:
        what = f"the session of {user}"
    code = exc.errcode or f"HTTP {exc.status}"
    if exc.errcode == "M_FORBIDDEN" and isinstance(exc, LoginRefused):
        # Synapse answers the same for an unknown user, on purpose, and for a deactivated
        # account (deactivation erases the password; M_USER_DEACTIVATED comes only after a
        # password that matched).
        reason = "wrong password, unknown user or deactivated account"
        advice = "fix ASSISTANT__MATRIX__PASSWORD (or matrix.user_id)"
    elif exc.errcode == "M_USER_DEACTIVATED":
        reason = "account deactivated"
        advice = "reactivate it or configure another account"
    elif exc.errcode == "ORG_MATRIX_EXPIRED_ACCOUNT":
        reason = "account expired"
        advice = renewal or "renew it (Tchap sends a renewal e-mail), then restart"
    elif exc.errcode == "M_UNKNOWN_TOKEN" and has_token:
        reason = "token revoked or unknown"
        advice = "issue a new one and set ASSISTANT__MATRIX__ACCESS_TOKEN"
    elif exc.errcode == "M_UNKNOWN_TOKEN":
        reason = "session revoked"
        advice = "restart: `run` logs in again with the password"
    else:
        reason = "account refused"
        advice = "check the account with the homeserver's administrators"
    return f"the homeserver {config.homeserver} refused {what}: {reason} ({code}); {advice}"


@dataclass(frozen=True)
class IncomingText:
    room_id: str
    event_id: str
    sender: str
    msgtype: str
    body: str
    formatted_body: str | None
    origin_ts: int
    mentions_bot: bool
    member_count: int
    encrypted: bool
    # For m.file/m.image/m.audio/m.video: url or encrypted `file` (key, iv, hashes), mimetype,
    # declared size, filename (see media_of); None for text.
    media: dict[str, Any] | None = None
    thread_root: str | None = None  # the thread's root event (m.thread relation)
    reply_to: str | None = None  # the event this one replies to (m.in_reply_to)


def media_of(content: dict[str, Any]) -> dict[str, Any] | None:
    """What the bot needs to fetch an attachment, from an event's content."""
    if content.get("msgtype") not in MEDIA_MSGTYPES:
        return None
    info: dict[str, Any] = content["info"] if isinstance(content.get("info"), dict) else {}
    file: dict[str, Any] | None = (
        content["file"] if isinstance(content.get("file"), dict) else None
    )
    url = (file or {}).get("url") if file else content.get("url")
    size = info.get("size")
    return {
        "url": str(url) if url else None,
        "file": file,  # key, iv and hashes: only while the event is pending
        "mimetype": str(info.get("mimetype") or "") or None,
        "size": int(size) if isinstance(size, int | float) else None,
        "filename": str(content.get("filename") or content.get("body") or "fichier"),
        "duration": info.get("duration"),
    }


@dataclass(frozen=True)
class IncomingInvite:
    room_id: str
    sender: str
    is_direct: bool


@dataclass(frozen=True)
class IncomingUndecryptable:
    room_id: str
    event_id: str
    sender: str
    session_id: str
    source: dict[str, Any]


@dataclass(frozen=True)
class IncomingReaction:
    """An m.reaction (annotation) on an event: `key` is the emoji, `relates_to` the target."""

    room_id: str
    event_id: str
    sender: str
    relates_to: str
    key: str
    origin_ts: int
    member_count: int


class EventSink(Protocol):
    async def on_text(self, event: IncomingText) -> None: ...
    async def on_reaction(self, event: IncomingReaction) -> None: ...
    async def on_invite(self, invite: IncomingInvite) -> None: ...
    async def on_undecryptable(self, event: IncomingUndecryptable) -> None: ...
    async def on_room_keys(self) -> None: ...
    async def on_synced(self, next_batch: str) -> None: ...


def text_content(body: str, html: str | None = None, *, notice: bool = False) -> dict[str, Any]:
    content: dict[str, Any] = {"msgtype": "m.notice" if notice else "m.text", "body": body}
    if html is not None:
        content["format"] = HTML_FORMAT
        content["formatted_body"] = html
    # An explicit empty m.mentions: the bot's answers never ping anybody.
    content["m.mentions"] = {}
    return content


def thread_relation(thread_root: str, latest: str | None = None) -> dict[str, Any]:
    """Posted inside a thread; the reply fallback (to the thread's latest event) is for
    clients without threads."""
    return {
        "rel_type": "m.thread",
        "event_id": thread_root,
        "is_falling_back": True,
        "m.in_reply_to": {"event_id": latest or thread_root},
    }


def relations(content: dict[str, Any]) -> tuple[str | None, str | None]:
    """(thread root, replied-to event) of a message's content."""
    relates = content.get("m.relates_to")
    if not isinstance(relates, dict):
        return None, None
    thread_root = None
    if relates.get("rel_type") == "m.thread" and isinstance(relates.get("event_id"), str):
        thread_root = relates["event_id"]
    reply = relates.get("m.in_reply_to")
    reply_to = reply.get("event_id") if isinstance(reply, dict) else None
    # In a thread, in_reply_to is only a fallback for clients that do not show threads.
    if thread_root is not None and relates.get("is_falling_back"):
        reply_to = None
    return thread_root, reply_to if isinstance(reply_to, str) else None


def message_text(content: dict[str, Any]) -> tuple[str, str | None]:
    """(body, formatted_body) of a message as the agent wrote it: a reply's legacy fallback
    (the replied-to message copied in front, as Tchap web still sends it) is removed."""
    body = content.get("body")
    body = body if isinstance(body, str) else ""
    html = content.get("formatted_body")
    html = html if isinstance(html, str) else None
    relates = content.get("m.relates_to")
    if isinstance(relates, dict) and isinstance(relates.get("m.in_reply_to"), dict):
        return strip_reply_fallback(body, html)
    return body, html


def edit_content(event_id: str, new: dict[str, Any]) -> dict[str, Any]:
    content = {
        "msgtype": new["msgtype"],
        "body": "* " + new["body"],
        "m.new_content": new,
        "m.relates_to": {"rel_type": "m.replace", "event_id": event_id},
        "m.mentions": {},
    }
    if "formatted_body" in new:
        content["format"] = HTML_FORMAT
        content["formatted_body"] = "* " + new["formatted_body"]
    return content


async def check_session(config: MatrixConfig) -> str:
    """`check-config --online`: ask the homeserver about the account, without logging in.

    Never logs in, so never creates a device. Returns what was checked, in one line, when `run`
    can start. Raises HomeserverUnreachable when the homeserver does not answer (or is not a
    Matrix homeserver), AccountUnusable when it refuses the account in a way `run` cannot get
    past (expired, deactivated, a configured token revoked), MatrixError otherwise.
    """
    quiet_schema_noise()
    homeserver = config.homeserver
    await _versions(config)
    token = config.access_token.get_secret_value() if config.access_token else ""
    if token:
        device = await _whoami(config, token)
        return f"access token of {config.user_id} accepted by {homeserver} ({device})"
    try:
        stored = json.loads((config.store_dir / "session.json").read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        stored = {}
    token = (
        str(stored.get("access_token") or "") if stored.get("user_id") == config.user_id else ""
    )
    if not token:
        return (
            f"{homeserver} reachable; no stored session yet: the first `run` logs in "
            "with the password (not checked here: a login would create a device)"
        )
    try:
        device = await _whoami(config, token)
    except AccountUnusable as exc:
        if exc.errcode != "M_UNKNOWN_TOKEN":
            raise
        return (
            f"{homeserver} reachable; stored session revoked; `run` will log in "
            "again with the password (on the same device; the password is not checked here)"
        )
    return f"stored session of {config.user_id} accepted by {homeserver} ({device})"


async def _versions(config: MatrixConfig) -> None:
    """GET /_matrix/client/versions: is a Matrix homeserver answering at that address?"""
    url = config.homeserver.rstrip("/") + "/_matrix/client/versions"
    timeout = aiohttp.ClientTimeout(total=config.request_timeout)
    async with aiohttp.ClientSession(timeout=timeout) as session:

        async def get() -> tuple[int, Any]:
            async with session.get(url) as response:
                try:
                    return response.status, await response.json(content_type=None)
                except ValueError:
                    return response.status, None

        status, body = await _once(config.homeserver, get())
    if status != 200 or not isinstance(body, dict) or not isinstance(body.get("versions"), list):
        raise HomeserverUnreachable(
            config.homeserver,
            f"HTTP {status} on /_matrix/client/versions: is it a Matrix homeserver?",
        )


async def _whoami(config: MatrixConfig, token: str) -> str:
    """The device of `token` ("device X"), or AccountUnusable / MatrixError."""
    client = AsyncClient(
        config.homeserver,
        config.user_id,
        config=AsyncClientConfig(
            encryption_enabled=False, request_timeout=config.request_timeout, max_timeouts=0
        ),
    )
    client.access_token = token
    try:
        response = _check(await _once(config.homeserver, client.whoami()), "whoami")
        if not isinstance(response, WhoamiResponse):
            raise MatrixError("whoami")
    finally:
        await client.close()
    return f"device {response.device_id}" if response.device_id else "no device"


def _has_counts(room: MatrixRoom) -> bool:
    summary = room.summary
    return (
        summary is not None
        and summary.joined_member_count is not None
        and summary.invited_member_count is not None
    )


def retry_after_ms(asked: object, headers: Mapping[str, str] | None) -> int | None:
    """Milliseconds a rate-limited request should wait, bounded: the body's `retry_after_ms`
    (`asked`), else the `Retry-After` header; None when nothing was asked (nio then waits its
    default 5 s)."""
    wait: float | None = None
    if isinstance(asked, int | float) and not isinstance(asked, bool) and asked >= 0:
        wait = asked
    else:
        header = headers.get("Retry-After") if headers is not None else None
        if isinstance(header, str) and header.strip().isdigit() and len(header.strip()) < 10:
            wait = int(header.strip()) * 1000
    if wait is None:
        return None
    return int(min(wait, MAX_RETRY_AFTER * 1000))


def _q(part: str) -> str:
    """A path segment, percent-encoded as nio encodes it (the slash included)."""
    return quote(part, safe="")


def _raise_for(what: str, status: int, answer: dict[str, Any]) -> NoReturn:
    """The exception `_check` raises for the same error answer."""
    errcode = answer.get("errcode")
    code = errcode if isinstance(errcode, str) else None
    if code in FATAL_ERRCODES:
        raise AccountUnusable(what, code, status)
    raise MatrixError(what, code, status)


async def _read_answer(response: aiohttp.ClientResponse) -> dict[str, Any]:
    """The JSON object of a small answer; {} when it is not one or is too long."""
    if (response.content_length or 0) > MAX_LEAN_RESPONSE:
        return {}
    pieces: list[bytes] = []
    size = 0
    async for piece in response.content.iter_any():
        size += len(piece)
        if size > MAX_LEAN_RESPONSE:
            return {}
        pieces.append(piece)
    try:
        answer = json.loads(b"".join(pieces))
    except ValueError:
        return {}
    return answer if isinstance(answer, dict) else {}


class _NioDevice:
    """The bot's device for bot/crosssign.py: its id and nio's ed25519 signature."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    @property
    def device_id(self) -> str:
        return str(self._client.device_id or "")

    @property
    def ed25519(self) -> str:
        return str(self._client.olm.account.identity_keys["ed25519"])

    def sign(self, message: str) -> str:
        return str(self._client.olm.account.sign(message))


class _NioRoomKeys:
    """nio's inbound group sessions (room keys) for bot/keybackup.py."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    def known(self) -> Iterator[tuple[str, str, int]]:
        for session in self._client.olm.inbound_group_store:
            yield session.room_id, session.id, session.first_known_index

    def export(self, room_id: str, session_id: str) -> ExportedSession | None:
        for by_sender in self._client.olm.inbound_group_store[room_id].values():
            session = by_sender.get(session_id)
            if session is not None:
                index = session.first_known_index
                return ExportedSession(
                    room_id,
                    session_id,
                    index,
                    session.sender_key,
                    session.ed25519,
                    tuple(session.forwarding_chain),
                    session.export_session(index),
                )
        return None

    def import_sessions(self, sessions: list[ExportedSession]) -> int:
        olm = self._client.olm
        added = 0
        for exported in sessions:
            try:
                session = InboundGroupSession.import_session(
                    exported.session_key,
                    exported.signing_key,
                    exported.sender_key,
                    exported.room_id,
                    list(exported.forwarding_chain),
                )
            except ValueError:  # vodozemac's SessionKeyDecodeException
                continue
            known = olm.inbound_group_store.get(
                exported.room_id, exported.sender_key, exported.session_id
            )
            if known is not None and known.first_known_index <= session.first_known_index:
                continue
            olm.inbound_group_store.add(session)
            olm.save_inbound_group_session(session)
            added += 1
        return added


# nio's crypto store -------------------------------------------------------------------------

# The same durability as the bot's own database (storage/db.py): WAL, fsync at checkpoints
# only, deleted key material overwritten. nio's default (a rollback journal, fsync at every
# commit) costs each to-device room key several fsyncs, 2.6 ms of CPU per write and 16 ms of
# wall time with the event loop stopped. A power cut may lose the last commits (a ratchet
# state or a room key: the next message from that device is undecryptable and its key
# requested again, as after any lost key); a crash of the process loses nothing.
_STORE_PRAGMAS = (
    ("foreign_keys", 1),
    ("secure_delete", 1),
    ("journal_mode", "wal"),
    ("synchronous", 1),  # NORMAL
)


class _StayBound:
    """peewee's `bind_ctx` for nio's store models, without the rebinding of every call.

    nio binds its ten models to the store's database around each store call and back after:
    peewee walks the models' graph both times (about 1 ms of CPU, a few times per to-device
    event, plus `del table` caches). Here the models stay bound to this database; they are
    bound again only when something else (another nio store in the same process, as in the
    tests where the agents run beside the bot) bound them elsewhere."""

    def __init__(
        self, database: _StoreDatabase, models: Any, bind_refs: bool, bind_backrefs: bool
    ) -> None:
        self._database = database
        self._models = models
        self._refs = bind_refs
        self._backrefs = bind_backrefs

    def __enter__(self) -> Any:
        database = self._database
        key = (tuple(self._models), self._refs, self._backrefs)
        reached = database.reached.get(key)
        if reached is None:
            # What peewee's bind sets: the models and the ones their foreign keys reach.
            reached = tuple(
                {
                    related
                    for model in self._models
                    for _, related, _ in model._meta.model_graph(
                        refs=self._refs, backrefs=self._backrefs
                    )
                }
                | set(self._models)
            )
            database.reached[key] = reached
        if any(model._meta.database is not database for model in reached):
            exclude = set(self._models)
            for model in self._models:
                model.bind(database, self._refs, self._backrefs, _exclude=exclude)
        return self._models

    def __exit__(self, *exc: object) -> None:
        return None


class _StoreDatabase(SqliteDatabase):  # type: ignore[misc]  # nio (and peewee) are untyped
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.reached: dict[tuple[Any, ...], tuple[Any, ...]] = {}

    def bind_ctx(self, models: Any, bind_refs: bool = True, bind_backrefs: bool = True) -> Any:
        return _StayBound(self, models, bind_refs, bind_backrefs)


class _BotStore(DefaultStore):  # type: ignore[misc]
    """nio's default store (SQLite, trust files), made cheaper per call: see _STORE_PRAGMAS
    and _StayBound; the account's row remembered (nio reads it again at every store call, a
    SELECT built by peewee each time); no empty transaction at every sync."""

    _account_row: Any = None

    def _create_database(self) -> Any:
        return _StoreDatabase(self.database_path, pragmas=list(_STORE_PRAGMAS))

    def _get_account(self) -> Any:
        # Its id never changes (save_account inserts once, then updates in place); its
        # pickle does, so the row is read again after each save_account.
        if self._account_row is None:
            self._account_row = super()._get_account()
        return self._account_row

    def save_account(self, account: Any) -> None:
        self._account_row = None
        super().save_account(account)
        self._account_row = None

    def save_encrypted_rooms(self, rooms: Any) -> None:
        # nio calls it after every sync, with the rooms whose encryption that sync revealed.
        if rooms:
            super().save_encrypted_rooms(rooms)


class MatrixClient:
    """A logged-in bot account with end-to-end encryption."""

    def __init__(
        self,
        config: MatrixConfig,
        metrics: Metrics | None = None,
        rooms: RoomStateRepository | None = None,
    ) -> None:
        self.config = config
        self.metrics = metrics or Metrics()
        self.user_id = config.user_id
        config.store_dir.mkdir(parents=True, exist_ok=True)
        self._client = AsyncClient(
            config.homeserver,
            config.user_id,
            store_path=str(config.store_dir),
            config=AsyncClientConfig(
                encryption_enabled=True,
                store=_BotStore,
                store_sync_tokens=False,  # the bot stores its position itself, after its inbox
                request_timeout=config.request_timeout,
                max_timeouts=NIO_MAX_TIMEOUTS,
                backoff_factor=1.0,
                max_timeout_retry_wait_time=16,
                max_limit_exceeded=MAX_LIMIT_EXCEEDED,
            ),
        )
        self._bound_retry_after()
        quiet_schema_noise()
        self._stopping = False
        self._count_requests()
        self._sink: EventSink | None = None
        self._synced = asyncio.Condition()
        self._sync_count = 0
        self.last_sync_at: float | None = None
        self.display_name: str | None = None
        # The latest event seen or sent in each thread, for the reply fallback (bounded).
        self._thread_latest: dict[str, str] = {}
        # Cross-signing and key backup (bot/crosssign.py, bot/keybackup.py): what went wrong
        # at start ("needs_password", "identity", "backup"), for the support room.
        self.identity_problems: list[str] = []
        self.master_key: str | None = None
        self.key_backup: KeyBackup | None = None
        # The rooms' state kept across restarts (storage/rooms.py): what the table holds, read
        # at the first sync. nio learns a room from it when the room is first used or synced,
        # so the 2,000 idle rooms of a restart cost a small record each, not a sync.
        self._room_store = rooms
        self._stored: dict[str, RoomState] = {}
        # Rooms whose encryption is known this run (full state synced, stored, or fetched) and
        # rooms whose power levels are (full state synced, or fetched once).
        self._encryption_known: set[str] = set()
        self._power_known: set[str] = set()
        # Whether the key backup should look for new room keys after the next sync.
        self._keys_changed = True
        self._syncs_since_scan = 0
        # The answer's own requests (see _lean): their own connections, opened when first used.
        self._lean_session: aiohttp.ClientSession | None = None
        self._closed = False

    def _bound_retry_after(self) -> None:
        """The wait a 429 asks for, as nio will sleep it: from the body's `retry_after_ms` or the
        `Retry-After` header, bounded to MAX_RETRY_AFTER seconds."""
        create = self._client.create_matrix_response

        async def bounded(
            response_class: type, transport_response: Any, *a: Any, **kw: Any
        ) -> Any:
            response = await create(response_class, transport_response, *a, **kw)
            if isinstance(response, SyncResponse):
                # nio makes an unknown room plain: the stored ones are known before it looks.
                for room_id in response.rooms.join:
                    self.room(room_id)
            if getattr(transport_response, "status", None) == 429 or hasattr(
                response, "retry_after_ms"
            ):
                asked = retry_after_ms(
                    getattr(response, "retry_after_ms", None),
                    getattr(transport_response, "headers", None),
                )
                if asked is not None and hasattr(response, "retry_after_ms"):
                    response.retry_after_ms = asked
            return response

        self._client.create_matrix_response = bounded

    def _count_requests(self) -> None:
        """Metrics: every HTTP request nio makes goes through AsyncClient.send (429s included).

        Also where a connection error or a timeout leaves nio's retry loop when `_fail_fast`
        is set, or once the bot is stopping: HomeserverUnreachable is not among the errors nio
        retries.
        """
        send = self._client.send
        metrics = self.metrics
        homeserver = self.config.homeserver

        async def counted(method: str, path: str, *args: Any, **kwargs: Any) -> Any:
            started = asyncio.get_running_loop().time()
            try:
                response = await send(method, path, *args, **kwargs)
            except (aiohttp.ClientConnectionError, TimeoutError) as exc:
                if not (_fail_fast.get() or self._stopping):
                    raise
                elapsed = asyncio.get_running_loop().time() - started
                raise HomeserverUnreachable(homeserver, _unreachable_reason(exc, elapsed)) from exc
            metrics.homeserver_response(path, response.status)
            return response

        self._client.send = counted

    @property
    def device_id(self) -> str:
        return str(self._client.device_id or "")

    # Session ---------------------------------------------------------------------------

    @property
    def _session_file(self) -> Path:
        return self.config.store_dir / "session.json"

    def _load_session(self) -> dict[str, str] | None:
        try:
            data = json.loads(self._session_file.read_text(encoding="utf-8"))
        except (FileNotFoundError, json.JSONDecodeError):
            return None
        if data.get("user_id") != self.user_id or not data.get("device_id"):
            return None
        return {k: str(v) for k, v in data.items()}

    def _save_session(self, device_id: str, access_token: str) -> None:
        data = {"user_id": self.user_id, "device_id": device_id, "access_token": access_token}
        tmp = self._session_file.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh)
        tmp.replace(self._session_file)

    async def login(self) -> None:
        """Reuse the stored device; log in with the password only when there is none.

        A new device at every start would break encryption for every user, so the device id is
        kept in the store and passed back to the homeserver even on a password login.

        Each request is tried once: HomeserverUnreachable when there is no answer (`connect`
        retries), AccountUnusable (LoginRefused for the password) when the account is refused.
        """
        stored = self._load_session()
        token_cfg = self.config.access_token.get_secret_value() if self.config.access_token else ""
        if token_cfg:
            device_id = self.config.device_id or (stored or {}).get("device_id")
            if not device_id:
                whoami = _check(await self._whoami_with(token_cfg), "whoami")
                device_id = whoami.device_id
            if not device_id:
                raise MatrixError("login: the access token has no device; set matrix.device_id")
            self._restore(device_id, token_cfg)
            _check(await self._once(self._client.whoami()), "whoami")
            log.info("logged in with access token as %s (device %s)", self.user_id, device_id)
            return
        if stored is not None:
            self._restore(stored["device_id"], stored["access_token"])
            try:
                _check(await self._once(self._client.whoami()), "whoami")
                log.info("session restored for %s (device %s)", self.user_id, self.device_id)
                return
            except AccountUnusable as exc:
                if exc.errcode != "M_UNKNOWN_TOKEN":
                    raise
                log.warning("stored token rejected; logging in again on the same device")
        password = self.config.password.get_secret_value() if self.config.password else ""
        if stored is not None:
            self._client.device_id = stored["device_id"]  # nio's login sends it back
        response = await self._once(
            self._client.login(password=password, device_name=self.config.device_name)
        )
        if not isinstance(response, LoginResponse):
            status = _status(response)
            if status in (400, 401, 403):  # not 404 & co: no Matrix login endpoint there
                errcode = getattr(response, "status_code", None)
                raise LoginRefused("login", str(errcode) if errcode else None, status)
            _check(response, "login")
            raise MatrixError("login")
        self._save_session(response.device_id, response.access_token)
        log.info("logged in as %s (device %s)", self.user_id, response.device_id)

    async def publish_keys(self) -> None:
        """Upload this device's encryption keys if the homeserver does not have them yet.

        Done before joining any room: members who see the bot join share their room keys only
        with devices whose keys they can fetch, so a late upload means undecryptable messages.
        """
        if self._client.should_upload_keys:
            _check(await self._once(self._client.keys_upload()), "keys upload")

    async def secure_identity(self) -> None:
        """Cross-sign the bot's device and set up the key backup (restoring a lost store).

        Neither may stop the bot: a failure is logged with what to do, and noted in
        `identity_problems` for the support room.
        """
        client = self._client
        api = Api(client.send, lambda: str(client.access_token))
        store_dir = self.config.store_dir
        password = self.config.password.get_secret_value() if self.config.password else None
        device = _NioDevice(client)
        try:
            status = await ensure_identity(api, store_dir, self.user_id, device, password)
            self.master_key = status.master_key
        except Exception as exc:  # a strange answer or a full disk must not stop the bot
            advice = getattr(exc, "advice", "")
            log.error(
                "cross-signing: the bot's device stays unverified: %s: %s%s",
                type(exc).__name__,
                exc,
                f"; {advice}" if advice else "",
            )
            kind = getattr(exc, "kind", "identity")
            self.identity_problems.append(
                "needs_password" if kind == "needs_password" else "identity"
            )
        recovery = self.config.recovery_key
        backup = KeyBackup(
            api, store_dir, self.user_id, recovery.get_secret_value() if recovery else None
        )
        keys = _NioRoomKeys(client)
        fresh = next(iter(keys.known()), None) is None
        try:
            stored = load_keys(store_dir, self.user_id)
            # Signs the backup only when it is the identity the homeserver holds.
            master = stored.master if stored and stored.master.public == self.master_key else None
            await backup.start(device, master, keys, fresh)
            self.key_backup = backup
        except Exception as exc:
            advice = getattr(exc, "advice", "")
            log.error(
                "key backup: the bot's room keys are not backed up: %s: %s%s",
                type(exc).__name__,
                exc,
                f"; {advice}" if advice else "",
            )
            self.identity_problems.append("backup")

    async def _back_up_room_keys(self) -> None:
        """After a sync: the room keys received or created since, to the backup (bounded).

        Looking for them walks every room key the bot holds (tens of thousands after months
        in thousands of rooms): done only after a sync that brought a room key, a send that
        created one, a failed or a full upload, and every KEY_SCAN_EVERY syncs anyway."""
        if self.key_backup is None:
            return
        self._syncs_since_scan += 1
        if not self._keys_changed and self._syncs_since_scan < KEY_SCAN_EVERY:
            return
        self._keys_changed = False
        self._syncs_since_scan = 0
        try:
            uploaded = await self.key_backup.upload_new(_NioRoomKeys(self._client))
        except Exception as exc:  # never a reason to count the sync as failed
            self._keys_changed = True
            log.warning(
                "key backup upload failed, retried after the next sync: %s: %s",
                type(exc).__name__,
                exc,
            )
            return
        if uploaded >= MAX_KEYS_PER_ROUND:
            self._keys_changed = True  # more may be waiting

    async def connect(self) -> None:
        """Log in and publish the keys, waiting out a homeserver that cannot be reached.

        Retries with a bounded backoff (`retry_delay`) while there is no answer or a 5xx one;
        raises AccountUnusable at once when the homeserver refuses the account. Nothing here
        shields cancellation: a stop request during start-up cancels it wherever it waits.
        """
        attempt = 0
        while True:
            try:
                await self.login()
                await self.publish_keys()
            except AccountUnusable:
                raise
            except HomeserverUnreachable as exc:
                problem = str(exc)
            except MatrixError as exc:
                if exc.status is None or exc.status < 500:
                    raise
                problem = f"the homeserver {self.config.homeserver} failed: {exc}"
            else:
                if attempt:
                    log.info(
                        "homeserver %s reached after %d retries", self.config.homeserver, attempt
                    )
                await self.secure_identity()
                return
            delay = retry_delay(attempt)
            attempt += 1
            log.warning("%s; retrying in %.0f s", problem, delay)
            await asyncio.sleep(delay)

    def _once(self, call: Awaitable[T]) -> Awaitable[T]:
        return _once(self.config.homeserver, call)

    async def _whoami_with(self, token: str) -> Any:
        self._client.access_token = token
        return await self._once(self._client.whoami())

    def _restore(self, device_id: str, token: str) -> None:
        self._client.restore_login(self.user_id, device_id, token)

    async def names(self) -> list[str]:
        """How people may address the bot in a group room: id, display name, localpart."""
        names = [self.user_id]
        try:
            response = await self._client.get_displayname(self.user_id)
            if getattr(response, "displayname", None):
                names.append(str(response.displayname))
        except Exception as exc:
            log.debug("display name lookup failed: %s", exc)
        names.append(self.user_id[1:].split(":", 1)[0])
        return names

    async def check_account(self) -> None:
        """Raise AccountUnusable if the homeserver refuses the account (expired, revoked)."""
        response = await self._client.whoami()
        _check(response, "whoami")
        if not isinstance(response, WhoamiResponse):
            raise MatrixError("whoami")

    def stopping(self) -> None:
        """From now on no request waits out an unreachable homeserver: the stop must not."""
        self._stopping = True

    async def close(self) -> None:
        self._closed = True
        if self._lean_session is not None:
            await self._lean_session.close()
        await self._client.close()

    # The answer's own requests ---------------------------------------------------------

    async def _lean(
        self, method: str, path: str, body: dict[str, Any]
    ) -> tuple[int, dict[str, Any]]:
        """One request an answer makes several times (send, edit, typing, receipt), without
        nio's machinery around it: its path building, response classes validated against
        JSON schemas, request tracing. About 0.4 ms of CPU less each (bench/matrix_cpu.py).

        nio's rules are kept: counted in the metrics (429s included); a 429 waits what the
        homeserver asks, bounded (`retry_after_ms`), at most MAX_LIMIT_EXCEEDED times, then
        the error answer is returned; a connection error or a timeout is retried after nio's
        waits, at most NIO_MAX_TIMEOUTS times, then raised (HomeserverUnreachable at once when
        `_fail_fast` is set or the bot is stopping). Returns (HTTP status, JSON answer or {}).
        """
        session = self._lean_session
        if self._closed:  # a task still sending at the stop: no new connections
            raise MatrixError("closed")
        if session is None or session.closed:
            timeout = aiohttp.ClientTimeout(total=self.config.request_timeout)
            session = self._lean_session = aiohttp.ClientSession(timeout=timeout)
        url = self.config.homeserver.rstrip("/") + CLIENT_API + path
        data = json.dumps(body, separators=(",", ":"))
        headers = {
            "Content-Type": "application/json",
            "Authorization": f"Bearer {self._client.access_token}",
        }
        loop = asyncio.get_running_loop()
        limited = 0
        failures = 0
        while True:
            started = loop.time()
            try:
                async with session.request(method, url, data=data, headers=headers) as response:
                    status = response.status
                    answer = await _read_answer(response)
                    asked_header = response.headers.get("Retry-After")
            except (aiohttp.ClientConnectionError, TimeoutError) as exc:
                if _fail_fast.get() or self._stopping:
                    elapsed = loop.time() - started
                    reason = _unreachable_reason(exc, elapsed)
                    raise HomeserverUnreachable(self.config.homeserver, reason) from exc
                failures += 1
                if failures > NIO_MAX_TIMEOUTS:
                    raise
                wait = await self._client.get_timeout_retry_wait_time(failures)
                log.warning("homeserver request failed (%s), retrying in %d s", exc, wait)
                await asyncio.sleep(wait)
                continue
            self.metrics.homeserver_response(path, status)
            if status != 429 and answer.get("errcode") != "M_LIMIT_EXCEEDED":
                return status, answer
            limited += 1
            if limited > MAX_LIMIT_EXCEEDED:
                return status, answer
            asked = retry_after_ms(
                answer.get("retry_after_ms"),
                {"Retry-After": asked_header} if asked_header else None,
            )
            wait_ms = 5000 if asked is None else asked  # nio's default wait
            log.warning("rate limited by the homeserver (429), retrying in %d ms", wait_ms)
            await asyncio.sleep(wait_ms / 1000)

    async def _encrypted_for(
        self, room: MatrixRoom, event_type: str, content: dict[str, Any]
    ) -> tuple[str, dict[str, Any]]:
        """(type, content) to send to `room`: encrypted when the room is, after what nio's
        room_send does first (0.26): the members fetched, the room key shared."""
        if not room.encrypted:
            return event_type, content
        client = self._client
        room_id = room.room_id
        if client.olm is None:  # nio would send in the clear
            raise EncryptionUnknown("send: encryption not loaded")
        if not room.members_synced:
            await client.joined_members(room_id)
            if client.should_query_keys:
                await client.keys_query()
        if client.olm.should_share_group_session(room_id):
            self._keys_changed = True  # a new room key, for the backup
            sharing = client.sharing_session.get(room_id)
            if sharing is not None:
                await sharing.wait()
            else:
                await client.share_group_session(room_id, ignore_unverified_devices=True)
        encrypted_type, encrypted = client.encrypt(room_id, event_type, content)
        return str(encrypted_type), dict(encrypted)

    # Sync ------------------------------------------------------------------------------

    def _register_callbacks(self, sink: EventSink) -> None:
        self._sink = sink
        client = self._client
        on_message = _ordinary_requests(self._on_message)
        client.add_event_callback(on_message, (RoomMessageText, RoomMessageMedia))
        client.add_event_callback(on_message, RoomEncryptedMedia)
        client.add_event_callback(_ordinary_requests(self._on_megolm), MegolmEvent)
        client.add_event_callback(_ordinary_requests(self._on_reaction), ReactionEvent)
        client.add_event_callback(_ordinary_requests(self._on_invite), InviteMemberEvent)
        client.add_to_device_callback(
            _ordinary_requests(self._on_room_key), (RoomKeyEvent, ForwardedRoomKeyEvent)
        )

    def _sync_filter(self, lazy_members: bool = True) -> dict[str, Any]:
        """What the bot needs from a sync, and nothing that would wake its long poll for
        nothing (Synapse keeps a long poll waiting while the filtered answer is empty).

        - Its own timeline events out: each message, edit and reaction of an answer would
          return the long poll, and nio would decrypt each one again; nothing reads them.
        - No typing notices nor receipts (ephemeral), no presence, no account data: unused.
        - Members lazy-loaded: those of the timeline's senders; the room summary gives the
          counts, and nio fetches a room's joined members before its first encrypted send.
          Not on the one full-state sync that fills the stored state for the first time:
          Synapse sends no summary there, so the counts come from the members.
        - A leave by the bot's own account is its own event, so not reported: see
          `_forget_rooms_left` (kicks and bans are reported).
        """
        return {
            "room": {
                "timeline": {"limit": self.config.timeline_limit, "not_senders": [self.user_id]},
                "state": {"lazy_load_members": lazy_members},
                "ephemeral": {"not_types": ["*"]},
                "account_data": {"not_types": ["*"]},
            },
            "presence": {"not_types": ["*"]},
            "account_data": {"not_types": ["*"]},
        }

    async def run_sync(self, sink: EventSink, since: str | None, stop: asyncio.Event) -> None:
        """Sync until `stop` is set. Events reach `sink` before the position is saved, and so
        does the rooms' state (storage/rooms.py).

        After a restart the first sync resumes from `since` without the rooms' full state: nio
        learns each room from the stored state when the room is used or synced. Only when that
        record is not complete (the first start of this version) does the first sync ask for
        the full state of every room, once.
        """
        self._register_callbacks(sink)
        full_state = since is not None and not await self._load_rooms()
        first = True
        failures = 0
        while not stop.is_set():
            try:
                response = await self._sync_once(since, first, full_state and first)
                if not isinstance(response, SyncResponse):
                    _check(response, "sync")
                    raise MatrixError("sync")
                if since is not None:
                    await self._fill_gaps(response, since)
                await self._store_rooms(response, full=since is None or (full_state and first))
                if first and since is not None and not full_state:
                    await self._forget_rooms_left(response)
                since = response.next_batch
                await sink.on_synced(response.next_batch)
                await self._after_sync()
                first = False
                if failures:
                    log.info("syncing again after %d failed attempts", failures)
                failures = 0
                async with self._synced:
                    self._sync_count += 1
                    self.last_sync_at = asyncio.get_running_loop().time()
                    self._synced.notify_all()
            except AccountUnusable:
                raise
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                delay = retry_delay(failures)
                failures += 1
                if isinstance(exc, HomeserverUnreachable):
                    log.warning("%s; retrying in %.0f s", exc, delay)
                else:
                    log.warning("sync failed (%s), retrying in %.0f s", exc, delay)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), delay)

    async def _sync_once(self, since: str | None, first: bool, full_state: bool) -> Any:
        """One sync request, tried once and bounded: nio bounds a long poll (its duration plus
        15 s) but sends a full-state sync without any timeout. The first one does not wait:
        what arrived while the bot was down is answered at once."""
        config = self.config
        if first:
            deadline = config.request_timeout * FIRST_SYNC_TIMEOUT_FACTOR
        else:
            deadline = config.request_timeout + config.sync_timeout_ms / 1000
        try:
            async with asyncio.timeout(deadline):
                return await self._once(
                    self._client.sync(
                        timeout=0 if first else config.sync_timeout_ms,
                        sync_filter=self._sync_filter(lazy_members=not full_state),
                        since=since,
                        full_state=True if full_state else None,
                    )
                )
        except TimeoutError:
            reason = f"no answer within {deadline:.0f} s"
            raise HomeserverUnreachable(config.homeserver, reason) from None

    # Rooms' state across restarts -------------------------------------------------------

    async def _load_rooms(self) -> bool:
        """The stored rooms, before the first sync; False when the record is not complete."""
        if self._room_store is None:
            return False
        self._stored = await self._room_store.all()
        complete = await self._room_store.complete()
        log.info(
            "%d rooms known from the database%s",
            len(self._stored),
            "" if complete else " (incomplete: the first sync asks for every room's state)",
        )
        return complete

    def room(self, room_id: str) -> MatrixRoom | None:
        """The room as nio knows it, made from the stored state the first time it is needed
        after a restart; None for a room the bot is not known to be in."""
        client = self._client
        room = client.rooms.get(room_id)
        if room is not None:
            return room
        stored = self._stored.get(room_id)
        if stored is None:
            return None
        encrypted = stored.encrypted or room_id in client.encrypted_rooms
        room = MatrixRoom(room_id, self.user_id, encrypted)
        room.update_summary(RoomSummary(stored.invited_members, stored.joined_members, []))
        client.rooms[room_id] = room
        self._encryption_known.add(room_id)
        return room

    def _state_of(self, room: MatrixRoom, content: dict[str, Any] | None) -> RoomState:
        """What is stored of the room; `content`: of the m.room.encryption event just seen."""
        before = self._stored.get(room.room_id)
        if content is not None:
            algorithm = content.get("algorithm")
            period_ms = content.get("rotation_period_ms")
            period_msgs = content.get("rotation_period_msgs")
            settings = (
                str(algorithm) if isinstance(algorithm, str) else None,
                period_ms if isinstance(period_ms, int) else None,
                period_msgs if isinstance(period_msgs, int) else None,
            )
        elif before is not None:
            settings = (before.algorithm, before.rotation_period_ms, before.rotation_period_msgs)
        else:
            settings = (MEGOLM if room.encrypted else None, None, None)
        return RoomState(
            room.room_id,
            bool(room.encrypted),
            *settings,
            int(room.joined_count),
            int(room.invited_count),
        )

    async def _store_rooms(self, response: SyncResponse, *, full: bool) -> None:
        """What changed in the rooms' state, stored before the sync position moves on; a room
        left is forgotten (nio keeps it otherwise). `full`: the response lists every room."""
        changed: list[RoomState] = []
        for room_id, info in response.rooms.join.items():
            room = self._client.rooms.get(room_id)
            if room is None:
                continue
            encryption: dict[str, Any] | None = None
            for event in (*info.state, *info.timeline.events):
                if isinstance(event, RoomEncryptionEvent):
                    encryption = event.source.get("content") or {}
            # A newly joined room comes with its full state, m.room.create included.
            if full or any(isinstance(event, RoomCreateEvent) for event in info.state):
                self._encryption_known.add(room_id)
                self._power_known.add(room_id)
            elif room.encrypted:
                self._encryption_known.add(room_id)
            else:
                # Not stored as plain on a guess: asked for before its first send, then stored.
                continue
            if room_id not in self._stored and not _has_counts(room):
                await self._fetch_members(room_id)
            state = self._state_of(room, encryption)
            if self._stored.get(room_id) != state:
                changed.append(state)
        left = [r for r in response.rooms.leave if r not in response.rooms.join]
        if full:
            left += [r for r in self._stored if r not in response.rooms.join]
        for room_id in left:
            self._forget(room_id)
        if self._room_store is not None:
            await self._room_store.save(changed, left, complete=full)
        for state in changed:
            self._stored[state.room_id] = state
        for room_id in left:
            self._stored.pop(room_id, None)

    async def _fetch_members(self, room_id: str) -> None:
        """A new room synced without counts (no member event in its first timeline): its
        joined members, as nio would fetch them before its first encrypted send anyway."""
        try:
            _check(await self._once(self._client.joined_members(room_id)), "joined members")
        except AccountUnusable:
            raise
        except MatrixError as exc:  # counted from the members nio saw; fetched on first send
            log.warning("members of %s not fetched: %s", room_id, exc)

    async def _forget_rooms_left(self, response: SyncResponse) -> None:
        """After a restart: the stored rooms the account is no longer in. A sync reports kicks,
        bans and leaves, but not a leave the bot's own account made (its own events are
        filtered out): one /joined_rooms request per start finds those. A failure is logged;
        the homeserver refuses to send to such a room anyway."""
        try:
            joined = _check(await self._once(self._client.joined_rooms()), "joined rooms")
        except AccountUnusable:
            raise
        except MatrixError as exc:
            log.warning("joined rooms not checked: %s", exc)
            return
        if not isinstance(joined, JoinedRoomsResponse):
            return
        still = set(joined.rooms) | set(response.rooms.join)
        left = [room_id for room_id in self._stored if room_id not in still]
        if not left:
            return
        for room_id in left:
            self._forget(room_id)
        if self._room_store is not None:
            await self._room_store.save((), left)
        for room_id in left:
            self._stored.pop(room_id, None)

    def _forget(self, room_id: str) -> None:
        self._client.rooms.pop(room_id, None)
        self._encryption_known.discard(room_id)
        self._power_known.discard(room_id)
        log.info("room %s left: forgotten", room_id)

    async def _ensure_encryption_known(self, room: MatrixRoom) -> None:
        """Never a plaintext message to a room whose encryption is not known: a room nio met
        in an incremental sync, without a stored state, is asked about (one request)."""
        room_id = room.room_id
        if room.encrypted or room_id in self._encryption_known:
            return
        response = await self._client.room_get_state_event(room_id, "m.room.encryption")
        content: dict[str, Any] | None = None
        if isinstance(response, RoomGetStateEventResponse):
            content = dict(response.content)
            room.encrypted = True
            self._client.encrypted_rooms.add(room_id)
        elif getattr(response, "status_code", None) != "M_NOT_FOUND":
            raise EncryptionUnknown("room encryption", None, _status(response))
        self._encryption_known.add(room_id)
        log.info("room %s: encryption fetched (%s)", room_id, room.encrypted)
        state = self._state_of(room, content)
        if self._room_store is not None:
            await self._room_store.save([state])
        self._stored[room_id] = state

    async def _fill_gaps(self, response: SyncResponse, since: str) -> None:
        """Fetch what a `limited` timeline left out since our last position.

        After a long stop a room may hold more new events than one sync returns; without this
        the older ones would never be answered.
        """
        for room_id, info in response.rooms.join.items():
            timeline = info.timeline
            if not timeline.limited or not timeline.prev_batch:
                continue
            room = self._client.rooms.get(room_id)
            if room is None:
                continue
            missed: list[Any] = []
            token = timeline.prev_batch
            for _ in range(self.config.max_backfill_pages):
                page = await self._once(
                    self._client.room_messages(
                        room_id, start=token, end=since, direction=MessageDirection.back, limit=100
                    )
                )
                if not isinstance(page, RoomMessagesResponse):
                    _check(page, "room messages")
                    break
                missed.extend(page.chunk)
                if not page.chunk or not page.end or page.end == token:
                    break
                token = page.end
            log.info("room %s: fetched %d events missed by a limited sync", room_id, len(missed))
            for event in reversed(missed):  # oldest first, as the timeline would have had them
                if isinstance(event, RoomMessageText | RoomMessageMedia | RoomEncryptedMedia):
                    await self._on_message(room, event)
                elif isinstance(event, MegolmEvent):
                    await self._on_megolm(room, event)
                elif isinstance(event, ReactionEvent):
                    await self._on_reaction(room, event)

    async def _after_sync(self) -> None:
        # What nio's sync_forever does between syncs, so encryption keeps working.
        client = self._client
        await self._once(client.send_to_device_messages())
        if client.should_upload_keys:
            _check(await self._once(client.keys_upload()), "keys upload")
        if client.should_query_keys:
            _check(await self._once(client.keys_query()), "keys query")
        if client.should_claim_keys:
            users = client.get_users_for_key_claiming()
            _check(await self._once(client.keys_claim(users)), "keys claim")
        await self._back_up_room_keys()

    async def wait_for_room(self, room_id: str, timeout: float = 30.0) -> MatrixRoom:
        """The room as nio knows it, waiting for the sync that brings it after a join; its
        encryption known (EncryptionUnknown otherwise)."""
        room = self.room(room_id)
        if room is None:
            async with self._synced:
                await asyncio.wait_for(
                    self._synced.wait_for(lambda: self.room(room_id) is not None), timeout
                )
            room = self._client.rooms[room_id]
        await self._ensure_encryption_known(room)
        return room

    async def wait_synced(self, timeout: float = 30.0) -> None:
        async with self._synced:
            target = self._sync_count + 1
            await asyncio.wait_for(
                self._synced.wait_for(lambda: self._sync_count >= target), timeout
            )

    def _mentions_bot(self, room: MatrixRoom, source: dict[str, Any]) -> bool:
        content = source.get("content", {})
        mentions = content.get("m.mentions")
        if isinstance(mentions, dict) and self.user_id in (mentions.get("user_ids") or []):
            return True
        body = str(content.get("body", ""))
        html = str(content.get("formatted_body", ""))
        if self.user_id in body or self.user_id in html:
            return True
        name = room.user_name(self.user_id) if room else None
        return bool(name) and str(name).lower() in body.lower()

    async def _on_message(self, room: MatrixRoom, event: Any) -> None:
        if event.sender == self.user_id or self._sink is None:
            return
        relates = event.source.get("content", {}).get("m.relates_to") or {}
        if relates.get("rel_type") == "m.replace":
            return  # the user edited an earlier message: it was already answered
        encrypted = bool(getattr(event, "decrypted", False))
        await self._sink.on_text(self._incoming(room, event, event.source, encrypted))

    async def _on_reaction(self, room: MatrixRoom, event: ReactionEvent) -> None:
        # Decrypted by nio first in an encrypted room (a megolm event holding the reaction).
        if event.sender == self.user_id or self._sink is None:
            return
        await self._sink.on_reaction(
            IncomingReaction(
                room.room_id,
                event.event_id,
                event.sender,
                event.reacts_to,
                event.key,
                int(event.server_timestamp),
                room.member_count,
            )
        )

    async def _on_megolm(self, room: MatrixRoom, event: MegolmEvent) -> None:
        if event.sender == self.user_id or self._sink is None:
            return
        source = dict(event.source)
        source["room_id"] = room.room_id
        await self._sink.on_undecryptable(
            IncomingUndecryptable(
                room.room_id, event.event_id, event.sender, event.session_id, source
            )
        )

    async def _on_invite(self, room: MatrixRoom, event: InviteMemberEvent) -> None:
        if event.state_key != self.user_id or event.membership != "invite" or self._sink is None:
            return
        is_direct = bool(event.content.get("is_direct"))
        await self._sink.on_invite(IncomingInvite(room.room_id, event.sender, is_direct))

    async def _on_room_key(self, event: Any) -> None:
        self._keys_changed = True
        if self._sink is not None:
            await self._sink.on_room_keys()

    # Keys ------------------------------------------------------------------------------

    async def request_room_key(self, source: dict[str, Any]) -> None:
        event = MegolmEvent.from_dict(source)
        event.room_id = source["room_id"]
        # LocalProtocolError: already requested for this session.
        with contextlib.suppress(LocalProtocolError):
            _check(await self._client.request_room_key(event), "room key request")

    async def try_decrypt(self, source: dict[str, Any]) -> IncomingText | None:
        """Decrypt a stored encrypted event now that its key may have arrived."""
        event = MegolmEvent.from_dict(source)
        room_id = source["room_id"]
        event.room_id = room_id
        try:
            decrypted = self._client.decrypt_event(event)
        except Exception:
            return None
        if not isinstance(decrypted, RoomMessageText | RoomMessageMedia | RoomEncryptedMedia):
            return None
        room = self.room(room_id)
        if room is None:
            return None
        return self._incoming(room, event, decrypted.source, True)

    def _incoming(
        self, room: MatrixRoom, event: Any, source: dict[str, Any], encrypted: bool
    ) -> IncomingText:
        """`source` is the (decrypted) event whose content is read; `event` gives the ids."""
        content = source.get("content", {})
        thread_root, reply_to = relations(content)
        if thread_root is not None:
            self._note_thread_event(thread_root, event.event_id)
        body, formatted_body = message_text(content)
        return IncomingText(
            room_id=room.room_id,
            event_id=event.event_id,
            sender=event.sender,
            msgtype=str(content.get("msgtype", "m.text")),
            body=body,
            formatted_body=formatted_body,
            origin_ts=int(event.server_timestamp),
            mentions_bot=self._mentions_bot(room, source),
            member_count=room.member_count,
            encrypted=encrypted,
            media=media_of(content),
            thread_root=thread_root,
            reply_to=reply_to,
        )

    # Rooms and sending -----------------------------------------------------------------

    async def join(self, room: str) -> str:
        response = await self._client.join(room)
        if isinstance(response, JoinError):
            _check(response, f"join {room}")
        return str(response.room_id)

    async def power_level(self, room_id: str, user_id: str) -> int:
        """The user's power level in a room the bot is in (0 when unknown). After a restart
        the room's power levels are fetched the first time they are asked for."""
        room = self.room(room_id)
        if room is None:
            return 0
        if room_id not in self._power_known:
            await self._fetch_power_levels(room)
        return int(room.power_levels.get_user_level(user_id))

    async def _fetch_power_levels(self, room: MatrixRoom) -> None:
        response = await self._client.room_get_state_event(room.room_id, "m.room.power_levels")
        if not isinstance(response, RoomGetStateEventResponse):
            # Not remembered: asked again next time (a staff command is refused meanwhile).
            log.warning("power levels of %s not fetched: %s", room.room_id, response)
            return
        event = PowerLevelsEvent.from_dict(
            {
                "type": "m.room.power_levels",
                "state_key": "",
                "event_id": "$fetched",
                "sender": self.user_id,
                "origin_server_ts": 0,
                "content": response.content,
            }
        )
        if isinstance(event, PowerLevelsEvent):
            room.power_levels.update(event.power_levels)
        self._power_known.add(room.room_id)

    def member_count(self, room_id: str) -> int:
        room = self.room(room_id)
        return int(room.member_count) if room else 0

    async def send(
        self, room_id: str, content: dict[str, Any], *, txn_id: str | None = None
    ) -> str:
        """`txn_id`: a retry with the same id is deduplicated by the homeserver (a survey's
        first message resent after a crash is not shown twice).

        The event is measured first, encrypted as nio will encrypt it: over the spec's cap it is
        not sent (EventTooLarge), nor when the homeserver refuses it as too large (413).
        """
        room = await self.wait_for_room(room_id)
        size = event_size(
            content,
            room_id=room_id,
            sender=self.user_id,
            encrypted=bool(room.encrypted),
            device_id=self.device_id,
        )
        if size > MAX_EVENT_BYTES:
            raise EventTooLarge("send", size)
        event_type, payload = await self._encrypted_for(room, "m.room.message", content)
        txn = txn_id or uuid.uuid4().hex
        path = f"/rooms/{_q(room_id)}/send/{_q(event_type)}/{_q(txn)}"
        status, answer = await self._lean("PUT", path, payload)
        event_id = answer.get("event_id")
        if status == 200 and isinstance(event_id, str):
            return event_id
        if answer.get("errcode") == "M_TOO_LARGE" or status == 413:
            raise EventTooLarge("send", size, status)
        _raise_for("send", status, answer)

    def text_event_size(self, room_id: str, body: str, html: str | None = None) -> int:
        """Bytes of the largest event that may carry this text in `room_id`: posted in a thread
        or, mostly, its edit (the text twice), ids at their longest; encrypted unless the room
        is known to be plain. Only reads nio's state: safe from a thread."""
        room = self._client.rooms.get(room_id)
        stored = self._stored.get(room_id)
        if room is not None and room_id in self._encryption_known:
            encrypted = bool(room.encrypted)
        else:
            encrypted = stored is None or stored.encrypted
        content = text_content(body, html)
        posted = {**content, "m.relates_to": thread_relation(MAX_EVENT_ID, MAX_EVENT_ID)}
        edited = edit_content(MAX_EVENT_ID, content)
        return max(
            event_size(
                event,
                room_id=room_id,
                sender=self.user_id,
                encrypted=encrypted,
                device_id=self.device_id,
            )
            for event in (posted, edited)
        )

    async def send_text(
        self,
        room_id: str,
        body: str,
        html: str | None = None,
        *,
        notice: bool = False,
        thread_root: str | None = None,
        txn_id: str | None = None,
    ) -> str:
        content = text_content(body, html, notice=notice)
        return await self._send_in(room_id, content, thread_root, txn_id)

    def _note_thread_event(self, thread_root: str, event_id: str) -> None:
        self._thread_latest.pop(thread_root, None)
        self._thread_latest[thread_root] = event_id
        if len(self._thread_latest) > 1000:
            self._thread_latest.pop(next(iter(self._thread_latest)))

    async def _send_in(
        self,
        room_id: str,
        content: dict[str, Any],
        thread_root: str | None,
        txn_id: str | None = None,
    ) -> str:
        if thread_root is None:
            return await self.send(room_id, content, txn_id=txn_id)
        latest = self._thread_latest.get(thread_root)
        content["m.relates_to"] = thread_relation(thread_root, latest)
        event_id = await self.send(room_id, content, txn_id=txn_id)
        self._note_thread_event(thread_root, event_id)
        return event_id

    async def send_file(
        self,
        room_id: str,
        data: bytes,
        filename: str,
        mimetype: str,
        *,
        msgtype: str = "m.file",
        thread_root: str | None = None,
        info: Mapping[str, Any] | None = None,
        caption: str | None = None,
    ) -> str:
        """Upload a file (encrypted in an encrypted room, as Tchap clients do) and post it;
        `info` adds to the event's (an image's w and h), `caption` is its body (spec v1.10)."""
        room = await self.wait_for_room(room_id)
        encrypt = bool(room.encrypted)
        response, keys = await self._client.upload(
            io.BytesIO(data),
            content_type="application/octet-stream" if encrypt else mimetype,
            filename=filename,
            encrypt=encrypt,
            filesize=len(data),
        )
        if not isinstance(response, UploadResponse):
            _check(response, "upload")
            raise MatrixError("upload")
        content: dict[str, Any] = {
            "msgtype": msgtype,
            "body": caption or filename,
            "filename": filename,
            "info": {**(info or {}), "mimetype": mimetype, "size": len(data)},
            "m.mentions": {},
        }
        if encrypt and keys is not None:
            content["file"] = {**keys, "url": response.content_uri}
        else:
            content["url"] = response.content_uri
        return await self._send_in(room_id, content, thread_root)

    async def download(self, media: dict[str, Any], max_bytes: int, timeout: float) -> bytes:
        """The attachment's bytes, decrypted and hash-checked if encrypted, at most `max_bytes`.

        Authenticated media (Matrix v1.11) first; a server that does not know that endpoint
        gets the legacy one. The body is read in pieces and dropped once over the limit.
        """
        parsed = parse_mxc(media.get("url"))
        if parsed is None:
            raise MediaError("download", "invalid mxc url")
        server, media_id = parsed
        base = self.config.homeserver.rstrip("/")
        quoted = f"{quote(server, safe='')}/{quote(media_id, safe='')}"
        headers = {"Authorization": f"Bearer {self._client.access_token}"}
        paths = (
            f"{base}/_matrix/client/v1/media/download/{quoted}",
            f"{base}/_matrix/media/v3/download/{quoted}",
        )
        data = b""
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout)) as session:
            for index, path in enumerate(paths):
                try:
                    async with session.get(path, headers=headers) as response:
                        if response.status in (400, 404, 405) and index == 0:
                            log.info(
                                "authenticated media refused (%d), legacy endpoint",
                                response.status,
                            )
                            continue
                        if response.status != 200:
                            raise MediaError("download", f"HTTP {response.status}")
                        declared = response.content_length
                        if declared is not None and declared > max_bytes:
                            raise MediaError("too_big", f"{declared} bytes")
                        pieces: list[bytes] = []
                        received = 0
                        async for piece in response.content.iter_chunked(64 * 1024):
                            received += len(piece)
                            if received > max_bytes:
                                raise MediaError("too_big", f"over {max_bytes} bytes")
                            pieces.append(piece)
                        data = b"".join(pieces)
                        break
                except (aiohttp.ClientError, TimeoutError) as exc:
                    raise MediaError("download", type(exc).__name__) from exc
            else:
                raise MediaError("download", "no endpoint")
        file = media.get("file")
        if file:
            try:
                data = decrypt_attachment(
                    data, file["key"]["k"], file["hashes"]["sha256"], file["iv"]
                )
            except Exception as exc:  # EncryptionError (hash), KeyError, bad base64
                raise MediaError("decrypt", type(exc).__name__) from exc
        return data

    async def edit(self, room_id: str, event_id: str, body: str, html: str | None = None) -> str:
        return await self.send(room_id, edit_content(event_id, text_content(body, html)))

    async def send_receipt(
        self, room_id: str, event_id: str, thread_root: str | None = None
    ) -> None:
        """An `m.read` receipt: the agent sees the bot has read the message. A courtesy like
        typing: a failure is logged (ids and error only) and never raised."""
        thread_id = thread_root if thread_root and thread_root != event_id else "main"
        try:
            path = f"/rooms/{_q(room_id)}/receipt/m.read/{_q(event_id)}"
            status, answer = await self._lean("POST", path, {"thread_id": thread_id})
            if status != 200:
                _raise_for("read receipt", status, answer)
        except Exception as exc:
            log.warning("read receipt for %s in %s not sent: %s", event_id, room_id, exc)

    async def set_typing(self, room_id: str, typing: bool, timeout_ms: int = 30_000) -> None:
        # Typing is a courtesy: a failure must never stop an answer.
        body: dict[str, Any] = {"typing": typing}
        if typing:
            body["timeout"] = timeout_ms
        try:
            path = f"/rooms/{_q(room_id)}/typing/{_q(self.user_id)}"
            status, _ = await self._lean("PUT", path, body)
            if status != 200:
                log.debug("typing notice refused: HTTP %d", status)
        except Exception as exc:
            log.debug("typing notice failed: %s", exc)
