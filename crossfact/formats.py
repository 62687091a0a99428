"""Text out of the files a fact-checker is sent besides plain text: saved web pages (HTML),
Word documents (DOCX) and PDFs with a text layer. Every other binary (an archive, an old
.doc, an image...) is refused in one line that says what it looks like and how to get its
text out; so is a PDF whose text cannot be trusted (a scan, an encrypted one, right-to-left
text extracted in display order, glyphs out of order).

What comes out is text, the document's words as data: an HTML page's entities decoded and
its markup gone, a Word document's paragraphs in their logical order (Word stores
right-to-left text as it is read, whatever its display). One paragraph, heading, list item
or table row is one block, blocks separated by a blank line, so `crossfact.segment` reads
them as paragraphs; a line break inside one (<br>, Shift+Enter) stays a single newline,
unless it is inside a heading or a sentence (the next line goes on in lower case): then a
space. A PDF's lines are joined where the margin ended them, others left as lines.
Offsets of claims index this extracted text (reading.py), which the store keeps: a
reviewer sees it in the app, not by opening the .docx.
"""

from __future__ import annotations

import codecs
import html
import io
import logging
import re
import unicodedata
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from crossfact.errors import InputError

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".mhtml", ".mht")  # .mht(ml): a browser's
# "Save as single file", the page and its pictures in one MIME message
DOCX_SUFFIXES = (".docx",)
PDF_SUFFIXES = (".pdf",)
# A saved page carries scripts, styles and sometimes its pictures inline (data: URLs); a
# Word document its photos. Their text is what MAX_BYTES limits (reading.py); the file
# itself may be larger, up to trafilatura's own limit (MAX_FILE_SIZE in its settings.cfg),
# which it would otherwise enforce by logging and returning nothing.
MAX_CONTAINER_BYTES = 20_000_000
# A DOCX is a ZIP archive: a few kilobytes can declare gigabytes once inflated (a "zip
# bomb"). python-docx inflates every part into memory, so the sizes the archive declares
# are added up first (zipfile never inflates a member past its declared size: it fails the
# CRC instead). 64 MB holds a long report with its photos (photos barely compress, so they
# inflate to about their stored size) and is what any machine can hold.
MAX_UNZIPPED_BYTES = 64_000_000
MAX_ZIP_MEMBERS = 10_000  # a real .docx has tens of parts; a bomb may have millions
BLOCK_SEPARATOR = "\n\n"  # a blank line: a paragraph boundary segment.py never joins across
CELL_SEPARATOR = " | "  # a table row is one line, its cells apart (trafilatura's own text form)

# What a file's first bytes say it is, for those crossfact does not read: (signature, what
# it looks like, what to do). Each is matched whole from the first byte, and those made of
# ASCII letters are long or specific enough that no text begins so.
_OCR = "a picture of text needs OCR first (tesseract, or a phone's text scanner)"
_UNPACK = "unpack it and give the versions inside"
_MAGIC: tuple[tuple[bytes, str, str], ...] = (  # a pattern matched at the first byte
    (rb"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word or Office file (.doc, .xls, .ppt)",
     "save it as .docx or .txt from Word or LibreOffice"),
    (rb"\{\\rtf", "a Rich Text (.rtf) document", "save it as .docx or .txt"),
    (rb"\x89PNG\r\n\x1a\n", "a PNG image", _OCR),
    (rb"\xff\xd8\xff", "a JPEG image", _OCR),
    (rb"GIF8[79]a", "a GIF image", _OCR),
    (rb"II\*\x00|MM\x00\*", "a TIFF image", _OCR),
    (rb"RIFF....WEBP", "a WebP image", _OCR),
    (rb"....ftyphei[cx]", "a HEIC photo", _OCR),
    (rb"\x1f\x8b", "a gzip archive", _UNPACK),
    (rb"Rar!\x1a\x07", "a RAR archive", _UNPACK),
    (rb"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", _UNPACK),
    (rb"\xfd7zXZ\x00", "an xz archive", _UNPACK),
)
# Office keeps a password-protected .docx (.xlsx, .pptx) in its old container, that of a
# .doc, as a stream named EncryptedPackage: named as a new document, or holding that
# stream, it is one (the stream's name is in the container's directory, in UTF-16)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OFFICE_SUFFIXES = (".docx", ".docm", ".xlsx", ".pptx")
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")  # a member first, or an empty archive
# The ZIP-based formats that are not DOCX, by a member only they have
_ZIP_KINDS: tuple[tuple[str, str, str], ...] = (
    ("xl/workbook.xml", "an Excel workbook (.xlsx)", "copy the article's text into a .txt file"),
    ("ppt/presentation.xml", "a PowerPoint presentation (.pptx)",
     "copy the article's text into a .txt file"),
    ("content.xml", "an OpenDocument file (.odt)", "save it as .docx or .txt"),
    ("META-INF/container.xml", "an e-book (.epub)", "copy the article's text into a .txt file"),
)
# A Word document's main part: word/document.xml, or document2.xml as some Word versions
# name it (python-docx then finds it by the package's relationships)
_DOCX_BODY = re.compile(r"word/document\d*\.xml")

# A page is HTML whatever its name when it begins so (after a byte-order mark, blank space,
# an XML declaration or comments): a .txt saved from a browser's "Save as" is still a page.
_HTML_START = re.compile(
    rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])",
    re.IGNORECASE | re.DOTALL)
# The charset a page declares: <meta charset=...>, <meta http-equiv content="...;
# charset=...">, or an XHTML page's XML declaration. Browsers look in the first 1024
# bytes (WHATWG "prescan"); pages that put a long <title> or scripts first are read
# further, as lxml would.
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)"""
    rb"""|<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.IGNORECASE)
CHARSET_PRESCAN = 8192
# WHATWG's Encoding standard: a page that says Latin-1 or ASCII is read as Windows-1252,
# as every browser reads it (its curly quotes and euro sign are in 0x80-0x9F)
_BROWSER_ALIASES = {"iso8859-1": "cp1252", "ascii": "cp1252", "iso8859-9": "cp1254"}


def looks_like_html(data: bytes) -> bool:
    """Whether the bytes begin as a web page does (an UTF-16 page: after decoding)."""
    head = data[:1024]
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            head = head[len(bom):].decode(encoding, "ignore").encode("utf-8")
    return bool(_HTML_START.match(head.removeprefix(codecs.BOM_UTF8)))


