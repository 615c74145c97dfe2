"""What repositories remember between reads, so that an ordinary answer does not read again what
nothing has changed: rows read (`Memo`) and keys known to have no row (`Absent`).

Kept correct by the repositories themselves: every write that could change what is remembered
forgets it, in the same repository, once the write has run, even if it failed or was cancelled
(a rolled-back write only costs a read). A
read that was on its way while such a write ended is not remembered (each write moves a
generation on; a read remembers only if none moved since it started), so a read from before a
write can never be remembered after it. All of it lives in memory, one set per open database
(`Database.shared`): a restart starts empty and reads again.
"""

from __future__ import annotations

import contextlib
from collections.abc import Hashable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

# Keys remembered at most per memo: beyond it the oldest go (a busy day's agents fit many
# times; the bound only keeps a long-running bot's memory flat).
MAX_KEYS = 50_000


class Memo(Generic[K, V]):
    """Values read from the database, by key, until a write forgets them."""

    def __init__(self, max_keys: int = MAX_KEYS) -> None:
        self._values: dict[K, V] = {}
        self._generation = 0
        self._max_keys = max_keys

    def get(self, key: K) -> V | None:
        return self._values.get(key)

    def generation(self) -> int:
        """Taken before a read; hand it to `keep` with what the read found."""
        return self._generation

    def keep(self, key: K, value: V, generation: int) -> None:
        if generation != self._generation:
            return  # a write ended while this was read: it may be older than the write
        if key not in self._values and len(self._values) >= self._max_keys:
            del self._values[next(iter(self._values))]
        self._values[key] = value

    def update(self, key: K, value: V) -> None:
        """A write gave the key this value (known without reading it back)."""
        self._generation += 1
        self._values[key] = value

    def forget(self, key: K) -> None:
        self._generation += 1
        self._values.pop(key, None)

    def forget_all(self) -> None:
        self._generation += 1
        self._values.clear()

    @contextmanager
    def forgetting(self, key: K) -> Iterator[None]:
        """Around a write that may change `key`: forgets it once the write has run, even if
        it failed or was cancelled."""
        try:
            yield
        finally:
            self.forget(key)


class Absent(Generic[K]):
    """Keys known to have no row: the read that would find nothing is skipped. Deleting rows
    never makes it wrong; every write that may add such a row forgets the key once it has run
    (in a `finally`: a write cancelled or failed after its statement ran forgets too)."""

    def __init__(self, max_keys: int = MAX_KEYS) -> None:
        self._memo: Memo[K, bool] = Memo(max_keys)

    def __contains__(self, key: K) -> bool:
        return self._memo.get(key) is not None

    def generation(self) -> int:
        return self._memo.generation()

    def note(self, key: K, generation: int) -> None:
        """`key` was read and had no row (a read started at `generation`)."""
        self._memo.keep(key, True, generation)

    def forget(self, key: K) -> None:
        self._memo.forget(key)

    def forget_all(self) -> None:
        self._memo.forget_all()

    def forgetting(self, key: K) -> contextlib.AbstractContextManager[None]:
        """Around a write that may add a row for `key`: see Memo.forgetting."""
        return self._memo.forgetting(key)
