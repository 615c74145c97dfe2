"""Writes tests/data/pii_test5.jsonl, a fifth held-out set for the personal-data guard (issue 18).

Written by an independent hand (see tests/data/PII_SETS.md, section test5): this module imports
nothing from the project and was written without reading the detectors, the other generators or
the other sets beyond their line format. Deterministic: fixed seed, faker's name lists as
installed (the file is checked against faker MADE_WITH_FAKER).

Template syntax: ``{slot}`` is a value drawn by the generator (a person, an address, an
identifier, or an unlabelled filler), ``[category:a|b|c]`` a phrase revealing a sensitive topic
(one of the alternatives, labelled), ``<a|b|c>`` an unlabelled choice (may hold slots).

    python -m devtools.pii_corpus_test5
"""

# ruff: noqa: E501  (the templates are sentences: one per line reads best)
from __future__ import annotations

import json
import random
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

MADE_WITH_FAKER = "40.63.0"
SEED = 5_051_893
SPLIT = "test5"
TARGET = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii_test5.jsonl"

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
CATEGORIES = IDENTIFIERS + TOPICS

Piece = tuple[str, str | None]

# Values ---------------------------------------------------------------------------------------

WEST_AFRICA = (
    "Diallo", "Traoré", "Koné", "Diop", "Ndiaye", "Camara", "Sow", "Touré", "Cissé", "Keita",
    "Coulibaly", "Sylla", "Bamba", "Konaté", "Fofana", "Sissoko", "Mbaye", "Ba",
)  # fmt: skip
WEST_AFRICA_GIVEN_M = ("Mamadou", "Moussa", "Ousmane", "Abdoulaye", "Seydou", "Ibrahima", "Cheikh")
WEST_AFRICA_GIVEN_F = ("Aminata", "Fatoumata", "Awa", "Mariama", "Kadiatou", "Aïssatou", "Binta")
EAST_ASIA = ("Nguyen", "Tran", "Pham", "Wang", "Li", "Zhang", "Chen", "Huynh", "Vo", "Lin")
EAST_ASIA_GIVEN_M = ("Minh", "Wei", "Thanh", "Jun", "Hao")
EAST_ASIA_GIVEN_F = ("Linh", "Mei", "Thi Lan", "Xiaoli", "Mai")
PARTICLES = ("de", "du", "de la", "d'", "Le", "de Saint-")
BRETON = ("Le Goff", "Le Gall", "Le Roux", "Le Bihan", "Le Guen", "Le Floch", "Le Corre", "Le Du",
          "Le Berre", "Le Meur", "Le Bris", "Le Gac")  # fmt: skip
COMPOUND = {
    "m": ("Jean-Pierre", "Jean-Marc", "Jean-Luc", "Jean-François", "Jean-Philippe", "Pierre-Yves",
          "Jean-Baptiste", "Paul-Henri", "Jean-Michel", "Louis-Marie"),
    "f": ("Marie-Claire", "Anne-Sophie", "Marie-Hélène", "Marie-Christine", "Anne-Laure",
          "Marie-Pierre", "Marie-Laure", "Anne-Marie", "Marie-Thérèse", "Marie-Noëlle"),
}  # fmt: skip

# Real communes (name, postcode), a hand list, with overseas and Corsica.
COMMUNES = (
    ("Paris", "75011"), ("Paris", "75018"), ("Marseille", "13005"), ("Lyon", "69003"),
    ("Toulouse", "31500"), ("Nice", "06300"), ("Nantes", "44300"), ("Strasbourg", "67200"),
    ("Montpellier", "34070"), ("Bordeaux", "33800"), ("Lille", "59000"), ("Rennes", "35200"),
    ("Reims", "51100"), ("Saint-Étienne", "42100"), ("Le Havre", "76600"), ("Dijon", "21000"),
    ("Angers", "49100"), ("Grenoble", "38100"), ("Villeurbanne", "69100"), ("Nîmes", "30900"),
    ("Clermont-Ferrand", "63000"), ("Aix-en-Provence", "13090"), ("Brest", "29200"),
    ("Limoges", "87000"), ("Tours", "37000"), ("Amiens", "80000"), ("Perpignan", "66000"),
    ("Metz", "57050"), ("Besançon", "25000"), ("Orléans", "45000"), ("Rouen", "76100"),
    ("Mulhouse", "68100"), ("Caen", "14000"), ("Nancy", "54000"), ("Argenteuil", "95100"),
    ("Montreuil", "93100"), ("Roubaix", "59100"), ("Tourcoing", "59200"), ("Avignon", "84000"),
    ("Créteil", "94000"), ("Poitiers", "86000"), ("Pau", "64000"), ("La Rochelle", "17000"),
    ("Colmar", "68000"), ("Quimper", "29000"), ("Valence", "26000"), ("Chambéry", "73000"),
    ("Niort", "79000"), ("Laval", "53000"), ("Vannes", "56000"), ("Saint-Brieuc", "22000"),
    ("Bourg-en-Bresse", "01000"), ("Albi", "81000"), ("Auch", "32000"), ("Guéret", "23000"),
    ("Mende", "48000"), ("Aurillac", "15000"), ("Tulle", "19000"), ("Épinal", "88000"),
    ("Lons-le-Saunier", "39000"), ("Montélimar", "26200"), ("Fougères", "35300"),
    ("Saint-Dié-des-Vosges", "88100"), ("Issoudun", "36100"), ("Privas", "07000"),
    ("Digne-les-Bains", "04000"), ("Rodez", "12000"), ("Cahors", "46000"), ("Foix", "09000"),
    ("Saint-Lô", "50000"), ("Alençon", "61000"), ("Évreux", "27000"), ("Beauvais", "60000"),
    ("Sarreguemines", "57200"), ("Haguenau", "67500"), ("Bayonne", "64100"), ("Dax", "40100"),
    ("Ajaccio", "20000"), ("Ajaccio", "20090"), ("Bastia", "20200"), ("Porto-Vecchio", "20137"),
    ("Corte", "20250"), ("Calvi", "20260"), ("Propriano", "20110"), ("Biguglia", "20620"),
    ("Pointe-à-Pitre", "97110"), ("Les Abymes", "97139"), ("Baie-Mahault", "97122"),
    ("Fort-de-France", "97200"), ("Le Lamentin", "97232"), ("Schœlcher", "97233"),
    ("Cayenne", "97300"), ("Kourou", "97310"), ("Saint-Denis", "97400"), ("Saint-Pierre", "97410"),
    ("Le Tampon", "97430"), ("Saint-Paul", "97460"), ("Mamoudzou", "97600"),
    ("Dzaoudzi", "97615"), ("Koungou", "97690"), ("Matoury", "97351"),
)  # fmt: skip

STREET_TYPES = (
    ("rue", 50), ("avenue", 10), ("chemin", 9), ("impasse", 7), ("allée", 6), ("route", 6),
    ("place", 3), ("boulevard", 3), ("lotissement", 2), ("square", 1), ("quai", 1),
    ("cours", 1), ("sentier", 1), ("passage", 1),
)  # fmt: skip
STREET_NAMES = (
    "des Lilas", "du Moulin", "de la Gare", "des Écoles", "du Stade", "des Acacias", "de l'Église",
    "des Tilleuls", "du Château", "des Vignes", "de la Fontaine", "du Lavoir", "des Peupliers",
    "de la Paix", "des Mésanges", "du Four", "des Prés", "de Bretagne", "des Cerisiers",
    "du Bois Joli", "des Pêcheurs", "de la Croix Blanche", "des Hirondelles", "du Port",
    "Pasteur", "Jean Jaurès", "Victor Hugo", "Jean Moulin", "du Général de Gaulle",
    "Gambetta", "Émile Zola", "Paul Bert", "Aristide Briand", "Louise Michel", "Anatole France",
)  # fmt: skip
LIEUX_DITS = ("La Métairie", "Le Haut Bourg", "Les Granges", "Kerbriant", "La Croix du Pin",
              "Le Pré Long", "Les Bruyères", "Mas de la Font")  # fmt: skip
RESIDENCES = ("Les Jardins d'Automne", "Le Clos Fleuri", "Les Terrasses du Lac", "Le Parc Bleu",
              "Les Hauts de Ville", "Belvédère", "Les Magnolias", "Cité Verte")  # fmt: skip
EPONYMS = (
    "Victor Hugo", "Jules Ferry", "Jean Moulin", "Simone Veil", "Marie Curie", "Louis Pasteur",
    "Jean Jaurès", "Georges Brassens", "Aimé Césaire", "Gisèle Halimi", "Lucie Aubrac",
    "Albert Camus", "Jacques Prévert", "Pierre Mendès France", "Rosa Parks", "Nelson Mandela",
    "Charles de Gaulle", "François Mitterrand", "Joséphine Baker", "Olympe de Gouges",
)  # fmt: skip
MAIL_DOMAINS = ("gmail.com", "orange.fr", "free.fr", "laposte.net", "hotmail.fr", "yahoo.fr",
                "sfr.fr", "outlook.fr", "wanadoo.fr", "icloud.com")  # fmt: skip
