"""A fake of the bot's small Matrix interface, for dispatcher-level tests (not integration)."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.events import EventTooLarge
from bot.eventsize import MAX_EVENT_BYTES, MAX_EVENT_ID, event_size
from bot.matrix import edit_content, text_content, thread_relation


@dataclass
class Sent:
    room_id: str
    event_id: str
    body: str
    html: str | None
    notice: bool
    edits: list[tuple[str, str | None]] = field(default_factory=list)
    thread_root: str | None = None

    @property
    def final_body(self) -> str:
        return self.edits[-1][0] if self.edits else self.body

    @property
    def final_html(self) -> str | None:
        return self.edits[-1][1] if self.edits else self.html


class FakeMatrix:
    user_id = "@assistant:test"

    def __init__(self) -> None:
        self.sent: list[Sent] = []
        self.by_id: dict[str, Sent] = {}
        self.typing: list[tuple[str, bool]] = []
        self.receipts: list[tuple[str, str]] = []  # (room, event) of each m.read receipt
        self._ids = itertools.count(1)
        self.changed = asyncio.Condition()
        self.fail_sends = 0
        self.files: dict[str, tuple[str, str, bytes]] = {}
        self.images: dict[str, tuple[str, str, bytes]] = {}  # sent as m.image
        self.file_events: dict[str, dict[str, Any]] = {}  # msgtype, info and caption of both
        self.power_levels: dict[tuple[str, str], int] = {}
        self.media = FakeMedia()  # what download() serves
        self.txn_ids: dict[str, str] = {}
        # Events are measured as the real port measures them (encrypted rooms unless listed
        # here); over `server_max_bytes` the "homeserver" answers 413 M_TOO_LARGE.
        self.plain_rooms: set[str] = set()
        self.server_max_bytes = MAX_EVENT_BYTES
        self.largest_event = 0
        self.refused_too_large = 0

    async def _notify(self) -> None:
        async with self.changed:
            self.changed.notify_all()

    async def send_text(
        self,
        room_id: str,
        body: str,
        html: str | None = None,
        *,
        notice: bool = False,
        thread_root: str | None = None,
        txn_id: str | None = None,
    ) -> str:
        if txn_id is not None and txn_id in self.txn_ids:
            return self.txn_ids[txn_id]  # what the homeserver's transaction cache does
        if self.fail_sends:
            self.fail_sends -= 1
            raise RuntimeError("homeserver unavailable")
        self._check_size(room_id, text_content(body, html), thread_root=thread_root)
        event_id = f"$sent{next(self._ids)}"
        if txn_id is not None:
            self.txn_ids[txn_id] = event_id
        sent = Sent(room_id, event_id, body, html, notice, thread_root=thread_root)
        self.sent.append(sent)
        self.by_id[event_id] = sent
        await self._notify()
        return event_id

    async def edit(self, room_id: str, event_id: str, body: str, html: str | None = None) -> str:
        self._check_size(room_id, edit_content(event_id, text_content(body, html)))
        self.by_id[event_id].edits.append((body, html))
        await self._notify()
        return f"$edit{next(self._ids)}"

    def _measure(self, room_id: str, content: dict[str, Any]) -> int:
        return event_size(
            content,
            room_id=room_id,
            sender=self.user_id,
            encrypted=room_id not in self.plain_rooms,
            device_id="FAKEDEVICE",
        )

    def _check_size(
        self, room_id: str, content: dict[str, Any], *, thread_root: str | None = None
    ) -> None:
        if thread_root is not None:
            content = {**content, "m.relates_to": thread_relation(thread_root, thread_root)}
        size = self._measure(room_id, content)
        if size > MAX_EVENT_BYTES:
            raise EventTooLarge("send", size)  # measured: the real port never sends it
        if size > self.server_max_bytes:
            self.refused_too_large += 1
            raise EventTooLarge("send", size, 413)
        self.largest_event = max(self.largest_event, size)

    def text_event_size(self, room_id: str, body: str, html: str | None = None) -> int:
        content = text_content(body, html)
        posted = {**content, "m.relates_to": thread_relation(MAX_EVENT_ID, MAX_EVENT_ID)}
        return max(
            self._measure(room_id, event)
            for event in (posted, edit_content(MAX_EVENT_ID, content))
        )

    async def set_typing(self, room_id: str, typing: bool, timeout_ms: int = 30_000) -> None:
        self.typing.append((room_id, typing))

    async def send_receipt(
        self, room_id: str, event_id: str, thread_root: str | None = None
    ) -> None:
        self.receipts.append((room_id, event_id))

    async def send_file(
        self,
        room_id: str,
        data: bytes,
        filename: str,
        mimetype: str,
        *,
        msgtype: str = "m.file",
        thread_root: str | None = None,
        info: Mapping[str, Any] | None = None,
        caption: str | None = None,
    ) -> str:
        event_id = await self.send_text(room_id, filename, thread_root=thread_root)
        # Images (charts) apart: tests that read `files` expect the exports they asked for.
        kept = self.images if msgtype == "m.image" else self.files
        kept[event_id] = (filename, mimetype, data)
        self.file_events[event_id] = {
            "msgtype": msgtype,
            "info": dict(info or {}),
            "caption": caption,
        }
        return event_id

    async def power_level(self, room_id: str, user_id: str) -> int:
        return self.power_levels.get((room_id, user_id), 0)

    async def download(self, media: dict[str, Any], max_bytes: int, timeout: float) -> bytes:
        from bot.events import MediaError

        url = str(media.get("url"))
        self.media.downloads.append(url)
        if url not in self.media.files:
            raise MediaError("download", "HTTP 404")
        data = self.media.files[url]
        if len(data) > max_bytes:
            raise MediaError("too_big", f"{len(data)} bytes")
        return data

    def in_room(self, room_id: str) -> list[Sent]:
        return [s for s in self.sent if s.room_id == room_id]

    async def wait_for(self, predicate: object, timeout: float = 10) -> None:
        check = predicate  # a zero-argument callable returning bool
        async with self.changed:
            await asyncio.wait_for(self.changed.wait_for(check), timeout)  # type: ignore[arg-type]


class FakeMedia:
    """Attachments for FakeMatrix.download: mxc url -> bytes (plain; no encryption here)."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.downloads: list[str] = []

    def add(self, name: str, data: bytes) -> str:
        url = f"mxc://test/{name}"
        self.files[url] = data
        return url
