"""A 5 MB hostile sheet of every shape is checked in linear time: a bound only a quadratic path breaks.

Not a timing target (bench/run.py measures speed): the full-size sheet may cost at most
40 times the CPU of the same shape at a sixteenth of the size. Linear work gives 16 at
most (less, with start-up in both), a quadratic path 256; a timeout stops a path that
would take hours (a 5 MB run of backslashes once did). Through the real command, both
output paths: piped (plain text) and on a terminal (FORCE_COLOR: Rich).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from hostile import MAX_BYTES, SHAPES

FULL = MAX_BYTES - 4096
GROWTH_BOUND = 40  # for 16 times the size: linear 16, quadratic 256
TIMEOUT = 300  # seconds for one run: linear work takes a few


def cpu_seconds(path: Path, **env: str) -> float:
    """CPU time of `coop check PATH` (user + system); the sheet must be checked, not refused."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    process = subprocess.Popen(
        [sys.executable, "-m", "coopwizard", "check", str(path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "COOP_LANG": "en", **env},
    )
    try:
        _, err = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        pytest.fail(f"coop check {path.name} ran over {TIMEOUT} s: a quadratic path")
    assert process.returncode in (0, 1), err.decode()[-500:]  # audited (with findings), not refused
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


CASES = [(name, {}) for name in SHAPES] + [
    (name, {"FORCE_COLOR": "1"}) for name in ("backslashes in the title", "quotes and markup in text")
]


@pytest.mark.parametrize(("shape", "env"), CASES, ids=[f"{n}{' (terminal)' if e else ''}" for n, e in CASES])
def test_a_5_mb_sheet_is_checked_in_linear_time(shape: str, env: dict[str, str], tmp_path: Path) -> None:
    small, full = tmp_path / "small.yaml", tmp_path / "full.yaml"
    small.write_text(SHAPES[shape](FULL // 16), encoding="utf-8")
    full.write_text(SHAPES[shape](FULL), encoding="utf-8")
    assert len(full.read_bytes()) <= MAX_BYTES  # within the input limit: read, parsed, audited, reported
    small_cpu = min(cpu_seconds(small, **env) for _ in range(2))
    full_cpu = cpu_seconds(full, **env)
    assert full_cpu <= GROWTH_BOUND * small_cpu, (shape, small_cpu, full_cpu)
