"""The eighth held-out set (tests/data/pii_test8.jsonl): it is exactly what its generator writes,
its spans are consistent, its identifiers valid, and it is held out. The guard is never run
here."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from devtools import pii_corpus_test8 as corpus

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "pii_test8.jsonl"
DOC = ROOT / "tests" / "data" / "PII_SETS.md"
CATEGORIES = (*corpus.IDENTIFIERS, *corpus.TOPICS)


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]


def _items(rows: list[dict[str, Any]]) -> Counter[str]:
    return Counter(category for row in rows for _, _, category in row["spans"])


def test_file_is_what_the_generator_writes(tmp_path: Path) -> None:
    import faker

    if faker.VERSION != corpus.MADE_WITH_FAKER:
        pytest.skip(f"test8 made with faker {corpus.MADE_WITH_FAKER}, not {faker.VERSION}")
    target = tmp_path / "pii_test8.jsonl"
    corpus.write(corpus.generate(), target)
    assert DATA.read_bytes() == target.read_bytes(), "run python -m devtools.pii_corpus_test8"


def test_generator_reads_nothing_of_the_guard() -> None:
    source = Path(corpus.__file__).read_text(encoding="utf-8")
    assert "handlers" not in re.findall(r"^\s*(?:from|import)\s+(\w+)", source, re.M)
    assert "pii_corpus" not in re.sub(r"pii_corpus_test8", "", source)


def test_lines_are_well_formed_and_spans_consistent(rows: list[dict[str, Any]]) -> None:
    texts = set()
    for row in rows:
        assert set(row) == {"text", "pii", "topics", "spans", "split", "template"}
        assert row["split"] == "test8" and row["template"].startswith("test8_")
        text = row["text"]
        assert text not in texts
        texts.add(text)
        pii: dict[str, list[str]] = {}
        topics: list[str] = []
        previous_end = -1
        for start, end, category in sorted(row["spans"]):
            assert category in CATEGORIES
            assert 0 <= start < end <= len(text)
            value = text[start:end]
            assert value == value.strip() and value
            assert start >= previous_end, f"overlapping spans in {text!r}"
            previous_end = end
        for start, end, category in row["spans"]:
            if category in corpus.IDENTIFIERS:
                pii.setdefault(category, []).append(text[start:end])
            elif category not in topics:
                topics.append(category)
        assert row["pii"] == pii
        assert row["topics"] == topics


def test_assembly_checks_its_spans() -> None:
    text, spans = corpus.assemble([("Bonjour ", None), ("Anne Roy", "personne"), (" !", None)])
    assert text == "Bonjour Anne Roy !" and spans == [[8, 16, "personne"]]
    text, spans = corpus.assemble([("M. ", None), ("LE GOFF", "personne")], lower=True)
    assert text[spans[0][0] : spans[0][1]] == "le goff"


def test_sizes_mix_and_support(rows: list[dict[str, Any]]) -> None:
    assert len(rows) >= 1500
    assert len({row["template"] for row in rows}) >= 200
    clean = sum(not row["spans"] for row in rows) / len(rows)
    assert 0.30 <= clean <= 0.42
    items = _items(rows)
    for topic in corpus.TOPICS:
        assert items[topic] >= 60, topic
    assert items["adresse"] >= 200
    assert items["personne"] >= 400
    for identifier in ("email", "telephone", "date_naissance", "nir", "iban", "carte"):
        assert items[identifier] >= 25, identifier


def test_topics_come_in_many_phrasings(rows: list[dict[str, Any]]) -> None:
    phrases: dict[str, set[str]] = {topic: set() for topic in corpus.TOPICS}
    for row in rows:
        for start, end, category in row["spans"]:
            if category in phrases:
                phrases[category].add(row["text"][start:end].lower())
    for topic, seen in phrases.items():
        assert len(seen) >= 25, topic


def test_hard_forms_are_there(rows: list[dict[str, Any]]) -> None:
    addresses = [row["text"][s:e] for row in rows for s, e, c in row["spans"] if c == "adresse"]
    assert sum("\n" in a for a in addresses) >= 30
    assert any(re.search(r"\b97[1-6]\d\d\b", a) for a in addresses)
    assert any(re.search(r"\b20[0-2]\d\d\b", a) for a in addresses)
    assert any("BP " in a for a in addresses)
    assert any(re.search(r"(?i)lieu-dit", a) for a in addresses)
    assert any(re.search(r"(?i)\bbis\b|\bter\b", a) for a in addresses)
    assert any(re.search(r"(?i)r[ée]sidence", a) for a in addresses)
    names = [row["text"][s:e] for row in rows for s, e, c in row["spans"] if c == "personne"]
    assert sum(n == n.lower() for n in names) >= 80
    assert sum(bool(re.match(r"[A-ZÀ-Ý' -]{2,} [A-ZÀ-Ý][a-zà-ÿ]", n)) for n in names) >= 40
    assert any(n.startswith(("de ", "du ", "Le ", "de la ")) or " de " in n for n in names)
    clean = [row["text"] for row in rows if not row["spans"]]
    assert any("Cedex" in t for t in clean) and any("@" in t for t in clean)


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def test_identifiers_are_valid(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        for value in row["pii"].get("nir", []):
            compact = value.replace(" ", "").upper()
            assert len(compact) == 15, value
            number = compact[:13].replace("2A", "19").replace("2B", "18")
            assert 97 - int(number) % 97 == int(compact[13:]), value
        for value in row["pii"].get("iban", []):
            compact = value.replace(" ", "")
            moved = compact[4:] + compact[:4]
            assert int("".join(str(int(c, 36)) for c in moved)) % 97 == 1, value
        for value in row["pii"].get("carte", []):
            digits = re.sub(r"\D", "", value)
            assert len(digits) in (15, 16) and _luhn(digits), value


def test_the_set_is_held_out() -> None:
    source = (ROOT / "devtools" / "pii_eval.py").read_text(encoding="utf-8")
    assert re.search(r'"test8": DATA / "pii_test8\.jsonl"', source)
    held_out = re.search(r"held_out = \(([^)]*)\)", source)
    assert held_out and '"test8"' in held_out.group(1)


def test_the_doc_describes_the_set(rows: list[dict[str, Any]]) -> None:
    doc = DOC.read_text(encoding="utf-8")
    assert "## test8" in doc and doc.index("## test8") < doc.index("## test7")
    section = doc[doc.index("## test8") : doc.index("## test7")]
    assert f"{len(rows):,}" in section
    assert f"{len({row['template'] for row in rows})}" in section
    for category, count in _items(rows).items():
        assert re.search(rf"\| {category} \| {count:,} \|", section), category
