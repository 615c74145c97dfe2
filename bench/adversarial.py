"""Hostile inputs: the longest event-loop stall while they are scanned, and what another agent's
one-word question pays meanwhile.

`probe` (the personal-data guard alone): each trap, at the largest size the product takes (a
60,000-character message: a Matrix event is at most 64 KiB; documents are scanned on their first
30,000 characters), goes through `PiiDetector.scan_async` as the bot calls it (rules, and spaCy's
NER when the `privacy-ner` extra is installed), in a fresh process per trap. A task of that
process sleeps 10 ms in a loop and prints the time each time it wakes up; the longest gap, minus
the 10 ms, is the longest stall of its event loop (measured from outside, so a stall that never
ends is seen too). Also: the scan's wall and CPU time, the process's peak RSS, and the stall while
spaCy's model loads (the first scan). A trap still running after --timeout seconds is killed.

`dispatcher` (the bot's path at dispatcher level: real routers, access gate, answer pipeline,
guard, SQLite and LLM client; Matrix is the fake port of the dispatcher tests; the fake model runs
in its own process, answering at once; no Synapse): six agents in six DMs each send a
12,000-character IBAN trap and a seventh a 60,000-character message of name-like and address-like
text, and right after them an eighth agent asks "Bonjour ?". Measured: from that question entering
the dispatcher to its first visible answer (the first message in its room), against the same
question with nothing else going on (medians over --runs, and their ratio); the longest stall of
the bot's event loop meanwhile; the time until every trap is answered; the bot process's CPU time
per trap message.

    .venv/bin/python bench/adversarial.py [probe|dispatcher|all] [--runs 5] [--timeout 120]
        [--traps iban,names,...] [--ner auto|off] [--code DIR] [--json out.json]

--code DIR imports the bot from another checkout (for instance `git worktree add /tmp/before
HEAD~1`) to measure it the same way.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib
import itertools
import json
import random
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MESSAGE_MAX = 60_000  # a Matrix event is at most 64 KiB
TICK = 0.010


# The traps ---------------------------------------------------------------------------------


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


_SYLLABLES = [a + b for a in "bdflmnrt" for b in "aeio"]
_FIRST_NAMES = ["Claire", "Jean", "Marie", "Pierre", "Nathalie", "Sophie", "Michel", "Julie"]


def names_and_addresses(size: int) -> str:
    """Sentences naming thousands of different people with their home addresses."""
    rng = random.Random(13)
    parts: list[str] = []
    length = 0
    while length < size:
        surname = "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize()
        street = "".join(rng.choice(_SYLLABLES) for _ in range(2)).capitalize()
        part = (
            f"Mme {rng.choice(_FIRST_NAMES)} {surname} habite {rng.randint(1, 999)} bis rue de la "
            f"{street}, {rng.randint(10, 95)}{rng.randint(0, 999):03d} {street}ville. "
        )
        parts.append(part)
        length += len(part)
    return "".join(parts)[:size]


@dataclass(frozen=True)
class Trap:
    name: str
    what: str
    make: Callable[[int], str]
    # None: the text goes through the personal-data guard (PiiDetector.scan_async).
    run: Callable[[str], Awaitable[object]] | None = None


TRAPS = [
    Trap("idle", "nothing scanned for 3 s: the machine's own noise", lambda n: "",
         run=lambda _: asyncio.sleep(3)),
    Trap("iban", '"FR76 " repeated (was cubic)', lambda n: _repeat("FR76 ", n)),
    Trap("dashes", "words of 47 em dashes (spaCy reads each as a word)",
         lambda n: _repeat("—" * 47 + " ", n)),
    Trap("long-word", '"%" repeated: one word (spaCy: quadratic)', lambda n: _repeat("%", n)),
    Trap("names", "names and home addresses of thousands of people", names_and_addresses),
    Trap("particles", '"12 rue " then "de la " repeated (was exponential)',
         lambda n: "12 rue " + _repeat("de la ", n - 8) + "x"),
    Trap("email", '"a%" repeated then "@" (was quadratic)', lambda n: _repeat("a%", n - 1) + "@"),
    Trap("birth", '"date de naissance" then spaces (was quadratic)',
         lambda n: "date de naissance" + " " * (n - 17)),
    Trap("dots", '"." repeated (sentence ends, was quadratic)', lambda n: _repeat(".", n)),
    Trap("phones", '"+1 " and 25 digits, repeated', lambda n: _repeat("+1 " + "1" * 25 + " ", n)),
    Trap("sentence", "one sentence about someone, no full stop", lambda n: _repeat("je ", n)),
    Trap("people", "one sentence, thousands of names and a health word",
         lambda n: _repeat("Jean Dupont est malade, ", n)),
    Trap("civilities", '"M. Dupont " repeated', lambda n: _repeat("M. Dupont ", n)),
]  # fmt: skip

# Web page traps (the web feature's) -----------------------------------------------------------
# Pages of the largest size the fetcher reads (`[web] max_bytes`, 2 MB), whatever the size
# column says (it is the message size). Each goes through `Fetcher.extract`, what the bot does
# with a downloaded page (title; text, HTML in the extraction worker process), in a fresh
# fetcher: the worker's start is in the figures, the modules' import is not (the running bot
# has them). The worker's CPU time and peak memory are not in the probe's figures (this
# process's own): they are printed on stderr. With --code and a checkout from before the
# worker, the page goes through `extract_html` in a thread, and text through one decode call
# on the loop, as the bot did then.

WEB_PAGE_MAX = 2_000_000
_WEB_WORDS = ("le", "la", "les", "des", "un", "une", "agent", "service", "public", "decret",
              "arrete", "article", "demande", "responsable", "delai", "recours")  # fmt: skip
_web: dict[str, Any] = {}


def _web_modules() -> dict[str, Any]:
    if not _web:
        _web["fetch"] = importlib.import_module("handlers.web.fetch")
        _web["config"] = importlib.import_module("handlers.web.config").WebConfig()
    return _web


def _web_make(page: Callable[[], str]) -> Callable[[int], str]:
    def make(_: int) -> str:
        _web_modules()  # before the probe's clock starts
        return page()

    return make


def _web_fill(unit: str, head: str = "<html><body>") -> Callable[[int], str]:
    return _web_make(lambda: head + unit * ((WEB_PAGE_MAX - len(head)) // len(unit)))


def _web_article() -> str:
    """An ordinary long article (sections, paragraphs with links, tables): the reference."""
    rng = random.Random(5)
    parts = ["<html><head><title>Article</title></head><body><nav>"]
    parts += ["<a href='/menu'>menu</a> "] * 50 + ["</nav><main><article>"]
    size = sum(map(len, parts))
    for n in itertools.count(1):
        if n % 20 == 0:
            part = f"<h2 id='s{n}'>Section {n}</h2>\n"
        elif n % 7 == 0:
            cells = (f"<tr><td>{w}</td><td>{i}</td></tr>" for i, w in enumerate(_WEB_WORDS[:6]))
            part = "<table>" + "".join(cells) + "</table>\n"
        else:
            words = (
                rng.choice(_WEB_WORDS)
                if rng.random() > 0.1
                else f"<a href='/wiki/{rng.choice(_WEB_WORDS)}'>{rng.choice(_WEB_WORDS)}</a>"
                for _ in range(80)
            )
            part = "<p>" + " ".join(words) + "<sup><a href='#r'>[1]</a></sup></p>\n"
        if size + len(part) > WEB_PAGE_MAX - 60:
            break
        parts.append(part)
        size += len(part)
    return "".join(parts) + "</article></main><footer>pied</footer></body></html>"


def _web_run(ctype: str, charset: str) -> Callable[[str], Awaitable[object]]:
    async def run(page: str) -> object:
        fetch, config = _web_modules()["fetch"], _web_modules()["config"]
        body = page.encode("utf-8")
        if not hasattr(fetch, "HtmlExtractor"):  # before the worker
            if ctype == "text/html":
                return await asyncio.to_thread(fetch.extract_html, body, charset)
            return fetch._decode(body, charset).strip()[: config.max_chars_per_page]
        fetcher = fetch.Fetcher(config)
        try:
            return await fetcher.extract(body, ctype, charset, False)
        except fetch.FetchError as exc:
            return exc
        finally:
            await fetcher.close()  # the worker is waited for: its use is in RUSAGE_CHILDREN
            worker = resource.getrusage(resource.RUSAGE_CHILDREN)
            print(
                f"  web worker: CPU {worker.ru_utime + worker.ru_stime:.2f} s, "
                f"peak RSS {worker.ru_maxrss / 1024:.0f} MiB",
                file=sys.stderr,
                flush=True,
            )

    return run


_HTML = _web_run("text/html", "utf-8")
WEB_TRAPS = [
    Trap("web-title", "2 MB of unclosed <title> (the title regex was quadratic)",
         _web_fill("<title>", head=""), run=_HTML),
    Trap("web-title-224k", "224 KB of unclosed <title> (stalled the loop 29 s)",
         _web_make(lambda: "<title>" * 32_000), run=_HTML),
    Trap("web-links", "2 MB of <a href> (trafilatura: seconds in one stretch)",
         _web_fill("<a href='/x'>lien</a> "), run=_HTML),
    Trap("web-divs", "2 MB of <div>x</div> (trafilatura: 20 s of CPU)",
         _web_fill("<div>x</div>"), run=_HTML),
    Trap("web-nested", "2 MB of unclosed <div>", _web_fill("<div>"), run=_HTML),
    Trap("web-unclosed", "2 MB of unclosed inline tags", _web_fill("<p><b><i><span>a"), run=_HTML),
    Trap("web-attribute", "one attribute of 2 MB (lxml's parser: one long C call)",
         _web_make(lambda: '<html><body><div class="' + "a" * (WEB_PAGE_MAX - 40) + '">x</div>'),
         run=_HTML),
    Trap("web-article", "an ordinary 2 MB article (sections, links, tables)",
         _web_make(_web_article), run=_HTML),
    Trap("web-punycode", "2 MB of text/plain; charset=punycode (a quadratic decoder)",
         _web_make(lambda: "a" * WEB_PAGE_MAX), run=_web_run("text/plain", "punycode")),
    Trap("web-utf7", "2 MB of text/plain; charset=utf-7, mostly invalid",
         _web_make(lambda: "+" + "\u00e9" * (WEB_PAGE_MAX // 2 - 1)),
         run=_web_run("text/plain", "utf-7")),
]  # fmt: skip

# Traps of other features go here, each with a `run` coroutine doing what the bot does with the
# text, as the bot does it (the web feature's, above, belong to its owner).
EXTRA_TRAPS: list[Trap] = [*WEB_TRAPS]


def all_traps() -> dict[str, Trap]:
    return {trap.name: trap for trap in [*TRAPS, *EXTRA_TRAPS]}


# Probe: one trap in a process of its own ----------------------------------------------------


async def probe_child(trap_name: str, size: int, ner: str) -> None:
    """Runs in the child: prints `tick <t>` lines, and the phases' bounds and results."""
    pii = importlib.import_module("handlers.privacy.pii")
    trap = all_traps()[trap_name]
    text = trap.make(size)
    detector = pii.PiiDetector(ner=ner, cache_size=0)
    stop = False

    async def ticker() -> None:
        while not stop:
            await asyncio.sleep(TICK)
            print("tick", time.monotonic(), flush=True)

    task = asyncio.create_task(ticker())
    print("load", time.monotonic(), flush=True)
    await detector.scan_async("Bonjour, je suis Jean Dupont, né le 12/03/1985.")
    print("loaded", time.monotonic(), flush=True)
    await asyncio.sleep(0.1)
    cpu = time.process_time()
    print("start", time.monotonic(), flush=True)
    started = time.monotonic()
    found = await (trap.run(text) if trap.run is not None else detector.scan_async(text))
    wall = time.monotonic() - started
    cpu = time.process_time() - cpu
    result = {
        "wall_s": round(wall, 3),
        "cpu_s": round(cpu, 3),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "found": len(getattr(found, "identifiers", ())) + len(getattr(found, "topics", ())),
        "code": str(Path(str(pii.__file__)).parents[2]),
    }
    print("end", time.monotonic(), json.dumps(result), flush=True)
    stop = True
    await task


