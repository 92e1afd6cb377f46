"""``temperature``, ``top_p`` and ``top_k`` between anthropic and the OpenAI formats.

The anthropic SDK dropped the three from its request types in 1.0; the Messages API still takes
them for the models that support sampling, and the SDK's migration guide says to send them in
the body. So they are a documented dialect of the anthropic request: ``temperature`` and
``top_p`` travel both ways with chat, Responses and Completions, unreported; ``top_k`` stays
anthropic -> anthropic and is reported elsewhere; nothing is ever added. The SDK oracle for the
anthropic request allows exactly these three keys (``tests.support.sdk_types``).
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from openai_claude_bridge import Loss, convert_request, to_wire
from tests.support.oracle import sdk_errors
from tests.support.sdk_types import SDK_TYPES

OPENAI = ("chat", "responses", "completions")
REQUEST_TYPES = {
    "anthropic": "MessageCreateParams",
    "chat": "CompletionCreateParams",
    "responses": "ResponseCreateParams",
    "completions": "CompletionCreateParams",
}


def _request(fmt: str, **sampling: Any) -> dict[str, Any]:
    """A plain request of ``fmt`` with a token limit (so anthropic needs no default)."""
    match fmt:
        case "anthropic":
            return {
                "model": "m",
                "max_tokens": 100,
                "messages": [{"role": "user", "content": "hi"}],
                **sampling,
            }
        case "chat":
            return {
                "model": "m",
                "max_tokens": 100,
                "messages": [{"role": "user", "content": "hi"}],
                **sampling,
            }
        case "responses":
            return {"model": "m", "max_output_tokens": 100, "input": "hi", **sampling}
        case _:
            return {"model": "m", "max_tokens": 100, "prompt": "hi", **sampling}


def _convert(
    payload: dict[str, Any], source: str, target: str
) -> tuple[dict[str, Any], list[Loss]]:
    losses: list[Loss] = []
    out = to_wire(convert_request(payload, source=source, target=target, on_loss=losses.append))
    assert sdk_errors(out, *SDK_TYPES[(target, REQUEST_TYPES[target])]) == []  # type: ignore[index]
    return out, losses


@pytest.mark.parametrize("source", OPENAI)
def test_openai_temperature_and_top_p_reach_anthropic(source: str) -> None:
    out, losses = _convert(_request(source, temperature=0.3, top_p=0.8), source, "anthropic")
    assert (out["temperature"], out["top_p"]) == (0.3, 0.8)
    assert "top_k" not in out
    assert losses == []


@pytest.mark.parametrize("target", OPENAI)
def test_anthropic_temperature_and_top_p_reach_openai_and_top_k_is_reported(target: str) -> None:
    out, losses = _convert(
        _request("anthropic", temperature=0.3, top_p=0.8, top_k=40), "anthropic", target
    )
    assert (out["temperature"], out["top_p"]) == (0.3, 0.8)
    assert "top_k" not in out
    assert [(loss.path, loss.feature) for loss in losses] == [("top_k", "top_k")]


@pytest.mark.parametrize("source", [*OPENAI, "anthropic"])
@pytest.mark.parametrize("target", [*OPENAI, "anthropic"])
def test_sampling_is_never_added(source: str, target: str) -> None:
    out, _ = _convert(_request(source), source, target)
    assert not {"temperature", "top_p", "top_k"} & set(out)


def test_anthropic_sampling_round_trips_exactly() -> None:
    payload = _request("anthropic", temperature=0.3, top_p=0.8, top_k=40)
    out, losses = _convert(payload, "anthropic", "anthropic")
    assert out == payload
    assert losses == []


def test_chat_temperature_above_one_is_capped_for_anthropic() -> None:
    out, losses = _convert(_request("chat", temperature=1.7), "chat", "anthropic")
    assert out["temperature"] == 1
    assert [(loss.path, loss.feature) for loss in losses] == [("temperature", "temperature")]


def test_sampling_refused_while_thinking_is_left_out() -> None:
    """An effort becomes anthropic thinking, which takes temperature 1 only, no top_k and a
    top_p of at least 0.95: what it would refuse is left out, what it takes goes through."""
    payload = {**_request("chat", temperature=0.7, top_p=0.97), "max_tokens": 20000}
    out, losses = _convert({**payload, "reasoning_effort": "low"}, "chat", "anthropic")
    assert out["thinking"]["type"] == "enabled"
    assert "temperature" not in out and out["top_p"] == 0.97
    assert [(loss.path, loss.feature) for loss in losses] == [("temperature", "temperature")]


unit = st.floats(min_value=0, max_value=1, allow_nan=False)


@settings(max_examples=40, deadline=None)
@given(
    source=st.sampled_from(OPENAI),
    temperature=st.none() | unit,
    top_p=st.none() | unit,
)
def test_sampling_survives_a_trip_through_anthropic(
    source: str, temperature: float | None, top_p: float | None
) -> None:
    """OpenAI -> anthropic -> OpenAI keeps exactly the sampling values the client set."""
    sampling = {k: v for k, v in (("temperature", temperature), ("top_p", top_p)) if v is not None}
    there, losses = _convert(_request(source, **sampling), source, "anthropic")
    assert losses == []
    back, losses = _convert(there, "anthropic", source)
    assert {k: back[k] for k in ("temperature", "top_p") if k in back} == sampling
