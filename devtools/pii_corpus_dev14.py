"""A fourteenth development set for the personal-data guard: tests/data/pii_dev14.jsonl (issue 18).

Written after test9 was read, by the hand that wrote that round's name, address, date and
identifier rules, to check that they carry to phrasings no set holds: feminine ranks and trades
("la sous-lieutenante", "l'adjudante-cheffe", "la salariée"), people met or named in a meeting
("rdv avec", "entretien annuel de"), given names that are also rare words ("Jenny", "Peter"),
e-mail headers and signatures with initials, addresses over several lines, with abbreviated
street types, a residence, a building and a floor, in Corsica and overseas, a home visit that
"aura lieu" at an address, dates of birth after "c'est le" or in brackets after a name, phones
after "appelle moi" and after a date in a record; and as many look-alikes with nothing to find:
institutions and their addresses, moves of a court, a service's mailbox with a department code,
schools named after people ("le CFA Paul Langevin de Nantes"), acronyms after a role ("le
stagiaire IRA"), adjectives that are given names ("renouvellement urbain", "droit romain"),
verbs after a role ("mon chef répète à tout le monde"), ranks without a name, dates that are
no birth.

Names are a hand list across France's origins (not faker's lists, which the guard reads: a set
drawn from them would flatter it). The line format and labelling rules are those of
tests/data/PII_SETS.md. Deterministic: `python -m devtools.pii_corpus_dev14` rewrites the file.
"""

from __future__ import annotations

import random
from pathlib import Path

from devtools import pii_corpus_kit as kit

SEED = 20261214
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii_dev14.jsonl"
SPLIT = "dev14"
RENDERS = 7

GIVEN_F = (
    "Nadia", "Maëlle", "Fatoumata", "Ana Luísa", "Büşra", "Linh", "Oksana", "Jenny", "Sandrine",
    "Houria", "Marie-Thérèse", "Aminata", "Gwenaëlle", "Ioana", "Chloé", "Salimata",
)  # fmt: skip
GIVEN_M = (
    "Karim", "Peter", "Thierry", "Mamadou", "João", "Mehmet", "Quang", "Bogdan", "Jean-Luc",
    "Yacine", "Loïc", "Ousmane", "Adrien", "Rui", "Nordine", "Hervé",
)  # fmt: skip
SURNAMES = (
    "Benali", "Le Bihan", "Fernandes", "Öztürk", "Tran", "Nowak", "Traoré", "Garnier",
    "Aït-Kaci", "Dos Santos", "Mbemba", "Lemaire", "Haddad", "de La Fontaine", "Kerjean",
    "Pham", "Cissé", "Marchal", "Popescu", "Rakotomalala", "Da Silva", "Chevallier",
)  # fmt: skip
RANKS_F = (
    "la sous-lieutenante", "l'adjudante-cheffe", "la caporale", "la soldate", "la commandante",
    "la brigadière-cheffe", "la salariée", "la sergente-cheffe",
)  # fmt: skip
STREETS = (
    "av. Jean Jaurès", "bd de la Liberté", "r. des Tanneurs", "imp. des Lilas",
    "chem. de la Croix", "rte de Bastia", "all. des Peupliers", "pl. du Marché",
    "rue du Docteur Roux", "avenue des Flamboyants",
)  # fmt: skip
TOWNS = (
    ("20167", "Mezzavia"), ("20600", "Bastia"), ("97600", "Mamoudzou"), ("97300", "Cayenne"),
    ("97190", "Le Gosier"), ("97410", "Saint-Pierre"), ("59100", "Roubaix"), ("29200", "Brest"),
    ("67000", "Strasbourg"), ("13003", "Marseille"),
)  # fmt: skip
MAIL_DOMAINS = ("orange.fr", "laposte.net", "gmail.com", "interieur.gouv.fr", "outlook.fr")

