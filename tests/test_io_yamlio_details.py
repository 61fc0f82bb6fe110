"""Safe YAML loading, value by value and limit by limit (io/yamlio.py).

Written from the mutation run of io/ (docs/testing.md): each test pins what an untrusted
sheet gets, with exact values, line numbers and messages (English and French). The loader
keeps the tags of plain scalars it resolved in a module dictionary (`_RESOLVED`); mutants
are forked from the clean run, whose dictionary would answer for the code under test, so
it is emptied around every test here.
"""

from __future__ import annotations

import datetime as dt
import gc
import math
from collections.abc import Iterator
from typing import Any

import pytest

from coopwizard.core.errors import InvalidYamlError
from coopwizard.core.message import Message
from coopwizard.i18n import say
from coopwizard.io import yamlio
from coopwizard.io.yamlio import MAX_DEPTH, MAX_NODES, load_yaml
from tests.helpers import french


@pytest.fixture(autouse=True)
def _no_resolved_tags() -> Iterator[None]:
    yamlio._RESOLVED.clear()
    yield
    yamlio._RESOLVED.clear()


def refused(text: str, offset: int = 0) -> InvalidYamlError:
    with pytest.raises(InvalidYamlError) as raised:
        load_yaml(text, "f.yaml", offset)
    return raised.value


def said(err: InvalidYamlError) -> tuple[str, str]:
    return say(err, "en"), say(err, "fr")


def values(value: Any) -> int:
    """Every value once aliases are expanded: each scalar, each collection, each key (as tests/test_limits.py)."""
    if isinstance(value, dict):
        return 1 + sum(values(k) + values(v) for k, v in value.items())
    if isinstance(value, list):
        return 1 + sum(values(v) for v in value)
    return 1


# --- scalars ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("+5", 5),
        ("-0", 0),
        ("0", 0),
        ("007", "007"),  # octal in YAML 1.1: kept as typed
        ("0o17", "0o17"),
        ("0b101", "0b101"),
        ("1:30", "1:30"),  # base 60
        ("+12_3", "+12_3"),
        ("1.5", 1.5),
        ("-1.5", -1.5),
        ("+.5", "+.5"),  # no float to YAML 1.1
        (".5", 0.5),
        ("1.", 1.0),
        ("1.5e+3", 1500.0),
        ("6.8523015e-5", 6.8523015e-5),
        ("1_000.5", "1_000.5"),
        ("190:20:30.15", "190:20:30.15"),
        (".inf", math.inf),
        (".Inf", math.inf),
        ("+.INF", math.inf),
        ("-.inf", -math.inf),
        ("-.Inf", -math.inf),
        ("yes", True),
        ("Yes", True),
        ("NO", False),
        ("on", True),
        ("Off", False),
        ("true", True),
        ("False", False),
        ("y", "y"),
        ("n", "n"),
        ("~", None),
        ("null", None),
        ("Null", None),
        ("", None),
        ("2026-10-13", dt.date(2026, 10, 13)),
        ("2026-10-13 10:20:30", dt.datetime(2026, 10, 13, 10, 20, 30)),
        ("2026-02-30", "2026-02-30"),
        ("2026-13-01", "2026-13-01"),
        ("Fête", "Fête"),
        ("'12'", "12"),
        ('"yes"', "yes"),
        ("'~'", "~"),
    ],
)
def test_a_plain_scalar_reads_as_yaml_s_core_types(typed: str, expected: object) -> None:
    data = load_yaml(f"v: {typed}\n", "f.yaml").data
    assert data == {"v": expected}
    assert type(data["v"]) is type(expected)


@pytest.mark.parametrize("typed", [".nan", ".NaN", ".NAN"])
def test_not_a_number_reads_as_a_float(typed: str) -> None:
    value = load_yaml(f"v: {typed}\n", "f.yaml").data["v"]
    assert isinstance(value, float) and math.isnan(value)


