"""The [templates] section of the configuration."""

from __future__ import annotations

from pathlib import Path

from bot.config import Section

# The templates shipped with the bot (a note, a letter in FALC, meeting minutes).
EXAMPLES_DIR = Path(__file__).parent / "examples"


class TemplatesConfig(Section):
    """Reusable requests written by the support team (!gabarits, !gabarit)."""

    # One TOML file per template (relative to the config file); the file's name is the id
    # agents may type. Re-read at start and by `!gabarits recharger` in the support room.
    dir: Path = EXAMPLES_DIR
