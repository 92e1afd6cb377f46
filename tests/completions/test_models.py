"""The legacy Completions wire models: round trips, SDK oracle, drift, bad input, hypothesis.

``Completion`` is both the response and the stream chunk shape. Streamed chunks carry
``finish_reason: null`` (and with ``echo`` the first token's log probabilities are ``null``) which
the SDK's types do not allow, so those fixtures are ``*.lenient.*``.
"""

# ruff: noqa: E501  (the SDK-pairing and bad-input tables read best one entry per line)

from __future__ import annotations

import typing
from typing import Any

import pytest
from hypothesis import given
from openai.types import completion, completion_choice, completion_create_params
from pydantic import BaseModel

from openai_claude_bridge import InvalidInputError, chat, completions, from_wire, to_wire
from openai_claude_bridge.testing.strategies import wire_payloads
from openai_claude_bridge.wire import WireModel
from tests.support.drift import literal_values
from tests.support.models import exported_models, instances, our_fields
from tests.support.oracle import assert_sdk_strict, sdk_errors, sdk_fields
from tests.support.roundtrip import (
    assert_json_identical,
    assert_roundtrip,
    fixture_cases,
    is_lenient,
    resolve_type,
)

FMT = "completions"
CASES = fixture_cases(FMT)

SDK_TYPES: dict[str, tuple[Any, ...]] = {
    "CompletionCreateParams": (
        completion_create_params.CompletionCreateParamsNonStreaming,
        completion_create_params.CompletionCreateParamsStreaming,
    ),
    "Completion": (completion.Completion,),
}


# --------------------------------------------------------------------------- fixtures


@pytest.mark.parametrize(("type_name", "case_id", "payload"), CASES)
def test_fixture_round_trip_and_sdk_strict(type_name: str, case_id: str, payload: Any) -> None:
    model = assert_roundtrip(resolve_type(FMT, type_name), payload)
    if is_lenient(case_id):
        return
    assert type_name in SDK_TYPES, f"add the SDK type(s) of {type_name} to SDK_TYPES"
    assert_sdk_strict(to_wire(model), *SDK_TYPES[type_name])


def _lenient_files() -> dict[str, tuple[str, list[Any]]]:
    files: dict[str, tuple[str, list[Any]]] = {}
    for param in CASES:
        type_name, case_id, payload = param.values
        if is_lenient(case_id):
            key = f"{type_name}/{case_id.split(':')[0]}"
            files.setdefault(key, (type_name, []))[1].append(payload)
    return files


@pytest.mark.parametrize("key", sorted(_lenient_files()))
def test_lenient_fixtures_really_are_outside_the_sdk(key: str) -> None:
    """A ``*.lenient.*`` file must need its exemption: one of its payloads is outside the SDK."""
    type_name, payloads = _lenient_files()[key]
    if type_name not in SDK_TYPES:
        return
    assert any(sdk_errors(p, *SDK_TYPES[type_name]) for p in payloads), f"{key} passes the SDK"


def test_fixtures_cover_every_model() -> None:
    found: set[type[BaseModel]] = set()
    for param in CASES:
        type_name, _, payload = param.values
        found.update(type(m) for m in instances(from_wire(resolve_type(FMT, type_name), payload)))
    assert sorted(m.__name__ for m in set(exported_models(completions).values()) - found) == []


def test_usage_and_stream_options_are_the_chat_models() -> None:
    assert completions.CompletionUsage is chat.CompletionUsage
    assert completions.CompletionTokensDetails is chat.CompletionTokensDetails
    assert completions.PromptTokensDetails is chat.PromptTokensDetails
    assert completions.ChatCompletionStreamOptionsParam is chat.ChatCompletionStreamOptionsParam


# --------------------------------------------------------------------------- drift


FIELD_PAIRS: list[tuple[type[WireModel], Any]] = [
    (completions.CompletionCreateParams, completion_create_params.CompletionCreateParamsNonStreaming),
    (completions.CompletionCreateParams, completion_create_params.CompletionCreateParamsStreaming),
    (completions.Completion, completion.Completion),
    (completions.CompletionChoice, completion_choice.CompletionChoice),
    (completions.Logprobs, completion_choice.Logprobs),
]  # fmt: skip


@pytest.mark.parametrize(("ours", "theirs"), FIELD_PAIRS, ids=lambda v: v.__name__)
def test_model_fields_match_the_sdk(ours: type[WireModel], theirs: Any) -> None:
    our_keys, our_required = our_fields(ours)
    sdk_keys, sdk_required = sdk_fields(theirs)
    assert our_keys == sdk_keys
    if theirs is completion_create_params.CompletionCreateParamsStreaming:
        sdk_required = sdk_required - {"stream"}  # one model covers both variants
    assert our_required == sdk_required


def test_every_model_is_paired_with_the_sdk() -> None:
    own = {
        m
        for m in set(exported_models(completions).values())
        if m.__module__.startswith(completions.__name__)
    }
    assert own == {p[0] for p in FIELD_PAIRS}


def test_finish_reason_alias_matches_the_sdk() -> None:
    sdk_values = literal_values(
        completion_choice.CompletionChoice.model_fields["finish_reason"].annotation
    )
    assert set(typing.get_args(completions.FinishReason)) == sdk_values


def test_prompt_alias_covers_every_sdk_shape() -> None:
    for prompt in ["text", ["a", "b"], [1, 2, 3], [[1, 2], [3]], [], None]:
        payload = {"model": "m", "prompt": prompt}
        assert_roundtrip(completions.CompletionCreateParams, payload)
        assert_sdk_strict(payload, *SDK_TYPES["CompletionCreateParams"])


