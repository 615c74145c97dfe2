"""Dispatcher level: the homeserver requests of one streamed answer, counted on the fake port."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from devtools.fake_llm import FakeLLM, Reply
from tests.fakes import FakeMatrix
from tests.harness import Harness, dispatcher_config, fake_matrix, running_dispatcher


class TimedMatrix(FakeMatrix):
    """Remembers when each message was sent and each edit made."""

    def __init__(self) -> None:
        super().__init__()
        self.sent_at: list[float] = []
        self.edited_at: list[float] = []

    async def send_text(self, room_id: str, body: str, *args: object, **kw: object) -> str:
        self.sent_at.append(time.monotonic())
        return await super().send_text(room_id, body, *args, **kw)  # type: ignore[arg-type]

    async def edit(self, room_id: str, event_id: str, body: str, html: str | None = None) -> str:
        self.edited_at.append(time.monotonic())
        return await super().edit(room_id, event_id, body, html)


def paced_edits(since: float, until: float, first: float = 0.4, most: float = 1.6) -> int:
    """How many streamed edits the pacing allows between the first message and the end: the
    first `first` after it, then twice the previous wait each time, at most `most` apart."""
    count, at, wait = 0, since + first, first
    while at < until:
        count += 1
        wait = min(wait * 2, most)
        at += wait
    return count


@pytest.fixture
async def paced(
    tmp_path: Path, fake_llm: FakeLLM, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[Harness]:
    """Issue 16's answer (100 tokens, 20 a second) 2.5 times faster, pacing scaled alike; the
    typing notice lasts 0.5 s."""
    monkeypatch.setattr("tests.harness.FakeMatrix", TimedMatrix)
    config = dispatcher_config(
        tmp_path,
        fake_llm.base_url,
        llm={"edit_interval": 0.4, "edit_interval_max": 1.6, "typing_timeout": 0.5},
    )
    async with running_dispatcher(config, tmp_path / "db.sqlite3") as dispatcher:
        yield Harness(dispatcher, fake_matrix(dispatcher), fake_llm)


def requests(matrix: FakeMatrix) -> dict[str, int]:
    return {
        "receipt": len(matrix.receipts),
        "typing on": sum(1 for _, on in matrix.typing if on),
        "typing off": sum(1 for _, on in matrix.typing if not on),
        "send": len(matrix.sent),
        "edit": sum(len(m.edits) for m in matrix.sent),
    }


async def test_a_streamed_answer_makes_one_send_two_edits_a_final_and_no_typing_stop(
    paced: Harness,
) -> None:
    # 100 tokens at 50 a second after 0.2 s: a 2.2 s answer; edits at 0.6 s and 1.4 s (0.4 s,
    # then 0.8 s apart), the next one would be at 2.6 s.
    answer = " ".join(f"mot{i}" for i in range(100))
    paced.llm.enqueue(Reply(text=answer, ttft=0.2, tokens_per_second=50))
    await paced.send("Bonjour")
    await paced.settle()
    matrix = paced.matrix
    assert isinstance(matrix, TimedMatrix)
    [message] = matrix.sent
    assert message.final_body == answer and message.final_html is not None
    counts = requests(matrix)
    # The typing notice lapses by itself: the answer outlived it, and messages followed.
    edits = counts.pop("edit")
    assert counts == {"receipt": 1, "typing on": 1, "typing off": 0, "send": 1}
    # Two streamed edits and the final one on a quiet machine (at 0.6 s and 1.4 s, the end at
    # 2.2 s); a loaded machine stretches the answer, and the pacing allows more on the way: the
    # count follows the schedule of the time the answer really took, never more.
    *streamed, final = matrix.edited_at
    assert edits == len(streamed) + 1 >= 3
    assert len(streamed) <= paced_edits(matrix.sent_at[0], final)
    gaps = [b - a for a, b in zip([matrix.sent_at[0], *streamed], streamed, strict=False)]
    assert all(gap >= 0.35 for gap in gaps), gaps  # never closer than the first interval
    assert message.edits[-1][1] is not None  # the last one carries the rendering
    [request] = [r for r in paced.llm.requests if r.path == "/v1/chat/completions"]
    delay = matrix.sent_at[0] - (request.at + 0.2)
    print(f"first token to first message: {delay * 1000:.1f} ms")
    # About 5 ms on a quiet machine: the first words go out at once, not at the first edit's
    # time (0.4 s later) nor at the end (2 s later).
    assert delay < 0.4


async def test_a_short_answer_stops_the_typing_notice_it_outran(paced: Harness) -> None:
    paced.llm.enqueue(Reply(text="Oui.", ttft=0, tokens_per_second=0))
    await paced.send("Bonjour")
    await paced.settle()
    assert paced.matrix.typing == [("!dm-alice", True), ("!dm-alice", False)]
    assert requests(paced.matrix)["send"] == 1


async def test_the_notice_is_renewed_only_while_nothing_shows(paced: Harness) -> None:
    # The model takes 1.3 s to start (the notice lasts 0.5 s): renewed until the first words.
    answer = " ".join(f"mot{i}" for i in range(80))
    paced.llm.enqueue(Reply(text=answer, ttft=1.3, tokens_per_second=100))
    await paced.send("Bonjour")
    await paced.settle()
    on = [typing for _, typing in paced.matrix.typing]
    assert 3 <= len(on) <= 5 and all(on)  # about every 0.375 s for 1.3 s, then none
    assert paced.matrix.in_room("!dm-alice")[0].final_body == answer
