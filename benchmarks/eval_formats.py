"""Saved web pages and Word documents against the plain text they hold: does `crossfact
match` say the same on a story's versions received as .html or .docx as on its .txt files?

For each development story of fixtures/news (never fixtures/news-heldout), every version is
wrapped as a news page and as a Word document (benchmarks/format_samples.py: menus, cookie
banner, related links, footer, legacy encodings; headings, right-to-left paragraphs, a page
header and footer) and the story is matched three times: .txt, .html, .docx. Per format:

- claims identical: the share of the .txt run's claims (whitespace collapsed, per version)
  that the format's run has too, and of the format's that the .txt run has;
- matches identical: the share of the .txt run's matches (their claims' texts, per
  version, and their suggestion) that the format's run has, the same;
- leaked: lines of boilerplate (format_samples.BOILERPLATE, DOCUMENT_FURNITURE) found in the
  extracted texts, and lines of the extracted texts that are not lines of the .txt;
- languages: versions whose detected language differs from the .txt run's.

The PDF (fpdf2, lines wrapped to the page, right-to-left text in display order) is
measured on every version but the Bengali one (its font has no Bengali), against the .txt
run of those versions; a PDF crossfact refuses (text out of reading order) is counted and
left out of both runs.

A control, "relaid", is the .txt with its paragraphs laid out as extraction lays them out
(a blank line between, spaces collapsed): the matches it changes are the layout's doing.

    python benchmarks/eval_formats.py            # every development story, ~1 min
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from format_samples import (  # noqa: E402
    BOILERPLATE,
    DOCUMENT_FURNITURE,
    news_page,
    pdf_document,
    word_document,
)

from crossfact.errors import InputError  # noqa: E402
from crossfact.models import MatchResult  # noqa: E402
from crossfact.pipeline import run  # noqa: E402
from crossfact.reading import read_text  # noqa: E402
from crossfact.story_file import read_story_file  # noqa: E402

NEWS = Path(__file__).resolve().parents[1] / "fixtures" / "news"
# "relaid" is the control: the .txt itself, its lines laid out as extraction lays them out
# (paragraphs apart by a blank line, spaces collapsed): what the layout alone changes
FORMATS = ("html", "docx", "relaid", "pdf")
PDF_LANGS = ("en", "fr", "tr", "ar", "he")  # DejaVu Sans, the PDF's font, has no Bengali


def _collapsed(text: str) -> str:
    return " ".join(text.split())


def _claims(result: MatchResult) -> Counter[tuple[str, str]]:
    """(version's file stem, claim text collapsed), counted."""
    stems = {d.id: Path(d.path).stem for d in result.documents}
    return Counter((stems[c.doc], _collapsed(c.text)) for c in result.claims)


def _matches(result: MatchResult) -> set[tuple[frozenset[tuple[str, str]], str]]:
    stems = {d.id: Path(d.path).stem for d in result.documents}
    claims = {c.id: (stems[c.doc], _collapsed(c.text)) for c in result.claims}
    return {(frozenset(claims[c] for c in m.claims), m.suggestion) for m in result.matches}


def _story(folder: Path, fmt: str, into: Path, only: tuple[str, ...] = ()
           ) -> tuple[list[Path], dict[str, str]]:
    """The story's versions (`only` these languages, if given) written as `fmt` into
    `into`, and its story file's languages."""
    story = read_story_file(folder)
    langs = {Path(p).stem: code for p, code in story.langs().items()} if story else {}
    files, given = [], {}
    for txt in sorted(folder.glob("*.txt")):
        if only and txt.stem[:2] not in only:
            continue
        text = txt.read_text(encoding="utf-8")
        target = into / f"{txt.stem}.{fmt}"
        if fmt == "html":
            target.write_bytes(news_page(text, txt.stem[:2]))
        elif fmt == "docx":
            word_document(text, txt.stem[:2], target)
        elif fmt == "pdf":
            pdf_document(text, txt.stem[:2], target)
        elif fmt == "relaid":
            target = target.with_suffix(".txt")
            lines = (_collapsed(line) for line in text.splitlines() if line.strip())
            target.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
        else:
            target.write_text(text, encoding="utf-8")
        files.append(target)
        if txt.stem in langs:
            given[str(target)] = langs[txt.stem]
    return files, given


def measure(folder: Path) -> dict[str, dict[str, float]]:
    """Per format, the figures of the module docstring for one story."""
    out: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        results = {}
        into = Path(tmp) / "tried"
        into.mkdir()
        pdfs = _story(folder, "pdf", into, PDF_LANGS)[0]
        readable = tuple(path.stem[:2] for path in pdfs if not _refused(path))
        formats = FORMATS if len(readable) >= 2 else tuple(f for f in FORMATS if f != "pdf")
        for fmt, only in [("txt", ()), *((f, ()) for f in formats), ("pdf-txt", readable)]:
            if fmt == "pdf-txt" and "pdf" not in formats:
                continue
            into = Path(tmp) / fmt
            into.mkdir()
            files, langs = _story(folder, "txt" if fmt == "pdf-txt" else fmt, into,
                                  readable if fmt == "pdf" else only)
            results[fmt] = run(files, langs=langs)
        for fmt in formats:
            plain = results["pdf-txt" if fmt == "pdf" else "txt"]
            lines = {_collapsed(line) for d in plain.documents for line in d.text.splitlines()}
            got = results[fmt]
            a, b = _claims(plain), _claims(got)
            same = sum((a & b).values())
            extracted = [_collapsed(line) for d in got.documents
                         for line in d.text.splitlines() if line.strip()]
            furniture = set(BOILERPLATE) | set(DOCUMENT_FURNITURE)
            out[fmt] = {
                "claims": sum(a.values()),
                "claims identical (of .txt)": same / max(1, sum(a.values())),
                "claims identical (of format)": same / max(1, sum(b.values())),
                "matches": len(_matches(plain)),
                "matches identical": len(_matches(plain) & _matches(got))
                / max(1, len(_matches(plain))),
                "boilerplate lines": sum(line in furniture for line in extracted),
                "lines not in .txt": sum(line not in lines for line in extracted),
                "language differs": sum(
                    x.lang != y.lang for x, y in zip(plain.documents, got.documents, strict=True)),
                **({"refused": len(pdfs) - len(readable), "tried": len(pdfs)}
                   if fmt == "pdf" else {}),
            }
    return out


def _refused(path: Path) -> bool:
    try:
        read_text(path)
    except InputError:
        return True
    return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stories", nargs="*", help="story folders (default: fixtures/news/*)")
    args = parser.parse_args()
    folders = [Path(s) for s in args.stories] or sorted(p for p in NEWS.iterdir() if p.is_dir())
    totals: dict[str, Counter[str]] = {fmt: Counter() for fmt in FORMATS}
    print("| story | format | claims | identical (of .txt / of format) | matches | identical "
          "| boilerplate lines | lines not in .txt | language differs |")
    print("|---|---|---|---|---|---|---|---|---|")
    for folder in folders:
        for fmt, f in measure(folder).items():
            print(f"| {folder.name} | {fmt} | {f['claims']:.0f} | "
                  f"{f['claims identical (of .txt)']:.3f} / {f['claims identical (of format)']:.3f}"
                  f" | {f['matches']:.0f} | {f['matches identical']:.3f} | "
                  f"{f['boilerplate lines']:.0f} | "
                  f"{f['lines not in .txt']:.0f} | "
                  f"{f['language differs']:.0f} |", flush=True)
            totals[fmt].update({"stories": 1, "identical stories": f["matches identical"] == 1,
                                **{k: v for k, v in f.items() if "identical" not in k}})
    for fmt, t in totals.items():
        print(f"\n{fmt}: {t['stories']} stories, matches identical in {t['identical stories']}; "
              f"boilerplate lines {t['boilerplate lines']:.0f}, lines not in .txt "
              f"{t['lines not in .txt']:.0f}, language differs {t['language differs']:.0f}"
              + (f"; PDFs refused: {t['refused']:.0f} of {t['tried']:.0f}"
                 if fmt == "pdf" else ""))


if __name__ == "__main__":
    main()
