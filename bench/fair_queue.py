"""The fair queue under load: N agents sending at once, a cap on concurrent model requests.

Dispatcher level: the real routers, storage (SQLite), access gate, fair queue and LLM client;
the fake model server runs as its own process (fixed time to first token) and Matrix is the
in-memory fake port, so the peak memory measured is the bot's own process. Prints every message
answered or not, the wait in the queue (median, p95), time to the answer, the fairness (max/min
answers served per agent over the first half of the run and over the whole run), and the peak
RSS; writes JSON.

    .venv/bin/python bench/fair_queue.py [--agents 40] [--messages 2] [--cap 4] [--ttft 1.0]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.app import Config  # noqa: E402
from bot.matrix import IncomingText  # noqa: E402
from handlers.privacy.guard import Privacy  # noqa: E402
from tests.harness import fake_matrix, running_dispatcher  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def wait_port(port: int, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.close()
            return
        except OSError:
            await asyncio.sleep(0.1)
    raise TimeoutError("fake model server did not start")


async def run(args: argparse.Namespace, folder: Path) -> dict[str, Any]:
    port = free_port()
    command = [sys.executable, "-m", "devtools.fake_llm", "--port", str(port)]
    command += ["--ttft", str(args.ttft), "--tps", "0"]
    model = subprocess.Popen(  # noqa: ASYNC220 - started once, before any timing
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        await wait_port(port)
        config = Config.model_validate(
            {
                "matrix": {"user_id": "@assistant:bench", "password": "x"},
                "llm": {
                    "base_url": f"http://127.0.0.1:{port}/v1",
                    "api_key": "bench",
                    "edit_interval": 1.0,
                    "timeout": 60,
                },
                "access": {"auto_approve_homeservers": ["bench"], "terms_version": ""},
                # Titles are extra model requests outside the queue: not what this measures.
                "conversations": {"generate_titles": False},
                "limits": {
                    "max_concurrent_requests": args.cap,
                    "max_queued_requests": args.agents * args.messages,
                    "burst_per_minute": 0,
                },
            }
        ).resolve_paths(folder)
        async with running_dispatcher(
            config, folder / "bench.sqlite3", clock=lambda: datetime.now(UTC)
        ) as dispatcher:
            services = dispatcher.services
            db = services.db
            matrix = fake_matrix(dispatcher)
            # Loads the guard's models before the clock runs.
            await services.part(Privacy).detector.scan_async("Bonjour")
            agents = [f"@agent{i:02d}:bench" for i in range(args.agents)]
            sent_at: dict[str, float] = {}
            start = time.monotonic()
            for round_ in range(args.messages):
                for i, agent in enumerate(agents):
                    event_id = f"$m{round_}-{i}"
                    await dispatcher.on_text(
                        IncomingText(
                            f"!dm{i:02d}",
                            event_id,
                            agent,
                            "m.text",
                            f"Question {round_} de l'agent {i}",
                            None,
                            round_,
                            False,
                            2,
                            True,
                        )
                    )
                    sent_at[event_id] = time.monotonic()
            dispatcher.flush_kicks()
            await dispatcher.drained()
            elapsed = time.monotonic() - start
            rows = await db.fetchall(
                "SELECT user_id, wait_ms, latency_ms, at FROM usage ORDER BY at"
            )
            done = await db.fetchone("SELECT COUNT(*) AS n FROM inbox WHERE status = 'done'")
            answers = [s for s in matrix.sent if s.final_body.startswith("Réponse simulée")]
            refused = [s for s in matrix.sent if "très sollicité" in s.final_body]
            bodies = [body for s in matrix.sent for body in [s.body, *(e[0] for e in s.edits)]]
            queue_lines = sum(1 for body in bodies if "dans la file" in body)
            waits = [r["wait_ms"] / 1000 for r in rows]
            per_user: dict[str, int] = dict.fromkeys(agents, 0)
            half: dict[str, int] = dict.fromkeys(agents, 0)
            cut = rows[len(rows) // 2]["at"] if rows else ""
            for r in rows:
                per_user[r["user_id"]] += 1
                if r["at"] < cut:
                    half[r["user_id"]] += 1
    finally:
        model.terminate()
        model.wait(10)
    served_half = list(half.values())
    return {
        "agents": args.agents,
        "messages_per_agent": args.messages,
        "cap": args.cap,
        "ttft_s": args.ttft,
        "sent": len(sent_at),
        "answered": len(answers),
        "inbox_done": int(done["n"]) if done else 0,
        "refused": len(refused),
        "queue_status_lines": queue_lines,
        "elapsed_s": round(elapsed, 2),
        "wait_median_s": round(statistics.median(waits), 2) if waits else None,
        "wait_p95_s": round(percentile(waits, 0.95), 2) if waits else None,
        "fairness_whole_run_max_min": f"{max(per_user.values())}/{min(per_user.values())}",
        "fairness_first_half_max_min": f"{max(served_half)}/{min(served_half)}",
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agents", type=int, default=40)
    parser.add_argument("--messages", type=int, default=2, help="messages per agent")
    parser.add_argument("--cap", type=int, default=4)
    parser.add_argument("--ttft", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    results = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            result = asyncio.run(run(args, Path(tmp)))
        print(json.dumps(result, ensure_ascii=False))
        results.append(result)
    summary = {
        key: statistics.median(r[key] for r in results)
        for key in ("elapsed_s", "wait_median_s", "wait_p95_s", "peak_rss_mib")
    }
    print("medians over", args.runs, "runs:", json.dumps(summary))
    if args.json:
        args.json.write_text(json.dumps({"runs": results, "medians": summary}, indent=2))


if __name__ == "__main__":
    main()
