"""Charts (PNG) drawn from plain data by matplotlib in a short-lived worker process.

Features build their charts as data (`Chart`, `Panel`, `Series`); `ChartRenderer` hands them to
a fresh `python …/bot/charts.py` with a deadline and a memory cap, and reads the PNGs back.
matplotlib is never imported by the bot: it would cost it about 40 MB for good, and drawing is
CPU work that must not run on the event loop. The worker is run as a script, not with `-m`:
importing the `bot` package would load the bot's configuration and Matrix client into it. So this
module imports only the standard library at its top.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import shutil
import struct
import sys
import tempfile
import textwrap
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from bot.context import Ctx

log = logging.getLogger(__name__)

WIDTH = 1000  # pixels of every chart (fixed: clients size the image from the event's info)
HEIGHT = 500
DPI = 100

# Bounds of what a worker is asked to draw: a year of days, a handful of series.
MAX_CHARTS = 4  # per call (one worker draws them all)
MAX_PANELS = 6  # per chart
MAX_SERIES = 8  # per panel
MAX_POINTS = 400  # per series
MAX_LABEL = 80  # characters of a title, category or series name (longer ones are cut)

TIMEOUT = 20.0  # seconds for a worker to start, import matplotlib and draw (~1 s in practice)
MEMORY_MB = 512  # address space (RLIMIT_AS) of the worker; 4 charts peak at ~90 MB resident
MAX_OUTPUT = 8 * 1024 * 1024  # bytes read from a worker's stdout; more and it is killed
_REAP_SECONDS = 5.0

PanelKind = Literal["lines", "bars", "stacked", "hbars"]

# Sober colours readable by colour-blind people: the French state's blue first, then an orange
# far from it, then muted tones.
PALETTE = (
    "#000091",
    "#E4794A",
    "#009081",
    "#A558A0",
    "#C3992A",
    "#417DC4",
    "#8D533E",
    "#666666",
)


class ChartError(Exception):
    """A chart could not be drawn (`reason`: spec, timeout, died, output, bad_png)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Series:
    label: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class Panel:
    """One plot: `labels` are the categories (ISO dates when `dates`), each series gives one
    value per label. `lines`: a curve per series; `bars`: series side by side; `stacked`: bars
    stacked; `hbars`: horizontal bars with their values written (answers to a question)."""

    title: str
    kind: PanelKind
    labels: tuple[str, ...]
    series: tuple[Series, ...]
    dates: bool = False
    value_label: str = ""
    empty: str = "Aucune donnée sur la période"


@dataclass(frozen=True)
class Chart:
    title: str
    description: str  # the text alternative, posted with the image
    filename: str
    panels: tuple[Panel, ...]
    width: int = WIDTH
    height: int = HEIGHT


@dataclass(frozen=True)
class Png:
    data: bytes
    width: int
    height: int


def _cut(text: str) -> str:
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def _fit(values: tuple[float, ...], size: int) -> tuple[float, ...]:
    """A value per label: extra values dropped, missing ones zero."""
    return values[:size] + (0.0,) * (size - len(values))


def bounded(chart: Chart) -> Chart:
    """The chart within the worker's bounds: texts cut, panels, series and points dropped from
    the end (the text version always has everything), a value per label."""
    panels = []
    for panel in chart.panels[:MAX_PANELS]:
        labels = tuple(_cut(label) for label in panel.labels[:MAX_POINTS])
        series = tuple(
            Series(_cut(s.label), tuple(float(v) for v in _fit(s.values, len(labels))))
            for s in panel.series[:MAX_SERIES]
        )
        panels.append(
            Panel(
                _cut(panel.title),
                panel.kind,
                labels,
                series,
                dates=panel.dates,
                value_label=_cut(panel.value_label),
                empty=_cut(panel.empty),
            )
        )
    return Chart(
        _cut(chart.title),
        chart.description,
        chart.filename,
        tuple(panels),
        width=min(max(chart.width, 200), 2000),
        height=min(max(chart.height, 200), 2000),
    )


