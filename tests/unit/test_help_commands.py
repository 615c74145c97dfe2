"""The runtime's share of the help: groups and per-room usage, "did you mean", on/off words."""

from __future__ import annotations

import functools
import tempfile
import time
from pathlib import Path
from typing import Any, cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.commands import (
    SUPPORT_ROOM,
    USER_ROOMS,
    CommandTable,
    Group,
    RoomUsage,
    Router,
    edit_distance,
    normalize_name,
    parse_switch,
)
from bot.context import Ctx, Services
from tests.harness import assembled_routers

NO_SERVICES = cast(Services, None)  # commands without an `offered` rule never look at them


async def _handler(ctx: Ctx) -> None:
    return None


def _table() -> CommandTable:
    router = Router("t")
    router.command("nouveau", "new", usage="!nouveau", help="h", group=Group.CHAT)(_handler)
    router.command("historique", usage="!historique", help="h", group=Group.CHAT)(_handler)
    router.command(
        "quota",
        usage="!quota",
        help="le vôtre",
        where=USER_ROOMS | SUPPORT_ROOM,
        group=Group.DATA,
        support=RoomUsage("!quota @agent N", "celui d'un agent"),
    )(_handler)
    router.command("approve", usage="!approve @agent", help="h", where=SUPPORT_ROOM, admin=True)(
        _handler
    )
    router.command("web", usage="!web", help="h", offered=lambda services: bool(services))(
        _handler
    )
    return CommandTable([router])


def test_every_declared_command_has_a_task_group(tmp_path: Path) -> None:
    table = CommandTable(assembled_routers(tmp_path))
    ungrouped = [c.name for c in table.commands if c.group == Group.OTHER]
    assert ungrouped == []
    staff = {c.group for c in table.commands if c.admin}
    assert staff <= {Group.ACCESS, Group.SERVICE, Group.SURVEYS}


def test_a_declaration_without_group_still_works() -> None:
    router = Router("old")
    router.command("vieux", usage="!vieux", help="h")(_handler)
    [command] = CommandTable([router]).commands
    assert command.group == Group.OTHER and command.for_room("dm") is command


def test_usage_and_help_differ_in_the_support_room() -> None:
    quota = _table().find("quota")
    assert quota is not None
    assert (quota.for_room("dm").usage, quota.for_room("dm").help) == ("!quota", "le vôtre")
    staff = quota.for_room("support")
    assert (staff.usage, staff.help, staff.group) == (
        "!quota @agent N",
        "celui d'un agent",
        Group.ACCESS,
    )


def test_available_follows_room_admin_and_configuration() -> None:
    table = _table()
    approve, web = table.find("approve"), table.find("web")
    assert approve is not None and web is not None
    assert not approve.available("dm", True, NO_SERVICES)
    assert not approve.available("support", False, NO_SERVICES)
    assert approve.available("support", True, NO_SERVICES)
    assert not web.available("dm", False, cast(Services, 0))  # not offered
    assert web.available("dm", False, cast(Services, 1))


@pytest.mark.parametrize(
    ("typed", "room", "admin", "expected"),
    [
        ("nouvau", "dm", False, ["nouveau"]),
        ("NEw", "dm", False, ["nouveau"]),  # an alias, shown by the command's own name
        ("hist", "dm", False, ["historique"]),
        ("histoirque", "dm", False, ["historique"]),
        ("aprove", "dm", False, []),  # staff only, in the support room
        ("aprove", "support", False, []),  # not staff
        ("aprove", "support", True, ["approve"]),
        ("qota", "support", True, ["quota"]),
        ("wbe", "dm", False, []),  # not offered without a search engine
        ("xyzxyzxyz", "dm", False, []),
        ("", "dm", False, []),
    ],
)
def test_suggestions(typed: str, room: str, admin: bool, expected: list[str]) -> None:
    assert _table().suggest(typed, room, is_admin=admin, services=cast(Services, 0)) == expected


def test_at_most_two_suggestions_the_closest_first() -> None:
    router = Router("t")
    for name in ("abcd", "abce", "abcf", "abxy"):
        router.command(name, usage=f"!{name}", help="h")(_handler)
    table = CommandTable([router])
    assert table.suggest("abcd", "dm", is_admin=False, services=NO_SERVICES) == ["abcd", "abce"]


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [("", "", 0), ("aide", "aide", 0), ("aide", "aid", 1), ("nouveau", "nouvaeu", 1),
     ("kitten", "sitting", 3), ("abc", "", 3)],
)  # fmt: skip
def test_edit_distance(a: str, b: str, distance: int) -> None:
    assert edit_distance(a, b, 10) == distance
    assert edit_distance(a, b, distance) == distance
    if distance:
        assert edit_distance(a, b, distance - 1) == distance  # "more than the limit"


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=65_536))
def test_suggestions_stay_cheap_on_any_name(name: str) -> None:
    table = _all_commands()
    started = time.thread_time()  # CPU of this thread, not wall time: immune to load
    found = table.suggest(name, "support", is_admin=True, services=_AnyServices())
    assert time.thread_time() - started < 0.5
    assert len(found) <= 2 and all(table.find(f) is not None for f in found)


@functools.cache
def _all_commands() -> CommandTable:
    return CommandTable(assembled_routers(Path(tempfile.mkdtemp())))


class _AnyServices:
    """Offers everything (the `offered` rules read a feature's part)."""

    def part(self, kind: type[Any]) -> Any:
        return _Anything()


class _Anything:
    def __getattr__(self, name: str) -> Any:
        return self

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("activer", True), ("Activer", True), ("on", True), ("oui", True), (" ON ", True),
        ("désactiver", False), ("DESACTIVER", False), ("off", False), ("non", False),
        ("arrêt", False), ("", None), ("peut-être", None), ("activer maintenant", None),
    ],
)  # fmt: skip
def test_switch_words(text: str, expected: bool | None) -> None:
    assert parse_switch(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("refuser", True), ("Refuser", True), ("on", True), ("accepter", False),
     ("off", False), ("oui", None), ("activer", None), ("non", None)],
)  # fmt: skip
def test_switch_with_a_command_s_own_words(text: str, expected: bool | None) -> None:
    result = parse_switch(text, on=("refuser",), off=("accepter",), generic=False)
    assert result is expected


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=65_536))
def test_switch_never_fails_and_only_knows_short_words(text: str) -> None:
    result = parse_switch(text, on=("refuser",), off=("accepter",))
    if result is not None:
        assert len(normalize_name(text)) <= 10
