"""Generates the independent labelled sets of the personal-data guard (tests/data/pii_*.jsonl).

Run `python -m devtools.pii_corpus` to rewrite tests/data/pii_dev.jsonl and pii_test.jsonl; the
output depends only on SEED, on this file and on the installed `faker` (its name lists).

Where the values come from:
- surnames: faker's fr_FR list (the 400 commonest French surnames, in INSEE frequency order,
  weighted here by 1/rank^0.5: the 1st about 20 times the 400th, as in INSEE's counts),
  fr_DZ (Maghrebi surnames) and fr_BE (weighted by counts);
- given names: faker's fr_BE lists, weighted by real counts (they hold the compound names
  "Jean-Pierre", "Anne-Sophie"), with fr_FR's and fr_DZ's lists unweighted; faker's fr_FR
  particles ("de", "de la", "Le", "du") for particle surnames;
- communes: the French communes of faker's geo provider, and communes built the way faker fr_FR
  builds them ("Saint-...", "...-sur-...") with the real department numbers for postcodes;
- street types (the FANTOIR / BAN vocabulary, roughly by frequency), common street names and the
  people French streets and schools are named after: short vocabularies written here.

Labels follow the GDPR as the guard must apply it:
- personal data is about a natural person: a name (the whole span, particles and compound names
  included, titles such as "M." or "Mme" excluded), a home or personal address (the whole span:
  number, bis/ter, street, postcode and commune when they follow), a personal or nominative
  e-mail address (prenom.nom@ministere.gouv.fr identifies a person), a personal or direct phone
  number, a date of birth, a NIR, an IBAN, a card number;
- an institution's contact details are NOT personal data: a functional mailbox
  (accueil@mairie-x.fr), a switchboard, the office address of an administration, a postal box
  of a service, and neither are the people a school, a street or a roundabout is named after
  ("lycée Victor Hugo", "rond-point du Maréchal Foch"), company numbers (SIREN, SIRET), file,
  order and invoice numbers;
- a sensitive topic (GDPR art. 9 and 10: health, religion, political opinion, union membership,
  ethnic origin, sex life or orientation, genetic or biometric data, offences) is labelled when
  the sentence reveals it about a person, named or not ("ma collègue est diabétique", "élue CFDT",
  "absente pour l'Aïd"); the span is the phrase that reveals it. A topic mentioned about a
  service, a policy, a procurement or a requirement is not labelled ("mon service gère les arrêts
  maladie", "marché de reconnaissance faciale", "bulletin n° 2 du casier judiciaire exigé").

Split: the templates of each family are dealt 3 to dev and 2 to test; names, communes, street
names and eponyms are split by a hash of the value, so the test split holds templates and names
that dev never shows. Never tune the detectors on pii_test.jsonl.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import unicodedata
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from faker.providers.address.fr_FR import Provider as AddressFR
from faker.providers.geo import Provider as Geo
from faker.providers.person.fr_BE import Provider as PersonBE
from faker.providers.person.fr_DZ import Provider as PersonDZ
from faker.providers.person.fr_FR import Provider as PersonFR

SEED = 18
# The sets in tests/data were written with this faker; another release may ship other lists.
MADE_WITH_FAKER = "40.63.0"
DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
SPLITS = ("dev", "test")
RENDERS_PER_TEMPLATE = 8
# Families whose templates vary less per render get more renders.
FAMILY_RENDERS = {
    "topics": 10,
    "topics_negative": 6,
    "generic": 6,
    "institutions": 10,
    "institution_contacts": 10,
    "references": 10,
}

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

Piece = tuple[str, str | None]


def split_of(value: str) -> str:
    """The split a name, a commune or a street name belongs to: stable across runs."""
    return SPLITS[zlib.crc32(value.encode("utf-8")) % 2]


# Vocabularies ------------------------------------------------------------------------------

# Street types, roughly by their share of French street names (BAN).
STREET_TYPES: tuple[tuple[str, float], ...] = (
    ("rue", 40),
    ("chemin", 12),
    ("route", 7),
    ("impasse", 8),
    ("allée", 6),
    ("place", 4),
    ("avenue", 5),
    ("boulevard", 2),
    ("lotissement", 2),
    ("quai", 1),
    ("square", 1),
    ("cours", 1),
    ("passage", 1),
    ("sentier", 1),
    ("hameau", 1),
    ("résidence", 1),
    ("voie", 0.5),
    ("montée", 0.5),
    ("faubourg", 0.5),
    ("cité", 0.5),
)

STREET_NAMES = (
    "de l'Église",
    "du Moulin",
    "de la Gare",
    "des Écoles",
    "du Stade",
    "de la Mairie",
    "des Lilas",
    "des Tilleuls",
    "des Vignes",
    "du Château",
    "de la Fontaine",
    "du Lavoir",
    "des Jardins",
    "de la Poste",
    "du Pont",
    "des Prés",
    "du Bourg",
    "de la Forêt",
    "des Chênes",
    "de Verdun",
    "de la République",
    "de la Libération",
    "du 8 Mai 1945",
    "du 11 Novembre",
    "des Acacias",
    "des Peupliers",
    "des Roses",
    "des Mimosas",
    "du Puits",
    "de la Croix",
    "des Sports",
    "du Calvaire",
    "des Violettes",
    "du Four",
    "des Bleuets",
    "de la Vallée",
    "du Cimetière",
    "des Cerisiers",
    "des Marronniers",
    "du Vieux Port",
    "de Paris",
    "Haute",
    "Neuve",
    "Principale",
    "des Glycines",
    "des Hirondelles",
    "de Bretagne",
    "des Alouettes",
    "du Parc",
    "des Platanes",
)

# People French streets, schools and public buildings are named after.
EPONYMS = (
    "Victor Hugo",
    "Jean Jaurès",
    "Louis Pasteur",
    "Jules Ferry",
    "Jean Moulin",
    "Émile Zola",
    "Anatole France",
    "Paul Bert",
    "Aristide Briand",
    "Georges Clemenceau",
    "Jean Mermoz",
    "Marcel Pagnol",
    "Pierre Curie",
    "Marie Curie",
    "Simone Veil",
    "Jacques Prévert",
    "Albert Camus",
    "Léon Blum",
    "Roger Salengro",
    "Jean Macé",
    "Paul Éluard",
    "Louise Michel",
    "Jean de La Fontaine",
    "Antoine de Saint-Exupéry",
    "Pierre de Coubertin",
    "Gustave Eiffel",
    "Joséphine Baker",
    "Olympe de Gouges",
    "George Sand",
    "Charles Péguy",
    "Alphonse Daudet",
    "Jean Monnet",
    "Robert Schuman",
    "Lucie Aubrac",
    "Germaine Tillion",
    "Jean Zay",
    "Camille Claudel",
    "Frédéric Mistral",
    "Henri Barbusse",
    "Guy Môquet",
)
MILITARY = (
    "du Maréchal Foch",
    "du Général de Gaulle",
    "du Maréchal Leclerc",
    "du Général Leclerc",
    "du Maréchal Joffre",
    "du Président Wilson",
    "du Colonel Fabien",
    "du Général Patton",
    "du Président Kennedy",
    "du Maréchal Lyautey",
)
# Public buildings and places, with their gender for the article: m, f, or v (a vowel: "l'").
SCHOOLS = (
    ("lycée", "m"),
    ("collège", "m"),
    ("groupe scolaire", "m"),
    ("école élémentaire", "v"),
    ("école maternelle", "v"),
    ("lycée professionnel", "m"),
    ("médiathèque", "f"),
    ("centre hospitalier", "m"),
    ("gymnase", "m"),
    ("stade", "m"),
    ("salle", "f"),
    ("espace", "v"),
    ("centre social", "m"),
    ("EHPAD", "v"),
    ("maison de santé", "f"),
)
PLACES = (
    ("rond-point", "m"),
    ("place", "f"),
    ("avenue", "v"),
    ("boulevard", "m"),
    ("quai", "m"),
    ("square", "m"),
    ("carrefour", "m"),
    ("parvis", "m"),
)
ARTICLES = {
    "le": {"m": "le ", "f": "la ", "v": "l'"},
    "de": {"m": "du ", "f": "de la ", "v": "de l'"},
    "a": {"m": "au ", "f": "à la ", "v": "à l'"},
}

INSTITUTIONS = (
    ("la préfecture", "pref"),
    ("la mairie", "mairie"),
    ("la sous-préfecture", "sous-pref"),
    ("le conseil départemental", "departement"),
    ("la DDETS", "ddets"),
    ("la DDT", "ddt"),
    ("le rectorat", "rectorat"),
    ("la direction départementale des finances publiques", "dgfip"),
    ("le centre des finances publiques", "sip"),
    ("l'agence régionale de santé", "ars"),
    ("la CAF", "caf"),
    ("le tribunal judiciaire", "tj"),
    ("la communauté de communes", "cc"),
    ("le CCAS", "ccas"),
    ("la DREAL", "dreal"),
)
MAILBOXES = (
    "contact",
    "accueil",
    "courrier",
    "drh",
    "rh",
    "secretariat",
    "standard",
    "marches-publics",
    "etat-civil",
    "urbanisme",
    "dpo",
    "communication",
    "pref-etrangers",
    "ddt-sg",
    "ce.dsden",
    "sg",
    "recrutement",
    "formation",
    "paie",
    "dossiers-retraite",
)
MAIL_DOMAINS = (
    "gmail.com",
    "orange.fr",
    "laposte.net",
    "free.fr",
    "hotmail.fr",
    "yahoo.fr",
    "sfr.fr",
    "wanadoo.fr",
    "outlook.fr",
    "icloud.com",
)
PRO_DOMAINS = (
    "interieur.gouv.fr",
    "finances.gouv.fr",
    "education.gouv.fr",
    "justice.gouv.fr",
    "developpement-durable.gouv.fr",
    "agriculture.gouv.fr",
    "ars.sante.fr",
    "dgfip.finances.gouv.fr",
    "culture.gouv.fr",
    "travail.gouv.fr",
)
MONTHS = (
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
)

# Identifier formats ------------------------------------------------------------------------


def luhn_complete(digits: str) -> str:
    """`digits` followed by the Luhn check digit."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return digits + str((10 - total % 10) % 10)


