"""Generator of the fourteenth held-out set (tests/data/pii_test14.jsonl), by another hand.

Deterministic (fixed seed), standard library only, its own name, street and commune lists:
`python -m devtools.pii_corpus_test14` writes the file. Never tune the guard on it.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any

MADE_WITH_FAKER = "40.63.0"  # the release the unit test expects (this generator uses no faker)
SEED = 14_2026
SPLIT = "test14"
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii_test14.jsonl"

Piece = tuple[str, str | None]
Span = tuple[int, int, str]


def _words(block: str) -> list[str]:
    return block.split()


# Surnames, in groups, written from the writer's knowledge of French usage.
SURNAMES = _words("""
Boulanger Petit Marchand Leroy Fontaine Rose Blanc Lebrun Chevalier Meunier Charpentier
Barbier Boucher Vigneron Lefèvre Couturier Pasteur Bonnet Masson Renard Lemoine Gaillard
Besnard Loiseau Lamotte Berger Poirier Carpentier Tisserand Pelletier Marin Colombe
Guillot Chauvin Royer Perrot Morin Tessier Bouvier Jacquet Fleury Garnier Brunet Lacroix
Delmas Vidalenc Carrère Pujol Cabanis Espitalier Castagné Roumieu Fabre Teissèdre Granier
Aubagnac Soulié Lagarrigue Malaval Conquet Prat Cassagnau Escudié Laborde Sarrazy
Le Gall Kerhervé Le Bihan Guéguen Le Goff Tanguy Quéméner Le Gac Jaouen Caradec Le Meur
Prigent Le Cam Mével Le Bris Riou Kerjean Goasdoué Le Pape Bréhier
Etcheverry Harispe Irigaray Lasserre Oyharçabal Elissalde Aguerre Bidegain Larramendy
Ospital Haritschelhar Iturbide
Schaeffer Wurtz Brenner Kieffer Zimmermann Ostermann Hirtz Rohmer Spielmann Hummel
Fuchs Wendling Lutz Ritzenthaler Oberlé
Santoni Luciani Pietri Peretti Filippi Mattei Bartoli Cristofari Orsini Paoli Susini
Agostini Leandri
Saint-Louis Bellance Jean-Baptiste Lubin Zami Céleste Gustave Nelson Bélénus Rosalie
Mérine Sylvestre Lancry Coralie Édouard Solitude
Payet Grondin Técher Fontaine-Payet Rivière Lauret Maillot Boyer Hoareau Ah-Soune
Lan-Sun-Luk Ramassamy Virapin Sautron Turpin
Tetuanui Teriierooiterai Temauri Tauraa Mahinui Teihotaata Tinorua
Wamytan Poïgoune Gorodey Tjibaou Kaloi Naisseline Ounou
Benali Haddad Mansouri Cherif Bouzid Belkacem Amrani El Idrissi Ouali Zerrouki
Boukhari Ait Ahmed Ben Amor Hamidi Kaci Lahlou Chergui Mebarki Saadi Touati
Diallo Traoré Konaté Sow Camara Keïta Sissoko Coulibaly Ba Fofana Cissé Ndour
Faye Diop Kouyaté Sy Dembélé Diakité
Pereira Ferreira Carvalho Gonçalves Moreira Lopes Teixeira Rodrigues Sousa Pinto
Fernandes Azevedo Marques Correia
Esposito Romano Colombo Russo Ferraro Greco De Luca Conti Mancini Ricci Giordano
Lombardi Marino Caruso
García Martínez Sánchez Pérez Gómez Ruiz Navarro Domínguez Moreno Ortega Castillo
Nguyen Tran Pham Le Hoang Vu Dang Bui Do Ngo Duong Truong
Sok Chea Keo Heng Meas Ly Chan Prak Touch
Wang Zhang Chen Liu Huang Zhou Wu Lin
Yilmaz Demir Kaya Çelik Aydın Arslan Doğan Koç Kurt Özdemir
Nowak Kowalczyk Wójcik Kamiński Lewandowski Zieliński Szymański Dąbrowski
Petrossian Hakobyan Sarkissian Manoukian Kalfayan Aznavourian Tchobanian
Soilihi Ahamada Mohamed Abdallah Madi Said Mze Toihiri
Pierre-Louis Joseph Jean-Charles Saint-Fleur Dorvil Augustin Célestin Jean-Gilles
Théodore Dessalines
""")
SURNAMES_SPACED = [
    "Le Gall", "Le Bihan", "Le Goff", "Le Gac", "Le Meur", "Le Cam", "Le Bris", "Le Pape",
    "El Idrissi", "Ait Ahmed", "Ben Amor", "De Luca", "Da Costa", "Dos Reis", "Van Hecke",
    "De Smet", "Lo Bianco", "Ben Hamou", "Ould Brahim",
]  # fmt: skip
PARTICLES = [
    "de Kerangal", "du Rusquec", "d'Harcourt", "de Saint-Aubert", "de la Villemarqué",
    "de Pontbriand", "d'Abbadie", "de Sarrazin", "du Chaffaut", "de Lur-Saluces",
    "de Montgolfier", "des Cognets", "de Bélizal", "d'Elloy",
]  # fmt: skip
_FUSED = {"Le", "Gall", "Bihan", "Goff", "Gac", "Meur", "Cam", "Bris", "Pape", "El", "Idrissi",
          "Ait", "Ahmed", "Ben", "Amor", "De", "Luca"}  # fmt: skip
SURNAME_LIST: list[str] = sorted(
    {s for s in SURNAMES if s not in _FUSED} | set(SURNAMES_SPACED), key=str.lower
)

GIVEN_M = _words("""
Jean Pierre Michel André Bernard Gérard Roger Marcel René Robert Jacques Claude Henri
Daniel Alain Christian Patrick Philippe Thierry Pascal Didier Éric Laurent Stéphane
Frédéric Olivier Sébastien Nicolas Cédric Julien Jérôme Guillaume Romain Mickaël Kevin
Anthony Maxime Thomas Alexandre Quentin Florian Hugo Lucas Théo Enzo Nathan Léo Louis
Gabriel Jules Raphaël Arthur Kylian Noah Sacha Timéo Mathis Gaël Yannick Erwan Ronan
Loïc Gwenaël Iñaki Peio Xabi Mattin Ange-Marie Dominique Paul-Antoine Jean-Toussaint
Mehdi Karim Yassine Rachid Nordine Samir Sofiane Bilal Ismaël Moussa Mamadou Ousmane
Seydou Abdoulaye Boubacar João Rui Nuno Tiago Giuseppe Salvatore Matteo Javier Alejandro
Minh Tuan Duc Sovann Dara Wei Jun Emre Mehmet Cem Piotr Tomasz Krzysztof Aram Vahé
Anli Nassim Fritz Wilner Jean-Robert Teva Manaarii Heimanu Kalolo Wiwa Gilbert Marius
""")
GIVEN_F = _words("""
Monique Jacqueline Simone Denise Yvette Paulette Colette Josiane Micheline Odette
Françoise Christiane Martine Nicole Sylvie Catherine Isabelle Nathalie Valérie Sandrine
Christelle Virginie Stéphanie Aurélie Émilie Céline Élodie Julie Laetitia Audrey Camille
Manon Chloé Léa Emma Jade Louise Alice Inès Lina Maëlys Rose Anna Mia Ambre Lou Zoé
Nolwenn Gwenola Maiwenn Enora Katell Maitena Amaia Ane Graziella Marie-Paule Anne-Gaëlle
Marie-Claude Marie-Thérèse Laure-Anne Fatima Khadija Nadia Samira Yasmina Leïla Amina
Naïma Soraya Aïcha Fatoumata Mariam Awa Kadiatou Aminata Conceição Fernanda Graça Ana
Giulia Francesca Carmen Pilar Lucía Thi Lan Huong Mai Sophal Sokha Mei Ling Elif Zeynep
Ayşe Agnieszka Katarzyna Anouch Lusine Zaitoune Nafissa Marie-Lourdes Nadège Roselyne
Hinano Moeata Vaitiare Tiphaine Bérénice Clotilde Ginette Raymonde
""")

COMMUNES = [
    ("Lannion", "22300"), ("Douarnenez", "29100"), ("Landerneau", "29800"),
    ("Pontivy", "56300"), ("Vitré", "35500"), ("Dinan", "22100"), ("Guingamp", "22200"),
    ("Saint-Jean-Pied-de-Port", "64220"), ("Hasparren", "64240"), ("Mauléon-Licharre", "64130"),
    ("Orthez", "64300"), ("Dax", "40100"), ("Mont-de-Marsan", "40000"), ("Auch", "32000"),
    ("Figeac", "46100"), ("Rodez", "12000"), ("Millau", "12100"), ("Albi", "81000"),
    ("Castres", "81100"), ("Carcassonne", "11000"), ("Limoux", "11300"), ("Foix", "09000"),
    ("Pamiers", "09100"), ("Mende", "48000"), ("Aurillac", "15000"), ("Le Puy-en-Velay", "43000"),
    ("Privas", "07000"), ("Aubenas", "07200"), ("Digne-les-Bains", "04000"), ("Gap", "05000"),
    ("Briançon", "05100"), ("Manosque", "04100"), ("Carpentras", "84200"), ("Apt", "84400"),
    ("Arles", "13200"), ("La Ciotat", "13600"), ("Draguignan", "83300"), ("Grasse", "06130"),
    ("Menton", "06500"), ("Sète", "34200"), ("Lodève", "34700"), ("Alès", "30100"),
    ("Haguenau", "67500"), ("Sélestat", "67600"), ("Saverne", "67700"), ("Guebwiller", "68500"),
    ("Thann", "68800"), ("Altkirch", "68130"), ("Sarreguemines", "57200"), ("Forbach", "57600"),
    ("Thionville", "57100"), ("Bitche", "57230"), ("Épinal", "88000"), ("Lunéville", "54300"),
    ("Verdun", "55100"), ("Charleville-Mézières", "08000"), ("Sedan", "08200"),
    ("Épernay", "51200"), ("Chaumont", "52000"), ("Langres", "52200"), ("Dole", "39100"),
    ("Lons-le-Saunier", "39000"), ("Pontarlier", "25300"), ("Montbéliard", "25200"),
    ("Autun", "71400"), ("Mâcon", "71000"), ("Nevers", "58000"), ("Vierzon", "18100"),
    ("Châteauroux", "36000"), ("Guéret", "23000"), ("Tulle", "19000"), ("Brive-la-Gaillarde",
    "19100"), ("Périgueux", "24000"), ("Bergerac", "24100"), ("Agen", "47000"),
    ("Marmande", "47200"), ("Cognac", "16100"), ("Saintes", "17100"), ("Rochefort", "17300"),
    ("Niort", "79000"), ("Parthenay", "79200"), ("Cholet", "49300"), ("Saumur", "49400"),
    ("Laval", "53000"), ("Mayenne", "53100"), ("Alençon", "61000"), ("Flers", "61100"),
    ("Lisieux", "14100"), ("Bayeux", "14400"), ("Fécamp", "76400"), ("Dieppe", "76200"),
    ("Abbeville", "80100"), ("Berck", "62600"), ("Arras", "62000"), ("Maubeuge", "59600"),
    ("Hazebrouck", "59190"), ("Soissons", "02200"), ("Compiègne", "60200"), ("Étampes", "91150"),
    ("Mantes-la-Jolie", "78200"), ("Meaux", "77100"), ("Provins", "77160"), ("Sens", "89100"),
    ("Auxerre", "89000"), ("Vichy", "03200"), ("Montluçon", "03100"), ("Thiers", "63300"),
    ("Annonay", "07100"), ("Bourgoin-Jallieu", "38300"), ("Oyonnax", "01100"),
    ("Albertville", "73200"), ("Thonon-les-Bains", "74200"), ("Bastia", "20200"),
    ("Ajaccio", "20000"), ("Corte", "20250"), ("Porto-Vecchio", "20137"), ("Calvi", "20260"),
    ("Sartène", "20100"), ("L'Île-Rousse", "20220"), ("Fort-de-France", "97200"),
    ("Le Lamentin", "97232"), ("Le François", "97240"), ("Sainte-Marie", "97230"),
    ("Le Marin", "97290"), ("Pointe-à-Pitre", "97110"), ("Les Abymes", "97139"),
    ("Le Moule", "97160"), ("Basse-Terre", "97100"), ("Capesterre-Belle-Eau", "97130"),
    ("Saint-Pierre", "97410"), ("Le Tampon", "97430"), ("Saint-Benoît", "97470"),
    ("Cayenne", "97300"), ("Kourou", "97310"), ("Dzaoudzi", "97615"), ("Papeete", "98714"),
    ("Nouméa", "98800"),
]  # fmt: skip

STREETS = [
    ("rue", "des Tanneurs"), ("rue", "du Four à Chaux"), ("rue", "de la Poissonnerie"),
    ("rue", "des Capucins"), ("rue", "du Pont-Levis"), ("rue", "des Glycines"),
    ("rue", "du Moulin Neuf"), ("rue", "des Écoles"), ("rue", "de l'Abreuvoir"),
    ("rue", "des Remparts"), ("rue", "Pasteur"), ("rue", "Victor Schœlcher"),
    ("rue", "Aristide Briand"), ("rue", "Gambetta"), ("rue", "Lucie Aubrac"),
    ("avenue", "des Tilleuls"), ("avenue", "de la Gare"), ("avenue", "du Général Leclerc"),
    ("avenue", "Simone Veil"), ("boulevard", "des Belges"), ("boulevard", "Carnot"),
    ("chemin", "des Vignes"), ("chemin", "de la Croix Blanche"), ("chemin", "du Lavoir"),
    ("impasse", "des Mésanges"), ("impasse", "du Puits"), ("allée", "des Acacias"),
    ("allée", "des Pins"), ("place", "du Marché"), ("place", "de l'Église"),
    ("route", "de Saint-Palais"), ("route", "des Crêtes"), ("quai", "des Pêcheurs"),
    ("cours", "Napoléon"), ("lotissement", "les Hauts de Bellevue"), ("sente", "du Vieux Four"),
    ("rue", "Gerbe d'Or"), ("chemin", "Morne Rouge"), ("route", "de la Trace"),
    ("chemin", "Ravine des Cabris"), ("rue", "Ernest Renan"), ("karrer", "ar Feunteun"),
    ("carrera", "di u Mulinu"), ("rue", "du Docteur Schweitzer"), ("ruelle", "des Juifs"),
]  # fmt: skip
ABBR = {"rue": "r.", "avenue": "av.", "boulevard": "bd", "chemin": "chem.", "impasse": "imp.",
        "allée": "all.", "place": "pl.", "route": "rte"}  # fmt: skip
RESIDENCES = ["Les Hortensias", "Le Clos Fleuri", "Kerlann", "Les Flamboyants", "Bellevue",
              "Les Balcons du Lac", "Arc-en-Ciel", "Les Cèdres"]  # fmt: skip
LIEUX = ["Le Bourg", "Kerguélen", "La Borde Haute", "Lagarde", "Les Granges", "Etxeberria",
         "Le Moulin de Pen Ar Prat", "Morne Pitault", "Bel Air"]  # fmt: skip
EPONYMS = ["Jean Moulin", "Marie Curie", "Louise Michel", "Aimé Césaire", "Jules Ferry",
           "Simone Veil", "Victor Hugo", "Pierre Loti", "Frantz Fanon", "Gisèle Halimi",
           "Joséphine Baker", "Jean Jaurès", "Pasquale Paoli", "Félix Éboué", "Olympe de Gouges",
           "Paul Éluard", "Missak Manouchian", "Albert Camus"]  # fmt: skip
PROVIDERS = ["gmail.com", "orange.fr", "wanadoo.fr", "free.fr", "laposte.net", "sfr.fr",
             "hotmail.fr", "yahoo.fr", "outlook.fr", "icloud.com", "proton.me", "bbox.fr",
             "live.fr", "mediaserv.net", "orange.mq"]  # fmt: skip
PRO_DOMAINS = ["interieur.gouv.fr", "justice.fr", "ac-rennes.fr", "ac-martinique.fr",
               "caf.fr", "msa.fr", "francetravail.fr", "sdis64.fr",
               "gendarmerie.interieur.gouv.fr",
               "univ-corse.fr", "defenseurdesdroits.fr", "agriculture.gouv.fr",
               "ville-bastia.fr"]  # fmt: skip


# --- checksums -------------------------------------------------------------------------------


def luhn_ok(value: str) -> bool:
    digits = [int(c) for c in value if c.isdigit()]
    if len(digits) < 12 or len(digits) != sum(c.isalnum() for c in value):
        return False
    return _luhn_sum(digits)


def _luhn_sum(digits: list[int]) -> bool:
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _luhn_complete(body: str) -> str:
    for last in "0123456789":
        if _luhn_sum([int(c) for c in body + last]):
            return body + last
    raise AssertionError(body)


def _iban_number(compact: str) -> int:
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in moved))


def iban_ok(value: str) -> bool:
    compact = value.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", compact):
        return False
    return _iban_number(compact) % 97 == 1


def _iban(country: str, bban: str) -> str:
    check = 98 - _iban_number(country + "00" + bban) % 97
    return f"{country}{check:02d}{bban}"


def nir_ok(value: str) -> bool:
    compact = value.replace(" ", "").upper()
    if not re.fullmatch(r"[12]\d{4}(\d{2}|2A|2B)\d{6}\d{2}", compact):
        return False
    body = compact[:13].replace("2A", "19").replace("2B", "18")
    return 97 - int(body) % 97 == int(compact[13:])


# --- values ----------------------------------------------------------------------------------

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre"]  # fmt: skip
MONTHS_ABBR = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.",
               "oct.", "nov.", "déc."]  # fmt: skip
TITLES_M = ["M. ", "Monsieur ", "M ", "Mr ", "monsieur "]
TITLES_F = ["Mme ", "Madame ", "Mme. ", "Mlle ", "madame "]
TITLES_ANY = ["Dr ", "Me ", "le docteur ", "maître "]


class Gen:
    """Draws the values of one sentence; the first person's sex drives the agreements."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.female = rng.random() < 0.5

    def pick(self, items: list[str]) -> str:
        return self.rng.choice(items)

    def surname(self) -> str:
        r = self.rng.random()
        if r < 0.06:
            return self.pick(PARTICLES)
        if r < 0.11:
            a, b = self.rng.sample([s for s in SURNAME_LIST if " " not in s and "-" not in s], 2)
            return f"{a}-{b}"
        name = self.pick(SURNAME_LIST)
        if self.female and name in POLISH_F:
            return POLISH_F[name]
        return name

    def given(self, female: bool) -> str:
        return self.pick(GIVEN_F if female else GIVEN_M)

    def person(self, female: bool, form: str) -> list[Piece]:
        sur, giv = self.surname(), self.given(female)
        if form == "any":
            form = self.rng.choice(
                ["full"] * 5
                + ["up"] * 2
                + ["gup", "title", "title", "sur", "giv", "low", "init", "titlefull"]
            )
        if form == "full":
            return [(f"{giv} {sur}", "personne")]
        if form == "up":
            return [(f"{sur.upper()} {giv}", "personne")]
        if form == "gup":
            return [(f"{giv} {sur.upper()}", "personne")]
        if form == "sur":
            return [(sur, "personne")]
        if form == "giv":
            return [(giv, "personne")]
        if form == "low":
            return [(f"{giv} {sur}".lower(), "personne")]
        if form == "init":
            return [(f"{giv[0]}. {sur}", "personne")]
        titles = (TITLES_F if female else TITLES_M) + TITLES_ANY
        title = self.pick(titles)
        if form == "title":
            return [(title, None), (sur, "personne")]
        if form == "titlefull":
            return [(title, None), (f"{giv} {sur}", "personne")]
        if form == "upsur":
            return [(title, None), (sur.upper(), "personne")]
        raise ValueError(form)

    def address(self, form: str) -> str:
        rng = self.rng
        kind, name = rng.choice(STREETS)
        commune, cp = rng.choice(COMMUNES)
        num = str(rng.choice([rng.randint(1, 40), rng.randint(1, 9), rng.randint(40, 240)]))
        if form == "any":
            form = rng.choice(
                ["plain"] * 6
                + [
                    "bis",
                    "abbr",
                    "nonum",
                    "res",
                    "lieu",
                    "bp",
                    "multi",
                    "low",
                    "a",
                    "up",
                    "cedexless",
                ]
            )
        street = f"{kind} {name}"
        if form == "plain":
            return f"{num} {street}, {cp} {commune}"
        if form == "cedexless":
            return f"{num}, {street} {cp} {commune}"
        if form == "bis":
            return f"{num} {rng.choice(['bis', 'ter', 'B'])} {street}, {cp} {commune}"
        if form == "abbr":
            return f"{num} {ABBR.get(kind, kind)} {name} {cp} {commune}"
        if form == "nonum":
            return f"{street}, {cp} {commune}"
        if form == "res":
            bat = rng.choice("ABCDE")
            return (
                f"résidence {rng.choice(RESIDENCES)}, bât. {bat}, appt {rng.randint(1, 60)}, "
                f"{num} {street}, {cp} {commune}"
            )
        if form == "lieu":
            return f"lieu-dit {rng.choice(LIEUX)}, {cp} {commune}"
        if form == "bp":
            return f"BP {rng.randint(10, 990)}, {cp} {commune}"
        if form == "multi":
            extra = rng.choice(
                [
                    "",
                    f"Appartement {rng.randint(2, 45)}\n",
                    "Escalier C\n",
                    f"Résidence {rng.choice(RESIDENCES)}\n",
                ]
            )
            return f"{extra}{num} {street}\n{cp} {commune.upper()}"
        if form == "low":
            return f"{num} {street} {cp} {commune}".lower()
        if form == "a":
            return f"{num} {street} à {commune}"
        if form == "up":
            return f"{num} {street.upper()}\n{cp} {commune.upper()}"
        raise ValueError(form)

    def phone(self, form: str = "any") -> str:
        rng = self.rng
        if form == "any":
            form = rng.choice(
                ["sp"] * 4
                + ["dot", "dash", "none", "p33", "p33c", "0033", "p33p", "dom", "fixe", "pf"]
            )
        d = [rng.randint(0, 9) for _ in range(8)]
        pairs = [f"{d[i]}{d[i + 1]}" for i in range(0, 8, 2)]
        lead = rng.choice(["6", "7", "6", "6"])
        if form == "fixe":
            lead = rng.choice("12345")
        if form == "dom":
            pref = rng.choice(["0696", "0690", "0596", "0590", "0692", "0262", "0694"])
            return f"{pref[:2]} {pref[2:]} {pairs[1]} {pairs[2]} {pairs[3]}"
        if form == "pf":
            return f"+689 87 {pairs[1]} {pairs[2]} {pairs[3]}"
        if form in ("sp", "fixe"):
            return f"0{lead} " + " ".join(pairs)
        if form == "dot":
            return f"0{lead}." + ".".join(pairs)
        if form == "dash":
            return f"0{lead}-" + "-".join(pairs)
        if form == "none":
            return f"0{lead}" + "".join(pairs)
        if form == "p33":
            return f"+33 {lead} " + " ".join(pairs)
        if form == "p33c":
            return f"+33{lead}" + "".join(pairs)
        if form == "0033":
            return f"0033 {lead} " + " ".join(pairs)
        if form == "p33p":
            return f"+33 (0){lead} " + " ".join(pairs)
        raise ValueError(form)

    def email(self, pro: bool = False) -> str:
        rng = self.rng
        giv = _ascii(self.given(self.rng.random() < 0.5)).lower().replace(" ", "")
        sur = _ascii(self.pick(SURNAME_LIST)).lower().replace(" ", "").replace("'", "")
        if pro:
            return f"{giv}.{sur}@{rng.choice(PRO_DOMAINS)}"
        shape = rng.choice(
            [
                f"{giv}.{sur}",
                f"{giv[0]}{sur}",
                f"{sur}.{giv}",
                f"{giv}{rng.randint(60, 99)}",
                f"{giv}_{sur}{rng.randint(1, 9)}",
                f"{sur}{giv[0]}",
                f"{giv}-{sur}",
            ]
        )
        return f"{shape}@{rng.choice(PROVIDERS)}"

    def birth(self, form: str = "any") -> str:
        rng = self.rng
        y, m, day = rng.randint(1938, 2006), rng.randint(1, 12), rng.randint(1, 28)
        if form == "any":
            form = rng.choice(
                ["slash"] * 3
                + ["long", "long80", "abbr", "iso", "compact", "dot", "short", "nopad", "dash"]
            )
        if form == "slash":
            return f"{day:02d}/{m:02d}/{y}"
        if form == "long":
            return f"{'1er' if day == 1 else day} {MONTHS[m - 1]} {y}"
        if form == "long80":
            return f"{'1er' if day < 4 else day} {MONTHS[m - 1]} {y % 100:02d}"
        if form == "abbr":
            return f"{day} {MONTHS_ABBR[m - 1]} {y}"
        if form == "iso":
            return f"{y}-{m:02d}-{day:02d}"
        if form == "compact":
            return f"{y}{m:02d}{day:02d}"
        if form == "dot":
            return f"{day:02d}.{m:02d}.{y}"
        if form == "short":
            return f"{day:02d}/{m:02d}/{y % 100:02d}"
        if form == "nopad":
            return f"{day}/{m}/{y}"
        if form == "dash":
            return f"{day:02d}-{m:02d}-{y}"
        if form == "year":
            return str(y)
        if form == "month":
            return f"{MONTHS[m - 1]} {y}"
        if form == "child":
            return f"{day:02d}/{m:02d}/{rng.randint(2010, 2025)}"
        raise ValueError(form)

    def nir(self) -> str:
        rng = self.rng
        sex = "2" if self.female else "1"
        dep = rng.choice(
            ["29", "64", "67", "2A", "2B", "971", "972", "974", "99", "13", "75", "57", "20"]
        )
        if dep == "20":
            dep = "2B"
        if len(dep) == 3:
            place = dep + f"{rng.randint(1, 34):02d}"
        elif dep == "99":
            place = "99" + rng.choice(["350", "352", "139", "341", "254", "243"])
        else:
            place = dep + f"{rng.randint(1, 400):03d}"
        born = f"{rng.randint(40, 99):02d}{rng.randint(1, 12):02d}"
        body = f"{sex}{born}{place}{rng.randint(1, 999):03d}"
        key = 97 - int(body.replace("2A", "19").replace("2B", "18")) % 97
        full = f"{body}{key:02d}"
        style = rng.choice(["compact", "spaced", "spaced", "key"])
        if style == "compact":
            return full
        parts = [full[0], full[1:3], full[3:5], full[5:7], full[7:10], full[10:13], full[13:]]
        if style == "spaced":
            return " ".join(parts)
        return full[:13] + " " + full[13:]

    def iban(self, kind: str = "any") -> str:
        rng = self.rng
        if kind == "any":
            kind = rng.choice(["FR"] * 5 + ["DE", "BE", "LU", "PT", "NL"])
        if kind == "FR":
            bank = f"{rng.choice([20041, 30002, 30004, 10278, 11315, 18306, 14445, 12506]):05d}"
            branch = f"{rng.randint(0, 99999):05d}"
            account = f"{rng.randint(0, 10**11 - 1):011d}"
            key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
            value = _iban("FR", f"{bank}{branch}{account}{key:02d}")
        elif kind == "DE":
            value = _iban(
                "DE", f"{rng.randint(10**7, 10**8 - 1)}{rng.randint(0, 10**10 - 1):010d}"
            )
        elif kind == "BE":
            first = rng.randint(10**9, 10**10 - 1)
            check = first % 97 or 97
            value = _iban("BE", f"{first}{check:02d}")
        elif kind == "LU":
            value = _iban("LU", f"{rng.randint(100, 999)}{rng.randint(0, 10**13 - 1):013d}")
        elif kind == "PT":
            value = _iban("PT", f"0035{rng.randint(0, 10**17 - 1):017d}")
        else:
            value = _iban(
                "NL", rng.choice(["INGB", "RABO", "ABNA"]) + f"{rng.randint(0, 10**10 - 1):010d}"
            )
        style = rng.choice(["grouped", "grouped", "compact", "lower"])
        if style == "compact":
            return value
        grouped = " ".join(value[i : i + 4] for i in range(0, len(value), 4))
        return grouped.lower() if style == "lower" else grouped

    def card(self) -> str:
        rng = self.rng
        kind = rng.choice(["visa", "cb", "mc", "mc2", "amex", "visa"])
        if kind == "amex":
            num = _luhn_complete(
                rng.choice(["34", "37"]) + "".join(str(rng.randint(0, 9)) for _ in range(12))
            )
            sep = rng.choice([" ", "", "-"])
            return sep.join([num[:4], num[4:10], num[10:]])
        prefix = {
            "visa": "4" + str(rng.randint(0, 9)),
            "cb": "4970",
            "mc": str(rng.randint(51, 55)),
            "mc2": str(rng.randint(2221, 2720)),
        }[kind]
        num = _luhn_complete(
            prefix + "".join(str(rng.randint(0, 9)) for _ in range(15 - len(prefix)))
        )
        sep = rng.choice([" ", " ", "", "-", "."])
        return sep.join(num[i : i + 4] for i in range(0, 16, 4))


