"""What the loader makes of scalars people type: phone numbers and times stay as typed."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from coopwizard.io.yamldump import dump_yaml
from coopwizard.io.yamlio import load_yaml


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("0612345678", "0612345678"),  # YAML 1.1 would read octal
        ("18:30", "18:30"),  # and base 60
        ("0x1F", "0x1F"),
        ("1_000", "1_000"),
        ("12", 12),
        ("-3", -3),
        ("1.5", 1.5),
        ("2026-10-13", __import__("datetime").date(2026, 10, 13)),
        ("2026-02-30", "2026-02-30"),  # an impossible date stays text, for the validator to report
        ("2026-1-5", "2026-1-5"),  # not a YAML date without its two digits, as in PyYAML
        ("2026-10-13 18:30:00", __import__("datetime").datetime(2026, 10, 13, 18, 30)),
        ("2026-13-01", "2026-13-01"),
        ("0000-01-01", "0000-01-01"),  # year 0 is no date
    ],
)
def test_scalars(typed: str, expected: object) -> None:
    assert load_yaml(f"value: {typed}\n", "x.yaml").data == {"value": expected}


def test_locate_gives_the_line_of_a_key_path() -> None:
    loaded = load_yaml("a:\n  b:\n    - x\n    - y\n", "x.yaml")
    assert loaded.locate(["a", "b", 1]) == (4, 7)
    assert loaded.locate(["a", "missing"]) == (1, 1)  # the deepest key that exists
    assert loaded.locate(["a", "b", 0]) == (3, 7)  # the first item
    assert loaded.locate(["a", "b", 2]) == (2, 3)  # past the last item: the list's key
    assert loaded.locate(["a", "b", -1]) == (2, 3)  # no item counted from the end


def test_multi_line_text_is_dumped_as_a_block_and_reads_back() -> None:
    data = {"reason": "line one\nline two\n---\n# not a heading"}
    text = dump_yaml(data)
    assert "reason: |" in text
    assert load_yaml(text, "x.yaml").data == data


def test_locate_finds_each_of_many_keys() -> None:
    text = "".join(f"key{i}: {i}\n" for i in range(3000))
    loaded = load_yaml(text, "x.yaml")
    assert [loaded.locate([f"key{i}"])[0] for i in (0, 1500, 2999)] == [1, 1501, 3000]


def test_a_document_over_the_node_limit_is_refused_while_composing(monkeypatch: pytest.MonkeyPatch) -> None:
    from coopwizard.core.errors import InvalidYamlError
    from coopwizard.io import yamlio

    def never(*args: object) -> None:
        raise AssertionError("built")

    monkeypatch.setattr(yamlio._Builder, "build", never)
    text = "[" + ", ".join(["a"] * (yamlio.MAX_NODES + 1)) + "]\n"  # few enough separators to be composed
    with pytest.raises(InvalidYamlError) as refused:
        load_yaml(text, "x.yaml")
    assert refused.value.key == "yaml.too_many_nodes"


def _shape(node: yaml.Node) -> object:
    """A node graph as plain data: kind, tag, value and both marks of every node."""
    marks = (node.start_mark.line, node.start_mark.column, node.end_mark.line, node.end_mark.column)
    if isinstance(node, yaml.ScalarNode):
        return ("scalar", node.tag, node.value, node.style, marks)
    if isinstance(node, yaml.SequenceNode):
        return ("sequence", node.tag, [_shape(item) for item in node.value], marks)
    return ("mapping", node.tag, [(_shape(k), _shape(v)) for k, v in node.value], marks)


def test_the_node_graph_is_the_one_pyyaml_s_safe_loader_composes() -> None:
    """The loader's shortcuts (its own resolver, no path resolvers, the parser alone) change no node."""
    from coopwizard.io.yamlio import _compose

    documents = [path.read_text(encoding="utf-8") for path in sorted(Path("tests/scenarios").glob("*.yaml"))]
    documents += [path.read_text(encoding="utf-8") for path in sorted(Path("docs/examples").glob("*.yaml"))]
    documents += [
        "a: &x [1, 2.5, yes, ~, 2026-01-05, 0612345678, '3', !!str 4]\nb: *x\nc: {d: e}\n",
        "- 18:30\n- -.inf\n- 0x1F\n- 1_000\n- |\n  block\n- >-\n  folded\n- null\n- Off\n",
    ]
    assert len(documents) > 30
    for text in documents:
        loader = yaml.CSafeLoader(text)
        try:
            expected = loader.get_single_node()
        finally:
            loader.dispose()
        assert _shape(_compose(text, "x.yaml", 0)) == _shape(expected)