def test_a_lone_equals_sign_is_text() -> None:
    """YAML 1.1 resolves a plain `=` to its `!!value` tag; a person who typed it meant the text."""
    assert load_yaml("v: =\nw: [=, x]\nq: '='\n", "f.yaml").data == {"v": "=", "w": ["=", "x"], "q": "="}


def test_a_block_scalar_is_text() -> None:
    assert load_yaml("v: |\n  12\n", "f.yaml").data == {"v": "12\n"}
    assert load_yaml("v: >-\n  yes\n", "f.yaml").data == {"v": "yes"}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("!!str 12", "12"),
        ("!!str yes", "yes"),
        ("!!int 12", 12),
        ("!!int 012", "012"),
        ("!!float 1", 1.0),
        ("!!float .inf", math.inf),
        ("!!float abc", "abc"),
        ("!!float +.5", 0.5),
        ("!!float -1e3", -1000.0),
        ("!!float 1_0", "1_0"),
        ("!!bool maybe", "maybe"),  # not a boolean: kept as typed, for the validator
        ("!!bool YES", True),
        ("!!null x", None),
        ("!!timestamp 2026-02-30", "2026-02-30"),
        ("!!timestamp 2026-10-13", dt.date(2026, 10, 13)),
        ("!!seq [1]", [1]),
        ("!!map {a: 1}", {"a": 1}),
    ],
)
def test_an_explicit_core_tag_is_read(typed: str, expected: object) -> None:
    data = load_yaml(f"v: {typed}\n", "f.yaml").data
    assert data == {"v": expected}
    assert type(data["v"]) is type(expected)


@pytest.mark.parametrize(
    ("typed", "tag", "line"),
    [
        ("!!python/object x", "tag:yaml.org,2002:python/object", 1),
        ("!foo x", "!foo", 1),
        ("!!binary aGVsbG8=", "tag:yaml.org,2002:binary", 1),
        ("!!set {a: null}", "tag:yaml.org,2002:set", 1),
        ("!!omap [{a: 1}]", "tag:yaml.org,2002:omap", 1),
        ("!!seq {a: 1}", "tag:yaml.org,2002:seq", 1),
        ("!!map [1]", "tag:yaml.org,2002:map", 1),
        ("\n  - !!python/name:os.system x", "tag:yaml.org,2002:python/name:os.system", 2),
        ("\n  - [!custom 1]", "!custom", 2),
        ("\n  k: !custom {}", "!custom", 2),
    ],
)
def test_any_other_tag_is_refused_at_its_line(typed: str, tag: str, line: int) -> None:
    err = refused(f"v: {typed}\n", 10)
    assert err.key == "yaml.tag"
    assert err.params == {"file": "f.yaml", "line": line + 10, "tag": tag}
    assert said(err) == (
        f'f.yaml:{line + 10}: the YAML tag "{tag}" is not allowed; remove it (only plain data is read).',
        french(
            f"f.yaml:{line + 10} : l'étiquette YAML « {tag} » n'est pas permise ; "
            "retirez-la (seules les données simples sont lues)."
        ),
    )


def test_a_merge_key_is_refused_as_a_tag() -> None:
    err = refused("a: &a {x: 1}\nb:\n  <<: *a\n")
    assert (err.key, err.params) == ("yaml.tag", {"file": "f.yaml", "line": 3, "tag": "<<"})


def test_a_key_that_is_a_collection_is_refused() -> None:
    err = refused("a: 1\n? [x]\n: 1\n", 2)
    assert (err.key, err.params) == ("yaml.bad_key", {"file": "f.yaml", "line": 4})
    assert said(err) == (
        "f.yaml:4: a YAML key must be plain text, not a list or a mapping.",
        french("f.yaml:4 : une clé YAML doit être un simple texte, pas une liste ni un dictionnaire."),
    )
    assert refused("{a: 1, {b: 1}: 2}\n").key == "yaml.bad_key"


