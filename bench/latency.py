"""Latency of one answer as an agent sees it: send -> first visible message -> final edit.

Runs a real Synapse on loopback, the fake model (fixed time to first token and token rate) and
the bot as its own process (`python -m bot run`), and a simulated agent in an encrypted DM.
Sequential questions; prints medians and p95, and writes JSON.

    .venv/bin/python bench/latency.py [--n 20] [--ttft 0.5] [--tps 40] [--json out.json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from devtools.agent import AgentClient  # noqa: E402
from devtools.bench_config import write_bench_config  # noqa: E402
from devtools.fake_llm import FakeLLM, Reply, split_tokens  # noqa: E402
from devtools.synapse import start_synapse  # noqa: E402

ANSWER = (
    "Voici les étapes pour préparer une note de synthèse : identifier le destinataire, "
    "rassembler les sources, dégager trois idées principales, rédiger une introduction "
    "courte, développer chaque idée en un paragraphe, puis conclure par une recommandation "
    "claire et datée."
)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def write_config(folder: Path, homeserver: str, user_id: str, password: str, llm: str) -> Path:
    return write_bench_config(folder, homeserver, user_id, password, llm)


async def run(n: int, ttft: float, tps: float) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="bench-latency-"))
    synapse = start_synapse(work / "synapse")
    fake = FakeLLM(default_ttft=ttft, tokens_per_second=tps)
    await fake.start()
    bot_user = synapse.register("assistant-bench")
    agent_user = synapse.register("agent-bench")
    config = write_config(
        work, synapse.base_url, bot_user.user_id, bot_user.password, fake.base_url
    )
    log_file = (work / "bot.log").open("w")
    bot = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        "--config",
        str(config),
        cwd=ROOT,
        stdout=log_file,
        stderr=asyncio.subprocess.STDOUT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    agent = await AgentClient.login(
        synapse.base_url, agent_user.user_id, agent_user.password, work / "agent"
    )
    try:
        await agent.start()
        room = await agent.create_dm(bot_user.user_id)
        await agent.wait_member(room, bot_user.user_id, timeout=60)
        await agent.wait_for_text(room, "Assistant IA", timeout=60)
        first_visible: list[float] = []
        final: list[float] = []
        edits: list[int] = []
        for i in range(n):
            fake.enqueue(Reply(text=ANSWER))
            after = len(agent.messages(room))
            sent_at = time.monotonic()
            await agent.send_text(room, f"Question {i} : comment rédiger une note ?")
            message = await agent.wait_for_message(
                room, sender=bot_user.user_id, after=after, timeout=60
            )
            await agent.wait_for_message(
                room, predicate=lambda m: m.body == ANSWER, after=after, timeout=60
            )
            first_visible.append(message.first_seen - sent_at - ttft)
            final.append(message.last_update - sent_at)
            edits.append(message.edits)
        # What the fake model itself takes: its first token, then one pause per chunk.
        model_time = ttft + (len(split_tokens(ANSWER)) / tps if tps else 0.0)
        return {
            "n": n,
            "fake_model": {"ttft_s": ttft, "tokens_per_second": tps, "stream_s": model_time},
            "first_visible_minus_ttft_ms": {
                "median": round(statistics.median(first_visible) * 1000, 1),
                "p95": round(percentile(first_visible, 0.95) * 1000, 1),
            },
            "final_edit_ms": {
                "median": round(statistics.median(final) * 1000, 1),
                "p95": round(percentile(final, 0.95) * 1000, 1),
            },
            "final_edit_minus_model_stream_ms": {
                "median": round((statistics.median(final) - model_time) * 1000, 1),
            },
            "edits_per_answer": {"median": statistics.median(edits), "max": max(edits)},
        }
    finally:
        await agent.close()
        bot.terminate()
        await asyncio.wait_for(bot.wait(), 30)
        log_file.close()
        await fake.stop()
        synapse.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=20)
    parser.add_argument("--ttft", type=float, default=0.5)
    parser.add_argument("--tps", type=float, default=40.0)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    result = asyncio.run(run(args.n, args.ttft, args.tps))
    text = json.dumps(result, indent=2, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
