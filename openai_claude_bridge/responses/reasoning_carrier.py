"""Another server's reasoning carried through a Responses client, statelessly.

A Responses client (Codex) keeps the reasoning items of a response and sends them back on the next
turn; the only opaque field it keeps untouched is ``encrypted_content``. When the encoder writes a
*response* (or a stream) with reasoning that OpenAI did not make — Anthropic thinking (text +
signature, redacted data), a chat server's reasoning text, OpenRouter's encrypted reasoning — the
reasoning item it writes has an id the bridge made up and, in ``encrypted_content``, a *carrier*::

    "ocb-thinking-v1:" + base64( compact JSON, keys sorted, of
        {"thinking"?, "signature"?, "redacted_data"?, "encrypted_content"?, "item_id"?,
         "origin"?} )

(only the fields the part has). Decoding such an item restores exactly that reasoning part, its
``origin`` included, so the next request converts back to byte-identical thinking blocks for
Anthropic, or the reasoning text for a chat server — and is *never* sent to the Responses API:
OpenAI cannot decrypt the carrier, and answers an item id it did not make with 404. A string is
read as a carrier only if it has the prefix, decodes, and encodes back to the very same string;
anything else (a genuine OpenAI encrypted blob) is opaque and passes through untouched.

OpenAI's own reasoning (``origin == "responses"``) needs no carrier: its item goes out as it
came.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from .. import ir
from .._carrier import pack, unpack
from ..options import FORMATS, Format

__all__ = ["PREFIX", "CarriedReasoning", "carried", "decode_carrier", "encode_carrier"]

PREFIX = "ocb-thinking-v1:"

_KEYS = ("thinking", "signature", "redacted_data", "encrypted_content", "item_id", "origin")


@dataclass(frozen=True, slots=True)
class CarriedReasoning:
    """The reasoning fields a carrier holds."""

    text: str | None = None
    signature: str | None = None
    redacted_data: str | None = None
    encrypted_content: str | None = None
    item_id: str | None = None
    origin: Format | None = None


def carried(part: ir.ReasoningPart) -> CarriedReasoning | None:
    """What a Responses client must carry for ``part``; ``None`` for OpenAI's own reasoning (its
    item goes out as it is). Every other reasoning item gets a carrier, even one that holds
    nothing, so that the bridge knows the item (and its made-up id) for its own."""
    if part.origin == "responses":
        return None
    return CarriedReasoning(
        text=part.text,
        signature=part.signature,
        redacted_data=part.redacted_data,
        encrypted_content=part.encrypted_content,
        item_id=part.item_id,
        origin=part.origin,
    )


def encode_carrier(fields: CarriedReasoning) -> str:
    """The carrier string for ``fields``."""
    values = (
        fields.text,
        fields.signature,
        fields.redacted_data,
        fields.encrypted_content,
        fields.item_id,
        fields.origin,
    )
    return pack(PREFIX, dict(zip(_KEYS, values, strict=True)))


def decode_carrier(value: str) -> CarriedReasoning | None:
    """The fields carried by ``value``, or ``None`` when it is not exactly a carrier."""
    payload = unpack(PREFIX, value, _KEYS)
    if payload is None or not all(isinstance(v, str) for v in payload.values()):
        return None
    origin = payload.get("origin")
    if origin is not None and origin not in FORMATS:
        return None
    fields = CarriedReasoning(
        text=payload.get("thinking"),
        signature=payload.get("signature"),
        redacted_data=payload.get("redacted_data"),
        encrypted_content=payload.get("encrypted_content"),
        item_id=payload.get("item_id"),
        origin=cast("Format | None", origin),
    )
    return fields if encode_carrier(fields) == value else None
