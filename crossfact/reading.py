"""From the paths a user typed to decoded Documents, refusing what is not a text.

Offsets everywhere in crossfact index the decoded text *exactly as decoded*: newlines are
kept as they are (\\r\\n stays two characters) and nothing is NFC-normalised, because a
claim's start/end must point back into the file a reviewer can open. The only change is
that a byte-order mark is dropped, so offsets count from the first character after it.
Comparisons normalise on their own copies.

Encodings, in the order they are tried:
1. a byte-order mark: UTF-8, UTF-16 LE/BE, UTF-32 LE/BE;
2. UTF-16 without a mark, when one byte column is nearly all values below 0x20 (the high
   byte of Latin, Arabic, Hebrew, Bengali or Cyrillic text), which no 8-bit text has;
3. UTF-8, or UTF-8 with a few broken bytes (under 0.5%, each read as U+FFFD);
4. the legacy code pages a newsroom meets (Windows-1252/1254 Latin and Turkish,
   Windows-1256 Arabic, Windows-1255 Hebrew), each decoding scored by how plausible its
   non-ASCII letters are (see `_plausibility`). Statistical detectors misguess on short
   articles, and these four share every ASCII byte, so only the non-ASCII letters can tell
   them apart; charset-normalizer is asked only when none of the four is plausible.

A saved web page (.html, .htm, or a file not named .txt/.md that begins as one), a Word
document (.docx) and a PDF are read through crossfact.formats: their article text is
extracted, and *that* text is the version: claim offsets index it, the store keeps it, the
review app shows it (a reviewer who opens the .docx sees the same words, without offsets
to them). A page is decoded by its byte-order mark, else the charset it declares (when its
bytes are in it), else as above. Other binaries (archives, .doc, images, a scanned PDF)
are refused, saying what to do.
"""

from __future__ import annotations

import codecs
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

from crossfact.errors import InputError
from crossfact.formats import (
    DOCX_SUFFIXES,
    HTML_SUFFIXES,
    MAX_CONTAINER_BYTES,
    PDF_SUFFIXES,
    archived_page,
    decode_declared,
    docx_text,
    html_text,
    is_pdf,
    is_web_archive,
    is_zip,
    looks_like_html,
    pdf_text,
    refuse_archive,
    refuse_binary,
)
from crossfact.ids import stable_id
from crossfact.language import detect_language, script_of, validate_language
from crossfact.models import Document
from crossfact.terminal import message, strip_controls

TEXT_SUFFIXES = (".txt", ".md")
# what a folder's versions are named: texts, saved web pages and Word documents
VERSION_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + DOCX_SUFFIXES + PDF_SUFFIXES
# A news article is tens of kilobytes. Matching time grows faster than the text: a 5 MB
# single line took 75 s and 1.07 GB to match; a 2 MB one takes 14 s and 226 MB here (on the
# seed story's text, load average 5.5: benchmarks/bench_hostile.py), already more than any
# reviewer reads through. A larger file is refused at once, with the limit said.
MAX_BYTES = 2_000_000
# Versions of one story: every pair is aligned, so time grows with the square of their
# number (seed-story versions, same bench: 20 took 4 s, 50 took 8-13 s, 100 took 43 s;
# 3,000 had not ended after 90 s). A story in more versions is refused at once, with the
# count; a real story has a handful.
MAX_VERSIONS = 50
TITLE_CHARS = 100
CONTROL_SHARE = 0.05  # more control characters than this and it is not prose
UTF16_COLUMN_SHARE = 0.9  # share of one byte column below 0x20 that means UTF-16
DAMAGED_UTF8_SHARE = 0.005  # broken bytes tolerated in a UTF-8 file (then shown as U+FFFD)

# longest first: the UTF-32 LE mark begins with the UTF-16 LE one
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# code page -> the script its non-ASCII letters are for; on a tie the first one wins
LEGACY_ENCODINGS: dict[str, str] = {
    "cp1252": "Latin",
    "cp1254": "Latin",
    "cp1256": "Arabic",
    "cp1255": "Hebrew",
    # Russian and Ukrainian newsrooms: the two put the same letters in opposite cases, so a
    # wrong one reads as words that switch from lower to upper case (see _is_plausible_word)
    "cp1251": "Cyrillic",
    "koi8_r": "Cyrillic",
}
# Icelandic letters sit where Windows-1254 has Turkish ğ ı ş İ Ğ Ş: Turkish read as 1252
# shows them, and no language of the newsroom uses them
_UNLIKELY_LATIN = frozenset("ðýþÐÝÞ")
_CASED_SCRIPTS = frozenset({"Latin", "Cyrillic"})
_WORD = re.compile(r"[^\W\d_]+")
# control characters (Unicode category Cc: C0, DEL, C1) other than \t \n \v \f \r
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_LOW_BYTES = bytes(range(0x20))
_COMMON_SYMBOLS = frozenset("©®°™•")


