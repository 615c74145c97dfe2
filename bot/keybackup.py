"""Server-side backup of the bot's room keys (`m.megolm_backup.v1.curve25519-aes-sha2`), the
recovery key that opens it, and the restore of a lost store from it.

Encryption is vodozemac's PkEncryption (nio's own crypto library), which is what every client
does: note that it MACs an empty message instead of the ciphertext, a libolm bug kept for
compatibility (the spec's step 5 says otherwise; Element and matrix-rust-sdk verify the
libolm way, so a spec-literal MAC would be refused by them).
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import quote

import vodozemac

from bot.crosssign import (
    Api,
    DeviceSigner,
    SigningKey,
    add_signature,
    b64decode,
    signable,
    unpadded_b64,
    verify_signature,
    write_private,
)

log = logging.getLogger(__name__)

ALGORITHM = "m.megolm_backup.v1.curve25519-aes-sha2"
MEGOLM = "m.megolm.v1.aes-sha2"
RECOVERY_FILE = "recovery-key.txt"
STATE_FILE = "key_backup.json"
RECOVERY_PREFIX = bytes([0x8B, 0x01])
BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
# Bounds: sessions per PUT, sessions per round (one round after each sync), the size of a
# whole backup fetched at restore, and the sessions restored from it.
UPLOAD_BATCH = 100
MAX_PER_ROUND = 500
MAX_BACKUP_BYTES = 64_000_000
MAX_RESTORED = 50_000
MAX_STATE_BYTES = 16_000_000


class KeyBackupError(Exception):
    def __init__(self, message: str, advice: str = "") -> None:
        super().__init__(message)
        self.advice = advice


# The recovery key ------------------------------------------------------------------------


def _base58_encode(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    out = ""
    while number:
        number, rest = divmod(number, 58)
        out = BASE58[rest] + out
    zeros = len(data) - len(data.lstrip(b"\0"))
    return "1" * zeros + out


def _base58_decode(text: str) -> bytes:
    number = 0
    for char in text:
        index = BASE58.find(char)
        if index < 0:
            raise ValueError(f"character {char!r} is not base58")
        number = number * 58 + index
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    zeros = len(text) - len(text.lstrip("1"))
    return b"\0" * zeros + body


def _parity(data: bytes) -> int:
    parity = 0
    for byte in data:
        parity ^= byte
    return parity


def encode_recovery_key(private_key: bytes) -> str:
    """The spec's "Recovery key": 0x8B 0x01, the 32-byte curve25519 private key, a parity
    byte (XOR of all the previous ones), base58 (Bitcoin alphabet), a space every 4 chars."""
    if len(private_key) != 32:
        raise ValueError("a recovery key holds 32 bytes")
    data = RECOVERY_PREFIX + private_key
    text = _base58_encode(data + bytes([_parity(data)]))
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def decode_recovery_key(text: str) -> bytes:
    """The private key of a recovery key; whitespace is ignored. ValueError says what is
    wrong (never the key itself)."""
    compact = "".join(text.split())
    if not compact or len(compact) > 100:
        raise ValueError("a recovery key has about 48 base58 characters")
    data = _base58_decode(compact)
    if len(data) != 35 or not data.startswith(RECOVERY_PREFIX):
        raise ValueError("this is not a Matrix recovery key (wrong length or prefix)")
    if _parity(data[:-1]) != data[-1]:
        raise ValueError("the recovery key has a typo (its parity byte does not match)")
    return data[2:34]


def public_key_of(private_key: bytes) -> str:
    return str(vodozemac.Curve25519SecretKey.from_bytes(private_key).public_key().to_base64())


def new_private_key() -> bytes:
    return bytes(vodozemac.Curve25519SecretKey().to_bytes())


# Session data ------------------------------------------------------------------------------


def encrypt_session(public_key: str, payload: dict[str, Any]) -> dict[str, str]:
    """`session_data` of one backed-up session: ephemeral key, ciphertext, MAC."""
    encryption = vodozemac.PkEncryption.from_key(
        vodozemac.Curve25519PublicKey.from_base64(public_key)
    )
    message = encryption.encrypt(json.dumps(payload, separators=(",", ":")).encode("utf-8"))
    return {
        "ephemeral": unpadded_b64(bytes(message.ephemeral_key)),
        "ciphertext": unpadded_b64(bytes(message.ciphertext)),
        "mac": unpadded_b64(bytes(message.mac)),
    }


def decrypt_session(private_key: bytes, session_data: dict[str, Any]) -> dict[str, Any]:
    """The payload of `session_data`; ValueError when it does not open or is not a session."""
    try:
        message = vodozemac.Message(
            b64decode(str(session_data["ciphertext"])),
            b64decode(str(session_data["mac"])),
            b64decode(str(session_data["ephemeral"])),
        )
    except (KeyError, TypeError) as exc:
        raise ValueError("session_data lacks a field") from exc
    decryption = vodozemac.PkDecryption.from_key(
        vodozemac.Curve25519SecretKey.from_bytes(private_key)
    )
    payload = json.loads(decryption.decrypt(message))
    if not isinstance(payload, dict) or not isinstance(payload.get("session_key"), str):
        raise ValueError("not a backed-up session")
    return payload


@dataclass(frozen=True)
class ExportedSession:
    """A room key the bot holds, as the backup stores it."""

    room_id: str
    session_id: str
    first_index: int
    sender_key: str
    signing_key: str  # the sender's ed25519 key (sender_claimed_keys)
    forwarding_chain: tuple[str, ...]
    session_key: str  # exported at `first_index`

    def payload(self) -> dict[str, Any]:
        return {
            "algorithm": MEGOLM,
            "forwarding_curve25519_key_chain": list(self.forwarding_chain),
            "sender_key": self.sender_key,
            "sender_claimed_keys": {"ed25519": self.signing_key},
            "session_key": self.session_key,
        }


class SessionStore(Protocol):
    """The room keys of the crypto store (nio's, behind bot/matrix.py)."""

    def known(self) -> Iterable[tuple[str, str, int]]:
        """(room id, session id, first known index) of every room key held."""
        ...

    def export(self, room_id: str, session_id: str) -> ExportedSession | None: ...

    def import_sessions(self, sessions: list[ExportedSession]) -> int:
        """Add the sessions the store lacks; returns how many were added."""
        ...


# The backup ------------------------------------------------------------------------------


def _key(room_id: str, session_id: str) -> str:
    return f"{room_id}|{session_id}"


@dataclass
class BackupState:
    version: str = ""
    # room|session -> the first index uploaded (a lower one replaces it on the server)
    backed_up: dict[str, int] = field(default_factory=dict)


class KeyBackup:
    """One backup version: found or created at start, kept up to date after each sync."""

    def __init__(
        self, api: Api, store_dir: Path, user_id: str, configured_key: str | None
    ) -> None:
        self.api = api
        self.store_dir = store_dir
        self.user_id = user_id
        self._configured = configured_key
        self.version: str | None = None
        self.public_key: str | None = None
        self.restored = 0
        self._state = BackupState()
        self._changed = asyncio.Condition()
        self._lock = asyncio.Lock()

    # Set-up --------------------------------------------------------------------------------

    def _private_key(self) -> bytes | None:
        path = self.store_dir / RECOVERY_FILE
        if self._configured:
            if path.exists():
                log.warning("the recovery key is configured: delete its copy %s", path)
            try:
                return decode_recovery_key(self._configured)
            except ValueError as exc:
                raise KeyBackupError(
                    f"ASSISTANT__MATRIX__RECOVERY_KEY is not usable: {exc}",
                    "copy the recovery key again (spaces do not matter)",
                ) from exc
        try:
            with path.open(encoding="utf-8") as fh:
                text = fh.read(1000)
        except FileNotFoundError:
            return None
        try:
            key = decode_recovery_key(text)
        except ValueError as exc:
            raise KeyBackupError(f"{path} is not usable: {exc}") from exc
        log.warning(
            "the recovery key of the bot's key backup still lies in %s: move it to your secret "
            "store (ASSISTANT__MATRIX__RECOVERY_KEY or _FILE), then delete that file",
            path,
        )
        return key

    def _load_state(self) -> BackupState | None:
        path = self.store_dir / STATE_FILE
        try:
            with path.open("rb") as fh:
                data = json.loads(fh.read(MAX_STATE_BYTES))
            return BackupState(
                str(data["version"]), {str(k): int(v) for k, v in data["backed_up"].items()}
            )
        except FileNotFoundError:
            return None
        except (ValueError, KeyError, TypeError, AttributeError):
            log.warning("%s unreadable: every room key will be uploaded again", path)
            return None

    def _save_state(self) -> None:
        data = {"version": self._state.version, "backed_up": self._state.backed_up}
        write_private(self.store_dir / STATE_FILE, json.dumps(data))

    async def _latest(self) -> dict[str, Any] | None:
        status, answer = await self.api.call("GET", "/_matrix/client/v3/room_keys/version")
        if status == 404:
            return None
        if status != 200 or not isinstance(answer, dict):
            raise KeyBackupError(f"backup version lookup failed (HTTP {status})")
        return answer

    def _trusted(
        self, auth_data: dict[str, Any], device: DeviceSigner, master: SigningKey | None
    ) -> bool:
        """A backup the bot made: signed by its master key or by its current device."""
        if master is not None and verify_signature(
            auth_data, self.user_id, master.key_id, master.public
        ):
            return True
        return verify_signature(
            auth_data, self.user_id, f"ed25519:{device.device_id}", device.ed25519
        )

    async def _create(
        self, public_key: str, device: DeviceSigner, master: SigningKey | None
    ) -> str:
        auth_data: dict[str, Any] = {"public_key": public_key}
        signature = device.sign(signable(auth_data).decode("utf-8"))
        if master is not None:
            master.sign(auth_data, self.user_id)
        add_signature(auth_data, self.user_id, f"ed25519:{device.device_id}", signature)
        status, answer = await self.api.call(
            "POST",
            "/_matrix/client/v3/room_keys/version",
            {"algorithm": ALGORITHM, "auth_data": auth_data},
        )
        if status != 200 or not isinstance(answer, dict) or "version" not in answer:
            raise KeyBackupError(f"backup creation refused (HTTP {status})")
        return str(answer["version"])

    async def start(
        self,
        device: DeviceSigner,
        master: SigningKey | None,
        sessions: SessionStore,
        fresh_store: bool,
    ) -> None:
        """Find the bot's backup (or create it), then restore a fresh store from it."""
        private = self._private_key()
        latest = await self._latest()
        usable = latest is not None and latest.get("algorithm") == ALGORITHM
        auth = (latest or {}).get("auth_data")
        auth = auth if isinstance(auth, dict) else {}
        version = str((latest or {}).get("version") or "")
        if usable and private is not None and auth.get("public_key") == public_key_of(private):
            self.version, self.public_key = version, public_key_of(private)
        elif usable and private is None and self._trusted(auth, device, master):
            self.version, self.public_key = version, str(auth["public_key"])
            log.warning(
                "key backup %s: no recovery key here; room keys are uploaded but a lost store "
                "cannot be restored without it",
                self.version,
            )
        elif latest is not None and self._configured:
            raise KeyBackupError(
                f"the configured recovery key does not open the account's latest key backup "
                f"(version {latest.get('version')})",
                "configure the recovery key of that backup, or delete the backup from a Tchap "
                "client so that the bot creates its own",
            )
        else:
            if latest is not None:
                log.warning(
                    "key backup %s was not made by this bot's identity: a new version replaces it",
                    latest.get("version"),
                )
            if private is None:
                private = new_private_key()
                path = self.store_dir / RECOVERY_FILE
                write_private(path, encode_recovery_key(private) + "\n")
                log.warning(
                    "a recovery key for the bot's key backup was written to %s: move it to your "
                    "secret store (ASSISTANT__MATRIX__RECOVERY_KEY or _FILE) and delete the file; "
                    "it restores the bot's room keys if its store is lost",
                    path,
                )
            self.public_key = public_key_of(private)
            self.version = await self._create(self.public_key, device, master)
            log.info("key backup version %s created", self.version)
        state = self._load_state()
        if state is not None and state.version == self.version:
            self._state = state
        else:
            self._state = BackupState(self.version)
        if fresh_store and private is not None:
            self.restored = await self.restore(private, sessions)

    # Restore -------------------------------------------------------------------------------

    async def restore(self, private: bytes, sessions: SessionStore) -> int:
        assert self.version is not None
        path = f"/_matrix/client/v3/room_keys/keys?version={quote(self.version)}"
        status, answer = await self.api.call("GET", path, max_bytes=MAX_BACKUP_BYTES)
        if status != 200 or not isinstance(answer, dict):
            raise KeyBackupError(f"backup download failed (HTTP {status})")
        restored = await asyncio.to_thread(_decrypt_all, private, answer)
        added = sessions.import_sessions(restored)
        for session in restored:
            self._state.backed_up[_key(session.room_id, session.session_id)] = session.first_index
        self._save_state()
        log.info(
            "key backup %s: %d room keys restored (%d were already known)",
            self.version,
            added,
            len(restored) - added,
        )
        return added

    # Upload --------------------------------------------------------------------------------

    def is_backed_up(self, room_id: str, session_id: str) -> bool:
        return _key(room_id, session_id) in self._state.backed_up

    async def wait_backed_up(self, room_id: str, session_id: str) -> None:
        async with self._changed:
            await self._changed.wait_for(lambda: self.is_backed_up(room_id, session_id))

    async def upload_new(self, sessions: SessionStore) -> int:
        """Upload the room keys not in the backup yet (or known from an earlier index);
        at most MAX_PER_ROUND per call. Returns how many were uploaded."""
        if self.version is None or self.public_key is None:
            return 0
        async with self._lock:
            pending: list[tuple[str, str]] = []
            for room_id, session_id, first in sessions.known():
                done = self._state.backed_up.get(_key(room_id, session_id))
                if done is None or first < done:
                    pending.append((room_id, session_id))
                    if len(pending) >= MAX_PER_ROUND:
                        break
            uploaded = 0
            for start in range(0, len(pending), UPLOAD_BATCH):
                batch = [sessions.export(r, s) for r, s in pending[start : start + UPLOAD_BATCH]]
                uploaded += await self._put([s for s in batch if s is not None])
            return uploaded

    async def _put(self, batch: list[ExportedSession]) -> int:
        if not batch or self.version is None or self.public_key is None:
            return 0
        # About 0.4 ms of X25519 + AES per session: off the event loop.
        rooms = await asyncio.to_thread(_encrypt_batch, self.public_key, batch)
        path = f"/_matrix/client/v3/room_keys/keys?version={quote(self.version)}"
        status, answer = await self.api.call("PUT", path, {"rooms": rooms})
        if status != 200:
            errcode = answer.get("errcode") if isinstance(answer, dict) else None
            if errcode == "M_WRONG_ROOM_KEYS_VERSION":
                log.warning(
                    "key backup %s replaced by another one (%s): uploads stop until the bot "
                    "restarts",
                    self.version,
                    answer.get("current_version") if isinstance(answer, dict) else "?",
                )
                self.version = None
                return 0
            raise KeyBackupError(f"room key upload refused (HTTP {status} {errcode or ''})")
        async with self._changed:
            for session in batch:
                self._state.backed_up[_key(session.room_id, session.session_id)] = (
                    session.first_index
                )
            self._save_state()
            self._changed.notify_all()
        log.debug("key backup %s: %d room keys uploaded", self.version, len(batch))
        return len(batch)


def _encrypt_batch(public_key: str, batch: list[ExportedSession]) -> dict[str, Any]:
    """The `rooms` of a PUT /room_keys/keys body."""
    rooms: dict[str, Any] = {}
    for session in batch:
        rooms.setdefault(session.room_id, {"sessions": {}})["sessions"][session.session_id] = {
            "first_message_index": session.first_index,
            "forwarded_count": len(session.forwarding_chain),
            "is_verified": False,
            "session_data": encrypt_session(public_key, session.payload()),
        }
    return rooms


def _decrypt_all(private: bytes, answer: dict[str, Any]) -> list[ExportedSession]:
    """Every session of a GET /room_keys/keys answer that opens with `private` (bounded)."""
    out: list[ExportedSession] = []
    failed = 0
    rooms = answer.get("rooms")
    for room_id, room in (rooms if isinstance(rooms, dict) else {}).items():
        room_sessions = room.get("sessions") if isinstance(room, dict) else None
        for session_id, data in (room_sessions if isinstance(room_sessions, dict) else {}).items():
            if len(out) >= MAX_RESTORED:
                log.warning("backup holds more than %d room keys: the rest is left", MAX_RESTORED)
                return out
            try:
                payload = decrypt_session(private, data["session_data"])
                claimed = payload.get("sender_claimed_keys") or {}
                chain = payload.get("forwarding_curve25519_key_chain") or []
                if payload.get("algorithm", MEGOLM) != MEGOLM:
                    continue
                out.append(
                    ExportedSession(
                        room_id=str(room_id),
                        session_id=str(session_id),
                        first_index=int(data.get("first_message_index", 0)),
                        sender_key=str(payload["sender_key"]),
                        signing_key=str(claimed.get("ed25519", "")),
                        forwarding_chain=tuple(str(k) for k in chain),
                        session_key=str(payload["session_key"]),
                    )
                )
            except (ValueError, KeyError, TypeError, AttributeError):
                failed += 1
    if failed:
        log.warning("%d backed-up room keys could not be opened with the recovery key", failed)
    return out