def luhn_ok(digits: str) -> bool:
    return luhn_complete(digits[:-1]) == digits


def nir_with_key(body: str) -> str:
    numeric = body.replace("2A", "19").replace("2B", "18")
    return body + f"{97 - int(numeric) % 97:02d}"


def iban_ok(compact: str) -> bool:
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(ch, 36)) for ch in moved)) % 97 == 1


def iban_from_bban(country: str, bban: str) -> str:
    moved = bban + country + "00"
    check = 98 - int("".join(str(int(ch, 36)) for ch in moved)) % 97
    return f"{country}{check:02d}{bban}"


def grouped(value: str, size: int = 4) -> str:
    return " ".join(value[i : i + size] for i in range(0, len(value), size))


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(text).lower()).strip("-")


# Pools -------------------------------------------------------------------------------------


@dataclass
class Pool:
    values: list[str] = field(default_factory=list)
    weights: list[float] = field(default_factory=list)

    def add(self, values: Iterable[tuple[str, float]], share: float, split: str) -> None:
        kept = [(v, w) for v, w in values if split_of(v) == split]
        total = sum(w for _, w in kept) or 1.0
        for value, weight in kept:
            self.values.append(value)
            self.weights.append(share * weight / total)

    def pick(self, rng: random.Random) -> str:
        return rng.choices(self.values, self.weights)[0]


def _ranked(values: Sequence[str], exponent: float = 0.5) -> list[tuple[str, float]]:
    return [(v, 1.0 / (rank + 1) ** exponent) for rank, v in enumerate(values)]


def _flat(values: Iterable[str]) -> list[tuple[str, float]]:
    return [(v, 1.0) for v in values]


def _counted(values: Any) -> list[tuple[str, float]]:
    return [(str(k), float(v)) for k, v in dict(values).items()]


@dataclass
class Pools:
    split: str
    surnames: Pool = field(default_factory=Pool)
    surnames_dz: Pool = field(default_factory=Pool)
    female: Pool = field(default_factory=Pool)
    male: Pool = field(default_factory=Pool)
    female_dz: Pool = field(default_factory=Pool)
    male_dz: Pool = field(default_factory=Pool)
    communes: list[str] = field(default_factory=list)
    street_names: list[str] = field(default_factory=list)
    eponyms: list[str] = field(default_factory=list)
    military: list[str] = field(default_factory=list)

    @classmethod
    def build(cls, split: str) -> Pools:
        pools = cls(split)
        fr_surnames = list(PersonFR.last_names)
        be_surnames = [(k, v) for k, v in _counted(PersonBE.last_names) if k not in fr_surnames]
        pools.surnames.add(_ranked(fr_surnames), 0.9, split)
        pools.surnames.add(be_surnames, 0.1, split)
        pools.surnames_dz.add(_flat(PersonDZ.last_names), 1.0, split)
        pools.female.add(_counted(PersonBE.first_names_female), 0.8, split)
        pools.female.add(_flat(PersonFR.first_names_female), 0.2, split)
        pools.male.add(_counted(PersonBE.first_names_male), 0.8, split)
        pools.male.add(_flat(PersonFR.first_names_male), 0.2, split)
        pools.female_dz.add(_flat(PersonDZ.first_names_female), 1.0, split)
        pools.male_dz.add(_flat(PersonDZ.first_names_male), 1.0, split)
        real = [c[2] for c in Geo.land_coords if c[3] == "FR" and not c[2][-1].isdigit()]
        pools.communes = [c for c in real if split_of(c) == split]
        pools.street_names = [s for s in STREET_NAMES if split_of(s) == split]
        pools.eponyms = [e for e in EPONYMS if split_of(e) == split]
        pools.military = [m for m in MILITARY if split_of(m) == split]
        return pools


@dataclass
class Person:
    first: str
    last: str
    female: bool


# Rendering ---------------------------------------------------------------------------------

_TOKEN = re.compile(r"\(\((.+?)\)\)|\[\[(.+?)=(\w+)\]\]|\{(\w+)(?::(\w+))?\}")