STDIN = "standard input"
"""What a file read from standard input (`-`, /dev/stdin) is called in messages and in the
database's `origins`."""


def pipe_name(path: Path) -> str | None:
    """What a person calls the pipe `path` names, or None if it is no pipe. A process
    substitution (`crossfact import <(cat log.jsonl)`) is /dev/fd/63 to the program, a
    name no one typed and that means nothing once the command is done: it is "a pipe", as
    is any /dev/fd/N that is one (on Linux it links to "pipe:[…]", on macOS to nothing);
    /dev/stdin is standard input; a pipe made with mkfifo is "the pipe" and its path, with
    the links in it followed (`realpath`: as `ls` would find it, wherever it was typed)."""
    try:
        if not path.is_fifo():
            return None
        if os.path.samestat(path.stat(), os.fstat(0)):
            return STDIN
    except OSError:  # no standard input (a closed descriptor 0): the path is no pipe of it
        pass
    real = os.path.realpath(path)
    if os.path.basename(real).startswith("pipe:") or _FD.fullmatch(os.path.abspath(path)):
        return "a pipe"
    return f"the pipe {real}"


_FD = re.compile(r"/dev/fd/[0-9]+")  # a descriptor of the process, by number
# Why `collect_paths` refuses a version given as a pipe, as `crossfact match` says it
PIPE_NOT_MATCHED = ("a version is named by its path in what match prints, and a pipe's "
                    "means nothing once the command is done")


def collect_paths(paths: Sequence[str | Path], pipe_refused: str = PIPE_NOT_MATCHED,
                  notice: Notice | None = None) -> list[Path]:
    """The files named in `paths`, a folder standing for its versions (VERSION_SUFFIXES:
    *.txt, *.md, *.html, *.htm, *.xhtml, *.docx, *.pdf); a pipe
    is refused, and `pipe_refused` says why to the command's user.

    A folder holds one story: its own files, sorted (so the order of versions, and of every
    id and export, does not depend on the file system), hidden ones skipped. Subfolders are
    not versions (a story keeps its recorded sessions and exports in one). A file named
    twice is kept once. A folder's file that is not a version is skipped, `notice` told
    why (`_text_files_under`; default: a line on standard error).
    """
    if notice is None:
        notice = stderr_notice
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        try:
            if path.is_dir():
                files, skipped = _text_files_under(path, notice)
                if not files and skipped:  # each said why (`notice`)
                    raise InputError(f"{given}: no version to read in this folder: "
                                     + ("its one file named as a version was skipped"
                                        if skipped == 1 else f"its {skipped} files named as "
                                        "versions were all skipped"))
                if not files:
                    raise InputError(f"{given}: no .txt, .md, .html, .docx or .pdf files in "
                                     "this folder")
                found.extend(files)
            elif path.is_file():
                found.append(path)
            elif pipe := pipe_name(path):
                raise InputError(f"{given}: {pipe}, not a file; save the version to a file "
                                 f"and name that ({pipe_refused})")
            else:
                _must_exist(given, path)
                raise InputError(f"{given}: not a regular file or folder")
        except OSError as error:  # a folder without search or read permission
            raise InputError(f"{given}: cannot read it ({error.strerror or error})") from None
        if len(found) > MAX_VERSIONS:
            raise InputError(f"{given}: more than {MAX_VERSIONS} versions of one story "
                             f"({len(found)} files so far); every pair is compared, so "
                             "that many cannot be matched in useful time: choose the versions")
    seen: set[Path] = set()
    unique = []
    for path in found:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


