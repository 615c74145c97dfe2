"""A tenth development set for the personal-data guard: tests/data/pii_dev10.jsonl (issue 18).

Written after test7 was read, by the hand that wrote that round's name, address and date rules,
to check that they carry to phrasings that no set holds: a person named every way a writer
names one (a given name as an address term or after a verb, a family name alone after a noun
or a preposition, initials, particles and compound names, lower case, "NOM Prénom", e-mail
headers, signatures, Markdown tables, a list of attendees), addresses in forms and abbreviations
("av.", "bd", "imp.", "chem.", "rte", "all.", "pl.", "r."), on several lines, with a door,
a lieu-dit or a hameau, a box and Cedex after a word of residence, overseas and in Corsica,
dates of birth in every layout, phones and e-mails; and look-alikes (places named after people,
offices' addresses, dates that are no birth).

Names are a hand list across France's origins (not faker's lists, which the guard reads: a set
drawn from them would flatter it). The line format and labelling rules are those of
tests/data/PII_SETS.md. Deterministic: `python -m devtools.pii_corpus_dev10` rewrites the file.
"""

from __future__ import annotations

import random
from pathlib import Path

from devtools import pii_corpus_kit as kit

SEED = 20261210
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii_dev10.jsonl"
SPLIT = "dev10"
RENDERS = 6

GIVEN_F = (
    "Awa", "Soraya", "Maëlys", "Zeynep", "Ioana", "Aurélie", "Bintou", "Ludivine", "Najat",
    "Inês", "Oksana", "Hélène", "Nadia", "Linh", "Coralie", "Fatou", "Gaëlle", "Roxane",
    "Marie-Laure", "Yaëlle",
)  # fmt: skip
GIVEN_M = (
    "Mamadou", "Yacine", "Thibaut", "Ahmet", "Bogdan", "Quentin", "Rui", "Karim", "Cheikh",
    "Jean-Baptiste", "Loïc", "Duc", "Hocine", "Maxence", "Tiago", "Serge", "Nabil", "Enzo",
    "Pierre-Yves", "Kofi",
)  # fmt: skip
SURNAMES = (
    "Ndiaye", "Benhamou", "Le Bihan", "de La Roche", "Ferreira", "Öztürk", "Popescu", "Nowak",
    "Tran", "Boudjema", "Kouyaté", "Lefèvre", "Morvan", "Da Silva", "Guérin-Lopez", "Hoarau",
    "Chevallier", "Mbemba", "Zerbib", "Pham", "Arslan", "Dos Santos", "Lemoine", "Kerbrat",
    "Vasquez", "Ould Brahim", "Truong", "Abitbol", "Rakotomalala", "Wójcik",
)  # fmt: skip
# Streets written as people write them: abbreviations, a name, a date.
STREETS = (
    "rue des Capucins", "av. Victor Hugo", "bd de la Liberté", "imp. des Lilas",
    "chem. de la Croix Rouge", "rte de Lyon", "all. des Pins", "pl. de l'Église",
    "r. du Général Leclerc", "avenue du 8 Mai 1945", "rue Saint-Exupéry", "quai des Chartrons",
    "cours Mirabeau", "résidence du Parc", "rue Jean-Jacques Rousseau",
)  # fmt: skip
TOWNS = (
    ("97122", "Baie-Mahault"), ("20000", "Ajaccio"), ("20200", "Bastia"), ("97411", "Saint-Paul"),
    ("97600", "Mamoudzou"), ("33000", "Bordeaux"), ("13100", "Aix-en-Provence"),
    ("29200", "Brest"), ("67000", "Strasbourg"), ("59000", "Lille"), ("63000", "Clermont-Ferrand"),
    ("97300", "Cayenne"), ("45000", "Orléans"), ("76600", "Le Havre"),
)  # fmt: skip
PLACES = ("La Gravière", "Les Quatre Vents", "Le Moulin Neuf", "Kerhuel", "Les Hauts de Bel Air")
SHORT_MONTHS = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.")
MAIL_DOMAINS = ("interieur.gouv.fr", "ac-rennes.fr", "gmail.com", "orange.fr", "laposte.net")

