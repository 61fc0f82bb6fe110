"""What the mutation run of io/ of 2026-12-02 found no test for (docs/testing.md).

Each test pins one behaviour a surviving mutant changed, with exact values: the console's
plain mode, capture, terminal detection and words wrapped at the width; `Marks`; the guarded
streams' replacements and silencing, the descriptors reopened at start and the null stdout;
the round trip's width (a long answer was folded, a bug); reads bounded one byte past the
limit; a file put in place where rename never replaces; yamldump's layout at 80 columns and
its plain values; yamlio's aliases, depth, separator count and long integers.
"""

from __future__ import annotations

import datetime as dt
import errno
import io
import os
from pathlib import Path
from typing import Any

import pytest

from coopwizard.core.errors import InvalidYamlError, UnreadableFileError
from coopwizard.i18n import say
from coopwizard.io import console, streams, textio
from coopwizard.io.markup import Marks
from coopwizard.io.roundtrip import dump_round_trip, load_round_trip
from coopwizard.io.yamldump import dump_yaml
from coopwizard.io.yamlio import load_yaml
from tests.helpers import french

# --- console ---------------------------------------------------------------------------------


def test_plain_mode_makes_no_stream_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(console, "_plain_text", False)  # put back after the test
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    assert console.is_terminal(io.StringIO()) is True
    console.use_plain_text()
    assert console._plain_text is True
    assert console.is_terminal(io.StringIO()) is False


class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_a_dumb_terminal_is_no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "dumb")
    assert console.is_terminal(_Stream(True)) is False
    monkeypatch.setenv("TERM", "xterm-256color")
    assert console.is_terminal(_Stream(True)) is True


def test_with_no_variable_the_stream_says_whether_it_is_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TERM")
    assert console.is_terminal(_Stream(True)) is True
    assert console.is_terminal(_Stream(False)) is False
    assert console.is_terminal(object()) is False  # type: ignore[arg-type]  # no isatty at all


def test_capture_gives_what_the_console_would_print() -> None:
    from rich.console import Console

    assert console.capture(Console(width=20, color_system=None), "[bold]Fête[/bold] du quartier") == (
        "Fête du quartier\n"
    )


@pytest.mark.parametrize(
    ("text", "width", "wrapped"),
    [
        ("ab ", 3, "ab "),  # as long as the width: kept as it is, its last space too
        ("  ab", 4, "  ab"),  # an indent of half the width kept when the line fits
        ("aaa bbb ccc\u202f", 8, "aaa bbb\nccc\u202f"),  # only ASCII spaces are stripped around a line
        ("\u00a0aaa bbb ccc", 8, "\u00a0aaa bbb\nccc"),
    ],
)
def test_a_line_that_fits_is_kept_and_only_spaces_are_stripped(text: str, width: int, wrapped: str) -> None:
    assert console.wrap_words(text, width) == wrapped


def test_a_closing_tag_that_matches_no_open_one_closes_nothing() -> None:
    """Rich refuses such markup; the terminal's reading leaves the open style on to the end."""
    from rich.text import Span

    text = console.rich_text("[bold]x[/italic]y")
    assert (text.plain, text.spans) == ("xy", [Span(0, 2, "bold")])
    text = console.rich_text("[bold]a[italic]b[/underline]c[/bold]d")
    assert (text.plain, text.spans) == ("abcd", [Span(0, 3, "bold"), Span(1, 4, "italic")])


def test_a_heading_on_two_columns_is_its_ellipsis_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "2")
    stream = io.StringIO()
    console.write_line(stream, "Projet", rule=True)
    assert stream.getvalue() == "… \n"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_markup_is_drawn_by_rich_on_a_stream_that_is_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """No variable decides (TERM unset): the stream itself says it is a terminal."""
    monkeypatch.delenv("TERM")
    terminal = _Terminal()
    monkeypatch.setattr("sys.stdout", terminal)
    console.emit("[bold]x[/bold] y")
    assert terminal.getvalue() == "\x1b[1mx\x1b[0m y\n"  # NO_COLOR keeps the emphasis


