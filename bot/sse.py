"""Server-sent events read from a byte stream, bounded: how a model server streams its answer.

What the WHATWG "event stream interpretation" asks of a reader, minus what the bot never uses
(reconnection: `id` and `retry` are ignored). Lines end with CRLF, LF or CR, cut anywhere by the
network; `data:` lines join with a newline into one event's data; a blank line dispatches the
event; `:` starts a comment; `event:` names the event ("message" when unnamed); a leading
byte-order mark is dropped; an event the stream ends in the middle of is discarded.

Linear in the bytes fed whatever the cuts (no buffer is rescanned), and bounded: one line or one
event's data over `max_event` bytes, or a stream over `max_stream` bytes, raise SSEError.
"""

from __future__ import annotations

from typing import NamedTuple

# One event's data, and any one line: a chunk of a streamed answer is a few hundred bytes.
MAX_EVENT_BYTES = 1024 * 1024
# A whole streamed answer: 32k tokens of a few hundred bytes each, with room to spare.
MAX_STREAM_BYTES = 32 * 1024 * 1024

_BOM = b"\xef\xbb\xbf"


class SSEError(ValueError):
    """The stream broke a bound. `limit` says which: "event" or "stream"."""

    def __init__(self, limit: str, size: int) -> None:
        super().__init__(f"{limit} over {size} bytes")
        self.limit = limit


class Event(NamedTuple):
    name: str  # "message" unless an `event:` line named it
    data: bytes  # its `data:` lines joined with "\n", left to the reader to decode


class SSEDecoder:
    """Fed the stream's bytes as they come; hands back the events each piece completes."""

    def __init__(
        self, *, max_event: int = MAX_EVENT_BYTES, max_stream: int = MAX_STREAM_BYTES
    ) -> None:
        self.max_event = max_event
        self.max_stream = max_stream
        self.received = 0  # bytes fed so far
        self._partial = bytearray()  # a line not ended yet
        self._skip_lf = False  # the last piece ended with CR: an LF next is the same line end
        self._head: bytes | None = b""  # the stream's first bytes, until a BOM is ruled out
        self._data: list[bytes] = []
        self._data_size = 0
        self._event = b""

    def feed(self, piece: bytes) -> list[Event]:
        self.received += len(piece)
        if self.received > self.max_stream:
            raise SSEError("stream", self.max_stream)
        if self._head is not None:
            piece = self._head + piece
            if len(piece) < len(_BOM) and _BOM.startswith(piece):
                self._head = piece  # maybe a BOM, cut by the network
                return []
            self._head = None
            if piece.startswith(_BOM):
                piece = piece[len(_BOM) :]
        if self._skip_lf and piece:
            self._skip_lf = False
            if piece[0] == 0x0A:
                piece = piece[1:]
        events: list[Event] = []
        if not piece:
            return events
        lines = piece.splitlines(keepends=True)  # bytes: only CRLF, LF and CR end a line
        last = lines[-1]
        ending = last[-1]
        unended = ending != 0x0A and ending != 0x0D
        if unended:
            lines.pop()  # kept for the next piece
        elif ending == 0x0D:
            self._skip_lf = True
        for line in lines:
            cut = 2 if line.endswith(b"\r\n") else 1
            if self._partial:
                if len(self._partial) + len(line) - cut > self.max_event:
                    raise SSEError("event", self.max_event)
                self._partial += line
                line = bytes(self._partial)
                self._partial.clear()
            elif len(line) - cut > self.max_event:
                raise SSEError("event", self.max_event)
            self._line(line[:-cut], events)
        if unended:
            if len(self._partial) + len(last) > self.max_event:
                raise SSEError("event", self.max_event)
            self._partial += last
        return events

    def _line(self, line: bytes, events: list[Event]) -> None:
        if not line:
            if self._data:
                data = self._data[0] if len(self._data) == 1 else b"\n".join(self._data)
                name = self._event.decode("utf-8", "replace") if self._event else "message"
                events.append(Event(name, data))
            self._data = []
            self._data_size = 0
            self._event = b""
            return
        if line[0] == 0x3A:  # ":" a comment (a keep-alive)
            return
        colon = line.find(b":")
        if colon < 0:
            field, value = line, b""
        else:
            field = line[:colon]
            value = line[colon + 2 :] if line[colon + 1 : colon + 2] == b" " else line[colon + 1 :]
        if field == b"data":
            self._data_size += len(value) + 1
            if self._data_size > self.max_event:
                raise SSEError("event", self.max_event)
            self._data.append(value)
        elif field == b"event":
            self._event = value
        # `id`, `retry` and unknown fields (llama.cpp's `error:`) are ignored, as the spec says.