def refuse_binary(head: bytes, path: str) -> None:
    """InputError when a file's first bytes are those of a binary crossfact does not read,
    saying what the file looks like and what to do (a ZIP archive: see `refuse_archive`)."""
    if head.startswith(_OLE) and (path.lower().endswith(_OFFICE_SUFFIXES)
                                  or _ENCRYPTED_PACKAGE in head):
        raise InputError(f"{path}: a password-protected Office document (or an old .doc "
                         "named .docx), not text; remove its password (Word: File > Info > "
                         "Protect Document) and save it again, or save it as .txt")
    for magic, what, advice in _MAGIC:
        if re.match(magic, head, re.DOTALL):
            raise InputError(f"{path}: {what}, not text; {advice}")


def is_zip(head: bytes) -> bool:
    """A ZIP archive, which a Word document is (its members say which: `refuse_archive`)."""
    return head.startswith(_ZIP_MAGIC)


def refuse_archive(data: bytes, path: str) -> None:
    """InputError for a whole ZIP archive that is not a Word document, saying what it looks
    like (a workbook, an .odt, an e-book...) and what to do."""
    what, advice = _zip_kind(data)
    if what:
        raise InputError(f"{path}: {what}, not text; {advice}")


def _zip_kind(data: bytes) -> tuple[str, str]:
    """(what the archive looks like, what to do), or ("", "") for a Word document."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return ("a damaged ZIP archive (or a damaged Word document)",
                "open and save it again, or save it as .txt")
    if any(_DOCX_BODY.fullmatch(name) for name in names):
        return "", ""
    for member, what, advice in _ZIP_KINDS:
        if member in names:
            return what, advice
    return "a ZIP archive", _UNPACK


# --- HTML ------------------------------------------------------------------------------


# A web archive (MHTML) begins as a mail message does, and is multipart/related
_MIME_START = re.compile(
    rb"\s*(?:From|MIME-Version|Subject|Date|Snapshot-Content-Location|Content-Type):",
    re.IGNORECASE)


def is_web_archive(head: bytes) -> bool:
    return bool(_MIME_START.match(head)) and b"multipart/related" in head[:4096].lower()


def archived_page(data: bytes, path: str) -> tuple[bytes, str | None]:
    """The page of a web archive: its first text/html part's bytes (transfer encoding
    undone) and the charset its part header says, if any."""
    import email
    from email import policy

    message = email.message_from_bytes(data, policy=policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                return payload, part.get_content_charset()
    raise InputError(f"{path}: a saved web archive (MHTML) with no page in it; open it in a "
                     "browser and save the page as .html")


def declared_charset(data: bytes) -> str | None:
    """The Python codec of the charset the page declares, if Python knows it."""
    found = _DECLARED_CHARSET.search(data[:CHARSET_PRESCAN])
    if not found:
        return None
    return _codec((found.group(1) or found.group(2)).decode("ascii"))


def _codec(label: str) -> str | None:
    """Python's codec for a charset label, as browsers read it (_BROWSER_ALIASES); None for
    a label that names no text encoding (`charset="hex"`, base64, "undefined"): Python knows
    those as codecs too, and decoding bytes with one fails or is no page's text."""
    label = label.strip("\"' ").lower()
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NO_CHARSETS:
        return None
    return _BROWSER_ALIASES.get(info.name, info.name)


# Python's text codecs that no page is written in: "undefined" fails on every byte, the
# others read escapes or domain names, not a page's characters
_NO_CHARSETS = frozenset({"undefined", "unicode-escape", "raw-unicode-escape", "idna",
                          "punycode"})


def decode_declared(data: bytes, said: str | None = None) -> tuple[str, str] | None:
    """(text, codec) when the page declares a charset its bytes decode in (`said`: the one
    a web archive's part header gives, before the page's own unless it names no text
    encoding, as "charset=base64" does): an HTML page says its encoding, a surer thing
    than guessing it. A page that declares one and is not in it (UTF-8 said, Windows-1256
    saved) is left to the project's detection, as None."""
    charset = (_codec(said) if said else None) or declared_charset(data)
    if charset is None or charset.startswith("utf_16") or charset.startswith("utf-16"):
        return None  # an ASCII declaration in UTF-16 bytes is a lie the BOM settles
    try:
        return data.decode(charset), charset
    except (UnicodeError, LookupError):  # not in it, or a codec that cannot decode bytes
        return None


@contextmanager
def _quiet(name: str) -> Iterator[None]:
    """Keep a library's log lines (trafilatura warns on stderr when a page is odd) out of
    the command's output; crossfact says what went wrong in its own one line."""
    logger = logging.getLogger(name)
    level, propagate = logger.level, logger.propagate
    logger.setLevel(logging.CRITICAL + 1)
    logger.propagate = False
    try:
        yield
    finally:
        logger.setLevel(level)
        logger.propagate = propagate


def html_text(page: str, path: str) -> str:
    """The article of a decoded web page, its title first: trafilatura finds the main text
    and drops menus, cookie banners, related links and footers; nothing is fetched."""
    import trafilatura  # loaded only for a web page: it takes a few hundred milliseconds

    with _quiet("trafilatura"), _quiet("htmldate"):
        try:
            found = trafilatura.bare_extraction(
                _prepared(page), with_metadata=True, include_tables=True,
                include_comments=False, include_images=False, include_links=False,
                deduplicate=False)
        except (ValueError, TypeError, RecursionError) as error:  # a page lxml cannot hold
            raise InputError(f"{path}: a web page crossfact cannot read ({error})") from None
    body = getattr(found, "body", None)
    blocks = list(_tree_blocks(body)) if body is not None else []
    if not any(block.strip() for block in blocks):  # a title alone is no article: a page
        # its scripts fill in, saved before they ran
        raise InputError(f"{path}: a web page with no article text that crossfact can find; "
                         "copy the article's text into a .txt file")
    title = " ".join((getattr(found, "title", None) or "").split())
    if title := _missing_headline(page, title, body, blocks):
        blocks.insert(0, title)
    return BLOCK_SEPARATOR.join(blocks) + "\n"


