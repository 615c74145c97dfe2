"""The tenth held-out set (tests/data/pii_test10.jsonl): exactly what its generator writes, with
consistent spans, valid identifiers and the sizes its brief asks for.

Nothing here runs the guard on the set: it is held out.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from devtools import pii_corpus_test10 as corpus
from tests.unit import heldout

ROOT = Path(__file__).resolve().parents[2]
TOPICS = heldout.TOPICS


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    return heldout.load("test10")


def test_file_is_what_the_generator_writes(tmp_path: Path) -> None:
    heldout.check_generated(corpus, "test10", tmp_path)


def test_generator_reads_nothing_of_the_guard() -> None:
    source = Path(corpus.__file__).read_text(encoding="utf-8")
    assert "handlers" not in re.findall(r"^(?:from|import) (\w+)", source, re.MULTILINE)
    assert "pii_corpus" not in "".join(re.findall(r"^(?:from|import) .*$", source, re.MULTILINE))


def test_lines_are_well_formed_and_spans_consistent(rows: list[dict[str, Any]]) -> None:
    texts = set()
    for row in rows:
        text = row["text"]
        assert text not in texts, text
        texts.add(text)
        assert row["split"] == "test10"
        assert row["template"].startswith("test10_")
        assert "{" not in re.sub(r'\{"', "", text), text  # no slot left unfilled
        heldout.check_spans(row)


def test_assembly_checks_its_spans() -> None:
    text, spans = corpus.assemble([("Voir ", None), ("Jeanne Roux", "personne"), (".", None)])
    assert text == "Voir Jeanne Roux." and spans == [(5, 16, "personne")]
    with pytest.raises(ValueError):
        corpus.assemble([("Voir", None), (" Jeanne", "personne")])


def test_sizes_mix_and_support(rows: list[dict[str, Any]]) -> None:
    assert len(rows) >= 1500
    assert len({row["template"] for row in rows}) >= 200
    items = Counter(category for row in rows for _, _, category in row["spans"])
    for topic in TOPICS:
        assert items[topic] >= 60, (topic, items[topic])
    assert items["adresse"] >= 200
    assert items["personne"] >= 400
    for identifier in ("email", "iban", "nir", "carte", "telephone", "date_naissance"):
        assert items[identifier] >= 40, identifier
    clean = sum(1 for row in rows if not row["spans"])
    assert 0.30 <= clean / len(rows) <= 0.40


def test_topics_come_in_many_phrasings(rows: list[dict[str, Any]]) -> None:
    phrasings: dict[str, set[str]] = {topic: set() for topic in TOPICS}
    for row in rows:
        for start, end, category in row["spans"]:
            if category in TOPICS:
                phrasings[category].add(row["text"][start:end])
    for topic, values in phrasings.items():
        assert len(values) >= 15, (topic, len(values))


def test_hard_forms_are_there(rows: list[dict[str, Any]]) -> None:
    addresses = [r["text"][s:e] for r in rows for s, e, c in r["spans"] if c == "adresse"]
    assert any("\n" in a for a in addresses)
    assert any("Cedex" in a for a in addresses)
    assert any(re.search(r"\b97[1-6]\d\d\b", a) for a in addresses)
    assert any(re.search(r"\b20[012]\d\d\b", a) for a in addresses)
    assert any(" bis" in a or " ter" in a for a in addresses)
    assert any("lieu-dit" in a for a in addresses)
    assert any("appt" in a for a in addresses)
    names = [r["text"][s:e] for r in rows for s, e, c in r["spans"] if c == "personne"]
    assert any(n == n.lower() for n in names)
    assert any(n.split()[0].isupper() and len(n.split()[0]) > 2 for n in names)
    assert any(re.search(r"\b(de|du|de la|Le|d')\s?[A-Z]", n) for n in names)
    assert any("-" in n for n in names)


def _luhn(number: str) -> bool:
    return corpus.luhn_ok(number)


def test_identifiers_are_valid(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        for start, end, category in row["spans"]:
            value = row["text"][start:end]
            if category == "carte":
                assert _luhn(value), value
            elif category == "iban":
                assert corpus.iban_ok(value), value
            elif category == "nir":
                assert corpus.nir_ok(value), value


def test_the_set_is_held_out() -> None:
    heldout.check_held_out("test10")


def test_the_doc_describes_the_set(rows: list[dict[str, Any]]) -> None:
    doc = (ROOT / "tests" / "data" / "PII_SETS.md").read_text(encoding="utf-8")
    section = doc[doc.index("## test10") : doc.index("## test9")]
    assert f"{len(rows):,}" in section
    assert "python -m devtools.pii_corpus_test10" in section
