"""The streamed display: first message at once, throttled and capped edits, final rendering."""

from __future__ import annotations

import itertools

from bot import texts
from bot.events import EventTooLarge
from bot.eventsize import MAX_EVENT_BYTES
from bot.render import split_message
from bot.streaming import MIN_EDIT_CHARS, AnswerStreamer
from tests.fakes import FakeMatrix
from tests.long_text import collapsed, markdown_answer, reassembled


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def streamer(matrix: FakeMatrix, clock: Clock, **kw: object) -> AnswerStreamer:
    options: dict[str, object] = {"interval": 1.0, "max_edits": 5, "max_chars": 1000}
    options.update(kw)
    return AnswerStreamer(matrix, "!r", clock=clock, **options)  # type: ignore[arg-type]


async def test_first_tokens_are_shown_at_once_then_edits_are_throttled() -> None:
    matrix, clock = FakeMatrix(), Clock()
    s = streamer(matrix, clock)
    await s.update("Bon")
    assert len(matrix.sent) == 1 and matrix.sent[0].body.startswith("Bon")
    for i in range(10):  # ten chunks within the same second: no edit
        clock.now += 0.05
        await s.update("Bon" + "jour" * (i + 1))
    assert matrix.sent[0].edits == []
    clock.now += 1.0
    await s.update("Bonjour à vous, voici la réponse")
    assert len(matrix.sent[0].edits) == 1
    await s.finish("Bonjour à **vous**")
    body, html = matrix.sent[0].edits[-1]
    assert body == "Bonjour à **vous**"
    assert html is not None and "<strong>vous</strong>" in html


def model_stream(tokens: int, ttft: float, tps: float) -> list[tuple[float, str]]:
    """(time, whole text so far) after each token of a model answering `tokens` tokens."""
    words = [f"mot{i % 10} " for i in range(tokens)]  # about a token each
    return [(ttft + i / tps, "".join(words[: i + 1])) for i in range(tokens)]


async def play(s: AnswerStreamer, clock: Clock, stream: list[tuple[float, str]]) -> list[float]:
    """Feeds the stream at its times; the times at which something was shown."""
    shown: list[float] = []
    for at, text in stream:
        clock.now = at
        before = s.edits_sent + len(s.event_ids)
        await s.update(text)
        if s.edits_sent + len(s.event_ids) > before:
            shown.append(at)
    await s.finish(stream[-1][1].strip())
    return shown


async def test_a_100_token_answer_is_one_message_two_streamed_edits_and_the_final() -> None:
    # Issue 16's scenario: first token at 0.5 s, then 20 tokens a second.
    matrix, clock = FakeMatrix(), Clock()
    s = streamer(matrix, clock, max_interval=4.0, max_edits=30)
    shown = await play(s, clock, model_stream(100, 0.5, 20))
    [message] = matrix.sent
    assert shown[0] == 0.5  # the first token, at once
    assert len(message.edits) == 3  # two streamed edits, then the final rendering
    assert message.edits[-1][1] is not None
    # The edits wait longer and longer: 1 s after the first words, then 2 s.
    assert shown[1] - shown[0] >= 1.0 and shown[2] - shown[1] >= 2.0


async def test_the_wait_between_edits_grows_up_to_its_cap() -> None:
    matrix, clock = FakeMatrix(), Clock()
    s = streamer(matrix, clock, max_interval=4.0, max_edits=100, max_chars=12_000)
    shown = await play(s, clock, model_stream(1200, 0.5, 20))  # a minute of writing
    gaps = [b - a for a, b in itertools.pairwise(shown)]
    assert all(gap <= 4.0 + 0.05 for gap in gaps)  # never staler than the cap (+ one token)
    assert gaps[:3] == sorted(gaps[:3]) and gaps[0] < 1.1
    assert 12 <= len(shown) <= 20  # about one edit every 4 s, against 60 at one a second
    assert matrix.sent[0].final_body == model_stream(1200, 0.5, 20)[-1][1].strip()


async def test_an_edit_waits_for_enough_new_text() -> None:
    matrix, clock = FakeMatrix(), Clock()
    s = streamer(matrix, clock)
    await s.update("Un")
    text = "Un"
    for _ in range(MIN_EDIT_CHARS - 1):  # a slow model: one character every 5 s
        clock.now += 5
        text += "e"
        await s.update(text)
    assert matrix.sent[0].edits == []  # due long ago, but a few letters are not worth an event
    clock.now += 5
    await s.update(text + "!")
    assert len(matrix.sent[0].edits) == 1


