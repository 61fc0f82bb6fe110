"""A compiled copy of each checklist, so that start-up does not parse and validate the same YAML again.

Loading the guide's checklist costs about as much as Typer's own start-up
(PyYAML, parsing, validation). Its validated model is kept as JSON in the user's
cache directory, keyed by the checklist's exact text and coopwizard's version;
JSON only (no pickle): the cache is data, rebuilt by explicit code below.
Any problem with the cache (missing, unreadable, stale, read-only disk) just
means the checklist is parsed as usual.
"""

from __future__ import annotations

import json
import os
import sys
import zlib
from pathlib import Path
from typing import Any

from coopwizard import __version__
from coopwizard.core.localized import Localized
from coopwizard.guide.model import Checklist, Choice, Level, Note, Pitfall, Practice, PracticeCheck, Question, Topic

CACHE_ENV = "COOP_CACHE_DIR"


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
    return cache_dir() / f"checklist-{zlib.crc32(data):08x}-{len(data)}-{__version__}.json"


def load_cached(text: str, origin: str) -> Checklist | None:
    try:
        raw = json.loads(_entry(text).read_text(encoding="utf-8"))
        return _checklist(raw, origin)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def store(text: str, checklist: Checklist) -> None:
    from dataclasses import asdict

    from coopwizard.io.textio import write_atomic

    data = asdict(checklist)
    data.pop("origin", None)
    try:
        _entry(text).parent.mkdir(parents=True, exist_ok=True)
        write_atomic(_entry(text), json.dumps(data, ensure_ascii=False))
    except Exception:
        pass


def _localized(data: Any) -> Localized | None:
    return None if data is None else Localized(data["fr"], data["en"])


def _text(data: Any) -> Localized:
    return Localized(data["fr"], data["en"])


def _question(data: dict[str, Any]) -> Question:
    return Question(
        id=data["id"],
        type=data["type"],
        text=_text(data["text"]),
        help=_localized(data["help"]),
        required=data["required"],
        default=data["default"],
        choices=tuple(Choice(c["id"], _text(c["label"])) for c in data["choices"]),
        fields=tuple(_question(f) for f in data["fields"]),
        to_reach=_localized(data["to_reach"]),
        label=_localized(data["label"]),
    )


def _checklist(data: dict[str, Any], origin: str) -> Checklist:
    return Checklist(
        id=data["id"],
        version=data["version"],
        title=_text(data["title"]),
        source=_text(data["source"]),
        levels=tuple(
            Level(
                lv["id"],
                lv["rank"],
                _text(lv["name"]),
                _text(lv["motto"]),
                _text(lv["applies_to"]),
                tuple(lv["requires"]),
            )
            for lv in data["levels"]
        ),
        level_notes=tuple(Note(n["id"], _text(n["text"])) for n in data["level_notes"]),
        classification=tuple(_question(q) for q in data["classification"]),
        project=tuple(_question(q) for q in data["project"]),
        partner=tuple(_question(q) for q in data["partner"]),
        topics=tuple(
            Topic(
                t["id"],
                _text(t["label"]),
                _text(t["guide"]),
                tuple(_question(q) for q in t["questions"]),
                tuple(_text(h) for h in t["hints"]),
            )
            for t in data["topics"]
        ),
        pitfalls=tuple(
            Pitfall(p["id"], _text(p["text"]), _text(p["advice"]), p["rule"], p["params"], tuple(p["practices"]))
            for p in data["pitfalls"]
        ),
        practices=tuple(
            Practice(
                p["id"],
                _text(p["text"]),
                None
                if p["check"] is None
                else PracticeCheck(p["check"]["rule"], tuple(p["check"]["paths"]), tuple(p["check"]["values"])),
            )
            for p in data["practices"]
        ),
        origin=origin,
    )
