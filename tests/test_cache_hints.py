"""Prompt-cache hints in the target's own dialect, block by block, through ``convert_request``.

* **Keep**: anthropic ``cache_control`` ⇄ OpenAI ``prompt_cache_breakpoint`` (chat's ``openai`` and
  ``reasoning_content`` dialects, Responses) on the very block that had it; a ttl the target
  cannot say (OpenAI: ``30m`` / ``12h``, anthropic: ``5m`` / ``1h``) is reported, the breakpoint
  kept.
* **Read**: OpenRouter's anthropic-style ``cache_control`` on chat content parts is a cache hint
  whatever ``chat_dialect`` says; chat -> chat stays exact in both dialects.
* **Write**: ``chat_dialect="openrouter"`` writes ``cache_control`` (with an anthropic ttl).
* Placement: system blocks, user text / image / document, a tool result (its own hint goes on
  its last content part, which chat and Responses can mark), tools and tool calls (no place:
  reported), assistant text; losses are reported exactly where something is not carried.
* Property: random placements over anthropic requests survive anthropic -> chat / Responses ->
  anthropic on the same blocks.

Outputs of the ``openai`` dialect and of Responses validate strictly against the openai SDK; the
``openrouter`` dialect's only non-SDK key is ``cache_control`` on content parts.
"""

# ruff: noqa: E501  (the wire payloads read best one content part per line)

from __future__ import annotations

import itertools
import typing
from collections.abc import Iterator
from typing import Any

import anthropic.types as anthropic_types
import openai.types.chat as chat_sdk
import openai.types.responses as responses_sdk
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openai.types import shared_params

from openai_claude_bridge import Loss, UnsupportedFeatureError, convert_request, ir, to_wire
from openai_claude_bridge._codec import hint_on_last_part
from openai_claude_bridge.options import ChatDialect, Options
from tests.support.oracle import assert_sdk_strict, sdk_fields
from tests.support.roundtrip import assert_json_identical
from tests.support.sdk_types import SDK_TYPES

CC: dict[str, Any] = {"type": "ephemeral"}
BP: dict[str, Any] = {"mode": "explicit"}
PNG = {"type": "base64", "media_type": "image/png", "data": "iVBORw0KGgo="}
PDF = {"type": "base64", "media_type": "application/pdf", "data": "JVBERi0xLjQ="}

#: Every chat dialect, and each target as (format, chat_dialect) for the parametrized tests.
DIALECTS: tuple[ChatDialect, ...] = typing.get_args(ChatDialect)
TARGETS = [*(("chat", dialect) for dialect in DIALECTS), ("responses", "openai")]
TARGET_IDS = [f"{fmt}-{dialect}" for fmt, dialect in TARGETS]


def _cc(ttl: str | None = None) -> dict[str, Any]:
    return CC if ttl is None else {**CC, "ttl": ttl}


def convert(
    payload: dict[str, Any], source: str, target: str, **options: Any
) -> tuple[dict[str, Any], list[Loss]]:
    """The converted request as wire JSON, and the losses reported."""
    losses: list[Loss] = []
    out = convert_request(payload, source=source, target=target, on_loss=losses.append, **options)
    return to_wire(out), losses


def cache_losses(losses: list[Loss]) -> list[tuple[str, str]]:
    """(path, feature) of the cache-hint losses, in order."""
    return [(x.path, x.feature) for x in losses if x.feature.startswith("cache_control")]


def without_cache_control(request: dict[str, Any]) -> dict[str, Any]:
    """A chat request with ``cache_control`` removed from its messages' content parts only."""

    def strip(message: dict[str, Any]) -> dict[str, Any]:
        content = message.get("content")
        if not isinstance(content, list):
            return message
        parts = [{k: v for k, v in part.items() if k != "cache_control"} for part in content]
        return {**message, "content": parts}

    return {**request, "messages": [strip(message) for message in request["messages"]]}


def assert_valid(out: dict[str, Any], target: str, dialect: str) -> None:
    """Strictly valid for the openai SDK; OpenRouter's dialect may add ``cache_control`` on
    content parts and nothing else."""
    if target == "chat" and dialect == "openrouter":
        out = without_cache_control(out)
    name = "CompletionCreateParams" if target == "chat" else "ResponseCreateParams"
    assert_sdk_strict(out, *SDK_TYPES[(target, name)])  # type: ignore[index]


