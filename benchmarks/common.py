"""What the benchmarks share: finding and reading the corpora, laying out a story on disk with
the gold label of every character span, and scoring matches against those labels pairwise.

The corpora are read in place from ../shared/corpora (beside the repo root) or from
$CROSSFACT_CORPORA; they are never copied into the repo (their licences ask for that).
"""

from __future__ import annotations

import gzip
import hashlib
import os
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import combinations
from pathlib import Path

CORPORA_ENV = "CROSSFACT_CORPORA"
ISO1 = {"eng": "en", "tur": "tr", "ben": "bn", "arb": "ar", "fra": "fr", "heb": "he"}
LANGS = tuple(ISO1)  # the corpus file names, in a fixed order for reports
NOTES = Path(__file__).resolve().parent / "out"  # latest tables, errors, history (git-ignored)

Label = Hashable  # the gold identity of a sentence: an NTREX line number, ("flores", i), ...


def corpora_dir() -> Path:
    """../shared/corpora beside the repo root, unless $CROSSFACT_CORPORA names another place."""
    env = os.environ.get(CORPORA_ENV)
    return Path(env) if env else Path(__file__).resolve().parents[2] / "shared" / "corpora"


def missing_corpora() -> str | None:
    """Why the corpora cannot be used here, or None when NTREX and FLORES are both readable."""
    root = corpora_dir()
    for need in ("ntrex128/eng.txt.gz", "ntrex128/DOCUMENT_IDS.tsv", "flores200_dev/eng.txt.gz"):
        if not (root / need).is_file():
            return f"corpus file {root / need} not found (set ${CORPORA_ENV})"
    return None


@cache
def read_lines(corpus: str, lang: str) -> tuple[str, ...]:
    """Line i of every language of one corpus is the same sentence (the corpus guarantees it)."""
    path = corpora_dir() / corpus / f"{lang}.txt.gz"
    with gzip.open(path, "rt", encoding="utf-8", newline="\n") as f:  # only \n ends a line
        return tuple(line.rstrip("\n") for line in f)


@cache
def ntrex_documents() -> tuple[tuple[str, tuple[int, ...]], ...]:
    """NTREX's 123 news documents as (document id, its line numbers in order)."""
    ids = (corpora_dir() / "ntrex128" / "DOCUMENT_IDS.tsv").read_text("utf-8").split()
    docs: dict[str, list[int]] = {}
    for n, doc in enumerate(ids):
        docs.setdefault(doc, []).append(n)
    return tuple((doc, tuple(lines)) for doc, lines in docs.items())


def flores_documents() -> tuple[tuple[str, tuple[int, ...]], ...]:
    """FLORES dev's articles (consecutive lines from one URL) as (URL, its line numbers)."""
    rows = (corpora_dir() / "flores200_dev" / "metadata_dev.tsv").read_text("utf-8")
    urls = [line.split("\t")[0] for line in rows.splitlines()[1:]]
    docs: list[tuple[str, list[int]]] = []
    for n, url in enumerate(urls):
        if docs and docs[-1][0] == url:
            docs[-1][1].append(n)
        else:
            docs.append((url, [n]))
    return tuple((url, tuple(lines)) for url, lines in docs)


def udhr_documents() -> tuple[tuple[str, tuple[int, ...]], ...]:
    """The UDHR's title, preamble and 30 articles as (part id, its line numbers): `ids.tsv`
    names each line `art1.p1`, `preamble`...; a part is the lines sharing what precedes the dot."""
    rows = (corpora_dir() / "udhr" / "ids.tsv").read_text("utf-8").splitlines()[1:]
    docs: dict[str, list[int]] = {}
    for n, row in enumerate(rows):
        docs.setdefault(row.split("\t")[1].split(".")[0], []).append(n)
    return tuple((part, tuple(lines)) for part, lines in docs.items())


CORPUS_DOCUMENTS = {"ntrex128": ntrex_documents, "flores200_dev": flores_documents,
                    "udhr": udhr_documents}


@dataclass
class Piece:
    """One sentence of a constructed version, with its gold label and what was done to it."""

    text: str
    label: Label
    mark: str | None = None  # "changed", "rewritten", "inserted": perturbations to score


