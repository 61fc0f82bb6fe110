"""No input makes `coop check` print a traceback: arbitrary YAML, arbitrary text, mangled sheets."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import sheets
from tests.helpers import coop

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20) | st.dates()
keys = st.sampled_from(
    [
        "format",
        "project",
        "partners",
        "topics",
        "classification",
        "title",
        "name",
        "status",
        "purpose",
        "missions",
        "milestones",
        "date",
        "amount",
        "x",
    ]
) | st.text(max_size=8)
documents = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=5),
    max_leaves=30,
)

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _check(tmp_path: Path, text: str | bytes) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text)
    run = coop("check", str(path), "--format", "json")
    assert run.code in (0, 1, 2), run
    assert "Traceback" not in run.err
    if run.code == 2:
        assert len(run.err.strip().splitlines()) <= 1


@SETTINGS
@given(document=documents)
def test_arbitrary_yaml_documents(tmp_path: Path, document: object) -> None:
    _check(tmp_path, yaml.safe_dump(document, allow_unicode=True))


@SETTINGS
@given(
    document=st.dictionaries(
        st.sampled_from(["format", "project", "partners", "classification", "topics"]), documents, max_size=5
    )
)
def test_sheets_with_arbitrary_sections(tmp_path: Path, document: dict[str, object]) -> None:
    _check(tmp_path, yaml.safe_dump({"format": 1, **document}, allow_unicode=True))


@SETTINGS
@given(text=st.text(max_size=300))
def test_arbitrary_text(tmp_path: Path, text: str) -> None:
    _check(tmp_path, text)


@SETTINGS
@given(data=st.binary(max_size=200))
def test_arbitrary_bytes(tmp_path: Path, data: bytes) -> None:
    _check(tmp_path, data)


@SETTINGS
@given(
    path=st.lists(
        st.sampled_from(
            [
                "topics",
                "partners",
                "project",
                "classification",
                0,
                1,
                "purpose",
                "timeline",
                "milestones",
                "responsibilities",
                "missions",
                "material_resources",
                "needed",
            ]
        ),
        min_size=1,
        max_size=4,
    ),
    value=documents,
)
def test_the_example_with_one_value_replaced(tmp_path: Path, path: list[str | int], value: object) -> None:
    data: object = sheets.example()
    node = data
    for part in path[:-1]:
        in_dict = isinstance(node, dict) and part in node
        if in_dict or (isinstance(node, list) and isinstance(part, int) and part < len(node)):
            node = node[part]
        else:
            break
    if isinstance(node, dict) or (isinstance(node, list) and isinstance(path[-1], int) and path[-1] < len(node)):
        node[path[-1]] = value
    _check(tmp_path, yaml.safe_dump(data, allow_unicode=True))
