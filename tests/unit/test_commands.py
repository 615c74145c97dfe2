"""Command parsing and declaration."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.commands import CommandTable, Router, normalize_name, parse_command
from bot.context import Ctx
from bot.dispatcher import strip_mention
from tests.harness import assembled_routers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("!aide", ("aide", "")),
        ("  !reprendre 3 ", ("reprendre", "3")),
        ("!modele mistralai/Mistral", ("modele", "mistralai/Mistral")),
        ("!web\nquelle heure", ("web", "quelle heure")),
        ("! pas une commande", None),
        ("!", None),
        ("bonjour !aide", None),
        ("Combien ? !", None),
    ],
)
def test_parse_command(text: str, expected: tuple[str, str] | None) -> None:
    assert parse_command(text) == expected


def test_names_ignore_case_and_accents(tmp_path: Path) -> None:
    assert normalize_name("Réessayer") == "reessayer"
    assert normalize_name("MODÈLE") == "modele"
    table = CommandTable(assembled_routers(tmp_path))
    retry = table.find("RÉESSAYER")
    assert retry is not None and retry is table.find("retry")
    assert table.find("modèle") is table.find("model")
    assert table.find("inconnue") is None


def test_every_command_has_french_name_english_alias_and_help(tmp_path: Path) -> None:
    table = CommandTable(assembled_routers(tmp_path))
    names = {c.name for c in table.commands}
    assert {"aide", "nouveau", "historique", "reprendre", "reessayer", "modele"} <= names
    for command in table.commands:
        assert command.help and command.usage.startswith("!")


def test_duplicate_names_are_refused() -> None:
    async def handler(ctx: Ctx) -> None:
        return None

    one, two = Router("one"), Router("two")
    one.command("x", "y", usage="!x", help="h")(handler)
    two.command("z", "Y", usage="!z", help="h")(handler)
    with pytest.raises(ValueError, match="twice"):
        CommandTable([one, two])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Assistant IA: bonjour", "bonjour"),
        ("assistant ia, !aide", "!aide"),
        ("@assistant:test quelle heure ?", "quelle heure ?"),
        ("Assistant IAX bonjour", "Assistant IAX bonjour"),
        ("bonjour Assistant IA", "bonjour Assistant IA"),
    ],
)
def test_strip_mention(text: str, expected: str) -> None:
    assert strip_mention(text, ["@assistant:test", "Assistant IA"]) == expected
