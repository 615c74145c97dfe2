"""The third held-out set pii_test3.jsonl is what its generator writes, and well formed.

Nothing here runs the guard on the set: its scores are read only with `pii_eval --set test3`.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from devtools import pii_corpus_test3 as corpus
from devtools.pii_eval import SETS, evaluate_items, expected_spans, load_set
from handlers.privacy.pii import CATEGORIES, IDENTIFIERS, TOPICS, Scan


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    return load_set("test3")


def _values(rows: list[dict[str, Any]], category: str) -> list[str]:
    return [r["text"][s:e] for r in rows for s, e, c in r["spans"] if c == category]


def test_file_is_what_the_generator_writes(tmp_path: Path) -> None:
    import faker

    if faker.VERSION != corpus.MADE_WITH_FAKER:
        pytest.skip(f"test3 made with faker {corpus.MADE_WITH_FAKER}, not {faker.VERSION}")
    target = tmp_path / "pii_test3.jsonl"
    corpus.write(corpus.generate(), target)
    assert SETS["test3"].read_bytes() == target.read_bytes(), (
        "run python -m devtools.pii_corpus_test3"
    )


def test_generation_is_deterministic() -> None:
    assert corpus.generate() == corpus.generate()


def test_labels_are_the_guards_categories() -> None:
    assert corpus.IDENTIFIERS == IDENTIFIERS
    assert corpus.TOPICS == TOPICS
    assert corpus.CATEGORIES == CATEGORIES


def test_lines_are_well_formed_and_spans_consistent(rows: list[dict[str, Any]]) -> None:
    assert len({row["text"] for row in rows}) == len(rows)
    for row in rows:
        text = row["text"]
        assert set(row) == {"text", "pii", "topics", "spans", "split", "template"}, row
        assert row["split"] == "test3"
        assert re.fullmatch(r"test3_[a-z_]+-\d\d", row["template"]), row["template"]
        assert not re.search(r"[\[\]{}]", text), text  # no template syntax left
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


def test_spans_are_the_slot_values() -> None:
    """The generator checks every span against the value that filled its slot: a broken
    assembly raises."""
    row = corpus.assemble([("Bonjour ", None), ("Anne Roux", "personne"), (" !", None)], "t-00")
    assert row["spans"] == [[8, 17, "personne"]] and row["pii"] == {"personne": ["Anne Roux"]}
    with pytest.raises(ValueError):
        corpus.assemble([("Bonjour ", None), ("Anne Roux ", "personne")], "t-00")


def test_sizes_mix_and_support(rows: list[dict[str, Any]]) -> None:
    assert len(rows) >= 1500
    assert len(corpus.templates()) >= 200
    assert len({row["template"] for row in rows}) >= 200
    clean = sum(1 for row in rows if not row["spans"])
    assert 0.30 <= clean / len(rows) <= 0.40  # about 35% with nothing personal
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
    assert having(r"\b20[0-6]\d\d\b") >= 15  # Corsica, 2A and 2B
    assert having(r"\d ?(bis|ter|quater)\b") >= 20
    assert having(r"\b(BP|CS) \d") >= 15
    assert having(r"\bcedex\b") >= 2
    assert having(r"\n") >= 20  # on several lines
    assert having(r"résidence|residence|\bcité\b") >= 15
    assert having(r"bâtiment|batiment|appartement|\bapt\b") >= 15
    assert having(r"lieu-dit") >= 8
    assert sum(1 for a in addresses if not a[0].isdigit()) >= 50  # no number first
    assert sum(1 for a in addresses if not re.search(r"\b\d{5}\b", a)) >= 10  # street alone


def test_names_cover_the_hard_forms(rows: list[dict[str, Any]]) -> None:
    names = _values(rows, "personne")
    assert sum(1 for n in names if n == n.lower()) >= 100
    assert sum(1 for n in names if re.match(r"[A-ZÀ-Ý'-]{2,}(?: [A-ZÀ-Ý'-]+)* \w", n)) >= 100
    assert sum(1 for n in names if " " not in n) >= 150  # a given name or a surname alone
    assert sum(1 for n in names if "-" in n) >= 60
    assert sum(1 for n in names if re.search(r"(^|\s)(de|du|de la|le|d')(\s|\w)", n, re.I)) >= 20
    titles = ("M.", "Mme", "Madame", "Monsieur", "Dr", "Me", "Maître", "Mlle")
    assert not [n for n in names if n.split()[0] in titles]  # titles stay out of the span
    # Names of foreign origin, roughly as in France (Maghreb, West Africa, Iberia, Turkey...).
    foreign = {"Diallo", "Traoré", "Koné", "Camara", "Diop", "Ndiaye", "Sow", "Yılmaz", "Nguyen"}
    assert any(word in foreign for n in names for word in re.split(r"[ -]", n))


def test_sexual_life_is_phrased_many_ways(rows: list[dict[str, Any]]) -> None:
    phrases = _values(rows, "vie_sexuelle")
    assert len(set(phrases)) >= 40
    # The partner named before the owner ("Le compagnon de M. X"), HR requests, lower case.
    assert (
        sum(
            1 for p in phrases if re.match(r"(le|la|l')\s?(compagn|mari|épouse|conjoint)", p, re.I)
        )
        >= 5
    )
    assert sum(1 for p in phrases if re.search(r"rapprochement|congé|mutation|mutuelle", p)) >= 5
    lower = [r for r in rows if "vie_sexuelle" in r["topics"] and r["text"] == r["text"].lower()]
    assert len(lower) >= 10
    # A same-gender partner named in the sentence.
    named = [r for r in rows if r["template"] in ("test3_sexlife-02", "test3_sexlife-08")]
    assert len(named) >= 10
    assert all(sum(1 for s in r["spans"] if s[2] == "personne") == 2 for r in named)


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


def test_clean_sentences_hold_traps(rows: list[dict[str, Any]]) -> None:
    """Sentences with nothing to find still carry what looks personal: 16-digit file numbers
    that pass Luhn, order numbers starting with 0, switchboards, functional mailboxes,
    institutions' addresses with CS/Cedex, places named after people, dates."""
    clean = [r["text"] for r in rows if not r["spans"]]

    def having(pattern: str) -> int:
        return sum(1 for t in clean if re.search(pattern, t))

    assert sum(1 for t in clean if any(corpus.luhn_ok(m) for m in re.findall(r"\b\d{16}\b", t)))
    assert having(r"\b0\d{9}\b") >= 10  # order numbers
    assert having(r"\b0\d([ .]\d\d){4}\b") >= 20  # switchboards
    assert having(r"\b[\w.-]+@[\w.-]+\.fr\b") >= 20  # functional mailboxes
    assert having(r"(?i)\bcedex\b") >= 10
    assert having(r"(?i)\b(lycée|collège|médiathèque|ehpad|gymnase)\b") >= 30
    assert having(r"(?i)\b(syndic|CGT|religi|maladie|handicap|ADN|casier|PACS|origine)") >= 100


