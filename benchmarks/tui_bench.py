"""Benchmark of the review TUI (not a test): startup and key-to-saved latency.

    python benchmarks/tui_bench.py [--decisions 300] [--big 20000] [--pause-every 10]

1. import cost of each layer (core, store, Textual, the TUI), each measured on top of the
   previous ones in a fresh interpreter;
2. launch to first screen: a fresh process that opens the stored seed story headless at
   120x34, from before the interpreter starts to the first paint of the opened story;
3. key press to saved and redrawn (p50/p99): Pilot presses a/c/u/ctrl+z; each is timed inside
   the app from the key event to the last screen update it caused, once no frame has come
   for 40 ms (headless: the cost of writing escape codes to a terminal is not included), on
   the seed story; the first frame after the key is reported beside it (the list row and
   status line can come a frame or two before the selected match);
4. the same on a story of --big matches built from the parallel corpora (ntrex128 and
   flores200_dev lines, cycled), plus filter, search, page and jump timings.

Beside each wall-clock figure: the main thread's CPU time over the same interval (wall much
above CPU means waiting: fsync, or other processes on the CPUs) and the longest garbage
collection inside one press. The fsync latency of the disk the databases are on is measured
too: it is the floor under every decision (each one is committed with synchronous=FULL).
`--profile` adds a cProfile of the large story's key presses.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import gc
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from common import NOTES, missing_corpora, read_lines, write_section

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "seed-story"
LANGS = {"tr": "tur", "bn": "ben", "ar": "arb", "fr": "fra", "he": "heb"}
READING_PAUSE = 1.6  # seconds: past the review screen's idle wait and its next timer tick
LAYERS = ["crossfact.models", "crossfact.pipeline", "crossfact.store", "textual.app",
          "crossfact.tui.app"]


def import_costs() -> list[tuple[str, float]]:
    code = (
        "import time, importlib, sys\n"
        "out = []\n"
        f"for name in {LAYERS!r}:\n"
        "    t = time.perf_counter(); importlib.import_module(name)\n"
        "    out.append(f'{name}={time.perf_counter() - t:.4f}')\n"
        "print(' '.join(out))\n"
    )
    runs = []
    for _ in range(3):
        line = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              check=True, cwd=ROOT).stdout.split()
        runs.append({k: float(v) for k, v in (item.split("=") for item in line)})
    return [(name, statistics.median(r[name] for r in runs)) for name in LAYERS]


CHILD = """
import sys, time
t0 = float(sys.argv[2])
from crossfact.store import open_store
from crossfact.tui.app import ReviewApp
store = open_store(sys.argv[1])
app = ReviewApp(store, reviewer="bench", story="seed-story", session="bench")

async def first_screen(pilot):
    for _ in range(500):
        if app.review.story is not None and app.review.view is not None:
            break
        await pilot.pause()
    else:
        raise SystemExit("the seed story did not open")
    await pilot.pause()
    print(f"{time.time() - t0:.4f}")
    app.exit()

