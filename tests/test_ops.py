"""Operations: health and metrics, JSON logs without content, alerts, interrupted answers."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import secrets
import signal
import socket
import sys
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot import texts
from bot.app import Config
from bot.context import Services
from bot.llm import LLMClient
from bot.logs import NOISY_LOGGERS, make_handler, quiet_noisy_loggers
from bot.metrics import Metrics, request_kind
from bot.ops import Alerts, LLMCheck, OpsServer
from devtools.fake_llm import FakeLLM, Reply
from devtools.synapse import SynapseServer
from storage.db import Database
from tests.conftest import MakeAgent, MakeBot
from tests.fakes import FakeMatrix
from tests.test_integration import ask, bot_messages, open_dm


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def metric(text: str, name: str) -> float:
    """The value of one sample line (`name` with its labels) in Prometheus text format."""
    for line in text.splitlines():
        if line.startswith(name + " "):
            return float(line.split()[-1])
    raise AssertionError(f"{name} not in /metrics")


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def services(tmp_path: Path) -> AsyncIterator[Services]:
    """Services with a fake Matrix port and a model server that is down (nothing listens)."""
    config = Config.model_validate(
        {
            "matrix": {"user_id": "@assistant:test", "password": "x"},
            "llm": {"base_url": f"http://127.0.0.1:{free_port()}/v1", "timeout": 2},
            "ops": {
                "alert_llm_down_minutes": 5,
                "alert_decryption_failures": 3,
                "alert_min_interval_minutes": 60,
                "llm_check_ttl": 0,
            },
        }
    ).resolve_paths(tmp_path)
    db = Database(tmp_path / "db.sqlite3")
    await db.open()
    llm = LLMClient(config.llm)
    clock = Clock()
    services = Services(
        config,
        db,
        FakeMatrix(),
        llm,
        lambda: datetime(2026, 12, 1, 10, tzinfo=UTC),
        metrics=Metrics(clock=clock),
    )
    services.support_room_id = "!support"
    yield services
    await llm.close()
    await db.close()


def test_request_kinds_never_carry_ids() -> None:
    assert request_kind("/_matrix/client/v3/sync?since=s1") == "sync"
    assert request_kind("/_matrix/client/v3/rooms/!a:b/send/m.room.message/t1") == "send"
    assert request_kind("/_matrix/client/v3/keys/query") == "keys"
    assert request_kind("/_matrix/client/v3/profile/@a:b") == "other"


async def test_readyz_fails_while_the_model_is_down_and_alerts_are_rate_limited(
    services: Services,
) -> None:
    clock = services.metrics.clock
    assert isinstance(clock, Clock)
    check = LLMCheck(services, clock=clock)
    server = OpsServer(
        services, last_sync_at=lambda: 100.0, loop_time=lambda: 110.0, llm_check=check
    )
    async with TestClient(TestServer(server.app())) as client:
        health = await client.get("/healthz")
        assert health.status == 200
        ready = await client.get("/readyz")
        body = await ready.json()
        assert ready.status == 503
        assert body["checks"]["sync"] == {"ok": True, "age_seconds": 10.0}
        assert body["checks"]["database"]["ok"] is True
        assert body["checks"]["llm"] == {"ok": False, "detail": "connection"}

    alerts = Alerts(services, check, clock=clock)
    matrix = services.matrix
    assert isinstance(matrix, FakeMatrix)
    await alerts.check()
    assert matrix.sent == []  # down, but not for 5 minutes yet
    clock.now += 5 * 60
    await alerts.check()
    clock.now += 60
    await alerts.check()  # still down: not posted again within the hour
    assert [s.room_id for s in matrix.sent] == ["!support"]
    assert "5 min" in matrix.sent[0].body and "connection" in matrix.sent[0].body
    assert matrix.sent[0].notice
    clock.now += 60 * 60
    await alerts.check()
    assert len(matrix.sent) == 2

    for _ in range(3):
        services.metrics.undecryptable_event()
    await alerts.check()
    assert alerts.sent == ["llm_down", "llm_down", "decryption"]
    assert "3 messages indéchiffrables" in matrix.sent[-1].body


async def test_ops_endpoints_metrics_and_json_logs_without_content(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    stream = io.StringIO()
    handler = make_handler(json_logs=True, stream=stream)
    handler.setLevel(logging.INFO)
    root = logging.getLogger()
    levels = {name: logging.getLogger(name).level for name in NOISY_LOGGERS}
    root.addHandler(handler)
    quiet_noisy_loggers()  # as `assistant-ia run` does
    try:
        port = free_port()
        bot = await make_bot(ops={"http_port": port})
        agent = await make_agent("agent")
        room = await open_dm(agent, bot)
        question = "Question confidentielle sur le dossier Zorglub-4471"
        answer = "Réponse confidentielle Kriptonix-9932 pour vous."
        fake_llm.enqueue(Reply(text=answer))
        await ask(agent, room, question, answer)
        assert bot.app is not None and bot.app.dispatcher is not None
        await bot.app.dispatcher.drained()
        base = f"http://127.0.0.1:{port}"
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as http:
            async with http.get(base + "/healthz") as response:
                assert response.status == 200
            async with http.get(base + "/readyz") as response:
                ready = await response.json()
                assert response.status == 200, ready
            async with http.get(base + "/metrics") as response:
                assert response.status == 200
                assert response.content_type == "text/plain"
                text = await response.text()
    finally:
        root.removeHandler(handler)
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)

    assert metric(text, "assistant_answers_total") == 1
    assert metric(text, 'assistant_messages_handled_total{kind="greeting"}') == 1
    assert metric(text, 'assistant_messages_handled_total{kind="message"}') == 1
    assert metric(text, "assistant_llm_time_to_first_token_seconds_count") == 1
    assert metric(text, 'assistant_llm_tokens_total{direction="out"}') > 0
    assert metric(text, 'assistant_homeserver_requests_total{kind="send",status="2xx"}') >= 2
    assert metric(text, 'assistant_homeserver_requests_total{kind="sync",status="2xx"}') >= 1
    assert metric(text, "assistant_inbox_pending") == 0
    assert metric(text, "assistant_active_users") == 1
    assert metric(text, "assistant_database_bytes") > 0
    assert metric(text, "assistant_sync_age_seconds") < 60

    logged = stream.getvalue()
    lines = [json.loads(line) for line in logged.splitlines()]
    assert lines, "nothing was logged"
    for secret in ("Zorglub", "Kriptonix", "confidentielle"):
        assert secret not in logged
    handled = [line for line in lines if line["msg"].startswith("handled event")]
    assert len(handled) == 2  # the greeting and the question
    for line in handled:
        assert line["room_id"] == room and line["outcome"] == "ok"
        assert line["user_id"] == agent.user_id and line["event_id"]
        assert isinstance(line["duration_ms"], int)


async def test_an_answer_cut_by_shutdown_says_so_then_resumes_in_place(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    bot = await make_bot()
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    fake_llm.enqueue(Reply(text="Une réponse lente " * 40, tokens_per_second=20))
    after = len(agent.messages(room))
    await agent.send_text(room, "Question longue")
    first = await agent.wait_for_message(
        room, sender=bot.user_id, after=after, predicate=lambda m: "lente" in m.body
    )
    assert bot.app is not None
    bot.app.shutdown_grace = 0.2  # the answer cannot finish in time
    await bot.stop()
    cut = await agent.wait_for_message(
        room, predicate=lambda m: m.event_id == first.event_id and texts.INTERRUPTED in m.body
    )
    assert "Une réponse lente" in cut.body  # what was shown stays, with the notice after it
    fake_llm.enqueue(Reply(text="Réponse complète après reprise."))
    await bot.start()
    done = await agent.wait_for_text(room, "Réponse complète après reprise.")
    assert done.event_id == first.event_id  # finished in the same message
    answers = bot_messages(agent, room, bot)[1:]  # after the greeting
    assert [m.body for m in answers] == ["Réponse complète après reprise."]
    assert len(fake_llm.chat_requests()) == 2  # cut once, answered once


async def _run_bot_process(config: Path) -> asyncio.subprocess.Process:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", "--config", str(config),
        stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    assert process.stderr is not None
    while b"bot started" not in (line := await asyncio.wait_for(process.stderr.readline(), 30)):
        assert line, "the bot exited before starting"
    return process


async def test_sigterm_mid_answer_checkpoints_it_and_the_next_start_finishes_it_once(
    synapse: SynapseServer, make_agent: MakeAgent, fake_llm: FakeLLM, tmp_path: Path
) -> None:
    user = await asyncio.to_thread(synapse.register, f"assistant-{secrets.token_hex(4)}")
    config = tmp_path / "config.toml"
    config.write_text(
        f'[matrix]\nhomeserver = "{synapse.base_url}"\nuser_id = "{user.user_id}"\n'
        f'password = "{user.password}"\nstore_dir = "matrix"\nsync_timeout_ms = 2000\n'
        f'[llm]\nbase_url = "{fake_llm.base_url}"\nedit_interval = 0.3\n'
        '[storage]\ndatabase = "db.sqlite3"\n[ops]\nhttp_port = 0\nshutdown_grace = 0.5\n'
        '[privacy]\nner = "off"\n'  # spaCy loads in seconds: not what this test is about
        f'[access]\nauto_approve_homeservers = ["{synapse.server_name}"]\nterms_version = ""\n',
        encoding="utf-8",
    )
    process = await _run_bot_process(config)
    agent = await make_agent("agent")
    room = await agent.create_dm(user.user_id)
    await agent.wait_member(room, user.user_id)
    await agent.wait_for_text(room, "Assistant IA")
    fake_llm.enqueue(Reply(text="Une réponse lente " * 40, tokens_per_second=20))
    after = len(agent.messages(room))
    await agent.send_text(room, "Question longue")
    first = await agent.wait_for_message(
        room, sender=user.user_id, after=after, predicate=lambda m: "lente" in m.body
    )
    process.send_signal(signal.SIGTERM)
    assert await asyncio.wait_for(process.wait(), 15) == 0
    # The database was closed cleanly: SQLite removes the WAL file on the last clean close.
    assert (tmp_path / "db.sqlite3").exists()
    assert not (tmp_path / "db.sqlite3-wal").exists()
    await agent.wait_for_message(
        room, predicate=lambda m: m.event_id == first.event_id and texts.INTERRUPTED in m.body
    )
    fake_llm.enqueue(Reply(text="Réponse finie après le redémarrage."))
    process = await _run_bot_process(config)
    try:
        done = await agent.wait_for_text(room, "Réponse finie après le redémarrage.")
    finally:
        process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(process.wait(), 15)
    assert done.event_id == first.event_id
    answers = [m for m in agent.messages(room) if m.sender == user.user_id][1:]
    assert [m.body for m in answers] == ["Réponse finie après le redémarrage."]
    assert len(fake_llm.chat_requests()) == 2
