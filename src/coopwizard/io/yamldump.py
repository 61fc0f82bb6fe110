"""YAML out, for people: block style, the checklist's key order, UTF-8 as typed, multi-line text as blocks."""

from __future__ import annotations

from typing import Any

import yaml

try:  # libyaml when PyYAML has it
    from yaml import CSafeDumper as _BaseDumper
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper as _BaseDumper  # type: ignore[assignment]


class _SheetDumper(_BaseDumper):
    """Block style, key order kept, multi-line text as literal blocks."""


def _represent_str(dumper: _SheetDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_SheetDumper.add_representer(str, _represent_str)


def dump_yaml(data: Any) -> str:
    """YAML text for people: UTF-8 as is, keys in the order given, wide lines."""
    text: str = yaml.dump(
        data,
        Dumper=_SheetDumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=100,
    )
    return text