def expected_hint(target: str, dialect: str, ttl: str | None) -> dict[str, Any]:
    """The hint field a content part gets in ``target`` for an anthropic hint with ``ttl``."""
    if target == "chat" and dialect == "openrouter":
        return {"cache_control": _cc(ttl)}
    return {"prompt_cache_breakpoint": BP}


def ttl_losses(target: str, dialect: str, ttl: str | None, path: str) -> list[tuple[str, str]]:
    """The loss an anthropic ttl costs in ``target``: none for OpenRouter's dialect."""
    if ttl is None or (target == "chat" and dialect == "openrouter"):
        return []
    return [(f"{path}.ttl", "cache_control.ttl")]


def anthropic_request(**fields: Any) -> dict[str, Any]:
    return {"model": "claude-sonnet-4-5", "max_tokens": 256, **fields}


def user(*blocks: dict[str, Any]) -> dict[str, Any]:
    return {"role": "user", "content": list(blocks)}


def call(*ids: str) -> dict[str, Any]:
    blocks = [{"type": "tool_use", "id": i, "name": "lookup", "input": {}} for i in ids]
    return {"role": "assistant", "content": blocks}


def find(out: dict[str, Any], target: str, role: str) -> list[dict[str, Any]]:
    """The messages / input items of ``role`` (``tool``: tool messages / call outputs)."""
    if target == "chat":
        return [m for m in out["messages"] if m["role"] == role]
    if role == "tool":
        return [i for i in out["input"] if i.get("type") == "function_call_output"]
    return [i for i in out["input"] if i.get("role") == role]


def content_of(item: dict[str, Any], target: str) -> Any:
    return item["output"] if target == "responses" and "output" in item else item["content"]


# --------------------------------------------------------------------------- anthropic -> targets


@pytest.mark.parametrize("ttl", [None, "5m", "1h"])
@pytest.mark.parametrize(("target", "dialect"), TARGETS, ids=TARGET_IDS)
def test_system_block_hint_lands_on_the_same_system_part(
    target: str, dialect: str, ttl: str | None
) -> None:
    """Anthropic system blocks stay separate parts (not one joined string), the second one
    marked."""
    payload = anthropic_request(
        system=[
            {"type": "text", "text": "You are terse."},
            {"type": "text", "text": "Policy…", "cache_control": _cc(ttl)},
        ],
        messages=[user({"type": "text", "text": "hi"})],
    )
    out, losses = convert(payload, "anthropic", target, chat_dialect=dialect)
    assert_valid(out, target, dialect)
    text = "text" if target == "chat" else "input_text"
    (system,) = find(out, target, "system")
    assert system["content"] == [
        {"type": text, "text": "You are terse."},
        {"type": text, "text": "Policy…", **expected_hint(target, dialect, ttl)},
    ]
    assert cache_losses(losses) == ttl_losses(target, dialect, ttl, "system[1].cache_control")


@pytest.mark.parametrize(("target", "dialect"), TARGETS, ids=TARGET_IDS)
def test_user_text_image_and_document_hints(target: str, dialect: str) -> None:
    payload = anthropic_request(
        messages=[
            user(
                {"type": "text", "text": "Look:"},
                {"type": "image", "source": PNG, "cache_control": CC},
                {"type": "text", "text": "and read:", "cache_control": _cc("1h")},
                {"type": "document", "source": PDF, "cache_control": _cc("5m")},
                {"type": "text", "text": "What now?"},
            )
        ]
    )
    out, losses = convert(payload, "anthropic", target, chat_dialect=dialect)
    assert_valid(out, target, dialect)
    (message,) = find(out, target, "user")
    hints = [{k: v for k, v in p.items() if "cache" in k} for p in message["content"]]
    assert hints == [
        {},
        expected_hint(target, dialect, None),
        expected_hint(target, dialect, "1h"),
        expected_hint(target, dialect, "5m"),
        {},
    ]
    assert cache_losses(losses) == [
        *ttl_losses(target, dialect, "1h", "messages[0].content[2].cache_control"),
        *ttl_losses(target, dialect, "5m", "messages[0].content[3].cache_control"),
    ]


