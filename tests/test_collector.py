"""The garbage collector during start-up (core/collector.py): paused, then set aside, never left changed in-process."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from collections.abc import Iterator

import pytest

from coopwizard.core import collector

PROBE = """
import gc, json, sys
from coopwizard.core import collector
collections = []
gc.callbacks.append(lambda phase, info: phase == "start" and collections.append(info["generation"]))
seen = {}
pause, resume = collector.pause, collector.resume
def paused():
    seen["at_pause"] = len(collections)
    pause()
def resumed():
    seen.setdefault("before_resume", collections[seen["at_pause"]:])
    seen.setdefault("enabled_before_resume", gc.isenabled())
    resume()
collector.pause, collector.resume = paused, resumed
sys.argv = ["coop", *sys.argv[1:]]
from coopwizard.cli import entry_point
try:
    entry_point()
except SystemExit as done:
    seen["code"] = done.code
seen["enabled_at_exit"] = gc.isenabled()
seen["frozen_at_exit"] = gc.get_freeze_count() > 0
print(json.dumps(seen), file=sys.stderr)
"""


def probe(*argv: str) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, check=False)
    return json.loads(done.stderr.strip().splitlines()[-1])


@pytest.mark.parametrize("argv", [["--help"], ["topics"], ["check", "docs/examples/linandes.yaml"]])
def test_start_up_runs_without_a_collection_then_the_command_with_the_collector_on(argv: list[str]) -> None:
    seen = probe(*argv)
    assert seen["code"] == 0
    # Not one collection between the pause and the command's start: no walk over what start-up made.
    assert seen["before_resume"] == [] and seen["enabled_before_resume"] is False
    assert seen["enabled_at_exit"] is True and seen["frozen_at_exit"] is True  # set aside until exit


@pytest.fixture
def collector_as_pytest_has_it() -> Iterator[None]:
    assert gc.isenabled() and not gc.get_freeze_count()
    yield
    gc.enable()
    gc.unfreeze()


IN_PROCESS = """
import gc, sys
from coopwizard.cli import main
for argv in (["coop", "topics"], ["coop", "--help"], ["coop", "chek"]):
    sys.argv = argv
    try:
        main()
    except SystemExit:
        pass
    print(gc.isenabled(), gc.get_freeze_count(), file=sys.stderr)
"""


def test_main_in_process_gives_the_collector_back_as_it_found_it() -> None:
    # In a process of its own: pytest's own process, after in-process runs of main(), once left a later
    # pty test's child deaf to Ctrl-C (not understood yet: see the notes of 2026-12-02).
    done = subprocess.run([sys.executable, "-c", IN_PROCESS], capture_output=True, text=True, check=False)
    states = [line for line in done.stderr.splitlines() if line in ("True 0", "False 0") or line.startswith("True ")]
    assert states == ["True 0", "True 0", "True 0"], done.stderr


def test_a_collector_managed_around_us_is_left_alone(collector_as_pytest_has_it: None) -> None:
    gc.disable()
    collector.pause()
    collector.give_back()
    assert not gc.isenabled()  # off it was, off it stays
    gc.enable()
    gc.freeze()
    frozen = gc.get_freeze_count()
    collector.pause()
    assert gc.isenabled()
    collector.give_back()
    assert gc.isenabled() and gc.get_freeze_count() == frozen  # not given back: not ours
