"""Precision and recall of the personal-data guard on the labelled set tests/data/pii_fr.jsonl.

Each line: {"text", "pii": {category: [exact substrings]}, "topics": [categories], "split"}.
"dev" lines were used to tune the detectors, "test" lines were written at the same time and
never tuned on. Two measures per category:
- sentence level: does the guard flag the category in the sentence (what decides a warning);
- item level (identifiers): each expected value overlapped by a finding of its category, each
  finding overlapping an expected value (what decides a correct pseudonymisation).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from handlers.privacy.pii import CATEGORIES, IDENTIFIERS, Scan

DATASET = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii_fr.jsonl"


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
