"""The twelfth held-out set of the personal-data guard (tests/data/pii_test12.jsonl).

Written by an independent hand from its own name, street and commune lists (no name from faker,
nothing of the guard). Deterministic: `python -m devtools.pii_corpus_test12` writes the file.
Every labelled item records its offsets while the sentence is assembled.
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MADE_WITH_FAKER = "40.63.0"  # the release the other sets were made with; not imported here
SEED = 20_120_612
SPLIT = "test12"
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii_test12.jsonl"

Part = tuple[str, str | None]
Span = tuple[int, int, str]


def _w(words: str) -> list[str]:
    """A list written as words, "_" standing for a blank inside one of them."""
    return [w.replace("_", " ") for w in words.split()]


# Names -------------------------------------------------------------------------------------------

SURNAMES: dict[str, list[str]] = {
    "common": _w("""Garnier Chevalier Lemaire Perrot Barbier Renaud Carpentier Colin Brunet Lecomte
        Huet Masson Guillot Maillard Hamon Bouvier Poulain Jacquet Collet Millet Cordier Tessier
        Gaillard Royer Besson Hubert Lebrun Charpentier Benard Perrin Mallet Aubert Vidal Giraud
        Leclerc Mercier Guérin Lefort Rolland Marchal Antoine Texier Lemoine Bertin Dumont
        Courtois Vasseur Pichon Langlois Delattre Tanguy Delmas Lacroix Blanchard Caron"""),
    "words": _w("""Boulanger Petit Marchand Leroy Fontaine Rose Blanc Meunier Berger Charron Lebon
        Boucher Pasteur Lenoir Bonnet Poisson Chevreuil Lapierre Legrand Lejeune Moulin Chapelain
        Sergent Vigneron Cordonnier Pêcheur Bouvier Faucon Loiseau Renard Lièvre Vacher Marin
        Soldat Lavigne Laforêt Lachaume Deschamps Dupré Bois Lagarde Jardin Verger Printemps
        Prévost Sauvage Bontemps Doucet Joly Lheureux Vallée"""),
    "rare": _w("""Pouyanne Vandenbussche Quéméneur Bouchareb Lagadec Chapotot Vuarnet Hérissé
        Dufourcq Malterre Grosjean-Maupin Tricart Bourrelier Froissart Pecqueur Ribouleau
        Crouzillac Vernhes Escaffre Saint-Martory Ducasse-Lagrave Cazenobe Bataillou Audouze
        Fauchille Villedieu Lanchantin Desbordes Rétif Montagut Fabrègue Gouffé Aldebert
        Sirvent Pignol Estrade Labarrère Boscq"""),
    "breton": _w("""Le_Goff Le_Bihan Kerjean Le_Gall Quéré Le_Roux Tanguy Guéguen Le_Meur Kervella
        Le_Cam Le_Bras Jaouen Gourvès Morvan Le_Corre Le_Scouarnec Guivarch Le_Duff Kerhervé
        Le_Moal Riou Toullec Le_Pennec Cadiou Pennanec'h Le_Hir Coïc Bolloré"""),
    "basque": _w("""Etcheverry Harriague Iribarne Larralde Arrosagaray Olçomendy Haramboure
        Duhalde Elissalde Mendiboure Ospital Ithurralde Lapeyrade Goyhenetche Urruty Zubiri
        Aguerre Bidegain"""),
    "alsatian": _w("""Wurtz Schmitt Hueber Kieffer Ehrhart Wendling Schaeffer Burckel Riegert
        Oberlé Zimmermann Fritsch Heitz Haegel Strohl Spielmann Kuntz Gsell Meyer Wolff"""),
    "corsican": _w("""Santoni Casanova Paoli Peretti Giacomoni Luciani Ottaviani Poli Filippi
        Colonna Battesti Orsini Rocca-Serra Pietri Giudicelli Mattei Susini Franceschi"""),
    "occitan": _w("""Cabanel Pujol Fabre Bousquet Cayrol Vaysse Bonnafous Couderc Rouquette Mazars
        Boudou Roumégous Séguy Astruc Bascoul Fenasse Carrère Delpech"""),
    "antillean": _w("""Marie-Luce Saint-Ange Jean-Baptiste Bellance Césaire Zénon Célestine Alexis
        Nankin Ramassamy Lubin Théophile Eustache Galbas Mérine Bouyer Sylvestre Florentin
        Laurencine Mondésir Phibel"""),
    "reunion": _w("""Payet Hoarau Grondin Técher Fontaine Boyer Lauret Maillot Rivière Nativel
        Sinimalé Ramoudou Vitry Ah-Hot Chane-Kane Mussard Begue Turpin Ethève"""),
    "pacific": _w("""Teriitehau Tehaamoana Temauri Tuheiava Flosse Wamytan Gorodey Wahoueou
        Tjibaou Naisseline Tutugoro Teariki Mou Tetuanui Kaltrup Wadrawane Hnawia"""),
    "guyane": _w("""Volmar Apatou Tiouka Karam Mouttoussamy Lecante Pindard Horth"""),
    "mayotte": _w("""Madi Soilihi Attoumani Ahamada Said Abdallah Houmadi Chanfi Anli Daoud
        Mohamed Toiouil Boinali"""),
    "maghreb": _w("""Benchekroun Haddad Mansouri Belkacem Ouali Zerrouki Amrani Cherifi Lahlou
        Bouzid Hamidi Ait_Mansour Ben_Youssef El_Idrissi Benaïssa Tlemçani Boukhalfa Kaddour
        Slimani Rahmouni Bensalem Meziane Mebarki Ould_Ali Chaouch"""),
    "west_africa": _w("""Koné Traoré Keïta Diallo Sow Ba Camara Coulibaly Diop Ndiaye Fofana
        Sissoko Konaté Cissé Touré Sangaré Kouyaté Ouédraogo Diarra Sylla Yattara Gueye
        N'Diaye"""),
    "portugal": _w("""Ferreira Oliveira Pereira Carvalho Gonçalves Teixeira Lopes Moreira Marques
        Rodrigues Sousa Pinto Cardoso Fernandes Ribeiro Almeida Da_Costa Dos_Reis Azevedo"""),
    "italy": _w("""Bianchi Esposito Russo Colombo Ricci Marino Greco Bruno Gallo Conti De_Luca
        Mancini Lombardi Moretti Barbieri Fontana Santoro Ferri Cattaneo"""),
    "spain": _w("""Fernández Sánchez Martínez Gómez Ruiz Díaz Moreno Jiménez Navarro Romero
        Torres Domínguez Vázquez Ramos Gil Serrano Molina Ortega"""),
    "vietnam": _w("""Nguyen Tran Le Pham Hoang Phan Vu Dang Bui Do Ho Ngo Duong Ly Truong"""),
    "cambodia": _w("""Sok Chhun Kheng Heng Seng Chea Keo Lim Ouk Sar Men"""),
    "china": _w("""Wang Zhang Chen Liu Huang Zhou Wu Xu Sun Ma Zhu Hu Lin Guo"""),
    "turkey": _w("""Yilmaz Kaya Demir Şahin Çelik Yıldız Aydın Öztürk Arslan Doğan Kılıç Aslan
        Çetin Koç Kurt Özdemir"""),
    "poland": _w("""Kowalski Nowak Wiśniewski Wójcik Kamiński Lewandowski Zieliński Szymański
        Woźniak Dąbrowski Kozłowski Jankowski Mazur Krawczyk"""),
    "armenia": _w("""Aznavourian Petrossian Manoukian Khatchadourian Sarkissian Hagopian
        Boghossian Tchakarian Mardirossian Kalaydjian"""),
    "comoros": _w("""Mbaé Youssouf Msaidié Hassani Djoumoi Moinadjoumoi"""),
    "haiti": _w("""Pierre-Louis Jean-Charles Saint-Fleur Desrosiers Dorvil Joseph Augustin
        Bien-Aimé Louissaint Célestin Charlemagne"""),
}
PARTICLES = [
    "de La Tour d'Auvergne",
    "de Kergorlay",
    "du Boisbaudry",
    "de Sèze",
    "d'Estienne d'Orves",
    "de Lestrange",
    "du Chastel",
    "de Bouillé",
    "de La Rochefoucauld",
    "d'Aboville",
    "Le Lay de Kervenoaël",
    "de Villeneuve-Bargemon",
    "des Gachons",
    "de Saint-Exupéry",
]
MALE = {
    "old": _w("""Jean Pierre Michel André Jacques René Roger Marcel Gérard Bernard Claude Guy Yves
        Jean-Claude Jean-Pierre Raymond Lucien Gilbert Serge Daniel Alain Henri Joël"""),
    "mid": _w("""Philippe Patrick Thierry Pascal Éric Frédéric Laurent Stéphane Christophe Olivier
        Sébastien Hervé Didier Franck Jérôme Vincent Ludovic Cédric Grégory Arnaud Loïc"""),
    "young": _w("""Kévin Anthony Dylan Jordan Maxime Florian Quentin Romain Théo Hugo Mathis Léo
        Lucas Nathan Enzo Kylian Noah Timéo Aaron Sacha Gabin Nolan Louka Eden"""),
    "regional": _w("""Yann Erwan Gwenaël Ronan Tangi Iñaki Peio Xabi Ange-Mathieu Dumè Paul-Antoine
        Fulbert Teva Heimana Manutea Raiarii Wassissi"""),
    "origin": _w("""Mohamed Karim Rachid Youssef Bilal Mamadou Moussa Ousmane Seydou Abdoulaye
        João Rui Vítor Giuseppe Salvatore Javier Alejandro Minh Tuan Vuthy Sophal Wei Jun
        Mehmet Emre Burak Tomasz Krzysztof Aram Vartan Anrafa Soilihi Wesner Jean-Robert"""),
}
FEMALE = {
    "old": _w("""Monique Jacqueline Simone Denise Odette Yvette Paulette Ginette Huguette Colette
        Germaine Marcelle Josiane Danielle Françoise Marie-Thérèse Annick Nicole Chantal
        Michèle"""),
    "mid": _w("""Nathalie Isabelle Sylvie Valérie Sandrine Véronique Stéphanie Céline Karine
        Delphine Virginie Séverine Laetitia Aurélie Émilie Sophie Magali Anne-Laure Marie-Hélène
        Corinne"""),
    "young": _w("""Manon Camille Océane Chloé Léa Jade Inès Maëlys Lina Louise Ambre Zoé Lola
        Romane Anaïs Nina Lou Alicia Éloïse Kenza Maëva Lilou Capucine Maïwenn"""),
    "regional": _w("""Gwenola Soizic Katell Nolwenn Maialen Amaia Graxiana Marie-Dominique Letizia
        Vaea Hinano Moerani Teura Poerava Nadège-Marie"""),
    "origin": _w("""Fatima Khadija Samira Nadia Yasmina Leïla Aminata Fatoumata Mariam Awa Aïssatou
        Maria Conceição Graça Giulia Francesca Lucía Carmen Thi Lan Linh Sreymom Sokha Mei Xiu
        Ayşe Elif Zeynep Agnieszka Katarzyna Anahit Siranouche Zaïnaba Echati Roseline
        Marie-Carmelle"""),
}
TITLES = {
    "m": ["M.", "Monsieur", "M", "Mr", "Dr", "Me", "monsieur", "Mr."],
    "f": ["Mme", "Madame", "Mme.", "Mlle", "Dr", "Me", "madame", "Mme"],
}

# Places ------------------------------------------------------------------------------------------

