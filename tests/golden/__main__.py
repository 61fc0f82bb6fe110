"""Regenerate the golden files from the current code: `python -m tests.golden`, then review `git diff tests/golden`."""

from __future__ import annotations

from coopwizard.guide.load import default_checklist_path, load_checklist
from tests.conftest import EXAMPLE
from tests.golden import GOLDEN, golden_markdown


def main() -> None:
    checklist = load_checklist(default_checklist_path())
    for lang in ("fr", "en"):
        target = GOLDEN / f"linandes.{lang}.md"
        target.write_text(golden_markdown(EXAMPLE, lang, checklist), encoding="utf-8")
        print(f"wrote {target}")


if __name__ == "__main__":
    main()
