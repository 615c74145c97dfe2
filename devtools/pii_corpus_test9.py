# ruff: noqa: E501, SIM905
"""A ninth held-out set for the personal-data guard: tests/data/pii_test9.jsonl.

Written from scratch by an independent hand that did not read the guard (handlers/privacy), the
other generators (devtools/pii_corpus*.py) or the other labelled sets. Deterministic: a fixed
seed, faker's name lists (fr_FR, fr_BE, fr_CA, fr_CH) read as data, and hand lists for the rest.

    python -m devtools.pii_corpus_test9

Templates use a small markup, resolved in this order:
- ``[masc|fem]`` picks by the gender of the sentence's subject;
- ``{SLOT}`` is filled by a value (labelled or not, see ``Renderer.slot``);
- ``<<category:text>>`` labels a literal phrase of the template;
- ``{T}`` is the sensitive-topic phrase of the rendering (its category rotates), ``{T:cat}``
  one of a fixed category.
Spans are recorded while the pieces are put together, then checked against the slot values.
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SEED = 20261239
MADE_WITH_FAKER = "40.63.0"
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii_test9.jsonl"

IDENT = ("email", "iban", "nir", "carte", "telephone", "date_naissance", "adresse", "personne")
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

# fmt: off
# Names ------------------------------------------------------------------------------------------

MAGHREB_LAST = [
    "Benali", "Haddad", "Bouzid", "Mansouri", "Belkacem", "Saidi", "Cherif", "Hamidi", "Boukhari",
    "Meziane", "Amrani", "Ouali", "Ait Ahmed", "Benyahia", "Kaci", "Lahlou", "Bensalem", "Djebbar",
    "Ferhat", "Rahmani", "Zerrouki", "Touati", "Slimani", "El Idrissi", "Bennani", "Chaouch",
    "Messaoudi", "Brahimi", "Yahiaoui", "Guerfi", "Ben Youssef", "Aït-Kaci",
]
MAGHREB_M = "Karim Mehdi Rachid Yacine Nordine Sofiane Bilal Walid Samir Hakim Ilyes Farid".split()
MAGHREB_F = "Nadia Samira Leïla Yasmina Karima Sonia Inès Nawel Fatiha Malika Houria Sabrina".split()
AFRICA_LAST = (
    "Diallo Traoré Koné Camara Diop Ndiaye Coulibaly Keita Sow Bamba Touré Mbappé Kouassi "
    "Nguessan Mendy Sylla Cissé Ba Fofana Tshibanda Mabiala Okafor"
).split()
AFRICA_M = "Mamadou Moussa Ibrahima Ousmane Seydou Abdoulaye Cheikh Lamine Issa Amadou".split()
AFRICA_F = "Aminata Fatoumata Awa Mariam Adama Kadiatou Aïssatou Ramatoulaye Binta Coumba".split()
IBERIA_LAST = [
    "Da Silva", "Pereira", "Ferreira", "Rodrigues", "Gonçalves", "Teixeira", "Lopes", "Fernandes",
    "Sanchez", "Gomez", "Moreira", "Esposito", "Russo", "Romano", "De Sousa", "Dos Santos",
    "Carvalho", "Martins",
]  # fmt: skip
IBERIA_M = "João Manuel Carlos Antonio Paulo Rui Sergio Luca".split()
IBERIA_F = "Ana Maria Catarina Lucia Sofia Paula Giulia Teresa".split()
TURK_LAST = "Yilmaz Kaya Demir Sahin Celik Aydin Ozturk Arslan".split()
TURK_M = "Mehmet Emre Burak Murat Kemal".split()
TURK_F = "Elif Zeynep Ayse Emine Derya".split()
ASIA_LAST = "Nguyen Tran Le Pham Huynh Vo Chen Wang Lin Zhang Phan".split()
ASIA_M = "Minh Thanh Duc Wei Hao Long".split()
ASIA_F = "Linh Thi Mai Lan Mei Ying Hoa".split()
PARTICLES = ("de", "du", "de la", "Le", "d'", "des", "La")
OCEAN_LAST = "Tetuanui Teriierooiterai Wamytan Gopoea Théodose Jean-Baptiste Lafleur Ramassamy".split()


def _faker_names() -> tuple[list[str], list[str], list[str], list[str]]:
    """Surnames and given names from faker's French-speaking lists (read as data)."""
    from faker.providers.person.fr_BE import Provider as Be
    from faker.providers.person.fr_CA import Provider as Ca
    from faker.providers.person.fr_CH import Provider as Ch
    from faker.providers.person.fr_FR import Provider as Fr

    fr_last = list(Fr.last_names)
    other_last = sorted(set(Be.last_names) | set(Ca.last_names) | set(Ch.last_names))
    males: list[str] = []
    females: list[str] = []
    for provider in (Fr, Be, Ca, Ch):
        for name in provider.first_names_male:
            if name not in males and name.isprintable() and " " not in name:
                males.append(name)
        for name in provider.first_names_female:
            if name not in females and name.isprintable() and " " not in name:
                females.append(name)
    return fr_last, other_last, males, females


# Places -----------------------------------------------------------------------------------------

COMMUNES = [
    ("75011", "Paris"), ("69003", "Lyon"), ("13005", "Marseille"), ("31200", "Toulouse"),
    ("33800", "Bordeaux"), ("59000", "Lille"), ("44100", "Nantes"), ("67000", "Strasbourg"),
    ("35000", "Rennes"), ("34070", "Montpellier"), ("06300", "Nice"), ("76600", "Le Havre"),
    ("42100", "Saint-Étienne"), ("38100", "Grenoble"), ("21000", "Dijon"), ("49100", "Angers"),
    ("87000", "Limoges"), ("63000", "Clermont-Ferrand"), ("29200", "Brest"), ("86000", "Poitiers"),
    ("93200", "Saint-Denis"), ("94000", "Créteil"), ("91000", "Évry-Courcouronnes"),
    ("95300", "Pontoise"), ("78000", "Versailles"), ("62300", "Lens"), ("80000", "Amiens"),
    ("51100", "Reims"), ("57000", "Metz"), ("54000", "Nancy"), ("25000", "Besançon"),
    ("64100", "Bayonne"), ("65000", "Tarbes"), ("12000", "Rodez"), ("46100", "Figeac"),
    ("23000", "Guéret"), ("15000", "Aurillac"), ("48000", "Mende"), ("04000", "Digne-les-Bains"),
    ("05000", "Gap"), ("09000", "Foix"), ("82000", "Montauban"), ("56100", "Lorient"),
    ("22000", "Saint-Brieuc"), ("50100", "Cherbourg-en-Cotentin"), ("14000", "Caen"),
    ("72000", "Le Mans"), ("37000", "Tours"), ("18000", "Bourges"), ("03100", "Montluçon"),
    ("71100", "Chalon-sur-Saône"), ("26000", "Valence"), ("84000", "Avignon"), ("30900", "Nîmes"),
    ("66000", "Perpignan"), ("11100", "Narbonne"), ("40000", "Mont-de-Marsan"),
    ("17000", "La Rochelle"), ("79000", "Niort"), ("85000", "La Roche-sur-Yon"),
    ("88000", "Épinal"), ("70000", "Vesoul"), ("39000", "Lons-le-Saunier"), ("74000", "Annecy"),
    ("73000", "Chambéry"), ("08000", "Charleville-Mézières"), ("02100", "Saint-Quentin"),
    ("27000", "Évreux"), ("61000", "Alençon"), ("53000", "Laval"),
]  # fmt: skip
OVERSEAS = [
    ("97110", "Pointe-à-Pitre"), ("97139", "Les Abymes"), ("97200", "Fort-de-France"),
    ("97232", "Le Lamentin"), ("97300", "Cayenne"), ("97310", "Kourou"),
    ("97320", "Saint-Laurent-du-Maroni"), ("97400", "Saint-Denis"), ("97410", "Saint-Pierre"),
    ("97430", "Le Tampon"), ("97600", "Mamoudzou"), ("97615", "Pamandzi"),
    ("97190", "Le Gosier"), ("97460", "Saint-Paul"),
]  # fmt: skip
CORSICA = [
    ("20000", "Ajaccio"), ("20200", "Bastia"), ("20110", "Propriano"), ("20250", "Corte"),
    ("20137", "Porto-Vecchio"), ("20220", "L'Île-Rousse"), ("20260", "Calvi"),
    ("20169", "Bonifacio"),
]  # fmt: skip
STREET_TYPES = [
    ("rue", 40), ("avenue", 10), ("chemin", 10), ("impasse", 7), ("allée", 6), ("route", 6),
    ("place", 4), ("boulevard", 4), ("lotissement", 3), ("square", 2), ("quai", 2),
    ("cours", 2), ("passage", 2), ("sentier", 1), ("traverse", 1), ("montée", 1), ("rond-point", 1),
]  # fmt: skip
STREET_NAMES = [
    "des Lilas", "du Moulin", "de la Gare", "des Écoles", "du Stade", "des Acacias", "de la Paix",
    "des Vignes", "du Château d'Eau", "des Cerisiers", "de l'Église", "du Port", "des Mimosas",
    "des Flamboyants", "de la Source", "du Lavoir", "des Hirondelles", "de Bretagne",
    "des Peupliers", "du 8 Mai 1945", "du 19 Mars 1962", "des Bleuets", "de la Croix Blanche",
    "des Canuts", "du Bois Joli", "de la Résistance", "des Frères Lumière", "Jean Jaurès",
    "Victor Hugo", "Pasteur", "Gambetta", "Aimé Césaire", "Frantz Fanon", "Pascal Paoli",
    "du Général Leclerc", "Simone Veil", "Jules Ferry", "Émile Zola",
]  # fmt: skip
EPONYMS = [
    "Jean Moulin", "Louise Michel", "Marie Curie", "Jacques Prévert", "Aimé Césaire",
    "Gaston Monnerville", "Félix Éboué", "Lucie Aubrac", "Olympe de Gouges", "Pierre Mendès France",
    "Joséphine Baker", "Germaine Tillion", "Paul Langevin", "Louis Aragon", "Nelson Mandela",
    "Jean-Baptiste Clément", "Danielle Casanova", "Léopold Sédar Senghor", "Camille Claudel",
    "Hubert Curien",
]  # fmt: skip
LIEUX = ["Les Granges", "La Bastide", "Le Pradel", "Les Hauts de Bellevue", "Kerlann",
         "Morne Rouge", "Bois-Debout", "La Ravine", "Petit-Bourg Haut", "Les Crozes"]  # fmt: skip
