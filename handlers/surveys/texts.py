"""What the surveys feature says to people, in French (typography: non-breaking spaces
before ! ? : ; and inside « »)."""

from __future__ import annotations

_KIND_HINTS = {
    "yesno": "Répondez par **oui** ou **non**.",
    "text": "Écrivez votre réponse en un message.",
}


def survey_hint(kind: str, low: int | None, high: int | None, options: int) -> str:
    """What a valid answer looks like (shown under a question, and after an invalid reply)."""
    if kind == "scale":
        return f"Répondez par un nombre de {low} à {high}."
    if kind == "choice":
        return f"Répondez par le numéro d'une option (1 à {options})."
    if kind == "multi":
        return (
            f"Répondez par un ou plusieurs numéros (1 à {options}), séparés par des virgules, "
            "par exemple `1,3`."
        )
    return _KIND_HINTS.get(kind, "Répondez en un message.")


def survey_question(
    *,
    title: str,
    intro: str | None,
    number: int,
    total: int,
    text: str,
    kind: str,
    low: int | None,
    high: int | None,
    options: list[str],
    optional: bool,
) -> str:
    lines: list[str] = []
    if intro is not None:
        lines += [f"📋 **{title}**", ""]
        if intro:
            lines += [intro, ""]
        lines += [
            "_Répondez simplement dans cette conversation. `!passer` saute une question, "
            "`!plus-tard` reporte le questionnaire, `!stop` l'abandonne, `!sondages desactiver` "
            "ne plus en recevoir._",
            "",
        ]
    lines.append(f"**Question {number}/{total}** : {text}")
    if options:
        lines.append("")
        lines += [f"{i}. {option}" for i, option in enumerate(options, start=1)]
    lines += ["", f"_{survey_hint(kind, low, high, len(options))}"]
    if kind in ("scale", "choice") and (high or len(options)) <= 10:
        lines[-1] += " Vous pouvez aussi réagir avec un chiffre (1️⃣…)."
    if optional:
        lines[-1] += " Question facultative : `!passer` pour la sauter."
    lines[-1] += "_"
    return "\n".join(lines)


def survey_invalid(hint: str) -> str:
    return f"Je n'ai pas compris cette réponse. {hint}"


SURVEY_THANKS = "🙏 Merci pour vos réponses ! Elles nous aident à améliorer l'assistant."


SURVEY_NOT_OPTIONAL = "Cette question est obligatoire : elle ne peut pas être passée."


SURVEY_POSTPONED = (
    "D'accord, je vous reposerai la question plus tard (une seule fois). Vous pouvez de "
    "nouveau écrire à l'assistant normalement."
)


SURVEY_POSTPONED_FINAL = (
    "D'accord, le questionnaire est abandonné (il avait déjà été reporté une fois). Merci !"
)


SURVEY_STOPPED = "Questionnaire abandonné. Vous pouvez de nouveau écrire à l'assistant."


SURVEY_NONE = "Aucun questionnaire en cours."


SURVEY_NON_TEXT = "Pour ce questionnaire, répondez par un message texte."


SURVEYS_OFF = (
    "C'est noté : vous ne recevrez plus de questionnaire. `!sondages activer` pour les réactiver."
)


SURVEYS_ON = (
    "C'est noté : vous pourrez de nouveau recevoir un questionnaire (un par mois au plus)."
)


SURVEYS_USAGE = "Utilisez `!sondages activer` ou `!sondages desactiver`."


def surveys_status(opted_out: bool) -> str:
    state = "désactivés" if opted_out else "activés"
    return (
        f"Questionnaires : **{state}**. Au plus un par mois. `!sondages desactiver` pour ne "
        "plus en recevoir, `!sondages activer` pour les réactiver."
    )


def survey_reminder(title: str) -> str:
    return f"⏰ Rappel : le questionnaire « {title} » vous attend. On reprend ?"


def survey_already_sent(survey_id: str) -> str:
    return (
        f"le questionnaire {survey_id} a déjà été envoyé : donnez un autre id à la nouvelle "
        "version"
    )


SURVEY_SEND_WHO = (
    "À qui l'envoyer ? Écrivez `!survey send ID tous` pour tous les agents éligibles, ou "
    "`!survey send ID @agent…` pour les agents nommés."
)