class Renderer:
    """Fills one template: `{slot}` or `{slot:arg}` is a generated value, `[[a|b=cat]]` a
    labelled phrase (one of the alternatives), `((a|b))` an unlabelled alternative (which may
    hold slots)."""

    def __init__(self, pools: Pools, rng: random.Random) -> None:
        self.pools = pools
        self.rng = rng
        self.parts: list[str] = []
        self.length = 0
        self.spans: list[tuple[int, int, str]] = []
        self.person: Person | None = None
        self.mailed: Person | None = None

    # -- assembly

    def put(self, text: str, category: str | None = None) -> None:
        if category is not None and text:
            self.spans.append((self.length, self.length + len(text), category))
        self.parts.append(text)
        self.length += len(text)

    def render(self, template: str) -> None:
        pos = 0
        for m in _TOKEN.finditer(template):
            self.put(template[pos : m.start()])
            if m.group(1) is not None:
                self.render(self.rng.choice(m.group(1).split("|")))
            elif m.group(2) is not None:
                self.put(self.rng.choice(m.group(2).split("|")), m.group(3))
            else:
                slot = getattr(self, "slot_" + m.group(4), None)
                if slot is None:
                    raise ValueError(f"unknown slot {m.group(4)!r} in {template!r}")
                for text, category in slot(m.group(5)):
                    self.put(text, category)
            pos = m.end()
        self.put(template[pos:])

    def row(self) -> dict[str, Any]:
        text = "".join(self.parts)
        if text[:1].islower():
            text = text[0].upper() + text[1:]
        pii: dict[str, list[str]] = {}
        topics: set[str] = set()
        for start, end, category in self.spans:
            if category in TOPICS:
                topics.add(category)
            else:
                pii.setdefault(category, []).append(text[start:end])
        return {
            "text": text,
            "pii": pii,
            "topics": sorted(topics),
            "spans": [list(s) for s in sorted(self.spans)],
        }

    # -- people

    def new_person(self, arg: str | None = None) -> Person:
        rng = self.rng
        female = arg == "f" if arg in ("f", "m") else rng.random() < 0.5
        p = self.pools
        if rng.random() < 0.12:
            last = p.surnames_dz.pick(rng)
            first = (p.female_dz if female else p.male_dz).pick(rng)
            if rng.random() < 0.3:
                first = (p.female if female else p.male).pick(rng)
        else:
            last = p.surnames.pick(rng)
            first = (p.female if female else p.male).pick(rng)
            if rng.random() < 0.08:
                first = (p.female_dz if female else p.male_dz).pick(rng)
        roll = rng.random()
        if roll < 0.06:
            last = f"{rng.choice(PersonFR.prefixes)} {p.surnames.pick(rng)}"
        elif roll < 0.1:
            last = f"{last}-{p.surnames.pick(rng)}"
        self.person = Person(first, last, female)
        return self.person

    def pick_split(self, values: Sequence[str]) -> str:
        """One of `values` that belongs to this split (any of them if none does)."""
        kept = [v for v in values if split_of(v) == self.pools.split]
        return self.rng.choice(kept or list(values))

    def title(self, person: Person) -> str:
        if person.female:
            return self.rng.choice(("Mme", "Mme", "Madame", "Mme", "Me", "Dr"))
        return self.rng.choice(("M.", "M.", "Monsieur", "M.", "Me", "Dr"))

    def slot_P(self, arg: str | None) -> list[Piece]:
        """A full name, sometimes with a title before it (not in the span)."""
        person = self.new_person(arg)
        name = f"{person.first} {person.last}"
        if self.rng.random() < 0.3:
            return [(self.title(person) + " ", None), (name, "personne")]
        return [(name, "personne")]

    def slot_PN(self, arg: str | None) -> list[Piece]:
        """A full name, never with a title."""
        person = self.new_person(arg)
        return [(f"{person.first} {person.last}", "personne")]

    def slot_PT(self, arg: str | None) -> list[Piece]:
        """A title and a surname ("Mme Lemoine"): the surname is the span."""
        person = self.new_person(arg)
        return [(self.title(person) + " ", None), (person.last, "personne")]

    def slot_PF(self, arg: str | None) -> list[Piece]:
        """A given name alone (a colleague)."""
        return [(self.new_person(arg).first, "personne")]

    def slot_PS(self, arg: str | None) -> list[Piece]:
        """A surname alone."""
        return [(self.new_person(arg).last, "personne")]

    def slot_PL(self, arg: str | None) -> list[Piece]:
        """A full name typed in lower case."""
        person = self.new_person(arg)
        return [(f"{person.first} {person.last}".lower(), "personne")]

    def slot_PU(self, arg: str | None) -> list[Piece]:
        """Surname first, in capitals ("DIALLO Mamadou")."""
        person = self.new_person(arg)
        return [(f"{person.last.upper()} {person.first}", "personne")]

    def slot_PP(self, arg: str | None) -> list[Piece]:
        """A name with a particle ("Hervé Le Du", "Anne de la Fontaine")."""
        person = self.new_person(arg)
        particle = self.rng.choice(("de", "de la", "du", "Le", "Le", "de La", "d'", "Da"))
        root = self.pools.surnames.pick(self.rng)
        if particle == "d'":
            root = self.pick_split(
                ("Ornano", "Harcourt", "Aubigné", "Estienne", "Arvor", "Albret")
            )
            person.last = f"d'{root}"
        elif particle == "Le" and self.rng.random() < 0.5:
            person.last = "Le " + self.pick_split(
                ("Du", "Bihan", "Floch", "Cam", "Pen", "Hir", "Gac")
            )
        else:
            person.last = f"{particle} {root}"
        return [(f"{person.first} {person.last}", "personne")]

    def slot_PC(self, arg: str | None) -> list[Piece]:
        """Compound given name and double surname ("Marie-Claire Dubois-Lefèvre")."""
        person = self.new_person(arg)
        if "-" not in person.first:
            base = ("Marie", "Anne", "Claire") if person.female else ("Jean", "Pierre", "Paul")
            other = (self.pools.female if person.female else self.pools.male).pick(self.rng)
            person.first = f"{self.pick_split(base)}-{other}"
        if "-" not in person.last and self.rng.random() < 0.6:
            person.last = f"{person.last}-{self.pools.surnames.pick(self.rng)}"
        return [(f"{person.first} {person.last}", "personne")]

    # -- places

    def commune(self) -> str:
        rng = self.rng
        if self.pools.communes and rng.random() < 0.35:
            return rng.choice(self.pools.communes)
        p = self.pools
        form = rng.randrange(6)
        if form == 0:
            saint = rng.choice(("Saint", "Sainte"))
            pool = p.female if saint == "Sainte" else p.male
            return f"{saint}-{pool.pick(rng)}"
        if form == 1:
            return f"{p.surnames.pick(rng)}-sur-{rng.choice(('Mer', 'Loire', 'Seine', 'Marne'))}"
        if form == 2:
            return f"{p.surnames.pick(rng)}-{rng.choice(('les-Bains', 'la-Forêt', 'le-Château'))}"
        return p.surnames.pick(rng).replace(" ", "-")

    def postcode(self) -> str:
        number, _name = self.rng.choice(AddressFR.departments)
        if number in ("2A", "2B"):
            return f"20{self.rng.randrange(0, 3)}{self.rng.randrange(10)}{self.rng.randrange(10)}"
        if len(number) == 3:
            return f"{number}{self.rng.randrange(10)}{self.rng.randrange(10)}"
        return f"{number}{self.rng.choice('0012345')}{self.rng.randrange(100):02d}"

    def street(self) -> str:
        rng = self.rng
        kind = rng.choices([t for t, _ in STREET_TYPES], [w for _, w in STREET_TYPES])[0]
        roll = rng.random()
        if roll < 0.45 and self.pools.street_names:
            name = rng.choice(self.pools.street_names)
        elif roll < 0.7 and self.pools.eponyms:
            name = rng.choice(self.pools.eponyms)
        elif roll < 0.8 and self.pools.military:
            name = rng.choice(self.pools.military)
        elif roll < 0.9:
            name = self.pools.surnames.pick(rng)
        else:
            name = "de " + self.pools.surnames.pick(rng)
        return f"{kind} {name}"

    def address(self, form: str | None = None) -> str:
        rng = self.rng
        form = form or rng.choice(("full", "full", "full", "full", "comma", "bis", "nocp"))
        number = str(rng.choice((rng.randrange(1, 40), rng.randrange(1, 200))))
        street = self.street()
        town = f"{self.postcode()} {self.commune()}"
        if form == "bis":
            number += rng.choice((" bis", " ter", "bis", " B", " bis"))
        if form == "nonum":
            return f"{street}, {town}"
        if form == "bp":
            return f"{rng.choice(('BP', 'BP', 'B.P.'))} {rng.randrange(1, 999)}, {town}"
        if form == "nocp":
            return f"{number} {street}"
        if form == "res":
            building = rng.choice(("bât. B", "bâtiment C", "appt 12", "esc. 2, appt 31"))
            residence = f"Résidence {rng.choice(('les Tilleuls', 'du Parc', 'Le Clos'))}"
            return f"{residence}, {building}, {number} {street}, {town}"
        if form == "upper":
            return f"{number} {street} {town}".upper()
        if form == "comma":
            return f"{number}, {street} {town}"
        return f"{number} {street}, {town}"

    def slot_A(self, arg: str | None) -> list[Piece]:
        """A personal address: `arg` forces a form (bp, nonum, bis, nocp, res, upper)."""
        return [(self.address(arg), "adresse")]

    def slot_IA(self, arg: str | None) -> list[Piece]:
        """An administration's office address: not personal."""
        rng = self.rng
        number = rng.randrange(1, 120)
        if rng.random() < 0.5 and self.pools.eponyms:
            street = f"{rng.choice(('rue', 'avenue', 'boulevard', 'place'))} "
            street += rng.choice(self.pools.eponyms + self.pools.military)
        else:
            street = self.street()
        town = f"{self.postcode()} {self.commune()}"
        tail = rng.choice(("", "", " Cedex", f" Cedex {rng.randrange(1, 20)}"))
        box = rng.choice(
            ("", "", f"CS {rng.randrange(10000, 99999)}, ", f"BP {rng.randrange(999)}, ")
        )
        return [(f"{number} {street}, {box}{town}{tail}", None)]

    def slot_CITY(self, arg: str | None) -> list[Piece]:
        return [(self.commune(), None)]

    def slot_CP(self, arg: str | None) -> list[Piece]:
        return [(self.postcode(), None)]

    def with_article(
        self, places: Sequence[tuple[str, str]], names: Sequence[str], arg: str | None
    ) -> str:
        noun, gender = self.rng.choice(places)
        article = ARTICLES[arg][gender] if arg in ARTICLES else ""
        return f"{article}{noun} {self.rng.choice(names)}"

    def slot_INST(self, arg: str | None) -> list[Piece]:
        """A school or public building named after a person: not personal. `arg`: le, de, a."""
        return [(self.with_article(SCHOOLS, self.pools.eponyms or EPONYMS, arg), None)]

    def slot_PLACE(self, arg: str | None) -> list[Piece]:
        """A roundabout or square named after a person: not personal. `arg`: le, de, a."""
        names = self.pools.eponyms or list(EPONYMS)
        if self.rng.random() < 0.5 and self.pools.military:
            names = self.pools.military
        return [(self.with_article(PLACES, names, arg), None)]

    # -- contact details

    def phone(self, mobile: bool) -> str:
        rng = self.rng
        head = rng.choice("67") if mobile else rng.choice("123459")
        digits = "0" + head + "".join(str(rng.randrange(10)) for _ in range(8))
        style = rng.randrange(6)
        pairs = [digits[i : i + 2] for i in range(0, 10, 2)]
        if style == 0:
            return digits
        if style == 1:
            return ".".join(pairs)
        if style == 2:
            return "+33 " + digits[1] + " " + " ".join(pairs[1:])
        if style == 3:
            return "-".join(pairs)
        return " ".join(pairs)

    def slot_TEL(self, arg: str | None) -> list[Piece]:
        """A personal phone number: mobile unless `arg` is "fixe"."""
        return [(self.phone(mobile=arg != "fixe" and self.rng.random() < 0.8), "telephone")]

    def slot_STD(self, arg: str | None) -> list[Piece]:
        """A switchboard or a service's line: not personal."""
        return [(self.phone(mobile=False), None)]

    def email_of(self, person: Person) -> str:
        rng = self.rng
        first = slug(person.first).replace("-", "")
        last = slug(person.last).replace("-", "")
        form = rng.randrange(5)
        if form == 0:
            local = f"{first}.{last}"
        elif form == 1:
            local = f"{first[0]}.{last}"
        elif form == 2:
            local = f"{first}{last}{rng.randrange(60, 100)}"
        elif form == 3:
            local = f"{first[0]}{last}"
        else:
            local = f"{last}.{first}"
        return local

    def slot_MAIL(self, arg: str | None) -> list[Piece]:
        """A person's address: of the last person named, or of someone new; `pro` for work."""
        person = self.person if self.person and self.person is not self.mailed else None
        person = person or self.new_person()
        self.mailed = person
        domains = PRO_DOMAINS if arg == "pro" else MAIL_DOMAINS
        return [(f"{self.email_of(person)}@{self.rng.choice(domains)}", "email")]

    def slot_FMAIL(self, arg: str | None) -> list[Piece]:
        """A functional mailbox of an administration: not personal."""
        rng = self.rng
        box = rng.choice(MAILBOXES)
        commune = slug(self.commune())
        number, name = rng.choice(AddressFR.departments)
        domain = rng.choice(
            (
                f"mairie-{commune}.fr",
                f"{commune}.fr",
                f"{slug(name)}.gouv.fr",
                f"ac-{commune}.fr",
                "ars.sante.fr",
                "dgfip.finances.gouv.fr",
                f"caf{number.lower()}.caf.fr",
                f"{slug(name)}.fr",
            )
        )
        return [(f"{box}@{domain}", None)]

    # -- identifiers

    def slot_NIR(self, arg: str | None) -> list[Piece]:
        rng = self.rng
        dept, _ = rng.choice(AddressFR.departments)
        if len(dept) == 3:
            dept = rng.choice(("75", "13", "69", "2A", "2B", "59"))
        body = (
            f"{rng.choice('12')}{rng.randrange(40, 100) % 100:02d}{rng.randrange(1, 13):02d}"
            f"{dept}{rng.randrange(1, 999):03d}{rng.randrange(1, 999):03d}"
        )
        nir = nir_with_key(body)
        if rng.random() < 0.6:
            parts = (nir[0], nir[1:3], nir[3:5], nir[5:7], nir[7:10], nir[10:13], nir[13:])
            nir = " ".join(parts)
        return [(nir, "nir")]

    def slot_IBAN(self, arg: str | None) -> list[Piece]:
        rng = self.rng
        if rng.random() < 0.85:
            bank = f"{rng.choice((30003, 30004, 30002, 10278, 20041, 16606, 17515, 11315)):05d}"
            branch = f"{rng.randrange(100000):05d}"
            account = "".join(str(rng.randrange(10)) for _ in range(11))
            key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
            iban = iban_from_bban("FR", f"{bank}{branch}{account}{key:02d}")
        else:
            country, size = rng.choice((("DE", 18), ("BE", 12), ("ES", 20), ("PT", 21)))
            iban = iban_from_bban(country, "".join(str(rng.randrange(10)) for _ in range(size)))
        assert iban_ok(iban)
        return [(grouped(iban) if rng.random() < 0.75 else iban, "iban")]

    def slot_CB(self, arg: str | None) -> list[Piece]:
        rng = self.rng
        kind = rng.choice(("visa", "visa", "mc", "amex"))
        if kind == "amex":
            number = luhn_complete(rng.choice(("34", "37")) + f"{rng.randrange(10**12):012d}")
            return [(f"{number[:4]} {number[4:10]} {number[10:]}", "carte")]
        head = "4" if kind == "visa" else f"5{rng.randrange(1, 6)}"
        number = luhn_complete(
            head + "".join(str(rng.randrange(10)) for _ in range(15 - len(head)))
        )
        return [(grouped(number) if rng.random() < 0.8 else number, "carte")]

    def date(self, lo: int, hi: int) -> str:
        rng = self.rng
        year = rng.randrange(lo, hi)
        month = rng.randrange(1, 13)
        day = rng.randrange(1, 29)
        style = rng.randrange(5)
        if style == 0:
            return f"{day:02d}/{month:02d}/{year}"
        if style == 1:
            return f"{day}/{month:02d}/{year}"
        if style == 2:
            return f"{day:02d}.{month:02d}.{year}"
        if style == 3 and day == 1:
            return f"1er {MONTHS[month - 1]} {year}"
        return f"{day} {MONTHS[month - 1]} {year}"

    def slot_DDN(self, arg: str | None) -> list[Piece]:
        """A date of birth: of an adult, or of a child when `arg` is "enfant"."""
        lo, hi = (2008, 2024) if arg == "enfant" else (1950, 2004)
        return [(self.date(lo, hi), "date_naissance")]

    def slot_DATE(self, arg: str | None) -> list[Piece]:
        """Any other date (a meeting, a deadline, a creation): not personal."""
        lo, hi = (1960, 2024) if arg == "passe" else (2024, 2028)
        return [(self.date(lo, hi), None)]

    # -- administrative references (not personal)

    def slot_LUHN16(self, arg: str | None) -> list[Piece]:
        """A 16-digit file number that happens to pass the Luhn check."""
        rng = self.rng
        number = luhn_complete(str(rng.randrange(1, 10)) + f"{rng.randrange(10**14):014d}")
        assert luhn_ok(number)
        return [(grouped(number) if rng.random() < 0.5 else number, None)]

    def slot_ORDER0(self, arg: str | None) -> list[Piece]:
        """A 10-digit order or client number starting with 0."""
        return [("0" + f"{self.rng.randrange(10**9):09d}", None)]

    def slot_SIREN(self, arg: str | None) -> list[Piece]:
        siren = luhn_complete(f"{self.rng.randrange(10**7, 10**8):08d}")
        return [
            (f"{siren[:3]} {siren[3:6]} {siren[6:]}" if self.rng.random() < 0.5 else siren, None)
        ]

    def slot_SIRET(self, arg: str | None) -> list[Piece]:
        siren = luhn_complete(f"{self.rng.randrange(10**7, 10**8):08d}")
        siret = luhn_complete(siren + f"{self.rng.randrange(1, 100):04d}")
        if self.rng.random() < 0.5:
            return [(f"{siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}", None)]
        return [(siret, None)]

    def slot_REF(self, arg: str | None) -> list[Piece]:
        """A file reference in one of the shapes administrations use."""
        rng = self.rng
        year = rng.randrange(2019, 2027)
        forms = (
            f"{year}/{rng.randrange(10000):04d}",
            f"{year}-{rng.randrange(100000):05d}",
            f"DOS-{year}-{rng.randrange(10**6):06d}",
            f"{rng.randrange(1, 96):03d}-{year}-{rng.randrange(10**6):06d}",
            f"{rng.choice(('DRH', 'SG', 'BCA', 'DDT', 'PREF'))}/{year}/{rng.randrange(1000):03d}",
            f"{rng.randrange(10**11, 10**12)}",
            f"{year}{rng.randrange(10**6):06d}",
        )
        return [(rng.choice(forms), None)]

    def slot_AMOUNT(self, arg: str | None) -> list[Piece]:
        value = self.rng.randrange(100, 250000)
        return [(f"{value:,}".replace(",", "\u202f") + " €", None)]

    def slot_N(self, arg: str | None) -> list[Piece]:
        """A small number, or a year when `arg` is "y"."""
        if arg == "y":
            return [(str(self.rng.randrange(2024, 2028)), None)]
        return [(str(self.rng.randrange(2, 60)), None)]


