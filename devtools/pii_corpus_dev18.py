"""An eighteenth development set for the personal-data guard: tests/data/pii_dev18.jsonl.

Written after test11 was read, by the hand that wrote that round's name and address rules
("names12"), in its own words, to check that they carry: a person named after what a file
says they are (a taxpayer, an owner, a farmer, a manager, a judge, the secretary of a town
hall, a boarding-school supervisor), in a list of roles without articles (polling-station
minutes, proxies), a month that is a given name ("Mai", "Avril"), "nom X" in a record without
colons, a subject after the fillers of speech ("bon ben", "euh donc"), "X indique que", a name
made of particles ("Mme LE DU"), a name before "Résidence", "je soussigné(e)", "certifie
héberger", "je mapelle", a given name after "en préfecture de"; homes with abbreviated streets
("ch.", "chem.", "rte.", "qu.", "r. des"), a kilometre point on Polynesia's coast road, a Basque
house and its quartier, a change of address told to an office, a lower-case street named after
a date, a lieu-dit after a date. Half the sentences are look-alikes: "du Robert", "au Marin"
(communes of Martinique), "la douane de Nancy", exhibitions and talks about famous people, the
LGBT+ officer, compound adjectives of nationality ("franco-allemande"), an office's change of
address and its abbreviated streets, a kilometre point on a road without a town, a monument
and its quartier, "en préfecture de Vannes", roles without names.

Names are the writer's own (Polynesian, Kanak, Basque, Breton, Corsican, Malagasy, Antillean,
Vietnamese), none from faker's lists. The line format and labelling rules are those of
tests/data/PII_SETS.md. Deterministic: `python -m devtools.pii_corpus_dev18` rewrites the file.
"""

from __future__ import annotations

import random
from pathlib import Path

from devtools import pii_corpus_kit as kit

SEED = 20261218
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii_dev18.jsonl"
SPLIT = "dev18"
RENDERS = 6

# Given names: rarer ones no list holds, and known ones (for "en préfecture de …").
GIVEN_F = ("Tehani", "Ainhoa", "Vaiana", "Nohaïla", "Soizic", "Heiarii", "Mireille", "Lalaina")
GIVEN_M = ("Manutea", "Haritz", "Teiki", "Goulven", "Kaena", "Jean-Baptiste", "Rindra", "Xan")
KNOWN_GIVEN = ("Maëlle", "Gaël", "Yanis", "Anouk", "Tiphaine", "Loïc", "Pascaline", "Ewen")
RARE = (
    "Teriitehau", "Iturralde", "Santoni", "Naisseline", "Wapotro", "Randriamanana",
    "Elissalde", "Haristoy", "Quillivic", "Gouriou", "Tetuanui", "Razafindrakoto",
    "Saint-Aimé", "Bernadac", "Zanetti", "Jaouen",
)  # fmt: skip
MONTH_GIVEN = ("Mai", "Avril")
PARTICLE_NAMES = ("LE DU", "Le Du")
ROLES_F = ("La contribuable", "La propriétaire", "L'exploitante", "La gérante", "L'éleveuse")
ROLES_M = ("Le contribuable", "Le propriétaire", "L'exploitant", "Le gérant", "Le juge")
STAFF_F = ("secrétaire de mairie", "surveillante d'internat", "agente d'accueil")
STAFF_M = ("secrétaire de mairie", "surveillant d'internat", "technicien de permanence")
FILLERS = ("bon ben", "euh donc", "oui alors", "bref", "bon alors euh")
ACTS = (
    "tient le guichet 3 cet après-midi",
    "parle avec le notaire au téléphone",
    "précise qu'il manque la page 2",
    "porte les dossiers au greffe demain",
)  # fmt: skip
TOWNS = (
    ("29200", "Brest"), ("64310", "Ascain"), ("20250", "Corte"), ("97200", "Fort-de-France"),
    ("56000", "Vannes"), ("22300", "Lannion"), ("40100", "Dax"), ("97300", "Cayenne"),
)  # fmt: skip
PACIFIC = (("98718", "Punaauia"), ("98716", "Pirae"), ("98709", "Mahina"), ("98711", "Paea"))
BASQUE = (("64310", "Ascain"), ("64480", "Ustaritz"), ("64220", "Saint-Jean-Pied-de-Port"))
HOUSES = ("Argialde", "Haranea", "Ithurria", "Bordaberria", "Etxetoa")
QUARTIERS = ("Amotz", "Karrika", "Bourg", "Olha", "Ibarron")
ABBREVIATED = (
    "{N} ch. des Salines", "chem. de la Croix-Blanche", "{N} rte. de Plouaret",
    "qu. de la Fosse", "r. des Tanneurs", "{N} av. de la Libération", "{N} ch. du Moulin-Vert",
    "ch. de Kerampont",
)  # fmt: skip
STREETS = ("rue des Goélands", "impasse du Lavoir", "allée des Cerisiers", "rue de Kerlouan")
LIEUX = ("Kerhuel", "Le Haut-Bois", "La Ravine-Sèche", "Les Trois-Chênes")
RESIDENCES = ("Les Hortensias", "Le Clos Fleuri", "Les Alizés", "Bellevue")
DATE_STREETS = ("rue du 11-novembre-1918", "avenue du 8-mai-1945", "rue du 19-mars-1962")

