"""A fourth development set for the personal-data guard: tests/data/pii_dev4.jsonl (issue 18).

It aims at two categories that stayed weak on unseen text, and at the precision of two others:
- sexual life or orientation said indirectly, as agents write it: a partner of the same gender
  as the person ("il vit avec son compagnon", "elle s'est mariée avec sa compagne", "pacsé avec
  Julien", "son mari" said of a man), a coming out, HR requests (a leave for a PACS, a transfer
  to join a partner), versus the same words said of no one (laws, trainings, statistics) and a
  partner of the other gender;
- dates of birth in all their forms ("né(e) le", "n. le", "DDN", "Date et lieu de naissance",
  "née Dupont le …", lists, tables, lower case), versus dates of communes, services, laws and
  deadlines;
- health and religion words said of services and policies (hard negatives).

Its templates and phrasings are its own. Names and places come from devtools/pii_corpus_dev2.py
(all on the dev side of the original split), and the line format and labelling rules are those
of tests/data/PII_SETS.md. Decisions: gender identity (a transition, "est trans") is labelled
vie_sexuelle, like the other sets; a partner of the other gender is not labelled; "né en 1985"
labels the year.

Deterministic: a fixed seed and faker's shipped name lists. `python -m devtools.pii_corpus_dev4`
rewrites the file.
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

SEED = 20261204
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii_dev4.jsonl"
SPLIT = "dev4"
MADE_WITH_FAKER = base.MADE_WITH_FAKER

_MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
)  # fmt: skip
_SHORT_MONTHS = (
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
    "déc.",
)  # fmt: skip


def _person(ctx: Ctx, female: bool) -> Person:
    person = Person(base._given_name(ctx, female), base._surname(ctx), female)
    ctx.people.append(person)
    return person


def birth_date(ctx: Ctx, lo: int = 1948, hi: int = 2009) -> str:
    y, m, d = ctx.rng.randint(lo, hi), ctx.rng.randint(1, 12), ctx.rng.randint(1, 28)
    style = ctx.rng.randrange(11)
    day = "1er" if d == 1 else str(d)
    forms = (
        f"{d:02d}/{m:02d}/{y}",
        f"{day} {_MONTHS[m - 1]} {y}",
        f"{d:02d}/{m:02d}/{y % 100:02d}",
        f"{y}-{m:02d}-{d:02d}",
        f"{d:02d}.{m:02d}.{y}",
        f"{d}/{m}/{y}",
        f"{day} {_MONTHS[m - 1].upper()} {y}",
        f"{d} {_SHORT_MONTHS[m - 1]} {y}",
        f"{d:02d}-{m:02d}-{y}",
        f"{d:02d}/{m:02d}/{y}",
        f"{day} {_MONTHS[m - 1]} {y}",
    )
    return forms[style]


def _subject(ctx: Ctx, female: bool) -> list[Piece]:
    if ctx.chance(0.35):
        unnamed = (
            ("ma collègue", "l'agente", "la stagiaire", "ma cheffe", "une collaboratrice")
            if female
            else ("mon collègue", "l'agent", "le stagiaire", "mon chef", "un agent de l'équipe")
        )
        return [(ctx.pick(unnamed), None)]
    style = ctx.pick(("full", "full", "title_full", "title_sur", "given", "lower", "upper_first"))
    return name_forms(ctx, _person(ctx, female), style)


# Sexual life or orientation, by the gender of the person it is said of. "{MG}"/"{FG}" is a
# man's/woman's given name (labelled personne, outside the topic span).
_VS_MALE = (
    "vit avec son compagnon",
    "vit en couple avec un homme",
    "s'est marié avec son compagnon",
    "a épousé son compagnon",
    "est pacsé avec son compagnon",
    "s'est pacsé avec {MG}",
    "est pacsé avec {MG}",
    "s'est marié avec {MG}",
    "a fait son coming out",
    "est gay",
    "est homo",
    "a présenté son copain à toute l'équipe",
    "a parlé de son mari au pot de départ",
    "vit avec son petit ami",
    "est en couple avec {MG} depuis dix ans",
    "est bisexuel",
    "a révélé son homosexualité",
    "a entamé sa transition",
    "est une femme trans",
    "a été outé par un collègue",
    "fréquente les bars gays du quartier",
    "a quitté sa femme pour un homme",
)
_VS_FEMALE = (
    "vit avec sa compagne",
    "vit en couple avec une femme",
    "s'est mariée avec sa compagne",
    "a épousé sa compagne",
    "est pacsée avec sa compagne",
    "s'est pacsée avec {FG}",
    "est pacsée avec {FG}",
    "s'est mariée avec {FG}",
    "a fait son coming out",
    "est lesbienne",
    "est homo",
    "a présenté sa copine à toute l'équipe",
    "a parlé de sa femme au pot de départ",
    "vit avec sa petite amie",
    "est en couple avec {FG} depuis dix ans",
    "est bisexuelle",
    "a révélé son homosexualité",
    "a entamé sa transition",
    "est un homme trans",
    "a été outée par une collègue",
    "a quitté son mari pour une femme",
    "est non binaire",
)
# The same constructions with a partner of the other gender: not labelled.
_PARTNER_MALE = (
    "vit avec sa compagne",
    "s'est marié avec sa compagne",
    "est pacsé avec {FG}",
    "a présenté sa copine à l'équipe",
    "a parlé de sa femme au pot de départ",
    "demande un congé pour son mariage avec {FG}",
)
_PARTNER_FEMALE = (
    "vit avec son compagnon",
    "s'est mariée avec son compagnon",
    "est pacsée avec {MG}",
    "a présenté son copain à l'équipe",
    "a parlé de son mari au pot de départ",
    "demande un congé pour son mariage avec {MG}",
)


def _phrase(ctx: Ctx, phrase: str, category: str | None) -> list[Piece]:
    """A phrase whose "{MG}"/"{FG}" becomes a given name labelled personne."""
    match = re.search(r"\{([MF])G\}", phrase)
    if match is None:
        return [(phrase, category)]
    person = _person(ctx, match.group(1) == "F")
    pieces: list[Piece] = [(phrase[: match.start()].rstrip(), category), (" ", None)]
    pieces.append((person.given, "personne"))
    if phrase[match.end() :]:
        pieces.append((phrase[match.end() :], None))
    return pieces


def _gendered(female: bool, *, label: bool) -> Callable[[Ctx], list[Piece]]:
    phrases: tuple[str, ...]
    if label:
        phrases = _VS_FEMALE if female else _VS_MALE
    else:
        phrases = _PARTNER_FEMALE if female else _PARTNER_MALE

    def slot(ctx: Ctx) -> list[Piece]:
        return _phrase(ctx, ctx.pick(phrases), "vie_sexuelle" if label else None)

    return slot


# Partner nouns alone, in a sentence whose subject is of the same gender.
_SAME_PARTNER = {
    False: ("son mari", "son compagnon", "son copain"),
    True: ("sa femme", "sa compagne", "son épouse", "sa copine"),
}
_OTHER_PARTNER = {
    False: ("sa femme", "sa compagne", "son épouse"),
    True: ("son mari", "son compagnon", "son époux"),
}

# Templates with {S} (a subject), {VS} (the phrase), {il} (il/elle), {e} (agreement).
_VS_TEMPLATES = (
    "{S} {VS}, dois-je le signaler aux RH ?",
    "Pour info, {S} {VS}.",
    "entre nous {S} {VS}, ne le répète pas",
    "{S} m'a confié qu'{il} {VS}.",
    "Je crois que {S} {VS}, tu étais au courant ?",
    "Dans le dossier de {S}, on lit qu'{il} {VS}, est-ce normal ?",
    "Peux-tu reformuler ce mail : « {S} {VS}, merci de rester discrets » ?",
    "Objet : signalement\nBonjour,\n{S} {VS} et subit des moqueries depuis.",
    "Rédige une réponse à {S} qui {VS} et se plaint de remarques déplacées.",
    "Compte rendu d'entretien : {S} {VS} ; aucune suite à donner.",
    "{S}, agent{e} d'accueil, {VS}.",
    "Quelqu'un m'a dit que {S} {VS}, je fais quoi de cette info ?",
)
_PARTNER_TEMPLATES = (
    "{S} et {P} viennent d'adopter un enfant, quels congés pour {S2} ?",
    "{S} demande une autorisation d'absence pour accompagner {P} à l'hôpital.",
    "{S} sollicite une mutation pour rapprochement avec {P}.",
    "Mail de {S} : « {MP} est muté{pe} à Lyon, je demande ma mutation. »",
)
_HR_TEMPLATES_MALE = (
    "Demande de congé : {S} se pacse avec {MG} le mois prochain, combien de jours ?",
    "{S} demande une mutation pour rapprochement de conjoint : il est pacsé avec {MG}.",
    "{S} demande trois jours pour son mariage avec {MG}, c'est bon ?",
    "Bonjour, je m'appelle {N}, je suis pacsé avec {MG} et je demande un congé.",
)
_HR_TEMPLATES_FEMALE = (
    "Demande de congé : {S} se pacse avec {FG} le mois prochain, combien de jours ?",
    "{S} demande une mutation pour rapprochement de {CONJOINTE} : elle est pacsée avec {FG}.",
    "{S} demande trois jours pour son mariage avec {FG}, c'est bon ?",
    "Bonjour, je m'appelle {N}, je suis pacsée avec {FG} et je demande un congé.",
)

_VS_NEGATIVE = (
    "Combien de jours de congé pour un PACS dans la fonction publique ?",
    "Rédige une note sur la loi ouvrant le mariage aux couples de même sexe.",
    "Prépare une formation sur les discriminations liées à l'orientation sexuelle.",
    "Le mariage pour tous a été voté en 2013, fais-moi un résumé de la loi.",
    "Statistiques des PACS conclus en mairie en {year}, merci de les mettre en tableau.",
    "Notre collectivité va signer la charte d'engagement LGBT+ de L'Autre Cercle.",
    "La marche des fiertés passera devant la préfecture samedi, prévoir la voirie.",
    "Quel est le rôle du référent égalité face aux propos homophobes ?",
    "Le guide de la DGAFP sur l'accueil des agents transgenres est-il à jour ?",
    "Mon service accompagne les victimes de violences homophobes.",
    "Peut-on refuser un congé pour PACS à un agent contractuel ?",
    "Comment déclarer un changement de situation familiale (mariage, PACS) sur l'ENSAP ?",
    "Le formulaire demande le nom du conjoint ou du partenaire de PACS.",
    "Organise une exposition sur l'histoire des droits des couples homosexuels.",
    "Quelle est la durée de l'autorisation d'absence pour le mariage d'un agent ?",
    "Le plan égalité prévoit une journée contre l'homophobie et la transphobie.",
    "Fais une synthèse du rapport de la Dilcrah sur les actes anti-LGBT.",
    "La mairie célèbre les mariages le samedi matin, qui tient la permanence ?",
    "La circulaire sur l'identité de genre à l'école est parue, résume-la.",
    "Les conjoints et partenaires de PACS ont-ils droit au capital décès ?",
    "Mon service gère les dossiers de PACS enregistrés en mairie depuis 2017.",
    "Peux-tu préparer un quiz sur la lutte contre les LGBTphobies pour la semaine de l'égalité ?",
)

# Dates of birth: {D} is the date (labelled), {Y} a year of birth alone (labelled).
_DOB_TEMPLATES = (
    "{N}, né{e} le {D}, demande la reprise de son ancienneté.",
    "Né{e} le {D} à {C}, {N} sollicite un détachement.",
    "Date de naissance : {D}",
    "DDN : {D}",
    "ddn {D} - merci de vérifier",
    "Date et lieu de naissance : {D} à {C}",
    "{N}, n. le {D}, adjoint technique",
    "{N}\nné(e) le {D}\n{C}",
    "{N} (né{e} en {Y}) part à la retraite ?",
    "Mon fils, né le {D}, peut-il être inscrit à la crèche municipale ?",
    "{N} est né{e} le {D} à {C}.",
    "- {N}, {D}, {C}",
    "sa date de naissance est le {D}, il faut la corriger dans le logiciel",
    "Je suis né{e} le {D}, à quel âge puis-je partir à la retraite ?",
    "Date de naiss. : {D}",
    "Naissance : {D} ({C})",
    "Né(e) le : {D}",
    "{N}, née {SN} le {D}",
    "Nom : {N} / date de naissance {D} / service RH",
    "Candidat : {N} — né{e} le {D} à {C}",
    "le candidat {N} né le {D} n'a pas fourni son diplôme",
    "Pièce jointe : acte de naissance de {N}, né{e} le {D}",
    "Etat civil de l'agent : {N}, né{e} le {D} à {C}, nationalité française",
    "Peux-tu calculer l'âge de {N}, né{e} le {D} ?",
    "Nom;Prénom;Date de naissance\n{SN};{GN};{D}",
    "| {N} | {D} | {C} |",
    "Agent : {N}, date de naissance {D}, grade : attaché",
    "La stagiaire est née le {D}, elle est mineure ?",
)

_DATE_NEGATIVE = (
    "La commune nouvelle, née le {OD} de la fusion de trois villages, compte 4 000 habitants.",
    "Le service commun est né en {OY}, qui en était le premier directeur ?",
    "La loi n° 83-634 du 13 juillet 1983 fixe les droits des fonctionnaires, résume-la.",
    "Réunion du comité social territorial le {RD} à 14 h.",
    "Date limite de dépôt des dossiers : {RD}",
    "L'association, née le {OD}, fête bientôt son anniversaire.",
    "Date de création de l'établissement : {OD}",
    "Date d'entrée en fonctions : {RD}",
    "Le formulaire demande la date de naissance de l'enfant, où la trouver ?",
    "Le festival, né en {OY}, cherche des bénévoles.",
    "La médiathèque intercommunale est née le {OD} du regroupement de deux bibliothèques.",
    "Le décret du {OD} est-il toujours en vigueur ?",
    "Le marché a été notifié le {RD}, quand commence-t-il ?",
    "La réforme entre en vigueur le {RD}, prépare une note.",
    "Le RIFSEEP est né du décret du 20 mai 2014, explique-le simplement.",
    "La maison France services a ouvert le {RD}.",
    "Le conseil municipal du {RD} a voté le budget.",
    "Le label a été créé le {OD} par arrêté, qui le délivre ?",
    "Le jumelage est né en {OY} d'une amitié entre deux maires.",
    "Échéance de paiement : {RD}, référence facture 2024-118.",
)

_SANTE_NEGATIVE = (
    "Le service de médecine préventive change d'adresse, préviens les agents.",
    "Prépare la campagne de vaccination antigrippale de novembre.",
    "Les arrêts maladie ont augmenté de 12 % dans la collectivité, commente ce chiffre.",
    "Notre politique handicap prévoit l'aménagement des postes de travail.",
    "La visite médicale d'embauche est-elle obligatoire pour un contractuel ?",
    "Rédige une note sur la prévention des risques psychosociaux.",
    "Le contrat de prévoyance couvre-t-il l'invalidité ?",
    "Organise une formation aux gestes de premiers secours pour l'équipe.",
    "Le CHSCT a examiné le document unique sur les troubles musculo-squelettiques.",
    "Quelle est la procédure de reconnaissance d'un accident de service ?",
    "Résume la circulaire sur le congé de longue maladie.",
    "Le marché de fourniture de défibrillateurs est attribué.",
    "Les agents en situation de handicap peuvent demander un télétravail adapté.",
    "Fais un tableau des jours de carence selon le statut.",
    "La semaine de la santé mentale aura lieu en octobre, propose des ateliers.",
    "Mon service gère les dossiers de temps partiel thérapeutique.",
    "Le centre de gestion organise un webinaire sur le burn-out.",
    "Combien coûte un fauteuil ergonomique pour l'aménagement de poste ?",
    "Le conseil médical se réunit le premier mardi du mois.",
    "Explique le fonctionnement du FIPHFP pour notre budget.",
)
_RELIGION_NEGATIVE = (
    "Prépare le calendrier des fêtes religieuses pour le planning des cantines.",
    "Rédige une note sur la laïcité dans la fonction publique.",
    "L'aumônerie de l'hôpital demande un local supplémentaire.",
    "L'église Saint-Pierre est fermée pour travaux jusqu'en juin.",
    "L'association cultuelle dépose un permis de construire pour une mosquée.",
    "Les jours fériés de Pâques et de l'Ascension tombent quand cette année ?",
    "Le référent laïcité anime une formation jeudi.",
    "Le cimetière communal a-t-il un carré confessionnel ?",
    "Quelles sont les règles sur le port de signes religieux par les usagers ?",
    "La loi de 1905 sur la séparation des Églises et de l'État : résume-la.",
    "Le marché de restauration prévoit des menus sans porc.",
    "Mon service gère les demandes de salles pour les associations cultuelles.",
    "La cathédrale accueille un concert le 21 juin.",
    "Peut-on subventionner la restauration d'une chapelle classée ?",
    "Le conseil municipal discute du chauffage de la synagogue, bâtiment communal.",
)
# Health and religion said of a person (positives, to keep recall measured).
_SANTE_POSITIVE = (
    "est en arrêt pour un burn-out",
    "a un diabète de type 1",
    "sort d'une chimiothérapie",
    "est suivi{e} pour une dépression",
    "a été opéré{e} du genou",
)
_RELIGION_POSITIVE = (
    "fait le ramadan",
    "est catholique pratiquant{e}",
    "va à la messe tous les dimanches",
    "porte le voile",
    "est juif{f} pratiquant{e}",
)


def _fill(ctx: Ctx, template: str, female: bool, category: str | None) -> list[Piece]:
    """The pieces of `template`: the gendered slots and the named ones."""
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
            pieces.append(("elle" if female else "lui", None))
        elif key == "N":
            style = ctx.pick(("full", "full", "title_full", "upper_first", "lower", "title_sur"))
            pieces.extend(name_forms(ctx, _person(ctx, female), style))
        elif key == "SN":
            pieces.append((_person(ctx, female).surname, "personne"))
        elif key == "GN":
            pieces.append((ctx.people[-1].given, "personne"))
        elif key in ("MG", "FG"):
            pieces.append((_person(ctx, key == "FG").given, "personne"))
        elif key == "VS":
            pieces.extend(_gendered(female, label=category == "vie_sexuelle")(ctx))
        elif key == "P":
            nouns = _SAME_PARTNER if category == "vie_sexuelle" else _OTHER_PARTNER
            pieces.append((ctx.pick(nouns[female]), category))
        elif key == "MP":
            nouns = _SAME_PARTNER if category == "vie_sexuelle" else _OTHER_PARTNER
            noun = ctx.pick(nouns[female])
            pieces.append(("m" + noun[1:] if noun.startswith("s") else noun, category))
        elif key == "pe":
            partner = next(
                (t for t, _c in reversed(pieces) if t.startswith(("sa ", "son ", "ma ", "mon "))),
                "",
            )
            pieces.append(
                ("e" if partner.startswith(("sa ", "son é", "ma ", "mon é")) else "", None)
            )
        elif key == "il":
            pieces.append(("elle" if female else "il", None))
        elif key == "e":
            pieces.append(("e" if female else "", None))
        elif key == "f":
            pieces.append(("ve" if female else "", None))
        elif key == "D":
            pieces.append((birth_date(ctx), "date_naissance"))
        elif key == "Y":
            pieces.append((str(ctx.rng.randint(1955, 2005)), "date_naissance"))
        elif key == "OD":
            pieces.append((birth_date(ctx, 1960, 2022), None))
        elif key == "OY":
            pieces.append((str(ctx.rng.randint(1960, 2022)), None))
        elif key == "RD":
            pieces.append((birth_date(ctx, 2019, 2027), None))
        elif key == "year":
            pieces.append((str(ctx.rng.randint(2015, 2025)), None))
        elif key == "C":
            pieces.append((base._commune(ctx), None))
        elif key == "CONJOINTE":
            pieces.append(("conjointe", "vie_sexuelle"))
        else:
            raise KeyError(key)
    if template[position:]:
        pieces.append((template[position:], None))
    return pieces


def _agree(pieces: list[Piece], female: bool) -> list[Piece]:
    """Agreement marks inside topic phrases: "{e}" and "{f}"."""
    out: list[Piece] = []
    for text, category in pieces:
        text = text.replace("{e}", "e" if female else "").replace("{f}", "ve" if female else "")
        text = text.replace("juifve", "juive")
        out.append((text, category))
    return out


Maker = Callable[[Ctx], list[Piece]]


def _filler(template: str, female: bool | None, category: str | None) -> Maker:
    """A maker of `template` for a person of the given gender (None: drawn each time)."""

    def make(ctx: Ctx) -> list[Piece]:
        gender = ctx.chance(0.5) if female is None else female
        return _fill(ctx, template, gender, category)

    return make


def _hr_maker(template: str, female: bool) -> Maker:
    def make(ctx: Ctx) -> list[Piece]:
        return _hr(ctx, template, female)

    return make


def _family_vs() -> list[tuple[str, Maker]]:
    makers: list[tuple[str, Maker]] = []
    for index, template in enumerate(_VS_TEMPLATES):
        for female in (False, True):
            tid = f"vs-{index:02d}{'f' if female else 'm'}"
            makers.append((tid, _filler(template, female, "vie_sexuelle")))
    for index, template in enumerate(_PARTNER_TEMPLATES):
        for female in (False, True):
            tid = f"vs_partner-{index:02d}{'f' if female else 'm'}"
            makers.append((tid, _filler(template, female, "vie_sexuelle")))
    for index, template in enumerate(_HR_TEMPLATES_MALE + _HR_TEMPLATES_FEMALE):
        female = index >= len(_HR_TEMPLATES_MALE)
        hr = template.replace("{MG}", "{VSMG}").replace("{FG}", "{VSFG}")
        makers.append((f"vs_hr-{index:02d}", _hr_maker(hr, female)))
    return makers


def _hr(ctx: Ctx, template: str, female: bool) -> list[Piece]:
    """An HR request: the phrase before the partner's given name is the topic span."""
    head, _, tail = template.partition("{VSMG}" if "{VSMG}" in template else "{VSFG}")
    # The revealing phrase: from the verb or noun naming the union up to the partner's name.
    cue = re.search(r"(?:se pacse|pacsée?|son mariage) avec $", head)
    assert cue is not None, template
    pieces = _fill(ctx, head[: cue.start()], female, None)
    pieces.append((head[cue.start() :].rstrip(), "vie_sexuelle"))
    pieces.append((" ", None))
    pieces.append((_person(ctx, female).given, "personne"))
    pieces.extend(_fill(ctx, tail, female, None))
    return pieces


