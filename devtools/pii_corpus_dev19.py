"""A nineteenth development set for the personal-data guard: tests/data/pii_dev19.jsonl (issue 18).

Written after test11 was read, by the hand that wrote that round's identifier rules ("ids12"),
to check that they carry to phrasings no set holds: dates of birth with the year in two digits
after a month ("née le 4 déc. 88"), year first in eight digits ("DDN 19850412"), a month and a
year after "né en", in brackets a few words after "date de naissance", a child's; Pacific
numbers without their code (New Caledonia's six digits, French Polynesia's eight after a phone
word), overseas codes in brackets without "+", the person on call ("l'infirmière d'astreinte :
…"); a person's bank account near a public accountant's words ("la régie rembourse Mme … sur son
IBAN"); and as many look-alikes: the accounts of a régie, a trésorerie, a service de gestion
comptable, a commune or an establishment, hospitals' service mailboxes (urgences@,
facturation@), eight-digit references and dates of deliberations, times and versions in pairs
of digits, an on-call switchboard, a commune born of a merger.

Names are a hand list (not faker's lists, which the guard reads). The line format and labelling
rules are those of tests/data/PII_SETS.md. Deterministic: `python -m devtools.pii_corpus_dev19`
rewrites the file.
"""

from __future__ import annotations

import random
from pathlib import Path

from devtools import pii_corpus_kit as kit

SEED = 20261219
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii_dev19.jsonl"
SPLIT = "dev19"
RENDERS = 5

GIVEN_F = ("Solène", "Maëva", "Odile", "Ghislaine", "Rokia", "Tiphaine", "Leïla", "Vaiana")
GIVEN_M = ("Gwendal", "Teiki", "Armand", "Baptiste", "Moussa", "Killian", "Hervé", "Wassim")
SURNAMES = (
    "Le Bihan", "Tauru", "Berthelot", "Lemaire", "Diakité", "Garnier", "Rousseau", "Mercier",
    "Chevallier", "Fontaine", "Perrin", "Barbier", "Lacroix", "Gauthier", "Renaud", "Leclerc",
)  # fmt: skip
SHORT_MONTHS = ("janv.", "févr.", "avr.", "juil.", "sept.", "oct.", "nov.", "déc.")
MAIL_DOMAINS = ("chu-nantes.fr", "ch-dax.fr", "laposte.net", "orange.fr", "ville-brest.fr")
HOSPITAL_DOMAINS = ("ch-dax.fr", "chu-nantes.fr", "ch-cayenne.fr", "chu-reunion.fr")
PERSON_BANKS = ("30004", "20041", "10278", "30003", "11315", "16606")
TREASURY_BANK = "10071"
TOWNS = ("Brest", "Dax", "Papeete", "Nouméa", "Cayenne", "Rodez", "Vannes", "Tulle")
ON_CALL_F = ("L'infirmière d'astreinte", "La cadre d'astreinte", "La médecin d'astreinte")
ON_CALL_M = ("Le technicien d'astreinte", "Le cadre d'astreinte", "L'agent d'astreinte")
# An overseas code in brackets, the number's first digits and its length without the code.
CODES = (("(689)", "87", 8), ("(+687)", "7", 6), ("(590)", "690", 9), ("(262)", "692", 9))