@pytest.mark.parametrize(
    ("text", "line", "name"),
    [
        ("a: 1\nb: 2\na: 3\n", 3, "a"),
        ("x:\n  - k: 1\n    k: 2\n", 3, "k"),
        ("1: a\n1: b\n", 2, "1"),
        ("a: 1\n'a': 2\n", 2, "a"),
    ],
)
def test_a_key_given_twice_is_refused_at_the_second(text: str, line: int, name: str) -> None:
    err = refused(text, 1)
    assert (err.key, err.params) == ("yaml.duplicate_key", {"file": "f.yaml", "line": line + 1, "name": name})
    assert said(err) == (
        f'f.yaml:{line + 1}: the key "{name}" appears twice; keep only one.',
        french(f"f.yaml:{line + 1} : la clé « {name} » apparaît deux fois ; gardez-en une seule."),
    )


def test_keys_of_other_types_are_kept_as_read() -> None:
    assert load_yaml("2: a\ntrue: b\n~: c\n1.5: d\n", "f.yaml").data == {2: "a", True: "b", None: "c", 1.5: "d"}


@pytest.mark.parametrize("text", ["a: &x [*x]\n", "a: &x {b: *x}\n", "a: &x [[1, *x]]\n"])
def test_an_alias_inside_its_own_anchor_is_refused(text: str) -> None:
    err = refused(text, 4)
    assert (err.key, err.params) == ("yaml.recursive_alias", {"file": "f.yaml", "line": 5})
    assert said(err) == (
        "f.yaml:5: a YAML alias contains itself; remove it.",
        french("f.yaml:5 : un alias YAML se contient lui-même ; retirez-le."),
    )


def test_an_alias_gives_the_same_value_again() -> None:
    data = load_yaml("a: &a {x: [1, 2]}\nb: *a\nc: [*a, &s text, *s]\n", "f.yaml").data
    assert data == {"a": {"x": [1, 2]}, "b": {"x": [1, 2]}, "c": [{"x": [1, 2]}, "text", "text"]}


# --- errors of the parser -------------------------------------------------------------------------

PROBLEMS = [
    ("a: [1, 2\n", 2, "comma_or_bracket", 'a comma or a "]" is missing', "une virgule ou un « ] » manque"),
    ("a: {b: 1\n", 2, "comma_or_brace", 'a comma or a "}" is missing', "une virgule ou une « } » manque"),
    ("a: b: c\n", 1, "colon", '":" is not allowed here; put this text in quotes', None),
    ("a: *x\n", 1, "undefined_alias", "an alias (*name) refers to an anchor (&name) that does not exist", None),
    ("- a\nb: 1\n", 2, "dash_expected", 'a list item ("-") is expected here; check the indentation', None),
    ("a: 'x\n", 2, "end_of_stream", "the file ends too early (an unclosed quote or bracket?)", None),
    ('a: "\\q"\n', 1, "escape", "an unknown escape sequence (\\) in a double-quoted text", None),
    ("a:\n\tb: 1\n", 2, "bad_character", "a character cannot start a value (a tab? indent with spaces)", None),
    ("a: 1\n---\nb: 2\n", 2, "two_documents", 'a sheet is one document: remove the second "---"', None),
    ("a: [1\nb: 2\n", 2, "comma_or_bracket", 'a comma or a "]" is missing', None),
    ("a:\n  b: 1\n c: 2\n", 3, "expected_key", "a key is expected here; check the indentation", None),
    ("a: 1\n- b\n", 2, "expected_key", "a key is expected here; check the indentation", None),
    ("a: - b\n", 1, "dash", 'a "-" is not allowed here; check the indentation', None),
    ("a: ]\n", 1, "expected_value", "a value is expected here", None),
    ("{a: 1, ]\n", 1, "expected_value", "a value is expected here", None),
    ('a: b\n"c"\n', 3, "expected_colon", '":" is expected after the key', None),
    ("a: x\n...\nb\n", 3, "two_documents", 'a sheet is one document: remove the second "---"', None),
    ("a:\n  - b\n  c: d\n", 3, "dash_expected", 'a list item ("-") is expected here; check the indentation', None),
    ("[a, b]]\n", 1, "two_documents", 'a sheet is one document: remove the second "---"', None),
]


