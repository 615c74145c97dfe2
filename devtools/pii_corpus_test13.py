"""The thirteenth held-out set for the personal-data guard (tests/data/pii_test13.jsonl).

Written by an independent hand from its own name, street and commune lists (standard library
only, fixed seed): templates with slots whose items record their offsets while the sentence
is assembled. `python -m devtools.pii_corpus_test13` writes the file. Never tune on it.
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

MADE_WITH_FAKER = "40.63.0"  # the file test checks run with this faker, as for the other sets
SEED = 20131313
SPLIT = "test13"
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii_test13.jsonl"

Part = tuple[str, str | None]
Span = tuple[int, int, str]


def assemble(parts: Sequence[Part]) -> tuple[str, list[Span]]:
    """Join the parts; each labelled part becomes a span at the offset it lands on."""
    text = ""
    spans: list[Span] = []
    for value, category in parts:
        if category is not None:
            if not value or value != value.strip():
                raise ValueError(f"labelled part with blanks or empty: {value!r}")
            spans.append((len(text), len(text) + len(value), category))
        text += value
    return text, spans


# Checksums -------------------------------------------------------------------------------------


def _digits(value: str) -> str:
    return re.sub(r"[\s.\-]", "", value)


def luhn_ok(value: str) -> bool:
    digits = _digits(value)
    if not digits.isdigit():
        return False
    total = 0
    for index, char in enumerate(reversed(digits)):
        number = int(char)
        if index % 2:
            number = number * 2 - 9 if number > 4 else number * 2
        total += number
    return total % 10 == 0


def _luhn_complete(body: str) -> str:
    for last in "0123456789":
        if luhn_ok(body + last):
            return body + last
    raise AssertionError(body)


def _nir_number(body: str) -> int:
    return int(body.upper().replace("2A", "19").replace("2B", "18"))


def nir_ok(value: str) -> bool:
    compact = value.replace(" ", "").upper()
    if len(compact) != 15 or not compact[13:].isdigit():
        return False
    return 97 - _nir_number(compact[:13]) % 97 == int(compact[13:])


def _iban_number(text: str) -> int:
    return int("".join(str(int(c, 36)) for c in text))


def iban_ok(value: str) -> bool:
    compact = value.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{8,30}", compact):
        return False
    return _iban_number(compact[4:] + compact[:4]) % 97 == 1


def _iban(country: str, bban: str) -> str:
    check = 98 - _iban_number(bban + country + "00") % 97
    return f"{country}{check:02d}{bban}"


# Own lists -------------------------------------------------------------------------------------

SURNAMES: dict[str, list[str]] = {
    "mots": [
        "Boulanger", "Petit", "Marchand", "Leroy", "Fontaine", "Rose", "Blanc", "Meunier",
        "Charpentier", "Berger", "Chevalier", "Renard", "Moulin", "Bouvier", "Poulain",
        "Barbier", "Loiseau", "Lapierre", "Pommier", "Sauvage", "Legrand", "Bonhomme",
        "Toussaint", "Bienvenu", "Lheureux", "Vigneron", "Cordier", "Tisserand", "Couturier",
        "Lebon", "Lamour", "Prudhomme", "Baron", "Page", "Cousin", "Dimanche", "Printemps",
    ],
    "courants": [
        "Lefèvre", "Carpentier", "Vasseur", "Colin", "Brunet", "Giraud", "Joly", "Picard",
        "Hubert", "Gauthier", "Perrin", "Masson", "Lemaire", "Dumont", "Leclerc", "Prévost",
        "Caron", "Lacroix", "Lecomte", "Tessier", "Lombard", "Pasquier", "Marty", "Sabatier",
        "Ferrand", "Vidal", "Delmas", "Lagarde", "Mercier", "Fabre", "Carré", "Langlois",
        "Huet", "Poirier", "Chauvin", "Hamon", "Pichon", "Gosselin", "Hardy", "Guichard",
        "Lamy", "Courtois", "Bailly", "Delorme", "Vallée", "Léger", "Besnard", "Grosjean",
        "Renaud", "Mallet", "Pelletier", "Lemoine",
    ],
    "rares": [
        "Pouxviel", "Lachaize", "Frappa", "Chabrerie", "Espitalier", "Mouchotte",
        "Trouillebout", "Vigouroux", "Cabanel", "Bourdarias", "Escoffier", "Courbebaisse",
        "Tamisier", "Bérengier", "Faugeroux", "Lamouroux", "Auzias", "Gasquet", "Ribotton",
        "Pélissou", "Malaterre", "Chantegrelet", "Vacheresse", "Bouchardeau", "Quintard",
    ],
    "breton": [
        "Le Goff", "Le Gall", "Kerboriou", "Le Bihan", "Tanguy", "Guéguen", "Le Meur",
        "Quéré", "Le Cam", "Prigent", "Kerleroux", "Le Bras", "Morvan", "Cloarec", "Jaouen",
        "Hellec", "Le Corre", "Gourvennec", "Kervella", "Le Dantec", "Abgrall", "Tréguer",
        "Le Borgne", "Kerdraon", "Cadiou", "Le Moal",
    ],
    "basque": [
        "Etcheverry", "Irigaray", "Etchegaray", "Harriet", "Ospital", "Larralde", "Elissalde",
        "Iriart", "Haramboure", "Mendiburu", "Ithurralde", "Oyhenart", "Goyhenetche",
        "Echeverria", "Bidegain", "Arrayet",
    ],
    "alsacien": [
        "Wendling", "Schaeffer", "Kieffer", "Ehrhart", "Haegel", "Rohmer", "Ostermann",
        "Grussenmeyer", "Wolfarth", "Spiesser", "Heitz", "Stoeckel", "Schwoerer", "Bilger",
        "Zimmermann", "Kuntz",
    ],
    "corse": [
        "Santoni", "Leca", "Orsini", "Luciani", "Battesti", "Peretti", "Mattei", "Ceccaldi",
        "Acquaviva", "Albertini", "Poggi", "Filippi", "Susini", "Pietri", "Casabianca",
    ],
    "occitan": [
        "Delpech", "Vaissière", "Puech", "Cabrol", "Bousquet", "Cayrou", "Roques", "Fabié",
        "Soulié", "Teyssier", "Astruc", "Bonnafous", "Capdeville", "Lafforgue", "Carrère",
        "Lacaze", "Pujol", "Ramonet",
    ],
    "antillais": [
        "Louisy", "Zénon", "Saint-Cyr", "Bellance", "Céleste", "Théodose", "Calixte",
        "Ursulet", "Rosemond", "Bellemare", "Mathurin", "Clairville", "Fanfant",
        "Marie-Joseph", "Jean-Marie", "Lubin",
    ],
    "reunion": [
        "Payet", "Grondin", "Hoareau", "Técher", "Maillot", "Sinama", "Ramassamy",
        "Moutoussamy", "Valliamé", "Nativel", "Dijoux", "Lauret", "Ah-Sing", "Thiaw-Kine",
        "Fock-Yee", "Mussard", "Bègue", "Clain", "Turpin", "Ramoudou",
    ],
    "pacifique": [
        "Teriitehau", "Temaru", "Tauotaha", "Tehei", "Raapoto", "Teai", "Teuira", "Tuiho",
        "Néaoutyine", "Kaloi", "Poigoune", "Wahetra", "Naisseline", "Ukeiwé", "Wéma",
        "Pidjot", "Xowie", "Iekawé", "Tuugahala", "Lauhea", "Falelavaki", "Takaniko",
        "Tauvale", "Mulikihaamea",
    ],
    "spm": ["Detcheverry", "Girardin", "Claireaux", "Lebailly", "Apesteguy", "Disnard"],
    "maghreb": [
        "Benali", "Boukhalfa", "Haddad", "Cherif", "Belkacem", "Bouzid", "Amrani", "Ziani",
        "El Idrissi", "Bensaïd", "Mokrani", "Ait Kaci", "Lahlou", "Tahiri", "Ouahabi",
        "Zeroual", "Benchekroun", "Messaoudi", "Ben Youssef", "Triki", "Jaziri", "Hammami",
    ],
    "afrique": [
        "Diallo", "Traoré", "Konaté", "Camara", "Sissoko", "Keïta", "Coulibaly", "Diop",
        "Ndiaye", "Sy", "Fall", "Sow", "Ba", "Touré", "Cissé", "Kouyaté", "Dembélé", "Diakité",
        "Sangaré", "Bamba", "Kouassi", "Mensah", "Ouattara", "Sawadogo", "Zongo", "Gueye",
        "Niang", "Doumbia",
    ],
    "portugal": [
        "Pereira", "Rodrigues", "Fernandes", "Gonçalves", "Teixeira", "Carvalho", "Ferreira",
        "Sousa", "Mendes", "Marques", "Pinto", "Ribeiro", "Cardoso", "Azevedo", "Moreira",
        "Figueiredo", "Magalhães", "Tavares", "Cunha",
    ],
    "italie": [
        "Bianchi", "Esposito", "Ferrari", "Russo", "Colombo", "Ricci", "Greco", "Galli",
        "Conti", "De Luca", "Mancini", "Lombardi", "Moretti", "Barbieri", "Santoro", "Rinaldi",
        "Caruso", "Lo Presti", "Di Stefano", "Cavalli",
    ],
    "espagne": [
        "García", "Martínez", "Sánchez", "Pérez", "Gómez", "Ruiz", "Jiménez", "Álvarez",
        "Romero", "Navarro", "Domínguez", "Serrano", "Molina", "Ortega", "Delgado", "Castro",
        "Rubio", "Iglesias",
    ],
    "vietnam": [
        "Nguyen", "Tran", "Pham", "Hoang", "Phan", "Vu", "Dang", "Bui", "Ngo", "Duong",
        "Truong", "Huynh", "Dinh", "Trinh",
    ],
    "cambodge": [
        "Chhun", "Sok", "Chea", "Keo", "Meas", "Heng", "Pich", "Touch", "Khem", "Ouk", "Prak",
        "Chhay", "Seng", "Nhem",
    ],
    "chine": [
        "Wang", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Zhou", "Xu", "Zhu", "Lin",
        "Zheng", "Liang", "Cheung", "Wong",
    ],
    "turquie": [
        "Yılmaz", "Kaya", "Demir", "Çelik", "Aydın", "Öztürk", "Arslan", "Doğan", "Kılıç",
        "Aslan", "Çetin", "Koç", "Kurt", "Özdemir", "Polat", "Korkmaz",
    ],
    "pologne": [
        "Nowak", "Kowalski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński", "Szymański",
        "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur", "Krawczyk", "Grabowski",
        "Pawlak",
    ],
    "armenie": [
        "Petrossian", "Manoukian", "Hakopian", "Kevorkian", "Sarkissian", "Papazian",
        "Kazarian", "Boghossian", "Mardirossian", "Garabedian", "Karapetian", "Tchakerian",
    ],
    "comores": [
        "Said Ali", "Mohamed Soilihi", "Ahmed Abdallah", "Madi", "Djoumoi", "Ali Mbaé", "Mze",
        "Youssouf", "Abdourahamane", "Toiybou", "Msa", "Bacar", "Houmadi", "Chamassi",
    ],
    "haiti": [
        "Jean-Charles", "Pierre-Louis", "Saint-Fleur", "Dorvil", "Jean-Baptiste", "Célestin",
        "Métellus", "Jean-Gilles", "Polynice", "Dorcely", "Exantus", "Vilsaint", "Lafortune",
    ],
    "particule": [
        "de Lestrange", "d'Harcourt", "du Cheyron", "de La Villemarqué", "d'Aboville",
        "de Froidefond", "des Rotours", "de Chabannes", "de Gaudemaris", "de Lamberterie",
        "d'Ornano", "de Poulpiquet", "du Halgouët", "de Kerros", "Le Roy de la Tournelle",
    ],
}  # fmt: skip
GROUP_WEIGHTS = {
    "mots": 8, "courants": 14, "rares": 5, "breton": 6, "basque": 3, "alsacien": 3,
    "corse": 3, "occitan": 4, "antillais": 3, "reunion": 4, "pacifique": 3, "spm": 1,
    "maghreb": 7, "afrique": 6, "portugal": 4, "italie": 3, "espagne": 3, "vietnam": 2,
    "cambodge": 2, "chine": 2, "turquie": 2, "pologne": 2, "armenie": 2, "comores": 2,
    "haiti": 2, "particule": 2,
}  # fmt: skip
POLISH_FEMININE = {"ski": "ska", "cki": "cka"}

GIVEN_F = [
    "Monique", "Josiane", "Ginette", "Odette", "Colette", "Jacqueline", "Paulette", "Yvette",
    "Raymonde", "Marcelle", "Huguette", "Lucienne", "Simone", "Germaine", "Suzanne", "Gisèle",
    "Solange", "Micheline", "Denise", "Sylvie", "Nathalie", "Isabelle", "Valérie", "Christine",
    "Martine", "Brigitte", "Véronique", "Corinne", "Sandrine", "Karine", "Laurence", "Pascale",
    "Florence", "Muriel", "Fabienne", "Nadine", "Évelyne", "Aurélie", "Émilie", "Céline",
    "Élodie", "Audrey", "Mélanie", "Virginie", "Stéphanie", "Amandine", "Laetitia", "Marion",
    "Pauline", "Camille", "Anaïs", "Justine", "Morgane", "Jade", "Léa", "Inès", "Maëlys",
    "Chloé", "Manon", "Lina", "Zoé", "Louise", "Ambre", "Romane", "Lou", "Mila", "Capucine",
    "Margaux", "Agathe", "Éloïse", "Nolwenn", "Gwenaëlle", "Soizic", "Enora", "Klervi",
    "Maddalena", "Ghjulia", "Oihana", "Amaia", "Maïder", "Tiphaine", "Hinano", "Vaimiti",
    "Poerava", "Malia", "Sesilia", "Fatima", "Samia", "Nadia", "Khadija", "Amina", "Yasmina",
    "Leïla", "Souad", "Malika", "Naïma", "Aïcha", "Fatoumata", "Aminata", "Kadiatou", "Awa",
    "Ndeye", "Rokia", "Conceição", "Graça", "Francesca", "Pilar", "Rocío", "Thi Lan", "Linh",
    "Sophea", "Chanthou", "Mei", "Xiaoling", "Ayşe", "Elif", "Zeynep", "Agnieszka",
    "Małgorzata", "Anahit", "Lusine", "Nairi", "Zalifa", "Mariama", "Guerda", "Mirlande",
    "Widline", "Djamila", "Chérifa", "Kenza", "Marie-Thérèse", "Anne-Laure", "Marie-Noëlle",
]  # fmt: skip
GIVEN_M = [
    "Jean", "Pierre", "André", "René", "Marcel", "Roger", "Maurice", "Lucien", "Raymond",
    "Fernand", "Gaston", "Henri", "Georges", "Albert", "Émile", "Gilbert", "Roland", "Marius",
    "Philippe", "Patrick", "Michel", "Alain", "Christian", "Gérard", "Thierry", "Pascal",
    "Éric", "Didier", "Jean-Claude", "Jean-Marc", "Jean-Luc", "Hervé", "Serge", "Bruno",
    "Laurent", "Frédéric", "Olivier", "Stéphane", "Franck", "Jean-François", "Julien",
    "Sébastien", "Guillaume", "Jérôme", "Romain", "Mickaël", "Anthony", "Jonathan", "Damien",
    "Benoît", "Cédric", "Ludovic", "Florian", "Maxime", "Kévin", "Mathieu", "Léo", "Gabriel",
    "Raphaël", "Arthur", "Jules", "Adam", "Kylian", "Noah", "Sacha", "Timéo", "Nathan", "Enzo",
    "Mathis", "Ethan", "Mylan", "Nolan", "Gaspard", "Yann", "Erwan", "Gwenaël", "Loïc",
    "Ronan", "Iñaki", "Xabi", "Beñat", "Peio", "Ghjuvanni", "Petru", "Francescu", "Teiki",
    "Heiarii", "Manutea", "Petelo", "Soane", "Malakai", "Sosefo", "Mohamed", "Karim",
    "Rachid", "Mourad", "Samir", "Nabil", "Yacine", "Mehdi", "Bilal", "Sofiane", "Hichem",
    "Youssef", "Mamadou", "Moussa", "Ousmane", "Seydou", "Boubacar", "Abdoulaye", "Ibrahima",
    "Cheikh", "João", "António", "Rui", "Nuno", "Giuseppe", "Salvatore", "Javier", "Alejandro",
    "Minh", "Tuan", "Quang", "Sokha", "Vannak", "Dara", "Wei", "Jun", "Mehmet", "Mustafa",
    "Emre", "Piotr", "Tomasz", "Krzysztof", "Aram", "Hovhannes", "Vartan", "Anli", "Fritznel",
    "Wisly", "Jocelyn", "Jean-Wesner", "Pierre-Yves", "Marc-Antoine",
]  # fmt: skip

TITLES = {"m": ["M.", "M.", "Monsieur", "Mr", "M", "Dr", "Me", "monsieur"],
          "f": ["Mme", "Mme", "Madame", "Mme.", "Mlle", "Dr", "Me", "madame"]}  # fmt: skip
RANKS = [
    "le matelot", "l'adjudant-chef", "le caporal-chef", "le brigadier-chef", "le surveillant",
    "l'infirmier", "le lieutenant", "le patron pêcheur", "le conseiller", "l'ISP",
]  # fmt: skip

COMMUNES: list[tuple[str, str, str]] = [
    ("29200", "Brest", "m"), ("29000", "Quimper", "m"), ("22300", "Lannion", "m"),
    ("56100", "Lorient", "m"), ("29770", "Plogoff", "m"), ("29242", "Ouessant", "m"),
    ("22500", "Paimpol", "m"), ("29160", "Crozon", "m"), ("56340", "Carnac", "m"),
    ("64100", "Bayonne", "m"), ("64500", "Saint-Jean-de-Luz", "m"), ("64250", "Espelette", "m"),
    ("64220", "Saint-Jean-Pied-de-Port", "m"), ("64120", "Saint-Palais", "m"),
    ("64400", "Oloron-Sainte-Marie", "m"),
    ("64200", "Biarritz", "m"),
    ("67000", "Strasbourg", "m"),
    ("68000", "Colmar", "m"), ("68100", "Mulhouse", "m"), ("67600", "Sélestat", "m"),
    ("67500", "Haguenau", "m"), ("68340", "Riquewihr", "m"), ("67140", "Barr", "m"),
    ("68150", "Ribeauvillé", "m"), ("31000", "Toulouse", "m"), ("12000", "Rodez", "m"),
    ("81000", "Albi", "m"), ("46000", "Cahors", "m"), ("09000", "Foix", "m"),
    ("65000", "Tarbes", "m"), ("32000", "Auch", "m"), ("82000", "Montauban", "m"),
    ("34000", "Montpellier", "m"), ("30000", "Nîmes", "m"), ("11000", "Carcassonne", "m"),
    ("66000", "Perpignan", "m"), ("13003", "Marseille", "m"), ("84000", "Avignon", "m"),
    ("06000", "Nice", "m"), ("83000", "Toulon", "m"), ("04000", "Digne-les-Bains", "m"),
    ("05000", "Gap", "m"), ("38000", "Grenoble", "m"), ("73000", "Chambéry", "m"),
    ("74000", "Annecy", "m"), ("69007", "Lyon", "m"), ("42000", "Saint-Étienne", "m"),
    ("63000", "Clermont-Ferrand", "m"), ("15000", "Aurillac", "m"),
    ("43000", "Le Puy-en-Velay", "m"), ("03000", "Moulins", "m"), ("58000", "Nevers", "m"),
    ("21000", "Dijon", "m"), ("71100", "Chalon-sur-Saône", "m"), ("25000", "Besançon", "m"),
    ("39000", "Lons-le-Saunier", "m"), ("70000", "Vesoul", "m"), ("90000", "Belfort", "m"),
    ("88000", "Épinal", "m"), ("54000", "Nancy", "m"), ("57000", "Metz", "m"),
    ("55100", "Verdun", "m"), ("51100", "Reims", "m"), ("08000", "Charleville-Mézières", "m"),
    ("10000", "Troyes", "m"), ("52000", "Chaumont", "m"), ("02000", "Laon", "m"),
    ("60000", "Beauvais", "m"), ("80000", "Amiens", "m"), ("62000", "Arras", "m"),
    ("59000", "Lille", "m"), ("59140", "Dunkerque", "m"), ("62100", "Calais", "m"),
    ("76000", "Rouen", "m"), ("76600", "Le Havre", "m"), ("14000", "Caen", "m"),
    ("50100", "Cherbourg-en-Cotentin", "m"), ("61000", "Alençon", "m"), ("27000", "Évreux", "m"),
    ("28000", "Chartres", "m"), ("45000", "Orléans", "m"), ("41000", "Blois", "m"),
    ("37000", "Tours", "m"), ("18000", "Bourges", "m"), ("36000", "Châteauroux", "m"),
    ("86000", "Poitiers", "m"), ("79000", "Niort", "m"), ("17000", "La Rochelle", "m"),
    ("16000", "Angoulême", "m"), ("87000", "Limoges", "m"), ("23000", "Guéret", "m"),
    ("19000", "Tulle", "m"), ("24000", "Périgueux", "m"), ("33000", "Bordeaux", "m"),
    ("40000", "Mont-de-Marsan", "m"), ("47000", "Agen", "m"), ("44000", "Nantes", "m"),
    ("49000", "Angers", "m"), ("53000", "Laval", "m"), ("72000", "Le Mans", "m"),
    ("85000", "La Roche-sur-Yon", "m"), ("75011", "Paris", "m"), ("75019", "Paris", "m"),
    ("93200", "Saint-Denis", "m"), ("94000", "Créteil", "m"), ("92000", "Nanterre", "m"),
    ("95000", "Cergy", "m"), ("91000", "Évry-Courcouronnes", "m"), ("77000", "Melun", "m"),
    ("78000", "Versailles", "m"), ("48000", "Mende", "m"), ("12100", "Millau", "m"),
    ("46100", "Figeac", "m"), ("19100", "Brive-la-Gaillarde", "m"),
    ("24200", "Sarlat-la-Canéda", "m"), ("07200", "Aubenas", "m"), ("26000", "Valence", "m"),
    ("26110", "Nyons", "m"), ("84110", "Vaison-la-Romaine", "m"), ("05100", "Briançon", "m"),
    ("73700", "Bourg-Saint-Maurice", "m"), ("74400", "Chamonix-Mont-Blanc", "m"),
    ("01000", "Bourg-en-Bresse", "m"),
    ("39200", "Saint-Claude", "m"),
    ("25300", "Pontarlier", "m"),
    ("88400", "Gérardmer", "m"), ("57200", "Sarreguemines", "m"), ("57100", "Thionville", "m"),
    ("59300", "Valenciennes", "m"),
    ("62200", "Boulogne-sur-Mer", "m"),
    ("50400", "Granville", "m"),
    ("14400", "Bayeux", "m"), ("17310", "Saint-Pierre-d'Oléron", "m"),
    ("17410", "Saint-Martin-de-Ré", "m"), ("85350", "L'Île-d'Yeu", "m"),
    ("44600", "Saint-Nazaire", "m"), ("33120", "Arcachon", "m"), ("40200", "Mimizan", "m"),
    ("65100", "Lourdes", "m"), ("31800", "Saint-Gaudens", "m"), ("09200", "Saint-Girons", "m"),
    ("34200", "Sète", "m"),
    ("34300", "Agde", "m"),
    ("30700", "Uzès", "m"),
    ("13200", "Arles", "m"),
    ("13300", "Salon-de-Provence", "m"), ("06400", "Cannes", "m"), ("06500", "Menton", "m"),
    ("23200", "Aubusson", "m"), ("87200", "Saint-Junien", "m"), ("15100", "Saint-Flour", "m"),
    ("63500", "Issoire", "m"), ("43100", "Brioude", "m"), ("20000", "Ajaccio", "c"),
    ("20200", "Bastia", "c"), ("20250", "Corte", "c"), ("20260", "Calvi", "c"),
    ("20137", "Porto-Vecchio", "c"), ("20100", "Sartène", "c"), ("20217", "Saint-Florent", "c"),
    ("20220", "L'Île-Rousse", "c"), ("20114", "Figari", "c"), ("97400", "Saint-Denis", "d"),
    ("97410", "Saint-Pierre", "d"), ("97420", "Le Port", "d"), ("97430", "Le Tampon", "d"),
    ("97440", "Saint-André", "d"), ("97450", "Saint-Louis", "d"), ("97460", "Saint-Paul", "d"),
    ("97470", "Saint-Benoît", "d"), ("97480", "Saint-Joseph", "d"),
    ("97490", "Sainte-Clotilde", "d"), ("97413", "Cilaos", "d"), ("97433", "Salazie", "d"),
    ("97436", "Saint-Leu", "d"), ("97438", "Sainte-Marie", "d"), ("97100", "Basse-Terre", "d"),
    ("97110", "Pointe-à-Pitre", "d"), ("97122", "Baie-Mahault", "d"),
    ("97139", "Les Abymes", "d"), ("97200", "Fort-de-France", "d"), ("97232", "Le Lamentin", "d"),
    ("97220", "La Trinité", "d"), ("97300", "Cayenne", "d"), ("97310", "Kourou", "d"),
    ("97320", "Saint-Laurent-du-Maroni", "d"), ("97600", "Mamoudzou", "d"),
    ("97615", "Pamandzi", "d"),
    ("97500", "Saint-Pierre", "p"),
    ("97500", "Miquelon-Langlade", "p"),
    ("98600", "Mata-Utu", "p"), ("98620", "Sigave", "p"), ("98610", "Alo", "p"),
    ("98714", "Papeete", "p"), ("98800", "Nouméa", "p"), ("98835", "Dumbéa", "p"),
    ("98860", "Koné", "p"),
]  # fmt: skip
REUNION_PLACES = [
    "Bois de Nèfles",
    "La Montagne",
    "Ravine des Cabris",
    "Bellemène",
    "Piton Saint-Leu",
]
WALLIS_VILLAGES = [
    ("Liku", "98600", "Uvea"),
    ("Vailala", "98600", "Uvea"),
    ("Alele", "98600", "Uvea"),
    ("Poi", "98610", "Alo"),
    ("Leava", "98620", "Sigave"),
]

STREETS: list[tuple[str, str]] = [
    ("rue", "des Tanneurs"), ("rue", "du Couvent"), ("rue", "des Écoles"), ("rue", "de la Forge"),
    ("rue", "du Moulin à Vent"), ("rue", "des Cordiers"), ("rue", "de l'Abreuvoir"),
    ("rue", "des Trois Rois"), ("rue", "du Four Banal"), ("rue", "des Lavandières"),
    ("rue", "de la Poissonnerie"), ("rue", "des Capucins"), ("rue", "du Pressoir"),
    ("rue", "Jean Jaurès"), ("rue", "Émile Zola"), ("rue", "Paul Bert"), ("rue", "Louise Michel"),
    ("avenue", "de la Gare"), ("avenue", "des Tilleuls"), ("avenue", "du Maréchal Lyautey"),
    ("avenue", "de Verdun"), ("boulevard", "des Remparts"), ("boulevard", "de la Liberté"),
    ("chemin", "de la Croix Blanche"), ("chemin", "des Vignes"), ("chemin", "Ravine Blanche"),
    ("chemin", "des Pêcheurs"), ("impasse", "des Genêts"), ("impasse", "du Lavoir"),
    ("impasse", "des Hirondelles"), ("route", "de Kerhuel"), ("route", "de Saint-Palais"),
    ("route", "des Crêtes"), ("allée", "des Mimosas"), ("allée", "des Flamboyants"),
    ("allée", "des Peupliers"), ("place", "du Marché"), ("place", "de l'Église"),
    ("quai", "des Chalutiers"), ("quai", "de la Douane"), ("cours", "Lafayette"),
    ("sentier", "des Goémoniers"), ("rue", "Sainte-Catherine"), ("rue", "des Bouchers"),
    ("chemin", "Morne Rouge"), ("rue", "du Barachois"), ("rue", "de l'Étang"),
    ("rue", "Kléber"), ("rue", "des Jardiniers"), ("chemin", "de Halage"),
    ("ruelle", "des Orfèvres"), ("rue", "du Docteur Roux"), ("avenue", "Général de Gaulle"),
    ("rue", "Abbé Grégoire"), ("lotissement", "Les Hauts de Bellevue"),
]  # fmt: skip
ABBR = {"rue": "r.", "avenue": "av.", "boulevard": "bd", "chemin": "chem.", "impasse": "imp.",
        "route": "rte", "allée": "all.", "place": "pl.", "lotissement": "lot."}  # fmt: skip
RESIDENCES = ["Les Alizés", "Le Clos des Chênes", "Les Terrasses du Port", "Ker Avel",
              "Les Hauts de Cilaos", "Le Bellevue", "Les Mouettes", "Arc-en-Ciel"]  # fmt: skip
LIEUX_DITS = ["Kerhuel", "Le Bourg Neuf", "La Croix du Sud", "Menez Bras", "Larrun Borda",
              "Les Granges", "Pen ar Lan", "Le Mas de l'Oulle", "Haitzondo"]  # fmt: skip

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]  # fmt: skip
MONTHS_ABBR = ["janv.", "fév.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
               "nov.", "déc."]  # fmt: skip

PROVIDERS = ["gmail.com", "orange.fr", "free.fr", "laposte.net", "sfr.fr", "hotmail.fr",
             "yahoo.fr", "outlook.fr", "wanadoo.fr", "icloud.com", "proton.me", "mail.pf",
             "canl.nc", "live.fr", "gmx.fr", "neuf.fr"]  # fmt: skip
WORK_DOMAINS = ["intradef.gouv.fr", "justice.fr", "interieur.gouv.fr", "culture.gouv.fr",
                "chu-bordeaux.fr", "ac-reunion.fr", "ofpra.gouv.fr", "chu-brest.fr",
                "developpement-durable.gouv.fr", "afld.fr", "ac-normandie.fr", "sports.gouv.fr",
                "mer.gouv.fr", "chu-lille.fr", "agriculture.gouv.fr", "ac-corse.fr"]  # fmt: skip


def fold(text: str) -> str:
    """Lower case without accents, as in an e-mail address."""
    text = text.replace("ı", "i").replace("ł", "l").replace("Ł", "l")
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


# Persons ---------------------------------------------------------------------------------------


class Person:
    def __init__(self, rng: random.Random, gender: str) -> None:
        self.gender = gender
        groups = list(GROUP_WEIGHTS)
        group = rng.choices(groups, weights=[GROUP_WEIGHTS[g] for g in groups])[0]
        surname = rng.choice(SURNAMES[group])
        if gender == "f" and group == "pologne":
            for ending, feminine in POLISH_FEMININE.items():
                if surname.endswith(ending):
                    surname = surname[: -len(ending)] + feminine
        if rng.random() < 0.05 and group not in ("particule",):
            other = rng.choice(SURNAMES[rng.choice(["courants", "mots", "occitan", "breton"])])
            if other != surname and " " not in surname:
                surname = f"{surname}-{other}"
        self.surname = surname
        self.given = rng.choice(GIVEN_F if gender == "f" else GIVEN_M)
        self.birth_name = rng.choice(SURNAMES[rng.choice(["courants", "mots", "rares"])])

    def full(self) -> str:
        return f"{self.given} {self.surname}"

    def upper_surname(self) -> str:
        return self.surname.upper()


def name_parts(rng: random.Random, person: Person, form: str) -> list[Part]:
    title = rng.choice(TITLES[person.gender])
    if form == "any":
        form = rng.choices(
            ["full", "cap", "gcap", "title", "titlefull", "given", "low", "init", "surname"],
            weights=[30, 14, 8, 14, 8, 6, 6, 5, 4],
        )[0]
    if form == "full":
        return [(person.full(), "personne")]
    if form == "cap":
        return [(f"{person.upper_surname()} {person.given}", "personne")]
    if form == "gcap":
        return [(f"{person.given} {person.upper_surname()}", "personne")]
    if form == "title":
        return [(title + " ", None), (person.surname, "personne")]
    if form == "titlefull":
        return [(title + " ", None), (person.full(), "personne")]
    if form == "given":
        return [(person.given, "personne")]
    if form == "surname":
        return [(person.surname, "personne")]
    if form == "low":
        return [(person.full().lower(), "personne")]
    if form == "init":
        if rng.random() < 0.5:
            return [(f"{person.given[0]}. {person.surname}", "personne")]
        return [(f"{person.surname} {person.given[0]}.", "personne")]
    if form == "rank":
        return [(rng.choice(RANKS) + " ", None), (person.surname, "personne")]
    if form == "nee":
        return [
            (person.full(), "personne"),
            (
                rng.choice([" née ", " épouse ", ", née "]) if person.gender == "f" else " dit ",
                None,
            ),
            (person.birth_name, "personne"),
        ]
    raise ValueError(form)


def email_of(rng: random.Random, person: Person, work: bool = False) -> str:
    given = re.sub(r"[^a-z\-]", "", fold(person.given).replace(" ", "-"))
    surname = re.sub(r"[^a-z\-]", "", fold(person.surname).replace(" ", "-").replace("'", ""))
    if work:
        return f"{given}.{surname}@{rng.choice(WORK_DOMAINS)}"
    shape = rng.randrange(9)
    year = rng.choice(["", str(rng.randint(60, 99)), str(rng.randint(1, 99)).zfill(2)])
    local = [
        f"{given}.{surname}",
        f"{given[0]}{surname}",
        f"{given}_{surname}{year}",
        f"{surname}.{given}",
        f"{given}-{surname}",
        f"{given}.{surname[0]}{year}",
        f"{surname}{given[0]}{year}",
        f"{given}{year}",
        f"{given}.{surname}{year}",
    ][shape].replace("--", "-")
    return f"{local}@{rng.choice(PROVIDERS)}"


# Identifiers -----------------------------------------------------------------------------------


def _d(rng: random.Random, count: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(count))


def phone(rng: random.Random, kind: str = "any") -> str:
    if kind == "any":
        kind = rng.choices(["mob", "fix", "dom", "far"], weights=[55, 22, 15, 8])[0]
    if kind == "mob":
        digits = rng.choice(["06", "07"]) + _d(rng, 8)
    elif kind == "fix":
        digits = rng.choice(["01", "02", "03", "04", "05", "09"]) + _d(rng, 8)
    elif kind == "dom":
        digits = rng.choice(["0690", "0691", "0696", "0694", "0692", "0693", "0639", "0262",
                             "0590", "0596", "0269"]) + _d(rng, 6)  # fmt: skip
    else:
        territories = [
            ("+508", "41" + _d(rng, 4)),  # Saint-Pierre-et-Miquelon
            ("+508", "55" + _d(rng, 4)),
            ("+681", "72" + _d(rng, 4)),  # Wallis-et-Futuna
            ("+681", "82" + _d(rng, 4)),
            ("+689", "87" + _d(rng, 6)),  # Polynesia
            ("+687", "7" + _d(rng, 5)),  # New Caledonia
        ]
        code, rest = rng.choice(territories)
        if rng.random() < 0.5:
            return f"{code} {' '.join(rest[i : i + 2] for i in range(0, len(rest), 2))}"
        return f"({code}) {rest}"
    pairs = [digits[i : i + 2] for i in range(0, 10, 2)]
    layout = rng.randrange(9)
    if layout == 0:
        return " ".join(pairs)
    if layout == 1:
        return ".".join(pairs)
    if layout == 2:
        return "-".join(pairs)
    if layout == 3:
        return digits
    if layout == 4:
        return "+33 " + digits[1] + " " + " ".join(pairs[1:])
    if layout == 5:
        return "+33" + digits[1:]
    if layout == 6:
        return "0033 " + digits[1] + " " + " ".join(pairs[1:])
    if layout == 7:
        return "+33 (0)" + digits[1] + " " + " ".join(pairs[1:])
    return " ".join(pairs[:1]) + " " + "".join(pairs[1:3]) + " " + "".join(pairs[3:])


def birth_date(rng: random.Random, form: str = "any", young: bool = False) -> str:
    year = rng.randint(2008, 2021) if young else rng.randint(1938, 2004)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    if form == "any":
        form = rng.choice(["slash", "slash", "txt", "txt", "short", "iso", "compact", "dots",
                           "dash", "nopad", "abbr", "yy", "first", "ddmmyyyy"])  # fmt: skip
    if form == "first":
        day = 1
        form = rng.choice(["txt", "txt80"])
    daytxt = "1er" if day == 1 else str(day)
    if form == "slash":
        return f"{day:02d}/{month:02d}/{year}"
    if form == "txt":
        return f"{daytxt} {MONTHS[month - 1]} {year}"
    if form == "txt80":
        return f"{daytxt} {MONTHS[month - 1]} {str(year)[2:]}"
    if form == "short":
        return f"{day:02d}/{month:02d}/{str(year)[2:]}"
    if form == "iso":
        return f"{year}-{month:02d}-{day:02d}"
    if form == "compact":
        return f"{year}{month:02d}{day:02d}"
    if form == "ddmmyyyy":
        return f"{day:02d}{month:02d}{year}"
    if form == "dots":
        return f"{day:02d}.{month:02d}.{year}"
    if form == "dash":
        return f"{day:02d}-{month:02d}-{year}"
    if form == "nopad":
        return f"{day}/{month}/{year}"
    if form == "abbr":
        return f"{daytxt} {MONTHS_ABBR[month - 1]} {year}"
    if form == "yy":
        return f"{daytxt} {MONTHS[month - 1]} {str(year)[2:]}"
    if form == "year":
        return str(year)
    if form == "monthyear":
        return f"{MONTHS[month - 1]} {year}"
    raise ValueError(form)


def nir(rng: random.Random, gender: str) -> str:
    sex = "1" if gender == "m" else "2"
    year, month = rng.randint(40, 99), rng.randint(1, 12)
    place = rng.choices(["metro", "corse", "dom", "abroad"], weights=[60, 12, 16, 12])[0]
    if place == "metro":
        dept = f"{rng.randint(1, 95):02d}"
        if dept == "20":
            dept = "21"
        where = dept + f"{rng.randint(1, 600):03d}"
    elif place == "corse":
        where = rng.choice(["2A", "2B"]) + f"{rng.randint(1, 360):03d}"
    elif place == "dom":
        where = rng.choice(["971", "972", "973", "974", "976"]) + f"{rng.randint(1, 34):02d}"
    else:
        where = "99" + rng.choice(["350", "352", "139", "134", "127", "109", "241", "243", "351"])
    body = f"{sex}{year:02d}{month:02d}{where}{rng.randint(1, 999):03d}"
    key = 97 - _nir_number(body) % 97
    compact = f"{body}{key:02d}"
    layout = rng.randrange(4)
    if layout == 0:
        return compact
    if layout == 1:
        c = compact
        return f"{c[0]} {c[1:3]} {c[3:5]} {c[5:7]} {c[7:10]} {c[10:13]} {c[13:]}"
    if layout == 2:
        return f"{compact[:13]} {compact[13:]}"
    c = compact
    return f"{c[0]} {c[1:3]} {c[3:5]} {c[5:10]} {c[10:13]} {c[13:]}"


def _rib_key(bank: str, branch: str, account: str) -> str:
    return f"{97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97:02d}"


def _es_dc(digits: str) -> str:
    weights = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]
    value = 11 - sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
    return str({11: 0, 10: 1}.get(value, value))


def iban(rng: random.Random, kind: str = "any") -> str:
    if kind == "any":
        kind = rng.choices(["FR", "MC", "DE", "BE", "ES", "PT", "NL", "LU"],
                           weights=[60, 3, 8, 8, 7, 8, 3, 3])[0]  # fmt: skip
    if kind in ("FR", "MC"):
        bank = rng.choice(["30004", "30003", "20041", "10278", "16606", "13335", "11899",
                           "12135", "18315", "14707", "17515", "19106"])  # fmt: skip
        branch, account = _d(rng, 5), _d(rng, 11)
        value = _iban(kind, bank + branch + account + _rib_key(bank, branch, account))
    elif kind == "DE":
        value = _iban("DE", _d(rng, 8) + _d(rng, 10))
    elif kind == "BE":
        first = str(rng.randint(1, 9)) + _d(rng, 9)
        check = int(first) % 97 or 97
        value = _iban("BE", f"{first}{check:02d}")
    elif kind == "ES":
        bank, branch, account = _d(rng, 4), _d(rng, 4), _d(rng, 10)
        value = _iban(
            "ES", bank + branch + _es_dc("00" + bank + branch) + _es_dc(account) + account
        )
    elif kind == "PT":
        body = "0035" + _d(rng, 4) + _d(rng, 11)
        key = 98 - (int(body) * 100) % 97
        value = _iban("PT", f"{body}{key:02d}")
    elif kind == "NL":
        while True:
            account = str(rng.randint(1, 9)) + _d(rng, 9)
            if sum(int(d) * w for d, w in zip(account, range(10, 0, -1), strict=True)) % 11 == 0:
                break
        value = _iban("NL", rng.choice(["INGB", "RABO", "ABNA"]) + account)
    else:
        value = _iban("LU", _d(rng, 3) + _d(rng, 13))
    layout = rng.choices(["grouped", "compact", "lower"], weights=[65, 25, 10])[0]
    if layout == "compact":
        return value
    grouped = " ".join(value[i : i + 4] for i in range(0, len(value), 4))
    return grouped.lower() if layout == "lower" else grouped


def card(rng: random.Random) -> str:
    kind = rng.choices(["visa", "cb", "mc", "mc2", "amex"], weights=[35, 20, 25, 8, 12])[0]
    if kind == "amex":
        number = _luhn_complete(rng.choice(["34", "37"]) + _d(rng, 12))
        sep = rng.choice([" ", "", "-"])
        return sep.join([number[:4], number[4:10], number[10:]])
    prefix = {"visa": "4" + _d(rng, 3), "cb": "4970", "mc": str(rng.randint(51, 55)) + _d(rng, 2),
              "mc2": str(rng.randint(2221, 2720))}[kind]  # fmt: skip
    number = _luhn_complete(prefix + _d(rng, 11))
    sep = rng.choice([" ", " ", "", "-", "."])
    return sep.join(number[i : i + 4] for i in range(0, 16, 4))


def address(rng: random.Random, form: str = "any") -> str:
    if form == "any":
        form = rng.choices(
            ["plain", "nonum", "multi", "res", "ld", "bp", "low", "abbr", "three", "upper",
             "dom", "wallis", "spm", "a", "pac"],
            weights=[24, 10, 10, 7, 5, 4, 6, 7, 5, 3, 9, 3, 3, 4, 3],
        )[0]  # fmt: skip
    kinds = {"dom": "d", "wallis": "p", "spm": "p"}
    pool = [c for c in COMMUNES if c[2] in (kinds.get(form, "mcd"))]
    if form == "spm":
        pool = [c for c in COMMUNES if c[0] == "97500"]
    if form == "pac":
        pool = [c for c in COMMUNES if c[0].startswith(("987", "988"))]
    cp, commune, _ = rng.choice(pool)
    kind, street_name = rng.choice(STREETS)
    street = f"{kind} {street_name}"
    number = str(rng.randint(1, 184))
    if rng.random() < 0.12:
        number += rng.choice([" bis", " ter", "B", " A"])
    if form == "plain":
        return f"{number} {street}{rng.choice([', ', ' ', ' - '])}{cp} {commune}"
    if form == "nonum":
        return f"{street[0].upper()}{street[1:]}, {cp} {commune}"
    if form == "multi":
        return f"{number} {street}\n{cp} {commune}"
    if form == "res":
        return (f"Résidence {rng.choice(RESIDENCES)}, bât. {rng.choice('ABCDEF')}, "
                f"{rng.choice(['appt', 'apt', 'appartement'])} {rng.randint(1, 64)}, "
                f"{number} {street}, {cp} {commune}")  # fmt: skip
    if form == "ld":
        return f"lieu-dit {rng.choice(LIEUX_DITS)}, {cp} {commune}"
    if form == "bp":
        return f"BP {rng.randint(10, 2999)}, {cp} {commune}"
    if form == "low":
        return f"{number} {street} {cp} {commune}".lower()
    if form == "abbr":
        return f"{number} {ABBR.get(kind, kind)} {street_name}, {cp} {commune}"
    if form == "three":
        first = rng.choice(["Appartement", "Escalier", "Chez"])
        second = rng.choice(["B", "4", "12", "Mme Veuve Pons"])
        return f"{first} {second}\n{number} {street}\n{cp} {commune}"
    if form == "upper":
        return f"{number} {street}\n{cp} {commune}".upper()
    if form == "dom":
        if cp.startswith("974") and rng.random() < 0.5:
            return f"{number} {street}, {rng.choice(REUNION_PLACES)}, {cp} {commune}"
        return f"{number} {street}, {cp} {commune}"
    if form == "wallis":
        village, wcp, district = rng.choice(WALLIS_VILLAGES)
        return f"village de {village}, {wcp} {district}"
    if form in ("spm", "pac"):
        return f"{number} {street}, {cp} {commune}"
    return f"{number} {street} à {commune}"


def luhn_file_number(rng: random.Random) -> str:
    return _luhn_complete(rng.choice(["2024", "2025", "1300", "7700"]) + _d(rng, 11))


def siret(rng: random.Random) -> str:
    siren = _luhn_complete(_d(rng, 8))
    return siren + _luhn_complete(siren + _d(rng, 4))[9:]


# Topics: predicates said of a person, agreed with {masculine|feminine} -----------------------

PREDICATES: dict[str, list[str]] = {
    "sante": [
        "est en arrêt maladie depuis trois semaines",
        "a été {hospitalisé|hospitalisée} en psychiatrie",
        "fait des crises d'épilepsie", "est sous traitement antirétroviral",
        "a un cancer du pancréas", "est {suivi|suivie} pour une dépression sévère",
        "a fait un AVC en mars", "est {insulinodépendant|insulinodépendante}",
        "souffre d'une sclérose en plaques", "est {séropositif|séropositive}",
        "a été {opéré|opérée} du cœur cet hiver", "bénéficie d'une RQTH",
        "est en mi-temps thérapeutique", "a un trouble bipolaire", "a une hépatite C",
        "est {dialysé|dialysée} trois fois par semaine", "a fait une tentative de suicide",
        "souffre d'anorexie", "est {suivi|suivie} en addictologie",
        "a été {déclaré|déclarée} inapte par le médecin du travail", "prend des antidépresseurs",
        "a la maladie de Crohn", "a un syndrome de stress post-traumatique",
        "est en congé de longue maladie", "a la tuberculose", "vit avec un handicap moteur",
        "a un diabète de type 2", "est {asthmatique|asthmatique} sévère",
    ],
    "religion": [
        "est {musulman|musulmane} {pratiquant|pratiquante}", "fait le ramadan",
        "va à la messe tous les dimanches", "porte la kippa",
        "est {témoin|témoin} de Jéhovah", "fréquente la mosquée du quartier",
        "est {protestant|protestante}", "s'est {converti|convertie} à l'islam",
        "est {bouddhiste|bouddhiste}", "est {catholique|catholique} {pratiquant|pratiquante}",
        "fait shabbat",
        "est {évangélique|évangélique}",
        "est {adventiste|adventiste} du septième jour",
        "porte le voile", "prie cinq fois par jour", "pratique l'hindouisme",
        "a fait son pèlerinage à La Mecque", "est {athée|athée}", "fréquente le temple protestant",
        "est {orthodoxe|orthodoxe}", "porte le turban sikh", "fait carême",
        "est {mormon|mormone}", "célèbre Pessah en famille",
        "est {pasteur|pasteure} d'une église évangélique", "est {diacre|diacre} dans sa paroisse",
        "se rend chaque année à Lourdes en pèlerinage",
    ],
    "opinion_politique": [
        "est {encarté|encartée} au Parti socialiste", "milite chez Les Républicains",
        "est {adhérent|adhérente} de La France insoumise", "vote Rassemblement national",
        "a voté pour l'indépendance au référendum", "soutient le FLNKS",
        "est {militant|militante} écologiste chez EELV", "colle des affiches pour Renaissance",
        "est {sympathisant|sympathisante} d'extrême droite", "est {communiste|communiste}",
        "a manifesté contre la réforme des retraites", "est {anarchiste|anarchiste}",
        "est {royaliste|royaliste}", "milite pour l'autonomie de la Corse",
        "est {proche|proche} de Reconquête", "distribue des tracts du NPA",
        "est {militant|militante} du Parti animaliste", "participe aux réunions de Lutte ouvrière",
        "est {membre|membre} du MoDem", "est {engagé|engagée} chez les Jeunes avec Macron",
        "soutient le mouvement indépendantiste kanak", "a adhéré à Horizons",
        "se présente sous l'étiquette Debout la France", "est {trotskiste|trotskiste}",
        "a tenu un stand pour le Parti radical de gauche",
        "est {candidat|candidate} sur la liste Union de la gauche",
    ],
    "syndicat": [
        "est {syndiqué|syndiquée} à la CGT", "est {délégué|déléguée} FO",
        "est {élu|élue} SUD au CSA ministériel", "a une décharge syndicale UNSA",
        "est {adhérent|adhérente} de la CFDT", "milite à Solidaires",
        "est {secrétaire|secrétaire} de section du SNES-FSU",
        "est {représentant|représentante} CFE-CGC",
        "figure sur la liste CFTC aux élections professionnelles",
        "est {mandaté|mandatée} par la FSU",
        "siège en CAP pour le SGEN-CFDT", "est au bureau du SNUipp", "cotise au SNPTES",
        "est {candidat|candidate} FO au comité social d'administration",
        "adhère à l'UFAP-UNSA Justice",
        "est {militant|militante} CGT Culture", "est {délégué|déléguée} CGT des marins",
        "a rejoint le SNALC", "est {élu|élue} Sud Santé au CHU", "a pris sa carte à la CNT",
        "siège au bureau de FO Finances", "est {trésorier|trésorière} de la section CFDT",
        "est {adhérent|adhérente} du SNMSU-UNSA", "est {syndiqué|syndiquée} au STC",
        "est {délégué|déléguée} de l'USTKE", "est {permanent|permanente} à l'UNSA Défense",
    ],
    "origine": [
        "est d'origine comorienne", "est d'origine kabyle", "est {né|née} de parents haïtiens",
        "est {issu|issue} de la communauté gitane", "a des origines arméniennes",
        "est d'origine malienne", "est {métis|métisse}", "vient d'une famille sénégalaise",
        "est {wallisien|wallisienne} d'origine", "est d'origine vietnamienne",
        "parle créole avec ses parents", "est {rom|rom}", "est d'origine turque",
        "a la double nationalité franco-algérienne", "est d'ascendance cambodgienne",
        "est {arabe|arabe}", "est d'origine portugaise", "a la peau noire",
        "est d'origine polonaise", "a des origines chinoises", "est d'origine afghane",
        "est {tamoul|tamoule}", "appartient à la communauté peule", "est d'origine malgache",
        "est {zoreil|zoreille}", "est {berbère|berbère}",
    ],
    "vie_sexuelle": [
        "est {gay|lesbienne}", "est {bisexuel|bisexuelle}", "vit avec {son compagnon|sa compagne}",
        "est {pacsé avec un homme|pacsée avec une femme}", "a une liaison avec un collègue marié",
        "fréquente des clubs échangistes", "est {transgenre|transgenre}",
        "a entamé une transition de genre", "est {asexuel|asexuelle}",
        "a une relation extraconjugale", "est {homosexuel|homosexuelle}",
        "est en couple avec {un homme|une femme}", "est {marié|mariée} à {un homme|une femme}",
        "est {non binaire|non binaire}",
        "a fait son coming out",
        "est {polyamoureux|polyamoureuse}",
        "trompe {sa femme|son mari}", "a eu une aventure avec une stagiaire",
        "se travestit le week-end", "est {pansexuel|pansexuelle}", "a des partenaires multiples",
        "a obtenu le changement de la mention du sexe à l'état civil",
        "sort avec {un garçon|une fille} de sa classe",
        "a rencontré {son partenaire dans un sauna gay|sa partenaire dans un bar lesbien}",
        "a quitté {sa femme pour un homme|son mari pour une femme}",
    ],
    "genetique_biometrie": [
        "est {porteur|porteuse} de la mutation BRCA1", "a fait un test de paternité génétique",
        "est {atteint|atteinte} de drépanocytose",
        "est {porteur|porteuse} du gène de la maladie de Huntington",
        "a fait relever ses empreintes digitales pour le badge",
        "a enregistré son visage pour le contrôle d'accès",
        "utilise la reconnaissance de l'iris pour entrer en zone sécurisée",
        "a fait séquencer son génome", "a un test génétique positif au syndrome de Lynch",
        "est {porteur|porteuse} d'une hémophilie B", "a une amyotrophie spinale",
        "a fait analyser son ADN sur MyHeritage", "a une translocation chromosomique équilibrée",
        "a donné son empreinte palmaire pour la cantine",
        "a enrôlé sa voix pour l'authentification téléphonique",
        "est {porteur sain|porteuse saine} de la thalassémie", "a une neurofibromatose de type 1",
        "a eu un diagnostic génétique de polykystose rénale", "a fait un test ADN de généalogie",
        "a donné ses empreintes pour la pointeuse biométrique", "a une anomalie du gène CFTR",
        "a une maladie de Steinert", "a un profil génétique à risque de cancer du côlon",
        "a son gabarit facial enregistré dans PARAFE",
    ],
    "infraction": [
        "a été {condamné|condamnée} pour conduite en état d'ivresse",
        "a un casier judiciaire chargé",
        "a été {placé|placée} en garde à vue", "est {incarcéré|incarcérée} à la maison d'arrêt",
        "a été {flashé|flashée} à 152 km/h", "a été {interpellé|interpellée} pour vol à l'étalage",
        "purge une peine de deux ans", "est sous bracelet électronique",
        "a été {mis|mise} en examen pour escroquerie", "a un sursis probatoire",
        "a été {contrôlé|contrôlée} positif au cannabis au volant",
        "a fait l'objet d'un rappel à la loi",
        "a été {verbalisé|verbalisée} pour pêche illégale de langoustes",
        "a été {condamné|condamnée} pour violences conjugales",
        "est {fiché|fichée} pour trafic de stupéfiants", "a fait de la prison pour cambriolage",
        "a été {jugé|jugée} par le tribunal pour enfants pour recel",
        "a été {déféré|déférée} au parquet", "a écopé d'une amende pour outrage à agent",
        "a commis un délit de fuite", "doit pointer au commissariat chaque semaine",
        "a fraudé aux prestations sociales", "a eu son permis annulé pour alcoolémie",
        "a volé dans la caisse de la régie", "a été {condamné|condamnée} pour harcèlement moral",
        "est en détention provisoire",
    ],
}  # fmt: skip
TOPICS = list(PREDICATES)

FIRST_PERSON = {
    "est": "suis", "a": "ai", "vit": "vis", "fait": "fais", "va": "vais", "vient": "viens",
    "doit": "dois", "purge": "purge", "sort": "sors", "prend": "prends",
}  # fmt: skip
AGREE = re.compile(r"\{([^{}|]*)\|([^{}|]*)\}")
CHOICE = re.compile(r"\(\(([^()]*)\)\)")
SLOT = re.compile(r"<([A-Z][A-Z0-9]*)(?::([a-z0-9]+))?>")
VOWELS = "AEIOUYÉÈÊÂÎÔaeiouyéèêâîôh"


def agree(text: str, gender: str) -> str:
    return AGREE.sub(lambda m: m.group(1) if gender == "m" else m.group(2), text)


def first_person(predicate: str) -> tuple[str, str]:
    """The subject pronoun and the predicate in the first person ("je", "suis malade")."""
    if predicate.startswith("s'est "):
        return "je ", "me suis " + predicate[6:]
    if predicate.startswith("se "):
        verb, _, rest = predicate[3:].partition(" ")
        verb = {"rend": "rends", "travestit": "travestis"}.get(verb, verb)
        return "je ", f"me {verb} {rest}"
    verb, _, rest = predicate.partition(" ")
    verb = FIRST_PERSON.get(verb, verb)
    predicate = f"{verb} {rest}".replace(" ses parents", " mes parents")
    predicate = re.sub(r"\bson (compagnon|mari|partenaire)\b", r"mon \1", predicate)
    predicate = re.sub(
        r"\bsa (compagne|femme|partenaire|paroisse|classe|carte)\b", r"ma \1", predicate
    )
    predicate = re.sub(r"\bses empreintes\b", "mes empreintes", predicate)
    predicate = re.sub(r"\bson (visage|génome|ADN|empreinte|gabarit|pèlerinage|coming|permis)\b",
                       r"mon \1", predicate)  # fmt: skip
    predicate = re.sub(r"\bsa voix\b", "ma voix", predicate)
    return ("j'" if verb[0] in VOWELS else "je "), predicate


# Look-alike fillers (never labelled) -------------------------------------------------------------

ADMINISTRATIONS = [
    ("Préfecture du Finistère, bureau des cultes", "29320", "Quimper Cedex"),
    ("DIRM Nord Atlantique-Manche Ouest", "44035", "Nantes Cedex 1"),
    ("Rectorat de La Réunion, service de santé scolaire", "97744", "Saint-Denis Cedex 9"),
    ("CHU, comité d'éthique de la recherche", "33076", "Bordeaux Cedex"),
    ("DRAC Occitanie", "31080", "Toulouse Cedex 6"),
    ("Tribunal judiciaire, tribunal pour enfants", "64109", "Bayonne Cedex"),
    ("Préfecture de Saint-Pierre-et-Miquelon", "97500", "Saint-Pierre"),
    ("Service territorial de santé", "98600", "Mata-Utu"),
    ("Direction des affaires maritimes", "97500", "Saint-Pierre"),
    ("Laboratoire de police scientifique", "69134", "Écully Cedex"),
]  # fmt: skip
OFFICE_STREETS = ["rue Jean Moulin", "boulevard du Général de Gaulle", "place Aimé Césaire",
                  "avenue Victor Hugo", "rue Louis Pasteur", "quai Paul Doumer",
                  "rue du Président Wilson", "allée Simone Veil"]  # fmt: skip
MAILBOXES = ["cultes", "elections", "usmp.secretariat", "comite.ethique", "accueil", "dpo",
             "rh-handicap", "greffe.tpe", "medecine.preventive", "antidopage", "dialogue.social",
             "affaires.maritimes", "scolarite", "bailleur.reclamations"]  # fmt: skip
MAIL_DOMAINS = ["finistere.gouv.fr", "justice.fr", "chu-bordeaux.fr", "ac-reunion.fr",
                "mairie-espelette.fr", "culture.gouv.fr", "spm975.gouv.fr", "afld.fr",
                "sarlat.fr", "habitat-sud.fr"]  # fmt: skip


def _pairs(digits: str) -> str:
    return " ".join(digits[i : i + 2] for i in range(0, len(digits), 2))


def _date(rng: random.Random) -> str:
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2019, 2027)
    if rng.random() < 0.5:
        return f"{day:02d}/{month:02d}/{year}"
    return f"{'1er' if day == 1 else day} {MONTHS[month - 1]} {year}"


def filler(rng: random.Random, name: str) -> str:
    if name == "COM":
        return rng.choice(COMMUNES)[1]
    if name == "NUM":
        return f"{rng.randint(2019, 2026)}-{rng.randint(1, 999):03d}"
    if name == "DOS":
        return f"{rng.choice(['DOS', 'MP', 'SUB', 'AO'])}-{rng.randint(2020, 2026)}-{_d(rng, 5)}"
    if name == "LUHN":
        number = luhn_file_number(rng)
        return rng.choice([number, " ".join(number[i : i + 4] for i in range(0, 16, 4))])
    if name == "ORD":
        return "0" + _d(rng, 9)
    if name == "SIRET":
        value = siret(rng)
        return rng.choice([value, f"{value[:3]} {value[3:6]} {value[6:9]} {value[9:]}"])
    if name == "SIREN":
        return _luhn_complete(_d(rng, 8))
    if name == "STD":
        return _pairs(rng.choice(["02", "05", "04", "03"]) + _d(rng, 8))
    if name == "FMAIL":
        return f"{rng.choice(MAILBOXES)}@{rng.choice(MAIL_DOMAINS)}"
    if name == "OADR":
        office, cp, city = rng.choice(ADMINISTRATIONS)
        return (f"{office}, {rng.randint(1, 40)} {rng.choice(OFFICE_STREETS)}, "
                f"CS {rng.randint(10000, 99999)}, {cp} {city}")  # fmt: skip
    if name == "DATE":
        return _date(rng)
    if name == "UAI":
        prefix = rng.choice(["029", "974", "064", "620", "2A0"])
        digits = _d(rng, 4)
        return f"{prefix}{digits}{rng.choice('ABCKLMRTX')}"
    if name == "TIBAN":
        bank, branch, account = (
            "10071",
            rng.choice(["29000", "97400", "64000"]),
            "000010" + _d(rng, 5),
        )
        value = _iban("FR", bank + branch + account + _rib_key(bank, branch, account))
        return " ".join(value[i : i + 4] for i in range(0, len(value), 4))
    raise KeyError(name)


# Rendering ---------------------------------------------------------------------------------------

NAME_FORMS = {
    "P": "any", "PN": "full", "PC": "cap", "PGC": "gcap", "PT": "title", "PTF": "titlefull",
    "PG": "given", "PS": "surname", "PL": "low", "PI": "init", "PR": "rank", "PNEE": "nee",
}  # fmt: skip


class Sentence:
    def __init__(self, rng: random.Random, gender: str, topic: str | None) -> None:
        self.rng = rng
        self.gender = gender
        self.topic = topic
        self.people = [
            Person(rng, gender),
            Person(rng, rng.choice("mf")),
            Person(rng, rng.choice("mf")),
        ]
        self.predicate = agree(rng.choice(PREDICATES[topic]), gender) if topic else ""

    def slot(self, name: str, mod: str | None) -> list[Part]:
        rng = self.rng
        base, index = (name[:-1], int(name[-1]) - 1) if name[-1].isdigit() else (name, 0)
        person = self.people[index]
        if base in NAME_FORMS:
            return name_parts(rng, person, NAME_FORMS[base])
        if base == "EM":
            return [(email_of(rng, person), "email")]
        if base == "EMW":
            return [(email_of(rng, person, work=True), "email")]
        if base == "TEL":
            return [(phone(rng, mod or "any"), "telephone")]
        if base == "ADR":
            return [(address(rng, mod or "any"), "adresse")]
        if base == "DDN":
            return [(birth_date(rng, mod or "any", young=False), "date_naissance")]
        if base == "DDNY":
            return [(birth_date(rng, mod or "any", young=True), "date_naissance")]
        if base == "NIR":
            return [(nir(rng, person.gender), "nir")]
        if base == "IBAN":
            kind = mod.upper() if mod else "any"
            if kind == "X":
                kind = rng.choice(["DE", "BE", "ES", "PT", "NL", "LU"])
            return [(iban(rng, kind), "iban")]
        if base == "CB":
            return [(card(rng), "carte")]
        if base == "T":
            assert self.topic is not None
            return [(self.predicate, self.topic)]
        if base == "TJ":  # first person: the pronoun stays outside the span
            assert self.topic is not None
            pronoun, said = first_person(self.predicate)
            return [(pronoun, None), (said, self.topic)]
        return [(filler(rng, name), None)]


def _elide(parts: list[Part]) -> list[Part]:
    """ "de Aurélie" -> "d'Aurélie", "que il" is never written: templates use qu'{il|elle}."""
    out: list[Part] = []
    for value, category in parts:
        if out and category is not None and value[:1] in VOWELS and value[:1] != "h":
            previous, previous_cat = out[-1]
            if previous_cat is None and re.search(r"(^|\s)(de|que|De|Que) $", previous):
                out[-1] = (previous[:-2] + "'", None)
        out.append((value, category))
    return out