def _prepared(page: str) -> str:
    """The page as trafilatura is given it: without an XML declaration (lxml refuses a str
    that declares its encoding, as an XHTML page's <?xml?> does), and with each chain of
    <br>s (how some sites make paragraphs) marked by PARAGRAPH_MARK, which trafilatura
    keeps as text where it would collapse the chain into one line break."""
    page = re.sub(r"^\s*<\?xml[^>]*\?>", "", page.replace(PARAGRAPH_MARK, ""), count=1)
    page = _CHAR_REF.sub(_xml_char, _NOT_XML.sub(" ", page))
    page = _without_layout_tables(_DATA_URL.sub('""', _NEVER_TEXT.sub("", page)))
    return _BR_CHAIN.sub(f"<br>{PARAGRAPH_MARK}<br>", page)


_TABLE = re.compile(r"<table\b", re.IGNORECASE)
_CELLS = "./tr/td|./tr/th|./*/tr/td|./*/tr/th"  # a table's own, not a nested table's
_TEXT_IN_CELL = ".//h1|.//h2|.//h3|.//h4|.//h5|.//h6|.//ul|.//ol"


def _without_layout_tables(page: str) -> str:
    """The page with each table used for layout (a cell holds a heading, a list, or
    paragraphs of text: a sidebar of links beside the article) made plain blocks: read as
    a table, its menu, headline and article were one row, one line."""
    if not _TABLE.search(page):
        return page
    from lxml import etree  # type: ignore[import-untyped]  # trafilatura's parser
    from lxml import html as lxml_html

    try:
        tree = lxml_html.document_fromstring(page)
    except (etree.LxmlError, ValueError):
        return page  # trafilatura says what is wrong with it
    layout = [table for table in tree.iter("table")
              if _laid_out(table.xpath(_CELLS), _html_cell_holds_text,
                           lambda cell: " ".join(cell.text_content().split()))]
    # a page laid out in a table marks no <article>: the cell of its one <h1> is it
    # (trafilatura, finding none, guessed, and left out the article's list)
    headlines = tree.xpath("//h1")
    cell = (next(headlines[0].iterancestors("td", "th"), None)
            if len(headlines) == 1 and not tree.xpath("//article|//main") else None)
    for table in layout:
        for element in [table, *table.xpath("./*|./*/tr"), *table.xpath(_CELLS)]:
            element.tag = "div"
    if cell is not None and cell.tag == "div":  # in a layout table
        cell.tag = "article"
    return lxml_html.tostring(tree, encoding="unicode") if layout else page


# A cell that is only a figure ("21,385", "12.5%", "3 / 4"): a table's with it is a data
# table, whatever its other cells hold ("Antakya's old town was destroyed. The airport
# runway split in two." in its Notes column)
_FIGURE_CELL = re.compile(r"[\d\s.,:;/%+\-–—()]*\d[\d\s.,:;/%+\-–—()]*")


def _laid_out(cells: list[Any], holds_text: Callable[[Any], bool],
              text_of: Callable[[Any], str]) -> bool:
    """Whether a table's (or a row's) cells are a layout's: one of them holds text
    (`holds_text`), none is a header cell (<th>) or only a figure (_FIGURE_CELL)."""
    return (any(map(holds_text, cells)) and not any(cell.tag == "th" for cell in cells)
            and not any(_FIGURE_CELL.fullmatch(text_of(cell)) for cell in cells))


def _html_cell_holds_text(cell: Any) -> bool:
    """A heading or a list in the cell, or several paragraphs one of which ends a
    sentence (a figure's two lines, "1,293" and "confirmed", are a data table's)."""
    if cell.xpath(_TEXT_IN_CELL):
        return True
    paragraphs = [" ".join(p.text_content().split()) for p in cell.iter("p")]
    return (sum(bool(p) for p in paragraphs) > 1
            and any(_SENTENCE_END.search(p) for p in paragraphs))


# Never the article, and what makes a saved page large: scripts, styles and pictures kept
# inline as data: URLs. lxml refuses a text node or attribute over 10 MB (a page with a
# 19 MB script came out as "no article text"), so they go before it parses the page (an
# HTML parser, too, ends a script at the first </script>). <noscript> is what a browser
# without scripts shows ("You need to enable JavaScript to run this app."): a page its
# scripts fill in, saved before they ran, was read as that sentence.
_NEVER_TEXT = re.compile(r"<(script|style|template|noscript)\b[^>]*>.*?</\1\s*>",
                         re.IGNORECASE | re.DOTALL)
_DATA_URL = re.compile(r"""(["'])data:[^"']*\1""", re.IGNORECASE)
# A character XML cannot hold (C0 controls but tab and line ends, U+FFFE, U+FFFF, a lone
# surrogate): lxml fails on the whole page for one, raw or as a reference (&#11;), and
# trafilatura then finds no article. Each becomes a space, as a browser shows nothing.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?")


def _xml_char(found: re.Match[str]) -> str:
    """A numeric character reference kept, or a space for one XML cannot hold."""
    hexa, decimal = found.groups()
    code = int(hexa, 16) if hexa else int(decimal)
    valid = (code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD
             or 0x10000 <= code <= 0x10FFFF)
    return found.group() if valid else " "


# A Unicode noncharacter, never in a text: stripped from the page before it is placed
PARAGRAPH_MARK = "\ufdd0"
_BR_CHAIN = re.compile(r"(?:<br\s*/?>(?:\s|&nbsp;|&#160;)*){2,}", re.IGNORECASE)


# The page's title is its headline: it goes first unless one of the first blocks is it
# already. A kicker ("Africa"), a date line and a byline may come before the <h1>; three
# covers them (the repro page of review 17 had one; fixtures/formats pages have none).
TITLE_LOOKAHEAD = 3


def _same_line(block: str, title: str) -> bool:
    return " ".join(block.split()) == title


def _missing_headline(page: str, title: str, body: Any, blocks: list[str]) -> str:
    """The headline to put first, or "" when the article has one: its first blocks are a
    heading (after a kicker, a date line or a byline). The page's one <h1> is the headline
    trafilatura left out of the article; else its title (og:title first), which a site
    often words otherwise than the <h1> (it was a claim "only in en" above the <h1>)."""
    # its text as shown: a <style> a site renders inside it (Emotion's) is not
    headings = [h for h in (_inline_text(h1) for h1 in _H1.findall(_NEVER_TEXT.sub("", page)))
                if h]
    if body is not None and _leads_with_heading(body, [title, *headings[:len(headings) == 1]],
                                                bool(headings)):
        return ""
    # several <h1>s, or one that shares no word with the title: a site's name may be one
    if len(headings) == 1 and (not title or _words_of(title) & _words_of(headings[0])):
        if any(_same_line(block, headings[0]) for block in blocks):
            return ""
        title = headings[0]
    if not title or any(_same_line(block, title) for block in blocks[:TITLE_LOOKAHEAD]):
        return ""
    return title