T = tuple[str, str, str]
# Slots: {P} a given name and a family name, {PL} the same in lower case, {R}/{R2} a family
# name alone, {RU} in capitals, {G} a given name alone (no span), {GK} a known given name alone,
# {MG} a month that is a given name with a family name, {PN} a name made of particles, {ROLE}
# a role with its article (no span), {STAFF} a job at a town hall or a school (no span), {FIL}
# fillers of speech (no span), {ACT} what someone does (no span), {ABR} a home on an
# abbreviated street, {PK} a kilometre point in Polynesia, {HOUSE} a Basque house, {ADR} a home,
# {LADR} a lower-case home on a street named after a date, {LIEU} a lieu-dit, {RES} a residence
# name (no span), {NUM} a number (no span), {DDN} a date of birth, {DATE} a date that is none.
TEMPLATES: list[T] = [
    ("ro1", "f", "{ROLE} {P} conteste le montant de la redevance, que lui répondre ?"),
    ("ro2", "m", "{ROLE} {R} n'a pas renvoyé le formulaire signé."),
    ("st1", "f", "Notre {STAFF} {P} demande à poser ses congés en août."),
    ("st2", "m", "Le {STAFF} {R} sera absent à la réunion de rentrée."),
    ("li1", "m", "Composition du bureau n° {NUM} : présidente {P}, assesseurs {R} et {R2}."),
    ("li2", "f", "Procuration n° {NUM} — mandante {P} ; mandataire {R2}."),
    ("mg1", "f", "{MG} viendra retirer son récépissé mercredi matin."),
    ("mg2", "f", "Peux-tu transmettre le compte rendu à {MG} avant vendredi ?"),
    ("nm1", "m", "dossier {NUM}4417 nom {RU}"),
    ("fi1", "m", "{FIL} {P} {ACT}"),
    ("sa1", "f", "Dans sa réponse, {R} indique qu'elle a déjà envoyé le justificatif."),
    ("pn1", "f", "Visite à domicile chez Mme {PN} prévue mardi après-midi."),
    ("re1", "m", "Courrier à adresser à {P} Résidence {RES} - Bât B"),
    ("so1", "f", "Je soussignée {P}, domiciliée {ADR}, atteste sur l'honneur l'exactitude."),
    ("he1", "m", "Le maire certifie héberger {R} à titre gratuit depuis le {DATE}."),
    ("ma1", "m", "slt je mapelle {P} j'ai pas reçu mon avis de taxe"),
    ("pf1", "f", "Merci de décaler le créneau en sous-préfecture de {GK}."),
    ("ab1", "f", "Nouvelle adresse de {P} : {ABR}"),
    ("pk1", "m", "{P} habite désormais {PK}, le courrier doit suivre."),
    ("ho1", "f", "Pour la famille {R} : {HOUSE}."),
    ("ca1", "m", "{P} a signalé son changement d'adresse à la CPAM : {ADR}. À reporter ?"),
    ("lo1", "f", "adresse perso de {PL} : {LADR}"),
    ("ld1", "m", "Fiche contact : {P}, né le {DDN}, lieu-dit {LIEU}."),
]
LOOK_ALIKE_TEMPLATES = (
    "La douane du Robert a intercepté {NUM} kg de tabac de contrebande.",
    "Le port de plaisance du Marin affiche complet jusqu'en septembre.",
    "Les agriculteurs du Léon manifestent devant la sous-préfecture.",
    "La douane de Nancy recrute {NUM} vacataires pour l'été.",
    "Exposition sur {FAMOUS} à la bibliothèque jusqu'au {DATE}.",
    "Conférence sur {FAMOUS} samedi à l'auditorium : rédige l'annonce.",
    "Le référent LGBTQIA+ du rectorat tient une permanence le jeudi.",
    "Les élèves de la section franco-{ADJ} partent en échange en mai.",
    "Le CCAS a transmis son changement d'adresse à la préfecture : {OFFICE}.",
    "Mairie annexe de {TOWN} : {OFFICE}, ouverte le samedi matin.",
    "Travaux au PK {NUM},5 de la RN {NUM} : circulation alternée la nuit.",
    "Visite de la Maison Carrée, quartier Écusson, 30000 Nîmes, pour les stagiaires.",
    "Le rendez-vous en préfecture de {TOWN} est décalé à la semaine prochaine.",
    "Bureau de vote : président de séance et assesseurs restent à désigner.",
    "Cérémonie du 8 Mai Place des Martyrs à 11 h, prévoir les gerbes.",
    "Dans sa circulaire, la DGFiP précise que le délai est prolongé.",
    "Le marché du {WEEKDAY} au {PLACE} est déplacé sur le parking de la mairie.",
    "Colloque sur {FAMOUS} : prévoir {NUM} badges pour les intervenants.",
    "Le lycée propose un parcours italo-{ADJ} dès la seconde, combien de places ?",
    "Le tribunal a changé d'adresse : {OFFICE}, accueil du public le matin.",
    "Point kilométrique PK {NUM} de la route de ceinture : éclairage en panne.",
    "Notre secrétaire de mairie part à la retraite, comment publier le poste ?",
    "Le gérant de la régie de recettes doit déposer les fonds le {DATE}.",
    "Bon ben la réunion de {WEEKDAY} est annulée, on décale en {MONTH}.",
)
PLACES = ("Robert", "François", "Marin", "Léon")
WEEKDAYS = ("lundi", "mardi", "jeudi", "samedi")
FAMOUS = ("Victor Schœlcher", "Olympe de Gouges", "Aimé Césaire", "Marie Curie", "Jean Jaurès")
ADJECTIVES = ("allemande", "espagnole", "italienne", "américaine")
OFFICE_STREETS = ("{N} ch. du Stade", "{N} av. de la Gare", "{N} qu. des Douanes")


