"""Conversations: the time to export a 30-turn conversation (DOCX, ODT) and to search 1,000.

Export: a conversation of 30 questions and 30 Markdown answers (headings, lists, a table, bold)
is stored in SQLite, then `!exporter tout`'s work is timed: read the messages, build the
document, render it (python-docx / odfpy). The upload to Matrix is not included.

Search: 1,000 conversations of one agent (6 messages each, synthetic French text, plus 1,000
of other agents) are stored; `!historique <mots>`'s query (FTS5, bm25, snippet) is timed for
a frequent word, a rare word, two words and a word prefix.

    .venv/bin/python bench/conversations.py [--rounds 15] [--json out.json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from handlers.export import documents as export  # noqa: E402
from handlers.export import texts as export_texts  # noqa: E402
from storage.conversations import ConversationRepository  # noqa: E402
from storage.db import Database  # noqa: E402

WORDS = [
    "agent",
    "administration",
    "arrêté",
    "budget",
    "circulaire",
    "collectivité",
    "congé",
    "contrat",
    "décret",
    "délai",
    "demande",
    "dossier",
    "emploi",
    "établissement",
    "formation",
    "instruction",
    "marché",
    "mission",
    "note",
    "pièce",
    "poste",
    "préfet",
    "procédure",
    "recrutement",
    "rectorat",
    "règlement",
    "rémunération",
    "service",
    "subvention",
    "télétravail",
    "titulaire",
    "usager",
    "validation",
    "ministère",
    "courrier",
    "réponse",
    "projet",
    "appel",
    "commission",
    "avis",
    "bilan",
    "calendrier",
    "cadre",
    "convention",
    "crédit",
    "dépense",
    "document",
    "échéance",
    "évaluation",
    "gestion",
    "instance",
    "justificatif",
    "mutation",
    "organisation",
    "paiement",
    "plan",
    "rapport",
    "saisine",
    "signature",
    "situation",
    "suivi",
    "tableau",
    "texte",
    "transmission",
    "vacance",
    "visa",
]
RARE = "zéphyrine"


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def answer_markdown(rng: random.Random, i: int) -> str:
    rows = "\n".join(f"| {rng.choice(WORDS)} | {rng.randint(1, 90)} jours |" for _ in range(4))
    items = "\n".join(f"{k}. {sentence(rng, 8)}" for k in range(1, 5))
    bullets = "\n".join(f"- **{rng.choice(WORDS)}** : {sentence(rng, 10)}" for _ in range(3))
    return (
        f"## Réponse {i}\n\n{sentence(rng, 30)} *{sentence(rng, 6)}*\n\n### Étapes\n\n{items}"
        f"\n\n{bullets}\n\n| Élément | Délai |\n|---|---|\n{rows}\n\n{sentence(rng, 25)}"
    )


def median_ms(values: list[float]) -> float:
    return round(statistics.median(values) * 1000, 2)


async def bench_export(db: Database, rounds: int) -> dict[str, Any]:
    rng = random.Random(9)
    repo = ConversationRepository(db)
    await db.execute(
        "INSERT INTO users (user_id, created_at) VALUES ('@export:bench', ?)", (db.now(),)
    )
    conversation_id = await repo.create("!export", "@export:bench")
    await repo.set_title(conversation_id, "Note sur les congés bonifiés")
    for i in range(30):
        await repo.add_message(conversation_id, "user", sentence(rng, 25))
        await repo.add_message(conversation_id, "assistant", answer_markdown(rng, i))
    out: dict[str, Any] = {}
    for fmt in ("docx", "odt"):
        timings, size = [], 0
        for _ in range(rounds):
            started = time.perf_counter()
            messages = await repo.messages(conversation_id, limit=400)
            sections = [
                export.Section(
                    export_texts.EXPORT_ROLE_USER
                    if m.role == "user"
                    else export_texts.EXPORT_ROLE_ASSISTANT,
                    m.content,
                    plain=m.role == "user",
                )
                for m in messages
            ]
            now = datetime.now(UTC)
            document = export.Document(
                "Note sur les congés bonifiés", now, export_texts.export_date_label(now), sections
            )
            data = await asyncio.to_thread(export.render, document, fmt)
            timings.append(time.perf_counter() - started)
            size = len(data)
        out[fmt] = {"median_ms": median_ms(timings), "bytes": size, "rounds": rounds}
    return out


async def bench_search(db: Database, rounds: int) -> dict[str, Any]:
    rng = random.Random(1000)
    repo = ConversationRepository(db)
    now = db.now()
    agents = ["@agent:bench", "@autre:bench"]
    async with db.transaction() as conn:
        for user in agents:
            await conn.execute(
                "INSERT INTO users (user_id, created_at) VALUES (?, ?)", (user, now)
            )
        for user in agents:
            for c in range(1000):
                cur = await conn.execute(
                    "INSERT INTO conversations (room_id, user_id, title, created_at, updated_at) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (f"!{user}", user, sentence(rng, 5)[:60], now, now),
                )
                for m in range(6):
                    text = sentence(rng, 40 if m % 2 else 15)
                    if user == agents[0] and c % 100 == 7 and m == 1:
                        text += f" Le dossier {RARE} est suivi."
                    await conn.execute(
                        "INSERT INTO messages (conversation_id, role, content, created_at) "
                        "VALUES (?, ?, ?, ?)",
                        (cur.lastrowid, "assistant" if m % 2 else "user", text, now),
                    )
    queries = {
        "frequent word": "congé",
        "rare word": RARE,
        "two words": "télétravail rectorat",
        "prefix": "subv",
    }
    out: dict[str, Any] = {}
    for name, words in queries.items():
        timings, hits = [], 0
        for _ in range(rounds):
            started = time.perf_counter()
            found = await repo.search(words, user_id=agents[0], room_id="!x", limit=8)
            timings.append(time.perf_counter() - started)
            hits = len(found)
        out[name] = {"query": words, "median_ms": median_ms(timings), "results": hits}
    return out


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Database(Path(folder) / "bench.sqlite3")
        await db.open()
        try:
            results = {
                "export_30_turns": await bench_export(db, args.rounds),
                "search_1000_conversations": await bench_search(db, args.rounds),
            }
        finally:
            await db.close()
    print(json.dumps(results, ensure_ascii=False, indent=2))
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    asyncio.run(main())