_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
# The end of a sentence: a lead paragraph's, which a kicker, a date line or a byline lacks
_SENTENCE_END = re.compile(r"[.!?…؟۔।॥。][»\"”’)\]]*$")


def _words_of(line: str) -> set[str]:
    """A headline's telling words: figures, and words of four letters or more."""
    return {word for word in re.findall(r"\w+", line.casefold())
            if len(word) >= 4 or any(ch.isdigit() for ch in word)}


def _inline_text(markup: str) -> str:
    """The text of an element's markup, on one line (a <br> a space)."""
    return " ".join(html.unescape(_TAG.sub(" ", markup)).split())


def _leads_with_heading(body: Any, headlines: list[str], has_h1: bool) -> bool:
    """Whether the article's first blocks are its headline, after none but short lines
    that end no sentence (a kicker, a date line, a byline), within TITLE_LOOKAHEAD blocks:
    a heading that is an <h1>, or an <h2> on a page with no <h1> (a site's top heading,
    worded otherwise than its title: the title above it was a claim the article does not
    show), or one that shares a word with one of the `headlines` (the title, the page's
    one <h1>); a subheading ("Key points") below a page's <h1> is none."""
    seen = 0
    for element in body.iter("head", "p", "item", "quote", "row", "code"):
        text = " ".join("".join(element.itertext()).split())
        if not text:
            continue
        if element.tag == "head":
            rank = element.get("rend")
            return rank == "h1" or (rank == "h2" and not has_h1) or any(
                _words_of(text) & _words_of(headline) for headline in headlines)
        seen += 1
        if seen >= TITLE_LOOKAHEAD or _SENTENCE_END.search(text):
            return False
    return False


# trafilatura's tree: <head>, <p>, <quote>, <item>, <row> with <cell>s, <lb/> line breaks,
# in containers (<body>, <div>, <list>, <table>...) whose own text and the text after each
# child (its tail) are article text too: a lead straight after a <h1>, text bare in <body>
# (which trafilatura hands back in a <span>). Every other element (<hi>, <ref>, <span>,
# <del>) is inline: its text runs on in the block around it.
_BLOCK_TAGS = frozenset({"head", "p", "quote", "item", "code", "row", "cell", "body", "main",
                         "doc", "div", "list", "table", "article", "section"})
_BREAK = None  # in the flattened tree: a block boundary


def _tree_blocks(element: Any) -> Iterator[str]:
    """The blocks of trafilatura's text tree, in order: each block element, and each run of
    text between blocks, is one (a table row one line, its cells apart); a chain of line
    breaks (PARAGRAPH_MARK) inside one splits it (`broken_lines`)."""
    run: list[str] = []
    for piece in _flattened(element):
        if piece is _BREAK:
            yield from _split_run(run)
            run = []
        else:
            run.append(piece)
    yield from _split_run(run)


def _split_run(run: list[str]) -> Iterator[str]:
    if text := broken_lines("".join(run).replace(PARAGRAPH_MARK, "\n\n"), collapse=True):
        yield from map(_within_sentence, text.split(BLOCK_SEPARATOR))


def _flattened(element: Any, heading: bool = False) -> Iterator[str | None]:
    """The tree as text and block boundaries (_BREAK), <lb/> as a newline (a space in a
    heading: a headline broken for its layout is one claim), a row as its line; comments
    and processing instructions give nothing (their tails, text)."""
    tag = element.tag if isinstance(element.tag, str) else None
    if tag is None:
        return
    if tag == "lb":
        yield " " if heading else "\n"
        return
    if tag == "row":
        yield _BREAK
        cells = (_cell_text(cell) for cell in element)
        yield CELL_SEPARATOR.join(cell for cell in cells if cell)
        yield _BREAK
        return
    block = tag in _BLOCK_TAGS
    if block:
        yield _BREAK
    if element.text:
        yield element.text
    for child in element:
        yield from _flattened(child, heading or tag == "head")
        if child.tail:
            yield child.tail
    if block:
        yield _BREAK


def _cell_text(cell: Any) -> str:
    """A table cell on one line: its paragraphs and line breaks apart by a space."""
    return " ".join(" ".join(piece for piece in _flattened(cell) if piece is not _BREAK)
                    .replace(PARAGRAPH_MARK, " ").split())


# A line break (<br>, Shift+Enter) inside a sentence: the line before ends in a letter or
# a comma and the next goes on in lower case ("Rescuers said 40 homes were lost<br>in the
# district"). After a colon or a figure it is a list's ("Bilan à Derna :<br>morts : 11 300
# <br>disparus : 10 100"). A script without case never gives the sign: its breaks are
# left to segment.py.
_BROKEN_SENTENCE = re.compile(r"(?:(?<=[^\W\d_])|(?<=,))\n(?=[^\W\d_])")


def _within_sentence(block: str) -> str:
    """The block with a line break inside a sentence a space (_BROKEN_SENTENCE): a line
    too short for segment.py to take for a wrap was a claim of its own."""
    return _BROKEN_SENTENCE.sub(
        lambda found: " " if block[found.end()].islower() else "\n", block)


def broken_lines(text: str, collapse: bool = False) -> str:
    """A paragraph's text with its line breaks (<br>, Shift+Enter): one stays a newline,
    for segment.py to join as a soft wrap or not; two or more (an empty line between,
    <br><br>: how some sites and writers make paragraphs) are a paragraph break."""
    blocks: list[list[str]] = [[]]
    for line in text.replace(PARAGRAPH_MARK, "").split("\n"):
        kept = " ".join(line.split()) if collapse else line.strip()
        if kept:
            blocks[-1].append(kept)
        elif blocks[-1]:
            blocks.append([])
    return BLOCK_SEPARATOR.join("\n".join(block) for block in blocks if block)


# --- DOCX ------------------------------------------------------------------------------


