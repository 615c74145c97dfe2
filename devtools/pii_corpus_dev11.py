"""An eleventh development set for the personal-data guard: tests/data/pii_dev11.jsonl (issue 18).

Written after test8 was read, BEFORE the rules of that round, from phrasings of the art. 9/10
topics that no set holds, to check that rules written for whole linguistic families (not for
test8's phrases) carry to a new writer's words: religion through a rite, a holiday of another
faith, a place of worship, clothing, a prayer or a diet; politics through a vote intention, a
campaign, an elected role, a march or a party's event; unions through a strike, a seat, union
leave or a role in a section; sex life through a partner of the same gender, a coming out, a
transition, an app or sexual health; offences through each step of a procedure and each
sanction; origin through a community, a language of origin, the parents' country or a slur;
health through a specialty, a treatment, a device, a leave, an addiction or a pregnancy;
genetics and biometrics through a carrier status, a DNA test or a fingerprint record. Ten
look-alikes say the same words of no one (a policy, a calendar, a procurement, a training).

The machinery and the name lists are dev8's (devtools/pii_corpus_dev8.py); the templates are this
file's own. The line format and labelling rules are those of tests/data/PII_SETS.md.
Deterministic: `python -m devtools.pii_corpus_dev11` rewrites the file.
"""

from __future__ import annotations

import random
from pathlib import Path

from devtools import pii_corpus_dev8 as base
from devtools import pii_corpus_kit as kit

SEED = 20261211
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii_dev11.jsonl"
SPLIT = "dev11"
RENDERS = 6

