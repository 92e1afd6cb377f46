"""The official SDKs as strict oracles of the wire shapes.

The SDKs' own validation is lenient in exactly the ways that matter here: their response models
accept unknown keys silently and their request ``TypedDict``s are not validated at all at runtime.
So this module walks a JSON value against an SDK type annotation itself and reports every
disagreement: unknown keys (anywhere, at any depth), missing required keys, values outside a
``Literal``, wrong JSON types. A union passes when any member passes.

It understands what the SDK type modules use: ``TypedDict`` (with ``Required``/``NotRequired`` and
``PropertyInfo(alias=...)`` keys), the SDKs' pydantic ``BaseModel``s (field aliases, required
fields), ``Union``/``Optional``, ``Literal``, ``List``/``Iterable``/``Sequence``/``SequenceNotStr``,
``Dict``, ``str``/``int``/``float``/``bool``/``None``, ``object``/``Any``, ``datetime`` (an RFC 3339
string on the wire) and type aliases.
"""

from __future__ import annotations

import datetime
import functools
import types
import typing
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal, Union

from pydantic import BaseModel
from typing_extensions import NotRequired, Required, TypeAliasType, is_typeddict

Errors = list[str]

# typing.get_origin() gives the builtin / collections.abc class for typing.List etc.
_SEQUENCE_ORIGINS = {list, tuple, Sequence, Iterable}


def _unwrap(tp: Any) -> tuple[Any, str | None]:
    """Strip Annotated/Required/NotRequired/aliases; return (type, PropertyInfo alias or None)."""
    alias = None
    while True:
        if isinstance(tp, TypeAliasType):
            tp = tp.__value__
            continue
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            inner, *meta = typing.get_args(tp)
            for m in meta:
                alias = getattr(m, "alias", None) or alias
            tp = inner
        elif origin in (Required, NotRequired):
            tp = typing.get_args(tp)[0]
        else:
            return tp, alias


def _required_names(td: Any, hints: dict[str, Any]) -> set[str]:
    """The required keys of a TypedDict, worked out from ``Required``/``NotRequired`` and each
    defining class's totality. (``__required_keys__`` is wrong for the SDKs' TypedDicts: their
    modules postpone annotations, so the ``Required[...]`` markers are strings when the class is
    made.)"""
    required: set[str] = set()
    inherited: set[str] = set()
    for base in getattr(td, "__orig_bases__", ()):
        if is_typeddict(base):
            required |= _required_names(base, hints)
            inherited |= set(base.__annotations__)
    total = getattr(td, "__total__", True)
    # A TypedDict's __annotations__ holds its bases' keys too: its own are the rest.
    for name in set(td.__annotations__) - inherited:
        origin = typing.get_origin(hints[name])
        if origin is typing.Annotated:
            origin = typing.get_origin(typing.get_args(hints[name])[0])
        if origin is Required or (total and origin is not NotRequired):
            required.add(name)
        else:
            required.discard(name)
    return required


@functools.cache
def typeddict_keys(td: Any) -> tuple[dict[str, Any], frozenset[str]]:
    """Wire key -> annotation, and the set of required wire keys."""
    hints = typing.get_type_hints(td, include_extras=True)
    required_names = _required_names(td, hints)
    keys: dict[str, Any] = {}
    required: set[str] = set()
    for name, ann in hints.items():
        _, alias = _unwrap(ann)
        wire = alias or name
        keys[wire] = ann
        if name in required_names:
            required.add(wire)
    return keys, frozenset(required)


@functools.cache
def model_keys(model: type[BaseModel]) -> tuple[dict[str, Any], frozenset[str]]:
    keys: dict[str, Any] = {}
    required: set[str] = set()
    for name, field in model.model_fields.items():
        wire = field.alias or name
        keys[wire] = field.annotation
        if field.is_required():
            required.add(wire)
    return keys, frozenset(required)


def sdk_fields(cls: Any) -> tuple[set[str], set[str]]:
    """(wire keys, required wire keys) of an SDK ``TypedDict`` or model."""
    keys, required = typeddict_keys(cls) if is_typeddict(cls) else model_keys(cls)
    return set(keys), set(required)


def _check_object(
    value: Any, keys: dict[str, Any], required: frozenset[str], path: str, owner: str
) -> Errors:
    if not isinstance(value, Mapping):
        return [f"{path or '$'}: expected an object ({owner}), got {type(value).__name__}"]
    errors: Errors = []
    for key in required:
        if key not in value:
            errors.append(f"{path or '$'}: missing required key {key!r} ({owner})")
    for key, item in value.items():
        if key not in keys:
            errors.append(f"{path or '$'}: unknown key {key!r} ({owner})")
            continue
        errors.extend(check(item, keys[key], f"{path}.{key}" if path else key))
    return errors


