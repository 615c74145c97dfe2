"""A link never hides where it goes: text showing one address, pointing to another."""

from __future__ import annotations

import pytest

from bot.render import markdown_to_html


@pytest.mark.parametrize(
    ("markdown", "shown"),
    [
        ("[https://impots.gouv.fr](https://ailleurs.example/x)", "(→ ailleurs.example)"),
        ("[impots.gouv.fr](http://ailleurs.example)", "(→ ailleurs.example)"),
        ("[**service-public.fr**](https://ailleurs.example)", "(→ ailleurs.example)"),
        ("[www.ameli.fr](https://www.ailleurs.example)", "(→ ailleurs.example)"),
    ],
)
def test_a_link_showing_another_address_shows_the_real_one(markdown: str, shown: str) -> None:
    assert shown in markdown_to_html(markdown)


@pytest.mark.parametrize(
    "markdown",
    [
        "[impots.gouv.fr](https://www.impots.gouv.fr/portail)",
        "[le site des impôts](https://www.impots.gouv.fr)",
        "[https://ameli.fr/x](https://ameli.fr/y)",
        "voir https://ameli.fr",
    ],
)
def test_honest_links_are_left_alone(markdown: str) -> None:
    assert "→" not in markdown_to_html(markdown)
