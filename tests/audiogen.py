"""Real recordings for tests, encoded with PyAV (the codecs in its wheel): a Tchap voice message
is Ogg/Opus, mono, 48 kHz."""

from __future__ import annotations

import io
import math
from array import array
from typing import cast

import av
from av.audio.stream import AudioStream

OPUS_RATE = 48_000
OPUS_FRAME = 960  # 20 ms, what Element-family clients record


def _tone(start: int, count: int, rate: int, hertz: float) -> bytes:
    """`count` samples of a sine (16-bit, native order, as PyAV's s16 planes hold them)."""
    samples = array(
        "h", (int(8000 * math.sin(2 * math.pi * hertz * (start + k) / rate)) for k in range(count))
    )
    return samples.tobytes()


def encode(seconds: float, container: str, codec: str, rate: int, hertz: float = 440.0) -> bytes:
    """`seconds` of a tone as a `container` file with `codec` (mono)."""
    out = io.BytesIO()
    with av.open(out, "w", format=container) as sink:
        stream = cast(AudioStream, sink.add_stream(codec, rate=rate, layout="mono"))
        frame_size = OPUS_FRAME * rate // OPUS_RATE
        total = int(seconds * rate)
        for start in range(0, total, frame_size):
            frame = av.AudioFrame(format="s16", layout="mono", samples=frame_size)
            frame.planes[0].update(_tone(start, frame_size, rate, hertz))
            frame.sample_rate = rate
            frame.pts = start
            for packet in stream.encode(frame):
                sink.mux(packet)
        for packet in stream.encode(None):
            sink.mux(packet)
    return out.getvalue()


def opus_voice(seconds: float = 2.0, hertz: float = 440.0) -> bytes:
    """A voice message as Tchap sends one: Ogg/Opus, mono, 48 kHz."""
    return encode(seconds, "ogg", "libopus", OPUS_RATE, hertz)


def corrupted_ogg(seconds: float = 2.0) -> bytes:
    """Starts as an Ogg/Opus file (so it is taken for one), then garbage: what a broken
    upload or a hostile file looks like."""
    good = opus_voice(seconds)
    garbage = bytes((i * 97 + 13) % 256 for i in range(len(good) - 120))
    return good[:120] + garbage


def describe(data: bytes) -> tuple[str, int, int, float]:
    """(container, sample rate, channels, seconds) of an audio file, read back with PyAV."""
    with av.open(io.BytesIO(data), mode="r") as source:
        stream = source.streams.audio[0]
        samples = sum(frame.samples for frame in source.decode(stream))
        rate = stream.codec_context.sample_rate
        return source.format.name, rate, stream.codec_context.channels, samples / rate
