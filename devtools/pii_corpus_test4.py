"""Generate tests/data/pii_test4.jsonl, a fourth held-out set for the personal-data guard.

Written by an independent hand (see tests/data/PII_SETS.md, section test4): this module imports
nothing from the project and was never run against the guard. Deterministic: fixed seed, faker
as installed (the unit test skips the byte comparison under another faker release).

    python -m devtools.pii_corpus_test4
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

MADE_WITH_FAKER = "40.63.0"
SEED = 4_180_412
SPLIT = "test4"
TARGET = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii_test4.jsonl"

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

Piece = tuple[str, str | None]

# Values ----------------------------------------------------------------------------------------


def _faker_lists() -> dict[str, Any]:
    from faker.providers.geo import Provider as Geo
    from faker.providers.person.fr_BE import Provider as BE
    from faker.providers.person.fr_CA import Provider as CA
    from faker.providers.person.fr_CH import Provider as CH
    from faker.providers.person.fr_DZ import Provider as DZ
    from faker.providers.person.fr_FR import Provider as FR
    from faker.providers.person.pt_PT import Provider as PT
    from faker.providers.person.tr_TR import Provider as TR
    from faker.providers.person.vi_VN import Provider as VN

    def names(value: Any) -> list[str]:
        return [str(n) for n in (value.keys() if isinstance(value, dict) else value)]

    def plain(name: str) -> str:
        decomposed = unicodedata.normalize("NFD", name)
        return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("đ", "d")

    return {
        "fr_last": names(FR.last_names),
        "fr_first_f": names(FR.first_names_female),
        "fr_first_m": names(FR.first_names_male),
        "be_last": names(BE.last_names),
        "be_first_f": names(BE.first_names_female),
        "be_first_m": names(BE.first_names_male),
        "ch_last": names(CH.last_names) + names(CA.last_names),
        "dz_last": names(DZ.last_names),
        "dz_first_f": names(DZ.first_names_female),
        "dz_first_m": names(DZ.first_names_male),
        "pt_last": names(PT.last_names),
        "pt_first_f": names(PT.first_names_female),
        "pt_first_m": names(PT.first_names_male),
        "tr_last": names(TR.last_names),
        "tr_first_f": names(TR.first_names_female),
        "tr_first_m": names(TR.first_names_male),
        "vn_last": sorted({plain(n) for n in names(VN.last_names)}),
        "geo": [p[2] for p in Geo.land_coords if p[3] == "FR"],
    }


WEST_AFRICA = [
    "Diallo",
    "Traoré",
    "Koné",
    "Camara",
    "Diop",
    "Ndiaye",
    "Sow",
    "Coulibaly",
    "Diarra",
    "Sylla",
    "Cissé",
    "Touré",
    "Bamba",
    "Konaté",
    "Keita",
    "Mendy",
    "Gomis",
    "Fofana",
    "Kouassi",
    "Mbaye",
    "Sissoko",
    "Doumbia",
    "Ba",
    "Fall",
    "Sarr",
]
WEST_AFRICA_FIRST_M = [
    "Mamadou",
    "Moussa",
    "Ibrahima",
    "Souleymane",
    "Ousmane",
    "Seydou",
    "Abdoulaye",
    "Cheikh",
]
WEST_AFRICA_FIRST_F = [
    "Aminata",
    "Fatoumata",
    "Awa",
    "Mariam",
    "Kadiatou",
    "Aïssatou",
    "Ramatoulaye",
    "Binta",
]
CHINA = ["Wang", "Li", "Zhang", "Chen", "Liu", "Lin", "Huang", "Zhou"]
ES_IT = [
    "Garcia",
    "Fernandez",
    "Lopez",
    "Sanchez",
    "Rodriguez",
    "Martinez",
    "Gomez",
    "Romero",
    "Rossi",
    "Russo",
    "Bianchi",
    "Esposito",
    "Ricci",
    "Colombo",
    "Ferrari",
    "Marino",
]
PARTICLES = ("de", "du", "de la", "Le", "d'")

# Postcodes of faker's real French places (geo provider), written from public knowledge.
GEO_POSTCODES = {
    "Vienne": "38200",
    "Valence": "26000",
    "Talence": "33400",
    "Sceaux": "92330",
    "Saint-Omer": "62500",
    "Saint-Genis-Laval": "69230",
    "Rueil-Malmaison": "92500",
    "Quimper": "29000",
    "Pamiers": "09100",
    "Niort": "79000",
    "Montpellier": "34000",
    "Mitry-Mory": "77290",
    "Marly-le-Roi": "78160",
    "Lons-le-Saunier": "39000",
    "Le Chesnay": "78150",
    "La Garenne-Colombes": "92250",
    "Herblay": "95220",
    "Gonesse": "95500",
    "Fontenay-aux-Roses": "92260",
    "Elbeuf": "76500",
    "Dax": "40100",
    "Colomiers": "31770",
    "Cavaillon": "84300",
    "Bron": "69500",
    "Bobigny": "93000",
    "Bar-le-Duc": "55000",
    "Arles": "13200",
    "Ajaccio": "20000",
}
OVERSEAS = (
    ("Pointe-à-Pitre", "97110"),
    ("Les Abymes", "97139"),
    ("Baie-Mahault", "97122"),
    ("Le Gosier", "97190"),
    ("Fort-de-France", "97200"),
    ("Le Lamentin", "97232"),
    ("Schœlcher", "97233"),
    ("Cayenne", "97300"),
    ("Kourou", "97310"),
    ("Saint-Laurent-du-Maroni", "97320"),
    ("Saint-Denis", "97400"),
    ("Saint-Pierre", "97410"),
    ("Le Tampon", "97430"),
    ("Saint-Paul", "97460"),
    ("Miquelon-Langlade", "97500"),
    ("Mamoudzou", "97600"),
    ("Dzaoudzi", "97615"),
)
CORSICA = (
    ("Ajaccio", "20090"),
    ("Porto-Vecchio", "20137"),
    ("Propriano", "20110"),
    ("Sartène", "20100"),
    ("Bastia", "20600"),
    ("Corte", "20250"),
    ("Calvi", "20260"),
    ("L'Île-Rousse", "20220"),
    ("Biguglia", "20620"),
    ("Borgo", "20290"),
    ("Bonifacio", "20169"),
)
DEPARTMENTS = [f"{n:02d}" for n in range(1, 96) if n != 20]
STREET_TYPES = (
    ("rue", 50),
    ("avenue", 9),
    ("chemin", 10),
    ("impasse", 7),
    ("allée", 6),
    ("route", 6),
    ("place", 4),
    ("boulevard", 3),
    ("square", 1),
    ("quai", 1),
    ("sentier", 1),
    ("passage", 1),
)
STREETS = (
    "des Lilas",
    "de la Gare",
    "du Moulin",
    "de l'Église",
    "des Écoles",
    "du Château",
    "de la Paix",
    "des Acacias",
    "de la République",
    "du Stade",
    "des Prés",
    "de la Fontaine",
    "des Tilleuls",
    "du Four",
    "des Vignes",
    "de Verdun",
    "des Cerisiers",
    "du Port",
    "des Peupliers",
    "de la Croix Blanche",
    "du Bois Joli",
    "des Mésanges",
    "du Lavoir",
    "de la Mairie",
    "des Jardins",
    "Victor Hugo",
    "Jean Jaurès",
    "Pasteur",
    "Gambetta",
    "Émile Zola",
    "Jules Ferry",
    "du Général de Gaulle",
    "Aristide Briand",
    "Anatole France",
    "George Sand",
    "Paul Bert",
    "du 8 Mai 1945",
    "Lazare Carnot",
)
LIEUX_DITS = ("Les Hauts Champs", "La Garenne", "Le Pré Rond", "Les Essarts", "La Croix du Bois")
RESIDENCES = ("Les Glycines", "Le Parc", "Les Hortensias", "Bellevue", "Les Terrasses du Lac")
EPONYM_STREETS = (
    "rue Victor Hugo",
    "avenue du Général Leclerc",
    "boulevard Jean Jaurès",
    "place Charles de Gaulle",
    "rue Louise Michel",
    "avenue Simone Veil",
    "rue Jules Ferry",
    "quai Aimé Césaire",
    "cours Gambetta",
    "rue Pierre Brossolette",
)
EPONYM_PLACES = (
    "lycée Victor Hugo",
    "collège Jean Moulin",
    "école maternelle Marie Curie",
    "hôpital européen Georges-Pompidou",
    "médiathèque Simone de Beauvoir",
    "gymnase Léo Lagrange",
    "salle Pierre Mendès France",
    "stade Pierre de Coubertin",
    "caserne Vauban",
    "centre hospitalier Édouard Herriot",
    "rond-point du Maréchal Foch",
    "lycée professionnel Gustave Eiffel",
    "espace Jacques Prévert",
    "collège Rosa Parks",
    "groupe scolaire Olympe de Gouges",
    "piscine Joséphine Baker",
    "quartier Lyautey",
    "salle Germaine Tillion",
)
LAWS = (
    "la loi Le Pors",
    "la loi Veil",
    "la loi Evin",
    "la circulaire Darmanin",
    "la loi Sauvadet",
)
SERVICES = (
    "bureau des ressources humaines",
    "service paie",
    "service courrier",
    "pôle achats",
    "service handicap",
    "bureau du cabinet",
    "service des titres",
    "pôle naturalisation",
)
DIRECTIONS = ("interieur", "justice", "culture", "agriculture", "ecologie", "education", "travail")
WEBMAIL = (
    "gmail.com",
    "orange.fr",
    "free.fr",
    "laposte.net",
    "hotmail.fr",
    "yahoo.fr",
    "sfr.fr",
    "wanadoo.fr",
    "outlook.fr",
)
WORKMAIL = (
    "interieur.gouv.fr",
    "justice.fr",
    "developpement-durable.gouv.fr",
    "ac-lyon.fr",
    "ac-creteil.fr",
    "dgfip.finances.gouv.fr",
    "culture.gouv.fr",
    "ville-bron.fr",
    "agriculture.gouv.fr",
)
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

# Sensitive topics: "[m|f]" agrees with the subject. The span is the phrase, without subject.
PHRASES: dict[str, Sequence[str]] = {
    "sante": (
        "est diabétique",
        "est en arrêt pour un burn-out",
        "a un cancer du sein",
        "suit une chimiothérapie",
        "est suivi[|e] par un psychiatre",
        "fait une dépression depuis l'été",
        "est sous antidépresseurs",
        "a été opéré[|e] du cœur",
        "est atteint[|e] de sclérose en plaques",
        "est séropositi[f|ve]",
        "souffre d'une hernie discale",
        "a fait un AVC",
        "est en mi-temps thérapeutique",
        "est bipolaire",
        "a une maladie de Crohn",
        "a un diabète de type 1",
        "est hospitalisé[|e] en soins palliatifs",
        "a des crises d'épilepsie",
        "est en cure de désintoxication",
        "a une reconnaissance de travailleur handicapé",
        "est atteint[|e] d'Alzheimer",
        "est sourd[|e] d'une oreille",
        "a le covid long",
        "a une endométriose sévère",
    ),
    "religion": (
        "est musulman[|e] pratiquant[|e]",
        "fait le ramadan",
        "est de confession juive",
        "va à la messe tous les dimanches",
        "est catholique pratiquant[|e]",
        "[porte la kippa|porte le voile]",
        "est témoin de Jéhovah",
        "est protestant[|e]",
        "pose un congé pour Yom Kippour",
        "s'est converti[|e] à l'islam",
        "est bouddhiste",
        "est évangélique",
        "fait shabbat",
        "est athée convaincu[|e]",
        "demande un congé pour l'Aïd el-Kébir",
        "est orthodoxe",
        "porte le turban sikh",
        "part en pèlerinage à La Mecque",
        "est sikh",
        "se rend à la mosquée le vendredi",
        "est baptiste",
        "fait le carême",
    ),
    "opinion_politique": (
        "vote RN",
        "est militant[|e] LFI",
        "est encarté[|e] chez Les Républicains",
        "milite au Parti socialiste",
        "est adhérent[|e] de Renaissance",
        "est d'extrême droite",
        "est d'extrême gauche",
        "colle des affiches pour EELV",
        "est sympathisant[|e] du Parti communiste",
        "a signé la pétition contre la réforme des retraites",
        "se présente sur la liste d'opposition aux municipales",
        "est royaliste",
        "est écologiste engagé[|e]",
        "manifeste avec les gilets jaunes",
        "soutient Reconquête",
        "est anarchiste",
        "est conseill[er|ère] municipal[|e] d'opposition",
        "tracte pour le NPA",
        "est gaulliste",
        "a voté Mélenchon",
    ),
    "syndicat": (
        "est syndiqué[|e] à la CGT",
        "est délégué[|e] FO",
        "est adhérent[|e] de la CFDT",
        "milite à SUD",
        "est élu[|e] UNSA au CSA",
        "est représentant[|e] du personnel CFE-CGC",
        "a sa carte à la FSU",
        "est encarté[|e] à la CFTC",
        "est secrétaire de la section CGT",
        "est syndiqué[|e]",
        "a rejoint Solidaires",
        "est mandaté[|e] par le SNES",
        "siège pour FO en CAP",
        "est déchargé[|e] syndical[|e] pour la CFDT",
        "est militant[|e] syndical[|e]",
        "est élu[|e] SGP Police",
        "vient d'adhérer à l'UNSA",
        "est trésori[er|ère] du syndicat Alliance",
        "est candidat[|e] sur la liste CGT",
        "est permanent[|e] FSU",
    ),
    "origine": (
        "est d'origine algérienne",
        "est d'origine marocaine",
        "est noir[|e]",
        "est d'origine maghrébine",
        "est d'origine sénégalaise",
        "est d'origine asiatique",
        "est rom",
        "est issu[|e] de la communauté gitane",
        "est métis[|se]",
        "est d'origine turque",
        "est d'origine malienne",
        "est d'origine vietnamienne",
        "est d'origine kabyle",
        "est d'origine comorienne",
        "est arabe",
        "est d'origine portugaise",
        "est d'ascendance haïtienne",
        "est d'origine chinoise",
        "est d'origine subsaharienne",
        "est d'origine ivoirienne",
        "est d'origine tchétchène",
        "est maghrébin[|e]",
    ),
    "vie_sexuelle": (
        "est homosexuel[|le]",
        "est gay",
        "[est gay|est lesbienne]",
        "est bisexuel[|le]",
        "a fait son coming out",
        "est en couple avec une personne du même sexe",
        "est transgenre",
        "est non binaire",
        "a une liaison avec son supérieur",
        "trompe son conjoint",
        "est pansexuel[|le]",
        "est asexuel[|le]",
        "fait une transition de genre",
        "est hétérosexuel[|le]",
        "fréquente des clubs échangistes",
        "est LGBT",
        "a changé de prénom à l'état civil après sa transition",
        "vit une relation homosexuelle",
    ),
    "genetique_biometrie": (
        "est porteu[r|se] de la mutation BRCA1",
        "a fait un test ADN",
        "a une anomalie chromosomique",
        "a le gène de la mucoviscidose",
        "a transmis ses empreintes digitales",
        "a donné son empreinte palmaire",
        "a enregistré son gabarit facial",
        "a fait un séquençage de son génome",
        "a une trisomie 21",
        "a un caryotype anormal",
        "a fourni son scan de l'iris",
        "a déposé son empreinte vocale",
        "est porteu[r|se] de l'X fragile",
        "a eu un test de paternité",
        "a la maladie de Huntington dans ses gènes",
        "a enrôlé son visage dans le contrôle d'accès",
        "a une prédisposition génétique au cancer du côlon",
        "a fait relever son réseau veineux",
        "a une hémochromatose génétique",
        "a fait analyser son ADN",
    ),
    "infraction": (
        "a été condamné[|e] pour vol",
        "a un casier judiciaire",
        "a été placé[|e] en garde à vue",
        "a été flashé[|e] à 150 km/h",
        "est poursuivi[|e] pour harcèlement",
        "a perdu son permis pour alcoolémie",
        "est sous contrôle judiciaire",
        "a fait de la prison",
        "a été condamné[|e] pour violences conjugales",
        "est mis[|e] en examen pour détournement de fonds",
        "a un bracelet électronique",
        "a écopé d'une amende pour conduite sans permis",
        "a été verbalisé[|e] pour usage de stupéfiants",
        "a été interpellé[|e] pour outrage",
        "a un sursis probatoire",
        "a été condamné[|e] pour fraude fiscale",
        "est fiché[|e] pour escroquerie",
        "a été reconnu[|e] coupable d'agression sexuelle",
        "est en détention provisoire",
        "a été convoqué[|e] au tribunal pour recel",
    ),
}

# Templates --------------------------------------------------------------------------------------
#
# Slots: {P} the subject (a name form, maybe a civility), {PF} the subject's full name without
# civility, {G} given name alone, {SUR}/{GIV} the subject's surname/given name as table cells,
# {R} another person, {Q} a partner of the subject's gender, {O} of the other gender, {ADDR},
# {STREET} (a street without commune), {EMAIL}, {WMAIL} (nominative work address), {TEL},
# {DOB}, {YOB}, {NIR}, {IBAN}, {CARD}; topic slots are the topic names; unlabelled slots:
# {INSTADDR}, {INSTMAIL}, {STD}, {EPO}, {LAW}, {REF}, {SIRET}, {SIREN}, {LUHN}, {CMD}, {DATE},
# {COMMUNE}, {SERVICE}, {EPOSTREET}. "[m|f]" agrees with the subject's gender.

T: dict[str, list[str]] = {}

T["names"] = [
    "Peux-tu rédiger une réponse à {P} qui conteste son titre de perception ?",
    "Reformule ce mail pour {P}, je le trouve trop sec.",
    "j'ai besoin d'un courrier pr convoquer {P} à un entretien préalable",
    "{P} sera absent[|e] à la réunion de jeudi, qui peut [le|la] remplacer ?",
    "Compte rendu : présents {R}, {P}, {R} ; excusé {R}.",
    "Comment dire poliment à {P} que son dossier est incomplet ?",
    "Cordialement,\n{PF}\nChargé[|e] de mission\nLe {SERVICE}",
    "Rappelle-moi d'appeler {G} demain matin pour le planning.",
    "Fais une lettre de félicitations pour {P} qui part à la retraite le {DATE}.",
    "Est-ce que {P} a le droit de cumuler son poste avec une activité d'auto-entrepreneur ?",
    "merci de transmettre à {R} le tableau que {P} m'a envoyé",
    "Objet : demande de mutation de {P}\nMadame la Directrice, je sollicite votre avis.",
    "Liste des tuteurs 2026 :\n- {R}\n- {R}\n- {P}",
    "{P} et {R} se disputent le bureau du 3e, comment arbitrer ?",
    "Le jury était composé de {R}, {R} et {P}.",
    "stp résume l'échange entre {P} et le prestataire",
    "Traduis en anglais : « {P} vous recevra à 10 h. »",
    "Qui remplace {P} pendant son congé ? c'est {R} je crois",
    "Bonjour {G}, je te confirme notre rdv de lundi.",
    "Rédige un mot d'accueil pour {P}, nouvel[|le] agent[|e] au service.",
    "> De : {PF}\n> Envoyé : lundi\n> Objet : RE: planning\nOK pour moi.",
    "j ai oublié de mettre {P} en copie, je fais comment pour rattraper ca",
    "Fiche de poste validée par {P}, chef[|fe] de bureau, et {R}.",
    "Peux-tu vérifier l'orthographe du nom de {P} dans l'arrêté ?",
    "Le marché a été signé par {P} pour le compte de la direction.",
    "Note à l'attention de {P}\nObjet : bilan du premier trimestre",
    "tu peux me dire si {G} a répondu au sondage ?",
    "Rédige un courrier de relance à {P} pour la facture impayée.",
    "L'entretien annuel de {P} est prévu le {DATE} avec {R}.",
    "Nos condoléances à {P} pour le décès de son père.",
    "Signataires : {P} (président[|e]), {R} (secrétaire)",
    "Propose un ordre du jour pour la réunion avec {P} et {R}.",
]

T["addresses"] = [
    "Mon nouveau domicile : {ADDR}. Comment le déclarer au service paie ?",
    "Merci d'envoyer le courrier à {P}, {ADDR}.",
    "{P}\n{ADDR}",
    "j'habite {STREET}, c'est loin du site de {COMMUNE} ?",
    "Adresse de l'usager : {ADDR}",
    "Peux-tu mettre en forme cette adresse pour l'enveloppe : {ADDR}",
    "Le candidat {P} demeure {ADDR}.",
    "Changement d'adresse de {P} à compter du {DATE} : {ADDR}",
    "Destinataire : {P} - {ADDR}",
    "vérifie le code postal de {ADDR} stp",
    "L'agent[|e] {P} réside {ADDR} et demande le remboursement de ses frais de transport.",
    "Adresse personnelle pour l'envoi du bulletin : {ADDR}",
    "Je vous prie de bien vouloir adresser la décision à mon domicile, {ADDR}.",
    "Copie à {P}, domicilié[|e] {ADDR}",
    "Nom : {SUR}\nPrénom : {GIV}\nAdresse : {ADDR}",
    "L'huissier a signifié l'acte à {P} à son domicile, {STREET}.",
    "Reformule : « Le locataire {P}, demeurant {ADDR}, a cessé de payer son loyer. »",
    "pour info {G} a déménagé, nouvelle adresse {ADDR}",
    "Peux-tu calculer la distance entre {ADDR} et {EPO} ?",
    "Adresse de correspondance de {P} : {ADDR} (ne pas envoyer au service)",
    "{P} a signalé un dégât des eaux chez [lui|elle], {STREET}.",
    "Adresse fiscale : {ADDR} ; adresse de l'employeur : {INSTADDR}",
    "La convocation pour {P} est revenue « n'habite pas à l'adresse indiquée » : {ADDR}.",
    "Transmets à {P} à l'adresse suivante :\n{ADDR}",
    "Bonjour, pour la carte de stationnement résident mon adresse est {ADDR}, merci.",
    "expéditeur : {P}, {ADDR}",
]

T["contacts"] = [
    "Tu peux joindre {P} au {TEL} ou par mail à {EMAIL}.",
    "{PF}\nLe {SERVICE}\nLigne directe : {TEL}\n{WMAIL}",
    "mon portable c'est le {TEL} si jamais",
    "Ajoute {P} ({EMAIL}) à la liste de diffusion du projet.",
    "Pour toute question, contactez {P} : {WMAIL}",
    "Le numéro perso de {G} : {TEL}, ne le diffuse pas.",
    "De : {PF} <{EMAIL}>\nÀ : {INSTMAIL}\nObjet : demande de rendez-vous",
    "Peux-tu corriger ce mail : {EMAIL} ? Il rebondit.",
    "{P} souhaite être rappelé[|e] au {TEL} entre 12 h et 14 h.",
    "Contact sur place : {P}, portable {TEL}",
    "Rédige un SMS pour {P} au {TEL} : réunion décalée à 15 h.",
    "l'adresse mail de {G} c'est {EMAIL} ou {WMAIL} je sais plus",
    "Merci de répondre à {WMAIL} et non à {INSTMAIL}.",
    "Astreinte du week-end : {P} ({TEL}) puis {R} ({TEL}).",
    "Le prestataire demande les coordonnées de {P} : {TEL} / {EMAIL}.",
    "Bien cordialement,\n{PF}\nAdjoint[|e] au chef de bureau\nTél. : {TEL}\nStandard : {STD}",
]

T["identifiers"] = [
    "Le NIR de {P} est {NIR}, est-ce qu'il est valide ?",
    "Mon numéro de sécu : {NIR}. Faut-il le mettre sur le formulaire ?",
    "Voici mon RIB pour le remboursement : {IBAN}",
    "Peux-tu vérifier la clé de cet IBAN : {IBAN} ?",
    "{P} est né[|e] le {DOB}, a-t-[il|elle] droit au départ anticipé ?",
    "Date de naissance : {DOB}",
    "J'ai payé avec la carte {CARD}, le remboursement arrive quand ?",
    "La carte bancaire {CARD} de {P} a été débitée deux fois.",
    "Numéro de sécurité sociale de l'agent[|e] : {NIR}",
    "Pour le virement de la prime : IBAN {IBAN}, titulaire {P}.",
    "{P}, né[|e] en {YOB}, demande une simulation de retraite.",
    "ddn {DOB} nir {NIR}",
    "L'agent[|e] {P} (né[|e] le {DOB}) est titularisé[|e] au {DATE}.",
    "Je te donne mon numéro de carte pour la réservation : {CARD}",
    "Coordonnées bancaires modifiées par {P} : ancien {IBAN}, nouveau {IBAN}",
    "Vérifie que ce numéro de sécu est cohérent avec la date de naissance {DOB} : {NIR}",
    "carte {CARD} exp 09/28, c'est bien le bon format pour le formulaire ?",
    "Opposition faite sur ma carte {CARD} après le vol de mon portefeuille, que déclarer ?",
    "{P} a avancé les frais du séminaire avec sa carte perso ({CARD}).",
]

T["records"] = [
    "Nom | Prénom | Né(e) le | Téléphone\n{SUR} | {GIV} | {DOB} | {TEL}",
    "NOM;PRENOM;NIR;IBAN\n{SUR};{GIV};{NIR};{IBAN}",
    "Fiche agent\nNom : {SUR}\nPrénom : {GIV}\nDate de naissance : {DOB}\nAdresse : {ADDR}\n"
    "Mail : {EMAIL}",
    "Identité du demandeur : {P}, né[|e] le {DOB}, domicilié[|e] {ADDR}, tél. {TEL}",
    "Peux-tu transformer ce texte en tableau : {P}, {DOB}, {EMAIL}, {TEL}",
    "Dossier de {P}\n- NIR : {NIR}\n- IBAN : {IBAN}\n- adresse : {ADDR}",
    "inscrits formation : {R} ; {R} ; {P} ({WMAIL})",
    "Bénéficiaire : {P}\nNé[|e] le : {DOB}\nRIB : {IBAN}\nMontant : 450 €",
    "Bonjour, je suis {PF}, agent[|e] de catégorie B. Je suis né[|e] le {DOB} et j'habite {ADDR}. "
    "Mon numéro est le {TEL}. Puis-je demander un temps partiel ?",
    "Candidat retenu : {P} — {EMAIL} — {TEL} — disponible au {DATE}",
    "{SUR} {GIV}, {DOB}, {COMMUNE} ; {R}, {DOB}, {COMMUNE}",
    "Titulaire de la carte : {P}\nNuméro : {CARD}\nAdresse de facturation : {ADDR}",
]

# Topic families: a few frames shared by every category, then frames of each category.
TOPIC_FRAMES = [
    "{P} {T}, comment adapter son poste ?",
    "entre nous, {P} {T}, je ne sais pas si je dois en parler au chef",
    "[Mon collègue|Ma collègue] {P} {T}. Dois-je le signaler à la DRH ?",
    "Note de service confidentielle : l'agent[|e] {P} {T}.",
    "je crois que {G} {T}, tu en penses quoi",
    "Rédige un mail neutre : {P} {T} et souhaite rester discr[et|ète].",
]
TOPIC_SPECIFIC: dict[str, list[str]] = {
    "sante": [
        "[Mon collègue|Ma collègue] {sante}, [il|elle] a besoin d'un siège ergonomique.",
        "{P} {sante} ; peut-on aménager ses horaires ?",
        "Objet : arrêt de {P}\n{P} {sante}, prévoir son remplacement.",
        "[mon fils|ma fille] {sante}, je peux poser une ASA ?",
    ],
    "religion": [
        "{P} {religion} et demande à ne pas travailler le vendredi après-midi.",
        "Puis-je refuser le congé de {P} ? [il|elle] {religion}.",
        "Au pot de départ, attention : {G} {religion}.",
        "[mon voisin|ma voisine] de bureau {religion}, ça pose un souci pour la cantine ?",
    ],
    "opinion_politique": [
        "{P} {opinion_politique} ; peut-[il|elle] en parler au guichet ?",
        "On m'a dit que {P} {opinion_politique}, est-ce compatible avec son devoir de réserve ?",
        "[mon chef|ma cheffe] {opinion_politique} et [il|elle] en parle en réunion",
        "Signalement : {P} {opinion_politique} et affiche des tracts.",
    ],
    "syndicat": [
        "{P} {syndicat} ; a-t-[il|elle] droit à des heures de délégation ?",
        "Peut-on refuser la promotion de {P} parce qu'[il|elle] {syndicat} ?",
        "pour la réunion : {G} {syndicat}, à inviter ?",
        "Compte rendu du CSA : {P} {syndicat} et a demandé la parole.",
    ],
    "origine": [
        "{P} {origine} et subit des remarques au travail, que faire ?",
        "Un usager a insulté {P} parce qu'[il|elle] {origine}.",
        "Dans le signalement, {G} indique qu'[il|elle] {origine}.",
        "[mon collègue|ma collègue] {origine}, on lui demande toujours ses papiers à l'accueil",
    ],
    "vie_sexuelle": [
        "{P} {vie_sexuelle}, comment réagir aux blagues de l'équipe ?",
        "{P} {=vie_sexuelle:vit avec [son compagnon|sa compagne]} {Q} depuis 2019.",
        "{P} {=vie_sexuelle:est pacsé[|e] avec} {Q}, peut-[il|elle] bénéficier du rapprochement ?",
        "{=vie_sexuelle:[Le compagnon|La compagne]} de {Pc} a appelé pour prévenir de son "
        "absence.",
        "Demande de rapprochement de conjoint[|e] : {P} souhaite rejoindre "
        "{=vie_sexuelle:[son mari|sa femme]} muté[|e] à {COMMUNE}.",
        "[mon collègue|ma collègue] {G} {=vie_sexuelle:a épousé} {Q} cet été, on fait une "
        "cagnotte ?",
        "{Pc} {=vie_sexuelle:se marie avec [un homme|une femme]} en juin : combien de jours "
        "de congé ?",
        "{Pc} {=vie_sexuelle:vit avec [son compagnon|sa compagne]}, doit-on l'indiquer sur la "
        "mutuelle ?",
        "{Pc} vit avec [sa compagne|son compagnon] {O}, doit-on l'indiquer sur la mutuelle ?",
        "{=vie_sexuelle:[le mari|la femme]} de {Pc} travaille aussi à la préfecture",
        "congé d'adoption pour {Pc} : [lui|elle] et {=vie_sexuelle:[son mari|sa femme]} adoptent "
        "un enfant, quels justificatifs ?",
        "[mon collègue|ma collègue] m'a confié qu'[il|elle] "
        "{=vie_sexuelle:sort avec [un mec|une fille]} du service",
    ],
    "genetique_biometrie": [
        "{P} {genetique_biometrie} ; ces données doivent-elles être dans son dossier ?",
        "Le médecin du travail dit que {P} {genetique_biometrie}.",
        "badge : {G} {genetique_biometrie}, on garde ça combien de temps ?",
        "[mon frère|ma sœur] {genetique_biometrie}, puis-je poser un congé pour l'accompagner ?",
    ],
    "infraction": [
        "{P} {infraction} ; peut-on engager une procédure disciplinaire ?",
        "Je viens d'apprendre que {P} {infraction}, que dois-je faire ?",
        "{G} {infraction}, il faut prévenir la hiérarchie ?",
        "Rapport : l'agent[|e] {P} {infraction} en dehors du service.",
    ],
}

T["multi"] = [
    "{P} {syndicat} et {opinion_politique}, est-ce un problème pour sa promotion ?",
    "Note RH : {P} {sante} ; par ailleurs [il|elle] {religion}.",
    "{P} {origine} et {religion}, l'usager refuse d'être reçu par [lui|elle].",
    "Signalement au procureur : {P} {infraction} ; [il|elle] {sante}.",
    "{P} {vie_sexuelle} et {syndicat}, [il|elle] subit du harcèlement.",
    "Bonjour, je suis {PF}, {=genetique_biometrie:porteu[r|se] de la mutation BRCA2} et "
    "{=sante:suivi[|e] pour un cancer}. Qui doit le savoir ?",
    "Dossier de {P} : [il|elle] {opinion_politique} et {infraction}.",
    "{P}, joignable au {TEL}, {origine} ; {R} {religion}.",
]

T["long"] = [
    "Bonjour, je te transfère le message de {P} reçu hier : « Je vous informe que j'ai déménagé "
    "au {ADDR}. Mon nouveau numéro est le {TEL}. Merci de mettre à jour mon dossier. » "
    "Peux-tu préparer l'accusé de réception ?",
    "Compte rendu de la réunion du {DATE} au {EPO}. Présents : {R}, {R}, {P}. Points abordés : "
    "budget, calendrier des travaux, recrutement. {P} {sante} et ne pourra pas piloter le "
    "chantier ; {R} assure l'intérim. Prochaine réunion en salle du conseil.",
    "Madame, Monsieur, je soussigné[|e] {PF}, né[|e] le {DOB}, demeurant {ADDR}, sollicite un "
    "congé parental. Vous trouverez ci-joint mon RIB ({IBAN}). Je reste joignable au {TEL}.",
    "Salut, petite question rh : {G} m'a dit qu'[il|elle] {vie_sexuelle} et [il|elle] a peur "
    "que ça se sache au service. Je dois faire quoi ? je veux pas faire de boulette",
    "Objet : signalement\nLe {DATE}, un usager a agressé verbalement {P} à l'accueil. Le témoin, "
    "{R}, a prévenu la police. L'agresseur {=infraction:avait déjà été condamné pour violences}. "
    "{P} souhaite porter plainte.",
    "Voici le mail à reformuler : « Chère {G}, suite à notre échange, je confirme que ton "
    "dossier est complet. Pour le remboursement, envoie ton IBAN ({IBAN}) à la paie. » merci",
    "Rapport de stage de {P}, étudiant[|e] au lycée Jean Monnet. [Il|Elle] a travaillé au "
    "service des titres sous la responsabilité de {R}. Contact : {EMAIL}.",
    "Bonsoir, mon collègue {P} {syndicat} et a déposé un préavis. Je dois préparer une note "
    "pour le cabinet avant le {DATE}. Peux-tu m'aider à structurer la note sans jugement ?",
    "Je reprends le dossier de {P} ({NIR}). [Il|Elle] est arrivé[|e] en 2021 au {EPO} puis a "
    "été muté[|e] à {COMMUNE}. [Il|Elle] {religion} et demande un aménagement pendant le jeûne.",
    "Voici mes notes en vrac : appel de {P} ce matin, tel {TEL}, [il|elle] conteste la "
    "sanction, [il|elle] dit que son chef l'a traité[|e] de tous les noms parce qu'[il|elle] "
    "{origine}. a voir avec {R} lundi",
]

NEGATIVES = [
    "Quel est le délai de recours contre un arrêté de mutation ?",
    "Rédige une note sur la réforme de la protection sociale complémentaire.",
    "Le {EPO} accueillera le forum des métiers le {DATE}.",
    "Adresse de l'administration : {INSTADDR}",
    "Pour toute question, écrivez à {INSTMAIL} ou appelez le {STD}.",
    "Le dossier {REF} est en attente de pièces.",
    "SIRET du prestataire : {SIRET}, merci de vérifier sur l'annuaire des entreprises.",
    "Numéro de télédéclaration : {LUHN}, est-ce qu'il sert pour le recours ?",
    "Commande n° {CMD} livrée au service courrier.",
    "Combien de jours d'ASA pour fêtes religieuses prévoit la circulaire ?",
    "Résume {LAW} en cinq lignes pour une présentation.",
    "La commune nouvelle de {COMMUNE}, née le 1er janvier 2019, a-t-elle un nouveau code INSEE ?",
    "Le marché de contrôle d'accès biométrique doit-il passer en CSA ?",
    "Quels sont les résultats des élections professionnelles par syndicat ?",
    "Prépare un quiz sur la laïcité pour la formation des nouveaux agents.",
    "Campagne du 17 mai contre l'homophobie : propose trois messages pour l'intranet.",
    "Le bulletin n° 2 du casier judiciaire est exigé pour les postes au contact des mineurs.",
    "Taux d'absentéisme pour maladie du service en 2025 : 6,2 %. Commente.",
    "Le {SERVICE} déménage {EPOSTREET} à {COMMUNE} à partir du {DATE}.",
    "Écris un mail de rappel pour la réunion de service de mardi, sans nommer personne.",
    "La médecine de prévention organise une campagne de vaccination contre la grippe.",
    "Que dit le RGPD sur les données de santé des agents ?",
    "Le plan de lutte contre les discriminations liées à l'origine doit être présenté au CSA.",
    "Horaires d'ouverture du {EPO} : 8 h 30 - 17 h.",
    "Standard de la mairie : {STD} ; urgences : 112.",
    "SIREN {SIREN} : c'est bien l'association qui gère le {EPO} ?",
    "Arrêté préfectoral {REF} portant fermeture temporaire de la {EPOSTREET}.",
    "rédige une réponse type pr les usagers qui demandent où en est leur dossier",
    "Les représentants FO et CGT siègent au comité social d'administration.",
    "Le décret du {DATE} modifie le régime des astreintes.",
    "Comment calculer l'indemnité de résidence à {COMMUNE} ?",
    "Nouvelle adresse du centre de gestion : {INSTADDR}",
    "Facture {CMD} du {DATE}, montant 1 250 € TTC, à imputer sur le programme 216.",
    "Le lycée de {COMMUNE} ouvre une section européenne à la rentrée.",
    "Quelle est la procédure pour signaler une infraction au code de l'environnement ?",
    "Peux-tu faire un tableau des congés bonifiés pour la Guadeloupe et la Réunion ?",
    "La réunion publique aura lieu salle des fêtes, {EPOSTREET}, à {COMMUNE}.",
    "Combien coûte l'adhésion de la collectivité au CNAS ?",
    "ticket {REF} : l'imprimante du 2e étage est encore en panne",
    "Merci d'envoyer vos justificatifs à {INSTMAIL} avant le {DATE}.",
    "Le service des urgences du {EPO} est saturé, prévoir un message aux usagers.",
    "Liste des pièces pour une demande de naturalisation ?",
    "Quelle différence entre un congé de longue maladie et un congé de longue durée ?",
    "Le contrat {LUHN} avec le prestataire de nettoyage arrive à échéance.",
    "La préfecture a publié le calendrier des élections municipales.",
    "Faut-il une déclaration à la CNIL pour un badge à empreinte digitale ?",
    "stp traduis « bureau des étrangers » en anglais et en arabe",
    "Le centre de rétention administrative de {COMMUNE} recrute des agents.",
    "Note : la CFDT a déposé un préavis de grève pour le {DATE}.",
    "Rédige une fiche réflexe sur l'accueil des usagers agressifs.",
    "Adresse de livraison : le {SERVICE}, {INSTADDR}",
    "Le {EPO} est fermé le {DATE} pour travaux.",
    "Journée du patrimoine : visites du {EPO} et de la {EPOSTREET}.",
    "Quel est le rôle du référent laïcité dans une administration ?",
    "numéro vert pour les usagers : {STD}",
    "Le groupe de travail sur le handicap se réunit au {EPO}.",
    "Date limite de dépôt des dossiers : {DATE}. Référence à rappeler : {REF}.",
    "Mme la Préfète a signé l'arrêté {REF} le {DATE}.",
    "Prépare un tableau comparatif des mutuelles référencées pour les agents.",
    "L'entreprise, immatriculée le {DATE} (SIRET {SIRET}), demande une avance.",
    "Combien de places en crèche pour les enfants des agents à {COMMUNE} ?",
    "Le {EPO} sera renommé en 2027.",
    "Résume le rapport annuel sur l'égalité professionnelle femmes-hommes.",
    "Standard : {STD} | Accueil : {INSTMAIL} | Adresse : {INSTADDR}",
    "pr la formation RGPD, tu as un exemple de registre des traitements ?",
    "Modèle de courrier de refus de protection fonctionnelle, sans données personnelles svp.",
    "Le tribunal administratif de {COMMUNE} a annulé la délibération du {DATE}.",
    "Quelles religions sont reconnues en Alsace-Moselle dans le régime concordataire ?",
    "Le club de foot de {COMMUNE} joue au {EPO}.",
    "Combien d'agents sont syndiqués en moyenne dans la fonction publique ?",
    "Bon de commande {CMD} : 40 ramettes, 12 cartouches.",
    "Rédige l'invitation à l'inauguration du {EPO} le {DATE}, réponse à {INSTMAIL}.",
    "Le {SERVICE} est joignable au {STD} du lundi au vendredi.",
    "Cordialement,\nLe {SERVICE}\n{INSTADDR}\nTél. : {STD}",
    "De : {INSTMAIL}\nObjet : dossier {REF}\nVotre demande est en cours d'instruction.",
    "Le fournisseur (SIRET {SIRET}) a livré la commande {CMD} le {DATE}.",
    "numéro de dossier {LUHN} — statut : complet. je dois relancer qui ?",
    "La salle de réunion du {EPO} est réservée le {DATE} de 14 h à 16 h.",
    "Siège du {SERVICE} : {INSTADDR}.",
    "Transfert du standard {STD} vers l'accueil de {COMMUNE} à partir du {DATE}.",
    "Quels documents pour inscrire un enfant au {EPO} de {COMMUNE} ?",
    "{LAW} s'applique-t-elle aux contractuels recrutés le {DATE} ?",
    "L'arrêté {REF} du {DATE} fixe les horaires du {EPO}.",
    "Peux-tu vérifier ce SIREN : {SIREN} ?",
    "Référence de l'appel d'offres : {REF} ; lot 2 : lecteurs d'empreintes pour le {EPO}.",
    "La collecte de sang aura lieu au {EPO} le {DATE}.",
    "Les agents du {SERVICE} suivront une formation sur les risques psychosociaux le {DATE}.",
    "Le colloque sur la prévention de la radicalisation aura lieu à {COMMUNE}.",
    "Combien de représentants du personnel au CSA de {COMMUNE} ?",
    "Le ticket {REF} concerne la messagerie {INSTMAIL}, qui ne reçoit plus rien.",
    "La commune de {COMMUNE} est née de la fusion de trois villages le {DATE}.",
    "Le parc d'activités de la {EPOSTREET} accueille 40 entreprises.",
    "Le CHU de {COMMUNE} lance un dépistage gratuit du diabète le {DATE}.",
    "Le tribunal judiciaire de {COMMUNE} traite les contentieux de la sécurité sociale.",
    "Merci de retourner le formulaire au {SERVICE}, {INSTADDR}, avant le {DATE}.",
    "Facture n° {CMD} : le montant ne correspond pas au devis {REF}.",
    "Le comité de pilotage se tiendra en salle {EPO} à {COMMUNE}.",
    "Le {SERVICE} de {COMMUNE} ferme à 16 h le {DATE}.",
    "Réunion d'information sur la mutuelle le {DATE} au {EPO}.",
    "Propose un plan pour un guide d'accueil des agents ultramarins à {COMMUNE}.",
    "Le lieu de culte de {COMMUNE} demande une subvention pour sa toiture, est-ce légal ?",
    "Les aumôniers des hôpitaux de {COMMUNE} sont-ils des agents publics ?",
    "Délibération du conseil municipal de {COMMUNE} du {DATE} : vote du budget primitif.",
    "La brigade de gendarmerie de {COMMUNE} a déménagé {EPOSTREET}.",
    "L'exposition sur l'histoire de l'immigration ouvre au {EPO} le {DATE}.",
    "Le formulaire Cerfa {REF} remplace l'ancien modèle depuis le {DATE}.",
    "Appelez le {STD} pour prendre rendez-vous au {SERVICE}.",
    "Contrat {LUHN} : reconduction tacite au {DATE}, préavis de trois mois.",
    "Le service d'état civil de {COMMUNE} délivre les actes de naissance en ligne.",
    "Accueil du public : {INSTADDR} ; courriel : {INSTMAIL}.",
]


def templates() -> dict[str, str]:
    """Every template by id (test4_<family>-NN)."""
    out: dict[str, str] = {}
    for family in ("names", "addresses", "contacts", "identifiers", "records"):
        for i, text in enumerate(T[family]):
            out[f"test4_{family}-{i:02d}"] = text
    for topic in TOPICS:
        frames = [f.replace("{T}", "{" + topic + "}") for f in TOPIC_FRAMES]
        for i, text in enumerate(frames + TOPIC_SPECIFIC[topic]):
            out[f"test4_{topic}-{i:02d}"] = text
    for family in ("multi", "long"):
        for i, text in enumerate(T[family]):
            out[f"test4_{family}-{i:02d}"] = text
    for i, text in enumerate(NEGATIVES):
        out[f"test4_clean-{i:02d}"] = text
    return out


# Rendering ---------------------------------------------------------------------------------------


class Person:
    def __init__(self, given: str, surname: str, female: bool) -> None:
        self.given, self.surname, self.female = given, surname, female


class Renderer:
    def __init__(self, rng: random.Random, lists: dict[str, Any]) -> None:
        self.rng = rng
        self.lists = lists
        fr = lists["fr_last"]
        self.fr_weights = [1 / (rank + 1) ** 0.5 for rank in range(len(fr))]
        self.communes_geo = [c for c in lists["geo"] if c in GEO_POSTCODES]
        self.gendered = False

    # People
    def _given(self, origin: str, female: bool) -> str:
        rng, lists = self.rng, self.lists
        key = "f" if female else "m"
        if origin in ("dz", "pt", "tr") and rng.random() < 0.7:
            return str(rng.choice(lists[f"{origin}_first_{key}"]))
        if origin == "wa" and rng.random() < 0.7:
            return rng.choice(WEST_AFRICA_FIRST_F if female else WEST_AFRICA_FIRST_M)
        pool = lists[f"be_first_{key}"] if rng.random() < 0.5 else lists[f"fr_first_{key}"]
        given = str(rng.choice(pool))
        if rng.random() < 0.08 and "-" not in given:
            other = str(rng.choice(lists[f"fr_first_{key}"]))
            if other != given:
                given = f"{given}-{other}"
        return given

    def person(self, female: bool | None = None) -> Person:
        rng, lists = self.rng, self.lists
        if female is None:
            female = rng.random() < 0.55
        draw = rng.random()
        origin = "fr"
        if draw < 0.70:
            surname = rng.choices(lists["fr_last"], self.fr_weights)[0]
            if rng.random() < 0.06:
                particle = rng.choice(PARTICLES)
                surname = f"d'{surname}" if particle == "d'" else f"{particle} {surname}"
                if particle == "d'":
                    surname = "d'" + rng.choice(("Artois", "Aubigny", "Estienne", "Orgeval"))
            elif rng.random() < 0.05:
                surname = f"{surname}-{rng.choices(lists['fr_last'], self.fr_weights)[0]}"
        elif draw < 0.74:
            surname, origin = rng.choice(lists["be_last"]), "be"
        elif draw < 0.76:
            surname, origin = rng.choice(lists["ch_last"]), "ch"
        elif draw < 0.86:
            surname, origin = rng.choice(lists["dz_last"]), "dz"
        elif draw < 0.90:
            surname, origin = rng.choice(lists["pt_last"]), "pt"
        elif draw < 0.93:
            surname, origin = rng.choice(ES_IT), "es"
        elif draw < 0.96:
            surname, origin = rng.choice(WEST_AFRICA), "wa"
        elif draw < 0.97:
            surname, origin = rng.choice(lists["tr_last"]), "tr"
        elif draw < 0.985:
            surname, origin = rng.choice(lists["vn_last"]), "vn"
        else:
            surname, origin = rng.choice(CHINA), "cn"
        return Person(self._given(origin, female), str(surname), female)

    def civility(self, p: Person) -> str:
        options = ["Madame", "Mme", "Mme", "Mlle"] if p.female else ["M.", "M.", "Monsieur"]
        if not self.gendered:
            options += ["Dr", "Me"]
        return self.rng.choice(options)

    def name_pieces(self, p: Person, civility: str = "maybe") -> list[Piece]:
        """A name form, with or without a civility (never in the span)."""
        rng = self.rng
        form = rng.choices(
            ["full", "NOM", "NOM first", "Nom first", "initial", "lower", "surname", "given"],
            [40, 10, 12, 3, 5, 10, 12, 8],
        )[0]
        if form == "initial" and p.given[0] == "M":  # "M. Roux" would read as a title
            form = "full"
        if civility == "always" and form == "given":
            form = "surname"
        if form == "full":
            name = f"{p.given} {p.surname}"
        elif form == "NOM":
            name = f"{p.given} {p.surname.upper()}"
        elif form == "NOM first":
            name = f"{p.surname.upper()} {p.given}"
        elif form == "Nom first":
            name = f"{p.surname} {p.given}"
        elif form == "initial":
            name = f"{p.given[0]}. {p.surname}"
        elif form == "lower":
            name = f"{p.given} {p.surname}".lower()
        elif form == "surname":
            name = p.surname
        else:
            name = p.given
        with_civility = (
            civility == "always" or form == "surname" or (form != "given" and rng.random() < 0.35)
        )
        if civility == "never" or form == "given":
            with_civility = False
        if self.gendered and form == "initial":  # "J. Roux" hides the gender
            with_civility = True
        pieces: list[Piece] = []
        if with_civility:
            title = self.civility(p)
            pieces.append((title.lower() + " " if form == "lower" else title + " ", None))
        pieces.append((name, "personne"))
        return pieces

    # Places
    def commune(self) -> tuple[str, str]:
        rng = self.rng
        draw = rng.random()
        if draw < 0.35:
            name = rng.choice(self.communes_geo)
            return name, GEO_POSTCODES[name]
        if draw < 0.48:
            return rng.choice(OVERSEAS)
        if draw < 0.58:
            return rng.choice(CORSICA)
        dept = rng.choice(DEPARTMENTS)
        postcode = f"{dept}{rng.randrange(0, 1000, 10):03d}"
        surname = rng.choices(self.lists["fr_last"], self.fr_weights)[0]
        built = rng.choice(
            [
                f"Saint-{rng.choice(self.lists['fr_first_m'])}",
                f"Sainte-{rng.choice(self.lists['fr_first_f'])}",
                f"{surname}-sur-Mer",
                f"{surname}-les-Bains",
                f"{surname}-la-Forêt",
                f"{surname}ville",
                f"{surname}bourg",
            ]
        )
        return built, postcode

    def street(self) -> str:
        rng = self.rng
        kind = rng.choices([k for k, _ in STREET_TYPES], [w for _, w in STREET_TYPES])[0]
        number = str(rng.choice([rng.randint(1, 40), rng.randint(1, 250)]))
        if rng.random() < 0.12:
            number += rng.choice([" bis", " ter", "bis", " quater", " B"])
        name = rng.choice(STREETS)
        if rng.random() < 0.1:
            return f"{kind} {name}"
        return f"{number}, {kind} {name}" if rng.random() < 0.05 else f"{number} {kind} {name}"

    def address(self) -> str:
        rng = self.rng
        town, postcode = self.commune()
        form = rng.choices(
            ["line", "nonum", "lieudit", "residence", "bp", "multi", "caps", "apt"],
            [38, 10, 6, 8, 9, 16, 6, 8],
        )[0]
        street = self.street()
        if form == "nonum":
            kind = rng.choices([k for k, _ in STREET_TYPES], [w for _, w in STREET_TYPES])[0]
            return f"{kind} {rng.choice(STREETS)}, {postcode} {town}"
        if form == "lieudit":
            return f"lieu-dit {rng.choice(LIEUX_DITS)}, {postcode} {town}"
        if form == "residence":
            return (
                f"Résidence {rng.choice(RESIDENCES)}, bâtiment {rng.choice('ABCDE')}, "
                f"appartement {rng.randint(1, 60)}, {street}, {postcode} {town}"
            )
        if form == "apt":
            return f"{street}, apt {rng.randint(1, 40)}, {postcode} {town}"
        if form == "bp":
            cedex = " Cedex" if rng.random() < 0.4 else ""
            return f"{street}, BP {rng.randint(1, 999)}, {postcode} {town}{cedex}"
        if form == "multi":
            extra = f"Résidence {rng.choice(RESIDENCES)}\n" if rng.random() < 0.3 else ""
            return f"{extra}{street}\n{postcode} {town}"
        if form == "caps":
            return f"{street} {postcode} {town}".upper()
        return (
            f"{street}, {postcode} {town}" if rng.random() < 0.8 else f"{street} {postcode} {town}"
        )

    # Identifiers
    def phone(self) -> str:
        rng = self.rng
        draw = rng.random()
        if draw < 0.12:
            digits = rng.choice(["0690", "0694", "0696", "0639"]) + "".join(
                str(rng.randint(0, 9)) for _ in range(6)
            )
        else:
            first = rng.choice(["06", "07", "06", "01", "02", "03", "04", "05", "09"])
            digits = first + "".join(str(rng.randint(0, 9)) for _ in range(8))
        pairs = [digits[i : i + 2] for i in range(0, 10, 2)]
        form = rng.randrange(7)
        if form == 0:
            return " ".join(pairs)
        if form == 1:
            return ".".join(pairs)
        if form == 2:
            return digits
        if form == 3:
            return "+33 " + digits[1] + " " + " ".join(pairs[1:])
        if form == 4:
            return "+33 (0)" + digits[1] + " " + " ".join(pairs[1:])
        if form == 5:
            return "-".join(pairs)
        return " ".join(pairs)

    def _ascii(self, text: str) -> str:
        decomposed = unicodedata.normalize("NFD", text.lower())
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
        return re.sub(r"[^a-z0-9]+", "", plain.replace(" ", "").replace("'", ""))

    def email(self, p: Person, work: bool = False) -> str:
        rng = self.rng
        given, surname = self._ascii(p.given), self._ascii(p.surname)
        if work:
            return f"{given}.{surname}@{rng.choice(WORKMAIL)}"
        local = rng.choice(
            [
                f"{given}.{surname}",
                f"{given}{surname}{rng.randint(60, 99)}",
                f"{given[0]}{surname}",
                f"{surname}.{given}",
                f"{given}_{surname}",
            ]
        )
        return f"{local}@{rng.choice(WEBMAIL)}"

    def dob(self) -> str:
        rng = self.rng
        year, month, day = rng.randint(1958, 2004), rng.randint(1, 12), rng.randint(1, 28)
        form = rng.randrange(8)
        if form == 0:
            return f"{day:02d}/{month:02d}/{year}"
        if form == 1:
            return f"{day} {MONTHS[month - 1]} {year}"
        if form == 2:
            return f"{day:02d}.{month:02d}.{year}"
        if form == 3:
            return f"{day:02d}-{month:02d}-{year}"
        if form == 4:
            return f"{year}-{month:02d}-{day:02d}"
        if form == 5:
            return f"{day:02d}/{month:02d}/{year % 100:02d}"
        if form == 6:
            return f"1er {MONTHS[month - 1]} {year}"
        return f"{day}/{month}/{year}"

    def nir(self, p: Person | None) -> str:
        rng = self.rng
        sex = "2" if (p.female if p else rng.random() < 0.5) else "1"
        year, month = rng.randint(0, 99), rng.randint(1, 12)
        draw = rng.random()
        if draw < 0.1:
            dept, commune = rng.choice(["2A", "2B"]), f"{rng.randint(1, 366):03d}"
        elif draw < 0.2:
            dept, commune = f"97{rng.randint(1, 6)}", f"{rng.randint(1, 34):02d}"
        elif draw < 0.3:
            dept, commune = "99", f"{rng.randint(100, 450):03d}"
        else:
            dept, commune = rng.choice(DEPARTMENTS), f"{rng.randint(1, 400):03d}"
        order = f"{rng.randint(1, 999):03d}"
        body = f"{sex}{year:02d}{month:02d}{dept}{commune}{order}"
        number = int(body.replace("2A", "19").replace("2B", "18"))
        key = f"{97 - number % 97:02d}"
        form = rng.randrange(3)
        if form == 0:
            return body + key
        if form == 1:
            rest = body[5:]
            return f"{body[0]} {body[1:3]} {body[3:5]} {rest[:-6]} {rest[-6:-3]} {rest[-3:]} {key}"
        return f"{body} {key}"

    def iban(self) -> str:
        rng = self.rng

        def digits(n: int) -> str:
            return "".join(str(rng.randint(0, 9)) for _ in range(n))

        country = rng.choices(["FR", "DE", "BE", "PT"], [75, 8, 9, 8])[0]
        if country == "FR":
            bank, branch, account = digits(5), digits(5), digits(11)
            key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
            bban = f"{bank}{branch}{account}{key:02d}"
        elif country == "DE":
            bban = digits(18)
        elif country == "BE":
            head = digits(10)
            key = int(head) % 97 or 97
            bban = f"{head}{key:02d}"
        else:
            head = digits(19)
            bban = f"{head}{98 - int(head + '00') % 97:02d}"
        moved = bban + "".join(str(ord(c) - 55) for c in country) + "00"
        check = 98 - int(moved) % 97
        iban = f"{country}{check:02d}{bban}"
        if rng.random() < 0.7:
            return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
        return iban

    def luhn(self, prefix: str, length: int) -> str:
        body = prefix + "".join(
            str(self.rng.randint(0, 9)) for _ in range(length - len(prefix) - 1)
        )
        total = 0
        for i, ch in enumerate(reversed(body)):
            d = int(ch)
            if i % 2 == 0:
                d *= 2
                d = d - 9 if d > 9 else d
            total += d
        return body + str((10 - total % 10) % 10)

    def card(self) -> str:
        rng = self.rng
        kind = rng.choices(["visa", "mc", "amex"], [60, 30, 10])[0]
        if kind == "amex":
            number = self.luhn(rng.choice(["34", "37"]), 15)
            return f"{number[:4]} {number[4:10]} {number[10:]}" if rng.random() < 0.7 else number
        number = self.luhn("4" if kind == "visa" else str(rng.randint(51, 55)), 16)
        if rng.random() < 0.7:
            sep = rng.choice([" ", " ", "-"])
            return sep.join(number[i : i + 4] for i in range(0, 16, 4))
        return number

    # Unlabelled values
    def date(self) -> str:
        rng = self.rng
        day, month = rng.randint(1, 28), rng.randint(1, 12)
        return rng.choice(
            [
                f"{day} {MONTHS[month - 1]} {rng.randint(2024, 2027)}",
                f"{day:02d}/{month:02d}/{rng.randint(2024, 2027)}",
                f"{day} {MONTHS[month - 1]}",
            ]
        )

    def unlabelled(self, slot: str) -> str:
        rng = self.rng
        if slot == "INSTADDR":
            town, postcode = self.commune()
            head = rng.choice(["Préfecture", "Mairie", "DDETS", "Rectorat", "Centre des finances"])
            return (
                f"{head}, {rng.randint(1, 80)} {rng.choice(EPONYM_STREETS)}, "
                f"CS {rng.randint(10000, 99999)}, {postcode} {town.upper()} CEDEX"
            )
        if slot == "INSTMAIL":
            town = self._ascii(self.commune()[0])
            return rng.choice(
                [
                    f"accueil@mairie-{town}.fr",
                    f"drh-paie@{rng.choice(DIRECTIONS)}.gouv.fr",
                    f"pref-etrangers@{town}.gouv.fr",
                    f"ce.0{rng.randint(100000, 999999)}X@ac-lyon.fr",
                    "contact@cdg69.fr",
                    f"sg.bureau-courrier@{rng.choice(DIRECTIONS)}.gouv.fr",
                ]
            )
        if slot == "STD":
            return rng.choice(
                [
                    "01 40 07 60 60",
                    "3939",
                    "0 800 130 000",
                    "04 72 61 60 60",
                    "3919",
                    "05 56 90 60 60",
                ]
            )
        if slot == "EPO":
            return rng.choice(EPONYM_PLACES)
        if slot == "LAW":
            return rng.choice(LAWS)
        if slot == "REF":
            return rng.choice(
                [
                    f"n° {rng.randint(2024, 2026)}-DRH-{rng.randint(1, 9999):04d}",
                    f"{rng.randint(10, 95)}-{rng.randint(2024, 2026)}-{rng.randint(1, 99999):05d}",
                    f"NOR INTA{rng.randint(2400000, 2699999)}C",
                    f"INC{rng.randint(1000000, 9999999)}",
                ]
            )
        if slot == "SIRET":
            return self.luhn(str(rng.randint(1, 9)), 14)
        if slot == "SIREN":
            siren = self.luhn(str(rng.randint(1, 9)), 9)
            return f"{siren[:3]} {siren[3:6]} {siren[6:]}"
        if slot == "LUHN":
            return self.luhn(str(rng.randint(1, 9)), 16)
        if slot == "CMD":
            return "0" + "".join(str(rng.randint(0, 9)) for _ in range(9))
        if slot == "DATE":
            return self.date()
        if slot == "COMMUNE":
            return self.commune()[0]
        if slot == "SERVICE":
            return rng.choice(SERVICES)
        if slot == "EPOSTREET":
            return rng.choice(EPONYM_STREETS)
        raise KeyError(slot)


GENDER = re.compile(r"\[([^|\]]*)\|([^\]]*)\]")
SLOT = re.compile(r"\{(=\w+:[^}]*|\w+)\}")


def _agree(text: str, female: bool) -> str:
    return GENDER.sub(lambda m: m.group(2) if female else m.group(1), text)


def render(template: str, r: Renderer) -> list[Piece]:
    rng = r.rng
    subject = r.person()
    r.gendered = "vie_sexuelle" in template  # the subject's gender must show
    female = subject.female
    pieces: list[Piece] = []
    position = 0
    for match in SLOT.finditer(template):
        if match.start() > position:
            pieces.append((_agree(template[position : match.start()], female), None))
        position = match.end()
        slot = match.group(1)
        if slot.startswith("="):
            category, literal = slot[1:].split(":", 1)
            pieces.append((_agree(literal, female), category))
        elif slot == "P":
            pieces += r.name_pieces(subject)
        elif slot == "Pc":
            pieces += r.name_pieces(subject, "always")
        elif slot == "PF":
            pieces.append((f"{subject.given} {subject.surname}", "personne"))
        elif slot == "G":
            pieces.append((subject.given, "personne"))
        elif slot == "SUR":
            pieces.append((subject.surname.upper(), "personne"))
        elif slot == "GIV":
            pieces.append((subject.given, "personne"))
        elif slot == "R":
            pieces += r.name_pieces(r.person(), "maybe")
        elif slot == "Q":
            partner = r.person(female)
            pieces.append(
                (rng.choice([partner.given, f"{partner.given} {partner.surname}"]), "personne")
            )
        elif slot == "O":
            pieces += r.name_pieces(r.person(not female))
        elif slot == "ADDR":
            pieces.append((r.address(), "adresse"))
        elif slot == "STREET":
            pieces.append((r.street(), "adresse"))
        elif slot == "EMAIL":
            pieces.append((r.email(subject), "email"))
        elif slot == "WMAIL":
            pieces.append((r.email(subject, work=True), "email"))
        elif slot == "TEL":
            pieces.append((r.phone(), "telephone"))
        elif slot == "DOB":
            pieces.append((r.dob(), "date_naissance"))
        elif slot == "YOB":
            pieces.append((str(rng.randint(1958, 2004)), "date_naissance"))
        elif slot == "NIR":
            pieces.append((r.nir(subject), "nir"))
        elif slot == "IBAN":
            pieces.append((r.iban(), "iban"))
        elif slot == "CARD":
            pieces.append((r.card(), "carte"))
        elif slot in TOPICS:
            pieces.append((_agree(rng.choice(PHRASES[slot]), female), slot))
        else:
            pieces.append((r.unlabelled(slot), None))
    if position < len(template):
        pieces.append((_agree(template[position:], female), None))
    return pieces


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


ABBREVIATIONS = (
    (" pour ", " pr "),
    ("rendez-vous", "rdv"),
    (" s'il te plaît", " stp"),
    (" aujourd'hui", " auj"),
    (" quelque chose", " qqch"),
    (" beaucoup", " bcp"),
)
OPENINGS = (
    "Re: ",
    "stp ",
    "Question : ",
    "Bonjour, ",
    "Urgent : ",
    "Salut ! ",
    "Hello, ",
    "Fwd: ",
)
CLOSINGS = (" Merci !", " Cdlt", " merci d'avance", " Bonne journée.", " thx")


def _fold(text: str) -> str:
    return _strip_accents(text).lower()


def _typo(text: str, rng: random.Random) -> str:
    words = [m for m in re.finditer(r"[a-zéèàù]{6,}", text)]
    if not words:
        return text
    word = rng.choice(words)
    i = rng.randrange(word.start() + 1, word.end() - 2)
    return text[:i] + text[i + 1] + text[i] + text[i + 2 :]


def add_noise(pieces: list[Piece], rng: random.Random) -> list[Piece]:
    out = list(pieces)
    if rng.random() < 0.15:
        out.insert(0, (rng.choice(OPENINGS), None))
    if rng.random() < 0.08:
        out.append((rng.choice(CLOSINGS), None))
    transforms: list[Callable[[str], str]] = []
    if rng.random() < 0.10:
        transforms.append(str.lower)
    if rng.random() < 0.05:
        transforms.append(_strip_accents)
    abbreviate = rng.random() < 0.10
    typo = rng.random() < 0.10
    noisy: list[Piece] = []
    for text, category in out:
        for transform in transforms:
            text = transform(text)
        if category is None:
            if abbreviate:
                for long, short in ABBREVIATIONS:
                    text = text.replace(long, short)
            if typo:
                text = _typo(text, rng)
        noisy.append((text, category))
    return noisy


def assemble(pieces: Sequence[Piece], template: str) -> dict[str, Any]:
    """One line of the set: the text, its spans, and the older fields, checked."""
    text = ""
    spans: list[list[Any]] = []
    for value, category in pieces:
        start = len(text)
        text += value
        if category is None:
            continue
        if category not in CATEGORIES:
            raise ValueError(f"unknown category {category!r}")
        if not value or value != value.strip() or value.strip(".,;:") != value:
            raise ValueError(f"span with blanks or punctuation at its edges: {value!r}")
        spans.append([start, start + len(value), category])
    for (start, end, _), (value, _c) in zip(spans, [p for p in pieces if p[1]], strict=True):
        if text[start:end] != value:
            raise ValueError(f"span {start}:{end} is not {value!r}")
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
        "template": template,
    }


def renders_for(template_id: str) -> int:
    family = template_id.split("_", 1)[1].rsplit("-", 1)[0]
    if family in TOPICS:
        return 8
    if family == "clean":
        return 9
    if family in ("multi", "long"):
        return 6
    return 7


def generate() -> list[dict[str, Any]]:
    rng = random.Random(SEED)
    renderer = Renderer(rng, _faker_lists())
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for template_id, template in templates().items():
        for _ in range(renders_for(template_id)):
            pieces = render(template, renderer)
            noisy = add_noise(pieces, rng)
            labelled = [(v, c) for v, c in pieces if c]
            if [(_fold(v), c) for v, c in labelled] != [(_fold(v), c) for v, c in noisy if c]:
                raise ValueError(f"noise changed a labelled value in {template_id}")
            row = assemble(noisy, template_id)
            if row["text"] in seen:
                continue
            seen.add(row["text"])
            rows.append(row)
    rng.shuffle(rows)
    return rows


def counts(rows: Sequence[dict[str, Any]]) -> Counter[str]:
    return Counter(category for row in rows for _s, _e, category in row["spans"])


def write(rows: Sequence[dict[str, Any]], path: Path = TARGET) -> None:
    lines = [json.dumps(row, ensure_ascii=False) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    rows = generate()
    write(rows)
    clean = sum(1 for row in rows if not row["spans"])
    print(f"{len(rows)} sentences, {len(templates())} templates, {clean} with nothing personal")
    for category, n in sorted(counts(rows).items()):
        print(f"{category:22} {n}")


if __name__ == "__main__":
    main()
