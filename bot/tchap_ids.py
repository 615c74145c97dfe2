"""Tchap Matrix IDs: homeserver, e-mail domain, external flag; user ids in commands and pills."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from html import unescape
from urllib.parse import unquote

# Non-agents (partners, contractors) live on this homeserver.
EXTERNAL_HOMESERVER = "agent.externe.tchap.gouv.fr"
# From the start of the last run of digits only: tried at every digit of "1111…1x", it would take
# time quadratic in the length of an id typed in a command.
_TRAILING_DIGITS = re.compile(r"(?<!\d)\d+$")
# A user id as typed in a command; the server part may carry a port.
USER_ID = re.compile(r"@[A-Za-z0-9._=/+\-]+:[A-Za-z0-9.\-]+(?::\d+)?")
# A link to a user, as a pill's href or pasted in a command: a permalink on any host
# (`https://matrix.to/#/@id`; Tchap web's prefix is https://tchap.gouv.fr, and it writes
# `…/#/@id` today, `…/#/user/@id` in older versions), or a `matrix:u/localpart:server` URI
# (spec, "matrix: URI scheme"). Ids may be percent-encoded; the query (`?via=`, `?action=`) is
# dropped; a comma after a link is not part of it. Each start is at "http" or "matrix:" and no
# part runs past a space or a "/", so a scan is linear.
_LINK = re.compile(
    r"(?:https?://[^\s/?#<>\"']+/#/(?:user/)?(?P<id>(?:@|%40)[^\s/?#<>\"',;)]+)"
    r"|matrix:(?://[^\s/?#<>\"']*/)?u/(?P<local>[^\s/?#<>\"',;)]+))"
    r"(?:\?[^\s<>\"']*)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TchapId:
    user_id: str
    localpart: str
    homeserver: str
    domain: str | None  # the e-mail domain, when one of the known domains matches
    external: bool


def is_external(homeserver: str) -> bool:
    host = homeserver.lower()
    return host == EXTERNAL_HOMESERVER or host.startswith("agent.externe.")


def match_domain(localpart: str, domains: Iterable[str]) -> str | None:
    """The known domain the localpart ends with (`-<domain>`), collision digits ignored.

    Dashes occur on both sides of the separator, so a domain is matched as a suffix, never
    found by splitting; the longest matching domain wins (`dev-durable.gouv.fr` over `gouv.fr`).
    """
    lowered = localpart.lower()
    candidates = [lowered]
    stripped = _TRAILING_DIGITS.sub("", lowered)
    if stripped != lowered:
        candidates.append(stripped)
    best: str | None = None
    for domain in domains:
        domain = domain.lower().strip()
        if not domain:
            continue
        for candidate in candidates:
            suffix = "-" + domain
            matches = candidate.endswith(suffix) and len(candidate) > len(suffix)
            if matches and (best is None or len(domain) > len(best)):
                best = domain
    return best


def parse_tchap_id(user_id: str, domains: Iterable[str] = ()) -> TchapId:
    body = user_id[1:] if user_id.startswith("@") else user_id
    localpart, _, homeserver = body.partition(":")
    homeserver = homeserver.lower()
    return TchapId(
        user_id=user_id,
        localpart=localpart,
        homeserver=homeserver,
        domain=match_domain(localpart, domains),
        external=is_external(homeserver),
    )


def link_user_id(link: str) -> str | None:
    """The user id a permalink or a `matrix:u/` URI points to, if it is one."""
    match = _LINK.fullmatch(link.strip())
    return _linked_id(match) if match else None


def _linked_id(match: re.Match[str]) -> str | None:
    if match.group("id") is not None:
        user_id = unquote(match.group("id"))
    else:
        user_id = "@" + unquote(match.group("local"))
    return user_id if USER_ID.fullmatch(user_id) else None


def links_to_ids(text: str) -> str:
    """The text with each link to a user replaced by the user's id (other links unchanged)."""

    def replace(match: re.Match[str]) -> str:
        return _linked_id(match) or match.group(0)

    return _LINK.sub(replace, text)


def user_ids_in(text: str) -> list[str]:
    """Every user id written in the text (plain or as a link), in order, each once."""
    return list(dict.fromkeys(USER_ID.findall(links_to_ids(text))))


def leading_user_ids(text: str) -> tuple[list[str], str]:
    """The user ids that open a command's arguments, and the rest (a reason, say).

    Only the ids written before anything else count: in `@a motif : signalé par @b`, @b is part
    of the reason, not a second target.
    """
    ids: dict[str, None] = {}  # in order, each once
    words = links_to_ids(text).split()
    index = 0
    while index < len(words):
        word = words[index].strip(",;")
        if not word:
            index += 1
            continue
        if USER_ID.fullmatch(word) is None:
            break
        ids[word] = None
        index += 1
    return list(ids), " ".join(words[index:])


_TAG_NAME = re.compile(r"/?([a-zA-Z][^\t\n\r\f />]*)")
_HREF = re.compile(
    r"""(?:^|[\s"'/])href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE
)
_LINE_TAGS = frozenset({"br", "p", "div", "li"})


def pills_to_text(html: str) -> str:
    """A formatted command with its mention pills turned into plain user ids.

    Markup is read in one pass, each tag once: html.parser takes time quadratic, even cubic, in
    the length of some malformed inputs ("<a b<a b…") on the Python versions the bot runs on.
    Text outside tags is unescaped; a pill's display name is replaced by its id; line tags become
    line breaks; comments and other tags are dropped.
    """
    parts: list[str] = []
    in_pill = False
    position = 0

    def text(upto: int) -> None:
        if not in_pill:
            parts.append(unescape(html[position:upto]))

    while (start := html.find("<", position)) >= 0:
        if html.startswith("<!--", start):
            end = html.find("-->", start + 4)
            if end < 0:
                break
            text(start)
            position = end + 3
            continue
        tag = _TAG_NAME.match(html, start + 1)
        if tag is None and html[start + 1 : start + 2] not in ("!", "?", "/"):
            text(start + 1)  # a "<" that opens no tag is text
            position = start + 1
            continue
        end = html.find(">", start)
        if end < 0:
            break
        text(start)
        position = end + 1
        if tag is None:
            continue  # <!DOCTYPE …>, <?…>, </…>
        name = tag.group(1).lower()
        if html[start + 1] == "/":
            in_pill = in_pill and name != "a"
        elif name == "a":
            hrefs = _HREF.findall(html, tag.end(), end)
            href = "".join(hrefs[-1]) if hrefs else ""
            user_id = link_user_id(unescape(href))
            if user_id is not None:
                in_pill = True
                parts.append(user_id)
        elif name in _LINE_TAGS:
            parts.append("\n")
    text(len(html))
    return "".join(parts).strip()
