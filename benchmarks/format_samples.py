"""A story version as a fact-checker receives it: a saved news page or a Word document made
from the version's real text (fixtures/news), for benchmarks/eval_formats.py and the tests.

The page has what real ones have around the article: a cookie banner, a menu, a byline, a
share bar, a "read also" box inside the article, a newsletter box, a related-links list, a
footer, a script and a style; inside paragraphs, <b> and <a>, entities, and two paragraphs
run together with <br><br>. Each language is saved the way a newsroom of it may: Arabic as
Windows-1256 and French as ISO-8859-1 (entities for what it lacks), declared; Hebrew as
Windows-1255 and Bengali as UTF-8, declaring nothing; Turkish declared by http-equiv.
The Word document has a heading, bold runs, right-to-left paragraphs for Arabic and Hebrew,
and a page header and footer that are not the article. The PDF is what fpdf2 makes of the
text in DejaVu Sans (its lines wrapped to the page, right-to-left text in display order,
as most PDF writers store it); DejaVu has no Bengali.
"""

from __future__ import annotations

import html
from pathlib import Path

# language -> (encoding of the bytes, how the page declares it: "meta", "http-equiv" or "")
PAGE_ENCODINGS = {
    "en": ("utf-8", "meta"),
    "fr": ("iso-8859-1", "meta"),
    "ar": ("windows-1256", "meta"),
    "he": ("windows-1255", ""),
    "tr": ("utf-8", "http-equiv"),
    "bn": ("utf-8", ""),
}
RTL = ("ar", "he")
# The site's own words around the article: each must stay out of the extracted text
BOILERPLATE = (
    "We use cookies to improve your experience. By continuing to browse you accept our "
    "cookie policy.",
    "Accept all cookies",
    "Home", "World", "Politics", "Sport", "Share on Facebook", "Share on X",
    "Read also: Storm warnings issued across the region this weekend",
    "Subscribe to our newsletter to get the day's top stories every morning.",
    "Related stories",
    "Ministers meet to discuss reconstruction funding plans",
    "Markets close higher after a volatile week of trading",
    "© 2023 Daily News Ltd. All rights reserved.",
    "Privacy policy", "Terms of use",
)
DOCUMENT_FURNITURE = ("Translation desk: for internal review", "Page 1")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _paragraph(line: str, n: int) -> str:
    """A paragraph's HTML, with inline markup in every other one."""
    words = html.escape(line, quote=False).split(" ")
    if n % 2 == 0 and len(words) > 7:
        words[2] = f"<b>{words[2]}</b>"
        words[5] = f'<a href="/tag/{n}">{words[5]}</a>'
    return " ".join(words)


def news_page(text: str, lang: str) -> bytes:
    """The bytes of a saved page holding `text` (headline first line, then paragraphs)."""
    encoding, declared = PAGE_ENCODINGS[lang]
    headline, *body = _lines(text)
    paragraphs = [_paragraph(line, n) for n, line in enumerate(body)]
    if len(paragraphs) >= 3:  # the last two run together with <br><br>, as old CMSs do
        paragraphs[-2:] = [paragraphs[-2] + "<br><br>" + paragraphs[-1]]
    blocks = [f"<p>{p}</p>" for p in paragraphs]
    blocks.insert(len(blocks) // 2, '<div class="read-also"><p>Read also: <a href="/a">Storm '
                                    'warnings issued across the region this weekend</a></p></div>')
    article = "\n".join(blocks)
    meta = {"meta": f'<meta charset="{encoding}">',
            "http-equiv": f'<meta http-equiv="Content-Type" content="text/html; '
                          f'charset={encoding}">',
            "": ""}[declared]
    direction = ' dir="rtl"' if lang in RTL else ""
    title = html.escape(headline, quote=False)
    page = f"""<!DOCTYPE html>
<html lang="{lang}"{direction}>
<head>{meta}<title>{title} &ndash; Daily News</title>
<script>window.dataLayer = []; var banner = "<p>Accept all cookies</p>";</script>
<style>.cookie-consent {{ position: fixed; }}</style></head>
<body>
<div id="cookie-banner" class="cookie-consent"><p>{html.escape(BOILERPLATE[0])}</p>
<button>Accept all cookies</button></div>
<header><nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>{title}</h1>
<div class="share"><a href="#fb">Share on Facebook</a> <a href="#x">Share on X</a></div>
<img src="/photo.jpg" alt="">
{article}
</article>
<div class="newsletter"><p>Subscribe to our newsletter to get the day&#39;s top stories every
morning.</p><form><input type="email"><button>Sign up</button></form></div>
<aside class="related"><h3>Related stories</h3><ul>
<li><a href="/b">Ministers meet to discuss reconstruction funding plans</a></li>
<li><a href="/c">Markets close higher after a volatile week of trading</a></li></ul></aside>
</main>
<footer><p>&copy; 2023 Daily News Ltd. All rights reserved.</p>
<p><a href="/privacy">Privacy policy</a> | <a href="/terms">Terms of use</a></p></footer>
</body></html>
"""
    return page.encode(encoding, "xmlcharrefreplace")


def word_document(text: str, lang: str, path: Path) -> None:
    """Write `text` as a Word document: its headline a heading, its paragraphs after, right
    to left for Arabic and Hebrew, with a page header and footer."""
    import docx
    from docx.oxml.parser import OxmlElement

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = DOCUMENT_FURNITURE[0]
    section.footer.paragraphs[0].text = DOCUMENT_FURNITURE[1]
    headline, *body = _lines(text)
    paragraphs = [document.add_heading(headline, level=1)]
    for n, line in enumerate(body):
        paragraph = document.add_paragraph()
        words = line.split(" ")
        if n % 2 == 0 and len(words) > 7:  # a bold run in the middle, as editors mark names
            paragraph.add_run(" ".join(words[:2]) + " ")
            paragraph.add_run(words[2]).bold = True
            paragraph.add_run(" " + " ".join(words[3:]))
        else:
            paragraph.add_run(line)
        paragraphs.append(paragraph)
    if lang in RTL:
        for paragraph in paragraphs:
            paragraph._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
            for run in paragraph.runs:
                run._r.get_or_add_rPr().append(OxmlElement("w:rtl"))
    document.save(str(path))


PDF_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def pdf_document(text: str, lang: str, path: Path, font: Path | None = PDF_FONT) -> None:
    """Write `text` as a PDF: each paragraph wrapped to an A4 page, a gap between them. With
    no `font`, Helvetica (Latin-1 only, no font file needed)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    if font is None:
        pdf.set_font("helvetica", size=11)
    else:
        pdf.add_font("body", "", str(font))
        pdf.set_font("body", size=11)
    for line in _lines(text):
        pdf.multi_cell(0, 6, line, align="R" if lang in RTL else "L",
                       new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    pdf.output(str(path))
