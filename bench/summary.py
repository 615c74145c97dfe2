"""Whole-document summary of a 300-page PDF: time and model tokens.

The real routers, storage (FTS5), privacy guard, quota and fair queue, a fake Matrix port, the
fake model (in this process, on loopback) answering each map call with a short summary of its
batch. Per run: time from "Résume ce document" reaching the dispatcher to the final edit, the
model calls (map, merge, final answer), prompt and completion tokens as the model server
reported them, and the tokens the agent's quota counted (they must match). Medians over runs.

    .venv/bin/python bench/summary.py [--runs 3] [--pages 300] [--chars 1800]
        [--context 0] [--ttft 0] [--tps 0] [--identifiers pseudonymise] [--json out.json]

`--context N` lists the model with a window of N tokens (Albert says it; the fake does not by
default, so the bot falls back on `[llm] context_budget`); `--ttft`/`--tps` give the fake model
a time to first token and a pace (tokens per second).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import statistics
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
from devtools.fake_llm import (  # noqa: E402
    DEFAULT_MODELS,
    FakeLLM,
    estimate_tokens,
    last_user_message,
)
from handlers.access.policy import access_of  # noqa: E402
from handlers.attachments import texts  # noqa: E402
from tests import docgen  # noqa: E402
from tests.harness import fake_matrix, running_dispatcher  # noqa: E402

AGENT = "@agent-interieur.gouv.fr:bench"
_PAGE_TAG = re.compile(r"\[p\.\u00a0(\d+)\]")


class Model:
    """Short, plausible answers: about 600 characters per map or merge call, 1,500 for the
    final summary; which kind of call each was, and the tokens each used."""

    def __init__(self) -> None:
        self.calls: dict[str, int] = {"map": 0, "merge": 0, "final": 0, "other": 0}
        self.pages: set[int] = set()
        self.tokens_in = 0
        self.tokens_out = 0

    def __call__(self, messages: list[dict[str, Any]]) -> str:
        system = str(messages[0].get("content", "")) if messages else ""
        user = last_user_message(messages)
        if system == texts.SUMMARY_MAP_INSTRUCTIONS:
            kind = "map"
            pages = [int(n) for n in _PAGE_TAG.findall(user)]
            self.pages.update(pages)
            reply = f"Les pages {min(pages)} à {max(pages)} précisent les modalités. " * 9
        elif system == texts.SUMMARY_MERGE_INSTRUCTIONS:
            kind = "merge"
            reply = "Les parties fusionnées décrivent la procédure (p. 1–100). " * 10
        elif "<resumes>" in user:
            kind = "final"
            reply = (
                "## Synthèse\n\n" + "- Le dispositif s'applique aux services (p. 1–300).\n" * 30
            )
        else:
            kind = "other"
            reply = "D'accord."
        self.calls[kind] += 1
        self.tokens_in += sum(estimate_tokens(str(m.get("content", ""))) for m in messages)
        self.tokens_out += estimate_tokens(reply)
        return reply


async def one_run(
    pdf: bytes, pages: int, args: argparse.Namespace, folder: Path
) -> dict[str, Any]:
    model = Model()
    models = [dict(m) for m in DEFAULT_MODELS]
    if args.context:
        for m in models:
            m["max_context_length"] = args.context
    fake = FakeLLM(
        responder=model, models=models, default_ttft=args.ttft, tokens_per_second=args.tps
    )
    fake.titles.extend(["Rapport"] * 3)  # the conversation's title, asked in the background
    await fake.start()
    config = Config.model_validate(
        {
            "matrix": {"user_id": "@assistant:bench", "password": "x"},
            "llm": {"base_url": fake.base_url, "api_key": "bench", "edit_interval": 0.5},
            "access": {"auto_approve_homeservers": ["bench"], "terms_version": ""},
            "privacy": {"identifiers": args.identifiers},
        }
    ).resolve_paths(folder)
    counter = iter(range(1, 1_000_000))
    try:
        async with running_dispatcher(
            config, folder / "bench.sqlite3", clock=lambda: datetime.now(UTC)
        ) as dispatcher:
            matrix = fake_matrix(dispatcher)

            async def send(text: str, msgtype: str = "m.text", media: Any = None) -> float:
                started = time.perf_counter()
                await dispatcher.on_text(
                    IncomingText(
                        "!dm",
                        f"$s{next(counter)}",
                        AGENT,
                        msgtype,
                        text,
                        None,
                        0,
                        False,
                        2,
                        True,
                        media=media,
                    )
                )
                dispatcher.flush_kicks()
                await dispatcher.drained()
                return time.perf_counter() - started

            url = matrix.media.add("rapport.pdf", pdf)
            media = {
                "url": url,
                "file": None,
                "mimetype": "application/pdf",
                "size": len(pdf),
                "filename": "rapport.pdf",
            }
            ingest = await send("rapport.pdf", "m.file", media)
            repo = access_of(dispatcher.services).repo
            before = await repo.usage_since(AGENT, "")
            model.calls = dict.fromkeys(model.calls, 0)
            model.tokens_in = model.tokens_out = 0
            took = await send("Résume ce document")
            after = await repo.usage_since(AGENT, "")
            final = fake_matrix(dispatcher).in_room("!dm")[-1].final_body
            assert final.startswith("## Synthèse"), final[:200]
            assert model.pages == set(range(1, pages + 1)), "pages left unread"
            edits = len(matrix.in_room("!dm")[-1].edits) if hasattr(matrix, "in_room") else 0
    finally:
        await fake.stop()
    return {
        "ingest_s": round(ingest, 3),
        "summary_s": round(took, 3),
        "calls": dict(model.calls),
        "model_calls": sum(model.calls.values()),
        "prompt_tokens": model.tokens_in,
        "completion_tokens": model.tokens_out,
        "quota_tokens": after.tokens - before.tokens,
        "quota_requests": after.messages - before.messages,
        "edits": edits,
    }


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--chars", type=int, default=1800, help="characters per page")
    parser.add_argument("--context", type=int, default=0, help="model window (0: not listed)")
    parser.add_argument("--ttft", type=float, default=0.0)
    parser.add_argument("--tps", type=float, default=0.0)
    parser.add_argument(
        "--identifiers",
        default="pseudonymise",
        help="the personal-data guard's mode (pseudonymise, the default; off: no guard cost)",
    )
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    pdf = docgen.long_pdf(args.pages, args.chars)
    runs = []
    for index in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            result = await one_run(pdf, args.pages, args, Path(tmp))
        runs.append(result)
        print(f"run {index + 1}: {json.dumps(result, ensure_ascii=False)}", flush=True)
    summary = {
        "pages": args.pages,
        "chars_per_page": args.chars,
        "context": args.context or None,
        "identifiers": args.identifiers,
        "ttft": args.ttft,
        "tps": args.tps,
        "runs": len(runs),
        "summary_s_median": round(statistics.median(r["summary_s"] for r in runs), 3),
        "model_calls_median": statistics.median(r["model_calls"] for r in runs),
        "calls_last_run": runs[-1]["calls"],
        "prompt_tokens_median": statistics.median(r["prompt_tokens"] for r in runs),
        "completion_tokens_median": statistics.median(r["completion_tokens"] for r in runs),
        "quota_tokens_median": statistics.median(r["quota_tokens"] for r in runs),
        "quota_requests": runs[-1]["quota_requests"],
    }
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    if args.json:
        args.json.write_text(json.dumps({"summary": summary, "runs": runs}, indent=2))


if __name__ == "__main__":
    asyncio.run(main())
