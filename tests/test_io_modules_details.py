"""The smaller io modules, case by case: JSON answers, front matter, visible text, the round trip.

Written for the mutation run of io/ (docs/testing.md; tests/test_io_details.py holds the
earlier run's tests): jsonio's choice of reader and its limits, frontmatter's fences,
visible's escapes, roundtrip's layout, with exact values and messages (English and French).
"""

from __future__ import annotations

import errno
import io
from pathlib import Path
from typing import Any

import pytest

from coopwizard.core.errors import InvalidSheetError, InvalidYamlError
from coopwizard.i18n import say
from coopwizard.io.frontmatter import join_front_matter, looks_like_markdown, split_front_matter
from coopwizard.io.jsonio import load_data, looks_like_json
from coopwizard.io.roundtrip import dump_round_trip, load_round_trip
from coopwizard.io.visible import describe_control, json_visible, visible
from coopwizard.io.yamlio import MAX_DEPTH, MAX_NODES
from tests.helpers import french


def json_refusal(text: str, source: str = "a.json", offset: int = 0) -> InvalidYamlError:
    with pytest.raises(InvalidYamlError) as raised:
        load_data(text, source, offset)
    return raised.value


# --- jsonio ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("a.json", "x: 1", True),
        ("A.JSON", "x: 1", True),
        ("a.yaml", '  \n {"x": 1}', True),
        ("-", "{x: 1}", True),
        ("a.yaml", "x: {a: 1}", False),
        ("a.yaml", "[1]", False),
        ("a.json.yaml", "x: 1", False),
    ],
)
def test_json_is_known_by_its_name_or_its_first_brace(name: str, text: str, expected: bool) -> None:
    assert looks_like_json(name, text) is expected


def test_json_text_is_read_as_json() -> None:
    """Raw U+2028 and DEL are fine in JSON, which YAML would refuse."""
    assert load_data('{"a": "x\u2028y\x7f", "b": [1, 2.5, true, null]}', "a.json") == {
        "a": "x\u2028y\x7f",
        "b": [1, 2.5, True, None],
    }
    assert load_data('{"a": "x\u2028y"}', "<stdin>") == {"a": "x\u2028y"}


def test_other_text_is_read_as_yaml_with_its_line_offset() -> None:
    assert load_data("a: 1\nb: [x]\n", "a.yaml") == {"a": 1, "b": ["x"]}
    with pytest.raises(InvalidYamlError) as raised:
        load_data("a: 1\na: 2\n", "a.md", 3)
    assert raised.value.params == {"file": "a.md", "line": 5, "name": "a"}


def test_a_brace_that_starts_no_json_is_a_yaml_flow_mapping() -> None:
    assert load_data("{title: x, n: 2}", "<stdin>") == {"title": "x", "n": 2}
    with pytest.raises(InvalidYamlError) as raised:
        load_data("{title: x\n", "<stdin>", 2)
    assert raised.value.key == "yaml.syntax"
    assert (raised.value.params["file"], raised.value.params["line"]) == ("<stdin>", 4)


def test_lines_are_counted_from_the_first_unless_told() -> None:
    with pytest.raises(InvalidYamlError) as raised:
        load_data('{"a": 1,}', "a.json")
    assert raised.value.params["line"] == 1
    with pytest.raises(InvalidYamlError) as raised:
        load_data("a: 1\na: 2\n", "a.yaml")
    assert raised.value.params["line"] == 2


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ('{"a": 1,}', 1, 9),
        ('{\n  "a": 1,\n}', 3, 1),
        ("{title: x}", 1, 2),
        ("a: 1", 1, 1),
    ],
)
def test_bad_json_in_a_json_file_is_said_at_its_line_and_column(text: str, line: int, column: int) -> None:
    err = json_refusal(text, "a.json", 2)
    assert (err.key, err.params) == ("json.syntax", {"file": "a.json", "line": line + 2, "column": column})
    assert (say(err, "en"), say(err, "fr")) == (
        f"a.json:{line + 2}:{column}: invalid JSON; check the commas, quotes and brackets there.",
        french(
            f"a.json:{line + 2}:{column} : JSON invalide ; vérifiez les virgules, guillemets et crochets à cet endroit."
        ),
    )


def test_an_integer_of_thousands_of_digits_is_bad_json_at_the_start() -> None:
    err = json_refusal('{"a": ' + "1" * 5000 + "}", "a.json", 4)
    assert (err.key, err.params) == ("json.syntax", {"file": "a.json", "line": 5, "column": 1})


