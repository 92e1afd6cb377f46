"""Variations of one sample payload that stay valid for its format (:func:`variations_of`).

The sample is read once through this package's model of its format and kind, which tells, for
every JSON object in it, which wire model it is. That gives four kinds of *sites*:

* **objects** — every object that is a wire model takes an unknown field
  (``x_bridge_test_<name>``: no real field starts so, so it never clashes) with any JSON value;
* **optional fields** — a field its model marks optional may go, unless the request or
  response needs it to stay meaningful (:data:`_KEPT` and :func:`_needed`: discriminators,
  ids and the references to them, the tools a ``tool_choice`` names, the ``content`` of an
  assistant message without calls …);
* **ids** — response, message, item and tool-call ids, and the references to them (a
  ``tool_result``'s ``tool_use_id``, a ``tool`` message's ``tool_call_id``, a
  ``function_call_output``'s ``call_id``), renamed consistently: one new id per old value,
  written everywhere the old value was, keeping its prefix (``toolu_``, ``call_``, ``msg_`` …).
  References to server state (files, containers, previous responses) and the bridge's own
  carriers (``ocb-…``) stay;
* **texts** — message, system, tool-result, refusal, error and prompt texts replaced by any
  Unicode text that is not blank (surrogates excluded: JSON cannot carry one alone). Texts a
  signature or an encryption covers (thinking, reasoning) and texts annotations index into
  stay.

A variation applies at least one change of a kind the sample has sites for, often several.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from hypothesis import strategies as st
from pydantic import BaseModel

from ...convert import codec
from ...options import Format, check_format
from ...wire import from_wire
from ..samples import sniff
from ._atoms import BASE62, Ids
from ._payloads import json_values

Json = dict[str, Any]
Path = tuple[str | int, ...]
Kind = Literal["request", "response", "error"]
KINDS: tuple[Kind, ...] = ("request", "response", "error")

#: Fields never dropped: discriminators, ids and references (they are renamed instead), what
#: a signature or an encryption covers, what the APIs require although the models are lenient.
_KEPT = frozenset(
    {
        "type", "role", "object", "id", "call_id", "tool_call_id", "tool_use_id", "status",
        "signature", "encrypted_content", "annotations", "tool_calls", "tools", "summary", "input",
    }
)  # fmt: skip

#: Fields the APIs require although this package's models take them as optional (to read what
#: real clients and servers send without them), by model: never dropped.
_REQUIRED_BY_THE_API: dict[str, frozenset[str]] = {
    "CitationCharLocationParam": frozenset({"document_title"}),
    "CitationPageLocationParam": frozenset({"document_title"}),
    "CitationContentBlockLocationParam": frozenset({"document_title"}),
    "CitationSearchResultLocationParam": frozenset({"title"}),
    "CitationWebSearchResultLocationParam": frozenset({"title"}),
    "ServerToolUsage": frozenset({"web_fetch_requests"}),
    "ChatCompletionMessageFunctionToolCall": frozenset({"type"}),
    "ErrorObject": frozenset({"type"}),
    "InputTokensDetails": frozenset({"cache_write_tokens"}),
    "ResponseOutputTextParam": frozenset({"annotations"}),
    "ResponseReasoningItemParam": frozenset({"id"}),
    "AnnotationURLCitation": frozenset({"end_index", "start_index", "title"}),
    "ResponseFunctionWebSearch": frozenset({"action"}),
    "ResponseCodeInterpreterToolCall": frozenset({"container_id"}),
    "CodeInterpreter": frozenset({"container"}),
    "FunctionTool": frozenset({"parameters", "strict"}),
    "ResponseInputImage": frozenset({"detail"}),
}

_ID_FIELDS = frozenset({"id", "call_id", "tool_call_id", "tool_use_id"})
#: Models whose ``id`` is the payload's own (not a reference to server state).
_OWN_ID_MODELS = ("Message", "ToolUse", "ToolCall", "ChatCompletion", "Completion", "Response",
                  "FunctionCall", "WebSearch")  # fmt: skip
_NOT_OWN_ID_MODELS = ("Reasoning", "Reference", "Conversation", "Container", "Audio", "File")

_TEXT_FIELDS = frozenset(
    {"text", "content", "refusal", "instructions", "system", "prompt", "message", "output"}
)
_SEALED_MODELS = ("Thinking", "Reasoning", "Summary", "Redacted", "Compaction")


@dataclass
class _Sites:
    """Where a sample can vary (see the module docstring)."""

    objects: list[Path] = field(default_factory=list)
    optional: list[tuple[Path, str]] = field(default_factory=list)
    texts: list[Path] = field(default_factory=list)
    ids: dict[str, list[Path]] = field(default_factory=dict)


def _renamable(value: Any) -> bool:
    """Whether an id value may change (not empty, not one of the bridge's carriers)."""
    return isinstance(value, str) and bool(value) and not value.startswith("ocb-")


def _is_own_id(model: BaseModel, name: str) -> bool:
    if name != "id":
        return True
    cls = type(model).__name__
    return any(m in cls for m in _OWN_ID_MODELS) and not any(m in cls for m in _NOT_OWN_ID_MODELS)


def _is_text(model: BaseModel, name: str, data: Mapping[str, Any]) -> bool:
    cls = type(model).__name__
    if any(m in cls for m in _SEALED_MODELS):
        return False
    if name == "message" and "Error" not in cls:
        return False
    if name == "output" and "Output" not in cls:
        return False
    return not data.get("annotations")


def _kept(model: BaseModel, data: Mapping[str, Any], key: str) -> bool:
    """Whether ``key`` must stay in ``data`` (the JSON of ``model``)."""
    if key in _KEPT or key in _REQUIRED_BY_THE_API.get(type(model).__name__, ()):
        return True
    return _needed(data, key)


def _needed(data: Mapping[str, Any], key: str) -> bool:
    """Whether dropping ``key`` from ``data`` would leave something the API refuses."""
    if key == "stream" and data.get("stream_options") is not None:
        return True
    if key == "content" and data.get("role") == "assistant":
        return not data.get("tool_calls")
    return key == "name" and data.get("type") in ("function", "tool")


def _walk(model: BaseModel, data: Any, path: Path, sites: _Sites) -> None:
    if not isinstance(data, dict):
        return
    sites.objects.append(path)
    for name, info in type(model).model_fields.items():
        key = info.alias or name
        if key not in data:
            continue
        value, sub = getattr(model, name), data[key]
        here = (*path, key)
        tag = name in getattr(model, "__wire_tags__", ())
        if not info.is_required() and not tag and not _kept(model, data, key):
            sites.optional.append((path, key))
        if key in _ID_FIELDS and _renamable(sub) and _is_own_id(model, name):
            sites.ids.setdefault(sub, []).append(here)
        if key in _TEXT_FIELDS and _is_text(model, name, data):
            if isinstance(sub, str):
                sites.texts.append(here)
            elif isinstance(sub, list) and key == "prompt":
                sites.texts += [(*here, i) for i, s in enumerate(sub) if isinstance(s, str)]
        _descend(value, sub, here, sites)


def _descend(value: Any, data: Any, path: Path, sites: _Sites) -> None:
    if isinstance(value, BaseModel):
        _walk(value, data, path, sites)
    elif isinstance(value, (list, tuple)) and isinstance(data, list):
        for i, (item, sub) in enumerate(zip(value, data, strict=False)):
            _descend(item, sub, (*path, i), sites)
    elif isinstance(value, dict) and isinstance(data, dict):
        for key, item in value.items():
            if key in data:
                _descend(item, data[key], (*path, key), sites)


# --------------------------------------------------------------------------- sniffing


def _sniff(payload: dict[str, Any]) -> tuple[Format, Kind]:
    """The format and kind of a payload, read from its shape (as the samples reader does)."""
    try:
        fmt, kind = sniff(payload)
    except ValueError as exc:
        raise ValueError(f"{exc}: pass format= and kind=") from None
    assert kind != "stream"  # one payload is never a stream
    return fmt, kind


def _model_type(fmt: Format, kind: Kind) -> Any:
    types = codec(fmt)
    return {
        "request": types.request_type,
        "response": types.response_type,
        "error": types.error_type,
    }[kind]


# --------------------------------------------------------------------------- changes


def _get(data: Any, path: Path) -> Any:
    for key in path:
        data = data[key]
    return data


_unicode = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=24).filter(
    str.strip
)