def existing_file(given: str | Path) -> Path:
    """`given` as a path, if it names something to read that is not a folder (a regular
    file, or a pipe the command copies); InputError otherwise, in the words `collect_paths`
    uses, so every command that reads a file refuses a folder or a missing path alike."""
    path = Path(given)
    try:
        if path.is_dir():
            raise InputError(f"{given}: is a folder; give a file name")
        _must_exist(given, path)
    except OSError as error:  # a parent folder without search permission
        raise InputError(f"{given}: cannot read it ({error.strerror or error})") from None
    return path


def _must_exist(given: str | Path, path: Path) -> None:
    """InputError when nothing is at `path` (a dangling symbolic link included)."""
    if not path.exists():
        raise InputError(f"{given}: no such file or folder")


def _text_files_under(folder: Path, notice: Notice | None) -> tuple[list[Path], int]:
    """A folder's versions (its files named as one, sorted, in one format per name) and
    how many files named as one were skipped.

    Hidden files are skipped, and so are the lock files an open document leaves beside it
    (Word's "~$tr.docx"; LibreOffice's ".~lock.tr.docx#" is hidden already). A file that
    cannot be read as text (a scanned PDF kept as the source, a damaged document, an image
    named .txt) is skipped, and `notice` told why in one line: the folder is the story, and
    one file in it that is not a text must not stop the story from opening, as it did
    once crossfact read PDFs. A file named on the command line still fails with its error,
    and so does a text that cannot be matched, in a folder too (too large, an empty text
    file: `VersionError`; an empty .docx or .pdf is no document, and skipped).

    Two files of one name in different formats (en.txt and the en.html it was copied from)
    are one version: the text file is kept, as a person made it (and a story opened before
    crossfact read pages keeps its versions); else the first of _FORMAT_PREFERENCE."""
    candidates = sorted(
        (p for p in folder.iterdir()
         if not p.name.startswith(_NOT_VERSIONS) and p.name.lower().endswith(VERSION_SUFFIXES)
         and p.is_file()),
        key=lambda p: os.fsencode(p.name),  # a name that is not UTF-8 sorts by its bytes
    )
    readable: dict[str, Path] = {}
    kept: list[Path] = []
    for path in sorted(candidates, key=_format_rank):
        stem, kind = _stem_and_kind(path)
        if kind != "text" and (first := readable.get(stem)) is not None:
            _tell(notice, f"skipped {path}: the same version as {first.name}, in another "
                  "format (remove one to choose)")
            continue
        try:
            read_text(path)
        except VersionError:
            raise
        except InputError as error:  # not a text, nor a page, document or PDF crossfact reads
            _tell(notice, f"skipped {error}")
            continue
        readable.setdefault(stem, path)
        kept.append(path)
    return sorted(kept, key=lambda p: os.fsencode(p.name)), len(candidates) - len(kept)


class VersionError(InputError):
    """A version crossfact will not match (too large, empty, unreadable for the system):
    the story fails on it even in a folder, where a file that is no text is skipped."""


Notice = Callable[[str], None]
# Not versions, though named as one: hidden files, and Word's lock file beside an open
# document ("~$" and the name's end, 162 bytes)
_NOT_VERSIONS = (".", "~$")
# Which format of one name is the version (_text_files_under): the text a person made,
# then the formats read exactly (a Word document), then those extracted by a guess
_FORMAT_PREFERENCE = (TEXT_SUFFIXES, DOCX_SUFFIXES, HTML_SUFFIXES, PDF_SUFFIXES)


def _stem_and_kind(path: Path) -> tuple[str, str]:
    """(the name without its format's suffix, case folded; "text" or the format's rank)."""
    name = path.name.lower()
    for rank, suffixes in enumerate(_FORMAT_PREFERENCE):
        for suffix in suffixes:
            if name.endswith(suffix):
                return name.removesuffix(suffix), "text" if rank == 0 else str(rank)
    return name, ""


def _format_rank(path: Path) -> tuple[int, bytes]:
    rank = next((n for n, suffixes in enumerate(_FORMAT_PREFERENCE)
                 if path.name.lower().endswith(suffixes)), len(_FORMAT_PREFERENCE))
    return rank, os.fsencode(path.name)


def _tell(notice: Notice | None, message: str) -> None:
    if notice is not None:
        notice(message)


def stderr_notice(text: str) -> None:
    """A notice on standard error, in one line (the file name and message are data), once
    a run: the review app lists a folder before its check reads the story."""
    if text not in _TOLD:
        _TOLD.add(text)
        sys.stderr.write(f"Note: {message(text)}\n")
        sys.stderr.flush()


