"""A twenty-first development set for the personal-data guard: tests/data/pii_dev21.jsonl.

Written after test12 was read, by the hand that wrote that round's name, address and identifier
rules ("names13"), in its own words, to check that they carry: a person named after what a file
says they are (a soldier, a minor, a child, a young girl, an associate researcher, a fishing
warden, a deputy head, a mayor between commas), a family name then an initial ("Pennec K."), a
name before an age in brackets, "le dossier RH de X", "Dossier de X :", "/ nom X / prénom Y"
fields, a one-line message signed after its question, "changement de résidence du major X";
headerless CSV rows in quotes; a birth date after "la DDN de X est", a second spelling after
"mais", "naissance le …"; a personal number given "pendant l'astreinte", a direct line of a
named agent at a service; homes abroad written the country's way (Portugal, Spain, Italy,
Germany, Belgium, the UK, Vietnam, Canada), a district between the street and the postcode, a
Mayotte "quartier", a Breton "karrer", "cité des …", "installation …", "adresse perso".
Half the sentences are look-alikes: consulates' and embassies' switchboards in international
form, the on-call line, the direct line of a service, an instalment notice's number, service
mailboxes (capitainerie@, cfe@, essais-cliniques@), a structure's or a shop's address, a
consulate's address abroad, openers such as "Vite fait :", "la Banque de France", "le consulat
de France à …", a nationality after a name, articles and annexes with a letter, "la jeune
femme", the mayor of a town.

Names are the writer's own (Breton, Basque, Corsican, Antillean, Polynesian, Mahoran, Kanak,
Vietnamese), none taken from faker. The line format and labelling rules are those of
tests/data/PII_SETS.md. Deterministic: `python -m devtools.pii_corpus_dev21` rewrites the file.
"""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

from devtools import pii_corpus_kit as kit

SEED = 20261321
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii_dev21.jsonl"
SPLIT = "dev21"
RENDERS = 5

GIVEN_F = ("Gwenola", "Itxaso", "Maëlys", "Teura", "Anaïs", "Zaharia", "Mahina", "Nolwenn")
GIVEN_M = ("Ewen", "Peio", "Ghjuvanni", "Tavita", "Yannick", "Anli", "Hoani", "Thibaut")
SURNAMES = (
    "Le Goasguen", "Etchegaray", "Paolantoni", "Tetuanui", "Madiandou", "Wamytan",
    "Kerbrat", "Harriet", "Ouledi", "Trân", "Quiniou", "Arrieta", "Massoni", "Tehei",
)  # fmt: skip
ROLES_F = (
    "La militaire", "La mineure", "La chercheuse associée", "La garde-pêche",
    "La proviseure adjointe", "L'agente patrimoniale", "La jeune", "L'enfant",
)  # fmt: skip
ROLES_M = (
    "Le militaire", "Le mineur", "Le chercheur associé", "Le garde-pêche",
    "Le proviseur adjoint", "L'agent patrimonial", "Le jeune", "L'enfant",
)  # fmt: skip
TOWNS = (
    ("29200", "Brest"), ("64500", "Saint-Jean-de-Luz"), ("20000", "Ajaccio"),
    ("97100", "Basse-Terre"), ("22300", "Lannion"), ("97600", "Mamoudzou"),
)  # fmt: skip
STREETS = ("rue des Goémoniers", "impasse des Tamaris", "allée du Vieux Puits", "rue Pasteur")
DISTRICTS = ("Val Plaisance", "Les Hauts de Lannion", "Quartier Latin", "Montravel")
QUARTIERS = (("Tsoundzou", "97600", "Mamoudzou"), ("Labattoir", "97615", "Pamandzi"))
ABROAD = (
    "Rua Augusta {N}, 1100-048 Lisboa", "Calle Mayor {N}, 28013 Madrid",
    "Via Garibaldi {N}, 10122 Torino", "Kaiserstraße {N}, 60311 Frankfurt",
    "Rue Royale {N}, 1000 Bruxelles", "{N} Mill Lane, Oxford OX1 2AB",
    "{N} phố Lý Thường Kiệt, Hoàn Kiếm, Hà Nội", "{N} rue Saint-Denis, Montréal (Québec) H2X 3K8",
)  # fmt: skip
CITES = ("Flamboyants", "Mimosas", "Pêcheurs")
DOMAINS = ("orange.fr", "laposte.net", "gmail.com", "mail.pf", "lagoon.nc")
DATE_MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
)  # fmt: skip
ACTS = (
    "demande un aménagement d'horaires",
    "part en formation la semaine prochaine",
    "a rendu son rapport en retard",
    "sera absent jeudi",
)  # fmt: skip

