"""A simulated Tchap agent: a real matrix-nio client with end-to-end encryption."""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import nio
from nio.crypto.sessions import OutboundGroupSession

log = logging.getLogger(__name__)

T = TypeVar("T")

MEGOLM_ALGORITHM = "m.megolm.v1.aes-sha2"
SYNC_TIMEOUT_MS = 2000
# Synapse's default is 10 timeline events per room and sync: a bot streaming an answer through
# many edits could overflow it and the sync would come back "limited", silently dropping events.
SYNC_FILTER: dict[str, Any] = {"room": {"timeline": {"limit": 200}}}
ERROR_BACKOFF = 0.5
_CREDENTIALS_FILE = "credentials.json"
# The msgtypes of a message that carries a file, and the ones Tchap (Element) chooses from the
# file's MIME type; anything else is an m.file.
FILE_MSGTYPES = frozenset({"m.file", "m.image", "m.audio", "m.video"})
_MSGTYPE_BY_MAJOR_TYPE = {"image": "m.image", "audio": "m.audio", "video": "m.video"}


@dataclass
class SeenMessage:
    """An m.room.message from another user, with the m.replace edits received so far applied."""

    event_id: str
    room_id: str
    sender: str
    body: str
    formatted_body: str | None
    msgtype: str
    content: dict[str, Any]
    edits: int
    first_seen: float
    last_update: float
    relates_to: dict[str, Any] | None
    encrypted: bool


@dataclass(frozen=True)
class SeenReaction:
    """An m.reaction (annotation) from another user."""

    event_id: str
    room_id: str
    sender: str
    target_event_id: str
    key: str


@dataclass
class _PendingEdit:
    sender: str
    new_content: dict[str, Any]
    when: float


@dataclass
class _RoomLog:
    messages: list[SeenMessage] = field(default_factory=list)
    by_id: dict[str, SeenMessage] = field(default_factory=dict)
    reactions: list[SeenReaction] = field(default_factory=list)
    pending_edits: dict[str, list[_PendingEdit]] = field(default_factory=dict)


