"""Helpers the chat decoder and encoder share: the own-format tag, nested leftovers, data URLs.

**Own-format tag.** Every ir node the chat decoder makes carries a ``"chat"`` key in ``extra``,
even when it has no leftover fields (``{"chat": {}}``). Other encoders report nothing for an empty
mapping, and the chat encoder uses the key to tell a node it decoded itself (restore the wire
exactly: absent stays absent) from a node another format made (write the API's usual shape).

**Nested leftovers.** A node's ``extra`` is flat, but some ir nodes stand for two wire objects (a
tool definition and its ``function``). The inner object's leftover fields are kept under the
outer field's wire name (``{"function": {"x_future": 1}}``) and handed to the inner build.

**Field provenance.** Where two wire fields decode to the same kind of part (a ``refusal`` part of
the content list vs the message's ``refusal`` field; a tool call vs the legacy ``function_call``;
``reasoning_content`` vs ``reasoning`` vs ``reasoning_details``; a cache hint's
``prompt_cache_breakpoint`` vs OpenRouter's ``cache_control``), the node's ``path`` says which
one it was; the encoder reads it only for nodes that carry the own-format tag.

**Marks.** The facts no wire field holds (a turn sent ``reasoning_details`` with text but no
``reasoning`` string; a tool call came without the ``type`` the API requires) are kept as
``~``-prefixed keys in the node's chat extras (or, for the latter, its ``echo``, which no other
format reports); the encoder drops such keys before building (:func:`wire_extras`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from typing import Any, TypeVar

from pydantic import BaseModel

from .._codec import assemble as make
from .._codec import leftover
from ..ir import Extra, Node, Part, ReasoningPart, Tool, ToolCallKind
from ..ir.base import marked
from ..options import Format

__all__ = [
    "ANTHROPIC_REASONING_FORMAT",
    "CALL_STATE_FIELDS",
    "FMT",
    "NO_REASONING_TEXT",
    "UNTYPED",
    "reasoning_text",
    "wire_extras",
    "data_url",
    "given",
    "make",
    "call_state",
    "own",
    "parse_data_url",
    "rest",
    "sub",
    "tag",
    "tool_kind_of",
]

FMT: Format = "chat"

#: OpenRouter's ``format`` of reasoning details that came from Anthropic: an encrypted detail
#: with it is a ``redacted_thinking`` block (and one is written for every ``redacted_data``).
ANTHROPIC_REASONING_FORMAT = "anthropic-claude-v1"

#: Marks (in a message's chat extras) a turn whose ``reasoning_details`` have text but which sent
#: no ``reasoning`` string; otherwise a ``reasoning`` equal to :func:`reasoning_text` of the
#: details is implied by them (OpenRouter sends both) and not kept as a leftover.
NO_REASONING_TEXT = "~no_reasoning_text"

#: Marks (in a tool call's chat ``echo``) a response tool call that came without ``type``
#: (Mistral): the chat encoder writes it back without one.
UNTYPED = "~untyped"

#: Fields of a tool call that are state the server that made it needs back with it on the next
#: turn (``ToolCallPart.call_state``): Gemini's ``extra_content`` (``google.thought_signature``).
CALL_STATE_FIELDS = ("extra_content",)

ModelT = TypeVar("ModelT", bound=BaseModel)

_DATA_URL = re.compile(r"data:([^;,]+);base64,(.*)", re.DOTALL)


def tag(fields: Mapping[str, Any]) -> Extra:
    """An ``extra`` with ``fields`` for chat, present even when ``fields`` is empty."""
    return marked(FMT, fields)


def own(node: Node) -> Mapping[str, Any] | None:
    """The chat fields (echo and extra) of a node the chat decoder made; ``None`` for another
    format's node."""
    if FMT not in node.extra and FMT not in node.echo:
        return None
    return {**node.echo.get(FMT, {}), **node.extra.get(FMT, {})}


def rest(
    model: BaseModel, consumed: Collection[str], **nested: Mapping[str, Any]
) -> dict[str, Any]:
    """The leftover wire fields of ``model`` plus the non-empty nested leftovers given."""
    out = leftover(model, consumed)
    if nested:
        out.update({key: dict(value) for key, value in nested.items() if value})
    return out


def given(model: BaseModel, *names: str) -> set[str]:
    """Those of ``names`` whose value is not ``None`` (a ``null`` stays a leftover)."""
    return {name for name in names if getattr(model, name) is not None}


def sub(extras: Mapping[str, Any] | None, key: str) -> Mapping[str, Any] | None:
    """The nested leftovers stored under ``key`` (``None`` when there are none)."""
    if extras is None:
        return None
    value = extras.get(key)
    return value if isinstance(value, Mapping) else None


def call_state(call: BaseModel) -> dict[str, Any]:
    """The :data:`CALL_STATE_FIELDS` a wire tool call (or stream fragment) has, unless ``null``
    (a ``null`` stays a leftover)."""
    extra = call.__pydantic_extra__ or {}
    return {key: extra[key] for key in CALL_STATE_FIELDS if extra.get(key) is not None}


def parse_data_url(url: str) -> tuple[str, str] | None:
    """``(media_type, base64 data)`` of a ``data:<type>;base64,<data>`` URL, else ``None``."""
    match = _DATA_URL.fullmatch(url)
    if match is None:
        return None
    return match.group(1), match.group(2)


def data_url(media_type: str, data: str) -> str:
    """The ``data:`` URL of base64 ``data``."""
    return f"data:{media_type};base64,{data}"


def tool_kind_of(name: str, tools: tuple[Tool, ...] | None) -> ToolCallKind:
    """The kind of the tool called ``name`` (``"function"`` unless a custom tool has that name):
    how an ``allowed_tools`` reference is typed from a bare name."""
    for tool in tools or ():
        if tool.name == name and tool.kind == "custom":
            return "custom"
    return "function"


def reasoning_text(parts: Iterable[Part]) -> str | None:
    """The plain reasoning text of ``parts`` (OpenRouter's ``reasoning`` string): the text of each
    reasoning part that has some, joined by blank lines; ``None`` when there is none."""
    texts = [
        part.text or "".join(part.content)
        for part in parts
        if isinstance(part, ReasoningPart) and (part.text or part.content)
    ]
    return "\n\n".join(texts) if texts else None


def wire_extras(extras: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    """``extras`` without the bridge's own marks (keys starting with ``~``)."""
    if extras is None:
        return None
    return {key: value for key, value in extras.items() if not key.startswith("~")}
