"""A sixteenth development set for the personal-data guard: tests/data/pii_dev16.jsonl (issue 18).

Written after test10 was read, by the hand that wrote that round's name, address and identifier
rules ("names11"), to check that they carry to phrasings no set holds: family names that no
list holds (Breton, Basque, Armenian, Malagasy, West African, Romanian…), found by what stands
before them (a trade, a title, "jsuis" in chat, a display name in a quoted reply), a month
written as a family name ("Mme Avril", "Yann Juin"), a lower-case particle after a role ("le
greffier du Lagadec"), a preposition "à" after an infinitive ("Écrire à Claire Kerdraon"),
home addresses said through whose they are ("adresse indiquée :", "adresse du tuteur :",
"adresse de la mère :", a box and Cedex), a person's row in a table; and as many look-alikes:
places named after people ("palais des sports", "quartier militaire", "base aérienne", "palais
de justice", "maison des associations"), administrations named by an acronym no list holds
with their address, letterhead and switchboard ("Adresse de la DGAFP :", "la DREES ; 01 …"),
months after a day's number, a quoted reply from a service's mailbox, ranks without a name.

Names are a hand list (not faker's lists, which the guard reads: a set drawn from them would
flatter it). The line format and labelling rules are those of tests/data/PII_SETS.md.
Deterministic: `python -m devtools.pii_corpus_dev16` rewrites the file.
"""

from __future__ import annotations

import random
from pathlib import Path

from devtools import pii_corpus_kit as kit

SEED = 20261216
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii_dev16.jsonl"
SPLIT = "dev16"
RENDERS = 7

# Given names the guard knows (a family name no list holds comes after them) and rarer ones.
GIVEN_F = ("Claire", "Nolwenn", "Anaïs", "Sophie", "Maïwenn", "Hélène", "Nathalie", "Awa")
GIVEN_M = ("Yann", "Gaizka", "Aram", "Thomas", "Ousmane", "Mathieu", "Laurent", "Erwan")
# Family names in no faker list (checked against handlers/privacy/pii_names.py).
RARE = (
    "Quéméner", "Etchegaray", "Zimmerlin", "Kerdraon", "Arrouays", "Hakobyan", "Ndiongue",
    "Oyarzabal", "Trémeur", "Bouzeghoub", "Goasdoué", "Keraudren", "Sahakian", "Ravelomanana",
    "Tcheuffa", "Vlasceanu", "Ibarboure", "Pennarun", "Rasolofo", "Mardirossian",
)  # fmt: skip
# Common French family names, for the lower-case particle after a role (the rule reads a
# particle there as a name's only before a family name the guard knows).
KNOWN = ("Prat", "Lagarde", "Brunet", "Tessier", "Hamon", "Vidal", "Cordier", "Guillot")
MONTH_NAMES = ("Avril", "Juin", "Janvier", "Mars", "Juillet")
TRADES_M = ("Le greffier", "Le magasinier", "Le facteur", "Le proviseur", "L'instituteur")
TRADES_F = ("La greffière", "La proviseure", "L'institutrice", "La prof", "La conductrice")
TOWNS = (
    ("29200", "Brest"), ("64100", "Bayonne"), ("12000", "Rodez"), ("97400", "Saint-Denis"),
    ("20000", "Ajaccio"), ("68000", "Colmar"), ("87000", "Limoges"), ("35000", "Rennes"),
)  # fmt: skip
STREETS = ("rue des Mouettes", "chemin de Kerlann", "impasse des Tilleuls", "allée du Lavoir")
LIEUX = ("Kerbrat", "Le Moulin Neuf", "La Garenne", "Les Granges")
MAIL_DOMAINS = ("orange.fr", "free.fr", "gmail.com", "sfr.fr", "yahoo.fr")

