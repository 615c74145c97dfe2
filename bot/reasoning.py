"""Reasoning models: their thinking told apart from their answer, as it streams.

A reasoning model thinks before it answers, in one of three shapes: text between `<think>` and
`</think>` at the start of the content (Qwen, DeepSeek-R1 served without a reasoning parser),
split across chunks at any point, the tags included; a `reasoning_content` (vLLM, DeepSeek) or
`reasoning` (OpenRouter, vLLM since 0.10) field beside the content; or, on Mistral's API
(Magistral), a content that is a list of typed chunks, `{"type": "thinking", "thinking":
[{"type": "text", "text": …}]}` before `{"type": "text", "text": …}`. The answer never shows the
thinking raw, and the thinking kept in memory is bounded.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

OPEN_TAG = "<think>"
CLOSE_TAG = "</think>"
# Characters of reasoning kept (its end: where the model concludes) for an agent who asked to
# see it; the rest is only counted.
MAX_REASONING_CHARS = 4000
# Typed chunks read in one delta (Mistral sends one or two).
_MAX_PARTS = 64


def _held_prefix(text: str, tag: str) -> int:
    """Length of the longest end of `text` that begins `tag` (held until the next chunk)."""
    for size in range(min(len(tag) - 1, len(text)), 0, -1):
        if text.endswith(tag[:size]):
            return size
    return 0


@dataclass
class ThinkSplitter:
    """Splits streamed content into answer and reasoning, chunk by chunk.

    `<think>` counts only before any visible character of the answer (so an answer that writes
    about the tag is left alone); `</think>` ends the reasoning. At most a tag's length is held
    back between chunks, so the work is linear in the content whatever the splits.
    """

    # start: nothing visible yet; think: inside the tag; gap: after it, before the answer's
    # first visible character; answer: the rest, as it comes.
    state: str = "start"
    _held: str = ""

    def feed(self, piece: str) -> tuple[str, str]:
        """(answer text, reasoning text) that `piece` completes."""
        text = self._held + piece
        self._held = ""
        answer = reasoning = ""
        while text:
            if self.state == "answer":
                answer = text
                break
            if self.state in ("start", "gap"):
                stripped = text.lstrip()
                if not stripped:
                    break  # whitespace before the answer: dropped
                if self.state == "start":
                    if stripped.startswith(OPEN_TAG):
                        self.state = "think"
                        text = stripped[len(OPEN_TAG) :]
                        continue
                    if OPEN_TAG.startswith(stripped):
                        self._held = stripped  # maybe the tag, cut by the chunk's end
                        break
                self.state = "answer"
                text = stripped
                continue
            # Thinking: everything up to the closing tag.
            end = text.find(CLOSE_TAG)
            if end >= 0:
                reasoning += text[:end]
                self.state = "gap"
                text = text[end + len(CLOSE_TAG) :]
                continue
            held = _held_prefix(text, CLOSE_TAG)
            if held:
                reasoning += text[:-held]
                self._held = text[-held:]
            else:
                reasoning += text
            break
        return answer, reasoning

    def finish(self) -> tuple[str, str]:
        """What was held back, once the stream ended: a cut tag is text after all."""
        held, self._held = self._held, ""
        if self.state == "think":
            return "", held
        return held, ""


@dataclass
class SplitStream:
    """The whole stream's answer and its (bounded) reasoning, fed delta by delta."""

    max_reasoning: int = MAX_REASONING_CHARS
    answer_chars: int = 0
    reasoning_chars: int = 0  # all the reasoning's characters, kept or not
    _answer: list[str] = field(default_factory=list)
    _reasoning: str = ""
    _think: ThinkSplitter = field(default_factory=ThinkSplitter)

    @property
    def answer(self) -> str:
        """The answer so far (joined on each call: callers keep their own running text)."""
        return "".join(self._answer)

    def _answer_more(self, text: str) -> str:
        if text:
            self._answer.append(text)
            self.answer_chars += len(text)
        return text

    @property
    def reasoning(self) -> str:
        """The end of the reasoning, at most `max_reasoning` characters."""
        return self._reasoning[-self.max_reasoning :] if self.max_reasoning else ""

    @property
    def reasoning_cut(self) -> bool:
        return self.reasoning_chars > len(self.reasoning)

    def _think_more(self, text: str) -> None:
        if not text:
            return
        self.reasoning_chars += len(text)
        if self.max_reasoning <= 0:
            return  # only counted
        self._reasoning += text
        # Amortised: trimmed once it holds twice the bound.
        if len(self._reasoning) > 2 * self.max_reasoning:
            self._reasoning = self._reasoning[-self.max_reasoning :]

    def content(self, piece: str) -> str:
        """A piece of the content field (a string); the answer text it adds."""
        answer, reasoning = self._think.feed(piece)
        self._think_more(reasoning)
        return self._answer_more(answer)

    def thinking(self, piece: str) -> None:
        """A piece of a reasoning field or chunk."""
        self._think_more(piece)

    def delta(self, delta: Any) -> str:
        """One streamed delta, in any of the three shapes (an object or a mapping); the answer
        text it adds."""
        for name in ("reasoning_content", "reasoning"):
            value = _field(delta, name)
            if isinstance(value, str):
                self.thinking(value)
                break
        content = _field(delta, "content")
        if isinstance(content, str):
            return self.content(content)
        added = ""
        if isinstance(content, Sequence) and not isinstance(content, bytes | bytearray):
            for part in list(content)[:_MAX_PARTS]:
                added += self._typed_chunk(part)
        return added

    def _typed_chunk(self, part: object) -> str:
        kind = _field(part, "type")
        if kind == "text":
            text = _field(part, "text")
            if isinstance(text, str):
                return self.content(text)
        elif kind == "thinking":
            inner = _field(part, "thinking")
            if isinstance(inner, str):
                self.thinking(inner)
            elif isinstance(inner, Sequence) and not isinstance(inner, bytes | bytearray):
                for sub in list(inner)[:_MAX_PARTS]:
                    text = _field(sub, "text")
                    if isinstance(text, str):
                        self.thinking(text)
        return ""

    def finish(self) -> str:
        """The stream ended; the answer text held back until now."""
        answer, reasoning = self._think.finish()
        self._think_more(reasoning)
        return self._answer_more(answer)


def _field(value: object, name: str) -> object:
    """`name` of a streamed chunk's part: a dict (the stream read raw), any mapping, or an
    object (the openai client's typed messages, extra fields included)."""
    if type(value) is dict:  # the common case, checked first: once per field of every chunk
        return value.get(name)
    if isinstance(value, Mapping):
        return value.get(name)
    found = getattr(value, name, None)
    if found is None:
        extra = getattr(value, "model_extra", None)  # pydantic keeps unknown fields here
        if isinstance(extra, Mapping):
            return extra.get(name)
    return found