WORK_DOMAINS = ("interieur.gouv.fr", "finances.gouv.fr", "ac-rennes.fr", "ac-lyon.fr",
                "justice.fr", "agriculture.gouv.fr", "ars.sante.fr", "developpement-durable.gouv.fr",
                "dgfip.finances.gouv.fr", "education.gouv.fr")  # fmt: skip
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre")  # fmt: skip
SERVICES = ("la DDETS", "le SGAR", "la DREAL", "le rectorat", "la préfecture", "la DDFiP",
            "le bureau des pensions", "la CAF", "France Travail", "la DIRECCTE", "le SDIS",
            "la sous-préfecture", "le CROUS", "l'ARS", "la DRAC")  # fmt: skip


def _strip_accents(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn"
    )


def _ascii(text: str) -> str:
    return re.sub(r"[^a-z-]", "", _strip_accents(text).lower().replace(" ", "-"))


class Values:
    """Draws every value from one seeded random generator."""

    def __init__(self, rng: random.Random) -> None:
        from faker.providers.person.fr_BE import Provider as BE
        from faker.providers.person.fr_CA import Provider as CA
        from faker.providers.person.fr_CH import Provider as CH
        from faker.providers.person.fr_DZ import Provider as DZ
        from faker.providers.person.fr_FR import Provider as FR
        from faker.providers.person.pt_PT import Provider as PT
        from faker.providers.person.tr_TR import Provider as TR

        self.rng = rng
        self.last_person = ("Claire", "Martin")
        fr_last = list(FR.last_names)
        self.fr_last = fr_last
        self.fr_weights = [1 / (i + 1) ** 0.55 for i in range(len(fr_last))]
        self.other_last = sorted(set(BE.last_names) | set(CH.last_names) | set(CA.last_names))
        self.dz_last = list(DZ.last_names)
        self.pt_last = list(PT.last_names)
        self.tr_last = list(TR.last_names)
        male = sorted(
            set(FR.first_names_male) | set(BE.first_names_male) | set(CH.first_names_male)
        )
        female = sorted(
            set(FR.first_names_female) | set(BE.first_names_female) | set(CH.first_names_female)
        )
        self.given = {"m": male, "f": female}
        self.dz_given = {"m": list(DZ.first_names_male), "f": list(DZ.first_names_female)}
        self.pt_given = {"m": list(PT.first_names_male), "f": list(PT.first_names_female)}
        self.tr_given = {"m": list(TR.first_names_male), "f": list(TR.first_names_female)}
        self.wa_given = {"m": list(WEST_AFRICA_GIVEN_M), "f": list(WEST_AFRICA_GIVEN_F)}
        self.ea_given = {"m": list(EAST_ASIA_GIVEN_M), "f": list(EAST_ASIA_GIVEN_F)}

    # people
    def parts(self, gender: str) -> tuple[str, str]:
        """A given name and a surname; origins roughly as in France's population."""
        r = self.rng.random()
        if r < 0.09:
            return self.rng.choice(self.dz_given[gender]), self.rng.choice(self.dz_last)
        if r < 0.13:
            return self.rng.choice(self.pt_given[gender]), self.rng.choice(self.pt_last)
        if r < 0.16:
            return self.rng.choice(self.wa_given[gender]), self.rng.choice(WEST_AFRICA)
        if r < 0.175:
            return self.rng.choice(self.tr_given[gender]), self.rng.choice(self.tr_last)
        if r < 0.19:
            return self.rng.choice(self.ea_given[gender]), self.rng.choice(EAST_ASIA)
        given = self.rng.choice(self.given[gender])
        if self.rng.random() < 0.1:
            given = self.rng.choice(COMPOUND[gender])
        if self.rng.random() < 0.2:
            last = self.rng.choice(self.other_last)
        else:
            last = self.rng.choices(self.fr_last, self.fr_weights)[0]
        r = self.rng.random()
        if r < 0.03:
            last = self.rng.choice(BRETON)
        elif r < 0.07:
            particle = self.rng.choice(PARTICLES)
            if particle == "d'" and last[0] not in "AEIOUÉ":
                particle = "de"
            last = f"{particle}{last}" if particle.endswith(("'", "-")) else f"{particle} {last}"
        elif r < 0.13:
            last = f"{last}-{self.rng.choices(self.fr_last, self.fr_weights)[0]}"
        return given, last

    def gender(self, gender: str | None) -> str:
        return gender or self.rng.choice("mf")

    def person(self, gender: str | None = None, form: str | None = None) -> str:
        given, last = self.parts(self.gender(gender))
        self.last_person = (given, last)
        form = (
            form
            or self.rng.choices(
                ("full", "upper_first", "last", "given", "lower", "first_upper"),
                (45, 15, 14, 10, 10, 6),
            )[0]
        )
        if form == "full":
            return f"{given} {last}"
        if form == "upper_first":
            return f"{last.upper()} {given}"
        if form == "last":
            return last
        if form == "given":
            return given
        if form == "lower":
            return f"{given} {last}".lower()
        return f"{given} {last.upper()}"

    def titled(self, gender: str) -> str:
        """A name after a title: full, surname alone, or surname first in capitals."""
        form = self.rng.choice(("full", "last", "last", "upper_first"))
        return self.person(gender, form)

    # places
    def commune(self) -> tuple[str, str]:
        return self.rng.choice(COMMUNES)

    def street(self) -> str:
        kinds = [k for k, _ in STREET_TYPES]
        weights = [w for _, w in STREET_TYPES]
        return f"{self.rng.choices(kinds, weights)[0]} {self.rng.choice(STREET_NAMES)}"

    def number(self) -> str:
        n = str(self.rng.choices((self.rng.randint(1, 30), self.rng.randint(31, 280)), (3, 1))[0])
        r = self.rng.random()
        if r < 0.1:
            n += " bis"
        elif r < 0.15:
            n += " ter"
        elif r < 0.18:
            n += "B"
        return n

    def address(self, form: str | None = None) -> str:
        town, code = self.commune()
        form = (
            form
            or self.rng.choices(
                ("plain", "nonum", "lines", "res", "lieu", "bp", "apt", "upper", "street"),
                (30, 8, 14, 8, 7, 6, 8, 5, 6),
            )[0]
        )
        street = self.street()
        num = self.number()
        sep = self.rng.choice((", ", " "))
        if form == "plain":
            return f"{num} {street}{sep}{code} {town}"
        if form == "nonum":
            return f"{street}{sep}{code} {town}"
        if form == "lines":
            return f"{num} {street}\n{code} {town}"
        if form == "res":
            bat = self.rng.choice(("A", "B", "C", "2", "D"))
            return (
                f"Résidence {self.rng.choice(RESIDENCES)}, bâtiment {bat}, {num} {street}"
                f"{sep}{code} {town}"
            )
        if form == "lieu":
            return f"lieu-dit {self.rng.choice(LIEUX_DITS)}{sep}{code} {town}"
        if form == "bp":
            return f"BP {self.rng.randint(1, 399)}, {code} {town}"
        if form == "apt":
            apt = self.rng.choice(("appartement", "apt", "appt", "porte"))
            return f"{num} {street}, {apt} {self.rng.randint(1, 60)}\n{code} {town}"
        if form == "upper":
            return f"{num} {street}\n{code} {town}".upper()
        return f"{num} {street}"  # a street alone

    # identifiers
    def phone(self) -> str:
        first = self.rng.choice(("06", "07", "06", "01", "02", "03", "04", "05", "09"))
        rest = [f"{self.rng.randint(0, 99):02d}" for _ in range(4)]
        form = self.rng.randint(0, 5)
        if form == 0:
            return f"+33 {first[1]} " + " ".join(rest)
        if form == 1:
            return first + "." + ".".join(rest)
        if form == 2:
            return first + "".join(rest)
        if form == 3:
            return f"+33{first[1]}" + "".join(rest)
        return first + " " + " ".join(rest)

    def email(self, given: str | None = None, last: str | None = None, work: bool = False) -> str:
        if given is None or last is None:
            given, last = self.parts(self.rng.choice("mf"))
        g, n = _ascii(given), _ascii(last).replace("'", "")
        domain = self.rng.choice(WORK_DOMAINS if work else MAIL_DOMAINS)
        form = self.rng.randint(0, 4)
        if form == 0 or work:
            local = f"{g}.{n}"
        elif form == 1:
            local = f"{g[0]}{n}{self.rng.randint(1, 99)}"
        elif form == 2:
            local = f"{n}.{g}"
        elif form == 3:
            local = f"{g}{self.rng.randint(60, 99)}"
        else:
            local = f"{g}_{n}"
        return f"{local.strip('-')}@{domain}"

    def birth(self) -> str:
        y, m, d = self.rng.randint(1948, 2006), self.rng.randint(1, 12), self.rng.randint(1, 28)
        form = self.rng.randint(0, 5)
        if form == 0:
            return f"{d:02d}/{m:02d}/{y}"
        if form == 1:
            return f"{'1er' if d == 1 else d} {MONTHS[m - 1]} {y}"
        if form == 2:
            return f"{d:02d}.{m:02d}.{y % 100:02d}"
        if form == 3:
            return f"{y}-{m:02d}-{d:02d}"
        if form == 4:
            return f"{d}/{m}/{y}"
        return f"{d:02d}-{m:02d}-{y}"

    def date(self) -> str:
        """A date that is not a birth date."""
        y, m, d = self.rng.randint(2019, 2027), self.rng.randint(1, 12), self.rng.randint(1, 28)
        if self.rng.random() < 0.5:
            return f"{d:02d}/{m:02d}/{y}"
        return f"{d} {MONTHS[m - 1]} {y}"

    def nir(self) -> str:
        sex = self.rng.choice("12")
        yy = f"{self.rng.randint(0, 99):02d}"
        mm = f"{self.rng.randint(1, 12):02d}"
        r = self.rng.random()
        if r < 0.08:
            dept, commune = self.rng.choice(("2A", "2B")), f"{self.rng.randint(1, 366):03d}"
        elif r < 0.15:
            dept, commune = str(self.rng.randint(971, 976)), f"{self.rng.randint(1, 99):02d}"
        else:
            dept, commune = f"{self.rng.randint(1, 95):02d}", f"{self.rng.randint(1, 899):03d}"
        order = f"{self.rng.randint(1, 999):03d}"
        body = sex + yy + mm + dept + commune + order
        key = 97 - int(body.replace("2A", "19").replace("2B", "18")) % 97
        if self.rng.random() < 0.6:
            return f"{sex} {yy} {mm} {dept} {commune} {order} {key:02d}"
        return f"{body}{key:02d}"

    def iban(self) -> str:
        country = self.rng.choices(("FR", "BE", "DE", "ES"), (8, 1, 1, 1))[0]
        if country == "FR":
            bank = f"{self.rng.choice((30002, 30004, 10278, 20041, 30003, 16606, 11315)):05d}"
            branch = f"{self.rng.randint(0, 99999):05d}"
            account = f"{self.rng.randint(0, 10**11 - 1):011d}"
            rib = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
            bban = f"{bank}{branch}{account}{rib:02d}"
        elif country == "BE":
            bban = f"{self.rng.randint(0, 10**12 - 1):012d}"
        elif country == "DE":
            bban = f"{self.rng.randint(0, 10**18 - 1):018d}"
        else:
            bban = f"{self.rng.randint(0, 10**20 - 1):020d}"
        moved = bban + "".join(str(int(c, 36)) for c in country) + "00"
        check = 98 - int(moved) % 97
        iban = f"{country}{check:02d}{bban}"
        if self.rng.random() < 0.75:
            return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
        return iban

    def card(self) -> str:
        kind = self.rng.choices(("visa", "mc", "amex"), (6, 3, 1))[0]
        if kind == "visa":
            digits = "4" + "".join(str(self.rng.randint(0, 9)) for _ in range(14))
        elif kind == "mc":
            digits = f"5{self.rng.randint(1, 5)}" + "".join(
                str(self.rng.randint(0, 9)) for _ in range(13)
            )
        else:
            digits = self.rng.choice(("34", "37")) + "".join(
                str(self.rng.randint(0, 9)) for _ in range(12)
            )
        full = digits + str(_luhn_key(digits))
        if self.rng.random() < 0.3:
            return full
        if kind == "amex":
            return f"{full[:4]} {full[4:10]} {full[10:]}"
        sep = self.rng.choice((" ", " ", "-"))
        return sep.join(full[i : i + 4] for i in range(0, 16, 4))

    def luhn_file(self) -> str:
        digits = "".join(str(self.rng.randint(0, 9)) for _ in range(15))
        return digits + str(_luhn_key(digits))


