"""Cross-signing and key backup primitives: canonical JSON (the spec's examples), ed25519
signatures checked by independent code (pycryptodome, not the product's PyNaCl), the recovery
key (the reference vector other SDKs test), and the backup encryption checked step by step
against the spec's scheme with independent code."""

from __future__ import annotations

import base64
import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from Crypto.Cipher import AES
from Crypto.Hash import HMAC, SHA256
from Crypto.Protocol.DH import import_x25519_private_key, import_x25519_public_key, key_agreement
from Crypto.Protocol.KDF import HKDF
from Crypto.Signature import eddsa
from Crypto.Util.Padding import unpad
from hypothesis import given
from hypothesis import strategies as st

from bot.crosssign import (
    CrossSigningKeys,
    SigningKey,
    canonical_json,
    load_keys,
    save_keys,
    signable,
    verify_signature,
)
from bot.keybackup import (
    decode_recovery_key,
    decrypt_session,
    encode_recovery_key,
    encrypt_session,
    new_private_key,
    public_key_of,
)

USER = "@assistant:test"


def b64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4))


def independent_verify(obj: dict[str, Any], user_id: str, public: str) -> bool:
    """An ed25519 check over canonical JSON written for the test: json.dumps by hand."""
    signature = obj["signatures"][user_id][f"ed25519:{public}"]
    stripped = {k: v for k, v in obj.items() if k not in ("signatures", "unsigned")}
    message = json.dumps(
        stripped, ensure_ascii=False, separators=(",", ":"), sort_keys=True
    ).encode()
    key = eddsa.import_public_key(b64(public))
    try:
        eddsa.new(key, "rfc8032").verify(message, b64(signature))
    except ValueError:
        return False
    return True


# Canonical JSON: the examples of the spec's appendix "Canonical JSON".
SPEC_EXAMPLES = [
    ("{}", "{}"),
    ('{"one": 1, "two": "Two"}', '{"one":1,"two":"Two"}'),
    ('{"b": "2", "a": "1"}', '{"a":"1","b":"2"}'),
    ('{"b":"2","a":"1"}', '{"a":"1","b":"2"}'),
    (
        '{"auth": {"success": true, "mxid": "@john.doe:example.com", "profile": {'
        '"display_name": "John Doe", "three_pids": [{"medium": "email", "address": '
        '"john.doe@example.org"}, {"medium": "msisdn", "address": "123456789"}]}}}',
        '{"auth":{"mxid":"@john.doe:example.com","profile":{"display_name":"John Doe",'
        '"three_pids":[{"address":"john.doe@example.org","medium":"email"},{"address":'
        '"123456789","medium":"msisdn"}]},"success":true}}',
    ),
    ('{"a": "日本語"}', '{"a":"日本語"}'),
    ('{"本": 2, "日": 1}', '{"日":1,"本":2}'),
    ('{"a": "\\u65E5"}', '{"a":"日"}'),
    ('{"a": null}', '{"a":null}'),
    ('{"a": -0, "b": 1e10}', '{"a":0,"b":10000000000}'),
]


@pytest.mark.parametrize(("given_json", "expected"), SPEC_EXAMPLES)
def test_canonical_json_spec_examples(given_json: str, expected: str) -> None:
    assert canonical_json(json.loads(given_json)) == expected.encode("utf-8")


@pytest.mark.parametrize("value", [1.5, float("nan"), 2**53, -(2**53), {"a": 0.1}])
def test_canonical_json_refuses_what_has_no_canonical_form(value: Any) -> None:
    with pytest.raises(ValueError):
        canonical_json(value)


def test_signable_leaves_out_signatures_and_unsigned() -> None:
    obj = {"b": 1, "a": 2, "signatures": {"x": {}}, "unsigned": {"age": 3}}
    assert signable(obj) == b'{"a":2,"b":1}'


def test_signature_checked_by_independent_code() -> None:
    key = SigningKey()
    obj: dict[str, Any] = {"user_id": USER, "keys": {"a": "b"}, "unsigned": {"x": 1}}
    key.sign(obj, USER)
    assert independent_verify(obj, USER, key.public)
    assert verify_signature(obj, USER, key.key_id, key.public)
    obj["keys"]["a"] = "c"
    assert not independent_verify(obj, USER, key.public)
    assert not verify_signature(obj, USER, key.key_id, key.public)


def test_upload_body_master_signs_the_two_others() -> None:
    keys = CrossSigningKeys.generate(USER)
    body = keys.upload_body()
    master = body["master_key"]
    assert master["usage"] == ["master"] and master["user_id"] == USER
    assert master["keys"] == {keys.master.key_id: keys.master.public}
    for name, usage in (
        ("self_signing_key", "self_signing"),
        ("user_signing_key", "user_signing"),
    ):
        assert body[name]["usage"] == [usage]
        assert independent_verify(body[name], USER, keys.master.public)
    assert len({keys.master.public, keys.self_signing.public, keys.user_signing.public}) == 3