T = tuple[str, str, str]
# Slots: {P} given name and family name, {PL} the same in lower case, {R} a family name alone,
# {RU} in capitals, {MN} a month as a family name, {KP} a lower-case particle and a known
# family name, {TRADE} a trade (no span), {TEL} a mobile, {MAIL} the person's e-mail, {DDN} a
# date of birth, {BOX} a box address with Cedex, {ADR} a home address, {LIEU} a lieu-dit with
# its postcode and town, {DATE} a date that is no birth.
TEMPLATES: list[T] = [
    ("tr1", "m", "{TRADE} {RU} a transmis la pièce au service."),
    ("tr2", "f", "{TRADE} {R} souhaite avancer la réunion de jeudi."),
    ("kp1", "m", "Le greffier {KP} signale une panne de l'imprimante."),
    ("kp2", "f", "L'usagère {KP} attend sa carte depuis deux mois."),
    ("mn1", "f", "Merci de transmettre la convocation à Mme {MN} avant midi."),
    ("mn2", "m", "{G} {MN} rejoindra l'équipe lundi prochain."),
    ("in1", "m", "slt jsuis {PL} du bureau des pensions, mon dossier est bloqué"),
    ("qt1", "f", "Le {DATE}, {PL} <{MAIL}> a écrit :\n> merci pour le retour"),
    ("pr1", "f", "Écrire à {P} pour confirmer la date du jury."),
    ("ti1", "m", "Le Dr {R} reçoit sur rendez-vous le mardi matin."),
    ("ad1", "m", "Courrier revenu de l'adresse indiquée : {BOX}"),
    ("ad2", "f", "Adresse de la mère : {LIEU}"),
    ("ad3", "m", "Adresse du tuteur : {ADR}"),
    ("tb1", "f", "{P} ; {TEL} ; {MAIL}"),
    ("dn1", "f", "{P}, née le {DDN}, demande une attestation de scolarité."),
    ("dn2", "m", "Fiche de renseignements : {P}, date de naissance {DDN}, portable {TEL}."),
    ("tl1", "f", "Tu peux joindre {R} sur son portable perso au {TEL} après 18 h."),
]
LOOK_ALIKE_TEMPLATES = (
    "Le {FAC} {FAMOUS} ferme ses portes le lundi.",
    "Rendez-vous devant le {FAC} {FAMOUS} à 9 h pour la cérémonie.",
    "On a combien de places de parking au {FAC} {FAMOUS} ?",
    "Adresse de la {ACR} : {NUM} rue {FAMOUS}, {PC} {TOWN}",
    "Envoyez vos pièces justificatives à la {ACR}, {NUM} avenue {FAMOUS}, {PC} {TOWN}.",
    "Tableau des contacts : la {ACR} ; {LANDLINE} ; {SERVICE}@{GOVDOMAIN}",
    "Papier à en-tête : la {ACR} — {NUM} place {FAMOUS}, {PC} {TOWN} — {LANDLINE}",
    "Transmettre à la {ACR} le bilan annuel avant le {DATE}.",
    "Réunion du comité le {DAY} {MONTH} en salle {NUM}.",
    "Le {DATE}, Service {SVC} <{SERVICE}@{GOVDOMAIN}> a écrit :\n> dossier reçu",
    "jsuis pas dispo {WEEKDAY}, on décale ?",
    "La prof d'Histoire remplace sa collègue jusqu'aux vacances.",
    "Le capitaine de corvette signe le registre à {HOUR} h.",
    "Écrire à la {ACR} pour demander le formulaire.",
    "Standard du {FAC} {FAMOUS} : {LANDLINE}, du lundi au vendredi.",
    "Retour des dossiers complets à la {ACR}, BP {NUM}, {PC} {TOWNU} Cedex.",
)
FACILITIES = (
    "palais des sports", "palais de justice", "palais des congrès", "quartier militaire",
    "maison des associations", "centre de secours", "hôtel de police",
)  # fmt: skip
FAMOUS = (
    "Aimé Césaire", "Lucie Aubrac", "Jean Moulin", "Simone Veil", "Pierre Brossolette",
    "Colette Besson", "Marcel Cerdan", "Joséphine Baker", "Alain Mimoun", "Louise Weiss",
)  # fmt: skip
ACRONYMS = ("DGAFP", "DGCL", "DREES", "DIRM", "SGDSN", "DPJJ", "DISP", "DRAJES", "ANCT", "DINUM")
SERVICES = ("courrier", "secretariat", "contact", "accueil", "bureau.rh")
SERVICE_NAMES = ("RH", "Courrier", "Paie", "Pensions")
GOVDOMAINS = ("gouv.fr", "interieur.gouv.fr", "social.gouv.fr", "justice.gouv.fr")
WEEKDAYS = ("lundi", "mardi", "demain", "vendredi")


