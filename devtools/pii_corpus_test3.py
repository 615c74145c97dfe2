"""A third held-out set for the personal-data guard: tests/data/pii_test3.jsonl (issue 18).

Written by an independent hand that did not open the detectors (handlers/privacy), the other
generators or more than the first 3 lines of the other sets, and never ran the guard on this
set. The labelling rules are those of tests/data/PII_SETS.md. Deterministic: a fixed seed and
faker's shipped lists (no download). Run `python -m devtools.pii_corpus_test3` to rewrite.

Template mini-language: `{slot}` or `{slot:arg}` is filled by a slot (a name, an address, a
topic phrase...), `[a/b]` is `a` when the sentence's subject is a man and `b` for a woman,
`[e]` is short for `[/e]`. The spans are computed while the pieces are put together and then
checked against the value that filled each slot.
"""

# Templates stay on one line each, as a sentence reads: long lines are allowed here.
# ruff: noqa: E501
from __future__ import annotations

import json
import random
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

MADE_WITH_FAKER = "40.63.0"
SEED = 20261203
SPLIT = "test3"
OUTPUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii_test3.jsonl"

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

Piece = tuple[str, str | None]  # text, category (None: not labelled)


# Values ----------------------------------------------------------------------------------------


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


WEST_AFRICAN_SURNAMES = (
    "Diallo", "Traoré", "Koné", "Camara", "Diop", "Ndiaye", "Sow", "Cissé", "Keita", "Touré",
    "Coulibaly", "Bamba", "Konaté", "Sylla", "Fofana", "Diarra", "Sissoko", "Mbaye", "Faye",
    "Ouattara", "Kouassi", "Mendy", "Gomis", "Sarr", "Diouf", "Kanté", "Doumbia", "N'Diaye",
)  # fmt: skip
WEST_AFRICAN_MALE = (
    "Mamadou", "Moussa", "Ibrahima", "Ousmane", "Seydou", "Abdoulaye", "Boubacar", "Souleymane",
    "Amadou", "Cheikh", "Lamine", "Modibo",
)  # fmt: skip
WEST_AFRICAN_FEMALE = (
    "Aminata", "Fatoumata", "Awa", "Mariam", "Kadiatou", "Aïssatou", "Binta", "Oumou", "Ramatoulaye",
    "Coumba", "Astou", "Ndèye",
)  # fmt: skip
CHINESE_SURNAMES = ("Chen", "Wang", "Zhang", "Liu", "Huang", "Lin", "Zhou", "Wu")
COMPOUND_BASES_MALE = ("Jean", "Pierre", "Paul", "Louis")
COMPOUND_BASES_FEMALE = ("Marie", "Anne", "Marie", "Louise")


class Names:
    """Surnames and given names by origin, weighted roughly as in France's population."""

    def __init__(self) -> None:
        import importlib

        def person(locale: str) -> Any:
            return importlib.import_module(f"faker.providers.person.{locale}").Provider

        fr = person("fr_FR")
        self.fr_last: list[str] = list(fr.last_names)
        self.fr_last_set = set(self.fr_last)
        self.fr_last_w = [1 / (rank + 1) ** 0.6 for rank in range(len(self.fr_last))]
        self.particles: list[str] = list(fr.prefixes)
        be = person("fr_BE")
        self.be_last: list[str] = list(be.last_names)
        self.be_last_w = [float(w) for w in be.last_names.values()]
        self.be_male: list[str] = list(be.first_names_male)
        self.be_male_w = [float(w) for w in be.first_names_male.values()]
        self.be_female: list[str] = list(be.first_names_female)
        self.be_female_w = [float(w) for w in be.first_names_female.values()]
        self.fr_male: list[str] = list(fr.first_names_male)
        self.fr_female: list[str] = list(fr.first_names_female)
        self.origins: dict[str, tuple[list[str], list[str], list[str]]] = {}
        for key, locale in (
            ("dz", "fr_DZ"),
            ("pt", "pt_PT"),
            ("es", "es_ES"),
            ("it", "it_IT"),
            ("ca", "fr_CA"),
            ("ch", "fr_CH"),
            ("tr", "tr_TR"),
        ):
            p = person(locale)
            self.origins[key] = (
                list(p.last_names),
                list(p.first_names_male),
                list(p.first_names_female),
            )
        vi = person("vi_VN")
        self.origins["vi"] = (
            [_strip_accents(n) for n in vi.last_names],
            [_strip_accents(n) for n in vi.first_names_male],
            [_strip_accents(n) for n in vi.first_names_female],
        )
        self.origins["wa"] = (
            list(WEST_AFRICAN_SURNAMES),
            list(WEST_AFRICAN_MALE),
            list(WEST_AFRICAN_FEMALE),
        )
        self.origins["cn"] = (list(CHINESE_SURNAMES), [], [])

    # origin: (weight, own given names share)
    ORIGINS = (
        ("fr", 0.70, 0.0),
        ("be", 0.05, 0.0),
        ("dz", 0.10, 0.75),
        ("pt", 0.04, 0.5),
        ("es", 0.02, 0.4),
        ("it", 0.02, 0.4),
        ("ca", 0.01, 0.3),
        ("ch", 0.01, 0.3),
        ("wa", 0.03, 0.75),
        ("tr", 0.01, 0.6),
        ("vi", 0.005, 0.3),
        ("cn", 0.005, 0.0),
    )

    def french_given(self, rng: random.Random, female: bool) -> str:
        draw = rng.random()
        if draw < 0.08:
            bases = COMPOUND_BASES_FEMALE if female else COMPOUND_BASES_MALE
            pool = self.fr_female if female else self.fr_male
            other = rng.choice([n for n in pool if "-" not in n and " " not in n])
            base = rng.choice(bases)
            if other != base:
                return f"{base}-{other}"
        if draw < 0.55:
            if female:
                return rng.choices(self.be_female, self.be_female_w)[0]
            return rng.choices(self.be_male, self.be_male_w)[0]
        return rng.choice(self.fr_female if female else self.fr_male)

    def person(self, rng: random.Random, female: bool) -> tuple[str, str]:
        """(given name, surname)."""
        keys = [o[0] for o in self.ORIGINS]
        origin = rng.choices(keys, [o[1] for o in self.ORIGINS])[0]
        own_given = dict((o[0], o[2]) for o in self.ORIGINS)[origin]
        if origin == "fr":
            surname = rng.choices(self.fr_last, self.fr_last_w)[0]
            draw = rng.random()
            if draw < 0.06:
                particle = rng.choice(self.particles)
                bare = rng.choices(self.fr_last, self.fr_last_w)[0]
                if particle == "de" and bare[0] in "AEIOUÉ":
                    surname = f"d'{bare}"
                else:
                    surname = f"{particle} {bare}"
            elif draw < 0.11:
                other = rng.choices(self.fr_last, self.fr_last_w)[0]
                if other != surname:
                    surname = f"{surname}-{other}"
        elif origin == "be":
            surname = rng.choices(self.be_last, self.be_last_w)[0]
        else:
            surname = rng.choice(self.origins[origin][0])
        given = self.french_given(rng, female)
        if rng.random() < own_given:
            pool = self.origins[origin][2 if female else 1]
            if pool:
                given = rng.choice(pool)
        return given, surname


REAL_COMMUNES = (
    ("Vienne", "38200"),
    ("Valence", "26000"),
    ("Talence", "33400"),
    ("Sceaux", "92330"),
    ("Saint-Omer", "62500"),
    ("Saint-Genis-Laval", "69230"),
    ("Rueil-Malmaison", "92500"),
    ("Quimper", "29000"),
    ("Pamiers", "09100"),
    ("Niort", "79000"),
    ("Montpellier", "34000"),
    ("Mitry-Mory", "77290"),
    ("Marly-le-Roi", "78160"),
    ("Lons-le-Saunier", "39000"),
    ("Le Chesnay", "78150"),
    ("La Garenne-Colombes", "92250"),
    ("Herblay", "95220"),
    ("Gonesse", "95500"),
    ("Fontenay-aux-Roses", "92260"),
    ("Elbeuf", "76500"),
    ("Dax", "40100"),
    ("Colomiers", "31770"),
    ("Cavaillon", "84300"),
    ("Bron", "69500"),
    ("Bobigny", "93000"),
    ("Bar-le-Duc", "55000"),
    ("Arles", "13200"),
    ("Marseille", "13011"),
)  # fmt: skip  (the French places of faker's geo provider, with their real postcodes)
OVERSEAS_COMMUNES = (
    ("Pointe-à-Pitre", "97110"), ("Les Abymes", "97139"), ("Baie-Mahault", "97122"),
    ("Le Gosier", "97190"), ("Fort-de-France", "97200"), ("Le Lamentin", "97232"),
    ("Schœlcher", "97233"), ("Cayenne", "97300"), ("Kourou", "97310"), ("Saint-Laurent-du-Maroni", "97320"),
    ("Saint-Denis", "97400"), ("Saint-Pierre", "97410"), ("Le Tampon", "97430"),
    ("Saint-Paul", "97460"), ("Mamoudzou", "97600"), ("Koungou", "97690"), ("Dzaoudzi", "97615"),
)  # fmt: skip
CORSICAN_COMMUNES = (
    ("Ajaccio", "20000"), ("Bastia", "20200"), ("Porto-Vecchio", "20137"), ("Calvi", "20260"),
    ("Corte", "20250"), ("Propriano", "20110"), ("Bonifacio", "20169"), ("Sartène", "20100"),
    ("Biguglia", "20620"), ("L'Île-Rousse", "20220"),
)  # fmt: skip
STREET_TYPES = (
    ("rue", 50), ("avenue", 9), ("chemin", 10), ("impasse", 7), ("allée", 6), ("route", 6),
    ("place", 3), ("boulevard", 3), ("lotissement", 2), ("square", 1), ("quai", 1), ("cours", 1),
    ("sentier", 1),
)  # fmt: skip
STREET_NAMES = (
    "des Lilas", "de la Gare", "du Moulin", "des Écoles", "de l'Église", "Pasteur", "des Acacias",
    "du Stade", "de la Mairie", "des Vignes", "du Château", "de la Fontaine", "des Tilleuls",
    "du Lavoir", "des Peupliers", "de Verdun", "de la République", "de la Liberté", "des Prés",
    "du Four", "des Jardins", "Principale", "du 8 Mai 1945", "du 11 Novembre", "des Roses",
    "du Bourg", "de Paris", "des Cerisiers", "des Mimosas", "du Pressoir", "des Chênes",
    "de la Croix", "du Port", "des Sables", "de Bretagne", "des Hirondelles", "du Calvaire",
    "Victor Hugo", "Jean Jaurès", "Gambetta", "du Général de Gaulle", "Jean Moulin",
    "Louis Pergaud", "Émile Zola", "Georges Brassens", "Marie Curie", "des Frères Lumière",
)  # fmt: skip
LIEUX_DITS = (
    "Les Granges", "La Croix Blanche", "Le Petit Bois", "Les Essarts", "La Métairie",
    "Le Haut Pré", "Les Bruyères", "Kerhuel", "La Grange Neuve", "Le Moulin Vieux",
)  # fmt: skip
RESIDENCES = (
    "Résidence Les Tilleuls", "Résidence du Parc", "Résidence Les Jardins d'Arcadie",
    "Cité des Fleurs", "Résidence Le Clos Fleuri", "Résidence Bellevue", "Cité Lumière",
)  # fmt: skip


