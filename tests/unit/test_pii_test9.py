"""tests/data/pii_test9.jsonl: exactly what devtools/pii_corpus_test9.py writes, well-formed,
with the sizes and forms its section of tests/data/PII_SETS.md states. The guard is never run
(nor imported) here: the set is held out."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from devtools import pii_corpus_test9 as corpus

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "pii_test9.jsonl"
IDENT = set(corpus.IDENT)
TOPICS = set(corpus.TOPICS)


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]


def _items(rows: list[dict[str, Any]]) -> Counter[str]:
    return Counter(category for row in rows for _, _, category in row["spans"])


def test_file_is_what_the_generator_writes(tmp_path: Path) -> None:
    import faker

    if faker.VERSION != corpus.MADE_WITH_FAKER:
        pytest.skip(f"test9 made with faker {corpus.MADE_WITH_FAKER}, not {faker.VERSION}")
    target = tmp_path / "pii_test9.jsonl"
    corpus.write(corpus.generate(), target)
    assert DATA.read_bytes() == target.read_bytes(), "run python -m devtools.pii_corpus_test9"


def test_generator_reads_nothing_of_the_project() -> None:
    source = Path(corpus.__file__).read_text(encoding="utf-8")
    imports = re.findall(r"^\s*(?:from|import)\s+([\w.]+)", source, re.M)
    assert imports, "no import found"
    assert not [name for name in imports if name.split(".")[0] in {"handlers", "bot", "storage"}]
    assert not [name for name in imports if name.startswith("devtools")]


def test_lines_are_well_formed_and_spans_consistent(rows: list[dict[str, Any]]) -> None:
    texts = set()
    for row in rows:
        assert set(row) == {"text", "pii", "topics", "spans", "split", "template"}
        assert row["split"] == "test9"
        assert row["template"].startswith("test9_")
        text = row["text"]
        assert text not in texts
        texts.add(text)
        previous_end = 0
        pii: dict[str, list[str]] = {}
        topics: list[str] = []
        for start, end, category in row["spans"]:
            assert category in IDENT | TOPICS
            assert previous_end <= start < end <= len(text), row
            previous_end = end
            value = text[start:end]
            assert value == value.strip() and value
            if category in TOPICS:
                if category not in topics:
                    topics.append(category)
            else:
                pii.setdefault(category, []).append(value)
        assert pii == row["pii"]
        assert topics == row["topics"]
        assert not re.search(r"\{[A-Za-z_0-9:]+\}|<<|>>", text), text  # no markup left
        assert not re.search(r"\[[^\]|]*\|[^\]]*\]", text), text


def test_assembly_checks_its_spans() -> None:
    gen = corpus.Generator(7)
    row = gen.render("Bonjour {NOMF}, voici {ADR} et {T:sante}.", "test9_probe-00", False)
    for start, end, category in row["spans"]:
        assert row["text"][start:end] == row["text"][start:end].strip()
        assert category in {"personne", "adresse", "sante"}
    assert [c for _, _, c in row["spans"]] == ["personne", "adresse", "sante"]


def test_sizes_mix_and_support(rows: list[dict[str, Any]]) -> None:
    assert len(rows) >= 1500
    assert len({row["template"] for row in rows}) >= 200
    clean = sum(1 for row in rows if not row["spans"])
    assert 0.30 <= clean / len(rows) <= 0.40
    items = _items(rows)
    for topic in TOPICS:
        assert items[topic] >= 60, topic
    assert items["adresse"] >= 200
    assert items["personne"] >= 400
    for category in ("email", "iban", "nir", "carte", "telephone", "date_naissance"):
        assert items[category] >= 30, category


def test_topics_come_in_many_phrasings(rows: list[dict[str, Any]]) -> None:
    phrasings: dict[str, set[str]] = {topic: set() for topic in TOPICS}
    for row in rows:
        for start, end, category in row["spans"]:
            if category in TOPICS:
                phrasings[category].add(row["text"][start:end].lower())
    for topic, phrases in phrasings.items():
        assert len(phrases) >= 20, topic


def test_hard_forms_are_there(rows: list[dict[str, Any]]) -> None:
    addresses = [
        r["text"][s:e] for r in rows for s, e, c in r["spans"] if c == "adresse"
    ]  # fmt: skip
    names = [r["text"][s:e] for r in rows for s, e, c in r["spans"] if c == "personne"]

    def count(pattern: str) -> int:
        return sum(1 for a in addresses if re.search(pattern, a, re.I))

    assert count(r"\b97[1-6]\d\d\b") >= 15  # overseas
    assert count(r"\b20[0-2]\d\d\b") >= 10  # Corsica
    assert count(r"\d ?(bis|ter)\b") >= 10
    assert count(r"\bBP\b") >= 10
    assert count("lieu-dit") >= 10
    assert count(r"r[ée]s(idence|\.)|appt|apt|appartement") >= 15
    assert sum("\n" in a for a in addresses) >= 20
    assert sum(not a[0].isdigit() for a in addresses) >= 40
    assert sum(n == n.lower() for n in names) >= 100
    assert sum(" " not in n for n in names) >= 100
    assert sum(bool(re.match(r"[A-ZÀ-Ý'\- ]{2,} [A-ZÀ-Ý][a-zà-ÿ]", n)) for n in names) >= 50


def test_identifiers_are_valid(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        for value in row["pii"].get("nir", []):
            assert corpus.nir_ok(value), value
        for value in row["pii"].get("iban", []):
            assert corpus.iban_ok(value), value
        for value in row["pii"].get("carte", []):
            assert corpus.luhn_ok(re.sub(r"\D", "", value)), value


def test_the_set_is_held_out() -> None:
    source = (ROOT / "devtools" / "pii_eval.py").read_text(encoding="utf-8")
    assert '"test9": DATA / "pii_test9.jsonl"' in source
    held_out = re.search(r"held_out = \(([^)]*)\)", source)
    assert held_out is not None and '"test9"' in held_out.group(1)


def test_the_doc_describes_the_set(rows: list[dict[str, Any]]) -> None:
    doc = (ROOT / "tests" / "data" / "PII_SETS.md").read_text(encoding="utf-8")
    assert "## test9" in doc
    section = doc.split("## test9", 1)[1].split("\n## ", 1)[0]
    assert f"{len(rows):,}" in section
    for category, count in _items(rows).items():
        assert f"| {category} | {count:,} |" in section, category