def _landline(rng: random.Random) -> str:
    digits = f"0{rng.choice('12345')}" + "".join(str(rng.randrange(10)) for _ in range(8))
    return " ".join(digits[i : i + 2] for i in range(0, 10, 2))


def _box(rng: random.Random) -> str:
    postcode, town = rng.choice(TOWNS)
    box = rng.choice(("BP", "B.P.", "CS"))
    return f"{box} {rng.randint(10, 99999)}, {postcode} {town.upper()} Cedex"


def _home(rng: random.Random) -> str:
    postcode, town = rng.choice(TOWNS)
    number = f"{rng.randint(1, 140)}{rng.choice(('', ' bis', ' ter'))}"
    return f"{number} {rng.choice(STREETS)}, {postcode} {town}"


def render(rng: random.Random, template_id: str, gender: str, template: str) -> kit.Row:
    female = gender == "f"
    given = rng.choice(GIVEN_F if female else GIVEN_M)
    rare = rng.choice(RARE)
    postcode, town = rng.choice(TOWNS)
    slots: dict[str, tuple[str, str | None]] = {
        "P": (f"{given} {rare}", "personne"),
        "PL": (f"{given} {rare}".lower(), "personne"),
        "G": (given, None),
        "R": (rare, "personne"),
        "RU": (rare.upper(), "personne"),
        "MN": (rng.choice(MONTH_NAMES), "personne"),
        "KP": (f"{rng.choice(('du', 'de la', 'de'))} {rng.choice(KNOWN)}", "personne"),
        "TRADE": (rng.choice(TRADES_F if female else TRADES_M), None),
        "TEL": (kit.mobile(rng), "telephone"),
        "MAIL": (f"{kit.flat(given)}.{kit.flat(rare)}@{rng.choice(MAIL_DOMAINS)}", "email"),
        "DDN": (kit.date(rng, 1955, 2008), "date_naissance"),
        "BOX": (_box(rng), "adresse"),
        "ADR": (_home(rng), "adresse"),
        "LIEU": (f"{rng.choice(LIEUX)}, {postcode} {town}", "adresse"),
        "DATE": (kit.date(rng, 2023, 2026), None),
    }
    if template_id == "mn2":  # the given name and the month together make the name
        month = rng.choice(MONTH_NAMES)
        slots["G"] = (f"{given} {month}", "personne")
        template = template.replace("{G} {MN}", "{G}")
    return _fill(template, slots, f"dev16_{template_id}")


def _fill(template: str, slots: kit.Slots, template_id: str) -> kit.Row:
    return kit.row(*kit.fill(template, slots), template_id, SPLIT)


def look_alike(rng: random.Random, number: int, template: str) -> kit.Row:
    postcode, town = rng.choice(TOWNS)
    slots: dict[str, tuple[str, str | None]] = {
        "FAC": (rng.choice(FACILITIES), None),
        "FAMOUS": (rng.choice(FAMOUS), None),
        "ACR": (rng.choice(ACRONYMS), None),
        "NUM": (str(rng.randint(1, 90)), None),
        "PC": (postcode, None),
        "TOWN": (town, None),
        "TOWNU": (town.upper(), None),
        "LANDLINE": (_landline(rng), None),
        "SERVICE": (rng.choice(SERVICES), None),
        "SVC": (rng.choice(SERVICE_NAMES), None),
        "GOVDOMAIN": (rng.choice(GOVDOMAINS), None),
        "DATE": (kit.date(rng, 2023, 2026), None),
        "DAY": (str(rng.randint(1, 28)), None),
        "MONTH": (rng.choice(MONTH_NAMES), None),
        "WEEKDAY": (rng.choice(WEEKDAYS), None),
        "HOUR": (str(rng.randint(7, 20)), None),
    }
    return _fill(template, slots, f"dev16_neg{number}")


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