def _family_negative_partner() -> list[tuple[str, Maker]]:
    makers: list[tuple[str, Maker]] = []
    for index, template in enumerate(_VS_TEMPLATES[:8] + _PARTNER_TEMPLATES):
        for female in (False, True):
            tid = f"vs_other-{index:02d}{'f' if female else 'm'}"
            makers.append((tid, _filler(template, female, None)))
    return makers


def _fixed(prefix: str, templates: tuple[str, ...]) -> list[tuple[str, Maker]]:
    return [(f"{prefix}-{i:02d}", _filler(t, None, None)) for i, t in enumerate(templates)]


def _family_dob() -> list[tuple[str, Maker]]:
    # A maiden name ("née Dupont le…") is a woman's.
    return [
        (f"dob-{i:02d}", _filler(t, True if "née {SN}" in t else None, None))
        for i, t in enumerate(_DOB_TEMPLATES)
    ]


_TOPIC_CONTEXTS = (
    "{S} {X}, que dois-je faire ?",
    "Entre nous, {S} {X}.",
    "Mail reçu : « {S} {X}, merci de ne pas le dire. »",
    "je pense que {S} {X}",
)


def _family_topics() -> list[tuple[str, Maker]]:
    makers: list[tuple[str, Maker]] = []
    for category, phrases in (("sante", _SANTE_POSITIVE), ("religion", _RELIGION_POSITIVE)):
        for index, context in enumerate(_TOPIC_CONTEXTS):

            def make(
                ctx: Ctx, c: str = context, cat: str = category, p: tuple[str, ...] = phrases
            ) -> list[Piece]:
                female = ctx.chance(0.5)
                head, _, tail = c.partition("{X}")
                pieces = _fill(ctx, head, female, None)
                pieces.extend(_agree([(ctx.pick(p), cat)], female))
                pieces.extend(_fill(ctx, tail, female, None))
                return pieces

            makers.append((f"{category}-{index:02d}", make))
    return makers


