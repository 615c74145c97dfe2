"""A sixth development set for the personal-data guard: tests/data/pii_dev6.jsonl (issue 18).

It aims at the spots that stayed weak on unseen text: sexual life said through two people
named together ("Paul et son compagnon Marc"), the partner named before the owner ("Marc, le
compagnon de Paul"), owners whose gender comes only from a pronoun, a title or an agreement,
every partner noun (conjoint, époux, épouse, mari, femme, ami, copain, copine, partenaire),
orientation words in HR text, a PACS or a marriage between two people of the same gender, "sa
femme" said of a woman, "vit en couple avec une femme" about a woman; whole home addresses in
varied layouts (number, street, complement, postcode and town on one line or several; Bât.,
Appt, Résidence, BP and Cedex, overseas 971-976, Corsica); and look-alikes of health, religion
and sexual life said of services, policies, buildings and calendars ("le service de santé au
travail", "la chapelle de l'hôpital", "congé de Noël", "l'aumônerie"), with a few true health,
religion and union items beside them.

Decisions where PII_SETS.md is silent: "son ami" / "sa copine" count as a partner only in a
couple frame ("vit en couple avec son ami", "s'est pacsé avec"); "ami" in other frames is a
friend and is not labelled, and "le copain de X", "la copine de X" are not used (as often a
friend). A partner's gender said with an indefinite article ("vit en couple avec un homme") is
labelled whoever the subject, as dev2 and dev5 do: it states an orientation. A same-gender
marriage or PACS named by both people labels the union words ("ont signé un PACS", "mariage
de"). The partner's health is labelled santé ("sa femme est hospitalisée"). An address with a
box and "Cedex" is personal only when a word of residence introduces it ("domicilié", "j'habite",
"mon adresse personnelle"); it is not used elsewhere.

Its templates are its own, written from scratch; names, streets and communes come from
devtools/pii_corpus_dev2.py (all on the dev side of the original split). The line format and
labelling rules are those of tests/data/PII_SETS.md. Deterministic:
`python -m devtools.pii_corpus_dev6` rewrites the file.
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

SEED = 20261206
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii_dev6.jsonl"
SPLIT = "dev6"
MADE_WITH_FAKER = base.MADE_WITH_FAKER
Maker = Callable[[Ctx], list[Piece]]

# -- people ----------------------------------------------------------------------------------

# Given names that do not tell a gender: the sentence has to (a title, a pronoun, a participle).
_EPICENE = ("Camille", "Dominique", "Claude", "Sacha", "Alix", "Charlie", "Lou", "Morgan")


def _person(ctx: Ctx, female: bool) -> Person:
    person = Person(base._given_name(ctx, female), base._surname(ctx), female)
    ctx.people.append(person)
    return person


def _name(ctx: Ctx, female: bool, styles: tuple[str, ...] | None = None) -> list[Piece]:
    style = ctx.pick(styles or ("full", "full", "given", "lower", "upper_first", "title_sur"))
    return name_forms(ctx, _person(ctx, female), style)


def _given(ctx: Ctx, female: bool) -> list[Piece]:
    if ctx.chance(0.3):
        return [(ctx.pick(_EPICENE), "personne")]
    return name_forms(ctx, _person(ctx, female), ctx.pick(("given", "given", "full")))


# Partner nouns by the partner's gender (False: a man), with their possessive ("son", "sa").
_PARTNER = {
    False: ("son compagnon", "son conjoint", "son époux", "son mari", "son copain",
            "son partenaire", "son petit ami", "son concubin"),
    True: ("sa compagne", "sa conjointe", "son épouse", "sa femme", "sa copine",
           "sa partenaire", "sa petite amie", "sa concubine"),
}  # fmt: skip
# The same nouns with a definite article, for "X, le compagnon de Y" (not "le copain de", "la
# copine de": as often a friend).
_PARTNER_OF = {
    False: ("le compagnon", "le conjoint", "l'époux", "le mari", "le partenaire",
            "le petit ami", "le concubin"),
    True: ("la compagne", "la conjointe", "l'épouse", "la femme", "la partenaire",
           "la petite amie", "la concubine"),
}  # fmt: skip

# -- sexual life: templates --------------------------------------------------------------------
# "{A}" the owner (its gender is the template's), "{B}" the partner's name, "{P}" the partner
# phrase (labelled), "{e}" the owner's agreement, "{il}" its pronoun. Same gender in vs_*,
# other gender in the look-alikes.

_PAIR = (
    "{A} et {P} {B} viendront au repas de fin d'année.",
    "Invitation envoyée à {A} et à {P} {B}.",
    "{A} est venu{e} avec {P}, {B}, au pot de départ.",
    "Pour le logement de fonction, {A} occupera l'appartement avec {P} {B}.",
    "{A} et {P} {B} ont adopté une petite fille en mars, quels congés ?",
    "Attestation d'hébergement : {A} héberge {P} {B} depuis 2021.",
    "Je te présente {A} et {P} {B}, ils arrivent dans le quartier.",
)
_OWNER_AFTER = (
    "{B}, {P} de {A}, a appelé pour prévenir de son absence.",
    "{B} ({P} de {A}) sera la personne à prévenir en cas d'urgence.",
    "On a croisé {B}, {P} de {A}, à la fête de la musique.",
    "Mutuelle : ajouter {B}, {P} de {A}, comme ayant droit.",
    "C'est {B}, {P} de {A}, qui viendra chercher les papiers.",
    "{B}, qui est {P} de {A}, travaille aussi à la préfecture.",
)
# Gender only from the title, a pronoun or an agreement: epicene or lower-case given names.
_AGREED = (
    "{A} est pacsé{e} avec {P} depuis deux ans.",
    "{A} s'est marié{e} avec {P} cet été.",
    "{A} est fiancé{e} à {P}, le mariage est prévu en mai.",
    "{A} est installé{e} avec {P} à la campagne.",
    "{A} m'a dit qu'{il} vivait avec {P} depuis longtemps.",
    "{A} est heureu{x} avec {P}, {il} nous l'a présenté{pe} hier.",
    "{A} est en couple avec {P} et {il} demande une mutation.",
)
_COUPLE_FRAMES = (
    "vit en couple avec {U}",
    "est en couple avec {U}",
    "partage sa vie avec {U}",
    "est mariée à {U}",
    "s'est remarié{e} avec {U}",
    "vit maritalement avec {U}",
)
_COUPLE_CONTEXTS = (
    "{A} {X} depuis dix ans, elle me l'a dit à la pause.",
    "Entretien RH : {A} {X} et souhaite que ce soit confidentiel.",
    "Je crois que {A} {X}, mais ne le répète pas.",
    "ma collègue {A} {X}, c'est pour ça qu'elle a demandé ce congé.",
)
_DIRECT = {
    False: ("est homosexuel", "est gay", "est bi", "est bisexuel", "est trans",
            "est un homme trans", "a fait son coming out", "est ouvertement homosexuel",
            "a dit être gay", "préfère les hommes"),
    True: ("est homosexuelle", "est lesbienne", "est bi", "est bisexuelle", "est trans",
           "est une femme trans", "a fait son coming out", "est ouvertement lesbienne",
           "a dit être lesbienne", "préfère les femmes"),
}  # fmt: skip
_DIRECT_CONTEXTS = (
    "{A} {X}, est-ce une information que je peux noter dans son dossier ?",
    "Compte rendu d'entretien de {A} : {il} {X} et subit des remarques du chef d'équipe.",
    "Signalement : {A} {X} et se fait moquer par l'équipe.",
    "Fiche RH de {A} - remarque du manager : {X}.",
    "dans le service tout le monde sait que {A} {X}",
)
_HR_FIELDS = (
    "Nom : {N}\nSituation familiale : pacsé{e}\nOrientation sexuelle déclarée : {O}",
    "Agent : {N} - orientation : {O} (déclarée lors de l'enquête diversité)",
)
_ORIENTATION = ("homosexuelle", "lesbienne", "gay", "bisexuelle", "homosexuel", "bi")
_UNIONS = (
    "Le mariage de {A} et {B} aura lieu le 14 juin à la mairie.",
    "{A} et {B} ont signé un PACS en mairie le mois dernier.",
    "Déclaration conjointe de PACS de {A} et de {B}, à enregistrer.",
    "{A} a conclu un PACS avec {B} en janvier.",
)
_UNION_LABEL = ("mariage de", "ont signé un PACS", "PACS de", "a conclu un PACS avec")
_WIFE_OF_A_WOMAN = (
    "{A} m'a confié que sa femme attend un bébé.",
    "{A} prend sa journée : sa femme est hospitalisée.",
    "Mme {S} demande un congé de naissance, sa femme a accouché hier.",
    "{A} a appelé, son épouse ne pourra pas venir.",
    "La nouvelle infirmière, {A}, m'a parlé de sa femme à la cantine.",
)
_HUSBAND_OF_A_MAN = (
    "{A} m'a dit que son mari est muté à Lyon.",
    "M. {S} prend sa journée : son mari est malade.",
    "{A} a appelé, son époux viendra chercher les clés.",
)

# -- sexual life: look-alikes ---------------------------------------------------------------------
_VS_NEGATIVE = (
    "{A} est venu{e} avec son ami d'enfance au pot de départ.",
    "{A} part en week-end avec ses copains de fac.",
    "{A} a une copine qui travaille à la CAF, elle peut se renseigner.",
    "Le partenaire de la mairie pour ce projet est l'association des amis du musée.",
    "Le conjoint survivant a-t-il droit à la pension de réversion ?",
    "Comment déclarer son partenaire de PACS dans le formulaire de la CAF ?",
    "Quel congé pour le mariage d'un agent, homme ou femme ?",
    "La femme de ménage passe le mardi dans les bureaux.",
    "Le mari de la boulangère a repris le commerce de la place.",
    "La journée des droits des femmes est le 8 mars, prévoir une exposition.",
    "Le guide « Accueillir les couples de même sexe en mairie » est à relire.",
    "La note sur l'égalité femmes-hommes est attendue pour le comité.",
    "Quelle est la règle pour les deux conjoints fonctionnaires en cas de mutation ?",
    "Bi-mensuel : la lettre d'information paraît le 1er et le 15.",
    "Les trans-frontaliers doivent fournir une attestation d'emploi.",
    "Le bilan gay-friendly des entreprises de la région est publié.",
    "Le lycée Louis-Gay accueille les épreuves du BTS.",
    "Fiche pratique : l'état civil et le mariage de deux personnes de même sexe.",
)

# -- addresses ----------------------------------------------------------------------------------
_OVERSEAS = (
    ("97110", "Pointe-à-Pitre"), ("97122", "Baie-Mahault"), ("97200", "Fort-de-France"),
    ("97232", "Le Lamentin"), ("97300", "Cayenne"), ("97310", "Kourou"),
    ("97400", "Saint-Denis"), ("97430", "Le Tampon"), ("97410", "Saint-Pierre"),
    ("97600", "Mamoudzou"), ("97615", "Pamandzi"), ("97320", "Saint-Laurent-du-Maroni"),
)  # fmt: skip
_CORSICA = (
    ("20000", "Ajaccio"), ("20090", "Ajaccio"), ("20137", "Porto-Vecchio"),
    ("20200", "Bastia"), ("20250", "Corte"), ("20260", "Calvi"), ("20600", "Furiani"),
    ("20110", "Propriano"),
)  # fmt: skip
_DOORS = ("Appt {n}", "appt. {n}", "Bât. {L}", "bât {L}", "Bâtiment {L}", "Escalier {L}",
          "Apt {n}", "porte {n}", "{n}e étage")  # fmt: skip


def _door(ctx: Ctx) -> str:
    template = ctx.pick(_DOORS)
    return template.replace("{n}", str(ctx.rng.randint(1, 48))).replace(
        "{L}", ctx.pick(("A", "B", "C", "D", "2", "4"))
    )


def _place(ctx: Ctx) -> tuple[str, str]:
    roll = ctx.rng.random()
    if roll < 0.14:
        cp, town = ctx.pick([f"{p}|{t}" for p, t in _OVERSEAS]).split("|")
        return cp, town
    if roll < 0.24:
        cp, town = ctx.pick([f"{p}|{t}" for p, t in _CORSICA]).split("|")
        return cp, town
    return base._postcode(ctx), base._commune(ctx)


def _address(ctx: Ctx, cedex: bool = True) -> str:
    """A whole home address; every part belongs to the span. A "Cedex" address only where a
    word of residence says whose it is (`cedex`)."""
    cp, town = _place(ctx)
    if ctx.chance(0.25):
        town = town.upper()
    num, street = base._number(ctx), base._street(ctx)
    style = ctx.pick(
        ("one", "comma", "lines", "door_first", "door_after", "residence", "residence_lines",
         "bp", "cedex", "lines3", "dash", "upper")
    )  # fmt: skip
    while style == "cedex" and not cedex:
        style = ctx.pick(("one", "comma", "lines", "door_after", "residence", "bp"))
    if style == "one":
        return f"{num} {street} {cp} {town}"
    if style == "comma":
        return f"{num}, {street}, {cp} {town}"
    if style == "lines":
        return f"{num} {street}\n{cp} {town}"
    if style == "door_first":
        return f"{_door(ctx)}, {num} {street}, {cp} {town}"
    if style == "door_after":
        sep = ctx.pick((", ", " - ", "\n"))
        return f"{num} {street}{sep}{_door(ctx)}{sep}{cp} {town}"
    if style == "residence":
        return f"Résidence {ctx.pick(base._RESIDENCES)}, {_door(ctx)}, {num} {street}, {cp} {town}"
    if style == "residence_lines":
        return f"Résidence {ctx.pick(base._RESIDENCES)}\n{num} {street}\n{cp} {town}"
    if style == "bp":
        return f"{num} {street}\nBP {ctx.rng.randint(1, 899)}\n{cp} {town}"
    if style == "cedex":
        box = ctx.pick(("BP", "CS"))
        return f"{num} {street}, {box} {ctx.rng.randint(10, 99999)}, {cp} {town} Cedex"
    if style == "lines3":
        return f"{_door(ctx)}\n{num} {street}\n{cp} {town}"
    if style == "dash":
        return f"{num} {street} - {cp} {town}"
    return f"{num} {street} {cp} {town}".upper()


_ADDRESS_CONTEXTS = (
    "Mon adresse personnelle : {AD}",
    "Bonjour, je vous signale mon changement d'adresse :\n{AD}\nMerci. {N}",
    "{N}\n{AD}\n\nObjet : demande de disponibilité",
    "Domicile de l'agent : {AD}",
    "Pouvez-vous envoyer mon bulletin de paie à {AD} ?",
    "J'habite {AD} depuis le mois dernier.",
    "Adresse : {AD}\nTéléphone : non communiqué",
    "Expéditeur : {N}, {AD}",
    "{N} est domicilié{e} {AD}.",
    "Courrier à adresser à {N}, {AD}, avant vendredi.",
    "Fiche agent\nNom : {N}\nAdresse : {AD}",
    "Le dossier de {N} indique pour domicile le {AD}.",
)
_HOME_WORD = re.compile(r"domicil|habite|personnelle")
# Administrations' addresses: not personal (no span).
_INSTITUTIONS = (
    "Mairie de {T}", "Préfecture de la région", "Direction départementale des territoires",
    "Centre des finances publiques de {T}", "Rectorat", "Conseil départemental",
    "Caisse d'allocations familiales", "Hôtel de ville de {T}",
)  # fmt: skip
_INSTITUTION_CONTEXTS = (
    "Envoyez votre dossier à : {I}\n{num} {street}\nCS {cs}\n{cp} {T} Cedex",
    "{I} - {num} {street} - {cp} {T}",
    "Adresse du service : {I}, {num} {street}, {cp} {T}.",
    "Les bureaux de la {I} déménagent au {num} {street}, {cp} {T}.",
)

# -- health, religion, unions ----------------------------------------------------------------
_LOOK_ALIKES = (
    "Le service de santé au travail organise une campagne de vaccination le {day} octobre.",
    "Prendre rendez-vous avec le service de santé au travail pour la visite d'embauche.",
    "La médecine de prévention de la {SVC} déménage au 2e étage.",
    "La mutuelle santé de la {SVC} change de prestataire en janvier.",
    "Le pôle santé publique de l'ARS recrute un chargé de mission.",
    "La chapelle de l'hôpital de {T} est fermée pour travaux.",
    "L'aumônerie de l'hôpital assure une permanence le mardi.",
    "L'aumônerie du lycée propose une sortie aux élèves volontaires.",
    "Le congé de Noël commence le {day} décembre pour les écoles.",
    "Les jours fériés de Pâques et de l'Ascension sont dans le calendrier de la {SVC}.",
    "Fermeture de la mairie de {T} le lundi de Pentecôte.",
    "Le marché de Noël de {T} s'installe sur la place de l'église.",
    "La cathédrale de {T} accueille un concert le {day} juin.",
    "La charte de la laïcité doit être affichée dans les écoles.",
    "Le référent laïcité de la {SVC} anime une formation le {day} mai.",
    "Le guide des fêtes religieuses aide les chefs de service à poser les congés.",
    "La cantine de {T} propose un menu sans porc chaque jour.",
    "Le plan canicule de la {SVC} est activé jusqu'au {day} août.",
    "Le registre santé et sécurité au travail est à l'accueil.",
    "Le CHSCT a étudié les risques psychosociaux dans la {SVC}.",
    "L'hôpital psychiatrique de {T} cherche des bénévoles.",
    "La campagne de dépistage du cancer du sein commence en octobre.",
    "Le centre de vaccination de {T} ferme le samedi.",
    "La semaine du handicap se tient à la {SVC} du {day} au {day2} novembre.",
    "Le baromètre santé de Santé publique France est paru.",
    "La salle de prière de l'aéroport de {T} est ouverte à tous.",
    "Le temple protestant de {T} est classé monument historique.",
    "Les mosquées de {T} ont été consultées sur le projet de cimetière.",
    "Le carré confessionnel du cimetière de {T} est agrandi.",
    "La visite médicale obligatoire des agents est fixée au {day} mars.",
    "Le médecin du travail de la {SVC} est en congé jusqu'au {day} avril.",
    "Les élections syndicales auront lieu le {day} décembre dans la {SVC}.",
    "La CGT et FO ont déposé un préavis de grève pour la {SVC}.",
    "Le service des arrêts maladie de la {SVC} traite les dossiers en 48 heures.",
    "Le label diversité de la {SVC} est renouvelé pour quatre ans.",
    "Le Ramadan commence cette année vers le {day} mars : adapter les horaires de la cantine ?",
    "Le congé pour la fête de l'Aïd peut-il être accordé par la {SVC} ?",
    "L'infirmerie du collège de {T} est ouverte de 8 h à 17 h.",
    "La chaplaincy militaire devient l'aumônerie des armées.",
    "La journée mondiale du diabète se tient le 14 novembre.",
)
_TOPIC_POSITIVES = {
    "sante": (
        "est en arrêt maladie pour une dépression", "est diabétique", "a un cancer du sein",
        "est suivi{e} par un psychiatre", "a fait un burn-out", "est sous chimiothérapie",
        "souffre d'une sclérose en plaques", "a été hospitalisé{e} pour une crise d'épilepsie",
    ),
    "religion": (
        "est musulman{e} pratiquant{e}", "fait le ramadan", "va à la messe tous les dimanches",
        "est juif{ve} pratiquant{e}", "porte le voile", "s'est converti{e} au bouddhisme",
        "demande un congé pour Yom Kippour", "est témoin de Jéhovah",
    ),
    "syndicat": (
        "est délégué{e} CGT", "est adhérent{e} de FO", "est syndiqué{e} à la CFDT",
        "est élu{e} SUD au CSA", "milite à l'UNSA", "est représentant{e} syndical{e} CFE-CGC",
        "a pris sa carte à Solidaires", "est secrétaire de la section FSU",
    ),
}  # fmt: skip
_TOPIC_CONTEXTS = (
    "{A} {X}, comment adapter son poste ?",
    "Compte rendu : {A} {X}, aucune suite.",
    "Je pense que {A} {X}, tu confirmes ?",
    "rdv avec {A} : {il} {X}.",
)

_COMMUNES = (
    "Lyon", "Rennes", "Nantes", "Lille", "Bordeaux", "Toulouse", "Grenoble", "Metz", "Brest",
    "Angers", "Dijon", "Poitiers", "Limoges", "Rouen", "Caen", "Nancy", "Pau", "Albi", "Gap",
)  # fmt: skip
_SVC = ("DRH", "DDETS", "préfecture", "direction des finances", "DREAL", "sous-direction RH")


# -- filling ---------------------------------------------------------------------------------


def _agreement(key: str, female: bool) -> str | None:
    forms = {
        "e": ("", "e"),
        "il": ("il", "elle"),
        "x": ("x", "se"),
        "ve": ("f", "ve"),
        "pe": ("", ""),
    }
    pair = forms.get(key)
    return None if pair is None else pair[female]


def _fill(ctx: Ctx, template: str, female: bool, slots: dict[str, list[Piece]]) -> list[Piece]:
    pieces: list[Piece] = []
    position = 0
    for match in re.finditer(r"\{(\w+)\}", template):
        if template[position : match.start()]:
            pieces.append((template[position : match.start()], None))
        key = match.group(1)
        position = match.end()
        agreed = _agreement(key, female)
        if key in slots:
            pieces.extend(slots[key])
        elif agreed is not None:
            pieces.append((agreed, None))
        elif key == "T":
            pieces.append((ctx.pick(_COMMUNES), None))
        elif key == "SVC":
            pieces.append((ctx.pick(_SVC), None))
        elif key in ("day", "day2"):
            pieces.append((str(ctx.rng.randint(2, 28)), None))
        else:
            raise KeyError(key)
    if template[position:]:
        pieces.append((template[position:], None))
    return pieces


def _agree_text(text: str, female: bool) -> str:
    for key in ("e", "il", "x", "ve", "pe"):
        text = text.replace("{" + key + "}", _agreement(key, female) or "")
    return text


def _pair_maker(template: str, same: bool, owner_after: bool = False) -> Maker:
    def make(ctx: Ctx) -> list[Piece]:
        female = ctx.chance(0.5)
        partner_female = female if same else not female
        nouns = _PARTNER_OF if owner_after else _PARTNER
        noun = ctx.pick(nouns[partner_female])
        slots: dict[str, list[Piece]] = {
            "A": _name(ctx, female),
            "B": _name(ctx, partner_female, ("given", "full", "given")),
            "P": [(noun, "vie_sexuelle" if same else None)],
        }
        return _fill(ctx, template, female, slots)

    return make


def _agreed_maker(template: str, same: bool) -> Maker:
    def make(ctx: Ctx) -> list[Piece]:
        female = ctx.chance(0.5)
        partner_female = female if same else not female
        noun = ctx.pick(_PARTNER[partner_female])
        if ("pacsé" in template or "en couple" in template) and ctx.chance(0.3):
            noun = "son amie" if partner_female else "son ami"  # a friend in a couple frame
        name: list[Piece]
        if ctx.chance(0.5):
            name = [(ctx.pick(_EPICENE), "personne")]
        else:
            name = name_forms(ctx, _person(ctx, female), ctx.pick(("lower", "title_sur")))
        slots: dict[str, list[Piece]] = {
            "A": name,
            "P": [(noun, "vie_sexuelle" if same else None)],
        }
        template_ = template.replace("{pe}", "e" if partner_female else "")
        return _fill(ctx, template_, female, slots)

    return make


def _couple_maker(context: str, same: bool) -> Maker:
    def make(ctx: Ctx) -> list[Piece]:
        # The contexts speak of a woman. The partner's gender said with an indefinite article
        # states an orientation either way ("en couple avec un homme" is labelled too).
        frame = ctx.pick(_COUPLE_FRAMES)
        partner = "une femme" if same else "un homme"
        if frame.startswith("est mariée") and ctx.chance(0.5):
            partner = "une autre femme" if same else "un homme"
        phrase = _agree_text(frame.replace("{U}", partner), True)
        slots: dict[str, list[Piece]] = {
            "A": [(ctx.pick(_EPICENE), "personne")]
            if ctx.chance(0.3)
            else _name(ctx, True, ("given", "full", "lower")),
            "X": [(phrase, "vie_sexuelle")],
        }
        return _fill(ctx, context, True, slots)

    return make


def _direct_maker(context: str) -> Maker:
    def make(ctx: Ctx) -> list[Piece]:
        female = ctx.chance(0.5)
        slots: dict[str, list[Piece]] = {
            "A": _name(ctx, female),
            "X": [(ctx.pick(_DIRECT[female]), "vie_sexuelle")],
        }
        return _fill(ctx, context, female, slots)

    return make


def _hr_field_maker(template: str) -> Maker:
    def make(ctx: Ctx) -> list[Piece]:
        female = ctx.chance(0.5)
        slots: dict[str, list[Piece]] = {
            "N": _name(ctx, female, ("full", "upper_first")),
            "O": [(ctx.pick(_ORIENTATION), "vie_sexuelle")],
        }
        return _fill(ctx, template, female, slots)

    return make


def _union_maker(index: int, same: bool) -> Maker:
    def make(ctx: Ctx) -> list[Piece]:
        female = ctx.chance(0.5)
        template = _UNIONS[index]
        label = _UNION_LABEL[index]
        head, _, tail = template.partition(label)
        styles = ("title_full", "full", "title_sur")
        slots: dict[str, list[Piece]] = {
            "A": _name(ctx, female, styles),
            "B": _name(ctx, female ^ (not same), styles),
        }
        pieces = _fill(ctx, head, female, slots)
        pieces.append((label, "vie_sexuelle" if same else None))
        pieces.extend(_fill(ctx, tail, female, slots))
        return pieces

    return make


def _spouse_maker(template: str, female: bool) -> Maker:
    def make(ctx: Ctx) -> list[Piece]:
        noun = "son époux" if "son époux" in template else "son mari"
        if female:
            noun = "son épouse" if "son épouse" in template else "sa femme"
        head, _, tail = template.partition(noun)
        person = _person(ctx, female)
        slots: dict[str, list[Piece]] = {
            "A": name_forms(ctx, person, ctx.pick(("given", "full", "lower"))),
            "S": [(person.surname, "personne")],
        }
        pieces = _fill(ctx, head, female, slots)
        pieces.append((noun, "vie_sexuelle"))
        for health in _PARTNER_HEALTH:
            if tail.startswith(health):
                # The partner's health is health data too (about a person, named or not).
                pieces.append((health, "sante"))
                tail = tail[len(health) :]
        pieces.extend(_fill(ctx, tail, female, slots))
        return pieces

    return make


_PARTNER_HEALTH = (" est hospitalisée", " est malade")


def _vs_negative_maker(template: str) -> Maker:
    def make(ctx: Ctx) -> list[Piece]:
        female = ctx.chance(0.5)
        return _fill(ctx, template, female, {"A": _name(ctx, female)})

    return make


def _address_maker(context: str) -> Maker:
    def make(ctx: Ctx) -> list[Piece]:
        female = ctx.chance(0.5)
        slots: dict[str, list[Piece]] = {
            "AD": [(_address(ctx, cedex=_HOME_WORD.search(context) is not None), "adresse")],
            "N": _name(ctx, female, ("full", "title_full", "upper_first")),
        }
        return _fill(ctx, context, female, slots)

    return make


def _institution_maker(context: str) -> Maker:
    def make(ctx: Ctx) -> list[Piece]:
        cp, town = _place(ctx)
        text = context.replace("{I}", ctx.pick(_INSTITUTIONS))
        text = text.replace("{num}", str(ctx.rng.randint(1, 60))).replace(
            "{street}", base._street(ctx)
        )
        text = text.replace("{cs}", str(ctx.rng.randint(10000, 99999))).replace("{cp}", cp)
        return _fill(ctx, text.replace("{T}", town), False, {})

    return make


def _look_alike_maker(template: str) -> Maker:
    def make(ctx: Ctx) -> list[Piece]:
        return _fill(ctx, template, False, {})

    return make


def _topic_maker(category: str, context: str) -> Maker:
    def make(ctx: Ctx) -> list[Piece]:
        female = ctx.chance(0.5)
        phrase = _agree_text(ctx.pick(_TOPIC_POSITIVES[category]), female)
        slots: dict[str, list[Piece]] = {"A": _name(ctx, female), "X": [(phrase, category)]}
        return _fill(ctx, context, female, slots)

    return make


def _families() -> dict[str, tuple[list[tuple[str, Maker]], int]]:
    def each(prefix: str, items: Iterable[Any], make: Callable[[Any], Maker]) -> list[Any]:
        return [(f"{prefix}-{i:02d}", make(item)) for i, item in enumerate(items)]

    return {
        "vs_pair": (each("vs_pair", _PAIR, lambda t: _pair_maker(t, True)), 8),
        "vs_owner_after": (
            each("vs_owner_after", _OWNER_AFTER, lambda t: _pair_maker(t, True, True)),
            8,
        ),
        "vs_agreed": (each("vs_agreed", _AGREED, lambda t: _agreed_maker(t, True)), 7),
        "vs_couple": (each("vs_couple", _COUPLE_CONTEXTS, lambda t: _couple_maker(t, True)), 7),
        "vs_direct": (each("vs_direct", _DIRECT_CONTEXTS, _direct_maker), 8),
        "vs_hr": (each("vs_hr", _HR_FIELDS, _hr_field_maker), 6),
        "vs_union": (each("vs_union", range(len(_UNIONS)), lambda i: _union_maker(i, True)), 6),
        "vs_wife": (each("vs_wife", _WIFE_OF_A_WOMAN, lambda t: _spouse_maker(t, True)), 5),
        "vs_husband": (
            each("vs_husband", _HUSBAND_OF_A_MAN, lambda t: _spouse_maker(t, False)),
            5,
        ),
        "vs_pair_other": (each("vs_pair_other", _PAIR, lambda t: _pair_maker(t, False)), 3),
        "vs_owner_after_other": (
            each("vs_owner_after_other", _OWNER_AFTER, lambda t: _pair_maker(t, False, True)),
            3,
        ),
        "vs_agreed_other": (
            each("vs_agreed_other", _AGREED, lambda t: _agreed_maker(t, False)),
            3,
        ),
        "vs_couple_man": (
            each("vs_couple_man", _COUPLE_CONTEXTS, lambda t: _couple_maker(t, False)),
            3,
        ),
        "vs_union_other": (
            each("vs_union_other", range(len(_UNIONS)), lambda i: _union_maker(i, False)),
            3,
        ),
        "vs_neg": (each("vs_neg", _VS_NEGATIVE, _vs_negative_maker), 3),
        "addr": (each("addr", _ADDRESS_CONTEXTS, _address_maker), 15),
        "addr_inst": (each("addr_inst", _INSTITUTION_CONTEXTS, _institution_maker), 8),
        "topic_neg": (each("topic_neg", _LOOK_ALIKES, _look_alike_maker), 5),
        "topic_sante": (
            each("topic_sante", _TOPIC_CONTEXTS, lambda t: _topic_maker("sante", t)),
            5,
        ),
        "topic_religion": (
            each("topic_religion", _TOPIC_CONTEXTS, lambda t: _topic_maker("religion", t)),
            5,
        ),
        "topic_syndicat": (
            each("topic_syndicat", _TOPIC_CONTEXTS, lambda t: _topic_maker("syndicat", t)),
            5,
        ),
    }


PREFIXES = ("Bonjour, ", "Re : ", "stp ", "Question : ", "TR : ")


def render(maker: Maker, ctx: Ctx) -> tuple[str, list[tuple[int, int, str]]]:
    ctx.people.clear()
    pieces = maker(ctx)
    if ctx.chance(0.15):
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
    if roll < 0.12:
        text = text.lower()
    elif roll < 0.18:
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
                row = base._row(text, base._clean_spans(text, spans), f"dev6_{template_id}")
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
    negatives = sum(1 for row in rows if "_neg" in row["template"] or "_other" in row["template"])
    print(f"  look-alikes            {negatives}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