# A template: text with slots ({P} a name, {P2} another, {G} a given name, {g} in lower case,
# {S} a family name, {SU} in capitals, {L} a name in lower case, {INI} initials and a family
# name, {TEL}, {MAIL}, {DDN} a date of birth, {ADR}, {ADR2} an address on two lines, {ADRD}
# with a door, {ADRLD} a lieu-dit or a hameau, {ADRBOX} a box and Cedex, {adr} in lower case,
# {STREETNUM} a number and a street, {TOWN}).
T = tuple[str, str, str]
TEMPLATES: list[T] = [
    # -- names, every way a writer names someone ----------------------------------------------
    ("nom1", "f", "Bonjour {G},\nPeux-tu me renvoyer le tableau des astreintes ?"),
    ("nom2", "m", "merci {g} pour ton aide hier, c'était top"),
    ("nom3", "f", "Peux-tu prévenir {G} que la réunion est décalée à 15 h ?"),
    ("nom4", "m", "D'après {S}, le dossier est complet depuis lundi."),
    ("nom5", "f", "Cc : {P} ; {P2}\nObjet : planning de juillet"),
    ("nom6", "m", "De : {P} <{MAIL}>\nEnvoyé : lundi 3 mars\nObjet : congés"),
    ("nom7", "f", "Le courrier a été signé par {INI} au nom du directeur."),
    ("nom8", "m", "| Nom | Prénom | Service |\n|---|---|---|\n| {SU} | {G} | Accueil |"),
    ("nom9", "f", "Le poste de {P} sera vacant au 1er septembre, qui prévenir ?"),
    ("nom10", "m", "je transfere la demande de {L} au service paie"),
    ("nom11", "f", "C'est {G} qui s'occupe des plannings maintenant."),
    ("nom12", "m", "Rappeler Me {S} au sujet de la succession avant vendredi."),
    ("nom13", "f", "Entretien annuel : évaluatrice {P}, évalué {P2}."),
    ("nom14", "m", "{P} (contractuel) demande un acompte sur salaire."),
    ("nom15", "f", "Cordialement,\n{P}\nAdjointe administrative"),
    ("nom16", "m", "Tâche assignée à {P} par {P2} le 12 mai."),
    ("nom17", "f", "Prochain rendez-vous avec M. et Mme {S} jeudi à 10 h."),
    ("nom18", "m", "Présents : {P}, {P2}, {P3}. Excusée : la DRH."),
    ("nom19", "f", "on a qu'a demander a {g} elle connait le logiciel"),
    ("nom20", "m", "Dr {S} a validé l'aptitude au poste."),
    ("nom21", "f", "Je suis en copie d'un mail de {SU} {G} sur les horaires d'été."),
    ("nom22", "m", "Réponds à {G} que sa demande de télétravail est acceptée."),
    ("nom23", "f", "{P} remplace {P2} pendant son congé."),
    ("nom24", "m", "Rédige un mot d'accueil pour {P}, notre nouvel agent."),
    # -- addresses -----------------------------------------------------------------------------
    ("adr1", "f", "Fiche agent\nNom : {P}\nAdresse : {ADR2}"),
    ("adr2", "m", "Changement de domicile de {P} : {ADR}."),
    ("adr3", "f", "{P} est domiciliée {ADRBOX}."),
    ("adr4", "m", "Envoyer la convocation chez {P}, {ADRD}."),
    ("adr5", "f", "{P} habite {ADRLD}, c'est loin du service."),
    ("adr6", "m", "mon adresse perso : {adr}"),
    ("adr7", "f", "Domicile : {ADR} / Tél. : {TEL}"),
    ("adr8", "m", "j'habite au {STREETNUM} à {TOWN} depuis mars"),
    ("adr9", "f", "{P}, {ADR}, {TEL}"),
    # -- dates of birth ------------------------------------------------------------------------
    ("ddn1", "f", "{P}, née le {DDN}, demande une attestation."),
    ("ddn2", "m", "Date de naissance : {DDN}\nNom : {P}"),
    ("ddn3", "f", "sa ddn c'est le {DDN} je crois"),
    ("ddn4", "m", "{P} (né le {DDN} à Lyon) rejoint l'équipe."),
    ("ddn5", "f", "Naissance : {DDN} — Nom d'usage : {P}"),
    ("ddn6", "m", "Il est né le {DDN}, il aura droit à la retraite quand ?"),
    # -- contacts ------------------------------------------------------------------------------
    ("tel1", "f", "{P} est joignable au {TEL} après 17 h."),
    ("tel2", "m", "Écris à {P} sur {MAIL} pour confirmer."),
]
LOOK_ALIKES = (
    "Le lycée Jean Moulin ferme à 18 h pendant les vacances.",
    "La rue Victor Hugo est barrée jusqu'au 15 juin.",
    "La salle Simone Veil est réservée pour le CSA de jeudi.",
    "Travaux avenue du Général Leclerc : la ligne 4 est déviée.",
    "Le collège Marie Curie recrute un agent d'entretien.",
    "La commune nouvelle est née le 1er janvier 2016 de la fusion de trois villages.",
    "Le service a été créé le 3 mars 1998 par arrêté préfectoral.",
    "Préfecture de la Gironde, 2 esplanade Charles de Gaulle, CS 41397, 33077 Bordeaux Cedex.",
    "Standard de la mairie : 01 40 00 00 00, du lundi au vendredi.",
    "Écrivez à contact@mairie-brest.fr pour toute question sur l'état civil.",
    "Le prix Albert Londres a été remis hier à Bordeaux.",
    "Rendez-vous au gymnase Pierre de Coubertin, 12 rue des Sports, à 9 h.",
)


