"""The context sent to the model: system prompt plus the newest turns that fit the budget."""

from __future__ import annotations

from bot.answer import build_messages, estimate_tokens
from bot.conversation import make_title
from bot.texts import french_date
from storage.conversations import Message


def turns(*pairs: tuple[str, str]) -> list[Message]:
    return [Message(i, 1, role, text, None, "") for i, (role, text) in enumerate(pairs)]


def test_everything_fits() -> None:
    history = turns(("user", "q1"), ("assistant", "a1"), ("user", "q2"))
    messages = build_messages("sys", history, budget=1000)
    assert [m["content"] for m in messages] == ["sys", "q1", "a1", "q2"]
    assert messages[0]["role"] == "system"


def test_oldest_turns_are_dropped_first_and_the_question_always_goes() -> None:
    long = "x" * 3000
    history = turns(("user", long), ("assistant", long), ("user", "q2"), ("assistant", "a2"))
    history.append(Message(9, 1, "user", "q3", None, ""))
    messages = build_messages("sys", history, budget=estimate_tokens("sys") + 30)
    assert [m["content"] for m in messages] == ["sys", "q2", "a2", "q3"]
    huge = turns(("user", "y" * 100_000))
    assert [m["content"] for m in build_messages("sys", huge, budget=300)][1] == "y" * 100_000


def test_context_never_starts_with_an_answer() -> None:
    history = turns(("user", "z" * 600), ("assistant", "a1"), ("user", "q2"))
    messages = build_messages("sys", history, budget=estimate_tokens("sys") + 20)
    assert [m["role"] for m in messages] == ["system", "user"]


def test_titles_and_dates() -> None:
    assert (
        make_title("  Rédige   une note\nsur le télétravail ")
        == "Rédige une note sur le télétravail"
    )
    assert len(make_title("mot " * 50)) <= 60
    from datetime import datetime

    assert french_date(datetime(2026, 11, 25)) == "mercredi 25 novembre 2026"
    assert french_date(datetime(2026, 12, 1)) == "mardi 1er décembre 2026"


def test_material_goes_before_the_question_and_counts_in_the_budget() -> None:
    history = turns(("user", "q1"), ("assistant", "a1"), ("user", "q2"))
    messages = build_messages("sys", history, budget=1000, material=["« page »", "« doc »"])
    assert messages[-1] == {"role": "user", "content": "« page »\n\n« doc »\n\nq2"}
    assert [m["content"] for m in messages[1:3]] == ["q1", "a1"]  # earlier turns untouched
    tight = estimate_tokens("sys") + estimate_tokens("x" * 300) + 10
    squeezed = build_messages("sys", history, budget=tight, material=["x" * 300])
    assert [m["role"] for m in squeezed] == ["system", "user"]  # older turns made room