def _luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(number: str) -> bool:
    digits = re.sub(r"\D", "", number)
    return bool(digits) and _luhn_digit(digits[:-1]) == digits[-1]


def _iban_check(country: str, bban: str) -> str:
    moved = bban + country + "00"
    numeric = "".join(str(int(c, 36)) for c in moved)
    return f"{98 - int(numeric) % 97:02d}"


def iban_ok(iban: str) -> bool:
    compact = re.sub(r"\s", "", iban).upper()
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def nir_ok(nir: str) -> bool:
    compact = re.sub(r"\s", "", nir).upper()
    body, key = compact[:13], compact[13:]
    numeric = body.replace("2A", "19").replace("2B", "18")
    return len(key) == 2 and 97 - int(numeric) % 97 == int(key)


MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
)  # fmt: skip


class Values:
    def __init__(self, rng: random.Random) -> None:
        from faker import Faker

        self.rng = rng
        self.names = Names()
        self.fake = Faker("fr_FR")
        self.fake.seed_instance(SEED)
        from faker.providers.address.fr_FR import Provider as Address

        self.department_list: list[tuple[str, str]] = list(Address.departments)
        self.departments = [d for d, _ in self.department_list if len(d) == 2 and d != "20"]

    # names ------------------------------------------------------------------------------------
    def person(self, female: bool) -> tuple[str, str]:
        return self.names.person(self.rng, female)

    # places -----------------------------------------------------------------------------------
    def commune(self, kind: str = "any") -> tuple[str, str]:
        r = self.rng.random()
        if kind == "overseas" or (kind == "any" and r < 0.12):
            return self.rng.choice(OVERSEAS_COMMUNES)
        if kind == "corsica" or (kind == "any" and r < 0.20):
            return self.rng.choice(CORSICAN_COMMUNES)
        if kind == "real" or (kind == "any" and r < 0.55):
            return self.rng.choice(REAL_COMMUNES)
        dept = self.rng.choice(self.departments)
        return (
            self.built_commune(),
            f"{dept}{self.rng.randint(0, 9)}{self.rng.choice('0000123456')}0",
        )

    def built_commune(self) -> str:
        """A commune built the way faker fr_FR builds them, but never a bare surname ("Ruiz")."""
        while True:
            city = self.fake.city()
            if city not in self.names.fr_last_set:
                return city.replace("Saint ", "Saint-").replace("Sainte ", "Sainte-")

    def street(self) -> str:
        kind = self.rng.choices([t for t, _ in STREET_TYPES], [w for _, w in STREET_TYPES])[0]
        return f"{kind} {self.rng.choice(STREET_NAMES)}"

    def number(self) -> str:
        n = str(self.rng.choice([self.rng.randint(1, 40), self.rng.randint(1, 250)]))
        r = self.rng.random()
        if r < 0.10:
            n += " bis"
        elif r < 0.15:
            n += " ter"
        elif r < 0.17:
            n += " quater"
        elif r < 0.20:
            n += self.rng.choice(["bis", "B", "ter"])
        return n

    def address(self, form: str = "any") -> str:
        forms = ("line", "line", "line", "nonum", "lieudit", "residence", "bp", "caps", "apt")
        if form == "any":
            form = self.rng.choice(forms)
        town, postcode = self.commune()
        street = self.street()
        if form == "line":
            sep = self.rng.choice([", ", " ", ", ", " - "])
            return f"{self.number()} {street}{sep}{postcode} {town}"
        if form == "nonum":
            return f"{street[0].upper()}{street[1:]}, {postcode} {town}"
        if form == "lieudit":
            return f"lieu-dit {self.rng.choice(LIEUX_DITS)}, {postcode} {town}"
        if form == "residence":
            bat = self.rng.choice("ABCDEFG")
            return (
                f"{self.rng.choice(RESIDENCES)}, bâtiment {bat}, appartement "
                f"{self.rng.randint(1, 120)}, {self.number()} {street}, {postcode} {town}"
            )
        if form == "bp":
            town, postcode = self.commune(self.rng.choice(["overseas", "any"]))
            cedex = " Cedex" if self.rng.random() < 0.3 else ""
            return f"BP {self.rng.randint(1, 9999)}, {postcode} {town}{cedex}"
        if form == "caps":
            return f"{self.number()} {street}, {postcode} {town}".upper()
        if form == "apt":
            return f"{self.number()} {street}, apt {self.rng.randint(1, 80)}, {postcode} {town}"
        if form == "multi":
            extra = self.rng.random()
            first = f"{self.number()} {street}"
            if extra < 0.3:
                first = f"{self.rng.choice(RESIDENCES)}\n{first}"
            elif extra < 0.45:
                first = f"Appartement {self.rng.randint(1, 60)}, étage {self.rng.randint(1, 9)}\n{first}"
            elif extra < 0.55:
                first = f"{first}\nBP {self.rng.randint(10, 999)}"
            return f"{first}\n{postcode} {town.upper() if self.rng.random() < 0.5 else town}"
        if form == "street":
            return f"{self.number()} {street}"
        if form == "streetcity":  # "12 rue X à Niort": the commune is part of the address
            return f"{self.number()} {street} à {town}"
        if form == "overseas":
            town, postcode = self.commune("overseas")
            return f"{self.number()} {street}, {postcode} {town}"
        if form == "corsica":
            town, postcode = self.commune("corsica")
            return f"{self.number()} {street}, {postcode} {town}"
        raise ValueError(form)

    # identifiers ------------------------------------------------------------------------------
    def nir(self, female: bool) -> str:
        rng = self.rng
        sex = "2" if female else "1"
        year = f"{rng.randint(50, 99) if rng.random() < 0.8 else rng.randint(0, 5):02d}"
        month = f"{rng.randint(1, 12):02d}"
        r = rng.random()
        if r < 0.1:
            dept, commune = rng.choice(["2A", "2B"]), f"{rng.randint(1, 366):03d}"
        elif r < 0.2:
            dept, commune = f"97{rng.randint(1, 6)}", f"{rng.randint(1, 34):02d}"
        elif r < 0.27:
            dept, commune = "99", f"{rng.randint(100, 450):03d}"  # born abroad
        else:
            dept, commune = rng.choice(self.departments), f"{rng.randint(1, 600):03d}"
        order = f"{rng.randint(1, 999):03d}"
        body = sex + year + month + dept + commune + order
        key = f"{97 - int(body.replace('2A', '19').replace('2B', '18')) % 97:02d}"
        style = rng.random()
        if style < 0.5:
            return f"{sex} {year} {month} {dept} {commune} {order} {key}"
        if style < 0.8:
            return body + key
        return f"{body} {key}"

    def iban(self) -> str:
        rng = self.rng
        country = rng.choices(["FR", "BE", "DE", "ES", "PT", "IT"], [80, 5, 4, 4, 4, 3])[0]
        if country == "FR":
            bank = rng.choice(["30004", "30003", "10278", "20041", "17515", "30002", "11315"])
            branch, account = f"{rng.randint(0, 99999):05d}", f"{rng.randint(0, 10**11 - 1):011d}"
            rib = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
            bban = f"{bank}{branch}{account}{rib:02d}"
        elif country == "BE":
            n = rng.randint(10**9, 10**10 - 1)
            check = n % 97 or 97
            bban = f"{n:010d}{check:02d}"
        elif country == "DE":
            bban = f"{rng.randint(10**17, 10**18 - 1)}"
        elif country == "ES":
            bban = f"{rng.randint(10**19, 10**20 - 1)}"
        elif country == "PT":
            bban = f"{rng.randint(10**20, 10**21 - 1)}"
        else:
            bban = rng.choice("ABCX") + f"{rng.randint(10**21, 10**22 - 1)}"
        compact = country + _iban_check(country, bban) + bban
        if rng.random() < 0.7:
            return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
        return compact

    def card(self) -> str:
        rng = self.rng
        kind = rng.choices(["visa", "mc", "amex"], [60, 32, 8])[0]
        if kind == "amex":
            body = rng.choice(["34", "37"]) + "".join(str(rng.randint(0, 9)) for _ in range(12))
            n = body + _luhn_digit(body)
            return f"{n[:4]} {n[4:10]} {n[10:]}" if rng.random() < 0.6 else n
        prefix = "4" if kind == "visa" else str(rng.randint(51, 55))
        body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(15 - len(prefix)))
        n = body + _luhn_digit(body)
        style = rng.random()
        if style < 0.55:
            return " ".join(n[i : i + 4] for i in range(0, 16, 4))
        if style < 0.7:
            return "-".join(n[i : i + 4] for i in range(0, 16, 4))
        return n

    def phone(self, kind: str = "any") -> str:
        rng = self.rng
        r = rng.random()
        if kind == "landline" or (kind == "any" and r < 0.25):
            digits = f"0{rng.randint(1, 5)}" + "".join(str(rng.randint(0, 9)) for _ in range(8))
        elif kind == "any" and r < 0.33:
            digits = rng.choice(["0690", "0694", "0696", "0639", "0691"]) + "".join(
                str(rng.randint(0, 9)) for _ in range(6)
            )
        else:
            digits = rng.choice(["06", "07"]) + "".join(str(rng.randint(0, 9)) for _ in range(8))
        pairs = [digits[i : i + 2] for i in range(0, 10, 2)]
        style = rng.random()
        if style < 0.45:
            return " ".join(pairs)
        if style < 0.6:
            return ".".join(pairs)
        if style < 0.72:
            return digits
        if style < 0.78:
            return "-".join(pairs)
        if style < 0.92:
            return "+33 " + digits[1] + " " + " ".join(pairs[1:])
        return "+33 (0)" + digits[1] + " " + " ".join(pairs[1:])

    def email(self, given: str, surname: str, work: bool) -> str:
        def clean(text: str) -> str:
            return re.sub(r"[^a-z0-9-]", "", _strip_accents(text).lower().replace(" ", "-"))

        g, s = clean(given), clean(surname)
        rng = self.rng
        if work:
            domain = rng.choice(
                [
                    "interieur.gouv.fr", "finances.gouv.fr", "ac-lyon.fr", "ac-creteil.fr",
                    "ars.sante.fr", "justice.fr", "agriculture.gouv.fr", "ville-niort.fr",
                    "cd33.fr", "developpement-durable.gouv.fr", "dgfip.finances.gouv.fr",
                    "education.gouv.fr", "mairie-bron.fr", "aphp.fr",
                ]
            )  # fmt: skip
            local = rng.choice([f"{g}.{s}", f"{g}.{s}", f"{g[0]}{s}", f"{g}-{s}"])
        else:
            domain = rng.choice(
                [
                    "gmail.com", "orange.fr", "free.fr", "hotmail.fr", "laposte.net",
                    "outlook.fr", "yahoo.fr", "sfr.fr", "wanadoo.fr", "icloud.com", "proton.me",
                ]
            )  # fmt: skip
            local = rng.choice(
                [f"{g}.{s}", f"{g}{s}{rng.randint(1, 99)}", f"{s}.{g}", f"{g[0]}.{s}", f"{g}_{s}"]
            )
        return f"{local}@{domain}"

    def birth_date(self) -> str:
        rng = self.rng
        year = rng.randint(1950, 2006)
        month = rng.randint(1, 12)
        day = rng.randint(1, 28)
        style = rng.random()
        if style < 0.35:
            return f"{day:02d}/{month:02d}/{year}"
        if style < 0.5:
            return f"{'1er' if day == 1 else day} {MONTHS[month - 1]} {year}"
        if style < 0.6:
            return f"{day:02d}.{month:02d}.{year}"
        if style < 0.7:
            return f"{day:02d}-{month:02d}-{year}"
        if style < 0.78:
            return f"{year}-{month:02d}-{day:02d}"
        if style < 0.86:
            return f"{day:02d}/{month:02d}/{year % 100:02d}"
        if style < 0.93:
            return f"{day}/{month}/{year}"
        return f"{day} {MONTHS[month - 1].upper()} {year}"

    def other_date(self) -> str:
        rng = self.rng
        year = rng.randint(2015, 2027)
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        if rng.random() < 0.5:
            return f"{day:02d}/{month:02d}/{year}"
        return f"{'1er' if day == 1 else day} {MONTHS[month - 1]} {year}"