def _luhn_key(digits: str) -> int:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (1 if i % 2 else 2)
        total += d - 9 if d > 9 else d
    return (10 - total % 10) % 10


# Slots: name -> drawer returning (text, category or None) -------------------------------------

Slot = Callable[[Values], Piece]


def _same_person_mail(v: Values) -> Piece:
    return v.email(), "email"


def _inst_mail(v: Values) -> Piece:
    town = _ascii(v.commune()[0])
    box = v.rng.choice(("accueil", "contact", "rh", "courrier", "etat-civil", "urbanisme"))
    return f"{box}@{v.rng.choice(('mairie-', 'ville-', 'cc-'))}{town}.fr", None


def _switchboard(v: Values) -> Piece:
    first = v.rng.choice(("01", "02", "03", "04", "05"))
    return first + " " + " ".join(f"{v.rng.randint(0, 99):02d}" for _ in range(4)), None


def _office(v: Values) -> Piece:
    town, code = v.commune()
    street = v.rng.choice(EPONYMS)
    kind = v.rng.choice(("rue", "avenue", "boulevard", "place"))
    cs = v.rng.randint(10000, 99999)
    lines = v.rng.random() < 0.5
    sep = "\n" if lines else ", "
    return f"{v.rng.randint(1, 80)} {kind} {street}{sep}CS {cs}{sep}{code} {town} Cedex", None


SLOTS: dict[str, Slot] = {
    "P": lambda v: (v.person(), "personne"),
    "PM": lambda v: (v.person("m"), "personne"),
    "PF": lambda v: (v.person("f"), "personne"),
    "TM": lambda v: (v.titled("m"), "personne"),
    "TF": lambda v: (v.titled("f"), "personne"),
    "FULL": lambda v: (v.person(form="full"), "personne"),
    "FULLM": lambda v: (v.person("m", "full"), "personne"),
    "FULLF": lambda v: (v.person("f", "full"), "personne"),
    "GM": lambda v: (v.person("m", "given"), "personne"),
    "GF": lambda v: (v.person("f", "given"), "personne"),
    "UP": lambda v: (v.person(form="upper_first"), "personne"),
    "LOW": lambda v: (v.person(form="lower"), "personne"),
    "LOWM": lambda v: (v.person("m", "lower"), "personne"),
    "LOWF": lambda v: (v.person("f", "lower"), "personne"),
    "ADRS": lambda v: (v.address("street"), "adresse"),
    "ADR": lambda v: (v.address(), "adresse"),
    "ADR1": lambda v: (
        v.address(v.rng.choice(("plain", "nonum", "res", "lieu", "bp"))),
        "adresse",
    ),
    "ADRL": lambda v: (v.address(v.rng.choice(("lines", "apt", "upper"))), "adresse"),
    "MAIL": _same_person_mail,
    "WMAIL": lambda v: (v.email(work=True), "email"),
    "MAILP": lambda v: (v.email(*v.last_person), "email"),  # the e-mail of the last person drawn
    "WMAILP": lambda v: (v.email(*v.last_person, work=True), "email"),
    "ADRBP": lambda v: (
        f"BP {v.rng.randint(1, 299)}, {v.commune()[1]} {v.commune()[0]} Cedex"
        if v.rng.random() < 0.4
        else v.address(),
        "adresse",
    ),
    "TEL": lambda v: (v.phone(), "telephone"),
    "DDN": lambda v: (v.birth(), "date_naissance"),
    "YEAR": lambda v: (str(v.rng.randint(1950, 2004)), "date_naissance"),
    "NIR": lambda v: (v.nir(), "nir"),
    "IBAN": lambda v: (v.iban(), "iban"),
    "CB": lambda v: (v.card(), "carte"),
    # unlabelled fillers
    "VILLE": lambda v: (v.commune()[0], None),
    "CP": lambda v: (v.commune()[1], None),
    "EPO": lambda v: (v.rng.choice(EPONYMS), None),
    "SERV": lambda v: (v.rng.choice(SERVICES), None),
    "IMAIL": _inst_mail,
    "STD": _switchboard,
    "OFFICE": _office,
    "DATE": lambda v: (v.date(), None),
    "REF": lambda v: (
        f"{v.rng.choice(('DOS', 'REQ', 'SUB', 'RH', 'MP'))}-{v.rng.randint(2021, 2026)}-"
        f"{v.rng.randint(100, 99999):05d}",
        None,
    ),
    "LUHNREF": lambda v: (v.luhn_file(), None),
    "SIRET": lambda v: (f"{v.rng.randint(10**13, 10**14 - 1)}", None),
    "SIREN": lambda v: (
        " ".join(f"{v.rng.randint(100, 999)}" for _ in range(3)),
        None,
    ),
    "CMD": lambda v: (f"0{v.rng.randint(10**8, 10**9 - 1)}", None),
    "N": lambda v: (str(v.rng.randint(2, 48)), None),
    "H": lambda v: (f"{v.rng.randint(8, 17)}h{v.rng.choice(('00', '30', '15'))}", None),
}

# Templates ------------------------------------------------------------------------------------
# (family, renders, text). Lower-case chat templates start with "~" (whole text lower-cased,
# identifiers kept as typed).

T = tuple[str, int, str]