FAMILIES: dict[str, tuple[list[tuple[str, Maker]], int]] = {
    "vie_sexuelle": (_family_vs(), 5),
    "vie_sexuelle_other": (_family_negative_partner(), 3),
    "vie_sexuelle_negative": (_fixed("vs_neg", _VS_NEGATIVE), 4),
    "birth_dates": (_family_dob(), 6),
    "dates_negative": (_fixed("date_neg", _DATE_NEGATIVE), 4),
    "sante_negative": (_fixed("sante_neg", _SANTE_NEGATIVE), 4),
    "religion_negative": (_fixed("religion_neg", _RELIGION_NEGATIVE), 4),
    "topics": (_family_topics(), 5),
}
PREFIXES = ("Bonjour, ", "Question : ", "Re : ", "TR : ", "stp ", "> ", "Petite question : ")


def render(maker: Maker, ctx: Ctx) -> tuple[str, list[tuple[int, int, str]]]:
    ctx.people.clear()
    pieces = maker(ctx)
    if ctx.chance(0.2):
        prefix = ctx.pick(PREFIXES)
        first, category = pieces[0]
        keep = first.startswith(("Né", "DDN", "Date", "Nom", "Naissance", "Objet"))
        if (
            prefix.endswith((", ", "stp "))
            and category is None
            and first[:1].isupper()
            and not keep
        ):
            first = first[0].lower() + first[1:]
        pieces = [(prefix, None), (first, category), *pieces[1:]]
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
    for makers, renders in FAMILIES.values():
        for template_id, maker in makers:
            for _ in range(renders):
                text, spans = render(maker, ctx)
                if text in seen:
                    continue
                seen.add(text)
                row = base._row(text, base._clean_spans(text, spans), f"dev4_{template_id}")
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
    print(f"  look-alike sentences   {negatives}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