@pytest.mark.parametrize("content", ["sunny", [{"type": "text", "text": "sunny"}]])
@pytest.mark.parametrize(("target", "dialect"), TARGETS, ids=TARGET_IDS)
def test_tool_result_hint_goes_on_its_last_part(target: str, dialect: str, content: Any) -> None:
    """A chat tool message / function_call_output cannot be marked; its last part ends the same
    prefix, so the hint goes there (the content becomes a list)."""
    payload = anthropic_request(
        messages=[
            user({"type": "text", "text": "Weather?"}),
            call("toolu_1"),
            user(
                {
                    "type": "tool_result",
                    "tool_use_id": "toolu_1",
                    "content": content,
                    "cache_control": _cc("1h"),
                }
            ),
        ]
    )
    out, losses = convert(payload, "anthropic", target, chat_dialect=dialect)
    assert_valid(out, target, dialect)
    (result,) = find(out, target, "tool")
    text = "text" if target == "chat" else "input_text"
    assert content_of(result, target) == [
        {"type": text, "text": "sunny", **expected_hint(target, dialect, "1h")}
    ]
    assert cache_losses(losses) == ttl_losses(
        target, dialect, "1h", "messages[2].content[0].cache_control"
    )


@pytest.mark.parametrize(("target", "dialect"), TARGETS, ids=TARGET_IDS)
def test_tool_result_inner_hints_and_the_result_hint(target: str, dialect: str) -> None:
    """Hints inside a tool result stay on their parts; the result's own hint on a last part that
    has one is the same breakpoint (its differing ttl is reported, the part's kept)."""
    inner = [
        {"type": "text", "text": "part one", "cache_control": CC},
        {"type": "text", "text": "part two", "cache_control": _cc("5m")},
    ]
    payload = anthropic_request(
        messages=[
            user({"type": "text", "text": "Go"}),
            call("toolu_1", "toolu_2"),
            user(
                {"type": "tool_result", "tool_use_id": "toolu_1", "content": inner},
                {
                    "type": "tool_result",
                    "tool_use_id": "toolu_2",
                    "content": [{"type": "text", "text": "x", "cache_control": _cc("5m")}],
                    "cache_control": _cc("1h"),
                },
            ),
        ]
    )
    out, losses = convert(payload, "anthropic", target, chat_dialect=dialect)
    assert_valid(out, target, dialect)
    first, second = find(out, target, "tool")
    hints = [
        [{k: v for k, v in p.items() if "cache" in k} for p in content_of(item, target)]
        for item in (first, second)
    ]
    assert hints == [
        [expected_hint(target, dialect, None), expected_hint(target, dialect, "5m")],
        [expected_hint(target, dialect, "5m")],
    ]
    assert sorted(cache_losses(losses)) == sorted(
        [
            *ttl_losses(target, dialect, "5m", "messages[2].content[0].content[1].cache_control"),
            *ttl_losses(target, dialect, "5m", "messages[2].content[1].content[0].cache_control"),
            ("messages[2].content[1].cache_control.ttl", "cache_control.ttl"),
        ]
    )


@pytest.mark.parametrize(("target", "dialect"), TARGETS, ids=TARGET_IDS)
def test_tool_result_hint_without_a_part_to_hold_it_is_reported(target: str, dialect: str) -> None:
    """An empty result has no part to mark (an empty text would be refused by anthropic on the
    way back): the hint is reported at its own path."""
    payload = anthropic_request(
        messages=[
            user({"type": "text", "text": "Go"}),
            call("toolu_1"),
            user(
                {
                    "type": "tool_result",
                    "tool_use_id": "toolu_1",
                    "content": "",
                    "cache_control": CC,
                }
            ),
        ]
    )
    out, losses = convert(payload, "anthropic", target, chat_dialect=dialect)
    assert_valid(out, target, dialect)
    assert cache_losses(losses) == [("messages[2].content[0].cache_control", "cache_control")]


def test_tool_result_with_image_hint_in_chat_and_responses() -> None:
    """Chat moves a result's image to a user message (reported), so the result's hint goes on
    the tool message's last text; Responses keeps the image, which takes the hint."""
    payload = anthropic_request(
        messages=[
            user({"type": "text", "text": "Screenshot?"}),
            call("toolu_1"),
            user(
                {
                    "type": "tool_result",
                    "tool_use_id": "toolu_1",
                    "content": [
                        {"type": "text", "text": "here"},
                        {"type": "image", "source": PNG},
                    ],
                    "cache_control": CC,
                }
            ),
        ]
    )
    out, losses = convert(payload, "anthropic", "chat", chat_dialect="openrouter")
    (tool,) = find(out, "chat", "tool")
    assert tool["content"] == [{"type": "text", "text": "here", "cache_control": CC}]
    assert cache_losses(losses) == []
    assert ("messages[2].content[0].content[1]", "tool_result.image") in [
        (x.path, x.feature) for x in losses
    ]
    out, losses = convert(payload, "anthropic", "responses")
    assert_valid(out, "responses", "openai")
    (result,) = find(out, "responses", "tool")
    assert [p.get("prompt_cache_breakpoint") for p in result["output"]] == [None, BP]
    assert cache_losses(losses) == []


