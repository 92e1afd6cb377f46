"""Hypothesis strategies for wire payloads, built by reading this package's own models.

``wire_payloads(T)`` generates JSON values (dicts of parsed JSON) that are valid for ``T`` — a
``WireModel`` subclass or an ``OpenUnion`` alias — with every optional field independently absent,
``null`` (where the model allows it) or set, every union member reachable (unknown tags for the
fallback members included), and occasionally an unknown extra key (which must survive a round
trip). Depth is bounded so recursive models stay small.

They are *schema*-valid, which is what a parser or a model needs to be tested with; they are not
meant to be what an API would send or accept (a conversation need not alternate, an id need not
be answered): :func:`requests`, :func:`responses` and :func:`streams` make those.
"""

from __future__ import annotations

import operator
import sys
import types
import typing
from typing import Any, Literal, Union

from hypothesis import strategies as st
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ...wire import OpenUnion

MAX_DEPTH = 4

_json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**53), max_value=2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
)

#: Free-form JSON (schemas, tool inputs, metadata values).
json_values = st.recursive(
    _json_scalars,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)

_text = st.text(max_size=16)
_ints = st.integers(min_value=0, max_value=2**31)
_floats = st.floats(allow_nan=False, allow_infinity=False, width=64)


def _open_union(tp: Any) -> tuple[tuple[Any, ...], OpenUnion] | None:
    if typing.get_origin(tp) is typing.Annotated:
        inner, *meta = typing.get_args(tp)
        for m in meta:
            if isinstance(m, OpenUnion):
                return typing.get_args(inner), m
    return None


def _strip_annotated(tp: Any) -> Any:
    while typing.get_origin(tp) is typing.Annotated and _open_union(tp) is None:
        tp = typing.get_args(tp)[0]
    return tp


def _unknown_tag(known: set[str]) -> st.SearchStrategy[str]:
    return st.from_regex(r"future_[a-z]{1,6}", fullmatch=True).filter(lambda t: t not in known)


def _model_payloads(
    model: type[BaseModel],
    depth: int,
    tag_override: st.SearchStrategy[str] | None = None,
    tag_field: str | None = None,
) -> st.SearchStrategy[dict[str, Any]]:
    required: dict[str, st.SearchStrategy[Any]] = {}
    optional: dict[str, st.SearchStrategy[Any]] = {}
    deeper = depth + 1
    for name, field in model.model_fields.items():
        wire = field.alias or name
        if tag_override is not None and name == tag_field:
            required[wire] = tag_override
            continue
        strategy = _for_type(_resolve(_field_type(field), model), deeper)
        if field.is_required() or name in getattr(model, "__wire_tags__", ()):
            required[wire] = strategy
        elif depth < MAX_DEPTH:
            optional[wire] = strategy
    base = st.fixed_dictionaries(required, optional=optional)
    extra_ok = model.model_config.get("extra") == "allow"
    if not extra_ok:
        return base
    return st.builds(
        _with_extra,
        base,
        st.one_of(st.none(), st.tuples(st.sampled_from(["x_future", "zz_extension"]), json_values)),
    )


def _field_type(field: FieldInfo) -> Any:
    """A field's type with its ``OpenUnion`` marker: pydantic moves the metadata of a field's
    top-level ``Annotated`` into ``field.metadata``, so ``field.annotation`` alone is a plain
    ``Union`` whose fallback member would get any text as its tag, a known one included (then
    without that member's required fields, e.g. an anthropic ``error`` without ``message``)."""
    markers = [m for m in field.metadata if isinstance(m, OpenUnion)]
    if not markers:
        return field.annotation
    return operator.getitem(typing.Annotated, (field.annotation, *markers))


def _resolve(annotation: Any, model: type[BaseModel]) -> Any:
    """Evaluate forward references left in a field annotation (Python 3.10 keeps the name of a
    recursive alias such as ``'FileSearchFilter'`` as a string) in the model's module."""
    namespace = vars(sys.modules[model.__module__])
    if isinstance(annotation, str):
        return _resolve(eval(annotation, namespace), model)
    if isinstance(annotation, typing.ForwardRef):
        return _resolve(eval(annotation.__forward_arg__, namespace), model)
    args = typing.get_args(annotation)
    if not args or _open_union(annotation) is not None or typing.get_origin(annotation) is Literal:
        return annotation
    resolved = tuple(_resolve(arg, model) for arg in args)
    if resolved == args:
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return operator.getitem(typing.Annotated, (resolved[0], *typing.get_args(annotation)[1:]))
    if origin in (Union, types.UnionType):
        return Union[resolved]
    if origin is list:
        return list[resolved[0]]  # type: ignore[valid-type]
    if origin is dict:
        return dict[resolved[0], resolved[1]]  # type: ignore[valid-type]
    return annotation


def _with_extra(payload: dict[str, Any], extra: tuple[str, Any] | None) -> dict[str, Any]:
    if extra is not None and extra[0] not in payload:
        payload = {**payload, extra[0]: extra[1]}
    return payload


def _deferred(model: type[BaseModel], depth: int) -> st.SearchStrategy[dict[str, Any]]:
    return st.deferred(lambda: _model_payloads(model, depth))


def _for_type(tp: Any, depth: int) -> st.SearchStrategy[Any]:
    tp = _strip_annotated(tp)
    union = _open_union(tp)
    if union is not None:
        members, marker = union
        strategies = []
        known: set[str] = set()
        for member in members:
            if member is marker.fallback:
                continue
            known |= set(marker.tags_of([member]))
            strategies.append(_deferred(member, depth))
        if marker.fallback is not None:
            fallback = marker.fallback
            strategies.append(
                st.deferred(
                    lambda: _model_payloads(
                        fallback, depth, _unknown_tag(known), tag_field=marker.field
                    )
                )
            )
        return st.one_of(strategies)
    if tp is Any or tp is object:
        return json_values
    if tp is type(None):
        return st.none()
    if tp is str:
        return _text
    if tp is bool:
        return st.booleans()
    if tp is int:
        return _ints
    if tp is float:
        return _floats
    origin = typing.get_origin(tp)
    if origin is Literal:
        return st.sampled_from(typing.get_args(tp))
    if origin in (Union, types.UnionType):
        return st.one_of([_for_type(arg, depth) for arg in typing.get_args(tp)])
    if origin is list or tp is list:
        args = typing.get_args(tp)
        if depth >= MAX_DEPTH + 2:
            return st.just([])
        item = _for_type(args[0], depth) if args else json_values
        return st.lists(item, max_size=2 if depth > 1 else 3)
    if origin is dict or tp is dict:
        args = typing.get_args(tp)
        value = _for_type(args[1], depth) if args else json_values
        return st.dictionaries(st.text(max_size=8), value, max_size=3)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return st.deferred(lambda: _model_payloads(tp, depth))
    raise TypeError(f"no payload strategy for {tp!r}")


def wire_payloads(tp: Any) -> st.SearchStrategy[Any]:
    """JSON values valid for ``tp``: one of this package's wire models
    (``anthropic.MessageCreateParams``, ``chat.ChatCompletionChunk`` …) or an open union alias
    (``responses.ResponseStreamEvent``, ``anthropic.ContentBlock`` …), read from the model.

    Every optional field is independently absent, ``null`` (where allowed) or set; every union
    member occurs (an unknown tag for the fallback members too); objects sometimes carry an
    unknown key. ``to_wire(from_wire(tp, value)) == value`` holds for every value. Schema-valid,
    not realistic: for payloads an API would send, use :func:`requests` / :func:`responses` /
    :func:`streams`.
    """
    return _for_type(tp, 0)
