"""The eleventh held-out set for the personal-data guard (tests/data/pii_test11.jsonl).

Written by another independent hand, from its own word lists (no names from faker), in the
registers of municipal civil status, social action, France Travail, CAF, universities, court
registries, customs, fire brigades, hospital admissions, national education HR, elections,
foreigners' desks, agriculture, veterinary services and tax offices. Deterministic (fixed seed,
standard library only). `python -m devtools.pii_corpus_test11` writes the file.
"""

from __future__ import annotations

import calendar
import json
import random
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MADE_WITH_FAKER = "40.63.0"  # faker is not used: the set does not depend on its lists
SEED = 20261111
SPLIT = "test11"
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii_test11.jsonl"

Segment = tuple[str, str | None]
Span = tuple[int, int, str]

IDENTIFIERS = (
    "email", "iban", "nir", "carte", "telephone", "date_naissance", "adresse", "personne",
)  # fmt: skip
TOPICS = (
    "sante", "religion", "opinion_politique", "syndicat", "origine", "vie_sexuelle",
    "genetique_biometrie", "infraction",
)  # fmt: skip


def assemble(segments: Sequence[Segment]) -> tuple[str, list[Span]]:
    """Join segments; a labelled segment becomes a span at the offset it is put at."""
    parts: list[str] = []
    spans: list[Span] = []
    position = 0
    for value, category in segments:
        if category is not None:
            if not value or value != value.strip():
                raise ValueError(f"labelled segment with blanks at its edges: {value!r}")
            spans.append((position, position + len(value), category))
        parts.append(value)
        position += len(value)
    return "".join(parts), spans


# -- checksums ----------------------------------------------------------------------------------


def luhn_digit(digits: str) -> str:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 0:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return str((10 - total % 10) % 10)


def luhn_ok(number: str) -> bool:
    digits = re.sub(r"[\s-]", "", number)
    if not digits.isdigit():
        return False
    return luhn_digit(digits[:-1]) == digits[-1]


def _nir_number(body: str) -> int:
    return int(body.replace("2A", "19").replace("2B", "18"))


def nir_ok(value: str) -> bool:
    compact = value.replace(" ", "")
    if len(compact) != 15:
        return False
    return 97 - _nir_number(compact[:13]) % 97 == int(compact[13:])


def _iban_number(text: str) -> int:
    return int("".join(str(int(c, 36)) for c in text))


def iban_ok(value: str) -> bool:
    compact = value.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", compact):
        return False
    return _iban_number(compact[4:] + compact[:4]) % 97 == 1


def _split(text: str, separator: str = " ") -> list[str]:
    return [part for part in text.split(separator) if part]


# -- names (the writer's own lists) --------------------------------------------------------------

SURNAMES_COMMON = _split(
    "Martin Bernard Dubois Durand Moreau Laurent Simon Michel Lefèvre Girard Bonnet Mercier "
    "Guérin Faure Rousseau Fournier Morel Perrin Chevalier Gauthier Masson Lemoine Barbier "
    "Renaud Picard Caron Aubert Brunet Carré Collet Vasseur Hamon Tessier Jacquet Besnard "
    "Poirier Gaillard Marechal Humbert Carpentier"
)
SURNAMES_WORDS = _split(
    "Boulanger Petit Marchand Leroy Fontaine Rose Blanc Boucher Meunier Berger Charpentier "
    "Renard Loiseau Poisson Bonhomme Marin Sauvage Lejeune Vallée Lamour Rivière Fleury Lebon "
    "Printemps Lenoir Bâtard Lagarde Bouvier Pasteur Chevreuil"
)
SURNAMES_RARE = _split(
    "Vandewalle Vanhoutte Deleplanque Desmet Dewaele Vercruysse Delannoy Wauquier Dutreuil "
    "Lachaize Pouzadoux Chambolle Trouillard Moutardier Bourdelas Courtiade Broussaud Chabrol "
    "Grangier Boissieu Jacquemard Thévenot Vuillermoz Mugnier Pernoud Coquelin Hébrard "
    "Lagarrigue Lestrade Montagnac Pécoul Tixier Gourdon Chauvineau Perrichon Quillet Rabier "
    "Sauzède Trémouille Vigouroux Ziegler Bourgoin Cornuau Dauvergne Echalier Fauconnet"
)
SURNAMES_BRETON = _split(
    "Le Gall|Le Goff|Le Bihan|Kerjean|Tanguy|Guivarc'h|Le Floc'h|Quéré|Kervella|Le Meur|Morvan|"
    "Cadiou|Jaouen|Prigent|Le Hir|Riou|Guéguen|Kerbrat|L'Hostis|Le Du|Le Bris|Tréguer|Gourvennec|"
    "Le Corre|Pennec|Cariou",
    "|",
)
SURNAMES_BASQUE = _split(
    "Etcheverry Irigoyen Etxeberria Elissalde Arrambide Haramboure Larralde Ospital "
    "Mendiboure Urruty Iriart Aguerre Harriague Oyhenart Etchegaray Goyenetche"
)
SURNAMES_ALSACE = _split(
    "Schmitt Kieffer Herrmann Wendling Riegert Oberlé Hummel Strebler Zimmermann Koenig "
    "Schaeffer Fritsch Ehrhart Spielmann Burckel Haegeli Wagner Hoerdt"
)
SURNAMES_CORSE = _split(
    "Santoni Casanova Pietri Luciani Mattei Giacomoni Leca Colonna Filippi Peretti Ceccaldi "
    "Orsini Vincensini Acquaviva Albertini Bartoli Paoli Susini"
)
SURNAMES_OCCITAN = _split(
    "Fabre Vidal Bonnafous Castan Soulier Campredon Barthès Cabanes Delpech Couderc Rouquette "
    "Puech Malaterre Cazeneuve Bousquet Pradal Espinasse Teulière Marty Salvayre"
)
SURNAMES_ANTILLES = _split(
    "Marie-Sainte|Jean-Louis|Rosemond|Cidalise|Bellance|Tirolien|Zénon|Bazile|Jean-Charles|"
    "Nestoret|Bellemare|Sainte-Rose|Lacroix-Dufresne|Calixte|Numa|Ferdinand",
    "|",
)
SURNAMES_REUNION = _split(
    "Payet Hoarau Grondin Técher Boyer Dijoux Maillot Nativel Turpin Clain Sautron Mussard "
    "Bègue Ethève Lauret Cadet Lebreton Fontaine"
)
SURNAMES_PACIFIC = _split(
    "Tetuanui Teriitehau Tehei Temarii Tauraa Teihotu Faatau Mahinui Tavaearii Pambrun "
    "Wamytan Gorodey Wahuzue Kasarhérou Néaoutyine Poigoune Washetine Wetta Wenisso Hnawia"
)
SURNAMES_MAGHREB = _split(
    "Benali|Haddad|Bouaziz|Khelifi|Mansouri|Benyahia|Boukhari|Cherif|Zerrouki|Belkacem|"
    "Ait Ouali|Amrani|El Idrissi|Benchekroun|Tazi|Lahlou|Hamdi|Trabelsi|Ben Salah|Jaziri|"
    "Messaoudi|Bensaïd|Brahimi|Kaci|Oukaci|Hadj-Ahmed|Ait Kaci|Bouzid|Laouedj|Zitouni",
    "|",
)
SURNAMES_WEST_AFRICA = _split(
    "Diallo|Traoré|Coulibaly|Keïta|Diop|Ndiaye|Sow|Ba|Camara|Cissé|Touré|Konaté|Sylla|Diarra|"
    "Fofana|Sissoko|Kouyaté|Ouédraogo|Kaboré|Mbaye|Gueye|Kanté|Dembélé|Doumbia|N'Diaye|Sarr|"
    "Koné|Bamba|Kouassi|N'Guessan|Soumaré|Tandia",
    "|",
)
SURNAMES_PORTUGAL = _split(
    "Pereira|Ferreira|Rodrigues|Fernandes|Gonçalves|Carvalho|Teixeira|Sousa|Oliveira|Cardoso|"
    "Pinto|Ribeiro|Moreira|Da Silva|Dos Santos|De Oliveira|Mendes|Monteiro|Correia|Azevedo",
    "|",
)
SURNAMES_ITALY = _split(
    "Russo|Esposito|Bianchi|Romano|Colombo|Ricci|Greco|Gallo|Conti|De Luca|Giordano|Mancini|"
    "Lombardi|Moretti|Rinaldi|Caruso|Santoro|Di Stefano|Lo Presti|Scarpa",
    "|",
)
SURNAMES_SPAIN = _split(
    "Sánchez Fernández González Hernández Jiménez Ruiz Serrano Ortega Delgado Castillo "
    "Vázquez Cabrera Iglesias Moya Soler Pujol Alcaraz Medina"
)
SURNAMES_ASIA = _split(
    "Nguyen|Tran|Pham|Hoang|Phan|Vu|Vo|Dang|Bui|Ngo|Duong|Truong|Huynh|Dinh|Sok|Chea|Chhim|Keo|"
    "Heng|Meas|Chhun|Seng|Prak|Nhem|Wang|Zhang|Liu|Chen|Huang|Zhao|Zhou|Lin|Chan|Xu|Ye|Jin",
    "|",
)
SURNAMES_TURKEY = _split(
    "Yilmaz Kaya Demir Sahin Celik Yildiz Yildirim Ozturk Aydin Ozdemir Arslan Dogan Kilic "
    "Aslan Cetin Koç Kurt Polat"
)
SURNAMES_POLAND = _split(
    "Kowalski Nowak Wiśniewski Wójcik Kamiński Lewandowski Zieliński Szymański Woźniak "
    "Dąbrowski Kozłowski Jankowski Mazur Kwiatkowski Krawczyk Grabowski"
)
SURNAMES_ARMENIA = _split(
    "Aznavourian|Petrossian|Manoukian|Sarkissian|Khatchadourian|Hovhannessian|Der Sarkissian|"
    "Kevorkian|Boghossian|Ohanian|Papazian|Torossian|Hagopian|Mardirossian",
    "|",
)
SURNAMES_COMOROS = _split(
    "Ahamada|Soilihi|Abdallah|Youssouf|Mzé|Madi|Boina|Msaidie|Attoumani|Houmadi|Combo|Boinali|"
    "Said Omar|Ali Mmadi",
    "|",
)
SURNAMES_HAITI = _split(
    "Joseph|Pierre-Louis|Saint-Fleur|Jean-Baptiste|Desrosiers|Dorval|Louis-Jeune|Célestin|"
    "Dorsainvil|Bien-Aimé|Saint-Hilaire|Toussaint|Métellus|Fils-Aimé|Jean-Pierre",
    "|",
)
SURNAMES_PARTICLE = _split(
    "de Kersauson|du Plessis|de La Tour|d'Arcy|de Villeneuve|du Boisguéhéneuc|de Saint-Aubin|"
    "de La Fuente|d'Aubigny|de Lestrange|du Chatelier|de Castelbajac|Le Bris de Kergoat",
    "|",
)

SURNAME_GROUPS: tuple[tuple[Sequence[str], float], ...] = (
    (SURNAMES_COMMON, 10),
    (SURNAMES_WORDS, 7),
    (SURNAMES_RARE, 11),
    (SURNAMES_BRETON, 6),
    (SURNAMES_BASQUE, 3),
    (SURNAMES_ALSACE, 4),
    (SURNAMES_CORSE, 3),
    (SURNAMES_OCCITAN, 4),
    (SURNAMES_ANTILLES, 3),
    (SURNAMES_REUNION, 3),
    (SURNAMES_PACIFIC, 3),
    (SURNAMES_MAGHREB, 9),
    (SURNAMES_WEST_AFRICA, 7),
    (SURNAMES_PORTUGAL, 5),
    (SURNAMES_ITALY, 3),
    (SURNAMES_SPAIN, 3),
    (SURNAMES_ASIA, 5),
    (SURNAMES_TURKEY, 3),
    (SURNAMES_POLAND, 2),
    (SURNAMES_ARMENIA, 2),
    (SURNAMES_COMOROS, 2),
    (SURNAMES_HAITI, 2),
    (SURNAMES_PARTICLE, 2),
)

GIVEN_M = _split(
    "Jean|Pierre|Michel|André|Bernard|Jacques|Gérard|Serge|Patrick|Thierry|Pascal|Éric|"
    "Stéphane|Frédéric|Olivier|Christophe|Sébastien|Jérôme|Cédric|Guillaume|Romain|Maxime|"
    "Kévin|Anthony|Florian|Quentin|Lucas|Hugo|Théo|Nathan|Enzo|Louis|Gabriel|Léo|Raphaël|"
    "Arthur|Jules|Kylian|Noah|Timéo|Mathis|Yanis|Evan|Marius|Lenny|Malo|Baptiste|Corentin|"
    "Gwenaël|Yannick|Loïc|Erwan|Ronan|Tanguy|Iñaki|Xabi|Ghjuvan|Gaëtan|Joël|Hervé|Régis|Yves|"
    "Marcel|Raymond|Roger|René|Lucien|Guy|Gilles|Didier|Bruno|Franck|Fabrice|Mickaël|Jordan|"
    "Dylan|Mohamed|Karim|Rachid|Mehdi|Youssef|Nabil|Samir|Bilal|Ilyes|Amine|Sofiane|"
    "Abdelkader|Moussa|Mamadou|Ousmane|Seydou|Ibrahima|Boubacar|Lamine|Cheikh|Joaquim|João|"
    "Manuel|Rui|Tiago|Giuseppe|Salvatore|Matteo|Javier|José|Minh|Huy|Thanh|Sophal|Vuthy|Wei|"
    "Jun|Mehmet|Emre|Mustafa|Piotr|Krzysztof|Tomasz|Arman|Vartan|Anli|Soilihi|Wilner|Fritz|"
    "Teiki|Teva|Heimana|Jean-Baptiste|Jean-Marc|Jean-Luc|Jean-Claude|Pierre-Yves|Marc-Antoine|"
    "Paul-Henri|Jean-Robert|Abdoulaye|Kenzo|Ayoub|Wassim|Ethan|Aymeric|Gautier|Clovis",
    "|",
)
GIVEN_F = _split(
    "Monique|Jeanne|Marie|Françoise|Nicole|Jacqueline|Yvette|Colette|Denise|Simone|Josiane|"
    "Martine|Christiane|Brigitte|Chantal|Sylvie|Catherine|Isabelle|Nathalie|Valérie|"
    "Sandrine|Véronique|Corinne|Karine|Stéphanie|Céline|Aurélie|Émilie|Audrey|Élodie|"
    "Mélanie|Laetitia|Camille|Manon|Marine|Pauline|Chloé|Léa|Clara|Emma|Jade|Louise|Alice|"
    "Lina|Ambre|Inès|Maëlys|Lou|Mila|Nour|Zoé|Léna|Romane|Anaïs|Océane|Morgane|Gwenaëlle|"
    "Nolwenn|Maïwenn|Soizic|Enora|Maite|Amaia|Marie-Ange|Marie-Thérèse|Anne-Laure|"
    "Marie-Claude|Marie-Hélène|Anne-Marie|Fatima|Khadija|Samira|Nadia|Leïla|Yasmina|Karima|"
    "Amel|Soraya|Malika|Aïcha|Myriam|Yasmine|Imane|Rania|Salma|Fatoumata|Aminata|Mariam|"
    "Kadiatou|Awa|Bintou|Maïmouna|Ana|Conceição|Fernanda|Graça|Giulia|Francesca|Carmen|Pilar|"
    "Lucía|Linh|Mai|Thu|Lan|Sreymom|Sopheap|Mei|Xiaoling|Ayse|Elif|Zeynep|Agnieszka|"
    "Katarzyna|Anahit|Araxie|Zaïnaba|Mariama|Nadège|Guerline|Marie-Carmelle|Vaimiti|Hinano|"
    "Tiare|Murielle|Marie-Line|Ghjulia|Paule|Solène|Capucine|Alix|Margaux|Maëva|Naëlle",
    "|",
)


