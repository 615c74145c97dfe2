"""The fresh held-out set pii_test2.jsonl is what its generator writes, and well formed.

Nothing here runs the guard on the set: its scores are read only with `pii_eval --set test2`.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from devtools import pii_corpus_test2 as corpus
from devtools.pii_eval import SETS, evaluate_items, expected_spans, load_set
from handlers.privacy.pii import CATEGORIES, IDENTIFIERS, TOPICS, Scan


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    return load_set("test2")


def test_file_is_what_the_generator_writes(tmp_path: Path) -> None:
    import faker

    if faker.VERSION != corpus.MADE_WITH_FAKER:
        pytest.skip(f"test2 made with faker {corpus.MADE_WITH_FAKER}, not {faker.VERSION}")
    target = tmp_path / "pii_test2.jsonl"
    corpus.write(corpus.generate(), target)
    assert SETS["test2"].read_bytes() == target.read_bytes(), (
        "run python -m devtools.pii_corpus_test2"
    )


def test_generation_is_deterministic() -> None:
    assert corpus.generate() == corpus.generate()


def test_labels_are_the_guards_categories() -> None:
    assert corpus.IDENTIFIERS == IDENTIFIERS
    assert corpus.TOPICS == TOPICS


def test_lines_are_well_formed_and_spans_consistent(rows: list[dict[str, Any]]) -> None:
    assert len({row["text"] for row in rows}) == len(rows)
    for row in rows:
        text = row["text"]
        assert set(row) == {"text", "pii", "topics", "spans", "split", "template"}, row
        assert row["split"] == "test2"
        assert re.fullmatch(r"test2_[a-z_]+-\d\d", row["template"]), row["template"]
        pii: dict[str, list[str]] = {}
        topics: set[str] = set()
        previous_end = 0
        for start, end, category in row["spans"]:
            assert category in CATEGORIES, (category, text)
            assert previous_end <= start < end <= len(text), (start, end, text)
            value = text[start:end]
            assert value == value.strip() and value.strip(".,;:") == value, (value, text)
            previous_end = end  # sorted and never overlapping
            if category in TOPICS:
                topics.add(category)
            else:
                pii.setdefault(category, []).append(value)
        # The substrings and topic list the older evaluator reads agree with the offsets.
        assert row["pii"] == pii, text
        assert row["topics"] == sorted(topics), text
        assert [tuple(s) for s in row["spans"]] == expected_spans(row)


def test_sizes_mix_and_support(rows: list[dict[str, Any]]) -> None:
    assert len(rows) >= 1200
    assert len(corpus.templates()) >= 150
    assert len({row["template"] for row in rows}) >= 150
    clean = sum(1 for row in rows if not row["spans"])
    assert 0.30 <= clean / len(rows) <= 0.42  # about a third with nothing personal
    counts = corpus.counts(rows)
    for category in TOPICS:
        assert counts[category] >= 40, category
    assert counts["adresse"] >= 150
    assert counts["personne"] >= 300
    for category in IDENTIFIERS:
        assert counts[category] >= 20, category


def test_addresses_and_names_cover_the_hard_forms(rows: list[dict[str, Any]]) -> None:
    def values(category: str) -> list[str]:
        return [r["text"][s:e] for r in rows for s, e, c in r["spans"] if c == category]

    addresses = values("adresse")

    def having(pattern: str) -> int:
        return sum(1 for a in addresses if re.search(pattern, a, re.IGNORECASE))

    assert having(r"\b97[1-6]\d\d\b") >= 10  # overseas
    assert having(r"\b20[0-6]\d\d\b") >= 8  # Corsica, 2A and 2B
    assert having(r"\d ?(bis|ter|quater)\b") >= 10
    assert having(r"\b(BP|B\.P\.|CS) \d") >= 5
    assert having(r"\n") >= 20  # on several lines
    assert having(r"résidence|residence|\bcité\b") >= 10
    assert sum(1 for a in addresses if not a[0].isdigit()) >= 30  # no number first
    names = values("personne")
    assert sum(1 for n in names if n == n.lower()) >= 30
    assert sum(1 for n in names if re.match(r"[A-ZÀ-Ý'-]{2,}(?: [A-ZÀ-Ý'-]+)* \w", n)) >= 30
    assert sum(1 for n in names if " " not in n) >= 50  # a given name or a surname alone
    assert sum(1 for n in names if "-" in n) >= 30
    titles = ("M.", "Mme", "Madame", "Monsieur", "Dr", "Me", "Maître", "Mlle")
    assert not [n for n in names if n.split()[0] in titles]  # titles stay out of the span


def test_identifiers_pass_their_checks(rows: list[dict[str, Any]]) -> None:
    assert corpus.luhn_ok("4111111111111111") and not corpus.luhn_ok("4111111111111112")
    assert corpus.iban_ok("FR76 3000 6000 0112 3456 7890 189")
    assert not corpus.iban_ok("FR7630006000011234567890188")
    assert corpus.nir_ok("2 69 05 2A 004 012 " + f"{97 - 2690519004012 % 97:02d}")
    for row in rows:
        for value in row["pii"].get("carte", []):
            assert corpus.luhn_ok(re.sub(r"[ -]", "", value)), value
        for value in row["pii"].get("iban", []):
            assert corpus.iban_ok(value), value
        for value in row["pii"].get("nir", []):
            assert corpus.nir_ok(value), value


def test_the_generator_reads_neither_the_guard_nor_the_other_sets() -> None:
    """Independence: the held-out hand imports no detector, word list or other generator."""
    source = Path(corpus.__file__).read_text(encoding="utf-8")
    imports = re.findall(r"^\s*(?:from|import)\s+([\w.]+)", source, re.MULTILINE)
    assert not [name for name in imports if name.startswith(("handlers", "bot", "devtools"))]
    assert "pii_test.jsonl" not in source and "pii_dev" not in source


def test_the_evaluator_reads_the_offsets(rows: list[dict[str, Any]]) -> None:
    report = evaluate_items(rows, lambda _text: Scan())  # no guard: support only
    support = Counter(c for row in rows for _s, _e, c in row["spans"])
    for category in CATEGORIES:
        assert report.items[category].fn == support[category], category
    assert report.clean == sum(1 for row in rows if not row["spans"])


def test_errors_are_never_listed(capsys: pytest.CaptureFixture[str]) -> None:
    from devtools import pii_eval

    with pytest.raises(SystemExit):
        pii_eval.main(["--set", "test2", "--errors"])
    assert "held out" in capsys.readouterr().err


def test_the_documented_counts_are_the_files(rows: list[dict[str, Any]]) -> None:
    """tests/data/PII_SETS.md describes test2 with its real counts."""
    doc = (SETS["test2"].parent / "PII_SETS.md").read_text(encoding="utf-8")
    section = doc[doc.index("## test2") :]
    documented: dict[str, int] = {}
    for name, value in re.findall(r"\| (\w+) \| ([\d,]+) \|", section):
        documented[name] = int(value.replace(",", ""))
    counts = corpus.counts(rows)
    for category in CATEGORIES:
        assert documented.get(category) == counts[category], category
    assert documented["sentences"] == len(rows)
    assert documented["templates"] == len(corpus.templates())
