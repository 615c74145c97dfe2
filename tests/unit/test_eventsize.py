"""Event sizes computed before sending match what matrix-nio 0.26 and vodozemac really produce."""

from __future__ import annotations

import random

import vodozemac
from nio.api import Api
from nio.crypto.sessions import OutboundGroupSession

from bot.eventsize import (
    MEGOLM_ALGORITHM,
    canonical_size,
    encrypted_content_size,
    envelope_size,
    event_size,
    megolm_message_length,
)
from bot.matrix import edit_content, text_content

ROOM = "!abcdefghijklmnopqr:agent.dinum.tchap.gouv.fr"
BOT = "@assistant-ia-numerique.gouv.fr:agent.dinum.tchap.gouv.fr"


def test_the_megolm_length_is_exact_for_the_index_and_an_upper_bound_without_it() -> None:
    session = vodozemac.GroupSession()
    rng = random.Random(14)
    lengths = [*range(0, 300), *(rng.randint(300, 90_000) for _ in range(40))]
    for length in lengths:
        index = session.message_index
        message = session.encrypt(b"x" * length).to_base64()
        assert len(message) == megolm_message_length(length, index), (length, index)
        assert len(message) <= megolm_message_length(length)


def test_encrypted_size_matches_what_nio_sends() -> None:
    """The same steps as nio's `Olm.group_encrypt` (its own session class and serialiser)."""
    account = vodozemac.Account()
    session = OutboundGroupSession()
    session.mark_as_shared()
    rng = random.Random(2026)
    alphabet = 'abc é è à ç œ « » 🙂 \n\t"\\<>&|-*#'
    for _ in range(30):
        body = "".join(rng.choices(alphabet, k=rng.randint(0, 20_000)))
        content = edit_content("$" + "e" * 43, text_content(body, f"<p>{body}</p>"))
        plaintext = {"content": content, "type": "m.room.message", "room_id": ROOM}
        wire = {
            "algorithm": MEGOLM_ALGORITHM,
            "sender_key": account.curve25519_key.to_base64(),
            "ciphertext": session.encrypt(Api.to_json(plaintext)),
            "session_id": session.id,
            "device_id": "ABCDEFGHIJ",
            "m.relates_to": content["m.relates_to"],
        }
        computed = encrypted_content_size(content, "m.room.message", ROOM, "ABCDEFGHIJ")
        actual = canonical_size(wire)
        # Equal but for the message index, counted at its largest (5 varint bytes).
        assert actual <= computed <= actual + 6


def test_plain_size_is_the_canonical_utf8_json_and_accents_weigh_more_encrypted() -> None:
    content = text_content("é" * 1000)
    canonical = '{"body":"' + "é" * 1000 + '","m.mentions":{},"msgtype":"m.text"}'
    assert canonical_size(content) == len(canonical.encode()) == len(canonical) + 1000
    plain = event_size(content, room_id=ROOM, sender=BOT, encrypted=False, device_id="D")
    encrypted = event_size(content, room_id=ROOM, sender=BOT, encrypted=True, device_id="D")
    # nio escapes "é" as \u00e9 (6 bytes) before encrypting, and base64 adds a third.
    wire = encrypted - envelope_size(ROOM, BOT, "m.room.encrypted")
    assert wire >= 4 * canonical_size(content)
    assert plain == canonical_size(content) + envelope_size(ROOM, BOT, "m.room.message")
