"""`coop check`'s work on many sheets, stopped after one stage: run under callgrind to count each stage.

    python bench/stages.py STAGE FILE...      STAGE: start read load parse audit check render

Each stage does the ones before it too, and `check` is `check_file` whole (read, load, parse, audit and
locating the findings) after `parse`, so that the difference between two runs is one stage's cost:

    for s in start read load parse audit check render; do
      valgrind --tool=callgrind --callgrind-out-file=/dev/null python bench/stages.py $s sheets/*.yaml
    done
"""

from __future__ import annotations

import gc
import sys

from coopwizard.audit.engine import audit
from coopwizard.audit.service import check_file
from coopwizard.guide.load import default_checklist_path, load_checklist
from coopwizard.io.textio import read_source
from coopwizard.io.yamlio import load_yaml
from coopwizard.render.report import render_file_as_text
from coopwizard.sheet.parse import parse_sheet

STAGES = ("start", "read", "load", "parse", "audit", "check", "render")


def main(stage: str, files: list[str]) -> None:
    checklist = load_checklist(default_checklist_path())
    gc.freeze()  # as `coop check` does once started
    if stage == "start":
        return
    for name in files:
        source = read_source(name)
        if stage == "read":
            continue
        document = load_yaml(source.text, source.name, 0)
        if stage == "load":
            continue
        sheet, issues = parse_sheet(document.data, checklist, source.name)
        if stage == "parse":
            continue
        if stage == "audit":
            audit(sheet, checklist, issues, None)
            continue
        report = check_file(name, checklist)  # again from the file: `check` minus `parse` is check_file minus those
        if stage == "render":
            render_file_as_text(report, checklist, "fr", False)


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in STAGES:
        sys.exit(f"usage: python bench/stages.py {{{','.join(STAGES)}}} FILE...")
    main(sys.argv[1], sys.argv[2:])
