"""Atomic writes: beside the target, through symlinks, and nothing left behind when they fail."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from coopwizard.core.errors import WriteError
from coopwizard.i18n import say
from coopwizard.io import textio
from coopwizard.io.textio import os_reason, write_atomic
from tests.conftest import EXAMPLE
from tests.helpers import coop, french


def test_a_symlink_is_kept_and_its_target_replaced(tmp_path: Path) -> None:
    target = tmp_path / "real.md"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    write_atomic(link, "new\n")
    assert link.is_symlink() and link.resolve() == target
    assert target.read_text(encoding="utf-8") == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.md", "real.md"]


def test_a_bare_file_name_is_written_in_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_atomic(Path("sheet.md"), "é\n")
    assert (tmp_path / "sheet.md").read_bytes() == "é\n".encode()


def test_the_temporary_file_is_made_beside_the_target(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """So that the final rename stays on one file system, and a reader never sees half a file."""
    made: list[Path] = []
    real_replace = os.replace

    def spy(source: str | Path, destination: str | Path) -> None:
        made.append(Path(source))
        assert Path(source).read_text(encoding="utf-8") == "text\n"  # complete before it replaces
        real_replace(source, destination)

    monkeypatch.setattr(textio.os, "replace", spy)
    write_atomic(tmp_path / "out.md", "text\n")
    assert [p.parent for p in made] == [tmp_path]
    assert made[0].name.startswith(".out.md.") and made[0].name.endswith(".tmp")


TEXT = "Fête « ok »\n"


def test_text_is_written_as_utf8_whatever_the_locale(tmp_path: Path) -> None:
    """In a process whose locale encoding is ASCII (no UTF-8 mode, no locale coercion), as on old servers."""
    target = tmp_path / "out.md"
    code = "import sys; from pathlib import Path; from coopwizard.io.textio import write_atomic; "
    code += (
        "assert sys.getfilesystemencoding() and __import__('locale').getpreferredencoding(False).lower() != 'utf-8'; "
    )
    code += f"write_atomic(Path({str(target)!r}), {TEXT!a})"  # ascii(): the command line stays ASCII
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    run = subprocess.run([sys.executable, "-X", "utf8=0", "-c", code], capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    assert target.read_bytes() == TEXT.encode()


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (OSError("the disk is on fire"), "the disk is on fire"),  # no errno: its own words
        (OSError(errno.ENOTSUP, "Operation not supported"), "Operation not supported"),  # no message of ours
    ],
)
def test_an_uncommon_system_error_is_said_in_the_system_s_words(error: OSError, reason: str) -> None:
    assert os_reason(error) == reason


def test_a_common_system_error_is_said_in_the_user_s_language() -> None:
    reason = os_reason(OSError(errno.ENOSPC, "No space left on device"))
    assert (say(reason, "en"), say(reason, "fr")) == ("the disk is full", "disque plein")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "{file}: cannot write (a part of the path is not a directory); nothing was written."),
        ("fr", "{file} : écriture impossible (un élément du chemin n'est pas un dossier) ; rien n'a été écrit."),
    ],
)
def test_a_folder_that_is_a_file(lang: str, expected: str, tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    target = tmp_path / "plain" / "sheet.md"
    with pytest.raises(WriteError) as raised:
        write_atomic(target, "x\n")
    assert say(raised.value, lang) == (french(expected) if lang == "fr" else expected).format(file=target)
    run = coop("render", str(EXAMPLE), "-o", str(target), "--lang", lang)
    assert run.code == 2
    assert run.err.endswith((french(expected) if lang == "fr" else expected).format(file=target) + "\n")


def test_a_failed_replace_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "folder.md"
    target.mkdir()  # os.replace cannot put a file over a folder
    with pytest.raises(WriteError) as raised:
        write_atomic(target, "x\n")
    assert raised.value.params["file"] == str(target)
    assert say(raised.value, "en") == f"{target}: cannot write (it is a directory); nothing was written."
    assert [p.name for p in tmp_path.iterdir()] == ["folder.md"]


def test_an_interrupted_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "sheet.md"
    target.write_text("old\n", encoding="utf-8")

    def interrupted(_: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(textio.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new\n")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["sheet.md"]


@pytest.mark.parametrize("size", [0, 1, textio.READ_CHUNK - 1, textio.READ_CHUNK, 3 * textio.READ_CHUNK + 5])
def test_a_bounded_read_gives_every_byte_up_to_the_limit(size: int) -> None:
    import io

    data = bytes(i % 251 for i in range(size))
    assert textio.read_bounded(io.BytesIO(data), 10**9) == data
    limit = max(1, size - 3)
    assert textio.read_bounded(io.BytesIO(data), limit) == data[:limit]


def test_a_bounded_read_never_asks_for_more_than_a_chunk() -> None:
    import io

    asked: list[int] = []

    class Recording(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            asked.append(-1 if size is None else size)
            return super().read(size)

    textio.read_bounded(Recording(b"x" * 100), 5 * 1024 * 1024 + 1)
    assert asked == [textio.READ_CHUNK, textio.READ_CHUNK]  # then the end of the file


def _refused(self: Path, *args: object, **kwargs: object) -> None:
    raise PermissionError(errno.EACCES, "Permission denied")


def _open_refused(name: str, *args: object, **kwargs: object) -> None:
    raise PermissionError(errno.EACCES, "Permission denied")


def test_a_folder_refused_as_a_permission_error_is_still_said_to_be_a_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What Windows raises when a folder is opened as a file."""

    monkeypatch.setattr(textio, "open", _open_refused, raising=False)  # read_source's open, not the builtin
    with pytest.raises(textio.UnreadableFileError) as raised:
        textio.read_source(str(tmp_path))
    assert say(raised.value, "en") == f"{tmp_path} is a directory; give the path of a sheet file (.yaml or .md)."
    with pytest.raises(textio.UnreadableFileError) as raised:
        textio.read_source(str(tmp_path / "locked.yaml"))
    assert raised.value.key == "file.permission"


def test_a_file_in_a_folder_that_cannot_be_searched_is_a_permission_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening it and asking whether it is a folder both fail with EACCES: one error line, never a traceback."""

    monkeypatch.setattr(textio, "open", _open_refused, raising=False)
    monkeypatch.setattr(Path, "is_dir", _refused)
    with pytest.raises(textio.UnreadableFileError) as raised:
        textio.read_source(str(tmp_path / "sub" / "fete.yaml"))
    assert raised.value.key == "file.permission"