# Templates -------------------------------------------------------------------------------
# One list per family; within a family the templates are dealt 3 to dev and 2 to test.

NAMES = (
    "Bonjour, peux-tu relancer {P} au sujet de son dossier de mutation ?",
    "Rédige un courrier à {PT} pour lui indiquer que sa demande de temps partiel est acceptée.",
    "je suis {PL} du ((service RH|bureau des pensions|pôle accueil)), j'ai une question sur "
    "le CET",
    "Est-ce que {PS} peut signer le bon de commande en l'absence du chef de bureau ?",
    "Ma collègue {PF:f} est absente cette semaine, qui valide les congés ?",
    "Agent concerné : {PU}, adjoint administratif principal de 2e classe.",
    "Merci de transmettre le compte rendu à {PP} avant vendredi.",
    "Les époux {PS} contestent le montant de la taxe foncière.",
    "Peux-tu reformuler ce mail pour {PF:m} ? Il trouve le ton trop sec.",
    "Objet : demande de disponibilité de {PC}",
    "Prépare une réponse à {P}, qui demande où en est son permis de construire.",
    "{PF:f} m'a dit que la note était partie au cabinet, tu confirmes ?",
    "Le courrier de {PT} est arrivé hier, il faut répondre sous quinze jours.",
    "Liste des présents : {PN}, {PN} et {PN}.",
    "bonjour, c'est {PL:f}, je remplace {PF:f} à l'accueil jusqu'à lundi",
    "Convocation de {PU} à l'entretien professionnel le {DATE}.",
    "Je transfère la réclamation de {PP}, qui attend une réponse depuis deux mois.",
    "Peux-tu vérifier avec {PS} si le marché a bien été notifié ?",
    "Synthèse de l'entretien avec {PC:m} : il souhaite une formation en contrôle de gestion.",
    "Mon chef, {PN}, veut que je résume ce rapport en une page.",
    "Réponds à la question de {PF:m} : est-ce que les tickets restaurant sont dus en "
    "télétravail ?",
    "{PT} a appelé trois fois pour son attestation de salaire.",
    "Note à l'attention de {PU} : point d'étape sur le déménagement du service.",
    "Corrige l'orthographe : « suite a notre echange, {PL} vous enverra le devis »",
    "La famille {PS} demande une place en crèche pour la rentrée.",
    "Rappelle à {PF:f} qu'elle doit rendre son ordre de mission.",
    "Courrier signé par {PP:m}, directeur adjoint, à mettre au parapheur.",
    "Peux-tu préparer l'arrêté de nomination de {PC} au grade d'attaché principal ?",
    "Le stagiaire, {PN:m}, arrive le {DATE} : qui lui prépare un poste ?",
    "Ajoute {PS} et {PS} dans la liste de diffusion du comité de pilotage.",
)

ADDRESSES = (
    "L'agent habite {A}, peux-tu calculer ses frais de trajet ?",
    "Envoie la convocation au {A}.",
    "Nouvelle adresse de l'usager : {A:bis}",
    "{PT} a déménagé : {A}, merci de mettre à jour le fichier.",
    "Peux-tu envoyer le courrier au {A:nocp} à {CITY} ?",
    "Adresse postale de la requérante : {A:bp}",
    "Il vit maintenant {A:nonum}, loin de son lieu de travail.",
    "Courrier retourné « n'habite pas à l'adresse indiquée » : {A}.",
    "Les coordonnées du demandeur sont {A:res}.",
    "Merci d'adresser le titre de séjour de {P} au {A}.",
    "Son domicile : {A:upper}",
    "Le colis doit être livré chez moi, {A}.",
    "Je rédige un courrier pour {P}, {A}, qui conteste le calcul de sa taxe foncière.",
    "L'enquête de voisinage concerne le logement situé {A}.",
    "Adresse déclarée sur le formulaire : {A:bis}.",
    "J'ai changé d'adresse, c'est désormais {A:nonum}.",
    "Peux-tu écrire à la locataire du {A:nocp} pour l'informer des travaux ?",
    "Expéditeur : {P}, {A}",
    "L'aide à domicile intervient au {A} chaque matin.",
    "Boîte postale personnelle de l'exploitant : {A:bp}",
)