def _longest_gap(ticks: list[float], start: float, end: float) -> float:
    points = [start, *(t for t in ticks if start < t < end), end]
    return max(0.0, max(b - a for a, b in itertools.pairwise(points)) - TICK)


def probe_one(args: argparse.Namespace, trap: Trap, size: int) -> dict[str, Any]:
    command = [sys.executable, __file__, "_probe", "--trap", trap.name, "--size", str(size)]
    command += ["--ner", args.ner, "--code", str(args.code)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=args.code)
    assert child.stdout is not None
    marks: dict[str, float] = {}
    ticks: list[float] = []
    result: dict[str, Any] = {}
    deadline: float | None = None
    timed_out = False
    while True:
        # The child prints a line every 10 ms unless its loop is stalled: read with a deadline.
        line = _readline(child, deadline)
        if line is None:
            timed_out = True
            child.kill()
            marks.setdefault("end", time.monotonic())
            break
        if not line:
            break
        kind, _, rest = line.strip().partition(" ")
        stamp, _, payload = rest.partition(" ")
        if kind == "tick":
            ticks.append(float(stamp))
        elif kind in ("load", "loaded", "start", "end"):
            marks[kind] = float(stamp)
            if kind == "start":
                deadline = time.monotonic() + args.timeout
            if kind == "end":
                result = json.loads(payload)
    child.wait()
    if "start" not in marks:
        raise RuntimeError(f"trap {trap.name}: the probe process failed (exit {child.returncode})")
    return {
        "trap": trap.name,
        "size": size,
        "timed_out": timed_out,
        "stall_ms": round(_longest_gap(ticks, marks["start"], marks["end"]) * 1000),
        "load_stall_ms": round(_longest_gap(ticks, marks["load"], marks["loaded"]) * 1000),
        **(
            result
            if not timed_out
            else {"wall_s": f"> {args.timeout:g}", "cpu_s": f"> {args.timeout * 0.9:g}"}
        ),
    }


