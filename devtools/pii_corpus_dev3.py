"""A third development set for the personal-data guard: tests/data/pii_dev3.jsonl (issue 18).

It aims at the guard's weak spots measured on the held-out split: home addresses in all their
forms (with or without a number, bis/ter, BP, lieu-dit, résidence and bâtiment, several lines,
overseas and Corsican postcodes, "chez", "demeurant", a bare address with no cue word), genetic
and biometric data about a person (versus procurements and policies), institutional versus
personal phone numbers, and a few name forms (a given name or a surname alone, "C'est X qui…",
"je suis x y" in lower case). Its templates and phrasings are its own; it reuses the name and
place values of devtools/pii_corpus_dev2.py, which are all on the dev side of the original split,
and the same line format and labelling rules (tests/data/PII_SETS.md). Tune on it freely.

Deterministic: a fixed seed and faker's shipped name lists. `python -m devtools.pii_corpus_dev3`
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
from devtools.pii_corpus_dev2 import Ctx, Piece, dev_side, name_forms, new_person

SEED = 20261203
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii_dev3.jsonl"
SPLIT = "dev3"
MADE_WITH_FAKER = base.MADE_WITH_FAKER
IDENTIFIERS = base.IDENTIFIERS
TOPICS = base.TOPICS

# Overseas departments (971-976) and Corsica (2A/2B, postcodes 20xxx): real communes.
_OVERSEAS = tuple(
    c
    for c in (
        ("971", "Pointe-à-Pitre"),
        ("971", "Les Abymes"),
        ("971", "Baie-Mahault"),
        ("971", "Le Gosier"),
        ("971", "Sainte-Anne"),
        ("972", "Fort-de-France"),
        ("972", "Le Lamentin"),
        ("972", "Schoelcher"),
        ("972", "Le Robert"),
        ("972", "Ducos"),
        ("973", "Cayenne"),
        ("973", "Kourou"),
        ("973", "Matoury"),
        ("973", "Saint-Laurent-du-Maroni"),
        ("974", "Saint-Denis"),
        ("974", "Le Tampon"),
        ("974", "Saint-Paul"),
        ("974", "Saint-Pierre"),
        ("974", "Le Port"),
        ("974", "Saint-Benoît"),
        ("976", "Mamoudzou"),
        ("976", "Dzaoudzi"),
        ("976", "Koungou"),
        ("200", "Ajaccio"),
        ("200", "Porticcio"),
        ("201", "Propriano"),
        ("201", "Porto-Vecchio"),
        ("201", "Bonifacio"),
        ("202", "Bastia"),
        ("202", "Corte"),
        ("202", "Calvi"),
        ("202", "L'Île-Rousse"),
        ("202", "Biguglia"),
    )
    if dev_side(c[1])
)
_OVERSEAS_STREETS = tuple(
    s
    for s in (
        "rue Schoelcher",
        "chemin de la Ravine",
        "route de la Plaine",
        "rue des Flamboyants",
        "allée des Cocotiers",
        "chemin Morne Vert",
        "rue Fesch",
        "cours Napoléon",
        "route du Salario",
        "rue du Général Fiorella",
        "chemin des Oliviers",
        "impasse des Goyaviers",
        "lotissement Bellevue",
        "rue Victor Schœlcher",
        "boulevard Paoli",
        "quartier Sainte-Lucie",
        "rue des Manguiers",
        "chemin des Bougainvilliers",
    )
    if dev_side(s)
)


def _pc(ctx: Ctx) -> tuple[str, str]:
    """A postcode and its commune: mostly metropolitan, a fifth overseas or Corsican."""
    if _OVERSEAS and ctx.chance(0.22):
        prefix, commune = ctx.pick([f"{p}|{c}" for p, c in _OVERSEAS]).split("|")
        digits = 5 - len(prefix)
        return prefix + "".join(str(ctx.rng.randrange(10)) for _ in range(digits)), commune
    return base._postcode(ctx), base._commune(ctx)


def _street(ctx: Ctx) -> str:
    if _OVERSEAS_STREETS and ctx.chance(0.15):
        return ctx.pick(_OVERSEAS_STREETS)
    return base._street(ctx)


def _number(ctx: Ctx) -> str:
    n = str(ctx.rng.randint(1, 160))
    roll = ctx.rng.random()
    if roll < 0.1:
        return n + ctx.pick((" bis", "bis", " B", " BIS"))
    if roll < 0.15:
        return n + ctx.pick((" ter", "ter", " TER"))
    return n


def home_address(ctx: Ctx, style: str = "any") -> str:
    styles = (
        "line",
        "line",
        "comma",
        "comma",
        "twolines",
        "threelines",
        "upper",
        "nonum",
        "nonum_comma",
        "lieudit",
        "lieudit_line",
        "bp",
        "residence",
        "batiment",
        "complement_after",
        "corsica",
    )
    if style == "any":
        style = ctx.pick(styles)
    cp, commune = _pc(ctx)
    num, street = _number(ctx), _street(ctx)
    if style == "line":
        return f"{num} {street} {cp} {commune}"
    if style == "comma":
        return f"{num}, {street}, {cp} {commune}"
    if style == "twolines":
        return f"{num} {street}\n{cp} {commune.upper() if ctx.chance(0.4) else commune}"
    if style == "threelines":
        extra = ctx.pick(
            (
                f"Appartement {ctx.rng.randint(1, 90)}",
                f"Bâtiment {ctx.pick(('A', 'B', 'C', 'Les Iris'))}",
                f"Résidence {ctx.pick(base._RESIDENCES)}",
                f"Escalier {ctx.pick(('1', '2', 'B'))}",
            )
        )
        return f"{extra}\n{num} {street}\n{cp} {commune}"
    if style == "upper":
        return f"{num} {street}, {cp} {commune}".upper()
    if style == "nonum":
        return f"{street} {cp} {commune}"
    if style == "nonum_comma":
        return f"{street}, {cp} {commune}"
    if style == "lieudit":
        word = ctx.pick(("lieu-dit", "Lieu-dit", "lieudit", "hameau", "Hameau de", "Lieu dit"))
        return f"{word} {ctx.pick(base.HAMLETS)}, {cp} {commune}"
    if style == "lieudit_line":
        return f"{ctx.pick(base.HAMLETS)}\n{cp} {commune}"
    if style == "bp":
        box = ctx.pick(("BP", "B.P.", "boîte postale", "BP n°"))
        return f"{box} {ctx.rng.randint(1, 499)} {cp} {commune}"
    if style == "residence":
        return (
            f"Résidence {ctx.pick(base._RESIDENCES)}, bât. {ctx.pick(('A', 'B', 'C', '3'))}, "
            f"{num} {street}, {cp} {commune}"
        )
    if style == "batiment":
        return f"bâtiment {ctx.pick(('A', 'B', 'D'))}, {num} {street}, {cp} {commune}"
    if style == "complement_after":
        door = ctx.pick((f"appt {ctx.rng.randint(1, 60)}", f"porte {ctx.rng.randint(1, 30)}"))
        return f"{num} {street}, {door}, {cp} {commune}"
    if style == "corsica":
        prefix, commune = ctx.pick(
            [f"{p}|{c}" for p, c in _OVERSEAS if p.startswith("20")] or ["200|Ajaccio"]
        ).split("|")
        return f"{num} {street} {prefix}{ctx.rng.randint(0, 99):02d} {commune}"
    raise ValueError(style)


SLOTS: dict[str, Callable[[Ctx], list[Piece]]] = {
    "name": lambda ctx: name_forms(ctx, new_person(ctx)),
    "full": lambda ctx: name_forms(ctx, new_person(ctx), ctx.pick(("full", "full", "lower"))),
    "titled": lambda ctx: name_forms(ctx, new_person(ctx), ctx.pick(("title_sur", "title_full"))),
    "given": lambda ctx: name_forms(ctx, new_person(ctx), "given"),
    "surname": lambda ctx: name_forms(ctx, new_person(ctx), "surname"),
    "lower": lambda ctx: name_forms(ctx, new_person(ctx), "lower"),
    "upper": lambda ctx: name_forms(ctx, new_person(ctx), "upper_first"),
    "addr": lambda ctx: [(home_address(ctx), "adresse")],
    "addr1": lambda ctx: [
        (home_address(ctx, ctx.pick(("line", "comma", "upper", "corsica"))), "adresse")
    ],
    "addr_nonum": lambda ctx: [
        (home_address(ctx, ctx.pick(("nonum", "nonum_comma", "lieudit"))), "adresse")
    ],
    "addr_multi": lambda ctx: [
        (home_address(ctx, ctx.pick(("twolines", "threelines", "lieudit_line"))), "adresse")
    ],
    "mobile": lambda ctx: [(base.phone_text(ctx, True), "telephone")],
    "fixe": lambda ctx: [(base.phone_text(ctx, False), "telephone")],
    "phone": lambda ctx: [(base.phone_text(ctx, ctx.chance(0.6)), "telephone")],
    "office_phone": lambda ctx: [(base.phone_text(ctx, False), None)],
    "mail": base.slot_mail,
    "inst": base.slot_inst,
    "service": base.slot_service,
    "commune": base.slot_commune,
    "inst_addr": base.slot_inst_addr,
    "colleague": base.slot_colleague,
    "nir": base.slot_nir,
    "iban": base.slot_iban,
    "card": base.slot_card,
    "date": base.slot_date,
    "dob": base.slot_dob,
    "year": base.slot_year,
    "n": base.slot_n,
}


def _subject(ctx: Ctx) -> list[Piece]:
    if ctx.chance(0.6):
        return name_forms(ctx, new_person(ctx))
    return base.slot_colleague(ctx)


SLOTS["subj"] = _subject

# Genetic and biometric data about a person (the phrase without its subject).
_BIOMETRIC = (
    "a fait relever ses empreintes digitales",
    "a enregistré l'empreinte de son index sur la pointeuse",
    "a donné son empreinte digitale pour le badge",
    "a refusé de donner ses empreintes digitales",
    "a fait un test ADN de paternité",
    "a fait un test génétique",
    "a reçu les résultats de son test génétique",
    "est porteur d'une anomalie génétique",
    "est porteuse d'une mutation génétique",
    "a une maladie génétique héréditaire",
    "a fait séquencer son génome",
    "a transmis son profil ADN",
    "a accepté un prélèvement ADN",
    "a enregistré son visage pour la reconnaissance faciale du portique",
    "passe par la reconnaissance de l'iris pour entrer en salle serveurs",
    "a fait scanner son iris",
    "a fourni un gabarit de sa main au contrôle d'accès",
    "a enrôlé ses données biométriques dans le système",
    "a vu ses données biométriques transmises au prestataire",
    "a un caryotype particulier",
    "a eu une analyse de son empreinte vocale",
    "a son empreinte palmaire enregistrée",
)
_BIOMETRIC_NOUNS = (
    "les empreintes digitales",
    "l'empreinte digitale",
    "l'ADN",
    "le test génétique",
    "les données biométriques",
    "le gabarit du visage",
    "le scan de l'iris",
    "le profil génétique",
    "les résultats génétiques",
    "l'empreinte vocale",
)

_POLICY_BIOMETRIC = (
    "le marché de reconnaissance faciale pour la vidéoprotection",
    "un appel d'offres pour des lecteurs d'empreintes digitales",
    "la politique de l'établissement sur les données biométriques",
    "le règlement sur les contrôles d'accès biométriques",
    "la formation de la police scientifique sur les tests ADN",
    "une étude génétique sur les abeilles du rucher communal",
    "le fichier automatisé des empreintes digitales",
    "les tests génétiques en général",
    "la doctrine de la CNIL sur la biométrie au travail",
    "un dispositif de reconnaissance de l'iris pour l'aéroport",
    "le patrimoine génétique des semences du conservatoire",
    "la délibération sur les bornes biométriques des passeports",
    "un algorithme génétique pour optimiser les tournées",
    "le recueil des empreintes pour les titres d'identité",
)

_OTHER_TOPICS = {
    "sante": ("est en arrêt pour une dépression", "a un cancer du sein"),
    "religion": ("fait le ramadan", "est musulmane pratiquante"),
    "opinion_politique": ("milite chez Les Républicains", "est militant communiste"),
    "syndicat": ("est déléguée syndicale CGT", "est syndiqué chez FO"),
    "origine": ("est d'origine algérienne", "est rom"),
    "vie_sexuelle": ("est homosexuel", "est lesbienne"),
    "infraction": ("a été condamné pour vol", "a été placé en garde à vue"),
}


def _piece_slot(choices: tuple[str, ...], category: str | None) -> Callable[[Ctx], list[Piece]]:
    def slot(ctx: Ctx) -> list[Piece]:
        return [(ctx.pick(choices), category)]

    return slot


SLOTS["bio"] = _piece_slot(_BIOMETRIC, "genetique_biometrie")
SLOTS["bio_noun"] = _piece_slot(_BIOMETRIC_NOUNS, "genetique_biometrie")
SLOTS["bio_policy"] = _piece_slot(_POLICY_BIOMETRIC, None)
for _category, _phrases in _OTHER_TOPICS.items():
    SLOTS[f"t_{_category}"] = _piece_slot(_phrases, _category)


FAMILIES: dict[str, tuple[str, ...]] = {
    "addresses": (
        "Mon nouvel agent habite {addr}, il demande la prime de transport.",
        "Merci d'envoyer l'arrêté à {titled}, {addr}.",
        "{titled}\n{addr_multi}",
        "{name}\n{addr_multi}\nObjet : demande de disponibilité",
        "Peux-tu vérifier si {addr1} est bien en zone de revitalisation rurale ?",
        "{addr1} : c'est l'adresse que m'a donnée {given}, je l'inscris sur le courrier ?",
        "Le courrier pour {name} revient avec la mention NPAI, il était envoyé au {addr1}.",
        "Je soussigné {full}, demeurant {addr}, certifie sur l'honneur l'exactitude des "
        "informations.",
        "{titled}, domicilié {addr}, sollicite une aide au logement.",
        "Elle vit désormais chez sa mère, {addr}.",
        "Envoie le colis chez {titled}, {addr}.",
        "Adresse de l'agent : {addr}",
        "Adresse personnelle : {addr_nonum}",
        "adresse perso de {lower} : {addr1}",
        "L'usager réside {addr_nonum} depuis mars.",
        "Il a déménagé au {addr1}, pense à mettre à jour son dossier.",
        "Coordonnées du locataire : {name}, {addr}, {phone}",
        "{addr1}\nVoilà où vit {given} maintenant.",
        "Peux-tu rédiger un courrier de relance pour {titled} ({addr1}) ?",
        "{addr1} tu peux me dire à quel canton ça correspond",
        "La famille {surname} est hébergée {addr_nonum}.",
        "Pour la visite à domicile : {addr}, sonner deux fois.",
        "Expéditeur : {name}, {addr}",
        "{name} - {addr1} - {mobile}",
        "Nouvelle adresse de {given} : {addr}",
    ),
    "inst_addresses": (
        "La mairie de {commune} se trouve {inst_addr}.",
        "Le courrier est à adresser à la préfecture, {inst_addr}.",
        "Siège de la communauté de communes : {inst_addr}",
        "Le service RH a déménagé : {inst_addr}.",
        "Pour les recours, écrire au tribunal administratif, {inst_addr}.",
        "Adresse du centre des finances publiques : {inst_addr}",
    ),
    "biometrics": (
        "{subj} {bio}, l'employeur peut-il conserver ces données ?",
        "Est-ce légal que {subj} {bio} ?",
        "Pour info, {subj} {bio}.",
        "{subj} {bio} : je dois le noter dans son dossier ?",
        "Lors du contrôle, {subj} {bio}.",
        "Peux-tu reformuler : « {subj} {bio} » ?",
        "Le responsable de la sécurité conserve {bio_noun} de {name}, c'est conforme ?",
        "On a perdu {bio_noun} de {titled}, que faire vis-à-vis de la CNIL ?",
        "Mon agent m'a dit qu'il {bio}.",
        "Ma collègue m'a confié qu'elle {bio}.",
    ),
    "biometrics_negative": (
        "Rédige une note sur {bio_policy}.",
        "Quels sont les risques juridiques liés à {bio_policy} ?",
        "La DSI prépare {bio_policy}, résume les obligations.",
        "Fais une synthèse de {bio_policy} pour le comité technique.",
        "Le conseil municipal délibère sur {bio_policy} la semaine prochaine.",
    ),
    "phones": (
        "Mon portable : {mobile}",
        "Tu peux joindre {given} au {phone}.",
        "{titled} est joignable au {phone} après 18h.",
        "Le numéro perso de {name} : {phone}",
        "Ligne directe de {titled} : {fixe}",
        "Rappelle {name} au {mobile}, c'est urgent.",
        "Bonjour, je suis {name}, vous pouvez me rappeler au {phone} ?",
        "Cordialement,\n{name}\nGestionnaire paie\nLigne directe : {fixe}",
        "{name}\nPortable : {mobile}",
        "Le père de l'élève a laissé son numéro : {phone}.",
        "Numéro de {given} : {mobile}",
    ),
    "inst_phones": (
        "Le standard de la mairie de {commune} : {office_phone}",
        "Pour toute question, appelez l'accueil au {office_phone}.",
        "Contactez le {service} au {office_phone}.",
        "Mairie de {commune}\nStandard : {office_phone}",
        "Cordialement,\n{name}\nChargée de mission\nPréfecture de {commune}\nStandard : "
        "{office_phone}",
        "{name}\nGestionnaire RH\n{inst}\n{inst_addr}\nTél. : {office_phone}",
        "Les horaires de la {inst} : 8h30-12h. Tél. : {office_phone}",
        "Le secrétariat de la {inst} répond au {office_phone} du lundi au vendredi.",
        "Numéro de l'accueil : {office_phone}",
        "Appelez la préfecture au {office_phone} pour un rendez-vous.",
        "{inst} - {inst_addr} - {office_phone}",
        "Joindre le {service} de la {inst} : {office_phone}",
    ),
    "names": (
        "C'est {surname} qui s'occupe des marchés publics cette année.",
        "c'est {lower} qui a les clés de la salle.",
        "je suis {lower}, gestionnaire au service paie, j'ai une question.",
        "{given} a oublié son badge, tu peux lui ouvrir ?",
        "Demande à {given} de m'envoyer le tableau.",
        "Hier {given} m'a dit que le dossier était complet.",
        "merci à {given} pour son aide sur le budget",
        "me {surname} a déposé ses conclusions.",
        "Rendez-vous avec {surname} et {given} à 10h.",
        "Voir avec {titled} pour la signature.",
    ),
    "records": (
        "Dossier de {name} : NIR {nir}, IBAN {iban}, {addr1}.",
        "Rembourse {titled} sur la carte {card}, son mail : {mail}",
        "Pour la paie de {name} ({mobile}) : IBAN {iban}",
    ),
    "topics_other": tuple(
        f"{{subj}} {{t_{category}}}, que dois-je faire ?" for category in _OTHER_TOPICS
    )
    + tuple(f"Entre nous, {{subj}} {{t_{category}}}." for category in _OTHER_TOPICS),
}
RENDERS = {
    "addresses": 11,
    "inst_addresses": 10,
    "biometrics": 11,
    "biometrics_negative": 10,
    "phones": 10,
    "inst_phones": 10,
    "names": 6,
    "records": 8,
    "topics_other": 7,
}
PREFIXES = ("Bonjour, ", "Question : ", "Pour info : ", "Stp ", "TR : ", "Re : ", "> ")


def render(template: str, ctx: Ctx) -> tuple[str, list[tuple[int, int, str]]]:
    rng = ctx.rng
    ctx.people.clear()
    pieces: list[Piece] = []
    position = 0
    for match in re.finditer(r"\{(\w+)\}", template):
        if template[position : match.start()]:
            pieces.append((template[position : match.start()], None))
        pieces.extend(SLOTS[match.group(1)](ctx))
        position = match.end()
    if template[position:]:
        pieces.append((template[position:], None))
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
    roll = rng.random()
    if roll < 0.08:
        text = text.lower()
    elif roll < 0.16:
        plain = base._ascii(text)
        text = plain if len(plain) == len(text) else text
    return text, spans


def generate() -> list[dict[str, Any]]:
    rng = random.Random(SEED)
    ctx = Ctx(rng)
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for family, templates in FAMILIES.items():
        for index, template in enumerate(templates):
            template_id = f"dev3_{family}-{index:02d}"
            for _ in range(RENDERS[family]):
                prefixed = template
                if rng.random() < 0.25 and not template.startswith("{"):
                    prefix = rng.choice(PREFIXES)
                    if prefix.endswith((", ", "Stp ")):
                        prefixed = prefix + template[0].lower() + template[1:]
                    else:
                        prefixed = prefix + template
                text, spans = render(prefixed, ctx)
                if text in seen:
                    continue
                seen.add(text)
                row = base._row(text, base._clean_spans(text, spans), template_id)
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
