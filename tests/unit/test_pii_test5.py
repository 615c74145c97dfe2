"""The fifth held-out set pii_test5.jsonl is what its generator writes, and well formed.

Nothing here runs the guard on the set: its scores are read only with `pii_eval --set test5`.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest

from devtools import pii_corpus_test5 as corpus
from devtools.pii_eval import SETS, expected_spans, load_set, main
from handlers.privacy.pii import CATEGORIES, IDENTIFIERS, TOPICS


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    return load_set("test5")


def _values(rows: list[dict[str, Any]], category: str) -> list[str]:
    return [r["text"][s:e] for r in rows for s, e, c in r["spans"] if c == category]


def test_file_is_what_the_generator_writes(tmp_path: Path) -> None:
    import faker

    if faker.VERSION != corpus.MADE_WITH_FAKER:
        pytest.skip(f"test5 made with faker {corpus.MADE_WITH_FAKER}, not {faker.VERSION}")
    target = tmp_path / "pii_test5.jsonl"
    corpus.write(corpus.generate(), target)
    assert SETS["test5"].read_bytes() == target.read_bytes(), (
        "run python -m devtools.pii_corpus_test5"
    )


def test_generator_imports_nothing_from_the_project() -> None:
    tree = ast.parse(Path(corpus.__file__).read_text(encoding="utf-8"))
    modules = {
        node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    } | {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    project = ("handlers", "bot", "storage", "devtools")
    assert not [m for m in modules if m.split(".")[0] in project], modules


def test_labels_are_the_guards_categories() -> None:
    assert set(corpus.IDENTIFIERS) == set(IDENTIFIERS)
    assert set(corpus.TOPICS) == set(TOPICS)
    assert set(corpus.CATEGORIES) == set(CATEGORIES)


def test_lines_are_well_formed_and_spans_consistent(rows: list[dict[str, Any]]) -> None:
    assert len({row["text"] for row in rows}) == len(rows)
    ids = {template_id for template_id, _, _ in corpus.templates()}
    for row in rows:
        text = row["text"]
        assert set(row) == {"text", "pii", "topics", "spans", "split", "template"}, row
        assert row["split"] == "test5"
        assert row["template"] in ids, row["template"]
        assert re.fullmatch(r"test5_[a-z_]+-\d{2,3}", row["template"]), row["template"]
        assert not re.search(r"[\[\]{}<>~]", text), text  # no template syntax left
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
        assert row["pii"] == pii, text
        assert row["topics"] == sorted(topics), text
        assert [tuple(s) for s in row["spans"]] == expected_spans(row)
        for category, values in pii.items():  # the older evaluator finds each value
            for value in values:
                assert value in text, (category, value)


def test_every_slot_and_phrase_of_a_template_is_used() -> None:
    for template_id, renders, text in corpus.templates():
        assert renders >= 5, template_id
        for slot in re.findall(r"\{(\w+)\}", text):
            assert slot in corpus.SLOTS, (template_id, slot)
        for category, _ in re.findall(r"\[(\w+):([^\]]+)\]", text):
            assert category in corpus.TOPICS, (template_id, category)


def test_assembly_checks_the_spans() -> None:
    row = corpus.assemble([("Bonjour ", None), ("Anne Roux", "personne"), (" !", None)], "t-00")
    assert row["spans"] == [[8, 17, "personne"]] and row["pii"] == {"personne": ["Anne Roux"]}
    with pytest.raises(ValueError):
        corpus.assemble([("Bonjour ", None), ("Anne Roux ", "personne")], "t-00")
    with pytest.raises(ValueError):
        corpus.assemble([("Bonjour ", None), ("Anne Roux.", "personne")], "t-00")
    with pytest.raises(ValueError):
        corpus.assemble([("Bonjour ", None), ("Anne", "nom")], "t-00")


def test_sizes_mix_and_support(rows: list[dict[str, Any]]) -> None:
    assert len(rows) >= 1500
    assert len(corpus.templates()) >= 200
    assert len({row["template"] for row in rows}) >= 200
    clean = sum(1 for row in rows if not row["spans"])
    assert 0.30 <= clean / len(rows) <= 0.40
    counts = corpus.counts(rows)
    for category in TOPICS:
        assert counts[category] >= 60, category
    assert counts["adresse"] >= 200
    assert counts["personne"] >= 400
    for category in IDENTIFIERS:
        assert counts[category] >= 40, category


def test_addresses_cover_the_hard_forms(rows: list[dict[str, Any]]) -> None:
    addresses = _values(rows, "adresse")

    def having(pattern: str) -> int:
        return sum(1 for a in addresses if re.search(pattern, a, re.IGNORECASE))

    assert having(r"\b97[1-6]\d\d\b") >= 20  # overseas
    assert having(r"\b20[0-6]\d\d\b") >= 12  # Corsica
    assert having(r"\d ?(bis|ter)\b") >= 10
    assert having(r"\bBP \d") >= 20
    assert having(r"\bcedex\b") >= 3
    assert having(r"\n") >= 30
    assert having(r"résidence") >= 15
    assert having(r"bâtiment|appartement|\bappt?\b|\bporte\b") >= 20
    assert having(r"lieu-dit") >= 20
    assert sum(1 for a in addresses if not a[0].isdigit()) >= 60
    assert sum(1 for a in addresses if not re.search(r"\b\d{5}\b", a)) >= 10  # street alone


def test_names_cover_the_hard_forms(rows: list[dict[str, Any]]) -> None:
    names = _values(rows, "personne")
    assert sum(1 for n in names if n == n.lower()) >= 100
    assert sum(1 for n in names if re.match(r"[A-ZÀ-Ý'-]{2,}(?: [A-ZÀ-Ý'-]+)* \w", n)) >= 100
    assert sum(1 for n in names if " " not in n) >= 150
    assert sum(1 for n in names if "-" in n) >= 60
    assert sum(1 for n in names if re.search(r"(^|\s)(de|du|de la|le|d')(\s|\w)", n, re.I)) >= 20
    titles = ("M.", "Mme", "Madame", "Monsieur", "Dr", "Me", "Maître", "Mlle")
    assert not [n for n in names if n.split()[0] in titles]
    words = {w for n in names for w in re.split(r"[ -]", n)}
    assert words & set(corpus.WEST_AFRICA) and words & set(corpus.EAST_ASIA)


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def _luhn(number: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def test_identifiers_are_valid(rows: list[dict[str, Any]]) -> None:
    for value in _values(rows, "carte"):
        assert _luhn(_digits(value)), value
    for value in _values(rows, "iban"):
        compact = value.replace(" ", "").upper()
        moved = compact[4:] + compact[:4]
        assert int("".join(str(int(c, 36)) for c in moved)) % 97 == 1, value
        if compact.startswith("FR"):  # the RIB key too
            bank, branch, account, key = compact[4:9], compact[9:14], compact[14:25], compact[25:]
            total = 89 * int(bank) + 15 * int(branch) + 3 * int(account) + int(key)
            assert total % 97 == 0, value
    for value in _values(rows, "nir"):
        compact = value.replace(" ", "").upper()
        assert len(compact) == 15, value
        body = compact[:-2].replace("2A", "19").replace("2B", "18")
        assert 97 - int(body) % 97 == int(compact[-2:]), value
    assert any(re.search(r"^\d \d\d \d\d 2[AB] ", v) for v in _values(rows, "nir"))
    for value in _values(rows, "telephone"):
        assert len(_digits(value)) in (10, 11), value


def test_sensitive_topics_are_phrased_many_ways(rows: list[dict[str, Any]]) -> None:
    for category in TOPICS:
        phrases = {p.lower() for p in _values(rows, category)}
        assert len(phrases) >= 25, category
    sexual = _values(rows, "vie_sexuelle")
    assert (
        sum(
            1
            for p in sexual
            if re.search(r"(le|la|sa|son) (compagn|mari|conjoint|femme|épouse|partenaire)", p)
        )
        >= 15
    )


def test_errors_listing_refuses_the_set(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_guard(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the guard must not run on the held-out set")

    monkeypatch.setattr("devtools.pii_eval.PiiDetector", no_guard)
    with pytest.raises(SystemExit):
        main(["--set", "test5", "--errors"])


def test_the_doc_gives_the_real_counts(rows: list[dict[str, Any]]) -> None:
    """tests/data/PII_SETS.md describes test5 with its real counts."""
    doc = (SETS["test5"].parent / "PII_SETS.md").read_text(encoding="utf-8")
    section = doc[doc.index("## test5") : doc.index("## test4")]
    clean = sum(1 for row in rows if not row["spans"])
    assert f"| sentences | {len(rows):,} |" in section
    assert f"| with nothing personal | {clean:,} |" in section
    assert f"| templates | {len(corpus.templates())} |" in section
    for category, n in corpus.counts(rows).items():
        assert re.search(rf"\| {category} \| {n:,} \|", section), category
