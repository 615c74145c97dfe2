"""Issue 16's table: scenarios A and B against the bot and a bare echo bot, default configuration.

The bot runs as operators run it: quotas, concurrency cap, queue and conversation titles at
their defaults, the personal-data guard at its default (devtools/bench_config.py `defaults`);
only the benchmark agents are approved at once. A local Synapse, encrypted DMs, the fake model
in its own process answering 100-token answers (first token at 0.5 s, 20 tokens/s; titles
answered at once), the bot as its own process (`python -m bot run`), then `bench/echo_bot.py`
(the floor) against the same scenarios:

- A: one agent sends 10 messages in a row, each after the previous answer's final edit;
- B: 10 agents send 2 messages each, all at once (each agent's second after its first answer).

Prints one table (first visible words and final edit p50/p95, CPU per answer in B, peak memory,
homeserver requests per answer in B, lost/duplicated), then the first answer after a restart
(`bench/load.py startup` with few rooms, kept under bench/.state/startup-lean/). Built from
bench/load.py's functions. `make bench` runs it.

    .venv/bin/python bench/lean.py [--rooms 20] [--json out.json] [--keep]
    .venv/bin/python bench/lean.py model --port P [--ttft 0.5] [--tps 20] [--tokens 100]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import shutil
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SELF = Path(__file__).resolve()
sys.path.insert(0, str(SELF.parent))

from load import (  # noqa: E402
    ROOT,
    STATE,
    Process,
    bot_answer,
    bot_config,
    cpu_seconds,
    echo_answer,
    free_port,
    homeserver_requests,
    make_agents,
    measure,
    open_rooms,
    peak_rss_mb,
    run_startup,
    scrape,
    summarise,
)

from devtools.synapse import SynapseServer, start_synapse  # noqa: E402

TTFT = 0.5
TPS = 20.0
TOKENS = 100
A_MESSAGES = 10
B_AGENTS = 10
B_MESSAGES = 2
FILLER = "Il faut le dire tôt et bien, sans un mot de trop. "


# The fake model with answers of a given length -------------------------------------------------


def long_answer(question: str, tokens: int) -> str:
    """About `tokens` pieces as devtools/fake_llm.py streams them (one chunk each), shaped like
    its default reply so that load.py's `bot_answer` recognises the final edit."""
    from devtools.fake_llm import split_tokens

    head, tail = "Réponse simulée : ", f"vous avez écrit « {question} »."
    filler = ""
    for word in (FILLER * tokens).split(" "):
        if len(split_tokens(head + filler + tail)) >= tokens:
            break
        filler += word + " "
    return head + filler + tail


