"""What handlers receive: typed events decoded once from the inbox, and the Matrix errors they
may meet. Nothing here talks to nio, so features can import it."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from storage.inbox import InboxItem
from storage.users import RoomKind as RoomKind

TEXT_MSGTYPES = ("m.text", "m.notice", "m.emote")
MEDIA_MSGTYPES = ("m.file", "m.image", "m.audio", "m.video")
# A reaction is queued in the inbox as a message with this msgtype, so that it is handled in
# the room's order and survives restarts like text.
REACTION_MSGTYPE = "m.reaction"
THUMBS_UP = "👍"
THUMBS_DOWN = "👎"


class MatrixError(Exception):
    def __init__(self, what: str, errcode: str | None = None, status: int | None = None) -> None:
        super().__init__(f"{what}: {errcode or 'error'} (HTTP {status})")
        self.errcode = errcode
        self.status = status


class EventTooLarge(MatrixError):
    """An event over the spec's size cap: measured before sending (`status` None, nothing was
    sent) or refused by the homeserver (413 `M_TOO_LARGE`). `size`: the measured bytes."""

    def __init__(self, what: str, size: int, status: int | None = None) -> None:
        super().__init__(what, "M_TOO_LARGE", status)
        self.size = size


class AccountUnusable(MatrixError):
    """The account is expired, deactivated or its token revoked: retrying cannot help."""


class MediaError(Exception):
    """A file could not be fetched or decrypted; `reason`: too_big, download, decrypt."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


@dataclass(frozen=True)
class Text:
    """A typed message (m.text, m.notice, m.emote)."""

    msgtype: str
    body: str


@dataclass(frozen=True)
class File:
    """An attachment (m.file, m.image, m.audio, m.video). `media` is what the Matrix port needs
    to download it (url or encrypted file, mimetype, declared size, filename)."""

    msgtype: str
    caption: str  # the message's body: a caption, or the file name when there is none
    media: dict[str, Any] | None

    @property
    def filename(self) -> str:
        return str((self.media or {}).get("filename") or "fichier")

    @property
    def mimetype(self) -> str | None:
        value = (self.media or {}).get("mimetype")
        return str(value) if value else None

    @property
    def declared_size(self) -> int | None:
        value = (self.media or {}).get("size")
        return int(value) if isinstance(value, int | float) else None


@dataclass(frozen=True)
class Reaction:
    """An emoji reaction to one of the room's events."""

    key: str
    relates_to: str


@dataclass(frozen=True)
class Greeting:
    """The bot was just invited to a direct message."""


@dataclass(frozen=True)
class Other:
    """Any other message (a location, a sticker…): only its msgtype is known."""

    msgtype: str


Event = Text | File | Reaction | Greeting | Other


def encode_reaction(key: str, relates_to: str) -> str:
    """The inbox body of a queued reaction (decoded by `decode`)."""
    return json.dumps({"key": key, "relates_to": relates_to}, ensure_ascii=False)


# mxc://<server-name>/<media-id> (Matrix spec, "Matrix Content URIs"): the server name is a DNS
# name, an IPv4 address or a bracketed IPv6 address, with an optional port; the media id only
# [A-Za-z0-9_-]. Anything else never reaches an authenticated request.
_MXC = re.compile(
    r"mxc://"
    r"(?P<server>(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*"
    r"|\[[0-9A-Fa-f:.]{2,45}\])(?::[0-9]{1,5})?)"
    r"/(?P<media>[A-Za-z0-9_-]{1,255})"
)


def parse_mxc(url: object) -> tuple[str, str] | None:
    """(server name, media id) of a valid `mxc://` URI, or None."""
    if not isinstance(url, str) or len(url) > 512:
        return None
    match = _MXC.fullmatch(url)
    if match is None:
        return None
    return match.group("server"), match.group("media")


def encode_media(media: dict[str, Any] | None) -> str | None:
    return json.dumps(media) if media else None


def _json_object(raw: str | None) -> dict[str, Any] | None:
    if not raw:
        return None
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def decode(item: InboxItem) -> Event:
    """The typed event of an inbox row: the only place that reads the inbox's encodings."""
    if item.kind == "greeting":
        return Greeting()
    if item.msgtype == REACTION_MSGTYPE:
        data = _json_object(item.body) or {}
        return Reaction(str(data.get("key") or ""), str(data.get("relates_to") or ""))
    if item.msgtype in MEDIA_MSGTYPES:
        return File(item.msgtype, item.body or "", _json_object(item.media))
    if item.msgtype in TEXT_MSGTYPES:
        return Text(item.msgtype, item.body or "")
    return Other(item.msgtype)