@pytest.mark.parametrize(("text", "line", "key", "english", "french_words"), PROBLEMS)
def test_a_syntax_error_is_said_in_the_user_s_words_at_its_line(
    text: str, line: int, key: str, english: str, french_words: str | None
) -> None:
    err = refused(text, 3)
    assert err.key == "yaml.syntax"
    assert err.params["file"] == "f.yaml" and err.params["line"] == line + 3
    assert err.params["problem"].key == f"yaml.problem.{key}"
    assert say(err, "en") == f"f.yaml:{line + 3}: invalid YAML ({english})."
    if french_words is not None:
        assert say(err, "fr") == french(f"f.yaml:{line + 3} : YAML invalide ({french_words}).")


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("a: &\n", 1, "did not find expected alphabetic or numeric character"),
        ("a: |0\n x\n", 1, "found an indentation indicator equal to 0"),
        ("%TAG ! x\n%TAG ! y\n---\na\n", 2, "found duplicate %TAG directive"),
    ],
)
def test_a_problem_the_messages_do_not_know_stays_in_the_parser_s_words(text: str, line: int, problem: str) -> None:
    err = refused(text, 1)
    assert err.params == {"file": "f.yaml", "line": line + 1, "problem": problem}
    assert said(err) == (
        f"f.yaml:{line + 1}: invalid YAML ({problem}).",
        french(f"f.yaml:{line + 1} : YAML invalide (") + problem + ").",
    )


def test_a_control_character_is_a_syntax_error_on_the_first_line() -> None:
    err = refused("a: 1\nb: \x07\n", 3)
    assert err.key == "yaml.syntax"
    assert err.params["line"] == 4  # a reader error has no line of its own: the document's first
    assert err.params["problem"].startswith("unacceptable character #x0007")
    assert say(err, "en").startswith("f.yaml:4: invalid YAML (unacceptable character #x0007")


@pytest.mark.parametrize("text", ["", "# only a comment\n", "\n\n", "   \n"])
def test_no_document(text: str) -> None:
    err = refused(text, 5)
    assert (err.key, err.params) == ("yaml.empty", {"file": "f.yaml"})
    assert said(err) == ("f.yaml holds no YAML document.", "f.yaml ne contient aucun document YAML.")


def test_nesting_past_libyaml_s_own_limit_is_too_deep_at_its_line() -> None:
    err = refused("a: 1\nb: " + "[" * 5000 + "\n", 2)
    assert (err.key, err.params) == ("yaml.too_deep_at", {"file": "f.yaml", "line": 4, "limit": MAX_DEPTH})
    assert said(err) == (
        f"f.yaml:4: nested too deep (more than {MAX_DEPTH} levels).",
        french(f"f.yaml:4 : imbrication trop profonde (plus de {MAX_DEPTH} niveaux)."),
    )


def test_a_recursion_error_while_composing_is_too_deep(monkeypatch: pytest.MonkeyPatch) -> None:
    """What the pure-Python composer raises on deep nesting, where libyaml is missing."""

    def recursing(self: object) -> None:
        raise RecursionError

    monkeypatch.setattr(yamlio._Loader, "get_single_node", recursing)
    err = refused("a: 1\n")
    assert (err.key, err.params) == ("yaml.too_deep", {"file": "f.yaml", "limit": MAX_DEPTH})
    assert said(err) == (
        f"f.yaml: nested too deep (more than {MAX_DEPTH} levels).",
        french(f"f.yaml : imbrication trop profonde (plus de {MAX_DEPTH} niveaux)."),
    )


def test_the_loader_is_disposed_after_a_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    disposed: list[bool] = []
    real = yamlio._Loader.dispose

    def dispose(self: Any) -> None:
        disposed.append(True)
        real(self)

    monkeypatch.setattr(yamlio._Loader, "dispose", dispose)
    refused("a: [\n")
    load_yaml("a: 1\n", "f.yaml")
    assert disposed == [True, True]