NAMES: list[T] = [
    ("noms", 8, "Peux-tu reformuler ce message pour {P} qui rejoint l'équipe lundi ?"),
    ("noms", 8, "Objet : départ en retraite de {FULL}\nMerci de prévoir un pot le {DATE}."),
    ("noms", 7, "~salut, tu peux m'aider a ecrire un mot de remerciement pour {P} stp"),
    ("noms", 8, "Compte rendu de la réunion du {DATE}\nPrésents : {P}, {P}, {P}\nExcusé : {P}"),
    ("noms", 7, "Mme {TF} souhaite être reçue par M. {TM} avant la fin du mois."),
    ("noms", 7, "Je dois noter {P} pour son entretien annuel, tu peux proposer 3 objectifs ?"),
    ("noms", 7, "Rédige une lettre de félicitations à {FULLF} pour sa titularisation."),
    ("noms", 7, "Cordialement,\n\n{FULL}\nAdjoint au chef du bureau des affaires générales"),
    ("noms", 7, "~jai un souci avec {LOW} qui ne repond plus a mes mails depuis 2 semaines"),
    ("noms", 7, "Le dossier est suivi par {UP} (instructeur) et validé par {UP}."),
    ("noms", 7, "Traduis en anglais : « Nous accueillons {FULLM}, nouvel attaché. »"),
    ("noms", 7, "Qui remplace {P} pendant son congé ? Il faudrait prévenir {P}."),
    ("noms", 7, "| Agent | Grade |\n| {FULL} | attaché |\n| {FULL} | secrétaire administratif |"),
    ("noms", 7, "Bonjour Maître {TM}, je reviens vers vous concernant l'audience."),
    ("noms", 7, "Peux-tu résumer l'échange entre {GF} et {GM} en trois points ?"),
    ("noms", 6, "Le Dr {TF} a signé le certificat, merci de le transmettre à {P}."),
    ("noms", 6, "<Planning|Astreintes> semaine {N} : lundi {GM}, mardi {GF}, mercredi {P}"),
    ("noms", 6, "~fais moi un mail pour dire a {GF} que la reunion est decalee a {H}"),
    ("noms", 6, "La note a été relue par {P} puis par {P}, il reste la signature du DG."),
    ("noms", 6, "{UP}, né(e) à {VILLE}, a été recruté(e) par voie contractuelle."),
]

ADDRESSES: list[T] = [
    ("adresses", 9, "Merci d'envoyer le courrier à mon domicile : {ADR}"),
    (
        "adresses",
        7,
        "J'habite {ADRS} depuis 2019, c'est à dix minutes du bureau : ai-je droit au forfait mobilités ?",
    ),
    ("adresses", 7, "~cest au {ADRS} chez mes parents que je serai pendant le confinement"),
    ("adresses", 7, "Je suis domicilié {ADRBP}, pouvez-vous y envoyer mon attestation ?"),
    ("adresses", 7, "Mon adresse personnelle : {ADRBP}\n(et non celle de la mairie)"),
    (
        "adresses",
        9,
        "Mon adresse a changé, c'est désormais {ADR1}, tu peux mettre à jour la lettre ?",
    ),
    ("adresses", 9, "Destinataire :\n{FULL}\n{ADRL}"),
    ("adresses", 9, "~ma nouvelle adresse cest {ADR} , tu peux reformuler mon mail au service RH"),
    ("adresses", 8, "{FULL}, demeurant {ADR1}, sollicite le bénéfice de l'aide."),
    ("adresses", 8, "Je déménage au {ADR1} le {DATE}, que dois-je déclarer à mon employeur ?"),
    ("adresses", 8, "Formulaire de changement d'adresse\nAncienne : {ADR1}\nNouvelle : {ADR1}"),
    ("adresses", 8, "L'agent est hébergé chez sa sœur, {ADR1}, depuis l'incendie."),
    ("adresses", 8, "Peux-tu vérifier le format de cette adresse pour l'enveloppe :\n{ADRL}"),
    ("adresses", 8, "M. {TM} habite {ADR1} et demande le remboursement de ses trajets."),
    ("adresses", 8, "Adresse personnelle de l'agent : {ADR}\nCommune d'affectation : {VILLE}"),
    ("adresses", 7, "Les scellés ont été posés au domicile du mis en cause, {ADR1}."),
    (
        "adresses",
        7,
        "Courrier retourné « n'habite pas à l'adresse indiquée » : {ADR1}. Que faire ?",
    ),
    ("adresses", 7, "Mme {TF}\n{ADRL}\nObjet : votre demande de logement"),
    ("adresses", 7, "~j habite {ADR1} c loin du bureau, c quoi les aides transport ?"),
    ("adresses", 7, "Visite à domicile prévue le {DATE} chez {P}, {ADR1}."),
    ("adresses", 7, "Pour le colis, l'adresse de livraison est {ADR}, pas celle du bureau."),
    ("adresses", 7, "L'enfant est domicilié chez son père, {ADR1}, depuis le jugement."),
    ("adresses", 7, "Expéditeur : {FULL}, {ADR1}"),
    ("adresses", 7, "Liste des adresses à vérifier :\n- {ADR1}\n- {ADR1}\n- {ADR1}"),
    (
        "adresses",
        6,
        "Je suis propriétaire d'une maison au {ADR1}, puis-je la louer pendant ma mutation ?",
    ),
    ("adresses", 6, "Le véhicule de service a été garé devant chez {P}, {ADR1}."),
]

CONTACTS: list[T] = [
    ("contacts", 8, "Tu peux joindre {P} sur son portable au {TEL} si besoin."),
    ("contacts", 8, "Mon adresse perso est {MAIL}, envoie-moi le modèle là-dessus stp."),
    ("contacts", 8, "{FULL}\nChargé(e) de mission\nLigne directe : {TEL}\n{WMAILP}"),
    ("contacts", 8, "~mon num cest le {TEL} rappelle moi quand tu peux"),
    ("contacts", 7, "Peux-tu corriger ce mail à {WMAIL} et mettre {MAIL} en copie ?"),
    ("contacts", 7, "Contacts d'urgence : {P} ({TEL}), {P} ({TEL})"),
    ("contacts", 7, "Le candidat a laissé son numéro, {TEL}, et son mail {MAIL}."),
    ("contacts", 7, "Bien à vous,\n{FULL}\nPortable : {TEL}"),
    ("contacts", 7, "Transfère ce message à {WMAIL}, c'est son adresse pro."),
    ("contacts", 6, "Pour le covoiturage, écrivez-moi à {MAIL} ou au {TEL}."),
]

IDENTS: list[T] = [
    (
        "identifiants",
        8,
        "Mon numéro de sécu est le {NIR}, il faut le mettre où sur le formulaire ?",
    ),
    ("identifiants", 8, "NIR de l'agent : {NIR}\nNom : {UP}"),
    ("identifiants", 7, "~jarrive pas a remplir le cerfa, mon numero secu {NIR} est refusé"),
    ("identifiants", 7, "Peux-tu vérifier la clé de ce numéro de sécurité sociale : {NIR} ?"),
    ("identifiants", 7, "Mon RIB a changé, voici le nouvel IBAN : {IBAN}"),
    ("identifiants", 7, "Merci de verser le remboursement sur le compte {IBAN} au nom de {FULL}."),
    ("identifiants", 7, "~ya une erreur dans mon iban {IBAN} sur mon dossier de paie ?"),
    ("identifiants", 7, "IBAN : {IBAN}\nTitulaire : {UP}\nBIC : AGRIFRPP"),
    (
        "identifiants",
        7,
        "J'ai payé la formation avec ma carte {CB}, comment me faire rembourser ?",
    ),
    (
        "identifiants",
        7,
        "Ma carte bancaire {CB} a été débitée deux fois pour la même inscription.",
    ),
    ("identifiants", 7, "~jai mis ma cb {CB} sur le site de la sncf pr la mission cest normal ?"),
    (
        "identifiants",
        6,
        "Carte n° {CB}, expiration 09/28 : est-ce que je peux l'envoyer par mail ?",
    ),
    (
        "identifiants",
        6,
        "Opposition faite sur la carte {CB} de {P}, volée pendant la mission à {VILLE}.",
    ),
    (
        "identifiants",
        6,
        "~c est risqué de donner mon numero de carte {CB} au telephone pour le parking ?",
    ),
    (
        "identifiants",
        6,
        "Note de frais refusée : le justificatif montre la carte personnelle {CB}, pas la carte achat.",
    ),
    (
        "identifiants",
        7,
        "Je suis né le {DDN} à {VILLE}, suis-je concerné par la retraite progressive ?",
    ),
    ("identifiants", 7, "{FULLF}, née le {DDN}, demande un congé parental."),
    ("identifiants", 7, "Date de naissance : {DDN}\nLieu : {VILLE}"),
    ("identifiants", 7, "~mon fils est ne le {DDN} je peux avoir le supplément familial ?"),
    ("identifiants", 6, "L'agent, né en {YEAR}, peut-il partir avant 62 ans ?"),
    ("identifiants", 6, "DDN {DDN} – vérifier l'âge limite pour le concours de {P}."),
]

RECORDS: list[T] = [
    (
        "fiches",
        7,
        "Fiche agent\nNom : {UP}\nNé(e) le : {DDN}\nAdresse : {ADR1}\nTél. : {TEL}\nMail : {MAILP}",
    ),
    ("fiches", 7, "Peux-tu mettre en forme : {FULL}, {DDN}, {NIR}, {ADR1}"),
    (
        "fiches",
        7,
        "Bonjour,\nJe suis {FULL}, né le {DDN}, domicilié {ADR1}. Mon numéro de sécurité sociale est {NIR}. Merci de me répondre au {TEL}.",
    ),
    ("fiches", 6, "Nom;Prénom;DDN;Téléphone\n{UP};{DDN};{TEL}"),
    ("fiches", 6, "Remboursement de frais : {FULL}, IBAN {IBAN}, mail {MAILP}"),
    ("fiches", 6, "~voila mes infos pr le dossier : {LOW} {DDN} {TEL} {ADR1}"),
]

