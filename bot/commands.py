"""Routers and command declarations: each command is declared once, with its metadata."""

from __future__ import annotations

import unicodedata
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field

from bot.context import Ctx, TurnHook

Handler = Callable[[Ctx], Awaitable[None]]
Predicate = Callable[[Ctx], bool]
# Sees every event before commands and messages are routed; True means it took the event
# (a gate that told a pending user to wait, a survey taking the reply as an answer).
Intercept = Callable[[Ctx], Awaitable[bool]]

USER_ROOMS = frozenset({"dm", "group"})
SUPPORT_ROOM = frozenset({"support"})
EVERYWHERE = frozenset({"dm", "group", "support"})


def normalize_name(name: str) -> str:
    """`!Réessayer` and `!reessayer` are the same command."""
    decomposed = unicodedata.normalize("NFKD", name.strip().lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True)
class Command:
    name: str
    aliases: tuple[str, ...]
    usage: str
    help: str
    handler: Handler
    where: frozenset[str] = USER_ROOMS
    admin: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class MessageRoute:
    handler: Handler
    when: Predicate
    where: frozenset[str] = USER_ROOMS


@dataclass
class Router:
    """One feature's commands and message handlers."""

    name: str
    commands: list[Command] = field(default_factory=list)
    messages: list[MessageRoute] = field(default_factory=list)
    greetings: list[Handler] = field(default_factory=list)
    turn_hooks: list[TurnHook] = field(default_factory=list)
    intercepts: list[Intercept] = field(default_factory=list)

    def command(
        self,
        name: str,
        *aliases: str,
        usage: str,
        help: str,
        where: frozenset[str] = USER_ROOMS,
        admin: bool = False,
    ) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            self.commands.append(
                Command(name, aliases, usage, help, handler, where=where, admin=admin)
            )
            return handler

        return register

    def message(
        self, when: Predicate = lambda ctx: True, *, where: frozenset[str] = USER_ROOMS
    ) -> Callable[[Handler], Handler]:
        """A handler for messages that are not commands, in the rooms of `where`."""

        def register(handler: Handler) -> Handler:
            self.messages.append(MessageRoute(handler, when, where))
            return handler

        return register

    def greeting(self, handler: Handler) -> Handler:
        self.greetings.append(handler)
        return handler

    def intercept(self, handler: Intercept) -> Intercept:
        """Run, in routing order, before any command or message is routed (`ctx.command` is
        already set for a known command); returning True ends the routing of this event."""
        self.intercepts.append(handler)
        return handler

    def turn_hook(self, hook: TurnHook) -> TurnHook:
        """Run before every answer of the model, in routing order (see `handlers.chat.router`)."""
        self.turn_hooks.append(hook)
        return hook


class CommandTable:
    """Every command of every router, by normalised name and alias.

    A name may be declared twice only for rooms that do not overlap (`!export` is the agents'
    export in their rooms and the staff export in the support room).
    """

    def __init__(self, routers: Iterable[Router]) -> None:
        self.commands: list[Command] = []
        self._by_name: dict[str, list[Command]] = {}
        for router in routers:
            for command in router.commands:
                self.commands.append(command)
                for name in command.names:
                    same = self._by_name.setdefault(normalize_name(name), [])
                    if any(other.where & command.where for other in same):
                        raise ValueError(f"command name !{name} declared twice")
                    same.append(command)

    def find(self, name: str, room_kind: str | None = None) -> Command | None:
        """The command of that name for this kind of room; without a match for the room, the
        first declared (so the caller can say the command is not available here)."""
        found = self._by_name.get(normalize_name(name))
        if not found:
            return None
        if room_kind is not None:
            for command in found:
                if room_kind in command.where:
                    return command
        return found[0]


def parse_command(text: str) -> tuple[str, str] | None:
    """`!reprendre 3` -> ("reprendre", "3"); None when the text is not a command."""
    stripped = text.strip()
    if not stripped.startswith("!") or len(stripped) < 2 or stripped[1].isspace():
        return None
    head, _, rest = stripped[1:].partition(" ")
    head, _, first_line_rest = head.partition("\n")
    args = (first_line_rest + " " + rest).strip() if first_line_rest else rest.strip()
    return head, args
