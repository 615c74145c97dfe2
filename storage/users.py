"""Users and the rooms the bot is in."""

from __future__ import annotations

from dataclasses import dataclass

from storage.db import Database


@dataclass(frozen=True)
class User:
    user_id: str
    created_at: str
    model: str | None


@dataclass(frozen=True)
class Room:
    room_id: str
    kind: str
    user_id: str | None
    joined_at: str
    current_conversation_id: int | None


class UserRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def ensure(self, user_id: str) -> User:
        await self.db.execute(
            "INSERT OR IGNORE INTO users (user_id, created_at) VALUES (?, ?)",
            (user_id, self.db.now()),
        )
        user = await self.get(user_id)
        assert user is not None
        return user

    async def get(self, user_id: str) -> User | None:
        row = await self.db.fetchone(
            "SELECT user_id, created_at, model FROM users WHERE user_id = ?", (user_id,)
        )
        return User(row["user_id"], row["created_at"], row["model"]) if row else None

    async def set_model(self, user_id: str, model: str | None) -> None:
        await self.ensure(user_id)
        await self.db.execute("UPDATE users SET model = ? WHERE user_id = ?", (model, user_id))


class RoomRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def upsert(self, room_id: str, kind: str, user_id: str | None) -> None:
        if user_id is not None:
            await UserRepository(self.db).ensure(user_id)
        await self.db.execute(
            "INSERT INTO rooms (room_id, kind, user_id, joined_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(room_id) DO UPDATE SET kind = excluded.kind, "
            "user_id = COALESCE(excluded.user_id, rooms.user_id)",
            (room_id, kind, user_id, self.db.now()),
        )

    async def get(self, room_id: str) -> Room | None:
        row = await self.db.fetchone(
            "SELECT room_id, kind, user_id, joined_at, current_conversation_id "
            "FROM rooms WHERE room_id = ?",
            (room_id,),
        )
        if row is None:
            return None
        return Room(
            row["room_id"],
            row["kind"],
            row["user_id"],
            row["joined_at"],
            row["current_conversation_id"],
        )

    async def set_current_conversation(self, room_id: str, conversation_id: int | None) -> None:
        await self.db.execute(
            "UPDATE rooms SET current_conversation_id = ? WHERE room_id = ?",
            (conversation_id, room_id),
        )