@pytest.mark.parametrize("dialect", DIALECTS)
def test_a_tool_result_image_keeps_its_own_hint_where_chat_moves_it(dialect: ChatDialect) -> None:
    payload = anthropic_request(
        messages=[
            user({"type": "text", "text": "Screenshot?"}),
            call("toolu_1"),
            user(
                {
                    "type": "tool_result",
                    "tool_use_id": "toolu_1",
                    "content": [{"type": "image", "source": PNG, "cache_control": _cc("1h")}],
                },
                {"type": "text", "text": "Describe it."},
            ),
        ]
    )
    out, losses = convert(payload, "anthropic", "chat", chat_dialect=dialect)
    assert_valid(out, "chat", dialect)
    (_, moved) = find(out, "chat", "user")
    assert moved["content"][0] == {
        "type": "image_url",
        "image_url": {"url": f"data:image/png;base64,{PNG['data']}"},
        **expected_hint("chat", dialect, "1h"),
    }
    assert cache_losses(losses) == ttl_losses(
        "chat", dialect, "1h", "messages[2].content[0].content[0].cache_control"
    )


def test_the_sdk_types_give_tools_and_tool_calls_no_cache_field() -> None:
    """Why a hint on a tool definition or a tool call is reported lost for chat and Responses."""
    for cls in (
        chat_sdk.ChatCompletionFunctionToolParam,
        shared_params.FunctionDefinition,
        chat_sdk.ChatCompletionMessageFunctionToolCallParam,
        responses_sdk.FunctionToolParam,
        responses_sdk.ResponseFunctionToolCallParam,
    ):
        keys, _ = sdk_fields(cls)
        assert not {"prompt_cache_breakpoint", "cache_control"} & keys, cls.__name__
    keys, _ = sdk_fields(anthropic_types.ToolParam)
    assert "cache_control" in keys


@pytest.mark.parametrize(("target", "dialect"), TARGETS, ids=TARGET_IDS)
def test_tool_definition_and_tool_call_hints_are_reported(target: str, dialect: str) -> None:
    payload = anthropic_request(
        tools=[
            {"name": "lookup", "input_schema": {"type": "object"}},
            {"name": "fetch", "input_schema": {"type": "object"}, "cache_control": CC},
        ],
        messages=[
            user({"type": "text", "text": "Go"}),
            {
                "role": "assistant",
                "content": [
                    {
                        "type": "tool_use",
                        "id": "toolu_1",
                        "name": "lookup",
                        "input": {},
                        "cache_control": CC,
                    }
                ],
            },
            user({"type": "tool_result", "tool_use_id": "toolu_1", "content": "ok"}),
        ],
    )
    out, losses = convert(payload, "anthropic", target, chat_dialect=dialect)
    assert_valid(out, target, dialect)
    assert sorted(cache_losses(losses)) == [
        ("messages[1].content[0].cache_control", "cache_control"),
        ("tools[1].cache_control", "cache_control"),
    ]
    with pytest.raises(UnsupportedFeatureError) as info:
        convert(payload, "anthropic", target, chat_dialect=dialect, strict=True)
    assert info.value.feature == "cache_control"


@pytest.mark.parametrize("dialect", DIALECTS)
def test_assistant_text_hint_in_chat(dialect: ChatDialect) -> None:
    payload = anthropic_request(
        messages=[
            user({"type": "text", "text": "Hi"}),
            {
                "role": "assistant",
                "content": [{"type": "text", "text": "Hello", "cache_control": CC}],
            },
            user({"type": "text", "text": "Again"}),
        ]
    )
    out, losses = convert(payload, "anthropic", "chat", chat_dialect=dialect)
    assert_valid(out, "chat", dialect)
    (assistant,) = find(out, "chat", "assistant")
    assert assistant["content"] == [
        {"type": "text", "text": "Hello", **expected_hint("chat", dialect, None)}
    ]
    assert cache_losses(losses) == []
    out, losses = convert(payload, "anthropic", "responses")
    assert cache_losses(losses) == [("messages[1].content[0].cache_control", "cache_control")]