def _phone(rng: random.Random) -> str:
    digits = f"0{rng.choice('1234567')}" + "".join(str(rng.randrange(10)) for _ in range(8))
    if rng.random() < 0.25:
        return "+33 " + digits[1] + " " + " ".join(digits[i : i + 2] for i in range(2, 10, 2))
    style = rng.choice((" ", ".", "", "-"))
    return style.join(digits[i : i + 2] for i in range(0, 10, 2))


def _birth(rng: random.Random) -> str:
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1955, 2004)
    return rng.choice(
        (
            f"{day:02d}/{month:02d}/{year}",
            f"{day:02d}.{month:02d}.{year % 100:02d}",
            f"{year}-{month:02d}-{day:02d}",
            f"{'1er' if day == 1 else day} {kit.MONTHS[month - 1]} {year}",
            f"{day} {SHORT_MONTHS[month % len(SHORT_MONTHS)]} {year}",
        )
    )


def _street(rng: random.Random) -> str:
    number = str(rng.randint(2, 180))
    if rng.random() < 0.25:
        number += rng.choice((" bis", " ter", "B"))
    return f"{number} {rng.choice(STREETS)}"


def _town(rng: random.Random) -> str:
    return " ".join(rng.choice(TOWNS))


def _address(rng: random.Random) -> str:
    return f"{_street(rng)}{rng.choice((', ', ' – ', ' '))}{_town(rng)}"


def _name(rng: random.Random, female: bool) -> str:
    given = rng.choice(GIVEN_F if female else GIVEN_M)
    surname = rng.choice(SURNAMES)
    return rng.choice(
        (
            f"{given} {surname}",
            f"{surname.upper()} {given}",
            f"{given} {surname.upper()}",
            # An initial, not "M." (Monsieur's abbreviation as well).
            f"{given[0]}. {surname}" if given[0] != "M" else f"{given} {surname}",
        )
    )