# Same slots as dev8 ({P} a name, {G} a given name, {l} a name in lower case, {U} a union...);
# <<phrase>> is labelled with the template's family, <<category:phrase>> with its category.
TEMPLATES: list[base.T] = [
    # -- religion ---------------------------------------------------------------------------------
    ("rel1", "m", "{P} <<fête l'Aïd el-Kébir>> mardi, il pose une journée."),
    ("rel2", "f", "{P} <<fait ses cinq prières>> et demande une salle calme."),
    ("rel3", "m", "{l} <<va a la messe tous les dimanches>> donc pas d'astreinte le dimanche stp"),
    ("rel4", "f", "{P} <<porte le voile>> depuis la rentrée, la cheffe veut la recevoir."),
    ("rel5", "m", "Absence de {P} le 14 avril : <<Pessah>>."),
    ("rel6", "f", "{P} <<observe le shabbat>>, elle ne peut pas travailler le samedi."),
    ("rel7", "m", "{P} <<est témoin de Jéhovah>> et refuse la transfusion."),
    ("rel8", "f", "{P} <<célèbre le Vesak>> avec sa famille, elle prend son vendredi."),
    ("rel9", "m", "{l} <<est tres pratiquant>> il part <<a la priere du vendredi>>"),
    ("rel10", "f", "{P} <<prépare sa confirmation>> à la paroisse, elle part tôt le jeudi."),
    ("rel11", "m", "{P} <<ne mange pas de porc pour des raisons religieuses>>."),
    # -- political opinion ------------------------------------------------------------------------
    ("pol1", "f", "{P} <<a défilé avec les insoumis>> samedi et les photos circulent."),
    ("pol2", "m", "{P} <<est adjoint au maire sous l'étiquette LR>> dans sa commune."),
    ("pol3", "f", "{l} <<vote ecolo>> depuis toujours, elle le dit a la cantine"),
    ("pol4", "m", "{P} <<colle des affiches pour Reconquête>> le week-end."),
    ("pol5", "f", "{P} <<a fait la campagne de Glucksmann>> aux européennes."),
    ("pol6", "m", "{P} <<est militant communiste>> et distribue L'Humanité au marché."),
    ("pol7", "f", "{P} <<est royaliste>> et le répète en réunion."),
    ("pol8", "m", "{P} <<est candidat aux législatives pour le PS>>, il demande un congé."),
    # -- unions -----------------------------------------------------------------------------------
    ("syn1", "f", "{P} <<a fait grève>> jeudi, je retiens un trentième ?"),
    ("syn2", "m", "{P} <<est titulaire au CST au titre de la {U}>>, il siège lundi."),
    ("syn3", "f", "{P} <<bénéficie d'une décharge syndicale>> à mi-temps."),
    ("syn4", "m", "{l} <<est a la {u}>> depuis vingt ans, il connait tout le monde"),
    ("syn5", "f", "{P} <<tient la permanence syndicale>> le lundi matin."),
    ("syn6", "m", "{P} <<a été désigné représentant de section syndicale>> en juin."),
    ("syn7", "f", "{P} <<était piquet de grève>> devant le dépôt toute la semaine."),
    # -- sexual life and orientation --------------------------------------------------------------
    ("vs1", "m", "{P} <<a fait son coming out>> au service la semaine dernière."),
    ("vs2", "f", "{P} <<est en transition>> et demande un badge à son nouveau prénom."),
    ("vs3", "m", "{P} <<est bi>> et ça fait jaser à la cantine."),
    ("vs4", "f", "{l} <<drague sur grindr>> pendant ses pauses, un collegue l'a vu"),
    ("vs5", "m", "{P} <<sante:prend la PrEP>> et a peur que la mutuelle le sache."),
    ("vs6", "f", "{P} <<a une liaison avec>> le chef de service depuis des mois."),
    ("vs7", "m", "{P} <<est marié à un homme>> et demande le congé de paternité."),
    ("vs8", "f", "{P} <<est lesbienne>> et subit des remarques au vestiaire."),
    # -- offences ---------------------------------------------------------------------------------
    ("inf1", "m", "{P} <<a été placé en garde à vue>> samedi soir."),
    ("inf2", "f", "{P} <<a été condamnée pour vol>> en 2019, peut-elle passer le concours ?"),
    ("inf3", "m", "{P} <<est fiché S>>, le préfet veut un point."),
    ("inf4", "f", "{l} <<s'est fait retirer son permis pour alcool au volant>>"),
    ("inf5", "m", "{P} <<est incarcéré à Fresnes>> depuis mars."),
    ("inf6", "f", "{P} <<a un casier judiciaire>> et postule à la crèche."),
    ("inf7", "m", "{P} <<est convoqué au commissariat pour violences conjugales>>."),
    ("inf8", "f", "{P} <<a été interpellée pour vol à l'étalage>> hier."),
    # -- origin -----------------------------------------------------------------------------------
    ("ori1", "m", "{P} <<est d'origine sénégalaise>> et un usager l'a insulté."),
    ("ori2", "f", "{P} <<est arabe>> et un collègue fait des remarques sur son prénom."),
    ("ori3", "m", "{l} <<ses parents sont marocains>> et il se fait chambrer"),
    ("ori4", "f", "{P} <<est noire>> et on lui touche les cheveux au bureau."),
    ("ori5", "m", "{P} <<est issu de l'immigration turque>>, il en a parlé à l'entretien."),
    # -- health -----------------------------------------------------------------------------------
    ("san1", "f", "{P} <<est en congé maternité>> jusqu'en mars."),
    ("san2", "m", "{P} <<a un cancer du poumon>> et reprend à temps partiel."),
    ("san3", "f", "{P} <<est en mi-temps thérapeutique>> depuis sa rentrée."),
    ("san4", "m", "{l} <<est alcoolique>> tout le monde le sait au garage"),
    ("san5", "f", "{P} <<est diabétique>> et doit manger à heure fixe."),
    ("san6", "m", "{P} <<fait un burn-out>>, son médecin l'arrête trois semaines."),
    ("san7", "f", "{P} <<est suivie par un cardiologue>> et évite les efforts."),
    ("san8", "m", "{P} <<est en fauteuil roulant>> et le bureau est au 2e sans ascenseur."),
    ("san9", "f", "{P} <<a fait une fausse couche>> et revient lundi."),
    # -- genetic and biometric data ---------------------------------------------------------------
    ("gen1", "m", "{P} <<est porteur de la drépanocytose>>, il demande un poste sans froid."),
    ("gen2", "f", "Les <<empreintes digitales>> de {P} ont été enregistrées au fichier."),
    # -- look-alikes: the same words said of no one -----------------------------------------------
    ("neg1", "", "Le calendrier interreligieux (Pessah, Vesak, Aïd el-Kébir) est affiché."),
    ("neg2", "", "La note de service sur les retenues pour fait de grève est parue."),
    ("neg3", "", "Le marché de fourniture des fauteuils roulants est relancé."),
    ("neg4", "", "La formation sur les violences conjugales commence lundi."),
    ("neg5", "", "Le guide du congé maternité a été mis à jour par la DRH."),
    ("neg6", "", "La permanence syndicale du lundi est déplacée en salle B."),
    ("neg7", "", "Le bureau de vote n° 3 ouvre à 8 h, prévoir deux assesseurs."),
    ("neg8", "", "Rédige une synthèse de la loi sur la garde à vue pour la formation."),
    ("neg9", "", "La campagne de dépistage du diabète a lieu dans le hall mardi."),
    ("neg10", "", "Le fichier des empreintes digitales relève du ministère de l'Intérieur."),
]


def generate() -> list[kit.Row]:
    rng = random.Random(SEED)
    return kit.unique(
        base.render(rng, template_id, gender, template, SPLIT, "dev11")
        for template_id, gender, template in TEMPLATES
        for _ in range(RENDERS if gender else 1)
    )


counts = kit.counts


def write(rows: list[kit.Row], path: Path = OUT) -> None:
    kit.write(rows, path)


if __name__ == "__main__":
    kit.rewrite(generate(), OUT)
