"""A second development set for the personal-data guard: tests/data/pii_dev2.jsonl (issue 18).

Written by another hand than devtools/pii_corpus.py and without reading it: its own templates,
its own phrasing and its own vocabularies (see tests/data/PII_SETS.md, section "dev2"). It is a
development set: tune on it freely; the held-out split stays tests/data/pii_test.jsonl.

Deterministic: a fixed seed and the name lists that faker ships (no download, faker's random
generator is not used). Run `python -m devtools.pii_corpus_dev2` to rewrite the file.

Every name, commune, street name and eponym is taken from the dev side of the original split
(an even CRC-32 of the value, the rule pii_dev.jsonl follows), so that no value of the held-out
split is learnt from this set.
"""

from __future__ import annotations

import importlib
import json
import random
import re
import unicodedata
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SEED = 20261202
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii_dev2.jsonl"
SPLIT = "dev2"
MADE_WITH_FAKER = "40.63.0"

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

Piece = tuple[str, str | None]  # text, category (None: not personal)


def dev_side(value: str) -> bool:
    """The dev side of the original split: values whose CRC-32 is even."""
    return zlib.crc32(value.encode("utf-8")) % 2 == 0


# -- vocabularies ----------------------------------------------------------------------------


def _provider(kind: str, locale: str) -> Any:
    return importlib.import_module(f"faker.providers.{kind}.{locale}").Provider


def _weighted(pairs: Iterable[tuple[str, float]]) -> tuple[list[str], list[float]]:
    values: list[str] = []
    weights: list[float] = []
    seen: set[str] = set()
    for value, weight in pairs:
        if value in seen or not dev_side(value) or " " in value.strip():
            continue
        seen.add(value)
        values.append(value)
        weights.append(weight)
    return values, weights


def _by_rank(names: Sequence[str], share: float, exponent: float) -> list[tuple[str, float]]:
    raw = [1 / (rank + 1) ** exponent for rank in range(len(names))]
    total = sum(raw)
    return [(name, share * w / total) for name, w in zip(names, raw, strict=True)]


def _flat(names: Sequence[str], share: float) -> list[tuple[str, float]]:
    return [(name, share / len(names)) for name in names]


def _surnames() -> tuple[list[str], list[float]]:
    pairs = _by_rank(_provider("person", "fr_FR").last_names, 0.66, 0.6)
    belgian = _provider("person", "fr_BE").last_names
    total = sum(belgian.values())
    pairs += [(n, 0.06 * c / total) for n, c in belgian.items()]
    pairs += _flat(_provider("person", "fr_DZ").last_names, 0.12)
    pairs += _flat(_provider("person", "pt_PT").last_names, 0.07)
    pairs += _by_rank(_provider("person", "fr_CA").last_names, 0.05, 0.5)
    pairs += _flat(_provider("person", "tr_TR").last_names, 0.02)
    pairs += _flat(_provider("person", "fr_CH").last_names, 0.02)
    return _weighted(pairs)


def _given(gender: str) -> tuple[list[str], list[float]]:
    key = "first_names_male" if gender == "m" else "first_names_female"
    belgian = getattr(_provider("person", "fr_BE"), key)
    total = sum(belgian.values())
    pairs = [(n, 0.5 * c / total) for n, c in belgian.items()]
    pairs += _flat(getattr(_provider("person", "fr_FR"), key), 0.22)
    pairs += _flat(getattr(_provider("person", "fr_DZ"), key), 0.13)
    pairs += _flat(getattr(_provider("person", "pt_PT"), key), 0.06)
    pairs += _flat(getattr(_provider("person", "fr_CA"), key), 0.06)
    pairs += _flat(getattr(_provider("person", "tr_TR"), key)[:120], 0.03)
    return _weighted(pairs)


PARTICLES = (*_provider("person", "fr_FR").prefixes, "Van", "da", "dos", "Ben", "El")

# Real communes (a hand list: faker ships none), with a rough weight by size.
_REAL_COMMUNES = """
Paris 9 ; Marseille 5 ; Lyon 5 ; Toulouse 4 ; Nice 3 ; Nantes 3 ; Montpellier 3 ;
Strasbourg 3 ; Bordeaux 3 ; Lille 3 ; Rennes 2 ; Reims 2 ; Toulon 2 ; Saint-Étienne 2 ; Le
Havre 2 ; Grenoble 2 ; Dijon 2 ; Angers 2 ; Nîmes 2 ; Villeurbanne 2 ; Clermont-Ferrand 2
; Le Mans 2 ; Aix-en-Provence 2 ; Brest 2 ; Tours 2 ; Amiens 2 ; Limoges 2 ; Annecy 1 ;
Perpignan 1 ; Boulogne-Billancourt 1 ; Metz 1 ; Besançon 1 ; Orléans 1 ; Saint-Denis 1 ;
Argenteuil 1 ; Rouen 1 ; Mulhouse 1 ; Montreuil 1 ; Caen 1 ; Nancy 1 ; Saint-Paul 1 ;
Roubaix 1 ; Tourcoing 1 ; Nanterre 1 ; Vitry-sur-Seine 1 ; Avignon 1 ; Créteil 1 ;
Poitiers 1 ; Fort-de-France 1 ; Pau 1 ; Aubervilliers 1 ; Versailles 1 ; Colombes 1 ;
Asnières-sur-Seine 1 ; Aulnay-sous-Bois 1 ; Rueil-Malmaison 1 ; La Rochelle 1 ;
Champigny-sur-Marne 1 ; Antibes 1 ; Calais 1 ; Cannes 1 ; Béziers 1 ; Colmar 1 ; Bourges 1
; Ajaccio 1 ; Mérignac 1 ; Saint-Nazaire 1 ; Quimper 1 ; Valence 1 ; Niort 1 ;
Villeneuve-d'Ascq 1 ; Troyes 1 ; Chambéry 1 ; Lorient 1 ; Vannes 1 ; Cayenne 1 ; Bastia 1
; Mamoudzou 1 ; Pointe-à-Pitre 1 ; Laval 0.6 ; Auxerre 0.5 ; Périgueux 0.5 ; Guéret 0.3 ;
Mende 0.3 ; Foix 0.3 ; Privas 0.3 ; Digne-les-Bains 0.3 ; Aurillac 0.4 ; Rodez 0.4 ;
Cahors 0.4 ; Tulle 0.3 ; Montauban 0.6 ; Agen 0.5 ; Mont-de-Marsan 0.5 ; Tarbes 0.5 ; Dax
0.4 ; Bayonne 0.6 ; Arcachon 0.3 ; Sarlat-la-Canéda 0.3 ; Issoire 0.2 ; Riom 0.3 ; Vichy
0.4 ; Moulins 0.4 ; Nevers 0.4 ; Chalon-sur-Saône 0.5 ; Mâcon 0.4 ; Bourg-en-Bresse 0.5 ;
Oyonnax 0.3 ; Annemasse 0.4 ; Thonon-les-Bains 0.4 ; Gap 0.4 ; Briançon 0.2 ; Manosque 0.3
; Draguignan 0.4 ; Fréjus 0.5 ; Hyères 0.5 ; Arles 0.5 ; Salon-de-Provence 0.4 ;
Carpentras 0.3 ; Orange 0.3 ; Alès 0.4 ; Sète 0.4 ; Lunel 0.3 ; Narbonne 0.5 ; Carcassonne
0.5 ; Castres 0.4 ; Albi 0.5 ; Millau 0.3 ; Figeac 0.2 ; Auch 0.3 ; Lourdes 0.3 ;
Oloron-Sainte-Marie 0.2 ; Saintes 0.4 ; Cognac 0.3 ; Rochefort 0.3 ; Angoulême 0.4 ;
Châtellerault 0.3 ; Cholet 0.4 ; Saumur 0.3 ; La Roche-sur-Yon 0.5 ; Les Sables-d'Olonne
0.3 ; Saint-Malo 0.4 ; Saint-Brieuc 0.4 ; Lannion 0.3 ; Morlaix 0.2 ; Concarneau 0.2 ;
Fougères 0.2 ; Vitré 0.2 ; Alençon 0.3 ; Flers 0.2 ; Lisieux 0.2 ; Bayeux 0.2 ;
Cherbourg-en-Cotentin 0.4 ; Évreux 0.4 ; Dieppe 0.3 ; Fécamp 0.2 ; Beauvais 0.4 ;
Compiègne 0.4 ; Soissons 0.3 ; Laon 0.2 ; Saint-Quentin 0.4 ; Arras 0.4 ; Lens 0.3 ;
Béthune 0.3 ; Douai 0.3 ; Valenciennes 0.4 ; Maubeuge 0.3 ; Dunkerque 0.5 ;
Boulogne-sur-Mer 0.4 ; Charleville-Mézières 0.4 ; Sedan 0.2 ; Épernay 0.2 ; Chaumont 0.2 ;
Saint-Dizier 0.2 ; Verdun 0.2 ; Bar-le-Duc 0.2 ; Épinal 0.3 ; Saint-Dié-des-Vosges 0.2 ;
Thionville 0.4 ; Forbach 0.3 ; Sarreguemines 0.2 ; Haguenau 0.3 ; Sélestat 0.2 ; Saverne
0.2 ; Belfort 0.4 ; Montbéliard 0.3 ; Pontarlier 0.2 ; Lons-le-Saunier 0.2 ; Dole 0.2 ;
Vesoul 0.2 ; Sens 0.2 ; Auxonne 0.1 ; Beaune 0.2 ; Le Creusot 0.2 ; Roanne 0.3 ; Vienne
0.3 ; Villefranche-sur-Saône 0.3 ; Bron 0.3 ; Vénissieux 0.4 ; Échirolles 0.3 ; Voiron 0.2
; Romans-sur-Isère 0.3 ; Montélimar 0.3 ; Aubenas 0.2 ; Le Puy-en-Velay 0.2 ; Yssingeaux
0.1 ; Montluçon 0.3 ; Châteauroux 0.3 ; Blois 0.3 ; Vendôme 0.2 ; Chartres 0.3 ; Dreux 0.3
; Montargis 0.2 ; Gien 0.1 ; Vierzon 0.2 ; Meaux 0.4 ; Melun 0.3 ; Fontainebleau 0.2 ;
Évry-Courcouronnes 0.4 ; Corbeil-Essonnes 0.3 ; Massy 0.3 ; Sarcelles 0.4 ; Cergy 0.4 ;
Pontoise 0.3 ; Mantes-la-Jolie 0.3 ; Poissy 0.3 ; Trappes 0.2 ; Bobigny 0.3 ; Bondy 0.3 ;
Pantin 0.3 ; Ivry-sur-Seine 0.4 ; Villejuif 0.3 ; Clichy 0.3 ; Gennevilliers 0.3 ;
Saint-Ouen-sur-Seine 0.3 ; Le Tampon 0.3 ; Saint-Pierre 0.3 ; Le Lamentin 0.2 ; Kourou 0.1
; Porto-Vecchio 0.1 ; Corte 0.1 ; Plougastel-Daoulas 0.1 ; Ploërmel 0.1 ; Lamballe-Armor
0.1 ; Montmorillon 0.1 ; Ruffec 0.1 ; Nontron 0.1 ; Bergerac 0.3 ; Marmande 0.2 ;
Villeneuve-sur-Lot 0.2 ; Langon 0.1 ; Libourne 0.3 ; Lesparre-Médoc 0.1 ; Saint-Gaudens
0.1 ; Muret 0.2 ; Pamiers 0.2 ; Limoux 0.1 ; Prades 0.1 ; Céret 0.1 ; Lodève 0.1 ; Le
Vigan 0.1 ; Uzès 0.1 ; Apt 0.1 ; Sisteron 0.1 ; Barcelonnette 0.1 ; Embrun 0.1 ;
Albertville 0.2 ; Moûtiers 0.1 ; Saint-Jean-de-Maurienne 0.1 ; Bonneville 0.1 ;
Saint-Julien-en-Genevois 0.1 ; Ussel 0.1 ; Aubusson 0.1 ; Bellac 0.1 ; Rochechouart 0.1 ;
Confolens 0.1 ; Jonzac 0.1
"""
REAL_COMMUNES: tuple[tuple[str, float], ...] = tuple(
    (entry.rsplit(" ", 1)[0], float(entry.rsplit(" ", 1)[1]))
    for entry in " ".join(_REAL_COMMUNES.split()).split(" ; ")
)
_CITY_SUFFIXES = ("-sur-Mer", "-les-Bains", "-la-Forêt", "-sur-Loire", "-en-Vexin", "-le-Château")
_HAMLETS = (
    "Les Granges",
    "La Croix Blanche",
    "Le Moulin Neuf",
    "Les Essarts",
    "La Gravière",
    "Le Bois Joli",
    "Les Quatre Vents",
    "La Motte",
    "Le Pâtis",
    "Les Bruyères",
    "La Borde",
    "Le Grand Pré",
    "Les Rivières",
    "La Chaume",
    "Le Plessis",
    "Les Varennes",
    "La Forge",
    "Kerbiquet",
    "Ker Anna",
    "Le Mas Rouge",
    "La Bastide",
    "Les Crozes",
    "Le Coudray",
)
_STREET_NAMES = (
    "de la Gare",
    "de l'Église",
    "du Moulin",
    "des Écoles",
    "de la Mairie",
    "du Château",
    "des Prés",
    "du Stade",
    "des Lilas",
    "des Acacias",
    "Principale",
    "Neuve",
    "du Lavoir",
    "de la Fontaine",
    "des Vignes",
    "du Port",
    "du Bourg",
    "des Tilleuls",
    "de la Forge",
    "du Puits",
    "des Peupliers",
    "des Jardins",
    "du Calvaire",
    "des Chênes",
    "des Rosiers",
    "de la République",
    "de la Liberté",
    "de la Paix",
    "du Commerce",
    "des Fleurs",
    "des Pommiers",
    "du Four",
    "des Sources",
    "de Verdun",
    "du 8 Mai 1945",
    "du 19 Mars 1962",
    "de Bretagne",
    "de Provence",
    "des Alpes",
    "du Midi",
    "des Bleuets",
    "des Mimosas",
    "de la Croix",
    "du Pressoir",
    "des Marronniers",
    "de la Plaine",
    "du Vieux Pont",
    "des Cerisiers",
    "des Roches",
    "du Bois",
    "de la Vallée",
    "du Lac",
    "de la Poste",
    "des Hirondelles",
    "du Parc",
    "de l'Abbaye",
    "des Tanneurs",
    "des Remparts",
    "Haute",
    "Basse",
    "du Marché",
    "aux Herbes",
    "des Cordiers",
    "de la Colline",
    "du Ruisseau",
    "des Glycines",
    "des Aulnes",
    "du Clos",
    "des Sablons",
    "de la Chapelle",
    "de la Prairie",
)
# People and officers whose names streets, schools and buildings carry.
_EPONYMS = (
    "Victor Hugo",
    "Jean Jaurès",
    "Jean Moulin",
    "Louis Pasteur",
    "Léon Gambetta",
    "Charles de Gaulle",
    "Georges Clemenceau",
    "Émile Zola",
    "Jules Ferry",
    "Voltaire",
    "Molière",
    "Pierre et Marie Curie",
    "Anatole France",
    "Paul Bert",
    "Jean Zay",
    "Simone Veil",
    "Aristide Briand",
    "Alphonse de Lamartine",
    "George Sand",
    "Louise Michel",
    "Rosa Parks",
    "Nelson Mandela",
    "Salvador Allende",
    "Gabriel Péri",
    "Danielle Casanova",
    "Lucie Aubrac",
    "Joséphine Baker",
    "Gisèle Halimi",
    "Frédéric Chopin",
    "Paul Cézanne",
    "Alphonse Daudet",
    "Edmond Rostand",
    "Henri Barbusse",
    "Ambroise Croizat",
    "Pierre Brossolette",
    "Colonel Fabien",
    "Général Leclerc",
    "Maréchal Juin",
    "Président Wilson",
    "Président Kennedy",
    "Abbé Pierre",
    "Marcel Pagnol",
    "Jacques Prévert",
    "Albert Camus",
    "Antoine de Saint-Exupéry",
    "Jean de La Fontaine",
    "Colette",
    "Marie Marvingt",
    "Olympe de Gouges",
    "Aimé Césaire",
    "Toussaint Louverture",
    "Germaine Tillion",
    "Geneviève de Gaulle-Anthonioz",
    "Missak Manouchian",
    "Jean Monnet",
    "Robert Schuman",
    "Pierre Mendès France",
    "François Mitterrand",
    "Jacques Brel",
    "Georges Brassens",
    "Édith Piaf",
    "Paul Éluard",
    "Louis Aragon",
    "Jean Vilar",
    "Gérard Philipe",
    "Pablo Neruda",
    "Martin Luther King",
    "Camille Claudel",
    "Berthe Morisot",
    "Maréchal Lyautey",
    "Amiral Courbet",
    "Capitaine Dreyfus",
    "Docteur Schweitzer",
    "Sœur Marie",
    "Pierre de Coubertin",
    "Marcel Cerdan",
    "Suzanne Lenglen",
    "Jean Bouin",
    "Ferdinand Buisson",
    "Condorcet",
    "Denis Diderot",
    "Jean-Jacques Rousseau",
    "Montesquieu",
    "Blaise Pascal",
    "René Descartes",
    "Gustave Eiffel",
    "Clément Ader",
    "Hélène Boucher",
    "Maryse Bastié",
    "Jean Mermoz",
    "Roland Garros",
    "Eugène Delacroix",
    "Auguste Renoir",
)
# Street types with a weight after their frequency in the Base Adresse Nationale (rounded).
_STREET_TYPES: tuple[tuple[str, float], ...] = (
    ("rue", 48),
    ("chemin", 14),
    ("route", 9),
    ("impasse", 8),
    ("allée", 6),
    ("avenue", 4),
    ("place", 3),
    ("lotissement", 2),
    ("boulevard", 1.5),
    ("hameau", 1),
    ("résidence", 1),
    ("chemin rural", 0.8),
    ("square", 0.6),
    ("quai", 0.6),
    ("cours", 0.5),
    ("sentier", 0.5),
    ("passage", 0.5),
    ("montée", 0.4),
    ("voie", 0.4),
    ("cité", 0.4),
    ("clos", 0.4),
    ("sente", 0.3),
    ("traverse", 0.3),
    ("ruelle", 0.3),
    ("domaine", 0.3),
    ("promenade", 0.2),
    ("venelle", 0.2),
    ("esplanade", 0.2),
    ("rond-point", 0.1),
    ("faubourg", 0.3),
)
_RESIDENCES = (
    "Les Tilleuls",
    "Le Parc",
    "Les Jardins de la Roseraie",
    "Le Clos Fleuri",
    "Les Terrasses",
    "Bellevue",
    "Les Hauts de Seine",
    "Le Hameau du Lac",
    "Les Cèdres",
    "Beau Soleil",
    "Les Orangers",
    "Le Belvédère",
    "Les Magnolias",
    "Val Fleuri",
)
DEPARTMENTS = tuple(code for code, _name in _provider("address", "fr_FR").departments)

