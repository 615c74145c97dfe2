"""Charts: the specs built by !stats and !survey results, their bounds, the daily counts they
read, and the worker driver (a real worker, and workers that hang, die or misbehave)."""

from __future__ import annotations

import itertools
import json
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.charts import (
    MAX_CHARTS,
    MAX_LABEL,
    MAX_PANELS,
    MAX_POINTS,
    MAX_SERIES,
    Chart,
    ChartError,
    ChartRenderer,
    Panel,
    Series,
    bounded,
    png_size,
)
from handlers.stats.charts import (
    TOP_MINISTRIES,
    short_ministry,
    stats_chart,
    usage_series,
    weekly,
)
from handlers.surveys.charts import PANELS_PER_CHART, answer_counts, results_charts
from handlers.surveys.definitions import Survey
from storage.db import Database
from storage.stats import Daily, StatsRepository

NOW = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)


def _daily(days: int, ministries: int) -> Daily:
    dates = [f"2026-{1 + n // 28:02d}-{1 + n % 28:02d}" for n in range(days)]
    questions = {f"agent.m{i}.tchap.gouv.fr / m{i}.gouv.fr": [i] * days for i in range(ministries)}
    return Daily(dates, questions, [1] * days, [0] * days)


def test_stats_chart_draws_daily_questions_by_ministry_and_feedback_in_french() -> None:
    chart = stats_chart(_daily(30, 3), "2026-12-03")
    assert chart.filename == "statistiques-2026-12-03-30j.png"
    assert (chart.width, chart.height) == (1000, 500)
    usage, feedback = chart.panels
    assert usage.kind == "stacked" and usage.dates and len(usage.labels) == 30
    assert [s.label for s in usage.series] == [
        "m2 / m2.gouv.fr",
        "m1 / m1.gouv.fr",
        "m0 / m0.gouv.fr",
    ]
    assert [s.label for s in feedback.series] == ["avis positifs", "avis négatifs"]
    assert "Graphique\u00a0:" in chart.description
    assert usage.title == "Questions des agents par jour, par ministère"


def test_a_long_period_is_drawn_week_by_week_and_counts_every_day() -> None:
    daily = Daily(
        [(date(2026, 12, 3) - timedelta(days=364 - n)).isoformat() for n in range(365)],
        {"m": list(range(365))},
        [1] * 365,
        [0] * 365,
    )
    chart = stats_chart(daily, "2026-12-03")
    usage, feedback = chart.panels
    assert len(usage.labels) == 53 and usage.labels[-1] == "2026-11-27"  # the week ending today
    starts = [date.fromisoformat(label) for label in usage.labels]
    assert {(b - a).days for a, b in itertools.pairwise(starts)} == {7}
    assert sum(usage.series[0].values) == sum(range(365))
    assert feedback.series[0].values[0] == 1 and set(feedback.series[0].values[1:]) == {7}
    assert "par semaine" in usage.title and "par semaine" in chart.description
    assert weekly([1] * 15) == [1, 7, 7]


def test_usage_series_keeps_the_busiest_ministries_and_sums_the_others() -> None:
    questions = {f"m{i}": [i, 2 * i] for i in range(TOP_MINISTRIES + 3)}
    series = usage_series(questions, 2)
    assert len(series) == TOP_MINISTRIES + 1
    assert series[0].label == f"m{TOP_MINISTRIES + 2}"
    assert series[-1].label == "3 autre(s) ministère(s)"
    assert series[-1].values == (0 + 1 + 2, 0 + 2 + 4)
    assert short_ministry("agent.interieur.tchap.gouv.fr / interieur.gouv.fr") == (
        "interieur / interieur.gouv.fr"
    )
    assert short_ministry("(salons de groupe)") == "(salons de groupe)"


SURVEY = Survey.model_validate(
    {
        "id": "s",
        "title": "Titre",
        "questions": [
            {"id": "note", "kind": "scale", "min": 1, "max": 5, "text": "Note ?"},
            {"id": "libre", "kind": "text", "text": "Remarque ?", "optional": True},
            {"id": "choix", "kind": "choice", "text": "Choix ?", "options": ["A", "B", "C"]},
            {"id": "plus", "kind": "multi", "text": "Plusieurs ?", "options": ["X", "Y"]},
            {"id": "ok", "kind": "yesno", "text": "D'accord ?", "optional": True},
        ],
    }
)


def _answer(question: str, value: Any, skipped: bool = False) -> dict[str, Any]:
    return {
        "send_id": 1,
        "question_id": question,
        "value": None if skipped else json.dumps(value),
        "skipped": skipped,
        "text": None,
    }


def test_answer_counts_per_kind_leave_out_skipped_answers() -> None:
    answers = [
        _answer("note", 4),
        _answer("note", 4),
        _answer("note", 1),
        _answer("choix", 2),
        _answer("plus", [1, 2]),
        _answer("plus", [2]),
        _answer("ok", True),
        _answer("ok", None, skipped=True),
    ]
    q = {question.id: question for question in SURVEY.questions}
    assert answer_counts(q["note"], answers) == [("1", 1), ("2", 0), ("3", 0), ("4", 2), ("5", 0)]
    assert answer_counts(q["choix"], answers) == [("A", 0), ("B", 1), ("C", 0)]
    assert answer_counts(q["plus"], answers) == [("X", 1), ("Y", 2)]
    assert answer_counts(q["ok"], answers) == [("oui", 1), ("non", 0)]
    assert answer_counts(q["libre"], answers) == []