T = tuple[str, str, str]
# Slots: {P} a given name and a family name, {GN} a given name alone, {D2} a birth date
# with a month and a two-digit year, {DS} with a short month, {D8} eight digits year first,
# {DM} a month and a year, {DY} a year, {DC} a child's date (two-digit year), {DN} any usual
# form, {NC} a New Caledonian number, {PF} a Polynesian one, {OC} an overseas number with its
# code in brackets, {MOB} a mobile, {IBAN} a person's account, {MAIL} the person's e-mail,
# {ONCALL} the person on call (no span), {TOWN} a town (no span).
TEMPLATES: list[T] = [
    ("d2a", "f", "Mme {P}, née le {D2}, sollicite le renouvellement de son passeport."),
    ("d2b", "m", "Merci de vérifier le dossier de {P} (né le {D2}) avant la commission."),
    ("dsa", "f", "Fiche agent : {P}, née le {DS}, affectée au pôle social."),
    ("d8a", "m", "DDN {D8} pour {P}, à reporter dans le logiciel de paie."),
    ("d8b", "f", "Date de naiss. : {D8}\nNom d'usage : {P}"),
    ("dma", "f", "Selon l'état civil, {P} est née en {DM} à {TOWN}."),
    ("dya", "m", "{P} est né en {DY}, il peut donc prétendre à la retraite progressive ?"),
    ("dbr", "f", "Je dois saisir la date de naissance de {P} dans le formulaire ({DN})."),
    ("dch", "f", "Date de naissance de ma fille : {DC}, elle entre en petite section."),
    ("dch2", "m", "Mon fils est né le {DC}, quels justificatifs pour la crèche ?"),
    ("nc1", "f", "Vous pouvez joindre {P} sur son portable au {NC} en soirée."),
    ("nc2", "m", "Coordonnées du locataire : {P}, {NC}, lot Tuband, Nouméa."),
    ("pf1", "f", "{P} demande qu'on la rappelle au {PF} pour son dossier de bourse."),
    ("pf2", "m", "tel de {P} : {PF} (il préfère les appels le matin)"),
    ("oc1", "f", "{P} {OC} souhaite un rendez-vous au service des pensions."),
    ("oc2", "m", "Le stagiaire {P} est joignable au {OC} jusqu'à vendredi."),
    ("ast", "f", "{ONCALL} cette nuit : {P}, {MOB}."),
    ("ast2", "m", "{ONCALL} ce week-end : {GN}, {MOB}."),
    ("ib1", "f", "La régie doit rembourser Mme {P} sur son IBAN : {IBAN}"),
    ("ib2", "m", "Pour le remboursement de la cantine, voici mon RIB : {IBAN} ({P})"),
    ("ib3", "f", "La trésorerie a reçu le RIB de l'usagère {P} : {IBAN}"),
    ("em1", "f", "Écrivez plutôt à {P} ({MAIL}) pour les admissions de janvier."),
    ("em2", "m", "Dr {P}, service de cardiologie, {MAIL}"),
    ("em3", "f", "Adresse perso de {P} : {MAIL}"),
]
LOOK_ALIKE_TEMPLATES = (
    "RIB de la trésorerie de {TOWN} : {TIBAN}",
    "Compte de dépôt de fonds de la régie d'avances : {TIBAN}",
    "Coordonnées bancaires du comptable public : {TIBAN} (à joindre au titre de recettes)",
    "Virement à l'ordre du Trésor public, IBAN {TIBAN}",
    "IBAN du service de gestion comptable de {TOWN} — {TIBAN}",
    "Les familles règlent la cantine sur le compte de la commune : {TIBAN}",
    "Le RIB de l'établissement figure en bas de la facture : {TIBAN}",
    "Pour les urgences de nuit, écrire à urgences@{HDOMAIN}.",
    "Les factures sont à adresser à facturation@{HDOMAIN}.",
    "Prise de rendez-vous : consultations@{HDOMAIN}",
    "Délibération n° {REF8} du conseil municipal, publiée en ligne.",
    "Numéro de commande {REF8}, livraison prévue la semaine prochaine.",
    "La commune nouvelle est née en {MONTH} {YEAR} de la fusion de trois villages.",
    "Le script a tourné de 21.15.04 à 23.59.59 sans erreur.",
    "Mettre à jour le logiciel en version 40.12.01.02 avant lundi.",
    "Standard d'astreinte de la mairie : {NCOFFICE}",
    "Réunion du comité le {DAY} {MONTH_WORD} {YY} à 10 h, salle du conseil.",
    "Le stock de masques est passé de 75 000 à 58 770 unités.",
    "Quelle est la date limite pour déclarer une naissance en mairie ?",
    "Le service des admissions est ouvert de 8 h à 18 h.",
)


def _digits(rng: random.Random, count: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(count))


def _pairs(digits: str, sep: str) -> str:
    return sep.join(digits[i : i + 2] for i in range(0, len(digits), 2))


def _iban(rng: random.Random, bank: str) -> str:
    """A French IBAN with a valid RIB key and valid check digits, in groups of four."""
    branch, account = _digits(rng, 5), _digits(rng, 11)
    key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
    bban = f"{bank}{branch}{account}{key:02d}"
    check = 98 - int(bban + "152700") % 97
    compact = f"FR{check:02d}{bban}"
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def _two_digit(year: int) -> str:
    return f"{year % 100:02d}"


