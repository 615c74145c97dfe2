"""What the stats feature says to people, in French (typography: non-breaking spaces
before ! ? : ; and inside « »)."""

from __future__ import annotations

STATS_BAD_PERIOD = (
    "Indiquez une période en jours, par exemple `!stats 7j` (30 jours par défaut, 365 au plus), "
    "ou `!stats export`."
)


def stats_header(days: int) -> str:
    return (
        f"📈 **Statistiques** — messages, jetons, latences, erreurs, avis et sondages sur "
        f"{days} jour(s) ; actifs sur 1/7/30 jours."
    )


FOOTPRINT_HEADER = (
    "🌱 **Empreinte** — coût, énergie et émissions des requêtes au modèle, estimés et "
    "communiqués par son service (Albert), par ministère de l'agent."
)


STATS_EXPORT_DONE = "Export CSV des statistiques ci-dessus."


# The chart posted after the table (drawn with a font without emoji: words, not 👍/👎).
def chart_title(days: int) -> str:
    return f"Usage de l'assistant sur {days} jour(s)"


def chart_description(days: int, by_week: bool) -> str:
    per = "semaine" if by_week else "jour"
    return (
        f"Graphique\u00a0: questions des agents par {per} et par ministère, et avis positifs et "
        f"négatifs donnés aux réponses par {per}, sur {days} jour(s). Les chiffres sont dans le "
        "tableau ci-dessus."
    )


def chart_usage_title(by_week: bool) -> str:
    return f"Questions des agents par {'semaine' if by_week else 'jour'}, par ministère"


def chart_feedback_title(by_week: bool) -> str:
    return f"Avis sur les réponses, par {'semaine' if by_week else 'jour'}"


CHART_USAGE_AXIS = "questions"
CHART_FEEDBACK_AXIS = "avis"
CHART_THUMBS_UP = "avis positifs"
CHART_THUMBS_DOWN = "avis négatifs"


def chart_other_ministries(count: int) -> str:
    return f"{count} autre(s) ministère(s)"


CHART_FAILED = (
    "Le graphique n'a pas pu être tracé cette fois\u00a0; le tableau ci-dessus reste complet. "
    "Réessayez plus tard avec `!stats`."
)
