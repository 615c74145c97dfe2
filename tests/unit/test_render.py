"""Markdown to Matrix HTML, and splitting long answers into parts."""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import pytest

from bot.render import markdown_to_html, split_message
from tests.long_text import collapsed, markdown_answer, reassembled

MATRIX_TAGS = {
    *(f"h{level}" for level in range(1, 7)),
    *("p", "br", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a"),
    *("table", "thead", "tbody", "tr", "th", "td", "hr"),
}


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("# Titre", "<h1>Titre</h1>"),
        ("### Sous-titre", "<h3>Sous-titre</h3>"),
        ("**gras** et *italique*", "<p><strong>gras</strong> et <em>italique</em></p>"),
        ("- un\n- deux", "<ul>\n<li>un</li>\n<li>deux</li>\n</ul>"),
        ("1. premier\n2. second", "<ol>\n<li>premier</li>\n<li>second</li>\n</ol>"),
        ("3. troisième", '<ol start="3">\n<li>troisième</li>\n</ol>'),
        ("~~barré~~", "<p><del>barré</del></p>"),
        ("`code`", "<p><code>code</code></p>"),
        (
            "```python\nprint(1)\n```",
            '<pre><code class="language-python">print(1)\n</code></pre>',
        ),
        ("```\n<b>x</b>\n```", "<pre><code>&lt;b&gt;x&lt;/b&gt;\n</code></pre>"),
        ("ligne 1\nligne 2", "<p>ligne 1<br />\nligne 2</p>"),
        ("> citation", "<blockquote>\n<p>citation</p>\n</blockquote>"),
        ("avant\n\n---\n\naprès", "<p>avant</p>\n<hr />\n<p>après</p>"),
        (
            "[lien](https://service-public.fr)",
            '<p><a href="https://service-public.fr">lien</a></p>',
        ),
        ("<https://www.legifrance.gouv.fr>", '<a href="https://www.legifrance.gouv.fr">'),
        ("<agent@example.gouv.fr>", '<a href="mailto:agent@example.gouv.fr">'),
        ("Texte\n", "<p>Texte</p>"),
    ],
)
def test_markdown_renders_to_matrix_html(markdown: str, expected: str) -> None:
    assert expected in markdown_to_html(markdown)


def test_tables_render_without_alignment_styles() -> None:
    html = markdown_to_html("| Pièce | Délai |\n|:--|--:|\n| CNI | 3 semaines |")
    assert "<table>\n<thead>\n<tr>\n<th>Pièce</th>" in html
    assert "<tbody>\n<tr>\n<td>CNI</td>\n<td>3 semaines</td>" in html
    assert "style=" not in html


@pytest.mark.parametrize(
    ("markdown", "forbidden", "kept"),
    [
        ("<script>alert(1)</script>", "<script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ('<img src="x" onerror="alert(1)">', "<img", "&lt;img"),
        ("<div>bloc</div>\n\ntexte", "<div>", "&lt;div&gt;bloc&lt;/div&gt;"),
        ("[x](javascript:alert(1))", "<a", "[x](javascript:alert(1))"),
        ("[x](JaVaScRiPt:alert(1))", "<a", "alert(1)"),
        ("[x](data:text/html;base64,PHNjcmlwdD4=)", "<a", "[x]"),
        ("[x](ftp://serveur/fichier)", "<a", "[x]"),
        ("[x](/chemin/relatif)", "<a", "[x]"),
        ("<javascript:alert(1)>", "<a", "alert(1)"),
    ],
)
def test_raw_html_and_other_links_are_neutralised(
    markdown: str, forbidden: str, kept: str
) -> None:
    html = markdown_to_html(markdown)
    assert forbidden not in html and kept in html


def test_images_become_links_since_matrix_only_shows_its_own() -> None:
    html = markdown_to_html('![Logo *RF*](https://www.gouvernement.fr/logo.png "Marianne")')
    assert html == (
        '<p><a href="https://www.gouvernement.fr/logo.png" title="Marianne">'
        "Logo <em>RF</em></a></p>"
    )
    assert markdown_to_html("![](https://x.fr/a.png)") == (
        '<p><a href="https://x.fr/a.png">https://x.fr/a.png</a></p>'
    )


def test_only_tags_matrix_accepts_are_produced() -> None:
    markdown = "\n\n".join(
        [
            "# Titre\n## Deux\n###### Six",
            "Texte **gras**, *italique*, ~~barré~~, `code`, [lien](https://a.fr) <b>brut</b>",
            "![image](https://a.fr/i.png)",
            "- a\n  - b\n1. c",
            "> citation\n> suite",
            "```js\nlet x = 1;\n```",
            "    indenté",
            "| a | b |\n|---|:-:|\n| 1 | 2 |",
            "***",
            "ligne\nsuivante",
        ]
    )
    tags = set(re.findall(r"</?([a-zA-Z0-9]+)", markdown_to_html(markdown)))
    assert tags <= MATRIX_TAGS, tags - MATRIX_TAGS
    assert {"h1", "h6", "del", "table", "pre", "blockquote", "br", "hr"} <= tags


# Splitting --------------------------------------------------------------------------------------

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})(.*)$")


