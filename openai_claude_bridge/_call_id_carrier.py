"""Tool-call state and foreign tool-call ids carried through a client in the call id, statelessly.

A client keeps one field of a tool call untouched and sends it back on its next turn: the call
id (anthropic ``tool_use.id``, echoed by ``tool_result.tool_use_id``; a Responses ``call_id``,
echoed by ``function_call_output.call_id``). Two things must survive such a client:

* state the server that made a call needs back with it (``ir.ToolCallPart.call_state``, e.g.
  Gemini's ``extra_content.google.thought_signature`` on chat tool calls: a thinking model
  refuses the next request when its call comes back without it);
* for anthropic, ids outside the pattern the Messages API accepts (:data:`ANTHROPIC_ID`), e.g.
  Kimi's ``functions.get_weather:0``.

So an encoder writing a call id for a client (and, for anthropic, any id outside the pattern)
writes :func:`encode` of the call's id and state, a *carrier*::

    "ocb-call-v1_" + check + body
    body  = unpadded base64url( compact ASCII JSON, keys sorted, of
                {"id": call_id, "state"?: {format: {wire field: JSON value}}} )
    check = the first 8 characters of the unpadded base64url SHA-256 of body

It matches :data:`ANTHROPIC_ID`, is deterministic (the same call gives the same id, streamed or
not, in a tool_use and in its tool_result), and is written only when needed: an id that fits and
a call without state keep their id unchanged, so ordinary traffic is untouched (an id that would
itself read as a carrier is wrapped, so it cannot be mistaken for one).

:func:`decode` reads an id as a carrier only when it is exactly the string :func:`encode` makes
for what it decodes to; anything else (a provider's own id, an edited or garbled carrier) is an
ordinary id; the check makes an edited carrier (even one whose body still decodes, to another
id) an ordinary id too. The client's decoder decodes it, so the ir holds the original id and
state again and the provider's encoder writes them back: a carrier is never sent to a provider as
an id it made.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from . import ir
from .ir.base import EMPTY_EXTRA, Extra
from .options import FORMATS, Format, Options
from .wire import json_path

__all__ = [
    "ANTHROPIC_ID",
    "PREFIX",
    "decode",
    "encode",
    "is_plain",
    "report_late_state",
    "report_uncarried",
    "restore",
]

PREFIX = "ocb-call-v1_"

_CHECK = 8

#: The ids the Messages API accepts in ``tool_use.id`` / ``tool_result.tool_use_id``.
ANTHROPIC_ID = re.compile(r"[a-zA-Z0-9_-]+")


def encode(call_id: str, state: Extra, *, pattern: re.Pattern[str] | None = None) -> str:
    """The id a client is shown for a call: ``call_id`` itself when the call has no ``state``,
    ``call_id`` matches ``pattern`` (when one is given) and does not read as a carrier; else the
    carrier of both."""
    if not state and is_plain(call_id, pattern):
        return call_id
    kept = {fmt: dict(fields) for fmt, fields in state.items() if fields}
    if not kept and not _needs_carrier(call_id, pattern):
        return call_id
    payload: dict[str, Any] = {"id": call_id}
    if kept:
        payload["state"] = kept
    text = json.dumps(payload, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    body = _b64(text.encode("ascii"))
    return PREFIX + _check(body) + body


def is_plain(call_id: str, pattern: re.Pattern[str] | None = None) -> bool:
    """Whether ``call_id`` is an ordinary id, told without decoding anything: it fits ``pattern``
    (when one is given) and does not start as a carrier. :func:`encode` writes it as it is for
    a call without state, and :func:`decode` reads no carrier in it."""
    return not call_id.startswith(PREFIX) and (pattern is None or bool(pattern.fullmatch(call_id)))


def decode(value: str, *, pattern: re.Pattern[str] | None = None) -> tuple[str, Extra] | None:
    """The call id and state ``value`` carries, or ``None`` when it is not exactly the carrier
    :func:`encode` (with the same ``pattern``) makes for them."""
    if not value.startswith(PREFIX):
        return None
    check, body = value[len(PREFIX) : len(PREFIX) + _CHECK], value[len(PREFIX) + _CHECK :]
    if check != _check(body):
        return None
    payload = _payload(body)
    if payload is None:
        return None
    call_id, state = payload
    return (call_id, state) if encode(call_id, state, pattern=pattern) == value else None


def restore(value: str, *, pattern: re.Pattern[str] | None = None) -> tuple[str, Extra]:
    """The call id and state behind a client's ``value``: what it carries, else ``value`` itself
    with no state."""
    return decode(value, pattern=pattern) or (value, EMPTY_EXTRA)


def report_uncarried(part: ir.ToolCallPart, target: Format, options: Options) -> None:
    """Report the call's state of formats other than ``target`` as lost: an encoder that writes
    for a provider (not a client) has no place for another format's call state."""
    for fmt, fields in part.call_state.items():
        if fmt == target:
            continue
        for key in fields:
            reason = f"{fmt} tool-call field {key!r} has no {target} equivalent"
            options.lose(json_path([key], part.path), key, reason)


def report_late_state(header: ir.ToolCallPart, final: ir.ToolCallPart, options: Options) -> None:
    """Report the state fields a streamed call's final part has beyond its header: a stream
    encoder that already sent the call's id (which carries the state) cannot carry them."""
    reason = "the tool call's state came after its id was sent, which cannot carry it any more"
    for fmt, fields in final.call_state.items():
        sent = header.call_state.get(fmt, {})
        for key, value in fields.items():
            if key not in sent or sent[key] != value:
                options.lose(json_path([key], final.path), key, reason)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _check(body: str) -> str:
    return _b64(hashlib.sha256(body.encode("ascii", "replace")).digest())[:_CHECK]


def _needs_carrier(call_id: str, pattern: re.Pattern[str] | None) -> bool:
    if pattern is not None and not pattern.fullmatch(call_id):
        return True
    return decode(call_id, pattern=pattern) is not None  # would be misread as a carrier


def _payload(text: str) -> tuple[str, Extra] | None:
    """The id and state of a carrier's base64url text, when it has the carrier's shape."""
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        payload = json.loads(raw.decode("ascii"))
    except (binascii.Error, ValueError, RecursionError):
        return None
    if not isinstance(payload, dict) or not set(payload) <= {"id", "state"}:
        return None
    call_id, state = payload.get("id"), payload.get("state", {})
    if not isinstance(call_id, str) or not _is_state(state):
        return None
    frozen = {fmt: MappingProxyType(fields) for fmt, fields in state.items()}
    return call_id, MappingProxyType(frozen) if frozen else EMPTY_EXTRA


def _is_state(value: Any) -> bool:
    return isinstance(value, dict) and all(
        fmt in FORMATS and isinstance(fields, Mapping) and all(isinstance(k, str) for k in fields)
        for fmt, fields in value.items()
    )
