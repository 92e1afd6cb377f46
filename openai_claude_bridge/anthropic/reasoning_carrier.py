"""Another format's reasoning carried through an anthropic client, statelessly.

An anthropic client keeps the thinking blocks of a response and sends them back untouched in its
next request; the opaque field it keeps is the block's ``signature``. When the anthropic encoder
writes a *response* (or a stream) from reasoning that has no anthropic signature but has state a
foreign server needs back — a Responses reasoning item's ``encrypted_content`` and/or ``id``, an
OpenRouter ``reasoning.encrypted`` — it emits a thinking block whose text is the reasoning to
show (:func:`display_text`) and whose signature is a *carrier* (:mod:`.._carrier`)::

    "ocb-reasoning-v1:" + base64( compact JSON, keys sorted, of
        {"text"?, "summary"?, "content"?, "encrypted_content"?, "item_id"?, "status"?} )

When the client sends that block back, :func:`decode_carrier` restores exactly those fields, so
the request converted to Responses carries the original reasoning item (``encrypted_content``
byte-identical). A signature is read as a carrier only if it decodes exactly *and* the block's
thinking text is the one the carrier was made with; anything else is a genuine signature.

Such a block is never sent to the Anthropic API as signed thinking: a request encoder writes it
only when the block came from an anthropic request in the first place (the same-format round
trip), and reasoning without an anthropic signature or a carrier is dropped and reported.
"""

from __future__ import annotations

from typing import Any

from .. import ir
from .._carrier import pack, unpack

__all__ = ["PREFIX", "carries_state", "decode_carrier", "display_text", "encode_carrier"]

PREFIX = "ocb-reasoning-v1:"

_TEXTS = ("text", "encrypted_content", "item_id", "status")
_LISTS = ("summary", "content")


def carries_state(part: ir.ReasoningPart) -> bool:
    """Whether ``part`` is unsigned reasoning holding state a foreign server needs back."""
    unsigned = part.signature is None and part.redacted_data is None
    return unsigned and (part.encrypted_content is not None or part.item_id is not None)


def display_text(part: ir.ReasoningPart) -> str:
    """The thinking text shown for ``part``: its text, else its summaries, else its content."""
    if part.text is not None:
        return part.text
    return "\n\n".join(part.summary or part.content)


def encode_carrier(part: ir.ReasoningPart) -> str | None:
    """The carrier signature of ``part``; ``None`` unless :func:`carries_state`."""
    if not carries_state(part):
        return None
    payload: dict[str, Any] = {name: getattr(part, name) for name in _TEXTS}
    payload.update({name: list(getattr(part, name)) or None for name in _LISTS})
    return pack(PREFIX, payload)


def decode_carrier(thinking: str, signature: str, *, path: str) -> ir.ReasoningPart | None:
    """The reasoning a thinking block carries, or ``None`` when ``signature`` is not a carrier
    made for exactly this ``thinking`` text (then it is a genuine signature)."""
    payload = unpack(PREFIX, signature, (*_TEXTS, *_LISTS))
    if payload is None:
        return None
    texts = {name: payload.get(name) for name in _TEXTS}
    lists = {name: payload.get(name, []) for name in _LISTS}
    if not all(value is None or isinstance(value, str) for value in texts.values()):
        return None
    if not all(isinstance(v, list) and all(isinstance(s, str) for s in v) for v in lists.values()):
        return None
    part = ir.ReasoningPart(
        text=texts["text"],
        summary=tuple(lists["summary"]),
        content=tuple(lists["content"]),
        encrypted_content=texts["encrypted_content"],
        item_id=texts["item_id"],
        status=texts["status"],
        path=path,
    )
    if encode_carrier(part) != signature or display_text(part) != thinking:
        return None
    return part