@dataclass
class Person:
    given: str
    surname: str
    female: bool


def _pick_surname(rng: random.Random, female: bool) -> str:
    groups = [g for g, _ in SURNAME_GROUPS]
    weights = [w for _, w in SURNAME_GROUPS]
    surname = rng.choice(rng.choices(groups, weights)[0])
    if female and surname in SURNAMES_POLAND and surname.endswith("ki"):
        surname = surname[:-1] + "a"
    if rng.random() < 0.06:  # a compound surname
        other = rng.choice(rng.choices(groups, weights)[0])
        if " " not in other and " " not in surname and other != surname:
            surname = f"{surname}-{other}"
    return surname


def new_person(rng: random.Random, female: bool | None = None) -> Person:
    if female is None:
        female = rng.random() < 0.5
    given = rng.choice(GIVEN_F if female else GIVEN_M)
    return Person(given, _pick_surname(rng, female), female)


def _upper(name: str) -> str:
    return name.upper()


def name_form(rng: random.Random, person: Person, titled: bool = False) -> str:
    """A name as agents write it (never with its title)."""
    g, s = person.given, person.surname
    if titled:
        forms = [(s, 40), (f"{g} {s}", 35), (_upper(s), 12), (f"{g} {_upper(s)}", 8)]
        forms.append((f"{g[0]}. {s}", 5))
    else:
        forms = [(f"{g} {s}", 52), (f"{_upper(s)} {g}", 11), (f"{g} {_upper(s)}", 8)]
        forms += [(g, 8), (s, 6), (f"{g} {s}".lower(), 8), (f"{g[0]}. {s}", 3)]
        forms.append((f"{s} {g}", 4))
    return rng.choices([f for f, _ in forms], [w for _, w in forms])[0]


def title(rng: random.Random, person: Person) -> str:
    if person.female:
        return rng.choices(["Mme", "Madame", "Mme.", "Mlle", "Dr", "Me"], [50, 30, 5, 3, 6, 6])[0]
    return rng.choices(["M.", "Monsieur", "Mr", "M", "Dr", "Me"], [50, 30, 8, 3, 5, 4])[0]


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def email_of(rng: random.Random, person: Person) -> str:
    given = re.sub(r"[^a-z-]", "", _ascii(person.given).lower())
    surname = re.sub(r"[^a-z-]", "", _ascii(person.surname.replace(" ", "")).lower())
    domain = rng.choice(
        [
            "gmail.com", "orange.fr", "laposte.net", "free.fr", "hotmail.fr", "yahoo.fr",
            "sfr.fr", "wanadoo.fr", "outlook.fr", "icloud.com", "mail.pf", "lagoon.nc",
            "ac-rennes.fr", "ac-lille.fr", "interieur.gouv.fr", "dgfip.finances.gouv.fr",
            "justice.fr", "sdis29.fr", "univ-lorraine.fr", "francetravail.fr", "chu-brest.fr",
            "douane.finances.gouv.fr", "agriculture.gouv.fr", "ville-quimper.fr",
        ]
    )  # fmt: skip
    year = str(rng.randint(60, 99) if rng.random() < 0.6 else rng.randint(1, 99))
    local = rng.choice(
        [
            f"{given}.{surname}", f"{given[0]}.{surname}", f"{surname}.{given}",
            f"{given}{surname}{year}", f"{given}_{surname}", f"{given}-{surname}",
            f"{surname}.{given[0]}", f"{given}.{surname}{rng.randint(2, 9)}",
        ]
    )  # fmt: skip
    return f"{local}@{domain}"


# -- places ------------------------------------------------------------------------------------

COMMUNES_TEXT = """
75011 Paris|75018 Paris|75020 Paris|13003 Marseille|13013 Marseille|69003 Lyon|69008 Lyon|
31200 Toulouse|31400 Toulouse|06300 Nice|44300 Nantes|34070 Montpellier|67200 Strasbourg|
33800 Bordeaux|59000 Lille|35200 Rennes|51100 Reims|42100 Saint-Étienne|83200 Toulon|
76620 Le Havre|38100 Grenoble|21000 Dijon|49100 Angers|30900 Nîmes|69100 Villeurbanne|
63100 Clermont-Ferrand|72100 Le Mans|13090 Aix-en-Provence|29200 Brest|37100 Tours|
80090 Amiens|87100 Limoges|74000 Annecy|66100 Perpignan|92100 Boulogne-Billancourt|57070 Metz|
25000 Besançon|45100 Orléans|76100 Rouen|68200 Mulhouse|14000 Caen|54000 Nancy|
95100 Argenteuil|93100 Montreuil|93200 Saint-Denis|59100 Roubaix|59200 Tourcoing|84000 Avignon|
92000 Nanterre|94000 Créteil|86000 Poitiers|94400 Vitry-sur-Seine|64000 Pau|93600 Aulnay-sous-Bois|
17000 La Rochelle|62100 Calais|06400 Cannes|64100 Bayonne|64200 Biarritz|64600 Anglet|
64500 Saint-Jean-de-Luz|64700 Hendaye|64250 Espelette|64480 Ustaritz|29000 Quimper|
29600 Morlaix|56100 Lorient|56000 Vannes|22000 Saint-Brieuc|22300 Lannion|29100 Douarnenez|
29270 Carhaix-Plouguer|68000 Colmar|67500 Haguenau|67600 Sélestat|67700 Saverne|67210 Obernai|
48000 Mende|12000 Rodez|12100 Millau|81000 Albi|46100 Figeac|15000 Aurillac|
43000 Le Puy-en-Velay|23000 Guéret|19100 Brive-la-Gaillarde|24100 Bergerac|47000 Agen|
40100 Dax|32000 Auch|65000 Tarbes|09000 Foix|09100 Pamiers|11100 Narbonne|34500 Béziers|
34200 Sète|30100 Alès|07000 Privas|26200 Montélimar|05000 Gap|04000 Digne-les-Bains|
01100 Oyonnax|73200 Albertville|74200 Thonon-les-Bains|42300 Roanne|03200 Vichy|58000 Nevers|
89100 Sens|10000 Troyes|08000 Charleville-Mézières|02100 Saint-Quentin|60200 Compiègne|
62300 Lens|59140 Dunkerque|59300 Valenciennes|27000 Évreux|61000 Alençon|
50100 Cherbourg-en-Cotentin|53000 Laval|49300 Cholet|85000 La Roche-sur-Yon|79000 Niort|
16100 Cognac|36000 Châteauroux|18100 Vierzon|41000 Blois|28000 Chartres|77100 Meaux|
91000 Évry-Courcouronnes|78200 Mantes-la-Jolie|95200 Sarcelles|88000 Épinal|55100 Verdun|
57100 Thionville|70000 Vesoul|39000 Lons-le-Saunier|90000 Belfort|71100 Chalon-sur-Saône
"""
CORSE_TEXT = (
    "20000 Ajaccio|20090 Ajaccio|20200 Bastia|20250 Corte|20137 Porto-Vecchio|20260 Calvi|"
    "20110 Propriano|20100 Sartène"
)
OVERSEAS_TEXT = (
    "97110 Pointe-à-Pitre|97139 Les Abymes|97122 Baie-Mahault|97190 Le Gosier|"
    "97200 Fort-de-France|97232 Le Lamentin|97233 Schœlcher|97231 Le Robert|97300 Cayenne|"
    "97310 Kourou|97320 Saint-Laurent-du-Maroni|97400 Saint-Denis|97410 Saint-Pierre|"
    "97460 Saint-Paul|97430 Le Tampon|97440 Saint-André|97600 Mamoudzou|97615 Dzaoudzi"
)
PACIFIC_TEXT = (
    "98714 Papeete|98704 Faa'a|98716 Pirae|98800 Nouméa|98835 Dumbéa|98890 Païta|98860 Koné"
)


def _communes(text: str) -> list[tuple[str, str]]:
    items = [part.strip() for part in text.replace("\n", "").split("|") if part.strip()]
    return [(item[:5], item[6:]) for item in items]


COMMUNES = _communes(COMMUNES_TEXT)
CORSE = _communes(CORSE_TEXT)
OVERSEAS = _communes(OVERSEAS_TEXT)
PACIFIC = _communes(PACIFIC_TEXT)

STREETS = _split(
    "rue des Lilas|rue de la Gare|chemin des Vignes|impasse des Tilleuls|allée des Mésanges|"
    "avenue de la République|boulevard Gambetta|rue Jean-Jaurès|place du Marché|route de Quimper|"
    "rue du Moulin|rue Pasteur|rue Victor-Hugo|rue du Général-Leclerc|rue des Écoles|"
    "quai des Chartrons|rue Saint-Michel|chemin de Halage|rue des Frères-Lumière|rue des Rosiers|"
    "rue de l'Église|chemin de la Ravine|route de la Plaine|rue du Commerce|rue Schœlcher|"
    "allée des Acacias|rue des Hortensias|impasse du Lavoir|rue de la Fontaine|avenue Foch|"
    "rue du Stade|chemin du Bois-Joli|rue des Peupliers|rue Louise-Michel|avenue des Pins|"
    "rue de Kerléguer|chemin d'Errota|rue Paul-Bert|rue des Cordiers|rue Haute|rue Basse|"
    "impasse des Glycines|rue du 8-Mai-1945|rue de la Liberté|boulevard de la Mer|"
    "chemin des Canuts|rue des Tanneurs|allée Marcel-Pagnol|rue Aristide-Briand|rue du Four|"
    "sentier des Douaniers|rue des Mimosas|avenue Clemenceau|cours Lafayette|rue Sainte-Claire",
    "|",
)
ABBREV = {
    "rue": ["r.", "rue", "R."],
    "avenue": ["av.", "av", "Av."],
    "boulevard": ["bd", "bd.", "Bd"],
    "chemin": ["chem.", "ch.", "chemin"],
    "impasse": ["imp.", "imp"],
    "allée": ["all.", "allée"],
    "place": ["pl.", "place"],
    "route": ["rte", "rte."],
    "quai": ["qu.", "quai"],
    "cours": ["crs", "cours"],
    "sentier": ["sent.", "sentier"],
}
RESIDENCES = _split(
    "Les Glycines|Le Clos Fleuri|Les Terrasses du Port|Bellevue|Les Hauts de Kerlann|"
    "Le Parc des Sports|Les Jardins d'Ossau|Cité Bougainvilliers|Les Flamboyants|Le Beffroi",
    "|",
)
LIEUX_DITS = _split(
    "Kerhervé|Ker Anna|Le Moulin Neuf|Les Granges|La Bruyère|Le Bourg|Les Hauts de Bellevue|"
    "La Ravine Blanche|Morne Rouge|Quartier Bas|Trou d'Eau|Kervoas|La Croix Blanche|"
    "Les Quatre Vents|Bois-Sec|Lagrange",
    "|",
)
PERSON_STREETS = _split(
    "rue Jean-Jaurès|avenue du Général-Leclerc|boulevard Louis-Pasteur|place Charles-de-Gaulle|"
    "rue Victor-Hugo|quai Paul-Doumer|allée Simone-Veil|rue Aristide-Briand|cours Gambetta|"
    "rue du Docteur-Roux|avenue Jean-Moulin|rue Émile-Zola|boulevard Clemenceau|"
    "place Aimé-Césaire|rue Gaston-Monnerville",
    "|",
)


def _commune(rng: random.Random) -> tuple[str, str]:
    draw = rng.random()
    if draw < 0.10:
        return rng.choice(CORSE)
    if draw < 0.22:
        return rng.choice(OVERSEAS)
    if draw < 0.27:
        return rng.choice(PACIFIC)
    return rng.choice(COMMUNES)


def _street(rng: random.Random, abbreviate: bool) -> str:
    street = rng.choice(STREETS)
    kind, rest = street.split(" ", 1)
    if abbreviate and kind in ABBREV:
        kind = rng.choice(ABBREV[kind])
    return f"{kind} {rest}"


def _number(rng: random.Random) -> str:
    number = str(rng.choices([rng.randint(1, 30), rng.randint(31, 240)], [3, 1])[0])
    suffix = rng.choices(["", " bis", " ter", "bis", "B", " A"], [80, 8, 4, 3, 3, 2])[0]
    return number + suffix


