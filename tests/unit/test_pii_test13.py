"""The thirteenth held-out set (tests/data/pii_test13.jsonl): exactly what its generator writes,
with consistent spans, valid identifiers and the sizes its brief asks for.

Nothing here runs the guard on the set: it is held out.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from devtools import pii_corpus_test13 as corpus
from tests.unit import heldout

ROOT = Path(__file__).resolve().parents[2]
TOPICS = heldout.TOPICS
SUPPORT = {
    "personne": 800, "adresse": 200, "telephone": 120, "date_naissance": 100, "email": 60,
    "iban": 40, "nir": 40, "carte": 40,
}  # fmt: skip


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    return heldout.load("test13")


def _values(rows: list[dict[str, Any]], category: str) -> list[str]:
    return [r["text"][s:e] for r in rows for s, e, c in r["spans"] if c == category]


def test_file_is_what_the_generator_writes(tmp_path: Path) -> None:
    heldout.check_generated(corpus, "test13", tmp_path)


def test_generator_reads_nothing_of_the_guard() -> None:
    source = Path(corpus.__file__).read_text(encoding="utf-8")
    imports = re.findall(r"^(?:from|import) (\w+)", source, re.MULTILINE)
    assert "handlers" not in imports
    assert "faker" not in imports  # its own name lists, not faker's
    assert "devtools" not in imports
    assert "pii_corpus" not in "".join(re.findall(r"^(?:from|import) .*$", source, re.MULTILINE))


def test_lines_are_well_formed_and_spans_consistent(rows: list[dict[str, Any]]) -> None:
    texts = set()
    for row in rows:
        text = row["text"]
        assert set(row) == {"text", "pii", "topics", "spans", "split", "template"}
        assert text not in texts, text
        texts.add(text)
        assert row["split"] == "test13"
        assert row["template"].startswith("test13_")
        assert not re.search(r"\{[^{}|\"]*\|[^{}|]*\}", text), text  # no agreement left
        assert not re.search(r"<[A-Z][A-Z0-9]*(:[a-z0-9]+)?>|\(\(", text), text  # no slot left
        heldout.check_spans(row)


def test_assembly_checks_its_spans() -> None:
    text, spans = corpus.assemble([("Voir ", None), ("Soizic Kerboriou", "personne"), (".", None)])
    assert text == "Voir Soizic Kerboriou." and spans == [(5, 21, "personne")]
    with pytest.raises(ValueError):
        corpus.assemble([("Voir", None), (" Soizic", "personne")])
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
        assert len(corpus.PREDICATES[topic]) >= 20, topic
        said = {value.lower() for value in _values(rows, topic)}
        assert len(said) >= 20, (topic, len(said))
        templates = {r["template"] for r in rows if topic in r["topics"]}
        assert len(templates) >= 9, (topic, len(templates))


def test_topic_lookalikes_are_plentiful(rows: list[dict[str, Any]]) -> None:
    lookalikes = [r for r in rows if r["template"].startswith("test13_l_")]
    assert len(lookalikes) >= 500
    assert all(not r["topics"] for r in lookalikes)
    for topic in TOPICS:
        assert sum(r["template"].startswith(f"test13_l_{topic}_") for r in rows) >= 60, topic
    others = [r for r in rows if r["template"].startswith(("test13_x_", "test13_q_"))]
    assert len(others) >= 400
    assert all(not r["spans"] for r in others)


def test_hard_forms_are_there(rows: list[dict[str, Any]]) -> None:
    addresses = _values(rows, "adresse")
    assert any("\n" in a for a in addresses)
    assert any(a.startswith("BP ") for a in addresses)
    assert any(re.search(r"\b97[1-6]\d\d\b", a) for a in addresses)
    assert any(re.search(r"\b986[012]0\b", a) and a.startswith("village de") for a in addresses)
    assert any("97500 Miquelon-Langlade" in a or "97500 Saint-Pierre" in a for a in addresses)
    assert any(re.search(r"\b98[78]\d\d\b", a) for a in addresses)
    assert any(re.search(r"\b20[012]\d\d\b", a) for a in addresses)
    assert any(" bis " in a or " ter " in a for a in addresses)
    assert any("lieu-dit" in a for a in addresses)
    assert any(re.search(r"\b(appt|apt|appartement)\b", a) for a in addresses)
    assert any(re.search(r"\b(av|r|chem|imp)\. ", a) for a in addresses)
    assert any(a == a.lower() for a in addresses)
    assert any(a == a.upper() for a in addresses)
    assert any(
        re.search(r"\b(rue|avenue) (Jean Jaurès|Louise Michel|Émile Zola)\b", a) for a in addresses
    )
    names = _values(rows, "personne")
    assert any(n == n.lower() for n in names)
    assert any(n.split()[0].isupper() and len(n.split()[0]) > 2 for n in names)
    assert any(re.search(r"\b(de|du|des|d')\s?[A-Z]", n) for n in names)
    assert any("-" in n for n in names)
    assert any("'" in n for n in names)
    assert any(re.fullmatch(r"[A-Z]\. \S+", n) for n in names)
    phones = _values(rows, "telephone")
    for pattern in (r"^\+33 ", r"^\+33\d{9}$", r"^0033 ", r"^\(?\+(508|681) ?", r"^\(?\+68[79]",
                    r"\.", r"-", r"^0(69[0-4]|639)", r"^\+33 \(0\)"):  # fmt: skip
        assert any(re.search(pattern, p) for p in phones), pattern
    dates = _values(rows, "date_naissance")
    assert any(re.fullmatch(r"(19|20)\d{6}", d) for d in dates)
    assert any(d.startswith("1er ") for d in dates)
    assert any(re.fullmatch(r"\d{4}", d) for d in dates)
    assert any(re.fullmatch(r"\d{1,2} \w+ \d{2}", d) for d in dates)
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
        if compact.startswith(("FR", "MC")):
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
    heldout.check_held_out("test13")


def test_the_doc_describes_the_set(rows: list[dict[str, Any]]) -> None:
    doc = (ROOT / "tests" / "data" / "PII_SETS.md").read_text(encoding="utf-8")
    section = doc[doc.index("## test13") : doc.index("## test12")]
    assert f"{len(rows):,}" in section
    assert "python -m devtools.pii_corpus_test13" in section
