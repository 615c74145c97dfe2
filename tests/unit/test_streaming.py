"""The streamed display: first message at once, throttled and capped edits, final rendering."""

from __future__ import annotations

from bot import texts
from bot.streaming import AnswerStreamer
from tests.fakes import FakeMatrix


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
    await s.update("Bonjour à vous")
    assert len(matrix.sent[0].edits) == 1
    await s.finish("Bonjour à **vous**")
    body, html = matrix.sent[0].edits[-1]
    assert body == "Bonjour à **vous**"
    assert html is not None and "<strong>vous</strong>" in html


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
