"""A twenty-third development set for the personal-data guard: tests/data/pii_dev23.jsonl.

Written after test13 was read, by the hand that wrote round 14's name, address and identifier
rules ("names14"), in its own words, to check that they carry: a person named after a
seafarer's or a curator's trade ("le marin-pêcheur X", "la conservatrice X"), a particle name
after a rank ("le sergent de Kersauson", "le matelot d'Aubigné"), a woman's birth or married
name after hers ("…, née X", "… épouse X"), the other of two people asked about ("C'est X qui …
ou c'est Y ?"), a name then a job between commas, a voice note typed in lower case after "bon
alors", a farewell drink or a team "de X"; a birth date after "D.N.", a foster family's phone,
a home given after "à La Réunion :", a hamlet with a Breton article ("lieu-dit Pen ar Hoat"), a
Wallis village with its postcode, personal e-mails. Half the sentences are look-alikes: service
mailboxes (cultes@, antidopage@, medecine.preventive@, affaires.maritimes@), the reception
desk's line, a meeting's room, "le sergent de garde", "l'équipe de France", a hepatitis "C."
before a question, "le planning familial de Nancy", "chez les Jeunes Agriculteurs", a rank
with no name, a commune's hamlet without anyone's home.

Names are the writer's own (Breton, Basque, Corsican, Polynesian, Maghreb, Occitan), none taken
from faker or from test13. The line format and labelling rules are those of
tests/data/PII_SETS.md. Deterministic: `python -m devtools.pii_corpus_dev23` rewrites the file.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from devtools import pii_corpus_kit as kit

SEED = 20261423
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii_dev23.jsonl"
SPLIT = "dev23"
RENDERS = 5

GIVEN_F = ("Soizic", "Maïwenn", "Ghjasippina", "Hinatea", "Mériem", "Albane", "Gaëlle", "Enora")
GIVEN_M = ("Erwan", "Iban", "Santu", "Raiarii", "Kamel", "Gurvan", "Tanguy", "Xavier")
SURNAMES = (
    "Le Guennec", "Salaün", "Ferrandi", "Toumelin", "Etcheverry", "Quéré", "Susini",
    "Tauraa", "Pennanéach", "Larrieu", "Mokrani", "Cadiou", "Bernard", "Moreau",
)  # fmt: skip
# Known family names, for the families that need a list to hold the name.
KNOWN = ("Bernard", "Moreau", "Garnier", "Chevalier", "Roussel", "Perrin", "Lefèvre")
SEA_ROLES = ("Le marin-pêcheur", "La patronne pêcheuse", "Le marin", "Le patron pêcheur")
CURATORS = ("la conservatrice", "le conservateur", "la conseillère", "le conseiller")
RANKS = ("le sergent", "la caporale", "le matelot", "l'adjudant", "la lieutenante")
PARTICLE_NAMES = ("de Kersauson", "d'Aubigné", "de La Morinière", "du Plessix", "de Tinténiac")
JOBS = (
    "agent d'accueil à la capitainerie",
    "responsable du parc automobile",
    "chargée de mission Europe",
    "gestionnaire de paie au SGC",
    "technicienne de laboratoire",
)  # fmt: skip
TOPICS = (
    ("est diabétique depuis l'enfance", "sante"),
    ("est témoin de Jéhovah", "religion"),
    ("est syndiquée à la CGT", "syndicat"),
    ("a été condamné pour vol", "infraction"),
)  # fmt: skip
TOWNS = (
    ("29770", "Plogoff"), ("64250", "Espelette"), ("20228", "Luri"), ("29242", "Ouessant"),
    ("31110", "Luchon"), ("56340", "Carnac"),
)  # fmt: skip
REUNION = (("97410", "Saint-Pierre"), ("97430", "Le Tampon"), ("97400", "Saint-Denis"))
STREETS = ("rue des Cordiers", "chemin des Ajoncs", "impasse du Lavoir", "allée des Filaos")
HAMLETS = ("Pen ar Hoat", "Kerroc'h", "Goas ar Veil", "Ty an Dour")
WALLIS = (
    ("Vailala", "98600", "Hihifo"),
    ("Halalo", "98600", "Mu'a"),
    ("Leava", "98620", "Sigave"),
)
DOMAINS = ("orange.fr", "free.fr", "gmail.com", "mail.pf", "laposte.net")
MONTHS = kit.MONTHS


def _phone(rng: random.Random) -> str:
    return kit.mobile(rng)


def _slug(text: str) -> str:
    return kit.fold(kit.flat(text)).replace("-", "")


# Templates with slots: {P} "Given Surname", {S}/{S2} surnames, {K} a known family name, {G} a
# given name, {L} a name in lower case, {SEA}/{CUR}/{RANK} roles, {PART} a particle name,
# {JOB} a job, {TOPIC} a topic said of the person, {DN} a birth date "1er …", {TEL} a mobile,
# {MAIL} a personal e-mail, {REU}/{HAM}/{WAL} a home address.
TEMPLATES: list[tuple[str, str]] = [
    ("sea1", "{SEA} {S} embarque lundi sur le fileyeur, prépare son livret."),
    ("sea2", "Qui valide l'avance sur salaire du patron pêcheur {S} avant la marée ?"),
    ("cur1", "Convention de dépôt : {CUR} {P} prête trois gravures au musée de Morlaix."),
    ("rnk1", "Permission refusée pour {RANK} {PART}, vois avec le chef de corps."),
    ("rnk2", "La visite médicale de {RANK} {PART} est reportée à jeudi."),
    ("mai1", "Médaille du travail pour {P}, née {S2}, après trente ans au CCAS."),
    ("mai2", "Le livret de famille de {P} épouse {S2} est à scanner pour la paie."),
    ("oth1", "C'est {S} qui ferme la salle des archives ce soir ou c'est {S2} ?"),
    ("app1", "{P}, {JOB}, présentera le bilan au comité de direction."),
    ("app2", "Comité technique : {P}, {JOB}, siègera pour la direction."),
    ("voc1", "message vocal retranscrit : bon alors {L} {TOPIC} donc il faut voir avec la RH"),
    ("pot1", "Tu peux écrire un mot pour le pot de départ de {K} vendredi ?"),
    ("equ1", "Rendez-vous avec l'équipe de {K} mardi, liste-moi les points à aborder."),
    ("dn1", "D.N. {DN} | {SU} {G} | licence du club de voile"),
    ("fam1", "Numéro de la famille d'accueil : {TEL}, le père s'appelle {P}."),
    ("reu1", "{P} s'installe à La Réunion : {REU}, mets à jour le dossier."),
    ("ham1", "Adresse déclarée par {P} : lieu-dit {HAM}, {PC} {TOWN}"),
    ("wal1", "Nouvelle adresse de {P} : village de {WAL}."),
    ("mel1", "{P} préfère qu'on lui écrive sur sa boîte perso : {MAIL}"),
    ("mel2", "Écris à {P} sur son adresse perso, {MAIL}, pas sur la pro."),
    ("dn2", "Fiche licence — {P} — D.N. {DN} — catégorie vétérans"),
    ("fam2", "La famille d'accueil du petit répond au {TEL} (Mme {S})."),
]

LOOK_ALIKE_TEMPLATES: tuple[str, ...] = (
    "Écrivez à cultes@{ORG} pour toute question sur les associations cultuelles.",
    "Le service antidopage répond sur antidopage@{ORG}, mets-le dans la fiche.",
    "Pour les visites, écrire à medecine.preventive@{ORG}.",
    "Les rôles d'équipage sont à envoyer à affaires.maritimes@{ORG}.",
    "Numéro de l'accueil : {FIXE}, ouvert de 9 h à 12 h.",
    "La réunion de jeudi se tiendra au {OFFICE}, salle 4.",
    "Le sergent de garde ouvre la barrière à 7 h ; affiche le planning.",
    "L'équipe de France de voile passe à Brest en {MONTH}.",
    "Le vaccin contre l'hépatite B. Quel calendrier pour les agents du service ?",
    "Le planning familial de Nancy demande une subvention, quels critères ?",
    "Les Jeunes Agriculteurs organisent un marché ; prêt de barrières possible ?",
    "Le matelot de quart signe le registre à minuit.",
    "Combien de familles d'accueil dans le département en 2025 ?",
    "Le lieu-dit Pen ar Hoat est inscrit au cadastre de Plogoff.",
    "Le conseiller municipal délégué aux sports arrive à 18 h.",
    "Rédige l'annonce : le musée recrute un conservateur du patrimoine.",
    "La médaille du travail se demande à la préfecture, quels délais ?",
    "Le port de pêche de Saint-Pierre à La Réunion recrute des saisonniers.",
    "C'est la mairie qui ferme la salle ou c'est le gardien ?",
    "Combien de patrons pêcheurs dans le quartier maritime de Bayonne ?",
)


def render(rng: random.Random, template_id: str, template: str) -> dict[str, Any]:
    female = rng.random() < 0.5 or template_id.startswith("mai")  # a woman's birth name
    given = rng.choice(GIVEN_F if female else GIVEN_M)
    surname, other = rng.sample(SURNAMES, 2)
    known = rng.choice(KNOWN)
    postcode, town = rng.choice(TOWNS)
    reu_code, reu_town = rng.choice(REUNION)
    w_village, w_code, w_town = rng.choice(WALLIS)
    topic, topic_category = rng.choice(TOPICS)
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1950, 2004)
    first = rng.random() < 0.5
    slots: dict[str, tuple[str, str | None]] = {
        "P": (f"{given} {surname}", "personne"),
        "S": (surname, "personne"),
        "S2": (other, "personne"),
        "SU": (surname.upper(), "personne"),
        "K": (known, "personne"),
        "G": (given, "personne"),
        "L": (f"{given} {surname}".lower(), "personne"),
        "SEA": (rng.choice(SEA_ROLES), None),
        "CUR": (rng.choice(CURATORS), None),
        "RANK": (rng.choice(RANKS), None),
        "PART": (rng.choice(PARTICLE_NAMES), "personne"),
        "JOB": (rng.choice(JOBS), None),
        "TOPIC": (topic, topic_category),
        "DN": (f"{'1er' if first else day} {MONTHS[month - 1]} {year}", "date_naissance"),
        "TEL": (_phone(rng), "telephone"),
        "MAIL": (f"{_slug(given)}.{_slug(surname)}@{rng.choice(DOMAINS)}", "email"),
        "REU": (f"{rng.randint(2, 140)} {rng.choice(STREETS)}, {reu_code} {reu_town}", "adresse"),
        "HAM": (rng.choice(HAMLETS), None),
        "PC": (postcode, None),
        "TOWN": (town, None),
        "WAL": (f"{w_village}, {w_code} {w_town}", None),
    }
    if template_id == "ham1":  # the hamlet, its postcode and its town make one address
        value = f"lieu-dit {slots['HAM'][0]}, {postcode} {town}"
        template = template.replace("lieu-dit {HAM}, {PC} {TOWN}", "{ADR}")
        slots["ADR"] = (value, "adresse")
    if template_id == "wal1":
        template = template.replace("village de {WAL}", "{ADR}")
        slots["ADR"] = (f"village de {w_village}, {w_code} {w_town}", "adresse")
    return kit.row(
        *kit.fill(template, slots), f"dev23_{template_id}", SPLIT, identifiers=kit.IDENTIFIERS
    )


OFFICES = (
    "{N} quai de la Douane, 29200 Brest", "{N} place de la Mairie, 64250 Espelette",
    "{N} boulevard Paoli, 20200 Bastia",
)  # fmt: skip
ORGS = ("ac-rennes.fr", "ddtm-finistere.gouv.fr", "chu-bayonne.fr", "corse-du-sud.gouv.fr")
OPENERS = ("", "Question : ", "Bonjour, ", "Pour info : ", "Urgent : ", "Stp ")


def look_alike(rng: random.Random, number: int, template: str) -> dict[str, Any]:
    opener = rng.choice(OPENERS)
    if opener:
        template = opener + template[0].lower() + template[1:]
    fixe = rng.choice(("02", "04", "05")) + "".join(f" {rng.randint(0, 99):02d}" for _ in range(4))
    slots: dict[str, tuple[str, str | None]] = {
        "FIXE": (fixe, None),
        "ORG": (rng.choice(ORGS), None),
        "OFFICE": (rng.choice(OFFICES).replace("{N}", str(rng.randint(1, 60))), None),
        "MONTH": (rng.choice(MONTHS), None),
    }
    return kit.row(*kit.fill(template, slots), f"dev23_neg{number}", SPLIT)


def generate() -> list[kit.Row]:
    rng = random.Random(SEED)
    return kit.unique(
        (render(rng, *template) for template in TEMPLATES for _ in range(RENDERS + 1)),
        (
            look_alike(rng, number, template)
            for number, template in enumerate(LOOK_ALIKE_TEMPLATES, 1)
            for _ in range(RENDERS + 1)
        ),
    )


counts = kit.counts


def write(rows: list[kit.Row], path: Path = OUT) -> None:
    kit.write(rows, path)


if __name__ == "__main__":
    kit.rewrite(generate(), OUT)