@pytest.mark.parametrize("source", ["a.json", "<stdin>"])
def test_a_key_given_twice_in_json_is_refused(source: str) -> None:
    err = json_refusal('{"a": {"b": 1, "c": 2, "b": 3}}', source)
    assert (err.key, err.params) == ("json.duplicate_key", {"file": source, "name": "b"})
    assert (say(err, "en"), say(err, "fr")) == (
        f'{source}: the key "b" appears twice; keep only one.',
        french(f"{source} : la clé « b » apparaît deux fois ; n'en gardez qu'une."),
    )


def test_json_nested_past_the_interpreter_s_recursion_is_too_deep() -> None:
    err = json_refusal("[" * 100_000 + "]" * 100_000)
    assert (err.key, err.params) == ("yaml.too_deep", {"file": "a.json", "limit": MAX_DEPTH})


@pytest.mark.parametrize(("open_", "close"), [("[", "]"), ('{"a": ', "}")])
def test_json_collections_are_nested_at_most_64_deep(open_: str, close: str) -> None:
    load_data(open_ * MAX_DEPTH + "1" + close * MAX_DEPTH, "a.json")
    err = json_refusal(open_ * (MAX_DEPTH + 1) + "1" + close * (MAX_DEPTH + 1))
    assert (err.key, err.params) == ("yaml.too_deep", {"file": "a.json", "limit": MAX_DEPTH})
    assert say(err, "en") == f"a.json: nested too deep (more than {MAX_DEPTH} levels)."


def test_json_holds_at_most_the_values_yaml_may() -> None:
    assert len(load_data("[" + ",".join(["1"] * (MAX_NODES - 1)) + "]", "a.json")) == MAX_NODES - 1
    err = json_refusal("[" + ",".join(["1"] * MAX_NODES) + "]")
    assert (err.key, err.params) == ("yaml.too_many_nodes", {"file": "a.json", "limit": MAX_NODES})
    nested = "[" + ",".join(["[1]"] * (MAX_NODES // 2)) + "]"  # 1 + 2 × 50,000 values
    assert json_refusal(nested).key == "yaml.too_many_nodes"


def test_values_inside_mappings_are_counted() -> None:
    pairs = (MAX_NODES - 2) // 2  # the mapping, its list, and [1] twice each: exactly MAX_NODES
    load_data('{"a": [' + ",".join(["[1]"] * pairs) + "]}", "a.json")
    assert json_refusal('{"a": [' + ",".join(["[1]"] * (pairs + 1)) + "]}").key == "yaml.too_many_nodes"


# --- frontmatter ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("s.md", "no fence", True),
        ("S.MARKDOWN", "", True),
        ("s.yaml", "---\na: 1\n---\n", False),
        ("s.YML", "---\na: 1\n---\n", False),
        ("s.json", "---\na: 1\n---\n", False),
        ("<stdin>", "---\na: 1\n---\n# x\n", True),
        ("<stdin>", "---\na: 1\n...\n", True),
        ("<stdin>", "---\na: 1\n---  \n", True),
        ("<stdin>", "---\na: 1\n", False),  # no closing fence: a YAML document start
        ("<stdin>", "--- \na: 1\n---\n", False),
        ("<stdin>", "a: 1\n---\n", False),
        ("<stdin>", "---\n", False),
        ("<stdin>", "---\ntitle: a --- b\n", False),  # a fence is a line of its own, not a word
    ],
)
def test_a_markdown_sheet_is_known_by_its_name_or_a_closed_fence(name: str, text: str, expected: bool) -> None:
    assert looks_like_markdown(name, text) is expected


@pytest.mark.parametrize(
    ("text", "front"),
    [
        ("---\na: 1\nb: 2\n---\n# Body\n---\n", "a: 1\nb: 2\n"),
        ("--- \na: 1\n...\nbody", "a: 1\n"),
        ("---\t\na: 1\n--- \n", "a: 1\n"),
        ("---\n---\n", "\n"),
        ("---\na: 1\n---", "a: 1\n"),
    ],
)
def test_the_front_matter_is_what_lies_between_the_fences(text: str, front: str) -> None:
    assert split_front_matter(text, "s.md") == (front, 1)


@pytest.mark.parametrize(
    ("text", "key", "english"),
    [
        (
            "# Title\n",
            "sheet.no_front_matter",
            'a Markdown sheet starts with a "---" line followed by the sheet in YAML.',
        ),
        ("", "sheet.no_front_matter", 'a Markdown sheet starts with a "---" line followed by the sheet in YAML.'),
        ("\n---\na: 1\n---\n", "sheet.no_front_matter", None),
        ("---\na: 1\n", "sheet.unclosed_front_matter", 'the YAML front matter is not closed by a "---" line.'),
        ("---", "sheet.unclosed_front_matter", None),
    ],
)
def test_a_front_matter_missing_or_unclosed(text: str, key: str, english: str | None) -> None:
    with pytest.raises(InvalidSheetError) as raised:
        split_front_matter(text, "s.md")
    assert (raised.value.key, raised.value.params) == (key, {"file": "s.md"})
    if english is not None:
        assert say(raised.value, "en") == f"s.md: {english}"


