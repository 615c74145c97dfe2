"""The bot's cross-signing identity: canonical JSON, ed25519 signatures, the master,
self-signing and user-signing keys kept in the store, and the signature of the bot's device.

matrix-nio does no cross-signing. Without it, Element-family clients (Tchap web included) mark
every message of the bot "encrypted by a device not verified by its owner". Here the bot
signs its own device with its self-signing key, which its master key signs, as the spec's
"Cross-signing" section describes (and as Synapse checks in its e2e_keys handler).
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import math
import os
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import nacl.exceptions
import nacl.signing

log = logging.getLogger(__name__)

KINDS = ("master", "self_signing", "user_signing")
KEYS_FILE = "cross_signing.json"
# Canonical JSON numbers are integers in this range (the spec's "Canonical JSON").
MAX_SAFE_INTEGER = 2**53 - 1
# A JSON answer of the homeserver larger than this is not what was asked for.
MAX_ANSWER_BYTES = 1_000_000
# Waits a rate-limited request accepts, each at most MAX_RETRY_AFTER seconds.
MAX_RATE_LIMITED = 3
MAX_RETRY_AFTER = 30.0


class CrossSigningError(Exception):
    """The identity could not be set up; `advice` says what the operator should do."""

    def __init__(self, message: str, advice: str = "", kind: str = "failed") -> None:
        super().__init__(message)
        self.advice = advice
        # "needs_password": only the account's password (or a reset from a client) can fix it.
        self.kind = kind


# Canonical JSON and signatures ------------------------------------------------------------


def _canonical_value(value: Any) -> Any:
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        if abs(value) > MAX_SAFE_INTEGER:
            raise ValueError("canonical JSON: integer out of range")
        return value
    if isinstance(value, float):
        # A parsed `1e10` or `-0` is an integer in JSON's value model; 1.5 has no canonical form.
        if not math.isfinite(value) or not value.is_integer():
            raise ValueError("canonical JSON: only integers are allowed")
        return _canonical_value(int(value))
    if isinstance(value, dict):
        return {str(k): _canonical_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_canonical_value(v) for v in value]
    raise TypeError(f"canonical JSON: {type(value).__name__} is not JSON")


def canonical_json(value: Any) -> bytes:
    """The spec's canonical JSON: keys sorted by code point, no insignificant whitespace,
    UTF-8 without escaping non-ASCII characters, integers only."""
    return json.dumps(
        _canonical_value(value),
        ensure_ascii=False,
        separators=(",", ":"),
        sort_keys=True,
        allow_nan=False,
    ).encode("utf-8")


def signable(obj: dict[str, Any]) -> bytes:
    """What a signature covers: the object without `signatures` and `unsigned`."""
    return canonical_json({k: v for k, v in obj.items() if k not in ("signatures", "unsigned")})


def unpadded_b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii").rstrip("=")


def b64decode(text: str) -> bytes:
    """Padded or unpadded standard base64 (Matrix sends unpadded)."""
    return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)


def add_signature(obj: dict[str, Any], user_id: str, key_id: str, signature: str) -> None:
    obj.setdefault("signatures", {}).setdefault(user_id, {})[key_id] = signature


def verify_signature(obj: dict[str, Any], user_id: str, key_id: str, public_key: str) -> bool:
    """True when `obj` carries a valid ed25519 signature by `public_key` under `key_id`."""
    signature = ((obj.get("signatures") or {}).get(user_id) or {}).get(key_id)
    if not isinstance(signature, str):
        return False
    try:
        nacl.signing.VerifyKey(b64decode(public_key)).verify(signable(obj), b64decode(signature))
    except (nacl.exceptions.BadSignatureError, ValueError, TypeError):
        return False
    return True


# The keys ----------------------------------------------------------------------------------


class SigningKey:
    """One ed25519 key pair (PyNaCl, libsodium underneath)."""

    def __init__(self, seed: bytes | None = None) -> None:
        self._key = nacl.signing.SigningKey(seed) if seed else nacl.signing.SigningKey.generate()

    @property
    def seed(self) -> bytes:
        return bytes(self._key)

    @property
    def public(self) -> str:
        return unpadded_b64(bytes(self._key.verify_key))

    @property
    def key_id(self) -> str:
        return f"ed25519:{self.public}"

    def sign(self, obj: dict[str, Any], user_id: str) -> None:
        signature = self._key.sign(signable(obj)).signature
        add_signature(obj, user_id, self.key_id, unpadded_b64(signature))


def key_object(user_id: str, kind: str, key: SigningKey) -> dict[str, Any]:
    """A cross-signing key as uploaded and as /keys/query returns it (signatures aside)."""
    return {"user_id": user_id, "usage": [kind], "keys": {key.key_id: key.public}}


def public_of(obj: Any) -> str | None:
    """The public key of a cross-signing key object, or None."""
    keys = obj.get("keys") if isinstance(obj, dict) else None
    if not isinstance(keys, dict) or len(keys) != 1:
        return None
    value = next(iter(keys.values()))
    return value if isinstance(value, str) else None


@dataclass
class CrossSigningKeys:
    user_id: str
    master: SigningKey
    self_signing: SigningKey
    user_signing: SigningKey

    @classmethod
    def generate(cls, user_id: str) -> CrossSigningKeys:
        return cls(user_id, SigningKey(), SigningKey(), SigningKey())

    def upload_body(self) -> dict[str, Any]:
        """POST /keys/device_signing/upload: the master signs the two others."""
        master = key_object(self.user_id, "master", self.master)
        self_signing = key_object(self.user_id, "self_signing", self.self_signing)
        self.master.sign(self_signing, self.user_id)
        user_signing = key_object(self.user_id, "user_signing", self.user_signing)
        self.master.sign(user_signing, self.user_id)
        return {
            "master_key": master,
            "self_signing_key": self_signing,
            "user_signing_key": user_signing,
        }

    def to_json(self) -> dict[str, str]:
        return {
            "user_id": self.user_id,
            **{kind: unpadded_b64(getattr(self, kind).seed) for kind in KINDS},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CrossSigningKeys:
        seeds = {kind: b64decode(str(data[kind])) for kind in KINDS}
        if any(len(seed) != 32 for seed in seeds.values()):
            raise ValueError("a cross-signing seed is not 32 bytes")
        return cls(
            str(data["user_id"]),
            SigningKey(seeds["master"]),
            SigningKey(seeds["self_signing"]),
            SigningKey(seeds["user_signing"]),
        )


def write_private(path: Path, text: str) -> None:
    """Write a secret file readable by its owner only (0600), atomically."""
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.chmod(tmp, 0o600)  # O_CREAT's mode is ignored when the file already existed
    tmp.replace(path)


def load_keys(store_dir: Path, user_id: str) -> CrossSigningKeys | None:
    path = store_dir / KEYS_FILE
    try:
        with path.open("rb") as fh:
            data = json.loads(fh.read(MAX_ANSWER_BYTES))
        keys = CrossSigningKeys.from_json(data)
    except FileNotFoundError:
        return None
    except (ValueError, KeyError, TypeError) as exc:
        raise CrossSigningError(
            f"{path} is unreadable ({type(exc).__name__})",
            f"restore {path} from a backup, or delete it to create a new identity",
        ) from exc
    if keys.user_id != user_id:
        log.warning(
            "%s belongs to %s, not %s: a new identity is made", path, keys.user_id, user_id
        )
        return None
    return keys


def save_keys(store_dir: Path, keys: CrossSigningKeys) -> None:
    write_private(store_dir / KEYS_FILE, json.dumps(keys.to_json()))


# Talking to the homeserver -----------------------------------------------------------------


async def _read_bounded(response: Any, max_bytes: int, path: str) -> bytes:
    declared = response.content_length
    if declared is not None and declared > max_bytes:
        raise CrossSigningError(f"{path.split('?')[0]}: answer larger than {max_bytes} bytes")
    pieces: list[bytes] = []
    received = 0
    async for piece in response.content.iter_chunked(64 * 1024):
        received += len(piece)
        if received > max_bytes:
            raise CrossSigningError(f"{path.split('?')[0]}: answer larger than {max_bytes} bytes")
        pieces.append(piece)
    return b"".join(pieces)


async def _parse(raw: bytes) -> Any:
    """JSON or None; a large answer (a whole key backup) is parsed off the event loop."""
    if not raw:
        return None
    try:
        if len(raw) > 256 * 1024:
            return await asyncio.to_thread(json.loads, raw)
        return json.loads(raw)
    except ValueError:
        return None


class Api:
    """JSON requests to the homeserver through the bot's nio session (counted, bounded)."""

    def __init__(self, send: Callable[..., Awaitable[Any]], token: Callable[[], str]) -> None:
        self._send = send
        self._token = token

    async def call(
        self,
        method: str,
        path: str,
        body: dict[str, Any] | None = None,
        max_bytes: int = MAX_ANSWER_BYTES,
    ) -> tuple[int, Any]:
        headers = {"Authorization": f"Bearer {self._token()}"}
        data = None
        if body is not None:
            headers["Content-Type"] = "application/json"
            data = json.dumps(body)
        for attempt in range(MAX_RATE_LIMITED + 1):
            response = await self._send(method, path, data, headers)
            try:
                status = int(response.status)
                retry_header = response.headers.get("Retry-After")
                raw = await _read_bounded(response, max_bytes, path)
            finally:
                response.release()
            answer = await _parse(raw)
            if status != 429 or attempt == MAX_RATE_LIMITED:
                return status, answer
            wait = 5.0
            if isinstance(answer, dict) and isinstance(answer.get("retry_after_ms"), int):
                wait = answer["retry_after_ms"] / 1000
            elif isinstance(retry_header, str) and retry_header.strip().isdigit():
                wait = float(retry_header.strip()[:6])
            await asyncio.sleep(min(max(wait, 0.0), MAX_RETRY_AFTER))
        raise AssertionError("unreachable")