def _other_text(old: str) -> st.SearchStrategy[str]:
    """Any non-blank Unicode text but ``old``."""
    return _unicode.filter(lambda text: text != old)


_extra_names = st.sampled_from(["note", "trace", "v2", "future", "0", "ÿ"]).map(
    lambda name: f"x_bridge_test_{name}"
)
_ID_PREFIX = re.compile(r"^(.{0,11}[_-])")


_RENAMING = 0x5EED_0F_0E11A4  # keeps renamed ids apart from the ids the other strategies make


def _renamed(old: str, ids: Ids) -> str:
    """A new id in the old one's style (same prefix, as long), never the old one."""
    match = _ID_PREFIX.match(old)
    prefix = match.group(1) if match else ""
    new = old
    while new == old:
        new = ids.make(prefix, max(8, len(old) - len(prefix)), BASE62)
    return new


@st.composite
def _variation(draw: st.DrawFn, payload: Json, sites: _Sites) -> Json:
    out = copy.deepcopy(payload)
    kinds = [
        kind
        for kind, present in (
            ("extra", sites.objects),
            ("drop", sites.optional),
            ("ids", sites.ids),
            ("texts", sites.texts),
        )
        if present
    ]
    chosen = draw(st.sets(st.sampled_from(kinds), min_size=1), label="changes")
    # texts and ids first: dropping or adding fields does not move them
    if "texts" in chosen:
        for path in draw(_some(sites.texts), label="texts"):
            parent = _get(out, path[:-1])
            parent[path[-1]] = draw(_other_text(parent[path[-1]]))
    if "ids" in chosen:
        ids = Ids(draw(st.integers(0, 2**64 - 1), label="id seed") ^ _RENAMING)
        for old in draw(_some(sorted(sites.ids)), label="ids"):
            new = _renamed(old, ids)
            for path in sites.ids[old]:
                _get(out, path[:-1])[path[-1]] = new
    if "drop" in chosen:
        dropped = draw(_some(sites.optional), label="dropped")
        for path, key in sorted(dropped, key=lambda site: len(site[0]), reverse=True):
            _get(out, path).pop(key, None)
    if "extra" in chosen:
        for path in draw(_some(sites.objects), label="extra fields"):
            try:
                target = _get(out, path)
            except (KeyError, IndexError, TypeError):
                continue  # inside a field dropped above
            name = draw(_extra_names)
            target[name] = draw(json_values, label="extra value")
    return out


