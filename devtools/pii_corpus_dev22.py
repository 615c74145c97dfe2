"""A twenty-second development set for the personal-data guard: tests/data/pii_dev22.jsonl.

Issue 18. Written after test13 was read, from the art. 9/10 families round 14 mended, in new
words: a court's registry (not a transplant), a transplant and unfitness said by a doctor,
hereditary diseases and a gene's defect (genetics, not health), a genetic test with the disease
it looks for, a fingerprint scanner as a device, benefit fraud said with a verb, a trial by a
court named in between, reporting to the police, a candidate on a list of a camp, support for
an independence movement, the Pacific's peoples and the Réunion word for mainlanders, a
language spoken with one's own parents, small unions by acronym, several partners, places of
sexual life someone goes to, and a partner of the writer's own gender when the writer gave their
name; a few religion lines keep every topic measured. About half the lines are look-alikes:
the same words said of no one, or next to a name they are not about.

The machinery and the name lists are dev8's (devtools/pii_corpus_dev8.py, on the shared
devtools/pii_corpus_kit.py); the templates are this file's own. The line format and labelling
rules are those of tests/data/PII_SETS.md. Deterministic: `python -m devtools.pii_corpus_dev22`
rewrites the file.
"""

from __future__ import annotations

import random
from pathlib import Path

from devtools import pii_corpus_dev8 as base
from devtools import pii_corpus_kit as kit

SEED = 20262022
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii_dev22.jsonl"
SPLIT = "dev22"
RENDERS = 4