# Topic phrases ---------------------------------------------------------------------------------
# The span is the phrase (without its subject). "[a/b]": man / woman; "[e]": agreement.

TOPIC_PHRASES: dict[str, tuple[str, ...]] = {
    "sante": (
        "est en arrêt maladie pour un burn-out",
        "est diabétique",
        "suit une chimiothérapie",
        "est atteint[e] de sclérose en plaques",
        "a été hospitalisé[e] pour une dépression",
        "est en mi-temps thérapeutique",
        "est suivi[e] par un psychiatre",
        "souffre d'une hernie discale",
        "a fait un AVC le mois dernier",
        "est reconnu[e] travailleu[r/se] handicapé[e]",
        "est épileptique",
        "est sous antidépresseurs",
        "est séropositi[f/ve]",
        "a la maladie de Crohn",
        "est en rémission d'un lymphome",
        "a un problème d'alcool",
        "a été opéré[e] du cœur",
        "bénéficie d'une RQTH",
        "est en congé longue maladie depuis mars",
        "fait des crises d'angoisse",
        "est malvoyant[e]",
        "a un covid long",
        "a une tendinite chronique qui l'empêche de taper",
        "est bipolaire",
        "fait une rechute de son cancer",
        "a des troubles autistiques",
        "est en arrêt pour une sciatique",
        "est sourd[e] de naissance",
        "a été placé[e] en invalidité",
        "est sous insuline",
    ),
    "religion": (
        "est musulman[/e] pratiquant[/e]",
        "fait le ramadan",
        "sera absent[e] pour l'Aïd",
        "va à la messe tous les dimanches",
        "est catholique",
        "est [juif/juive]",
        "pose un congé pour Yom Kippour",
        "est témoin de Jéhovah",
        "s'est converti[e] à l'islam",
        "est bouddhiste",
        "est protestant[e] évangélique",
        "demande à s'absenter pour la prière du vendredi",
        "est athée",
        "jeûne pendant le carême",
        "ne mange pas de porc pour des raisons religieuses",
        "est orthodoxe",
        "fréquente la synagogue",
        "célèbre Diwali en famille",
        "observe le shabbat",
        "est adepte de la scientologie",
        "est [pratiquant/pratiquante] à la mosquée du quartier",
        "a fait son pèlerinage à La Mecque",
        "est [un fervent croyant/une fervente croyante]",
        "demande un jour de congé pour la Pâque orthodoxe",
        "porte la croix huguenote par conviction",
        "est mormon[e]",
    ),
    "opinion_politique": (
        "est militant[e] LFI",
        "est encarté[e] chez Les Républicains",
        "a voté RN aux dernières élections",
        "est adhérent[e] du Parti socialiste",
        "milite chez les Écologistes",
        "est candidat[/e] sur la liste d'opposition aux municipales",
        "est très engagé[e] à l'extrême gauche",
        "colle des affiches pour Renaissance",
        "est membre du Parti communiste",
        "est proche de Reconquête",
        "a pris sa carte chez Horizons",
        "est sympathisant[e] anarchiste",
        "est gaulliste [convaincu/convaincue]",
        "est royaliste",
        "soutient ouvertement le Rassemblement national",
        "est conseill[er/ère] municipal[/e] d'opposition",
        "vote à gauche depuis toujours",
        "milite chez Extinction Rebellion",
        "est trésori[er/ère] de la section locale du MoDem",
        "a tracté pour le NPA",
        "est adhérent[e] chez Debout la France",
        "est de droite dure",
        "a quitté le PS pour rejoindre LFI",
        "est secrétaire de la section PCF",
        "est militant[e] souverainiste",
    ),
    "syndicat": (
        "est délégué[e] CGT",
        "est syndiqué[e] à FO",
        "est adhérent[e] de la CFDT",
        "est élu[e] SUD au CSA",
        "a pris sa carte à la FSU",
        "est militant[e] CFE-CGC",
        "est membre du bureau de la section Solidaires",
        "est représentant[e] du personnel pour la CFTC",
        "bénéficie d'une décharge d'activité syndicale",
        "est secrétaire du syndicat CGT",
        "a été élu[e] sur la liste FO",
        "est syndiqué[e]",
        "cotise à l'UNSA",
        "est délégué[e] syndical[e]",
        "s'est syndiqué[e] chez Sud Santé",
        "est mandaté[e] par la CGT",
        "adhère au SNES-FSU",
        "est permanent[e] syndical[e] à Force ouvrière",
        "siège pour l'UNSA en CAP",
        "a rejoint la CFDT l'an dernier",
        "est encarté[e] à la CGT",
        "est responsable de la section syndicale SUD",
        "est adhérent[e] du SGEN",
        "distribue les tracts de la CGT",
        "est élu[e] CFDT en CSE",
    ),
    "origine": (
        "est d'origine algérienne",
        "est d'origine marocaine",
        "est issu[e] de la communauté rom",
        "est d'origine sénégalaise",
        "est noir[e]",
        "est métisse",
        "est d'origine asiatique",
        "est kabyle",
        "est d'origine turque",
        "fait partie de la communauté gitane",
        "est d'origine maghrébine",
        "est issu[e] de l'immigration portugaise",
        "a des origines comoriennes",
        "est d'origine arménienne",
        "est d'ascendance malienne",
        "est d'origine vietnamienne",
        "est d'origine haïtienne",
        "est tsigane",
        "est d'origine tamoule",
        "appartient à la communauté kurde",
        "est d'origine africaine",
        "est d'origine berbère",
        "a des origines antillaises",
        "est d'origine chinoise",
        "est issu[e] d'une famille de harkis",
    ),
    "vie_sexuelle": (
        "est homosexuel[le]",
        "est [gay/lesbienne]",
        "est bisexuel[le]",
        "a fait son coming out",
        "est transgenre",
        "est en transition de genre",
        "est non binaire",
        "vit avec [son compagnon/sa compagne]",
        "s'est marié[e] avec [son compagnon/sa compagne]",
        "est pacsé[e] avec [un homme/une femme]",
        "a changé de prénom à l'état civil après sa transition",
        "est asexuel[le]",
        "est pansexuel[le]",
        "fréquente des clubs libertins",
        "est hétérosexuel[le]",
        "entretient une liaison avec son chef",
        "est en couple avec [un collègue/une collègue]",
        "est homo",
        "a [un petit ami/une petite amie]",
        "sort avec [un garçon/une fille] du service",
        "a annoncé son homosexualité",
        "a un amant",
        "vit en concubinage avec [un homme/une femme]",
        "élève un enfant avec [son mari/sa femme]",
    ),
    "genetique_biometrie": (
        "est porteu[r/se] de la mutation BRCA1",
        "a une maladie génétique rare",
        "a fourni un prélèvement ADN",
        "a un caryotype anormal",
        "a fait un test génétique de paternité",
        "a une anomalie chromosomique",
        "a un séquençage de son génome en cours",
        "est porteu[r/se] sain[e] du gène de la drépanocytose",
        "a fait analyser son ADN pour retrouver sa famille",
        "a un syndrome de l'X fragile",
        "a enregistré ses empreintes digitales sur la badgeuse",
        "a transmis la photo de son iris pour le contrôle d'accès",
        "a son gabarit de reconnaissance faciale dans le système",
        "a donné son empreinte palmaire au service sécurité",
        "a ses empreintes veineuses enregistrées",
        "a une trisomie en mosaïque",
        "a un profil ADN au FNAEG",
        "a fait un test de prédisposition génétique",
        "a une empreinte vocale enregistrée pour le serveur vocal",
        "a une translocation chromosomique",
    ),
    "infraction": (
        "a été condamné[e] pour vol",
        "a un casier judiciaire",
        "est sous contrôle judiciaire",
        "a été placé[e] en garde à vue",
        "a été flashé[e] à 150 km/h",
        "a eu une suspension de permis pour alcoolémie",
        "a été condamné[e] à six mois avec sursis",
        "est mis[e] en examen pour escroquerie",
        "a fait de la prison",
        "porte un bracelet électronique",
        "a été verbalisé[e] pour conduite sans permis",
        "a une amende pour usage de stupéfiants",
        "est poursuivi[e] pour harcèlement",
        "a été interpellé[e] pour violences conjugales",
        "a un bulletin n° 2 qui n'est pas vierge",
        "a été condamné[e] pour détournement de fonds",
        "est inscrit[e] au FIJAIS",
        "a été reconnu[e] coupable de fraude",
        "doit faire des travaux d'intérêt général",
        "est en liberté conditionnelle",
        "a été arrêté[e] pour trafic de drogue",
        "a pris un PV pour excès de vitesse",
        "a été condamné[e] pour outrage",
        "a une condamnation pour conduite en état d'ivresse",
        "a été jugé[e] pour recel",
    ),
}

