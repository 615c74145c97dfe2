"""Users and the rooms the bot is in."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import aiosqlite

from storage.db import Database
from storage.memo import Memo


class UserStatus(StrEnum):
    """Where an agent stands with the service (stored as these strings)."""

    PENDING = "pending"  # waiting for the support team's approval
    APPROVED = "approved"
    DENIED = "denied"
    REVOKED = "revoked"
    WAITLISTED = "waitlisted"  # approved beyond capacity: promoted in arrival order


USER_STATUSES = tuple(UserStatus)
_USER_COLUMNS = (
    "user_id, created_at, model, status, status_changed_at, homeserver, domain, "
    "terms_version, terms_accepted_at"
)


@dataclass(frozen=True)
class User:
    user_id: str
    created_at: str
    model: str | None
    status: UserStatus = UserStatus.APPROVED
    status_changed_at: str | None = None
    homeserver: str | None = None  # server part of the Matrix ID: a "ministry" dimension
    domain: str | None = None  # e-mail domain parsed from a Tchap localpart, when known
    terms_version: str | None = None
    terms_accepted_at: str | None = None


def _user(row: aiosqlite.Row) -> User:
    values = {name: row[name] for name in _USER_COLUMNS.split(", ")}
    values["status"] = UserStatus(values["status"])
    return User(**values)


def homeserver_of(user_id: str) -> str:
    return user_id.split(":", 1)[1] if ":" in user_id else ""


class RoomKind(StrEnum):
    """Which room an event comes from: an agent's DM, a group room, the support room."""

    DM = "dm"
    GROUP = "group"
    SUPPORT = "support"


@dataclass(frozen=True)
class Room:
    room_id: str
    kind: RoomKind
    user_id: str | None
    joined_at: str
    current_conversation_id: int | None


class UserMemos:
    """Users rows and registration dates read, shared by every repository of one database:
    each message reads its author several times (the access gate, the answer, its room)."""

    def __init__(self) -> None:
        self.users: Memo[str, User] = Memo()
        # Set once (access registration), never changed nor cleared afterwards.
        self.registered_at: Memo[str, str] = Memo()


class UserRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    @property
    def _memos(self) -> UserMemos:
        return self.db.shared(UserMemos)

    def forget(self, user_id: str) -> None:
        """After any write to the user's row (made here or by another repository)."""
        self._memos.users.forget(user_id)

    async def ensure(self, user_id: str) -> User:
        known = self._memos.users.get(user_id)
        if known is not None:
            return known
        await self.db.execute(
            "INSERT OR IGNORE INTO users (user_id, created_at, homeserver) VALUES (?, ?, ?)",
            (user_id, self.db.now(), homeserver_of(user_id)),
        )
        user = await self.get(user_id)
        assert user is not None
        return user

    async def get(self, user_id: str) -> User | None:
        memo = self._memos.users
        known = memo.get(user_id)
        if known is not None:
            return known
        generation = memo.generation()
        row = await self.db.fetchone(
            f"SELECT {_USER_COLUMNS} FROM users WHERE user_id = ?", (user_id,)
        )
        if row is None:
            return None  # not remembered: another repository may add the row
        user = _user(row)
        memo.keep(user_id, user, generation)
        return user

    async def set_status(self, user_id: str, status: str) -> None:
        if status not in USER_STATUSES:
            raise ValueError(f"unknown user status {status!r}")
        await self.ensure(user_id)
        try:
            await self.db.execute(
                "UPDATE users SET status = ?, status_changed_at = ? WHERE user_id = ?",
                (status, self.db.now(), user_id),
            )
        finally:
            self.forget(user_id)

    async def with_status(self, status: str) -> list[User]:
        """Users with this status, oldest first."""
        rows = await self.db.fetchall(
            f"SELECT {_USER_COLUMNS} FROM users WHERE status = ? ORDER BY created_at, user_id",
            (status,),
        )
        return [_user(row) for row in rows]

    async def set_model(self, user_id: str, model: str | None) -> None:
        await self.ensure(user_id)
        try:
            await self.db.execute("UPDATE users SET model = ? WHERE user_id = ?", (model, user_id))
        finally:
            self.forget(user_id)


class _RoomsWritten(Memo[str, tuple[str, str | None]]):
    """(kind, owner or None: not known) each room's row was given by the last upsert here (the
    only writer of both columns; rooms are never deleted): every answer upserts its room."""


class RoomRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def upsert(self, room_id: str, kind: str, user_id: str | None) -> None:
        written = self.db.shared(_RoomsWritten)
        known = written.get(room_id)
        if known is not None and known[0] == kind and user_id in (None, known[1]):
            return  # the row says so already
        if user_id is not None:
            await UserRepository(self.db).ensure(user_id)
        generation = written.generation()
        try:
            await self.db.execute(
                "INSERT INTO rooms (room_id, kind, user_id, joined_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(room_id) DO UPDATE SET kind = excluded.kind, "
                "user_id = COALESCE(excluded.user_id, rooms.user_id)",
                (room_id, kind, user_id, self.db.now()),
            )
        except BaseException:
            written.forget(room_id)
            raise
        if written.generation() == generation:
            owner = user_id if user_id is not None else known[1] if known else None
            written.update(room_id, (kind, owner))
        else:  # another upsert of it ended meanwhile: which came last is not known here
            written.forget(room_id)

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
            RoomKind(row["kind"]),
            row["user_id"],
            row["joined_at"],
            row["current_conversation_id"],
        )

    async def set_current_conversation(self, room_id: str, conversation_id: int | None) -> None:
        await self.db.execute(
            "UPDATE rooms SET current_conversation_id = ? WHERE room_id = ?",
            (conversation_id, room_id),
        )