def render(
    rng: random.Random, template: str, topic: str | None, decorate: bool
) -> tuple[str, list[Span]]:
    gender = rng.choice("mf")
    if template[:2] in ("F|", "M|"):
        gender, template = template[0].lower(), template[2:]
    sentence = Sentence(rng, gender, topic)
    while CHOICE.search(template):
        template = CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), template)
    template = agree(template, gender)
    if decorate:
        template = rng.choice(OPENERS) + template + rng.choice(CLOSERS)
    parts: list[Part] = []
    position = 0
    for match in SLOT.finditer(template):
        if match.start() > position:
            parts.append((template[position : match.start()], None))
        parts.extend(sentence.slot(match.group(1), match.group(2)))
        position = match.end()
    if position < len(template):
        parts.append((template[position:], None))
    return assemble(_elide(parts))


OPENERS = ["", "", "", "Bonjour. ", "Bonjour,\n", "Rebonjour. ", "Salut ! ", "Une question. ",
           "Hello, petite question.\n", "Pour info : ", "Question du jour. "]  # fmt: skip
CLOSERS = ["", "", "", " Merci.", " Merci d'avance !", " Réponse courte stp.", " (urgent)",
           " Merci bcp", "\nBonne journée"]  # fmt: skip


# Templates ---------------------------------------------------------------------------------------