def docx_text(data: bytes, path: str) -> str:
    """The paragraphs of a Word document's body in order, headings and table rows included
    (page headers, footers, footnotes and text boxes are not the article). python-docx
    opens the package (it finds the main part by its relationships, whatever its name);
    the body is walked here, because python-docx's paragraph text leaves out what Word shows
    inside tracked insertions, content controls and smart tags."""
    _inflates_safely(data, path)
    _refuse_other_word(data, path)
    import docx  # python-docx, loaded only for a Word document

    try:
        document: DocxDocument = docx.Document(io.BytesIO(data))
        blocks = list(_body_blocks(document.element.body, _heading_styles(document)))
    except Exception as error:  # noqa: BLE001 - python-docx on a damaged or crafted package
        # fails in many ways (PackageNotFoundError, BadZipFile, KeyError, lxml's
        # XMLSyntaxError, an AttributeError on a content-types part that is not one): each
        # is this file's fault, said in one line, never a traceback
        raise InputError(f"{path}: a damaged Word document ({_first_line(error)}); open and "
                         "save it again in Word or LibreOffice, or save it as .txt") from None
    if not blocks:
        raise InputError(f"{path}: a Word document with no text in its body")
    return BLOCK_SEPARATOR.join(blocks) + "\n"


def _first_line(error: BaseException) -> str:
    """The error's first line, without the memory addresses some libraries put in it."""
    line = (str(error).splitlines() or [type(error).__name__])[0]
    return _ADDRESS.sub("", line)[:120]


_ADDRESS = re.compile(r"'?<[\w.]+ object at 0x[0-9a-fA-F]+>'? ?")
# Word's other packages, by their main part's content type: python-docx opens only a
# document (.docx). A template or a macro-enabled file holds the same body, saved again.
_OTHER_WORD = {
    "application/vnd.ms-word.document.macroEnabled.main+xml":
        "a macro-enabled Word document (.docm)",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml":
        "a Word template (.dotx)",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml":
        "a macro-enabled Word template (.dotm)",
}


def _refuse_other_word(data: bytes, path: str) -> None:
    """InputError, saying what to do, for a Word package python-docx does not open."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError,
            NotImplementedError, zlib.error):
        # missing, damaged, encrypted (RuntimeError), a compression zipfile lacks
        # (NotImplementedError) or a broken deflate stream: python-docx fails on it too,
        # and `docx_text` says "a damaged Word document"
        return
    for content_type, what in _OTHER_WORD.items():
        if f'"{content_type}"' in types:
            raise InputError(f"{path}: {what}; save it as .docx (File > Save As > Word "
                             "Document) or as .txt")


def _inflates_safely(data: bytes, path: str) -> None:
    """Refuse an archive whose parts would inflate beyond MAX_UNZIPPED_BYTES, before any is."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = archive.infolist()
        declared = sum(member.file_size for member in members)
    if len(members) > MAX_ZIP_MEMBERS or declared > MAX_UNZIPPED_BYTES:
        raise InputError(f"{path}: a Word document that would inflate to {declared:,} bytes "
                         f"in {len(members):,} parts (crossfact reads up to "
                         f"{MAX_UNZIPPED_BYTES:,}); save its text as .txt")


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# What a paragraph shows, in document order: its text, tabs, line breaks, non-breaking
# hyphens, symbols (`_symbol`). Deleted text (tracked) is w:delText and field codes
# w:instrText: not shown.
_SHOWN = {f"{_W}t": None, f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n",
          f"{_W}noBreakHyphen": "-", f"{_W}sym": None}


def _body_blocks(body: Any, headings: frozenset[str] = frozenset()) -> Iterator[str]:
    """Each paragraph of the body (or of a content control in it) and each table row; a
    line break inside a sentence, or inside a heading (a style in `headings`), a space."""
    for child in body:
        if child.tag == f"{_W}p":
            if text := broken_lines(_paragraph_text(child)):  # spaces as typed
                yield (" ".join(text.split("\n")) if _style(child) in headings
                       else _within_sentence(text))
        elif child.tag == f"{_W}tbl":
            rows = list(_within(child, f"{_W}tr"))
            one_column = all(len(list(_within(row, f"{_W}tc"))) <= 1 for row in rows)
            for row in rows:
                cells = list(_within(row, f"{_W}tc"))
                if one_column or _laid_out(cells, _holds_text, _docx_cell_text):  # a layout
                    for cell in cells:
                        yield from _body_blocks(cell, headings)
                    continue
                texts = map(_docx_cell_text, cells)
                if line := CELL_SEPARATOR.join(text for text in texts if text):
                    yield line
        elif child.tag == f"{_W}sdt":
            yield from _body_blocks(child.iterfind(f"{_W}sdtContent/*"), headings)


def _docx_cell_text(cell: Any) -> str:
    return " ".join(" ".join(_paragraph_text(p) for p in cell.iter(f"{_W}p")).split())


def _holds_text(cell: Any) -> bool:
    """Whether a table cell holds paragraphs of text, not a figure or a label: several
    paragraphs, one of which ends a sentence. A press release laid out in a table (a
    template's box, a sidebar beside the body) is read paragraph by paragraph, not as one
    line of a row."""
    paragraphs = [" ".join(_paragraph_text(p).split()) for p in cell.iterfind(f"{_W}p")]
    paragraphs = [p for p in paragraphs if p]
    return len(paragraphs) > 1 and any(_SENTENCE_END.search(p) for p in paragraphs)


def _heading_styles(document: DocxDocument) -> frozenset[str]:
    """The ids of the document's heading and title styles (by their built-in names, which
    Word keeps in English whatever its language: "heading 1", "Title")."""
    return frozenset(style.style_id for style in document.styles
                     if (style.name or "").casefold().startswith(("heading", "title",
                                                                  "subtitle")))


def _style(paragraph: Any) -> str | None:
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    return None if style is None else style.get(f"{_W}val")


