"""Tenth held-out set for the personal-data guard: tests/data/pii_test10.jsonl.

Written by an independent hand, from scratch, without reading the guard, its word lists or the
other sets' generators. Deterministic: fixed seed, faker's name lists (faker 40.63.0).
Run `python -m devtools.pii_corpus_test10` to rewrite the file.

A template is a string with slots in braces. Each template is rendered with one subject whose
gender decides the agreements ({e}: "" or "e", {il}: il/elle, {Civ}: M./Mme, {col}: mon
collègue/ma collègue). Labelled slots record their span while the text is assembled, so no
offset is ever written by hand; `assemble` checks every span against its value.
"""

# ruff: noqa: E501
from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from faker.providers.person.es_ES import Provider as EsPerson
from faker.providers.person.fr_BE import Provider as BePerson
from faker.providers.person.fr_CA import Provider as CaPerson
from faker.providers.person.fr_CH import Provider as ChPerson
from faker.providers.person.fr_DZ import Provider as DzPerson
from faker.providers.person.fr_FR import Provider as FrPerson
from faker.providers.person.it_IT import Provider as ItPerson
from faker.providers.person.pt_PT import Provider as PtPerson
from faker.providers.person.tr_TR import Provider as TrPerson
from faker.providers.person.vi_VN import Provider as ViPerson

MADE_WITH_FAKER = "40.63.0"
SEED = 181018
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii_test10.jsonl"
SPLIT = "test10"
RENDERS = 8

Span = tuple[int, int, str]


def _names(values: Any) -> list[str]:
    if isinstance(values, dict):
        return [str(v) for v in values]
    return [str(v) for v in values]


def _clean(values: Sequence[str]) -> list[str]:
    return [v for v in values if v and re.fullmatch(r"[A-Za-zÀ-ɏḀ-ỿ' -]+", v) and len(v) > 2]


FR_LAST = _clean(_names(FrPerson.last_names))
BE_LAST = _clean(_names(BePerson.last_names))
CH_LAST = _clean(_names(ChPerson.last_names))
CA_LAST = _clean(_names(CaPerson.last_names))
DZ_LAST = _clean(_names(DzPerson.last_names))
FOREIGN_LAST = {
    "pt": _clean(_names(PtPerson.last_names)),
    "es": _clean(_names(EsPerson.last_names)),
    "it": _clean(_names(ItPerson.last_names)),
    "tr": _clean(_names(TrPerson.last_names)),
    "vi": _clean(_names(ViPerson.last_names)),
}
FIRST_M = _clean(
    _names(FrPerson.first_names_male)
    + _names(BePerson.first_names_male)
    + _names(ChPerson.first_names_male)
    + _names(CaPerson.first_names_male)
)
FIRST_F = _clean(
    _names(FrPerson.first_names_female)
    + _names(BePerson.first_names_female)
    + _names(ChPerson.first_names_female)
    + _names(CaPerson.first_names_female)
)
DZ_FIRST_M = _clean(_names(DzPerson.first_names_male))
DZ_FIRST_F = _clean(_names(DzPerson.first_names_female))
PARTICLES = ["de", "du", "de la", "Le", "de"]

