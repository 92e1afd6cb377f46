"""Opaque state carried through a client of another format, as a prefixed base64 JSON string.

A client keeps a few opaque strings of its own format untouched and sends them back on the next
turn (a Responses reasoning item's ``encrypted_content``, an anthropic thinking block's
``signature``). To carry another format's state through such a client statelessly, an encoder
writes into that string a *carrier*::

    prefix + base64( compact JSON object, keys sorted )

:func:`unpack` reads a string as a carrier only if it has the prefix, decodes to a JSON object
whose keys are all known, and packs back to the very same string; anything else (a genuine
signature or encrypted blob) is not a carrier and passes through untouched.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Collection, Mapping
from typing import Any

from ._fast_json import compact_json_bytes

__all__ = ["pack", "unpack"]


def pack(prefix: str, payload: Mapping[str, Any]) -> str:
    """The carrier string of ``payload`` (``None`` values left out)."""
    kept = {key: value for key, value in payload.items() if value is not None}
    return prefix + base64.b64encode(compact_json_bytes(kept, sort_keys=True)).decode("ascii")


def unpack(prefix: str, value: str, keys: Collection[str]) -> dict[str, Any] | None:
    """The payload of the carrier ``value``, or ``None`` when it is not exactly a carrier with
    only ``keys``."""
    if not value.startswith(prefix):
        return None
    try:
        raw = base64.b64decode(value[len(prefix) :], validate=True)
        payload = json.loads(raw.decode("utf-8", "surrogatepass"))
    except (binascii.Error, ValueError):
        return None
    if not isinstance(payload, dict) or not set(payload) <= set(keys):
        return None
    return payload if pack(prefix, payload) == value else None
