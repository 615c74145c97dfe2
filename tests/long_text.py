"""Long Markdown answers as a model writes them (headings, lists, tables, accents), and how to
compare an answer with the messages it was split into."""

from __future__ import annotations

import random
import re

_WORDS = [
    "agent",
    "préfecture",
    "décret",
    "arrêté",
    "délai",
    "pièce",
    "justificative",
    "démarche",
    "télé-procédure",
    "collectivité",
    "ministère",
    "référent",
    "«",
    "dossier",
    "»",
    "n°",
    "2026",
    "l'usager",
    "à",
    "côté",
    "été",
    "où",
    "œuvre",
    "ça",
    "Île-de-France",
    "échéance",
    "procédure",
    "rôle",
    "contrôle",
]


def _sentence(rng: random.Random) -> str:
    words = rng.choices(_WORDS, k=rng.randint(6, 16))
    return " ".join(words).capitalize() + rng.choice([".", " ?", " !", " :"])


def markdown_answer(chars: int, seed: int = 14) -> str:
    """An answer of at least `chars` characters: sections with paragraphs, lists (nested,
    numbered, without blank lines between items) and tables, in French."""
    rng = random.Random(seed)
    sections: list[str] = []
    total = 0
    number = 0
    while total < chars:
        number += 1
        lines = [f"## {number}. {_sentence(rng).rstrip('.?!: ')}", ""]
        lines += [" ".join(_sentence(rng) for _ in range(rng.randint(2, 5))), ""]
        lines += [
            f"- **{rng.choice(_WORDS)}** : {_sentence(rng)}" for _ in range(rng.randint(4, 9))
        ]
        lines += [f"  - {_sentence(rng)}" for _ in range(2)]
        lines += ["", "| Pièce | Délai | Remarque |", "|:--|--:|---|"]
        lines += [
            f"| {rng.choice(_WORDS)} | {rng.randint(1, 90)} jours | {_sentence(rng)} |"
            for _ in range(rng.randint(5, 12))
        ]
        lines += ["", *(f"{i}. {_sentence(rng)}" for i in range(1, rng.randint(3, 7))), ""]
        section = "\n".join(lines)
        sections.append(section)
        total += len(section) + 2
    return "\n\n".join(sections)


def collapsed(text: str) -> str:
    """The text with every run of whitespace as one space: cuts happen at whitespace only."""
    return re.sub(r"\s+", " ", text).strip()


def reassembled(parts: list[str]) -> str:
    return " ".join(collapsed(part) for part in parts)