SURNAMES, SURNAME_W = _surnames()
MALE, MALE_W = _given("m")
FEMALE, FEMALE_W = _given("f")
COMMUNES, COMMUNE_W = _weighted(REAL_COMMUNES)
STREET_NAMES = [s for s in _STREET_NAMES if dev_side(s)]
EPONYMS = [e for e in _EPONYMS if dev_side(e)]
HAMLETS = [h for h in _HAMLETS if dev_side(h)]


# -- rendering -------------------------------------------------------------------------------


@dataclass
class Person:
    given: str
    surname: str
    female: bool


@dataclass
class Ctx:
    rng: random.Random
    people: list[Person] = field(default_factory=list)

    def pick(self, values: Sequence[str], weights: Sequence[float] | None = None) -> str:
        if weights is None:
            return self.rng.choice(values)
        return self.rng.choices(values, weights)[0]

    def chance(self, p: float) -> bool:
        return self.rng.random() < p


def _surname(ctx: Ctx) -> str:
    rng = ctx.rng
    name = ctx.pick(SURNAMES, SURNAME_W)
    roll = rng.random()
    if roll < 0.08:
        name = f"{name}-{ctx.pick(SURNAMES, SURNAME_W)}"
    elif roll < 0.13:
        name = f"{rng.choice(PARTICLES)} {name}"
    return name


def _given_name(ctx: Ctx, female: bool) -> str:
    names, weights = (FEMALE, FEMALE_W) if female else (MALE, MALE_W)
    name = ctx.pick(names, weights)
    if ctx.chance(0.06) and "-" not in name:
        other = ctx.pick(names, weights)
        if other != name and "-" not in other:
            name = f"{name}-{other}"
    return name


def new_person(ctx: Ctx) -> Person:
    female = ctx.chance(0.55)
    person = Person(_given_name(ctx, female), _surname(ctx), female)
    ctx.people.append(person)
    return person


def _title(ctx: Ctx, person: Person) -> str:
    if person.female:
        return ctx.pick(("Mme ", "Madame ", "Mme ", "Mlle ", "Me ", "Dr ", "Mme. "))
    return ctx.pick(("M. ", "Monsieur ", "M. ", "Mr ", "Me ", "Dr ", "M "))


def name_forms(ctx: Ctx, person: Person, style: str = "any") -> list[Piece]:
    """A person's name with or without a title (the title stays outside the span)."""
    g, s = person.given, person.surname
    if style == "any":
        style = ctx.pick(
            (
                "full",
                "full",
                "full",
                "title_full",
                "title_sur",
                "upper_first",
                "lower",
                "sur_first",
            ),
        )
    if style == "full":
        return [(f"{g} {s}", "personne")]
    if style == "title_full":
        return [(_title(ctx, person), None), (f"{g} {s}", "personne")]
    if style == "title_sur":
        return [(_title(ctx, person), None), (s, "personne")]
    if style == "title_upper":
        return [(_title(ctx, person), None), (s.upper(), "personne")]
    if style == "upper_first":
        return [(f"{s.upper()} {g}", "personne")]
    if style == "first_upper":
        return [(f"{g} {s.upper()}", "personne")]
    if style == "lower":
        return [(f"{g} {s}".lower(), "personne")]
    if style == "sur_first":
        return [(f"{s} {g}", "personne")]
    if style == "given":
        return [(g, "personne")]
    if style == "surname":
        return [(s, "personne")]
    if style == "initial":
        return [(f"{g[0]}. {s}", "personne")]
    raise ValueError(style)


def slot_name(ctx: Ctx) -> list[Piece]:
    return name_forms(ctx, new_person(ctx))


def slot_full(ctx: Ctx) -> list[Piece]:
    return name_forms(ctx, new_person(ctx), ctx.pick(("full", "full", "first_upper", "lower")))


def slot_titled(ctx: Ctx) -> list[Piece]:
    return name_forms(ctx, new_person(ctx), ctx.pick(("title_sur", "title_full", "title_upper")))


def slot_given(ctx: Ctx) -> list[Piece]:
    return name_forms(ctx, new_person(ctx), "given")


def slot_surname(ctx: Ctx) -> list[Piece]:
    return name_forms(ctx, new_person(ctx), "surname")


def slot_upper(ctx: Ctx) -> list[Piece]:
    return name_forms(ctx, new_person(ctx), "upper_first")


def slot_lower(ctx: Ctx) -> list[Piece]:
    return name_forms(ctx, new_person(ctx), "lower")


def slot_sign(ctx: Ctx) -> list[Piece]:
    """A signature: a name, sometimes with an initial, sometimes the given name alone."""
    person = new_person(ctx)
    style = ctx.pick(("full", "full", "first_upper", "given", "initial", "upper_first"))
    return name_forms(ctx, person, style)


def _digits(ctx: Ctx, n: int) -> str:
    return "".join(str(ctx.rng.randrange(10)) for _ in range(n))


def _postcode(ctx: Ctx) -> str:
    dept = ctx.pick(DEPARTMENTS)
    if dept in ("2A", "2B"):
        dept = "20"
    if len(dept) == 3:
        return dept + _digits(ctx, 2)
    return dept + ctx.pick(("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")) + _digits(ctx, 2)