# --- markup ----------------------------------------------------------------------------------


def test_a_new_marks_writes_markup_or_not_as_asked() -> None:
    assert Marks(True).markup is True and Marks(False).markup is False
    assert Marks(True).text("[b]x") == "\\[b]x"
    assert Marks(True).styled("bold", "x") == "[bold]x[/]"
    assert Marks(True).bracketed("error") == "\\[error]"
    assert Marks(False).text("[b]x") == "[b]x"
    assert Marks(False).styled("bold", "x") == "x"


# --- streams ---------------------------------------------------------------------------------


def test_stdout_on_a_descriptor_replaces_what_utf8_cannot_write(tmp_path: Path) -> None:
    with open(tmp_path / "out.txt", "w", encoding="utf-8") as stream:
        streams.GuardedOutput(stream, "stdout").write("a\ud800b\n")  # a lone surrogate
    assert (tmp_path / "out.txt").read_bytes() == b"a?b\n"


def test_stdout_with_bytes_but_no_descriptor_replaces_what_utf8_cannot_write() -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="utf-8")  # its fileno() raises: no descriptor
    streams.GuardedOutput(stream, "stdout").write("a\ud800b\n")
    assert raw.getvalue() == b"a?b\n"


def test_a_stderr_that_cannot_be_written_to_is_silenced(monkeypatch: pytest.MonkeyPatch) -> None:
    class FailingWrite(io.StringIO):
        def write(self, text: str) -> int:
            raise OSError(errno.EIO, "I/O error")

    silenced: list[object] = []
    monkeypatch.setattr(streams, "silence", silenced.append)
    stream = FailingWrite()
    assert streams.GuardedOutput(stream, "stderr").write("message\n") == len("message\n")
    assert silenced == [stream]


def test_a_stderr_that_cannot_be_flushed_is_silenced(monkeypatch: pytest.MonkeyPatch) -> None:
    class FailingFlush(io.StringIO):
        def flush(self) -> None:
            raise OSError(errno.EIO, "I/O error")

    silenced: list[object] = []
    monkeypatch.setattr(streams, "silence", silenced.append)
    stream = FailingFlush()
    streams.GuardedOutput(stream, "stderr").flush()
    assert silenced == [stream]


# --- streams: the descriptors at start --------------------------------------------------------


def test_stdout_on_the_null_device_is_known(monkeypatch: pytest.MonkeyPatch) -> None:
    saved = os.dup(1)
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, 1)
        assert streams.stdout_is_null() is True
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(null)
    assert streams.stdout_is_null() is False  # pytest's capture file, or a terminal