@pytest.mark.parametrize(
    ("yaml_text", "expected"),
    [
        ("a: 1\n", "---\na: 1\n---\n\n# Body\n"),
        ("---\na: 1\n", "---\na: 1\n---\n\n# Body\n"),
        ("---\n---\na: 1\n", "---\n---\na: 1\n---\n\n# Body\n"),  # only one document start is the fence
    ],
)
def test_front_matter_is_joined_with_one_opening_fence(yaml_text: str, expected: str) -> None:
    assert join_front_matter(yaml_text, "# Body\n") == expected


# --- visible -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a\tb\nc", "a\tb\nc"),
        ("\x1b[2J", "\\x1b[2J"),
        ("\x00\x08\x0b\x0c\r\x1f", "\\x00\\x08\\x0b\\x0c\\x0d\\x1f"),
        ("\x7f\x80\x85\x9f", "\\x7f\\x80\\x85\\x9f"),
        ("\u2028\u2029", "\\u2028\\u2029"),
        ("\xa0é\u202f«»\ufeff", "\xa0é\u202f«»\ufeff"),
        (" ~", " ~"),
    ],
)
def test_control_characters_are_shown_escaped(text: str, shown: str) -> None:
    assert visible(text) == shown


def test_json_keeps_its_data_and_escapes_what_would_be_raw() -> None:
    assert json_visible('{"a": "x\x7fy\x85\u2028\u2029\x9f", "b": "\\u001b\t"}') == (
        '{"a": "x\\u007fy\\u0085\\u2028\\u2029\\u009f", "b": "\\u001b\t"}'
    )
    import json

    assert json.loads(json_visible(json.dumps({"a": "\x7f\u2028"}, ensure_ascii=False))) == {"a": "\x7f\u2028"}


@pytest.mark.parametrize(
    ("char", "code"), [("\x1b", "U+001B"), ("\x00", "U+0000"), ("\u2028", "U+2028"), ("é", "U+00E9")]
)
def test_a_control_character_is_described_by_its_code(char: str, code: str) -> None:
    assert describe_control(char) == code


# --- roundtrip ---------------------------------------------------------------------------------


def round_trip(text: str, change: Any = None) -> str:
    rt, document = load_round_trip(text, "s.yaml")
    if change is not None:
        change(document)
    return dump_round_trip(rt, document)


@pytest.mark.parametrize(
    "text",
    [
        "# a comment\nb: 'quoted'  # kept\na: \"double\"\n",
        "---\na: 1\n",
        "\ufeff---\na: 1\n",
        "a:\n  - 1\n  - x: 2\n    y: 3\n",
        "a:\n- 1\n- 2\n",
        "a: [1, 2]\nb: {c: d}\n",
    ],
)
def test_a_file_read_and_written_back_is_unchanged(text: str) -> None:
    assert round_trip(text) == text.removeprefix("\ufeff")


def test_a_document_start_is_written_only_when_the_file_had_one() -> None:
    assert round_trip("a: 1\n", lambda d: d.update(b=2)) == "a: 1\nb: 2\n"
    assert round_trip("---\na: 1\n", lambda d: d.update(b=2)) == "---\na: 1\nb: 2\n"
    assert round_trip("\ufeff---\na: 1\n", lambda d: d.update(b=2)) == "---\na: 1\nb: 2\n"


@pytest.mark.parametrize(
    "head",
    ["# Fiche remplie par Karim pour le Club Ados, le 10 mai.\n", "# un\n\n  # deux\n", "\n#\n", "\ufeff# x\n"],
)
def test_comments_before_the_document_start_are_kept(head: str) -> None:
    """As docs/examples/fete-ados.yaml starts: `coop review` and `coop edit` kept neither the comment nor the ---."""
    text = head + "---\na: 1  # c\n"
    assert round_trip(text, lambda d: d.update(b=2)) == text.removeprefix("\ufeff") + "b: 2\n"


def test_a_new_list_follows_the_file_s_indentation_of_lists() -> None:
    indented = "a:\n  - 1\nb: 2\n"
    assert round_trip(indented, lambda d: d.update(c=[{"x": 1, "y": 2}])) == indented + "c:\n  - x: 1\n    y: 2\n"
    flush = "a:\n- 1\nb: 2\n"
    assert round_trip(flush, lambda d: d.update(c=[{"x": 1, "y": 2}])) == flush + "c:\n- x: 1\n  y: 2\n"
    nested = "a:\n  b:\n    - 1\n"
    assert round_trip(nested, lambda d: d.update(c=[1])) == nested + "c:\n  - 1\n"