app.run(headless=True, size=(120, 34), auto_pilot=first_screen)
"""


def launch_times(db: Path, runs: int = 5) -> list[float]:
    times = []
    for _ in range(runs):
        t0 = time.time()
        out = subprocess.run([sys.executable, "-c", CHILD, str(db), str(t0)],
                             capture_output=True, text=True, check=True, cwd=ROOT).stdout
        times.append(float(out.strip().splitlines()[-1]))
    return times


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


@dataclass
class Press:
    """One key press as the app saw it: seconds of wall clock, main-thread CPU, and the
    longest garbage collection, from the key event to the last frame it caused."""

    wall: float
    cpu: float
    gc: float
    action: float  # wall clock of the binding's action alone (store calls included)
    first: float = 0.0  # wall clock to the first frame after the action
    frames: int = 0  # frames painted between the key event and the last one it caused


class GcClock:
    """Start and end of every garbage collection (gc.callbacks), to charge them to presses."""

    def __init__(self) -> None:
        self.spans: list[tuple[float, float]] = []
        self._start = 0.0

    def __call__(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.spans.append((self._start, time.perf_counter()))

    def longest(self, start: float, end: float) -> float:
        return max((b - a for a, b in self.spans if a >= start and b <= end), default=0.0)


def timed_app_class():
    """ReviewApp that records when a key arrives and when the screen was first and last
    painted after it, so the figure is the app's own work (Pilot's idle detection sleeps in
    20 ms steps, and the quiet period that ends a press is not counted)."""
    from textual import events

    from crossfact.tui.app import ReviewApp

    class TimedApp(ReviewApp):
        key_at = handled_at = first_at = painted_at = 0.0
        key_cpu = painted_cpu = 0.0
        frames = 0
        waiting = False

        async def on_event(self, event: events.Event) -> None:
            if not isinstance(event, events.Key):
                await super().on_event(event)
                return
            self.key_at, self.key_cpu = time.perf_counter(), time.thread_time()
            self.frames = 0
            await super().on_event(event)  # the binding's action runs (and commits) in here
            self.handled_at = self.first_at = self.painted_at = time.perf_counter()
            self.painted_cpu = time.thread_time()
            self.waiting = True

        def _display(self, screen, renderable) -> None:  # type: ignore[no-untyped-def]
            super()._display(screen, renderable)
            if renderable is None:
                return
            self.painted_at, self.painted_cpu = time.perf_counter(), time.thread_time()
            self.frames += 1
            if self.waiting:  # the first frame after the action
                self.first_at, self.waiting = self.painted_at, False

    return TimedApp


async def key_latencies(db: Path, story: str, decisions: int, extra: bool,
                        profile: cProfile.Profile | None = None,
                        pause_every: int = 0) -> dict[str, list[Press]]:
    """Key presses one after another, as fast as the app takes them; with `pause_every`, a
    reader's pause after every so many keys, long enough for what the app does in pauses
    (the WAL checkpoint and settling the heap), outside the timed presses."""
    from crossfact.store import open_store

    store = open_store(db)
    app = timed_app_class()(store, reviewer="bench", story=story, session="bench")
    result: dict[str, list[Press]] = {"decide": [], "undo": [], "move": []}
    clock = GcClock()

    async def press(*keys: str) -> Press:
        if profile:
            profile.enable()
        await pilot.press(*keys)
        await pilot.pause()  # idle: the event is committed and the screen repainted
        while True:  # a layout can take another frame or two: wait for 40 ms without one
            painted = app.painted_at
            await pilot.pause(0.04)
            if app.painted_at == painted:
                break
        if profile:
            profile.disable()
        return Press(wall=app.painted_at - app.key_at, cpu=app.painted_cpu - app.key_cpu,
                     gc=clock.longest(app.key_at, app.painted_at),
                     action=app.handled_at - app.key_at, first=app.first_at - app.key_at,
                     frames=app.frames)

    gc.callbacks.append(clock)
    try:
        async with app.run_test(size=(120, 34)) as pilot:
            t = time.perf_counter()
            for _ in range(500):
                if app.review.story is not None and app.review.view is not None:
                    break
                await pilot.pause()
            else:
                raise SystemExit(f"the story {story!r} did not open")
            result["open (pilot)"] = [Press(time.perf_counter() - t, 0.0, 0.0, 0.0)]
            keys = ["a", "c", "u"]
            for i in range(decisions):
                kind, key = ("undo", "ctrl+z") if i % 4 == 3 else ("decide", keys[i % 3])
                result[kind].append(await press(key))
                if i % 10 == 9:
                    result["move"].append(await press("j"))
                if pause_every and i % pause_every == pause_every - 1:
                    await pilot.pause(READING_PAUSE)
            if extra:
                for label, keys_ in [("filter f", ["f"]), ("page down", ["pagedown"]),
                                     ("jump to end", ["end"]), ("jump to start", ["home"])]:
                    result[label] = [await press(*keys_)]
                await pilot.press("slash", *"Tesla")
                result["search enter"] = [await press("enter")]
    finally:
        gc.callbacks.remove(clock)
    store.close()
    return result


def fsync_latency(directory: Path, runs: int = 200, pause: float = 0.05) -> list[float]:
    """Seconds per fsync of a 4 kB append on this disk: what a committed decision waits for.

    Paced like the key presses below (one every ~50 ms): on this VM's disk, syncs spaced
    out stall far more often than syncs back to back (p99 35-140 ms against 0.3 ms)."""
    path = directory / "fsync.probe"
    times = []
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        for _ in range(runs):
            os.write(fd, b"x" * 4096)
            t = time.perf_counter()
            os.fsync(fd)
            times.append(time.perf_counter() - t)
            time.sleep(pause)
    finally:
        os.close(fd)
        path.unlink()
    return times


def corpus_result(n_matches: int):
    """A MatchResult of n_matches five-language matches from real parallel sentences."""
    from crossfact.models import Claim, Document, Match, MatchResult

    lines = {
        lang: [*read_lines("ntrex128", code), *read_lines("flores200_dev", code)]
        for lang, code in LANGS.items()
    }
    size = len(lines["tr"])
    docs, claims, matches = [], [], []
    texts: dict[str, list[str]] = {lang: [] for lang in LANGS}
    offsets = dict.fromkeys(LANGS, 0)
    for i in range(n_matches):
        suggestion = ("agree", "agree", "conflict", "unsourced")[i % 4]
        members = list(LANGS) if suggestion != "unsourced" else [list(LANGS)[i % 5]]
        ids = []
        for lang in members:
            text = lines[lang][i % size]
            cid = f"c{i}-{lang}"
            start = offsets[lang]
            claims.append(Claim(id=cid, doc=f"d-{lang}", index=len(texts[lang]), text=text,
                                start=start, end=start + len(text)))
            texts[lang].append(text)
            offsets[lang] = start + len(text) + 1
            ids.append(cid)
        matches.append(Match(id=f"m{i:05d}", claims=ids, score=0.8, suggestion=suggestion,
                             reasons=["benchmark"], outliers=["d-he"] if suggestion == "conflict"
                             else []))
    for lang in LANGS:
        docs.append(Document(id=f"d-{lang}", path=f"bench/{lang}.txt", lang=lang,
                             title=f"corpus ({lang})", text="\n".join(texts[lang])))
    return MatchResult(documents=docs, claims=claims, matches=matches)


LOG: list[str] = []


def say(line: str) -> None:
    """Print a line of the report and keep it for the notes file."""
    print(line, flush=True)
    LOG.append(line)


def report(title: str, presses: list[Press]) -> None:
    ms = [p.wall * 1000 for p in presses]
    if len(ms) == 1:
        say(f"  {title:<22} {ms[0]:8.1f} ms")
        return
    cpu = [p.cpu * 1000 for p in presses]
    first = [p.first * 1000 for p in presses]
    say(f"  {title:<22} p50 {statistics.median(ms):6.1f} ms   p99 {percentile(ms, 0.99):6.1f} ms"
        f"   max {max(ms):6.1f} ms   n={len(ms)}   (first frame p50 "
        f"{statistics.median(first):.1f}, p99 {percentile(first, 0.99):.1f}; cpu p50 "
        f"{statistics.median(cpu):.1f}, p99 {percentile(cpu, 0.99):.1f}; longest gc "
        f"{max(p.gc for p in presses) * 1000:.1f}; keys drawn in more than one frame "
        f"{sum(p.frames > 1 for p in presses)}; keys with 20 ms or more off the main thread's "
        f"CPU (waiting for the disk, other processes, the next frame) "
        f"{sum(p.wall - p.cpu >= 0.02 for p in presses)})")


def report_all(results: dict[str, list[Press]]) -> None:
    for title, presses in results.items():
        report(title, presses)
    actions = [Press(p.action, 0.0, 0.0, 0.0) for kind in ("decide", "undo", "move")
               for p in results[kind]]
    ms = [p.wall * 1000 for p in actions]
    say(f"  {'(of which the action)':<22} p50 {statistics.median(ms):6.1f} ms   "
        f"p99 {percentile(ms, 0.99):6.1f} ms   max {max(ms):6.1f} ms   n={len(ms)}")


def store_big_story(path: Path, matches: int) -> float:
    """Build and store the corpus story; seconds taken. Nothing of it stays alive afterwards:
    the benchmark measures the app, not the collector walking the benchmark's own data."""
    t = time.perf_counter()
    from crossfact.store import open_store

    store = open_store(path)
    store.add_story("big", corpus_result(matches), {})
    store.close()
    read_lines.cache_clear()
    gc.collect()
    return time.perf_counter() - t