COMMUNES_METRO = [
    ("Brest", "29200"),
    ("Morlaix", "29600"),
    ("Douarnenez", "29100"),
    ("Locronan", "29180"),
    ("Plougastel-Daoulas", "29470"),
    ("Lannion", "22300"),
    ("Saint-Brieuc", "22000"),
    ("Melrand", "56310"),
    ("Pontivy", "56300"),
    ("Lorient", "56100"),
    ("Vannes", "56000"),
    ("Fougères", "35300"),
    ("Vitré", "35500"),
    ("Bayonne", "64100"),
    ("Anglet", "64600"),
    ("Hendaye", "64700"),
    ("Saint-Jean-de-Luz", "64500"),
    ("Espelette", "64250"),
    ("Sare", "64310"),
    ("Mauléon-Licharre", "64130"),
    ("Oloron-Sainte-Marie", "64400"),
    ("Pau", "64000"),
    ("Colmar", "68000"),
    ("Mulhouse", "68100"),
    ("Guebwiller", "68500"),
    ("Riquewihr", "68340"),
    ("Eguisheim", "68420"),
    ("Sélestat", "67600"),
    ("Haguenau", "67500"),
    ("Saverne", "67700"),
    ("Obernai", "67210"),
    ("Wissembourg", "67160"),
    ("Strasbourg", "67000"),
    ("Montauban", "82000"),
    ("Albi", "81000"),
    ("Rodez", "12000"),
    ("Millau", "12100"),
    ("Bozouls", "12340"),
    ("Aurillac", "15000"),
    ("Salers", "15140"),
    ("Saint-Flour", "15100"),
    ("Cahors", "46000"),
    ("Figeac", "46100"),
    ("Foix", "09000"),
    ("Saint-Girons", "09200"),
    ("Tarbes", "65000"),
    ("Lourdes", "65100"),
    ("Auch", "32000"),
    ("Lectoure", "32700"),
    ("Mende", "48000"),
    ("Marvejols", "48100"),
    ("Florac-Trois-Rivières", "48400"),
    ("Alès", "30100"),
    ("Uzès", "30700"),
    ("Lodève", "34700"),
    ("Sète", "34200"),
    ("Béziers", "34500"),
    ("Perpignan", "66000"),
    ("Céret", "66400"),
    ("Collioure", "66190"),
    ("Carcassonne", "11000"),
    ("Limoux", "11300"),
    ("Castelnaudary", "11400"),
    ("Arles", "13200"),
    ("Carpentras", "84200"),
    ("Digne-les-Bains", "04000"),
    ("Sisteron", "04200"),
    ("Barcelonnette", "04400"),
    ("Gap", "05000"),
    ("Briançon", "05100"),
    ("Embrun", "05200"),
    ("Menton", "06500"),
    ("Grasse", "06130"),
    ("Draguignan", "83300"),
    ("Hyères", "83400"),
    ("Voiron", "38500"),
    ("Albertville", "73200"),
    ("Thonon-les-Bains", "74200"),
    ("Bourg-en-Bresse", "01000"),
    ("Villeurbanne", "69100"),
    ("Roanne", "42300"),
    ("Le Puy-en-Velay", "43000"),
    ("Thiers", "63300"),
    ("Vichy", "03200"),
    ("Montluçon", "03100"),
    ("Nevers", "58000"),
    ("Clamecy", "58500"),
    ("Auxerre", "89000"),
    ("Avallon", "89200"),
    ("Beaune", "21200"),
    ("Mâcon", "71000"),
    ("Pontarlier", "25300"),
    ("Lons-le-Saunier", "39000"),
    ("Belfort", "90000"),
    ("Vesoul", "70000"),
    ("Épinal", "88000"),
    ("Thionville", "57100"),
    ("Forbach", "57600"),
    ("Verdun", "55100"),
    ("Langres", "52200"),
    ("Saint-Dizier", "52100"),
    ("Troyes", "10000"),
    ("Épernay", "51200"),
    ("Sedan", "08200"),
    ("Hirson", "02500"),
    ("Saint-Quentin", "02100"),
    ("Abbeville", "80100"),
    ("Péronne", "80200"),
    ("Compiègne", "60200"),
    ("Roubaix", "59100"),
    ("Dunkerque", "59140"),
    ("Maubeuge", "59600"),
    ("Hazebrouck", "59190"),
    ("Lens", "62300"),
    ("Calais", "62100"),
    ("Saint-Omer", "62500"),
    ("Dieppe", "76200"),
    ("Fécamp", "76400"),
    ("Yvetot", "76190"),
    ("Bernay", "27300"),
    ("Lisieux", "14100"),
    ("Bayeux", "14400"),
    ("Coutances", "50200"),
    ("Avranches", "50300"),
    ("Valognes", "50700"),
    ("Alençon", "61000"),
    ("Mortagne-au-Perche", "61400"),
    ("Laval", "53000"),
    ("Mayenne", "53100"),
    ("Saumur", "49400"),
    ("Cholet", "49300"),
    ("Saint-Nazaire", "44600"),
    ("Fontenay-le-Comte", "85200"),
    ("Parthenay", "79200"),
    ("Bressuire", "79300"),
    ("Loudun", "86200"),
    ("Montmorillon", "86500"),
    ("Rochefort", "17300"),
    ("Saintes", "17100"),
    ("Cognac", "16100"),
    ("Confolens", "16500"),
    ("Tulle", "19000"),
    ("Ussel", "19200"),
    ("Guéret", "23000"),
    ("Aubusson", "23200"),
    ("Bergerac", "24100"),
    ("Sarlat-la-Canéda", "24200"),
    ("Libourne", "33500"),
    ("Arcachon", "33120"),
    ("Mont-de-Marsan", "40000"),
    ("Dax", "40100"),
    ("Villeneuve-sur-Lot", "47300"),
    ("Chinon", "37500"),
    ("Loches", "37600"),
    ("Vendôme", "41100"),
    ("Romorantin-Lanthenay", "41200"),
    ("Gien", "45500"),
    ("Montargis", "45200"),
    ("Dreux", "28100"),
    ("Nogent-le-Rotrou", "28400"),
    ("Vierzon", "18100"),
    ("Châteauroux", "36000"),
    ("Meaux", "77100"),
    ("Évry-Courcouronnes", "91000"),
    ("Nanterre", "92000"),
    ("Montreuil", "93100"),
    ("Bobigny", "93000"),
    ("Vitry-sur-Seine", "94400"),
    ("Argenteuil", "95100"),
    ("Paris", "75011"),
    ("Paris", "75018"),
    ("Paris", "75020"),
    ("Marseille", "13003"),
    ("Lyon", "69007"),
    ("Privas", "07000"),
    ("Aubenas", "07200"),
    ("Die", "26150"),
    ("Nyons", "26110"),
]
COMMUNES_CORSICA = [
    ("Ajaccio", "20000"),
    ("Porto-Vecchio", "20137"),
    ("Propriano", "20110"),
    ("Sartène", "20100"),
    ("Bonifacio", "20169"),
    ("Bastia", "20200"),
    ("Corte", "20250"),
    ("Calvi", "20260"),
    ("L'Île-Rousse", "20220"),
    ("Ghisonaccia", "20240"),
]
COMMUNES_OVERSEAS = [
    ("Pointe-à-Pitre", "97110"),
    ("Les Abymes", "97139"),
    ("Baie-Mahault", "97122"),
    ("Le Gosier", "97190"),
    ("Capesterre-Belle-Eau", "97130"),
    ("Fort-de-France", "97200"),
    ("Le Lamentin", "97232"),
    ("Schœlcher", "97233"),
    ("Le Robert", "97231"),
    ("Le François", "97240"),
    ("Cayenne", "97300"),
    ("Kourou", "97310"),
    ("Matoury", "97351"),
    ("Rémire-Montjoly", "97354"),
    ("Saint-Laurent-du-Maroni", "97320"),
    ("Saint-Pierre", "97410"),
    ("Le Tampon", "97430"),
    ("Saint-Paul", "97460"),
    ("Saint-Benoît", "97470"),
    ("Saint-André", "97440"),
    ("Mamoudzou", "97600"),
    ("Dzaoudzi", "97615"),
    ("Koungou", "97690"),
    ("Sada", "97640"),
    ("Chirongui", "97620"),
    ("Dembéni", "97660"),
    ("Saint-Pierre", "97500"),
]
COMMUNES_PACIFIC = [
    ("Nouméa", "98800"),
    ("Païta", "98890"),
    ("Koné", "98860"),
    ("Bourail", "98870"),
    ("Papeete", "98714"),
    ("Faa'a", "98704"),
    ("Pirae", "98716"),
    ("Arue", "98701"),
    ("Mahina", "98709"),
    ("Uturoa", "98735"),
]
STREETS = [
    "rue des Tanneurs",
    "rue du Four à Chaux",
    "impasse des Glycines",
    "chemin de la Croix Blanche",
    "route de Kerlouan",
    "allée des Ajoncs",
    "rue Basse",
    "Grand-Rue",
    "rue du Lavoir",
    "ruelle du Puits",
    "sentier des Douaniers",
    "montée de la Grande Côte",
    "traverse des Pêcheurs",
    "rue Haute",
    "rue des Remparts",
    "avenue de la Gare",
    "boulevard de la Liberté",
    "place du Marché aux Herbes",
    "rue Saint-Nicolas",
    "quai des Bateliers",
    "rue de la Forge",
    "chemin des Vignes",
    "rue des Cordiers",
    "impasse du Moulin Neuf",
    "avenue des Platanes",
    "rue du Barry",
    "chemin de Laborde",
    "route d'Ustaritz",
    "rue des Charrons",
    "rue du Pont de Pierre",
    "allée des Cerisiers",
    "rue des Écoles",
    "boulevard du Maréchal Juin",
    "avenue Aristide Briand",
    "rue Pasteur",
    "rue Émile Zola",
    "rue Jeanne d'Arc",
    "rue de l'Abreuvoir",
    "chemin des Manguiers",
    "allée des Flamboyants",
    "route de la Trinité",
    "chemin Morne Vert",
    "rue des Goyaviers",
    "impasse des Letchis",
    "rue du Commandant Mage",
    "avenue du Général de Gaulle",
    "rue de la Gendarmerie",
    "cité des Tilleuls",
    "rue des Fusillés",
    "rue de Verdun",
    "venelle des Lavandières",
    "chemin du Calvaire",
    "rue de Kerandouaré",
    "karrer ar Sant",
    "rue des Bordes",
]
STREET_ABBR = {
    "rue": "r.",
    "avenue": "av.",
    "boulevard": "bd",
    "chemin": "chem.",
    "impasse": "imp.",
    "route": "rte",
    "allée": "all.",
    "place": "pl.",
}
RESIDENCES = [
    "Les Hortensias",
    "Le Clos Fleuri",
    "Bel Air",
    "Les Terrasses du Port",
    "Les Pins",
    "Ker Maria",
    "Le Parc de l'Orangerie",
    "Les Jardins d'Arcadie",
    "Lou Cigalou",
    "Les Alizés",
    "Cœur de Ville",
    "Le Moulin Vert",
]
LIEUX_DITS = [
    "Kerbiquet",
    "Les Granges",
    "Le Mas de l'Aiguille",
    "La Bouyssière",
    "Lestang",
    "Gaztelu-Baita",
    "Le Bas-Frêne",
    "La Croix des Rameaux",
    "Pen ar Hoat",
    "Les Mazuts",
    "Borda Berria",
    "La Vayssière",
    "Champ-Gallet",
]
QUARTIERS_MAYOTTE = ["Kavani", "Cavani Sud", "Tsoundzou 2", "Passamainty", "M'Gombani", "Doujani"]
QUARTIERS_NC = ["Vallée des Colons", "Magenta", "Rivière-Salée", "Ducos", "Tina", "Normandie"]


# Checksums ---------------------------------------------------------------------------------------


def luhn_ok(value: str) -> bool:
    """Whether the digits of a card or file number pass the Luhn check."""
    digits = [int(c) for c in value if c.isdigit()]
    return len(digits) >= 12 and _luhn_sum(digits) % 10 == 0


def _luhn_sum(digits: list[int]) -> int:
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total


def _luhn_complete(stem: str) -> str:
    for last in "0123456789":
        if _luhn_sum([int(c) for c in stem + last]) % 10 == 0:
            return stem + last
    raise AssertionError(stem)


def _mod97(text: str) -> int:
    digits = "".join(str(int(c, 36)) for c in text)
    return int(digits) % 97


def iban_ok(value: str) -> bool:
    """Whether an IBAN, spaced or not, in any case, has valid check digits."""
    compact = value.replace(" ", "").upper()
    return bool(re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", compact)) and (
        _mod97(compact[4:] + compact[:4]) == 1
    )


def nir_ok(value: str) -> bool:
    """Whether a NIR (spaced or not, 2A/2B for Corsica) carries its valid key."""
    compact = value.replace(" ", "").upper()
    if not re.fullmatch(r"[12]\d{4}(\d{2}|2A|2B)\d{8}", compact):
        return False
    body = compact[:13].replace("2A", "19").replace("2B", "18")
    return 97 - int(body) % 97 == int(compact[13:])


def _rib_key(bank: str, branch: str, account: str) -> str:
    return f"{97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97:02d}"


def _iban(country: str, bban: str) -> str:
    check = 98 - _mod97(bban + country + "00")
    return f"{country}{check:02d}{bban}"


# Agreement and rendering -------------------------------------------------------------------------


@dataclass
class Person:
    given: str
    surname: str
    gender: str  # "m" or "f"


@dataclass
class Ctx:
    rng: random.Random
    people: dict[str, Person] = field(default_factory=dict)

    @property
    def gender(self) -> str:
        return self.person("P").gender

    def person(self, key: str) -> Person:
        if key not in self.people:
            self.people[key] = new_person(self.rng)
        return self.people[key]


_GROUP_WEIGHTS = {
    "common": 14, "words": 8, "rare": 7, "breton": 6, "basque": 3, "alsatian": 4,
    "corsican": 3, "occitan": 4, "antillean": 4, "reunion": 3, "pacific": 2, "guyane": 1,
    "mayotte": 2, "maghreb": 8, "west_africa": 6, "portugal": 4, "italy": 3, "spain": 3,
    "vietnam": 2, "cambodia": 1, "china": 2, "turkey": 2, "poland": 2, "armenia": 1,
    "comoros": 1, "haiti": 1,
}  # fmt: skip
_ORIGIN_GIVEN = {
    "maghreb", "west_africa", "portugal", "italy", "spain", "vietnam", "cambodia", "china",
    "turkey", "poland", "armenia", "comoros", "mayotte", "haiti",
}  # fmt: skip


def new_person(rng: random.Random) -> Person:
    gender = rng.choice("mf")
    groups = list(_GROUP_WEIGHTS)
    group = rng.choices(groups, weights=[_GROUP_WEIGHTS[g] for g in groups])[0]
    surname = rng.choice(SURNAMES[group])
    if rng.random() < 0.03:
        surname = rng.choice(PARTICLES)
    elif rng.random() < 0.05:
        surname = f"{surname}-{rng.choice(SURNAMES['common'] + SURNAMES['occitan'])}"
    if gender == "f" and group == "poland" and surname.endswith("ski"):
        surname = surname[:-1] + "a"
    lists = MALE if gender == "m" else FEMALE
    generation = rng.choices(
        ["old", "mid", "young", "regional", "origin"],
        weights=[3, 4, 4, 2, 1] if group not in _ORIGIN_GIVEN else [1, 2, 3, 0, 6],
    )[0]
    return Person(rng.choice(lists[generation]), surname, gender)


def name_form(ctx: Ctx, person: Person, form: str | None) -> list[Part]:
    """A person's name as agents write it; a title is never part of the span."""
    rng = ctx.rng
    given, surname = person.given, person.surname
    if form is None:
        form = rng.choices(
            ["full", "title", "upper", "gup", "titlefull", "init", "low", "sur"],
            weights=[30, 16, 14, 8, 10, 5, 4, 5],
        )[0]
    if form == "bare":
        form = rng.choices(["full", "upper", "gup", "low"], weights=[6, 3, 2, 1])[0]
    title = rng.choice(TITLES[person.gender])
    value = {
        "full": f"{given} {surname}",
        "upper": f"{surname.upper()} {given}",
        "gup": f"{given} {surname.upper()}",
        "low": f"{given} {surname}".lower(),
        "init": f"{given[0]}. {surname}" if rng.random() < 0.7 else f"{surname} {given[0]}.",
        "given": given,
        "sur": surname,
        "nom": surname.upper() if rng.random() < 0.5 else surname,
        "prenom": given,
        "title": surname,
        "titlefull": f"{given} {surname}",
        "sig": f"{given} {surname.upper()}" if rng.random() < 0.5 else f"{given} {surname}",
    }[form]
    if form in ("title", "titlefull"):
        return [(title + " ", None), (value, "personne")]
    return [(value, "personne")]


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


PERSONAL_DOMAINS = [
    "gmail.com", "orange.fr", "wanadoo.fr", "free.fr", "laposte.net", "hotmail.fr",
    "outlook.fr", "sfr.fr", "icloud.com", "yahoo.fr", "proton.me", "lagoon.nc", "mail.pf",
    "neuf.fr", "bbox.fr",
]  # fmt: skip
PRO_DOMAINS = [
    "interieur.gouv.fr", "onf.fr", "diplomatie.gouv.fr", "intradef.gouv.fr", "ac-rennes.fr",
    "ac-toulouse.fr", "justice.fr", "urssaf.fr", "dgfip.finances.gouv.fr", "culture.gouv.fr",
    "inserm.fr", "eau-adour-garonne.fr", "chu-brest.fr", "ch-montperrin.fr", "ars.sante.fr",
    "laregion.fr", "mayotte.gouv.fr", "guyane.pref.gouv.fr", "lotoisehabitat.fr",
]  # fmt: skip


def email(ctx: Ctx, person: Person, pro: bool) -> str:
    rng = ctx.rng
    g, s = _slug(person.given), _slug(person.surname)
    s_flat, g_flat = s.replace("-", ""), g.replace("-", "")
    if pro:
        local = rng.choice([f"{g}.{s}", f"{g}.{s}", f"{g_flat[0]}{s_flat}", f"{g}.{s}2"])
        return f"{local}@{rng.choice(PRO_DOMAINS)}"
    local = rng.choice(
        [
            f"{g}.{s}", f"{s}.{g}", f"{g_flat}{s_flat}{rng.randint(1, 99)}",
            f"{g_flat[0]}.{s_flat}", f"{g}_{s}", f"{s_flat}{g_flat[0]}{rng.randint(60, 99)}",
            f"{g_flat}.{s_flat[:3]}", f"{g}-{s}",
        ]
    )  # fmt: skip
    return f"{local}@{rng.choice(PERSONAL_DOMAINS)}"


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _pairs(digits: str, sep: str) -> str:
    return sep.join(digits[i : i + 2] for i in range(0, len(digits), 2))


_OVERSEAS_CODES = {
    "0690": "590", "0691": "590", "0590": "590", "0696": "596", "0596": "596", "0694": "594",
    "0594": "594", "0692": "262", "0693": "262", "0262": "262", "0639": "262", "0269": "262",
}  # fmt: skip