def _within(element: Any, tag: str) -> Iterator[Any]:
    """The children of `element` with `tag`, those inside a content control included: a
    table's own rows or a row's own cells, not those of a table nested in a cell (its text
    is the cell's, read once with it)."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag == f"{_W}sdt":
            yield from _within(child.iterfind(f"{_W}sdtContent"), tag)
        elif child.tag == f"{_W}sdtContent":
            yield from _within(child, tag)


# Not shown by Word in a document read as final: a text box's paragraphs (not the
# article's), the old place of a tracked move (its new place, w:moveTo, is shown; the text
# of both is w:t), hidden text (a run marked w:vanish: a note to the newsroom), and the
# fallback of content in two forms (mc:AlternateContent: a checkbox "☒" and, for older
# Word, "X"), which Word since 2010 shows as its first choice
_UNSHOWN_IN = (f"{_W}txbxContent", f"{_W}moveFrom", f"{_MC}Fallback")
_OFF = frozenset({"0", "false", "off"})


def _paragraph_text(paragraph: Any) -> str:
    """What Word shows of one paragraph, tracked insertions and moves in their new place
    included; text boxes, moved-away and hidden text not (_UNSHOWN_IN)."""
    shown = []
    for element in paragraph.iter(*_SHOWN):
        if any(True for _ in element.iterancestors(*_UNSHOWN_IN)) or _hidden(element):
            continue
        mapped = _SHOWN[element.tag]
        if element.tag == f"{_W}sym":
            mapped = _symbol(element)
        shown.append(str(element.text or "") if mapped is None else mapped)
    return "".join(shown)


def _symbol(sym: Any) -> str:
    """The character of a symbol Word inserted (w:sym: "12°C" is "12", a sym, "C"): its
    code, unless it is one of a symbol font's own (U+F000-F0FF, Wingdings' ticks and
    arrows), then the sign of the Symbol font it stands for, if one a figure needs."""
    try:
        code = int(sym.get(f"{_W}char", ""), 16)
    except ValueError:
        return ""
    if 0xF000 <= code <= 0xF0FF:
        font = sym.get(f"{_W}font", "").casefold()
        return _SYMBOL_FONT.get(code - 0xF000, "") if font == "symbol" else ""
    return chr(code) if 0x20 <= code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else ""


# The Symbol font's signs that a claim's figures carry (its code -> the character), the
# digits and the rest of ASCII's signs being at their own codes in it
_SYMBOL_FONT = {**{code: chr(code) for code in range(0x20, 0x40) if chr(code) not in "\"$'*-"},
                0xB0: "°", 0xB1: "±", 0xB4: "×", 0xB8: "÷", 0xA3: "≤", 0xB3: "≥",
                0xB9: "≠", 0xBB: "≈", 0xA5: "∞", 0x6D: "μ", 0x2D: "−", 0xBC: "…",
                0xA2: "′", 0xB2: "″"}


def _hidden(element: Any) -> bool:
    """Whether the run holding `element` is hidden text (w:rPr/w:vanish, not switched off)."""
    run = element.getparent()
    vanish = run.find(f"{_W}rPr/{_W}vanish") if run is not None else None
    return vanish is not None and vanish.get(f"{_W}val", "true").lower() not in _OFF


# --- PDF -------------------------------------------------------------------------------

PDF_MAGIC = b"%PDF-"
# A press release is a few pages; a report a few hundred. Text extraction takes about 10 ms
# a page, so this bounds the time a crafted file can take before MAX_BYTES is reached.
MAX_PDF_PAGES = 500
_COPY_TEXT = "copy its text from a PDF reader into a .txt file"
_ASK_SOURCE = ("ask for the .docx or text it was made from (text copied from a PDF reader "
               "may come out the same way: check it reads in order)")
# Presentation forms: Arabic letters in their joined shapes (U+FB50-FDFF, U+FE70-FEFF),
# Latin and Hebrew ligatures (U+FB00-FB4F), which a PDF's text layer often holds where a
# text has plain letters; NFKC maps each to its letters (and to nothing else here).
_PRESENTATION_FORMS = re.compile("[\ufb00-\ufdff\ufe70-\ufeff]+")
# Letters that only ever end a word in reading order: Hebrew final forms, Arabic tā'
# marbūṭa and alif maqṣūra. In a line extracted in display order (right-to-left text
# written left to right) every word is reversed, and they begin words instead.
_WORD_FINAL = frozenset("ךםןףץةى")
_RTL_WORD = re.compile(r"[\u0590-\u05ff\u0600-\u06ff]{2,}")
# Fewer words than this carrying the signs and no verdict is drawn (a short title)
REVERSED_EVIDENCE = 3
# A word cannot begin with a combining mark (a vowel sign, a harakah) in reading order; a
# text layer whose glyphs are stored in display order does (Bengali ি before its
# consonant). Over this share of words, the text is not in reading order: refused. Real
# text has none; 2% leaves room for a stray mark after a symbol.
MISPLACED_MARK_SHARE = 0.02


# A font without a Unicode map gives private-use code points, U+FFFD or "(cid:12)"
_UNMAPPED = re.compile(r"[\ue000-\uf8ff\ufffd]|\(cid:\d+\)")
UNMAPPED_SHARE = 0.02  # real text has none; a stray icon glyph is allowed


def is_pdf(head: bytes) -> bool:
    return head.startswith(PDF_MAGIC)


def pdf_text(data: bytes, path: str) -> str:
    """The text layer of a PDF, page by page (pypdf), its presentation forms as plain
    letters; refused, in one line, when it has none, is encrypted, or is not in reading
    order (`_out_of_order`)."""
    import pypdf  # loaded only for a PDF

    with _quiet("pypdf"):
        try:
            reader = pypdf.PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise InputError(f"{path}: an encrypted PDF (it has a password); remove the "
                                 f"protection in a PDF reader, or {_COPY_TEXT}")
            if len(reader.pages) > MAX_PDF_PAGES:
                raise InputError(f"{path}: a PDF of {len(reader.pages):,} pages (crossfact "
                                 f"reads up to {MAX_PDF_PAGES}); give the article's pages")
            pages = [_page_text(page) for page in reader.pages]
        except InputError:
            raise
        except Exception as error:  # noqa: BLE001 - pypdf on a damaged or crafted file
            # (PdfReadError, a decompression limit, a dependency its encryption needs,
            # KeyError, RecursionError...): the file's fault, said in one line
            raise InputError(f"{path}: a PDF crossfact cannot read ({_first_line(error)}); "
                             f"{_COPY_TEXT}") from None
    laid_out = _without_running_lines(
        [[block for block in broken_lines(page, collapse=True).split(BLOCK_SEPARATOR) if block]
         for page in pages])
    fill = _fill(laid_out)
    blocks = _across_pages([_unwrapped(page, fill) for page in laid_out])
    text = _PRESENTATION_FORMS.sub(lambda m: unicodedata.normalize("NFKC", m.group()),
                                   BLOCK_SEPARATOR.join(block for block in blocks if block))
    if not text.strip():
        raise InputError(f"{path}: a PDF with no text in it: a scanned PDF needs OCR first "
                         "(ocrmypdf --sidecar FILE.txt FILE.pdf OUT.pdf), then give FILE.txt")
    if why := _out_of_order(text):
        raise InputError(f"{path}: a PDF whose text comes out {why}, which cannot be put "
                         f"back in reading order with certainty; {_ASK_SOURCE}")
    return text + "\n"


def _page_text(page: Any) -> str:
    """A page's text with its paragraphs apart: pypdf's layout mode keeps the vertical gap
    between paragraphs as an empty line, which its plain mode drops (a headline then ran
    into the paragraph after it). Layout mode also keeps columns side by side, so a page
    where many lines are prose either side of a wide gap is read in plain mode, column by
    column; a table's rows (short cells) stay in layout mode, a row a line."""
    laid_out = page.extract_text(extraction_mode="layout") or ""
    lines = [line.strip() for line in laid_out.splitlines() if line.strip()]
    if sum(_in_columns(line) for line in lines) > COLUMN_LINE_SHARE * len(lines):
        return str(page.extract_text() or "")
    return laid_out


