"""Shared fixtures: a pinned terminal, the default checklist, sheets written on the fly."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coopwizard.guide.load import default_checklist_path, load_checklist
from coopwizard.guide.model import Checklist

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "docs" / "examples" / "linandes.yaml"
DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def cache_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


AUDIT_TODAY = dt.date(2026, 12, 1)


@pytest.fixture(autouse=True)
def pinned_audit_day(monkeypatch: pytest.MonkeyPatch) -> None:
    """`coop check` in the suite audits as of one fixed day (core/clock.py), not the day the suite runs:
    the example sheets do not fall due for review, or age, while their tests stay the same."""
    from coopwizard.core import clock

    monkeypatch.setattr(clock, "today", lambda: AUDIT_TODAY)


@pytest.fixture(autouse=True)
def pinned_terminal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, cache_home: Path) -> None:
    """Every test sees the same plain 80-column terminal, English unless it says otherwise."""
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")
    for name in ("COOP_LANG", "COOP_CHECKLIST", "COOP_SCHEMA", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("COOP_CACHE_DIR", str(cache_home))  # never the user's own cache
    # The consoles are made once per process; tests need fresh ones for their own stdout.
    from coopwizard.io import console

    console.stdout_console.cache_clear()
    console.stderr_console.cache_clear()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def checklist() -> Checklist:
    return load_checklist(default_checklist_path())


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """write("name.yaml", text) -> path, in the test's own folder."""

    def _write(name: str, text: str | bytes) -> Path:
        path = tmp_path / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return _write