def png_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from a PNG's header, or None if `data` is no PNG."""
    if len(data) < 24 or data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


# The worker -------------------------------------------------------------------------------------


def _wrap(text: str, width: int) -> str:
    lines = textwrap.wrap(text, width) or [""]
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), width, placeholder="…")]
    return "\n".join(lines)


def _has_data(panel: dict[str, Any]) -> bool:
    return bool(panel["labels"]) and any(any(s["values"]) for s in panel["series"])


def _draw_panel(ax: Any, panel: dict[str, Any]) -> None:
    import datetime

    from matplotlib import dates as mdates
    from matplotlib.ticker import MaxNLocator

    ax.set_title(panel["title"], fontsize=11, fontweight="bold", color="#161616")
    if not _has_data(panel):
        ax.set_axis_off()
        ax.text(
            0.5, 0.5, panel["empty"], ha="center", va="center", color="#666666",
            transform=ax.transAxes, fontsize=12,
        )  # fmt: skip
        return
    kind = panel["kind"]
    labels: list[str] = panel["labels"]
    series: list[dict[str, Any]] = panel["series"]
    if kind == "hbars":
        names = [_wrap(label, 24) for label in labels]
        positions = list(range(len(labels)))
        height = 0.8 / len(series)
        for i, s in enumerate(series):
            offsets = [p - 0.4 + height * (i + 0.5) for p in positions]
            bars = ax.barh(
                offsets, s["values"], height=height * 0.9, color=PALETTE[i % len(PALETTE)],
                label=s["label"],
            )  # fmt: skip
            ax.bar_label(bars, fmt="%g", padding=3, fontsize=10, color="#161616")
        ax.set_yticks(positions, names, fontsize=10)
        ax.invert_yaxis()  # the first option on top, as in the question
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.margins(x=0.15)
        ax.grid(axis="x", color="#DDDDDD", linewidth=0.8)
        ax.set_axisbelow(True)
        if panel["value_label"]:
            ax.set_xlabel(panel["value_label"], fontsize=10)
    else:
        xs: list[Any]
        if panel["dates"]:
            xs = [datetime.date.fromisoformat(label) for label in labels]
            # A bar per day or per week: as wide as the gap between two labels, in days.
            step = float((xs[1] - xs[0]).days) if len(xs) > 1 and xs[1] > xs[0] else 1.0
        else:
            xs = list(range(len(labels)))
            step = 1.0
        bottom = [0.0] * len(xs)
        width = 0.8 * step / (1 if kind == "stacked" else len(series))
        for i, s in enumerate(series):
            colour = PALETTE[i % len(PALETTE)]
            values = s["values"]
            if kind == "lines":
                ax.plot(
                    xs, values, color=colour, linewidth=2, label=s["label"],
                    marker="o" if len(xs) <= 31 else None, markersize=3,
                )  # fmt: skip
            elif kind == "stacked":
                ax.bar(xs, values, width=width, bottom=bottom, color=colour, label=s["label"])
                bottom = [b + v for b, v in zip(bottom, values, strict=True)]
            else:
                shift = -0.4 * step + width * (i + 0.5)
                if panel["dates"]:
                    at = [x + datetime.timedelta(days=shift) for x in xs]
                else:
                    at = [x + shift for x in xs]
                ax.bar(at, values, width=width, color=colour, label=s["label"])
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        # The highest bar below the frame's top (bars' sticky edges defeat ax.margins).
        highest = max(bottom) if kind == "stacked" else max(max(s["values"]) for s in series)
        ax.set_ylim(0, max(1.0, highest) * 1.08)
        ax.grid(axis="y", color="#DDDDDD", linewidth=0.8)
        ax.set_axisbelow(True)
        if panel["dates"]:
            locator = mdates.AutoDateLocator(minticks=3, maxticks=8)  # type: ignore[no-untyped-call]
            ax.xaxis.set_major_locator(locator)
            ax.xaxis.set_major_formatter(mdates.DateFormatter("%d/%m"))  # type: ignore[no-untyped-call]
        else:
            ax.set_xticks(xs, labels)
        if panel["value_label"]:
            ax.set_ylabel(panel["value_label"], fontsize=10)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if len(series) > 1 or kind != "hbars":  # under the plot, where it hides nothing
        ax.legend(
            frameon=False, fontsize=9, loc="upper center", bbox_to_anchor=(0.5, -0.12),
            ncols=min(len(series), 2),
        )  # fmt: skip