class AgentClient:
    """One simulated human user. Create with `await AgentClient.login(...)`, then `start()`."""

    def __init__(self, client: Any, *, auto_join: bool = True) -> None:
        self.client: Any = client
        self.user_id: str = str(client.user_id)
        self.auto_join = auto_join
        self.typing_seen: dict[str, set[str]] = {}
        self.on_update: Callable[[SeenMessage, bool], None] | None = None
        # Undecryptable events from others: how many ever arrived, and those still waiting
        # for their room key (retried whenever a room key arrives).
        self.undecryptable_count = 0
        self.pending_undecryptable: dict[str, Any] = {}
        self._rooms: dict[str, _RoomLog] = {}
        self._seen_ids: set[str] = set()
        self._changed = asyncio.Event()
        self._keys_lock = asyncio.Lock()
        self._sync_task: asyncio.Task[None] | None = None
        self._joining: set[str] = set()
        # Pickles of never-shared megolm sessions, taken before their first message so that
        # sharing them later still lets receivers decrypt from message index 0.
        self._withheld: dict[str, list[bytes]] = {}

        client.add_event_callback(self._on_room_event, nio.Event)
        client.add_event_callback(self._on_invite, nio.InviteMemberEvent)
        client.add_ephemeral_callback(self._on_ephemeral, nio.TypingNoticeEvent)
        client.add_to_device_callback(
            self._on_room_key, (nio.RoomKeyEvent, nio.ForwardedRoomKeyEvent)
        )

    # -- lifecycle ------------------------------------------------------------------------

    @classmethod
    async def login(
        cls,
        homeserver: str,
        user_id: str,
        password: str,
        store_dir: Path,
        *,
        device_name: str = "agent",
    ) -> AgentClient:
        """Log in (or resume the device saved in store_dir) and load the E2E store."""
        _ensure_dir(store_dir)
        client = await _restore_login(homeserver, user_id, store_dir)
        if client is not None:
            log.info("%s resumed device %s", user_id, client.device_id)
        else:
            client = _new_client(homeserver, user_id, store_dir)
            resp = await client.login(password, device_name=device_name)
            if not isinstance(resp, nio.LoginResponse):
                await client.close()
                raise RuntimeError(f"login failed for {user_id}: {resp}")
            creds = {
                "homeserver": homeserver,
                "user_id": resp.user_id,
                "device_id": resp.device_id,
                "access_token": resp.access_token,
            }
            _save_credentials(store_dir, creds)
        if client.store is None:
            client.load_store()
        return cls(client)

    async def start(self) -> None:
        """Do a first sync (and key upload), then keep syncing in the background."""
        if self._sync_task is not None:
            return
        # nio keeps no room state across restarts, only the sync token: a resumed device
        # needs the full state once, or it would not know its rooms until they get traffic.
        await self._sync_once(timeout_ms=0, full_state=True)
        self._sync_task = asyncio.create_task(self._sync_loop(), name=f"sync {self.user_id}")

    async def close(self) -> None:
        if self._sync_task is not None:
            self._sync_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._sync_task
            self._sync_task = None
        await self.client.close()

    async def _sync_loop(self) -> None:
        while True:
            try:
                await self._sync_once(timeout_ms=SYNC_TIMEOUT_MS)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("%s: sync failed, retrying", self.user_id)
                await asyncio.sleep(ERROR_BACKOFF)

    async def _sync_once(self, *, timeout_ms: int, full_state: bool = False) -> None:
        resp = await self.client.sync(
            timeout=timeout_ms, sync_filter=SYNC_FILTER, full_state=full_state or None
        )
        if not isinstance(resp, nio.SyncResponse):
            raise RuntimeError(f"sync failed: {resp}")
        # The chores nio's sync_forever does between syncs.
        await self.client.send_to_device_messages()
        await self._key_maintenance()
        self._notify()

    async def _key_maintenance(self) -> None:
        async with self._keys_lock:
            if self.client.should_upload_keys:
                await self.client.keys_upload()
            if self.client.should_query_keys:
                await self.client.keys_query()
            if self.client.should_claim_keys:
                await self.client.keys_claim(self.client.get_users_for_key_claiming())

    # -- waiting --------------------------------------------------------------------------

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    async def _wait_for(
        self, check: Callable[[], T | None], timeout: float, what: Callable[[], str]
    ) -> T:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            result = check()
            if result is not None:
                return result
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(
                    f"{self.user_id}: timed out after {timeout} s waiting for {what()}"
                )
            changed = self._changed
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(changed.wait(), remaining)

    async def wait_until(self, predicate: Callable[[], bool], *, timeout: float = 30) -> None:
        """Wait until predicate() is true; re-checked after every sync and every event."""
        await self._wait_for(lambda: True if predicate() else None, timeout, lambda: "a condition")

    async def wait_member(self, room_id: str, user_id: str, *, timeout: float = 20) -> None:
        """Wait until user_id's join to room_id has come through our sync."""

        def joined() -> bool | None:
            room = self.client.rooms.get(room_id)
            if room is None or user_id not in room.users:
                return None
            return None if room.users[user_id].invited else True

        await self._wait_for(joined, timeout, lambda: f"{user_id} to join {room_id}")

    def messages(self, room_id: str) -> list[SeenMessage]:
        """Messages from other users in arrival order (edits applied, not listed)."""
        room = self._rooms.get(room_id)
        return list(room.messages) if room else []

    def files(self, room_id: str) -> list[SeenMessage]:
        """Messages from other users that carry a file (for download_file), oldest first."""
        return [m for m in self.messages(room_id) if carries_file(m)]

    def reactions(self, room_id: str) -> list[SeenReaction]:
        room = self._rooms.get(room_id)
        return list(room.reactions) if room else []

    async def wait_for_message(
        self,
        room_id: str,
        *,
        sender: str | None = None,
        predicate: Callable[[SeenMessage], bool] | None = None,
        timeout: float = 30,
        after: int = 0,
    ) -> SeenMessage:
        """The first message at index >= after matching sender/predicate, once it arrives."""

        def find() -> SeenMessage | None:
            for msg in self.messages(room_id)[after:]:
                if sender is not None and msg.sender != sender:
                    continue
                if predicate is not None and not predicate(msg):
                    continue
                return msg
            return None

        return await self._wait_for(
            find, timeout, lambda: f"a message in {room_id} ({self._describe(room_id)})"
        )

    async def wait_for_text(
        self, room_id: str, contains: str, *, timeout: float = 30, after: int = 0
    ) -> SeenMessage:
        """The first message at index >= after whose current body (edits applied) contains
        the string."""
        return await self.wait_for_message(
            room_id, predicate=lambda m: contains in m.body, timeout=timeout, after=after
        )

    def _describe(self, room_id: str) -> str:
        bodies = [f"{m.sender}: {m.body[:80]!r}" for m in self.messages(room_id)[-5:]]
        return "last seen: " + ("; ".join(bodies) if bodies else "nothing")

    # -- rooms ----------------------------------------------------------------------------

    async def _wait_room(self, room_id: str, *, encrypted: bool = False) -> Any:
        """nio only knows a room (and that it is encrypted) once a sync brought it in."""

        def known() -> Any:
            room = self.client.rooms.get(room_id)
            if room is None or (encrypted and not room.encrypted):
                return None
            return room

        return await self._wait_for(known, 20, lambda: f"room {room_id} in our sync")

    async def _create_room(
        self,
        invitees: list[str],
        *,
        encrypted: bool,
        name: str | None,
        is_direct: bool,
        preset: Any,
    ) -> str:
        initial_state: list[dict[str, Any]] = []
        if encrypted:
            initial_state.append(
                {
                    "type": "m.room.encryption",
                    "state_key": "",
                    "content": {"algorithm": MEGOLM_ALGORITHM},
                }
            )
        resp = await self.client.room_create(
            name=name,
            is_direct=is_direct,
            preset=preset,
            invite=invitees,
            initial_state=initial_state,
        )
        if not isinstance(resp, nio.RoomCreateResponse):
            raise RuntimeError(f"{self.user_id}: room creation failed: {resp}")
        room_id = str(resp.room_id)
        await self._wait_room(room_id, encrypted=encrypted)
        return room_id

    async def create_dm(
        self, invitee: str, *, encrypted: bool = True, name: str | None = None
    ) -> str:
        return await self._create_room(
            [invitee],
            encrypted=encrypted,
            name=name,
            is_direct=True,
            preset=nio.RoomPreset.trusted_private_chat,
        )

    async def create_group(self, invitees: list[str], *, encrypted: bool = True, name: str) -> str:
        return await self._create_room(
            invitees,
            encrypted=encrypted,
            name=name,
            is_direct=False,
            preset=nio.RoomPreset.private_chat,
        )

    async def join(self, room_id_or_alias: str) -> str:
        resp = await self.client.join(room_id_or_alias)
        if not isinstance(resp, nio.JoinResponse):
            raise RuntimeError(f"{self.user_id}: cannot join {room_id_or_alias}: {resp}")
        room_id = str(resp.room_id)
        await self._wait_room(room_id)
        return room_id

    # -- sending --------------------------------------------------------------------------

    async def _prepare_send(self, room_id: str) -> Any:
        """Make sure the megolm key will reach every device currently in the room.

        nio alone gets this wrong right after someone joins: its member list comes from sync
        only, a member added by /joined_members does not rotate the outbound session, and
        share_group_session marks the session shared even when it skipped a device it had no
        Olm session with (no one-time key claimed)."""
        room = await self._wait_room(room_id)
        if not room.encrypted:
            return room
        before = set(room.users)
        resp = await self.client.joined_members(room_id)
        if not isinstance(resp, nio.JoinedMembersResponse):
            raise RuntimeError(f"{self.user_id}: joined_members({room_id}) failed: {resp}")
        if set(room.users) - before:
            self.client.invalidate_outbound_session(room_id)
        async with self._keys_lock:
            if self.client.should_query_keys:
                await self.client.keys_query()
        session = self.client.olm.outbound_group_sessions.get(room_id)
        if session is not None and session.shared and not self._covers_room(session, room):
            self.client.invalidate_outbound_session(room_id)
        return room

    def _covers_room(self, session: Any, room: Any) -> bool:
        covered = session.users_shared_with | session.users_ignored
        for user_id in room.users:
            for device in self.client.device_store.active_user_devices(user_id):
                if device.id == self.client.device_id:
                    continue
                if (user_id, device.id) not in covered:
                    return False
        return True

    async def _send(self, room_id: str, event_type: str, content: dict[str, Any]) -> str:
        await self._prepare_send(room_id)
        resp = await self.client.room_send(
            room_id, event_type, content, ignore_unverified_devices=True
        )
        if not isinstance(resp, nio.RoomSendResponse):
            raise RuntimeError(f"{self.user_id}: sending to {room_id} failed: {resp}")
        return str(resp.event_id)

    async def send_text(
        self,
        room_id: str,
        text: str,
        *,
        mentions: list[str] | None = None,
        html: str | None = None,
        relates_to: dict[str, Any] | None = None,
    ) -> str:
        content: dict[str, Any] = {"msgtype": "m.text", "body": text}
        if html is not None:
            content["format"] = "org.matrix.custom.html"
            content["formatted_body"] = html
        if mentions is not None:
            content["m.mentions"] = {"user_ids": list(mentions)}
        if relates_to is not None:
            content["m.relates_to"] = relates_to
        return await self._send(room_id, "m.room.message", content)

    async def send_in_thread(self, room_id: str, thread_root: str, text: str) -> str:
        """A message inside the thread that starts at `thread_root`, as Element sends it."""
        return await self.send_text(
            room_id,
            text,
            relates_to={
                "rel_type": "m.thread",
                "event_id": thread_root,
                "is_falling_back": True,
                "m.in_reply_to": {"event_id": thread_root},
            },
        )

    async def send_reply(self, room_id: str, event_id: str, text: str) -> str:
        """A reply (m.in_reply_to) to an event of the room."""
        return await self.send_text(
            room_id, text, relates_to={"m.in_reply_to": {"event_id": event_id}}
        )

    async def download_file(self, message: SeenMessage) -> bytes:
        """The content of a received m.file, decrypted when it came encrypted."""
        encrypted = message.content.get("file")
        url = encrypted["url"] if isinstance(encrypted, dict) else message.content.get("url")
        if not isinstance(url, str):
            raise RuntimeError(f"{message.event_id} carries no file")
        resp = await self.client.download(mxc=url)
        if not isinstance(resp, nio.DownloadResponse):
            raise RuntimeError(f"{self.user_id}: download of {url} failed: {resp}")
        data = bytes(resp.body)
        if isinstance(encrypted, dict):
            from nio.crypto.attachments import decrypt_attachment

            data = decrypt_attachment(
                data, encrypted["key"]["k"], encrypted["hashes"]["sha256"], encrypted["iv"]
            )
        return data

    async def edit(
        self, room_id: str, event_id: str, new_text: str, *, html: str | None = None
    ) -> str:
        """Send an m.replace edit of one of our own messages."""
        new_content: dict[str, Any] = {"msgtype": "m.text", "body": new_text}
        if html is not None:
            new_content["format"] = "org.matrix.custom.html"
            new_content["formatted_body"] = html
        content: dict[str, Any] = {
            "msgtype": "m.text",
            "body": f"* {new_text}",
            "m.new_content": new_content,
            "m.relates_to": {"rel_type": "m.replace", "event_id": event_id},
        }
        return await self._send(room_id, "m.room.message", content)

    async def send_file(
        self,
        room_id: str,
        data: bytes,
        filename: str,
        mimetype: str,
        *,
        msgtype: str = "m.file",
        caption: str | None = None,
        declared_size: int | None = None,
        corrupt_hash: bool = False,
        voice_ms: int | None = None,
    ) -> str:
        """Upload a file and post it, encrypted in an encrypted room (a `file` with key, iv
        and hashes, as Tchap does), as a plain `url` otherwise. `caption` goes in `body` with
        `filename` set (Matrix v1.10 captions); `declared_size` lies about the size.
        `voice_ms`: a voice message of that duration, as the Tchap web recorder posts it
        (matrix-react-sdk's createVoiceMessageContent: m.audio, body "Voice message" and no
        `filename`, MSC1767 file/audio blocks, the MSC3245 voice marker)."""
        room = await self._wait_room(room_id)
        encrypt = bool(room.encrypted)
        resp, keys = await self.client.upload(
            io.BytesIO(data),
            content_type="application/octet-stream" if encrypt else mimetype,
            filename=filename,
            encrypt=encrypt,
            filesize=len(data),
        )
        if not isinstance(resp, nio.UploadResponse):
            raise RuntimeError(f"{self.user_id}: upload failed: {resp}")
        content: dict[str, Any] = {
            "msgtype": msgtype,
            "body": caption or filename,
            "filename": filename,
            "info": {
                "mimetype": mimetype,
                "size": len(data) if declared_size is None else declared_size,
            },
        }
        if encrypt and keys is not None:
            if corrupt_hash:
                keys = {**keys, "hashes": {"sha256": "A" * 43}}
            content["file"] = {**keys, "url": resp.content_uri}
        else:
            content["url"] = resp.content_uri
        if voice_ms is not None:
            source = {k: content[k] for k in ("url", "file") if k in content}
            content.pop("filename")
            content["msgtype"] = "m.audio"
            content["body"] = "Voice message"
            content["info"]["duration"] = voice_ms
            content["org.matrix.msc1767.text"] = "Voice message"
            content["org.matrix.msc1767.file"] = {
                **source,
                "name": "Voice message.ogg",
                "mimetype": mimetype,
                "size": len(data),
            }
            content["org.matrix.msc1767.audio"] = {"duration": voice_ms, "waveform": [0] * 100}
            content["org.matrix.msc3245.voice"] = {}
        return await self._send(room_id, "m.room.message", content)

    async def react(self, room_id: str, event_id: str, key: str) -> str:
        content = {"m.relates_to": {"rel_type": "m.annotation", "event_id": event_id, "key": key}}
        return await self._send(room_id, "m.reaction", content)

    async def send_undecryptable(self, room_id: str, text: str) -> str:
        """Send a text encrypted with a fresh megolm session whose key nobody has yet.

        The session is kept aside (not the room's outbound session, so later normal sends
        are unaffected) until release_withheld_keys() shares it."""
        room = await self._prepare_send(room_id)
        if not room.encrypted:
            raise ValueError(f"{room_id} is not encrypted")
        session = OutboundGroupSession()
        # A megolm session key exported later starts at the then-current ratchet index, so
        # keep the index-0 state to share it.
        self._withheld.setdefault(room_id, []).append(session.pickle())
        # OutboundGroupSession.encrypt refuses unshared sessions; this one is private.
        session.shared = True
        plaintext = {
            "type": "m.room.message",
            "content": {"msgtype": "m.text", "body": text},
            "room_id": room_id,
        }
        olm = self.client.olm
        encrypted = {
            "algorithm": MEGOLM_ALGORITHM,
            "sender_key": olm.account.identity_keys["curve25519"],
            "ciphertext": session.encrypt(nio.Api.to_json(plaintext)),
            "session_id": session.id,
            "device_id": self.client.device_id,
        }
        # Raw send: room_send would share (and so leak) a key first.
        method, path, data = nio.Api.room_send(
            self.client.access_token, room_id, "m.room.encrypted", encrypted, _txn_id()
        )
        resp = await self.client._send(nio.RoomSendResponse, method, path, data, (room_id,))
        if not isinstance(resp, nio.RoomSendResponse):
            raise RuntimeError(f"{self.user_id}: sending to {room_id} failed: {resp}")
        return str(resp.event_id)

    async def release_withheld_keys(self, room_id: str) -> None:
        """Share the sessions used by send_undecryptable() with the room's devices."""
        pickles = self._withheld.pop(room_id, [])
        if not pickles:
            return
        await self._prepare_send(room_id)
        olm = self.client.olm
        for pickled in pickles:
            previous = olm.outbound_group_sessions.get(room_id)
            # nio's share_group_session shares the room's current outbound session when it
            # is not marked shared: swap ours in for the duration.
            olm.outbound_group_sessions[room_id] = OutboundGroupSession.from_pickle(pickled)
            try:
                resp = await self.client.share_group_session(
                    room_id, ignore_unverified_devices=True
                )
            finally:
                # Never encrypt with it again: it is back at index 0, reusing indexes would
                # look like a replay to receivers.
                if previous is None:
                    olm.outbound_group_sessions.pop(room_id, None)
                else:
                    olm.outbound_group_sessions[room_id] = previous
            if not isinstance(resp, nio.ShareGroupSessionResponse):
                raise RuntimeError(f"{self.user_id}: sharing withheld key failed: {resp}")
            log.info("%s released a withheld key to %s", self.user_id, resp.users_shared_with)

    # -- receiving ------------------------------------------------------------------------

    def _room_log(self, room_id: str) -> _RoomLog:
        return self._rooms.setdefault(room_id, _RoomLog())

    async def _on_invite(self, room: Any, event: Any) -> None:
        if not self.auto_join or event.state_key != self.user_id:
            return
        if event.membership != "invite" or room.room_id in self._joining:
            return
        self._joining.add(room.room_id)
        # An exception here would abort nio's processing of the rest of this sync.
        try:
            resp = await self.client.join(room.room_id)
        except Exception as exc:
            resp = exc
        if not isinstance(resp, nio.JoinResponse):
            log.warning("%s: auto-join of %s failed: %s", self.user_id, room.room_id, resp)
            self._joining.discard(room.room_id)

    async def _on_ephemeral(self, room: Any, event: Any) -> None:
        if event.users:
            self.typing_seen.setdefault(room.room_id, set()).update(event.users)
            self._notify()

    async def _on_room_key(self, event: Any) -> None:
        """A room key arrived: retry the events that were waiting for it."""
        for event_id, megolm in list(self.pending_undecryptable.items()):
            if megolm.session_id != event.session_id:
                continue
            try:
                decrypted = self.client.decrypt_event(megolm)
            except nio.EncryptionError:
                continue
            del self.pending_undecryptable[event_id]
            self._handle_event(megolm.room_id, decrypted, encrypted=True)
        self._notify()

    async def _on_room_event(self, room: Any, event: Any) -> None:
        if isinstance(event, nio.MegolmEvent):
            if event.sender != self.user_id and event.event_id not in self.pending_undecryptable:
                self.undecryptable_count += 1
                event.room_id = room.room_id
                self.pending_undecryptable[event.event_id] = event
                log.info("%s cannot decrypt %s yet", self.user_id, event.event_id)
        else:
            encrypted = bool(getattr(event, "decrypted", False))
            self._handle_event(room.room_id, event, encrypted=encrypted)
        self._notify()

    def _handle_event(self, room_id: str, event: Any, *, encrypted: bool) -> None:
        source = getattr(event, "source", None)
        if not isinstance(source, dict) or event.sender == self.user_id:
            return
        event_id = source.get("event_id")
        content = source.get("content")
        if not isinstance(event_id, str) or not isinstance(content, dict):
            return
        if event_id in self._seen_ids:
            return
        event_type = source.get("type")
        relates_to = content.get("m.relates_to")
        relates_to = relates_to if isinstance(relates_to, dict) else None
        if event_type == "m.reaction" and relates_to is not None:
            self._seen_ids.add(event_id)
            self._room_log(room_id).reactions.append(
                SeenReaction(
                    event_id=event_id,
                    room_id=room_id,
                    sender=event.sender,
                    target_event_id=str(relates_to.get("event_id", "")),
                    key=str(relates_to.get("key", "")),
                )
            )
            return
        if event_type != "m.room.message":
            return
        self._seen_ids.add(event_id)
        now = time.monotonic()
        if relates_to is not None and relates_to.get("rel_type") == "m.replace":
            new_content = content.get("m.new_content")
            target = relates_to.get("event_id")
            if isinstance(new_content, dict) and isinstance(target, str):
                self._apply_edit(room_id, target, _PendingEdit(event.sender, new_content, now))
            return
        msg = SeenMessage(
            event_id=event_id,
            room_id=room_id,
            sender=event.sender,
            body=str(content.get("body", "")),
            formatted_body=_opt_str(content.get("formatted_body")),
            msgtype=str(content.get("msgtype", "")),
            content=content,
            edits=0,
            first_seen=now,
            last_update=now,
            relates_to=relates_to,
            encrypted=encrypted,
        )
        room_log = self._room_log(room_id)
        room_log.messages.append(msg)
        room_log.by_id[event_id] = msg
        self._call_hook(msg, True)
        for pending in room_log.pending_edits.pop(event_id, []):
            self._apply_edit(room_id, event_id, pending)

    def _apply_edit(self, room_id: str, target: str, edit: _PendingEdit) -> None:
        room_log = self._room_log(room_id)
        original = room_log.by_id.get(target)
        if original is None:
            # Edits may overtake their original (e.g. it was undecryptable for a while).
            room_log.pending_edits.setdefault(target, []).append(edit)
            return
        if original.sender != edit.sender:
            log.warning("%s: ignoring edit of %s by another user", self.user_id, target)
            return
        original.body = str(edit.new_content.get("body", ""))
        original.formatted_body = _opt_str(edit.new_content.get("formatted_body"))
        original.edits += 1
        original.last_update = edit.when
        self._call_hook(original, False)

    def _call_hook(self, msg: SeenMessage, is_new: bool) -> None:
        if self.on_update is None:
            return
        try:
            self.on_update(msg, is_new)
        except Exception:
            log.exception("on_update hook failed")


