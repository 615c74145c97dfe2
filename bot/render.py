"""Markdown to the HTML subset Matrix clients display, and splitting long answers."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

# markdown-it escapes raw HTML (html=False) and drops javascript: links by itself; what it
# produces beyond Matrix's allowed tags is only the odd attribute, which clients ignore.
_md = MarkdownIt("commonmark", {"html": False, "breaks": True, "linkify": False}).enable(
    ["table", "strikethrough"]
)

_FENCE = re.compile(r"^(\s{0,3})(`{3,}|~{3,})(.*)$")


def markdown_to_html(text: str) -> str:
    return str(_md.render(text)).rstrip("\n")


def _cut_point(text: str, limit: int) -> int:
    """Where to cut `text` so the first part has at most `limit` characters."""
    window = text[:limit]
    for separator in ("\n\n", "\n", " "):
        index = window.rfind(separator)
        if index > limit // 4:
            return index
    return limit


def _open_fence(text: str) -> str | None:
    """The fence line left open at the end of `text`, if any."""
    fence: str | None = None
    for line in text.splitlines():
        match = _FENCE.match(line)
        if not match:
            continue
        if fence is None:
            fence = line.strip()
        elif match.group(2)[0] == fence[0] and not match.group(3).strip():
            fence = None
    return fence


def split_message(text: str, limit: int) -> list[str]:
    """Parts of at most `limit` characters, cut at paragraphs, lines or spaces.

    A fenced code block cut in two is closed at the end of one part and reopened with the same
    info string at the start of the next, so each part renders on its own.
    """
    if limit < 20:
        raise ValueError("limit too small")
    parts: list[str] = []
    rest = text.strip()
    reopen = ""
    while rest:
        rest = reopen + rest if reopen else rest
        if len(rest) <= limit:
            parts.append(rest)
            break
        budget = limit - 4  # room for a closing fence
        cut = _cut_point(rest, budget)
        head, rest = rest[:cut].rstrip(), rest[cut:].strip()
        fence = _open_fence(head)
        if fence is not None:
            marker = re.match(r"(`{3,}|~{3,})", fence)
            head += "\n" + (marker.group(1) if marker else "```")
            reopen = fence + "\n"
        else:
            reopen = ""
        parts.append(head)
    return [p for p in parts if p.strip()]
