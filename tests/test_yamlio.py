"""What the loader makes of scalars people type: phone numbers and times stay as typed."""

from __future__ import annotations

import pytest

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
