"""Conversations without Matrix: thread and reply relations, titles, the search query, and
command names shared by rooms of different kinds."""

from __future__ import annotations

import pytest

from bot.commands import CommandTable, Router
from bot.context import Ctx
from bot.matrix import relations
from handlers.conversations.router import clean_title
from storage.conversations import fts_query


def test_relations_read_threads_and_replies() -> None:
    thread = {
        "m.relates_to": {
            "rel_type": "m.thread",
            "event_id": "$root",
            "is_falling_back": True,
            "m.in_reply_to": {"event_id": "$last"},
        }
    }
    assert relations(thread) == ("$root", None)  # the fallback is not a real reply
    quoted = {**thread, "m.relates_to": {**thread["m.relates_to"], "is_falling_back": False}}
    assert relations(quoted) == ("$root", "$last")
    assert relations({"m.relates_to": {"m.in_reply_to": {"event_id": "$x"}}}) == (None, "$x")
    assert relations({"body": "x"}) == (None, None)


def test_clean_title() -> None:
    assert clean_title('Titre : "Note au préfet".\nAutre') == "Note au préfet"
    assert clean_title("**Congés**") == "Congés"
    assert len(clean_title("mot " * 40)) == 60


def test_fts_query_quotes_every_word() -> None:
    assert fts_query('congés "bonifiés" OR x*') == '"congé"* "bonifié"* "OR"* "x"*'
    assert fts_query("  !?  ") is None
    assert fts_query("marchés" + ' b"c') == '"marché"* "b"* "c"*'


def test_a_name_may_be_shared_only_by_disjoint_rooms() -> None:
    async def handler(ctx: Ctx) -> None:
        return None

    one, two, three = Router("one"), Router("two"), Router("three")
    one.command("x", usage="!x", help="h", where=frozenset({"dm"}))(handler)
    two.command("x", usage="!x", help="h", where=frozenset({"support"}))(handler)
    table = CommandTable([one, two])
    assert table.find("x", "dm") is one.commands[0]
    assert table.find("x", "support") is two.commands[0]
    assert table.find("x", "group") is one.commands[0]  # the caller says "not here"
    three.command("x", usage="!x", help="h", where=frozenset({"dm", "group"}))(handler)
    with pytest.raises(ValueError, match="twice"):
        CommandTable([one, two, three])
