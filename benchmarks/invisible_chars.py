"""Characters no reader sees must not change what crossfact reads: the development stories
(the seed story, `fixtures/news/`) matched as stored and again with the invisible characters
real text carries put in, as they occur there, and the two outputs compared.

Each kind is put into every version it occurs in, seeded (the same command makes the same text):

- `soft hyphens` (U+00AD): what a CMS's hyphenation leaves in every long word (six letters and
  up) of a Latin-script version (en, fr, tr), at each syllable break by the vowel-consonant-
  vowel rule (Turkish's own hyphenation rule; close to a hyphenation engine's breaks in
  English and French), two letters at least kept on each side: "Ze\u00adlen\u00adsky";
- `bidi marks`: Arabic pages' LRM on both sides of each figure ("\u200e12\u200e ألف"),
  Hebrew's RLM after it, and an isolate (LRI ... PDI) around each run of Latin words in
  either ("\u2066Tom's Hardware\u2069");
- `zero-width spaces` (U+200B): after each digit group's separator of every version, a break
  opportunity that pages put into long figures ("12,\u200b000");
- `tatweel` (U+0640): one kashida in 5% of the Arabic words of three letters and up, after a
  letter that joins the next ("مـليار"), as headlines and stylised copy stretch words;
- `joiners`: Bengali's ZWJ in every র্য (the ra-phala spelling "র\u200d্যাব" of many sources);
- `BOMs` (U+FEFF): at the start of each paragraph after the first, as pasted pieces bring;
- `all`: every kind at once.

For each story and kind, the matches of the stored text are looked for in the output with the
characters: the same claims in one match (claims named by version and place, after checking
that each version was cut into the same claims, the characters aside), the same suggestion,
the same reasons (the characters taken out of both) and the same score. The engine at a git
revision (`--against`, default `main`) is measured in the same run as the baseline, each in a
process of its own (the revision from `git archive`, nothing checked out).

    python benchmarks/invisible_chars.py [--against REV] [--readme] [--show N]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Any

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import NOTES, log_history, publish  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "seed-story"
NEWS = ROOT / "fixtures" / "news"  # development only: never fixtures/news-heldout

INVISIBLE = regex.compile(r"[\p{Cf}\u0640]")  # what the comparison takes out of reasons
LATIN_LANGS = ("en", "fr", "tr")
_VOWELS = "aeiouyàâäéèêëîïôöûüùıœæAEIOUYÀÂÄÉÈÊËÎÏÔÖÛÜÙİ"
_LONG_WORD = regex.compile(r"\p{Latin}{6,}")
# a break before a consonant that a vowel follows and a vowel precedes (V-CV), two letters kept
_SYLLABLE = regex.compile(rf"(?<=[{_VOWELS}])(?=[^{_VOWELS}\W\d_][{_VOWELS}])")
_FIGURE = regex.compile(r"(?<![\p{L}\p{N}])\d+(?:[.,\u066b\u066c\u00a0\u202f ]\d+)*")
_GROUP = regex.compile(r"(?<=\d[.,\u066c\u00a0\u202f ])(?=\d{3})")
# a run of Latin words (a name, a title, a link: "Tom's Hardware", "pic.twitter.com/Ugv"),
# as a page isolates it whole, ending on a letter or digit (a full stop after it stays out)
_LATIN_WORD = r"\p{Latin}(?:[\p{Latin}\p{N}'’._/@:-]*[\p{Latin}\p{N}])?"
_LATIN_RUN = regex.compile(rf"{_LATIN_WORD}(?:[ ]+{_LATIN_WORD})*")
_ARABIC_WORD = regex.compile(r"\p{Arabic}{3,}")
# Arabic letters that join the next (dual-joining): a tatweel may follow them
_JOINS_NEXT = "بتثجحخسشصضطظعغفقكلمنهيئ"
TATWEEL_SHARE = 0.05
LRM, RLM, LRI, PDI, ZWSP, ZWJ, BOM, SHY, TATWEEL = ("\u200e", "\u200f", "\u2066", "\u2069",
                                                   "\u200b", "\u200d", "\ufeff", "\u00ad",
                                                   "\u0640")


def soft_hyphens(text: str, lang: str, rng: random.Random) -> str:
    if lang not in LATIN_LANGS:
        return text

    def hyphenate(m: regex.Match[str]) -> str:
        word = m.group()
        breaks = [b for b in (s.start() for s in _SYLLABLE.finditer(word))
                  if 2 <= b <= len(word) - 2]
        for b in reversed(breaks):
            word = word[:b] + SHY + word[b:]
        return word

    return _LONG_WORD.sub(hyphenate, text)


def bidi_marks(text: str, lang: str, rng: random.Random) -> str:
    if lang not in ("ar", "he"):
        return text
    around = (lambda f: LRM + f + LRM) if lang == "ar" else (lambda f: f + RLM)
    runs = [m.span() for m in _LATIN_RUN.finditer(text)]
    out, at = [], 0
    for start, end in runs:  # the figures between the Latin runs, then the run isolated
        out += [_FIGURE.sub(lambda m: around(m.group()), text[at:start]),
                LRI, text[start:end], PDI]
        at = end
    return "".join(out) + _FIGURE.sub(lambda m: around(m.group()), text[at:])


def zero_width_spaces(text: str, lang: str, rng: random.Random) -> str:
    return _GROUP.sub(ZWSP, text)


def tatweel(text: str, lang: str, rng: random.Random) -> str:
    if lang != "ar":
        return text

    def stretch(m: regex.Match[str]) -> str:
        word = m.group()
        places = [i + 1 for i in range(len(word) - 1) if word[i] in _JOINS_NEXT]
        if not places or rng.random() >= TATWEEL_SHARE:
            return word
        at = rng.choice(places)
        return word[:at] + TATWEEL + word[at:]

    return _ARABIC_WORD.sub(stretch, text)


def joiners(text: str, lang: str, rng: random.Random) -> str:
    return text.replace("র্য", "র" + ZWJ + "্য") if lang == "bn" else text


def boms(text: str, lang: str, rng: random.Random) -> str:
    lines = text.split("\n")
    return "\n".join([lines[0], *(BOM + line if line.strip() else line for line in lines[1:])])


Inject = Callable[[str, str, random.Random], str]
KINDS: dict[str, tuple[Inject, ...]] = {
    "soft hyphens": (soft_hyphens,), "bidi marks": (bidi_marks,),
    "zero-width spaces": (zero_width_spaces,), "tatweel": (tatweel,), "joiners": (joiners,),
    "BOMs": (boms,),
}
KINDS["all"] = tuple(f for fs in list(KINDS.values()) for f in fs)


def stories() -> list[tuple[str, Path, list[Path]]]:
    """(name, folder, version files) of every development story."""
    out = [("seed-story", SEED, sorted(SEED.glob("*.txt")))]
    out += [(d.name, d, sorted(d.glob("*.txt"))) for d in sorted(NEWS.iterdir())
            if d.is_dir() and list(d.glob("*.txt"))]
    return out


Spec = dict[str, dict[str, dict[str, Any]]]  # story -> kind ("" as stored) -> what for it


def lay_out(tmp: Path) -> Spec:
    """Every story as stored and with each kind put in, written under `tmp`: story -> kind
    ("" as stored) -> the `run` arguments (paths, langs by path) and the added characters."""
    langs_of_seed = _seed_langs()
    spec: Spec = {}
    for name, folder, files in stories():
        spec[name] = {}
        for kind, injects in {"": (), **KINDS}.items():
            out = tmp / name / (kind.replace(" ", "-") or "stored")
            out.mkdir(parents=True)
            paths, langs, added = [], {}, 0
            for f in files:
                lang = langs_of_seed[f.name] if folder == SEED else f.stem
                text = stored = f.read_text("utf-8")
                for inject in injects:
                    text = inject(text, lang, random.Random(f"{name}/{f.name}/{inject.__name__}"))
                added += len(INVISIBLE.findall(text)) - len(INVISIBLE.findall(stored))
                (out / f.name).write_text(text, "utf-8")
                paths.append(str(out / f.name))
                langs[str(out / f.name)] = lang
            spec[name][kind] = {"paths": paths, "langs": langs, "added": added}
    return spec


def _seed_langs() -> dict[str, str]:
    """The seed story's version files -> their languages (in its story.toml's order)."""
    import tomllib

    meta = tomllib.loads((SEED / "story.toml").read_text("utf-8"))
    return dict(zip(sorted(meta["versions"]), meta["languages"], strict=True))


# what each engine's process runs: every laid-out story matched, as JSON (claims by version
# file and index; matches by their claims, suggestion, reasons, score). The ids of documents and
# claims are hashes of their text and offsets, and the engine breaks some ties by them: an
# extra blank line at a file's end (the ids changed, nothing read) changed 25 of the 486
# matches. So that only reading counts here, the ids are made of the text without the added
# characters, and of offsets into it, in both engines alike, and the matcher breaks its ties
# by these ids (not by its `tie_keys`, which are made of the text with the characters).
_MATCH = """
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import regex
import crossfact
assert crossfact.__file__.startswith(sys.argv[1]), crossfact.__file__
from crossfact import ids, reading, segment
from crossfact.pipeline import run
clean = regex.compile(r"[\\p{Cf}\\u0640]").sub
texts = {}