def phone(ctx: Ctx, kind: str | None = None) -> str:
    rng = ctx.rng
    kind = kind or rng.choices(["mob", "fix", "ovs", "intl"], weights=[10, 4, 3, 2])[0]
    if kind == "intl":
        return rng.choice(
            [
                f"+32 4{rng.choice('789')}{_digits(rng, 1)} {_pairs(_digits(rng, 6), ' ')}",
                f"+212 6 {_pairs(_digits(rng, 8), ' ')}",
                f"+1 514 {_digits(rng, 3)} {_digits(rng, 4)}",
                f"+44 7{_digits(rng, 3)} {_digits(rng, 6)}",
                f"+41 79 {_digits(rng, 3)} {_pairs(_digits(rng, 4), ' ')}",
                f"+687 {_pairs(rng.choice('79') + _digits(rng, 5), '.')}",
                f"+689 87 {_pairs(_digits(rng, 6), ' ')}",
                f"+221 77 {_digits(rng, 3)} {_pairs(_digits(rng, 4), ' ')}",
            ]
        )
    if kind == "ovs":
        prefix = rng.choice(["0690", "0691", "0696", "0694", "0692", "0693", "0639", "0590",
                             "0596", "0594", "0262", "0269"])  # fmt: skip
        rest = _digits(rng, 6)
        layout = rng.randrange(4)
        if layout == 0:
            return f"{_pairs(prefix + rest, ' ')}"
        if layout == 1:
            code = _OVERSEAS_CODES[prefix]
            return f"+{code} {prefix[1:]} {_pairs(rest, ' ')}"
        if layout == 2:
            return prefix + rest
        return _pairs(prefix + rest, ".")
    first = rng.choice("67") if kind == "mob" else rng.choice("123459")
    digits = "0" + first + _digits(rng, 8)
    layout = rng.choices(range(8), weights=[8, 4, 3, 2, 3, 2, 2, 1])[0]
    if layout == 0:
        return _pairs(digits, " ")
    if layout == 1:
        return _pairs(digits, ".")
    if layout == 2:
        return digits
    if layout == 3:
        return _pairs(digits, "-")
    if layout == 4:
        return f"+33 {digits[1]} {_pairs(digits[2:], ' ')}"
    if layout == 5:
        return f"+33{digits[1:]}"
    if layout == 6:
        return f"0033 {digits[1]} {_pairs(digits[2:], ' ')}"
    return f"+33 (0){digits[1]} {_pairs(digits[2:], ' ')}"


MONTHS = [
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
]  # fmt: skip
MONTHS_SHORT = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.",
                "oct.", "nov.", "déc."]  # fmt: skip


def birth_date(ctx: Ctx, form: str | None = None, child: bool = False) -> str:
    rng = ctx.rng
    year = rng.randint(2007, 2023) if child else rng.randint(1941, 2005)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    if rng.random() < 0.08:
        day = 1
    form = form or rng.choice(
        ["slash", "slash", "long", "long", "short80", "dots", "iso", "compact", "dash2",
         "loose", "abbr", "compact8"]
    )  # fmt: skip
    d = "1er" if day == 1 else str(day)
    return {
        "slash": f"{day:02d}/{month:02d}/{year}",
        "long": f"{d} {MONTHS[month - 1]} {year}",
        "short80": f"{d} {MONTHS[month - 1]} {year % 100:02d}",
        "dots": f"{day:02d}.{month:02d}.{year}",
        "iso": f"{year}-{month:02d}-{day:02d}",
        "compact": f"{year}{month:02d}{day:02d}",
        "dash2": f"{day:02d}-{month:02d}-{year % 100:02d}",
        "loose": f"{day}/{month}/{year}",
        "abbr": f"{d} {MONTHS_SHORT[month - 1]} {year}",
        "compact8": f"{day:02d}{month:02d}{year}",
        "year": str(year),
        "monthyear": f"{MONTHS[month - 1]} {year}",
    }[form]


_ABROAD = ["350", "352", "351", "341", "139", "127", "208", "243", "322", "397", "336"]


def nir(ctx: Ctx, gender: str) -> str:
    rng = ctx.rng
    sex = "1" if gender == "m" else "2"
    yy, mm = f"{rng.randint(40, 99):02d}", f"{rng.randint(1, 12):02d}"
    place = rng.choices(["metro", "corse", "dom", "abroad"], weights=[6, 2, 2, 2])[0]
    if place == "metro":
        dept = f"{rng.choice([1, 9, 12, 15, 22, 29, 33, 56, 64, 67, 68, 75, 93, 13]):02d}"
        commune = f"{rng.randint(1, 400):03d}"
    elif place == "corse":
        dept, commune = rng.choice(["2A", "2B"]), f"{rng.randint(1, 360):03d}"
    elif place == "dom":
        dept, commune = "97", f"{rng.randint(1, 6)}{rng.randint(1, 34):02d}"
    else:
        dept, commune = "99", rng.choice(_ABROAD)
    order = f"{rng.randint(1, 999):03d}"
    body = sex + yy + mm + dept + commune + order
    key = f"{97 - int(body.replace('2A', '19').replace('2B', '18')) % 97:02d}"
    layout = rng.randrange(4)
    if layout == 0:
        return body + key
    if layout == 1:
        return f"{sex} {yy} {mm} {dept} {commune} {order} {key}"
    if layout == 2:
        return f"{body} {key}"
    return f"{sex} {yy}{mm} {dept}{commune} {order} {key}"


def iban(ctx: Ctx, country: str | None = None) -> str:
    rng = ctx.rng
    country = (
        country
        or rng.choices(
            ["FR", "DE", "BE", "ES", "PT", "LU", "NL", "AT", "MC"],
            weights=[12, 2, 2, 2, 2, 1, 1, 1, 1],
        )[0]
    )
    if country in ("FR", "MC"):
        bank = rng.choice(["30004", "30003", "10278", "11315", "20041", "18206", "12135",
                           "14445", "16958", "13335", "12006", "17515"])  # fmt: skip
        branch, account = _digits(rng, 5), _digits(rng, 11)
        bban = bank + branch + account + _rib_key(bank, branch, account)
    elif country == "DE":
        bban = _digits(rng, 18)
    elif country == "BE":
        first = _digits(rng, 10)
        check = int(first) % 97 or 97
        bban = f"{first}{check:02d}"
    elif country == "ES":
        bank, branch, account = _digits(rng, 4), _digits(rng, 4), _digits(rng, 10)

        def control(digits: str) -> str:
            weights = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]
            value = 11 - sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
            return str({11: 0, 10: 1}.get(value, value))

        bban = bank + branch + control("00" + bank + branch) + control(account) + account
    elif country == "PT":
        body = _digits(rng, 19)
        bban = body + f"{98 - int(body + '00') % 97:02d}"
    elif country == "LU":
        bban = _digits(rng, 16)
    elif country == "NL":
        while True:
            account = "0" + _digits(rng, 9)
            if sum(int(d) * (10 - i) for i, d in enumerate(account)) % 11 == 0:
                break
        bban = rng.choice(["INGB", "RABO", "ABNA", "TRIO"]) + account
    else:
        bban = _digits(rng, 16)
    value = _iban(country, bban)
    layout = rng.choices(["groups", "compact", "lower"], weights=[6, 3, 1])[0]
    if layout == "compact":
        return value
    grouped = " ".join(value[i : i + 4] for i in range(0, len(value), 4))
    return grouped.lower() if layout == "lower" else grouped


def card(ctx: Ctx, brand: str | None = None) -> str:
    rng = ctx.rng
    brand = brand or rng.choice(["visa", "visa", "cb", "mc", "mc2", "amex"])
    if brand == "amex":
        number = _luhn_complete(rng.choice(["34", "37"]) + _digits(rng, 12))
        sep = rng.choice([" ", "-", ""])
        return sep.join([number[:4], number[4:10], number[10:]])
    stem = {
        "visa": "4" + _digits(rng, 14),
        "cb": "4970" + _digits(rng, 11),
        "mc": f"5{rng.randint(1, 5)}" + _digits(rng, 13),
        "mc2": str(rng.randint(2221, 2720)) + _digits(rng, 11),
    }[brand]
    number = _luhn_complete(stem)
    sep = rng.choices([" ", "-", "", "."], weights=[6, 2, 3, 1])[0]
    return sep.join(number[i : i + 4] for i in range(0, 16, 4))


def _number(rng: random.Random) -> str:
    n = str(rng.choices([rng.randint(1, 30), rng.randint(31, 250)], weights=[3, 1])[0])
    suffix = rng.choices(["", " bis", " ter", "B", " A"], weights=[20, 3, 1, 1, 1])[0]
    return n + suffix


def address(ctx: Ctx, form: str | None = None) -> str:
    rng = ctx.rng
    zone = rng.choices(["metro", "corse", "ovs", "pac"], weights=[20, 3, 4, 2])[0]
    if form in ("ovs", "mayotte"):
        zone = "ovs"
    if form == "pac":
        zone = "pac"
    pool = {"metro": COMMUNES_METRO, "corse": COMMUNES_CORSICA, "ovs": COMMUNES_OVERSEAS,
            "pac": COMMUNES_PACIFIC}[zone]  # fmt: skip
    commune, cp = rng.choice(pool)
    if form == "mayotte":
        commune, cp = rng.choice([c for c in COMMUNES_OVERSEAS if c[1].startswith("976")])
    street = rng.choice(STREETS)
    if form is None or form in ("ovs", "pac"):
        form = rng.choices(
            ["plain", "nocomma", "abbr", "nonum", "res", "apt", "lieudit", "bp", "multi",
             "multi3", "low", "upper", "a_commune"],
            weights=[14, 5, 4, 4, 3, 3, 3, 1, 4, 2, 2, 2, 2],
        )[0]  # fmt: skip
    num = _number(rng)
    place = f"{cp} {commune}"
    if zone == "pac" and commune == "Nouméa" and rng.random() < 0.6:
        place = f"{rng.choice(QUARTIERS_NC)}, {cp} {commune}"
    if form == "mayotte":
        return f"{street}, quartier {rng.choice(QUARTIERS_MAYOTTE)}, {place}"
    if form == "abbr":
        kind, _, rest = street.partition(" ")
        short = STREET_ABBR.get(kind)
        if short is None or not rest:
            street, short, rest = "rue des Remparts", "r.", "des Remparts"
        return f"{num} {short} {rest} {place}"
    if form == "nonum":
        return f"{street}, {place}"
    if form == "res":
        return (
            f"Résidence {rng.choice(RESIDENCES)}, bât. {rng.choice('ABCDE')}, "
            f"appt {rng.randint(1, 60)}, {num} {street}, {place}"
        )
    if form == "apt":
        floor = rng.randint(1, 9)
        return f"{num} {street}, apt {rng.randint(1, 40)}, {floor}e étage, {place}"
    if form == "lieudit":
        return rng.choice(
            [f"lieu-dit {rng.choice(LIEUX_DITS)}, {place}", f"{rng.choice(LIEUX_DITS)}, {place}",
             f"hameau de {rng.choice(LIEUX_DITS)}, {place}"]
        )  # fmt: skip
    if form == "bp":
        return f"BP {rng.randint(10, 9999)}, {place}"
    if form == "multi":
        return f"{num} {street}\n{place}"
    if form == "multi3":
        return (
            f"Résidence {rng.choice(RESIDENCES)}, appartement {rng.randint(1, 90)}\n"
            f"{num} {street}\n{place}"
        )
    if form == "low":
        return f"{num} {street} {place}".lower()
    if form == "upper":
        return f"{num} {street} {place}".upper()
    if form == "a_commune":
        return f"{num} {street} à {commune}"
    if form == "nocomma":
        return f"{num} {street} {place}"
    return f"{num} {street}, {place}"


# Sensitive predicates: "{masculine|feminine}" agrees with the subject; "f:" or "m:" restricts it.

PREDICATES: dict[str, list[str]] = {
    "sante": [
        "est hospitalisé{|e} en psychiatrie depuis lundi",
        "est en arrêt pour un burn-out",
        "suit une chimiothérapie",
        "est sous antidépresseurs",
        "a une sclérose en plaques",
        "est épileptique",
        "fait des crises d'angoisse à répétition",
        "est suivi{|e} au CMP pour une schizophrénie",
        "a été admis{|e} en soins sans consentement",
        "f:est enceinte de cinq mois",
        "f:a accouché prématurément",
        "est séropositi{f|ve}",
        "est bipolaire",
        "a été opéré{|e} du cœur",
        "souffre d'une dépression sévère",
        "a une reconnaissance de travailleur handicapé",
        "a une maladie de Crohn",
        "est sous dialyse trois fois par semaine",
        "suit une cure de sevrage alcoolique",
        "a fait un AVC l'an dernier",
        "a un trouble du spectre de l'autisme",
        "est en rémission d'un lymphome",
        "a fait une tentative de suicide",
        "souffre d'anorexie",
        "est en mi-temps thérapeutique",
        "f:a une endométriose sévère",
        "est malentendant{|e} appareillé{|e}",
        "a un diabète de type 1",
    ],
    "religion": [
        "fait le ramadan",
        "est musulman{|e} pratiquant{|e}",
        "va à la messe tous les dimanches",
        "est témoin de Jéhovah",
        "s'est converti{|e} à l'islam",
        "est de confession juive",
        "respecte le shabbat",
        "m:porte la kippa au bureau",
        "f:porte le voile en dehors du service",
        "est évangélique",
        "est catéchiste à la paroisse",
        "est bouddhiste",
        "fréquente la mosquée du quartier",
        "prie cinq fois par jour",
        "a fait le pèlerinage à La Mecque",
        "est protestant{|e}",
        "est orthodoxe",
        "est hindou{|e}",
        "a été baptisé{|e} à l'âge adulte",
        "est athée convaincu{|e}",
        "pose un congé pour Yom Kippour",
        "est adventiste du septième jour",
        "m:est sikh et porte le turban",
        "jeûne pendant le carême",
        "est scientologue",
        "m:est diacre dans sa paroisse",
        "est membre d'une Église pentecôtiste",
    ],
    "opinion_politique": [
        "milite à La France insoumise",
        "a tracté pour le Rassemblement national",
        "est encarté{|e} chez Les Républicains",
        "vote écolo depuis toujours",
        "est adhérent{|e} du Parti socialiste",
        "est anarchiste",
        "est royaliste",
        "a manifesté contre la réforme des retraites",
        "est militant{|e} indépendantiste kanak",
        "est proche des nationalistes corses",
        "est candidat{|e} sur la liste Reconquête",
        "est communiste",
        "est membre de Renaissance",
        "était gilet jaune",
        "a voté Mélenchon au premier tour",
        "est d'extrême droite",
        "est très à gauche",
        "colle des affiches pour le PCF",
        "est sympathisant{|e} d'Horizons",
        "milite à Lutte ouvrière",
        "est proche du MoDem",
        "a pris sa carte au NPA",
        "participe aux actions d'Extinction Rebellion",
        "est souverainiste",
        "a voté pour l'indépendance au référendum",
        "soutient Debout la France",
    ],
    "syndicat": [
        "est syndiqué{|e} à la CGT",
        "est délégué{|e} SUD Santé",
        "est représentant{|e} FO au CSA",
        "a adhéré à la CFDT",
        "est élu{|e} UNSA au comité social",
        "est secrétaire de la section SNES du lycée",
        "est encarté{|e} à la FSU",
        "milite à Solidaires",
        "est mandaté{|e} par la CFE-CGC",
        "siège pour la CFTC en CAP",
        "a une décharge syndicale à mi-temps",
        "est adhérent{|e} d'Alliance Police",
        "est délégué{|e} Unité SGP Police",
        "est au SNUipp",
        "est syndiqué{|e} au SNPES-PJJ",
        "est membre du SNUPFEN",
        "est élu{|e} CGT en formation spécialisée",
        "est conseill{er|ère} du salarié pour FO",
        "a rejoint le SGEN-CFDT",
        "est trésori{er|ère} de l'UNSA Éducation",
        "est adhérent{|e} de l'USM",
        "est syndiqué{|e} au Syndicat de la magistrature",
        "prend des heures de délégation CGT",
        "est représentant{|e} de proximité SUD",
        "est militant{|e} à la Confédération paysanne",
    ],
    "origine": [
        "est d'origine malienne",
        "est né{|e} de parents algériens",
        "est issu{|e} de la communauté gitane",
        "est d'origine comorienne",
        "parle shimaoré avec ses parents",
        "est afro-descendant{|e}",
        "est d'origine kabyle",
        "est métis{|se}",
        "est rom",
        "est d'origine vietnamienne",
        "est kali'na",
        "est d'origine arménienne",
        "est noir{|e}",
        "est d'origine turque",
        "a des origines haïtiennes",
        "est d'origine marocaine par sa mère",
        "est hmong",
        "est d'origine portugaise",
        "est {fils|fille} de pieds-noirs",
        "a grandi dans une famille tamoule",
        "est issu{|e} de l'immigration polonaise",
        "est d'ascendance chinoise",
        "est yéniche",
        "est d'origine cap-verdienne",
        "est d'origine malgache",
        "est bushinengué",
    ],
    "vie_sexuelle": [
        "m:est gay",
        "f:est lesbienne",
        "est bisexuel{|le}",
        "f:est en couple avec une femme",
        "m:est en couple avec un homme",
        "m:vit avec son compagnon",
        "f:vit avec sa compagne",
        "est pansexuel{|le}",
        "est asexuel{|le}",
        "a entamé une transition de genre",
        "a demandé le changement de la mention du sexe à l'état civil",
        "f:est une femme trans",
        "m:est un homme trans",
        "est non binaire",
        "a une liaison avec son chef de service",
        "a une relation extraconjugale",
        "fréquente des clubs échangistes",
        "m:a épousé un homme l'été dernier",
        "f:a épousé une femme l'été dernier",
        "vit une relation polyamoureuse",
        "m:est homo",
        "m:est inscrit sur Grindr",
        "pratique le BDSM",
        "m:a une double vie avec un homme",
        "f:est bi",
        "m:est pacsé avec un homme",
        "f:est pacsée avec une femme",
        "est queer",
    ],
    "genetique_biometrie": [
        "a fait un test ADN",
        "est porteu{r|se} du gène BRCA1",
        "a une mucoviscidose",
        "a donné ses empreintes digitales pour le badge d'accès",
        "a fait séquencer son génome",
        "a enregistré son visage pour le contrôle d'accès",
        "est porteu{r|se} d'une translocation chromosomique",
        "a une trisomie 21",
        "a fait un test de paternité",
        "a fourni un prélèvement ADN pour l'essai clinique",
        "a une mutation du gène MTHFR",
        "est porteu{r|se} sain{|e} de la drépanocytose",
        "a commandé un test génétique en ligne",
        "a enrôlé ses empreintes pour PARAFE",
        "a un syndrome de l'X fragile",
        "a une hémochromatose génétique",
        "déverrouille son poste avec son empreinte",
        "a un caryotype anormal",
        "a une maladie de Huntington",
        "participe à une étude génétique familiale",
        "a un profil ADN conservé à la biobanque",
        "est atteint{|e} du syndrome de Marfan",
        "a fait un test ADN d'ascendance",
        "a enrôlé sa voix pour l'authentification",
        "a fait scanner le réseau veineux de sa main pour la cantine",
    ],
    "infraction": [
        "a été condamné{|e} pour conduite en état d'ivresse",
        "a perdu tous ses points de permis",
        "a eu une suspension de permis pour excès de vitesse",
        "est en garde à vue",
        "a été placé{|e} sous contrôle judiciaire",
        "est incarcéré{|e} à Fleury-Mérogis",
        "a un casier pour vol",
        "a été mis{|e} en examen pour escroquerie",
        "porte un bracelet électronique",
        "a été verbalisé{|e} pour usage de stupéfiants",
        "a été condamné{|e} pour violences conjugales",
        "a écopé d'un sursis pour recel",
        "fait l'objet d'une mesure éducative judiciaire pénale",
        "est suivi{|e} par le SPIP",
        "a été contrôlé{|e} positi{f|ve} au cannabis au volant",
        "a été interpellé{|e} pour outrage",
        "a été redressé{|e} pour travail dissimulé",
        "a fait de la prison",
        "a commis un délit de fuite",
        "a été jugé{|e} en comparution immédiate",
        "a été condamné{|e} pour fraude fiscale",
        "a détourné des fonds de la régie",
        "a été pris{|e} en flagrant délit de vol",
        "doit effectuer un travail d'intérêt général",
        "a conduit sans permis",
        "a une interdiction de paraître dans la commune",
    ],
}

