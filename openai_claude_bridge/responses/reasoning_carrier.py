"""Signed Anthropic thinking carried through a Responses client, statelessly.

A Responses client keeps reasoning items and sends them back on the next turn; the only opaque
field it keeps untouched is ``encrypted_content``. When the encoder turns a reasoning part that
carries an Anthropic ``signature`` or ``redacted_data`` into a reasoning item, it writes into
``encrypted_content`` a *carrier*::

    "ocb-thinking-v1:" + base64( compact JSON, keys sorted, of
        {"thinking": text?, "signature": sig?, "redacted_data": data?, "encrypted_content": enc?} )

(only the fields the part has). Decoding such an item restores exactly those fields, so the next
request converts back to byte-identical thinking blocks. A string is read as a carrier only if it
has the prefix, decodes, and encodes back to the very same string; anything else (a genuine
OpenAI encrypted blob) is opaque and passes through untouched.
"""

from __future__ import annotations

from dataclasses import dataclass

from .._carrier import pack, unpack

__all__ = ["PREFIX", "CarriedReasoning", "decode_carrier", "encode_carrier"]

PREFIX = "ocb-thinking-v1:"

_KEYS = ("thinking", "signature", "redacted_data", "encrypted_content")


@dataclass(frozen=True, slots=True)
class CarriedReasoning:
    """The Anthropic reasoning fields a carrier holds."""

    text: str | None = None
    signature: str | None = None
    redacted_data: str | None = None
    encrypted_content: str | None = None


def encode_carrier(carried: CarriedReasoning) -> str | None:
    """The carrier string for ``carried``; ``None`` when it has neither a signature nor redacted
    data (nothing Anthropic-signed to carry)."""
    if carried.signature is None and carried.redacted_data is None:
        return None
    values = (carried.text, carried.signature, carried.redacted_data, carried.encrypted_content)
    return pack(PREFIX, dict(zip(_KEYS, values, strict=True)))


def decode_carrier(value: str) -> CarriedReasoning | None:
    """The fields carried by ``value``, or ``None`` when it is not exactly a carrier."""
    payload = unpack(PREFIX, value, _KEYS)
    if payload is None or not all(isinstance(v, str) for v in payload.values()):
        return None
    carried = CarriedReasoning(
        text=payload.get("thinking"),
        signature=payload.get("signature"),
        redacted_data=payload.get("redacted_data"),
        encrypted_content=payload.get("encrypted_content"),
    )
    return carried if encode_carrier(carried) == value else None