@pytest.mark.parametrize(("target", "dialect"), TARGETS, ids=TARGET_IDS)
def test_a_dropped_part_reports_its_hint(target: str, dialect: str) -> None:
    """Chat cannot send an image by file id nor a PDF by URL; Responses can. The hint of a part
    that is dropped is reported as ``cache_control`` at its own path."""
    payload = anthropic_request(
        messages=[
            user(
                {
                    "type": "image",
                    "source": {"type": "file", "file_id": "file_1"},
                    "cache_control": CC,
                },
                {
                    "type": "document",
                    "source": {"type": "url", "url": "https://e.x/a.pdf"},
                    "cache_control": CC,
                },
                {"type": "text", "text": "Compare."},
            )
        ]
    )
    out, losses = convert(payload, "anthropic", target, chat_dialect=dialect)
    assert_valid(out, target, dialect)
    if target == "chat":
        assert cache_losses(losses) == [
            ("messages[0].content[0].cache_control", "cache_control"),
            ("messages[0].content[1].cache_control", "cache_control"),
        ]
    else:
        (message,) = find(out, target, "user")
        assert [p.get("prompt_cache_breakpoint") for p in message["content"]] == [BP, BP, None]
        assert cache_losses(losses) == []


# --------------------------------------------------------------------------- chat as the source

OPENROUTER_REQUEST: dict[str, Any] = {
    "model": "anthropic/claude-sonnet-4.5",
    "max_tokens": 512,
    "messages": [
        {
            "role": "system",
            "content": [
                {"type": "text", "text": "You are a coding agent."},
                {"type": "text", "text": "<tools manual>", "cache_control": _cc("1h")},
            ],
        },
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "Read this:", "cache_control": CC},
                {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBO"}, "cache_control": CC},
                {"type": "file", "file": {"file_data": "data:application/pdf;base64,JVBE", "filename": "a.pdf"}, "cache_control": _cc("5m")},
            ],
        },
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {"id": "call_1", "type": "function", "function": {"name": "ls", "arguments": "{}"}}
            ],
        },
        {
            "role": "tool",
            "tool_call_id": "call_1",
            "content": [{"type": "text", "text": "a.py b.py", "cache_control": CC}],
        },
    ],
}  # fmt: skip


@pytest.mark.parametrize("dialect", DIALECTS)
def test_openrouter_cache_control_is_read_whatever_the_dialect(dialect: ChatDialect) -> None:
    """Anthropic-style ``cache_control`` on chat parts becomes anthropic ``cache_control`` on the
    same block, with its ttl, and nothing is reported lost."""
    out, losses = convert(OPENROUTER_REQUEST, "chat", "anthropic", chat_dialect=dialect)
    assert_sdk_strict(out, *SDK_TYPES[("anthropic", "MessageCreateParams")])
    assert [b.get("cache_control") for b in out["system"]] == [None, _cc("1h")]
    first, tool_turn = (m for m in out["messages"] if m["role"] == "user")
    assert [b["type"] for b in first["content"]] == ["text", "image", "document"]
    assert [b.get("cache_control") for b in first["content"]] == [CC, CC, _cc("5m")]
    (result,) = tool_turn["content"]
    assert result["content"] == [{"type": "text", "text": "a.py b.py", "cache_control": CC}]
    assert "cache_control" not in result
    assert [x.feature for x in losses] == ["filename"]  # anthropic documents have no file name


def test_openrouter_cache_control_to_responses() -> None:
    out, losses = convert(OPENROUTER_REQUEST, "chat", "responses")
    assert_valid(out, "responses", "openai")
    system = find(out, "responses", "system")[0]
    assert [p.get("prompt_cache_breakpoint") for p in system["content"]] == [None, BP]
    (message,) = find(out, "responses", "user")
    assert [p.get("prompt_cache_breakpoint") for p in message["content"]] == [BP, BP, BP]
    (result,) = find(out, "responses", "tool")
    assert result["output"] == [
        {"type": "input_text", "text": "a.py b.py", "prompt_cache_breakpoint": BP}
    ]
    assert cache_losses(losses) == [
        ("messages[0].content[1].cache_control.ttl", "cache_control.ttl"),
        ("messages[1].content[2].cache_control.ttl", "cache_control.ttl"),
    ]