_TOLD: set[str] = set()


def decode(data: bytes, path: str) -> tuple[str, str]:
    """(text, encoding name) of a file's bytes; InputError for empty, binary or undecodable.

    The text is exactly the decoded characters, byte-order mark removed (module docstring).
    """
    if not data:
        raise VersionError(f"{path}: the file is empty")
    text, encoding = _decode_bytes(data, path)
    if _looks_binary(text):
        raise InputError(f"{path}: looks like a binary file, not text")
    if not text.strip():
        raise VersionError(f"{path}: the file holds only whitespace")
    return text, encoding


def _decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).removeprefix("\ufeff"), encoding
            except UnicodeDecodeError:
                raise InputError(
                    f"{path}: starts with a {encoding} byte-order mark but is not {encoding}"
                ) from None
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return utf16
    if b"\x00" in data:
        raise InputError(f"{path}: looks like a binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged, "utf-8"
    return _decode_legacy(data, path)


def _damaged_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken bytes (a cut copy-paste), the bytes shown as U+FFFD.

    Legacy code pages almost never form valid multi-byte UTF-8 sequences, so many good
    non-ASCII characters and very few bad bytes mean UTF-8, not a code page to guess.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(not char.isascii() for char in text) - bad
    return text if bad <= len(text) * DAMAGED_UTF8_SHARE and good >= 10 * bad else None


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a byte-order mark, if one byte column is nearly all high bytes < 0x20."""
    if len(data) < 8 or len(data) % 2:
        return None
    even, odd = _low_share(data[0::2]), _low_share(data[1::2])
    if odd >= UTF16_COLUMN_SHARE and even < 1 - UTF16_COLUMN_SHARE:
        encoding = "utf-16-le"
    elif even >= UTF16_COLUMN_SHARE and odd < 1 - UTF16_COLUMN_SHARE:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return None


def _low_share(column: bytes) -> float:
    """Share of bytes below 0x20 (counted by deleting them: C speed on megabyte files)."""
    return (len(column) - len(column.translate(None, _LOW_BYTES))) / len(column)


def _decode_legacy(data: bytes, path: str) -> tuple[str, str]:
    scored = []
    for encoding, script in LEGACY_ENCODINGS.items():
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue  # a byte this code page leaves undefined: not this one
        scored.append((_plausibility(text, script), encoding, text))
    if scored:
        score, encoding, text = max(scored, key=lambda item: item[0])  # max keeps the first
        if score >= 0:  # 0: only punctuation like “ ” is non-ASCII, and all agree on it
            return text, encoding
    return _decode_detected(data, path)


def _plausibility(text: str, script: str) -> int:
    """Non-ASCII letters that read as real words of `script`, minus those that do not.

    A wrong code page turns Hebrew or Arabic into runs of accented Latin letters ("ùìåí"),
    Latin into Arabic letters mixed with accented ones, or Turkish into Icelandic ð/ý/þ.
    A real word is all of one script, the expected one, and if Latin has ASCII letters in
    it (or is short), keeps its case in order and avoids the unlikely letters.
    """
    score = 0
    for word in _WORD.findall(text):
        foreign = sum(not char.isascii() for char in word)
        if foreign:
            score += foreign if _is_plausible_word(word, script) else -2 * foreign
    symbols = sum(
        not char.isascii() and script_of(char) is None and _is_odd_symbol(char) for char in text
    )
    return score - symbols


def _is_plausible_word(word: str, script: str) -> bool:
    if any(script_of(char) not in (script, None) for char in word):
        return False
    if script not in _CASED_SCRIPTS:
        return True
    if any(a.islower() and b.isupper() for a, b in zip(word, word[1:], strict=False)):
        return False
    if script != "Latin":
        return True
    if len(word) >= 3 and not any(char.isascii() for char in word):
        return False
    return not _UNLIKELY_LATIN.intersection(word)


def _is_odd_symbol(char: str) -> bool:
    """A non-letter a real article rarely has: currency signs, fractions, C1 controls..."""
    category = unicodedata.category(char)
    if category in ("Pi", "Pf", "Pd", "Ps", "Pe", "Zs", "Po", "Sc") and char not in "¤¦§¨":
        return False  # quotes, dashes, no-break space, ellipsis, €, guillemets...
    return char not in _COMMON_SYMBOLS


def _decode_detected(data: bytes, path: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # loaded only for the rare unknown file

    best = from_bytes(data).best()
    if best is None:
        raise InputError(
            f"{path}: looks like a binary file, or text in an unknown encoding (save it as UTF-8)"
        )
    return str(best), best.encoding


def guessed_encoding(encoding: str) -> str | None:
    """The everyday name of a file's encoding when it was guessed (a legacy code page, or
    charset-normalizer's pick), None when the bytes said it (UTF-8, a byte-order mark, the
    UTF-16 columns). A guess can be wrong where code pages share their bytes (Greek
    ISO-8859-7 reads as Windows-1251 Russian), so the reviewer is told which it was. An
    extracted format's encoding (`read_text`) names it first: "docx" and "html; declared
    cp1256" were said by the file, "html; cp1256" follows the rules above."""
    kind, sep, how = encoding.partition("; ")
    if sep:
        if how.startswith(DECLARED):
            return None
        encoding = how
    elif kind in EXTRACTED_KINDS:
        return None
    try:
        name = codecs.lookup(encoding).name
    except LookupError:  # a name no reading here gives (a log imported from elsewhere)
        return None
    if name.startswith("utf"):
        return None
    if re.fullmatch(r"cp125\d", name):
        return f"Windows-{name[2:]}"
    return name.upper().replace("_", "-")