def render(rng: random.Random, template_id: str, gender: str, template: str) -> kit.Row:
    female = gender == "f"
    given = rng.choice(GIVEN_F if female else GIVEN_M)
    surname = rng.choice(SURNAMES)
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1948, 2004)
    child = rng.randint(2019, 2024)
    code, lead, length = rng.choice(CODES)
    rest = _digits(rng, length - len(lead))
    overseas = f"{lead} {_pairs(rest, ' ')}" if len(lead) == 3 else _pairs(lead + rest, " ")
    pacific = _pairs(rng.choice(("87", "89")) + _digits(rng, 6), rng.choice((".", " ")))
    nc_first = str(rng.randint(70, 99))
    usual = (
        f"{day:02d}/{month:02d}/{year}",
        f"{year}-{month:02d}-{day:02d}",
        f"{day:02d}.{month:02d}.{year}",
        f"{year}{month:02d}{day:02d}",
    )
    slots: dict[str, tuple[str, str | None]] = {
        "P": (f"{given} {surname}", "personne"),
        "GN": (given, "personne"),
        "D2": (f"{day} {kit.MONTHS[month - 1]} {_two_digit(year)}", "date_naissance"),
        "DS": (f"{day} {rng.choice(SHORT_MONTHS)} {_two_digit(year)}", "date_naissance"),
        "D8": (f"{year}{month:02d}{day:02d}", "date_naissance"),
        "DM": (f"{kit.MONTHS[month - 1]} {year}", "date_naissance"),
        "DY": (str(rng.randint(1958, 1966)), "date_naissance"),
        "DN": (rng.choice(usual), "date_naissance"),
        "DC": (f"{day} {kit.MONTHS[month - 1]} {_two_digit(child)}", "date_naissance"),
        "NC": (_pairs(nc_first + _digits(rng, 4), rng.choice((".", " "))), "telephone"),
        "PF": (pacific, "telephone"),
        "OC": (f"{code} {overseas}", "telephone"),
        "MOB": (_pairs("0" + rng.choice("67") + _digits(rng, 8), " "), "telephone"),
        "IBAN": (_iban(rng, rng.choice(PERSON_BANKS)), "iban"),
        "MAIL": (f"{kit.flat(given)}.{kit.flat(surname)}@{rng.choice(MAIL_DOMAINS)}", "email"),
        "ONCALL": (rng.choice(ON_CALL_F if female else ON_CALL_M), None),
        "TOWN": (rng.choice(TOWNS), None),
    }
    return _fill(template, slots, f"dev19_{template_id}")


def _fill(template: str, slots: kit.Slots, template_id: str) -> kit.Row:
    return kit.row(*kit.fill(template, slots), template_id, SPLIT)


def look_alike(rng: random.Random, number: int, template: str) -> kit.Row:
    year = rng.randint(2015, 2025)
    slots: dict[str, tuple[str, str | None]] = {
        "TIBAN": (_iban(rng, TREASURY_BANK if rng.random() < 0.5 else "30001"), None),
        "TOWN": (rng.choice(TOWNS), None),
        "HDOMAIN": (rng.choice(HOSPITAL_DOMAINS), None),
        "REF8": (f"{year}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}", None),
        "MONTH": (rng.choice(kit.MONTHS), None),
        "YEAR": (str(rng.randint(2015, 2019)), None),
        "NCOFFICE": (_pairs(str(rng.randint(25, 99)) + _digits(rng, 4), "."), None),
        "DAY": (str(rng.randint(1, 28)), None),
        "MONTH_WORD": (rng.choice(kit.MONTHS), None),
        "YY": (_two_digit(rng.randint(2025, 2026)), None),
    }
    return _fill(template, slots, f"dev19_neg{number}")


def generate() -> list[kit.Row]:
    rng = random.Random(SEED)
    return kit.unique(
        (render(rng, *template) for template in TEMPLATES for _ in range(RENDERS)),
        (
            look_alike(rng, number, template)
            for number, template in enumerate(LOOK_ALIKE_TEMPLATES, 1)
            for _ in range(RENDERS + 2)
        ),
    )


counts = kit.counts


def write(rows: list[kit.Row], path: Path = OUT) -> None:
    kit.write(rows, path)


if __name__ == "__main__":
    kit.rewrite(generate(), OUT)
