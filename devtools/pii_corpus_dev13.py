"""A thirteenth development set for the personal-data guard: tests/data/pii_dev13.jsonl (issue 18).

Written after test9 was read, from phrasings of the art. 9/10 topics that no set holds, to check
that the rules written for whole linguistic families (not for test9's phrases) carry to a new
writer's words, and above all that they stay quiet on look-alikes: about half the lines say the
same words of no one (a question about any agent, a definition, a procedure, a training, a law,
a statistic, a job description, a victim, a service) or name a person next to topic words that
are not about that person.

The machinery and the name lists are dev8's (devtools/pii_corpus_dev8.py); the templates are this
file's own. The line format and labelling rules are those of tests/data/PII_SETS.md.
Deterministic: `python -m devtools.pii_corpus_dev13` rewrites the file.
"""

from __future__ import annotations

import random
from pathlib import Path

from devtools import pii_corpus_dev8 as base
from devtools import pii_corpus_kit as kit

SEED = 20261313
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii_dev13.jsonl"
SPLIT = "dev13"
RENDERS = 3

# Same slots as dev8 ({P} a name, {G} a given name, {l} a name in lower case, {U} a union...);
# <<phrase>> is labelled with the template's family, <<category:phrase>> with its category.
# Templates without a gender are look-alikes with a name ("neg…") or rendered once ("none…").
TEMPLATES: list[base.T] = [
    # -- health -----------------------------------------------------------------------------------
    ("san1", "f", "{P} <<a été transférée en soins intensifs>> cette nuit, je la remplace."),
    ("san2", "m", "{l} <<est sous morphine>> depuis son opération, il rentre pas avant lundi"),
    ("san3", "f", "{P} <<est suivie en addictologie>> et demande un horaire aménagé."),
    ("san4", "m", "{P} <<a fait un burn-out>> l'an dernier, peut-on lui confier l'astreinte ?"),
    ("san5", "f", "{P} <<est enceinte de cinq mois>>, le poste de nuit doit être revu."),
    # -- religion ---------------------------------------------------------------------------------
    ("rel1", "m", "{P} <<jeûne pour Kippour>> et demande à partir à 15 h."),
    ("rel2", "f", "{P} <<fête Diwali>> avec sa famille, elle pose sa journée."),
    ("rel3", "m", "{l} <<va a la mosquee le vendredi>> midi, il rattrape apres"),
    ("rel4", "f", "{P} <<s'est convertie au bouddhisme>> et part en retraite au monastère."),
    # -- political opinion ------------------------------------------------------------------------
    ("pol1", "m", "{P} <<a signé la pétition de LFI>> avec son adresse pro."),
    ("pol2", "f", "{P} <<tracte pour le RN>> devant la gare le samedi."),
    ("pol3", "m", "{P} <<est conseiller municipal d'opposition>> à Rennes."),
    ("pol4", "f", "{l} <<vote ecolo>> et elle le dit a tout le monde"),
    # -- unions -----------------------------------------------------------------------------------
    ("syn1", "f", "{P} <<est élue au CSE sur la liste {U}>>, elle siège mardi."),
    ("syn2", "m", "{P} <<a une décharge syndicale>> de 50 %, comment la saisir ?"),
    ("syn3", "f", "{P} <<milite chez {U}>> depuis 2019."),
    ("syn4", "m", "{P} <<est délégué syndical {U}>> depuis mars."),
    # -- sexual life ------------------------------------------------------------------------------
    ("vs1", "m", "{P} <<vit avec son compagnon>> à Lille, il demande une mutation."),
    ("vs2", "f", "{P} <<est lesbienne>> et un collègue fait des blagues."),
    ("vs3", "m", "{P} <<a fait son coming out>> en réunion d'équipe."),
    ("vs4", "m", "{P} <<s'est pacsé avec son compagnon>> en juin, congé pour PACS ?"),
    # -- origin -----------------------------------------------------------------------------------
    ("ori1", "m", "{P} <<est d'origine marocaine>> et on lui demande sans cesse d'où il vient."),
    ("ori2", "f", "{P} <<parle le wolof à la maison>>, ses parents viennent de Dakar."),
    ("ori3", "m", "{P} <<est issu de l'immigration algérienne>>, il en parle librement."),
    ("ori4", "f", "Un usager a dit à {P} qu'elle <<était « une négresse »>> : quelle suite ?"),
    # -- genetics, biometrics ---------------------------------------------------------------------
    ("gen1", "m", "{P} <<a fait un test ADN de paternité>>, il demande un jour."),
    ("gen2", "f", "{P} <<est porteuse saine de la mucoviscidose>>, elle en a parlé au médecin."),
    ("gen3", "m", "{P} <<a enregistré ses empreintes digitales>> sur la badgeuse."),
    ("gen4", "f", "{P} <<a fait un séquençage de son génome>> dans une clinique privée."),
    # -- offences ---------------------------------------------------------------------------------
    ("inf1", "m", "{P} <<a été placé en garde à vue>> mardi, il sera absent."),
    ("inf2", "f", "{P} <<est convoquée au tribunal correctionnel>> le 4 mars."),
    ("inf3", "m", "{l} <<porte un bracelet electronique>> jusqu'en juin"),
    ("inf4", "f", "{P} <<a été condamnée à six mois avec sursis>> pour fraude."),
    ("inf5", "m", "{P} <<a été arrêté pour rodéo urbain>> le week-end dernier."),
    # -- look-alikes with a name: the topic words are not about the person ----------------------
    ("neg1", "f", "{P} anime la formation « prévenir le burn-out » jeudi."),
    ("neg2", "m", "{P} est le référent handicap de la direction."),
    ("neg3", "f", "{P} instruit les demandes de congé longue maladie du service."),
    ("neg4", "m", "{P} rédige la note sur la laïcité et le port du voile à l'école."),
    ("neg5", "f", "{P} tient l'accueil des victimes de violences conjugales au commissariat."),
    ("neg6", "m", "{P} a présenté le bilan des arrêts maladie de 2025 au comité."),
    ("neg7", "f", "{P} est greffière au tribunal correctionnel."),
    ("neg8", "m", "{P} est surveillant au centre de détention de Muret."),
    ("neg9", "f", "{P} est infirmière aux urgences du CHU de Nantes."),
    ("neg10", "m", "{P} a été victime d'un vol de portable dans le métro."),
    ("neg11", "f", "{P} a porté plainte pour le vol de son vélo."),
    ("neg12", "m", "{P} organise le pot de Noël du service le 19 décembre."),
    ("neg13", "f", "{P} est chargée du marché de lecteurs biométriques."),
    ("neg14", "m", "{P} enseigne l'histoire des religions en terminale."),
    ("neg15", "f", "{P} rédige le guide sur les élections professionnelles."),
    # -- look-alikes without a name ----------------------------------------------------------
    (
        "none1",
        "",
        "Comment déclarer un accident de trajet pour un agent qui s'est cassé le bras ?",
    ),
    ("none2", "", "Quels sont les droits d'une agente enceinte en horaires de nuit ?"),
    ("none3", "", "c'est quoi un congé longue durée exactement ?"),
    ("none4", "", "Que faire si un usager fait un malaise au guichet ?"),
    ("none5", "", "Peut-on refuser un congé pour fête religieuse à un stagiaire ?"),
    ("none6", "", "Un fonctionnaire en garde à vue doit-il prévenir son employeur ?"),
    ("none7", "", "La procédure de retrait de points est décrite dans le code de la route."),
    ("none8", "", "Quelle est la durée d'une décharge syndicale pour un délégué ?"),
    ("none9", "", "Le taux d'absentéisme pour maladie a baissé de 2 % cette année."),
    ("none10", "", "Explique-moi ce qu'est une composition pénale en trois lignes."),
    ("none11", "", "La salle de prière de l'aéroport est fermée pour travaux."),
    ("none12", "", "Le fichier des personnes recherchées est géré par l'Intérieur."),
    ("none13", "", "Rédige une fiche sur le bracelet électronique pour les nouveaux agents."),
    ("none14", "", "Le préavis de grève de la CGT couvre toute la semaine."),
    ("none15", "", "Les bulletins de vote du second tour sont arrivés en mairie."),
    ("none16", "", "Le comité a voté le règlement intérieur à l'unanimité."),
    ("none17", "", "L'offre d'emploi demande un extrait de casier judiciaire vierge."),
    ("none18", "", "Le marché de reconnaissance faciale a été annulé par la CNIL."),
    ("none19", "", "Une campagne de vaccination contre la grippe commence lundi."),
    ("none20", "", "Le calendrier des fêtes religieuses 2026 est sur l'intranet."),
    ("none21", "", "Comment calculer le demi-traitement d'un agent en congé maladie ?"),
    ("none22", "", "La loi sur le PACS a été votée en 1999."),
    ("none23", "", "Le service pénitentiaire d'insertion et de probation recrute un CPIP."),
    ("none24", "", "Le juge des libertés et de la détention siège au deuxième étage."),
    ("none25", "", "Combien de jours de congé pour un mariage ou un PACS ?"),
    ("none26", "", "Le plan de lutte contre les discriminations liées à l'origine est publié."),
    ("none27", "", "Le test ADN est interdit en France hors cadre judiciaire ou médical."),
    ("none28", "", "La pointeuse biométrique du bâtiment B est en panne."),
    ("none29", "", "Le registre des élus municipaux est mis à jour chaque année."),
    ("none30", "", "Un agent condamné pénalement peut-il rester en poste ?"),
    ("none31", "", "La visite médicale d'embauche est obligatoire pour les apprentis."),
    ("none32", "", "La journée mondiale contre l'homophobie est le 17 mai."),
    ("none33", "", "quelle démarche pour un collègue en mi-temps thérapeutique ?"),
    ("none34", "", "Le nombre de détenus en maison d'arrêt dépasse la capacité."),
    ("none35", "", "Les heures de délégation syndicale sont-elles du temps de travail ?"),
    ("none36", "", "La campagne électorale officielle s'ouvre lundi à minuit."),
    ("none37", "", "Le médecin du travail reçoit sur rendez-vous le mardi."),
    ("none38", "", "Un salarié protégé peut-il être muté sans son accord ?"),
    ("none39", "", "La cérémonie du 11 novembre aura lieu devant le monument aux morts."),
    ("none40", "", "Le stage de sensibilisation à la sécurité routière coûte 250 euros."),
]


def generate() -> list[kit.Row]:
    rng = random.Random(SEED)
    return kit.unique(
        base.render(rng, template_id, gender or "m", template, SPLIT, "dev13")
        for template_id, gender, template in TEMPLATES
        for _ in range(RENDERS if gender else 1)
    )


counts = kit.counts


def write(rows: list[kit.Row], path: Path = OUT) -> None:
    kit.write(rows, path)


if __name__ == "__main__":
    kit.rewrite(generate(), OUT)
