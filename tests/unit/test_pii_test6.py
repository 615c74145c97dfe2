"""The sixth held-out set pii_test6.jsonl is what its generator writes, and well formed.

Nothing here runs the guard on the set: its scores are read only with `pii_eval --set test6`.
"""

from __future__ import annotations

import ast
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from devtools import pii_corpus_test6 as corpus
from devtools.pii_eval import SETS, load_set, main
from handlers.privacy.pii import CATEGORIES, IDENTIFIERS, TOPICS


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    return load_set("test6")


def _values(rows: list[dict[str, Any]], category: str) -> list[str]:
    return [r["text"][s:e] for r in rows for s, e, c in r["spans"] if c == category]


def _plain(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn"
    ).lower()


def test_file_is_what_the_generator_writes(tmp_path: Path) -> None:
    import faker

    if faker.VERSION != corpus.MADE_WITH_FAKER:
        pytest.skip(f"test6 made with faker {corpus.MADE_WITH_FAKER}, not {faker.VERSION}")
    target = tmp_path / "pii_test6.jsonl"
    corpus.write(corpus.generate(), target)
    assert SETS["test6"].read_bytes() == target.read_bytes(), (
        "run python -m devtools.pii_corpus_test6"
    )


def test_generator_imports_nothing_from_the_project() -> None:
    tree = ast.parse(Path(corpus.__file__).read_text(encoding="utf-8"))
    modules = {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    modules |= {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    assert not [
        m for m in modules if m.split(".")[0] in ("handlers", "bot", "storage", "devtools")
    ]


def test_labels_are_the_guards_categories() -> None:
    assert set(corpus.IDENTIFIERS) == set(IDENTIFIERS)
    assert set(corpus.TOPICS) == set(TOPICS)
    assert set(corpus.CATEGORIES) == set(CATEGORIES)


def test_lines_are_well_formed_and_spans_consistent(rows: list[dict[str, Any]]) -> None:
    assert len({row["text"] for row in rows}) == len(rows)
    ids = {template_id for template_id, _, _, _ in corpus.templates()}
    for row in rows:
        text = row["text"]
        assert set(row) == {"text", "pii", "topics", "spans", "split", "template"}, row
        assert row["split"] == "test6" and row["template"] in ids
        assert not re.search(r"[\[\]{}⟨⟩⟪⟫]", text), text  # no template syntax left
        pii: dict[str, list[str]] = {}
        topics: set[str] = set()
        previous_end = 0
        for start, end, category in row["spans"]:
            assert category in CATEGORIES, (category, text)
            assert previous_end <= start < end <= len(text), (start, end, text)
            value = text[start:end]
            assert value == value.strip() and value.strip(".,;:") == value, (value, text)
            previous_end = end  # sorted, never overlapping
            if category in TOPICS:
                topics.add(category)
            else:
                pii.setdefault(category, []).append(value)
        assert row["pii"] == pii, text
        assert row["topics"] == sorted(topics), text


def test_templates_use_known_slots_and_banks() -> None:
    templates = corpus.templates()
    assert len(templates) >= 200
    for template_id, renders, text, second in templates:
        assert renders >= 5 and second in ("any", "same", "other"), template_id
        for slot in re.findall(r"\{(\w+)\}", text):
            assert slot in corpus.SLOTS, (template_id, slot)
        for category, bank in re.findall(r"\[(\w+)(?:\.(\w+))?[\]:]", text):
            assert category in corpus.TOPICS, (template_id, category)
            if bank:
                assert f"{category}.{bank}" in corpus.BANKS, (template_id, bank)


def test_assembly_checks_the_spans() -> None:
    row = corpus.assemble([("Bonjour ", None), ("Anne Roux", "personne"), (" !", None)], "t-00")
    assert row["spans"] == [[8, 17, "personne"]] and row["pii"] == {"personne": ["Anne Roux"]}
    for bad in ("Anne Roux ", "Anne Roux.", " Anne Roux"):
        with pytest.raises(ValueError):
            corpus.assemble([("Bonjour ", None), (bad, "personne")], "t-00")
    with pytest.raises(ValueError):
        corpus.assemble([("Anne", "nom")], "t-00")
    with pytest.raises(ValueError):  # a span that is not the value of its slot
        corpus.assemble([("Anne", "personne")], "t-00", ["Annie"])
    assert corpus.assemble([("anne roux", "personne")], "t-00", ["Anne Roux"])["spans"]


def test_rendering_agrees_with_gender_and_labels_the_phrase() -> None:
    import random

    rng = random.Random(1)
    pieces = corpus.render("{P} [sante:est séropositi⟪f|ve⟫]", rng, {"g": "f", "g2": "f"})
    assert pieces[-1] == ("est séropositive", "sante")
    assert pieces[0][1] == "personne"
    pieces = corpus.render("⟨a|b⟩ ⟪2:il|elle⟫", rng, {"g": "f", "g2": "m"})
    assert pieces[0][0] in ("a il", "b il")


def test_sizes_mix_and_support(rows: list[dict[str, Any]]) -> None:
    assert len(rows) >= 1500
    assert len({row["template"] for row in rows}) >= 200
    clean = sum(1 for row in rows if not row["spans"])
    assert 0.30 <= clean / len(rows) <= 0.40
    counts = corpus.counts(rows)
    for category in TOPICS:
        assert counts[category] >= 60, category
        phrases = {_plain(v) for v in _values(rows, category)}
        assert len(phrases) >= 30, category
    assert counts["adresse"] >= 200 and counts["personne"] >= 400
    for category in ("email", "iban", "nir", "carte", "telephone", "date_naissance"):
        assert counts[category] >= 30, category


def test_hard_forms_are_there(rows: list[dict[str, Any]]) -> None:
    addresses = _values(rows, "adresse")
    assert sum(bool(re.search(r"\b97[1-6]\d\d\b", a)) for a in addresses) >= 15
    assert sum(bool(re.search(r"\b20[0-6]\d\d\b", a)) for a in addresses) >= 10
    assert sum(bool(re.search(r"\b(bis|ter|quater)\b", a, re.I)) for a in addresses) >= 8
    assert sum(bool(re.search(r"\b(BP|B\.P\.|boîte postale)", a, re.I)) for a in addresses) >= 8
    assert sum("\n" in a for a in addresses) >= 15
    assert sum(not a[0].isdigit() for a in addresses) >= 30
    names = _values(rows, "personne")
    assert sum(n == n.lower() for n in names) >= 100
    assert sum(bool(re.match(r"^[A-ZÉÈÀÇ'\- ]{2,} [A-Z]", n)) for n in names) >= 60
    assert sum(" " not in n for n in names) >= 200


def _nir_ok(value: str) -> bool:
    digits = value.replace(" ", "")
    body, key = digits[:-2], int(digits[-2:])
    return 97 - int(body.replace("2A", "19").replace("2B", "18")) % 97 == key


def _iban_ok(value: str) -> bool:
    code = value.replace(" ", "").upper()
    return int("".join(str(int(c, 36)) for c in code[4:] + code[:4])) % 97 == 1


def test_identifiers_are_valid(rows: list[dict[str, Any]]) -> None:
    assert all(_nir_ok(v) for v in _values(rows, "nir"))
    assert all(_iban_ok(v) for v in _values(rows, "iban"))
    assert all(corpus.luhn_ok(re.sub(r"\D", "", v)) for v in _values(rows, "carte"))
    assert all(len(re.sub(r"\D", "", v)) in (10, 11) for v in _values(rows, "telephone"))
    assert all(re.fullmatch(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", v) for v in _values(rows, "email"))


def test_the_set_is_held_out(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--set", "test6", "--errors"])
    assert "held out" in capsys.readouterr().err


def test_the_doc_describes_the_set(rows: list[dict[str, Any]]) -> None:
    doc = (SETS["test6"].parent / "PII_SETS.md").read_text(encoding="utf-8")
    section = doc[doc.index("## test6") : doc.index("## test5")]
    assert f"| sentences | {len(rows):,} |" in section
    assert f"| templates | {len(corpus.templates())} |" in section
    for category, n in corpus.counts(rows).items():
        assert f"| {category} | {n:,} |" in section, category
