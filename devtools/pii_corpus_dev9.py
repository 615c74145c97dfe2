"""A ninth development set for the personal-data guard: tests/data/pii_dev9.jsonl (issue 18).

Written after test7 was read, BEFORE the rules of that round, to check that they carry to
phrasings of the sensitive topics that no set holds: religion said through a place of worship,
a pilgrimage, a rite, a holiday of any faith, a diet, clothing or a role in a congregation;
politics through a vote, a petition, a march, a mandate, a party card or campaign work; unions
through a strike, a seat on a staff body, union leave or protected status; sex life through a
partner, a dating app, an affair, an identity; offences through each sanction and procedure
word; origin through a community, a language, a birth country, a double nationality; health
through a specialty, a treatment, a device, an addiction, a pregnancy or a leave. Ten
look-alikes say the same words of no one (a calendar, a training, a procurement, a policy).

The machinery and the name lists are dev8's (devtools/pii_corpus_dev8.py); the templates are this
file's own. The line format and labelling rules are those of tests/data/PII_SETS.md.
Deterministic: `python -m devtools.pii_corpus_dev9` rewrites the file.
"""

from __future__ import annotations

import random
from pathlib import Path

from devtools import pii_corpus_dev8 as base
from devtools import pii_corpus_kit as kit

SEED = 20261209
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii_dev9.jsonl"
SPLIT = "dev9"
RENDERS = 6

