"""Hard-wrapped input: does text wrapped at a width segment into the claims of the same text
unwrapped, and does `crossfact match` then give the same matches?

Real input is often hard-wrapped (copied from a PDF, an email, a terminal, OCR). Every text
below is laid out twice with the same paragraphs: unwrapped (a paragraph a line) and wrapped
greedily at a width (as `textwrap.fill` does), paragraphs separated by a blank line
("blank") or by a single line break ("single"), either without hyphens ("plain") or
"hyphenated": broken after a hyphen a word already has ("avait-\\nil", as textwrap does) and,
in Latin script, a long word cut with a hyphen added where it does not fit ("gouverne-\\nment",
as PDF and OCR text has), or "ragged": each line up to a sixth shorter than the width, as a
proportional font's lines are. Each wrapped character knows its place in the unwrapped text,
so a claim of the wrapped text is compared by its span with the claims of the unwrapped one:

- exact: share of the unwrapped text's claims that the wrapped text has with the same span
  (its text the same, but for line breaks and added hyphens);
- split: boundaries between claims in the wrapped text that the unwrapped one has not
  (per 1,000 claims);
- joined: boundaries of the unwrapped text that the wrapped one lost (per 1,000 claims);
- kind: claims recovered exactly whose kind (headline, embed...) changed (per 1,000).

Texts (development data only): the seed story, the stories of fixtures/news, NTREX's 123
documents in its six languages (headline alone, then paragraphs of 2-4 sentences, seeded) and
Text+Berg dev (de, fr; paragraphs of 2-5 lines, seeded). Controls: blocks of short lines
without final marks that are not wrapped, each line its own: public-domain verse
(wrap_controls.toml: stanzas as written, and run together without blank lines), NTREX's
headlines in runs of HEADLINE_RUN (as they are, and as a bulleted list) and each language's
fixtures/news headlines in one block; share of them left line by line. Words broken after a
hyphen (`hyphen_joins`): fixtures/news names cut at random, joined right; its compounds kept.
Then, for the seed story and three fixtures/news stories, `pipeline.run` on the unwrapped and
on wrapped versions: the share of the unwrapped run's matches (their claims, by span; firm and
suggested members) found the same.

With --against REV the engine at git REV (extracted to a temporary folder) runs the same
cases in a child process, and both are shown side by side.

    python benchmarks/wrap_eval.py [--against main] [--quick] [--no-match] [--show N]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tarfile
import tempfile
import tomllib
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass
from io import BytesIO
from itertools import pairwise
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
WIDTHS = (40, 60, 72, 100)
LAYOUTS = {"blank": "\n\n", "single": "\n"}
STYLES = ("plain", "hyphenated", "ragged")
# "ragged": each line holds up to 1/RAGGED fewer characters than the width, as a line of a
# proportional font (a PDF, OCR) holds fewer wide letters than narrow ones
RAGGED = 6
MATCH_STORIES = ("quake-turkey-2023", "turkey-runoff-2023", "fed-rate-cut-2025")
MATCH_CASES = ((60, "blank", "plain"), (72, "single", "hyphenated"), (40, "single", "plain"),
               (72, "blank", "ragged"))
MIN_CUT = 3  # letters kept on either side of an added hyphen


# ------------------------------------------------------------------------------ wrapping


@dataclass
class Laid:
    """A text and, for each of its characters, its place in the unwrapped text (-1: added)."""

    text: str
    origin: list[int]


def _chunks(paragraph: str, offset: int, hyphens: bool) -> list[tuple[int, int, bool]]:
    """(start, end, glued to the previous chunk) of the words of `paragraph`, a word broken
    after its hyphens between letters when `hyphens` (as textwrap's break_on_hyphens)."""
    found = []
    for word in re.finditer(r"[^ \t]+", paragraph):  # as textwrap: no break at a no-break space
        start = word.start()
        if hyphens:
            for cut in re.finditer(r"(?<=[^\W\d_]{2})-(?=[^\W\d_]{2})", word.group()):
                found.append((offset + start, offset + word.start() + cut.end(),
                              start != word.start()))
                start = word.start() + cut.end()
        found.append((offset + start, offset + word.end(), start != word.start()))
    return found


def _latin_word(text: str) -> bool:
    return text.isalpha() and all(ord(c) < 0x250 for c in text)


def wrap(source: str, paragraphs: list[tuple[int, int]], width: int | None, separator: str,
         style: str = "plain") -> Laid:
    """The paragraphs (spans of `source`) joined by `separator`, each wrapped greedily at
    `width` (None: not wrapped) in a `style` of STYLES."""
    hyphens = style == "hyphenated"
    rng = random.Random(source[:200]) if style == "ragged" else None
    out: list[str] = []
    origin: list[int] = []

    def put(text: str, where: int | list[int]) -> None:
        out.append(text)
        origin.extend(where if isinstance(where, list) else [where] * len(text))

    for number, (start, end) in enumerate(paragraphs):
        if number:
            put(separator, -1)
        column = 0
        line_width = width
        for first, last, glued in _chunks(source[start:end], start, hyphens):
            if width is not None and rng is not None and column == 0:
                line_width = width - rng.randint(0, width // RAGGED)
            word = source[first:last]
            size = len(word) + (0 if glued or column == 0 else 1)
            if line_width is None or column + size <= line_width or column == 0:
                if column and not glued:
                    put(" ", first - 1)
                put(word, list(range(first, last)))
                column += size
                continue
            room = line_width - column - (0 if glued else 1) - 1  # letters that fit before a "-"
            if hyphens and not glued and _latin_word(word) and \
                    MIN_CUT <= room <= len(word) - MIN_CUT:
                put(" " + word[:room] + "-", [first - 1, *range(first, first + room), -1])
                put("\n", -1)
                word, first = word[room:], first + room
            else:
                put("\n", -1)
            put(word, list(range(first, first + len(word))))
            column = len(word)
            if rng is not None and width is not None:
                line_width = width - rng.randint(0, width // RAGGED)
    return Laid("".join(out), origin)


# ------------------------------------------------------------------------------ texts


@dataclass
class Text:
    """A real text as paragraphs: `source` and the spans of its paragraphs."""

    group: str  # seed, news, ntrex, textberg
    name: str
    lang: str
    source: str
    paragraphs: list[tuple[int, int]]


def _lines_as_paragraphs(group: str, name: str, lang: str, source: str) -> Text:
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", source)]
    trimmed = [(s + len(source[s:e]) - len(source[s:e].lstrip()),
                e - (len(source[s:e]) - len(source[s:e].rstrip()))) for s, e in spans]
    return Text(group, name, lang, source, trimmed)


def _grouped(group: str, name: str, lang: str, lines: list[str], sizes: tuple[int, int],
             headline: bool, seed: str) -> Text:
    """Lines (sentences) joined with spaces into paragraphs of `sizes` lines (seeded)."""
    rng = random.Random(seed)
    paragraphs, position, n = [], 0, 0
    if headline and lines:
        paragraphs.append(lines[:1])
        n = 1
    while n < len(lines):
        take = rng.randint(*sizes)
        paragraphs.append(lines[n:n + take])
        n += take
    source_parts, spans = [], []
    for paragraph in paragraphs:
        text = " ".join(paragraph)
        spans.append((position, position + len(text)))
        source_parts.append(text)
        position += len(text) + 1
    return Text(group, name, lang, "\n".join(source_parts), spans)


def seed_texts() -> list[Text]:
    folder = ROOT / "crossfact" / "seed-story"
    langs = tomllib.loads((folder / "story.toml").read_text("utf-8"))["languages"]
    files = sorted(folder.glob("*.txt"))
    return [_lines_as_paragraphs("seed", f.name, lang, f.read_text("utf-8"))
            for f, lang in zip(files, langs, strict=True)]


def news_texts() -> list[Text]:
    return [_lines_as_paragraphs("news", f"{f.parent.name}/{f.name}", f.stem, f.read_text("utf-8"))
            for f in sorted((ROOT / "fixtures" / "news").glob("*/*.txt"))]


def ntrex_texts(quick: bool) -> list[Text]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from common import ISO1, ntrex_documents, read_lines

    texts = []
    for code, lang in ISO1.items():
        lines = read_lines("ntrex128", code)
        for number, (doc, rows) in enumerate(ntrex_documents()):
            if quick and number % 6:
                continue
            texts.append(_grouped("ntrex", doc, lang, [lines[n].strip() for n in rows], (2, 4),
                                  True, doc))
    return texts


def textberg_texts() -> list[Text]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from common import corpora_dir

    folder = corpora_dir() / "textberg_dev"
    return [_grouped("textberg", lang, lang, [line.strip() for line in
                     (folder / f"{lang}.txt").read_text("utf-8").splitlines() if line.strip()],
                     (2, 5), False, lang) for lang in ("de", "fr")]


# ------------------------------------------------------------------------------ controls

HEADLINE_RUN = 6  # headlines a block: a front page's list, a newsletter's


def control_texts() -> list[tuple[str, str, str]]:
    """(kind, lang, text) of blocks that are not wrapped: verse, lists of headlines."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from common import ISO1, ntrex_documents, read_lines

    out = []
    for poem in tomllib.loads((ROOT / "benchmarks" / "wrap_controls.toml").read_text("utf-8"))[
            "verse"]:
        text = poem["text"].strip()
        out += [("verse", poem["lang"], text),
                ("verse-run", poem["lang"], re.sub(r"\n+", "\n", text))]
    heads = defaultdict(list)
    for f in sorted((ROOT / "fixtures" / "news").glob("*/*.txt")):
        heads[f.stem].append(f.read_text("utf-8").strip().split("\n", 1)[0].strip())
    out += [("news-headlines", lang, "\n".join(lines)) for lang, lines in heads.items()]
    documents = ntrex_documents()
    for code, lang in ISO1.items():
        lines = read_lines("ntrex128", code)
        first = [lines[rows[0]].strip() for _, rows in documents]
        for n in range(0, len(first), HEADLINE_RUN):
            run = first[n:n + HEADLINE_RUN]
            out += [("headlines", lang, "\n".join(run)),
                    ("bullets", lang, "\n".join("• " + line for line in run))]
    return out


def controls() -> dict[str, dict[str, list[int]]]:
    """Per kind and language: [blocks left line by line, blocks]."""
    from crossfact.segment import find_paragraphs

    out: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for kind, lang, text in control_texts():
        lines = sum(1 for line in text.splitlines() if line.strip())
        out[kind][lang][0] += len(find_paragraphs(text)) == lines
        out[kind][lang][1] += 1
    return out


def hyphen_joins() -> dict[str, list[int]]:
    """Words broken at a line end after a hyphen, as `as_unwrapped` reads them: the Latin-
    script names of fixtures/news (capitalised inside a sentence) each cut at a random place
    (seeded), [joined right, names]; its hyphenated words with a lower-case tail cut at the
    hyphen, [hyphen kept, words]."""
    from crossfact.segment import as_unwrapped

    names, compounds = set(), set()
    for f in sorted((ROOT / "fixtures" / "news").glob("*/*.txt")):
        text = f.read_text("utf-8")
        names |= {(f.stem, m.group(1)) for m in re.finditer(
            r"(?<=[^\W\d_]{2}[ ,]) ?([^\W\d_][^\W\d_]{5,})\b(?!-)", text)
            if m.group(1)[0].isupper() and _latin_word(m.group(1)) and not m.group(1).isupper()}
        compounds |= {(f.stem, m.group(1), m.group(2)) for m in re.finditer(
            r"\b([^\W\d_]{2,})-([^\W\d_]{2,})\b", text)
            if _latin_word(m.group(1) + m.group(2)) and m.group(2)[0].islower()}
    rng = random.Random(17)
    right = 0
    for lang, name in sorted(names):
        cut = rng.randint(MIN_CUT, len(name) - MIN_CUT)
        right += as_unwrapped(f"{name[:cut]}-\n{name[cut:]}", lang).rstrip() == name
    kept = sum(as_unwrapped(f"{head}-\n{tail}", lang).rstrip() == f"{head}-{tail}"
               for lang, head, tail in compounds)
    return {"names joined": [right, len(names)], "compounds kept": [kept, len(compounds)]}


# ------------------------------------------------------------------------------ scoring


def _spans(laid: Laid, lang: str) -> list[tuple[int, int, str]]:
    """The claims of `laid.text`, as (start, end, kind) in the unwrapped text."""
    from crossfact.ids import stable_id
    from crossfact.models import Document
    from crossfact.segment import segment

    doc = Document(id=stable_id(laid.text, prefix="d"), path="wrap", lang=lang, title="",
                   text=laid.text)
    return [_unwrapped_span(laid, c.start, c.end) + (c.kind,) for c in segment(doc)]


def _unwrapped_span(laid: Laid, start: int, end: int) -> tuple[int, int]:
    first = next(laid.origin[i] for i in range(start, end) if laid.origin[i] >= 0)
    last = next(laid.origin[i] for i in range(end - 1, start - 1, -1) if laid.origin[i] >= 0)
    return first, last + 1


@dataclass
class Tally:
    claims: int = 0
    exact: int = 0
    split: int = 0
    joined: int = 0
    kind: int = 0

    def add(self, other: Tally) -> None:
        for key in vars(self):
            setattr(self, key, getattr(self, key) + getattr(other, key))


def compare(reference: list[tuple[int, int, str]], found: list[tuple[int, int, str]],
            examples: list[str], source: str) -> Tally:
    """How `found` (claims of the wrapped text, as unwrapped spans) differs from `reference`."""
    kinds = {(s, e): k for s, e, k in reference}
    exact = [(s, e) for s, e, _ in found if (s, e) in kinds]
    gaps = [(a[1], b[0]) for a, b in pairwise(reference)]
    cuts = [(a[1], b[0]) for a, b in pairwise(found)]
    cut_ends = sorted(end for end, _ in cuts)
    gap_ends = sorted(end for end, _ in gaps)

    def inside(points: list[int], low: int, high: int) -> bool:
        i = bisect_left(points, low)
        return i < len(points) and points[i] <= high

    split = [c for c in cuts if not inside(gap_ends, c[0], c[1])]
    joined = [g for g in gaps if not inside(cut_ends, g[0], g[1])]
    for label, where in (("split", split), ("joined", joined)):
        for end, _ in where[:1]:
            examples.append(f"{label}: …{source[max(0, end - 50):end]}‖{source[end:end + 40]}…")
    return Tally(len(reference), len(exact), len(split), len(joined),
                 sum(kinds[(s, e)] != k for s, e, k in found if (s, e) in kinds))


def segmentation(texts: list[Text]) -> tuple[dict[str, dict[str, Tally]], dict[str, list[str]]]:
    """Tallies by variant ("all", "blank", "single", "w40", ...) and language; examples of
    errors by language."""
    out: dict[str, dict[str, Tally]] = defaultdict(lambda: defaultdict(Tally))
    examples: dict[str, list[str]] = defaultdict(list)
    for text in texts:
        for layout, separator in LAYOUTS.items():
            plain = wrap(text.source, text.paragraphs, None, separator)
            reference = _spans(plain, text.lang)
            for width in WIDTHS:
                for style in STYLES:
                    laid = wrap(text.source, text.paragraphs, width, separator, style)
                    tally = compare(reference, _spans(laid, text.lang),
                                    examples[text.lang], text.source)
                    for variant in ("all", layout, f"w{width}", style, text.group):
                        out[variant][text.lang].add(tally)
    return out, examples


def matches_of(paths: list[str], langs: dict[str, str], laid: dict[str, Laid]) -> set[str]:
    """The matches of one run as keys: each member by version and unwrapped span.

    The steps of `pipeline.run`, with every document and claim named by its language and
    unwrapped span rather than by a hash of its text: the matcher breaks some ties by id
    (the same story with blank lines added at each file's end changed 10 of quake-turkey's
    56 matches), which would be counted against wrapping here."""
    from crossfact import pipeline
    from crossfact.segment import cut_run_in_headlines, segment

    docs = [d.model_copy(update={"id": f"d-{Path(d.path).stem}"})
            for d in pipeline.read_story(paths, langs)]
    claims = cut_run_in_headlines(docs, [c for d in docs for c in segment(d)])
    where = {c.id: (c.doc[2:], *_unwrapped_span(laid[c.doc[2:]], c.start, c.end))
             for c in claims}
    claims = [c.model_copy(update={"id": "c-{}-{}-{}".format(*where[c.id])}) for c in claims]
    where = {c.id: where[old] for c, old in zip(claims, where, strict=True)}
    # ties by these names too, not by `matching.tie_keys`, which are made of the file's text
    from crossfact import matching
    keys = getattr(matching, "tie_keys", None)
    matching.tie_keys = lambda docs, claims: {x.id: x.id for x in [*docs, *claims]}
    try:
        matches = pipeline.match_claims(docs, pipeline.fingerprint_story(docs, claims))
    finally:
        if keys is not None:
            matching.tie_keys = keys
    return {json.dumps([sorted(where[c] for c in m.claims), sorted(where[c] for c in m.suggested)])
            for m in matches}


def matching(quick: bool) -> dict[str, list[int]]:
    """Per story and case: [matches of the unwrapped run found the same, their number]."""
    stories = {"seed": seed_texts()}
    for name in MATCH_STORIES[: 1 if quick else None]:
        stories[name] = [t for t in news_texts() if t.name.startswith(name + "/")]
    out: dict[str, list[int]] = {}
    with tempfile.TemporaryDirectory(prefix="crossfact-wrap-") as tmp:
        for story, texts in stories.items():
            def run_case(width: int | None, layout: str, style: str, folder: Path,
                         texts: list[Text] = texts) -> set[str]:
                folder.mkdir()
                laid, paths, langs = {}, [], {}
                for text in texts:
                    laid[text.lang] = wrap(text.source, text.paragraphs, width, LAYOUTS[layout],
                                           style)
                    path = folder / f"{text.lang}.txt"
                    path.write_text(laid[text.lang].text, "utf-8")
                    paths.append(str(path))
                    langs[str(path)] = text.lang
                return matches_of(paths, langs, laid)

            for layout in ("blank", "single"):
                reference = run_case(None, layout, "plain", Path(tmp) / f"{story}-{layout}")
                for width, case_layout, style in MATCH_CASES:
                    if case_layout != layout:
                        continue
                    found = run_case(width, layout, style,
                                     Path(tmp) / f"{story}-{width}-{layout}-{style}")
                    out[f"{story} {width} {layout} {style}"] = [len(reference & found),
                                                                  len(reference)]
    return out


def evaluate(quick: bool, match: bool) -> dict[str, Any]:
    texts = seed_texts() + news_texts() + ntrex_texts(quick) + textberg_texts()
    tallies, examples = segmentation(texts)
    return {"segmentation": {v: {lang: vars(t) for lang, t in by.items()}
                             for v, by in tallies.items()},
            "examples": examples,
            "controls": controls(),
            "hyphens": hyphen_joins(),
            "matching": matching(quick) if match else {}}


# ------------------------------------------------------------------------------ report


def _row(t: dict[str, int]) -> str:
    per = 1000 / max(t["claims"], 1)
    return (f"{t['exact'] / max(t['claims'], 1):.3f} {t['split'] * per:6.1f} "
            f"{t['joined'] * per:6.1f} {t['kind'] * per:5.1f}")


ORDER = ("all", *LAYOUTS, *STYLES, *(f"w{w}" for w in WIDTHS), "seed", "news", "ntrex", "textberg")
LANG_ORDER = ("en", "tr", "bn", "ar", "fr", "he", "de")


def report(results: dict[str, Any], show: int) -> str:
    """The engines' tallies side by side: per variant and language, then the matches."""
    names = list(results)
    head = " | ".join(f"{n}: exact split joined kind" for n in names)
    lines = ["claims of the unwrapped text (exact: a share; the others per 1,000 of them)", "",
             f"variant    lang claims | {head}"]
    for variant in ORDER:
        for lang in sorted(results[names[0]]["segmentation"][variant], key=LANG_ORDER.index):
            rows = [results[n]["segmentation"][variant][lang] for n in names]
            lines.append(f"{variant:10} {lang:4} {rows[0]['claims']:6d} | "
                         + " | ".join(_row(r) for r in rows))
    total = {n: sum((Counter(t) for t in results[n]["segmentation"]["all"].values()), Counter())
             for n in names}
    lines.append(f"{'all':10} {'*':4} {total[names[0]]['claims']:6d} | "
                 + " | ".join(_row(dict(total[n])) for n in names))
    lines += ["", "controls left line by line (kind lang)"]
    for kind, by in results[names[-1]]["controls"].items():
        for lang in sorted(by, key=LANG_ORDER.index):
            lines.append(f"{kind:15} {lang:4} " + " | ".join(
                "{}: {}/{}".format(n, *results[n].get("controls", {}).get(kind, {}).get(
                    lang, [0, 0])) for n in names))
    for case in results[names[-1]]["hyphens"]:
        lines.append(f"{case:20} " + " | ".join(
            "{}: {}/{}".format(n, *results[n]["hyphens"][case]) for n in names))
    if results[names[0]]["matching"]:
        lines += ["", "matches of the unwrapped run found the same (story width layout style)"]
        for case in results[names[0]]["matching"]:
            lines.append(f"{case:40} " + " | ".join(
                "{}: {}/{}".format(n, *results[n]["matching"][case]) for n in names))
    lines += [f"{n} {lang} {example}" for n in names
              for lang, found in results[n]["examples"].items() for example in found[:show]]
    return "\n".join(lines)


def _other_engine(rev: str, argv: list[str]) -> Any:
    """The same evaluation run by the engine at git `rev`, in a child process."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "crossfact", "store"],
                             check=True, capture_output=True).stdout
    with tempfile.TemporaryDirectory(prefix="crossfact-wrap-rev-") as tmp:
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="tar")
        done = subprocess.run([sys.executable, __file__, "--engine", tmp, "--json", *argv],
                              check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", metavar="REV", help="also run the engine at git REV")
    parser.add_argument("--quick", action="store_true", help="every 6th NTREX document")
    parser.add_argument("--no-match", action="store_true", help="segmentation only")
    parser.add_argument("--show", type=int, default=0, help="N examples of errors a language")
    parser.add_argument("--engine", help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.engine:
        sys.path.insert(0, args.engine)
    import crossfact

    if args.engine:
        assert crossfact.__file__ and crossfact.__file__.startswith(args.engine)
    mine = evaluate(args.quick, not args.no_match)
    if args.json:
        print(json.dumps(mine))
        return 0
    results = {}
    if args.against:
        passed = [a for a in ("--quick", "--no-match") if getattr(args, a[2:].replace("-", "_"))]
        results[args.against] = _other_engine(args.against, passed)
    results["this"] = mine
    print(report(results, args.show))
    return 0


if __name__ == "__main__":
    sys.exit(main())
