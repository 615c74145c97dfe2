"""An eighth development set for the personal-data guard: tests/data/pii_dev8.jsonl (issue 18).

Written after test6 was read, to check that the fifth round's rules carry to phrasings that no
set holds: origin said through skin, looks, roots, parents, a region or a slur; sexual life said
through a same-sex wedding, several partners, a dating app or a kiss; union life said through a
meeting, a training, a stand or a strike; health said through a condition's noun, an injury, a
stay in hospital or a treatment; whole addresses on two lines, with bis or in a résidence; and
look-alikes that say the same words of no one (a law, a service's files, a policy).

The machinery and the name lists are dev7's (devtools/pii_corpus_dev7.py); the templates are this
file's own. The line format and labelling rules are those of tests/data/PII_SETS.md.
Deterministic: `python -m devtools.pii_corpus_dev8` rewrites the file.
"""

from __future__ import annotations

import random
from pathlib import Path

from devtools import pii_corpus_kit as kit

SEED = 20261208
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii_dev8.jsonl"
SPLIT = "dev8"
RENDERS = 7

GIVEN_F = (
    "Nadège",
    "Solène",
    "Inès",
    "Maëlle",
    "Yasmina",
    "Fatoumata",
    "Leïla",
    "Ophélie",
    "Gwenaëlle",
    "Rosalie",
    "Capucine",
    "Nour",
    "Elif",
    "Thanh",
    "Mirela",
    "Joana",
    "Perrine",
    "Bérénice",
)
GIVEN_M = (
    "Gaëtan",
    "Yannick",
    "Mehdi",
    "Tristan",
    "Ousmane",
    "Loïc",
    "Baptiste",
    "Kemal",
    "Florent",
    "Anselme",
    "Rodrigue",
    "Sofiane",
    "Minh",
    "Joaquim",
    "Aurélien",
    "Bastien",
    "Idriss",
    "Lény",
)
SURNAMES = (
    "Lemaire",
    "Carpentier",
    "Benali",
    "Fontaine",
    "Traoré",
    "Marchal",
    "Ribeiro",
    "Vasseur",
    "Hamdani",
    "Le Goff",
    "Delacroix",
    "Yilmaz",
    "Nguyen",
    "Perrot",
    "Cissé",
    "Guillot",
    "Da Cunha",
    "Brunet",
    "Mahé",
    "Kaya",
    "Barbier",
    "Ould Ahmed",
    "Texier",
    "Chauvet",
)
STREETS = (
    "rue des Tanneurs",
    "avenue Jean Jaurès",
    "impasse des Mésanges",
    "chemin du Moulin",
    "allée des Tilleuls",
    "boulevard Gambetta",
    "place du Marché",
    "rue de la Forge",
)
TOWNS = (
    ("35000", "Rennes"),
    ("59800", "Lille"),
    ("13005", "Marseille"),
    ("97200", "Fort-de-France"),
    ("20200", "Bastia"),
    ("87000", "Limoges"),
    ("44100", "Nantes"),
    ("97400", "Saint-Denis"),
)
UNIONS = ("CGT", "CFDT", "FO", "UNSA", "FSU", "SUD", "Solidaires", "CFTC", "CFE-CGC", "SNES")
PARTIES = ("LFI", "RN", "PS", "LR", "EELV", "Renaissance", "Reconquête", "PCF", "MoDem")