SANTE: list[T] = [
    (
        "sante",
        8,
        "Mon collègue {PM} [sante:est en arrêt pour un burn-out|a été opéré du cœur|fait une dépression|est hospitalisé depuis lundi], comment organiser son intérim ?",
    ),
    (
        "sante",
        8,
        "Rédige un mail à {P} pour lui souhaiter un bon rétablissement après [sante:sa chimiothérapie|son AVC|son opération du genou|son infarctus].",
    ),
    (
        "sante",
        8,
        "~ma cheffe [sante:a un cancer du sein|est diabetique|fait des crises d epilepsie|est sous antidepresseurs] on fait comment pour l amenagement de poste",
    ),
    (
        "sante",
        8,
        "L'agent {UP} [sante:est reconnu travailleur handicapé|souffre de sclérose en plaques|est séropositif|a une maladie de Crohn] et demande un télétravail renforcé.",
    ),
    (
        "sante",
        7,
        "Je [sante:suis enceinte de 4 mois|suis atteinte d'endométriose|sors d'une hospitalisation en psychiatrie|suis asthmatique sévère], ai-je droit à un aménagement ?",
    ),
    (
        "sante",
        7,
        "Note : {PM} [sante:souffre de troubles bipolaires|est suivi en addictologie|a fait une fausse couche|est en rémission d'une leucémie]. Prévoir un entretien de reprise.",
    ),
    (
        "sante",
        7,
        "Comment répondre à {P} qui m'a confié [sante:son alcoolisme|sa maladie de Parkinson|son trouble anxieux|sa surdité partielle] ?",
    ),
    (
        "sante",
        7,
        "Mme {TF} [sante:est en congé longue maladie|a été placée en CLM pour un cancer|est en mi-temps thérapeutique après une dépression] jusqu'au {DATE}.",
    ),
    (
        "sante",
        7,
        "~{GM} [sante:a le covid|s est cassé la jambe|a une hernie discale|fait un burn out] il sera absent toute la semaine",
    ),
    (
        "sante",
        7,
        "Le médecin de prévention indique que {P} [sante:est inapte au port de charges à cause de sa lombalgie|présente une allergie sévère aux arachides|a une insuffisance rénale].",
    ),
]

RELIGION: list[T] = [
    (
        "religion",
        8,
        "{P} me demande un jour de congé pour [religion:Kippour|l'Aïd el-Kébir|le Vendredi saint orthodoxe|Roch Hachana]. Je réponds quoi ?",
    ),
    (
        "religion",
        8,
        "~mon collegue {GM} [religion:fait le ramadan|est musulman pratiquant|va a la messe tous les dimanches|est temoin de jehovah] et il demande d adapter ses horaires",
    ),
    (
        "religion",
        7,
        "Une stagiaire [religion:porte le voile|est de confession juive|s'est convertie au bouddhisme|est catholique pratiquante] : quelles règles de neutralité s'appliquent à elle ?",
    ),
    (
        "religion",
        7,
        "Mme {TF} [religion:pratique le jeûne du ramadan|est protestante|fréquente la mosquée de la ville|est sikhe et porte le turban] et souhaite un aménagement.",
    ),
    (
        "religion",
        7,
        "Je [religion:suis juif pratiquant|suis musulmane|suis adventiste|suis chrétien évangélique] et je ne peux pas travailler le samedi, comment le dire ?",
    ),
    (
        "religion",
        7,
        "Rédige une réponse à {P}, qui [religion:est athée militant|a quitté l'Église|s'est fait baptiser adulte|est devenu moine bouddhiste], sans parler de sa foi.",
    ),
    (
        "religion",
        7,
        "Dans l'équipe, {P} [religion:ne mange pas de porc pour raisons religieuses|fait la prière à midi|porte une kippa|célèbre Diwali] ; comment organiser le repas ?",
    ),
    (
        "religion",
        7,
        "Compte rendu : {P} a demandé une salle pour [religion:prier pendant la pause|faire ses prières du vendredi|lire la Torah avec des collègues].",
    ),
    (
        "religion",
        7,
        "~{LOWF} [religion:est musulmane|est catho|est juive|est hindoue] et elle veut poser un conge pour une fete religieuse",
    ),
]

SYNDICAT: list[T] = [
    (
        "syndicat",
        8,
        "{PM} [syndicat:est délégué CGT|est adhérente à la CFDT|est élu FO au CSA|milite à SUD Solidaires] : peut-il assister à l'entretien ?",
    ),
    (
        "syndicat",
        8,
        "~mon n+1 {GM} [syndicat:est syndiqué a l unsa|est representant fsu|a pris sa carte a la cgt|est elu cfe-cgc] il a droit a des decharges ?",
    ),
    (
        "syndicat",
        7,
        "Je [syndicat:suis adhérent FO|suis représentante du personnel CFDT|suis élu SUD au comité social|suis syndiquée à la FSU] : combien d'heures de décharge ?",
    ),
    (
        "syndicat",
        7,
        "Liste des agents en décharge syndicale : {P} ([syndicat:CGT|UNSA|FO|CFTC]), {P} ([syndicat:CFDT|SUD|FSU|Solidaires])",
    ),
    (
        "syndicat",
        7,
        "M. {TM} [syndicat:représente la CGT au CSA|est trésorier de la section UNSA|est secrétaire du syndicat FO local] et demande le compte rendu.",
    ),
    (
        "syndicat",
        7,
        "Peux-tu répondre à {P}, [syndicat:militante CFDT|délégué syndical SUD|élue FSU|adhérent CGT], qui conteste sa note ?",
    ),
    (
        "syndicat",
        7,
        "Réunion avec {P} ([syndicat:délégué UNSA|élue CGT|représentant FO]) et {P} le {DATE}.",
    ),
    (
        "syndicat",
        7,
        "~{GF} [syndicat:est a la cgt|s est syndiquee chez sud|est deleguee cfdt|vient d adherer a fo] et elle veut consulter son dossier",
    ),
]

POLITIQUE: list[T] = [
    (
        "politique",
        8,
        "{PM} [opinion_politique:est candidat LFI aux municipales|milite au Rassemblement national|est encarté chez Renaissance|est militant écologiste chez EELV] : quel devoir de réserve ?",
    ),
    (
        "politique",
        8,
        "~mon collegue {GM} [opinion_politique:vote rn|est tres a gauche|est anarchiste|est un militant insoumis] et il en parle au bureau, je fais quoi",
    ),
    (
        "politique",
        7,
        "Je [opinion_politique:suis conseiller municipal PS|suis adhérente chez Les Républicains|suis militante au PCF|me présente sous l'étiquette Reconquête] : dois-je prévenir ma hiérarchie ?",
    ),
    (
        "politique",
        7,
        "Mme {TF} [opinion_politique:est élue Horizons au conseil régional|soutient ouvertement Europe Écologie|est militante de la France insoumise|est proche du Modem] et demande un congé électif.",
    ),
    (
        "politique",
        7,
        "Rédige un rappel à la neutralité pour {P}, qui [opinion_politique:distribue des tracts du RN|affiche son soutien au NPA|colle des affiches LFI|fait campagne pour Les Républicains] au travail.",
    ),
    (
        "politique",
        7,
        "Dans sa candidature, {P} indique [opinion_politique:être membre des Jeunes communistes|militer chez Génération.s|être adhérent du Parti socialiste|être engagé chez Debout la France].",
    ),
    (
        "politique",
        7,
        "~{LOW} [opinion_politique:est d extreme droite|est gauchiste|est royaliste|est macroniste a fond] et ça cree des tensions dans le service",
    ),
    (
        "politique",
        7,
        "{FULLF} [opinion_politique:a été candidate sur la liste écologiste|est secrétaire de la section PS|anime le comité local LFI] : peut-elle rester cheffe de projet ?",
    ),
]

ORIGINE: list[T] = [
    (
        "origine",
        8,
        "{P} [origine:est d'origine algérienne|est d'origine malienne|a des origines roms|est d'origine vietnamienne] et on lui fait des remarques, comment réagir ?",
    ),
    (
        "origine",
        8,
        "~mon collegue {GM} [origine:est noir|est rebeu|est asiatique|est d origine turque] et il subit des blagues racistes je fais quoi",
    ),
    (
        "origine",
        7,
        "Je [origine:suis d'origine marocaine|suis métisse|suis d'origine kabyle|suis issue de la communauté gitane] et je pense avoir été écartée du poste.",
    ),
    (
        "origine",
        7,
        "Le signalement indique que {PM} [origine:a été visé pour sa couleur de peau noire|est d'origine arménienne|appartient à la communauté tsigane] selon les témoins.",
    ),
    (
        "origine",
        7,
        "Mme {TF}, [origine:d'origine sénégalaise|d'origine chinoise|d'origine comorienne|d'origine haïtienne], a saisi le Défenseur des droits.",
    ),
    (
        "origine",
        7,
        "Rédige une réponse à {PM}, qui se dit discriminé parce qu'il [origine:est arabe|est d'origine ivoirienne|est d'origine antillaise|est d'ascendance juive marocaine].",
    ),
    (
        "origine",
        7,
        "~{LOWM} [origine:est originaire du congo|est d origine tunisienne|est kurde|est d origine portugaise] et on lui demande tout le temps d ou il vient",
    ),
    (
        "origine",
        7,
        "Entretien avec {P} : [origine:ses parents sont d'origine cambodgienne|sa famille est d'origine berbère|il est d'origine pakistanaise].",
    ),
]