def address(rng: random.Random, kind: str = "any") -> str:
    """A home address as one string, in the forms agents write."""
    cp, town = _commune(rng)
    if kind == "bp":
        cp, town = rng.choice(PACIFIC + OVERSEAS[-2:])
        return rng.choice(
            [
                f"BP {rng.randint(10, 9999)}, {cp} {town}",
                f"B.P. {rng.randint(10, 999)} - {cp} {town.upper()}",
            ]
        )
    if cp.startswith(("987", "988")) and rng.random() < 0.5:
        side = rng.choice(["côté mer", "côté montagne"])
        return f"PK {rng.randint(1, 30)},{rng.randint(1, 9)} {side}, {cp} {town}"
    town_text = town.upper() if rng.random() < 0.25 else town
    abbreviate = rng.random() < 0.3
    street = _street(rng, abbreviate)
    number = _number(rng)
    if kind == "multi":
        form = rng.choice(["ml", "ml_res"])
    elif kind == "line":
        form = rng.choice(["std", "std", "nocomma", "nonum", "res", "ld", "dash", "a"])
    else:
        form = rng.choices(
            ["std", "nocomma", "nonum", "res", "ld", "dash", "a", "ml", "ml_res", "lower"],
            [24, 10, 10, 9, 8, 6, 6, 10, 5, 8],
        )[0]
    if form == "std":
        text = f"{number} {street}, {cp} {town_text}"
    elif form == "nocomma":
        text = f"{number} {street} {cp} {town_text}"
    elif form == "nonum":
        text = f"{street}, {cp} {town_text}"
    elif form == "res":
        bat = rng.choice("ABCDEFGH")
        flat = rng.choice(["appt", "apt", "appartement", "app."]) + f" {rng.randint(1, 80)}"
        res = rng.choice(RESIDENCES)
        text = f"Résidence {res}, bât. {bat}, {flat}, {number} {street}, {cp} {town_text}"
        if rng.random() < 0.4:
            text = f"{flat}, {rng.randint(1, 9)}e étage, {number} {street}, {cp} {town_text}"
    elif form == "ld":
        place = rng.choice(LIEUX_DITS)
        text = rng.choice(
            [f"lieu-dit {place}, {cp} {town_text}", f"Lieu-dit {place} {cp} {town_text}",
             f"hameau {place}, {cp} {town_text}", f"{place}, {cp} {town_text}",
             f"maison {rng.choice(SURNAMES_BASQUE)}, quartier {place}, {cp} {town_text}"]
        )  # fmt: skip
    elif form == "dash":
        text = f"{number}, {street} – {cp} {town_text}"
    elif form == "a":
        text = f"{number} {street} à {town}"
    elif form == "ml":
        text = f"{number} {street}\n{cp} {town_text}"
    elif form == "ml_res":
        res = rng.choice(RESIDENCES)
        text = (
            f"Résidence {res} - Bât {rng.choice('ABCD')}\n{number} {street}\n{cp} {town.upper()}"
        )
    else:
        text = f"{number} {street} {cp} {town}".lower()
    return text


def office_address(rng: random.Random, kind: str = "") -> str:
    """An administration's office address (not personal, even on a street named after someone)."""
    cp, town = rng.choice(COMMUNES + CORSE + OVERSEAS)
    street = rng.choice(PERSON_STREETS + STREETS[:12])
    number = rng.randint(1, 60)
    forms = [
        ("mairie", f"Hôtel de ville, place de la Mairie, {cp} {town}"),
        ("bare", f"{number} {street}, CS {rng.randint(10000, 99999)}, {cp} {town.upper()} CEDEX"),
        ("dgfip", f"Centre des finances publiques, {number} {street}, {cp} {town}"),
        ("pref", f"Préfecture, service des étrangers, {number} {street}, {cp} {town} Cedex"),
        ("ccas", f"CCAS de {town}, {number} {street}, {cp} {town}"),
        ("greffe", f"Tribunal judiciaire, greffe civil, {number} {street}, {cp} {town}"),
        ("ddpp", f"Direction départementale de la protection des populations, {number} {street}, "
                 f"{cp} {town}"),
        ("ft", f"Agence France Travail, {number} {street}, {cp} {town}"),
        ("bare", f"{number} {street} (bureau {rng.randint(100, 450)}), {cp} {town}"),
    ]  # fmt: skip
    return rng.choice([text for key, text in forms if kind in ("", key)])


EPONYMS: tuple[tuple[str, str], ...] = (
    ("lycée Jean-Moulin", "m"), ("collège Simone-Veil", "m"), ("école Jules-Ferry", "f"),
    ("école maternelle Marie-Curie", "f"), ("médiathèque Aimé-Césaire", "f"),
    ("gymnase Marcel-Cerdan", "m"), ("stade Pierre-de-Coubertin", "m"),
    ("hôpital Édouard-Herriot", "m"), ("université Paul-Sabatier", "f"),
    ("IUT Robert-Schuman", "m"), ("espace Gisèle-Halimi", "m"), ("crèche Lucie-Aubrac", "f"),
    ("salle Boris-Vian", "f"), ("piscine Alfred-Nakache", "f"), ("lycée Saint-Exupéry", "m"),
    ("collège Françoise-Dolto", "m"), ("EHPAD Jeanne-Jugan", "m"),
    ("lycée agricole Théodore-Monod", "m"), ("lycée Anne-de-Bretagne", "m"),
    ("collège Louise-Michel", "m"), ("maison de quartier Nelson-Mandela", "f"),
    ("lycée Paul-Gauguin", "m"), ("lycée Victor-Schœlcher", "m"),
    ("centre culturel Tjibaou", "m"), ("caserne Lamoricière", "f"),
    ("centre hospitalier Sainte-Anne", "m"), ("école Gaston-Monnerville", "f"),
    ("collège Olympe-de-Gouges", "m"), ("centre de secours Jean-Bart", "m"),
)  # fmt: skip


def eponym(rng: random.Random, how: str) -> str:
    name, gender = rng.choice(EPONYMS)
    if rng.random() < 0.35:
        _, _, person = name.partition(" ")
        if person and "-" in person and not person.startswith("de "):
            words = name.split(" ")
            name = " ".join([*words[:-1], words[-1].replace("-", " ")])
    vowel = name[0] in "aeéiouyhAEIOUÉH"
    if how == "":
        return name
    article = {"m": "le ", "f": "la "}[gender] if not vowel else "l'"
    if how == "l":
        return article + name
    if how == "L":
        return (article[0].upper() + article[1:]) + name
    if how == "a":
        return ("au " if gender == "m" and not vowel else "à " + article) + name
    if how == "d":
        return ("du " if gender == "m" and not vowel else "de " + article) + name
    raise ValueError(how)


# -- identifiers ---------------------------------------------------------------------------------

MONTHS = _split(
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
)


def _digits(rng: random.Random, count: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(count))


def phone(rng: random.Random, kind: str = "any") -> str:
    draw = rng.random()
    if kind == "mobile" or (kind == "any" and draw < 0.55):
        head = rng.choice(["06", "07"])
        body = head + _digits(rng, 8)
    elif kind == "fixed" or (kind == "any" and draw < 0.72):
        body = rng.choice(["01", "02", "03", "04", "05", "09"]) + _digits(rng, 8)
    elif kind == "any" and draw < 0.92:
        heads = ["0690", "0691", "0696", "0694", "0692", "0693", "0639", "0590", "0596", "0262"]
        body = rng.choice(heads) + _digits(rng, 6)
    elif rng.random() < 0.5:
        rest = rng.choice(["87", "89"]) + _digits(rng, 6)
        spaced = " ".join(rest[i : i + 2] for i in range(0, 8, 2))
        return rng.choice([f"+689 {spaced}", spaced.replace(" ", "."), f"(689) {spaced}"])
    else:
        rest = rng.choice(["75", "77", "79", "28"]) + _digits(rng, 4)
        spaced = " ".join(rest[i : i + 2] for i in range(0, 6, 2))
        return rng.choice([f"+687 {spaced}", spaced.replace(" ", ".")])
    pairs = [body[i : i + 2] for i in range(0, 10, 2)]
    layout = rng.choices(
        ["space", "dot", "none", "dash", "+33", "0033", "+33c"], [35, 18, 14, 6, 14, 7, 6]
    )[0]
    if layout == "space":
        return " ".join(pairs)
    if layout == "dot":
        return ".".join(pairs)
    if layout == "none":
        return body
    if layout == "dash":
        return "-".join(pairs)
    country, national = "+33", body[1]
    for prefixes, code in (
        (("0690", "0691", "0590"), "+590"),
        (("0696", "0596"), "+596"),
        (("0694",), "+594"),
        (("0692", "0693", "0262", "0639"), "+262"),
    ):
        if body.startswith(prefixes):
            country, national = code, body[1:4]
    rest_pairs = " ".join(pairs[1:]) if national == body[1] else " ".join(pairs[2:])
    if layout == "+33c":
        return f"{country}{body[1:]}"
    if layout == "0033":
        return f"00{country[1:]} {national} {rest_pairs}"
    return f"{country} {national} {rest_pairs}"


def _short(month: str) -> str:
    shorts = {
        "janvier": "janv.", "février": "févr.", "avril": "avr.", "juillet": "juil.",
        "septembre": "sept.", "octobre": "oct.", "novembre": "nov.", "décembre": "déc.",
    }  # fmt: skip
    return shorts.get(month, month)


def birth_date(rng: random.Random, form: str = "any") -> str:
    year = rng.randint(2012, 2025) if form == "child" else rng.randint(1938, 2009)
    month = rng.randint(1, 12)
    day = rng.randint(1, calendar.monthrange(year, month)[1])
    if form == "year":
        return rng.choice([str(year), f"{MONTHS[month - 1]} {year}"])
    if form == "iso8":
        return f"{year}{month:02d}{day:02d}"
    if form == "dmy8":
        return f"{day:02d}{month:02d}{year}"
    day_word = "1er" if day == 1 else str(day)
    forms = [
        f"{day:02d}/{month:02d}/{year}", f"{day:02d}.{month:02d}.{year}",
        f"{day:02d}-{month:02d}-{year}", f"{day_word} {MONTHS[month - 1]} {year}",
        f"{day:02d}/{month:02d}/{year % 100:02d}",
        f"{day_word} {MONTHS[month - 1]} {year % 100:02d}",
        f"{year}-{month:02d}-{day:02d}", f"{day}/{month}/{year}", f"{year}{month:02d}{day:02d}",
        f"{day_word} {_short(MONTHS[month - 1])} {year}",
    ]  # fmt: skip
    return rng.choices(forms, [22, 8, 6, 18, 8, 6, 8, 8, 6, 4])[0]


def other_date(rng: random.Random, text: bool = False) -> str:
    year = rng.randint(2019, 2027)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    if text:
        return f"{'1er' if day == 1 else day} {MONTHS[month - 1]} {year}"
    return rng.choice([f"{day:02d}/{month:02d}/{year}", f"{day} {MONTHS[month - 1]} {year}"])


NIR_PLACES = [
    *("75", "13", "69", "29", "64", "67", "59", "33", "31", "44", "93", "2A", "2B", "2A", "2B"),
    *("971", "972", "973", "974", "976", "99"),
]


def nir(rng: random.Random, female: bool) -> str:
    sex = "2" if female else "1"
    year = f"{rng.randint(38, 99) if rng.random() < 0.8 else rng.randint(0, 9):02d}"
    month = f"{rng.randint(1, 12):02d}"
    place = rng.choice(NIR_PLACES)
    if len(place) == 3:
        commune = f"{rng.randint(1, 34):02d}"
    elif place == "99":
        commune = rng.choice(["350", "352", "351", "139", "127", "341", "243", "208"])
    else:
        commune = f"{rng.randint(1, 600):03d}"
    body = sex + year + month + place + commune + f"{rng.randint(1, 999):03d}"
    key = f"{97 - _nir_number(body) % 97:02d}"
    compact = body + key
    layout = rng.choices(["compact", "spaced", "key"], [45, 40, 15])[0]
    if layout == "compact":
        return compact
    if layout == "key":
        return f"{body} {key}"
    cut = [1, 3, 5, 7 if len(place) == 2 else 8, 10, 13, 15]
    parts, start = [], 0
    for end in cut:
        parts.append(compact[start:end])
        start = end
    return " ".join(parts)


def _iban_check(country: str, bban: str) -> str:
    return f"{98 - _iban_number(bban + country + '00') % 97:02d}"


def iban(rng: random.Random, foreign: bool | None = None) -> str:
    if foreign is None:
        foreign = rng.random() < 0.3
    if not foreign:
        country = rng.choice(["FR"] * 9 + ["MC"])
        bank = rng.choice(["30004", "30003", "20041", "10278", "11306", "18206", "16958", "30002",
                           "13335", "10907", "14505", "12548"])  # fmt: skip
        branch = _digits(rng, 5)
        account = _digits(rng, 11)
        key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
        bban = f"{bank}{branch}{account}{key:02d}"
    else:
        country = rng.choice(["DE", "BE", "ES", "PT", "LU", "NL"])
        if country == "DE":
            bban = _digits(rng, 18)
        elif country == "BE":
            first = _digits(rng, 10)
            check = int(first) % 97 or 97
            bban = f"{first}{check:02d}"
        elif country == "ES":
            bank_branch = _digits(rng, 8)
            account = _digits(rng, 10)

            def dc(digits: str, weights: Sequence[int]) -> str:
                value = 11 - sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
                return str({11: 0, 10: 1}.get(value, value))

            weights = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]
            bban = bank_branch + dc("00" + bank_branch, weights) + dc(account, weights) + account
        elif country == "PT":
            body = _digits(rng, 19)
            bban = body + f"{98 - int(body + '00') % 97:02d}"
        elif country == "LU":
            bban = _digits(rng, 16)
        else:  # NL: the account passes the "eleven test"
            account = _digits(rng, 10)
            while sum(int(d) * (10 - i) for i, d in enumerate(account)) % 11:
                account = _digits(rng, 10)
            bban = rng.choice(["ABNA", "INGB", "RABO"]) + account
    compact = country + _iban_check(country, bban) + bban
    if rng.random() < 0.3:
        return compact
    grouped = " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
    return grouped if rng.random() < 0.85 else grouped.lower()


def card(rng: random.Random, brand: str = "any") -> str:
    if brand == "any":
        brand = rng.choices(["visa", "cb", "mc", "amex"], [35, 25, 28, 12])[0]
    if brand == "amex":
        body = rng.choice(["34", "37"]) + _digits(rng, 12)
        number = body + luhn_digit(body)
        layout = rng.choice(["space", "dash", "none"])
        parts = [number[:4], number[4:10], number[10:]]
    else:
        if brand == "visa":
            head = "4" + _digits(rng, 5)
        elif brand == "cb":
            head = rng.choice(["4970", "4973", "4974", "5132"]) + _digits(rng, 2)
        else:
            head = rng.choice(["51", "53", "55", "2221", "2720"])
            head += _digits(rng, 6 - len(head))
        body = head + _digits(rng, 9)
        number = body + luhn_digit(body)
        layout = rng.choices(["space", "dash", "none"], [55, 20, 25])[0]
        parts = [number[i : i + 4] for i in range(0, 16, 4)]
    if layout == "space":
        return " ".join(parts)
    if layout == "dash":
        return "-".join(parts)
    return number


def siret(rng: random.Random, siren_only: bool = False) -> str:
    head = str(rng.randint(1, 9)) + _digits(rng, 7)
    siren = head + luhn_digit(head)
    if siren_only:
        return siren if rng.random() < 0.5 else f"{siren[:3]} {siren[3:6]} {siren[6:]}"
    nic = _digits(rng, 4)
    full = siren + nic + luhn_digit(siren + nic)
    return full if rng.random() < 0.5 else f"{full[:3]} {full[3:6]} {full[6:9]} {full[9:]}"


