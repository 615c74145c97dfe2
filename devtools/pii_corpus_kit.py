"""The machinery the development-set generators (devtools/pii_corpus_dev7.py … dev19) share.

Slot filling, the line format of tests/data/PII_SETS.md, de-duplication and writing; each
generator keeps its own vocabulary, templates and value makers. The held-out generators
(devtools/pii_corpus_test*.py) import none of this, by design: they are independent hands.
Every helper that draws from a `random.Random` draws in the order the generators always did,
so the committed sets stay byte-identical.
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from itertools import chain
from pathlib import Path
from typing import Any

Row = dict[str, Any]
Span = tuple[int, int, str]
# A slot's value and its category (None: a value that is no personal data).
Slots = Mapping[str, tuple[str, str | None]]

IDENTIFIERS = (
    "email",
    "iban",
    "nir",
    "carte",
    "telephone",
    "date_naissance",
    "adresse",
    "personne",
)
MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
)  # fmt: skip

# {SLOT}, with {{ and }} for literal braces.
_SLOT_RE = re.compile(r"\{\{|\}\}|\{(?P<slot>[A-Za-z0-9]+)\}")
# {SLOT}, or <<category:phrase>> / <<phrase>>, a labelled phrase that may hold slots.
_LABELLED_RE = re.compile(r"<<(?:(?P<cat>[a-z_]+):)?(?P<body>[^>]*)>>|\{(?P<slot>[A-Za-z]+)\}")


def fill(template: str, slots: Slots) -> tuple[str, list[Span]]:
    """The template's text with its slots filled, and the spans of the labelled values."""
    text = ""
    spans: list[Span] = []
    position = 0
    for match in _SLOT_RE.finditer(template):
        text += template[position : match.start()]
        position = match.end()
        if match.group("slot") is None:
            text += match.group()[0]
            continue
        value, category = slots[match.group("slot")]
        if category is not None:
            spans.append((len(text), len(text) + len(value), category))
        text += value
    text += template[position:]
    return text, spans


def fill_labelled(template: str, slots: Slots, family: str | None) -> tuple[str, list[Span]]:
    """`fill` for templates with labelled phrases; `family` labels those that name no category.

    A slot inside a labelled phrase is filled but gets no span of its own.
    """
    text = ""
    spans: list[Span] = []
    position = 0
    for match in _LABELLED_RE.finditer(template):
        text += template[position : match.start()]
        if match.group("slot"):
            value, category = slots[match.group("slot")]
            if category is not None:
                spans.append((len(text), len(text) + len(value), category))
            text += value
        else:
            body = match.group("body")
            start = len(text)
            for inner in _LABELLED_RE.finditer(body):
                body = body.replace(inner.group(), slots[inner.group("slot")][0], 1)
            text += body
            label = match.group("cat") or family
            if label is None:
                raise KeyError(f"no category for the labelled phrase {match.group()!r}")
            spans.append((start, len(text), label))
        position = match.end()
    text += template[position:]
    return text, spans


def row(
    text: str,
    spans: list[Span],
    template: str,
    split: str,
    identifiers: Collection[str] | None = None,
) -> Row:
    """One line of a set. With `identifiers`, the spans of other categories make its topics
    (in the order they first appear); without, every span is an identifier."""
    pii: dict[str, list[str]] = {}
    topics: list[str] = []
    for a, b, kind in spans:
        if identifiers is None or kind in identifiers:
            pii.setdefault(kind, []).append(text[a:b])
        elif kind not in topics:
            topics.append(kind)
    return {
        "text": text,
        "pii": pii,
        "topics": topics,
        "split": split,
        "spans": [list(span) for span in spans],
        "template": template,
    }


def mobile(rng: random.Random) -> str:
    """A French mobile number, in pairs split by a space, a dot or nothing."""
    digits = f"0{rng.choice('67')}" + "".join(str(rng.randrange(10)) for _ in range(8))
    style = rng.choice((" ", ".", ""))
    return style.join(digits[i : i + 2] for i in range(0, 10, 2))


def date(rng: random.Random, first: int, last: int) -> str:
    """A date between the years `first` and `last`, in figures or with the month's name."""
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(first, last)
    return rng.choice((f"{day:02d}/{month:02d}/{year}", f"{day} {MONTHS[month - 1]} {year}"))


def flat(word: str) -> str:
    """A name as an e-mail address writes it: lower case, no spaces, apostrophes or accents
    (the usual French ones only)."""
    word = word.lower().replace(" ", "").replace("'", "")
    for a, b in (("é", "e"), ("è", "e"), ("ë", "e"), ("ï", "i"), ("ç", "c")):
        word = word.replace(a, b)
    return word


def fold(text: str) -> str:
    """`text` without its diacritics."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def unique(*batches: Iterable[Row]) -> list[Row]:
    """The rows of all batches, in order, each text kept once (the first time it comes)."""
    rows: list[Row] = []
    seen: set[str] = set()
    for item in chain(*batches):
        if item["text"] not in seen:
            seen.add(item["text"])
            rows.append(item)
    return rows


def counts(rows: Iterable[Row]) -> Counter[str]:
    """How many spans of each category the rows hold."""
    return Counter(category for item in rows for _, _, category in item["spans"])


def write(rows: Iterable[Row], path: Path) -> None:
    """The rows as JSON lines, UTF-8 kept as is."""
    with path.open("w", encoding="utf-8") as out:
        for item in rows:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")


def rewrite(rows: list[Row], path: Path) -> None:
    """A generator's `__main__`: write its set and say what it holds."""
    write(rows, path)
    print(f"{len(rows)} lines, items: {dict(counts(rows))}")