async def serve_model(port: int, ttft: float, tps: float, tokens: int) -> None:
    from devtools.fake_llm import FakeLLM, last_user_message

    class Model(FakeLLM):
        def _title(self, messages: list[dict[str, Any]], payload: dict[str, Any]) -> Any:
            if not self.titles:
                self.titles.append("Note de synthèse")
            return super()._title(messages, payload)

    server = Model(
        default_ttft=ttft,
        tokens_per_second=tps,
        responder=lambda messages: long_answer(last_user_message(messages), tokens),
    )
    await server.start("127.0.0.1", port)
    print(f"Fake model server on {server.base_url}", flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await server.stop()


async def start_model(work: Path) -> tuple[Process, str]:
    port = free_port()
    model = Process(
        [
            sys.executable, str(SELF), "model", "--port", str(port),
            "--ttft", str(TTFT), "--tps", str(TPS), "--tokens", str(TOKENS),
        ],
        work / "fake_llm.log",
    )  # fmt: skip
    await model.start("Fake model server on")
    return model, f"http://127.0.0.1:{port}/v1"


# Scenarios A and B against one target ---------------------------------------------------------


async def echo_requests(target: Process, stats: Path) -> float:
    assert target.proc is not None
    target.proc.send_signal(signal.SIGUSR1)
    await asyncio.sleep(0.5)
    return float(json.loads(await asyncio.to_thread(stats.read_text))["total"])


async def run_target(
    kind: str,
    synapse: SynapseServer,
    llm_url: str,
    work: Path,
    timeout: float,
    profile: Path | None = None,
) -> dict[str, Any]:
    agents = await make_agents(synapse, 1 + B_AGENTS, work, kind)
    user = await asyncio.to_thread(synapse.register, f"target-{kind}")
    folder = work / kind
    ops_port = free_port()
    stats = folder / "stats.json"
    if kind == "bot":
        config = bot_config(
            folder, synapse.base_url, user.user_id, user.password, llm_url, ops_port, None,
            defaults=True,
        )  # fmt: skip
        argv = [sys.executable, "-m", "bot", "run", "--config", str(config)]
        marker = "bot started"
    else:
        folder.mkdir(parents=True)
        argv = [
            sys.executable, str(ROOT / "bench" / "echo_bot.py"), "--homeserver", synapse.base_url,
            "--user", user.user_id, "--password", user.password,
            "--store", str(folder / "store"), "--stats", str(stats),
        ]  # fmt: skip
        marker = "echo bot started"
    check: Callable[[str, str], bool] = bot_answer if kind == "bot" else echo_answer
    target = Process(argv, work / f"{kind}.log")
    await target.start(marker)
    result: dict[str, Any] = {}
    try:
        rooms = await open_rooms(agents, user.user_id, greeting=True)
        # One warm-up question, not measured, from a B agent (A's agent sends exactly 10 a
        # minute, the default burst): the first answer of a process loads the guard's model.
        await agents[1].send_text(rooms[1], "Échauffement")
        await agents[1].wait_for_message(
            rooms[1], predicate=lambda m: check(m.body, "Échauffement"), timeout=timeout
        )
        ttft = TTFT if kind == "bot" else 0.0
        phase_a = await measure(
            agents[:1], rooms[:1], user.user_id, messages=A_MESSAGES, think=0.0,
            expected=check, timeout=timeout,
        )  # fmt: skip
        result["A"] = summarise(phase_a, ttft)
        before = (
            homeserver_requests(await scrape(ops_port))
            if kind == "bot"
            else await echo_requests(target, stats)
        )
        profiler = None
        if profile is not None and kind == "bot":
            # py-spy (pip install py-spy; not a project dependency): raw stacks of phase B.
            profiler = await asyncio.create_subprocess_exec(
                "py-spy", "record", "--pid", str(target.pid), "--rate", "200", "--idle",
                "--format", "raw", "--nonblocking", "-o", str(profile),
                stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
            )  # fmt: skip
        cpu_before = cpu_seconds(target.pid)
        phase_b = await measure(
            agents[1:], rooms[1:], user.user_id, messages=B_MESSAGES, think=0.0,
            expected=check, timeout=timeout,
        )  # fmt: skip
        cpu = cpu_seconds(target.pid) - cpu_before
        if profiler is not None:
            profiler.send_signal(signal.SIGINT)
            await profiler.wait()
        after = (
            homeserver_requests(await scrape(ops_port))
            if kind == "bot"
            else await echo_requests(target, stats)
        )
        result["B"] = summarise(phase_b, ttft)
        answered = max(1, result["B"]["answered"])
        result["B"]["cpu_ms_per_answer"] = round(cpu / answered * 1000, 1)
        result["B"]["homeserver_requests_per_answer"] = round((after - before) / answered, 1)
        result["peak_rss_mb"] = peak_rss_mb(target.pid)
    finally:
        await target.stop()
        await asyncio.gather(*(a.close() for a in agents))
    return result


async def run(args: argparse.Namespace) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="bench-lean-"))
    results: dict[str, Any] = {
        "configuration": "defaults (quotas, concurrency cap, queue, titles, privacy guard)",
        "fake_model": {"ttft_s": TTFT, "tokens_per_second": TPS, "answer_tokens": TOKENS},
        "A": f"1 agent, {A_MESSAGES} messages in a row",
        "B": f"{B_AGENTS} agents, {B_MESSAGES} messages each at once",
    }
    synapse = start_synapse(work / "synapse")
    try:
        model, llm_url = await start_model(work)
        try:
            for kind in ("bot", "echo"):
                print(f"{kind}: scenarios A and B", flush=True)
                results[kind] = await run_target(
                    kind, synapse, llm_url, work, args.timeout, args.profile
                )
        finally:
            await model.stop()
    finally:
        synapse.stop()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"logs kept in {work}")
    if args.skip_startup:
        return results
    print(f"bot: first answer after a restart ({args.rooms} rooms)", flush=True)
    compile_bytecode(ROOT)
    startup = argparse.Namespace(
        rooms=args.rooms, stored=args.rooms * 50, state=STATE / "startup-lean", defaults=True,
        ttft=TTFT, tps=TPS,
    )  # fmt: skip
    results["startup"] = await run_startup(startup)
    return results


