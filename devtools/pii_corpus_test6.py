"""Generate tests/data/pii_test6.jsonl: a sixth held-out set for the personal-data guard.

Written by an independent hand (issue 18) that did not read the guard (handlers/privacy), the
other generators (devtools/pii_corpus*.py) nor the other sets beyond their first lines. It
imports nothing from the project. Deterministic: a fixed seed, and only the name and address
lists that faker ships (read as data; faker's own random generator is not used).

Template syntax (see `render`):
- `{SLOT}`: a value from SLOTS (names, addresses, identifiers, and unlabelled traps);
- `[cat]` / `[cat.np]`: a phrase of the topic bank of an art. 9/10 category, labelled `cat`;
  `[cat:a|b|c]`: one of the given phrases, labelled `cat`;
- `⟨a|b|c⟩`: one of the phrases, not labelled;
- `⟪m|f⟫`: agreement with the first person's gender, `⟪2:m|f⟫` with the second person's.

    python -m devtools.pii_corpus_test6
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import faker
from faker.providers.address import fr_FR as address_fr_fr
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

MADE_WITH_FAKER = "40.63.0"
SEED = 6_2026_12_03
SPLIT = "test6"
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii_test6.jsonl"

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

Piece = tuple[str, str | None]  # (text, category or None)
Ctx = dict[str, Any]

# ---------------------------------------------------------------------------------------------
# Values: names

_WEST_AFRICAN = (
    "Diallo",
    "Traoré",
    "Koné",
    "Diop",
    "Ndiaye",
    "Sow",
    "Camara",
    "Keita",
    "Coulibaly",
    "Cissé",
    "Touré",
    "Sylla",
    "Bamba",
    "Konaté",
    "Diarra",
    "Fofana",
    "Sissoko",
    "Kanté",
    "Mbaye",
    "Faye",
    "Gueye",
    "Ba",
    "Sy",
    "Dembélé",
    "Doumbia",
    "Sangaré",
    "Kouyaté",
    "Niang",
    "Sarr",
    "Mendy",
)
_WEST_AFRICAN_M = (
    "Mamadou",
    "Moussa",
    "Ibrahima",
    "Oumar",
    "Seydou",
    "Bakary",
    "Boubacar",
    "Souleymane",
    "Cheikh",
    "Lamine",
    "Modibo",
    "Abdoulaye",
)
_WEST_AFRICAN_F = (
    "Aminata",
    "Fatoumata",
    "Awa",
    "Mariam",
    "Kadiatou",
    "Aïssatou",
    "Coumba",
    "Ramatoulaye",
    "Binta",
    "Khady",
    "Oumou",
    "Djeneba",
)


def _strip_accents(text: str) -> str:
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(
        c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn"
    )


class Origin:
    def __init__(
        self,
        surnames: Sequence[str],
        male: Sequence[str],
        female: Sequence[str],
        surname_weights: Sequence[float] | None = None,
        male_weights: Sequence[float] | None = None,
        female_weights: Sequence[float] | None = None,
    ) -> None:
        self.surnames = list(surnames)
        self.male = list(male)
        self.female = list(female)
        self.sw = list(surname_weights) if surname_weights else [1.0] * len(self.surnames)
        self.mw = list(male_weights) if male_weights else [1.0] * len(self.male)
        self.fw = list(female_weights) if female_weights else [1.0] * len(self.female)


def _origins() -> list[tuple[Origin, float]]:
    fr = fr_FR.Provider
    be = fr_BE.Provider
    fr_given_m = list(fr.first_names_male) + list(be.first_names_male)
    fr_given_f = list(fr.first_names_female) + list(be.first_names_female)
    fr_w_m = [30.0] * len(fr.first_names_male) + [
        float(v) / 100 for v in be.first_names_male.values()
    ]
    fr_w_f = [30.0] * len(fr.first_names_female) + [
        float(v) / 100 for v in be.first_names_female.values()
    ]
    french = Origin(
        fr.last_names,
        fr_given_m,
        fr_given_f,
        [1 / (rank + 1) ** 0.55 for rank in range(len(fr.last_names))],
        fr_w_m,
        fr_w_f,
    )
    belgian = Origin(
        list(be.last_names) + list(fr_CH.Provider.last_names) + list(fr_CA.Provider.last_names),
        list(fr_CA.Provider.first_names_male) + list(fr_CH.Provider.first_names_male),
        list(fr_CA.Provider.first_names_female) + list(fr_CH.Provider.first_names_female),
    )
    maghreb = Origin(
        fr_DZ.Provider.last_names,
        fr_DZ.Provider.first_names_male,
        fr_DZ.Provider.first_names_female,
    )
    portuguese = Origin(
        pt_PT.Provider.last_names,
        pt_PT.Provider.first_names_male,
        pt_PT.Provider.first_names_female,
    )
    southern = Origin(
        list(es_ES.Provider.last_names[:300]) + list(it_IT.Provider.last_names[:300]),
        list(es_ES.Provider.first_names_male[:150]) + list(it_IT.Provider.first_names_male[:150]),
        list(es_ES.Provider.first_names_female[:150])
        + list(it_IT.Provider.first_names_female[:150]),
    )
    african = Origin(_WEST_AFRICAN, _WEST_AFRICAN_M, _WEST_AFRICAN_F)
    turkish = Origin(
        tr_TR.Provider.last_names,
        tr_TR.Provider.first_names_male[:200],
        tr_TR.Provider.first_names_female[:200],
    )
    asian = Origin(
        [_strip_accents(n) for n in vi_VN.Provider.last_names],
        [_strip_accents(n) for n in vi_VN.Provider.first_names_male],
        [_strip_accents(n) for n in vi_VN.Provider.first_names_female],
    )
    return [
        (french, 0.76),
        (belgian, 0.03),
        (maghreb, 0.09),
        (portuguese, 0.03),
        (southern, 0.03),
        (african, 0.035),
        (turkish, 0.01),
        (asian, 0.015),
    ]


ORIGINS = _origins()


def _pick(rng: random.Random, values: Sequence[str], weights: Sequence[float]) -> str:
    return rng.choices(values, weights)[0]


def surname(rng: random.Random, origin: Origin) -> str:
    name = _pick(rng, origin.surnames, origin.sw)
    roll = rng.random()
    if roll < 0.06 and origin is ORIGINS[0][0] and " " not in name:
        particle = rng.choice(("de", "de la", "du", "Le", "d'"))
        if particle == "d'":
            return f"d'{name}" if name[0] in "AEIOUÉ" else f"de {name}"
        return f"{particle} {name}"
    if roll < 0.11:
        other = _pick(rng, origin.surnames, origin.sw)
        if other != name:
            return f"{name}-{other}"
    return name


def given(rng: random.Random, origin: Origin, gender: str) -> str:
    if rng.random() < 0.2:
        origin = ORIGINS[0][0]
    if gender == "m":
        name = _pick(rng, origin.male, origin.mw)
    else:
        name = _pick(rng, origin.female, origin.fw)
    if origin is ORIGINS[0][0] and "-" not in name and rng.random() < 0.07:
        base = "Jean" if gender == "m" else rng.choice(("Marie", "Anne"))
        if name not in (base,):
            name = f"{base}-{name}"
    return name


def person(rng: random.Random, gender: str) -> tuple[str, str]:
    origin = rng.choices([o for o, _ in ORIGINS], [w for _, w in ORIGINS])[0]
    return given(rng, origin, gender), surname(rng, origin)


CIVILITY = {
    "m": ("M.", "M.", "M.", "Monsieur", "Monsieur", "Mr", "m.", "Mr.", "monsieur"),
    "f": ("Mme", "Mme", "Mme", "Madame", "Madame", "mme", "Mme.", "madame", "Mlle"),
}
NEUTRAL_TITLES = ("Dr", "Dr", "Me", "Docteur", "Pr")


def name_pieces(rng: random.Random, gender: str, form: str = "any") -> list[Piece]:
    """A person's name in one of the forms agents write, with a civility outside the span."""
    first, last = person(rng, gender)
    if form == "any":
        form = rng.choices(
            (
                "full",
                "upper_first",
                "full_upper",
                "civ_last",
                "civ_full",
                "first",
                "last_first",
                "lower",
                "initial",
                "civ_upper",
            ),
            (22, 10, 7, 17, 10, 12, 5, 8, 4, 5),
        )[0]
    civ = rng.choice(CIVILITY[gender]) if rng.random() < 0.9 else rng.choice(NEUTRAL_TITLES)
    if form == "full":
        return [(f"{first} {last}", "personne")]
    if form == "upper_first":
        return [(f"{last.upper()} {first}", "personne")]
    if form == "full_upper":
        return [(f"{first} {last.upper()}", "personne")]
    if form == "civ_last":
        return [(civ + " ", None), (last, "personne")]
    if form == "civ_full":
        return [(civ + " ", None), (f"{first} {last}", "personne")]
    if form == "civ_upper":
        return [(civ + " ", None), (last.upper(), "personne")]
    if form == "first":
        return [(first, "personne")]
    if form == "last_first":
        return [(f"{last} {first}", "personne")]
    if form == "lower":
        return [(f"{first} {last}".lower(), "personne")]
    if form == "initial":
        if first[0] in "MD":  # "M. Dupont" would read as a civility
            return [(f"{first} {last}", "personne")]
        return [(f"{first[0]}. {last}", "personne")]
    raise ValueError(form)


# ---------------------------------------------------------------------------------------------
# Values: places

# Real communes with one of their real postcodes (metropolitan, overseas, Corsica).
COMMUNES = (
    ("Rennes", "35000"),
    ("Nantes", "44000"),
    ("Limoges", "87000"),
    ("Brest", "29200"),
    ("Pau", "64000"),
    ("Vannes", "56000"),
    ("Quimper", "29000"),
    ("Angers", "49000"),
    ("Tours", "37000"),
    ("Poitiers", "86000"),
    ("Niort", "79000"),
    ("La Rochelle", "17000"),
    ("Périgueux", "24000"),
    ("Agen", "47000"),
    ("Montauban", "82000"),
    ("Albi", "81000"),
    ("Rodez", "12000"),
    ("Aurillac", "15000"),
    ("Le Puy-en-Velay", "43000"),
    ("Clermont-Ferrand", "63000"),
    ("Vichy", "03200"),
    ("Nevers", "58000"),
    ("Auxerre", "89000"),
    ("Troyes", "10000"),
    ("Reims", "51100"),
    ("Charleville-Mézières", "08000"),
    ("Metz", "57000"),
    ("Nancy", "54000"),
    ("Épinal", "88000"),
    ("Colmar", "68000"),
    ("Mulhouse", "68100"),
    ("Besançon", "25000"),
    ("Lons-le-Saunier", "39000"),
    ("Bourg-en-Bresse", "01000"),
    ("Annecy", "74000"),
    ("Chambéry", "73000"),
    ("Grenoble", "38000"),
    ("Valence", "26000"),
    ("Privas", "07000"),
    ("Nîmes", "30000"),
    ("Montpellier", "34000"),
    ("Béziers", "34500"),
    ("Perpignan", "66000"),
    ("Carcassonne", "11000"),
    ("Foix", "09000"),
    ("Tarbes", "65000"),
    ("Auch", "32000"),
    ("Mont-de-Marsan", "40000"),
    ("Bayonne", "64100"),
    ("Arcachon", "33120"),
    ("Mérignac", "33700"),
    ("Angoulême", "16000"),
    ("Guéret", "23000"),
    ("Tulle", "19000"),
    ("Cahors", "46000"),
    ("Mende", "48000"),
    ("Gap", "05000"),
    ("Digne-les-Bains", "04000"),
    ("Avignon", "84000"),
    ("Aix-en-Provence", "13090"),
    ("Aubagne", "13400"),
    ("Toulon", "83000"),
    ("Fréjus", "83600"),
    ("Antibes", "06600"),
    ("Menton", "06500"),
    ("Saint-Étienne", "42000"),
    ("Roanne", "42300"),
    ("Villeurbanne", "69100"),
    ("Vénissieux", "69200"),
    ("Mâcon", "71000"),
    ("Chalon-sur-Saône", "71100"),
    ("Dijon", "21000"),
    ("Beaune", "21200"),
    ("Chartres", "28000"),
    ("Dreux", "28100"),
    ("Évreux", "27000"),
    ("Rouen", "76000"),
    ("Le Havre", "76600"),
    ("Dieppe", "76200"),
    ("Caen", "14000"),
    ("Lisieux", "14100"),
    ("Cherbourg-en-Cotentin", "50100"),
    ("Saint-Lô", "50000"),
    ("Alençon", "61000"),
    ("Laval", "53000"),
    ("Le Mans", "72000"),
    ("Saint-Brieuc", "22000"),
    ("Lorient", "56100"),
    ("Saint-Nazaire", "44600"),
    ("La Roche-sur-Yon", "85000"),
    ("Cholet", "49300"),
    ("Blois", "41000"),
    ("Orléans", "45000"),
    ("Bourges", "18000"),
    ("Châteauroux", "36000"),
    ("Amiens", "80000"),
    ("Beauvais", "60000"),
    ("Compiègne", "60200"),
    ("Laon", "02000"),
    ("Saint-Quentin", "02100"),
    ("Arras", "62000"),
    ("Lens", "62300"),
    ("Calais", "62100"),
    ("Dunkerque", "59140"),
    ("Roubaix", "59100"),
    ("Tourcoing", "59200"),
    ("Valenciennes", "59300"),
    ("Meaux", "77100"),
    ("Melun", "77000"),
    ("Évry-Courcouronnes", "91000"),
    ("Créteil", "94000"),
    ("Vitry-sur-Seine", "94400"),
    ("Montreuil", "93100"),
    ("Saint-Denis", "93200"),
    ("Aubervilliers", "93300"),
    ("Bobigny", "93000"),
    ("Nanterre", "92000"),
    ("Colombes", "92700"),
    ("Argenteuil", "95100"),
    ("Cergy", "95000"),
    ("Versailles", "78000"),
    ("Mantes-la-Jolie", "78200"),
    ("Sarcelles", "95200"),
    ("Villejuif", "94800"),
    ("Ivry-sur-Seine", "94200"),
    ("Paris", "75011"),
    ("Paris", "75018"),
    ("Paris", "75020"),
    ("Lyon", "69003"),
    ("Lyon", "69008"),
    ("Marseille", "13013"),
    ("Marseille", "13003"),
    ("Toulouse", "31200"),
    ("Bordeaux", "33800"),
    ("Lille", "59000"),
    ("Strasbourg", "67000"),
    ("Haguenau", "67500"),
    ("Thionville", "57100"),
    ("Forbach", "57600"),
    ("Saint-Dié-des-Vosges", "88100"),
    ("Vesoul", "70000"),
    ("Belfort", "90000"),
    ("Montbéliard", "25200"),
    ("Pontarlier", "25300"),
    ("Plouguerneau", "29880"),
    ("Lamballe-Armor", "22400"),
    ("Saint-Pol-de-Léon", "29250"),
    ("Lannion", "22300"),
    ("Pontivy", "56300"),
    ("Redon", "35600"),
    ("Fougères", "35300"),
)
OVERSEAS = (
    ("Pointe-à-Pitre", "97110"),
    ("Les Abymes", "97139"),
    ("Baie-Mahault", "97122"),
    ("Le Gosier", "97190"),
    ("Basse-Terre", "97100"),
    ("Fort-de-France", "97200"),
    ("Le Lamentin", "97232"),
    ("Schœlcher", "97233"),
    ("Le Robert", "97231"),
    ("Cayenne", "97300"),
    ("Kourou", "97310"),
    ("Saint-Laurent-du-Maroni", "97320"),
    ("Matoury", "97351"),
    ("Saint-Denis", "97400"),
    ("Saint-Pierre", "97410"),
    ("Le Tampon", "97430"),
    ("Saint-Paul", "97460"),
    ("Saint-André", "97440"),
    ("Le Port", "97420"),
    ("Mamoudzou", "97600"),
    ("Koungou", "97690"),
    ("Dzaoudzi", "97615"),
    ("Sada", "97640"),
)
CORSICA = (
    ("Ajaccio", "20000"),
    ("Ajaccio", "20090"),
    ("Bastia", "20200"),
    ("Bastia", "20600"),
    ("Porto-Vecchio", "20137"),
    ("Corte", "20250"),
    ("Calvi", "20260"),
    ("Propriano", "20110"),
    ("Sartène", "20100"),
    ("L'Île-Rousse", "20220"),
    ("Biguglia", "20620"),
    ("Bonifacio", "20169"),
    ("Ghisonaccia", "20240"),
    ("Borgo", "20290"),
)

