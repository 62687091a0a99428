"""Reading files: collecting paths, decoding every encoding a newsroom meets, refusing the rest."""

from __future__ import annotations

import importlib.util
import random
import shutil
import unicodedata
from pathlib import Path

import pytest

from crossfact import reading
from crossfact.errors import InputError
from crossfact.ids import stable_id
from crossfact.reading import collect_paths, decode, make_title, read_document

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "fixtures" / "seed-story"
HOSTILE = ROOT / "fixtures" / "hostile"


def _load_make():
    spec = importlib.util.spec_from_file_location("hostile_make", HOSTILE / "make.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MAKE = _load_make()


def test_hostile_fixtures_are_what_make_py_writes():
    for name, data in MAKE.fixtures().items():
        assert (HOSTILE / name).read_bytes() == data, f"{name}: run fixtures/hostile/make.py"


# --- ids ---------------------------------------------------------------------------------


def test_stable_id_is_short_prefixed_and_deterministic():
    first = stable_id("a", "b", prefix="d")
    assert first == stable_id("a", "b", prefix="d-")
    assert first.startswith("d-") and len(first) == 2 + 12
    assert stable_id("ab", "c", prefix="c") != stable_id("a", "bc", prefix="c")
    assert stable_id("a", prefix="c")[2:] != stable_id("b", prefix="c")[2:]


# --- collect_paths ---------------------------------------------------------------------


def test_a_folder_gives_its_own_text_files_sorted_skipping_hidden_and_subfolders(tmp_path: Path):
    for name in ["b.md", "a.txt", "c.json", ".e.txt", "sub/d.TXT", ".git/x.txt", "sub/.h/y.md"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = collect_paths([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a.txt", "b.md"]


def test_files_keep_the_given_order_and_come_once(tmp_path: Path):
    (tmp_path / "z.text").write_text("x")
    (tmp_path / "a.txt").write_text("x")
    found = collect_paths([tmp_path / "z.text", str(tmp_path / "a.txt"), tmp_path])
    assert found == [tmp_path / "z.text", tmp_path / "a.txt"]


@pytest.mark.parametrize("make_empty", [True, False])
def test_missing_path_or_empty_folder_is_one_line_naming_it(tmp_path: Path, make_empty: bool):
    target = tmp_path / "story"
    if make_empty:
        target.mkdir()
        (target / "notes.json").write_text("{}")
    with pytest.raises(InputError) as error:
        collect_paths([target])
    message = str(error.value)
    assert message.startswith(f"{target}: ") and "\n" not in message
    assert ("no .txt, .md, .html, .docx or .pdf files" in message) == make_empty


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="needs a device file")
def test_a_device_is_not_a_story_version():
    with pytest.raises(InputError, match="not a regular file or folder"):
        collect_paths(["/dev/null"])


# --- decode ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "encoding"),
    [
        ("utf16.txt", MAKE.ARABIC, "utf-16-le"),
        ("utf16be.txt", MAKE.HEBREW, "utf-16-be"),
        ("utf16_nobom.txt", MAKE.ARABIC, "utf-16-le"),
        ("cp1256.txt", MAKE.ARABIC, "cp1256"),
        ("cp1255.txt", MAKE.HEBREW, "cp1255"),
        ("cp1254.txt", MAKE.TURKISH, "cp1254"),
        ("utf8_bom.txt", MAKE.BENGALI, "utf-8-sig"),
        ("markup.txt", MAKE.MARKUP, "utf-8"),
    ],
)
def test_hostile_encodings_decode_to_the_exact_text(name: str, text: str, encoding: str):
    decoded, found = decode((HOSTILE / name).read_bytes(), name)
    assert (decoded, found) == (text, encoding)  # BOM dropped, nothing else changed


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Işık", "cp1254"),
        ("çalışıyor", "cp1254"),
        ("Ünlü İzmir", "cp1254"),
        ("café crème à Noël", "cp1252"),
        ("Straße über Öl", "cp1252"),
        ("שלום", "cp1255"),
        ("سلام", "cp1256"),
        ("مرحبا بكم في تسلا؟", "cp1256"),
    ],
)
def test_short_legacy_texts_pick_the_right_code_page(text: str, encoding: str):
    """Single words, where statistical detectors guess wrong, still decode right."""
    decoded, _ = decode(text.encode(encoding), "short.txt")
    assert decoded == text


def test_ascii_with_windows_smart_quotes():
    assert decode(b"He said \x93hello\x94 \x96 and left\x85", "q.txt")[0] == (
        "He said \u201chello\u201d \u2013 and left\u2026"
    )


def test_random_bytes_without_nul_are_refused():
    noise = bytes(byte for byte in random.Random(3).randbytes(3000) if byte)
    with pytest.raises(InputError, match="binary"):
        decode(noise, "noise.dat")


