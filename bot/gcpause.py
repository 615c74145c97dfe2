"""The cyclic garbage collector paused around bounded CPU work that allocates much and frees
little (importing the bot, compiling the guard's patterns): it would walk the new objects again
and again for nothing (measured: a tenth of the imports' CPU, a third of the patterns')."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Never around an await: other tasks would run without a collector.

    What was allocated meanwhile (modules, classes, compiled patterns: alive as long as the
    process) is then frozen, moved out of the collector's generations: otherwise the first
    collections after it walk every one of those objects again (measured: 0.1 s of CPU for a
    full collection after importing the bot, 0 once frozen)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