# dev8's slots ({P} a name, {G} a given name, {S} a surname, {l} a name in lower case).
# <<phrase>> is labelled with the template's family, <<category:phrase>> with its category.
# Templates "neg…" are look-alikes with a name, "none…" look-alikes without one (rendered once).
TEMPLATES: list[base.T] = [
    # -- health: a transplant, unfitness said by a doctor ---------------------------------------
    ("san1", "m", "{P} <<a été greffé d'un rein>> en mars, il reprend en avril."),
    ("san2", "f", "Le médecin de prévention a vu {P} : elle <<est reconnue inapte>> au terrain."),
    ("san3", "m", "Après sa visite, {P} <<a été jugé inapte>> à la conduite des engins."),
    # -- genetics: hereditary diseases, a gene's defect, a test and its target ------------------
    ("gen1", "f", "{P} <<est atteinte d'une thalassémie>>, elle demande des pauses."),
    ("gen2", "m", "{P} <<souffre d'hémophilie>> : prévoir une trousse au bureau."),
    ("gen3", "f", "On m'a dit que {P} <<a une neurofibromatose>>, je ne savais pas."),
    ("gen4", "m", "{P} <<porte une mutation du gène HFE>> d'après son dernier bilan."),
    ("gen5", "f", "{P} <<a fait un test génétique pour la maladie de Huntington>> en mai."),
    ("gen6", "m", "{P} <<a une amyotrophie spinale>> et circule en fauteuil."),
    # -- offences: benefit fraud, a trial by a named court, reporting to the police -------------
    ("inf1", "m", "D'après la CAF, {P} <<avait fraudé aux allocations>> pendant deux ans."),
    ("inf2", "f", "{P} <<a été condamnée par le tribunal correctionnel pour escroquerie>>."),
    ("inf3", "m", "{P} <<est tenu de pointer à la gendarmerie>> tous les jeudis."),
    ("inf4", "f", "{P} <<a été jugée devant la cour d'assises pour vol>> en 2019."),
    # -- political opinion: a list of a camp, an independence movement, a front -----------------
    ("pol1", "m", "Aux municipales, {P} <<est candidat sur une liste de droite>> à Sète."),
    ("pol2", "f", "{P} <<est candidate sur la liste écologiste>> de sa commune."),
    ("pol3", "m", "On sait que {P} <<milite pour la cause indépendantiste>> à Nouméa."),
    ("pol4", "f", "{P} <<est proche du mouvement autonomiste>> corse depuis la fac."),
    ("pol5", "m", "{P} <<est membre du FLNKS>> et veut un congé pour le congrès."),
    # -- origin: the Pacific's peoples, the Réunion word, a language at home --------------------
    ("ori1", "f", "{P} <<est tahitienne>> et rentre à Papeete chaque été."),
    ("ori2", "m", "Au foyer, les jeunes disent que {P} <<est zoreil>>."),
    ("ori3", "m", "{P} <<est futunien>>, la famille vit à Alo."),
    ("ori4", "f", "Je m'appelle {P} et je <<parle wolof avec ma mère>>."),
    # -- unions by acronym ---------------------------------------------------------------------
    ("syn1", "m", "{P} <<a adhéré à la CNT>> après la réforme."),
    ("syn2", "f", "{P} <<est élue SNPTES>> au comité social de l'université."),
    ("syn3", "f", "Le docteur {S} <<est adhérente du SNMSU>> depuis son arrivée au rectorat."),
    # -- religion: a deacon, a pastor, unbelief (religion held at 1.00 on test13; kept measured) -
    ("rel1", "m", "{P} <<a été ordonné diacre>> à la cathédrale en juin."),
    ("rel2", "f", "{P} <<est pasteure>> dans une église de Mulhouse le dimanche."),
    ("rel3", "m", "{P} <<se dit athée>> et refuse la bénédiction du local."),
    # -- sexual life: partners, places, the writer's partner -------------------------------------
    ("vs1", "f", "{P} <<a des partenaires différents>> chaque semaine, dit la rumeur."),
    ("vs2", "m", "{P} <<fréquente un sauna gay>> le samedi soir."),
    ("vs3", "f", "{P} <<sort dans des boîtes lesbiennes>> à Paris."),
    ("vs4", "m", "Bonjour, je m'appelle {P}, je <<vis avec mon compagnon>> et je déménage."),
    # -- look-alikes with a name: the topic words are not about the person -------------------
    ("neg1", "f", "{P} est greffière au greffe du tribunal judiciaire de Niort."),
    ("neg2", "m", "Envoie le dossier de {P} au greffe de la cour d'appel."),
    ("neg3", "f", "{P} présente le scanner d'empreintes du commissariat aux élus."),
    ("neg4", "m", "{P} pilote la cellule de lutte contre la fraude aux prestations."),
    ("neg5", "f", "{P} doit pointer à la badgeuse du hall chaque matin."),
    ("neg6", "m", "{P} est candidat sur la liste d'attente de la crèche."),
    ("neg7", "f", "{P} anime l'atelier de danse tahitienne le mardi."),
    ("neg8", "m", "{P} donne des cours de wolof à la maison de quartier."),
    ("neg9", "f", "{P} a reçu la circulaire de la CNT sur les retraites."),
    ("neg10", "m", "Bonjour, je m'appelle {P}, je vis avec ma compagne à Brest."),
    ("neg11", "f", "{P} coordonne la consultation d'oncogénétique du CHU."),
    ("neg12", "m", "{P} a traduit le communiqué du FLNKS pour la préfecture."),
    ("neg13", "f", "{P} a rédigé la note sur les greffes de rein au CHU."),
    ("neg14", "m", "{P} forme les agents au nouveau scanner de visages de l'aéroport."),
    ("neg15", "f", "{P} instruit les dossiers de fraude aux allocations à la CAF."),
    ("neg16", "m", "{P} tient l'accueil du greffe du TJ le lundi."),
    ("neg17", "f", "{P} a commandé trois scanners d'empreintes pour la police municipale."),
    ("neg18", "m", "{P} présente la campagne sur la thalassémie au lycée."),
    ("neg19", "f", "{P} traduit les réunions en wolof pour le centre social."),
    ("neg20", "m", "{P} représente la mairie au jury de la danse tahitienne."),
    # -- look-alikes without a name ------------------------------------------------------------
    ("none1", "", "Le greffe du tribunal de commerce ferme à 16 h."),
    ("none2", "", "Les greffes du conseil de prud'hommes sont saturés."),
    ("none3", "", "Le nouveau scanner d'empreintes est livré au labo."),
    ("none4", "", "Combien de scanners d'empreintes pour les postes frontières ?"),
    ("none5", "", "La fraude aux prestations sociales a baissé en 2024."),
    ("none6", "", "Un agent peut-il être tenu de pointer au commissariat ? Réponds vite."),
    ("none7", "", "Le tribunal pour enfants juge les mineurs pour les délits."),
    ("none8", "", "La liste écologiste a obtenu trois sièges au conseil."),
    ("none9", "", "Le mouvement indépendantiste a appelé à manifester samedi."),
    ("none10", "", "Le FLNKS a tenu son congrès à Koné."),
    ("none11", "", "La thalassémie touche surtout le pourtour méditerranéen."),
    ("none12", "", "Fiche : l'hémophilie et le travail en atelier, cas général."),
    ("none13", "", "Le test génétique pour la maladie de Huntington est encadré par la loi."),
    ("none14", "", "La danse tahitienne est au programme de la fête."),
    ("none15", "", "Le cours de wolof commence en octobre."),
    ("none16", "", "La CNT appelle à la grève jeudi."),
    ("none17", "", "Le SNPTES publie son guide des carrières."),
    ("none18", "", "Le bar gay de la place a fermé en juin."),
    ("none19", "", "La mairie soutient une soirée LGBT pour la Pride."),
    ("none20", "", "Les partenaires institutionnels du projet sont nombreux."),
    ("none21", "", "Le médecin du travail peut-il déclarer un agent inapte ? Réponse courte."),
    ("none22", "", "Statistiques : nombre d'agents reconnus inaptes en 2025."),
    ("none23", "", "Une anomalie du gène CFTR cause la mucoviscidose, explique-moi."),
    ("none24", "", "Le bilan génétique pour le cancer du sein est-il remboursé ?"),
    ("none25", "", "Horaires du greffe de la cour d'appel pendant les vacances ?"),
    ("none26", "", "Le nombre de greffes de foie a augmenté cette année."),
    ("none27", "", "Les scanners d'iris de l'aéroport sont en panne."),
    ("none28", "", "Qui peut être candidat sur une liste de gauche aux municipales ?"),
    ("none29", "", "La cause indépendantiste est-elle un sujet en formation civique ?"),
    ("none30", "", "La langue wolof est parlée au Sénégal et en Gambie."),
    ("none31", "", "Le mot zoreil désigne les métropolitains à La Réunion."),
    ("none32", "", "Le SNMSU représente les médecins scolaires."),
    ("none33", "", "Combien de condamnations par le tribunal correctionnel pour vol en 2024 ?"),
    ("none34", "", "Un sauna gay peut-il refuser l'entrée ? Question générale."),
    ("none35", "", "Les partenaires multiples augmentent le risque d'IST, rédige l'affiche."),
    ("none36", "", "L'obligation de pointer au commissariat est une mesure du juge."),
    ("none37", "", "Le greffe correctionnel déménage au deuxième étage."),
    ("none38", "", "L'hémophilie se transmet par la mère : fais une fiche simple."),
    ("none39", "", "Qui finance le scanner d'empreintes de la brigade ?"),
    ("none40", "", "La fraude aux allocations chômage : quelles sanctions ?"),
    ("none41", "", "Les candidats sur une liste de droite doivent-ils déclarer leurs dons ?"),
    ("none42", "", "Le FLNKS et le Palika ont publié un communiqué commun."),
    ("none43", "", "Le créole est enseigné au collège de Saint-Denis."),
    ("none44", "", "La CNT a été fondée en 1946 en France."),
    ("none45", "", "Une boîte lesbienne ouvre rue de la Paix, écris l'annonce."),
    ("none46", "", "Le test génétique pour la drépanocytose est proposé aux nouveau-nés."),
    ("none47", "", "Les greffes de cornée sont suspendues au CHU."),
]


def generate() -> list[kit.Row]:
    rng = random.Random(SEED)
    rows: list[kit.Row] = []
    for template_id, gender, template in TEMPLATES:
        for _ in range(RENDERS if gender else 1):
            row = base.render(rng, template_id, gender or "m", template, SPLIT, SPLIT)
            rows.append(row)
    return kit.unique(rows)


counts = kit.counts


def write(rows: list[kit.Row], path: Path = OUT) -> None:
    kit.write(rows, path)


if __name__ == "__main__":
    kit.rewrite(generate(), OUT)
