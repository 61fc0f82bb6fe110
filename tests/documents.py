"""Helpers for the document tests: a hostile sheet, and headless Chromium when it can be found."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

from coopwizard.sheet.model import Sheet, TopicEntry

LONG_WORD = "Anticonstitutionnellement" * 8
RTL = "جمعية الحي — עמותת השכונה"
ESCAPE = "\x1b[31mrouge\x1b[0m\x07"
SCRIPT = "<script>alert('x')</script><img src=x onerror=alert(1)>"
HOSTILE = f"{SCRIPT} & {ESCAPE} {LONG_WORD} 🌱🍅 {RTL} {{{{ 7*7 }}}} {{% if %}}"


def hostile_sheet() -> Sheet:
    """Every field a person types filled with text that must stay text."""
    return Sheet(
        project={"title": f"Titre {SCRIPT}", "summary": HOSTILE, "territory": RTL, "created": dt.date(2026, 9, 1)},
        partners=[
            {"name": f"Asso {SCRIPT}", "representative": RTL, "contact": ESCAPE, "brings_material": [LONG_WORD]},
            {"name": LONG_WORD, "representative": "🌱", "brings_money": 100},
        ],
        classification={"shares_resources": True},
        topics={
            "purpose": TopicEntry({"reason": HOSTILE, "objectives": [SCRIPT, LONG_WORD, RTL]}, notes=HOSTILE),
            "responsibilities": TopicEntry({"missions": {f"Asso {SCRIPT}": HOSTILE, LONG_WORD: RTL}}),
            "timeline": TopicEntry({"milestones": [{"date": dt.date(2026, 12, 10), "label": HOSTILE}]}),
            "material_resources": TopicEntry({"needed": [{"item": SCRIPT, "amount": 50, "source": LONG_WORD}]}),
        },
    )


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


def run_chromium(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