CONTACTS = (
    "Tu peux joindre {PT} au {TEL}.",
    "Mon portable : {TEL}, rappelle-moi après 14 h.",
    "Voici l'adresse de {P} : {MAIL}, merci de l'ajouter en copie.",
    "Écris à {MAIL:pro} pour confirmer la date du jury.",
    "Coordonnées de la candidate : {P:f}, {TEL}, {MAIL}.",
    "Son numéro personnel est le {TEL} et son mail {MAIL}.",
    "Rappeler {PS} au {TEL:fixe} avant midi.",
    "Ajoute {PN} ({MAIL:pro}) à la réunion de jeudi.",
    "La mère de l'élève a laissé son numéro : {TEL}.",
    "Transfère le dossier à {MAIL:pro} et à moi.",
    "{PN} – tél. {TEL} – {MAIL}",
    "Peux-tu envoyer le lien de la visio à {MAIL} ?",
    "Numéro du fils de l'usager : {TEL}.",
    "Merci de contacter {PT} ({TEL}) pour fixer le rendez-vous.",
    "Je n'arrive pas à joindre {PF:m}, son numéro est bien le {TEL} ?",
    "Mon adresse perso a changé : c'est maintenant {MAIL}.",
    "Peux-tu écrire à {PN} sur sa messagerie professionnelle, {MAIL:pro} ?",
    "Le candidat a envoyé son CV depuis {MAIL}, je lui réponds à cette adresse ?",
    "Mets {MAIL:pro} et {MAIL:pro} en copie du compte rendu.",
    "Pour le covoiturage, {PF:f} laisse son numéro : {TEL}.",
)

IDENTIFIER_ITEMS = (
    "Le numéro de sécurité sociale de l'agent est {NIR}.",
    "Voici mon IBAN pour le remboursement des frais : {IBAN}.",
    "J'ai payé la mission avec la carte {CB}, peux-tu vérifier le débit ?",
    "{PT:m}, né le {DDN}, demande sa retraite progressive.",
    "NIR de l'intéressée : {NIR}",
    "Le RIB de {PN} : {IBAN}",
    "Date de naissance : {DDN}",
    "L'enfant, né le {DDN:enfant}, est inscrit à la cantine.",
    "Peux-tu vérifier le format de ce numéro de sécu {NIR} pour {PT} ?",
    "Virement de la prime à effectuer sur {IBAN}.",
    "Numéro de carte : {CB}, expiration 12/27.",
    "Mme {PS:f} (DDN {DDN}) demande un relevé de carrière.",
    "Née le {DDN} à {CITY}, la candidate postule au concours externe.",
    "Rembourse les frais sur {IBAN} s'il te plaît.",
    "Immatriculation {NIR}, affiliation à vérifier avec la CPAM.",
    "La carte {CB} de l'agent a été débitée deux fois au péage.",
    "Il est né le {DDN} et travaille chez nous depuis 2015.",
    "Le fils de {PT}, né le {DDN:enfant}, entre en sixième.",
)

DOSSIERS = (
    "{P}, né(e) le {DDN}, domicilié(e) {A}, tél. {TEL}, demande une aide au logement.",
    "Fiche agent : {PU} – NIR {NIR} – IBAN {IBAN}",
    "Peux-tu rédiger une réponse à {P} ({MAIL}) qui habite {A} et conteste son avis "
    "d'imposition ?",
    "Dossier de {PC} : date de naissance {DDN}, adresse {A}, RIB {IBAN}.",
    "Bonjour, je suis {PL:m}, né le {DDN}, mon numéro de sécu est {NIR}, je voudrais savoir "
    "où en est mon dossier",
    "Fais un courrier type pour {PT}, {A}, en lui rappelant son rendez-vous du {DATE}.",
    "Le demandeur, {PP:m}, joignable au {TEL}, réside {A:bis}.",
    "{PN} ({TEL}, {MAIL:pro}) remplace {PN} pendant son congé.",
    "Coordonnées bancaires de {PT} pour la prime : {IBAN}, carte professionnelle {CB}.",
    "Mise à jour du fichier : {PU}, {A}, né le {DDN}.",
)