# --- depth ------------------------------------------------------------------------------------


def _nested_lists(levels: int, inside: str = "") -> str:
    return "[" * levels + inside + "]" * levels


@pytest.mark.parametrize(
    ("anchored", "height"),
    [
        ("{x: 1}", 1),  # a mapping of scalars: its keys and values one level below it
        ("[1, 2]", 1),
        ("[[[1]], 1]", 3),  # the deepest child first, a shallow one after: the deepest counts
        ("[1, [[1]]]", 3),
        ("{a: [[1]], b: 1}", 3),
        ("{a: 1, b: [1]}", 2),
        ("[]", 0),
        ("{}", 0),
        ("x", 0),
    ],
)
def test_an_alias_reaches_as_deep_as_what_it_stands_for(anchored: str, height: int) -> None:
    """The anchor sits two levels down (root mapping, key a); the alias at `levels` levels."""
    head = f"a: &a {anchored}\nb: "
    at = MAX_DEPTH - height  # the alias's own level, for its deepest value to be at the limit
    fits = head + _nested_lists(at - 2, "*a") + "\n"  # root (1), b's lists (at - 2), the alias at `at`
    assert values(load_yaml(fits, "f.yaml").data) > 0
    err = refused(head + _nested_lists(at - 1, "*a") + "\n")
    assert (err.key, err.params["limit"]) == ("yaml.too_deep_at", MAX_DEPTH)
    assert err.params["line"] == 1  # an alias is its anchor's node: the line said is the anchor's


def test_an_alias_s_height_counts_after_the_anchor_was_built_deeper() -> None:
    """The anchored list's own depth does not count, only how deep it reaches below itself."""
    anchored = "a: " + _nested_lists(10, "&a [[1]]") + "\n"
    fits = anchored + "b: " + _nested_lists(MAX_DEPTH - 4, "*a") + "\n"
    load_yaml(fits, "f.yaml")
    assert refused(anchored + "b: " + _nested_lists(MAX_DEPTH - 3, "*a") + "\n").key == "yaml.too_deep_at"


def test_a_shallow_sibling_after_a_deep_one_does_not_hide_the_depth() -> None:
    """The depth the deepest child reached stays the collection's, whatever comes after it."""
    deep = _nested_lists(MAX_DEPTH - 2, "1")  # root list, this one's lists, the scalar: MAX_DEPTH
    load_yaml(f"[{deep}, [1], 1]\n", "f.yaml")
    assert refused(f"[[{deep}], [1], 1]\n").key == "yaml.too_deep_at"
    anchored = f"&a [{_nested_lists(3, '1')}, [1], 1]"  # reaches 4 below itself
    text = f"[{anchored}, {_nested_lists(MAX_DEPTH - 6, '*a')}]\n"
    load_yaml(text, "f.yaml")
    assert refused(f"[{anchored}, {_nested_lists(MAX_DEPTH - 5, '*a')}]\n").key == "yaml.too_deep_at"


@pytest.mark.parametrize("inside", ["x", "{}", "[]", "{k: v}"])
def test_a_mapping_value_past_the_depth_is_refused_at_its_key(inside: str) -> None:
    """A mapping at the last level: its keys would be one past it."""
    levels = MAX_DEPTH - 1  # lists, then a mapping at MAX_DEPTH whose key is at MAX_DEPTH + 1
    text = "\n" + _nested_lists(levels, "{key: " + inside + "}") + "\n"
    err = refused(text, 1)
    assert (err.key, err.params) == ("yaml.too_deep_at", {"file": "f.yaml", "line": 3, "limit": MAX_DEPTH})
    load_yaml("\n" + _nested_lists(levels - 1, "{key: x}") + "\n", "f.yaml")


def test_a_scalar_value_of_a_mapping_at_the_limit() -> None:
    """Keys and their scalar values sit one level below the mapping: at the limit they fit."""
    load_yaml(_nested_lists(MAX_DEPTH - 2, "{k: v}"), "f.yaml")
    assert refused(_nested_lists(MAX_DEPTH - 1, "{k: v}")).key == "yaml.too_deep_at"


