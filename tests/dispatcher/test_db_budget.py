"""The database work of an ordinary answer: every trip to the database's thread is a queue put
and a wake-up of the event loop, so an agent's second question costs a bounded number of them,
and reads nothing the features already know is not there (no instructions, no template, no
document, no survey, no comment awaited), nor the user, their quota or their room again."""

from __future__ import annotations

from typing import Any

from devtools.fake_llm import Reply
from tests.harness import Harness

# Trips to the database's thread for one ordinary answer, from storing the event to marking it
# done: the event stored, taken, its attempt counted; the conversation found, the question
# checked and stored, the history read; the answer's first event, the usage, the answer
# stored, the event done. (91 before issue 16.)
MAX_TRIPS = 11


class Trips:
    def __init__(self, harness: Harness) -> None:
        self.conn = harness.services.db.conn
        self.count = 0
        self.statements: list[str] = []
        self._execute = self.conn._execute

    async def _counting(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        self.count += 1
        return await self._execute(fn, *args, **kwargs)

    def _trace(self, sql: str) -> None:
        if not sql.startswith("--"):
            self.statements.append(" ".join(sql.split()))

    async def start(self) -> None:
        await self.conn.set_trace_callback(self._trace)
        self.count = 0
        self.statements.clear()
        self.conn._execute = self._counting  # type: ignore[method-assign]

    def stop(self) -> None:
        self.conn._execute = self._execute  # type: ignore[method-assign]


async def test_an_ordinary_answer_takes_few_trips_and_reads_nothing_known(
    harness: Harness,
) -> None:
    harness.llm.enqueue(Reply(text="Première réponse."), Reply(text="Deuxième réponse."))
    await harness.send("Première question")
    await harness.settle()
    await harness.services.tasks.idle()  # the title of the new conversation
    trips = Trips(harness)
    await trips.start()
    try:
        await harness.send("Deuxième question")
        await harness.settle()
    finally:
        trips.stop()
    assert harness.replies()[-1] == "Deuxième réponse."
    reads = [s for s in trips.statements if s.startswith("SELECT")]
    for table in (
        "FROM users",
        "FROM usage",
        "FROM quota_overrides",
        "FROM user_instructions",
        "FROM armed_templates",
        "FROM documents",
        "FROM survey_sends",
        "FROM answer_feedback",
        "FROM privacy_overrides",
    ):
        assert not [s for s in reads if table in s], table
    assert not [s for s in trips.statements if s.startswith("INSERT INTO rooms")]
    assert [s for s in trips.statements if s.startswith("BEGIN")] == ["BEGIN IMMEDIATE"] * 2
    assert trips.count <= MAX_TRIPS, trips.statements


async def test_a_message_queued_while_the_room_answers_is_answered_next(
    harness: Harness,
) -> None:
    """The worker stops without asking the inbox again only when nothing was queued since."""
    harness.llm.enqueue(Reply(text="Une.", ttft=0.3), Reply(text="Deux."))
    await harness.send("Première")
    await harness.llm.wait_for_requests(1)
    await harness.send("Seconde")
    await harness.settle()
    assert harness.replies() == ["Une.", "Deux."]
