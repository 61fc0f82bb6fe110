"""The wizard's draft: every answer saved after every step, so nothing typed is ever lost.

The draft lives in the user's state directory (platformdirs), as JSON, written
atomically. It records the answers in the sheet's own structure and which
questions were asked, so a resumed wizard starts at the first one not asked.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from coopwizard.core.errors import UsageError
from coopwizard.io.textio import write_atomic
from coopwizard.io.yamlio import json_ready

DRAFT_ENV = "COOP_STATE_DIR"
DRAFT_VERSION = 1


def state_dir() -> Path:
    """$COOP_STATE_DIR, else the per-user state directory (XDG on Linux, AppData on Windows)."""
    chosen = os.environ.get(DRAFT_ENV)
    if chosen:
        return Path(chosen)
    from platformdirs import user_state_path

    return user_state_path("coopwizard", appauthor=False)


def draft_path() -> Path:
    return state_dir() / "draft.json"


@dataclass
class Draft:
    checklist_id: str
    checklist_version: int
    lang: str
    output: str
    output_format: str
    created: str  # ISO date: the sheet's creation date, kept across sessions
    answers: dict[str, Any] = field(default_factory=dict)
    asked: list[str] = field(default_factory=list)
    version: int = DRAFT_VERSION

    def is_asked(self, path: str) -> bool:
        return path in self.asked

    def mark(self, path: str) -> None:
        if path not in self.asked:
            self.asked.append(path)

    def answered_count(self) -> int:
        """Questions answered, leaving out the wizard's own markers (a topic started, done...)."""
        markers = (".start", ".done", ".more")
        return sum(1 for p in self.asked if not p.endswith(markers) and p != "partners.done")

    def forget(self, prefix: str) -> None:
        self.asked = [p for p in self.asked if not (p == prefix or p.startswith(prefix + "."))]


def save_draft(draft: Draft, path: Path | None = None) -> Path:
    target = path or draft_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, json.dumps(json_ready(asdict(draft)), ensure_ascii=False, indent=2) + "\n")
    return target


def load_draft(path: Path | None = None) -> Draft:
    target = path or draft_path()
    try:
        raw = json.loads(target.read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise UsageError("wizard.no_draft", file=str(target)) from err
    except (OSError, ValueError) as err:
        raise UsageError("wizard.bad_draft", file=str(target)) from err
    try:
        draft = Draft(**{k: v for k, v in raw.items() if k in Draft.__dataclass_fields__})
    except TypeError as err:
        raise UsageError("wizard.bad_draft", file=str(target)) from err
    if not isinstance(draft.answers, dict) or not isinstance(draft.asked, list) or draft.version > DRAFT_VERSION:
        raise UsageError("wizard.bad_draft", file=str(target))
    return draft


def discard_draft(path: Path | None = None) -> None:
    (path or draft_path()).unlink(missing_ok=True)