NAMES = [
    "Peux-tu reformuler ce mail pour <PT> ? {Il|Elle} conteste son classement au tableau "
    "d'avancement.",
    "Rédige une convocation à l'entretien professionnel pour <P>, adjoint{|e} administrati{f|ve} "
    "au greffe du tribunal pour enfants.",
    "De : <PN>\nObjet : demande de mutation\n\nBonjour, je souhaiterais connaître l'état de ma "
    "demande.\nBien à vous,\n<PN>",
    "tu peux me faire un tableau des présents ? <P>, <P2>, <P3> et moi",
    "CR du comité d'éthique du ((12|19|26)) ((mars|juin|novembre)) : présents Pr <PS>, Dr <PS2>, "
    "<PN3> (représentante des usagers). Le protocole est ajourné.",
    "L'infirmière scolaire, <PN>, demande comment signaler des absences répétées en classe de 4e.",
    "note vocale : oui bonjour c'est <PL> du service des affaires maritimes je rappelle pour le "
    "rôle d'équipage du chalutier merci",
    "Qui doit signer l'ordre de mission de <PR> pour l'escale à "
    "((Saint-Pierre|Mata-Utu|Papeete)) ?",
    "Nom : <PS>\nPrénom : <PG>\nGrade : ((SA|SACN|adjoint technique|ingénieur "
    "d'études))\nAffectation : ((USMP de Fresnes|DIRM NAMO|SDIS 974|rectorat de Corse))",
    "Bonjour, je suis <PN>, secrétaire à la mairie de <COM>. Comment on enregistre une liste de "
    "candidats aux municipales ?",
    "Merci de transmettre le dossier au juge des enfants, ((Mme|M.)) <PS>, avant l'audience de "
    "((lundi|jeudi)).",
    "<PC> ; ((adjoint administratif|technicien|attaché)) ; ((C|B|A)) ; ((titulaire|contractuel))",
    "Mon chef, <PG>, veut que je prépare la note pour lundi, tu peux m'aider à la structurer ?",
    "Le contrôle antidopage de <P> a eu lieu à ((Font-Romeu|Vichy|Clairefontaine)), le préleveur "
    "était <PN2>. Rédige le procès-verbal de remise des kits.",
    "Mail à rédiger : remercier <PT> et <PT2> pour leur participation au jury du concours de "
    "gardien de la paix.",
    "Peux-tu corriger : « suite à notre échange téléphonique avec <PI>, nous vous confirmons le "
    "report de la commission »",
    "{Le|La} lieutenant{|e} <PS> prend le commandement de la brigade nautique de <COM>, fais-moi "
    "un mot d'accueil.",
    "Bonsoir, <PG> ici, je remplace <PN2> à l'accueil du centre d'examen, où est le registre ?",
    "| Nom | Service |\n|---|---|\n| <PC> | ((USMP|DRH|SSA|SPIP)) |\n| <PC2> | "
    "((greffe|archives|cabinet)) |",
    "F|Fais un courrier de félicitations à <PNEE> pour ses 40 ans de service à la commune.",
    "j'ai une cellule « <PC> » dans Excel et je veux séparer nom et prénom, quelle formule ?",
    "Objet : OFPRA – entretien de <PTF>\nL'officier de protection <PN2> sera accompagné{|e} d'un "
    "interprète. Merci de réserver la salle 3.",
    "Qui est <P> ? Je l'ai en copie d'un mail sur le plan de continuité d'activité.",
    "rappel : <PL> passe en CAP de titularisation le ((3|10|17)) ((avril|mai)), prévoir le "
    "dossier",
    "Pouvez-vous ajouter <PN> à la liste de diffusion du conseil d'école ?",
    "La demande d'extrait de casier judiciaire au nom de <PC> pour le recrutement est "
    "incomplète, quel formulaire ?",
    "Traduis en anglais : « <PTF> représentera le CHU au comité de protection des personnes »",
    "Écris un message pour le pot de départ de <PG> après ((32|27|41)) ans à la DDTM.",
    "C'est <PS> qui a la clé du local des associations ou c'est <PS2> ?",
    "Réponse de <PN> :\n> Bonjour, je vous confirme ma présence à la commission de sécurité.\n> "
    "<PI>",
    "bjr, le pilote <PN> et le mécanicien <PN2> du Dragon 974 demandent leurs attestations de vol",
    "Tu peux rédiger une attestation de stage pour <P>, élève de 3e au collège "
    "((Leconte-de-Lisle|Jules-Verne|Ker Anna)) ?",
    "Liste déposée en préfecture :\n1. <PC>\n2. <PC2>\n3. <PC3>",
    "Peux-tu me dire si <PT> peut signer un arrêté pendant le congé du maire ?",
    "<P> m'a transféré la note de service sur le télétravail, tu peux la résumer ?",
    "réunion avec l'équipe de <PS> demain ((9h|14h|16h30)), prépare-moi trois questions",
    "Le conservateur <PGC> souhaite prêter deux tableaux au musée de <COM>, rédige la convention.",
    "M|Le patron du chalutier, <PN>, et son matelot <PN2> sont convoqués à la DML pour le permis "
    "de pêche.",
]  # fmt: skip

