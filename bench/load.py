"""Load and start-up benchmark: N agents in encrypted DMs against the bot and a bare echo bot.

`load` (the default): a local Synapse (devtools/synapse.py), the fake model as its own process
at a given time to first token and token rate, and the bot as its own process
(`python -m bot run`). N simulated agents (devtools/agent.py) open encrypted DMs and each send
M messages with think time. The same agents then do the same against `bench/echo_bot.py`, a
minimal nio bot that answers at once: the floor for a Matrix round trip on this homeserver.

`startup`: the bot with R DM rooms joined and 50 stored messages per room (the rooms, accounts
and database are created once under bench/.state/startup/live, and each room count is kept as
its own copy, rooms-R): time from the process start to its first answer after a restart (the
message sent while it was down), for each R given, then the slope in seconds per 1,000 rooms,
wall clock and the bot's CPU; `--cold` adds a start without a sync position.

    .venv/bin/python bench/load.py load [--agents 200] [--messages 5] [--think 2] \
        [--ttft 0.5] [--tps 40] [--json out.json]
    .venv/bin/python bench/load.py startup [--rooms 20,500,1000,2000] [--stored-per-room 50] \
        [--cold] [--setup-only] [--json out.json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp
import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from devtools.agent import AgentClient  # noqa: E402
from devtools.bench_config import write_bench_config  # noqa: E402
from devtools.synapse import SynapseServer, start_synapse  # noqa: E402

STATE = ROOT / "bench" / ".state"
QUESTION_WORDS = (
    "comment préparer une note de synthèse claire pour le directeur avec les sources, "
    "le calendrier et les risques du projet"
)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def ms(values: list[float]) -> dict[str, float]:
    return {
        "p50": round(percentile(values, 0.5) * 1000, 1),
        "p95": round(percentile(values, 0.95) * 1000, 1),
        "p99": round(percentile(values, 0.99) * 1000, 1),
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def peak_rss_mb(pid: int) -> float:
    """VmHWM: the process's peak resident set since it started."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


def cpu_seconds(pid: int) -> float:
    times = psutil.Process(pid).cpu_times()
    return float(times.user + times.system)


class Process:
    """A child process whose output goes to a log file; waits for a line saying it started."""

    def __init__(self, argv: list[str], log_path: Path, env: dict[str, str] | None = None) -> None:
        self.argv = argv
        self.log_path = log_path
        self.env = env
        self.proc: asyncio.subprocess.Process | None = None
        self.spawned_at = 0.0

    async def start(self, marker: str, timeout: float = 600) -> None:
        offset = self.log_path.stat().st_size if self.log_path.exists() else 0
        log = self.log_path.open("ab")
        self.spawned_at = time.monotonic()
        self.proc = await asyncio.create_subprocess_exec(
            *self.argv,
            cwd=ROOT,
            stdout=log,
            stderr=asyncio.subprocess.STDOUT,
            env={**os.environ, "PYTHONPATH": str(ROOT), **(self.env or {})},
        )
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.log_path.open("rb") as fh:
                fh.seek(offset)
                text = fh.read().decode(errors="replace")
            if marker in text:
                return
            if self.proc.returncode is not None:
                raise RuntimeError(f"{self.argv[1:3]} exited: see {self.log_path}")
            await asyncio.sleep(0.05)
        raise TimeoutError(f"{marker!r} not seen in {self.log_path}")

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    async def stop(self, timeout: float = 30) -> float:
        assert self.proc is not None
        started = time.monotonic()
        if self.proc.returncode is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(self.proc.wait(), timeout)
            except TimeoutError:
                self.proc.kill()
                await self.proc.wait()
        return time.monotonic() - started


def bot_config(
    folder: Path,
    homeserver: str,
    user_id: str,
    password: str,
    llm: str,
    ops_port: int,
    ner: str | None = "auto",
    *,
    defaults: bool = False,
) -> Path:
    """`ner=None` leaves the guard's name detector at its default; `defaults` keeps the limits
    and titles operators run with (devtools/bench_config.py)."""
    extra = f"[ops]\nhttp_port = {ops_port}\njson_logs = true\n"
    if ner is not None:
        extra += f'[privacy]\nner = "{ner}"\n'
    return write_bench_config(folder, homeserver, user_id, password, llm, extra, defaults=defaults)


