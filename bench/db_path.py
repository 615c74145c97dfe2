"""The database work and the CPU of one ordinary answer on the dispatcher path: the real
dispatcher, features and SQLite, the fake Matrix port, and the fake model server in a child
process (its CPU is not counted) answering at once.

    .venv/bin/python bench/db_path.py [--answers 200] [--by-caller] [--no-count]

40 agents take turns in their DMs (each agent's first message is a warm-up, not measured).
Prints, per answered message: SQLite statements, aiosqlite thread hops (each a queue put and a
wake-up of the event loop), and with `--by-caller` the statements and hops of each storage
method and each statement. Then a separate run without any counting: the CPU time of the
process (`time.process_time`, the database's thread included) per answer.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import contextvars
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import aiosqlite  # noqa: E402

from bot.dispatcher import Dispatcher  # noqa: E402
from bot.matrix import IncomingText  # noqa: E402
from storage.db import Database, utcnow  # noqa: E402
from tests.harness import dispatcher_config, running_dispatcher  # noqa: E402

USERS = 40  # agents taking turns, as in a busy hour: each under the per-minute limit
AGENTS = [
    (f"!dm{i}", f"@agent{i}-interieur.gouv.fr:agent.interieur.tchap.gouv.fr") for i in range(USERS)
]
_LITERALS = re.compile(r"'(?:[^']|'')*'|\b\d+(?:\.\d+)?\b")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.asynccontextmanager
async def model_process(args: list[str], port: int) -> AsyncIterator[str]:
    """A fake model server in its own process (`args` after the interpreter, listening on
    `port`); yields its base URL once it accepts connections."""
    proc = subprocess.Popen(  # noqa: ASYNC220 - started once, before anything is measured
        [sys.executable, *args], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        for _ in range(400):
            try:
                _, writer = await asyncio.open_connection("127.0.0.1", port)
                writer.close()
                break
            except OSError:
                await asyncio.sleep(0.05)
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        proc.terminate()
        proc.wait(5)


def fake_model() -> contextlib.AbstractAsyncContextManager[str]:
    """The fake model server in its own process, answering at once; yields its base URL."""
    port = _free_port()
    return model_process(
        ["-m", "devtools.fake_llm", "--port", str(port), "--ttft", "0", "--tps", "0"], port
    )


_ids = iter(range(1, 10**9))


async def answer_one(dispatcher: Dispatcher, room: str, sender: str) -> None:
    await dispatcher.on_text(
        IncomingText(
            room, f"$q{next(_ids)}", sender, "m.text", "Une question ?", None, 0, False, 2, True
        )
    )
    dispatcher.flush_kicks()
    await dispatcher.drained()
    await dispatcher.services.tasks.idle()


_LABEL: contextvars.ContextVar[str] = contextvars.ContextVar("label", default="?")


class Counter:
    """Counts aiosqlite hops and SQLite statements, each by the storage method that made it."""

    def __init__(self) -> None:
        self.hops: collections.Counter[str] = collections.Counter()
        self.statements: collections.Counter[str] = collections.Counter()
        self.sql: collections.Counter[str] = collections.Counter()
        self._label = threading.local()
        self.on = False
        self.inner = 0

    def caller(self, skip: int = 2) -> str:
        frame = sys._getframe(skip)
        found: list[str] = []
        while frame is not None and len(found) < 2:
            path = frame.f_code.co_filename
            ours = path.startswith(str(ROOT)) and "/bench/" not in path
            if ours and "/aiosqlite/" not in path and not path.endswith("storage/db.py"):
                rel = Path(path).relative_to(ROOT)
                found.append(f"{rel.stem}.{frame.f_code.co_name}")
            frame = frame.f_back  # type: ignore[assignment]
        # A statement awaited to its end runs in a task of its own: the label set on the way in.
        return " < ".join(found) or _LABEL.get()

    def install(self) -> Callable[[], None]:
        original = aiosqlite.Connection._execute
        counter = self

        async def _execute(self: aiosqlite.Connection, fn: Any, *args: Any, **kwargs: Any) -> Any:
            if not counter.on:
                return await original(self, fn, *args, **kwargs)
            label = counter.caller()
            counter.hops[label] += 1

            def labelled() -> Any:
                counter._label.value = label
                counter._label.last = None
                try:
                    return fn(*args, **kwargs)
                finally:
                    counter._label.value = None

            return await original(self, labelled)

        aiosqlite.Connection._execute = _execute  # type: ignore[method-assign]
        patched = {}
        for name in ("execute", "fetchone", "fetchall", "transaction"):
            method = getattr(Database, name)
            patched[name] = method

            def labelled_method(*args: Any, _method: Any = method, **kwargs: Any) -> Any:
                _LABEL.set(counter.caller(1))
                return _method(*args, **kwargs)

            setattr(Database, name, labelled_method)

        def undo() -> None:
            aiosqlite.Connection._execute = original  # type: ignore[method-assign]
            for name, method in patched.items():
                setattr(Database, name, method)

        return undo

    def trace(self, sql: str) -> None:
        if not self.on:
            return
        label = getattr(self._label, "value", None) or "?"
        if sql.startswith("--"):  # a trigger's or the full-text index's own statement
            self.inner += 1
            return
        if sql == getattr(self._label, "last", None):
            return  # SQLite reports the statement again for each trigger it fires
        self._label.last = sql
        self.statements[label] += 1
        self.sql[_LITERALS.sub("?", " ".join(sql.split()))[:100]] += 1


async def count(url: str, answers: int, by_caller: bool) -> None:
    counter = Counter()
    undo = counter.install()
    try:
        with tempfile.TemporaryDirectory() as folder:
            config = dispatcher_config(Path(folder), url)
            async with running_dispatcher(
                config, Path(folder) / "db.sqlite3", utcnow
            ) as dispatcher:
                db = dispatcher.services.db
                await db.conn.set_trace_callback(counter.trace)
                for room, agent in AGENTS:  # warm-up: each agent's first message
                    await answer_one(dispatcher, room, agent)
                counter.on = True
                for n in range(answers):
                    await answer_one(dispatcher, *AGENTS[n % USERS])
                counter.on = False
                last = dispatcher.services.matrix.sent[-1]  # type: ignore[attr-defined]
                if not (last.edits[-1][0] if last.edits else last.body).startswith("Réponse"):
                    raise SystemExit(f"not an answer (a limit?): {last.body!r}")
    finally:
        undo()
    hops = sum(counter.hops.values())
    statements = sum(counter.statements.values())
    begins = sum(n for sql, n in counter.sql.items() if sql.startswith("BEGIN"))
    print(
        f"per answer: {statements / answers:.1f} statements ({begins / answers:.1f} transactions, "
        f"and {counter.inner / answers:.1f} run by triggers and the full-text index), "
        f"{hops / answers:.1f} aiosqlite hops"
    )
    if by_caller:
        print(f"{'statements':>10} {'hops':>6}  caller (per answer)")
        for label, n in counter.hops.most_common():
            print(f"{counter.statements[label] / answers:10.2f} {n / answers:6.2f}  {label}")
        print("statements (per answer):")
        for sql, n in counter.sql.most_common():
            print(f"{n / answers:6.2f}  {sql}")


async def cpu(url: str, answers: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        config = dispatcher_config(Path(folder), url)
        async with running_dispatcher(config, Path(folder) / "db.sqlite3", utcnow) as dispatcher:
            for room, agent in AGENTS:
                await answer_one(dispatcher, room, agent)
            cpu0, wall0 = time.process_time(), time.perf_counter()
            for n in range(answers):
                await answer_one(dispatcher, *AGENTS[n % USERS])
            cpu1, wall1 = time.process_time(), time.perf_counter()
    print(
        f"CPU per answer: {(cpu1 - cpu0) / answers * 1000:.1f} ms "
        f"(wall {(wall1 - wall0) / answers * 1000:.1f} ms, {answers} answers)"
    )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=200)
    parser.add_argument("--by-caller", action="store_true")
    parser.add_argument("--no-count", action="store_true")
    args = parser.parse_args()
    async with fake_model() as url:
        if not args.no_count:
            await count(url, args.answers, args.by_caller)
        await cpu(url, args.answers)


if __name__ == "__main__":
    asyncio.run(main())