def _commune(ctx: Ctx) -> str:
    if ctx.chance(0.7):
        return ctx.pick(COMMUNES, COMMUNE_W)
    rng = ctx.rng
    roll = rng.random()
    if roll < 0.35:
        given = _given_name(ctx, ctx.chance(0.5))
        prefix = "Sainte" if given in FEMALE else "Saint"
        return f"{prefix}-{given}"
    base = ctx.pick(SURNAMES, SURNAME_W)
    if roll < 0.7:
        return base + rng.choice(_CITY_SUFFIXES)
    return base


def _street(ctx: Ctx) -> str:
    kind = ctx.pick([t for t, _w in _STREET_TYPES], [w for _t, w in _STREET_TYPES])
    if ctx.chance(0.22):
        eponym = ctx.pick(EPONYMS)
        return f"{kind} {eponym}"
    name = ctx.pick(STREET_NAMES)
    if kind in ("chemin", "route") and ctx.chance(0.3):
        return f"{kind} de {_commune(ctx)}"
    return f"{kind} {name}"


def _number(ctx: Ctx) -> str:
    n = str(
        ctx.rng.choice((ctx.rng.randint(1, 30), ctx.rng.randint(1, 180), ctx.rng.randint(1, 9)))
    )
    roll = ctx.rng.random()
    if roll < 0.06:
        return n + ctx.pick((" bis", "bis", " B", "B"))
    if roll < 0.09:
        return n + ctx.pick((" ter", "ter", " T"))
    if roll < 0.10:
        return n + " quater"
    return n


def address_text(ctx: Ctx, style: str = "any") -> str:
    """A home address in one of the forms agents paste."""
    if style == "any":
        style = ctx.pick(
            (
                "line",
                "line",
                "line",
                "comma",
                "twolines",
                "upper",
                "complement",
                "nonum",
                "lieudit",
                "bp",
                "residence",
                "street_only",
                "street_only",
            ),
        )
    cp, commune = _postcode(ctx), _commune(ctx)
    num, street = _number(ctx), _street(ctx)
    if style == "line":
        return f"{num} {street} {cp} {commune}"
    if style == "comma":
        return f"{num}, {street}, {cp} {commune}"
    if style == "twolines":
        return f"{num} {street}\n{cp} {commune.upper() if ctx.chance(0.5) else commune}"
    if style == "upper":
        sep = ctx.pick(("\n", " ", ", "))
        return f"{num} {street}{sep}{cp} {commune}".upper()
    if style == "complement":
        extra = ctx.pick(
            (
                f"appartement {ctx.rng.randint(1, 60)}",
                f"appt {ctx.rng.randint(1, 60)}",
                f"bâtiment {ctx.pick(('A', 'B', 'C', 'D', '2'))}",
                f"bât. {ctx.pick(('A', 'B', 'C', 'E'))}, {ctx.rng.randint(1, 9)}e étage",
                f"escalier {ctx.pick(('1', '2', 'B'))}, porte {ctx.rng.randint(1, 40)}",
                f"Apt {ctx.rng.randint(1, 99)} bât {ctx.pick(('A', 'B', 'F'))}",
            )
        )
        sep = ctx.pick((", ", "\n"))
        return f"{extra}{sep}{num} {street}{sep}{cp} {commune}"
    if style == "nonum":
        return f"{street}, {cp} {commune}"
    if style == "lieudit":
        hamlet = ctx.pick(HAMLETS) if HAMLETS else "Les Granges"
        word = ctx.pick(("lieu-dit", "Lieu-dit", "lieu dit", "LD", "hameau de"))
        return f"{word} {hamlet}, {cp} {commune}"
    if style == "bp":
        box = ctx.pick(("BP", "B.P.", "BP", "boîte postale"))
        return f"{box} {ctx.rng.randint(2, 399)}, {cp} {commune}"
    if style == "residence":
        name = ctx.pick(_RESIDENCES)
        door = ctx.pick(
            (f"appt {ctx.rng.randint(1, 80)}", f"bâtiment {ctx.pick(('A', 'B', 'C'))}")
        )
        return f"résidence {name}, {door}, {num} {street}, {cp} {commune}"
    if style == "street_only":
        return f"{num} {street}"
    raise ValueError(style)


def slot_addr(ctx: Ctx) -> list[Piece]:
    return [(address_text(ctx), "adresse")]


def slot_addr_full(ctx: Ctx) -> list[Piece]:
    style = ctx.pick(("line", "comma", "twolines", "upper", "complement", "residence", "bp"))
    return [(address_text(ctx, style), "adresse")]


def slot_addr_line(ctx: Ctx) -> list[Piece]:
    return [(address_text(ctx, ctx.pick(("line", "comma", "nonum", "lieudit"))), "adresse")]


def slot_chez(ctx: Ctx) -> list[Piece]:
    """An address at someone else's home: "chez M. X" or "c/o X", then the address."""
    person = new_person(ctx)
    word = ctx.pick(("chez ", "c/o ", "chez ", "aux bons soins de "))
    return [
        (word, None),
        *name_forms(ctx, person, ctx.pick(("title_full", "full", "title_sur"))),
        (ctx.pick((", ", "\n", " - ")), None),
        (address_text(ctx, ctx.pick(("line", "comma", "twolines", "complement"))), "adresse"),
    ]


def _group(digits: str, sep: str) -> str:
    return sep.join(digits[i : i + 2] for i in range(0, len(digits), 2))


def phone_text(ctx: Ctx, mobile: bool = True) -> str:
    first = ctx.pick(("6", "7")) if mobile else ctx.pick(("1", "2", "3", "4", "5", "9"))
    rest = first + _digits(ctx, 8)
    style = ctx.rng.random()
    if style < 0.4:
        return "0" + _group(rest[0:1], "") + " " + _group(rest[1:], " ")
    if style < 0.55:
        return "0" + rest
    if style < 0.68:
        return "0" + rest[0] + "." + _group(rest[1:], ".")
    if style < 0.75:
        return "0" + rest[0] + "-" + _group(rest[1:], "-")
    if style < 0.88:
        return "+33 " + rest[0] + " " + _group(rest[1:], " ")
    if style < 0.94:
        return "+33" + rest
    return "+33 (0)" + rest[0] + " " + _group(rest[1:], " ")


def slot_mobile(ctx: Ctx) -> list[Piece]:
    return [(phone_text(ctx, True), "telephone")]


def slot_direct(ctx: Ctx) -> list[Piece]:
    return [(phone_text(ctx, False), "telephone")]


def _ascii(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn"
    )


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9-]", "", _ascii(text).lower().replace(" ", "-").replace("'", ""))


_GOV_DOMAINS = (
    "interieur.gouv.fr",
    "finances.gouv.fr",
    "education.gouv.fr",
    "ac-lyon.fr",
    "ac-rennes.fr",
    "justice.fr",
    "developpement-durable.gouv.fr",
    "agriculture.gouv.fr",
    "sante.gouv.fr",
    "culture.gouv.fr",
    "dgfip.finances.gouv.fr",
    "armees.gouv.fr",
    "ars.sante.fr",
    "ville-{c}.fr",
    "mairie-{c}.fr",
    "{c}.fr",
    "cc-{c}.fr",
    "cd{d}.fr",
    "departement{d}.fr",
    "francetravail.fr",
    "pole-emploi.fr",
    "cnaf.fr",
    "assurance-maladie.fr",
    "chu-{c}.fr",
)
_PRIVATE_DOMAINS = (
    "gmail.com",
    "orange.fr",
    "free.fr",
    "wanadoo.fr",
    "laposte.net",
    "hotmail.fr",
    "yahoo.fr",
    "outlook.fr",
    "sfr.fr",
    "icloud.com",
    "protonmail.com",
    "live.fr",
    "bbox.fr",
    "neuf.fr",
)


def _domain(ctx: Ctx, pool: Sequence[str]) -> str:
    d = ctx.pick(pool)
    return d.replace("{c}", _slug(_commune(ctx))).replace("{d}", ctx.pick(DEPARTMENTS).lower())


def email_text(ctx: Ctx, person: Person | None = None, work: bool | None = None) -> str:
    if person is None:
        person = Person(_given_name(ctx, ctx.chance(0.5)), _surname(ctx), False)
    g, s = _slug(person.given), _slug(person.surname).replace("-", "")
    if work is None:
        work = ctx.chance(0.55)
    local = ctx.pick(
        (
            f"{g}.{s}",
            f"{g}.{s}",
            f"{g[0]}.{s}",
            f"{g[0]}{s}",
            f"{s}.{g}",
            f"{g}{s}{ctx.rng.randint(1, 99)}",
            f"{g}_{s}",
            f"{s}{g[0]}",
            f"{g}-{s}",
        ),
    )
    return f"{local}@{_domain(ctx, _GOV_DOMAINS if work else _PRIVATE_DOMAINS)}"


def slot_mail(ctx: Ctx) -> list[Piece]:
    """An e-mail of the last person named (or of someone else)."""
    person = ctx.people[-1] if ctx.people and ctx.chance(0.8) else None
    return [(email_text(ctx, person), "email")]


def slot_pmail(ctx: Ctx) -> list[Piece]:
    person = ctx.people[-1] if ctx.people else None
    return [(email_text(ctx, person, work=False), "email")]


_MONTHS = (
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


def date_text(ctx: Ctx, lo: int = 1940, hi: int = 2008) -> str:
    y, m, d = ctx.rng.randint(lo, hi), ctx.rng.randint(1, 12), ctx.rng.randint(1, 28)
    style = ctx.rng.random()
    if style < 0.35:
        return f"{d:02d}/{m:02d}/{y}"
    if style < 0.55:
        day = "1er" if d == 1 else str(d)
        return f"{day} {_MONTHS[m - 1]} {y}"
    if style < 0.65:
        return f"{d}/{m}/{y}"
    if style < 0.75:
        return f"{d:02d}.{m:02d}.{y}"
    if style < 0.85:
        return f"{d:02d}-{m:02d}-{y}"
    if style < 0.93:
        return f"{y}-{m:02d}-{d:02d}"
    return f"{d:02d}/{m:02d}/{y % 100:02d}"


def slot_dob(ctx: Ctx) -> list[Piece]:
    return [(date_text(ctx), "date_naissance")]


def slot_date(ctx: Ctx) -> list[Piece]:
    """A date that is not a birth date (no label)."""
    return [(date_text(ctx, 2019, 2027), None)]


def nir_text(ctx: Ctx) -> str:
    sex = ctx.pick(("1", "2"))
    yy, mm = f"{ctx.rng.randint(40, 99):02d}", f"{ctx.rng.randint(1, 12):02d}"
    dept = ctx.pick(DEPARTMENTS)
    tail = _digits(ctx, 2) if len(dept) == 3 else f"{ctx.rng.randint(1, 990):03d}"
    place = dept + tail
    order = f"{ctx.rng.randint(1, 999):03d}"
    body = sex + yy + mm + place + order
    numeric = body.replace("2A", "19").replace("2B", "18")
    key = 97 - int(numeric) % 97
    full = f"{body}{key:02d}"
    if ctx.chance(0.5):
        return (
            f"{full[0]} {full[1:3]} {full[3:5]} {full[5:7]} {full[7:10]} {full[10:13]} {full[13:]}"
        )
    return full


def nir_ok(value: str) -> bool:
    """A NIR of 15 characters whose key matches (Corsica: 2A counts as 19, 2B as 18)."""
    compact = value.replace(" ", "").upper()
    if len(compact) != 15:
        return False
    numeric = compact[:13].replace("2A", "19").replace("2B", "18")
    return numeric.isdigit() and 97 - int(numeric) % 97 == int(compact[13:])


def slot_nir(ctx: Ctx) -> list[Piece]:
    return [(nir_text(ctx), "nir")]


def _iban_check(country: str, bban: str) -> str:
    rearranged = bban + country + "00"
    numeric = "".join(str(int(c, 36)) for c in rearranged)
    return f"{98 - int(numeric) % 97:02d}"


def iban_ok(value: str) -> bool:
    compact = value.replace(" ", "").upper()
    numeric = "".join(str(int(c, 36)) for c in compact[4:] + compact[:4])
    return int(numeric) % 97 == 1


def iban_text(ctx: Ctx) -> str:
    if ctx.chance(0.8):
        bank, branch, account = _digits(ctx, 5), _digits(ctx, 5), _digits(ctx, 11)
        key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
        bban, country = f"{bank}{branch}{account}{key:02d}", "FR"
    else:
        country = ctx.pick(("DE", "ES", "IT", "LU"))
        if country == "DE":
            bban = _digits(ctx, 18)
        elif country == "ES":
            bban = _digits(ctx, 20)
        elif country == "IT":
            bban = ctx.pick(("X", "A", "K")) + _digits(ctx, 22)
        else:
            bban = _digits(ctx, 16)
    compact = country + _iban_check(country, bban) + bban
    if ctx.chance(0.6):
        return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
    return compact


def slot_iban(ctx: Ctx) -> list[Piece]:
    return [(iban_text(ctx), "iban")]


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(digits)):
        n = int(c)
        if i % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def _luhn_complete(prefix: str, length: int, ctx: Ctx) -> str:
    body = prefix + _digits(ctx, length - len(prefix) - 1)
    for last in "0123456789":
        if luhn_ok(body + last):
            return body + last
    raise AssertionError(body)