def _some(items: Sequence[Any]) -> st.SearchStrategy[list[Any]]:
    """A non-empty selection of ``items`` (each at most once), in their order."""
    return st.lists(st.sampled_from(range(len(items))), min_size=1, unique=True).map(
        lambda picked: [items[i] for i in sorted(picked)]
    )


def variations_of(
    payload: Mapping[str, Any],
    *,
    format: Format | None = None,
    kind: Kind | None = None,
) -> st.SearchStrategy[dict[str, Any]]:
    """Variations of ``payload`` (a request, response or error body as parsed JSON) that stay
    valid for its format: unknown fields added (``x_bridge_test_*``), optional fields dropped,
    ids changed consistently (a ``tool_use`` id and its ``tool_result``'s id together), texts
    replaced by any Unicode. Each variation changes something.

    The format and kind are read from the payload (an anthropic request has ``messages`` and
    ``max_tokens``, a chat request ``messages``, a Responses request ``input``, a Completions
    request ``prompt``; a response or error by its ``type`` / ``object``); pass ``format`` and
    ``kind`` when the shape is ambiguous (an OpenAI error body is read as chat's: the three
    OpenAI formats share it). The payload must be valid for its format: an invalid one raises
    :class:`~openai_claude_bridge.InvalidInputError` here, before anything is drawn.
    """
    sample = copy.deepcopy(dict(payload))
    if format is None or kind is None:
        sniffed = _sniff(sample)
        fmt = check_format(format) if format is not None else sniffed[0]
        knd = kind if kind is not None else sniffed[1]
    else:
        fmt, knd = check_format(format), kind
    if knd not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {knd!r}")
    model = from_wire(_model_type(fmt, knd), sample)
    sites = _Sites()
    _walk(model, sample, (), sites)
    return _variation(sample, sites)
