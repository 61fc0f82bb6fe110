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
