# ruff: noqa: E501  (the templates are sentences: one per line, whatever their length)
"""An eighth held-out set for the personal-data guard (issue 18), by an independent hand.

`python -m devtools.pii_corpus_test8` writes tests/data/pii_test8.jsonl: French sentences as
public servants type them (hospital administration, prisons, schools, prefectures, labour
inspection, social services, the army, overseas territories), in chat, e-mails with quoted
replies and signatures, HR forms, minutes, CSV lines, JSON-ish tool exports, tickets, OCR text
with broken lines and voice transcripts without punctuation. Every item carries its offsets;
the spans are computed while the sentence is assembled and checked against their slot values.

Written without reading the guard (handlers/privacy), the other generators or the other sets.
The labelling rules are those of tests/data/PII_SETS.md. Deterministic: fixed seed, name lists
from faker (fr_FR, fr_BE, fr_CA, fr_CH, fr_DZ, pt_PT, es_ES, it_IT, tr_TR, vi_VN) and this
file's own lists of real communes with their postcodes (mainland, Corsica and overseas).
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MADE_WITH_FAKER = "40.63.0"
SEED = 20261203
SPLIT = "test8"
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii_test8.jsonl"
RENDERS = 7

IDENTIFIERS = (
    "email",
    "iban",
    "nir",
    "carte",
    "telephone",
    "date_naissance",
    "adresse",
    "personne",
)
TOPICS = (
    "sante",
    "religion",
    "opinion_politique",
    "syndicat",
    "origine",
    "vie_sexuelle",
    "genetique_biometrie",
    "infraction",
)

# Values ----------------------------------------------------------------------------------------

# Real communes with a real postcode (hand list): mainland, Corsica (2A, 2B), overseas (971-976).
COMMUNES_MAINLAND = [
    ("69003", "Lyon"),
    ("13005", "Marseille"),
    ("31500", "Toulouse"),
    ("59000", "Lille"),
    ("35000", "Rennes"),
    ("44100", "Nantes"),
    ("67200", "Strasbourg"),
    ("33800", "Bordeaux"),
    ("06300", "Nice"),
    ("34070", "Montpellier"),
    ("21000", "Dijon"),
    ("87100", "Limoges"),
    ("63000", "Clermont-Ferrand"),
    ("25000", "Besançon"),
    ("86000", "Poitiers"),
    ("29200", "Brest"),
    ("76600", "Le Havre"),
    ("80000", "Amiens"),
    ("57050", "Metz"),
    ("54000", "Nancy"),
    ("45000", "Orléans"),
    ("37000", "Tours"),
    ("49100", "Angers"),
    ("72000", "Le Mans"),
    ("14000", "Caen"),
    ("51100", "Reims"),
    ("62300", "Lens"),
    ("93200", "Saint-Denis"),
    ("93100", "Montreuil"),
    ("94000", "Créteil"),
    ("92000", "Nanterre"),
    ("95000", "Cergy"),
    ("78000", "Versailles"),
    ("91000", "Évry-Courcouronnes"),
    ("77000", "Melun"),
    ("84000", "Avignon"),
    ("30900", "Nîmes"),
    ("66000", "Perpignan"),
    ("64000", "Pau"),
    ("40100", "Dax"),
    ("09100", "Pamiers"),
    ("46000", "Cahors"),
    ("12000", "Rodez"),
    ("15000", "Aurillac"),
    ("23000", "Guéret"),
    ("48000", "Mende"),
    ("05000", "Gap"),
    ("04000", "Digne-les-Bains"),
    ("73000", "Chambéry"),
    ("74000", "Annecy"),
    ("38100", "Grenoble"),
    ("42100", "Saint-Étienne"),
    ("26000", "Valence"),
    ("07200", "Aubenas"),
    ("01000", "Bourg-en-Bresse"),
    ("39000", "Lons-le-Saunier"),
    ("70000", "Vesoul"),
    ("90000", "Belfort"),
    ("88000", "Épinal"),
    ("55000", "Bar-le-Duc"),
    ("08000", "Charleville-Mézières"),
    ("02000", "Laon"),
    ("60000", "Beauvais"),
    ("27000", "Évreux"),
    ("61000", "Alençon"),
    ("50000", "Saint-Lô"),
    ("22000", "Saint-Brieuc"),
    ("56000", "Vannes"),
    ("85000", "La Roche-sur-Yon"),
    ("79000", "Niort"),
    ("17000", "La Rochelle"),
    ("16000", "Angoulême"),
    ("24000", "Périgueux"),
    ("47000", "Agen"),
    ("82000", "Montauban"),
    ("81000", "Albi"),
    ("11000", "Carcassonne"),
    ("65000", "Tarbes"),
    ("32000", "Auch"),
    ("19000", "Tulle"),
    ("03000", "Moulins"),
    ("58000", "Nevers"),
    ("18000", "Bourges"),
    ("36000", "Châteauroux"),
    ("41000", "Blois"),
    ("28000", "Chartres"),
    ("89000", "Auxerre"),
    ("10000", "Troyes"),
    ("52000", "Chaumont"),
    ("71000", "Mâcon"),
    ("43000", "Le Puy-en-Velay"),
    ("53000", "Laval"),
    ("62000", "Arras"),
    ("59300", "Valenciennes"),
    ("92330", "Sceaux"),
    ("62500", "Saint-Omer"),
    ("92500", "Rueil-Malmaison"),
    ("29000", "Quimper"),
    ("77290", "Mitry-Mory"),
    ("95500", "Gonesse"),
    ("76500", "Elbeuf"),
    ("31770", "Colomiers"),
    ("84300", "Cavaillon"),
    ("69500", "Bron"),
    ("93000", "Bobigny"),
    ("13200", "Arles"),
    ("38200", "Vienne"),
    ("33400", "Talence"),
    ("59140", "Dunkerque"),
    ("68100", "Mulhouse"),
    ("83000", "Toulon"),
    ("13100", "Aix-en-Provence"),
]
COMMUNES_CORSE = [
    ("20000", "Ajaccio"),
    ("20090", "Ajaccio"),
    ("20200", "Bastia"),
    ("20260", "Calvi"),
    ("20250", "Corte"),
    ("20137", "Porto-Vecchio"),
    ("20220", "L'Île-Rousse"),
    ("20110", "Propriano"),
    ("20600", "Furiani"),
    ("20167", "Mezzavia"),
]
COMMUNES_DOM = [
    ("97110", "Pointe-à-Pitre"),
    ("97122", "Baie-Mahault"),
    ("97139", "Les Abymes"),
    ("97100", "Basse-Terre"),
    ("97200", "Fort-de-France"),
    ("97232", "Le Lamentin"),
    ("97220", "La Trinité"),
    ("97300", "Cayenne"),
    ("97320", "Saint-Laurent-du-Maroni"),
    ("97310", "Kourou"),
    ("97400", "Saint-Denis"),
    ("97410", "Saint-Pierre"),
    ("97430", "Le Tampon"),
    ("97460", "Saint-Paul"),
    ("97600", "Mamoudzou"),
    ("97615", "Pamandzi"),
    ("97650", "Bandraboua"),
    ("97500", "Saint-Pierre"),
    ("97133", "Saint-Barthélemy"),
    ("97150", "Saint-Martin"),
]
STREET_TYPES = (
    ["rue"] * 40
    + ["avenue"] * 8
    + ["chemin"] * 8
    + ["impasse"] * 6
    + ["allée"] * 6
    + ["place"] * 3
    + ["route"] * 6
    + ["boulevard"] * 4
    + ["square"]
    + ["quai"]
    + ["cours"]
    + ["passage"]
    + ["sentier"]
    + ["ruelle"]
    + ["montée"]
)
STREET_NAMES = [
    "de la Gare",
    "des Lilas",
    "Pasteur",
    "Victor Hugo",
    "du Moulin",
    "des Écoles",
    "de la République",
    "Jean Jaurès",
    "du Général de Gaulle",
    "des Acacias",
    "de l'Église",
    "du Stade",
    "des Peupliers",
    "Gambetta",
    "Voltaire",
    "Anatole France",
    "Jules Ferry",
    "des Mimosas",
    "du Port",
    "de la Mairie",
    "des Vignes",
    "du Lavoir",
    "des Tanneurs",
    "Paul Bert",
    "Émile Zola",
    "de Verdun",
    "du 8 Mai 1945",
    "des Cerisiers",
    "de la Fontaine",
    "Saint-Exupéry",
    "des Bleuets",
    "du Château d'Eau",
    "de Bretagne",
    "Aristide Briand",
    "Louise Michel",
    "des Genêts",
    "du Four à Chaux",
    "des Prés",
    "de la Croix Blanche",
    "Condorcet",
    "Lamartine",
    "du Bois Joli",
    "des Hirondelles",
    "Simone Veil",
]
STREET_NAMES_DOM = [
    "Victor Schœlcher",
    "de la Ravine",
    "des Flamboyants",
    "du Morne Vert",
    "des Filaos",
    "Félix Éboué",
    "Gaston Monnerville",
    "des Manguiers",
    "Lumina Sophie",
    "du Front de Mer",
]
LIEUX_DITS = [
    "Les Granges",
    "La Maison Neuve",
    "Le Pré Haut",
    "Les Bruyères",
    "La Croix du Bois",
    "Le Coudray",
    "Les Essarts",
    "La Brosse",
    "Kerlann",
    "Le Fief",
]
RESIDENCES = [
    "Les Tilleuls",
    "Le Clos des Vignes",
    "Les Jardins d'Arcadie",
    "Le Parc",
    "Les Oliviers",
    "Bellevue",
    "Les Terrasses du Lac",
    "Le Hameau Fleuri",
]
# Places, buildings and streets that carry a person's name: never a person here.
EPONYM_PLACES = [
    "le lycée Victor-Hugo",
    "le collège Jean-Moulin",
    "l'hôpital Georges-Pompidou",
    "le CHU Félix-Guyon",
    "la maison d'arrêt de la Santé",
    "le quartier Maréchal-Foch",
    "l'école Marie-Curie",
    "la caserne Mortier",
    "le centre pénitentiaire de Fleury-Mérogis",
    "le groupe scolaire Jacques-Prévert",
    "la médiathèque Simone-Veil",
    "l'hôpital Robert-Debré",
    "le lycée Gaston-Monnerville",
    "la base aérienne Mérignac",
    "le gymnase Léo-Lagrange",
    "l'EHPAD Jeanne-Jugan",
    "le centre hospitalier Sainte-Anne",
    "la salle Aimé-Césaire",
    "le collège Louise-Michel",
    "le stade Pierre-de-Coubertin",
    "le boulevard Raspail",
    "la rue Émile-Zola",
    "l'avenue du Maréchal-Leclerc",
    "le pont Gustave-Flaubert",
    "le lycée Jean-Baptiste-Say",
]
INST_MAILS = [
    "accueil@ars-occitanie.fr",
    "pref-etrangers@gironde.gouv.fr",
    "drh.gh@chu-nantes.fr",
    "ce.0750001a@ac-paris.fr",
    "dreets-ara.ut69@dreets.gouv.fr",
    "greffe.tj-lyon@justice.fr",
    "mairie@ville-rodez.fr",
    "spip.75@justice.fr",
    "cellule-rps@interieur.gouv.fr",
    "contact@cnil.fr",
    "dpo@ars.sante.fr",
    "support-si@ac-creteil.fr",
    "courrier@pref-guadeloupe.gouv.fr",
    "bureau.rh@defense.gouv.fr",
    "ccas@mairie-gap.fr",
    "secretariat.direction@ch-bastia.fr",
    "inspection.travail.ut973@dreets.gouv.fr",
]
SWITCHBOARDS = [
    "01 40 07 60 60",
    "05 56 90 60 60",
    "04 72 11 69 11",
    "0 800 130 000",
    "3939",
    "3646",
    "01 49 55 49 55",
    "05 90 99 39 00",
    "02 40 08 33 33",
    "04 95 29 00 00",
    "0262 40 77 77",
    "01 44 18 18 18",
    "3919",
    "0 806 000 245",
]
INST_ADDRESSES = [
    "Préfecture de la Gironde, 2 esplanade Charles-de-Gaulle, CS 41397, 33077 Bordeaux Cedex",
    "Tribunal judiciaire, 67 rue Servient, 69433 Lyon Cedex 03",
    "DREETS, 5 place Jean Jaurès, 31000 Toulouse",
    "CHU de La Réunion, allée des Topazes, 97400 Saint-Denis",
    "Rectorat, 12 boulevard d'Alsace-Lorraine, BP 1234, 31019 Toulouse Cedex",
    "Centre pénitentiaire, route de Saint-Paul, 97460 Saint-Paul",
    "Préfecture de Mayotte, BP 676, 97600 Mamoudzou",
    "Mairie, place du Général de Gaulle, 20200 Bastia",
    "Direction des ressources humaines, 14 rue Saint-Dominique, 75007 Paris",
    "CCAS, 3 rue Victor Hugo, 05000 Gap",
    "ARS Guyane, 66 avenue des Flamboyants, CS 40696, 97336 Cayenne Cedex",
]
UNIONS = ["CGT", "FO", "CFDT", "SUD", "UNSA", "FSU", "CFE-CGC", "CFTC", "Solidaires", "SNES"]
PARTIES = ["LFI", "RN", "PS", "LR", "Renaissance", "EELV", "PCF", "Reconquête", "Horizons"]
MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
SHORT_MONTHS = [
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
]
WEST_AFRICAN_LAST = [
    "Diallo",
    "Traoré",
    "Koné",
    "Camara",
    "Diop",
    "Ndiaye",
    "Sow",
    "Cissé",
    "Konaté",
    "Fofana",
    "Touré",
    "Keïta",
    "Bamba",
    "Sylla",
    "Kanté",
    "Coulibaly",
    "Ba",
    "Sy",
    "Diarra",
    "Mbemba",
]
WEST_AFRICAN_FIRST = {
    "M": ["Mamadou", "Moussa", "Ibrahima", "Oumar", "Seydou", "Boubacar", "Cheikh", "Abdoulaye"],
    "F": ["Fatoumata", "Aminata", "Awa", "Mariama", "Kadiatou", "Aïssatou", "Ramatoulaye"],
}
MAHORAN_LAST = ["Ahamada", "Soilihi", "Madi", "Abdallah", "Attoumani", "Combo", "Houmadi"]
MAHORAN_FIRST = {
    "M": ["Anli", "Nassur", "Faissoili", "Zaidou"],
    "F": ["Anzize", "Zaharia", "Moinaecha"],
}
ANTILLES_LAST = ["Jean-Baptiste", "Lubin", "Mérion", "Célestine", "Rosamond", "Alexis", "Nicolas"]


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _weighted(values: Sequence[str], power: float) -> tuple[list[str], list[float]]:
    return list(values), [1 / (rank + 1) ** power for rank in range(len(values))]


@dataclass
class Pools:
    """Name lists from faker, with weights; built once."""

    last: dict[str, tuple[list[str], list[float]]] = field(default_factory=dict)
    first: dict[str, dict[str, tuple[list[str], list[float]]]] = field(default_factory=dict)

    @classmethod
    def build(cls) -> Pools:
        import importlib

        def provider(locale: str) -> Any:
            return importlib.import_module(f"faker.providers.person.{locale}").Provider

        def names(values: Any) -> tuple[list[str], list[float]]:
            if isinstance(values, dict):
                items = list(values.items())
                return [k for k, _ in items], [float(v) for _, v in items]
            return _weighted(list(dict.fromkeys(values)), 0.3)

        pools = cls()
        fr = provider("fr_FR")
        pools.last["fr"] = _weighted(list(dict.fromkeys(fr.last_names)), 0.5)
        for origin, locale in (
            ("be", "fr_BE"),
            ("ca", "fr_CA"),
            ("ch", "fr_CH"),
            ("dz", "fr_DZ"),
            ("pt", "pt_PT"),
            ("es", "es_ES"),
            ("it", "it_IT"),
            ("tr", "tr_TR"),
            ("vi", "vi_VN"),
        ):
            pools.last[origin] = names(provider(locale).last_names)
        pools.last["wa"] = _weighted(WEST_AFRICAN_LAST, 0.3)
        pools.last["yt"] = _weighted(MAHORAN_LAST, 0.2)
        pools.last["an"] = _weighted(ANTILLES_LAST, 0.2)
        both = set(fr.first_names_male) & set(fr.first_names_female)
        for origin, locale in (
            ("fr", "fr_FR"),
            ("be", "fr_BE"),
            ("ca", "fr_CA"),
            ("ch", "fr_CH"),
            ("dz", "fr_DZ"),
            ("pt", "pt_PT"),
            ("es", "es_ES"),
            ("it", "it_IT"),
            ("tr", "tr_TR"),
            ("vi", "vi_VN"),
        ):
            p = provider(locale)
            male, female = names(p.first_names_male), names(p.first_names_female)
            common = (set(male[0]) & set(female[0])) | both
            pools.first[origin] = {
                "M": (
                    [n for n in male[0] if n not in common],
                    [w for n, w in zip(*male, strict=True) if n not in common],
                ),
                "F": (
                    [n for n in female[0] if n not in common],
                    [w for n, w in zip(*female, strict=True) if n not in common],
                ),
            }
        pools.first["wa"] = {g: _weighted(v, 0.2) for g, v in WEST_AFRICAN_FIRST.items()}
        pools.first["yt"] = {g: _weighted(v, 0.2) for g, v in MAHORAN_FIRST.items()}
        pools.first["an"] = pools.first["fr"]
        return pools


# Origins of the people named, roughly as in France's population (first names follow the
# surname's origin, except for a share of French given names on foreign-origin surnames).
ORIGINS = [
    ("fr", 62),
    ("be", 5),
    ("ch", 2),
    ("ca", 2),
    ("dz", 11),
    ("wa", 4),
    ("pt", 4),
    ("es", 2),
    ("it", 3),
    ("tr", 2),
    ("vi", 1.5),
    ("yt", 0.7),
    ("an", 0.8),
]
PARTICLES = ["de", "de la", "du", "Le", "d'", "Da"]


@dataclass
class Person:
    gender: str
    first: str
    last: str

    @property
    def female(self) -> bool:
        return self.gender == "F"


def _pick(rng: random.Random, pool: tuple[list[str], list[float]]) -> str:
    return rng.choices(pool[0], weights=pool[1])[0]


def make_person(rng: random.Random, pools: Pools, gender: str | None = None) -> Person:
    gender = gender or rng.choice("MF")
    origin = rng.choices([o for o, _ in ORIGINS], weights=[w for _, w in ORIGINS])[0]
    last = _pick(rng, pools.last[origin])
    first_origin = origin if rng.random() < 0.75 else "fr"
    first = _pick(rng, pools.first[first_origin][gender])
    roll = rng.random()
    if origin == "fr" and roll < 0.06:
        particle = rng.choice(PARTICLES[:4])
        last = f"{particle} {_pick(rng, pools.last['fr'])}"
    elif origin == "fr" and roll < 0.09:
        other = _pick(rng, pools.last["fr"])
        if other != last:
            last = f"{last}-{other}"
    elif origin in ("fr", "be") and roll < 0.14 and gender == "F":
        pair = _pick(rng, pools.first["fr"]["F"])
        if "-" not in first and pair != first:
            first = f"{rng.choice(['Marie', 'Anne'])}-{pair}" if rng.random() < 0.5 else first
    elif origin in ("fr", "be") and roll < 0.14:
        base = rng.choice(["Jean", "Pierre", "Louis"])
        if "-" not in first and first != base:
            first = f"{base}-{first}"
    return Person(gender, first, last)


# Identifiers ---------------------------------------------------------------------------------


def luhn_complete(digits: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(digits + "0")):
        d = int(ch)
        if i % 2:
            d *= 2
            d -= 9 if d > 9 else 0
        total += d
    return digits + str((10 - total % 10) % 10)


def card(rng: random.Random) -> str:
    kind = rng.choice(["visa", "visa", "mc", "amex"])
    if kind == "amex":
        body = luhn_complete(rng.choice(["34", "37"]) + "".join(rng.choices("0123456789", k=12)))
        return rng.choice([f"{body[:4]} {body[4:10]} {body[10:]}", body])
    prefix = "4" if kind == "visa" else str(rng.randint(51, 55))
    body = luhn_complete(prefix + "".join(rng.choices("0123456789", k=15 - len(prefix))))
    return rng.choice(
        [
            " ".join(body[i : i + 4] for i in range(0, 16, 4)),
            body,
            "-".join(body[i : i + 4] for i in range(0, 16, 4)),
        ]
    )


def _iban_check(country: str, bban: str) -> str:
    numeric = "".join(str(int(c, 36)) for c in bban + country) + "00"
    return f"{98 - int(numeric) % 97:02d}"


def iban(rng: random.Random) -> str:
    country = rng.choices(["FR", "BE", "DE"], weights=[8, 1, 1])[0]
    if country == "FR":
        bank, branch = f"{rng.randint(10000, 30999)}", f"{rng.randint(0, 99999):05d}"
        account = "".join(rng.choices("0123456789", k=11))
        key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
        bban = f"{bank}{branch}{account}{key:02d}"
    elif country == "BE":
        head = "".join(rng.choices("0123456789", k=10))
        key = int(head) % 97 or 97
        bban = f"{head}{key:02d}"
    else:
        bban = "".join(rng.choices("0123456789", k=18))
    full = country + _iban_check(country, bban) + bban
    if rng.random() < 0.7:
        return " ".join(full[i : i + 4] for i in range(0, len(full), 4))
    return full


def nir(rng: random.Random, person: Person, year: int, month: int) -> str:
    sex = "2" if person.female else "1"
    dept = rng.choice(["75", "69", "13", "59", "2A", "2B", "33", "971", "974", "93", "99"])
    if len(dept) == 3:
        place = dept + f"{rng.randint(1, 99):02d}"
    else:
        place = dept + f"{rng.randint(1, 400):03d}"
    order = f"{rng.randint(1, 999):03d}"
    body = f"{sex}{year % 100:02d}{month:02d}{place}{order}"
    numeric = body.replace("2A", "19").replace("2B", "18")
    key = 97 - int(numeric) % 97
    if rng.random() < 0.6:
        return (
            f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} {body[10:13]} {key:02d}"
        )
    return f"{body}{key:02d}"


def phone(rng: random.Random, kind: str = "mobile") -> str:
    if kind == "dom":
        head = rng.choice(["0690", "0694", "0696", "0639", "0692"])
        digits = head + "".join(rng.choices("0123456789", k=6))
    elif kind == "fixe":
        digits = rng.choice(["01", "02", "03", "04", "05"]) + "".join(
            rng.choices("0123456789", k=8)
        )
    else:
        digits = rng.choice(["06", "07"]) + "".join(rng.choices("0123456789", k=8))
    pairs = [digits[i : i + 2] for i in range(0, 10, 2)]
    style = rng.random()
    if style < 0.45:
        return " ".join(pairs)
    if style < 0.6:
        return ".".join(pairs)
    if style < 0.75:
        return digits
    if style < 0.88:
        return "+33 " + digits[1] + " " + " ".join(pairs[1:])
    return "+33" + digits[1:]


def birth(rng: random.Random) -> tuple[int, int, str]:
    year, month, day = rng.randint(1958, 2004), rng.randint(1, 12), rng.randint(1, 28)
    style = rng.randrange(8)
    text = [
        f"{day:02d}/{month:02d}/{year}",
        f"{day}/{month}/{year}",
        f"{day:02d}.{month:02d}.{year % 100:02d}",
        f"{'1er' if day == 1 else day} {MONTHS[month - 1]} {year}",
        f"{year}-{month:02d}-{day:02d}",
        f"{day:02d}-{month:02d}-{year}",
        f"{day} {SHORT_MONTHS[month - 1]} {year}",
        f"{day:02d}{month:02d}{year}",
    ][style]
    return year, month, text


def plain_date(rng: random.Random) -> str:
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2019, 2027)
    return rng.choice(
        [
            f"{day:02d}/{month:02d}/{year}",
            f"{day} {MONTHS[month - 1]} {year}",
            f"{day} {MONTHS[month - 1]}",
        ]
    )


PERSONAL_DOMAINS = [
    "gmail.com",
    "orange.fr",
    "free.fr",
    "hotmail.fr",
    "laposte.net",
    "yahoo.fr",
    "sfr.fr",
    "outlook.fr",
    "icloud.com",
    "wanadoo.fr",
]
WORK_DOMAINS = [
    "interieur.gouv.fr",
    "justice.fr",
    "ac-montpellier.fr",
    "chu-lille.fr",
    "aphp.fr",
    "intradef.gouv.fr",
    "dreets.gouv.fr",
    "ars.sante.fr",
    "developpement-durable.gouv.fr",
    "dgfip.finances.gouv.fr",
    "ac-guadeloupe.fr",
    "chu-reunion.fr",
    "ch-bastia.fr",
]


def _local(text: str) -> str:
    return re.sub(r"[^a-z-]", "", _plain(text).lower().replace(" ", "-").replace("'", ""))


def email_of(rng: random.Random, person: Person, work: bool) -> str:
    first, last = _local(person.first), _local(person.last)
    if work:
        local = rng.choice(
            [f"{first}.{last}", f"{first}.{last}", f"{first[0]}.{last}", f"{first}.{last}2"]
        )
        return f"{local}@{rng.choice(WORK_DOMAINS)}"
    local = rng.choice(
        [
            f"{first}.{last}",
            f"{first}{last}{rng.randint(1, 99)}",
            f"{first[0]}{last}",
            f"{last}.{first}",
            f"{first}_{last}",
            f"{first}.{last}{rng.randint(60, 99)}",
        ]
    )
    return f"{local}@{rng.choice(PERSONAL_DOMAINS)}"


def _num(rng: random.Random) -> str:
    n = str(
        rng.choices(
            [rng.randint(1, 20), rng.randint(21, 150), rng.randint(151, 900)], weights=[6, 3, 1]
        )[0]
    )
    return n + rng.choices(["", " bis", " ter", "bis", "B"], weights=[85, 7, 3, 3, 2])[0]


def _street(rng: random.Random, dom: bool = False) -> str:
    names = STREET_NAMES_DOM if dom else STREET_NAMES
    return f"{rng.choice(STREET_TYPES)} {rng.choice(names)}"


def address(rng: random.Random, form: str) -> str:
    if form == "any":
        form = rng.choices(
            ["std", "ml", "nonum", "res", "ld", "dom", "corse", "bp", "upper"],
            weights=[40, 14, 8, 8, 6, 10, 5, 3, 6],
        )[0]
    commune = COMMUNES_MAINLAND
    if form in ("dom", "bp"):
        commune = COMMUNES_DOM
    elif form == "corse":
        commune = COMMUNES_CORSE
    cp, town = rng.choice(commune)
    sep = rng.choice([", ", ", ", " ", " - "])
    street = _street(rng, dom=form in ("dom", "bp"))
    if form == "ml":
        return f"{_num(rng)} {street}\n{cp} {town}"
    if form == "nonum":
        return f"{street}{sep}{cp} {town}"
    if form == "res":
        flat = (
            f"appt {rng.randint(1, 60)}" if rng.random() < 0.6 else f"apt. {rng.randint(100, 450)}"
        )
        building = (
            f"bât. {rng.choice('ABCDEFG')}"
            if rng.random() < 0.6
            else f"bâtiment {rng.choice('ABCD')}{rng.randint(1, 4)}"
        )
        joint = "\n" if rng.random() < 0.3 else ", "
        return f"Résidence {rng.choice(RESIDENCES)}, {building}, {flat}{joint}{_num(rng)} {street}{joint}{cp} {town}"
    if form == "ld":
        lead = rng.choice(["lieu-dit ", "Lieu-dit ", "", "LD "])
        return f"{lead}{rng.choice(LIEUX_DITS)}{sep}{cp} {town}"
    if form == "bp":
        return f"BP {rng.randint(10, 999)}{sep}{cp} {town}"
    if form == "upper":
        return f"{_num(rng)} {street}{sep}{cp} {town}".upper()
    if form == "street":
        return f"{_num(rng)} {street}"
    return f"{_num(rng)} {street}{sep}{cp} {town}"


# Topic phrases: "F|" or "M|" restricts the owner's gender; {e} and {=masc|fem} agree with it.
TOPIC_V: dict[str, list[str]] = {
    "sante": [
        "est en arrêt maladie depuis trois semaines",
        "a fait un AVC en mars",
        "suit une chimiothérapie",
        "est diabétique de type 1",
        "souffre d'une sclérose en plaques",
        "est sous antidépresseurs",
        "a été opéré{e} du genou",
        "fait des crises d'épilepsie",
        "est suivi{e} en addictologie",
        "F|est enceinte de cinq mois",
        "a une RQTH",
        "est en mi-temps thérapeutique",
        "a été hospitalisé{e} en psychiatrie",
        "est atteint{e} de la maladie de Crohn",
        "a fait un burn-out",
        "est asthmatique",
        "porte un pacemaker",
        "vit avec le VIH",
        "est sourd{e} de l'oreille gauche",
        "a un trouble bipolaire",
        "est en rémission d'un lymphome",
        "prend un traitement contre l'hypertension",
        "est en congé de longue maladie",
        "s'est cassé le poignet",
        "a une hernie discale",
        "a un problème d'alcool",
        "est dialysé{e} trois fois par semaine",
        "a fait une fausse couche",
        "est en dépression",
        "a eu un infarctus",
        "est malvoyant{e}",
        "a la maladie de Parkinson",
    ],
    "religion": [
        "est musulman{e} pratiquant{e}",
        "fait le ramadan",
        "F|porte le voile",
        "va à la messe tous les dimanches",
        "est de confession juive",
        "a demandé un congé pour Yom Kippour",
        "est témoin de Jéhovah",
        "est bouddhiste",
        "s'est converti{e} au catholicisme",
        "ne mange pas de porc pour raisons religieuses",
        "fait sa prière à midi",
        "M|porte la kippa",
        "est protestant{e}",
        "est catéchiste dans sa paroisse",
        "fréquente la mosquée du quartier",
        "respecte le shabbat",
        "est évangéliste",
        "s'absente pour l'Aïd",
        "est athée",
        "a fait le pèlerinage à La Mecque",
        "est orthodoxe",
        "M|est sikh et porte le turban",
        "jeûne pendant le carême",
        "est adventiste",
        "chante à la chorale de la synagogue",
        "M|est diacre",
        "a quitté l'islam",
        "mange casher",
    ],
    "syndicat": [
        "est syndiqué{e} à la CGT",
        "est délégué{e} FO",
        "a sa carte à la CFDT",
        "siège pour SUD au CSA",
        "est adhérent{e} de l'UNSA",
        "milite à Solidaires",
        "est élu{e} CFE-CGC au CSE",
        "est représentant{e} de la FSU",
        "a une décharge syndicale",
        "a rejoint la CFTC",
        "est secrétaire de section CGT",
        "a fait grève avec SUD Santé",
        "tient le stand de la CFDT",
        "est mandaté{e} par l'UNSA",
        "cotise au SNES",
        "est militant{e} syndical{e}",
        "est sur la liste FO aux élections professionnelles",
        "est trésori{=er|ère} de la section Force Ouvrière",
        "est délégué{e} syndical{e} CGT",
        "est adhérent{e} du SNUipp",
        "fait partie du bureau de l'UNSA Police",
    ],
    "opinion_politique": [
        "est encarté{e} à LFI",
        "milite chez Renaissance",
        "vote RN depuis des années",
        "est adhérent{e} des Républicains",
        "colle des affiches pour le PS",
        "milite chez les Écologistes",
        "s'est présenté{e} aux municipales sous l'étiquette PCF",
        "est proche de Reconquête",
        "est anarchiste",
        "siège dans l'opposition municipale",
        "est royaliste",
        "va aux réunions du MoDem",
        "est gaulliste convaincu{e}",
        "a fait campagne pour Horizons",
        "distribue des tracts pour Lutte ouvrière",
        "est au bureau local de LR",
        "est d'extrême droite",
        "se dit communiste",
        "est secrétaire de la fédération PS",
        "est militant{e} insoumis{e}",
        "a voté Mélenchon",
        "est macroniste",
    ],
    "origine": [
        "est d'origine algérienne",
        "est né{e} au Sénégal",
        "a des origines vietnamiennes",
        "est rom",
        "est d'origine maghrébine",
        "a la peau noire",
        "est kabyle",
        "vient d'une famille turque",
        "est originaire des Comores",
        "est métis{=|se}",
        "a des parents marocains",
        "est d'ascendance malienne",
        "est arménien{=|ne}",
        "est issu{e} de la communauté gitane",
        "a grandi au Congo",
        "est d'origine haïtienne",
        "est d'origine tamoule",
        "est portugais{e} d'origine",
        "est d'origine chinoise",
        "est peul{e}",
        "est d'origine ivoirienne",
        "est de type asiatique",
    ],
    "vie_sexuelle": [
        "est homosexuel{le}",
        "F|est lesbienne",
        "M|est gay",
        "est bisexuel{le}",
        "a fait son coming out",
        "est trans",
        "est en transition de genre",
        "est non binaire",
        "a une liaison avec son chef",
        "est sur Grindr",
        "est pansexuel{le}",
        "a changé de prénom à l'état civil après sa transition",
        "M|vit en couple avec un homme",
        "F|vit en couple avec une femme",
        "trompe son conjoint",
        "est asexuel{le}",
        "est hétéro",
        "fréquente un club échangiste",
        "est en couple avec une personne du même sexe",
        "a un amant",
        "a été vu{e} sur une appli de rencontres gay",
    ],
    "genetique_biometrie": [
        "a une mutation BRCA2",
        "a fait un test ADN de paternité",
        "a la mucoviscidose",
        "a fait enregistrer ses empreintes digitales pour la pointeuse",
        "a envoyé son ADN à un site de généalogie",
        "a un caryotype anormal",
        "M|a la myopathie de Duchenne",
        "a fait séquencer son génome",
        "a la maladie de Huntington",
        "a fait enrôler son iris au contrôle d'accès",
        "a la trisomie 21",
        "a le syndrome de l'X fragile",
        "a la drépanocytose",
        "pointe avec la reconnaissance faciale",
        "a fait relever son réseau veineux de la paume",
        "a une hémochromatose génétique",
        "est porteu{=r|se} d'une anomalie génétique",
        "a déposé son empreinte vocale pour le serveur vocal",
    ],
    "infraction": [
        "a été condamné{e} pour vol",
        "est en garde à vue",
        "porte un bracelet électronique",
        "a fait de la prison",
        "a été interpellé{e} pour conduite en état d'ivresse",
        "a perdu son permis pour excès de vitesse",
        "est sous contrôle judiciaire",
        "a été mis{e} en examen pour escroquerie",
        "a une condamnation à son casier",
        "a été flashé{e} à 160 km/h",
        "a pris six mois avec sursis",
        "est incarcéré{e} à Fresnes",
        "a été verbalisé{e} pour usage de stupéfiants",
        "fait l'objet d'une plainte pour harcèlement",
        "a été reconnu{e} coupable de violences conjugales",
        "est en détention provisoire",
        "doit effectuer un TIG",
        "est en semi-liberté",
        "a été déféré{e} au parquet",
        "a été condamné{e} pour fraude aux prestations",
        "est fiché{e} pour trafic",
        "a un sursis probatoire",
    ],
}
# Noun phrases that name the topic of a person ("à cause de ...", "vu ...").
TOPIC_N: dict[str, list[str]] = {
    "sante": [
        "son cancer",
        "sa dépression",
        "sa grossesse",
        "son diabète",
        "sa hernie",
        "son hospitalisation",
        "son handicap",
        "ses crises d'angoisse",
        "son opération du dos",
        "son accident cardiaque",
        "sa fibromyalgie",
        "son trouble autistique",
    ],
    "religion": [
        "sa foi musulmane",
        "sa conversion au judaïsme",
        "son jeûne du ramadan",
        "sa pratique religieuse",
        "sa fête de Pessah",
        "ses obligations de prière",
        "son engagement dans sa paroisse",
        "son appartenance aux Témoins de Jéhovah",
    ],
    "syndicat": [
        "son mandat CGT",
        "son adhésion à FO",
        "sa décharge d'activité syndicale",
        "ses heures de délégation CFDT",
        "son engagement à SUD",
        "sa carte UNSA",
    ],
    "opinion_politique": [
        "son engagement au RN",
        "son militantisme insoumis",
        "sa carte au PS",
        "son mandat d'opposition",
        "ses tracts pour Reconquête",
        "son adhésion à LR",
    ],
    "origine": [
        "ses origines algériennes",
        "sa couleur de peau",
        "ses origines africaines",
        "son origine rom",
        "son accent antillais et ses origines",
    ],
    "vie_sexuelle": [
        "son homosexualité",
        "sa transition",
        "sa bisexualité",
        "son coming out",
        "sa liaison avec le directeur",
        "son orientation sexuelle",
    ],
    "genetique_biometrie": [
        "ses empreintes digitales",
        "son profil ADN",
        "son test génétique",
        "sa photo biométrique de reconnaissance faciale",
        "son gabarit d'iris",
        "son résultat de séquençage BRCA",
    ],
    "infraction": [
        "sa condamnation pour vol",
        "sa garde à vue",
        "son placement sous bracelet",
        "son casier judiciaire chargé",
        "sa suspension de permis pour alcoolémie",
        "sa détention",
        "sa mise en examen",
    ],
}
PARTNER = {
    "M": ["son compagnon", "son mari", "son conjoint", "son copain", "son époux", "son petit ami"],
    "F": ["sa compagne", "sa femme", "sa conjointe", "sa copine", "son épouse", "sa petite amie"],
}
PARTNER_FIRST = {
    "M": ["le compagnon", "le mari", "le conjoint", "l'époux"],
    "F": ["la compagne", "la femme", "la conjointe", "l'épouse"],
}
COUPLE_VERBS = [
    "vit avec",
    "est pacsé{e} avec",
    "habite avec",
    "est marié{e} avec",
    "part en congés avec",
    "a emménagé avec",
    "va se marier avec",
    "élève ses enfants avec",
    "a adopté un enfant avec",
]
CIV = {
    "M": ["M.", "M.", "Monsieur", "Mr", "M", "monsieur", "Mr."],
    "F": ["Mme", "Mme", "Madame", "Mme.", "madame", "Mlle"],
}


# Assembly --------------------------------------------------------------------------------------

SLOT = re.compile(r"\{([^{}]+)\}")
Piece = tuple[str, str | None]  # text, category (None: not an item)


class Render:
    """One rendering of a template: people, values and the pieces of the sentence."""

    def __init__(self, rng: random.Random, pools: Pools) -> None:
        self.rng = rng
        self.pools = pools
        self.people: dict[str, Person] = {}
        self.births: dict[str, tuple[int, int, str]] = {}

    def person(self, index: str) -> Person:
        if index not in self.people:
            self.people[index] = make_person(self.rng, self.pools)
        return self.people[index]

    def agree(self, text: str, who: Person) -> str:
        def one(match: re.Match[str]) -> str:
            body = match.group(1)
            if body == "e":
                return "e" if who.female else ""
            if body == "le":
                return "le" if who.female else ""
            if body.startswith("="):
                masc, fem = body[1:].split("|")
                return fem if who.female else masc
            raise ValueError(body)

        return SLOT.sub(one, text)

    def name(self, who: Person, form: str) -> str:
        rng = self.rng
        if form == "name":
            form = rng.choices(
                ["fl", "Lf", "fL", "lf", "low", "fl2"], weights=[42, 16, 12, 8, 8, 14]
            )[0]
        elif form == "cname":
            form = rng.choices(["l", "fl", "L", "Lf", "l"], weights=[40, 20, 15, 10, 15])[0]
        f, last = who.first, who.last
        return {
            "fl": f"{f} {last}",
            "fl2": f"{f} {last}",
            "Lf": f"{last.upper()} {f}",
            "fL": f"{f} {last.upper()}",
            "lf": f"{last} {f}",
            "low": f"{f} {last}".lower(),
            "l": last,
            "L": last.upper(),
            "first": f,
            "last": last,
            "LAST": last.upper(),
        }[form]

    def birth(self, index: str) -> tuple[int, int, str]:
        if index not in self.births:
            self.births[index] = birth(self.rng)
        return self.births[index]

    def topic(self, category: str, who: Person, nouns: bool) -> str:
        options = (TOPIC_N if nouns else TOPIC_V)[category]
        allowed = [o for o in options if not o.startswith(("F|", "M|")) or o[0] == who.gender]
        choice = self.rng.choice(allowed)
        return self.agree(choice.split("|", 1)[1] if choice[:2] in ("F|", "M|") else choice, who)

    def slot(self, body: str) -> list[Piece]:
        rng = self.rng
        if body.startswith("!"):
            category, text = body[1:].split(":", 1)
            return [(text, category)]
        if "=" in body[:2] and "|" in body:
            index = body[0] if body[0] in "23" else "1"
            return [(self.agree("{" + body.lstrip("23") + "}", self.person(index)), None)]
        match = re.fullmatch(r"([A-Za-z_]+?)([23]?)(?::([a-z_]+))?", body)
        if not match:
            raise ValueError(body)
        kind, index, arg = match.group(1), match.group(2) or "1", match.group(3)
        if kind in ("e", "le"):
            return [(self.agree("{" + kind + "}", self.person(index)), None)]
        if kind in ("il", "Il"):
            word = "elle" if self.person(index).female else "il"
            return [(word.capitalize() if kind == "Il" else word, None)]
        if kind in ("name", "cname", "first", "last", "LAST"):
            return [(self.name(self.person(index), kind), "personne")]
        if kind in ("civ", "civg"):
            who = self.person(index)
            if kind == "civ" and rng.random() < 0.1:
                return [(rng.choice(["Dr", "Me", "Dr.", "docteur"]), None)]
            return [(rng.choice(CIV[who.gender]), None)]
        if kind in ("email", "wemail"):
            return [(email_of(rng, self.person(index), kind == "wemail"), "email")]
        if kind == "tel":
            return [
                (
                    phone(rng, rng.choices(["mobile", "fixe", "dom"], weights=[7, 2, 1])[0]),
                    "telephone",
                )
            ]
        if kind in ("mob", "teld", "telf"):
            return [
                (phone(rng, {"mob": "mobile", "teld": "dom", "telf": "fixe"}[kind]), "telephone")
            ]
        if kind == "dob":
            return [(self.birth(index)[2], "date_naissance")]
        if kind == "nir":
            year, month, _ = self.birth(index)
            return [(nir(rng, self.person(index), year, month), "nir")]
        if kind == "iban":
            return [(iban(rng), "iban")]
        if kind == "card":
            return [(card(rng), "carte")]
        if kind == "adr":
            return [(address(rng, arg or "any"), "adresse")]
        if kind in ("T", "N"):
            assert arg
            return [(self.topic(arg, self.person(index), kind == "N"), arg)]
        if kind in ("C", "CN", "CNc"):
            return [self.couple(self.person(index), kind)]
        return [(self.negative(kind, arg), None)]

    def couple(self, who: Person, kind: str) -> Piece:
        rng = self.rng
        same = rng.random() < 0.72
        partner_gender = who.gender if same else ("F" if who.gender == "M" else "M")
        label = "vie_sexuelle" if same else None
        if kind == "C":
            verb = self.agree(rng.choice(COUPLE_VERBS), who)
            return (f"{verb} {rng.choice(PARTNER[partner_gender])}", label)
        noun = rng.choice(PARTNER_FIRST[partner_gender])
        return (noun[0].upper() + noun[1:] if kind == "CNc" else noun, label)

    def negative(self, kind: str, arg: str | None) -> str:
        rng = self.rng
        digits = "0123456789"
        if kind == "inst_mail":
            return rng.choice(INST_MAILS)
        if kind == "switch":
            return rng.choice(SWITCHBOARDS)
        if kind == "inst_adr":
            return rng.choice(INST_ADDRESSES)
        if kind == "eponym":
            return rng.choice(EPONYM_PLACES)
        if kind == "dossier":
            return rng.choice(["DOS-", "n° ", "RH/", "SAT-", "2025/", "PR-"]) + "".join(
                rng.choices(digits, k=rng.randint(5, 8))
            )
        if kind == "siret":
            return (
                " ".join(["".join(rng.choices(digits, k=3)) for _ in range(3)])
                + " "
                + "".join(rng.choices(digits, k=5))
            )
        if kind == "siren":
            return "".join(rng.choices(digits, k=9))
        if kind == "cmd":
            return "0" + "".join(rng.choices(digits, k=9))
        if kind == "fileno":
            body = luhn_complete("".join(rng.choices(digits, k=15)))
            return (
                body if rng.random() < 0.5 else " ".join(body[i : i + 4] for i in range(0, 16, 4))
            )
        if kind == "date":
            return plain_date(rng)
        if kind == "commune":
            return rng.choice(COMMUNES_MAINLAND + COMMUNES_DOM + COMMUNES_CORSE)[1]
        if kind == "num":
            return str(rng.randint(2, 40))
        if kind == "union":
            return rng.choice(UNIONS)
        if kind == "party":
            return rng.choice(PARTIES)
        if kind == "ticket":
            return rng.choice(["INC", "REQ", "GLPI-", "#"]) + "".join(rng.choices(digits, k=7))
        if kind == "hour":
            return f"{rng.randint(8, 18)}h{rng.choice(['', '00', '15', '30', '45'])}"
        if kind == "matricule":
            return "".join(rng.choices(digits, k=rng.choice([6, 7, 8])))
        if kind == "year":
            return str(rng.randint(2020, 2027))
        if kind == "month":
            return rng.choice(MONTHS)
        if kind == "dept":
            return rng.choice(
                [
                    "Gironde",
                    "Haute-Corse",
                    "Guadeloupe",
                    "Mayotte",
                    "Rhône",
                    "Nord",
                    "Guyane",
                    "La Réunion",
                    "Corse-du-Sud",
                    "Martinique",
                ]
            )
        if kind == "montant":
            return f"{rng.randint(12, 4800)},{rng.randint(0, 99):02d} €"
        raise ValueError(kind)

    def pieces(self, template: str) -> list[Piece]:
        out: list[Piece] = []
        position = 0
        for match in SLOT.finditer(template):
            out.append((template[position : match.start()], None))
            out.extend(self.slot(match.group(1)))
            position = match.end()
        out.append((template[position:], None))
        return out


def assemble(pieces: Sequence[Piece], lower: bool = False) -> tuple[str, list[list[Any]]]:
    """The sentence and its spans, computed while concatenating; each span is checked."""
    text = ""
    spans: list[list[Any]] = []
    for value, category in pieces:
        if lower:
            value = value.lower()
        if category is not None:
            stripped = value.strip()
            start = len(text) + value.find(stripped)
            spans.append([start, start + len(stripped), category])
        text += value
    for start, end, category in spans:
        assert text[start:end] and text[start:end] == text[start:end].strip(), (text, category)
    return text, spans


def line(text: str, spans: list[list[Any]], template_id: str) -> dict[str, Any]:
    pii: dict[str, list[str]] = {}
    topics: list[str] = []
    for start, end, category in spans:
        if category in IDENTIFIERS:
            pii.setdefault(category, []).append(text[start:end])
        elif category in TOPICS:
            if category not in topics:
                topics.append(category)
        else:
            raise ValueError(category)
    return {
        "text": text,
        "pii": pii,
        "topics": topics,
        "spans": spans,
        "split": SPLIT,
        "template": template_id,
    }


# Templates -------------------------------------------------------------------------------------
# A leading "~" lowers the whole sentence, values included. ⦃ and ⦄ stand for literal braces.

NAMES = [
    "Bonjour, pouvez-vous préparer un courrier de convocation pour {civ} {cname} au bureau des entrées jeudi à {hour} ?",
    "~slt tu px me faire un mail pr {first} qui reprend lundi au standard stp",
    "Objet : affectation\nL'agent {name} rejoint la 3e compagnie du 2e RIMa à compter du {date}.",
    "nom;prenom;service;poste\n{LAST};{first};urgences;IDE\n{LAST2};{first2};bloc;ASH",
    '⦃"agent": "{name}", "grade": "adjoint administratif", "site": "{commune}", "statut": "titulaire"⦄',
    "Ticket {ticket} | Demandeur : {name} | Statut : en attente | Objet : accès à la messagerie",
    "CONVOCAT ION\n{civ} {LAST} {first}\nest prié{e} de se prés enter au serv ice des ressour ces humaines",
    "~euh oui bonjour c'est {first} {last} du service état civil je vous rappelle pour le dossier de mariage voilà merci",
    "CR réunion du {date}\nPrésents : {name}, {name2}, {civ3} {cname3}\nOrdre du jour : budget, plan de formation",
    "@1M @2M Le sergent-chef {LAST} est désigné chef de poste ce week-end, le caporal {name2} en renfort.",
    "Madame la directrice, l'élève {first} {last} de CM2 n'a pas rendu l'autorisation de sortie.",
    "@1F L'infirmière de nuit {name} demande à échanger sa garde du {date} avec {first2}.",
    "Peux-tu traduire en anglais : « {civ} {cname} vous recevra à l'accueil de la préfecture » ?",
    "Contrôle chantier : le gérant {name} n'a pas pu présenter le registre unique du personnel.",
    "~la famille {last} a rdv avec l'assistante sociale mardi, c'est mme {cname2} qui suit le dossier",
    "Bonjour, je suis {first} {last}, agent à la DEAL de Mayotte, je cherche le formulaire de télétravail.",
    "Rédige une réponse à {civ} {cname}, qui conteste le montant de sa redevance ({montant}).",
    "Liste des lauréats : 1. {LAST} {first} – 2. {LAST2} {first2} – 3. {LAST3} {first3}",
    "> Le {date} à {hour}, {name} a écrit :\n> Je vous transmets le planning modifié.\nPeux-tu résumer ce fil ?",
    "~tu peux rappeler {last} de la compta ? ça fait 3 fois qu'il/elle appelle",
    "Félicitations à {name} pour sa titularisation au grade de secrétaire administrative !",
    "Tableau de service – nuit du {date}\nMirador 1 | {LAST} | surveillant\nMirador 2 | {LAST2} | premier surveillant\nPCI | {LAST3} | surveillant",
    "Procuration : je soussigné{e} {name}, donne pouvoir à {name2} pour retirer mon pli recommandé.",
    "~ok donc {first} et {first2} font la perm samedi et {first3} dimanche, je préviens le chef",
    "Cordialement,\n{name}\nAdjoint{e} au chef du bureau des élections\nPréfecture de {dept}",
    "Pouvez-vous m'indiquer comment saisir les congés de {civ} {cname} dans le logiciel de gestion des temps ?",
    "@1F Le jury était composé de {civ} {cname}, présidente, et de {civ2} {cname2}, assesseur.",
    "URGENT : {LAST} {first} attend à l'accueil de la sous-préfecture depuis {hour}, qui peut le/la recevoir ?",
    "Pour info, {first} {last} remplace {first2} {last2} au secrétariat du proviseur jusqu'à la Toussaint.",
    "~jai oublié le nom du gars de la DDFIP... c'est {name} je crois, tu confirmes ?",
    "Merci d'ajouter {name} et {name2} à la liste de diffusion « cellule de crise cyclone ».",
    "@1M @2M L'adjudant {LAST} et le maréchal des logis {LAST2} assureront l'escorte du convoi.",
    "Entretien professionnel de {civ} {cname} : n+1 {name2}, date prévue le {date}.",
    "@1F ATTESTATION\nJe soussignée {name}, directrice de l'école, certifie que {first2} {last2} est inscrit(e) pour l'année {year}.",
    "Bjr, {name} souhaite savoir si sa demande de mutation en Martinique a été transmise à la CAP.",
    "Remerciements à {civ} {cname} et à {civg2} {cname2} pour l'organisation de la journée portes ouvertes de la caserne.",
    "Agent instructeur : {LAST} {first} / Valideur : {LAST2} {first2} / Date : {date}",
    "A l'attention de {civ} {LAST} - Service de la paie - objet : rappel de traitement",
    "Peux-tu me dire si {name} fait toujours partie de l'équipe mobile de la PMI ?",
    "~rdv annulé avec {civ} {cname}, il faut le recaler la semaine pro",
]

ADDRESSES = [
    "Bonjour, je change d'adresse au 1er du mois : {adr}. Pouvez-vous mettre à jour mon dossier agent ?",
    "~nouvelle adresse perso de {first} : {adr} (pour l'envoi du bulletin de paie papier)",
    "FICHE DE RENSEIGNEMENTS\nNom : {LAST}\nPrénom : {first}\nAdresse : {adr}\nTél. : {tel}",
    "Le contrôleur s'est rendu au domicile de {civ} {cname}, {adr}, en l'absence de l'employeur.",
    "Les époux {last} habitent {adr:nonum}, la visite à domicile est prévue le {date}.",
    "~envoyer le courrier chez {name}, {adr:res}",
    "Bonjour, mon adresse à partir de janvier sera {adr:dom} (mutation au rectorat).",
    "{civ} {cname}, domicilié{e} {adr:bp}, sollicite une attestation de domicile.",
    "Mon domicile fiscal est {adr:corse}, est-ce que je dépends du SIP d'Ajaccio ?",
    "L'exploitant {name}, demeurant {adr:ld}, conteste le relevé de compteur.",
    "Expéditeur :\n{name}\n{adr:ml}\n\nDestinataire :\n{inst_adr}",
    "NOM/PRENOM: {LAST} {first}\nADRESSE: {adr:upper}\nCODE AGENT: {matricule}",
    "~jhabite {adr:street} depuis 2 ans et la poste me dit que l'adresse existe pas, je fais comment",
    "La famille d'accueil, {name} et {name2}, réside {adr}.",
    "Adresse de l'enfant : chez sa mère, {adr}",
    "matricule;nom;adresse\n{matricule};{LAST};{adr:std}",
    '⦃"beneficiaire": "{name}", "adresse": "{adr:std}", "aide": "ASE"⦄',
    "Adresse de permission du soldat {LAST} : {adr}",
    "Demande de logement social {dossier} – demandeur {name}, actuellement hébergé{e} {adr:res}",
    "Responsable légal : {name}, {adr}, {mob}",
    "Peux-tu corriger le publipostage ? L'adresse de {civ} {cname} doit être {adr:ml}",
    "J'ai déménagé : ancienne adresse {adr:std}, nouvelle adresse {adr}. Merci de transmettre à la paie.",
    "~adresse de facturation = {adr:std} (c'est chez moi pas au bureau)",
    "Le véhicule de service a été ramené au domicile de l'agent, {adr}, faute de place au garage.",
    "Pour la visite médicale d'embauche, la convocation part à l'adresse perso : {adr:ml}",
    "Bénéficiaire du chèque énergie : {civ} {cname} – {adr:dom}",
    "VOTRE ADRESSE : {adr:upper}\nVOTRE NUMÉRO : {matricule}",
    "Bonjour, je suis rentré{e} de Wallis, mon adresse est de nouveau {adr} depuis le {date}.",
    "L'huissier a signifié l'acte à {civ} {cname}, {adr:nonum}, à personne.",
    "~c quoi l'adresse de {first} deja ? {adr:any} ou elle a bougé ?",
]

CONTACTS = [
    "Tu peux joindre {first} sur son portable : {mob}, {il} est en télétravail jeudi.",
    "Mon mail perso c'est {email} si jamais la messagerie pro plante encore.",
    "--\n{name}\nChargé{e} de mission RH\nLigne directe : {telf}\n{wemail}",
    "Contact famille : {civ} {cname} ({tel})",
    "~mon num a changé c maintenant le {mob}",
    "> De : {name} <{email}>\n> Envoyé : {date}\n> Objet : RE: planning des astreintes\nTu peux me proposer une réponse polie ?",
    "Pour la Guyane, le correspondant est {name}, joignable au {teld} ou à {wemail}.",
    "Ticket {ticket} ouvert par {wemail} : mot de passe expiré, rappeler au {tel}.",
    "~message de {first} rappeler au {mob} pour le permis de construire",
    "Personne à prévenir en cas d'urgence : {name} – {mob}",
    "Bonjour, pouvez-vous écrire à {wemail} pour lui transmettre la note de service ?",
    "De: {email}\nÀ: {inst_mail}\nObjet: candidature spontanée\nMerci de me dire quoi répondre.",
    "Le numéro perso de l'adjudant-chef {LAST}, c'est le {mob}, à n'utiliser qu'en cas d'alerte.",
    "{name} | {wemail} | {telf} | bureau 214",
    "Pouvez-vous rédiger un SMS court pour {first} ({mob}) lui rappelant la réunion de {hour} ?",
    "~envoie ça à {email} et mets {email2} en copie",
]

IDS = [
    "Pour le remboursement des frais de mission, voici mon RIB : {iban} (titulaire : {name}).",
    "~le n° de sécu de {first} c'est {nir} je te le mets pour la DPAE",
    "NIR : {nir}\nNom d'usage : {LAST}\nPrénom : {first}\nDate de naissance : {dob}",
    "Le débit de {montant} a été fait avec la carte {card} de {civ} {cname}, qui conteste l'opération.",
    "Bonjour, peux-tu vérifier si ce numéro de sécurité sociale est bien formé : {nir} ?",
    "Né{e} le {dob} à {commune}, {name} s'est inscrit{e} au concours de greffier.",
    "DDN {dob} | {LAST} {first} | {mob}",
    "~ma cb {card} a été refusée sur chorus dt c normal ??",
    "Merci de ne pas laisser le numéro de carte {card} dans le ticket {ticket}.",
    "nom,prenom,nir,date_naissance\n{LAST},{first},{nir},{dob}",
    '⦃"id": {matricule}, "nom": "{LAST}", "naissance": "{dob}", "iban": "{iban}"⦄',
    "Le militaire du rang {name}, né{e} le {dob}, est muté au 9e RIMa à Cayenne.",
    "Veuillez verser l'indemnité sur le compte {iban} au nom de {civ} {cname}.",
    "Mon numéro de sécurité sociale est le {nir}, pouvez-vous retrouver mon dossier ?",
    "Identité vérifiée : {LAST} {first}, né{e} le {dob}, NIR {nir}.",
    "~date de naissance : {dob}, inscription au centre de loisirs (commune : {commune})",
    "Carte corporate perdue : n° {card}, porteur {name}. Faut-il faire opposition tout de suite ?",
    "Pouvez-vous reformuler ce mail ? « Bonjour, suite à votre demande voici mon IBAN {iban}, cordialement {first} »",
    "Agent : {name} — né(e) le {dob} — matricule {matricule}",
    "~c quoi la clé de ce nir {nir} ? le logiciel le refuse",
]

RECORDS = [
    "Fiche navette\nAgent : {civ} {cname}\nAdresse : {adr}\nTél. portable : {mob}\nMail perso : {email}\nDate de naissance : {dob}",
    "~infos pour le dossier : {name} né le {dob} habite {adr:std} tel {mob}",
    "Bonjour,\nJe m'appelle {name}, je suis contractuel{le} au CHU depuis mars. Mon adresse : {adr:ml}. Vous pouvez me joindre au {tel} ou par mail ({email}).\nBien à vous",
    "{LAST};{first};{dob};{adr:std};{mob};{email}",
    "Signalement de {name} (DDN {dob}) : {il} vit {adr} avec sa grand-mère, contacter la CRIP.",
    "Bénéficiaire : {name}\nIBAN : {iban}\nAdresse : {adr}\nContact : {tel}",
    "Peux-tu remplir le Cerfa avec ces infos : {civ} {cname}, {adr:std}, né{e} le {dob}, n° SS {nir}",
    '⦃"nom": "{LAST}", "prenom": "{first}", "tel": "{mob}", "mail": "{email}", "adresse": "{adr:std}"⦄',
    "~transcription répondeur bonjour c'est {first} {last} j'habite {adr:std} et je voulais savoir où en est ma demande de carte grise rappelez moi au {mob}",
    "Dossier de {name} : né le {dob} à {commune}, domicilié {adr}, tél. {tel}, courriel {email}, compte {iban}.",
]

SANTE = [
    "Bonjour, {civ} {cname} {T:sante}, pouvez-vous m'aider à rédiger un courrier pour aménager son poste ?",
    "~{first} {T:sante} donc {il} sera pas là pr la réunion de service",
    "Objet : absence\n{name} est absent{e} à cause de {N:sante}, merci d'adapter le planning de garde.",
    "CR cellule de maintien dans l'emploi : l'agent {LAST} {T:sante} ; proposition de reclassement au standard.",
    "L'élève {first} {T:sante}, l'infirmière scolaire demande une réunion avec les parents.",
    "@1M Le caporal {LAST} {T:sante}, merci de prévenir la section.",
    "Agent : {name} | Motif : {!sante:suivi oncologique} | Reprise : {date}",
    "{civ} {cname} m'a confié avoir {!sante:un cancer du pancréas}, comment organiser son télétravail ?",
    "~mon mari {!sante:a alzheimer} et je dois l'accompagner aux rdv, j'ai droit à quoi comme congé ?",
    "Je {!sante:suis sous insuline} et je voudrais savoir si j'ai droit à un frigo dans mon bureau.",
    "Peux-tu reformuler : « Suite à {N:sante}, {civ} {cname} reprendra à mi-temps le {date} »",
    "@1M Le surveillant {LAST} {!sante:fait de l'apnée du sommeil} et ne peut plus faire les nuits.",
    "Info du chef de bureau : {name} {!sante:souffre de troubles anxieux} depuis la réorganisation.",
    "@1F ~ma collègue {first} {!sante:a été victime d'un malaise cardiaque} hier au guichet, on fait quoi pour la déclaration",
]

RELIGION = [
    "{civ} {cname} {T:religion}, peut-on adapter ses horaires de garde ?",
    "~{first} {T:religion} du coup faut prévoir quoi pour la cantine du self ?",
    "@1M Le surveillant {LAST} {T:religion} ; comment concilier ça avec le service de nuit ?",
    "Bonjour, je {!religion:suis juive pratiquante} et l'oral tombe un samedi, puis-je demander une autre date ?",
    "Pendant l'entretien, {name} a indiqué {!religion:vouloir porter le foulard} au guichet.",
    "@1M Le légionnaire {LAST} {!religion:demande des rations halal} pour l'exercice.",
    "Absence de {name} le {date} : {!religion:fête de l'Aïd el-Fitr}",
    "~le résident de la chambre 12 {!religion:veut voir l'aumônier catholique} avant dimanche",
    "CV : {name} – bénévole {!religion:à l'aumônerie protestante} – permis B",
    "Note RH : {civ} {cname} {T:religion} et souhaite poser ses congés en conséquence.",
    "{name} explique {!religion:ne pas serrer la main aux hommes pour des raisons religieuses}, comment réagir ?",
    "Vu {N:religion}, {civ} {cname} demande à décaler sa pause déjeuner.",
    "~{name} {!religion:va à la pagode chaque week-end} et veut pas d'astreinte le dimanche",
]

SYNDICAT = [
    "CR du CSA du {date} : {civ} {cname} ({!syndicat:FO}) a demandé un vote sur le RIFSEEP.",
    "~{first} {T:syndicat} donc {il} a ses heures de délégation le mardi",
    "@1M Inspection du travail : licenciement de {name}, {!syndicat:salarié protégé élu CGT}, demande d'autorisation reçue.",
    "{civ} {cname} {T:syndicat}, peut-{il} participer au groupe de travail télétravail ?",
    "Composition de la délégation reçue par le préfet : {LAST} ({!syndicat:SUD}), {LAST2} ({!syndicat:CGT}), {LAST3} ({!syndicat:UNSA})",
    "~je suis {!syndicat:syndiquée chez FO} depuis 10 ans, est-ce que mon employeur peut le savoir ?",
    "@1M Le brigadier {LAST} {T:syndicat} ; il sollicite une autorisation d'absence pour le congrès.",
    "Nom | Organisation | Mandat\n{LAST} {first} | {!syndicat:CFDT} | titulaire\n{LAST2} {first2} | {!syndicat:FSU} | suppléant",
    "Merci de rédiger une réponse à {name}, {!syndicat:élu(e) du personnel sur la liste UNSA}, sur les astreintes.",
    "Vu {N:syndicat}, {civ} {cname} bénéficie d'un allègement de service.",
    "~{civ} {cname} {T:syndicat} et veut consulter son dossier, je dois accepter ?",
]

OPINION = [
    "~{first} {T:opinion_politique} mais {il} évite d'en parler au bureau",
    "@1M Le capitaine {LAST} {T:opinion_politique} ; est-ce compatible avec le devoir de réserve ?",
    "Note au préfet : {civ} {cname}, {!opinion_politique:tête de liste Rassemblement national} à {commune}, demande un rendez-vous.",
    "{name} {T:opinion_politique}, et {il} veut afficher des tracts dans la salle de pause.",
    "@1M Enseignant signalé : {civ} {cname} aurait {!opinion_politique:fait l'éloge de La France insoumise} en classe.",
    "~je {!opinion_politique:suis militante chez les Verts} et je voudrais me présenter aux municipales, je dois prévenir ma hiérarchie ?",
    "Candidats déclarés – canton de {commune}\n{LAST} {first} ({!opinion_politique:LR})\n{LAST2} {first2} ({!opinion_politique:divers gauche})",
    "Peux-tu résumer ce signalement : l'agent {LAST} {T:opinion_politique} et a tenu des propos véhéments à l'accueil.",
    "@1M {civ} {cname}, {!opinion_politique:élu d'opposition sous l'étiquette PCF}, demande copie du marché.",
    "Dans le cadre de {N:opinion_politique}, {name} souhaite un congé pour campagne électorale.",
    "~{civ} {cname} {T:opinion_politique}, ça peut poser pb pour son habilitation secret défense ?",
]

ORIGINE = [
    "Plainte pour discrimination : {civ} {cname} {T:origine} et dit avoir été écarté{e} de la promotion.",
    "~{first} {T:origine} et on lui demande tout le temps d'où {il} vient, c'est du harcèlement ?",
    "Fiche de signalement : l'élève {first} {last} {T:origine} et subit des moqueries.",
    "{name}, {!origine:d'origine comorienne}, a été orienté{e} vers le service de médiation.",
    "Je {!origine:suis d'origine kabyle} et mon manager fait des blagues à ce sujet, que faire ?",
    "Compte rendu : {civ} {cname} rapporte avoir été traité{e} de {!origine:« sale Arabe »} par un usager.",
    "Candidat{e} {name} : {T:origine}, parle couramment wolof et français.",
    "~{civ} {cname} {T:origine}, faut-il le mentionner dans le rapport ? je pense pas",
    "Vu {N:origine}, {name} craint d'être discriminé{e} lors de l'entretien.",
    "@1M Le gendarme {LAST} {!origine:a des grands-parents réunionnais d'origine indienne} et souhaite être muté à Saint-Pierre.",
]

VIE_SEXUELLE = [
    "{civg} {cname} {C}, peut-{il} bénéficier du congé de proche aidant ?",
    "~{first} {C}, ça change quoi pour son dossier de mutation ?",
    "Demande de mutation pour rapprochement de conjoint : {civg} {first} {last} {C}, affecté{e} à {commune}.",
    "{CNc} de {civg} {cname} a appelé pour signaler son absence.",
    "~{first} {T:vie_sexuelle} et {il} a peur que ça se sache dans l'unité",
    "Signalement RPS : {civ} {cname} est la cible de moqueries sur {N:vie_sexuelle}.",
    "Je {!vie_sexuelle:suis lesbienne} et ma cheffe fait des remarques, à qui m'adresser ?",
    "Bonjour, je suis une femme et {!vie_sexuelle:ma compagne} accouche en mars : ai-je droit au congé de naissance ?",
    "~{name} {T:vie_sexuelle}, {il} a demandé que ça reste confidentiel",
    "@1M Le lieutenant {LAST} {!vie_sexuelle:a épousé un homme} l'été dernier, faut-il mettre à jour sa fiche ?",
    "Adoption : {civg} {first} {last} {C} ; le dossier est en cours au conseil départemental.",
    "{name} m'a dit {!vie_sexuelle:sortir avec une femme} depuis six mois, ça ne me regarde pas mais {il} est stressé{e}.",
    "@1F @2F Demande de congé bonifié : {civg} {first} {last} souhaite partir avec {!vie_sexuelle:sa compagne}, {name2}, et leurs deux enfants.",
    "@1M @2M ~{first2} {!vie_sexuelle:c'est le mari de} {first} ? je savais pas",
    "@1F @2F Fiche famille – agent : {LAST} {first} ; {!vie_sexuelle:conjointe (PACS)} : {LAST2} {first2}",
    "@1M @2M {first2} {last2}, {!vie_sexuelle:le compagnon de} {civg} {cname}, demande à être prévenu en cas d'accident.",
    "@1M @2M ~mon collègue {first} {!vie_sexuelle:s'est marié avec} {first2} samedi, on fait une cagnotte ?",
    "@1F @2F Autorisation d'absence pour mariage : {civg} {cname} {!vie_sexuelle:épouse sa compagne} {first2} {last2} le {date}.",
    "@1M @2M Invitation au repas de fin d'année : {civg} {cname} viendra avec {!vie_sexuelle:son compagnon} {first2}.",
    "Note : on m'a rapporté que {civ} {cname} {T:vie_sexuelle}, je ne sais pas si je dois en parler.",
]

GENBIO = [
    "{civ} {cname} se plaint qu'on ait conservé {N:genetique_biometrie} après son départ.",
    "~{first} {T:genetique_biometrie} et veut savoir si l'employeur peut l'apprendre",
    "Badge biométrique : l'agent {LAST} {!genetique_biometrie:a enrôlé son empreinte} le {date}.",
    "Conseil génétique : {name} {T:genetique_biometrie}, ses enfants doivent-ils être testés ?",
    "Je {!genetique_biometrie:suis porteuse de la mutation BRCA1}, dois-je le dire à la médecine de prévention ?",
    "{!genetique_biometrie:Le profil ADN} de {name} a été transmis au laboratoire de généalogie.",
    "Accès salle serveurs : {LAST} {first} – {!genetique_biometrie:gabarit d'empreinte palmaire enregistré}",
    "~{civ} {cname} {T:genetique_biometrie}, ça change quoi pour sa mutuelle ?",
    "Test de paternité : {name} {!genetique_biometrie:a reçu les résultats du test ADN} et demande un jour de congé.",
    "@1M Le caporal-chef {LAST} {T:genetique_biometrie}, à noter dans son dossier de suivi.",
]

INFRACTION = [
    "~{first} {T:infraction} du coup {il} peut plus conduire le véhicule de service ?",
    "Note confidentielle : {civ} {cname} {T:infraction} ; quelle procédure disciplinaire ?",
    "Enquête administrative : {name} {T:infraction}, peut-{il} être recruté{e} comme ATSEM ?",
    "@1M Le gardien de la paix {LAST} {T:infraction}, la hiérarchie demande une suspension.",
    "Registre : {LAST} {first} — {!infraction:motif d'écrou : vol avec violence}",
    "J'{!infraction:ai été condamnée pour conduite sans permis} il y a 5 ans, est-ce que ça bloque ma titularisation ?",
    "PV d'audition : {civ} {cname} reconnaît {!infraction:avoir frappé son voisin}.",
    "@1F ~le mari de {first} {!infraction:est en prison} et elle demande un aménagement d'horaires pr les parloirs",
    "Permis à points : {name} {T:infraction}, le service RH doit-il être informé ?",
    "@1M Signalement Pharos : l'usager {name} {!infraction:a été interpellé pour menaces de mort} sur les réseaux sociaux.",
    "{civ} {cname} ({N:infraction}) ne peut pas être affecté{e} à la régie d'avances.",
]

MIXED = [
    "Bonjour,\nJe vous écris au sujet de {civ} {cname}, agent au service courrier. {Il} {T:sante} et {il} {T:syndicat}. Son adresse personnelle est {adr}. Pouvez-vous m'aider à préparer la réunion avec la médecine de prévention ?\nMerci",
    "~bon alors pr résumer {first} {T:religion}, {first2} {T:opinion_politique} et {first3} {T:syndicat}, ça fait bcp de tensions dans l'équipe tu me proposes quoi",
    "@1F @2M Rapport de la cellule d'écoute : la plaignante, {name}, {T:origine}. Elle explique que son chef, {civ2} {cname2}, {T2:infraction}. Témoin : {name3}.",
    "De : {name} <{wemail}>\nObjet : situation personnelle\nBonjour, je {!vie_sexuelle:suis en couple avec une femme} et {!sante:j'ai un lupus}. Je voudrais savoir si je peux demander un poste adapté à {commune}.",
    "CR CHSCT – point 4\n{civ} {cname} (service état civil) {T:sante}. {civ2} {cname2} ({!syndicat:CGT}) demande un aménagement. Le DGS {name3} propose un rendez-vous le {date}.",
    "@2M Mail transféré :\n> Bonjour, je m'appelle {name}, j'habite {adr:std}. Mon fils {T2:genetique_biometrie}.\n> Joignable au {mob}.\nPeux-tu préparer une réponse ?",
    "Signalement du {date} – {name}, né{e} le {dob}, {T:infraction} et {T:origine}. Le référent est {civ2} {cname2}.",
    "@1F @2F ~transcription message vocal bonjour c'est {first} {last} je suis {!syndicat:déléguée sud} je vous appelle parce que ma collègue {first2} {T2:sante} voilà rappelez moi au {mob}",
    "Pour la commission de réforme : {civ} {cname}, {adr}, {T:sante} ; avis du médecin agréé attendu. Contact : {tel}.",
    "Note du SPIP à l'attention du greffe : {name} {T:infraction} ; hébergement chez sa sœur, {adr}. Tél. {mob}.",
    "Peux-tu anonymiser ce texte ? « {civ} {cname}, {T:religion}, a déclaré {!opinion_politique:voter écologiste depuis toujours}. »",
    "Bonjour {first},\nJe te transmets la demande de {name2} ({wemail2}) : {il2} {!vie_sexuelle:a entamé une transition} et souhaite que son nouveau prénom apparaisse dans l'annuaire.\nBonne journée\n{name3}",
    "Objet : dossier de {civ} {cname}\n{Il} {C}. {Il} {T:religion} et demande un congé pour le {date}. Adresse : {adr:ml}",
    "ticket {ticket}\ndemandeur: {wemail}\ndescription: l'agent {LAST} {T:genetique_biometrie} et refuse le lecteur d'empreintes ; proposer badge classique\npriorité: normale",
    "Audition de {civ} {cname}, {dob}, demeurant {adr:std} : {il} {T:infraction}. Avocat : Me {last2}.",
]

NEG_PLACES = [
    "La réunion de secteur aura lieu sur ce site : {eponym}, salle 3, le {date} à {hour}.",
    "~c'est où exactement {eponym} ? j'ai une formation là-bas demain",
    "Horaires d'ouverture pendant les vacances, site : {eponym} ? Je ne les trouve pas sur l'intranet.",
    "Le transfert des archives vers {eponym} est reporté au {date}.",
    "Objet : travaux\nSite concerné : {eponym}. Les travaux de désamiantage débuteront le {date}.",
    "Les élèves du lycée Jean-Jaurès et du collège Aimé-Césaire participeront au cross le {date}.",
    "Le colloque se tiendra amphithéâtre Marie-Curie, bâtiment Pasteur, campus de {commune}.",
    "~la navette pour {eponym} part à quelle heure ??",
    "Merci de réserver la salle Jean-Moulin pour le comité de pilotage du {date}.",
    "Rédige un article pour l'intranet sur l'inauguration de la médiathèque Gisèle-Halimi à {commune}.",
    "Le centre pénitentiaire de {commune} et la maison d'arrêt de la Santé partagent le même marché de restauration.",
    "Itinéraire : prendre le boulevard Victor-Hugo puis la rue du Général-Leclerc jusqu'au rond-point Charles-de-Gaulle.",
    "Les agents de la caserne Lyautey et du quartier Joffre sont invités à la cérémonie du 11 Novembre.",
    "Le prix Albert-Londres et le prix Simone-Veil seront remis à la préfecture le {date}.",
    "Le collège Paul-Éluard de {commune} recrute un assistant d'éducation à la rentrée {year}.",
    "~jsuis au CHU Félix-Guyon pour la formation incendie, la salle est introuvable",
    "Arrêt de bus : Hôpital Avicenne, ligne 143, direction {commune}.",
    "Le lycée agricole Olivier-de-Serres organise une journée portes ouvertes le {date}.",
]

NEG_CONTACTS = [
    "Pour toute question, écrivez à {inst_mail} ou appelez le {switch}.",
    "~c quoi le mail du service étrangers ? je crois que c'est {inst_mail}",
    "Coordonnées à mettre en bas du courrier : {inst_adr} – standard {switch}",
    "Le numéro vert {switch} est ouvert du lundi au vendredi de 9h à 17h.",
    "Merci d'adresser vos candidatures à {inst_mail} avant le {date}.",
    "Signature type :\nService des ressources humaines\n{inst_adr}\nStandard : {switch}\n{inst_mail}",
    "Adresse de l'administration : {inst_adr}",
    "En cas d'urgence, composez le 15, le 17 ou le 112 ; pour les violences conjugales, le 3919.",
    "~le standard de la sous-pref c'est le {switch} ou pas ?",
    "Les demandes de titre de séjour se font uniquement en ligne ; contact : {inst_mail}.",
    "Vous pouvez envoyer le dossier complet par voie postale : {inst_adr}.",
    "Ticket {ticket} : la boîte fonctionnelle {inst_mail} ne reçoit plus de messages depuis le {date}.",
    "Plateforme d'écoute RPS : {switch}, anonyme et gratuite, 24 h/24.",
    "Le courrier doit être adressé à : Monsieur le Préfet, {inst_adr}.",
    "Pour les réclamations : {inst_mail} (réponse sous 15 jours ouvrés).",
]

NEG_REFS = [
    "Le dossier {dossier} est incomplet : il manque l'avis du comité médical.",
    "SIRET du prestataire : {siret} ; merci de mettre à jour Chorus Pro.",
    "~le bon de commande {cmd} est bloqué dans chorus, qui peut débloquer ?",
    "Référence du marché : {dossier} – montant HT {montant} – notifié le {date}.",
    "Numéro de dossier {fileno} : la demande de subvention a été acceptée.",
    "La commune nouvelle, née le {date} de la fusion de trois communes, compte 4 200 habitants.",
    "Le décret n° 2024-{num}0 du {date} modifie le régime indemnitaire des adjoints techniques.",
    "Numéro client : {cmd} – facture du {date} – {montant}",
    "Le SIREN {siren} correspond-il bien à la régie de recettes de {commune} ?",
    "ticket {ticket} – priorité haute – imprimante du 2e étage HS depuis le {date}",
    "Engagement juridique {cmd} : service fait le {date}, à payer avant la fin de l'exercice {year}.",
    "Le contrat de la crèche, né d'un partenariat avec la CAF le {date}, arrive à échéance en {month}.",
    "id;libelle;montant\n{num};fournitures scolaires;{montant}\n{num};nettoyage des locaux;{montant}",
    '⦃"ref": "{dossier}", "etat": "clos", "date_cloture": "{date}"⦄',
    "Convention n° {fileno} signée le {date} avec le conseil départemental de {dept}.",
    "Arrêté préfectoral {dossier} du {date} portant fermeture administrative d'un débit de boissons.",
    "~jai le numéro de recours {dossier} mais le tribunal administratif me dit qu'il trouve pas",
    "Le lot n° {num} du marché {dossier} a été attribué pour {montant}.",
    "Date de création de l'établissement : {date} ; code UAI 0{num}1234X.",
    "Échéancier : 1er versement le {date}, solde en {month} {year}.",
]

NEG_TOPICS = [
    "Mon service gère les arrêts maladie des agents de catégorie C : quelles sont les nouvelles règles de carence ?",
    "Peux-tu résumer la circulaire sur la laïcité dans les établissements scolaires ?",
    "Le marché de pointeuses biométriques a été attribué le {date} ; faut-il une AIPD ?",
    "La formation « prévention des discriminations liées à l'origine » est ouverte à tous les encadrants.",
    "~cest quoi les règles pour les autorisations d'absence pour fêtes religieuses ? le guide est pas clair",
    "Le protocole d'accord a été signé par la CGT, FO et l'UNSA le {date}.",
    "Un extrait de casier judiciaire (bulletin n° 2) est exigé pour tous les postes au contact des mineurs.",
    "Rédige une note sur la loi du 17 mai 2013 ouvrant le mariage aux couples de même sexe.",
    "Quelles sont les obligations de l'employeur pour le dépistage génétique ? (question pour une formation)",
    "La journée de sensibilisation LGBT+ aura lieu le {date} dans le hall de la préfecture.",
    "Le budget de la cellule de prévention de la radicalisation est en hausse de 4 %.",
    "Combien de jours d'absence sont autorisés pour un mandat syndical dans la fonction publique d'État ?",
    "Peux-tu me faire un tableau des partis représentés au conseil régional de {dept} ?",
    "Statistiques : 312 personnes détenues dans l'établissement, taux d'occupation 142 %.",
    "Le plan national santé mentale prévoit 20 psychologues supplémentaires en {dept}.",
    "~la salle de prière de l'aéroport c'est géré par qui ? nous ou le gestionnaire ?",
    "Le référentiel d'accessibilité impose des sanitaires adaptés dans chaque bâtiment recevant du public.",
    "Note sur la reconnaissance faciale dans les gares : cadre juridique et avis de la CNIL.",
    "La cantine propose un menu sans porc et un menu végétarien chaque jour.",
    "Le guide de l'orientation scolaire après la 3e est disponible au CIO de {commune}.",
    "L'aumônerie militaire compte des aumôniers catholiques, protestants, israélites et musulmans.",
    "La campagne de vaccination contre la grippe commence le {date} au service de médecine de prévention.",
    "Rapport annuel : 48 signalements pour discrimination, dont 12 liés à l'orientation sexuelle.",
    "Le conseil municipal a voté la subvention au comité des fêtes et à l'association franco-marocaine.",
    "Les élections professionnelles auront lieu du 1er au 8 décembre {year} ; les listes syndicales sont déposées.",
    "Produit d'origine France garantie : la cantine privilégie les circuits courts.",
    "Le fichier FNAEG : quelles sont les durées de conservation des profils génétiques ?",
    "La procédure disciplinaire : rédige un modèle d'arrêté de suspension de fonctions.",
    "Le congé de naissance est-il ouvert au second parent quel que soit son sexe ?",
    "~faut remplir le champ « sexe » dans le formulaire ou il est facultatif ?",
    "Le plan de transition écologique du ministère prévoit 30 % de véhicules électriques.",
    "Quels sont les délais de prescription pour une contravention de 5e classe ?",
    "Les grévistes doivent-ils se déclarer 48 h à l'avance dans les écoles maternelles ?",
    "L'amicale des sapeurs-pompiers de {commune} organise son bal le {date}.",
    "Le marché de fourniture de kits de prélèvement ADN pour la gendarmerie est relancé.",
    "La maison des adolescents accueille les jeunes de 11 à 21 ans sans rendez-vous.",
    "Fiche réflexe : que faire si un usager fait un malaise dans la salle d'attente ?",
    "Le centre de rétention administrative de {commune} dispose de 40 places.",
    "Question sur le jour férié du lundi de Pentecôte : est-il toujours la journée de solidarité ?",
    "Les crédits du fonds interministériel de prévention de la délinquance sont notifiés le {date}.",
]

NEG_GENERIC = [
    "Peux-tu me rédiger un mail de relance poli pour une facture impayée depuis 60 jours ?",
    "~tu px me résumer le rapport de la cour des comptes sur les ehpad stp",
    "Comment calculer le montant de l'IFSE pour un attaché principal au 5e échelon ?",
    "Ordre du jour :\n1. budget {year}\n2. plan de formation\n3. questions diverses",
    "Traduis en anglais : « Le bureau est fermé le {date} en raison d'un pont. »",
    "Corrige les fautes : « les agent son prier de rendre les badge avant vendredi »",
    "CR réunion du {date} : présents l'ensemble des chefs de bureau ; prochain point le {date}.",
    "~cyclone : les écoles de {commune} restent fermées demain, tu me fais un message pour les parents ?",
    "Liste des pièces à fournir pour un dossier de regroupement familial ?",
    "Rédige une affiche pour la collecte de jouets de Noël au profit de l'arbre de Noël des enfants du personnel.",
    "Le comité social d'administration se réunira le {date} à {hour} en visioconférence.",
    "Quelles sont les étapes pour organiser un exercice d'évacuation dans un collège ?",
    "Plan de continuité : en cas de coupure réseau, les agents basculent sur les postes de secours.",
    "Fais-moi un tableau comparatif des trois offres reçues pour la maintenance des ascenseurs.",
    "Quel est le délai de recours contre une décision implicite de rejet ?",
    "~la clim est encore en panne au 3e, qui appeler à part les services techniques",
    "Le préfet se rendra à {commune} le {date} pour la signature du contrat de ville.",
    "Résume en 5 points la réforme de l'apprentissage pour une note au directeur.",
]

# Second pass: more situations (prisons, the army, health and safety, overseas services).
IDS += [
    "Agent {name}, né{e} en {!date_naissance:1979} à {commune}, demande son relevé de carrière.",
    "~{first} est né{e} le {dob} donc {il} part à la retraite quand ?",
]
SANTE += [
    "Bilan SST : accident de service de {name} le {date} — {!sante:entorse de la cheville droite}, 10 jours d'arrêt.",
    "~{first} {!sante:a une phobie sociale} et panique au guichet, on peut l'affecter au back-office ?",
    "Fiche de poste adaptée pour {civ} {cname} ({!sante:lombalgie chronique}) : pas de port de charges.",
]
RELIGION += [
    "{name} {!religion:observe le ramadan}, peut-on décaler ses gardes de nuit ?",
    "@1M Au mess, le sergent {LAST} {!religion:refuse la viande non casher}.",
    "~{first} {!religion:revient du pèlerinage de Lourdes} et demande 2 jours de plus",
]
SYNDICAT += [
    "@1F Préavis de grève déposé par {name}, {!syndicat:secrétaire départementale de la CGT Pénitentiaire}.",
    "~{first} {!syndicat:a distribué les tracts de FO} ce matin devant le portail",
    "Tableau des décharges : {LAST} {first} – {!syndicat:SNUipp-FSU} – 25 %",
]
OPINION += [
    "~tu savais que {first} {!opinion_politique:figurait sur la liste Reconquête} aux européennes ?",
    "@1M Réserviste {LAST} : {!opinion_politique:militant identitaire} signalé par la hiérarchie.",
    "{name} {!opinion_politique:a manifesté avec les Gilets jaunes} tous les samedis de l'hiver.",
]
ORIGINE += [
    "@1M ~{first} c'est {!origine:un rebeu}, faut arrêter avec ces blagues dans le vestiaire",
    "Dossier d'accueil à Mamoudzou : {name}, {!origine:d'origine malgache}, arrivé{e} en {month}.",
    "{civ} {cname} {!origine:est d'origine antillaise} et dit avoir été tutoyé{e} par le chef.",
]
VIE_SEXUELLE += [
    "@1M ~{first} {!vie_sexuelle:sort avec un mec de la compta} depuis la soirée du service",
    "{name} {!vie_sexuelle:vit une relation avec une collègue} et demande à changer d'équipe.",
    "@1M {civg} {cname} est pacsé avec sa compagne depuis {year}, peut-il poser un congé pour le mariage ?",
    "@1F ~{first} vit avec son copain à {commune} et demande un rapprochement",
    "@1F @2M Fiche famille – agent : {LAST} {first} ; conjoint : {LAST2} {first2}",
    "@1F @2F RDV PACS en mairie le {date} : {civg} {cname} {!vie_sexuelle:et sa future partenaire de PACS} {name2}.",
]
GENBIO += [
    "Contrôle d'accès du centre pénitentiaire : {LAST} {first}, {!genetique_biometrie:empreinte de l'index droit enrôlée}.",
    "~{first} {!genetique_biometrie:a fait un test génétique pour la maladie de sa mère}",
    "{!genetique_biometrie:Prélèvement ADN} de {name} le {date} : transmis au FNAEG.",
]
INFRACTION += [
    "Enquête de moralité : {name} {!infraction:a une condamnation pour outrage à agent}.",
    "@1M Rapport d'incident du {date} : {LAST} {!infraction:a dégradé sa cellule} au quartier B.",
    "~{first} {!infraction:s'est fait arrêter bourré au volant} samedi, on fait quoi lundi",
]

NEG_TOPICS += [
    "Le quartier disciplinaire du centre pénitentiaire de {commune} sera rénové en {year}.",
    "Note de service : les permissions de sortir des personnes détenues sont validées sous 8 jours.",
    "Le 2e RIMa recrute des réservistes opérationnels ; dossier à envoyer à {inst_mail}.",
    "L'inspection du travail de {dept} a réalisé 312 contrôles amiante en {year}.",
    "Le CHU de {commune} ouvre une unité d'addictologie de 12 lits le {date}.",
    "Le service social des armées tient une permanence le mardi au quartier Foch, standard {switch}.",
    "~c quoi la procédure quand un détenu demande à voir l'aumônier ? c dans quel texte",
    "Le juge de l'application des peines de {commune} tient audience le {date} à {hour}, salle Portalis.",
    "Fiche réflexe cyclone : fermeture des établissements scolaires de {dept} dès l'alerte rouge.",
    "Combien de cartes d'identité biométriques la mairie de {commune} a-t-elle délivrées en {year} ?",
]

FAMILIES: list[tuple[str, list[str]]] = [
    ("names", NAMES),
    ("addresses", ADDRESSES),
    ("contacts", CONTACTS),
    ("ids", IDS),
    ("records", RECORDS),
    ("sante", SANTE),
    ("religion", RELIGION),
    ("syndicat", SYNDICAT),
    ("opinion", OPINION),
    ("origine", ORIGINE),
    ("vie_sexuelle", VIE_SEXUELLE),
    ("genbio", GENBIO),
    ("infraction", INFRACTION),
    ("mixed", MIXED),
    ("neg_places", NEG_PLACES),
    ("neg_contacts", NEG_CONTACTS),
    ("neg_refs", NEG_REFS),
    ("neg_topics", NEG_TOPICS),
    ("neg_generic", NEG_GENERIC),
]
OPENERS = [
    "Bonjour, ",
    "Re: ",
    "Hello, ",
    "stp ",
    "Question : ",
    "Fwd: ",
    "Coucou, ",
    "Salut, ",
    "Urgent - ",
    "Bonsoir, ",
    "TR : ",
    "Petite question : ",
]
CLOSERS = [
    " Merci !",
    " Merci d'avance.",
    " Cdlt",
    " Bonne journée.",
    " merci bcp",
    " 🙏",
    " Cordialement.",
]
DIRECTIVE = re.compile(r"@([123])([MF]) ")


def render(template: str, rng: random.Random, pools: Pools) -> tuple[str, list[list[Any]]]:
    job = Render(rng, pools)
    while match := DIRECTIVE.match(template):
        job.people[match.group(1)] = make_person(rng, pools, match.group(2))
        template = template[match.end() :]
    lower = template.startswith("~")
    template = template.lstrip("~")
    pieces = [
        (text.replace("⦃", "{").replace("⦄", "}") if category is None else text, category)
        for text, category in job.pieces(template)
    ]
    roll = rng.random()
    greeting = ("Bonjour", "Bjr", "Hello", "Salut", "slt", "bon ", "euh", "Je ")
    if roll < 0.3 and "\n" not in template[:30] and not template.startswith(greeting):
        opener = rng.choice(OPENERS)
        first = pieces[0][0]
        if first and pieces[0][1] is None and not lower:
            pieces[0] = (
                first[0].lower() + first[1:]
                if first[:2] not in ("M.", "Mm") and not first[:2].isupper()
                else first,
                None,
            )
        pieces.insert(0, (opener, None))
    if rng.random() < 0.2:
        pieces.append((rng.choice(CLOSERS), None))
    if not lower and rng.random() < 0.08:
        lower = True
    return assemble(pieces, lower=lower)


def generate() -> list[dict[str, Any]]:
    rng = random.Random(SEED)
    pools = Pools.build()
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for family, templates in FAMILIES:
        for index, template in enumerate(templates):
            template_id = f"{SPLIT}_{family}-{index:02d}"
            renders = RENDERS + 3 if family.startswith("neg_") else RENDERS
            for _ in range(renders):
                text, spans = render(template, rng, pools)
                if text in seen:
                    continue
                seen.add(text)
                rows.append(line(text, spans, template_id))
    return rows


def write(rows: list[dict[str, Any]], path: Path = OUT) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def main() -> int:
    rows = generate()
    write(rows)
    print(f"{len(rows)} sentences written to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
