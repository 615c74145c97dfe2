"""CPU of the answer path without Matrix (issue 16): from a question handed to the dispatcher to
the answer's final edit and its title, as scenario B runs it, minus nio and the homeserver.

The real dispatcher, features and SQLite with the fake Matrix port (tests/harness.py); the fake
model in its own process (its CPU is not counted) answering 100-token answers at 20 tokens a
second, first token at 0.5 s, titles at once (`bench/lean.py model`). The configuration is the
operators' (edit pacing, the personal-data guard, titles) with the quotas off. Agents come in
groups of 10, all at once; each agent asks 2 questions in its DM (the second after its first
answer), as in scenario B. A group of warm-up agents goes first, not measured.

Prints `time.process_time()` per answer (the whole process: the event loop and the database's
and the guard's threads) for each run, and the median of the runs.

    .venv/bin/python bench/answer_path.py [--answers 100] [--runs 3] [--tps 20] [--tokens 100]
        [--cprofile FILE]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import cProfile
import itertools
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.app import Config  # noqa: E402
from bot.dispatcher import Dispatcher  # noqa: E402
from bot.matrix import IncomingText  # noqa: E402
from storage.db import utcnow  # noqa: E402
from tests.harness import running_dispatcher  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from db_path import _free_port, model_process  # noqa: E402

GROUP = 10  # agents at once, as scenario B
QUESTIONS = 2  # per agent
QUESTION = (
    "Question {n} : comment préparer une note de synthèse claire pour le directeur avec les "
    "sources, le calendrier et les risques du projet"
)
_ids = itertools.count(1)


def fake_model(
    ttft: float, tps: float, tokens: int
) -> contextlib.AbstractAsyncContextManager[str]:
    """bench/lean.py's fake model (paced answers) in its own process; yields its base URL."""
    port = _free_port()
    command = [str(ROOT / "bench" / "lean.py"), "model", "--port", str(port)]
    command += ["--ttft", str(ttft), "--tps", str(tps), "--tokens", str(tokens)]
    return model_process(command, port)


def make_config(folder: Path, url: str) -> Config:
    data: dict[str, Any] = {
        "matrix": {"user_id": "@assistant:test", "password": "x"},
        "llm": {"base_url": url, "api_key": "bench"},
        "support": {"room": "!support"},
        "access": {"auto_approve_domains": ["interieur.gouv.fr"], "terms_version": ""},
        "limits": {
            "messages_per_day": 0,
            "tokens_per_day": 0,
            "burst_per_minute": 0,
            "max_concurrent_requests": 1000,
            "max_queued_requests": 10000,
        },
    }
    return Config.model_validate(data).resolve_paths(folder)


async def ask_group(dispatcher: Dispatcher, agents: list[str]) -> None:
    """Each agent asks its questions in its DM, all agents at once, each question after the
    previous answer (its final edit and its title)."""
    for _ in range(QUESTIONS):
        for agent in agents:
            n = next(_ids)
            question = QUESTION.format(n=n)
            event = IncomingText(
                f"!dm-{agent}", f"$q{n}", agent, "m.text", question, None, 0, False, 2, True
            )
            await dispatcher.on_text(event)
        dispatcher.flush_kicks()
        await dispatcher.drained()
        await dispatcher.services.tasks.idle()


def _agents(group: int) -> list[str]:
    return [
        f"@agent{group}-{i}-interieur.gouv.fr:agent.interieur.tchap.gouv.fr" for i in range(GROUP)
    ]


async def run(args: argparse.Namespace, url: str) -> list[float]:
    groups = max(1, args.answers // (GROUP * QUESTIONS))
    answers = groups * GROUP * QUESTIONS
    results: list[float] = []
    profiler = cProfile.Profile() if args.cprofile else None
    with tempfile.TemporaryDirectory() as folder:
        config = make_config(Path(folder), url)
        async with running_dispatcher(config, Path(folder) / "db.sqlite3", utcnow) as dispatcher:
            matrix: Any = dispatcher.services.matrix
            await ask_group(dispatcher, _agents(0))  # warm-up
            group = 1
            for _ in range(args.runs):
                sent = len(matrix.sent)
                if profiler is not None:
                    profiler.enable()
                cpu0, wall0 = time.process_time(), time.perf_counter()
                for _ in range(groups):
                    await ask_group(dispatcher, _agents(group))
                    group += 1
                cpu1, wall1 = time.process_time(), time.perf_counter()
                if profiler is not None:
                    profiler.disable()
                finals = [m.final_body for m in matrix.sent[sent:] if m.room_id != "!support"]
                answered = sum(1 for body in finals if body.startswith("Réponse simulée"))
                if answered != answers:
                    raise SystemExit(f"{answered} answers of {answers}: {finals[-3:]!r}")
                per = (cpu1 - cpu0) / answers * 1000
                results.append(per)
                edits = sum(len(m.edits) for m in matrix.sent[sent:]) / answers
                print(
                    f"CPU per answer {per:.2f} ms ({answers} answers, wall "
                    f"{wall1 - wall0:.1f} s, {edits:.1f} edits per answer)",
                    flush=True,
                )
    if profiler is not None:
        profiler.dump_stats(args.cprofile)
    return results


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=100, help="per run")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--ttft", type=float, default=0.5)
    parser.add_argument("--tps", type=float, default=20.0)
    parser.add_argument("--tokens", type=int, default=100)
    parser.add_argument("--cprofile", help="write a cProfile of the measured runs here")
    args = parser.parse_args()
    async with fake_model(args.ttft, args.tps, args.tokens) as url:
        results = await run(args, url)
    print(f"median of {len(results)} runs: {statistics.median(results):.2f} ms per answer")


if __name__ == "__main__":
    asyncio.run(main())