def _initials(rng: random.Random) -> str:
    given = rng.choice([g for g in GIVEN_F + GIVEN_M if not g.startswith("M")])
    parts = given.split("-")
    initials = "-".join(f"{p[0]}." for p in parts)
    return f"{initials} {rng.choice(SURNAMES)}"


def _mail(rng: random.Random, name: str) -> str:
    words = [kit.fold(w).lower().strip(".") for w in name.replace("-", " ").split()]
    local = ".".join(w for w in words if w)[:30]
    return f"{local}@{rng.choice(MAIL_DOMAINS)}"


def render(rng: random.Random, template_id: str, gender: str, template: str) -> kit.Row:
    female = gender == "f"
    given = rng.choice(GIVEN_F if female else GIVEN_M)
    surname = rng.choice(SURNAMES)
    full = _name(rng, female)
    postcode, town = rng.choice(TOWNS)
    slots: dict[str, tuple[str, str | None]] = {
        "P": (full, "personne"),
        "P2": (_name(rng, rng.random() < 0.5), "personne"),
        "P3": (_name(rng, rng.random() < 0.5), "personne"),
        "G": (given, "personne"),
        "g": (kit.fold(given).lower() if rng.random() < 0.5 else given.lower(), "personne"),
        "S": (surname, "personne"),
        "SU": (surname.upper(), "personne"),
        "L": (f"{given} {surname}".lower(), "personne"),
        "INI": (_initials(rng), "personne"),
        "TEL": (_phone(rng), "telephone"),
        "MAIL": (_mail(rng, full), "email"),
        "DDN": (_birth(rng), "date_naissance"),
        "ADR": (_address(rng), "adresse"),
        "ADR2": (f"{_street(rng)}\n{_town(rng)}", "adresse"),
        "ADRD": (
            rng.choice(
                (
                    f"bât. {rng.choice('ABCD')}, esc. {rng.randint(1, 4)}, {_address(rng)}",
                    f"appartement {rng.randint(2, 90)}, {rng.randint(1, 9)}e étage, "
                    f"{_address(rng)}",
                    f"Résidence Les Alizés, bâtiment {rng.choice('ABC')}, {_address(rng)}",
                )
            ),
            "adresse",
        ),
        "ADRLD": (
            f"{rng.choice(('lieu-dit', 'hameau de', 'Lieu-dit'))} {rng.choice(PLACES)}"
            f"{rng.choice((', ', ' / ', ' – '))}{_town(rng)}",
            "adresse",
        ),
        "ADRBOX": (
            f"{_street(rng)}, BP {rng.randint(10, 990)}, {postcode} {town} Cedex",
            "adresse",
        ),
        "adr": (_address(rng).lower().replace(" – ", ", "), "adresse"),
        "STREETNUM": (_street(rng), "adresse"),
        "TOWN": (town, None),
    }
    text, spans = kit.fill(template, slots)
    # "j'habite au 12 rue X à Ajaccio": the town said with the street is the address's.
    if template_id == "adr8":
        (a, _, category), town_value = spans[0], slots["TOWN"][0]
        end = text.index(town_value, a) + len(town_value)
        spans[0] = (a, end, category)
    return _row(text, spans, f"dev10_{template_id}")


def _row(text: str, spans: list[kit.Span], template: str) -> kit.Row:
    return kit.row(text, spans, template, SPLIT)


def generate() -> list[kit.Row]:
    rng = random.Random(SEED)
    rows = kit.unique(render(rng, *template) for template in TEMPLATES for _ in range(RENDERS))
    # The look-alikes are fixed sentences, kept even where a rendered line says the same.
    for number, text in enumerate(LOOK_ALIKES, 1):
        rows.append(_row(text, [], f"dev10_neg{number}"))
    return rows


counts = kit.counts


def write(rows: list[kit.Row], path: Path = OUT) -> None:
    kit.write(rows, path)


if __name__ == "__main__":
    kit.rewrite(generate(), OUT)