def card_text(ctx: Ctx) -> str:
    kind = ctx.pick(("visa", "visa", "mc", "amex"))
    if kind == "amex":
        n = _luhn_complete(ctx.pick(("34", "37")), 15, ctx)
        return f"{n[:4]} {n[4:10]} {n[10:]}" if ctx.chance(0.6) else n
    n = _luhn_complete("4" if kind == "visa" else str(ctx.rng.randint(51, 55)), 16, ctx)
    sep = ctx.pick((" ", " ", "-", ""))
    return sep.join(n[i : i + 4] for i in range(0, 16, 4))


def slot_card(ctx: Ctx) -> list[Piece]:
    return [(card_text(ctx), "carte")]


# -- values that are not personal ------------------------------------------------------------

_SERVICES = (
    "service RH",
    "bureau du personnel",
    "pôle paie",
    "DRH",
    "service état civil",
    "service urbanisme",
    "accueil",
    "service des affaires scolaires",
    "CCAS",
    "service social",
    "bureau des élections",
    "service des marchés",
    "service juridique",
    "pôle usagers",
    "cellule achats",
    "secrétariat général",
    "service informatique",
    "direction des finances",
    "service des sports",
    "médiathèque",
    "bureau des étrangers",
    "service cartes grises",
    "SGC",
    "SIE",
    "cellule communication",
    "service voirie",
    "pôle solidarités",
)


def slot_service(ctx: Ctx) -> list[Piece]:
    return [(ctx.pick(_SERVICES), None)]


def slot_commune(ctx: Ctx) -> list[Piece]:
    return [(_commune(ctx), None)]


_INSTITUTIONS = (
    "mairie de {c}",
    "préfecture",
    "sous-préfecture de {c}",
    "CCAS de {c}",
    "DDFiP",
    "centre des finances publiques de {c}",
    "rectorat",
    "DSDEN",
    "CPAM",
    "CAF",
    "France Travail",
    "tribunal judiciaire de {c}",
    "conseil départemental",
    "DDETS",
    "DREAL",
    "ARS",
    "communauté de communes",
    "SDIS",
    "maison France services de {c}",
    "trésorerie",
    "gendarmerie de {c}",
    "commissariat de {c}",
)


def _institution(ctx: Ctx) -> str:
    return ctx.pick(_INSTITUTIONS).replace("{c}", _commune(ctx))


def slot_inst(ctx: Ctx) -> list[Piece]:
    return [(_institution(ctx), None)]


def slot_inst_addr(ctx: Ctx) -> list[Piece]:
    """An administration's office address (not personal), often with a CS or BP box."""
    num, street, cp, commune = _number(ctx), _street(ctx), _postcode(ctx), _commune(ctx)
    style = ctx.rng.random()
    if style < 0.3:
        text = f"{num} {street}, CS {ctx.rng.randint(10000, 99999)}, {cp} {commune} Cedex"
    elif style < 0.5:
        text = f"{num} {street} - BP {ctx.rng.randint(1, 999)} - {cp} {commune.upper()} CEDEX"
    elif style < 0.7:
        text = f"{num} {street}\n{cp} {commune}"
    else:
        text = f"{num}, {street}, {cp} {commune}"
    return [(text, None)]


def slot_switchboard(ctx: Ctx) -> list[Piece]:
    style = ctx.rng.random()
    if style < 0.6:
        return [(phone_text(ctx, False), None)]
    if style < 0.75:
        return [(ctx.pick(("3939", "3646", "3949", "3230", "3919", "17", "115", "119")), None)]
    if style < 0.9:
        return [(f"0 800 {_digits(ctx, 3)} {_digits(ctx, 3)}", None)]
    return [(f"09 69 {_digits(ctx, 2)} {_digits(ctx, 2)} {_digits(ctx, 2)}", None)]


_BOXES = (
    "accueil",
    "contact",
    "rh",
    "drh-paie",
    "ne-pas-repondre",
    "courrier",
    "etat-civil",
    "marches-publics",
    "urbanisme",
    "secretariat.general",
    "recrutement",
    "dpo",
    "cnil",
    "support",
    "assistance.informatique",
    "communication",
    "sgc.{c}",
    "sie.{c}",
    "ccas",
    "pref-etrangers",
    "ddt-sg",
    "noreply",
    "info",
    "mairie",
    "elections",
    "subventions",
)


def slot_box(ctx: Ctx) -> list[Piece]:
    local = ctx.pick(_BOXES).replace("{c}", _slug(_commune(ctx)))
    return [(f"{local}@{_domain(ctx, _GOV_DOMAINS)}", None)]


def slot_place(ctx: Ctx) -> list[Piece]:
    """A place or building named after a person (not personal)."""
    kind = ctx.pick(
        (
            "collège",
            "lycée",
            "école élémentaire",
            "groupe scolaire",
            "gymnase",
            "stade",
            "salle",
            "médiathèque",
            "centre hospitalier",
            "EHPAD",
            "crèche",
            "rue",
            "avenue",
            "place",
            "rond-point du",
            "quai",
            "maison de quartier",
            "piscine",
            "caserne",
            "centre social",
            "espace",
            "halle",
            "parc",
            "square",
            "boulevard du",
            "pont",
            "lycée professionnel",
            "résidence autonomie",
            "foyer",
            "théâtre",
        ),
    )
    eponym = ctx.pick(EPONYMS)
    if kind.endswith(" du") and not eponym.startswith(
        ("Général", "Maréchal", "Président", "Colonel", "Capitaine", "Docteur", "Amiral")
    ):
        kind = kind[:-3]
    return [(f"{kind} {eponym}", None)]


def slot_ref(ctx: Ctx) -> list[Piece]:
    """An administrative reference: file, order, client, SIREN/SIRET, contract, RNA."""
    kind = ctx.rng.random()
    if kind < 0.15:
        siren = _luhn_complete(ctx.pick(("3", "4", "5", "7", "8")), 9, ctx)
        return [(f"SIRET {siren} {_luhn_complete('000', 5, ctx)}", None)]
    if kind < 0.27:
        siren = _luhn_complete(ctx.pick(("3", "4", "8")), 9, ctx)
        return [(f"SIREN {siren[:3]} {siren[3:6]} {siren[6:]}", None)]
    if kind < 0.42:
        digits = _luhn_complete(ctx.pick(("1", "2", "4", "9")), 16, ctx)
        return [(f"n° {digits}", None)]
    if kind < 0.55:
        return [(f"n° 0{_digits(ctx, 9)}", None)]
    if kind < 0.65:
        return [(f"W{_digits(ctx, 9)}", None)]
    if kind < 0.75:
        return [(f"{ctx.rng.randint(2019, 2026)}-{_digits(ctx, 5)}", None)]
    if kind < 0.85:
        return [(f"EJ {_digits(ctx, 10)}", None)]
    return [(f"{ctx.pick(('DOS', 'REF', 'AR', 'CMD'))}-{_digits(ctx, 4)}-{_digits(ctx, 6)}", None)]


def slot_amount(ctx: Ctx) -> list[Piece]:
    return [(f"{ctx.rng.randint(120, 98000):,} €".replace(",", "\u202f"), None)]


def slot_year(ctx: Ctx) -> list[Piece]:
    return [(str(ctx.rng.randint(2015, 2027)), None)]


def slot_pct(ctx: Ctx) -> list[Piece]:
    return [(f"{ctx.rng.randint(2, 48)} %", None)]


def slot_n(ctx: Ctx) -> list[Piece]:
    return [(str(ctx.rng.randint(2, 240)), None)]


def slot_colleague(ctx: Ctx) -> list[Piece]:
    """Someone unnamed."""
    return [
        (
            ctx.pick(
                (
                    "ma collègue",
                    "mon collègue",
                    "un agent de mon équipe",
                    "une agente",
                    "l'agent",
                    "la stagiaire",
                    "le stagiaire",
                    "mon N+1",
                    "ma cheffe",
                    "notre gardien",
                    "l'usager",
                    "l'usagère",
                    "le candidat",
                    "la candidate",
                    "une collaboratrice",
                    "un contractuel",
                    "le demandeur",
                    "mon binôme",
                    "un adjoint technique",
                    "une ATSEM",
                    "le chauffeur",
                    "la secrétaire",
                    "un apprenti",
                    "l'intéressé",
                    "l'intéressée",
                ),
            ),
            None,
        )
    ]


# -- sensitive topics: phrases about a person (labelled) -------------------------------------
# "pred": a verb phrase after a subject (3rd person); "np": a noun phrase after "à cause de",
# "pour", "vu"; "me": said of oneself, after "je ". Each list mixes keywords, paraphrases and
# indirect mentions.

