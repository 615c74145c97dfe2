"""Reading command arguments that several features share: periods in days, on/off words."""

from __future__ import annotations

import re

_PERIOD = re.compile(r"^(\d{1,3})\s*(?:j|jours?|d|days?)?$", re.IGNORECASE)
ON_WORDS = frozenset({"on", "oui", "activer", "active"})
OFF_WORDS = frozenset({"off", "non", "desactiver", "désactiver", "desactive", "désactive"})


def parse_days(text: str, *, default: int, maximum: int) -> int | None:
    """'7j', '30 jours', '' -> days (`default` when empty); None when it is not a period
    between 1 and `maximum` days."""
    text = text.strip()
    if not text:
        return default
    match = _PERIOD.match(text)
    if match is None or not 1 <= int(match.group(1)) <= maximum:
        return None
    return int(match.group(1))
