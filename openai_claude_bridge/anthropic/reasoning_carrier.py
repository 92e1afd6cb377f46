"""Another server's reasoning carried through an anthropic client, statelessly.

An anthropic client (Claude Code) shows the thinking blocks of a response and sends them back
untouched in its next request; the opaque field it keeps is the block's ``signature``. When the
anthropic encoder writes a *response* (or a stream) from reasoning that has no anthropic
signature — a chat server's ``reasoning_content`` (DeepSeek, Kimi, GLM, Qwen, vLLM), OpenRouter's
``reasoning`` / ``reasoning_details``, a Responses reasoning item (``encrypted_content``, ``id``,
summaries) — it emits a thinking block whose text is the reasoning to show
(:func:`display_text`) and whose signature is a *carrier* (:mod:`.._carrier`)::

    "ocb-reasoning-v1:" + base64( compact JSON, keys sorted, of
        {"text_sha256"?, "summary"?, "content"?, "encrypted_content"?, "item_id"?, "status"?,
         "origin"?} )

The thinking text itself is not repeated: ``text_sha256`` (the SHA-256 of the part's ``text``,
when it has one) ties the carrier to that very text. When the client sends the block back,
:func:`decode_carrier` restores exactly the reasoning part it was made from — its ``origin``
included, so the request encoders send the state only to the server that made it: a Responses
item (``encrypted_content`` byte-identical) back to the Responses API, the text to a chat server
in the caller's chat dialect. A signature is read as a carrier only if it decodes exactly *and*
the block's thinking text is the one the carrier was made for; anything else is a genuine
signature.

A carrier is never sent to the Anthropic API: the request encoder drops reasoning without an
anthropic signature (a decoded carrier has none) and reports it, whatever format the request came
from — anthropic → anthropic included, since routers send the turns of one session to different
providers and Anthropic refuses a signature it did not make.
"""

from __future__ import annotations

import hashlib
from typing import Any

from .. import ir
from .._carrier import pack, unpack
from .._codec import says_something
from ..options import FORMATS

__all__ = ["PREFIX", "decode_carrier", "display_text", "encode_carrier"]

PREFIX = "ocb-reasoning-v1:"

_TEXTS = ("encrypted_content", "item_id", "status", "origin")
_LISTS = ("summary", "content")
_DIGEST = "text_sha256"


def display_text(part: ir.ReasoningPart) -> str:
    """The thinking text shown for ``part``: its text, else its summaries, else its content."""
    if part.text is not None:
        return part.text
    return "\n\n".join(part.summary or part.content)


def encode_carrier(part: ir.ReasoningPart) -> str | None:
    """The carrier signature of ``part``; ``None`` when it has an anthropic signature or redacted
    data of its own (genuine thinking needs no carrier) or says nothing."""
    if part.signature is not None or part.redacted_data is not None or not says_something(part):
        return None
    payload: dict[str, Any] = {name: getattr(part, name) for name in _TEXTS}
    payload.update({name: list(getattr(part, name)) or None for name in _LISTS})
    if part.text is not None:
        payload[_DIGEST] = _digest(part.text)
    return pack(PREFIX, payload)


def decode_carrier(thinking: str, signature: str, *, path: str) -> ir.ReasoningPart | None:
    """The reasoning a thinking block carries, or ``None`` when ``signature`` is not a carrier
    made for exactly this ``thinking`` text (then it is a genuine signature)."""
    payload = unpack(PREFIX, signature, (*_TEXTS, *_LISTS, _DIGEST))
    if payload is None:
        return None
    texts = {name: payload.get(name) for name in _TEXTS}
    lists = {name: payload.get(name, []) for name in _LISTS}
    if not all(value is None or isinstance(value, str) for value in texts.values()):
        return None
    if not all(isinstance(v, list) and all(isinstance(s, str) for s in v) for v in lists.values()):
        return None
    origin = texts["origin"]
    if origin is not None and origin not in FORMATS:
        return None
    digest = payload.get(_DIGEST)
    if digest is not None and digest != _digest(thinking):
        return None
    part = ir.ReasoningPart(
        text=thinking if digest is not None else None,
        summary=tuple(lists["summary"]),
        content=tuple(lists["content"]),
        encrypted_content=texts["encrypted_content"],
        item_id=texts["item_id"],
        status=texts["status"],
        origin=origin,
        path=path,
    )
    if encode_carrier(part) != signature or display_text(part) != thinking:
        return None
    return part


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
