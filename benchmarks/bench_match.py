"""Speed, memory and quality of `crossfact match` against a plain baseline, on this machine.

Measures the seed story end to end (in a fresh process and as the `crossfact match` command),
then the six 1,997-line NTREX versions of eval_ntrex part B at 1/4, 1/2, 3/4 and all of their
length, each size in a fresh subprocess (so peak RSS is that run's alone), for crossfact and
for a baseline: rapidfuzz's fuzz.ratio on anyascii-transliterated raw lines, greedy one-to-one
pairing per pair of versions, joined into matches. Both are scored with the same link F1.

    python benchmarks/bench_match.py [--quick] [--cutoff 40]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from itertools import combinations
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (  # noqa: E402  (the benchmarks are scripts, not a package)
    ISO1,
    NOTES,
    Laid,
    Scores,
    engine_version,
    gold_of,
    lay_out,
    log_history,
    missing_corpora,
    pairwise,
    publish,
    write_section,
)
from eval_ntrex import SEED, corpus_versions  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEED_STORY = ROOT / "fixtures" / "seed-story"
PYTHON = sys.executable
CUTOFF = 40  # fuzz.ratio below this is no link for the baseline
TOP_K = 5  # the baseline pairs each line only among its best few candidates (keeps it fast)
REPEAT = 5  # timed runs at full size: their median is reported, and the spread


# ---------------------------------------------------------------- the baseline


def baseline_match(lines: dict[str, list[str]], cutoff: float = CUTOFF) -> list[list[str]]:
    """Matches of claim ids "<path>#<line>" from raw text alone: what a fuzzy matcher gives.

    Per pair of versions: cdist of fuzz.ratio on transliterated lines, then greedy one-to-one
    pairing by descending score above `cutoff`; the links are then joined strongest first into
    clusters of at most one line per version.
    """
    import numpy as np
    from anyascii import anyascii
    from rapidfuzz import fuzz, process

    plain = {v: [anyascii(t).casefold() for t in ts] for v, ts in lines.items()}
    edges: list[tuple[float, str, str]] = []
    for a, b in combinations(plain, 2):
        scores = process.cdist(plain[a], plain[b], scorer=fuzz.ratio, workers=-1,
                               dtype=np.uint8, score_cutoff=cutoff)
        k = min(TOP_K, scores.shape[1])
        cols = np.argpartition(scores, -k, axis=1)[:, -k:]
        rows = np.repeat(np.arange(scores.shape[0]), k)
        cols = cols.ravel()
        vals = scores[rows, cols]
        keep = vals >= cutoff
        rows, cols, vals = rows[keep], cols[keep], vals[keep]
        taken_a: set[int] = set()
        taken_b: set[int] = set()
        for n in np.lexsort((cols, rows, -vals.astype(int))):
            i, j = int(rows[n]), int(cols[n])
            if i not in taken_a and j not in taken_b:
                taken_a.add(i)
                taken_b.add(j)
                edges.append((float(vals[n]), f"{a}#{i}", f"{b}#{j}"))
    cluster: dict[str, dict[str, str]] = {f"{v}#{i}": {v: f"{v}#{i}"}
                                          for v, ts in lines.items() for i in range(len(ts))}
    for _, x, y in sorted(edges, key=lambda e: (-e[0], e[1], e[2])):
        cx, cy = cluster[x], cluster[y]
        if cx is not cy and not cx.keys() & cy.keys():
            cx.update(cy)
            for cid in cy.values():
                cluster[cid] = cx
    unique = {id(c): c for c in cluster.values()}
    return [sorted(c.values()) for c in unique.values()]


# ---------------------------------------------------------------- one measured run (child)


def child(kind: str, paths: list[str], langs: dict[str, str], segmented: bool) -> dict:
    """Run one matcher in this (fresh) process; report time, peak RSS and the matches."""
    t0 = time.perf_counter()
    if kind == "engine":
        from crossfact.pipeline import run

        imported, cpu0 = time.perf_counter(), time.process_time()
        result = run(paths, langs=langs or None, segmented=segmented)
        done = time.perf_counter()
        out = {
            "documents": [{"id": d.id, "path": d.path} for d in result.documents],
            "claims": [{"id": c.id, "doc": c.doc, "start": c.start, "end": c.end,
                        "text": c.text} for c in result.claims],
            "matches": [m.claims for m in result.matches],
        }
    else:
        import anyascii  # noqa: F401  (imported here so that, as for the engine, the
        import numpy  # noqa: F401  imports are not counted in run_s)
        import rapidfuzz  # noqa: F401

        # exactly "\n", as the files were written: str.splitlines would also split at U+2028
        lines = {p: Path(p).read_bytes().decode("utf-8").split("\n")[:-1] for p in paths}
        imported, cpu0 = time.perf_counter(), time.process_time()
        matches = baseline_match(lines, float(kind.split(":")[1]))
        done = time.perf_counter()
        claims = []
        for p, ts in lines.items():
            offset = 0
            for i, t in enumerate(ts):
                claims.append({"id": f"{p}#{i}", "doc": p, "start": offset,
                               "end": offset + len(t), "text": t})
                offset += len(t) + 1
        out = {"documents": [{"id": p, "path": p} for p in paths], "claims": claims,
               "matches": matches}
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)  # forked workers, once joined
    out |= {"import_s": imported - t0, "run_s": done - imported,
            # CPU time is less bent by other work on the machine; workers' time included
            "cpu_s": time.process_time() - cpu0 + kids.ru_utime + kids.ru_stime,
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    return out


def _tree_pss_mb(pid: int) -> float:
    """Proportional set size of a process and all its descendants (Linux /proc), in MB.

    PSS splits pages shared after a fork fairly, so the sum is what the whole tree uses;
    summing RSS would count the pages a forked worker shares with its parent twice.
    """
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
            rollup = Path(f"/proc/{p}/smaps_rollup").read_text()
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
        total += next((int(line.split()[1]) for line in rollup.splitlines()
                       if line.startswith("Pss:")), 0)
    return total / 1024


def measure(kind: str, laid: Laid | None, paths: Sequence[str] = (),
            segmented: bool = True, memory: bool = False, serial: bool = False) -> dict:
    """`child` in a fresh interpreter, and the wall time of the whole subprocess.

    With `memory`, also the peak memory of its process tree (the engine forks workers on
    long inputs), sampled from here every 20 ms (a sampling thread inside the child would
    turn the engine's forking off). A sample walks the tree's page tables, about 10 ms of
    CPU on this 2-core machine, so runs that time are run without it. `serial` keeps the
    engine on one core ($CROSSFACT_WORKERS=1).
    """
    spec = {"kind": kind, "paths": list(laid.paths if laid else paths),
            "langs": laid.langs if laid else {}, "segmented": segmented}
    with tempfile.NamedTemporaryFile("r", suffix=".json") as out:
        t0 = time.perf_counter()
        env = (os.environ | {"CROSSFACT_WORKERS": "1"}) if serial else None
        proc = subprocess.Popen([PYTHON, __file__, "--child", json.dumps(spec), "--out",
                                 out.name], cwd=ROOT, env=env)
        peak = 0.0
        while memory and proc.poll() is None:
            peak = max(peak, _tree_pss_mb(proc.pid))
            time.sleep(0.02)
        proc.wait()
        wall = time.perf_counter() - t0
        if proc.returncode:
            raise subprocess.CalledProcessError(proc.returncode, proc.args)
        data = json.loads(Path(out.name).read_text("utf-8"))
    data["wall_s"] = wall
    data["tree_mb"] = peak if memory else None
    return data


def timed(kind: str, laid: Laid | None, paths: Sequence[str] = (), segmented: bool = True,
          repeat: int = 1) -> tuple[dict, list[dict]]:
    """The median of `repeat` timed runs (by pipeline time), with the peak memory of one
    more run that samples it; also every timed run, fastest first."""
    runs = sorted((measure(kind, laid, paths, segmented) for _ in range(repeat)),
                  key=lambda r: r["run_s"])
    mem = measure(kind, laid, paths, segmented, memory=True)
    return runs[len(runs) // 2] | {"tree_mb": mem["tree_mb"], "rss_mb": mem["rss_mb"]}, runs


def f1_of(data: dict, laid: Laid) -> Scores:
    """Link P/R/F1 of a child's matches against the gold of the story it ran on."""
    result = SimpleNamespace(
        documents=[SimpleNamespace(**d) for d in data["documents"]],
        claims=[SimpleNamespace(**c) for c in data["claims"]],
    )
    return pairwise(data["matches"], gold_of(result, laid)).total()


# ---------------------------------------------------------------- the report (parent)


def seed_story(key: dict[str, float], repeat: int = REPEAT) -> list[str]:
    """The five seed articles: pipeline time in a fresh process, and the CLI as a user runs
    it; the median of `repeat` runs each, since other work on this 2-core machine adds
    noise (the fastest and slowest are shown too)."""
    eng, runs = timed("engine", None, [str(SEED_STORY)], segmented=False, repeat=repeat)
    same = all(r["matches"] == eng["matches"] and r["claims"] == eng["claims"] for r in runs)
    cli_times, status = [], "ok"
    for _ in range(repeat):
        t0 = time.perf_counter()
        cli = subprocess.run([str(Path(PYTHON).with_name("crossfact")), "match",
                              str(SEED_STORY), "--format", "json"], capture_output=True, cwd=ROOT)
        cli_times.append(time.perf_counter() - t0)
        if cli.returncode:
            status = f"exit {cli.returncode}: {cli.stderr[-200:]!r}"
    cli_times.sort()
    cli_s = cli_times[len(cli_times) // 2]
    key |= {"seed_run_s": eng["run_s"], "seed_cli_s": cli_s}
    return [
        f"### The seed story (5 articles, language detected; median of {repeat} runs)",
        "",
        "| measure | figure | target |",
        "|---|---|---|",
        f"| pipeline.run (fresh process, after imports) | **{eng['run_s']:.2f} s** "
        f"({_spread([r['run_s'] for r in runs])}) | < 1 s |",
        f"| imports before it | {eng['import_s']:.2f} s | |",
        f"| whole process, wall | {eng['wall_s']:.2f} s | |",
        f"| `crossfact match fixtures/seed-story --format json`, wall | **{cli_s:.2f} s**"
        f" ({_spread(cli_times)}; {status}) | < 1 s |",
        f"| peak memory: PSS of the process tree (main process RSS) | {_memory(eng)} | |",
        f"| claims, matches | {len(eng['claims'])}, {len(eng['matches'])} | |",
        f"| the same claims, ids and matches in all {repeat} fresh processes | "
        f"{'yes' if same else '**no**'} | yes |",
    ]


def _spread(seconds: list[float]) -> str:
    """The fastest and slowest of several runs, e.g. "0.41–0.52 s"."""
    return f"{min(seconds):.2f}–{max(seconds):.2f} s" if len(seconds) > 1 else "one run"


def _memory(data: dict) -> str:
    """Peak PSS of the whole process tree, and the main process's own peak RSS."""
    return f"{data['tree_mb']:.0f} MB ({data['rss_mb']:.0f} MB)"


def corpus_runs(quick: bool, cutoff: float, key: dict[str, float]) -> list[str]:
    """The growth curve on the 'edit' data, then both scenarios' F1 at full size."""
    full = 1997
    sizes = [500, 1000] if quick else [round(full * f / 4) for f in (1, 2, 3, 4)]
    repeat = 1 if quick else REPEAT
    rows = ["### Six NTREX versions (--segmented), 3% deleted + 3% inserted per version", "",
            f"Each size in a fresh subprocess. Baseline: fuzz.ratio on anyascii text, greedy "
            f"1-1 per pair (cutoff {cutoff:g}), joined into matches. Time: wall time of the "
            f"match after imports (CPU of the process and its forked workers); at the largest "
            f"size the median of {repeat} runs, their spread below the table. Memory: peak PSS of "
            "the process tree sampled every 20 ms in one more run, not timed (peak RSS of the "
            "main process).", "",
            "| lines per version | crossfact time (CPU) | crossfact peak memory | crossfact F1 "
            "| baseline time (CPU) | baseline peak memory | baseline F1 |",
            "|---|---|---|---|---|---|---|"]
    results, spread, laid_of = {}, {}, {}
    with tempfile.TemporaryDirectory(prefix="crossfact-bench-") as tmp:
        for n in sizes:
            print(f"bench: {n} lines", file=sys.stderr, flush=True)
            versions, _ = corpus_versions("edit", n, SEED)
            laid = laid_of[n] = lay_out(Path(tmp) / f"edit-{n}", versions, segmented=True)
            eng, runs = timed("engine", laid, repeat=repeat if n == sizes[-1] else 1)
            base, _ = timed(f"baseline:{cutoff}", laid)
            results[n] = (eng, base)
            spread[n] = _spread([r["run_s"] for r in runs])
            key |= {"lines": n, "run_s": eng["run_s"], "cpu_s": eng["cpu_s"],
                    "rss_mb": eng["rss_mb"], "tree_mb": eng["tree_mb"],
                    "F1": f1_of(eng, laid).f1, "base_s": base["run_s"],
                    "base_F1": f1_of(base, laid).f1}
            rows.append(
                f"| {n} | {eng['run_s']:.2f} s ({eng['cpu_s']:.2f} s) | {_memory(eng)} "
                f"| {f1_of(eng, laid).f1:.3f} | {base['run_s']:.2f} s ({base['cpu_s']:.2f} s) "
                f"| {_memory(base)} "
                f"| {f1_of(base, laid).f1:.3f} |")
        small, big = sizes[0], sizes[-1]
        # the growth on one core: a small story runs serially and a large one in workers,
        # and two busy vCPUs here slow each other, so the table's CPU times mix two regimes
        one_core = {n: measure("engine", laid_of[n], serial=True)["cpu_s"] for n in (small, big)}
        ratio = one_core[big] / max(1e-9, one_core[small])
        exponent = math.log(max(ratio, 1e-9)) / math.log(big / small)
        rows += ["", f"On one core ($CROSSFACT_WORKERS=1), crossfact's CPU time grows "
                 f"x{ratio:.1f} ({one_core[small]:.2f} -> {one_core[big]:.2f} s) for "
                 f"x{big / small:.1f} the lines, about n^{exponent:.2f} (linear would be "
                 f"x{big / small:.1f}, quadratic x{(big / small) ** 2:.1f}).",
                 "", (f"At {big} lines, {repeat} runs took {spread[big]} (median in the "
                      "table). " if repeat > 1 else "")
                 + "Targets at 1,997 lines: < 5 s and < 500 MB.", ""]
        if not quick:
            versions, moved = corpus_versions("move", full, SEED)
            laid = lay_out(Path(tmp) / "move", versions, segmented=True)
            print("bench: move", file=sys.stderr, flush=True)
            eng, base = measure("engine", laid), measure(f"baseline:{cutoff}", laid)
            key |= {"move_F1": f1_of(eng, laid).f1}
            rows += [
                f"A fifth of the stories moved in the {ISO1[moved]} version (1,997 lines): "
                f"crossfact F1 **{f1_of(eng, laid).f1:.3f}** in {eng['run_s']:.2f} s, baseline "
                f"F1 {f1_of(base, laid).f1:.3f} in {base['run_s']:.2f} s (target >= 0.95)."]
    return rows


def profile(n_lines: int | None = None, top: int = 25) -> str:
    """cProfile of one in-process engine run on the 'edit' data: where the seconds go."""
    import cProfile
    import io
    import pstats

    from crossfact.pipeline import run

    versions, _ = corpus_versions("edit", n_lines, SEED)
    with tempfile.TemporaryDirectory(prefix="crossfact-prof-") as tmp:
        laid = lay_out(Path(tmp) / "story", versions, segmented=True)
        prof = cProfile.Profile()
        prof.runcall(run, laid.paths, langs=laid.langs, segmented=True)
    out = io.StringIO()
    pstats.Stats(prof, stream=out).strip_dirs().sort_stats("cumulative").print_stats(top)
    return out.getvalue().strip()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="500 and 1000 lines only")
    parser.add_argument("--cutoff", type=float, default=CUTOFF, help="the baseline's cutoff")
    parser.add_argument("--readme", action="store_true",
                        help="also put the tables in benchmarks/README.md")
    parser.add_argument("--notes", type=Path, default=NOTES)
    parser.add_argument("--profile", action="store_true",
                        help="only profile the engine on the full 'edit' data (cProfile)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        spec = json.loads(args.child)
        data = child(spec["kind"], spec["paths"], spec["langs"], spec["segmented"])
        Path(args.out).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return 0
    why = missing_corpora()
    if why:
        print(f"error: {why}", file=sys.stderr)
        return 2
    if args.profile:
        stamp = f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
        body = (f"## bench_match --profile ({stamp}, engine sources {engine_version()})\n\n"
                f"```\n{profile()}\n```")
        print(body)
        write_section("bench_match-profile", body, args.notes / "eval-latest.md")
        return 0
    command = ("python benchmarks/bench_match.py" + " --quick" * args.quick
               + (f" --cutoff {args.cutoff:g}" if args.cutoff != CUTOFF else ""))
    stamp = f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    head = (f"## bench_match ({stamp}, {os.cpu_count()} CPUs, load average {load} at start, "
            f"engine sources {engine_version()})")
    key: dict[str, float] = {}
    seed = seed_story(key, 1 if args.quick else REPEAT)
    body = "\n".join([head, "", f"`{command.strip()}`", "", *seed, "",
                      *corpus_runs(args.quick, args.cutoff, key)])
    log_history(command, key, args.notes / "eval-history.tsv")
    print(body)
    section = "bench_match" + ("-quick" if args.quick else "")
    publish(section, body, args.notes, args.readme)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
