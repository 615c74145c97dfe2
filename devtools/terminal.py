"""The bot's Markdown for a terminal: ANSI styles on a TTY, plain text elsewhere."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable
from typing import TextIO

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

# The options of bot/render.py, so that the terminal reads the Markdown as Matrix clients do.
_md = MarkdownIt("commonmark", {"html": False, "breaks": True}).enable(["table", "strikethrough"])

# Model output is hostile input: an ESC or another control character printed as is would let
# an answer move the cursor, retitle the window or worse. Tabs and newlines are kept.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_ALIGN = re.compile(r"text-align:\s*(left|right|center)")

_BULLETS = ("•", "◦", "▪")
_CODE_INDENT = "    "
_QUOTE_BAR = "│ "
_RULE_WIDTH = 40


def use_style(stream: TextIO) -> bool:
    """ANSI styles only on a terminal, and never when NO_COLOR is set (no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or odd stream
        return False


def sanitize(text: str) -> str:
    """`text` without the control characters a terminal would interpret."""
    return _CONTROL.sub("", text.replace("\r\n", "\n"))


def display_width(text: str) -> int:
    """Columns `text` takes in a terminal: ANSI codes and combining marks take none, wide
    (East Asian, most emoji) characters two."""
    width = 0
    for char in _ANSI.sub("", text):
        if unicodedata.combining(char) or char in "\u200d\ufe0e\ufe0f":
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def render(markdown: str, *, styled: bool) -> str:
    """`markdown` as terminal text: bold, italics and code with ANSI codes when `styled`;
    headings, bullets, indented code, `text (url)` links and aligned tables either way."""
    root = SyntaxTreeNode(_md.parse(sanitize(markdown)))
    return _Renderer(styled).blocks(root.children)


def stable_prefix(markdown: str) -> str:
    """The start of a message still being written that later text cannot change: its
    complete blocks, i.e. all but the last one, and the finished items of a list still
    growing. Rendered, it is a prefix of the rendering of the whole message."""
    markdown = sanitize(markdown)  # as render() reads it, line for line
    tokens = _md.parse(markdown)
    blocks = [t for t in tokens if t.level == 0 and t.nesting >= 0 and t.map is not None]
    if not blocks:
        return ""
    last = blocks[-1].map[0] if blocks[-1].map else 0
    if blocks[-1].type in ("bullet_list_open", "ordered_list_open"):
        items = [
            t.map[0]
            for t in tokens
            if t.type == "list_item_open" and t.level == 1 and t.map and t.map[0] >= last
        ]
        last = items[-1] if items else last
    lines = markdown.split("\n")
    return "\n".join(lines[:last]).rstrip()


class _Renderer:
    def __init__(self, styled: bool) -> None:
        self.styled = styled

    def _style(self, text: str, on: str, off: str) -> str:
        return f"\x1b[{on}m{text}\x1b[{off}m" if self.styled and text else text

    # -- blocks: each renders to lines ---------------------------------------------------

    def blocks(self, nodes: list[SyntaxTreeNode], *, tight: bool = False) -> str:
        rendered = [self.block(node) for node in nodes]
        return ("\n" if tight else "\n\n").join(text for text in rendered if text)

    def block(self, node: SyntaxTreeNode) -> str:
        handler: Callable[[SyntaxTreeNode], str] | None = getattr(
            self, f"_block_{node.type}", None
        )
        if handler is not None:
            return handler(node)
        if node.children:  # anything a plugin might add: its content at least
            return self.blocks(node.children)
        return node.content.rstrip("\n")

    def _block_paragraph(self, node: SyntaxTreeNode) -> str:
        return self.inline(node)

    def _block_heading(self, node: SyntaxTreeNode) -> str:
        text = self.inline(node)
        level = int(node.tag[1:]) if node.tag[1:].isdigit() else 6
        if level <= 2:
            rule = ("═" if level == 1 else "─") * max(display_width(text), 3)
            return f"{self._style(text, '1', '22')}\n{rule}"
        return self._style(text, "1", "22")

    def _block_bullet_list(self, node: SyntaxTreeNode) -> str:
        depth, parent = 0, node.parent
        while parent is not None:
            depth += parent.type in ("bullet_list", "ordered_list")
            parent = parent.parent
        bullet = _BULLETS[depth % len(_BULLETS)]
        return self._list(node, lambda _: bullet)

    def _block_ordered_list(self, node: SyntaxTreeNode) -> str:
        start = node.attrs.get("start", 1)
        first = start if isinstance(start, int) else 1
        return self._list(node, lambda index: f"{first + index}.")

    def _list(self, node: SyntaxTreeNode, marker: Callable[[int], str]) -> str:
        # A tight list's paragraphs are hidden tokens: items then follow each other directly.
        tight = any(
            child.type == "paragraph" and child.hidden
            for item in node.children
            for child in item.children
        )
        items: list[str] = []
        for index, item in enumerate(node.children):
            mark = marker(index) + " "
            pad = " " * len(mark)
            body = self.blocks(item.children, tight=tight).split("\n")
            lines = [mark + body[0]] + [pad + line if line else "" for line in body[1:]]
            items.append("\n".join(lines))
        return ("\n" if tight else "\n\n").join(items)

    def _block_fence(self, node: SyntaxTreeNode) -> str:
        return self._code(node.content)

    def _block_code_block(self, node: SyntaxTreeNode) -> str:
        return self._code(node.content)

    def _code(self, content: str) -> str:
        lines = content.rstrip("\n").split("\n")
        return "\n".join(
            _CODE_INDENT + self._style(line, "36", "39") if line else "" for line in lines
        )

    def _block_blockquote(self, node: SyntaxTreeNode) -> str:
        bar = self._style(_QUOTE_BAR, "2", "22")
        return "\n".join(bar + line for line in self.blocks(node.children).split("\n"))

    def _block_hr(self, node: SyntaxTreeNode) -> str:
        return "─" * _RULE_WIDTH

    def _block_table(self, node: SyntaxTreeNode) -> str:
        rows: list[tuple[bool, list[str], list[str]]] = []
        for section in node.children:
            for row in section.children:
                texts = [self.inline(cell) for cell in row.children]
                aligns = [_alignment(cell) for cell in row.children]
                rows.append((section.type == "thead", texts, aligns))
        columns = max((len(texts) for _, texts, _ in rows), default=0)
        widths = [0] * columns
        for _, texts, _ in rows:
            for index, text in enumerate(texts):
                widths[index] = max(widths[index], display_width(text))
        lines: list[str] = []
        for is_header, texts, aligns in rows:
            padded = [
                _pad(
                    texts[index] if index < len(texts) else "",
                    widths[index],
                    aligns[index] if index < len(aligns) else "left",
                )
                for index in range(columns)
            ]
            if is_header:
                padded = [self._style(text, "1", "22") for text in padded]
            lines.append(" │ ".join(padded).rstrip())
            if is_header:
                lines.append("─┼─".join("─" * width for width in widths))
        return "\n".join(lines)

    # -- inline: a string ---------------------------------------------------------------

    def inline(self, node: SyntaxTreeNode) -> str:
        """The text of a block's inline content (a paragraph, a heading, a table cell)."""
        return "".join(self._span(child) for child in _inline_children(node))

    def _span(self, node: SyntaxTreeNode) -> str:
        inner = "".join(self._span(child) for child in node.children)
        match node.type:
            case "text" | "html_inline":
                return node.content
            case "softbreak" | "hardbreak":
                return "\n"
            case "strong":
                return self._style(inner, "1", "22")
            case "em":
                return self._style(inner, "3", "23")
            case "s":
                return self._style(inner, "9", "29") if self.styled else f"~~{inner}~~"
            case "code_inline":
                return (
                    self._style(node.content, "36", "39") if self.styled else f"`{node.content}`"
                )
            case "link":
                return self._link(inner, str(node.attrs.get("href", "")))
            case "image":
                return self._link(inner or node.content, str(node.attrs.get("src", "")))
            case _:
                return inner or node.content

    def _link(self, text: str, url: str) -> str:
        shown = _ANSI.sub("", text)
        if not url or url in (shown, f"mailto:{shown}"):
            return self._style(text or url, "4", "24")
        return f"{self._style(text, '4', '24')} ({url})" if text else url


def _inline_children(node: SyntaxTreeNode) -> list[SyntaxTreeNode]:
    children: list[SyntaxTreeNode] = []
    for child in node.children:
        children.extend(child.children if child.type == "inline" else [child])
    return children


def _alignment(cell: SyntaxTreeNode) -> str:
    match = _ALIGN.search(str(cell.attrs.get("style", "")))
    return match.group(1) if match else "left"


def _pad(cell: str, width: int, align: str) -> str:
    space = width - display_width(cell)
    if align == "right":
        return " " * space + cell
    if align == "center":
        return " " * (space // 2) + cell + " " * (space - space // 2)
    return cell + " " * space
