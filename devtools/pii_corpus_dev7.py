"""A seventh development set for the personal-data guard: tests/data/pii_dev7.jsonl (issue 18).

Written after test5 was read, to check that the fourth round's rules carry to phrasings that no
set holds: each article 9/10 category said in new words (a union or a party named after a role,
a vote, a candidacy or in brackets after a name; religious practice, fasting, prayer, clergy and
leaving a faith; conditions, care, injuries and sick-leave words; biometric templates and police
samples; arrests, sentences and penal measures; a partner or an affair; an origin by country),
names at new places (the subject of such a phrase, a lower-case name after "mon collègue", two
capitalised words after "pour", "avec", "par"), identifiers typed on one line without
punctuation, lower-case home addresses followed by a word of residence, and look-alikes that say
the same words of no one.

The templates and the name and place lists are this file's own (no faker): names are drawn from
short hand lists of French, North African, Portuguese, West African, Turkish and Asian names.
The line format and labelling rules are those of tests/data/PII_SETS.md. Deterministic:
`python -m devtools.pii_corpus_dev7` rewrites the file.
"""

from __future__ import annotations

import random
from pathlib import Path

from devtools import pii_corpus_kit as kit

SEED = 20261207
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii_dev7.jsonl"
SPLIT = "dev7"
RENDERS = 4

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
    # -- union membership, said otherwise ----------------------------------------------------
    (
        "syn1",
        "f",
        "{P} <<syndicat:tient la permanence de la {U}>> le jeudi, faut-il la remplacer ?",
    ),
    ("syn2", "m", "Pour info, {P} <<a été désigné par la {U}>> pour siéger en commission."),
    ("syn3", "m", "peux tu preparer un mot pour {L}, <<delegue {u}>> depuis janvier"),
    ("syn4", "f", "Entretien de {P} (<<{U}>>) reporté à mardi."),
    ("syn5", "f", "{G} <<a repris sa carte à la {U}>> après deux ans, doit-elle le déclarer ?"),
    ("syn6", "m", "La direction refuse à {P} ses <<heures de délégation {U}>> : que répondre ?"),
    ("syn7", "m", "{P} <<fait grève>> depuis lundi, comment calculer la retenue ?"),
    ("syn8", "f", "mon n+1 {l} <<est encartee {u}>> et elle me met la pression"),
    ("syn9", "m", "Compte rendu : {P}, <<secrétaire de la section {U}>>, demande la parole."),
    ("syn10", "f", "{P} <<cotise au syndicat {U}>> depuis 2015, peut-elle être promue ?"),
    # -- political opinion -----------------------------------------------------------------
    ("pol1", "m", "{P} <<est sur la liste {PARTY}>> aux municipales : peut-il garder son poste ?"),
    ("pol2", "f", "Mme {S} (<<{PARTY}>>) souhaite un congé électif."),
    ("pol3", "m", "mon collegue {g} <<vote {party}>> depuis toujours et ca se sent"),
    ("pol4", "f", "{P} <<colle des affiches pour {PARTY}>> le week-end, est-ce compatible ?"),
    ("pol5", "m", "{P} <<milite chez les écolos>> : faut-il lui rappeler la neutralité ?"),
    ("pol6", "f", "{G} <<est plutôt facho>> d'après ses collègues, comment gérer ?"),
    ("pol7", "m", "Rappel à {P}, <<candidat aux législatives>>, sur le devoir de réserve."),
    ("pol8", "f", "{P} <<préside le comité local {PARTY}>> : cumul possible ?"),
    ("pol9", "m", "{P} <<a rejoint {PARTY}>> et en parle en réunion, que faire ?"),
    # -- religion ---------------------------------------------------------------------------
    ("rel1", "f", "{P} <<porte le voile>> à l'accueil : que dit la règle de neutralité ?"),
    ("rel2", "m", "{P} <<fait le ramadan>> et demande à décaler sa pause."),
    ("rel3", "f", "Dans l'équipe, {G} <<ne mange pas de viande pour des raisons religieuses>>."),
    ("rel4", "m", "{P} <<est pasteur>> le dimanche dans sa commune : activité accessoire ?"),
    ("rel5", "f", "{P} <<s'est convertie au judaïsme>> et demande ses jours de fête."),
    ("rel6", "m", "{G} me demande <<un jour pour Pessah>>, je le lui accorde ?"),
    ("rel7", "f", "{P} <<a quitté sa religion>> et sa famille la harcèle, que lui conseiller ?"),
    ("rel8", "m", "{P} <<va à la mosquée>> chaque vendredi midi, peut-il adapter ses horaires ?"),
    ("rel9", "f", "note : {l} <<est catho pratiquante>> et ne travaille pas le dimanche"),
    ("rel10", "m", "{P} a demandé <<un local pour prier>> pendant la pause."),
    # -- health -----------------------------------------------------------------------------
    ("san1", "f", "{P} <<est sous chimio>> depuis mars, peut-on aménager son poste ?"),
    ("san2", "m", "{P} <<s'est fait opérer du genou>>, retour prévu le 12."),
    ("san3", "f", "{G} <<a une sclérose en plaques>> et demande du télétravail."),
    ("san4", "m", "mon collegue {g} <<s est foulé la cheville>> au foot, il sera absent"),
    ("san5", "f", "{P} <<est en CMO>> jusqu'à fin mai : qui signe ses congés ?"),
    ("san6", "m", "{P} <<est suivi en psychiatrie>>, le médecin préconise un mi-temps."),
    ("san7", "f", "{P} <<souffre d'acouphènes>> depuis l'incendie du local."),
    ("san8", "m", "{P} <<a fait un AVC>> en mars, peut-on le reclasser ?"),
    ("san9", "f", "Le médecin du travail déclare {P} <<inapte au travail de nuit>>."),
    ("san10", "m", "{P} <<est diabétique de type 1>> et doit se piquer au bureau."),
    # -- genetics and biometrics ------------------------------------------------------------
    ("gen1", "f", "On a scanné <<l'empreinte du doigt>> de {P} pour la cantine, est-ce légal ?"),
    ("gen2", "m", "{P} refuse de <<badger avec son visage>> : peut-on l'y obliger ?"),
    ("gen3", "f", "{P} <<est porteuse de la mutation BRCA1>> et hésite à le dire."),
    ("gen4", "m", "Les gendarmes ont fait <<un prélèvement ADN>> sur {P} hier."),
    ("gen5", "f", "Le labo a transmis <<le caryotype>> de {P} au médecin de prévention."),
    ("gen6", "m", "{P} a un <<test génétique>> prévu, peut-il poser une autorisation d'absence ?"),
    # -- offences ---------------------------------------------------------------------------
    ("inf1", "m", "{P} <<a été arrêté par la police>> samedi : que dit le statut ?"),
    ("inf2", "f", "{P} <<a pris six mois avec sursis>>, doit-on la suspendre ?"),
    ("inf3", "m", "mon collegue {g} <<a perdu son permis>> et il conduit la voiture du service"),
    ("inf4", "f", "{P} <<est sous contrôle judiciaire>> : peut-elle recevoir du public ?"),
    ("inf5", "m", "{P} <<a été placé en garde à vue>> pour une bagarre."),
    ("inf6", "f", "Le casier de {P} <<mentionne une condamnation pour vol>>."),
    ("inf7", "m", "{P} <<a une interdiction d'exercer>> auprès de mineurs."),
    ("inf8", "f", "{P} <<a reçu une amende pour excès de vitesse>> avec le véhicule de service."),
    # -- sexual life and orientation --------------------------------------------------------
    ("vs1", "f", "{P} <<vit avec sa compagne>> à Lyon et demande un rapprochement."),
    ("vs2", "m", "{P} <<est en couple avec un homme>> depuis dix ans."),
    ("vs3", "f", "{G} <<a fait son coming out>> et certains collègues l'évitent."),
    ("vs4", "m", "Le signalement dit que {P} <<a une liaison avec sa cheffe>>."),
    ("vs5", "f", "{P} <<est bi>> et subit des remarques, que faire ?"),
    ("vs6", "m", "{P} <<est en transition>> et souhaite changer son prénom d'usage."),
    # -- origin -----------------------------------------------------------------------------
    ("ori1", "m", "{P} <<est originaire du Mali>> et on lui pose sans cesse la question."),
    ("ori2", "f", "{P} <<est d'origine vietnamienne>>, une collègue se moque de son accent."),
    ("ori3", "m", "mon collegue {g} <<est d origine marocaine>> et il subit des blagues"),
    ("ori4", "f", "{P} <<est issue de la communauté rom>> : le maire veut le savoir."),
    # -- names at new places ------------------------------------------------------------------
    ("nam1", "f", "Tu peux préparer un mot d'accueil pour {P} qui arrive lundi ?"),
    ("nam2", "m", "Le dossier a été vérifié par {P} puis transmis au DGS."),
    ("nam3", "f", "Réunion reportée : prévenir {P} et le service paie."),
    ("nam4", "m", "planning de la semaine : lundi {l}, mardi astreinte"),
    ("nam5", "f", "Merci d'envoyer le compte rendu à {P} avant midi."),
    ("nam6", "m", "Il faut relancer {P} pour sa fiche de poste."),
    ("nam7", "f", "ma collegue {l} est en retard ce matin, je la remplace ?"),
    ("nam8", "m", "Convocation de {P} à l'entretien professionnel le 14."),
    # -- identifiers on one line --------------------------------------------------------------
    ("rec1", "f", "infos agent : {l} {DDN} {TEL} {adr}"),
    ("rec2", "m", "nouveau contrat {l} {DDN} {TEL}"),
    ("rec3", "f", "c'est au {adrs} chez ma soeur que je serai joignable"),
    ("rec4", "m", "{P}, né le {DDN}, joignable au {TEL}."),
    ("rec5", "f", "Nouvelle adresse de {P} : {ADR}."),
    # -- look-alikes: the same words said of no one -----------------------------------------------
    ("neg1", "", "La CGT appelle à la grève le 12 dans toute la fonction publique."),
    ("neg2", "", "Quel est le délai de prévenance pour une grève dans la fonction publique ?"),
    ("neg3", "", "Le RN et LFI ont déposé des amendements sur le budget."),
    ("neg4", "", "Rédige une note sur le calendrier des fêtes religieuses pour les cantines."),
    ("neg5", "", "Le service de santé au travail organise une campagne contre le diabète."),
    ("neg6", "", "Quelle procédure pour un accident de service en général ?"),
    ("neg7", "", "Le marché des badgeuses à reconnaissance faciale a été annulé."),
    ("neg8", "", "Le bulletin n° 2 du casier judiciaire est exigé pour ce concours."),
    ("neg9", "", "Le guide explique comment accueillir un agent en situation de handicap."),
    ("neg10", "", "La salle de prière de l'aéroport est fermée pour travaux."),
    ("neg11", "", "Le lycée Jean Moulin ouvre une section sport-études."),
    ("neg12", "", "Le standard de la mairie est joignable au 01 44 55 66 77."),
    ("neg13", "", "La loi Veil est étudiée en formation juridique."),
    ("neg14", "", "Le rapport sur les discriminations liées à l'origine sort en juin."),
    ("neg15", "", "Les élections professionnelles auront lieu en décembre."),
    ("neg16", "", "La commune nouvelle, née le 1er janvier 2016, compte 4000 habitants."),
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


def render(rng: random.Random, template_id: str, gender: str, template: str) -> kit.Row:
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
        "adrs": (f"{rng.randint(2, 140)} {rng.choice(STREETS)}".lower(), "adresse"),
        "U": (rng.choice(UNIONS), None),
        "u": (rng.choice(UNIONS).lower(), None),
        "PARTY": (rng.choice(PARTIES), None),
        "party": (rng.choice(("rn", "lfi", "ps", "eelv", "reconquete")), None),
    }
    family = FAMILIES.get(template_id.rstrip("0123456789"))
    text, spans = kit.fill_labelled(template, slots, family)
    return kit.row(text, spans, f"dev7_{template_id}", SPLIT, kit.IDENTIFIERS)


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
