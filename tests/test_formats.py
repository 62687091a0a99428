"""Saved web pages, Word documents and PDFs as versions (crossfact/formats.py through
reading.read_text), and every other binary refused in one line.

The pages, documents and Latin PDFs are made at run time from a real story (fixtures/news)
by benchmarks/format_samples.py, which eval_formats.py measures on every development story;
the Arabic PDFs, which need a font file, by fixtures/formats/make.py.
"""

from __future__ import annotations

import io
import json
import re
import sys
import tracemalloc
import zipfile
from pathlib import Path

import docx
import pytest
from hostile import crossfact

from crossfact import formats
from crossfact.errors import InputError
from crossfact.pipeline import read_story, run
from crossfact.reading import (
    collect_paths,
    guessed_encoding,
    read_document,
    read_text,
)

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from format_samples import (  # noqa: E402
    BOILERPLATE,
    DOCUMENT_FURNITURE,
    news_page,
    pdf_document,
    word_document,
)

STORY = REPO / "fixtures" / "news" / "derna-flood-2023"
PDFS = REPO / "fixtures" / "formats"
ENGLISH = (STORY / "en.txt").read_text(encoding="utf-8")
ARABIC = (STORY / "ar.txt").read_text(encoding="utf-8")
HEBREW = (STORY / "he.txt").read_text(encoding="utf-8")


def lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def page(body: str, head: str = '<meta charset="utf-8">') -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body><article>{body}</article></body></html>"


LONG = "The council said on Monday that 40 houses were damaged by the storm in the town."


# --- web pages ---------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [("en", ENGLISH), ("ar", ARABIC), ("he", HEBREW)])
def test_a_news_page_gives_its_article_and_none_of_the_site(tmp_path: Path, lang: str,
                                                            text: str) -> None:
    """Menus, cookie banner, share bar, "read also", newsletter, related links and footer
    stay out; the headline comes first and each paragraph is a line of its own, whatever
    the page's encoding (Arabic declared Windows-1256, Hebrew undeclared Windows-1255)."""
    got, _ = read_text(write(tmp_path, f"{lang}.html", news_page(text, lang)))
    assert lines(got) == lines(text)
    assert not set(lines(got)) & set(BOILERPLATE)


def test_a_declared_charset_is_read_not_guessed(tmp_path: Path) -> None:
    text, encoding = read_text(write(tmp_path, "ar.html", news_page(ARABIC, "ar")))
    assert encoding == "html; declared cp1256" and guessed_encoding(encoding) is None
    assert "درنة" in text


def test_an_undeclared_legacy_page_is_said_to_be_guessed(tmp_path: Path) -> None:
    _, encoding = read_text(write(tmp_path, "he.html", news_page(HEBREW, "he")))
    assert guessed_encoding(encoding) == "Windows-1255"


def test_a_wrong_declaration_yields_to_the_bytes(tmp_path: Path) -> None:
    """A page that says UTF-8 and was saved in Windows-1256 is read by detection."""
    data = page(f"<h1>عنوان الخبر</h1><p>{ARABIC.splitlines()[0]}</p>").encode("cp1256")
    text, encoding = read_text(write(tmp_path, "ar.html", data))
    assert "العاصفة دانيال" in text and encoding == "html; cp1256"