def _tag_matches(value: Any, member: Any) -> bool:
    """Whether ``member`` declares ``value['type']`` (or role/object) as its own tag."""
    if not isinstance(value, Mapping):
        return False
    for field in ("type", "role", "object"):
        if field not in value:
            continue
        if is_typeddict(member):
            ann = typeddict_keys(member)[0].get(field)
        elif isinstance(member, type) and issubclass(member, BaseModel):
            ann = model_keys(member)[0].get(field)
        else:
            ann = None
        if ann is not None:
            inner, _ = _unwrap(ann)
            if typing.get_origin(inner) is Literal and value[field] in typing.get_args(inner):
                return True
    return False


def check(value: Any, tp: Any, path: str = "") -> Errors:
    """Every way ``value`` (parsed JSON) fails to be a strict instance of SDK type ``tp``."""
    tp, _ = _unwrap(tp)
    where = path or "$"
    if tp is Any or tp is object:
        return []
    if tp is type(None) or tp is None:
        return [] if value is None else [f"{where}: expected null, got {value!r:.60}"]
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        members = typing.get_args(tp)
        results = []
        for member in members:
            errs = check(value, member, path)
            if not errs:
                return []
            shallow = any(e.startswith(f"{where}: expected") for e in errs)
            results.append((not _tag_matches(value, _unwrap(member)[0]), shallow, len(errs), errs))
        results.sort(key=lambda r: r[:3])
        return results[0][3]
    if origin is Literal:
        allowed = typing.get_args(tp)
        ok = any(value == a and type(value) is type(a) for a in allowed)
        return [] if ok else [f"{where}: {value!r:.60} is not one of {allowed}"]
    if tp is str or tp is datetime.datetime or tp is datetime.date:
        return [] if isinstance(value, str) else [f"{where}: expected a string, got {value!r:.60}"]
    if tp is bool:
        ok = isinstance(value, bool)
        return [] if ok else [f"{where}: expected a boolean, got {value!r:.60}"]
    if tp is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
        return [] if ok else [f"{where}: expected an integer, got {value!r:.60}"]
    if tp is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        return [] if ok else [f"{where}: expected a number, got {value!r:.60}"]
    if is_typeddict(tp):
        keys, required = typeddict_keys(tp)
        return _check_object(value, keys, required, path, tp.__name__)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        keys, required = model_keys(tp)
        return _check_object(value, keys, required, path, tp.__name__)
    if origin in (dict, Mapping) or tp is dict:
        if not isinstance(value, Mapping):
            return [f"{where}: expected an object, got {value!r:.60}"]
        args = typing.get_args(tp)
        if not args:
            return []
        errors: Errors = []
        for key, item in value.items():
            errors.extend(check(item, args[1], f"{path}.{key}" if path else key))
        return errors
    if origin in _SEQUENCE_ORIGINS or getattr(origin, "__name__", "") == "SequenceNotStr":
        if not isinstance(value, list):
            return [f"{where}: expected an array, got {value!r:.60}"]
        args = typing.get_args(tp)
        if not args:
            return []
        item_type = args[0]
        errors = []
        for i, item in enumerate(value):
            errors.extend(check(item, item_type, f"{path}[{i}]"))
        return errors
    if tp is list:
        return [] if isinstance(value, list) else [f"{where}: expected an array"]
    raise TypeError(f"oracle does not understand SDK type {tp!r} at {where}")


def sdk_errors(value: Any, *sdk_types: Any) -> Errors:
    """``[]`` when ``value`` is a strict instance of at least one of ``sdk_types``; otherwise the
    errors against the closest one."""
    best: Errors | None = None
    for tp in sdk_types:
        errs = check(value, tp)
        if not errs:
            return []
        if best is None or len(errs) < len(best):
            best = errs
    return best or ["no SDK type given"]


def assert_sdk_strict(value: Any, *sdk_types: Any) -> None:
    """Fail unless ``value`` validates strictly (no unknown keys) against one of ``sdk_types``."""
    errors = sdk_errors(value, *sdk_types)
    if errors:
        names = ", ".join(getattr(t, "__name__", repr(t)) for t in sdk_types)
        shown = "\n  ".join(errors[:20])
        more = f"\n  ... and {len(errors) - 20} more" if len(errors) > 20 else ""
        raise AssertionError(f"not a strict {names}:\n  {shown}{more}")
