"""The answer's own requests (send, edit, typing, receipt) and nio's store as the bot opens it:
nio's rules kept (bounded 429 waits, errors as exceptions, counting, never plaintext to an
encrypted room), hostile answers handled, the store's pragmas and its cached account."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nio import MatrixRoom
from pydantic import SecretStr

from bot import matrix
from bot.config import MatrixConfig
from bot.events import AccountUnusable, EventTooLarge, MatrixError
from bot.keybackup import MAX_PER_ROUND
from bot.matrix import MatrixClient

ROOM = "!room/with?odd:localhost"
Handler = Callable[[web.Request], web.StreamResponse]


class Homeserver:
    """A fake homeserver: each request is recorded and answered by `answer`."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str, Any]] = []
        self.answers: list[web.StreamResponse] = []
        self.base_url = ""

    async def handle(self, request: web.Request) -> web.StreamResponse:
        body = await request.read()
        self.requests.append((request.method, request.raw_path, json.loads(body or b"null")))
        assert request.headers["Authorization"] == "Bearer token"
        if self.answers:
            return self.answers.pop(0)
        return web.json_response({"event_id": "$sent"})


@pytest.fixture
async def homeserver() -> AsyncIterator[Homeserver]:
    server = Homeserver()
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", server.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    server.base_url = f"http://127.0.0.1:{runner.addresses[0][1]}"
    try:
        yield server
    finally:
        await runner.cleanup()


def _client(tmp_path: Path, base_url: str, *, encrypted: bool = False) -> MatrixClient:
    config = MatrixConfig(
        homeserver=base_url,
        user_id="@bot:localhost",
        password=SecretStr("x"),
        store_dir=tmp_path / "store",
        request_timeout=5,
    )
    client = MatrixClient(config)
    client._restore("DEVICE", "token")
    room = MatrixRoom(ROOM, client.user_id, encrypted)
    client._client.rooms[ROOM] = room
    client._encryption_known.add(ROOM)
    return client


def _sent(client: MatrixClient, kind: str) -> float:
    return sum(
        sample.value
        for metric in client.metrics.homeserver_requests.collect()
        for sample in metric.samples
        if sample.name.endswith("_total") and sample.labels.get("kind") == kind
    )


async def test_a_send_an_edit_a_receipt_and_a_typing_notice_as_nio_sent_them(
    tmp_path: Path, homeserver: Homeserver
) -> None:
    client = _client(tmp_path, homeserver.base_url)
    try:
        assert await client.send_text(ROOM, "Bonjour", txn_id="answer.1/0") == "$sent"
        assert await client.edit(ROOM, "$sent", "Bonjour !") == "$sent"
        await client.send_receipt(ROOM, "$q/1", None)
        await client.set_typing(ROOM, True, 4000)
        await client.set_typing(ROOM, False)
    finally:
        await client.close()
    # As nio's requests go out too: aiohttp (yarl) unquotes what needs no quoting in a path.
    quoted = "!room%2Fwith%3Fodd:localhost"
    (m1, p1, b1), (_, p2, b2), (m3, p3, b3), (m4, p4, b4), (_, _, b5) = homeserver.requests
    assert (m1, p1) == (
        "PUT",
        f"/_matrix/client/v3/rooms/{quoted}/send/m.room.message/answer.1%2F0",
    )
    assert b1 == {"msgtype": "m.text", "body": "Bonjour", "m.mentions": {}}
    assert p2.startswith(f"/_matrix/client/v3/rooms/{quoted}/send/m.room.message/")
    assert b2["m.relates_to"] == {"rel_type": "m.replace", "event_id": "$sent"}
    assert (m3, p3, b3) == (
        "POST",
        f"/_matrix/client/v3/rooms/{quoted}/receipt/m.read/$q%2F1",
        {"thread_id": "main"},
    )
    assert (m4, p4) == ("PUT", f"/_matrix/client/v3/rooms/{quoted}/typing/@bot:localhost")
    assert (b4, b5) == ({"typing": True, "timeout": 4000}, {"typing": False})
    assert (_sent(client, "send"), _sent(client, "typing"), _sent(client, "other")) == (2, 2, 1)


