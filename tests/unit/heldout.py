"""Checks every held-out set's test shares (tests/unit/test_pii_testN.py, test10 on): the file
is what its generator writes, the spans agree with the `pii` and `topics` fields, and the set is
held out in devtools/pii_eval.py. Each set's own sizes and forms stay in its own test file; its
generator stays apart from the others (independent hands)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
IDENTIFIERS = {
    "email", "iban", "nir", "carte", "telephone", "date_naissance", "adresse", "personne",
}  # fmt: skip
TOPICS = {
    "sante", "religion", "opinion_politique", "syndicat", "origine", "vie_sexuelle",
    "genetique_biometrie", "infraction",
}  # fmt: skip


def load(name: str) -> list[dict[str, Any]]:
    """The lines of tests/data/pii_<name>.jsonl."""
    text = (ROOT / "tests" / "data" / f"pii_{name}.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line]


def check_generated(corpus: ModuleType, name: str, tmp_path: Path) -> None:
    """The committed file is byte for byte what the generator writes (with its faker release)."""
    import faker

    if faker.VERSION != corpus.MADE_WITH_FAKER:
        pytest.skip(f"{name} made with faker {corpus.MADE_WITH_FAKER}, not {faker.VERSION}")
    target = tmp_path / f"pii_{name}.jsonl"
    corpus.write(corpus.generate(), target)
    data = ROOT / "tests" / "data" / f"pii_{name}.jsonl"
    assert data.read_bytes() == target.read_bytes(), f"run python -m devtools.pii_corpus_{name}"


def check_spans(row: dict[str, Any]) -> None:
    """Spans inside the text, without blanks at their edges, never overlapping, and the `pii`
    and `topics` fields exactly what they say."""
    text = row["text"]
    pii: dict[str, list[str]] = {}
    topics: set[str] = set()
    previous_end = -1
    for start, end, category in sorted(row["spans"]):
        assert category in IDENTIFIERS | TOPICS, category
        assert 0 <= start < end <= len(text)
        value = text[start:end]
        assert value == value.strip() and value, (value, text)
        assert start >= previous_end, f"overlapping spans in {text!r}"
        previous_end = end
        if category in IDENTIFIERS:
            pii.setdefault(category, [])
            if value not in pii[category]:
                pii[category].append(value)
        else:
            topics.add(category)
    assert {k: sorted(v) for k, v in pii.items()} == {
        k: sorted(v) for k, v in row["pii"].items()
    }, text
    assert topics == set(row["topics"]), text


def check_held_out(name: str) -> None:
    """pii_eval knows the set and refuses to list its errors."""
    source = (ROOT / "devtools" / "pii_eval.py").read_text(encoding="utf-8")
    assert re.search(rf'"{name}": DATA / "pii_{name}\.jsonl"', source)
    held_out = source[source.index("held_out") :]
    assert f'"{name}"' in held_out[: held_out.index(")")]