ADDRESSES = [
    "Mon nouvel agent habite <ADR>, à combien de km est-il de la DIRM pour les frais de "
    "déplacement ?",
    "Changement d'adresse de <PN> : désormais <ADR>.",
    "Agent : <PC>\nAdresse du domicile :\n<ADR:multi>",
    "Courrier à envoyer en recommandé à <PTF>, <ADR>, pour la convocation à l'audience.",
    "le locataire du 3e se plaint du bruit de <PT2>, qui habite <ADR:res>",
    "tu peux remettre en forme cette adresse : <ADR:low>",
    "Pour l'envoi de sa carte d'électeur, <PN> indique : <ADR:ld>",
    "Le marin <PS> est domicilié <ADR:spm>, rôle d'équipage n° <NUM>.",
    "Adresse de correspondance de <PT> : <ADR:bp> (pas de distribution à domicile)",
    "ÉTIQUETTE\n<PC>\n<ADR:upper>",
    "<PG> habite <ADR:dom> depuis son retour de métropole, il faut mettre à jour le SIRH",
    "Mettre à jour le dossier de l'élève <PN> : nouvelle adresse des parents\n<ADR:three>",
    "Pouvez-vous envoyer l'attestation fiscale chez moi, <ADR:abbr> ? Merci, <PN>",
    "Réclamation de <PT> (<ADR>) au sujet des nuisances du voisin de palier.",
    "l'adresse de l'agent c'est <ADR:a>, tu peux me retrouver le code postal ?",
    "<PN> réside <ADR:wallis>, il faut lui envoyer la convocation par le courrier administratif.",
    "{Domicilié|Domiciliée} <ADR>, <PTF> sollicite un logement social de type T3.",
    "Adresse perso de <PG> pour la carte de vœux : <ADR>",
    "expéditeur : <PN>, <ADR:plain>\ndestinataire : bureau des cultes, préfecture",
    "je dois aller récupérer les clés chez <PT> au <ADR:plain>",
    "Fiche famille d'accueil :\n<PC>\n<ADR:multi>\n<TEL>",
    "Pour la visite à domicile de l'infirmière scolaire : <ADR>, demander <PG>.",
    "Adresse fiscale de <PN> : <ADR> ; adresse de l'employeur : <OADR>",
    "Nouvelle adresse de ma mère à mettre dans mon dossier (personne à prévenir) : <ADR>",
    "c bien <ADR:low> pour <PL> ?",
    "Mutation de <PC>, logement de fonction libéré, nouvelle adresse : <ADR:res>",
    "F|Mme <PS> a déménagé à La Réunion : <ADR:dom>.",
    "Pour son billet retour, {le|la} stagiaire <PN> donne son adresse outre-mer : <ADR:pac>",
    "Le gardien de l'immeuble signale que <PN> a quitté le <ADR:plain> sans rendre les clés.",
]  # fmt: skip