async def scrape(port: int) -> dict[str, float]:
    """The bot's /metrics as {sample line name: value}. A scrape slower than 5 s is reported
    (a bot still busy with a backlog answers late; the figures wait for it, up to 120 s)."""
    started = time.monotonic()
    text = ""
    for attempt in range(40):  # the listener starts a moment after the first sync (OPS_DELAY)
        try:
            async with (
                aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as http,
                http.get(f"http://127.0.0.1:{port}/metrics") as response,
            ):
                text = await response.text()
            break
        except aiohttp.ClientConnectorError:
            if attempt == 39:
                raise
            await asyncio.sleep(0.5)
    if (took := time.monotonic() - started) > 5:
        print(f"(the bot's /metrics answered in {took:.1f} s)", flush=True)
    samples = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, _, value = line.rpartition(" ")
            samples[name] = float(value)
    return samples


def homeserver_requests(samples: dict[str, float]) -> float:
    return sum(
        v for k, v in samples.items() if k.startswith("assistant_homeserver_requests_total")
    )


async def start_fake_model(work: Path, ttft: float, tps: float) -> tuple[Process, str]:
    port = free_port()
    model = Process(
        [
            sys.executable, "-m", "devtools.fake_llm", "--port", str(port),
            "--ttft", str(ttft), "--tps", str(tps),
        ],
        work / "fake_llm.log",
    )  # fmt: skip
    await model.start("Fake model server on")
    return model, f"http://127.0.0.1:{port}/v1"


async def make_agents(synapse: SynapseServer, n: int, work: Path, tag: str) -> list[AgentClient]:
    gate = asyncio.Semaphore(8)

    async def one(i: int) -> AgentClient:
        async with gate:
            user = await asyncio.to_thread(synapse.register, f"agent-{tag}-{i}")
            agent = await AgentClient.login(
                synapse.base_url, user.user_id, user.password, work / "agents" / f"{tag}-{i}"
            )
            await agent.start()
            return agent

    return list(await asyncio.gather(*(one(i) for i in range(n))))


@dataclass
class Sample:
    sent_at: float
    first_seen: float | None = None
    final_at: float | None = None
    edits: int = 0


@dataclass
class Phase:
    samples: list[Sample] = field(default_factory=list)
    duplicates: int = 0
    missing: int = 0
    answers_seen: int = 0  # messages from the target that look like answers, warm-up included


async def open_rooms(agents: list[AgentClient], target: str, *, greeting: bool) -> list[str]:
    """Every agent opens an encrypted DM with the target (not measured)."""
    gate = asyncio.Semaphore(10)

    async def open_room(agent: AgentClient) -> str:
        async with gate:
            room = await agent.create_dm(target)
            await agent.wait_member(room, target, timeout=300)
            if greeting:
                await agent.wait_for_message(room, sender=target, timeout=300)
            return room

    return list(await asyncio.gather(*(open_room(a) for a in agents)))


async def measure(
    agents: list[AgentClient],
    rooms: list[str],
    target: str,
    *,
    messages: int,
    think: float,
    expected: Any,
    timeout: float,
) -> Phase:
    phase = Phase()
    rng = random.Random(42)
    thinks = [[rng.uniform(0.5, 1.5) * think for _ in range(messages)] for _ in agents]

    asked: list[list[str]] = [[] for _ in agents]

    async def agent_run(index: int, agent: AgentClient, room: str) -> None:
        await asyncio.sleep(rng.uniform(0, think))  # agents do not all start at once
        for i in range(messages):
            question = f"Question {index}.{i} : {QUESTION_WORDS}"
            asked[index].append(question)
            after = len(agent.messages(room))
            sample = Sample(time.monotonic())
            phase.samples.append(sample)
            await agent.send_text(room, question)
            try:
                seen = await agent.wait_for_message(
                    room,
                    sender=target,
                    after=after,
                    predicate=lambda m, q=question: expected(m.body, q),
                    timeout=timeout,
                )
            except TimeoutError:
                phase.missing += 1
                continue
            sample.first_seen = seen.first_seen
            sample.final_at = seen.last_update
            sample.edits = seen.edits
            await asyncio.sleep(thinks[index][i])

    await asyncio.gather(
        *(agent_run(i, a, r) for i, (a, r) in enumerate(zip(agents, rooms, strict=True)))
    )
    await asyncio.sleep(3)  # anything answered twice would show up now
    for agent, room, questions in zip(agents, rooms, asked, strict=True):
        # The agent's log holds the others' messages only, edits applied: one per answer.
        bodies = [m.body for m in agent.messages(room) if m.sender == target]
        for question in questions:
            count = sum(1 for body in bodies if expected(body, question))
            phase.duplicates += max(0, count - 1)
        phase.answers_seen += sum(1 for body in bodies if body.startswith(("Réponse", "Question")))
    return phase