def open_fence_at_end(part: str) -> str | None:
    """The fence left open at the end of `part` (same rules as CommonMark, any indentation)."""
    marker: str | None = None
    for line in part.split("\n"):
        match = _FENCE.match(line)
        if match is None:
            continue
        if marker is None:
            if not (match.group(1)[0] == "`" and "`" in match.group(2)):
                marker = match.group(1)
        elif (
            match.group(1)[0] == marker[0]
            and len(match.group(1)) >= len(marker)
            and not match.group(2).strip()
        ):
            marker = None
    return marker


# Fence lines as the splitter adds them: a marker and at most a one-word info string.
_FENCE_LINE = re.compile(r"^[ \t]*(`{3,}|~{3,})[ \t]*[\w+-]*[ \t]*$")


def content(text: str) -> str:
    """The text without fence lines and whitespace: what splitting must preserve, in order."""
    lines = [line for line in text.split("\n") if not _FENCE_LINE.match(line)]
    return re.sub(r"\s+", "", "".join(lines))


def check_parts(text: str, parts: list[str], limit: int) -> None:
    assert parts, text
    for part in parts:
        assert len(part) <= limit and part.strip(), (limit, part)
    assert content("\n".join(parts)) == content(text)


def test_short_text_is_one_part() -> None:
    assert split_message("Bonjour", 100) == ["Bonjour"]
    assert split_message("Bonjour\n\n", 7) == ["Bonjour"]
    assert split_message("", 100) == []


def test_split_prefers_paragraphs_then_lines_then_spaces() -> None:
    text = "Premier paragraphe assez long.\n\nDeuxième paragraphe assez long."
    assert split_message(text, 40) == [
        "Premier paragraphe assez long.",
        "Deuxième paragraphe assez long.",
    ]
    text = "Un paragraphe.\nAvec une deuxième ligne.\n\nFin."
    assert split_message(text, 30) == ["Un paragraphe.", "Avec une deuxième ligne.\n\nFin."]
    assert split_message("un deux trois quatre cinq six sept", 20) == [
        "un deux trois quatre",
        "cinq six sept",
    ]
    assert split_message("a" * 45, 20) == ["a" * 20, "a" * 20, "a" * 5]


def test_paragraphs_are_packed_greedily() -> None:
    text = "\n\n".join(f"Paragraphe {i}." for i in range(6))  # 14 characters each
    assert split_message(text, 50) == [
        "Paragraphe 0.\n\nParagraphe 1.\n\nParagraphe 2.",
        "Paragraphe 3.\n\nParagraphe 4.\n\nParagraphe 5.",
    ]


def test_a_code_block_that_fits_is_never_cut() -> None:
    code = "```bash\nsudo apt update\nsudo apt install tchap\n```"
    text = f"Pour installer :\nsuivez ces étapes dans un terminal.\n{code}\nVoilà."
    parts = split_message(text, len(code) + 5)
    assert code in parts
    check_parts(text, parts, len(code) + 5)


def test_a_split_code_block_is_closed_and_reopened() -> None:
    code = "\n".join(f"    ligne_{i} = {i}" for i in range(40))
    text = f"Voici le code :\n\n```python\n{code}\n```\n\nFin."
    parts = split_message(text, 200)
    assert len(parts) > 3
    check_parts(text, parts, 200)
    assert parts[0] == "Voici le code :"
    for part in parts[1:-1]:
        assert part.startswith("```python\n    ligne_") and part.endswith("\n```"), part
        assert open_fence_at_end(part) is None
    assert parts[-1].endswith("\n```\n\nFin.")
    for i in range(40):
        assert sum(f"    ligne_{i} = {i}\n" in p for p in parts) == 1  # indentation kept


def test_a_code_block_in_a_list_item_is_unindented_when_it_starts_a_part() -> None:
    code = "\n".join(f"   echo {i}" for i in range(10))
    text = f"1. Lancez :\n\n   ```sh\n{code}\n   ```"
    parts = split_message(text, 80)
    assert parts[1].startswith("```sh\necho 0\necho 1")
    check_parts(text, parts, 80)
    assert all(open_fence_at_end(p) is None for p in parts)


def test_an_unclosed_code_block_stays_open_in_the_last_part() -> None:
    # While an answer streams in, its code block is not closed yet.
    text = "Code :\n\n~~~~text\n" + "\n".join(f"ligne {i}" for i in range(30))
    parts = split_message(text, 60)
    check_parts(text, parts, 60)
    assert all(open_fence_at_end(p) is None for p in parts[:-1])
    assert parts[-1].startswith("~~~~text\n") and open_fence_at_end(parts[-1]) == "~~~~"