_FIRST_PERSON = {
    "est": "suis", "a": "ai", "vit": "vis", "fait": "fais", "suit": "suis", "va": "vais",
    "souffre": "souffre", "prie": "prie", "respecte": "respecte", "milite": "milite",
    "vote": "vote", "colle": "colle", "participe": "participe", "soutient": "soutiens",
    "pose": "pose", "fréquente": "fréquente", "jeûne": "jeûne", "porte": "porte",
    "parle": "parle", "prend": "prends", "siège": "siège", "doit": "dois", "pratique": "pratique",
    "déverrouille": "déverrouille", "était": "étais",
}  # fmt: skip


def first_person(predicate: str) -> str | None:
    """The predicate said by its subject ("je" outside the span), or None when it cannot be."""
    if predicate.startswith("s'est "):
        return "me suis " + predicate[len("s'est ") :]
    verb, _, rest = predicate.partition(" ")
    if verb not in _FIRST_PERSON:
        return None
    rest = re.sub(r"\bson\b", "mon", rest)
    rest = re.sub(r"\bsa\b", "ma", rest)
    rest = re.sub(r"\bses\b", "mes", rest)
    return f"{_FIRST_PERSON[verb]} {rest}"


# Unlabelled fillers ------------------------------------------------------------------------------

EPONYMS = [
    "Louise-Michel",
    "Jean-Moulin",
    "Victor-Schœlcher",
    "Aimé-Césaire",
    "Simone-Veil",
    "Gaston-Monnerville",
    "Pierre-Loti",
    "Jules-Ferry",
    "Olympe-de-Gouges",
    "Lucie-Aubrac",
    "Paul-Langevin",
    "Anita-Conti",
    "Joséphine-Baker",
    "Frantz-Fanon",
    "Jean-Marie-Tjibaou",
    "Félix-Éboué",
    "Marie-Curie",
    "Pablo-Neruda",
    "Missak-Manouchian",
    "Gisèle-Halimi",
    "Jacques-Prévert",
    "Auguste-Renoir",
    "Toussaint-Louverture",
    "Maryse-Condé",
]
_FILLERS: dict[str, list[str]] = {
    "SERVICE": [
        "la DRH",
        "le service état civil",
        "le greffe",
        "la cellule paie",
        "le bureau des entrées",
        "le secrétariat de mairie",
        "le pôle social",
        "le service des archives",
        "la brigade de proximité",
        "le service intendance du lycée",
        "l'unité territoriale ONF",
        "la section consulaire",
        "la cellule d'aide aux familles",
        "le pôle allocataires",
    ],
    "ORG": [
        "la mairie de Bozouls",
        "le lycée Louis-Pasteur de Lannion",
        "l'agence de l'eau Adour-Garonne",
        "le consulat général de France à Montréal",
        "l'ambassade de France à Dakar",
        "la base de défense de Brest-Lorient",
        "le commissariat de Vitré",
        "le CH de Morlaix",
        "la MDPH du Lot",
        "l'Urssaf Midi-Pyrénées",
        "la préfecture de Mayotte",
        "les archives départementales du Finistère",
        "l'office HLM Aveyron Habitat",
        "l'aéroport de Pointe-à-Pitre",
        "le grand port maritime de Dunkerque",
        "la direction territoriale PJJ de Guyane",
        "la région Occitanie",
        "l'agence ONF de Pau",
    ],
}
_OFFICE_STREETS = [
    "rue Victor-Hugo", "place Charles-de-Gaulle", "avenue Gaston-Monnerville",
    "boulevard Jean-Jaurès", "rue Jean-Moulin", "place de la République", "quai Louis-Pasteur",
    "rue du Général-Leclerc", "avenue Simone-Veil", "rue Félix-Éboué", "place Aimé-Césaire",
]  # fmt: skip
_OFFICES = [
    "Sous-préfecture", "Hôtel de région", "Mairie", "Agence de l'eau", "Direction territoriale",
    "Maison France services", "Centre des finances publiques", "Hôtel de police",
    "Capitainerie", "Préfecture", "Archives départementales", "Office public de l'habitat",
]  # fmt: skip
_BOXES = [
    "accueil", "secretariat", "etat-civil", "contact", "drh-recrutement", "ase-signalements",
    "mdph", "archives", "courrier", "cellule.familles", "rh.police", "standard", "regie",
    "essais-cliniques", "capitainerie", "cfe", "visa", "communication",
]  # fmt: skip
_BOX_DOMAINS = [
    "mairie-bozouls.fr", "lot.fr", "diplomatie.gouv.fr", "interieur.gouv.fr", "onf.fr",
    "laregion.fr", "chu-brest.fr", "aveyron-habitat.fr", "urssaf.fr", "finistere.fr",
    "mayotte.gouv.fr", "intradef.gouv.fr", "eau-loire-bretagne.fr",
]  # fmt: skip
_BICS = ["BNPAFRPPXXX", "CEPAFRPP", "AGRIFRPP", "CCBPFRPP", "PSSTFRPPXXX", "SOGEFRPP", "CMCIFRPP"]
_ALL_COMMUNES = COMMUNES_METRO + COMMUNES_CORSICA + COMMUNES_OVERSEAS + COMMUNES_PACIFIC


def _foreign_address(rng: random.Random) -> str:
    n, street = rng.randint(2, 2400), rng.choice(["Saint-Denis", "Sherbrooke", "des Érables"])
    return rng.choice(
        [
            f"{n} rue {street}, Montréal (Québec) H2X {rng.randint(1, 9)}J{rng.randint(1, 9)}",
            f"Calle de Alcalá {rng.randint(1, 300)}, 280{rng.randint(10, 99)} Madrid",
            f"Rua da Prata {rng.randint(1, 200)}, 1100-{rng.randint(100, 999)} Lisboa",
            f"{rng.randint(1, 90)} Camden Road, London NW1 {rng.randint(1, 9)}DP",
            f"Sicap Liberté {rng.randint(1, 6)}, villa n° {rng.randint(1, 9999)}, Dakar",
            f"Avenue Louise {rng.randint(1, 500)}, 1050 Ixelles",
            f"{rng.randint(1, 99)} phố Hàng Bông, Hoàn Kiếm, Hà Nội",
            f"Hauptstraße {rng.randint(1, 150)}, 79{rng.randint(100, 999)} Freiburg",
        ]
    )


def _office(rng: random.Random) -> str:
    commune, cp = rng.choice(_ALL_COMMUNES)
    street = rng.choice(_OFFICE_STREETS)
    num = rng.randint(1, 40)
    return rng.choice(
        [
            f"{rng.choice(_OFFICES)}, {num} {street}, CS {rng.randint(10000, 99999)}, "
            f"{cp} {commune} Cedex",
            f"{rng.choice(_OFFICES)} de {commune}, {num} {street}, {cp} {commune}",
            f"{num} {street}, {cp} {commune} (bâtiment administratif)",
        ]
    )


def _date(rng: random.Random) -> str:
    year, month, day = rng.randint(2016, 2026), rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice(
        [f"{day:02d}/{month:02d}/{year}", f"{day} {MONTHS[month - 1]} {year}",
         f"1er {MONTHS[month - 1]} {year}", f"{day} {MONTHS[month - 1]}"]
    )  # fmt: skip


def _numbered(rng: random.Random, stem_len: int) -> str:
    return _luhn_complete(_digits(rng, stem_len))


def filler(ctx: Ctx, name: str) -> str:
    """An unlabelled value: institutions' contacts, references, dates that are not births."""
    rng = ctx.rng
    if name == "COMMUNE":
        return rng.choice(_ALL_COMMUNES)[0]
    if name == "EPO":
        return rng.choice(EPONYMS)
    if name == "STD":
        return rng.choice(
            [_pairs("0" + rng.choice("12345") + _digits(rng, 8), " "),
             f"0 800 {_digits(rng, 3)} {_digits(rng, 3)}", f"09 69 {_pairs(_digits(rng, 6), ' ')}",
             _pairs("0" + rng.choice("12345") + _digits(rng, 8), ".")]
        )  # fmt: skip
    if name == "STDINTL":
        return rng.choice(
            [f"+1 514 878 {_digits(rng, 4)}", f"+221 33 839 {_pairs(_digits(rng, 4), ' ')}",
             f"+351 21 393 {_digits(rng, 4)}", f"+84 24 3944 {_digits(rng, 4)}"]
        )  # fmt: skip
    if name == "FMAIL":
        return f"{rng.choice(_BOXES)}@{rng.choice(_BOX_DOMAINS)}"
    if name == "OFFICE":
        return _office(rng)
    if name == "SIRET":
        siret = _numbered(rng, 13)
        return (
            siret if rng.random() < 0.5 else f"{siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}"
        )
    if name == "SIREN":
        siren = _numbered(rng, 8)
        return siren if rng.random() < 0.5 else f"{siren[:3]} {siren[3:6]} {siren[6:]}"
    if name == "LUHN16":
        number = _luhn_complete(rng.choice("45") + _digits(rng, 14))
        return number if rng.random() < 0.5 else " ".join(number[i : i + 4] for i in (0, 4, 8, 12))
    if name == "REF10":
        return "0" + _digits(rng, 9)
    if name == "TICKET":
        return rng.choice(
            [f"INC{_digits(rng, 7)}", f"#{_digits(rng, 5)}", f"REQ-2025-{_digits(rng, 5)}",
             f"GLPI-{_digits(rng, 6)}"]
        )  # fmt: skip
    if name == "DATE":
        return _date(rng)
    if name == "IBANREGIE":
        bank, branch, account = "10071", _digits(rng, 5), "0000" + _digits(rng, 7)
        value = _iban("FR", bank + branch + account + _rib_key(bank, branch, account))
        return " ".join(value[i : i + 4] for i in range(0, len(value), 4))
    if name == "BIC":
        return rng.choice(_BICS)
    if name == "UAI":
        return f"0{rng.randint(10, 97)}{_digits(rng, 4)}{rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}"
    if name == "LOT":
        return f"LOT-{rng.randint(2023, 2026)}-{_digits(rng, 4)}"
    raise KeyError(name)


# Rendering ---------------------------------------------------------------------------------------

_TOKEN = re.compile(
    r"\[([A-Z][A-Z0-9]*)(?::([a-z0-9_]+))?\]|\{([^{}|\[\]]*)\|([^{}|\[\]]*)\}|⟨([^⟨⟩]*)⟩"
)
_AGREE = re.compile(r"\{([^{}|]*)\|([^{}|]*)\}")


def agree(text: str, gender: str) -> str:
    return _AGREE.sub(lambda m: m.group(1) if gender == "m" else m.group(2), text)


def _alternatives(text: str) -> list[str]:
    """The choices of a "⟨a|b⟩" group, split on the bars outside "{m|f}" agreements."""
    out, depth, current = [], 0, ""
    for char in text:
        depth += char == "{"
        depth -= char == "}"
        if char == "|" and depth == 0:
            out.append(current)
            current = ""
        else:
            current += char
    return [*out, current]


def predicate(ctx: Ctx, topic: str, first: bool) -> str:
    gender = ctx.gender
    choices = []
    for entry in PREDICATES[topic]:
        restricted, text = (entry[0], entry[2:]) if entry[:2] in ("m:", "f:") else ("", entry)
        if restricted and restricted != gender:
            continue
        said = agree(text, gender)
        if first:
            converted = first_person(said)
            if converted is None:
                continue
            said = converted
        choices.append(said)
    return ctx.rng.choice(choices)


