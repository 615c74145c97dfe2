"""The chart of !stats, as data: agents' questions per day (per week over long periods) by
ministry, and the 👍/👎 given to answers."""

from __future__ import annotations

from datetime import date, timedelta

from bot.charts import Chart, Panel, Series
from handlers.stats import texts
from storage.stats import Daily

TOP_MINISTRIES = 5  # drawn one by one; the others are summed in one series
DAILY_UP_TO_DAYS = 62  # longer periods are drawn week by week: a bar a day would be a hair


def short_ministry(key: str) -> str:
    """A ministry's name for a legend: `agent.interieur.tchap.gouv.fr / x.gouv.fr` →
    `interieur / x.gouv.fr` (the table keeps the whole name)."""
    server, sep, domain = key.partition(" / ")
    server = server.removeprefix("agent.").removesuffix(".tchap.gouv.fr")
    return f"{server}{sep}{domain}"


def usage_series(questions: dict[str, list[int]], days: int) -> tuple[Series, ...]:
    """The busiest TOP_MINISTRIES ministries, then the rest summed."""
    ranked = sorted(questions.items(), key=lambda item: (-sum(item[1]), item[0]))
    series = [
        Series(short_ministry(key), tuple(counts)) for key, counts in ranked[:TOP_MINISTRIES]
    ]
    rest = ranked[TOP_MINISTRIES:]
    if rest:
        summed = tuple(sum(counts[day] for _, counts in rest) for day in range(days))
        series.append(Series(texts.chart_other_ministries(len(rest)), summed))
    return tuple(series)


def weekly(values: list[int]) -> list[int]:
    """Sums of 7 days, the last week ending today (the first one may be shorter)."""
    first = len(values) % 7 or 7
    return [sum(values[:first])] + [sum(values[i : i + 7]) for i in range(first, len(values), 7)]


def stats_chart(daily: Daily, today: str) -> Chart:
    days = len(daily.days)
    by_week = days > DAILY_UP_TO_DAYS
    if by_week:
        # Weeks ending today, each shown at its first day; the oldest one may have begun
        # before the period (only its days in the period are counted).
        ends = date.fromisoformat(daily.days[-1])
        weeks = len(weekly(daily.thumbs_up))
        labels = tuple(
            (ends - timedelta(days=7 * (weeks - n) - 1)).isoformat() for n in range(weeks)
        )
        questions = {key: weekly(counts) for key, counts in daily.questions.items()}
        up, down = weekly(daily.thumbs_up), weekly(daily.thumbs_down)
    else:
        labels, questions = tuple(daily.days), daily.questions
        up, down = daily.thumbs_up, daily.thumbs_down
    usage = Panel(
        texts.chart_usage_title(by_week),
        "stacked",
        labels,
        usage_series(questions, len(labels)),
        dates=True,
        value_label=texts.CHART_USAGE_AXIS,
    )
    feedback = Panel(
        texts.chart_feedback_title(by_week),
        "stacked",
        labels,
        (Series(texts.CHART_THUMBS_UP, tuple(up)), Series(texts.CHART_THUMBS_DOWN, tuple(down))),
        dates=True,
        value_label=texts.CHART_FEEDBACK_AXIS,
    )
    return Chart(
        texts.chart_title(days),
        texts.chart_description(days, by_week),
        f"statistiques-{today}-{days}j.png",
        (usage, feedback),
    )
