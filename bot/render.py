"""Markdown to the HTML subset Matrix clients display, and splitting long answers in parts."""

from __future__ import annotations

import importlib.util
import logging
import re
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token

log = logging.getLogger(__name__)

_LINK_SCHEMES = ("http://", "https://", "mailto:")
# linkify-it-py is optional: markdown-it only turns bare URLs into links when it is installed.
_LINKIFY = importlib.util.find_spec("linkify_it") is not None


class _MatrixMarkdown(MarkdownIt):
    def validateLink(self, url: str) -> bool:
        # Relative links mean nothing in a chat, and other schemes can be harmful.
        return url.lower().startswith(_LINK_SCHEMES)


# html=False: raw HTML typed by the model is shown as text, not interpreted by clients.
# breaks=True: a single newline is a line break, as chat users expect.
_md = _MatrixMarkdown("commonmark", {"html": False, "breaks": True, "linkify": _LINKIFY}).enable(
    ["table", "strikethrough", *(["linkify"] if _LINKIFY else [])]
)


def _image_as_link(image: Token) -> list[Token]:
    # Matrix only displays mxc:// images; an outside image becomes a link to it.
    src = str(image.attrs.get("src", ""))
    link_open = Token("link_open", "a", 1, attrs={"href": src})
    if image.attrs.get("title"):
        link_open.attrs["title"] = image.attrs["title"]
    label = list(image.children or []) or [Token("text", "", 0, content=src)]
    return [link_open, *label, Token("link_close", "a", -1)]


# A web address shown in a link's text (scheme optional): the text claims a destination.
_SHOWN_HOST = re.compile(
    r"(?i)(?:[a-z][a-z0-9+.-]{0,20}://)?((?:[a-z0-9-]{1,63}\.){1,20}[a-z]{2,63})"
)


def _host(url: str) -> str:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.lower().removeprefix("www.")


def _with_real_destination(tokens: list[Token]) -> list[Token]:
    """A link whose text shows one address and points to another also shows where it really
    goes: `[impots.gouv.fr](https://ailleurs.example)` reads
    « impots.gouv.fr (→ ailleurs.example) »."""
    result: list[Token] = []
    href: str | None = None
    shown: list[str] = []
    for token in tokens:
        result.append(token)
        if token.type == "link_open":
            href, shown = str(token.attrs.get("href", "")), []
        elif token.type == "link_close" and href is not None:
            real = _host(href)
            claimed = {
                m.group(1).lower().removeprefix("www.")
                for m in _SHOWN_HOST.finditer("".join(shown)[:2000])
            }
            if real and claimed and real not in claimed:
                result.append(Token("text", "", 0, content=f" (→ {real})"))
            href = None
        elif href is not None and token.type in ("text", "code_inline"):
            shown.append(token.content)
    return result


def _to_matrix_tokens(tokens: Sequence[Token]) -> list[Token]:
    result: list[Token] = []
    for token in tokens:
        if token.type == "image":
            result.extend(_image_as_link(token))
            continue
        if token.type in ("s_open", "s_close"):
            token.tag = "del"  # the strikethrough tag of the Matrix spec
        elif token.type in ("th_open", "td_open"):
            token.attrs.pop("style", None)  # alignment styles are stripped by clients anyway
        if token.children:
            token.children = _with_real_destination(_to_matrix_tokens(token.children))
        result.append(token)
    return result


def markdown_to_html(text: str) -> str:
    """The `formatted_body` of an `org.matrix.custom.html` message for Markdown `text`."""
    env: dict[str, object] = {}
    tokens = _to_matrix_tokens(_md.parse(text, env))
    return str(_md.renderer.render(tokens, _md.options, env)).rstrip("\n")


# Splitting -----------------------------------------------------------------------------------

# Fences are recognised at any indentation: models indent them inside list items.
_FENCE_OPEN = re.compile(r"^[ \t]*(`{3,}|~{3,})(.*)$")
_FENCE_CLOSE = re.compile(r"^[ \t]*(`{3,}|~{3,})[ \t]*$")


@dataclass
class _Block:
    """A paragraph (lines up to a blank line) or a fenced code block, as a span of the text."""

    start: int
    end: int
    fenced: bool = False
    closed: bool = False  # a fenced block has its closing fence


def _fence_marker(line: str) -> str | None:
    """The fence ("```", "~~~~"...) that `line` opens, if it opens one."""
    match = _FENCE_OPEN.match(line)
    if match is None:
        return None
    marker, info = match.groups()
    if marker[0] == "`" and "`" in info:
        return None  # inline code such as ```x```, not a fence
    return marker


def _closes(line: str, marker: str) -> bool:
    match = _FENCE_CLOSE.match(line)
    return (
        match is not None and match.group(1)[0] == marker[0] and len(match.group(1)) >= len(marker)
    )


def _blocks(text: str) -> list[_Block]:
    lines = text.split("\n")
    offsets: list[int] = []
    position = 0
    for line in lines:
        offsets.append(position)
        position += len(line) + 1

    def span(first: int, last: int) -> tuple[int, int]:
        return offsets[first], offsets[last] + len(lines[last])

    blocks: list[_Block] = []
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        marker = _fence_marker(lines[i])
        if marker is not None:
            j = i + 1
            while j < len(lines) and not _closes(lines[j], marker):
                j += 1
            closed = j < len(lines)
            last = j if closed else len(lines) - 1
            while last > i and not lines[last].strip():
                last -= 1
            blocks.append(_Block(*span(i, last), fenced=True, closed=closed))
            i = last + 1
            continue
        # A fence interrupts a paragraph even without a blank line before it.
        j = i
        while j + 1 < len(lines) and lines[j + 1].strip() and _fence_marker(lines[j + 1]) is None:
            j += 1
        blocks.append(_Block(*span(i, j)))
        i = j + 1
    return blocks