VIE_SEXUELLE: list[T] = [
    (
        "vie_sexuelle",
        8,
        "<{FULLM}|M. {TM}|{GM}> [vie_sexuelle:vit avec son compagnon|est pacsé avec son copain|s'est marié avec son petit ami|élève deux enfants avec son mari] : comment remplir le formulaire de mutation ?",
    ),
    (
        "vie_sexuelle",
        8,
        "{FULLF} et [vie_sexuelle:sa compagne|son épouse|sa conjointe|sa femme] {FULLF} demandent un rapprochement sur le même site.",
    ),
    (
        "vie_sexuelle",
        8,
        "~ma collegue {GF} [vie_sexuelle:est lesbienne|est bi|est en couple avec une femme|sort avec une fille du service] et des gens font des blagues, je fais quoi",
    ),
    (
        "vie_sexuelle",
        7,
        "{FULLM}, [vie_sexuelle:le mari|le compagnon|le conjoint|le partenaire de PACS] de M. {TM}, demande un badge visiteur.",
    ),
    (
        "vie_sexuelle",
        7,
        "Je [vie_sexuelle:suis gay|suis homosexuel|suis bisexuelle|suis trans] et un collègue m'a outé devant l'équipe, quels recours ?",
    ),
    (
        "vie_sexuelle",
        7,
        "Mme {TF} [vie_sexuelle:a fait son coming out|a révélé son homosexualité|vit en couple avec une femme|a épousé sa compagne] et subit des remarques de son chef.",
    ),
    (
        "vie_sexuelle",
        7,
        "Demande RH : M. {TM} souhaite un congé pour [vie_sexuelle:son mariage avec son compagnon|la naissance de l'enfant de son mari|son PACS avec son ami Julien].",
    ),
    (
        "vie_sexuelle",
        7,
        "{P} [vie_sexuelle:est en transition de genre|est une femme transgenre|a changé de prénom à l'état civil après sa transition|se dit non binaire] : comment adapter son badge ?",
    ),
    (
        "vie_sexuelle",
        7,
        "~{GM} [vie_sexuelle:vit avec son copain|est gay|sort avec un mec|est marie avec un homme] et il veut pas que ca se sache au bureau",
    ),
    (
        "vie_sexuelle",
        7,
        "Le signalement mentionne que {P} [vie_sexuelle:a une liaison avec un collègue marié|entretient une relation extraconjugale|fréquente des clubs échangistes] ; est-ce pertinent ?",
    ),
    (
        "vie_sexuelle",
        7,
        "Peux-tu écrire un mot de félicitations à {FULLF} pour [vie_sexuelle:son mariage avec Julie|son PACS avec sa compagne|la naissance de l'enfant qu'elle a eu avec sa femme] ?",
    ),
]

GENETIQUE: list[T] = [
    (
        "genetique",
        8,
        "{P} m'a dit [genetique_biometrie:être porteur d'une mutation BRCA2|avoir fait un test ADN de paternité|porter une anomalie génétique héréditaire|être atteint d'une maladie génétique rare].",
    ),
    (
        "genetique",
        8,
        "~on a enregistre [genetique_biometrie:les empreintes digitales|la photo biometrique|le gabarit facial|l empreinte de l iris] de {LOW} dans le logiciel de badge c legal ?",
    ),
    (
        "genetique",
        7,
        "Le gabarit de [genetique_biometrie:l'empreinte digitale|la reconnaissance faciale|la main|la voix] de M. {TM} est stocké sur le serveur local : faut-il une AIPD ?",
    ),
    (
        "genetique",
        7,
        "Je [genetique_biometrie:suis porteuse du gène de la mucoviscidose|me suis fait séquencer le génome|suis porteur d'une translocation révélée par caryotype], dois-je le signaler ?",
    ),
    (
        "genetique",
        7,
        "Le fichier de pointage contient [genetique_biometrie:l'empreinte digitale|le gabarit de la main|la photo faciale] de chaque agent, dont {FULL} qui s'y oppose.",
    ),
    (
        "genetique",
        7,
        "Dans le dossier de {P} figure [genetique_biometrie:son profil ADN|son empreinte génétique|le résultat de son test génétique|son caryotype].",
    ),
    (
        "genetique",
        7,
        "Mme {TF} refuse qu'on utilise [genetique_biometrie:ses empreintes digitales|son visage|son empreinte palmaire|son réseau veineux] pour pointer.",
    ),
    (
        "genetique",
        7,
        "La police a prélevé [genetique_biometrie:l'ADN|les empreintes|un échantillon salivaire pour le FNAEG] de {P} [infraction:après sa garde à vue|lors de son interpellation|après son arrestation].",
    ),
    (
        "genetique",
        7,
        "~{GF} a fait [genetique_biometrie:un test genetique pour le cancer|un test adn myheritage|un test de predisposition genetique] et elle hesite a en parler au medecin",
    ),
]

INFRACTION: list[T] = [
    (
        "infraction",
        8,
        "{PM} [infraction:a été condamné pour vol|a un casier judiciaire|a été placé en garde à vue|est mis en examen pour fraude] : peut-il rester au guichet ?",
    ),
    (
        "infraction",
        8,
        "~mon collegue {GM} [infraction:a perdu son permis pour alcool au volant|s est fait arreter pour stupefiants|a pris du sursis|a ete flashe a 160] et il doit conduire la voiture de service",
    ),
    (
        "infraction",
        7,
        "Je [infraction:suis convoquée au tribunal pour des violences|viens d'être condamné à une amende pour outrage|suis sous bracelet électronique|sors de prison après dix ans de détention] : dois-je le déclarer ?",
    ),
    (
        "infraction",
        7,
        "M. {TM} [infraction:a été condamné pour harcèlement moral|fait l'objet d'une plainte pour agression sexuelle|est poursuivi pour détournement de fonds] ; quelles mesures conservatoires ?",
    ),
    (
        "infraction",
        7,
        "Le bulletin n° 2 de {P} mentionne [infraction:une condamnation pour escroquerie|un délit de fuite|une peine pour usage de stupéfiants].",
    ),
    (
        "infraction",
        7,
        "Mme {TF} [infraction:a été interpellée pour vol à l'étalage|est sous contrôle judiciaire|a été reconnue coupable de faux en écriture] : comment l'annoncer à l'équipe ?",
    ),
    (
        "infraction",
        7,
        "Rédige un courrier à {PM}, [infraction:condamné pour conduite sans assurance|mis en cause dans une affaire de corruption|placé en détention provisoire], pour suspendre son habilitation.",
    ),
    (
        "infraction",
        7,
        "~{LOWF} [infraction:sort de prison|a ete condamnee pour fraude aux allocs|a une interdiction de paraitre|a un sursis probatoire] on peut la recruter en contrat ?",
    ),
]

LONG: list[T] = [
    (
        "longs",
        6,
        "Bonjour,\n\nJe vous transmets la situation de {FULL}, né le {DDN}, domicilié {ADR1}. L'agent [sante:est en arrêt depuis trois semaines pour une dépression|a été hospitalisé pour un AVC] et sa famille demande des nouvelles. Pouvez-vous rappeler son épouse au {TEL} ?\n\nBien cordialement,\n{FULL}",
    ),
    (
        "longs",
        6,
        "Compte rendu d'entretien du {DATE}. {PM} explique qu'il [religion:fait le ramadan|est musulman pratiquant] et qu'il [syndicat:est délégué CGT|est élu FO]. Il signale aussi des propos sur le fait qu'il [origine:est d'origine algérienne|est noir]. Suite à donner par {P}.",
    ),
    (
        "longs",
        6,
        "Salut, petite question RH : {GF} [vie_sexuelle:vit avec sa compagne|est pacsée avec une femme] depuis 2019, et elle voudrait savoir si elle peut avoir le congé de naissance. Au passage elle [sante:est enceinte|suit un parcours de PMA pour des problèmes de fertilité]. Tu peux me faire une réponse courte ?",
    ),
    (
        "longs",
        6,
        "Note au directeur\n\nObjet : situation de M. {TM}\n\nL'intéressé [infraction:a été condamné pour conduite en état d'ivresse|a fait l'objet d'une garde à vue] le {DATE}. Il [opinion_politique:est par ailleurs candidat RN aux législatives|milite à LFI], ce que certains collègues lui reprochent. Son adresse : {ADR1}.",
    ),
    (
        "longs",
        6,
        "Bonjour Madame {TF},\n\nSuite à notre échange téléphonique, je vous confirme la prise en charge. Merci de m'envoyer votre RIB ({IBAN}) et une copie de votre carte vitale ({NIR}).\n\n{FULL}\nLigne directe : {TEL}",
    ),
    (
        "longs",
        5,
        "~bon alors jte resume : {GM} [sante:a fait un malaise cardiaque|est en burn out] lundi, {GF} [syndicat:la deleguee sud|de la cfdt] veut une reunion, et {PM} [infraction:a ete arrete pour violences conjugales|a ete condamne pour vol] ce weekend. tu peux me faire un mail au chef ?",
    ),
    (
        "longs",
        5,
        "Signalement RPS\nAgent : {FULLM}\nFaits : l'agent rapporte des insultes liées au fait qu'il [vie_sexuelle:est homosexuel|vit avec un homme] et qu'il [origine:est d'origine marocaine|est asiatique]. Témoin : {P}. Contact : {MAILP}.",
    ),
    (
        "longs",
        5,
        "Je dois préparer la commission de réforme pour {P}, {DDN}, qui [sante:souffre d'une maladie professionnelle pulmonaire|a un handicap moteur]. Le dossier contient aussi [genetique_biometrie:les résultats de son test génétique|son caryotype]. Comment anonymiser ?",
    ),
]

