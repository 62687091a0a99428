"""hunalign (Varga et al. 2005), the classic non-neural sentence aligner, run beside crossfact.

Its C++ code never enters this repository: the user builds it from its own repository
(benchmarks/README.md says how) and points the benchmarks at the binary with --hunalign.
Without a dictionary (a zero-byte file, as hunalign's README suggests) it aligns on sentence
lengths and on the tokens two sentences share (numbers and capitalised words, which its
rough translation keeps as they are). Its default output is a ladder: rungs (n, m) saying
the first n source sentences correspond to the first m target sentences, from (0, 0) to
(all, all); two consecutive rungs make one bead.
"""

from __future__ import annotations

import os
import resource
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

Bead = tuple[tuple[int, ...], tuple[int, ...]]


class HunalignError(Exception):
    """hunalign could not be run, or wrote something that is no ladder: a one-line reason."""


def check_binary(binary: Path) -> None:
    """Refuse, with a one-line reason, a path that is no executable file."""
    if not binary.is_file() or not os.access(binary, os.X_OK):
        raise HunalignError(f"{binary} is not an executable file (build hunalign first: "
                            "benchmarks/README.md)")


def ladder_beads(ladder: str) -> list[Bead]:
    """The beads of a ladder (hunalign's default output: per line a rung `n<TAB>m<TAB>score`,
    0-based sentence counts): the bead between rungs (i1, j1) and (i2, j2) holds source lines
    i1..i2-1 and target lines j1..j2-1, as hunalign's README defines a rung."""
    rungs: list[tuple[int, int]] = []
    for number, line in enumerate(ladder.splitlines(), 1):
        if not line.strip():
            continue
        cols = line.split("\t")
        try:
            rung = (int(cols[0]), int(cols[1]))
        except (IndexError, ValueError):
            raise HunalignError(f"ladder line {number} is not a rung: {line[:60]!r}") from None
        if rungs and (rung[0] < rungs[-1][0] or rung[1] < rungs[-1][1]):
            raise HunalignError(f"ladder line {number} goes backwards: {rung} after {rungs[-1]}")
        rungs.append(rung)
    return [(tuple(range(i1, i2)), tuple(range(j1, j2)))
            for (i1, j1), (i2, j2) in zip(rungs, rungs[1:], strict=False)
            if (i1, j1) != (i2, j2)]


@dataclass
class Timed:
    """What one or more hunalign runs gave: each run's beads, and the seconds they took."""

    beads: list[list[Bead]]
    wall: float  # seconds from the first start to the last end, processes run one by one
    cpu: float  # user + system seconds of the hunalign processes


def align(binary: Path, pairs: Sequence[tuple[Path, Path]], dictionary: Path | None = None,
          flags: Sequence[str] = ()) -> Timed:
    """hunalign on each (source, target) pair of one-sentence-a-line files, one process per
    pair, run one after the other; with no `dictionary`, an empty one."""
    check_binary(binary)
    with tempfile.TemporaryDirectory(prefix="crossfact-hunalign-") as tmp:
        if dictionary is None:
            dictionary = Path(tmp) / "null.dic"
            dictionary.write_bytes(b"")
        elif not dictionary.is_file():
            raise HunalignError(f"no dictionary file {dictionary}")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        ladders = []
        for src, tgt in pairs:
            # in its own folder: hunalign leaves a translate.txt in its working directory
            done = subprocess.run([str(binary.resolve()), *flags, str(dictionary.resolve()),
                                   str(src.resolve()), str(tgt.resolve())], cwd=tmp,
                                  capture_output=True, text=True, check=False)
            if done.returncode != 0:
                why = (done.stderr.strip().splitlines() or ["no message"])[-1]
                raise HunalignError(f"hunalign failed on {src.name} / {tgt.name} "
                                    f"(exit {done.returncode}): {why}")
            ladders.append(done.stdout)
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    beads = [ladder_beads(ladder) for ladder in ladders]
    for (src, tgt), found in zip(pairs, beads, strict=True):
        covered = (sum(len(a) for a, _ in found), sum(len(b) for _, b in found))
        lines = tuple(len(p.read_text("utf-8").splitlines()) for p in (src, tgt))
        if covered != lines:
            raise HunalignError(f"hunalign's ladder for {src.name} / {tgt.name} covers "
                                f"{covered} lines of {lines}")
    return Timed(beads, wall, cpu)