STREET_TYPES = (
    ("rue", 48),
    ("avenue", 8),
    ("chemin", 10),
    ("impasse", 6),
    ("allée", 5),
    ("place", 3),
    ("boulevard", 3),
    ("route", 6),
    ("résidence", 2),
    ("lotissement", 2),
    ("square", 1),
    ("passage", 1),
    ("cours", 1),
    ("quai", 1),
    ("sentier", 1),
    ("voie", 1),
    ("traverse", 1),
    ("montée", 1),
    ("hameau", 1),
    ("rond-point", 1),
)
STREET_NAMES = (
    "des Lilas",
    "du Moulin",
    "de la Gare",
    "des Écoles",
    "du Stade",
    "des Peupliers",
    "de la Mairie",
    "du Château d'Eau",
    "des Acacias",
    "de l'Église",
    "des Tilleuls",
    "du Lavoir",
    "de la Source",
    "des Prés",
    "des Vergers",
    "du Bois Joli",
    "de la Fontaine aux Loups",
    "des Cerisiers",
    "du Pressoir",
    "de Bellevue",
    "des Genêts",
    "des Hirondelles",
    "du Petit Pont",
    "de la Croix Blanche",
    "des Chênes",
    "du Port",
    "de la Paix",
    "du 8 Mai 1945",
    "du 11 Novembre",
    "des Mésanges",
    "de la Tuilerie",
    "des Glycines",
    "des Cordiers",
    "du Four à Chaux",
    "des Jardins",
    "de Verdun",
    "de la Libération",
    "des Coquelicots",
    "de la Chapelle",
    "du Puits",
    "des Sablons",
    "des Mimosas",
    "des Flamboyants",
    "des Manguiers",
    "de la Ravine",
    "des Cocotiers",
    "du Maquis",
)
EPONYMS = (
    "Jean Jaurès",
    "Victor Hugo",
    "Jean Moulin",
    "Pasteur",
    "Gambetta",
    "Émile Zola",
    "Jules Ferry",
    "Charles de Gaulle",
    "Georges Clemenceau",
    "Marie Curie",
    "Simone Veil",
    "Aristide Briand",
    "Léon Blum",
    "Pierre Mendès France",
    "Lucie Aubrac",
    "Jacques Prévert",
    "Louise Michel",
    "Jean-Baptiste Clément",
    "Voltaire",
    "Anatole France",
    "Paul Éluard",
    "Olympe de Gouges",
    "Gustave Eiffel",
    "Frédéric Mistral",
    "Albert Camus",
    "Salvador Allende",
    "Nelson Mandela",
    "Rosa Parks",
    "Joséphine Baker",
    "Aimé Césaire",
    "Gisèle Halimi",
    "Germaine Tillion",
    "Jean Monnet",
    "Robert Schuman",
    "Antoine de Saint-Exupéry",
    "Colette",
    "George Sand",
    "Hector Berlioz",
    "Maréchal Leclerc",
    "Général Leclerc",
    "Maréchal Foch",
    "Président Wilson",
    "Président Kennedy",
    "Abbé Pierre",
    "Condorcet",
)
LIEUX_DITS = (
    "lieu-dit Les Granges",
    "lieu-dit La Métairie",
    "lieu-dit Kerbiriou",
    "lieu-dit Le Bourg",
    "hameau de Champfleury",
    "lieu-dit Les Essarts",
    "La Borie Haute",
    "lieu-dit Pen Ar Hoat",
    "lieu-dit La Croix du Sud",
    "Mas de la Garrigue",
    "Domaine des Aulnes",
)
RESIDENCES = (
    "Résidence Les Jardins d'Arcadie",
    "Résidence du Parc",
    "Résidence Le Clos Fleuri",
    "Cité des Cheminots",
    "Résidence Les Terrasses du Lac",
    "Résidence Les Alizés",
    "Résidence Bel Air",
    "Cité Lumière",
    "Résidence Les Balcons de la Loire",
)


def commune(rng: random.Random) -> tuple[str, str]:
    roll = rng.random()
    if roll < 0.12:
        return rng.choice(OVERSEAS)
    if roll < 0.21:
        return rng.choice(CORSICA)
    if roll < 0.88:
        return rng.choice(COMMUNES)
    # built the way faker fr_FR builds town names, with a department postcode
    provider = address_fr_fr.Provider
    base = rng.choice(("Saint-Martin", "Villeneuve", "Fontaine", "Montigny", "Beaumont"))
    suffix = rng.choice(provider.city_suffixes)
    town = f"{base}{suffix if suffix.startswith('-') else suffix.lower()}"
    dept = rng.choice([d for d, _ in provider.departments if len(d) == 2 and d not in ("20",)])
    return town, f"{dept}{rng.randint(0, 9)}{rng.randint(0, 9)}0"


def street(rng: random.Random, eponym: bool | None = None) -> str:
    kind = _pick(rng, [t for t, _ in STREET_TYPES], [w for _, w in STREET_TYPES])
    if kind in ("résidence", "lotissement", "hameau"):
        kind = "rue"
    if eponym is None:
        eponym = rng.random() < 0.35
    if eponym:
        who = rng.choice(EPONYMS)
        return f"{kind} {who}"
    return f"{kind} {rng.choice(STREET_NAMES)}"


def number(rng: random.Random) -> str:
    n = str(
        rng.choices((rng.randint(1, 40), rng.randint(41, 250), rng.randint(251, 1200)), (6, 3, 1))[
            0
        ]
    )
    roll = rng.random()
    if roll < 0.10:
        n += rng.choice((" bis", " ter", "bis", " BIS", " quater", "B", " A"))
    return n


def address_text(rng: random.Random, style: str = "any") -> str:
    """A personal address as one string (may hold line breaks)."""
    town, postcode = commune(rng)
    if style == "any":
        style = rng.choices(
            (
                "line",
                "comma",
                "nonum",
                "bp",
                "lieudit",
                "resid",
                "multi",
                "upper",
                "cedex_home",
                "apt",
                "short",
            ),
            (28, 14, 8, 5, 6, 7, 12, 5, 2, 7, 6),
        )[0]
    st = street(rng)
    n = number(rng)
    if style == "line":
        return f"{n} {st} {postcode} {town}"
    if style == "comma":
        return f"{n}, {st}, {postcode} {town}"
    if style == "nonum":
        return f"{st}, {postcode} {town}"
    if style == "bp":
        box = rng.choice(("BP", "B.P.", "boîte postale", "BP"))
        return f"{box} {rng.randint(1, 999)}, {postcode} {town}"
    if style == "lieudit":
        return f"{rng.choice(LIEUX_DITS)}, {postcode} {town}"
    if style == "resid":
        res = rng.choice(RESIDENCES)
        bat = rng.choice(("bât. C", "bâtiment B", "Bat 4", "escalier 2", "bât A2"))
        apt = rng.choice(("appt 12", "apt 204", "appartement 31", "porte 5", "logement 118"))
        return f"{res}, {bat}, {apt}, {n} {st}, {postcode} {town}"
    if style == "multi":
        sep = rng.choice(("\n", "\n", " - ", " / "))
        return f"{n} {st}{sep}{postcode} {town.upper() if rng.random() < 0.5 else town}"
    if style == "upper":
        return f"{n} {st} {postcode} {town}".upper()
    if style == "cedex_home":
        return f"{rng.choice(LIEUX_DITS)}, BP {rng.randint(1, 99)}, {postcode} {town} Cedex"
    if style == "apt":
        apt = rng.choice(("Apt 3", "appt. 21", "3e étage gauche", "chez M. et Mme Lebon"))
        if apt.startswith("chez"):
            apt = "2e étage"
        return f"{n} {st}, {apt}, {postcode} {town}"
    if style == "short":
        return f"{n} {st}, {town}"
    raise ValueError(style)


def office_address(rng: random.Random) -> str:
    """An administration's postal address (not personal)."""
    town, postcode = rng.choice(COMMUNES + OVERSEAS + CORSICA)
    st = street(rng, eponym=rng.random() < 0.7)
    forms = (
        f"{number(rng)} {st}, CS {rng.randint(10000, 99999)}, {postcode} {town.upper()} CEDEX",
        f"{number(rng)} {st} - {postcode} {town}",
        f"{number(rng)}, {st}\n{postcode} {town} Cedex {rng.randint(1, 9)}",
        f"BP {rng.randint(10, 900)} - {postcode} {town} Cedex",
    )
    return rng.choice(forms)


# ---------------------------------------------------------------------------------------------
# Values: identifiers


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def nir(rng: random.Random, gender: str | None = None) -> str:
    sex = "1" if (gender or rng.choice("mf")) == "m" else "2"
    yy = f"{rng.randint(50, 99) if rng.random() < 0.7 else rng.randint(0, 5):02d}"
    mm = f"{rng.randint(1, 12):02d}"
    roll = rng.random()
    if roll < 0.1:
        dept, comm = rng.choice(("2A", "2B")), f"{rng.randint(1, 366):03d}"
    elif roll < 0.2:
        dept, comm = rng.choice(("971", "972", "973", "974", "976")), f"{rng.randint(1, 60):02d}"
    elif roll < 0.28:
        dept, comm = "99", rng.choice(("350", "351", "352", "139", "134", "127", "331"))
    else:
        dept = f"{rng.choice([d for d in range(1, 96) if d != 20]):02d}"
        comm = f"{rng.randint(1, 700):03d}"
    order = f"{rng.randint(1, 999):03d}"
    body = sex + yy + mm + dept + comm + order
    numeric = int(body.replace("2A", "19").replace("2B", "18"))
    key = f"{97 - numeric % 97:02d}"
    form = rng.randint(0, 3)
    if form == 0:
        return body + key
    if form == 1:
        return f"{sex} {yy} {mm} {dept} {comm} {order} {key}"
    if form == 2:
        return f"{sex}{yy}{mm}{dept}{comm}{order} {key}"
    return f"{sex} {yy} {mm} {dept} {comm} {order}  {key}".replace("  ", " ")


def _iban_check(country: str, bban: str) -> str:
    raw = bban + country + "00"
    numeric = int("".join(str(int(c, 36)) for c in raw))
    return f"{98 - numeric % 97:02d}"


def iban(rng: random.Random) -> str:
    country = rng.choices(("FR", "BE", "DE", "ES", "PT", "IT", "LU"), (75, 6, 5, 4, 4, 3, 3))[0]
    if country == "FR":
        bank, branch, account = _digits(rng, 5), _digits(rng, 5), _digits(rng, 11)
        key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
        bban = f"{bank}{branch}{account}{key:02d}"
    elif country == "BE":
        first = _digits(rng, 10)
        bban = f"{first}{int(first) % 97 or 97:02d}"
    elif country == "DE":
        bban = _digits(rng, 18)
    elif country == "ES":
        bban = _digits(rng, 20)
    elif country == "PT":
        bban = _digits(rng, 21)
    elif country == "IT":
        bban = rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") + _digits(rng, 22)
    else:
        bban = _digits(rng, 3) + _digits(rng, 13)
    code = country + _iban_check(country, bban) + bban
    if rng.random() < 0.7:
        return " ".join(code[i : i + 4] for i in range(0, len(code), 4))
    return code


