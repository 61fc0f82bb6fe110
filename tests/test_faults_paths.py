"""Issue 9, output paths: -o is checked before any work, and never replaces a file by surprise.

Symbolic links (docs/output.md): a link is written through, its target replaced, only with
--force; a dangling link is not followed without --force; a loop is a clear error.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coopwizard.core.errors import WriteError
from coopwizard.io import textio
from tests.conftest import EXAMPLE, ROOT
from tests.helpers import coop

ANSWERS = ROOT / "docs" / "examples" / "answers.yaml"
posix_links = pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges on Windows")
FORMATS = ".yaml, .yml, .md, .markdown"  # what coop new writes: the sheet formats
RENDER_FORMATS = ".yaml, .yml, .md, .markdown, .html, .htm, .docx"  # coop render writes documents too


def _entries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("command", ["render", "new"])
def test_an_empty_output_name_is_refused(command: str) -> None:
    args = ["render", str(EXAMPLE)] if command == "render" else ["new", "--answers", str(ANSWERS)]
    run = coop(*args, "-o", "")
    assert run.code == 2
    assert run.out == ""
    allowed = RENDER_FORMATS if command == "render" else FORMATS
    assert run.err == f"Error: -o is empty; give a file name ending in {allowed}, or - for standard output.\n"


@pytest.mark.parametrize("name", ["fiche.odt", "x.txt", "noextension"])
def test_an_unknown_extension_is_refused_naming_the_formats(tmp_path: Path, name: str) -> None:
    run = coop("render", str(EXAMPLE), "-o", str(tmp_path / name))
    assert run.code == 2
    suffix = Path(name).suffix or '""'
    assert run.err == (
        f'Error: {tmp_path / name}: "{suffix}" is not a format this command writes; '
        f"end the name with one of {RENDER_FORMATS}.\n"
    )
    assert _entries(tmp_path) == []


def test_the_extensions_come_from_the_formats_table(monkeypatch: pytest.MonkeyPatch) -> None:
    from coopwizard.cli.output import format_for
    from coopwizard.render import formats

    yaml = formats.FORMATS["yaml"]
    monkeypatch.setitem(formats.FORMATS, "yaml", dataclasses.replace(yaml, extensions=(*yaml.extensions, ".yamlx")))
    assert format_for(None, "a.yamlx") == "yaml"
    assert format_for(None, "A.MD") == "md"


def test_a_format_that_contradicts_the_name_is_refused(tmp_path: Path) -> None:
    run = coop("render", str(EXAMPLE), "--format", "yaml", "-o", str(tmp_path / "x.md"))
    assert run.code == 2
    assert "--format yaml does not match the name (a md sheet)" in run.err
    assert coop("render", str(EXAMPLE), "--format", "md", "-o", str(tmp_path / "x.md")).code == 0


def test_a_directory_as_output(tmp_path: Path) -> None:
    (tmp_path / "d.yaml").mkdir()
    run = coop("render", str(EXAMPLE), "-o", str(tmp_path / "d.yaml"), "--force")
    assert run.code == 2
    assert run.err == f"Error: {tmp_path / 'd.yaml'}: cannot write (it is a directory); nothing was written.\n"


@posix_links
def test_a_dangling_link_is_not_followed_without_force(tmp_path: Path) -> None:
    link, target = tmp_path / "s.yaml", tmp_path / "elsewhere.yaml"
    link.symlink_to(target)
    run = coop("render", str(EXAMPLE), "-o", str(link))
    assert run.code == 2
    assert run.err == (
        f"Error: {link} is a symbolic link to {target}, which does not exist; "
        f"add --force to create {target}, or choose another -o.\n"
    )
    assert not target.exists() and link.is_symlink()
    assert coop("render", str(EXAMPLE), "-o", str(link), "--force").code == 0
    assert link.is_symlink() and target.read_text(encoding="utf-8").startswith("# A complete") is False
    assert target.read_text(encoding="utf-8") == coop("render", str(EXAMPLE)).out


@posix_links
def test_a_link_to_a_file_writes_its_target_with_force_only(tmp_path: Path) -> None:
    target = tmp_path / "real.yaml"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "s.yaml"
    link.symlink_to(target)
    run = coop("render", str(EXAMPLE), "-o", str(link))
    assert run.code == 2 and "already exists" in run.err
    assert target.read_text(encoding="utf-8") == "old\n"
    assert coop("render", str(EXAMPLE), "-o", str(link), "--force").code == 0
    assert link.is_symlink(), "the link stays a link"
    assert target.read_text(encoding="utf-8") == coop("render", str(EXAMPLE)).out


@posix_links
@pytest.mark.parametrize("force", [False, True])
def test_a_link_loop_is_a_clear_error(tmp_path: Path, force: bool) -> None:
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    run = coop("render", str(EXAMPLE), "-o", str(tmp_path / "a.yaml"), *(["--force"] if force else []))
    assert run.code == 2
    assert run.err == (
        f"Error: {tmp_path / 'a.yaml'}: its symbolic links make a loop; fix or remove the link, or choose another -o.\n"
    )


def test_a_file_that_appears_after_the_check_is_not_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The race itself, made certain: the early check passed, then someone wrote the file."""
    target = tmp_path / "s.yaml"
    real_target = textio.write_target

    def check_then_someone_writes(path: Path, overwrite: bool) -> Path:
        found = real_target(path, overwrite)
        target.write_text("theirs\n", encoding="utf-8")
        return found

    monkeypatch.setattr(textio, "write_target", check_then_someone_writes)
    with pytest.raises(WriteError) as raised:
        textio.write_atomic(target, "ours\n", overwrite=False)
    assert raised.value.key == "file.exists"
    assert target.read_text(encoding="utf-8") == "theirs\n"
    assert _entries(tmp_path) == ["s.yaml"], "no temporary file left"


