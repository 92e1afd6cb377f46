"""JSON text read and written exactly as the standard library does, faster for the values
converters meet most.

The ir holds a tool call's arguments as JSON text: an anthropic ``tool_use`` input object is
written as the ir's arguments, and read back from them for an anthropic target; reasoning state
is packed into a carrier (:mod:`._carrier`). The standard library handles a string one
character at a time in Python's C loop; for the long texts of those values (a file an ``Edit``
call rewrites, a thinking text) pydantic-core's reader and writer (Rust) are several times
faster.

* :func:`compact_json` is ``json.dumps(value, ensure_ascii=False, separators=(",", ":"))``
  (:func:`compact_json_bytes`: that text encoded, as a carrier packs it).
  pydantic-core writes the same text for strings (escapes included), integers of any size,
  ``true`` / ``false`` / ``null``, arrays and objects, in their order, without spaces. Where the
  two differ, the standard library writes the value: a number with a fraction or an exponent
  (``1e-07`` there, ``1e-7`` in Rust), a string with a lone surrogate (half of an emoji, which
  pydantic-core refuses), anything that is not plain JSON (a tuple, a ``str`` or ``int``
  subclass), an object to sort below the top level, values nested too deeply.
* :func:`loads_json` is ``json.loads(text)``. pydantic-core reads every text it accepts as the
  standard library does (numbers to the same value, the last of repeated keys, ``NaN``); it
  refuses some the standard library reads (a lone surrogate escape, nesting deeper than its
  limit), which the standard library then reads (or refuses, raising what it always raised).
"""

from __future__ import annotations

import json
from typing import Any

from pydantic_core import PydanticSerializationError, from_json, to_json

__all__ = ["compact_json", "compact_json_bytes", "loads_json", "stdlib_compact_json"]

#: ``json.dumps(value, ensure_ascii=False, separators=(",", ":"))``, its encoder made once (the
#: standard library's writer alone: the stream's frames are written with it).
stdlib_compact_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_write_sorted = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode


def compact_json(value: Any, *, sort_keys: bool = False) -> str:
    """``json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=sort_keys)``."""
    written = _fast(value, sort_keys)
    if written is not None:
        return written.decode()
    return (_write_sorted if sort_keys else stdlib_compact_json)(value)


def compact_json_bytes(value: Any, *, sort_keys: bool = False) -> bytes:
    """:func:`compact_json` encoded as UTF-8 (a lone surrogate as it stands: ``surrogatepass``),
    as a carrier packs it."""
    written = _fast(value, sort_keys)
    if written is not None:
        return written
    return compact_json(value, sort_keys=sort_keys).encode("utf-8", "surrogatepass")


def _fast(value: Any, sort_keys: bool) -> bytes | None:
    """The UTF-8 text pydantic-core writes for ``value`` where it is what the standard library
    writes; ``None`` where it is not (or might not be)."""
    try:
        plain = _plain_form(value, sort_keys)
    except RecursionError:
        return None
    if plain is _NOT_PLAIN:
        return None
    try:
        return to_json(plain)
    except PydanticSerializationError:  # a lone surrogate, or nested too deeply
        return None


def loads_json(text: str) -> Any:
    """``json.loads(text)``."""
    try:
        return from_json(text, cache_strings="keys")  # values are not worth keeping
    except Exception:  # what pydantic-core refuses, the standard library reads, or refuses
        return json.loads(text)


_NOT_PLAIN: Any = object()

#: The scalar types both encoders write alike (``bool`` is written ``true`` / ``false``).
_SCALARS = frozenset({str, int, bool, type(None)})


def _plain_form(value: Any, sort_keys: bool) -> Any:
    """``value`` as pydantic-core writes it the way the standard library does (with its keys in
    order when ``sort_keys``, which is done here for a top-level object only); :data:`_NOT_PLAIN`
    for a value the standard library must write."""
    nested_objects = not sort_keys
    if type(value) is not dict:
        return value if _is_plain(value, nested_objects) else _NOT_PLAIN
    if not _are_plain(value, nested_objects):
        return _NOT_PLAIN
    return dict(sorted(value.items())) if sort_keys else value


def _is_plain(value: Any, objects: bool) -> bool:
    """Whether ``value`` is JSON without a number that has a fraction or an exponent (a float),
    made of plain types only, and without objects unless ``objects``."""
    kind = type(value)
    if kind in _SCALARS:
        return True
    if kind is list:
        for item in value:  # scalars told inline: a call per item would cost more than them
            if type(item) not in _SCALARS and not _is_plain(item, objects):
                break
        else:
            return True
        return False
    return kind is dict and objects and _are_plain(value, objects)


def _are_plain(value: dict[Any, Any], objects: bool) -> bool:
    """Whether an object's keys are strings and its values plain (:func:`_is_plain`)."""
    for key, item in value.items():
        if type(key) is not str or (type(item) not in _SCALARS and not _is_plain(item, objects)):
            return False
    return True
