"""A twelfth development set for the personal-data guard: tests/data/pii_dev12.jsonl (issue 18).

Written after test8 was read, by the hand that wrote that round's name, address, date and
identifier rules, to check that they carry to phrasings that no set holds: people named by a
rank or a trade of the army, the fire service, the navy, the police, the prisons and the
hospitals ("le matelot", "la sapeur", "l'aide-soignante"), family names with particles in
capitals, lower-case family names after a role, delegations and lists with a bracket after each
name, planning tables, exports (JSON-like key-value pairs with other keys, headerless CSV and
tab rows holding a contact), addresses said after a verb of residence without capitals, a number
or a postcode, and dates of birth as eight digits, with any separator, or abbreviated; and
look-alikes (ranks before a place or a unit, tables of services, offices' addresses, dates that
are no birth, functional mailboxes of services).

Names are a hand list across France's origins (not faker's lists, which the guard reads: a set
drawn from them would flatter it). The line format and labelling rules are those of
tests/data/PII_SETS.md. Deterministic: `python -m devtools.pii_corpus_dev12` rewrites the file.
"""

from __future__ import annotations

import random
from pathlib import Path

from devtools import pii_corpus_kit as kit

SEED = 20261212
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii_dev12.jsonl"
SPLIT = "dev12"
RENDERS = 10

