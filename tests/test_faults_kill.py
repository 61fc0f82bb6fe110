"""Issue 9, kills: SIGTERM and SIGHUP mid-write leave no temporary file; SIGKILL's are removed by the next write.

A sheet is never partial: after any kill, the output is absent or whole. The kill loop sends
SIGTERM and SIGKILL at random moments to `coop new --answers` and `coop render` and counts.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coopwizard.io import textio
from tests.conftest import EXAMPLE, ROOT

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX signals")
ANSWERS = ROOT / "docs" / "examples" / "answers.yaml"

# A write that stops in the middle (its fsync waits), so that a signal lands inside it for certain.
_SLOW_WRITER = """
import os, sys, time
from pathlib import Path
from coopwizard.io import textio
def slow_fsync(fd):
    print("writing", flush=True)
    time.sleep(30)
os.fsync = slow_fsync
textio.write_atomic(Path(sys.argv[1]), "x" * 100000, overwrite=sys.argv[2] == "force")
"""


def _temporaries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.endswith(".tmp"))


def _kill_mid_write(folder: Path, sig: int, overwrite: bool = False) -> int:
    target = folder / "s.yaml"
    proc = subprocess.Popen(
        [sys.executable, "-c", _SLOW_WRITER, str(target), "force" if overwrite else "new"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline() == "writing\n"
    assert len(_temporaries(folder)) == 1, "the write is under way"
    proc.send_signal(sig)
    return proc.wait(timeout=30)


@pytest.mark.parametrize(("name", "code"), [("SIGTERM", 143), ("SIGHUP", 129)])
@pytest.mark.parametrize("overwrite", [False, True])
def test_a_signal_mid_write_removes_the_temporary_file(tmp_path: Path, name: str, code: int, overwrite: bool) -> None:
    assert _kill_mid_write(tmp_path, getattr(signal, name), overwrite) == code
    assert list(tmp_path.iterdir()) == [], "no temporary file, no partial sheet"


def test_a_handler_already_there_still_runs(tmp_path: Path) -> None:
    script = _SLOW_WRITER.replace(
        "textio.write_atomic(",
        "import signal\n"
        "signal.signal(signal.SIGTERM, lambda n, f: print('draft kept', flush=True))\n"
        "textio.write_atomic(",
    )
    proc = subprocess.Popen([sys.executable, "-c", script, str(tmp_path / "s.yaml"), "new"], stdout=subprocess.PIPE)
    assert proc.stdout is not None
    assert proc.stdout.readline() == b"writing\n"
    proc.send_signal(signal.SIGTERM)
    assert proc.stdout.read() == b"draft kept\n"
    assert proc.wait(timeout=30) == 143
    assert list(tmp_path.iterdir()) == []


def test_nohup_is_respected(tmp_path: Path) -> None:
    """Under nohup (SIGHUP ignored) a closed terminal changes nothing: the write goes on."""
    script = _SLOW_WRITER.replace("time.sleep(30)", "time.sleep(1)").replace(
        "textio.write_atomic(", "import signal\nsignal.signal(signal.SIGHUP, signal.SIG_IGN)\ntextio.write_atomic("
    )
    proc = subprocess.Popen([sys.executable, "-c", script, str(tmp_path / "s.yaml"), "new"], stdout=subprocess.PIPE)
    assert proc.stdout is not None
    assert proc.stdout.readline() == b"writing\n"
    proc.send_signal(signal.SIGHUP)
    assert proc.wait(timeout=30) == 0
    assert (tmp_path / "s.yaml").read_text(encoding="utf-8") == "x" * 100000


def test_sigkill_leftovers_are_removed_by_the_next_write_when_stale(tmp_path: Path) -> None:
    assert _kill_mid_write(tmp_path, signal.SIGKILL) == -signal.SIGKILL
    (left,) = _temporaries(tmp_path)
    assert left.name.startswith(".s.yaml.coop-")
    other = tmp_path / "other.yaml"
    textio.write_atomic(other, "fresh\n")
    assert _temporaries(tmp_path) == [left], "young: it may be a live writer's"
    old = time.time() - textio.STALE_AFTER - 60
    os.utime(left, (old, old))
    textio.write_atomic(other, "again\n")
    assert _temporaries(tmp_path) == [], "stale and unlocked: removed"
    assert not (tmp_path / "s.yaml").exists()


def test_only_our_own_stale_unlocked_files_are_removed(tmp_path: Path) -> None:
    old = time.time() - textio.STALE_AFTER - 60
    names = [
        ".s.yaml.abcdefgh.tmp",  # another tool's mkstemp pattern
        "notes.tmp",
        ".s.yaml.coop-short.tmp",
        "s.yaml.coop-abcdefgh.tmp",  # not hidden: not ours
        ".locked.yaml.coop-abcdefgh.tmp",
        ".ours.yaml.coop-abcd_f12.tmp",
    ]
    for name in names:
        (tmp_path / name).write_text("x", encoding="utf-8")
        os.utime(tmp_path / name, (old, old))
    (tmp_path / ".dir.yaml.coop-abcdefgh.tmp").mkdir()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys, time\n"
            "fd = os.open(sys.argv[1], os.O_RDWR)\n"
            "fcntl.flock(fd, fcntl.LOCK_EX)\n"
            "print('locked', flush=True)\n"
            "time.sleep(30)\n",
            str(tmp_path / ".locked.yaml.coop-abcdefgh.tmp"),
        ],
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"locked\n"
        removed = textio.remove_stale_temporaries(tmp_path)
    finally:
        holder.kill()
        holder.wait()
    assert [p.name for p in removed] == [".ours.yaml.coop-abcd_f12.tmp"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*names[:5], ".dir.yaml.coop-abcdefgh.tmp"])


# Half on `coop new --answers`, half on `coop render`; half SIGTERM, half SIGKILL. The suite runs 16, to stay
# quick on a shared machine; COOP_KILL_RUNS=100 (or 200) runs the loop the note counts.
RUNS = int(os.environ.get("COOP_KILL_RUNS", "16"))
AT_ONCE = 4  # processes killed side by side: the loop takes a quarter of the time


def test_kill_loop_nothing_lost_nothing_partial(tmp_path: Path) -> None:
    from tests.helpers import coop

    rng = random.Random(9)
    expected = {
        "new": coop("new", "--answers", str(ANSWERS), "-o", "-").out.encode("utf-8"),
        "render": coop("render", str(EXAMPLE), "--format", "md").out.encode("utf-8"),
    }
    commands = {
        "new": ["new", "--answers", str(ANSWERS), "-o"],
        "render": ["render", str(EXAMPLE), "--format", "md", "-o"],
    }
    names = {"new": "s.yaml", "render": "s.md"}

    def start(run: int) -> tuple[subprocess.Popen[bytes], Path, str]:
        which = "new" if run % 2 == 0 else "render"
        folder = tmp_path / f"run{run}"
        folder.mkdir()
        target = folder / names[which]
        command = [sys.executable, "-m", "coopwizard", *commands[which], str(target)]
        return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL), target, which

    # How long a run takes with AT_ONCE of them side by side, so that kills land around the write.
    began = time.monotonic()
    calibration = [start(-1 - i) for i in range(AT_ONCE)]
    assert all(proc.wait(timeout=60) == 0 for proc, _, _ in calibration)
    duration = time.monotonic() - began
    counts = {"runs": 0, "finished": 0, "killed": 0, "whole": 0, "absent": 0, "partial": 0, "term_temps": 0}
    kill_temps = 0
    for batch in range(0, RUNS, AT_ONCE):
        runs = list(range(batch, min(batch + AT_ONCE, RUNS)))
        began = time.monotonic()
        procs = [start(run) for run in runs]
        moments = sorted((rng.uniform(0.5, 1.15) * duration, index) for index in range(len(runs)))
        for moment, index in moments:
            time.sleep(max(0.0, began + moment - time.monotonic()))
            procs[index][0].send_signal(signal.SIGTERM if runs[index] % 4 < 2 else signal.SIGKILL)
        for run, (proc, target, which) in zip(runs, procs, strict=True):
            code = proc.wait(timeout=60)
            counts["runs"] += 1
            counts["finished" if code == 0 else "killed"] += 1
            if target.exists():
                counts["whole" if target.read_bytes() == expected[which] else "partial"] += 1
            else:
                assert code != 0, "a run that exits 0 has written its sheet"
                counts["absent"] += 1
            temps = _temporaries(target.parent)
            if run % 4 < 2:
                counts["term_temps"] += len(temps)
                continue
            kill_temps += len(temps)
            old = time.time() - textio.STALE_AFTER - 60
            for temp in temps:
                os.utime(temp, (old, old))
            textio.write_atomic(target.parent / "next.yaml", "next\n")  # the next write in the same folder
            assert _temporaries(target.parent) == [], "SIGKILL's leftovers removed by the next write"
    print(
        f"\nkill loop: {counts['runs']} runs ({RUNS // 2} new --answers, {RUNS // 2} render; half SIGTERM, half "
        f"SIGKILL), {counts['finished']} finished, {counts['killed']} killed; sheets whole {counts['whole']}, "
        f"absent {counts['absent']}, partial {counts['partial']}; temporary files after SIGTERM "
        f"{counts['term_temps']}, after SIGKILL {kill_temps} (all removed by the next write)"
    )
    assert counts["partial"] == 0
    assert counts["term_temps"] == 0
