"""A fifteenth development set for the personal-data guard: tests/data/pii_dev15.jsonl (issue 18).

Written after test10 was read, from the art. 9/10 families that round 11 mended, said in new
words: a prison or a place named with "à la" about people in general, units and databases that
are places or systems ("le quartier de semi-liberté", "la base biométrique"), what a document is
about ("une note sur les arrêts maladie"), questions about any case ("quel délai de carence pour
un arrêt maladie ?"), a gene of predisposition with the disease it predisposes to, a stance for
independence said of someone, a partner whose owner is told by a rank, by an apposition, by the
greeting of the message that quotes them, an affair, a life started again with someone, the verb
"épouser" between two names. About half the lines are look-alikes: the same words said of no one,
or next to a name they are not about.

The machinery and the name lists are dev8's (devtools/pii_corpus_dev8.py); the templates are this
file's own. The line format and labelling rules are those of tests/data/PII_SETS.md.
Deterministic: `python -m devtools.pii_corpus_dev15` rewrites the file.
"""

from __future__ import annotations

import random
from pathlib import Path

from devtools import pii_corpus_dev8 as base
from devtools import pii_corpus_kit as kit

SEED = 20261515
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii_dev15.jsonl"
SPLIT = "dev15"
RENDERS = 4

# dev8's slots ({P} a name, {G} a given name, {S} a surname, {l} a name in lower case, {U} a
# union), and this file's: {QF}/{QM} a second person (a woman, a man), {SS} a second surname,
# {EF}/{EM} a person "SURNAME Given" with a given name of both genders. <<phrase>> is labelled
# with the template's family, <<category:phrase>> with its category. Templates "neg…" are
# look-alikes with a name, "none…" look-alikes without one (rendered once).
TEMPLATES: list[base.T] = [
    # -- health -------------------------------------------------------------------------------
    ("san1", "f", "{P} <<est en arrêt maladie>> depuis lundi et m'a envoyé son certificat."),
    ("san2", "m", "{P} <<a fait un AVC>> le mois dernier, il reprend à mi-temps."),
    ("san3", "f", "{l} <<est sous chimio>> jusqu'en mars, elle bosse de chez elle"),
    # -- religion -----------------------------------------------------------------------------
    ("rel1", "m", "{P} <<fait le ramadan>> et demande à décaler sa pause."),
    ("rel2", "f", "{P} <<porte le voile>> à l'accueil, un usager s'est plaint."),
    ("rel3", "m", "{P} <<va à la messe>> le dimanche et refuse les astreintes ce jour-là."),
    # -- political opinion: independence and autonomy said of someone -----------------------
    ("pol1", "m", "{P} <<est militant autonomiste>> et colle des affiches le soir."),
    ("pol2", "f", "{l} <<est sympathisante indépendantiste>> depuis la fac"),
    ("pol3", "m", "Mon adjoint {P} <<se dit indépendantiste>>, peut-il tenir le bureau de vote ?"),
    # -- unions -------------------------------------------------------------------------------
    ("syn1", "f", "{P} <<est déléguée {U}>> au comité social d'administration."),
    ("syn2", "m", "{P} <<est adhérent {U}>> depuis son arrivée."),
    ("syn3", "f", "{P} <<milite à la {U}>> et tient la permanence du jeudi."),
    # -- origin -------------------------------------------------------------------------------
    ("ori1", "m", "{P} <<est d'origine tunisienne>> et un usager l'a insulté."),
    ("ori2", "f", "{P} <<a des racines comoriennes>>, elle en parle volontiers."),
    ("ori3", "m", "{P} <<a grandi en Algérie>> et on commente son accent."),
    # -- genetics: a gene of predisposition with its disease ----------------------------------
    (
        "gen1",
        "m",
        "{P} <<est porteur d'un gène de prédisposition au cancer de la prostate>>, il veut le "
        "taire.",
    ),
    (
        "gen2",
        "f",
        "{P} <<a un gène de prédisposition à la maladie d'Alzheimer>>, dit son médecin.",
    ),
    ("gen3", "f", "{P} <<a donné son ADN pour un test de paternité>>, elle pose sa matinée."),
    # -- offences: detention said of someone --------------------------------------------------
    ("inf1", "m", "{P} <<est au quartier de semi-liberté>> depuis mars, il sort à 7 h."),
    ("inf2", "f", "{P} <<a été écrouée à la maison d'arrêt>> de Rennes la semaine dernière."),
    ("inf3", "m", "{P} <<est au centre de semi-liberté>> de Metz jusqu'en juin."),
    # -- sexual life: the owner told by a rank, an apposition, the greeting; affairs ----------
    ("vs1", "m", "Le capitaine {S} part à Brest avec <<son compagnon>>, il demande une mutation."),
    ("vs2", "f", "La commandante {S} viendra au pot avec <<sa compagne>>."),
    ("vs3", "f", "{P} <<a une liaison>> avec un collègue de l'étage, tout le monde en parle."),
    ("vs4", "m", "D'après la rumeur, {P} <<entretient une liaison>> depuis l'été."),
    ("vs5", "m", "{P} <<a refait sa vie avec>> {QM} et change de situation familiale."),
    ("vs6", "f", "{P} <<élève ses enfants avec son amie>> et demande un temps partiel."),
    (
        "vs7",
        "f",
        "Bonjour {G},\nTu m'as écrit : « j'habite avec <<ma compagne>> à Quimper », c'est noté."
        "\n{QM}",
    ),
    ("vs8", "f", "Parloir du jeudi : {QF}, <<la compagne de>> {EF}, détenue au bâtiment C."),
    ("vs9", "f", "Tu savais ? {P} <<épouse>> {QF} samedi, elle pose trois jours."),
    # -- look-alikes with a name: the topic words are not about the person -------------------
    ("neg1", "m", "{P} coordonne les soins des détenus âgés à la maison d'arrêt de Nîmes."),
    ("neg2", "f", "{P} dirige le quartier de semi-liberté de Villejuif."),
    ("neg3", "m", "{P} administre la base biométrique des passeports."),
    ("neg4", "f", "{P} a rédigé une note sur les arrêts maladie des contractuels."),
    ("neg5", "m", "{P} anime un atelier concernant les addictions au travail."),
    ("neg6", "f", "{P} prépare un dossier sur le courant indépendantiste corse."),
    ("neg7", "m", "{P} assure la liaison avec la préfecture chaque lundi."),
    ("neg8", "f", "{P} a une liaison directe avec le standard du ministère."),
    ("neg9", "m", "{P} épouse les vues de sa direction sur le projet."),
    ("neg10", "f", "Dossier de Mme {G} {S} épouse {SS}, à classer."),
    ("neg11", "m", "Le capitaine {S} part à Toulon avec sa compagne."),
    ("neg12", "f", "La commandante {S} viendra au pot avec son mari."),
    (
        "neg13",
        "m",
        "Bonjour {G},\nTu m'as écrit : « j'habite avec ma compagne à Rennes », c'est noté.\n{QF}",
    ),
    ("neg14", "f", "{P} m'a demandé quel délai de carence pour un arrêt maladie, tu sais ?"),
    ("neg15", "m", "{P} présente la circulaire relative aux détenus en semi-liberté."),
    # -- look-alikes without a name ------------------------------------------------------------
    ("none1", "", "Le nombre de détenus diabétiques à la maison d'arrêt de Caen a doublé."),
    ("none2", "", "La prise en charge des patients âgés à la maison centrale pose question."),
    ("none3", "", "Le quartier de semi-liberté de Lyon rouvre en septembre."),
    ("none4", "", "Le centre de semi-liberté recrute deux surveillants."),
    ("none5", "", "La base biométrique des cartes d'identité sera migrée en mai."),
    ("none6", "", "Le fichier biométrique des visas est hébergé par le ministère."),
    ("none7", "", "Peux-tu me préparer une note sur les arrêts maladie de longue durée ?"),
    ("none8", "", "Je cherche la circulaire concernant les détenus radicalisés."),
    ("none9", "", "Combien de jours de carence pour un congé maladie ordinaire ?"),
    ("none10", "", "Quel délai en cas d'hospitalisation programmée ?"),
    ("none11", "", "Rédige-moi un résumé sur les partis autonomistes en Europe."),
    ("none12", "", "Le mouvement indépendantiste a organisé un rassemblement hier."),
    ("none13", "", "La liaison ferroviaire entre Brest et Quimper est coupée."),
    (
        "none14",
        "",
        "Je voudrais un modèle de courrier concernant les condamnations des candidats.",
    ),
    ("none15", "", "Peux-tu faire une synthèse sur les violences conjugales pour la formation ?"),
    ("none16", "", "Ma note porte sur les détenus en semi-liberté."),
    ("none17", "", "Un atelier au sujet des maladies chroniques est prévu jeudi."),
    ("none18", "", "Le préfet reçoit les élus autonomistes lundi."),
    ("none19", "", "Quelles modalités pour une reprise après un congé de maternité ?"),
    ("none20", "", "Les gènes de prédisposition au diabète sont étudiés par l'Inserm."),
    ("none21", "", "Les détenus malades à la maison d'arrêt sont suivis par l'USMP."),
    ("none22", "", "Voici le rapport sur les délits routiers commis dans le département."),
    ("none23", "", "La note concernant les condamnés à de longues peines est en ligne."),
    ("none24", "", "Le service ouvre un dossier sur les porteurs sains de la drépanocytose."),
    ("none25", "", "Combien de places au quartier de semi-liberté de Meaux ?"),
    ("none26", "", "Quelle indemnisation pour un accident de service ?"),
    ("none27", "", "La borne biométrique de la mairie est en panne depuis lundi."),
    ("none28", "", "Je prépare un quiz sur les religions du monde pour la médiathèque."),
    ("none29", "", "Un exposé à propos des discriminations liées à l'origine est prévu."),
    ("none30", "", "La liaison radio avec la patrouille a été rétablie."),
    ("none31", "", "Le guide relatif aux congés de maladie est mis à jour."),
    ("none32", "", "Le registre des détenus à la maison d'arrêt est tenu par le greffe."),
    ("none33", "", "On m'a demandé une fiche sur les tests génétiques en entreprise."),
    ("none34", "", "Le séparatisme est l'objet de la loi de 2021."),
    ("none35", "", "La cellule écoute reçoit les victimes de violences sexuelles."),
    ("none36", "", "Pouvez-vous me rappeler les règles concernant les fêtes religieuses ?"),
    ("none37", "", "Le bus assure une liaison directe avec la gare."),
    ("none38", "", "Merci de m'envoyer le bilan sur les accidents du travail de 2025."),
]