# A same-gender partner named before or after the subject ("the partner before the owner").
PARTNER_BEFORE = ("[Le compagnon/La compagne]", "[Le mari/L'épouse]", "[Le conjoint/La conjointe]")
PARTNER_LINK = (
    "est pacsé[e] avec", "vit avec", "s'est marié[e] avec", "est en couple avec",
    "partage sa vie avec", "a épousé",
)  # fmt: skip
PARTNER_HR = (
    "rapprochement de [conjoint/conjointe] avec [son mari/sa femme]",
    "congé pour le mariage avec [son compagnon/sa compagne]",
    "congé de naissance pour l'enfant de [son mari/sa femme]",
    "mutation pour suivre [son compagnon/sa compagne]",
    "ajout de [son conjoint/sa conjointe], [un homme/une femme], sur la mutuelle",
)  # fmt: skip


# Templates -------------------------------------------------------------------------------------
# Slots: P subject's name (may be a single word), PF full name, PC civility + name, PN given name,
# SN surname, PU "NOM Prénom", PL lower case, P2/P3 someone else, PT same-gender partner,
# PO other-gender partner; ADR address (any form) or ADR:<form>; EMAIL personal, EMAILW work;
# TEL, MOB, FIX; IBAN; NIR; CARTE; DDN; T:<topic>; PB partner noun before; PL link; HR request.
# Unlabelled: COMMUNE, DATE, DOSSIER, SIRET, SIREN, CMD, STD, FMAIL, INSTADR, EPO, SCHOOL, ROAD.

