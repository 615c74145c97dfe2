"""A seventeenth development set for the personal-data guard: tests/data/pii_dev17.jsonl.

Issue 18. Written after test11 was read, from the art. 9/10 families round 12 mended, in new
words: a topic in a hypothesis about anyone, whose subject has its own verb and object ("si un
usager fait un malaise cardiaque", "si quelqu'un a été condamné"); a rule asked of an indefinite
subject before the topic ("une enseignante peut-elle porter un foulard ?"); genetic analyses of
animals; a given name introduced ("c'est Baptiste"); a return-to-work medical visit; then, said
of someone, farmers' unions, a party's stand or leaflets, one's own parish, tissue typing and
samples given to a genetic study, the sex on the civil status record changed, goods seized by
customs, a customs fine, being caught in the act, and the trades that designate a person ("la
gérante", "l'éleveur"). About half the lines are look-alikes: the same words said of no one, or
next to a name they are not about.

The machinery and the name lists are dev8's (devtools/pii_corpus_dev8.py); the templates are this
file's own. The line format and labelling rules are those of tests/data/PII_SETS.md.
Deterministic: `python -m devtools.pii_corpus_dev17` rewrites the file.
"""

from __future__ import annotations

import random
from pathlib import Path

from devtools import pii_corpus_dev8 as base
from devtools import pii_corpus_kit as kit

SEED = 20261717
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii_dev17.jsonl"
SPLIT = "dev17"
RENDERS = 4