def bot_answer(body: str, question: str) -> bool:
    # The fake model's default reply quotes the question; the final edit has no "…" after it.
    return body.startswith("Réponse simulée") and body.endswith(f"« {question} ».")


def echo_answer(body: str, question: str) -> bool:  # its greeting is "echo"
    return body == question


def summarise(phase: Phase, ttft: float) -> dict[str, Any]:
    done = [s for s in phase.samples if s.first_seen is not None and s.final_at is not None]
    first = [s.first_seen - s.sent_at for s in done if s.first_seen is not None]
    final = [s.final_at - s.sent_at for s in done if s.final_at is not None]
    return {
        "sent": len(phase.samples),
        "answered": len(done),
        "missing": phase.missing,
        "answered_twice": phase.duplicates,
        "answer_messages_seen": phase.answers_seen,
        "first_visible_ms": ms(first),
        "added_latency_ms": ms([f - ttft for f in first]),
        "final_edit_ms": ms(final),
        "edits_per_answer": round(statistics.mean(s.edits for s in done), 2) if done else None,
    }


async def run_load(args: argparse.Namespace) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="bench-load-"))
    synapse = start_synapse(work / "synapse")
    model, llm_url = await start_fake_model(work, args.ttft, args.tps)
    results: dict[str, Any] = {
        "agents": args.agents,
        "privacy_ner": args.ner,
        "defaults": args.defaults,
        "messages_per_agent": args.messages,
        "think_s": args.think,
        "fake_model": {"ttft_s": args.ttft, "tokens_per_second": args.tps},
    }
    try:
        for kind in ("bot", "echo"):
            agents = await make_agents(synapse, args.agents, work, kind)
            user = await asyncio.to_thread(synapse.register, f"target-{kind}")
            folder = work / kind
            ops_port = free_port()
            if kind == "bot":
                config = bot_config(
                    folder, synapse.base_url, user.user_id, user.password, llm_url, ops_port,
                    None if args.ner == "default" else args.ner, defaults=args.defaults,
                )  # fmt: skip
                argv = [sys.executable, "-m", "bot", "run", "--config", str(config)]
                marker = "bot started"
            else:
                folder.mkdir(parents=True)
                argv = [
                    sys.executable, str(ROOT / "bench" / "echo_bot.py"),
                    "--homeserver", synapse.base_url, "--user", user.user_id,
                    "--password", user.password, "--store", str(folder / "store"),
                    "--stats", str(folder / "stats.json"),
                ]  # fmt: skip
                marker = "echo bot started"
            target = Process(argv, work / f"{kind}.log")
            await target.start(marker)
            try:
                rooms = await open_rooms(agents, user.user_id, greeting=True)
                # One warm-up question, not measured: the bot loads spaCy's model (seconds)
                # once per process, before its first answer.
                check = bot_answer if kind == "bot" else echo_answer
                await agents[0].send_text(rooms[0], "Échauffement")
                await agents[0].wait_for_message(
                    rooms[0], predicate=lambda m, c=check: c(m.body, "Échauffement"),
                    timeout=args.timeout,
                )  # fmt: skip
                if kind == "bot":
                    before = await scrape(ops_port)
                else:
                    target.proc.send_signal(signal.SIGUSR1)  # type: ignore[union-attr]
                    await asyncio.sleep(0.5)
                    before_stats = json.loads((folder / "stats.json").read_text())
                profiler = None
                if args.profile and kind == "bot":
                    # py-spy (pip install py-spy): collapsed stacks of the measured phase.
                    profiler = await asyncio.create_subprocess_exec(
                        "py-spy", "record", "--pid", str(target.pid), "--rate", "200",
                        "--format", "raw", "--nonblocking", "-o", str(args.profile),
                        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
                    )  # fmt: skip
                cpu_before = cpu_seconds(target.pid)
                started = time.monotonic()
                phase = await measure(
                    agents, rooms, user.user_id, messages=args.messages, think=args.think,
                    expected=bot_answer if kind == "bot" else echo_answer,
                    timeout=args.timeout,
                )  # fmt: skip
                elapsed = time.monotonic() - started
                cpu = cpu_seconds(target.pid) - cpu_before
                if profiler is not None:
                    profiler.send_signal(signal.SIGINT)
                    await profiler.wait()
                rss = peak_rss_mb(target.pid)
                if kind == "bot":
                    after = await scrape(ops_port)
                    requests = homeserver_requests(after) - homeserver_requests(before)
                else:
                    target.proc.send_signal(signal.SIGUSR1)  # type: ignore[union-attr]
                    await asyncio.sleep(0.5)
                    after_stats = json.loads((folder / "stats.json").read_text())
                    requests = after_stats["total"] - before_stats["total"]
            finally:
                await target.stop()
                await asyncio.gather(*(a.close() for a in agents))
            summary = summarise(phase, args.ttft if kind == "bot" else 0.0)
            answered = max(1, summary["answered"])
            summary.update(
                {
                    "phase_s": round(elapsed, 1),
                    "homeserver_requests_per_answer": round(requests / answered, 1),
                    "cpu_ms_per_answer": round(cpu / answered * 1000, 1),
                    "peak_rss_mb": rss,
                }
            )
            results[kind] = summary
            if args.json:  # partial results survive a failure of the next phase
                args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    finally:
        await model.stop()
        synapse.stop()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    bot, echo = results["bot"], results["echo"]
    echo_rtt = echo["first_visible_ms"]["p50"]
    results["targets"] = {
        "all_answered_once": bot["answered"] == bot["sent"] and bot["answered_twice"] == 0,
        "added_p50_le_1.2x_echo": bot["added_latency_ms"]["p50"] <= 1.2 * echo_rtt,
        "added_p50_over_echo_p50": round(bot["added_latency_ms"]["p50"] / echo_rtt, 2)
        if echo_rtt
        else None,
        "added_p95_le_250ms": bot["added_latency_ms"]["p95"] <= 250,
        "peak_rss_le_300mb": bot["peak_rss_mb"] <= 300,
        "cpu_le_20ms_per_answer": bot["cpu_ms_per_answer"] <= 20,
    }
    return results