FAMILIES: dict[str, tuple[int, tuple[str, ...]]] = {
    "names": (
        8,
        (
            "Tu peux me rédiger un mail pour remercier {PC} de sa présentation d'hier ?",
            "Peux-tu reformuler ce message à {PC} : je n'ai pas pu valider ses congés cette semaine.",
            "Rédige une réponse polie à {PF} qui demande où en est sa demande de mutation.",
            "Est-ce que {SN} peut signer le bon de commande en l'absence du chef de service ?",
            "j'ai besoin d'un mail pour dire à {PL} que la réunion est décalée",
            "Fais-moi un résumé de l'échange entre {PF} et {P2} sur le planning d'astreinte.",
            "Compte rendu de la réunion du service : présents {PF}, {P2}, {P3}. Excusé : {P4}.",
            "Mon collègue {PN:m} me demande comment poser un compte épargne-temps, tu peux l'aider ?",
            "Ma collègue {PN:f} part à la retraite, propose un petit discours pour son pot.",
            "Peux-tu corriger les fautes : « Bonjour {PC}, suite a notre échange je vous transmet le dossier. »",
            "{PU} a-t-[il/elle] le droit de cumuler son temps partiel avec une activité accessoire ?",
            "Rédige une convocation à un entretien professionnel pour {PC}, le {DATE} à 10 h.",
            "Prépare une attestation employeur pour {PF}, adjoint[/e] administrati[f/ve] depuis 2019.",
            "Dans le tableau, remplace {P} par {P2} comme référent RGPD.",
            "Je dois écrire à {PC} pour lui refuser son télétravail le vendredi, tu m'aides à trouver le ton ?",
            "Objet : absence de {PF}\nBonjour, {PN} ne pourra pas assurer la permanence de jeudi. Merci de prévoir un remplacement.",
            "Quelle formule de politesse utiliser pour écrire à {PC}, directeur de cabinet ?",
            "Traduis en anglais : « {PF} will present the budget at the next committee ».",
            "les époux {SN} ont déposé une demande de logement, je leur réponds quoi ?",
            "{PN} m'a dit que le logiciel plantait, tu as une idée ?",
            "Note pour {PC} : le dossier de subvention de l'association est complet.",
            "Peux-tu écrire un message de bienvenue pour {PF} qui rejoint le bureau des marchés lundi ?",
            "Rédige le mot d'accompagnement du bouquet pour {PN}, qui sort de la maternité.",
            "Liste des agents d'astreinte :\n- {PF}\n- {P2}\n- {P3}",
            "{PU}, {P2} et {P3} demandent une formation Excel, propose un courrier groupé.",
            "Est-ce que je peux transmettre la fiche de poste de {PF} au jury ?",
            "réponds à {PN} que c bon pour le rdv de mardi",
            "Peux-tu préparer la lettre de fin de contrat de {PC} (CDD de 6 mois) ?",
            "Mme la Directrice souhaite que {PF} soit associé[e] au comité de pilotage.",
            "Mail de relance à {PC} : la pièce justificative manque toujours au dossier.",
            "Je suis {PF}, agent[/e] au service état civil, et je cherche le formulaire de demande de formation.",
            "Bonjour, je m'appelle {PL} et je voudrais savoir comment calculer mes droits à congés.",
            "Le jury était composé de {PC}, présid[ent/ente], et de {P2}.",
            "Peux-tu résumer l'intervention de {PF} au conseil d'administration en cinq lignes ?",
            "Rédige un courrier de félicitations à {PC} pour sa réussite au concours d'attaché.",
            "Ajoute {PF} en copie du mail au rectorat.",
            "{SN} est en retard sur tous ses dossiers, comment lui en parler sans le braquer ?",
            "Peux-tu générer un organigramme texte : direction {PF}, adjoint {P2}, pôle RH {P3} ?",
            "Le courrier de {PC} est arrivé au lycée Victor Hugo le {DATE}, faut-il y répondre ?",
            "salut, {PN} et moi on doit préparer la revue de projet, des idées de plan ?",
            "Transmets mes remerciements à {PC}, intervenant[/e] de la formation du {DATE}.",
            "Qui signe la décision : {PF} ou {P2} ? Le DGS est absent.",
            "Rédige une fiche d'entretien annuel pour {PU}, gestionnaire de paie.",
            "Tu peux faire une phrase pour dire que {PF} assure l'intérim du service jusqu'en juin ?",
            "{PC} vit avec [sa compagne/son compagnon] à {COMMUNE} et demande un logement de fonction.",
            "{PF} est [marié/mariée] avec {PO}, peuvent-ils poser leurs congés ensemble ?",
            "{P2} et {P3} ont permuté leurs jours de télétravail, je mets à jour le planning ?",
        ),
    ),
    "addresses": (
        8,
        (
            "Peux-tu rédiger un courrier à {PC}, domicilié[e] {ADR}, pour l'informer de la décision ?",
            "Nouvelle adresse de {PF} : {ADR}. Mets à jour la fiche agent.",
            "j'habite {ADR:street}, c'est loin du site de Lyon pour le télétravail ?",
            "Envoie l'attestation à {PC}\n{ADR:multi}",
            "Adresse de correspondance : {ADR}",
            "{PC} a déménagé au {ADR:line}, dois-je modifier le calcul de l'indemnité kilométrique ?",
            "Destinataire :\n{PU}\n{ADR:multi}",
            "Le colis pour {PF} doit partir chez [lui/elle], {ADR:residence}.",
            "Mon adresse personnelle est {ADR:lieudit}, le facteur ne trouve jamais la maison.",
            "Je réside {ADR:overseas} et je demande le bénéfice des congés bonifiés.",
            "{PF}, demeurant {ADR:corsica}, sollicite une aide au logement.",
            "Peux-tu vérifier le format de cette adresse : {ADR:caps} ?",
            "Formulaire - Nom : {SN} | Prénom : {PN} | Adresse : {ADR}",
            "Expéditeur : {PF}, {ADR:bp}",
            "Bonjour, merci d'envoyer mon bulletin de salaire papier au {ADR:apt}.",
            "le domicile de {PL} c'est {ADR:nonum}, tu peux me calculer la distance avec la préfecture ?",
            "Changement de domicile de l'agent[/e] {PU} : ancienne adresse {ADR}, nouvelle adresse {ADR}.",
            "Je suis [hébergé/hébergée] chez ma sœur, {ADR:multi}",
            "Pour la visite à domicile, l'assistante sociale se rendra chez {PC}, {ADR:line}.",
            "Mettre à jour la base : {PF} ; {ADR:line} ; {MOB}",
            "Courrier retourné « n'habite pas à l'adresse indiquée » pour {PC}, {ADR}. Que faire ?",
            "Adresse pendant le congé : {ADR:bp}",
            "Le lauréat {PF} (domicile : {ADR:overseas}) demande un report de sa prise de poste.",
            "tu peux mettre en forme : {ADR:caps} {PU}",
            "L'agent[/e] habite au {ADR:streetcity}, juste à côté de la mairie.",
            "Pour le courrier recommandé : {PC}, {ADR:residence}",
        ),
    ),
    "contacts": (
        7,
        (
            "Peux-tu envoyer la convocation à {PF} ({EMAIL}) ?",
            "Mon adresse perso c'est {EMAIL}, tu peux me faire un modèle de mail de candidature ?",
            "Ajoute {PF} à la liste de diffusion : {EMAILW}",
            "{PC} est joignable au {MOB} en cas d'urgence.",
            "Rappelle {PN} au {TEL}, [il/elle] attend une réponse pour son dossier.",
            "Cordialement,\n{PF}\nChargé[e] de mission\nLigne directe : {FIX}\n{EMAILW}",
            "Bien à vous,\n{PF}\nPortable : {MOB}",
            "Coordonnées du référent : {PF} - {EMAILW} - {TEL}",
            "Le numéro perso de {PN} c'est le {MOB}, ne le diffuse pas stp.",
            "De : {PF} <{EMAILW}>\nÀ : service courrier\nObjet : demande de badge\nBonjour, pouvez-vous me créer un badge ? Merci.",
            "{PU} — tél. {MOB} — mail {EMAIL}",
            "Si tu n'arrives pas à me joindre au bureau, appelle-moi sur mon portable : {MOB}.",
            "Mon collègue m'a donné son numéro, {TEL}, pour organiser le covoiturage.",
            "Envoie les documents à {EMAIL} et à {EMAILW}, c'est la même personne.",
            "Contact du candidat : {PF}, {MOB}, {EMAIL}",
            "Mme la Préfète a validé. Pour toute question : {PF}, {EMAILW}, ligne directe {FIX}. Standard de la préfecture : {STD}.",
        ),
    ),
    "identifiers": (
        6,
        (
            "Mon numéro de sécurité sociale est {NIR}, je dois le mettre sur le formulaire ?",
            "Vérifie si ce NIR est bien formé : {NIR}",
            "Pour le virement de la prime, voici mon RIB : {IBAN}",
            "{PF} a changé de banque, nouvel IBAN : {IBAN}",
            "J'ai payé la formation avec ma carte {CARTE}, comment me faire rembourser ?",
            "La carte {CARTE} a été débitée deux fois pour la même mission, que faire ?",
            "Date de naissance de l'agent[/e] {PF} : {DDN}",
            "{PC}, né[e] le {DDN} à {COMMUNE}, est recruté[e] à compter du {DATE}.",
            "je suis né[e] le {DDN}, à quel âge je peux partir à la retraite ?",
            "NIR : {NIR} / IBAN : {IBAN}",
            "Peux-tu remplir le tableau : nom {PU}, DDN {DDN}, n° SS {NIR}",
            "Le remboursement des frais de mission de {PF} ira sur le compte {IBAN}.",
            "La mutuelle demande le numéro de sécu de mon enfant : {NIR}",
            "ma CB {CARTE} expire en 03/27, je dois la changer sur le site des billets de train ?",
            "Né[e] le {DDN}, {PU} a-t-[il/elle] droit à la surcote ?",
            "Pour l'inscription au concours : {PF}, DDN {DDN}, {EMAIL}",
            "Opposition à faire sur ma carte {CARTE}, elle a été volée pendant la mission.",
            "Note de frais de {PF} : payé avec sa carte bancaire perso n° {CARTE}, à rembourser sur {IBAN}.",
            "C'est quoi ce numéro sur ma carte, {CARTE} ? Le site de réservation le refuse.",
        ),
    ),
    "records": (
        6,
        (
            "Fiche agent\nNom : {SN}\nPrénom : {PN}\nNé[e] le : {DDN}\nAdresse : {ADR}\nTél : {MOB}\nMail : {EMAIL}",
            "{PU} | {DDN} | {NIR} | {ADR:line}",
            "nom;prenom;date_naissance;telephone\n{SN};{PN};{DDN};{MOB}",
            "Dossier de recrutement de {PF} :\n- né[e] le {DDN}\n- domicile : {ADR}\n- IBAN : {IBAN}",
            "Peux-tu transformer ça en tableau ? {PF}, {DDN}, {MOB}, {EMAIL} ; {P2}, {TEL}",
            "Identité : {PU}\nNIR : {NIR}\nCoordonnées bancaires : {IBAN}",
            "| Nom | Téléphone | Courriel |\n| {PF} | {TEL} | {EMAIL} |",
            "Voici les infos du vacataire : {PF}, {ADR:line}, {MOB}, {IBAN}. Prépare le contrat.",
            "Mets ces données dans l'ordre : {EMAIL} / {PU} / {ADR}",
            "Inscription à la formation\nStagiaire : {PC}\nDate de naissance : {DDN}\nService : comptabilité\nTéléphone : {MOB}",
            "Peux-tu vérifier les doublons : {PF} ({DDN}) et {PF} ({DDN}) ?",
            "Bénéficiaire de l'avance : {PU}, {ADR:multi}, carte {CARTE}",
        ),
    ),
    "health": (
        9,
        (
            "[Mon collègue/Ma collègue] {T:sante}, comment adapter son poste ?",
            "{PC} {T:sante} : quels sont ses droits pour un aménagement d'horaires ?",
            "Je dois prévenir l'équipe que {PN} {T:sante}, tu peux formuler ça avec tact ?",
            "entre nous {PL} {T:sante} donc [il/elle] sera moins dispo",
            "Note RH : l'agent[/e] {PU} {T:sante} ; prévoir une visite auprès du médecin du travail.",
            "[Mon fils/Ma fille] {T:sante}, ai-je droit à des autorisations d'absence ?",
            "Je suis {L:sante|[atteint/atteinte] d'un cancer} et je voudrais savoir si je peux passer à temps partiel.",
            "Comment annoncer à mon chef que {T:sante1} ?",
        ),
    ),
    "religion": (
        9,
        (
            "[Mon collègue/Ma collègue] {T:religion}, puis-je refuser son congé ?",
            "{PC} {T:religion}, comment organiser le planning de juin ?",
            "On m'a dit que {PF} {T:religion}, est-ce que ça pose un problème au guichet ?",
            "{PN} {T:religion} et me demande de décaler la réunion.",
            "RH : l'agent[/e] {PU} {T:religion}. Que dit la circulaire sur les autorisations d'absence ?",
            "mon voisin de bureau {T:religion:m} et ça crée des tensions, comment réagir ?",
            "Je suis {L:religion|[musulman/musulmane]} et je voudrais poser un jour pour l'Aïd, comment je formule ?",
            "Dans le compte rendu, faut-il préciser que {SN} {T:religion} ?",
        ),
    ),
    "politics": (
        9,
        (
            "[Mon collègue/Ma collègue] {T:opinion_politique}, a-t-[il/elle] le droit d'en parler au bureau ?",
            "{PC} {T:opinion_politique} : est-ce compatible avec son devoir de réserve ?",
            "J'ai appris que {PF} {T:opinion_politique}, dois-je en informer ma hiérarchie ?",
            "{PN} {T:opinion_politique} et distribue des tracts à la cantine.",
            "Le chef de service {T:opinion_politique:m}, ça se voit dans ses arbitrages.",
            "Je suis {L:opinion_politique|[militant/militante] LFI}, puis-je me présenter aux municipales dans ma commune ?",
            "pour info {PL} {T:opinion_politique}, fais gaffe à ce que tu dis",
            "Rédige un signalement : l'agent[/e] {PU} {T:opinion_politique} et en fait état auprès des usagers.",
        ),
    ),
    "unions": (
        9,
        (
            "[Mon collègue/Ma collègue] {T:syndicat}, comment calculer son temps de décharge ?",
            "{PC} {T:syndicat} et demande à consulter son dossier.",
            "Invite {PF}, qui {T:syndicat}, à la réunion de dialogue social.",
            "{PN} {T:syndicat}, tu peux l'ajouter en copie ?",
            "Je suis {L:syndicat|[syndiqué/syndiquée] à la CGT}, mon chef peut-il me le reprocher ?",
            "note : {PU} {T:syndicat} depuis janvier",
            "entre nous {PL} {T:syndicat}, c'est pour ça qu'[il/elle] est souvent absent[e]",
            "Dans le tableau des effectifs, dois-je mentionner que {SN} {T:syndicat} ?",
        ),
    ),
    "origins": (
        9,
        (
            "[Mon collègue/Ma collègue] {T:origine} et subit des remarques, que faire ?",
            "{PC} {T:origine}, faut-il un interprète pour l'entretien ?",
            "Un usager m'a dit que {PF} {T:origine} et refuse d'être reçu par [lui/elle].",
            "{PN} {T:origine}, ça a un impact sur sa demande de naturalisation ?",
            "Je suis {L:origine|d'origine marocaine} et je voudrais signaler des propos racistes.",
            "signalement : {PU} {T:origine} et se fait traiter de noms d'oiseaux",
            "le nouveau stagiaire {T:origine:m} et ses collègues lui font des blagues lourdes",
            "Dans la note, dois-je retirer que {SN} {T:origine} ?",
        ),
    ),
    "sexlife": (
        9,
        (
            "[Mon collègue/Ma collègue] {T:vie_sexuelle}, comment éviter les blagues lourdes dans l'équipe ?",
            "{PC} {T:vie_sexuelle} ; quelles démarches pour sa mutuelle ?",
            "{PF} {PLINK} {PT}, peut-[il/elle] bénéficier du rapprochement de conjoints ?",
            "{PB} de {PC} a appelé pour prévenir de son absence.",
            "Demande RH de {PF} : {HR}.",
            "je suis {L:vie_sexuelle|[pacsé avec mon copain/pacsée avec ma copine]}, on a droit aux mêmes congés que les mariés ?",
            "{PN} {T:vie_sexuelle} et on se moque [de lui/d'elle] à la machine à café, comment réagir ?",
            "entre nous {PL} {T:vie_sexuelle} mais personne le sait",
            "{PT} et {PF} {PLINK2} depuis dix ans, quelle est la démarche pour le PACS en mairie ?",
            "Je suis [un homme/une femme] et {L:vie_sexuelle|j'ai épousé [mon mari/ma femme]} en mai : dois-je le déclarer à la DRH ?",
        ),
    ),
    "genetics": (
        9,
        (
            "[Mon collègue/Ma collègue] {T:genetique_biometrie}, l'employeur peut-il le savoir ?",
            "{PC} {T:genetique_biometrie}, faut-il le noter dans son dossier ?",
            "{PF} {T:genetique_biometrie} et s'inquiète pour la confidentialité.",
            "{PN} {T:genetique_biometrie}, est-ce conforme au RGPD ?",
            "note confidentielle : {PU} {T:genetique_biometrie}",
            "J'ai découvert que {T:genetique_biometrie1}, dois-je en parler au médecin de prévention ?",
            "entre nous {PL} {T:genetique_biometrie}, tu crois que c'est héréditaire ?",
        ),
    ),
    "offences": (
        9,
        (
            "[Mon collègue/Ma collègue] {T:infraction}, peut-[il/elle] garder son poste ?",
            "{PC} {T:infraction} ; quelles conséquences sur sa titularisation ?",
            "J'ai appris que {PF} {T:infraction}, dois-je le signaler ?",
            "{PN} {T:infraction} avec la voiture de service, qui paie ?",
            "[Le candidat/La candidate] {PU} {T:infraction}, peut-on [le/la] recruter ?",
            "entre nous {PL} {T:infraction}",
            "Voilà : {T:infraction1}. Est-ce que ça bloque ma candidature au concours ?",
            "Rapport : l'agent[/e] {SN} {T:infraction} ; proposition de suspension.",
        ),
    ),
    "multi": (
        9,
        (
            "{PF} {T:sante} et {T2:religion}, comment aménager ses horaires ?",
            "{PC} {T:syndicat} et {T2:opinion_politique}, est-ce un problème de neutralité ?",
            "Signalement : {PU} {T:origine} et {T2:vie_sexuelle} ; [il/elle] subit des insultes.",
            "Dossier disciplinaire de {PF} : l'agent[/e] {T:infraction} et {T2:sante}.",
            "{PN} {T:genetique_biometrie} et {T2:sante}, quelles précautions pour son poste ?",
            "Compte rendu de l'entretien : {PC} {T:religion}, {T2:origine}. [Il/Elle] demande une mutation.",
            "entre nous {PL} {T:vie_sexuelle} et {T2:syndicat}",
            "{PF} ({MOB}) {T:opinion_politique} ; par ailleurs [il/elle] {T2:infraction}.",
        ),
    ),
    "long": (
        6,
        (
            "Bonjour,\nJe vous écris au sujet de {PC}, agent[/e] du service urbanisme. [Il/Elle] {T:sante} depuis le {DATE} et souhaite reprendre à temps partiel. [Il/Elle] habite {ADR:line} et peut être joint[e] au {MOB}. Pouvez-vous me dire quelles pièces fournir ?\nCordialement,\n{P2}",
            "Peux-tu résumer ce mail ? « Madame, je soussigné[e] {PF}, né[e] le {DDN}, demeurant {ADR}, sollicite un congé parental à compter du {DATE}. Mon numéro de sécurité sociale est {NIR}. Veuillez agréer mes salutations. »",
            "Compte rendu RH du {DATE}\nPrésents : {PF}, {P2}\nPoint 1 : {P3} {T:syndicat} et demande une décharge.\nPoint 2 : le dossier de {P4} est transmis au conseil de discipline.\nPoint 3 : mise à jour du règlement intérieur du lycée Jean Moulin.",
            "Rédige une réponse à ce message : « Bonjour, je m'appelle {PF}, je suis [agent/agente] d'accueil à la mairie de {COMMUNE}. Mon IBAN a changé : {IBAN}. Ma nouvelle adresse est {ADR:multi}. Merci ! »",
            "Résume : l'usager {PF} s'est présenté le {DATE} au guichet de la préfecture (standard {STD}). [Il/Elle] {T:infraction} et demande la restitution de son permis. [Il/Elle] a écrit depuis {EMAILW} ; son avocat est {PC2}.",
            "Voici mes notes de la commission : {PU} (né[e] le {DDN}) {T:origine} ; {P2} {T2:religion} ; le dossier de {P3} est ajourné. Peux-tu en faire un compte rendu anonymisé ?",
            "Bonjour {PN}, suite à notre appel, je te confirme que {P2} reprend le dossier Cœur de ville (dossier n° {DOSSIER}). Pour le paiement, utilise la carte {CARTE}. Bonne journée, {P3}",
            "mail de {PL} a reformuler : slt, je t'ecris pr te dire que {T:sante1} et que je serais absent[e] jusqu'au {DATE}, mon tel c {MOB} si besoin, merci",
        ),
    ),
    # Nothing personal below -------------------------------------------------------------------
    "eponyms": (
        10,
        (
            "Quels sont les horaires de la médiathèque {EPO} ?",
            "Le lycée {EPO} organise une journée portes ouvertes le {DATE}, rédige l'annonce.",
            "Rédige un mail aux parents du collège {EPO} pour la sortie scolaire.",
            "Les travaux de l'avenue du Général Leclerc perturbent l'accès au groupe scolaire {EPO}.",
            "Combien de places au parking de la place {EPO} pour les agents ?",
            "Réservation de la salle {EPO} pour le séminaire du {DATE}.",
            "l'EHPAD {EPO} cherche des bénévoles, tu peux écrire l'appel ?",
            "Peux-tu résumer la loi Veil et la loi Le Pors pour une formation ?",
            "Le rond-point du Maréchal Foch sera fermé pendant le marché de Noël.",
            "Le centre hospitalier {EPO} a-t-il un service de médecine du travail ?",
            "Le gymnase {EPO} est fermé pour travaux jusqu'au {DATE}.",
            "Prépare un itinéraire entre la gare et l'université {EPO}.",
            "L'école maternelle {EPO} fusionne avec l'école élémentaire voisine, rédige l'arrêté.",
            "Quelle est l'histoire du nom de la rue {EPO} à {COMMUNE} ?",
            "La salle des fêtes {EPO} peut accueillir combien de personnes ?",
        ),
    ),
    "institutions": (
        10,
        (
            "Le service RH de la préfecture se trouve {INSTADR}.",
            "Pour toute question, écrivez à {FMAIL} ou appelez le standard au {STD}.",
            "Mairie de {COMMUNE}\nService état civil\n{INSTADR}\nTél. : {STD}",
            "Peux-tu compléter la signature : Direction des ressources humaines, {INSTADR}, standard {STD}, {FMAIL} ?",
            "Les dossiers sont à envoyer à la DDETS, {INSTADR}.",
            "Le numéro {SHORT} ne répond pas, y a-t-il un autre contact ?",
            "Ajoute en pied de page : Rectorat, {INSTADR} - {FMAIL}",
            "Le centre des finances publiques de {COMMUNE} est joignable au {STD} du lundi au vendredi.",
            "Adresse de facturation du ministère : {INSTADR}",
            "Transfère la demande à la boîte {FMAIL}, c'est elle qui gère les badges.",
            "Les candidatures sont reçues à {FMAIL} jusqu'au {DATE}.",
            "Coordonnées du tribunal administratif : {INSTADR}, greffe {STD}.",
            "Cordialement,\nLe bureau des affaires générales\nPréfecture - {DEPT}\n{INSTADR}\n{STD}",
            "Quel est le numéro d'urgence pour une fuite de gaz ? Et le {SHORT} c'est quoi ?",
        ),
    ),
    "references": (
        10,
        (
            "Le numéro SIRET du prestataire est {SIRET}, tu peux vérifier le format ?",
            "Relance la facture de la commande n° {CMD}, elle n'est pas payée.",
            "Le dossier n° {DOSSIER} est toujours en instruction.",
            "Peux-tu expliquer le décret n° {DECRET} en termes simples ?",
            "SIREN de l'association : {SIREN}. Est-ce suffisant pour la subvention ?",
            "Référence client {CMD} : le fournisseur demande un bon de commande.",
            "Mon ticket GLPI n° {TICKET} n'a pas été traité, rédige une relance.",
            "Le marché n° {MARCHE} arrive à échéance le {DATE}.",
            "Numéro de dossier CAF : {DOSSIER}. Comment le classer dans la GED ?",
            "L'arrêté n° {ARRETE} du {DATE} fixe les horaires d'ouverture.",
            "Facture {FACTURE} de {MONTANT} euros, quel compte d'imputation ?",
            "Référence de la convention : {CONV}, à rappeler dans tous les courriers.",
            "Le numéro d'engagement juridique {EJ} apparaît deux fois dans Chorus.",
            "Code NOR du texte : {NOR}. Où le trouver sur Légifrance ?",
        ),
    ),
    "lookalikes": (
        9,
        (
            "Mon service gère les arrêts maladie de {NUM} agents, comment automatiser les relances ?",
            "Rédige une note sur le congé pour motif religieux pour {ORG}.",
            "Combien de sièges la CGT a-t-elle obtenus au CSA de {ORG} ?",
            "Le marché de reconnaissance faciale de {ORG} est-il conforme au RGPD ?",
            "Pour le recrutement au {SERV}, le bulletin n° 2 du casier judiciaire est exigé.",
            "Les statistiques ethniques sont-elles autorisées dans une enquête de {ORG} ?",
            "Prépare un guide d'accueil des personnes transgenres pour {ORG}.",
            "Rédige une affiche pour la campagne de dépistage du diabète de la mairie de {COMMUNE}.",
            "Le mois des fiertés à {COMMUNE} : peux-tu proposer un programme de conférences pour la médiathèque ?",
            "Quelles règles de réserve s'appliquent au {SERV} pendant la campagne électorale des municipales ?",
            "Résume la loi sur le PACS pour une formation du {DATE}.",
            "Procédure de déclaration des décharges syndicales à {ORG} : qui saisit les heures ?",
            "Notre direction souhaite installer des lecteurs d'empreintes digitales à l'entrée du site de {COMMUNE} : quelle analyse d'impact ?",
            "Que dit le code civil sur les tests ADN de paternité ? C'est pour une fiche du {SERV}.",
            "Notre collectivité veut améliorer l'accueil des agents en situation de handicap : {NUM} agents concernés.",
            "Fais une synthèse du rapport sur la laïcité publié par {ORG}.",
            "Comment organiser les élections professionnelles du {DATE} ?",
            "Le service des sports de {COMMUNE} veut un tournoi pour la journée contre l'homophobie.",
            "Liste des infractions routières relevées sur le parc automobile du {SERV} en {YEAR}.",
            "Quels partis politiques ont déposé des listes aux municipales de {COMMUNE} ?",
            "Le plan de lutte contre le racisme et l'antisémitisme de {ORG} prévoit quelles formations ?",
            "La direction de {ORG} a-t-elle le droit de demander l'origine des candidats ?",
            "Rédige la fiche de poste d'un infirmier de santé au travail pour {ORG}.",
            "Quelle est la procédure de signalement d'une infraction au procureur (article 40) pour le {SERV} ?",
            "L'orientation scolaire des élèves de troisième à {COMMUNE} se fait en quelle période ?",
            "La transition écologique du parc de véhicules de {ORG} : propose un plan en trois étapes.",
            "Le champ « sexe » du formulaire du {SERV} est-il obligatoire ?",
            "Les données génétiques sont-elles des données sensibles au sens du RGPD ? Question pour le {SERV}.",
            "Combien d'agents du {SERV} sont syndiqués en moyenne dans la fonction publique ?",
            "Le taux d'absentéisme pour maladie au {SERV} est de {PCT} %, comment le présenter ?",
            "Peux-tu rédiger une note sur les aumôneries dans les hôpitaux de {COMMUNE} ?",
            "Le {SERV} doit traiter {NUM} demandes de casier judiciaire par mois.",
            "La CFDT et FO ont appelé à la grève le {DATE}, quel service minimum au {SERV} ?",
            "Le conseil municipal de {COMMUNE} a voté le budget, la majorité et l'opposition se sont abstenues sur un point.",
            "L'appel d'offres de {ORG} porte sur des badgeuses biométriques, quelles clauses RGPD ?",
            "Rédige une communication sur la semaine du handicap à {ORG}.",
        ),
    ),
    "generic": (
        9,
        (
            "Rédige une note de service sur les nouveaux horaires d'été du {SERV}.",
            "Comment calculer le nombre de jours de RTT pour un temps partiel à {PCT} % ?",
            "Peux-tu résumer ce texte en {SMALL} points ?",
            "tu peux me faire un tableau des congés pour le {SERV} stp",
            "Quelle est la différence entre un arrêté et une décision pour {ORG} ?",
            "Propose un plan pour une présentation sur la dématérialisation des marchés publics à {ORG}.",
            "Rédige un mail pour annoncer le déménagement du {SERV} au {SMALL}e étage.",
            "Corrige l'orthographe : les agent du {SERV} devront remettre leur badge avant le {DATE}.",
            "Explique la réforme de la protection sociale complémentaire en {SMALL} lignes.",
            "Comment rédiger un avis de vacance de poste attractif pour le {SERV} ?",
            "Bonjour, quelles sont les étapes pour organiser un séminaire de direction à {COMMUNE} ?",
            "Fais-moi une liste de questions pour un entretien de recrutement au {SERV}.",
            "Le budget du {SERV} baisse de {PCT} %, propose trois pistes d'économies.",
            "Écris un message d'absence : je suis en congé jusqu'au {DATE}, contacter le {SERV}.",
            "Fais une FAQ sur le télétravail pour les {NUM} agents de {ORG}.",
        ),
    ),
    "dates": (
        10,
        (
            "La commune nouvelle, née le {DATE}, doit-elle refaire ses délibérations ?",
            "Le service est né de la fusion du {DATE} entre deux directions.",
            "La réunion du comité est prévue le {DATE} à 14 h.",
            "La prise de poste est fixée au {DATE} pour tous les lauréats.",
            "Le contrat a été signé le {DATE} et prend fin le {DATE}.",
            "L'association, créée le {DATE}, demande une subvention.",
        ),
    ),
}