def luhn_complete(partial: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return partial + str((10 - total % 10) % 10)


def luhn_ok(digits: str) -> bool:
    return luhn_complete(digits[:-1]) == digits


def card(rng: random.Random) -> str:
    kind = rng.choices(("visa", "mc", "amex", "cb"), (5, 3, 1, 2))[0]
    if kind == "amex":
        num = luhn_complete(rng.choice(("34", "37")) + _digits(rng, 12))
        return f"{num[:4]} {num[4:10]} {num[10:]}"
    prefix = {"visa": "4", "cb": "49", "mc": rng.choice(("51", "53", "55", "2221", "2720"))}[kind]
    num = luhn_complete(prefix + _digits(rng, 15 - len(prefix)))
    sep = rng.choice((" ", " ", "-", "", " "))
    return sep.join(num[i : i + 4] for i in range(0, 16, 4))


def phone(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.55:
        head = rng.choice(("06", "07"))
    elif roll < 0.68:
        head = rng.choice(("0690", "0691", "0696", "0694", "0692", "0693", "0639"))
    else:
        head = rng.choice(("01", "02", "03", "04", "05", "09"))
    digits = head + _digits(rng, 10 - len(head))
    form = rng.choices(
        ("space", "dot", "plain", "intl", "intl_plain", "dash"), (40, 15, 15, 15, 8, 7)
    )[0]
    pairs = [digits[i : i + 2] for i in range(0, 10, 2)]
    if form == "space":
        return " ".join(pairs)
    if form == "dot":
        return ".".join(pairs)
    if form == "plain":
        return digits
    if form == "intl":
        return "+33 " + digits[1] + " " + " ".join(pairs[1:])
    if form == "intl_plain":
        return "+33" + digits[1:]
    return "-".join(pairs)


MAIL_HOSTS = (
    "gmail.com",
    "orange.fr",
    "free.fr",
    "laposte.net",
    "hotmail.fr",
    "yahoo.fr",
    "wanadoo.fr",
    "sfr.fr",
    "outlook.fr",
    "icloud.com",
    "protonmail.com",
)
WORK_HOSTS = (
    "interieur.gouv.fr",
    "finances.gouv.fr",
    "ac-rennes.fr",
    "ac-creteil.fr",
    "justice.fr",
    "ville-limoges.fr",
    "agglo-pau.fr",
    "loire-atlantique.fr",
    "ars.sante.fr",
    "developpement-durable.gouv.fr",
    "ofb.gouv.fr",
    "gendarmerie.interieur.gouv.fr",
    "cd29.fr",
    "mairie-cayenne.fr",
    "isere.fr",
    "aphp.fr",
    "francetravail.fr",
)


def _slug(text: str) -> str:
    text = _strip_accents(text).lower().replace(" ", "").replace("'", "")
    return re.sub(r"[^a-z-]", "", text)


def email(rng: random.Random, work: bool | None = None) -> str:
    first, last = person(rng, rng.choice("mf"))
    f, s = _slug(first), _slug(last)
    if work is None:
        work = rng.random() < 0.45
    if work:
        return f"{f}.{s}@{rng.choice(WORK_HOSTS)}"
    form = rng.randint(0, 5)
    local = (
        f"{f}.{s}",
        f"{f[0]}{s}",
        f"{s}.{f}{rng.randint(1, 99)}",
        f"{f}{s}{rng.randint(60, 99)}",
        f"{f}_{s}",
        f"{f}-{s[:3]}",
    )[form]
    return f"{local}@{rng.choice(MAIL_HOSTS)}"


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


def birth_date(rng: random.Random) -> str:
    y, m, d = rng.randint(1954, 2006), rng.randint(1, 12), rng.randint(1, 28)
    form = rng.choices(range(8), (30, 8, 15, 6, 8, 8, 5, 5))[0]
    if form == 0:
        return f"{d:02d}/{m:02d}/{y}"
    if form == 1:
        return f"{d:02d}.{m:02d}.{y}"
    if form == 2:
        return f"{'1er' if d == 1 else d} {MONTHS[m - 1]} {y}"
    if form == 3:
        return f"{y}-{m:02d}-{d:02d}"
    if form == 4:
        return f"{d:02d}/{m:02d}/{y % 100:02d}"
    if form == 5:
        return f"{d}/{m}/{y}"
    if form == 6:
        return f"{d:02d}-{m:02d}-{y}"
    short = (
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
    )
    return f"{d} {short[m - 1]} {y}"


def some_date(rng: random.Random) -> str:
    y, m, d = rng.randint(2015, 2027), rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice((f"{d:02d}/{m:02d}/{y}", f"{d} {MONTHS[m - 1]} {y}", f"{d:02d}.{m:02d}.{y}"))


def siret(rng: random.Random) -> str:
    siren = luhn_complete(_digits(rng, 8))
    full = luhn_complete(siren + _digits(rng, 4))
    return rng.choice((full, f"{full[:3]} {full[3:6]} {full[6:9]} {full[9:]}"))


def file_number(rng: random.Random) -> str:
    """A 16-digit file number that passes Luhn (not a card)."""
    return luhn_complete(str(rng.randint(2018, 2026)) + _digits(rng, 11))


def order_number(rng: random.Random) -> str:
    return "0" + _digits(rng, 9)


def switchboard(rng: random.Random) -> str:
    return rng.choice(
        (
            f"01 {rng.randint(40, 58)} {_digits(rng, 2)} {_digits(rng, 2)} 00",
            f"0{rng.randint(1, 5)} {_digits(rng, 2)} {_digits(rng, 2)} {_digits(rng, 2)} 00",
            "3939",
            "3949",
            "39 46",
            "0 800 130 000",
            "17",
            "115",
            "3919",
            "0 806 000 245",
            f"0{rng.randint(1, 5)}.{_digits(rng, 2)}.{_digits(rng, 2)}.10.10",
        )
    )


FUNCTIONAL = (
    "accueil",
    "contact",
    "drh",
    "rh-paie",
    "secretariat.general",
    "dsi-support",
    "courrier",
    "marches-publics",
    "recrutement",
    "etat-civil",
    "urbanisme",
    "ne-pas-repondre",
    "communication",
    "formation",
    "prefecture",
    "pref-etrangers",
    "assistance.sirh",
)


def functional_mail(rng: random.Random) -> str:
    host = rng.choice((*WORK_HOSTS, "mairie-brest.fr", "pays-de-la-loire.fr", "cnam.fr"))
    return f"{rng.choice(FUNCTIONAL)}@{host}"


# ---------------------------------------------------------------------------------------------
# Topic phrases. The subject is written by the template; `⟪m|f⟫` agrees with its gender.
# "vp" banks follow a subject ("X est ..."), "np" banks are noun phrases ("à cause de ...").

BANKS: dict[str, tuple[str, ...]] = {
    "sante": (
        "est en arrêt pour un burn-out",
        "a un cancer du sein",
        "est diabétique de type 1",
        "suit une chimiothérapie",
        "sort d'une hospitalisation en psychiatrie",
        "est enceinte de cinq mois",
        "souffre d'une dépression sévère",
        "est sous antidépresseurs",
        "s'est fait opérer du genou",
        "est en mi-temps thérapeutique",
        "a une sclérose en plaques",
        "est séropositi⟪f|ve⟫",
        "a fait un AVC en mars",
        "est en ALD pour son cœur",
        "fait des crises d'épilepsie",
        "est bipolaire",
        "est en cure de désintox pour l'alcool",
        "est malentendant⟪|e⟫ appareillé⟪|e⟫",
        "est en congé de longue maladie",
        "est dyslexique et a besoin d'un tiers temps",
        "a la maladie de Crohn",
        "a été reconnu⟪|e⟫ travailleur handicapé",
        "fait une rechute de son lymphome",
        "a des attaques de panique au bureau",
        "est atteint⟪|e⟫ de Parkinson",
        "est en fauteuil roulant depuis son accident",
        "a un trouble du spectre autistique",
        "fait de l'hypertension",
        "a une hernie discale qui l'empêche de porter",
        "sort d'une fausse couche",
        "suit une dialyse trois fois par semaine",
    ),
    "sante.np": (
        "son burn-out",
        "sa chimio",
        "son diabète",
        "sa dépression",
        "son cancer",
        "sa grossesse",
        "son opération de la hanche",
        "sa RQTH",
        "son arrêt maladie pour lombalgie",
        "ses séances de dialyse",
        "son traitement contre l'anxiété",
        "sa sclérose en plaques",
        "son hospitalisation en psychiatrie",
        "sa maladie de Crohn",
        "son infarctus",
    ),
    "religion": (
        "est musulman⟪|e⟫ pratiquant⟪|e⟫",
        "fait le ramadan",
        "est ⟪juif|juive⟫",
        "ne travaille pas le samedi à cause du shabbat",
        "⟪porte la kippa|porte le voile⟫",
        "⟪porte une kippa au travail|porte un foulard islamique⟫",
        "est catholique pratiquant⟪|e⟫",
        "va à la messe tous les dimanches",
        "est protestant⟪|e⟫",
        "s'est converti⟪|e⟫ à l'islam",
        "est témoin de Jéhovah",
        "est bouddhiste",
        "demande son après-midi pour Yom Kippour",
        "pose un jour pour l'Aïd el-Kébir",
        "fait sa prière dans le local d'archives",
        "est athée convaincu⟪|e⟫",
        "fréquente une église évangélique",
        "est parti⟪|e⟫ à La Mecque pour le hadj",
        "est orthodoxe et fête Noël le 7 janvier",
        "est sikh et porte le turban",
        "va à la mosquée le vendredi",
        "est baptisé⟪|e⟫ depuis l'an dernier",
        "refuse de serrer la main aux femmes pour raisons religieuses",
        "jeûne pour le carême",
        "est hindou⟪|e⟫",
        "est ⟪diacre|catéchiste⟫ dans sa paroisse",
        "est adventiste",
    ),
    "religion.np": (
        "sa foi musulmane",
        "sa conversion au judaïsme",
        "sa pratique du ramadan",
        "⟪sa kippa|son voile⟫",
        "⟪son turban sikh|son foulard⟫",
        "sa confession protestante",
        "son appartenance aux témoins de Jéhovah",
        "sa prière du vendredi",
        "ses convictions religieuses",
        "son pèlerinage à Lourdes",
        "sa religion",
        "son baptême à l'église évangélique",
    ),
    "opinion_politique": (
        "est encarté⟪|e⟫ au PS",
        "milite à LFI",
        "vote RN depuis des années",
        "est adhérent⟪|e⟫ chez Les Écologistes",
        "était candidat⟪|e⟫ sur une liste aux municipales",
        "est membre des Républicains",
        "est proche de l'extrême droite",
        "est communiste",
        "soutient Reconquête",
        "est anarchiste",
        "colle des affiches pour Renaissance",
        "est gaulliste de la première heure",
        "est royaliste",
        "a sa carte au PCF",
        "est sympathisant⟪|e⟫ macroniste",
        "est très à gauche",
        "tracte pour le MoDem le dimanche",
        "est militant⟪|e⟫ insoumis⟪|e⟫",
        "est délégué⟪|e⟫ de circonscription d'Horizons",
        "vote écolo",
        "est souverainiste",
        "a signé la pétition de soutien à Zemmour",
        "est élu⟪|e⟫ d'opposition au conseil municipal",
        "milite chez les Jeunes Républicains",
        "se revendique d'extrême gauche",
        "est trotskiste",
    ),
    "opinion_politique.np": (
        "son engagement au PS",
        "sa carte au RN",
        "son militantisme chez LFI",
        "ses idées d'extrême droite",
        "ses opinions politiques",
        "son adhésion à Renaissance",
        "sa candidature aux municipales sur la liste écologiste",
        "son soutien à Reconquête",
        "son passé de militant⟪|e⟫ communiste",
        "ses convictions gaullistes",
    ),
    "syndicat": (
        "est syndiqué⟪|e⟫ à la CGT",
        "est élu⟪|e⟫ FO au CSA",
        "est délégué⟪|e⟫ syndical⟪|e⟫ CFDT",
        "est adhérent⟪|e⟫ de SUD",
        "représente l'UNSA en CAP",
        "est à la FSU",
        "a sa carte à la CFE-CGC",
        "est secrétaire de la section CGT",
        "a rejoint Solidaires",
        "est déchargé⟪|e⟫ pour son mandat syndical",
        "a pris sa carte chez FO",
        "milite au SNES",
        "est mandaté⟪|e⟫ par la CFTC",
        "siège pour la CGT en formation spécialisée",
        "pose des heures de délégation syndicale",
        "est trésori⟪er|ère⟫ du syndicat local",
        "est militant⟪|e⟫ syndical⟪|e⟫ depuis vingt ans",
        "est permanent⟪|e⟫ syndical⟪|e⟫",
        "tient la permanence de la CFDT",
        "a été désigné⟪|e⟫ représentant⟪|e⟫ de section syndicale",
        "est encarté⟪|e⟫ à l'UNSA",
        "est dans le bureau du SGEN-CFDT",
    ),
    "syndicat.np": (
        "son mandat CGT",
        "son adhésion à FO",
        "son activité syndicale",
        "sa carte CFDT",
        "ses heures de délégation syndicale",
        "son engagement à SUD",
        "sa décharge syndicale",
        "son appartenance à la FSU",
        "son rôle de délégué⟪|e⟫ UNSA",
    ),
    "origine": (
        "est d'origine marocaine",
        "est d'origine algérienne",
        "a des parents sénégalais",
        "est issu⟪|e⟫ de la communauté gitane",
        "est rom",
        "est d'origine vietnamienne",
        "est noir⟪|e⟫",
        "est maghrébin⟪|e⟫",
        "est métis⟪|se⟫",
        "vient de la communauté turque",
        "a des origines comoriennes",
        "est kabyle",
        "est d'origine malienne",
        "est issu⟪|e⟫ de l'immigration portugaise",
        "fait partie de la communauté arménienne",
        "est d'origine chinoise",
        "est tzigane",
        "est peul⟪|e⟫",
        "a des origines tamoules",
        "est d'ascendance haïtienne",
        "est d'origine ivoirienne",
        "est beur⟪|ette⟫",
        "est de type africain",
        "est d'origine kurde",
        "a la peau noire",
    ),
    "origine.np": (
        "ses origines marocaines",
        "son origine ethnique",
        "ses racines kabyles",
        "son appartenance à la communauté rom",
        "ses origines africaines",
        "sa couleur de peau",
        "son origine comorienne",
        "ses origines asiatiques",
        "son ascendance antillaise",
    ),
    "vie_sexuelle": (
        "est homosexuel⟪|le⟫",
        "est ⟪gay|lesbienne⟫",
        "est bisexuel⟪|le⟫",
        "est bi",
        "vit avec ⟪son compagnon|sa compagne⟫",
        "est pacsé⟪|e⟫ avec ⟪un homme|une femme⟫",
        "s'est marié⟪|e⟫ avec ⟪un homme|une femme⟫ cet été",
        "a fait son coming out",
        "a fait son coming-out devant toute l'équipe",
        "est en couple avec ⟪un homme|une femme⟫",
        "a une liaison avec ⟪un collègue marié|une collègue mariée⟫",
        "trompe ⟪sa femme|son mari⟫",
        "est ⟪un homme trans|une femme trans⟫",
        "est en transition de genre",
        "a changé de prénom et de sexe à l'état civil",
        "se dit non binaire",
        "est asexuel⟪|le⟫",
        "est queer",
        "⟪a eu un bébé par GPA avec son mari|a eu un bébé par PMA avec sa compagne⟫",
        "vit maritalement avec ⟪un homme|une femme⟫",
        "se dit attiré⟪|e⟫ par les ⟪hommes|femmes⟫",
        "est pansexuel⟪|le⟫",
        "a un amant",
        "a des relations avec plusieurs partenaires",
        "fréquente les saunas gays",
        "va se marier avec ⟪son compagnon|sa compagne⟫ en juin",
    ),
    "vie_sexuelle.np": (
        "son homosexualité",
        "sa bisexualité",
        "son coming out",
        "⟪son mari|sa femme⟫",
        "⟪son compagnon|sa compagne⟫",
        "⟪son conjoint|sa conjointe⟫",
        "sa transition de genre",
        "son orientation sexuelle",
        "sa vie sexuelle",
        "sa liaison extraconjugale",
        "⟪son époux|son épouse⟫",
        "⟪son petit ami|sa petite amie⟫",
        "son changement de sexe",
    ),
    "vie_sexuelle.partner": (
        "⟪son compagnon|sa compagne⟫",
        "⟪son mari|sa femme⟫",
        "⟪son conjoint|sa conjointe⟫",
        "⟪son époux|son épouse⟫",
        "⟪son petit ami|sa petite amie⟫",
        "⟪son partenaire|sa partenaire⟫",
        "⟪son concubin|sa concubine⟫",
        "⟪son fiancé|sa fiancée⟫",
        "⟪son chéri|sa chérie⟫",
    ),
    "vie_sexuelle.of": (
        "⟪le compagnon|la compagne⟫",
        "⟪le mari|la femme⟫",
        "⟪le conjoint|la conjointe⟫",
        "⟪l'époux|l'épouse⟫",
        "⟪le petit ami|la petite amie⟫",
        "⟪le partenaire de PACS|la partenaire de PACS⟫",
        "⟪le concubin|la concubine⟫",
        "⟪le fiancé|la fiancée⟫",
    ),
    "genetique_biometrie": (
        "est porteu⟪r|se⟫ de la mutation BRCA2",
        "a fait un test ADN de paternité",
        "a donné ses empreintes digitales pour la pointeuse",
        "a un profil génétique à risque",
        "a fait séquencer son génome",
        "a une anomalie du caryotype",
        "a fait enregistrer son iris pour l'accès au data center",
        "a enregistré son empreinte palmaire sur le lecteur",
        "est porteu⟪r|se⟫ du gène de Huntington",
        "a transmis ses résultats de test génétique",
        "s'est fait scanner le visage pour le badge",
        "a une prédisposition génétique au diabète selon son test",
        "a déposé son empreinte vocale pour l'authentification",
        "a fait un test ADN ancestral",
        "a un réseau veineux enregistré sur le contrôle d'accès",
        "a refusé de donner son gabarit biométrique",
    ),
    "genetique_biometrie.np": (
        "ses empreintes digitales",
        "son test ADN",
        "son profil ADN",
        "son gabarit biométrique",
        "son scan de l'iris",
        "ses résultats génétiques",
        "le résultat de son test BRCA",
        "son empreinte faciale",
        "son empreinte vocale",
        "son caryotype",
        "son séquençage génétique",
        "la photo biométrique de son visage stockée dans la pointeuse",
    ),
    "infraction": (
        "a été condamné⟪|e⟫ pour vol",
        "a un casier judiciaire",
        "a été placé⟪|e⟫ en garde à vue",
        "a perdu tous ses points de permis",
        "a été flashé⟪|e⟫ à 152 km/h",
        "est sous contrôle judiciaire",
        "a fait de la prison",
        "a été contrôlé⟪|e⟫ positif à l'alcool au volant",
        "a pris une amende pour excès de vitesse",
        "a été mis⟪|e⟫ en examen pour détournement de fonds",
        "est visé⟪|e⟫ par une plainte pour harcèlement",
        "a été interpellé⟪|e⟫ pour trafic de stupéfiants",
        "porte un bracelet électronique",
        "a pris six mois avec sursis",
        "a été condamné⟪|e⟫ pour violences conjugales",
        "a eu une suspension de permis pour alcoolémie",
        "a été verbalisé⟪|e⟫ pour conduite sans assurance",
        "a été reconnu⟪|e⟫ coupable de fraude aux prestations",
        "est fiché⟪|e⟫ au FIJAIS",
        "a fait un TIG",
        "a été arrêté⟪|e⟫ pour vol à l'étalage",
        "a un sursis probatoire",
        "a été condamné⟪|e⟫ pour outrage à agent",
    ),
    "infraction.np": (
        "sa condamnation pour vol",
        "sa garde à vue",
        "son casier judiciaire",
        "son retrait de permis",
        "sa mise en examen",
        "son excès de vitesse",
        "son contrôle d'alcoolémie positif",
        "sa peine avec sursis",
        "sa détention provisoire",
        "ses antécédents judiciaires",
        "sa comparution immédiate",
        "sa condamnation pour escroquerie",
    ),
}


# ---------------------------------------------------------------------------------------------
# Slots: each returns pieces (text, category or None).


def _name_slot(which: str, form: str = "any") -> Callable[[random.Random, Ctx], list[Piece]]:
    def slot(rng: random.Random, ctx: Ctx) -> list[Piece]:
        f = form
        if f == "fullish":
            f = rng.choice(("full", "full", "upper_first", "full_upper", "lower", "last_first"))
        elif f == "titled":
            f = rng.choice(("civ_last", "civ_last", "civ_full", "civ_upper"))
        return name_pieces(rng, ctx[which], f)

    return slot


def _one(
    fn: Callable[[random.Random], str], cat: str | None
) -> Callable[[random.Random, Ctx], list[Piece]]:
    def slot(rng: random.Random, ctx: Ctx) -> list[Piece]:
        return [(fn(rng), cat)]

    return slot


PLACES_M = (
    "lycée",
    "collège",
    "groupe scolaire",
    "gymnase",
    "centre hospitalier",
    "stade",
    "centre social",
    "parc",
    "complexe sportif",
    "conservatoire",
    "foyer-logement",
)
PLACES_F = (
    "médiathèque",
    "salle",
    "piscine",
    "maison de quartier",
    "crèche",
    "caserne",
    "cité administrative",
    "halle",
    "maison de santé",
    "résidence autonomie",
)


def _eponym_place(rng: random.Random, kinds: Sequence[str]) -> str:
    return f"{rng.choice(kinds)} {rng.choice(EPONYMS)}"


def _name_and_mail(rng: random.Random, gender: str) -> list[Piece]:
    """A full name and, in angle brackets, an address made from it (as mail clients show it)."""
    first, last = person(rng, gender)
    f, s = _slug(first), _slug(last)
    host = rng.choice(WORK_HOSTS + MAIL_HOSTS[:4])
    local = rng.choice((f"{f}.{s}", f"{f}.{s}", f"{f[0]}.{s}", f"{s}.{f}", f"{f}-{s}"))
    shown = rng.choice((f"{first} {last}", f"{last.upper()} {first}", f"{first} {last.upper()}"))
    return [(shown, "personne"), (" <", None), (f"{local}@{host}", "email"), (">", None)]


SERVICES = (
    "service RH",
    "bureau des affaires générales",
    "pôle paie",
    "SGAMI",
    "service état civil",
    "secrétariat général",
    "service des marchés",
    "bureau du cabinet",
    "guichet unique",
    "pôle social",
    "service informatique",
    "service des finances",
    "CCAS",
    "SDIS",
)

SLOTS: dict[str, Callable[[random.Random, Ctx], list[Piece]]] = {
    "N": _name_slot("g"),
    "N2": _name_slot("g2"),
    "NF": _name_slot("g", "fullish"),
    "NF2": _name_slot("g2", "fullish"),
    "S": _name_slot("g", "titled"),
    "S2": _name_slot("g2", "titled"),
    "P": _name_slot("g", "first"),
    "P2": _name_slot("g2", "first"),
    "NL": _name_slot("g", "lower"),
    "NU": _name_slot("g", "upper_first"),
    "X": lambda rng, ctx: name_pieces(rng, rng.choice("mf")),
    "NE": lambda rng, ctx: _name_and_mail(rng, ctx["g"]),
    "NE2": lambda rng, ctx: _name_and_mail(rng, ctx["g2"]),
    "EPOC": lambda rng, ctx: [(person(rng, "m")[1], "personne")],
    "EPOL": lambda rng, ctx: [(person(rng, "f")[1].lower(), "personne")],
    "EPOU": lambda rng, ctx: [(person(rng, "f")[1].upper(), "personne")],
    "ADR": _one(address_text, "adresse"),
    "ADRL": _one(
        lambda r: address_text(r, r.choice(("line", "comma", "line", "upper"))), "adresse"
    ),
    "ADRM": _one(lambda r: address_text(r, "multi"), "adresse"),
    "ADRX": _one(
        lambda r: address_text(
            r, r.choice(("nonum", "bp", "lieudit", "resid", "apt", "cedex_home", "short"))
        ),
        "adresse",
    ),
    "TEL": _one(phone, "telephone"),
    "MAIL": _one(lambda r: email(r, False), "email"),
    "MAILW": _one(lambda r: email(r, True), "email"),
    "MAILA": _one(email, "email"),
    "NIR": lambda rng, ctx: [(nir(rng, ctx["g"]), "nir")],
    "IBAN": _one(iban, "iban"),
    "CB": _one(card, "carte"),
    "DDN": _one(birth_date, "date_naissance"),
    "YEAR": _one(lambda r: str(r.randint(1958, 2004)), "date_naissance"),
    # not personal
    "OFFADR": _one(office_address, None),
    "STD": _one(switchboard, None),
    "FMAIL": _one(functional_mail, None),
    "PLACE": _one(lambda r: _eponym_place(r, PLACES_M), None),
    "PLACEF": _one(lambda r: _eponym_place(r, PLACES_F), None),
    "EPO": _one(lambda r: r.choice(EPONYMS), None),
    "VILLE": _one(lambda r: r.choice(COMMUNES)[0], None),
    "DATE": _one(some_date, None),
    "SIRET": _one(siret, None),
    "DOSS": _one(file_number, None),
    "CMD": _one(order_number, None),
    "DECRET": _one(lambda r: f"{r.randint(2016, 2025)}-{r.randint(100, 1899)}", None),
    "SERV": _one(lambda r: r.choice(SERVICES), None),
    "NUM": _one(lambda r: str(r.randint(2, 48)), None),
    "HEURE": _one(lambda r: f"{r.randint(8, 17)}h{r.choice(('', '00', '15', '30', '45'))}", None),
}

# ---------------------------------------------------------------------------------------------
# Rendering

_GENDER = re.compile(r"⟪(2:)?((?:[^⟪⟫])*)⟫")
_CHOICE = re.compile(r"⟨([^⟨⟩]*)⟩")
_TOKEN = re.compile(r"\{(\w+)\}|\[(\w+)(?:\.(\w+))?(@2)?(?::([^\]]+))?\]")


def _split_top(text: str) -> list[str]:
    """Split on `|` outside square brackets."""
    parts, depth, current = [], 0, ""
    for ch in text:
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        if ch == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return parts


def _resolve(text: str, rng: random.Random, ctx: Ctx) -> str:
    def gender(match: re.Match[str]) -> str:
        options = _split_top(match.group(2))
        if len(options) != 2:
            raise ValueError(f"gender choice needs two forms: {match.group(0)}")
        g = ctx["g2"] if match.group(1) else ctx["g"]
        return options[0] if g == "m" else options[1]

    text = _GENDER.sub(gender, text)
    return _CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), text)


