"""The event-stream reader (bot/sse.py): the spec's line and field rules, the same events
whatever the network's cuts, bounded and linear on any bytes, at its maximum sizes."""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.sse import MAX_EVENT_BYTES, MAX_STREAM_BYTES, Event, SSEDecoder, SSEError

_SETTINGS: Any = {
    "deadline": timedelta(seconds=20),
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}


def read(stream: bytes, cuts: Sequence[int] = (), **bounds: int) -> list[Event]:
    """`stream` fed in pieces cut at `cuts` (positions, any order, out of range folded in)."""
    decoder = SSEDecoder(**bounds)
    points = sorted({c % (len(stream) + 1) for c in cuts})
    events: list[Event] = []
    start = 0
    for end in [*points, len(stream)]:
        events += decoder.feed(stream[start:end])
        start = end
    return events


def outcome(stream: bytes, cuts: list[int], **bounds: int) -> list[Event] | str:
    try:
        return read(stream, cuts, **bounds)
    except SSEError as exc:
        return exc.limit


# The spec's rules --------------------------------------------------------------------------


def test_line_ends_fields_and_comments() -> None:
    stream = (
        b"\xef\xbb\xbf"  # a byte-order mark, dropped
        b": keep-alive\r\n"
        b"data: one\r\n\r\n"
        b"data:two\rdata:  three\r\r"  # CR alone; no space, then one space dropped of two
        b"event: error\ndata: {}\n\n"
        b"id: 7\nretry: 10\nerror: {}\nunknown\n\n"  # no data: nothing dispatched
        b"data\n\n"  # a field without colon: empty data, still an event
        b"event: lonely\n\n"  # an event without data is not dispatched
        b"data: [DONE]\n\n"
        b"data: cut by the stream's end\n"
    )
    assert read(stream) == [
        Event("message", b"one"),
        Event("message", b"two\n three"),
        Event("error", b"{}"),
        Event("message", b""),
        Event("message", b"[DONE]"),
    ]


def test_a_crlf_cut_between_its_two_bytes_is_one_line_end() -> None:
    assert read(b"data: a\r\n\r\ndata: b\r\n\r\n", [8, 9, 10, 11]) == [
        Event("message", b"a"),
        Event("message", b"b"),
    ]
    # A CR, then a LF in the next piece: the same line end, not an empty line.
    assert read(b"data: a\r\ndata: b\r\n\r\n", [8]) == [Event("message", b"a\nb")]


def test_a_bom_cut_by_the_network_and_a_bom_later_on() -> None:
    stream = b"\xef\xbb\xbfdata: x\n\n"
    assert read(stream, [1]) == read(stream, [2]) == [Event("message", b"x")]
    # Only at the start of the stream: later, the bytes belong to the field name.
    assert read(b"data: x\n\n\xef\xbb\xbfdata: y\n\n") == [Event("message", b"x")]
    assert read(b"\xef\xbbdata: x\n\n") == []  # half a BOM: an unknown field
    assert read(b"\xef") == []


# Any cut of a valid stream gives the same events ---------------------------------------------

_value = st.text(st.characters(blacklist_characters="\r\n", codec="utf-8"), max_size=30)
_block = st.tuples(
    st.none() | _value,  # the event's name
    st.lists(_value, max_size=4),  # its data lines
    st.lists(st.sampled_from([b": ping", b"id: 3", b"retry: 5", b"x-extra: 1"]), max_size=2),
)
_ends = st.sampled_from([b"\n", b"\r", b"\r\n"])


@st.composite
def streams(draw: st.DrawFn) -> tuple[bytes, list[Event]]:
    """A valid stream with its events: names, multi-line data, comments, other fields, every
    line end, an optional BOM, with or without the space after the colon."""
    lines: list[bytes] = []
    expected: list[Event] = []
    for name, values, others in draw(st.lists(_block, max_size=12)):
        block = [
            (b"data: " if value.startswith(" ") or draw(st.booleans()) else b"data:")
            + value.encode()
            for value in values
        ]
        if name is not None:
            others = [*others, b"event: " + name.encode()]
        for other in others:  # anywhere in the block, the data lines kept in order
            block.insert(draw(st.integers(min_value=0, max_value=len(block))), other)
        lines += [*block, b""]
        if values:
            expected.append(Event(name or "message", b"\n".join(v.encode() for v in values)))
    out = [b"\xef\xbb\xbf"] if draw(st.booleans()) else []
    previous = b""
    for line in lines:
        end = draw(_ends)
        if previous == b"\r" and not line:
            end = b"\r"  # CR then LF is one line end: the empty line would vanish
        out += [line, end]
        previous = end
    return b"".join(out), expected


@settings(max_examples=500, **_SETTINGS)
@given(streams(), st.lists(st.integers(min_value=0, max_value=10**6), max_size=60))
def test_any_cut_gives_the_same_events(made: tuple[bytes, list[Event]], cuts: list[int]) -> None:
    stream, expected = made
    whole = read(stream)
    assert read(stream, cuts) == whole
    assert read(stream, list(range(len(stream)))) == whole  # one byte at a time
    assert whole == expected


