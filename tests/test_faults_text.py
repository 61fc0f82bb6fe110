"""Issue 9, hostile text: control characters never reach a terminal raw, and every file written reads back.

The one rule (docs/output.md): in an answer, every kind of line break becomes a newline, and any
other control character (NUL, ESC, BEL, DEL, the rest of C0 and C1) is refused with the answer's
path. What is shown (reports, messages, `-o -` on a terminal) escapes control characters as \\x1b.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from coopwizard.io.visible import json_visible, visible
from tests.conftest import EXAMPLE
from tests.helpers import coop

ATTACK = "\x1b]0;x\x07\x1b[2J\x1b[1;32mNothing to report\x1b[0m"
RAW_CONTROLS = [chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0))]


def _example_with(**project: object) -> str:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["project"].update(project)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _no_raw_control(text: str) -> None:
    found = sorted({f"U+{ord(c):04X}" for c in text if c in RAW_CONTROLS and c not in "\t\n"})
    assert not found, f"raw control characters reach the output: {found}"


# -- what is shown -----------------------------------------------------------------------------------
def test_visible_escapes_every_control_but_tab_and_newline() -> None:
    for char in RAW_CONTROLS:
        shown = visible(f"a{char}b")
        if char in "\t\n":
            assert shown == f"a{char}b"
        else:
            assert shown == f"a\\x{ord(char):02x}b"
    assert visible("Fête — « coopération » 🌱\tok\n") == "Fête — « coopération » 🌱\tok\n"
    assert visible(visible(ATTACK)) == visible(ATTACK), "escaping twice changes nothing"


def test_json_visible_keeps_the_data_and_nothing_raw() -> None:
    document = json.dumps({"t": "a\x7fb\x9bc\u2028d"}, ensure_ascii=False)
    assert "\x7f" in document  # json.dumps leaves DEL, C1 and U+2028 raw
    safe = json_visible(document)
    _no_raw_control(safe)
    assert "\u2028" not in safe
    assert json.loads(safe) == json.loads(document)


def test_an_escape_sequence_title_is_refused_and_never_printed_raw(write: Callable[..., Path]) -> None:
    path = write("attack.yaml", _example_with(title=ATTACK))
    run = coop("check", "--lang", "en", str(path))
    assert run.code == 1, "a sheet that hides an escape sequence is not clean"
    _no_raw_control(run.out + run.err)
    assert "Nothing to report" not in run.out
    assert "a control character (U+001B, character 1) cannot be in an answer; remove it" in run.out


def test_the_markdown_of_such_a_sheet_carries_no_escape_byte(write: Callable[..., Path]) -> None:
    path = write("attack.yaml", _example_with(title=ATTACK, summary=f"intro {ATTACK}"))
    for output in ("x.md", "-"):
        target = path.parent / output
        run = coop("render", str(path), "--format", "md", "-o", str(target) if output != "-" else "-")
        assert run.code == 0
        written = target.read_text(encoding="utf-8") if output != "-" else run.out
        _no_raw_control(written)
        assert "Nothing to report" not in written


def test_user_text_in_messages_is_escaped_in_the_report(write: Callable[..., Path]) -> None:
    text = _example_with().replace("project:\n", 'project:\n  "\\e[2J\\x9b31m\\x7f": 1\n', 1)
    path = write("key.yaml", text)
    run = coop("check", str(path))
    assert run.code == 1
    _no_raw_control(run.out)
    assert "\\x1b[2J\\x9b31m\\x7f" in run.out


def test_on_a_terminal_too(write: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")  # Rich prints, with its own colours
    monkeypatch.delenv("NO_COLOR")
    text = _example_with().replace("project:\n", 'project:\n  "\\e]0;pwned\\a\\e[2J": 1\n', 1)
    run = coop("check", str(write("key.yaml", text)))
    assert "\x1b]0;" not in run.out and "\x1b[2J" not in run.out and "\x07" not in run.out
    assert "\\x1b]0;pwned\\x07\\x1b[2J" in run.out


def test_json_output_carries_no_raw_control(write: Callable[..., Path]) -> None:
    text = _example_with().replace("project:\n", 'project:\n  "a\\x7fb\\x9bc": 1\n', 1)
    run = coop("check", "--format", "json", str(write("key.yaml", text)))
    _no_raw_control(run.out)
    data = json.loads(run.out)
    assert any("a\x7fb\x9bc" in f["message"] for f in data["files"][0]["findings"])


def test_a_file_name_with_an_escape_is_shown_escaped(tmp_path: Path) -> None:
    run = coop("check", str(tmp_path / "a\x1b[2Jb.yaml"))
    assert run.code == 2
    _no_raw_control(run.err)
    assert "a\\x1b[2Jb.yaml: no such file" in run.err


def test_stdout_on_a_terminal_escapes_what_it_prints(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from coopwizard.cli.output import deliver

    monkeypatch.setenv("FORCE_COLOR", "1")  # io.console's test for "a terminal"
    deliver("title: a\x1b[2Jb\n", "-", "en")
    assert capsys.readouterr().out == "title: a\\x1b[2Jb\n"
    monkeypatch.delenv("FORCE_COLOR")
    deliver("title: a\x1b[2Jb\n", "-", "en")  # a pipe or a file: the data as it is
    assert capsys.readouterr().out == "title: a\x1b[2Jb\n"


# -- what is written ---------------------------------------------------------------------------------
@pytest.mark.parametrize("char", ["\x00", "\x07", "\x08", "\x1b", "\x7f", "\x9b"])
def test_control_characters_are_refused_in_answers_with_their_path(tmp_path: Path, char: str) -> None:
    answers = yaml.safe_load((EXAMPLE.parent / "answers.yaml").read_text(encoding="utf-8"))
    answers["project"]["title"] = f"a{char}b"
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers, ensure_ascii=False, default=str), encoding="utf-8")
    target = tmp_path / "s.yaml"
    run = coop("new", "--answers", str(path), "-o", str(target))
    assert run.code == 2
    assert f"  project.title: a control character (U+{ord(char):04X}, character 2) cannot be in an answer" in run.err
    assert not target.exists()


def test_a_nul_title_passes_no_more_and_what_render_writes_reads_back(write: Callable[..., Path]) -> None:
    path = write("nul.yaml", _example_with(title="a\x00b"))
    run = coop("check", "--lang", "en", str(path))
    assert run.code == 1
    assert "control character (U+0000, character 2)" in run.out
    for name in ("x.md", "x.yaml"):
        target = path.parent / name
        assert coop("render", str(path), "-o", str(target)).code == 0
        assert "\x00" not in target.read_text(encoding="utf-8")
        assert coop("check", str(target)).code != 2, "every file written reads back"


@pytest.mark.parametrize("brk", ["\r", "\r\n", "\x85", "\u2028", "\u2029", "\x0b", "\x0c"])
def test_line_breaks_in_answers_become_newlines_and_add_no_markdown(write: Callable[..., Path], brk: str) -> None:
    summary = brk.join(["intro", "# Fake", "- item", "1. one", "> quote", "---"])
    # Written as YAML escapes ("\u0085"), so that the YAML reader itself folds none of them.
    path = write("cr.yaml", _example_with(summary="SUMMARY").replace("SUMMARY", json.dumps(summary)))
    md = path.parent / "cr.md"
    assert coop("render", str(path), "-o", str(md)).code == 0
    text = md.read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1]
    lines = body.splitlines()
    for structure in ("# Fake", "- item", "1. one", "> quote", "---"):
        assert structure not in lines, f"{structure!r} became Markdown structure"
    assert "\r" not in text and "\x85" not in text and "\u2028" not in text
    data = yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n"))
    assert data["project"]["summary"] == "intro\n# Fake\n- item\n1. one\n> quote\n---"
    assert coop("check", str(md)).code == 0


def test_a_partner_name_used_as_a_key_obeys_the_same_rule(checklist: object) -> None:
    from coopwizard.guide.model import Question
    from coopwizard.guide.types import check_answer

    question = Question("who", "per_partner", checklist.title)  # type: ignore[attr-defined]
    value, problems = check_answer(question, {"A\x1bB": "x", "C": "y\r\nz"})
    assert value == {"C": "y\nz"}
    assert [(p.key, p.path) for p in problems] == [("answer.control_char", ("A\x1bB",))]


def test_notes_obey_the_same_rule(write: Callable[..., Path]) -> None:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    topic = next(iter(data["topics"]))
    data["topics"][topic]["notes"] = "ok\x1b[2J"
    run = coop("check", "--lang", "en", str(write("notes.yaml", yaml.safe_dump(data, allow_unicode=True))))
    assert run.code == 1
    assert "control character (U+001B, character 3)" in run.out


# -- JSON answers -----------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["answers.json", "answers.txt", "-"])
@pytest.mark.parametrize("char", ["\u2028", "\x85"])
def test_json_answers_are_read_as_json(tmp_path: Path, name: str, char: str) -> None:
    answers = yaml.safe_load((EXAMPLE.parent / "answers.yaml").read_text(encoding="utf-8"))
    answers["project"]["summary"] = f"one{char}two"
    text = json.dumps(answers, ensure_ascii=False, default=str)
    assert char in text  # raw, as JSON allows and YAML does not
    stdin = None
    if name == "-":
        stdin = text
    else:
        (tmp_path / name).write_text(text, encoding="utf-8")
    source = name if name == "-" else str(tmp_path / name)
    run = coop("new", "--answers", source, "-o", "-", stdin=stdin)
    assert run.code == 0, run.err
    assert yaml.safe_load(run.out)["project"]["summary"] == "one\ntwo"


def test_json_answers_with_del_are_refused_by_the_answer_rule_not_as_yaml(tmp_path: Path) -> None:
    answers = yaml.safe_load((EXAMPLE.parent / "answers.yaml").read_text(encoding="utf-8"))
    answers["project"]["title"] = "a\x7fb"
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers, ensure_ascii=False, default=str), encoding="utf-8")
    run = coop("new", "--answers", str(path), "-o", "-")
    assert run.code == 2
    assert "YAML" not in run.err
    assert "project.title: a control character (U+007F, character 2)" in run.err


def test_broken_json_says_where(tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_text('{"project": {"title": "x",}}', encoding="utf-8")
    run = coop("new", "--answers", str(path), "-o", "-")
    assert run.code == 2
    assert run.err == f"Error: {path}:1:27: invalid JSON; check the commas, quotes and brackets there.\n"
    path.write_text('{"a": 1, "a": 2}', encoding="utf-8")
    assert coop("new", "--answers", str(path), "-o", "-").err == (
        f'Error: {path}: the key "a" appears twice; keep only one.\n'
    )
    path.write_text("[" * 200 + "]" * 200, encoding="utf-8")
    assert "nested too deep" in coop("new", "--answers", str(path), "-o", "-").err


def test_a_yaml_flow_mapping_is_still_yaml(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("{project: {title: x}}\n", encoding="utf-8")
    run = coop("new", "--answers", str(path), "-o", "-", "--allow-incomplete")
    assert run.code == 0, run.err


# -- a console that cannot show a character, and the promises written down ----------------------------
class _Console(io.TextIOWrapper):
    def isatty(self) -> bool:
        return True


def test_a_terminal_that_lacks_a_character_gets_it_replaced() -> None:
    from coopwizard.io.streams import GuardedOutput

    raw = io.BytesIO()
    console = _Console(raw, encoding="cp1252")
    guarded = GuardedOutput(console, "stdout")
    guarded.write("Fête ●●○ 🌱\n")
    guarded.flush()
    assert raw.getvalue().decode("cp1252") == "Fête ??? ?\n"


def test_off_a_terminal_stdout_is_utf8_whatever_its_encoding() -> None:
    from coopwizard.io.streams import GuardedOutput

    raw = io.BytesIO()
    piped = io.TextIOWrapper(raw, encoding="cp1252")
    guarded = GuardedOutput(piped, "stdout")
    guarded.write("Fête ●●○ 🌱\n")
    guarded.flush()
    assert raw.getvalue().decode("utf-8") == "Fête ●●○ 🌱\n"


def test_the_promises_are_written_down() -> None:
    from coopwizard.io.streams import BROKEN_PIPE_EXIT
    from coopwizard.io.textio import STALE_AFTER
    from tests.conftest import ROOT

    doc = (ROOT / "docs" / "output.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"| {BROKEN_PIPE_EXIT} | a broken pipe" in doc
    assert f"older than {STALE_AFTER // 60} minutes".replace("10", "ten") in doc
    assert "## What it promises" in readme and "docs/output.md" in readme
    for extension in (".yaml", ".yml", ".md", ".markdown"):
        assert f"`{extension}`" in doc


def test_stdin_that_fails_to_read_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    class Failing:
        class buffer:  # as sys.stdin has it
            @staticmethod
            def read(size: int) -> bytes:
                raise OSError(errno.EIO, "Input/output error")

    from coopwizard.core.errors import UnreadableFileError
    from coopwizard.i18n import say
    from coopwizard.io.textio import read_source

    monkeypatch.setattr("sys.stdin", Failing())
    with pytest.raises(UnreadableFileError) as raised:
        read_source("-")
    assert say(raised.value, "en") == "standard input cannot be read (an input/output error)."
    assert say(raised.value, "fr") == "l'entrée standard ne peut pas être lue (erreur d'entrée-sortie)."
