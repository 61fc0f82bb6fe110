"""Regenerate the golden files from the current code: `python -m tests.golden`, then review `git diff tests/golden`."""

from __future__ import annotations

from coopwizard.guide.load import default_checklist_path, load_checklist
from tests.golden import GOLDEN, GOLDEN_FILES


def main() -> None:
    checklist = load_checklist(default_checklist_path())
    for pattern, (source, render) in GOLDEN_FILES.items():
        for lang in ("fr", "en"):
            target = GOLDEN / pattern.format(lang=lang)
            target.write_text(render(source, lang, checklist), encoding="utf-8")
            print(f"wrote {target}")


if __name__ == "__main__":
    main()