NEG: list[T] = [
    (
        "neg_eponymes",
        7,
        "Le collège {EPO} de {VILLE} cherche un professeur contractuel en mathématiques.",
    ),
    ("neg_eponymes", 7, "Quel est l'horaire d'ouverture de la médiathèque {EPO} ?"),
    ("neg_eponymes", 7, "~c ou exactement le lycee {EPO} a {VILLE} ? j ai une reunion la bas"),
    ("neg_eponymes", 6, "La réunion aura lieu salle {EPO}, au 3e étage, à {H}."),
    (
        "neg_eponymes",
        6,
        "Les travaux du pont {EPO} perturbent l'accès au bâtiment B jusqu'au {DATE}.",
    ),
    ("neg_eponymes", 6, "Rédige une invitation pour l'inauguration de l'école élémentaire {EPO}."),
    (
        "neg_eponymes",
        6,
        "Le prix {EPO} récompense chaque année une initiative citoyenne : rédige l'appel à candidatures.",
    ),
    (
        "neg_eponymes",
        6,
        "Peux-tu résumer la loi Veil et la loi Évin en cinq lignes pour une formation ?",
    ),
    ("neg_eponymes", 6, "L'hôpital {EPO} recrute des aides-soignants : rédige l'annonce."),
    ("neg_eponymes", 6, "Quel arrêt de tram dessert la place {EPO} à {VILLE} ?"),
    (
        "neg_institution",
        7,
        "Pour toute question, écrivez à {IMAIL} ou appelez le standard au {STD}.",
    ),
    ("neg_institution", 7, "Préfecture de la Gironde\nService des étrangers\n{OFFICE}"),
    ("neg_institution", 7, "~c quoi le mail du service etat civil ? c pas {IMAIL} ?"),
    ("neg_institution", 6, "Le standard de {SERV} ({STD}) est fermé le vendredi après-midi."),
    ("neg_institution", 6, "Adresse de la direction pour les recours : {OFFICE}"),
    (
        "neg_institution",
        6,
        "Les dossiers sont à déposer au guichet unique, {OFFICE}, du lundi au jeudi.",
    ),
    (
        "neg_institution",
        6,
        "Peux-tu vérifier cette signature ?\nBureau du cabinet\n{OFFICE}\nStandard : {STD}\n{IMAIL}",
    ),
    ("neg_institution", 6, "Numéros utiles : 3919, 115, 17, et la plateforme d'écoute au {STD}."),
    ("neg_references", 7, "Le dossier {REF} est incomplet : il manque l'avis de la commission."),
    (
        "neg_references",
        7,
        "Facture n° {CMD}, SIRET du prestataire {SIRET} : peux-tu vérifier le montant ?",
    ),
    (
        "neg_references",
        6,
        "Le numéro de suivi de la demande est {LUHNREF}, où le saisir dans Chorus ?",
    ),
    ("neg_references", 6, "~la commande {CMD} est toujours pas livree, je relance qui ?"),
    ("neg_references", 6, "Entreprise attributaire : SIREN {SIREN}, marché notifié le {DATE}."),
    (
        "neg_references",
        6,
        "Référence de l'arrêté : {REF} du {DATE}, publié au recueil des actes administratifs.",
    ),
    ("neg_references", 6, "Convertis ce tableau en liste : {REF} ; {REF} ; {REF}"),
    (
        "neg_references",
        6,
        "Le ticket GLPI {N}{N}{N} a été clôturé sans réponse, comment le rouvrir ?",
    ),
    (
        "neg_dates",
        7,
        "La commune nouvelle, née le {DATE} de la fusion de trois villages, change de code INSEE ?",
    ),
    (
        "neg_dates",
        6,
        "Le service est né le {DATE} de la fusion de deux bureaux : rédige l'historique.",
    ),
    ("neg_dates", 6, "Date limite de dépôt des candidatures : {DATE} à minuit."),
    ("neg_dates", 6, "~la reunion du {DATE} est annulee ou pas ? personne m a prevenu"),
    ("neg_dates", 6, "L'association, créée le {DATE}, demande une subvention de fonctionnement."),
    (
        "neg_topics",
        7,
        "Mon service gère les arrêts maladie des agents : peux-tu résumer la procédure de contrôle ?",
    ),
    ("neg_topics", 7, "Rédige une note sur le principe de laïcité dans les services publics."),
    (
        "neg_topics",
        7,
        "Combien d'heures de décharge syndicale prévoit le décret pour un syndicat représentatif ?",
    ),
    (
        "neg_topics",
        7,
        "Quelles sont les règles de neutralité des agents pendant une campagne électorale ?",
    ),
    (
        "neg_topics",
        7,
        "Le marché de reconnaissance faciale pour les aéroports est-il conforme au RGPD ?",
    ),
    (
        "neg_topics",
        6,
        "Le bulletin n° 2 du casier judiciaire est exigé pour les postes au contact des mineurs : rédige l'encart.",
    ),
    ("neg_topics", 6, "~c quoi la difference entre cma et clm pour un agent en general ?"),
    (
        "neg_topics",
        6,
        "Prépare une affiche pour la semaine de prévention du diabète organisée par {SERV}.",
    ),
    (
        "neg_topics",
        6,
        "Quelles sont les obligations de l'employeur en matière de lutte contre les discriminations liées à l'origine ?",
    ),
    (
        "neg_topics",
        6,
        "Rédige un mail d'invitation à la marche des fiertés pour l'association des agents.",
    ),
    (
        "neg_topics",
        6,
        "Le comité social d'administration se réunit le {DATE} : prépare l'ordre du jour.",
    ),
    (
        "neg_topics",
        6,
        "Résume la circulaire sur l'accueil des aumôniers dans les établissements pénitentiaires.",
    ),
    (
        "neg_topics",
        6,
        "Nous lançons un appel d'offres pour des badges à empreinte digitale : quels critères CNIL ?",
    ),
    (
        "neg_topics",
        6,
        "Quels sont les délais de prescription pour une contravention de 5e classe ?",
    ),
    ("neg_topics", 6, "Le guide de l'orientation scolaire 2026 est-il disponible pour les CIO ?"),
    (
        "neg_topics",
        6,
        "Peux-tu résumer la loi sur le mariage pour tous pour une fiche pédagogique ?",
    ),
    (
        "neg_topics",
        6,
        "~on a une formation sur les risques psychosociaux le {DATE}, tu peux faire le programme",
    ),
    (
        "neg_topics",
        6,
        "Quelles aides existent pour adapter les postes des agents en situation de handicap dans {SERV} ?",
    ),
    (
        "neg_topics",
        6,
        "Rédige une FAQ sur le congé pour fêtes religieuses dans la fonction publique.",
    ),
    (
        "neg_topics",
        6,
        "La transition écologique de {SERV} passe par un plan vélo : fais-moi un plan de communication.",
    ),
    (
        "neg_topics",
        6,
        "Le taux de syndicalisation dans la fonction publique d'État a baissé : trouve-moi des chiffres.",
    ),
    (
        "neg_topics",
        6,
        "Quelle est la procédure pour signaler une infraction au code de l'urbanisme ?",
    ),
    ("neg_topics", 6, "Comment fonctionne la base FNAEG et qui peut la consulter ?"),
    (
        "neg_topics",
        6,
        "Le plan national de lutte contre le racisme et l'antisémitisme : fais-moi les grandes mesures.",
    ),
    (
        "neg_general",
        7,
        "Peux-tu transformer ce texte en tableau à trois colonnes : service, effectif, budget ?",
    ),
    ("neg_general", 7, "~tu peux me faire un mail pour dire que je serai en teletravail jeudi"),
    (
        "neg_general",
        6,
        "Rédige une note de service sur les nouvelles modalités de badgeage à {VILLE}.",
    ),
    ("neg_general", 6, "Combien de jours de RTT pour un agent à temps partiel à 80 % ?"),
    ("neg_general", 6, "Résume ce rapport de la Cour des comptes sur {SERV} en dix lignes."),
    ("neg_general", 6, "Quels sont les taux d'indemnités kilométriques en vigueur au {DATE} ?"),
    (
        "neg_general",
        6,
        "Prépare l'ordre du jour du comité de pilotage du projet de {SERV} : budget, calendrier, risques.",
    ),
    (
        "neg_general",
        6,
        "Traduis en anglais la fiche de poste « chargé de mission mobilités douces ».",
    ),
    (
        "neg_general",
        6,
        "~jsais pas comment on remplit une demande de formation cpf, tu m expliques ?",
    ),
    (
        "neg_general",
        6,
        "Compte rendu : {N} participants, décision de reporter le déménagement au {DATE}.",
    ),
    ("neg_general", 6, "Cordialement,\n\nLe bureau des ressources humaines\n{SERV}\n{IMAIL}"),
    (
        "neg_general",
        6,
        "Écris trois messages courts pour annoncer la fermeture exceptionnelle de l'accueil le {DATE}.",
    ),
    (
        "neg_general",
        6,
        "Je cherche la circulaire du {DATE} sur le télétravail, tu peux m'en faire un résumé ?",
    ),
    (
        "neg_general",
        6,
        "Corrige l'orthographe : « les agent devront transmettre leur attestation avant le {DATE} »",
    ),
    (
        "neg_general",
        6,
        "Fais un tableau des délais de paiement pour les marchés publics de {SERV}.",
    ),
    ("neg_more", 7, "Bonjour, pouvez-vous me rappeler la date de la prochaine CAP ?"),
    (
        "neg_more",
        7,
        "~c quoi le mail de la dsi pour les soucis de vpn ? c pas assistance-dsi@interieur.gouv.fr ?",
    ),
    (
        "neg_more",
        7,
        "Peux-tu rédiger une fiche réflexe « que faire en cas d'alerte incendie » pour l'accueil ?",
    ),
    (
        "neg_more",
        7,
        "Liste des pièces : justificatif de domicile, RIB, copie de la carte vitale, avis d'imposition.",
    ),
    (
        "neg_more",
        7,
        "Le formulaire demande « date de naissance » et « numéro de sécurité sociale » : est-ce obligatoire pour une simple inscription à la cantine ?",
    ),
    (
        "neg_more",
        7,
        "Rédige un modèle de courrier de relance pour les usagers qui n'ont pas fourni leur IBAN.",
    ),
    ("neg_more", 7, "Quel est le format d'un NIR et comment se calcule sa clé ?"),
    ("neg_more", 7, "La rue {EPO} sera fermée à la circulation le {DATE} pour le marché de Noël."),
    (
        "neg_more",
        7,
        "Le centre hospitalier de {VILLE} ouvre une unité de soins palliatifs : rédige le communiqué.",
    ),
    ("neg_more", 7, "Mairie de {VILLE}\n{OFFICE}\nTél. : {STD}"),
    ("neg_more", 6, "Merci de renvoyer le formulaire signé à {IMAIL} avant le {DATE}."),
    ("neg_more", 6, "L'aumônerie de l'hôpital cherche des bénévoles : rédige une annonce neutre."),
    (
        "neg_more",
        6,
        "Les élections professionnelles ont lieu le {DATE} : rédige le rappel aux agents.",
    ),
    ("neg_more", 6, "Quel est le barème des amendes pour stationnement gênant en 2026 ?"),
    (
        "neg_more",
        6,
        "Prépare un quiz sur l'histoire de la Sécurité sociale pour la journée d'intégration.",
    ),
    (
        "neg_more",
        6,
        "~besoin d un tableau excel avec les colonnes nom prenom service date d arrivee, vide",
    ),
    (
        "neg_more",
        6,
        "Quels documents faut-il pour un changement de prénom à l'état civil, en général ?",
    ),
    ("neg_more", 6, "La délégation régionale est installée {OFFICE}."),
    (
        "neg_more",
        6,
        "Rédige la réponse type aux usagers qui demandent leur dossier médical par mail.",
    ),
    (
        "neg_more",
        6,
        "Le numéro vert 0 800 130 000 est-il encore actif pour les questions de vaccination ?",
    ),
    ("neg_more", 6, "Le bâtiment Condorcet sera désamianté entre le {DATE} et le {DATE}."),
    ("neg_more", 6, "Résume le rapport sur l'égalité professionnelle femmes-hommes de {SERV}."),
    (
        "neg_more",
        6,
        "~la salle jean moulin est libre demain matin ? sinon on prend la salle simone veil",
    ),
    (
        "neg_more",
        6,
        "Quel est le délai pour contester une amende forfaitaire, d'une manière générale ?",
    ),
    (
        "neg_more",
        6,
        "Le CHSCT a été remplacé par la formation spécialisée : explique la différence.",
    ),
    (
        "neg_more",
        6,
        "Quels sont les jours fériés de 2027, y compris l'abolition de l'esclavage outre-mer ?",
    ),
    (
        "neg_more",
        6,
        "Rédige un message pour l'intranet sur la collecte de sang organisée le {DATE}.",
    ),
    ("neg_more", 6, "Mets en forme cette adresse de livraison pour le fournisseur : {OFFICE}"),
    (
        "neg_more",
        6,
        "La convention avec l'Institut Pasteur arrive à échéance le {DATE} : que faut-il prévoir ?",
    ),
    ("neg_more", 6, "Combien de jours de congé pour le décès d'un parent, d'après les textes ?"),
    ("neg_couples", 6, "Un agent pacsé a-t-il droit aux mêmes jours de congé qu'un agent marié ?"),
    ("neg_couples", 6, "{PM} et son épouse {FULLF} demandent un rapprochement de conjoints."),
    ("neg_couples", 6, "Mme {TF} vit avec son compagnon à {VILLE} et demande une mutation."),
    ("neg_couples", 6, "~mon collegue {GM} se marie avec sa copine en juin, on lui offre quoi ?"),
]

