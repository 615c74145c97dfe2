"""Attachments: extraction time and peak memory (300-page PDF, 50 MB-uncompressed DOCX bomb),
and the answer latency for a question on a 300-page document.

Extraction runs as the bot runs it: one worker process per file
(`python -m handlers.attachments.extract`); its peak memory is the worker's max RSS. The answer
latency goes through the real routers, storage (FTS5) and privacy guard with the fake model (no
delay) and a fake Matrix port: from the question reaching the dispatcher to the final edit, with
and without the document. No network, no Synapse.

    .venv/bin/python bench/attachments.py [--rounds 5] [--pages 300] [--json out.json]
"""

from __future__ import annotations

import argparse
import asyncio
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
from bot.dispatcher import Dispatcher  # noqa: E402
from bot.matrix import IncomingText  # noqa: E402
from devtools.fake_llm import FakeLLM  # noqa: E402
from handlers.attachments.extract import ExtractionError, Extractor, Limits  # noqa: E402
from tests import docgen  # noqa: E402
from tests.harness import fake_matrix, running_dispatcher  # noqa: E402


def median(values: list[float]) -> float:
    return statistics.median(values)


async def bench_extraction(data: bytes, kind: str, rounds: int) -> dict[str, Any]:
    extractor = Extractor(Limits(), timeout=120, memory_mb=1024)
    times, peaks, outcome = [], [], ""
    for _ in range(rounds):
        started = time.perf_counter()
        try:
            result = await extractor.extract(data, kind)
            outcome = f"read: {result.pages} pages, {result.words} words"
        except ExtractionError as exc:
            outcome = f"refused: {exc.reason}"
        times.append(time.perf_counter() - started)
        peaks.append((extractor.last_peak_kb or 0) / 1024)
    return {
        "bytes": len(data),
        "outcome": outcome,
        "median_s": round(median(times), 3),
        "median_peak_mb": round(median(peaks), 1),
        "max_peak_mb": round(max(peaks), 1),
    }


async def bench_answers(
    pdf: bytes, rounds: int, folder: Path, identifiers: str = "pseudonymise"
) -> dict[str, Any]:
    # A short fixed answer: the default one echoes the whole turn, passages included.
    fake = FakeLLM(responder=lambda messages: "Selon le document, p. 37, la procédure s'applique.")
    await fake.start()
    config = Config.model_validate(
        {
            "matrix": {"user_id": "@assistant:bench", "password": "x"},
            "llm": {"base_url": fake.base_url, "api_key": "bench", "edit_interval": 0.2},
            "privacy": {"identifiers": identifiers},
            # The agent is approved at once, with no terms to accept.
            "access": {"auto_approve_homeservers": ["bench"], "terms_version": ""},
        }
    ).resolve_paths(folder)
    try:
        async with running_dispatcher(
            config, folder / "bench.sqlite3", clock=lambda: datetime.now(UTC)
        ) as dispatcher:
            return await ask_questions(dispatcher, fake, pdf, rounds)
    finally:
        await fake.stop()


async def ask_questions(
    dispatcher: Dispatcher, fake: FakeLLM, pdf: bytes, rounds: int
) -> dict[str, Any]:
    matrix = fake_matrix(dispatcher)
    db = dispatcher.services.db
    counter = iter(range(1, 1_000_000))

    async def send(room: str, text: str, msgtype: str = "m.text", media: Any = None) -> float:
        started = time.perf_counter()
        await dispatcher.on_text(
            IncomingText(
                room,
                f"$b{next(counter)}",
                "@agent:bench",
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

    url = matrix.media.add("long.pdf", pdf)
    media = {
        "url": url,
        "file": None,
        "mimetype": "application/pdf",
        "size": len(pdf),
        "filename": "long.pdf",
    }
    await send("!plain", "Bonjour")  # loads the privacy guard's models once
    ingest = await send("!doc", "long.pdf", "m.file", media)
    with_doc, without = [], []
    for i in range(rounds):
        page = 37 + i * 40
        with_doc.append(await send("!doc", f"Que dit la page {page} sur repere{page}x ?"))
        without.append(await send("!plain", f"Que dit la page {page} sur repere{page}x ?"))
    last = fake.chat_requests()[-2]["messages"][-1]["content"]
    assert f"repere{37 + (rounds - 1) * 40}x" in last, "the page was not retrieved"
    chunks = await db.fetchone("SELECT COUNT(*) AS n FROM document_chunks")
    return {
        "ingest_s": round(ingest, 3),
        "chunks": int(chunks["n"]) if chunks else 0,
        "answer_with_document_median_s": round(median(with_doc), 3),
        "answer_without_document_median_s": round(median(without), 3),
        "ratio": round(median(with_doc) / median(without), 2),
    }


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    pdf = docgen.pdf(args.pages)
    bomb = docgen.docx_bomb(50 * 1024 * 1024)
    results = {
        "pdf": await bench_extraction(pdf, "pdf", args.rounds),
        "docx_bomb": await bench_extraction(bomb, "docx", args.rounds),
    }
    with tempfile.TemporaryDirectory() as folder:
        results["answers"] = await bench_answers(pdf, args.rounds, Path(folder) / "a")
        # The same with the personal-data guard off: what pseudonymising the passages costs.
        results["answers_guard_off"] = await bench_answers(
            pdf, args.rounds, Path(folder) / "b", identifiers="off"
        )
    print(f"{args.pages}-page PDF ({results['pdf']['bytes']} bytes): {results['pdf']['outcome']}")
    print(
        f"  extraction median {results['pdf']['median_s']} s, worker peak RSS median "
        f"{results['pdf']['median_peak_mb']} MB (max {results['pdf']['max_peak_mb']})"
    )
    bomb_r = results["docx_bomb"]
    print(f"DOCX bomb, 50 MB uncompressed ({bomb_r['bytes']} bytes): {bomb_r['outcome']}")
    print(f"  median {bomb_r['median_s']} s, worker peak RSS median {bomb_r['median_peak_mb']} MB")
    answers = results["answers"]
    print(
        f"answer latency (fake model, no delay), median of {args.rounds}: "
        f"{answers['answer_with_document_median_s']} s with the {args.pages}-page document "
        f"({answers['chunks']} chunks), {answers['answer_without_document_median_s']} s "
        f"without; ratio {answers['ratio']}; ingest of the PDF {answers['ingest_s']} s"
    )
    off = results["answers_guard_off"]
    print(
        f"  with the personal-data guard off: {off['answer_with_document_median_s']} s with the "
        f"document, {off['answer_without_document_median_s']} s without; ratio {off['ratio']}; "
        f"ingest {off['ingest_s']} s"
    )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    asyncio.run(main())
