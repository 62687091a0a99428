"""Benchmark of the review TUI (not a test): startup and key-to-saved latency.

    python benchmarks/tui_bench.py [--decisions 300] [--big 20000]

1. import cost of each layer (core, store, Textual, the TUI), each measured on top of the
   previous ones in a fresh interpreter;
2. launch to first screen: a fresh process that opens the stored seed story headless at
   120x34, from before the interpreter starts to the first paint of the opened story;
3. key press to saved and redrawn (p50/p99): Pilot presses a/c/u/ctrl+z; each is timed inside
   the app from the key event to the last screen update it caused (headless: the cost of
   writing escape codes to a terminal is not included), on the seed story;
4. the same on a story of --big matches built from the parallel corpora (ntrex128 and
   flores200_dev lines, cycled), plus filter, search, page and jump timings.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import missing_corpora, read_lines, write_section

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "seed-story"
LANGS = {"tr": "tur", "bn": "ben", "ar": "arb", "fr": "fra", "he": "heb"}
LAYERS = ["crossfact.models", "crossfact.pipeline", "store", "textual.app", "tui.app"]


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
from store import open_store
from tui.app import ReviewApp
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


def timed_app_class():
    """ReviewApp that records when a key arrives and when the screen was last painted, so the
    figure is the app's own work (Pilot's idle detection sleeps in 20 ms steps)."""
    from textual import events

    from tui.app import ReviewApp

    class TimedApp(ReviewApp):
        key_at = 0.0
        handled_at = 0.0
        painted_at = 0.0
        waiting = False

        async def on_event(self, event: events.Event) -> None:
            if not isinstance(event, events.Key):
                await super().on_event(event)
                return
            self.key_at = time.perf_counter()
            await super().on_event(event)  # the binding's action runs (and commits) in here
            self.handled_at = self.painted_at = time.perf_counter()
            self.waiting = True

        def _display(self, screen, renderable) -> None:  # type: ignore[no-untyped-def]
            super()._display(screen, renderable)
            if self.waiting and renderable is not None:  # the first frame after the action
                self.painted_at = time.perf_counter()
                self.waiting = False

    return TimedApp


async def key_latencies(db: Path, story: str, decisions: int, extra: bool) -> dict:
    from store import open_store

    store = open_store(db)
    app = timed_app_class()(store, reviewer="bench", story=story, session="bench")
    result: dict[str, list[float]] = {"decide": [], "undo": [], "move": []}
    handled: list[float] = []

    async def press(*keys: str) -> float:
        await pilot.press(*keys)
        await pilot.pause()  # idle: the event is committed and the screen repainted
        handled.append(app.handled_at - app.key_at)
        return app.painted_at - app.key_at

    async with app.run_test(size=(120, 34)) as pilot:
        t = time.perf_counter()
        for _ in range(500):
            if app.review.story is not None and app.review.view is not None:
                break
            await pilot.pause()
        else:
            raise SystemExit(f"the story {story!r} did not open")
        result["open (pilot)"] = [time.perf_counter() - t]
        keys = ["a", "c", "u"]
        for i in range(decisions):
            kind, key = ("undo", "ctrl+z") if i % 4 == 3 else ("decide", keys[i % 3])
            result[kind].append(await press(key))
            if i % 10 == 9:
                result["move"].append(await press("j"))
        if extra:
            for label, keys_ in [("filter f", ["f"]), ("page down", ["pagedown"]),
                                 ("jump to end", ["end"]), ("jump to start", ["home"])]:
                result[label] = [await press(*keys_)]
            await pilot.press("slash", *"Tesla")
            result["search enter"] = [await press("enter")]
    result["(of which the action)"] = handled
    store.close()
    return result


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


def report(title: str, values: list[float]) -> None:
    ms = [v * 1000 for v in values]
    if len(ms) == 1:
        say(f"  {title:<22} {ms[0]:8.1f} ms")
        return
    say(f"  {title:<22} p50 {statistics.median(ms):6.1f} ms   p99 {percentile(ms, 0.99):6.1f} ms"
        f"   max {max(ms):6.1f} ms   n={len(ms)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--decisions", type=int, default=300)
    parser.add_argument("--big", type=int, default=20_000)
    parser.add_argument("--notes", type=Path, default=Path("/work/notes/eval-latest.md"),
                        help="Markdown file whose tui_bench section gets the figures")
    args = parser.parse_args()
    os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp())  # no user keys.toml

    from crossfact import pipeline
    from store import open_store

    say(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, "
        f"load average {os.getloadavg()[0]:.1f}")
    say("import cost of each layer (median of 3, each on top of the previous):")
    for name, seconds in import_costs():
        say(f"  {name:<22} {seconds * 1000:7.1f} ms")

    with tempfile.TemporaryDirectory() as tmp:
        seed_db = Path(tmp) / "seed.db"
        store = open_store(seed_db)
        store.add_story("seed-story", pipeline.run([SEED]), {})
        store.close()
        times = launch_times(seed_db)
        say("launch to first screen, seed story stored (5 runs): "
            f"median {statistics.median(times) * 1000:.0f} ms, min {min(times) * 1000:.0f} ms")

        say(f"seed story, {args.decisions} key presses (3 of 4 decide, 1 of 4 undo), "
            "key to first repaint:")
        for title, values in asyncio.run(
            key_latencies(seed_db, "seed-story", args.decisions, extra=False)
        ).items():
            report(title, values)

        reason = missing_corpora()
        if reason:
            say(f"large story skipped: {reason}")
        else:
            big_db = Path(tmp) / "big.db"
            t = time.perf_counter()
            result = corpus_result(args.big)
            store = open_store(big_db)
            store.add_story("big", result, {})
            store.close()
            say(f"story of {args.big} matches from the corpora built and stored in "
                f"{time.perf_counter() - t:.1f} s")
            say(f"large story, {args.decisions} key presses:")
            for title, values in asyncio.run(
                key_latencies(big_db, "big", args.decisions, extra=True)
            ).items():
                report(title, values)

    command = f"python benchmarks/tui_bench.py --decisions {args.decisions}"
    body = io.StringIO()
    body.write(f"## TUI: startup and key latency\n\n`{command} --big {args.big}`\n\n```\n")
    body.write("\n".join(LOG) + "\n```\n")
    write_section("tui_bench", body.getvalue(), args.notes)


if __name__ == "__main__":
    main()
