"""Generator of tests/data/pii_test2.jsonl: a fresh held-out set for the personal-data guard.

Written by a hand that never read the guard's detectors, its word lists, the other generators
or the other sets (see tests/data/PII_SETS.md, section "test2"). Deterministic: a fixed seed,
faker's name and place lists used as data only (its random generator is never called).

    python -m devtools.pii_corpus_test2
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MADE_WITH_FAKER = "40.63.0"
SEED = 18_2026_12
SPLIT = "test2"
TARGET = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii_test2.jsonl"

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

Piece = tuple[str, str | None]  # a piece of text and its label (None: not labelled)


# -- checks shared with the unit test ----------------------------------------------------------


def luhn_ok(digits: str) -> bool:
    if not digits.isdigit():
        return False
    total = 0
    for i, char in enumerate(reversed(digits)):
        n = int(char)
        if i % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def _luhn_complete(body: str) -> str:
    for last in "0123456789":
        if luhn_ok(body + last):
            return body + last
    raise AssertionError(body)


def _alnum_to_int(text: str) -> int:
    return int("".join(str(int(c, 36)) for c in text))


def iban_ok(value: str) -> bool:
    compact = re.sub(r"\s", "", value).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", compact):
        return False
    return _alnum_to_int(compact[4:] + compact[:4]) % 97 == 1


def _iban(country: str, bban: str) -> str:
    check = 98 - _alnum_to_int(bban + country + "00") % 97
    return f"{country}{check:02d}{bban}"


def nir_ok(value: str) -> bool:
    compact = re.sub(r"\s", "", value).upper()
    if not re.fullmatch(r"[12]\d{4}(\d{2}|2A|2B)\d{8}", compact):
        return False
    body = compact[:13].replace("2A", "19").replace("2B", "18")
    return 97 - int(body) % 97 == int(compact[13:])


# -- values ------------------------------------------------------------------------------------

AFRICAN_SURNAMES = [
    "Diallo",
    "Traoré",
    "Koné",
    "Camara",
    "Diop",
    "Ndiaye",
    "N'Diaye",
    "Sow",
    "Cissé",
    "Coulibaly",
    "Konaté",
    "Sylla",
    "Keita",
    "Touré",
    "Diarra",
    "Sissoko",
    "Fofana",
    "Bamba",
    "Kouassi",
    "Kouamé",
    "Mbemba",
    "Tshibanda",
    "Mabiala",
    "Ba",
    "Sy",
    "Fall",
    "Gueye",
    "Faye",
    "Sarr",
    "Dembélé",
    "Kanté",
    "Doumbia",
    "Bah",
    "Barry",
    "Baldé",
    "Soumaré",
    "Mendy",
    "Gomis",
    "Ouattara",
    "Nkounkou",
]
AFRICAN_GIVEN_M = [
    "Mamadou",
    "Moussa",
    "Ibrahima",
    "Abdoulaye",
    "Ousmane",
    "Cheikh",
    "Souleymane",
    "Seydou",
    "Boubacar",
    "Amadou",
    "Issa",
    "Yaya",
    "Kofi",
    "Lamine",
    "Modibo",
    "Bakary",
    "Serge",
    "Aboubacar",
]
AFRICAN_GIVEN_F = [
    "Aminata",
    "Fatoumata",
    "Mariama",
    "Awa",
    "Aïssatou",
    "Kadiatou",
    "Ramatoulaye",
    "Hawa",
    "Fanta",
    "Oumou",
    "Binta",
    "Adama",
    "Mariam",
    "Nafissatou",
    "Coumba",
]
COMPOUND_M = [
    "Jean-Pierre",
    "Jean-Marc",
    "Jean-Luc",
    "Jean-Paul",
    "Jean-François",
    "Jean-Michel",
    "Jean-Claude",
    "Jean-Philippe",
    "Jean-Louis",
    "Jean-Baptiste",
    "Pierre-Yves",
    "Pierre-Alain",
    "Paul-Henri",
    "Louis-Marie",
    "Marc-Antoine",
]
COMPOUND_F = [
    "Marie-Claire",
    "Marie-Christine",
    "Marie-Hélène",
    "Marie-Laure",
    "Marie-Thérèse",
    "Marie-Anne",
    "Anne-Sophie",
    "Anne-Laure",
    "Anne-Marie",
    "Marie-Noëlle",
    "Marie-France",
    "Marie-Line",
    "Marie-Pierre",
    "Anne-Claire",
]
PARTICLES = ("de", "du", "de la", "Le", "d'", "de", "Le")


def _fold(text: str, keep: str = "") -> str:
    out = []
    for char in text:
        if char in keep:
            out.append(char)
            continue
        base = unicodedata.normalize("NFD", char)
        base = "".join(c for c in base if not unicodedata.combining(c))
        out.append({"Đ": "D", "đ": "d", "ı": "i", "ø": "o", "œ": "oe", "Œ": "Oe"}.get(base, base))
    return "".join(out)


def _ascii(text: str) -> str:
    return re.sub(r"[^a-z0-9.-]", "", _fold(text).lower().replace(" ", "-").replace("'", ""))


@dataclass
class Person:
    given: str
    surname: str
    female: bool


# Real communes with their postcode (faker's geo list, plus overseas and Corsica by hand).
REAL_COMMUNES = {
    "Vienne": "38200",
    "Valence": "26000",
    "Talence": "33400",
    "Sceaux": "92330",
    "Saint-Omer": "62500",
    "Saint-Genis-Laval": "69230",
    "Rueil-Malmaison": "92500",
    "Quimper": "29000",
    "Pamiers": "09100",
    "Niort": "79000",
    "Montpellier": "34070",
    "Mitry-Mory": "77290",
    "Marly-le-Roi": "78160",
    "Lons-le-Saunier": "39000",
    "Le Chesnay": "78150",
    "La Garenne-Colombes": "92250",
    "Herblay": "95220",
    "Gonesse": "95500",
    "Fontenay-aux-Roses": "92260",
    "Elbeuf": "76500",
    "Dax": "40100",
    "Colomiers": "31770",
    "Cavaillon": "84300",
    "Bron": "69500",
    "Bobigny": "93000",
    "Bar-le-Duc": "55000",
    "Arles": "13200",
    "Marseille": "13011",
}
OVERSEAS = (
    ("Pointe-à-Pitre", "97110"),
    ("Les Abymes", "97139"),
    ("Baie-Mahault", "97122"),
    ("Le Gosier", "97190"),
    ("Fort-de-France", "97200"),
    ("Le Lamentin", "97232"),
    ("Schœlcher", "97233"),
    ("Cayenne", "97300"),
    ("Kourou", "97310"),
    ("Saint-Laurent-du-Maroni", "97320"),
    ("Saint-Denis", "97400"),
    ("Le Tampon", "97430"),
    ("Saint-Paul", "97460"),
    ("Saint-Pierre", "97410"),
    ("Mamoudzou", "97600"),
    ("Koungou", "97690"),
    ("Dzaoudzi", "97615"),
)
CORSICA = (
    ("Ajaccio", "20090"),
    ("Porto-Vecchio", "20137"),
    ("Propriano", "20110"),
    ("Sartène", "20100"),
    ("Bastia", "20600"),
    ("Corte", "20250"),
    ("Calvi", "20260"),
    ("L'Île-Rousse", "20220"),
    ("Biguglia", "20620"),
)
STREET_TYPES = (
    ("rue", 46),
    ("avenue", 8),
    ("chemin", 10),
    ("impasse", 8),
    ("allée", 6),
    ("route", 7),
    ("place", 3),
    ("boulevard", 3),
    ("square", 1),
    ("quai", 1),
    ("cours", 1),
    ("passage", 1),
    ("hameau", 1),
    ("sentier", 1),
)
STREET_NAMES = (
    "des Lilas",
    "de la Gare",
    "du Moulin",
    "de l'Église",
    "des Écoles",
    "du Stade",
    "des Acacias",
    "de la Fontaine",
    "des Vignes",
    "du Château",
    "des Peupliers",
    "du Four",
    "de la Mairie",
    "des Prés",
    "du Lavoir",
    "des Tilleuls",
    "de la Croix",
    "des Cerisiers",
    "du Pont",
    "des Jardins",
    "de Verdun",
    "de la Liberté",
    "de la Paix",
    "Principale",
    "Neuve",
    "des Mimosas",
    "des Genêts",
    "du Bourg",
    "des Rosiers",
    "de Bretagne",
    "des Hirondelles",
    "du Canal",
    "de la Source",
    "des Bleuets",
    "du 8 Mai 1945",
    "du 11 Novembre",
    "des Chênes",
    "du Levant",
    "des Cailloux",
    "de la Plaine",
)
EPONYMS = (
    "Victor Hugo",
    "Jean Jaurès",
    "Jean Moulin",
    "Louis Pasteur",
    "Jules Ferry",
    "Marie Curie",
    "Émile Zola",
    "Georges Clemenceau",
    "Léon Gambetta",
    "Aristide Briand",
    "Jacques Prévert",
    "Paul Éluard",
    "Albert Camus",
    "Simone Veil",
    "Lucie Aubrac",
    "Germaine Tillion",
    "Louise Michel",
    "Joséphine Baker",
    "Pierre Mendès France",
    "Léon Blum",
    "Jean Zay",
    "Jules Verne",
    "Antoine de Saint-Exupéry",
    "Gustave Eiffel",
    "Camille Claudel",
    "Olympe de Gouges",
    "Nelson Mandela",
    "Rosa Parks",
    "Anne Frank",
    "Gisèle Halimi",
    "Robert Schuman",
    "Jean Monnet",
    "Paul Bert",
    "Jean Macé",
    "Charles de Gaulle",
    "Maréchal Leclerc",
    "Général Leclerc",
    "Maréchal Foch",
    "Président Wilson",
    "Georges Pompidou",
)
STREETS_EPONYM_TYPES = ("rue", "avenue", "boulevard", "place", "quai", "allée")
LIEUX_DITS = (
    "Les Granges",
    "La Croix Blanche",
    "Le Bourg",
    "Kerbastic",
    "Les Hauts du Val",
    "La Métairie",
    "Le Grand Pré",
    "Les Trois Chênes",
    "La Vieille Forge",
    "Mas de l'Olivier",
    "La Bergerie",
    "Les Caillaudes",
)
RESIDENCES = (
    "Résidence Les Tilleuls",
    "Résidence du Parc",
    "Résidence Les Hortensias",
    "Résidence Le Clos Fleuri",
    "Cité des Fleurs",
    "Résidence Bellevue",
    "Les Jardins de l'Étang",
    "Résidence Océane",
)
PERSONAL_DOMAINS = (
    ("gmail.com", 30),
    ("orange.fr", 14),
    ("hotmail.fr", 9),
    ("free.fr", 7),
    ("yahoo.fr", 6),
    ("wanadoo.fr", 5),
    ("laposte.net", 5),
    ("sfr.fr", 4),
    ("outlook.fr", 4),
    ("icloud.com", 3),
    ("proton.me", 1),
    ("live.fr", 2),
)
WORK_DOMAINS = (
    "interieur.gouv.fr",
    "finances.gouv.fr",
    "dgfip.finances.gouv.fr",
    "ac-lyon.fr",
    "ac-creteil.fr",
    "ars.sante.fr",
    "justice.fr",
    "developpement-durable.gouv.fr",
    "agriculture.gouv.fr",
    "culture.gouv.fr",
    "gendarmerie.interieur.gouv.fr",
    "aisne.gouv.fr",
    "gironde.gouv.fr",
    "insee.fr",
    "francetravail.fr",
)


class Draw:
    """All the random choices of one generation, from one seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        from faker.providers.person import (
            es_ES,
            fr_BE,
            fr_CA,
            fr_CH,
            fr_DZ,
            fr_FR,
            it_IT,
            pt_PT,
            tr_TR,
            vi_VN,
        )

        self.rng = rng
        fr = fr_FR.Provider
        be = fr_BE.Provider
        self.fr_surnames = list(fr.last_names)
        self.fr_weights = [1 / (rank + 1) ** 0.6 for rank in range(len(self.fr_surnames))]
        self.other_fr_surnames = (
            list(be.last_names) + list(fr_CA.Provider.last_names) + list(fr_CH.Provider.last_names)
        )
        # Names that take a particle: French-looking ones ("de Faure", not "du Garcia").
        self.particle_bases = [
            n
            for n in self.fr_surnames[:250]
            if " " not in n and not n.endswith(("ez", "a", "o", "s"))
        ]
        self.dz_surnames = list(fr_DZ.Provider.last_names)
        self.south_surnames = (
            list(pt_PT.Provider.last_names)
            + list(es_ES.Provider.last_names)[::4]  # alphabetical lists: every 4th name
            + list(it_IT.Provider.last_names)[::4]
        )
        self.tr_surnames = [_fold(n, keep="çöüÇÖÜ") for n in tr_TR.Provider.last_names]
        self.vi_surnames = [_fold(n) for n in vi_VN.Provider.last_names]
        self.given_m = list(be.first_names_male.items()) + [(n, 900) for n in fr.first_names_male]
        self.given_f = list(be.first_names_female.items()) + [
            (n, 900) for n in fr.first_names_female
        ]
        self.saints_m = [n for n in fr.first_names_male if "-" not in n]
        self.saints_f = [n for n in fr.first_names_female if "-" not in n]
        self.dz_given_m = list(fr_DZ.Provider.first_names_male)
        self.dz_given_f = list(fr_DZ.Provider.first_names_female)
        self.south_given_m = (
            list(pt_PT.Provider.first_names_male) + list(it_IT.Provider.first_names_male)[::3]
        )
        self.south_given_f = (
            list(pt_PT.Provider.first_names_female) + list(it_IT.Provider.first_names_female)[::3]
        )
        self.tr_given_m = [_fold(n, keep="çöüÇÖÜ") for n in tr_TR.Provider.first_names_male[::7]]
        self.tr_given_f = [_fold(n, keep="çöüÇÖÜ") for n in tr_TR.Provider.first_names_female[::7]]
        self.vi_given = [_fold(n) for n in vi_VN.Provider.first_names_male] + [
            _fold(n) for n in vi_VN.Provider.first_names_female
        ]
        from faker.providers.address import fr_FR as address_fr

        self.departments = [d for d, _ in address_fr.Provider.departments]

    # -- generic helpers -----------------------------------------------------------------------

    def pick(self, options: Sequence[str]) -> str:
        return self.rng.choice(options)

    def weighted(self, pairs: Sequence[tuple[str, int]]) -> str:
        values = [v for v, _ in pairs]
        weights = [w for _, w in pairs]
        return self.rng.choices(values, weights)[0]

    def digits(self, n: int) -> str:
        return "".join(self.rng.choice("0123456789") for _ in range(n))

    # -- people --------------------------------------------------------------------------------

    def person(self, female: bool | None = None) -> Person:
        rng = self.rng
        if female is None:
            female = rng.random() < 0.5
        origin = rng.choices(
            ("fr", "fr_other", "maghreb", "south", "africa", "turkey", "asia"),
            (74, 7, 9, 4, 3, 1, 2),
        )[0]
        if origin == "fr":
            surname = rng.choices(self.fr_surnames, self.fr_weights)[0]
        elif origin == "fr_other":
            surname = self.pick(self.other_fr_surnames)
        elif origin == "maghreb":
            surname = self.pick(self.dz_surnames)
        elif origin == "south":
            surname = self.pick(self.south_surnames)
        elif origin == "africa":
            surname = self.pick(AFRICAN_SURNAMES)
        elif origin == "turkey":
            surname = self.pick(self.tr_surnames)
        else:
            surname = self.pick(self.vi_surnames)
        roll = rng.random()
        if origin in ("fr", "fr_other") and roll < 0.07:
            base = self.pick(self.particle_bases)
            particle = self.pick(PARTICLES)
            if particle == "d'" and base[0] in "AEIOUÉ":
                surname = f"d'{base}"
            else:
                surname = ("de" if particle == "d'" else particle) + " " + base
        elif origin == "fr" and roll < 0.12:
            second = rng.choices(self.fr_surnames, self.fr_weights)[0]
            if " " not in second and " " not in surname and second != surname:
                surname = f"{surname}-{second}"
        given = self._given(origin, female)
        return Person(given, surname, female)

    def _given(self, origin: str, female: bool) -> str:
        rng = self.rng
        if origin == "maghreb" and rng.random() < 0.75:
            return self.pick(self.dz_given_f if female else self.dz_given_m)
        if origin == "africa" and rng.random() < 0.7:
            return self.pick(AFRICAN_GIVEN_F if female else AFRICAN_GIVEN_M)
        if origin == "south" and rng.random() < 0.5:
            return self.pick(self.south_given_f if female else self.south_given_m)
        if origin == "turkey" and rng.random() < 0.7:
            return self.pick(self.tr_given_f if female else self.tr_given_m)
        if origin == "asia" and rng.random() < 0.4:
            return self.pick(self.vi_given)
        if rng.random() < 0.1:
            return self.pick(COMPOUND_F if female else COMPOUND_M)
        return self.weighted(self.given_f if female else self.given_m)

    def full_name(self, who: Person) -> str:
        form = self.rng.choices(("gs", "SG", "gS", "sg", "i", "lower"), (60, 13, 9, 6, 6, 6))[0]
        if form == "gs":
            return f"{who.given} {who.surname}"
        if form == "SG":
            return f"{who.surname.upper()} {who.given}"
        if form == "gS":
            return f"{who.given} {who.surname.upper()}"
        if form == "sg":
            return f"{who.surname} {who.given}"
        if form == "i" and who.given[0] != "M":  # not to be read as "M." (Monsieur)
            return f"{who.given[0]}. {who.surname}"
        if form == "i":
            return f"{who.given} {who.surname}"
        return f"{who.given} {who.surname}".lower()

    def civility(self, who: Person) -> str:
        if self.rng.random() < 0.1:
            return self.pick(("Dr", "Me", "Pr", "Docteur", "Maître"))
        if who.female:
            return self.weighted((("Mme", 10), ("Madame", 6), ("Mlle", 1), ("mme", 1)))
        return self.weighted((("M.", 10), ("Monsieur", 6), ("Mr", 2), ("m.", 1)))

    # -- places --------------------------------------------------------------------------------

    def commune(self) -> tuple[str, str]:
        rng = self.rng
        roll = rng.random()
        if roll < 0.36:
            name = self.pick(sorted(REAL_COMMUNES))
            return name, REAL_COMMUNES[name]
        if roll < 0.48:
            return rng.choice(OVERSEAS)
        if roll < 0.56:
            return rng.choice(CORSICA)
        department = self.pick([d for d in self.departments if len(d) == 2 and d != "20"])
        postcode = (
            department + f"{rng.randrange(0, 10)}" + self.pick(("00", "10", "20", "50", "70"))
        )
        base = rng.choices(self.fr_surnames, self.fr_weights)[0]
        form = rng.randrange(5)
        if form == 0:
            if rng.random() < 0.5:
                name = f"Sainte-{self.pick(self.saints_f)}"
            else:
                name = f"Saint-{self.pick(self.saints_m)}"
        elif form == 1:
            name = f"{base}-sur-{self.pick(('Mer', 'Loire', 'Seine', 'Marne', 'Oise', 'Lot'))}"
        elif form == 2:
            name = f"{base}-les-Bains"
        elif form == 3:
            name = f"Le {base}"
        else:
            name = f"{base}{self.pick(('ville', 'court', 'ac', 'heim'))}"
        return name, postcode

    def street(self) -> str:
        kind = self.weighted(STREET_TYPES)
        name = self.pick(EPONYMS) if self.rng.random() < 0.2 else self.pick(STREET_NAMES)
        if kind in ("place", "square", "cours") and name.startswith("de la Gare"):
            name = "de la République"
        return f"{kind} {name}"

    def number(self) -> str:
        n = str(self.rng.choices((self.rng.randrange(1, 30), self.rng.randrange(30, 250)))[0])
        roll = self.rng.random()
        if roll < 0.12:
            return n + self.pick((" bis", " ter", "bis", "B", " BIS"))
        if roll < 0.15:
            return n + " quater"
        return n

    def address(self, form: str = "any") -> str:
        """A personal address, as one span (no surrounding punctuation)."""
        rng = self.rng
        commune, postcode = self.commune()
        if form == "any":
            form = rng.choices(
                (
                    "line",
                    "comma",
                    "nonum",
                    "lines",
                    "lieudit",
                    "residence",
                    "bp",
                    "street",
                    "caps",
                ),
                (25, 17, 8, 12, 9, 9, 7, 9, 4),
            )[0]
        street = self.street()
        number = self.number().rstrip(",")
        city = f"{postcode} {commune}"
        if rng.random() < 0.08:
            city = f"{postcode} {commune.upper()}"
        if form == "line":
            return f"{number} {street} {city}"
        if form == "comma":
            return f"{number}, {street}, {city}"
        if form == "nonum":
            return f"{street}, {city}"
        if form == "lines":
            sep = self.pick(("\n", "\n", " / ", " - "))
            return f"{number} {street}{sep}{city}"
        if form == "lieudit":
            prefix = self.pick(("lieu-dit ", "Lieu-dit ", "ld ", ""))
            return f"{prefix}{self.pick(LIEUX_DITS)}, {city}"
        if form == "residence":
            building = f"{self.pick(('bâtiment', 'bât.', 'Bât', 'escalier'))} {self.pick('ABCDE')}"
            flat = f"{self.pick(('appartement', 'appt', 'apt', 'porte'))} {rng.randrange(1, 80)}"
            sep = self.pick((", ", "\n"))
            return f"{self.pick(RESIDENCES)}, {building}, {flat}{sep}{number} {street}{sep}{city}"
        if form == "bp":
            box = self.pick(("BP", "B.P.", "CS"))
            return f"{box} {rng.randrange(1, 400)}, {self.pick(LIEUX_DITS)}, {city}"
        if form == "street":
            return f"{number} {street}"
        return f"{number} {street} {city}".upper()

    def office_address(self) -> str:
        """An administration's address: not personal, even on a street named after someone."""
        commune, postcode = self.commune()
        street = f"{self.pick(STREETS_EPONYM_TYPES)} {self.pick(EPONYMS)}"
        if self.rng.random() < 0.5:
            tail = f"CS {self.rng.randrange(10000, 99999)} - {postcode} {commune.upper()} CEDEX"
        else:
            tail = f"{postcode} {commune}"
        return f"{self.rng.randrange(1, 60)} {street}, {tail}"

    # -- contacts and numbers ------------------------------------------------------------------

    def email(self, who: Person | None = None, work: bool | None = None) -> str:
        rng = self.rng
        if who is None:
            who = self.person()
        given, surname = _ascii(who.given), _ascii(who.surname)
        if work is None:
            work = rng.random() < 0.35
        if work:
            local = self.pick(
                (f"{given}.{surname}", f"{given[0]}.{surname}", f"{given}.{surname}1")
            )
            return f"{local}@{self.pick(WORK_DOMAINS)}"
        local = rng.choice(
            (
                f"{given}.{surname}",
                f"{given}{surname}",
                f"{given[0]}{surname}{rng.randrange(10, 99)}",
                f"{surname}.{given}",
                f"{given}_{surname}",
                f"{given}.{surname}{rng.randrange(1960, 2005)}",
                f"{given}{rng.randrange(1, 99)}",
            )
        )
        return f"{local}@{self.weighted(PERSONAL_DOMAINS)}"

    def phone(self, mobile: bool = True) -> str:
        rng = self.rng
        overseas = rng.random() < 0.08
        if overseas:
            head = self.pick(("0690", "0696", "0694", "0692", "0693", "0639"))
            country = {"0690": "590", "0696": "596", "0694": "594", "0639": "262"}.get(head, "262")
            rest = self.digits(6)
            groups = [head[:2], head[2:], rest[:2], rest[2:4], rest[4:]]
        else:
            first = self.pick(("6", "7")) if mobile else self.pick(("1", "2", "3", "4", "5", "9"))
            rest = self.digits(8)
            groups = ["0" + first] + [rest[i : i + 2] for i in range(0, 8, 2)]
            country = "33"
        form = rng.choices(("spaces", "dots", "compact", "intl", "dashes"), (50, 15, 15, 14, 6))[0]
        if form == "spaces":
            return " ".join(groups)
        if form == "dots":
            return ".".join(groups)
        if form == "dashes":
            return "-".join(groups)
        if form == "compact":
            return "".join(groups)
        national = "".join(groups)[1:]
        return f"+{country} {national[0]} " + " ".join(national[i : i + 2] for i in range(1, 9, 2))

    def switchboard(self, landline: bool = False) -> str:
        form = 0 if landline else self.rng.randrange(4)
        if form == 0:
            return f"0{self.pick('12345')} " + " ".join(self.digits(2) for _ in range(4))
        if form == 1:
            return self.pick(("3939", "3646", "39 49", "3949", "3919", "115", "3237"))
        if form == 2:
            return "0 800 " + " ".join(self.digits(3) for _ in range(2))
        return f"0 {self.pick(('806', '809', '969'))} " + " ".join(
            self.digits(3) for _ in range(2)
        )

    def birth_date(self) -> str:
        rng = self.rng
        day, month, year = rng.randrange(1, 29), rng.randrange(1, 13), rng.randrange(1948, 2006)
        months = [
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
        form = rng.randrange(7)
        if form == 0:
            return f"{day:02d}/{month:02d}/{year}"
        if form == 1:
            return f"{'1er' if day == 1 else day} {months[month - 1]} {year}"
        if form == 2:
            return f"{day}/{month}/{year % 100:02d}"
        if form == 3:
            return f"{year}-{month:02d}-{day:02d}"
        if form == 4:
            return f"{day:02d}.{month:02d}.{year}"
        if form == 5:
            return f"{day:02d}-{month:02d}-{year}"
        short = [
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
        return f"{day} {short[month - 1]} {year}"

    def other_date(self) -> str:
        rng = self.rng
        months = [
            "janvier",
            "mars",
            "avril",
            "juin",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ]
        form = rng.randrange(3)
        if form == 0:
            day, month = rng.randrange(1, 29), rng.randrange(1, 13)
            return f"{day:02d}/{month:02d}/{rng.randrange(2019, 2027)}"
        if form == 1:
            return f"{rng.randrange(1, 29)} {self.pick(months)} {rng.randrange(2018, 2027)}"
        return f"1er {self.pick(months)} {rng.randrange(2016, 2027)}"

    def nir(self, female: bool | None = None) -> str:
        rng = self.rng
        sex = "2" if (female if female is not None else rng.random() < 0.5) else "1"
        year = f"{rng.randrange(50, 100) if rng.random() < 0.8 else rng.randrange(0, 6):02d}"
        month = f"{rng.randrange(1, 13):02d}"
        roll = rng.random()
        if roll < 0.08:
            place = self.pick(("2A", "2B")) + f"{rng.randrange(1, 370):03d}"
        elif roll < 0.15:
            place = self.pick(("971", "972", "973", "974", "976")) + f"{rng.randrange(1, 60):02d}"
        elif roll < 0.2:
            place = "99" + f"{rng.randrange(100, 500):03d}"  # born abroad
        else:
            department = self.pick([d for d in self.departments if len(d) == 2 and d != "20"])
            place = department + f"{rng.randrange(1, 600):03d}"
        order = f"{rng.randrange(1, 1000):03d}"
        body = sex + year + month + place + order
        key = 97 - int(body.replace("2A", "19").replace("2B", "18")) % 97
        compact = f"{body}{key:02d}"
        if rng.random() < 0.55:
            return " ".join(
                (
                    compact[0],
                    compact[1:3],
                    compact[3:5],
                    compact[5:7],
                    compact[7:10],
                    compact[10:13],
                    compact[13:],
                )
            )
        return compact

    def iban(self) -> str:
        rng = self.rng
        country = rng.choices(("FR", "BE", "DE", "ES", "PT", "IT"), (80, 5, 4, 4, 4, 3))[0]
        if country == "FR":
            bank, branch = self.digits(5), self.digits(5)
            account = self.digits(11)
            key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
            value = _iban("FR", f"{bank}{branch}{account}{key:02d}")
        elif country == "BE":
            body = self.digits(10)
            value = _iban("BE", f"{body}{int(body) % 97 or 97:02d}")
        elif country == "DE":
            value = _iban("DE", self.digits(18))
        elif country == "ES":
            value = _iban("ES", self.digits(20))
        elif country == "PT":
            value = _iban("PT", self.digits(21))
        else:
            value = _iban("IT", self.pick("ABCDEFGHIJKLMNOPRSTUVWXYZ") + self.digits(22))
        if rng.random() < 0.6:
            return " ".join(value[i : i + 4] for i in range(0, len(value), 4))
        return value

    def card(self) -> str:
        rng = self.rng
        kind = rng.choices(("visa", "mc", "amex"), (60, 32, 8))[0]
        if kind == "amex":
            value = _luhn_complete(self.pick(("34", "37")) + self.digits(12))
            groups = [value[:4], value[4:10], value[10:]]
        else:
            head = "4" if kind == "visa" else str(rng.randrange(51, 56))
            value = _luhn_complete(head + self.digits(15 - len(head)))
            groups = [value[i : i + 4] for i in range(0, 16, 4)]
        form = rng.choices((" ", "", "-"), (60, 30, 10))[0]
        return form.join(groups)

    def siret(self) -> str:
        siren = _luhn_complete(self.digits(8))
        if self.rng.random() < 0.4:
            return f"{siren[:3]} {siren[3:6]} {siren[6:]}"
        siret = _luhn_complete(siren + self.digits(4))
        if self.rng.random() < 0.5:
            return f"{siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}"
        return siret

    def file_number(self) -> str:
        value = _luhn_complete(self.digits(15))
        if self.rng.random() < 0.5:
            return " ".join(value[i : i + 4] for i in range(0, 16, 4))
        return value

    def order_number(self) -> str:
        return "0" + self.digits(9)


# -- sensitive topics: the revealing phrases (the span), with {e} for agreement ---------------

TOPIC_PHRASES: dict[str, tuple[str, ...]] = {
    "sante": (
        "est en arrêt maladie pour un burn-out",
        "a un cancer du sein",
        "est diabétique de type 1",
        "souffre d'une dépression sévère",
        "est enceinte de cinq mois",
        "a une RQTH depuis l'an dernier",
        "a fait un AVC en mars",
        "est suivi{e} en psychiatrie",
        "est sous chimiothérapie",
        "prend des antidépresseurs",
        "a une sclérose en plaques",
        "est en mi-temps thérapeutique",
        "est malentendant{e}",
        "a fait une fausse couche",
        "a un problème d'alcool",
        "est en congé de longue maladie",
        "fait des crises d'épilepsie",
        "est asthmatique",
        "est autiste Asperger",
        "est bipolaire",
        "a une hernie discale",
        "sort d'une hospitalisation pour une embolie pulmonaire",
        "est séropositi{f}",
        "a été opéré{e} du cœur",
        "souffre de troubles anxieux",
        "a une maladie de Crohn",
        "est en rémission d'un lymphome",
        "est reconnu{e} en invalidité catégorie 2",
        "a des migraines chroniques qui l'empêchent de travailler",
        "fait un suivi pour anorexie",
    ),
    "religion": (
        "est musulman{e} pratiquant{e}",
        "fait le ramadan",
        "s'est converti{e} au bouddhisme",
        "est catholique pratiquant{e}",
        "va à la messe tous les dimanches",
        "porte la kippa",
        "est témoin de Jéhovah",
        "est protestant{e}",
        "a posé un jour pour Yom Kippour",
        "fréquente la mosquée du quartier",
        "est athée convaincu{e}",
        "est évangélique",
        "respecte le shabbat",
        "est bouddhiste",
        "est orthodoxe",
        "part en pèlerinage à La Mecque",
        "ne mange pas de porc pour raisons religieuses",
        "porte le voile",
        "est sikh",
        "fait sa prière à midi",
        "est jui{f} pratiquant{e}",
        "demande un congé pour la Pâque orthodoxe",
        "chante à la chorale de sa paroisse",
        "s'est fait{e} baptiser adulte",
        "est adventiste",
        "jeûne pendant le carême",
        "est hindou{e}",
    ),
    "opinion_politique": (
        "est militant{e} LFI",
        "vote RN depuis des années",
        "est adhérent{e} chez Les Républicains",
        "milite chez les Écologistes",
        "a sa carte au PS",
        "est de gauche",
        "est d'extrême droite",
        "est candidat{e} sur une liste aux municipales",
        "colle des affiches pour Renaissance",
        "est anarchiste",
        "est communiste",
        "soutient le Parti animaliste",
        "était sur les ronds-points avec les gilets jaunes",
        "est souverainiste",
        "milite pour l'indépendance de la Corse",
        "est royaliste",
        "est trésori{ere} de la section locale du PCF",
        "a voté Reconquête",
        "est proche de l'ultradroite",
        "est conseill{ere} municipal{e} d'opposition",
        "distribue des tracts pour le Modem",
        "est militant{e} antifa",
        "se présente aux législatives",
        "est engagé{e} chez Horizons",
    ),
    "syndicat": (
        "est syndiqué{e} à la CGT",
        "est délégué{e} CFDT",
        "siège pour l'UNSA au CSA",
        "a sa carte à Force ouvrière",
        "milite chez Solidaires",
        "est élu{e} FSU en CAP",
        "est adhérent{e} CFE-CGC",
        "est secrétaire de la section CGT",
        "a rejoint la CFTC",
        "est permanent{e} syndical{e} chez FO",
        "est délégué{e} SUD Santé",
        "a une décharge syndicale pour l'UNSA",
        "est syndiqué{e}",
        "vient d'adhérer au SNES",
        "est représentant{e} de la CGT au CHSCT",
        "est sur la liste FO aux élections professionnelles",
        "est militant{e} à la CNT",
        "est trésori{ere} du syndicat Alliance",
        "est correspondant{e} local{e} du SNUipp",
        "est membre du bureau de la CFDT Fonctions publiques",
    ),
    "origine": (
        "est d'origine marocaine",
        "est issu{e} de la communauté rom",
        "est d'origine ivoirienne",
        "est noir{e}",
        "est métis{ss}",
        "est kabyle",
        "est d'origine asiatique",
        "fait partie des gens du voyage",
        "est de type maghrébin",
        "a des origines antillaises",
        "est fil{s} d'immigrés portugais",
        "est de souche polonaise",
        "est issu{e} de l'immigration turque",
        "est d'origine tamoule",
        "est d'origine vietnamienne",
        "est d'origine sénégalaise",
        "est arabe",
        "est d'origine comorienne",
        "a des origines berbères",
        "est d'origine kurde",
        "est d'ascendance malienne",
        "est d'origine haïtienne",
        "est d'origine chinoise",
        "est descendant{e} de harkis",
    ),
    "vie_sexuelle": (
        "est gay",
        "est homosexuel{le}",
        "est bisexuel{le}",
        "vit avec {partner} depuis dix ans",
        "est pacsé{e} avec {partner}",
        "fréquente des clubs libertins",
        "a une liaison avec un collègue",
        "trompe son conjoint",
        "est asexuel{le}",
        "est homo",
        "s'est marié{e} avec {spouse} l'été dernier",
        "sort avec {same} depuis un an",
        "est pansexuel{le}",
        "a été vu{e} sur une appli de rencontres gay",
        "a parlé de son orientation sexuelle",
        "vit en couple avec {same}",
        "est queer",
        "a plusieurs partenaires",
        "a une relation extraconjugale",
        "a révélé sa bisexualité",
    ),
    "genetique_biometrie": (
        "a fait un test génétique",
        "est porteu{se} d'une mutation génétique",
        "a donné son ADN pour l'enquête",
        "a ses empreintes digitales dans le fichier",
        "a passé un test de paternité",
        "a fait séquencer son génome",
        "a enregistré la reconnaissance faciale de son visage",
        "a un profil ADN au FNAEG",
        "a fait scanner son iris",
        "a enregistré l'empreinte veineuse de sa main",
        "a déposé sa signature vocale biométrique",
        "porte une anomalie chromosomique",
        "a fait un dépistage génétique de la mucoviscidose",
        "a un caryotype anormal",
        "a envoyé sa salive pour un test ADN généalogique",
        "a fait enregistrer son gabarit facial",
        "a donné ses empreintes pour la badgeuse",
        "a un marqueur génétique de la maladie de Huntington",
    ),
    "infraction": (
        "a été condamné{e} pour vol",
        "a un casier judiciaire",
        "est en garde à vue",
        "a été placé{e} en détention provisoire",
        "a été verbalisé{e} pour excès de vitesse",
        "a perdu tous ses points",
        "est poursuivi{e} pour harcèlement",
        "a fait de la prison",
        "est mis{e} en examen",
        "est sous bracelet électronique",
        "a été interpellé{e} pour conduite en état d'ivresse",
        "a écopé d'une amende pour fraude",
        "a été condamné{e} à six mois avec sursis",
        "est inscrit{e} au FIJAIS",
        "a une suspension de permis",
        "a été arrêté{e} pour trafic de stupéfiants",
        "a été jugé{e} pour violences conjugales",
        "a été condamné{e} pour abus de confiance",
        "a été pris{e} en train de voler dans la caisse",
        "a fait l'objet d'un rappel à la loi",
        "est convoqué{e} au tribunal correctionnel",
        "a été condamné{e} pour outrage",
    ),
}

TOPIC_LOOKALIKES: dict[str, tuple[str, ...]] = {
    "sante": (
        "notre service instruit les arrêts maladie des agents",
        "la campagne de vaccination antigrippale commence lundi",
        "le guide sur le mi-temps thérapeutique",
        "la cellule d'accompagnement des agents en situation de handicap",
        "la formation aux gestes de premiers secours",
        "les statistiques d'absentéisme pour raison de santé",
    ),
    "religion": (
        "la charte de la laïcité dans les services publics",
        "le calendrier des fêtes religieuses pour planifier les examens",
        "la formation laïcité et fait religieux",
        "la note sur les signes religieux à l'accueil du public",
        "l'aumônerie de l'hôpital",
    ),
    "opinion_politique": (
        "le guide du devoir de réserve en période électorale",
        "la tenue des bureaux de vote dimanche",
        "la circulaire sur la neutralité des agents",
        "le compte rendu du conseil municipal",
        "les résultats des élections législatives dans le département",
    ),
    "syndicat": (
        "le calendrier des élections professionnelles",
        "le protocole sur le dialogue social",
        "la répartition des décharges syndicales de la direction",
        "la réunion du CSA de mardi",
        "le préavis de grève déposé pour jeudi",
    ),
    "origine": (
        "l'enquête sur les discriminations à l'embauche",
        "le plan contre le racisme et l'antisémitisme",
        "la formation à la lutte contre les discriminations",
        "le label diversité du ministère",
        "l'aire d'accueil des gens du voyage de la commune",
    ),
    "vie_sexuelle": (
        "la politique d'inclusion LGBT+ du ministère",
        "la journée contre l'homophobie du 17 mai",
        "le référent égalité et lutte contre les LGBTphobies",
        "la campagne de prévention des infections sexuellement transmissibles",
        "le congé de naissance pour les couples pacsés",
    ),
    "genetique_biometrie": (
        "le marché de lecteurs d'empreintes pour le contrôle d'accès",
        "l'avis de la CNIL sur la reconnaissance faciale",
        "le projet de passeport biométrique",
        "le laboratoire de génétique du CHU",
        "la doctrine sur la biométrie au travail",
    ),
    "infraction": (
        "le bulletin n° 2 du casier judiciaire exigé au recrutement",
        "la note sur la procédure disciplinaire",
        "les chiffres de la délinquance routière",
        "le guide de l'article 40 du code de procédure pénale",
        "les radars automatiques installés sur la départementale",
    ),
}

# Places named after people, with their gender for the article: m, f, or v (a vowel).
INSTITUTION_KINDS = (
    ("collège", "m"),
    ("lycée", "m"),
    ("école élémentaire", "v"),
    ("groupe scolaire", "m"),
    ("centre hospitalier", "m"),
    ("hôpital", "v"),
    ("médiathèque", "f"),
    ("gymnase", "m"),
    ("salle", "f"),
    ("stade", "m"),
    ("centre social", "m"),
    ("EHPAD", "v"),
    ("université", "v"),
    ("IUT", "v"),
    ("bâtiment", "m"),
    ("amphithéâtre", "v"),
    ("crèche", "f"),
    ("maison de santé", "f"),
    ("espace culturel", "v"),
    ("piscine", "f"),
    ("caserne", "f"),
    ("cité administrative", "f"),
)
ARTICLES = {
    "le": {"m": "le ", "f": "la ", "v": "l'"},
    "au": {"m": "au ", "f": "à la ", "v": "à l'"},
    "du": {"m": "du ", "f": "de la ", "v": "de l'"},
}
LAWS = ("loi Le Pors", "loi Évin", "loi Veil", "loi Sapin 2", "loi Badinter", "circulaire Jospin")

FUNCTIONAL_LOCALS = (
    "accueil",
    "contact",
    "secretariat.dg",
    "rh",
    "courrier",
    "pref-etrangers",
    "ddpp",
    "support",
    "ne-pas-repondre",
    "drh.paie",
    "mairie",
    "scolarite",
    "bureau.marches",
    "standard",
    "dpo",
)


# -- templates ---------------------------------------------------------------------------------
# Slots: {P} a name, {PC} civility + name, {PS} civility + surname, {PG} given name alone,
# {PL} name in lower case, {A} a personal address ({A1} one line, {AL} several lines, {AS}
# street only), {E} an e-mail of the current person, {EX} anyone's e-mail, {T} a personal
# phone, {TF} a personal landline, {D} a birth date, {N} a NIR, {I} an IBAN, {C} a card,
# {<topic>} a revealing phrase. Unlabelled: {OFFICE} an administration's address, {FMAIL} a
# functional mailbox, {STD} a switchboard, {SIRET}, {FILE} a 16-digit file number, {CMD} an
# order number, {DATE} a date that is no birth date, {PLACE} a place named after someone,
# {EPONYM} a bare eponym, {CITY} a commune, {LOOK_<topic>} a topic said of no one,
# [a|b|c] a choice of plain text, {F}/{M} the gender of what follows, {e} {il} {elle} {le}
# {un} agreement with the current gender.

FAMILIES: dict[str, tuple[int, tuple[str, ...]]] = {
    "names": (
        7,
        (
            "Tu peux me rédiger un mail pour relancer {PC} sur le dossier de subvention ?",
            "{P} sera absent{e} toute la semaine, qui reprend ses dossiers ?",
            "Reformule stp : « {PS} n'a pas transmis les pièces demandées »",
            "Peux-tu traduire en anglais la lettre adressée à {PC} ?",
            "j'ai eu {PL} au tel ce matin, {il} rappelle demain",
            "Résume le compte rendu de l'entretien avec {P}.",
            "Merci de noter que {PC} remplace {P} à compter de lundi.",
            "Rédige un courrier de félicitations pour le départ en retraite de {P}.",
            "Objet : candidature de {P} au poste d'adjoint administratif",
            "Comment dire poliment à {PG} que son rapport est en retard ?",
            "{PU}\nAttaché principal\nBureau des affaires générales",
            "Présents : {P}, {P}, {PC} — excusés : {P}",
            "La note a été validée par {PS} hier soir.",
            "Tu peux corriger les fautes ? « Bonjour {PG}, je te transmet le fichier »",
            "est-ce que {PG} a bien reçu le planning ?",
            "Fais une liste des tâches de {P} pendant son congé.",
            "Bonjour,\nJe vous informe que {PC} ne fait plus partie de l'équipe.\nCordialement",
            "Qui est le supérieur hiérarchique de {PU} ?",
            "merci de mettre {PL} en copie du prochain envoi",
            "Rédige un message d'accueil pour {P}, {un} nouv{elle} arrivant{e} au service.",
            "Le jury était composé de {P}, {P} et {PS}.",
            "Peux-tu faire un tableau : nom | service\n{P} | RH\n{P} | Finances\n{P} | Juridique",
            "{PS} souhaite un rendez-vous jeudi, tu vois un créneau ?",
            "Relis l'attestation : « Je soussigné{e} {P}, certifie avoir reçu le matériel. »",
            "c'est {PG} qui s'occupe des bons de commande maintenant",
            "Signataire : {PU}, chef de bureau par intérim",
            "Dans le mail de {P} il y a une erreur sur la date, tu peux reformuler ?",
            "Propose une réponse à {PC} qui conteste son évaluation annuelle.",
            "Mets {P} et {P} en binôme pour l'inventaire.",
            "Le dossier de {P} est-il complet ?",
            "{P} a pris ses fonctions le {DATE}, merci de mettre à jour l'organigramme.",
            "{PC} a appelé le {STD} sans obtenir de réponse, peux-tu [l'aider|voir ça] ?",
            "Le rendez-vous de {P} est fixé le {DATE} {PLACE_au}.",
            "{PU} (bureau 214) demande un écran supplémentaire.",
        ),
    ),
    "addresses": (
        7,
        (
            "Peux-tu mettre au propre l'adresse de {PC} : {A} ?",
            "{P} a déménagé, sa nouvelle adresse est {A}.",
            "Adresse de l'agent :\n{AL}",
            "j'habite {AS}, c'est loin du site ? je cherche un trajet en bus",
            "Envoie le courrier recommandé à {PC}, {A}",
            "Mon adresse perso pour l'attestation employeur : {A}",
            "Destinataire : {P}\n{AL}",
            "Domicile déclaré : {A} (à vérifier)",
            "Pour le remboursement des frais, {PS} part de son domicile au {AS}.",
            "Corrige le format : {A}",
            "{P} - {A} - tél {T}",
            "Le colis est arrivé chez moi au {A} au lieu du bureau.",
            "Rédige une lettre de relance à {PC} demeurant {A}.",
            "Calcule la distance entre {A} et la préfecture.",
            "les coordonnées de {PL} : {A}",
            "Nouvelle adresse de correspondance de {P} à compter du {DATE} : {A}",
            "Expéditeur : {P}, {A}",
            "Elle vit désormais chez sa mère, {A}.",
            "adresse : {A}",
            "Le logement de fonction de {PC} se trouve {AS}, il faut prévoir des travaux.",
            "Voici l'étiquette :\n{PU}\n{AL}",
            "Il faudrait envoyer la convocation au domicile de {P} ({A}).",
            "Pouvez-vous mettre à jour l'adresse de {PC} dans le fichier ? Ancienne : {A}. "
            "Nouvelle : {A}.",
            "{PS} est domicilié{e} {A}, dans le ressort de notre tribunal ?",
            "Je vous confirme mon changement d'adresse : {A}",
        ),
    ),
    "contacts": (
        7,
        (
            "Tu peux joindre {P} sur son portable au {T}.",
            "Contact : {P} – {E} – {T}",
            "Mon numéro perso si besoin : {T}",
            "Le mail de {PC} c'est {E}, tu lui écris ?",
            "Envoie le planning à {E} et à {EX}.",
            "appelle {PG} au {T} stp c'est urgent",
            "{P}\nLigne directe : {TF}\nPortable : {T}\n{E}",
            "Réponds à {E} en reprenant les éléments ci-dessous.",
            "Ajoute {E} à la liste de diffusion du service.",
            "Son adresse personnelle : {E} (pas la pro)",
            "Pour les astreintes, {PC} est joignable au {T}.",
            "Corrige l'adresse mail de {PS} : {E}",
            "tel de {PL} : {T}",
            "Mon fixe à la maison : {TF}, le soir après 19 h.",
            "Je te transfère le message de {E} reçu ce matin.",
        ),
    ),
    "identifiers": (
        7,
        (
            "Le numéro de sécu de {PC} est {N}, tu peux vérifier la clé ?",
            "NIR : {N}",
            "Merci de saisir le RIB de {P} : {I}",
            "IBAN à modifier pour le remboursement : {I}",
            "Date de naissance de l'agent : {D}",
            "{P}, né{e} le {D}, souhaite liquider sa retraite.",
            "J'ai payé avec ma carte {C} et le remboursement n'est pas arrivé.",
            "Le numéro de carte de {P} : {C}, expiration 09/28",
            "Mon numéro de sécurité sociale : {N}",
            "Vérifie si cet IBAN est valide : {I}",
            "{PC} (DDN {D}) a demandé une attestation.",
            "Les frais ont été réglés avec la carte {C} de {P}.",
            "CB : {C} - titulaire {PU} - exp 11/27",
            "{PG} m'a dicté sa carte bancaire pour payer l'inscription : {C}",
            "Supprime mon numéro de carte {C} de la fiche de remboursement.",
            "Formate ce numéro de sécurité sociale : {N}",
            "né{e} le {D} à {CITY}, {P} est {un} de nos plus jeunes agents",
            "Virement à faire sur le compte de {PS} : {I}",
        ),
    ),
    "records": (
        6,
        (
            "Nom : {SURNAME}\nPrénom : {GIVEN}\nNé{e} le : {D}\nAdresse : {A}\nTél : {T}",
            "Fiche agent\n{P}\n{AL}\n{E}\nNIR {N}",
            "{P} ; {D} ; {A} ; {T}",
            "Peux-tu remplir le formulaire : {PC}, né{e} le {D}, domicilié{e} {A}, IBAN {I}.",
            "Cordialement,\n\n{P}\nGestionnaire paie\n{TF}\n{E}",
            "| Nom | Téléphone | Mail |\n| {P} | {T} | {E} |\n| {P} | {T} | {E} |",
            "Bien à vous,\n{PU}\n{A}\n{T}",
            "Merci de vérifier ce dossier : {P}, NIR {N}, RIB {I}, tél {T}.",
            "{P}, {A}, {E}",
            "Liste des bénéficiaires :\n- {P}, {A}\n- {P}, {A}",
            "Je soussigné{e} {P}, né{e} le {D}, demeurant {A}, déclare sur l'honneur...",
            "Relis ce mail :\nBonjour {PG},\nvoici mon RIB {I}.\nBonne journée,\n{P}\n{T}",
            "De : {P} <{E}>\nEnvoyé : [lundi|mardi|jeudi] {DATE} 09:12\nÀ : {FMAIL}\n"
            "Objet : [demande de congé|attestation|RE: planning]\n\nBonjour,\nmerci de me "
            "rappeler au {T}.\n{GIVEN}",
            "nom;prénom;téléphone\n{SURNAME};{GIVEN};{T}\n{SURNAME};{GIVEN};{T}",
            "- {P} ({E})\n- {P} ({E})\n- {P} ({E})",
        ),
    ),
    "topics": (
        7,
        (
            "{P} {sante}, il faut adapter son poste.",
            "{F}Ma collègue {sante}, comment lui proposer un aménagement ?",
            "Je dois annoncer à l'équipe que {PC} {sante}, sans trop en dire.",
            "{M}Mon agent {sante} : ai-je le droit de le noter dans son dossier ?",
            "info RH : {PL} {sante}",
            "Rédige un mail : {PS} {religion} et demande un aménagement d'horaires.",
            "{F}Une stagiaire {religion}, est-ce un problème pour l'accueil du public ?",
            "Dans l'équipe on sait que {P} {religion}.",
            "{M}mon n+1 {religion}, il refuse les réunions le vendredi midi",
            "{P} {religion} : peut-on refuser son congé ?",
            "{PC} {opinion_politique}, peut-il tenir un bureau de vote ?",
            "Il paraît que {P} {opinion_politique}.",
            "{F}Notre nouvelle directrice {opinion_politique}, ça pose un souci de neutralité ?",
            "{M}un collègue {opinion_politique} et en parle sans arrêt à la cantine",
            "Peut-on sanctionner {PS} qui {opinion_politique} ?",
            "{P} {syndicat}, je dois l'inviter à la réunion ?",
            "{F}La gestionnaire paie {syndicat}, elle demande du temps pour son mandat.",
            "Tu peux rédiger la convocation ? {PC} {syndicat}.",
            "{M}mon adjoint {syndicat} donc il sera absent jeudi",
            "Je crois que {PG} {syndicat}, demande-lui.",
            "{P} {origine}, est-ce utile de le mentionner dans le rapport ?",
            "{F}La candidate {origine}, le jury l'a noté dans ses remarques.",
            "Le témoin a précisé que {PS} {origine}.",
            "{M}le voisin {origine} et se plaint de remarques racistes",
            "Dans sa plainte, {P} indique qu'{il} {origine}.",
            "{P} {vie_sexuelle}, et des collègues font des blagues.",
            "{F}Ma cheffe {vie_sexuelle}, tout le monde en parle au bureau.",
            "Comment réagir : {PC} {vie_sexuelle} et subit des moqueries ?",
            "{M}un agent {vie_sexuelle}, il craint que ça se sache",
            "On m'a dit que {PG} {vie_sexuelle}.",
            "{P} {genetique_biometrie}, peut-on conserver ces données ?",
            "{M}Le requérant {genetique_biometrie}, faut-il le mentionner ?",
            "Dans le dossier de {PC}, on lit qu'{il} {genetique_biometrie}.",
            "{F}une usagère {genetique_biometrie} et veut que ce soit effacé",
            "Le rapport d'enquête indique que {PS} {genetique_biometrie}.",
            "{P} {infraction}, peut-on garder cette personne au contact du public ?",
            "{M}Un agent de mon équipe {infraction}, que dois-je faire ?",
            "J'ai appris que {PC} {infraction}.",
            "{F}la locataire du logement de fonction {infraction}",
            "Rédige une note : {PS} {infraction} et demande à reprendre ses fonctions.",
        ),
    ),
    "topics_long": (
        7,
        (
            "Bonjour,\nje prépare la réunion de service. {P} {sante} et {P} {syndicat}.\n"
            "Peux-tu m'aider à organiser les absences ?",
            "Note confidentielle : {PC} {religion} ; par ailleurs {PS} {infraction}.",
            "Entre nous, {PG} {vie_sexuelle} et {il} {opinion_politique}, je ne sais pas si "
            "je dois en parler.",
            "Le signalement mentionne que {P} {origine} et qu'{il} {genetique_biometrie}.",
            "Compte rendu de la cellule d'écoute :\n- {P} {sante}\n- {P} {origine}\n"
            "- {P} {vie_sexuelle}",
            "Pour le comité de suivi : {P} {infraction} ; {P} {genetique_biometrie} ; "
            "{P} {religion}.",
            "{F}ma collègue {syndicat} et {opinion_politique}, elle veut se présenter aux "
            "élections",
            "Tu peux anonymiser ce texte ? « {P} {sante}. {P} {religion}. {P} {origine}. »",
        ),
    ),
    "eponyms": (
        8,
        (
            "{PLACE_le} ouvre ses portes samedi, tu peux rédiger l'annonce ?",
            "La réunion aura lieu {PLACE_au}, salle 12.",
            "Combien d'élèves sont inscrits {PLACE_au} ?",
            "Rédige un mot d'excuse pour l'absence de mon fils {PLACE_au}.",
            "On cherche un agent d'accueil pour {PLACE_le}.",
            "Itinéraire pour aller {PLACE_au} depuis la gare ?",
            "La rénovation {PLACE_du} est-elle financée par le plan de relance ?",
            "Les travaux de la rue {EPONYM} perturbent la circulation.",
            "Prévoir une navette entre la place {EPONYM} et {PLACE_le}.",
            "On fête les 50 ans {PLACE_du} le {DATE}.",
            "Que prévoit la {LAW} pour les agents contractuels ?",
            "La permanence se tient {PLACE_au}, avenue {EPONYM}.",
            "Le conseil d'administration {PLACE_du} se réunit le {DATE}.",
        ),
    ),
    "institutions": (
        9,
        (
            "Pour toute question, écrivez à {FMAIL} ou appelez le {STD}.",
            "Adresse de la préfecture : {OFFICE}",
            "Le standard de la mairie : {STD}, ouvert de 9 h à 17 h.",
            "Envoyez les dossiers à {FMAIL}.",
            "Direction départementale de la protection des populations\n{OFFICE}\n{FMAIL}",
            "Le service des impôts est joignable au {STD}.",
            "Courrier à adresser à : Tribunal judiciaire, {OFFICE}",
            "Le rectorat a changé d'adresse : {OFFICE}",
            "Numéro d'urgence du service : {STD} (astreinte)",
            "Contactez la plateforme au {STD} ou par mail à {FMAIL}.",
            "Les candidatures sont reçues à {FMAIL} jusqu'au {DATE}.",
            "Siège : {OFFICE} - Standard : {STD}",
            "Cordialement,\nLe bureau des ressources humaines\nPréfecture de [l'Aisne|la "
            "Gironde|la Marne|Corse-du-Sud]\n{OFFICE}\nTél. : {STDL}\n{FMAIL}",
            "Pour joindre la mairie de {CITY} : {STD}, ou {FMAIL}.",
        ),
    ),
    "references": (
        9,
        (
            "Le SIRET du prestataire est {SIRET}, tu peux vérifier ?",
            "Dossier n° {FILE} : merci de compléter la pièce manquante.",
            "La commande {CMD} n'a pas été livrée.",
            "Référence client {CMD}, facture du {DATE}.",
            "Arrêté n° {ARRETE} du {DATE} portant délégation de signature",
            "Le marché n° {MARCHE} a été notifié le {DATE}.",
            "Numéro de dossier Chorus : {FILE}",
            "SIREN/SIRET {SIRET} : l'entreprise est-elle à jour de ses cotisations ?",
            "Tu peux relancer le fournisseur pour la commande n° {CMD} ?",
            "Décret n° {ARRETE} du {DATE} relatif au temps de travail",
            "Le numéro de suivi de la demande est {FILE}.",
            "Convention n° {MARCHE} signée le {DATE}, à transmettre au contrôle budgétaire.",
        ),
    ),
    "dates": (
        9,
        (
            "La commune nouvelle, née le {DATE}, regroupe trois villages.",
            "Le service est né de la fusion du {DATE}.",
            "Le comité se réunira le {DATE} à 14 h.",
            "Date limite de dépôt : {DATE}",
            "L'agence, créée le {DATE}, recrute.",
            "Le nouveau logiciel sera déployé à partir du {DATE}.",
            "Le dispositif, entré en vigueur le {DATE}, est-il toujours applicable ?",
        ),
    ),
    "lookalikes": (
        5,
        (
            "Peux-tu résumer {LOOK_sante} ?",
            "Fais une synthèse sur {LOOK_religion}.",
            "Rédige un mail pour présenter {LOOK_opinion_politique}.",
            "J'ai besoin d'une fiche sur {LOOK_syndicat}.",
            "Je dois préparer une intervention sur {LOOK_origine}.",
            "Rédige trois messages pour l'intranet sur {LOOK_vie_sexuelle}.",
            "Fais-moi une note sur {LOOK_genetique_biometrie}.",
            "Explique simplement {LOOK_infraction}.",
            "Notre direction travaille sur {LOOK_syndicat} et {LOOK_religion}.",
            "Fais une FAQ sur {LOOK_infraction} et {LOOK_genetique_biometrie}.",
            "Liste les points clés de {LOOK_origine} et de {LOOK_vie_sexuelle}.",
            "Ordre du jour : 1. {LOOK_sante} 2. {LOOK_opinion_politique}",
        ),
    ),
    "lookalikes_said": (
        6,
        (
            "Mon service gère les arrêts maladie de [300|450|1 200] agents, comment classer "
            "les certificats ?",
            "Le marché de [reconnaissance faciale|lecteurs biométriques|contrôle d'accès par "
            "empreinte] a été attribué le {DATE}.",
            "Les agents qui font le ramadan peuvent-ils aménager leurs horaires ? Quelle est "
            "la règle ?",
            "Combien de représentants [CGT|CFDT|FO|UNSA|FSU] siègent au CSA [ministériel|de "
            "proximité] ?",
            "Le bulletin n° [2|3] du casier judiciaire est-il exigé pour un poste "
            "[d'animateur|d'agent d'accueil|de surveillant] ?",
            "[Quelle|Quelles] statistiques ethniques sont interdites en France ?",
            "Un agent a-t-il le droit de [porter un signe religieux|faire de la propagande "
            "politique|militer] pendant son service ?",
            "Quelle est la durée du congé de longue maladie dans la fonction publique ?",
            "Peut-on demander à un candidat son [orientation sexuelle|origine|opinion "
            "politique|appartenance syndicale] ? (réponse courte)",
            "Résume le rapport du Défenseur des droits sur [les discriminations liées à "
            "l'origine|les contrôles d'identité|l'emploi des personnes handicapées].",
            "La préfecture équipe ses guichets de [bornes biométriques|capteurs d'empreintes|"
            "photos et signatures numériques] pour les titres.",
            "Le tribunal [correctionnel|judiciaire|administratif] de {CITY} ferme le "
            "[vendredi|mercredi] après-midi.",
            "Nous organisons une sensibilisation au [diabète|cancer du sein|dépistage du VIH|"
            "don du sang] le {DATE}.",
            "[La fête de l'Aïd|Noël|Yom Kippour|Le Nouvel An chinois] : jour ouvré ou non "
            "cette année ?",
            "Le nombre d'adhérents des syndicats de la fonction publique baisse-t-il ?",
        ),
    ),
    "generic": (
        5,
        (
            "Peux-tu reformuler ce [paragraphe|passage|mail|courrier] de façon plus "
            "[claire|concise|polie] ?",
            "Quels sont les délais de recours contre [une décision administrative|un arrêté "
            "de mutation|un refus de congé|une sanction du premier groupe] ?",
            "Rédige un ordre du jour pour la réunion [de service|d'équipe|du comité de "
            "direction] de [lundi|mardi|jeudi|vendredi].",
            "traduis en [anglais|espagnol|allemand] : « [le dossier est en cours d'instruction|"
            "votre demande a bien été reçue|le guichet est fermé le mercredi] »",
            "Combien de jours de congés pour un agent à temps partiel à [50|60|70|80|90] % ?",
            "Fais un tableau des dépenses du [premier|deuxième|troisième|dernier] trimestre.",
            "Quelle est la différence entre [un arrêté et une décision|une circulaire et une "
            "instruction|un décret et un arrêté|une note et un mémo] ?",
            "Résume la circulaire du {DATE} en [trois|cinq|dix] points.",
            "Propose un titre pour la [newsletter|lettre interne|page intranet] du service "
            "{SERVICE}.",
            "Comment calculer [le forfait mobilités durables|l'indemnité de télétravail|"
            "les heures supplémentaires|le CET] ?",
            "Donne-moi un modèle de note de service pour [le télétravail|les congés d'été|"
            "la fermeture de fin d'année|le plan de continuité].",
            "Le bureau {SERVICE} déménage au [2e|3e|4e|5e] étage, rédige l'annonce.",
            "Corrige les fautes : « [les agent ont été informer de la réorganisation|la réunion "
            "a était reporter|veuillez trouvez ci-joint le document|nous avont bien reçu] »",
            "Combien de temps garder [les factures|les bons de commande|les feuilles de "
            "présence|les dossiers de marché] dans nos archives ?",
            "Rédige la réponse type pour les demandes de [badge|place de parking|"
            "matériel informatique|télétravail].",
            "[ok merci|d'accord, merci|parfait|super merci] ! et pour [la version courte|le "
            "tableau|l'annexe] ?",
            "Explique-moi [le RIFSEEP|la NBI|le CIA|l'IFSE] en termes simples.",
            "fais une liste de [10|5|8] idées pour [la journée d'intégration|le séminaire|"
            "la semaine de la QVT]",
        ),
    ),
}

SERVICES = ("RH", "Finances", "Marchés publics", "Affaires juridiques", "Communication", "SI")
OPENINGS = ("Bonjour, ", "Re: ", "stp ", "Salut ! ", "Petite question : ", "Urgent - ", "Hello, ")
CLOSINGS = (" Merci !", " Merci d'avance.", " Cdlt", " Bonne journée", " merci")
ABBREVIATIONS = (
    (" pour ", " pr "),
    (" s'il te plaît", " stp"),
    (" rendez-vous", " rdv"),
    (" beaucoup", " bcp"),
    (" dans ", " ds "),
    (" toujours", " tjrs"),
    (" quelque chose", " qqch"),
    ("Cordialement", "Cdlt"),
    (" téléphone", " tel"),
)


# Agreement markers: {key} becomes the feminine or the masculine form.
AGREEMENT = {
    "e": ("e", ""),
    "se": ("se", "r"),
    "ss": ("se", ""),
    "f": ("ve", "f"),
    "le": ("le", ""),
    "s": ("le", "s"),
    "ere": ("ère", "er"),
    "il": ("elle", "il"),
    "un": ("une", "un"),
    "elle": ("elle", "el"),
    "partner": ("sa compagne", "son compagnon"),
    "spouse": ("sa femme", "son mari"),
    "same": ("une autre femme", "un autre homme"),
}


@dataclass
class Row:
    pieces: list[Piece] = field(default_factory=list)

    def add(self, text: str, label: str | None = None) -> None:
        if text:
            self.pieces.append((text, label))


class Renderer:
    """Fills a template, piece by piece, so that every span is known by construction."""

    SLOT = re.compile(r"\{(\w+)\}|\[([^\]]*)\]")

    def __init__(self, draw: Draw) -> None:
        self.draw = draw
        self.female = False
        self.person: Person | None = None

    def agree(self, text: str) -> str:
        for key, (feminine, masculine) in AGREEMENT.items():
            text = text.replace("{" + key + "}", feminine if self.female else masculine)
        return text

    def new_person(self) -> Person:
        """The first person of a template takes the gender drawn for it (or set by {F}/{M}),
        so that agreement written before the name is right; the others are drawn."""
        who = self.draw.person(self.female if self.person is None else None)
        self.person = who
        self.female = who.female
        return who

    def render(self, template: str) -> Row:
        draw = self.draw
        row = Row()
        self.person = None
        self.female = draw.rng.random() < 0.5
        position = 0
        for match in self.SLOT.finditer(template):
            row.add(template[position : match.start()])
            position = match.end()
            if match.group(2) is not None:
                row.add(draw.pick(match.group(2).split("|")))
                continue
            slot = match.group(1)
            self.slot(slot, row)
        row.add(template[position:])
        return row

    def slot(self, slot: str, row: Row) -> None:
        draw = self.draw
        if slot == "F" or slot == "M":
            self.female = slot == "F"
            return
        if slot in AGREEMENT:
            row.add(self.agree("{" + slot + "}"))
            return
        if slot == "P":
            row.add(draw.full_name(self.new_person()), "personne")
        elif slot == "PC":
            who = self.new_person()
            row.add(draw.civility(who) + " ")
            name = draw.full_name(who) if draw.rng.random() < 0.6 else who.surname
            row.add(name, "personne")
        elif slot == "PS":
            who = self.new_person()
            row.add(draw.civility(who) + " ")
            surname = who.surname.upper() if draw.rng.random() < 0.15 else who.surname
            row.add(surname, "personne")
        elif slot == "PG":
            who = self.new_person()
            given = who.given.lower() if draw.rng.random() < 0.2 else who.given
            row.add(given, "personne")
        elif slot == "PL":
            who = self.new_person()
            name = f"{who.given} {who.surname}" if draw.rng.random() < 0.7 else who.surname
            row.add(name.lower(), "personne")
        elif slot == "PU":
            who = self.new_person()
            row.add(f"{who.surname.upper()} {who.given}", "personne")
        elif slot == "SURNAME":
            who = self.new_person()
            row.add(who.surname.upper() if draw.rng.random() < 0.5 else who.surname, "personne")
        elif slot == "GIVEN":
            assert self.person is not None
            row.add(self.person.given, "personne")
        elif slot == "A":
            row.add(draw.address(), "adresse")
        elif slot == "A1":
            row.add(draw.address("line"), "adresse")
        elif slot == "AL":
            row.add(
                draw.address(draw.pick(("lines", "residence", "lines")))
                .replace(" / ", "\n")
                .replace(" - ", "\n")
                .replace(", ", "\n", 1),
                "adresse",
            )
        elif slot == "AS":
            row.add(draw.address("street"), "adresse")
        elif slot == "E":
            row.add(draw.email(self.person), "email")
        elif slot == "EX":
            row.add(draw.email(), "email")
        elif slot == "T":
            row.add(draw.phone(), "telephone")
        elif slot == "TF":
            row.add(draw.phone(mobile=False), "telephone")
        elif slot == "D":
            row.add(draw.birth_date(), "date_naissance")
        elif slot == "N":
            row.add(draw.nir(self.female), "nir")
        elif slot == "I":
            row.add(draw.iban(), "iban")
        elif slot == "C":
            row.add(draw.card(), "carte")
        elif slot in TOPIC_PHRASES:
            row.add(self.agree(draw.pick(TOPIC_PHRASES[slot])), slot)
        elif slot.startswith("LOOK_"):
            row.add(draw.pick(TOPIC_LOOKALIKES[slot[5:]]))
        elif slot == "OFFICE":
            row.add(draw.office_address())
        elif slot == "FMAIL":
            commune, _ = draw.commune()
            host = draw.pick(
                (
                    f"mairie-{_ascii(commune)}.fr",
                    f"{_ascii(commune)}.fr",
                    "ac-nantes.fr",
                    "ars.sante.fr",
                    "finances.gouv.fr",
                    f"{draw.pick(('aisne', 'gard', 'nord'))}.gouv.fr",
                    "francetravail.fr",
                )
            )
            row.add(f"{draw.pick(FUNCTIONAL_LOCALS)}@{host}")
        elif slot == "STD":
            row.add(draw.switchboard())
        elif slot == "STDL":
            row.add(draw.switchboard(landline=True))
        elif slot == "SIRET":
            row.add(draw.siret())
        elif slot == "FILE":
            row.add(draw.file_number())
        elif slot == "CMD":
            row.add(draw.order_number())
        elif slot == "DATE":
            row.add(draw.other_date())
        elif slot == "ARRETE":
            row.add(f"{draw.rng.randrange(2018, 2027)}-{draw.rng.randrange(1, 1800)}")
        elif slot == "MARCHE":
            row.add(f"{draw.rng.randrange(18, 27)}{draw.pick('SUFT')}{draw.digits(4)}")
        elif slot in ("PLACE_le", "PLACE_au", "PLACE_du"):
            kind, gender = draw.rng.choice(INSTITUTION_KINDS)
            article = ARTICLES[slot[6:]][gender]
            row.add(f"{article}{kind} {draw.pick(EPONYMS)}")
        elif slot == "LAW":
            row.add(draw.pick(LAWS))
        elif slot == "EPONYM":
            row.add(draw.pick(EPONYMS))
        elif slot == "CITY":
            row.add(draw.commune()[0])
        elif slot == "SERVICE":
            row.add(draw.pick(SERVICES))
        else:
            raise KeyError(slot)


# -- noise: applied piece by piece, so the spans follow -----------------------------------------


def _typo(rng: random.Random, text: str) -> str:
    words = [m for m in re.finditer(r"[a-zàâçéèêëîïôûù]{5,}", text)]
    if not words:
        return text
    word = rng.choice(words)
    i = rng.randrange(word.start() + 1, word.end() - 2)
    if rng.random() < 0.5:
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]  # swapped letters
    return text[:i] + text[i + 1 :]  # a letter dropped


def noisy(rng: random.Random, row: Row) -> Row:
    pieces = list(row.pieces)
    multiline = any("\n" in text for text, _label in pieces)
    if rng.random() < 0.18 and not pieces[0][0][:1].islower() and not multiline:
        pieces.insert(0, (rng.choice(OPENINGS), None))
    if rng.random() < 0.08 and pieces[-1][1] is None and "\n" not in pieces[-1][0]:
        pieces.append((rng.choice(CLOSINGS), None))
    if rng.random() < 0.12:
        pieces = [(t.lower(), lab) for t, lab in pieces]
    if rng.random() < 0.06:
        pieces = [(_fold(t, keep="\n"), lab) for t, lab in pieces]
    if rng.random() < 0.15:
        plain = [i for i, (_t, lab) in enumerate(pieces) if lab is None]
        if plain:
            i = rng.choice(plain)
            text = pieces[i][0]
            for long, short in ABBREVIATIONS:
                text = text.replace(long, short)
            if rng.random() < 0.6:
                text = _typo(rng, text)
            pieces[i] = (text, None)
    return Row(pieces)


def _same_value(filled: str, written: str) -> bool:
    """Whether the noise only changed the case or the accents of a slot's value."""
    return _fold(filled).casefold() == _fold(written).casefold()


def to_line(row: Row, template: str, filled: Row) -> dict[str, Any]:
    """The JSON line of a rendered row; `filled` is the row before the noise."""
    text = ""
    spans: list[list[Any]] = []
    values: list[str] = []
    pii: dict[str, list[str]] = {}
    topics: set[str] = set()
    for piece, label in row.pieces:
        if label is not None:
            value = piece.strip().rstrip(".,;:")
            assert value == piece, (piece, template)
            spans.append([len(text), len(text) + len(piece), label])
            values.append(piece)
            if label in TOPICS:
                topics.add(label)
            else:
                pii.setdefault(label, []).append(piece)
        text += piece
    # Each span's text is the value that filled its slot, in order, up to case and accents.
    slots = [(piece, label) for piece, label in filled.pieces if label is not None]
    assert len(slots) == len(spans), template
    for (start, end, label), value, (slot_value, slot_label) in zip(
        spans, values, slots, strict=True
    ):
        assert text[start:end] == value and label == slot_label, (text, label)
        assert _same_value(slot_value, value), (slot_value, value)
    return {
        "text": text,
        "pii": pii,
        "topics": sorted(topics),
        "spans": spans,
        "split": SPLIT,
        "template": template,
    }


def templates() -> list[tuple[str, int, str]]:
    """(template id, renderings, template text) for every template, in a fixed order."""
    out = []
    for family, (times, texts) in FAMILIES.items():
        for i, text in enumerate(texts):
            out.append((f"test2_{family}-{i:02d}", times, text))
    return out


def generate(seed: int = SEED) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    draw = Draw(rng)
    renderer = Renderer(draw)
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for template_id, times, text in templates():
        made = 0
        for _attempt in range(times * 4):
            if made == times:
                break
            filled = renderer.render(text)
            line = to_line(noisy(rng, filled), template_id, filled)
            if line["text"] in seen:
                continue
            seen.add(line["text"])
            rows.append(line)
            made += 1
    for row in rows:
        for start, end, label in row["spans"]:
            value = row["text"][start:end]
            assert value and value == value.strip(), (value, row["text"])
            if label not in TOPICS:
                assert value in row["pii"][label]
    return rows


def counts(rows: Iterable[dict[str, Any]]) -> Counter[str]:
    return Counter(label for row in rows for _s, _e, label in row["spans"])


def write(rows: Sequence[dict[str, Any]], path: Path = TARGET) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def main() -> int:
    import faker

    if faker.VERSION != MADE_WITH_FAKER:
        print(f"warning: faker {faker.VERSION}, the committed set was made with {MADE_WITH_FAKER}")
    rows = generate()
    write(rows)
    total = counts(rows)
    clean = sum(1 for row in rows if not row["spans"])
    print(f"{len(rows)} sentences, {clean} with nothing personal, {len(templates())} templates")
    for category in IDENTIFIERS + TOPICS:
        print(f"{category:22} {total.get(category, 0):>5}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