async def test_the_first_words_show_at_once_over_a_status_line_and_after_a_retry() -> None:
    matrix, clock = FakeMatrix(), Clock()
    s = streamer(matrix, clock)
    await s.status(texts.THINKING)
    clock.now += 0.01
    await s.update("Voici")  # no wait for the interval after the status line
    assert matrix.sent[0].final_body.startswith("Voici")
    clock.now += 1.5
    await s.update("Voici une réponse qui commence bien")
    await s.reset()
    clock.now += 0.01
    await s.update("Autre")  # the new attempt's first words: at once
    assert matrix.sent[0].final_body.startswith("Autre")
    assert len(matrix.sent) == 1


async def test_edits_are_capped_but_the_final_edit_always_goes_out() -> None:
    matrix, clock = FakeMatrix(), Clock()
    s = streamer(matrix, clock, max_edits=3)
    text = ""
    for i in range(50):
        clock.now += 2.0
        text += f"mot{i} "
        await s.update(text)
    assert len(matrix.sent[0].edits) == 2  # the cap keeps one edit for the final rendering
    await s.finish(text.strip())
    assert len(matrix.sent[0].edits) == 3
    assert matrix.sent[0].final_body == text.strip()


async def test_long_answers_continue_in_new_messages() -> None:
    matrix, clock = FakeMatrix(), Clock()
    s = streamer(matrix, clock, max_chars=200)
    paragraphs = [f"Paragraphe {i} " + "texte " * 20 for i in range(6)]
    text = ""
    for paragraph in paragraphs:
        text += paragraph + "\n\n"
        clock.now += 2.0
        await s.update(text)
    await s.finish(text.strip())
    assert len(matrix.sent) > 1
    finals = [m.final_body for m in matrix.sent]
    assert all(len(body) <= 200 for body in finals)
    joined = " ".join(finals)
    for paragraph in paragraphs:
        assert paragraph.strip() in joined


async def test_a_retry_resets_the_same_message_and_a_failure_replaces_it() -> None:
    matrix, clock = FakeMatrix(), Clock()
    s = streamer(matrix, clock)
    await s.update("Début de réponse")
    await s.reset()
    assert matrix.sent[0].final_body == texts.RETRYING
    clock.now += 2
    await s.update("Autre")
    await s.fail("Désolé")
    assert len(matrix.sent) == 1
    assert matrix.sent[0].final_body == "Désolé"


async def test_resuming_edits_the_existing_message() -> None:
    matrix, clock = FakeMatrix(), Clock()
    first = await matrix.send_text("!r", "Réponse interrompue")
    s = streamer(matrix, clock, resume_event_id=first)
    await s.update("Nouvelle")
    await s.finish("Nouvelle réponse")
    assert len(matrix.sent) == 1
    assert matrix.sent[0].final_body == "Nouvelle réponse"


async def test_status_lines_show_until_the_answer_starts() -> None:
    matrix, clock = FakeMatrix(), Clock()
    s = streamer(matrix, clock)
    await s.status("Recherche : impôts")
    await s.status("Lecture de 4 pages…")
    assert len(matrix.sent) == 1 and matrix.sent[0].body == "Recherche : impôts"
    assert matrix.sent[0].edits[-1][0] == "Lecture de 4 pages…"
    clock.now += 2
    await s.update("Réponse")
    await s.status("trop tard")  # never overwrites the answer
    await s.finish("Réponse complète")
    assert len(matrix.sent) == 1
    assert matrix.sent[0].final_body == "Réponse complète"
    assert all(body != "trop tard" for body, _ in matrix.sent[0].edits)


# Long answers: parts chosen by the size of their events ----------------------------------------


async def stream(s: AnswerStreamer, clock: Clock, text: str, chunk: int = 400) -> None:
    """The model's text in chunks, about two edits' worth of time apart."""
    for end in range(chunk, len(text) + chunk, chunk):
        clock.now += 0.5
        await s.update(text[:end])
    await s.finish(text)


def finals(matrix: FakeMatrix) -> list[str]:
    return [m.final_body for m in matrix.sent]


async def test_a_long_encrypted_answer_is_split_by_event_size_and_arrives_whole() -> None:
    matrix, clock = FakeMatrix(), Clock()
    s = streamer(matrix, clock, max_chars=12_000, txn_base="answer.t")
    text = markdown_answer(60_000)
    await stream(s, clock, text)
    # FakeMatrix measures every send and edit as the real port does and refuses any over the
    # cap: the old parts of 12,000 characters weighed about 80 KB as encrypted edits.
    assert matrix.refused_too_large == 0
    assert 0 < matrix.largest_event <= MAX_EVENT_BYTES
    assert len(matrix.sent) > len(split_message(text, 12_000))
    assert reassembled(finals(matrix)) == collapsed(text)
    assert all(m.final_html is not None for m in matrix.sent)  # every part's final rendering
    assert list(matrix.txn_ids) == [f"answer.t.{i}" for i in range(len(matrix.sent))]


