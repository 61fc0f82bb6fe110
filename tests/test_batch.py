"""Checking many files in one run (audit/batch.py): what it does to the process around the files."""

from __future__ import annotations

import gc

from coopwizard.audit.batch import YOUNG_COLLECTION_FROM, check_all
from coopwizard.guide.load import default_checklist_path
from coopwizard.render.report import render_file_as_text
from tests.conftest import EXAMPLE


def test_what_is_loaded_is_set_aside_from_the_collector_during_a_run_of_many_files() -> None:
    before, threshold = gc.get_freeze_count(), gc.get_threshold()
    outcomes = check_all([str(EXAMPLE)] * 3, default_checklist_path(), "en", False, False, 1, render_file_as_text)
    next(outcomes)
    assert gc.get_freeze_count() > before  # modules and checklist out of each collection's walk
    # Young objects collected less often: a sheet's graph is freed by reference counting, not by the collector.
    assert gc.get_threshold() == (YOUNG_COLLECTION_FROM, *threshold[1:])
    assert len(list(outcomes)) == 2
    assert gc.get_freeze_count() == before  # given back when the run ends
    assert gc.get_threshold() == threshold


def test_one_file_leaves_the_collector_alone() -> None:
    before = gc.get_freeze_count()
    outcomes = check_all([str(EXAMPLE)], default_checklist_path(), "en", False, False, 1, render_file_as_text)
    next(outcomes)
    assert gc.get_freeze_count() == before
    assert gc.get_threshold()[0] < YOUNG_COLLECTION_FROM


def test_files_go_out_in_chunks_that_shrink_towards_the_end() -> None:
    """Every file once, in order; at most CHUNK at once; the last chunks a sheet each, so that no process
    waits long for another's last chunk (audit/batch._chunks)."""
    from coopwizard.audit.batch import CHUNK, _chunks

    files = [f"{n}.yaml" for n in range(1000)]
    chunks = _chunks(files, 2)
    assert [name for chunk in chunks for name in chunk] == files
    sizes = [len(chunk) for chunk in chunks]
    assert sizes[0] == CHUNK == max(sizes)
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[-16:] == [1] * 16
    assert sum(1 for size in sizes if size == CHUNK) == 47  # full while 2 × 8 × 16 = 256 files or more are left
    assert [len(chunk) for chunk in _chunks(files[:3], 4)] == [1, 1, 1]


def test_after_coops_own_start_up_the_run_still_collects_young_objects_less_often() -> None:
    """`coop` as installed froze start-up's objects (core/collector.py) before the command: that is no
    program around us managing the collector, so the threshold is raised all the same, and nothing that
    the collector keeps aside until exit is given back early."""
    from coopwizard.core import collector

    threshold = gc.get_threshold()
    collector.pause()
    collector.resume()  # as cli.root.run does when the command's own work starts
    try:
        frozen = gc.get_freeze_count()
        assert collector.set_aside_by_us() and frozen > 0
        outcomes = check_all([str(EXAMPLE)] * 2, default_checklist_path(), "en", False, False, 1, render_file_as_text)
        next(outcomes)
        assert gc.get_threshold()[0] == YOUNG_COLLECTION_FROM
        list(outcomes)
        assert gc.get_threshold() == threshold
        assert gc.get_freeze_count() >= frozen  # still aside: the collector gives it back, not the run
    finally:
        collector.give_back()
    assert gc.get_freeze_count() == 0 and not collector.set_aside_by_us()


def test_a_program_that_froze_the_collector_itself_keeps_it_as_it_set_it() -> None:
    gc.freeze()
    try:
        threshold, frozen = gc.get_threshold(), gc.get_freeze_count()
        outcomes = check_all([str(EXAMPLE)] * 2, default_checklist_path(), "en", False, False, 1, render_file_as_text)
        next(outcomes)
        assert gc.get_threshold() == threshold
        assert gc.get_freeze_count() <= frozen  # nothing more frozen (objects frozen may be freed meanwhile)
        list(outcomes)
        assert gc.get_freeze_count() > 0  # nor given back
    finally:
        gc.unfreeze()