TOPIC_PHRASES: dict[str, dict[str, tuple[str, ...]]] = {
    "sante": {
        "pred": (
            "est en arrêt pour sa dépression",
            "a fait un burn-out",
            "sort d'une chimio",
            "est suivi pour un cancer du sein",
            "a été hospitalisé la semaine dernière",
            "est diabétique",
            "a une sclérose en plaques",
            "est en CLM depuis janvier",
            "a fait un AVC",
            "est enceinte de 5 mois",
            "souffre de troubles bipolaires",
            "est reconnu travailleur handicapé",
            "a obtenu sa RQTH",
            "est malvoyante",
            "est sourd",
            "a une hernie discale",
            "est en mi-temps thérapeutique",
            "a été opérée du genou",
            "prend des antidépresseurs",
            "est suivie par un psychiatre",
            "a une maladie de Crohn",
            "est épileptique",
            "est en rémission",
            "a des crises d'angoisse",
            "fait de l'hypertension",
            "est alcoolique",
            "est en cure de désintoxication",
            "est séropositif",
            "a le covid",
            "est en fauteuil roulant",
            "a un trouble du spectre autistique",
            "est dyslexique",
            "a un cancer",
            "a fait une fausse couche",
            "est en longue maladie",
            "a une invalidité de catégorie 2",
            "est asthmatique",
            "a perdu l'usage d'un bras",
            "a des idées suicidaires",
            "est en soins palliatifs",
            "a une fibromyalgie",
        ),
        "np": (
            "sa dépression",
            "son cancer",
            "sa grossesse",
            "son diabète",
            "son handicap",
            "sa maladie de Parkinson",
            "son opération du dos",
            "ses séances de dialyse",
            "sa chimiothérapie",
            "son hospitalisation",
            "son addiction",
            "son arrêt maladie",
            "sa rééducation",
            "ses migraines chroniques",
            "son accident de travail",
            "sa PMA",
            "ses problèmes cardiaques",
            "son traitement psychiatrique",
        ),
        "me": (
            "suis en arrêt maladie",
            "suis enceinte",
            "suis diabétique",
            "ai un cancer",
            "sors d'un burn-out",
            "suis en ALD",
            "ai une RQTH",
            "suis suivi pour une dépression",
            "suis sous traitement pour mon cœur",
            "suis en mi-temps thérapeutique",
        ),
    },
    "religion": {
        "pred": (
            "fait le ramadan",
            "est musulmane pratiquante",
            "porte le voile",
            "va à la messe tous les dimanches",
            "est juif",
            "respecte le shabbat",
            "s'est convertie à l'islam",
            "est témoin de Jéhovah",
            "est bouddhiste",
            "est protestant",
            "est catholique pratiquant",
            "porte une kippa",
            "porte le turban sikh",
            "prie cinq fois par jour",
            "jeûne pendant le carême",
            "est évangélique",
            "fréquente la mosquée du quartier",
            "est athée",
            "a été baptisé l'an dernier",
            "est orthodoxe",
            "part en pèlerinage à La Mecque",
            "fête Yom Kippour",
            "ne mange pas de porc pour raisons religieuses",
            "est membre de l'Église adventiste",
            "veut s'absenter pour la Pâque juive",
            "porte une croix bien visible",
            "célèbre l'Aïd avec sa famille",
            "est chrétienne",
            "est hindoue",
            "s'est fait baptiser",
            "fait sa communion",
        ),
        "np": (
            "sa conversion à l'islam",
            "sa foi catholique",
            "sa pratique du ramadan",
            "ses convictions religieuses",
            "son appartenance aux témoins de Jéhovah",
            "son pèlerinage à Lourdes",
            "sa religion",
            "le port de son voile",
            "sa bar-mitsva",
            "ses prières",
            "sa confirmation",
        ),
        "me": (
            "suis musulman",
            "fais le ramadan",
            "suis juive pratiquante",
            "suis catholique",
            "porte le voile",
            "suis protestante",
            "me suis converti au bouddhisme",
        ),
    },
    "opinion_politique": {
        "pred": (
            "milite chez les Verts",
            "est encarté au RN",
            "est adhérent de LFI",
            "colle des affiches pour le PS",
            "est militant communiste",
            "vote à l'extrême droite",
            "se présente sur la liste Reconquête",
            "est proche des Républicains",
            "est secrétaire de section du PCF",
            "soutient Renaissance",
            "tracte pour EELV le samedi",
            "est conseiller municipal d'opposition",
            "est anarchiste",
            "est royaliste",
            "défile avec les gilets jaunes",
            "est membre d'Horizons",
            "a sa carte au Modem",
            "est écologiste convaincue",
            "est de gauche",
            "est très à droite",
            "fait campagne pour le Rassemblement national",
            "est trotskiste",
            "a signé la pétition du NPA",
            "est engagée chez Génération.s",
            "anime le comité local de La France insoumise",
            "est souverainiste",
            "est candidate aux municipales sous l'étiquette divers gauche",
            "a manifesté avec Extinction Rebellion",
            "est militante féministe au Parti socialiste",
        ),
        "np": (
            "son engagement au RN",
            "ses opinions politiques",
            "son militantisme écologiste",
            "son adhésion au Parti communiste",
            "ses idées d'extrême gauche",
            "sa candidature LR",
            "son mandat d'élu d'opposition",
            "sa carte chez Reconquête",
            "ses positions souverainistes",
        ),
        "me": (
            "suis adhérente d'EELV",
            "milite au PS",
            "suis encarté chez LR",
            "vote RN",
            "suis candidat sur une liste insoumise",
            "suis militant communiste",
        ),
    },
    "syndicat": {
        "pred": (
            "est délégué SUD",
            "est élue CGT",
            "est syndiqué à FO",
            "a sa carte à la CFDT",
            "est secrétaire de la section UNSA",
            "est représentante du personnel CFTC",
            "milite à la FSU",
            "siège en CAP pour la CGT",
            "est adhérent Solidaires",
            "a rejoint la CFE-CGC",
            "est permanent syndical à FO",
            "est mandaté par SUD Santé",
            "est syndiqué",
            "fait partie du bureau de l'UNSA",
            "est délégué syndical",
            "a une décharge syndicale",
            "est élu au CST sur la liste CFDT",
            "est militante SNES",
            "est responsable du SNUipp local",
            "distribue les tracts de la CGT",
            "est adhérente du SGEN",
            "représente Force ouvrière au CSE",
            "s'est syndiquée l'an dernier",
            "est militant Alliance",
            "est élu CFTC au F3SCT",
        ),
        "np": (
            "son mandat syndical",
            "son adhésion à la CGT",
            "son engagement à SUD",
            "ses heures de délégation",
            "sa décharge syndicale",
            "son appartenance à FO",
            "son activité syndicale",
            "son rôle à l'UNSA",
        ),
        "me": (
            "suis syndiqué à la CGT",
            "suis élue FO",
            "suis déléguée SUD",
            "ai ma carte à la CFDT",
            "suis représentant UNSA",
            "suis adhérent de la FSU",
        ),
    },
    "origine": {
        "pred": (
            "est issu de la communauté rom",
            "est d'origine marocaine",
            "est noir",
            "est d'origine sénégalaise",
            "vient d'une famille kabyle",
            "est métisse",
            "est d'origine asiatique",
            "a des origines maghrébines",
            "est gitan",
            "est d'origine turque",
            "est issue de l'immigration algérienne",
            "est arabe",
            "est une femme noire",
            "est d'origine portugaise",
            "est d'ascendance africaine",
            "est de type maghrébin",
            "est issu d'une famille de gens du voyage",
            "est d'origine comorienne",
            "a la peau noire",
            "est d'origine chinoise",
            "est d'origine arménienne",
            "est kurde",
            "est d'origine antillaise",
            "est d'ethnie peule",
            "vient de la communauté tamoule",
            "est d'origine malienne",
            "est d'origine vietnamienne",
            "est beur",
            "est d'origine haïtienne",
            "a grandi dans un camp de réfugiés syriens",
            "est issue d'une famille harkie",
            "est d'origine tzigane",
            "est maghrébin",
            "est asiatique",
            "vient d'une famille manouche",
            "est d'origine polonaise par sa mère",
        ),
        "np": (
            "ses origines maghrébines",
            "sa couleur de peau",
            "son origine ethnique",
            "ses origines africaines",
            "son appartenance à la communauté rom",
            "ses origines arabes",
            "son origine antillaise",
            "son faciès",
        ),
        "me": (
            "suis d'origine algérienne",
            "suis noire",
            "suis issu de la communauté gitane",
            "suis d'origine cambodgienne",
            "suis métis",
        ),
    },
    "vie_sexuelle": {
        "pred": (
            "est homosexuel",
            "est lesbienne",
            "est gay",
            "est bisexuelle",
            "est trans",
            "vit avec son compagnon",
            "est en couple avec une femme",
            "a fait son coming out",
            "est pacsé avec un homme",
            "sort avec un collègue",
            "fréquente des sites de rencontre gays",
            "a épousé sa compagne",
            "est en transition",
            "est asexuel",
            "a une liaison avec son chef",
            "est pansexuelle",
            "vit avec son mari",
            "a un amant",
            "entretient une relation avec une collègue mariée",
            "est queer",
            "a changé de genre",
            "fréquente des clubs libertins",
            "est polyamoureuse",
            "est homo",
            "est en couple avec un homme depuis dix ans",
            "a quitté sa femme pour un homme",
            "a parlé de sa femme, alors que c'est une femme elle aussi",
            "est non binaire",
            "fréquente le milieu gay",
            "a subi une thérapie de conversion",
            "a une relation extraconjugale",
        ),
        "np": (
            "son homosexualité",
            "son compagnon",
            "sa compagne",
            "sa transidentité",
            "son orientation sexuelle",
            "sa bisexualité",
            "sa vie sexuelle",
            "son coming out",
            "sa liaison avec le DGS",
            "sa relation avec sa supérieure",
        ),
        "me": (
            "suis gay",
            "suis lesbienne",
            "suis bi",
            "vis avec mon compagnon",
            "suis pacsée avec ma compagne",
            "suis une femme trans",
        ),
    },
    "genetique_biometrie": {
        "pred": (
            "a donné son empreinte palmaire pour la pointeuse",
            "a fait un test ADN de paternité",
            "est porteuse du gène BRCA1",
            "a refusé la reconnaissance faciale à l'entrée",
            "a fourni un échantillon ADN",
            "a enregistré son empreinte digitale sur le badge",
            "a fait un séquençage de son génome",
            "a une mutation génétique héréditaire",
            "a un scan de l'iris dans le fichier d'accès",
            "a passé un test génétique",
            "a son gabarit biométrique dans le système",
            "a une anomalie chromosomique",
            "a un caryotype anormal",
            "a transmis ses empreintes digitales",
            "a fait analyser son ADN",
            "porte une mutation génétique rare",
            "a fait un test de paternité",
            "a enregistré son visage pour le contrôle d'accès",
            "a un gène de prédisposition héréditaire",
            "a déposé son réseau veineux pour la badgeuse",
            "a sa voix enregistrée comme mot de passe",
        ),
        "np": (
            "son empreinte palmaire",
            "ses empreintes digitales",
            "son profil ADN",
            "les résultats de son test génétique",
            "sa photo biométrique de reconnaissance faciale",
            "son gabarit d'empreinte",
            "son séquençage génétique",
            "le scan de son iris",
            "son empreinte vocale",
            "son test de paternité",
        ),
        "me": (
            "ai fait un test ADN",
            "suis porteur d'une maladie génétique",
            "ai refusé de donner mes empreintes digitales",
            "ai le gène BRCA2",
            "ai fait enregistrer mon visage pour la pointeuse",
        ),
    },
    "infraction": {
        "pred": (
            "a été condamné pour conduite sans permis",
            "a été placé en garde à vue",
            "a un casier judiciaire chargé",
            "a perdu tous ses points",
            "a été flashé à 150",
            "est sous bracelet électronique",
            "a fait de la prison",
            "a été mis en examen",
            "a été condamnée pour vol",
            "est poursuivi pour violences conjugales",
            "a été contrôlé positif à l'alcool au volant",
            "a eu une suspension de permis",
            "a été verbalisé pour usage de stupéfiants",
            "est fiché pour escroquerie",
            "a pris six mois avec sursis",
            "sort de détention",
            "est incarcéré à Fresnes",
            "a été interpellé pour trafic",
            "a été condamnée pour harcèlement",
            "a un TIG à effectuer",
            "est sous contrôle judiciaire",
            "a été reconnu coupable de fraude",
            "a été arrêté pour outrage à agent",
            "a écopé d'une amende pour délit de fuite",
            "a été condamné pour abus de confiance",
            "purge une peine de prison",
            "a volé dans la caisse",
            "a été pris en état d'ivresse au volant",
        ),
        "np": (
            "sa condamnation pour fraude",
            "son casier judiciaire",
            "sa garde à vue",
            "son retrait de permis",
            "sa peine avec sursis",
            "son incarcération",
            "sa mise en examen",
            "ses antécédents judiciaires",
            "son délit de fuite",
            "sa condamnation pour violences",
        ),
        "me": (
            "ai été condamné pour vol",
            "ai perdu mon permis",
            "ai un casier judiciaire",
            "ai fait de la garde à vue",
            "suis sous contrôle judiciaire",
        ),
    },
}


def _topic_slot(category: str, form: str) -> Callable[[Ctx], list[Piece]]:
    def slot(ctx: Ctx) -> list[Piece]:
        return [(ctx.pick(TOPIC_PHRASES[category][form]), category)]

    return slot


def slot_any_topic(ctx: Ctx) -> list[Piece]:
    category = ctx.pick(TOPICS)
    return [(ctx.pick(TOPIC_PHRASES[category]["pred"]), category)]


SLOTS: dict[str, Callable[[Ctx], list[Piece]]] = {
    "name": slot_name,
    "full": slot_full,
    "titled": slot_titled,
    "given": slot_given,
    "surname": slot_surname,
    "upper": slot_upper,
    "lower": slot_lower,
    "sign": slot_sign,
    "addr": slot_addr,
    "addr_full": slot_addr_full,
    "addr_line": slot_addr_line,
    "chez": slot_chez,
    "mobile": slot_mobile,
    "direct": slot_direct,
    "mail": slot_mail,
    "pmail": slot_pmail,
    "dob": slot_dob,
    "date": slot_date,
    "nir": slot_nir,
    "iban": slot_iban,
    "card": slot_card,
    "service": slot_service,
    "commune": slot_commune,
    "inst": slot_inst,
    "inst_addr": slot_inst_addr,
    "switch": slot_switchboard,
    "box": slot_box,
    "place": slot_place,
    "ref": slot_ref,
    "amount": slot_amount,
    "year": slot_year,
    "pct": slot_pct,
    "n": slot_n,
    "who": slot_colleague,
    "topic": slot_any_topic,
}
for _category in TOPICS:
    for _form in ("pred", "np", "me"):
        SLOTS[f"{_category}_{_form}"] = _topic_slot(_category, _form)