GIVEN_F = (
    "Khadija", "Solène", "Mariana", "Elif", "Thu", "Agnieszka", "Ramatoulaye", "Clémence",
    "Yasmina", "Joana", "Océane", "Fanta", "Bérénice", "Hoa", "Anne-Sophie", "Naïma",
)  # fmt: skip
GIVEN_M = (
    "Moussa", "Grégoire", "Bilal", "Emre", "Tuan", "Ruben", "Florian", "Ismaël", "Vasile",
    "Abdelkrim", "Yannick", "Paulo", "Jean-Marc", "Samba", "Octave", "Rachid",
)  # fmt: skip
SURNAMES = (
    "Benkirane", "Le Corre", "Gonçalves", "Yilmaz", "Nguyen", "Kowalski", "Diakité", "Rousseau",
    "Ait Ouarab", "Da Costa", "Hamidou", "Delacroix", "Boumediene", "Van der Berg", "Lacombe",
    "Ferrand", "Haddad", "Le Floch", "Sissoko", "Marchetti", "Pereira", "Lebrun", "Chérif",
    "Rakoto", "Doğan", "Vidal", "Brossard", "Mendy",
)  # fmt: skip
RANKS = (
    "le matelot", "le sapeur", "le caporal", "l'adjudant-chef", "la capitaine", "le lieutenant",
    "le brigadier-chef", "la gardienne de la paix", "le surveillant", "la surveillante",
    "l'aide-soignante", "le premier surveillant", "la sergente", "le maréchal des logis-chef",
    "le sapeur-pompier",
)  # fmt: skip
# Streets written lower case, as chat writes them.
LOWER_STREETS = (
    "rue des glycines", "avenue de la gare", "chemin des près", "impasse du moulin",
    "allée des tilleuls", "route de saint-malo", "boulevard gambetta", "place du marché",
    "rue de la république", "quai des brumes",
)  # fmt: skip
TOWNS = (
    ("97200", "Fort-de-France"), ("20090", "Ajaccio"), ("97400", "Saint-Denis"),
    ("97640", "Sada"), ("31000", "Toulouse"), ("86000", "Poitiers"), ("22300", "Lannion"),
    ("68000", "Colmar"), ("87000", "Limoges"), ("20250", "Corte"), ("97351", "Matoury"),
)  # fmt: skip
SHORT_MONTHS = ("janv", "févr.", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct.")
MAIL_DOMAINS = ("free.fr", "hotmail.fr", "sfr.fr", "yahoo.fr", "gmail.com")
UNIONS = ("CGT", "FO", "CFDT", "UNSA", "SUD", "FSU")

# A template: text with slots ({P} a name, {G} a given name, {S} a family name, {SU} in
# capitals, {UNION} a union, labelled, {SUP} a family name with a particle in capitals, {sl} a
# family name in lower case, {RANK} a rank or a trade, {TEL}, {MAIL}, {CARD}, {DDN} a date of
# birth, {DDN8} eight digits, {adr} a lower-case street with or without number, {adrnum} with
# its number, {adrpc} with its postcode and town).
T = tuple[str, str, str]
TEMPLATES: list[T] = [
    # -- people named by a rank or a trade -------------------------------------------------------
    ("rang1", "m", "Merci de noter que {RANK} {SU} sera d'astreinte samedi."),
    ("rang2", "f", "{RANK} {P} a demandé à changer de binôme."),
    ("rang3", "m", "on a eu un souci avec {RANK} {SUP} hier soir au poste"),
    ("rang4", "f", "Pour info, {RANK} {SU} reprend lundi après son arrêt."),
    ("rang5", "m", "c'est {RANK} {sl} qui a les clés du local"),
    ("rang6", "f", "Relève de 6 h : {RANK} {SU} remplace {RANK2} {SU2}."),
    # -- lists, plannings, exports -------------------------------------------------------------
    ("list1", "m", "Liste des élus présents : {SU} ({UNION}), {SU2} ({UNION2}), {SU3} ({UNION3})"),
    ("list2", "f", "Poste | Agent | Horaire\nAccueil | {SU} | 8h-12h\nStandard | {SU2} | 14h-18h"),
    ("list3", "m", '[{{"nom_naissance": "{SU}", "prenoms": "{G}", "date_naiss": "{DDN}"}}]'),
    ("list4", "f", "{SU};{G};{DDN};{TEL};{MAIL}"),
    ("list5", "m", "{SU}\t{G}\t{DDN8}\t{MAIL}\t{TEL}"),
    ("list6", "f", "nom,prénom,ddn\n{SU},{G},{DDN}"),
    ("list7", "m", '{{"demandeur": "{P}", "objet": "logement", "tel": "{TEL}"}}'),
    # -- dates of birth ------------------------------------------------------------------------
    ("ddn1", "f", "Mme {S}, née le {DDN8}, sollicite un temps partiel."),
    ("ddn2", "m", "DDN : {DDN} | nom : {P}"),
    ("ddn3", "f", "{P} (née le {DDN}) a transmis son dossier."),
    ("ddn4", "m", "Identité : {P}, né(e) le {DDN}, à Cayenne."),
    # -- addresses said after a verb of residence ----------------------------------------------
    ("adr1", "f", "{G} réside {adr} depuis son divorce"),
    ("adr2", "m", "la famille {S} habite {adrpc}, il faut passer les voir"),
    ("adr3", "f", "mon fils vit {adr} avec sa copine"),
    ("adr4", "m", "M. {S} est hébergé chez son oncle, {adrpc}."),
    ("adr5", "f", "je réside au {adrnum} et mon courrier n'arrive jamais"),
    ("adr6", "m", "Domicilié {adrpc}, {P} demande une aide au logement."),
    # -- cards and contacts --------------------------------------------------------------------
    ("cb1", "f", "CB pro égarée, numéro : {CARD}, titulaire {P}."),
    ("cb2", "m", "Carte achat perdue - n° {CARD} - prévenir {P}"),
    ("tel1", "f", "Tu peux rappeler {RANK} {SU} au {TEL} ?"),
]
LOOK_ALIKES = (
    "Le capitaine de gendarmerie de Lannion tiendra une permanence mardi.",
    "Le caporal de semaine relève le courrier du régiment.",
    "Service | Étage | Horaire\nAccueil | RDC | 8h-12h\nCGT | 2e | 14h-18h",
    "Liste des syndicats : CGT (12 sièges), FO (8 sièges), UNSA (3 sièges).",
    "Écrivez à spip.31@justice.fr ou à ut86.dreets@dreets.gouv.fr pour les permanences.",
    "La caserne occupe une ancienne abbaye, rue des Moines, depuis 1920.",
    "Le service est né le 01012015 de la fusion de deux bureaux.",
    "Commande n° 12032019 livrée au 3 rue des Entrepreneurs, 31000 Toulouse Cedex 9.",
    "Préfecture, bureau des étrangers, 1 place de la Préfecture, 86000 Poitiers.",
    "La réunion du CSA a lieu salle Jean Jaurès, 14 h.",
    "Le lieutenant-colonel commandant le groupement sera présent.",
    "Le surveillant de nuit doit signer le registre à chaque ronde.",
)


def _birth(rng: random.Random) -> str:
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1955, 2004)
    return rng.choice(
        (
            f"{day:02d}-{month:02d}-{year}",
            f"{day}/{month}/{year}",
            f"{day:02d}.{month:02d}.{year}",
            f"{day} {kit.MONTHS[month - 1]} {year}",
            f"{day} {SHORT_MONTHS[month % len(SHORT_MONTHS)]} {year}",
            f"{year}-{month:02d}-{day:02d}",
        )
    )


def _birth8(rng: random.Random) -> str:
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1955, 2004)
    return f"{day:02d}{month:02d}{year}"


