"""What the pinned official SDKs know: the tags of their unions.

The SDK unions are ``Union[...]`` / ``Annotated[Union[...], PropertyInfo(discriminator=...)]`` of
TypedDicts (requests) or pydantic models (responses, events), sometimes nested. A member's tag is
the ``Literal`` value(s) of its discriminator field.
"""

from __future__ import annotations

import types
import typing
from typing import Any, Literal, Union

from typing_extensions import NotRequired, Required, is_typeddict


def _strip(tp: Any) -> Any:
    while True:
        origin = typing.get_origin(tp)
        if origin in (typing.Annotated, Required, NotRequired):
            tp = typing.get_args(tp)[0]
        else:
            return tp


def union_members(tp: Any) -> list[Any]:
    """The leaf members of a (possibly nested, possibly annotated) union."""
    tp = _strip(tp)
    if typing.get_origin(tp) in (Union, types.UnionType):
        out: list[Any] = []
        for arg in typing.get_args(tp):
            out.extend(union_members(arg))
        return out
    return [tp]


def literal_values(tp: Any) -> set[str]:
    """The string values of a ``Literal`` (through Optional/Annotated wrappers)."""
    tp = _strip(tp)
    origin = typing.get_origin(tp)
    if origin is Literal:
        return {v for v in typing.get_args(tp) if isinstance(v, str)}
    if origin in (Union, types.UnionType):
        out: set[str] = set()
        for arg in typing.get_args(tp):
            out |= literal_values(arg)
        return out
    return set()


def member_field_type(member: Any, field: str) -> Any:
    """The annotation of ``field`` on an SDK TypedDict or model (``None`` when absent)."""
    if is_typeddict(member):
        hints = typing.get_type_hints(member, include_extras=True)
        return hints.get(field)
    fields = getattr(member, "model_fields", None)
    if fields is not None and field in fields:
        return fields[field].annotation
    return None


def field_hint(cls: Any, field: str) -> Any:
    """The annotation of ``field`` on an SDK TypedDict or model (``KeyError`` when absent)."""
    if is_typeddict(cls):
        return typing.get_type_hints(cls, include_extras=True)[field]
    return cls.model_fields[field].annotation


def sdk_union_tags(sdk_union: Any, field: str = "type") -> set[str]:
    """Every tag value the members of ``sdk_union`` carry in ``field``."""
    tags: set[str] = set()
    for member in union_members(sdk_union):
        ann = member_field_type(member, field)
        if ann is None:
            raise AssertionError(f"SDK member {member!r} has no {field!r} field")
        tags |= literal_values(ann)
    return tags