def _home(rng: random.Random) -> str:
    postcode, town = rng.choice(TOWNS)
    number = f"{rng.randint(1, 140)}{rng.choice(('', ' bis', ' ter'))}"
    return f"{number} {rng.choice(STREETS)}, {postcode} {town}"


def _abbreviated(rng: random.Random) -> str:
    postcode, town = rng.choice(TOWNS)
    street = rng.choice(ABBREVIATED).replace("{N}", str(rng.randint(1, 90)))
    return f"{street}, {postcode} {town}" if rng.random() < 0.6 else f"{street} {postcode} {town}"


def _milestone(rng: random.Random) -> str:
    postcode, town = rng.choice(PACIFIC)
    side = rng.choice(("mer", "montagne"))
    return f"PK {rng.randint(1, 40)},{rng.randint(0, 9)} côté {side}, {postcode} {town}"


def _house(rng: random.Random) -> str:
    postcode, town = rng.choice(BASQUE)
    return f"maison {rng.choice(HOUSES)}, quartier {rng.choice(QUARTIERS)}, {postcode} {town}"


def _lower_home(rng: random.Random) -> str:
    postcode, town = rng.choice(TOWNS)
    return f"{rng.randint(1, 60)} {rng.choice(DATE_STREETS)} {postcode} {town.lower()}"


