"""Slow hostile input: what a huge single line and a folder of thousands of files cost, and
that past the limits crossfact refuses at once instead (crossfact/reading.py).

    python benchmarks/bench_hostile.py           # every case, about a minute
    python benchmarks/bench_hostile.py --quick   # only the refusals and the smallest cases

Each case runs `crossfact match` in a child process on a story made from the bundled seed
story's real text (its Turkish version repeated on one line, as it is or with its sentence
ends taken out, so that the line is one claim of thousands of figures; its five versions
copied into a folder, each numbered so no two are the same text) and reports the wall time,
the child's peak memory and the exit status.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "fixtures" / "seed-story"


def run(paths: list[Path]) -> tuple[float, float, int, str]:
    """(seconds, peak MB of the child, exit status, stderr's last line) of `crossfact match`."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "crossfact", "match", *map(str, paths)],
                                stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own peak, not all children's
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        last = (err.read().decode("utf-8", "replace").strip().splitlines() or [""])[-1]
    return seconds, usage.ru_maxrss / 1024, proc.returncode, last


def one_line_story(folder: Path, megabytes: float, ends: bool = True) -> list[Path]:
    """The seed's Turkish version repeated on one line of `megabytes` and a seed version;
    without `ends`, its sentence ends taken out (one claim: a transcript with no stops) and
    two seed versions (with a third version, links by fact type every figure of it)."""
    turkish = " ".join(sorted(SEED.glob("*.txt"))[0].read_text(encoding="utf-8").split())
    if not ends:
        turkish = re.sub(r"[.!?…:;]+(?=\s|$)", "", turkish)
    line = (turkish + " ") * (int(megabytes * 1_000_000) // len(turkish.encode()) + 1)
    big = folder / "line.txt"
    data = line.encode()[: int(megabytes * 1_000_000)]
    big.write_bytes(data.decode("utf-8", "ignore").encode())  # a cut letter left out
    return [big, *sorted(SEED.glob("*.txt"))[3:5 if not ends else 4]]


def many_files_story(folder: Path, count: int) -> list[Path]:
    versions = sorted(SEED.glob("*.txt"))
    texts = [v.read_text(encoding="utf-8") for v in versions]
    story = folder / f"many{count}"
    story.mkdir()
    for n in range(count):
        (story / f"{n:05d}.txt").write_text(f"Version {n}.\n{texts[n % len(texts)]}",
                                            encoding="utf-8")
    return [story]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    lines = [0.25, 5] if args.quick else [0.25, 1, 2, 5]
    endless = [0.25] if args.quick else [0.25, 1.4]
    folders = [20, 3000] if args.quick else [20, 50, 51, 3000]
    print("| input | seconds | peak MB | exit | what crossfact said |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as tmp:
        for megabytes in lines:
            case = Path(tmp) / f"line{megabytes}"
            case.mkdir()
            seconds, peak, code, said = run(one_line_story(case, megabytes))
            print(f"| one line of {megabytes} MB + a seed version | {seconds:.1f} | "
                  f"{peak:.0f} | {code} | {said[:90]} |", flush=True)
        for megabytes in endless:
            case = Path(tmp) / f"endless{megabytes}"
            case.mkdir()
            seconds, peak, code, said = run(one_line_story(case, megabytes, ends=False))
            print(f"| one line of {megabytes} MB, no sentence ends, + two seed versions | "
                  f"{seconds:.1f} | {peak:.0f} | {code} | {said[:90]} |", flush=True)
        for count in folders:
            seconds, peak, code, said = run(many_files_story(Path(tmp), count))
            print(f"| a folder of {count:,} versions | {seconds:.1f} | {peak:.0f} | {code} | "
                  f"{said[:90]} |", flush=True)


if __name__ == "__main__":
    main()