@dataclass
class Version:
    """One constructed language version: paragraphs of pieces, in reading order."""

    lang: str  # corpus code, e.g. "tur"
    paragraphs: list[list[Piece]]
    breaks: str = "\n\n"  # what ends a paragraph: a blank line, or "\n" (one per line)

    def pieces(self) -> list[Piece]:
        return [p for para in self.paragraphs for p in para]

    def render(self, segmented: bool) -> tuple[str, list[tuple[int, int, Piece]]]:
        """The file text and the character span of every piece in it.

        Prose joins a paragraph's sentences with a space and paragraphs with `breaks`;
        segmented mode writes one piece per line, as translation tools do.
        """
        out: list[str] = []
        spans: list[tuple[int, int, Piece]] = []
        pos = 0
        for n, para in enumerate(self.paragraphs):
            for m, piece in enumerate(para):
                sep = " " if m else self.breaks if n else ""
                if segmented and sep:
                    sep = "\n"
                out.append(sep)
                pos += len(sep)
                spans.append((pos, pos + len(piece.text), piece))
                out.append(piece.text)
                pos += len(piece.text)
        out.append("\n")
        return "".join(out), spans


@dataclass
class Laid:
    """A story written to disk: what `crossfact.pipeline.run` takes, and the gold to score."""

    paths: list[str]
    langs: dict[str, str]  # path -> ISO 639-1 code, so language ID is not what is measured
    spans: dict[str, list[tuple[int, int, Piece]]]  # resolved path -> spans of its pieces
    lang_of: dict[str, str]  # resolved path -> corpus code


def lay_out(folder: Path, versions: Sequence[Version], segmented: bool = False) -> Laid:
    """Write each version as folder/<lang>.txt (UTF-8, no BOM, so offsets are str indices)."""
    folder.mkdir(parents=True, exist_ok=True)
    laid = Laid([], {}, {}, {})
    for v in versions:
        path = folder / f"{v.lang}.txt"
        text, spans = v.render(segmented)
        path.write_text(text, encoding="utf-8")
        key = str(path.resolve())
        laid.paths.append(str(path))
        laid.langs[str(path)] = ISO1[v.lang]
        laid.spans[key] = spans
        laid.lang_of[key] = v.lang
    return laid


@dataclass
class Gold:
    """Each claim's version and the labels of the sentences its span overlaps."""

    version: dict[str, str] = field(default_factory=dict)  # claim id -> corpus lang code
    labels: dict[str, frozenset] = field(default_factory=dict)
    pieces: dict[str, list[Piece]] = field(default_factory=dict)
    text: dict[str, str] = field(default_factory=dict)


def gold_of(result, laid: Laid) -> Gold:
    """Map every claim of a MatchResult to the constructed sentences its offsets overlap."""
    path_of = {d.id: str(Path(d.path).resolve()) for d in result.documents}
    gold = Gold()
    for c in result.claims:
        key = path_of[c.doc]
        hit = [p for s, e, p in laid.spans[key] if s < c.end and c.start < e]
        gold.version[c.id] = laid.lang_of[key]
        gold.labels[c.id] = frozenset(p.label for p in hit)
        gold.pieces[c.id] = hit
        gold.text[c.id] = c.text
    return gold


