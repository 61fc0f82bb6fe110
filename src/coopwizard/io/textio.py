"""Reading untrusted text files and writing output atomically.

Every input may be hostile or simply wrong: it is read with a size limit,
decoded as UTF-8 (a BOM and CRLF line ends are accepted) and every failure
becomes an UnreadableFileError that names the file.
"""

from __future__ import annotations

import errno
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coopwizard.core.errors import UnreadableFileError, WriteError

MAX_BYTES = 5 * 1024 * 1024
STDIN = "-"


@dataclass
class SourceText:
    """A file's text, with the name to show in messages."""

    name: str
    text: str


def read_source(name: str) -> SourceText:
    """Read `name` (a path, or "-" for standard input) as UTF-8 text."""
    if name == STDIN:
        raw = sys.stdin.buffer.read(MAX_BYTES + 1)
        return SourceText("<stdin>", _decode(raw, "<stdin>"))
    path = Path(name)
    try:
        if path.is_dir():
            raise UnreadableFileError("file.is_directory", file=name)
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError as err:
        raise UnreadableFileError("file.not_found", file=name) from err
    except PermissionError as err:
        raise UnreadableFileError("file.permission", file=name) from err
    except OSError as err:
        raise UnreadableFileError("file.os_error", file=name, reason=os_reason(err)) from err
    return SourceText(name, _decode(raw, name))


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


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write `text` (or bytes, for Word files) to `path` so that readers see the old file or the new one, never half."""
    path = path.resolve() if path.is_symlink() else path  # replace the target, not the link
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as err:
        raise WriteError("file.write_failed", file=str(path), reason=os_reason(err)) from err
    tmp = Path(tmp_name)
    try:
        os.chmod(tmp, _mode_for(path))  # mkstemp makes 0600; a sheet is shared like any file
        if isinstance(text, bytes):
            with os.fdopen(fd, "wb") as binary:
                binary.write(text)
                binary.flush()
                os.fsync(binary.fileno())
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise WriteError("file.write_failed", file=str(path), reason=os_reason(err)) from err
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


_REASONS = {
    errno.ENOENT: "not_found",
    errno.EACCES: "permission",
    errno.EPERM: "permission",
    errno.ENOSPC: "no_space",
    errno.EROFS: "read_only",
    errno.EISDIR: "is_directory",
    errno.ENOTDIR: "not_directory",
}


def os_reason(err: OSError) -> Any:
    """Why the system refused, in the user's language when it is a common reason."""
    from coopwizard.core.message import Message

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