def _in_columns(line: str) -> bool:
    """Whether a laid-out line is prose in columns: a gutter, and text of a column's width
    on a side of it (a fact box's short lines beside the article's are columns too, else
    spliced into its sentences); a table's cells are all figures and labels."""
    pieces = _COLUMN_GAP.split(line)
    return len(pieces) > 1 and any(len(piece) >= COLUMN_MIN_CHARS for piece in pieces)


# A running header or footer ("Le Monde Afrique — 9 septembre 2023", "Page 2 sur 4") is at
# a page's top or bottom: among its first or last RUNNING_EDGE blocks. One found there, its
# numbers aside, on more than RUNNING_SHARE of the pages of a PDF of RUNNING_MIN_PAGES or
# more, is the page's furniture, not a claim. Set on review 17's repro PDFs (a header and
# a footer on every page); eval_formats' PDFs have none, and their claims do not change.
RUNNING_EDGE = 2
RUNNING_SHARE = 0.5
RUNNING_MIN_PAGES = 3
# Two pages are too few to count: there a running line is one in the same slot at an
# edge of both (first with first, last with last), the same text, its numbers too but for
# the page's own 1 and 2 (a live page's "09:10 GMT" and "14:05 GMT" are text), a single
# short line that ends no sentence ("Daily News - 9 September 2023"); a sentence that
# happens to repeat ("Storm warning.") is kept. A masthead or a date line is shorter than
# this; a wrapped line of text is longer.
RUNNING_MAX_CHARS = 60
_DIGITS = re.compile(r"\d+")
# How a paragraph ends: a sentence's mark, or a closing quote or bracket after it. A page
# whose last block ends otherwise was cut by the page break mid-sentence.
_FINAL_MARK = re.compile(r"[.!?…؟۔।॥。:»\"”’)\]]$")
# A page's first or last block that is only its number is furniture: "Page 3 of 12",
# "Page 3 sur 12", "Seite 3 von 12", "Página 3 de 12", "Sayfa 3", "3 / 12", "صفحة 3 من 12",
# "עמוד 3 מתוך 12", "পৃষ্ঠা ৩" (\d is any script's digit) on any PDF, even of one page. A
# bare number ("3", "- 3 -") may be a year or a figure heading a section ("2011" above its
# events): it is a page number only where the numbers at that edge go up by one page to
# page, or is its page's own number. A page has fewer than 10,000 pages (MAX_PDF_PAGES).
_PAGE_WORD = r"(?:page|p\.|pg\.?|seite|s\.|página|pagina|sayfa|sf\.|صفحة|الصفحة|עמוד|עמ'|পৃষ্ঠা)"
_PAGE_OF = r"(?:of|sur|de|von|di|/|من|מתוך|এর)"
_PAGE_NUMBER = re.compile(
    rf"{_PAGE_WORD}\s*\d{{1,4}}(?:\s*{_PAGE_OF}\s*\d{{1,4}})?|\d{{1,4}}\s*{_PAGE_OF}\s*\d{{1,4}}",
    re.IGNORECASE)
_BARE_NUMBER = re.compile(r"(\d{1,4})|[-–—]\s*(\d{1,4})\s*[-–—]")


def _running_key(block: str) -> str:
    return _DIGITS.sub("#", " ".join(block.split()).casefold())


def _is_page_number(block: str) -> bool:
    return bool(_PAGE_NUMBER.fullmatch(" ".join(block.split())))


def _bare_number(block: str) -> int | None:
    found = _BARE_NUMBER.fullmatch(" ".join(block.split()))
    return int(found.group(1) or found.group(2)) if found else None


def _numbered(pages: list[list[str]], edge: int) -> set[int]:
    """The pages whose first (edge 0) or last (-1) block is a bare page number: each its
    page's own less one constant (an article's pages 5 to 8 of a magazine), the constant
    of two or more of them; or a lone one, its page's own. A year or a figure there, off
    the count, is text."""
    numbers = {n: number for n, blocks in enumerate(pages, 1)
               if blocks and (number := _bare_number(blocks[edge])) is not None}
    if len(numbers) == 1:
        return {n - 1 for n, number in numbers.items() if number == n}
    offsets = Counter(number - n for n, number in numbers.items())
    return {n - 1 for n, number in numbers.items() if offsets[number - n] >= 2}


def _same_running_line(first: str, second: str) -> bool:
    """Whether blocks in one slot of two pages are one running line: the same text, their
    numbers too, but for page 1's number where page 2 has its own."""
    one, two = (" ".join(block.split()).casefold() for block in (first, second))
    numbers = [(int(a), int(b)) for a, b in zip(_DIGITS.findall(one), _DIGITS.findall(two),
                                                 strict=False) if a != b]
    return _DIGITS.split(one) == _DIGITS.split(two) and numbers in ([], [(1, 2)])