@settings(max_examples=300, **_SETTINGS)
@given(st.lists(st.tuples(st.none() | _value, st.lists(_value, max_size=3)), max_size=8))
def test_events_written_with_one_line_end_read_back(
    blocks: list[tuple[str | None, list[str]]],
) -> None:
    for end in (b"\n", b"\r", b"\r\n"):
        stream = b""
        expected = []
        for name, lines in blocks:
            if name is not None:
                stream += b"event: " + name.encode() + end
            for value in lines:
                stream += b"data: " + value.encode() + end
            stream += end
            if lines:
                expected.append(Event(name or "message", b"\n".join(v.encode() for v in lines)))
        assert read(stream) == expected
        assert read(stream, list(range(0, len(stream), 3))) == expected


# Any bytes: no crash, bounds kept, the same outcome whatever the cuts --------------------------


@settings(max_examples=1000, **_SETTINGS)
@given(
    st.binary(max_size=600)
    | st.lists(st.sampled_from([b"data:", b" ", b"x", b"\r", b"\n", b":", b"event"])).map(
        b"".join
    ),
    st.lists(st.integers(min_value=0, max_value=10**6), max_size=40),
    st.integers(min_value=1, max_value=64),
)
def test_any_bytes_are_read_within_bounds(stream: bytes, cuts: list[int], bound: int) -> None:
    got = outcome(stream, cuts, max_event=bound, max_stream=512)
    assert got == outcome(stream, [], max_event=bound, max_stream=512)
    if isinstance(got, str):
        assert got in ("event", "stream")
        return
    for event in got:
        assert len(event.data) <= bound
        assert isinstance(event.name, str)


# The maximum sizes -------------------------------------------------------------------------


@settings(max_examples=12, **_SETTINGS)
@given(
    st.integers(min_value=MAX_EVENT_BYTES - 64, max_value=MAX_EVENT_BYTES + 64),
    st.lists(st.integers(min_value=0, max_value=2 * MAX_EVENT_BYTES), max_size=200),
)
def test_one_event_up_to_its_bound(size: int, cuts: list[int]) -> None:
    value = b"x" * (size - len(b"data: "))  # the line is `size` bytes long
    stream = b"data: " + value + b"\n\n"
    fits = size <= MAX_EVENT_BYTES
    assert outcome(stream, cuts) == ([Event("message", value)] if fits else "event")
    # A comment line of the same size: the same bound, nothing dispatched.
    assert outcome(b":" + b"c" * (size - 1) + b"\n", cuts) == ([] if fits else "event")


def test_many_data_lines_are_bounded_as_one_event() -> None:
    line = b"data: " + b"y" * 1023 + b"\n"  # 1024 bytes of data each, with its newline
    fits = line * (MAX_EVENT_BYTES // 1024)
    (event,) = read(fits + b"\n")
    assert len(event.data) == MAX_EVENT_BYTES - 1
    with pytest.raises(SSEError) as raised:
        read(fits + line + b"\n")
    assert raised.value.limit == "event"


def _chunk(index: int) -> bytes:
    body = {
        "id": "chatcmpl-1",
        "object": "chat.completion.chunk",
        "created": 1_700_000_000,
        "model": "mistralai/Mistral-Small-3.1-24B-Instruct-2503",
        "choices": [{"index": 0, "delta": {"content": f"mot{index} "}, "finish_reason": None}],
    }
    return b"data: " + json.dumps(body).encode() + b"\n\n"


def test_the_largest_stream_reads_in_linear_time() -> None:
    events = [_chunk(i) for i in range(1000)]
    block = b"".join(events)
    stream = block * (MAX_STREAM_BYTES // len(block))
    stream += b": " + b"p" * (MAX_STREAM_BYTES - len(stream) - 3) + b"\n"
    assert len(stream) == MAX_STREAM_BYTES
    decoder = SSEDecoder()
    started = time.thread_time()  # this thread's CPU: neither load nor other threads count
    count = 0
    for start in range(0, len(stream), 16 * 1024):  # the network's usual pieces
        count += len(decoder.feed(stream[start : start + 16 * 1024]))
    elapsed = time.thread_time() - started
    assert count == len(events) * (MAX_STREAM_BYTES // len(block))
    assert elapsed < 10, elapsed
    with pytest.raises(SSEError) as raised:
        decoder.feed(b"\n")
    assert raised.value.limit == "stream"


def test_the_largest_event_byte_by_byte_stays_linear() -> None:
    stream = b"data: " + b"z" * (MAX_EVENT_BYTES - 6) + b"\r\n\r\n"
    decoder = SSEDecoder()
    started = time.thread_time()  # this thread's CPU: neither load nor other threads count
    events: list[Event] = []
    for index in range(len(stream)):
        events += decoder.feed(stream[index : index + 1])
    elapsed = time.thread_time() - started
    assert [len(e.data) for e in events] == [MAX_EVENT_BYTES - 6]
    assert elapsed < 10, elapsed