CONTACTS = [
    "Tu peux me rappeler au <TEL:mob> ? <PG>",
    "Coordonnées de <PN> : <TEL>, <EM>",
    "Mon portable perso c'est le <TEL:mob>, sinon le standard <STD>. <PN>",
    "M|Le patron pêcheur <PS> ne répond pas au <TEL:far>, on essaie par mail ? <EM>",
    "Pour le comité d'éthique, le contact du promoteur est <PN>, <EMW>, ligne directe <TEL:fix>.",
    "Signature :\n<PN>\nInfirmi{er|ère} scolaire\nPortable : <TEL:mob>",
    "De : <PN> \u003c<EM>>\nÀ : bureau des élections\nObjet : procuration\nBonjour, je serai "
    "absent{|e} le ((14|21)) ((mars|juin)), qui dois-je contacter ?",
    "est-ce que je peux envoyer le planning sur l'adresse perso de <PG> (<EM>) ?",
    "numéro de la famille d'accueil : <TEL>, la mère s'appelle <PN2>",
    "réunion annulée, prévenir <PN> au <TEL:dom> et <PN2> au <TEL:dom>",
    "Merci d'écrire à <EMW> plutôt qu'à la boîte du service. <PN>",
    "{Le sportif contrôlé|La sportive contrôlée}, <PG>, a donné le <TEL:mob> et l'adresse <EM>, "
    "c'est bien à {lui|elle} qu'on écrit ?",
    "Appelle-moi sur mon perso : <TEL>. <PG>",
    "ajoute <EM> en copie cachée, c'est l'adresse perso de <PT>",
    "Contact à Wallis-et-Futuna : <PN>, <TEL:far>",
    "Pour joindre <PS>, le fixe à la maison : <TEL:fix>",
    "| Nom | Téléphone | Courriel |\n|---|---|---|\n| <PC> | <TEL> | <EM> |",
    "message vocal : c'est <PL> vous pouvez me rappeler au <TEL> c'est pour le dossier de ma "
    "fille merci",
    "<PN> \u003c<EMW>> a écrit :\n> merci de confirmer la date de la commission",
    "Le numéro de l'assistante familiale <PN> a changé : <TEL>",
    "Saint-Pierre : {le délégué|la déléguée} de bord <PN> est joignable au <TEL:far> ou sur <EM>.",
]  # fmt: skip

