"""Reasoning models: the thinking told apart from the answer whatever the chunks' cuts, in the
three shapes servers stream it (`<think>` tags, a reasoning field, Mistral's typed chunks), read
by the real LLM client from the fake server over loopback; the folded rendering."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import SecretStr

from bot import texts
from bot.answer import reasoning_markup
from bot.config import LLMConfig
from bot.llm import LLMClient
from bot.reasoning import MAX_REASONING_CHARS, SplitStream, ThinkSplitter
from devtools.fake_llm import REASONING_SHAPES, FakeLLM, Reply

# Longest answer the bot takes from a model: max_tokens is at most 32k tokens, about 4 characters
# each; fuzzed somewhat beyond.
MAX_CONTENT = 200_000

_SETTINGS: Any = {
    "deadline": timedelta(seconds=20),
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}


def feed_all(content: str, cuts: list[int]) -> tuple[str, str]:
    """`content` streamed in pieces cut at `cuts`, through one splitter."""
    split = SplitStream(max_reasoning=len(content) + 1)
    bounds = sorted({c % (len(content) + 1) for c in cuts})
    start = 0
    for end in [*bounds, len(content)]:
        split.content(content[start:end])
        start = end
    split.finish()
    return split.answer, split.reasoning


def expected(content: str) -> tuple[str, str]:
    """The split, computed on the whole content at once."""
    body = content.lstrip()
    if body.startswith("<think>"):
        inner = body[len("<think>") :]
        end = inner.find("</think>")
        if end < 0:
            return "", inner
        return inner[end + len("</think>") :].lstrip(), inner[:end]
    return body, ""


_text = st.text(alphabet=st.sampled_from(list("ab <>/thinkéà\n")), max_size=60)


@settings(max_examples=400, **_SETTINGS)
@given(
    st.tuples(st.booleans(), _text, st.booleans(), _text),
    st.lists(st.integers(min_value=0, max_value=10**6), max_size=40),
)
def test_any_cut_gives_the_same_split(parts: tuple[bool, str, bool, str], cuts: list[int]) -> None:
    opened, reasoning, closed, answer = parts
    content = ("  <think>" if opened else "") + reasoning + ("</think>\n\n" if closed else "")
    content += answer
    assert feed_all(content, cuts) == expected(content)


@settings(max_examples=15, **_SETTINGS)
@given(
    st.integers(min_value=0, max_value=MAX_CONTENT // 2),
    st.integers(min_value=1, max_value=MAX_CONTENT // 2),
    st.lists(st.integers(min_value=0, max_value=MAX_CONTENT), min_size=0, max_size=2000),
    st.randoms(use_true_random=False),
)
def test_large_contents_at_arbitrary_cuts(
    thinking: int, answering: int, cuts: list[int], rnd: Any
) -> None:
    alphabet = "abc </>think\n"
    reasoning = "".join(rnd.choice(alphabet) for _ in range(thinking)).replace("</think>", "")
    answer = "R" + "".join(rnd.choice(alphabet) for _ in range(answering))
    content = f"<think>{reasoning}</think>\n{answer}"
    got_answer, got_reasoning = feed_all(content, cuts)
    assert got_answer == answer
    assert got_reasoning == reasoning


def test_one_character_chunks_of_the_largest_content_stay_linear() -> None:
    content = (
        "<think>" + "pensée " * (MAX_CONTENT // 7) + "</think>" + "réponse " * (MAX_CONTENT // 8)
    )
    started = time.thread_time()  # CPU of this thread, not wall time: immune to load
    split = SplitStream()
    text = ""  # as the LLM client keeps it: a running text, grown in place
    for ch in content:
        text += split.content(ch)
    text += split.finish()
    elapsed = time.thread_time() - started
    assert text == split.answer
    assert text.startswith("réponse ") and "pensée" not in text
    assert split.reasoning_chars == len("pensée " * (MAX_CONTENT // 7))
    # Bounded in memory: only the end of the thinking is kept.
    assert len(split.reasoning) == MAX_REASONING_CHARS
    assert elapsed < 5, elapsed


def test_a_tag_in_the_answer_is_left_alone() -> None:
    splitter = ThinkSplitter()
    answer, reasoning = splitter.feed("La balise <think> sert à…")
    assert (answer, reasoning) == ("La balise <think> sert à…", "")
    # A cut opening tag at the very end of a stream is text after all.
    split = SplitStream()
    split.content("<thi")
    split.finish()
    assert split.answer == "<thi" and split.reasoning == ""


def test_fields_and_typed_chunks() -> None:
    split = SplitStream()
    split.delta({"reasoning_content": "Je pèse ", "content": None})
    split.delta({"reasoning": "le pour.", "content": ""})
    split.delta(
        {
            "content": [
                {"type": "thinking", "thinking": [{"type": "text", "text": " Et le contre."}]}
            ]
        }
    )
    split.delta({"content": [{"type": "text", "text": "Voici."}]})
    split.delta({"content": " Fin."})
    split.finish()
    assert split.answer == "Voici. Fin."
    assert split.reasoning == "Je pèse le pour. Et le contre."


def test_folded_markup_escapes_and_quotes() -> None:
    plain, folded = reasoning_markup("Première idée <script>\n\nSeconde idée", cut=True)
    assert folded.startswith("<details><summary>") and "</summary>" in folded
    assert "&lt;script&gt;" in folded and "<script>" not in folded
    assert plain.startswith("> " + texts.REASONING_SUMMARY)
    assert all(line.startswith(">") for line in plain.splitlines())
    long_plain, _ = reasoning_markup("x" * 10_000, cut=False)
    assert len(long_plain) < 400


# The real client reads each shape from the fake server ----------------------------------------


@pytest.fixture
async def server() -> AsyncIterator[FakeLLM]:
    fake = FakeLLM()
    await fake.start()
    yield fake
    await fake.stop()


@pytest.mark.parametrize("shape", REASONING_SHAPES)
async def test_the_client_never_hands_the_thinking_as_text(server: FakeLLM, shape: str) -> None:
    thinking = "L'agent demande une date. Je vérifie le calendrier </thin puis je conclus."
    server.enqueue(Reply(text="Le 14 juillet.", reasoning=thinking, reasoning_shape=shape))
    llm = LLMClient(
        LLMConfig(base_url=server.base_url, api_key=SecretStr("test"), retry_backoff=0, timeout=5)
    )
    seen: list[str] = []
    progress: list[int] = []

    async def on_text(text: str) -> None:
        seen.append(text)

    async def on_reasoning(chars: int) -> None:
        progress.append(chars)

    try:
        completion = await llm.stream_chat(
            [{"role": "user", "content": "Quelle date ?"}],
            "m",
            on_text,
            on_reasoning=on_reasoning,
        )
    finally:
        await llm.close()
    assert completion.text == "Le 14 juillet."
    assert completion.reasoning == thinking
    assert progress and progress[-1] <= len(thinking)
    assert seen and all("vérifie" not in s and "think" not in s for s in seen)


async def test_a_title_leaves_the_thinking_out(server: FakeLLM) -> None:
    server.titles.append("<think>Un titre court, sur les congés.</think>\n\nCongés d'été")
    llm = LLMClient(
        LLMConfig(base_url=server.base_url, api_key=SecretStr("test"), retry_backoff=0, timeout=5)
    )
    try:
        title = await llm.complete(
            [{"role": "user", "content": "Titre ?"}], "m", max_tokens=20, purpose="title"
        )
    finally:
        await llm.close()
    assert title == "Congés d'été"