def test_an_aliased_scalar_past_the_depth_is_refused() -> None:
    head = "a: &s x\nb: "
    load_yaml(head + _nested_lists(MAX_DEPTH - 2, "*s"), "f.yaml")
    err = refused(head + _nested_lists(MAX_DEPTH - 1, "*s"))
    assert (err.key, err.params["line"]) == ("yaml.too_deep_at", 1)


# --- values -----------------------------------------------------------------------------------


def _mapping_and_aliases(total: int) -> str:
    """A document of `total` values once aliases are expanded: a flat mapping holds most of them, aliases the rest.

    The mapping's keys and values are counted by the builder after its loop, not one by one.
    """
    anchored = 99  # "&a [98 scalars]": the list and its items
    head = "a: &a [" + ",".join(["1"] * (anchored - 1)) + "]\n"
    pairs = 30_000
    body = "m: {" + ", ".join(f"k{i}: 1" for i in range(pairs)) + "}\n"
    used = 1 + 1 + anchored + 1 + (1 + 2 * pairs) + 1 + 1  # root, a, its list, m, the mapping, b, b's list
    aliases = (total - used) // anchored
    rest = total - used - aliases * anchored
    return head + body + "b: [" + ", ".join(["*a"] * aliases + ["1"] * rest) + "]\n"


def _nested_mappings_and_aliases(total: int) -> str:
    """The anchor is a mapping whose values are collections: each pair counts its key and the value's size."""
    anchored = "&a {p: [1, 2], q: {r: 1}, s: []}"  # 1 + (1 + 3) + (1 + 3) + (1 + 1) = 11
    size = 11
    used = 1 + 1 + size + 1 + 1  # root, a, the anchor, b, b's list
    aliases = (total - used) // size
    rest = total - used - aliases * size
    return f"a: {anchored}\nb: [" + ", ".join(["*a"] * aliases + ["1"] * rest) + "]\n"


@pytest.mark.parametrize("build", [_mapping_and_aliases, _nested_mappings_and_aliases], ids=["flat", "nested"])
def test_the_value_limit_counts_mappings_exactly(build: Any) -> None:
    assert values(load_yaml(build(MAX_NODES), "f.yaml").data) == MAX_NODES
    err = refused(build(MAX_NODES + 1), 7)
    assert (err.key, err.params) == ("yaml.too_many_nodes", {"file": "f.yaml", "limit": MAX_NODES})
    assert said(err) == (
        f"f.yaml: more than {MAX_NODES} values once aliases are expanded; a sheet needs no such thing.",
        french(f"f.yaml : plus de {MAX_NODES} valeurs une fois les alias développés ; une fiche n'en a pas besoin."),
    )


def test_an_aliased_scalar_counts_one_value() -> None:
    used = 1 + 1 + 1 + 1 + 1  # root, a, its scalar, b, b's list
    text = "a: &s x\nb: [" + ", ".join(["*s"] * (MAX_NODES - used)) + "]\n"
    assert values(load_yaml(text, "f.yaml").data) == MAX_NODES


def test_the_composer_counts_every_node_up_to_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """MAX_NODES nodes compose; one more is refused before anything is built."""
    built: list[object] = []
    monkeypatch.setattr(yamlio._Builder, "build", lambda self, root: built.append(root))
    load_yaml("[" + ", ".join(["a"] * (MAX_NODES - 1)) + "]\n", "f.yaml")
    assert len(built) == 1
    err = refused("[" + ", ".join(["a"] * MAX_NODES) + "]\n")
    assert (err.key, err.params) == ("yaml.too_many_nodes", {"file": "f.yaml", "limit": MAX_NODES})
    assert len(built) == 1


def test_separators_over_the_limit_are_refused_naming_the_file() -> None:
    err = refused("," * (2 * MAX_NODES + 1))
    assert (err.key, err.params) == ("yaml.too_many_nodes", {"file": "f.yaml", "limit": MAX_NODES})


