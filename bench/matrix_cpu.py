"""CPU of the Matrix side of an answer: the bot's MatrixClient alone, against a real Synapse.

The bot side runs in its own process (`bot` below): bot/matrix.py's MatrixClient (the bot's own
connect, cross-signing, key backup, sync loop), with a sink that does for each message what an
answer does on the Matrix side in scenario B of bench/lean.py: a read receipt, a typing notice,
the first words 0.5 s later, two streamed edits (1 s, then 2 s later) and the final edit with
its HTML 2 s after, each measured first as bot/streaming.py measures it. No database, no model,
no dispatcher: what is left is the sync loop, decryption, encryption and the requests.

The parent starts Synapse, then for each round: fresh agents (devtools/agent.py, each in an
encrypted DM with the bot, greeted once, not measured), then the measured part: every agent
sends 2 messages at once, each after the previous answer's final edit (scenario B's shape).
It reads the bot process's CPU (user + system, /proc) before and after, and its homeserver
requests and syncs. Prints one line per round and the medians.

    .venv/bin/python bench/matrix_cpu.py [--rounds 5] [--agents 10] [--profile out.txt]

`--profile`: py-spy raw stacks of the bot process during the measured parts, on-CPU samples
only (no --idle: a thread waiting for a disk or a socket is not counted); py-spy on PATH.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import secrets
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SELF = os.path.abspath(__file__)
ROOT = Path(SELF).parent.parent
sys.path.insert(0, str(ROOT))

TTFT = 0.5
EDIT_GAPS = (1.0, 2.0, 2.0)  # two streamed edits, then the final one
WORDS = "Il faut le dire tôt et bien, sans un mot de trop. "
SHOWN = (40, 160, 360, 560)  # characters shown: first words, two edits, the final text


# The changes of issue 16 on the Matrix side, each undone for `--compare NAME` -----------------


def _without_store() -> None:
    """nio's own store: a rollback journal with an fsync per commit, models bound around
    every call, the account read at every call."""
    from nio.store import DefaultStore

    import bot.matrix

    bot.matrix._BotStore = DefaultStore  # type: ignore[misc]


def _without_lean() -> None:
    """Sends, edits, typing and receipts through nio's request methods, as before."""
    from nio import ErrorResponse, RoomSendResponse
    from nio.api import ReceiptType

    from bot.events import EventTooLarge, MatrixError
    from bot.eventsize import MAX_EVENT_BYTES, event_size
    from bot.matrix import MatrixClient, _check, _status

    async def send(
        self: MatrixClient, room_id: str, content: dict[str, Any], *, txn_id: str | None = None
    ) -> str:
        room = await self.wait_for_room(room_id)
        size = event_size(
            content,
            room_id=room_id,
            sender=self.user_id,
            encrypted=bool(room.encrypted),
            device_id=self.device_id,
        )
        if size > MAX_EVENT_BYTES:
            raise EventTooLarge("send", size)
        response = await self._client.room_send(
            room_id, "m.room.message", content, tx_id=txn_id, ignore_unverified_devices=True
        )
        if not isinstance(response, RoomSendResponse):
            if isinstance(response, ErrorResponse) and (
                response.status_code == "M_TOO_LARGE" or _status(response) == 413
            ):
                raise EventTooLarge("send", size, _status(response))
            _check(response, "send")
            raise MatrixError("send")
        return str(response.event_id)

    async def send_receipt(
        self: MatrixClient, room_id: str, event_id: str, thread_root: str | None = None
    ) -> None:
        thread_id = thread_root if thread_root and thread_root != event_id else "main"
        with contextlib.suppress(Exception):
            response = await self._client.update_receipt_marker(
                room_id, event_id, ReceiptType.read, thread_id
            )
            _check(response, "read receipt")

    async def set_typing(
        self: MatrixClient, room_id: str, typing: bool, timeout_ms: int = 30_000
    ) -> None:
        with contextlib.suppress(Exception):
            await self._client.room_typing(room_id, typing_state=typing, timeout=timeout_ms)

    MatrixClient.send = send  # type: ignore[method-assign]
    MatrixClient.send_receipt = send_receipt  # type: ignore[method-assign]
    MatrixClient.set_typing = set_typing  # type: ignore[method-assign]


