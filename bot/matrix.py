"""The one module that talks to matrix-nio: session, sync loop, sending, edits, typing, keys.

nio returns error objects; this module turns them into exceptions and turns nio events into
plain dataclasses, so nothing else in the bot imports nio.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import quote

import aiohttp
from nio import (
    AsyncClient,
    AsyncClientConfig,
    ErrorResponse,
    ForwardedRoomKeyEvent,
    InviteMemberEvent,
    JoinError,
    LocalProtocolError,
    LoginResponse,
    MatrixRoom,
    MegolmEvent,
    MessageDirection,
    ReactionEvent,
    RoomEncryptedMedia,
    RoomKeyEvent,
    RoomMessageMedia,
    RoomMessagesResponse,
    RoomMessageText,
    RoomSendResponse,
    SyncResponse,
    UploadResponse,
    WhoamiResponse,
)
from nio.crypto.attachments import decrypt_attachment

from bot.config import MatrixConfig
from bot.events import MEDIA_MSGTYPES, AccountUnusable, MatrixError, MediaError, parse_mxc
from bot.metrics import Metrics

log = logging.getLogger(__name__)

FATAL_ERRCODES = {"ORG_MATRIX_EXPIRED_ACCOUNT", "M_UNKNOWN_TOKEN", "M_USER_DEACTIVATED"}
HTML_FORMAT = "org.matrix.custom.html"


def _check(response: Any, what: str) -> Any:
    if isinstance(response, ErrorResponse):
        status = getattr(getattr(response, "transport_response", None), "status", None)
        errcode = response.status_code
        if errcode in FATAL_ERRCODES:
            raise AccountUnusable(what, errcode, status)
        raise MatrixError(what, errcode, status)
    return response


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


async def check_session(config: MatrixConfig) -> bool:
    """Ask the homeserver whether the stored session (or configured token) still works.

    Never logs in, so never creates a device. False when there is no token to check (a
    password account that never started); raises AccountUnusable if the account is expired
    (ORG_MATRIX_EXPIRED_ACCOUNT), deactivated or its token revoked, MatrixError otherwise.
    """
    token = config.access_token.get_secret_value() if config.access_token else ""
    if not token:
        try:
            stored = json.loads((config.store_dir / "session.json").read_text(encoding="utf-8"))
        except (FileNotFoundError, json.JSONDecodeError):
            return False
        if stored.get("user_id") != config.user_id:
            return False
        token = str(stored.get("access_token") or "")
    if not token:
        return False
    client = AsyncClient(
        config.homeserver,
        config.user_id,
        config=AsyncClientConfig(
            encryption_enabled=False, request_timeout=config.request_timeout, max_timeouts=1
        ),
    )
    client.access_token = token
    try:
        response = await client.whoami()
        _check(response, "whoami")
        if not isinstance(response, WhoamiResponse):
            raise MatrixError("whoami")
    finally:
        await client.close()
    return True


class MatrixClient:
    """A logged-in bot account with end-to-end encryption."""

    def __init__(self, config: MatrixConfig, metrics: Metrics | None = None) -> None:
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
                store_sync_tokens=False,  # the bot stores its position itself, after its inbox
                request_timeout=config.request_timeout,
                max_timeout_retry_wait_time=30,
            ),
        )
        self._count_requests()
        self._sink: EventSink | None = None
        self._synced = asyncio.Condition()
        self._sync_count = 0
        self.last_sync_at: float | None = None
        self.display_name: str | None = None
        # The latest event seen or sent in each thread, for the reply fallback (bounded).
        self._thread_latest: dict[str, str] = {}

    def _count_requests(self) -> None:
        """Metrics: every HTTP request nio makes goes through AsyncClient.send (429s included)."""
        send = self._client.send
        metrics = self.metrics

        async def counted(method: str, path: str, *args: Any, **kwargs: Any) -> Any:
            response = await send(method, path, *args, **kwargs)
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
            _check(await self._client.whoami(), "whoami")
            log.info("logged in with access token as %s (device %s)", self.user_id, device_id)
            return
        if stored is not None:
            self._restore(stored["device_id"], stored["access_token"])
            try:
                _check(await self._client.whoami(), "whoami")
                log.info("session restored for %s (device %s)", self.user_id, self.device_id)
                return
            except AccountUnusable as exc:
                if exc.errcode != "M_UNKNOWN_TOKEN":
                    raise
                log.warning("stored token rejected; logging in again on the same device")
        password = self.config.password.get_secret_value() if self.config.password else ""
        if stored is not None:
            self._client.device_id = stored["device_id"]  # nio's login sends it back
        response = await self._client.login(password=password, device_name=self.config.device_name)
        if not isinstance(response, LoginResponse):
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
            _check(await self._client.keys_upload(), "keys upload")

    async def _whoami_with(self, token: str) -> Any:
        self._client.access_token = token
        return await self._client.whoami()

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

    async def close(self) -> None:
        await self._client.close()

    # Sync ------------------------------------------------------------------------------

    def _register_callbacks(self, sink: EventSink) -> None:
        self._sink = sink
        client = self._client
        client.add_event_callback(self._on_message, (RoomMessageText, RoomMessageMedia))
        client.add_event_callback(self._on_message, RoomEncryptedMedia)
        client.add_event_callback(self._on_megolm, MegolmEvent)
        client.add_event_callback(self._on_reaction, ReactionEvent)
        client.add_event_callback(self._on_invite, InviteMemberEvent)
        client.add_to_device_callback(self._on_room_key, (RoomKeyEvent, ForwardedRoomKeyEvent))

    def _sync_filter(self) -> dict[str, Any]:
        return {
            "room": {
                "timeline": {"limit": self.config.timeline_limit},
                "state": {"lazy_load_members": False},
            },
            "presence": {"not_types": ["*"]},
        }

    async def run_sync(self, sink: EventSink, since: str | None, stop: asyncio.Event) -> None:
        """Sync until `stop` is set. Events reach `sink` before the position is saved.

        The first sync after a restart asks for the full state so nio knows every room again
        (it keeps no room state across restarts) while the timeline resumes from `since`.
        """
        self._register_callbacks(sink)
        first = True
        backoff = 1.0
        while not stop.is_set():
            try:
                response = await self._client.sync(
                    timeout=0 if first else self.config.sync_timeout_ms,
                    sync_filter=self._sync_filter(),
                    since=since,
                    full_state=True if first else None,
                )
                if not isinstance(response, SyncResponse):
                    _check(response, "sync")
                    raise MatrixError("sync")
                if since is not None:
                    await self._fill_gaps(response, since)
                since = response.next_batch
                await sink.on_synced(response.next_batch)
                await self._after_sync()
                first = False
                backoff = 1.0
                async with self._synced:
                    self._sync_count += 1
                    self.last_sync_at = asyncio.get_running_loop().time()
                    self._synced.notify_all()
            except AccountUnusable:
                raise
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("sync failed (%s), retrying in %.0f s", exc, backoff)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), backoff)
                backoff = min(backoff * 2, 60.0)

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
                page = await self._client.room_messages(
                    room_id, start=token, end=since, direction=MessageDirection.back, limit=100
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
        await client.send_to_device_messages()
        if client.should_upload_keys:
            _check(await client.keys_upload(), "keys upload")
        if client.should_query_keys:
            _check(await client.keys_query(), "keys query")
        if client.should_claim_keys:
            _check(await client.keys_claim(client.get_users_for_key_claiming()), "keys claim")

    async def wait_for_room(self, room_id: str, timeout: float = 30.0) -> MatrixRoom:
        """The room as nio knows it, waiting for the sync that brings it after a join."""
        async with self._synced:
            await asyncio.wait_for(
                self._synced.wait_for(lambda: room_id in self._client.rooms), timeout
            )
        return self._client.rooms[room_id]

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
        room = self._client.rooms.get(room_id)
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
        return IncomingText(
            room_id=room.room_id,
            event_id=event.event_id,
            sender=event.sender,
            msgtype=str(content.get("msgtype", "m.text")),
            body=str(content.get("body", "")),
            formatted_body=content.get("formatted_body"),
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
        """The user's power level in a room the bot is in (0 when unknown)."""
        room = self._client.rooms.get(room_id)
        if room is None:
            return 0
        return int(room.power_levels.get_user_level(user_id))

    def member_count(self, room_id: str) -> int:
        room = self._client.rooms.get(room_id)
        return int(room.member_count) if room else 0

    async def send(
        self, room_id: str, content: dict[str, Any], *, txn_id: str | None = None
    ) -> str:
        """`txn_id`: a retry with the same id is deduplicated by the homeserver (a survey's
        first message resent after a crash is not shown twice)."""
        await self.wait_for_room(room_id)
        response = await self._client.room_send(
            room_id, "m.room.message", content, tx_id=txn_id, ignore_unverified_devices=True
        )
        if not isinstance(response, RoomSendResponse):
            _check(response, "send")
            raise MatrixError("send")
        return str(response.event_id)

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
    ) -> str:
        """Upload a file (encrypted in an encrypted room, as Tchap clients do) and post it."""
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
            "body": filename,
            "filename": filename,
            "info": {"mimetype": mimetype, "size": len(data)},
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

    async def set_typing(self, room_id: str, typing: bool, timeout_ms: int = 30_000) -> None:
        # Typing is a courtesy: a failure must never stop an answer.
        try:
            await self._client.room_typing(room_id, typing_state=typing, timeout=timeout_ms)
        except Exception as exc:
            log.debug("typing notice failed: %s", exc)