MIXED_CHAT_REQUEST: dict[str, Any] = {
    "model": "m",
    "messages": [
        {
            "role": "developer",
            "content": [{"type": "text", "text": "d", "prompt_cache_breakpoint": {"mode": "explicit", "ttl": "12h"}}],
        },
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "a", "cache_control": _cc("1h")},
                {"type": "text", "text": "b", "prompt_cache_breakpoint": BP},
                {"type": "image_url", "image_url": {"url": "https://e.x/i.png"}, "cache_control": CC},
                {"type": "file", "file": {"file_id": "file-1"}, "prompt_cache_breakpoint": BP, "cache_control": CC},
                {"type": "input_audio", "input_audio": {"data": "AAAA", "format": "wav"}, "cache_control": CC},
            ],
        },
        {"role": "assistant", "content": [{"type": "text", "text": "c", "cache_control": CC}]},
    ],
}  # fmt: skip


@pytest.mark.parametrize("dialect", DIALECTS)
def test_chat_to_chat_keeps_each_part_in_its_own_dialect(dialect: ChatDialect) -> None:
    out, losses = convert(MIXED_CHAT_REQUEST, "chat", "chat", chat_dialect=dialect)
    assert_json_identical(out, MIXED_CHAT_REQUEST)
    assert losses == []


def test_a_part_marked_in_both_dialects_is_one_breakpoint() -> None:
    """The second mark restates the first: no loss is reported for it elsewhere."""
    out, losses = convert(MIXED_CHAT_REQUEST, "chat", "anthropic")
    (message,) = (m for m in out["messages"] if m["role"] == "user")
    document = message["content"][3]
    assert document["type"] == "document"
    assert document["cache_control"] == CC
    assert cache_losses(losses) == [
        ("messages[0].content[0].prompt_cache_breakpoint.ttl", "cache_control.ttl")
    ]


@pytest.mark.parametrize("dialect", DIALECTS)
def test_openai_breakpoints_to_anthropic(dialect: ChatDialect) -> None:
    payload = {
        "model": "m",
        "max_tokens": 10,
        "messages": [
            {
                "role": "user",
                "content": [
                    {"type": "text", "text": "a", "prompt_cache_breakpoint": {"mode": "explicit", "ttl": "30m"}},
                    {"type": "text", "text": "b", "prompt_cache_breakpoint": BP},
                ],
            }
        ],
    }  # fmt: skip
    out, losses = convert(payload, "chat", "anthropic", chat_dialect=dialect)
    assert [b.get("cache_control") for b in out["messages"][0]["content"]] == [CC, CC]
    assert cache_losses(losses) == [
        ("messages[0].content[0].prompt_cache_breakpoint.ttl", "cache_control.ttl")
    ]


# --------------------------------------------------------------------------- Responses as source

RESPONSES_REQUEST: dict[str, Any] = {
    "model": "gpt-5.6",
    "input": [
        {
            "role": "user",
            "content": [
                {"type": "input_text", "text": "a", "prompt_cache_breakpoint": {"mode": "explicit", "ttl": "12h"}},
                {"type": "input_image", "image_url": "https://e.x/i.png", "detail": "auto", "prompt_cache_breakpoint": BP},
            ],
        },
        {"type": "function_call", "call_id": "call_1", "name": "ls", "arguments": "{}"},
        {
            "type": "function_call_output",
            "call_id": "call_1",
            "output": [{"type": "input_text", "text": "ok", "prompt_cache_breakpoint": BP}],
        },
    ],
}  # fmt: skip


@pytest.mark.parametrize("dialect", DIALECTS)
def test_responses_breakpoints_to_chat(dialect: ChatDialect) -> None:
    out, losses = convert(RESPONSES_REQUEST, "responses", "chat", chat_dialect=dialect)
    assert_valid(out, "chat", dialect)
    (message,) = find(out, "chat", "user")
    (tool,) = find(out, "chat", "tool")
    if dialect == "openrouter":
        assert [p["cache_control"] for p in message["content"]] == [CC, CC]
        assert tool["content"] == [{"type": "text", "text": "ok", "cache_control": CC}]
        assert cache_losses(losses) == [
            ("input[0].content[0].prompt_cache_breakpoint.ttl", "cache_control.ttl")
        ]
    else:
        assert [p["prompt_cache_breakpoint"] for p in message["content"]] == [
            {"mode": "explicit", "ttl": "12h"},
            BP,
        ]
        assert tool["content"] == [{"type": "text", "text": "ok", "prompt_cache_breakpoint": BP}]
        assert cache_losses(losses) == []


