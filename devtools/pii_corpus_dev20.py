"""A twentieth development set for the personal-data guard: tests/data/pii_dev20.jsonl.

Issue 18. Written after test12 was read, from the art. 9/10 families round 13 mended, in new
words: a rule asked of an indefinite subject after an opener and a colon ("question rapide :
une agente peut-elle …"), a note on the general case ("fiche … d'un agent …, en général"),
counts and statistics at the head of a sentence ("combien de gardes à vue en 2025 ?"), the
offence a victim suffered, a hospital ward named by its speciality, an ancestry DNA test, a
sequencing platform or a genetics unit someone runs, a genetic syndrome (genetics, not health),
an initial after a surname ("Ferrand K. a …"); then, said of someone, psychiatric care without
consent, surgery on the heart written with "œ", a conversion or a fast after an opener, having
been in the yellow vests, a vote told, actions of Extinction Rebellion, foresters',
magistrates' and police unions, the peoples of Guyana, children of pieds-noirs or harkis, sexual
practices, a double life, the sex on the civil status changed by request, a biometric
enrolment, probation, driving without a licence, a reassessment for undeclared work, a record
for an offence and a minor's penal measure. About half the lines are look-alikes: the same
words said of no one, or next to a name they are not about.

The machinery and the name lists are dev8's (devtools/pii_corpus_dev8.py); the templates are this
file's own. The line format and labelling rules are those of tests/data/PII_SETS.md.
Deterministic: `python -m devtools.pii_corpus_dev20` rewrites the file.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from devtools import pii_corpus_dev8 as base

SEED = 20262020
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii_dev20.jsonl"
SPLIT = "dev20"
RENDERS = 4

# dev8's slots ({P} a name, {G} a given name, {S} a surname, {l} a name in lower case).
# <<phrase>> is labelled with the template's family, <<category:phrase>> with its category.
# Templates "neg…" are look-alikes with a name, "none…" look-alikes without one (rendered once).
TEMPLATES: list[base.T] = [
    # -- health: care without consent, surgery, an initial after the surname ------------------
    ("san1", "f", "{P} <<a été placée en soins psychiatriques sans consentement>> vendredi."),
    ("san2", "m", "Depuis que {G} <<est hospitalisé sous contrainte>>, qui gère son courrier ?"),
    ("san3", "f", "Je te préviens : {P} <<a été opérée du cœur>> et reprend à mi-temps."),
    ("san4", "m", "<<personne:{S} R.>> <<souffre d'une sciatique>>, prévoir un siège adapté."),
    # -- political opinion: yellow vests, a vote told, a movement's actions --------------------
    ("pol1", "m", "{P} <<a été gilet jaune>> tout l'hiver 2018, ça se sait au service."),
    ("pol2", "f", "Au conseil, on dit que {P} <<a voté contre l'indépendance>> en 2020."),
    ("pol3", "m", "{P} <<participe aux blocages d'Extinction Rebellion>> le week-end."),
    ("pol4", "f", "{P}, <<ancienne gilet jaune>>, veut se présenter au comité des fêtes."),
    # -- unions: foresters, magistrates, police ------------------------------------------------
    ("syn1", "m", "Le garde forestier {S} <<a pris sa carte au SNUPFEN>> cette année."),
    ("syn2", "f", "La juge {S} <<est adhérente de l'USM>> depuis son installation."),
    ("syn3", "m", "Le brigadier {S} <<est délégué Unité SGP>> pour la circonscription."),
    ("syn4", "f", "{P} <<milite au SNPES-PJJ>> et demande ses heures pour le congrès."),
    # -- origin: peoples of Guyana, children of pieds-noirs or harkis --------------------------
    ("ori1", "f", "{P} <<est wayana>> et parle sa langue avec les familles du fleuve."),
    ("ori2", "m", "Dans sa lettre, {P} écrit qu'il <<est petit-fils de harkis>>."),
    ("ori3", "f", "{P} <<est fille de pieds-noirs>> et cherche l'acte de naissance d'Oran."),
    ("ori4", "m", "{P} <<est palikur>>, la famille demande un interprète à l'audience."),
    # -- religion: a conversion, a fast, a pilgrimage, said of a teenager in a home ------------
    ("rel1", "m", "Au foyer, {G} (14 ans) <<s'est converti au bouddhisme>> cet été."),
    ("rel2", "f", "Rapide : {P} <<fait le jeûne du ramadan>>, décale la réunion de 13 h."),
    ("rel3", "m", "{P} <<part en pèlerinage à Lourdes avec sa paroisse>>, il pose trois jours."),
    # -- sexual life: practices, a double life, the sex on the civil status ---------------------
    ("vs1", "f", "{P} <<pratique l'échangisme>> et craint que ça se sache au bureau."),
    ("vs2", "m", "D'après la rumeur, {P} <<mène une double vie>> depuis des années."),
    ("vs3", "f", "{P} <<a obtenu la modification de la mention du sexe>> sur son acte."),
    ("vs4", "m", "{P} <<pratique le sadomasochisme>> et un collègue l'a dénoncé."),
    # -- genetics: enrolment, a syndrome, an initial after the surname -------------------------
    ("gen1", "f", "{P} <<a enrôlé ses empreintes>> pour la cantine, peut-elle refuser ?"),
    ("gen2", "m", "Au poste frontière, {P} <<a enrôlé son visage>> sur la borne PARAFE."),
    ("gen3", "f", "{P} <<est atteinte du syndrome de Turner>> et demande un tiers temps."),
    ("gen4", "m", "<<personne:{S} M.>> <<a une trisomie 21>>, l'ESAT demande son dossier."),
    ("gen5", "m", "{P} <<a fait un test ADN>> d'ascendance pour sa généalogie."),
    # -- offences: probation, licence, undeclared work, a record, a minor's measure ------------
    ("inf1", "m", "{P} <<est suivi par le JAP>> et doit pointer chaque lundi."),
    ("inf2", "f", "{P} <<a conduit sans assurance>> avec le véhicule de service."),
    ("inf3", "m", "Le gérant {S} <<a été redressé pour travail dissimulé>> en mars."),
    ("inf4", "f", "{P} <<a déjà un casier pour escroquerie>>, l'agrément est-il possible ?"),
    ("inf5", "m", "Le jeune {G} <<fait l'objet d'une interdiction de paraître>> à Nîmes."),
    # -- look-alikes with a name: the topic words are not about the person -------------------
    ("neg1", "f", "{P}, victime d'un cambriolage, demande un certificat pour l'assurance."),
    ("neg2", "m", "Transmission du service de cardiologie : {P} sort demain matin."),
    ("neg3", "f", "{P} dirige la plateforme de génotypage de l'université."),
    ("neg5", "f", "{P} doit porter un gilet jaune sur le chantier de la voirie."),
    ("neg6", "m", "{P} a un casier au vestiaire du gymnase, il a perdu la clé."),
    ("neg7", "f", "{P} entraîne les cadets de l'USM le mercredi."),
    ("neg8", "m", "{P} a été victime de violences à la sortie du stade, il porte plainte."),
    ("neg9", "f", "{P} instruit les dossiers de conduite sans permis à la préfecture."),
    ("neg10", "m", "{P} coordonne l'unité de génétique du CHU."),
    ("neg11", "f", "Note du service d'oncologie : {P} remplace la cadre de santé."),
    ("neg12", "m", "{P} travaille au SPIP de Lyon depuis 2019."),
    # -- look-alikes without a name ------------------------------------------------------------
    ("none1", "", "Question rapide : une agente peut-elle jeûner pendant le ramadan ?"),
    ("none2", "", "Urgent : un policier peut-il être candidat aux municipales ?"),
    ("none3", "", "Petit point : un fonctionnaire peut-il dire qu'il est syndiqué ?"),
    ("none4", "", "Rappel : un enseignant peut-il porter une kippa en classe ?"),
    ("none5", "", "Pour info : une salariée peut-elle refuser de dire si elle est enceinte ?"),
    ("none6", "", "Prépare une fiche sur les congés d'un agent atteint d'un cancer, en général."),
    ("none7", "", "Fiche sur le maintien du salaire d'une agente en dépression, cas général."),
    ("none8", "", "Combien de gardes à vue en 2025 dans la circonscription ? Donne-moi le lien."),
    ("none9", "", "Statistiques 2024 : congés maladie par service, fais-moi un tableau."),
    ("none10", "", "Combien d'heures de délégation syndicale pour 300 agents ? Aide-moi."),
    ("none11", "", "Nombre de PACS entre personnes de même sexe dans le canton, donne-moi ça."),
    ("none12", "", "Combien de places en psychiatrie adulte dans la Drôme ? Trouve-moi ça."),
    ("none13", "", "Taux de retraits de permis en 2023, montre-moi la courbe."),
    ("none14", "", "Marché : fourniture de lecteurs d'empreintes pour la cantine."),
    ("none15", "", "La plateforme de séquençage du CHU recrute un bio-informaticien."),
    ("none16", "", "Le laboratoire de génétique ferme en août."),
    ("none17", "", "Le service de psychiatrie infanto-juvénile déménage au bâtiment C."),
    ("none18", "", "Les victimes d'escroquerie en ligne peuvent porter plainte sur internet."),
    ("none19", "", "Une victime de vol doit-elle fournir le récépissé de plainte ?"),
    ("none20", "", "Les gilets jaunes sont obligatoires dans chaque véhicule."),
    ("none21", "", "Les casiers du vestiaire seront vidés vendredi."),
    ("none22", "", "Le SPIP recrute des conseillers pénitentiaires d'insertion."),
    ("none23", "", "Le référendum sur l'indépendance a eu lieu en 2018."),
    ("none24", "", "Extinction Rebellion a bloqué le pont hier, rédige la note."),
    ("none25", "", "Le guide sur la mention du sexe à l'état civil est en ligne."),
    ("none26", "", "Les soins sans consentement relèvent du juge des libertés."),
    ("none27", "", "La conduite sans permis est un délit : rédige l'affiche."),
    ("none28", "", "Le travail dissimulé coûte cher aux finances publiques."),
    ("none29", "", "Le calendrier des fêtes orthodoxes et bouddhistes est affiché."),
    ("none30", "", "Peut-on prêter la salle à une association protestante ?"),
    ("none31", "", "La borne PARAFE recueille les visages des voyageurs volontaires."),
    ("none32", "", "Le syndrome de Turner touche une fille sur 2 500."),
    ("none33", "", "Les tests ADN d'ascendance sont interdits en France."),
    ("none34", "", "Le SNUPFEN appelle à la grève des martelages."),
    ("none35", "", "L'USM publie son rapport sur la justice des mineurs."),
    ("none36", "", "Combien de soins sans consentement en 2024 ? Sors-moi le chiffre."),
    ("none37", "", "Vite : une stagiaire peut-elle refuser un test ADN ?"),
    ("none38", "", "Les harkis et leurs enfants ont droit à une réparation."),
]


def generate() -> list[dict[str, Any]]:
    rng = random.Random(SEED)
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for template_id, gender, template in TEMPLATES:
        renders = RENDERS if gender else 1
        for _ in range(renders):
            row = base.render(rng, template_id, gender or "m", template)
            row["split"] = SPLIT
            row["template"] = f"dev20_{template_id}"
            if row["text"] not in seen:
                seen.add(row["text"])
                rows.append(row)
    return rows


counts = base.counts


def write(rows: list[dict[str, Any]], path: Path = OUT) -> None:
    base.write(rows, path)


if __name__ == "__main__":
    lines = generate()
    write(lines)
    print(f"{len(lines)} lines, items: {dict(counts(lines))}")
