"""A minimal matrix-nio echo bot, with encryption: the floor for Matrix round trips (load.py).

It joins every invite and answers each text message with one notice repeating it, nothing else
(no database, no model, no edits). It counts its homeserver requests and writes them to the
JSON file given with --stats on SIGUSR1 (a snapshot) and on SIGTERM.

    .venv/bin/python bench/echo_bot.py --homeserver URL --user @echo:localhost --password P \
        --store DIR [--stats stats.json]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import signal
import time
from pathlib import Path
from typing import Any

from nio import (
    AsyncClient,
    AsyncClientConfig,
    InviteMemberEvent,
    MatrixRoom,
    RoomMessageText,
    SyncResponse,
)


async def run(args: argparse.Namespace, store: Path) -> None:
    client = AsyncClient(
        args.homeserver,
        args.user,
        store_path=str(store),
        config=AsyncClientConfig(encryption_enabled=True, store_sync_tokens=True),
    )
    requests = {"total": 0}
    send = client.send

    async def counted(method: str, path: str, *a: Any, **kw: Any) -> Any:
        requests["total"] += 1
        return await send(method, path, *a, **kw)

    client.send = counted  # type: ignore[method-assign]
    await client.login(args.password, device_name="echo-bot")
    if client.should_upload_keys:
        await client.keys_upload()
    started = asyncio.get_running_loop().time()
    joined: set[str] = set()
    greetings: set[asyncio.Future[None]] = set()

    async def on_invite(room: MatrixRoom, event: InviteMemberEvent) -> None:
        if event.state_key == client.user_id and event.membership == "invite":
            await client.join(room.room_id)
            joined.add(room.room_id)

    async def greet(room: MatrixRoom) -> None:
        # Like the bot's greeting: our first message opens Olm sessions to the agent's devices,
        # so hundreds of agents do not all claim (and exhaust) this device's one-time keys.
        await client.room_send(
            room.room_id, "m.room.message", {"msgtype": "m.notice", "body": "echo"},
            ignore_unverified_devices=True,
        )  # fmt: skip

    async def after_sync(response: SyncResponse) -> None:
        for room_id in list(joined):
            room = client.rooms.get(room_id)
            if room is not None and room.encrypted and room.member_count >= 2:
                joined.discard(room_id)
                task = asyncio.ensure_future(greet(room))
                greetings.add(task)
                task.add_done_callback(greetings.discard)

    async def on_text(room: MatrixRoom, event: RoomMessageText) -> None:
        if event.sender == client.user_id:
            return
        if event.server_timestamp / 1000 < wall_start:
            return  # history from before this start
        content = {"msgtype": "m.notice", "body": event.body}
        await client.room_send(
            room.room_id, "m.room.message", content, ignore_unverified_devices=True
        )
        requests["answers"] = requests.get("answers", 0) + 1

    wall_start = time.time()
    client.add_event_callback(on_invite, InviteMemberEvent)  # type: ignore[arg-type]
    client.add_event_callback(on_text, RoomMessageText)  # type: ignore[arg-type]
    client.add_response_callback(after_sync, SyncResponse)  # type: ignore[arg-type]
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)

    def write_stats() -> None:
        if args.stats:
            requests["uptime_s"] = round(loop.time() - started, 1)
            Path(args.stats).write_text(json.dumps(requests), encoding="utf-8")

    loop.add_signal_handler(signal.SIGUSR1, write_stats)  # a snapshot, for the benchmark
    first = await client.sync(timeout=0, full_state=True)
    if isinstance(first, SyncResponse):
        print("echo bot started", flush=True)
    sync = asyncio.create_task(client.sync_forever(timeout=30_000, full_state=True))
    await stop.wait()
    sync.cancel()
    with contextlib.suppress(asyncio.CancelledError, Exception):
        await sync
    await client.close()
    write_stats()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--homeserver", required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--store", required=True)
    parser.add_argument("--stats")
    args = parser.parse_args()
    store = Path(args.store)
    store.mkdir(parents=True, exist_ok=True)
    asyncio.run(run(args, store))


if __name__ == "__main__":
    main()