def luhn_file_number(rng: random.Random) -> str:
    body = rng.choice(["2024", "2025", "1000", "7700", "9250", "4000"]) + _digits(rng, 11)
    number = body + luhn_digit(body)
    if rng.random() < 0.5:
        return " ".join(number[i : i + 4] for i in range(0, 16, 4))
    return number


def reference(rng: random.Random) -> str:
    year = rng.randint(2022, 2026)
    return rng.choice(
        [
            f"{year}-{rng.randint(1, 99999):05d}", f"INC{_digits(rng, 7)}",
            f"CCAS/{year}/{rng.randint(1, 999):03d}", f"RG {year % 100}/{_digits(rng, 5)}",
            f"DOS-{_digits(rng, 6)}", f"{year}.{rng.randint(1, 9999):04d}.SDIS",
            f"{year % 100}FR{_digits(rng, 12)}A{rng.randint(0, 9)}",
        ]
    )  # fmt: skip


# -- topics: predicates said of a person (3rd person; {m|f} agreements) ---------------------------

PREDICATES: dict[str, tuple[str, ...]] = {
    "sante": (
        "est diabétique",
        "est sous insuline depuis deux ans",
        "a fait un burn-out en mars",
        "est en arrêt pour une dépression",
        "a été {opéré|opérée} du genou la semaine dernière",
        "suit une chimiothérapie",
        "a une sclérose en plaques",
        "est {atteint|atteinte} de la maladie de Crohn",
        "est en mi-temps thérapeutique",
        "a été {hospitalisé|hospitalisée} en psychiatrie",
        "a obtenu sa RQTH",
        "souffre d'une lombalgie chronique",
        "est épileptique",
        "est {suivi|suivie} par un addictologue",
        "a fait un AVC l'an dernier",
        "est asthmatique",
        "porte un appareil auditif",
        "est {sourd|sourde} de naissance",
        "est en congé de longue maladie",
        "prend des antidépresseurs",
        "est bipolaire",
        "a une hernie discale",
        "est {dialysé|dialysée} trois fois par semaine",
        "a une allergie sévère aux arachides",
        "se remet d'un cancer du côlon",
        "a été {testé positif|testée positive} au covid hier",
    ),
    "religion": (
        "est {musulman pratiquant|musulmane pratiquante}",
        "fait le ramadan",
        "ne mange pas de porc pour des raisons religieuses",
        "est de confession juive",
        "respecte le shabbat",
        "va à la messe tous les dimanches",
        "est {catholique pratiquant|catholique pratiquante}",
        "est témoin de Jéhovah",
        "est {protestant|protestante}",
        "fréquente une église évangélique",
        "est bouddhiste",
        "s'est {converti|convertie} à l'islam",
        "{porte la kippa|porte le voile}",
        "a demandé un congé pour Yom Kippour",
        "sera {absent|absente} pour l'Aïd-el-Kébir",
        "fait le carême orthodoxe",
        "se dit athée",
        "fréquente la mosquée du quartier",
        "chante à la chorale de sa paroisse",
        "a été {baptisé|baptisée} à Pâques",
        "revient de son pèlerinage à La Mecque",
        "est {hindou|hindoue}",
        "prie cinq fois par jour",
        "est adventiste et ne travaille pas le samedi",
        "porte le turban sikh",
    ),
    "opinion_politique": (
        "est {encarté|encartée} à La France insoumise",
        "milite au Rassemblement national",
        "est {adhérent|adhérente} des Républicains",
        "a voté Mélenchon au premier tour",
        "est {sympathisant|sympathisante} écologiste",
        "colle des affiches pour le PCF",
        "distribue des tracts pour Renaissance",
        "est membre du Parti socialiste",
        "a été {candidat|candidate} sur une liste Reconquête",
        "se dit royaliste",
        "est {militant|militante} d'extrême gauche",
        "soutient ouvertement Zemmour",
        "a manifesté avec les gilets jaunes",
        "est {militant|militante} indépendantiste",
        "vote toujours à droite",
        "est {trésorier|trésorière} de la section locale du MoDem",
        "a quitté LR pour Horizons",
        "se dit anarchiste",
        "milite pour Femu a Corsica",
        "est {militant|militante} du FLNKS",
        "est {engagé|engagée} chez Lutte ouvrière",
        "est {proche|proche} du Nouveau Front populaire",
        "a voté Le Pen aux européennes",
        "tient le stand du PS au marché",
    ),
    "syndicat": (
        "est {délégué syndical|déléguée syndicale} FO",
        "est {adhérent|adhérente} à la CGT",
        "est {élu|élue} CFDT au CSE",
        "a pris sa carte à SUD Santé",
        "est secrétaire de la section UNSA",
        "milite à la FSU",
        "est {syndiqué|syndiquée} au SNES",
        "bénéficie d'une décharge syndicale",
        "représente Solidaires au comité social",
        "a rejoint le SNUipp",
        "est {mandaté|mandatée} par la CFE-CGC",
        "siège pour FO en CAP",
        "est {militant|militante} CFTC",
        "cotise à la CGT depuis vingt ans",
        "est {permanent syndical|permanente syndicale} à la CFDT",
        "est {trésorier|trésorière} du syndicat Alliance",
        "tient la permanence de la CGT le jeudi",
        "est {représentant|représentante} de section syndicale",
        "est {adhérent|adhérente} du SNALC",
        "est {élu|élue} Sud Éducation en CSA",
        "fait partie du bureau de l'UNSA Éducation",
        "est {syndiqué|syndiquée} à la Confédération paysanne",
        "est {adhérent|adhérente} de la FNSEA",
        "est {délégué|déléguée} du personnel CGT",
    ),
    "origine": (
        "est d'origine marocaine",
        "a des parents algériens",
        "est {issu|issue} d'une famille rom",
        "est d'origine kabyle",
        "a la double nationalité franco-portugaise",
        "est d'origine vietnamienne",
        "est {métis|métisse}",
        "est d'ascendance comorienne",
        "a des origines arméniennes",
        "est {né|née} de parents sénégalais",
        "parle bambara avec sa famille",
        "est d'origine turque",
        "est kanak",
        "est {fils|fille} de harkis",
        "a des grands-parents polonais",
        "est {antillais|antillaise} d'origine",
        "est d'origine haïtienne",
        "vient d'une famille tamoule",
        "est {maghrébin|maghrébine}",
        "est d'origine chinoise",
        "a un père ivoirien",
        "est d'origine cap-verdienne",
        "est {manouche|manouche}",
        "est {noir|noire}",
    ),
    "vie_sexuelle": (
        "est {homosexuel|homosexuelle}",
        "est {gay|lesbienne}",
        "est {bisexuel|bisexuelle}",
        "vit avec {son compagnon|sa compagne}",
        "est {pacsé avec un homme|pacsée avec une femme}",
        "a épousé {un homme|une femme} l'été dernier",
        "a fait son coming out au bureau",
        "est {un homme trans|une femme trans}",
        "est en transition de genre",
        "a fait modifier la mention de son sexe à l'état civil",
        "est {asexuel|asexuelle}",
        "a une liaison avec {une collègue mariée|un collègue marié}",
        "fréquente des clubs libertins",
        "est en couple avec {un homme|une femme}",
        "a {un petit ami|une petite amie} depuis l'an dernier",
        "se dit non binaire",
        "est {polyamoureux|polyamoureuse}",
        "se définit comme queer",
        "a des relations avec {des hommes|des femmes}",
        "est {marié avec un homme|mariée avec une femme}",
        "vit en couple avec {un autre homme|une autre femme}",
        "est {hétérosexuel|hétérosexuelle}",
        "{a quitté sa femme pour un homme|a quitté son mari pour une femme}",
        "trompe {sa femme|son mari} depuis des mois",
    ),
    "genetique_biometrie": (
        "a fait un test ADN de paternité",
        "est {porteur|porteuse} du gène BRCA1",
        "a une mutation du facteur V Leiden",
        "a donné son ADN à un site de généalogie",
        "a son profil génétique au FNAEG",
        "a fait séquencer son génome",
        "a fait relever ses empreintes digitales pour son titre de séjour",
        "a enregistré son empreinte sur la pointeuse du service",
        "a fait enregistrer son gabarit facial pour le contrôle d'accès",
        "a fait faire un caryotype",
        "est {atteint|atteinte} d'une maladie génétique rare",
        "a fait un test génétique pour la mucoviscidose",
        "a fait enregistrer l'empreinte de sa paume au contrôle d'accès",
        "a donné un échantillon de salive pour une étude génétique",
        "a enregistré son empreinte vocale auprès de sa banque",
        "a fait un test de compatibilité HLA",
        "est {hétérozygote|hétérozygote} pour la drépanocytose",
        "a demandé une analyse de filiation par ADN",
        "a fait un test ADN récréatif sur MyHeritage",
        "pointe avec la reconnaissance faciale",
        "a fait rechercher une mutation du gène CFTR",
        "a fait un test ADN pour retrouver son père biologique",
    ),
    "infraction": (
        "a été {condamné|condamnée} pour vol",
        "est en garde à vue depuis hier soir",
        "a un casier judiciaire chargé",
        "a été {flashé|flashée} à 152 km/h",
        "est sous contrôle judiciaire",
        "purge une peine de huit mois",
        "est {mis|mise} en examen pour escroquerie",
        "s'est fait retirer son permis pour conduite en état d'ivresse",
        "a été {verbalisé|verbalisée} pour stationnement gênant",
        "doit faire 70 heures de travail d'intérêt général",
        "a été {interpellé|interpellée} pour outrage",
        "a été {condamné|condamnée} pour fraude aux allocations",
        "a fait l'objet d'une ordonnance pénale",
        "est {convoqué|convoquée} au tribunal correctionnel comme {prévenu|prévenue}",
        "a été {contrôlé positif|contrôlée positive} au cannabis au volant",
        "a été {pris|prise} en flagrant délit de vol à l'étalage",
        "a un sursis probatoire",
        "sort de détention la semaine prochaine",
        "a fait de la prison",
        "s'est fait saisir 40 cartouches de contrebande par la douane",
        "a reçu une amende douanière pour fausse déclaration",
        "a été {verbalisé|verbalisée} pour abattage clandestin",
        "a été {condamné|condamnée} pour maltraitance animale",
        "est {poursuivi|poursuivie} pour fraude fiscale",
        "a été {condamné|condamnée} pour incendie volontaire",
    ),
}

FIRST_PERSON = {
    "est": "suis", "a": "ai", "vit": "vis", "suit": "suis", "prend": "prends", "fait": "fais",
    "va": "vais", "sort": "sors", "porte": "porte", "milite": "milite", "fréquente": "fréquente",
    "souffre": "souffre", "respecte": "respecte", "distribue": "distribue", "colle": "colle",
    "siège": "siège", "représente": "représente", "cotise": "cotise", "soutient": "soutiens",
    "parle": "parle", "bénéficie": "bénéficie", "vote": "vote", "pointe": "pointe",
    "doit": "dois", "prie": "prie", "sera": "serai", "tient": "tiens", "chante": "chante",
    "revient": "reviens", "purge": "purge", "trompe": "trompe", "vient": "viens",
    "s'est": "me suis", "se dit": "me dis", "se définit": "me définis", "se remet": "me remets",
    "ne mange": "ne mange", "sort de": "sors de", "s'est fait": "me suis fait",
}  # fmt: skip


def _first_person_plain(predicate: str) -> str | None:
    for size in (2, 1):
        head = " ".join(predicate.split(" ")[:size])
        if head in FIRST_PERSON:
            rest = predicate[len(head) :]
            return FIRST_PERSON[head] + re.sub(
                r"\b(son|sa|ses)\b", lambda m: {"son": "mon", "sa": "ma", "ses": "mes"}[m[1]], rest
            )
    return None


def first_person(predicate: str) -> str | None:
    """The predicate said by its owner ("est diabétique" -> "suis diabétique")."""
    match = re.fullmatch(r"\{([^|{}]*)\|([^|{}]*)\}(.*)", predicate)
    if match:
        male, female = _first_person_plain(match[1]), _first_person_plain(match[2])
        if male is None or female is None:
            return None
        return "{" + male + "|" + female + "}" + match[3]
    return _first_person_plain(predicate)


# -- rendering ------------------------------------------------------------------------------------

SLOT = re.compile(r"\{([^{}\"\n]*)\}")
PERSON_SLOT = re.compile(r"(T?)([PQRSHF])(G|S|SU|N|UG|GS)?")
TOWNS_FOR_MAIL = ("quimper", "brest", "bayonne", "colmar", "ajaccio", "nimes", "lens", "albi",
                  "vannes", "tarbes", "gap", "sete", "cholet", "laval")  # fmt: skip
FUNCTIONAL = (
    "etat-civil@ville-{t}.fr",
    "ccas@mairie-{t}.fr",
    "accueil@mairie-{t}.fr",
    "pref-etrangers@{t}.gouv.fr",
    "sip.{t}@dgfip.finances.gouv.fr",
    "greffe.tj-{t}@justice.fr",
    "elections@ville-{t}.fr",
    "ddpp@{t}.gouv.fr",
    "scolarite@univ-{t}.fr",
    "ce.drh@ac-{t}.fr",
    "prevention@sdis-{t}.fr",
    "admissions@ch-{t}.fr",
    "ne-pas-repondre@caf-{t}.fr",
    "contact@{t}.francetravail.fr",
    "bureau.douane-{t}@douane.fr",
)