@pytest.mark.parametrize("error", [OSError(errno.EBADF, "Bad file descriptor"), ValueError("closed")])
def test_a_stdout_that_cannot_be_looked_at_is_not_the_null_device(
    error: Exception, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fstat(fd: int) -> Any:
        raise error

    with monkeypatch.context() as patched:  # os.fstat is pytest's too: put back before the teardown
        patched.setattr(streams.os, "fstat", fstat)
        null = streams.stdout_is_null()
    assert null is False


class _Descriptors:
    """os.fstat, os.open, os.dup2 and os.close on pretend descriptors: `closed` are closed at start."""

    def __init__(self, closed: set[int], opened: list[int]) -> None:
        self.closed = closed
        self.opened = opened  # what each os.open gives, in turn
        self.calls: list[tuple[Any, ...]] = []

    def fstat(self, fd: int) -> None:
        self.calls.append(("fstat", fd))
        if fd in self.closed:
            raise OSError(errno.EBADF, "Bad file descriptor")

    def open(self, name: str, flags: int, *mode: int) -> int:
        self.calls.append(("open", name, flags))
        if not self.opened:
            raise OSError(errno.EMFILE, "Too many open files")
        fd = self.opened.pop(0)
        self.closed.discard(fd)
        return fd

    def dup2(self, fd: int, fd2: int) -> None:
        self.calls.append(("dup2", fd, fd2))

    def close(self, fd: int) -> None:
        self.calls.append(("close", fd))


def reopened(monkeypatch: pytest.MonkeyPatch, closed: set[int], opened: list[int]) -> list[tuple[Any, ...]]:
    """The calls `reopen_closed_descriptors` makes (the os functions put back at once: pytest needs them)."""
    fake = _Descriptors(closed, opened)
    with monkeypatch.context() as patched:
        for name in ("fstat", "open", "dup2", "close"):
            patched.setattr(streams.os, name, getattr(fake, name))
        streams.reopen_closed_descriptors()
    return fake.calls


def test_descriptors_closed_at_start_are_opened_on_the_null_device(monkeypatch: pytest.MonkeyPatch) -> None:
    assert reopened(monkeypatch, closed={1, 2}, opened=[7, 8]) == [
        ("fstat", 0),
        ("fstat", 1),
        ("open", os.devnull, os.O_RDWR),
        ("dup2", 7, 1),
        ("close", 7),
        ("fstat", 2),
        ("open", os.devnull, os.O_RDWR),
        ("dup2", 8, 2),
        ("close", 8),
    ]


def test_the_null_device_opened_at_the_closed_number_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """The system gives the lowest free number: opening on a closed 0 gives 0 itself, nothing to move."""
    calls = reopened(monkeypatch, closed={0}, opened=[0])
    assert calls == [("fstat", 0), ("open", os.devnull, os.O_RDWR), ("fstat", 1), ("fstat", 2)]


def test_no_null_device_to_open_leaves_the_descriptors_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    assert reopened(monkeypatch, closed={0, 1}, opened=[]) == [("fstat", 0), ("open", os.devnull, os.O_RDWR)]


def test_open_descriptors_are_left_as_they_are(monkeypatch: pytest.MonkeyPatch) -> None:
    assert reopened(monkeypatch, closed=set(), opened=[]) == [("fstat", 0), ("fstat", 1), ("fstat", 2)]


# --- roundtrip -------------------------------------------------------------------------------


def test_an_answer_longer_than_4096_characters_stays_on_one_line() -> None:
    """ruamel.yaml folds a plain scalar past its width, leaving a space at the end of the line (yamllint refuses it)."""
    rt, document = load_round_trip("a: 1\n", "s.yaml")
    long = " ".join(["mot"] * 3000)  # 11,999 characters
    document["b"] = long
    text = dump_round_trip(rt, document)
    assert text == f"a: 1\nb: {long}\n"
    assert load_round_trip(text, "s.yaml")[1]["b"] == long


# --- textio ----------------------------------------------------------------------------------


class _Endless:
    """A binary stream that never ends, counting what was read from it (and failing far past the limit)."""

    def __init__(self) -> None:
        self.read_bytes = 0

    def read(self, size: int = -1) -> bytes:
        self.read_bytes += size
        assert self.read_bytes <= 2 * textio.MAX_BYTES, "read far past the limit"
        return b"a" * size


def test_a_bounded_read_stops_at_the_limit_across_chunks() -> None:
    assert textio.read_bounded(io.BytesIO(b"a" * 200_000), 100_000) == b"a" * 100_000
    assert textio.read_bounded(io.BytesIO(b"abc"), 100_000) == b"abc"


def test_standard_input_is_read_one_byte_past_the_limit_no_more(monkeypatch: pytest.MonkeyPatch) -> None:
    buffer = _Endless()
    monkeypatch.setattr("sys.stdin", type("Stdin", (), {"buffer": buffer})())
    with pytest.raises(UnreadableFileError) as raised:
        textio.read_source("-")
    assert (raised.value.key, raised.value.params) == ("file.too_big", {"file": "<stdin>", "limit": 5})
    assert buffer.read_bytes == textio.MAX_BYTES + 1


def test_a_file_is_read_one_byte_past_the_limit_no_more(monkeypatch: pytest.MonkeyPatch) -> None:
    handle = _Endless()

    class Opened:
        def __enter__(self) -> _Endless:
            return handle

        def __exit__(self, *exc: object) -> None:
            return None

    monkeypatch.setattr("coopwizard.io.textio.open", lambda name, mode: Opened(), raising=False)
    with pytest.raises(UnreadableFileError) as raised:
        textio.read_source("big.yaml")
    assert (raised.value.key, raised.value.params) == ("file.too_big", {"file": "big.yaml", "limit": 5})
    assert handle.read_bytes == textio.MAX_BYTES + 1


def test_where_rename_never_replaces_a_new_file_is_renamed_into_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(src: object, dst: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    renamed: list[tuple[Path, Path]] = []
    rename = os.rename

    def recorded(src: Path, dst: Path) -> None:
        renamed.append((Path(src).parent, Path(dst)))
        rename(src, dst)

    monkeypatch.setattr(textio.os, "link", no_links)
    monkeypatch.setattr(textio, "RENAME_NEVER_REPLACES", True)
    monkeypatch.setattr(textio.os, "rename", recorded)
    target = tmp_path / "s.md"
    textio.write_atomic(target, "x\n", overwrite=False)
    assert target.read_text(encoding="utf-8") == "x\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.md"]
    assert renamed == [(tmp_path, target)]


# --- yamldump --------------------------------------------------------------------------------


def test_every_plain_value_is_written_as_every_reader_reads_it() -> None:
    data = {
        "oui": True,
        "non": False,
        "n": 3,
        "grand": 1e16,
        "petit": 1.5e-07,
        "demi": 2.5,
        "jour": dt.date(2026, 12, 1),
        "moment": dt.datetime(2026, 12, 1, 10, 30),
        "vide": {},
        "aucun": [],
        "rien": None,
        1: "un",
        False: "faux",
    }
    text = dump_yaml(data)
    assert text == (
        '---\noui: true\nnon: false\n"n": 3\ngrand: 1.0e+16\npetit: 1.5e-07\ndemi: 2.5\njour: 2026-12-01\n'
        "moment: 2026-12-01 10:30:00\nvide: {}\naucun: []\nrien: null\n1: un\nfalse: faux\n"
    )
    assert load_yaml(text, "s.yaml").data == data


def test_what_is_no_plain_data_is_refused_by_its_type() -> None:
    with pytest.raises(TypeError) as raised:
        dump_yaml({"a": object()})
    assert str(raised.value) == "cannot write object as YAML"


def test_an_empty_line_of_a_literal_block_has_no_indent() -> None:
    """yamllint refuses trailing spaces: the empty line is empty."""
    assert dump_yaml({"a": "x\n\ny"}) == "---\na: |-\n  x\n\n  y\n"


@pytest.mark.parametrize(("text", "quoted"), [("\tx\ny", '"\\tx\\n\\\n  y"'), (" x\ny", '" x\\n\\\n  y"')])
def test_text_starting_with_a_tab_or_a_space_is_no_block(text: str, quoted: str) -> None:
    assert dump_yaml({"a": text}) == f"---\na: {quoted}\n"


def test_a_control_character_is_escaped_in_its_shortest_form() -> None:
    assert dump_yaml({"a": "x\x01y\x7f\ufeff"}) == '---\na: "x\\x01y\\x7f\\ufeff"\n'


@pytest.mark.parametrize(
    ("text", "written"),
    [
        (
            "#d  a ee  d d ee ee ccc a ee ccc ffff ffff d ccc  ccc ee  d a a  ffff ee  ccc ffff ffff bb bb ee"
            "  a ccc  a ee ffff ee ee ee d xy z",
            '"#d  a ee  d d ee ee ccc a ee ccc ffff ffff d ccc  ccc ee  d a a  ffff\n'
            '  ee  ccc ffff ffff bb bb ee  a ccc  a ee ffff ee ee ee d xy z"',
        ),
        (
            "#d  ccc  bb  a  ffff bb a ccc ffff ffff a ee a ee d  ee bb ccc d ccc  d xy z",
            '"#d  ccc  bb  a  ffff bb a ccc ffff ffff a ee a ee d  ee bb ccc d ccc  d xy\n  z"',
        ),
    ],
)
def test_quoted_text_is_folded_only_at_single_spaces(text: str, written: str) -> None:
    """Two spaces in a row stay on their line; the space before the last word is a fold too."""
    yaml_text = dump_yaml({"k": text})
    assert yaml_text == f"---\nk: {written}\n"
    assert load_yaml(yaml_text, "s.yaml").data == {"k": text}


@pytest.mark.parametrize(
    ("data", "written"),
    [
        ({"k": "y" * 77}, "k: " + "y" * 77),  # 80 columns: the word stays after its key
        ({"k": "a" * 75 + " b"}, "k: " + "a" * 75 + " b"),  # a fold only past 80 columns
        ({"k": "a -b"}, "k: a -b"),  # a word starting with an indicator stays with the one before
        ({"k": "a" * 76 + " ...z"}, 'k: "' + "a" * 75 + '\\\n  a ...z"'),  # never "..." first on a line
        ({"k": "#" + "y" * 100}, 'k: "#' + "y" * 74 + "\\\n  " + "y" * 26 + '"'),  # cut at 80 with its "\\"
        ({"k": "X  " + "y" * 80}, 'k: "X  ' + "y" * 72 + "\\\n  " + "y" * 8 + '"'),  # two spaces are no fold
        ({"k": " a\nb"}, 'k: " a\\n\\\n  b"'),  # a line break before the last character
        ({"k": " a\n"}, 'k: " a\\n"'),  # a final line break: nothing after it
        ({"k": ["y" * 90]}, "k:\n  - " + "y" * 90),  # one word in a list may pass 80
    ],
)
def test_text_is_laid_out_within_80_columns(data: dict[str, Any], written: str) -> None:
    text = dump_yaml(data)
    assert text == f"---\n{written}\n"
    assert load_yaml(text, "s.yaml").data == data


@pytest.mark.parametrize(
    ("depth", "tail"),
    [
        (38, [(74, 'k: "#\\'), (76, "\\L\\"), (76, "\\L\\"), (76, '\\L"')]),
        (39, [(76, 'k: "\\'), (78, "#\\L\\"), (78, "\\L\\"), (78, '\\L"')]),
    ],
)
def test_deep_down_an_escape_is_cut_only_after_a_character_of_its_line(depth: int, tail: list[tuple[int, str]]) -> None:
    """Near 80 columns of indentation a quoted text is cut after each unit: never before the first one of a line."""
    data: Any = "#\u2028\u2028\u2028"
    for _ in range(depth):
        data = {"k": data}
    text = dump_yaml(data)
    assert [(len(line) - len(line.lstrip(" ")), line.lstrip(" ")) for line in text.splitlines()[-4:]] == tail
    assert load_yaml(text, "s.yaml").data == data


def test_text_ending_with_a_colon_is_quoted() -> None:
    assert dump_yaml({"k": "note:"}) == '---\nk: "note:"\n'


def test_a_document_that_is_a_list_or_a_scalar() -> None:
    assert dump_yaml(["a", ["b", "c"], []], comment="# une liste") == "---\n# une liste\n- a\n-\n  - b\n  - c\n- []\n"
    assert dump_yaml("fête", document_start=False) == "fête\n"
    assert dump_yaml(" ".join(["mot"] * 25)) == "---\n" + " ".join(["mot"] * 20) + "\n" + " ".join(["mot"] * 5) + "\n"


def test_special_floats_are_written_in_yaml_s_lower_case() -> None:
    data = {"a": float("nan"), "b": [float("inf"), float("-inf")]}
    assert dump_yaml(data) == "---\na: .nan\nb:\n  - .inf\n  - -.inf\n"


def test_a_literal_block_line_may_take_the_whole_width() -> None:
    """80 columns with its indent is a literal block; 81 is folded (one word, which cannot fold, stays whole)."""
    assert dump_yaml({"a": "x" * 78 + "\nb"}) == f"---\na: |-\n  {'x' * 78}\n  b\n"
    assert dump_yaml({"a": "x" * 79 + "\nb"}) == f"---\na: >-\n  {'x' * 79}\n\n  b\n"


LONG = " ".join(["mot"] * 25)  # 99 characters: no literal block, folded if it can be
FOLDED = "mot mot mot mot mot mot mot mot mot mot mot mot mot mot mot mot mot mot mot\n  mot mot mot mot mot mot"


@pytest.mark.parametrize(
    ("second", "quoted"),
    [(" b", "\\ b"), ("x\ty", "x\\ty"), ("\tx", "\\tx")],
)
def test_a_line_starting_with_a_space_or_holding_a_tab_is_never_folded(second: str, quoted: str) -> None:
    """A more-indented line would keep its line breaks in a folded block, a tab too: double quotes instead."""
    text = dump_yaml({"a": f"{LONG}\n{second}"})
    assert text == f'---\na: "{FOLDED}\\n\\\n  {quoted}"\n'
    assert load_yaml(text, "s.yaml").data == {"a": f"{LONG}\n{second}"}


def test_an_empty_line_in_a_folded_block_is_one_more_empty_line() -> None:
    text = dump_yaml({"a": f"{LONG}\n\nsuite"})
    assert text == f"---\na: >-\n  {FOLDED}\n\n\n  suite\n"
    assert load_yaml(text, "s.yaml").data == {"a": f"{LONG}\n\nsuite"}


# --- yamlio ----------------------------------------------------------------------------------


def test_an_alias_is_the_very_value_of_its_anchor_built_once() -> None:
    data = load_yaml("a: &x [1, {b: 2}]\nc: *x\nd: *x\n", "s.yaml").data
    assert data == {"a": [1, {"b": 2}], "c": [1, {"b": 2}], "d": [1, {"b": 2}]}
    assert data["c"] is data["a"] and data["d"] is data["a"]


def test_an_empty_collection_past_the_depth_is_refused_at_its_line() -> None:
    """The deepest node is a collection, not a scalar: its own depth is checked."""
    assert load_yaml("x:\n  " + "[" * 63 + "]" * 63, "s.yaml").data["x"] is not None
    with pytest.raises(InvalidYamlError) as raised:
        load_yaml("x:\n  " + "[" * 64 + "]" * 64, "s.yaml")
    err = raised.value
    assert (err.key, err.params) == ("yaml.too_deep_at", {"file": "s.yaml", "line": 2, "limit": 64})
    assert say(err, "en") == "s.yaml:2: nested too deep (more than 64 levels)."
    assert say(err, "fr") == french("s.yaml:2 : imbrication trop profonde (plus de 64 niveaux).")


def test_as_many_separators_as_the_limit_allows_are_read() -> None:
    """Twice MAX_NODES separators pass the quick count (only one more is refused there)."""
    assert load_yaml("a: 1" + "\n" * 199_999, "s.yaml").data == {"a": 1}


def test_an_integer_of_100_digits_or_more_stays_text() -> None:
    assert load_yaml("a: " + "1" * 99, "s.yaml").data == {"a": int("1" * 99)}
    assert load_yaml("a: " + "1" * 100, "s.yaml").data == {"a": "1" * 100}