RESIDENCES = ["Les Tilleuls", "Le Clos Fleuri", "Les Jardins d'Émeraude", "Bellevue",
              "Les Balcons du Lac", "Le Parc Montaigne", "Les Alizés", "Horizon Sud"]  # fmt: skip

MONTHS = ("janvier février mars avril mai juin juillet août septembre octobre novembre "
          "décembre").split()  # fmt: skip
MONTHS_SHORT = "janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.".split()

# fmt: on
# Sensitive topics: predicates said of a subject, [masc|fem] by the subject's gender -------------

PHRASES: dict[str, list[str]] = {
    "sante": [
        "est en arrêt depuis sa rechute de sclérose en plaques",
        "[est suivi|est suivie] au CMP pour des troubles bipolaires",
        "sort d'une chimio",
        "a fait un infarctus en mars",
        "a une RQTH pour surdité",
        "est sous insuline",
        "[est hospitalisé|est hospitalisée] en psychiatrie depuis lundi",
        "est épileptique",
        "prend des antidépresseurs depuis l'hiver",
        "a une hernie discale opérée le mois dernier",
        "est en mi-temps thérapeutique après son burn-out",
        "[est séropositif|est séropositive]",
        "attend les résultats de sa biopsie",
        "[a un cancer de la prostate|a un cancer du sein]",
        "est en cure de désintox pour l'alcool",
        "[souffre de crises de goutte|souffre d'endométriose]",
        "a été [déclaré inapte|déclarée inapte] au poste par le médecin du travail",
        "[est en rééducation après sa fracture du bassin|est enceinte de cinq mois]",
        "fait des crises d'angoisse au guichet",
        "[est malvoyant|est malvoyante]",
        "a la maladie de Crohn",
        "[est dialysé|est dialysée] trois fois par semaine",
        "a un covid long",
        "a fait une tentative de suicide le week-end dernier",
        "a des séances de kiné pour sa lombalgie chronique",
        "est sous Lexomil",
        "a été [opéré|opérée] du genou",
    ],
    "religion": [
        "fait le ramadan",
        "[est musulman pratiquant|est musulmane pratiquante]",
        "va à la messe tous les dimanches",
        "[porte la kippa|porte le voile]",
        "demande à partir tôt le vendredi pour la prière",
        "mange casher",
        "est témoin de Jéhovah",
        "[s'est converti|s'est convertie] au bouddhisme",
        "[est catholique pratiquant|est catholique pratiquante]",
        "pose un congé pour Yom Kippour",
        "fréquente une église évangélique",
        "fait ses prières dans le local d'archives",
        "ne travaille pas le samedi à cause du shabbat",
        "revient du pèlerinage à La Mecque",
        "[est athée convaincu|est athée convaincue]",
        "a été [baptisé|baptisée] adulte l'an dernier",
        "[est protestant|est protestante]",
        "jeûne pendant le carême orthodoxe",
        "porte le turban sikh",
        "fête l'Aïd en famille et a posé sa journée",
        "est catéchiste dans sa paroisse",
        "pratique l'hindouisme",
        "est adventiste du septième jour",
        "se rend à la synagogue pour Roch Hachana",
        "[est imam|est aumônière] le week-end",
    ],
    "opinion_politique": [
        "[est adhérent|est adhérente] à LFI",
        "vote RN depuis toujours",
        "colle des affiches pour Reconquête",
        "[est militant|est militante] chez les Verts",
        "[a été candidat|a été candidate] sur la liste divers gauche aux municipales",
        "[est encarté|est encartée] chez Renaissance",
        "distribue des tracts du PCF le samedi au marché",
        "se dit royaliste",
        "fréquente les milieux anarchistes",
        "[est trésorier|est trésorière] de la section locale du PS",
        "a parrainé un candidat LR",
        "[est gaulliste|est gaulliste] de conviction",
        "est très à l'extrême droite",
        "milite à EELV",
        "[est conseiller municipal d'opposition|est conseillère municipale d'opposition]",
        "vote communiste",
        "[est délégué|est déléguée] de circonscription du MoDem",
        "a sa carte chez Horizons",
        "fait campagne pour le Rassemblement national",
        "[est proche|est proche] de l'ultragauche",
        "[est assesseur|est assesseure] pour le Parti socialiste le jour du scrutin",
        "[est un facho|est une facho] notoire",
        "[est souverainiste|est souverainiste] et adhère à Debout la France",
    ],
    "syndicat": [
        "[est syndiqué|est syndiquée] à la CGT",
        "[est délégué|est déléguée] FO",
        "a pris sa carte à l'UNSA",
        "siège en CAP pour SUD",
        "[est élu|est élue] CFDT au comité social",
        "fait grève jeudi avec la CGT",
        "bénéficie d'une décharge syndicale Solidaires",
        "est secrétaire de section CFE-CGC",
        "tient la permanence du SNES le mardi",
        "[est représentant|est représentante] du personnel sur la liste FSU",
        "cotise au SGEN",
        "[est mandaté|est mandatée] par Alliance Police nationale",
        "milite à l'UFAP-UNSA Justice",
        "[est salarié protégé|est salariée protégée] au titre de son mandat CFTC",
        "a demandé une ASA pour le congrès de la CGT",
        "[est adhérent|est adhérente] du SNUipp",
        "a rejoint le bureau syndical de FO Santé",
        "[est militant|est militante] Sud Éducation",
        "[est défenseur syndical|est défenseure syndicale] à la CFDT",
        "a été [désigné|désignée] par l'UNSA pour la formation spécialisée",
        "[est candidat|est candidate] sur la liste CGT aux élections professionnelles",
        "est au bureau de la section SNEPAP-FSU",
    ],
    "origine": [
        "est d'origine algérienne",
        "[est né au Mali de parents maliens|est née au Mali de parents maliens]",
        "a des origines comoriennes",
        "[est issu|est issue] de la communauté rom",
        "[est métis|est métisse]",
        "parle wolof avec sa famille",
        "a la double nationalité franco-marocaine",
        "est kabyle",
        "[est noir de peau|est noire de peau]",
        "vient d'une famille de harkis",
        "a grandi au Sénégal",
        "a des racines vietnamiennes",
        "[est gitan|est gitane]",
        "est d'origine haïtienne",
        "a un père turc et une mère kurde",
        "[est peul|est peule]",
        "a la peau mate",
        "[est issu|est issue] de l'immigration portugaise",
        "[est tamoul|est tamoule]",
        "a des grands-parents arméniens",
        "[est originaire|est originaire] du Cap-Vert",
        "a pour langue maternelle le lingala",
    ],
    "vie_sexuelle": [
        "[est homo|est lesbienne]",
        "[vit avec son compagnon|vit avec sa compagne]",
        "[est pacsé avec un homme|est pacsée avec une femme]",
        "a fait son coming out",
        "[est bisexuel|est bisexuelle]",
        "[a un petit ami|a une petite amie] depuis deux ans",
        "[a épousé son mari|a épousé sa femme] l'été dernier",
        "est en transition de genre",
        "[est ouvertement gay|est ouvertement lesbienne]",
        "a une liaison avec un collègue marié",
        "[est sur Grindr|est sur une appli de rencontre lesbienne]",
        "[est asexuel|est asexuelle]",
        "est non binaire",
        "[sort avec un mec du 3e étage|sort avec une fille de la compta]",
        "a changé de prénom à l'état civil après sa transition",
        "élève ses enfants avec [son conjoint|sa conjointe]",
        "[est pansexuel|est pansexuelle]",
        "fréquente les clubs libertins",
        "[s'est marié avec un homme|s'est mariée avec une femme]",
        "[a quitté sa femme pour un homme|a quitté son mari pour une femme]",
        "[est trans|est trans]",
    ],
    "genetique_biometrie": [
        "[est porteur|est porteuse] d'une mutation BRCA2",
        "a fait un test ADN de paternité",
        "a enregistré ses empreintes digitales sur la pointeuse",
        "a un syndrome de Klinefelter confirmé par caryotype",
        "a son gabarit facial enregistré dans PARAFE",
        "a son profil ADN au FNAEG",
        "a fait séquencer son génome",
        "a une trisomie 21",
        "a fait un test génétique pour la mucoviscidose",
        "s'est fait dépister pour la chorée de Huntington",
        "a transmis son caryotype au médecin de prévention",
        "a ses empreintes palmaires dans le fichier de la cantine",
        "a fait enregistrer son empreinte vocale pour la banque",
        "a été [identifié|identifiée] par reconnaissance faciale à la gare",
        "a envoyé sa salive à 23andMe",
        "a une hémochromatose génétique",
        "présente un syndrome de l'X fragile",
        "[est porteur|est porteuse] du syndrome de Lynch",
        "déverrouille le coffre avec son empreinte rétinienne",
        "a le gène HLA-B27",
    ],
    "infraction": [
        "a été [condamné|condamnée] pour vol à l'étalage",
        "a fait de la garde à vue le week-end dernier",
        "est sous bracelet électronique",
        "a eu un retrait de permis pour alcoolémie",
        "a été [mis en examen|mise en examen] pour escroquerie",
        "[est sorti|est sortie] de détention à Fleury-Mérogis",
        "a du sursis pour violences conjugales",
        "a un casier pour stupéfiants",
        "a été [flashé|flashée] à 150 sur l'A7",
        "fait des TIG",
        "[est incarcéré|est incarcérée] à la maison d'arrêt de Nîmes",
        "a été [interpellé|interpellée] pour outrage",
        "a pris six mois ferme pour trafic",
        "a été [reconnu coupable|reconnue coupable] de détournement de fonds",
        "est en libération conditionnelle",
        "a eu un rappel à la loi pour dégradations",
        "a été [verbalisé|verbalisée] pour conduite sans assurance",
        "est [poursuivi|poursuivie] pour abus de confiance",
        "a accepté une composition pénale",
        "a été [placé|placée] sous contrôle judiciaire",
        "a une inscription au FIJAIS",
        "a fraudé les allocations et a été [condamné|condamnée] à rembourser",
    ],
}

# Assembly ---------------------------------------------------------------------------------------

TOKEN = re.compile(r"\{([A-Z_0-9]+|e_)(?::([a-z_]+))?\}|<<([a-z_]+):(.*?)>>", re.S)
ALT = re.compile(r"\[([^\[\]|]*)\|([^\[\]|]*)\]")
ACCENTS = str.maketrans("éèêëàâäîïôöûüùçÉÈÊÀÂÎÔÛÇ", "eeeeaaaiioouuucEEEAAIOUC")


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def iban_ok(iban: str) -> bool:
    s = iban.replace(" ", "")
    moved = s[4:] + s[:4]
    number = "".join(str(int(c, 36)) for c in moved)
    return int(number) % 97 == 1