class Render:
    """One rendering of a template: its people, its subject's gender, its segments."""

    def __init__(self, rng: random.Random, template: str) -> None:
        self.rng = rng
        self.people: dict[str, Person] = {}
        if "{!f}" in template:
            self.people["P"] = new_person(rng, True)
        elif "{!m}" in template:
            self.people["P"] = new_person(rng, False)
        self.segments: list[Segment] = []

    def person(self, key: str) -> Person:
        if key not in self.people:
            forced = {"H": False, "F": True}.get(key)
            self.people[key] = new_person(self.rng, forced)
        return self.people[key]

    @property
    def female(self) -> bool:
        return self.person("P").female

    def gendered(self, text: str, female: bool | None = None) -> str:
        is_female = self.female if female is None else female

        def pick(match: re.Match[str]) -> str:
            male, _, fem = match[1].partition("|")
            return fem if is_female else male

        return re.sub(r"\{([^{}]*\|[^{}]*)\}", pick, text)

    def fill(self, template: str) -> list[Segment]:
        position = 0
        for match in SLOT.finditer(template):
            if match.start() > position:
                self.segments.append((template[position : match.start()], None))
            self.segments.extend(self.slot(match[1]))
            position = match.end()
        if position < len(template):
            self.segments.append((template[position:], None))
        return self.segments

    def slot(self, name: str) -> list[Segment]:
        rng = self.rng
        if name in ("!f", "!m"):
            return []
        if name.startswith("~"):
            return [(rng.choice(name[1:].split("|")), None)]
        if "|" in name:
            return [(self.gendered("{" + name + "}"), None)]
        if name.startswith(("T:", "JeT1:", "jeT1:")):
            kind, topic = name.split(":")
            if kind == "T":
                return [(self.gendered(rng.choice(PREDICATES[topic])), topic)]
            options = [p for p in (first_person(o) for o in PREDICATES[topic]) if p]
            predicate = self.gendered(rng.choice(options))
            pronoun = "J'" if predicate[0] in "aeiouyéèh" else "Je "
            return [(pronoun if kind == "JeT1" else pronoun.lower(), None), (predicate, topic)]
        simple = self.simple(name)
        if simple is not None:
            return simple
        match = PERSON_SLOT.fullmatch(name)
        if match:
            titled, key, part = match.groups()
            person = self.person(key)
            segments: list[Segment] = []
            if titled:
                segments.append((title(rng, person) + " ", None))
            if part == "G":
                value = person.given
            elif part == "S":
                value = person.surname
            elif part == "SU":
                value = person.surname.upper()
            elif part == "UG":
                value = f"{person.surname.upper()} {person.given}"
            elif part == "GS":
                value = f"{person.given} {person.surname}"
            else:
                value = name_form(rng, person, titled=bool(titled) or part == "N")
            segments.append((value, "personne"))
            return segments
        if name.startswith("civ"):
            return [(title(rng, self.person(name[3:] or "P")), None)]
        return [(self.plain(name), None)]

    def simple(self, name: str) -> list[Segment] | None:
        rng = self.rng
        labelled: dict[str, tuple[Callable[[], str], str]] = {
            "ADR": (lambda: address(rng), "adresse"),
            "ADR2": (lambda: address(rng), "adresse"),
            "ADR_1L": (lambda: address(rng, "line"), "adresse"),
            "ADR_ML": (lambda: address(rng, "multi"), "adresse"),
            "ADR_BP": (lambda: address(rng, "bp"), "adresse"),
            "TEL": (lambda: phone(rng), "telephone"),
            "TEL2": (lambda: phone(rng), "telephone"),
            "TELM": (lambda: phone(rng, "mobile"), "telephone"),
            "MAIL": (lambda: email_of(rng, self.person("P")), "email"),
            "MAILQ": (lambda: email_of(rng, self.person("Q")), "email"),
            "DDN": (lambda: birth_date(rng), "date_naissance"),
            "DDNY": (lambda: birth_date(rng, "year"), "date_naissance"),
            "DDNE": (lambda: birth_date(rng, "child"), "date_naissance"),
            "DDN8": (lambda: birth_date(rng, "dmy8"), "date_naissance"),
            "DDNISO": (lambda: birth_date(rng, "iso8"), "date_naissance"),
            "NIR": (lambda: nir(rng, self.female), "nir"),
            "IBAN": (lambda: iban(rng), "iban"),
            "IBANFR": (lambda: iban(rng, False), "iban"),
            "IBANX": (lambda: iban(rng, True), "iban"),
            "CB": (lambda: card(rng), "carte"),
            "CBVISA": (lambda: card(rng, "visa"), "carte"),
            "CBAMEX": (lambda: card(rng, "amex"), "carte"),
        }
        if name not in labelled:
            return None
        make, category = labelled[name]
        return [(make(), category)]

    def plain(self, name: str) -> str:
        rng = self.rng
        if name == "COM":
            return _commune(rng)[1]
        if name in ("dCOM", "aCOM"):
            return _with_preposition(name[0], _commune(rng)[1])
        if name == "CPCOM":
            return " ".join(_commune(rng))
        if name.endswith("EPO"):
            return eponym(rng, name[:-3])
        if name.startswith("FMAIL:"):
            mailboxes = [m for m in FUNCTIONAL if name[6:] in m]
            return rng.choice(mailboxes).format(t=rng.choice(TOWNS_FOR_MAIL))
        values: dict[str, Callable[[], str]] = {
            "OFF": lambda: office_address(rng),
            "OFF:mairie": lambda: office_address(rng, "mairie"),
            "OFF:greffe": lambda: office_address(rng, "greffe"),
            "OFF:bare": lambda: office_address(rng, "bare"),
            "STD": lambda: phone(rng, "fixed"),
            "FMAIL": lambda: rng.choice(FUNCTIONAL).format(t=rng.choice(TOWNS_FOR_MAIL)),
            "SIRET": lambda: siret(rng),
            "SIREN": lambda: siret(rng, True),
            "DOS": lambda: reference(rng),
            "L16": lambda: luhn_file_number(rng),
            "N10": lambda: "0" + _digits(rng, 9),
            "DATE": lambda: other_date(rng),
            "DATET": lambda: other_date(rng, True),
            "YEAR": lambda: str(rng.randint(2015, 2026)),
            "OLDYEAR": lambda: str(rng.randint(1950, 1999)),
            "N": lambda: str(rng.randint(2, 480)),
            "HOUR": lambda: f"{rng.randint(0, 23)} h {rng.randint(0, 59):02d}",
            "CB4": lambda: _digits(rng, 4),
            "EDE": lambda: f"{rng.randint(1, 95):02d}{_digits(rng, 6)}",
            "AGR": lambda: f"FR {rng.randint(1, 95):02d}.{_digits(rng, 3)}.{_digits(rng, 3)} CE",
            "BIC": lambda: rng.choice(
                ["BNPAFRPP", "SOGEFRPP", "PSSTFRPPXXX", "AGRIFRPP882", "CMCIFR2A", "CEPAFRPP"]
            ),
            "TREASURY": lambda: _treasury(rng),
        }
        if name not in values:
            raise KeyError(f"unknown slot {name!r}")
        return values[name]()


def _with_preposition(preposition: str, town: str) -> str:
    """ "de Brest", "d'Albi", "du Havre", "aux Abymes"..."""
    for article, de, a in (("Le ", "du ", "au "), ("Les ", "des ", "aux ")):
        if town.startswith(article):
            return (de if preposition == "d" else a) + town[len(article) :]
    if preposition == "a":
        return "à " + town
    return ("d'" if town[0] in "AEIOUÉÈYH" else "de ") + town


def _treasury(rng: random.Random) -> str:
    """The rest of a public treasury IBAN (an institution's account, not a person's)."""
    bank, branch, account = "10071", f"{rng.randint(10000, 99999)}", "000000" + _digits(rng, 5)
    key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
    bban = f"{bank}{branch}{account}{key:02d}"
    compact = "FR" + _iban_check("FR", bban) + bban
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


# -- templates ------------------------------------------------------------------------------------
# {P} the subject's name (any form), {TP} with a title, {PG} given name, {PS} surname, {PSU} in
# capitals, {PUG} "SURNAME Given", {PGS} "Given Surname", {PN} a name fit to follow a title;
# Q, R, S are other people, H a man, F a woman. {m|f} agrees with the subject; {~a|b} picks a
# word; {!f}/{!m} fixes the subject's gender; {T:topic} a predicate, {JeT1:topic} its owner's.

NAMES = [
    "Bonjour, je dois répondre à {TP} qui conteste le refus de son aide au CCAS, tu peux me "
    "proposer un courrier poli mais ferme ?",
    "peux tu reformuler ce mail pour {P} stp, {il|elle} n'a pas compris la décision de la "
    "commission",
    "L'officier d'état civil a mal orthographié le nom de {TP} dans l'acte, comment rédiger la "
    "mention rectificative ?",
    "Résume-moi l'entretien de {TP} avec sa conseillère France Travail, je colle les notes "
    "ci-dessous.",
    "La CAF nous transmet le dossier de {P} pour une aide au logement, quelles pièces manquent "
    "en général ?",
    "Au greffe, {TP} s'est {présenté|présentée} pour retirer une copie du jugement : que puis-je "
    "remettre sans l'accord du juge ?",
    "Objet : convocation de {TP}\nMerci de reformuler ce courrier en langage clair.",
    "{Le caporal|La caporale} {P} demande à passer en garde postée, aide-moi à rédiger la note "
    "au chef de centre.",
    "Traduis en anglais : « {TP} est {attendu|attendue} lundi au bureau des douanes du Havre pour "
    "le dédouanement de son véhicule. »",
    "Mon N+1 ({P}) me demande une synthèse des heures supplémentaires de novembre, comment la "
    "présenter ?",
    "| Nom | Prénom | Service |\n|---|---|---|\n| {PSU} | {PG} | état civil |\n| {QSU} | {QG} | "
    "élections |",
    "Liste des assesseurs du bureau n° 3 : {P}, {Q} et {R}. Peux-tu la mettre en tableau ?",
    "La proviseure {dEPO} signale que {TP}, {professeur|professeure} de SVT, est {absent|absente} "
    "depuis lundi sans nouvelles.",
    "Inscription en master : {l'étudiant|l'étudiante} {P} demande une dérogation de délai, "
    "rédige la réponse de la scolarité.",
    "Le vétérinaire inspecteur {Q} a visité l'élevage de {TP} hier, fais-moi un compte rendu à "
    "partir de ses notes.",
    "Bonjour, c'est {QG} du service des étrangers, je n'arrive pas à joindre {TP} pour la remise "
    "de son titre.",
    "{Le contribuable|La contribuable} {P} conteste la majoration de 10 %, comment lui expliquer "
    "le délai de réclamation ?",
    "Dans le formulaire d'admission, la personne à prévenir est {P} : faut-il la garder après la "
    "sortie ?",
    "Merci de préparer un mot de condoléances pour la famille de {TP}, {agent|agente} des espaces "
    "verts depuis 1998.",
    "{P} vient d'être {nommé chef|nommée cheffe} du bureau des élections, écris une annonce pour "
    "l'intranet.",
    "euh oui bonjour c'est {PGS} du SIP {dCOM} je rappelle pour le dossier de succession "
    "voilà merci",
    "Pouvez-vous me rappeler les horaires d'ouverture du service des cartes grises ?\n\n"
    "Cordialement,\n{P}\n{~Secrétaire de mairie|Gestionnaire RH|Attaché territorial|Greffe civil}",
    "> Le {DATE}, {P} a écrit :\n> je ne pourrai pas assurer la permanence samedi\nComment lui "
    "répondre gentiment ?",
    "Corrige l'orthographe : « {monsieur|madame} {PS} a déposer sa demande de logement social le "
    "mois dernier »",
    "Le maire délègue la signature des actes d'état civil à {TP}, {adjoint|adjointe} au maire : "
    "rédige l'arrêté.",
    "Je cherche une formule pour remercier {PG} et {QG} de leur aide pendant le recensement.",
    "Mariage du {DATE} : témoins {P} et {Q} ; futurs époux {H} et {F}. Prépare le déroulé de la "
    "cérémonie.",
    "{Le juge|La juge} {P} souhaite une note sur la jurisprudence des expulsions locatives.",
    "{P} a oublié son badge, qui peut lui ouvrir le bâtiment B ce soir ?",
    "Relance : l'entreprise de {TP} n'a toujours pas fourni son attestation URSSAF (SIRET "
    "{SIRET}).",
    "{Le lieutenant|La lieutenante} {P} prend le commandement du centre de secours {dCOM} au "
    "1er mars, prépare l'ordre du jour de la cérémonie.",
    "Pour la commission d'attribution, le dossier de la famille {PS} est-il complet ?",
    "alors j'ai eu {P} au téléphone ce matin {il|elle} voudrait un rendez-vous avec l'assistante "
    "sociale avant la fin du mois",
    "Contrôle PAC : {l'exploitant|l'exploitante} {P} demande un délai pour les justificatifs, "
    "quelle est la règle ?",
    "Fiche de poste — contact RH : {TP}, bureau 214.",
    "Traduis en espagnol ce message pour {P}, {étudiant|étudiante} Erasmus {arrivé|arrivée} de "
    "Séville : « votre carte étudiante est prête ».",
    "{PUG}, {adjoint administratif|adjointe administrative} — demande de mutation vers la "
    "DDFiP {dCOM}.",
    "Nous avons reçu une lettre manuscrite de {TP}, je te la recopie, peux-tu la résumer ?",
    "Le DASEN a reçu {TP} en audience au sujet de la carte scolaire {dCOM}.",
    "Jurés d'assises tirés au sort sur la commune : {P}, {Q} et {R}. Quelle lettre leur envoyer ?",
    "M. et Mme {HS} ont déposé un dossier de permis de construire, à qui l'adresser ?",
    "cc {PG} : tu peux relire le PV de la commission de sécurité avant envoi ?",
    "Remplaçant de {TP} pendant son congé : {Q}. Mets à jour l'organigramme.",
    "Le commissaire-enquêteur {P} rendra son rapport sur le PLU {dCOM} fin juin.",
]

ADDRESSES = [
    "Nouvelle adresse de {TP} : {ADR}",
    "Je déménage ! Ma nouvelle adresse : {ADR}. Merci de mettre à jour mon dossier agent.",
    "Attestation d'hébergement : je {soussigné|soussignée} {P}, demeurant {ADR}, certifie "
    "héberger {Q} depuis le {DATE}.",
    "Courrier revenu NPAI pour {TP}, l'adresse était {ADR}, que faire ?",
    "Expéditeur :\n{P}\n{ADR_ML}",
    "Visite à domicile prévue chez {TP}, {ADR}, jeudi à 14 h. Prépare une liste de points à "
    "vérifier.",
    "le pompier volontaire {P} habite {ADR} c'est pas trop loin du centre pour les astreintes ?",
    "Pour l'inscription sur la liste électorale, {P} déclare résider {ADR} : quel justificatif "
    "exiger ?",
    "Adresse de correspondance de {l'étudiant|l'étudiante} : {ADR}",
    "nom;prenom;adresse\n{PSU};{PG};{ADR_1L}",
    "Le colis retenu par la douane était adressé à {P}, {ADR}.",
    "Merci de corriger l'adresse de {TP} dans le logiciel : ce n'est pas {ADR} mais {ADR2}.",
    "Signification : l'acte doit être délivré à {TP}, demeurant {ADR}.",
    "Pour le recensement, la fiche logement indique {ADR}, occupant {P}.",
    "{L'enseignant|L'enseignante} {P} demande le remboursement de ses trajets depuis son "
    "domicile ({ADR}).",
    "lettre recommandée à envoyer à {P} {ADR_ML}",
    "Taxe foncière : le propriétaire {P}, {domicilié|domiciliée} {ADR}, conteste la valeur "
    "locative.",
    "Je te colle le bloc adresse :\n{civ} {PN}\n{ADR_ML}",
    "Responsables légaux de l'élève : {H} et {F}, domiciliés {ADR}.",
    "Titre de séjour : le justificatif de domicile de {P} ({ADR}) date de quatre mois, on "
    "l'accepte ?",
    "Le chien mordeur appartient à {TP}, {ADR} : rédige la mise en demeure de le présenter au "
    "vétérinaire.",
    "Adresse postale de {P} en Polynésie : {ADR_BP}",
    "adresse perso : {ADR}",
    "{TP} loge provisoirement chez sa sœur, {ADR}, le temps des travaux.",
    "Ordre de mission de {P} : départ du domicile, {ADR}, à 7 h.",
    "Le bénévole du plan grand froid signale une personne à la rue ; l'équipe passera ensuite "
    "chez {TP}, {ADR}.",
    "Pouvez-vous envoyer le duplicata de l'avis d'imposition à mon adresse : {ADR} ?",
    "{P} a signalé son changement d'adresse à la CAF : {ADR}. Le mettre aussi dans le dossier "
    "CCAS ?",
    "Adresse du logement sinistré de {TP} (incendie du {DATE}) : {ADR}.",
    "ma fille est à l'internat mais l'adresse des parents reste {ADR}",
]

