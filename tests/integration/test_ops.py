"""Operations end to end: health and metrics, JSON logs without content, interrupted answers,
the bot process stopped by SIGTERM (a real Synapse, the fake model)."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import secrets
import signal
import sys
from pathlib import Path

import aiohttp

from bot import texts
from bot.logs import NOISY_LOGGERS, make_handler, quiet_noisy_loggers
from devtools.fake_llm import FakeLLM, Reply
from devtools.synapse import SynapseServer
from tests.conftest import MakeAgent, MakeBot
from tests.integration.test_bot import ask, bot_messages, open_dm
from tests.unit.test_ops import free_port


def metric(text: str, name: str) -> float:
    """The value of one sample line (`name` with its labels) in Prometheus text format."""
    for line in text.splitlines():
        if line.startswith(name + " "):
            return float(line.split()[-1])
    raise AssertionError(f"{name} not in /metrics")


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
        # The listener starts a moment after the first sync (bot/app.py, OPS_DELAY).
        await asyncio.wait_for(bot.app.ops_tried.wait(), 30)
        assert bot.app.ops is not None
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
    # The final edit, not a streaming one that already holds the words (then " …").
    done = await agent.wait_for_message(
        room, predicate=lambda m: m.body == "Réponse complète après reprise."
    )
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