class DeviceSigner(Protocol):
    """The bot's device: its id and its ed25519 signature (nio's Olm account)."""

    @property
    def device_id(self) -> str: ...
    @property
    def ed25519(self) -> str: ...
    def sign(self, message: str) -> str: ...


def _errcode(answer: Any) -> str:
    if isinstance(answer, dict) and isinstance(answer.get("errcode"), str):
        return str(answer["errcode"])
    return ""


@dataclass
class IdentityStatus:
    master_key: str
    created: bool  # new keys uploaded at this start
    device_signed: bool  # the device got its signature at this start


async def query_own_keys(api: Api, user_id: str, device_id: str) -> dict[str, Any]:
    status, answer = await api.call(
        "POST", "/_matrix/client/v3/keys/query", {"device_keys": {user_id: [device_id]}}
    )
    if status != 200 or not isinstance(answer, dict):
        raise CrossSigningError(f"keys query failed (HTTP {status} {_errcode(answer)})")
    return answer


async def upload_signing_keys(api: Api, keys: CrossSigningKeys, password: str | None) -> None:
    """POST /keys/device_signing/upload, with the password when the homeserver asks for
    user-interactive auth (it does to replace existing keys; a first upload needs none since
    MSC3967, Synapse 1.91)."""
    path = "/_matrix/client/v3/keys/device_signing/upload"
    body = keys.upload_body()
    status, answer = await api.call("POST", path, body)
    if status == 200:
        return
    if status != 401 or not isinstance(answer, dict) or "flows" not in answer:
        raise CrossSigningError(f"cross-signing upload refused (HTTP {status} {_errcode(answer)})")
    flows = answer.get("flows") or []
    stages = {
        stage
        for flow in flows
        if isinstance(flow, dict)
        for stage in (flow.get("stages") or [])
        if isinstance(stage, str)
    }
    if "m.login.password" not in stages:
        raise CrossSigningError(
            "the homeserver asks for an authentication the bot cannot give "
            f"({', '.join(sorted(stages)) or 'none'}) to replace the account's cross-signing keys",
            "reset the account's cross-signing identity from a Tchap client, then restart the bot",
            kind="needs_password",
        )
    if not password:
        raise CrossSigningError(
            "the homeserver asks for the account's password to replace its cross-signing keys, "
            "and the bot logs in with an access token",
            "set ASSISTANT__MATRIX__PASSWORD for one start, or reset the account's "
            "cross-signing identity from a Tchap client, then restart the bot",
            kind="needs_password",
        )
    user = keys.user_id
    body["auth"] = {
        "type": "m.login.password",
        "identifier": {"type": "m.id.user", "user": user},
        "password": password,
        "session": answer.get("session"),
    }
    status, answer = await api.call("POST", path, body)
    if status != 200:
        raise CrossSigningError(
            f"cross-signing upload refused after authentication (HTTP {status} "
            f"{_errcode(answer)})",
            "check the bot's password",
        )