def render(template: str, rng: random.Random, ctx: Ctx) -> list[Piece]:
    text = _resolve(template, rng, ctx)
    pieces: list[Piece] = []
    position = 0
    for match in _TOKEN.finditer(text):
        if match.start() > position:
            pieces.append((text[position : match.start()], None))
        slot, category, bank, second, options = match.groups()
        if slot:
            if slot not in SLOTS:
                raise ValueError(f"unknown slot {slot}")
            pieces.extend(SLOTS[slot](rng, ctx))
        else:
            if category not in TOPICS:
                raise ValueError(f"unknown topic {category}")
            if options:
                phrase = rng.choice(options.split("|"))
            else:
                phrase = rng.choice(BANKS[f"{category}.{bank}" if bank else category])
            agree = {"g": ctx["g2"], "g2": ctx["g"]} if second else ctx
            pieces.append((_resolve(phrase, rng, agree), category))
        position = match.end()
    if position < len(text):
        pieces.append((text[position:], None))
    return pieces


def _norm(text: str) -> str:
    return _strip_accents(text).lower()


def assemble(
    pieces: Sequence[Piece], template_id: str, originals: Sequence[str] | None = None
) -> dict[str, Any]:
    """One labelled line from its pieces; spans are computed here and checked against the values
    that filled the slots (up to case and accents)."""
    text = ""
    spans: list[list[Any]] = []
    for index, (value, category) in enumerate(pieces):
        start = len(text)
        text += value
        if category is None:
            continue
        if category not in CATEGORIES:
            raise ValueError(f"unknown category {category}")
        if not value or value != value.strip() or value.strip(".,;:") != value:
            raise ValueError(f"span not clean: {value!r}")
        if text[start:] != value:
            raise ValueError("span does not match its value")
        if originals is not None and _norm(originals[index]) != _norm(value):
            raise ValueError(f"span {value!r} is not its slot value {originals[index]!r}")
        spans.append([start, start + len(value), category])
    pii: dict[str, list[str]] = {}
    topics: set[str] = set()
    for start, end, category in spans:
        if text[start:end] != text[start:end].strip():
            raise ValueError("span with blanks")
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


