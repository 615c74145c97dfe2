"""storage/rooms.py: the rooms' Matrix state kept across restarts."""

from __future__ import annotations

from pathlib import Path

from storage.db import Database
from storage.rooms import RoomState, RoomStateRepository

DM = RoomState("!dm:x", True, "m.megolm.v1.aes-sha2", 604_800_000, 100, 2, 0)
GROUP = RoomState("!group:x", False, None, None, None, 5, 1)


async def test_rooms_are_saved_updated_forgotten_and_marked_complete(tmp_path: Path) -> None:
    async with Database(tmp_path / "db.sqlite3") as db:
        repo = RoomStateRepository(db)
        assert await repo.all() == {} and not await repo.complete()
        await repo.save([DM, GROUP])
        assert await repo.all() == {DM.room_id: DM, GROUP.room_id: GROUP}
        assert not await repo.complete()
        grown = RoomState(GROUP.room_id, True, "m.megolm.v1.aes-sha2", None, None, 6, 0)
        await repo.save([grown], [DM.room_id], complete=True)
        assert await repo.all() == {GROUP.room_id: grown}
        assert grown.member_count == 6
        assert await repo.complete()
        await repo.save([])  # nothing to do: no transaction
    async with Database(tmp_path / "db.sqlite3") as db:  # kept across a restart
        assert await RoomStateRepository(db).all() == {GROUP.room_id: grown}