@pytest.mark.parametrize("system", ["posix", "nt"])
def test_without_hard_links_no_overwrite_still_holds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, system: str
) -> None:
    if system == "nt" and os.name != "nt":
        monkeypatch.setattr(textio.os, "rename", _rename_no_replace)
    monkeypatch.setattr(textio, "RENAME_NEVER_REPLACES", system == "nt")

    def no_links(src: object, dst: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(textio.os, "link", no_links)
    target = tmp_path / "s.yaml"
    textio.write_atomic(target, "first\n", overwrite=False)
    assert target.read_text(encoding="utf-8") == "first\n"
    with pytest.raises(WriteError):
        textio.write_atomic(target, "second\n", overwrite=False)
    assert target.read_text(encoding="utf-8") == "first\n"
    assert _entries(tmp_path) == ["s.yaml"]


def _rename_no_replace(src: str, dst: str) -> None:  # os.rename as Windows has it
    if os.path.lexists(dst):
        raise FileExistsError(17, "File exists", dst)
    os.replace(src, dst)


_WRITER = """
import sys, time
from pathlib import Path
from coopwizard.core.errors import WriteError
from coopwizard.io.textio import write_atomic
start = float(sys.argv[2])
while time.time() < start:
    pass
try:
    write_atomic(Path(sys.argv[1]), sys.argv[3] * 20000, overwrite=False)
except WriteError as err:
    sys.exit(2 if err.key == "file.exists" else 3)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="timing of process start-up")
def test_concurrent_writers_exactly_one_wins(tmp_path: Path) -> None:
    """Two processes write the same name at the same instant, 30 times: one wins, one is refused, the file whole."""
    pairs, wins, refused = 30, 0, 0
    for pair in range(pairs):
        target = tmp_path / f"s{pair}.yaml"
        start = time.time() + 0.25
        procs = [
            subprocess.Popen([sys.executable, "-c", _WRITER, str(target), str(start), mark]) for mark in ("a\n", "b\n")
        ]
        codes = [p.wait(timeout=60) for p in procs]
        assert sorted(codes) == [0, 2], codes
        winner = "a\n" if codes[0] == 0 else "b\n"
        assert target.read_text(encoding="utf-8") == winner * 20000, "the winner's file, whole"
        wins += 1
        refused += 1
    assert _entries(tmp_path) == sorted(f"s{i}.yaml" for i in range(pairs)), "no temporary file left"
    print(f"\nconcurrent writers: {pairs} pairs, {wins} won, {refused} refused, 0 replaced, 0 partial")


def test_concurrent_coop_runs_never_replace_each_other(tmp_path: Path) -> None:
    """The same through the CLI: `coop new --answers` twice at once on the same -o, 6 times."""
    expected = coop("new", "--answers", str(ANSWERS), "-o", "-").out
    for attempt in range(6):
        target = tmp_path / f"s{attempt}.yaml"
        command = [sys.executable, "-m", "coopwizard", "new", "--answers", str(ANSWERS), "-o", str(target)]
        procs = [
            subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for _ in range(2)
        ]
        results = [(p.wait(timeout=60), p.stderr.read() if p.stderr else "") for p in procs]
        assert sorted(code for code, _ in results) == [0, 2], results
        loser = next(err for code, err in results if code == 2)
        assert loser == f"Error: {target} already exists; add --force to replace it, or choose another -o.\n"
        assert target.read_text(encoding="utf-8") == expected


def test_the_wizard_refuses_a_bad_output_name_before_the_first_question(tmp_path: Path) -> None:
    run = coop("new", "-o", str(tmp_path / "fiche.docx"))
    assert run.code == 2
    assert run.err == 'Error: unknown format "docx"; choose among: yaml, md.\n'  # a Word file is no sheet