OPENINGS = (
    "Bonjour, ",
    "Re: ",
    "stp ",
    "Petite question : ",
    "Salut, ",
    "Hello ",
    "URGENT - ",
    "Fwd: ",
    "bjr ",
    "Question : ",
    "Coucou, ",
    "Bonsoir, ",
    "TR: ",
    "Dis-moi, ",
)
CLOSINGS = (
    " Merci !",
    " Cdlt",
    " merci d'avance",
    " Bonne journée.",
    " thx",
    " Bien à vous.",
    " 🙏",
    " Merci bcp",
    " Cordialement,",
)
ABBREVIATIONS = (
    (r"\bs'il te plaît\b", "stp"),
    (r"\bs'il vous plaît\b", "svp"),
    (r"\brendez-vous\b", "rdv"),
    (r"\bpour\b", "pr"),
    (r"\bbeaucoup\b", "bcp"),
    (r"\bquelque chose\b", "qqch"),
    (r"\baujourd'hui\b", "auj"),
    (r"\bmessage\b", "msg"),
    (r"\bvous\b", "vs"),
    (r"\bdemain\b", "dem"),
    (r"\bparce que\b", "pcq"),
    (r"\bquand\b", "qd"),
    (r"\btoujours\b", "tjrs"),
    (r"\bMadame\b", "Mme"),
    (r"\bMonsieur\b", "M."),
    (r"\bdossier\b", "doss."),
    (r"\bcourrier\b", "courier"),
)


def _typo(text: str, rng: random.Random) -> str:
    words = [m for m in re.finditer(r"[a-zéèàù]{6,}", text)]
    if not words:
        return text
    w = rng.choice(words)
    i = rng.randint(w.start() + 1, w.end() - 2)
    return text[:i] + text[i + 1] + text[i] + text[i + 2 :]


def noisy(pieces: list[Piece], rng: random.Random) -> tuple[list[Piece], list[str]]:
    """Openings, closings, abbreviations and typos (outside the spans), lower case, no accents.
    Returns the pieces and, for each, the value it had before (to check the spans)."""
    head: list[Piece] = [(rng.choice(OPENINGS), None)] if rng.random() < 0.17 else []
    tail: list[Piece] = [(rng.choice(CLOSINGS), None)] if rng.random() < 0.09 else []
    out = head + list(pieces) + tail
    originals = [text for text, _ in out]
    if rng.random() < 0.16:
        out = [(_abbreviate(text, rng), None) if cat is None else (text, cat) for text, cat in out]
    if rng.random() < 0.08:
        idx = [i for i, (text, cat) in enumerate(out) if cat is None and len(text) > 12]
        if idx:
            i = rng.choice(idx)
            out[i] = (_typo(out[i][0], rng), None)
    if rng.random() < 0.11:
        out = [(text.lower(), cat) for text, cat in out]
    if rng.random() < 0.05:
        out = [(_strip_accents(text), cat) for text, cat in out]
    return out, originals


def _abbreviate(text: str, rng: random.Random) -> str:
    for pattern, short in ABBREVIATIONS:
        if rng.random() < 0.7:
            text = re.sub(pattern, short, text)
    return text


# ---------------------------------------------------------------------------------------------
# Templates: (family, renders, text, second person's gender: "any", "same" or "other")

Template = tuple[str, int, str, str]
_T: list[Template] = []


def T(family: str, text: str, renders: int = 7, second: str = "any") -> None:
    _T.append((family, renders, text, second))


# -- names: questions, drafts, chat, HR ------------------------------------------------------
T("noms", "Tu peux reformuler ma réponse à {N} ? Je ne veux pas paraître sec.")
T(
    "noms",
    (
        "peux tu me faire un mail de relance pour {N} ⟨qui n'a toujours pas rendu son "
        "CREP|pour son "
        "ordre de mission|qui doit valider le bon de commande⟩"
    ),
)
T(
    "noms",
    (
        "Rédige une note de félicitations pour {S}, qui part à la retraite après ⟨32|38|41⟩ "
        "ans de "
        "service."
    ),
)
T(
    "noms",
    (
        "{NU} ⟨passe|arrive|commence⟩ lundi au ⟨bureau 214|service courrier|pôle accueil⟩, "
        "prévois "
        "un badge et un poste."
    ),
)
T("noms", "Je dois recadrer {P} sur ses retards, comment formuler ça sans le braquer ?")
T("noms", "c'est {NL} qui gère les congés maintenant ou c'est toujours {X} ?")
T(
    "noms",
    (
        "Peux-tu corriger l'orthographe : « Suite à l'entretien avec {N}, nous vous proposons un "
        "poste d'adjoint administratif. »"
    ),
)
T(
    "noms",
    (
        "Compte rendu de la réunion du {DATE}\nPrésents : {X}, {X}, {X}\nExcusé⟪|e⟫ : "
        "{N}\nOrdre du "
        "jour : budget 2026"
    ),
)
T("noms", "Liste des agents d'astreinte :\n- {X}\n- {X}\n- {X}", 8)
T(
    "noms",
    (
        "Objet : demande de mutation de {S}\nMadame la Directrice, je transmets la demande de "
        "l'agent⟪|e⟫ ⟨pour avis|avec avis favorable⟩."
    ),
)
T("noms", "Est-ce que {P} peut signer les bons de commande en l'absence du chef de service ?")
T("noms", "{NF} - adjoint⟪|e⟫ technique - échelon 7 - temps complet", 6)
T(
    "noms",
    (
        "⟪mon collègue|ma collègue⟫ {P} et moi on voudrait organiser un pot, tu as des idées de "
        "message ?"
    ),
    7,
    "same",
)
T("noms", "Traduis en anglais : « {S} vous recevra à l'accueil du bâtiment B. »")
T(
    "noms",
    "Je réponds à {S} qui conteste son évaluation, fais-moi un brouillon ferme mais courtois.",
)
T(
    "noms",
    (
        "Fiche navette\nAgent : {NU}\nService : ⟨voirie|espaces "
        "verts|cantine|médiathèque⟩\nMotif : "
        "changement d'affectation"
    ),
)
T("noms", "Les époux {EPOC} demandent un rendez-vous pour leur dossier de logement.", 6)
T(
    "noms",
    (
        "Merci de transmettre à {N} et à {N2} le planning des permanences de ⟨juillet|décembre|la "
        "Toussaint⟩."
    ),
)
T("noms", "Bonjour {P},\nComme convenu je t'envoie le tableau.\nBonne journée,\n{X}")
T(
    "noms",
    "tu peux résumer ce que {N} a dit en réunion ? en gros il faut revoir le circuit des factures",
)
T("noms", "Ça vous dérange si je mets {P} en copie du mail au cabinet ?")
T("noms", "Le jury était composé de {X}, {X} et {S}.", 7)
T("noms", "Rappel : l'entretien annuel de {NF} est prévu le {DATE} à {HEURE}.")
T(
    "noms",
    (
        "RE: votre demande\n> Bonjour, je souhaite savoir où en est mon dossier. {NF}\nBonjour, "
        "votre dossier est en cours d'instruction."
    ),
)
T("noms", "j'ai besoin d'un modèle d'attestation employeur pour {NL} stp")
T("noms", "Qui remplace {S} pendant son congé ? ⟨{X}|{X} ou {X}⟩ ?")
T("noms", "Mes collègues {P} et {P2} ne se parlent plus, comment gérer le conflit ?")
T("noms", "Tableau des heures sup :\nNom | Heures\n{NU} | ⟨4|7|12⟩\n{X} | ⟨3|5|9⟩")
T("noms", "Pour info, le dossier a été repris par {N} ⟨depuis le départ de|à la place de⟩ {X}.")
T("noms", "Peux-tu m'aider à écrire un mot de condoléances pour {S} dont le père est décédé ?")
T("noms", "{NU}, {X} et {X} sont inscrits à la formation « Excel avancé ».")
T("noms", "Signé : {NF}, gestionnaire RH")
T("noms", "selon {P} la réunion est décalée, tu confirmes ?")
T(
    "noms",
    "Demande de télétravail de {N} : 2 jours par semaine (mardi, jeudi). Avis du N+1 : favorable.",
)
T(
    "noms",
    (
        "Est-ce qu'on peut nommer {NF} référent⟪|e⟫ handicap alors qu'⟪il|elle⟫ est "
        "contractuel⟪|le⟫ ?"
    ),
)

# -- addresses --------------------------------------------------------------------------------
T("adr", "Mon agent vient de déménager, sa nouvelle adresse : {ADR}. Qui dois-je prévenir ?", 9)
T("adr", "{S} habite {ADRL}, ça fait combien de km jusqu'à la préfecture ?")
T("adr", "Merci d'envoyer le courrier de notification à {NF}, {ADRM}", 8)
T("adr", "Nouvelle adresse perso : {ADR}", 8)
T("adr", "Je suis domicilié⟪|e⟫ {ADRX}, est-ce que je dépends de la CPAM de ma commune ?", 8)
T(
    "adr",
    (
        "Pour le remboursement des frais de déplacement, l'agent⟪|e⟫ {N} indique comme résidence "
        "familiale le {ADRL}."
    ),
)
T("adr", "Destinataire :\n{NF}\n{ADRM}\nObjet : mise en demeure", 8)
T("adr", "changement d'adresse de {NL} : {ADR} à compter du {DATE}")
T("adr", "On a reçu un recommandé retourné « NPAI » pour {S}, l'adresse indiquée était {ADR}.")
T("adr", "Formulaire de candidature\nNom : {NU}\nAdresse : {ADR}\nTéléphone : {TEL}", 8)
T(
    "adr",
    (
        "peux-tu vérifier si {ADRX} est bien en zone de revitalisation rurale ? c'est l'adresse "
        "d'une candidate"
    ),
)
T("adr", "Ma mère vit au {ADRL}, je voudrais un congé de proche aidant pour m'occuper d'elle.")
T("adr", "Livraison du matériel de télétravail chez l'agent : {ADR}, interphone au nom de {N}.")
T("adr", "Adresse pendant le congé : {ADRX}")
T("adr", "Je t'écris depuis chez moi ({ADRL}), le VPN ne marche pas, tu sais pourquoi ?")
T("adr", "L'agent⟪|e⟫ {NU} a donné deux adresses : {ADR} et {ADR}. Laquelle garder ?", 6)
T("adr", "{P} est hébergé⟪|e⟫ chez sa sœur, {ADRX}, le temps des travaux.")
T("adr", "Courrier à envoyer :\n{S}\n{ADRM}\n\nMerci", 8)
T(
    "adr",
    (
        "Etat des lieux de sortie du logement de fonction, ancien occupant {NF}, nouvelle adresse "
        "{ADR}."
    ),
)
T("adr", "Le lieu de résidence déclaré de {N} est {ADRX}, est-ce compatible avec l'astreinte ?")
T("adr", "pr la prime de transport il me faut ton adresse exacte. -> {ADRL}")
T("adr", "Demande de rapprochement : l'agent⟪|e⟫ réside {ADRL} et travaille à 80 km.")
T("adr", "Coordonnées personnelles\n{NF}\n{ADRM}\n{TEL}\n{MAIL}", 8)
T("adr", "Expédie le colis de départ à {P} à son domicile : {ADR}")
T("adr", "Mon adresse a changé : {ADRX}. Faut-il refaire ma carte professionnelle ?")

# -- personal contacts ------------------------------------------------------------------------
T("contact", "Tu peux appeler {S} sur son portable au {TEL} ⟪s'il|si elle⟫ n'est pas au bureau ?")
T("contact", "Mon numéro perso c'est le {TEL}, ne le diffuse pas stp")
T(
    "contact",
    "Envoie la convocation à {N} sur son adresse perso {MAIL} car sa boîte pro est saturée.",
)
T("contact", "--\n{NF}\nChargé⟪|e⟫ de mission\nLigne directe : {TEL}\n{MAILW}", 8)
T("contact", "Peux-tu écrire à {MAILW} pour lui demander ⟨le RIB|l'arrêté|les justificatifs⟩ ?")
T("contact", "En cas d'urgence, contacter {N} au {TEL} ou {X} au {TEL}.")
T(
    "contact",
    (
        "De : {NF} <{MAILA}>\nÀ : {FMAIL}\nObjet : demande de congé\nBonjour, je souhaiterais "
        "poser "
        "la semaine 32."
    ),
    8,
)
T("contact", "{P} m'a laissé son 06 : {TEL}, tu peux lui envoyer le lien de la visio ?")
T("contact", "rappeler mme {EPOL} au {TEL} pour son dossier")
T("contact", "Pour le covoiturage : {P} ({TEL}) part de Lorient à 7h30.")
T(
    "contact",
    "Le candidat a donné son mail ({MAIL}) et son téléphone ({TEL}), je prépare la convocation ?",
)
T("contact", "Le message vient de {MAIL}, c'est un usager qui se plaint du délai.")

# -- identifiers ------------------------------------------------------------------------------
T("ident", "Le numéro de sécu de l'agent⟪|e⟫ c'est {NIR}, il faut le saisir dans le SIRH.", 8)
T("ident", "Voici le RIB de {NF} pour le remboursement : {IBAN}", 8)
T(
    "ident",
    "Je me suis trompé⟪|e⟫ en payant la cantine avec ma carte {CB}, comment faire opposition ?",
    7,
)
T("ident", "Date de naissance : {DDN}", 7)
T("ident", "{S}, né⟪|e⟫ le {DDN}, demande le calcul de ses droits à la retraite.", 9)
T("ident", "NIR : {NIR}\nIBAN : {IBAN}", 7)
T("ident", "Peux-tu vérifier la clé de ce numéro INSEE : {NIR} ?", 7)
T("ident", "paiement refusé sur la carte {CB}, c'est ma carte perso", 7)
T("ident", "L'agent⟪|e⟫ est né⟪|e⟫ en {YEAR}, a-t-⟪il|elle⟫ droit à la retraite progressive ?", 6)
T("ident", "Changement de compte bancaire : nouvel IBAN {IBAN}, ancien {IBAN}.", 6)
T(
    "ident",
    "mon n° de sécu est {NIR} et ma date de naissance {DDN}, l'appli refuse mon inscription",
    7,
)
T("ident", "La carte affaires n° {CB} de {N} a été perdue lors de la mission.", 7)
T("ident", "DDN {DDN} - lieu : {VILLE}", 6)
T("ident", "achat des billets de train avec ma CB perso ({CB}), comment me faire rembourser ?", 7)
T(
    "ident",
    (
        "Le paiement du stage de {N} a été fait avec la carte {CB} exp. 09/27, c'est bien sa "
        "carte "
        "personnelle ?"
    ),
    7,
)
T(
    "ident",
    (
        "quelqu'un a utilisé mon numéro de carte bancaire {CB} sur le site de la cantine, je "
        "porte "
        "plainte où ?"
    ),
    7,
)
T("ident", "Numéro de carte : {CB}\nTitulaire : {NU}", 7)