def nir_ok(nir: str) -> bool:
    s = nir.replace(" ", "").replace(".", "")
    body, key = s[:13], s[13:]
    body = body.replace("2A", "19").replace("2B", "18")
    return 97 - int(body) % 97 == int(key)


@dataclass
class Person:
    given: str
    last: str
    female: bool


@dataclass
class Rendered:
    text: str
    spans: list[tuple[int, int, str]]
    values: list[str] = field(default_factory=list)


class Renderer:
    """Fills one template; ``rng`` is the only source of randomness."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        fr_last, other_last, males, females = _faker_names()
        self.fr_last = fr_last
        self.fr_weights = [1 / (i + 1) ** 0.6 for i in range(len(fr_last))]
        self.other_last = other_last
        self.males = males
        self.females = females

    # values ---------------------------------------------------------------------------------
    def person(self, female: bool) -> Person:
        r = self.rng.random()
        if r < 0.66:
            last = self.rng.choices(self.fr_last, self.fr_weights)[0]
            given = self.rng.choice(self.females if female else self.males)
            if self.rng.random() < 0.07:
                particle = self.rng.choice(PARTICLES)
                if particle == "d'" and last[0] not in "AEIOUÉH":
                    particle = "de"
                if not re.match(r"(?:L[ae]|D[aeiu]s?|D') ?", last):
                    last = f"{particle} {last}".replace("d' ", "d'")
            elif self.rng.random() < 0.05:
                last = f"{last}-{self.rng.choices(self.fr_last, self.fr_weights)[0]}"
            if self.rng.random() < 0.08:
                base = self.rng.choice(("Marie", "Anne") if female else ("Jean", "Pierre"))
                given = f"{base}-{given}" if given != base else given
        elif r < 0.74:
            last = self.rng.choice(self.other_last)
            given = self.rng.choice(self.females if female else self.males)
        elif r < 0.86:
            last = self.rng.choice(MAGHREB_LAST)
            given = self.rng.choice(MAGHREB_F if female else MAGHREB_M)
        elif r < 0.91:
            last = self.rng.choice(AFRICA_LAST)
            given = self.rng.choice(AFRICA_F if female else AFRICA_M)
        elif r < 0.95:
            last = self.rng.choice(IBERIA_LAST)
            given = self.rng.choice(IBERIA_F if female else IBERIA_M)
        elif r < 0.965:
            last = self.rng.choice(TURK_LAST)
            given = self.rng.choice(TURK_F if female else TURK_M)
        elif r < 0.985:
            last = self.rng.choice(ASIA_LAST)
            given = self.rng.choice(ASIA_F if female else ASIA_M)
        else:
            last = self.rng.choice(OCEAN_LAST)
            given = self.rng.choice(self.females if female else self.males)
        return Person(given, last, female)

    def name_form(self, p: Person, allow_single: bool = True) -> str:
        forms = ["GN", "GN", "GN", "NG_CAPS", "G_NCAPS", "gn", "NG"]
        if allow_single:
            forms += ["N", "N", "G"]
        form = self.rng.choice(forms)
        if form == "GN":
            return f"{p.given} {p.last}"
        if form == "NG_CAPS":
            return f"{p.last.upper()} {p.given}"
        if form == "G_NCAPS":
            return f"{p.given} {p.last.upper()}"
        if form == "gn":
            return f"{p.given} {p.last}".lower()
        if form == "NG":
            return f"{p.last} {p.given}"
        if form == "N":
            return p.last
        return p.given

    def commune(self) -> tuple[str, str]:
        r = self.rng.random()
        if r < 0.14:
            return self.rng.choice(OVERSEAS)
        if r < 0.26:
            return self.rng.choice(CORSICA)
        return self.rng.choice(COMMUNES)

    def street(self) -> str:
        kind = self.rng.choices([k for k, _ in STREET_TYPES], [w for _, w in STREET_TYPES])[0]
        return f"{kind} {self.rng.choice(STREET_NAMES)}"

    def address(self, multiline: bool = False) -> str:
        cp, town = self.commune()
        r = self.rng.random()
        number = str(
            self.rng.choice([1, 2, 3, 4, 5, 7, 8, 11, 12, 14, 17, 21, 25, 33, 48, 102, 140])
        )
        if self.rng.random() < 0.2:
            number += self.rng.choice([" bis", " ter", "bis", "B", " bis"])
        if r < 0.45:
            line1 = f"{number} {self.street()}"
        elif r < 0.55:
            line1 = self.street()[0].upper() + self.street()[1:]
        elif r < 0.65:
            line1 = f"lieu-dit {self.rng.choice(LIEUX)}"
        elif r < 0.77:
            res = self.rng.choice(RESIDENCES)
            bat = self.rng.choice("ABCDE")
            app = self.rng.randint(1, 64)
            line1 = self.rng.choice(
                [
                    f"Résidence {res}, bât. {bat}, appt {app}, {number} {self.street()}",
                    f"Rés. {res} bâtiment {bat} apt {app} - {number} {self.street()}",
                    f"appartement {app}, {number} {self.street()}",
                ]
            )
        elif r < 0.85:
            line1 = f"{number} {self.street()}, BP {self.rng.randint(10, 480)}"
        else:
            line1 = f"{number} {self.street()}"
        if multiline:
            sep = self.rng.choice(["\n", "\n", "\n  "])
        else:
            sep = self.rng.choice([", ", ", ", " ", " - ", " – "])
        tail = f"{cp} {town}"
        if self.rng.random() < 0.15:
            tail = tail.upper()
        if self.rng.random() < 0.06 and "BP" in line1:
            tail += " Cedex"
        text = f"{line1}{sep}{tail}"
        if self.rng.random() < 0.08:
            text = text.lower()
        return text

    def phone(self) -> str:
        r = self.rng.random()
        if r < 0.12:
            prefix = self.rng.choice(["0690", "0694", "0696", "0639", "0692", "0693"])
            digits = prefix + "".join(str(self.rng.randint(0, 9)) for _ in range(6))
        else:
            first = self.rng.choice(["06", "06", "07", "07", "01", "02", "03", "04", "05", "09"])
            digits = first + "".join(str(self.rng.randint(0, 9)) for _ in range(8))
        style = self.rng.randint(0, 5)
        pairs = [digits[i : i + 2] for i in range(0, 10, 2)]
        if style == 0:
            return " ".join(pairs)
        if style == 1:
            return ".".join(pairs)
        if style == 2:
            return digits
        if style == 3:
            return "+33 " + digits[1] + " " + " ".join(pairs[1:])
        if style == 4:
            return "-".join(pairs)
        return "+33" + digits[1:]

    def email(self, p: Person, personal: bool = False) -> str:
        g = _ascii(p.given.lower()).replace(" ", "").replace("'", "")
        n = _ascii(p.last.lower()).replace(" ", "").replace("'", "")
        local = self.rng.choice(
            [f"{g}.{n}", f"{g}{n}", f"{g[0]}{n}", f"{g}.{n}{self.rng.randint(1, 99)}", f"{n}.{g}",
             f"{g}_{n}"]
        )  # fmt: skip
        domain = self.rng.choice(
            ["gmail.com", "orange.fr", "laposte.net", "free.fr", "hotmail.fr", "yahoo.fr", "sfr.fr",
             "interieur.gouv.fr", "justice.fr", "ac-creteil.fr", "ac-reunion.fr", "aphp.fr",
             "chu-lille.fr", "intradef.gouv.fr", "developpement-durable.gouv.fr", "icloud.com"]
        )  # fmt: skip
        personal_domains = ("gmail.com", "orange.fr", "laposte.net", "free.fr", "hotmail.fr",
                            "yahoo.fr", "sfr.fr", "icloud.com")  # fmt: skip
        if personal and domain not in personal_domains:
            domain = personal_domains[len(local) % len(personal_domains)]
        return f"{local}@{domain}"

    def birth(self, young: bool = False) -> str:
        y = self.rng.randint(2010, 2015) if young else self.rng.randint(1948, 2006)
        m = self.rng.randint(1, 12)
        d = self.rng.randint(1, 28)
        style = self.rng.randint(0, 6)
        if style == 0:
            return f"{d:02d}/{m:02d}/{y}"
        if style == 1:
            return f"{d:02d}.{m:02d}.{y % 100:02d}"
        if style == 2:
            return f"{d} {MONTHS[m - 1]} {y}"
        if style == 3:
            return f"{y}-{m:02d}-{d:02d}"
        if style == 4:
            return f"{d:02d}-{m:02d}-{y}"
        if style == 5:
            return f"{'1er' if d == 1 else d} {MONTHS_SHORT[m - 1]} {y}"
        return f"{d}/{m}/{y % 100:02d}"

    def nir(self, female: bool) -> str:
        sex = "2" if female else "1"
        yy = f"{self.rng.randint(50, 99):02d}"
        mm = f"{self.rng.randint(1, 12):02d}"
        r = self.rng.random()
        if r < 0.1:
            dept = self.rng.choice(["2A", "2B"])
            com = f"{self.rng.randint(1, 360):03d}"
        elif r < 0.2:
            dept = self.rng.choice(["97", "97"])
            com = f"{self.rng.choice([1, 2, 3, 4, 6])}{self.rng.randint(1, 60):02d}"
        elif r < 0.27:
            dept = "99"
            com = f"{self.rng.choice([350, 352, 341, 134, 243, 139]):03d}"
        else:
            dept = f"{self.rng.choice(list(range(1, 96))):02d}"
            if dept == "20":
                dept = "21"
            com = f"{self.rng.randint(1, 600):03d}"
        order = f"{self.rng.randint(1, 999):03d}"
        body = sex + yy + mm + dept + com + order
        key = 97 - int(body.replace("2A", "19").replace("2B", "18")) % 97
        parts = [sex, yy, mm, dept, com, order, f"{key:02d}"]
        style = self.rng.randint(0, 2)
        if style == 0:
            return " ".join(parts)
        if style == 1:
            return "".join(parts)
        return "".join(parts[:6]) + f" {key:02d}"

    def iban(self) -> str:
        r = self.rng.random()
        if r < 0.75:
            bank = f"{self.rng.choice([30004, 20041, 10278, 30003, 11006, 16606, 12135, 10107, 18206]):05d}"
            guichet = f"{self.rng.randint(0, 99999):05d}"
            account = f"{self.rng.randint(0, 10**11 - 1):011d}"
            rib = 97 - (89 * int(bank) + 15 * int(guichet) + 3 * int(account)) % 97
            bban = f"{bank}{guichet}{account}{rib:02d}"
            country = "FR"
        elif r < 0.85:
            bban = f"{self.rng.randint(0, 10**12 - 1):012d}"
            country = "BE"
        elif r < 0.93:
            bban = f"{self.rng.randint(0, 10**18 - 1):018d}"
            country = "DE"
        else:
            bban = f"{self.rng.randint(0, 10**21 - 1):021d}"
            country = "PT"
        numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
        check = 98 - int(numeric) % 97
        raw = f"{country}{check:02d}{bban}"
        if self.rng.random() < 0.7:
            return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))
        return raw

    def card(self) -> str:
        r = self.rng.random()
        if r < 0.55:
            prefix, length = "4" + str(self.rng.randint(0, 9)), 16
        elif r < 0.85:
            prefix, length = str(self.rng.randint(51, 55)), 16
        else:
            prefix, length = self.rng.choice(["34", "37"]), 15
        body = prefix + "".join(
            str(self.rng.randint(0, 9)) for _ in range(length - len(prefix) - 1)
        )
        for last in "0123456789":
            if luhn_ok(body + last):
                number = body + last
                break
        if length == 15:
            return f"{number[:4]} {number[4:10]} {number[10:]}"
        if self.rng.random() < 0.75:
            return " ".join(number[i : i + 4] for i in range(0, 16, 4))
        return number


def _agree(text: str, female: bool) -> str:
    """Resolves every ``[masc|fem]`` by the subject's gender."""
    return ALT.sub(lambda m: m.group(2) if female else m.group(1), text)