POLISH_F = {"Kowalczyk": "Kowalczyk", "Kamiński": "Kamińska", "Lewandowski": "Lewandowska",
            "Zieliński": "Zielińska", "Szymański": "Szymańska",
            "Dąbrowski": "Dąbrowska"}  # fmt: skip


def _ascii(text: str) -> str:
    table = str.maketrans(
        "àâäáãçéèêëíìîïñóòôöõúùûüýÿæœışğąęłńśźżć", "aaaaaceeeeiiiinooooouuuuyyeoisgaelnszzc"
    )
    return text.lower().translate(table).replace("'", "").replace("-", "")


# --- fillers that are not personal data -------------------------------------------------------


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def _siret(rng: random.Random) -> str:
    siren = _luhn_complete(str(rng.randint(1, 9)) + _digits(rng, 7))
    siret = _luhn_complete(siren + _digits(rng, 4))
    return rng.choice([siret, f"{siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}"])


def _filler(name: str, g: Gen) -> str:
    rng = g.rng
    if name == "SIRET":
        return _siret(rng)
    if name == "SIREN":
        s = _luhn_complete(str(rng.randint(1, 9)) + _digits(rng, 7))
        return f"{s[:3]} {s[3:6]} {s[6:]}"
    if name == "L16":
        num = _luhn_complete(str(rng.randint(1, 9)) + _digits(rng, 14))
        return rng.choice([num, " ".join(num[i : i + 4] for i in range(0, 16, 4))])
    if name == "O10":
        return "0" + _digits(rng, 9)
    if name == "STD":
        return rng.choice(["05 59 ", "03 88 ", "04 95 ", "05 96 ", "02 98 ", "01 40 "]) + " ".join(
            _digits(rng, 2) for _ in range(3)
        )
    if name == "VERT":
        return rng.choice(["0 800 ", "0800 "]) + " ".join(_digits(rng, 3) for _ in range(2))
    if name == "FM":
        box = rng.choice(
            [
                "etat-civil",
                "accueil",
                "cimetiere",
                "spip64",
                "bureau.etrangers",
                "rh.enseignants",
                "scolarite",
                "mission.handicap",
                "drh-concours",
                "elections",
                "ddpp-sante-animale",
                "dpo",
                "greffe.jaf",
            ]
        )
        dom = rng.choice(
            [
                "mairie-sete.fr",
                "ville-corte.fr",
                "ac-guadeloupe.fr",
                "justice.fr",
                "univ-pau.fr",
                "haut-rhin.gouv.fr",
                "sdis2b.fr",
                "fort-de-france.fr",
                "msa-alsace.fr",
            ]
        )
        return f"{box}@{dom}"
    if name == "OFF":
        kind, street = rng.choice(
            [
                ("rue", "Jean Jaurès"),
                ("avenue", "Aimé Césaire"),
                ("boulevard", "Paoli"),
                ("place", "Simone Veil"),
                ("rue", "Louise Michel"),
                ("rue", "Victor Hugo"),
            ]
        )
        commune, cp = rng.choice(COMMUNES)
        cs = rng.randint(10000, 99999)
        return f"{rng.randint(1, 30)} {kind} {street}, CS {cs}, {cp} {commune} Cedex"
    if name == "DT":
        return f"{rng.randint(2, 28)} {g.pick(MONTHS)} {rng.randint(2019, 2026)}"
    if name == "DTS":
        return f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2023, 2026)}"
    if name == "EPO":
        return g.pick(EPONYMS)
    if name == "COM":
        return rng.choice(COMMUNES)[0]
    if name == "CP":
        commune, cp = rng.choice(COMMUNES)
        return f"{cp} {commune}"
    if name == "N4":
        return _digits(rng, 4)
    if name == "REF":
        return rng.choice(["RG ", "dossier ", "n° ", "PAC-", "EC-", "SPIP-", "AR "]) + (
            f"{rng.randint(19, 26)}/{_digits(rng, 5)}"
        )
    if name == "NB":
        return str(rng.randint(3, 480))
    if name == "PCT":
        return f"{rng.randint(2, 38)} %"
    raise ValueError(name)


