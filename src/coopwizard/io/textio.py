"""Reading untrusted text files and writing output atomically.

Every input may be hostile or simply wrong: it is read with a size limit,
decoded as UTF-8 (a BOM and CRLF line ends are accepted) and every failure
becomes an UnreadableFileError that names the file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

from coopwizard.core.errors import UnreadableFileError, WriteError
from coopwizard.core.message import Message
from coopwizard.core.records import slim_dataclass

MAX_BYTES = 5 * 1024 * 1024
STDIN = "-"


@slim_dataclass
class SourceText:
    """A file's text, with the name to show in messages."""

    name: str
    text: str


def read_source(name: str) -> SourceText:
    """Read `name` (a path, or "-" for standard input) as UTF-8 text."""
    if name == STDIN:
        return SourceText("<stdin>", _decode(_read_stdin(), "<stdin>"))
    try:
        with open(name, "rb") as handle:  # not Path.open: its frames cost as much as reading a sheet
            raw = read_bounded(handle, MAX_BYTES + 1)
    except FileNotFoundError as err:
        raise UnreadableFileError("file.not_found", file=name) from err
    except IsADirectoryError as err:
        raise UnreadableFileError("file.is_directory", file=name) from err
    except PermissionError as err:
        if _is_folder(Path(name)):  # what Windows says of a folder opened as a file
            raise UnreadableFileError("file.is_directory", file=name) from err
        raise UnreadableFileError("file.permission", file=name) from err
    except OSError as err:
        raise UnreadableFileError("file.os_error", file=name, reason=os_reason(err)) from err
    return SourceText(name, _decode(raw, name))


READ_CHUNK = 64 * 1024


def _is_folder(path: Path) -> bool:
    """Whether `path` is a folder, False when that cannot be known (a parent that cannot be searched)."""
    try:
        return path.is_dir()
    except OSError:  # is_dir() itself raises EACCES
        return False