def slot(ctx: Ctx, name: str, arg: str | None, topic: str | None) -> list[Part]:
    rng = ctx.rng
    if name in ("P", "Q", "R"):
        return name_form(ctx, ctx.person(name), arg)
    if name == "N":
        return name_form(ctx, new_person(rng), arg)
    if name == "A":
        if arg == "abroad":
            return [(_foreign_address(rng), "adresse")]
        return [(address(ctx, arg), "adresse")]
    if name == "TEL":
        return [(phone(ctx, arg), "telephone")]
    if name == "MAIL":
        key = "Q" if arg in ("q", "qpro") else "P"
        return [(email(ctx, ctx.person(key), pro=arg in ("pro", "qpro")), "email")]
    if name == "DDN":
        if arg == "child":
            return [(birth_date(ctx, child=True), "date_naissance")]
        if arg == "old":
            year = rng.randint(1880, 1925)
            day = rng.randint(2, 28)
            return [(f"{day} {MONTHS[rng.randint(0, 11)]} {year}", "date_naissance")]
        return [(birth_date(ctx, arg), "date_naissance")]
    if name == "NIR":
        return [(nir(ctx, ctx.person("Q" if arg == "q" else "P").gender), "nir")]
    if name == "IBAN":
        country = {"fr": "FR", "be": "BE", "x": rng.choice(["PT", "ES", "DE", "NL", "LU", "AT"])}
        return [(iban(ctx, country.get(arg or "")), "iban")]
    if name == "CB":
        return [(card(ctx, arg), "carte")]
    if name in ("T", "T1"):
        assert topic is not None
        if name == "T":
            return [(predicate(ctx, topic, first=False), topic)]
        said = predicate(ctx, topic, first=True)
        pronoun = "J'" if said[0] in "aeiouéèêh" else "Je "
        if arg == "low":
            pronoun = pronoun.lower()
        return [(pronoun, None), (said, topic)]
    return [(filler(ctx, name), None)]


def render(ctx: Ctx, template: str, topic: str | None = None) -> list[Part]:
    parts: list[Part] = []
    position = 0
    for match in _TOKEN.finditer(template):
        if match.start() > position:
            parts.append((template[position : match.start()], None))
        position = match.end()
        if match.group(1):
            parts.extend(slot(ctx, match.group(1), match.group(2), topic))
        elif match.group(5) is not None:
            chosen = ctx.rng.choice(_alternatives(match.group(5)))
            parts.extend(render(ctx, chosen, topic))
        else:
            parts.append((match.group(3) if ctx.gender == "m" else match.group(4), None))
    if position < len(template):
        parts.append((template[position:], None))
    return parts


def assemble(parts: Sequence[Part]) -> tuple[str, list[Span]]:
    """The text of the parts and the offsets of the labelled ones, recorded as they are laid."""
    text = ""
    spans: list[Span] = []
    for value, category in parts:
        if category is not None:
            if not value or value != value.strip():
                raise ValueError(f"labelled value with blanks at its edges: {value!r}")
            spans.append((len(text), len(text) + len(value), category))
        text += value
    return text, spans


# Templates ---------------------------------------------------------------------------------------

_HI = "⟨Bonjour, |Salut, |Bonjour, |Hello, |⟩"

NAMES = [
    _HI + "tu peux m'aider à rédiger un courrier pour [P] qui conteste le montant de sa taxe "
    "d'aménagement ? On est deux au secrétariat pour ⟨600|350|1 100⟩ habitants.",
    "rédige une convocation à l'entretien annuel pour [P], agent{|e} technique "
    "forest{ier|ière} à l'unité territoriale de [COMMUNE]",
    "Reformule ce mail : « Bonjour [Q:title], je vous transmets le dossier de [P] pour la "
    "commission de la MDPH du mois prochain. »",
    "cr réunion du ⟨14|21|3⟩ : présents [N:bare], [N:bare], [N:bare] ; excusé{|e} [P:bare]. "
    "Mets ça au propre",
    "Le sergent-chef [P:sur] part en mission en ⟨mars|septembre|janvier⟩, sa famille "
    "souhaite être accompagnée par la cellule d'aide aux familles : quel courrier leur envoyer ?",
    "Peux-tu traduire en anglais la lettre de recommandation pour [P], stagiaire au consulat "
    "général de France à ⟨Édimbourg|Toronto|Sydney⟩ ?",
    "[P:upper] — demande de copie intégrale de l'acte de mariage de ses grands-parents, mariés "
    "à [COMMUNE] en ⟨1921|1934|1947⟩. Quels délais ?",
    "Je suis [P:bare], secrétaire de mairie à [COMMUNE], et je cherche un modèle d'arrêté de "
    "⟨voirie|circulation|stationnement⟩.",
    "fais un mail de relance a [P:given] pour les justificatifs de son dossier de logement "
    "social stp",
    "{Le|La} gardien{|ne} de la paix [P:sur] demande une mutation pour rapprochement de "
    "conjoint, quels textes citer dans la réponse du bureau RH ?",
    "Liste des lauréats du concours d'adjoint technique : 1. [N:bare] 2. [N:bare] "
    "3. [N:bare]. Peux-tu rédiger le communiqué ?",
    "Merci de préparer l'attestation de stage de [P] (BTS Gestion forestière, lycée agricole de "
    "[COMMUNE]) pour le jury de juin.",
    "note vocale : bon alors pour le dossier [P:low] il faudrait rappeler le notaire avant "
    "vendredi et voir avec [Q:given] si la succession est réglée",
    "Objet : départ en retraite de [P:titlefull] — pot prévu le [DATE] en salle du conseil. "
    "Peux-tu écrire le discours du maire ?",
    "[P:given] de l'accueil m'a dit que tu savais faire des tableaux croisés, comment je "
    "compte les dossiers par commune ?",
    "Est-ce que je peux mettre [P] en copie du courrier au juge des enfants ? {Il|Elle} est "
    "l'éducat{eur|rice} référent{|e} du jeune.",
    "Rédige un mot de condoléances pour la famille de [P], ancien{|ne} garde forest{ier|ière} "
    "de l'ONF décédé{|e} la semaine dernière.",
    "ton courrier est bien mais remplace [Q:bare] par [P:bare], c'est {lui|elle} qui signe "
    "par délégation",
    "Dans l'essai clinique, l'investigat{eur|rice} principal{|e} est [P:title] ; reformule le "
    "paragraphe de présentation de l'équipe.",
    "Je dois notifier à [P] la décision de la commission d'attribution des logements (refus, "
    "dossier incomplet). Ton neutre stp.",
    "peux tu corriger : 'Madame, Monsieur, suite à votre demande concernant [P:gup], nous "
    "vous informons que le dossier est complet'",
    "Qui doit signer le procès-verbal de passation entre [P:bare] et [Q:bare] au service des "
    "archives ?",
    "Fiche navette : agent{|e} [P:upper], grade adjoint administratif, affectation bureau des "
    "passeports de la sous-préfecture. Mets-la au propre.",
    "salut, [P:given] et [Q:given] sont en télétravail demain, fais moi une réponse auto pour "
    "la boîte du service",
    "La capitainerie signale que [P] n'était pas à bord au départ du ferry pour "
    "⟨Ouessant|Belle-Île|l'île d'Yeu⟩ ; qui prévenir ?",
    _HI + "je suis [P:init], assistant{|e} de service social à l'ASE, comment formuler une note "
    "d'incident sans jugement de valeur ?",
    "Pour l'exposition des archives, on remercie [N] et [N] pour le prêt de photos de famille : "
    "rédige les cartels.",
    "Merci de rappeler à [P:title] que son rendez-vous au consulat pour le renouvellement du "
    "passeport est avancé à ⟨9 h|10 h 30|14 h⟩.",
    "Planning des astreintes ONF — semaine ⟨12|22|41⟩ : [N:bare] ; semaine suivante : "
    "[N:bare]. Tu peux le mettre en tableau ?",
    "je dois faire un recommandé à [P:low] pour des impayés de loyer, il faut quelles mentions",
    "Le rapport d'inspection cite [P:sur] comme témoin de l'accident de chantier ; faut-il "
    "anonymiser avant diffusion ?",
    "Mail de [P:sig] : « je ne pourrai pas être présent{|e} à la commission, je donne pouvoir à "
    "[Q:bare] » — est-ce valable ?",
    "Réécris : [P:bare] a été recruté{|e} en qualité de contractuel{|le} au grand port "
    "maritime à compter du 1er avril.",
    "J'ai une demande de [P] qui veut consulter le dossier de pupille de l'État de sa mère, "
    "quels textes appliquer ?",
    "Le conseil municipal doit voter l'indemnité de [P:title], adjoint{|e} aux travaux : "
    "rédige la délibération.",
    "[P:upper] / [Q:upper] / [R:upper] — trois agents à convoquer pour la visite médicale "
    "périodique, fais un mail groupé.",
    "Aide-moi à répondre : [P] dit n'avoir jamais reçu son permis de conduire, l'ANTS "
    "l'a posté il y a un mois.",
    "Je prépare l'accueil de [P:given] qui arrive de Nouméa lundi aux affaires maritimes, tu "
    "as une check-list ?",
    "C'est correct ? « [P:title] est désigné{|e} référent{|e} laïcité de l'établissement à "
    "compter de la rentrée. »",
    "Vérifie l'orthographe des membres du jury : [N:bare], [N:bare], [N:bare], [N:bare]",
    "Est-ce que [P:sur] peut cumuler son poste à la régie des eaux avec une activité de guide "
    "de pêche le week-end ?",
    "Traduire en espagnol : « [P:titlefull] se présentera à l'ambassade le [DATE] pour retirer "
    "son visa. »",
    "L'ex-conjoint de [P] appelle tous les jours la mairie pour avoir sa nouvelle adresse : "
    "que répondre ?",
    "transcription : euh donc c'est [P:low] au téléphone {il|elle} veut savoir pour la "
    "cantine de son fils",
    "Le lieutenant [P:sur] et l'adjudant [Q:sur] encadrent la journée défense et citoyenneté, "
    "rédige le programme.",
    "Dans le registre de l'état civil de [COMMUNE], le nom est écrit [P:upper] mais le livret "
    "de famille dit [P:bare] : quelle rectification ?",
]

ADDRESSES = [
    "Changement d'adresse pour la carte grise de [P] : nouvelle adresse [A]. Quelles "
    "démarches sur le site de l'ANTS ?",
    "Peux-tu rédiger l'attestation d'hébergement : [P] héberge sa sœur au [A:nocomma] depuis "
    "⟨mars|l'été|deux mois⟩.",
    "Le recommandé envoyé à [P:title] est revenu « pli avisé non réclamé », adresse utilisée : "
    "[A]. On fait quoi ?",
    "Formulaire de l'ASE\nEnfant : [P:bare]\nDomicile : [A:multi]\nMerci de reformuler le "
    "motif de la demande d'aide éducative.",
    "[P:sig]\n[A:multi]\n\nObjet : demande de consultation des registres paroissiaux numérisés\n"
    "Tu peux améliorer cette lettre ?",
    "adresse du locataire: [A:low] - il demande un échange de logement, écris la réponse type "
    "de l'office",
    "Pour la pension de réversion, {le veuf|la veuve} de l'adjudant-chef "
    "[Q:sur] habite désormais [A:nonum].",
    "Notre agent{|e} forest{ier|ière} [P:bare] habite [A:lieudit], {il|elle} demande une "
    "indemnité kilométrique, comment calculer ?",
    "Mise à jour du dossier de [P:upper] : nouvelle adresse [A:res], merci de modifier dans "
    "le logiciel de l'action sociale.",
    "MDPH — pièce manquante pour [P] : justificatif de domicile au [A:apt]. Rédige la relance.",
    "Inscription sur la liste électorale : [P:bare], domicilié{|e} [A], demande son "
    "rattachement au bureau n° ⟨2|3|4⟩.",
    "Étiquette de colis :\n[P:upper]\n[A:upper]\nMets en forme pour l'impression.",
    "Ancienne adresse : [A] ; nouvelle adresse : [A]. Fais le courrier de changement pour "
    "l'Urssaf au nom de [P].",
    "Mayotte — [P:bare] habite [A:mayotte], sans numéro de rue : comment libeller l'adresse "
    "pour La Poste ?",
    "[P] réside [A:pac] ; peut-on lui envoyer le dossier de bourse par courrier ou faut-il "
    "passer par le vice-rectorat ?",
    "Famille d'accueil : [P:title], [A:multi3]. Rédige le courrier de renouvellement d'agrément.",
    "le stagiaire habite [A:a_commune] c'est loin du lycée, il a droit a une aide au transport ?",
    "Frais de changement de résidence du major [P:sur] (mutation vers Cayenne) : adresse de "
    "départ [A], adresse d'arrivée [A:ovs].",
    "Le bailleur demande l'adresse exacte du logement attribué à [P] : c'est [A:abbr], c'est "
    "bien ça ?",
    "Adresse en France de [P:titlefull], Français{|e} établi{|e} hors de France, pour les "
    "élections : [A].",
    "Adresse à l'étranger pour l'inscription au registre des Français de [P:bare] : "
    "[A:abroad]. C'est bien formaté ?",
    "Copie intégrale d'acte de naissance demandée par [P], demeurant [A:abroad].",
    "Le marin-pêcheur [P:sur] a donné comme adresse [A:bp] pour le rôle d'équipage, c'est "
    "accepté ?",
    "lieu de résidence: [A:lieudit] - merci de vérifier si c'est en zone de revitalisation "
    "rurale pour la prime de [P:given]",
    "Dans le tableau des bénéficiaires de la prime, colonne adresse : « [A:nocomma] » — il "
    "manque une virgule ?",
    "Le fils de [P:title] est scolarisé au collège de [COMMUNE], la famille vit [A:res] ; on "
    "attend la décision du juge pour l'AEMO.",
    "Courrier retour : destinataire inconnu à l'adresse [A:low]. Quelle case cocher dans "
    "l'appli courrier ?",
    "Peux-tu me dire si [A] est dans le périmètre du PPRI ? C'est la maison de {M.|Mme} [P:sur].",
    "Vérification avant envoi du permis (ANTS) : [A:nocomma], titulaire [P:upper].",
    "Voici l'adresse perso de la directrice pour l'envoi des fleurs : [A]",
    "Son adresse de vacances, c'est [A:lieudit] : [P:given] y sera tout le mois d'août, "
    "on lui fait suivre le courrier ?",
    "Le dossier de surendettement de [P] mentionne [A:apt] ; la Banque de France demande une "
    "adresse complète.",
    "Domiciliation de [P:bare] au CCAS puis installation [A:nonum] : comment rédiger "
    "l'attestation de fin de domiciliation ?",
]

PHONES = [
    "Tu peux rappeler [P] au [TEL] pour lui dire que son permis est disponible ?",
    "Mon numéro perso si besoin pendant l'astreinte : [TEL:mob]. [P:sig]",
    "la maman de l'enfant placé a laissé son portable [TEL:mob] elle veut parler à "
    "l'éducatrice de permanence",
    "Contact famille (cellule d'aide aux familles) : {époux|épouse} du caporal-chef [Q:sur], "
    "tél. [TEL].",
    "Pour l'essai clinique, le volontaire [P:upper] est joignable au [TEL:mob] ou au [TEL:fix].",
    "Numéro de l'usager en outre-mer : [TEL:ovs], il demande un rappel entre 14 h et 16 h, "
    "heure locale.",
    "Rappelle [P:given] sur son fixe [TEL:fix], son portable ne capte pas en forêt",
    "Coordonnées du ressortissant qui a perdu son passeport : [P], tél. [TEL:intl].",
    "Ligne directe de [P:title] au service instructeur : [TEL:fix]",
    "note vocale : rappeler euh {monsieur|madame} [P:sur] au [TEL:mob] pour son dossier de "
    "surendettement c'est urgent",
    "sms du locataire [P:bare] ([TEL:mob]) : « la chaudière est encore en panne » → rédige la "
    "réponse de l'office",
    "Le numéro que m'a laissé le candidat est faux ? [TEL] il manque peut-être un chiffre",
    "Mets dans la fiche contact de [P:upper] : mobile [TEL:mob], fixe [TEL:fix]",
    "Formate ce numéro au format international stp : [TEL:mob] (c'est celui de [P:given])",
    "Le garde-pêche [P:sur] veut que son numéro perso [TEL] n'apparaisse plus dans l'annuaire "
    "interne.",
    "Contact du tuteur légal : [P] — [TEL]",
    "Je ne retrouve pas le numéro de [P:given], c'est [TEL] ou [TEL] ?",
    "Urgent : le père de l'élève ([TEL:mob]) attend un rappel du proviseur adjoint",
    "Astreinte aéroport : agent de piste [P:bare], [TEL:mob], remplaçant [Q:bare], [TEL:mob]",
    "Au consulat, {M.|Mme} [P:sur] a laissé le [TEL:intl] pour qu'on le rappelle avant vendredi.",
    "tel de la famille en Guyane : [TEL:ovs] / [TEL:ovs] (pas de réseau l'après-midi)",
]