def compile_bytecode(tree: Path) -> None:
    """The bot's own modules as the Docker image has them: compiled ahead (Dockerfile's
    compileall). Without it, with PYTHONDONTWRITEBYTECODE set or a read-only tree, every start
    compiles them again: 0.2-0.4 s of CPU that no operator's restart pays
    (bench/restart_timeline.py)."""
    import compileall

    for package in ("bot", "handlers", "storage"):
        compileall.compile_dir(tree / package, quiet=1)


# The table -------------------------------------------------------------------------------------


def _s(value: float) -> str:
    return f"{value / 1000:.2f}"


def _pair(values: dict[str, float]) -> str:
    return f"{_s(values['p50'])} / {_s(values['p95'])}"


def _lost(result: dict[str, Any]) -> str:
    lost = sum(result[s]["sent"] - result[s]["answered"] for s in ("A", "B"))
    twice = sum(result[s]["answered_twice"] for s in ("A", "B"))
    sent = sum(result[s]["sent"] for s in ("A", "B"))
    return f"{lost} / {twice} (of {sent})"


ROWS: list[tuple[str, Callable[[dict[str, Any]], str]]] = [
    ("A: first visible words, p50 / p95 s", lambda r: _pair(r["A"]["first_visible_ms"])),
    ("A: final edit, p50 / p95 s", lambda r: _pair(r["A"]["final_edit_ms"])),
    ("B: first visible words, p50 / p95 s", lambda r: _pair(r["B"]["first_visible_ms"])),
    ("B: final edit, p50 / p95 s", lambda r: _pair(r["B"]["final_edit_ms"])),
    ("CPU per answer (B), ms", lambda r: str(r["B"]["cpu_ms_per_answer"])),
    ("peak memory (VmHWM), MB", lambda r: str(r["peak_rss_mb"])),
    ("homeserver requests / answer (B)", lambda r: str(r["B"]["homeserver_requests_per_answer"])),
    ("lost / duplicated", _lost),
]  # fmt: skip


def print_table(results: dict[str, Any]) -> None:
    print("\n| | echo bot (floor) | assistant-ia |\n|---|---|---|")
    for label, value in ROWS:
        print(f"| {label} | {value(results['echo'])} | {value(results['bot'])} |")
    if "startup" not in results:
        return
    restarts = [
        r["process_start_to_first_answer_visible_s"] for r in results["startup"]["restart"]
    ]
    rooms = results["startup"]["rooms"]
    print(
        f"\nfirst answer after a restart ({rooms} rooms, process start to first visible words): "
        f"{' / '.join(f'{v:.2f}' for v in restarts)} s (median {statistics.median(restarts):.2f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    sub = parser.add_subparsers(dest="command")
    model = sub.add_parser("model", help="the fake model with answers of --tokens tokens")
    model.add_argument("--port", type=int, required=True)
    model.add_argument("--ttft", type=float, default=TTFT)
    model.add_argument("--tps", type=float, default=TPS)
    model.add_argument("--tokens", type=int, default=TOKENS)
    parser.add_argument("--rooms", type=int, default=20, help="rooms for the restart figure")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per answer")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (logs)")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--profile", type=Path, help="py-spy raw stacks of the bot in phase B")
    parser.add_argument("--skip-startup", action="store_true", help="no restart figure")
    args = parser.parse_args()
    if args.command == "model":
        logging.basicConfig(level=logging.WARNING)
        with contextlib.suppress(KeyboardInterrupt):
            asyncio.run(serve_model(args.port, args.ttft, args.tps, args.tokens))
        return
    load_avg = os.getloadavg()
    started = time.monotonic()
    results = asyncio.run(run(args))
    results["machine"] = {
        "cpus": os.cpu_count(),
        "load_average_at_start": [round(v, 2) for v in load_avg],
        "load_average_at_end": [round(v, 2) for v in os.getloadavg()],
        "python": sys.version.split()[0],
        "wall_s": round(time.monotonic() - started, 1),
    }
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print_table(results)
    machine = results["machine"]
    print(
        f"({machine['cpus']} CPUs, load average {machine['load_average_at_start'][0]} at start, "
        f"{machine['load_average_at_end'][0]} at end, {machine['wall_s']} s)"
    )


if __name__ == "__main__":
    main()
