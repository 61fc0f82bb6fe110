"""Issue 9, streams: a closed, empty, full, broken or narrow standard stream is never a traceback or exit 1.

Real processes, with real file descriptors: closed ones (``<&-``, ``>&-``), /dev/full, a closed
pipe, a file size limit, ``PYTHONIOENCODING=cp1252``. Exit 2 and one line on stderr for what the
user must fix; 141, quietly, for a broken pipe (docs/output.md).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLE, ROOT

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX file descriptors, /dev/full, rlimits")
ANSWERS = ROOT / "docs" / "examples" / "answers.yaml"


def _coop(*args: str, close: tuple[int, ...] = (), limit: int | None = None, **options: Any) -> Any:
    def prepare() -> None:
        for fd in close:
            os.close(fd)
        if limit is not None:
            import resource

            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    options.setdefault("capture_output", "stdout" not in options and "stderr" not in options)
    return subprocess.run(
        [sys.executable, "-m", "coopwizard", *args], preexec_fn=prepare, check=False, timeout=60, **options
    )


def _one_line(err: bytes) -> str:
    text = err.decode("utf-8")
    assert "Traceback" not in text
    assert text.count("\n") == 1, text
    return text


def test_stdin_closed() -> None:
    done = _coop("check", "-", close=(0,))
    assert done.returncode == 2
    assert _one_line(done.stderr) == "Error: standard input is closed; give a file name, or pipe the sheet into -.\n"


def test_stdin_closed_for_answers() -> None:
    done = _coop("new", "--answers", "-", "-o", "-", close=(0,))
    assert done.returncode == 2
    assert "standard input is closed" in _one_line(done.stderr)


def test_stdin_empty() -> None:
    done = _coop("check", "-", stdin=subprocess.DEVNULL)
    assert done.returncode == 2
    assert _one_line(done.stderr) == 'Error: <stdin> is empty; a sheet starts with "format: 1" and "project:".\n'


def test_stdout_closed() -> None:
    done = _coop("check", str(EXAMPLE), close=(1,), stderr=subprocess.PIPE)
    assert done.returncode == 2
    assert _one_line(done.stderr) == (
        "Error: standard output is closed, so nothing can be printed; redirect it to a file or a pipe.\n"
    )


def test_stdout_closed_does_not_matter_when_writing_a_file(tmp_path: Path) -> None:
    target = tmp_path / "s.md"
    done = _coop("render", str(EXAMPLE), "-o", str(target), close=(1,), stderr=subprocess.PIPE)
    assert done.returncode == 0, done.stderr
    assert target.read_text(encoding="utf-8").startswith("---\n")


def test_stdout_and_stderr_closed_still_give_the_exit_code() -> None:
    assert _coop("check", str(EXAMPLE), close=(1, 2)).returncode == 2
    assert _coop("check", "/nonexistent.yaml", close=(2,)).returncode == 2


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize(
    "args", [("check", str(EXAMPLE)), ("check", "--format", "json", str(EXAMPLE)), ("render", str(EXAMPLE))]
)
def test_a_full_disk_on_stdout(args: tuple[str, ...]) -> None:
    with open("/dev/full", "w") as full:
        done = _coop(*args, stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == 2
    assert _one_line(done.stderr) == (
        "Error: cannot write to standard output (the disk is full); what was printed is incomplete.\n"
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_a_full_disk_on_stderr_only_keeps_the_exit_code() -> None:
    with open("/dev/full", "w") as full:
        done = _coop("check", "/nonexistent.yaml", stdout=subprocess.PIPE, stderr=full)
    assert done.returncode == 2


def test_a_file_size_limit_on_stdout_is_an_error_not_a_success(tmp_path: Path) -> None:
    out = tmp_path / "f.md"
    with out.open("wb") as handle:
        done = _coop(
            "render", str(EXAMPLE), "--format", "md", "-o", "-", limit=4096, stdout=handle, stderr=subprocess.PIPE
        )
    assert done.returncode == 2
    assert _one_line(done.stderr) == (
        "Error: cannot write to standard output (the file size limit is reached); what was printed is incomplete.\n"
    )


@pytest.mark.parametrize(
    "args",
    [
        ("check", *[str(EXAMPLE)] * 30),
        ("check", "--format", "json", *[str(EXAMPLE)] * 30),
        ("render", str(EXAMPLE)),
        ("topics",),
        ("--help",),
        ("check", "--help"),
    ],
    ids=["check", "check-json", "render", "topics", "help", "command-help"],
)
def test_a_broken_pipe_ends_quietly_with_141(args: tuple[str, ...]) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "coopwizard", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # `| head -0`: the reader is gone before the first line
    err = proc.stderr.read()
    assert proc.wait(timeout=60) == 141
    assert err == b""


def test_head_reads_a_line_and_the_exit_is_141(tmp_path: Path) -> None:
    names = " ".join([str(EXAMPLE)] * 400)
    done = subprocess.run(
        ["bash", "-c", f'"{sys.executable}" -m coopwizard check {names} | head -1; echo "${{PIPESTATUS[0]}}" >&2'],
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert done.stdout.decode("utf-8").count("\n") == 1
    assert done.stderr.decode("utf-8").splitlines()[-1] == "141"
    assert "Traceback" not in done.stderr.decode("utf-8")


def _cp1252(**extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONIOENCODING": "cp1252", **extra}


def test_a_cp1252_stdout_gets_utf8_data(tmp_path: Path) -> None:
    """What goes to a file or a pipe is UTF-8: `-o - > f` is the same file as `-o f`."""
    target = tmp_path / "s.md"
    assert _coop("render", str(EXAMPLE), "-o", str(target), env=_cp1252()).returncode == 0
    piped = _coop("render", str(EXAMPLE), "--format", "md", "-o", "-", env=_cp1252())
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout == target.read_bytes()
    report = _coop("check", str(EXAMPLE), env=_cp1252())
    assert report.returncode == 0 and report.stderr == b""
    assert "●●●" in report.stdout.decode("utf-8")
    as_json = _coop("check", "--format", "json", str(EXAMPLE), env=_cp1252())
    assert as_json.returncode == 0
    assert "fêtes" in as_json.stdout.decode("utf-8")


def test_a_cp1252_stderr_replaces_what_it_cannot_show(tmp_path: Path) -> None:
    done = _coop("check", str(tmp_path / "fête→🌱.yaml"), env=_cp1252())
    assert done.returncode == 2
    text = done.stderr.decode("cp1252")
    assert "Traceback" not in text
    # Python's stderr already escapes what the encoding lacks ("backslashreplace"); stdout would get "?".
    assert text == f"Error: {tmp_path}/fête\\u2192\\U0001f331.yaml: no such file; check the path.\n"


def test_an_ascii_terminal_encoding_is_not_fatal(tmp_path: Path) -> None:
    done = _coop("check", str(tmp_path / "fête.yaml"), "--lang", "fr", env={**os.environ, "PYTHONIOENCODING": "ascii"})
    assert done.returncode == 2
    assert done.stderr.decode("ascii").startswith("Erreur")


def test_debug_still_shows_the_traceback() -> None:
    done = _coop("--debug", "check", "-", close=(0,))
    assert b"Traceback" in done.stderr and b"UnreadableFileError" in done.stderr