# -- records and tables -----------------------------------------------------------------------
T(
    "fiche",
    "Fiche agent\nNom : {NU}\nNé⟪|e⟫ le : {DDN}\nN° SS : {NIR}\nAdresse : {ADR}\nTél : {TEL}",
    7,
)
T("fiche", "{NF} ; {DDN} ; {TEL} ; {MAILA}", 8)
T(
    "fiche",
    "| Nom | Date de naissance | Téléphone |\n| {NF} | {DDN} | {TEL} |\n| {X} | {DDN} | {TEL} |",
    7,
)
T("fiche", "Dossier de recrutement de {S} : IBAN {IBAN}, NIR {NIR}, domicile {ADRL}.", 7)
T("fiche", "nom;prenom;ddn;mail\n{EPOU};{P};{DDN};{MAIL}", 7)
T(
    "fiche",
    "Pièces reçues pour {NF} : copie CNI, RIB ({IBAN}), justificatif de domicile ({ADR}).",
    7,
)
T("fiche", "Bénéficiaire : {NF}\nNé⟪|e⟫ le {DDN} à {VILLE}\nDomicile : {ADRM}", 7)

# -- sensitive topics: frames shared by every category ------------------------------------
for _c in TOPICS:
    T(_c, f"⟪Mon collègue|Ma collègue⟫ {{P}} [{_c}], est-ce que je dois le signaler à la RH ?", 8)
    T(
        _c,
        (
            f"Bonjour,\nJe me permets de vous écrire car {{S}} [{_c}] et ⟪il|elle⟫ m'a demandé "
            f"conseil.\nCordialement"
        ),
        8,
    )
    T(_c, f"entre nous {{NL}} [{_c}] mais je sais pas si je peux en parler au chef", 8)
    T(_c, f"Comment répondre à {{S}} qui me parle sans arrêt de [{_c}.np] pendant les pauses ?", 8)
    T(_c, f"On m'a dit que {{N}} [{_c}]. Ça peut jouer sur sa titularisation ?", 8)
    T(_c, f"Un⟪|e⟫ de mes agent⟪s|es⟫ [{_c}], quelles sont mes obligations de manager ?", 8)

# -- health ---------------------------------------------------------------------------------
T(
    "sante",
    (
        "Objet : absence de {N}\nL'agent⟪|e⟫ [sante] et ne reprendra pas avant la fin du mois. "
        "Merci de prévoir un remplacement."
    ),
    8,
)
T(
    "sante",
    (
        "pour le planning : {P} [sante:en arrêt jusqu'au 15 pour sa dépression|absent⟪|e⟫ pour sa "
        "chimio le jeudi|en mi-temps thérapeutique suite à son cancer|hospitalisé⟪|e⟫ pour une "
        "crise d'asthme|⟪en arrêt pour une hernie inguinale|en congé maternité anticipé pour "
        "grossesse pathologique⟫|arrêté⟪|e⟫ pour lombalgie chronique], on fait comment ?"
    ),
    8,
)
T(
    "sante",
    (
        "Le médecin du travail recommande un écran adapté car {N} [sante:est malvoyant⟪|e⟫|a une "
        "DMLA|a perdu la vue d'un œil|souffre de migraines ophtalmiques|a une rétinopathie "
        "diabétique]."
    ),
    7,
)

# -- religion -------------------------------------------------------------------------------
T(
    "religion",
    (
        "Demande de congé de {N} : ⟪il|elle⟫ [religion:souhaite être absent⟪|e⟫ pour l'Aïd|veut "
        "poser Roch Hachana|demande la journée de Pessa'h|pose son vendredi saint pour raison "
        "religieuse|souhaite partir plus tôt pour la rupture du jeûne|demande Diwali]."
    ),
    8,
)
T(
    "religion",
    (
        "au self {P} [religion:mange halal|ne mange pas de porc pour des raisons "
        "religieuses|mange "
        "casher|refuse la viande le vendredi de carême|fait le jeûne du ramadan], tu peux prévoir "
        "un menu ?"
    ),
    8,
)
T(
    "religion",
    (
        "Procès-verbal : l'usager a signalé que l'agent⟪|e⟫ d'accueil {N} [religion:portait une "
        "croix chrétienne ostensible|⟪portait une kippa|portait un foulard "
        "islamique⟫|affichait un "
        "chapelet sur son bureau|priait dans le bureau|faisait du prosélytisme pour son église]."
    ),
    7,
)

# -- political opinion ------------------------------------------------------------------------
T(
    "opinion_politique",
    (
        "⟪Le candidat|La candidate⟫ {N} [opinion_politique:a été conseill⟪er|ère⟫ municipal⟪|e⟫ "
        "LR|est militant⟪|e⟫ Génération.s|figurait sur la liste RN aux régionales|a été "
        "assistant⟪|e⟫ parlementaire d'un député LFI|s'affiche comme soutien de Reconquête sur "
        "LinkedIn], ça pose un problème pour le poste de chargé de com ?"
    ),
    7,
)
T(
    "opinion_politique",
    (
        "ptn {P} [opinion_politique:parle encore de Mélenchon|ressort ses tracts du PS|défend "
        "Bardella|fait campagne pour les écolos|distribue des tracts communistes] à la machine à "
        "café, comment je lui rappelle le devoir de réserve ?"
    ),
    8,
)
T(
    "opinion_politique",
    (
        "Note RH : {S} [opinion_politique:s'est présenté⟪|e⟫ aux législatives sous l'étiquette "
        "Renaissance|a été élu⟪|e⟫ conseill⟪er|ère⟫ régional⟪|e⟫ écologiste|est secrétaire de "
        "section du PS|est responsable local⟪|e⟫ du RN] et demande une disponibilité pour mandat "
        "électif."
    ),
    7,
)

# -- unions -----------------------------------------------------------------------------------
T(
    "syndicat",
    (
        "{S} [syndicat:sera absent⟪|e⟫ jeudi pour une réunion CGT|participe au congrès FO|est "
        "convoqué⟪|e⟫ à la commission exécutive de SUD|a une heure d'information syndicale CFDT à "
        "animer|prend une ASA pour son mandat UNSA]."
    ),
    8,
)
T(
    "syndicat",
    (
        "Liste des représentants en CSA :\n- {NF} "
        "[syndicat:(CGT)|(FO)|(FSU)|(CFDT)|(UNSA)|(SUD)]\n- {X} "
        "[syndicat:(CGT)|(FO)|(FSU)|(CFDT)|(UNSA)|(Solidaires)]"
    ),
    8,
)
T(
    "syndicat",
    (
        "Je suis [syndicat:élu⟪|e⟫ au CST pour la CFDT|adhérent⟪|e⟫ à la CGT|représentant⟪|e⟫ "
        "FO en "
        "CAP|syndiqué⟪|e⟫ chez SUD|membre du bureau de l'UNSA], comment je fais valoir mes "
        "heures ? "
        "Signé {NF}"
    ),
    7,
)
T(
    "syndicat",
    (
        "{P} [syndicat:délégué⟪|e⟫ FO|élu⟪|e⟫ CGT|représentant⟪|e⟫ SUD|de la CFE-CGC|militant⟪|e⟫ "
        "UNSA] veut assister à l'entretien disciplinaire de l'agent, c'est possible ?"
    ),
    8,
)

# -- ethnic origin ----------------------------------------------------------------------------
T(
    "origine",
    (
        "Un usager s'est plaint que {N} l'a traité de [origine:« sale Arabe »|« négro »|« "
        "bougnoule "
        "»|« sale Noir »|« chinetoque »] au guichet, que faire ?"
    ),
    6,
)
T(
    "origine",
    (
        "Dans son témoignage pour la cellule discrimination, {N} explique qu'on l'appelle « le "
        "Rebeu » parce qu'⟪il|elle⟫ [origine:est d'origine algérienne|est maghrébin⟪|e⟫|a des "
        "parents marocains|est d'origine tunisienne]."
    ),
    7,
)
T(
    "origine",
    (
        "⟪mon collègue|ma collègue⟫ {P} [origine:est d'origine cap-verdienne|est "
        "antillais⟪|e⟫|est "
        "originaire du Congo|a des racines berbères|est issu⟪|e⟫ de la communauté comorienne] et "
        "⟪il|elle⟫ subit des blagues racistes, je fais quoi ?"
    ),
    8,
)
T("origine", "Rapport d'incident : l'agent⟪|e⟫ {NU} a reçu des insultes visant [origine.np].", 7)

# -- sexual life and gender identity ---------------------------------------------------------
T(
    "vie_sexuelle",
    "{N} et [vie_sexuelle.partner] {P2} viendront au séminaire, je réserve une chambre double ?",
    9,
    "same",
)
T(
    "vie_sexuelle",
    "{P2}, [vie_sexuelle.of] de {S}, a appelé pour prévenir de son absence.",
    9,
    "same",
)
T(
    "vie_sexuelle",
    (
        "demande de rapprochement de conjoint de {N} : ⟪il|elle⟫ veut rejoindre "
        "[vie_sexuelle.partner] ⟪2:muté|mutée⟫ à Lyon"
    ),
    8,
    "same",
)
T(
    "vie_sexuelle",
    (
        "Congé pour mariage : {S} épouse {NF2} le {DATE}, [vie_sexuelle:c'est un mariage entre "
        "deux "
        "⟪hommes|femmes⟫|union de deux ⟪hommes|femmes⟫|mariage homo|mariage pour tous], quelle "
        "est "
        "la durée du congé ?"
    ),
    7,
    "same",
)
T(
    "vie_sexuelle",
    (
        "La personne à prévenir en cas d'urgence pour {N} est [vie_sexuelle.partner], {NF2}, au "
        "{TEL}."
    ),
    8,
    "same",
)
T(
    "vie_sexuelle",
    (
        "Fiche RH - situation familiale\nAgent : {NU}\n[vie_sexuelle:Pacsé⟪|e⟫ avec|Marié⟪|e⟫ "
        "à|Concubin⟪|e⟫ de|En couple avec] ⟪2:M.|Mme⟫ {NF2}"
    ),
    8,
    "same",
)
T(
    "vie_sexuelle",
    (
        "{P} m'a demandé d'utiliser son nouveau prénom car [vie_sexuelle:⟪elle|il⟫ est en "
        "transition|⟪elle|il⟫ est trans|⟪elle|il⟫ a fait son changement de genre|⟪elle|il⟫ a "
        "entamé "
        "une transition ⟪MtF|FtM⟫], comment mettre à jour l'annuaire ?"
    ),
    7,
)
T(
    "vie_sexuelle",
    (
        "j'ai surpris {NL} [vie_sexuelle:en train d'embrasser ⟪son collègue|sa collègue⟫ dans le "
        "parking|avec ⟪son amant|sa maîtresse⟫ dans le local photocopieuse|sur une appli de "
        "rencontres ⟪gay|lesbiennes⟫|au sauna gay de la rue des Bains] jsp si je dois en parler"
    ),
    6,
)
T(
    "vie_sexuelle",
    (
        "Congé de naissance : {S} et [vie_sexuelle.partner] {P2} ⟪ont adopté un enfant|ont eu un "
        "enfant par PMA⟫, qui prend le congé du second parent ?"
    ),
    7,
    "same",
)

# -- genetic and biometric ---------------------------------------------------------------------
T(
    "genetique_biometrie",
    (
        "{S} refuse [genetique_biometrie:que ses empreintes digitales soient enregistrées|de "
        "donner "
        "son empreinte palmaire|le scan de son visage|l'enregistrement de son iris|de déposer son "
        "empreinte vocale] pour la nouvelle pointeuse, peut-on l'y obliger ?"
    ),
    8,
)
T(
    "genetique_biometrie",
    (
        "Dans son dossier médical, {N} a joint [genetique_biometrie:son test génétique BRCA1|les "
        "résultats de son séquençage ADN|son caryotype|l'analyse de sa mutation du gène CFTR|son "
        "profil génétique], c'est normal que ce soit dans le SIRH ?"
    ),
    7,
)
T(
    "genetique_biometrie",
    (
        "le gabarit biométrique de {NL} ([genetique_biometrie:empreinte du pouce|réseau "
        "veineux de "
        "la main|modèle facial|scan de l'iris]) ne passe plus au portique, qui contacter ?"
    ),
    7,
)

# -- offences ---------------------------------------------------------------------------------
T(
    "infraction",
    (
        "Le véhicule de service a été flashé, ⟪le conducteur|la conductrice⟫ était {N} : "
        "[infraction:⟪il|elle⟫ a été verbalisé⟪|e⟫ pour excès de vitesse|⟪il|elle⟫ a perdu quatre "
        "points|⟪il|elle⟫ a pris 135 € d'amende|⟪il|elle⟫ roulait à 92 en ville]. Qui paie ?"
    ),
    8,
)
T(
    "infraction",
    (
        "Enquête administrative : {S} [infraction:a été condamné⟪|e⟫ en 2021 pour abus de "
        "confiance|a été mis⟪|e⟫ en cause dans une affaire de corruption|a un antécédent pour "
        "violences|a été condamné⟪|e⟫ pour recel|est poursuivi⟪|e⟫ pour prise illégale "
        "d'intérêts]."
    ),
    8,
)
T(
    "infraction",
    (
        "{P} [infraction:sort de garde à vue|est convoqué⟪|e⟫ au tribunal correctionnel|a été "
        "arrêté⟪|e⟫ pour conduite en état d'ivresse|a eu une peine de travaux d'intérêt général|a "
        "été condamné⟪|e⟫ à un stage de sensibilisation routière] et je dois adapter son "
        "planning, "
        "conseils ?"
    ),
    8,
)

