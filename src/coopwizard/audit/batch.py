"""Checking many sheets on several cores, with the output in the order of the files.

`-j N` is this process and N - 1 workers, all checking chunks of the files. Each
worker loads the checklist once, audits its chunks and sends back only what will
be printed (a rendered report) and how each file counts, so that no sheet, audit
or node graph crosses a process boundary.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from coopwizard.audit.service import FileReport, check_file
from coopwizard.core import collector
from coopwizard.core.records import slim_dataclass
from coopwizard.guide.load import load_checklist
from coopwizard.guide.model import Checklist

if TYPE_CHECKING:
    from concurrent.futures import Future

AUTO_JOBS_FROM = 200  # below this many files, starting workers costs more than it saves
MAX_AUTO_JOBS = 4
CHUNK = 16  # sheets sent to a worker at once, at most
YOUNG_COLLECTION_FROM = 10_000  # allocations between two young collections while many sheets are checked


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
        checklist = load_checklist(checklist_location)
        settings = Settings(lang, as_json, strict, render, keep_errors, follow_sheets)
        if jobs <= 1:
            yield from _checked(files, checklist, settings)
        else:
            yield from _in_parallel(files, checklist_location, checklist, settings, jobs)


class Settings(NamedTuple):
    """How every file of a run is checked and rendered: the same in each process (a tuple: it pickles)."""

    lang: str
    as_json: bool
    strict: bool
    render: Render
    keep_errors: bool
    follow_sheets: bool


def _checked(files: Sequence[str], checklist: Checklist, settings: Settings) -> Iterator[Checked]:
    for name in files:
        yield _outcome(check_file(name, checklist, keep_errors=settings.keep_errors), checklist, settings)


def _in_parallel(
    files: Sequence[str],
    location: Path | str,
    checklist: Checklist,
    settings: Settings,
    jobs: int,
) -> Iterator[Checked]:
    """`jobs` processes: this one and `jobs - 1` workers, in chunks, the outcomes in the files' order.

    This process works too, rather than wait: whenever the next chunk to print is not
    ready, it takes the first chunk no worker has started (a pending future can be
    cancelled) and checks it itself, with its checklist and caches already warm. A
    third process beside two workers on two cores only took time from them, and the
    workers each warmed their own caches: `-j 2` was 1.6 times faster than `-j 1`.
    """
    from concurrent.futures import ProcessPoolExecutor  # only when there are workers to start

    chunks = _chunks(files, jobs)
    with ProcessPoolExecutor(max_workers=max(1, min(jobs - 1, len(chunks) - 1))) as pool:
        pending: list[Future[list[Checked]] | None] = [
            pool.submit(_work, chunk, location, settings) for chunk in chunks
        ]
        done_here: dict[int, _DoneHere] = {}
        unstarted = 0  # no chunk before this one is left for this process to take
        try:
            for index in range(len(chunks)):
                future = pending[index]
                assert future is not None
                while index not in done_here and not future.done() and unstarted < len(chunks):
                    taken, unstarted = unstarted, unstarted + 1
                    ahead = pending[taken] if taken >= index else None
                    if ahead is not None and ahead.cancel():  # no worker has it: check it here
                        done_here[taken] = _check_here(chunks[taken], checklist, settings)
                pending[index] = None  # a future keeps its result: let each chunk's go once printed
                if index in done_here:
                    outcomes, failure = done_here.pop(index)
                    yield from outcomes
                    if failure is not None:  # (--debug) raised in its turn, after the files before it
                        raise failure
                else:
                    yield from future.result()
        finally:
            for left in pending:  # the run stopped early (an error, a closed pipe): nothing more to start
                if left is not None:
                    left.cancel()


_DoneHere = tuple[list[Checked], Exception | None]


def _check_here(chunk: Sequence[str], checklist: Checklist, settings: Settings) -> _DoneHere:
    """A chunk checked by this process ahead of its turn: what it made, and what stopped it (with --debug).

    An error is raised when the chunk's turn comes, as `-j 1` would: after the reports of
    the files before it, and naming the first file that failed, not a later one.
    """
    outcomes: list[Checked] = []
    try:
        for outcome in _checked(chunk, checklist, settings):
            outcomes.append(outcome)
    except Exception as failure:  # raised in its turn; a Ctrl-C (no Exception) goes through at once
        return outcomes, failure
    return outcomes, None


def _chunks(files: Sequence[str], jobs: int) -> list[Sequence[str]]:
    """The files in chunks of at most CHUNK, smaller and smaller towards the end.

    The run ends when the last chunk does, and a process that has finished waits for the
    others' last ones: a worker has its chunk and the next one already in hand, so with
    chunks of 16 to the end, this process sat 50 to 100 ms idle at the end of 1,000 sheets
    (chunks of 64: a fifth of a second). Each chunk is an eighth of each process's share of
    what is left, so the last ones hold a sheet or two; a round trip per chunk costs less
    than anyone can measure.
    """
    chunks: list[Sequence[str]] = []
    start = 0
    while start < len(files):
        size = max(1, min(CHUNK, (len(files) - start) // (jobs * 8)))
        chunks.append(files[start : start + size])
        start += size
    return chunks


@contextmanager
def _loaded_set_aside(many: bool) -> Iterator[None]:
    """What is loaded before the files (modules, Typer, the checklist) kept out of the collector's sight.

    It lives for the whole run: each collection over a thousand sheets walked all of it
    again (2 % of `coop check -j 1`); forked workers also leave their copies of it
    unwritten. Each sheet's node graph, data and audit (some 2,500 objects, freed by
    reference counting once its report is written) made three young collections a sheet
    at the default threshold, each walking what was still alive: collected every
    YOUNG_COLLECTION_FROM allocations instead, 4 % less CPU on a thousand sheets. The
    threshold is given back when the run ends, and what was frozen here too, unless
    start-up's objects were already set aside by core/collector.py (`coop` as installed):
    then everything stays aside until the collector gives it back.
    """
    started_frozen = gc.get_freeze_count() > 0
    if not many or (started_frozen and not collector.set_aside_by_us()):
        yield  # one file; or a program around us manages the collector itself
        return
    gc.freeze()
    threshold = gc.get_threshold()
    gc.set_threshold(max(threshold[0], YOUNG_COLLECTION_FROM), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        if not started_frozen:  # else start-up's objects stay aside, as core/collector.py keeps them
            gc.unfreeze()


def _work(names: Sequence[str], location: Path | str, settings: Settings) -> list[Checked]:
    """One chunk, in a worker."""
    checklist = load_checklist(location)  # once per worker: it is cached
    return list(_checked(names, checklist, settings))


def _outcome(report: FileReport, checklist: Checklist, settings: Settings) -> Checked:
    from coopwizard.i18n import say

    lang, as_json = settings.lang, settings.as_json
    error = say(report.error, lang) if report.error is not None else None
    if settings.follow_sheets and not as_json and report.audit is not None:
        lang = report.audit.sheet.language or lang
    findings = report.audit is not None and report.audit.has_findings(settings.strict)
    rendered = settings.render(report, checklist, lang, as_json) if (as_json or report.error is None) else ""
    return Checked(rendered, error, findings, report.error is not None)