def msgtype_for(mimetype: str) -> str:
    """The msgtype a Tchap client gives a file of this MIME type: m.image, m.audio, m.video
    or m.file."""
    return _MSGTYPE_BY_MAJOR_TYPE.get(mimetype.split("/", 1)[0].strip().lower(), "m.file")


def carries_file(message: SeenMessage) -> bool:
    """Whether the message is a file, an image, a sound or a video that can be downloaded."""
    if message.msgtype not in FILE_MSGTYPES:
        return False
    encrypted = message.content.get("file")
    url = encrypted.get("url") if isinstance(encrypted, dict) else message.content.get("url")
    return isinstance(url, str) and url.startswith("mxc://")


def _opt_str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _txn_id() -> str:
    return f"devtools-{uuid.uuid4().hex}"


def _ensure_dir(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)


def _load_credentials(store_dir: Path) -> dict[str, Any] | None:
    try:
        creds = json.loads((store_dir / _CREDENTIALS_FILE).read_text())
    except (OSError, ValueError):
        return None
    return creds if isinstance(creds, dict) else None


def _save_credentials(store_dir: Path, creds: dict[str, Any]) -> None:
    path = store_dir / _CREDENTIALS_FILE
    path.write_text(json.dumps(creds))
    path.chmod(0o600)


def _new_client(homeserver: str, user_id: str, store_dir: Path) -> Any:
    config = nio.AsyncClientConfig(encryption_enabled=True, store_sync_tokens=True)
    return nio.AsyncClient(homeserver, user_id, store_path=str(store_dir), config=config)


async def _restore_login(homeserver: str, user_id: str, store_dir: Path) -> Any | None:
    """Resume the device saved in store_dir if its token still works, keeping its Olm
    identity and sessions (useful when the demo restarts)."""
    creds = _load_credentials(store_dir)
    if creds is None or creds.get("homeserver") != homeserver or creds.get("user_id") != user_id:
        return None
    client = _new_client(homeserver, user_id, store_dir)
    client.restore_login(creds["user_id"], creds["device_id"], creds["access_token"])
    resp = await client.whoami()
    if isinstance(resp, nio.WhoamiResponse):
        return client
    log.info("saved login for %s is no longer valid: %s", user_id, resp)
    # This client has the stale device's store loaded; a password login needs a new one.
    await client.close()
    return None