def test_a_dash_in_a_comment_or_a_value_is_no_indented_list() -> None:
    text = "a:  # - not a list\n  b: 1\nc: x - y\n"
    assert round_trip(text, lambda d: d.update(e=[1])) == text + "e:\n- 1\n"


def test_only_a_byte_order_mark_is_ignored_before_the_document_start() -> None:
    assert round_trip("X---: 1\n", lambda d: d.update(b=2)) == "X---: 1\nb: 2\n"


def test_an_engine_made_elsewhere_writes_the_document_alone() -> None:
    from ruamel.yaml import YAML

    assert dump_round_trip(YAML(), {"a": 1}) == "a: 1\n"


def test_a_long_new_answer_stays_on_one_line() -> None:
    long = " ".join(["mot"] * 60)
    assert round_trip("a: 1\n", lambda d: d.update(b=long)) == f"a: 1\nb: {long}\n"


def test_a_file_that_cannot_be_read_back_is_said_with_the_reason() -> None:
    with pytest.raises(InvalidSheetError) as raised:
        load_round_trip("a: [1\nb: 2\n", "s.yaml")
    assert raised.value.key == "edit.cannot_round_trip"
    assert raised.value.params == {"file": "s.yaml", "reason": "while parsing a flow sequence"}
    assert say(raised.value, "en") == (
        "s.yaml: cannot be read back for editing (while parsing a flow sequence); "
        "fix the YAML, then run coop edit again."
    )


# --- markup ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("markup", "pieces"),
    [
        ("[b]x[/b]", [("b", "b"), ("x", None), ("/b", "/b")]),
        ("x[b]", [("x", None), ("b", "b")]),
        ("[b]", [("b", "b")]),
        ("", []),
        ("a\\[b]c", [("a", None), ("[b]", None), ("c", None)]),
        ("\\\\[b]", [("\\", None), ("b", "b")]),
    ],
)
def test_markup_reads_as_its_exact_pieces(markup: str, pieces: list[tuple[str, str | None]]) -> None:
    from coopwizard.io.markup import tokens

    assert tokens(markup) == pieces


# --- streams -----------------------------------------------------------------------------------


class _Pipe(io.TextIOWrapper):
    """A text stream over bytes that is not a terminal, as a pipe or a file is."""

    def __init__(self, encoding: str = "cp1252") -> None:
        super().__init__(io.BytesIO(), encoding=encoding)

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise io.UnsupportedOperation("no descriptor")


class _Console(io.StringIO):
    """A terminal in a narrow encoding: a text stream with no bytes underneath."""

    encoding = "ascii"  # type: ignore[assignment]

    def __init__(self, error: OSError | None = None) -> None:
        super().__init__()
        self.error = error

    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if self.error is not None:
            raise self.error
        text.encode(self.encoding)
        return super().write(text)


def test_closed_input_is_no_terminal_and_fails_with_ebadf() -> None:
    from coopwizard.io.streams import ClosedInput

    closed = ClosedInput()
    assert (closed.closed_at_start, closed.encoding, closed.isatty()) == (True, "utf-8", False)
    for call in (closed.fileno, closed.read, closed.readline):
        with pytest.raises(OSError) as raised:
            call()
        assert raised.value.errno == errno.EBADF


def test_stdout_off_a_terminal_is_utf8_whatever_its_encoding() -> None:
    from coopwizard.io.streams import GuardedOutput

    pipe = _Pipe("cp1252")
    pipe.write("avant ")
    guarded = GuardedOutput(pipe, "stdout")
    assert guarded.encoding == "utf-8" and guarded.isatty() is False
    assert guarded.write("Fête ≠\n") == len("Fête ≠\n")
    guarded.flush()
    assert pipe.buffer.getvalue() == "avant ".encode("cp1252") + "Fête ≠\n".encode()  # type: ignore[attr-defined]
    assert guarded.wrapped is pipe


def test_stderr_off_a_terminal_keeps_its_own_encoding() -> None:
    from coopwizard.io.streams import GuardedOutput

    pipe = _Pipe("cp1252")
    guarded = GuardedOutput(pipe, "stderr")
    assert guarded.encoding == "cp1252"
    guarded.write("≠ é\n")
    guarded.flush()
    assert pipe.buffer.getvalue() == "? é\n".encode("cp1252")  # type: ignore[attr-defined]


