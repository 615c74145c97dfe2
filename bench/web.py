"""Time to answer a `!web` question that reads 4 pages, and the fetch concurrency used.

In one process: the real routers, dispatcher and SQLite, the fake Matrix port of the dispatcher
tests, the fake model, a local fake SearXNG and local pages (each page answers after
`--page-delay` seconds, standing for a remote site). Every run asks about new pages (no cache);
a first run warms up and is not counted.
Measured from the event entering the dispatcher to the answer's final edit, with the
configured concurrency and with one fetch at a time for the ratio.

    .venv/bin/python bench/web.py [--runs 7] [--pages 4] [--page-delay 0.3] [--json out.json]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
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
from devtools.fake_llm import FakeLLM, Reply  # noqa: E402
from devtools.web_pages import WebPages  # noqa: E402
from handlers.web.router import Web  # noqa: E402
from tests.harness import fake_matrix, running_dispatcher  # noqa: E402

ALICE = "@alice-interieur.gouv.fr:agent.interieur.tchap.gouv.fr"
ANSWER = "Trois jours de télétravail par semaine [1], sur demande écrite [2] ; indemnité [3] [4]."
_ids = itertools.count(1)


async def run_series(
    folder: Path, runs: int, pages_n: int, delay: float, concurrency: int
) -> dict[str, Any]:
    site = WebPages(delay=delay)
    await site.start()
    llm_server = FakeLLM(default_ttft=0.2, tokens_per_second=200)
    await llm_server.start()
    config = Config.model_validate(
        {
            "matrix": {"user_id": "@assistant:bench", "password": "x"},
            "llm": {"base_url": llm_server.base_url, "api_key": "b", "edit_interval": 0.2},
            # The agent is approved at once, with no terms to accept.
            "access": {"auto_approve_domains": ["interieur.gouv.fr"], "terms_version": ""},
            "web": {
                "provider": "searxng",
                "base_url": site.base_url,
                "allow_private_addresses": True,  # the pages are on this machine
                "max_pages": pages_n,
                "max_concurrent_fetches": concurrency,
                "fetches_per_user_per_minute": 1000,
                "fetches_per_minute": 1000,
            },
        }
    ).resolve_paths(folder)
    timings: list[float] = []
    peaks: list[int] = []
    try:
        async with running_dispatcher(
            config, folder / f"bench-{concurrency}.sqlite3", clock=lambda: datetime.now(UTC)
        ) as dispatcher:
            matrix = fake_matrix(dispatcher)
            fetcher = dispatcher.services.part(Web).service.fetcher
            for run in range(-1, runs):  # run -1 warms up (spaCy's model loads on first use)
                site.search_results = [
                    {
                        "url": site.url(f"/page/{concurrency}-{run}-{i}"),
                        "title": f"P{i}",
                        "content": "",
                    }
                    for i in range(1, pages_n + 1)
                ]
                llm_server.enqueue(Reply(text=ANSWER))
                fetcher.peak_in_flight = 0
                room = f"!bench-{concurrency}-{run}"
                started = time.perf_counter()
                await dispatcher.on_text(
                    IncomingText(
                        room, f"$b{next(_ids)}", ALICE, "m.text", "!web Télétravail des agents ?",
                        None, 0, False, 2, True,
                    )
                )  # fmt: skip
                dispatcher.flush_kicks()
                await dispatcher.drained()
                elapsed = time.perf_counter() - started
                [answer] = matrix.in_room(room)
                body = answer.final_body
                assert ANSWER in body and "[4]" in body, body
                if run >= 0:
                    timings.append(elapsed)
                    peaks.append(fetcher.peak_in_flight)
    finally:
        await llm_server.stop()
        await site.stop()
    return {
        "concurrency_configured": concurrency,
        "peak_concurrent_fetches": max(peaks),
        "median_s": statistics.median(timings),
        "min_s": min(timings),
        "max_s": max(timings),
        "runs": timings,
    }


async def main_async(args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        parallel = await run_series(folder, args.runs, args.pages, args.page_delay, args.pages)
        serial = await run_series(folder, args.runs, args.pages, args.page_delay, 1)
    return {
        "pages": args.pages,
        "page_delay_s": args.page_delay,
        "fake_model": "ttft 0.2 s, 200 tokens/s",
        "parallel": parallel,
        "serial": serial,
        "speedup": serial["median_s"] / parallel["median_s"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--pages", type=int, default=4)
    parser.add_argument("--page-delay", type=float, default=0.3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    result = asyncio.run(main_async(args))
    for name in ("parallel", "serial"):
        r = result[name]
        print(
            f"{name:8s} concurrency {r['concurrency_configured']} "
            f"(peak {r['peak_concurrent_fetches']}):"
            f" median {r['median_s']:.3f} s, min {r['min_s']:.3f}, max {r['max_s']:.3f}"
            f" over {len(r['runs'])} runs"
        )
    print(f"serial / parallel: {result['speedup']:.2f}x ({result['pages']} pages, "
          f"{result['page_delay_s']} s per page)")  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
