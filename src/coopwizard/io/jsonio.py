"""Answers files in JSON read as JSON: raw U+2028, U+0085 or DEL are fine there, though YAML refuses them.

`load_data` picks the reader: JSON for a ``.json`` name (strictly), or for text that starts
with ``{`` (and if that is no JSON, YAML after all: ``{title: x}`` is a YAML flow mapping);
YAML otherwise. JSON gets the limits YAML has (depth, number of values) and refuses a key
given twice, so both formats fail the same way on the same mistakes.
"""

from __future__ import annotations

import json
from typing import Any

from coopwizard.core.errors import InvalidYamlError
from coopwizard.io.yamlio import MAX_DEPTH, MAX_NODES, load_yaml


class _DuplicateKey(ValueError):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def looks_like_json(name: str, text: str) -> bool:
    return name.lower().endswith(".json") or text.lstrip().startswith("{")


def load_data(text: str, source: str, line_offset: int = 0) -> Any:
    """The plain data in an answers file's text, read as JSON or YAML; every failure an InvalidYamlError."""
    if not looks_like_json(source, text):
        return load_yaml(text, source, line_offset).data
    strict = source.lower().endswith(".json")
    try:
        data = json.loads(text, object_pairs_hook=_mapping)
    except _DuplicateKey as err:
        raise InvalidYamlError("json.duplicate_key", file=source, name=err.name) from None
    except json.JSONDecodeError as err:
        if not strict:
            return load_yaml(text, source, line_offset).data
        raise InvalidYamlError("json.syntax", file=source, line=err.lineno + line_offset, column=err.colno) from None
    except RecursionError:
        raise InvalidYamlError("yaml.too_deep", file=source, limit=MAX_DEPTH) from None
    except ValueError:  # an integer of thousands of digits
        raise InvalidYamlError("json.syntax", file=source, line=1 + line_offset, column=1) from None
    _measure(data, source)
    return data


def _mapping(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def _measure(data: Any, source: str) -> None:
    """The same limits as YAML: MAX_DEPTH levels, MAX_NODES values."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    count = 0
    while stack:
        node, depth = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise InvalidYamlError("yaml.too_many_nodes", file=source, limit=MAX_NODES)
        if isinstance(node, dict | list):
            if depth > MAX_DEPTH:
                raise InvalidYamlError("yaml.too_deep", file=source, limit=MAX_DEPTH)
            children = node.values() if isinstance(node, dict) else node
            stack.extend((child, depth + 1) for child in children)