async def test_rate_limits_are_waited_out_bounded_then_reach_the_caller(
    tmp_path: Path, homeserver: Homeserver, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(matrix, "MAX_RETRY_AFTER", 0.01)
    limited = {"errcode": "M_LIMIT_EXCEEDED", "retry_after_ms": 86_400_000}
    client = _client(tmp_path, homeserver.base_url)
    try:
        homeserver.answers = [web.json_response(limited, status=429) for _ in range(2)]
        assert await client.send_text(ROOM, "Bonjour") == "$sent"  # after two bounded waits
        homeserver.answers = [
            web.json_response(limited, status=429) for _ in range(matrix.MAX_LIMIT_EXCEEDED + 1)
        ]
        with pytest.raises(MatrixError) as caught:
            await client.send_text(ROOM, "Bonjour")
    finally:
        await client.close()
    assert (caught.value.errcode, caught.value.status) == ("M_LIMIT_EXCEEDED", 429)
    assert len(homeserver.requests) == 3 + matrix.MAX_LIMIT_EXCEEDED + 1
    assert _sent(client, "send") == len(homeserver.requests)  # 429s counted too


async def test_error_answers_become_the_bots_exceptions(
    tmp_path: Path, homeserver: Homeserver
) -> None:
    client = _client(tmp_path, homeserver.base_url)
    try:
        homeserver.answers = [web.json_response({"errcode": "M_TOO_LARGE"}, status=413)]
        with pytest.raises(EventTooLarge) as too_large:
            await client.send_text(ROOM, "Bonjour")
        homeserver.answers = [web.json_response({"errcode": "M_UNKNOWN_TOKEN"}, status=401)]
        with pytest.raises(AccountUnusable):
            await client.send_text(ROOM, "Bonjour")
        homeserver.answers = [web.Response(text="<html>bad gateway</html>", status=502)]
        with pytest.raises(MatrixError) as gateway:
            await client.send_text(ROOM, "Bonjour")
        # A courtesy: neither raises.
        homeserver.answers = [web.json_response({"errcode": "M_FORBIDDEN"}, status=403)] * 2
        await client.send_receipt(ROOM, "$q", None)
        await client.set_typing(ROOM, True)
    finally:
        await client.close()
    assert too_large.value.status == 413 and too_large.value.size > 0
    assert (gateway.value.errcode, gateway.value.status) == (None, 502)


async def test_never_in_the_clear_to_an_encrypted_room(
    tmp_path: Path, homeserver: Homeserver
) -> None:
    client = _client(tmp_path, homeserver.base_url, encrypted=True)
    try:
        client._client.olm = None  # encryption not loaded: nio would send in the clear
        with pytest.raises(matrix.EncryptionUnknown):
            await client.send_text(ROOM, "Bonjour")
    finally:
        await client.close()
    assert homeserver.requests == []


async def test_an_unreachable_homeserver_fails_fast_when_asked(tmp_path: Path) -> None:
    client = _client(tmp_path, "http://127.0.0.1:9")  # discard port: connection refused
    client.stopping()
    try:
        with pytest.raises(matrix.HomeserverUnreachable):
            await client.send_text(ROOM, "Bonjour")
    finally:
        await client.close()


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    body=st.one_of(
        st.binary(max_size=2000),
        st.sampled_from([b"", b"null", b"[]", b'{"event_id": 5}', b'{"errcode": []}']),
        st.integers(min_value=60_000, max_value=200_000).map(
            lambda n: b'{"event_id": "$' + b"x" * n + b'"}'
        ),
    ),
    status=st.sampled_from([200, 400, 404, 500]),
)
async def test_any_answer_gives_an_event_id_or_a_matrix_error(
    tmp_path: Path, homeserver: Homeserver, body: bytes, status: int
) -> None:
    homeserver.answers = [web.Response(body=body, status=status)]
    client = _client(tmp_path, homeserver.base_url)
    try:
        try:
            event_id = await client.send_text(ROOM, "Bonjour")
        except MatrixError:
            return
    finally:
        await client.close()
    assert status == 200 and isinstance(event_id, str)
    assert len(event_id) <= matrix.MAX_LEAN_RESPONSE  # a huge answer is not taken


def test_the_store_is_in_wal_mode_and_remembers_its_account(tmp_path: Path) -> None:
    client = _client(tmp_path, "http://127.0.0.1:9")
    store = client._client.store
    assert isinstance(store, matrix._BotStore)
    first = store._get_account()
    assert first is not None and store._get_account() is first  # no SELECT each time
    store.save_account(client._client.olm.account)
    again = store._get_account()
    assert again is not first and again.id == first.id  # read again after a save
    store.save_encrypted_rooms({ROOM})
    assert store.load_encrypted_rooms() == {ROOM}
    path = store.database_path
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


class _Backup:
    def __init__(self) -> None:
        self.scans = 0
        self.uploaded = 0

    async def upload_new(self, sessions: Any) -> int:
        self.scans += 1
        return self.uploaded


async def test_the_key_backup_looks_for_new_keys_only_when_some_may_have_come(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(matrix, "KEY_SCAN_EVERY", 5)
    client = _client(tmp_path, "http://127.0.0.1:9")
    backup = _Backup()
    client.key_backup = backup  # type: ignore[assignment]
    try:
        await client._back_up_room_keys()  # the first sync: whatever the store holds
        for _ in range(3):
            await client._back_up_room_keys()
        assert backup.scans == 1
        await client._on_room_key(object())  # a room key arrived in this sync
        await client._back_up_room_keys()
        assert backup.scans == 2
        backup.uploaded = MAX_PER_ROUND  # a full round: more may wait
        client._keys_changed = True
        await client._back_up_room_keys()
        await client._back_up_room_keys()
        assert backup.scans == 4
        backup.uploaded = 0
        for _ in range(4):
            await client._back_up_room_keys()
        assert backup.scans == 5  # and every KEY_SCAN_EVERY syncs anyway
    finally:
        await client.close()