def print_profile(profile: cProfile.Profile) -> None:
    """The functions the key presses spent their time in (not kept in the notes)."""
    import pstats

    print("profile of the large story's key presses (cumulative, then own time):")
    for order in ("cumulative", "tottime"):
        stats = pstats.Stats(profile, stream=sys.stdout)
        stats.strip_dirs().sort_stats(order).print_stats(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--decisions", type=int, default=300)
    parser.add_argument("--big", type=int, default=20_000,
                        help="matches in the large story (0: the seed story only)")
    parser.add_argument("--pause-every", type=int, default=0, metavar="N",
                        help=f"a reader's pause ({READING_PAUSE} s) after every N keys")
    parser.add_argument("--profile", action="store_true",
                        help="print a cProfile of the large story's key presses")
    parser.add_argument("--notes", type=Path, default=NOTES / "eval-latest.md",
                        help="Markdown file whose tui_bench section gets the figures")
    args = parser.parse_args()
    os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp())  # no user keys.toml

    from crossfact import pipeline
    from crossfact.store import open_store

    say(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, "
        f"load average {os.getloadavg()[0]:.1f}")
    say("import cost of each layer (median of 3, each on top of the previous):")
    for name, seconds in import_costs():
        say(f"  {name:<22} {seconds * 1000:7.1f} ms")

    with tempfile.TemporaryDirectory() as tmp:
        fsyncs = [t * 1000 for t in fsync_latency(Path(tmp))]
        say("fsync of a 4 kB append on this disk, one every 50 ms: "
            f"p50 {statistics.median(fsyncs):.2f} ms, p99 {percentile(fsyncs, 0.99):.2f} ms, "
            f"max {max(fsyncs):.2f} ms")
        seed_db = Path(tmp) / "seed.db"
        store = open_store(seed_db)
        store.add_story("seed-story", pipeline.run([SEED]), {})
        store.close()
        times = launch_times(seed_db)
        say("launch to first screen, seed story stored (5 runs): "
            f"median {statistics.median(times) * 1000:.0f} ms, min {min(times) * 1000:.0f} ms")

        say(f"seed story, {args.decisions} key presses (3 of 4 decide, 1 of 4 undo), "
            "key to the last repaint it caused:")
        report_all(asyncio.run(key_latencies(seed_db, "seed-story", args.decisions,
                                             extra=False, pause_every=args.pause_every)))

        reason = "--big 0" if args.big <= 0 else missing_corpora()
        if reason:
            say(f"large story skipped: {reason}")
        else:
            big_db = Path(tmp) / "big.db"
            seconds = store_big_story(big_db, args.big)
            say(f"story of {args.big} matches from the corpora built and stored in "
                f"{seconds:.1f} s")
            say(f"large story, {args.decisions} key presses:")
            profile = cProfile.Profile() if args.profile else None
            report_all(asyncio.run(key_latencies(big_db, "big", args.decisions, extra=True,
                                                 profile=profile,
                                                 pause_every=args.pause_every)))
            if profile:
                print_profile(profile)

    command = f"python benchmarks/tui_bench.py --decisions {args.decisions}" + (
        f" --pause-every {args.pause_every}" if args.pause_every else "")
    body = io.StringIO()
    body.write(f"## TUI: startup and key latency\n\n`{command} --big {args.big}`\n\n```\n")
    body.write("\n".join(LOG) + "\n```\n")
    write_section("tui_bench", body.getvalue(), args.notes)


if __name__ == "__main__":
    main()
