"""Reading this package's own models: which models a format exports, which a parsed value
contains, and each model's wire fields."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Any

from pydantic import BaseModel

from openai_claude_bridge.wire import WireModel


def instances(value: Any) -> Iterator[BaseModel]:
    """Every model instance inside a parsed value, the value itself included."""
    if isinstance(value, BaseModel):
        yield value
        for name in type(value).model_fields:
            yield from instances(getattr(value, name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from instances(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from instances(item)


def exported_models(module: ModuleType) -> dict[str, type[WireModel]]:
    """The wire models a format package defines and exports (models it re-exports from another
    format, such as the shared OpenAI ``ErrorResponse``, are that format's to test)."""
    package = module.__name__ + "."
    return {
        name: obj
        for name in module.__all__
        if isinstance(obj := getattr(module, name), type)
        and issubclass(obj, WireModel)
        and obj.__module__.startswith(package)
    }


def our_fields(cls: type[WireModel]) -> tuple[set[str], set[str]]:
    """(wire keys, required wire keys) of one of our models; discriminator tags count as
    required since they are always written."""
    keys = {f.alias or n for n, f in cls.model_fields.items()}
    required = {
        f.alias or n
        for n, f in cls.model_fields.items()
        if f.is_required() or n in cls.__wire_tags__
    }
    return keys, required
