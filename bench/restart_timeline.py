"""Issue 16's restart, step by step: where the time goes from the process start to the first
words an agent sees, with 20 rooms (bench/lean.py's start-up snapshot).

The bot runs as `python -m bot run` does, through a thin wrapper (`wrap`, below) that notes the
wall time and the process's CPU time (all threads) at each step: interpreter up, imports done,
configuration read, database open, nio's store loaded (restore_login), session restored
(whoami), keys and identity, features' set-up, guard warmed, "bot started", first sync sent and
answered, question queued, model request sent and answered (headers), first message sent. The
agent's side (first words seen) is measured by the probe, as bench/load.py does.

Several trees can be compared (a clean copy of an older commit, e.g.
`git archive HEAD | tar -x -C /tmp/before`): their restarts alternate, so the machine's noise
falls on both. The first start of each tree is not measured (it compiles the byte-code and sees
the rooms joined behind its back).

    .venv/bin/python bench/restart_timeline.py [--tree /tmp/before] [--tree .] [--runs 3]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import statistics
import sys
import time
from pathlib import Path
from typing import Any

SELF = Path(__file__).resolve()

# Wrapper: runs in the bot's process ------------------------------------------------------------

_MARKS: list[tuple[str, float, float]] = []
_OUT: list[Path] = []
_LAST = "first message sent end"


_GC = {"spent": 0.0, "started": 0.0}


def _gc_timer(phase: str, info: dict[str, Any]) -> None:
    if phase == "start":
        _GC["started"] = time.process_time()
    else:
        _GC["spent"] += time.process_time() - _GC["started"]


def _mark(label: str) -> None:
    now = time.time()
    _MARKS.append((label, now, time.process_time()))
    if label == _LAST:  # written now too: under py-spy, the exit may not run atexit
        _MARKS.append(("(the collector's CPU so far, in the CPU column)", now, _GC["spent"]))
        _OUT[0].write_text(json.dumps(_MARKS))


def _once(label: str) -> None:
    if all(m[0] != label for m in _MARKS):
        _mark(label)


def wrap(out: Path, argv: list[str]) -> int:
    """`python -m bot` with marks; the marks are written to `out` at the exit."""
    import atexit
    import gc

    gc.callbacks.append(_gc_timer)
    _mark("interpreter up")
    _OUT.append(out)
    atexit.register(lambda: out.write_text(json.dumps(_MARKS)))
    # The tree to start, in place of this script's folder (whose modules would shadow others).
    sys.path[0] = os.environ.get("RT_TREE") or str(SELF.parent.parent)
    import bot.cli

    _mark("imports done (bot.cli, bot.app)")
    _patch()
    return bot.cli.main(argv)


def _patch() -> None:
    import logging

    import aiohttp
    import nio

    import bot.app
    import bot.cli
    import bot.matrix
    import storage.db

    def around_sync(owner: Any, name: str, label: str) -> None:
        inner = getattr(owner, name)

        def patched(*args: Any, **kwargs: Any) -> Any:
            _once(f"{label} start")
            try:
                return inner(*args, **kwargs)
            finally:
                _once(f"{label} end")

        setattr(owner, name, patched)

    def around_async(owner: Any, name: str, label: str) -> None:
        inner = getattr(owner, name)

        async def patched(*args: Any, **kwargs: Any) -> Any:
            _once(f"{label} start")
            try:
                return await inner(*args, **kwargs)
            finally:
                _once(f"{label} end")

        setattr(owner, name, patched)

    around_sync(bot.cli, "load_config", "config read")
    around_async(storage.db.Database, "open", "database open")
    around_sync(bot.matrix.MatrixClient, "_restore", "nio store loaded (restore_login)")
    around_async(bot.matrix.MatrixClient, "login", "login (whoami)")
    around_async(bot.matrix.MatrixClient, "publish_keys", "keys")
    around_async(bot.matrix.MatrixClient, "secure_identity", "identity (cross-signing, backup)")
    around_sync(bot.app, "assemble", "features' set-up")
    if os.environ.get("RT_FEATURES"):  # each feature's set-up
        for name in dir(bot.app):
            module = getattr(bot.app, name)
            if getattr(module, "__name__", "").startswith("handlers.") and hasattr(
                module, "setup"
            ):
                around_sync(module, "setup", f"  set-up of {name}")
    for name in ("_warm_guard", "warm_guard"):
        if hasattr(bot.app, name):
            around_async(bot.app, name, "guard warm-up")
    around_async(bot.matrix.MatrixClient, "_load_rooms", "stored rooms loaded")
    if os.environ.get("RT_FEATURES"):  # the rest of the start
        import bot.dispatcher

        around_async(bot.matrix.MatrixClient, "names", "  bot's names")
        around_async(bot.dispatcher.Dispatcher, "resume_pending", "  pending answers resumed")
        around_async(bot.app.BotApp, "_start_ops", "  ops listener")
        around_async(bot.app.BotApp, "_join_support_room", "  support room")
        around_sync(bot.app, "LLMClient", "  model client")
    around_async(nio.AsyncClient, "sync", "first sync")
    import bot.llm

    around_async(bot.llm.LLMClient, "list_models", "model listing")

    request = aiohttp.ClientSession._request

    async def patched_request(self: Any, method: str, url: Any, *args: Any, **kwargs: Any) -> Any:
        text = str(url)
        if "chat/completions" in text:
            if profiler is not None and all(m[0] != "model request sent" for m in _MARKS):
                profiler.disable()
                profiler.dump_stats(str(profile_to))
            _once("model request sent")
            response = await request(self, method, url, *args, **kwargs)
            _once("model answered (headers)")
            return response
        if method == "PUT" and "/send/m.room." in text:
            _once("first message sent start")
            response = await request(self, method, url, *args, **kwargs)
            _once("first message sent end")
            return response
        return await request(self, method, url, *args, **kwargs)

    aiohttp.ClientSession._request = patched_request  # type: ignore[method-assign]

    call_handlers = logging.Logger.callHandlers
    wanted = {
        "bot started": "'bot started' logged",
        "queued event": "question queued",
        "personal-data guard ready": "guard ready logged",
    }

    profile_to = os.environ.get("RT_CPROFILE")  # the first sync's answer until its request
    profiler = None
    if profile_to:
        import cProfile

        profiler = cProfile.Profile()

    def patched_call(self: logging.Logger, record: logging.LogRecord) -> None:
        message = str(record.msg)
        for needle, label in wanted.items():
            if message.startswith(needle):
                _once(label)
                if profiler is not None and label == "question queued":
                    profiler.enable()
        call_handlers(self, record)

    logging.Logger.callHandlers = patched_call  # type: ignore[method-assign]


# The runs ---------------------------------------------------------------------------------------


async def run(args: argparse.Namespace) -> dict[str, Any]:
    sys.path.insert(0, str(SELF.parent))
    import psutil
    from load import (
        STATE,
        Process,
        bot_answer,
        bot_config,
        cpu_seconds,
        free_port,
        grow,
        peak_rss_mb,
        start_fake_model,
    )

    from devtools.agent import AgentClient
    from devtools.synapse import start_synapse

    state_dir = STATE / "startup-lean"
    state_dir.mkdir(parents=True, exist_ok=True)
    model, llm_url = await start_fake_model(state_dir, args.ttft, args.tps)
    grow_args = argparse.Namespace(
        rooms=[args.rooms], stored=args.rooms * 50, state=state_dir, defaults=True,
        ttft=args.ttft, tps=args.tps, stored_per_room=None,
    )  # fmt: skip
    folder = await grow(grow_args, llm_url, args.rooms)
    state = json.loads((folder / "setup.json").read_text())
    synapse = start_synapse(folder / "synapse")
    bot_dir = folder / "bot"
    ops_port = free_port()
    trees = [Path(t) for t in args.tree]
    if not args.no_bytecode:
        from lean import compile_bytecode

        for tree in trees:
            compile_bytecode(tree)
    results: dict[str, Any] = {str(t): [] for t in trees}
    try:
        config = bot_config(
            bot_dir, synapse.base_url, state["bot_user"], state["bot_password"], llm_url, ops_port,
            None, defaults=True,
        )  # fmt: skip

        def process(tree: Path, out: Path) -> Any:
            argv = [sys.executable, str(SELF), "wrap", "--out", str(out), "--"]
            if args.profile is not None:  # py-spy (not a project dependency): raw stacks
                args.profile.mkdir(parents=True, exist_ok=True)
                stacks = args.profile / f"{tree.name}-{out.stem}.txt"
                spy = ["py-spy", "record", "--rate", "500", "--format", "raw", "--idle"]
                argv = [*spy, "-o", str(stacks), "--", *argv]
            argv += ["run", "--config", str(config)]
            env = {"PYTHONPATH": str(tree), "RT_TREE": str(tree)}
            if args.features:
                env["RT_FEATURES"] = "1"
            if args.cprofile is not None:
                env["RT_CPROFILE"] = str(args.cprofile / f"{tree.name}-{out.stem}.prof")
            return Process(argv, folder / "bot.log", env=env)

        def bot_pid(bot: Any) -> int:
            if args.profile is None:
                return int(bot.pid)
            return int(psutil.Process(bot.pid).children()[0].pid)  # py-spy's child

        async def stop(bot: Any) -> None:
            if args.profile is not None:  # py-spy does not pass SIGTERM on to the bot
                os.kill(bot_pid(bot), signal.SIGTERM)
            await bot.stop()

        for tree in trees:  # not measured: byte-code, rooms joined while the bot was down
            settle = process(tree, folder / "settle.json")
            await settle.start("bot started")
            await asyncio.sleep(3)
            await stop(settle)
        probe = await AgentClient.login(
            synapse.base_url, state["probe_user"], state["probe_password"], folder / "probe"
        )
        await probe.start()
        room = state["probe_room"]
        try:
            for i in range(args.runs):
                for tree in trees if i % 2 == 0 else list(reversed(trees)):
                    out = folder / f"marks-{os.getpid()}-{i}.json"
                    question = f"Question de démarrage {i} {time.time()}"
                    after = len(probe.messages(room))
                    await probe.send_text(room, question)
                    await asyncio.sleep(0.5)  # the question is stored before the bot starts
                    bot = process(tree, out)
                    spawn_wall = time.time()
                    spawn = time.monotonic()
                    await bot.start("bot started")
                    seen = await probe.wait_for_message(
                        room,
                        sender=state["bot_user"],
                        after=after,
                        predicate=lambda m, q=question: bot_answer(m.body, q),
                        timeout=120,
                    )
                    first_seen = seen.first_seen - spawn
                    cpu = cpu_seconds(bot_pid(bot))
                    rss = peak_rss_mb(bot_pid(bot))
                    await stop(bot)
                    for _ in range(50):
                        if out.exists():
                            break
                        await asyncio.sleep(0.1)
                    marks = json.loads(out.read_text())
                    out.unlink()
                    steps = [(label, wall - spawn_wall, c) for label, wall, c in marks]
                    steps.append(("first words seen by the agent", first_seen, cpu))
                    results[str(tree)].append(steps)
                    print(
                        f"{tree}: run {i}: first words at {first_seen:.2f} s, CPU {cpu:.2f} s, "
                        f"peak memory {rss} MB",
                        flush=True,
                    )
        finally:
            await probe.close()
    finally:
        synapse.stop()
        await model.stop()
    return results


def table(runs: list[list[tuple[str, float, float]]]) -> str:
    """Median wall (from the process start) and CPU (cumulated) at each step."""
    labels: list[str] = []
    for steps in runs:
        for label, _, _ in steps:
            if label not in labels:
                labels.append(label)
    walls = {label: [] for label in labels}  # type: dict[str, list[float]]
    cpus = {label: [] for label in labels}  # type: dict[str, list[float]]
    for steps in runs:
        for label, wall, cpu in steps:
            walls[label].append(wall)
            cpus[label].append(cpu)
    order = sorted(labels, key=lambda label: statistics.median(walls[label]))
    lines = ["| step | wall s (median) | CPU s (cumulated) | runs |", "|---|---|---|---|"]
    for label in order:
        w, c = statistics.median(walls[label]), statistics.median(cpus[label])
        span = f"{min(walls[label]):.2f}-{max(walls[label]):.2f}"
        lines.append(f"| {label} | {w:.3f} ({span}) | {c:.3f} | {len(walls[label])} |")
    return "\n".join(lines)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "wrap":
        # wrap --out FILE -- <the bot's arguments>
        if sys.argv[2] != "--out" or sys.argv[4] != "--":
            sys.exit("usage: restart_timeline.py wrap --out FILE -- run --config PATH")
        sys.exit(wrap(Path(sys.argv[3]), sys.argv[5:]))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--tree", action="append", help="source tree(s) to start (default: .)")
    parser.add_argument("--runs", type=int, default=3, help="restarts per tree")
    parser.add_argument("--rooms", type=int, default=20)
    parser.add_argument("--ttft", type=float, default=0.5)
    parser.add_argument("--tps", type=float, default=20.0)
    parser.add_argument("--json", type=Path)
    parser.add_argument(
        "--no-bytecode", action="store_true", help="do not compile the trees' modules ahead"
    )
    parser.add_argument(
        "--cprofile", type=Path, help="folder for cProfile of the first answer, queue to request"
    )
    parser.add_argument("--features", action="store_true", help="mark each feature's set-up")
    parser.add_argument("--profile", type=Path, help="folder for py-spy's stacks of each start")
    args = parser.parse_args()
    args.tree = [str(Path(t).resolve()) for t in args.tree or [SELF.parent.parent]]
    results = asyncio.run(run(args))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    for tree, runs in results.items():
        print(f"\n{tree} ({len(runs)} restarts, {args.rooms} rooms)\n{table(runs)}")


if __name__ == "__main__":
    main()