# Real communes with their postcode (my own list), overseas and Corsica included.
COMMUNES = [
    ("75011", "Paris"),
    ("69003", "Lyon"),
    ("13005", "Marseille"),
    ("31400", "Toulouse"),
    ("59000", "Lille"),
    ("44000", "Nantes"),
    ("67000", "Strasbourg"),
    ("33800", "Bordeaux"),
    ("35000", "Rennes"),
    ("21000", "Dijon"),
    ("87000", "Limoges"),
    ("63000", "Clermont-Ferrand"),
    ("45000", "Orléans"),
    ("86000", "Poitiers"),
    ("80000", "Amiens"),
    ("76600", "Le Havre"),
    ("29200", "Brest"),
    ("25000", "Besançon"),
    ("57000", "Metz"),
    ("54000", "Nancy"),
    ("66000", "Perpignan"),
    ("64100", "Bayonne"),
    ("05000", "Gap"),
    ("04000", "Digne-les-Bains"),
    ("48000", "Mende"),
    ("23000", "Guéret"),
    ("36000", "Châteauroux"),
    ("52000", "Chaumont"),
    ("88000", "Épinal"),
    ("62300", "Lens"),
    ("93200", "Saint-Denis"),
    ("94000", "Créteil"),
    ("92000", "Nanterre"),
    ("95000", "Cergy"),
    ("91000", "Évry-Courcouronnes"),
    ("77000", "Melun"),
    ("78000", "Versailles"),
    ("59140", "Dunkerque"),
    ("42000", "Saint-Étienne"),
    ("38000", "Grenoble"),
    ("73000", "Chambéry"),
    ("74000", "Annecy"),
    ("26000", "Valence"),
    ("84000", "Avignon"),
    ("83000", "Toulon"),
    ("06000", "Nice"),
    ("30000", "Nîmes"),
    ("34070", "Montpellier"),
    ("11100", "Narbonne"),
    ("81000", "Albi"),
    ("12000", "Rodez"),
    ("46000", "Cahors"),
    ("47000", "Agen"),
    ("40000", "Mont-de-Marsan"),
    ("65000", "Tarbes"),
    ("09000", "Foix"),
    ("17000", "La Rochelle"),
    ("79000", "Niort"),
    ("85000", "La Roche-sur-Yon"),
    ("49100", "Angers"),
    ("72000", "Le Mans"),
    ("53000", "Laval"),
    ("61000", "Alençon"),
    ("14000", "Caen"),
    ("50100", "Cherbourg-en-Cotentin"),
    ("22000", "Saint-Brieuc"),
    ("56100", "Lorient"),
    ("18000", "Bourges"),
    ("58000", "Nevers"),
    ("03100", "Montluçon"),
    ("15000", "Aurillac"),
    ("43000", "Le Puy-en-Velay"),
    ("07200", "Aubenas"),
    ("39000", "Lons-le-Saunier"),
    ("70000", "Vesoul"),
    ("90000", "Belfort"),
    ("68100", "Mulhouse"),
    ("08000", "Charleville-Mézières"),
    ("02100", "Saint-Quentin"),
    ("60000", "Beauvais"),
    ("27000", "Évreux"),
    ("28000", "Chartres"),
    ("10000", "Troyes"),
    ("51100", "Reims"),
    ("55100", "Verdun"),
    ("89000", "Auxerre"),
]
OVERSEAS = [
    ("97110", "Pointe-à-Pitre"),
    ("97139", "Les Abymes"),
    ("97200", "Fort-de-France"),
    ("97232", "Le Lamentin"),
    ("97300", "Cayenne"),
    ("97320", "Saint-Laurent-du-Maroni"),
    ("97400", "Saint-Denis"),
    ("97410", "Saint-Pierre"),
    ("97460", "Saint-Paul"),
    ("97600", "Mamoudzou"),
    ("97615", "Pamandzi"),
    ("97500", "Saint-Pierre"),
]
CORSICA = [
    ("20000", "Ajaccio"),
    ("20200", "Bastia"),
    ("20250", "Corte"),
    ("20137", "Porto-Vecchio"),
    ("20220", "L'Île-Rousse"),
    ("20100", "Sartène"),
]
STREET_TYPES = [
    "rue",
    "rue",
    "rue",
    "avenue",
    "chemin",
    "impasse",
    "allée",
    "boulevard",
    "place",
    "route",
    "lotissement",
    "cours",
    "quai",
    "sentier",
    "montée",
    "résidence",
]
STREET_NAMES = [
    "des Lilas",
    "du Moulin",
    "de la Gare",
    "des Écoles",
    "du Stade",
    "des Tilleuls",
    "de l'Église",
    "des Peupliers",
    "du Château d'Eau",
    "des Vignes",
    "de la Forge",
    "du Pré Vert",
    "des Mésanges",
    "de la Fontaine",
    "des Acacias",
    "du Lavoir",
    "des Cerisiers",
    "de Bellevue",
    "du Four à Chaux",
    "des Hirondelles",
    "de la Croix Blanche",
    "des Bleuets",
    "du Bois Joli",
    "des Tanneurs",
    "de la Source",
    "des Genêts",
    "du Commandant Kieffer",
    "Jean Moulin",
    "Simone Veil",
    "Gambetta",
    "Pasteur",
    "Victor Schœlcher",
    "Aimé Césaire",
    "Lucie Aubrac",
    "du Général Leclerc",
    "Paul Vaillant-Couturier",
    "Marcel Sembat",
    "Jules Ferry",
    "des Flamboyants",
    "des Cocotiers",
    "Jean Jaurès",
    "Louise Michel",
]
OVERSEAS_STREETS = [
    "rue Schœlcher",
    "chemin des Flamboyants",
    "rue du Père Labat",
    "route de Balata",
    "rue des Manguiers",
    "impasse des Filaos",
    "chemin Morne Rouge",
    "rue Lamartine",
    "allée des Badamiers",
]
LIEUX_DITS = [
    "lieu-dit Les Granges",
    "lieu-dit la Combe",
    "hameau de Pradelles",
    "lieu-dit Le Bourg",
    "lieu-dit Kerbrat",
    "Les Essarts",
    "lieu-dit Champ Long",
]
RESIDENCES = [
    "Résidence Les Oliviers",
    "Résidence du Parc",
    "Résidence Les Jardins d'Arcadie",
    "Cité des Fleurs",
    "Résidence Le Clos Fleuri",
    "Résidence Bel Air",
]
EPONYMS = [
    "Victor Hugo",
    "Jean Moulin",
    "Marie Curie",
    "Jules Ferry",
    "Simone Veil",
    "Louis Pasteur",
    "Jean Jaurès",
    "Aimé Césaire",
    "Gaston Monnerville",
    "Lucie Aubrac",
    "Germaine Tillion",
    "Pierre Mendès France",
    "Olympe de Gouges",
    "Félix Éboué",
    "Charles de Gaulle",
    "Georges Pompidou",
    "Jacques Chirac",
    "Joséphine Baker",
    "Frantz Fanon",
    "Gisèle Halimi",
    "Antoine de Saint-Exupéry",
    "Camille Claudel",
]
INSTITUTION_KINDS = [
    "lycée",
    "collège",
    "centre hospitalier",
    "EHPAD",
    "gymnase",
    "groupe scolaire",
    "IUT",
    "centre pénitentiaire",
    "quartier militaire",
    "centre médico-social",
    "conservatoire",
    "stade",
    "centre social",
    "palais des sports",
]
SERVICES = [
    "la DDETS",
    "la préfecture",
    "le SGAMI",
    "le rectorat",
    "la DREETS",
    "le CHU",
    "la CAF",
    "le SPIP",
    "la DDFiP",
    "le conseil départemental",
    "la DGOS",
    "l'ARS",
    "le centre de gestion",
    "la mairie",
    "l'inspection du travail",
    "la DIRPJJ",
]
FUNCTIONAL_MAILS = [
    "accueil",
    "rh",
    "secretariat",
    "courrier",
    "contact",
    "drh.paie",
    "pref-etrangers",
    "ce.rectorat",
    "ars-oc-direction",
    "spip.greffe",
    "standard",
    "bal.sanitaire",
    "dpt-social",
]
DOMAINS = [
    "gouv.fr",
    "interieur.gouv.fr",
    "justice.fr",
    "ac-lyon.fr",
    "chu-rouen.fr",
    "ars.sante.fr",
    "travail.gouv.fr",
    "intradef.gouv.fr",
    "dgfip.finances.gouv.fr",
    "ac-reunion.fr",
    "ac-martinique.fr",
    "orange.fr",
    "gmail.com",
    "laposte.net",
    "free.fr",
    "hotmail.fr",
    "yahoo.fr",
    "outlook.fr",
    "sfr.fr",
    "wanadoo.fr",
]
PERSONAL_DOMAINS = [
    "orange.fr",
    "gmail.com",
    "laposte.net",
    "free.fr",
    "hotmail.fr",
    "yahoo.fr",
    "outlook.fr",
    "sfr.fr",
    "wanadoo.fr",
    "icloud.com",
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


# ---------------------------------------------------------------------------------------------
# Sensitive topic phrases. "|e" marks the feminine ending (kept for a woman, dropped for a man).

TOPICS: dict[str, list[str]] = {
    "sante": [
        "est sous chimio depuis mars",
        "a fait un AVC en janvier",
        "est en arrêt pour burn-out",
        "a été opéré|e du genou",
        "est suivi|e pour une dépression",
        "est épileptique",
        "fait des crises d'angoisse",
        "a une sclérose en plaques",
        "est en ALD pour son diabète",
        "est reconnu|e travailleur handicapé|e",
        "est sous traitement antirétroviral",
        "a été hospitalisé|e en psychiatrie",
        "est en rémission d'un cancer du sein",
        "souffre d'une hernie discale",
        "a un trouble bipolaire",
        "est enceinte de cinq mois",
        "attend une greffe de rein",
        "fait une rechute de sa maladie de Crohn",
        "est sourd|e de l'oreille droite",
        "est sous dialyse trois fois par semaine",
        "a le covid long",
        "est en mi-temps thérapeutique",
        "a une RQTH",
        "sort d'une cure de désintoxication",
        "est alcoolique d'après ses collègues",
        "a eu une fausse couche",
        "est asthmatique sévère",
        "a été placé|e en congé longue maladie",
    ],
    "religion": [
        "fait le ramadan",
        "est musulman|e pratiquant|e",
        "va à la messe tous les dimanches",
        "porte la kippa",
        "est témoin de Jéhovah",
        "a demandé congé pour Yom Kippour",
        "ne travaille pas le jour du shabbat",
        "est converti|e à l'islam",
        "est catholique pratiquant|e",
        "prie pendant la pause",
        "est bouddhiste",
        "porte le voile",
        "est évangélique",
        "est juif|ve",
        "fréquente la mosquée du quartier",
        "est protestant|e",
        "a fait son pèlerinage à La Mecque",
        "est athée militant|e",
        "est sikh et porte le turban",
        "jeûne pour le carême",
        "est orthodoxe",
        "fait partie de l'Église adventiste",
        "est de confession israélite",
        "se rend au temple le samedi",
        "a fait sa bar-mitsva l'an dernier",
        "a été baptisé|e à l'âge adulte",
    ],
    "opinion_politique": [
        "est encarté|e chez LFI",
        "milite au RN",
        "vote écolo depuis toujours",
        "est adhérent|e des Républicains",
        "colle des affiches pour le PS",
        "est très à droite",
        "est d'extrême gauche",
        "est militant|e anarchiste",
        "a été candidat|e sur une liste Renaissance",
        "soutient Reconquête",
        "est membre du Parti communiste",
        "manifeste avec les gilets jaunes chaque samedi",
        "est royaliste",
        "a une carte chez EELV",
        "est sympathisant|e du NPA",
        "distribue des tracts pour Lutte ouvrière",
        "est macroniste convaincu|e",
        "est souverainiste",
        "est proche de l'UDI",
        "a voté Le Pen",
        "est militant|e indépendantiste",
    ],
    "syndicat": [
        "est délégué|e CGT",
        "est syndiqué|e chez FO",
        "est élu|e SUD au CSE",
        "a sa carte à la CFDT",
        "est représentant|e UNSA",
        "milite à la FSU",
        "est adhérent|e de la CFE-CGC",
        "est secrétaire de la section CGT",
        "vient de se syndiquer à Solidaires",
        "est mandaté|e par la CFTC",
        "est délégué|e syndical|e SNES",
        "siège au CST pour FO",
        "est permanent|e CGT",
        "est membre du SNUipp",
        "a été désigné|e représentant|e de section syndicale",
        "est militant|e Alliance police",
        "cotise au SNPDEN",
    ],
    "origine": [
        "est d'origine algérienne",
        "est né|e au Mali",
        "est d'origine marocaine",
        "a des parents tunisiens",
        "est issu|e de la communauté gitane",
        "est rom",
        "est d'origine vietnamienne",
        "parle wolof avec sa famille",
        "est d'origine comorienne",
        "a la double nationalité franco-turque",
        "vient d'une famille kabyle",
        "est noir|e",
        "est métis|se",
        "est d'origine haïtienne",
        "est d'ascendance portugaise",
        "a des origines sénégalaises",
        "est d'origine chinoise",
        "est arabe",
        "est de la communauté arménienne",
        "est kanak",
        "a pour langue maternelle le lingala",
    ],
    "genetique_biometrie": [
        "a fait un test ADN",
        "est porteur|se du gène BRCA1",
        "a donné ses empreintes digitales",
        "a une mutation génétique rare",
        "a sa photo dans le fichier de reconnaissance faciale",
        "a fait séquencer son génome",
        "a un caryotype anormal",
        "est porteur|se de la mucoviscidose",
        "a été identifié|e par son ADN",
        "a fait enregistrer son empreinte de l'iris",
        "a fait un test de paternité",
        "a un gabarit biométrique enregistré sur la badgeuse",
        "a une trisomie 21",
        "a fait un test génétique",
        "a fourni un prélèvement ADN",
        "a la drépanocytose héréditaire",
        "a un profil génétique au FNAEG",
        "a fait analyser son ADN par un site de généalogie",
        "est atteint|e d'une maladie génétique",
        "a le syndrome de l'X fragile",
        "a été identifié|e par reconnaissance faciale",
        "a fait un test de filiation",
        "a un gène de prédisposition au cancer du côlon",
    ],
    "infraction": [
        "a été condamné|e pour vol",
        "a fait de la prison",
        "est sous bracelet électronique",
        "a un casier judiciaire",
        "a été placé|e en garde à vue",
        "est en détention provisoire",
        "a perdu son permis pour alcoolémie",
        "a été mis|e en examen",
        "a pris six mois avec sursis",
        "est sous contrôle judiciaire",
        "a été verbalisé|e pour excès de vitesse",
        "a été interpellé|e avec du cannabis",
        "a été condamné|e pour violences conjugales",
        "purge une peine à Fresnes",
        "est fiché|e pour escroquerie",
        "a été jugé|e en comparution immédiate",
        "a écopé d'un TIG",
        "a été reconnu|e coupable de fraude",
        "est en libération conditionnelle",
        "a été arrêté|e pour conduite sans permis",
    ],
}
# Sexual life / orientation: {part} is a partner of the same gender as the owner.
SEX_PHRASES = [
    "vit avec {part}",
    "est pacsé|e avec {part}",
    "est marié|e avec {part}",
    "a épousé {part}",
    "est en couple avec {part}",
    "est homo",
    "est gay",
    "est lesbienne",
    "est bi",
    "a fait son coming out",
    "est trans",
    "est non binaire",
    "fréquente {part} depuis deux ans",
    "partage sa vie avec {part}",
    "a demandé un rapprochement pour suivre {part}",
    "est en concubinage avec {part}",
    "vient de se séparer de {part}",
    "a eu une liaison avec un|e collègue",
    "est bisexuel|le",
    "a changé de prénom à l'état civil après sa transition",
    "élève un enfant avec {part}",
    "a présenté {part} au pot de Noël",
    "est asexuel|le",
    "est pansexuel|le",
    "est sur Grindr",
    "a un amant",
    "est homosexuel|le",
]
PARTNERS = {
    "m": [
        "son compagnon",
        "son mari",
        "son copain",
        "son conjoint",
        "son partenaire",
        "son petit ami",
        "un homme",
        "son époux",
        "son fiancé",
    ],
    "f": [
        "sa compagne",
        "sa femme",
        "sa copine",
        "sa conjointe",
        "sa partenaire",
        "sa petite amie",
        "une femme",
        "son épouse",
        "sa fiancée",
    ],
}
# Phrases followed by the partner's name (a person of the owner's gender).
SEX_BEFORE_NAME = [
    "vit avec",
    "est pacsé|e avec",
    "est marié|e à",
    "partage sa vie avec",
    "sort avec",
    "est en couple avec",
    "a épousé",
    "s'est pacsé|e avec",
    "se marie avec",
    "se pacse avec",
    "épouse",
    "a refait sa vie avec",
    "vit en concubinage avec",
]
# Partner-before-owner phrases: "{Q}, {phrase} {P}" with Q of the same gender as P.
PARTNER_OF = {
    "m": ["le compagnon de", "le mari de", "le conjoint de", "l'époux de"],
    "f": ["la compagne de", "la femme de", "la conjointe de", "l'épouse de"],
}

# Topic look-alikes: the words of a topic said of a service, a policy, a rule, a building.
NEG_TOPICS = [
    "la note de service sur les arrêts maladie",
    "le marché de reconnaissance faciale",
    "le bulletin n° 2 du casier judiciaire exigé pour le poste",
    "l'aumônerie de l'hôpital",
    "le calendrier des fêtes religieuses",
    "la circulaire sur le droit syndical",
    "les élections professionnelles de décembre",
    "le référent laïcité",
    "la campagne de vaccination antigrippale",
    "le plan d'action égalité femmes-hommes",
    "la mutuelle santé des agents",
    "le registre des délégués du CSE",
    "la Marche des fiertés",
    "la réforme du code pénal",
    "le service de médecine préventive",
    "l'accord sur le télétravail signé par les syndicats",
    "le protocole de fouille des cellules",
    "le dispositif de lutte contre les discriminations",
    "la base biométrique des titres",
    "le fichier des empreintes du ministère",
    "le guide sur les congés pour motif religieux",
    "la journée de sensibilisation au handicap",
    "la politique de prévention des addictions",
    "le quartier de semi-liberté",
    "l'orientation scolaire des élèves",
]

# ---------------------------------------------------------------------------------------------
# Templates: (id, text). Slots:
#   labelled: {P} subject full name, {Pn} surname, {Pg} given name, {Plow} lower case,
#     {PUP} SURNAME Given, {Q} another person, {Qs} person of the subject's gender, {QUP},
#     {ADR} address one line, {ADRL} several lines, {ADRN} without number, {ADRBP} box/Cedex
#     (personal), {ADRDOM} overseas, {ADRCO} Corsica, {ADRLD} lieu-dit, {ADRRES} résidence,
#     {TEL} {MOB} phones, {MAIL} personal e-mail, {DDN} birth date, {NIR}, {IBAN}, {CB},
#     {T:cat} topic phrase, {SEX} sexual life phrase, {PARTOF} partner-before-owner phrase.
#   not labelled: {INST} institution named after someone, {STD} switchboard, {FMAIL},
#     {REF} file number, {SIRET}, {DATE} a date that is no birth, {OFFICE} an office address,
#     {NEG} a topic look-alike, {SERV} a service, {EPO} an eponym, {VILLE} a commune.
#   grammar: {e} feminine ending, {il}, {Il}, {Civ} M./Mme, {civ} monsieur/madame, {col}
#     mon collègue/ma collègue, {agent} l'agent/l'agente, {le} le/la.

TEMPLATES: list[tuple[str, str]] = [
    # --- names, many registers --------------------------------------------------------------
    (
        "n01",
        "Bonjour, pouvez-vous reformuler ce mail pour {Civ} {P} qui conteste son planning de garde ?",
    ),
    ("n02", "cc {Pg} pr info, le dossier part demain"),
    ("n03", "Objet : recrutement contractuel — candidature de {PUP} au poste d'infirmier de nuit"),
    ("n04", "{PUP} ; {QUP} ; {Q} — liste des agents à convoquer en CAP"),
    ("n05", "slt tu peux mettre {Plow} dans la boucle stp"),
    ("n06", "Le surveillant {Pn} signale un incident en promenade, merci de préparer le rapport."),
    ("n07", "Compte rendu : présents {P}, {Q} (DRH), {Q} ; excusé : {Q}."),
    ("n08", "Résume ce courrier de {civ} {Pn}, qui se plaint du bruit du chantier."),
    ("n09", "nom;prénom;grade\n{Pn};{Pg};adjoint administratif"),
    (
        "n10",
        "Message vocal : oui bonjour c'est {P} je rappelle pour mon dossier de naturalisation merci de me rappeler",
    ),
    ("n11", "Le sergent-chef {Pn} est muté au 2e RIMa à compter du 1er septembre."),
    ("n12", "Dr {Pn} demande la liste des lits disponibles en réanimation."),
    ("n13", '{"agent": "{P}", "statut": "titulaire", "corps": "attaché"}'),
    ("n14", "Ticket #48213 — ouvert par {P} — imprimante du 3e étage hors service"),
    (
        "n15",
        "Peux-tu écrire une lettre de félicitations à {P} pour sa réussite au concours de lieutenant ?",
    ),
    ("n16", "De : {P}\nÀ : cellule RH\nObjet : demande de formation CPF"),
    ("n17", "L'élève {Pg} {Pn} de 4e B a été absent{e} trois jours sans justificatif."),
    ("n18", "Mr {Pn} a appelé deux fois ce matin, il voudrait un rdv avec l'inspecteur"),
    ("n19", "Merci à {P} et à {Q} pour l'organisation du forum emploi."),
    ("n20", "Je remplace {Pg} cette semaine, elle est en formation à Rennes."),
    ("n21", "Arrivée de {P} au bureau des étrangers, merci de lui créer un compte."),
    ("n22", "Note à l'attention de {Civ} {PUP}, chef de bureau"),
    ("n23", "Le détenu {PUP}, écrou n° {REF}, demande un parloir avec sa mère."),
    ("n24", "Peux-tu traduire en anglais la réponse à {P} sur son visa étudiant ?"),
    ("n25", "Signé : {P}, agent{e} de contrôle, unité de contrôle 3"),
    ("n26", "Pour l'astreinte du week-end : {Pg} samedi, {Q} dimanche."),
    ("n27", "Corrige les fautes : {civ} {Plow} a bien recu votre courier"),
    ("n28", "La famille {Pn} a sollicité une aide au logement auprès de l'assistante sociale."),
    ("n29", "Le médecin-chef a reçu {P} en entretien de reprise."),
    ("n30", "A transmettre à {Pn} {Pg} (service paie) avant vendredi."),
    ("n31", "Rédige un mot d'accueil pour {P} qui rejoint la brigade de gendarmerie de {VILLE}."),
    ("n32", "Bonjour {Pg},\nJe te transfère la demande.\nBien à toi,\n{Q}"),
    ("n33", "La commission a auditionné {P} puis {Q} sur le projet de ZAC."),
    ("n34", "Transcription : alors euh {Plow} m'a dit qu'il passerait lundi voilà"),
    ("n35", "Peux-tu faire un tableau des congés : {Pg} 12 jours, {Q} 8 jours, {Q} 15 jours ?"),
    # --- addresses ----------------------------------------------------------------------------
    ("a01", "Merci d'envoyer l'attestation à {P}, {ADR}."),
    ("a02", "Nouvelle adresse de l'agent{e} : {ADRL}"),
    ("a03", "je suis domicilié{e} {ADRN} depuis juin, faut-il prévenir la paie ?"),
    ("a04", "Adresse de correspondance de {Civ} {Pn} : {ADRBP}"),
    ("a05", "L'usager réside {ADRDOM}, merci de lui écrire en recommandé."),
    ("a06", "Domicile : {ADRCO}"),
    ("a07", "{P} habite {ADRLD}, la tournée du facteur ne passe pas toujours."),
    ("a08", "Adresse personnelle : {ADRRES}"),
    ("a09", "{PUP}\n{ADRL}\nObjet : réclamation taxe foncière"),
    ("a10", "pouvez vous modifier mon adresse: {ADR} merci"),
    ("a11", "Le jeune est hébergé chez sa tante, {ADR}, mesure éducative en cours."),
    ("a12", "Visite à domicile prévue chez {Civ} {Pn}, {ADRDOM}, jeudi matin."),
    ("a13", '"{P}";"{ADR}";"{TEL}"'),
    (
        "a14",
        "Mon adresse a changé, c'est désormais {ADRRES}. Pouvez-vous mettre à jour mon dossier ?",
    ),
    ("a15", "Le militaire déclare résider {ADRN}, hors enceinte du quartier."),
    ("a16", "Envoi du titre de séjour à l'adresse déclarée : {ADRBP}"),
    ("a17", "Suite à la plainte du voisin, le contrôleur s'est rendu au {ADR}."),
    ("a18", "Adresse du bénéficiaire\n{ADRL}"),
    ("a19", "L'assistante sociale a orienté {P}, qui vit {ADRLD}, vers le CCAS."),
    ("a20", "Rédige un courrier de relance pour {P}, {ADRCO}."),
    ("a21", "Mutation : l'agent{e} part pour {VILLE}, sa nouvelle adresse sera {ADRDOM}."),
    ("a22", '{"nom": "{Pn}", "adresse": "{ADR}"}'),
    ("a23", "pr la prime de transport mon domicile c {ADR}"),
    ("a24", "Le courrier est revenu « n'habite pas à l'adresse indiquée » : {ADRN}."),
    ("a25", "Notification à {Civ} {P}, demeurant {ADR}."),
    ("a26", "Dernière adresse connue du débiteur : {ADRRES}"),
    ("a27", "Libère-moi un créneau pour la visite de l'appartement de {P} au {ADR}."),
    ("a28", "Adresse des parents : {ADRLD} / adresse de l'élève en internat : lycée {EPO}"),
    # --- contacts and identifiers --------------------------------------------------------------
    ("c01", "Vous pouvez joindre {P} sur son portable au {MOB}."),
    ("c02", "Mon mail perso : {MAIL}, merci d'y envoyer le bulletin."),
    ("c03", "{P} — {MOB} — {MAIL}"),
    ("c04", "Cordialement,\n{P}\nGreffe du tribunal judiciaire\nLigne directe : {TEL}"),
    ("c05", "rappelle {Pg} au {MOB} stp c urgent"),
    ("c06", "Contact famille : {Q} (responsable légal) {MOB}"),
    ("c07", "Pour le remboursement, voici mon RIB : {IBAN}"),
    ("c08", "NIR de l'agent{e} : {NIR}, à reporter sur le formulaire de la CPAM."),
    ("c09", "Né{e} le {DDN} à {VILLE}, {P} demande un extrait d'acte."),
    ("c10", "Date de naissance : {DDN}"),
    ("c11", "{PUP} | {DDN} | {NIR}"),
    ("c12", "J'ai payé la formation avec ma carte {CB}, comment me faire rembourser ?"),
    ("c13", "n° secu {NIR} / iban {IBAN}"),
    ("c14", "Le stagiaire, {P}, né{e} le {DDN}, sera affecté{e} au greffe."),
    (
        "c15",
        "Mme la directrice, vous trouverez mes coordonnées bancaires ci-dessous : {IBAN} (titulaire {P})",
    ),
    ("c16", "Envoie le planning à {MAIL} et à {MAIL}"),
    ("c17", "Pb de badge pour {P}, tél. {TEL}"),
    ("c18", "nom,prenom,ddn,tel\n{Pn},{Pg},{DDN},{MOB}"),
    ("c19", "Voici le numéro de carte utilisé pour la commande litigieuse : {CB}."),
    ("c20", "Transcription : bonjour c'est {P} mon numéro c'est le {MOB} voilà rappelez-moi"),
    ("c21", "Fiche agent\nNom : {PUP}\nDDN : {DDN}\nN° SS : {NIR}\nTél : {MOB}"),
    ("c22", "Le prévenu {Pn}, né le {DDN}, comparaîtra le {DATE}."),
    ("c23", "Peux-tu écrire à {MAIL} pour lui dire que son arrêté est signé ?"),
    ("c24", "Merci de virer l'indemnité sur le compte {IBAN}."),
    ("c25", "Identité : {P}, {DDN}, {ADR}, {MOB}"),
    ("c26", "Le patient {PUP} ({DDN}) est attendu en consultation de pré-anesthésie."),
    ("c27", "-----Message d'origine-----\nDe : {MAIL}\nEnvoyé : {DATE}\nObjet : RE: mon dossier"),
    ("c28", "date naiss {DDN} lieu {VILLE} nom {Plow}"),
    ("c29", "Tu peux appeler son fixe au {TEL} ou son portable perso {MOB}."),
    ("c30", "Ex-conjoint de l'usagère : {Q}, joignable au {MOB}."),
    ("c31", "Paiement du stage refusé : carte {CB}, titulaire {P}, merci de vérifier."),
    ("c32", "cb perso {CB} exp 09/28 — c'est pour le billet de train de la mission"),
    ("c33", "Le greffe a saisi la carte bancaire n° {CB} appartenant au mis en cause {Pn}."),
    (
        "c34",
        "Remboursement frais de mission\nAgent : {PUP}\nCarte utilisée : {CB}\nMontant : 84,20 €",
    ),
    # --- art. 9/10 topics ------------------------------------------------------------------------
    ("s01", "Je dois prévenir l'équipe que {P} {T:sante}, comment le dire avec tact ?"),
    ("s02", "{col} {T:sante}, a-t-{il} droit à un aménagement de poste ?"),
    ("s03", "pr info {Pg} {T:sante} donc pas d'astreinte ce mois ci"),
    ("s04", "Rédige un mail pour dire à l'équipe que {Civ} {Pn} {T:sante} et sera absent{e}."),
    ("s05", "Le détenu {Pn} {T:sante}, l'UCSA doit le voir."),
    ("s06", "Compte rendu de la cellule de veille : l'élève {Pg} {T:sante}."),
    ("s07", "Peux-tu m'aider à répondre à {P} qui {T:sante} et demande un temps partiel ?"),
    (
        "s08",
        "{agent} {T:sante} et ne peut plus porter de charges, que propose la médecine du travail ?",
    ),
    ("s09", "Manager un agent qui {T:sante} : {P} est dans mon équipe depuis un an."),
    ("r01", "{P} {T:religion}, peut-on adapter ses horaires ?"),
    ("r02", "Dans mon service {col} {T:religion}, est-ce compatible avec la neutralité ?"),
    ("r03", "le soldat {Pn} {T:religion} et demande des repas adaptés"),
    (
        "r04",
        "Je sais que {Civ} {Pn} {T:religion}, dois-je en tenir compte pour le planning de Noël ?",
    ),
    (
        "r05",
        "Une usagère m'a signalé que l'agent d'accueil {T:religion}, quelle réponse lui faire ?",
    ),
    ("r06", "{Pg} {T:religion} et souhaite poser trois jours en avril."),
    ("r07", "Au quartier des mineurs, {Pn} {T:religion} ; l'aumônier est prévenu."),
    ("r08", "ma collègue de bureau {T:religion}, c'est un problème pour le chef ?"),
    ("p01", "{P} {T:opinion_politique}, peut-{il} être jury du concours ?"),
    ("p02", "On m'a rapporté que {col} {T:opinion_politique}, est-ce une faute ?"),
    ("p03", "{Civ} {Pn}, adjoint{e} au maire, {T:opinion_politique} selon la presse locale."),
    ("p04", "pour info {Pg} {T:opinion_politique} donc évite le sujet à la réunion"),
    ("p05", "Le candidat {Pn} {T:opinion_politique} ; cela peut-il jouer dans l'entretien ?"),
    ("p06", "Note confidentielle : le gardien de la paix {Pn} {T:opinion_politique}."),
    ("p07", "Mon chef {T:opinion_politique} et fait des remarques en réunion, que faire ?"),
    (
        "p08",
        "Rédige une réponse à {P} qui {T:opinion_politique} et se plaint d'être mis{e} à l'écart.",
    ),
    ("u01", "{P} {T:syndicat}, faut-il lui accorder une décharge ?"),
    ("u02", "Dans l'équipe, {col} {T:syndicat} et organise la grève de jeudi."),
    ("u03", "{Civ} {Pn} {T:syndicat} : merci de l'inviter à la réunion de dialogue social."),
    ("u04", "le surveillant {Pn} {T:syndicat} et conteste la note de service"),
    ("u05", "La prof {Pn} {T:syndicat}, elle demande une ASA pour le congrès."),
    ("u06", "Tableau des heures de délégation\n{PUP} — {T:syndicat} — 20 h"),
    ("u07", "mon n+1 {T:syndicat} et il bloque ma mobilité, c'est légal ?"),
    ("u08", "Répondre à {P}, qui {T:syndicat}, sur le calendrier des élections."),
    ("o01", "{P} {T:origine}, peut-{il} servir d'interprète pour l'audition ?"),
    ("o02", "Le mineur isolé {Pg} {T:origine} selon son récit."),
    ("o03", "{col} {T:origine} et subit des remarques, comment le signaler ?"),
    ("o04", "L'usager {Pn} {T:origine}, il demande un agent qui parle sa langue."),
    ("o05", "note RPS : {Pg} {T:origine} et dit être visé{e} par des blagues"),
    ("o06", "Le locataire {PUP} {T:origine}, le bailleur lui a refusé le logement."),
    ("o07", "Rédige un signalement au référent discrimination : {P} {T:origine}."),
    ("o08", "ma stagiaire {T:origine}, faut-il un titre de travail ?"),
    ("g01", "{P} {T:genetique_biometrie}, son médecin demande un aménagement."),
    ("g02", "Dans le cadre de l'enquête, {Pn} {T:genetique_biometrie}."),
    ("g03", "{col} {T:genetique_biometrie} et veut savoir si l'employeur peut le savoir."),
    ("g04", "Le gardé à vue {PUP} {T:genetique_biometrie} à la demande du parquet."),
    ("g05", "pour le dossier MDPH : l'enfant {Pg} {T:genetique_biometrie}"),
    ("g06", "Comment rédiger le courrier à {P}, qui {T:genetique_biometrie} ?"),
    ("g07", "{Civ} {Pn} {T:genetique_biometrie} et demande la destruction des données."),
    ("g08", "Signalement : {agent} {T:genetique_biometrie}, information remontée par le CHSCT."),
    ("i01", "{P} {T:infraction}, peut-{il} rester en poste au contact du public ?"),
    ("i02", "On vient d'apprendre que {col} {T:infraction}."),
    ("i03", "Le candidat {Pn} {T:infraction} : faut-il écarter sa candidature ?"),
    ("i04", "Le jeune {Pg}, suivi par la PJJ, {T:infraction}."),
    ("i05", "{Civ} {Pn}, agent{e} d'entretien : on m'a dit qu'{il} {T:infraction}."),
    ("i06", "Fiche de liaison SPIP — {PUP} — {T:infraction}"),
    ("i07", "mon voisin de bureau {T:infraction} et tout le monde le sait"),
    ("i08", "Rédige une réponse à {P} qui {T:infraction} et demande sa réintégration."),
    ("x01", "{P} {SEX}, peut-{il} bénéficier du congé de naissance ?"),
    ("x02", "{col} {SEX} et veut le dire à l'équipe, comment l'accompagner ?"),
    ("x03", "pr info {Pg} {SEX}, on lui fait une carte pour le pacs ?"),
    ("x04", "Le brigadier {Pn} {SEX} ; des collègues font des blagues, que faire ?"),
    ("x05", "{Civ} {Pn} {SEX} et demande un rapprochement de conjoint."),
    ("x06", "Rédige un mail d'accueil : {P} {SEX} et arrive de {VILLE}."),
    ("x07", "{Qs}, {PARTOF} {P}, a appelé pour prévenir de son absence."),
    ("x08", "Demande RH : {P} {SEX}, quels justificatifs pour la mutuelle ?"),
    ("x09", "signalement RPS : {Pg} {SEX} et se fait insulter au vestiaire"),
    ("x10", "Invitation au mariage : {Qs}, {PARTOF} {P}, sera présent{e}."),
    ("x11", "Le lieutenant {Pn} {SEX}, il veut changer d'affectation pour le suivre."),
    ("x12", "Dans la note, {Qs} est désigné{e} comme {PARTOF} {P} ; est-ce nécessaire ?"),
    (
        "x13",
        "Demande de congé pour événement familial ({DATE}) : {P} {SEXN} {Qs}, merci de valider.",
    ),
    ("x14", "{P} et {PART2} {Qs} ont adopté un enfant, à quel congé ont droit les deux parents ?"),
    ("x15", "Ayant droit mutuelle : {Qs}, {PARTOF} l'agent{e} {P}."),
    ("x16", "il parait que {Plow} {SEXN} {Qs} de la compta, tu savais ?"),
    (
        "x17",
        "Au parloir de mardi : {Qs}, présenté{e} comme {PARTOF} {PUP}, détenu{e} au bâtiment B.",
    ),
    (
        "x18",
        "Note de la médecine de prévention : {agent} {Pg} {SEX}, {il} demande de la discrétion.",
    ),
    # --- mixed, long, several items -----------------------------------------------------------
    (
        "m01",
        "Bonjour,\nJe vous transmets la situation de {P}, {ADR}, joignable au {MOB}. {Il} {T:sante} et demande une aide ménagère.\nBien cordialement,\n{Q}\nAssistante sociale de secteur",
    ),
    (
        "m02",
        "CR réunion du {DATE} : {P} {T:syndicat} ; {Q} absent ; point sur les primes ; prochaine réunion au {OFFICE}.",
    ),
    (
        "m03",
        "Je suis {Pg} {Pn}, né{e} le {DDN}, je {T_je:sante} et je voudrais savoir si je peux prendre un congé.",
    ),
    (
        "m04",
        "> Le {DATE}, {P} <{MAIL}> a écrit :\n> merci de me rappeler au {MOB}\nRéponds-lui poliment que le dossier est complet.",
    ),
    (
        "m05",
        "Situation : {PUP}, {DDN}, domicilié{e} {ADRL}. {Il} {T:infraction}. Suivi SPIP en cours.",
    ),
    ("m06", "id;nom;adresse;tel\n12;{P};{ADR};{MOB}\n13;{Q};{ADRN};{TEL}"),
    (
        "m07",
        "Entretien annuel de {P} : très bon investissement, {il} {T:religion} et souhaite des horaires décalés pendant le mois, rien d'autre à signaler.",
    ),
    ("m08", "OCR :\nMadame {PUP}\n{ADRL}\nN° sécurité sociale\n{NIR}"),
    (
        "m09",
        "bonjour jsuis {Plow} agent au cte technique j'ai un souci ma paie pas arrivee mon rib c {IBAN} merci",
    ),
    ("m10", "Message de {P} : « Je {T_je:origine}, on me demande sans cesse d'où je viens. »"),
    ("m11", "Extrait du registre main courante : {DATE}, {P} {T:infraction}, remis à l'OPJ {Q}."),
    (
        "m12",
        "Note au préfet : {Civ} {PUP}, qui {T:opinion_politique}, a demandé audience ; {Q}, qui {T2:syndicat}, l'accompagnera.",
    ),
    (
        "m13",
        "Transcription message vocal oui bonjour c'est {P} j'habite {ADR} je vous appelle parce que mon fils {T3:sante} voilà rappelez moi au {MOB}",
    ),
    (
        "m14",
        '{"usager": "{P}", "naissance": "{DDN}", "email": "{MAIL}", "commentaire": "{T:sante}"}',
    ),
    (
        "m15",
        "Bonjour {Pg},\nSuite à notre échange, ton dossier de rapprochement est parti. Tu m'as écrit : « je {T_je:sexe} à {VILLE} », je l'ai mentionné.\n{Q}",
    ),
    (
        "m16",
        "Relevé de décisions — CSA du {DATE}\n1. Mutation de {P} acceptée.\n2. {Q}, qui {T2:syndicat}, demande le bilan social.\n3. Dossier {REF} ajourné.\nSecrétaire de séance : {Q}",
    ),
    (
        "m17",
        "Bonjour,\n\nje reviens vers vous concernant {Civ} {Pn} : {il} {T:sante} depuis le {DATE} et ne pourra pas reprendre avant l'été. Merci de me dire quelles pièces fournir au conseil médical.\n\nCordialement\n{Q}\nGestionnaire RH – {SERV}\nStandard : {STD}",
    ),
    ("m18", "INC0{REF}|{DATE}|demandeur={MAIL}|desc=mot de passe expiré, rappeler au {MOB}"),
    (
        "m19",
        "Rapport d'évaluation sociale : {P}, {DDN}, hébergé{e} {ADRRES}. {Il} {T:origine} et {T:religion}. Ressources : RSA. Orientation vers le CCAS.",
    ),
    (
        "m20",
        "Fiche de renseignements — {PUP} — NIR {NIR} — IBAN {IBAN} — personne à prévenir : {Q} ({MOB})",
    ),
    (
        "m21",
        "ouais salut c'est {Pg} du courrier euh je serai pas là demain je {T_je:sante} voilà bonne soirée",
    ),
    # --- traps: no personal data ----------------------------------------------------------------
    ("z01", "Quels sont les horaires du {INST} pendant les vacances scolaires ?"),
    ("z02", "Le standard de {SERV} est joignable au {STD}, du lundi au vendredi."),
    ("z03", "Pour toute question, écrire à {FMAIL}."),
    ("z04", "Référence du dossier : {REF}, à rappeler dans toute correspondance."),
    ("z05", "La société prestataire (SIRET {SIRET}) livre le mobilier le {DATE}."),
    ("z06", "Adresse de {SERV} : {OFFICE}"),
    ("z07", "Peux-tu résumer {NEG} en cinq points ?"),
    ("z08", "La réunion sur {NEG} est reportée au {DATE}."),
    ("z09", "Le {INST} ouvre une classe de BTS à la rentrée."),
    ("z10", "Combien d'agents sont concernés par {NEG} dans un service de 40 personnes ?"),
    ("z11", "Merci d'adresser les candidatures à {SERV}, {OFFICE}, ou par mail à {FMAIL}."),
    ("z12", "La commune nouvelle est née le {DATE} de la fusion de trois villages."),
    ("z13", "Rédige une affiche pour la journée portes ouvertes du {INST}."),
    ("z14", "Numéro de commande {REF} — livraison prévue à l'accueil du {INST}."),
    ("z15", "slt tu sais si le {INST} est fermé lundi ? jai une réunion la bas"),
    ("z16", "Tél. standard : {STD} — Courriel : {FMAIL} — {OFFICE}"),
    ("z17", "Le décret du {DATE} modifie {NEG}."),
    ("z18", "Le rond-point {EPO} sera fermé pour travaux jusqu'au {DATE}."),
    ("z19", "Pouvez-vous me donner la procédure pour {NEG} ?"),
    ("z20", "Ticket #{REF} — statut : résolu — catégorie : messagerie"),
    (
        "z21",
        "Quelle est la différence entre un CDD et un contrat de projet dans la fonction publique hospitalière ?",
    ),
    ("z22", "Rédige une note sur {NEG} pour le comité de direction."),
    ("z23", "Le groupe scolaire {EPO} accueillera 240 élèves en septembre."),
    ("z24", "Le fichier CSV contient les colonnes service;effectif;budget;{DATE}."),
    ("z25", "Rappel : la permanence juridique se tient au {INST} le premier mardi du mois."),
    ("z26", "Les agents de {SERV} doivent déposer leurs congés avant le {DATE}."),
    ("z27", "Combien de jours de carence pour un arrêt maladie d'un fonctionnaire en 2026 ?"),
    ("z28", "Quel est le délai de recours contre un arrêté de la préfecture ?"),
    ("z29", "Le SIRET {SIRET} correspond-il bien à l'entreprise titulaire du lot 3 ?"),
    ("z30", "Je cherche un modèle de fiche de poste pour un agent d'accueil à {SERV}."),
    ("z31", "En-tête : {SERV} — {OFFICE} — {STD}"),
    ("z32", '{"service": "{SERV}", "tel": "{STD}", "mail": "{FMAIL}"}'),
    ("z33", "Le jury du concours se réunira au {INST} le {DATE}."),
    ("z34", "Quelle durée de conservation pour les dossiers d'aide sociale à l'enfance ?"),
    ("z35", "Le {INST} de {VILLE} recrute deux infirmiers de nuit."),
    ("z36", "Dossier n° {REF} transmis au tribunal administratif le {DATE}."),
    ("z37", "Traduis en anglais : « {NEG} s'applique à tous les agents. »"),
    ("z38", "La brigade de {VILLE} est rattachée à la compagnie de gendarmerie depuis le {DATE}."),
    ("z39", "rappel réunion {NEG} jeudi 14h salle 204"),
    (
        "z40",
        "Quelles pièces faut-il pour un renouvellement de titre de séjour à la préfecture de {VILLE} ?",
    ),
    ("z41", "Mettre à jour le tableau : {SERV} ; {STD} ; {FMAIL}"),
    ("z42", "L'avenue {EPO} sera piétonne le dimanche à partir du {DATE}."),
    ("z43", "Le centre pénitentiaire de {VILLE} compte 520 places."),
    ("z44", "Comment calculer l'indemnité de résidence en Martinique ?"),
    ("z45", "Le lycée professionnel {EPO} de {VILLE} cherche des tuteurs pour les stages."),
    ("z46", "Combien de temps conserver les badges d'accès après le départ d'un agent ?"),
    ("z47", "OCR :\n{SERV}\n{OFFICE}\nRéf. : {REF}"),
    ("z48", "Le marché n° {REF} a été notifié le {DATE} à la société retenue."),
    ("z49", "Quels sont les droits à congés d'un militaire du rang en opération extérieure ?"),
    ("z50", "Merci de réserver la salle {EPO} pour le comité social d'administration."),
    ("z51", "La caserne {EPO} accueille le 3e régiment depuis le {DATE}."),
    ("z52", "Peux-tu écrire un mail d'invitation pour la cérémonie au {INST} ?"),
    ("z53", "L'inspection du travail de {VILLE} est joignable au {STD}."),
    ("z54", "Votre demande n° {REF} du {DATE} est en cours d'instruction."),
    ("z55", "Fais-moi un tableau des effectifs par service : accueil 4, paie 6, {SERV} 12."),
    ("z56", "Quel est le bon interlocuteur pour {NEG} ?"),
    ("z57", "Le collège {EPO} participe au dispositif « devoirs faits »."),
    ("z58", "Horaires d'ouverture de {SERV} : 8 h 30 – 12 h, {OFFICE}."),
    ("z59", "Le rapport d'activité 2025 montre une hausse de 12 % des demandes d'asile."),
    ("z60", "Rédige un post pour l'intranet sur {NEG}."),
    ("z61", "ok pour le {DATE} à 10h au {INST}"),
    ("z62", "Commande groupée n° {REF}, contact fournisseur : {FMAIL}"),
    ("z63", "La maison d'arrêt de {VILLE} a ouvert une unité de vie familiale le {DATE}."),
    ("z64", "Le docteur de garde est joignable via le standard de l'hôpital au {STD}."),
    ("z65", "Merci de remplir le formulaire Cerfa n° 12345*03 avant le {DATE}."),
    ("z66", "Quelle est la grille indiciaire des infirmiers en soins généraux ?"),
    ("z67", "Le service {SERV} emménage au {OFFICE} le {DATE}."),
    ("z68", "Peux-tu reformuler la phrase : « la direction réaffirme son attachement à {NEG} » ?"),
    ("z69", "On a combien d'élèves boursiers au {INST} cette année ?"),
    ("z70", "Rédige la légende de la photo : inauguration de la place {EPO}."),
    ("z71", "Monsieur le Préfet a signé l'arrêté portant nomination du jury le {DATE}."),
    ("z72", "Le centre hospitalier {EPO} recrute : envoyer CV à {FMAIL} ou appeler le {STD}."),
    (
        "z73",
        "Sujet de la note : la prise en charge des détenus diabétiques à la maison d'arrêt de {VILLE}.",
    ),
    ("z74", "Combien de délégués syndicaux siègent au comité social de {SERV} ?"),
    ("z75", "Le jour de l'Aïd tombe-t-il un jour ouvré en 2027 ?"),
    ("z76", "Rédige une FAQ sur le congé de paternité pour les couples de même sexe."),
    ("z77", "la rue Gay-Lussac est fermée, passe par le boulevard {EPO}"),
    ("z78", "Le conseil de discipline examinera trois dossiers le {DATE} (réf. {REF})."),
]


# ---------------------------------------------------------------------------------------------
# Values


def _luhn_digit(digits: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(number: str) -> bool:
    digits = [int(c) for c in number if c.isdigit()]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def iban_ok(iban: str) -> bool:
    compact = iban.replace(" ", "")
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def nir_ok(nir: str) -> bool:
    compact = nir.replace(" ", "")
    body, key = compact[:13], int(compact[13:])
    numeric = body.replace("2A", "19").replace("2B", "18")
    return 97 - int(numeric) % 97 == key


class Maker:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def pick(self, values: Sequence[str]) -> str:
        return values[self.rng.randrange(len(values))]

    def surname(self) -> str:
        r = self.rng.random()
        if r < 0.62:
            # commoner names first: a rank weighted towards the head of the list
            index = int(len(FR_LAST) * self.rng.random() ** 2)
            name = FR_LAST[index]
        elif r < 0.70:
            name = self.pick(BE_LAST + CH_LAST + CA_LAST)
        elif r < 0.82:
            name = self.pick(DZ_LAST)
        else:
            name = self.pick(FOREIGN_LAST[self.pick(["pt", "pt", "es", "it", "tr", "vi"])])
        s = self.rng.random()
        if s < 0.07:
            name = f"d'{name}" if name[0] in "AEIOUÉ" else f"{self.pick(PARTICLES)} {name}"
        elif s < 0.13:
            name = f"{name}-{self.pick(FR_LAST)}"
        return name

    def given(self, gender: str) -> str:
        if self.rng.random() < 0.12:
            return self.pick(DZ_FIRST_M if gender == "m" else DZ_FIRST_F)
        return self.pick(FIRST_M if gender == "m" else FIRST_F)

    def commune(self, kind: str = "metro") -> tuple[str, str]:
        if kind == "dom":
            return OVERSEAS[self.rng.randrange(len(OVERSEAS))]
        if kind == "co":
            return CORSICA[self.rng.randrange(len(CORSICA))]
        return COMMUNES[self.rng.randrange(len(COMMUNES))]

    def street(self, number: bool = True) -> str:
        t = self.pick(STREET_TYPES)
        n = self.pick(STREET_NAMES)
        if t in {"rue", "avenue", "place", "allée", "impasse", "boulevard"} and not n.startswith(
            ("de", "du", "des")
        ):
            base = f"{t} {n}"
        else:
            base = f"{t} {n}"
        if self.rng.random() < 0.1:
            base = base.upper()
        if not number:
            return base
        num = str(self.rng.randint(1, 180))
        suffix = self.pick(["", "", "", "", " bis", " ter", "B", " A"])
        sep = self.pick([", ", " ", " "])
        return f"{num}{suffix}{sep}{base}"

    def address(self, kind: str) -> str:
        if kind == "dom":
            cp, city = self.commune("dom")
            return f"{self.rng.randint(1, 60)} {self.pick(OVERSEAS_STREETS)}, {cp} {city}"
        if kind == "co":
            cp, city = self.commune("co")
            return f"{self.street()}, {cp} {city}"
        if kind == "ld":
            cp, city = self.commune()
            return f"{self.pick(LIEUX_DITS)}, {cp} {city}"
        if kind == "res":
            cp, city = self.commune()
            return (
                f"{self.pick(RESIDENCES)}, bât. {self.pick('ABCDE')}, appt {self.rng.randint(1, 48)}, "
                f"{self.street()}, {cp} {city}"
            )
        if kind == "bp":
            cp, city = self.commune()
            box = self.pick(["BP", "CS", "B.P."])
            return f"{box} {self.rng.randint(10, 99999)}, {cp} {city.upper()} Cedex"
        if kind == "lines":
            cp, city = self.commune(self.pick(["metro", "metro", "metro", "dom", "co"]))
            extra = self.pick(["", "", f"Appartement {self.rng.randint(1, 90)}\n", "Bâtiment C\n"])
            return (
                f"{extra}{self.street()}\n{cp} {city.upper() if self.rng.random() < 0.5 else city}"
            )
        cp, city = self.commune()
        if kind == "nonum":
            return f"{self.street(False)}, {cp} {city}"
        fmt = self.rng.random()
        if fmt < 0.15:
            return f"{self.street()} {cp} {city}".lower()
        return f"{self.street()}, {cp} {city}"

    def office(self) -> str:
        cp, city = self.commune()
        return self.pick(
            [
                f"{self.rng.randint(1, 40)} rue {self.pick(EPONYMS)}, {cp} {city}",
                f"CS {self.rng.randint(10000, 99999)}, {cp} {city.upper()} CEDEX",
                f"place {self.pick(EPONYMS)}, {cp} {city}",
                f"{self.rng.randint(1, 40)} boulevard {self.pick(EPONYMS)}, {cp} {city}",
            ]
        )

    def phone(self, mobile: bool) -> str:
        first = (
            self.pick(["06", "07"]) if mobile else self.pick(["01", "02", "03", "04", "05", "09"])
        )
        if self.rng.random() < 0.12:
            first = self.pick(["0690", "0696", "0694", "0639", "0590", "0596"])
            rest = "".join(str(self.rng.randint(0, 9)) for _ in range(6))
            digits = first + rest
        else:
            digits = first + "".join(str(self.rng.randint(0, 9)) for _ in range(8))
        style = self.rng.random()
        pairs = [digits[i : i + 2] for i in range(0, 10, 2)]
        if style < 0.45:
            return " ".join(pairs)
        if style < 0.6:
            return ".".join(pairs)
        if style < 0.75:
            return digits
        if style < 0.85:
            return "-".join(pairs)
        return "+33 " + digits[1] + " " + " ".join(pairs[1:])

    def email(self, given: str, surname: str) -> str:
        def slug(value: str) -> str:
            table = str.maketrans("éèêëàâäîïôöûüçÉÈ", "eeeeaaaiioouucEE")
            return re.sub(r"[^a-z0-9]+", "-", value.translate(table).lower()).strip("-")

        g, s = slug(given), slug(surname)
        form = self.rng.random()
        if form < 0.4:
            local = f"{g}.{s}"
            domain = self.pick(DOMAINS)
        elif form < 0.6:
            local = f"{g[0]}{s}{self.rng.randint(1, 99)}"
            domain = self.pick(PERSONAL_DOMAINS)
        elif form < 0.8:
            local = f"{s}.{g}"
            domain = self.pick(PERSONAL_DOMAINS)
        else:
            local = f"{g}_{s}"
            domain = self.pick(DOMAINS)
        return f"{local}@{domain}"

    def birth(self) -> str:
        y, m, d = self.rng.randint(1950, 2008), self.rng.randint(1, 12), self.rng.randint(1, 28)
        form = self.rng.random()
        if form < 0.35:
            return f"{d:02d}/{m:02d}/{y}"
        if form < 0.55:
            return f"{'1er' if d == 1 else d} {MONTHS[m - 1]} {y}"
        if form < 0.7:
            return f"{d:02d}-{m:02d}-{y}"
        if form < 0.8:
            return f"{d:02d}.{m:02d}.{str(y)[2:]}"
        if form < 0.9:
            return f"{y}-{m:02d}-{d:02d}"
        return f"{d}/{m}/{y}"

    def date(self) -> str:
        y, m, d = self.rng.randint(2019, 2027), self.rng.randint(1, 12), self.rng.randint(1, 28)
        return self.pick(
            [f"{d:02d}/{m:02d}/{y}", f"{d} {MONTHS[m - 1]} {y}", f"{d} {MONTHS[m - 1]}"]
        )

    def nir(self, gender: str) -> str:
        sex = "1" if gender == "m" else "2"
        yy = (
            f"{self.rng.randint(50, 99):02d}"
            if self.rng.random() < 0.8
            else f"{self.rng.randint(0, 8):02d}"
        )
        mm = f"{self.rng.randint(1, 12):02d}"
        dept = self.pick(["75", "69", "13", "59", "2A", "2B", "33", "93", "971", "974"])
        if len(dept) == 3:
            commune = f"{self.rng.randint(1, 99):02d}"
        else:
            commune = f"{self.rng.randint(1, 500):03d}"
        order = f"{self.rng.randint(1, 999):03d}"
        body = sex + yy + mm + dept + commune + order
        numeric = body.replace("2A", "19").replace("2B", "18")
        key = f"{97 - int(numeric) % 97:02d}"
        if self.rng.random() < 0.5:
            cuts = [(0, 1), (1, 3), (3, 5), (5, 7), (7, 10), (10, 13)]
            return " ".join([body[a:b] for a, b in cuts] + [key])
        return body + key

    def iban(self) -> str:
        country = self.pick(["FR", "FR", "FR", "FR", "BE", "DE", "ES", "PT"])
        lengths = {"FR": 23, "BE": 12, "DE": 18, "ES": 20, "PT": 21}
        if country == "FR":
            bank = f"{self.rng.randint(10000, 30099):05d}"
            branch = f"{self.rng.randint(0, 99999):05d}"
            account = "".join(str(self.rng.randint(0, 9)) for _ in range(11))
            key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
            bban = f"{bank}{branch}{account}{key:02d}"
        else:
            bban = "".join(str(self.rng.randint(0, 9)) for _ in range(lengths[country]))
        moved = bban + country + "00"
        check = 98 - int("".join(str(int(c, 36)) for c in moved)) % 97
        iban = f"{country}{check:02d}{bban}"
        if self.rng.random() < 0.7:
            return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
        return iban

    def card(self) -> str:
        kind = self.pick(["4", "4", "5", "37"])
        length = 15 if kind == "37" else 16
        body = kind + "".join(str(self.rng.randint(0, 9)) for _ in range(length - 1 - len(kind)))
        number = body + _luhn_digit(body)
        if self.rng.random() < 0.6:
            if length == 16:
                return " ".join(number[i : i + 4] for i in range(0, 16, 4))
            return f"{number[:4]} {number[4:10]} {number[10:]}"
        return number

    def switchboard(self) -> str:
        return (
            self.pick(["01", "02", "03", "04", "05"])
            + " "
            + " ".join(f"{self.rng.randint(0, 99):02d}" for _ in range(4))
        )

    def reference(self) -> str:
        return self.pick(
            [
                f"{self.rng.randint(2019, 2026)}/{self.rng.randint(1000, 99999)}",
                f"DOS-{self.rng.randint(100000, 999999)}",
                "".join(str(self.rng.randint(0, 9)) for _ in range(16)),
                "0" + "".join(str(self.rng.randint(0, 9)) for _ in range(9)),
                f"{self.rng.randint(10000, 99999)}",
            ]
        )

    def siret(self) -> str:
        return "".join(str(self.rng.randint(0, 9)) for _ in range(14))


def _gendered(phrase: str, gender: str) -> str:
    """Apply the feminine mark: "atteint|e" -> "atteinte" or "atteint"; "juif|ve" too."""

    def repl(match: re.Match[str]) -> str:
        return match.group(1) if gender == "f" else ""

    phrase = phrase.replace("juif|ve", "juive" if gender == "f" else "juif")
    phrase = phrase.replace("porteur|se", "porteuse" if gender == "f" else "porteur")
    phrase = phrase.replace("un|e", "une" if gender == "f" else "un")
    return re.sub(r"\|([a-zé]+)", repl, phrase)


FIRST_PERSON = {
    "sante": [
        "suis diabétique",
        "suis en arrêt pour dépression",
        "suis sous traitement pour un cancer",
        "souffre d'une hernie discale",
        "suis enceinte",
        "fais des crises d'épilepsie",
        "suis reconnu{e} travailleur handicapé{e}",
        "sors d'une hospitalisation en psychiatrie",
    ],
    "origine": [
        "suis d'origine algérienne",
        "suis noir{e}",
        "suis né{e} au Cameroun",
        "suis d'origine vietnamienne",
        "viens d'une famille gitane",
        "suis d'origine marocaine",
        "suis métis{se}",
    ],
    "sexe": [
        "vis avec {part}",
        "suis pacsé{e} avec {part}",
        "suis en couple avec {part}",
        "me suis marié{e} avec {part}",
    ],
}
FEMALE_ONLY = ("enceinte", "fausse couche", "du sein", "le voile", "lesbienne")
THIRD_SANTE_M = [
    "est autiste",
    "fait de l'asthme",
    "est hospitalisé en pédopsychiatrie",
    "a une leucémie",
    "est diabétique de type 1",
    "a des crises d'épilepsie",
]


def _text_value(mk: Maker, slot: str, ctx: dict[str, Any]) -> tuple[str, str | None]:
    """The value of one slot and its category (None when not personal)."""
    g: str = ctx["g"]
    if slot == "P":
        return ctx["full"], "personne"
    if slot == "Pn":
        return ctx["sur"], "personne"
    if slot == "Pg":
        return ctx["giv"], "personne"
    if slot == "Plow":
        return ctx["full"].lower(), "personne"
    if slot == "PUP":
        return f"{ctx['sur'].upper()} {ctx['giv']}", "personne"
    if slot in {"Q", "Qs", "QUP"}:
        qg = g if slot == "Qs" else mk.pick(["m", "f"])
        ctx["qg_last"] = qg
        s, gv = mk.surname(), mk.given(qg)
        if slot == "QUP":
            return f"{s.upper()} {gv}", "personne"
        return f"{gv} {s}", "personne"
    kinds = {
        "ADR": "plain",
        "ADRL": "lines",
        "ADRN": "nonum",
        "ADRBP": "bp",
        "ADRDOM": "dom",
        "ADRCO": "co",
        "ADRLD": "ld",
        "ADRRES": "res",
    }
    if slot in kinds:
        return mk.address(kinds[slot]), "adresse"
    if slot == "TEL":
        return mk.phone(False), "telephone"
    if slot == "MOB":
        return mk.phone(True), "telephone"
    if slot == "MAIL":
        if ctx.get("mail_used"):
            qg = mk.pick(["m", "f"])
            return mk.email(mk.given(qg), mk.surname()), "email"
        ctx["mail_used"] = True
        return mk.email(ctx["giv"], ctx["sur"]), "email"
    if slot == "DDN":
        return mk.birth(), "date_naissance"
    if slot == "NIR":
        return mk.nir(g), "nir"
    if slot == "IBAN":
        return mk.iban(), "iban"
    if slot == "CB":
        return mk.card(), "carte"
    if slot.startswith("T:") or slot.startswith("T2:"):
        cat = slot.split(":")[1]
        subject_g = g if slot.startswith("T:") else ctx["qg_last"]
        choices = TOPICS[cat]
        if subject_g == "m":
            choices = [c for c in choices if not any(w in c for w in FEMALE_ONLY)]
        return _gendered(mk.pick(choices), subject_g), cat
    if slot == "T3:sante":
        return mk.pick(THIRD_SANTE_M), "sante"
    if slot.startswith("T_je:"):
        cat = slot.split(":")[1]
        options = FIRST_PERSON[cat]
        if g == "m":
            options = [c for c in options if not any(w in c for w in FEMALE_ONLY)]
        phrase = mk.pick(options)
        mine = mk.pick(PARTNERS[g][:6]).replace("son ", "mon ").replace("sa ", "ma ")
        phrase = phrase.replace("{part}", mine)
        phrase = phrase.replace("{e}", "e" if g == "f" else "").replace(
            "{se}", "se" if g == "f" else ""
        )
        return phrase, "vie_sexuelle" if cat == "sexe" else cat
    if slot == "SEX":
        phrase = mk.pick(SEX_PHRASES)
        if g == "m" and phrase == "est lesbienne":
            phrase = "est gay"
        if g == "f" and phrase in {"est sur Grindr", "a un amant"}:
            phrase = "a une liaison" if phrase == "a un amant" else "est lesbienne"
        if g == "m" and phrase == "a un amant":
            phrase = "a un amant"
        phrase = phrase.replace("{part}", mk.pick(PARTNERS[g]))
        return _gendered(phrase, g), "vie_sexuelle"
    if slot == "SEXN":
        return _gendered(mk.pick(SEX_BEFORE_NAME), g), "vie_sexuelle"
    if slot == "PART2":
        return mk.pick([p for p in PARTNERS[g] if not p.startswith("un")]), "vie_sexuelle"
    if slot == "PARTOF":
        return mk.pick(PARTNER_OF[g]), "vie_sexuelle"
    # not personal
    if slot == "INST":
        return f"{mk.pick(INSTITUTION_KINDS)} {mk.pick(EPONYMS)}", None
    if slot == "EPO":
        return mk.pick(EPONYMS), None
    if slot == "STD":
        return mk.switchboard(), None
    if slot == "FMAIL":
        return f"{mk.pick(FUNCTIONAL_MAILS)}@{mk.pick(DOMAINS[:11])}", None
    if slot == "REF":
        return mk.reference(), None
    if slot == "SIRET":
        return mk.siret(), None
    if slot == "DATE":
        return mk.date(), None
    if slot == "OFFICE":
        return mk.office(), None
    if slot == "NEG":
        return mk.pick(NEG_TOPICS), None
    if slot == "SERV":
        return mk.pick(SERVICES), None
    if slot == "VILLE":
        return mk.commune(mk.pick(["metro", "metro", "dom", "co"]))[1], None
    grammar = {
        "e": "e" if g == "f" else "",
        "il": "elle" if g == "f" else "il",
        "Il": "Elle" if g == "f" else "Il",
        "Civ": mk.pick(["Mme", "Madame"]) if g == "f" else mk.pick(["M.", "Monsieur", "Mr", "m."]),
        "civ": "madame" if g == "f" else "monsieur",
        "col": "ma collègue" if g == "f" else "mon collègue",
        "agent": "l'agente" if g == "f" else "l'agent",
        "le": "la" if g == "f" else "le",
    }
    if slot in grammar:
        return grammar[slot], None
    raise KeyError(slot)


SLOT = re.compile(r"\{([A-Za-z_0-9]+(?::[a-z_]+)?)\}")
# templates whose subject's gender is fixed by the words around it
FIXED_GENDER = {
    "n06": "m",
    "r05": "m",
    "o02": "m",
    "i04": "m",
    "i03": "m",
    "p05": "m",
    "p06": "m",
    "o06": "m",
    "r07": "m",
    "s05": "m",
    "u04": "m",
    "g04": "m",
    "x04": "m",
    "n23": "m",
    "c22": "m",
    "c26": "m",
    "c14": "m",
    "n11": "m",
    "n20": "f",
    "r03": "m",
    "r08": "f",
    "o04": "m",
    "o08": "f",
    "u05": "f",
    "u07": "m",
    "i07": "m",
    "p07": "m",
    "x11": "m",
    "m08": "f",
    "n18": "m",
    "n34": "m",
    "a15": "m",
}


def assemble(parts: Sequence[tuple[str, str | None]]) -> tuple[str, list[Span]]:
    """Join text parts; a part with a category becomes a span. Checks every span."""
    text = ""
    spans: list[Span] = []
    for value, category in parts:
        if category is not None:
            spans.append((len(text), len(text) + len(value), category))
        text += value
    for start, end, _ in spans:
        value = text[start:end]
        if not value or value != value.strip():
            raise ValueError(f"bad span {value!r}")
    return text, spans


def render(mk: Maker, template: str, tid: str) -> dict[str, Any]:
    fixed = FIXED_GENDER.get(tid)
    g = fixed or mk.pick(["m", "f"])
    sur, giv = mk.surname(), mk.given(g)
    ctx: dict[str, Any] = {"g": g, "sur": sur, "giv": giv, "full": f"{giv} {sur}"}
    if mk.rng.random() < 0.08:
        ctx["full"] = f"{giv} {sur}".lower()
    parts: list[tuple[str, str | None]] = []
    position = 0
    for match in SLOT.finditer(template):
        parts.append((template[position : match.start()], None))
        slot = match.group(1)
        if slot.startswith("T2:"):
            ctx["qg_last"] = ctx.get("qg_last", mk.pick(["m", "f"]))
        value, category = _text_value(mk, slot, ctx)
        parts.append((value, category))
        position = match.end()
    parts.append((template[position:], None))
    # typos and lower case in a few chat-like renderings, outside the labelled spans
    text, spans = assemble(parts)
    pii: dict[str, list[str]] = {}
    topics: list[str] = []
    for start, end, category in spans:
        if category in IDENTIFIER_CATEGORIES:
            pii.setdefault(category, [])
            if text[start:end] not in pii[category]:
                pii[category].append(text[start:end])
        elif category not in topics:
            topics.append(category)
    return {
        "text": text,
        "pii": pii,
        "topics": topics,
        "spans": [[s, e, c] for s, e, c in spans],
        "split": SPLIT,
        "template": f"test10_{tid}",
    }


IDENTIFIER_CATEGORIES = {
    "email",
    "iban",
    "nir",
    "carte",
    "telephone",
    "date_naissance",
    "adresse",
    "personne",
}


def generate() -> list[dict[str, Any]]:
    rng = random.Random(SEED)
    mk = Maker(rng)
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for tid, template in TEMPLATES:
        renders = RENDERS
        if tid[0] in "srpuogix":
            renders = RENDERS + 2
        elif tid[0] == "z":
            renders = RENDERS + 6
        made = 0
        attempts = 0
        while made < renders and attempts < renders * 5:
            attempts += 1
            row = render(mk, template, tid)
            if row["text"] in seen:
                continue
            seen.add(row["text"])
            rows.append(row)
            made += 1
    return rows


def write(rows: Sequence[dict[str, Any]], path: Path = OUT) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def main(argv: Sequence[str] | None = None, out: Callable[[str], object] = print) -> None:
    rows = generate()
    write(rows)
    out(f"wrote {len(rows)} lines to {OUT}")


if __name__ == "__main__":
    main()
