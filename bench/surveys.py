"""A survey round to N agents: wall time, homeserver request rate, 429s, failures, duplicates.

Runs a real Synapse on loopback with the bot's message rate limit overridden (as an operator
would for a bot account: --limit messages/s, --burst), registers N agents with the
shared-secret API, and has the bot create one DM per agent (plain rooms unless --encrypted;
each agent joins with its own token). The bot runs in-process (BotApp, the real nio path); the
round is `!survey send`'s code path. Requests are counted at nio's level (room sends, plus the
429 answers nio waited on); duplicates are checked in Synapse's own database.

    SYNAPSE_PYTHON=.venv-synapse/bin/python .venv/bin/python bench/surveys.py \
        --agents 2000 --rate 8 --limit 10 --burst 20 [--encrypted] [--json out.json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sqlite3
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.app import BotApp, Config  # noqa: E402
from devtools.synapse import RegisteredUser, SynapseServer, start_synapse  # noqa: E402
from handlers.surveys.router import Surveys  # noqa: E402
from storage.db import Database  # noqa: E402
from storage.users import RoomRepository  # noqa: E402

SURVEY = """
id = "bench"
title = "Votre avis sur l'Assistant IA"
intro = "Trois questions, une minute."
version = 1
[[questions]]
id = "satisfaction"
kind = "scale"
text = "Êtes-vous satisfait(e) de l'assistant ?"
min = 1
max = 5
[[questions]]
id = "commentaire"
kind = "text"
text = "Un commentaire ?"
optional = true
"""


class Count429(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        if "429" in record.getMessage():
            self.count += 1


def create_dm(
    synapse: SynapseServer, bot: RegisteredUser, agent: RegisteredUser, encrypted: bool
) -> str:
    body: dict[str, Any] = {"preset": "trusted_private_chat", "is_direct": True}
    body["invite"] = [agent.user_id]
    if encrypted:
        body["initial_state"] = [
            {
                "type": "m.room.encryption",
                "state_key": "",
                "content": {"algorithm": "m.megolm.v1.aes-sha2"},
            }
        ]
    room_id = str(
        synapse.request(
            "POST", "/_matrix/client/v3/createRoom", body, access_token=bot.access_token
        )["room_id"]
    )
    synapse.request(
        "POST", f"/_matrix/client/v3/join/{room_id}", {}, access_token=agent.access_token
    )
    return room_id


async def run(args: argparse.Namespace) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="bench-surveys-"))
    synapse = start_synapse(work / "synapse")
    try:
        return await _run(args, work, synapse)
    finally:
        synapse.stop()


async def _run(args: argparse.Namespace, work: Path, synapse: SynapseServer) -> dict[str, Any]:
    n = args.agents
    setup_started = time.perf_counter()
    bot_user = synapse.register("assistant-bench")
    with ThreadPoolExecutor(args.threads) as pool:
        agents = list(pool.map(lambda i: synapse.register(f"agent-{i:05d}"), range(n)))
        registered = time.perf_counter()
        rooms = list(pool.map(lambda a: create_dm(synapse, bot_user, a, args.encrypted), agents))
    rooms_done = time.perf_counter()
    print(
        f"setup: {n} agents registered in {registered - setup_started:.0f} s, "
        f"{n} DMs in {rooms_done - registered:.0f} s",
        flush=True,
    )
    synapse.set_ratelimit(bot_user.user_id, args.limit, args.burst)

    surveys = work / "surveys"
    surveys.mkdir()
    (surveys / "bench.toml").write_text(SURVEY, encoding="utf-8")
    config = Config.model_validate(
        {
            "matrix": {
                "homeserver": synapse.base_url,
                "user_id": bot_user.user_id,
                "password": bot_user.password,
                "store_dir": str(work / "matrix"),
                "sync_timeout_ms": 5000,
            },
            "llm": {"base_url": "http://127.0.0.1:9/v1", "api_key": "unused"},
            "storage": {"database": str(work / "assistant.sqlite3")},
            "surveys": {
                "dir": str(surveys),
                "send_rate": args.rate,
                "active_days": 0,
                "progress_every": 500,
            },
        }
    )
    db = Database(config.storage.database)
    await db.open()
    repo = RoomRepository(db)
    for agent, room in zip(agents, rooms, strict=True):
        await repo.upsert(room, "dm", agent.user_id)
    await db.close()

    counter = Count429()
    logging.getLogger("nio").addHandler(counter)
    logging.getLogger("bot.matrix").addHandler(counter)  # sends leave nio's retry loop
    app = BotApp(config)
    await app.start()
    try:
        assert app.matrix is not None and app.services is not None
        await app.matrix.wait_synced(timeout=600)
        client = app.matrix
        sends = 0
        original = client.send

        async def counted(*a: Any, **k: Any) -> Any:
            nonlocal sends
            sends += 1
            return await original(*a, **k)

        client.send = counted  # type: ignore[method-assign]
        rounds = app.services.part(Surveys).rounds
        started = time.perf_counter()
        await rounds.start_round("bench", origin="command")
        await rounds.drained()
        elapsed = time.perf_counter() - started
        counts = await app.services.part(Surveys).repo.round_counts(1)
    finally:
        await app.stop()
    homeserver = sqlite3.connect(synapse.workdir / "homeserver.db")
    try:
        per_room = dict(
            homeserver.execute(
                "SELECT room_id, COUNT(*) FROM events WHERE sender = ? AND type IN "
                "('m.room.message', 'm.room.encrypted') GROUP BY room_id",
                (bot_user.user_id,),
            ).fetchall()
        )
    finally:
        homeserver.close()
    duplicates = sum(1 for room in rooms if per_room.get(room, 0) > 1)
    missing = sum(1 for room in rooms if per_room.get(room, 0) == 0)
    requests = sends + counter.count
    return {
        "agents": n,
        "encrypted": args.encrypted,
        "send_rate": args.rate,
        "ratelimit_per_second": args.limit,
        "ratelimit_burst": args.burst,
        "round_seconds": round(elapsed, 1),
        "first_messages_sent": counts.get("sent", 0),
        "failed": counts.get("failed", 0),
        "room_send_requests": requests,
        "requests_per_second": round(requests / elapsed, 2),
        "http_429": counter.count,
        "rooms_with_duplicates": duplicates,
        "rooms_without_message": missing,
        "setup_seconds": round(rooms_done - setup_started, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--agents", type=int, default=2000)
    parser.add_argument("--rate", type=float, default=8.0, help="[surveys] send_rate")
    parser.add_argument("--limit", type=int, default=10, help="bot's messages/s on Synapse")
    parser.add_argument("--burst", type=int, default=20)
    parser.add_argument("--threads", type=int, default=6, help="setup requests in parallel")
    parser.add_argument("--encrypted", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    result = asyncio.run(run(args))
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