EMAILS = [
    "Envoie la convocation à [P] sur son adresse perso : [MAIL]",
    "{Le candidat|La candidate} [P:upper] a écrit depuis [MAIL] pour demander son relevé de "
    "notes du BTS.",
    "Mon mail pro c'est [MAIL:pro], ajoute-le dans la signature stp. [P:sig]",
    "peux-tu vérifier si [MAIL] est une adresse valide ? c'est pour renvoyer l'accusé de "
    "réception à [P:given]",
    "De : [P:sig] <[MAIL:pro]>\nÀ : [FMAIL]\nObjet : congés de fin d'année\nReformule ma "
    "demande plus poliment.",
    "La famille d'accueil ([P:title]) préfère qu'on écrive à [MAIL] plutôt que par courrier.",
    "J'ajoute [MAIL:pro] et [MAIL] à la liste de diffusion ? la seconde est perso, je ne sais "
    "pas si c'est autorisé",
    "Le message à [MAIL] est revenu (boîte pleine). C'est l'adresse de [P] pour son dossier "
    "de retraite.",
    "Compte ANTS : l'usager [P] a créé son compte avec [MAIL] et ne reçoit pas le code de "
    "confirmation",
    "Je mets en copie [P:titlefull] ([MAIL:pro]) et le secrétariat ([FMAIL]).",
    "Le chercheur associé [P:sur] veut recevoir les données de l'étude sur [MAIL] : c'est "
    "conforme au protocole ?",
    "Inscription au concours : [P:bare] / [MAIL] / [TEL:mob]",
]

BIRTHS = [
    "[P], né{|e} le [DDN], demande une copie de son acte de naissance.",
    "DDN : [DDN] — nom : [P:nom] — prénom : [P:prenom]",
    "Date de naissance de l'enfant : [DDN:child]. Peut-il bénéficier du pass colo ?",
    "Pour la conduite accompagnée, [P:given] est né{|e} en [DDN:year], a-t-{il|elle} l'âge ?",
    "Mon fils est né le [DDN:child] à la maternité de [COMMUNE], on a oublié de le déclarer "
    "dans les cinq jours, que faire ?",
    "Généalogie : je cherche l'acte de naissance de mon arrière-grand-{père|mère}, [P:bare], "
    "{né|née} le [DDN:old] à [COMMUNE].",
    "{Le jeune|La jeune} [P:given] (date de naissance [DDN:child]) est accueilli{|e} au foyer "
    "de l'enfance depuis mars ; prépare le projet pour l'enfant.",
    "Mets en forme :\n| Nom | Prénom | DDN |\n| [P:nom] | [P:prenom] | [DDN] |",
    "né(e) le : [DDN] ; lieu : [COMMUNE] ; nom d'usage : [P:nom]",
    "vocal : alors la personne c'est [P:low] {né|née} le [DDN:long] à [COMMUNE] {il|elle} "
    "veut son extrait d'acte",
    "Contrôle de cohérence : dans le SIRH la DDN de [P:upper] est [DDN:compact] mais sur la "
    "carte d'identité c'est [DDN:slash]",
    "Le militaire [P:sur], né{|e} en [DDN:monthyear], peut-{il|elle} partir à la retraite "
    "avec jouissance immédiate ?",
    "Demande de logement social pour [P] ([DDN]) : quelles pièces demander ?",
    '{"nom": "[P:nom]", "prenom": "[P:prenom]", "date_naissance": "[DDN:iso]"} — convertis '
    "en ligne de tableau",
    "Inscription à la crèche : [P:given], né{|e} le [DDN:child], parents [Q:bare] et [R:bare].",
    "Vérifie l'âge du saisonn{ier|ière} [P:bare] avant la signature : né{|e} le [DDN].",
    "Date de naissance : [DDN:short80]. C'est pour la carte de transport de [P:given], tu "
    "peux calculer son âge ?",
    "Pour le passeport de [P:titlefull] (naissance le [DDN:abbr] à [COMMUNE]), il manque la "
    "photo.",
]

IDS = [
    "Le NIR de [P] est [NIR], tu peux vérifier la clé ?",
    "n° de sécu : [NIR] — c'est pour la déclaration d'accident de service de [P:given]",
    "Sur l'attestation de droits de l'agent{|e} [P:upper] figure le numéro [NIR] ; faut-il le "
    "masquer avant envoi ?",
    "NIR [NIR] / nom [P:nom] / prénom [P:prenom] — on peut le saisir dans la DSN ?",
    "Mon numéro de sécurité sociale : [NIR]. Je suis [P:bare], la clé te paraît bonne ?",
    "Le participant de l'étude n'a pas de carte Vitale, juste le numéro [NIR] sur une "
    "attestation papier.",
    "transcription: bon le numéro de sécu de [P:low] c'est le [NIR] voilà",
    "Déclaration préalable à l'embauche du vacataire [P] : NIR [NIR], né{|e} le [DDN].",
    "Voici le RIB de [P] pour le remboursement de la caution : [IBAN:fr]",
    "IBAN du bénéficiaire (compte à l'étranger) : [IBAN:x] — titulaire [P:upper]. Le "
    "virement SEPA passe ?",
    "Merci de mettre à jour les coordonnées bancaires de l'agent{|e} [P:bare] : nouvel IBAN "
    "[IBAN]",
    "mon iban a changé : [IBAN] ([P:sig])",
    "Le RIB joint au dossier d'aide de la famille du soldat [Q:sur] porte l'IBAN [IBAN:fr], "
    "c'est bien celui {du conjoint|de la conjointe} ?",
    "Pour le remboursement des frais de mission à Bruxelles, [P] a donné un compte belge : "
    "[IBAN:be]",
    "IBAN : [IBAN]\nBIC : [BIC]\nTitulaire : [P:upper]\nC'est complet pour le virement ?",
    "La régie de la cantine rembourse [P:title] sur son compte [IBAN:fr].",
    "Une usagère a dicté son numéro de carte bancaire au téléphone : [CB]. Qu'est-ce que je "
    "fais de cette note ?",
    "[P] a payé ses frais de visa avec sa carte [CB] mais le paiement a été refusé deux fois.",
    "carte bleue de [P:given] : [CB] exp ⟨09/27|03/26|11/28⟩ - je la garde dans le dossier ?",
    "Paiement des frais de fourrière : Visa [CB:visa] au nom de [P:upper]",
    "Le voyageur a perdu sa carte American Express [CB:amex], il demande une attestation de "
    "perte au poste de police de l'aéroport.",
    "n° de carte de paiement : [CB] ; titulaire : [P:bare]. Reformule le mail pour demander "
    "un autre moyen de paiement.",
    "La famille a noté sur le formulaire de cantine sa Mastercard [CB:mc] au lieu du RIB",
    "Dans le ticket support, l'agent{|e} [P:sur] a collé sa CB [CB], il faut purger le ticket ?",
    "La carte de crédit [CB:mc2] de [P] a été débitée deux fois pour la même amende ANTS.",
]

RECORDS = [
    "Fiche de renseignements\nNom : [P:nom]\nPrénom : [P:prenom]\nNé{|e} le : [DDN]\n"
    "Adresse : [A]\nTél : [TEL]\nMail : [MAIL]\nMets-la au propre.",
    "| Nom | Prénom | Date de naissance | Téléphone |\n|---|---|---|---|\n| [P:nom] | "
    "[P:prenom] | [DDN] | [TEL] |\nAjoute une colonne commune.",
    "nom;prenom;ddn;adresse\n[P:nom];[P:prenom];[DDN:slash];[A:nocomma]\nconvertis en tableau",
    '{"agent": "[P:bare]", "nir": "[NIR]", "iban": "[IBAN]"} c\'est quoi ce format, tu '
    "peux l'expliquer ?",
    "Dossier MDPH — demandeur [P:upper], [DDN], [A], n° sécu [NIR]. Quelles pièces manquent ?",
    "Demande d'inscription au registre des Français établis hors de France\n[P:titlefull]\n"
    "Date de naissance : [DDN]\nAdresse : [A:abroad]\nTéléphone : [TEL:intl]\nCourriel : [MAIL]",
    "Formulaire d'aide (cellule familles) : conjoint{|e} [P:bare], IBAN [IBAN:fr], tél [TEL:mob]",
    "Dossier de candidature HLM de [P] : né{|e} le [DDN], domicilié{|e} [A:res], tél. [TEL]",
    "Recrutement contractuel au port : [P:upper] — [A:multi] — [TEL] — [MAIL]",
    "Fiche d'identification de l'essai (confidentielle) : [P:init], né{|e} le [DDN], [TEL:mob]",
    "Transcription note vocale : donc euh [P:low] habite [A:low] son numéro c'est le [TEL] "
    "et {il|elle} veut un rendez-vous",
    "Contrôle Urssaf : travailleur indépendant [P:upper], [A], NIR [NIR]. Rédige l'avis de "
    "passage.",
    "Permis perdu : [P:bare], né{|e} le [DDN], [A], demande de titre via l'ANTS. Quel "
    "justificatif ?",
    "Dossier de bourse au lycée : responsable légal [P:bare], [A], IBAN [IBAN:fr]",
    "Pour le remboursement : [P:upper], carte [CB] débitée deux fois, mail [MAIL]",
    'CSV exporté :\n"[P:nom]","[P:prenom]","[DDN:iso]","[TEL]"\n"[Q:nom]","[Q:prenom]",'
    '"[DDN:iso]","[TEL]"\nCompte les lignes.',
]

LONG = [
    "Bonjour,\n\nJe me permets de vous écrire au sujet de ma demande de logement déposée en "
    "⟨mars|janvier|octobre⟩. Je n'ai reçu aucune réponse malgré deux relances.\n\n"
    "Cordialement,\n[P:sig]\n[A:multi]\n[TEL]\n\nTu peux rédiger une réponse d'attente ?",
    "----- Message transféré -----\nDe : [P:sig] <[MAIL]>\nDate : [DATE]\nObjet : passeport "
    "perdu\n\nBonjour, j'ai perdu mon passeport pendant mon séjour. Je loge à [A:abroad], "
    "joignable au [TEL:intl].\n\n> Le [DATE], [FMAIL] a écrit :\n> Merci de prendre "
    "rendez-vous en ligne.\n\nPeux-tu répondre à sa place ?",
    "Compte rendu du conseil municipal du [DATE]\nPrésents : [N:bare], [N:bare], [N:bare], "
    "[N:bare]\nAbsent excusé : [N:bare] (pouvoir à [N:bare])\nSecrétaire de séance : "
    "[P:bare]\n1. Vente d'un chemin rural\n2. Tarifs de la salle des fêtes\nMets-le au propre.",
    "Bonjour la cellule,\nMon conjoint est en mission depuis ⟨deux|trois|quatre⟩ mois et la "
    "chaudière a lâché. Je suis seul{|e} avec les enfants.\nPouvez-vous m'aider ?\n[P:sig]\n"
    "[A]\n[TEL:mob]\n\nRédige la réponse de la cellule d'aide aux familles.",
    "Note de situation (ASE)\nEnfant : [P:bare], né{|e} le [DDN:child]\nMère : [Q:bare], "
    "[A]\nTél. mère : [TEL:mob]\nLa famille demande un changement d'assistante familiale.\n"
    "Rédige une synthèse neutre.",
    "Bonjour,\nJe suis l'investigat{eur|rice} de l'étude ⟨ALPHA|CARDIO-2|NEPHRO⟩. "
    "Pour toute question : [MAIL:pro], ligne directe [TEL:fix].\nLe promoteur reste joignable "
    "sur [FMAIL].\n[P:sig]\n\nTu peux raccourcir ce mail ?",
    "Madame, Monsieur,\nJe vous prie de bien vouloir rembourser le dépôt de garantie de mon "
    "ancien logement.\nMon IBAN : [IBAN:fr]\nNouvelle adresse : [A]\n[P:sig]\n\nC'est "
    "suffisant pour l'office ?",
    "Demande de recherche aux archives\nDemandeur : [P:titlefull]\n[A:multi]\n[MAIL]\n"
    "Je recherche la fiche matricule de mon arrière-grand-père, [N:bare], né le [DDN:old] "
    "à [COMMUNE].\nQuel délai de réponse annoncer ?",
    "Salut,\nje serai sur le terrain toute la semaine (martelage en forêt domaniale de "
    "⟨Paimpont|Compiègne|Tronçais⟩). En cas d'urgence mon portable : [TEL:mob].\n[P:sig]\n\n"
    "Fais-en un message d'absence.",
    "Objet : avis de contrôle\nEntreprise : SIRET [SIRET]\nInterlocut{eur|rice} : [P:titlefull]"
    ", ligne directe [TEL:fix]\nDate de la première visite : [DATE]\nReformule l'avis de passage.",
    "Rapport d'incident — aéroport\nHeure : ⟨6 h 40|13 h 15|22 h 05⟩\nAgent de sûreté : "
    "[P:bare]\nPassager concerné : [Q:bare], [TEL]\nObjet oublié au poste d'inspection filtrage"
    ".\nMets en forme.",
    "Préfecture de Mayotte — convocation\n[P:upper]\n[A:mayotte]\nVous êtes invité{|e} à "
    "vous présenter au guichet le [DATE] à 8 h.\nTél. en cas d'empêchement : [STD]\n"
    "Corrige les fautes.",
    "note vocale sans ponctuation alors c'est [P:low] qui appelle pour sa carte de transport "
    "{il|elle} habite [A:low] son numéro c'est le [TEL] et {il|elle} est {né|née} le [DDN] "
    "voilà tu peux me faire une fiche",
    "Bonjour à tous,\nJe rejoins le lycée comme gestionnaire à la rentrée.\nMon bureau est au "
    "bâtiment B, ligne directe [TEL:fix], mail [MAIL:pro].\nPour la vie scolaire, écrivez à "
    "[FMAIL].\n[P:sig]\n\nAméliore ce message.",
    "Bonjour,\nLa famille [P:sur] (3 enfants) quitte [COMMUNE] pour Nouméa.\nAdresse à "
    "Nouméa : [A:pac]\nTél. : [TEL:intl]\nMerci de transférer les dossiers scolaires.\n"
    "Rédige la réponse.",
]

_COLL = "{Mon collègue|Ma collègue}"

