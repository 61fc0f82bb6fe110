"""A compiled copy of each checklist, so that start-up does not parse and validate the same YAML again.

Loading the guide's checklist costs about as much as Typer's own start-up
(PyYAML, parsing, validation). Its validated model is kept as JSON in the user's
cache directory, keyed by the checklist's exact text and coopwizard's version;
JSON only (no pickle): the cache is data, rebuilt from the model's own type
hints (core/records.py), so the checklist's shape is written once, in model.py.
Any problem with the cache (missing, unreadable, stale, read-only disk) just
means the checklist is parsed as usual.
"""

from __future__ import annotations

import json
import os
import sys
import zlib
from pathlib import Path

from coopwizard import __version__
from coopwizard.core.errors import CoopError
from coopwizard.core.records import from_data, to_data
from coopwizard.guide.model import Checklist

CACHE_ENV = "COOP_CACHE_DIR"
# Bumped whenever parsing makes something else of the same text (the model's shape, texts typeset):
# a cache written by an earlier build must not be read as this one's (the version moves only at releases).
COMPILED_FORMAT = 2


def cache_dir() -> Path:
    """$COOP_CACHE_DIR, else the platform's per-user cache folder.

    Written out rather than asked of platformdirs, whose import alone costs more
    than the cache saves on `coop topics`; the wizard's drafts do use platformdirs.
    """
    chosen = os.environ.get(CACHE_ENV)
    if chosen:
        return Path(chosen)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "coopwizard" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "coopwizard"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "coopwizard"


def _entry(text: str) -> Path:
    data = text.encode("utf-8")
    return cache_dir() / f"checklist-{zlib.crc32(data):08x}-{len(data)}-{__version__}-{COMPILED_FORMAT}.json"


def load_cached(text: str, origin: str) -> Checklist | None:
    try:
        raw = json.loads(_entry(text).read_text(encoding="utf-8"))
        checklist = from_data(Checklist, raw)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    checklist.origin = origin
    return checklist


def store(text: str, checklist: Checklist) -> None:
    """Keep the validated checklist; a cache that cannot be written only costs the next start-up."""
    from coopwizard.io.textio import write_atomic

    data = to_data(checklist)
    data.pop("origin", None)
    try:
        _entry(text).parent.mkdir(parents=True, exist_ok=True)
        write_atomic(_entry(text), json.dumps(data, ensure_ascii=False))
    except (OSError, CoopError):
        pass