def slot_subj(ctx: Ctx) -> list[Piece]:
    """The subject of a sensitive statement: named (60%) or not."""
    if ctx.chance(0.6):
        return name_forms(ctx, new_person(ctx))
    return slot_colleague(ctx)


SLOTS["subj"] = slot_subj


def _gendered(female: bool, style: str) -> Callable[[Ctx], list[Piece]]:
    def slot(ctx: Ctx) -> list[Piece]:
        person = Person(_given_name(ctx, female), _surname(ctx), female)
        ctx.people.append(person)
        return name_forms(ctx, person, style)

    return slot


def slot_record_name(ctx: Ctx) -> list[Piece]:
    """A form: surname and given name of one person on two labelled lines."""
    person = new_person(ctx)
    surname = person.surname.upper() if ctx.chance(0.5) else person.surname
    return [
        (ctx.pick(("Nom : ", "NOM : ", "Nom de famille : ", "nom: ")), None),
        (surname, "personne"),
        (ctx.pick(("\nPrénom : ", "\nPrénom(s) : ", " / prénom : ", "\nprenom: ")), None),
        (person.given, "personne"),
    ]


SLOTS.update(
    {
        "name_f": _gendered(True, "any"),
        "name_m": _gendered(False, "any"),
        "given_f": _gendered(True, "given"),
        "given_m": _gendered(False, "given"),
        "record_name": slot_record_name,
    }
)

# -- templates -------------------------------------------------------------------------------
# Each family: templates written as agents write them. "{slot}" is filled by SLOTS[slot].

FAMILIES: dict[str, tuple[str, ...]] = {
    "names": (
        "{name} sera absent demain, tu peux prendre ses rdv ?",
        "{name} a demandé un rdv pour son entretien pro, je lui propose quel créneau ?",
        "Est-ce que {given} peut signer le bon de commande à ma place ?",
        "ma collègue {given} part en congés vendredi, qui la remplace ?",
        "peux tu rédiger un mot de remerciement pour le départ en retraite de {name}",
        "Les époux {surname} demandent un délai de paiement pour la cantine.",
        "{upper} a été recruté au 1er septembre sur le poste de gestionnaire.",
        "Présents : {name}, {name}, {name} ; excusée : {name}.",
        "réunion avec {titled} jeudi 14h, salle du conseil",
        "Merci de transmettre le dossier de {titled} au contrôle de légalité.",
        "moi c'est {lower}, agent d'accueil, comment on demande le télétravail ?",
        "bonjour je m'appelle {lower} et je voudrais savoir combien de jours de CET il me reste",
        "{given}, tu peux relire ma note avant 17h ?",
        "C'est {surname} qui gère les astreintes ce week-end.",
        "Tu as des nouvelles de {given_f} ? Elle devait m'envoyer le planning.",
        "Fais un courrier de convocation pour {titled} à l'entretien du {date}.",
        "L'arrêté de nomination de {name} doit être signé par le maire.",
        "Liste des lauréats : 1. {upper} 2. {upper} 3. {upper}",
        "Jury : {titled} (présidente), {titled}, {titled}.",
        "cc {name} et {name}",
        "{name} remplace {name} à la commission d'appel d'offres.",
        "Peux-tu reformuler ce mail pour {given} sans être trop sec ?",
        "Dis à {surname} que la voiture de service est au garage.",
        "Le stagiaire {full} commence lundi, on lui faut un badge et un poste.",
        "On a reçu la candidature de {name} pour le poste d'assistante de direction.",
        "RDV annulé avec {titled}, à reprogrammer semaine pro",
        "{sign} a validé le devis, tu peux lancer l'engagement.",
        "Mme la directrice souhaite que {given} et {given} suivent la formation SST.",
        "la fille de {titled} fait son stage de 3e chez nous en janvier",
        "Qui est le référent de {name} pour le tutorat ?",
        "{upper} et {upper} sont d'astreinte du {date} au {date}.",
        "Transmettre à Me {surname}, avocat de la partie adverse, le mémoire en défense.",
        "Le Dr {surname} a envoyé le certificat, je le classe où ?",
        "Hier j'ai croisé {given_f} à la cantine, elle m'a parlé du projet.",
        "Mlle {surname} souhaite consulter son dossier administratif.",
        "Vu avec {name} : on décale le comité au mois prochain.",
        "Peux tu envoyer le lien visio à {name}, {name} et {given} ?",
        "merci à {given} pour l'orga du pot !!",
    ),
    "addresses": (
        "Nouvelle adresse de l'agent : {addr}",
        "Il habite {addr_line}, c'est loin du service ?",
        "Courrier à envoyer à {titled}, {addr_full}",
        "L'usager a déménagé : {addr_line}, mets à jour son dossier stp",
        "Adresse de facturation (domicile) :\n{addr_full}",
        "Elle réside désormais {chez}.",
        "Merci d'écrire au demandeur {chez}",
        "Domicile : {addr_full}",
        "Pour la visite à domicile c'est au {addr}, sonner deux fois.",
        "Je vous informe de mon changement d'adresse : {addr_full}.",
        "adresse perso de {name} : {addr_line}",
        "Le colis de {given} doit partir à cette adresse : {addr}.",
        "Lieu de résidence déclaré : {addr_line}",
        "Expédier la notification en recommandé AR à {name}\n{addr_full}",
        "{upper}\n{addr_full}",
        "Le logement de fonction de {titled} est au {addr}.",
        "Est-ce qu'on peut verser l'aide si l'usager est hébergé {chez} ?",
        "Le jeune est domicilié {chez}, tu peux vérifier ?",
        "La famille vit {addr}, en face de l'école.",
        "Habite {addr_line} depuis {year}.",
    ),
    "contacts": (
        "Tu peux rappeler {name} au {mobile} ?",
        "Son portable : {mobile}",
        "{name} ({mail}) voudrait recevoir le compte rendu.",
        "Ajoute {mail} à la liste de diffusion du projet.",
        "Pour joindre {given} en urgence : {mobile}.",
        "Ligne directe de {titled} : {direct}",
        "écris à {name} sur sa boîte perso {pmail}, elle ne lit plus sa boîte pro",
        "Le candidat a laissé son tel {mobile} et son mail {pmail}",
        "{name} - {mobile} - {mail}",
        "Contact du tuteur : {name}, {direct}, {mail}",
        "mon 06 c'est le {mobile} si besoin",
        "Peux-tu envoyer l'invitation à {mail} et {mail} ?",
        "Nouveau numéro de {given} : {mobile}",
        "joignable au {mobile} après 18h",
        "Le père de l'élève, {name}, a appelé depuis le {mobile}.",
        "Réponds à {mail} en lui proposant un rdv.",
    ),
    "identifiers": (
        "Son numéro de sécu : {nir}",
        "NIR de l'agent : {nir}, à vérifier avec l'attestation Vitale.",
        "Je vous communique mon RIB : {iban}",
        "Le remboursement des frais se fera sur l'IBAN {iban}.",
        "Numéro de carte utilisé pour la réservation : {card}",
        "J'ai payé avec ma CB {card}, la transaction a été refusée.",
        "{name} est né le {dob}.",
        "Date de naissance : {dob}",
        "Le numéro de sécurité sociale de {titled} est le {nir}.",
        "Nouvelles coordonnées bancaires de {name} : {iban}",
        "ddn {dob}, nir {nir}",
        "Paiement refusé pour {name} : carte {card}, exp 09/27",
        "tu peux faire le remboursement sur la carte {card} de {given} ?",
        "La régie a encaissé par CB ({card}) le paiement de {titled}.",
        "Merci de saisir l'IBAN {iban} dans Chorus pour {name}.",
        "La carte {card} a été déclarée volée par {titled}.",
        "n° SS {nir} - mutuelle à mettre à jour",
        "Peux-tu calculer l'âge de quelqu'un né le {dob} au 1er janvier ?",
        "l'enfant est née le {dob} à {commune}",
    ),
    "records": (
        "{upper}, né le {dob}, {addr_full}, tél {mobile}",
        "Fiche agent : {full} / {dob} / {nir} / {mail}",
        "Demande d'aide de {titled}, {addr_line}, {mobile}, IBAN {iban}.",
        "{record_name}\nNé(e) le : {dob}\nAdresse : {addr_full}\nTél : {mobile}",
        "Identité du demandeur\n{record_name}\nDate de naissance : {dob}\nN° SS : {nir}",
        "Candidat : {name} ({dob}) - {pmail} - {mobile}",
        "Je soussigné {name}, demeurant {addr}, atteste sur l'honneur...",
        "Bénéficiaire : {upper} {nir} {iban}",
        "{name}, {addr_line}, né(e) le {dob}, demande la carte de stationnement.",
        "Peux-tu vérifier le dossier de {name} ? NIR {nir}, domicile {addr_line}.",
        "Locataire : {titled} - {mobile} - {mail} - {addr}",
    ),
    "messages": (
        "Bonjour {given},\nPeux-tu me renvoyer le tableau des congés ?\nMerci\n{sign}",
        "Bonjour,\nJe serai en télétravail mardi.\nCordialement,\n{sign}\n{service}\n"
        "Tél : {direct}",
        "Cdlt,\n{sign}\nGestionnaire RH - {inst}\nStandard : {switch}",
        "Bonjour à tous,\nle CR de la réunion du {date} est en PJ.\nBonne journée\n{sign}",
        "Salut, tu peux m'aider à répondre à ce mail ? « Bonjour, je suis {name}, j'attends "
        "toujours mon attestation. »",
        "Résume ce fil : {name} demande un report, {name} refuse, {given} propose une visio.",
        "Objet : relance\nMadame {surname},\nsauf erreur de notre part...\n{sign}",
        "Compte rendu\n- {name} : point budget\n- {name} : point RH\n- divers",
        "Note à l'attention de {titled}\nObjet : dossier {ref}\n...\n{sign}",
        "{sign}\nChargée de mission\n{inst}\n{inst_addr}",
        "Corrige les fautes : « bjr {given} je tenvoi le doc ce soir dsl pr le retard »",
        "peux tu traduire en anglais le message de {name} pour nos partenaires ?",
        "Traduis : « {titled} vous prie de l'excuser pour son absence. »",
        "Réponse type pour {titled} qui conteste son avis de stationnement {ref}.",
        "Bonjour,\nJe vous transfère la demande de {name} ({mail}).\nBien à vous,\n{sign}",
    ),
    "topics_sante": (
        "Demande de télétravail de {name} : {sante_np}, certificat joint.",
        "- {upper} : {sante_pred}\n- {upper} : RAS",
        "On doit prévenir la médecine du travail : {subj} {sante_pred}.",
        "Comment annoncer à l'équipe que {given} {sante_pred} sans trop en dire ?",
        "Mail reçu : « Je vous informe que je {sante_me}. Cordialement, {sign} »",
        "{subj} {sante_pred}, comment on réorganise l'équipe ?",
        "{subj} {sante_pred} : a-t-il droit à un aménagement de poste ?",
        "Je {sante_me}, est-ce que je dois le dire à mon chef ?",
        "Vu {sante_np}, {subj} ne peut plus porter de charges lourdes.",
        "Peux-tu rédiger une réponse à {name} qui demande un report à cause de {sante_np} ?",
        "CR entretien : {name} {sante_pred}, reprise prévue en {year}.",
        "info confidentielle : {given} {sante_pred}",
        "{name_m} m'a confié qu'il {sante_pred}.",
        "bonjour, je {sante_me} et je voudrais savoir si je garde ma prime",
        "L'absence de {titled} s'explique par {sante_np}.",
    ),
    "topics_religion": (
        "{name_m} a demandé à ne pas travailler le vendredi après-midi car il {religion_pred}.",
        "À la cantine, {subj} {religion_pred} : que prévoir ?",
        "Note d'entretien de {upper} : évoque {religion_np}.",
        "Peut-on refuser la titularisation de {name_f} parce qu'elle {religion_pred} ?",
        "{subj} {religion_pred}, peut-on adapter ses horaires ?",
        "Je {religion_me} : puis-je poser un jour de congé le {date} ?",
        "{name} demande un congé à cause de {religion_np}, je réponds quoi ?",
        "Au guichet, {subj} {religion_pred}, est-ce compatible avec la neutralité ?",
        "Un usager se plaint que {subj} {religion_pred}.",
        "Entre nous, {given} {religion_pred}.",
        "Dans son entretien, {titled} a parlé de {religion_np}.",
        "Je {religion_me}, la cantine doit-elle prévoir un menu adapté ?",
    ),
    "topics_opinion_politique": (
        "{name} {opinion_politique_pred} : peut-il siéger au jury de concours ?",
        "Dans son mail à tous, {titled} évoque {opinion_politique_np}.",
        "Pendant la réunion, {given_f} a dit qu'elle {opinion_politique_pred}.",
        "Rédige une mise en garde pour {name} qui {opinion_politique_pred} au travail.",
        "{subj} {opinion_politique_pred}, est-ce compatible avec le devoir de réserve ?",
        "Je {opinion_politique_me}, est-ce que je peux en parler au bureau ?",
        "On m'a dit que {name} {opinion_politique_pred}.",
        "{subj} {opinion_politique_pred} et en parle à l'accueil, que faire ?",
        "Le recrutement de {name} pose question à cause de {opinion_politique_np}.",
        "Le DGS reproche à {titled} {opinion_politique_np}.",
        "fyi {given} {opinion_politique_pred}, évite le sujet en réunion",
        "Peut-on sanctionner un agent qui {opinion_politique_pred} ?",
    ),
    "topics_syndicat": (
        "Bonjour, je {syndicat_me} et ma demande de formation a été refusée.",
        "{upper} ({syndicat_pred}) sera absent pour la réunion de branche.",
        "La cheffe refuse le congé de {name} qui {syndicat_pred}.",
        "On m'a signalé que {subj} {syndicat_pred} et fait signer une pétition.",
        "{subj} {syndicat_pred}, peut-il poser ses heures sur le temps de travail ?",
        "Je {syndicat_me}, ai-je droit à une autorisation d'absence pour le congrès ?",
        "{name} {syndicat_pred} et conteste sa notation.",
        "La cheffe reproche à {name} {syndicat_np}, est-ce de la discrimination ?",
        "Pour le CST, {titled} {syndicat_pred}.",
        "Liste des présents : {name} ({syndicat_pred}), {name}.",
        "{given} {syndicat_pred}, tu peux lui transmettre l'ordre du jour ?",
        "La mutation de {name} est-elle liée à {syndicat_np} ?",
    ),
    "topics_origine": (
        "Réécris ce signalement : « {name}, qui {origine_pred}, subit un surnom raciste. »",
        "Le jury a-t-il le droit de noter que {subj} {origine_pred} ?",
        "Dans la main courante : {upper} {origine_pred}, victime d'insultes.",
        "Je {origine_me}, dois-je l'indiquer dans le formulaire ?",
        "{subj} {origine_pred} et se plaint de remarques racistes.",
        "Je {origine_me} et on me demande toujours mes papiers, est-ce normal ?",
        "Le signalement indique que {name} {origine_pred}.",
        "{subj} aurait été écarté du recrutement à cause de {origine_np}.",
        "Dans le PV, la victime, {name}, {origine_pred}.",
        "Le voisin de {titled} insulte la famille à cause de {origine_np}.",
        "Mon collègue dit que {given} {origine_pred}, c'est déplacé non ?",
        "{subj} {origine_pred} ; comment traiter sa plainte pour discrimination ?",
    ),
    "topics_vie_sexuelle": (
        "Peux-tu reformuler : « {name} {vie_sexuelle_pred} et a peur des réactions » ?",
        "Le dossier de congé mariage de {name} mentionne {vie_sexuelle_np}.",
        "Pendant le pot, {given_m} a révélé qu'il {vie_sexuelle_pred}.",
        "Je {vie_sexuelle_me} et mon chef fait des blagues lourdes.",
        "{subj} {vie_sexuelle_pred}, et subit des moqueries dans l'équipe.",
        "Je {vie_sexuelle_me} : ai-je droit au congé pour le mariage ?",
        "{name} {vie_sexuelle_pred}, mais ne veut pas que ça se sache.",
        "Le chef de {titled} fait des remarques sur {vie_sexuelle_np}.",
        "Rumeur au service : {given} {vie_sexuelle_pred}.",
        "Comment répondre à {name} qui se plaint qu'on parle de {vie_sexuelle_np} ?",
        "{subj} {vie_sexuelle_pred} ; son conjoint peut-il être ayant droit ?",
        "Dans l'enquête administrative, {titled} {vie_sexuelle_pred}.",
    ),
    "topics_genetique_biometrie": (
        "Je {genetique_biometrie_me}, dois-je en informer mon employeur ?",
        "Demande d'effacement : {name} veut qu'on supprime {genetique_biometrie_np}.",
        "Audit CNIL : {upper} {genetique_biometrie_pred}.",
        "{subj} {genetique_biometrie_pred} ; la mutuelle peut-elle le savoir ?",
        "{subj} {genetique_biometrie_pred}, l'employeur peut-il le conserver ?",
        "Je {genetique_biometrie_me} : qui peut accéder au résultat ?",
        "Le dossier de {name} contient {genetique_biometrie_np}, est-ce légal ?",
        "{titled} refuse qu'on garde {genetique_biometrie_np}.",
        "Suite au contrôle d'accès, {subj} {genetique_biometrie_pred}.",
        "Peut-on supprimer {genetique_biometrie_np} de {name} à son départ ?",
        "Pour le labo, {given} {genetique_biometrie_pred}.",
    ),
    "topics_infraction": (
        "Rédige une réponse à {name_m} qui nous reproche d'avoir su qu'il {infraction_pred}.",
        "Entre collègues on dit que {given} {infraction_pred}.",
        "Le dossier de recrutement de {upper} indique {infraction_np}.",
        "Je {infraction_me} il y a dix ans, dois-je le déclarer ?",
        "{subj} {infraction_pred}, peut-on le suspendre ?",
        "Je {infraction_me}, est-ce que ça bloque ma titularisation ?",
        "Le candidat {name} {infraction_pred} ; peut-il être recruté ?",
        "Le chauffeur {given} {infraction_pred} avec le véhicule de service.",
        "{titled} nous a caché {infraction_np}.",
        "Le maire a appris {infraction_np} de {name}.",
        "Note RH : {upper} {infraction_pred}.",
        "{subj} {infraction_pred}, que doit faire le service ?",
    ),
    "topics_long": (
        "Bonjour,\nJe me permets de vous écrire car {name} {sante_pred} depuis le mois dernier. "
        "Pouvez-vous me dire quelles démarches faire ?\nMerci\n{sign}",
        "Objet : entretien du {date}\nL'agent {upper} indique qu'il {syndicat_pred} et qu'il "
        "{opinion_politique_pred}. Il demande que cela n'apparaisse pas dans son dossier.",
        "Peux-tu anonymiser ce signalement : « {name_f} {vie_sexuelle_pred}, son chef se moque "
        "d'elle en réunion » ?",
        "Notes de la cellule d'écoute :\n- {name} : {origine_np}, remarques répétées\n- {name} : "
        "{religion_np}, refus de congé\n- {name} : RAS",
        "Résume ce PV : le mis en cause, {upper}, né le {dob}, {infraction_pred} ; il "
        "{sante_pred}.",
        "Mail de {name_f} transféré : « je {sante_me} et je ne pourrai pas venir à la formation »",
        "Le médecin du travail a écrit que {titled} {sante_pred}, on en fait quoi ?",
        "Dans le dossier disciplinaire de {name_m} : il {infraction_pred}.",
        "Demande de mutation de {name} pour rapprochement avec {vie_sexuelle_np}.",
        "La badgeuse a échoué car {subj} {genetique_biometrie_pred}.",
        "Suite au CHSCT : {given} {syndicat_pred}, {given} {syndicat_pred}.",
        "Pour la cérémonie, {name_f} {religion_pred} ; peut-on prévoir une pièce calme ?",
        "Je dois écrire au préfet que {name} {origine_pred} et que sa demande de titre traîne.",
        "Urgent : {subj} {sante_pred}, faut-il saisir le conseil médical ?",
        "Aide-moi à répondre à {name_f} : elle dit que son N+1 la harcèle depuis qu'elle "
        "{opinion_politique_pred}.",
    ),
    "topics_mixed": (
        "Entretien annuel de {name} : {topic}, et {topic}.",
        "Dans le signalement de {name_m}, on lit qu'il {topic}.",
        "{name}, {mobile}, {topic}.",
        "Fiche de liaison : {upper}, {dob}, {topic}",
    ),
}

