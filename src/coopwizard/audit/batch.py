"""Checking many sheets on several cores, with the output in the order of the files.

Each worker loads the checklist once, audits its share of the files and sends
back only what will be printed (a rendered report) and how the file counts, so
that no sheet, audit or node graph crosses a process boundary.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from coopwizard.audit.service import FileReport, check_file
from coopwizard.core.records import slim_dataclass
from coopwizard.guide.load import load_checklist
from coopwizard.guide.model import Checklist

AUTO_JOBS_FROM = 200  # below this many files, starting workers costs more than it saves
MAX_AUTO_JOBS = 4


@slim_dataclass
class Checked:
    """One file's outcome, ready to print: the rendered text and how it counts."""

    rendered: str
    error: str | None  # the error line, for stderr, when the file could not be read
    has_findings: bool
    is_error: bool


Render = Callable[[FileReport, Checklist, str, bool], str]


def jobs_for(requested: int, files: Sequence[str]) -> int:
    """-j N as asked; 0 means: several cores for many files, one otherwise."""
    if "-" in files:
        return 1  # standard input can only be read here
    if requested > 0:
        return requested
    if len(files) < AUTO_JOBS_FROM:
        return 1
    return max(1, min(os.cpu_count() or 1, MAX_AUTO_JOBS))


def check_all(
    files: Sequence[str],
    checklist_location: Path | str,
    lang: str,
    as_json: bool,
    strict: bool,
    jobs: int,
    render: Render,
    keep_errors: bool = True,
    follow_sheets: bool = False,
) -> Iterator[Checked]:
    """Every file's outcome, in the order given, on `jobs` processes.

    `follow_sheets`: each text report in its sheet's own language (`project.language`), `lang`
    for the others; a JSON document keeps `lang` throughout, as its head says.
    """
    with _loaded_set_aside(len(files) > 1):
        if jobs <= 1:
            checklist = load_checklist(checklist_location)
            for name in files:
                report = check_file(name, checklist, keep_errors=keep_errors)
                yield _outcome(report, checklist, lang, as_json, strict, render, follow_sheets)
            return
        from concurrent.futures import ProcessPoolExecutor  # only when there are workers to start

        settings = (checklist_location, lang, as_json, strict, render, keep_errors, follow_sheets)
        tasks = [(name, *settings) for name in files]
        # Small chunks: the run ends when the last chunk does, and a worker that has finished waits
        # for the others' last one (64 sheets was a fifth of a second on two cores); a chunk of 16
        # costs one round trip per 16 sheets, which nobody can measure.
        chunk = max(1, min(16, len(files) // (jobs * 16)))
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            yield from pool.map(_work, tasks, chunksize=chunk)


@contextmanager
def _loaded_set_aside(many: bool) -> Iterator[None]:
    """What is loaded before the files (modules, Typer, the checklist) kept out of the collector's sight.

    It lives for the whole run: each collection over a thousand sheets walked all of it
    again (2 % of `coop check -j 1`); forked workers also leave their copies of it
    unwritten. Given back to the collector when the run ends.
    """
    if not many or gc.get_freeze_count():  # a program around us manages the collector itself
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _work(task: tuple[str, Path | str, str, bool, bool, Render, bool, bool]) -> Checked:
    name, location, lang, as_json, strict, render, keep_errors, follow_sheets = task
    checklist = load_checklist(location)  # once per worker: it is cached
    report = check_file(name, checklist, keep_errors=keep_errors)
    return _outcome(report, checklist, lang, as_json, strict, render, follow_sheets)


def _outcome(
    report: FileReport,
    checklist: Checklist,
    lang: str,
    as_json: bool,
    strict: bool,
    render: Render,
    follow_sheets: bool = False,
) -> Checked:
    from coopwizard.i18n import say

    error = say(report.error, lang) if report.error is not None else None
    if follow_sheets and not as_json and report.audit is not None:
        lang = report.audit.sheet.language or lang
    findings = report.audit is not None and report.audit.has_findings(strict)
    rendered = render(report, checklist, lang, as_json) if (as_json or report.error is None) else ""
    return Checked(rendered, error, findings, report.error is not None)