def _triple(values: dict[str, float]) -> str:
    return " / ".join(str(v) for v in values.values())


def print_load(results: dict[str, Any]) -> None:
    rows = [
        ("answered / sent", lambda r: f"{r['answered']} / {r['sent']}"),
        ("answered twice", lambda r: str(r["answered_twice"])),
        ("first visible p50/p95/p99 ms", lambda r: _triple(r["first_visible_ms"])),
        ("added latency p50/p95/p99 ms", lambda r: _triple(r["added_latency_ms"])),
        ("final edit p50/p95/p99 ms", lambda r: _triple(r["final_edit_ms"])),
        ("edits per answer", lambda r: str(r["edits_per_answer"])),
        ("homeserver requests / answer", lambda r: str(r["homeserver_requests_per_answer"])),
        ("CPU ms / answer", lambda r: str(r["cpu_ms_per_answer"])),
        ("peak RSS MB", lambda r: str(r["peak_rss_mb"])),
    ]  # fmt: skip
    print("\n| measure | bot | echo bot |\n| --- | --- | --- |")
    for label, value in rows:
        print(f"| {label} | {value(results['bot'])} | {value(results['echo'])} |")
    print()


# Start-up at scale --------------------------------------------------------------------------


async def _http(
    session: aiohttp.ClientSession, method: str, url: str, token: str, body: Any = None
) -> dict[str, Any]:
    for _ in range(20):
        async with session.request(
            method, url, json=body, headers={"Authorization": f"Bearer {token}"}
        ) as response:
            data = await response.json(content_type=None)
            if response.status == 429:
                await asyncio.sleep(data.get("retry_after_ms", 500) / 1000)
                continue
            if response.status >= 400:
                raise RuntimeError(f"{method} {url}: {response.status} {data}")
            return dict(data)
    raise RuntimeError(f"{method} {url}: rate limited")