def _readline(child: subprocess.Popen[str], deadline: float | None) -> str | None:
    """The child's next line ('' at its end), or None past the deadline."""
    import selectors

    assert child.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(child.stdout, selectors.EVENT_READ)
        timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
        if not selector.select(timeout):
            return None
    return child.stdout.readline()


def run_probe(args: argparse.Namespace) -> list[dict[str, Any]]:
    rows = []
    for name in args.traps:
        row = probe_one(args, all_traps()[name], MESSAGE_MAX)
        rows.append(row)
        print(
            f"{row['trap']:11s} {row['size']:6d} chars: stall {row['stall_ms']:6d} ms, "
            f"scan {row['wall_s']} s (CPU {row['cpu_s']} s)"
            + (" KILLED" if row["timed_out"] else f", peak RSS {row['peak_rss_mib']} MiB")
            + f"; spaCy load stall {row['load_stall_ms']} ms",
            flush=True,
        )
    return rows


# Dispatcher level: six rooms of traps and one agent's question -------------------------------

_ids = itertools.count(1)
QUESTION = "Bonjour ?"
IBAN_TRAP_CHARS = 12_000


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def _wait_port(port: int, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.close()
            return
        except OSError:
            await asyncio.sleep(0.1)
    raise TimeoutError("fake model server did not start")


class LoopProbe:
    """The longest lateness of a task that sleeps TICK in a loop."""

    def __init__(self) -> None:
        self.worst = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        while True:
            before = time.monotonic()
            await asyncio.sleep(TICK)
            self.worst = max(self.worst, time.monotonic() - before - TICK)

    def start(self) -> None:
        self.worst = 0.0
        self._task = asyncio.create_task(self._run())

    async def stop(self) -> float:
        assert self._task is not None
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        return self.worst


async def dispatcher_run(args: argparse.Namespace, folder: Path, llm_url: str) -> dict[str, Any]:
    from bot.app import Config
    from bot.matrix import IncomingText
    from handlers.privacy.guard import Privacy
    from tests.harness import fake_matrix, running_dispatcher

    config = Config.model_validate(
        {
            "matrix": {"user_id": "@assistant:bench", "password": "x"},
            "llm": {"base_url": llm_url, "api_key": "bench", "edit_interval": 1.0, "timeout": 600},
            "access": {"auto_approve_homeservers": ["bench"], "terms_version": ""},
            "conversations": {"generate_titles": False},  # extra model requests: not measured
            "privacy": {"ner": args.ner},
        }
    ).resolve_paths(folder)
    async with running_dispatcher(
        config, folder / f"bench{next(_ids)}.sqlite3", clock=lambda: datetime.now(UTC)
    ) as dispatcher:
        matrix = fake_matrix(dispatcher)
        # The guard's models load before the clock runs (the probe part measures that stall).
        await dispatcher.services.part(Privacy).detector.scan_async("Bonjour Jean Dupont")

        async def send(room: str, agent: str, text: str) -> None:
            await dispatcher.on_text(
                IncomingText(room, f"$a{next(_ids)}", agent, "m.text", text, None,
                             int(time.time() * 1000), False, 2, True)
            )  # fmt: skip

        async def first_answer(room: str, timeout: float) -> float:
            await matrix.wait_for(lambda: bool(matrix.in_room(room)), timeout)
            return time.monotonic()

        run = next(_ids)
        # A first question warms the paths up (the first SQLite writes, the model's connection).
        await send(f"!warm{run}", f"@tiede{run}:bench", QUESTION)
        dispatcher.flush_kicks()
        await first_answer(f"!warm{run}", args.timeout)
        await dispatcher.drained()
        # Nothing else going on.
        quiet_room = f"!quiet{run}"
        started = time.monotonic()
        await send(quiet_room, f"@calme{run}:bench", QUESTION)
        dispatcher.flush_kicks()
        baseline = await first_answer(quiet_room, args.timeout) - started
        await dispatcher.drained()

        # The traps, then the question.
        probe = LoopProbe()
        probe.start()
        cpu = time.process_time()
        traps = [(f"!iban{run}-{i}", _repeat("FR76 ", IBAN_TRAP_CHARS)) for i in range(6)]
        traps.append((f"!names{run}", names_and_addresses(MESSAGE_MAX)))
        started = time.monotonic()
        for index, (room, text) in enumerate(traps):
            await send(room, f"@piege{run}-{index}:bench", text)
        question_room = f"!question{run}"
        await send(question_room, f"@autre{run}:bench", QUESTION)
        asked = time.monotonic()
        dispatcher.flush_kicks()
        try:
            delay: float | str = await first_answer(question_room, args.timeout) - asked
        except TimeoutError:
            delay = f"> {args.timeout:g}"
        try:
            for room, _ in traps:
                await first_answer(room, max(1.0, args.timeout - (time.monotonic() - started)))
            traps_done: float | str = time.monotonic() - started
        except TimeoutError:
            traps_done = f"> {args.timeout:g}"
        stall = await probe.stop()
        cpu = time.process_time() - cpu
        if isinstance(traps_done, float):
            await dispatcher.drained()
    return {
        "baseline_s": round(baseline, 3),
        "delay_s": round(delay, 3) if isinstance(delay, float) else delay,
        "stall_ms": round(stall * 1000),
        "traps_answered_s": round(traps_done, 2) if isinstance(traps_done, float) else traps_done,
        "cpu_per_trap_s": round(cpu / len(traps), 2),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


SHORT_ANSWER = "Voici une réponse de quelques mots."


async def serve_model(port: int, echo: bool) -> None:
    """The fake model, in its own process; it answers at once, in a few words unless `echo`."""
    from devtools.fake_llm import FakeLLM

    server = FakeLLM(responder=None if echo else (lambda messages: SHORT_ANSWER))
    await server.start("127.0.0.1", port)
    await asyncio.Event().wait()


async def run_dispatcher(args: argparse.Namespace) -> dict[str, Any]:
    port = _free_port()
    command = [sys.executable, __file__, "_model", "--size", str(port), "--code", str(args.code)]
    model = subprocess.Popen(  # noqa: ASYNC220 - started once, before any timing
        [*command, *(["--echo"] if args.echo else [])],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    runs = []
    try:
        await _wait_port(port)
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory() as tmp:
                row = await dispatcher_run(args, Path(tmp), f"http://127.0.0.1:{port}/v1")
            print(json.dumps(row), flush=True)
            runs.append(row)
    finally:
        model.terminate()
        model.wait(10)
    delays = [r["delay_s"] for r in runs if isinstance(r["delay_s"], float)]
    baselines = [r["baseline_s"] for r in runs]
    summary: dict[str, Any] = {
        "runs": len(runs),
        "baseline_median_s": round(statistics.median(baselines), 3),
        "delay_median_s": round(statistics.median(delays), 3) if delays else f"> {args.timeout:g}",
        "delay_max_s": max(delays) if len(delays) == len(runs) else f"> {args.timeout:g}",
        "worst_stall_ms": max(r["stall_ms"] for r in runs),
        "cpu_per_trap_median_s": statistics.median(r["cpu_per_trap_s"] for r in runs),
    }
    if delays and len(delays) == len(runs):
        summary["ratio"] = round(summary["delay_median_s"] / summary["baseline_median_s"], 1)
    print(
        f"other agent's first answer: median {summary['delay_median_s']} s with the traps "
        f"(max {summary['delay_max_s']}), {summary['baseline_median_s']} s without"
        f" (ratio {summary.get('ratio')}); worst loop stall {summary['worst_stall_ms']} ms;"
        f" CPU per trap message {summary['cpu_per_trap_median_s']} s",
        flush=True,
    )
    return {"runs": runs, "summary": summary}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parts = ["probe", "dispatcher", "all", "_probe", "_model"]
    parser.add_argument("part", choices=parts, default="all")
    parser.add_argument(
        "--echo",
        action="store_true",
        help="dispatcher: the fake model repeats each message (answers as long as the traps)",
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per trap or run")
    parser.add_argument("--traps", default=",".join(all_traps()), help="probe: which traps")
    parser.add_argument("--ner", choices=["auto", "off"], default="auto")
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout to measure")
    parser.add_argument("--trap", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    args.code = args.code.resolve()
    sys.path.insert(0, str(args.code))
    if args.part == "_probe":
        asyncio.run(probe_child(args.trap, args.size, args.ner))
        return
    if args.part == "_model":
        with contextlib.suppress(KeyboardInterrupt):
            asyncio.run(serve_model(args.size, args.echo))
        return
    args.traps = [name for name in args.traps.split(",") if name]
    print(f"code: {args.code}; NER: {args.ner}", flush=True)
    out: dict[str, Any] = {}
    if args.part in ("probe", "all"):
        out["probe"] = run_probe(args)
    if args.part in ("dispatcher", "all"):
        out["dispatcher"] = asyncio.run(run_dispatcher(args))
    if args.json:
        args.json.write_text(json.dumps(out, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
