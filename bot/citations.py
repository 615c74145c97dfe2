"""Numbered sources of one answer, shared by the features that quote material (web pages,
official collections): one numbering per answer, one "Sources" list under it.

A feature adds its sources with `add_sources`, which numbers them after those already cited in
the turn and keeps a single sources footer; the material it quotes uses the same numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.context import Turn

SOURCES_HEADER = "**Sources**"


@dataclass(frozen=True)
class Citation:
    title: str
    url: str  # "" for a source without an address (a document of a collection)
    site: str = ""  # shown after the link: "service-public.fr"


def source_line(number: int, title: str, site: str, url: str) -> str:
    """`[n] [title](url) — site`; brackets in a title cannot close the link early."""
    label = title.replace("[", "(").replace("]", ")") or url
    if not url:
        return f"[{number}] {label}" + (f" — {site}" if site else "")
    return f"[{number}] [{label}]({url}) — {site}"


def sources_footer(header: str, sources: Sequence[Citation]) -> str:
    lines = [header]
    for number, source in enumerate(sources, start=1):
        lines.append("- " + source_line(number, source.title, source.site, source.url))
    return "\n".join(lines)


class SourcesFooter(str):
    """The footer listing a turn's sources; it carries them, so a later feature numbers its
    own after them and replaces the footer with the whole list."""

    sources: tuple[Citation, ...]

    def __new__(cls, sources: Sequence[Citation]) -> SourcesFooter:
        footer = super().__new__(cls, sources_footer(SOURCES_HEADER, sources))
        footer.sources = tuple(sources)
        return footer


def cited(turn: Turn) -> tuple[Citation, ...]:
    """The sources numbered so far in this turn, in order (number = index + 1)."""
    for footer in turn.footers:
        if isinstance(footer, SourcesFooter):
            return footer.sources
    return ()


def next_number(turn: Turn) -> int:
    """The number the next source added to this turn will get."""
    return len(cited(turn)) + 1


def add_sources(turn: Turn, sources: Sequence[Citation]) -> tuple[Citation, ...]:
    """Number `sources` after those already cited (from `next_number(turn)`), list them all in
    the turn's one sources footer (first among the footers), and return the whole list."""
    for index, footer in enumerate(turn.footers):
        if isinstance(footer, SourcesFooter):
            merged = SourcesFooter([*footer.sources, *sources])
            turn.footers[index] = merged
            return merged.sources
    if not sources:
        return ()
    footer = SourcesFooter(sources)
    turn.footers.insert(0, footer)
    return footer.sources
