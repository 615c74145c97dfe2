"""A fifth development set for the personal-data guard: tests/data/pii_dev5.jsonl (issue 18).

It aims at sexual life, sexual orientation and gender identity (vie_sexuelle), which stayed
weak on unseen text, written by a new hand, as agents, HR staff and citizens write them: the
direct words and their variants, typos and abbreviations ("homo", "gai", "lesbienne", "bi",
"pansexuelle", "hétéro", "LGBTQIA+"), a coming out ("est sorti du placard"), a partner of the
same gender under every name (époux, conjoint, chéri, petit ami, copine, amie de cœur,
concubin, partenaire de PACS), families (deux mamans, famille homoparentale, PMA avec sa
compagne), sex life (liaison, aventure, amant, maîtresse, libertin, échangisme, abstinence),
gender identity (transgenre, non binaire, en transition, changement de prénom à l'état civil,
mégenré), homophobic insults aimed at a person, dating apps; versus look-alikes said of no one
(laws, trainings, events, statistics, procurement), "orientation" in other senses, a partner of
the other gender, "la maîtresse" of a class, "liaison" of a train, a street named Gay-Lussac.

Decisions where PII_SETS.md is silent: gender identity is labelled vie_sexuelle; an insult
about orientation aimed at a person ("traité de pédé") is labelled (it reveals a perceived
orientation); a sexual dysfunction is health, not labelled here; heterosexuality said of a
person is labelled (an orientation); an extramarital affair is sex life.

Its templates and phrasings are its own. Names come from devtools/pii_corpus_dev2.py (all on the
dev side of the original split); the line format and labelling rules are those of
tests/data/PII_SETS.md. Deterministic: `python -m devtools.pii_corpus_dev5` rewrites the file.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from devtools import pii_corpus_dev2 as base
from devtools.pii_corpus_dev2 import Ctx, Person, Piece, name_forms

SEED = 20261205
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii_dev5.jsonl"
SPLIT = "dev5"
MADE_WITH_FAKER = base.MADE_WITH_FAKER
Maker = Callable[[Ctx], list[Piece]]

# The person a sentence is about, unnamed, by gender.
_UNNAMED = {
    False: (
        "mon collègue", "un agent", "l'agent d'accueil", "le nouveau", "mon n+1", "notre DGS",
        "le gardien", "un usager", "mon voisin de bureau", "le stagiaire", "mon binôme",
        "un administré", "le fils de ma collègue",
    ),
    True: (
        "ma collègue", "une agente", "la secrétaire", "la nouvelle", "ma n+1", "notre DGA",
        "la gardienne", "une usagère", "ma voisine de bureau", "la stagiaire", "ma binôme",
        "une administrée", "la fille de mon collègue",
    ),
}  # fmt: skip

# Same-gender partners by the gender of their owner (the owner's gender: False = a man).
_SAME = {
    False: (
        "son mari", "son époux", "son conjoint", "son compagnon", "son chéri", "son petit ami",
        "son copain", "son ami de cœur", "son concubin", "son partenaire de PACS", "son fiancé",
        "son petit copain", "son homme", "son mec", "son jules",
    ),
    True: (
        "sa femme", "son épouse", "sa conjointe", "sa compagne", "sa chérie", "sa petite amie",
        "sa copine", "son amie de cœur", "sa concubine", "sa partenaire de PACS", "sa fiancée",
        "sa petite copine", "sa nana", "sa meuf",
    ),
}  # fmt: skip
_OTHER = {False: _SAME[True], True: _SAME[False]}

# Frames around a partner: "{P}" is the partner phrase, "{e}" the subject's agreement.
_PARTNER_FRAMES = (
    "vit avec {P}",
    "est venu{e} au pot de Noël avec {P}",
    "m'a présenté {P}",
    "part en vacances avec {P}",
    "a posé sa journée pour accompagner {P} à l'hôpital",
    "parle tout le temps de {P}",
    "habite avec {P} depuis cinq ans",
    "vient d'emménager avec {P}",
    "a mis {P} comme personne à prévenir",
    "se marie avec {P} en juin",
    "a adopté un enfant avec {P}",
    "demande un rapprochement avec {P}",
    "a perdu {P} le mois dernier",
    "a déclaré {P} comme ayant droit sur sa mutuelle",
)

# Words and paraphrases said of a person, by gender ("{e}": feminine mark). Partner phrases are
# added from the frames above.
_DIRECT = {
    False: (
        "est homosexuel", "est homo", "est gay", "est bi", "est bisexuel",
        "est pansexuel", "est asexuel", "est queer", "est hétéro", "est hétérosexuel",
        "est LGBT", "fait partie de la communauté LGBTQIA+",
        "a fait son coming-out", "a fait son coming out au bureau", "est sorti du placard",
        "a révélé qu'il était gay", "n'assume pas son homosexualité", "aime les hommes",
        "est attiré par les hommes", "n'a jamais caché son orientation sexuelle",
        "est ouvertement gay", "est homosexuel mais personne ne le sait", "est homo sexuel",
        "a été outé sur les réseaux sociaux", "est un homme trans", "est transgenre",
        "est trans", "est non binaire", "est non-binaire", "est en transition",
        "a commencé sa transition", "a fait sa transition l'an dernier",
        "a changé de prénom à l'état civil", "a obtenu son changement de sexe à l'état civil",
        "se fait mégenrer par l'équipe", "est mégenré tous les jours", "est transsexuel",
        "s'est inscrit sur Grindr", "cherche des plans sur Grindr", "a une liaison avec sa n+1",
        "a une aventure avec une stagiaire", "trompe sa femme", "a une maîtresse",
        "fréquente un club échangiste", "est libertin", "pratique l'échangisme",
        "a des relations sexuelles avec une collègue", "couche avec sa cheffe",
        "a fait le choix de l'abstinence sexuelle", "a une relation extraconjugale",
        "se fait traiter de pédé",
        "a été traité de tapette devant tout le monde", "subit des insultes homophobes",
        "est victime d'homophobie au travail", "a deux papas", "a deux mamans",
        "vit dans une famille homoparentale", "est homosexuel et l'assume",
        "a une vie sexuelle compliquée", "a parlé de sa vie sexuelle en réunion",
    ),
    True: (
        "est homosexuelle", "est homo", "est lesbienne", "est lesbiène", "est gay", "est bi",
        "est bisexuelle", "est pansexuelle", "est asexuelle", "est queer", "est hétéro",
        "est hétérosexuelle", "est lesbienne", "est LGBT", "fait partie de la communauté LGBT",
        "a fait son coming-out", "a fait son coming out en réunion", "est sortie du placard",
        "a révélé qu'elle était lesbienne", "n'assume pas son homosexualité",
        "aime les femmes", "est attirée par les femmes", "vit son orientation sexuelle en secret",
        "est ouvertement lesbienne", "a été outée par une collègue", "est une femme trans",
        "est transgenre", "est trans", "est non binaire", "est non-binaire",
        "est en transition", "a entamé sa transition", "a fait sa transition l'an dernier",
        "a changé de prénom à l'état civil", "a demandé un changement de sexe à l'état civil",
        "se fait mégenrer au guichet", "est mégenrée tous les jours", "est transsexuelle",
        "est sur des applis de rencontre lesbiennes", "a une liaison avec son n+1",
        "a une aventure avec un collègue", "trompe son mari", "a un amant",
        "fréquente un club libertin", "est libertine", "pratique l'échangisme",
        "a des relations sexuelles avec un collègue", "couche avec son chef",
        "vit dans l'abstinence sexuelle", "a une relation extraconjugale",
        "se fait traiter de gouine",
        "a été traitée de lesbienne devant tout le monde", "subit des insultes lesbophobes",
        "est victime d'homophobie au travail", "a deux mamans", "a deux papas",
        "a fait une PMA avec sa compagne", "a eu un enfant par PMA avec sa femme",
        "vit dans une famille homoparentale", "a une vie sexuelle compliquée",
        "a parlé de sa vie sexuelle en réunion",
    ),
}  # fmt: skip

# Contexts: "{S}" the subject, "{X}" the phrase, "{il}" its pronoun.
_CONTEXTS = (
    "{S} {X}, est-ce que je dois en parler à la DRH ?",
    "Bonjour, je vous informe que {S} {X}. Cordialement",
    "tu savais que {S} {X} ?",
    "Note pour le dossier : {S} {X}, à traiter avec discrétion.",
    "Objet : situation de {S}\nMadame, {S2} {X} et souhaite que l'équipe ne le sache pas.",
    "Reformule ce mail plus poliment : {S} {X} et ça pose problème à certains.",
    "rdv avec {S} demain, {il} {X}, je dois faire attention à quoi ?",
    "Dans l'équipe tout le monde sait que {S} {X}.",
    "Entretien annuel - {S} : {il} {X}, aucun impact sur le travail.",
    "Je pense que {S} {X}, mais je n'en suis pas sûr.",
    "Signalement RPS : {S} {X} et se sent isolé{e}.",
    "Pour la cellule d'écoute : {S} {X} et demande un rendez-vous.",
    "slt, {S} {X} mdr",
    "Nom : {N}\nService : accueil\nObservations : {X}",
)
# First person: the writer's gender in the frame ("{e}").
_FIRST = {
    False: (
        "je suis gay", "je suis homo", "je suis bi", "je suis trans", "je suis non binaire",
        "je suis pacsé avec mon copain", "je suis marié avec mon mari depuis 2015",
        "je suis installé avec mon compagnon", "je suis fiancé à mon copain",
        "j'ai fait mon coming out l'an dernier", "je suis en transition",
        "je suis marié à un homme", "je suis fiancé à mon petit ami",
    ),
    True: (
        "je suis lesbienne", "je suis homo", "je suis bi", "je suis trans", "je suis non binaire",
        "je suis pacsée avec ma copine", "je suis mariée avec ma femme depuis 2015",
        "je suis installée avec ma compagne", "je suis mariée à une femme",
        "j'ai fait mon coming out l'an dernier", "je suis en transition",
        "ma femme accouche en mars, je suis la co-mère", "je suis fiancée à ma petite amie",
    ),
}  # fmt: skip
_FIRST_CONTEXTS = (
    "Bonjour, {X}, est-ce que je dois le déclarer à mon employeur ?",
    "{X} et mon chef fait des blagues, que faire ?",
    "Je m'appelle {N} : {X}. Ai-je droit au congé ?",
    "question perso : {X}, mes collègues peuvent le savoir ?",
)
# HR forms with a same-gender partner: the owner's gender from the title or a participle.
_HR = {
    False: (
        "Demande de congé de naissance : M. {SN} pour la naissance de l'enfant de {P}.",
        "M. {SN} demande trois jours pour se pacser avec {P}.",
        "Mutation de M. {SN} : rapprochement avec {P}, muté à Nantes.",
        "M. {SN}, marié, {P} travaille aussi à la mairie.",
        "Monsieur {SN} a désigné {P} comme bénéficiaire du capital décès.",
    ),
    True: (
        "Demande de congé de naissance : Mme {SN} pour la naissance de l'enfant de {P}.",
        "Mme {SN} demande trois jours pour se pacser avec {P}.",
        "Mutation de Mme {SN} : rapprochement avec {P}, mutée à Nantes.",
        "Mme {SN}, mariée, {P} travaille aussi à la mairie.",
        "Madame {SN} a désigné {P} comme bénéficiaire du capital décès.",
    ),
}  # fmt: skip

# Look-alikes said of no one (or of a partner of the other gender: see _OTHER).
_NEGATIVE = (
    "Prépare une formation sur l'orientation sexuelle au travail pour la {SVC}.",
    "La loi sur le mariage pour tous date de 2013, la {SVC} veut une synthèse.",
    "Quelle est la procédure de changement de prénom à l'état civil en mairie de {C} ?",
    "La marche des fiertés de {C} aura lieu le {day} juin, fermer la rue.",
    "La Pride de {C} demande une autorisation d'occupation du domaine public.",
    "Le centre LGBT de {C} sollicite une subvention de {n} euros.",
    "Statistiques {year} : {n} PACS enregistrés à {C}, dont une part de couples de même sexe.",
    "Marché public n° {n} : campagne contre l'homophobie pour la {SVC}.",
    "La conseillère d'orientation reçoit les élèves de 3e le {day} mars.",
    "Orientation scolaire : les vœux Parcoursup se font avant le {day} mars.",
    "Quelle orientation donner au projet de la {SVC} ?",
    "L'orientation des bureaux de {C} est plein sud.",
    "Le formulaire demande le sexe (M/F) et la date d'arrivée, pour la {SVC}.",
    "Champ « Sexe » obligatoire dans le logiciel RH de la {SVC} ?",
    "Quel genre de document faut-il joindre pour la {SVC} ?",
    "Le genre littéraire du roman étudié en classe à {C} est le conte.",
    "La maîtresse de CE1 de l'école de {C} part en retraite.",
    "La liaison ferroviaire {C}-Paris est suspendue le {day} mai.",
    "Liaison radio coupée avec la patrouille de {C} à {h}h.",
    "Une aventure collective : le projet de service de la {SVC} en {year}.",
    "Le lycée Gay-Lussac de {C} ferme le {day} juin.",
    "Rendez-vous au 12 rue Gay-Lussac pour la réunion de la {SVC}.",
    "La transition écologique est la priorité de la {SVC} en {year}.",
    "Les transports de {C} seront en grève le {day} mai.",
    "Le partenaire institutionnel de la {SVC} est la région.",
    "Les Compagnons du Devoir de {C} ouvrent leurs portes le {day} avril.",
    "Comment déclarer un partenaire de PACS sur le formulaire de la {SVC} ?",
    "Quels droits pour le conjoint survivant ? Demande de la {SVC}.",
    "Le congé de naissance est-il ouvert à la conjointe de la mère depuis {year} ?",
    "Guide DGAFP : ne pas mégenrer les usagers au guichet de {C}.",
    "Procédure pour le prénom d'usage des agents trans, note de la {SVC}.",
    "Campagne de sensibilisation aux LGBTphobies à {C} le {day} mai.",
    "La {SVC} signe la charte de L'Autre Cercle en {year}.",
    "Journée mondiale contre l'homophobie et la transphobie : programme de {C}.",
    "Le rapport {year} de SOS Homophobie recense {n} témoignages.",
    "Cours d'éducation à la vie affective et sexuelle au collège de {C}.",
    "Campagne de dépistage des infections sexuellement transmissibles à {C}.",
    "Formation « accueillir les familles homoparentales » pour la {SVC}.",
    "Le Code civil encadre la PMA pour les couples de femmes depuis {year}.",
    "Exposition sur l'histoire des droits des homosexuels à la médiathèque de {C}.",
    "Quelle est la durée du congé pour le mariage d'un agent à la {SVC} ?",
    "Le bi-hebdomadaire de {C} paraît le mardi.",
    "Le trans-manche de {C} repart à {h}h.",
    "Le libertinage au XVIIIe siècle : conférence à la médiathèque de {C}.",
    "Relations presse de la {SVC} : contacter le service communication.",
)
# Partner of the other gender (not labelled), in the partner frames and HR forms.
# Real communes (a place is not a person; base._commune's built names can look like names).
_COMMUNES = (
    "Lyon", "Rennes", "Nantes", "Lille", "Bordeaux", "Toulouse", "Grenoble", "Metz", "Brest",
    "Angers", "Dijon", "Besançon", "Poitiers", "Limoges", "Amiens", "Rouen", "Caen", "Nancy",
    "Clermont-Ferrand", "Montpellier", "Perpignan", "Avignon", "Troyes", "Vannes", "Quimper",
    "Saint-Brieuc", "Niort", "Cholet", "Pau", "Bayonne", "Albi", "Rodez", "Gap", "Annecy",
)  # fmt: skip
_SVC = (
    "DRH", "direction des finances", "DDETS", "préfecture", "mairie", "DSI", "DREAL",
    "direction de l'éducation", "caisse d'allocations familiales", "sous-direction RH",
)  # fmt: skip


def _person(ctx: Ctx, female: bool) -> Person:
    person = Person(base._given_name(ctx, female), base._surname(ctx), female)
    ctx.people.append(person)
    return person


def _subject(ctx: Ctx, female: bool) -> list[Piece]:
    if ctx.chance(0.4):
        return [(ctx.pick(_UNNAMED[female]), None)]
    style = ctx.pick(("full", "title_full", "title_sur", "given", "lower", "upper_first"))
    return name_forms(ctx, _person(ctx, female), style)


def _phrase(ctx: Ctx, female: bool, same: bool) -> str:
    if same and ctx.chance(0.55):
        return ctx.pick(_DIRECT[female])
    frame = ctx.pick(_PARTNER_FRAMES)
    partner = ctx.pick(_SAME[female] if same else _OTHER[female])
    return frame.replace("{P}", partner)


def _fill(ctx: Ctx, template: str, female: bool, phrase: Piece | None) -> list[Piece]:
    pieces: list[Piece] = []
    position = 0
    for match in re.finditer(r"\{(\w+)\}", template):
        if template[position : match.start()]:
            pieces.append((template[position : match.start()], None))
        key = match.group(1)
        position = match.end()
        if key == "S":
            pieces.extend(_subject(ctx, female))
        elif key == "S2":
            pieces.append(("elle" if female else "il", None))
        elif key == "N":
            style = ctx.pick(("full", "title_full", "upper_first", "lower"))
            pieces.extend(name_forms(ctx, _person(ctx, female), style))
        elif key == "SN":
            pieces.append((_person(ctx, female).surname, "personne"))
        elif key == "X":
            assert phrase is not None
            pieces.append(phrase)
        elif key == "il":
            pieces.append(("elle" if female else "il", None))
        elif key == "e":
            pieces.append(("e" if female else "", None))
        elif key == "C":
            pieces.append((ctx.pick(_COMMUNES), None))
        elif key == "SVC":
            pieces.append((ctx.pick(_SVC), None))
        elif key == "year":
            pieces.append((str(ctx.rng.randint(2014, 2026)), None))
        elif key == "day":
            pieces.append((str(ctx.rng.randint(2, 28)), None))
        elif key == "h":
            pieces.append((str(ctx.rng.randint(7, 19)), None))
        elif key == "n":
            pieces.append((str(ctx.rng.randint(12, 4800)), None))
        else:
            raise KeyError(key)
    if template[position:]:
        pieces.append((template[position:], None))
    return pieces


def _agree(phrase: str, female: bool) -> str:
    return phrase.replace("{e}", "e" if female else "")


def _topic_maker(context: str, same: bool) -> Maker:
    def make(ctx: Ctx) -> list[Piece]:
        female = ctx.chance(0.5)
        phrase = _agree(_phrase(ctx, female, same), female)
        return _fill(ctx, context, female, (phrase, "vie_sexuelle" if same else None))

    return make


def _first_maker(context: str) -> Maker:
    def make(ctx: Ctx) -> list[Piece]:
        female = ctx.chance(0.5)
        return _fill(ctx, context, female, (ctx.pick(_FIRST[female]), "vie_sexuelle"))

    return make


def _hr_maker(index: int, same: bool) -> Maker:
    def make(ctx: Ctx) -> list[Piece]:
        female = ctx.chance(0.5)
        head, _, tail = _HR[female][index].partition("{P}")
        partner = ctx.pick(_SAME[female] if same else _OTHER[female])
        pieces = _fill(ctx, head, female, None)
        pieces.append((partner, "vie_sexuelle" if same else None))
        pieces.extend(_fill(ctx, tail, female, None))
        return pieces

    return make


def _negative_maker(template: str) -> Maker:
    def make(ctx: Ctx) -> list[Piece]:
        return _fill(ctx, template, ctx.chance(0.5), None)

    return make


def _families() -> dict[str, tuple[list[tuple[str, Maker]], int]]:
    return {
        "vs": ([(f"vs-{i:02d}", _topic_maker(c, True)) for i, c in enumerate(_CONTEXTS)], 16),
        "vs_first": (
            [(f"vs_first-{i:02d}", _first_maker(c)) for i, c in enumerate(_FIRST_CONTEXTS)],
            10,
        ),
        "vs_hr": ([(f"vs_hr-{i:02d}", _hr_maker(i, True)) for i in range(len(_HR[False]))], 8),
        "vs_other": (
            [(f"vs_other-{i:02d}", _topic_maker(c, False)) for i, c in enumerate(_CONTEXTS)],
            5,
        ),
        "vs_hr_other": (
            [(f"vs_hr_other-{i:02d}", _hr_maker(i, False)) for i in range(len(_HR[False]))],
            5,
        ),
        "vs_neg": ([(f"vs_neg-{i:02d}", _negative_maker(t)) for i, t in enumerate(_NEGATIVE)], 4),
    }


PREFIXES = ("Bonjour, ", "Re : ", "TR : ", "stp ", "> ", "Petite question : ", "Urgent - ")


def render(maker: Maker, ctx: Ctx) -> tuple[str, list[tuple[int, int, str]]]:
    ctx.people.clear()
    pieces = maker(ctx)
    if ctx.chance(0.2):
        first, category = pieces[0]
        if category is None and first[:1].isupper() and not first.startswith(("M", "Nom")):
            first = first[0].lower() + first[1:]
        pieces = [(ctx.pick(PREFIXES), None), (first, category), *pieces[1:]]
    text = ""
    spans: list[tuple[int, int, str]] = []
    for piece, category in pieces:
        if category is not None:
            stripped = piece.strip()
            start = len(text) + piece.index(stripped)
            spans.append((start, start + len(stripped), category))
        text += piece
    if text and pieces[0][1] is None:
        text = text[0].upper() + text[1:]
    roll = ctx.rng.random()
    if roll < 0.15:
        text = text.lower()
    elif roll < 0.22:
        plain = base._ascii(text)
        text = plain if len(plain) == len(text) else text
    return text, spans


def generate() -> list[dict[str, Any]]:
    ctx = Ctx(random.Random(SEED))
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for makers, renders in _families().values():
        for template_id, maker in makers:
            for _ in range(renders):
                text, spans = render(maker, ctx)
                if text in seen:
                    continue
                seen.add(text)
                row = base._row(text, base._clean_spans(text, spans), f"dev5_{template_id}")
                row["split"] = SPLIT
                rows.append(row)
    return rows


def counts(rows: Iterable[dict[str, Any]]) -> Counter[str]:
    return Counter(category for row in rows for _s, _e, category in row["spans"])


def write(rows: list[dict[str, Any]], path: Path = OUT) -> None:
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def main() -> int:
    rows = generate()
    write(rows)
    personal = sum(1 for row in rows if row["spans"])
    print(f"{OUT.name}: {len(rows)} sentences, {personal} with personal data")
    for category, count in sorted(counts(rows).items()):
        print(f"  {category:22} {count}")
    negatives = sum(1 for row in rows if "vie_sexuelle" not in row["topics"])
    print(f"  without vie_sexuelle   {negatives}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