async def test_a_plain_room_takes_bigger_parts_than_an_encrypted_one() -> None:
    text = markdown_answer(40_000)
    counts = []
    for plain in (False, True):
        matrix, clock = FakeMatrix(), Clock()
        if plain:
            matrix.plain_rooms.add("!r")
        await stream(streamer(matrix, clock, max_chars=30_000), clock, text, chunk=2_000)
        assert reassembled(finals(matrix)) == collapsed(text)
        counts.append(len(matrix.sent))
    assert counts[1] < counts[0]


async def test_parts_refused_with_413_are_cut_again_and_continue_in_new_messages() -> None:
    matrix, clock = FakeMatrix(), Clock()
    matrix.server_max_bytes = 30_000  # a homeserver stricter than the streamer's measure
    s = streamer(matrix, clock, max_chars=12_000, txn_base="answer.t")
    text = markdown_answer(20_000)
    await stream(s, clock, text)
    assert matrix.refused_too_large >= 1 and s.refusals == matrix.refused_too_large
    assert matrix.largest_event <= 30_000
    assert reassembled(finals(matrix)) == collapsed(text)  # nothing lost
    assert all(m.final_html is not None for m in matrix.sent)
    # A refused send created nothing: its smaller part took the same transaction id.
    assert list(matrix.txn_ids) == [f"answer.t.{i}" for i in range(len(matrix.sent))]


class RefusesFirstFinalEdit(FakeMatrix):
    """Answers 413 M_TOO_LARGE to the first final edit, whatever its size."""

    refused = False

    async def edit(self, room_id: str, event_id: str, body: str, html: str | None = None) -> str:
        if html is not None and not self.refused:
            self.refused = True
            raise EventTooLarge("send", 70_000, 413)
        return await super().edit(room_id, event_id, body, html)


async def test_a_final_edit_refused_with_413_is_split_and_the_rest_follows() -> None:
    matrix, clock = RefusesFirstFinalEdit(), Clock()
    s = streamer(matrix, clock, max_chars=12_000)
    text = markdown_answer(5_000)
    await stream(s, clock, text)
    assert matrix.refused and s.refusals == 1
    # The refused part is cut in pieces of at most half its length, the rest in new messages.
    assert len(matrix.sent) >= 2
    assert all(len(body) <= len(text) // 2 for body in finals(matrix))
    assert reassembled(finals(matrix)) == collapsed(text)
    assert all(m.final_html is not None for m in matrix.sent)
    assert texts.TYPING_PLACEHOLDER not in matrix.sent[0].final_body


async def test_finishing_after_a_crash_sends_no_part_twice_and_shows_every_part_final() -> None:
    matrix, clock = FakeMatrix(), Clock()
    text = markdown_answer(30_000)
    first = streamer(matrix, clock, max_chars=12_000, txn_base="answer.t")
    for end in range(400, len(text) + 400, 400):
        clock.now += 0.5
        await first.update(text[:end])
    # Stopped after the answer was stored, before its final edits: the last message still shows
    # a streamed text. At the next start the stored answer is shown again from its first
    # message, with the same transaction ids.
    sent = len(matrix.sent)
    assert sent > 3 and matrix.sent[-1].final_body.endswith(texts.TYPING_PLACEHOLDER)
    again = streamer(
        matrix,
        clock,
        max_chars=12_000,
        txn_base="answer.t",
        resume_event_id=matrix.sent[0].event_id,
    )
    await again.finish(text)
    assert len(matrix.sent) == sent
    assert reassembled(finals(matrix)) == collapsed(text)
    assert all(m.final_html is not None for m in matrix.sent)


async def test_a_footer_that_does_not_fit_goes_in_its_own_message() -> None:
    matrix, clock = FakeMatrix(), Clock()
    s = streamer(matrix, clock, max_chars=1_000)
    text = "mot " * 245  # 979 characters: one part, no room for the footer under max_chars
    await s.update(text)
    await s.finish(text.strip(), footer="_Sources : service-public.fr_")
    assert [m.final_body for m in matrix.sent] == [text.strip(), "_Sources : service-public.fr_"]
