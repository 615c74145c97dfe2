"""Precision and recall of the personal-data guard on the labelled set tests/data/pii_fr.jsonl.

Each line: {"text", "pii": {category: [exact substrings]}, "topics": [categories], "split"}.
"dev" lines were used to tune the detectors, "test" lines were written at the same time and
never tuned on. Two measures per category:
- sentence level: does the guard flag the category in the sentence (what decides a warning);
- item level (identifiers): each expected value overlapped by a finding of its category, each
  finding overlapping an expected value (what decides a correct pseudonymisation).

The independent sets tests/data/pii_dev.jsonl and pii_test.jsonl (made by devtools/pii_corpus.py,
see tests/data/PII_SETS.md) carry character offsets ("spans") for every item, identifiers and
sensitive topics alike; `python -m devtools.pii_eval --set dev` prints, per category, item-level
precision, recall and support, the share of items covered whole, the overall item-level figures
and the guard's time per message. Never tune on the test split: `--errors` refuses it.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from handlers.privacy.pii import CATEGORIES, IDENTIFIERS, PiiDetector, Scan

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
DATASET = DATA / "pii_fr.jsonl"
SETS = {
    "fr": DATASET,
    "dev": DATA / "pii_dev.jsonl",
    "dev2": DATA / "pii_dev2.jsonl",  # a second dev set, other hand (devtools/pii_corpus_dev2.py)
    "dev3": DATA / "pii_dev3.jsonl",  # weak spots: addresses, biometrics, phones (pii_corpus_dev3)
    "dev4": DATA / "pii_dev4.jsonl",  # weak spots: sexual life, birth dates (pii_corpus_dev4)
    "dev5": DATA / "pii_dev5.jsonl",  # sexual life, orientation, gender identity (pii_corpus_dev5)
    "dev6": DATA / "pii_dev6.jsonl",  # sexual life, whole addresses, topic look-alikes (dev6)
    "dev7": DATA / "pii_dev7.jsonl",  # test5's families in new words, after its reading (dev7)
    "dev8": DATA / "pii_dev8.jsonl",  # test6's families in new words, after its reading (dev8)
    "dev9": DATA / "pii_dev9.jsonl",  # test7's topic families in new words, after its reading
    "dev10": DATA / "pii_dev10.jsonl",  # names, addresses, dates in new words (pii_corpus_dev10)
    "dev12": DATA / "pii_dev12.jsonl",  # ranks, exports, lower-case streets (pii_corpus_dev12)
    "dev11": DATA / "pii_dev11.jsonl",  # test8's topic families in new words (dev11)
    "dev13": DATA / "pii_dev13.jsonl",  # test9's topic families and look-alikes (dev13)
    "dev14": DATA / "pii_dev14.jsonl",  # names, addresses, dates after test9's reading (dev14)
    "dev15": DATA / "pii_dev15.jsonl",  # topics after test10's reading, look-alikes (dev15)
    "dev16": DATA / "pii_dev16.jsonl",  # names, addresses after test10's reading (dev16)
    "dev17": DATA / "pii_dev17.jsonl",  # topics after test11's reading, look-alikes (dev17)
    "dev18": DATA / "pii_dev18.jsonl",  # names, addresses after test11's reading (dev18)
    "dev19": DATA / "pii_dev19.jsonl",  # identifiers after test11's reading, look-alikes (dev19)
    "dev20": DATA / "pii_dev20.jsonl",  # topics after test12's reading, look-alikes (dev20)
    "dev21": DATA / "pii_dev21.jsonl",  # names, addresses, identifiers after test12 (dev21)
    "dev22": DATA / "pii_dev22.jsonl",  # topics after test13's reading, look-alikes (dev22)
    "dev23": DATA / "pii_dev23.jsonl",  # names, addresses, identifiers after test13 (dev23)
    "test": DATA / "pii_test.jsonl",
    "test2": DATA / "pii_test2.jsonl",  # a fresh held-out set, other hand (pii_corpus_test2.py)
    "test3": DATA / "pii_test3.jsonl",  # a third held-out set, other hand (pii_corpus_test3.py)
    "test4": DATA / "pii_test4.jsonl",  # a fourth held-out set, other hand (pii_corpus_test4.py)
    "test5": DATA / "pii_test5.jsonl",  # a fifth held-out set, other hand (pii_corpus_test5.py)
    "test6": DATA / "pii_test6.jsonl",  # a sixth held-out set, other hand (pii_corpus_test6.py)
    "test7": DATA / "pii_test7.jsonl",  # a seventh held-out set, other hand (pii_corpus_test7)
    "test8": DATA / "pii_test8.jsonl",  # an eighth held-out set, other hand (pii_corpus_test8)
    "test9": DATA / "pii_test9.jsonl",  # a ninth held-out set, other hand (pii_corpus_test9)
    "test10": DATA / "pii_test10.jsonl",  # a tenth held-out set, other hand (pii_corpus_test10)
    "test11": DATA / "pii_test11.jsonl",  # eleventh held-out set, other hand (pii_corpus_test11)
    "test12": DATA / "pii_test12.jsonl",  # a twelfth held-out set, other hand (pii_corpus_test12)
    "test13": DATA / "pii_test13.jsonl",  # thirteenth held-out set, other hand (pii_corpus_test13)
    "test14": DATA / "pii_test14.jsonl",  # fourteenth held-out set, other hand (pii_corpus_test14)
}


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Report:
    sentences: dict[str, Counts] = field(default_factory=lambda: {c: Counts() for c in CATEGORIES})
    items: dict[str, Counts] = field(default_factory=lambda: {c: Counts() for c in IDENTIFIERS})
    errors: list[str] = field(default_factory=list)
    lines: int = 0
    clean: int = 0  # sentences with nothing to find
    clean_flagged: int = 0  # ... on which the guard found something anyway

    @property
    def false_alarm_rate(self) -> float:
        return self.clean_flagged / self.clean if self.clean else 0.0

    def overall(self, categories: Iterable[str]) -> Counts:
        total = Counts()
        for category in categories:
            counts = self.sentences[category]
            total.tp += counts.tp
            total.fp += counts.fp
            total.fn += counts.fn
        return total

    def table(self) -> str:
        heads = ("P(sent)", "R(sent)", "P(item)", "R(item)")
        rows = [f"{'category':22} {'n':>3} " + " ".join(f"{h:>8}" for h in heads)]
        for category in CATEGORIES:
            s = self.sentences[category]
            line = f"{category:22} {s.tp + s.fn:>3} {s.precision:>8.2f} {s.recall:>8.2f}"
            if category in self.items:
                i = self.items[category]
                line += f" {i.precision:>8.2f} {i.recall:>8.2f}"
            rows.append(line)
        rows.append(
            f"{self.lines} sentences; {self.clean_flagged} of {self.clean} without personal data "
            f"flagged ({self.false_alarm_rate:.1%})"
        )
        return "\n".join(rows)


def load(split: str | None = None, path: Path = DATASET) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [r for r in rows if split is None or r["split"] == split]


def evaluate(rows: list[dict[str, Any]], scan: Callable[[str], Scan]) -> Report:
    report = Report()
    for row in rows:
        text: str = row["text"]
        result = scan(text)
        expected = set(row["pii"]) | set(row["topics"])
        predicted = result.categories
        report.lines += 1
        if not expected:
            report.clean += 1
            report.clean_flagged += bool(predicted)
        for category in CATEGORIES:
            counts = report.sentences[category]
            if category in expected and category in predicted:
                counts.tp += 1
            elif category in predicted:
                counts.fp += 1
                report.errors.append(f"FP {category}: {text}")
            elif category in expected:
                counts.fn += 1
                report.errors.append(f"FN {category}: {text}")
        for category in IDENTIFIERS:
            spans = []
            for value in row["pii"].get(category, []):
                start = text.find(value)
                spans.append((start, start + len(value)))
            found = [f for f in result.identifiers if f.category == category]
            counts = report.items[category]
            for start, end in spans:
                if any(f.start < end and start < f.end for f in found):
                    counts.tp += 1
                else:
                    counts.fn += 1
            for finding in found:
                if not any(finding.start < end and start < finding.end for start, end in spans):
                    counts.fp += 1
                    if category in expected:
                        report.errors.append(f"FP item {category} {finding.value!r}: {text}")
    return report


# Item level on sets with offsets --------------------------------------------------------------

Span = tuple[int, int, str]


def load_set(name: str) -> list[dict[str, Any]]:
    """All the lines of a named set: "dev", "dev2", "test" (independent) or "fr" (the guard's
    own)."""
    return load(None, SETS[name])


def expected_spans(row: dict[str, Any]) -> list[Span]:
    """The labelled items of a line: its offsets, or, for a line without (pii_fr.jsonl), the
    first occurrence of each value and one sentence-wide item per topic."""
    if "spans" in row:
        return [(int(s), int(e), str(c)) for s, e, c in row["spans"]]
    text: str = row["text"]
    spans: list[Span] = []
    for category, values in row["pii"].items():
        for value in values:
            start = text.find(value)
            spans.append((start, start + len(value), category))
    spans.extend((0, len(text), topic) for topic in row["topics"])
    return spans


@dataclass
class ItemReport:
    """Item-level counts per category (identifiers and topics), whole-span coverage of the
    identifiers, and the time the guard took per message."""

    items: dict[str, Counts] = field(default_factory=lambda: {c: Counts() for c in CATEGORIES})
    whole: dict[str, list[int]] = field(default_factory=lambda: {c: [0, 0] for c in IDENTIFIERS})
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    lines: int = 0
    clean: int = 0
    clean_flagged: int = 0

    def overall(self, categories: Iterable[str] = CATEGORIES) -> Counts:
        total = Counts()
        for category in categories:
            total.tp += self.items[category].tp
            total.fp += self.items[category].fp
            total.fn += self.items[category].fn
        return total

    def table(self) -> str:
        rows = [f"{'category':22} {'support':>7} {'P':>6} {'R':>6} {'R whole':>8} {'FP':>4}"]

        def line(name: str, counts: Counts, whole: str = "") -> str:
            return (
                f"{name:22} {counts.tp + counts.fn:>7} {counts.precision:>6.2f} "
                f"{counts.recall:>6.2f} {whole:>8} {counts.fp:>4}"
            )

        for category in CATEGORIES:
            whole = ""
            if category in self.whole and self.whole[category][1]:
                covered, total = self.whole[category]
                whole = f"{covered / total:.2f}"
            rows.append(line(category, self.items[category], whole))
        topics = [c for c in CATEGORIES if c not in IDENTIFIERS]
        rows.append(line("identifiers (all)", self.overall(IDENTIFIERS)))
        rows.append(line("topics (all)", self.overall(topics)))
        rows.append(line("OVERALL (item level)", self.overall()))
        rate = self.clean_flagged / self.clean if self.clean else 0.0
        rows.append(
            f"{self.lines} sentences; {self.clean_flagged} of {self.clean} without personal data "
            f"flagged ({rate:.1%})"
        )
        if self.wall:
            rows.append(
                "time per message: median "
                f"{statistics.median(self.wall) * 1000:.2f} ms, p95 {_p95(self.wall) * 1000:.2f}"
                f" ms (CPU median {statistics.median(self.cpu) * 1000:.2f} ms, p95 "
                f"{_p95(self.cpu) * 1000:.2f} ms)"
            )
        return "\n".join(rows)


def _p95(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _covered(start: int, end: int, found: Sequence[tuple[int, int]]) -> bool:
    """Whether the findings cover every non-blank character of [start, end)."""
    position = start
    for f_start, f_end in sorted(found):
        if f_start > position:
            break
        position = max(position, f_end)
    return position >= end


def evaluate_items(rows: Iterable[dict[str, Any]], scan: Callable[[str], Scan]) -> ItemReport:
    """Item-level precision and recall: an expected item is found when a finding of its category
    overlaps it; a finding is wrong when it overlaps no expected item of its category."""
    report = ItemReport()
    for row in rows:
        text: str = row["text"]
        wall, cpu = time.perf_counter(), time.process_time()
        result = scan(text)
        report.wall.append(time.perf_counter() - wall)
        report.cpu.append(time.process_time() - cpu)
        spans = expected_spans(row)
        report.lines += 1
        if not spans:
            report.clean += 1
            report.clean_flagged += bool(result.categories)
        findings = list(result.identifiers) + list(result.topics)
        for category in CATEGORIES:
            expected = [(s, e) for s, e, c in spans if c == category]
            found = [(f.start, f.end) for f in findings if f.category == category]
            counts = report.items[category]
            for start, end in expected:
                if any(fs < end and start < fe for fs, fe in found):
                    counts.tp += 1
                else:
                    counts.fn += 1
                    report.errors.append(f"FN {category} {text[start:end]!r}: {text}")
                if category in report.whole:
                    report.whole[category][1] += 1
                    report.whole[category][0] += _covered(start, end, found)
            for fs, fe in found:
                if not any(fs < end and start < fe for start, end in expected):
                    counts.fp += 1
                    report.errors.append(f"FP {category} {text[fs:fe]!r}: {text}")
    return report


def side_by_side(reports: dict[str, ItemReport]) -> str:
    """One row per category with each set's support, precision and recall side by side (the
    closing note of issue 18: the held-out split with dev beside it)."""
    names = list(reports)
    head = f"{'category':22}" + "".join(f" | {name:>5} n {'P':>5} {'R':>5}" for name in names)
    rows = [head]
    topics = [c for c in CATEGORIES if c not in IDENTIFIERS]
    groups: list[tuple[str, Sequence[str]]] = [(c, (c,)) for c in CATEGORIES]
    groups += [("identifiers (all)", IDENTIFIERS), ("topics (all)", topics)]
    groups.append(("OVERALL (item level)", CATEGORIES))
    for label, categories in groups:
        line = f"{label:22}"
        for name in names:
            counts = reports[name].overall(categories)
            line += f" | {counts.tp + counts.fn:>7} {counts.precision:>5.2f} {counts.recall:>5.2f}"
        rows.append(line)
    for name in names:
        report = reports[name]
        if report.wall:
            rows.append(
                f"{name}: {report.lines} sentences, time per message median "
                f"{statistics.median(report.wall) * 1000:.2f} ms, p95 "
                f"{_p95(report.wall) * 1000:.2f} ms (CPU median "
                f"{statistics.median(report.cpu) * 1000:.2f} ms, p95 "
                f"{_p95(report.cpu) * 1000:.2f} ms)"
            )
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m devtools.pii_eval",
        description="Item-level precision and recall of the personal-data guard.",
    )
    parser.add_argument(
        "--set",
        choices=[*sorted(SETS), "both"],
        default="dev",
        dest="name",
        help="both: dev and test side by side (totals only)",
    )
    parser.add_argument(
        "--mode",
        choices=("default", "rules"),
        default="default",
        help="default: rules and spaCy (when installed); rules: without spaCy",
    )
    parser.add_argument(
        "--errors", action="store_true", help="also list every miss and false alarm (not test)"
    )
    args = parser.parse_args(argv)
    held_out = (
        "test", "test2", "test3", "test4", "test5", "test6", "test7", "test8", "test9", "test10",
        "test11", "test12", "test13", "test14", "both",
    )  # fmt: skip
    if args.errors and args.name in held_out:
        parser.error("the test split is held out: no error listing, tune on dev")
    detector = PiiDetector(ner="auto" if args.mode == "default" else "off")
    detector.scan("Bonjour Marie Dupont.")  # loads spaCy: not part of the timings
    if args.mode == "rules":
        ner = "off"
    else:
        ner = "on" if detector.nlp is not None else "off (spaCy not installed)"
    if args.name == "both":
        reports = {name: evaluate_items(load_set(name), detector.scan) for name in ("dev", "test")}
        print(f"sets dev and test, mode {args.mode}, NER {ner}")
        print(side_by_side(reports))
        return 0
    report = evaluate_items(load_set(args.name), detector.scan)
    print(f"set {args.name} ({SETS[args.name].name}), mode {args.mode}, NER {ner}")
    print(report.table())
    if args.errors:
        print("\n".join(report.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