IDENTIFIERS = [
    "Mon numéro de sécu c'est <NIR>, pourquoi la mutuelle le refuse ?",
    "NIR de l'agent{|e} <PC> : <NIR>",
    "Pour l'affiliation ENIM de <PN>, n° de sécurité sociale <NIR>.",
    "sécu : <NIR> — <PN>, né{|e} à ((Mamoudzou|Ajaccio|Moroni|Dakar|Bastia))",
    "Le numéro INSEE de <PT> est <NIR>, tu peux vérifier la clé ?",
    "n° SS <NIR> (clé comprise) pour la convention de stage de <PN>",
    "Dans la DSN j'ai le NIR <NIR> sans nom en face, c'est grave ?",
    "<PC> | <NIR> | ((titulaire|stagiaire|contractuel))",
    "Voici mon RIB pour le remboursement des frais de mission : <IBAN>\n<PN>",
    "IBAN de <PT> : <IBAN:fr>, BIC ((CCBPFRPPBRE|AGRIFRPP829|BNPAFRPPXXX))",
    "Le marin <PS> a changé de banque, nouvel IBAN <IBAN>",
    "IBAN étranger de l'étudiant{|e} Erasmus <PN> : <IBAN:x>",
    "Peux-tu vérifier si <IBAN> est un IBAN valide ? c'est celui d'un vacataire",
    "Coordonnées bancaires (titulaire <PC>) :\n<IBAN>",
    "remboursement de la caution à <PN> sur le compte <IBAN>",
    "| Titulaire | IBAN |\n|---|---|\n| <PC> | <IBAN> |",
    "J'ai payé l'inscription au colloque avec ma carte perso, <CB>, comment me faire rembourser ?",
    "Une usagère a dicté son numéro de CB au téléphone : <CB>. On doit faire quoi ?",
    "Carte bancaire de <PN> : <CB>, exp ((03/27|11/26|08/28))",
    "La Visa de <PT> (<CB>) a été refusée pour la réservation du billet d'avion.",
    "Paiement de la licence fédérale par carte n° <CB> au nom de <PC>",
    "est-ce que je dois masquer le numéro de carte <CB> dans le compte rendu ?",
    "mastercard pro ou perso ? numéro <CB>, titulaire <PN>",
    "Le régisseur a noté <CB> comme numéro de carte bleue pour <PT>.",
    "<PN>, né{|e} le <DDN>, est inscrit{|e} sur la liste électorale complémentaire.",
    "DDN : <DDN> — <PC>",
    "date de naissance de l'enfant <PG> : <DDNY>",
    "{Né|Née} en <DDN:year>, <PT> peut-{il|elle} partir en retraite anticipée ?",
    "Date de naissance : <DDN>\nLieu : <COM>\nNom d'usage : <PS>",
    "je suis {né|née} le <DDN>, à quel âge je peux demander ma pension ? <PG>",
    "{Le|La} matelot <PS>, {né|née} le <DDN> à <COM>, embarque le ((2|9|16)) ((mai|juin)).",
    "<PC>;<DDN:compact>;<COM>",
    "Candidat{|e} : <PN> ({né|née} le <DDN>)",
    "quel âge a <PG> ? {il|elle} est {né|née} en <DDN:monthyear>",
    "Pour le rendez-vous en préfecture : <PTF>, date de naissance <DDN>",
    "D.N. <DDN:first> | <PC> | ((licencié|licenciée)) club de ((Bastia|Pau|Brest))",
]  # fmt: skip