def _ascii(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


# Templates: see devtools/pii_corpus_test9_templates (kept in this module below) -----------------

# fmt: off
# Each entry: (family, template). Families ending in "_chat" are lower-cased when rendered.
TEMPLATES: list[tuple[str, str]] = [
    # names: hospital administration, prisons, schools, prefectures, army, social services ---
    ("names", "Bonjour, le bureau des admissions me demande de rappeler {CIV} {NOMFAM} pour sa prise en charge, vous pouvez me faire un modèle de SMS ?"),
    ("names", "Peux-tu reformuler ce compte rendu de CAP : le dossier de {NOMF} est reporté faute de pièces."),
    ("names", "Objet : affectation au quartier maison d'arrêt\nLe surveillant {NOMF} rejoint l'équipe de nuit à compter du 4."),
    ("names", "Rédige une réponse polie à {NOM2} qui demande pourquoi son badge ne marche plus"),
    ("names", "CR réunion équipe éducative 3e B\nPrésents : {NOM2}, {NOM3}, CPE, infirmière\nAbsent excusé : {NOMF}"),
    ("names", "Le capitaine {NOMFAM} demande une attestation de service pour le sergent-chef {NOM2}."),
    ("names", "Merci de transmettre le dossier RSA de {NOMF} à l'assistante sociale de secteur."),
    ("names", "ticket #48213 | ouvert par {NOMF} | catégorie : imprimante | statut : en attente"),
    ("names", "{NOMUP}, agent d'accueil, est en formation toute la semaine."),
    ("names", "quelqu'un sait si {NOM} a fini le tableau des astreintes ?"),
    ("names", "Inspection du travail – visite du chantier de la ZAC : rencontré le chef de chantier, {CIV} {NOMFAM}, et le coordinateur SPS {NOM2}."),
    ("names", "Pouvez-vous vérifier l'orthographe du nom : {NOMF} ou {NOM2} ? Le greffe a deux versions."),
    ("names", "Merci {PRENOM} pour ton retour rapide !"),
    ("names", "Cc : {NOMF} ; {NOM2}\nObjet : planning des gardes de décembre"),
    ("names", "traduis en anglais : « {CIV} {NOMFAM} will attend the NATO briefing on Monday »"),
    ("names", "la mère de l'élève, {CIV} {NOMFAM}, conteste la sanction, comment je formule la réponse du chef d'établissement ?"),
    ("names", "{\"demandeur\": \"{NOMF}\", \"service\": \"DRH\", \"priorite\": 2}"),
    ("names", "nom;prenom;grade\n{NOMFAM_UP};{PRENOM};adjoint administratif"),
    ("names", "D'après {CIV} {NOMFAM}, la commission de sécurité passera mardi."),
    ("names", "Je remplace {NOMF} pendant son congé, à qui dois-je envoyer les parapheurs ?"),
    ("names", "rappel : entretien annuel de {NOM} avec {NOM2} reporté à jeudi 10h"),
    ("names", "Le juge d'application des peines a reçu {NOMF} ce matin ; prévoir la note au greffe."),
    ("names", "Le Dr {NOMFAM} assure l'astreinte de néphrologie ce week-end."),
    ("names", "Bonsoir, peux tu faire un mot d'excuse pour {PRENOM} qui a raté le car scolaire"),
    ("names", "Délégation de signature accordée à {NOMF}, attaché principal, pour les congés du bureau."),
    ("names", "Me {NOMFAM}, avocat de la partie adverse, demande la communication du dossier."),
    ("names", "ok je vois avec {PRENOM} demain et je te redis"),
    ("names", "Adjudant {NOMFAM_UP} – permission exceptionnelle du 12 au 15, visa du chef de corps."),
    ("names", "voice 00:42 : oui bonjour c'est {NOMF} de la préfecture je rappelle pour le titre de séjour de madame {NOMFAM2} merci de me rappeler"),
    ("names", "OCR p.2 : Je soussi-\ngné {NOMF}, cer-\ntifie sur l'honneur"),
    ("names", "Le bilan de la MDPH pour le jeune {NOMGN} est arrivé, tu peux le résumer ?"),
    ("names", "Liste d'émargement formation gestes et postures : {NOM2}, {NOM3}, {NOMF}."),
    ("names", "Pour info, {NOMF} (cadre de santé, pôle gériatrie) part à la retraite fin mars."),
    ("names", "Avis de la commission : favorable pour {CIV} {NOMF}, défavorable pour {NOM2}."),
    ("names", "Écris un mot de bienvenue pour {NOMF} qui arrive au bureau des étrangers lundi."),
    ("names", "Tu peux relancer {NOM} ? Il manque toujours la fiche de poste."),
    ("names", "> Le 3 mars, {NOMF} a écrit :\n> Je serai absent demain.\nBien noté, merci."),
    ("names", "Matricule 4471 – {NOMUP} – 2e compagnie – retour de mission OPEX."),
    ("names", "Bonjour Mme {NOMFAM}, votre demande de mutation a bien été reçue."),
    ("names", "Le conseil de discipline de l'élève {NOMF} est fixé au 14 à 17h."),
    ("names", "pouvez vous m'aider a ecrire au proviseur pour mon fils {NOMGN} qui est harcelé en classe"),
    ("names", "Tableau de service infirmier : nuit du 7 → {NOM2} / {NOMF}"),
    ("names", "signalement reçu de la part de {NOMF} concernant le bruit au 2e étage de l'internat"),
    ("names", "Le commissaire enquêteur {NOMF} tiendra sa permanence en mairie."),
    ("names", "Bonjour,\nVoici le courrier corrigé.\nBien à vous,\n{NOMF}\nGestionnaire RH"),
    # addresses ---------------------------------------------------------------------------
    ("addr", "Changement d'adresse de l'agent {NOMF} : désormais {ADR}."),
    ("addr", "Je suis domicilié{e_} au {ADR}, est-ce que je dépends de la sous-préfecture ?"),
    ("addr", "Adresse de correspondance :\n{NOMF}\n{ADRML}"),
    ("addr", "Bonjour, pouvez-vous écrire à la famille {NOMFAM} qui habite {ADR} pour la bourse ?"),
    ("addr", "Fiche de liaison SPIP – lieu d'hébergement déclaré : {ADR} (chez sa sœur)."),
    ("addr", "ma nouvelle adresse perso c'est {ADR} si tu peux mettre à jour"),
    ("addr", "Le patient sort demain, retour au domicile : {ADR}. Prévoir l'ambulance."),
    ("addr", "adresse;{ADR}\nnom;{NOMF}"),
    ("addr", "Pour l'enquête sociale, la visite à domicile aura lieu {ADR} le 9 à 14h."),
    ("addr", "Notification à envoyer en RAR à {CIV} {NOMFAM}, {ADR}."),
    ("addr", "{\"nom\": \"{NOMF}\", \"adresse\": \"{ADR}\", \"statut\": \"à vérifier\"}"),
    ("addr", "Le militaire {NOMF} réside hors enceinte : {ADR}. Indemnité de logement à calculer."),
    ("addr", "Expéditeur :\n{NOMF}\n{ADRML}\n\nObjet : recours gracieux"),
    ("addr", "vs pouvez envoyer l'attestation à mon adresse : {ADR} merci d'avance"),
    ("addr", "Elle a déménagé, sa nouvelle adresse est {ADR}, il faut prévenir la CAF."),
    ("addr", "Lieu de résidence habituel de l'enfant : chez le père, {ADR}."),
    ("addr", "OCR courrier : {NOMUP}\n{ADRML}\nRéf : votre lettre du 2 mai"),
    ("addr", "Domicile de l'agent (pour les frais de déplacement) : {ADR}"),
    ("addr", "J'habite au {ADR} et le bus scolaire ne passe plus, à qui m'adresser ?"),
    ("addr", "Détenu libérable : adresse de sortie {ADR}, à vérifier par le SPIP."),
    ("addr", "L'huissier n'a pas trouvé {NOMF} à l'adresse indiquée ({ADR})."),
    ("addr", "Bonjour, je vous confirme mon adresse pour la carte grise : {ADRML}"),
    ("addr", "réf dossier 2025-0412 | {NOMF} | {ADR} | relance 2"),
    # contacts: phones and mails ------------------------------------------------------------
    ("contact", "Tu peux joindre {NOMF} sur son portable au {TEL} après 18h."),
    ("contact", "Le numéro de la mère de l'élève : {TEL} (elle préfère les SMS)."),
    ("contact", "mon numéro perso a changé, c'est {TEL} maintenant"),
    ("contact", "Mettez {MAILP} en copie, c'est l'adresse perso de {NOMF}."),
    ("contact", "{NOMF}\nChargé de mission handicap\nLigne directe : {TEL}\n{MAIL}"),
    ("contact", "De : {NOMF} <{MAIL}>\nÀ : bureau.personnel@ac-lille.fr\nObjet : demande de temps partiel"),
    ("contact", "Rappeler le fils du résident au {TEL} pour la facturation."),
    ("contact", "Contact astreinte cadre ce week-end : {NOMF}, portable perso {TEL}"),
    ("contact", "Écris un mail à {MAIL} pour lui dire que son dossier est complet."),
    ("contact", "nom,tel,mail\n{NOMF},{TEL},{MAIL}"),
    ("contact", "message vocal : bonjour c'est {PRENOM} vous pouvez me rappeler au {TEL} c'est pour l'inscription à la cantine"),
    ("contact", "Le lieutenant {NOMFAM} est joignable sur son perso : {TEL}."),
    ("contact", "Merci de répondre directement à {MAIL} et pas à la boîte du service."),
    ("contact", "pour le covoit vers le CHU appelle moi au {TEL}"),
    ("contact", "Coordonnées du tuteur : {NOMF}, {TEL}, {MAIL}"),
    ("contact", "Transfert : {MAIL} a écrit : « je ne pourrai pas venir à la réunion »"),
    ("contact", "L'ancien numéro {TEL} de {NOMF} ne répond plus, tu as le nouveau ?"),
    ("contact", "Cordialement,\n{NOMF}\nInspecteur du travail – unité de contrôle 3\nPortable : {TEL}"),
    # identifiers ---------------------------------------------------------------------------
    ("ident", "Pour la mutuelle il me faut ton numéro de sécu : c'est bien {NIR} ?"),
    ("ident", "N° SS de l'agent recruté : {NIR}. Merci de créer le dossier."),
    ("ident", "RIB pour le remboursement des frais de {NOMF} : {IBAN}"),
    ("ident", "je te donne mon iban pour la cagnotte : {IBAN}"),
    ("ident", "Un usager a dicté sa carte au téléphone : {CB}. Que faire ?"),
    ("ident", "Paiement refusé pour la carte {CB}, exp. 09/27, au nom de {NOMF}."),
    ("ident", "NIR : {NIR}\nNom d'usage : {NOMFAM_UP}\nPrénom : {PRENOM}"),
    ("ident", "Date de naissance du patient : {DDN}. Chambre 214."),
    ("ident", "{NOMF}, [né|née] le {DDN} à Fort-de-France, est [affecté|affectée] au pôle logistique."),
    ("ident", "ddn {DDN} ok pour le dossier d'inscription ?"),
    ("ident", "Virement de l'indemnité sur le compte {IBAN} (titulaire : {NOMF})."),
    ("ident", "sa CB c'est {CB} il me l'a envoyée par mail, je la supprime ?"),
    ("ident", "Le détenu {NOMFAM_UP} ({DDN}) est transféré au centre de détention."),
    ("ident", "{\"nir\": \"{NIR}\", \"iban\": \"{IBAN}\"}"),
    ("ident", "Numéro de sécurité sociale erroné sur la fiche de paie : {NIR} au lieu du bon."),
    ("ident", "Joindre un RIB : IBAN {IBAN} – BIC AGRIFRPP"),
    ("ident", "Date et lieu de naissance : {DDN}, Mamoudzou"),
    ("ident", "l'élève est né{e_} le {DDNJ} donc il a bien l'âge pour le stage ?"),
    ("ident", "Régie de la cantine : l'usager a payé avec la carte {CB}, le ticket est illisible."),
    ("ident", "ref achat 0{ORD} – CB {CB} – titulaire {NOMF} – montant 48,20 €"),
    ("ident", "Peux-tu masquer la carte bancaire dans ce mail avant que je le transfère ? « ma carte : {CB} »"),
    ("ident", "Le militaire a laissé sa carte {CB} au mess, on la garde au poste de garde."),
    ("ident", "OCR ticket : CARTE {CB}\nMONTANT 12,00 EUR"),
    ("addr", "Attestation d'hébergement : j'héberge {NOMF} à mon domicile, {ADRML}"),
    ("addr", "Adresse du mineur suivi par la PJJ : {ADR} (foyer maternel)."),
    ("addr", "Le gendarme réserviste {NOMF} habite {ADR}, à 40 minutes de la brigade."),
    ("addr", "{NOMF}\n{ADRML}\nà l'attention du service des pensions"),
    ("addr", "lieu de vie de l'adolescent : {ADR}, chez sa grand-mère"),
    # full records --------------------------------------------------------------------------
    ("record", "Fiche agent : {NOMF} – [né|née] le {DDN} – {ADR} – tél. {TEL}"),
    ("record", "nom : {NOMFAM_UP}\nprénom : {PRENOM}\nDDN : {DDN}\nadresse : {ADRML}\nmail : {MAIL}"),
    ("record", "{NOMFAM_UP};{PRENOM};{DDN};{TEL};{MAIL}"),
    ("record", "Patient : {NOMF}, {DDN}, NIR {NIR}, domicile {ADR}"),
    ("record", "infos stagiaire {NOM} {DDN} {TEL} {ADR}"),
    ("record", "Écrou n° 23-118 | {NOMUP} | né{e_} le {DDN} | adresse déclarée : {ADR}"),
    ("record", "Demandeur : {CIV} {NOMF}\nAdresse : {ADR}\nTéléphone : {TEL}\nIBAN : {IBAN}"),
    ("record", "Peux-tu remplir le CERFA avec : {NOMF}, {DDN}, {ADR}, {MAIL} ?"),
    ("record", "Fiche contact famille (EHPAD) : référent {NOM2} – {TEL} – {MAIL}"),
    ("record", "Engagé volontaire {NOMF}, [né|née] le {DDN}, NIR {NIR}, affecté au 2e RIMa."),
    # topics: generic contexts, the category rotates -----------------------------------------
    ("topic", "Bonjour, pour le dossier de {CIV} {NOMFAM} : [il|elle] {T}, comment adapter son poste ?"),
    ("topic", "Je voudrais savoir si je dois signaler que {NOMF} {T}."),
    ("topic", "entre nous {PRENOM} {T} mais ne le dis à personne"),
    ("topic", "Compte rendu d'entretien : l'agent {T} ; aucune suite à donner à ce stade."),
    ("topic", "Note pour le chef de détention : [le surveillant|la surveillante] {NOMFAM} {T}."),
    ("topic", "rdv avec {NOM} ce matin, [il|elle] m'a confié qu'[il|elle] {T}"),
    ("topic", "Peux-tu reformuler plus neutre : « {NOMF} {T}, il faut en tenir compte dans le planning »"),
    ("topic", "Dans l'équipe on sait tous que [le brigadier|la brigadière] {NOMFAM} {T}."),
    ("topic", "Signalement RPS : [mon collègue|ma collègue] {T} et subit des remarques à ce sujet."),
    ("topic", "Objet : situation de {NOMF}\nBonjour, je vous informe que l'intéressé{e_} {T}. Merci de votre discrétion."),
    ("topic", "transcription vocale : alors pour [monsieur|madame] {NOMFAM} en fait [il|elle] {T} donc voilà il faut voir avec les RH"),
    ("topic", "[Mon adjoint|Mon adjointe] {T}, est-ce que je peux en parler en réunion de service ?"),
    ("topic", "{NOMUP} {T} – à noter dans la fiche de suivi ? Merci de me dire."),
    ("topic", "Au conseil de classe, le professeur principal a dit devant tout le monde que le père de {PRENOM} {T}."),
    ("topic", "Le médecin de prévention m'a indiqué que [le gendarme|la gendarme] {NOMF} {T}."),
    ("topic", "Ticket RH #5521 – demandeur {NOMF} – motif : l'agent {T} et souhaite un aménagement."),
    ("topic", "L'assistante sociale précise que [le locataire|la locataire] {T}."),
    ("topic", "jsp si c'est grave mais {PRENOM} {T}, je fais quoi"),
    ("topic", "Voici mes notes, mets-les au propre : visite à domicile – [M.|Mme] {NOMFAM} {T} – prochaine visite en mars."),
    ("topic", "Est-ce légal de refuser une promotion à [mon agent|mon agente] {NOMFAM}, qui {T} ?"),
    ("topic", "Pendant la visite de l'inspection du travail, [le salarié|la salariée] {NOMF} a déclaré qu'[il|elle] {T}."),
    ("topic", "[Mon voisin de bureau|Ma voisine de bureau] {T} et je ne sais pas comment réagir."),
    ("topic", "Le stagiaire ENA m'a dit que {NOM} {T}, ça pose un souci pour le poste à l'ambassade ?"),
    ("topic", "extrait main courante : {NOMF}, [interrogé|interrogée] sur place, {T}."),
    ("topic", "Bilan annuel – Observations : l'intéressé{e_} {T} (information donnée oralement)."),
    ("topic", "Mail transféré :\n> {NOMF} {T}, merci d'en tenir compte pour les plannings.\nQu'en penses-tu ?"),
    ("topic", "D'après le dossier transmis par la PJJ, le jeune {NOMF} {T}."),
    ("topic", "Lors du recrutement au RSMA, [le volontaire|la volontaire] {NOMF} {T}."),
    ("topic", "info importante sur {NOM} : [il|elle] {T}"),
    ("topic", "nom;observation\n{NOMF};{T}"),
    ("topic", "Mme la directrice, je me permets de vous informer que l'aide-soignant{e_} {NOMFAM} {T}."),
    ("topic", "Mon supérieur répète à tout le monde que je suis [le seul|la seule] du bureau qui {T}, c'est du harcèlement ?"),
    ("topic", "Réunion de synthèse (ASE) : la mère de l'enfant {T}, le père est absent."),
    ("topic", "Le capitaine nous a dit que [le caporal|la caporale] {NOMFAM} {T}, doit-on le noter ?"),
    ("topic", "Comment annoncer à l'équipe que {NOMF} {T} sans le stigmatiser ?"),
    ("topic", "réponse rapide svp : [mon collègue|ma collègue] {T}, peut-[il|elle] être [muté|mutée] d'office ?"),
    ("topic", "Dans son courrier de recours, {CIV} {NOMFAM} explique qu'[il|elle] {T}."),
    ("topic", "Le surveillant a noté dans CEL que le détenu {NOMFAM} {T}."),
    ("topic", "Pendant la pause {PRENOM} nous a raconté qu'[il|elle] {T} depuis l'année dernière, je trouve ça courageux."),
    ("topic", "Résumé de l'audition : le témoin {NOMF} {T}."),
    ("topic", "| agent | remarque |\n|---|---|\n| {NOMF} | {T} |"),
    ("topic", "[ticket 3321] demandeur={NOMF} ; commentaire=\"l'agent {T}\""),
    ("topic", "mémo vocal euh donc {NOMF} euh {T} voilà faut en parler au chef"),
    ("topic", "Extrait du registre de l'unité sanitaire : le détenu {NOMUP} {T}."),
    ("topic", "Fiche navette préfecture vers DDETS : demandeur {NOMF}, l'intéressé{e_} {T}."),
    ("topic", "Rapport du chef de section (quartier de Cayenne) : [le soldat|la soldate] {NOMFAM} {T}."),
    ("topic", "Inspection du travail, audition du {DATE} : [M.|Mme] {NOMFAM} indique que son responsable lui reproche qu'[il|elle] {T}."),
    ("topic", "obs. AS 12/01 : [Mr|Mme] {NOMFAM} {T}, orientation vers le CCAS"),
    # topics: category-specific phrasings in other shapes -------------------------------------
    ("sante", "Certificat transmis : {NOMF}, <<sante:arrêt de travail pour lombosciatique>> jusqu'au 20."),
    ("sante", "je suis en arrêt pour <<sante:dépression>> depuis 3 semaines, je dois prévenir qui ?"),
    ("sante", "Demande de congé longue maladie de {NOMF} (<<sante:pathologie cancéreuse>>) à présenter au conseil médical."),
    ("sante", "{NOMF} <<sante:a été [admis|admise] aux urgences>> hier soir, je prends son service."),
    ("sante", "Motif d'absence : <<sante:séance de chimiothérapie>> — {NOMF}"),
    ("sante", "[mon fils|ma fille] {PRENOM} <<sante:est [autiste|autiste]>>, est-ce qu'il y a une AESH au collège ?"),
    ("religion", "Demande d'autorisation d'absence de {NOMF} pour <<religion:la fête de l'Aïd el-Kébir>>."),
    ("religion", "je suis <<religion:[juif pratiquant|juive pratiquante]>>, est-ce que je peux refuser une formation le samedi ?"),
    ("religion", "Le détenu {NOMFAM_UP} <<religion:demande des repas halal et un tapis de prière>>."),
    ("religion", "{NOMF} <<religion:s'est [converti|convertie] à l'islam>> et souhaite changer de prénom d'usage."),
    ("religion", "infirmier{e_} {NOMF} – <<religion:refuse les transfusions, témoin de Jéhovah>> – à signaler au cadre ?"),
    ("opinion_politique", "Le collègue {NOMF} <<opinion_politique:(LFI)>> a pris la parole pendant la réunion."),
    ("opinion_politique", "Candidature de {NOMF}, <<opinion_politique:[tête de liste|tête de liste] Rassemblement national>> à Hénin, incompatible avec son poste ?"),
    ("opinion_politique", "Mon chef <<opinion_politique:vote Zemmour>> et le fait savoir à tout le monde."),
    ("opinion_politique", "{NOMF} <<opinion_politique:a été [élu|élue] sous l'étiquette Les Républicains>> au conseil départemental."),
    ("opinion_politique", "j'ai vu {PRENOM} <<opinion_politique:tracter pour Lutte ouvrière>> devant la gare"),
    ("syndicat", "Liste des grévistes du 5 : {NOMF}, {NOM2} — <<syndicat:grève CGT>>."),
    ("syndicat", "{NOMF} <<syndicat:(FO)>> demande à être [reçu|reçue] avant la CAP."),
    ("syndicat", "je suis <<syndicat:[syndiqué|syndiquée] chez SUD Santé>>, je peux assister au CSE ?"),
    ("syndicat", "Heures de délégation de {NOMF} <<syndicat:au titre de la CFDT>> : 20 h ce mois-ci."),
    ("syndicat", "{NOMF} <<syndicat:a quitté la CGT pour rejoindre l'UNSA>> cette année."),
    ("origine", "{NOMF} <<origine:est [né|née] aux Comores et [arrivé|arrivée] à Mayotte enfant>>."),
    ("origine", "Dans le rapport, l'usager est décrit comme <<origine:« de type nord-africain »>>, c'est acceptable ?"),
    ("origine", "Le collègue {NOMF} <<origine:est d'origine sénégalaise>> et parle aux familles en wolof."),
    ("origine", "je suis <<origine:[d'origine marocaine|d'origine marocaine]>> et on me demande toujours mes papiers au guichet"),
    ("origine", "{PRENOM} <<origine:a des parents cambodgiens>>, ça peut aider pour la traduction ?"),
    ("vie_sexuelle", "{NOMF} et <<vie_sexuelle:[son compagnon|sa compagne]>> {PART} demandent un logement de fonction commun."),
    ("vie_sexuelle", "{PART}, <<vie_sexuelle:[le conjoint|la conjointe]>> de {NOMF}, a appelé pour l'arrêt maladie."),
    ("vie_sexuelle", "Demande de rapprochement de conjoint : {NOMF}, <<vie_sexuelle:[pacsé avec|pacsée avec]>> {PART}, affecté{e_} en Guyane."),
    ("vie_sexuelle", "Faire-part : <<vie_sexuelle:mariage de>> {NOMF} et {PART} le 14 juin à la mairie du 11e."),
    ("vie_sexuelle", "[mon collègue|ma collègue] <<vie_sexuelle:vit avec [un homme|une femme]>>, les autres font des blagues, je fais quoi"),
    ("vie_sexuelle", "[Monsieur|Madame] {NOMFAM} <<vie_sexuelle:et [son mari|sa femme]>> {PART} seront présents au pot de départ."),
    ("vie_sexuelle", "Dossier de congé : {NOMF} souhaite un congé pour <<vie_sexuelle:le PACS avec [son compagnon|sa compagne]>> {PART}."),
    ("vie_sexuelle", "{PART}, <<vie_sexuelle:qui partage la vie de>> {NOMF}, est la personne à prévenir en cas d'accident."),
    ("genetique_biometrie", "{NOMF} <<genetique_biometrie:refuse de donner ses empreintes>> pour le nouveau contrôle d'accès."),
    ("genetique_biometrie", "Résultat du test : {NOMF} <<genetique_biometrie:[porteur sain|porteuse saine] de la drépanocytose>>."),
    ("genetique_biometrie", "mon père m'a fait faire <<genetique_biometrie:un test ADN>> pour savoir si j'étais son fils"),
    ("genetique_biometrie", "Prélèvement ADN de {NOMF} <<genetique_biometrie:inscrit au FNAEG>> après la garde à vue."),
    ("genetique_biometrie", "Le <<genetique_biometrie:gabarit biométrique de la main>> de {NOMFAM} n'est plus reconnu par le portique."),
    ("infraction", "Enquête administrative : {NOMF} <<infraction:a été [condamné|condamnée] en 2019 pour conduite en état d'ivresse>>."),
    ("infraction", "B2 du casier de {NOMF} : <<infraction:une mention pour violences volontaires>>."),
    ("infraction", "le fils de {NOMF} <<infraction:a été [arrêté|arrêté] pour deal>> devant le lycée"),
    ("infraction", "{NOMF} <<infraction:purge une peine de 3 ans>> au centre pénitentiaire de Ducos."),
    ("infraction", "je me suis fait <<infraction:retirer 6 points pour téléphone au volant>>, ça compte pour le concours ?"),
    ("infraction", "Stagiaire {NOMF} : <<infraction:fiche de recherche pour vol aggravé>>, stage annulé."),
    # several topics in one message ---------------------------------------------------------
    ("multi", "Bonjour, je prépare la commission de réforme. {NOMF} {T:sante} ; par ailleurs [il|elle] {T:syndicat}. Dois-je le mentionner ?"),
    ("multi", "Note confidentielle : {NOMF} {T:infraction} et {T:origine}. À ne pas diffuser."),
    ("multi", "entretien de {PRENOM} : [il|elle] {T:religion}, {T:vie_sexuelle}, et on lui fait des remarques. RPS ?"),
    ("multi", "Le chef de service écrit que [l'adjoint|l'adjointe] {NOMFAM} {T:opinion_politique} et {T:genetique_biometrie}. C'est pertinent dans un rapport ?"),
    ("multi", "Bonjour,\nSuite à notre échange, je vous confirme que {NOMF} ({DDN}) {T:sante}. [Il|Elle] {T:religion} et souhaite un aménagement pendant cette période.\nCordialement,\n{NOM2}"),
    ("multi", "Pour la synthèse ASE : la mère {T_F:origine}, le père {T_M:infraction}, l'aîné {T_M:sante}."),
    # long paragraphs -----------------------------------------------------------------------
    ("long", "Bonjour à tous, petit point d'organisation avant les fêtes. {NOMF} sera en congé du 20 au 3, {NOM2} assure l'intérim. Pour les urgences, appelez-[le|la] sur son portable au {TEL}. Les dossiers de la semaine sont dans le partage, merci de ne pas les déplacer. Bonne fin de semaine."),
    ("long", "Madame, Monsieur, je me permets de vous écrire au sujet de ma demande de logement social déposée il y a deux ans. Je vis actuellement au {ADR} avec mes trois enfants dans un deux-pièces. Vous pouvez me joindre au {TEL}. Je vous remercie par avance. {NOMF}"),
    ("long", "Rapport d'incident – nuit du 12 au 13. À 2h15, [le patient|la patiente] de la chambre 8, {NOMF}, [né|née] le {DDN}, a chuté en se levant. L'infirmière de garde, {NOM2}, a prévenu l'interne. Pas de lésion visible, surveillance renforcée."),
    ("long", "Bonjour, je suis [gestionnaire|gestionnaire] à la plateforme MOI de la préfecture et j'ai besoin d'aide pour une réponse. {CIV} {NOMFAM} a déposé un dossier de naturalisation en 2023, [il|elle] vit au {ADR} et [il|elle] {T}. Comment rédiger le courrier d'ajournement sans mentionner cela ?"),
    ("long", "Synthèse de la visite de contrôle de l'entreprise de BTP : le gérant, {NOMF}, était présent. Deux salariés sans déclaration préalable ont été identifiés, dont {NOM2}. Le coordonnateur joignable au {TEL} doit transmettre le registre du personnel sous 8 jours."),
    ("long", "salut, je t'envoie les infos pour la cagnotte de {PRENOM} qui part à la retraite : on a déjà 240 €, il manque les gens du 2e. Mon iban c'est {IBAN}. Le pot c'est vendredi 16h en salle Jean Moulin, apportez des verres svp"),
    ("long", "Objet : réclamation\nBonjour, mon fils {NOMGN}, [né|née] le {DDNJ}, est scolarisé au collège Louise Michel. Depuis la rentrée il n'a pas de transport scolaire. Nous habitons {ADR}. Merci de votre retour.\n{NOM2}\n{TEL}"),
    ("long", "Compte rendu de la réunion de service du 4 : présents {NOM2}, {NOM3}, {NOMF}. Point 1 : le déménagement du service est repoussé. Point 2 : {NOMF} {T}, l'équipe s'organise. Point 3 : le prochain CSA aura lieu en janvier."),
    # lower-case chat -----------------------------------------------------------------------
    ("names_chat", "tu peux dire a {NOM} que la reunion est decalée stp"),
    ("names_chat", "jai croisé {NOMF} au self il te cherchait"),
    ("addr_chat", "mon adresse c {ADR} pour le colis du CE"),
    ("contact_chat", "rappelle {PRENOM} au {TEL} c urgent pr le planning"),
    ("topic_chat", "wsh {PRENOM} {T} tu savais ??"),
    ("topic_chat", "franchement {NOM} {T} et alors ?? ca regarde personne"),
    ("topic_chat", "bjr pour info {NOMF} {T} donc absent{e_} ptet demain"),
    ("ident_chat", "ma date de naissance c le {DDN} pq le site dit erreur"),
]

# Nothing personal: traps of every kind ----------------------------------------------------------
NEGATIVES: list[str] = [
    "Quels sont les horaires du lycée {EPO} pendant les vacances de février ?",
    "Le CHU organise une journée portes ouvertes au pavillon {EPO} le {DATE}.",
    "Merci d'adresser les recours à la préfecture : {ADRADM}.",
    "Standard de la maison d'arrêt : {STD} (du lundi au vendredi, 9h-17h).",
    "Pour toute question, écrivez à {FMAIL}.",
    "Dossier n° {DOSS} : pièce manquante, relancer le demandeur.",
    "Le marché de bracelets électroniques a été attribué à la société SIRET {SIRET}.",
    "La commune nouvelle, née le {DATE}, regroupe trois anciennes communes.",
    "Quelle est la procédure pour un agent en arrêt maladie de plus de six mois ?",
    "Rédige une note sur le calendrier des fêtes religieuses pour planifier les examens.",
    "Combien de sièges la CGT a-t-elle obtenus aux élections professionnelles de 2022 dans notre ministère ?",
    "Le service de santé au travail recrute un médecin à temps partiel.",
    "Peux-tu résumer la loi du 17 mai 2013 ouvrant le mariage aux couples de même sexe ?",
    "L'aumônerie musulmane de l'établissement pénitentiaire cherche un local.",
    "Le marché de reconnaissance faciale pour les aéroports est-il conforme au RGPD ?",
    "Bulletin n° 2 du casier judiciaire exigé pour tous les candidats au concours de surveillant.",
    "Rappel : la caserne {EPO} sera fermée le {DATE} pour travaux.",
    "La médiathèque {EPO} prête des liseuses aux résidents de l'EHPAD.",
    "Le rond-point {EPO} est fermé à la circulation jusqu'au {DATE}.",
    "Envoyez vos candidatures à la DRH, {ADRADM}, ou par mail à {FMAIL}.",
    "Accueil du public : {STD} – {FMAIL}",
    "Préfecture de {VILLE}\nBureau de l'immigration\n{ADRADM}\nTél. : {STD}",
    "Combien de jours de carence pour un congé maladie ordinaire dans la fonction publique ?",
    "Pouvez-vous faire un tableau des motifs d'absence autorisés (mariage, PACS, décès, fêtes religieuses) ?",
    "Le groupe scolaire {EPO} accueille 240 élèves, dont 18 en ULIS.",
    "La rue {EPO} sera piétonne à partir du {DATE}.",
    "Le centre pénitentiaire de {VILLE} compte 620 places et un quartier de semi-liberté.",
    "Note de service : les fichiers de badges biométriques doivent être supprimés avant le {DATE}.",
    "Quelle est la différence entre contrôle judiciaire et assignation à résidence ?",
    "Faites un guide sur l'accueil des agents en situation de handicap.",
    "La formation sur la laïcité dans les services publics aura lieu le {DATE} en salle {EPO}.",
    "Référence de la commande : 0{ORD}, livraison prévue le {DATE}.",
    "L'ARS a publié un appel à projets pour la prévention du suicide chez les jeunes.",
    "Le syndicat mixte des transports de {VILLE} vote son budget le {DATE}.",
    "Combien de demandes d'asile ont été déposées au guichet unique de {VILLE} l'an dernier ?",
    "Statistiques ethniques : que dit la loi Informatique et libertés ?",
    "Rédige une affiche pour la campagne de vaccination antigrippale du personnel soignant.",
    "Le numéro vert de la cellule d'écoute est le 0 800 {NUM3} {NUM3}.",
    "Le collège {EPO} de {VILLE} passe en REP+ à la rentrée.",
    "Le tribunal judiciaire de {VILLE} déménage : nouvelle adresse {ADRADM}.",
    "Circulaire du {DATE} relative à l'organisation des élections professionnelles.",
    "quel formulaire pour une demande de congé de paternité ?",
    "tu peux m'expliquer ce qu'est une RQTH en deux phrases ?",
    "Le quartier {EPO} bénéficie du programme de renouvellement urbain.",
    "ticket #77120 | ouvert par helpdesk-dsi | catégorie : VPN | statut : résolu",
    "{\"service\": \"bureau des pensions\", \"mail\": \"{FMAIL}\", \"tel\": \"{STD}\"}",
    "service;adresse;tel\nCAF;{ADRADM};{STD}",
    "Prix {EPO} : le jury se réunira le {DATE} à l'hôtel de préfecture.",
    "Le régiment s'installe au quartier {EPO} à {VILLE}.",
    "Décret n° 2025-{NUM3} du {DATE} portant statut particulier des inspecteurs du travail.",
    "La salle de prière de l'aéroport est-elle un lieu public au sens de la loi de 1905 ?",
    "Le planning des grèves SNCF de la semaine prochaine est-il connu ?",
    "Comment déclarer un accident de service pour un agent qui s'est blessé en intervention ?",
    "voice 01:12 : bonjour c'est le secrétariat du lycée {EPO} on voulait confirmer la réunion parents profs de jeudi merci",
    "OCR : Direction départemen-\ntale de l'emploi, du travail et des soli-\ndarités – {ADRADM}",
    "L'hôpital {EPO} de {VILLE} ouvre un service de gériatrie de 30 lits.",
    "Rédige un mail type pour rappeler aux agents la date limite des vœux de mutation ({DATE}).",
    "Numéro d'engagement juridique {DOSS}, imputation 0{ORD}.",
    "SIRET du prestataire de restauration : {SIRET}. Merci de créer le tiers.",
    "Pourquoi la préfecture de {VILLE} n'a-t-elle plus de rendez-vous pour les titres de séjour ?",
    "bjr qql1 sait a quelle heure ferme le self le vendredi",
    "Le bureau des élections de la mairie reçoit les procurations jusqu'au {DATE}.",
    "Le médecin agréé doit-il transmettre son avis au comité médical ou au conseil médical ?",
    "L'IGPN a publié son rapport annuel sur les contrôles d'identité.",
    "Ordre du jour du CSA du {DATE} : télétravail, astreintes, budget formation.",
    "Le campus {EPO} accueille un forum des métiers de la défense le {DATE}.",
    "la cantine de l'école {EPO} sert du halal le vendredi ?",
    "CR réunion : présents DRH, DSI, service juridique. Décision : le projet de pointeuse à empreintes est abandonné.",
    "Le lycée professionnel {EPO} ouvre un CAP cuisine en apprentissage.",
    "Où trouver la grille indiciaire des adjoints techniques territoriaux ?",
    "Rédige une réponse à un usager : la mairie de {VILLE} est ouverte du lundi au samedi, {STD}.",
    "Ambassade de France – service consulaire – {FMAIL} – {STD}",
    "Le référentiel des maladies professionnelles a été mis à jour le {DATE}.",
    "Le quartier {EPO} du 3e RPIMa accueille la cérémonie du 11 novembre.",
    "Merci d'envoyer le dossier au SGAMI, {ADRADM}.",
    "Le CFA {EPO} de {VILLE} ouvre ses inscriptions le {DATE}.",
    "Permanence de la Maison France services de {VILLE} : {STD}, {FMAIL}.",
    "La brigade de gendarmerie de {VILLE} déménage au {ADRADM}.",
    "Facture n° {DOSS} du {DATE}, réglée par mandat administratif.",
    "Réunion d'information syndicale de l'UNSA le {DATE} à la salle {EPO} : ouverte à tous.",
    "Le foyer de l'enfance {EPO} de {VILLE} recrute des éducateurs spécialisés.",
    "Les usagers peuvent déposer leur dossier à la sous-préfecture de {VILLE}, {ADRADM}.",
    "stat mensuelle : 42 arrêts maladie et 3 accidents de service au pôle de {VILLE}, merci de faire un graphique",
    "Le lycée militaire de {VILLE} organise sa cérémonie de remise des diplômes le {DATE}.",
    "Avis d'appel public à la concurrence : fourniture de lecteurs d'empreintes pour le centre de rétention de {VILLE}, SIRET acheteur {SIRET}.",
]

# fmt: on
TOPIC_ORDER = TOPICS
SPECIAL_GENDER = {
    # templates whose subject's gender is fixed by the wording
    "Le surveillant {NOMF}": False,
    "Bonjour Mme {NOMFAM}": True,
    "Me {NOMFAM}, avocat": False,
    "la mère de l'élève": True,
    "l'élève est né": False,
    "mon fils {NOMGN}": False,
    "Le détenu": False,
    "le détenu": False,
    "le père de {PRENOM}": False,
    "la mère de l'enfant": True,
    "le jeune {NOMF}": False,
    "Le collègue {NOMF}": False,
    "Le capitaine {NOMFAM}": False,
}

# fmt: off
CIVILITIES = {False: ["M.", "M.", "Monsieur", "Mr", "m.", "monsieur", "M"], True: ["Mme", "Mme", "Madame", "mme", "Mme.", "madame", "Mlle"]}
OPENINGS = ["", "", "", "", "", "Re: ", "Bonjour, ", "stp ", "Petite question : ", "TR: ", "Urgent - "]
CLOSINGS = ["", "", "", "", "", " Merci.", " Cdlt", " merci d'avance", " Bonne journée"]
ABBREV = [("s'il te plaît", "stp"), ("s'il vous plaît", "svp"), ("rendez-vous", "rdv"),
          ("pour ", "pr "), ("Bonjour", "Bjr"), ("quelque chose", "qqch"), ("beaucoup", "bcp"),
          ("aujourd'hui", "auj"), ("demain", "dem1"), ("parce que", "pcq"),
          ("rappeler", "rapeler"), ("réunion", "reunion"), ("dossier", "dosier")]  # fmt: skip

# fmt: on


class Generator:
    def __init__(self, seed: int = SEED) -> None:
        self.rng = random.Random(seed)
        self.r = Renderer(self.rng)
        self.topic_turn = 0

    def next_topic(self) -> str:
        category = TOPIC_ORDER[self.topic_turn % len(TOPIC_ORDER)]
        self.topic_turn += 1
        return category

    # filling one template ------------------------------------------------------------------
    def fill(self, template: str, female: bool) -> tuple[list[tuple[str, str | None]], str | None]:
        rng, r = self.rng, self.r
        subject = r.person(female)
        partner = r.person(female)
        others = [r.person(rng.random() < 0.5) for _ in range(3)]
        template = _agree(template, female)
        pieces: list[tuple[str, str | None]] = []
        topic: str | None = None
        position = 0
        for match in TOKEN.finditer(template):
            if match.start() > position:
                pieces.append((self._noise(template[position : match.start()]), None))
            position = match.end()
            if match.group(3):
                pieces.append((match.group(4), match.group(3)))
                continue
            slot, arg = match.group(1), match.group(2)
            if slot in ("T", "T_F", "T_M"):
                category = arg or self.next_topic()
                topic = topic or category
                gender = female if slot == "T" else slot == "T_F"
                phrase = rng.choice(PHRASES[category])
                phrase = _agree(phrase, gender)
                pieces.append((phrase, category))
                continue
            pieces.append(self.slot(slot, subject, partner, others, female))
        if position < len(template):
            pieces.append((self._noise(template[position:]), None))
        return pieces, topic

    def _noise(self, text: str) -> str:
        if self.rng.random() < 0.12:
            for long, short in ABBREV:
                if long in text and self.rng.random() < 0.6:
                    text = text.replace(long, short, 1)
        return text

    def slot(
        self, slot: str, p: Person, partner: Person, others: list[Person], female: bool
    ) -> tuple[str, str | None]:
        r, rng = self.r, self.rng
        if slot == "NOM":
            return r.name_form(p), "personne"
        if slot == "NOMF":
            return r.name_form(p, allow_single=False), "personne"
        if slot == "PRENOM":
            value = p.given
            return (value.lower() if rng.random() < 0.15 else value), "personne"
        if slot == "NOMFAM":
            return (p.last.upper() if rng.random() < 0.2 else p.last), "personne"
        if slot == "NOMFAM_UP":
            return p.last.upper(), "personne"
        if slot == "NOMUP":
            return f"{p.last.upper()} {p.given}", "personne"
        if slot == "NOMGN":
            return f"{p.given} {p.last}", "personne"
        if slot == "NOMFAM2":
            return r.person(True).last, "personne"
        if slot in ("NOM2", "NOM3"):
            return r.name_form(others[0 if slot == "NOM2" else 1], allow_single=False), "personne"
        if slot == "PART":
            return r.name_form(partner, allow_single=rng.random() < 0.5), "personne"
        if slot == "CIV":
            return rng.choice(CIVILITIES[female]), None
        if slot == "e_":
            return ("e" if female else ""), None
        if slot == "ADR":
            return r.address(), "adresse"
        if slot == "ADRML":
            return r.address(multiline=True), "adresse"
        if slot == "TEL":
            return r.phone(), "telephone"
        if slot == "MAIL":
            return r.email(p), "email"
        if slot == "MAILP":
            return r.email(p, personal=True), "email"
        if slot == "NIR":
            return r.nir(female), "nir"
        if slot == "IBAN":
            return r.iban(), "iban"
        if slot == "CB":
            return r.card(), "carte"
        if slot == "DDN":
            return r.birth(), "date_naissance"
        if slot == "DDNJ":
            return r.birth(young=True), "date_naissance"
        # unlabelled traps
        if slot == "EPO":
            return rng.choice(EPONYMS), None
        if slot == "VILLE":
            return r.commune()[1], None
        if slot == "DATE":
            d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2016, 2027)
            return rng.choice([f"{d:02d}/{m:02d}/{y}", f"{d} {MONTHS[m - 1]} {y}",
                               f"1er janvier {y}", f"{d} {MONTHS[m - 1]}"]), None  # fmt: skip
        if slot == "STD":
            return rng.choice(["01 40 07 60 60", "3939", "04 91 15 60 00", "05 96 39 36 00",
                               "02 99 02 10 35", "03 20 30 59 59", "0 800 130 000",
                               "04 95 11 12 13", "02 62 40 77 77", "01 53 73 53 73"]), None  # fmt: skip
        if slot == "FMAIL":
            return rng.choice(["accueil@mairie-gap.fr", "pref-etrangers@guyane.pref.gouv.fr",
                               "drh.recrutement@chu-nantes.fr", "ce.0930122X@ac-creteil.fr",
                               "spip.974@justice.fr", "dreets-idf.uc3@dreets.gouv.fr",
                               "contact@ars.sante.fr", "bureau.pensions@intradef.gouv.fr",
                               "secretariat.proviseur@lycee-hugo.fr", "consulat.dakar@diplomatie.gouv.fr",
                               "courrier@mayotte.pref.gouv.fr", "dsden2a@ac-corse.fr"]), None  # fmt: skip
        if slot == "DOSS":
            body = "".join(str(rng.randint(0, 9)) for _ in range(15))
            last = next(c for c in "0123456789" if luhn_ok(body + c))
            return body + last, None
        if slot == "SIRET":
            return " ".join(
                [str(rng.randint(100, 999)) for _ in range(3)]
            ) + f" {rng.randint(10000, 99999)}", None
        if slot == "ORD":
            return "".join(str(rng.randint(0, 9)) for _ in range(9)), None
        if slot == "NUM3":
            return f"{rng.randint(100, 999)}", None
        if slot == "ADRADM":
            cp, town = r.commune()
            return rng.choice([
                f"{rng.randint(1, 40)} rue {rng.choice(EPONYMS)}, CS {rng.randint(10000, 99999)}, {cp} {town} Cedex",
                f"{rng.randint(1, 40)} boulevard {rng.choice(EPONYMS)}, {cp} {town}",
                f"place {rng.choice(EPONYMS)}, BP {rng.randint(10, 700)}, {cp} {town} CEDEX",
                f"Hôtel de préfecture, {rng.randint(1, 30)} avenue {rng.choice(EPONYMS)}, {cp} {town} Cedex {rng.randint(1, 9)}",
            ]), None  # fmt: skip
        raise ValueError(f"unknown slot {slot}")

    # one sentence ---------------------------------------------------------------------------
    def render(self, template: str, template_id: str, chat: bool) -> dict[str, Any]:
        female = self.rng.random() < 0.5
        for key, fixed in SPECIAL_GENDER.items():
            if key in template:
                female = fixed
        pieces, _ = self.fill(template, female)
        if not chat and self.rng.random() < 0.25:
            opening = self.rng.choice(OPENINGS)
            if opening == "Bonjour, " and template.startswith("Bonjour"):
                opening = ""
            pieces.insert(0, (opening, None))
            pieces.append((self.rng.choice(CLOSINGS), None))
        text = ""
        spans: list[tuple[int, int, str]] = []
        expected: list[str] = []
        for value, category in pieces:
            if category is not None:
                spans.append((len(text), len(text) + len(value), category))
                expected.append(value)
            text += value
        transforms: list[Callable[[str], str]] = []
        if chat or self.rng.random() < 0.08:
            transforms.append(str.lower)
        if self.rng.random() < 0.05:
            transforms.append(lambda t: t.translate(ACCENTS))
        for transform in transforms:
            changed = transform(text)
            if len(changed) == len(text):
                text = changed
                expected = [transform(v) for v in expected]
        for (start, end, _), value in zip(spans, expected, strict=True):
            if text[start:end] != value or value != value.strip() or not value:
                raise AssertionError(f"span {text[start:end]!r} != {value!r} in {template_id}")
        pii: dict[str, list[str]] = {}
        topics: list[str] = []
        for start, end, category in spans:
            if category in TOPICS:
                if category not in topics:
                    topics.append(category)
            else:
                pii.setdefault(category, []).append(text[start:end])
        return {
            "text": text,
            "pii": pii,
            "topics": topics,
            "spans": [[s, e, c] for s, e, c in spans],
            "split": "test9",
            "template": template_id,
        }