def _starting_a_part(text: str) -> str:
    # The list item it belonged to stayed in the previous part: left indented, it would be code.
    return textwrap.dedent(text).strip()


Check = Callable[[str], bool]


@dataclass
class _Atom:
    """A piece of the text that a part takes whole: a block, else a line, a word, a character.

    `sep` joins it to the atom before it when both are in one part; at a cut it is dropped.
    """

    sep: str
    text: str
    level: int  # 0 block, 1 line, 2 word, 3 character
    fence: _Block | None = None  # a fenced code block (level 0)


_FINER = ("\n", " ", "")  # what separates the atoms of the next level


def _finer(atom: _Atom) -> list[_Atom] | None:
    """The atom as atoms of the next level, or None for a single character."""
    if atom.level >= len(_FINER) or len(atom.text) <= 1:
        return None
    separator = _FINER[atom.level]
    pieces = atom.text.split(separator) if separator else list(atom.text)
    return [
        _Atom(atom.sep if index == 0 else separator, piece, atom.level + 1)
        for index, piece in enumerate(pieces)
    ]


def _longest(good: int, end: int, build: Callable[[int], str], ok: Check) -> int:
    """The largest `j` below `end` whose `build(j)` passes `ok`, knowing that `build(good)` does.

    Galloping then bisection: a few checks per part however many atoms it holds, which matters
    when a check renders the part. A check that is not monotone still yields a part that passed.
    """
    step, bad = 1, end
    while good + step < end:
        if not ok(build(good + step)):
            bad = good + step
            break
        good += step
        step *= 2
    while bad - good > 1:
        middle = (good + bad) // 2
        if ok(build(middle)):
            good = middle
        else:
            bad = middle
    return good


def _joined(atoms: list[_Atom], start: int, end: int) -> str:
    """Atoms start..end (inclusive) as one text, the first one's separator dropped."""
    if end < start:
        return ""
    return atoms[start].text + "".join(a.sep + a.text for a in atoms[start + 1 : end + 1])


def _cut_code(block_text: str, closed: bool, ok: Check) -> list[str] | None:
    """A code block too big for one part, cut between lines, each part closed and reopened.

    None when no part can hold the fences and one character (an absurdly long info string).
    """
    # Unindented, the fence renders the same at the start of any part, list item or not.
    lines = textwrap.dedent(block_text).split("\n")
    opening = lines[0].strip()
    marker = _fence_marker(opening) or "```"
    body = lines[1:-1] if closed else lines[1:]
    closing = lines[-1].strip() if closed else ""

    def wrap(code: str, last: bool) -> str:
        if not last:
            return f"{opening}\n{code}\n{marker}"
        return f"{opening}\n{code}" + (f"\n{closing}" if closed else "")

    if not (ok(wrap("x", False)) and ok(wrap("x", True))):
        return None
    atoms = [_Atom("\n", line, 1) for line in body] or [_Atom("", "", 1)]
    pieces: list[str] = []
    i = 0
    while i < len(atoms):
        last = len(atoms) - 1
        if not ok(wrap(atoms[i].text, i == last)):
            finer = _finer(atoms[i])
            if finer is None:
                return None
            atoms[i : i + 1] = finer
            continue
        start = i

        def build(j: int, start: int = start, last: int = last) -> str:
            return wrap(_joined(atoms, start, j), j == last)

        i = _longest(start, len(atoms), build, ok) + 1
        if _joined(atoms, start, i - 1).strip() or (i == len(atoms) and not pieces):
            pieces.append(build(i - 1))
    return pieces


def split_message(text: str, limit: int, fits: Check | None = None) -> list[str]:
    """Parts of at most `limit` characters that each pass `fits` (the size of the event that
    will carry it), cut at blank lines, else line breaks, else spaces, else anywhere.

    A fenced code block that fits in a part is never cut. One that does not is cut between lines,
    closed at the end of a part and reopened with the same info string at the start of the next,
    so each part renders on its own. Whitespace at the cuts is dropped. Parts are filled from the
    start, so while an answer streams in, the parts already complete mostly stay as they were.
    `fits` is called on candidate parts only (a few per part, see `_longest`): it may render.
    """
    if limit < 1:
        raise ValueError(f"limit must be positive, got {limit}")

    def ok(part: str) -> bool:
        return len(part) <= limit and (fits is None or fits(part))

    text = text.rstrip()
    if not text.strip():
        return []
    if ok(text):
        return [text]
    atoms: list[_Atom] = []
    previous_end = 0
    for block in _blocks(text):
        fence = block if block.fenced else None
        atoms.append(
            _Atom(text[previous_end : block.start], text[block.start : block.end], 0, fence)
        )
        previous_end = block.end
    parts: list[str] = []
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        head = _starting_a_part(atom.text) if parts else atom.text.rstrip()
        if not head.strip():
            i += 1
            continue
        if not ok(head):
            pieces = _cut_code(head, atom.fence.closed, ok) if atom.fence else None
            if pieces is None:
                finer = _finer(atom)
                if finer is None:  # one character that does not pass: nothing smaller exists
                    parts.append(head)
                    i += 1
                    continue
                atoms[i : i + 1] = finer
                continue
            parts.extend(pieces[:-1])
            head = pieces[-1]
        start = i + 1

        def build(j: int, head: str = head, start: int = start) -> str:
            if j < start:
                return head
            return (head + atoms[start].sep + _joined(atoms, start, j)).rstrip()

        end = _longest(start - 1, len(atoms), build, ok)
        parts.append(build(end))
        i = end + 1
    return parts