def test_responses_breakpoints_to_anthropic() -> None:
    payload = {**RESPONSES_REQUEST, "max_output_tokens": 100}
    out, losses = convert(payload, "responses", "anthropic")
    first, second = out["messages"][0], out["messages"][2]
    assert [b.get("cache_control") for b in first["content"]] == [CC, CC]
    assert second["content"][0]["content"] == [{"type": "text", "text": "ok", "cache_control": CC}]
    assert cache_losses(losses) == [
        ("input[0].content[0].prompt_cache_breakpoint.ttl", "cache_control.ttl")
    ]


# --------------------------------------------------------------------------- the tool-result rule


def test_hint_on_last_part_keeps_a_part_hint_and_reports_another_ttl() -> None:
    losses: list[Loss] = []
    options = Options(on_loss=losses.append)
    mark = ir.CacheHint(ttl="1h", path="messages[0].content[0].cache_control")
    own = ir.CacheHint(ttl="5m", path="messages[0].content[0].content[1].cache_control")
    texts = (ir.TextPart(text="a"), ir.TextPart(text="b", cache=own))
    result = ir.ToolResultPart(call_id="c", content=texts, cache=mark)
    assert hint_on_last_part(result, texts, options, "x") == texts
    assert [(x.path, x.feature) for x in losses] == [
        ("messages[0].content[0].cache_control.ttl", "cache_control.ttl")
    ]
    same = ir.ToolResultPart(call_id="c", content=texts, cache=own)
    losses.clear()
    assert hint_on_last_part(same, texts, options, "x") == texts
    assert losses == []
    moved = hint_on_last_part(result, texts[:1], options, "x")
    assert moved == (ir.TextPart(text="a", cache=mark),)


# --------------------------------------------------------------------------- the property

_TTLS = st.sampled_from([None, "5m", "1h"])
_MARK = st.sampled_from([False, True, True])


@st.composite
def cached_requests(draw: st.DrawFn) -> dict[str, Any]:
    """An anthropic request with hints at random places: system blocks, user text / image /
    document blocks, tool results (string or text-block content) and the text inside them,
    assistant text, tool calls and tools. Every block has a unique identity (its text, data,
    tool name or id) so a hint can be followed to the block that carries it. (Images in tool
    results, which chat moves to a user message, are tested case by case above.)"""
    ids = itertools.count()

    def hint(block: dict[str, Any]) -> dict[str, Any]:
        if draw(_MARK):
            block["cache_control"] = _cc(draw(_TTLS))
        return block

    def text(prefix: str) -> dict[str, Any]:
        return hint({"type": "text", "text": f"{prefix}{next(ids)}"})

    def media() -> dict[str, Any]:
        n = next(ids)
        if draw(st.booleans()):
            return hint({"type": "image", "source": {**PNG, "data": f"iVBO{n:04d}"}})
        return hint({"type": "document", "source": {**PDF, "data": f"JVBE{n:04d}"}})

    def result(call_id: str) -> dict[str, Any]:
        if draw(st.booleans()):
            content: Any = f"r{next(ids)}"
        else:
            content = [text("r") for _ in range(draw(st.integers(1, 2)))]
        return hint({"type": "tool_result", "tool_use_id": call_id, "content": content})

    request = anthropic_request()
    system = [text("s") for _ in range(draw(st.integers(0, 3)))]
    if system:
        request["system"] = system
    tools = [
        hint({"name": f"tool{next(ids)}", "input_schema": {"type": "object"}})
        for _ in range(draw(st.integers(0, 2)))
    ]
    if tools:
        request["tools"] = tools
    messages: list[dict[str, Any]] = []
    calls: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        blocks = [result(call_id) for call_id in calls]
        extra = draw(st.integers(0 if blocks else 1, 3))
        blocks += [text("u") if draw(st.booleans()) else media() for _ in range(extra)]
        messages.append(user(*blocks))
        calls = [f"toolu_{next(ids)}" for _ in range(draw(st.integers(0, 2)) if tools else 0)]
        assistant = [text("a") for _ in range(draw(st.integers(1, 2)))]
        assistant += [
            hint({"type": "tool_use", "id": i, "name": tools[0]["name"], "input": {}})
            for i in calls
        ]
        messages.append({"role": "assistant", "content": assistant})
    final = [result(call_id) for call_id in calls] or [text("u")]
    messages.append(user(*final))
    request["messages"] = messages
    return request


