"""The legacy reply fallback (Matrix spec v1.13, "stripping the fallback"), removed on arrival.

Tchap web (Element) still prefixes a reply with the replied-to message: in `body`, lines
`> <@sender:server> first line` / `> next line` and a blank line; in `formatted_body`, an
`<mx-reply><blockquote>…</blockquote></mx-reply>` block. That copy cannot be trusted and must
reach neither the command parser nor the model (the replied-to answer is quoted once, from the
bot's own store). Both strippers are single passes over the text: bodies are untrusted and up to
64 KiB.
"""

from __future__ import annotations

import re

FALLBACK_PREFIX = "> "
# The first fallback line names the replied-to sender: `> <@a:b> …`, `> * <@a:b> …` for an emote.
_FIRST_LINES = ("> <", "> * <")
_MX_REPLY_TAG = re.compile(r"<(/?)mx-reply(?=[\s/>])", re.IGNORECASE)


def strip_plain_fallback(body: str) -> str:
    """`body` without its leading fallback lines (and the blank line after them).

    Only a fallback that looks like one is removed: the first line must name a sender, so a
    reply whose own text starts with a quote the agent typed keeps it (after the fallback's
    blank line, the stripping stops at the first line without the prefix).
    """
    if not body.startswith(_FIRST_LINES):
        return body
    position = 0
    while body.startswith(FALLBACK_PREFIX, position):
        end = body.find("\n", position)
        if end < 0:
            return ""  # nothing but the fallback
        position = end + 1
    if body.startswith("\n", position):
        position += 1
    return body[position:]


def strip_html_fallback(html: str) -> str | None:
    """`formatted_body` without its `<mx-reply>` elements (nested ones included).

    None when an `<mx-reply>` is never closed: the HTML cannot be trusted, the plain body is
    used instead.
    """
    match = _MX_REPLY_TAG.search(html)
    if match is None:
        return html
    kept: list[str] = []
    position = 0
    while match is not None:
        if match.group(1):  # a stray closing tag: drop the tag, keep the text
            kept.append(html[position : match.start()])
            end = html.find(">", match.end())
            position = len(html) if end < 0 else end + 1
            match = _MX_REPLY_TAG.search(html, position)
            continue
        kept.append(html[position : match.start()])
        depth = 0
        closed = False
        for tag in _MX_REPLY_TAG.finditer(html, match.start()):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                end = html.find(">", tag.end())
                position = len(html) if end < 0 else end + 1
                closed = True
                break
        if not closed:
            return None
        match = _MX_REPLY_TAG.search(html, position)
    kept.append(html[position:])
    return "".join(kept)


def strip_reply_fallback(body: str, html: str | None) -> tuple[str, str | None]:
    """(body, formatted_body) of a reply without the fallback copy of the replied-to message.

    Call it only for an event that has `m.in_reply_to`: elsewhere a leading `> ` is a quote.
    """
    stripped_html = strip_html_fallback(html) if html is not None else None
    return strip_plain_fallback(body), stripped_html