CONTACTS = [
    "Tu peux rappeler {TP} au {TEL} ? {Il|Elle} attend une réponse pour la cantine.",
    "Mon portable perso si besoin : {TEL}",
    "Contact de l'{élu|élue} d'astreinte ce week-end : {P}, {TEL}.",
    "{P} — {TEL} — {MAIL}",
    "Pour la commission électorale, écrire à {P} ({MAIL}).",
    "Peux-tu rédiger un mail à {MAIL} pour dire que sa demande de bourse est incomplète ?",
    "{L'exploitant|L'exploitante} ne répond pas au fixe, essayer son portable {TELM}.",
    "je vous laisse mon numéro {TEL} rappelez moi svp c pour l'allocation logement",
    "Personne à prévenir : {P}, {TEL}",
    "Sa nouvelle adresse mail est {MAIL}, l'ancienne ne marche plus.",
    "De : {P} <{MAIL}>\nObjet : stage de découverte\nBonjour, je cherche un stage de trois jours "
    "dans vos services.",
    "{P} ({TEL}) propose d'héberger le stagiaire, c'est possible ?",
    "Tél. domicile : {TEL} / Tél. portable : {TEL2}",
    "{agent recenseur|agente recenseuse} {P} : {TEL}",
    "Tu peux mettre en forme cette signature ?\n{P}\n{~Gestionnaire paie|Conseiller emploi|"
    "Greffe pénal|Bureau des élections}\nLigne directe : {TEL}\n{MAIL}",
    "WhatsApp de {PG} : {TELM}",
    "écris à {MAIL} pour confirmer le rdv en préfecture de {PG}",
    "mail perso de {l'étudiant|l'étudiante} : {MAIL}",
    "{P} m'a donné son portable : {TELM}",
    "Joignable au {TEL} ou par mail à {MAIL}, demander {PG}.",
    "Pour le covoiturage vers la formation, appelez-moi au {TELM}. {PG}",
    "L'adresse {MAIL} rejette nos messages, vérifie l'orthographe avec {TP}.",
]

BIRTHS = [
    "{TP}, {né|née} le {DDN}, demande une copie intégrale de son acte de naissance.",
    "DDN : {DDN}",
    "Date de naissance de l'enfant : {DDNE}",
    "Je suis {né|née} le {DDN} {aCOM}, ai-je droit à la retraite anticipée ?",
    "Nom : {PSU}\nPrénom : {PG}\n{Né|Née} le : {DDN}",
    "{P} ({DDN}) — inscription au concours interne de contrôleur des douanes",
    "Dans le registre : {P}, {né|née} en {DDNY}, {domicilié|domiciliée} {aCOM}.",
    "{l'usager est né|l'usagère est née} le {DDN} donc plus de 60 ans c'est bien ça",
    "Vérifie l'âge de {P} : date de naissance {DDN}, est-{il|elle} éligible au contrat jeune "
    "majeur ?",
    "naissance : {DDN} — lieu : {COM}",
    "ddn {DDN} nom {P}",
    "{Mon fils est né|Ma fille est née} le {DDNE}, puis-je encore poser le congé de naissance ?",
    "Bonjour, {l'étudiant|l'étudiante} {P}, {né|née} le {DDN}, n'apparaît pas dans Apogée.",
    "Le logiciel veut la date au format JJMMAAAA : pour {P} ça donne {DDN8} ?",
    "Date de naissance (AAAAMMJJ) : {DDNISO}",
    "Candidat{|e} sapeur-pompier volontaire : {P}, {né|née} le {DDN}, permis C obtenu.",
    "{Électeur inscrit|Électrice inscrite} : {PUG}, {né|née} le {DDN} {aCOM}.",
    "On m'a demandé ma date de naissance au guichet ({DDN}), est-ce obligatoire ?",
]

IDS = [
    "Voici mon RIB pour le remboursement : {IBAN}",
    "IBAN de {TP} : {IBAN}",
    "Numéro de sécu de {P} : {NIR}",
    "NIR : {NIR}",
    "Mon numéro de sécurité sociale est le {NIR}, pourquoi la mutuelle le refuse ?",
    "payé avec ma {~carte|CB|carte bleue|Visa} {CB}, le remboursement n'arrive pas",
    "{~Carte bancaire|Numéro de carte|N° CB|Carte de paiement} de {P} : {CB}, exp. 08/27",
    "La régie a encaissé par carte n° {CB} le paiement de la cantine de mars.",
    "Une carte a été trouvée dans le hall de la mairie, numéro {CB}, que faire ?",
    "NIR de {P} : {NIR} / IBAN : {IBAN}",
    "Mandat SEPA : titulaire {P}, IBAN {IBAN}, BIC {BIC}",
    "bonjour je vous donne mon numero de secu {NIR} et mon iban {IBAN} pour la prime",
    "La {~carte|carte bancaire|CB} {CB} a servi à payer la fourrière pour {P}.",
    "La mutuelle demande le numéro de sécurité sociale de l'ayant droit : {NIR}",
    "IBAN (compte à l'étranger) de {P} : {IBANX}",
    "Ma carte American Express {CBAMEX} a été débitée deux fois par la billetterie du musée.",
    "Remboursement des frais de mission de {P} sur le compte {IBANFR}.",
    "Le numéro de ma carte, c'est {CBVISA}, vous pouvez annuler le paiement en double ?",
    "Pour la bourse, l'étudiant{|e} a donné le RIB suivant : {IBAN}",
    "numéro ss {NIR} nom {PSU}",
]

FORMS = [
    "Fiche agent\nNom : {PSU}\nPrénom : {PG}\n{Né|Née} le : {DDN}\nAdresse : {ADR_1L}\nTél : "
    "{TEL}\nNIR : {NIR}",
    "Dossier CCAS — demandeur : {P}, {DDN}, {ADR_1L}, tél. {TEL}, IBAN {IBAN}",
    '{"nom": "{PSU}", "prenom": "{PG}", "ddn": "{DDN}", "email": "{MAIL}"}',
    "Bénévoles du plan canicule :\n| {P} | {TEL} | {ADR_1L} |\n| {Q} | {TEL2} | {ADR2} |",
    "Inscription : {PUG}, {né|née} le {DDN}, courriel {MAIL}, téléphone {TELM}.",
    "Formulaire de remboursement : bénéficiaire {P}, NIR {NIR}, IBAN {IBAN}, adresse {ADR_1L}.",
    "Déclaration de naissance — enfant : {P}, {né|née} le {DDNE} {aCOM} ; père : {H} ; mère : {F}",
    "id;nom;ddn;tel;mail\n{N};{P};{DDN};{TEL};{MAIL}",
    "Voici ce que l'usager a écrit dans le formulaire : je mapelle {P} {né|née} le {DDN} "
    "j'habite {ADR_1L} mon tel {TEL}",
    "Candidature SDIS : {P}, {DDN}, {ADR_1L}, {TEL}, {MAIL}.",
    "Procuration : mandant {P} ({DDN}, {ADR_1L}) ; mandataire {Q}.",
    "Avis de paiement : {P} a réglé par carte {CB} ; remboursement éventuel sur {IBAN}.",
    "Demandeur : {TP}\nDate de naissance : {DDN}\nN° sécurité sociale : {NIR}\nCourriel : {MAIL}",
    "Titulaire du compte : {P} — {IBAN} — {ADR_1L}",
]

TOPIC_FRAMES: dict[str, list[str]] = {
    "sante": [
        "{Mon collègue|Ma collègue} {P} {T:sante}, comment adapter son poste ?",
        "{TP} {T:sante} : peut-on décaler sa visite médicale de reprise ?",
        "je voulais te dire que {PG} {T:sante} donc {il|elle} ne viendra pas à la réunion",
        "Note au DRH : {l'agent|l'agente} {P} {T:sante} et demande un aménagement d'horaires.",
        "{JeT1:sante}, dois-je le signaler à mon employeur ?",
        "Compte rendu de visite : {TP} {T:sante}, le logement n'est plus adapté.",
        "{!m}Le père de l'élève nous informe que son fils {T:sante} : comment prévenir l'équipe ?",
        "{P}, {sapeur-pompier volontaire|sapeuse-pompière volontaire}, {T:sante} : faut-il "
        "prévenir le médecin-chef ?",
        "{!f}Ma fille {T:sante}, combien de jours d'absence pour enfant malade ?",
        "{L'usager|L'usagère} {P} {T:sante} et demande une priorité au guichet.",
    ],
    "religion": [
        "{TP} {T:religion} : peut-on adapter son planning de garde ?",
        "Au CCAS, {P} {T:religion} ; comment en tenir compte pour le portage de repas ?",
        "{JeT1:religion} et je voudrais poser un jour : est-ce une autorisation d'absence de "
        "droit ?",
        "Dans son mail, {PG} précise qu'{il|elle} {T:religion}, dois-je le noter au dossier ?",
        "{Mon binôme|Ma binôme} {P} {T:religion}, est-ce un problème pour la tenue au guichet ?",
        "bon alors {P} {T:religion} euh faut voir avec le chef pour les horaires d'été",
        "{Le surveillant|La surveillante} d'internat {P} {T:religion} ; un parent s'en plaint, "
        "que répondre ?",
        "{Le candidat|La candidate} {P} {T:religion} et demande une autre date d'épreuve.",
        "Pour le repas de fin d'année, sachez que {PG} {T:religion}.",
        "{!m}Mon voisin de bureau {T:religion}, il m'a demandé une salle calme à midi.",
    ],
    "opinion_politique": [
        "{TP} {T:opinion_politique}, peut-{il|elle} tenir un bureau de vote ?",
        "{JeT1:opinion_politique}, ai-je le droit de le dire sur LinkedIn ? Je suis "
        "{fonctionnaire|fonctionnaire}.",
        "Le directeur m'a signalé que {P} {T:opinion_politique} : cela peut-il jouer dans son "
        "évaluation ?",
        "Pendant la pause, {PG} nous a dit qu'{il|elle} {T:opinion_politique}, est-ce compatible "
        "avec le devoir de réserve ?",
        "{Mon voisin de bureau|Ma voisine de bureau} {T:opinion_politique} et en parle toute "
        "la journée.",
        "Compte rendu : {TP}, {agent|agente} d'accueil, {T:opinion_politique} ; rappel de la "
        "neutralité à prévoir.",
        "{L'étudiant|L'étudiante} {P} {T:opinion_politique} et veut afficher sur le campus, on "
        "autorise ?",
        "Notre {secrétaire|secrétaire} de mairie {P} {T:opinion_politique}, est-ce gênant pour "
        "l'organisation du scrutin ?",
        "transcription : {PG} {T:opinion_politique} mais {il|elle} est {président|présidente} "
        "du bureau de vote dimanche",
        "{!f}Ma cheffe {T:opinion_politique} et me demande de signer une pétition.",
    ],
    "syndicat": [
        "{TP} {T:syndicat}, faut-il {le|la} convoquer à la réunion de dialogue social ?",
        "{JeT1:syndicat} : mes heures de réunion comptent-elles comme temps de travail ?",
        "Pour la CAP de mars, note que {P} {T:syndicat}.",
        "{P} {T:syndicat} et demande la liste des contractuels du service, doit-on la donner ?",
        "oui donc {PG} {T:syndicat} {il|elle} veut une salle pour jeudi",
        "Le chef de brigade des douanes m'informe que {P} {T:syndicat}.",
        "{L'infirmier|L'infirmière} {P} {T:syndicat} ; peut-{il|elle} afficher dans la salle de "
        "pause ?",
        "{Le gérant|La gérante} de l'exploitation contrôlée, {P}, {T:syndicat} : cela change-t-il "
        "le contrôle ?",
        "{!m}Mon adjoint {T:syndicat}, je dois le remplacer les jours de réunion.",
        "Dans le tableau des effectifs, {P} {T:syndicat} : faut-il l'indiquer ?",
    ],
    "origine": [
        "{TP} {T:origine} ; faut-il le mentionner dans le rapport d'enquête sociale ?",
        "{JeT1:origine}, est-ce que ça peut jouer sur ma demande de naturalisation ?",
        "{Le candidat|La candidate} {P} {T:origine}, le jury l'a noté dans ses remarques : est-ce "
        "discriminatoire ?",
        "Au service des étrangers on me dit que {P} {T:origine}, quel rapport avec son dossier ?",
        "{Mon collègue|Ma collègue} {PG} {T:origine} et subit des remarques, que faire ?",
        "Note de l'éducatrice : l'enfant {P} {T:origine} et s'intègre bien dans la classe.",
        "Dans le procès-verbal, l'agent a écrit que {P} {T:origine}, est-ce utile ?",
        "Le tuteur de {l'apprenti|l'apprentie} {P} précise qu'{il|elle} {T:origine}.",
        "{!f}Ma voisine de bureau {T:origine}, elle aimerait témoigner pour la semaine de la "
        "diversité.",
        "transcription : {PG} {T:origine} donc on pensait {lui|lui} demander de traduire",
    ],
    "vie_sexuelle": [
        "{Mon collègue|Ma collègue} {P} {T:vie_sexuelle} et subit des moqueries, comment réagir ?",
        "Bonjour, c'est {PG}. {JeT1:vie_sexuelle} et je ne veux pas que ça se sache au service.",
        "Dans son mail, {PG} explique qu'{il|elle} {T:vie_sexuelle}.",
        "{TP} {T:vie_sexuelle} et demande que ce soit retiré de son dossier RH.",
        "{PG} {T:vie_sexuelle} tout le monde le sait mais faut pas l'écrire dans le compte rendu",
        "{L'étudiant|L'étudiante} {P} {T:vie_sexuelle} ; le référent harcèlement propose un "
        "rendez-vous.",
        "{Le sergent|La sergente} {P} {T:vie_sexuelle}, un collègue fait des remarques, quelle "
        "procédure ?",
        "Le bailleur sait que {P} {T:vie_sexuelle} et refuse de lui louer : est-ce de la "
        "discrimination ?",
        "{!m}Mon chef {T:vie_sexuelle}, il me l'a dit hier, je fais comment s'il me le redit ?",
        "Au guichet de l'état civil, {TP} m'a confié qu'{il|elle} {T:vie_sexuelle}.",
    ],
    "genetique_biometrie": [
        "{TP} {T:genetique_biometrie} ; peut-on garder ce document dans son dossier ?",
        "{JeT1:genetique_biometrie}, mon employeur peut-il le savoir ?",
        "{Mon collègue|Ma collègue} {P} {T:genetique_biometrie} et s'inquiète pour ses données.",
        "Dans le dossier de {P}, on lit qu'{il|elle} {T:genetique_biometrie}. Faut-il l'effacer ?",
        "{PG} {T:genetique_biometrie} et veut savoir qui y a accès",
        "Lors de l'entretien, {TP} m'a confié qu'{il|elle} {T:genetique_biometrie}.",
        "{L'usager|L'usagère} {P} {T:genetique_biometrie} et demande un justificatif.",
        "{!f}Ma collaboratrice {T:genetique_biometrie} ; c'est une donnée sensible ?",
        "Pour l'enquête, {P} {T:genetique_biometrie} : comment le formuler dans le rapport ?",
        "{!m}Mon frère {T:genetique_biometrie}, je peux demander un jour d'absence pour "
        "l'accompagner ?",
    ],
    "infraction": [
        "{TP} {T:infraction} : faut-il le signaler au rectorat ?",
        "{JeT1:infraction}, est-ce que ça bloque ma titularisation ?",
        "{Mon collègue|Ma collègue} {PG} {T:infraction}, tout le service est au courant.",
        "Note du greffe : {P} {T:infraction}.",
        "{Le chauffeur|La chauffeuse} de la mairie, {P}, {T:infraction} : peut-{il|elle} encore "
        "conduire le minibus ?",
        "{!m}en fait le fils de {TQ} {T:infraction} donc il ne pourra pas venir au stage",
        "{L'éleveur|L'éleveuse} {P} {T:infraction} ; doit-on retirer l'agrément ?",
        "Douane : {TP} {T:infraction}, rédige la note de synthèse.",
        "{Le locataire|La locataire} {P} {T:infraction}, le bailleur social veut résilier le "
        "bail.",
        "Pour l'enquête administrative, on m'apprend que {P} {T:infraction}.",
    ],
}

