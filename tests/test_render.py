"""Markdown to Matrix HTML, and splitting long answers."""

from __future__ import annotations

import random

import pytest

from bot.render import markdown_to_html, split_message


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("# Titre", "<h1>Titre</h1>"),
        ("**gras** et *italique*", "<strong>gras</strong> et <em>italique</em>"),
        ("- un\n- deux", "<li>un</li>"),
        ("1. premier", "<ol>"),
        ("~~barré~~", "<s>barré</s>"),
        ("`code`", "<code>code</code>"),
        ("```python\nprint(1)\n```", '<pre><code class="language-python">print(1)'),
        ("| a | b |\n|---|---|\n| 1 | 2 |", "<td>1</td>"),
        ("ligne 1\nligne 2", "ligne 1<br />\nligne 2"),
        ("> citation", "<blockquote>"),
        ("[lien](https://service-public.fr)", '<a href="https://service-public.fr">lien</a>'),
    ],
)
def test_markdown_renders_to_matrix_html(markdown: str, expected: str) -> None:
    assert expected in markdown_to_html(markdown)


def test_raw_html_and_dangerous_links_are_neutralised() -> None:
    html = markdown_to_html("<script>alert(1)</script> [x](javascript:alert(1))")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="javascript' not in html
    assert not markdown_to_html("texte\n").endswith("\n")


def test_short_text_is_one_part() -> None:
    assert split_message("Bonjour", 100) == ["Bonjour"]


def test_split_prefers_paragraphs() -> None:
    text = "Premier paragraphe assez long.\n\nDeuxième paragraphe assez long."
    assert split_message(text, 40) == [
        "Premier paragraphe assez long.",
        "Deuxième paragraphe assez long.",
    ]


def test_a_split_code_block_is_closed_and_reopened() -> None:
    code = "\n".join(f"ligne_{i} = {i}" for i in range(40))
    text = f"Voici le code :\n\n```python\n{code}\n```\n\nFin."
    parts = split_message(text, 200)
    assert len(parts) > 2
    for part in parts:
        assert len(part) <= 200
        assert part.count("```") % 2 == 0, part  # every part renders on its own
    assert parts[1].startswith("```python")
    for i in range(40):
        assert any(f"ligne_{i} = {i}" in p for p in parts)


def test_split_properties_on_random_texts() -> None:
    rng = random.Random(42)
    words = ["administration", "note", "préfecture", "décret", "à", "l'agent", "n°", "2026"]
    for _ in range(200):
        limit = rng.randint(20, 300)
        pieces = []
        for _ in range(rng.randint(1, 80)):
            pieces.append(rng.choice(words))
            pieces.append(rng.choice([" ", " ", " ", "\n", "\n\n"]))
        if rng.random() < 0.2:
            pieces.append("x" * rng.randint(1, 400))  # a word longer than a part
        text = "".join(pieces)
        parts = split_message(text, limit)
        assert all(0 < len(p) <= limit for p in parts)
        assert "".join(parts).replace(" ", "").replace("\n", "") == text.replace(" ", "").replace(
            "\n", ""
        )