EPONYMS = (
    "Victor Hugo", "Jean Moulin", "Jules Ferry", "Louise Michel", "Simone Veil", "Nelson Mandela",
    "Pierre de Coubertin", "Marie Curie", "Jean Jaurès", "Charles de Gaulle", "Georges Pompidou",
    "Antoine de Saint-Exupéry", "Lucie Aubrac", "Aimé Césaire", "Jacques Prévert", "Albert Camus",
    "Gisèle Halimi", "Joséphine Baker", "Léon Blum", "Émile Zola", "Jean Monnet", "Robert Schuman",
    "Olympe de Gouges", "Jean de La Fontaine", "Louis Pasteur", "Paul Langevin", "Germaine Tillion",
)  # fmt: skip
SERVICES_MAIL = (
    "accueil", "rh", "drh-paie", "contact", "courrier", "etat-civil", "marches", "dsi-support",
    "formation", "communication", "secretariat.general", "badges",
)  # fmt: skip
SERVICE_DOMAINS = (
    "mairie-{c}.fr", "ville-{c}.fr", "{c}.gouv.fr", "prefecture.gouv.fr", "ac-{c}.fr", "cd{d}.fr",
)  # fmt: skip


class Renderer:
    def __init__(self) -> None:
        self.rng = random.Random(SEED)
        self.values = Values(self.rng)

    # helpers ----------------------------------------------------------------------------------
    @staticmethod
    def agree(text: str, female: bool) -> str:
        text = re.sub(r"\[([^\[\]/]*)/([^\[\]/]*)\]", lambda m: m.group(2 if female else 1), text)
        return re.sub(r"\[([^\[\]/]*)\]", lambda m: m.group(1) if female else "", text)

    def civility(self, female: bool) -> str:
        r = self.rng.random()
        if r < 0.08:
            return "Dr"
        if r < 0.12:
            return "Me"
        if female:
            return self.rng.choice(["Mme", "Mme", "Madame", "Mme", "Mlle"])
        return self.rng.choice(["M.", "M.", "Monsieur", "M."])

    def institution_address(self) -> str:
        town, postcode = self.values.commune("real" if self.rng.random() < 0.6 else "any")
        street = f"{self.rng.choice(['rue', 'avenue', 'boulevard', 'place', 'quai'])} {self.rng.choice(EPONYMS)}"
        r = self.rng.random()
        if r < 0.35:
            return f"{self.rng.randint(1, 90)} {street}, CS {self.rng.randint(10000, 99999)}, {postcode} {town} Cedex"
        if r < 0.6:
            return f"{self.rng.randint(1, 90)} {street}, BP {self.rng.randint(1, 999)}, {postcode} {town} Cedex"
        return f"{self.rng.randint(1, 90)} {street}, {postcode} {town}"

    def switchboard(self) -> str:
        digits = (
            f"0{self.rng.randint(1, 5)}"
            + "".join(str(self.rng.randint(0, 9)) for _ in range(6))
            + "00"
        )
        pairs = [digits[i : i + 2] for i in range(0, 10, 2)]
        return self.rng.choice([" ".join(pairs), ".".join(pairs)])

    def functional_mail(self) -> str:
        town, _ = self.values.commune("real")
        c = re.sub(r"[^a-z-]", "", _strip_accents(town).lower().replace(" ", "-"))
        domain = self.rng.choice(SERVICE_DOMAINS).format(
            c=c, d=self.rng.choice(self.values.departments)
        )
        return f"{self.rng.choice(SERVICES_MAIL)}@{domain}"

    def luhn_file_number(self) -> str:
        body = "".join(str(self.rng.randint(0, 9)) for _ in range(15))
        n = body + _luhn_digit(body)
        return n if self.rng.random() < 0.6 else f"{n[:4]} {n[4:8]} {n[8:12]} {n[12:]}"

    def siren(self) -> str:
        body = "".join(str(self.rng.randint(0, 9)) for _ in range(8))
        return body + _luhn_digit(body)

    # one template -----------------------------------------------------------------------------
    def render(self, template: str) -> list[Piece]:
        rng = self.rng
        female = rng.random() < 0.55  # the public service is 57% women
        people: dict[str, tuple[str, str, bool]] = {}

        def who(key: str, fem: bool) -> tuple[str, str, bool]:
            if key not in people:
                given, surname = self.values.person(fem)
                people[key] = (given, surname, fem)
            return people[key]

        pieces: list[Piece] = []
        for literal, slot, arg in _split(template):
            if literal:
                pieces.append((self.agree(literal, female), None))
            if not slot:
                continue
            pieces.extend(self.fill(slot, arg, female, who))
        return pieces

    def fill(
        self,
        slot: str,
        arg: str,
        female: bool,
        who: Callable[[str, bool], tuple[str, str, bool]],
    ) -> list[Piece]:
        rng, v = self.rng, self.values
        subject = who("s", female)
        given, surname = subject[0], subject[1]
        if slot == "P":
            return [(self._form(given, surname, single=True), "personne")]
        if slot == "PF":
            return [(self._form(given, surname, single=False), "personne")]
        if slot == "PC":
            form = self._form(given, surname, single=False, surname_ok=True)
            return [(self.civility(female) + " ", None), (form, "personne")]
        if slot == "PC2":
            _g2, s2, f2 = who("o2", rng.random() < 0.5)
            return [(self.civility(f2) + " ", None), (s2, "personne")]
        if slot in ("PN", "PN2"):
            fem = female if not arg else arg == "f"
            g = given if slot == "PN" and not arg else who(f"g{slot}{arg}", fem)[0]
            return [(g, "personne")]
        if slot in ("SN", "SN2", "SN3"):
            s = surname if slot == "SN" else who(slot, rng.random() < 0.5)[1]
            return [(s.upper() if rng.random() < 0.2 else s, "personne")]
        if slot == "PU":
            return [(f"{surname.upper()} {given}", "personne")]
        if slot == "PL":
            return [((f"{given} {surname}" if rng.random() < 0.7 else given).lower(), "personne")]
        if slot in ("P2", "P3", "P4"):
            g, s, _f = who(slot, rng.random() < 0.55)
            return [(self._form(g, s, single=True), "personne")]
        if slot == "PT":
            g, s, _ = who("partner", female)
            return [(g if rng.random() < 0.5 else f"{g} {s}", "personne")]
        if slot in ("PLINK", "PLINK2"):
            phrase = rng.choice(PARTNER_LINK)
            if slot == "PLINK2":
                phrase = rng.choice(["sont pacsé[e]s", "vivent ensemble", "sont en couple"])
            return [(self.agree(phrase, female), "vie_sexuelle")]
        if slot == "PB":
            return [(self.agree(rng.choice(PARTNER_BEFORE), female), "vie_sexuelle")]
        if slot == "HR":
            return [(self.agree(rng.choice(PARTNER_HR), female), "vie_sexuelle")]
        if slot in ("T", "T2"):
            parts = arg.split(":")
            category = parts[0]
            fem = female if len(parts) == 1 else parts[1] == "f"
            digit = category[-1] == "1"  # first person: "je {T:sante1}" -> drop "est"
            category = category.rstrip("1")
            phrases = TOPIC_PHRASES[category]
            if digit:
                phrases = tuple(
                    p
                    for p in phrases
                    if p.startswith(("a ", "est ", "suit ", "fait ")) and not _THIRD.search(p)
                )
            phrase = self.agree(rng.choice(phrases), fem)
            if digit:  # "je suis diabétique": the pronoun is the subject, left out of the span
                verb, rest = phrase.split(" ", 1)
                pronoun, verb = _first_person(verb)
                return [(pronoun, None), (f"{verb} {rest}", category)]
            return [(phrase, category)]
        if slot == "L":  # a labelled phrase written in the template: {L:category|phrase}
            category, phrase = arg.split("|", 1)
            return [(self.agree(phrase, female), category)]
        if slot == "PO":
            g, s, _ = who("other", not female)
            return [(g if rng.random() < 0.4 else f"{g} {s}", "personne")]
        if slot == "ADR":
            return [(v.address(arg or "any"), "adresse")]
        if slot == "EMAIL":
            return [(v.email(given, surname, work=False), "email")]
        if slot == "EMAILW":
            return [(v.email(given, surname, work=True), "email")]
        if slot == "MOB":
            return [(v.phone("mobile"), "telephone")]
        if slot == "FIX":
            return [(v.phone("landline"), "telephone")]
        if slot == "TEL":
            return [(v.phone("any"), "telephone")]
        if slot == "IBAN":
            return [(v.iban(), "iban")]
        if slot == "NIR":
            return [(v.nir(female), "nir")]
        if slot == "CARTE":
            return [(v.card(), "carte")]
        if slot == "DDN":
            return [(v.birth_date(), "date_naissance")]
        # not personal
        text = self.unlabelled(slot)
        return [(text, None)]

    def unlabelled(self, slot: str) -> str:
        rng, v = self.rng, self.values
        if slot == "COMMUNE":
            return v.commune()[0]
        if slot == "DEPT":
            return rng.choice(v.department_list)[1]
        if slot == "DATE":
            return v.other_date()
        if slot == "DOSSIER":
            return self.luhn_file_number()
        if slot == "SIREN":
            return self.siren()
        if slot == "SIRET":
            siren = self.siren()
            body = siren + f"{rng.randint(1, 999):04d}"
            n = body + _luhn_digit(body)
            return n if rng.random() < 0.5 else f"{n[:3]} {n[3:6]} {n[6:9]} {n[9:]}"
        if slot == "CMD":
            return "0" + "".join(str(rng.randint(0, 9)) for _ in range(9))
        if slot == "STD":
            return self.switchboard()
        if slot == "SHORT":
            return rng.choice(
                ["3939", "3949", "3646", "3237", "115", "119", "3919", "0 800 130 000"]
            )
        if slot == "FMAIL":
            return self.functional_mail()
        if slot == "INSTADR":
            return self.institution_address()
        if slot == "EPO":
            return rng.choice(EPONYMS)
        if slot == "ORG":
            return rng.choice(
                [
                    f"la mairie de {v.commune()[0]}", "la préfecture", "l'ARS", "l'académie",
                    "notre ministère", "la région", "la DREAL", "l'hôpital",
                    f"la communauté de communes de {v.commune()[0]}", "la DDFiP", "l'université",
                ]
            )  # fmt: skip
        if slot == "SERV":
            return rng.choice(
                [
                    "service des ressources humaines", "bureau du courrier", "service état civil",
                    "pôle social", "service informatique", "bureau des marchés", "service voirie",
                    "service jeunesse", "pôle accueil", "service des archives", "service financier",
                ]
            )  # fmt: skip
        if slot == "NUM":
            return str(rng.randint(12, 2500))
        if slot == "PCT":
            return str(rng.choice([50, 60, 70, 80, 90, 3, 5, 7, 12]))
        if slot == "SMALL":
            return str(rng.randint(2, 6))
        if slot == "YEAR":
            return str(rng.randint(2018, 2026))
        if slot == "DECRET":
            return f"{rng.randint(2015, 2025)}-{rng.randint(1, 1800)}"
        if slot == "ARRETE":
            return f"{rng.randint(2020, 2026)}-{rng.choice(['DRH', 'SG', 'PREF'])}-{rng.randint(1, 999):03d}"
        if slot == "TICKET":
            return str(rng.randint(100000, 999999))
        if slot == "MARCHE":
            return f"{rng.randint(20, 26)}S{rng.randint(1, 999):04d}"
        if slot == "FACTURE":
            return f"FA-{rng.randint(2022, 2026)}-{rng.randint(1, 99999):05d}"
        if slot == "MONTANT":
            return f"{rng.randint(100, 99999)},{rng.randint(0, 99):02d}"
        if slot == "CONV":
            return f"CONV-{rng.randint(2020, 2026)}-{rng.randint(1, 9999):04d}"
        if slot == "EJ":
            return str(rng.randint(1000000000, 1999999999))
        if slot == "NOR":
            letters = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4))
            return f"{letters}{rng.randint(2015, 2025) % 100:02d}{rng.randint(10000, 99999)}{rng.choice('ADJKS')}"
        raise KeyError(slot)

    def _form(self, given: str, surname: str, *, single: bool, surname_ok: bool = False) -> str:
        """One way to write a name (the civility, if any, comes from the template)."""
        r = self.rng.random()
        if surname_ok:  # after a civility: "Mme Durand", "M. Jean Durand", "M. DURAND Jean"
            if r < 0.45:
                return surname
            if r < 0.55:
                return surname.upper()
            if r < 0.8:
                return f"{given} {surname}"
            if r < 0.9:
                return f"{surname.upper()} {given}"
            return f"{given} {surname.upper()}"
        if r < 0.45:
            return f"{given} {surname}"
        if r < 0.55:
            return f"{given} {surname.upper()}"
        if r < 0.68:
            return f"{surname.upper()} {given}"
        if r < 0.73:
            return f"{surname} {given}"
        if r < 0.81:
            return f"{given} {surname}".lower()
        if r < 0.85:
            return f"{given[0]}. {surname}" if given[0] != "M" else f"{given} {surname}"
        if not single or r < 0.93:
            return surname if single else f"{given} {surname}"
        return given