def test_long_code_lines_are_cut_too() -> None:
    text = "```\n" + "x" * 100 + "\n```"
    parts = split_message(text, 30)
    check_parts(text, parts, 30)
    assert all(p.startswith("```\n") and open_fence_at_end(p) is None for p in parts)


def random_text(rng: random.Random) -> str:
    words = ["administration", "note", "préfecture", "décret", "à", "l'agent", "n°", "2026"]
    pieces: list[str] = []
    for _ in range(rng.randint(1, 40)):
        roll = rng.random()
        if roll < 0.15:
            info = rng.choice(["", "python", "bash", " json"])
            marker = rng.choice(["```", "```", "~~~", "````"])
            indent = rng.choice(["", "", "   ", "  "])
            lines = [
                rng.choice(["", "  ", "    "]) + " ".join(rng.choices(words, k=rng.randint(0, 6)))
                for _ in range(rng.randint(0, 15))
            ]
            pieces.append("\n".join(["", indent + marker + info, *lines, indent + marker, ""]))
        elif roll < 0.2:
            pieces.append("x" * rng.randint(1, 400))  # a word longer than a part
        elif roll < 0.3:
            pieces.append(
                "\n".join(f"- {rng.choice(words)} {rng.choice(words)}" for _ in range(5))
            )
        else:
            pieces.append(" ".join(rng.choices(words, k=rng.randint(1, 30))))
        pieces.append(rng.choice([" ", "\n", "\n\n", "\n\n\n"]))
    return "".join(pieces)


def test_split_properties_on_random_texts() -> None:
    rng = random.Random(2026)
    for _ in range(500):
        text = random_text(rng)
        limit = rng.randint(20, 400)
        parts = split_message(text, limit)
        if len(text.rstrip()) <= limit:
            assert parts == ([text.rstrip()] if text.strip() else [])
            continue
        check_parts(text, parts, limit)
        # Every part renders on its own: a code block is closed wherever it is cut.
        assert all(open_fence_at_end(p) is None for p in parts), parts


# Splitting by the size of the event ------------------------------------------------------------


def html_weight(budget: int) -> tuple[Callable[[str], bool], list[str]]:
    """A size check like the streamer's (the text and its HTML, twice), recording its calls."""
    calls: list[str] = []

    def fits(part: str) -> bool:
        calls.append(part)
        return 2 * (len(part.encode()) + len(markdown_to_html(part).encode())) <= budget

    return fits, calls


def test_parts_are_chosen_by_their_size_not_only_their_length() -> None:
    text = markdown_answer(20_000)
    fits, calls = html_weight(30_000)
    parts = split_message(text, 12_000, fits)
    assert len(parts) > len(split_message(text, 12_000))  # the size check cut more often
    assert all(fits(part) and len(part) <= 12_000 for part in parts)
    assert reassembled(parts) == collapsed(text)
    # Galloping: a handful of checks per part, however many blocks it holds.
    assert len(calls) <= 16 * len(parts)


def test_a_table_bigger_than_a_part_is_cut_between_rows() -> None:
    rows = "\n".join(f"| ligne {i} | {'é' * 30} |" for i in range(400))
    text = f"| Col | Valeur |\n|---|---|\n{rows}"
    fits, _ = html_weight(8_000)
    parts = split_message(text, 12_000, fits)
    assert len(parts) > 2 and all(fits(part) for part in parts)
    assert all(part.startswith("| ligne") for part in parts[1:])  # whole rows, never half
    assert reassembled(parts) == collapsed(text)


def test_a_code_block_is_cut_and_reopened_under_the_size_check() -> None:
    code = "\n".join(f"    x_{i} = '<é>' * {i}" for i in range(300))
    text = f"Code :\n\n```python\n{code}\n```\n\nFin."
    fits, _ = html_weight(6_000)
    parts = split_message(text, 12_000, fits)
    assert len(parts) > 3 and all(fits(part) for part in parts)
    check_parts(text, parts, 12_000)
    assert all(open_fence_at_end(part) is None for part in parts)


def test_size_checked_split_properties_on_random_texts() -> None:
    rng = random.Random(14)
    for _ in range(60):
        text = random_text(rng)
        limit = rng.randint(100, 2_000)
        fits, _ = html_weight(rng.randint(400, 3_000))
        parts = split_message(text, limit, fits)
        if not text.strip():
            assert parts == []
            continue
        check_parts(text, parts, limit)
        # A part fails the check only when it is one character (nothing smaller exists).
        assert all(fits(part) or len(part) == 1 for part in parts), parts
        assert all(open_fence_at_end(p) is None for p in parts), parts
