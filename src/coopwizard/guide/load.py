"""Where the checklist in force is found, and loading it once per process (and once per text, across runs)."""

from __future__ import annotations

import functools
import os
from pathlib import Path

from coopwizard.guide.model import Checklist
from coopwizard.io.textio import read_source

CHECKLIST_ENV = "COOP_CHECKLIST"


def default_checklist_path() -> Path:
    """The checklist shipped with the package (or beside the sources, in a checkout)."""
    shipped = Path(__file__).parents[1] / "checklists" / "default.yaml"  # where the wheel puts it
    if shipped.is_file():
        return shipped
    return Path(__file__).resolve().parents[3] / "checklists" / "default.yaml"


def resolve_checklist_path(option: str | None) -> Path | str:
    """`--checklist`, then $COOP_CHECKLIST, then the default."""
    chosen = option or os.environ.get(CHECKLIST_ENV)
    return chosen if chosen else default_checklist_path()


@functools.lru_cache(maxsize=8)
def load_checklist(location: Path | str) -> Checklist:
    """Read and validate a checklist, once per process and path (and once per text, across runs)."""
    from coopwizard.guide import cache as checklist_cache

    source = read_source(str(location))
    cached = checklist_cache.load_cached(source.text, source.name)
    if cached is not None:
        return cached
    from coopwizard.guide.parse import ChecklistParser
    from coopwizard.io.yamlio import load_yaml  # only when there is YAML to parse

    checklist = ChecklistParser(load_yaml(source.text, source.name), source.name).parse()
    checklist_cache.store(source.text, checklist)
    return checklist