def survey_bad_recipient(word: str) -> str:
    return (
        f"« {word[:80]} » n'est pas un identifiant Tchap complet : rien n'a été envoyé. "
        "Écrivez l'identifiant avec son serveur (`@prenom.nom-ministere.gouv.fr:agent.x."
        "tchap.gouv.fr`) ou mentionnez l'agent, ou `tous` pour tous les agents éligibles."
    )


SURVEY_ADMIN_USAGE = (
    "Utilisez `!survey list`, `!survey add` suivi du fichier TOML collé, `!survey show ID`, "
    "`!survey send ID tous` (ou des agents nommés), "
    "`!survey close ID`, `!survey results ID` ou `!survey export ID`."
)


SURVEY_LIST_EMPTY = (
    "Aucun questionnaire : collez un fichier TOML après `!survey add`, ou placez-le dans `dir`."
)


def survey_unknown(survey_id: str) -> str:
    return f"Questionnaire inconnu : `{survey_id}`. `!survey list` les liste."


def survey_closed_already(survey_id: str) -> str:
    return f"Le questionnaire `{survey_id}` est clos : il ne peut plus être envoyé."


def survey_closed(survey_id: str, interrupted: int) -> str:
    return (
        f"Questionnaire `{survey_id}` clos : plus d'envoi ni de réponse "
        f"({interrupted} agent(s) n'avaient pas fini)."
    )


def survey_list_line(
    survey_id: str, title: str, version: int, origin: str, sent: int, done: int, closed: bool
) -> str:
    where = "fichier" if origin == "file" else "déposé ici"
    state = " — **clos**" if closed else ""
    return (
        f"- `{survey_id}` (v{version}, {where}) : {title} — {sent} envoi(s), "
        f"{done} réponse(s) complète(s){state}"
    )


def round_started(
    survey_id: str, planned: int, capped: int, opted_out: int, other: int, rate: float
) -> str:
    minutes = planned / rate / 60
    return (
        f"📨 Envoi du questionnaire `{survey_id}` : {planned} agent(s) à interroger "
        f"(~{minutes:.0f} min à {rate:g} message(s)/s). Écartés : {capped} déjà sollicité(s) "
        f"ce mois-ci, {opted_out} opposé(s), {other} non éligible(s) ou déjà interrogé(s)."
    )


def round_progress(survey_id: str, counts: dict[str, int]) -> str:
    return (
        f"📨 `{survey_id}` : {counts.get('sent', 0)} envoyé(s), {counts.get('queued', 0)} "
        f"en attente, {counts.get('failed', 0)} échec(s)."
    )


def round_done(survey_id: str, counts: dict[str, int]) -> str:
    return (
        f"✅ Envoi de `{survey_id}` terminé : {counts.get('sent', 0)} envoyé(s), "
        f"{counts.get('failed', 0)} échec(s)."
    )


def survey_upload_ok(survey_id: str, title: str, questions: int) -> str:
    return (
        f"Questionnaire `{survey_id}` ajouté : « {title} », {questions} question(s). "
        f"`!survey show {survey_id}` pour le prévisualiser."
    )


SURVEY_FILE_UNREADABLE = "fichier introuvable ou trop volumineux (256 Ko au plus)"


SURVEY_FILE_NOT_TEXT = "le fichier n'est pas un texte UTF-8"


def survey_upload_bad(error: str) -> str:
    return f"Ce fichier n'est pas un questionnaire valide :\n\n```\n{error}\n```"


SURVEY_RESULTS_HEADER = "📊 **Résultats**"


SURVEY_EXPORT_DONE = "Export CSV des réponses ci-dessus (une ligne par agent interrogé, anonyme)."


YES = "oui"


NO = "non"

# The charts posted after !survey results (their font has no emoji).
CHART_ANSWERS = "réponses"
CHART_ANSWERS_AXIS = "nombre d'agents"
CHART_NO_ANSWER = "Aucune réponse pour l'instant"


def chart_title(title: str) -> str:
    return f"Réponses au questionnaire «\u00a0{title}\u00a0»"


def chart_description(title: str, first: int, last: int) -> str:
    which = f"à la question {first}" if first == last else f"aux questions {first} à {last}"
    return (
        f"Graphique\u00a0: nombre d'agents par réponse {which} du questionnaire "
        f"«\u00a0{title}\u00a0». Les chiffres sont dans le texte ci-dessus."
    )


CHART_FAILED = (
    "Le graphique des réponses n'a pas pu être tracé cette fois\u00a0; les résultats ci-dessus "
    "restent complets. Réessayez plus tard."
)
