"""Every input limit on both sides of its boundary: at the limit, one below, one above.

The limits are read from the code (io.textio, io.yamlio) so that the tests follow them; the values
themselves are pinned once, against what docs/sheet-format.md promises. Depth and value counts are
computed here by an independent counter over the data, not by the loader's own bookkeeping.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from coopwizard.core.errors import CoopError
from coopwizard.io.textio import MAX_BYTES, write_atomic
from coopwizard.io.yamlio import MAX_DEPTH, MAX_NODES, load_yaml
from tests.conftest import EXAMPLE, ROOT
from tests.helpers import coop, french

TITLE_ONLY = "format: 1\nproject:\n  title: x\n"


def depth(value: Any) -> int:
    """Levels of nesting as the guide's limit counts them: a scalar is a level, a key sits one below its mapping."""
    if isinstance(value, dict):
        return 1 + max([0, *(max(depth(k), depth(v)) for k, v in value.items())])
    if isinstance(value, list):
        return 1 + max([0, *(depth(v) for v in value)])
    return 1


def values(value: Any) -> int:
    """Every value once aliases are expanded: each scalar, each collection, each key."""
    if isinstance(value, dict):
        return 1 + sum(values(k) + values(v) for k, v in value.items())
    if isinstance(value, list):
        return 1 + sum(values(v) for v in value)
    return 1


def refusal(text: str) -> str | None:
    """The message key the loader refuses `text` with, or None when it loads."""
    try:
        load_yaml(text, "x.yaml")
    except CoopError as err:
        return err.key
    return None


def test_the_limits_are_the_documented_ones() -> None:
    documented = (ROOT / "docs" / "sheet-format.md").read_text(encoding="utf-8")
    assert MAX_BYTES == 5 * 1024 * 1024 and "5 MB (5 × 1024 × 1024 bytes)" in documented
    assert MAX_DEPTH == 64 and f"Nesting at most {MAX_DEPTH} levels deep" in documented
    assert MAX_NODES == 100_000


# -- size --------------------------------------------------------------------------------


def _sized(size: int) -> bytes:
    """A title-only sheet padded with a comment to exactly `size` bytes."""
    head = TITLE_ONLY.encode()
    return head + b"#" * (size - len(head) - 1) + b"\n"


@pytest.mark.parametrize(("size", "refused"), [(MAX_BYTES - 1, False), (MAX_BYTES, False), (MAX_BYTES + 1, True)])
def test_file_size_boundary(size: int, refused: bool, write: Callable[..., Path]) -> None:
    path = write("sized.yaml", _sized(size))
    assert path.stat().st_size == size
    run = coop("check", str(path))
    if refused:
        assert run.code == 2
        assert run.err == f"Error: {path} is larger than 5 MB; a sheet takes a few kilobytes.\n"
    else:
        assert run.code == 1, run.err  # a title-only sheet: findings, no error
        assert run.err == ""


@pytest.mark.parametrize(("size", "refused"), [(MAX_BYTES, False), (MAX_BYTES + 1, True)])
def test_stdin_size_boundary(size: int, refused: bool) -> None:
    run = coop("check", "-", "--lang", "fr", stdin=_sized(size))
    if refused:
        assert run.code == 2
        assert run.err == french("Erreur : <stdin> dépasse 5 Mo ; une fiche tient en quelques kilo-octets.\n")
    else:
        assert run.code == 1 and run.err == ""


# -- depth -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "shape",
    [
        lambda n: "[" * n + "]" * n,  # empty lists
        lambda n: "[" * (n - 1) + "x" + "]" * (n - 1),  # a scalar at the bottom
        lambda n: "{a: " * (n - 1) + "x" + "}" * (n - 1),  # mappings: the key and its value one level down
        lambda n: "".join("  " * i + "-\n" for i in range(n - 2)) + "  " * (n - 2) + "- x\n",  # block style
    ],
    ids=["lists", "scalar", "mappings", "block"],
)
@pytest.mark.parametrize("levels", [MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1])
def test_depth_boundary(shape: Callable[[int], str], levels: int) -> None:
    text = shape(levels)
    if levels <= MAX_DEPTH:
        loaded = load_yaml(text, "x.yaml")
        assert depth(loaded.data) == levels
    else:
        assert refusal(text) == "yaml.too_deep_at"
        assert depth(load_yaml(shape(MAX_DEPTH), "x.yaml").data) == MAX_DEPTH


def test_depth_counts_what_an_alias_expands_to() -> None:
    inner = MAX_DEPTH - 2  # the anchored lists, one level below the root mapping
    anchored = "a: &a " + "[" * inner + "]" * inner + "\n"
    at_limit = anchored + "b: *a\n"
    assert depth(load_yaml(at_limit, "x.yaml").data) == MAX_DEPTH - 1
    assert refusal(anchored + "b: [*a]\n") is None  # one more level: MAX_DEPTH
    assert refusal(anchored + "b: [[*a]]\n") == "yaml.too_deep_at"  # and one past it