# Negatives: the same topic words and formats said of no one, institutions, references.
NEGATIVES: dict[str, tuple[str, ...]] = {
    "topics_negative": (
        "Rédige une note sur la prévention de la dépression au travail.",
        "Le service compte {pct} d'agents en arrêt maladie en {year}.",
        "Formation « accompagner un collègue en burn-out » le {date}.",
        "On cherche un référent handicap pour la collectivité, tu as une fiche de poste type ?",
        "Mon service traite les demandes de RQTH.",
        "Le taux de travailleurs handicapés est de {pct} dans la fonction publique.",
        "Quelles sont les règles du congé de longue maladie ?",
        "La campagne de dépistage du cancer du sein démarre en octobre.",
        "Le ramadan commence vers le {date} cette année, prévoir la restauration scolaire.",
        "Peut-on installer une crèche de Noël dans le hall de la mairie ?",
        "Rédige une note sur le principe de laïcité pour les agents d'accueil.",
        "Quelles autorisations d'absence pour les fêtes religieuses ?",
        "Le calendrier des fêtes juives, chrétiennes et musulmanes est sur l'intranet.",
        "Les élections municipales auront lieu en {year}, quel rôle pour le service ?",
        "Le devoir de réserve s'applique-t-il pendant une campagne électorale ?",
        "Prépare un tableau des résultats des législatives par bureau de vote.",
        "Le conseil municipal compte {n} élus dont {n} d'opposition.",
        "Le protocole égalité pro a été signé par trois organisations syndicales sur cinq.",
        "Combien d'heures de décharge syndicale pour un syndicat représentatif ?",
        "Le taux de participation aux élections professionnelles était de {pct}.",
        "Préavis de grève déposé par l'intersyndicale pour le {date}.",
        "Rédige une affiche sur la lutte contre le racisme et l'antisémitisme.",
        "Les statistiques ethniques sont interdites en France.",
        "Le contrôle porte sur l'origine géographique des produits de la cantine.",
        "Quelle aire d'accueil pour les gens du voyage dans le département ?",
        "Le mois des fiertés : proposer une action de sensibilisation contre l'homophobie.",
        "Trois séances d'éducation à la vie affective et sexuelle par an sont prévues en 4e.",
        "Le lot « pointeuses biométriques » n'a reçu aucune offre conforme.",
        "La CNIL encadre la reconnaissance faciale dans les lieux publics.",
        "Rédige une fiche sur la durée de conservation des empreintes génétiques au FNAEG.",
        "Appel d'offres : système de contrôle d'accès par empreinte digitale, lot 2.",
        "Les tests ADN de paternité sont interdits en France hors décision de justice.",
        "Un extrait de casier judiciaire (bulletin n° 3) est exigé pour ce poste.",
        "Le bulletin n° 2 du casier judiciaire est demandé pour les postes au contact de mineurs.",
        "Les excès de vitesse ont baissé de {pct} depuis l'installation du radar.",
        "Le nombre de gardes à vue a augmenté en {year} selon le rapport.",
        "Quelles sanctions pour conduite sans permis ? Rédige une fiche pour le site.",
        "Le service pénitentiaire d'insertion et de probation déménage.",
        "Issue du regroupement de trois villages, la commune nouvelle est née le {date}.",
        "Le centre de santé, né en {year}, accueille {n} patients par jour.",
        "Notre direction accompagne les agents en situation de handicap.",
        "La maison des syndicats ouvre le lundi et le jeudi.",
        "Le festival des cultures du monde aura lieu au parc le {date}.",
        "Le maire a inauguré la mosquée et l'église rénovée le même jour.",
        "Le collège organise une sortie au mémorial de la Shoah.",
        "Un guide sur l'accueil des personnes transgenres dans les services publics est paru.",
        "Les données de santé doivent être hébergées chez un hébergeur certifié HDS.",
        "Le service gère les arrêts maladie et les accidents de service.",
        "Le marché de vidéoprotection exclut toute reconnaissance faciale.",
        "Combien de points perd-on pour un excès de vitesse de moins de 20 km/h ?",
        "Prépare un quiz sur les religions du monde pour la médiathèque.",
        "Le parti majoritaire a annoncé son programme hier, fais-moi un résumé neutre.",
        "Statistique : {pct} des agents sont syndiqués dans la fonction publique territoriale.",
        "Atelier « santé mentale au travail » organisé par le CST le {date}.",
        "Le {inst} lance un marché de reconnaissance faciale pour les aéroports.",
        "Notre service compte {n} agents reconnus travailleurs handicapés.",
        "Ma direction pilote le plan de prévention des risques psychosociaux.",
        "Combien coûte un test ADN de filiation demandé par le consulat ?",
        "La médiathèque propose une exposition sur l'histoire des juifs d'Alsace.",
        "Les délégués syndicaux sont convoqués au CST du {date}.",
        "Note sur les droits des agents élus au conseil municipal.",
        "Le {inst} interdit la propagande électorale dans ses locaux.",
        "Rappel : le port de signes religieux est interdit aux agents publics.",
        "Nombre de condamnations pour conduite sans permis en {year} : {n}.",
        "Le marché de la cantine prévoit des repas sans porc et végétariens.",
        "La journée contre l'homophobie et la transphobie est le 17 mai.",
        "Le service des naturalisations traite {n} dossiers par mois.",
        "Procédure de recueil des empreintes digitales pour les passeports.",
        "Le casier judiciaire national est situé à Nantes.",
        "Fais une synthèse du rapport sur les discriminations liées à l'origine.",
        "La campagne de vaccination antigrippale pour les agents commence le {date}.",
        "Le comité d'entreprise organise un arbre de Noël et une fête de l'Aïd.",
        "Budget de la mission handicap {year} : {amount}.",
        "Formation obligatoire sur les violences sexistes et sexuelles le {date}.",
        "Le parti arrivé en tête aux européennes dans la commune a obtenu {pct}.",
    ),
    "institutions": (
        "Le rdv est au {place}, salle 2.",
        "La réunion aura lieu au {place} à {commune}.",
        "Le {place} ferme pour travaux du {date} au {date}.",
        "Les élèves du {place} visitent la mairie jeudi.",
        "Une canalisation a cédé au {place} : intervention des services techniques.",
        "Livraison des tables au {place} prévue le {date}.",
        "On organise le forum de l'emploi au {place}.",
        "Le bus scolaire s'arrête désormais devant le {place}.",
        "Travaux de voirie {place} : circulation alternée.",
        "La subvention au {place} est votée au prochain conseil.",
        "Inscriptions à la cantine du {place} avant le {date}.",
    ),
    "institution_contacts": (
        "Les questions sur la paie passent par {box}, pas par mail perso.",
        "Contactez le standard au {switch}.",
        "Le {inst} se trouve {inst_addr}.",
        "Adresse de la {inst} :\n{inst_addr}",
        "Envoyer les dossiers complets à {box} avant le {date}.",
        "Accueil du public : {inst_addr}, du lundi au vendredi.",
        "Horaires du {inst} : 8h30-12h. Tél. : {switch}",
        "Les recours sont adressés au {inst}, {inst_addr}.",
        "Numéro d'urgence de la permanence : {switch}",
        "La boîte fonctionnelle {box} remplace l'ancienne adresse.",
        "Siège : {inst_addr} - standard {switch} - {box}",
        "Le service instructeur ({box}, {switch}) répond sous 15 jours.",
        "Mettez {box} en copie de tous vos envois.",
        "Le courrier doit être adressé à M. le Préfet, {inst_addr}.",
    ),
    "references": (
        "Avance de {amount} versée à l'entreprise ({ref}) le {date}.",
        "Référence du dossier : {ref}",
        "Chorus Pro rejette la facture liée à l'engagement {ref}, pourquoi ?",
        "La facture {ref} d'un montant de {amount} est en attente.",
        "Merci de rappeler la référence {ref} dans vos échanges.",
        "Association déclarée sous le numéro {ref}.",
        "Le dossier {ref} a été classé sans suite le {date}.",
        "Client {ref} : relance envoyée.",
        "Engagement juridique {ref} pour {amount}.",
        "Demande de subvention {ref}, montant sollicité : {amount}.",
    ),
    "generic": (
        "Rédige un mail pour annoncer la fermeture du service le {date}.",
        "Quelle est la différence entre un arrêté et une délibération ?",
        "fais moi un tableau des congés pour {year} stp",
        "Comment calculer le prorata d'une prime pour un temps partiel à 80 % ?",
        "Résume la circulaire sur le télétravail en 5 points.",
        "Propose un ordre du jour pour le comité de direction.",
        "Quel délai pour répondre à un recours gracieux ?",
        "Traduis en anglais : « le service sera fermé le lundi de Pentecôte ».",
        "Combien de jours de fractionnement si je prends 5 jours hors période ?",
        "Peux-tu corriger l'orthographe de ce paragraphe sur le budget {year} ?",
        "Qu'est-ce qu'un compte épargne-temps ?",
        "rédige une annonce de recrutement pour un adjoint administratif",
        "Quelles pièces pour une demande de carte d'identité ?",
        "Explique le RIFSEEP simplement.",
        "Fais un planning d'astreinte pour {n} agents sur 4 semaines.",
        "Le conseil communautaire vote le budget le {date}.",
        "Quel est le montant de l'indemnité kilométrique pour une voiture de 5 CV ?",
        "Reformule : le projet a pris du retard à cause des intempéries.",
        "On passe en M57 au 1er janvier {year}, quelles conséquences ?",
        "Liste les étapes d'un marché à procédure adaptée.",
        "Le pont de la Toussaint tombe un lundi cette année ?",
        "Organise la Sainte-Barbe des pompiers le {date}.",
        "Fais une affiche pour la journée mondiale Alzheimer.",
        "Le buste de Marianne de la salle du conseil est à restaurer.",
        "Quelles règles pour les illuminations de la Saint-Nicolas ?",
        "Rédige le discours du maire pour la cérémonie du 11 Novembre.",
        "Compare le statut de 1946 et celui de 1983 en 10 lignes.",
        "Les Restos du Cœur demandent une salle pour la collecte de la Saint-Martin.",
    ),
}