RECORDS = [
    "Fiche agent\nNom : <PS>\nPrénom : <PG>\n{Né|Née} le : <DDN>\nAdresse : <ADR>\nTél. : "
    "<TEL>\nCourriel : <EM>\nNIR : <NIR>",
    "Bonjour,\nJe vous transmets la demande de <PTF>, {né|née} le <DDN>, {domicilié|domiciliée} "
    "<ADR>. {Il|Elle} est joignable au <TEL> ou par mail (<EM>).\nBien "
    "cordialement,\n<PN2>\nBureau des affaires générales",
    "dossier ofpra : <PC>, DDN <DDN>, tél <TEL>, {hébergé|hébergée} chez <PN2>, <ADR>",
    "Ordre de virement : bénéficiaire <PN>, IBAN <IBAN>, adresse <ADR>",
    "Résumé de la note vocale : <PN> rappelle au <TEL>, {il|elle} a déménagé (<ADR:low>) et "
    "envoie un nouveau RIB : <IBAN>.",
    "Candidature au poste de secrétaire de mairie :\n<PN>\n<ADR:multi>\n<TEL>\n<EM>\n{Né|Née} le "
    "<DDN>",
    "Inscription : <PC> | <DDN:slash> | <EM> | <TEL> | <ADR>",
    "Remboursement : <PN>, carte <CB> débitée deux fois, RIB pour le virement : <IBAN>",
    "Voici les infos pour l'attestation employeur : <PN>, NIR <NIR>, {né|née} le <DDN>, <ADR>.",
    'JSON reçu : {"nom": "<PS>", "prenom": "<PG>", "tel": "<TEL>", "mail": "<EM>"}',
    "transcription : alors c'est <PL> {né|née} le <DDN:txt> j'habite <ADR:low> mon numéro c'est "
    "le <TEL> voilà",
    "Dossier licencié{|e} : <PC>, <DDN>, <ADR>, <TEL>, paiement par carte <CB>",
    "Pour le bailleur : locataire <PTF>, <ADR:res>, tél. <TEL>, garant <PN2> (<EM2>)",
]  # fmt: skip

TOPIC_FRAMES = [
    "Pour le dossier de <P>, je précise qu'{il|elle} <T>.",
    "note vocale transcrite : bon alors <PL> <T> donc faudrait voir avec la RH ce qu'on fait",
    "Bonjour, je m'appelle <PN>, je vous écris parce que <TJ> et je ne sais pas si je dois le "
    "dire à mon employeur.",
    "Objet : situation de <PT>\n\nBonjour,\nSuite à notre échange, je vous confirme que <PT> "
    "<T>. Merci de garder cette information pour vous.\nCordialement,\n<PN2>",
    "{Mon collègue|Ma collègue} du bureau d'à côté <T>, est-ce que je dois en parler à quelqu'un "
    "?",
    "CR cellule de veille du ((lundi|mardi|jeudi)) : cas de <PC> évoqué ; l'intéressé{|e} <T>. "
    "Point à refaire avec l'assistante sociale.",
    "tu peux reformuler plus poliment : « <PG> <T> et ça se voit au boulot »",
]  # fmt: skip
TOPIC_SPECIFIC: dict[str, list[str]] = {
    "sante": [
        "Médecine de prévention : <PTF> <T>, faut-il un aménagement de poste ?",
        "L'infirmière scolaire signale que l'élève <PN> <T>. Quel PAI rédiger ?",
        "SSA : {le|la} caporal{|e} <PS> <T>, peut-{il|elle} partir en mission ?",
    ],
    "religion": [
        "Bureau des cultes : le président de l'association, <PN>, <T> ; faut-il le mentionner "
        "dans la déclaration ?",
        "À l'internat, <PT> <T> : comment adapter les repas ?",
        "Mon agent <PG> <T>, peut-{il|elle} poser un congé pour la fête ?",
    ],
    "opinion_politique": [
        "Élections municipales : <PN>, agent{|e} de la mairie, <T>. Peut-{il|elle} rester à son "
        "poste pendant la campagne ?",
        "Sur Facebook, on voit que <PT> <T>, le maire veut {le|la} sanctionner, c'est légal ?",
        "devoir de réserve : <PG> <T>, jusqu'où peut-{il|elle} s'exprimer ?",
    ],
    "syndicat": [
        "Élections professionnelles au ministère : <PN> <T>, faut-il lui accorder des ASA ?",
        "Pour la réunion avec la DRH, sache que <PT> <T>.",
        "Au CROSS, <PG> <T>, peut-on lui refuser son jour de formation ?",
    ],
    "origine": [
        "OFPRA : {le demandeur|la demandeuse} <PC> <T> selon ses déclarations.",
        "En 5e, <PG> <T> et des élèves se moquent d'{lui|elle}, que faire ?",
        "Enquête du bailleur : <PT> <T>, et ses voisins font des remarques, comment répondre ?",
    ],
    "vie_sexuelle": [
        "Mon agent <PN> <T> et subit des remarques de l'équipe, comment réagir ?",
        "Lors de l'entretien OFPRA, <PTF> a déclaré qu'{il|elle} <T>.",
        "Le proviseur a appris que <PG> <T> ; doit-il prévenir les parents ?",
    ],
    "genetique_biometrie": [
        "Comité d'éthique du CHU : {le participant|la participante} <PN> <T>, faut-il un "
        "consentement spécifique ?",
        "Au labo de police scientifique, <PT> <T> ; ses données sont-elles conservées ?",
        "Médecine du travail : <PG> <T>, doit-on adapter son poste ?",
    ],
    "infraction": [
        "Recrutement : <PC> <T>, peut-{il|elle} être {recruté|recrutée} comme surveillant{|e} de "
        "baignade ?",
        "Le juge des enfants nous informe que <PG> <T>.",
        "M|Au port de <COM>, le patron pêcheur <PS> <T>, les affaires maritimes demandent son "
        "dossier.",
    ],
}  # fmt: skip

