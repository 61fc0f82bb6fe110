"""What people read in the Markdown: parsed back by an independent reader, markdown-it-py.

The renderer escapes user text; these tests do not look at the escaping. They parse the Markdown
as any Markdown viewer would (CommonMark with tables, as GitHub and most editors show it) and
check two things: the document has the same structure whatever the users typed (no heading, rule,
list, table cell, emphasis, code or HTML made out of their text), and each text reads back as it
was typed, its runs of whitespace aside.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from coopwizard.audit.engine import audit
from coopwizard.audit.phrases import is_placeholder
from coopwizard.audit.service import load_sheet
from coopwizard.guide.model import Checklist
from coopwizard.io.frontmatter import split_front_matter
from coopwizard.io.textio import SourceText
from coopwizard.render.markdown import render_markdown
from coopwizard.sheet.model import Sheet, TopicEntry, to_data
from coopwizard.sheet.parse import parse_sheet

TODAY = dt.date(2026, 10, 1)
READER = MarkdownIt("commonmark").enable("table")
BREAKS = {"softbreak", "hardbreak"}

HOSTILE = [
    "Fête & goûter <b>gras</b> &amp; &#x41; &lt;",
    "a | b || c \\| d",
    "# pas un titre",
    "Issue #",
    "C# et F#",
    "* pas une liste",
    "- ni celle-ci",
    "+ ni celle-là",
    "1. ni une liste numérotée",
    "2026) non plus",
    "**gras** _italique_ *étoile* ~~barré~~",
    "`code` et ``double`` et ```fence```",
    "---",
    "===",
    "***",
    "> pas une citation",
    "<script>alert(1)</script>",
    "<!-- commentaire -->",
    "[lien](http://example.org) ![image](x.png) <http://example.org>",
    "fin par une barre \\",
    "\\# déjà échappé \\*",
    "ligne\rretour chariot",
    "ligne\r# titre après un retour chariot",
    "ligne\r---",
    "x" * 300,
    "anticonstitutionnellement" * 12,
    "    quatre espaces devant",
    "\ttabulation devant",
    "[^note] et [ref]: http://x",
    "a\u00a0b\u202fc",
    "😀 emoji et ﬁ ligature",
]


def blocks(markdown: str) -> list[Token]:
    body = markdown.split("\n---\n", 1)[1]
    return READER.parse(body)


def shape(tokens: list[Token]) -> list[tuple[str, str]]:
    """The document's structure: every block and inline token but the text itself and its line breaks."""
    out = []
    for token in tokens:
        out.append((token.type, token.tag))
        for child in token.children or []:
            if child.type not in {"text", *BREAKS}:
                out.append((child.type, child.tag))
    return out


def visible(token: Token) -> str:
    """An inline token as a reader sees it: its text, line breaks as newlines."""
    return "".join("\n" if c.type in BREAKS else c.content for c in token.children or [])


def inline_text(text: str) -> str:
    """What a heading or a table cell shows: the text on one line, runs of line breaks and spaces as one space.

    No-break spaces are kept: French typography puts them before « : » and inside « ».
    """
    return re.sub(r"[ \t\r\n\f\v\u2028\u2029\x85]+", " ", text).strip(" ")