def test_a_terminal_that_cannot_show_a_character_gets_a_replacement() -> None:
    from coopwizard.io.streams import GuardedOutput

    console = _Console()
    guarded = GuardedOutput(console, "stdout")
    assert guarded.isatty() is True and guarded.encoding == "ascii"
    assert guarded.write("é x") == 3
    assert console.getvalue() == "? x"


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (BrokenPipeError(errno.EPIPE, "Broken pipe"), BrokenPipeError),
        (OSError(errno.EPIPE, "Broken pipe"), BrokenPipeError),
        (OSError(errno.EBADF, "Bad file descriptor"), "output.stdout_closed"),
        (OSError(errno.ENOSPC, "No space left on device"), "output.stdout_failed"),
    ],
)
def test_a_failing_stdout_fails_in_one_clear_way(error: OSError, expected: Any) -> None:
    from coopwizard.core.errors import WriteError
    from coopwizard.io.streams import GuardedOutput

    guarded = GuardedOutput(_Console(error), "stdout")
    with pytest.raises((BrokenPipeError, WriteError)) as raised:
        guarded.write("x")
    if expected is BrokenPipeError:
        assert type(raised.value) is BrokenPipeError and raised.value.errno == errno.EPIPE
        return
    assert isinstance(raised.value, WriteError) and raised.value.key == expected
    if expected == "output.stdout_failed":
        assert (
            say(raised.value, "en")
            == "cannot write to standard output (the disk is full); what was printed is incomplete."
        )


def test_a_failing_stderr_is_silenced_not_fatal() -> None:
    from coopwizard.io.streams import GuardedOutput

    guarded = GuardedOutput(_Console(OSError(errno.EIO, "I/O error")), "stderr")
    assert guarded.write("message") == len("message")


def test_a_closed_stdout_and_a_closed_stderr() -> None:
    from coopwizard.core.errors import WriteError
    from coopwizard.io.streams import GuardedOutput

    stdout = GuardedOutput(None, "stdout")
    with pytest.raises(WriteError) as raised:
        stdout.write("x")
    assert raised.value.key == "output.stdout_closed"
    assert say(raised.value, "en") == (
        "standard output is closed, so nothing can be printed; redirect it to a file or a pipe."
    )
    stdout.flush()  # nothing to flush, nothing to fail
    assert stdout.isatty() is False and stdout.encoding == "utf-8"
    with pytest.raises(AttributeError):
        stdout.fileno  # noqa: B018
    stderr = GuardedOutput(None, "stderr")
    assert stderr.write("lost") == 4  # nobody can be told: the exit code tells


def test_other_attributes_are_the_stream_s() -> None:
    from coopwizard.io.streams import GuardedOutput

    console = _Console()
    assert GuardedOutput(console, "stdout").getvalue == console.getvalue


def test_every_byte_is_written_or_an_error_is_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    from coopwizard.io import streams

    written: list[bytes] = []

    def short(fd: int, data: Any) -> int:
        chunk = bytes(data[:2])
        written.append(chunk)
        return len(chunk)

    monkeypatch.setattr(streams.os, "write", short)
    streams._write_all(1, b"abcde")
    assert written == [b"ab", b"cd", b"e"]
    monkeypatch.setattr(streams.os, "write", lambda fd, data: 0)
    with pytest.raises(OSError) as raised:
        streams._write_all(1, b"abc")
    assert raised.value.errno == errno.EIO


def test_the_guards_are_there_while_a_command_runs_and_gone_after(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from coopwizard.io.streams import ClosedInput, GuardedOutput, guarded_streams

    out, err = _Console(), _Console()
    monkeypatch.setattr(sys, "stdin", None)
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    with guarded_streams():
        assert isinstance(sys.stdin, ClosedInput)
        assert isinstance(sys.stdout, GuardedOutput) and sys.stdout.wrapped is out
        assert isinstance(sys.stderr, GuardedOutput) and sys.stderr.wrapped is err
        guard = sys.stdout
        with guarded_streams():
            assert sys.stdout is guard  # not guarded twice
    assert (sys.stdin, sys.stdout, sys.stderr) == (None, out, err)


def test_silencing_a_stream_with_no_descriptor_does_nothing() -> None:
    from coopwizard.io.streams import silence

    silence(None)
    silence(_Console())
    silence(_Pipe())


# --- console: words, escape codes -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "width", "wrapped"),
    [
        ("aaa bbb", 7, "aaa bbb"),  # a line as long as the width stays whole
        ("aaa bbb ccc", 7, "aaa bbb\nccc"),
        ("x\naaa bbb ccc\ny", 7, "x\naaa bbb\nccc\ny"),  # each line on its own, every line kept
        ("  aaa bbb ccc", 9, "  aaa bbb\n  ccc"),  # the indent kept on each line
        ("   aaa bbb ccc", 9, "   aaa\n   bbb\n   ccc"),  # 3 columns: under half of 9
        ("    aaa bbb ccc", 9, "aaa bbb\nccc"),  # 4 columns: half of 9, rounded down: room for the words first
        ("    aaa bbb ccc", 8, "aaa bbb\nccc"),
        ("  aaa bbb ccc  ", 8, "  aaa\n  bbb\n  ccc"),
        ("Xaaa bbb cccX", 8, "Xaaa bbb\ncccX"),
        ("aaaa-bbbb", 6, "aaaa-b\nbbb"),  # no break after a hyphen: « Jean-Pierre » stays one word
    ],
)
def test_words_are_wrapped_at_the_width(text: str, width: int, wrapped: str) -> None:
    from coopwizard.io.console import wrap_words

    assert wrap_words(text, width) == wrapped