RENDERS = {"topics_mixed": 5, "records": 6, "messages": 6}
DEFAULT_RENDERS = 6
NEGATIVE_RENDERS = {
    "topics_negative": 9,
    "institutions": 12,
    "institution_contacts": 10,
    "references": 9,
    "generic": 8,
}
# Openings pasted before a third of the sentences, so that no rule can key on the first word.
PREFIXES = (
    "Question : ",
    "Pour info, ",
    "Bonjour, ",
    "Salut, ",
    "Urgent - ",
    "stp ",
    "Hello ",
    "Re: ",
    "TR : ",
    "Petite question : ",
    "Je reviens vers toi : ",
    "Rappel : ",
    "NB : ",
    "Bonjour à toi, ",
    "Aide-moi : ",
    "Suite à notre échange, ",
    "> ",
)


# -- noise: how agents really type ------------------------------------------------------------

_ABBREVIATIONS = (
    ("s'il te plaît", "stp"),
    ("s'il vous plaît", "svp"),
    ("rendez-vous", "rdv"),
    ("aujourd'hui", "auj"),
    ("beaucoup", "bcp"),
    ("toujours", "tjrs"),
    ("pour ", "pr "),
    ("quand ", "qd "),
    ("Cordialement", "Cdlt"),
    ("semaine prochaine", "semaine pro"),
    ("est-ce que", "est ce que"),
    ("peux-tu", "peux tu"),
    ("tu peux", "tu px"),
)


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 5 or not word.isalpha():
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.random()
    if kind < 0.4:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind < 0.7:
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


def _noisy_literal(text: str, rng: random.Random, typos: bool, abbrev: bool) -> str:
    if abbrev:
        for long, short in _ABBREVIATIONS:
            text = text.replace(long, short)
    if typos:
        words = re.split(r"(\s+)", text)
        for i, word in enumerate(words):
            if rng.random() < 0.12:
                words[i] = _typo(word, rng)
        text = "".join(words)
    return text


def render(template: str, ctx: Ctx) -> tuple[str, list[tuple[int, int, str]]]:
    """The sentence and its labelled spans; noise applied to the template's own words."""
    rng = ctx.rng
    ctx.people.clear()
    roll = rng.random()
    typos, abbrev = roll < 0.18, roll < 0.35
    case = rng.random()
    pieces: list[Piece] = []
    position = 0
    for match in re.finditer(r"\{(\w+)\}", template):
        literal = template[position : match.start()]
        if literal:
            pieces.append((_noisy_literal(literal, rng, typos, abbrev), None))
        pieces.extend(SLOTS[match.group(1)](ctx))
        position = match.end()
    if template[position:]:
        pieces.append((_noisy_literal(template[position:], rng, typos, abbrev), None))
    text = ""
    spans: list[tuple[int, int, str]] = []
    for piece, category in pieces:
        if category in TOPICS and piece[:1] in "aeiouéh" and re.search(r"\b[Jj]e $", text):
            text = text[:-2] + "'"  # "je ai" -> "j'ai"
        if category is not None:
            stripped = piece.strip()
            start = len(text) + piece.index(stripped) if stripped else len(text)
            spans.append((start, start + len(stripped), category))
        text += piece
    if text and pieces and pieces[0][1] is None:
        text = text[0].upper() + text[1:]
    if case < 0.07:
        text = text.lower()
    elif case < 0.17:
        text = _ascii(text) if len(_ascii(text)) == len(text) else text
    elif case < 0.21:
        lowered = _ascii(text.lower())
        text = lowered if len(lowered) == len(text) else text
    return text, spans


def _row(text: str, spans: list[tuple[int, int, str]], template: str) -> dict[str, Any]:
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
        "spans": [[s, e, c] for s, e, c in spans],
        "split": SPLIT,
        "template": template,
    }


def _clean_spans(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Trim punctuation at a span's edges (a typo or a label may leave some)."""
    cleaned = []
    for start, end, category in spans:
        while end > start and text[end - 1] in " .,;:\n":
            end -= 1
        while start < end and text[start] in " .,;:\n":
            start += 1
        cleaned.append((start, end, category))
    return sorted(cleaned)


def generate() -> list[dict[str, Any]]:
    rng = random.Random(SEED)
    ctx = Ctx(rng)
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    groups = [
        (name, templates, RENDERS.get(name, DEFAULT_RENDERS))
        for name, templates in FAMILIES.items()
    ]
    groups += [(n, t, NEGATIVE_RENDERS.get(n, DEFAULT_RENDERS)) for n, t in NEGATIVES.items()]
    for family, templates, renders in groups:
        for index, template in enumerate(templates):
            template_id = f"dev2_{family}-{index:02d}"
            for _ in range(renders):
                prefixed = template
                if rng.random() < 0.3:
                    prefix = rng.choice(PREFIXES)
                    if prefix.endswith((", ", "stp ", "Hello ")) and not template.startswith("{"):
                        prefixed = prefix + template[0].lower() + template[1:]
                    else:
                        prefixed = prefix + template
                text, spans = render(prefixed, ctx)
                if text in seen:
                    continue
                seen.add(text)
                rows.append(_row(text, _clean_spans(text, spans), template_id))
    return rows


def counts(rows: Iterable[dict[str, Any]]) -> Counter[str]:
    return Counter(category for row in rows for _s, _e, category in row["spans"])


def write(rows: list[dict[str, Any]], path: Path = OUT) -> None:
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def main() -> int:
    rows = generate()
    write(rows)
    personal = sum(1 for row in rows if row["spans"])
    print(f"{OUT.name}: {len(rows)} sentences, {personal} with personal data")
    for category, count in sorted(counts(rows).items()):
        print(f"  {category:22} {count}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
