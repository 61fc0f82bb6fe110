"""Reading untrusted files and writing atomically, case by case (io/textio.py).

Written from the mutation run of io/ (docs/testing.md). What is pinned: the name and the
message of every refusal (English and French), the bytes read and written, the temporary
file (never left behind, never taken for a stale one while it is written), the mode of
what is written, and the signal handlers put back after a write.
"""

from __future__ import annotations

import errno
import io
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from coopwizard.core.errors import UnreadableFileError, WriteError
from coopwizard.core.message import Message
from coopwizard.i18n import say
from coopwizard.io import textio
from coopwizard.io.textio import MAX_BYTES, os_reason, read_source, remove_stale_temporaries, write_atomic
from tests.helpers import french


def said(err: Exception) -> tuple[str, str]:
    return say(err, "en"), say(err, "fr")


def unreadable(name: str) -> UnreadableFileError:
    with pytest.raises(UnreadableFileError) as raised:
        read_source(name)
    return raised.value


def unwritable(path: Path, text: str | bytes = "x\n", **options: Any) -> WriteError:
    with pytest.raises(WriteError) as raised:
        write_atomic(path, text, **options)
    return raised.value


def entries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


# --- reading ----------------------------------------------------------------------------------


def test_a_file_is_read_as_utf8_with_its_name(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_bytes("\ufeffa: Fête\r\nb: 1\rc\n".encode())
    source = read_source(str(path))
    assert (source.name, source.text) == (str(path), "a: Fête\nb: 1\rc\n")  # a BOM dropped, CRLF made LF


@pytest.mark.parametrize(
    ("content", "key", "params", "english", "french_text"),
    [
        (b"", "file.empty", {}, '{f} is empty; a sheet starts with "format: 1" and "project:".', None),
        (b" \t\r\n\n", "file.empty", {}, '{f} is empty; a sheet starts with "format: 1" and "project:".', None),
        (
            b"ab\xe9",
            "file.not_utf8",
            {"offset": 2},
            "{f} is not UTF-8 (byte 2); save it again as UTF-8.",
            "{f} n'est pas en UTF-8 (octet 2) ; réenregistrez-le en UTF-8.",
        ),
        (
            b"a\x00",
            "file.binary",
            {},
            "{f} contains NUL bytes: it is not a text file.",
            "{f} contient des octets nuls : ce n'est pas un fichier texte.",
        ),
    ],
)
def test_what_is_no_text_is_refused_naming_the_file(
    content: bytes, key: str, params: dict[str, Any], english: str, french_text: str | None, tmp_path: Path
) -> None:
    path = tmp_path / "s.yaml"
    path.write_bytes(content)
    err = unreadable(str(path))
    assert (err.key, err.params) == (key, {"file": str(path), **params})
    assert say(err, "en") == english.format(f=path)
    if french_text is not None:
        assert say(err, "fr") == french(french_text.format(f=path))


@pytest.mark.parametrize(("size", "refused"), [(MAX_BYTES, False), (MAX_BYTES + 1, True)])
def test_the_size_limit_is_5_mb(size: int, refused: bool) -> None:
    raw = b"a" * size
    if not refused:
        assert len(textio._decode(raw, "s.yaml")) == size
        return
    with pytest.raises(UnreadableFileError) as raised:
        textio._decode(raw, "s.yaml")
    assert (raised.value.key, raised.value.params) == ("file.too_big", {"file": "s.yaml", "limit": 5})
    assert said(raised.value) == (
        "s.yaml is larger than 5 MB; a sheet takes a few kilobytes.",
        french("s.yaml dépasse 5 Mo ; une fiche tient en quelques kilo-octets."),
    )


def test_a_missing_file(tmp_path: Path) -> None:
    name = str(tmp_path / "none.yaml")
    err = unreadable(name)
    assert (err.key, err.params) == ("file.not_found", {"file": name})
    assert said(err) == (
        f"{name}: no such file; check the path.",
        french(f"{name} : fichier introuvable ; vérifiez le chemin."),
    )


def test_a_folder(tmp_path: Path) -> None:
    err = unreadable(str(tmp_path))
    assert (err.key, err.params) == ("file.is_directory", {"file": str(tmp_path)})
    assert said(err)[1] == french(f"{tmp_path} est un dossier ; donnez le chemin d'un fichier de fiche (.yaml ou .md).")


def test_a_file_that_may_not_be_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(name: str, *args: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(textio, "open", refused, raising=False)  # read_source opens with the builtin
    name = str(tmp_path / "s.yaml")
    err = unreadable(name)
    assert (err.key, err.params) == ("file.permission", {"file": name})
    assert said(err) == (
        f"{name}: permission denied; check the file's permissions.",
        french(f"{name} : lecture refusée ; vérifiez les droits du fichier."),
    )


def test_any_other_system_error_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(name: str, *args: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(textio, "open", failing, raising=False)
    name = str(tmp_path / "s.yaml")
    err = unreadable(name)
    assert (err.key, err.params) == ("file.os_error", {"file": name, "reason": Message("file.reason.io_error")})
    assert said(err) == (
        f"{name}: cannot be read (an input/output error).",
        french(f"{name} : lecture impossible (erreur d'entrée-sortie)."),
    )


def test_a_folder_that_cannot_be_asked_about_is_not_one(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def failing(self: Path) -> bool:
        raise OSError(errno.EACCES, "Permission denied")

    assert textio._is_folder(tmp_path) is True
    assert textio._is_folder(tmp_path / "none") is False
    monkeypatch.setattr(Path, "is_dir", failing)
    assert textio._is_folder(tmp_path) is False


# --- standard input --------------------------------------------------------------------------


class _TextOnly:
    """A standard input with no bytes underneath (as some test runners and IDEs give)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.asked: list[int] = []

    def read(self, size: int = -1) -> str:
        self.asked.append(size)
        return self.text


def test_standard_input_is_read_from_its_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO("\ufeffa: é\r\n".encode()), encoding="latin-1")
    monkeypatch.setattr("sys.stdin", stdin)
    source = read_source("-")
    assert (source.name, source.text) == ("<stdin>", "a: é\n")


def test_standard_input_without_bytes_is_read_as_text(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = _TextOnly("a: é\n")
    monkeypatch.setattr("sys.stdin", stdin)
    assert read_source("-").text == "a: é\n"
    assert stdin.asked == [MAX_BYTES + 1]


def test_standard_input_too_big_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", _TextOnly("a" * (MAX_BYTES + 1)))
    err = unreadable("-")
    assert (err.key, err.params) == ("file.too_big", {"file": "<stdin>", "limit": 5})


@pytest.mark.parametrize("stdin", [None, type("Closed", (), {"closed_at_start": True})()])
def test_a_closed_standard_input(stdin: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", stdin)
    err = unreadable("-")
    assert (err.key, err.params) == ("file.stdin_closed", {})
    assert said(err) == (
        "standard input is closed; give a file name, or pipe the sheet into -.",
        french("l'entrée standard est fermée ; donnez un nom de fichier, ou envoyez la fiche dans -."),
    )


def test_a_standard_input_closed_meanwhile(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"x"))
    stdin.close()
    monkeypatch.setattr("sys.stdin", stdin)
    err = unreadable("-")
    assert err.key == "file.stdin_unreadable"
    assert err.params == {"reason": "I/O operation on closed file."}
    assert say(err, "en") == "standard input cannot be read (I/O operation on closed file.)."


def test_a_standard_input_that_fails_says_the_system_s_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    class Failing(_TextOnly):
        def read(self, size: int = -1) -> str:
            raise OSError(errno.EBADF, "Bad file descriptor")

    monkeypatch.setattr("sys.stdin", Failing(""))
    err = unreadable("-")
    assert (err.key, err.params) == ("file.stdin_unreadable", {"reason": "Bad file descriptor"})


# --- the system's reasons --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "english", "french_text"),
    [
        (errno.ENOENT, "no such folder", None),
        (errno.EACCES, "permission denied", None),
        (errno.EPERM, "permission denied", None),
        (errno.ENOSPC, "the disk is full", "disque plein"),
        (errno.EROFS, "the disk is read-only", None),
        (errno.EISDIR, "it is a directory", None),
        (errno.ENOTDIR, "a part of the path is not a directory", None),
        (errno.EFBIG, "the file size limit is reached", "taille maximale de fichier atteinte"),
        (errno.EIO, "an input/output error", "erreur d'entrée-sortie"),
    ],
)
def test_each_common_system_error_has_its_words(number: int, english: str, french_text: str | None) -> None:
    reason = os_reason(OSError(number, "system words"))
    assert isinstance(reason, Message)
    assert say(reason, "en") == english
    if french_text is not None:
        assert say(reason, "fr") == french_text


def test_an_error_with_no_number_and_no_words_is_said_as_it_is() -> None:
    assert os_reason(OSError(errno.ENOTSUP, "")) == str(OSError(errno.ENOTSUP, ""))
    assert os_reason(OSError()) == ""


# --- writing --------------------------------------------------------------------------------


def test_text_is_written_as_utf8_and_bytes_as_they_are(tmp_path: Path) -> None:
    write_atomic(tmp_path / "a.md", "Fête\r\n« x »\n")
    write_atomic(tmp_path / "b.docx", b"\xff\x00PK")
    assert (tmp_path / "a.md").read_bytes() == "Fête\r\n« x »\n".encode()
    assert (tmp_path / "b.docx").read_bytes() == b"\xff\x00PK"
    assert entries(tmp_path) == ["a.md", "b.docx"]


def test_a_write_replaces_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "s.md"
    target.write_text("old and longer\n", encoding="utf-8")
    write_atomic(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"


def test_a_new_name_is_written_without_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "s.md"
    write_atomic(target, "new\n", overwrite=False)
    assert target.read_text(encoding="utf-8") == "new\n"
    assert entries(tmp_path) == ["s.md"]


def test_an_existing_file_is_not_replaced_without_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "s.md"
    target.write_text("old\n", encoding="utf-8")
    err = unwritable(target, overwrite=False)
    assert (err.key, err.params) == ("file.exists", {"file": str(target)})
    assert said(err) == (
        f"{target} already exists; add --force to replace it, or choose another -o.",
        french(f"{target} existe déjà ; ajoutez --force pour le remplacer, ou choisissez un autre -o."),
    )
    assert target.read_text(encoding="utf-8") == "old\n"
    assert entries(tmp_path) == ["s.md"]


def test_a_link_is_written_through_to_its_target(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    assert textio.write_target(link, True) == real
    assert textio.write_target(real, True) == real
    assert unwritable(link, overwrite=False).key == "file.exists"
    write_atomic(link, "new\n")
    assert real.read_text(encoding="utf-8") == "new\n" and link.is_symlink()


def test_a_dangling_link(tmp_path: Path) -> None:
    link, target = tmp_path / "s.md", tmp_path / "elsewhere.md"
    link.symlink_to(target)
    err = unwritable(link, overwrite=False)
    assert (err.key, err.params) == ("output.dangling_link", {"file": str(link), "target": str(target)})
    assert not target.exists()
    assert textio.write_target(link, True) == target
    write_atomic(link, "x\n")
    assert target.read_text(encoding="utf-8") == "x\n" and link.is_symlink()


@pytest.mark.parametrize("overwrite", [True, False])
def test_a_link_loop(tmp_path: Path, overwrite: bool) -> None:
    (tmp_path / "a.md").symlink_to(tmp_path / "b.md")
    (tmp_path / "b.md").symlink_to(tmp_path / "a.md")
    err = unwritable(tmp_path / "a.md", overwrite=overwrite)
    assert (err.key, err.params) == ("output.link_loop", {"file": str(tmp_path / "a.md")})
    assert say(err, "fr") == french(
        f"{tmp_path / 'a.md'} : ses liens symboliques forment une boucle ; corrigez ou supprimez le lien, "
        "ou choisissez un autre -o."
    )


@pytest.mark.parametrize("overwrite", [True, False])
def test_a_folder_is_never_written_over(tmp_path: Path, overwrite: bool) -> None:
    (tmp_path / "d.md").mkdir()
    err = unwritable(tmp_path / "d.md", overwrite=overwrite)
    assert (err.key, err.params) == (
        "file.write_failed",
        {"file": str(tmp_path / "d.md"), "reason": Message("file.reason.is_directory")},
    )
    assert entries(tmp_path) == ["d.md"]


def test_a_missing_folder_is_said_as_such(tmp_path: Path) -> None:
    target = tmp_path / "none" / "s.md"
    err = unwritable(target)
    assert (err.key, err.params) == (
        "file.write_failed",
        {"file": str(target), "reason": Message("file.reason.not_found")},
    )
    assert said(err) == (
        f"{target}: cannot write (no such folder); nothing was written.",
        french(f"{target} : écriture impossible (") + "dossier introuvable" + french(") ; rien n'a été écrit."),
    )


def test_a_path_that_cannot_be_looked_at_is_a_write_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_stat = os.stat

    def failing(path: Any, *args: Any, **kwargs: Any) -> Any:
        if str(path).endswith("s.md"):
            raise OSError(errno.EACCES, "Permission denied")
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(textio.os, "stat", failing)
    err = unwritable(tmp_path / "s.md")
    assert (err.key, err.params) == (
        "file.write_failed",
        {"file": str(tmp_path / "s.md"), "reason": Message("file.reason.permission")},
    )


@pytest.mark.parametrize("step", ["write", "fsync", "replace", "chmod"])
def test_a_failure_mid_write_leaves_the_old_file_and_no_temporary(
    step: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "s.md"
    target.write_text("old\n", encoding="utf-8")

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    if step == "write":
        monkeypatch.setattr(textio.os, "fdopen", lambda fd, mode: _FullFile(fd))
    else:
        monkeypatch.setattr(textio.os, step, full)
    err = unwritable(target, "new\n")
    assert (err.key, err.params) == (
        "file.write_failed",
        {"file": str(target), "reason": Message("file.reason.no_space")},
    )
    assert said(err) == (
        f"{target}: cannot write (the disk is full); nothing was written.",
        french(f"{target} : écriture impossible (disque plein) ; rien n'a été écrit."),
    )
    assert target.read_text(encoding="utf-8") == "old\n"
    assert entries(tmp_path) == ["s.md"]


class _FullFile:
    def __init__(self, fd: int) -> None:
        os.close(fd)

    def __enter__(self) -> _FullFile:
        return self

    def __exit__(self, *args: object) -> None:
        pass

    def write(self, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_temporary_file_that_cannot_be_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def refused(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    target = tmp_path / "s.md"
    err = unwritable(target)
    assert (err.key, err.params) == (
        "file.write_failed",
        {"file": str(target), "reason": Message("file.reason.permission")},
    )
    assert entries(tmp_path) == []


def test_the_data_is_synced_before_it_replaces_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    steps: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(textio.os, "fsync", lambda fd: (steps.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(textio.os, "replace", lambda a, b: (steps.append("replace"), real_replace(a, b))[1])
    write_atomic(tmp_path / "s.md", "x\n")
    assert steps == ["fsync", "replace"]


def test_the_temporary_file_is_named_for_the_target(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    names: list[str] = []
    real_replace = os.replace

    def spy(source: Any, destination: Any) -> None:
        names.append(Path(source).name)
        real_replace(source, destination)

    monkeypatch.setattr(textio.os, "replace", spy)
    write_atomic(tmp_path / "fete.yaml", "x\n")
    (name,) = names
    assert textio._TEMP_NAME.match(name), name
    assert name.startswith(".fete.yaml.coop-") and name.endswith(".tmp") and len(name) == len(".fete.yaml.coop-") + 12


def test_the_temporary_file_is_locked_while_it_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """So that another writer's clean-up never takes it for a dead writer's."""
    seen: list[bool] = []
    real_fsync = os.fsync

    def look(fd: int) -> None:
        (tmp,) = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        seen.append(textio._is_locked(str(tmp)))
        real_fsync(fd)

    monkeypatch.setattr(textio.os, "fsync", look)
    write_atomic(tmp_path / "s.md", "x\n")
    assert seen == [True]


@pytest.mark.usefixtures("umask_022")
def test_a_file_written_without_overwrite_gets_the_umask_mode(tmp_path: Path) -> None:
    target = tmp_path / "s.md"
    write_atomic(target, "x\n", overwrite=False)
    assert target.stat().st_mode & 0o777 == 0o644


@pytest.mark.usefixtures("umask_022")
def test_without_hard_links_the_file_still_gets_its_mode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(src: object, dst: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(textio.os, "link", no_links)
    target = tmp_path / "s.md"
    write_atomic(target, "x\n", overwrite=False)
    assert target.stat().st_mode & 0o777 == 0o644
    assert target.read_text(encoding="utf-8") == "x\n"
    assert entries(tmp_path) == ["s.md"]


@pytest.mark.parametrize("failure", [AttributeError, NotImplementedError])
def test_a_system_with_no_links_at_all_writes_a_new_file(
    failure: type[Exception], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(src: object, dst: object) -> None:
        raise failure("no link")

    monkeypatch.setattr(textio.os, "link", no_links)
    write_atomic(tmp_path / "s.md", "x\n", overwrite=False)
    assert entries(tmp_path) == ["s.md"]


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_the_mode_of_a_new_file_follows_the_umask_which_is_left_as_it_was(umask: int, tmp_path: Path) -> None:
    old = os.umask(umask)
    try:
        assert textio._mode_for(tmp_path / "new.md") == 0o666 & ~umask
        assert os.umask(umask) == umask
    finally:
        os.umask(old)


def test_the_mode_of_an_existing_file_is_kept(tmp_path: Path) -> None:
    target = tmp_path / "s.md"
    target.write_text("x", encoding="utf-8")
    target.chmod(0o751)
    assert textio._mode_for(target) == 0o751


# --- stale temporary files ------------------------------------------------------------------


def _temporary(folder: Path, name: str, age: float) -> Path:
    path = folder / name
    path.write_text("x", encoding="utf-8")
    moment = time.time() - age
    os.utime(path, (moment, moment))
    return path


def test_a_stale_temporary_is_removed_from_ten_minutes_on(tmp_path: Path) -> None:
    now = time.time()
    young = _temporary(tmp_path, ".a.md.coop-abcdefgh.tmp", 0)
    old = _temporary(tmp_path, ".b.md.coop-abcdefgh.tmp", 0)
    os.utime(young, (now - textio.STALE_AFTER + 1, now - textio.STALE_AFTER + 1))
    os.utime(old, (now - textio.STALE_AFTER, now - textio.STALE_AFTER))
    assert remove_stale_temporaries(tmp_path, now) == [old]
    assert entries(tmp_path) == [young.name]
    assert remove_stale_temporaries(tmp_path, now + 1) == [young]
    assert entries(tmp_path) == []


def test_the_stale_age_is_counted_from_now(tmp_path: Path) -> None:
    _temporary(tmp_path, ".a.md.coop-abcdefgh.tmp", textio.STALE_AFTER + 5)
    _temporary(tmp_path, ".b.md.coop-abcdefgh.tmp", textio.STALE_AFTER - 5)
    assert [p.name for p in remove_stale_temporaries(tmp_path)] == [".a.md.coop-abcdefgh.tmp"]


def test_a_link_with_a_temporary_s_name_is_not_removed(tmp_path: Path) -> None:
    target = _temporary(tmp_path, "kept.txt", 3600)
    link = tmp_path / ".a.md.coop-abcdefgh.tmp"
    link.symlink_to(target)
    os.utime(link, (time.time() - 3600,) * 2, follow_symlinks=False)
    assert remove_stale_temporaries(tmp_path) == []
    assert entries(tmp_path) == [".a.md.coop-abcdefgh.tmp", "kept.txt"]


def test_a_locked_temporary_is_not_removed(tmp_path: Path) -> None:
    import fcntl

    path = _temporary(tmp_path, ".a.md.coop-abcdefgh.tmp", 3600)
    fd = os.open(path, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        assert textio._is_locked(str(path)) is True
        assert remove_stale_temporaries(tmp_path) == []
    finally:
        os.close(fd)
    assert textio._is_locked(str(path)) is False
    assert remove_stale_temporaries(tmp_path) == [path]


def test_a_temporary_that_cannot_be_opened_counts_as_locked(tmp_path: Path) -> None:
    assert textio._is_locked(str(tmp_path / "none.tmp")) is True


def test_a_temporary_that_cannot_be_removed_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _temporary(tmp_path, ".a.md.coop-abcdefgh.tmp", 3600)
    second = _temporary(tmp_path, ".b.md.coop-abcdefgh.tmp", 3600)
    real_unlink = os.unlink

    def refuse_first(path: Any) -> None:
        if str(path) == str(first):
            raise PermissionError(errno.EACCES, "in use")
        real_unlink(path)

    monkeypatch.setattr(textio.os, "unlink", refuse_first)
    assert remove_stale_temporaries(tmp_path) == [second]
    assert entries(tmp_path) == [first.name]


def test_a_folder_that_cannot_be_listed_has_nothing_to_remove(tmp_path: Path) -> None:
    assert remove_stale_temporaries(tmp_path / "none") == []


def test_a_write_removes_the_stale_temporaries_beside_it(tmp_path: Path) -> None:
    _temporary(tmp_path, ".old.md.coop-abcdefgh.tmp", 3600)
    write_atomic(tmp_path / "s.md", "x\n")
    assert entries(tmp_path) == ["s.md"]


# --- signals during a write ------------------------------------------------------------------


@pytest.fixture
def signals_restored() -> Iterator[None]:
    saved = {number: signal.getsignal(number) for number in (signal.SIGTERM, signal.SIGHUP)}
    yield
    for number, handler in saved.items():
        signal.signal(number, handler)


def _signalled_mid_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, number: int) -> SystemExit:
    real_fsync = os.fsync

    def signalled(fd: int) -> None:
        real_fsync(fd)
        signal.raise_signal(number)

    monkeypatch.setattr(textio.os, "fsync", signalled)
    with pytest.raises(SystemExit) as raised:
        write_atomic(tmp_path / "s.md", "new\n")
    return raised.value


@pytest.mark.usefixtures("signals_restored")
@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_a_signal_mid_write_removes_the_temporary_and_ends(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    number = getattr(signal, name)
    signal.signal(number, signal.SIG_DFL)
    (tmp_path / "s.md").write_text("old\n", encoding="utf-8")
    ended = _signalled_mid_write(tmp_path, monkeypatch, number)
    assert ended.code == 128 + number
    assert entries(tmp_path) == ["s.md"]
    assert (tmp_path / "s.md").read_text(encoding="utf-8") == "old\n"
    assert signal.getsignal(number) == signal.SIG_DFL  # put back as it was


@pytest.mark.usefixtures("signals_restored")
def test_the_handler_before_is_called_after_the_clean_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    called: list[tuple[int, list[str]]] = []

    def before(number: int, frame: object) -> None:
        called.append((number, entries(tmp_path)))

    signal.signal(signal.SIGTERM, before)
    ended = _signalled_mid_write(tmp_path, monkeypatch, signal.SIGTERM)
    assert ended.code == 128 + signal.SIGTERM
    assert called == [(signal.SIGTERM, [])]  # the temporary already gone
    assert signal.getsignal(signal.SIGTERM) is before


@pytest.mark.usefixtures("signals_restored")
def test_the_handlers_are_only_ours_while_writing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    during: list[tuple[Any, Any]] = []
    real_fsync = os.fsync

    def look(fd: int) -> None:
        during.append((signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGHUP)))
        real_fsync(fd)

    monkeypatch.setattr(textio.os, "fsync", look)
    write_atomic(tmp_path / "s.md", "x\n")
    ((term, hup),) = during
    assert callable(term) and term is not signal.SIG_DFL
    assert hup == signal.SIG_IGN  # under nohup a closed terminal changes nothing
    assert (signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGHUP)) == (signal.SIG_DFL, signal.SIG_IGN)


@pytest.mark.usefixtures("signals_restored")
def test_the_handlers_are_put_back_after_a_failed_write(tmp_path: Path) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    unwritable(tmp_path / "none" / "s.md")
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL


def test_a_write_outside_the_main_thread_touches_no_handler(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    monkeypatch.setattr(signal, "signal", lambda *args: calls.append(args))
    errors: list[BaseException] = []

    def write() -> None:
        try:
            write_atomic(tmp_path / "s.md", "x\n")
        except BaseException as err:  # pragma: no cover - shown by the assertion
            errors.append(err)

    thread = threading.Thread(target=write)
    thread.start()
    thread.join()
    assert errors == [] and calls == []
    assert (tmp_path / "s.md").read_text(encoding="utf-8") == "x\n"


# --- from the mutation run's survivors (T1) ---------------------------------------------------


def test_a_file_of_exactly_5_mb_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_bytes(b"a" * (MAX_BYTES - 1) + b"\n")
    assert len(read_source(str(path)).text) == MAX_BYTES
    path.write_bytes(b"a" * MAX_BYTES + b"\n")
    assert unreadable(str(path)).key == "file.too_big"


def test_standard_input_of_exactly_5_mb_is_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"a" * (MAX_BYTES - 1) + b"\n")))
    assert len(read_source("-").text) == MAX_BYTES


def test_a_bounded_read_stops_at_the_limit_without_asking_for_more() -> None:
    asked: list[int] = []

    class Recording(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            asked.append(-1 if size is None else size)
            return super().read(size)

    assert textio.read_bounded(Recording(b"x" * 20), 10) == b"x" * 10
    assert asked == [10]


def _sorted_scandir(monkeypatch: pytest.MonkeyPatch) -> None:
    """The folder's entries by name, so that which comes first is known."""
    real = os.scandir
    monkeypatch.setattr(textio.os, "scandir", lambda folder: sorted(real(folder), key=lambda e: e.name))


def test_every_entry_is_looked_at_whatever_comes_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _sorted_scandir(monkeypatch)
    _temporary(tmp_path, ".a.md.coop-abcdefgh.tmp", 0)  # young: kept
    _temporary(tmp_path, ".b.md.abcdefgh.tmp", 3600)  # not ours: kept
    stale = _temporary(tmp_path, ".c.md.coop-abcdefgh.tmp", 3600)
    assert remove_stale_temporaries(tmp_path) == [stale]
    assert entries(tmp_path) == [".a.md.coop-abcdefgh.tmp", ".b.md.abcdefgh.tmp"]


def test_a_temporary_that_cannot_be_removed_does_not_stop_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _sorted_scandir(monkeypatch)
    first = _temporary(tmp_path, ".a.md.coop-abcdefgh.tmp", 3600)
    second = _temporary(tmp_path, ".b.md.coop-abcdefgh.tmp", 3600)
    real_unlink = os.unlink

    def refuse_first(path: Any) -> None:
        if str(path) == str(first):
            raise PermissionError(errno.EACCES, "in use")
        real_unlink(path)

    monkeypatch.setattr(textio.os, "unlink", refuse_first)
    assert remove_stale_temporaries(tmp_path) == [second]


def test_a_file_system_that_refuses_locks_is_still_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import fcntl

    def refused(fd: int, operation: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")  # some network file systems

    monkeypatch.setattr(fcntl, "flock", refused)
    write_atomic(tmp_path / "s.md", "x\n")
    assert (tmp_path / "s.md").read_text(encoding="utf-8") == "x\n"
    assert entries(tmp_path) == ["s.md"]


def test_without_file_locks_nothing_counts_as_locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows has no fcntl: an open file cannot be removed there, which is lock enough."""
    import sys

    monkeypatch.setitem(sys.modules, "fcntl", None)
    path = _temporary(tmp_path, ".a.md.coop-abcdefgh.tmp", 3600)
    assert textio._is_locked(str(path)) is False
    assert textio._lock(0) is None
    write_atomic(tmp_path / "s.md", "x\n")
    assert entries(tmp_path) == ["s.md"]


def test_a_file_that_appears_meanwhile_is_refused_naming_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The name was free when checked, then someone wrote it: the link fails, and the message names the file."""
    target = tmp_path / "s.md"
    real_link = os.link

    def someone_first(source: Any, destination: Any) -> None:
        target.write_text("theirs\n", encoding="utf-8")
        real_link(source, destination)

    monkeypatch.setattr(textio.os, "link", someone_first)
    err = unwritable(target, "ours\n", overwrite=False)
    assert (err.key, err.params) == ("file.exists", {"file": str(target)})
    assert say(err, "en") == f"{target} already exists; add --force to replace it, or choose another -o."
    assert target.read_text(encoding="utf-8") == "theirs\n"
    assert entries(tmp_path) == ["s.md"]


def test_a_locked_temporary_does_not_stop_the_others(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import fcntl

    _sorted_scandir(monkeypatch)
    locked = _temporary(tmp_path, ".a.md.coop-abcdefgh.tmp", 3600)
    stale = _temporary(tmp_path, ".b.md.coop-abcdefgh.tmp", 3600)
    fd = os.open(locked, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        assert remove_stale_temporaries(tmp_path) == [stale]
    finally:
        os.close(fd)
    assert entries(tmp_path) == [locked.name]
