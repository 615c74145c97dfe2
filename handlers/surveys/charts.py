"""The charts of !survey results, as data: how many agents gave each answer, question by
question (free-text questions are read in the text, not drawn)."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from bot.charts import MAX_CHARTS, Chart, Panel, Series
from handlers.surveys import texts
from handlers.surveys.definitions import Question, Survey

PANELS_PER_CHART = 4  # two by two: each question stays readable at 1000×500


def answer_counts(question: Question, answers: list[dict[str, Any]]) -> list[tuple[str, int]]:
    """Each possible answer of a scale, choice, multi or yes/no question and how many agents
    gave it (skipped ones not counted); [] for a free-text question."""
    given = [
        json.loads(a["value"])
        for a in answers
        if a["question_id"] == question.id and not a["skipped"] and a["value"]
    ]
    counts: Counter[object] = Counter()
    for value in given:
        for one in value if isinstance(value, list) else [value]:
            counts[one if isinstance(one, bool) else int(one)] += 1
    if question.kind == "scale":
        assert question.min is not None and question.max is not None
        return [(str(v), counts.get(v, 0)) for v in range(question.min, question.max + 1)]
    if question.kind in ("choice", "multi"):
        return [(o, counts.get(i, 0)) for i, o in enumerate(question.options, start=1)]
    if question.kind == "yesno":
        return [(texts.YES, counts.get(True, 0)), (texts.NO, counts.get(False, 0))]
    return []


def results_charts(survey: Survey, answers: list[dict[str, Any]]) -> list[Chart]:
    """Up to MAX_CHARTS images of PANELS_PER_CHART questions each; [] when no question can be
    drawn. The text gives every question, whatever the charts leave out."""
    panels: list[tuple[int, Panel]] = []
    for number, question in enumerate(survey.questions, start=1):
        counts = answer_counts(question, answers)
        if not counts:
            continue
        panels.append(
            (
                number,
                Panel(
                    f"{number}. {question.text}",
                    "hbars",
                    tuple(label for label, _ in counts),
                    (Series(texts.CHART_ANSWERS, tuple(n for _, n in counts)),),
                    value_label=texts.CHART_ANSWERS_AXIS,
                    empty=texts.CHART_NO_ANSWER,
                ),
            )
        )
    charts: list[Chart] = []
    for start in range(0, len(panels), PANELS_PER_CHART):
        group = panels[start : start + PANELS_PER_CHART]
        if len(charts) == MAX_CHARTS:
            break
        first, last = group[0][0], group[-1][0]
        part = f"-{len(charts) + 1}" if len(panels) > PANELS_PER_CHART else ""
        charts.append(
            Chart(
                texts.chart_title(survey.title),
                texts.chart_description(survey.title, first, last),
                f"sondage-{survey.id}{part}.png",
                tuple(panel for _, panel in group),
            )
        )
    return charts