def test_results_charts_draw_every_closed_question_four_by_image() -> None:
    [chart] = results_charts(SURVEY, [])
    assert chart.filename == "sondage-s.png"
    assert [p.title for p in chart.panels] == [
        "1. Note ?",
        "3. Choix ?",
        "4. Plusieurs ?",
        "5. D'accord ?",
    ]
    assert all(p.kind == "hbars" for p in chart.panels)
    assert chart.title == "Réponses au questionnaire «\u00a0Titre\u00a0»"
    assert "aux questions 1 à 5" in chart.description
    many = Survey.model_validate(
        {
            "id": "long",
            "title": "Long",
            "questions": [
                {"id": f"q{n}", "kind": "yesno", "text": f"Question {n} ?"}
                for n in range(PANELS_PER_CHART * MAX_CHARTS + 3)
            ],
        }
    )
    charts = results_charts(many, [])
    assert len(charts) == MAX_CHARTS
    assert [c.filename for c in charts[:2]] == ["sondage-long-1.png", "sondage-long-2.png"]
    assert "à la question" not in charts[0].description
    only_text = Survey.model_validate(
        {"id": "t", "title": "T", "questions": [{"id": "a", "kind": "text", "text": "?"}]}
    )
    assert results_charts(only_text, []) == []


@settings(max_examples=25, deadline=None)
@given(
    st.integers(0, MAX_PANELS + 3),
    st.integers(0, MAX_SERIES + 3),
    st.integers(0, MAX_POINTS + 50),
    st.text(max_size=MAX_LABEL * 4),
)
def test_bounded_specs_stay_within_the_workers_limits(
    panels: int, series: int, points: int, text: str
) -> None:
    chart = Chart(
        text,
        text,
        "x.png",
        tuple(
            Panel(
                text,
                "lines",
                tuple(text for _ in range(points)),
                tuple(Series(text, tuple(range(points + 5 - 10 * n))) for n in range(series)),
                value_label=text,
            )
            for _ in range(panels)
        ),
        width=10**6,
        height=-5,
    )
    out = bounded(chart)
    assert len(out.panels) <= MAX_PANELS and 200 <= out.width <= 2000 and out.height == 200
    assert len(out.title) <= MAX_LABEL
    for panel in out.panels:
        assert len(panel.labels) <= MAX_POINTS and len(panel.series) <= MAX_SERIES
        assert all(len(s.values) == len(panel.labels) for s in panel.series)
        assert all(len(x) <= MAX_LABEL for x in (panel.title, *panel.labels))


@given(st.binary(max_size=64))
def test_png_size_reads_a_header_or_nothing(data: bytes) -> None:
    size = png_size(data)
    assert size is None or data.startswith(b"\x89PNG")


async def test_daily_counts_questions_by_ministry_and_day_and_feedback(tmp_path: Path) -> None:
    async with Database(tmp_path / "db.sqlite3") as db:
        await db.execute(
            "INSERT INTO users (user_id, created_at, homeserver, domain) VALUES "
            "('@a:x', '2026-01-01', 'agent.interieur.tchap.gouv.fr', 'interieur.gouv.fr')"
        )
        await db.execute(
            "INSERT INTO conversations (id, room_id, user_id, created_at, updated_at) "
            "VALUES (1, '!r', '@a:x', '2026-01-01', '2026-01-01')"
        )
        for at, role in (
            ("2026-12-03T09:00:00.000+00:00", "user"),
            ("2026-12-03T09:00:01.000+00:00", "assistant"),
            ("2026-12-01T23:59:00.000+00:00", "user"),
            ("2026-11-20T10:00:00.000+00:00", "user"),  # before the period
        ):
            await db.execute(
                "INSERT INTO messages (conversation_id, role, content, created_at) "
                "VALUES (1, ?, 'x', ?)",
                (role, at),
            )
        await db.execute(
            "INSERT INTO feedback_tallies (day, rating, count) VALUES ('2026-12-02', 'up', 3), "
            "('2026-12-03', 'down', 1), ('2026-11-01', 'up', 9)"
        )
        daily = await StatsRepository(db).daily(NOW, 7)
    assert daily.days == [f"2026-11-{d}" for d in range(27, 31)] + [
        f"2026-12-0{d}" for d in range(1, 4)
    ]
    assert daily.questions == {
        "agent.interieur.tchap.gouv.fr / interieur.gouv.fr": [0, 0, 0, 0, 1, 0, 1]
    }
    assert daily.thumbs_up == [0, 0, 0, 0, 0, 3, 0]
    assert daily.thumbs_down == [0, 0, 0, 0, 0, 0, 1]


async def test_a_worker_draws_pngs_of_the_declared_size() -> None:
    charts = [stats_chart(_daily(30, 2), "2026-12-03"), *results_charts(SURVEY, [])]
    pngs = await ChartRenderer().render(charts)
    assert [png_size(p.data) for p in pngs] == [(1000, 500), (1000, 500)]


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("import time; time.sleep(60)", "timeout"),
        ("import os; os._exit(3)", "died"),
        ("import sys; sys.stdout.write('x' * (9 * 1024 * 1024)); sys.stdout.flush()", "output"),
        ("import sys; sys.stdout.write('{\"sizes\": [4]}\\nPNG!')", "bad_png"),
        ("print('not json')", "died"),
    ],
)
async def test_a_worker_that_hangs_dies_or_misbehaves_fails_with_a_reason(
    code: str, reason: str
) -> None:
    renderer = ChartRenderer(timeout=1.5, command=(sys.executable, "-c", code))
    with pytest.raises(ChartError) as caught:
        await renderer.render([stats_chart(_daily(7, 1), "2026-12-03")])
    assert caught.value.reason == reason


async def test_too_many_charts_are_refused_before_any_worker_starts() -> None:
    renderer = ChartRenderer(command=("/nonexistent",))
    chart = stats_chart(_daily(7, 1), "2026-12-03")
    with pytest.raises(ChartError):
        await renderer.render([chart] * (MAX_CHARTS + 1))