# --- assembly -------------------------------------------------------------------------------


def assemble(pieces: list[Piece]) -> tuple[str, list[Span]]:
    """Joins pieces, recording the offsets of those that carry a category."""
    text, spans = "", []
    for value, category in pieces:
        if category is not None:
            if not value or value != value.strip():
                raise ValueError(f"span with blanks at its edges: {value!r}")
            spans.append((len(text), len(text) + len(value), category))
        text += value
    return text, spans


SLOT = re.compile(r"<([A-Z][A-Z0-9]*)(?::([a-z0-9]+))?>")
ALT = re.compile(r"\[\[([^\[\]]*)\]\]")
AGREE = re.compile(r"\{([^{}|]*)\|([^{}|]*)\}")
OPENERS = ["", "", "", "Bonjour, ", "Question rapide : ", "Rebonjour. ", "bjr ", "Salut, ",
           "Petite question. ", "Dis-moi : "]  # fmt: skip
CLOSERS = ["", "", "", " Merci.", " Merci d'avance !", " stp", " Réponse courte svp.",
           " Merci bcp", " (c'est urgent)"]  # fmt: skip


def _agree(text: str, female: bool) -> str:
    return AGREE.sub(lambda m: m.group(2) if female else m.group(1), text)


def render(template: str, g: Gen, predicate: tuple[str, str] | None) -> list[Piece]:
    text = ALT.sub(lambda m: g.rng.choice(m.group(1).split("|")).strip(), template)
    text = _agree(text, g.female)
    pieces: list[Piece] = []
    pos = 0
    for m in SLOT.finditer(text):
        pieces.append((text[pos : m.start()], None))
        pos = m.end()
        name, form = m.group(1), m.group(2) or "any"
        if name == "P":
            pieces.extend(g.person(g.female, form))
        elif name == "Q":
            pieces.extend(g.person(g.rng.random() < 0.5, form))
        elif name == "A":
            pieces.append((g.address(form), "adresse"))
        elif name == "T":
            pieces.append((g.phone(form), "telephone"))
        elif name == "E":
            pieces.append((g.email(pro=form == "pro"), "email"))
        elif name == "D":
            pieces.append((g.birth(form), "date_naissance"))
        elif name == "N":
            pieces.append((g.nir(), "nir"))
        elif name == "I":
            pieces.append((g.iban("FR" if form == "fr" else "any"), "iban"))
        elif name == "C":
            pieces.append((g.card(), "carte"))
        elif name == "X":
            assert predicate is not None, template
            pieces.append((_agree(predicate[1], g.female), predicate[0]))
        else:
            pieces.append((_filler(name, g), None))
    pieces.append((text[pos:], None))
    merged: list[Piece] = []
    for value, category in pieces:
        if not value:
            continue
        if category is None and merged and merged[-1][1] is None:
            merged[-1] = (merged[-1][0] + value, None)
        else:
            merged.append((value, category))
    return merged