def block_text(text: str) -> str:
    """What a paragraph shows: each line as typed (a CR ends a line too), blank lines dropped."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.strip() for line in lines if line.strip())


def _sheet(title: str, summary: str, name: str, objective: str, reason: str) -> Sheet:
    return Sheet(
        project={"title": title, "summary": summary, "territory": name},
        partners=[{"name": name, "representative": objective}, {"name": "Les Amis", "representative": "Zoé"}],
        topics={
            "purpose": TopicEntry({"reason": reason, "objectives": [objective, "Planter"]}),
            "responsibilities": TopicEntry({"missions": {name: reason, "Les Amis": "Cuisiner"}}),
            "timeline": TopicEntry({"milestones": [{"date": dt.date(2026, 11, 2), "label": objective}]}),
        },
    )


def _render(sheet: Sheet, checklist: Checklist, lang: str = "fr") -> str:
    """The Markdown of `sheet`, its findings left out: what the audit says of a text (« --- » is only
    punctuation, so a placeholder) is not Markdown structure; these tests are about escaping."""
    return render_markdown(sheet, checklist, dataclasses.replace(audit(sheet, checklist, [], TODAY), findings=()), lang)


def _inlines(tokens: list[Token], parent: str) -> list[str]:
    """The visible text of every inline token directly inside a `parent` block (heading, th, td, paragraph)."""
    pairs = itertools.pairwise(tokens)
    return [visible(token) for before, token in pairs if token.type == "inline" and before.tag == parent]


def check_reads_as_typed(text: str, checklist: Checklist) -> None:
    # A text of punctuation only (« --- ») is a placeholder for the audit: the topic it answers is then
    # "to complete", so the structure to compare with is that of a sheet answered with placeholders.
    words = (
        ("?",) * 5
        if is_placeholder(text, checklist.placeholders)
        else ("Titre", "Résumé", "Asso", "Objectif", "Raison")
    )
    plain = _render(_sheet(*words), checklist)
    hostile_sheet = _sheet(text, text, text, text, text)
    hostile = _render(hostile_sheet, checklist)
    tokens = blocks(hostile)
    assert shape(tokens) == shape(blocks(plain)), "user text changed the document's structure"
    assert _inlines(tokens, "h1") == [inline_text(text)]  # the title
    paragraphs = _inlines(tokens, "p")
    assert paragraphs[0] == block_text(text)  # the summary, right below the title
    assert block_text(text) in paragraphs  # the reason
    cells = _inlines(tokens, "td")
    assert cells[:2] == [inline_text(text), inline_text(text)]  # partner name and representative
    assert inline_text(text) in [visible(t) for t in tokens if t.type == "inline" and t.level == 3]  # list items
    # and the front matter still holds what was typed (as the validator keeps it: trimmed)
    loaded = load_sheet(SourceText("s.md", hostile), checklist)
    assert not loaded.issues
    validated, issues = parse_sheet(to_data(hostile_sheet, checklist), checklist, "s.yaml")
    assert not issues
    assert to_data(loaded.sheet, checklist) == to_data(validated, checklist)
    yaml_text, _ = split_front_matter(hostile, "s.md")
    assert yaml_text.count("\n---") == 0


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_reads_as_typed(text: str, checklist: Checklist) -> None:
    check_reads_as_typed(text, checklist)


def test_the_reader_sees_what_the_plain_sheet_has(checklist: Checklist) -> None:
    """The structure the other tests compare against: one title, the partners' table, no HTML at all."""
    tokens = blocks(_render(_sheet("Titre", "Résumé", "Asso", "Objectif", "Raison"), checklist))
    assert _inlines(tokens, "h1") == ["Titre"]
    assert _inlines(tokens, "th")[:2] == ["Association", "Représentant"]
    assert _inlines(tokens, "td")[:2] == ["Asso", "Objectif"]
    assert not [t for t in tokens if t.type.startswith("html")]
    children = [c for t in tokens for c in t.children or []]
    assert not [c for c in children if c.type.startswith("html")]
    assert not [c for c in children if c.type == "code_inline"]  # no internal ids or rule codes for people


def _typed(text: str) -> bool:
    return bool(text.strip()) and text == text.strip()


# Text people can type or a YAML file can hold: letters, marks, digits, punctuation, symbols, spaces,
# tabs and line ends (YAML refuses other control characters).
typed_text = st.text(
    st.characters(whitelist_categories=("L", "M", "N", "P", "S", "Zs"), whitelist_characters="\t\n\r&<>|#*`-_[]!\\"),
    min_size=1,
    max_size=80,
).filter(_typed)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=typed_text)
@example(text="a\r# b")
@example(text="titre #")
def test_any_text_reads_as_typed(text: str, checklist: Checklist) -> None:
    check_reads_as_typed(text, checklist)


def test_a_wrong_escape_is_seen(checklist: Checklist, monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader is not fooled: with Markdown escaping off, structure and text both break."""
    from coopwizard.render import markdown

    monkeypatch.setattr(markdown, "_escape", lambda text: text)
    with pytest.raises(AssertionError):
        check_reads_as_typed("**gras** | # x", checklist)
