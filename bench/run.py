"""coopwizard's benchmark: start-up, bulk work per core, and growth on hostile inputs, against fixed floors.

    python bench/run.py            # from a checkout, with the project's Python (a non-editable install)
    python bench/run.py --runs 21  # more runs, steadier medians

Every figure is a ratio of two medians measured in the same run, the two commands
alternating, so that a noisy machine slows both sides alike. The floors are programs
outside the project (yamllint, a bare questionary script, a bare C-loader parse), so that
no choice inside it moves them; yamllint comes from the `bench` extra, installed here
when missing. Nothing here is a test: the suite never times anything. Exit 0 when
every target passes, 1 otherwise. POSIX only (pseudo-terminals, wait4).
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from hostile import MAX_BYTES, SHAPES  # noqa: E402  (the generators beside this script)

from sheets import write_sheets  # noqa: E402

PYTHON = sys.executable
ROOT = HERE.parent
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


def run_together(commands: Sequence[Sequence[str]], cwd: Path) -> Sample:
    """Several processes started at once; the wall time until the last one ends, their CPU summed."""
    start = time.perf_counter()
    processes = [
        subprocess.Popen(
            c, cwd=cwd, env=ENV, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        for c in commands
    ]
    cpu, peak = 0.0, 0
    for process in processes:
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        cpu += usage.ru_utime + usage.ru_stime
        peak = max(peak, usage.ru_maxrss)
    return Sample(time.perf_counter() - start, cpu, peak)


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
    at_least: bool = False  # a speed-up: the ratio must reach the target, not stay under it
    informational: bool = False  # a fact about the machine, printed beside the targets, judged by none

    @property
    def ratio(self) -> float:
        return self.ours / self.floor

    @property
    def passed(self) -> bool:
        if self.informational:
            return True
        return self.ratio >= self.target if self.at_least else self.ratio <= self.target


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


def interleave(runs: int, *commands: Callable[[], Sample]) -> list[list[Sample]]:
    """Each command once a round, the order turned by one each round, after one warm-up of each."""
    for command in commands:
        command()
    samples: list[list[Sample]] = [[] for _ in commands]
    for index in range(runs):
        for offset in range(len(commands)):
            which = (index + offset) % len(commands)
            samples[which].append(commands[which]())
    return samples


def median(samples: list[Sample], metric: str = "seconds") -> float:
    return statistics.median(getattr(s, metric) for s in samples)


def ensure_floors() -> Path:
    """yamllint, from the `bench` extra of pyproject.toml, beside this Python; installed if missing."""
    yamllint = Path(PYTHON).with_name("yamllint")
    if not yamllint.exists():
        extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
        wanted = extras["optional-dependencies"]["bench"]
        print(f"installing the floors: {' '.join(wanted)}", file=sys.stderr)
        subprocess.run([PYTHON, "-m", "pip", "install", "--quiet", *wanted], check=True)
    return yamllint


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="runs of each command (odd: a true median)")
    parser.add_argument("--bulk-runs", type=int, default=5, help="runs of the 1,000-sheet commands")
    parser.add_argument("--scale-runs", type=int, default=3, help="runs of each size in the scaling table")
    parser.add_argument("--sheets", type=int, default=1000)
    parser.add_argument("--only", choices=("startup", "bulk", "scaling"), help="one part of the benchmark")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="coop-bench-"))
    try:
        return _bench(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _bench(args: argparse.Namespace, work: Path) -> int:
    ENV["COOP_STATE_DIR"] = str(work / "state")  # no draft from a real session in the way
    yamllint = [str(ensure_floors())]
    results: list[Result] = []
    table: list[str] = []
    if args.only in (None, "startup"):
        _startup(args, work, yamllint, results)
    if args.only in (None, "bulk"):
        _bulk(args, work, results)
    if args.only in (None, "scaling"):
        table = _scaling(args, work, results)

    print(
        f"\ncoopwizard benchmark — {args.runs} runs ({args.bulk_runs} for bulk, {args.scale_runs} per size), "
        f"medians, Python {sys.version.split()[0]}, {os.cpu_count()} CPU(s)\n"
    )
    print(f"{'measure':66} {'ours':>11} {'floor':>11} {'ratio':>6} {'target':>8}  verdict")
    for r in results:
        suffix = {"kB": "kB", "cpu": "ms cpu", "s": "ms", "x": ""}[r.unit]
        scale = 1 if r.unit in ("kB", "x") else 1000
        ours, floor = f"{r.ours * scale:.0f}{suffix}", f"{r.floor * scale:.0f}{suffix}"
        if r.unit == "x":
            ours, floor = f"{r.ours:.2f}", f"{r.floor:.2f}"
        target = f"{'≥' if r.at_least else '≤'} {r.target:.2f}"
        verdict = "pass" if r.passed else "FAIL"
        if r.informational:
            target, verdict = "", "(the machine)"
        print(f"{r.name:66} {ours:>11} {floor:>11} {r.ratio:6.2f} {target:>8}  {verdict}")
    if table:
        print("\n" + "\n".join(table))
    return 0 if all(r.passed for r in results) else 1


def _startup(args: argparse.Namespace, work: Path, yamllint: list[str], results: list[Result]) -> None:
    sheets = write_sheets(work / "one", 1)
    one = str(sheets[0])

    def measure(name: str, ours: Sequence[str], floor: Sequence[str], target: float) -> list[Sample]:
        # One process on one core: CPU time, which a busy machine disturbs far less than wall time.
        mine, theirs = pair(args.runs, lambda: run(ours, work), lambda: run(floor, work))
        results.append(Result(name, median(mine, "cpu"), median(theirs, "cpu"), target, "cpu"))
        print(f"  measured: {name}", file=sys.stderr)
        return mine

    measure("coop --help  /  yamllint --help", [*COOP, "--help"], [*yamllint, "--help"], 1.0)
    measure("coop topics  /  yamllint --help", [*COOP, "topics"], [*yamllint, "--help"], 1.0)
    measure("coop check (1 sheet)  /  yamllint on the same file", [*COOP, "check", one], [*yamllint, one], 1.0)

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
    results.append(Result("coop new, first question  /  bare questionary (wall)", median(mine), median(theirs), 1.5))
    print("  measured: coop new", file=sys.stderr)


def _bulk(args: argparse.Namespace, work: Path, results: list[Result]) -> None:
    names = [str(p) for p in write_sheets(work / "sheets", args.sheets)]
    bare = [PYTHON, str(HERE / "bare_parse.py"), *names]
    count = len(names)

    # One core against one core: CPU time of `-j 1` against the bare parse of the same files.
    single, parsed = pair(
        args.bulk_runs, lambda: run([*COOP, "check", "-j", "1", *names], work), lambda: run(bare, work)
    )
    results.append(
        Result(
            f"coop check -j 1 ({count} sheets)  /  bare C-loader parse (cpu)",
            median(single, "cpu"),
            median(parsed, "cpu"),
            1.5,
            "cpu",
        )
    )
    json_single, json_parsed = pair(
        args.bulk_runs,
        lambda: run([*COOP, "check", "-j", "1", "--format", "json", *names], work),
        lambda: run(bare, work),
    )
    results.append(
        Result(
            f"coop check -j 1 --format json ({count})  /  bare parse (cpu)",
            median(json_single, "cpu"),
            median(json_parsed, "cpu"),
            1.5,
            "cpu",
        )
    )
    print("  measured: -j 1 against the bare parse", file=sys.stderr)

    # Two cores: the wall time of -j 1 over that of -j 2, paired in the same run. Beside them, in the
    # same rounds (a busy host slows all four alike): what two processes get from this machine at all,
    # the bare parse (a perfectly divisible job, no start-up to speak of, nothing shared) on each half of
    # the files at once against one process on all of them. On a virtual machine whose two CPUs share a
    # core, or on a busy host, this is under 2, and no `-j 2` can beat it.
    halves = (names[: count // 2], names[count // 2 :])
    one_core, two_cores, alone, split = interleave(
        args.bulk_runs,
        lambda: run([*COOP, "check", "-j", "1", *names], work),
        lambda: run([*COOP, "check", "-j", "2", *names], work),
        lambda: run(bare, work),
        lambda: run_together([[PYTHON, bare[1], *h] for h in halves], work),
    )
    speedup = median(one_core) / median(two_cores)
    results.append(Result(f"coop check -j 2 speed-up over -j 1 ({count} sheets, wall)", speedup, 1.0, 1.8, "x", True))
    ceiling = median(alone) / median(split)
    results.append(
        Result(
            "two processes' speed-up on this machine (the bare parse split in two)", ceiling, 1.0, 1.8, "x", True, True
        )
    )
    results.append(
        Result("coop check -j 2 speed-up, as a share of the machine's", speedup / ceiling, 1.0, 0.0, "x", True, True)
    )
    print("  measured: -j 2 against -j 1, and two bare parses at once against one", file=sys.stderr)

    first = run([*COOP, "check", names[0]], work)
    peak_one = statistics.median(
        [first.max_rss_kb] + [run([*COOP, "check", names[0]], work).max_rss_kb for _ in range(2)]
    )
    peak_many = statistics.median(s.max_rss_kb for s in single)
    results.append(Result(f"peak memory, {count} sheets -j 1  /  1 sheet", peak_many, peak_one, 1.5, "kB"))


SIZES = 5  # 5 MB, halved four times: 312 KB to 5 MB


def _scaling(args: argparse.Namespace, work: Path, results: list[Result]) -> list[str]:
    """`coop check` on each hostile shape at sizes doubling up to the 5 MB limit: growth per doubling."""
    folder = work / "hostile"
    folder.mkdir()
    base = folder / "base.yaml"
    base.write_text(SHAPES["one huge text"](2000), encoding="utf-8")
    sizes = [(MAX_BYTES - 4096) >> k for k in range(SIZES - 1, -1, -1)]
    table = [
        "scaling: CPU seconds of `coop check` in one process, start-up and a tiny sheet's cost taken off;",
        "growth = time ratio per doubling of size, fitted over all sizes (linear: 2, quadratic: 4)",
        "",
        f"{'shape':34}" + "".join(f"{size / 1e6:>8.2f}MB" for size in sizes) + "   growth  worst",
    ]
    rows = [(name, make, {}) for name, make in SHAPES.items()]
    rows += [
        (f"{name}, on a terminal", SHAPES[name], {"FORCE_COLOR": "1"})
        for name in ("backslashes in the title", "quotes and markup in text")
    ]
    for name, make, env in rows:
        files = []
        for size in sizes:
            path = folder / f"{make.__name__}-{size}.yaml"
            if not path.exists():
                path.write_text(make(size), encoding="utf-8")
            files.append(str(path))
        probe = [PYTHON, str(HERE / "scale_probe.py"), str(args.scale_runs), str(base), *files]
        done = subprocess.run(probe, cwd=work, env={**ENV, **env}, capture_output=True, text=True, check=True)
        baseline, *times = json.loads(done.stdout)
        work_times = [max(t - baseline, 1e-4) for t in times]
        growth = fitted_growth(sizes, work_times)
        worst = max(b / a for a, b in itertools.pairwise(work_times))
        table.append(f"{name:34}" + "".join(f"{t:>9.2f}s" for t in times) + f"   {growth:6.2f}  {worst:5.2f}")
        results.append(Result(f"scaling: {name} (growth per doubling)", growth, 1.0, 2.3, "x"))
        print(f"  measured: scaling, {name}", file=sys.stderr)
    return table


def fitted_growth(sizes: Sequence[int], times: Sequence[float]) -> float:
    """2 ** the slope of log2(time) over log2(size), by least squares: the time ratio per doubling."""
    xs = [math.log2(s) for s in sizes]
    ys = [math.log2(t) for t in times]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)
    return float(2**slope)


if __name__ == "__main__":
    sys.exit(main())