_EPICENE_GIVEN = ("Camille", "Claude", "Dominique", "Alix", "Sacha")


def _second_person(rng: random.Random, female: bool) -> str:
    given = rng.choice(base.GIVEN_F if female else base.GIVEN_M)
    return f"<<personne:{given} {rng.choice(base.SURNAMES)}>>"


def _epicene_person(rng: random.Random) -> str:
    return f"<<personne:{rng.choice(base.SURNAMES).upper()} {rng.choice(_EPICENE_GIVEN)}>>"


def _slot_value(rng: random.Random, slot: str) -> str:
    if slot in ("{QF}", "{QM}"):
        return _second_person(rng, slot == "{QF}")
    if slot == "{SS}":
        return f"<<personne:{rng.choice(base.SURNAMES)}>>"
    return _epicene_person(rng)


def _fill(rng: random.Random, template: str) -> str:
    """This file's slots, as labelled phrases that dev8's renderer reads."""
    for slot in ("{QF}", "{QM}", "{SS}", "{EF}", "{EM}"):
        while slot in template:
            template = template.replace(slot, _slot_value(rng, slot), 1)
    return template


def generate() -> list[kit.Row]:
    rng = random.Random(SEED)
    return kit.unique(
        base.render(rng, template_id, gender or "m", _fill(rng, template), SPLIT, "dev15")
        for template_id, gender, template in TEMPLATES
        for _ in range(RENDERS if gender else 1)
    )


counts = kit.counts


def write(rows: list[kit.Row], path: Path = OUT) -> None:
    kit.write(rows, path)


if __name__ == "__main__":
    kit.rewrite(generate(), OUT)
