"""CPU the LLM client spends reading one streamed answer (issue 16: the stream's parsing).

The fake model runs in its own process at full speed (no first-token wait, no pacing) and
answers every question with `--chunks` content chunks (plus the role chunk, the finish chunk,
the usage chunk and `[DONE]`, as OpenAI streams them); this process only reads the answers with
`LLMClient.stream_chat`, one after the other, and measures `time.process_time()` around each.

    .venv/bin/python bench/llm_stream.py [--answers 200] [--chunks 100] [--history 0]
        [--client FILE]
    .venv/bin/python bench/llm_stream.py serve --port P [--chunks 100] [--peer albert]

`--client FILE` reads the answers with the `LLMClient` of another copy of bot/llm.py (a file
path), to compare two versions on the same machine.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import socket
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pydantic import SecretStr  # noqa: E402

from bot.config import LLMConfig  # noqa: E402
from devtools.fake_llm import FakeLLM  # noqa: E402


def _messages(history: int) -> list[dict[str, str]]:
    """A system prompt, `history` earlier turns (messages), the question."""
    turns = [
        {
            "role": "user" if i % 2 == 0 else "assistant",
            "content": "Une phrase de l'échange. " * 20,
        }
        for i in range(history)
    ]
    system = {"role": "system", "content": "Tu es l'assistant des agents publics. " * 20}
    return [system, *turns, {"role": "user", "content": "Bonjour"}]


async def _serve(port: int, chunks: int, peer: str, tps: float = 0.0) -> None:
    extra = {"cost": 0.0012, "impacts": {"kWh": 0.0001, "kgCO2eq": 0.00002}}
    server = FakeLLM(
        responder=lambda messages: "mot " * chunks,  # one chunk per word
        tokens_per_second=tps,  # 0: at full speed (chunks share network reads)
        peer=peer,
        usage_extra=extra if peer == "albert" else None,
    )
    await server.start(port=port)
    print("ready", flush=True)
    await asyncio.Event().wait()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _client_class(path: str | None) -> Any:
    if path is None:
        from bot.llm import LLMClient

        return LLMClient
    spec = importlib.util.spec_from_file_location("llm_under_test", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module.LLMClient


async def _run(args: argparse.Namespace) -> None:
    port = _free_port()
    command = [sys.executable, __file__, "serve", "--port", str(port)]
    command += ["--chunks", str(args.chunks), "--peer", args.peer]
    server = await asyncio.create_subprocess_exec(*command, stdout=asyncio.subprocess.PIPE)
    try:
        assert server.stdout is not None
        await server.stdout.readline()  # "ready"
        config = LLMConfig(
            base_url=f"http://127.0.0.1:{port}/v1", api_key=SecretStr("x"), timeout=10
        )
        llm = _client_class(args.client)(config)

        async def on_text(text: str) -> None:
            return None

        cpu: list[float] = []
        messages = _messages(args.history)
        try:
            for index in range(args.warmup + args.answers):
                started = time.process_time()
                completion = await llm.stream_chat(messages, "m", on_text)
                spent = time.process_time() - started
                assert len(completion.text.split()) == args.chunks, completion.text
                assert completion.tokens_out is not None
                if index >= args.warmup:
                    cpu.append(spent * 1000)
        finally:
            await llm.close()
    finally:
        server.terminate()
        await server.wait()
    cpu.sort()
    print(
        f"{args.answers} answers of {args.chunks} chunks, {len(messages)} messages sent "
        f"({args.client or 'bot/llm.py'}): "
        f"CPU per answer mean {statistics.fmean(cpu):.2f} ms, "
        f"p50 {cpu[len(cpu) // 2]:.2f} ms, p90 {cpu[int(len(cpu) * 0.9)]:.2f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", nargs="?", choices=("run", "serve"), default="run")
    parser.add_argument("--answers", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--chunks", type=int, default=100)
    parser.add_argument("--history", type=int, default=0, help="earlier messages sent")
    parser.add_argument("--peer", default="openai")
    parser.add_argument("--client", help="another copy of bot/llm.py to measure")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--tps", type=float, default=0.0, help="serve: chunks a second (0: all)")
    args = parser.parse_args()
    if args.mode == "serve":
        asyncio.run(_serve(args.port, args.chunks, args.peer, args.tps))
    else:
        asyncio.run(_run(args))


if __name__ == "__main__":
    main()