# Templates with slots: {P} a name "Given Surname", {S} a surname, {G} a given name, {ROLE} a
# role, {SI} a surname then an initial, {DDN}/{DDN2} birth dates, {TEL} a phone, {MAIL} a
# personal e-mail, {ADR}/{ABROAD}/{DIST}/{QUART}/{KARRER}/{CITE}/{STREET} a home address.
TEMPLATES: list[tuple[str, str]] = [
    ("rol1", "{ROLE} {S} {ACT}, préviens le secrétariat."),
    ("rol2", "Peux-tu préparer le courrier : {ROLE} {S} {ACT} ?"),
    ("may1", "Le maire, {S}, ouvrira la séance du conseil ; prépare son discours."),
    ("ini1", "Liste d'appel de la formation : {SI}, présent le matin seulement."),
    ("ini2", "Dans le registre, {SI} figure deux fois ; lequel garder ?"),
    ("age1", "À l'internat, {G} ({AGE} ans) {ACT} ; que répondre aux parents ?"),
    ("dos1", "Peut-on verser au dossier RH de {S} le compte rendu de l'entretien ?"),
    ("dos2", "Dossier de {S} : il manque l'avis d'imposition, relance-le."),
    ("fld1", "Fiche agent / nom {SU} / prénom {G} — tu peux vérifier l'orthographe ?"),
    ("sig1", "Comment justifier mon absence de mardi auprès du chef de service ? {P}"),
    ("mut1", "Indemnités de changement de résidence du major {S} : quel barème appliquer ?"),
    ("csv1", 'Export brut :\n"{SU}","{G}","{ISO}","{TEL}"\nRange par ordre alphabétique.'),
    ("ddn1", "Dans le logiciel de paie la DDN de {P} est {DDN} mais le passeport dit {DDN2}."),
    (
        "ddn2",
        "Carte d'identité de {P} (naissance le {DDNW} à Quimper) : il manque un justificatif.",
    ),
    ("tel1", "Mon portable pendant l'astreinte de nuit : {TEL}. {P}"),
    ("tel2", "Ligne directe de Mme {S} au service des sports : {FIXE}"),
    ("mel1", "Envoie le compte rendu à {P} sur sa boîte perso : {MAIL}"),
    ("mel2", "Pour la mutuelle, {P} préfère qu'on lui écrive à {MAIL} plutôt qu'au bureau."),
    ("abr1", "Adresse de résidence à l'étranger de {P} : {ABROAD}. Je la recopie telle quelle ?"),
    ("abr2", "Attestation pour {P}, demeurant {ABROAD}, à signer par le consul."),
    ("dis1", "Le locataire {P} habite {DIST} depuis mars ; relance pour l'assurance."),
    ("qua1", "Convocation de {P}\n{QUART}\nPièces à apporter : livret de famille."),
    ("kar1", "nouvelle adresse de {P} : {KARRER} — mets à jour le fichier"),
    ("cit1", "Hébergement d'urgence puis installation {CITE} pour {P} : quel formulaire ?"),
    ("per1", "Voici l'adresse perso de l'infirmière pour le colis : {ADR}"),
]

LOOK_ALIKE_TEMPLATES: tuple[str, ...] = (
    "L'ambassade répond au {INTL} aux heures d'ouverture ; fais un encart pour le site.",
    "Le consulat général se joint au {INTL}, mets-le dans la fiche pratique.",
    "Le numéro de l'astreinte technique est le {FIXE}, affiche-le dans le hall.",
    "Ligne directe du service de l'état civil : {FIXE}. Mets-la en pied de page.",
    "N° d'avis d'échéance {TEN} : le bailleur dit que le loyer est impayé.",
    "Écrire à {BOX}@{ORG} pour toute question sur le dossier.",
    "Adresse de la structure : {OFFICE}. Mets-la en en-tête du courrier.",
    "Livraison au magasin de la régie, {OFFICE} (quai de déchargement).",
    "Le consulat de France à Lisbonne est situé Rua Santos-o-Velho 5, 1200-811 Lisboa.",
    "Vite fait : combien de jours de congé pour un déménagement ?",
    "Petite question : la Banque de France demande quel justificatif ?",
    "Le stage se fera au consulat général de France à Québec en juin.",
    "Voir l'Article L. {NUM}23 et l'Annexe B. du règlement intérieur.",
    "Le plan B. est-il prêt pour la réunion de rentrée du service ?",
    "La jeune femme reçue hier ne voulait pas donner son nom ; que noter ?",
    "Le maire de Lannion inaugure la médiathèque samedi : rédige le communiqué.",
    "L'enfant doit être accompagné d'un adulte dans la piscine municipale.",
    "La cité des Papes accueille le colloque en {MONTH} ; réserve les salles.",
    "Combien coûte un timbre pour le Royaume-Uni ? C'est pour le service courrier.",
    "Quelle est la procédure pour un changement de résidence administrative ?",
)


def _date(rng: random.Random, first: int, last: int) -> tuple[int, int, int]:
    return rng.randint(1, 28), rng.randint(1, 12), rng.randint(first, last)


