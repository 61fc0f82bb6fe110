"""The wizard's lines and headings drawn without Rich (io/console.write_line): as Rich draws them."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from coopwizard.io.console import cell_width, write_line

TITLES = ["The project", "Le projet", "Sujet 6/12 — Ressources matérielles et financières", "Projet 合作社 commun", ""]


def rich_heading(title: str, width: int, no_color: bool) -> str:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=width, highlight=False, no_color=no_color)
    console.rule(f"[bold]{title}[/]" if title else "", align="left")
    return out.getvalue()


@pytest.mark.parametrize("width", [12, 30, 80])
@pytest.mark.parametrize("title", TITLES)
@pytest.mark.parametrize("no_color", [False, True])
def test_a_heading_is_the_rule_rich_draws(
    title: str, width: int, no_color: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    else:
        monkeypatch.delenv("NO_COLOR", raising=False)
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)
    write_line(out, title, "bold", rule=True)
    out.seek(0)
    mine = out.buffer.getvalue().decode("utf-8")  # type: ignore[attr-defined]
    assert mine == rich_heading(title, width, no_color)


@pytest.mark.parametrize(
    ("env", "codes"),
    [
        ({"FORCE_COLOR": "1"}, True),
        ({"FORCE_COLOR": ""}, False),
        ({"TTY_COMPATIBLE": "0", "FORCE_COLOR": "1"}, False),
        ({"TTY_COMPATIBLE": "1"}, True),
        ({}, False),
    ],
)
def test_escape_codes_only_where_rich_would_write_them(
    env: dict[str, str], codes: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    out = io.StringIO()  # not a terminal by itself
    write_line(out, "un conseil", "dim")
    assert out.getvalue() == ("\x1b[2mun conseil\x1b[0m\n" if codes else "un conseil\n")


def test_a_long_line_is_wrapped_at_words_and_control_characters_are_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "24")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    out = io.StringIO()
    write_line(out, "Tout sujet peut rester «\u00a0à compléter\u00a0». \x1b[2J")  # as French is typeset
    assert out.getvalue() == "Tout sujet peut rester\n«\u00a0à compléter\u00a0». \\x1b[2J\n"


def test_the_width_of_a_text_is_counted_in_columns() -> None:
    assert cell_width("abc") == 3
    assert cell_width("合作") == 4
    assert cell_width("e\u0301t\u00e9") == 3  # a combining accent takes no column


def test_a_hostile_title_is_cut_in_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    out = io.StringIO()
    write_line(out, "é" * 1_000_000, "bold", rule=True)
    assert out.getvalue() == "é" * 37 + "… -\n"  # not a terminal here, no UTF-8 said: an ASCII bar


def test_plain_mode_wins_over_force_color(monkeypatch: pytest.MonkeyPatch) -> None:
    from coopwizard.io import console

    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setattr(console, "_plain_text", True)
    out = io.StringIO()
    write_line(out, "Le projet", "bold", rule=True)
    assert "\x1b" not in out.getvalue()