WITHOUT: dict[str, Callable[[], None]] = {"store": _without_store, "lean": _without_lean}


# The bot side --------------------------------------------------------------------------------


async def run_bot(args: argparse.Namespace) -> None:
    from pydantic import SecretStr

    from bot.config import MatrixConfig
    from bot.matrix import (
        IncomingInvite,
        IncomingReaction,
        IncomingText,
        IncomingUndecryptable,
        MatrixClient,
    )
    from bot.render import markdown_to_html

    config = MatrixConfig(
        homeserver=args.homeserver,
        user_id=args.user,
        password=SecretStr(args.password),
        store_dir=Path(args.store),
        sync_timeout_ms=30_000,
    )
    for name in args.without:
        WITHOUT[name]()
    client = MatrixClient(config)
    tasks: set[asyncio.Task[Any]] = set()
    locks: dict[str, asyncio.Lock] = {}
    answers = {"done": 0}

    def spawn(coro: Any) -> None:
        task = asyncio.ensure_future(coro)
        tasks.add(task)
        task.add_done_callback(tasks.discard)

    async def answer(event: IncomingText) -> None:
        room = event.room_id
        async with locks.setdefault(room, asyncio.Lock()):
            spawn(client.send_receipt(room, event.event_id, None))
            spawn(client.set_typing(room, True, 4000))
            await asyncio.sleep(TTFT)
            texts = [(WORDS * 20)[:n] for n in SHOWN]
            client.text_event_size(room, texts[0], None)
            event_id = await client.send_text(room, texts[0])
            for gap, text in zip(EDIT_GAPS, texts[1:], strict=True):
                await asyncio.sleep(gap)
                html = markdown_to_html(text) if text is texts[-1] else None
                client.text_event_size(room, text, html)
                await client.edit(room, event_id, text, html)
            answers["done"] += 1

    class Sink:
        async def on_text(self, event: IncomingText) -> None:
            spawn(answer(event))

        async def on_reaction(self, event: IncomingReaction) -> None:
            return None

        async def on_invite(self, invite: IncomingInvite) -> None:
            room_id = await client.join(invite.room_id)
            spawn(client.send_text(room_id, "Bonjour", notice=True))

        async def on_undecryptable(self, event: IncomingUndecryptable) -> None:
            print(f"undecryptable {event.event_id}", flush=True)

        async def on_room_keys(self) -> None:
            return None

        async def on_synced(self, next_batch: str) -> None:
            return None

    stop = asyncio.Event()
    stats = Path(args.stats)

    def write_stats() -> None:
        requests: dict[str, float] = {}
        for metric in client.metrics.homeserver_requests.collect():
            for sample in metric.samples:
                if sample.name.endswith("_total"):
                    kind = sample.labels.get("kind", "?")
                    requests[kind] = requests.get(kind, 0) + sample.value
        data = {"requests": requests, "syncs": client._sync_count, "answers": answers["done"]}
        tmp = stats.with_suffix(".tmp")
        tmp.write_text(json.dumps(data))
        tmp.replace(stats)

    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGUSR1, write_stats)
    if args.cprofile:
        # SIGUSR2 starts cProfile (CPU time), the next one stops it and writes the stats.
        import cProfile

        profiler: list[cProfile.Profile] = []

        def toggle() -> None:
            if profiler:
                profiler.pop().dump_stats(args.cprofile)
                return
            profiler.append(cProfile.Profile(time.process_time))
            profiler[0].enable()

        loop.add_signal_handler(signal.SIGUSR2, toggle)
    await client.connect()
    sync = asyncio.create_task(client.run_sync(Sink(), None, stop))
    await client.wait_synced(120)
    print("bot ready", flush=True)
    await stop.wait()
    sync.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await sync
    await client.close()


# The agents' side ----------------------------------------------------------------------------


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks  # utime, stime


def _mtime(path: Path) -> int:
    return path.stat().st_mtime_ns if path.exists() else 0


