# ruff: noqa: E501
"""A seventh held-out set for the personal-data guard: tests/data/pii_test7.jsonl.

Written by an independent hand, from scratch: it reads no other generator, no detector and no
other set (see tests/data/PII_SETS.md, section test7). Deterministic: fixed seed, faker's name
lists (read as data, not through faker's random generator) and the hand lists below.

    python -m devtools.pii_corpus_test7

Template syntax (rendered once per line):
- ``[masc|fem]``: agreement with the gender drawn for the line (subject and same-gender partner);
- ``{SLOT}``: a value drawn by a slot function; labelled slots give a span of their category;
- ``<categorie:phrase a;phrase b>``: a topic phrase written in the template (one alternative
  drawn), labelled with the topic category;
- a template starting with ``~`` is chat: every piece is lower-cased, and half of the time the
  accents are dropped. Pieces are transformed before they are joined, so spans stay exact.
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MADE_WITH_FAKER = "40.63.0"
SEED = 7_031_226
RENDERINGS = 8
SPLIT = "test7"
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii_test7.jsonl"

IDENTIFIER_CATEGORIES = (
    "email",
    "iban",
    "nir",
    "carte",
    "telephone",
    "date_naissance",
    "adresse",
    "personne",
)
TOPIC_CATEGORIES = (
    "sante",
    "religion",
    "opinion_politique",
    "syndicat",
    "origine",
    "vie_sexuelle",
    "genetique_biometrie",
    "infraction",
)


# Values -------------------------------------------------------------------------------------


def _names(locale: str, attr: str) -> tuple[list[str], list[float]]:
    import importlib

    provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    values = getattr(provider, attr)
    if isinstance(values, dict):
        keys = list(values)
        return keys, [float(values[k]) for k in keys]
    items = list(values)
    return items, [1.0] * len(items)


def _rank_weighted(values: list[str], power: float) -> tuple[list[str], list[float]]:
    return values, [1.0 / (rank + 1) ** power for rank in range(len(values))]


# Hand lists (West African and Chinese names are absent from faker's French-speaking lists).
WEST_AFRICAN_SURNAMES = [
    "Diallo",
    "Traoré",
    "Diop",
    "Koné",
    "Camara",
    "Ndiaye",
    "Sow",
    "Cissé",
    "Kouassi",
    "Mbaye",
    "Touré",
    "Keita",
    "Coulibaly",
    "Sylla",
    "Fofana",
    "Ba",
    "Sarr",
    "Konaté",
    "Ouattara",
    "Diarra",
]
WEST_AFRICAN_FIRST = {
    "m": ["Mamadou", "Moussa", "Ibrahima", "Oumar", "Abdoulaye", "Cheikh", "Boubacar", "Seydou"],
    "f": ["Aminata", "Fatoumata", "Awa", "Mariam", "Aïssatou", "Kadiatou", "Fanta", "Binta"],
}
CHINESE_SURNAMES = ["Chen", "Wang", "Zhang", "Li", "Liu", "Huang", "Lin", "Zhou"]
CHINESE_FIRST = {"m": ["Wei", "Jun", "Hao", "Lei"], "f": ["Mei", "Ling", "Xiu", "Yan"]}


def _pools() -> dict[str, tuple[list[str], list[float], dict[str, tuple[list[str], list[float]]]]]:
    """Origin -> (surnames, weights, {gender: (given names, weights)})."""
    pools: dict[str, tuple[list[str], list[float], dict[str, tuple[list[str], list[float]]]]] = {}
    fr_last, _ = _names("fr_FR", "last_names")
    fr_l, fr_w = _rank_weighted(fr_last, 0.5)
    be_f = _names("fr_BE", "first_names_female")
    be_m = _names("fr_BE", "first_names_male")
    fr_f = _names("fr_FR", "first_names_female")
    fr_m = _names("fr_FR", "first_names_male")
    pools["fr"] = (
        fr_l,
        fr_w,
        {
            "f": (fr_f[0] + be_f[0][:200], fr_f[1] + [1.0] * 200),
            "m": (fr_m[0] + be_m[0][:200], fr_m[1] + [1.0] * 200),
        },
    )
    for loc in ("fr_BE", "fr_CA", "fr_CH"):
        last, lw = _names(loc, "last_names")
        pools[loc] = (
            last,
            lw,
            {"f": _names(loc, "first_names_female"), "m": _names(loc, "first_names_male")},
        )
    for loc in ("fr_DZ", "pt_PT", "es_ES", "it_IT", "tr_TR", "vi_VN"):
        last, lw = _names(loc, "last_names")
        pools[loc] = (
            last,
            lw,
            {"f": _names(loc, "first_names_female"), "m": _names(loc, "first_names_male")},
        )
    pools["wa"] = (
        WEST_AFRICAN_SURNAMES,
        [1.0] * len(WEST_AFRICAN_SURNAMES),
        {g: (v, [1.0] * len(v)) for g, v in WEST_AFRICAN_FIRST.items()},
    )
    pools["cn"] = (
        CHINESE_SURNAMES,
        [1.0] * len(CHINESE_SURNAMES),
        {g: (v, [1.0] * len(v)) for g, v in CHINESE_FIRST.items()},
    )
    return pools


# Rough shares of surname origins among people living in France.
ORIGINS = [
    ("fr", 0.62),
    ("fr_BE", 0.04),
    ("fr_CH", 0.02),
    ("fr_CA", 0.02),
    ("fr_DZ", 0.12),
    ("pt_PT", 0.05),
    ("es_ES", 0.03),
    ("it_IT", 0.03),
    ("tr_TR", 0.015),
    ("wa", 0.03),
    ("vi_VN", 0.01),
    ("cn", 0.005),
]
PARTICLES = ["de", "de la", "Le", "du", "d'", "Le", "de"]

# Real communes with their postcodes (hand list: faker fr_FR ships no commune list).
COMMUNES = [
    ("Lyon", "69003"),
    ("Marseille", "13005"),
    ("Toulouse", "31400"),
    ("Nantes", "44000"),
    ("Rennes", "35000"),
    ("Lille", "59000"),
    ("Roubaix", "59100"),
    ("Besançon", "25000"),
    ("Limoges", "87000"),
    ("Poitiers", "86000"),
    ("Angers", "49000"),
    ("Brest", "29200"),
    ("Quimper", "29000"),
    ("Vannes", "56000"),
    ("Laval", "53000"),
    ("Chartres", "28000"),
    ("Évreux", "27000"),
    ("Saint-Brieuc", "22000"),
    ("Aurillac", "15000"),
    ("Rodez", "12000"),
    ("Albi", "81000"),
    ("Montauban", "82000"),
    ("Agen", "47000"),
    ("Pau", "64000"),
    ("Bayonne", "64100"),
    ("Mont-de-Marsan", "40000"),
    ("Périgueux", "24000"),
    ("Châteauroux", "36000"),
    ("Nevers", "58000"),
    ("Mâcon", "71000"),
    ("Bourg-en-Bresse", "01000"),
    ("Annecy", "74000"),
    ("Chambéry", "73000"),
    ("Gap", "05000"),
    ("Digne-les-Bains", "04000"),
    ("Nîmes", "30000"),
    ("Béziers", "34500"),
    ("Perpignan", "66000"),
    ("Carcassonne", "11000"),
    ("Saint-Étienne", "42000"),
    ("Clermont-Ferrand", "63000"),
    ("Vichy", "03200"),
    ("Épinal", "88000"),
    ("Metz", "57000"),
    ("Thionville", "57100"),
    ("Colmar", "68000"),
    ("Mulhouse", "68100"),
    ("Troyes", "10000"),
    ("Reims", "51100"),
    ("Amiens", "80000"),
    ("Beauvais", "60000"),
    ("Saint-Quentin", "02100"),
    ("Cergy", "95000"),
    ("Créteil", "94000"),
    ("Montreuil", "93100"),
    ("Saint-Denis", "93200"),
    ("Nanterre", "92000"),
    ("Évry-Courcouronnes", "91000"),
    ("Meaux", "77100"),
    ("Versailles", "78000"),
    ("Paris", "75011"),
    ("Paris", "75018"),
    ("La Roche-sur-Yon", "85000"),
    ("Niort", "79000"),
    ("Angoulême", "16000"),
    ("Cahors", "46000"),
    ("Foix", "09000"),
    ("Tarbes", "65000"),
    ("Auch", "32000"),
    ("Mende", "48000"),
    ("Le Puy-en-Velay", "43000"),
    ("Privas", "07000"),
    ("Valence", "26000"),
    ("Vienne", "38200"),
    ("Talence", "33400"),
    ("Mérignac", "33700"),
    ("Villeurbanne", "69100"),
    ("Vénissieux", "69200"),
    ("Ajaccio", "20000"),
    ("Bastia", "20200"),
    ("Porto-Vecchio", "20137"),
    ("Corte", "20250"),
    ("Calvi", "20260"),
    ("Pointe-à-Pitre", "97110"),
    ("Les Abymes", "97139"),
    ("Fort-de-France", "97200"),
    ("Le Lamentin", "97232"),
    ("Cayenne", "97300"),
    ("Kourou", "97310"),
    ("Saint-Pierre", "97410"),
    ("Le Tampon", "97430"),
    ("Saint-Paul", "97460"),
    ("Mamoudzou", "97600"),
    ("Koungou", "97690"),
    ("Plouescat", "29430"),
    ("Saint-Flour", "15100"),
    ("Vitré", "35500"),
    ("Lamballe-Armor", "22400"),
    ("Issoire", "63500"),
    ("Lunel", "34400"),
]
STREET_TYPES = [
    ("rue", 40),
    ("avenue", 9),
    ("chemin", 9),
    ("allée", 7),
    ("impasse", 7),
    ("route", 6),
    ("place", 3),
    ("boulevard", 4),
    ("lotissement", 2),
    ("square", 1),
    ("quai", 1),
    ("cours", 1),
    ("montée", 1),
    ("sentier", 1),
    ("hameau", 1),
    ("voie", 1),
]
STREET_NAMES = [
    "des Lilas",
    "du Moulin",
    "de la Gare",
    "des Écoles",
    "des Tilleuls",
    "du Stade",
    "des Acacias",
    "de l'Église",
    "du Château d'Eau",
    "des Vignes",
    "des Peupliers",
    "de la Fontaine",
    "du Lavoir",
    "des Genêts",
    "des Mimosas",
    "de la Croix Blanche",
    "des Rosiers",
    "du Pré Vert",
    "des Bleuets",
    "de la Source",
    "du Bois Joli",
    "des Coquelicots",
    "des Glycines",
    "du Four à Pain",
    "de la Mairie",
    "des Jardins",
    "des Hirondelles",
    "du Puits",
    "des Cerisiers",
    "de Bretagne",
    "de Paris",
    "du Port",
    "Jean Jaurès",
    "Victor Hugo",
    "Pasteur",
    "du Général de Gaulle",
    "Jean Moulin",
    "Gambetta",
    "Émile Zola",
    "Aristide Briand",
    "Jules Ferry",
    "Simone Veil",
    "Pierre Brossolette",
    "Lucie Aubrac",
    "Marcel Pagnol",
    "Georges Brassens",
]
LIEUX_DITS = [
    "Les Trois Chênes",
    "La Bergerie",
    "Le Grand Pré",
    "Les Combes",
    "Kerlann",
    "La Moutonnerie",
    "Les Essarts",
    "Le Bourg",
    "Maison Neuve",
    "La Croix du Sud",
]
RESIDENCES = [
    "Les Magnolias",
    "Le Clos Fleuri",
    "Les Terrasses du Lac",
    "Le Parc",
    "Les Érables",
    "Bellevue",
    "Les Hauts de Seine",
    "Le Belvédère",
    "Les Jardins d'Arcadie",
]
EPONYMS = [
    "le collège Jean Moulin",
    "l'école Marie Curie",
    "le lycée Victor Hugo",
    "la médiathèque Simone Veil",
    "le gymnase Pierre de Coubertin",
    "le stade Léo Lagrange",
    "l'hôpital Édouard Herriot",
    "la place Charles de Gaulle",
    "le pont Gustave Flaubert",
    "la salle Georges Brassens",
    "le centre social Louise Michel",
    "le groupe scolaire Jacques Prévert",
    "l'EHPAD Jeanne d'Arc",
    "le quai François Mitterrand",
    "l'avenue du Président Wilson",
    "la résidence Albert Camus",
    "la crèche Françoise Dolto",
    "le boulevard Maréchal Leclerc",
    "l'université Paul Valéry",
    "le CHU Gabriel Montpied",
    "la piscine Alfred Nakache",
    "le lycée Marguerite Yourcenar",
]
SERVICES = [
    "la DDETS",
    "la préfecture",
    "la DRH",
    "la mairie",
    "la DDFiP",
    "la DSDEN",
    "la CAF",
    "France Travail",
    "l'ARS",
    "la DREAL",
    "la direction des ressources humaines",
    "la sous-préfecture",
    "la cellule paie",
    "l'URSSAF",
    "la DDT",
    "la direction des finances",
]
MAIL_DOMAINS_PERSO = [
    "gmail.com",
    "orange.fr",
    "free.fr",
    "laposte.net",
    "hotmail.fr",
    "yahoo.fr",
    "sfr.fr",
    "outlook.fr",
    "wanadoo.fr",
    "icloud.com",
    "proton.me",
]
MAIL_DOMAINS_PRO = [
    "interieur.gouv.fr",
    "ac-lyon.fr",
    "finances.gouv.fr",
    "justice.fr",
    "developpement-durable.gouv.fr",
    "ars.sante.fr",
    "ville-rennes.fr",
    "loire-atlantique.fr",
    "ac-creteil.fr",
    "agriculture.gouv.fr",
    "cget.gouv.fr",
]
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
MONTHS_SHORT = [
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


# Topic banks (each phrase is the labelled span; [m|f] agrees with the line's gender) ----------

TOPICS: dict[str, list[str]] = {
    "sante": [
        "est en arrêt maladie depuis trois semaines",
        "a fait un burn-out",
        "est sous chimio",
        "souffre d'une sclérose en plaques",
        "est diabétique de type 1",
        "a été opéré[|e] du genou",
        "est suivi[|e] par un psychiatre",
        "a une RQTH",
        "est en mi-temps thérapeutique",
        "fait des crises d'épilepsie",
        "est atteint[|e] de la maladie de Crohn",
        "est en congé de longue maladie",
        "a fait une dépression sévère",
        "prend des antidépresseurs",
        "est hospitalisé[|e] depuis lundi",
        "a un covid long",
        "est sourd[|e] d'une oreille",
        "est en fauteuil roulant depuis son accident",
        "a une hernie discale",
        "a fait un AVC en mars",
        "est bipolaire",
        "a un problème d'alcool",
        "est en rééducation après son infarctus",
        "est en situation de handicap",
        "a été déclaré[|e] inapte par le médecin du travail",
    ],
    "religion": [
        "est musulman[|e] pratiquant[|e]",
        "fait le ramadan",
        "[porte la kippa|porte le voile]",
        "est catholique pratiquant[|e]",
        "va à la messe tous les dimanches",
        "ne mange pas de porc pour raisons religieuses",
        "pose un congé pour Yom Kippour",
        "est témoin de Jéhovah",
        "s'est converti[|e] au bouddhisme",
        "est protestant[|e]",
        "fréquente la mosquée du quartier",
        "[est juif|est juive] pratiquant[|e]",
        "prie pendant la pause de midi",
        "a fait le pèlerinage à La Mecque",
        "est évangélique",
        "respecte le shabbat",
        "est orthodoxe",
        "a quitté l'Église",
        "est bouddhiste",
        "demande sa journée pour l'Aïd",
        "[est diacre|est religieuse]",
        "fait carême",
    ],
    "syndicat": [
        "est syndiqué[|e] à la CGT",
        "est délégué[|e] FO",
        "a pris sa carte à la CFDT",
        "est élu[|e] SUD au CSA",
        "milite chez Solidaires",
        "représente l'UNSA en CAP",
        "est adhérent[|e] de la FSU",
        "siège au bureau de la CFE-CGC",
        "a rejoint le SNES-FSU",
        "est secrétaire de section CFTC",
        "est représentant[|e] du personnel pour FO",
        "cotise à la CGT depuis vingt ans",
        "est mandaté[|e] par l'UNSA",
        "a une décharge syndicale pour la CFDT",
        "est encarté[|e] chez SUD",
        "tient le stand de la CGT",
        "a été désigné[|e] délégué[|e] syndical[|e] CFDT",
    ],
    "opinion_politique": [
        "est encarté[|e] au PS",
        "milite à La France insoumise",
        "vote RN",
        "est militant[|e] chez les Écologistes",
        "était sur la liste LR aux municipales",
        "colle des affiches pour Renaissance",
        "est très à gauche",
        "est d'extrême droite",
        "soutient Reconquête",
        "est adhérent[|e] du Parti communiste",
        "est membre des Républicains",
        "se dit anarchiste",
        "est royaliste",
        "tracte pour le Rassemblement national",
        "fait campagne pour les Verts",
        "anime le comité local de LFI",
        "est un[|e] gaulliste convaincu[|e]",
        "est proche du Modem",
    ],
    "origine": [
        "est d'origine algérienne",
        "est né[|e] au Mali",
        "est d'origine marocaine",
        "est rom",
        "est issu[|e] de la communauté turque",
        "a des origines vietnamiennes",
        "est noir[|e]",
        "est maghrébin[|e]",
        "vient d'une famille kabyle",
        "est d'origine portugaise",
        "est métis[|se]",
        "est d'origine sénégalaise",
        "est asiatique",
        "appartient à la communauté gitane",
        "est d'ascendance haïtienne",
        "est d'origine comorienne",
        "est kurde",
        "a des parents tunisiens",
    ],
    "vie_sexuelle": [
        "est homosexuel[|le]",
        "[est gay|est lesbienne]",
        "vit avec [son compagnon|sa compagne]",
        "est pacsé[|e] avec [un homme|une femme]",
        "a fait son coming out",
        "est bi",
        "est bisexuel[|le]",
        "est en couple avec [un homme|une femme]",
        "s'est marié[|e] avec [son copain|sa copine]",
        "a [un petit ami|une petite amie]",
        "est trans",
        "est en transition de genre",
        "est non binaire",
        "fréquente des clubs libertins",
        "est asexuel[|le]",
        "est queer",
        "a été vu[|e] à la Pride avec [son copain|sa copine]",
        "a changé de prénom à l'état civil après sa transition",
    ],
    "genetique_biometrie": [
        "a fait un test ADN",
        "est porteu[r|se] de la mutation BRCA2",
        "a enregistré son empreinte digitale pour la badgeuse",
        "a fait séquencer son génome",
        "a un caryotype anormal",
        "a subi un prélèvement ADN en garde à vue",
        "a fait scanner son iris au contrôle d'accès",
        "a donné son empreinte palmaire",
        "a une maladie génétique héréditaire",
        "est fiché[|e] au FNAEG",
        "est porteu[r|se] sain[|e] de la drépanocytose",
        "a fait un test de paternité",
        "a enregistré son empreinte vocale",
        "a fait analyser son ADN sur MyHeritage",
        "a déposé son gabarit facial pour la pointeuse",
        "a le syndrome de l'X fragile",
    ],
    "infraction": [
        "a été condamné[|e] pour vol",
        "a un casier judiciaire",
        "est sous contrôle judiciaire",
        "a perdu son permis pour alcoolémie",
        "a été placé[|e] en garde à vue",
        "a été flashé[|e] à 150 km/h",
        "est en liberté conditionnelle",
        "a fait de la prison",
        "a une condamnation pour violences conjugales",
        "est mis[|e] en examen pour détournement de fonds",
        "a pris six mois avec sursis",
        "porte un bracelet électronique",
        "a été interpellé[|e] pour conduite sous stupéfiants",
        "a été condamné[|e] pour harcèlement",
        "doit effectuer un TIG",
        "a écopé d'une amende pour fraude fiscale",
        "a été verbalisé[|e] pour excès de vitesse",
    ],
}


# Identifiers -----------------------------------------------------------------------------------


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_complete(prefix: str) -> str:
    for last in "0123456789":
        if luhn_ok(prefix + last):
            return prefix + last
    raise AssertionError  # pragma: no cover


def nir_key(body: str) -> int:
    number = int(body.replace("2A", "19").replace("2B", "18"))
    return 97 - number % 97


def iban_check(country: str, bban: str) -> str:
    converted = "".join(str(int(c, 36)) for c in bban + country + "00")
    return f"{98 - int(converted) % 97:02d}"


def iban_ok(iban: str) -> bool:
    compact = iban.replace(" ", "")
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def rib_key(bank: str, branch: str, account: str) -> str:
    return f"{97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97:02d}"


# Rendering -------------------------------------------------------------------------------------

Piece = tuple[str, str | None]  # text, category (None: not labelled)


@dataclass
class Ctx:
    rng: random.Random
    gender: str
    last_person: tuple[str, str] = ("", "")


class Generator:
    def __init__(self) -> None:
        self.pools = _pools()
        self.origins = [o for o, _ in ORIGINS]
        self.origin_w = [w for _, w in ORIGINS]

    # names
    def given(self, ctx: Ctx, gender: str, origin: str | None = None) -> str:
        r = ctx.rng
        origin = origin or r.choices(self.origins, self.origin_w)[0]
        names, weights = self.pools[origin][2][gender]
        name = r.choices(names, weights)[0]
        if origin == "fr" and r.random() < 0.08:
            other = r.choices(names, weights)[0]
            if other != name and " " not in other and "-" not in name:
                name = f"{name}-{other}"
        return name

    def surname(self, ctx: Ctx, origin: str | None = None) -> str:
        r = ctx.rng
        origin = origin or r.choices(self.origins, self.origin_w)[0]
        names, weights, _ = self.pools[origin]
        name = r.choices(names, weights)[0]
        if origin == "fr":
            roll = r.random()
            if roll < 0.07 and " " not in name:
                particle = r.choice(PARTICLES)
                if particle.endswith("'"):
                    if name[0] in "AEIOUÉ":
                        name = f"{particle}{name}"
                else:
                    name = f"{particle} {name}"
            elif roll < 0.12:
                name = f"{name}-{r.choices(names, weights)[0]}"
        return name

    def person(self, ctx: Ctx, gender: str) -> str:
        r = ctx.rng
        origin = r.choices(self.origins, self.origin_w)[0]
        first = self.given(ctx, gender, origin)
        last = self.surname(ctx, origin)
        ctx.last_person = (first, last)
        roll = r.random()
        if roll < 0.55:
            return f"{first} {last}"
        if roll < 0.70:
            return f"{last.upper()} {first}"
        if roll < 0.80:
            return f"{first} {last.upper()}"
        if roll < 0.86 and first[0] not in "MD":
            return f"{first[0]}. {last}"
        if roll < 0.93:
            return f"{first.lower()} {last.lower()}"
        return f"{last} {first}"

    def remember(self, ctx: Ctx, first: str = "", last: str = "") -> str:
        """Keeps the parts of a name given in two fields, for the e-mail that follows."""
        old_first, old_last = ctx.last_person
        ctx.last_person = (first or old_first, last or old_last)
        return first or last

    def person_upper(self, ctx: Ctx, gender: str) -> str:
        origin = ctx.rng.choices(self.origins, self.origin_w)[0]
        first = self.given(ctx, gender, origin)
        last = self.surname(ctx, origin)
        ctx.last_person = (first, last)
        return f"{last.upper()} {first}"

    # addresses
    def commune(self, ctx: Ctx) -> tuple[str, str]:
        return ctx.rng.choice(COMMUNES)

    def street(self, ctx: Ctx, number: bool = True) -> str:
        r = ctx.rng
        kind = r.choices([k for k, _ in STREET_TYPES], [w for _, w in STREET_TYPES])[0]
        name = r.choice(STREET_NAMES)
        text = f"{kind} {name}"
        if not number:
            return text
        num = str(r.choice([r.randint(1, 30), r.randint(1, 250)]))
        roll = r.random()
        if roll < 0.10:
            num += " bis"
        elif roll < 0.14:
            num += " ter"
        elif roll < 0.17:
            num += "B"
        return f"{num}{',' if r.random() < 0.2 else ''} {text}"

    def address(self, ctx: Ctx, multiline: bool = False) -> str:
        r = ctx.rng
        town, cp = self.commune(ctx)
        roll = r.random()
        if roll < 0.50:
            lines = [self.street(ctx)]
        elif roll < 0.62:
            lines = [self.street(ctx, number=False)]
        elif roll < 0.70:
            lines = [f"lieu-dit {r.choice(LIEUX_DITS)}"]
        elif roll < 0.82:
            lines = [
                f"Résidence {r.choice(RESIDENCES)}, bât. {r.choice('ABCDE')}, appt {r.randint(1, 64)}",
                self.street(ctx),
            ]
        elif roll < 0.90:
            lines = [self.street(ctx), f"BP {r.randint(1, 299)}"]
        else:
            lines = [
                f"{r.choice(['Appartement', 'Apt', 'Escalier'])} {r.randint(2, 40)}",
                self.street(ctx),
            ]
        tail = f"{cp} {town.upper() if r.random() < 0.3 else town}"
        if "BP" in lines[-1] and r.random() < 0.5:
            tail += " Cedex"
        lines.append(tail)
        if multiline:
            return "\n".join(lines)
        out = ", ".join(lines) if r.random() < 0.7 else " ".join(lines)
        return out.upper() if r.random() < 0.1 else out

    # contacts and numbers
    def phone(self, ctx: Ctx) -> str:
        r = ctx.rng
        head = r.choice(
            ["06", "07", "06", "07", "06", "02", "04", "09", "0690", "0694", "0696", "0639"]
        )
        digits = head + "".join(str(r.randint(0, 9)) for _ in range(10 - len(head)))
        style = r.random()
        if style < 0.45:
            return " ".join(digits[i : i + 2] for i in range(0, 10, 2))
        if style < 0.60:
            return ".".join(digits[i : i + 2] for i in range(0, 10, 2))
        if style < 0.75:
            return digits
        if style < 0.90:
            rest = digits[1:]
            return "+33 " + rest[0] + " " + " ".join(rest[i : i + 2] for i in range(1, 9, 2))
        return "+33" + digits[1:]

    def email(self, ctx: Ctx, pro: bool | None = None) -> str:
        r = ctx.rng
        first, last = ctx.last_person
        first = first or self.given(ctx, ctx.gender)
        last = last or self.surname(ctx)

        def clean(s: str) -> str:
            s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
            return re.sub(r"[^a-z]", "", s.lower().replace(" ", "").replace("'", ""))

        f, last_c = clean(first), clean(last)
        pro = r.random() < 0.4 if pro is None else pro
        if pro:
            local = r.choice(
                [f"{f}.{last_c}", f"{f[:1]}.{last_c}", f"{f}.{last_c}{r.randint(1, 3)}"]
            )
            return f"{local}@{r.choice(MAIL_DOMAINS_PRO)}"
        local = r.choice(
            [
                f"{f}.{last_c}",
                f"{f}{last_c}{r.randint(10, 99)}",
                f"{last_c}.{f}",
                f"{f[:1]}{last_c}",
                f"{f}_{last_c}",
            ]
        )
        return f"{local}@{r.choice(MAIL_DOMAINS_PERSO)}"

    def birth(self, ctx: Ctx) -> str:
        r = ctx.rng
        y, m, d = r.randint(1950, 2004), r.randint(1, 12), r.randint(1, 28)
        style = r.randrange(7)
        if style == 0:
            return f"{d:02d}/{m:02d}/{y}"
        if style == 1:
            return f"{d} {MONTHS[m - 1]} {y}"
        if style == 2:
            return f"{d:02d}.{m:02d}.{y % 100:02d}"
        if style == 3:
            return f"{y}-{m:02d}-{d:02d}"
        if style == 4:
            return f"{'1er' if d == 1 else d} {MONTHS_SHORT[m - 1]} {y}"
        if style == 5:
            return f"{d:02d}-{m:02d}-{y}"
        return f"{d}/{m}/{y % 100:02d}"

    def nir(self, ctx: Ctx) -> str:
        r = ctx.rng
        sex = "1" if ctx.gender == "m" else "2"
        yy, mm = f"{r.randint(50, 99):02d}", f"{r.randint(1, 12):02d}"
        dept = r.choice(["75", "69", "13", "2A", "2B", "59", "33", "44", "97", "35", "99", "31"])
        if dept == "97":
            dept, commune = "97", f"{r.randint(1, 4)}{r.randint(1, 34):02d}"
        else:
            commune = f"{r.randint(1, 400):03d}"
        order = f"{r.randint(1, 999):03d}"
        body = sex + yy + mm + dept + commune + order
        key = f"{nir_key(body):02d}"
        if r.random() < 0.6:
            return f"{sex} {yy} {mm} {dept} {commune} {order} {key}"
        return body + key

    def iban(self, ctx: Ctx) -> str:
        r = ctx.rng
        if r.random() < 0.85:
            bank = r.choice(
                ["30004", "30002", "20041", "10278", "17515", "30003", "16606", "14505"]
            )
            branch = f"{r.randint(0, 99999):05d}"
            account = "".join(str(r.randint(0, 9)) for _ in range(11))
            bban = bank + branch + account + rib_key(bank, branch, account)
            country = "FR"
        else:
            country = r.choice(["BE", "ES", "PT"])
            length = {"BE": 12, "ES": 20, "PT": 21}[country]
            bban = "".join(str(r.randint(0, 9)) for _ in range(length))
        compact = country + iban_check(country, bban) + bban
        if r.random() < 0.7:
            return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
        return compact

    def card(self, ctx: Ctx) -> str:
        r = ctx.rng
        kind = r.random()
        if kind < 0.55:
            prefix, length = "4" + "".join(str(r.randint(0, 9)) for _ in range(5)), 16
        elif kind < 0.9:
            prefix, length = (
                str(r.randint(51, 55)) + "".join(str(r.randint(0, 9)) for _ in range(4)),
                16,
            )
        else:
            prefix, length = (
                r.choice(["34", "37"]) + "".join(str(r.randint(0, 9)) for _ in range(4)),
                15,
            )
        body = prefix + "".join(str(r.randint(0, 9)) for _ in range(length - len(prefix) - 1))
        number = luhn_complete(body)
        if length == 15:
            return f"{number[:4]} {number[4:10]} {number[10:]}"
        if r.random() < 0.75:
            return " ".join(number[i : i + 4] for i in range(0, 16, 4))
        return number

    # unlabelled look-alikes
    def file16(self, ctx: Ctx) -> str:
        r = ctx.rng
        return luhn_complete(
            str(r.randint(2019, 2026)) + "".join(str(r.randint(0, 9)) for _ in range(11))
        )

    def siret(self, ctx: Ctx) -> str:
        r = ctx.rng
        siren = luhn_complete("".join(str(r.randint(0, 9)) for _ in range(8)))
        return luhn_complete(siren + "".join(str(r.randint(0, 9)) for _ in range(4)))

    def inst_address(self, ctx: Ctx) -> str:
        r = ctx.rng
        town, cp = self.commune(ctx)
        street = f"{r.randint(1, 40)} {r.choice(['rue', 'avenue', 'boulevard', 'place'])} {r.choice(STREET_NAMES)}"
        box = r.choice([f"CS {r.randint(10000, 90000)}", f"BP {r.randint(1, 900)}", ""])
        parts = (
            [street]
            + ([box] if box else [])
            + [f"{cp[:2]}{r.randint(0, 9)}{r.randint(0, 9)}{r.randint(0, 9)} {town.upper()} CEDEX"]
        )
        return ", ".join(parts)

    def switchboard(self, ctx: Ctx) -> str:
        r = ctx.rng
        if r.random() < 0.3:
            return r.choice(["3939", "39 49", "3646", "3919", "17", "115"])
        head = r.choice(["01", "02", "03", "04", "05"])
        digits = head + "".join(str(r.randint(0, 9)) for _ in range(8))
        return " ".join(digits[i : i + 2] for i in range(0, 10, 2))

    def mailbox(self, ctx: Ctx) -> str:
        r = ctx.rng
        local = r.choice(
            [
                "accueil",
                "contact",
                "drh.recrutement",
                "pref-etrangers",
                "ce.dsden",
                "secretariat.general",
                "support.informatique",
                "courrier",
                "marches-publics",
            ]
        )
        town = re.sub(
            r"[^a-z]",
            "",
            unicodedata.normalize("NFKD", self.commune(ctx)[0].lower())
            .encode("ascii", "ignore")
            .decode(),
        )
        return f"{local}@{r.choice(['mairie-' + town + '.fr', town + '.fr', 'interieur.gouv.fr', 'ac-' + town + '.fr'])}"

    def date(self, ctx: Ctx) -> str:
        r = ctx.rng
        d, m, y = r.randint(1, 28), r.randint(1, 12), r.randint(2023, 2027)
        return r.choice(
            [
                f"{d:02d}/{m:02d}/{y}",
                f"{d} {MONTHS[m - 1]} {y}",
                f"{'1er' if d == 1 else d} {MONTHS[m - 1]}",
            ]
        )

    def ref(self, ctx: Ctx) -> str:
        r = ctx.rng
        return r.choice(
            [
                f"NOR : INTA{r.randint(2300000, 2599999)}C",
                f"dossier {r.randint(2023, 2026)}-{r.randint(1000, 99999):05d}",
                f"arrêté n° {r.randint(2024, 2026)}-{r.randint(10, 999)}",
                f"réf. DRH/{r.choice(['GPEC', 'PAIE', 'CARR'])}/{r.randint(1, 999):03d}",
                f"ticket INC{r.randint(100000, 999999)}",
                f"commande n° 0{r.randint(100000000, 999999999)}",
                f"n° fiscal de l'établissement {r.randint(10**12, 10**13 - 1)}",
                f"marché {r.randint(2024, 2026)}M{r.randint(10, 99)}",
            ]
        )

    # dispatch
    def slot(self, name: str, ctx: Ctx) -> Piece:
        g = ctx.gender
        other = "f" if g == "m" else "m"
        rnd = ctx.rng.choice("mf")
        table: dict[str, Callable[[], Piece]] = {
            "P": lambda: (self.person(ctx, g), "personne"),
            "P2": lambda: (self.person(ctx, rnd), "personne"),
            "Q": lambda: (self.person(ctx, g), "personne"),
            "R": lambda: (self.person(ctx, other), "personne"),
            "FN": lambda: (self.remember(ctx, first=self.given(ctx, g)), "personne"),
            "FN2": lambda: (self.given(ctx, rnd), "personne"),
            "LN": lambda: (self.surname(ctx), "personne"),
            "LNU": lambda: (self.remember(ctx, last=self.surname(ctx)).upper(), "personne"),
            "ADR": lambda: (self.address(ctx), "adresse"),
            "ADRL": lambda: (self.address(ctx, multiline=True), "adresse"),
            "MAIL": lambda: (self.email(ctx), "email"),
            "MAILPRO": lambda: (self.email(ctx, pro=True), "email"),
            "TEL": lambda: (self.phone(ctx), "telephone"),
            "DDN": lambda: (self.birth(ctx), "date_naissance"),
            "YEAR": lambda: (str(ctx.rng.randint(1955, 2003)), "date_naissance"),
            "NIR": lambda: (self.nir(ctx), "nir"),
            "IBAN": lambda: (self.iban(ctx), "iban"),
            "CB": lambda: (self.card(ctx), "carte"),
            # not personal
            "INSTADR": lambda: (self.inst_address(ctx), None),
            "STD": lambda: (self.switchboard(ctx), None),
            "FMAIL": lambda: (self.mailbox(ctx), None),
            "SIRET": lambda: (self.siret(ctx), None),
            "DOS16": lambda: (self.file16(ctx), None),
            "CMD0": lambda: ("0" + "".join(str(ctx.rng.randint(0, 9)) for _ in range(9)), None),
            "EPON": lambda: (ctx.rng.choice(EPONYMS), None),
            "DATE": lambda: (self.date(ctx), None),
            "TOWN": lambda: (self.commune(ctx)[0], None),
            "dTOWN": lambda: (_of(self.commune(ctx)[0]), None),
            "dEPON": lambda: (_contract("de", ctx.rng.choice(EPONYMS)), None),
            "aEPON": lambda: (_contract("à", ctx.rng.choice(EPONYMS)), None),
            "PU": lambda: (self.person_upper(ctx, g), "personne"),
            "SERV": lambda: (ctx.rng.choice(SERVICES), None),
            "REF": lambda: (self.ref(ctx), None),
            "N": lambda: (str(ctx.rng.randint(2, 40)), None),
        }
        if name.startswith("T_"):
            category = name[2:]
            return (_agree(ctx.rng.choice(TOPICS[category]), g), category)
        if name == "TANY":
            category = ctx.rng.choice(TOPIC_CATEGORIES)
            return (_agree(ctx.rng.choice(TOPICS[category]), g), category)
        return table[name]()


def _of(town: str) -> str:
    if town.startswith("Le "):
        return "du " + town[3:]
    if town.startswith("Les "):
        return "des " + town[4:]
    return ("d'" if town[0] in "AEIOUÉÈ" else "de ") + town


def _contract(prep: str, place: str) -> str:
    if place.startswith("le "):
        return ("du " if prep == "de" else "au ") + place[3:]
    return f"{prep} {place}"


AGREE = re.compile(r"\[([^\[\]|]*)\|([^\[\]|]*)\]")
TOKEN = re.compile(r"<(\w+):([^<>]*)>|\{(\w+)\}")


def _agree(text: str, gender: str) -> str:
    return AGREE.sub(lambda m: m.group(1) if gender == "m" else m.group(2), text)


def _strip_accents(text: str) -> str:
    out = unicodedata.normalize("NFKD", text)
    return "".join(c for c in out if not unicodedata.combining(c))


def assemble(pieces: Sequence[Piece]) -> tuple[str, list[list[Any]]]:
    """Joins pieces and returns the text and the spans of the labelled ones (checked)."""
    text, position = "", 0
    found: list[tuple[int, int, str]] = []
    for piece, category in pieces:
        if category is not None:
            found.append((position, position + len(piece), category))
        text += piece
        position += len(piece)
    labelled = [p for p in pieces if p[1] is not None]
    for (start, end, _), (piece, _) in zip(found, labelled, strict=True):
        if text[start:end] != piece:
            raise ValueError(f"span {start}-{end} is not {piece!r}")
    return text, [[start, end, category] for start, end, category in found]


def render(gen: Generator, template: str, rng: random.Random) -> tuple[str, list[list[Any]]]:
    chat = template.startswith("~")
    body = template[1:] if chat else template
    ctx = Ctx(rng=rng, gender=rng.choice("mf"))
    body = _agree(body, ctx.gender)
    pieces: list[Piece] = []
    last = 0
    for match in TOKEN.finditer(body):
        pieces.append((body[last : match.start()], None))
        topic, phrases, slot = match.group(1), match.group(2), match.group(3)
        if topic:
            pieces.append((rng.choice(str(phrases).split(";")), str(topic)))
        else:
            pieces.append(gen.slot(str(slot), ctx))
        last = match.end()
    pieces.append((body[last:], None))
    if chat:
        plain = rng.random() < 0.5
        pieces = [(_strip_accents(p.lower()) if plain else p.lower(), c) for p, c in pieces]
    pieces = [(p, c) for p, c in pieces if p]
    return assemble(pieces)


# Templates -------------------------------------------------------------------------------------

TEMPLATES: dict[str, list[str]] = {
    # names, in every register
    "noms": [
        "Peux-tu reformuler mon mail à {P} pour qu'il soit moins sec ? [Il|Elle] m'a relancé trois fois.",
        "~slt, tu sais si {FN2} est là demain ? faut qu'on voie le planning",
        "Objet : absence\n\nBonjour {FN2},\nJe serai absent jeudi, {P} me remplace.\nBien à vous",
        "Merci de convoquer [M.|Mme] {P} et {P2} à l'entretien du {DATE}.",
        "~jai oublié de mettre {LN} en copie, c grave ?",
        "Rédige une réponse polie à {P2} qui conteste le refus de sa demande de mutation.",
        "Compte rendu de la réunion du {DATE} - présents : {P}, {P2}, {P2} ; excusé : {P2}.",
        "Le dossier est suivi par {PU}, gestionnaire à {SERV}.",
        "Comment dire à {FN} que son rapport n'est pas au niveau sans le vexer ?",
        "Dr {P2} a signé le certificat, je le transmets à qui ?",
        "~mr {LN} veut un rdv avant vendredi, je lui propose quoi",
        "Traduis en anglais : « {P} will chair the steering committee. »",
        "Liste des lauréats du concours interne : 1. {P2} 2. {P2} 3. {P2}",
        "Pouvez-vous ajouter {P2} à la liste de diffusion du service ?",
        "Note à l'attention de {P}, [chef|cheffe] du bureau des affaires générales : point d'étape sur le déménagement.",
        "J'ai un conflit avec {FN2} ; comment en parler à mon N+1, {P2}, sans envenimer ?",
        "Fais-moi un tableau des congés : {FN2} 12 jours, {FN2} 8 jours, {FN2} 5 jours.",
        "~c'est {LN} qui a la clé du local ? ou alors {FN2}",
        "Corrige l'orthographe : « Madame {P}, suite a votre appel nous vous confirmons le rdv. »",
        "[Le|La] stagiaire, {P}, arrive lundi : quelles démarches pour son badge ?",
        "De la part de {P} : « je ne pourrai pas assurer la permanence, désolé[|e] ».",
        "Les époux {LN} ont déposé un recours gracieux, comment formuler l'accusé de réception ?",
        "Mme {LNU} souhaite un extrait de la délibération : je lui envoie par courrier ?",
        "~tu peux me faire un résumé du mail de {P2} stp jcomprends rien",
        "Rapporteur : {P}. Relecture : {P2}. Validation : {SERV}.",
        "Signé : {P}, adjoint[|e] au chef de service",
        "Je remplace {P2} pendant son congé, quelles délégations de signature dois-je demander ?",
        "Pour info, {FN2} et {FN2} ont validé la maquette, reste l'avis de {LN}.",
        "Rédige un mot de départ à la retraite pour {P}, 38 ans de service au cadastre.",
        "Agent concerné : {PU} — grade : adjoint administratif — quotité : 80 %.",
    ],
    # addresses
    "adresses": [
        "J'ai déménagé, ma nouvelle adresse est {ADR}, pouvez-vous mettre à jour mon dossier ?",
        "Rédige un courrier de relance à [M.|Mme] {P}, demeurant {ADR}.",
        "~mon adresse perso c {ADR} si tu dois menvoyer le contrat",
        "Destinataire :\n{P}\n{ADRL}",
        "Pour la visite à domicile de [M.|Mme] {P} : {ADR}, sonner deux fois.",
        "L'usager {P} habite {ADR} ; le courrier revient avec la mention NPAI.",
        "Je suis domicilié[|e] {ADR}, est-ce que je dépends bien de votre centre des impôts ?",
        "Adresse de correspondance de l'agent : {ADR}",
        "Merci d'envoyer l'attestation chez moi : {ADR}.",
        "Fiche de renseignements\nNom : {P}\nAdresse :\n{ADRL}\nTél. : {TEL}",
        "~je suis hébergé chez ma soeur au {ADR} en ce moment",
        "L'huissier doit signifier l'acte à {P}, {ADR}. Quel délai ?",
        "Changement d'adresse pris en compte : ancienne {ADR} ; nouvelle {ADR}.",
        "Mon fils est scolarisé près de chez nous, on habite {ADR}, à quel collège est-il rattaché ?",
        "Colis à livrer à mon domicile, {ADR}, avant 18 h.",
        "Pouvez-vous rédiger un courrier de mise en demeure pour le propriétaire du terrain situé {ADR} ? Il s'agit de [M.|Mme] {P}.",
        "Rattachement fiscal : résidence principale au {ADR}",
        "Le signalement concerne un enfant vivant {ADR}, chez sa grand-mère.",
        "~adresse : {ADR} (c'est chez mes parents)",
        "Vérifie la mise en page de cette enveloppe :\n{P}\n{ADRL}",
        "[M.|Mme] {P} est parti[|e] vivre en outre-mer, nouvelle adresse {ADR}.",
        "Lieu de résidence déclaré par le demandeur : {ADR}.",
    ],
    # personal contacts and identifiers
    "contacts": [
        "Mon portable si besoin : {TEL}.",
        "~tu peux rappeler {FN} au {TEL} [il|elle] attend ton appel",
        "Cordialement,\n{P}\nChargé[|e] de mission\nLigne directe : {TEL}\n{MAILPRO}",
        "Écris à {P} à son adresse perso, {MAIL}, [il|elle] ne lit plus sa boîte pro.",
        "Nouveau contact pour le projet : {P}, {MAILPRO}, {TEL}.",
        "Mon mail perso : {MAIL} — merci de ne plus m'écrire sur l'ancienne adresse.",
        "{P2} a laissé un message : rappeler au {TEL} après 17 h.",
        "--\n{P}\nBureau 214\nPortable : {TEL}",
        "Peux-tu vérifier si l'adresse {MAIL} est bien formée ? C'est pour l'inscription de mon fils.",
        "Contact de l'assistante familiale : {P}, tél. {TEL}, courriel {MAIL}.",
        "~mon num a changé : {TEL}",
        "> De : {P} <{MAILPRO}>\n> Envoyé : {DATE}\nBonjour, voir ci-dessous, qu'en penses-tu ?",
        "En cas d'urgence, prévenir {P2} au {TEL}.",
        "[Le candidat|La candidate] {P} a donné comme contact {MAIL} et {TEL}.",
    ],
    "identifiants": [
        "~j'ai payé la cantine avec la cb de ma femme {CB} c'est normal que ce soit refusé ?",
        "Opposition sur ma carte : {CB}. Je dois prévenir la régie ?",
        "Mon numéro de sécu est {NIR}, il faut le mettre dans quelle case du formulaire ?",
        "Voici mon RIB pour le remboursement des frais : {IBAN}.",
        "~iban: {IBAN} (compte joint)",
        "N° SS de l'agent : {NIR} ; date de naissance : {DDN}.",
        "La carte {CB} a été débitée deux fois pour l'inscription, comment faire rembourser ?",
        "Je suis né[|e] le {DDN}, à quel âge je peux partir à la retraite ?",
        "Date de naissance : {DDN}",
        "~né[|e] le {DDN} a lyon, ça sert a quoi de le remettre ?",
        "{P}, né[|e] en {YEAR}, entre dans le dispositif de fin de carrière ?",
        "Coordonnées bancaires de {P} : {IBAN} (BIC AGRIFRPP).",
        "Paiement refusé avec ma carte {CB} expirant 09/28, que faire ?",
        "NIR : {NIR} / IBAN : {IBAN}",
        "[M.|Mme] {P}, né[|e] le {DDN}, demande la revalorisation de sa pension.",
        "Vérifie la clé de ce numéro de sécurité sociale : {NIR}.",
        "Le virement doit partir sur le compte {IBAN} au nom de {P}.",
        "J'ai noté ton numéro de carte bancaire {CB} sur le bon de commande, c'est bon ?",
        "~ma date de naissance c'est le {DDN} pas le 12",
        "DDN {DDN} - NIR {NIR}",
    ],
    # full records, forms, tables
    "fiches": [
        "Fiche agent\nNom : {LNU}\nPrénom : {FN}\nNé[|e] le : {DDN}\nAdresse : {ADR}\nTél : {TEL}\nMail : {MAIL}",
        "| Nom | Téléphone | Mail |\n| {P} | {TEL} | {MAIL} |\n| {P2} | {TEL} | {MAILPRO} |",
        "infos agent : {P} {DDN} {TEL} {ADR}",
        "Demande de remboursement — bénéficiaire : {P} ; IBAN : {IBAN} ; adresse : {ADR}.",
        "Dossier de candidature : {P}, {DDN}, {ADR}, {MAIL}.",
        "Nom;Prénom;Date de naissance;NIR\n{LNU};{FN};{DDN};{NIR}",
        "Inscription cantine : enfant {P2}, responsable légal {P}, {TEL}, {ADR}.",
        "État civil : {P}, né[|e] le {DDN} à {TOWN}, domicilié[|e] {ADR}.",
        "Tableau des astreintes\nsemaine 12 : {P2} ({TEL})\nsemaine 13 : {P2} ({TEL})",
        "Merci de saisir dans le SIRH : {PU} / {NIR} / {IBAN}",
        "~recap: {P}, ddn {DDN}, tel {TEL}, habite {ADR}",
        "Attestation d'hébergement : je soussigné[|e] {P}, demeurant {ADR}, certifie héberger {P2}, date de naissance {DDN}.",
        "Procuration : {P} donne pouvoir à {P2} pour voter en son nom.",
        "Mandat de prélèvement SEPA — débiteur : {P}, {ADR}, IBAN {IBAN}.",
    ],
    # sensitive topics in many contexts (category drawn at each line)
    "sujets": [
        "[Mon collègue|Ma collègue] {P} {TANY}, est-ce que je dois en parler à la cheffe ?",
        "~{FN} {TANY} jsais pas si c'est normal que tout le monde le sache",
        "Comment répondre à {P} qui m'a confié qu'[il|elle] {TANY} ?",
        "Entre nous : {LN} {TANY}.",
        "Note confidentielle RH — l'agent[|e] {P} {TANY}.",
        "Dans l'équipe on a appris que {P} {TANY} ; comment éviter les rumeurs ?",
        "~[mon collègue|ma collègue] de bureau {TANY}, on fait comment pour la réunion",
        "Rédige un mail neutre à l'équipe, sans dire que {FN} {TANY}.",
        "Je crois que {PU} {TANY}, ça peut jouer sur sa titularisation ?",
        "Mon N+1 {TANY}, ça pose un problème pour l'évaluation ?",
        "Compte rendu d'entretien : l'agent[|e] {TANY} et demande un aménagement.",
        "Pour info, {P} {TANY}, [il|elle] préfère que ça reste entre nous.",
        "> {FN2} m'a dit que {P} {TANY}\nTu en penses quoi ?",
        "Lors du pot, {FN} a raconté qu'[il|elle] {TANY}.",
        "Est-ce discriminatoire de refuser une promotion à {P} parce qu'[il|elle] {TANY} ?",
        "~[le nouveau|la nouvelle] {TANY} apparemment",
        "[Mon voisin|Ma voisine] de bureau {TANY}, on m'a demandé de le signaler, je dois ?",
        "Dans le dossier de {P}, une note manuscrite précise qu'[il|elle] {TANY}.",
        "Un[|e] agent[|e] de mon équipe {TANY} : dois-je le signaler à la DRH ?",
        "[Mon fils|Ma fille] {TANY}, puis-je poser des jours enfant malade pour l'accompagner ?",
    ],
    "sante": [
        "Arrêt de travail de {P} : <sante:prolongé pour lombalgie;prolongé jusqu'au 30 pour une fracture du poignet>.",
        "~{FN} est encore <sante:en arret pour son dos;en arrêt, sa tendinite s'est aggravée>",
        "Peut-on aménager le poste de {P}, <sante:malvoyant[|e];amputé[|e] d'une jambe;asthmatique sévère> ?",
        "Je reviens d'un <sante:congé maladie pour dépression;cancer du côlon;accident vasculaire>, comment demander un temps partiel thérapeutique ?",
        "[M.|Mme] {P} m'a transmis <sante:son certificat d'arrêt pour une hernie;son compte rendu d'IRM;son ordonnance d'insuline>, je le classe où ?",
        "Visite médicale : {P} <sante:a des acouphènes chroniques;souffre de migraines invalidantes;a une allergie grave aux arachides>.",
        "Le médecin de prévention a noté que {LN} <sante:est en souffrance psychique;présente un syndrome anxio-dépressif>.",
        "~mon mari a <sante:la maladie de parkinson;alzheimer;un cancer> je peux avoir un congé proche aidant ?",
    ],
    "religion": [
        "{P} demande à poser le {DATE} <religion:pour Roch Hachana;pour fêter l'Aïd el-Kébir;pour la Pentecôte orthodoxe;pour le Nouvel An bouddhiste>.",
        "~{FN} veut pas manger a la cantine <religion:pdt le ramadan;parce que c pas halal;pendant le carême>",
        "Un agent <religion:porte une croix bien visible;porte un turban sikh;arrive avec un foulard islamique> à l'accueil : que dit le principe de neutralité ?",
        "Ma collègue {P} <religion:s'absente le vendredi midi pour la prière;refuse de travailler le samedi, jour du shabbat;est devenue bonne sœur>.",
        "[Le candidat|La candidate] {P} a indiqué <religion:être pasteur le dimanche;être imam bénévole;être catéchiste dans sa paroisse>.",
        "~jsuis <religion:musulmane;catholique;juif> et mon chef me fait des remarques, je fais quoi",
        "{PU} <religion:a reçu le baptême adulte à Pâques;s'est fait baptiser l'an dernier>, [il|elle] demande un jour pour sa confirmation.",
        "Entretien : l'intéressé[|e] <religion:est adepte du culte antoiniste;appartient à l'Église adventiste;est sikh>.",
    ],
    "syndicat": [
        "{P} (<syndicat:CGT;FO;CFDT;SUD>) a demandé la parole en fin de CSA.",
        "~{LN} est <syndicat:a la cgt;chez fo;encarte cfdt> donc forcément il va bloquer",
        "Liste des élus au CST : {P2} — <syndicat:UNSA;FSU;CFE-CGC>, {P2} — <syndicat:CGT;Solidaires>.",
        "Mon agent {P} <syndicat:veut prendre un congé de formation syndicale avec la CFDT;est convoqué[|e] au congrès FO;part en stage syndical CGT>.",
        "Je suis <syndicat:syndiqué[|e] chez SUD;adhérent[|e] UNSA;militant[|e] CGT>, puis-je afficher des tracts ?",
        "[Le délégué|La déléguée] <syndicat:CFTC;FO;CGT-FP> {P} demande à consulter le registre.",
        "Heures de délégation de {P} <syndicat:au titre de la CGT;pour le compte de la FSU;pour l'UNSA>, comment les décompter ?",
        "~{FN} a <syndicat:adhéré au snuipp;rejoint le syndicat sud education;pris sa carte au sgen-cfdt> la semaine dernière",
    ],
    "opinion_politique": [
        "{P} <opinion_politique:est candidat[|e] aux législatives pour le RN;se présente sur une liste insoumise;est tête de liste écologiste> : peut-[il|elle] rester en poste ?",
        "~{FN} passe son temps a <opinion_politique:parler de zemmour;défendre mélenchon;tracter pour le ps>",
        "Ma collègue {P} <opinion_politique:affiche un badge LFI;porte un tee-shirt du Parti communiste;distribue des tracts du RN> au guichet.",
        "Je suis <opinion_politique:militant[|e] socialiste;adhérent[|e] Renaissance;élu[|e] municipal[|e] d'opposition divers gauche>, quelles règles de réserve ?",
        "Le maire adjoint {P} <opinion_politique:a quitté LR pour Horizons;a rejoint Reconquête;a été exclu[|e] du PS>.",
        "~jcrois que {LN} <opinion_politique:vote extreme droite;est a fond pour la nupes;est souverainiste>",
        "Dans son mail, {P} <opinion_politique:se revendique communiste;se dit libéral[|e] et pro-Macron;affirme être antifasciste militant[|e]>.",
        "{FN} <opinion_politique:a voté Le Pen;a fait campagne pour Hidalgo;soutient les Patriotes> et le dit à tout le monde.",
    ],
    "origine": [
        "L'agent[|e] {P}, <origine:d'origine ivoirienne;d'origine cambodgienne;d'origine algérienne>, se plaint de remarques répétées.",
        "~{FN} est <origine:dorigine marocaine;tunisien[|ne] d'origine;d'origine guinéenne> et on lui demande toujours ses papiers",
        "Je suis <origine:d'origine berbère;issu[|e] de l'immigration portugaise;de la communauté tzigane>, on me refuse un logement.",
        "Ma collègue {P} <origine:est originaire d'Haïti;a des racines congolaises;est d'ascendance arménienne> et on l'appelle par un surnom.",
        "Le signalement mentionne que {P} <origine:serait d'origine roumaine;est perçu[|e] comme arabe;est issu[|e] d'une famille de gens du voyage>.",
        "~{LN} <origine:est noir[|e];est renoi;est rebeu> et ça crée des tensions dans le service",
        "Dans son courrier, {P} précise être <origine:d'origine malienne;d'origine chinoise;d'origine kabyle>.",
        "Entretien : {P} <origine:a grandi au Sénégal;est né[|e] au Vietnam;est né[|e] en Algérie> et souhaite valoriser sa double culture.",
    ],
    "vie_sexuelle": [
        "{P} et <vie_sexuelle:[son compagnon|sa compagne];[son mari|sa femme];[son conjoint|sa conjointe]> {Q} ont demandé le même jour de congé.",
        "{Q}, <vie_sexuelle:[le compagnon|la compagne];[le conjoint|la conjointe];[le pacsé|la pacsée]> de {P}, vient d'être recruté[|e] chez nous.",
        "~{FN} <vie_sexuelle:sort avec [un mec|une meuf] du service compta;est avec [un gars|une fille] depuis 2 ans>",
        "Rapprochement de conjoint : {P} est <vie_sexuelle:pacsé[|e] avec> [M.|Mme] {Q}.",
        "Demande de congé pour le mariage de {P} <vie_sexuelle:avec [son fiancé|sa fiancée]> {Q}.",
        "Je suis <vie_sexuelle:[gay|lesbienne];bi;homo> et un collègue fait des blagues lourdes, que faire ?",
        "Formulaire : orientation sexuelle — <vie_sexuelle:homosexuelle;bisexuelle;pansexuelle>.",
        "~{LN} <vie_sexuelle:a fait son coming out;s'affiche avec [son copain|sa copine]> au séminaire, certains ont mal réagi",
        "[Mon collègue|Ma collègue] {P} <vie_sexuelle:a annoncé sa transition;va faire sa transition> : comment changer son prénom dans l'annuaire ?",
        "[M.|Mme] {P} et <vie_sexuelle:[son époux|son épouse]> {Q} adoptent un enfant, quels congés ?",
        "Attestation pour la mutuelle : {P} <vie_sexuelle:couvre [son concubin|sa concubine];inscrit [son partenaire|sa partenaire] de PACS> {Q}.",
        "{P} <vie_sexuelle:a une liaison avec;a une aventure extraconjugale avec> {P2} du service juridique, tout le monde le sait.",
    ],
    "genetique_biometrie": [
        "{P} a <genetique_biometrie:donné ses empreintes pour le badge;enregistré son visage pour la pointeuse;fait scanner sa paume>, peut-[il|elle] retirer son consentement ?",
        "~{FN} <genetique_biometrie:a fait un test génétique;a fait un test adn 23andme;a fait un dépistage génétique>, résultat [il|elle] est <genetique_biometrie:porteu[r|se] d'un gène à risque;porteu[r|se] d'une mutation rare>",
        "Les résultats <genetique_biometrie:du test génétique;de l'analyse ADN;du séquençage de l'exome> de [M.|Mme] {LN} sont arrivés par erreur chez nous.",
        "[Mon collègue|Ma collègue] {P} <genetique_biometrie:a la mutation du gène CFTR;est porteu[r|se] du gène de Huntington;a une trisomie en mosaïque>.",
        "Badge biométrique : {P} <genetique_biometrie:a enregistré son empreinte digitale;a déposé le gabarit de son iris;a fourni sa photo de reconnaissance faciale>, mais le lecteur ne [le|la] reconnaît plus.",
        "J'ai <genetique_biometrie:fait un test de paternité;reçu mon profil génétique;enregistré mes empreintes dans l'appli bancaire>, qui peut y accéder ?",
        "~<genetique_biometrie:mon empreinte digitale enregistree sur la pointeuse;mon empreinte sur la badgeuse> marche plus depuis lundi",
        "Dans le dossier pénal de {P} figure <genetique_biometrie:son profil ADN;un relevé d'empreintes génétiques;la comparaison de ses empreintes digitales>.",
    ],
    "infraction": [
        "{P} <infraction:a été condamné[|e] pour outrage à agent;a une condamnation pour conduite en état d'ivresse;a été reconnu[|e] coupable d'escroquerie> : peut-[il|elle] passer le concours ?",
        "~{FN} s'est fait <infraction:arreter pour vol a l'etalage;choper avec du cannabis;retirer son permis> ce week-end",
        "Le bulletin n° 2 de {P} <infraction:mentionne une peine pour violences;porte une condamnation pour fraude aux prestations;fait état d'un abus de confiance>.",
        "Mon agent {P} <infraction:est incarcéré[|e] depuis lundi;est en détention provisoire;purge une peine de prison> : que faire de son poste ?",
        "J'ai <infraction:été condamné[|e] il y a dix ans pour recel;un sursis probatoire;perdu tous mes points pour excès de vitesse>, ça bloque ma titularisation ?",
        "L'usager {P} <infraction:a déjà été verbalisé[|e] pour dépôt sauvage;a été condamné[|e] pour travail dissimulé;est poursuivi[|e] pour menaces de mort>.",
        "~{LN} <infraction:a un bracelet;sort de prison;est en conditionnelle> et [il|elle] veut revenir bosser",
        "Le conseil de discipline de {P} porte sur <infraction:sa condamnation pour harcèlement sexuel;le vol de matériel informatique reconnu par le tribunal;sa condamnation pour corruption>.",
    ],
    # long messages mixing several items
    "longs": [
        "Bonjour,\nJe vous transfère la demande de {P}, domicilié[|e] {ADR}, joignable au {TEL}. [Il|Elle] {TANY} et demande un aménagement d'horaires. Pouvez-vous me proposer une réponse ?\nMerci,\n{P2}",
        "Compte rendu du CSA du {DATE}\nPrésents : {P2}, {P2} (DRH), {P2}.\nPoint 1 : situation de {P}, qui {TANY}.\nPoint 2 : travaux {aEPON}.\nProchaine séance : {DATE}.",
        "~hello jai besoin d'aide, {FN} ma demandé de faire son attestation, [il|elle] habite {ADR} et [il|elle] est né[|e] le {DDN}, tu peux me rediger un modele ?",
        "Madame, Monsieur,\nJe soussigné[|e] {P}, né[|e] le {DDN}, demeurant {ADR}, sollicite le versement de l'allocation sur le compte {IBAN}.\nVeuillez agréer mes salutations distinguées.",
        "Re: dossier {LN}\n> Bonjour, l'intéressé[|e] {TANY}, merci de traiter en priorité.\nOk je m'en occupe, je rappelle {FN} au {TEL} demain.",
        "Peux-tu résumer ce mail ? « Suite à notre échange, je confirme que {P} {TANY}. Son adresse reste {ADR}. Contact : {MAIL}. »",
        "Signalement : le {DATE}, {P}, résidant {ADR}, a été vu[|e] par un agent de la police municipale. Il apparaît qu'[il|elle] {T_infraction}. Témoin : {P2}.",
        "Bonsoir, mon conjoint et moi sommes séparés, je vis désormais {ADR} avec nos deux enfants. Mon nouveau numéro est {TEL}. Pouvez-vous modifier la fiche de paie de {P} ?",
        "Objet : demande de mutation\nMadame la directrice,\nJ'ai l'honneur de solliciter ma mutation pour rejoindre [mon épouse|mon époux], {R}, [mutée|muté] à {TOWN}.\n{P}\n{ADRL}",
        "Tableau de suivi\n- {P} : {TANY}\n- {P2} : congé parental\n- {P2} : formation {DATE}",
    ],
    # institutions named after people, places (nothing personal)
    "eponymes": [
        "Les travaux {dEPON} commencent le {DATE}, faut-il prévenir les riverains ?",
        "~cest quoi les horaires {dEPON} pendant les vacances",
        "Rédige une note sur la rénovation énergétique {dEPON}.",
        "La réunion aura lieu {aEPON}, salle 3, le {DATE}.",
        "Le budget {dEPON} est-il inscrit au plan pluriannuel d'investissement ?",
        "Combien d'élèves sont inscrits {aEPON} cette année ?",
        "Convention de mise à disposition {dEPON} avec l'association sportive {dTOWN}.",
        "La circulation sera coupée entre {EPON} et la mairie {dTOWN}.",
        "Prépare un communiqué sur l'inauguration {dEPON}.",
        "~on se retrouve devant {EPON} à 9h ?",
        "Propose un texte pour le panneau d'accueil {dEPON}.",
        "Le conseil municipal veut baptiser une salle {dTOWN} du nom d'une résistante : propose une délibération.",
    ],
    # institutional contacts (nothing personal)
    "institutions": [
        "Le standard de {SERV} est le {STD}, ouvert de 9 h à 12 h.",
        "Envoyez vos candidatures à {FMAIL} avant le {DATE}.",
        "Adresse de la préfecture : {INSTADR}.",
        "~cest quoi le num du standard de la mairie ? jcrois c {STD}",
        "Pour toute question, écrivez à {FMAIL} ou appelez le {STD}.",
        "{SERV}\n{INSTADR}\nStandard : {STD}\nCourriel : {FMAIL}",
        "Le courrier doit être adressé à : Monsieur le Préfet, {INSTADR}.",
        "Signature type : Service des ressources humaines — {INSTADR} — {STD} — {FMAIL}",
        "Les usagers peuvent joindre la plateforme au {STD} (appel gratuit).",
        "~jai envoyé à {FMAIL} mais pas de réponse depuis 15j",
        "Mettez à jour le site : nouvelle adresse du CCAS {dTOWN}, {INSTADR}.",
        "La boîte {FMAIL} reçoit trop de spams, comment filtrer ?",
    ],
    # administrative references, numbers, dates (nothing personal)
    "references": [
        "Le numéro SIRET du prestataire est {SIRET}, est-il valide ?",
        "Dossier n° {DOS16} : pièce manquante, relancer le service instructeur.",
        "~la commande {CMD0} est arrivée incomplète",
        "Référence à rappeler : {REF}.",
        "La commune nouvelle {dTOWN}, née le 1er janvier 2019, a-t-elle repris les contrats ?",
        "Le décret est né d'une concertation lancée le {DATE}.",
        "Numéro de client : {CMD0} — facture du {DATE}.",
        "Le marché a été notifié le {DATE} sous la {REF}.",
        "Mon numéro de dossier {DOS16} n'est pas reconnu sur le portail, que faire ?",
        "Le service a été créé le {DATE} par fusion de deux bureaux.",
        "Peux-tu vérifier le SIREN de l'association : {SIRET} ?",
        "~ticket glpi {CMD0} toujours pas traité",
        "Le CHSCT, né en 1982, a été remplacé par la F3SCT.",
        "Numéro d'engagement juridique {DOS16} à reporter dans Chorus.",
        "Délibération n° {N} du {DATE} : tarifs de la cantine.",
    ],
    # topic look-alikes (policies, services, trainings: nothing about a person)
    "sosies": [
        "Mon service gère les arrêts maladie des agents contractuels, quel est le délai de carence ?",
        "Le marché de reconnaissance faciale pour les gares a été attribué le {DATE}.",
        "Le bulletin n° 2 du casier judiciaire est exigé pour tous les postes en contact avec des mineurs.",
        "~cest quoi la procedure pour un arret maladie en general ?",
        "Rédige une note sur la laïcité dans les services publics et le port de signes religieux.",
        "Combien de jours d'autorisation d'absence pour les fêtes religieuses prévoit la circulaire ?",
        "Prépare une fiche sur le droit syndical dans la fonction publique territoriale.",
        "La CGT et FO ont appelé à la grève le {DATE}, quel service minimum ?",
        "Fais un résumé des résultats des élections professionnelles : CFDT 28 %, CGT 24 %, FO 18 %.",
        "Quel est le devoir de réserve des agents en période électorale ?",
        "La mairie prête une salle au Rassemblement national pour un meeting : est-ce obligatoire ?",
        "Notre plan de lutte contre les discriminations liées à l'origine doit être voté en juin.",
        "Organiser une formation sur l'accueil des personnes LGBT+ pour les agents d'accueil.",
        "La Marche des fiertés passe devant la préfecture le {DATE}, prévoir la sécurité.",
        "Le cahier des charges du contrôle d'accès biométrique doit respecter le RGPD.",
        "Quelles sont les règles de conservation des empreintes génétiques au FNAEG ?",
        "Notre direction accompagne les agents en situation de handicap : rédige l'annonce du référent.",
        "Le service de santé au travail recrute un médecin, rédige l'offre.",
        "~la chapelle de l'hopital est fermée pour travaux, on met une affiche ?",
        "Le congé de Noël et l'Aïd tombent la même semaine, comment organiser les plannings ?",
        "Rédige un rappel sur le code de la route pour les agents qui utilisent les véhicules de service.",
        "Combien d'infractions routières ont été relevées sur la commune en 2025 ?",
        "Le PACS peut-il être enregistré en mairie depuis 2017 ?",
        "Un guide sur l'orientation scolaire des élèves de 3e.",
        "Les statistiques ethniques sont-elles autorisées en France ?",
        "La transition écologique de la collectivité : propose un plan en cinq axes.",
        "Le dépistage du cancer du sein est-il pris en charge pour les agentes ?",
        "L'aumônerie de la prison cherche des bénévoles, rédige l'annonce.",
        "Quelles pièces pour un dossier de demande de RQTH ? (question générale)",
        "Le syndicat des eaux {dTOWN} augmente ses tarifs.",
        "Ma femme de ménage ne vient plus, je cherche un service d'aide à domicile.",
        "La loi sur le mariage pour tous date de 2013 : fais-moi une chronologie.",
        "Le parti pris de ce rapport est trop militant, reformule-le.",
        "La fête de l'Aïd est-elle un jour férié en Alsace-Moselle ?",
        "~on a une formation « santé mentale au travail » le {DATE}, tu t'inscris ?",
        "La police municipale a verbalisé 340 véhicules en mars.",
        "L'origine du litige est une erreur de saisie dans Chorus.",
    ],
    # more traps: nothing personal, but words and numbers that look like it
    "pieges": [
        "{SERV} déménage au {INSTADR} le {DATE} : prévenir les partenaires.",
        "La permanence juridique {dTOWN} a lieu le mardi, numéro unique {STD}.",
        "Rédige un courrier à {SERV} pour demander la liste des agents formés au secourisme.",
        "~le code porte du local c'est toujours {N}{N} ?",
        "Le rapport annuel sur la santé au travail montre {N} % d'absentéisme dans la collectivité.",
        "Combien d'agents syndiqués dans la fonction publique en France ? Donne une source.",
        "Le courrier de la CNIL ({REF}) porte sur notre fichier des usagers.",
        "Marché de vidéoprotection {dTOWN} : le lot 2 prévoit des caméras sans reconnaissance faciale.",
        "Préparer le dossier de la ville {dTOWN} pour le label Terre de Jeux, échéance le {DATE}.",
        "Le numéro vert de la campagne de vaccination est le {STD}.",
        "Les chiffres de la délinquance {dTOWN} sont en baisse de {N} % : rédige un communiqué.",
        "Plan de continuité : en cas de pandémie, {SERV} bascule en télétravail.",
        "~jdois envoyer le bordereau à {FMAIL} ou au secrétariat ?",
        "Les agents de {SERV} partent en séminaire à {TOWN} le {DATE}.",
        "Le conseil municipal a voté une motion de soutien aux agriculteurs le {DATE}.",
        "Quelle est la procédure pour un électeur qui a perdu sa carte électorale ?",
        "Foire aux questions : « Comment déclarer un changement de situation familiale ? »",
        "Le service né de la fusion des deux directions fête ses {N} ans le {DATE}.",
        "Commande de badges pour {SERV} : {N} exemplaires, bon de commande {CMD0}.",
        "Réserver la salle Jean Monnet de {SERV} pour le jury du {DATE}.",
        "La maison de santé pluridisciplinaire {dTOWN} ouvre en septembre.",
        "Le foyer de jeunes travailleurs {dTOWN} cherche un veilleur de nuit : rédige l'annonce.",
        "Statistiques des arrêts maladie par service en 2025 : fais un graphique à partir du tableau.",
        "La mosquée, l'église et le temple {dTOWN} sont classés ERP de catégorie 3.",
        "Rédige l'ordre du jour du comité social territorial du {DATE}.",
    ],
    # generic requests (nothing personal)
    "generiques": [
        "Rédige un mail pour annoncer la fermeture du service le {DATE}.",
        "~tu peux me faire un planning type pour 5 agents sur 2 semaines",
        "Explique-moi la différence entre un arrêté et une délibération.",
        "Combien de jours de congés pour un agent à temps partiel à 80 % ?",
        "Propose un ordre du jour pour le comité de direction de lundi.",
        "Corrige ce texte : « les agent doivent transmettre leur état de frais avant le 15 ».",
        "Quelles sont les étapes d'un marché à procédure adaptée ?",
        "Fais un tableau comparatif des logiciels de visioconférence autorisés.",
        "~cmt on calcule l'IFSE deja ?",
        "Traduis en anglais : « Le service sera fermé pendant les fêtes. »",
        "Résume la circulaire du {DATE} sur le télétravail en cinq points.",
        "Comment rédiger une fiche de poste pour un gestionnaire RH ?",
        "Donne-moi un modèle de note de service sur les horaires d'été.",
        "Quel est le délai de recours contre une décision implicite de rejet ?",
        "Propose trois titres pour la lettre interne de {SERV}.",
        "Rédige une réponse type aux usagers qui demandent l'avancement de leur dossier ({REF}).",
        "Le comité de pilotage du projet se réunit à {TOWN} le {DATE}, prépare l'invitation.",
        "Combien coûte un agent de catégorie B en moyenne chargé ?",
    ],
}


OPENERS = [
    "Bonjour. ",
    "Re : ",
    "Question rapide : ",
    "Urgent ! ",
    "Fwd: ",
    "Salut ! ",
    "Petite question. ",
]
CLOSERS = [" Merci !", " Merci d'avance.", " Cdlt", " Bonne journée", " Bises"]
CHAT_OPENERS = ["stp ", "re ", "dsl ", "hello ", "question: ", "euh "]
# Renderings per family: look-alikes more, so that about a third of the lines hold nothing.
NEGATIVE_FAMILIES = ("eponymes", "institutions", "references", "sosies", "pieges", "generiques")
RENDERINGS_BY_FAMILY = {family: 9 for family in NEGATIVE_FAMILIES} | {
    family: 6 for family in ("noms", "adresses", "contacts", "identifiants", "fiches", "longs")
}


def _dress(template: str, rng: random.Random) -> str:
    """An opening or a closing words, sometimes: messages rarely start on their point."""
    roll = rng.random()
    if template.startswith("~"):
        return "~" + rng.choice(CHAT_OPENERS) + template[1:] if roll < 0.35 else template
    if "\n" in template or not template[0].isupper():
        return template
    if roll < 0.2:
        return rng.choice(OPENERS) + template
    if roll < 0.35:
        return template + rng.choice(CLOSERS)
    return template


def generate() -> list[dict[str, Any]]:
    gen = Generator()
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for family, items in TEMPLATES.items():
        for index, template in enumerate(items):
            tid = f"test7_{family}-{index:02d}"
            rng = random.Random(zlib.crc32(f"{SEED}:{tid}".encode()))
            for _ in range(RENDERINGS_BY_FAMILY.get(family, RENDERINGS)):
                text, spans = render(gen, _dress(template, rng), rng)
                if text in seen:
                    continue
                seen.add(text)
                pii: dict[str, list[str]] = {}
                topics: list[str] = []
                for start, end, category in spans:
                    if category in IDENTIFIER_CATEGORIES:
                        pii.setdefault(category, []).append(text[start:end])
                    elif category not in topics:
                        topics.append(category)
                rows.append(
                    {
                        "text": text,
                        "pii": pii,
                        "topics": topics,
                        "spans": spans,
                        "split": SPLIT,
                        "template": tid,
                    }
                )
    return rows


def write(rows: Sequence[dict[str, Any]], path: Path = OUT) -> None:
    lines = [json.dumps(row, ensure_ascii=False) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    rows = generate()
    write(rows)
    print(f"{len(rows)} sentences written to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