def test_a_byte_order_mark_beats_the_declared_charset(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + page(f"<p>{ARABIC.splitlines()[0]}</p>",
                                  '<meta charset="windows-1256">').encode("utf-8")
    text, encoding = read_text(write(tmp_path, "ar.html", data))
    assert "العاصفة دانيال" in text and encoding == "html; utf-8-sig"


def test_latin1_is_read_as_browsers_read_it(tmp_path: Path) -> None:
    """A page that says ISO-8859-1 is Windows-1252 to every browser (WHATWG): its 0x92 is ’."""
    data = page(f"<p>{LONG} It\x92s over.</p>", '<meta charset="iso-8859-1">')
    text, _ = read_text(write(tmp_path, "fr.html", data.encode("latin-1")))
    assert "It’s over." in text


def test_entities_are_decoded_and_markup_in_the_text_is_data(tmp_path: Path) -> None:
    body = (f"<h1>Storm &amp; flood</h1><p>{LONG} &lt;script&gt;alert(1)&lt;/script&gt; "
            "caf&eacute; &#x41;&#66; \x1b[31mred\x1b[0m <b>bold</b> <a href='/x'>link</a>.</p>")
    text, _ = read_text(write(tmp_path, "a.html", page(body)))
    assert text.startswith("Storm & flood\n\n")
    assert "<script>alert(1)</script> café AB" in text and "bold link." in text
    assert "\x1b" not in text and "<b>" not in text and "href" not in text


@pytest.mark.parametrize("name", ["article", "a.php", "a.HTM"])
def test_a_page_not_named_as_a_text_is_read_as_a_page(tmp_path: Path, name: str) -> None:
    """A browser's "Save as" without .html: the markup never becomes claims."""
    text, encoding = read_text(write(tmp_path, name, "\n  " + page(f"<p>{LONG}</p>")))
    assert text == LONG + "\n" and encoding.startswith("html")


@pytest.mark.parametrize(("name", "start"), [
    ("a.txt", "<!DOCTYPE html> headers were missing from the ministry site, which said:"),
    ("a.md", "<html>\n<p>Quake report</p>"),
    ("a.TXT", "From: desk@example.org\nContent-Type: multipart/related; boundary=x")])
def test_a_text_file_is_text_whatever_it_begins_with(tmp_path: Path, name: str,
                                                      start: str) -> None:
    """A .txt or .md is what a person wrote or pasted: a page's source quoted in it is
    text (it was refused as a page with no article, or cut down to its title)."""
    written = start + "\n\n" + LONG + "\n"
    assert read_text(write(tmp_path, name, written)) == (written, "utf-8")


@pytest.mark.parametrize("extra", ["", " If x<y and a<b, <script> is text."])
def test_a_file_named_html_without_markup_is_text(tmp_path: Path, extra: str) -> None:
    """As `replay --rematch` writes a page's extracted text back under the page's name."""
    text, encoding = read_text(write(tmp_path, "a.html", LONG + extra + "\n"))
    assert text == LONG + extra + "\n" and encoding == "utf-8"


def test_a_fragment_named_html_is_a_page(tmp_path: Path) -> None:
    text, _ = read_text(write(tmp_path, "a.html", f"<div><h1>Storm</h1><p>{LONG}</p></div>"))
    assert text == f"Storm\n\n{LONG}\n"


def test_line_breaks_one_keeps_a_line_two_make_a_paragraph(tmp_path: Path) -> None:
    body = f"<p>{LONG}<br>A second line.<br><br>&nbsp;<br/>{LONG.upper()}</p>"
    text, _ = read_text(write(tmp_path, "a.html", page(body)))
    assert text == f"{LONG}\nA second line.\n\n{LONG.upper()}\n"


def test_the_title_leads_when_the_article_has_no_headline(tmp_path: Path) -> None:
    data = page(f"<p>{LONG}</p><p>{LONG.replace('40', '41')}</p>",
                '<meta charset="utf-8"><title>Storm damages 40 houses</title>')
    text, _ = read_text(write(tmp_path, "a.html", data))
    assert text.split("\n\n")[0] == "Storm damages 40 houses"


def test_a_table_row_is_one_line(tmp_path: Path) -> None:
    body = (f"<p>{LONG}</p><table><tr><td>Dead</td><td>11,300</td></tr>"
            "<tr><td>Missing</td><td>10,100</td></tr></table>")
    text, _ = read_text(write(tmp_path, "a.html", page(body)))
    assert "Dead | 11,300\n\nMissing | 10,100" in text


QUAKE = ["The toll rose to 296 on Saturday, the ministry said.",
         "Rescuers reached Amizmiz on Sunday morning.", "Aftershocks of magnitude 4.9 followed."]


@pytest.mark.parametrize(("body", "want"), [
    # a lead straight after the headline, paragraphs made with <br><br>
    ("<h1>Quake</h1>" + "<br><br>".join(QUAKE), ["Quake", *QUAKE]),
    ("<div class=entry><h1>Quake</h1>" + "<br><br>\n".join(QUAKE) + "</div>", ["Quake", *QUAKE]),
    # text after a subheading, between paragraphs
    (f"<article><p>{QUAKE[0]}</p><h2>Aftershocks</h2>{QUAKE[1]}<p>{QUAKE[2]}</p></article>",
     [QUAKE[0], "Aftershocks", *QUAKE[1:]]),
    # text straight in <body> (trafilatura gives it in a <span>)
    ("\n\n".join(QUAKE), QUAKE),
])
def test_every_paragraph_of_the_page_comes_out(tmp_path: Path, body: str, want: list[str]
                                               ) -> None:
    """Text after a heading, or bare in a container, was dropped without a word, and the
    paragraph mark of a <br> chain came out as a paragraph of its own."""
    data = f"<html><head><title>Quake</title></head><body>{body}</body></html>"
    text, _ = read_text(write(tmp_path, "a.html", data))
    assert formats.PARAGRAPH_MARK not in text
    assert text.split("\n\n")[-len(want):] == [*want[:-1], want[-1] + "\n"]
    assert text.startswith("Quake\n\n") and text.count("Quake") == 1


def test_the_blocks_of_a_table_cell_stay_apart(tmp_path: Path) -> None:
    body = (f"<p>{LONG}</p><table><tr><td>1,293<br>confirmed</td>"
            "<td><p>Al Haouz</p><p>(Marrakesh-Safi)</p></td></tr></table>")
    text, _ = read_text(write(tmp_path, "a.html", page(body)))
    assert "1,293 confirmed | Al Haouz (Marrakesh-Safi)\n" in text


@pytest.mark.parametrize("control", ["&#11;", "&#1;", "&#x1F;", "&#xFFFE;", "&#0;", "\x0b",
                                     "&#xD800;"])
def test_a_control_character_in_a_page_does_not_lose_the_article(tmp_path: Path,
                                                                  control: str) -> None:
    """lxml fails on the whole page for one character XML cannot hold: it is a space."""
    body = f"<h1>Quake</h1><p>{LONG}</p><p>Line one{control}line two.</p>"
    text, _ = read_text(write(tmp_path, "a.html", page(body)))
    assert text == f"Quake\n\n{LONG}\n\nLine one line two.\n"


def test_valid_character_references_are_kept(tmp_path: Path) -> None:
    body = f"<p>{LONG} caf&#233; &#x1F600; a&#9;b</p>"
    text, _ = read_text(write(tmp_path, "a.html", page(body)))
    assert "café 😀 a b" in text


def test_the_headline_is_not_doubled_after_a_kicker(tmp_path: Path) -> None:
    data = page(f"<p class=kicker>Africa</p><h1>Quake kills 296</h1><p>{LONG}</p>",
                "<title>Quake kills 296</title>")
    text, _ = read_text(write(tmp_path, "a.html", data))
    assert text == f"Africa\n\nQuake kills 296\n\n{LONG}\n"


OG_TITLE = ('<meta charset="utf-8"><title>Storm | Daily News</title>'
            '<meta property="og:title" '
            'content="Storm damages 40 houses in the town, council says">')


@pytest.mark.parametrize("body", [
    f"<article><h1>Storm hits the town</h1><p>{LONG}</p></article>",
    f"<article><p class=kicker>Africa</p><h1>Storm hits the town</h1><p>{LONG}</p></article>",
    # the <h1> above the article, which trafilatura leaves out
    f"<header><h1>Storm hits the town</h1></header><main><article><p>{LONG}</p><p>{LONG}</p>"
    "</article></main>",
])
def test_a_title_worded_otherwise_than_the_headline_is_no_claim(tmp_path: Path, body: str
                                                                 ) -> None:
    """An og:title worded otherwise than the <h1> went first, a claim "only in en"."""
    text, _ = read_text(write(tmp_path, "a.html", "<!DOCTYPE html><html><head>" + OG_TITLE
                              + f"</head><body>{body}</body></html>"))
    assert "og:title" not in text and "council says" not in text
    assert text.rstrip("\n").split("\n\n")[:2] in (["Storm hits the town", LONG],
                                                   ["Africa", "Storm hits the town"])


def test_a_sites_name_in_the_h1_is_no_headline(tmp_path: Path) -> None:
    """The page's one <h1> goes first only when it shares a word with its title."""
    body = f"<header><h1>Daily News</h1></header><main><article><p>{LONG}</p></article></main>"
    text, _ = read_text(write(tmp_path, "a.html", "<!DOCTYPE html><html><head>" + OG_TITLE
                              + f"</head><body>{body}</body></html>"))
    assert text.startswith("Storm damages 40 houses in the town, council says\n\n")


def test_an_article_leading_with_a_subheading_keeps_its_headline(tmp_path: Path) -> None:
    """An article whose first block is a subheading ("Key points") was taken to have its
    headline: the <h1> above it was lost. (On a page with no <h1>, its leading <h2> is
    its headline: `test_a_leading_h2_is_the_headline_of_a_page_with_no_h1`.)"""
    hero = "<h1>Storm hits the town</h1>"
    body = (f'<div class="hero">{hero}<p class="byline">By Sam Reporter</p></div><article>'
            "<h2>Key points</h2><ul><li>Two dams burst above the city on Sunday night.</li>"
            f"<li>More than 10,000 people are missing.</li></ul><p>{LONG}</p><p>{RESCUE}</p>"
            f"<p>{CUT}</p></article>")
    text, _ = read_text(write(tmp_path, "a.html", "<!DOCTYPE html><html><head><title>Storm "
                              f"hits the town</title></head><body>{body}</body></html>"))
    assert text.startswith("Storm hits the town\n\nKey points\n\n")


def test_a_leading_h2_is_the_headline_of_a_page_with_no_h1(tmp_path: Path) -> None:
    """A page with no <h1> whose article leads with an <h2> sharing no word with its
    title had the title put above it, a claim (with its figure) the article does not show."""
    body = ('<div class="nav">Home News World</div><article><h2>Libya: thousands still '
            f"missing after storm Daniel</h2><p>{LONG}</p><p>{RESCUE}</p><p>{CUT}</p></article>")
    text, _ = read_text(write(tmp_path, "a.html", "<!DOCTYPE html><html><head><title>Derna "
                              "floods: death toll rises to 11,300</title></head><body>"
                              f"{body}</body></html>"))
    assert text.startswith("Libya: thousands still missing after storm Daniel\n\n")
    assert "Derna floods" not in text


def test_a_style_inside_the_h1_is_not_in_the_headline(tmp_path: Path) -> None:
    """A <style> a site renders inside its <h1> (Emotion's server side) went first with the
    headline inserted above the article: ".css-9kq2{font-size:2.4rem;} Storm hits..."."""
    body = ('<div class="hero"><h1 class="css-1x"><style data-emotion="css 9kq2">.css-9kq2'
            '{font-size:2.4rem;}</style><script>var n = 1;</script><span class="css-9kq2">'
            f"Storm hits the town</span></h1></div><article><p>{LONG}</p><p>{RESCUE}</p>"
            f"<p>{CUT}</p></article>")
    text, _ = read_text(write(tmp_path, "a.html", "<!DOCTYPE html><html><head><title>Storm "
                              f"hits the town | Daily News</title></head><body>{body}</body>"
                              "</html>"))
    assert text.startswith(f"Storm hits the town\n\n{LONG}")


def test_a_page_without_article_text_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no article text") as error:
        read_text(write(tmp_path, "a.html", "<html><body><nav></nav></body></html>"))
    assert "\n" not in str(error.value)


@pytest.mark.parametrize("bulk", ["script", "picture"])
def test_a_large_page_with_a_small_article_is_read(tmp_path: Path, bulk: str) -> None:
    """MAX_BYTES holds the text matched; a saved page's scripts and inline pictures may be
    far more, even more than lxml takes in one node (10 MB): its article is still found."""
    filler = "a" * 11_000_000
    head = (f"<script>var x = '{filler}';</script>" if bulk == "script"
            else '<meta charset="utf-8">')
    body = f"<p>{LONG}</p>" if bulk == "script" else \
        f'<img src="data:image/png;base64,{filler}"><p>{LONG}</p>'
    text, _ = read_text(write(tmp_path, "a.html", page(body, head)))
    assert text == LONG + "\n"


def test_text_extracted_beyond_the_limit_is_refused(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("crossfact.reading.MAX_BYTES", 100)
    with pytest.raises(InputError, match=r"its text is 1\d\d bytes; .* up to 100 bytes"):
        read_text(write(tmp_path, "a.html", page(f"<p>{LONG}</p><p>{LONG.upper()}</p>")))


def test_a_page_beyond_the_file_limit_is_refused_unread(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("crossfact.reading.MAX_CONTAINER_BYTES", 100)
    monkeypatch.setattr(formats, "html_text", None)  # never reached
    with pytest.raises(InputError, match="too large"):
        read_text(write(tmp_path, "a.html", page(f"<p>{LONG}</p>")))


# --- Word documents ----------------------------------------------------------------------


def test_a_word_document_gives_its_paragraphs_in_order_without_header_or_footer(
        tmp_path: Path) -> None:
    path = tmp_path / "en.docx"
    word_document(ENGLISH, "en", path)
    text, encoding = read_text(path)
    assert lines(text) == lines(ENGLISH) and encoding == "docx"
    assert not set(lines(text)) & set(DOCUMENT_FURNITURE)
    assert guessed_encoding(encoding) is None


@pytest.mark.parametrize(("lang", "source"), [("ar", ARABIC), ("he", HEBREW)])
def test_right_to_left_paragraphs_come_out_in_logical_order(tmp_path: Path, lang: str,
                                                            source: str) -> None:
    path = tmp_path / f"{lang}.docx"
    word_document(source, lang, path)
    assert b"w:bidi" in zipfile.ZipFile(path).read("word/document.xml")
    text, _ = read_text(path)
    assert lines(text) == lines(source)
    assert read_document(path).lang == lang  # detection runs on the extracted text


def test_a_word_table_and_a_line_break(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph(LONG)
    paragraph.add_run().add_break()
    paragraph.add_run("A second line.")
    table = document.add_table(rows=2, cols=3)
    for row, cells in zip(table.rows, [("Dead", "11,300", ""), ("Missing", "10,100", "")],
                          strict=True):
        for cell, value in zip(row.cells, cells, strict=True):
            cell.text = value
    table.rows[0].cells[1].merge(table.rows[0].cells[2])  # one cell over two columns
    document.add_paragraph("After the table.")
    path = tmp_path / "a.docx"
    document.save(str(path))
    text, _ = read_text(path)
    assert text == (f"{LONG}\nA second line.\n\nDead | 11,300\n\nMissing | 10,100\n\n"
                    "After the table.\n")


BROKEN = ["Flood kills 20", "in Derna", "Rescuers said 40 homes were lost",
          "in the district on Sunday.", "Officials said:", "Derna 11,300", "Benghazi 170",
          "Bilan à Derna :", "morts : 11 300", "disparus : 10 100"]
JOINED = ["Flood kills 20 in Derna",
          "Rescuers said 40 homes were lost in the district on Sunday.",
          "Officials said:\nDerna 11,300\nBenghazi 170",
          "Bilan à Derna :\nmorts : 11 300\ndisparus : 10 100"]


def test_a_line_break_inside_a_sentence_or_headline_is_a_space(tmp_path: Path) -> None:
    """A single <br> inside a headline or a sentence split its claim in two ("Flood kills
    20" / "in Derna"); a line after a sentence's end, in capitals, or after a colon or a
    figure (a list of figures), stays a line."""
    body = (f"<h1>{BROKEN[0]}<br>{BROKEN[1]}</h1><p>{BROKEN[2]}<br>{BROKEN[3]}</p>"
            f"<p>{'<br>'.join(BROKEN[4:7])}</p><p>{'<br>'.join(BROKEN[7:])}</p>")
    text, _ = read_text(write(tmp_path, "a.html", page(body)))
    assert text.rstrip("\n").split("\n\n") == JOINED


def test_a_word_line_break_inside_a_sentence_or_heading_is_a_space(tmp_path: Path) -> None:
    """Shift+Enter inside a heading or a sentence split its claim in two."""
    document = docx.Document()
    heading = document.add_heading("Flood kills 20", level=1)
    heading.runs[0].add_break()
    heading.add_run("In Derna")  # a heading's line, capitalised or not, is the headline's
    for lines_ in (BROKEN[2:4], BROKEN[4:7], BROKEN[7:]):
        paragraph = document.add_paragraph(lines_[0])
        for line in lines_[1:]:
            paragraph.add_run().add_break()
            paragraph.add_run(line)
    path = tmp_path / "en.docx"
    document.save(str(path))
    text, _ = read_text(path)
    assert text.rstrip("\n").split("\n\n") == ["Flood kills 20 In Derna", *JOINED[1:]]


RELEASE = ["Floods in eastern Libya: the Red Crescent's figures",
           "The Libyan Red Crescent gave its latest figures on Thursday evening in Benghazi.",
           "Key figures:", "11,300 people dead in Derna", "10,100 people missing",
           "The mayor of Derna said the tally could climb to 20,000."]


@pytest.mark.parametrize("columns", [1, 2])
def test_a_press_release_laid_out_in_a_table_gives_its_paragraphs(tmp_path: Path,
                                                                   columns: int) -> None:
    """A template's one-cell box, or a sidebar beside the body, was read as one row: the
    release's headline, paragraphs and list one line, two claims. A data table's cell of
    two short lines stays a row's cell."""
    document = docx.Document()
    row = document.add_table(rows=1, cols=columns).rows[0]
    row.cells[-1].paragraphs[0].text = RELEASE[0]
    for text in RELEASE[1:]:
        row.cells[-1].add_paragraph(text)
    if columns == 2:
        row.cells[0].text = "Contact"
    data = document.add_table(rows=1, cols=2).rows[0]
    data.cells[0].text = "1,293"
    data.cells[0].add_paragraph("confirmed")
    data.cells[1].text = "Al Haouz"
    path = tmp_path / "en.docx"
    document.save(str(path))
    text, _ = read_text(path)
    assert text.rstrip("\n").split("\n\n") == [*(["Contact"] if columns == 2 else []),
                                                 *RELEASE, "1,293 confirmed | Al Haouz"]


NOTES = [("Province", "Deaths", "Notes"),
         ("Hatay", "21,385", "Antakya's old town was destroyed.\nThe runway split in two."),
         ("Adiyaman", "8,090", "Rescue teams arrived on the second day.")]
NOTED = ["Province | Deaths | Notes",
         "Hatay | 21,385 | Antakya's old town was destroyed. The runway split in two.",
         "Adiyaman | 8,090 | Rescue teams arrived on the second day."]


@pytest.mark.parametrize("header", ["th", "td"])
def test_a_data_table_with_a_cell_of_sentences_stays_a_table(tmp_path: Path,
                                                             header: str) -> None:
    """A table of figures with one cell of two sentences was taken for a layout's: its
    rows came apart, "Hatay" and "21,385" claims of their own. A header cell (<th>) or a
    cell that is only a figure makes it a data table."""
    def row(cells: tuple[str, ...], tag: str) -> str:
        return "<tr>" + "".join(f"<{tag}><p>" + c.replace("\n", "</p><p>") + f"</p></{tag}>"
                                for c in cells) + "</tr>"

    table = row(NOTES[0], header) + "".join(row(cells, "td") for cells in NOTES[1:])
    text, _ = read_text(write(tmp_path, "a.html", page(f"<h1>Quake toll by province</h1>"
                                                       f"<p>{LONG}</p><table>{table}</table>"
                                                       f"<p>{RESCUE}</p>")))
    assert text.rstrip("\n").split("\n\n") == ["Quake toll by province", LONG, *NOTED,
                                                RESCUE]
    document = docx.Document()
    rows = document.add_table(rows=len(NOTES), cols=3).rows
    for cells, texts in zip(rows, NOTES, strict=True):
        for cell, cell_text in zip(cells.cells, texts, strict=True):
            cell.text = cell_text.split("\n")[0]
            for more in cell_text.split("\n")[1:]:
                cell.add_paragraph(more)
    path = tmp_path / "en.docx"
    document.save(str(path))
    assert read_text(path)[0].rstrip("\n").split("\n\n") == NOTED


def test_a_page_laid_out_in_a_table_gives_its_article(tmp_path: Path) -> None:
    """A page laid out in a table (links in one cell, the article in the next) was one
    row: "Home World | Derna death toll rises... Key figures The mayor...", its list lost."""
    article = (f"<h1>{RELEASE[0]}</h1><p>{RELEASE[1]}</p><p>{RELEASE[2]}</p>"
               f"<ul><li>{RELEASE[3]}</li><li>{RELEASE[4]}</li></ul><p>{RELEASE[5]}</p>")
    data = ("<html><head><meta charset='utf-8'><title>Floods</title></head><body>"
            "<table width='100%'><tr><td width='20%'><a href='/'>Home</a><br>"
            f"<a href='/world'>World</a></td><td>{article}</td></tr></table></body></html>")
    text, _ = read_text(write(tmp_path, "a.html", data))
    assert text.rstrip("\n").split("\n\n") == RELEASE


def test_what_word_shows_is_read_and_what_it_hides_is_not(tmp_path: Path) -> None:
    """python-docx's paragraph text left out tracked insertions and content controls, which
    Word shows; deleted text, field codes and text boxes are not the article."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    paragraph = document.add_paragraph("The toll rose to ")
    paragraph._p.append(parse_xml(
        f'<w:ins {nsdecls("w")} w:id="1" w:author="ed"><w:r><w:t>11,300</w:t></w:r></w:ins>'))
    paragraph._p.append(parse_xml(
        f'<w:del {nsdecls("w")} w:id="2" w:author="ed"><w:r><w:delText>5,300</w:delText>'
        '</w:r></w:del>'))
    paragraph._p.append(parse_xml(
        f'<w:r {nsdecls("w")}><w:instrText> PAGE </w:instrText><w:t xml:space="preserve">'
        ' on Thursday.</w:t></w:r>'))
    paragraph._p.append(parse_xml(
        f'<w:r {nsdecls("w")}><w:txbxContent><w:p><w:r><w:t>Sidebar</w:t></w:r>'
        '</w:p></w:txbxContent></w:r>'))
    document.element.body.insert(0, parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtContent><w:p><w:r><w:t>Headline in a control</w:t>'
        '</w:r></w:p></w:sdtContent></w:sdt>'))
    path = tmp_path / "a.docx"
    document.save(str(path))
    text, _ = read_text(path)
    assert text == "Headline in a control\n\nThe toll rose to 11,300 on Thursday.\n"


def _word_body(tmp_path: Path, *xml: str) -> str:
    """The text of a Word document whose body holds `xml` (w: elements), after a lead."""
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("Lead.")
    for element in xml:  # before the section properties, which end the body
        document.element.body.insert(len(document.element.body) - 1, parse_xml(element))
    path = tmp_path / "a.docx"
    document.save(str(path))
    return read_text(path)[0]


def _w(tag: str, inner: str) -> str:
    return f'<w:{tag} xmlns:w="{_WORD_NS}">{inner}</w:{tag}>'


_WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _r(text: str, props: str = "") -> str:
    return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'


def test_a_tracked_move_is_read_once_where_it_went(tmp_path: Path) -> None:
    """w:moveFrom holds w:t, not w:delText: the moved sentence was read twice."""
    moved = "Rescuers reached Amizmiz on Saturday."
    text = _word_body(
        tmp_path,
        _w("p", f'<w:moveFrom w:id="1" w:author="ed">{_r(moved)}</w:moveFrom>'),
        _w("p", _r("Aftershocks continued.")),
        _w("p", f'<w:moveTo w:id="2" w:author="ed">{_r(moved)}</w:moveTo>'))
    assert text == f"Lead.\n\nAftershocks continued.\n\n{moved}\n"


def test_hidden_text_is_not_read(tmp_path: Path) -> None:
    text = _word_body(tmp_path, _w("p", _r("Visible claim 296 dead.")
                                   + _r(" HIDDEN: 5000 dead", "<w:rPr><w:vanish/></w:rPr>")
                                   + _r(" Shown again.", '<w:rPr><w:vanish w:val="0"/></w:rPr>')))
    assert text == "Lead.\n\nVisible claim 296 dead. Shown again.\n"


def test_a_nested_table_is_read_once_and_a_cell_in_a_control_is_read(tmp_path: Path) -> None:
    def cell(inner: str) -> str:
        return f"<w:tc>{inner}</w:tc>"

    def paragraph(text: str) -> str:
        return f"<w:p>{_r(text)}</w:p>"

    inner = f"<w:tbl><w:tr>{cell(paragraph('Inner 1'))}{cell(paragraph('Inner 2'))}</w:tr></w:tbl>"
    text = _word_body(tmp_path, _w("tbl", "<w:tr>" + cell(paragraph("Outer A") + inner + "<w:p/>")
                                   + cell(paragraph("Outer B")) + "</w:tr>"
                                   + "<w:tr><w:sdt><w:sdtContent>"
                                   + cell(paragraph("1,293 dead")) + "</w:sdtContent></w:sdt>"
                                   + cell(paragraph("Plain cell")) + "</w:tr>"))
    assert text == ("Lead.\n\nOuter A Inner 1 Inner 2 | Outer B\n\n"
                    "1,293 dead | Plain cell\n")


def test_a_main_part_named_document2_is_a_word_document(tmp_path: Path) -> None:
    """Some Word versions save the body as word/document2.xml: it was refused as a ZIP."""
    source = tmp_path / "en.docx"
    word_document(ENGLISH, "en", source)
    path = tmp_path / "renamed.docx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as archive:
        for info in original.infolist():
            data = original.read(info).replace(b"/word/document.xml", b"/word/document2.xml") \
                .replace(b"word/document.xml", b"word/document2.xml")
            archive.writestr(info.filename.replace("document.xml", "document2.xml"), data)
    assert "word/document2.xml" in zipfile.ZipFile(path).namelist()
    assert lines(read_text(path)[0]) == lines(ENGLISH)


def test_a_zip_bomb_is_refused_without_inflating_it(tmp_path: Path) -> None:
    """A Word document whose body, padded with blank space, inflates to 80 MB from a few
    hundred kilobytes: python-docx would hold it all, and lxml its tree."""
    source = tmp_path / "en.docx"
    word_document(ENGLISH, "en", source)
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(source) as original, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in original.infolist():
            if info.filename != "word/document.xml":
                archive.writestr(info, original.read(info))
                continue
            body = original.read(info)
            cut = body.rindex(b"</w:document>")
            with archive.open("word/document.xml", "w") as member:
                member.write(body[:cut])
                for _ in range(80):
                    member.write(b" " * 1_000_000)
                member.write(body[cut:])
    assert path.stat().st_size < 1_000_000
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match=r"would inflate to 80,\d{3},\d{3} bytes"):
            read_text(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 10_000_000


def test_a_member_larger_than_it_declares_is_a_damaged_document(tmp_path: Path) -> None:
    """The sizes checked are those the archive declares: a body that declares 10 bytes
    and holds more is inflated to 10 bytes, fails its checksum, and is refused."""
    path = tmp_path / "a.docx"
    word_document(ENGLISH, "en", path)
    data = bytearray(path.read_bytes())
    entry = data.index(b"PK\x01\x02")
    while data[entry + 46:entry + 46 + 17] != b"word/document.xml":
        entry = data.index(b"PK\x01\x02", entry + 4)
    data[entry + 24:entry + 28] = (10).to_bytes(4, "little")  # its central directory entry
    broken = write(tmp_path, "b.docx", bytes(data))
    with pytest.raises(InputError, match="damaged Word document"):
        read_text(broken)


# --- other binaries ----------------------------------------------------------------------


def zipped(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():  # a fixed date: the same bytes every run
            archive.writestr(zipfile.ZipInfo(name, date_time=(2023, 9, 12, 0, 0, 0)), content)
    return buffer.getvalue()


BINARIES = [
    ("a.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "a PDF crossfact cannot "
     "read"),
    ("a.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "an old Word or Office file"),
    ("a.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "a PNG image, not text; a picture of text"),
    ("a.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 50, "a JPEG image"),
    ("a.webp", b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 30, "a WebP image"),
    ("a.rtf", rb"{\rtf1\ansi The council said 40 houses.}", "a Rich Text (.rtf) document"),
    ("a.txt.gz", b"\x1f\x8b\x08\x00" + b"\x00" * 20, "a gzip archive, not text; unpack it"),
    ("a.zip", zipped({"en.txt": LONG}), "a ZIP archive, not text; unpack it"),
    ("a.odt", zipped({"mimetype": "application/vnd.oasis.opendocument.text",
                      "content.xml": "<x/>"}), "an OpenDocument file (.odt)"),
    ("a.xlsx", zipped({"xl/workbook.xml": "<x/>"}), "an Excel workbook"),
    ("a.docx", b"PK\x03\x04" + b"\x00" * 40, "a damaged ZIP archive"),
]


@pytest.mark.parametrize(("name", "data", "said"), BINARIES, ids=[b[0] for b in BINARIES])
def test_other_binaries_are_named_with_what_to_do(tmp_path: Path, name: str, data: bytes,
                                                  said: str) -> None:
    with pytest.raises(InputError) as error:
        read_text(write(tmp_path, name, data))
    message = str(error.value)
    assert message.startswith(f"{tmp_path / name}: {said}") and "\n" not in message


@pytest.mark.parametrize("start", ["Article WEBP images", "GIF8 is no GIF", "Da ftypheic"])
def test_a_text_that_begins_like_no_binary_is_text(tmp_path: Path, start: str) -> None:
    """A signature is matched whole, where it stands: "WEBP" at byte 8 alone is no image."""
    text, _ = read_text(write(tmp_path, "a.txt", f"{start}. {LONG}\n"))
    assert text.startswith(start)


def test_a_damaged_pdf_is_refused_by_the_command_in_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "en.txt").write_text(LONG + "\n", encoding="utf-8")
    pdf = write(folder, "fr.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\n")
    ran = crossfact("match", folder / "en.txt", pdf, ok=False)
    assert "fr.pdf: a PDF crossfact cannot read" in ran.err and ".txt file" in ran.err


# --- PDFs --------------------------------------------------------------------------------

ENGLISH_LATIN1 = ENGLISH.replace("’", "'")  # Helvetica, no font file: Latin-1 only


def test_a_pdf_gives_its_paragraphs_unwrapped(tmp_path: Path) -> None:
    """Lines wrapped at the page's margin are one paragraph again; paragraphs stay apart
    (pypdf's plain mode ran the headline into the paragraph after it)."""
    path = tmp_path / "en.pdf"
    pdf_document(ENGLISH_LATIN1, "en", path, font=None)
    text, encoding = read_text(path)
    assert text.rstrip("\n").split("\n\n") == lines(ENGLISH_LATIN1) and encoding == "pdf"
    assert guessed_encoding(encoding) is None


def test_a_pdfs_running_lines_go_and_a_sentence_cut_by_the_page_is_whole(
        tmp_path: Path) -> None:
    """A header and a page number on every page were claims of their own, and a sentence
    the page break cut came out as two paragraphs."""
    from fpdf import FPDF

    pages = [["Le conseil a dit lundi que 40 maisons ont été endommagées.",
              "Selon la préfecture, 12 routes restent fermées et"],
             ["300 personnes ont été relogées dans des écoles.", "La pluie a cessé mardi."],
             ["Les assureurs estiment les dégâts à 5 millions d'euros."]]
    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    pdf.set_auto_page_break(auto=False)  # the footer is within the bottom margin
    for number, paragraphs in enumerate(pages, 1):
        pdf.add_page()
        pdf.multi_cell(0, 6, "Le Monde Afrique - 9 septembre 2023", new_x="LMARGIN",
                       new_y="NEXT")
        pdf.ln(8)
        for paragraph in paragraphs:
            pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
        pdf.set_y(-20)
        pdf.multi_cell(0, 6, f"Page {number} sur {len(pages)}")
    path = tmp_path / "fr.pdf"
    pdf.output(str(path))
    text, _ = read_text(path)
    assert text.rstrip("\n").split("\n\n") == [
        pages[0][0], pages[0][1] + " " + pages[1][0], pages[1][1], pages[2][0]]


def test_a_page_number_above_a_running_footer_is_furniture(tmp_path: Path) -> None:
    """A footer of the page's number with the site's address under it: the numbers were
    looked for before the address went, so stayed, each glued into the next page's first
    sentence ("1 The army sent..."), and a sentence the page break cut was not joined."""
    from fpdf import FPDF

    pages = [["Rescuers found 12 people alive in the rubble on Monday.",
              "The army sent 300 soldiers to the city, the ministry said, and"],
             ["aid groups warned that water would run out within days."],
             ["The storm is moving east, forecasters said on Tuesday."]]
    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    pdf.set_auto_page_break(auto=False)  # the footer is within the bottom margin
    for number, paragraphs in enumerate(pages, 1):
        pdf.add_page()
        for paragraph in paragraphs:
            pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
        pdf.set_y(-25)
        pdf.cell(0, 5, str(number), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)
        pdf.cell(0, 5, "dailynews.example/2023/09/floods", align="C")
    path = tmp_path / "en.pdf"
    pdf.output(str(path))
    text, _ = read_text(path)
    assert text.rstrip("\n").split("\n\n") == [
        pages[0][0], pages[0][1] + " " + pages[1][0], pages[2][0]]


def test_a_sentence_on_two_pages_only_is_kept(tmp_path: Path) -> None:
    """Two pages are too few to count: a sentence that repeats at their top is text."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    for _ in range(2):
        pdf.add_page()
        pdf.multi_cell(0, 6, "Storm warning.", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(8)
        pdf.multi_cell(0, 6, LONG, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "en.pdf"
    pdf.output(str(path))
    assert read_text(path)[0].count("Storm warning.") == 2


def _claims(path: Path) -> list[str]:
    from crossfact.segment import segment

    return [" ".join(claim.text.split()) for claim in segment(read_document(path))]


RESCUE = ("Rescuers worked through the night in freezing weather as the toll from Monday's "
          "earthquake rose above 5,000, officials said.")


def test_a_pdfs_lines_the_writer_ended_stay_apart(tmp_path: Path) -> None:
    """Every line break inside a block (no vertical gap between the lines) was joined: a
    headline and its standfirst, a list's items and a table page were one claim each. Only
    a line the margin ended is joined; a one-page PDF with one wrapped paragraph, where
    segment.py finds no wrap width, has it whole."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", "B", 16)
    pdf.multi_cell(0, 8, "Earthquake toll rises to 5,000", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(0, 6, "Another 20,534 people were injured, the agency says",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.multi_cell(0, 6, RESCUE, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    items = ["Key figures:", "- 3,419 dead in Turkey", "- 1,602 dead in Syria",
             "- 20,534 injured"]
    for item in items:
        pdf.multi_cell(0, 6, item, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    with pdf.table(col_widths=(60, 40, 40), first_row_as_headings=False) as table:
        for cells in [("Province", "Deaths", "Injured")] + [
                (f"Province {n}", str(100 + n), str(900 + n)) for n in range(12)]:
            row = table.row()
            for cell in cells:
                row.cell(cell)
    path = tmp_path / "en.pdf"
    pdf.output(str(path))
    assert _claims(path) == [
        "Earthquake toll rises to 5,000", "Another 20,534 people were injured, the agency says",
        RESCUE, *items, "Province Deaths Injured",
        *(f"Province {n} {100 + n} {900 + n}" for n in range(12))]


def test_a_fact_box_beside_the_article_is_not_spliced_into_its_sentences(
        tmp_path: Path) -> None:
    """A fact box's short lines beside an article's column were read in layout mode, each
    line of the box put inside a sentence of the article."""
    from fpdf import FPDF

    figures = ["Deaths: 11,300", "Missing: 10,100", "Displaced: 40,000", "Homes lost: 2,200",
               "Dams burst: 2", "Aid flights: 27", "Teams: 5 countries"]
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    for paragraph in (FILLER * 2, CUT * 2, RESCUE):
        pdf.multi_cell(125, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    pdf.set_xy(145, 10)
    for line in ["Key figures", *figures]:
        pdf.cell(50, 6, line, new_x="LEFT", new_y="NEXT")
    path = tmp_path / "en.pdf"
    pdf.output(str(path))
    claims = _claims(path)
    for paragraph in (FILLER * 2, CUT * 2, RESCUE):
        assert " ".join(paragraph.split()) in " ".join(claims)
    assert not any(figure in claim and len(claim) > 60 for figure in figures
                   for claim in claims)


def _two_pages(path: Path, header: str, footer: str, paragraphs: list[str]) -> None:
    """A PDF of `paragraphs` running onto a second page, with a header and a footer
    (`{n}` the page's number) as fpdf2 puts them on every page."""
    from fpdf import FPDF

    class Paper(FPDF):
        def header(self) -> None:
            if header:
                self.set_font("helvetica", size=9)
                self.cell(0, 8, header, align="R")
                self.ln(12)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("helvetica", size=9)
            self.cell(0, 10, footer.format(n=self.page_no()), align="C")

    pdf = Paper()
    pdf.set_font("helvetica", size=11)
    pdf.add_page()
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    assert pdf.page_no() == 2
    pdf.output(str(path))


FILLER = ("Rescue teams searched the ruins of the eastern districts for survivors, while "
          "volunteers handed out water and blankets to families who had lost their homes. ")
CUT = ("The Libyan Red Crescent said on Thursday that the death toll had risen to 11,300 and "
       "that another 10,100 people were still missing, adding that the figures would rise. ")


@pytest.mark.parametrize("footer", ["{n}", "Page {n} of 2", "- {n} -"])
def test_a_two_page_pdfs_page_number_is_no_text(tmp_path: Path, footer: str) -> None:
    """Running lines were found on three pages or more only: on two, page 1's number
    began page 2's first claim ("1 In Sanliurfa, at least 10 deaths...": a false reason
    "1 (en) vs 17 (fr)")."""
    paragraphs = ["Flood kills 20 in Derna", *[FILLER * 3] * 10,
                  "Officials said 3,000 people were still missing on Tuesday."]
    path = tmp_path / "en.pdf"
    _two_pages(path, "", footer, paragraphs)
    text, _ = read_text(path)
    assert text.rstrip("\n").split("\n\n") == [" ".join(p.split()) for p in paragraphs]


def test_a_two_page_pdfs_header_and_footer_go_and_the_cut_sentence_is_whole(
        tmp_path: Path) -> None:
    """The footer and the next page's header were glued into one claim ("Page 1 of 2 Daily
    News - 9 September 2023"), and the sentence the page break cut stayed two claims."""
    paragraphs = ["Flood kills 11,300 in Derna", *[FILLER * 4] * 5, CUT * 6]
    path = tmp_path / "en.pdf"
    _two_pages(path, "Daily News - 9 September 2023", "Page {n} of 2", paragraphs)
    text, _ = read_text(path)
    assert "Daily News" not in text and "Page" not in text
    assert text.rstrip("\n").split("\n\n") == [" ".join(p.split()) for p in paragraphs]


@pytest.mark.parametrize("number", ["2 / 3", "Page 2 of 3", "Page 2 sur 3", "Sayfa 2",
                                    "صفحة 2 من 3", "עמוד 2", "পৃষ্ঠা ২", "p. 2"])
def test_a_page_number_at_a_pages_edge_is_furniture(number: str) -> None:
    page = [number, LONG, "Storm 2"]
    assert formats._without_running_lines([page]) == [[LONG, "Storm 2"]]
    assert formats._without_running_lines([[LONG, number, LONG, LONG, number, LONG]]) == [
        [LONG, number, LONG, LONG, number, LONG]]  # one inside a page is kept


@pytest.mark.parametrize("number", ["{n}", "- {n} -", "{m}"])
def test_a_bare_number_is_a_page_number_where_they_go_up_page_by_page(number: str) -> None:
    """A year heading a page's first or last section ("2011" above its events) was dropped
    as a page number: a bare number is one only where the edge's numbers go up by one."""
    text = [[f"{LONG} {word}", f"{RESCUE} {word}"] for word in ("One.", "Two.", "Three.")]
    pages = [[*blocks, number.format(n=n, m=n + 4)] for n, blocks in enumerate(text, 1)]
    assert formats._without_running_lines(pages) == text
    assert formats._without_running_lines([[LONG, "1"]]) == [[LONG]]
    years = [["Timeline", "2011", LONG, "2016", LONG], ["2020", LONG, "2023", LONG]]
    assert formats._without_running_lines(years) == years
    years = [[blocks[0], year] for blocks, year in zip(text, ["2011", "2014", "2016"],
                                                       strict=True)]
    assert formats._without_running_lines(years) == years
    assert formats._without_running_lines([[LONG, "2"]]) == [[LONG, "2"]]
    numbered = [[*blocks, number] for blocks, number in zip(text, ["1", "2019", "3"],
                                                            strict=True)]
    assert formats._without_running_lines(numbered) == [text[0], numbered[1], text[2]]


def test_on_two_pages_a_running_line_is_the_same_line_in_the_same_slot() -> None:
    """On two pages, short lines at an edge of both, their figures aside alike ("09:10
    GMT", "14:05 GMT"; "Day 1 - 11 September", "Day 2 - 12 September"), were dropped as
    running lines: one is the same text, numbers too (but for the page's own), in the same
    slot of both pages."""
    live = [["Live: Turkey-Syria earthquake", "09:10 GMT", LONG, "10:45 GMT", LONG,
             "12:30 GMT", LONG], ["14:05 GMT", LONG, "15:20 GMT", LONG, "16:40 GMT", LONG]]
    assert formats._without_running_lines(live) == live
    days = [["Flood response: two days in Derna", "Day 1 - 11 September", LONG],
            ["Day 2 - 12 September", LONG]]
    assert formats._without_running_lines(days) == days
    furniture = [["Daily News - 9 September 2023", LONG, "News 1"],
                 ["Daily News - 9 September 2023", LONG, "News 2"]]
    assert formats._without_running_lines(furniture) == [[LONG], [LONG]]


def test_an_arabic_pdf_in_reading_order_is_read() -> None:
    text, _ = read_text(PDFS / "ar.pdf")
    source = " ".join(ARABIC.split())
    assert " ".join(text.split()) == source[:len(" ".join(text.split()))]
    assert len(text) > 1000
    assert read_document(PDFS / "ar.pdf").lang == "ar"


def test_right_to_left_text_in_display_order_is_refused() -> None:
    """Two columns are read in pypdf's plain mode, which gives Arabic words reversed."""
    with pytest.raises(InputError, match="in display order .* reversed.*; ask for the .docx"):
        read_text(PDFS / "ar-columns.pdf")


def test_presentation_forms_and_ligatures_become_letters() -> None:
    text, _ = read_text(PDFS / "forms.pdf")
    assert text == ("The final figure was 11,300 in the official count.\n\n"
                    "العاصفة دانيال: 20 سيارة\n")


def test_reading_order_is_judged_by_the_words() -> None:
    """Reversed Hebrew and Arabic lines begin words with final letters; Bengali stored in
    display order puts the vowel sign ি before its consonant. The stories read in order."""
    for text in (ARABIC, HEBREW, (STORY / "bn.txt").read_text(encoding="utf-8")):
        assert formats._out_of_order(text) is None
    for text in (ARABIC, HEBREW):
        reversed_lines = "\n".join(line[::-1] for line in text.splitlines())
        assert "display order" in str(formats._out_of_order(reversed_lines))
    bengali = (STORY / "bn.txt").read_text(encoding="utf-8")
    visual = re.sub("([\u0995-\u09b9])\u09bf", "\u09bf\\1", bengali)
    assert "vowel signs" in str(formats._out_of_order(visual))
    glyphs = "".join(chr(0xE000 + ord(ch) % 200) if ch.isalpha() else ch for ch in ENGLISH)
    assert "glyph codes" in str(formats._out_of_order(glyphs))


def test_a_scanned_pdf_says_it_needs_ocr(tmp_path: Path) -> None:
    from fpdf import FPDF
    from PIL import Image

    pdf = FPDF()
    pdf.add_page()
    pdf.image(Image.new("L", (200, 100), 255), x=10, y=10, w=180)
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(InputError, match="no text in it: a scanned PDF needs OCR first"):
        read_text(path)


def test_an_encrypted_pdf_is_one_line(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(0, 6, LONG)
    pdf.set_encryption(owner_password="owner", user_password="secret")
    path = tmp_path / "locked.pdf"
    pdf.output(str(path))
    with pytest.raises(InputError, match="an encrypted PDF") as error:
        read_text(path)
    assert "\n" not in str(error.value)


def test_a_pdf_of_too_many_pages_is_refused_before_reading_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "en.pdf"
    pdf_document(ENGLISH_LATIN1 * 10, "en", path, font=None)
    monkeypatch.setattr(formats, "MAX_PDF_PAGES", 1)
    monkeypatch.setattr(formats, "_page_text", None)  # never reached
    with pytest.raises(InputError, match=r"a PDF of \d pages \(crossfact reads up to 1\)"):
        read_text(path)


# --- the story around them ---------------------------------------------------------------


@pytest.fixture
def mixed_story(tmp_path: Path) -> Path:
    """A folder of one .txt, one saved page, one Word document and one PDF, with a story
    file that names the document (and an image beside them that is not a version)."""
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "ar.html").write_bytes(news_page(ARABIC, "ar"))
    word_document(HEBREW, "he", folder / "he.docx")
    pdf_document(ENGLISH_LATIN1.replace("11,300", "11,000"), "en", folder / "wire.pdf",
                 font=None)
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / "story.toml").write_text('title = "Derna"\n[versions."he.docx"]\nlang = "he"\n'
                                       'url = "https://example.com/he"\n', encoding="utf-8")
    return folder


def test_a_folder_holds_pages_and_documents(mixed_story: Path) -> None:
    assert [p.name for p in collect_paths([mixed_story])] == ["ar.html", "en.txt", "he.docx",
                                                              "wire.pdf"]


def test_claims_index_the_extracted_text(mixed_story: Path) -> None:
    result = run([mixed_story])
    assert [d.lang for d in result.documents] == ["ar", "en", "he", "en"]
    docs = {d.id: d for d in result.documents}
    for claim in result.claims:
        assert docs[claim.doc].text[claim.start:claim.end] == claim.text
    assert not any("<" in c.text or "cookie" in c.text for c in result.claims)


def test_review_checks_a_folder_of_pages_and_documents_quickly(mixed_story: Path) -> None:
    """`crossfact review`'s check before the app opens (no language detection)."""
    assert len(read_story([mixed_story], detect=False)) == 4


def test_the_same_page_read_again_is_the_same_version(mixed_story: Path) -> None:
    """A reopened story is matched again only when a version changed: extraction must give
    the same text (and id) every time."""
    first, again = read_story([mixed_story]), read_story([mixed_story])
    assert [d.id for d in first] == [d.id for d in again]


def test_match_prints_the_pages_claims_not_their_markup(mixed_story: Path) -> None:
    ran = crossfact("match", mixed_story, "--format", "json", ok=True)
    out = json.loads(ran.out)
    assert {Path(d["path"]).name for d in out["documents"]} == {"ar.html", "en.txt", "he.docx",
                                                                "wire.pdf"}
    texts = " ".join(c["text"] for c in out["claims"])
    assert "DOCTYPE" not in texts and "Accept all cookies" not in texts
    assert "Translation desk" not in texts


def test_the_store_keeps_the_extracted_text_and_an_export_stays_out_of_the_folder(
        mixed_story: Path, tmp_path: Path) -> None:
    """The store keeps what the claims' offsets index (the extracted text), and a report
    exported into the story's folder under a version's name is refused: the versions beside
    it are known by their extracted text, so a folder of pages is one too."""
    from click.testing import CliRunner

    from crossfact.cli import main
    from crossfact.store import open_store

    result = run([mixed_story])
    db = tmp_path / "x.db"
    store = open_store(db)
    try:
        story = store.add_story("derna", result, {})
        stored = {Path(d.path).name: d.text for d in store.documents(story)}
    finally:
        store.close()
    assert stored["ar.html"] == read_text(mixed_story / "ar.html")[0]
    assert not stored["ar.html"].lstrip().startswith("<")
    for name in ("report.md", "report.html"):
        out = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "md", "-o",
                                        str(mixed_story / name)])
        assert out.exit_code == 1 and "among the versions of a story" in out.stderr, out.output


def test_a_folder_skips_what_is_no_version_and_says_so(mixed_story: Path) -> None:
    """A scan kept beside the texts as their source, a damaged document: the story opens
    without them, each said in one line; named on the command line, one is still an error."""
    (mixed_story / "source-scan.pdf").write_bytes((PDFS / "scanned.pdf").read_bytes()
                                                  if (PDFS / "scanned.pdf").exists()
                                                  else _blank_pdf())
    (mixed_story / "old.docx").write_bytes(b"PK\x03\x04 damaged")
    told: list[str] = []
    names = [p.name for p in collect_paths([mixed_story], notice=told.append)]
    assert names == ["ar.html", "en.txt", "he.docx", "wire.pdf"]
    assert len(told) == 2 and all(t.startswith("skipped ") and "\n" not in t for t in told)
    ran = crossfact("match", mixed_story, "--format", "json", ok=True)
    assert ran.err.count("Note: skipped ") == 2 and ran.err.count("\n") == 2, ran.err
    crossfact("match", mixed_story / "en.txt", mixed_story / "source-scan.pdf", ok=False)


@pytest.mark.parametrize(("name", "data", "said"), [
    ("big.txt", b"x " * 1_100_000, "too large for a news article"),
    ("empty.txt", b"", "the file is empty")])
def test_a_text_that_cannot_be_matched_still_fails_the_folder(mixed_story: Path, name: str,
                                                              data: bytes, said: str) -> None:
    """Only what is no text is skipped: a version too large to match is the user's to cut."""
    (mixed_story / name).write_bytes(data)
    with pytest.raises(InputError, match=said):
        collect_paths([mixed_story], notice=pytest.fail)


def _blank_pdf() -> bytes:
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(200, 200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_one_version_in_two_formats_is_read_once(mixed_story: Path) -> None:
    """en.txt and the en.html it was copied from are one version, not two: the text a
    person made is kept (a story opened before pages were read keeps its versions)."""
    (mixed_story / "en.html").write_bytes(news_page(ENGLISH, "en"))
    (mixed_story / "ar.pdf").write_bytes((mixed_story / "wire.pdf").read_bytes())
    told: list[str] = []
    names = [p.name for p in collect_paths([mixed_story], notice=told.append)]
    assert names == ["ar.html", "en.txt", "he.docx", "wire.pdf"]
    assert sorted(told) == [
        f"skipped {mixed_story / 'ar.pdf'}: the same version as ar.html, in another format "
        "(remove one to choose)",
        f"skipped {mixed_story / 'en.html'}: the same version as en.txt, in another format "
        "(remove one to choose)"]


@pytest.mark.parametrize("lock", ["~$he.docx", ".~lock.he.docx#", "~$notes.txt"])
def test_an_open_documents_lock_file_is_no_version(mixed_story: Path, lock: str) -> None:
    """Word leaves "~$he.docx" (162 bytes, not a document) beside a document it has open."""
    (mixed_story / lock).write_bytes(b"\x05reviewer" + b"\x00" * 152)
    told: list[str] = []
    assert len(collect_paths([mixed_story], notice=told.append)) == 4 and not told


@pytest.mark.parametrize(("content_type", "what"), [
    ("application/vnd.ms-word.document.macroEnabled.main+xml", "a macro-enabled Word document"),
    ("application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
     "a Word template"),
])
def test_another_word_package_says_what_to_do(tmp_path: Path, content_type: str,
                                              what: str) -> None:
    """python-docx's message named a memory address ("<_io.BytesIO object at 0x7f...>")."""
    source = io.BytesIO()
    docx.Document().save(source)
    out = io.BytesIO()
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"application/vnd.openxmlformats-officedocument."
                                    b"wordprocessingml.document.main+xml",
                                    content_type.encode())
            zout.writestr(item, data)
    path = write(tmp_path, "a.docx", out.getvalue())
    with pytest.raises(InputError) as error:
        read_text(path)
    assert str(error.value) == (f"{path}: {what} (.{'docm' if 'macro' in what else 'dotx'});"
                                " save it as .docx (File > Save As > Word Document) or as .txt")


def test_a_library_message_never_shows_a_memory_address() -> None:
    error = ValueError("file '<_io.BytesIO object at 0x7f5a12345678>' is not a Word file")
    assert formats._first_line(error) == "file is not a Word file"


def test_rematch_reads_a_pages_text_as_text(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """`replay --rematch` writes a page's extracted text back under the page's name: text
    that shows markup ("<h1>Breaking</h1>", as the page's entities said) is still text."""
    from crossfact.store import open_store
    from crossfact.store.exports import FORMATS

    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "en.html").write_text(page(
        f"<h1>Quake</h1><p>{LONG} The site showed only &lt;h1&gt;Breaking&lt;/h1&gt;.</p>"),
        encoding="utf-8")
    (folder / "en.txt").write_text(ENGLISH, encoding="utf-8")  # a version read as it is
    (folder / "en.txt").rename(folder / "wire.txt")
    monkeypatch.chdir(tmp_path)
    store = open_store(tmp_path / "a.db")
    try:
        store.add_story("quake", run(["story"]), {})
        log = tmp_path / "rp.jsonl"
        log.write_text("".join(FORMATS["jsonl"](store, None)), encoding="utf-8")
    finally:
        store.close()
    ran = crossfact("replay", log, "--db", tmp_path / "new.db", "--rematch", ok=True)
    assert "no article text" not in ran.err


def test_a_web_archive_gives_its_pages_article(tmp_path: Path) -> None:
    """A browser's "Save as single file" (.mhtml): the page inside, quoted-printable and in
    the charset its part says, beside its pictures; not the MIME message as text."""
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "<Saved by Blink>"
    message["Snapshot-Content-Location"] = "https://example.com/derna"
    message["MIME-Version"] = "1.0"
    message.make_related()
    message.add_related(news_page(ARABIC, "ar").decode("cp1256").replace(
        'charset="windows-1256"', 'charset="utf-8"'), subtype="html", cte="quoted-printable")
    message.add_related(b"\x89PNG\r\n\x1a\n", maintype="image", subtype="png")
    text, encoding = read_text(write(tmp_path, "ar.mhtml", bytes(message)))
    assert lines(text) == lines(ARABIC) and encoding == "html; declared utf-8"