def test_keys_file_is_private_and_reloads(tmp_path: Path) -> None:
    keys = CrossSigningKeys.generate(USER)
    save_keys(tmp_path, keys)
    mode = stat.S_IMODE(os.stat(tmp_path / "cross_signing.json").st_mode)
    assert mode == 0o600
    again = load_keys(tmp_path, USER)
    assert again is not None and again.master.public == keys.master.public
    assert again.self_signing.public == keys.self_signing.public
    assert load_keys(tmp_path, "@other:test") is None


# Recovery key: the vector matrix-rust-sdk, matrix-js-sdk and matrix-ios-sdk test against.
VECTOR_KEY = bytes.fromhex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a")
VECTOR_TEXT = "EsTc LW2K PGiF wKEA 3As5 g5c4 BXwk qeeJ ZJV8 Q9fu gUMN UE4d"


def test_recovery_key_reference_vector() -> None:
    assert encode_recovery_key(VECTOR_KEY) == VECTOR_TEXT
    assert decode_recovery_key(VECTOR_TEXT) == VECTOR_KEY
    assert decode_recovery_key(VECTOR_TEXT.replace(" ", "")) == VECTOR_KEY
    assert decode_recovery_key(" EsTc LW2K PGiF wKEA 3As5 g5c4\r\nBXwk qeeJ ZJV8 Q9fu gUMN UE4d ")
    # That key is RFC 7748's, whose public key matrix-js-sdk's backup test uses.
    assert public_key_of(VECTOR_KEY) == "hSDwCYkwp1R0i33ctD73Wg2/Og0mOBr066SpjqqbTmo"


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (VECTOR_TEXT[:-1] + "e", "parity"),
        ("FsTc" + VECTOR_TEXT[4:], "prefix"),
        ("EsTc LW2K", "length"),
        (VECTOR_TEXT.replace("E", "0", 1), "base58"),
        ("", "characters"),
    ],
)
def test_recovery_key_refuses_typos(text: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        decode_recovery_key(text)


@given(st.binary(min_size=32, max_size=32))
def test_recovery_key_round_trip(key: bytes) -> None:
    text = encode_recovery_key(key)
    assert all(len(group) == 4 for group in text.split(" ")[:-1])
    assert decode_recovery_key(text) == key


# Backup encryption ------------------------------------------------------------------------


def independent_decrypt(private: bytes, data: dict[str, str]) -> tuple[bytes, bytes, bytes]:
    """The spec's m.megolm_backup.v1.curve25519-aes-sha2 steps, by hand: ECDH, HKDF-SHA-256
    (32 zero bytes of salt, empty info, 80 bytes), AES-256-CBC with PKCS#7. Returns the
    plaintext, the MAC sent, and the MAC libolm computes (over an empty message)."""
    shared = key_agreement(
        static_priv=import_x25519_private_key(private),
        eph_pub=import_x25519_public_key(b64(data["ephemeral"])),
        kdf=lambda secret: secret,
    )
    keys = HKDF(shared, 80, b"\0" * 32, SHA256, context=b"")
    assert isinstance(keys, bytes)
    aes_key, mac_key, iv = keys[:32], keys[32:64], keys[64:]
    plain = unpad(AES.new(aes_key, AES.MODE_CBC, iv).decrypt(b64(data["ciphertext"])), 16)
    libolm_mac = HMAC.new(mac_key, b"", SHA256).digest()[:8]
    return plain, b64(data["mac"]), libolm_mac


SESSION = {
    "algorithm": "m.megolm.v1.aes-sha2",
    "forwarding_curve25519_key_chain": [],
    "sender_key": "RF3s+E7RkTQTGF2d8Deol0FkQvgII2aJDf3/Jp5mxVU",
    "sender_claimed_keys": {"ed25519": "Ed25519keyOfTheSender"},
    "session_key": "AQAAAAAclzWVMeWBKH+B/WMowa3rb4ma3jEl6n5W4GCs9ue65CruzD3ihX+85pZ9hsV9",
}


def test_backup_encryption_follows_the_scheme() -> None:
    private = new_private_key()
    data = encrypt_session(public_key_of(private), SESSION)
    assert set(data) == {"ephemeral", "ciphertext", "mac"}
    assert not any(value.endswith("=") for value in data.values())  # unpadded base64
    plain, mac, libolm_mac = independent_decrypt(private, data)
    assert json.loads(plain) == SESSION
    # What Element and matrix-rust-sdk check: 8 bytes, HMAC of an empty message (libolm).
    assert len(mac) == 8 and mac == libolm_mac


def test_backup_round_trip_and_wrong_key() -> None:
    private = new_private_key()
    data = encrypt_session(public_key_of(private), SESSION)
    assert decrypt_session(private, data) == SESSION
    with pytest.raises(ValueError):
        decrypt_session(new_private_key(), data)
    with pytest.raises(ValueError):
        decrypt_session(private, {"ephemeral": data["ephemeral"]})


@given(st.text(max_size=300))
def test_recovery_key_reader_takes_any_text(text: str) -> None:
    """Whatever an operator pastes: the key's 32 bytes or a ValueError, nothing else."""
    try:
        key = decode_recovery_key(text)
    except ValueError:
        return
    assert len(key) == 32