TOPIC_FRAMES: dict[str, list[str]] = {
    "sante": [
        "Transmissions du service de psychiatrie : [P] [T], merci de prévoir un point avec "
        "l'assistante sociale.",
        _COLL + " [P:given] [T], comment adapter son poste sans que tout l'étage le sache ?",
        "[T1], est-ce que je dois le dire à ma hiérarchie au lycée ?",
        "Fiche de liaison : [P:bare] [T]. Rédige un message pour l'équipe de nuit.",
        "Objet : reprise du travail de [P:title]\n{Il|Elle} [T] ; le médecin du travail "
        "propose un aménagement. Tu peux rédiger la note ?",
        "L'agent{|e} [P:upper] [T] et demande un bureau au rez-de-chaussée, c'est une "
        "obligation pour nous ?",
        "note vocale euh pour le dossier de [P:low] {il|elle} [T] donc on repousse l'audition",
        "Dans le compte rendu du CSA j'écris que [P:sur] [T] ou c'est trop ?",
        "Salut, je [T1:low] donc je serai absent{|e} aux réunions du jeudi, tu préviens le "
        "proviseur ? [P:sig]",
    ],
    "religion": [
        "Le militaire [P:sur] [T] : peut-on adapter ses rations en opération ?",
        _COLL + " [P:given] [T], {il|elle} demande à décaler ses horaires, je réponds quoi ?",
        "[T1] et je voudrais poser deux jours de congé en avril, comment formuler ma demande ? "
        "[P:sig]",
        "Au foyer de l'ASE, [P:given] (15 ans) [T] ; comment organiser les repas du soir ?",
        "Note RH : [P:upper] [T], {il|elle} souhaite un aménagement d'horaire le vendredi.",
        "Dans le compte rendu d'entretien, j'ai écrit que [P] [T] ; je le supprime ?",
        "{Le stagiaire|La stagiaire} de l'ambassade, [P:bare], [T] ; peut-on lui proposer la "
        "salle de repos à midi ?",
        "transcription : alors [P:low] {il|elle} [T] et ça pose souci pour le planning des gardes",
        "Est-ce que je peux refuser un congé à [P:title] qui [T] ?",
    ],
    "opinion_politique": [
        "{Le|La} secrétaire de mairie [P] [T] : peut-{il|elle} tenir le bureau de vote ?",
        _COLL + " [P:given] [T], ça pose un problème de devoir de réserve ?",
        "[T1] ; est-ce que je peux le mentionner sur mon profil de fonctionnaire ? [P:sig]",
        "{Le proviseur adjoint|La proviseure adjointe} [P:sur] [T] et en parle en salle des "
        "profs, que dit le statut ?",
        "Signalement reçu : l'agent{|e} [P:upper] [T] ; doit-on ouvrir une procédure ?",
        "Compte rendu d'entretien : [P:bare] nous a dit qu'{il|elle} [T]. On garde cette "
        "mention ?",
        "À Nouméa, [P] [T] — peut-{il|elle} être nommé{|e} au cabinet du haut-commissaire ?",
        "note vocale {le chef|la cheffe} de bord [P:low] [T] et il y a eu des tensions avec "
        "l'équipage",
        "Faut-il retirer de la fiche de poste de [P:title] le fait qu'{il|elle} [T] ?",
    ],
    "syndicat": [
        "[P] [T] : combien d'heures d'absence peut-{il|elle} poser pour le congrès ?",
        "{Le brigadier-chef|La brigadière-cheffe} [P:sur] [T], {il|elle} veut assister à la "
        "commission de réforme",
        "[T1] et je demande une autorisation d'absence pour le congrès, tu as un modèle ? [P:sig]",
        "Au lycée, [P:bare] [T] : peut-{il|elle} diffuser des tracts en salle des profs ?",
        "Convoqués au dialogue social : [N:bare], [N:bare] et [P:bare], qui [T].",
        "Entretien professionnel de [P:upper] : on note qu'{il|elle} [T] ?",
        _COLL + " [P:given] [T] et {il|elle} me demande mon avis sur sa mobilité, je dis quoi ?",
        "ONF — l'agent{|e} patrimonial{|e} [P:sur] [T] ; prévoir son remplacement les jours de "
        "réunion",
        "vocal : [P:low] [T] donc attention à ce qu'on dit devant {lui|elle}",
    ],
    "origine": [
        "Note ASE : l'enfant [P:given] [T], la famille demande un éducateur qui parle sa langue.",
        _COLL + " [P:given] [T] et se sent visé{|e} par des remarques, comment réagir ?",
        "[T1] et on m'a refusé un logement, est-ce de la discrimination ? [P:sig]",
        "Dans le rapport du commissariat, il est écrit que [P:upper] [T] ; cette mention "
        "est-elle légale ?",
        "Pour le dossier d'entrée à l'école de police, [P:bare] [T] — faut-il le noter ?",
        "Demande généalogique : [P:title] [T] et cherche les registres de sa famille, que "
        "proposer ?",
        "note vocale l'élève [P:low] [T] et des camarades l'insultent il faut prévenir la CPE",
        "Est-il légal d'inscrire dans le dossier RH de [P:sur] qu'{il|elle} [T] ?",
        "Guyane : l'agent{|e} [P:bare] [T] ; peut-on l'affecter sur le Maroni ?",
    ],
    "vie_sexuelle": [
        _COLL + " [P:given] [T], je peux le dire à l'équipe ?",
        "Note RH : [P:upper] [T] et demande que son dossier n'en fasse pas mention.",
        "[T1] ; dois-je prévenir le service des ressources humaines ? [P:sig]",
        "{Le|La} gendarme [P:sur] [T] et subit des moqueries à la brigade ; que prévoit le plan "
        "d'action ?",
        "Au foyer, [P:given] (16 ans) [T] : comment l'éducateur doit-il en parler à la famille ?",
        "Entretien annuel de [P:bare] : {il|elle} m'a confié qu'{il|elle} [T]. Je l'écris ?",
        "transcription note vocale bon [P:low] [T] faut pas qu'on en parle devant le chef",
        "Dans le signalement, il est écrit que [P:title] [T] ; faut-il retirer cette "
        "information ?",
        "Peut-on refuser la mutation de [P] parce qu'{il|elle} [T] ? Évidemment non, mais "
        "comment le dire ?",
    ],
    "genetique_biometrie": [
        "Essai clinique : [P:init] [T], faut-il un consentement spécifique ?",
        _COLL + " [P:given] [T] et s'inquiète pour ses enfants, quelles aides ?",
        "[T1] et ma mutuelle me demande les résultats, est-ce légal ? [P:sig]",
        "Au port, l'agent{|e} [P:upper] [T] ; on garde la donnée combien de temps ?",
        "Dossier de [P] : {il|elle} [T]. Cette mention doit-elle figurer dans la fiche de "
        "liaison ?",
        "Compte rendu de consultation de génétique : [P:bare] [T]. Résume pour le médecin "
        "traitant.",
        "note vocale [P:low] [T] donc il faudra le signaler au médecin de prévention",
        "L'élève [P:given] [T] ; les parents demandent un aménagement des épreuves.",
        "Pour le recrutement à l'aéroport, [P:title] [T] : est-ce que ça apparaît dans "
        "l'enquête administrative ?",
    ],
    "infraction": [
        "Dossier de [P] : {il|elle} [T]. Peut-on quand même lui délivrer l'agrément "
        "d'assistant{|e} familial{|e} ?",
        _COLL + " [P:given] [T] ; doit-on informer le procureur ?",
        "[T1] et je me demande si ça bloque mon concours. [P:sig]",
        "Brigade : [P:upper] [T] ; on {le|la} retire du planning des patrouilles ?",
        "PJJ — {le mineur|la mineure} [P:given] [T], l'audience est prévue le [DATE].",
        "Compte rendu de la commission de discipline : [P:bare] [T].",
        "note vocale alors [P:low] [T] et la mairie veut savoir si on peut {le|la} licencier",
        "Après le contrôle, [P:title] [T] : quelles suites pour la collectivité ?",
        "Le locataire [P:sur] [T] ; l'office peut-il résilier le bail ?",
    ],
}

TOPIC_LOOKALIKES: dict[str, list[str]] = {
    "sante": [
        "Le service de ⟨psychiatrie|maternité|dialyse|cardiologie⟩ du CH de [COMMUNE] recrute "
        "⟨deux infirmiers|un cadre de santé|une sage-femme⟩ : rédige l'annonce.",
        "Quelle procédure quand un agent ⟨est en arrêt maladie|demande un mi-temps "
        "thérapeutique|a un accident de service⟩ pendant ses congés ?",
        "Statistiques ⟨2022|2023|2024⟩ : jours d'arrêt maladie par ⟨direction|service|site⟩, "
        "fais-moi un graphique.",
        "Marché public : fourniture de ⟨fauteuils roulants|lits médicalisés|défibrillateurs|"
        "tests de grossesse⟩ pour ⟨l'EHPAD|le centre de santé|la base aérienne⟩.",
        "[P:title] ⟨gère|instruit|valide⟩ les dossiers de ⟨reconnaissance de travailleur "
        "handicapé|congé de longue maladie|mi-temps thérapeutique⟩ à la DRH.",
        "Fiche sur les droits d'un agent ⟨atteint d'une maladie chronique|en congé de longue "
        "durée|en burn-out⟩, cas général, ⟨sans nom|pas de personne précise|pour l'intranet⟩.",
        "La campagne de vaccination contre la grippe ⟨au lycée|au commissariat|au port|à la "
        "préfecture⟩ commence le [DATE] : fais l'affiche.",
        "Le protocole de l'essai exclut ⟨les femmes enceintes|les patients diabétiques|les "
        "personnes sous anticoagulants⟩ : reformule le critère d'exclusion.",
        "Combien de lits en ⟨psychiatrie infanto-juvénile|maternité de niveau 3|hôpital de "
        "jour⟩ dans ⟨le département|la région|le territoire⟩ ? C'est pour le schéma.",
    ],
    "religion": [
        "Un agent public peut-il porter ⟨un signe religieux|le voile|une croix visible⟩ "
        "⟨au guichet|en classe|en service⟩ ? Réponse générale.",
        "Calendrier des fêtes ⟨religieuses|juives et musulmanes|orthodoxes⟩ ⟨2025|2026⟩ pour "
        "anticiper les demandes d'autorisation d'absence.",
        "La commune doit-elle financer ⟨la réfection de l'église|le carré confessionnel du "
        "cimetière|l'entretien du presbytère⟩ ? ⟨On a peu de budget.|Question du maire.|⟩",
        "Rédige la charte de la laïcité affichée ⟨au lycée|au centre social|au foyer de l'ASE|"
        "à la mairie⟩.",
        "[P:title] est référent{|e} laïcité ⟨du rectorat|de la préfecture|de l'hôpital⟩ : mets "
        "à jour l'annuaire.",
        "Les menus de la cantine doivent-ils proposer ⟨une alternative sans porc|un repas "
        "végétarien|un menu adapté pendant le ramadan⟩ ? ⟨Question de parents.|Avis juridique.|⟩",
        "Visite guidée des archives : ⟨registres paroissiaux|registres de catholicité|"
        "registres consistoriaux⟩ du ⟨XVIIe|XVIIIe|XIXe⟩ siècle, prépare le texte.",
        "Le marché de restauration ⟨de la base navale|de la prison|de la cité administrative⟩ "
        "prévoit-il des repas ⟨halal et casher|sans viande|confessionnels⟩ ?",
        "Peut-on louer la salle des fêtes à ⟨une association cultuelle|une paroisse|une "
        "association musulmane|un temple protestant⟩ ?",
    ],
    "opinion_politique": [
        "Comment organiser le bureau de vote ⟨pour les européennes|pour le référendum|pour "
        "les municipales⟩ dans une commune de ⟨300|150|900⟩ habitants ?",
        "[P:title] ⟨préside|tient|est assesseur au⟩ bureau de vote n° ⟨1|2|3⟩ : rédige la "
        "convocation.",
        "Quelles règles pour l'affichage électoral ⟨sur les panneaux de la mairie|pendant la "
        "campagne|près des écoles⟩ ?",
        "Un fonctionnaire ⟨peut-il être candidat aux municipales|est-il tenu à la réserve sur "
        "les réseaux|peut-il adhérer à un parti⟩ ? Réponse générale.",
        "Résume le programme ⟨de la région|de la communauté de communes|de la métropole⟩ sur "
        "⟨les transports scolaires|l'eau potable|les lycées⟩.",
        "Fais un tableau des résultats du ⟨premier|second⟩ tour par bureau de vote pour "
        "[COMMUNE].",
        "Le maire, [P:sur], reçoit ⟨le préfet|la députée|le président de région⟩ pour "
        "l'inauguration : rédige le communiqué.",
        "Note sur ⟨la consultation sur l'autodétermination|le statut de la Corse|la "
        "départementalisation de Mayotte⟩ pour les nouveaux agents.",
        "La commission de propagande doit mettre sous pli les professions de foi de "
        "⟨six|huit|douze⟩ listes : quel planning ?",
    ],
    "syndicat": [
        "Combien d'heures de décharge syndicale pour une collectivité de ⟨50|300|1 200⟩ agents ?",
        "Rédige l'ordre du jour du ⟨CSA|comité social territorial|conseil d'administration⟩ "
        "du [DATE].",
        "Préavis de grève ⟨national|local|des personnels de l'aéroport⟩ : quelles obligations "
        "pour le service minimum ?",
        "[P:title] ⟨préside|anime|organise⟩ le dialogue social ⟨au rectorat|à la direction "
        "PJJ|à l'agence de l'eau⟩ : fais un mot d'accueil.",
        "Résultats des élections professionnelles ⟨2022|2018|2014⟩ par organisation : mets-les "
        "en tableau.",
        "Un agent peut-il ⟨refuser de dire s'il est syndiqué|être sanctionné pour fait de "
        "grève|prendre un congé de formation syndicale⟩ ? Question générale.",
        "Modèle de lettre pour ⟨convier les organisations syndicales|transmettre le bilan "
        "social|annoncer la réorganisation⟩ aux représentants du personnel.",
        "Le local syndical ⟨du lycée|de la préfecture|du commissariat⟩ doit-il avoir "
        "⟨un téléphone|un accès internet|une armoire fermée⟩ ?",
        "Combien de jours de grève ⟨en mars|au premier trimestre|l'an dernier⟩ ? Fais la "
        "requête dans le SIRH.",
    ],
    "origine": [
        "Quelles pièces pour ⟨un titre de séjour étudiant|une naturalisation|une carte de "
        "résident⟩ à la préfecture ⟨de Mayotte|de Guyane|de Seine-Saint-Denis⟩ ?",
        "Trouve un interprète en ⟨shimaoré|créole haïtien|tamoul|turc|arménien⟩ pour l'accueil "
        "⟨de la CAF|de l'ASE|de la mairie⟩.",
        "Résume les statistiques de l'INSEE sur ⟨l'immigration|les descendants d'immigrés|les "
        "langues régionales⟩ dans ⟨le département|la région⟩.",
        "[P:title] ⟨instruit|traite|vérifie⟩ les demandes de naturalisation à la plateforme "
        "⟨de Guyane|de Mayotte|de Bobigny⟩ : prépare sa fiche de poste.",
        "Rédige un texte pour la semaine ⟨contre le racisme|de la langue bretonne|du créole⟩ "
        "au ⟨lycée|collège|conseil régional⟩.",
        "Un diplôme obtenu ⟨au Maroc|au Sénégal|au Vietnam|en Arménie⟩ est-il reconnu pour "
        "le concours d'adjoint administratif ?",
        "Prépare un guide d'accueil ⟨en plusieurs langues|en anglais et en arabe|en shimaoré "
        "et en kibushi⟩ pour les familles ⟨à la maternité|à la crèche|au CCAS⟩.",
        "L'exposition des archives sur ⟨les harkis|l'immigration italienne|les Polonais du "
        "Nord|les Arméniens de Marseille⟩ ouvre le [DATE] : fais le communiqué.",
        "Les statistiques ethniques sont-elles autorisées dans une enquête ⟨de l'INED|de la "
        "région|du ministère⟩ ?",
    ],
    "vie_sexuelle": [
        "Rédige une affiche pour la journée ⟨contre l'homophobie|des fiertés|contre la "
        "transphobie⟩ ⟨au lycée|au commissariat|au CHU⟩.",
        "Procédure de changement de prénom à l'état civil : quelles pièces demander ? "
        "⟨Question générale.|C'est pour l'intranet.|⟩",
        "Combien de PACS enregistrés ⟨en 2023|l'an dernier|ce trimestre⟩ à la mairie de "
        "[COMMUNE] ?",
        "[P:title] ⟨célèbre|prépare|enregistre⟩ les mariages à la mairie le samedi : fais un "
        "planning.",
        "Le guide RH sur ⟨l'accompagnement des agents trans|la transition de genre au "
        "travail|les couples de même sexe⟩ : résume les points clés.",
        "Un agent peut-il ⟨prendre un congé pour son PACS|utiliser un prénom d'usage|prendre "
        "le congé de naissance pour l'enfant de sa compagne⟩ ? Question générale.",
        "Formation des policiers ⟨à l'accueil des victimes LGBT|aux violences sexuelles|aux "
        "discriminations⟩ : prépare le programme.",
        "Statistiques des mariages ⟨entre personnes de même sexe|célébrés en 2024|par mois⟩ "
        "dans ⟨le département|la commune⟩ : fais un graphique.",
        "Marché ⟨de préservatifs|d'autotests VIH|de contraceptifs⟩ pour le centre de santé "
        "sexuelle : rédige le cahier des charges.",
    ],
    "genetique_biometrie": [
        "Marché ⟨de contrôle d'accès biométrique|de badgeuses à empreinte|de reconnaissance "
        "faciale⟩ pour ⟨l'aéroport|le port|la cité administrative⟩ : quelles obligations ?",
        "Comment fonctionne ⟨PARAFE|le passage biométrique aux frontières|le recueil "
        "d'empreintes pour les passeports⟩ ? Explique simplement.",
        "Rédige la notice d'information ⟨de l'étude génétique|du prélèvement ADN|de la "
        "biobanque⟩ pour les participants.",
        "[P:title] ⟨coordonne|dirige|anime⟩ la plateforme de séquençage ⟨du CHU|de l'Inserm|du "
        "laboratoire⟩ : rédige sa bio pour le colloque.",
        "Les tests ADN ⟨sur les bovins|sur les chiens de race|des truites d'élevage⟩ "
        "relèvent-ils de la DDPP ?",
        "Combien de temps conserver ⟨les empreintes des demandeurs de titre|les photos "
        "d'identité numérisées|les données biométriques des visas⟩ ?",
        "Explique la différence entre ⟨test génétique et test ADN récréatif|empreinte et "
        "gabarit biométrique|génome et exome⟩.",
        "Peut-on exiger ⟨une empreinte digitale pour la cantine|un badge biométrique pour les "
        "agents|la reconnaissance faciale à l'entrée du lycée⟩ ?",
        "Le consulat ⟨de Dakar|d'Alger|de Hanoï|de Port-au-Prince⟩ recueille les données "
        "biométriques des demandeurs de visa : rédige l'affiche.",
    ],
    "infraction": [
        "Le bulletin ⟨n° 2|n° 3⟩ du casier judiciaire est-il exigé pour ⟨les animateurs|les "
        "assistants familiaux|les agents de sûreté⟩ ?",
        "Statistiques de la ⟨délinquance routière|sécurité routière|délinquance des mineurs⟩ "
        "dans ⟨le département|la région⟩ : fais un résumé.",
        "Comment contester ⟨une amende de stationnement|un avis de contravention|un PV de "
        "vitesse⟩ reçu pour un véhicule de service ? Procédure générale.",
        "[P] a porté plainte pour ⟨le vol de son vélo|une usurpation d'identité|des "
        "dégradations dans son jardin⟩ : rédige l'accusé de réception.",
        "[P:title], ⟨victime d'un cambriolage|victime d'une escroquerie en ligne|victime du vol "
        "de sa carte⟩, demande une attestation pour son assurance.",
        "Rédige une note sur ⟨le travail d'intérêt général|les mesures éducatives de la PJJ|"
        "la surveillance électronique⟩ pour les nouveaux magistrats.",
        "Le marché ⟨de radars pédagogiques|de vidéoprotection|de fourrière⟩ de la commune : "
        "aide-moi pour le cahier des charges.",
        "Si un agent ⟨est condamné pénalement|est placé en garde à vue|perd son permis⟩, "
        "quelles conséquences statutaires ? Cas général.",
        "Combien ⟨de retraits de points|de suspensions de permis|d'infractions routières⟩ "
        "en ⟨2023|2024⟩ dans le département ? Trouve la source.",
    ],
}