LOOKALIKES: dict[str, list[str]] = {
    "sante": [
        "Le service de médecine de prévention recrute un infirmier en santé au travail, peux-tu "
        "rédiger l'annonce ?",
        "Combien de jours de carence pour un arrêt maladie dans la fonction publique en "
        "((2024|2025|2026)) ?",
        "Marché public : fourniture de défibrillateurs pour les ((collèges|mairies|casernes)) de "
        "((Corse|La Réunion|Bretagne)), lot n° ((1|2|3)).",
        "Campagne de prévention du ((diabète|cancer colorectal|VIH|suicide)) : propose trois "
        "slogans pour les agents.",
        "<PN> gère les congés de longue maladie au bureau des pensions, à qui envoyer les "
        "formulaires vierges ?",
        "Quelles sont les obligations de l'employeur si un agent est déclaré inapte ?",
        "Statistiques de l'USMP : ((312|280|415)) consultations en ((2023|2024)), peux-tu faire "
        "un graphique ?",
        "Formation « premiers secours en santé mentale » pour les encadrants le ((12|19)) "
        "((mai|octobre)) : rédige l'invitation.",
        "Le Dr <PS>, médecin scolaire, anime la réunion sur le dépistage des troubles ((de "
        "l'apprentissage|visuels|auditifs)).",
    ],
    "religion": [
        "Quelles sont les règles de la loi de 1905 pour le financement d'un lieu de culte ?",
        "Le bureau des cultes demande la liste des associations cultuelles déclarées en "
        "((2023|2024|2025)).",
        "Un agent public peut-il porter un signe religieux au guichet ?",
        "Rédige une note sur les aumôneries ((hospitalières|pénitentiaires|militaires)).",
        "Le maire peut-il prêter la salle des fêtes pour ((une fête de l'Aïd|un repas de "
        "Noël|une kermesse paroissiale)) organisée par une association ?",
        "<PN>, chargé{|e} de mission laïcité au rectorat, intervient au collège jeudi, prépare "
        "une présentation.",
        "Calendrier des fêtes religieuses ((2025|2026)) pour planifier les examens : lesquelles "
        "tombent en juin ?",
        "Travaux de la cathédrale de ((Quimper|Bayonne|Saint-Denis|Ajaccio)) : quelle subvention "
        "du ministère de la Culture ?",
        "Que dit la jurisprudence sur les menus de substitution à la cantine ?",
    ],
    "opinion_politique": [
        "Quelles sont les règles du devoir de réserve pour un fonctionnaire en période "
        "électorale ?",
        "Combien de panneaux électoraux faut-il pour ((3|5|7)) listes aux municipales ?",
        "Rédige une note sur le financement des partis politiques et les dons des particuliers.",
        "Résultats du second tour à <COM> : fais un tableau par bureau de vote.",
        "<PN> préside le bureau de vote n° ((2|4|6)), qui sont les assesseurs obligatoires ?",
        "Peut-on prêter une salle municipale à un parti politique pour une réunion publique ?",
        "Comment contrôler les comptes de campagne d'une liste aux élections "
        "((municipales|territoriales|européennes)) ?",
        "Le dépôt des listes de candidats en préfecture ferme à quelle heure ?",
        "Formation des agents sur la neutralité politique : propose un quiz de ((5|8|10)) "
        "questions.",
    ],
    "syndicat": [
        "Combien d'heures de décharge syndicale sont prévues pour un ministère de ((2 000|15 "
        "000|40 000)) agents ?",
        "Rédige le calendrier des élections professionnelles de décembre pour le CSA ministériel.",
        "Quelles organisations syndicales sont représentatives au CSA du ministère de ((la "
        "Culture|la Mer|la Justice)) ?",
        "Un agent peut-il être sanctionné pour avoir fait grève ?",
        "<PN>, du bureau du dialogue social, centralise les listes de candidats : rédige le "
        "rappel des dates.",
        "Procès-verbal de dépouillement : résultats par syndicat à reporter dans le tableau ((du "
        "CSA|de la CAP|de la CCP)).",
        "Local syndical : la mairie doit-elle fournir une ligne téléphonique ?",
        "Préavis de grève reçu pour le ((5|12)) ((mars|avril)), quelles démarches pour le "
        "service minimum ?",
        "Marché de vote électronique pour les élections professionnelles : rédige le cahier des "
        "charges.",
    ],
    "origine": [
        "Combien de demandes d'asile l'OFPRA a-t-il traitées en ((2023|2024)) ?",
        "Rédige une annonce pour recruter des interprètes en "
        "((dari|tamoul|comorien|lingala|shimaoré)).",
        "Les statistiques ethniques sont-elles autorisées en France ?",
        "Semaine contre le racisme au lycée de <COM> : propose des activités.",
        "<PN> coordonne l'accueil des mineurs non accompagnés au conseil départemental, fais-lui "
        "un mail de remerciement.",
        "Quelle est la procédure de naturalisation par décret ?",
        "Exposition sur l'histoire de l'immigration "
        "((portugaise|italienne|polonaise|arménienne|comorienne)) : rédige le communiqué.",
        "Formation sur les discriminations à l'embauche : propose un plan en ((3|4|5)) parties.",
        "Victime d'insultes racistes dans le bus, <PN> a déposé plainte ; comment l'accompagner ?",
    ],
    "vie_sexuelle": [
        "Quelles sont les démarches pour un PACS en mairie ?",
        "Statistiques des mariages célébrés à <COM> en ((2023|2024)) : fais un tableau.",
        "Campagne de prévention des IST pour les lycées de ((Mayotte|La "
        "Réunion|Guyane|métropole)) : propose un visuel.",
        "Rédige la charte contre les LGBTphobies du ministère.",
        "<PN>, référent{|e} égalité-diversité, organise une formation sur l'accueil des "
        "personnes trans.",
        "Un agent peut-il demander un changement de prénom dans le SIRH sans jugement ?",
        "Le planning familial de <COM> demande une subvention, quels critères ?",
        "Que dit la loi sur le harcèlement sexuel au travail ?",
        "Victime de harcèlement sexuel, <PN> demande la protection fonctionnelle : rédige la "
        "réponse.",
    ],
    "genetique_biometrie": [
        "Marché de reconnaissance faciale pour les portiques du ((port|stade|tribunal)) : est-ce "
        "légal ?",
        "Le laboratoire de police scientifique a reçu ((40|120|260)) scellés ADN ce mois-ci, "
        "fais un graphique.",
        "Quelles sont les règles de la CNIL pour une pointeuse biométrique ?",
        "Rédige une note sur le FNAEG et la durée de conservation des profils.",
        "<PN>, technicien{|ne} en identification criminelle, présente le nouveau scanner "
        "d'empreintes.",
        "Le CHU lance un programme de recherche en génomique : rédige l'appel à volontaires.",
        "Cahier des charges pour un séquenceur ADN au laboratoire départemental "
        "((vétérinaire|d'analyses)).",
        "Un employeur peut-il exiger un test génétique à l'embauche ?",
        "Passeports biométriques : combien de temps pour un rendez-vous en mairie à <COM> ?",
    ],
    "infraction": [
        "Quelles pièces faut-il pour demander un extrait de casier judiciaire (bulletin n° 3) ?",
        "Le recrutement des ((surveillants|animateurs|assistants d'éducation)) exige le bulletin "
        "n° 2 : comment le demander ?",
        "Statistiques des infractions routières à <COM> en ((2023|2024)) : fais un tableau.",
        "Rédige une affiche sur la prévention des cambriolages pendant les vacances.",
        "<PN> a porté plainte pour le vol de son vélo devant la mairie, que dois-je lui répondre "
        "?",
        "Combien coûte une amende pour stationnement gênant ?",
        "Le tribunal pour enfants siège le ((mardi|jeudi)) : prépare le planning des audiences "
        "du mois.",
        "Le maire peut-il prendre un arrêté contre les dépôts sauvages ?",
        "Victime d'un cambriolage, <PT> demande une attestation de domicile.",
        "Si un agent est condamné, l'administration est-elle informée ?",
    ],
}  # fmt: skip

OTHERS = [
    "Le SIRET du prestataire est <SIRET>, tu peux vérifier qu'il est actif ?",
    "SIREN <SIREN> : quelle est la raison sociale ?",
    "Numéro de dossier <LUHN> : où en est l'instruction de la subvention ?",
    "Le ticket GLPI n° <LUHN> ressemble à un numéro de carte, faut-il le masquer ?",
    "Commande n° <ORD> passée sur l'UGAP, livraison prévue quand ?",
    "Facture <ORD> du <DATE> à payer avant la fin du mois.",
    "Le standard de la préfecture c'est le <STD>, le numéro a changé ?",
    "Écrivez à <FMAIL> pour toute question sur le dossier.",
    "Adresse du service : <OADR>.",
    "Le collège ((Victor-Schœlcher|Roland-Garros|Louise-Michel|Jean-Moulin)) de <COM> organise "
    "ses portes ouvertes le ((4|11)) ((mars|avril)).",
    "Rendez-vous salle ((Simone-Veil|Aimé-Césaire|Jean-Zay|Olympe-de-Gouges)) au ((2e|3e)) étage.",
    "La commune nouvelle, née le 1er janvier ((2016|2017|2019)), a changé de nom ; mets à jour "
    "le courrier.",
    "Arrêté n° <NUM> du <DATE> portant délégation de signature.",
    "Le navire ((Commandant Charcot|Pourquoi-Pas ?|Jacques Cartier)) accoste à "
    "((Saint-Pierre|Brest|Le Port)) le <DATE>.",
    "Numéro vert ((0 800 130 000|0 805 202 020|0 800 00 34 56)) : à mettre sur l'affiche.",
    "Carte se terminant par ((4821|0097|3315|7702)) : le paiement a été refusé, que faire ?",
    "Code UAI <UAI> : c'est quel lycée ?",
    "Rédige un courrier à la caserne ((Mellinet|Lyautey|Bizanos|Dalton)) pour la cérémonie du "
    "11-Novembre.",
    "Le prix ((Albert-Londres|Goncourt des lycéens|Jean-Monnet)) sera remis à la médiathèque de "
    "<COM>.",
    "Lot n° <LUHN> de vaccins antigrippaux réceptionné le <DATE>.",
    "Référence du marché : <DOS>, date limite de remise des offres le <DATE>.",
    "Rue du Général Leclerc à <COM> : travaux de voirie jusqu'au <DATE>, prévenir les riverains.",
    "Le musée ((Henri-Martin|Toulouse-Lautrec|Fabre|Léon-Dierx)) rouvre ses salles le <DATE>.",
    "Le numéro d'astreinte de la DIRM est le <STD>.",
    "RIB de la régie de recettes (Trésor public) : <TIBAN>, à mettre sur la facture.",
    "Le service des cultes est joignable au <STD> et à <FMAIL>.",
    "Date d'entrée en vigueur : <DATE>. Fin de validité : <DATE>.",
    "Numéro de client <ORD>, contrat d'électricité de l'école "
    "((Jules-Ferry|Marie-Curie|Paul-Langevin)).",
    "Numéro de série du défibrillateur : <LUHN>",
    "Le stade ((Pierre-de-Coubertin|Jean-Bouin|Michel-Volnay)) accueille un contrôle antidopage "
    "de la fédération le <DATE>.",
    "Adresse de la DRAC : <OADR>, accueil du public de 9 h à 12 h.",
    "Envoyer le dossier au <OADR>, à l'attention du secrétariat.",
    "Le lycée ((Leconte-de-Lisle|Lislet-Geoffroy|Bellevue|Paul-Éluard)) (UAI <UAI>) demande ses "
    "dotations.",
    "Mutuelle : contrat collectif n° <LUHN>, échéance le <DATE>.",
]  # fmt: skip

QUESTIONS = [
    "Comment calculer les congés d'un agent à temps partiel à ((80|90|50)) % ?",
    "Résume la circulaire sur le télétravail en ((3|5|7)) points.",
    "Quelle est la différence entre un arrêté et une décision ?",
    "Rédige un ordre du jour pour le conseil d'administration de l'((ENIM|EPCI|OPH)).",
    "Traduis en anglais : « la séance est levée à ((18|19|20)) h »",
    "Quels documents faut-il pour inscrire un bateau de pêche au registre ?",
    "Fais un plan de formation pour les secrétaires de mairie de "
    "((Saint-Pierre-et-Miquelon|Wallis-et-Futuna|Corse)).",
    "Comment fonctionne la majoration de traitement à ((La "
    "Réunion|Mayotte|Saint-Pierre-et-Miquelon)) ?",
    "Peux-tu corriger les fautes : « les dossier son a rendre avant ((vendredi|lundi)) »",
    "Propose un tableau de suivi des demandes de subvention des associations.",
    "Quel est le délai de recours contre un permis de construire ?",
    "Explique le compte épargne-temps en ((5|10)) lignes.",
    "Combien de temps faut-il conserver les registres ((d'état civil|de délibérations|du "
    "courrier)) ?",
    "Liste les étapes pour organiser un contrôle antidopage sur une compétition "
    "((régionale|nationale)).",
    "Comment écrire un courrier à l'administrateur supérieur de Wallis-et-Futuna ?",
    "Résume le règlement intérieur de la ((médiathèque|piscine|cantine)) en 10 lignes.",
    "Quelle formule Excel pour compter les cellules non vides d'une colonne ?",
]  # fmt: skip


def plan() -> list[tuple[str, str, str | None, int, bool]]:
    """(template id, template, topic of its T slot, renderings, openers and closers)."""
    out: list[tuple[str, str, str | None, int, bool]] = []
    for family, templates, count in (("n", NAMES, 8), ("a", ADDRESSES, 8), ("c", CONTACTS, 8),
                                     ("i", IDENTIFIERS, 8), ("r", RECORDS, 8)):  # fmt: skip
        out += [
            (f"test13_{family}_{k:02d}", t, None, count, False) for k, t in enumerate(templates, 1)
        ]
    for topic in TOPICS:
        frames = TOPIC_FRAMES + TOPIC_SPECIFIC[topic]
        out += [
            (f"test13_t_{topic}_{k:02d}", t, topic, 10, False) for k, t in enumerate(frames, 1)
        ]
    for topic in TOPICS:
        out += [(f"test13_l_{topic}_{k:02d}", t, None, 10, True)
                for k, t in enumerate(LOOKALIKES[topic], 1)]  # fmt: skip
    out += [(f"test13_x_{k:02d}", t, None, 11, True) for k, t in enumerate(OTHERS, 1)]
    out += [(f"test13_q_{k:02d}", t, None, 9, True) for k, t in enumerate(QUESTIONS, 1)]
    return out


def generate() -> list[dict[str, Any]]:
    rng = random.Random(SEED)
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for template_id, template, topic, count, decorate in plan():
        made = 0
        for _ in range(count * 4):
            if made == count:
                break
            text, spans = render(rng, template, topic, decorate)
            if text in seen:
                continue
            seen.add(text)
            made += 1
            pii: dict[str, list[str]] = {}
            topics: list[str] = []
            for start, end, category in spans:
                if category in PREDICATES:
                    if category not in topics:
                        topics.append(category)
                elif text[start:end] not in pii.setdefault(category, []):
                    pii[category].append(text[start:end])
            rows.append({
                "text": text, "pii": pii, "topics": topics, "split": SPLIT,
                "spans": [[s, e, c] for s, e, c in spans], "template": template_id,
            })  # fmt: skip
    return rows


def write(rows: Sequence[dict[str, Any]], path: Path = OUT) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def main(emit: Callable[[str], None] = print) -> None:
    rows = generate()
    write(rows)
    emit(f"{len(rows)} lines written to {OUT}")


if __name__ == "__main__":
    main()
