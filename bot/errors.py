"""Error references: a short code the user sees and the log line carries."""

from __future__ import annotations

import secrets


def new_ref() -> str:
    """A short reference shown to the user and written in the log."""
    return secrets.token_hex(3).upper()