TOPICS_POSITIVE = (
    # health
    "{PT:m} est [[en arrêt maladie pour une dépression|en congé de longue maladie|"
    "hospitalisé depuis lundi|en arrêt pour un burn-out|en congé de longue durée pour un "
    "cancer|en mi-temps thérapeutique après un AVC=sante]], qui reprend ses dossiers ?",
    "Ma collègue {PF:f} [[est diabétique|a un cancer du sein|est enceinte de cinq mois|"
    "vient d'apprendre qu'elle a une sclérose en plaques|est épileptique|est sourde "
    "depuis l'enfance=sante]], comment aménager son poste ?",
    "((L'agent|Le collègue|Mon adjoint|Le gardien)) a obtenu [[sa RQTH|la reconnaissance de "
    "travailleur handicapé|un mi-temps thérapeutique|une allocation adulte handicapé|"
    "un congé pour invalidité temporaire imputable au service=sante]] : quelles démarches "
    "pour l'employeur ?",
    "Je suis [[en arrêt depuis trois semaines pour une hernie discale|suivi pour un trouble "
    "bipolaire|sous chimiothérapie|atteint d'un covid long|en dépression depuis mon "
    "changement de service|sous antidépresseurs=sante]], dois-je prévenir ((mon chef|ma "
    "cheffe de service|la DRH)) ?",
    "{PN:f} m'a confié qu'elle [[souffre d'anorexie|est atteint de la maladie de Crohn|"
    "fait une dépression|a fait une fausse couche|est alcoolique|a une maladie de "
    "Parkinson=sante]].",
    "Le fils de {PT} [[est autiste|est atteint de mucoviscidose|a un handicap moteur|"
    "est hyperactif|a des troubles dys=sante]] et ((demande une AESH|doit avoir un tiers "
    "temps|a besoin d'un transport adapté)).",
    # religion
    "{PF:m} sera [[absent pour l'Aïd|absent pour Yom Kippour|en congé pour l'Aïd el-Kébir|"
    "absent pour la fête de Roch Hachana|absent pour la Pâque orthodoxe|en congé pour "
    "Pessah=religion]], peux-tu décaler la réunion ?",
    "((Une agente|Ma collègue|{PT:f})) [[demande une autorisation d'absence pour le ramadan|"
    "souhaite poser un jour pour la Pâque orthodoxe|demande à s'absenter pour Diwali|"
    "demande un jour de congé pour l'Aïd|veut être absente pour Kippour|demande son "
    "vendredi pour la prière=religion]].",
    "{PT:m} [[est musulman pratiquant|est de confession juive|est témoin de Jéhovah|"
    "est catholique pratiquant|est bouddhiste|est converti à l'islam=religion]] et "
    "((refuse de travailler le samedi|demande à adapter ses horaires|ne mange pas à la "
    "cantine le vendredi)).",
    "L'élève {PF} [[porte la kippa|porte le voile|fait le ramadan|porte une croix bien "
    "visible|va au catéchisme le mercredi=religion]] et les parents demandent un "
    "aménagement.",
    "Je serai [[absent le 10 avril pour l'Aïd el-Fitr|en congé pour Noël orthodoxe|absente "
    "pour la fête de Vesak|à la synagogue pour Yom Kippour|en pèlerinage à La Mecque=religion]]"
    ", merci de valider mon congé.",
    "{PS:m} ((m'a dit|nous a dit|a expliqué)) qu'il [[jeûne pour le ramadan|ne travaille pas "
    "pendant le shabbat|est pasteur dans une église évangélique|fréquente la "
    "mosquée=religion]].",
    # political opinion
    "{PT:m} est [[militant LFI|encarté au RN|adhérent des Républicains|candidat sur la liste "
    "écologiste aux municipales|membre du Parti socialiste|adhérent de "
    "Renaissance=opinion_politique]], est-ce compatible avec son poste de ((directeur des "
    "services|chef de bureau|commissaire)) ?",
    "Mon collègue {PF:m} [[distribue des tracts pour le Parti communiste|est membre de "
    "Reconquête|milite chez les Verts|colle des affiches pour le RN|est militant "
    "anarchiste=opinion_politique]] pendant ses pauses.",
    "La candidate [[a été assistante parlementaire d'un député socialiste|se présente sous "
    "l'étiquette Renaissance|est conseillère municipale d'opposition LR|a milité à "
    "l'UNEF et au NPA=opinion_politique]] ; doit-on le mentionner ?",
    "Je suis [[adhérent de La France insoumise|militante écologiste chez EELV|membre du "
    "Rassemblement national|encarté chez Horizons=opinion_politique]], puis-je me présenter "
    "aux législatives ?",
    "{PN} [[vote à l'extrême droite|est proche des identitaires|a signé la pétition de LFI "
    "contre la réforme|est royaliste=opinion_politique]] d'après ((ses collègues|son "
    "chef|l'enquête administrative)).",
    "((L'agent|Le brigadier|Le secrétaire de mairie)) [[s'est engagé dans la campagne de "
    "Reconquête|tient un blog militant pour le Parti communiste|est trésorier de la "
    "section locale du PS=opinion_politique]], que dit le devoir de réserve ?",
    # union
    "{PF:f} est [[élue CFDT|adhérente de FO|déléguée syndicale CGT|représentante UNSA au "
    "CST|syndiquée chez SUD|militante FSU=syndicat]] et demande des heures de décharge.",
    "Je suis [[syndiqué à SUD|adhérent de la FSU|militant CGT|élu FO au comité social|"
    "adhérent de la CFTC|élu CFE-CGC=syndicat]], ai-je droit à une autorisation d'absence "
    "pour le congrès ?",
    "{PT:m}, [[secrétaire de la section CFDT|élu du personnel sur la liste UNSA|adhérent "
    "CFE-CGC|délégué syndical FO|représentant CGT=syndicat]], conteste sa notation.",
    "L'agente {PN:f} [[a pris sa carte à la CGT|vient d'adhérer à Force ouvrière|est déléguée "
    "SUD|est élue CFDT au CSA|s'est syndiquée à l'UNSA=syndicat]] après la réorganisation.",
    "((Mon chef|Ma N+1|Le directeur)) m'a reproché d'être [[adhérente de FO|élue CGT|syndiquée "
    "à la CFDT|déléguée du personnel SUD=syndicat]], est-ce de la discrimination ?",
    "{PS} [[est élu UNSA|est adhérent de FO|est permanent syndical à la CGT|représente "
    "SUD au conseil d'administration=syndicat]] : faut-il l'inviter à la réunion ?",
    # origin
    "La candidate {PN:f} [[est issue de la communauté rom|est d'origine kurde|appartient à "
    "la communauté des gens du voyage|est d'origine malienne|est d'origine "
    "vietnamienne=origine]] et dit avoir été discriminée.",
    "{PT:m}, [[d'origine algérienne|membre de la communauté comorienne|d'origine "
    "sénégalaise|issu de la communauté arménienne|d'origine turque=origine]], se plaint "
    "de remarques déplacées.",
    "((L'usager|Le demandeur|Le jeune)) [[est harki|fait partie de la communauté tamoule|est "
    "d'origine marocaine|est issu d'une famille yéniche|est d'origine "
    "tchétchène=origine]] et demande un interprète.",
    "Ma collègue me dit qu'on la traite différemment parce qu'elle [[est noire|est "
    "d'origine antillaise|est d'origine maghrébine|est asiatique=origine]].",
    "{PF:m} [[est d'origine haïtienne|vient de la communauté mahoraise|est issu de la "
    "communauté chinoise du 13e|a des origines berbères=origine]] et souhaite le "
    "mentionner dans sa candidature.",
    "L'agent de police a relevé que le plaignant, {PN}, [[était d'origine roumaine|"
    "appartenait à la communauté rom|était d'origine ivoirienne=origine]].",
    # sex life, orientation
    "Mon collègue [[est homosexuel|vit avec son compagnon|a fait son coming out|est gay|"
    "est bisexuel=vie_sexuelle]] et subit des moqueries.",
    "{PF:f} [[est lesbienne|est bisexuelle|vit avec sa compagne|a fait son coming "
    "out=vie_sexuelle]] et craint que ça se sache.",
    "((L'agent|Le stagiaire|Le lieutenant)) [[est en couple avec un homme|a révélé son "
    "homosexualité|est marié à un homme|fréquente des clubs libertins=vie_sexuelle]] ; "
    "comment réagir aux propos de son chef ?",
    "{PT:f} m'a confié [[être homosexuelle|avoir une relation avec une collègue mariée|être "
    "asexuel|avoir une vie sexuelle compliquée depuis son traitement=vie_sexuelle]].",
    "Dans son signalement, {PN:m} explique [[qu'il est gay|qu'il est bisexuel|que son "
    "orientation sexuelle est moquée|qu'on l'a « outé »=vie_sexuelle]] au travail.",
    "Je suis [[homosexuel|lesbienne|bisexuel|pacsé avec mon compagnon=vie_sexuelle]] : "
    "mon conjoint a-t-il droit aux mêmes congés ?",
    # genetic, biometric
    "{PT:m} [[a fait un test ADN de paternité|est porteur d'une mutation BRCA1|a transmis ses "
    "empreintes digitales|a un profil génétique enregistré au FNAEG|a fait un séquençage "
    "de son génome=genetique_biometrie]] : où classer ce document ?",
    "Le dossier de {PN} contient [[son gabarit biométrique|le résultat de son test "
    "génétique|ses empreintes digitales|la photo de son iris|son caryotype=genetique_biometrie]]"
    ", qui peut y accéder ?",
    "La gendarmerie a relevé [[l'ADN du suspect|les empreintes du mis en cause|le profil ADN "
    "de {PT}=genetique_biometrie]] dans le véhicule de service.",
    "Ma collègue [[a fait un test génétique prédictif|est porteuse d'un "
    "gène de prédisposition héréditaire|a donné son empreinte palmaire pour la "
    "badgeuse=genetique_biometrie]], l'employeur peut-il le savoir ?",
    "((L'agent|{PT})) refuse que [[son empreinte digitale|la forme de sa main|sa "
    "reconnaissance faciale=genetique_biometrie]] soit utilisée pour la pointeuse.",
    "Le médecin a transmis [[l'analyse génétique de l'enfant|le résultat du test de "
    "paternité|le profil génétique de la famille {PS}=genetique_biometrie]] au service.",
    # offences
    "{PT:m} [[a été condamné pour vol|a été placé en garde à vue|est mis en examen pour "
    "escroquerie|a un casier judiciaire pour violences|a été condamné pour détournement de "
    "fonds=infraction]], peut-on le suspendre ?",
    "Mon collègue {PF:m} [[a été flashé à 140 km/h|a perdu six points sur son permis|a eu une "
    "suspension de permis pour alcoolémie|a été contrôlé positif au cannabis au volant|a "
    "reçu une amende pour excès de vitesse=infraction]] avec le véhicule de service.",
    "((L'agent|Le chauffeur|Le technicien)) [[a écopé d'une amende pour excès de vitesse|a "
    "grillé un feu rouge avec la voiture de service|a été verbalisé pour usage du téléphone "
    "au volant|a eu un retrait de permis=infraction]] : qui paie ?",
    "Le candidat {PN:m} [[a été condamné à six mois avec sursis|a fait de la prison|figure au "
    "FIJAIS|a été condamné pour outrage|a une condamnation pour trafic de "
    "stupéfiants=infraction]] ; peut-il être recruté ?",
    "{PF:m} [[est poursuivi pour harcèlement|a été condamné pour conduite sans permis|"
    "a été interpellé pour recel|a été verbalisé pour conduite en état "
    "d'ivresse=infraction]].",
    "((L'usager|{PT})) [[sort de détention|est sous contrôle judiciaire|porte un bracelet "
    "électronique|est en libération conditionnelle|effectue un TIG=infraction]] et "
    "demande un rendez-vous.",
)

INSTITUTIONS_NEGATIVE = (
    "Le conseil d'école {INST:de} aura lieu le {DATE}.",
    "Les travaux {PLACE:de} commencent lundi : prévoir une déviation pour les bus.",
    "Rédige une invitation à l'inauguration {INST:de}.",
    "La préfecture, {IA}, organise une réunion sur la sécurité routière.",
    "Le marché de restauration {INST:de} arrive à échéance en juin.",
    "Merci d'envoyer le dossier à la DDT, {IA}.",
    "La circulation sera interrompue sur {PLACE:le} pendant le marché de Noël.",
    "Quel est le budget prévu pour la rénovation {INST:de} ?",
    "Le siège de la communauté d'agglomération est situé {IA}.",
    "Les élèves {INST:de} visiteront le musée de la Résistance.",
    "Le centre des finances publiques a déménagé : {IA}.",
    "Le forum des métiers se tiendra {INST:a} le {DATE}.",
    "L'accueil du public {INST:a} est réorganisé à partir du {DATE}.",
    "Prévoir une signalétique provisoire sur {PLACE:le} et la rue adjacente.",
    "Le rectorat, {IA}, publie le calendrier des mutations.",
    "Réservation de la salle polyvalente {INST:de} pour le forum des associations.",
    "Le plan de circulation autour {INST:de} change à la rentrée : ((informer les parents|"
    "prévenir les transporteurs|mettre à jour le site)).",
    "Les agents {INST:de} demandent ((une climatisation|un nouveau photocopieur|des bureaux "
    "réaménagés)).",
    "Rendez-vous à 9 h devant {INST:le} pour la visite de sécurité.",
    "Le repas des aînés aura lieu {INST:a}, ((salle du rez-de-chaussée|dans le réfectoire|"
    "dans la grande salle)).",
    "Les bus scolaires ne desservent plus {PLACE:le} depuis les travaux.",
    "Trois candidats pour la direction {INST:de} : prépare une grille d'entretien.",
    "La commission de sécurité passe {INST:a} le {DATE}.",
    "Le déménagement des archives vers {INST:le} est prévu en ((mars|juin|septembre)).",
    "La sous-préfecture, {IA}, ferme ses guichets le vendredi après-midi.",
    "Envoyer les plis de candidature à la direction des achats, {IA}.",
)

CONTACTS_NEGATIVE = (
    "Pour toute question, écrivez à {FMAIL}.",
    "Standard de la préfecture : {STD}.",
    "Le service des ressources humaines est joignable au {STD} ou à {FMAIL}.",
    "Les candidatures sont à envoyer à {FMAIL} avant le {DATE}.",
    "Horaires d'ouverture de la mairie : 8 h 30 - 12 h ; accueil téléphonique au {STD}.",
    "Signature de mail : Direction départementale des territoires, {IA}, tél. {STD}.",
    "Pour une demande de titre de séjour, contactez {FMAIL}.",
    "Le numéro du standard a changé : composez désormais le {STD}.",
    "Mets {FMAIL} en copie de la réponse au prestataire.",
    "Adresse de correspondance du service : {IA}.",
    "Contact presse : {FMAIL} – {STD}",
    "En cas d'urgence, appelez la permanence du service au {STD}.",
    "Le numéro vert de la ((CAF|CPAM|mairie)) est le {STD}, du lundi au vendredi.",
    "Les usagers peuvent écrire à {FMAIL} ou appeler le {STD}.",
    "Peux-tu mettre à jour la page contact du site avec {FMAIL} et le {STD} ?",
    "Pour les marchés publics, la boîte fonctionnelle est {FMAIL}.",
    "Réponse automatique : le service est fermé, écrivez à {FMAIL}.",
    "Le courrier doit être adressé à Monsieur le Préfet, {IA}.",
    "Fax du greffe : {STD}.",
    "Accueil de la DDETS : {IA} – {STD}",
)