GUESS_ADVICE = ("guessed: no byte-order mark, not UTF-8; if a version reads wrong, "
                "save it as UTF-8 (then it is read, not guessed)")


def _looks_binary(text: str) -> bool:
    """NUL, or more control characters than prose has (a few ANSI escapes are fine)."""
    if "\x00" in text:
        return True
    return len(_CONTROL_CHARS.findall(text)) > CONTROL_SHARE * len(text)


UNDETECTED = "und"  # ISO 639-2 "undetermined": the language of a check-only read


def document_id(text: str) -> str:
    """A version's id: its decoded text, hashed (the same text read twice is one version)."""
    return stable_id(text, prefix="d")


def read_document(path: Path, lang: str | None = None, detect: bool = True,
                  plain: bool = False) -> Document:
    """Read, decode and identify one version of the story.

    `lang` (from --lang PATH=CODE) skips detection but is still checked against CLDR.
    Without `detect`, a version with no `lang` is UNDETECTED: a check before the review
    app opens refuses a file that is not a text in milliseconds, where building the
    language detector takes most of a second. `plain`: see `read_text`.
    """
    text, encoding = read_text(path, plain)
    try:
        language = (validate_language(lang) if lang
                    else detect_language(text) if detect else UNDETECTED)
    except InputError as error:
        raise InputError(f"{path}: {error}") from None
    return Document(
        id=document_id(text),
        path=printable_path(path),
        lang=language,
        title=make_title(text),
        text=text,
        encoding=encoding,
    )


EXTRACTED_KINDS = ("docx", "pdf")  # encodings that name a format, not a codec (guessed_encoding)
DECLARED = "declared "  # "html; declared cp1256": the page said its charset