# --------------------------------------------------------------------------- construction


def test_object_tag_is_written_when_built_in_code() -> None:
    chunk = completions.Completion(
        id="cmpl-1",
        created=1,
        model="m",
        choices=[completions.CompletionChoice(index=0, text="hi", finish_reason=None)],
    )
    assert to_wire(chunk) == {
        "id": "cmpl-1",
        "object": "text_completion",
        "created": 1,
        "model": "m",
        "choices": [{"index": 0, "text": "hi", "finish_reason": None}],
    }


def test_numbers_keep_their_form() -> None:
    payload = {"model": "m", "prompt": "p", "temperature": 0, "top_p": 0.5, "presence_penalty": 1}
    model = assert_roundtrip(completions.CompletionCreateParams, payload)
    assert type(model.temperature) is int
    assert type(model.top_p) is float


def test_prompt_null_and_absent_differ() -> None:
    assert to_wire(from_wire(completions.CompletionCreateParams, {"model": "m", "prompt": None}))
    with pytest.raises(InvalidInputError) as info:
        from_wire(completions.CompletionCreateParams, {"model": "m"})
    assert info.value.path == "prompt"


def test_unknown_finish_reason_and_extras_survive() -> None:
    payload = {
        "id": "c",
        "object": "text_completion",
        "created": 1,
        "model": "m",
        "choices": [{"index": 0, "text": "", "finish_reason": "abort", "stop_reason": 7}],
        "x_extra": {"a": [1.0, 1]},
    }
    model = assert_roundtrip(completions.Completion, payload)
    assert model.choices[0].finish_reason == "abort"
    assert_json_identical(model.model_extra, {"x_extra": {"a": [1.0, 1]}})


# --------------------------------------------------------------------------- bad input

_BASE = {"id": "c", "object": "text_completion", "created": 1, "model": "m"}


@pytest.mark.parametrize(
    ("tp", "payload", "path", "fragment"),
    [
        (completions.CompletionCreateParams, {"prompt": "p"}, "model", "required field is missing"),
        (completions.CompletionCreateParams, {"model": "m"}, "prompt", "required field is missing"),
        (completions.CompletionCreateParams, {"model": 1, "prompt": "p"}, "model", "valid string"),
        (completions.CompletionCreateParams, {"model": "m", "prompt": [[1], [2, "x"]]}, "prompt[1][1]", "valid integer"),
        (completions.CompletionCreateParams, {"model": "m", "prompt": [True]}, "prompt[0]", "boolean true"),
        (completions.CompletionCreateParams, {"model": "m", "prompt": "p", "logprobs": True}, "logprobs", "valid integer"),
        (completions.CompletionCreateParams, {"model": "m", "prompt": "p", "best_of": 1.5}, "best_of", "valid integer"),
        (completions.CompletionCreateParams, {"model": "m", "prompt": "p", "stop": [1]}, "stop[0]", "valid string"),
        (completions.CompletionCreateParams, {"model": "m", "prompt": "p", "stream_options": {"include_usage": 1}}, "stream_options.include_usage", "valid boolean"),
        (completions.CompletionCreateParams, {"model": "m", "prompt": "p", "logit_bias": {"50256": "-100"}}, 'logit_bias["50256"]', "valid integer"),
        (completions.Completion, {**_BASE, "choices": [{"index": 0, "finish_reason": "stop"}]}, "choices[0].text", "required field is missing"),
        (completions.Completion, {**_BASE, "choices": [{"index": 0, "text": "a"}]}, "choices[0].finish_reason", "required field is missing"),
        (completions.Completion, {**_BASE, "choices": [{"index": 0, "text": "a", "finish_reason": "stop", "logprobs": {"token_logprobs": [0.1, "x"]}}]}, "choices[0].logprobs.token_logprobs[1]", "valid number"),
        (completions.Completion, {**_BASE, "choices": [{"index": 0, "text": "a", "finish_reason": "stop", "logprobs": {"top_logprobs": [{"a": "b"}]}}]}, "choices[0].logprobs.top_logprobs[0].a", "valid number"),
        (completions.Completion, {**_BASE, "object": "chat.completion", "choices": []}, "object", "'chat.completion'"),
        (completions.Completion, {**_BASE, "choices": [], "usage": {"prompt_tokens": 1}}, "usage.completion_tokens", "required field is missing"),
        (completions.Completion, "not json", "", "not valid JSON"),
    ],
)  # fmt: skip
def test_bad_input_points_at_the_offending_value(
    tp: Any, payload: Any, path: str, fragment: str
) -> None:
    with pytest.raises(InvalidInputError) as info:
        from_wire(tp, payload)
    assert info.value.path == path
    assert fragment in info.value.message


def test_object_prompt_points_at_prompt() -> None:
    with pytest.raises(InvalidInputError) as info:
        from_wire(completions.CompletionCreateParams, {"model": "m", "prompt": {"a": 1}})
    assert info.value.path == "prompt"


# --------------------------------------------------------------------------- hypothesis


@given(wire_payloads(completions.CompletionCreateParams))
def test_generated_requests_round_trip(payload: Any) -> None:
    assert_roundtrip(completions.CompletionCreateParams, payload)


@given(wire_payloads(completions.Completion))
def test_generated_completions_round_trip(payload: Any) -> None:
    assert_roundtrip(completions.Completion, payload)