def _read_json(path: Path) -> dict[str, Any]:
    return dict(json.loads(path.read_bytes()))


async def read_stats(pid: int, path: Path) -> dict[str, Any]:
    before = _mtime(path)
    os.kill(pid, signal.SIGUSR1)
    for _ in range(200):
        await asyncio.sleep(0.02)
        if _mtime(path) != before:
            return _read_json(path)
    raise TimeoutError("no stats from the bot")


async def start_bot(
    args: argparse.Namespace, synapse: Any, work: Path, variant: str
) -> tuple[asyncio.subprocess.Process, str, Path]:
    """A bot process; `variant` "all" or "-NAME": without the change NAME (see WITHOUT)."""
    bot_user = await asyncio.to_thread(synapse.register, f"bot-{secrets.token_hex(3)}")
    folder = work / f"bot{variant}"
    os.makedirs(folder)
    stats = folder / "stats.json"
    log = open(os.path.join(folder, "bot.log"), "wb")  # noqa: ASYNC230, SIM115
    names = [] if variant == "all" else variant[1:].split("+")
    without = [arg for name in names for arg in ("--without", name)]
    bot = await asyncio.create_subprocess_exec(
        sys.executable, SELF, "bot",
        "--homeserver", synapse.base_url, "--user", bot_user.user_id,
        "--password", bot_user.password, "--store", str(folder / "store"),
        "--stats", str(stats), *without,
        *(["--cprofile", str(args.cprofile)] if args.cprofile and variant == "all" else []),
        stdout=asyncio.subprocess.PIPE, stderr=log, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert bot.stdout is not None
    line = await asyncio.wait_for(bot.stdout.readline(), 180)
    if b"bot ready" not in line:
        raise RuntimeError(f"bot did not start: {line!r}; see {folder / 'bot.log'}")
    return bot, bot_user.user_id, stats


async def main(args: argparse.Namespace) -> None:
    from devtools.synapse import start_synapse

    variants = ["all", *(f"-{name}" for name in args.compare)]
    work = Path(tempfile.mkdtemp(prefix="matrix-cpu-"))
    with start_synapse(work / "synapse") as synapse:
        bots = [await start_bot(args, synapse, work, variant) for variant in variants]
        rows: dict[str, list[dict[str, float]]] = {variant: [] for variant in variants}
        try:
            for index in range(args.rounds):
                results = await asyncio.gather(
                    *(
                        one_round(args, synapse, user, bot.pid, stats, work / variant, index)
                        for variant, (bot, user, stats) in zip(variants, bots, strict=True)
                    )
                )
                for variant, row in zip(variants, results, strict=True):
                    rows[variant].append(row)
                    print(
                        f"round {index + 1} {variant}: {row['cpu_ms']:.1f} ms CPU/answer, "
                        f"{row['requests']:.2f} requests/answer, "
                        f"{row['syncs']:.2f} syncs/answer",
                        flush=True,
                    )
        finally:
            for bot, _, _ in bots:
                bot.send_signal(signal.SIGTERM)
            for bot, _, _ in bots:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(bot.wait(), 20)
    summary: dict[str, Any] = {}
    for variant in variants:
        summary[variant] = summarise(rows[variant])
        print(f"{variant}: median of {args.rounds} rounds: {json.dumps(summary[variant])}")
    if args.json:
        args.json.write_text(json.dumps({"rounds": rows, "median": summary}, indent=1))


def summarise(rows: list[dict[str, float]]) -> dict[str, Any]:
    keys = ("cpu_ms", "requests", "syncs")
    result: dict[str, Any] = {k: round(statistics.median(r[k] for r in rows), 2) for k in keys}
    kinds: dict[str, float] = {}
    for row in rows:
        for kind, n in row.items():
            if kind.startswith("req:"):
                kinds[kind[4:]] = kinds.get(kind[4:], 0) + n / len(rows)
    result["requests_by_kind"] = {k: round(v, 2) for k, v in sorted(kinds.items())}
    return result


async def one_round(
    args: argparse.Namespace,
    synapse: Any,
    bot_user: str,
    pid: int,
    stats: Path,
    work: Path,
    index: int,
) -> dict[str, float]:
    from devtools.agent import AgentClient

    gate = asyncio.Semaphore(4)

    async def make(i: int) -> tuple[AgentClient, str]:
        async with gate:
            user = await asyncio.to_thread(
                synapse.register, f"agent{index}-{i}-{secrets.token_hex(2)}"
            )
            agent = await AgentClient.login(
                synapse.base_url, user.user_id, user.password, work / f"agent-{index}-{i}"
            )
            await agent.start()
            room = await agent.create_dm(bot_user)
            await agent.wait_for_message(room, sender=bot_user, timeout=60)  # the greeting
            return agent, room

    pairs = await asyncio.gather(*(make(i) for i in range(args.agents)))
    await asyncio.sleep(1.0)  # the greetings' syncs settle
    before = await read_stats(pid, stats)
    profiler = None
    if args.profile is not None:
        out = args.profile.with_name(f"{args.profile.stem}.{index}{args.profile.suffix}")
        profiler = await asyncio.create_subprocess_exec(
            "py-spy", "record", "--pid", str(pid), "--rate", str(args.rate),
            "--format", "raw", "--nonblocking", "-o", str(out),
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
        )  # fmt: skip
        await asyncio.sleep(1.0)
    if args.cprofile and index == 0:
        os.kill(pid, signal.SIGUSR2)
    cpu_before = cpu_seconds(pid)

    async def converse(agent: AgentClient, room: str) -> None:
        for n in range(2):
            after = len(agent.messages(room))
            await agent.send_text(room, f"Question {n} : que dit la circulaire ?")
            await agent.wait_for_message(
                room,
                sender=bot_user,
                after=after,
                predicate=lambda m: m.formatted_body is not None,
                timeout=60,
            )

    started = time.monotonic()
    await asyncio.gather(*(converse(agent, room) for agent, room in pairs))
    await asyncio.sleep(0.5)  # the last receipts and syncs
    cpu = cpu_seconds(pid) - cpu_before
    wall = time.monotonic() - started
    if args.cprofile and index == 0:
        os.kill(pid, signal.SIGUSR2)
    if profiler is not None:
        profiler.send_signal(signal.SIGINT)
        await profiler.wait()
    after_stats = await read_stats(pid, stats)
    answers = after_stats["answers"] - before["answers"]
    row: dict[str, float] = {
        "cpu_ms": 1000 * cpu / answers,
        "requests": (sum(after_stats["requests"].values()) - sum(before["requests"].values()))
        / answers,
        "syncs": (after_stats["syncs"] - before["syncs"]) / answers,
        "wall_s": wall,
        "answers": answers,
    }
    for kind, n in after_stats["requests"].items():
        delta = n - before["requests"].get(kind, 0)
        if delta:
            row[f"req:{kind}"] = delta / answers
    await asyncio.gather(*(agent.close() for agent, _ in pairs))
    return row


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command")
    bot = sub.add_parser("bot", help="the bot side (started by the parent)")
    bot.add_argument("--homeserver", required=True)
    bot.add_argument("--user", required=True)
    bot.add_argument("--password", required=True)
    bot.add_argument("--store", required=True)
    bot.add_argument("--stats", required=True)
    bot.add_argument("--cprofile", help="cProfile file, written when SIGUSR2 stops it")
    bot.add_argument("--without", choices=sorted(WITHOUT), action="append", default=[])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--agents", type=int, default=10)
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--rate", type=int, default=200, help="py-spy samples per second")
    parser.add_argument("--json", type=Path)
    parser.add_argument(
        "--compare",
        type=lambda text: [name for name in text.split(",") if name],
        default=[],
        help="also run, at the same time, a bot without each of these changes (see WITHOUT; "
        "lean+store: without both)",
    )
    parser.add_argument(
        "--cprofile", type=Path, help="cProfile (CPU time) of the bot in the first round"
    )
    return parser.parse_args(argv)


if __name__ == "__main__":
    arguments = parse(sys.argv[1:])
    if arguments.command == "bot":
        asyncio.run(run_bot(arguments))
    else:
        asyncio.run(main(arguments))