def doc_id(text, prefix):
    made = ids.stable_id(clean("", text), prefix=prefix)
    texts[made] = text
    return made

def claim_id(doc, start, end, sentence, prefix):
    text = texts[doc]
    return ids.stable_id(doc, str(len(clean("", text[:int(start)]))),
                         str(len(clean("", text[:int(end)]))), clean("", sentence), prefix=prefix)

reading.stable_id, segment.stable_id = doc_id, claim_id
from crossfact import matching
if hasattr(matching, "tie_keys"):  # ties by these ids, as in an engine without tie_keys
    matching.tie_keys = lambda docs, claims: {x.id: x.id for x in [*docs, *claims]}
spec = json.loads(Path(sys.argv[2]).read_text())
out = {}
for story, kinds in spec.items():
    for kind, args in kinds.items():
        result = run(args["paths"], langs=args["langs"])
        name = {d.id: Path(d.path).name for d in result.documents}
        key = {c.id: f"{name[c.doc]}#{c.index}" for c in result.claims}
        out.setdefault(story, {})[kind] = {
            "claims": {key[c.id]: c.text for c in result.claims},
            "matches": [[sorted(key[c] for c in m.claims), m.suggestion, m.reasons,
                         round(m.score, 4)] for m in result.matches]}
print(json.dumps(out))
"""


def matched(tree: Path, spec_file: Path, script: str = _MATCH) -> Spec:
    """Every laid-out story matched by the engine of the source tree `tree` (by `script`, in
    a process of its own): story -> kind -> its claims (version file#index -> text) and
    matches (claims, suggestion, reasons, score)."""
    out = subprocess.run([sys.executable, "-c", script, str(tree), str(spec_file)],
                         check=True, capture_output=True, text=True)
    result: Spec = json.loads(out.stdout)
    return result


def engine_arguments(doc: str, show: str) -> argparse.Namespace:
    """The options of a benchmark that sets this engine beside the one at a git revision."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--against", metavar="REV", default="main",
                        help="the baseline engine's git revision (default: main)")
    parser.add_argument("--readme", action="store_true", help="also write benchmarks/README.md")
    parser.add_argument("--show", type=int, default=0, help=show)
    parser.add_argument("--notes", type=Path, default=NOTES)
    return parser.parse_args()