def _signed_by(obj: Any, user_id: str, key_id: str) -> bool:
    if not isinstance(obj, dict):
        return False
    return key_id in ((obj.get("signatures") or {}).get(user_id) or {})


async def ensure_identity(
    api: Api,
    store_dir: Path,
    user_id: str,
    device: DeviceSigner,
    password: str | None,
) -> IdentityStatus:
    """At each start: the bot's cross-signing keys on the homeserver and its device signed.

    Keys come from the store (generated and saved at the first start); when the homeserver
    holds other keys, ours replace them (the bot's store is its identity). Raises
    CrossSigningError when that cannot be done.
    """
    keys = load_keys(store_dir, user_id)
    fresh = keys is None
    if keys is None:
        keys = CrossSigningKeys.generate(user_id)
        save_keys(store_dir, keys)  # before uploading: never a server key we do not hold
        log.info("cross-signing keys generated in %s", store_dir / KEYS_FILE)
    device_id = device.device_id
    answer = await query_own_keys(api, user_id, device_id)
    server_master = public_of((answer.get("master_keys") or {}).get(user_id))
    server_ssk = public_of((answer.get("self_signing_keys") or {}).get(user_id))
    created = False
    if server_master != keys.master.public or server_ssk != keys.self_signing.public:
        if server_master is not None:
            log.warning(
                "the homeserver holds another cross-signing identity for %s (%s); replacing it "
                "with the one in the store%s",
                user_id,
                server_master,
                " (the store's keys are new)" if fresh else "",
            )
        await upload_signing_keys(api, keys, password)
        created = True
        log.info("cross-signing identity uploaded (master key %s)", keys.master.public)
        answer = await query_own_keys(api, user_id, device_id)
    master_obj = (answer.get("master_keys") or {}).get(user_id)
    device_obj = ((answer.get("device_keys") or {}).get(user_id) or {}).get(device_id)
    if not isinstance(device_obj, dict):
        raise CrossSigningError(f"the homeserver does not know the keys of device {device_id}")
    to_upload: dict[str, Any] = {}
    if not _signed_by(device_obj, user_id, keys.self_signing.key_id):
        signed = {k: v for k, v in device_obj.items() if k not in ("signatures", "unsigned")}
        signed["signatures"] = {}
        keys.self_signing.sign(signed, user_id)
        to_upload[device_id] = signed
    device_key_id = f"ed25519:{device_id}"
    if not _signed_by(master_obj, user_id, device_key_id):
        signed_master = key_object(user_id, "master", keys.master)
        signature = device.sign(signable(signed_master).decode("utf-8"))
        add_signature(signed_master, user_id, device_key_id, signature)
        to_upload[keys.master.public] = signed_master
    if to_upload:
        status, result = await api.call(
            "POST", "/_matrix/client/v3/keys/signatures/upload", {user_id: to_upload}
        )
        failures = result.get("failures") if isinstance(result, dict) else None
        if status != 200 or failures:
            detail = json.dumps(failures)[:300] if failures else _errcode(result)
            raise CrossSigningError(f"signature upload refused (HTTP {status} {detail})")
        log.info("device %s signed by the bot's cross-signing identity", device_id)
    return IdentityStatus(keys.master.public, created, device_id in to_upload)
