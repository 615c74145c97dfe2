"""The fourteenth held-out set (tests/data/pii_test14.jsonl): exactly what its generator writes,
with consistent spans, valid identifiers and the sizes its brief asks for.

Nothing here runs the guard on the set: it is held out.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from devtools import pii_corpus_test14 as corpus
from tests.unit import heldout

ROOT = Path(__file__).resolve().parents[2]
TOPICS = heldout.TOPICS
SUPPORT = {
    "personne": 800, "adresse": 200, "telephone": 120, "date_naissance": 100, "email": 60,
    "iban": 40, "nir": 40, "carte": 40,
}  # fmt: skip


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    return heldout.load("test14")


def _values(rows: list[dict[str, Any]], category: str) -> list[str]:
    return [r["text"][s:e] for r in rows for s, e, c in r["spans"] if c == category]


def test_file_is_what_the_generator_writes(tmp_path: Path) -> None:
    heldout.check_generated(corpus, "test14", tmp_path)


def test_generator_reads_nothing_of_the_guard() -> None:
    source = Path(corpus.__file__).read_text(encoding="utf-8")
    imports = re.findall(r"^(?:from|import) (\w+)", source, re.MULTILINE)
    assert "handlers" not in imports
    assert "faker" not in imports  # its own name lists, not faker's
    assert "devtools" not in imports
    assert "tests" not in imports
    assert "pii_corpus" not in "".join(re.findall(r"^(?:from|import) .*$", source, re.MULTILINE))


def test_lines_are_well_formed_and_spans_consistent(rows: list[dict[str, Any]]) -> None:
    texts = set()
    for row in rows:
        text = row["text"]
        assert set(row) == {"text", "pii", "topics", "spans", "split", "template"}
        assert text not in texts, text
        texts.add(text)
        assert row["split"] == "test14"
        assert row["template"].startswith("test14_")
        assert not re.search(r"\{[^{}|\"]*\|[^{}|]*\}", text), text  # no agreement left
        assert not re.search(r"<[A-Z][A-Z0-9]*(:[a-z0-9]+)?>|\[\[", text), text  # no slot left
        heldout.check_spans(row)


def test_assembly_checks_its_spans() -> None:
    text, spans = corpus.assemble(
        [("Voir ", None), ("Maitena Oyharçabal", "personne"), (".", None)]
    )
    assert text == "Voir Maitena Oyharçabal." and spans == [(5, 23, "personne")]
    with pytest.raises(ValueError):
        corpus.assemble([("Voir", None), (" Maitena", "personne")])
    with pytest.raises(ValueError):
        corpus.assemble([("Voir ", None), ("", "personne")])


def test_sizes_mix_and_support(rows: list[dict[str, Any]]) -> None:
    assert len(rows) >= 2000
    assert len({row["template"] for row in rows}) >= 250
    items = Counter(category for row in rows for _, _, category in row["spans"])
    for topic in TOPICS:
        assert items[topic] >= 80, (topic, items[topic])
    for category, least in SUPPORT.items():
        assert items[category] >= least, (category, items[category])
    clean = sum(1 for row in rows if not row["spans"])
    assert 0.30 <= clean / len(rows) <= 0.40


def test_topics_come_in_many_predicates(rows: list[dict[str, Any]]) -> None:
    for topic in TOPICS:
        assert len(corpus.PREDICATES[topic]) >= 24, topic
        said = {value.lower() for value in _values(rows, topic)}
        assert len(said) >= 20, (topic, len(said))
        templates = {r["template"] for r in rows if topic in r["topics"]}
        assert len(templates) >= 12, (topic, len(templates))


def test_topic_lookalikes_are_plentiful(rows: list[dict[str, Any]]) -> None:
    lookalikes = [r for r in rows if r["template"].startswith("test14_l_")]
    assert len(lookalikes) >= 600
    assert all(not r["topics"] for r in lookalikes)
    assert all(set(r["pii"]) <= {"personne"} for r in lookalikes)
    for topic in TOPICS:
        assert sum(r["template"].startswith(f"test14_l_{topic}_") for r in rows) >= 80, topic
    others = [r for r in rows if r["template"].startswith(("test14_x_", "test14_q_"))]
    assert len(others) >= 450
    assert all(not r["spans"] for r in others)


def test_hard_forms_are_there(rows: list[dict[str, Any]]) -> None:
    addresses = _values(rows, "adresse")
    assert any("\n" in a for a in addresses)
    assert any(a.startswith("BP ") for a in addresses)
    assert any(re.search(r"\b97[1-6]\d\d\b", a) for a in addresses)
    assert any(re.search(r"\b98[78]\d\d\b", a) for a in addresses)
    assert any(re.search(r"\b20[012]\d\d\b", a) for a in addresses)
    assert any(re.search(r" (bis|ter) ", a) for a in addresses)
    assert any(a.startswith("lieu-dit ") for a in addresses)
    assert any(a.startswith("résidence ") and "appt" in a for a in addresses)
    assert any(re.search(r"\d (r|av|chem|imp|all|pl)\. ", a) for a in addresses)
    assert any(a == a.lower() for a in addresses)
    assert any(a == a.upper() for a in addresses)
    assert any(not a[0].isdigit() and a.startswith(("rue", "chemin", "avenue")) for a in addresses)
    assert any(re.search(r"\d+ \w+ .+ à [A-Z]", a) for a in addresses)
    names = _values(rows, "personne")
    assert any(n == n.lower() for n in names)
    assert any(n.split()[0].isupper() and len(n.split()[0]) > 2 for n in names)
    assert any(re.match(r"(de|du|des|d')\s?[A-Z]", n.split(" ", 1)[-1]) for n in names)
    assert any("-" in n for n in names)
    assert any("'" in n for n in names)
    assert any(re.fullmatch(r"[A-Z]\. \S.*", n) for n in names)
    assert any(re.search(r"[ąęłńśźżćışğçõã]", n) for n in names)
    phones = _values(rows, "telephone")
    for pattern in (r"^\+33 \d ", r"^\+33\d{9}$", r"^0033 ", r"^\+689 87", r"^\+33 \(0\)",
                    r"\.", r"-", r"^0(6 9[0-6]|5 9[06]|2 62) ", r"^0\d{9}$"):  # fmt: skip
        assert any(re.search(pattern, p) for p in phones), pattern
    emails = _values(rows, "email")
    assert any(e.endswith(".gouv.fr") for e in emails)
    dates = _values(rows, "date_naissance")
    assert any(re.fullmatch(r"(19|20)\d{6}", d) for d in dates)
    assert any(d.startswith("1er ") for d in dates)
    assert any(re.fullmatch(r"\d{4}", d) for d in dates)
    assert any(re.fullmatch(r"[a-zéû]+ \d{4}", d) for d in dates)
    assert any(re.fullmatch(r"\d{1,2} \w+ \d{2}", d) for d in dates)
    assert any(re.fullmatch(r"\d{4}-\d\d-\d\d", d) for d in dates)
    assert any(re.fullmatch(r"\d\d\.\d\d\.\d{4}", d) for d in dates)
    nirs = [n.replace(" ", "") for n in _values(rows, "nir")]
    assert any(n[5:7] in ("2A", "2B") for n in nirs)
    assert any(n[5:7] == "97" for n in nirs)
    assert any(n[5:7] == "99" for n in nirs)
    assert any(" " in n for n in _values(rows, "nir"))
    ibans = _values(rows, "iban")
    assert any(not i.upper().startswith("FR") for i in ibans)
    assert any(" " not in i for i in ibans)
    assert any(i.startswith("fr") for i in ibans)
    cards = [c.replace(" ", "").replace("-", "").replace(".", "") for c in _values(rows, "carte")]
    assert any(len(c) == 15 for c in cards)
    assert any(c.startswith("4970") for c in cards)
    assert any(c[:4].isdigit() and 2221 <= int(c[:4]) <= 2720 for c in cards)
    assert any("-" in c for c in _values(rows, "carte"))


def test_lookalike_numbers_are_what_they_claim(rows: list[dict[str, Any]]) -> None:
    """Some unlabelled 16-digit numbers pass Luhn; some 10-digit numbers start with 0."""
    unlabelled = [r["text"] for r in rows if not r["spans"]]
    numbers = [m.group() for t in unlabelled for m in re.finditer(r"\b\d[\d ]{14,20}\d\b", t)]
    assert sum(len(n.replace(" ", "")) == 16 and corpus.luhn_ok(n) for n in numbers) >= 30
    assert sum(bool(re.search(r"\b0\d{9}\b", t)) for t in unlabelled) >= 30


def test_identifiers_are_valid(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        for start, end, category in row["spans"]:
            value = row["text"][start:end]
            if category == "carte":
                assert corpus.luhn_ok(value), value
            elif category == "iban":
                assert corpus.iban_ok(value), value
            elif category == "nir":
                assert corpus.nir_ok(value), value


def test_french_ibans_carry_a_valid_rib_key(rows: list[dict[str, Any]]) -> None:
    for value in _values(rows, "iban"):
        compact = value.replace(" ", "").upper()
        if compact.startswith("FR"):
            bank, branch, account, key = compact[4:9], compact[9:14], compact[14:25], compact[25:]
            assert 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97 == int(key)


def test_checksums_reject_a_changed_digit() -> None:
    assert corpus.nir_ok("2 69 05 49 588 157 80")
    assert not corpus.nir_ok("2 69 05 49 588 157 81")
    assert corpus.iban_ok("FR76 3000 6000 0112 3456 7890 189")
    assert not corpus.iban_ok("FR76 3000 6000 0112 3456 7890 188")
    assert corpus.luhn_ok("4111 1111 1111 1111")
    assert not corpus.luhn_ok("4111 1111 1111 1112")


def test_the_set_is_held_out() -> None:
    heldout.check_held_out("test14")


def test_the_doc_describes_the_set(rows: list[dict[str, Any]]) -> None:
    doc = (ROOT / "tests" / "data" / "PII_SETS.md").read_text(encoding="utf-8")
    section = doc[doc.index("## test14") : doc.index("## test13")]
    assert f"{len(rows):,}" in section
    assert "python -m devtools.pii_corpus_test14" in section