REFERENCES_NEGATIVE = (
    "Le dossier n° {LUHN16} est incomplet, il manque l'avis du maire.",
    "Commande n° {ORDER0} : la livraison est prévue la semaine prochaine.",
    "La société, SIRET {SIRET}, a répondu à l'appel d'offres.",
    "Le fournisseur (SIREN {SIREN}) n'est pas à jour de ses cotisations.",
    "Merci de rappeler la référence {REF} dans toute correspondance.",
    "Le numéro de client {ORDER0} figure sur la facture de téléphonie.",
    "Référence de l'engagement juridique : {LUHN16}.",
    "N° de dossier : {REF}, montant accordé : {AMOUNT}.",
    "L'association est immatriculée sous le SIRET {SIRET}.",
    "Le bon de commande {ORDER0} a été validé dans Chorus.",
    "Numéro de la demande de subvention : {LUHN16}",
    "Titre de recette n° {REF} émis pour {AMOUNT}.",
    "Le titulaire du marché, SIREN {SIREN}, demande une avance de {AMOUNT}.",
    "Votre numéro de suivi : {ORDER0}.",
    "Facture n° {REF} du {DATE} : montant {AMOUNT}.",
    "Le numéro d'engagement {LUHN16} n'apparaît pas dans Chorus Pro.",
    "Numéro de commande UGAP : {ORDER0}.",
    "Le prestataire (SIRET {SIRET}) a transmis son attestation URSSAF.",
    "Le dossier de subvention {REF} a été transmis à la trésorerie.",
    "Merci d'indiquer le numéro de marché {REF} sur vos factures.",
    "Numéro de contrat fournisseur : {ORDER0}, à reporter sur le bon de livraison.",
    "Ticket d'incident n° {LUHN16} : la messagerie est bloquée.",
    "Le numéro de télédéclaration {LUHN16} est à conserver.",
)

TOPICS_NEGATIVE = (
    "La commune nouvelle, née le ((1er janvier 2017|1er janvier 2019|{DATE:passe})) de la "
    "fusion de ((deux|trois|quatre)) communes, compte {N} 000 habitants.",
    "((Mon service|Notre collectivité|Ma direction)) ((gère les arrêts maladie|pilote le plan "
    "handicap|traite les dossiers de RQTH|organise la campagne de vaccination antigrippale)) "
    "des agents.",
    "Le marché de ((reconnaissance faciale|vidéoprotection avec reconnaissance faciale)) "
    "prévoit une clause de conformité au RGPD.",
    "Le bulletin n° 2 du casier judiciaire est exigé pour ((les postes au contact des "
    "mineurs|les agents de police municipale|le recrutement des animateurs|les gardes "
    "particuliers)).",
    "Les syndicats ((FO et UNSA|CGT et CFDT|SUD et FSU)) ont signé l'accord sur le télétravail.",
    "La communauté de communes vote son budget le {DATE}.",
    "La circulaire rappelle les autorisations d'absence pour les fêtes religieuses ((de "
    "l'année {N:y}|des différentes confessions|à accorder selon les nécessités du service)).",
    "((Notre collectivité|Mon service)) recrute un référent handicap.",
    "Le passeport biométrique est délivré en mairie sur rendez-vous.",
    "Le radar de la RN {N} a été réparé ; les excès de vitesse y sont fréquents.",
    "Rédige une note sur la laïcité dans les services publics.",
    "Le service, créé le {DATE:passe}, compte {N} agents.",
    "La maison de santé, née le {DATE:passe} d'un projet intercommunal, accueille six médecins.",
    "((Ma direction|Notre service)) prépare le document unique sur les risques psychosociaux.",
    "L'origine des fonds doit être justifiée pour toute subvention supérieure à 23 000 €.",
    "Le programme d'éducation à la sexualité est obligatoire au collège.",
    "Le conseil municipal a voté la motion contre la fermeture de la maternité.",
    "Le fichier des empreintes génétiques est régi par le code de procédure pénale.",
    "Les élections professionnelles auront lieu le {DATE} ; les listes syndicales sont déposées.",
    "Le registre des agents ayant une RQTH est tenu par la DRH, pas par les services.",
    "((Notre collectivité|Mon service|La direction)) a signé la convention avec le FIPHFP "
    "pour l'emploi des personnes handicapées.",
    "Le CHSCT a examiné ((le registre santé et sécurité|les accidents de service de l'année|"
    "le plan de prévention des TMS)).",
    "Le marché de ((badgeuses biométriques|contrôle d'accès par empreinte digitale)) a été "
    "déclaré sans suite après l'avis de la CNIL.",
    "Le ((casier judiciaire|bulletin n° 3 du casier judiciaire)) est demandé à tous les "
    "candidats au concours de gardien.",
    "Rédige une note sur ((la protection fonctionnelle des agents victimes d'agressions|les "
    "sanctions disciplinaires possibles|le droit de grève)).",
    "Peut-on accorder une subvention à l'association qui organise ((la fête de l'Aïd|le "
    "marché de Noël|la procession de la Saint-Jean)) ?",
    "Combien de jours d'autorisation d'absence pour ((les fêtes religieuses|un mariage|un "
    "décès)) prévoit la circulaire ?",
    "Le ((conseil communautaire|conseil de la communauté d'agglomération)) se réunit le {DATE}.",
    "Les aires d'accueil des gens du voyage relèvent du schéma départemental.",
    "La campagne de prévention ((du cancer du sein|du diabète|des addictions)) démarre en "
    "octobre dans nos locaux.",
    "Les ((syndicats|organisations syndicales)) sont reçus par le directeur le {DATE}.",
    "Le marché de vidéoprotection inclut ((la lecture automatique des plaques|un module de "
    "reconnaissance faciale désactivé)).",
    "Rédige le rapport annuel sur ((l'égalité professionnelle|la lutte contre les "
    "discriminations liées à l'orientation sexuelle|l'accueil des agents en situation de "
    "handicap)).",
    "Le service de médecine préventive ((déménage|change de prestataire|recrute un "
    "infirmier)) le {DATE}.",
    "Les excès de vitesse ont baissé de {N} % sur la départementale après la pose du radar.",
    "L'amende forfaitaire pour stationnement gênant est de 135 €.",
    "La circulaire sur le port de signes religieux par les ((usagers|accompagnateurs "
    "scolaires)) est-elle toujours en vigueur ?",
    "Le SDIS a créé une cellule d'écoute psychologique pour ((tous les pompiers|les "
    "agents|les familles)).",
)

GENERIC_NEGATIVE = (
    "Rédige une note de synthèse sur la réforme des retraites.",
    "La réunion est prévue le {DATE} à 14 h 30 en salle {N}.",
    "Quel est le délai de réponse pour une demande CADA ?",
    "Le budget primitif s'élève à {AMOUNT}, en hausse de {N} %.",
    "Peux-tu traduire ce paragraphe en anglais pour la délégation européenne ?",
    "Les inscriptions au concours de rédacteur territorial ferment le {DATE}.",
    "Propose un plan pour la présentation du rapport d'activité au comité de direction.",
    "Le Défenseur des droits a été saisi au sujet de l'accès aux services publics en ligne.",
    "Corrige les fautes de ce paragraphe sur la gestion des archives.",
    "Combien de jours de RTT pour un agent à temps partiel à 80 % ?",
    "L'opération de recensement commence le {DATE} dans les communes de moins de 10 000 "
    "habitants.",
    "Le conseil départemental a adopté le schéma de l'autonomie 2024-2028.",
    "Fais un tableau comparatif des trois offres pour le marché de nettoyage.",
    "Quels sont les délais de recours contre un permis de construire ?",
    "La commune de {CITY} ({CP}) a reçu la dotation de solidarité rurale.",
    "Le prix de l'agent public de l'année a été remis à une équipe de {CITY}.",
    "Peux-tu résumer ((ce rapport|cette note|ce compte rendu)) en ((cinq points|une page|dix "
    "lignes)) ?",
    "Quels sont les documents à fournir pour ((une carte d'identité|un permis de construire|"
    "une inscription sur les listes électorales)) ?",
    "Prépare un mail de relance pour ((les prestataires|les chefs de service|les communes "
    "membres)) qui n'ont pas répondu.",
    "Explique la différence entre ((un arrêté et une décision|une délibération et un arrêté|"
    "un décret et une ordonnance)).",
    "Le comité de direction du {DATE} est ((annulé|reporté|avancé à 9 h)).",
    "Combien d'agents faut-il pour ouvrir ((le guichet|l'accueil|la permanence)) le samedi ?",
    "Rédige une fiche de poste pour ((un gestionnaire RH|un chargé de mission climat|un "
    "assistant de prévention)).",
    "La télétransmission des actes au contrôle de légalité est en panne depuis ((ce matin|"
    "hier|lundi)).",
    "Le taux de vacance des postes est de {N} % dans ((le service|la direction|le département)).",
    "Quel est le plafond de la prime de ((fin d'année|responsabilité|télétravail)) ?",
    "Le ((rapport|bilan|compte rendu)) de la commission n° {N} est en ligne sur l'intranet.",
    "La foire de la ((Saint-Martin|Saint-Jean|Saint-Michel)) aura lieu sur la place du "
    "village le {DATE}.",
)