def render(rng: random.Random, template_id: str, gender: str, template: str) -> kit.Row:
    female = gender == "f"
    given = rng.choice(GIVEN_F if female else GIVEN_M)
    rare, rare2 = rng.sample(RARE, 2)
    postcode, town = rng.choice(TOWNS)
    slots: dict[str, tuple[str, str | None]] = {
        "P": (f"{given} {rare}", "personne"),
        "PL": (f"{given} {rare}".lower(), "personne"),
        "R": (rare, "personne"),
        "R2": (rare2, "personne"),
        "RU": (rare.upper(), "personne"),
        "GK": (rng.choice(KNOWN_GIVEN), "personne"),
        "MG": (f"{rng.choice(MONTH_GIVEN)} {rare}", "personne"),
        "PN": (rng.choice(PARTICLE_NAMES), "personne"),
        "ROLE": (rng.choice(ROLES_F if female else ROLES_M), None),
        "STAFF": (rng.choice(STAFF_F if female else STAFF_M), None),
        "FIL": (rng.choice(FILLERS), None),
        "ACT": (rng.choice(ACTS), None),
        "ABR": (_abbreviated(rng), "adresse"),
        "PK": (_milestone(rng), "adresse"),
        "HOUSE": (_house(rng), "adresse"),
        "ADR": (_home(rng), "adresse"),
        "LADR": (_lower_home(rng), "adresse"),
        "LIEU": (f"{rng.choice(LIEUX)}, {postcode} {town}", "adresse"),
        "RES": (rng.choice(RESIDENCES), None),
        "NUM": (str(rng.randint(1, 12)), None),
        "DDN": (kit.date(rng, 1950, 2005), "date_naissance"),
        "DATE": (kit.date(rng, 2023, 2026), None),
    }
    if template_id == "ld1":  # the lieu-dit's word is the address's
        template = template.replace("lieu-dit {LIEU}", "{LIEU}")
        slots["LIEU"] = (f"lieu-dit {slots['LIEU'][0]}", "adresse")
    return _fill(template, slots, f"dev18_{template_id}")


def _fill(template: str, slots: kit.Slots, template_id: str) -> kit.Row:
    return kit.row(*kit.fill(template, slots), template_id, SPLIT)


def look_alike(rng: random.Random, number: int, template: str) -> kit.Row:
    postcode, town = rng.choice(TOWNS)
    office = rng.choice(OFFICE_STREETS).replace("{N}", str(rng.randint(1, 90)))
    slots: dict[str, tuple[str, str | None]] = {
        "NUM": (str(rng.randint(2, 40)), None),
        "FAMOUS": (rng.choice(FAMOUS), None),
        "DATE": (kit.date(rng, 2024, 2026), None),
        "ADJ": (rng.choice(ADJECTIVES), None),
        "OFFICE": (f"{office}, {postcode} {town}", None),
        "TOWN": (town, None),
        "PLACE": (rng.choice(PLACES), None),
        "WEEKDAY": (rng.choice(WEEKDAYS), None),
        "MONTH": (rng.choice(kit.MONTHS), None),
    }
    return _fill(template, slots, f"dev18_neg{number}")


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
