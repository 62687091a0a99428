"""Display helpers of the TUI: safe text, bidi, terminal widths, highlights, keys, paging."""

from __future__ import annotations

import ctypes
import ctypes.util
import locale
import unicodedata
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console
from tui_fakes import FakeStore, make_result

from crossfact.errors import CrossfactError
from crossfact.models import Claim, Fingerprint, Name, Quantity
from crossfact.tui.cell_width import FIRST_RICH_WITH_TABLE, match_terminal_widths
from crossfact.tui.display_text import has_rtl, one_line, strip_controls, visual
from crossfact.tui.highlights import claim_marks
from crossfact.tui.keys import binding_ids, load_keymap
from crossfact.tui.paging import MatchPager
from crossfact.tui.widgets.claim_text import SHOWN_CHARS, ClaimText, display_form


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("a\x1b[31mred\x1b[0m b", "ared b"),
        ("title\x1b]0;pwned\x07 end", "title end"),
        ("link \x1b]8;;file:///etc/passwd\x1b\\x\x1b]8;;\x1b\\ ok", "link x ok"),
        ("c1 \x9b2J csi", "c1  csi"),
        ("bell\x07 nul\x00 del\x7f cr\r", "bell nul del cr"),
        ("keeps\ttabs\nand lines", "keeps\ttabs\nand lines"),
        ("spoof \u202eevil\u202c", "spoof evil"),
        ("lone \x1b", "lone "),
    ],
)
def test_strip_controls(raw: str, shown: str) -> None:
    assert strip_controls(raw) == shown


