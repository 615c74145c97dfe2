"""The seventh held-out set (tests/data/pii_test7.jsonl): it is what its generator writes, its
spans are consistent, its identifiers are valid, its sizes meet the brief, and it stays held out.

These tests never run the guard on the set: its scores are read only as the held-out figure.
"""

from __future__ import annotations

import itertools
import json
import random
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from devtools import pii_corpus_test7 as corpus

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "pii_test7.jsonl"
DOC = ROOT / "tests" / "data" / "PII_SETS.md"


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]


def test_file_is_what_the_generator_writes(tmp_path: Path) -> None:
    import faker

    if faker.VERSION != corpus.MADE_WITH_FAKER:
        pytest.skip(f"test7 made with faker {corpus.MADE_WITH_FAKER}, not {faker.VERSION}")
    target = tmp_path / "pii_test7.jsonl"
    corpus.write(corpus.generate(), target)
    assert DATA.read_bytes() == target.read_bytes(), "run python -m devtools.pii_corpus_test7"


def test_generator_reads_nothing_of_the_guard() -> None:
    source = Path(corpus.__file__).read_text(encoding="utf-8")
    assert "handlers" not in re.findall(r"^\s*(?:from|import)\s+(\w+)", source, re.M)
    assert "pii_corpus" not in "".join(re.findall(r"^\s*(?:from|import) .*$", source, re.M))


def test_lines_are_well_formed_and_spans_consistent(rows: list[dict[str, Any]]) -> None:
    categories = set(corpus.IDENTIFIER_CATEGORIES) | set(corpus.TOPIC_CATEGORIES)
    for row in rows:
        assert set(row) == {"text", "pii", "topics", "spans", "split", "template"}
        assert row["split"] == "test7" and row["template"].startswith("test7_")
        text: str = row["text"]
        spans = row["spans"]
        assert spans == sorted(spans)
        for start, end, category in spans:
            assert category in categories
            assert 0 <= start < end <= len(text)
            assert text[start:end] == text[start:end].strip(), row
        for (_, end, _), (start, _, _) in itertools.pairwise(spans):
            assert end <= start, row  # no overlap
        expected: dict[str, list[str]] = {}
        for start, end, category in spans:
            if category in corpus.IDENTIFIER_CATEGORIES:
                expected.setdefault(category, []).append(text[start:end])
        assert row["pii"] == expected
        topics = [c for _, _, c in spans if c in corpus.TOPIC_CATEGORIES]
        assert row["topics"] == list(dict.fromkeys(topics))
    texts = [row["text"] for row in rows]
    assert len(texts) == len(set(texts))


def test_assembly_checks_its_spans() -> None:
    text, spans = corpus.assemble([("Bonjour ", None), ("Anne Roy", "personne"), (".", None)])
    assert text == "Bonjour Anne Roy." and spans == [[8, 16, "personne"]]
    rendered, found = corpus.render(
        corpus.Generator(), "Mon ami {P} <sante:est malade>.", random.Random(1)
    )
    assert [c for _, _, c in found] == ["personne", "sante"]
    assert rendered[found[1][0] : found[1][1]] == "est malade"


def test_sizes_mix_and_support(rows: list[dict[str, Any]]) -> None:
    assert len(rows) >= 1500
    templates = sum(len(items) for items in corpus.TEMPLATES.values())
    assert templates >= 200
    assert len({row["template"] for row in rows}) == templates
    items = Counter(c for row in rows for _, _, c in row["spans"])
    for topic in corpus.TOPIC_CATEGORIES:
        assert items[topic] >= 60, topic
    assert items["adresse"] >= 200
    assert items["personne"] >= 400
    for identifier in ("email", "iban", "nir", "carte", "telephone", "date_naissance"):
        assert items[identifier] >= 20, identifier
    clean = sum(not row["spans"] for row in rows)
    assert 0.30 <= clean / len(rows) <= 0.45


def test_topics_come_in_many_phrasings(rows: list[dict[str, Any]]) -> None:
    phrasings: dict[str, set[str]] = {}
    for row in rows:
        for start, end, category in row["spans"]:
            if category in corpus.TOPIC_CATEGORIES:
                phrasings.setdefault(category, set()).add(row["text"][start:end].lower())
    for topic in corpus.TOPIC_CATEGORIES:
        assert len(phrasings[topic]) >= 15, topic


def test_hard_forms_are_there(rows: list[dict[str, Any]]) -> None:
    addresses = [row["text"][s:e] for row in rows for s, e, c in row["spans"] if c == "adresse"]
    assert any("\n" in a for a in addresses)
    assert any(" bis " in a for a in addresses) and any(" ter " in a for a in addresses)
    assert any("BP " in a for a in addresses) and any("lieu-dit" in a.lower() for a in addresses)
    assert any(re.search(r"\b97[1-6]\d\d\b", a) for a in addresses)
    assert any(re.search(r"\b20[012]\d\d\b", a) for a in addresses)  # Corsica
    assert any(not re.match(r"\d", a) for a in addresses)  # without a number
    names = [row["text"][s:e] for row in rows for s, e, c in row["spans"] if c == "personne"]
    assert any(n == n.lower() for n in names)
    assert any(re.match(r"[A-Z]{2,} [A-Z][a-z]", n) for n in names)
    assert any(re.search(r"\b(de|du|Le|de la)\b \w", n) for n in names)
    clean = [row["text"] for row in rows if not row["spans"]]
    assert any("CEDEX" in t or "Cedex" in t for t in clean)
    assert any("@" in t for t in clean)


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def test_identifiers_are_valid(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        for value in row["pii"].get("nir", []):
            compact = value.replace(" ", "")
            body = compact[:13].replace("2A", "19").replace("2B", "18")
            assert 97 - int(body) % 97 == int(compact[13:]), value
        for value in row["pii"].get("iban", []):
            compact = value.replace(" ", "")
            moved = compact[4:] + compact[:4]
            assert int("".join(str(int(c, 36)) for c in moved)) % 97 == 1, value
        for value in row["pii"].get("carte", []):
            assert _luhn(value.replace(" ", "")), value
        for value in row["pii"].get("telephone", []):
            assert len(re.sub(r"\D", "", value)) in (10, 11), value


def test_the_set_is_held_out(capsys: pytest.CaptureFixture[str]) -> None:
    from devtools.pii_eval import SETS, main

    assert SETS["test7"] == DATA
    with pytest.raises(SystemExit):
        main(["--set", "test7", "--errors"])
    assert "held out" in capsys.readouterr().err


def test_the_doc_describes_the_set(rows: list[dict[str, Any]]) -> None:
    doc = DOC.read_text(encoding="utf-8")
    assert "## test7" in doc
    section = doc.split("## test7", 1)[1].split("\n## ", 1)[0]
    assert "python -m devtools.pii_corpus_test7" in section
    assert f"{len(rows):,}" in section
