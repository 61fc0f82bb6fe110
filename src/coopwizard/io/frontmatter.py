"""A Markdown sheet carries the whole sheet as YAML front matter."""

from __future__ import annotations

from coopwizard.core.errors import InvalidSheetError

FENCE = "---"
MARKDOWN_SUFFIXES = (".md", ".markdown")


def looks_like_markdown(name: str, text: str) -> bool:
    """By the file's suffix; for stdin or other names, by a closed front-matter fence."""
    lowered = name.lower()
    if lowered.endswith(MARKDOWN_SUFFIXES):
        return True
    if lowered.endswith((".yaml", ".yml", ".json")):
        return False
    return text.startswith(FENCE + "\n") and _closing_line(text.split("\n")) is not None


def _closing_line(lines: list[str]) -> int | None:
    for index in range(1, len(lines)):
        if lines[index].rstrip() in (FENCE, "..."):
            return index
    return None


def split_front_matter(text: str, name: str) -> tuple[str, int]:
    """The front matter's YAML, and the number of lines before it (for line numbers)."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FENCE:
        raise InvalidSheetError("sheet.no_front_matter", file=name)
    end = _closing_line(lines)
    if end is None:
        raise InvalidSheetError("sheet.unclosed_front_matter", file=name)
    return "\n".join(lines[1:end]) + "\n", 1


def join_front_matter(yaml_text: str, body: str) -> str:
    """The opening fence is the YAML document's start: a `---` line the YAML text begins with is not repeated."""
    yaml_text = yaml_text.removeprefix(FENCE + "\n")
    return f"{FENCE}\n{yaml_text}{FENCE}\n\n{body}"