def _card(rng: random.Random) -> str:
    digits = [int(c) for c in rng.choice(("4", "51", "37")) + ""]
    length = 15 if digits[:2] == [3, 7] else 16
    while len(digits) < length - 1:
        digits.append(rng.randrange(10))
    total = 0
    for index, digit in enumerate(reversed(digits)):
        if index % 2 == 0:
            digit *= 2
            digit -= 9 if digit > 9 else 0
        total += digit
    digits.append((10 - total % 10) % 10)
    text = "".join(map(str, digits))
    if length == 15:
        return rng.choice((text, f"{text[:4]} {text[4:10]} {text[10:]}"))
    sep = rng.choice((" ", "-", ""))
    return sep.join(text[i : i + 4] for i in range(0, 16, 4))


def _name(rng: random.Random, female: bool) -> str:
    given = rng.choice(GIVEN_F if female else GIVEN_M)
    surname = rng.choice(SURNAMES)
    return rng.choice((f"{given} {surname}", f"{surname.upper()} {given}", f"{given} {surname}"))


def _mail(rng: random.Random, given: str, surname: str) -> str:
    local = f"{kit.fold(given).lower()}.{kit.fold(surname).lower().replace(' ', '')}"
    return f"{local}{rng.randint(1, 99)}@{rng.choice(MAIL_DOMAINS)}"


def _lower_street(rng: random.Random, number: bool) -> str:
    street = rng.choice(LOWER_STREETS)
    if not number:
        return street
    return f"{rng.randint(1, 140)}{rng.choice(('', ' bis', ' ter'))} {street}"


def render(rng: random.Random, template_id: str, gender: str, template: str) -> kit.Row:
    female = gender == "f"
    given = rng.choice(GIVEN_F if female else GIVEN_M)
    surname = rng.choice(SURNAMES)
    with_particle = rng.choice([s for s in SURNAMES if s.split()[0] in ("Le", "Da", "Van")])
    postcode, town = rng.choice(TOWNS)
    lower_surnames = [s.lower() for s in SURNAMES if " " not in s]
    slots: dict[str, tuple[str, str | None]] = {
        "P": (_name(rng, female), "personne"),
        "G": (given, "personne"),
        "S": (surname, "personne"),
        "SU": (surname.upper(), "personne"),
        "SU2": (rng.choice(SURNAMES).upper(), "personne"),
        "SU3": (rng.choice(SURNAMES).upper(), "personne"),
        "SUP": (with_particle.upper(), "personne"),
        "sl": (rng.choice(lower_surnames), "personne"),
        "RANK": (rng.choice(RANKS), None),
        "RANK2": (rng.choice(RANKS), None),
        "UNION": (rng.choice(UNIONS), "syndicat"),
        "UNION2": (rng.choice(UNIONS), "syndicat"),
        "UNION3": (rng.choice(UNIONS), "syndicat"),
        "TEL": (kit.mobile(rng), "telephone"),
        "MAIL": (_mail(rng, given, surname), "email"),
        "DDN": (_birth(rng), "date_naissance"),
        "DDN8": (_birth8(rng), "date_naissance"),
        "CARD": (_card(rng), "carte"),
        "adr": (_lower_street(rng, rng.random() < 0.5), "adresse"),
        "adrnum": (_lower_street(rng, True), "adresse"),
        "adrpc": (
            f"{_lower_street(rng, rng.random() < 0.5)}{rng.choice((', ', ' - ', ' '))}"
            f"{postcode} {town.lower() if rng.random() < 0.5 else town}",
            "adresse",
        ),
    }
    text, spans = kit.fill(template, slots)
    return _row(text, spans, f"dev12_{template_id}")


def _row(text: str, spans: list[kit.Span], template: str) -> kit.Row:
    # dev12's only topic is "syndicat": first-seen order is the sorted order.
    return kit.row(text, spans, template, SPLIT, kit.IDENTIFIERS)


def generate() -> list[kit.Row]:
    rng = random.Random(SEED)
    rows = kit.unique(render(rng, *template) for template in TEMPLATES for _ in range(RENDERS))
    # The look-alikes are fixed sentences, kept even where a rendered line says the same.
    for number, text in enumerate(LOOK_ALIKES, 1):
        rows.append(_row(text, [], f"dev12_neg{number}"))
    return rows


counts = kit.counts


def write(rows: list[kit.Row], path: Path = OUT) -> None:
    kit.write(rows, path)


if __name__ == "__main__":
    kit.rewrite(generate(), OUT)