def _parse_templates(block: str) -> list[tuple[str, int, list[str]]]:
    """Families of templates: `## family renders`, then `- template`, continued indented."""
    families: list[tuple[str, int, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("## "):
            _, family, renders = line.split()
            families.append((family, int(renders), []))
        elif line.startswith("- "):
            families[-1][2].append(line[2:])
        elif line.startswith("  ") and line.strip():
            families[-1][2][-1] += " " + line.strip()
    return [
        (f, r, [t.replace("\\n ", "\n").replace("\\n", "\n") for t in ts]) for f, r, ts in families
    ]


# --- topics: predicates that reveal them, agreed with the subject ----------------------------

PREDICATES: dict[str, list[str]] = {
    "sante": [
        "est en arrêt pour une dépression",
        "a été hospitalisé{|e} en psychiatrie",
        "suit une chimiothérapie",
        "est atteint{|e} de sclérose en plaques",
        "est sous dialyse trois fois par semaine",
        "a fait un AVC en mars",
        "souffre d'une hernie discale",
        "est épileptique",
        "a une maladie de Crohn",
        "est en mi-temps thérapeutique",
        "est séropositi{f|ve}",
        "est suivi{|e} en addictologie",
        "fait des crises d'angoisse",
        "a été déclaré{|e} inapte par le médecin du travail",
        "bénéficie d'une RQTH",
        "est malvoyant{|e}",
        "a une leucémie",
        "sort d'un burn-out",
        "est sous antidépresseurs",
        "a la maladie de Parkinson",
        "est en congé de longue maladie",
        "a une polyarthrite rhumatoïde",
        "a été amputé{|e} d'une jambe",
        "est asthmatique",
        "a un diabète de type 1",
        "est en rémission d'un cancer du côlon",
    ],
    "religion": [
        "est musulman{|e} pratiquant{|e}",
        "fait le ramadan",
        "est catholique pratiquant{|e}",
        "va à la messe tous les dimanches",
        "est protestant{|e}",
        "est {juif|juive}",
        "respecte le shabbat",
        "est bouddhiste",
        "est témoin de Jéhovah",
        "porte la kippa",
        "est évangélique",
        "est orthodoxe",
        "s'est converti{|e} à l'islam",
        "est hindou{|e}",
        "est sikh",
        "fréquente la mosquée",
        "est adventiste",
        "est athée",
        "a posé un congé pour Kippour",
        "est catéchiste à la paroisse",
        "a été baptisé{|e} à quarante ans",
        "part en pèlerinage à La Mecque",
        "est {pasteur|pasteure} de la paroisse luthérienne",
        "célèbre l'Aïd en famille",
        "est membre de l'Église apostolique arménienne",
        "prie cinq fois par jour",
    ],
    "opinion_politique": [
        "est militant{|e} à La France insoumise",
        "a voté Rassemblement national",
        "est encarté{|e} chez Les Républicains",
        "milite chez les Écologistes",
        "est adhérent{|e} du Parti socialiste",
        "colle des affiches pour le PCF",
        "est proche de Reconquête",
        "est indépendantiste martiniquais{|e}",
        "soutient Corsica Libera",
        "a manifesté contre la réforme des retraites",
        "est anarchiste",
        "est royaliste",
        "est membre de Renaissance",
        "a été candidat{|e} sur une liste écologiste",
        "vote toujours à l'extrême gauche",
        "milite au MoDem",
        "est trotskiste",
        "distribue des tracts de Lutte ouvrière",
        "est gaulliste",
        "se dit d'extrême droite",
        "a fait campagne pour Horizons",
        "est membre du Parti animaliste",
        "est souverainiste",
        "est militant{|e} autonomiste guadeloupéen{|ne}",
        "a voté Femu a Corsica",
    ],
    "syndicat": [
        "est syndiqué{|e} à la CGT",
        "est délégué{|e} FO",
        "est adhérent{|e} de SUD Éducation",
        "est élu{|e} CFDT au CSA",
        "milite au SNES-FSU",
        "est au SNUipp",
        "a une décharge syndicale",
        "est représentant{|e} UNSA",
        "est secrétaire de la section CGT",
        "a adhéré à la CFE-CGC",
        "est syndiqué{|e} chez Solidaires",
        "est au SGEN-CFDT",
        "est délégué{|e} syndical{|e} CFTC",
        "est membre de la FNSEA",
        "milite à la Confédération paysanne",
        "est au STC",
        "est syndiqué{|e} à l'UGTG",
        "est militant{|e} CGTM",
        "est au SNUDI-FO",
        "siège pour la FSU en CAP",
        "est {trésorier|trésorière} de SUD Santé",
        "est adhérent{|e} d'Alliance police",
        "a pris sa carte à la CNT",
        "est élu{|e} du personnel CGT",
        "est délégué{|e} du SNPES-PJJ",
    ],
    "origine": [
        "est d'origine marocaine",
        "est d'origine kabyle",
        "est issu{|e} de la communauté gitane",
        "est d'origine vietnamienne",
        "a des parents sénégalais",
        "est {arménien|arménienne} d'origine",
        "est d'origine comorienne",
        "est d'origine haïtienne",
        "est d'origine portugaise",
        "est franco-{algérien|algérienne}",
        "est noir{|e}",
        "est métis{|se}",
        "est d'origine chinoise",
        "est rom",
        "est d'origine turque",
        "est d'origine polonaise",
        "a la double nationalité franco-tunisienne",
        "est kanak",
        "est d'origine cambodgienne",
        "vient d'une famille de harkis",
        "est maghrébin{|e}",
        "est d'origine ivoirienne",
        "est d'ascendance tamoule",
        "est d'origine italienne",
        "a des grands-parents malgaches",
    ],
    "vie_sexuelle": [
        "est homosexuel{|le}",
        "est {gay|lesbienne}",
        "est bisexuel{|le}",
        "vit avec une personne du même sexe",
        "a fait son coming out",
        "est pansexuel{|le}",
        "est asexuel{|le}",
        "est en transition de genre",
        "a changé de sexe à l'état civil",
        "est trans",
        "fréquente des clubs échangistes",
        "a une liaison avec son supérieur",
        "trompe son conjoint",
        "vit une relation polyamoureuse",
        "est pacsé{|e} avec une personne de même sexe",
        "a eu une aventure avec un stagiaire",
        "est queer",
        "est non-binaire",
        "s'est marié{|e} avec une personne du même sexe",
        "a demandé le changement de la mention du sexe",
        "pratique le BDSM",
        "a deux partenaires",
        "est sur des applis de rencontre gay",
        "a eu une relation avec une collègue mariée",
    ],
    "genetique_biometrie": [
        "est {porteur|porteuse} du gène BRCA2",
        "a fait un test ADN généalogique",
        "a la mucoviscidose",
        "est atteint{|e} de la maladie de Huntington",
        "a un caryotype anormal",
        "a une drépanocytose",
        "est {porteur|porteuse} sain{|e} de la drépanocytose",
        "est trisomique",
        "a fait séquencer son génome",
        "a donné ses empreintes digitales pour la pointeuse",
        "a enregistré son visage pour le contrôle d'accès",
        "a fait un test de paternité",
        "a une myopathie de Duchenne",
        "a le syndrome de l'X fragile",
        "a enregistré son empreinte vocale",
        "s'est fait scanner l'iris",
        "a une hémochromatose génétique",
        "a le syndrome de Marfan",
        "a une amyotrophie spinale",
        "a envoyé sa salive à 23andMe",
        "a une prédisposition génétique au cancer",
        "a déposé l'empreinte de sa paume à la cantine",
        "a une ataxie de Friedreich",
        "a une délétion 22q11",
    ],
    "infraction": [
        "a été condamné{|e} pour vol",
        "est sous bracelet électronique",
        "est en sursis probatoire",
        "a été placé{|e} en garde à vue",
        "a un casier judiciaire chargé",
        "a été contrôlé{|e} positi{f|ve} au cannabis au volant",
        "a perdu son permis pour alcoolémie",
        "est incarcéré{|e} à la maison d'arrêt",
        "a été mis{|e} en examen",
        "a fait de la prison",
        "est suivi{|e} par le SPIP",
        "a écopé d'un TIG",
        "a été verbalisé{|e} pour conduite sans permis",
        "a volé dans la caisse",
        "a été condamné{|e} pour violences conjugales",
        "est connu{|e} pour trafic de stupéfiants",
        "a eu un rappel à la loi",
        "a été interpellé{|e} pour outrage",
        "est sous contrôle judiciaire",
        "a pris six mois avec sursis",
        "doit pointer à la gendarmerie",
        "est en libération conditionnelle",
        "a été flashé{|e} à 150 km/h",
        "a fraudé la CAF",
        "a été condamné{|e} pour maltraitance animale",
    ],
}


# --- templates ---------------------------------------------------------------------------------
# `<P>` the first person (drives `{m|f}`), `<Q>` another person, `:form` a forced form; `<A>`,
# `<T>`, `<E>`, `<D>`, `<N>`, `<I>`, `<C>` identifiers; `<X>` the topic predicate; other
# capitalised slots are fillers that are not personal data; `[[a|b]]` free alternatives.

TEMPLATES = r"""
## n 8
- Peux-tu reformuler la mention marginale pour <P:full> ? Le jugement de changement de prénom
  est arrivé hier.
- bonjour je suis à l'état civil, <P:up> veut reconnaître son enfant avant la naissance, quelles
  pièces je demande ?
- Rédige un courrier à <P:titlefull> pour lui dire que sa concession au cimetière arrive à
  échéance le <DT>.
- [[La famille|Le fils|La nièce]] de <P> souhaite une inhumation dans le caveau familial, le
  maire doit-il signer ?
- Le PACS de <P> et <Q> a été enregistré en mairie, comment je le transmets au notaire ?
- F|Mon adjointe <P:full> me demande un modèle de réponse pour <Q:title> qui conteste le refus de
  son titre de séjour.
- note vocale euh rappeler <P:low> pour son rendez-vous naturalisation mardi matin voilà
- À l'attention de <P:titlefull>, conseill{er|ère} France Travail : merci de relancer le
  dossier de <Q>.
- Tu peux traduire en anglais le mail de <P> ? C'est au sujet de sa bourse Erasmus.
- Conseillère CAF ici. <P:up> a déclaré un changement de situation, je fais quoi du rappel ?
- Corrige l'orthographe : « la demande de <P:gup> a été reçu le <DTS> et transmise au bureau
  des élections »
- Quel ton employer pour répondre à <P:title>, qui se plaint de l'accueil au guichet
  [[de la préfecture|de la sous-préfecture|du service des étrangers]] ?
- Le greffe JAF m'a transmis la requête de <P:full> contre <Q:full>, résume les demandes.
- Fais un tableau des permanences : lundi <P:giv>, mardi <Q:giv>, jeudi <Q:full>.
- M|Je cherche une formule pour remercier l'adjudant <P:sur> de la brigade de <COM>.
- <P:up> (né{|e} hors mariage) demande l'ajout du nom de son père, c'est une déclaration
  conjointe ?
- M|Brouillon d'arrêté : « Le sapeur-pompier volontaire <P:full> est promu caporal à compter du
  <DT>. » Vérifie la forme.
- la maman de <P:giv> a appelé pour l'inscription à la cantine, je la rappelle quand ?
- Dans la procuration, le mandant est <P:full> et le mandataire <Q:full> : c'est valable si
  le mandataire vote dans un autre bureau ?
- Le vétérinaire sanitaire, Dr <P:sur>, a signé le certificat ; l'éleveur s'appelle <Q:full>.
- Reformule poliment : <P:init> n'a pas rendu son dossier d'adoption complet.
- Peux-tu faire un mail de bienvenue pour <P:full>, nouvelle recrue au bureau des
  [[bourses|stages|inscriptions]] ?
- Qui est compétent pour la mutation de <P:gup>, professeur{|e} des écoles à <COM> ?
- F|Mme <P:sur> épouse <Q:sur> demande l'usage de son nom de naissance sur sa carte d'identité.
- Compte rendu : présents <P:full>, <Q:full>, <Q:init> ; excusée <Q:full>.
- M|[[Le lieutenant|Le capitaine|Le commandant]] <P:sur> du SDIS souhaite une attestation pour
  <Q:full>.
- M|Le défunt, <P:full>, avait acheté une concession trentenaire ; ses héritiers veulent la
  renouveler.
- Relis cette lettre à <P:title> : « suite à votre demande de droit d'accès RGPD, veuillez
  trouver ci-joint… »
- F|L'inspectrice de la DDPP, <P:full>, doit contrôler la boucherie de <Q:full> jeudi.
- Prépare la convocation de <P:up> pour l'audience d'adoption plénière.
- Ma stagiaire <P:giv> voudrait savoir comment on établit un acte de notoriété.
- F|La directrice <P:full> quitte le lycée ; écris trois lignes pour le discours.
- Peux-tu transformer en liste : <P:full> – titulaire, <Q:full> – suppléance, <Q:gup> –
  secrétaire.
- Le juge des contentieux de la protection, <P:title>, a fixé l'audience ; le demandeur est <Q>.
- salut, c'est pour <P:low>, ça s'écrit avec un accent ou pas ? je dois faire le livret de famille
- Question : <P:up> peut-il épouser <Q:up> si le divorce n'est pas encore transcrit ?
- F|Merci de traduire en créole martiniquais l'affiche signée par <P:full>, référente du CCAS.
- Rédige l'attestation d'hébergement : <P:full> héberge <Q:full> depuis le <DTS>.
- Le recteur a nommé <P:full> à la tête du service de la vie scolaire ; prépare l'annonce.
- Le dossier <REF> concerne <P:gup> ; qui gère les saisies sur salaire ?

## a 10
- Nouvelle adresse de l'agent{|e} <P> : <A>. Tu mets à jour le fichier ?
- Pour la déclaration de naissance, les parents habitent <A:any>, c'est bien notre commune ?
- Courrier de rappel à envoyer à <P:titlefull>, <A:multi>
- Domicile du défunt : <A>. Inhumation prévue à <COM>.
- changement d adresse pour <P:low> : <A:low>
- Le condamné sera assigné à résidence au <A:plain> sous surveillance électronique ; fais un
  résumé neutre de l'ordonnance.
- Pouvez-vous expédier la carte d'électeur à cette adresse : <A:abbr>
- Adresse de l'allocataire MSA : <A:lieu>. Le technicien passe quand ?
- Étudiant{|e} boursier{|ière}, logé{|e} à la <A:res>, demande un aménagement.
- Merci d'envoyer l'ordre de mission à <P:full>, <A:bis>.
- Le mandataire de la procuration réside <A:any> ; c'est la même commune d'inscription ?
- Écris l'étiquette : <P:up>\n<A:up>
- La famille d'accueil pour l'adoption habite <A:nonum>.
- Adresse postale de l'éleveur : <A:bp>
- Pour le titre de séjour, justificatif de domicile au <A:cedexless>, c'est suffisant ?
- mon adresse perso c'est <A:a>, tu peux la mettre sur le formulaire ?
- Vérifie si ce libellé passe la norme postale : <A:multi>
- Le mis en cause a déclaré comme adresse <A:plain>, merci de reformuler le PV.
- Expéditeur : <P:full> – <A:plain> – Objet : réclamation au Défenseur des droits
- | Nom | Adresse |\n|---|---|\n| <P:up> | <A:plain> |
- Le collégien est domicilié chez sa grand-mère, <A:any>.
- La victime demande que son adresse (<A:plain>) ne figure pas dans le jugement.
- JSON à corriger : {"nom": "<P:sur>", "adresse": "<A:plain>"}
- Demande de mutation : adresse actuelle <A:abbr>, vœu n° 1 académie de Corse.

## c 8
- Tu peux rappeler <P> au <T> ? C'est pour son rendez-vous au guichet étrangers.
- Mon numéro perso : <T:sp>, à donner à l'assistante sociale seulement.
- Le père, joignable au <T:p33>, demande un rendez-vous avec le juge aux affaires familiales.
- Contacts d'urgence du sapeur-pompier <P:sur> : <T:any> (épouse), <T:any> (mère).
- Numéro de la famille en Martinique : <T:dom>
- son portable c'est <T:none> sinon écrire à <E>
- Merci d'écrire à <P> à l'adresse <E> pour la convocation France Travail.
- Adresse mail perso de l'étudiant{|e} : <E>, le mail universitaire ne marche plus.
- Signature : <P:full> | Greffe du tribunal judiciaire | Ligne directe <T:fixe> | <E:pro>
- Pour joindre l'éleveur : <T:dot> ou <E>.
- Rectifie le numéro : pas <T:dash> mais <T:sp>, c'est celui de <P:giv>.
- L'usagère de Papeete a laissé le <T:pf> pour qu'on la rappelle.
- M|Mon collègue de la brigade, <P:full>, est joignable sur son <T:0033>.
- contact parent : <T:p33p> / <E>
- Réponds à ce mail venant de <E> : « Je n'ai toujours pas reçu ma carte grise. »
- La candidate a donné <E> et le <T:p33c> ; lequel utiliser pour la convocation ?
- Écris à <E:pro> pour demander le planning des contrôles vétérinaires.
- Mail reçu de <E> (<P:full>) : « Je souhaite exercer mon droit d'accès à mes données. »
- Tél perso <T:sp> – mail <E> – Merci de ne pas diffuser.
- <P:up> ; <T:any> ; <E> — liste des mandataires à convoquer

## i 8
- Voici mon RIB pour le remboursement de la caution : <I>
- IBAN de l'allocataire : <I:fr>. La CAF peut-elle verser sur ce compte ?
- Peux-tu vérifier ce numéro de sécurité sociale : <N> ?
- N° SS de l'agent{|e} <P> : <N>, à reporter dans le dossier de mutation.
- M|NIR du défunt : <N>. La mairie doit-elle le mettre dans l'acte de décès ?
- M|Le candidat m'a envoyé son numéro de sécu <N> par mail, est-ce grave ?
- Paiement de la concession refusé avec la carte <C>, que faire ?
- Carte bancaire de l'usager : <C> — la régie peut-elle la débiter ?
- ma CB <C> a été avalée au distributeur de la préfecture, c'est à qui de voir ?
- Un usager a dicté son numéro de carte au téléphone : <C>. On le garde ?
- Virement de la bourse sur l'IBAN <I> (titulaire <P:full>).
- Le dossier d'assurance maladie mentionne <N> pour <P:up>, est-ce le bon ?
- Compte du SPIP pour indemniser la victime ? non, voici le compte perso de la victime : <I>
- Carte Visa n° <C> exp 09/28, saisie dans le formulaire par erreur.
- Numéro de carte de paiement : <C>, le remboursement doit y être recrédité.
- RIB joint : titulaire <P:full>, IBAN <I:fr>, BIC AGRIFRPP
- Fiche paie : NIR <N>, IBAN <I>
- mon numéro de sécurité sociale c <N> et ma carte vitale est perdue
- La Mastercard de la famille d'accueil (<C>) a été débitée deux fois.
- IBAN étranger du conjoint : <I>, la MSA l'accepte ?

## d 8
- Date de naissance de l'enfant adopté : <D:child>.
- Je suis né{|e} le <D:long> à <COM>, quels documents pour ma carte d'identité ?
- DDN : <D:slash> — Nom : <P:up>
- <P:full>, né{|e} le <D:any>, demande la rectification de son acte de naissance.
- né{|e} en <D:year> au Vietnam, arrivé{|e} en France enfant, naturalisation possible ?
- M|Le défunt <P:full> était né le <D:long80>, c'est pour l'avis d'obsèques.
- Date de naissance : <D:compact> (format du logiciel d'état civil), corrige-la.
- L'élève <P:giv>, né{|e} le <D:child>, a un PAI.
- Mon agent{|e} est né{|e} en <D:month>, peut-{il|elle} partir à la retraite ?
- M|Candidat : <P:up> – date de naissance <D:iso> – concours de gardien de la paix
- ddn <D:short> nom <P:low> dossier rsa
- F|La requérante, née le <D:dot>, demande le changement de la mention du prénom.
- <P:gup> (<D:abbr>) est inscrit{|e} sur la liste électorale complémentaire ?
- Vérifie l'âge : né{|e} le <D:nopad>, peut-{il|elle} s'engager chez les pompiers volontaires ?
- Date de naiss. <D:dash> ; lieu : <COM>

## r 8
- De : <P:full> <<E>>\nObjet : acte de mariage\n\nBonjour,\nJe me suis marié{|e} le <DT> à
  <COM> et je n'ai pas reçu la copie intégrale. Mon adresse : <A:plain>. Tél. <T:sp>.\n
  Cordialement,\n<P:giv>
- Fiche RH\nNom : <P:sur>\nPrénom : <P:giv>\nDate de naissance : <D:slash>\nNIR : <N>\n
  Adresse : <A:any>\nTéléphone : <T:any>
- M|Dossier titre de séjour\n- demandeur : <P:up>\n- né le <D:slash>\n- domicile : <A:plain>\n
  - portable : <T:sp>
- Transcription message : bonjour c'est <P:low> je vous appelle pour ma procuration je
  suis joignable au <T:none> merci
- Bonjour,\nsuite à notre échange, voici mes coordonnées : <A:multi>\n<T:any>\n<E>\n
  Bien à vous, <P:full>
- Résume ce signalement : « <P:full>, né{|e} le <D:long>, domicilié{|e} <A:plain>, a été
  reçu{|e} par le conseiller pénitentiaire. »
- CSV : nom;prenom;ddn;tel\n<P:sur>;<P:giv>;<D:slash>;<T:sp>
- Courriel à la CNIL : « Je soussigné{|e} <P:full>, <A:plain>, demande l'accès à mes
  données. Joignable au <T:any>. »
- Objet : remboursement frais d'obsèques\nBénéficiaire : <P:full>\nIBAN : <I>\nAdresse :
  <A:plain>
- M|Inscription à l'université : <P:up>, <D:slash>, <E>, <T:p33>, boursier échelon 5.
- Formulaire Défenseur des droits\nNom : <P:sur>\nPrénom : <P:giv>\nCourriel : <E>\nAdresse :
  <A:multi>
- Merci de corriger ce mail : « Madame, mon enfant <Q:giv>, né(e) le <D:child> est inscrit en
  CP, notre adresse est <A:a> et mon numéro <T:dot>. <P:full> »
- Pour le remboursement : carte <C>, titulaire <P:full>, né{|e} le <D:slash>.
- Dossier MSA : <P:up> – NIR <N> – IBAN <I:fr> – <A:lieu>
"""

TOPIC_TEMPLATES = r"""
## t 11
- Je dois rédiger une note sur <P> qui <X> : tu peux m'aider à la tourner de façon neutre ?
- bjr, un collègue me dit que <P:sur> <X>, je le mets dans le compte rendu ou pas ?
- Objet : situation de <P:titlefull>\n\nBonjour,\nje vous informe que l'intéressé{|e} <X>.
  Merci d'en tenir compte pour le planning.\nCordialement
- Dans le dossier de <P>, il est écrit qu'{il|elle} <X>. Cette mention peut-elle rester dans
  le courrier ?
- note vocale alors pour <P:low> euh {il|elle} <X> donc faudrait revoir son poste merci
- | Agent{|e} | Observation |\n|---|---|\n| <P:up> | <X> |
- Résume ce passage : « <P> <X> et demande un aménagement de ses horaires. »
- {Mon agent|Mon agente} <X> ; quelles démarches dois-je engager côté RH ?
- Pendant l'entretien, <P:giv> m'a confié qu'{il|elle} <X>. J'en parle à qui ?
- CR de la réunion du <DT>, point 3 : <P:title> <X>, la cellule propose un suivi.

## t_sante 11
- Certificat reçu à la DSDEN : <P:gup>, professeur{|e} de SVT, <X> et demande un temps
  partiel de droit.
- L'étudiant{|e} suivi{|e} par la mission handicap <X> ; quel tiers-temps proposer ?
## t_religion 11
- Pour la concession au carré confessionnel, la famille précise que <P:full> <X>. Le maire
  peut-il l'accepter ?
- M|Le ministre du culte <P:sur> <X> ; en Alsace-Moselle, qui le rémunère ?
## t_opinion_politique 11
- Le mandataire de la procuration, <P:full>, <X> : est-ce un motif pour refuser ?
- Dans son recours au tribunal administratif, <P:title> explique qu'{il|elle} <X> et qu'on
  l'a écarté{|e} de l'avancement.
## t_syndicat 11
- Pour le tableau des ASA, <P:gup> <X> ; combien d'heures lui accorder ?
- M|Le brigadier <P:sur> <X> et veut afficher un tract dans la caserne, c'est autorisé ?
## t_origine 11
- Saisine du Défenseur des droits : <P:full> <X> et pense avoir été écarté{|e} du logement
  social pour cette raison.
- À la préfecture, le dossier de naturalisation de <P:up> précise qu'{il|elle} <X>.
## t_vie_sexuelle 11
- À l'état civil, <P:full> <X> ; je dois faire une mention en marge de son acte ?
- Au SPIP, la conseillère note que <P:giv> <X> ; faut-il l'écrire dans le rapport au juge ?
## t_genetique_biometrie 11
- Le service de médecine universitaire indique que l'étudiant{|e} <P:gup> <X>.
- Dans la demande d'adoption, <P:title> précise qu'{il|elle} <X> ; le conseil de famille
  doit-il le savoir ?
## t_infraction 11
- Le SPIP a transmis le rapport : <P:up> <X> et cherche un emploi en chantier d'insertion.
- À la brigade de <COM>, on nous signale que <P:full> <X> ; peut-{il|elle} rester sapeur-pompier
  volontaire ?
"""

LOOKALIKES = r"""
## l_sante 11
- Quelles sont les règles du congé de longue maladie pour les [[professeurs|agents
  territoriaux|sapeurs-pompiers]] ?
- Rédige une affiche pour la campagne de dépistage [[du diabète|du cancer colorectal|de
  l'hypertension]] organisée par [[le CCAS|la mairie|la MSA]].
- Combien d'agents du rectorat étaient en mi-temps thérapeutique en 2025 ? Donne une méthode de
  calcul.
- Le marché de fourniture de défibrillateurs pour le SDIS est-il soumis à publicité ?
- Un agent peut-il refuser une visite chez le médecin agréé ? Réponds de façon générale.
- Prépare une formation de deux heures sur la prévention du burn-out chez les [[greffiers|
  conseillers France Travail|agents d'accueil]].
- La mission handicap de l'université cherche un prestataire pour la prise de notes ; rédige
  l'appel d'offres.
- {Le référent|La référente} santé <P:full> organise la journée [[sur le sommeil|
  sur les addictions|sur la santé mentale]] : fais un mail d'invitation.
- Quelle différence entre arrêt maladie et accident de service dans la fonction publique ?
## l_religion 11
- Le cimetière de <COM> peut-il créer un carré [[confessionnel|musulman|israélite]] ? Quelle
  est la règle ?
- Explique le régime concordataire des cultes reconnus en Alsace-Moselle.
- Rédige la note sur les jours fériés locaux : Vendredi saint et Saint-Étienne en Moselle.
- Une mairie peut-elle subventionner la rénovation de [[l'église|la synagogue|la mosquée]]
  classée ?
- Quelles autorisations d'absence pour fêtes religieuses prévoit la circulaire de la fonction
  publique ?
- Le bureau des cultes de la préfecture, dirigé par <P:full>, recrute un{|e} stagiaire :
  rédige l'annonce.
- Fais un tableau des fêtes [[orthodoxes|juives|musulmanes|bouddhistes]] de l'année pour le
  planning des examens.
- Un agent public peut-il porter un signe religieux au guichet ? Réponse générale avec les
  textes.
- Les cantines de <COM> proposent-elles un menu sans porc ? Rédige la réponse type.
## l_opinion_politique 11
- Comment organiser le bureau de vote n° <NB> pour les élections [[municipales|européennes|
  législatives]] ?
- Rédige la note sur la neutralité des agents pendant la période de réserve électorale.
- Combien de procurations ont été établies à la brigade de <COM> ? Donne un modèle de
  tableau.
- Quelles sont les règles d'affichage électoral sur les panneaux de la commune ?
- Un agent peut-il être candidat aux élections municipales dans sa commune d'affectation ?
  Cas général.
- F|La présidente du bureau de vote, <P:full>, demande la liste des assesseurs : prépare-la.
- Résume le décret sur le financement des partis politiques pour une formation interne.
- Le taux de participation à <COM> était de <PCT> ; rédige une phrase pour le bulletin.
- Le marché d'impression des professions de foi a été attribué ; rédige l'avis.
## l_syndicat 11
- Quel est le calendrier des élections professionnelles au ministère de la Justice ?
- Rédige la note sur le droit syndical et les autorisations spéciales d'absence en général.
- Combien de sièges compte le CSA de l'académie de <COM> ? Explique le calcul.
- Un préavis de grève a été déposé pour le <DT> : que doit faire le chef de service ?
- La DRH, représentée par <P:full>, rencontre les organisations syndicales jeudi ; prépare
  l'ordre du jour.
- Quelle est la règle des 3 % de représentativité pour les syndicats de la fonction publique ?
- Fais un modèle d'affiche pour le panneau syndical de la [[caserne|mairie|faculté]].
- Les heures de décharge d'activité de service sont-elles réparties par le préfet ?
- Quels locaux doit-on mettre à disposition des syndicats dans un SDIS ?
## l_origine 11
- Quels documents demander pour un premier titre de séjour [[étudiant|salarié|vie privée et
  familiale]] ?
- Rédige un guide sur l'accueil des demandeurs d'asile au guichet de la préfecture.
- Combien de naturalisations par décret en 2024 dans le département ? Donne les sources.
- Le Défenseur des droits publie un rapport sur les discriminations à l'embauche ; résume-le.
- Une annonce peut-elle exiger « français langue maternelle » ? Réponse générale.
- L'interprète en [[tamoul|comorien|arménien|turc]] du tribunal, <P:full>, demande ses
  vacations : fais le mail.
- Fais une fiche sur le contrat d'intégration républicaine pour les agents d'accueil.
- Prépare une formation sur les contrôles au faciès pour les élèves gendarmes.
- Quelle est la procédure de transcription d'un acte de naissance étranger ?
## l_vie_sexuelle 11
- Quelle est la procédure de changement de la mention du sexe à l'état civil ? Explique les
  étapes en général.
- Rédige l'affiche de la campagne contre l'homophobie au travail pour le 17 mai.
- Combien de PACS ont été enregistrés en mairie de <COM> en 2025 ? Modèle de tableau.
- Le marché de formation à la lutte contre les violences sexistes est-il attribué ?
- La cellule d'écoute VSS de l'université, animée par <P:full>, cherche une salle : rédige
  la demande.
- Un officier d'état civil peut-il refuser de célébrer un mariage de personnes de même sexe ?
  Réponse générale.
- Résume le guide sur l'accueil des personnes transgenres dans les services publics.
- Quelle formation proposer aux [[gendarmes|greffiers|agents d'état civil]] sur les
  discriminations LGBT ?
- Une victime de harcèlement sexuel, <P:full>, a porté plainte ; comment l'accompagner ?
## l_genetique_biometrie 11
- Le marché des bornes de recueil d'empreintes pour les titres d'identité est-il renouvelé ?
- Explique la procédure de recueil des empreintes digitales pour un titre de séjour.
- Peut-on installer une pointeuse biométrique dans un collège ? Réponse avec la position de la
  CNIL.
- Rédige une note sur l'inscription au FNAEG pour les élèves gendarmes.
- Quelles sont les règles des tests ADN dans le cadre du regroupement familial ?
- Le laboratoire de génétique du CHU, dirigé par <P:full>, cherche un ingénieur : annonce.
- Le service vétérinaire fait-il des tests ADN sur les bovins pour la traçabilité ?
- Combien de cartes d'identité ont été produites avec photo et empreintes en <NB> jours ?
- Prépare une formation sur la reconnaissance faciale et le RGPD pour les DPO.
## l_infraction 11
- Quelles sont les missions du SPIP dans le suivi d'un sursis probatoire ? Explique en général.
- Rédige une fiche sur les travaux d'intérêt général proposés par la commune de <COM>.
- Le bulletin n° 3 du casier judiciaire est-il exigé pour [[les assistants maternels|les
  animateurs|les pompiers volontaires]] ?
- Combien de gardes à vue à la brigade de <COM> l'an dernier ? Tableau vide à remplir.
- La victime d'un cambriolage, <P:full>, demande une copie de sa plainte : réponds-lui.
- Explique le fonctionnement du bracelet électronique pour une formation de nouveaux CPIP.
- Un usager, <P:full>, a porté plainte pour le vol de son vélo devant la mairie : rédige
  l'accusé de réception.
- Le marché de surveillance électronique est attribué à quel prestataire ?
- Quelle est l'amende pour stationnement sur une place handicapé ? Réponse générale.
"""

OTHERS = r"""
## x 10
- Le lycée <EPO> de <COM> ouvre une section européenne : rédige le communiqué.
- La salle <EPO> de la mairie est réservée le <DT> pour les mariages ; prépare le planning.
- Le collège <EPO> demande un car pour la sortie au mémorial ; fais le bon de commande.
- Travaux rue <EPO> à <COM> du <DT> au <DT> : rédige l'arrêté de circulation.
- La caserne <EPO> du SDIS organise ses portes ouvertes ; fais un message pour les réseaux.
- Le standard de la préfecture est au <STD>, les horaires ont changé : mets à jour l'affiche.
- Pour toute question, écrire à <FM> ou appeler le <STD>. Reformule plus poliment.
- Le numéro vert <VERT> du Défenseur des droits est-il gratuit depuis un portable ?
- Adresse du service : <OFF>. Faut-il écrire « Cedex » sur l'enveloppe ?
- Le SIRET de l'entreprise de pompes funèbres est <SIRET>, vérifie qu'elle est habilitée.
- SIREN <SIREN> : cette association cultuelle peut-elle recevoir des dons ?
- Le numéro de dossier <L16> ressemble à une carte bancaire mais c'est un numéro de
  dossier : faut-il le masquer ?
- Commande n° <O10> des urnes transparentes : elle n'est pas arrivée.
- Facture <O10> du traiteur pour la cérémonie du <DT>, à payer sous trente jours.
- Référence client <O10> chez le fournisseur de cercueils, on relance ?
- Ticket GLPI <L16> : l'imprimante du bureau des étrangers ne marche plus.
- Le paiement de la régie a été fait avec une carte se terminant par <N4>, est-ce traçable ?
- La commune nouvelle de <COM>, née le 1er janvier 2019, garde-t-elle ses deux cimetières ?
- Arrêté préfectoral du <DT> portant ouverture de la chasse : fais-en un résumé.
- L'association, créée le <DT>, demande une subvention pour le festival.
- Le dossier <REF> est audiencé le <DT> ; rappelle la date au greffe.
- IBAN de la régie de recettes : FR76 1007 1640 0000 0010 0432 179 ; faut-il le publier sur
  le site ?
- La médaille <EPO> sera remise aux lauréats le <DT> au rectorat ; fais l'invitation.
- Le gymnase <EPO> sert de bureau de vote n° <NB> : affiche d'orientation.
- Contact presse : <FM>, standard <STD>.
- Le centre de rétention de <COM> a un nouveau numéro, le <STD> ; mets à jour la fiche.
- Lot n° <L16> de vaccins contre la fièvre catarrhale : rappel du fabricant.
- Le bateau <EPO> de la SNSM sera à quai au port de <COM> le <DT>.
- Envoyer les justificatifs au <OFF>, bureau de l'état civil.
- L'école maternelle <EPO> a <NB> élèves inscrits ; calcule le nombre de classes.
- Le prix <EPO> de l'université récompense une thèse ; rédige l'appel à candidatures.
- Numéro de série du défibrillateur : <L16>, date de fabrication <DTS>.
- L'UAI du lycée est 0<NB>12K ? Vérifie le format.
- Le courriel <FM> ne répond plus, à qui signaler ?
- Le quai <EPO> sera fermé pour la Fête de la musique : rédige l'avis.
- Contrat n° <O10> de location de la nacelle, échéance le <DTS>.

## q 9
- Quelle est la durée d'une concession funéraire [[temporaire|trentenaire|perpétuelle]] ?
- Comment fonctionne le PACS en mairie depuis 2017 ?
- Quels délais pour déclarer une naissance à l'état civil ?
- Peut-on faire une procuration en ligne pour [[les municipales|les européennes|un référendum]] ?
- Qu'est-ce qu'une adoption simple par rapport à une adoption plénière ?
- Comment calculer l'indemnité de résidence d'un enseignant en [[Martinique|Corse|Guadeloupe]] ?
- Quelles pièces pour une demande de changement de nom par décret ?
- Quel est le rôle du juge aux affaires familiales ?
- Comment saisir la CNIL pour une demande d'accès restée sans réponse ?
- Quels sont les délais de recours contre un refus de titre de séjour ?
- Comment se calcule la prime d'activité versée par la CAF ?
- Qui paie les vacations des sapeurs-pompiers volontaires ?
- Que contrôle un inspecteur de la sécurité sanitaire des aliments dans un restaurant ?
- Peux-tu m'expliquer la différence entre MSA et CAF pour les allocations familiales ?
- Quelle est la procédure pour une mutation interacadémique ?
- Comment rédiger un arrêté de police du maire ?
- Quels sont les horaires d'ouverture habituels d'un bureau de vote ?
- Quel est le délai de conservation des registres d'état civil en mairie ?
- Quelles sont les étapes d'un recrutement de contractuel à l'université ?
- Comment fonctionne le RSA pour un jeune de moins de 25 ans ?
- Fais-moi un plan de formation sur Excel pour des [[secrétaires de mairie|greffiers|
  conseillers]].
- Résume les nouveautés de la loi sur la fin de vie.
- Quelles aides pour l'achat d'un vélo électrique dans la fonction publique ?
"""

TOPICS = ["sante", "religion", "opinion_politique", "syndicat", "origine", "vie_sexuelle",
          "genetique_biometrie", "infraction"]  # fmt: skip
DECORATED = ("l_", "x", "q")


def _jobs() -> list[tuple[str, int, str, str | None]]:
    """(template id, renders, template, topic) for every template, in a fixed order."""
    jobs: list[tuple[str, int, str, str | None]] = []
    for family, renders, templates in _parse_templates(TEMPLATES):
        for i, template in enumerate(templates, 1):
            jobs.append((f"test14_{family}_{i:02d}", renders, template, None))
    families = _parse_templates(TOPIC_TEMPLATES)
    shared = families[0]
    for topic in TOPICS:
        own = next(f for f in families if f[0] == f"t_{topic}")
        frames = shared[2] + own[2]
        for i, template in enumerate(frames, 1):
            jobs.append((f"test14_t_{topic}_{i:02d}", shared[1], template, topic))
    for family, renders, templates in _parse_templates(LOOKALIKES + OTHERS):
        for i, template in enumerate(templates, 1):
            jobs.append((f"test14_{family}_{i:02d}", renders, template, None))
    return jobs


def generate() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for tid, renders, template, topic in _jobs():
        for k in range(renders):
            rng = random.Random(f"{SEED}:{tid}:{k}")
            g = Gen(rng)
            body = template
            if body[:2] in ("F|", "M|"):
                g.female = body[0] == "F"
                body = body[2:]
            predicate = (topic, g.pick(PREDICATES[topic])) if topic else None
            pieces = render(body, g, predicate)
            if tid.split("_")[1] in ("l", "x", "q"):
                opener, closer = g.pick(OPENERS), g.pick(CLOSERS)
                if opener:
                    first = pieces[0]
                    lowered = first[0]
                    pieces.insert(0, (opener, None))
                    if first[1] is None and not opener.endswith(". "):
                        pieces[1] = (lowered[:1].lower() + lowered[1:], None)
                pieces.append((closer, None))
            text, spans = assemble([p for p in pieces if p[0]])
            if text in seen:
                continue
            seen.add(text)
            pii: dict[str, list[str]] = {}
            topics: list[str] = []
            for start, end, category in spans:
                if category in TOPICS:
                    if category not in topics:
                        topics.append(category)
                else:
                    values = pii.setdefault(category, [])
                    if text[start:end] not in values:
                        values.append(text[start:end])
            rows.append({
                "text": text,
                "pii": pii,
                "topics": topics,
                "split": SPLIT,
                "spans": [[s, e, c] for s, e, c in spans],
                "template": tid,
            })  # fmt: skip
    return rows


def write(rows: list[dict[str, Any]], path: Path = OUT) -> None:
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def main() -> None:
    rows = generate()
    write(rows)
    print(f"{len(rows)} sentences written to {OUT}")


if __name__ == "__main__":
    main()