def template_list() -> list[tuple[str, str, bool]]:
    """(id, template, chat) for every template, positives then nothing-personal ones."""
    out: list[tuple[str, str, bool]] = []
    counters: dict[str, int] = {}
    for family, template in TEMPLATES:
        base = family.removesuffix("_chat")
        n = counters.get(base, 0)
        counters[base] = n + 1
        out.append((f"test9_{base}-{n:02d}", template, family.endswith("_chat")))
    for n, template in enumerate(NEGATIVES):
        out.append((f"test9_none-{n:02d}", template, template[:1].islower()))
    return out


def repetitions(template_id: str) -> int:
    if "_none-" in template_id:
        return 12
    if "_topic-" in template_id or "_multi-" in template_id:
        return 8
    return 6


def generate(seed: int = SEED) -> list[dict[str, Any]]:
    gen = Generator(seed)
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for template_id, template, chat in template_list():
        for _ in range(repetitions(template_id)):
            row = gen.render(template, template_id, chat)
            if row["text"] in seen:
                continue
            seen.add(row["text"])
            rows.append(row)
    return rows


def write(rows: Iterable[dict[str, Any]], path: Path = OUT) -> None:
    lines = [json.dumps(row, ensure_ascii=False) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def summary(rows: list[dict[str, Any]]) -> dict[str, int]:
    counts: dict[str, int] = {c: 0 for c in IDENT + TOPICS}
    for row in rows:
        for _, _, category in row["spans"]:
            counts[category] += 1
    return counts


def main() -> int:
    import faker

    if faker.VERSION != MADE_WITH_FAKER:
        print(f"warning: faker {faker.VERSION}, the set was made with {MADE_WITH_FAKER}")
    rows = generate()
    write(rows)
    clean = sum(1 for row in rows if not row["spans"])
    print(
        f"{len(rows)} sentences, {clean} with nothing personal, {len(template_list())} templates"
    )
    for category, count in summary(rows).items():
        print(f"{category:22} {count}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
