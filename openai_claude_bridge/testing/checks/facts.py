"""The semantic facts of a payload: what anthropic, chat and Responses can all say.

The *shared semantic subset* of a payload is: the texts (system and message texts, tool-result
texts, refusals), the tool calls (id, name, arguments as parsed JSON), the call ids that tool
results answer, and for responses the stop reason (in a common vocabulary) and the usage numbers
(input tokens including cache, cached input tokens, output tokens). Completions says the texts,
the stop reason and the usage.

The facts are read straight off the wire JSON by the small extractors below, independently of
the package's own decoders. Each comes with the JSON path it came from (:data:`Fact`), so that a
fact the conversion reported lost (a ``Loss`` at its path, an ancestor or a descendant) can be
told from one it dropped silently. :data:`EXTRACT` maps ``(kind, format)`` to its extractor.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

__all__ = ["EXTRACT", "Fact", "facts_of"]

Fact = tuple[str, tuple[Any, ...]]
"""(JSON path in the payload, a hashable semantic fact such as ``("text", "Hi")``,
``("call", id, name, arguments)``, ``("result", call_id)``, ``("stop", reason)``,
``("usage", input, cached, output)``)."""


def facts_of(kind: str, fmt: str, payload: Any) -> list[Fact]:
    """The semantic facts of a ``kind`` (``"request"`` / ``"response"``) payload of ``fmt``."""
    return list(EXTRACT[(kind, fmt)](payload)) if isinstance(payload, dict) else []


def arguments(text: Any) -> tuple[str, str]:
    """Tool-call arguments as parsed JSON (the exact text when it does not parse; blank text,
    what providers send for a call without arguments, is ``{}``)."""
    if isinstance(text, str) and not text.strip():
        text = {}
    if not isinstance(text, str):
        return ("json", json.dumps(text, sort_keys=True))
    try:
        return ("json", json.dumps(json.loads(text), sort_keys=True))
    except ValueError:
        return ("text", text)


def _texts(content: Any, path: str, kinds: tuple[str, ...]) -> Iterator[Fact]:
    """Text facts of a string-or-parts content value."""
    if isinstance(content, str):
        if content:
            yield path, ("text", content)
        return
    if not isinstance(content, list):
        return
    for i, part in enumerate(content):
        if not isinstance(part, dict):
            continue
        kind = part.get("type")
        if kind in kinds and isinstance(part.get("text"), str) and part["text"]:
            yield f"{path}[{i}]", ("text", part["text"])
        elif kind == "refusal" and isinstance(part.get("refusal"), str) and part["refusal"]:
            yield f"{path}[{i}]", ("text", part["refusal"])


def _anthropic_blocks(content: Any, path: str) -> Iterator[Fact]:
    if not isinstance(content, list):
        yield from _texts(content, path, ("text",))
        return
    for i, block in enumerate(content):
        where = f"{path}[{i}]"
        if not isinstance(block, dict):
            continue
        kind = block.get("type")
        if kind == "text":
            yield from _texts(block.get("text"), where, ())
        elif kind == "tool_use":
            call = ("call", block.get("id"), block.get("name"), arguments(block.get("input")))
            yield where, call
        elif kind == "tool_result":
            yield where, ("result", block.get("tool_use_id"))
            yield from _texts(block.get("content"), f"{where}.content", ("text",))


def anthropic_request(payload: dict[str, Any]) -> Iterator[Fact]:
    """The facts of an anthropic ``MessageCreateParams``."""
    yield from _texts(payload.get("system"), "system", ("text",))
    for m, message in enumerate(payload.get("messages") or ()):
        if isinstance(message, dict):
            yield from _anthropic_blocks(message.get("content"), f"messages[{m}].content")


def _chat_call(call: dict[str, Any]) -> tuple[Any, ...]:
    """A chat tool call: a function's name and parsed arguments, a custom tool's raw input."""
    custom = call.get("custom")
    if call.get("type") == "custom" and isinstance(custom, dict):
        return ("call", call.get("id"), custom.get("name"), ("text", custom.get("input")))
    function = call.get("function") or {}
    return ("call", call.get("id"), function.get("name"), arguments(function.get("arguments")))


def chat_request(payload: dict[str, Any]) -> Iterator[Fact]:
    """The facts of a chat ``CompletionCreateParams``."""
    for m, message in enumerate(payload.get("messages") or ()):
        if not isinstance(message, dict):
            continue
        where = f"messages[{m}]"
        role = message.get("role")
        if role == "tool":
            yield where, ("result", message.get("tool_call_id"))
        if role == "function":  # legacy: the function's name answers the call
            yield where, ("result", message.get("name"))
        if role in ("system", "developer", "user", "assistant", "tool", "function"):
            yield from _texts(message.get("content"), f"{where}.content", ("text",))
        if role == "assistant":
            if isinstance(message.get("refusal"), str) and message["refusal"]:
                yield f"{where}.refusal", ("text", message["refusal"])
            for c, call in enumerate(message.get("tool_calls") or ()):
                yield f"{where}.tool_calls[{c}]", _chat_call(call)
            legacy = message.get("function_call")
            if isinstance(legacy, dict):  # legacy: the function's name stands for the call id
                fact = ("call", legacy.get("name"), legacy.get("name"))
                yield f"{where}.function_call", (*fact, arguments(legacy.get("arguments")))


def _responses_items(items: Any, path: str) -> Iterator[Fact]:
    if isinstance(items, str):
        yield from _texts(items, path, ())
        return
    for i, item in enumerate(items or ()):
        if not isinstance(item, dict):
            continue
        where = f"{path}[{i}]"
        kind = item.get("type") or "message"
        if kind == "message":
            parts = ("input_text", "output_text")
            yield from _texts(item.get("content"), f"{where}.content", parts)
        elif kind == "function_call":
            fact = ("call", item.get("call_id") or "", item.get("name"))
            yield where, (*fact, arguments(item.get("arguments")))
        elif kind == "custom_tool_call":
            custom = ("call", item.get("call_id"), item.get("name"), ("text", item.get("input")))
            yield where, custom
        elif kind in ("function_call_output", "custom_tool_call_output"):
            # the API requires call_id: a missing one comes back as the empty id it stands for
            yield where, ("result", item.get("call_id") or "")
            yield from _texts(item.get("output"), f"{where}.output", ("input_text",))


def responses_request(payload: dict[str, Any]) -> Iterator[Fact]:
    """The facts of a Responses ``ResponseCreateParams``."""
    yield from _texts(payload.get("instructions"), "instructions", ())
    yield from _responses_items(payload.get("input"), "input")


def completions_request(payload: dict[str, Any]) -> Iterator[Fact]:
    """The facts of a Completions ``CompletionCreateParams``: its prompt."""
    yield from _texts(payload.get("prompt"), "prompt", ())


_ANTHROPIC_STOP = {"end_turn": "stop", "stop_sequence": "stop", "max_tokens": "length"}
_ANTHROPIC_STOP |= {"model_context_window_exceeded": "length", "tool_use": "tool_use"}
_CHAT_STOP = {"stop": "stop", "length": "length", "tool_calls": "tool_use"}
_CHAT_STOP |= {"function_call": "tool_use", "content_filter": "refusal"}


def _stop(path: str, stop: str, facts: list[Fact]) -> Fact:
    """The stop fact; "the model stopped" and "stopped to call tools" are told apart by whether
    it called any (stop reasons follow what was emitted; Responses has only the calls)."""
    if stop in ("stop", "tool_use"):
        stop = "tool_use" if any(fact[0] == "call" for _, fact in facts) else "stop"
    return path, ("stop", stop)


def _usage(path: str, total: Any, cached: Any, output: Any) -> Iterator[Fact]:
    if isinstance(total, int) and isinstance(output, int):
        yield path, ("usage", total, cached or 0, output)


def anthropic_response(payload: dict[str, Any]) -> Iterator[Fact]:
    """The facts of an anthropic ``Message``."""
    facts = list(_anthropic_blocks(payload.get("content"), "content"))
    yield from facts
    stop = payload.get("stop_reason")
    if isinstance(stop, str):
        yield _stop("stop_reason", _ANTHROPIC_STOP.get(stop, stop), facts)
    usage = payload.get("usage") or {}
    parts = [usage.get(k) for k in ("input_tokens", "cache_read_input_tokens")]
    parts.append(usage.get("cache_creation_input_tokens"))
    if isinstance(parts[0], int):
        total = sum(p for p in parts if isinstance(p, int))
        yield from _usage("usage", total, parts[1], usage.get("output_tokens"))


def chat_response(payload: dict[str, Any]) -> Iterator[Fact]:
    """The facts of a chat ``ChatCompletion``."""
    for c, choice in enumerate(payload.get("choices") or ()):
        where = f"choices[{c}]"
        message = choice.get("message") or {}
        facts = list(_texts(message.get("content"), f"{where}.message.content", ("text",)))
        refusal = message.get("refusal")
        if isinstance(refusal, str) and refusal:
            facts.append((f"{where}.message.refusal", ("text", refusal)))
        for t, call in enumerate(message.get("tool_calls") or ()):
            facts.append((f"{where}.message.tool_calls[{t}]", _chat_call(call)))
        legacy = message.get("function_call")
        if isinstance(legacy, dict):  # legacy: the function's name stands for the call id;
            # a message with both (no API sends one) has its legacy call after the tool calls
            name = legacy.get("name")
            fact = ("call", name, name, arguments(legacy.get("arguments")))
            facts.append((f"{where}.message.function_call", fact))
        yield from facts
        stop = choice.get("finish_reason")
        if isinstance(stop, str):
            element = _stop(f"{where}.finish_reason", _CHAT_STOP.get(stop, stop), facts)
            if element[1] == ("stop", "stop") and refusal:
                # A refusal is this stop's reason: lost with the refusal or not at all.
                element = (f"{where}.message.refusal", ("stop", "refusal"))
            yield element
    usage = payload.get("usage") or {}
    cached = (usage.get("prompt_tokens_details") or {}).get("cached_tokens")
    yield from _usage("usage", usage.get("prompt_tokens"), cached, usage.get("completion_tokens"))


def responses_response(payload: dict[str, Any]) -> Iterator[Fact]:
    """The facts of a Responses ``Response``."""
    output = payload.get("output") or ()
    yield from _responses_items(output, "output")
    status = payload.get("status")
    refusals = [
        f"output[{i}].content[{j}]"
        for i, item in enumerate(output)
        if isinstance(item, dict) and item.get("type") == "message"
        for j, part in enumerate(item.get("content") or ())
        if isinstance(part, dict) and part.get("type") == "refusal" and part.get("refusal")
    ]
    if status == "completed" and refusals:
        yield refusals[0], ("stop", "refusal")
    elif status == "completed":
        called = any(
            isinstance(item, dict) and item.get("type") == "function_call" for item in output
        )
        yield "status", ("stop", "tool_use" if called else "stop")
    elif status == "failed":
        yield "status", ("stop", "error")
    elif status == "incomplete":
        reason = (payload.get("incomplete_details") or {}).get("reason")
        normal = {"max_output_tokens": "length", "content_filter": "refusal"}
        if isinstance(reason, str):
            yield "incomplete_details", ("stop", normal.get(reason, reason))
    usage = payload.get("usage") or {}
    cached = (usage.get("input_tokens_details") or {}).get("cached_tokens")
    yield from _usage("usage", usage.get("input_tokens"), cached, usage.get("output_tokens"))


def completions_response(payload: dict[str, Any]) -> Iterator[Fact]:
    """The facts of a Completions ``Completion``."""
    for c, choice in enumerate(payload.get("choices") or ()):
        yield from _texts(choice.get("text"), f"choices[{c}].text", ())
        stop = choice.get("finish_reason")
        if isinstance(stop, str):
            yield f"choices[{c}].finish_reason", ("stop", _CHAT_STOP.get(stop, stop))
    usage = payload.get("usage") or {}
    cached = (usage.get("prompt_tokens_details") or {}).get("cached_tokens")
    yield from _usage("usage", usage.get("prompt_tokens"), cached, usage.get("completion_tokens"))


EXTRACT: dict[tuple[str, str], Callable[[dict[str, Any]], Iterator[Fact]]] = {
    ("request", "anthropic"): anthropic_request,
    ("request", "chat"): chat_request,
    ("request", "responses"): responses_request,
    ("request", "completions"): completions_request,
    ("response", "anthropic"): anthropic_response,
    ("response", "chat"): chat_response,
    ("response", "responses"): responses_response,
    ("response", "completions"): completions_response,
}
"""The extractor of each ``(kind, format)``."""