def test_an_unknown_code_page_falls_back_to_detection():
    text = "Привет, как дела? Это тест русского текста, достаточно длинный для детектора."
    assert decode(text.encode("cp1251"), "ru.txt")[0] == text


@pytest.mark.parametrize("prefix", ["002", "003"])
def test_utf8_with_a_broken_byte_is_not_mistaken_for_a_code_page(prefix: str):
    text = next(SEEDS.glob(f"{prefix}_*.txt")).read_text("utf-8")
    data = text.encode("utf-8")
    decoded, encoding = decode(data[:500] + b"\xff" + data[500:], "cut.txt")
    assert encoding == "utf-8" and decoded.count("\ufffd") == 1
    assert decoded.replace("\ufffd", "") == text


def test_newlines_are_kept_as_they_are():
    decoded, _ = decode((HOSTILE / "crlf.txt").read_bytes(), "crlf.txt")
    assert decoded == MAKE.TURKISH.replace("\n", "\r\n")


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "empty"),
        ("whitespace.txt", "only whitespace"),
        ("binary.bin", "binary"),
        ("nul_inside.txt", "binary"),
    ],
)
def test_what_is_not_text_is_refused_in_one_line(name: str, reason: str):
    with pytest.raises(InputError) as error:
        read_document(HOSTILE / name)
    message = str(error.value)
    assert message.startswith(str(HOSTILE / name)) and reason in message
    assert "\n" not in message


def test_many_control_characters_mean_binary():
    with pytest.raises(InputError, match="binary"):
        decode(b"text \x01\x02\x03\x04\x05\x06\x07\x08 more \x0e\x0f\x10\x11", "ctl.txt")


def test_a_few_terminal_escapes_are_still_text():
    decoded, _ = decode(b"Musk said \x1b[31mthe costs were high\x1b[0m today.", "ansi.txt")
    assert "\x1b[31m" in decoded


# --- read_document -----------------------------------------------------------------------

SEED_LANGUAGES = {"000": "tr", "001": "bn", "002": "ar", "003": "fr", "004": "he"}


@pytest.mark.parametrize("prefix", sorted(SEED_LANGUAGES))
def test_seed_documents_read_with_language_and_title(prefix: str):
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    doc = read_document(path)
    assert doc.lang == SEED_LANGUAGES[prefix]
    assert doc.path == str(path) and doc.encoding == "utf-8"
    assert doc.id == stable_id(path.read_text("utf-8"), prefix="d")
    first_line = next(line.strip() for line in doc.text.splitlines() if line.strip())
    if len(first_line) <= 100:
        assert doc.title == first_line
    else:
        assert doc.title.endswith("…") and first_line.startswith(doc.title[:-1])


def test_document_id_follows_the_text_not_the_path(tmp_path: Path):
    seed = next(SEEDS.glob("003_*.txt"))
    copy = tmp_path / "renamed.md"
    shutil.copy(seed, copy)
    assert read_document(copy).id == read_document(seed).id
    copy.write_text(seed.read_text("utf-8") + " Ajout.", "utf-8")
    assert read_document(copy).id != read_document(seed).id


def test_given_language_skips_detection_but_is_validated():
    seed = next(SEEDS.glob("003_*.txt"))
    assert read_document(seed, "pt-BR").lang == "pt"
    with pytest.raises(InputError, match=r"003_.*unknown language code 'xx'"):
        read_document(seed, "xx")


def test_title_is_first_line_cleaned_and_cut():
    assert make_title("\n\n  Elon   Musk\tspends  \nbody") == "Elon Musk spends"
    title = read_document(HOSTILE / "markup.txt").title
    assert "\x1b" not in title and title.startswith("[bold]Tesla[/bold] spent")
    long = make_title("word " * 60)
    assert long.endswith("…") and len(long) <= 101
    assert make_title("\x1b[31mRed\x1b[0m \u202eevil") == "Red evil"


def test_a_file_too_large_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import crossfact.reading as reading

    path = tmp_path / "big.txt"
    path.write_text("Tesla spent money. " * 10)
    monkeypatch.setattr(reading, "MAX_BYTES", 100)
    with pytest.raises(InputError, match="too large"):
        read_document(path)


def test_an_unreadable_path_is_an_input_error(tmp_path: Path):
    with pytest.raises(InputError, match="cannot read"):
        read_document(tmp_path)  # a folder: read_bytes fails with IsADirectoryError


def test_control_characters_are_unicode_cc_but_whitespace():
    """The control count of `_looks_binary` is Unicode's Cc category less \\t \\n \\v \\f \\r."""
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    expected = [c for c in every if unicodedata.category(c) == "Cc" and c not in "\t\n\v\f\r"]
    assert reading._CONTROL_CHARS.findall(every) == expected
    assert reading._low_share(bytes(range(256))) == 32 / 256