# -- several topics, long messages ---------------------------------------------------------------
T(
    "multi",
    (
        "Bonjour,\nSuite à notre échange, je résume la situation de {N} : ⟪il|elle⟫ [sante], "
        "[religion] et [syndicat]. ⟪Il|Elle⟫ demande un aménagement d'horaires. Peux-tu m'aider à "
        "rédiger une réponse qui ne mentionne rien de tout ça ?\nMerci,\n{X}"
    ),
    9,
)
T(
    "multi",
    (
        "notes perso réunion d'équipe :\n- {P} [origine], se plaint de remarques\n- {N2} "
        "[opinion_politique@2]\n- {S} [infraction], à suivre\n- le reste RAS"
    ),
    9,
)
T(
    "multi",
    (
        "Je transmets le signalement : l'agent⟪|e⟫ {NU}, qui [vie_sexuelle], fait l'objet de "
        "moqueries sur [sante.np]. ⟪Il|Elle⟫ est par ailleurs [syndicat:élu⟪|e⟫ CGT|adhérent⟪|e⟫ "
        "FO|délégué⟪|e⟫ SUD]."
    ),
    9,
)
T(
    "multi",
    (
        "Objet : situation de {S}\n\nMadame,\nJe souhaite attirer votre attention sur {P} qui "
        "[genetique_biometrie] et [infraction]. Je crains que ces informations circulent dans le "
        "service. Comment protéger ces données ?\n\nBien cordialement,\n{X}\n{SERV}"
    ),
    9,
)
T(
    "multi",
    (
        "c'est compliqué avec {NL} : [religion], [opinion_politique] et en plus [origine]... tu "
        "m'aides à écrire un mail neutre pour lui proposer un entretien ?"
    ),
    9,
)
T(
    "multi",
    (
        "Point RH du {DATE} - {NF} : [sante.np] ; [infraction.np] ; [vie_sexuelle.np] ; "
        "[genetique_biometrie.np]. Décision : pas de mutation."
    ),
    9,
)
T(
    "multi",
    (
        "Salut,\nPour ton info {N} [syndicat] et [opinion_politique]. Évite le sujet retraite en "
        "réunion 😅\n{X}"
    ),
    8,
)
T(
    "multi",
    (
        "Résumé du signalement reçu de {NF} ({MAILA}) : ⟪il|elle⟫ [origine], [religion] et dit "
        "subir du harcèlement."
    ),
    8,
)

# -- pasted e-mails: headers, quoted replies, signatures -----------------------------------------
T(
    "mail",
    (
        "De : {NE}\nEnvoyé : ⟨lundi|mardi|jeudi⟩ {DATE} ⟨09:12|14:47|17:03⟩\nÀ : {FMAIL}\nObjet : "
        "RE: ma fiche de paie\n\nBonjour, il manque mes heures de nuit de "
        "⟨septembre|octobre|mars⟩. "
        "Merci"
    ),
    8,
)
T(
    "mail",
    (
        "Le {DATE} à ⟨10:41|08:05|16:30⟩, {NE} a écrit :\n> Bonjour,\n> je serai en retard "
        "demain, "
        "rdv chez le dentiste.\n> {P}\nPeux-tu me proposer une réponse ?"
    ),
    8,
)
T(
    "mail",
    (
        "Merci de répondre à cet agent⟪|e⟫ :\n\n-----Message d'origine-----\nDe : {NE}\nObjet : "
        "[syndicat:ma décharge syndicale CGT|mes heures de délégation FO|mon mandat UNSA au "
        "CSA|ma "
        "cotisation SUD]\nBonjour, je n'ai pas eu de réponse à ma demande du mois dernier."
    ),
    8,
)
T(
    "mail",
    (
        "Cordialement,\n\n{NF}\nAdjoint⟪|e⟫ au chef de bureau\n{SERV}\n{OFFADR}\nTél. "
        "{STD}\nPortable : {TEL}"
    ),
    8,
)
T(
    "mail",
    (
        "Bonne journée\n{NF}\nAssistant⟪|e⟫ de direction - {SERV}\nStandard {STD} | ligne directe "
        "{TEL}"
    ),
    8,
)
T(
    "mail",
    (
        "Réponds à ce mail stp :\n« Bonjour, je m'appelle {NF}, j'habite {ADRL} et je n'ai jamais "
        "reçu ma carte grise. Mon numéro : {TEL}. »"
    ),
    8,
)
T(
    "mail",
    (
        "> Pouvez-vous me rappeler au {TEL} ?\n> {NF}\n\nJe lui réponds quoi ? on n'a pas encore "
        "l'arrêté"
    ),
    8,
)
T(
    "mail",
    (
        "À : {NE}\nCc : {NE2}\nObjet : convocation entretien préalable\n\nMadame, Monsieur,\nvous "
        "êtes convoqué⟪|e⟫ le {DATE} à {HEURE}."
    ),
    8,
)
T(
    "mail",
    (
        "Transféré par {NF} :\n« L'agent⟪|e⟫ {S} [infraction:a été condamné⟪|e⟫ pour conduite "
        "sous "
        "stupéfiants|a eu son permis suspendu six mois|a été placé⟪|e⟫ en garde à vue ce "
        "week-end|est convoqué⟪|e⟫ devant le tribunal de police] et ne peut plus conduire le "
        "camion. »"
    ),
    8,
)
T(
    "mail",
    (
        "Hello,\nje te fais suivre le mail de {P} : « je [sante:suis sous chimio jusqu'en "
        "mai|⟪suis "
        "en arrêt pour une hernie|suis enceinte et j'ai des nausées le matin⟫|fais une "
        "dépression|sors d'une opération du cœur|suis en arrêt pour burn-out], je ne pourrai pas "
        "assurer les permanences ». Tu peux adapter le planning ?"
    ),
    8,
)

# -- HR forms and tables --------------------------------------------------------------------
T(
    "forms",
    (
        "FORMULAIRE DE DEMANDE D'AIDE SOCIALE\nNom / Prénom : {NU}\nDate de naissance : "
        "{DDN}\nAdresse : {ADR}\nMotif : ⟨frais d'obsèques|impayés de loyer|frais de garde⟩"
    ),
    8,
)
T("forms", "Personne à contacter en cas d'urgence : {NF} ({TEL})", 8)
T(
    "forms",
    (
        "Déclaration d'accident de service\nVictime : {S}\nNé⟪|e⟫ le : {DDN}\nLésions : "
        "[sante:fracture du poignet|entorse de la cheville|brûlure au deuxième degré|traumatisme "
        "crânien léger]"
    ),
    8,
)
T(
    "forms",
    (
        "Matricule | Nom | Syndicat\n{NUM}04 | {NU} | "
        "[syndicat:CGT|FO|CFDT|UNSA|FSU|SUD|CFTC]\n{NUM}11 | {X} | "
        "[syndicat:CGT|FO|CFDT|UNSA|FSU|SUD|CFE-CGC]"
    ),
    8,
)
T(
    "forms",
    (
        "Demande d'autorisation d'absence\nAgent : {NF}\nMotif : [religion:fête religieuse (Aïd "
        "el-Fitr)|Yom Kippour|Pâque orthodoxe|Vendredi saint|Diwali|Vesak]\nAvis du chef de "
        "service "
        ": favorable"
    ),
    8,
)
T(
    "forms",
    (
        "Questionnaire RPS - verbatim : « ⟪mon chef|ma cheffe⟫ me surnomme ⟨l'Africain|le "
        "Chinois|le bougnoule⟩ parce que [origine:je suis noir⟪|e⟫|je suis d'origine "
        "vietnamienne|je suis d'origine marocaine|mes parents viennent du Mali] » — signé {NF}"
    ),
    7,
)
T("forms", "Etat de service\n{NU}\nNé⟪|e⟫ le {DDN}\nNIR {NIR}\nEntrée dans la FP : {DATE}", 7)
T(
    "forms",
    (
        "Visite médicale : {S} - aptitude avec réserve : [sante:pas de port de charges (hernie "
        "discale)|travail assis (prothèse de hanche)|pas de travail de nuit (diabète "
        "insulinodépendant)|écran adapté (glaucome)]"
    ),
    8,
)

# -- lower-case chat, several persons and topics ------------------------------------------
T(
    "chat",
    (
        "jsuis dég {P} ma dit que [vie_sexuelle:⟪son ex c'était un mec|son ex c'était une "
        "meuf⟫|⟪il "
        "sort avec un gars de la compta|elle sort avec une fille du 3e⟫|⟪il est avec son mec "
        "depuis "
        "5 ans|elle est avec sa meuf depuis 5 ans⟫|⟪il a un copain depuis l'été|elle a une copine "
        "depuis l'été⟫|⟪il est gay|elle est lesbienne⟫ en fait], je savais pas, je dois faire "
        "qqch "
        "ou pas"
    ),
    7,
    "same",
)
T(
    "chat",
    (
        "tkt pour {P}, ⟪il|elle⟫ [religion:fait ramadan c pour ça qu'⟪il|elle⟫ mange pas le "
        "midi|fait shabbat donc pas dispo le samedi|va à la messe le dimanche matin|⟪porte la "
        "kippa|porte le foulard⟫ depuis la rentrée|est musulman⟪|e⟫ pratiquant⟪|e⟫], c'est pas un "
        "souci"
    ),
    7,
)
T(
    "chat",
    (
        "ptite question : {NL} [opinion_politique:vote fn|est chez les insoumis|est à fond "
        "pour le "
        "rn|colle pour les verts|est encarté⟪|e⟫ chez les républicains|est macroniste à fond] et "
        "⟪il|elle⟫ en parle aux usagers, je fais quoi"
    ),
    7,
)
T(
    "chat",
    (
        "mdr {P} s'est fait [infraction:choper à 180 sur l'autoroute|arrêter bourré au "
        "volant|retirer son permis|condamner pour fraude au chômage] 😬"
    ),
    7,
)
T(
    "chat",
    (
        "dsl {P} est [sante:en arrêt, ⟪il|elle⟫ a le covid|à l'hosto pour une appendicite|en "
        "arrêt "
        "pour une dépression|sous antibio pour une pneumonie|en arrêt pour une fausse couche] "
        "donc "
        "réu annulée"
    ),
    7,
)
T(
    "chat",
    (
        "bon {P} [syndicat:est passé⟪|e⟫ à la cgt|a pris sa carte fo|est délégué⟪|e⟫ sud "
        "maintenant|s'est syndiqué⟪|e⟫ cfdt] donc faut faire gaffe à ce qu'on dit en réu lol"
    ),
    7,
)
T(
    "chat",
    (
        "{P} [genetique_biometrie:a mis son empreinte sur la nouvelle badgeuse|a fait le test ADN "
        "23andMe|a son visage dans le système de reconnaissance du parking|a enregistré son doigt "
        "sur le lecteur du coffre] et ça marche pas, tu sais qui gère ?"
    ),
    7,
)

# -- nothing personal: places, streets, schools and laws named after people ------------------
T("neg_lieux", "La réunion de secteur aura lieu au {PLACE}, salle du conseil, à {HEURE}.", 12)
T("neg_lieux", "Peux-tu rédiger l'invitation à l'inauguration du {PLACE} le {DATE} ?", 12)
T(
    "neg_lieux",
    (
        "les travaux de la rue {EPO} bloquent l'accès au parking du centre technique, tu peux "
        "prévenir les équipes ?"
    ),
    12,
)
T("neg_lieux", "Quelle est la capacité d'accueil de la {PLACEF} pour le plan grand froid ?", 10)
T(
    "neg_lieux",
    "Le bus scolaire dessert le {PLACE} et la {PLACEF}, il faut revoir les horaires.",
    10,
)
T(
    "neg_lieux",
    (
        "Rappel : la loi ⟨Le Pors|Sauvadet|Veil|Evin|Pinel|Galland|Deferre|Dussopt⟩ "
        "s'applique-t-elle aux contractuels de catégorie C ?"
    ),
    10,
)
T(
    "neg_lieux",
    (
        "Le prix ⟨Goncourt|Nobel|Albert-Londres|Renaudot⟩ sera remis à la médiathèque, il faut "
        "une "
        "affiche."
    ),
    8,
)
T(
    "neg_lieux",
    (
        "Nouvelle implantation du service : avenue du ⟨Général de Gaulle|Maréchal Juin|Président "
        "Salvador Allende|Docteur Schweitzer⟩, à côté de la {PLACEF}."
    ),
    10,
)
T("neg_lieux", "Le collège {EPO} a signalé une fuite d'eau dans le gymnase, qui intervient ?", 10)
T(
    "neg_lieux",
    "réservation du ⟨amphi|salon|hall⟩ {EPO} pour le jury de concours, c'est fait ?",
    10,
)
T("neg_lieux", "Combien d'élèves sont inscrits cette année au lycée {EPO} à {VILLE} ?", 10)
T("neg_lieux", "La commémoration aura lieu place {EPO} puis au monument aux morts.", 10)
T(
    "neg_lieux",
    "Le dispositif ⟨Pinel|Denormandie|Malraux|Borloo⟩ est-il encore ouvert aux investisseurs ?",
    8,
)
T(
    "neg_lieux",
    "fais-moi un résumé du rapport ⟨Pêcheux|Thiriez|Attali|Gallois|Borloo⟩ en 10 lignes",
    8,
)
T(
    "neg_lieux",
    "Le parvis {EPO} sera fermé pendant la fête de la musique, prévoir une déviation.",
    10,
)