def test_markup_stays_text() -> None:
    console = Console(width=80, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(ClaimText("[bold]x[/] [link=file:///etc/passwd]y[/link]"))
    assert console.export_text().strip() == "[bold]x[/] [link=file:///etc/passwd]y[/link]"


def test_one_line_flattens_and_cuts() -> None:
    assert one_line("a\n b\x1b[1m  c", 40) == "a b c"
    assert one_line("x" * 50, 10) == "x" * 9 + "…"


def test_visual_reorders_only_rtl_lines() -> None:
    assert visual("Tesla 10 milliards") == "Tesla 10 milliards"
    assert has_rtl("שלום") and not has_rtl("Bengali বাংলা")
    shown = visual("שלום עולם", True)
    assert shown == "םלוע םולש"
    arabic = visual("مليار دولار", True)
    assert unicodedata.category(arabic[0]) == "Lo" and arabic != "مليار دولار"
    assert any(0xFE70 <= ord(ch) <= 0xFEFC for ch in arabic)  # joined presentation forms



def test_brackets_in_right_to_left_text_are_mirrored() -> None:
    """A bracket in Hebrew or Arabic still opens towards what it encloses (UBA rule L4)."""
    assert visual("שורה (שנייה) ok", True) == "ok (היינש) הרוש"
    assert visual("הערה [bold]x[/bold]", True) == "[bold]x[/bold] הרעה"
    assert "(" in visual("قال (تسلا)", True).split()[0]


def test_rtl_claim_wraps_before_reordering() -> None:
    console = Console(width=20, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(ClaimText("אחת שתיים שלוש ארבע חמש שש", rtl=True, bidi=True))
    lines = [line.strip() for line in console.export_text().splitlines() if line.strip()]
    assert lines[0].endswith("תחא")  # the first words read first, from the right
    plain = Console(width=20, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    plain.print(ClaimText("אחת שתיים", rtl=True, bidi=False))
    assert plain.export_text().strip() == "אחת שתיים"


def test_long_text_is_cut_for_display() -> None:
    shown, cut = display_form("x" * 50_000)
    assert len(shown) == SHOWN_CHARS and cut == 50_000 - SHOWN_CHARS


def test_rich_counts_bengali_like_the_terminal() -> None:
    match_terminal_widths()
    libc = ctypes.CDLL(ctypes.util.find_library("c"))
    libc.wcwidth.restype = ctypes.c_int
    try:
        locale.setlocale(locale.LC_CTYPE, "C.UTF-8")
    except locale.Error:
        pytest.skip("no C.UTF-8 locale to ask glibc")
    text = "বাংলা ভাষা টেসলা ইতিমধ্যেই মোতায়েন"
    terminal = sum(max(0, libc.wcwidth(ctypes.c_wchar(ch))) for ch in text)
    assert cell_len(text) == terminal
    assert cell_len("abc") == 3 and cell_len("日本") == 4


def test_every_rich_the_package_accepts_has_the_table_it_patches() -> None:
    """Rich 14.2 (which Textual accepts) has no per-version width table: there the patch did
    nothing and Bengali rows ran through the borders under tmux, so the package must not
    accept it."""
    import tomllib

    from packaging.requirements import Requirement
    from packaging.version import Version

    pyproject = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())
    rich = next(Requirement(line) for line in pyproject["project"]["dependencies"]
                if Requirement(line).name == "rich")
    first = Version(FIRST_RICH_WITH_TABLE)
    assert not rich.specifier.contains(Version("14.2.0"))
    assert all(not rich.specifier.contains(v) or v >= first
               for v in map(Version, ["13.9.4", "14.0.0", "14.1.0", "14.2.0", "14.3.0"]))
    assert rich.specifier.contains(first)


def _claim(cid: str, text: str, numbers: list[float], names: list[str]) -> Claim:
    fp = Fingerprint(
        numbers=[Quantity(value=v, text=f"{v:g}") for v in numbers],
        names=[Name(text=n, skeleton=n.lower()[:3], latin=True) for n in names],
    )
    return Claim(id=cid, doc=cid, index=0, text=text, start=0, end=len(text), fingerprint=fp)


def test_marks_tell_shared_from_differing() -> None:
    tr = _claim("tr", "Tesla spent 10 on 29000 chips", [10, 29000], ["Tesla"])
    fr = _claim("fr", "Tesla a dépensé 10 pour 25000 puces", [10, 25000], ["Tesla"])
    marks = claim_marks(tr, [fr])
    assert [(tr.text[s:e], m) for s, e, m in marks] == [
        ("Tesla", "shared"), ("10", "shared"), ("29000", "differs")]
    assert [m for *_, m in claim_marks(tr, [])] == ["plain"] * 3


def test_a_figure_read_without_invisible_characters_is_highlighted_where_drawn() -> None:
    """The engine quotes "12 ألف" and "Zelensky" where the claim writes "12 ألـف" (a tatweel)
    and "Zelen\u00adsky" (a soft hyphen): each is still found, in the text as drawn (the
    soft hyphen gone, the tatweel kept) and in the claim's own text, its span covering the
    characters the engine left out."""
    from crossfact.fingerprint import fingerprint_story
    from crossfact.models import Document

    text = "نشر \u200e12\u200e ألـف جندي مع \u2066Zelen\u00adsky\u2069 في خاركيف."
    doc = Document(id="d", path="ar", lang="ar", title="", text=text)
    (claim,) = fingerprint_story([doc], [Claim(id="c", doc="d", index=0, text=text, start=0,
                                               end=len(text))])
    assert [q.text for q in claim.fingerprint.numbers] == ["12 ألف"]
    shown, _ = display_form(text)
    assert [shown[s:e] for s, e, _ in claim_marks(claim, [], shown)] == [
        "12\u200e ألـف", "Zelensky"]
    assert [text[s:e] for s, e, _ in claim_marks(claim, [])] == [
        "12\u200e ألـف", "Zelen\u00adsky"]


def test_keymap_file(tmp_path: Path) -> None:
    assert load_keymap(tmp_path / "absent.toml") == {}
    good = tmp_path / "keys.toml"
    good.write_text('verdict-agree = "1"\n[keys]\nundo = "z"\n')
    assert load_keymap(good) == {"undo": "z"}  # a [keys] table wins when present
    good.write_text('verdict-agree = "1"\nundo = "ctrl+z,z"\n')
    assert load_keymap(good) == {"verdict-agree": "1", "undo": "ctrl+z,z"}
    bad = tmp_path / "bad.toml"
    bad.write_text('verdict-agre = "1"\n')
    with pytest.raises(CrossfactError, match="unknown binding 'verdict-agre'"):
        load_keymap(bad)
    bad.write_text("verdict-agree = [")
    with pytest.raises(CrossfactError, match="cannot read key config"):
        load_keymap(bad)
    assert {"verdict-agree", "verdict-conflict", "verdict-unsourced", "undo", "note", "skip",
            "search", "filter", "help", "quit", "claim-move", "claim-split", "link-confirm",
            "link-break", "outliers", "toggle-bidi"} <= binding_ids()


class CountingStore(FakeStore):
    def __init__(self) -> None:
        super().__init__()
        self.fetched = 0

    def matches(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        rows = super().matches(*args, **kwargs)
        self.fetched += len(rows)
        return rows


def test_pager_reads_pages_not_the_story() -> None:
    store = CountingStore()
    story = store.add_story("big", make_result(3000), {})
    pager = MatchPager(store, story, "ana")
    assert pager.count == 3000
    assert pager.row(2500).id == "m2500"
    assert pager.index_of("m1777", 1778) == 1777
    assert store.fetched <= 8 * MatchPager.PAGE  # binary search: a few pages, not 3000 rows
    pager.set_view("conflicts", None)
    assert pager.row(0).id == "m1" and pager.count == 1000


def test_the_list_marks_take_one_cell_and_keep_the_columns_in_place() -> None:
    """The mark column (tui/widgets/match_list.py) is one cell whatever it shows: a mark two
    cells wide in some terminals ("✎", an emoji) pushed the language columns out of line
    under the header. Each mark is ASCII, distinct, and not mirrored in right-to-left text."""
    from crossfact.store import MatchRow
    from crossfact.tui.widgets.match_list import MARKS, header_line, row_mark, row_prefix

    assert len(set(MARKS.values())) == len(MARKS)
    for mark in MARKS.values():
        assert mark.isascii() and cell_len(mark) == 1 and not mark.isalnum()
        assert not unicodedata.mirrored(mark)
    langs = ["tr", "ar"]
    row = MatchRow(id="m", position=11, langs=langs, suggestion="agree", score=1.0,
                   verdict=None, gist="g")
    shown = {
        (False, False, False): " ", (True, False, False): "!", (False, True, False): "*",
        (False, False, True): "-", (True, True, True): "!", (False, True, True): "*",
    }
    for (drafted, noted, skipped), mark in shown.items():
        marked = row.model_copy(update={"noted": noted, "skipped": skipped})
        assert row_mark(marked, drafted) == mark
        prefix = row_prefix(marked, langs, drafted)
        assert prefix == f"   12 a · {mark} tr ar  "
        assert cell_len(prefix) == header_line(langs).index("claim")
    assert header_line(langs).split()[:4] == ["#", "s", "v", "m"]
