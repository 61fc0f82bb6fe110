"""Standard streams that fail in one clear way: closed, full, broken or in a narrow encoding.

While a command runs, `guarded_streams` puts guards in front of stdin, stdout and
stderr (docs/output.md):

- what goes to stdout when it is a file or a pipe is UTF-8, whatever the console's
  encoding says (``PYTHONIOENCODING=cp1252``): a sheet written with ``-o - > f`` is
  the same file as ``-o f``;
- text for a terminal (or stderr) that cannot show a character has it replaced, never fatal;
- a closed stdout, a full disk, a file size limit: a WriteError (one line, exit 2);
- a closed stdin: reading it is an UnreadableFileError (textio);
- a broken pipe (``| head -1``) is left as BrokenPipeError for the CLI to end quietly.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Iterator
from typing import IO, Any

from coopwizard.core.errors import WriteError

BROKEN_PIPE_EXIT = 141  # 128 + SIGPIPE, what a shell reports for a command a closed pipe stopped


class ClosedInput:
    """Standard input closed before the start (``<&-``): not a terminal, and reading it fails with EBADF."""

    closed_at_start = True
    encoding = "utf-8"

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))

    def read(self, size: int = -1) -> str:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))

    def readline(self, size: int = -1) -> str:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))


class GuardedOutput:
    """A text stream whose failures are CoopErrors, in UTF-8 off a terminal, replacing what a console cannot show."""

    def __init__(self, stream: IO[str] | None, name: str) -> None:
        self._stream = stream
        self._name = name
        self._bytes: IO[bytes] | None = None
        self._fd: int | None = None
        if stream is not None and name == "stdout" and not _isatty(stream):
            buffer = getattr(stream, "buffer", None)
            if buffer is not None:
                with contextlib.suppress(OSError, ValueError):
                    stream.flush()  # what was written before goes first
                self._bytes = buffer
                self._fd = _fileno(stream)

    @property
    def wrapped(self) -> IO[str] | None:
        return self._stream

    @property
    def encoding(self) -> str:
        if self._bytes is not None:
            return "utf-8"
        return str(getattr(self._stream, "encoding", None) or "utf-8")

    def isatty(self) -> bool:
        return self._stream is not None and _isatty(self._stream)

    def write(self, text: str) -> int:
        if self._name == "stderr" and self._stream is None:
            return len(text)  # nobody can be told: the exit code tells
        stream = self._closed_check()
        try:
            if self._fd is not None:
                _write_all(self._fd, text.encode("utf-8", "replace"))
            elif self._bytes is not None:
                self._bytes.write(text.encode("utf-8", "replace"))
            else:
                try:
                    stream.write(text)
                except UnicodeEncodeError:
                    encoding = self.encoding
                    stream.write(text.encode(encoding, "replace").decode(encoding, "replace"))
        except OSError as err:
            if self._name == "stderr":
                silence(self._stream)  # a message that cannot be said is no reason to fail the command
                return len(text)
            raise self._failure(err) from err
        return len(text)

    def flush(self) -> None:
        if self._stream is None:
            return
        try:
            if self._bytes is not None:
                self._bytes.flush()
            self._stream.flush()
        except OSError as err:
            if self._name == "stderr":
                silence(self._stream)
                return
            raise self._failure(err) from err

    def _closed_check(self) -> IO[str]:
        if self._stream is None:
            raise WriteError("output.stdout_closed")
        return self._stream

    def _failure(self, err: OSError) -> BaseException:
        silence(self._stream)  # what is still buffered would fail again at exit, with a second message
        # A closed pipe is EPIPE; on Windows, writing to one fails with EINVAL.
        broken = isinstance(err, BrokenPipeError) or err.errno == errno.EPIPE
        if broken or (os.name == "nt" and err.errno == errno.EINVAL):
            return BrokenPipeError(errno.EPIPE, "broken pipe")
        if err.errno == errno.EBADF:
            return WriteError("output.stdout_closed")
        from coopwizard.io.textio import os_reason

        return WriteError("output.stdout_failed", reason=os_reason(err))

    def __getattr__(self, name: str) -> Any:  # fileno, errors, …: as the stream has them
        if self._stream is None:
            raise AttributeError(name)
        return getattr(self._stream, name)


def _write_all(fd: int, data: bytes) -> None:
    """Every byte, or an OSError: a short write (a file size limit, a full disk) is never taken for success."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        view = view[written:]


def _fileno(stream: IO[str]) -> int | None:
    try:
        return stream.fileno()
    except (OSError, ValueError, AttributeError):
        return None


def stdout_is_null() -> bool:
    """Whether descriptor 1 is the null device (as Rich and `silence` leave it after a broken pipe)."""
    try:
        return os.path.samestat(os.fstat(1), os.stat(os.devnull))
    except (OSError, ValueError):
        return False


def _isatty(stream: IO[str]) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (OSError, ValueError):
        return False


def silence(stream: IO[str] | None) -> None:
    """Point the stream's file descriptor at the null device: nothing more to say, nothing to fail at exit."""
    if stream is None:
        return
    try:
        fd = stream.fileno()
    except (OSError, ValueError, AttributeError):
        return
    try:
        null = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        return
    try:
        os.dup2(null, fd)
    except OSError:
        pass
    finally:
        os.close(null)


@contextlib.contextmanager
def guarded_streams() -> Iterator[None]:
    """Guards on sys.stdin, sys.stdout and sys.stderr while a command runs; the streams as they were after."""
    saved = sys.stdin, sys.stdout, sys.stderr
    if sys.stdin is None:
        sys.stdin = ClosedInput()
    if not isinstance(sys.stdout, GuardedOutput):
        sys.stdout = GuardedOutput(sys.stdout, "stdout")
    if not isinstance(sys.stderr, GuardedOutput):
        sys.stderr = GuardedOutput(sys.stderr, "stderr")
    try:
        yield
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved


def reopen_closed_descriptors() -> None:
    """Descriptors 0, 1 and 2 closed at start are opened on the null device, so no file we open takes their number.

    sys.stdin and sys.stdout stay None (Python saw them closed): the guards say so when they are used.
    """
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            try:
                null = os.open(os.devnull, os.O_RDWR)
            except OSError:
                return
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