# A template: text with slots ({P} a name, {G} a given name, {S} a family name, {SU} in
# capitals, {RANKF} a feminine rank or trade, {TEL}, {MAIL}, {DDN} a date of birth, {ADR} a
# whole address on one line, {ADRL} over three lines, {NUM} a street number).
T = tuple[str, str, str]
TEMPLATES: list[T] = [
    # -- people ---------------------------------------------------------------------------------
    ("per1", "f", "{RANKF} {SU} prendra la permanence de dimanche."),
    ("per2", "m", "rdv avec {S} ce matin pour son avancement, RAS."),
    ("per3", "f", "Rappel : entretien annuel de {S} jeudi à 10h."),
    ("per4", "m", "De : {P} <{MAIL}>\nEnvoyé : lundi 3 mars 2025\nObjet : congés"),
    ("per5", "f", "Bonne fin de journée,\n{G}\nPôle accueil"),
    ("per6", "m", "Le fils de {P} passe l'oral du concours demain."),
    ("per7", "f", "Au guichet, {P} attendait depuis une heure."),
    # -- addresses -------------------------------------------------------------------------------
    ("adr1", "m", "Pour l'enquête, la visite à domicile aura lieu {ADR} mardi."),
    ("adr2", "f", "Coordonnées de l'intéressée :\n{ADRL}"),
    ("adr3", "m", "Adresse : {ADR}"),
    ("adr4", "f", "{P} a déménagé : nouvelle adresse {ADR}."),
    # -- dates of birth and phones ---------------------------------------------------------------
    ("ddn1", "m", "sa date de naissance c'est le {DDN} mais le site refuse"),
    ("ddn2", "f", "{P} ({DDN}) est arrivée dans le service en septembre."),
    ("tel1", "m", "pour le covoit appelle moi au {TEL}"),
    ("tel2", "f", "fiche stagiaire {P} {DDN} {TEL}"),
]
# Look-alikes: each rendered several times with other places and names of places.
LOOK_ALIKE_TEMPLATES = (
    "Le tribunal judiciaire de {TOWN} déménage : nouvelle adresse {NUM} avenue Jean Moulin, "
    "{PC} {TOWN2}.",
    "Merci d'adresser le dossier au SGAMI, {NUM} boulevard Aimé Césaire, {PC} {TOWN2}.",
    "Le CFA {FAMOUS} de {TOWN} ouvre ses inscriptions en mars.",
    "Le GRETA {FAMOUS} de {TOWN} propose une formation de soudeur.",
    "Pour toute question : {SERVICE}{DEPT}@{GOVDOMAIN}.",
    "Le quartier {FAMOUS} bénéficie du programme de renouvellement urbain.",
    "Combien de dossiers au guichet unique de {TOWN} l'an dernier ?",
    "La réunion aura lieu {NUM} rue {FAMOUS}, {PC} {TOWN2}, salle 2.",
    "Le stagiaire {SCHOOL} a présenté son rapport sur la commande publique.",
    "Mon chef répète à tout le monde que le dossier {TOWN} est prioritaire.",
    "La caporale de permanence signe le registre à {HOUR}h.",
    "Le contrat signé le {DATE} avec la commune de {TOWN} est reconduit.",
    "Accueil de la Maison France services de {TOWN} : 01 53 73 53 73, accueil@{TOWNMAIL}.fr",
    "L'amphithéâtre {FAMOUS} accueille la remise des diplômes de la promotion {FAMOUS2}.",
    "Le collège {FAMOUS}, {NUM} rue des Écoles, {PC} {TOWN2}, recrute un assistant d'éducation.",
    "Standard de la sous-préfecture de {TOWN} : 05 {NUM2} 11 12 13, du lundi au vendredi.",
)
FAMOUS = (
    "Paul Langevin", "Simone Veil", "Aimé Césaire", "Lucie Aubrac", "Jean Moulin",
    "Germaine Tillion", "Félix Éboué", "Gisèle Halimi", "Louis Aragon", "Olympe de Gouges",
)  # fmt: skip
SERVICES = ("dsden", "ddt", "sdis", "ddets", "prefecture", "consulat.dakar", "ambassade.tunis")
GOVDOMAINS = ("ac-corse.fr", "gouv.fr", "diplomatie.gouv.fr", "interieur.gouv.fr")
SCHOOLS = ("IRA", "ENA", "INSP", "INET", "ENM")


def _phone(rng: random.Random) -> str:
    digits = f"0{rng.choice('6712345')}" + "".join(str(rng.randrange(10)) for _ in range(8))
    style = rng.choice((" ", ".", "", "-"))
    text = style.join(digits[i : i + 2] for i in range(0, 10, 2))
    return rng.choice(
        (text, f"+33 {digits[1]} {' '.join(digits[i : i + 2] for i in range(2, 10, 2))}")
    )


def _birth(rng: random.Random) -> str:
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1950, 2004)
    return rng.choice(
        (
            f"{day:02d}/{month:02d}/{year}",
            f"{day}/{month}/{str(year)[2:]}",
            f"{day:02d}.{month:02d}.{str(year)[2:]}",
            f"{day} {kit.MONTHS[month - 1]} {year}",
            f"{day:02d}-{month:02d}-{year}",
        )
    )