# Phrases that don't turn into the first person ("je fais une rechute de son cancer") or that
# "J'ai découvert que ..." can't introduce.
_THIRD = re.compile(
    r"\b(son|sa|ses|l'empêche|fourni|enregistr\w+|transmis|donné|gabarit|profil|empreintes?"
    r"|séquençage|analyser|test|garde|flashé)\b"
)


def _first_person(verb: str) -> tuple[str, str]:
    return {
        "a": ("j'", "ai"),
        "est": ("je ", "suis"),
        "suit": ("je ", "suis"),
        "fait": ("je ", "fais"),
    }[verb]


_SLOT = re.compile(r"\{([A-Z]+[0-9]?)(?::([^{}]*))?\}")


def _split(template: str) -> list[tuple[str, str, str]]:
    """(literal before, slot, arg) triples; the last one may have no slot."""
    out: list[tuple[str, str, str]] = []
    position = 0
    for match in _SLOT.finditer(template):
        out.append((template[position : match.start()], match.group(1), match.group(2) or ""))
        position = match.end()
    out.append((template[position:], "", ""))
    return out


# Noise ------------------------------------------------------------------------------------------

OPENINGS = (
    "Re: ", "stp ", "Bonjour, ", "Petite question : ", "Urgent - ", "Salut, ", "Hello ", "TR: ",
    "Bonjour. ", "Question rapide : ", "Coucou, ", "Re : ",
)  # fmt: skip
CLOSINGS = (" Merci", " Cdlt", " merci d'avance", " Bonne journée", " Merci !", " thx", " Bises")
ABBREVIATIONS = (
    ("s'il te plaît", "stp"), ("rendez-vous", "rdv"), ("pour ", "pr "), ("beaucoup", "bcp"),
    ("quelque chose", "qqch"), ("aujourd'hui", "ajd"), ("avec ", "avc "), ("est-ce que", "est ce que"),
    ("dois-je", "je dois"), ("Peux-tu", "tu peux"), ("Cordialement", "Cdlt"),
)  # fmt: skip


