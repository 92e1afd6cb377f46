"""The error hierarchy and the options object."""

from __future__ import annotations

import pytest

from openai_claude_bridge import (
    BridgeError,
    InvalidInputError,
    Loss,
    StreamStateError,
    TruncatedStreamError,
    UnsupportedFeatureError,
)
from openai_claude_bridge.options import (
    FORMATS,
    Options,
    ReasoningPolicy,
    check_format,
    default_clock,
    default_id_factory,
    make_options,
)


def test_hierarchy_and_status_hints() -> None:
    assert issubclass(TruncatedStreamError, InvalidInputError)
    for cls in (InvalidInputError, UnsupportedFeatureError, StreamStateError):
        assert issubclass(cls, BridgeError)
    assert InvalidInputError("x").status_hint == 400
    assert TruncatedStreamError("x").status_hint == 502
    assert UnsupportedFeatureError("x").status_hint == 400
    assert StreamStateError("x").status_hint == 500
    assert InvalidInputError("x", status_hint=413).status_hint == 413


def test_error_attributes_and_message() -> None:
    err = InvalidInputError(
        "required field is missing", path="messages[0].role", event_index=4, feature="role"
    )
    assert (err.path, err.event_index, err.feature) == ("messages[0].role", 4, "role")
    assert str(err) == "event 4, messages[0].role: required field is missing"
    assert str(InvalidInputError("bad")) == "bad"
    assert "path='messages[0].role'" in repr(err)


def test_formats() -> None:
    assert FORMATS == ("anthropic", "chat", "responses", "completions")
    assert check_format("chat") == "chat"
    with pytest.raises(ValueError, match="unknown format 'openai'"):
        check_format("openai")


def test_lose_reports_or_raises() -> None:
    losses: list[Loss] = []
    Options(on_loss=losses.append).lose("messages[1].cache_control", "cache_control", "dropped")
    assert losses == [Loss("messages[1].cache_control", "cache_control", "dropped")]
    Options().lose("x", "y", "z")  # no callback: nothing happens
    with pytest.raises(UnsupportedFeatureError) as info:
        Options(strict=True).lose("top_k", "top_k", "chat has no top_k")
    assert (info.value.path, info.value.feature) == ("top_k", "top_k")


def test_make_options() -> None:
    opts = make_options(strict=True, model="m", chat_dialect="openrouter", reasoning_policy=None)
    assert opts.strict and opts.model == "m" and opts.chat_dialect == "openrouter"
    assert isinstance(opts.reasoning_policy, ReasoningPolicy)
    with pytest.raises(TypeError, match="unknown option"):
        make_options(stict=True)
    with pytest.raises(ValueError, match="chat_dialect"):
        make_options(chat_dialect="deepseek")


def test_defaults_for_ids_and_time() -> None:
    a, b = default_id_factory("msg_"), default_id_factory("msg_")
    assert a.startswith("msg_") and len(a) == 4 + 24 and a != b
    assert default_clock() > 1_700_000_000
    fixed = make_options(id_factory=lambda p: p + "1", clock=lambda: 5)
    assert fixed.id_factory("resp_") == "resp_1" and fixed.clock() == 5


def test_reasoning_policy_table() -> None:
    policy = ReasoningPolicy()
    assert policy.budget_for("none") is None
    assert [policy.budget_for(e) for e in ("minimal", "low", "medium", "high", "xhigh", "max")] == [
        1024,
        2048,
        8192,
        16384,
        24576,
        32768,
    ]
    assert policy.effort_for(100) == "minimal"
    assert policy.effort_for(2048) == "low"
    assert policy.effort_for(10_000) == "medium"
    assert policy.effort_for(1_000_000) == "max"
    custom = ReasoningPolicy(effort_budgets={"low": 1500, "high": 9000})
    assert custom.effort_for(5000) == "low"
    assert custom.budget_for("medium") == 1500  # nearest lower level in the table
    assert custom.budget_for("minimal") == 1500  # none lower: the lowest budget
    for effort in ("low", "high"):
        assert custom.effort_for(custom.budget_for(effort) or 0) == effort


def test_options_are_frozen() -> None:
    with pytest.raises(AttributeError):
        Options().strict = True  # type: ignore[misc]


def test_at_event_records_the_stream_position() -> None:
    err = InvalidInputError("bad delta", path="delta.text")
    err.at_event(7)
    assert err.event_index == 7
    assert str(err) == "event 7, delta.text: bad delta"
