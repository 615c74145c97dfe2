"""What a Matrix event weighs at the homeserver, computed before it is sent.

The spec caps a whole event (the PDU, as canonical JSON) at 65,536 bytes; Synapse refuses a
bigger one with 413 `M_TOO_LARGE` (`synapse/event_auth.py`, `_check_size_limits`). In an
encrypted room the PDU carries the megolm ciphertext of the JSON payload instead of the
content: its length follows from the payload's length (see `megolm_message_length`).
"""

from __future__ import annotations

import functools
import json
import math
from typing import Any

MAX_EVENT_BYTES = 65_536  # the spec's cap, Synapse's MAX_PDU_SIZE
MEGOLM_ALGORITHM = "m.megolm.v1.aes-sha2"
# The longest event id the spec allows (the relation of an edit or a thread names one).
MAX_EVENT_ID = "$" + "x" * 254
# Room versions 3 and later name an event by the unpadded base64 of a SHA-256 hash.
_HASHED_EVENT_ID = "$" + "A" * 43
_CURVE25519_KEY = "A" * 43  # unpadded base64 of 32 bytes: the sender key, the session id
# Synapse gives an event at most 10 previous events (`get_prev_events_for_room`) and a message
# needs 3 auth events (create, power levels, the sender's membership); 5 leaves room for more.
_PREV_EVENTS = 10
_AUTH_EVENTS = 5
# Fields a homeserver may add that the skeleton below does not show.
_ENVELOPE_SLACK = 512


def canonical_size(value: Any) -> int:
    """Bytes of `value` as the spec's canonical JSON (UTF-8, no spaces, sorted keys)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return len(text.encode("utf-8", "surrogatepass"))


def _varint_length(value: int) -> int:
    length = 1
    while value >= 0x80:
        value >>= 7
        length += 1
    return length


def megolm_message_length(plaintext_bytes: int, message_index: int = 2**32 - 1) -> int:
    """Characters of the base64 megolm message (vodozemac, as matrix-nio 0.26 sends it) of a
    `plaintext_bytes`-long payload.

    The message is: a version byte, the message index (protobuf varint, tag 0x08), the AES-256-
    CBC ciphertext with PKCS#7 padding (tag 0x12 and a varint length), an 8-byte MAC and a
    64-byte ed25519 signature, in unpadded base64. The default index is the largest one (a u32,
    5 varint bytes), so the result is an upper bound for any session.
    """
    ciphertext = 16 * (plaintext_bytes // 16 + 1)
    raw = 1 + 1 + _varint_length(message_index) + 1 + _varint_length(ciphertext) + ciphertext
    raw += 8 + 64
    return math.ceil(4 * raw / 3)


def encrypted_content_size(
    content: dict[str, Any], event_type: str, room_id: str, device_id: str
) -> int:
    """Bytes (canonical JSON) of the m.room.encrypted content nio sends for `content`.

    nio encrypts `{"content", "type", "room_id"}` serialised with `json.dumps` and its default
    ASCII escaping (`nio.api.Api.to_json`: one byte a character), and copies the relation out
    in clear.
    """
    payload = json.dumps(
        {"content": content, "type": event_type, "room_id": room_id}, separators=(",", ":")
    )
    wire: dict[str, Any] = {
        "algorithm": MEGOLM_ALGORITHM,
        "sender_key": _CURVE25519_KEY,
        "ciphertext": "",  # base64: its characters add one byte each
        "session_id": _CURVE25519_KEY,
        "device_id": device_id,
    }
    if "m.relates_to" in content:
        wire["m.relates_to"] = content["m.relates_to"]
    return canonical_size(wire) + megolm_message_length(len(payload))


@functools.lru_cache(maxsize=256)  # the same few rooms, measured before each send and edit
def envelope_size(room_id: str, sender: str, event_type: str) -> int:
    """Bytes the homeserver adds around the content in the PDU: ids of the previous and auth
    events, depth, timestamp, hashes, its signature, with some slack."""
    server = sender.partition(":")[2] or "x" * 255
    skeleton = {
        "auth_events": [_HASHED_EVENT_ID] * _AUTH_EVENTS,
        "prev_events": [_HASHED_EVENT_ID] * _PREV_EVENTS,
        "content": {},
        "depth": 2**63 - 1,
        "hashes": {"sha256": "A" * 43},
        "origin": server,
        "origin_server_ts": 10**14,
        "room_id": room_id,
        "sender": sender,
        "type": event_type,
        "signatures": {server: {"ed25519:" + "k" * 64: "A" * 86}},
        "unsigned": {"age_ts": 10**14},
    }
    return canonical_size(skeleton) - len("{}") + _ENVELOPE_SLACK


def event_size(
    content: dict[str, Any],
    *,
    room_id: str,
    sender: str,
    encrypted: bool,
    device_id: str,
    event_type: str = "m.room.message",
) -> int:
    """Bytes of the PDU that sending `content` creates (an upper bound), encrypted or not."""
    if encrypted:
        wire = encrypted_content_size(content, event_type, room_id, device_id)
        return wire + envelope_size(room_id, sender, "m.room.encrypted")
    return canonical_size(content) + envelope_size(room_id, sender, event_type)