def both_engines(lay: Callable[[Path], Spec], against: str, script: str = _MATCH,
                 ) -> tuple[Spec, dict[str, Spec]]:
    """The stories `lay` writes, and what the engine at git revision `against` (the
    baseline) and this one make of them, each in a process of its own."""
    with tempfile.TemporaryDirectory(prefix="crossfact-engines-") as tmp_name:
        tmp = Path(tmp_name)
        spec = lay(tmp / "stories")
        spec_file = tmp / "spec.json"
        spec_file.write_text(json.dumps(spec))
        return spec, {f"{against} (baseline)": matched(revision_tree(against, tmp / "old"),
                                                       spec_file, script),
                      THIS: matched(ROOT, spec_file, script)}


def revision_tree(rev: str, out: Path) -> Path:
    """The repository's tree at git revision `rev`, written to `out` (from `git archive`,
    nothing checked out)."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev],
                             check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(out, filter="tar")
    return out


THIS = "this engine"


def _clean(text: str) -> str:
    return INVISIBLE.sub("", text)


@dataclass
class Tally:
    """How many of the stored text's matches came out the same with the characters."""

    matches: int = 0
    same_claims: int = 0
    same_suggestion: int = 0
    same_reasons: int = 0
    same_score: int = 0
    cut_otherwise: int = 0  # versions cut into other claims (then their matches count as lost)
    examples: list[str] = field(default_factory=list)

    def add(self, stored: dict[str, Any], shown: dict[str, Any], story: str) -> None:
        """Count the matches of one story as stored (`stored`) and with the characters."""
        if {k: _clean(v) for k, v in stored["claims"].items()} != {
                k: _clean(v) for k, v in shown["claims"].items()}:
            self.cut_otherwise += 1
        found = {tuple(m[0]): m for m in shown["matches"]}
        for claims, suggestion, reasons, score in stored["matches"]:
            self.matches += 1
            other = found.get(tuple(claims))
            if other is None:
                continue
            self.same_claims += 1
            self.same_suggestion += other[1] == suggestion
            same = [_clean(r) for r in other[2]] == [_clean(r) for r in reasons]
            self.same_reasons += same
            self.same_score += other[3] == score
            if not same and len(self.examples) < 40:
                self.examples.append(f"{story}: {'; '.join(reasons)}  ->  "
                                     f"{'; '.join(_clean(r) for r in other[2])}")

    def row(self) -> list[str]:
        def share(n: int) -> str:
            return f"{n / self.matches:.3f} ({n}/{self.matches})" if self.matches else "-"
        return [share(self.same_claims), share(self.same_suggestion), share(self.same_reasons),
                share(self.same_score), str(self.cut_otherwise)]