@pytest.mark.parametrize(
    ("platform", "variables", "works"),
    [
        ("linux", {}, True),
        ("darwin", {}, True),
        ("win32", {}, False),  # the classic Windows console
        ("win32", {"WT_SESSION": "1"}, True),  # Windows Terminal
        ("win32", {"TERM": "xterm"}, True),
        ("win32", {"WT_SESSION": "", "TERM": ""}, False),
    ],
)
def test_escape_codes_work_everywhere_but_the_classic_windows_console(
    platform: str, variables: dict[str, str], works: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from coopwizard.io import console

    monkeypatch.setattr(sys, "platform", platform)
    for name in ("WT_SESSION", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    assert console._escape_codes_work() is works


# --- streams: the failures' details -----------------------------------------------------------


def test_closed_input_says_the_system_s_words() -> None:
    import os

    from coopwizard.io.streams import ClosedInput

    for call in (ClosedInput().fileno, ClosedInput().read, ClosedInput().readline):
        with pytest.raises(OSError) as raised:
            call()
        assert raised.value.strerror == os.strerror(errno.EBADF)


def test_a_broken_pipe_with_no_number_is_a_broken_pipe() -> None:
    from coopwizard.io.streams import GuardedOutput

    with pytest.raises(BrokenPipeError) as raised:
        GuardedOutput(_Console(BrokenPipeError()), "stdout").write("x")
    assert (raised.value.errno, raised.value.strerror) == (errno.EPIPE, "broken pipe")


@pytest.mark.parametrize(("system", "broken"), [("posix", False), ("nt", True)])
def test_einval_is_a_broken_pipe_on_windows_only(system: str, broken: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    from coopwizard.core.errors import WriteError
    from coopwizard.io import streams

    guarded = streams.GuardedOutput(_Console(OSError(errno.EINVAL, "Invalid argument")), "stdout")
    monkeypatch.setattr(streams.os, "name", system)
    with pytest.raises((BrokenPipeError, WriteError)) as raised:
        guarded.write("x")
    monkeypatch.undo()
    assert isinstance(raised.value, BrokenPipeError) is broken
    if not broken:
        assert isinstance(raised.value, WriteError) and raised.value.key == "output.stdout_failed"
        assert raised.value.params == {"reason": "Invalid argument"}


def _is_null(fd: int) -> bool:
    import os

    return os.path.samestat(os.fstat(fd), os.stat(os.devnull))


def test_a_failed_stdout_is_silenced_so_that_nothing_fails_again_at_exit(tmp_path: Path) -> None:
    import os

    from coopwizard.io.streams import GuardedOutput

    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody reads: a broken pipe
    stream = open(write_end, "w", encoding="utf-8")  # noqa: SIM115
    try:
        with pytest.raises(BrokenPipeError):
            GuardedOutput(stream, "stdout").write("x" * 10)
        assert _is_null(write_end)
    finally:
        stream.close()


def test_silence_points_the_descriptor_at_the_null_device(tmp_path: Path) -> None:
    from coopwizard.io.streams import silence

    with open(tmp_path / "out.txt", "w", encoding="utf-8") as stream:
        assert not _is_null(stream.fileno())
        silence(stream)
        assert _is_null(stream.fileno())
        stream.write("gone")
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == ""


def test_every_byte_goes_to_the_descriptor_given(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from coopwizard.io import streams

    seen: list[int] = []
    monkeypatch.setattr(streams.os, "write", lambda fd, data: (seen.append(fd), len(data))[1])
    streams._write_all(7, b"abc")
    assert seen == [7]
    monkeypatch.setattr(streams.os, "write", lambda fd, data: 0)
    with pytest.raises(OSError) as raised:
        streams._write_all(7, b"abc")
    assert raised.value.strerror == os.strerror(errno.EIO)


@pytest.mark.parametrize(("text", "width", "fitted"), [("abc", 3, "abc"), ("abcd", 3, "ab…"), ("日本語", 4, "日…")])
def test_a_title_is_cut_to_its_columns(text: str, width: int, fitted: str) -> None:
    from coopwizard.io.console import _fitted

    assert _fitted(text, width) == fitted


@pytest.mark.parametrize(("text", "columns"), [("日本", 4), ("ａ", 2), ("e\u0301", 1), ("abc", 3), ("é", 1)])
def test_wide_characters_take_two_columns_and_combining_marks_none(text: str, columns: int) -> None:
    from coopwizard.io.console import cell_width

    assert cell_width(text) == columns


def test_rich_is_taught_no_break_spaces_only_when_its_splitter_is_the_known_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import re

    from rich import _wrap

    from coopwizard.io.console import NO_BREAK_WORD, RICH_WORD_PATTERN, keep_no_break_spaces

    monkeypatch.setattr(_wrap, "re_word", re.compile(RICH_WORD_PATTERN))
    assert keep_no_break_spaces() is True
    assert _wrap.re_word is NO_BREAK_WORD
    assert keep_no_break_spaces() is True  # already taught
    other = re.compile(r"\S+")
    monkeypatch.setattr(_wrap, "re_word", other)
    assert keep_no_break_spaces() is False
    assert _wrap.re_word is other  # Rich changed: left alone
    monkeypatch.setattr(_wrap, "re_word", "not a pattern")
    assert keep_no_break_spaces() is False
    monkeypatch.delattr(_wrap, "re_word")
    assert keep_no_break_spaces() is False


class _Sized(io.StringIO):
    def fileno(self) -> int:
        return 5


@pytest.mark.parametrize(
    ("columns", "size", "width"),
    [("120", 50, 120), ("1", 50, 1), ("0", 50, 50), ("", 50, 50), ("abc", 50, 50), ("", 0, 80), (None, 33, 33)],
)
def test_the_width_is_columns_else_the_terminal_s_else_80(
    columns: str | None, size: int, width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from coopwizard.io import console

    asked: list[int] = []

    def terminal_size(fd: int) -> os.terminal_size:
        asked.append(fd)
        return os.terminal_size((size, 24))

    monkeypatch.setattr(console.os, "get_terminal_size", terminal_size)
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert console.terminal_width(_Sized()) == width
    assert asked in ([], [5])
    assert console.terminal_width(io.StringIO()) == (width if asked == [] else 80)  # no descriptor: 80


def test_a_line_on_a_terminal_is_drawn_at_its_width_with_its_style(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from coopwizard.io import console

    class Terminal(_Sized):
        def isatty(self) -> bool:
            return True

    for name in ("TERM", "COLUMNS", "FORCE_COLOR", "TTY_COMPATIBLE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(console.os, "get_terminal_size", lambda fd: os.terminal_size((9, 24)))
    stream = Terminal()
    console.write_line(stream, "aaa bbb ccc", "bold")
    assert stream.getvalue() == "\x1b[1maaa bbb\x1b[0m\n\x1b[1mccc\x1b[0m\n"


def test_a_missing_attribute_of_a_closed_stream_is_named() -> None:
    from coopwizard.io.streams import GuardedOutput

    with pytest.raises(AttributeError) as raised:
        GuardedOutput(None, "stdout").fileno  # noqa: B018
    assert str(raised.value) == "fileno"


class _Utf8(io.StringIO):
    encoding = "UTF-8"  # type: ignore[assignment]


class _Bare:
    """A stream with no encoding at all: only write and flush."""

    def __init__(self) -> None:
        self.out: list[str] = []

    def write(self, text: str) -> None:
        self.out.append(text)

    def flush(self) -> None:
        pass


def test_a_heading_s_rule_is_drawn_in_what_the_stream_can_show(monkeypatch: pytest.MonkeyPatch) -> None:
    from coopwizard.io.console import write_line

    monkeypatch.setenv("COLUMNS", "12")
    plain, utf8, bare = io.StringIO(), _Utf8(), _Bare()
    for stream in (plain, utf8):
        write_line(stream, "ab\ncd", rule=True)  # a title on one line
        write_line(stream, "a\tb")  # tabs every 8 columns
    write_line(bare, "ab", rule=True)  # type: ignore[arg-type]
    assert plain.getvalue() == "ab cd ------\na       b\n"
    assert utf8.getvalue() == "ab cd ──────\na       b\n"
    assert "".join(bare.out) == "ab ---------\n"


def test_markup_is_printed_as_plain_text_off_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    from coopwizard.io.console import emit

    emit("[bold]x[/bold] y")
    emit("[dim]message[/dim]", err=True)
    emit("z", end="|")
    emit("w", err=True, end="")
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("x y\nz|", "message\nw")


def test_markup_is_drawn_by_rich_on_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from coopwizard.io.console import emit

    monkeypatch.setenv("FORCE_COLOR", "1")  # a terminal, as Rich reads it; NO_COLOR keeps emphasis only
    monkeypatch.setenv("COLUMNS", "20")
    monkeypatch.delenv("TERM")  # not a dumb one
    emit("[bold]x[/bold] y")
    emit("aaa bbb ccc ddd eee fff ggg")  # wrapped at the width
    emit("aaa bbb ccc ddd eee fff ggg", wrap=False)
    emit("z", end="|")
    emit("[bold]m[/bold]", err=True)
    captured = capsys.readouterr()
    assert captured.out == ("\x1b[1mx\x1b[0m y\naaa bbb ccc ddd eee \nfff ggg\naaa bbb ccc ddd eee fff ggg\nz|")
    assert captured.err == "\x1b[1mm\x1b[0m\n"


@pytest.mark.parametrize(
    "markup",
    [
        "[link=https://a.b]x[/link]",
        "[bold red]x[/bold red]",
        "[b][i]x[/b]y[/i]",
        "[b]x[/ b]",
        "[bold]x[/bold] [italic]y[/]",
        "[b]x",
        "[#ff0000]x[/#ff0000]",
        "[b][i]x[/bold]y",
        "[bold][italic]x[/bold]y[/italic]",
    ],
)
def test_the_terminal_text_has_the_spans_rich_gives(markup: str) -> None:
    from rich.markup import render

    from coopwizard.io.console import rich_text

    ours, theirs = rich_text(markup), render(markup, emoji=False)
    assert ours.plain == theirs.plain
    assert [(s.start, s.end, str(s.style)) for s in ours.spans] == [
        (s.start, s.end, str(s.style)) for s in theirs.spans
    ]


class _FailingFlush(io.StringIO):
    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error

    def isatty(self) -> bool:
        return True

    def flush(self) -> None:
        raise self.error


def test_a_stream_that_cannot_say_whether_it_is_a_terminal_is_not_one() -> None:
    from coopwizard.io import streams

    class Unsure(io.StringIO):
        def isatty(self) -> bool:
            raise ValueError("closed")

    assert streams._isatty(Unsure()) is False
    assert streams._isatty(object()) is False  # type: ignore[arg-type]
    assert streams._isatty(_Console()) is True


def test_a_terminal_keeps_its_encoding_and_a_stream_with_no_bytes_gets_text() -> None:
    from coopwizard.io.streams import GuardedOutput

    class TerminalWithBytes(_Pipe):
        def isatty(self) -> bool:
            return True

    terminal = TerminalWithBytes("cp1252")
    guarded = GuardedOutput(terminal, "stdout")
    assert guarded.encoding == "cp1252"
    guarded.write("é ≠")
    guarded.flush()
    assert terminal.buffer.getvalue() == "é ?".encode("cp1252")  # type: ignore[attr-defined]
    text_only = io.StringIO()
    GuardedOutput(text_only, "stdout").write("é ≠")
    assert text_only.getvalue() == "é ≠"


@pytest.mark.parametrize("error", [OSError(errno.EIO, "I/O error"), ValueError("closed")])
def test_a_stream_that_cannot_be_flushed_at_the_start_is_guarded_all_the_same(error: Exception) -> None:
    from coopwizard.io.streams import GuardedOutput

    class Pipe(_Pipe):
        def flush(self) -> None:
            raise error

    guarded = GuardedOutput(Pipe(), "stdout")
    assert guarded.encoding == "utf-8"


def test_stdout_on_a_descriptor_is_written_at_once(tmp_path: Path) -> None:
    from coopwizard.io.streams import GuardedOutput

    with open(tmp_path / "out.txt", "w", encoding="cp1252") as stream:
        guarded = GuardedOutput(stream, "stdout")
        guarded.write("é ≠\n")
        assert (tmp_path / "out.txt").read_bytes() == "é ≠\n".encode()  # before any flush


def test_a_flush_that_fails_fails_stdout_and_is_silenced_on_stderr() -> None:
    from coopwizard.core.errors import WriteError
    from coopwizard.io.streams import GuardedOutput

    with pytest.raises(WriteError) as raised:
        GuardedOutput(_FailingFlush(OSError(errno.ENOSPC, "full")), "stdout").flush()
    assert raised.value.key == "output.stdout_failed"
    GuardedOutput(_FailingFlush(OSError(errno.ENOSPC, "full")), "stderr").flush()
