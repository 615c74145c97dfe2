"""Routers and command declarations: each command is declared once, with its metadata (its
help group, its usage in each kind of room), plus what every router shares about commands: the
on/off words and the "did you mean" of an unknown command."""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field, replace

from bot.context import Ctx, Services, TurnHook

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


class Group(enum.StrEnum):
    """The headings of `!aide`, in the order it shows them (the task, not the feature)."""

    CHAT = "Converser"
    DOCUMENTS = "Documents et web"
    DATA = "Vos données"
    SURVEYS = "Questionnaires"
    ACCESS = "Accès des agents"  # staff
    SERVICE = "Suivi du service"  # staff
    OTHER = "Autres commandes"  # a declaration without a group still shows


@dataclass(frozen=True)
class RoomUsage:
    """A command's usage, help and group in the support room, when staff use it differently
    (`!quota` is the agent's own usage in their rooms, a staff setting in the support room)."""

    usage: str
    help: str
    group: Group = Group.ACCESS


# Whether a command is offered (in help, greeting, suggestions) with this configuration: a
# search command without a search engine is not.
Offered = Callable[[Services], bool]


@dataclass(frozen=True)
class Command:
    name: str
    aliases: tuple[str, ...]
    usage: str
    help: str
    handler: Handler
    where: frozenset[str] = USER_ROOMS
    admin: bool = False
    group: Group = Group.OTHER
    support: RoomUsage | None = None
    offered_when: Offered | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def for_room(self, room_kind: str) -> Command:
        """The command as help shows it in this kind of room (staff syntax only for staff)."""
        if room_kind == "support" and self.support is not None:
            return replace(
                self, usage=self.support.usage, help=self.support.help, group=self.support.group
            )
        return self

    def offered(self, services: Services) -> bool:
        return self.offered_when is None or self.offered_when(services)

    def available(self, room_kind: str, is_admin: bool, services: Services) -> bool:
        """Usable by this user in this kind of room, and offered with this configuration."""
        return room_kind in self.where and (is_admin or not self.admin) and self.offered(services)


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
        group: Group = Group.OTHER,
        support: RoomUsage | None = None,
        offered: Offered | None = None,
    ) -> Callable[[Handler], Handler]:
        """Declare a command. `group`: its heading in `!aide`; `support`: its usage and help in
        the support room when they differ; `offered`: whether this configuration offers it."""

        def register(handler: Handler) -> Handler:
            self.commands.append(
                Command(
                    name,
                    aliases,
                    usage,
                    help,
                    handler,
                    where=where,
                    admin=admin,
                    group=group,
                    support=support,
                    offered_when=offered,
                )
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

    def suggest(
        self, name: str, room_kind: str, *, is_admin: bool, services: Services
    ) -> list[str]:
        """The closest names to a mistyped one, among the commands this user may run in this
        room (at most two, the command's own name first; none when nothing is close)."""
        return suggest(name, self.commands, room_kind, is_admin=is_admin, services=services)


# Suggestions ------------------------------------------------------------------------------

# Longer names are cut before comparing: the work per unknown command stays bounded.
MAX_SUGGESTED_NAME = 32


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance with adjacent swaps counted as one edit (optimal string alignment),
    or `limit + 1` as soon as it is known to exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if before is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, before[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return previous[-1]


def _tolerance(name: str) -> int:
    return 1 if len(name) <= 4 else 2 if len(name) <= 9 else 3


def suggest(
    name: str,
    commands: Iterable[Command],
    room_kind: str,
    *,
    is_admin: bool,
    services: Services,
) -> list[str]:
    """See `CommandTable.suggest`: by edit distance on normalised names, or a typed prefix of
    at least three letters (`!hist` -> `!historique`)."""
    typed = normalize_name(name)[:MAX_SUGGESTED_NAME]
    if not typed:
        return []
    limit = _tolerance(typed)
    best: dict[str, tuple[int, int]] = {}  # shown name -> (distance, declaration order)
    for order, command in enumerate(commands):
        if not command.available(room_kind, is_admin, services):
            continue
        for candidate in command.names:
            known = normalize_name(candidate)[:MAX_SUGGESTED_NAME]
            distance = edit_distance(typed, known, limit)
            if distance > limit and len(typed) >= 3 and known.startswith(typed):
                distance = limit
            if distance <= limit:
                score = (distance, order)
                if command.name not in best or score < best[command.name]:
                    best[command.name] = score
    ranked = sorted(best, key=lambda shown: best[shown])
    return ranked[:2]


# On/off arguments ---------------------------------------------------------------------------

# Accepted by every command that switches something (normalised: lower case, no accents).
SWITCH_ON = frozenset({"on", "activer", "active", "oui", "marche"})
SWITCH_OFF = frozenset({"off", "desactiver", "desactive", "non", "arret"})
# Longer arguments are never a switch word (and are not normalised).
_MAX_SWITCH_CHARS = 40


def parse_switch(
    text: str,
    *,
    on: Iterable[str] = (),
    off: Iterable[str] = (),
    generic: bool = True,
) -> bool | None:
    """True for `activer`/`on`, False for `desactiver`/`off`, None for anything else.

    `on`, `off`: the command's own French words (`!confidentialite refuser|accepter`).
    `generic=False` when the usual words would be ambiguous for that command (does `oui` say
    yes to the analysis or to the opposition?): then only its own words and on/off count.
    Case and accents are ignored.
    """
    if len(text) > _MAX_SWITCH_CHARS:
        return None
    word = normalize_name(text)
    if word in {normalize_name(w) for w in on}:
        return True
    if word in {normalize_name(w) for w in off}:
        return False
    if word in (SWITCH_ON if generic else {"on"}):
        return True
    if word in (SWITCH_OFF if generic else {"off"}):
        return False
    return None


def parse_command(text: str) -> tuple[str, str] | None:
    """`!reprendre 3` -> ("reprendre", "3"); None when the text is not a command."""
    stripped = text.strip()
    if not stripped.startswith("!") or len(stripped) < 2 or stripped[1].isspace():
        return None
    head, _, rest = stripped[1:].partition(" ")
    head, _, first_line_rest = head.partition("\n")
    args = (first_line_rest + " " + rest).strip() if first_line_rest else rest.strip()
    return head, args