def read_bounded(handle: Any, limit: int) -> bytes:
    """At most `limit` bytes of a binary stream, read in chunks.

    `read(limit)` would allocate the whole limit (5 MB) before reading a 3 KB sheet:
    on a folder of a thousand sheets, four times the cost of the read itself.
    """
    chunks = []
    total = 0
    while total < limit:
        chunk = handle.read(min(READ_CHUNK, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _read_stdin() -> bytes:
    """Standard input's bytes; closed (``<&-``) or unreadable, an error that says so."""
    stream = sys.stdin
    if stream is None or getattr(stream, "closed_at_start", False):
        raise UnreadableFileError("file.stdin_closed")
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            return read_bounded(buffer, MAX_BYTES + 1)
        return str(stream.read(MAX_BYTES + 1)).encode("utf-8")
    except (OSError, ValueError) as err:  # EBADF, EIO, or a closed file object
        reason = os_reason(err) if isinstance(err, OSError) else str(err)
        raise UnreadableFileError("file.stdin_unreadable", reason=reason) from err


def _decode(raw: bytes, name: str) -> str:
    if len(raw) > MAX_BYTES:
        raise UnreadableFileError("file.too_big", file=name, limit=MAX_BYTES // (1024 * 1024))
    if not raw.strip():
        raise UnreadableFileError("file.empty", file=name)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise UnreadableFileError("file.not_utf8", file=name, offset=err.start) from err
    if "\x00" in text:
        raise UnreadableFileError("file.binary", file=name)
    return text.replace("\r\n", "\n")


TEMP_MARK = ".coop-"  # in every temporary file's name: ".fete.yaml.coop-k3j9x0ab.tmp"
TEMP_SUFFIX = ".tmp"
STALE_AFTER = 10 * 60  # seconds: a write takes milliseconds, so an older temporary file is a dead one's
_TEMP_NAME = re.compile(r"^\..+\.coop-[a-z0-9_]{8}\.tmp$")
RENAME_NEVER_REPLACES = os.name == "nt"  # Windows' rename refuses an existing name; POSIX's replaces it
_SIGNAL_NAMES = ("SIGTERM", "SIGHUP")  # SIGHUP (a closed terminal) does not exist on Windows


def write_atomic(path: Path, text: str | bytes, *, overwrite: bool = True) -> None:
    """Write `text` to `path` in UTF-8 (or bytes, for Word files) so that readers see the old file or the new one.

    The text goes to a temporary file beside it, synced, then moved into place. With
    `overwrite=False` it is linked into place, which fails if the name exists (even
    if it appeared a moment ago), so two writers never replace each other's file.
    A symbolic link is written through: its target is replaced (docs/output.md).
    SIGTERM or SIGHUP meanwhile removes the temporary file, then ends with 128 + the
    signal; temporary files a killed writer left are removed by the next write.
    """
    import tempfile  # only when writing: it imports `random`, which `coop check` does without

    target = write_target(path, overwrite)
    data = text.encode("utf-8") if isinstance(text, str) else text
    directory = target.parent
    remove_stale_temporaries(directory)
    pending: list[Path] = []
    with _removed_on_signal(pending):
        try:
            fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}{TEMP_MARK}", suffix=TEMP_SUFFIX, dir=directory)
        except OSError as err:
            raise WriteError("file.write_failed", file=str(path), reason=os_reason(err)) from err
        tmp = Path(tmp_name)
        pending.append(tmp)
        try:
            _lock(fd)  # a live writer's temporary file is never taken for a stale one
            os.chmod(tmp, _mode_for(target))  # mkstemp makes 0600; a sheet is shared like any file
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            if overwrite:
                os.replace(tmp, target)
            else:
                _link_new(tmp, target)
        except FileExistsError as err:
            raise WriteError("file.exists", file=str(path)) from err
        except OSError as err:
            raise WriteError("file.write_failed", file=str(path), reason=os_reason(err)) from err
        finally:
            tmp.unlink(missing_ok=True)  # after a link, the temporary name; after a failure, the partial file


def write_target(path: Path, overwrite: bool) -> Path:
    """Where a write to `path` lands: `path`, or the target of the link it is; refused as write_atomic would."""
    try:
        found = os.stat(path)
    except FileNotFoundError:
        found = None
        if os.path.islink(path) and not overwrite:
            raise WriteError("output.dangling_link", file=str(path), target=os.readlink(path)) from None
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise WriteError("output.link_loop", file=str(path)) from err
        raise WriteError("file.write_failed", file=str(path), reason=os_reason(err)) from err
    if found is not None:
        if stat.S_ISDIR(found.st_mode):
            raise WriteError("file.write_failed", file=str(path), reason=Message("file.reason.is_directory"))
        if not overwrite:
            raise WriteError("file.exists", file=str(path))
    if os.path.islink(path):
        return Path(os.path.realpath(path))
    return path


def _link_new(tmp: Path, target: Path) -> None:
    """Put `tmp` in place at `target` only if no such name exists, atomically."""
    try:
        os.link(tmp, target)  # fails with FileExistsError if the name exists, a dangling link included
        return
    except FileExistsError:
        raise
    except (OSError, AttributeError, NotImplementedError):
        pass  # a file system without hard links (FAT, some network shares)
    if RENAME_NEVER_REPLACES:
        os.rename(tmp, target)  # fails with FileExistsError if the name exists
        return
    # Reserve the name exclusively, then move the whole file over the empty one.
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    os.replace(tmp, target)


def remove_stale_temporaries(directory: Path, now: float | None = None) -> list[Path]:
    """Remove our own temporary files in `directory` that a killed writer left: older than STALE_AFTER, unlocked."""
    removed: list[Path] = []
    moment = time.time() if now is None else now
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return removed
    for entry in entries:
        if not _TEMP_NAME.match(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or moment - info.st_mtime < STALE_AFTER:
                continue
            if _is_locked(entry.path):
                continue
            os.unlink(entry.path)
            removed.append(Path(entry.path))
        except OSError:
            continue  # gone meanwhile, or in use (Windows refuses to remove an open file)
    return removed


def _lock(fd: int) -> None:
    try:
        import fcntl
    except ImportError:  # Windows: an open file cannot be removed, which is lock enough
        return
    with contextlib.suppress(OSError):
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _is_locked(name: str) -> bool:
    try:
        import fcntl
    except ImportError:
        return False
    try:
        fd = os.open(name, os.O_RDONLY)
    except OSError:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


@contextlib.contextmanager
def _removed_on_signal(pending: list[Path]) -> Iterator[None]:
    """While a write is under way, SIGTERM and SIGHUP remove its temporary file first, then end the process."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers belong to the main thread; there, the write is cleaned up all the same
        return
    previous: dict[int, Any] = {}

    def handler(signum: int, frame: FrameType | None) -> None:
        for tmp in pending:
            with contextlib.suppress(OSError):
                tmp.unlink()
        for number, before in previous.items():
            signal.signal(number, before)
        before = previous.get(signum)
        if callable(before):
            before(signum, frame)  # someone else's cleanup (a wizard's draft), then ours ends
        raise SystemExit(128 + signum)

    for number in (getattr(signal, name) for name in _SIGNAL_NAMES if hasattr(signal, name)):
        try:
            current = signal.getsignal(number)
            if current is signal.SIG_IGN:
                continue  # under nohup, a closed terminal is meant to change nothing
            previous[number] = current
            signal.signal(number, handler)
        except (OSError, ValueError):
            continue
    try:
        yield
    finally:
        for number, before in previous.items():
            with contextlib.suppress(OSError, ValueError):
                signal.signal(number, before)


_REASONS = {
    errno.ENOENT: "not_found",
    errno.EACCES: "permission",
    errno.EPERM: "permission",
    errno.ENOSPC: "no_space",
    errno.EROFS: "read_only",
    errno.EISDIR: "is_directory",
    errno.ENOTDIR: "not_directory",
    errno.EFBIG: "too_large",
    errno.EIO: "io_error",
}


def os_reason(err: OSError) -> Any:
    """Why the system refused, in the user's language when it is a common reason."""
    key = _REASONS.get(err.errno or 0)
    return Message(f"file.reason.{key}") if key else (err.strerror or str(err))


def _mode_for(path: Path) -> int:
    """The replaced file's permissions, or what the umask gives a new file."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