def read_text(path: Path, plain: bool = False) -> tuple[str, str]:
    """(text, encoding) of one version's file: a text decoded, a web page's or a Word
    document's article extracted (module docstring); InputError for what is none of them.
    `plain`: the file is text whatever its name or first bytes (a page's extracted text,
    written back under the page's name by `replay --rematch`).

    MAX_BYTES holds a text file, and the text extracted from a page or a document, whose
    file may be larger (crossfact.formats.MAX_CONTAINER_BYTES): scripts, styles, photos.
    """
    name = str(path)
    try:
        stat = path.stat()
        size = stat.st_size
        key = (name, stat.st_dev, stat.st_ino, size, stat.st_mtime_ns, stat.st_ctime_ns, plain)
        if (known := _EXTRACTED.get(key)) is not None:
            return known
        with path.open("rb") as file:
            head = file.read(HEAD_BYTES)
            refuse_binary(head, name)
            archive, pdf = not plain and is_zip(head), not plain and is_pdf(head)
            markup = not plain and not path.name.lower().endswith(TEXT_SUFFIXES)
            web_archive = markup and is_web_archive(head)
            extracted = archive or pdf or web_archive or (markup and _is_page(head, path))
            if not size and (what := _EMPTY_DOCUMENTS.get(_document_kind(path, plain))):
                raise InputError(f"{path}: an empty {what} (0 bytes: a download or copy "
                                 "that did not finish?); save it again, or save it as .txt")
            limit = MAX_CONTAINER_BYTES if extracted else MAX_BYTES
            if size > limit:
                raise VersionError(f"{path}: too large for a news article ({size:,} bytes; "
                                 f"crossfact matches files up to {limit:,} bytes)")
            data = head + file.read()
    except OSError as error:
        raise VersionError(f"{path}: cannot read it ({error.strerror or error})") from None
    if not extracted:
        return decode(data, name)
    if archive:  # known by its members, which its end lists
        refuse_archive(data, name)
        text, encoding = docx_text(data, name), "docx"
    elif pdf:
        text, encoding = pdf_text(data, name), "pdf"
    else:
        said = None
        if web_archive:
            data, said = archived_page(data, name)
        page, codec = _decode_page(data, name, said)
        text, encoding = html_text(page, name), f"html; {codec}"
    if (extracted_bytes := len(text.encode("utf-8"))) > MAX_BYTES:
        raise VersionError(f"{path}: too large for a news article (its text is "
                         f"{extracted_bytes:,} bytes; crossfact matches up to "
                         f"{MAX_BYTES:,} bytes of text)")
    if len(_EXTRACTED) >= MAX_VERSIONS:
        _EXTRACTED.clear()
    _EXTRACTED[key] = text, encoding
    return text, encoding


# A file named as a Word document or a PDF that holds nothing: no document, as a damaged
# one is none (a folder skips it, where an empty text fails the story: `VersionError`)
_EMPTY_DOCUMENTS = {"docx": "Word document", "pdf": "PDF"}


def _document_kind(path: Path, plain: bool) -> str:
    name = path.name.lower()
    if plain:
        return ""
    return "docx" if name.endswith(DOCX_SUFFIXES) else "pdf" if name.endswith(PDF_SUFFIXES) \
        else ""


# The text extracted from a page, document or PDF, by the file's path and state (its
# inode, size and change times): a folder's files are read once to know they are versions
# (`_text_files_under`), then again as the story; extraction takes up to seconds.
_EXTRACTED: dict[tuple[object, ...], tuple[str, str]] = {}


HEAD_BYTES = 65_536  # enough to tell a page (its start) or a ZIP (its first member) apart
# An element every page has one of, as a whole tag: "x<y" or "<script>" in a text is no
# markup. A .txt or .md file is text whatever it begins with (a page's source, quoted).
_TAG = re.compile(rb"<(?:html|head|body|meta|title|div|p|br|h[1-6])\b[^<>]*>", re.IGNORECASE)


def _is_page(head: bytes, path: Path) -> bool:
    """A web page (of a file not named as a text): one that begins as one, or is named
    .html and has a page's tag in its head."""
    return looks_like_html(head) or (path.name.lower().endswith(HTML_SUFFIXES)
                                     and bool(_TAG.search(head)))


def _decode_page(data: bytes, path: str, said: str | None = None) -> tuple[str, str]:
    """A page's text and codec: by its byte-order mark, else the charset it declares (or
    `said`, a web archive's part header), else as any text (`decode`)."""
    if not any(data.startswith(bom) for bom, _ in _BOMS) and (
            declared := decode_declared(data, said)):
        text, codec = declared
        if not _looks_binary(text):
            return text, DECLARED + codec
    return decode(data, path)


def printable_path(path: Path) -> str:
    """The path as text every output can hold: a file name that is not UTF-8 keeps its
    other bytes as `\\xNN` (as given otherwise, so it still names the file)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def make_title(text: str) -> str:
    """The first non-empty line, cleaned for display and cut to ~100 characters.

    Unlike claims (which keep every character for their offsets), a title is only shown, so
    terminal escapes, control characters and bidi overrides are removed and spaces collapsed.
    """
    for line in text.splitlines():
        cleaned = " ".join(strip_controls(line.replace("\t", " ")).split())
        if cleaned:
            if len(cleaned) <= TITLE_CHARS:
                return cleaned
            cut = cleaned[:TITLE_CHARS].rsplit(" ", 1)[0] or cleaned[:TITLE_CHARS]
            return cut.rstrip(" ,;:") + "…"
    return ""
