"""The independent labelled sets of the personal-data guard are well formed (not how it scores)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from devtools import pii_corpus
from devtools.pii_eval import SETS, evaluate_items, expected_spans, load_set, side_by_side
from handlers.privacy.pii import CATEGORIES, IDENTIFIERS, TOPICS, Finding, Scan
from tests.unit import heldout

SPLITS = ("dev", "test")


@pytest.fixture(scope="module")
def sets() -> dict[str, list[dict[str, Any]]]:
    return {split: load_set(split) for split in SPLITS}


def test_sizes(sets: dict[str, list[dict[str, Any]]]) -> None:
    assert len(sets["dev"]) + len(sets["test"]) >= 1200
    assert len(sets["test"]) >= 400
    for rows in sets.values():
        personal = sum(1 for row in rows if row["spans"])
        assert 0.4 <= personal / len(rows) <= 0.65  # about half with personal data


@pytest.mark.parametrize("split", SPLITS)
def test_lines_are_well_formed(sets: dict[str, list[dict[str, Any]]], split: str) -> None:
    for row in sets[split]:
        text = row["text"]
        assert set(row) == {"text", "pii", "topics", "spans", "split", "template"}, row
        assert row["split"] == split
        families = set(pii_corpus.FAMILIES) | {f"more_{name}" for name in pii_corpus.MORE}
        assert row["template"].rsplit("-", 1)[0] in families, row["template"]
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
        assert set(row["pii"]) <= set(IDENTIFIERS)


def test_no_sentence_template_or_name_in_both_splits(
    sets: dict[str, list[dict[str, Any]]],
) -> None:
    dev, test = sets["dev"], sets["test"]
    assert not {r["text"] for r in dev} & {r["text"] for r in test}
    assert not {r["template"] for r in dev} & {r["template"] for r in test}
    for category in ("personne", "adresse", "email", "telephone", "iban", "nir", "carte"):

        def values(rows: list[dict[str, Any]], category: str = category) -> set[str]:
            return {
                r["text"][s:e].casefold() for r in rows for s, e, c in r["spans"] if c == category
            }

        assert not values(dev) & values(test), category


def test_every_category_has_support_in_both_splits(
    sets: dict[str, list[dict[str, Any]]],
) -> None:
    labelled = pii_corpus.IDENTIFIERS + pii_corpus.TOPICS
    assert set(labelled) <= set(CATEGORIES)
    assert set(pii_corpus.IDENTIFIERS) == set(IDENTIFIERS)
    for split, rows in sets.items():
        counts = pii_corpus.counts(rows)
        for category in labelled:
            assert counts.get(category, 0) >= 8, (split, category)


def test_files_are_what_the_generator_writes(tmp_path: Path) -> None:
    """Deterministic: regenerating gives the committed files byte for byte."""
    import faker

    if faker.VERSION != pii_corpus.MADE_WITH_FAKER:
        pytest.skip(f"sets made with faker {pii_corpus.MADE_WITH_FAKER}, not {faker.VERSION}")
    pii_corpus.write(pii_corpus.generate(), tmp_path)
    for split in SPLITS:
        expected = (tmp_path / f"pii_{split}.jsonl").read_bytes()
        assert SETS[split].read_bytes() == expected, f"run python -m devtools.pii_corpus ({split})"


def test_generated_identifiers_pass_their_checks(sets: dict[str, list[dict[str, Any]]]) -> None:
    for rows in sets.values():
        for row in rows:
            for value in row["pii"].get("carte", []):
                assert pii_corpus.luhn_ok(value.replace(" ", ""))
            for value in row["pii"].get("iban", []):
                assert pii_corpus.iban_ok(value.replace(" ", ""))
            for value in row["pii"].get("nir", []):
                compact = value.replace(" ", "")
                assert pii_corpus.nir_with_key(compact[:13]) == compact


def test_item_scoring_counts_overlaps_and_whole_spans() -> None:
    row: dict[str, Any] = {
        "text": "Voir Hervé Le Du au 06 12 34 56 78.",
        "pii": {"personne": ["Hervé Le Du"], "telephone": ["06 12 34 56 78"]},
        "topics": [],
        "spans": [[5, 16, "personne"], [20, 34, "telephone"]],
    }
    assert [row["text"][s:e] for s, e, _ in expected_spans(row)] == [
        "Hervé Le Du",
        "06 12 34 56 78",
    ]

    def scan(text: str) -> Scan:
        return Scan(
            identifiers=(Finding("personne", 5, 10, "Hervé"), Finding("nir", 0, 4, "Voir"))
        )

    report = evaluate_items([row], scan)
    assert (report.items["personne"].tp, report.items["personne"].fn) == (1, 0)
    assert report.whole["personne"] == [0, 1]  # "Le Du" would reach the model
    assert report.items["telephone"].fn == 1
    assert report.items["nir"].fp == 1
    overall = report.overall()
    assert (overall.tp, overall.fp, overall.fn) == (1, 1, 1)
    assert "OVERALL (item level)" in report.table()
    assert "dev n" in side_by_side({"dev": report, "test": report})


def test_test_split_errors_are_never_listed(capsys: pytest.CaptureFixture[str]) -> None:
    from devtools import pii_eval

    with pytest.raises(SystemExit):
        pii_eval.main(["--set", "test", "--errors"])
    assert "held out" in capsys.readouterr().err


def test_old_format_still_loads() -> None:
    rows = [json.loads(line) for line in SETS["fr"].read_text(encoding="utf-8").splitlines()]
    spans = expected_spans(rows[0])
    assert spans and all(start >= 0 for start, _end, _c in spans)


# -- dev2: a second development set, written by another hand (devtools/pii_corpus_dev2.py) ------


@pytest.fixture(scope="module")
def dev2() -> list[dict[str, Any]]:
    return load_set("dev2")


def test_dev2_size_balance_and_support(dev2: list[dict[str, Any]]) -> None:
    from devtools import pii_corpus_dev2

    assert len(dev2) >= 1000
    personal = sum(1 for row in dev2 if row["spans"])
    assert 0.4 <= personal / len(dev2) <= 0.65  # about half with personal data
    counts = pii_corpus_dev2.counts(dev2)
    assert set(pii_corpus_dev2.IDENTIFIERS + pii_corpus_dev2.TOPICS) == set(CATEGORIES)
    for category in CATEGORIES:
        assert counts.get(category, 0) >= 30, category
    # Each sensitive topic is said in many ways, not with one keyword.
    for category in TOPICS:
        phrases = {
            row["text"][s:e].casefold()
            for row in dev2
            for s, e, c in row["spans"]
            if c == category
        }
        assert len(phrases) >= 25, category


def test_dev2_lines_are_well_formed(dev2: list[dict[str, Any]]) -> None:
    assert len({row["text"] for row in dev2}) == len(dev2)
    for row in dev2:
        text = row["text"]
        assert set(row) == {"text", "pii", "topics", "spans", "split", "template"}, row
        assert row["split"] == "dev2"
        assert row["template"].startswith("dev2_"), row["template"]
        pii: dict[str, list[str]] = {}
        topics: set[str] = set()
        previous_end = 0
        for start, end, category in row["spans"]:
            assert category in CATEGORIES, (category, text)
            assert previous_end <= start < end <= len(text), (start, end, text)
            value = text[start:end]
            assert value == value.strip() and value.strip(".,;:") == value, (value, text)
            previous_end = end
            if category in TOPICS:
                topics.add(category)
            else:
                pii.setdefault(category, []).append(value)
        assert row["pii"] == pii, text
        assert row["topics"] == sorted(topics), text


def test_dev2_identifiers_pass_their_checks(dev2: list[dict[str, Any]]) -> None:
    from devtools.pii_corpus_dev2 import iban_ok, luhn_ok, nir_ok

    assert not nir_ok("1 85 03 75 115 123 45") or not nir_ok("1 85 03 75 115 123 46")
    assert nir_ok("2 69 05 2A 004 012 " + f"{97 - 2690519004012 % 97:02d}")
    assert iban_ok("FR76 3000 6000 0112 3456 7890 189") and not iban_ok(
        "FR7630006000011234567890188"
    )
    for row in dev2:
        for value in row["pii"].get("carte", []):
            assert luhn_ok(value.replace(" ", "").replace("-", "")), value
        for value in row["pii"].get("iban", []):
            assert iban_ok(value), value
        for value in row["pii"].get("nir", []):
            assert nir_ok(value), value


def test_dev2_shares_no_sentence_with_dev(dev2: list[dict[str, Any]]) -> None:
    shared = {row["text"] for row in dev2} & {row["text"] for row in load_set("dev")}
    assert not shared


def test_dev2_shares_no_sentence_or_value_with_the_held_out_split(
    dev2: list[dict[str, Any]],
) -> None:
    """Compared by hash, and only counts are reported: the held-out text is never shown."""
    import hashlib

    def digests(rows: list[dict[str, Any]], category: str | None) -> set[str]:
        if category is None:
            values = {row["text"] for row in rows}
        else:
            values = {
                row["text"][s:e].casefold()
                for row in rows
                for s, e, c in row["spans"]
                if c == category
            }
        return {hashlib.sha256(value.encode("utf-8")).hexdigest() for value in values}

    test = load_set("test")
    for category in (None, *IDENTIFIERS):
        shared = len(digests(dev2, category) & digests(test, category))
        assert shared == 0, f"{shared} {category or 'sentences'} shared with the held-out split"


def test_dev2_file_is_what_the_generator_writes(tmp_path: Path) -> None:
    import faker

    from devtools import pii_corpus_dev2

    if faker.VERSION != pii_corpus_dev2.MADE_WITH_FAKER:
        pytest.skip(f"dev2 made with faker {pii_corpus_dev2.MADE_WITH_FAKER}, not {faker.VERSION}")
    target = tmp_path / "pii_dev2.jsonl"
    pii_corpus_dev2.write(pii_corpus_dev2.generate(), target)
    assert SETS["dev2"].read_bytes() == target.read_bytes(), (
        "run python -m devtools.pii_corpus_dev2"
    )


def test_dev2_is_scored_by_the_evaluator(dev2: list[dict[str, Any]]) -> None:
    from handlers.privacy.pii import PiiDetector

    rows = dev2[:60]
    report = evaluate_items(rows, PiiDetector(ner="off").scan)
    expected = sum(len(row["spans"]) for row in rows)
    overall = report.overall()
    assert report.lines == len(rows)
    assert overall.tp + overall.fn == expected


@pytest.mark.parametrize(
    "spans, pii",
    [
        ([[0, 5, "personne"], [3, 9, "personne"]], {"personne": ["Marie", "e Curi"]}),  # overlap
        ([[0, 6, "personne"]], {"personne": ["Marie "]}),  # a blank at an edge
        ([[0, 5, "personne"]], {}),  # `pii` disagrees with the spans
        ([[0, 5, "inconnu"]], {"inconnu": ["Marie"]}),  # no such category
    ],
)
def test_the_held_out_sets_span_check_refuses_bad_rows(
    spans: list[list[Any]], pii: dict[str, list[str]]
) -> None:
    row = {"text": "Marie Curie.", "spans": spans, "pii": pii, "topics": []}
    with pytest.raises(AssertionError):
        heldout.check_spans(row)
    heldout.check_spans(
        {**row, "spans": [[0, 11, "personne"]], "pii": {"personne": ["Marie Curie"]}}
    )
