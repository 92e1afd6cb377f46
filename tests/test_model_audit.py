"""Rules every format's models follow, checked across all four packages at once."""

from __future__ import annotations

import importlib
import typing
from typing import Any

import pytest

from openai_claude_bridge.options import FORMATS
from openai_claude_bridge.wire import OpenUnion, WireModel


def _exports(fmt: str) -> dict[str, Any]:
    module = importlib.import_module(f"openai_claude_bridge.{fmt}")
    return {name: getattr(module, name) for name in module.__all__}


def _open_union(obj: Any) -> OpenUnion | None:
    if typing.get_origin(obj) is typing.Annotated:
        for meta in typing.get_args(obj)[1:]:
            if isinstance(meta, OpenUnion):
                return meta
    return None


@pytest.mark.parametrize("fmt", FORMATS)
def test_exports_are_unique_and_resolve(fmt: str) -> None:
    """No two submodules export the same name (a star import would silently shadow one)."""
    module = importlib.import_module(f"openai_claude_bridge.{fmt}")
    assert len(module.__all__) == len(set(module.__all__))
    for name in module.__all__:
        assert hasattr(module, name), name


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_model_is_a_documented_wire_model(fmt: str) -> None:
    models = [obj for obj in _exports(fmt).values() if isinstance(obj, type)]
    assert models
    undocumented = [m.__name__ for m in models if issubclass(m, WireModel) and not m.__doc__]
    assert undocumented == []
    foreign = [
        m.__name__ for m in models if hasattr(m, "model_fields") and not issubclass(m, WireModel)
    ]
    assert foreign == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_type_unions_have_a_fallback_and_role_unions_do_not(fmt: str) -> None:
    for name, obj in _exports(fmt).items():
        marker = _open_union(obj)
        if marker is None:
            continue
        members = typing.get_args(typing.get_args(obj)[0])
        if marker.field == "role":
            assert marker.fallback is None, f"{name}: an unknown role must be invalid input"
        else:
            assert marker.fallback is not None, f"{name} has no unknown-member fallback"
            assert marker.fallback in members, name
            fields = set(marker.fallback.model_fields)
            assert fields == {marker.field}, f"{name}: fallback must only declare {marker.field!r}"