# -- nothing personal: institutions' contact details ------------------------------------------
T("neg_inst", "Pour toute question, contactez le {SERV} au {STD} ou par mail à {FMAIL}.", 12)
T("neg_inst", "--\n{SERV}\n{OFFADR}\nStandard : {STD}\n{FMAIL}", 12)
T("neg_inst", "Le courrier doit être adressé à : Préfecture, {OFFADR}", 12)
T("neg_inst", "c'est quoi le numéro de la plateforme déjà ? le {STD} ou un autre ?", 10)
T("neg_inst", "Les candidatures sont à envoyer à {FMAIL} avant le {DATE}.", 12)
T("neg_inst", "Mairie annexe\n{OFFADR}\nTél. {STD} - {FMAIL}\nOuvert du lundi au vendredi", 12)
T(
    "neg_inst",
    "Je n'arrive pas à joindre {FMAIL}, y a-t-il une autre adresse pour le support ?",
    10,
)
T("neg_inst", "Le tribunal administratif se trouve {OFFADR}, horaires d'ouverture ?", 10)
T(
    "neg_inst",
    (
        "Rédige une réponse type : « Votre demande a bien été reçue par le {SERV}. Vous pouvez "
        "suivre son avancement au {STD}. »"
    ),
    12,
)
T(
    "neg_inst",
    (
        "En cas de violences, composez le ⟨17|3919|115|112|119⟩ ou rendez-vous au commissariat le "
        "plus proche."
    ),
    8,
)
T(
    "neg_inst",
    "Adresse de facturation : Conseil départemental, Direction des finances, {OFFADR}",
    10,
)
T(
    "neg_inst",
    "Le centre des finances publiques (contact : {FMAIL}) demande le titre de recette.",
    10,
)

# -- nothing personal: administrative references, dates that are not births ----------------
T(
    "neg_ref",
    "Le fournisseur SIRET {SIRET} n'a pas été payé, la facture n° {CMD} est en attente.",
    12,
)
T("neg_ref", "Dossier n° {DOSS} : pièce manquante, merci de relancer le service instructeur.", 12)
T(
    "neg_ref",
    (
        "La commune nouvelle de ⟨Mauges-sur-Loire|Sèvremoine|Chemillé-en-Anjou|Vire "
        "Normandie|Livarot-Pays-d'Auge|Évry-Courcouronnes|Lamballe-Armor|Cherbourg-en-Cotentin⟩, "
        "née le 1er janvier ⟨2016|2017|2019⟩, a-t-elle repris les contrats des anciennes "
        "communes ?"
    ),
    10,
)
T(
    "neg_ref",
    "Vu le décret n° {DECRET} du {DATE} relatif au temps de travail, rédige le considérant.",
    12,
)
T("neg_ref", "commande {CMD} livrée incomplète, il manque 3 cartons de ramettes", 12)
T("neg_ref", "Numéro d'engagement juridique : {DOSS}, montant 12 480 € TTC.", 10)
T("neg_ref", "Date de prise de poste : {DATE}\nDate de fin de période d'essai : {DATE}", 12)
T("neg_ref", "Le service a été créé le {DATE} par arrêté préfectoral n° {DECRET}.", 10)
T("neg_ref", "Référence client {CMD}, contrat d'électricité du bâtiment {NUM}.", 10)
T(
    "neg_ref",
    "Le marché n° {DECRET}-MAPA-{NUM} a été notifié le {DATE} à la société (SIRET {SIRET}).",
    10,
)
T("neg_ref", "Ticket GLPI {DOSS} : imprimante du 2e étage en panne.", 10)
T(
    "neg_ref",
    (
        "L'association est née le {DATE} de la fusion de deux clubs, peut-elle demander une "
        "subvention ?"
    ),
    10,
)
T("neg_ref", "N° de convention : {DOSS} - échéance {DATE}", 10)

# -- nothing personal: topic words said of services, policies, procurements, requirements ---
T(
    "neg_sante",
    (
        "Mon service gère les arrêts maladie et les congés longue durée, tu peux me faire une "
        "fiche "
        "procédure ?"
    ),
    8,
)
T(
    "neg_sante",
    "Combien de jours de carence pour un arrêt maladie dans la fonction publique en ⟨2025|2026⟩ ?",
    8,
)
T(
    "neg_sante",
    (
        "Notre direction lance une campagne de dépistage du diabète et de vaccination contre la "
        "grippe, rédige l'affiche."
    ),
    8,
)
T(
    "neg_sante",
    (
        "Quelles sont les obligations de l'employeur pour les agents en situation de handicap "
        "? Et "
        "la RQTH, ça se renouvelle comment ?"
    ),
    8,
)
T(
    "neg_religion",
    (
        "La collectivité doit-elle accorder des autorisations d'absence pour les fêtes "
        "religieuses "
        "? Il y a une circulaire ?"
    ),
    8,
)
T(
    "neg_religion",
    (
        "Prépare une formation sur la laïcité pour les agents d'accueil : port de signes "
        "religieux, "
        "neutralité, menus à la cantine."
    ),
    8,
)
T(
    "neg_religion",
    (
        "la chapelle {EPO} et le temple protestant sont fermés pour travaux, faut mettre à "
        "jour le "
        "guide touristique"
    ),
    8,
)
T(
    "neg_religion",
    (
        "Calendrier des congés : Noël, Pâques, Ascension, Toussaint, quels jours fériés "
        "tombent un "
        "lundi en ⟨2026|2027⟩ ?"
    ),
    8,
)
T(
    "neg_politique",
    "Rappelle-moi les règles du devoir de réserve pendant la campagne des municipales.",
    8,
)
T(
    "neg_politique",
    (
        "Combien de sièges le RN et LFI ont-ils obtenus aux dernières législatives dans le "
        "département ?"
    ),
    8,
)
T(
    "neg_politique",
    (
        "Le conseil municipal a voté le budget, l'opposition s'est abstenue. Fais-moi un "
        "communiqué "
        "neutre."
    ),
    8,
)
T("neg_syndicat", "Combien de représentants FO, CGT et CFDT siègent au CSA ministériel ?", 8)
T(
    "neg_syndicat",
    (
        "Quelle est la procédure pour accorder une décharge d'activité de service aux "
        "organisations "
        "syndicales ?"
    ),
    8,
)
T(
    "neg_syndicat",
    "Le préavis de grève déposé par ⟨SUD|la CGT|FO|l'intersyndicale⟩ couvre quelle période ?",
    8,
)
T(
    "neg_origine",
    (
        "Rédige un rappel sur la lutte contre les discriminations liées à l'origine dans le "
        "recrutement."
    ),
    8,
)
T(
    "neg_origine",
    "Quels sont les chiffres de l'INSEE sur l'immigration en ⟨Île-de-France|Guyane|Mayotte⟩ ?",
    8,
)
T(
    "neg_origine",
    "Le festival des cultures africaines et le nouvel an chinois sont programmés au {PLACE}.",
    8,
)
T(
    "neg_vs",
    "Fais une affiche pour le mois des fiertés et la marche de la Pride organisée par la ville.",
    8,
)
T(
    "neg_vs",
    "Un agent pacsé a-t-il droit aux mêmes jours de congé qu'un agent marié ? Question générale.",
    8,
)
T("neg_vs", "La fiche d'inscription demande « sexe » et « genre », est-ce conforme au RGPD ?", 8)
T(
    "neg_vs",
    "Prépare une intervention sur l'orientation scolaire des élèves de 3e au collège {EPO}.",
    8,
)
T(
    "neg_bio",
    "Le marché de reconnaissance faciale pour la vidéoprotection est-il conforme à la loi ?",
    8,
)
T(
    "neg_bio",
    "Compare les offres de pointeuses biométriques pour l'appel d'offres, critères et prix.",
    8,
)
T(
    "neg_bio",
    "Quel est le cadre légal des tests ADN en France pour les recherches en paternité ?",
    8,
)
T(
    "neg_infraction",
    (
        "Le bulletin n° 2 du casier judiciaire est exigé pour tous les postes au contact des "
        "mineurs, c'est bien ça ?"
    ),
    8,
)
T(
    "neg_infraction",
    "Rédige une note sur la procédure de retrait de points pour les véhicules de service.",
    8,
)
T(
    "neg_infraction",
    (
        "Combien de gardes à vue ont été enregistrées dans le département en ⟨2023|2024⟩ ? J'ai "
        "besoin des chiffres pour le rapport."
    ),
    8,
)

# -- nothing personal: everyday requests ---------------------------------------------------
T(
    "neg_divers",
    "Peux-tu résumer ce texte sur la réforme de la protection sociale complémentaire ?",
    8,
)
T("neg_divers", "fais moi un tableau des congés annuels par service, juste les colonnes", 8)
T("neg_divers", "Comment calculer l'indemnité de résidence pour un agent en zone 1 ?", 8)
T("neg_divers", "Rédige un mail d'accueil générique pour les nouveaux arrivants du {SERV}.", 8)
T("neg_divers", "Quelle différence entre une disponibilité et un détachement ?", 6)
T("neg_divers", "Le séminaire des cadres est prévu le {DATE} à {VILLE}, propose un programme.", 10)
T("neg_divers", "Traduis en espagnol la page d'accueil du site de la mairie de {VILLE}.", 8)
T("neg_divers", "Propose 5 idées de titres pour la lettre interne du {SERV}.", 8)
T("neg_divers", "peux tu reformuler : « le service sera fermé du {DATE} au {DATE} inclus »", 10)
T(
    "neg_divers",
    "Quel est le plafond de la prime de fin d'année pour un adjoint administratif ?",
    6,
)
T(
    "neg_ref",
    "La carte achat du service (n° de marché {DECRET}) a un plafond de 3 000 €, qui valide ?",
    8,
)
T("neg_inst", "Standard de la DDFIP : {STD}. Accueil sur rendez-vous au {OFFADR}.", 10)

T(
    "neg_divers",
    (
        "Le {SERV} sera joignable au {STD} pendant la fermeture estivale, relis mon message "
        "d'absence."
    ),
    10,
)
T(
    "neg_divers",
    "Peux-tu mettre en forme ce tableau : service ; effectif ; absentéisme 2025 (taux) ?",
    8,
)
T(
    "neg_inst",
    (
        "--\nLe pôle ressources humaines\n{SERV}\n{FMAIL} | {STD}\nMerci de ne pas répondre "
        "directement à ce message."
    ),
    10,
)
T(
    "neg_ref",
    (
        "Rapport d'activité : 312 arrêts maladie traités, 41 signalements RPS, 12 dossiers "
        "disciplinaires en 2025."
    ),
    8,
)
T(
    "neg_lieux",
    "Le square {EPO} et la rue {EPO} passent en zone 30, rédige l'arrêté municipal.",
    10,
)
T("neg_lieux", "Réunion au lycée {EPO}, salle B12, avec les parents d'élèves, le {DATE}.", 10)

T("neg_divers", "on a combien de jours pour contester un titre de recette ? c pour un usager", 10)
T("neg_divers", "Fais-moi la liste des pièces à fournir pour une demande de logement social.", 8)
T(
    "neg_ref",
    "Facture n° FA-{DECRET} du {DATE}, bon de commande {CMD}, à imputer sur le chapitre 011.",
    12,
)
T(
    "neg_ref",
    (
        "La commune de ⟨Val-de-Livre|Terres-de-Caux|Souleuvre-en-Bocage|Beaupréau-en-Mauges⟩, née "
        "le 1er janvier ⟨2016|2017|2019⟩ de la fusion de trois villages, recrute un⟪|e⟫ "
        "secrétaire "
        "de mairie."
    ),
    10,
)
T(
    "neg_inst",
    (
        "La permanence juridique se tient à la maison de la justice et du droit, {OFFADR}, le "
        "mardi "
        "de 9h à 12h."
    ),
    12,
)
T(
    "neg_lieux",
    (
        "Propose un parcours pour la journée du patrimoine : musée {EPO}, hôtel de ville, place "
        "{EPO}."
    ),
    12,
)
T(
    "neg_bio",
    "Le CHU lance un programme de recherche en génétique, rédige le communiqué de presse.",
    8,
)

# -- names with look-alikes of topics (labelled: names only) -----------------------------------
T("piege", "{N} et ⟪2:son mari|sa femme⟫ {P2} viendront au repas des retraités.", 8, "other")
T("piege", "{S} est pacsé⟪|e⟫ depuis mars, a-t-⟪il|elle⟫ droit au congé pour PACS ?", 8)
T("piege", "{P} travaille au service santé au travail et gère les visites médicales.", 8)
T("piege", "{NF} anime la formation laïcité et le module sur les discriminations.", 8)
T("piege", "{S} est chargé⟪|e⟫ du marché de pointeuses biométriques.", 8)
T("piege", "{N} est né⟪|e⟫ à {VILLE} et a pris son poste le {DATE}.", 8)
T("piege", "{P} demande le bulletin n° 2 du casier judiciaire des candidats animateurs.", 8)
T("piege", "{S} organise l'accueil des délégués syndicaux pour les élections professionnelles.", 8)


def templates() -> list[tuple[str, int, str, str]]:
    """(template id, renders, text, second person's gender), ids numbered within a family."""
    out: list[tuple[str, int, str, str]] = []
    seen: Counter[str] = Counter()
    for family, renders, text, second in _T:
        out.append((f"test6_{family}-{seen[family]:02d}", renders, text, second))
        seen[family] += 1
    return out


def generate(seed: int = SEED) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    rows: list[dict[str, Any]] = []
    texts: set[str] = set()
    for template_id, renders, text, second in templates():
        made = 0
        for _ in range(renders * 6):
            if made == renders:
                break
            g = rng.choice("mf")
            g2 = {"same": g, "other": "f" if g == "m" else "m"}.get(second, rng.choice("mf"))
            ctx: Ctx = {"g": g, "g2": g2}
            pieces, originals = noisy(render(text, rng, ctx), rng)
            row = assemble(pieces, template_id, originals)
            if row["text"] in texts:
                continue
            texts.add(row["text"])
            rows.append(row)
            made += 1
    return rows


def counts(rows: Sequence[dict[str, Any]]) -> Counter[str]:
    """Items per category."""
    return Counter(category for row in rows for _, _, category in row["spans"])


def write(rows: Sequence[dict[str, Any]], path: Path = OUT) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def main() -> int:
    if faker.VERSION != MADE_WITH_FAKER:
        print(f"warning: made with faker {MADE_WITH_FAKER}, running {faker.VERSION}")
    rows = generate()
    write(rows)
    clean = sum(1 for row in rows if not row["spans"])
    print(f"{len(rows)} sentences ({clean} with nothing personal), {len(templates())} templates")
    for category, n in sorted(counts(rows).items()):
        print(f"{category:22} {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