def _name(rng: random.Random, female: bool) -> str:
    given = rng.choice(GIVEN_F if female else GIVEN_M)
    surname = rng.choice(SURNAMES)
    return rng.choice((f"{given} {surname}", f"{surname.upper()} {given}", f"{given} {surname}"))


def _mail(rng: random.Random, given: str, surname: str) -> str:
    def flat(word: str) -> str:
        word = word.lower().replace(" ", "").replace("'", "")
        for a, b in (("é", "e"), ("è", "e"), ("ë", "e"), ("ï", "i"), ("ç", "c"), ("ö", "o"),
                     ("ü", "u"), ("ş", "s"), ("ã", "a"), ("í", "i")):  # fmt: skip
            word = word.replace(a, b)
        return word

    return f"{flat(given)}.{flat(surname)}@{rng.choice(MAIL_DOMAINS)}"


def _address(rng: random.Random, lines: bool) -> str:
    number = f"{rng.randint(1, 120)}{rng.choice(('', ' bis', ' ter', 'B'))}"
    street = rng.choice(STREETS)
    postcode, town = rng.choice(TOWNS)
    extra = rng.choice(("", "Résidence Les Hibiscus, bât. C, ", "Appt 12, 3e étage, "))
    if lines:
        if not extra:
            return f"{number} {street}\n{postcode} {town.upper()}"
        return f"{extra.rstrip(', ')}\n{number} {street}\n{postcode} {town.upper()}"
    sep = rng.choice((", ", " - ", " / ", " "))
    return f"{extra}{number} {street}{sep}{postcode} {town}"


def render(rng: random.Random, template_id: str, gender: str, template: str) -> kit.Row:
    female = gender == "f"
    given = rng.choice(GIVEN_F if female else GIVEN_M)
    surname = rng.choice(SURNAMES)
    slots: dict[str, tuple[str, str | None]] = {
        "P": (_name(rng, female), "personne"),
        "G": (given, "personne"),
        "S": (surname, "personne"),
        "SU": (surname.upper(), "personne"),
        "RANKF": (rng.choice(RANKS_F), None),
        "TEL": (_phone(rng), "telephone"),
        "MAIL": (_mail(rng, given, surname), "email"),
        "DDN": (_birth(rng), "date_naissance"),
        "ADR": (_address(rng, False), "adresse"),
        "ADRL": (_address(rng, True), "adresse"),
    }
    if template_id == "per4":  # the e-mail's sender is the person named before it
        slots["P"] = (f"{given} {surname}", "personne")
    return _fill(template, slots, f"dev14_{template_id}")


def _fill(template: str, slots: kit.Slots, template_id: str) -> kit.Row:
    return kit.row(*kit.fill(template, slots), template_id, SPLIT)


def look_alike(rng: random.Random, number: int, template: str) -> kit.Row:
    postcode, town2 = rng.choice(TOWNS)
    town = rng.choice(TOWNS)[1]
    slots: dict[str, tuple[str, str | None]] = {
        "TOWN": (town, None),
        "TOWN2": (town2, None),
        "PC": (postcode, None),
        "NUM": (str(rng.randint(1, 90)), None),
        "FAMOUS": (rng.choice(FAMOUS), None),
        "FAMOUS2": (rng.choice(FAMOUS), None),
        "NUM2": (f"{rng.randint(10, 99)}", None),
        "SERVICE": (rng.choice(SERVICES), None),
        "DEPT": (rng.choice(("", "2a", "974", "13", "")), None),
        "GOVDOMAIN": (rng.choice(GOVDOMAINS), None),
        "SCHOOL": (rng.choice(SCHOOLS), None),
        "HOUR": (str(rng.randint(7, 20)), None),
        "DATE": (
            f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1985, 2020)}",
            None,
        ),
        "TOWNMAIL": (f"mairie-{town.lower().replace(' ', '-')}", None),
    }
    return _fill(template, slots, f"dev14_neg{number}")


def generate() -> list[kit.Row]:
    rng = random.Random(SEED)
    return kit.unique(
        (render(rng, *template) for template in TEMPLATES for _ in range(RENDERS)),
        (
            look_alike(rng, number, template)
            for number, template in enumerate(LOOK_ALIKE_TEMPLATES, 1)
            for _ in range(RENDERS)
        ),
    )


counts = kit.counts


def write(rows: list[kit.Row], path: Path = OUT) -> None:
    kit.write(rows, path)


if __name__ == "__main__":
    kit.rewrite(generate(), OUT)
