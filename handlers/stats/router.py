"""!stats: usage statistics for staff, overall and per ministry, as a table and a chart, or a
CSV file."""

from __future__ import annotations

import logging

from bot.args import parse_days
from bot.charts import post_charts
from bot.commands import SUPPORT_ROOM, Group, Router
from bot.context import Ctx, UserError
from bot.csvfile import csv_bytes
from bot.texts import footprint
from handlers.stats import texts
from handlers.stats.charts import stats_chart
from storage.stats import TOTAL, Row, StatsRepository

log = logging.getLogger(__name__)

router = Router("stats")

DEFAULT_DAYS = 30
MAX_DAYS = 365

COLUMNS = (
    "ministry",
    "approved",
    "pending",
    "active_1d",
    "active_7d",
    "active_30d",
    "messages",
    "tokens_in",
    "tokens_out",
    "latency_median_ms",
    "latency_p95_ms",
    "errors",
    "thumbs_up",
    "thumbs_down",
    "surveys_sent",
    "surveys_completed",
    "footprint_requests",
    "cost",
    "energy_kwh",
    "co2eq_kg",
)
_HEADERS = (
    "ministère",
    "appr.",
    "att.",
    "actifs 1/7/30 j",
    "msg",
    "jetons",
    "lat. méd/p95 s",
    "err.",
    "👍/👎",
    "sondages",
)
_FOOTPRINT_HEADERS = ("ministère", "requêtes", "coût · énergie · CO2eq")


def _cells(row: Row) -> list[object]:
    return [
        row.approved,
        row.pending,
        row.active_1,
        row.active_7,
        row.active_30,
        row.messages,
        row.tokens_in,
        row.tokens_out,
        row.latency_median,
        row.latency_p95,
        row.errors,
        row.thumbs_up,
        row.thumbs_down,
        row.surveys_sent,
        row.surveys_completed,
        row.footprint_requests,
        round(row.cost, 6),
        round(row.kwh, 6),
        round(row.kgco2eq, 6),
    ]


def _seconds(ms: int | None) -> str:
    return "–" if ms is None else f"{ms / 1000:.1f}"


def stats_table(rows: dict[str, Row]) -> str:
    lines = ["| " + " | ".join(_HEADERS) + " |", "|" + " --- |" * len(_HEADERS)]
    for key, row in rows.items():
        rated = row.thumbs_up + row.thumbs_down
        ratio = f" ({100 * row.thumbs_up / rated:.0f} %)" if rated else ""
        surveys = f"{row.surveys_completed}/{row.surveys_sent}" if row.surveys_sent else "–"
        cells = [
            f"**{key}**" if key == TOTAL else key,
            str(row.approved),
            str(row.pending),
            f"{row.active_1}/{row.active_7}/{row.active_30}",
            str(row.messages),
            f"{row.tokens_in + row.tokens_out}",
            f"{_seconds(row.latency_median)}/{_seconds(row.latency_p95)}",
            str(row.errors),
            f"{row.thumbs_up}/{row.thumbs_down}{ratio}",
            surveys,
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def footprint_table(rows: dict[str, Row]) -> str | None:
    """The footprint the model's server reported, by ministry; None when it reported none."""
    measured = {key: row for key, row in rows.items() if row.footprint_requests}
    if not measured:
        return None
    lines = [
        "| " + " | ".join(_FOOTPRINT_HEADERS) + " |",
        "|" + " --- |" * len(_FOOTPRINT_HEADERS),
    ]
    for key, row in measured.items():
        cells = [
            f"**{key}**" if key == TOTAL else key,
            str(row.footprint_requests),
            footprint(row.cost, row.kwh, row.kgco2eq),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def stats_csv(rows: dict[str, Row], days: int) -> bytes:
    return csv_bytes(
        ["period_days", *COLUMNS], ([days, key, *_cells(row)] for key, row in rows.items())
    )


@router.command(
    "stats",
    "statistiques",
    usage="!stats [période, ex. 7j] | !stats export [période]",
    help=(
        "statistiques d'usage, au total et par ministère\u00a0: tableau et graphique, "
        "ou CSV avec export"
    ),
    where=SUPPORT_ROOM,
    admin=True,
    group=Group.SERVICE,
)
async def show_stats(ctx: Ctx) -> None:
    args = ctx.args.strip()
    export = args.lower().startswith("export")
    if export:
        args = args[len("export") :].strip()
    days = parse_days(args, default=DEFAULT_DAYS, maximum=MAX_DAYS)
    if days is None:
        raise UserError(texts.STATS_BAD_PERIOD)
    services = ctx.services
    now = services.clock()
    rows = await StatsRepository(services.db).compute(now, days)
    log.info("statistics (%d days, %d ministries) for %s", days, len(rows) - 1, ctx.sender)
    if export:
        day = now.date().isoformat()
        await services.matrix.send_file(
            ctx.room_id, stats_csv(rows, days), f"stats-{day}-{days}j.csv", "text/csv"
        )
        await ctx.reply(texts.STATS_EXPORT_DONE)
        return
    parts = [texts.stats_header(days), stats_table(rows)]
    impacts = footprint_table(rows)
    if impacts is not None:
        parts += [texts.FOOTPRINT_HEADER, impacts]
    await ctx.reply("\n\n".join(parts))
    # The chart comes after the table, which never waits for it (nor fails with it).
    daily = await StatsRepository(services.db).daily(now, days)
    await post_charts(ctx, [stats_chart(daily, now.date().isoformat())], texts.CHART_FAILED)