def test_the_generator_reads_neither_the_guard_nor_the_other_sets() -> None:
    """Independence: the held-out hand imports no detector, word list or other generator."""
    source = Path(corpus.__file__).read_text(encoding="utf-8")
    imports = re.findall(r"^\s*(?:from|import)\s+([\w.]+)", source, re.MULTILINE)
    assert not [name for name in imports if name.startswith(("handlers", "bot", "devtools"))]
    assert "pii_test.jsonl" not in source and "pii_test2" not in source
    assert "pii_dev" not in source and "pii_corpus." not in source


def test_the_evaluator_reads_the_offsets(rows: list[dict[str, Any]]) -> None:
    report = evaluate_items(rows, lambda _text: Scan())  # no guard: support only
    support = Counter(c for row in rows for _s, _e, c in row["spans"])
    for category in CATEGORIES:
        assert report.items[category].fn == support[category], category
    assert report.clean == sum(1 for row in rows if not row["spans"])


def test_errors_are_never_listed(capsys: pytest.CaptureFixture[str]) -> None:
    from devtools import pii_eval

    with pytest.raises(SystemExit):
        pii_eval.main(["--set", "test3", "--errors"])
    assert "held out" in capsys.readouterr().err


def test_the_documented_counts_are_the_files(rows: list[dict[str, Any]]) -> None:
    """tests/data/PII_SETS.md describes test3 with its real counts."""
    doc = (SETS["test3"].parent / "PII_SETS.md").read_text(encoding="utf-8")
    start = doc.index("## test3")
    end = doc.find("\n## ", start)
    section = doc[start : end if end > 0 else len(doc)]
    documented: dict[str, int] = {}
    for name, value in re.findall(r"\| (\w+) \| ([\d,]+) \|", section):
        documented[name] = int(value.replace(",", ""))
    counts = corpus.counts(rows)
    for category in CATEGORIES:
        assert documented.get(category) == counts[category], category
    assert documented["sentences"] == len(rows)
    assert documented["templates"] == len(corpus.templates())
    clean = re.search(r"\| with nothing personal \| ([\d,]+) \|", section)
    assert clean and int(clean[1].replace(",", "")) == sum(1 for r in rows if not r["spans"])