@pytest.mark.parametrize("separator", [",", "\n", ": ", "- "])
def test_each_kind_of_separator_counts(separator: str) -> None:
    text = "#" + separator * (2 * MAX_NODES + 1)
    assert refused(text).key == "yaml.too_many_nodes"


# --- resolving plain scalars once ----------------------------------------------------------------


def test_a_plain_scalar_s_tag_is_remembered_up_to_64_characters() -> None:
    load_yaml("a: 12\nb: " + "x" * 64 + "\nc: " + "y" * 65 + "\nd: 'quoted'\n", "f.yaml")
    assert yamlio._RESOLVED == {
        "a": yamlio._STR,
        "12": "tag:yaml.org,2002:int",
        "b": yamlio._STR,
        "x" * 64: yamlio._STR,
        "c": yamlio._STR,
        "d": yamlio._STR,
    }


def test_a_remembered_tag_is_used_again() -> None:
    yamlio._RESOLVED["12"] = yamlio._STR
    assert load_yaml("a: 12\n", "f.yaml").data == {"a": "12"}


def test_the_remembered_tags_are_forgotten_when_full() -> None:
    for i in range(yamlio._RESOLVED_MAX - 1):
        yamlio._RESOLVED[f"v{i}"] = yamlio._STR
    load_yaml("new: 1\n", "f.yaml")  # "new" fills it; "1" finds it full
    assert yamlio._RESOLVED == {"1": "tag:yaml.org,2002:int"}


def test_a_value_s_first_character_picks_the_resolvers() -> None:
    """PyYAML's resolvers by first character, then those for any character."""
    assert load_yaml("[12, -3, .5, ~, yes, 2026-10-13, abc, '', '=']\n", "f.yaml").data == [
        12,
        -3,
        0.5,
        None,
        True,
        dt.date(2026, 10, 13),
        "abc",
        "",
        "=",
    ]


def test_the_implicit_tag_of_a_value_no_resolver_claims_is_text() -> None:
    resolvers = yamlio._Loader.yaml_implicit_resolvers
    assert yamlio._implicit_tag(resolvers, "12") == "tag:yaml.org,2002:int"
    assert yamlio._implicit_tag(resolvers, "hello") == yamlio._STR
    assert yamlio._implicit_tag({None: [("tag:any", __import__("re").compile("h"))]}, "hello") == "tag:any"
    assert yamlio._implicit_tag({}, "12") == yamlio._STR


# --- locating a value ---------------------------------------------------------------------------


def test_a_located_value_counts_the_lines_before_the_document() -> None:
    loaded = load_yaml("x: 1\na:\n  - b: 2\n", "f.md", 3)
    assert loaded.line_offset == 3
    assert loaded.locate([]) == (4, 1)
    assert loaded.locate(["a"]) == (5, 1)
    assert loaded.locate(["a", 0]) == (6, 5)
    assert loaded.locate(["a", 0, "b"]) == (6, 5)


def test_a_number_in_a_path_finds_a_key_written_as_a_number() -> None:
    loaded = load_yaml("x: 1\n2026: {a: 1}\n", "f.yaml")
    assert loaded.locate([2026, "a"]) == (2, 8)


def test_a_text_in_a_path_is_no_index_into_a_list() -> None:
    loaded = load_yaml("a:\n  - x\n  - y\n", "f.yaml")
    assert loaded.locate(["a", "1"]) == (1, 1)
    assert loaded.locate(["a", 1]) == (3, 5)
    assert loaded.locate(["a", 1, "z"]) == (3, 5)  # a scalar has no child


def test_each_mapping_walked_through_is_indexed_once() -> None:
    loaded = load_yaml("a:\n  b: 1\n  c: 2\nd: 3\n", "f.yaml")
    assert loaded.locate(["a", "c"]) == (3, 3)
    assert len(loaded._keys) == 2
    index = dict(loaded._keys)
    assert loaded.locate(["a", "b"]) == (2, 3)
    assert loaded._keys == index
    assert {id(v) for v in loaded._keys.values()} == {id(v) for v in index.values()}