def _deep_sheet(levels: int) -> str:
    """A sheet whose project is `levels` levels deep in total (the root mapping is the first)."""
    lists = levels - 1
    return "format: 1\nproject: " + "[" * lists + "]" * lists + "\n"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_depth_boundary_from_the_command_line(lang: str, write: Callable[..., Path]) -> None:
    for levels in (MAX_DEPTH - 1, MAX_DEPTH):
        run = coop("check", str(write("ok.yaml", _deep_sheet(levels))), "--lang", lang)
        assert run.code == 1 and run.err == "", (levels, run.err)  # only a schema error: project is not a mapping
    path = write("deep.yaml", _deep_sheet(MAX_DEPTH + 1))
    run = coop("check", str(path), "--lang", lang)
    assert run.code == 2
    expected = {
        "en": f"Error: {path}:2: nested too deep (more than {MAX_DEPTH} levels).\n",
        "fr": french(f"Erreur : {path}:2 : imbrication trop profonde (plus de {MAX_DEPTH} niveaux).\n"),
    }
    assert run.err == expected[lang]


# -- values ------------------------------------------------------------------------------


def _flat(total: int) -> str:
    """A root list holding total - 1 scalars: `total` values."""
    return "[" + ",".join(["1"] * (total - 1)) + "]\n"


def _with_aliases(total: int) -> str:
    """A document of exactly `total` values once aliases are expanded, most of them through aliases."""
    anchored = 99  # the anchored list: itself and 98 scalars
    head = "a: &a [" + ",".join(["1"] * (anchored - 1)) + "]\n"
    used = 1 + 1 + anchored + 1 + 1  # root, key a, the list, key b, b's list
    aliases = (total - used) // anchored
    rest = total - used - aliases * anchored  # padded with plain scalars in b's list
    return head + "b: [" + ", ".join(["*a"] * aliases + ["1"] * rest) + "]\n"


@pytest.mark.parametrize("build", [_flat, _with_aliases], ids=["flat", "aliases"])
@pytest.mark.parametrize("total", [MAX_NODES - 1, MAX_NODES, MAX_NODES + 1])
def test_value_count_boundary(build: Callable[[int], str], total: int) -> None:
    text = build(total)
    if total <= MAX_NODES:
        assert values(load_yaml(text, "x.yaml").data) == total
    else:
        assert refusal(text) == "yaml.too_many_nodes"
        assert values(load_yaml(build(MAX_NODES), "x.yaml").data) == MAX_NODES


@pytest.mark.parametrize("separators", [2 * MAX_NODES - 1, 2 * MAX_NODES, 2 * MAX_NODES + 1])
def test_separator_precount_boundary(separators: int) -> None:
    """Before any parsing, a text with more separators than twice the value limit is refused at once."""
    head = "a: 1\n"  # one ": " and one newline
    text = head + "#" + "," * (separators - 3) + "\n"  # a comment: no value, only separators
    assert sum(text.count(s) for s in (",", "\n", ": ", "- ")) == separators
    assert refusal(text) == ("yaml.too_many_nodes" if separators > 2 * MAX_NODES else None)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Error: {f}: more than 100000 values once aliases are expanded; a sheet needs no such thing.\n"),
        ("fr", "Erreur : {f} : plus de 100000 valeurs une fois les alias développés ; une fiche n'en a pas besoin.\n"),
    ],
)
def test_value_count_message(lang: str, expected: str, write: Callable[..., Path]) -> None:
    head = "format: 1\nproject: {title: x}\nx: "  # 8 values, and x's list
    ok = write("ok.yaml", head + _flat(MAX_NODES - 8))
    assert values(load_yaml(ok.read_text(encoding="utf-8"), "x").data) == MAX_NODES
    assert coop("check", str(ok), "--lang", lang).code == 1  # an unknown key: a finding, no error
    path = write("many.yaml", head + _flat(MAX_NODES - 7))
    run = coop("check", str(path), "--lang", lang)
    assert run.code == 2
    assert run.err == (french(expected) if lang == "fr" else expected).format(f=path)


def test_long_integers_stay_text_and_short_ones_are_numbers() -> None:
    """YAML reads digits as an integer; past 99 digits they stay the text typed (int() would refuse 4300)."""
    for digits, expected in [(99, int("9" * 99)), (100, "9" * 100), (5000, "9" * 5000)]:
        assert load_yaml(f"v: {'9' * digits}\n", "x.yaml").data == {"v": expected}


# -- writing -----------------------------------------------------------------------------


@pytest.fixture
def umask_022() -> Any:
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.usefixtures("umask_022")
def test_a_new_file_gets_the_umask_mode_not_mkstemp_s(tmp_path: Path) -> None:
    target = tmp_path / "new.md"
    write_atomic(target, "x\n")
    assert target.stat().st_mode & 0o777 == 0o644
    assert target.read_text(encoding="utf-8") == "x\n"
    assert [p.name for p in tmp_path.iterdir()] == ["new.md"], "no temporary file left behind"


@pytest.mark.usefixtures("umask_022")
@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664])
def test_a_replaced_file_keeps_its_mode(tmp_path: Path, mode: int) -> None:
    target = tmp_path / "old.md"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(mode)
    write_atomic(target, "new\n")
    assert target.stat().st_mode & 0o777 == mode
    assert target.read_text(encoding="utf-8") == "new\n"


@pytest.mark.usefixtures("umask_022")
def test_coop_render_writes_a_readable_file(tmp_path: Path) -> None:
    target = tmp_path / "sheet.md"
    run = coop("render", str(EXAMPLE), "-o", str(target))
    assert run.code == 0
    assert (
        run.err == french("Fiche écrite : ") + f"{target}\n"
    )  # said in the sheet's language (French), no --lang given
    assert target.stat().st_mode & 0o777 == 0o644