def _without_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """The pages' blocks without their numbers and the running headers and footers
    (RUNNING_SHARE; on two pages, RUNNING_MAX_CHARS)."""
    edges = [blocks[:RUNNING_EDGE] + blocks[-RUNNING_EDGE:] for blocks in pages]
    running: set[str] = set()
    if len(pages) >= RUNNING_MIN_PAGES:
        seen: dict[str, int] = {}
        for edge in edges:
            for key in {_running_key(b) for b in edge if _bare_number(b) is None}:
                seen[key] = seen.get(key, 0) + 1
        running = {key for key, count in seen.items() if count > RUNNING_SHARE * len(pages)}
    # The running lines go first: a page number above a running footer (the site's
    # address under "3") is then the page's last block, where `_numbered` looks.
    texts = []
    for page, blocks in enumerate(pages):
        top = range(min(RUNNING_EDGE, len(blocks)))
        bottom = range(max(len(blocks) - RUNNING_EDGE, 0), len(blocks))
        texts.append([b for n, b in enumerate(blocks) if not (
            ((n in top or n in bottom) and _running_key(b) in running)
            or (len(pages) == 2 and _two_page_running(pages, page, n)))])
    top_number, bottom_number = _numbered(texts, 0), _numbered(texts, -1)
    return [[b for n, b in enumerate(blocks) if not (
        (n in (0, len(blocks) - 1) and _is_page_number(b))
        or (n == 0 and page in top_number) or (n == len(blocks) - 1 and page in bottom_number))]
        for page, blocks in enumerate(texts)]


def _two_page_running(pages: list[list[str]], page: int, n: int) -> bool:
    """Whether block n of a two-page PDF's page is a running line: a single short line
    that ends no sentence, in the same slot at the other page's edge (first with first,
    last with last), the same text (`_same_running_line`)."""
    blocks, other = pages[page], pages[1 - page]
    block = blocks[n]
    if "\n" in block or len(block) > RUNNING_MAX_CHARS or _FINAL_MARK.search(block):
        return False
    slots = [slot for slot in (n, n - len(blocks)) if -RUNNING_EDGE <= slot < RUNNING_EDGE
             and -len(other) <= slot < len(other)]
    return any(_same_running_line(*((block, other[slot]) if page == 0 else
                                    (other[slot], block))) for slot in slots)


def _across_pages(pages: list[list[str]]) -> list[str]:
    """The blocks in order, a paragraph the page break cut (its page's last block ends
    with no final mark) joined to the next page's first, as a line wrapped at the margin."""
    blocks: list[str] = []
    cut = False
    for page in pages:
        if not page:
            continue
        if cut:  # a sure join, as a line the margin ended (`_unwrapped`)
            blocks[-1] += ("" if blocks[-1].endswith("-") else " ") + page[0]
            page = page[1:]
        blocks.extend(page)
        cut = bool(blocks) and not _FINAL_MARK.search(blocks[-1])
    return blocks


# A line of a PDF ends where the next word would not fit (a wrap at the margin), or where
# the writer ended it: a headline before its standfirst, a list item, a table row, verse.
# The width is the document's longest line; a proportional font's full line falls short
# of it by up to a fifth (segment.FILL_MAX_SLACK: its wider letters), a line the writer
# ended falls short by more than the next word. A full line ending a sentence is joined
# too (the next sentence went on the next line; the sentence splitter splits them), but
# not one before a list item; segment.py joins what else was wrapped.
WRAP_SLACK = 5  # the fill is the width less a fifth of it
_LIST_ITEM = re.compile(r"[-–—•·*▪►●○◦■□✓]\s|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s")


def _fill(pages: list[list[str]]) -> int:
    """How long a line the margin ended is at least, in characters (WRAP_SLACK)."""
    width = max((len(line) for blocks in pages for block in blocks
                 for line in block.split("\n")), default=0)
    return width - width // WRAP_SLACK


def _unwrapped(blocks: list[str], fill: int) -> list[str]:
    """The blocks with each line the margin ended (the next word would have taken it past
    `fill`) joined to the next, by a space, or by nothing after a hyphen ("state-owned" is
    likelier in news than a word split there); every other line break kept, for
    segment.py to read as a text's."""
    out = []
    for block in blocks:
        lines = block.split("\n")
        joined = lines[:1]
        for previous, line in pairwise(lines):
            reach = len(previous) + 1 + len(line.split(" ", 1)[0])
            if reach <= fill or _LIST_ITEM.match(line):
                joined.append(line)
            else:
                joined[-1] += ("" if previous.endswith("-") else " ") + line
        out.append("\n".join(joined))
    return out


# A run of spaces wider than justified text leaves between words (layout mode sets the
# page on a character grid): a gutter between columns or table cells
_COLUMN_GAP = re.compile(r"(?<=\S) {5,}(?=\S)")
COLUMN_LINE_SHARE = 0.3  # more lines than this with a gutter: a page in columns
# A newspaper's narrowest column holds some 25 characters a line; a table's cells (a
# figure, "Province 10", "Deaths") fewer than this. A column's last line of a paragraph
# may be shorter: COLUMN_LINE_SHARE leaves room for them.
COLUMN_MIN_CHARS = 20


def _out_of_order(text: str) -> str | None:
    """Why the extracted text is not in reading order, or None: Hebrew or Arabic words
    reversed (written in display order), words that begin with a combining mark, or glyph
    codes where letters should be (a font without a Unicode map)."""
    unmapped = len(_UNMAPPED.findall(text))
    if unmapped >= REVERSED_EVIDENCE and unmapped > UNMAPPED_SHARE * len(text):
        return "as glyph codes, not letters (its fonts map no Unicode)"
    words = _RTL_WORD.findall(text)
    starts = sum(word[0] in _WORD_FINAL for word in words)
    ends = sum(word[-1] in _WORD_FINAL for word in words)
    if starts >= REVERSED_EVIDENCE and starts > ends:
        return "in display order (right-to-left words reversed)"
    tokens = [token for token in text.split() if any(ch.isalpha() for ch in token)]
    marks = sum(unicodedata.category(token[0]) in ("Mn", "Mc") for token in tokens)
    if marks >= REVERSED_EVIDENCE and marks > MISPLACED_MARK_SHARE * len(tokens):
        return "with its letters out of order (vowel signs before their letters)"
    return None