# A template: text with slots ({P} a name, {G} a given name, {S} a surname, {L} a name in lower
# case, {TEL}, {DDN}, {ADR} an address, {adr} an address in lower case, {U} a union, {u} a
# union in lower case, {PARTY}) and labelled phrases <<category:phrase>>. "f"/"m": the person.
T = tuple[str, str, str]
TEMPLATES: list[T] = [
    # -- origin, said otherwise ------------------------------------------------------------
    ("ori1", "f", "{P} <<a le teint mat>> et un usager lui demande sans cesse d'où elle vient."),
    ("ori2", "m", "{P} <<est né de parents algériens>>, un collègue en fait des blagues."),
    ("ori3", "f", "{G} <<a grandi au Sénégal>> et on se moque de son accent, que faire ?"),
    ("ori4", "m", "Un usager a traité {P} de <<« bougnoule »>> au guichet : quelle suite ?"),
    ("ori5", "f", "{P}, <<originaire de Kabylie>>, subit des remarques sur son prénom."),
    ("ori6", "m", "mon collegue {g} <<est rebeu>> et le chef l'appelle toujours en premier"),
    ("ori7", "f", "{P} <<a la peau foncée>> et un usager refuse d'être reçu par elle."),
    ("ori8", "m", "{P} <<a des origines guinéennes>> : peut-on le noter dans son dossier ?"),
    ("ori9", "f", "Dans l'équipe, {G} <<est la seule noire>> et elle se sent visée."),
    ("ori10", "m", "{P} dit que <<sa mère est ivoirienne>> quand on lui pose la question."),
    # -- sexual life and orientation, said otherwise ------------------------------------------
    ("vs1", "f", "{P} <<s'est mariée avec une femme>> cet été : congé de mariage ?"),
    ("vs2", "m", "{P} <<a rencontré son copain sur Grindr>> et tout le service le sait."),
    ("vs3", "f", "{P} <<a plusieurs partenaires>> et un collègue fait circuler des rumeurs."),
    ("vs4", "m", "Congé pour mariage de {P} : <<mariage homo>>, quelle durée ?"),
    ("vs5", "f", "On a vu {P} <<embrasser sa collègue>> à la soirée du service."),
    ("vs6", "m", "{P} <<est en ménage avec un homme>> depuis 2019."),
    ("vs7", "f", "{P} <<a commencé une transition FtM>> et demande un nouveau badge."),
    ("vs8", "m", "{G} <<a épousé son compagnon>> en juin, je mets à jour la fiche ?"),
    # -- union life ---------------------------------------------------------------------------
    ("syn1", "f", "{P} sera <<en stage syndical {U}>> mardi, qui la remplace ?"),
    ("syn2", "m", "{P} <<tient le stand de la {U}>> au forum, faut-il un ordre de mission ?"),
    ("syn3", "f", "{P} <<était à l'AG de la {U}>> hier, est-ce du temps de travail ?"),
    ("syn4", "m", "{P} <<a distribué des tracts {U}>> à l'entrée du site."),
    ("syn5", "f", "{P} <<sera en décharge syndicale>> à mi-temps dès septembre."),
    ("syn6", "m", "{G} <<a participé à la manif de la {U}>> jeudi, on retient la journée ?"),
    ("syn7", "f", "planning : {l} absente lundi, <<réunion {u}>>"),
    ("syn8", "m", "{P} <<s'est syndiqué chez {U}>> le mois dernier."),
    # -- health --------------------------------------------------------------------------------
    ("san1", "f", "{P} <<s'est fait une entorse du genou>> en descendant l'escalier du service."),
    ("san2", "m", "{P} <<a été hospitalisé pour une pneumonie>>, retour dans deux semaines."),
    ("san3", "f", "{P} <<a fait une fausse couche>> et demande quelques jours."),
    ("san4", "m", "{P} <<souffre d'une lombalgie chronique>> : faut-il un siège adapté ?"),
    ("san5", "f", "{G} <<a des crises d'angoisse>> avant chaque réunion."),
    ("san6", "m", "{P} <<est à l'hôpital>> depuis lundi, qui signe ses congés ?"),
    ("san7", "f", "{P} <<a une fracture du bras>> et ne peut plus taper au clavier."),
    ("san8", "m", "{P} <<fait de l'hypertension>> et doit éviter le stress."),
    ("san9", "f", "{P} <<est malvoyante>> et a besoin d'un écran plus grand."),
    ("san10", "m", "Un de mes agents <<a une hernie discale>>, quelles sont mes obligations ?"),
    # -- whole addresses ------------------------------------------------------------------------
    ("adr1", "f", "Nouvelle adresse de {P} :\n{ADRML}"),
    ("adr2", "m", "{P} habite désormais {ADRB}."),
    ("adr3", "f", "Courrier à envoyer chez {P}, {ADRRES}"),
    ("adr4", "m", "adresse perso de {l} : {adr}"),
    # -- look-alikes: the same words said of no one ---------------------------------------------
    ("neg1", "", "La loi sur le mariage pour tous a été votée en 2013."),
    ("neg2", "", "Mon service gère les demandes de RQTH et les congés longue durée."),
    ("neg3", "", "La fracture numérique touche surtout les usagers âgés."),
    ("neg4", "", "La CFDT tiendra une réunion d'information jeudi pour tous les agents."),
    ("neg5", "", "La campagne de vaccination contre la grippe commence lundi."),
    ("neg6", "", "Rédige un guide de prévention des lombalgies au travail."),
    ("neg7", "", "Le rapport sur les discriminations liées à la couleur de peau sort en mai."),
    ("neg8", "", "Le service RH traite les arrêts maladie et les accidents de service."),
    ("neg9", "", "Les parents d'élèves sont invités à la réunion de rentrée."),
    ("neg10", "", "La préfecture est située 12 rue de la Paix, 75002 Paris."),
]