def _identity(block: dict[str, Any]) -> str:
    match block["type"]:
        case "text":
            return f"text:{block['text']}"
        case "image" | "document":
            return f"{block['type']}:{block['source']['data']}"
        case "tool_use":
            return f"tool_use:{block['id']}"
        case other:
            raise AssertionError(other)


class Hint(typing.NamedTuple):
    ttl: str | None
    path: str
    """The JSON path of the ``cache_control`` in the original request."""


def hints(request: dict[str, Any]) -> dict[str, Hint]:
    """Block identity -> the hint that marks it. A tool result's own hint marks its last content
    block (the same prompt prefix ends there; a string is one text block); a hint of that block
    itself wins."""
    out: dict[str, Hint] = {}

    def mark(key: str, holder: dict[str, Any], path: str, *, weak: bool = False) -> None:
        if "cache_control" in holder and not (weak and key in out):
            out[key] = Hint(holder["cache_control"].get("ttl"), f"{path}.cache_control")

    system = request.get("system", [])
    for i, block in enumerate([] if isinstance(system, str) else system):
        mark(_identity(block), block, f"system[{i}]")
    for i, tool in enumerate(request.get("tools", [])):
        mark(f"tool:{tool['name']}", tool, f"tools[{i}]")
    for m, message in enumerate(request["messages"]):
        content = message["content"]
        if isinstance(content, str):
            continue
        for b, block in enumerate(content):
            path = f"messages[{m}].content[{b}]"
            if block["type"] != "tool_result":
                mark(_identity(block), block, path)
                continue
            inner = block["content"]
            if isinstance(inner, str):
                inner = [{"type": "text", "text": inner}]
            for j, item in enumerate(inner):
                mark(_identity(item), item, f"{path}.content[{j}]")
            mark(_identity(inner[-1]), block, path, weak=True)
    return out


def _carried(key: str, target: str) -> bool:
    """Whether the block ``key`` names can hold a hint in ``target``."""
    if key.startswith(("tool:", "tool_use:")):
        return False
    return not (target == "responses" and key.startswith("text:a"))


def _ttl_said(target: str, dialect: str) -> bool:
    return target == "chat" and dialect == "openrouter"


def _expected_cache_losses(
    request: dict[str, Any], target: str, dialect: str
) -> set[tuple[str, str]]:
    """The cache losses a conversion must report: each hint on a block the target cannot mark,
    each anthropic ttl the target cannot say, and each tool result's ttl that differs from the
    one its last part has of its own."""
    expected = set()
    for key, hint in hints(request).items():
        if not _carried(key, target):
            expected.add((hint.path, "cache_control"))
        elif hint.ttl is not None and not _ttl_said(target, dialect):
            expected.add((f"{hint.path}.ttl", "cache_control.ttl"))
    for m, message in enumerate(request["messages"]):
        for b, block in enumerate(message["content"]):
            inner = block.get("content")
            if block["type"] != "tool_result" or "cache_control" not in block:
                continue
            last = inner[-1] if isinstance(inner, list) else {}
            if "cache_control" in last and last["cache_control"] != block["cache_control"]:
                expected.add((f"messages[{m}].content[{b}].cache_control.ttl", "cache_control.ttl"))
    return expected


def _round_trips() -> Iterator[Any]:
    for fmt, dialect in TARGETS:
        if dialect != "reasoning_content":
            yield pytest.param(fmt, dialect, id=f"{fmt}-{dialect}")


@pytest.mark.parametrize(("target", "dialect"), list(_round_trips()))
@given(request=cached_requests())
def test_hints_survive_a_round_trip_on_the_same_blocks(
    target: str, dialect: str, request: dict[str, Any]
) -> None:
    """anthropic -> chat (openrouter / openai) / Responses -> anthropic: every hint the middle
    format can hold comes back on the same block (with its ttl where the middle can say it);
    exactly the others are reported."""
    middle, losses = convert(request, "anthropic", target, chat_dialect=dialect)
    assert_valid(middle, target, dialect)
    back, _ = convert(middle, target, "anthropic")
    assert_sdk_strict(back, *SDK_TYPES[("anthropic", "MessageCreateParams")])
    before = hints(request)
    expected = {
        key: hint.ttl if _ttl_said(target, dialect) else None
        for key, hint in before.items()
        if _carried(key, target)
    }
    assert {key: hint.ttl for key, hint in hints(back).items()} == expected
    assert set(cache_losses(losses)) == _expected_cache_losses(request, target, dialect)