LOOKALIKES_PLACES = [
    "Réunion de rentrée {aEPO} jeudi à 17 h, prépare l'ordre du jour.",
    "Quels sont les horaires {dEPO} pendant les vacances de printemps ?",
    "{LEPO} cherche des bénévoles pour la journée portes ouvertes, rédige une annonce.",
    "Le bureau de vote n° {N} est installé {aEPO}, il faut prévoir la signalétique.",
    "Les travaux du rond-point {~du Général-de-Gaulle|du Maréchal-Foch|Jean-Jaurès|Simone-Veil} "
    "bloquent l'accès au centre de secours.",
    "Les pompiers sont intervenus {aEPO} pour un départ de feu dans les cuisines.",
    "Ma fille entre en sixième au collège {~Simone-Veil|Louise-Michel|Françoise Dolto|"
    "Olympe-de-Gouges|Jean Moulin|Aimé-Césaire}, quelles fournitures prévoir ?",
    "Convention de stage avec {lEPO} : qui signe côté établissement ?",
    "Le gymnase {~Marcel-Cerdan|Teddy-Riner|Alain Mimoun|Marie-José Pérec} sert de centre de "
    "vaccination jusqu'en {~mars|avril|juin}.",
    "Subvention pour {lEPO} : combien le département a-t-il voté en {YEAR} ?",
    "Exposition sur {~Victor Hugo|Louise Michel|Aimé Césaire|Gisèle Halimi|Jean Moulin} à la "
    "médiathèque : écris le texte de présentation.",
    "L'accueil {dEPO} déménage au rez-de-chaussée à partir du {DATE}.",
    "Comment aller de la gare {aEPO} en bus ?",
    "Les élèves {dEPO} participent au concours national de la Résistance.",
    "Le marché de nettoyage {dEPO} est attribué pour trois ans.",
    "Le plan de sauvegarde prévoit l'hébergement des sinistrés {aEPO}.",
]

LOOKALIKES_CONTACTS = [
    "Le standard de la mairie {dCOM} : {STD}, ouvert de 8 h 30 à 17 h.",
    "Pour toute question, écrire à {FMAIL}.",
    "Adresse du service : {OFF}.",
    "La CAF est joignable au 32 30 ou via {FMAIL:caf}.",
    "Envoyer les dossiers complets à : {OFF:mairie}, à l'attention du bureau des élections.",
    "Numéro d'astreinte du service des eaux : {STD}.",
    "Le greffe : {OFF:greffe} — {STD} — {FMAIL:greffe}",
    "Mets en forme ce pied de page : {OFF} | Tél. {STD} | {FMAIL}",
    "Les candidats déposent leur dossier à l'adresse suivante avant midi : {OFF}.",
    "France Travail : composer le 39 49 ou écrire à {FMAIL:francetravail}.",
    "Le centre des finances publiques a changé d'adresse : {OFF:bare}.",
    "Contact presse du SDIS : {FMAIL:sdis}, {STD}.",
    "La DDPP reçoit sur rendez-vous : {OFF:bare}.",
    "Service des étrangers : pas d'accueil téléphonique, uniquement {FMAIL:etrangers}.",
    "Accueil des admissions du centre hospitalier : {STD}, du lundi au vendredi.",
    "IBAN de la régie de recettes (Trésor public) : {TREASURY}",
]

LOOKALIKES_REFS = [
    "Le SIRET du prestataire est {SIRET}, il faut le saisir dans Chorus.",
    "Numéro de dossier : {L16}",
    "Votre commande n° {N10} a bien été expédiée.",
    "Référence du ticket : {DOS}",
    "SIREN {SIREN} — SAS Menuiserie du Léon, marché de travaux du gymnase.",
    "Le marché n° {YEAR}-{N}-FCS a été notifié le {DATE}.",
    "Déclaration en douane, référence {DOS}, en attente de mainlevée.",
    "Numéro EDE de l'exploitation : {EDE}",
    "Le numéro de facture {N10} ne correspond pas au bon de commande {DOS}.",
    "Affaire {DOS} : audience renvoyée au {DATE}.",
    "Intervention n° {DOS}, déclenchée à {HOUR}, trois engins engagés.",
    "La référence de paiement de la régie est {L16} : est-ce un numéro de carte ?",
    "Numéro d'agrément sanitaire de l'abattoir : {AGR}",
    "N° de convention : {N10} / SIRET : {SIRET}",
    "La carte se terminant par {CB4} a été refusée, que dire à l'usager ?",
    "Numéro client EDF de la salle des fêtes : {N10}",
    "Le numéro de lot {L16} du vaccin doit figurer au registre.",
]

LOOKALIKES_DATES = [
    "La commune nouvelle, née le {DATET} de la fusion de trois villages, fête son anniversaire.",
    "Date d'effet de l'arrêté : {DATE}.",
    "Le scrutin aura lieu le {DATET}, les bureaux ouvrent à 8 h.",
    "L'association est née le {DATE} à l'initiative des parents d'élèves.",
    "Échéance de la déclaration de TVA : {DATE}.",
    "Le service a été créé le {DATE} par arrêté préfectoral.",
    "Dossier déposé le {DATE}, délai d'instruction de deux mois.",
    "Le festival, né en {OLDYEAR}, revient cet été sur le port.",
    "Date limite d'inscription sur les listes électorales : {DATET}.",
    "Le bâtiment date de {OLDYEAR}, faut-il un diagnostic amiante avant travaux ?",
    "Naissances enregistrées en {YEAR} à l'état civil : donne-moi un modèle de tableau.",
]

