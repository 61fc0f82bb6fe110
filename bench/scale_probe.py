"""Time `coop check` on files in this process: CPU seconds each, as JSON on stdout.

    python bench/scale_probe.py RUNS FILE...

The command runs as `coop check FILE` would (the Typer app, text output to a pipe), after one
warm-up on the first file, so that start-up is not counted: the scaling table compares the work
on sheets of growing size, not the cost of starting Python. FORCE_COLOR=1 takes the terminal
path (Rich) instead of plain text.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time


def check(name: str) -> float:
    from coopwizard.cli import app

    saved = sys.stdout
    sys.argv = ["coop", "check", name]
    with open(os.devnull, "w", encoding="utf-8") as sink:
        sys.stdout = sink
        start = time.process_time()
        try:
            app(prog_name="coop")
        except SystemExit:
            pass
        finally:
            elapsed = time.process_time() - start
            sys.stdout = saved
    return elapsed


def main() -> None:
    runs, names = int(sys.argv[1]), sys.argv[2:]
    check(names[0])  # imports, the checklist cache: not what grows
    print(json.dumps([statistics.median(check(name) for _ in range(runs)) for name in names]))


if __name__ == "__main__":
    main()