# The category of a labelled phrase without one: the template's family.
FAMILIES = {
    "syn": "syndicat",
    "pol": "opinion_politique",
    "rel": "religion",
    "san": "sante",
    "gen": "genetique_biometrie",
    "inf": "infraction",
    "vs": "vie_sexuelle",
    "ori": "origine",
}


def _birth(rng: random.Random) -> str:
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1958, 2002)
    return rng.choice(
        (f"{day:02d}/{month:02d}/{year}", f"{day}/{month}/{year}", f"{year}-{month:02d}-{day:02d}")
    )


def _address(rng: random.Random) -> str:
    postcode, town = rng.choice(TOWNS)
    return f"{rng.randint(2, 140)} {rng.choice(STREETS)}, {postcode} {town}"


def render(
    rng: random.Random,
    template_id: str,
    gender: str,
    template: str,
    split: str = SPLIT,
    prefix: str = "dev8",
) -> kit.Row:
    """One line from a template; the sets built on dev8's machinery give their split, prefix."""
    female = gender == "f"
    given = rng.choice(GIVEN_F if female else GIVEN_M)
    surname = rng.choice(SURNAMES)
    full = rng.choice(
        (f"{given} {surname}", f"{surname.upper()} {given}", f"{given} {surname.upper()}")
    )
    slots: dict[str, tuple[str, str | None]] = {
        "P": (full, "personne"),
        "G": (given, "personne"),
        "g": (given.lower(), "personne"),
        "S": (surname, "personne"),
        "L": (f"{given} {surname}".lower(), "personne"),
        "l": (f"{given} {surname}".lower(), "personne"),
        "TEL": (kit.mobile(rng), "telephone"),
        "DDN": (_birth(rng), "date_naissance"),
        "ADR": (_address(rng), "adresse"),
        "adr": (_address(rng).lower().replace(",", ""), "adresse"),
        "ADRML": (_address(rng).replace(", ", "\n"), "adresse"),
        "ADRB": (
            f"{rng.randint(2, 140)} {rng.choice(('bis', 'ter'))} {rng.choice(STREETS)}, "
            f"{' '.join(rng.choice(TOWNS))}",
            "adresse",
        ),
        "ADRRES": (
            f"Résidence les Tilleuls, bât. {rng.choice('ABC')}, appt {rng.randint(2, 60)}, "
            f"{_address(rng)}",
            "adresse",
        ),
        "adrs": (f"{rng.randint(2, 140)} {rng.choice(STREETS)}".lower(), "adresse"),
        "U": (rng.choice(UNIONS), None),
        "u": (rng.choice(UNIONS).lower(), None),
        "PARTY": (rng.choice(PARTIES), None),
        "party": (rng.choice(("rn", "lfi", "ps", "eelv", "reconquete")), None),
    }
    family = FAMILIES.get(template_id.rstrip("0123456789"))
    text, spans = kit.fill_labelled(template, slots, family)
    return kit.row(text, spans, f"{prefix}_{template_id}", split, kit.IDENTIFIERS)


def generate() -> list[kit.Row]:
    rng = random.Random(SEED)
    return kit.unique(
        render(rng, template_id, gender, template)
        for template_id, gender, template in TEMPLATES
        for _ in range(RENDERS if gender else 1)
    )


counts = kit.counts


def write(rows: list[kit.Row], path: Path = OUT) -> None:
    kit.write(rows, path)


if __name__ == "__main__":
    kit.rewrite(generate(), OUT)
