"""Markup without Rich: the same escapes and the same reading as Rich's, on both output paths."""

from __future__ import annotations

import random

from rich.markup import escape as rich_escape
from rich.markup import render

from coopwizard.io.console import rich_text
from coopwizard.io.markup import MARKUP, PLAIN, escape, plain, tokens

ALPHABET = "\\[]/ab#@x :"


def samples(count: int, seed: int = 13) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 14))) for _ in range(count)]


def test_escape_is_richs_escape() -> None:
    for text in samples(5000):
        assert escape(text) == rich_escape(text), text


def test_plain_and_the_terminal_text_read_markup_as_rich_does() -> None:
    for text in samples(3000):
        markup = f"[bold]{escape(text)}[/] — [dim]({escape(text)})[/] [bold red]x[/bold red]"
        ours, theirs = rich_text(markup), render(markup, emoji=False)
        if "\\[" in theirs.plain or "\\[" in ours.plain:
            continue  # Rich drops the backslash of a user's "\[" that starts no tag; we keep what was typed
        assert ours.plain == theirs.plain == plain(markup), markup
        assert [(s.start, s.end, str(s.style)) for s in ours.spans] == [
            (s.start, s.end, str(s.style)) for s in theirs.spans
        ], markup


def test_plain_reads_any_markup_as_its_tokens_say() -> None:
    """Even markup no renderer of ours writes: unescaped brackets, runs of backslashes, tags in tags."""
    for markup in [*samples(20000, seed=7), "[b]a\\[#[/]#a]\\\\#[a", "\\\\[b]x", "\\\\\\[b]x\\"]:
        text = "".join(piece for piece, tag in tokens(markup) if tag is None)
        assert plain(markup) == (text[:-1] if text.endswith("\\\\") else text), markup


def test_user_text_is_shown_as_typed_on_a_terminal() -> None:
    assert rich_text(escape(r"a \[X] :smile: [bold]")).plain == r"a \[X] :smile: [bold]"


def test_a_long_run_of_backslashes_is_read_in_one_pass() -> None:
    run = "\\" * 200_000 + "[bold]x[/]"
    assert tokens(run)[0] == ("\\" * 100_000, None)
    assert plain(escape(run)) == run


def marked(marks: object, text: str) -> str:
    """A line as the report writes one, through `marks`: styled user text, then text, then a word in brackets."""
    assert marks is MARKUP or marks is PLAIN
    return (
        f"{marks.styled('bold', marks.text(text))} — {marks.text(text)} "
        f"{marks.styled('red', marks.bracketed('erreur'))} {marks.styled('dim', '(' + marks.text(text) + ')')} "
        f"{marks.text(text)}\n"  # a report's lines end with a newline, never with the user's text
    )


def test_plain_marks_write_what_plain_reads_out_of_the_markup_ones() -> None:
    for text in [*samples(5000, seed=3), "Fête \\", "a\\\\", "\\", "[bold]x[/]\\", "\\[b]"]:
        assert marked(PLAIN, text) == plain(marked(MARKUP, text)), text


def test_the_terminal_shows_every_backslash_that_was_typed_even_at_the_end() -> None:
    for text in [*samples(3000, seed=5), "Fête \\", "a\\\\", "\\\\\\"]:
        if "\\[" in text:
            continue  # Rich drops the backslash of a user's "\[" that starts no tag (see above)
        line = marked(MARKUP, text)
        assert rich_text(line).plain == render(line, emoji=False).plain == marked(PLAIN, text), text
