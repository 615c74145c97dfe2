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
        f"{days} jour(s) ; actifs sur 1/7/30 jours."
    )


FOOTPRINT_HEADER = (
    "🌱 **Empreinte** — coût, énergie et émissions des requêtes au modèle, estimés et "
    "communiqués par son service (Albert), par ministère de l'agent."
)


STATS_EXPORT_DONE = "Export CSV des statistiques ci-dessus."
