"""The dev tools without a homeserver: the Synapse launcher's message when Synapse is missing."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from devtools.synapse import start_synapse


def test_missing_interpreter_says_make_install(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="make install"):
        start_synapse(tmp_path, python=str(tmp_path / "nope" / "python"))
    # The bot's own interpreter has no synapse package.
    with pytest.raises(RuntimeError, match="make install"):
        start_synapse(tmp_path, python=sys.executable)
