"""Compact JSON text, exactly as ``json.dumps(value, ensure_ascii=False, separators=(",", ":"))``
writes it, faster for the values converters write most.

The bridge writes JSON text where the ir holds it as a string: an anthropic ``tool_use`` input
object becomes the ir's arguments, reasoning state is packed into a carrier (:mod:`._carrier`).
The standard library's encoder escapes a string one character at a time in a loop; for the long
texts of those values (a file an ``Edit`` call rewrites, a thinking text) pydantic-core's encoder
(Rust) is several times faster, and writes the same text for the same value: strings (escapes
included), integers of any size, ``true`` / ``false`` / ``null``, arrays and objects, in their
order, without spaces.

Where the two differ, the standard library's encoder writes the value: a number with a
fraction or an exponent (``1e+16`` there, ``1e16`` in Rust), a string with a lone surrogate (half
of an emoji, which pydantic-core refuses), anything that is not plain JSON (a tuple, a
``str`` or ``int`` subclass), and values nested too deeply to walk.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic_core import PydanticSerializationError, to_json

__all__ = ["compact_json"]

_write = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_write_sorted = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode


def compact_json(value: Any, *, sort_keys: bool = False) -> str:
    """``json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=sort_keys)``."""
    try:
        plain = _plain_form(value, sort_keys)
    except RecursionError:
        plain = _NOT_PLAIN
    if plain is not _NOT_PLAIN:
        try:
            return to_json(plain).decode()
        except PydanticSerializationError:  # a lone surrogate, or nested too deeply
            pass
    return (_write_sorted if sort_keys else _write)(value)


_NOT_PLAIN: Any = object()


def _plain_form(value: Any, sort_keys: bool) -> Any:
    """``value`` as pydantic-core writes it the way the standard library does (with its keys in
    order when ``sort_keys``, which is done here for a top-level object only); :data:`_NOT_PLAIN`
    for a value the standard library must write."""
    nested_objects = not sort_keys
    if type(value) is not dict:
        return value if _is_plain(value, nested_objects) else _NOT_PLAIN
    for key, item in value.items():
        if type(key) is not str or not _is_plain(item, nested_objects):
            return _NOT_PLAIN
    return dict(sorted(value.items())) if sort_keys else value


def _is_plain(value: Any, objects: bool) -> bool:
    """Whether ``value`` is JSON without a number that has a fraction or an exponent (a float),
    made of plain types only, and without objects unless ``objects``."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        return True
    if kind is list:
        return all(_is_plain(item, objects) for item in value)
    if kind is dict and objects:
        for key, item in value.items():
            if type(key) is not str or not _is_plain(item, objects):
                return False
        return True
    return False