def main() -> None:
    args = engine_arguments(__doc__, "print N matches per engine whose reasons changed")
    spec, engines = both_engines(lay_out, args.against)
    added = {kind: sum(spec[story][kind]["added"] for story in spec) for kind in KINDS}
    rows = ["| kind (characters added) | engine | same claims in a match | same suggestion "
            "| same reasons | same score | stories cut otherwise |",
            "|---|---|---|---|---|---|---|"]
    figures: dict[str, float | str] = {}
    for kind in KINDS:
        for engine, result in engines.items():
            tally = Tally()
            for story in spec:
                tally.add(result[story][""], result[story][kind], story)
            rows.append(f"| {kind} ({added[kind]:,}) | {engine} | {' | '.join(tally.row())} |")
            if engine == THIS:
                figures[kind.replace(" ", "_")] = tally.same_reasons / max(1, tally.matches)
            for example in tally.examples[:args.show]:
                print(f"{kind}, {engine}: {example}")
    baseline, this = engines.values()
    stored_same = all(baseline[story][""] == this[story][""] for story in spec)
    body = "\n".join([
        "## invisible_chars", "",
        f"`python benchmarks/invisible_chars.py --against {args.against}` (the seed story and "
        f"the {len(spec) - 1} stories of fixtures/news/, development; "
        f"{sum(len(this[story]['']['matches']) for story in spec)} matches of the stored text; "
        "a match counts as the same when the output with the characters has a match of the "
        "same claims, and that with the same suggestion, reasons, score)", "",
        *rows, "",
        "Stories cut otherwise: those with a version the segmenter (crossfact/segment.py) cut "
        "into other claims with the characters than without; their matches then count as "
        "lost here.", "",
        "Both engines give the same output on the stored text: "
        + ("yes." if stored_same else "NO (the baseline's matches differ from this engine's)."),
    ])
    report("invisible_chars", body, args, figures)


def report(name: str, body: str, args: argparse.Namespace,
           figures: dict[str, float | str]) -> None:
    """A benchmark's table printed, in the notes (and the README with --readme), and its key
    figures in the history."""
    print(body)
    publish(name, body, args.notes, args.readme)
    log_history(f"{name} --against {args.against}", figures, args.notes / "eval-history.tsv")


if __name__ == "__main__":
    main()
