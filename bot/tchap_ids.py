"""Tchap Matrix IDs: homeserver, e-mail domain, external flag; user ids in commands and pills."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import unquote

# Non-agents (partners, contractors) live on this homeserver.
EXTERNAL_HOMESERVER = "agent.externe.tchap.gouv.fr"
_TRAILING_DIGITS = re.compile(r"\d+$")
# A user id as typed in a command; the server part may carry a port.
USER_ID = re.compile(r"@[A-Za-z0-9._=/+\-]+:[A-Za-z0-9.\-]+(?::\d+)?")
_MATRIX_TO = re.compile(r"^https://matrix\.to/#/(@[^/?]+)")


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


def user_ids_in(text: str) -> list[str]:
    """Every user id written in the text, in order, each once."""
    seen: list[str] = []
    for found in USER_ID.findall(text):
        if found not in seen:
            seen.append(found)
    return seen


def leading_user_ids(text: str) -> tuple[list[str], str]:
    """The user ids that open a command's arguments, and the rest (a reason, say).

    Only the ids written before anything else count: in `@a motif : signalé par @b`, @b is part
    of the reason, not a second target.
    """
    ids: list[str] = []
    words = text.split()
    index = 0
    while index < len(words):
        word = words[index].strip(",;")
        if not word:
            index += 1
            continue
        if USER_ID.fullmatch(word) is None:
            break
        if word not in ids:
            ids.append(word)
        index += 1
    return ids, " ".join(words[index:])


class _PillText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._pill: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            match = _MATRIX_TO.match(unquote(dict(attrs).get("href") or ""))
            if match:
                self._pill = match.group(1)
                self.parts.append(self._pill)
        elif tag in ("br", "p", "div", "li"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._pill = None

    def handle_data(self, data: str) -> None:
        if self._pill is None:  # a pill's display name is replaced by the id
            self.parts.append(data)


def pills_to_text(html: str) -> str:
    """A formatted command with its mention pills turned into plain user ids."""
    parser = _PillText()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts).strip()
