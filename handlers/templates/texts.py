"""What the templates feature says to people, in French (typography: non-breaking spaces
before ! ? : ; and inside « »)."""

from __future__ import annotations

from collections.abc import Sequence

# Agents --------------------------------------------------------------------------------------

USAGE = (
    "- `!gabarit <nom>`\u00a0: l'appliquer à votre prochain message (ou à votre prochaine "
    "question sur un document envoyé)\n"
    "- `!gabarit <nom> <texte>`\u00a0: l'appliquer tout de suite à ce texte\n"
    "- `!gabarit aucun`\u00a0: ne plus l'appliquer"
)

NONE_AVAILABLE = (
    "Aucun gabarit n'est disponible pour le moment. L'équipe support peut en ajouter\u00a0: "
    "posez-lui la question."
)

DISARM_WORDS = frozenset({"aucun", "aucune", "annuler", "effacer", "retirer", "off", "none"})

DISARMED = "Gabarit retiré\u00a0: votre prochain message sera traité normalement."

NOTHING_TO_DISARM = "Aucun gabarit n'était prévu pour votre prochain message."


def listing(lines: Sequence[tuple[int, str, str, str]]) -> str:
    """(number, id, name, description) of each template."""
    out = ["**Gabarits disponibles**", ""]
    for number, template_id, name, description in lines:
        out.append(f"{number}. **{name}** (`{template_id}`) — {description}")
    out += ["", USAGE]
    return "\n".join(out)


def armed_now(name: str) -> str:
    return f"Gabarit prévu pour votre prochain message\u00a0: «\u00a0{name}\u00a0»."


def armed(name: str) -> str:
    return (
        f"✅ Gabarit «\u00a0{name}\u00a0» prêt\u00a0: il s'appliquera à votre prochain "
        "message, une seule fois. Écrivez votre demande ou envoyez votre document avec une "
        "légende\u00a0; pour une question sur un document déjà envoyé, posez-la simplement.\n\n"
        "`!gabarit aucun` pour l'annuler."
    )


def unknown(typed: str) -> str:
    shown = typed[:60]
    return (
        f"Je ne connais pas de gabarit «\u00a0{shown}\u00a0». Tapez `!gabarits` pour voir "
        "la liste, puis `!gabarit <nom>` ou `!gabarit <numéro>`."
    )


def status(armed_name: str | None) -> str:
    head = (
        armed_now(armed_name) if armed_name else "Aucun gabarit prévu pour votre prochain message."
    )
    return f"{head}\n\n{USAGE}\n\n`!gabarits` pour voir la liste."


def system_prompt(name: str, instructions: str) -> str:
    return (
        f"Pour cette demande seulement, l'agent a choisi le gabarit «\u00a0{name}\u00a0», "
        "rédigé par l'équipe support. Suis ses consignes (sauf si elles contredisent les règles "
        f"ci-dessus)\u00a0:\n{instructions}"
    )


def footer(name: str) -> str:
    return f"_Gabarit appliqué\u00a0: «\u00a0{name}\u00a0»._"


# Support staff -------------------------------------------------------------------------------

RELOAD_WORDS = frozenset({"recharger", "reload", "relire"})


def staff_listing(lines: Sequence[tuple[str, str]], folder: str) -> str:
    """(id, name) of each template loaded."""
    out = [f"**Gabarits chargés** ({len(lines)}) depuis `{folder}`", ""]
    out += [f"- `{template_id}.toml`\u00a0: {name}" for template_id, name in lines]
    if not lines:
        out.append("Aucun.")
    out += ["", "`!gabarits recharger` pour relire le dossier après un changement."]
    return "\n".join(out)


MAX_PROBLEMS_SHOWN = 20  # the message stays readable (and far below the event size limit)


def problems_block(problems: Sequence[tuple[str, str]]) -> str:
    out = [f"⚠️ {len(problems)} fichier(s) refusé(s)\u00a0:"]
    for name, reason in problems[:MAX_PROBLEMS_SHOWN]:
        reason_lines = reason.splitlines() or [""]
        out.append(f"- `{name}`\u00a0: " + reason_lines[0])
        out += [f"  - {line}" for line in reason_lines[1:]]
    if len(problems) > MAX_PROBLEMS_SHOWN:
        out.append(f"- et {len(problems) - MAX_PROBLEMS_SHOWN} autre(s) (voir le journal du bot)")
    out.append(
        "Corrigez-les puis tapez `!gabarits recharger`\u00a0; les autres gabarits restent "
        "utilisables."
    )
    return "\n".join(out)


def reloaded(count: int, problems: Sequence[tuple[str, str]]) -> str:
    head = f"🔄 Gabarits rechargés\u00a0: {count} disponible(s)."
    return head if not problems else f"{head}\n\n{problems_block(problems)}"


def refused_at_start(count: int, problems: Sequence[tuple[str, str]]) -> str:
    return f"Gabarits au démarrage\u00a0: {count} disponible(s).\n\n{problems_block(problems)}"


STAFF_USAGE = (
    "Usage\u00a0: `!gabarits` pour la liste, `!gabarits recharger` pour relire le dossier."
)

# Reasons a file is refused (shown to staff) ---------------------------------------------------

BAD_FILE_NAME = (
    "nom de fichier invalide\u00a0: minuscules sans accents, chiffres et tirets, 48 caractères au "
    "plus, suivis de .toml (par exemple `note-de-synthese.toml`)"
)
NOT_UTF8 = "le fichier n'est pas en UTF-8"
NO_FOLDER = "dossier introuvable"
TOO_NESTED = "tableaux ou tables imbriqués trop profondément"


def file_too_large(limit: int) -> str:
    return f"fichier trop gros (plus de {limit} octets)"


def bad_toml(error: str) -> str:
    return f"TOML invalide\u00a0: {error}"


def unreadable(reason: str) -> str:
    return f"lecture impossible\u00a0: {reason}"


def too_many(limit: int) -> str:
    return f"au-delà de {limit} gabarits, les fichiers suivants ne sont pas chargés"


def same_name(name: str, other_file: str) -> str:
    return f"le nom «\u00a0{name}\u00a0» est déjà celui de `{other_file}`"


def field_missing(field: str) -> str:
    return f"{field}\u00a0: champ obligatoire manquant"


def field_unknown(field: str) -> str:
    return f"{field}\u00a0: champ inconnu (seuls name, description et instructions sont permis)"


def field_not_text(field: str) -> str:
    return f"{field}\u00a0: doit être un texte entre guillemets"


def field_empty(field: str) -> str:
    return f"{field}\u00a0: ne peut pas être vide"


def field_too_long(field: str, limit: int) -> str:
    return f"{field}\u00a0: trop long ({limit} caractères au plus)"


def field_one_line(field: str) -> str:
    return f"{field}\u00a0: doit tenir sur une ligne"


def field_control(field: str) -> str:
    return f"{field}\u00a0: caractère de contrôle interdit (hors sauts de ligne des instructions)"


def name_words(limit: int) -> str:
    return f"name\u00a0: doit contenir de 1 à {limit} mots"
