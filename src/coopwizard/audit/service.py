"""Reading one sheet from text and auditing it: the service behind `coop check`."""

from __future__ import annotations

import datetime as dt

from coopwizard.audit.engine import audit
from coopwizard.audit.findings import Audit, Finding
from coopwizard.core.errors import CoopError, ExitCode
from coopwizard.core.message import PathPart
from coopwizard.core.records import slim_dataclass
from coopwizard.guide.model import Checklist
from coopwizard.io.frontmatter import looks_like_markdown, split_front_matter
from coopwizard.io.textio import SourceText, read_source
from coopwizard.io.yamlio import LoadedYaml, load_yaml
from coopwizard.sheet.model import Sheet
from coopwizard.sheet.parse import SchemaIssue, parse_sheet


@slim_dataclass
class LoadedSheet:
    """A sheet read from its file, with the schema's complaints and the node graph that locates them."""

    sheet: Sheet
    issues: list[SchemaIssue]
    document: LoadedYaml
    markdown: bool


@slim_dataclass
class LocatedEnd:
    """One of the answers an inconsistency is about, with its place in the file."""

    path: tuple[PathPart, ...]
    line: int
    column: int


@slim_dataclass
class LocatedFinding:
    """A finding and the line and column of the answer it is about."""

    finding: Finding
    line: int
    column: int
    ends: tuple[LocatedEnd, ...] = ()


@slim_dataclass
class FileReport:
    """One file's result: an audit with located findings, or the error that stopped it."""

    name: str
    audit: Audit | None = None
    findings: tuple[LocatedFinding, ...] = ()
    error: CoopError | None = None


def load_sheet(source: SourceText, checklist: Checklist) -> LoadedSheet:
    markdown = looks_like_markdown(source.name, source.text)
    if markdown:
        text, offset = split_front_matter(source.text, source.name)
    else:
        text, offset = source.text, 0
    document = load_yaml(text, source.name, offset)
    sheet, issues = parse_sheet(document.data, checklist, source.name)
    return LoadedSheet(sheet, issues, document, markdown)


def check_file(
    name: str, checklist: Checklist, today: dt.date | None = None, *, keep_errors: bool = True
) -> FileReport:
    """Audit the sheet in `name` ("-": stdin).

    A file that cannot be read gives a report holding its error, so that one bad
    file among many does not stop the run; `keep_errors=False` raises instead.
    """
    try:
        loaded = load_sheet(read_source(name), checklist)
    except CoopError as err:
        if not keep_errors:
            raise
        return FileReport(name if name != "-" else "<stdin>", error=err)
    result = audit(loaded.sheet, checklist, loaded.issues, today)
    # Marks are looked up only for the findings there are.
    located = tuple(
        LocatedFinding(
            f,
            *loaded.document.locate(f.path),
            tuple(LocatedEnd(end, *loaded.document.locate(end)) for end in f.ends),
        )
        for f in result.findings
    )
    return FileReport(name if name != "-" else "<stdin>", result, located)


@slim_dataclass
class Tally:
    """Counts over the reports of one run, for the summary line and the exit code."""

    strict: bool = False
    files: int = 0
    clean: int = 0
    with_findings: int = 0
    errors: int = 0

    def add(self, is_error: bool, has_findings: bool) -> None:
        self.files += 1
        if is_error:
            self.errors += 1
        elif has_findings:
            self.with_findings += 1
        else:
            self.clean += 1

    def as_dict(self) -> dict[str, int]:
        return {"files": self.files, "clean": self.clean, "with_findings": self.with_findings, "errors": self.errors}

    @property
    def exit_code(self) -> int:
        if self.errors:
            return ExitCode.ERROR
        return ExitCode.FINDINGS if self.with_findings else ExitCode.CLEAN
