"""Example charts as PNG files: `python -m devtools.chart_examples FOLDER`.

Draws, with made-up figures, the charts the bot posts: !stats over 30 and 365 days (several
ministries, one without any activity), and !survey results for a survey of every kind of
question, through the same spec builders and the same worker as the bot.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bot.charts import MAX_CHARTS, Chart, ChartRenderer, Png
from handlers.stats.charts import stats_chart
from handlers.surveys.charts import results_charts
from handlers.surveys.definitions import Survey
from storage.stats import Daily

TODAY = date(2026, 12, 3)
MINISTRIES = (
    "agent.interieur.tchap.gouv.fr / interieur.gouv.fr",
    "agent.finances.tchap.gouv.fr / dgfip.finances.gouv.fr",
    "agent.dinum.tchap.gouv.fr / modernisation.gouv.fr",
    "agent.education.tchap.gouv.fr / ac-lyon.fr",
    "agent.social.tchap.gouv.fr / sante.gouv.fr",
    "agent.culture.tchap.gouv.fr / culture.gouv.fr",
    "agent.justice.tchap.gouv.fr / justice.fr",
)


def example_daily(days: int, rng: random.Random) -> Daily:
    dates = [(TODAY - timedelta(days=days - 1 - n)).isoformat() for n in range(days)]
    weekday = [date.fromisoformat(d).weekday() < 5 for d in dates]
    questions = {
        name: [rng.randint(0, 12 - 2 * rank) if open_ else rng.randint(0, 1) for open_ in weekday]
        for rank, name in enumerate(MINISTRIES)
    }
    up = [rng.randint(0, 4) if open_ else 0 for open_ in weekday]
    down = [rng.randint(0, 2) if open_ else 0 for open_ in weekday]
    return Daily(dates, questions, up, down)


EXAMPLE_SURVEY = {
    "id": "mensuel-decembre",
    "title": "Votre avis sur l'assistant, décembre",
    "questions": [
        {"id": "note", "kind": "scale", "min": 1, "max": 5,
         "text": "Quelle note donnez-vous à l'assistant pour votre travail de ce mois-ci ?"},
        {"id": "usage", "kind": "multi",
         "text": "Pour quelles tâches l'avez-vous utilisé ?",
         "options": ["Rédaction de courriels", "Synthèse de documents", "Recherche",
                     "Traduction", "Notes et comptes rendus de réunion"]},
        {"id": "temps", "kind": "choice",
         "text": "Combien de temps vous a-t-il fait gagner par semaine ?",
         "options": ["Aucun", "Moins d'une heure", "Une à trois heures", "Plus de trois heures"]},
        {"id": "recommander", "kind": "yesno",
         "text": "Le recommanderiez-vous à un collègue ?"},
        {"id": "remarques", "kind": "text", "optional": True,
         "text": "Une remarque pour l'équipe ?"},
        {"id": "nps", "kind": "scale", "min": 0, "max": 10,
         "text": "De 0 à 10, quelle probabilité de continuer à l'utiliser le mois prochain ?"},
    ],
}  # fmt: skip


def example_answers(survey: Survey, rng: random.Random, agents: int) -> list[dict[str, Any]]:
    answers: list[dict[str, Any]] = []
    for send in range(1, agents + 1):
        for question in survey.questions:
            value: Any
            if question.kind == "scale":
                assert question.min is not None and question.max is not None
                value = rng.randint(max(question.min, question.max - 3), question.max)
            elif question.kind == "choice":
                value = rng.randint(1, len(question.options))
            elif question.kind == "multi":
                value = sorted(rng.sample(range(1, len(question.options) + 1), rng.randint(1, 3)))
            elif question.kind == "yesno":
                value = rng.random() < 0.8
            else:
                continue
            skipped = question.optional and rng.random() < 0.3
            answers.append(
                {
                    "send_id": send,
                    "question_id": question.id,
                    "value": None if skipped else json.dumps(value),
                    "skipped": skipped,
                    "text": None,
                }
            )
    return answers


def example_charts() -> list[Chart]:
    rng = random.Random(17)
    survey = Survey.model_validate(EXAMPLE_SURVEY)
    empty = Daily(
        [(TODAY - timedelta(days=6 - n)).isoformat() for n in range(7)], {}, [0] * 7, [0] * 7
    )
    return [
        stats_chart(example_daily(30, rng), TODAY.isoformat()),
        stats_chart(example_daily(365, rng), TODAY.isoformat()),
        stats_chart(empty, TODAY.isoformat()),
        *results_charts(survey, example_answers(survey, rng, 23)),
    ]


async def draw_examples() -> list[tuple[Chart, Png]]:
    renderer = ChartRenderer()
    drawn: list[tuple[Chart, Png]] = []
    charts = example_charts()
    for start in range(0, len(charts), MAX_CHARTS):  # one worker draws up to MAX_CHARTS
        group = charts[start : start + MAX_CHARTS]
        began = time.monotonic()
        pngs = await renderer.render(group)
        print(f"{len(group)} chart(s) drawn in {time.monotonic() - began:.2f} s by one worker")
        drawn += zip(group, pngs, strict=True)
    return drawn


def write_examples(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for chart, png in asyncio.run(draw_examples()):
        path = folder / chart.filename
        path.write_bytes(png.data)
        written.append(path)
        print(f"{path} ({png.width}×{png.height}, {len(png.data)} bytes)")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="where the PNG files are written")
    args = parser.parse_args(argv)
    write_examples(args.folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
