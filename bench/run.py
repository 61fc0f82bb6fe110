"""coopwizard's start-up and throughput benchmark: ratios against the floors set by the stack.

    python bench/run.py            # from a checkout, with the project's Python (the README's venv)
    python bench/run.py --runs 21  # more runs, steadier medians

Every figure is a ratio of two medians measured in the same run, the two commands
alternating, so that a noisy machine slows both sides alike. Nothing here is a test:
the suite never times anything. Exit 0 when every target passes, 1 otherwise.
POSIX only (pseudo-terminals, wait4), like the machines the figures are taken on.
"""

from __future__ import annotations

import argparse
import os
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from sheets import write_sheets  # noqa: E402  (the generator beside this script)

PYTHON = sys.executable
COOP = (
    [str(Path(PYTHON).with_name("coop"))] if Path(PYTHON).with_name("coop").exists() else [PYTHON, "-m", "coopwizard"]
)
ENV = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "PROMPT_TOOLKIT_NO_CPR": "1", "LANG": "C.UTF-8"}
for name in ("COOP_LANG", "COOP_CHECKLIST", "LC_ALL", "LC_MESSAGES"):
    ENV.pop(name, None)


@dataclass
class Sample:
    seconds: float  # wall clock
    cpu: float  # user + system CPU of the process and its workers
    max_rss_kb: int


def run(command: Sequence[str], cwd: Path) -> Sample:
    """One whole process, output discarded; its wall time and peak memory."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=ENV, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return Sample(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)


def first_screen(command: Sequence[str], marker: bytes, cwd: Path) -> Sample:
    """Time until `marker` is drawn in a pseudo-terminal (the first question), then stop the process."""
    master, slave = os.openpty()
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env={**ENV, "TERM": "xterm"}, stdin=slave, stdout=slave, stderr=slave, start_new_session=True
    )
    os.close(slave)
    seen = b""
    try:
        while marker not in seen:
            ready, _, _ = select.select([master], [], [], 20)
            if not ready:
                raise TimeoutError(f"{marker!r} never appeared: {seen[-300:]!r}")
            try:
                seen += os.read(master, 65536)
            except OSError:
                break
        elapsed = time.perf_counter() - start
    finally:
        process.kill()
        process.wait()
        os.close(master)
    return Sample(elapsed, elapsed, 0)


@dataclass
class Result:
    name: str
    ours: float
    floor: float
    target: float
    unit: str = "s"

    @property
    def ratio(self) -> float:
        return self.ours / self.floor

    @property
    def passed(self) -> bool:
        return self.ratio <= self.target


def pair(runs: int, ours: Callable[[], Sample], floor: Callable[[], Sample]) -> tuple[list[Sample], list[Sample]]:
    """Alternate the two, starting with each in turn, after one warm-up of both."""
    ours(), floor()
    mine: list[Sample] = []
    theirs: list[Sample] = []
    for index in range(runs):
        if index % 2:
            mine.append(ours())
            theirs.append(floor())
        else:
            theirs.append(floor())
            mine.append(ours())
    return mine, theirs


def median(samples: list[Sample], metric: str = "seconds") -> float:
    return statistics.median(getattr(s, metric) for s in samples)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="runs of each command (odd: a true median)")
    parser.add_argument("--bulk-runs", type=int, default=5, help="runs of the 1,000-sheet commands")
    parser.add_argument("--sheets", type=int, default=1000)
    parser.add_argument("--jobs", default=None, help="pass -j to coop check on many sheets")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="coop-bench-"))
    try:
        return _bench(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _bench(args: argparse.Namespace, work: Path) -> int:
    ENV["COOP_STATE_DIR"] = str(work / "state")  # no draft from a real session in the way
    sheets = write_sheets(work / "sheets", args.sheets)
    one = sheets[0]
    names = [str(p) for p in sheets]
    minimal = [PYTHON, str(HERE / "minimal_app.py")]
    bulk_jobs = ["-j", args.jobs] if args.jobs else []
    results: list[Result] = []

    def measure(
        name: str, ours: Sequence[str], floor: Sequence[str], target: float, runs: int, metric: str
    ) -> list[Sample]:
        mine, theirs = pair(runs, lambda: run(ours, work), lambda: run(floor, work))
        results.append(
            Result(name, median(mine, metric), median(theirs, metric), target, "s" if metric == "seconds" else "cpu")
        )
        print(f"  measured: {name}", file=sys.stderr)
        return mine

    # Start-up is one process on one core: CPU time, which a busy machine disturbs far
    # less than wall time. Many sheets may use several cores: there, the wall clock.
    measure("coop --help  /  minimal Typer app --help", [*COOP, "--help"], [*minimal, "--help"], 1.15, args.runs, "cpu")
    measure("coop topics  /  minimal Typer app command", [*COOP, "topics"], [*minimal, "noop"], 1.15, args.runs, "cpu")
    single = measure(
        "coop check (1 sheet)  /  minimal Typer app parsing it",
        [*COOP, "check", str(one)],
        [*minimal, "parse", str(one)],
        1.15,
        args.runs,
        "cpu",
    )
    bare = [PYTHON, str(HERE / "bare_parse.py"), *names]
    many = measure(
        f"coop check ({len(names)} sheets, text)  /  bare C-loader parse",
        [*COOP, "check", *bulk_jobs, *names],
        bare,
        1.3,
        args.bulk_runs,
        "seconds",
    )
    measure(
        f"coop check ({len(names)} sheets, json)  /  bare C-loader parse",
        [*COOP, "check", "--format", "json", *bulk_jobs, *names],
        bare,
        1.3,
        args.bulk_runs,
        "seconds",
    )
    peak_many = statistics.median(s.max_rss_kb for s in many)
    peak_one = statistics.median(s.max_rss_kb for s in single)
    results.append(Result(f"peak memory, {len(names)} sheets  /  1 sheet", peak_many, peak_one, 1.5, "kB"))

    new = [*COOP, "new", "--lang", "en", "-o", str(work / "never-written.yaml")]
    marker = b"Project title"

    def fresh_new() -> Sample:
        shutil.rmtree(work / "state", ignore_errors=True)  # the run before left a draft: start clean
        return first_screen(new, marker, work)

    mine, theirs = pair(
        args.runs,
        fresh_new,
        lambda: first_screen([PYTHON, str(HERE / "bare_questionary.py"), "Project title"], marker, work),
    )
    results.append(Result("coop new, first question  /  bare questionary", median(mine), median(theirs), 1.3))

    print(
        f"\ncoopwizard benchmark — {args.runs} runs ({args.bulk_runs} for bulk), medians, Python "
        f"{sys.version.split()[0]}, {os.cpu_count()} CPU(s)\n"
    )
    print(f"{'measure':62} {'ours':>11} {'floor':>11} {'ratio':>6} {'target':>7}  verdict")
    for r in results:
        suffix = {"kB": "kB", "cpu": "ms cpu", "s": "ms"}[r.unit]
        scale = 1 if r.unit == "kB" else 1000
        ours, floor = f"{r.ours * scale:.0f}{suffix}", f"{r.floor * scale:.0f}{suffix}"
        verdict = "pass" if r.passed else "FAIL"
        print(f"{r.name:62} {ours:>11} {floor:>11} {r.ratio:6.2f} {r.target:7.2f}  {verdict}")
    return 0 if all(r.passed for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
