"""The wizard's drafts: every answer saved after every step, one draft per sheet being written.

A draft lives in the user's state folder (platformdirs; $COOP_STATE_DIR overrides),
as JSON written atomically, named after the sheet it will become, so that two
sessions writing two sheets never share one. While a session runs, a lock file
beside its draft says who holds it and since when; a second session for the same
sheet is told so and never overwrites or deletes the first one's draft. A draft
records the answers in the sheet's own structure and the session's progress, so
a resumed wizard starts at the first question not asked.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, field
from pathlib import Path
from typing import Any

from coopwizard.core.errors import UsageError
from coopwizard.core.records import from_data, json_ready, slim_dataclass
from coopwizard.io.textio import os_reason, write_atomic
from coopwizard.wizard.progress import Progress

DRAFT_ENV = "COOP_STATE_DIR"
DRAFT_VERSION = 2
LEGACY_NAME = "draft.json"  # format 1 kept a single draft here
STALE_LOCK_HOURS = 12  # where a process cannot be asked whether it still runs (Windows)


def state_dir() -> Path:
    """$COOP_STATE_DIR, else the per-user state directory (XDG on Linux, AppData on Windows)."""
    chosen = os.environ.get(DRAFT_ENV)
    if chosen:
        return Path(chosen)
    from platformdirs import user_state_path

    return user_state_path("coopwizard", appauthor=False)


def drafts_dir() -> Path:
    return state_dir() / "drafts"


def check_state_dir() -> Path:
    """The drafts folder, made and proved writable, or a UsageError that says why, before any question."""
    folder = drafts_dir()
    probe = folder / f".probe-{uuid.uuid4().hex}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as err:
        raise UsageError("wizard.state_unusable", folder=str(folder), reason=os_reason(err), env=DRAFT_ENV) from err
    return folder


def draft_path(output: str = "-") -> Path:
    """The draft of the sheet that will be written to `output` ("-": standard output)."""
    if output == "-":
        return drafts_dir() / "stdout.json"
    target = str(Path(output).expanduser().absolute())
    digest = hashlib.sha256(target.encode("utf-8")).hexdigest()[:10]
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", Path(output).name)[:40].strip("-") or "sheet"
    return drafts_dir() / f"{stem}-{digest}.json"


@slim_dataclass
class Draft:
    """What the wizard has been told so far, saved after every answer so that nothing typed is lost."""

    checklist_id: str
    checklist_version: int
    lang: str
    output: str
    output_format: str
    created: str  # ISO date: the sheet's creation date, kept across sessions
    answers: dict[str, Any] = field(default_factory=dict)
    progress: Progress = field(default_factory=Progress)
    version: int = DRAFT_VERSION

    def answered_count(self) -> int:
        return self.progress.answered_count()


def save_draft(draft: Draft, path: Path | None = None) -> Path:
    target = path or draft_path(draft.output)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, json.dumps(json_ready(asdict(draft)), ensure_ascii=False, indent=2) + "\n")
    return target


def load_draft(path: Path) -> Draft:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise UsageError("wizard.no_draft", file=str(path)) from err
    except (OSError, ValueError) as err:
        raise UsageError("wizard.bad_draft", file=str(path)) from err
    if not isinstance(raw, dict) or not isinstance(raw.get("version", 1), int) or raw.get("version", 1) > DRAFT_VERSION:
        raise UsageError("wizard.bad_draft", file=str(path))
    if raw.get("version", 1) == 1:  # format 1: progress as markers among the asked paths
        asked = raw.pop("asked", [])
        raw["progress"] = asdict(Progress.from_markers(asked if isinstance(asked, list) else []))
        raw["version"] = DRAFT_VERSION
    try:
        draft = from_data(Draft, raw)
    except (TypeError, KeyError, ValueError) as err:
        raise UsageError("wizard.bad_draft", file=str(path)) from err
    if not isinstance(draft.answers, dict):
        raise UsageError("wizard.bad_draft", file=str(path))
    return draft


def discard_draft(path: Path) -> None:
    path.unlink(missing_ok=True)


def set_aside(path: Path) -> Path:
    """Keep a draft under a name no other draft can have (never overwritten), and say where."""
    moment = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}.aside-{moment}-{uuid.uuid4().hex[:8]}.json")
    path.replace(aside)
    return aside


def list_drafts() -> list[tuple[Path, Draft]]:
    """The drafts that can be resumed, newest first (drafts kept aside and unreadable ones are left out)."""
    folder = drafts_dir()
    candidates = [p for p in folder.glob("*.json") if ".aside-" not in p.name] if folder.is_dir() else []
    legacy = state_dir() / LEGACY_NAME
    if legacy.is_file():
        candidates.append(legacy)
    found = []
    for path in candidates:
        try:
            found.append((path, load_draft(path)))
        except UsageError:
            continue
    return sorted(found, key=lambda item: item[0].stat().st_mtime, reverse=True)


# -- one session per draft -----------------------------------------------------------------


@slim_dataclass
class Holder:
    """Who holds a draft: a process, where, since when, writing which sheet."""

    pid: int
    host: str
    started: str  # ISO date and time
    output: str


def _lock_path(draft: Path) -> Path:
    return draft.with_suffix(".lock")


def holder_of(draft: Path) -> Holder | None:
    """The live session holding this draft, or None (a lock left by a dead process does not count)."""
    try:
        holder = from_data(Holder, json.loads(_lock_path(draft).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError, KeyError):
        return None
    return holder if _alive(holder) else None


def _alive(holder: Holder) -> bool:
    if holder.host != _host():
        return True  # a shared folder: another machine's session is not ours to judge
    if sys.platform == "win32":  # os.kill would end the process there: judge by age
        try:
            started = dt.datetime.fromisoformat(holder.started)
        except ValueError:
            return False
        return dt.datetime.now() - started < dt.timedelta(hours=STALE_LOCK_HOURS)
    try:
        os.kill(holder.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, under another user
    return True


@contextmanager
def session_lock(draft: Path, output: str) -> Iterator[None]:
    """Hold `draft` for this session; UsageError naming the other session if one holds it."""
    lock = _lock_path(draft)
    lock.parent.mkdir(parents=True, exist_ok=True)
    me = Holder(os.getpid(), _host(), dt.datetime.now().isoformat(timespec="seconds"), output)
    for _ in range(2):
        try:
            with lock.open("x", encoding="utf-8") as handle:  # exclusive: two sessions cannot both create it
                handle.write(json.dumps(asdict(me)))
            break
        except FileExistsError:
            other = holder_of(draft)
            if other is not None:
                raise UsageError(
                    "wizard.draft_in_use", output=other.output, since=other.started, pid=other.pid
                ) from None
            lock.unlink(missing_ok=True)  # left by a session that died: take it over
    else:
        raise UsageError("wizard.draft_in_use", output=output, since="?", pid="?")
    try:
        yield
    finally:
        lock.unlink(missing_ok=True)


def _host() -> str:
    import socket  # only when a lock is taken or read

    return socket.gethostname()
