"""Store benchmark (not a test): the figures issue 3 asks for, on this machine.

    python benchmarks/store_bench.py [--events 100000] [--matches 500]

- record one event (decide through Store.apply, WAL + synchronous=FULL): p50 / p99
- open a story with N events and show its state (open, stories, first page, progress, resume)
- export N events as JSONL, and re-import the export into an empty database
- database size per 10k events
Targets (issue 3): p99 < 10 ms, open < 300 ms, export of 100k events < 3 s.
"""

from __future__ import annotations

import argparse
import io
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from crossfact.ids import stable_id
from crossfact.models import Claim, Document, Match, MatchResult
from crossfact.store import open_store
from crossfact.store.exports import FORMATS
from crossfact.store.importing import import_lines
from crossfact.store.jsonl import line

LANGS = ("tr", "bn", "ar", "he", "fr")
SAMPLE = {
    "tr": "Tesla bu yıl {n} milyar dolar harcadı.",
    "bn": "টেসলা এই বছর {n} বিলিয়ন ডলার খরচ করেছে।",
    "ar": "أنفقت تسلا {n} مليارات دولار هذا العام.",
    "he": "טסלה הוציאה השנה {n} מיליארד דולר.",
    "fr": "Tesla a dépensé {n} milliards de dollars cette année.",
}


def synthetic(matches: int) -> MatchResult:
    """A story of five versions with `matches` claims each, claim i of each forming match i."""
    documents, claims, groups = [], [], [[] for _ in range(matches)]
    for lang in LANGS:
        texts = [SAMPLE[lang].format(n=i) for i in range(matches)]
        doc = Document(id=stable_id(lang, prefix="d"), path=f"{lang}.txt", lang=lang,
                       title=lang, text="\n".join(texts))
        documents.append(doc)
        start = 0
        for i, text in enumerate(texts):
            claim = Claim(id=stable_id(doc.id, str(i), prefix="c"), doc=doc.id, index=i,
                          text=text, start=start, end=start + len(text))
            claims.append(claim)
            groups[i].append(claim.id)
            start += len(text) + 1
    return MatchResult(documents=documents, claims=claims, matches=[
        Match(id=stable_id(*group, prefix="m"), claims=group, score=0.9,
              suggestion="conflict" if i % 7 == 0 else "agree", reasons=["same numbers"])
        for i, group in enumerate(groups)])


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def bench_record(path: Path, result: MatchResult, count: int) -> tuple[float, float]:
    s = open_store(path)
    s.add_story("bench", result, {})
    ids = [row.id for row in s.matches("bench", reviewer="r", limit=len(result.matches))]
    timings = []
    for n in range(count):
        start = time.perf_counter()
        s.decide("bench", ids[n % len(ids)], "agree", reviewer="r", session="bench")
        timings.append(time.perf_counter() - start)
    s.close()
    return statistics.median(timings) * 1000, percentile(timings, 0.99) * 1000


def event_lines(story: str, match_ids: list[str], count: int) -> Iterator[str]:
    """A log of `count` events by 3 reviewers: verdicts, notes, skips and undos."""
    verdicts = ("agree", "conflict", "unsourced")
    last: dict[str, str] = {}
    for n in range(count):
        reviewer = f"reviewer{n % 3}"
        event = {"type": "event", "id": f"ev{n:08d}", "story": story, "match": None,
                 "verdict": None, "outliers": [], "note": None, "claim": None, "target": None,
                 "supersedes": None, "reviewer": reviewer, "session": "bench",
                 "at": f"2026-01-01T00:00:{n % 60:02d}.000Z"}
        kind = ("verdict", "verdict", "note", "skip", "undo")[n % 5]
        if kind == "undo" and reviewer in last:
            event.update(kind="undo", supersedes=last.pop(reviewer))
        else:
            kind = "verdict" if kind == "undo" else kind
            event.update(kind=kind, match=match_ids[(n // 3) % len(match_ids)])
            if kind == "verdict":
                event["verdict"] = verdicts[n % 3] if n % 11 else "agree"
            if kind == "note":
                event["note"] = f"note {n}: ১০ বিলিয়ন / 10 milliards"
            last[reviewer] = event["id"]
        yield line(event)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--matches", type=int, default=500)
    parser.add_argument("--record", type=int, default=1000)
    args = parser.parse_args()
    result = synthetic(args.matches)
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        p50, p99 = bench_record(tmpdir / "record.db", result, args.record)
        print(f"record one event ({args.record} decides, WAL + synchronous=FULL): "
              f"p50 {p50:.2f} ms, p99 {p99:.2f} ms")

        big = tmpdir / "big.db"
        s = open_store(big)
        story = s.add_story("bench", result, {})
        s.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        empty_size = big.stat().st_size
        ids = [m.id for m in result.matches]
        start = time.perf_counter()
        import_lines(s, event_lines(story, ids, args.events), "generated")
        print(f"load {args.events} events (bulk import): {time.perf_counter() - start:.2f} s")
        s.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        s.close()
        size = big.stat().st_size - empty_size
        print(f"database size: {size / args.events * 10_000 / 1e6:.2f} MB per 10k events "
              f"(story without events: {empty_size / 1e6:.2f} MB)")

        start = time.perf_counter()
        s = open_store(big)
        s.stories()
        page = s.matches("bench", reviewer="reviewer0", limit=50)
        s.progress("bench", reviewer="reviewer0")
        s.resume("bench", reviewer="reviewer0")
        s.match(page[0].id, reviewer="reviewer0")
        print(f"open a story with {args.events} events and show its state: "
              f"{(time.perf_counter() - start) * 1000:.0f} ms")

        start = time.perf_counter()
        out = tmpdir / "export.jsonl"
        with out.open("w", encoding="utf-8") as handle:
            for chunk in FORMATS["jsonl"](s, None):
                handle.write(chunk)
        print(f"export {args.events} events as JSONL: {time.perf_counter() - start:.2f} s "
              f"({out.stat().st_size / 1e6:.1f} MB)")
        s.close()

        fresh = open_store(tmpdir / "reimport.db")
        start = time.perf_counter()
        with out.open(encoding="utf-8") as handle:
            import_lines(fresh, handle, str(out))
        print(f"re-import the export: {time.perf_counter() - start:.2f} s")
        again = io.StringIO()
        for chunk in FORMATS["jsonl"](fresh, None):
            again.write(chunk)
        identical = again.getvalue() == out.read_text(encoding="utf-8")
        print(f"re-imported export byte-identical: {identical}")
        fresh.close()


if __name__ == "__main__":
    main()