def test_the_index_of_a_mapping_gives_each_key_s_mark_and_value_node() -> None:
    loaded = load_yaml("a: 1\nb: [x]\n", "f.yaml")
    assert isinstance(loaded.root, yamlio.yaml.MappingNode)
    keys = yamlio._index(loaded.root)
    assert list(keys) == ["a", "b"]
    mark, node = keys["b"]
    assert (mark.line, mark.column, node.value[0].value) == (1, 0, "x")


# --- the garbage collector ------------------------------------------------------------------------


@pytest.fixture
def compose_spy(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    seen: list[bool] = []
    real = yamlio._compose

    def spy(text: str, source: str, line_offset: int) -> Any:
        seen.append(gc.isenabled())
        return real(text, source, line_offset)

    monkeypatch.setattr(yamlio, "_compose", spy)
    return seen


def _sized_text(size: int) -> str:
    text = "a: " + "x" * (size - 4) + "\n"
    assert len(text) == size
    return text


def test_the_collector_is_paused_from_64_k_characters(compose_spy: list[bool]) -> None:
    assert gc.isenabled()
    load_yaml(_sized_text(yamlio.GC_PAUSE_FROM - 1), "f.yaml")
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    load_yaml(_sized_text(yamlio.GC_PAUSE_FROM), "f.yaml")
    assert compose_spy == [True, False]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= frozen
    gc.unfreeze()


def test_the_collector_is_back_after_a_failure(compose_spy: list[bool]) -> None:
    text = "a: [" + "x" * yamlio.GC_PAUSE_FROM + "\n"
    refused(text)
    assert compose_spy == [False]
    assert gc.isenabled()
    gc.unfreeze()


def test_a_collector_turned_off_stays_off(compose_spy: list[bool]) -> None:
    gc.disable()
    try:
        load_yaml(_sized_text(yamlio.GC_PAUSE_FROM), "f.yaml")
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert compose_spy == [False]


def test_the_paused_collector_freezes_what_was_built() -> None:
    gc.unfreeze()
    with yamlio._collector_paused(True):
        assert not gc.isenabled()
        kept = [[i] for i in range(100)]
    assert gc.isenabled() and gc.get_freeze_count() > 0
    gc.unfreeze()
    with yamlio._collector_paused(False):
        assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    assert len(kept) == 100


# --- a parser error's words and line, whatever the parser gives -------------------------------


def test_a_parser_error_with_no_problem_is_said_by_its_context_else_a_question_mark() -> None:
    from yaml import MarkedYAMLError

    assert yamlio._problem(MarkedYAMLError(context="expected ',' or ']'")) == Message("yaml.problem.comma_or_bracket")
    assert yamlio._problem(MarkedYAMLError(context="while parsing", problem="a strange thing")) == "a strange thing"
    assert yamlio._problem(MarkedYAMLError(context="while parsing")) == "while parsing"
    assert yamlio._problem(MarkedYAMLError()) == "?"


def test_a_known_complaint_is_found_inside_a_longer_one() -> None:
    from yaml import MarkedYAMLError

    err = MarkedYAMLError(problem="while scanning, did not find expected key here")
    assert yamlio._problem(err) == Message("yaml.problem.expected_key")


def test_a_parser_error_s_line_is_its_problem_s_else_its_context_s_else_the_first() -> None:
    from yaml import Mark, MarkedYAMLError

    def mark(line: int) -> Mark:
        return Mark("f", 0, line, 0, None, None)

    assert yamlio._line(MarkedYAMLError(problem_mark=mark(4), context_mark=mark(1)), 10) == 15
    assert yamlio._line(MarkedYAMLError(context_mark=mark(1)), 10) == 12
    assert yamlio._line(MarkedYAMLError(), 10) == 11
    assert yamlio._line(MarkedYAMLError(), 0) == 1