def _phone(rng: random.Random, mobile: bool) -> str:
    head = rng.choice(("06", "07")) if mobile else rng.choice(("01", "02", "03", "04", "05"))
    pairs = [f"{rng.randint(0, 99):02d}" for _ in range(4)]
    return rng.choice((" ", ".")).join([head, *pairs])


def _slug(text: str) -> str:
    table = str.maketrans("àâäçéèêëîïôöùûüÿñ", "aaaceeeeiioouuuyn")
    return re.sub(r"[^a-z]", "", text.lower().translate(table))


def render(rng: random.Random, template_id: str, template: str) -> dict[str, Any]:
    female = rng.random() < 0.5
    given = rng.choice(GIVEN_F if female else GIVEN_M)
    surname = rng.choice(SURNAMES)
    postcode, town = rng.choice(TOWNS)
    number = rng.randint(2, 140)
    day, month, year = _date(rng, 1950, 2004)
    day2, month2, year2 = _date(rng, 1950, 2004)
    q_name, q_code, q_town = rng.choice(QUARTIERS)
    slots: dict[str, tuple[str, str | None]] = {
        "P": (f"{given} {surname}", "personne"),
        "S": (surname, "personne"),
        "SU": (surname.upper(), "personne"),
        "G": (given, "personne"),
        "SI": (f"{surname} {rng.choice('ABDEGJKLMNPST')}.", "personne"),
        "ROLE": (rng.choice(ROLES_F if female else ROLES_M), None),
        "ACT": (rng.choice(ACTS), None),
        "AGE": (str(rng.randint(12, 17)), None),
        "DDN": (f"{year}{month:02d}{day:02d}", "date_naissance"),
        "DDN2": (f"{day2:02d}/{month2:02d}/{year2}", "date_naissance"),
        "DDNW": (f"{day} {DATE_MONTHS[month - 1]} {year}", "date_naissance"),
        "ISO": (f"{year}-{month:02d}-{day:02d}", "date_naissance"),
        "TEL": (_phone(rng, True), "telephone"),
        "FIXE": (_phone(rng, False), "telephone"),
        "MAIL": (f"{_slug(given)}.{_slug(surname)}@{rng.choice(DOMAINS)}", "email"),
        "ABROAD": (rng.choice(ABROAD).replace("{N}", str(number)), "adresse"),
        "DIST": (
            f"{number} {rng.choice(STREETS)}, {rng.choice(DISTRICTS)}, {postcode} {town}",
            "adresse",
        ),
        "QUART": (f"{rng.choice(STREETS)}, quartier {q_name}, {q_code} {q_town}", "adresse"),
        "KARRER": (f"{number} karrer ar Feunteun, {postcode} {town}", "adresse"),
        "CITE": (f"cité des {rng.choice(CITES)}, 97600 Mamoudzou", "adresse"),
        "ADR": (f"{number} {rng.choice(STREETS)}, {postcode} {town}", "adresse"),
    }
    if template_id == "tel2":  # a direct line at a service, not a mobile
        slots["FIXE"] = (_phone(rng, False), "telephone")
    return _fill(template, slots, f"dev21_{template_id}")


def _fill(template: str, slots: kit.Slots, template_id: str) -> kit.Row:
    return kit.row(*kit.fill(template, slots), template_id, SPLIT)


OFFICES = (
    "{N} quai de la Douane, 29200 Brest", "{N} avenue de la République, 20000 Ajaccio",
    "{N} place du Marché, 22300 Lannion", "{N} boulevard de l'Océan, 64500 Saint-Jean-de-Luz",
)  # fmt: skip
INTL = (
    "+351 21 393 {A}",
    "+34 91 423 {A}",
    "+39 011 573 {A}",
    "+1 418 688 {A}",
    "+84 24 3944 {A}",
)
BOXES = ("capitainerie", "cfe", "essais-cliniques", "capitainerie-port")
ORGS = ("port-lannion.fr", "region-bretagne.fr", "chu-brest.fr", "cotes-darmor.gouv.fr")


OPENERS = ("", "Question : ", "Bonjour, ", "Pour info : ", "Urgent : ", "Stp ")


def look_alike(rng: random.Random, number: int, template: str) -> dict[str, Any]:
    opener = rng.choice(OPENERS)
    if opener:
        template = opener + template[0].lower() + template[1:]
    slots: dict[str, tuple[str, str | None]] = {
        "INTL": (rng.choice(INTL).replace("{A}", f"{rng.randint(0, 9999):04d}"), None),
        "FIXE": (_phone(rng, False), None),
        "TEN": (f"0{rng.randint(100000000, 999999999)}", None),
        "BOX": (rng.choice(BOXES), None),
        "ORG": (rng.choice(ORGS), None),
        "OFFICE": (rng.choice(OFFICES).replace("{N}", str(rng.randint(1, 60))), None),
        "NUM": (str(rng.randint(1, 9)), None),
        "MONTH": (rng.choice(DATE_MONTHS), None),
    }
    return _fill(template, slots, f"dev21_neg{number}")


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