# Same slots as dev8 ({P} a name, {G} a given name, {l} a name in lower case, {U} a union...);
# <<phrase>> is labelled with the template's family, <<category:phrase>> with its category.
TEMPLATES: list[base.T] = [
    # -- religion ---------------------------------------------------------------------------------
    ("rel1", "m", "{P} <<va à la synagogue tous les samedis>>, peut-on éviter ses réunions ?"),
    ("rel2", "f", "{P} <<part en pèlerinage à Lourdes>> en mai, sur ses congés annuels."),
    ("rel3", "m", "{P} <<jeûne pour Kippour>> et demande à partir plus tôt mercredi."),
    ("rel4", "f", "{P} demande un jour de congé <<pour Diwali>>, c'est possible ?"),
    ("rel5", "m", "{P} <<porte la kippa>> au guichet, un usager s'en est plaint."),
    ("rel6", "f", "Pour le repas de service, {P} <<mange casher>>, tu peux prévoir ?"),
    ("rel7", "m", "{P} <<est diacre dans sa paroisse>> et voudrait un aménagement le dimanche."),
    ("rel8", "f", "{G} m'a dit qu'<<elle est athée>> quand on a parlé de la messe de Noël."),
    ("rel9", "m", "{l} <<fait le ramadan>> cette annee, on decale la pause dej ?"),
    ("rel10", "f", "{P} sera absente <<pour Roch Hachana>> lundi et mardi."),
    ("rel11", "m", "{P} <<s'est converti au bouddhisme>> l'an dernier."),
    ("rel12", "f", "{P} <<va à la mosquée le vendredi midi>>, elle rattrape ses heures le soir."),
    # -- political opinion ------------------------------------------------------------------------
    ("pol1", "f", "{P} <<a signé la pétition de la France insoumise>> avec son adresse pro."),
    ("pol2", "m", "{P} <<va voter Mélenchon>> au second tour, il le dit à tout le monde."),
    ("pol3", "f", "{P} <<tracte pour les écolos>> le samedi sur le marché."),
    ("pol4", "m", "{P} <<est conseiller municipal d'opposition>> dans sa commune."),
    ("pol5", "f", "{P} <<a sa carte chez Les Républicains>> depuis 2015."),
    ("pol6", "m", "{G} <<vote toujours à droite>>, ça se sent dans ses mails."),
    ("pol7", "f", "{P} <<est d'extrême gauche>> et le revendique en réunion."),
    ("pol8", "m", "{P} <<sera assesseur pour le RN>> dimanche, il demande son lundi."),
    ("pol9", "f", "{P} <<se présente aux municipales sur une liste écologiste>>."),
    ("pol10", "m", "{l} <<est un gros facho>> jte jure, il parle que de ca"),
    # -- unions -----------------------------------------------------------------------------------
    ("syn1", "f", "{P} <<siège en CAP pour la {U}>>, elle demande ses autorisations d'absence."),
    ("syn2", "m", "{P} <<a une ASA syndicale>> jeudi, je le note comment ?"),
    ("syn3", "f", "{P} <<est salariée protégée>>, peut-on quand même la muter ?"),
    ("syn4", "m", "{P} <<a été élu au CSE sur la liste {U}>> en décembre."),
    ("syn5", "f", "{P} <<est secrétaire de la section {U}>> de l'hôpital."),
    ("syn6", "m", "{P} <<a pris sa carte à la {U}>> après la réorganisation."),
    ("syn7", "f", "{l} <<est deleguee syndicale>> donc faut passer par elle"),
    ("syn8", "m", "{P} <<a appelé ses collègues à la grève au nom de la {U}>>."),
    # -- sexual life and orientation --------------------------------------------------------------
    ("vs1", "f", "{P} <<s'est pacsée avec sa compagne>> en avril, quels droits à congé ?"),
    ("vs2", "m", "{P} <<a annoncé qu'il est gay>> au pot de départ."),
    ("vs3", "f", "{P} <<est inscrite sur Tinder>> et des collègues font des captures."),
    ("vs4", "m", "{P} <<est trans>> et souhaite qu'on change son prénom dans l'annuaire."),
    ("vs5", "m", "{P} <<vit avec son petit ami>> à Rennes, il demande un rapprochement."),
    ("vs6", "m", "{P} <<trompe sa femme avec une stagiaire>>, tout l'étage est au courant."),
    ("vs7", "f", "{P} <<se dit asexuelle>> et on la taquine à ce sujet."),
    ("vs8", "f", "{l} <<sort avec une meuf du service compta>> jcrois"),
    # -- offences ---------------------------------------------------------------------------------
    ("inf1", "m", "{P} <<a pris six mois avec sursis>>, peut-il rester en poste ?"),
    ("inf2", "f", "{P} <<doit effectuer des travaux d'intérêt général>> le samedi."),
    ("inf3", "m", "{P} <<a perdu six points sur son permis>>, il conduit un véhicule de service."),
    (
        "inf4",
        "f",
        "{P} <<comparaît devant le tribunal correctionnel>> le 12, elle demande un jour.",
    ),
    ("inf5", "m", "{P} <<est mis en examen pour escroquerie>>, que dit le statut ?"),
    (
        "inf6",
        "f",
        "{P} <<a écopé d'une amende pour excès de vitesse>> avec la voiture du service.",
    ),
    ("inf7", "m", "{P} <<a fait de la prison>> il y a dix ans, faut-il le dire à l'équipe ?"),
    ("inf8", "f", "{P} <<porte un bracelet électronique>>, elle doit rentrer avant 19 h."),
    ("inf9", "m", "{l} <<sest fait arreter pour conduite en etat divresse>> samedi"),
    ("inf10", "f", "{P} <<fait l'objet d'une plainte pour harcèlement>>, que faire ?"),
    # -- origin -----------------------------------------------------------------------------------
    ("ori1", "f", "{P} <<est issue de la communauté gitane>> et subit des remarques."),
    ("ori2", "m", "{P} <<parle wolof avec sa famille>> au téléphone, un collègue s'en moque."),
    ("ori3", "f", "{P}, <<Française d'origine vietnamienne>>, est la cible de blagues."),
    ("ori4", "m", "{P} <<est métis>> et un usager lui a demandé d'où il venait."),
    ("ori5", "f", "{P} <<est née au Cameroun>>, elle demande si ça compte pour son dossier."),
    ("ori6", "m", "{P} <<a la double nationalité franco-algérienne>>."),
    ("ori7", "f", "{l} <<est asiat>> et on lui sort des blagues tout le temps"),
    # -- health -----------------------------------------------------------------------------------
    ("san1", "m", "{P} <<est suivi en oncologie>> à Lyon, il s'absente le mardi."),
    ("san2", "f", "{P} <<voit un psychiatre>> chaque semaine, faut-il le signaler ?"),
    ("san3", "f", "{P} <<est enceinte de cinq mois>>, peut-on adapter ses horaires ?"),
    ("san4", "m", "{P} <<porte un appareil auditif>> et n'entend pas le téléphone."),
    ("san5", "f", "{P} <<est sous antidépresseurs>> depuis l'hiver."),
    ("san6", "m", "{P} <<est en cure de désintoxication>> jusqu'à la fin du mois."),
    ("san7", "f", "{P} <<souffre de migraines chroniques>> et demande un écran filtrant."),
    ("san8", "m", "{P} <<a un pacemaker>>, il ne peut pas passer le portique."),
    ("san9", "f", "{l} <<a fait une depression>> l'an dernier et elle revient lundi"),
    ("san10", "m", "{P} <<a des séances de kiné>> trois fois par semaine pour son dos."),
    # -- genetic and biometric data ---------------------------------------------------------------
    ("gen1", "f", "{P} <<est porteuse du gène BRCA1>>, elle hésite à le dire au médecin."),
    ("gen2", "m", "{P} <<a fait un test de paternité>> et le résultat circule."),
    # -- look-alikes: the same words said of no one -----------------------------------------------
    ("neg1", "", "Le calendrier des fêtes religieuses (Kippour, Diwali, Vesak) est en ligne."),
    ("neg2", "", "La formation sur le droit de grève aura lieu mardi à 14 h."),
    ("neg3", "", "Le marché des bracelets électroniques a été attribué en mars."),
    ("neg4", "", "Les élus du CSE se réunissent jeudi pour le règlement intérieur."),
    ("neg5", "", "La campagne de dépistage du VIH commence lundi dans le hall."),
    ("neg6", "", "Le guide sur le congé de longue maladie est à jour sur l'intranet."),
    ("neg7", "", "La pétition en ligne sur les horaires de la piscine a 2 000 signatures."),
    ("neg8", "", "Le tribunal correctionnel déménage en juin, note la nouvelle adresse."),
    ("neg9", "", "Rédige une note sur le pèlerinage de Lourdes et la circulation en ville."),
    ("neg10", "", "Le service de médecine du travail recrute un psychiatre."),
]


def generate() -> list[kit.Row]:
    rng = random.Random(SEED)
    return kit.unique(
        base.render(rng, template_id, gender, template, SPLIT, "dev9")
        for template_id, gender, template in TEMPLATES
        for _ in range(RENDERS if gender else 1)
    )


counts = kit.counts


def write(rows: list[kit.Row], path: Path = OUT) -> None:
    kit.write(rows, path)


if __name__ == "__main__":
    kit.rewrite(generate(), OUT)