TOPIC_LOOKALIKES: dict[str, list[str]] = {
    "sante": [
        "Si {~un agent|une collègue|quelqu'un du service|un stagiaire} {~a du diabète|fait un "
        "malaise|a une crise d'asthme|doit suivre une chimiothérapie}, {~comment adapter le poste|"
        "qui prévenir|que prévoit le règlement} ?",
        "Le {~CHU|centre hospitalier|SDIS|CCAS} {dCOM} recrute {~un infirmier|une aide-soignante|"
        "un psychologue|un médecin du travail}.",
        "Combien de jours de carence pour {~un arrêt maladie|une hospitalisation|un congé de "
        "longue maladie} dans la fonction publique {~territoriale|hospitalière|d'État} ?",
        "Prépare une affiche pour la campagne {~Octobre rose|Mois sans tabac|de don du sang} "
        "{aEPO}.",
        "Le service des admissions des urgences {dCOM} est saturé le {~lundi|week-end|soir}, "
        "comment réorganiser l'accueil ?",
        "Le service de médecine préventive organise une campagne de {~vaccination antigrippale|"
        "dépistage du diabète|prévention du burn-out|dépistage auditif} en {~mars|octobre|"
        "novembre}.",
        "Comment gérer dans le SIRH les {~arrêts maladie|congés de longue maladie|temps partiels "
        "thérapeutiques|accidents de service} des agents ?",
        "Si un agent {~est diabétique|fait un malaise|a une crise d'épilepsie|est allergique}, "
        "quelle est la conduite à tenir au guichet ?",
        "Rédige une note sur le marché de {~téléconsultation|transport sanitaire|fournitures de "
        "dialyse|défibrillateurs} du {~centre hospitalier|département|SDIS}.",
        "Quelles aides pour un usager {~en situation de handicap|atteint d'une maladie chronique|"
        "sous dialyse|en perte d'autonomie} ?",
        "Le CCAS finance un atelier {~mémoire|équilibre|nutrition} pour les personnes "
        "{~atteintes d'Alzheimer|âgées|diabétiques}.",
        "Le taux d'absentéisme pour maladie a augmenté de {~3|5|8|12|15} % : prépare un "
        "graphique.",
    ],
    "religion": [
        "Un {~agent|stagiaire|élève|usager} peut-il {~demander un congé pour l'Aïd|refuser de "
        "serrer la main|prier pendant la pause|jeûner pendant les examens} ? Question générale.",
        "Liste des {~aumôniers|lieux de culte|associations cultuelles} {dCOM} pour le guide "
        "d'accueil.",
        "La préfecture instruit la demande de {~l'association cultuelle|la paroisse|la mosquée} "
        "{dCOM} pour un {~legs|agrandissement|permis de construire}.",
        "Quelles dates pour {~Pâques|l'Aïd el-Fitr|Yom Kippour|Noël orthodoxe} en {YEAR} ? C'est "
        "pour le planning des examens.",
        "Le service vétérinaire contrôle l'abattage rituel à l'abattoir {dCOM} le {DATE}.",
        "Quelles règles de laïcité pour {~les aumôneries d'hôpital|les menus sans porc à la "
        "cantine|les signes religieux des usagers|les salles de prière en entreprise} ?",
        "Le calendrier des fêtes {~religieuses|juives, musulmanes et orthodoxes} pour les "
        "autorisations d'absence est-il publié par circulaire en {YEAR} ?",
        "Un agent public peut-il porter {~une croix|le voile|la kippa|un turban} au guichet ? "
        "Rappelle la règle.",
        "Le marché de restauration scolaire prévoit des menus {~halal|végétariens|sans porc|"
        "casher}, est-ce légal ?",
        "La mairie loue la salle polyvalente à une association {~musulmane|catholique|"
        "protestante|bouddhiste} : quelles conditions ?",
        "Rédige un rappel sur la laïcité pour les {~candidats au concours|nouveaux agents|"
        "stagiaires} de {~l'éducation nationale|la fonction publique territoriale}.",
        "Le cimetière communal doit-il prévoir un carré {~confessionnel|musulman|israélite} ?",
    ],
    "opinion_politique": [
        "Les {~bulletins|professions de foi|affiches} de {~la liste Renaissance|la liste LFI|la "
        "liste RN|la liste divers gauche} {dCOM} viennent d'arriver, où les stocker ?",
        "Quel est le nombre de {~parrainages|signatures} requis pour {~une candidature "
        "présidentielle|déposer une liste municipale} ?",
        "Un {~candidat|élu|parti} peut-il utiliser {~la salle Boris-Vian|le gymnase Marcel-Cerdan|"
        "l'espace Gisèle-Halimi|la maison de quartier Nelson-Mandela} pour un meeting ?",
        "Résultats des {~municipales|européennes|législatives} de {YEAR} {aCOM} : fais-moi un "
        "graphique par parti.",
        "Faut-il un tirage au sort pour l'ordre des panneaux {~électoraux|d'affichage} {aCOM} ?",
        "La commission de propagande valide les bulletins des listes {~RN, LFI et Renaissance|"
        "de gauche et de droite|déposées en préfecture}.",
        "Rappelle les règles de neutralité des agents pendant la campagne {~municipale|"
        "législative|européenne|présidentielle}.",
        "Un fonctionnaire peut-il être candidat aux élections {~municipales|départementales|"
        "législatives|régionales} ?",
        "Combien de listes {~le parti écologiste|le Parti socialiste|Les Républicains|le RN} "
        "a-t-il déposées dans le département ?",
        "Prépare un tableau des résultats du {~premier|second} tour par bureau de vote pour "
        "{COM}.",
        "Le panneau électoral n° {N} a été arraché, qui prévenir ?",
        "Quelles sont les règles d'affichage des {~partis politiques|candidats} en période "
        "électorale ?",
    ],
    "syndicat": [
        "Les syndicats {~de l'hôpital|de la préfecture|de la DDFiP|de l'université} appellent à "
        "la "
        "grève le {DATE} : comment organiser le service minimum ?",
        "Un agent {~syndiqué|non syndiqué|contractuel} peut-il assister à l'heure mensuelle "
        "d'information ? Question générale.",
        "Élections professionnelles : {~la CGT|FO|la CFDT|l'UNSA} arrive en tête avec {N} voix "
        "{~à la préfecture|à l'académie|au CHU}.",
        "Rédige la convocation des {~organisations syndicales|représentants du personnel} au "
        "{~CST|CSA|comité social} du {DATE}.",
        "Les décharges syndicales sont-elles comptées dans les effectifs du service {dCOM} ?",
        "Le protocole signé par {~la CGT, FO et la CFDT|les organisations syndicales "
        "représentatives|cinq syndicats} prévoit quoi sur le télétravail ?",
        "Combien d'heures d'information syndicale un agent peut-il prendre par {~an|trimestre} ?",
        "Élections professionnelles de décembre : liste des syndicats {~ayant déposé une liste|"
        "représentatifs au CSA|admis à siéger}.",
        "Le local syndical du bâtiment {~A|B|C|D} doit être déménagé, rédige le courrier aux "
        "organisations.",
        "Rédige l'ordre du jour de la réunion avec les représentants du personnel du {DATE}.",
        "Le préavis de grève déposé par {~SUD|la FSU|l'UNSA|la CGT} couvre-t-il les "
        "contractuels ?",
        "Quel crédit de temps syndical pour une collectivité de {N} agents ?",
    ],
    "origine": [
        "Quelles pièces pour une demande de titre de séjour {~étudiant|salarié|vie privée et "
        "familiale} ? C'est pour la FAQ de la préfecture.",
        "Le CCAS {dCOM} propose un accompagnement aux {~personnes réfugiées|familles "
        "primo-arrivantes|mineurs non accompagnés}.",
        "Un formulaire peut-il demander {~la nationalité|le pays de naissance|l'origine} des "
        "usagers ?",
        "Organise la cérémonie d'accueil dans la citoyenneté française {aCOM} le {DATE}.",
        "Prévoir un interprète en {~arabe|dari|tigrinya|tamoul|lingala} pour les permanences du "
        "{~lundi|jeudi} ?",
        "Le service des étrangers ouvre des créneaux supplémentaires pour les {~titres de séjour|"
        "naturalisations|regroupements familiaux|passeports talents}.",
        "Les statistiques ethniques sont-elles autorisées dans une enquête sur les usagers ?",
        "Prépare une affiche en {~arabe, turc et portugais|anglais et espagnol|wolof et soninké|"
        "tamoul et chinois} pour l'accueil du CCAS.",
        "Quel budget pour les cours de {~FLE|français} destinés aux parents allophones ?",
        "La plainte d'une victime de propos racistes doit-elle passer par le référent "
        "{~égalité|discriminations} ?",
        "Rédige une note sur la lutte contre les discriminations liées à l'origine dans le "
        "recrutement.",
        "Quelle procédure pour reconnaître un diplôme obtenu {~au Maroc|au Sénégal|au Vietnam|"
        "en Turquie} ?",
    ],
    "vie_sexuelle": [
        "Faut-il deux témoins pour un mariage {~entre personnes de même sexe|célébré en mairie|"
        "célébré à l'étranger} ?",
        "Quelle procédure si un agent subit des propos {~homophobes|transphobes|sexistes} ? "
        "Question générale.",
        "Le planning familial {dCOM} demande une subvention pour ses ateliers {~de "
        "contraception|sur le consentement|d'éducation à la sexualité}.",
        "Rédige le règlement du {~centre LGBT|festival des fiertés} pour la demande de salle "
        "{aCOM}.",
        "Les mariages de {YEAR} {aCOM} : combien entre personnes de même sexe ? Fais un tableau.",
        "Rédige une affiche pour la journée contre {~l'homophobie|l'homophobie et la "
        "transphobie} du 17 mai.",
        "Comment adapter le formulaire pour les couples de même sexe {~à l'état civil|à la CAF|"
        "pour le PACS|pour le livret de famille} ?",
        "Le marché de la campagne de prévention des IST est attribué à quelle agence ?",
        "Quelles étapes pour un changement de la mention du sexe à l'état civil ? C'est pour "
        "une fiche pratique.",
        "Formation sur les violences sexistes et sexuelles : qui doit la suivre en {YEAR} ?",
        "Le référent LGBT+ de {~l'université|la collectivité|l'académie} peut-il recevoir des "
        "signalements anonymes ?",
        "Combien de PACS ont été enregistrés en mairie en {YEAR} ?",
    ],
    "genetique_biometrie": [
        "Le contrôle d'accès {~par empreinte|par reconnaissance faciale|biométrique} {dEPO} "
        "doit-il être déclaré ?",
        "Combien de temps conserver les {~empreintes|gabarits biométriques} dans le dossier "
        "de {~passeport|titre de séjour} ?",
        "Le laboratoire vétérinaire départemental fait des analyses génétiques {~des bovins|des "
        "chiens catégorisés|de la faune sauvage} : rédige la fiche.",
        "Le marché de {~séquençage génomique|tests ADN|génotypage} du laboratoire {dCOM} est "
        "relancé en {YEAR}.",
        "Les tests ADN des {~chiens de race|taureaux reproducteurs|chevaux} sont-ils contrôlés "
        "par "
        "la DDPP ?",
        "Le marché de reconnaissance faciale pour {~l'aéroport|les caméras de la gare|le contrôle "
        "d'accès du tribunal} a-t-il fait l'objet d'une AIPD ?",
        "Une pointeuse biométrique est-elle autorisée pour les agents {~de la cantine|du centre "
        "technique|de l'hôpital} ?",
        "Le laboratoire de génétique du CHU recrute un technicien, rédige l'annonce.",
        "Quelles règles pour conserver les empreintes digitales recueillies au guichet des "
        "{~titres de séjour|passeports|cartes d'identité} ?",
        "Qui peut demander un test ADN de filiation en France ? C'est pour une FAQ.",
        "Le FNAEG : qui y a accès et combien de temps les profils sont-ils conservés ?",
        "Rédige une clause sur les données biométriques pour le marché de {~contrôle d'accès|"
        "badges|vidéoprotection}.",
    ],
    "infraction": [
        "Le greffe doit-il délivrer {~le bulletin n° 3|une copie de jugement|un certificat de "
        "non-appel} par courrier ?",
        "Nombre de {~procès-verbaux dressés|amendes dressées|avis de contravention dressés} par "
        "la police municipale "
        "{dCOM} en {YEAR}.",
        "La douane {dCOM} a saisi {N} kg de {~cigarettes|contrefaçons|civelles} : rédige un "
        "communiqué.",
        "Le SDIS a recensé {N} incendies volontaires en {YEAR} sur le secteur {dCOM}.",
        "Si {~un agent|un élève|quelqu'un} est {~arrêté|mis en examen|condamné}, l'employeur "
        "est-il informé ? Question générale.",
        "Rédige une note sur {~le casier judiciaire national|la procédure pénale|les "
        "contraventions "
        "de cinquième classe} pour la formation des stagiaires.",
        "Le bulletin n° 2 du casier judiciaire est exigé pour les {~animateurs|policiers "
        "municipaux|chauffeurs de car scolaire|assistants maternels}.",
        "Comment fonctionne le service des amendes forfaitaires de la police municipale ?",
        "{TP} a porté plainte pour le vol de son vélo devant la mairie, quel formulaire ?",
        "Si un agent est verbalisé avec un véhicule de service, qui paie l'amende ?",
        "La victime, {TP}, demande une copie du procès-verbal de sa plainte.",
        "Rédige une note sur le rappel à la loi pour les dépôts sauvages.",
        "Statistiques des contrôles douaniers : nombre de saisies de tabac en {YEAR}.",
        "{TP}, victime d'un cambriolage, demande l'attestation pour son assurance.",
    ],
}

QUESTIONS = [
    "Rédige un courrier {~de rappel|d'information|d'excuse} aux {~usagers|familles|exploitants} "
    "{dCOM} sur {~les nouveaux horaires|la fermeture estivale|la dématérialisation}.",
    "Quel est le délai de {~recours|prescription|réponse} pour {~une décision de la CAF|un "
    "refus de titre|une amende|un avis d'imposition} ?",
    "Combien coûte {~une carte grise|un passeport|un acte notarié} en {YEAR} ?",
    "Peux-tu me résumer {~la réforme de l'assurance chômage|la loi sur l'immigration|le "
    "nouveau statut des secrétaires de mairie|la réforme des retraites} en {~cinq|trois|dix} "
    "points ?",
    "Comment calculer le {~quotient familial|reste à vivre|taux d'effort} pour {~la cantine|"
    "l'aide sociale|le logement} ?",
    "Rédige un mail pour annoncer la fermeture du {~service|guichet|bureau} le {DATE}.",
    "Quelle est la différence entre {~un PACS et un mariage|un SIP et un SIE|un CDD et un "
    "contrat de projet|une CAP et une CCP} ?",
    "Explique-moi {~le RSA|l'APL|la prime d'activité|l'AAH} en termes simples.",
    "Traduis en anglais : le bureau sera fermé {~pour inventaire|le lundi|pendant les travaux}.",
    "Peux-tu faire un tableau des étapes de {~la procédure d'expulsion locative|l'instruction "
    "d'un permis de construire|la naturalisation|l'organisation d'un scrutin} ?",
    "Quels documents pour {~une carte d'identité de mineur|un passeport|un duplicata de livret "
    "de famille|une attestation d'accueil} ?",
    "Comment rédiger un arrêté de police pour {~un feu d'artifice|une brocante|un marché de "
    "Noël|une course cycliste} ?",
    "Propose un plan de formation pour les nouveaux agents {~d'accueil|de l'état civil|du "
    "CCAS|de la régie}.",
    "c quoi la diff entre {~un SIP et un SIE|une CAF et une CPAM|un greffe et un parquet} ?",
    "La {~prime de fin d'année|NBI|indemnité de résidence} est-elle soumise à {~cotisations|"
    "l'impôt} ?",
    "Combien de jours de congé pour {~un déménagement|un mariage|un concours} dans la fonction "
    "publique ?",
    "Fais-moi un modèle de {~compte rendu|note de service|courrier de relance} pour {~le CCAS|"
    "le greffe|le bureau des élections|la régie}.",
    "Comment {~déclarer|contrôler|instruire} {~un élevage de volailles|une cantine scolaire|un "
    "marché de plein air} ?",
    "Quelle est la procédure de {~recrutement d'un vacataire|mise en stage|titularisation} ?",
]

MESSAGES = [
    "Bonjour,\n\nJe vous transfère la demande de {TP} ({MAIL}), qui souhaite un logement adapté : "
    "{il|elle} {T:sante}. Adresse actuelle : {ADR_1L}.\n\nCordialement,\n{Q}\nCCAS {dCOM}",
    "Compte rendu de la réunion du {DATE}\nPrésents : {P}, {Q}, {R}\nOrdre du jour : préparation "
    "du scrutin, tenue des bureaux, dépouillement.",
    "Objet : situation de {TP}\n{Il|Elle} {T:infraction} ; par ailleurs {il|elle} {T:syndicat}. "
    "Quelles mesures sont possibles ?",
    "> De : {Q} <{MAILQ}>\n> Je confirme ma présence au jury du {DATE}.\nMerci de préparer la "
    "convocation des autres membres.",
    "message vocal : bonjour c'est {P} j'habite {ADR_1L} je voulais savoir où en est mon dossier "
    "de RSA rappelez-moi au {TEL} merci",
    "| Agent | Motif d'absence |\n|---|---|\n| {P} | {T:sante} |\n| {Q} | formation |",
    "Dossier de {TP}, {né|née} le {DDN} : {il|elle} {T:origine} et a déposé une demande de "
    "naturalisation le {DATE}.",
    "{Le contribuable|La contribuable} {P} ({ADR_1L}) conteste la taxe d'habitation et joint "
    "un RIB : {IBAN}.",
    "Rapport d'intervention : victime {P}, {DDN}, {T:sante} ; transport par le VSAV vers le CH "
    "{dCOM}.",
    "Bonjour {civQ} {QS}, je suis {P}, {étudiant|étudiante} en L2. {JeT1:sante} et je "
    "voudrais un tiers-temps aux examens.",
    "Bonjour,\nsuite à notre échange, voici les coordonnées : {P}, {ADR_ML}, {TEL}.\nBonne "
    "journée,\n{Q}",
    "Main courante du {DATE} : {TQ} signale que {son voisin|sa voisine} {P} {T:infraction}.",
    "Note pour le préfet : le dossier de {TP} ({NIR}) est bloqué ; {il|elle} "
    "{T:genetique_biometrie}"
    " et conteste le fichier.",
    "Bonjour,\nJe suis {P}, {agent|agente} au service des sports. {JeT1:religion} et je "
    "souhaite poser un congé le {DATE}.\nMerci,\n{PG}",
    "Procès-verbal d'installation du bureau de vote : {président|présidente} {P}, assesseurs {Q} "
    "et {R}, "
    "secrétaire {S}.",
    "RH — entretien annuel de {TP} : {il|elle} {T:vie_sexuelle} et se plaint de remarques "
    "déplacées ; {il|elle} demande un changement d'équipe.",
]


FAMILIES: tuple[tuple[str, int, Sequence[str]], ...] = (
    ("n", 7, NAMES),
    ("a", 8, ADDRESSES),
    ("c", 8, CONTACTS),
    ("d", 7, BIRTHS),
    ("i", 6, IDS),
    ("f", 5, FORMS),
    *((f"t_{topic[:4]}", 9, frames) for topic, frames in TOPIC_FRAMES.items()),
    ("xp", 9, LOOKALIKES_PLACES),
    ("xc", 8, LOOKALIKES_CONTACTS),
    ("xr", 8, LOOKALIKES_REFS),
    ("xd", 8, LOOKALIKES_DATES),
    *((f"l_{topic[:4]}", 10, lookalikes) for topic, lookalikes in TOPIC_LOOKALIKES.items()),
    ("q", 8, QUESTIONS),
    ("m", 6, MESSAGES),
)


def _row(text: str, spans: list[Span], template: str) -> dict[str, Any]:
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
    return {
        "text": text,
        "pii": pii,
        "topics": topics,
        "spans": [[start, end, category] for start, end, category in spans],
        "split": SPLIT,
        "template": template,
    }


def generate() -> list[dict[str, Any]]:
    rng = random.Random(SEED)
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for family, renders, templates in FAMILIES:
        for index, template in enumerate(templates, 1):
            name = f"test11_{family}{index:02d}"
            for _ in range(renders):
                text, spans = assemble(Render(rng, template).fill(template))
                if text in seen:
                    continue
                seen.add(text)
                rows.append(_row(text, spans, name))
    return rows


def write(rows: list[dict[str, Any]], path: Path = OUT) -> None:
    lines = (json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    path.write_text("".join(lines), encoding="utf-8")


if __name__ == "__main__":
    write(generate())
