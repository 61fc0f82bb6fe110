"""Hostile sheets of a given size: the shapes that once made `coop check` quadratic, and their kin.

Each shape is a valid sheet whose bulk grows with `size` (bytes of UTF-8), staying under the
node limit up to the 5 MB input limit, so that a whole 5 MB sheet is parsed, audited and
reported, not refused early. Used by bench/run.py (the scaling table) and by
tests/test_hostile_sizes.py (a 5 MB sheet of each shape is checked within a generous bound).
"""

from __future__ import annotations

from collections.abc import Callable

MAX_BYTES = 5 * 1024 * 1024

HEAD = """format: 1
project:
  title: {title}
  summary: {summary}
  territory: Les Linandes, Cergy
  created: 2026-03-01
partners:
{partners}
classification:
  shares_resources: true
  shares_work: true
"""
TWO_PARTNERS = "  - name: Les Potagers\n    representative: Awa\n  - name: Club Ados\n    representative: Karim"
BASE = HEAD.format(title="Projet", summary="Un projet", partners=TWO_PARTNERS)


def _fill(size: int, head: str, item: Callable[[int], str], tail: str = "") -> str:
    """`head`, then items numbered from 0 until the text reaches `size` bytes, then `tail`."""
    parts = [head]
    length = len(head.encode()) + len(tail.encode())
    index = 0
    while True:
        piece = item(index)
        grown = length + len(piece.encode())
        if grown > size:
            break
        parts.append(piece)
        length = grown
        index += 1
    parts.append(tail)
    return "".join(parts)


def _single_quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def backslashes(size: int) -> str:
    """One run of backslashes as the title (escape() and plain() once scanned it once per backslash)."""
    run = max(1, size - len(BASE.encode()) - 8)
    return HEAD.format(title=_single_quoted("\\" * run), summary="Un projet", partners=TWO_PARTNERS)


def markup(size: int) -> str:
    """Title and summary full of brackets, tags, quotes and backslashes: what markup must escape."""
    unit = "[bold]« x »[/] \"q\" 'q' \\[red] [/ [@a] \\\\[b] ] ["
    half = max(1, (size - len(BASE.encode())) // 2 // len(_single_quoted(unit).encode()))
    text = _single_quoted(unit * half)
    return HEAD.format(title=text, summary=text, partners=TWO_PARTNERS)


def unknown_keys(size: int) -> str:
    """Tens of thousands of keys the sheet does not know, each a finding to locate."""
    return _fill(size, BASE, lambda i: f"unknown_{i:06d}: {'v' * 90}\n")


def unknown_partners(size: int) -> str:
    """Missions given to tens of thousands of names that are not partners."""
    head = BASE + "topics:\n  responsibilities:\n    missions:\n"
    return _fill(size, head, lambda i: f"      Association {i:06d}: {'m' * 80}\n")


def many_partners(size: int) -> str:
    """Thousands of partners, each with every answer (none a mission, none skilled: findings about all)."""
    head = HEAD.format(title="Projet", summary="Un projet", partners="")

    def partner(i: int) -> str:
        return (
            f"  - name: Association {i:06d} {'p' * 700}\n"
            f"    representative: Personne {i}\n"
            f"    contact: contact{i}@example.org\n"
            "    brings_material: [salle, sono]\n"
            f"    brings_money: {i % 500}\n"
            "    brings_people: [bénévoles]\n"
        )

    before, after = head.split("\nclassification:", 1)
    return _fill(size, before, partner, "classification:" + after)


def many_milestones(size: int) -> str:
    """Tens of thousands of milestones (dates and labels)."""
    head = BASE + "topics:\n  timeline:\n    milestones:\n"

    def milestone(i: int) -> str:
        date = f"{2026 + i // 336}-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}"
        return f"      - date: {date}\n        label: {'l' * 330}\n"

    return _fill(size, head, milestone)


DEEP = 56  # lists inside lists, under topics.purpose.objectives: 4 levels above, within the limit of 64


def deep_nesting(size: int) -> str:
    """Lists nested as deep as allowed, many times over (each one a finding: objectives are texts)."""
    head = BASE + "topics:\n  purpose:\n    objectives:\n"
    pad = "d" * 3000
    return _fill(size, head, lambda i: f"      - {'[' * DEEP}{pad}{i}{']' * DEEP}\n")


def huge_text(size: int) -> str:
    """One text of several megabytes: the summary, as a block of lines."""
    head = HEAD.format(title="Projet", summary="|", partners=TWO_PARTNERS)
    line = "    Le quartier manque de lieux où se retrouver ; nous voulons y remédier ensemble, pas à pas.\n"
    before, after = head.split("  territory:", 1)
    return _fill(size, before, lambda i: line, "  territory:" + after)


def long_word(size: int) -> str:
    """One word of megabytes, letters not repeating soon: each phrase lookup must stay linear in it."""
    head = HEAD.format(title="{title}", summary="Un projet.", partners=TWO_PARTNERS)
    word = "".join(chr(ord("a") + (i * 7 + i // 26) % 26) for i in range(max(0, size - len(head))))
    return head.replace("{title}", word, 1)


SHAPES: dict[str, Callable[[int], str]] = {
    "backslashes in the title": backslashes,
    "quotes and markup in text": markup,
    "unknown keys": unknown_keys,
    "unknown partner names": unknown_partners,
    "many partners": many_partners,
    "many milestones": many_milestones,
    "deep nesting (allowed)": deep_nesting,
    "one huge text": huge_text,
    "one very long word": long_word,
}