def _typo(text: str, rng: random.Random) -> str:
    words = [m for m in re.finditer(r"[a-zéèàç]{5,}", text)]
    if not words:
        return text
    m = rng.choice(words)
    w = m.group(0)
    i = rng.randint(1, len(w) - 2)
    kind = rng.random()
    if kind < 0.4:
        new = w[:i] + w[i + 1] + w[i] + w[i + 2 :]
    elif kind < 0.7:
        new = w[:i] + w[i + 1 :]
    else:
        new = w[:i] + w[i] + w[i:]
    return text[: m.start()] + new + text[m.end() :]


def noisy(pieces: list[Piece], rng: random.Random) -> list[Piece]:
    out = list(pieces)
    if rng.random() < 0.10:
        for old, new in ABBREVIATIONS:
            out = [(t.replace(old, new) if c is None else t, c) for t, c in out]
    if rng.random() < 0.12:
        literal = [i for i, (t, c) in enumerate(out) if c is None and len(t) > 12]
        if literal:
            i = rng.choice(literal)
            out[i] = (_typo(out[i][0], rng), None)
    if rng.random() < 0.16:
        out.insert(0, (rng.choice(OPENINGS), None))
    if rng.random() < 0.08:
        last = out[-1][0]
        out.append(
            ((" " if not last.endswith((" ", "\n")) else "") + rng.choice(CLOSINGS).strip(), None)
        )
    r = rng.random()
    if r < 0.10:
        out = [(t.lower(), c) for t, c in out]
    elif r < 0.15:
        out = [(_strip_accents(t), c) for t, c in out]
    return out


# Assembly ---------------------------------------------------------------------------------------


def assemble(pieces: Sequence[Piece], template_id: str) -> dict[str, Any]:
    text = ""
    spans: list[list[Any]] = []
    for value, category in pieces:
        if category is not None:
            value_clean = value.strip()
            if value_clean != value or value.strip(".,;:") != value:
                raise ValueError(f"{template_id}: a span with blanks or punctuation: {value!r}")
            spans.append([len(text), len(text) + len(value), category])
        text += value
    for (start, end, _category), value in zip(
        spans, [p[0] for p in pieces if p[1] is not None], strict=True
    ):
        if text[start:end] != value:  # each span is its slot's value
            raise ValueError(f"{template_id}: span {text[start:end]!r} is not {value!r}")
    pii: dict[str, list[str]] = {}
    topics: set[str] = set()
    for start, end, category in spans:
        if category in TOPICS:
            topics.add(category)
        else:
            pii.setdefault(category, []).append(text[start:end])
    return {
        "text": text,
        "pii": pii,
        "topics": sorted(topics),
        "spans": spans,
        "split": SPLIT,
        "template": template_id,
    }


def templates() -> list[tuple[str, str, int]]:
    """(template id, template, renderings)."""
    out = []
    for family, (times, texts) in FAMILIES.items():
        for index, text in enumerate(texts):
            out.append((f"{SPLIT}_{family}-{index:02d}", text, times))
    return out


def generate() -> list[dict[str, Any]]:
    renderer = Renderer()
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for template_id, text, times in templates():
        for _ in range(times):
            pieces = noisy(renderer.render(text), renderer.rng)
            row = assemble(pieces, template_id)
            if row["text"] in seen:
                continue
            seen.add(row["text"])
            rows.append(row)
    return rows


def counts(rows: Sequence[dict[str, Any]]) -> Counter[str]:
    return Counter(category for row in rows for _s, _e, category in row["spans"])


def write(rows: Sequence[dict[str, Any]], path: Path = OUTPUT) -> None:
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def main() -> int:
    rows = generate()
    write(rows)
    total = counts(rows)
    clean = sum(1 for row in rows if not row["spans"])
    print(f"{len(rows)} sentences, {clean} with nothing personal, {len(templates())} templates")
    for category in CATEGORIES:
        print(f"{category:22} {total[category]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