def draw(chart: dict[str, Any]) -> bytes:
    """One chart as PNG bytes, at its exact size (no tight bounding box: it would change it)."""
    import io

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    dpi = DPI
    figure = Figure(
        figsize=(chart["width"] / dpi, chart["height"] / dpi), dpi=dpi, layout="constrained"
    )
    FigureCanvasAgg(figure)
    figure.suptitle(_wrap(chart["title"], chart["width"] // 9), fontsize=14, color="#161616")
    panels = chart["panels"] or [
        {"title": "", "kind": "lines", "labels": [], "series": [], "empty": "Aucune donnée"}
    ]
    columns = min(len(panels), 2 if len(panels) <= 4 else 3)
    rows = -(-len(panels) // columns)
    # Titles wrapped to their panel's axes (about 8 pixels a bold character, the axes being
    # narrower than the panel by their tick labels), two lines at most.
    per_line = max(20, chart["width"] // columns // 14)
    for index, panel in enumerate(panels, start=1):
        title = _wrap(panel["title"], per_line)
        _draw_panel(figure.add_subplot(rows, columns, index), {**panel, "title": title})
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=dpi, facecolor="white", metadata={"Software": None})
    return out.getvalue()


def _limit_worker(memory_mb: int) -> None:
    import resource

    if memory_mb:
        memory = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_FSIZE, (16 * 1024 * 1024, 16 * 1024 * 1024))


def worker_main() -> None:
    """`python …/bot/charts.py`: the charts as JSON on stdin; a JSON line on stdout saying the
    size of each PNG, then the PNGs one after the other."""
    import warnings

    request = json.loads(sys.stdin.buffer.read(MAX_OUTPUT))
    _limit_worker(int(request.get("memory_mb") or 0))
    warnings.simplefilter("ignore")
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams.update(
        {
            "font.family": "DejaVu Sans",
            "font.size": 10,
            "axes.edgecolor": "#666666",
            "axes.labelcolor": "#161616",
            "xtick.color": "#3A3A3A",
            "ytick.color": "#3A3A3A",
        }
    )
    images = [draw(chart) for chart in request["charts"][:MAX_CHARTS]]
    head = {"ok": True, "sizes": [len(image) for image in images]}
    sys.stdout.buffer.write(json.dumps(head).encode() + b"\n")
    for image in images:
        sys.stdout.buffer.write(image)
    sys.stdout.flush()


# The bot's side ---------------------------------------------------------------------------------

_WORKER_ENVIRONMENT = ("PATH", "PYTHONHOME", "PYTHONPATH")


def worker_environment(workdir: str) -> dict[str, str]:
    """What a worker gets: what Python needs to start, never the bot's secrets."""
    environment = {name: os.environ[name] for name in _WORKER_ENVIRONMENT if name in os.environ}
    environment.update(
        TMPDIR=workdir,
        MPLCONFIGDIR=workdir,  # its font list, rebuilt each time (~0.1 s): no shared state
        MPLBACKEND="Agg",
        OPENBLAS_NUM_THREADS="1",  # numpy's BLAS would reserve memory for a thread per core
        OMP_NUM_THREADS="1",
        PYTHONDONTWRITEBYTECODE="1",
        PYTHONNOUSERSITE="1",
        PYTHONSAFEPATH="1",
    )
    return environment


@dataclass
class ChartRenderer:
    """Draws charts in a fresh worker process per call, one call at a time."""

    timeout: float = TIMEOUT
    memory_mb: int = MEMORY_MB
    command: Sequence[str] = field(
        default_factory=lambda: (sys.executable, str(Path(__file__).resolve()))
    )
    _slot: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(1), repr=False)

    async def render(self, charts: Sequence[Chart]) -> list[Png]:
        """The charts as PNGs; raises ChartError."""
        if not charts or len(charts) > MAX_CHARTS:
            raise ChartError("spec")
        specs = [asdict(bounded(chart)) for chart in charts]
        request = json.dumps({"charts": specs, "memory_mb": self.memory_mb}).encode()
        async with self._slot:
            out = await self._run(request)
        head, _, payload = out.partition(b"\n")
        try:
            sizes = [int(size) for size in json.loads(head)["sizes"]]
        except (ValueError, KeyError, TypeError):
            raise ChartError("died") from None
        if len(sizes) != len(specs) or sum(sizes) != len(payload):
            raise ChartError("died")
        pngs: list[Png] = []
        for size, spec in zip(sizes, specs, strict=True):
            data, payload = payload[:size], payload[size:]
            if png_size(data) != (spec["width"], spec["height"]):
                raise ChartError("bad_png")
            pngs.append(Png(data, spec["width"], spec["height"]))
        return pngs

    async def _run(self, request: bytes) -> bytes:
        workdir = tempfile.mkdtemp(prefix="charts-")
        try:
            process = await asyncio.create_subprocess_exec(
                *self.command,
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
                cwd=workdir,
                env=worker_environment(workdir),
                close_fds=True,
                start_new_session=True,
            )
            try:
                out, err = await asyncio.wait_for(self._exchange(process, request), self.timeout)
            except TimeoutError:
                log.warning("chart worker overran %.0f s: killed", self.timeout)
                raise ChartError("timeout") from None
            finally:
                if process.returncode is None:
                    process.kill()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(process.wait(), _REAP_SECONDS)
            if out is None:
                log.warning("chart worker wrote more than %d bytes: killed", MAX_OUTPUT)
                raise ChartError("output")
            if process.returncode != 0:
                log.warning(
                    "chart worker ended with code %s (%d bytes on stderr)",
                    process.returncode,
                    err,
                )
                raise ChartError("died")
            return out
        finally:
            shutil.rmtree(workdir, ignore_errors=True)

    @staticmethod
    async def _exchange(
        process: asyncio.subprocess.Process, request: bytes
    ) -> tuple[bytes | None, int]:
        """The worker's stdout (None past MAX_OUTPUT) and the length of its stderr, read to
        their ends so that it never blocks on a full pipe; then its exit."""
        assert process.stdin and process.stdout and process.stderr
        stdin, stdout, stderr = process.stdin, process.stdout, process.stderr

        async def feed() -> None:
            try:
                stdin.write(request)
                await stdin.drain()
            except (BrokenPipeError, ConnectionResetError):
                pass  # it died: its exit says so
            finally:
                stdin.close()

        async def read_out() -> bytes | None:
            out = bytearray()
            while chunk := await stdout.read(64 * 1024):
                if len(out) + len(chunk) > MAX_OUTPUT:
                    process.kill()
                    return None
                out += chunk
            return bytes(out)

        async def count_err() -> int:
            total = 0
            while chunk := await stderr.read(64 * 1024):
                total += len(chunk)
            return total

        _, out, err = await asyncio.gather(feed(), read_out(), count_err())
        await process.wait()
        return out, err


async def post_charts(ctx: Ctx, charts: Sequence[Chart], failed: str) -> bool:
    """Draws `charts` and posts each as an image in the event's room (and thread); when they
    cannot be drawn, posts the short note `failed` instead. Whether the images were posted."""
    services = ctx.services
    try:
        pngs = await services.charts.render(charts)
    except ChartError as exc:
        log.warning("charts not drawn (%s)", exc.reason)
        await ctx.reply(failed, notice=True)
        return False
    for chart, png in zip(charts, pngs, strict=True):
        await services.matrix.send_file(
            ctx.room_id,
            png.data,
            chart.filename,
            "image/png",
            msgtype="m.image",
            thread_root=ctx.thread_root,
            info={"w": png.width, "h": png.height},
            caption=chart.description,
        )
    return True


if __name__ == "__main__":
    worker_main()
