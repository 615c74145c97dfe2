"""The Matrix state the bot keeps of each joined room across restarts (table room_state).

Written after each sync, before the sync position moves past it; read once at start, so that
the first sync after a restart does not ask the homeserver for the full state of every room.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from storage.db import Database

# In the kv table: the rooms of every joined room are recorded (a full sync was stored once).
COMPLETE_KEY = "room_state_complete"

_COLUMNS = (
    "room_id, encrypted, algorithm, rotation_period_ms, rotation_period_msgs, "
    "joined_members, invited_members"
)


@dataclass(frozen=True, slots=True)
class RoomState:
    room_id: str
    encrypted: bool
    algorithm: str | None  # of m.room.encryption; None when plain or not seen
    rotation_period_ms: int | None
    rotation_period_msgs: int | None
    joined_members: int
    invited_members: int

    @property
    def member_count(self) -> int:
        return self.joined_members + self.invited_members


class RoomStateRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def all(self) -> dict[str, RoomState]:
        rows = await self.db.fetchall(f"SELECT {_COLUMNS} FROM room_state")
        return {
            row["room_id"]: RoomState(
                row["room_id"],
                bool(row["encrypted"]),
                row["algorithm"],
                row["rotation_period_ms"],
                row["rotation_period_msgs"],
                int(row["joined_members"]),
                int(row["invited_members"]),
            )
            for row in rows
        }

    async def save(
        self, changed: Iterable[RoomState], left: Iterable[str] = (), *, complete: bool = False
    ) -> None:
        """Rooms seen changed, rooms left, in one transaction; `complete`: every joined room
        is now recorded (after a full sync)."""
        now = self.db.now()
        rows = [
            (
                s.room_id,
                int(s.encrypted),
                s.algorithm,
                s.rotation_period_ms,
                s.rotation_period_msgs,
                s.joined_members,
                s.invited_members,
                now,
            )
            for s in changed
        ]
        gone = [(room_id,) for room_id in left]
        if not rows and not gone and not complete:
            return
        async with self.db.transaction() as conn:
            if rows:
                await conn.executemany(
                    f"INSERT INTO room_state ({_COLUMNS}, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(room_id) DO UPDATE SET "
                    "encrypted = excluded.encrypted, algorithm = excluded.algorithm, "
                    "rotation_period_ms = excluded.rotation_period_ms, "
                    "rotation_period_msgs = excluded.rotation_period_msgs, "
                    "joined_members = excluded.joined_members, "
                    "invited_members = excluded.invited_members, "
                    "updated_at = excluded.updated_at",
                    rows,
                )
            if gone:
                await conn.executemany("DELETE FROM room_state WHERE room_id = ?", gone)
            if complete:
                await conn.execute(
                    "INSERT INTO kv (key, value) VALUES (?, '1') "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (COMPLETE_KEY,),
                )

    async def complete(self) -> bool:
        """Whether every joined room is recorded (else the next first sync asks for all)."""
        row = await self.db.fetchone("SELECT value FROM kv WHERE key = ?", (COMPLETE_KEY,))
        return row is not None and row["value"] == "1"