@dataclass
class Scores:
    """Pairwise link counts; precision, recall and F1 derived from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Scores) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _pair_key(a: str, b: str, version: Mapping[str, str]) -> tuple[str, str]:
    va, vb = version[a], version[b]
    return (va, vb) if LANGS.index(va) <= LANGS.index(vb) else (vb, va)


@dataclass
class PairwiseResult:
    """Scores per language pair, and the wrong and missed links for the error report."""

    by_pair: dict[tuple[str, str], Scores]
    wrong: list[tuple[str, str]]
    missed: list[tuple[str, str]]

    def total(self) -> Scores:
        out = Scores()
        for s in self.by_pair.values():
            out.add(s)
        return out


def pairwise(matches: Iterable[Sequence[str]], gold: Gold) -> PairwiseResult:
    """Link precision/recall: gold links two claims of different versions sharing a label;
    a predicted link is two claims of different versions in one match."""
    by_label: dict[Label, list[str]] = defaultdict(list)
    for cid, labels in gold.labels.items():
        for label in labels:
            by_label[label].append(cid)
    want = {
        tuple(sorted((a, b)))
        for ids in by_label.values()
        for a, b in combinations(ids, 2)
        if gold.version[a] != gold.version[b]
    }
    got = {
        tuple(sorted((a, b)))
        for ids in matches
        for a, b in combinations(ids, 2)
        if gold.version[a] != gold.version[b]
    }
    by_pair: dict[tuple[str, str], Scores] = defaultdict(Scores)
    for link in got & want:
        by_pair[_pair_key(*link, gold.version)].tp += 1
    wrong, missed = sorted(got - want), sorted(want - got)
    for link in wrong:
        by_pair[_pair_key(*link, gold.version)].fp += 1
    for link in missed:
        by_pair[_pair_key(*link, gold.version)].fn += 1
    return PairwiseResult(dict(by_pair), wrong, missed)


def merge_pairwise(results: Iterable[PairwiseResult]) -> dict[tuple[str, str], Scores]:
    """Sum per-pair scores over many stories (each story's versions have distinct languages)."""
    out: dict[tuple[str, str], Scores] = defaultdict(Scores)
    for r in results:
        for pair, s in r.by_pair.items():
            out[pair].add(s)
    return sort_pairs(out)


def sort_pairs(by_pair: Mapping[tuple[str, str], Scores]) -> dict[tuple[str, str], Scores]:
    """Language pairs in the corpus order, for stable reports."""
    return dict(sorted(by_pair.items(), key=lambda kv: (LANGS.index(kv[0][0]),
                                                         LANGS.index(kv[0][1]))))


def pair_table(by_pair: Mapping[tuple[str, str], Scores]) -> str:
    """A Markdown table of P/R/F1 per language pair."""
    rows = ["| pair | P | R | F1 | gold links |", "|---|---|---|---|---|"]
    for (a, b), s in by_pair.items():
        rows.append(
            f"| {ISO1[a]}-{ISO1[b]} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} "
            f"| {s.tp + s.fn} |"
        )
    return "\n".join(rows)


def engine_version() -> str:
    """A short hash of the engine's sources, so each figure names the code that produced it
    (the engine changes between runs while it is being tuned)."""
    src = Path(__file__).resolve().parents[1] / "crossfact"
    digest = hashlib.sha256()
    for f in sorted(src.glob("*.py")):
        digest.update(f.name.encode() + b"\0" + f.read_bytes())
    return digest.hexdigest()[:10]


def log_history(command: str, figures: Mapping[str, float | str],
                path: Path = NOTES / "eval-history.tsv") -> None:
    """Append one row of key figures per run, so a regression shows next to the engine hash
    that caused it."""
    from datetime import UTC, datetime

    row = [f"{datetime.now(UTC):%Y-%m-%d %H:%M}", engine_version(), command,
           *(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in figures.items())]
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as f:
        f.write("\t".join(row) + "\n")


def write_section(name: str, body: str, path: Path = NOTES / "eval-latest.md") -> None:
    """Replace one command's section of a Markdown file in place (or append it), keeping the
    rest: the notes file and the README hold the sections of several commands."""
    begin, end = f"<!-- {name} -->", f"<!-- /{name} -->"
    block = f"{begin}\n{body.strip()}\n{end}"
    old = path.read_text("utf-8") if path.exists() else "# crossfact evaluation: latest figures\n"
    if begin in old and end in old:
        head, rest = old.split(begin, 1)
        new = head + block + rest.split(end, 1)[1]
    else:
        new = f"{old.rstrip()}\n\n{block}\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(new, encoding="utf-8")


def publish(name: str, body: str, notes: Path, readme: bool) -> None:
    """A command's section in the notes' latest figures, and in benchmarks/README.md when
    asked (`--readme`)."""
    write_section(name, body, notes / "eval-latest.md")
    if readme:
        write_section(name, body, Path(__file__).with_name("README.md"))


@dataclass
class Tally:
    """Hits out of tries."""

    hit: int = 0
    tries: int = 0

    def add(self, ok: bool) -> None:
        self.hit += ok
        self.tries += 1

    def __str__(self) -> str:
        pct = 100 * self.hit / self.tries if self.tries else float("nan")
        return f"{pct:.1f}% ({self.hit}/{self.tries})"

    def counted(self) -> str:
        """The count first: "3/4 (75%)"."""
        return f"{self.hit}/{self.tries}" + (f" ({self.hit / self.tries:.0%})" if self.tries
                                             else "")
