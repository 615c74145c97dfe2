"""Two copies of bot/llm.py compared in one process, answer by answer (issue 16).

On a shared machine, two runs of bench/llm_stream.py a minute apart differ by more than a change
of a few hundred microseconds; here both clients read the same fake model in turns (the order
alternates), so a load that comes and goes weighs on both alike. For each: the CPU
(`time.process_time`) of a streamed answer (`stream_chat`, 100 chunks by default) and of a
short answer in one piece (`complete`, as a conversation's title is asked).

    .venv/bin/python bench/llm_ab.py BEFORE.py AFTER.py [--answers 300] [--chunks 100]
        [--history 4] [--tps 20 --at-once 10]

`--tps` paces the fake model (chunks a second): each chunk is then a network read and a wake-up
of its own, as in scenario B, where at full speed chunks share reads. `--at-once N`: each turn
streams N answers at once with one client (B's 10 agents), CPU divided by N.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pydantic import SecretStr  # noqa: E402

from bot.config import LLMConfig  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from llm_stream import _client_class, _free_port, _messages  # noqa: E402


async def on_text(text: str) -> None:
    return None


async def run(args: argparse.Namespace) -> None:
    port = _free_port()
    command = [str(ROOT / "bench" / "llm_stream.py"), "serve", "--port", str(port)]
    command += ["--chunks", str(args.chunks), "--tps", str(args.tps)]
    server = await asyncio.create_subprocess_exec(
        sys.executable, *command, stdout=asyncio.subprocess.PIPE
    )
    try:
        assert server.stdout is not None
        await server.stdout.readline()  # "ready"
        config = LLMConfig(
            base_url=f"http://127.0.0.1:{port}/v1", api_key=SecretStr("x"), timeout=10
        )
        # Keyed by position: the same file given twice is an A/A run (the noise's size).
        clients: list[tuple[int, Any]] = [
            (n, _client_class(p)(config)) for n, p in enumerate(args.files)
        ]
        cpu: dict[int, dict[str, list[float]]] = {
            n: {"stream": [], "complete": []} for n in range(len(args.files))
        }
        messages = _messages(args.history)
        try:
            for index in range(args.warmup + args.answers):
                for n, llm in clients if index % 2 else reversed(clients):
                    many = range(args.at_once)
                    started = time.process_time()
                    await asyncio.gather(*(llm.stream_chat(messages, "m", on_text) for _ in many))
                    streamed = time.process_time()
                    await asyncio.gather(
                        *(llm.complete(messages, "m", max_tokens=20) for _ in many)
                    )
                    completed = time.process_time()
                    if index >= args.warmup:
                        cpu[n]["stream"].append((streamed - started) * 1000 / args.at_once)
                        cpu[n]["complete"].append((completed - streamed) * 1000 / args.at_once)
        finally:
            for _, llm in clients:
                await llm.close()
    finally:
        server.terminate()
        await server.wait()
    for n, path in enumerate(args.files):
        stream, complete = cpu[n]["stream"], cpu[n]["complete"]
        print(
            f"{n + 1}. {path}: stream_chat p50 {statistics.median(stream):.2f} ms "
            f"(mean {statistics.fmean(stream):.2f}), complete p50 "
            f"{statistics.median(complete):.2f} ms (mean {statistics.fmean(complete):.2f}), "
            f"{args.answers} answers of {args.chunks} chunks, {len(messages)} messages sent"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs=2, help="two copies of bot/llm.py")
    parser.add_argument("--answers", type=int, default=300)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--chunks", type=int, default=100)
    parser.add_argument("--history", type=int, default=4, help="earlier messages sent")
    parser.add_argument("--tps", type=float, default=0.0, help="the model's pace (0: at once)")
    parser.add_argument("--at-once", type=int, default=1, help="answers streamed at once")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
