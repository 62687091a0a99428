"""The same story re-saved must give the same matches: each development story (the seed story,
`fixtures/news/`) matched as stored and again after a change that touches no claim's content,
and the two outputs compared by content.

Document ids are hashes of the text and claim ids hashes of the document id and offsets: the
first two below change every id while the claims stay the same, and an engine that breaks a
tie by an id then matches differently; the last two change the order of the versions:

- `trailing blank line`: one more "\\n" at the end of every file (an editor's save);
- `CRLF line ends`: every "\\n" written "\\r\\n" (a file saved on Windows);
- `BOM`: a UTF-8 byte order mark at the start of every file (Notepad's UTF-8; reading drops
  it before the id is made);
- `files renamed`: every version renamed so that the names sort the other way round
  (`ar.txt` -> `v6-ar.txt`, ..., `tr.txt` -> `v1-tr.txt`) and given as a folder gives them,
  sorted by name: the same languages, another name and place for every file;
- `reverse order`: the files given in the opposite order on the command line.

A match is compared as its claims (each the version's language and stored file stem, and the
claim's text with line ends and BOMs taken out), its suggested members and outlier versions
named the same way, its suggestion, reasons and score; a match of the stored story counts as
unchanged when the perturbed output has one equal to it in all of these. The engine at a git
revision (`--against`, default `main`) is measured in the same run as the baseline, each in
a process of its own (the revision from `git archive`, nothing checked out).

    python benchmarks/resaved.py [--against REV] [--readme] [--show N]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from invisible_chars import (  # noqa: E402
    SEED,
    THIS,
    _seed_langs,
    both_engines,
    engine_arguments,
    report,
    stories,
)

Rewrite = Callable[[str], str]
# perturbation -> (how each file's text is rewritten, whether the files are renamed, whether
# they are given in reverse order)
PERTURBATIONS: dict[str, tuple[Rewrite, bool, bool]] = {
    "trailing blank line": (lambda text: text + "\n", False, False),
    "CRLF line ends": (lambda text: text.replace("\r\n", "\n").replace("\n", "\r\n"),
                       False, False),
    "BOM": (lambda text: "\ufeff" + text, False, False),
    "files renamed": (lambda text: text, True, False),
    "reverse order": (lambda text: text, False, True),
}

Spec = dict[str, dict[str, dict[str, Any]]]  # story -> perturbation ("" as stored) -> run args


def lay_out(tmp: Path) -> Spec:
    """Every story as stored and perturbed, written under `tmp`: story -> perturbation ("":
    as stored) -> the `run` arguments (paths in the order given, langs by path) and each
    path's label (language/stored file stem)."""
    langs_of_seed = _seed_langs()
    spec: Spec = {}
    for name, folder, files in stories():
        spec[name] = {}
        for kind, (rewrite, rename, reverse) in {"": (str, False, False),
                                                 **PERTURBATIONS}.items():
            out = tmp / name / (kind.replace(" ", "-") or "stored")
            out.mkdir(parents=True)
            paths, langs, labels = [], {}, {}
            for n, f in enumerate(files):
                lang = langs_of_seed[f.name] if folder == SEED else f.stem
                # renamed: the last file sorts first ("v0-..."), the first last
                written = out / (f"v{len(files) - n}-{f.name}" if rename else f.name)
                written.write_bytes(rewrite(f.read_text("utf-8")).encode("utf-8"))
                paths.append(str(written))
                langs[str(written)] = lang
                labels[str(written)] = f"{lang}/{f.stem}"
            # renamed files are given as a folder gives them, sorted by their new names
            spec[name][kind] = {"paths": sorted(paths) if rename else paths[::-1] if reverse
                                else paths, "langs": langs,
                                "labels": labels}
    return spec


# what each engine's process runs: every laid-out story matched, each match as JSON named by
# content only (version label, claim text without line ends or BOMs), never by an id
_MATCH = """
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import crossfact
assert crossfact.__file__.startswith(sys.argv[1]), crossfact.__file__
from crossfact.pipeline import run
spec = json.loads(Path(sys.argv[2]).read_text())
out = {}
for story, kinds in spec.items():
    for kind, args in kinds.items():
        result = run(args["paths"], langs=args["langs"])
        label = {d.id: args["labels"][d.path] for d in result.documents}
        text = {c.id: c.text.replace("\\r", "").replace("\\ufeff", "") for c in result.claims}
        named = {c.id: [label[c.doc], text[c.id]] for c in result.claims}
        out.setdefault(story, {})[kind] = [
            [sorted(named[c] for c in m.claims), sorted(named[c] for c in m.suggested),
             sorted(label[d] for d in m.outliers), m.suggestion, m.reasons, round(m.score, 4)]
            for m in result.matches]
print(json.dumps(out))
"""


def unchanged(stored: list[Any], perturbed: list[Any]) -> tuple[int, list[str]]:
    """How many of the stored story's matches the perturbed output has, equal in everything
    compared (as a multiset), and the first claims of those it has not."""
    left = Counter(json.dumps(m) for m in perturbed)
    same, lost = 0, []
    for m in stored:
        key = json.dumps(m)
        if left[key]:
            left[key] -= 1
            same += 1
        else:
            lost.append(" | ".join(f"{v}: {t[:40]}" for v, t in m[0][:2]))
    return same, lost


def main() -> None:
    args = engine_arguments(__doc__, "print N changed matches per perturbation and engine")
    spec, engines = both_engines(lay_out, args.against, _MATCH)
    total = sum(len(engines[THIS][story][""]) for story in spec)
    rows = ["| perturbation | engine | matches unchanged | stories with a change |",
            "|---|---|---|---|"]
    figures: dict[str, float | str] = {}
    for kind in PERTURBATIONS:
        for engine, result in engines.items():
            same = changed = 0
            for story in spec:
                n, lost = unchanged(result[story][""], result[story][kind])
                same += n
                changed += bool(lost)
                for example in lost[:args.show]:
                    print(f"{kind}, {engine}, {story}: {example}")
            matches = sum(len(result[story][""]) for story in spec)
            rows.append(f"| {kind} | {engine} | {same / matches:.3f} ({same}/{matches}) "
                        f"| {changed} of {len(spec)} |")
            if engine == THIS:
                figures[kind.replace(" ", "_")] = same / matches
    baseline, this = engines.values()
    stored_same = all(baseline[story][""] == this[story][""] for story in spec)
    body = "\n".join([
        "## resaved", "",
        f"`python benchmarks/resaved.py --against {args.against}` (the seed story and the "
        f"{len(spec) - 1} stories of fixtures/news/, development; {total} matches of the stored "
        "text by this engine; a match is unchanged when the perturbed output has one of the same "
        "claims, suggested members and outliers, named by language, file and text, with the "
        "same suggestion, reasons and score)", "",
        *rows, "",
        "Both engines give the same output on the stored text: "
        + ("yes." if stored_same else "no (the tie order differs, see the git log)."),
    ])
    report("resaved", body, args, figures)


if __name__ == "__main__":
    main()