# Longer messages, as agents paste them: greetings, several sentences, a signature.
MESSAGES = (
    "Bonjour,\nJe vous transmets la demande de {P:m}, domicilié {A}. Il souhaite "
    "obtenir un rendez-vous avant la fin du mois.\nBien cordialement,\n{PN}\n"
    "((Bureau des usagers|Service de l'état civil|Pôle social))",
    "Bonjour à tous,\nLa réunion du comité de pilotage aura lieu le {DATE} {INST:a}. "
    "Merci de confirmer votre présence à {FMAIL}.\nLe secrétariat général\nTél. : {STD}",
    "Salut, tu peux m'aider à répondre à ce mail ? « Madame, je suis {P:f}, "
    "[[en arrêt maladie depuis mars|reconnue travailleuse handicapée|enceinte de six "
    "mois=sante]], et je n'ai toujours pas reçu mon traitement de mai. Mon numéro : {TEL}. »",
    "Madame, Monsieur,\nJe vous informe que la direction des ressources humaines déménage "
    "au {IA}. Le standard reste joignable au {STD}.\nCordialement,\nLa DRH",
    "Peux-tu reformuler ce message plus poliment : « {PF:m}, ça fait trois fois que je te "
    "demande le tableau des astreintes, c'est urgent. »",
    "Objet : dossier {REF}\nBonjour, le dossier de {PT} est complet sauf le RIB : "
    "pouvez-vous lui demander de l'envoyer à {FMAIL} ? Merci.",
    "Bonjour, je suis {PL}, agent {INST:a}. Mon adresse perso est {MAIL} et je voudrais "
    "savoir si mon CET peut être monétisé. Merci !",
    "Résume ce compte rendu : « Présents : {PN}, {PN}. La commission a examiné le marché de "
    "restauration {INST:de} (SIRET du titulaire : {SIRET}) et l'a reconduit pour un an. »",
    "Bonjour, pour le pot de départ de {PN}, on se retrouve {INST:a} vendredi à 16 h. "
    "Participation libre, merci de répondre à {MAIL:pro}.",
    "Note pour le directeur : l'agent {PU}, [[délégué syndical CGT|élu FO au CST|adhérent "
    "de SUD=syndicat]], conteste sa mutation. Il est joignable au {TEL}.",
    "Bonjour,\nVeuillez trouver ci-joint la facture n° {REF} correspondant à la commande "
    "{ORDER0}. Le règlement est attendu sous 30 jours.\nLe service comptabilité",
    "Réponds à cet usager : « Je m'appelle {PN}, j'habite {A:nonum} et mon voisin "
    "[[a été condamné pour violences|est sous contrôle judiciaire=infraction]]. Que puis-je "
    "faire ? »",
)

FAMILIES: dict[str, tuple[str, ...]] = {
    "names": NAMES,
    "addresses": ADDRESSES,
    "contacts": CONTACTS,
    "identifiers": IDENTIFIER_ITEMS,
    "dossiers": DOSSIERS,
    "topics": TOPICS_POSITIVE,
    "institutions": INSTITUTIONS_NEGATIVE,
    "institution_contacts": CONTACTS_NEGATIVE,
    "references": REFERENCES_NEGATIVE,
    "topics_negative": TOPICS_NEGATIVE,
    "generic": GENERIC_NEGATIVE,
    "messages": MESSAGES,
}


# Added after the first release of the sets: placed explicitly, to balance the slots between
# the splits without moving any earlier template from one split to the other.
MORE_DEV = (
    "Merci de prévenir {PP} que son dossier est complet.",
    "Le rapport de {PP:f} est à relire avant lundi.",
    "Réunion avec {PP:m} et {PN} sur le budget annexe de l'eau.",
    "Le marché hebdomadaire se tient désormais sur {PLACE:le}.",
    "Accident sans blessé ce matin sur {PLACE:le}, le service voirie est prévenu.",
    "Peux-tu relire la lettre de {P} avant que je l'envoie au préfet ?",
    "Le service juridique, {IA}, instruit les recours gracieux.",
    "L'entreprise (SIREN {SIREN}) est placée en redressement judiciaire depuis le {DATE:passe}.",
    "La collectivité, née le {DATE:passe} de la fusion de deux syndicats intercommunaux, gère "
    "l'eau potable.",
    "((Mon service|Notre pôle)) instruit les demandes d'allocation aux adultes handicapés.",
    "Le numéro de contrat {LUHN16} figure en haut à droite de la facture.",
)
MORE_TEST = (
    "Pouvez-vous transmettre à {P} le formulaire de demande d'aide ?",
    "Le dossier de {P} est bloqué depuis trois semaines, que faire ?",
    "{P} souhaite savoir si sa prime sera versée en décembre.",
    "J'ai reçu une réclamation de {P} concernant la cantine.",
    "Bénéficiaire : {PU}, montant : {AMOUNT}.",
    "Liste d'attente pour le logement de fonction : 1. {PU} ; 2. {PU}.",
    "Le paiement par la carte {CB} a été refusé à la billetterie.",
    "Voici ma carte pour réserver l'hôtel du séminaire : {CB}.",
    "Peux-tu contrôler la clé du NIR {NIR} ?",
    "{PN} a été muté à {CITY} au 1er septembre.",
    "[[Mon fils est diabétique|Ma fille est asthmatique|Mon mari est en dialyse=sante]], "
    "puis-je poser des jours pour enfant malade ou conjoint malade ?",
    "{PT:f} [[a subi une opération du genou|est en rééducation après un accident|est suivie "
    "pour une leucémie=sante]] et reprend en juin.",
    "Le plaignant affirme avoir été refusé à l'embauche [[parce qu'il est d'origine "
    "maghrébine|en raison de ses origines africaines|parce qu'il est rom=origine]].",
    "{PN:m} [[vit avec son compagnon depuis dix ans|a un petit ami|est homosexuel="
    "vie_sexuelle]] et veut se pacser : quelles démarches en mairie ?",
    "Mon chef [[est militant au RN|est adhérent LFI|soutient publiquement Reconquête="
    "opinion_politique]] et en parle au bureau.",
    "Le plan de la salle {INST:de} doit être revu avant la visite du préfet.",
    "Merci de renvoyer le formulaire signé au service des pensions, {IA}, avant le {DATE}.",
    "L'hôpital, né le {DATE:passe} de la fusion de deux établissements, recrute des infirmiers.",
    "((Notre direction|Le service|La collectivité)) accompagne les agents atteints de maladies "
    "chroniques grâce à un référent.",
    "Le contrat n° {LUHN16} a été résilié par le fournisseur d'énergie.",
    "Le code client {ORDER0} doit figurer sur chaque bon de livraison.",
    "Écrivez au délégué à la protection des données : {FMAIL}.",
    "La permanence juridique {INST:de} est ouverte le mardi, renseignements au {STD}.",
    "Les candidats devront produire un extrait de casier judiciaire de moins de ((trois|six)) "
    "mois.",
    "La fête de quartier aura lieu sur {PLACE:le} le {DATE}.",
)
MORE = {"dev": MORE_DEV, "test": MORE_TEST}


def template_split(index: int) -> str:
    return "test" if index % 5 in (1, 3) else "dev"


def templates() -> list[tuple[str, str, str]]:
    """(template id, split, template) for every template."""
    dealt = [
        (f"{family}-{i:02d}", template_split(i), template)
        for family, items in FAMILIES.items()
        for i, template in enumerate(items)
    ]
    placed = [
        (f"more_{split}-{i:02d}", split, template)
        for split, items in MORE.items()
        for i, template in enumerate(items)
    ]
    return dealt + placed


def _strip_fixed(template: str) -> str:
    # "2017" writes a fixed number through a slot-free path: see slot_N.
    return template.replace("{N:x}", "")


def generate(
    seed: int = SEED, renders: int = RENDERS_PER_TEMPLATE
) -> dict[str, list[dict[str, Any]]]:
    pools = {split: Pools.build(split) for split in SPLITS}
    out: dict[str, list[dict[str, Any]]] = {split: [] for split in SPLITS}
    seen: set[str] = set()
    for template_id, split, template in templates():
        family = template_id.rsplit("-", 1)[0]
        wanted = (
            FAMILY_RENDERS.get(family, renders) if renders == RENDERS_PER_TEMPLATE else renders
        )
        copies = wanted if _TOKEN.search(template) else 1
        made = 0
        for k in range(copies * 3):
            if made >= copies:
                break
            renderer = Renderer(pools[split], random.Random(f"{seed}:{template_id}:{k}"))
            renderer.render(template)
            row = renderer.row()
            if row["text"] in seen:
                continue
            seen.add(row["text"])
            row["split"] = split
            row["template"] = template_id
            out[split].append(row)
            made += 1
    return out


def write(out: dict[str, list[dict[str, Any]]], directory: Path = DATA) -> None:
    for split, rows in out.items():
        lines = [json.dumps(row, ensure_ascii=False) for row in rows]
        (directory / f"pii_{split}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def counts(rows: Sequence[dict[str, Any]]) -> dict[str, int]:
    result: dict[str, int] = {}
    for row in rows:
        for _start, _end, category in row["spans"]:
            result[category] = result.get(category, 0) + 1
    return result


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--renders", type=int, default=RENDERS_PER_TEMPLATE)
    parser.add_argument("--out", type=Path, default=DATA)
    args = parser.parse_args(argv)
    out = generate(args.seed, args.renders)
    write(out, args.out)
    for split, rows in out.items():
        personal = sum(1 for r in rows if r["spans"])
        print(f"{split}: {len(rows)} sentences, {personal} with personal data, {counts(rows)}")


if __name__ == "__main__":
    main()