OTHER_LOOKALIKES = [
    "Inscription au ⟨collège|lycée|lycée professionnel⟩ [EPO] de [COMMUNE] : quels documents "
    "pour la rentrée ?",
    "La réunion se tient salle [EPO], ⟨2e étage|bâtiment B|rez-de-chaussée⟩ de la préfecture.",
    "Le standard de la mairie est le [STD], ouvert ⟨de 8 h à 12 h|le matin|du lundi au jeudi⟩.",
    "Pour toute question, écrire à [FMAIL] (boîte fonctionnelle du service).",
    "Adresse de la structure : [OFFICE]. Tu peux la mettre en forme pour l'en-tête ?",
    "SIRET de l'office : [SIRET] ; SIREN [SIREN]. C'est le bon format pour Chorus Pro ?",
    "Mon dossier n° [LUHN16] est bloqué dans l'appli, à qui m'adresser ?",
    "Référence de la commande : [REF10], livraison prévue ⟨lundi|jeudi|la semaine prochaine⟩.",
    "Ticket [TICKET] : l'imprimante du secrétariat ⟨ne marche plus|bourre|affiche une erreur⟩.",
    "La commune nouvelle, née le [DATE], regroupe ⟨trois|quatre|cinq⟩ anciennes communes : "
    "rédige l'historique.",
    "L'arrêté du [DATE] fixe les horaires ⟨de la déchetterie|du cimetière|de la piscine⟩, fais "
    "le résumé.",
    "Le rond-point ⟨du Maréchal-Foch|Charles-de-Gaulle|Jean-Jaurès⟩ est fermé pour travaux à "
    "partir du [DATE], rédige l'avis.",
    "Facture n° [REF10] du [DATE] pour la cantine : le paiement est-il arrivé ?",
    "Appelez le ⟨3939|3646|3949|3237|17|115⟩ pour ⟨les démarches|l'urgence|les renseignements⟩ "
    "— c'est le bon numéro ?",
    "Envoi du dossier à ⟨l'ANTS|la MDPH|l'Urssaf⟩ : [OFFICE].",
    "Boîte fonctionnelle de la cellule d'aide aux familles : [FMAIL]. Je la mets dans le flyer ?",
    "Le conciliateur reçoit ⟨le lundi|sur rendez-vous⟩ à la maison France services, [OFFICE].",
    "Le numéro du lot de vaccins est [LUHN16], on doit le noter dans le registre ?",
    "Le [DATE] à ⟨9 h|14 h 30|16 h⟩ : réunion de chantier à la station d'épuration de [COMMUNE].",
    "Le consulat est joignable au [STDINTL] ⟨du lundi au vendredi|le matin|sauf jours fériés⟩, "
    "fais une fiche pratique.",
    "IBAN de la régie de recettes de la mairie : [IBANREGIE]. Je le mets sur la facture ?",
    "Les horaires de la médiathèque [EPO] changent au [DATE].",
    "Le prix [EPO] ⟨du lycée|du département|de la région⟩ sera remis le [DATE], rédige "
    "l'invitation.",
    "Adresse de l'agence : [OFFICE] — mets-la dans la signature de la lettre.",
    "Le quartier [EPO] accueille la journée défense et citoyenneté le [DATE].",
    "Code UAI [UAI] : c'est bien le lycée [EPO] de [COMMUNE] ?",
    "Numéro de ⟨la quittance|l'avis d'échéance⟩ : [REF10]. Le locataire dit avoir payé.",
    "Le centre hospitalier [EPO] recrute, envoyez vos CV à [FMAIL].",
    "Ticket [TICKET] : badge d'accès ⟨de l'aéroport|de la capitainerie|du lycée⟩ à réactiver "
    "(pas de nom dans le ticket).",
    "Rédige la plaque pour ⟨l'école|la place|la salle⟩ [EPO] inaugurée le [DATE].",
    "Sur l'attestation, la date d'effet est le [DATE] et la date de fin le [DATE] : calcule "
    "la durée.",
    "Le numéro vert ⟨de l'Urssaf|de l'ANTS|de la MDPH⟩ est le [STD], c'est gratuit ?",
    "Notre SIREN [SIREN] apparaît avec une mauvaise adresse dans l'annuaire des entreprises, "
    "comment corriger ?",
    "Le numéro de série du ⟨défibrillateur|radar|copieur⟩ est [LUHN16] ; on l'ajoute à "
    "l'inventaire.",
    "Commande ONF [REF10] ; référence du lot de bois [LOT]. Prépare le bon de livraison.",
    "Formation ⟨Excel|sécurité incendie|premiers secours⟩ le [DATE] en salle [EPO] : qui doit "
    "s'inscrire ?",
    "Adresse de livraison : magasin ⟨du lycée|de la base|du port⟩, [OFFICE].",
    "Le navire ⟨[EPO]|Marion-Dufresne|Jacques-Cartier⟩ accoste au quai ⟨3|7|12⟩ le [DATE].",
    "Dernier délai pour les dossiers de bourse : [DATE]. Prépare un rappel aux familles.",
    "Montant de la facture [REF10] : ⟨1 250|380|12 400⟩ € TTC, payable par virement au "
    "comptable public.",
    "L'hôpital [EPO] a changé de standard : [STD].",
    "Vérifie le numéro de dossier [LUHN16] : on dirait un numéro de carte bancaire mais c'est "
    "la référence ⟨MDPH|ANTS|Urssaf⟩.",
    "La carte se terminant par ⟨4821|0937|5512⟩ a été refusée ⟨au péage|à la cantine|au "
    "guichet⟩ : quelle procédure ?",
    "Fête ⟨de la commune|du port|de la forêt⟩ le [DATE] : le comité est joignable sur [FMAIL].",
    "Le BIC [BIC] est-il celui ⟨de la Banque postale|du Crédit agricole|de la Caisse d'épargne⟩ ?",
    "Le service ⟨état civil|des archives|des passeports⟩ ⟨de [COMMUNE]|de la sous-préfecture⟩ "
    "ferme le [DATE] pour inventaire.",
    "Standard de l'ambassade : [STDINTL] ; urgence consulaire : ⟨voir le site|répondeur⟩.",
    "Plan de la forêt domaniale ⟨de Tronçais|des Landes|de Paimpont⟩ : parcelles ⟨12 à 18|3 et 4|"
    "40 à 52⟩ à marteler.",
]

QUESTIONS = [
    _HI + "comment faire un publipostage dans ⟨LibreOffice|Word|un tableur⟩ ?",
    _HI + "quelle est la différence entre un arrêté et une délibération ⟨pour une mairie|au "
    "conseil régional|en pratique⟩ ?",
    "Rédige une réponse ⟨polie|courte|ferme mais polie⟩ à un usager mécontent du délai de "
    "traitement ⟨de son dossier|de sa demande|⟩.",
    "Résume le décret sur le télétravail dans la fonction publique ⟨en 5 points|en une "
    "page|pour mes collègues⟩.",
    "Donne-moi un plan pour une note de synthèse sur ⟨la gestion de l'eau en zone rurale|les "
    "forêts communales|le port de plaisance⟩.",
    "tu peux me faire une formule ⟨excel|calc⟩ pour calculer ⟨l'ancienneté en années et mois|"
    "des jours ouvrés|un prorata⟩",
    "Traduis en ⟨anglais|espagnol|portugais⟩ : « Le bureau est fermé le vendredi après-midi. »",
    _HI + "comment archiver les registres ⟨d'état civil|de délibérations|d'arrêtés⟩ de plus de "
    "⟨75|100|50⟩ ans ?",
    "Quels sont les délais de communicabilité ⟨des archives publiques|des dossiers de "
    "personnel|des registres de police⟩ ?",
    "C'est quoi la différence entre ⟨l'ONF et le CRPF|une régie et une DSP|l'ASE et la PJJ⟩ ?",
    "Écris un mail pour annoncer la fermeture ⟨du port de plaisance|de la mairie|de l'accueil⟩ "
    "⟨pendant la tempête|le pont de mai|pour travaux⟩.",
    "Aide-moi à rédiger une fiche de poste ⟨d'agent d'accueil à l'ambassade|de secrétaire de "
    "mairie|de gestionnaire de lycée⟩.",
    "Explique ⟨le compte épargne-temps|le RIFSEEP|la NBI|le forfait mobilités durables⟩ "
    "⟨simplement|en trois phrases|avec un exemple⟩.",
    "Comment calculer les congés d'un agent ⟨à temps partiel|à 80 %|arrivé en cours d'année⟩ ?",
    "Propose ⟨trois|cinq⟩ titres pour ⟨la newsletter interne de la région|le bulletin "
    "municipal|la lettre des archives⟩.",
    "Qu'est-ce que ⟨la DSN|le PES V2|Chorus Pro⟩ et qui s'en occupe dans une mairie de "
    "⟨400|1 000|150⟩ habitants ?",
    "Rédige le mot d'accueil ⟨pour les nouveaux lycéens|pour les stagiaires|pour les "
    "saisonniers de l'ONF⟩.",
    "Comment fonctionne le renouvellement ⟨du permis de conduire|de la carte grise|du "
    "passeport⟩ ⟨sur le site de l'ANTS|en ligne|depuis l'étranger⟩ ?",
    "Fais une liste de contrôle pour ⟨la rentrée scolaire|la clôture budgétaire|le "
    "recensement de la population⟩.",
    "Corrige l'orthographe : « les dossiers reçu hier seront traiter la semaine prochaine »",
]


# The set -----------------------------------------------------------------------------------------


_LEAD = "⟨|||Question : |Pour une note : |Stp : |Petite question : |Vite fait : ⟩"


def families() -> list[tuple[str, str, int, str | None]]:
    """Every template as (id, text, renders, topic of its [T] slots)."""
    out: list[tuple[str, str, int, str | None]] = []

    def add(prefix: str, texts: Sequence[str], renders: int, topic: str | None = None) -> None:
        out.extend(
            (f"test12_{prefix}{i:02d}", text, renders, topic) for i, text in enumerate(texts, 1)
        )

    add("n_", NAMES, 7)
    add("a_", ADDRESSES, 7)
    add("c_tel_", PHONES, 7)
    add("c_mail_", EMAILS, 7)
    add("d_", BIRTHS, 7)
    add("i_", IDS, 7)
    add("r_", RECORDS, 6)
    add("m_", LONG, 5)
    for topic, frames in TOPIC_FRAMES.items():
        add(f"t_{topic}_", frames, 11, topic)
    for topic, texts in TOPIC_LOOKALIKES.items():
        add(f"l_{topic}_", [_LEAD + text for text in texts], 10)
    add("x_", OTHER_LOOKALIKES, 10)
    add("q_", QUESTIONS, 8)
    return out


def _row(text: str, spans: list[Span], template: str) -> dict[str, Any]:
    pii: dict[str, list[str]] = {}
    topics: list[str] = []
    for start, end, category in spans:
        if category in PREDICATES:
            if category not in topics:
                topics.append(category)
            continue
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
    for template_id, template, renders, topic in families():
        made = 0
        for _ in range(renders * 4):
            if made == renders:
                break
            text, spans = assemble(render(Ctx(rng), template, topic))
            if text in seen:
                continue
            seen.add(text)
            rows.append(_row(text, spans, template_id))
            made += 1
    return rows


def write(rows: Sequence[dict[str, Any]], path: Path = OUT) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    write(generate())