FAMILIES: list[list[T]] = [
    NAMES, ADDRESSES, CONTACTS, IDENTS, RECORDS, SANTE, RELIGION, SYNDICAT, POLITIQUE, ORIGINE,
    VIE_SEXUELLE, GENETIQUE, INFRACTION, LONG, NEG,
]  # fmt: skip


def templates() -> list[tuple[str, int, str]]:
    """(id, renders, text) for every template, ids numbered within their family."""
    out: list[tuple[str, int, str]] = []
    seen: Counter[str] = Counter()
    for family in FAMILIES:
        for name, renders, text in family:
            out.append((f"{SPLIT}_{name}-{seen[name]:02d}", renders, text))
            seen[name] += 1
    return out


# Rendering ------------------------------------------------------------------------------------

CHOICE = re.compile(r"<([^<>]*)>")
TOKEN = re.compile(r"\{(\w+)\}|\[(\w+):([^\]]+)\]")
OPENINGS = ("", "Bonjour, ", "Re: ", "Question rapide : ", "Urgent – ", "Salut ! ", "Hello, ",
            "Bonjour,\n\n", "Petite question. ")  # fmt: skip
KEEP_CASE = {"iban", "nir", "carte", "email"}


def assemble(pieces: list[Piece], template: str) -> dict[str, Any]:
    """A line from its pieces; offsets computed here and checked against the values."""
    text = ""
    spans: list[list[Any]] = []
    pii: dict[str, list[str]] = {}
    topics: set[str] = set()
    for value, category in pieces:
        if category is not None:
            if category not in CATEGORIES:
                raise ValueError(f"unknown category {category}")
            if not value or value != value.strip() or value.strip(".,;:") != value:
                raise ValueError(f"span {value!r} has blanks or punctuation at an edge")
            start = len(text)
            spans.append([start, start + len(value), category])
            if category in TOPICS:
                topics.add(category)
            else:
                pii.setdefault(category, []).append(value)
        text += value
    for start, end, category in spans:
        value = text[start:end]
        if category not in TOPICS and value not in pii[category]:
            raise ValueError("span and value differ")
    return {
        "text": text,
        "pii": pii,
        "topics": sorted(topics),
        "spans": spans,
        "split": SPLIT,
        "template": template,
    }


def render(text: str, v: Values) -> list[Piece]:
    while (match := CHOICE.search(text)) is not None:
        text = (
            text[: match.start()] + v.rng.choice(match.group(1).split("|")) + text[match.end() :]
        )
    lower = text.startswith("~")
    if lower:
        text = text[1:]
    pieces: list[Piece] = []
    position = 0
    for match in TOKEN.finditer(text):
        if match.start() > position:
            pieces.append((text[position : match.start()], None))
        if match.group(1):
            pieces.append(SLOTS[match.group(1)](v))
        else:
            pieces.append((v.rng.choice(match.group(3).split("|")), match.group(2)))
        position = match.end()
    if position < len(text):
        pieces.append((text[position:], None))
    opening = v.rng.choices(OPENINGS, (70, 6, 4, 4, 4, 3, 3, 3, 3))[0]
    if opening:
        pieces.insert(0, (opening, None))
    if lower:
        pieces = [(p if c in KEEP_CASE else p.lower(), c) for p, c in pieces]
    elif v.rng.random() < 0.06:  # typed without accents
        pieces = [(p if c in KEEP_CASE else _strip_accents(p), c) for p, c in pieces]
    return pieces


def generate() -> list[dict[str, Any]]:
    rng = random.Random(SEED)
    values = Values(rng)
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for template_id, renders, text in templates():
        made = tries = 0
        while made < renders and tries < renders * 5:
            tries += 1
            row = assemble(render(text, values), template_id)
            if row["text"] in seen:
                continue
            seen.add(row["text"])
            rows.append(row)
            made += 1
    return rows


def counts(rows: list[dict[str, Any]]) -> dict[str, int]:
    total: Counter[str] = Counter()
    for row in rows:
        for _, _, category in row["spans"]:
            total[category] += 1
    return {category: total[category] for category in CATEGORIES}


def write(rows: list[dict[str, Any]], path: Path = TARGET) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def main() -> int:
    import faker

    if faker.VERSION != MADE_WITH_FAKER:
        print(f"warning: faker {faker.VERSION}, the set was made with {MADE_WITH_FAKER}")
    rows = generate()
    write(rows)
    clean = sum(1 for row in rows if not row["spans"])
    print(f"{len(rows)} sentences, {clean} with nothing personal, {len(templates())} templates")
    for category, n in counts(rows).items():
        print(f"{category:22} {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
