"""Issue 13, injection: the one sanitiser, and the TUI's lines built from imported data."""

from __future__ import annotations

from crossfact.store.views import MatchRow
from crossfact.terminal import for_stream, message, show_controls, strip_controls
from crossfact.tui.widgets.match_list import header_line, row_prefix

OSC52 = "\x1b]52;c;cHduZWQ=\x07"
TITLE = "\x1b]0;pwned\x1b\\"
C1_CSI = "\x9b31m"


def test_messages_show_every_control_and_stay_one_line() -> None:
    shown = message(f"a{OSC52}b\n{TITLE}\u202e\udcff")
    assert "\x1b" not in shown and "\x07" not in shown and "\n" not in shown
    assert shown == "a\\x1b]52;c;cHduZWQ=\\x07b \\x1b]0;pwned\\x1b\\\\u202e\\xff"


def test_display_text_loses_escapes_and_keeps_the_words() -> None:
    assert strip_controls(f"x{OSC52}y{TITLE}z{C1_CSI}w") == "xyzw"
    assert show_controls("tab\tand\nnewline") == "tab\tand\nnewline"


class Tty:
    def isatty(self) -> bool:
        return True


def test_a_stream_is_cleaned_only_when_it_is_a_terminal() -> None:
    assert for_stream(OSC52 + "x", Tty()) == "x"  # type: ignore[arg-type]
    assert for_stream(OSC52 + "x", None) == OSC52 + "x"


def test_the_match_list_shows_a_hostile_language_code_as_text() -> None:
    langs = ["tr", f"x{OSC52}"]
    row = MatchRow(id="m", position=0, langs=langs, suggestion="agree", score=1.0,
                   verdict=None, gist="g")
    for line in (header_line(langs), row_prefix(row, langs)):
        assert "\x1b" not in line and "\x07" not in line


def test_text_without_a_control_is_not_scanned_for_escapes(monkeypatch) -> None:
    """Every escape sequence opens with a control, so one search settles a clean claim (the
    fingerprinting of a long story blanks every claim); one with an escape is blanked to
    the same length."""
    from crossfact import terminal

    scans = []

    class Counting:
        def sub(self, repl, text):  # noqa: ANN001, ANN201
            scans.append(text)
            return real.sub(repl, text)

    real = terminal._ESCAPES
    monkeypatch.setattr(terminal, "_ESCAPES", Counting())
    assert terminal.blank_controls("50 km north of Derna") == "50 km north of Derna"
    assert scans == []
    assert terminal.blank_controls("a \x1b[31m31\x9b2J b") == "a      31    b"
    assert len(scans) == 1


def test_the_compared_text_still_blanks_every_escape() -> None:
    """The engine's copy of a claim (`compared`) takes the invisible characters out before it
    blanks the escapes: a zero-width space inside an escape sequence does not hide it from
    the blanking ("\\x1b\\u200b[31m12" is not read as 31 and 12), and the bidi overrides
    and isolates, once blanked, are taken out with the other invisible characters."""
    from crossfact.terminal import compared

    assert compared("a \x1b[31m31\x9b2J b") == "a      31    b"
    assert compared(f"\x1b\u200b[31m12{OSC52}") == " " * 5 + "12" + " " * len(OSC52)
    assert compared("spoof \u202eevil\u202c, \u206612\u2069 ألـف") == "spoof evil, 12 ألف"
    assert compared("lone \udcff") == "lone  "


def test_what_is_drawn_keeps_no_control_and_no_soft_hyphen() -> None:
    """`one_line` (tables, list rows) and the TUI's claims draw no soft hyphen (terminals
    show it as a stray hyphen), nor zero-width spaces or BOMs; they keep the marks that
    order a right-to-left line and the joiners that shape a letter, and the tatweel, which
    is seen; the overrides and escapes stay out."""
    from crossfact.terminal import one_line, unshown

    raw = f"Zelen\u00adsky 12,\u200b000\ufeff র\u200d্যাব \u200e12\u200e مـليار\u202e{OSC52}"
    drawn = "Zelensky 12,000 র\u200d্যাব \u200e12\u200e مـليار"
    assert unshown(raw) == one_line(raw) == drawn