# dev8's slots ({P} a name, {G} a given name, {S} a surname, {l} a name in lower case).
# <<phrase>> is labelled with the template's family, <<category:phrase>> with its category.
# Templates "neg…" are look-alikes with a name, "none…" look-alikes without one (rendered once).
TEMPLATES: list[base.T] = [
    # -- unions: farmers' unions, union leave -------------------------------------------------
    ("syn1", "f", "{P} <<milite à la Confédération paysanne>> depuis son installation."),
    ("syn2", "m", "L'éleveur {S} <<a sa carte à la FDSEA>>, il siège à la chambre."),
    ("syn3", "m", "{P} <<est délégué des Jeunes Agriculteurs>> du canton."),
    ("syn4", "f", "La gérante du gîte <<profite d'une décharge syndicale>> le vendredi."),
    ("syn5", "m", "{P} <<est adhérent du MODEF>> et demande un congé pour le congrès."),
    # -- political opinion: a party's stand, leaflets ----------------------------------------
    ("pol1", "f", "{P} <<tenait le stand LFI>> à la braderie, un usager l'a reconnue."),
    ("pol2", "m", "Je <<tiens le stand de Renaissance>> dimanche, puis-je venir en uniforme ?"),
    ("pol3", "f", "{P} <<distribue des tracts du PCF>> devant la gare le samedi."),
    ("pol4", "m", "{P} <<a tenu un stand pour EELV>> au marché de Noël."),
    # -- religion: one's own parish, a name that is not a faith -------------------------------
    ("rel1", "m", "Je sonne les cloches de <<ma paroisse>> le dimanche, puis-je poser le lundi ?"),
    ("rel2", "f", "{P} <<fait le catéchisme dans sa paroisse>> et demande ses mercredis."),
    ("rel3", "m", "Salut, c'est {G}. Je <<fais le carême>> et je saute le repas d'équipe."),
    ("rel4", "f", "{P} <<s'occupe des fleurs de son église>> chaque samedi."),
    # -- genetics: tissue typing, a sample for a genetic study --------------------------------
    ("gen1", "m", "{P} <<a fait un typage HLA>> pour un don de moelle, il pose sa journée."),
    (
        "gen2",
        "f",
        "{P} <<a fourni un prélèvement de sang pour une recherche génétique>>, est-ce tracé ?",
    ),
    ("gen3", "f", "Ma sœur <<participe à une étude génétique>> de l'Inserm."),
    (
        "gen4",
        "m",
        "{P} attend <<les résultats de son typage HLA>> avant <<sante:la greffe de sa sœur>>.",
    ),
    # -- sexual life: the sex on the civil status record --------------------------------------
    (
        "vs1",
        "f",
        "{P} <<a fait changer la mention de son sexe>> sur son acte de naissance.",
    ),
    ("vs2", "m", "{P} <<a fait rectifier son sexe>> à l'état civil, mettez à jour son badge."),
    ("vs3", "f", "Depuis que j'ai fait <<corriger mon sexe>> à l'état civil, la paie bloque."),
    ("vs4", "m", "{P} <<a fait modifier son sexe>> sur ses papiers d'identité."),
    # -- offences: customs, caught in the act --------------------------------------------------
    (
        "inf1",
        "m",
        "{P} <<s'est fait confisquer des bouteilles de contrebande à la frontière>> hier.",
    ),
    ("inf2", "f", "{P} <<a réglé une amende douanière>> pour du tabac non déclaré."),
    ("inf5", "m", "{P} <<s'est vu confisquer du tabac de contrebande>> à Hendaye."),
    ("inf3", "m", "{P}, apiculteur, <<a été surpris en flagrant délit>> de vol de ruches."),
    (
        "inf4",
        "f",
        "La commerçante <<a été prise en flagrant délit>> de vente d'alcool à un mineur.",
    ),
    # -- origin: grandparents, a second nationality, parents' people ------------------------
    ("ori1", "m", "{P} <<a des grands-parents arméniens>>, il en parle souvent."),
    ("ori2", "f", "{P} <<possède aussi la nationalité turque>> et voyage souvent."),
    ("ori3", "m", "{P} est né à Dakar <<de parents peuls>>, il le dit volontiers."),
    # -- health: a named person in a hypothesis ----------------------------------------------
    ("san1", "m", "Si {P} <<refait un malaise cardiaque>>, qui appelle les secours ?"),
    ("san3", "f", "Si {P} <<refait une crise d'asthme>> en réunion, qui appelle le 15 ?"),
    (
        "san2",
        "f",
        "{P} <<est sous radiothérapie>> : peut-on avancer sa visite médicale de reprise ?",
    ),
    # -- look-alikes with a name: the topic words are not about the person -------------------
    ("neg1", "m", "{P} organise les visites médicales de reprise des agents."),
    ("neg2", "f", "{P} a sa visite médicale de reprise jeudi, qui la conduit ?"),
    ("neg3", "m", "{P} coordonne les tests ADN sur les chiens de race."),
    ("neg4", "f", "{P} a rédigé la fiche sur la modification de la mention du sexe."),
    ("neg5", "m", "{P} installe le stand de la mairie au forum des associations."),
    ("neg6", "f", "{P} instruit les dossiers d'amendes douanières du bureau de Roissy."),
    ("neg7", "m", "{P} a contacté la Confédération paysanne pour le salon."),
    ("neg8", "f", "{P} demande si un agent non titulaire peut être candidat aux municipales."),
    ("neg9", "m", "{P} dirige le laboratoire HLA du CHU."),
    ("neg10", "f", "{P} a demandé si quelqu'un avait déjà été condamné dans l'équipe."),
    ("neg11", "m", "{P} pilote le programme de génotypage des vaches laitières."),
    ("neg12", "f", "{P} a obtenu son diplôme au Maroc, faut-il une équivalence ?"),
    # -- look-alikes without a name ------------------------------------------------------------
    ("none1", "", "Si un usager fait un malaise cardiaque au guichet, quel protocole ?"),
    ("none2", "", "Lorsqu'une agente doit commencer une radiothérapie, qui l'informe ?"),
    ("none3", "", "Quand un élève a une crise d'épilepsie en classe, que faire ?"),
    ("none4", "", "Si un collègue fait une crise de diabète, qui doit intervenir ?"),
    ("none5", "", "Si quelqu'un a été condamné pour vol, peut-il passer le concours ?"),
    ("none6", "", "Si quelqu'un est placé en garde à vue, l'employeur est-il prévenu ?"),
    ("none7", "", "Une enseignante peut-elle porter un foulard en classe ?"),
    ("none8", "", "Un policier peut-il faire le ramadan en service ?"),
    ("none9", "", "Un militaire peut-il adhérer au RN ? Question générale."),
    ("none10", "", "Un agent contractuel peut-il être candidat aux municipales ?"),
    ("none11", "", "Un salarié non syndiqué peut-il voter aux élections professionnelles ?"),
    ("none12", "", "Une agente territoriale peut-elle prier dans son bureau ?"),
    ("none13", "", "Le laboratoire réalise des analyses génétiques sur les abeilles."),
    ("none14", "", "L'Inrae fait des tests ADN des chevaux de course."),
    ("none15", "", "Le vétérinaire envoie des prélèvements ADN du cheptel au laboratoire."),
    ("none16", "", "Rédige le communiqué : la FNSEA manifeste devant la préfecture."),
    ("none17", "", "La Coordination rurale tiendra une conférence de presse mardi."),
    ("none18", "", "Le stand du PS sera installé place de la mairie."),
    ("none19", "", "Comment faire modifier la mention du sexe à l'état civil ?"),
    ("none20", "", "La douane a confisqué 300 cartouches de contrebande au port du Havre."),
    ("none21", "", "Le service instruit les amendes douanières et les saisies."),
    ("none22", "", "Le laboratoire HLA de l'hôpital recrute un technicien."),
    ("none23", "", "La visite médicale de reprise est obligatoire après trente jours d'arrêt."),
    ("none24", "", "Bonjour, c'est <<personne:Baptiste>> de l'accueil, la salle est prête."),
    ("none25", "", "Le CHU lance une étude génétique sur la mucoviscidose."),
    ("none26", "", "La brigade a interpellé trois individus en flagrant délit la nuit dernière."),
    ("none27", "", "Quelle règle si un stagiaire veut jeûner pendant le ramadan ?"),
    ("none28", "", "Un fonctionnaire peut-il tenir le stand d'un parti ? Rappelle la règle."),
    ("none29", "", "La paroisse prête sa salle pour le don du sang."),
    ("none30", "", "Les analyses génétiques des bovins sont faites à Ploufragan."),
    ("none31", "", "Si quelqu'un fume du cannabis au travail, quelle sanction ?"),
    ("none32", "", "Moi c'est <<personne:Baptiste>>, je remplace <<personne:Lucie>> à l'accueil."),
    ("none33", "", "Un élu peut-il distribuer des tracts devant la mairie ?"),
    ("none34", "", "Les éleveurs de la FNSEA sont reçus au ministère."),
    ("none35", "", "Quand un détenu fait une tentative de suicide, qui prévenir ?"),
    ("none36", "", "Si une stagiaire doit passer une IRM, peut-elle partir plus tôt ?"),
    ("none37", "", "Un agent peut-il cotiser à la CGT sans le dire à son chef ?"),
    ("none38", "", "Le cheptel de l'exploitation a subi des tests génétiques obligatoires."),
    ("none39", "", "Qui peut consulter le typage HLA d'un donneur anonyme ?"),
    ("none40", "", "Une agente contractuelle peut-elle militer au PS ?"),
]


def generate() -> list[kit.Row]:
    rng = random.Random(SEED)
    return kit.unique(
        base.render(rng, template_id, gender or "m", template, SPLIT, "dev17")
        for template_id, gender, template in TEMPLATES
        for _ in range(RENDERS if gender else 1)
    )


counts = kit.counts


def write(rows: list[kit.Row], path: Path = OUT) -> None:
    kit.write(rows, path)


if __name__ == "__main__":
    kit.rewrite(generate(), OUT)