async def setup_rooms(synapse: SynapseServer, state: dict[str, Any], rooms: int) -> None:
    """`rooms` more DM rooms (encrypted, is_direct) opened by agents with the bot, which joins
    each; appended to state["rooms"] (one agent opens 100)."""
    base = synapse.base_url + "/_matrix/client/v3"
    first = len(state.setdefault("rooms", []))
    creators: list[str] = state.setdefault("creators", [])
    tokens: dict[str, str] = state.setdefault("creator_tokens", {})
    for i in range(len(creators), (first + rooms + 99) // 100):
        user = await asyncio.to_thread(synapse.register, f"crowd-{state['tag']}-{i}")
        creators.append(user.user_id)
        tokens[user.user_id] = user.access_token
    gate = asyncio.Semaphore(6)
    created: dict[int, str] = {}

    async def one(session: aiohttp.ClientSession, index: int) -> None:
        creator = creators[index // 100]
        async with gate:
            room = await _http(
                session, "POST", base + "/createRoom", tokens[creator],
                {
                    "preset": "trusted_private_chat", "is_direct": True,
                    "invite": [state["bot_user"]],
                    "initial_state": [{
                        "type": "m.room.encryption", "state_key": "",
                        "content": {"algorithm": "m.megolm.v1.aes-sha2"},
                    }],
                },
            )  # fmt: skip
            await _http(session, "POST", f"{base}/join/{room['room_id']}", state["bot_token"], {})
            created[index] = room["room_id"]
            if len(created) % 200 == 0:
                print(f"  {first + len(created)} rooms", flush=True)

    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as session:
        await asyncio.gather(*(one(session, i) for i in range(first, first + rooms)))
    state["rooms"].extend(created[i] for i in sorted(created))


def store_messages(database: Path, state: dict[str, Any], per_room: int, first: int) -> None:
    """`per_room` stored messages in each room from index `first` on, as the bot stores them."""
    db = sqlite3.connect(database)
    now = datetime.now(UTC).isoformat(timespec="milliseconds")
    rooms = state["rooms"]
    with db:
        for index in range(first, len(rooms)):
            room_id = rooms[index]
            user = state["creators"][index // 100]
            db.execute(
                "INSERT OR IGNORE INTO users (user_id, created_at) VALUES (?, ?)", (user, now)
            )
            db.execute(
                "INSERT OR IGNORE INTO rooms (room_id, kind, user_id, joined_at) "
                "VALUES (?, 'dm', NULL, ?)",
                (room_id, now),
            )
            cur = db.execute(
                "INSERT INTO conversations (room_id, user_id, title, created_at, updated_at) "
                "VALUES (?, ?, 'Note de synthèse', ?, ?)",
                (room_id, user, now, now),
            )
            conversation = cur.lastrowid
            db.execute(
                "UPDATE rooms SET current_conversation_id = ? WHERE room_id = ?",
                (conversation, room_id),
            )
            rows = []
            for i in range(per_room):
                role = "user" if i % 2 == 0 else "assistant"
                content = f"{QUESTION_WORDS} ({i})" if role == "user" else ("Réponse. " * 60)
                rows.append((conversation, role, content, f"$stored-{index}-{i}", now))
            db.executemany(
                "INSERT INTO messages (conversation_id, role, content, event_id, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                rows,
            )
            db.executemany(
                "INSERT INTO inbox (event_id, room_id, sender, kind, msgtype, body, origin_ts, "
                "received_at, status, done_at) VALUES (?, ?, ?, 'message', 'm.text', NULL, 0, ?, "
                "'done', ?)",
                [(f"$stored-{index}-{i}", room_id, user, now, now) for i in range(0, per_room, 2)],
            )
    count = db.execute("SELECT COUNT(*) FROM messages").fetchone()[0]
    db.close()
    state["stored_messages"] = count


def _counts(rooms: int | list[int]) -> list[int]:
    return sorted(set(rooms)) if isinstance(rooms, list) else [rooms]


def _per_room(args: argparse.Namespace) -> int:
    """Stored messages per room: --stored-per-room, or --stored spread over the largest count."""
    per_room = getattr(args, "stored_per_room", None)
    if per_room is None:
        per_room = args.stored // max(_counts(args.rooms))
    return max(2, int(per_room))


async def grow(args: argparse.Namespace, llm_url: str, rooms: int) -> Path:
    """The setup with `rooms` rooms besides the probe's DM, as a snapshot of its own.

    Rooms are added to bench/.state/<state>/live (created once, kept between runs), then the
    whole folder (Synapse's database, the bot's store and database) is copied to `rooms-N`,
    Synapse stopped: each count is measured on its own copy, and 2,000 rooms are created once
    for 500, 1,000 and 2,000.
    """
    snapshot = args.state / f"rooms-{rooms}"
    if (snapshot / "setup.json").exists():
        return snapshot
    live = args.state / "live"
    live.mkdir(parents=True, exist_ok=True)
    state_file = live / "setup.json"
    state: dict[str, Any] = json.loads(state_file.read_text()) if state_file.exists() else {}
    per_room = _per_room(args)
    if state and state.get("per_room") != per_room:
        raise SystemExit(f"{live} holds {state.get('per_room')} messages per room: remove it")
    bot_dir = live / "bot"
    synapse = start_synapse(live / "synapse")
    try:
        if not state:
            print(f"setup: a bot and its probe (kept in {live})", flush=True)
            tag = str(int(time.time()))
            bot_user = await asyncio.to_thread(synapse.register, f"assistant-startup-{tag}")
            probe_user = await asyncio.to_thread(synapse.register, f"probe-{tag}")
            state = {
                "tag": tag, "bot_user": bot_user.user_id, "bot_password": bot_user.password,
                "bot_token": bot_user.access_token, "probe_user": probe_user.user_id,
                "probe_password": probe_user.password, "per_room": per_room, "rooms": [],
                "stored_messages": 0, "setup_s": 0.0,
            }  # fmt: skip
            config = bot_config(
                bot_dir, synapse.base_url, bot_user.user_id, bot_user.password, llm_url,
                free_port(), None, defaults=args.defaults,
            )  # fmt: skip
            bot = Process([sys.executable, "-m", "bot", "run", "--config", str(config)],
                          live / "bot.log")  # fmt: skip
            await bot.start("bot started")  # its device and database exist from now on
            probe = await AgentClient.login(
                synapse.base_url, probe_user.user_id, probe_user.password, live / "probe"
            )
            await probe.start()
            state["probe_room"] = await probe.create_dm(bot_user.user_id)
            await probe.wait_member(state["probe_room"], bot_user.user_id, timeout=120)
            await probe.wait_for_message(state["probe_room"], sender=bot_user.user_id)
            await probe.close()
            await bot.stop()
            state_file.write_text(json.dumps(state), encoding="utf-8")
        missing = rooms - len(state["rooms"])
        if missing < 0:
            raise SystemExit(f"{live} already has {len(state['rooms'])} rooms: remove it")
        if missing:
            print(f"setup: {missing} more rooms, {per_room} stored messages each", flush=True)
            started = time.monotonic()
            first = len(state["rooms"])
            await setup_rooms(synapse, state, missing)
            store_messages(bot_dir / "assistant.sqlite3", state, per_room, first)
            state["setup_s"] = round(state["setup_s"] + time.monotonic() - started, 1)
            state_file.write_text(json.dumps(state), encoding="utf-8")
    finally:
        synapse.stop()
    shutil.copytree(live, snapshot, ignore=shutil.ignore_patterns("*.pid"))
    return snapshot


async def measure_startup(
    args: argparse.Namespace, folder: Path, llm_url: str, modes: tuple[str, ...]
) -> dict[str, Any]:
    """Process start → first answer visible, on the snapshot `folder`. A first run, not
    measured, lets the bot see the rooms joined while it was down (the setup joins them behind
    its back; a running bot sees each join as it happens) and records its first sync."""
    state = json.loads((folder / "setup.json").read_text())
    synapse = start_synapse(folder / "synapse")
    bot_dir = folder / "bot"
    ops_port = free_port()
    try:
        config = bot_config(
            bot_dir, synapse.base_url, state["bot_user"], state["bot_password"], llm_url, ops_port,
            None, defaults=args.defaults,
        )  # fmt: skip
        argv = [sys.executable, "-m", "bot", "run", "--config", str(config)]
        settle = Process(argv, folder / "bot.log")
        spawn = time.monotonic()
        await settle.start("bot started")
        await wait_ready(ops_port)
        results: dict[str, Any] = {
            "rooms": len(state["rooms"]) + 1,
            "stored_messages": state["stored_messages"],
            "setup_s": state.get("setup_s"),
            "settle_first_sync_s": round(time.monotonic() - spawn, 2),
        }
        await settle.stop()
        probe = await AgentClient.login(
            synapse.base_url, state["probe_user"], state["probe_password"], folder / "probe"
        )
        await probe.start()
        room = state["probe_room"]
        try:
            for mode in modes:
                if mode == "cold":
                    db = sqlite3.connect(bot_dir / "assistant.sqlite3")
                    with db:
                        db.execute("DELETE FROM kv WHERE key = 'sync_token'")
                    db.close()
                bot = Process(argv, folder / "bot.log")
                question = f"Question de démarrage {mode} {time.time()}"
                after = len(probe.messages(room))
                if mode == "restart":
                    # Sent while the bot is down: the restart must find and answer it.
                    await probe.send_text(room, question)
                spawn = time.monotonic()
                await bot.start("bot started")
                started_s = time.monotonic() - spawn
                if mode == "cold":
                    await wait_ready(ops_port)  # the initial sync ignores older history
                    ready_s = time.monotonic() - spawn
                    await probe.send_text(room, question)
                seen = await probe.wait_for_message(
                    room,
                    sender=state["bot_user"],
                    after=after,
                    predicate=lambda m, q=question: bot_answer(m.body, q),
                    timeout=300,
                )
                entry = {
                    "process_start_to_started_s": round(started_s, 2),
                    "process_start_to_first_answer_visible_s": round(seen.first_seen - spawn, 2),
                    "peak_rss_mb": peak_rss_mb(bot.pid),
                    "cpu_s": round(cpu_seconds(bot.pid), 2),
                }
                if mode == "cold":
                    entry["process_start_to_first_sync_s"] = round(ready_s, 2)
                entry["stop_s"] = round(await bot.stop(), 2)
                results.setdefault(mode, []).append(entry)
        finally:
            await probe.close()
    finally:
        synapse.stop()
    return results


def slope(points: list[tuple[int, float]]) -> tuple[float, float] | None:
    """Least squares: (seconds per 1,000 rooms, seconds at 0 rooms); None under two counts."""
    if len({n for n, _ in points}) < 2:
        return None
    mean_n = statistics.mean(n for n, _ in points)
    mean_s = statistics.mean(s for _, s in points)
    num = sum((n - mean_n) * (s - mean_s) for n, s in points)
    den = sum((n - mean_n) ** 2 for n, _ in points)
    per_room = num / den
    return per_room * 1000, mean_s - per_room * mean_n


async def run_startup(args: argparse.Namespace) -> dict[str, Any]:
    """For one room count (`results["restart"]`, as bench/lean.py reads it) or several
    (`results["by_rooms"]`, and the slope of the best restart of each count)."""
    counts = _counts(args.rooms)
    args.state.mkdir(parents=True, exist_ok=True)
    model, llm_url = await start_fake_model(args.state, args.ttft, args.tps)
    modes = ("cold", "restart", "restart") if getattr(args, "cold", False) else ("restart",) * 2
    by_rooms: list[dict[str, Any]] = []
    try:
        snapshots = [await grow(args, llm_url, n) for n in counts]
        if getattr(args, "setup_only", False):
            return {"snapshots": [str(s) for s in snapshots]}
        for n, snapshot in zip(counts, snapshots, strict=True):
            print(f"startup: {n} rooms", flush=True)
            by_rooms.append(await measure_startup(args, snapshot, llm_url, modes))
            if getattr(args, "json", None):  # partial results survive a failure of the next
                args.json.write_text(json.dumps({"by_rooms": by_rooms}, indent=2) + "\n")
    finally:
        await model.stop()
    results: dict[str, Any] = dict(by_rooms[-1]) if len(by_rooms) == 1 else {}
    results["by_rooms"] = by_rooms
    best = [
        (r["rooms"], min(x["process_start_to_first_answer_visible_s"] for x in r["restart"]))
        for r in by_rooms
    ]
    results["restart_best_s"] = {str(n): s for n, s in best}
    # The bot's own CPU seconds, start to first answer and stop, hardly depend on what else
    # the machine runs: the slope that says most on a shared machine.
    cpu = [(r["rooms"], min(x["cpu_s"] for x in r["restart"])) for r in by_rooms]
    for key, points, what in (
        ("slope", best, "restart to first answer"),
        ("slope_cpu", cpu, "bot CPU per restart"),
    ):
        fitted = slope(points)
        if fitted is None:
            continue
        per_1000, intercept = fitted
        results[key] = {
            "seconds_per_1000_rooms": round(per_1000, 3),
            "seconds_at_0_rooms": round(intercept, 2),
            "predicted_15000_rooms_s": round(intercept + per_1000 * 15, 1),
        }
        print(
            f"{what}: {per_1000:.3f} s per 1,000 rooms (+{intercept:.2f} s); "
            f"15,000 rooms: {intercept + per_1000 * 15:.1f} s",
            flush=True,
        )
    near_2000 = [s for n, s in best if n >= 2000]
    results["targets"] = {
        "restart_to_first_answer_le_10s": all(s <= 10 for s in near_2000) if near_2000 else None,
        "restart_to_first_answer_le_1.5s_20_rooms": all(s <= 1.5 for n, s in best if n <= 21)
        if any(n <= 21 for n, _ in best)
        else None,
    }
    return results


async def wait_ready(port: int, timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as http:
        while time.monotonic() < deadline:
            try:
                async with http.get(f"http://127.0.0.1:{port}/readyz") as response:
                    body = await response.json()
                    if body["checks"]["sync"]["ok"]:
                        return
            except (aiohttp.ClientError, TimeoutError):
                pass
            await asyncio.sleep(0.1)
    raise TimeoutError("the bot never reported a sync")


def _room_counts(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    sub = parser.add_subparsers(dest="command")
    load = sub.add_parser("load", help="N agents against the bot, then the echo bot")
    load.add_argument("--agents", type=int, default=200)
    load.add_argument("--messages", type=int, default=5)
    load.add_argument("--think", type=float, default=2.0, help="mean seconds between messages")
    load.add_argument("--timeout", type=float, default=120.0)
    load.add_argument("--keep", action="store_true", help="keep the temporary folder (logs)")
    load.add_argument(
        "--ner", choices=["auto", "off", "default"], default="auto", help="[privacy] ner"
    )
    load.add_argument(
        "--defaults",
        action="store_true",
        help="the operators' defaults (quotas, queue, titles; use with --ner default)",
    )
    load.add_argument("--profile", type=Path, help="py-spy collapsed stacks of the bot")
    startup = sub.add_parser("startup", help="start and restart with many rooms")
    startup.add_argument(
        "--rooms", type=_room_counts, default=[2000], help="room counts, e.g. 20,500,1000,2000"
    )
    startup.add_argument("--stored", type=int, default=100_000)
    startup.add_argument(
        "--stored-per-room", type=int, help="stored messages per room (else --stored spread)"
    )
    startup.add_argument("--cold", action="store_true", help="also a start without sync position")
    startup.add_argument("--setup-only", action="store_true", help="create the rooms, no runs")
    startup.add_argument(
        "--state", type=Path, default=STATE / "startup", help="where the setup is kept"
    )
    startup.add_argument(
        "--defaults", action="store_true", help="the default limits and titles (no overrides)"
    )
    for cmd in (load, startup):
        cmd.add_argument("--ttft", type=float, default=0.5)
        cmd.add_argument("--tps", type=float, default=40.0)
        cmd.add_argument("--json", type=Path)
    args = parser.parse_args(sys.argv[1:] or ["load"])
    if args.command is None:
        args = parser.parse_args(["load", *sys.argv[1:]])
    load_avg = os.getloadavg()
    if args.command == "startup":
        results = asyncio.run(run_startup(args))
    else:
        results = asyncio.run(run_load(args))
        print_load(results)
    results["machine"] = {
        "cpus": os.cpu_count(),
        "load_average_at_start": [round(v, 2) for v in load_avg],
        "load_average_at_end": [round(v, 2) for v in os.getloadavg()],
        "python": sys.version.split()[0],
    }
    text = json.dumps(results, indent=2, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
