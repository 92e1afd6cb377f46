"""Hypothesis strategies: valid payloads and streams of every format, and relatives of your own.

Everything generated is *realistic*, not merely schema-valid: it validates against this
package's strict models (``to_wire(from_wire(T, payload)) == payload``) and against the official
SDK types (checked by this project's own tests), and it follows the rules the APIs hold:
conversations alternate the way their API wants, every tool result answers an earlier call with
its id, thinking carries a signature, a response's stop reason follows what it emitted, a stream
is complete and well formed with the quirks real servers have.

Generated from nothing (each keyword says what *may* occur; ``False`` keeps it out):

* :func:`requests` — multi-turn conversations with tools, results, images, reasoning, structured
  output and cache hints;
* :func:`responses` — every stop reason, usage with cache and reasoning tokens, refusals,
  parallel calls, citations, server tools;
* :func:`streams` — whole streams, realistically chunked, with the quirks of real servers;
* :func:`wire_payloads` — schema-valid payloads of any one of this package's wire models.

Built from your samples:

* :func:`variations_of` — the payload with unknown fields added, optional fields dropped, ids
  changed consistently, texts replaced by any Unicode; still valid for its format;
* :func:`rechunked` — a stream with its deltas split and merged anywhere;
* :func:`byte_splits` — any split of an SSE body's bytes, inside UTF-8 characters and ``\\r\\n``.

Every strategy draws plain JSON (``dict`` / ``list``; :func:`byte_splits` draws bytes), ready to
feed to the bridge or to a proxy.
Also here: :data:`QUIRKS` (the quirk names :func:`streams` knows), :func:`stop_reasons` (a
format's stop reasons, as ``stop_reasons=`` takes them), :data:`json_values` (free-form JSON).

A test of a proxy's translation, for instance::

    from hypothesis import given
    from openai_claude_bridge.testing import check_stream, streams

    @given(streams("chat"))
    def test_my_proxy_streams(events):
        assert check_stream("anthropic", my_proxy.translate(events)) == []
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any, get_args

from hypothesis import strategies as st

from ...options import Format, check_format
from . import _plans, _requests, _responses, _streams
from ._chunking import byte_splits, rechunked
from ._payloads import json_values, wire_payloads
from ._streams import Quirk
from ._variations import variations_of

__all__ = [
    "QUIRKS",
    "Quirk",
    "byte_splits",
    "json_values",
    "rechunked",
    "requests",
    "responses",
    "stop_reasons",
    "streams",
    "variations_of",
    "wire_payloads",
]

#: Every quirk :func:`streams` knows (each applies to the formats named in its docstring).
QUIRKS: tuple[Quirk, ...] = get_args(Quirk)


@st.composite
def _rendered(
    draw: st.DrawFn, plans: st.SearchStrategy[Any], render: Callable[..., Any], *args: Any
) -> Any:
    """A plan drawn from ``plans``, then rendered by ``render(plan, *args)`` (a strategy)."""
    return draw(render(draw(plans), *args))


def stop_reasons(format: Format) -> tuple[str, ...]:
    """The stop reasons :func:`responses` and :func:`streams` can generate for ``format``, in
    its own vocabulary: anthropic ``stop_reason``; chat and completions ``finish_reason``;
    Responses ``completed`` or the ``incomplete_details.reason`` of an incomplete response."""
    return tuple(_responses.STOPS[check_format(format)])


def requests(
    format: Format,
    *,
    tools: bool = True,
    tool_results: bool = True,
    images: bool = True,
    reasoning: bool = True,
    structured_output: bool = True,
    cache_hints: bool = True,
    dialects: bool = True,
    max_turns: int = 6,
) -> st.SearchStrategy[dict[str, Any]]:
    """Requests of ``format``: multi-turn conversations that follow the API's turn rules.

    Each keyword says what may occur (``False`` keeps it out):

    * ``tools`` — declared function tools (JSON schemas, ``strict`` where the schema allows
      it), ``tool_choice`` (never a forced choice beside anthropic thinking), the parallel flag;
    * ``tool_results`` — assistant turns that call tools (several at once unless the request
      forbids parallel calls), answered in the next turn with matching ids (``is_error``, images
      inside anthropic and Responses results);
    * ``images`` — images (inline base64 or URLs) in user turns and tool results;
    * ``reasoning`` — a reasoning configuration (anthropic ``thinking`` with a budget below
      ``max_tokens``, ``reasoning_effort``, Responses ``reasoning`` with encrypted content
      included) and reasoning in the history (signed ``thinking`` and ``redacted_thinking``,
      Responses ``reasoning`` items with ``encrypted_content``, chat dialect fields);
    * ``structured_output`` — a JSON schema response format;
    * ``cache_hints`` — prompt-cache breakpoints (at most four anthropic ``cache_control``),
      ``prompt_cache_key``;
    * ``dialects`` — chat fields real servers read that the official API lacks
      (``reasoning_content``, OpenRouter's ``reasoning`` / ``reasoning_details`` and
      ``cache_control`` on parts); without it chat requests are official-API only;
    * ``max_turns`` — the most user turns (tool results count as one), at least 1; the
      conversation always ends on the user's side.

    Completions requests render the conversation's words as a ``prompt``.
    """
    fmt = check_format(format)
    if max_turns < 1:
        raise ValueError(f"max_turns must be at least 1, not {max_turns}")
    options = _plans.ConversationOptions(
        tools=tools,
        tool_results=tool_results,
        images=images,
        reasoning=reasoning,
        structured_output=structured_output,
        cache_hints=cache_hints,
        max_turns=max_turns,
    )
    return _rendered(_plans.conversations(options), _requests.RENDERERS[fmt], dialects)


def _reply_options(
    fmt: Format,
    chosen: Collection[str] | None,
    *,
    usage: bool,
    refusals: bool,
    parallel_calls: bool,
    citations: bool,
    reasoning: bool,
    server_tools: bool,
    dialects: bool,
    max_choices: int,
) -> tuple[_plans.ReplyOptions, tuple[_plans.Stop, ...]]:
    """The plan options of a reply in ``fmt``, and the plan stops of the chosen stop reasons."""
    if max_choices < 1:
        raise ValueError(f"max_choices must be at least 1, not {max_choices}")
    table = _responses.STOPS[fmt]
    if chosen is None:
        dropped = set()
        if not refusals:
            dropped |= {"refusal", "content_filter"}
        if not server_tools:
            dropped.add("pause_turn")
        chosen = [reason for reason in table if reason not in dropped]
    unknown = sorted(set(chosen) - set(table))
    if unknown or not chosen:
        raise ValueError(
            f"stop_reasons for {fmt!r} are some of {', '.join(table)}; got {sorted(chosen)}"
        )
    stops = tuple(sorted({stop for reason in chosen for stop in table[reason]}))
    several = fmt in ("chat", "completions")
    options = _plans.ReplyOptions(
        stops=stops,
        usage=usage,
        refusals=refusals,
        parallel_calls=parallel_calls,
        citations=citations and fmt != "completions",
        reasoning=reasoning,
        server_tools=server_tools and fmt != "completions",
        max_choices=max_choices if several else 1,
        choices_allowed=several,
        reasoning_allowed=fmt in ("anthropic", "responses") or (fmt == "chat" and dialects),
        refusal_parts=refusals and fmt in ("chat", "responses"),
    )
    return options, stops


def responses(
    format: Format,
    *,
    stop_reasons: Collection[str] | None = None,
    usage: bool = True,
    refusals: bool = True,
    parallel_calls: bool = True,
    citations: bool = True,
    reasoning: bool = True,
    server_tools: bool = True,
    dialects: bool = True,
    max_choices: int = 3,
) -> st.SearchStrategy[dict[str, Any]]:
    """Non-streaming responses of ``format`` whose content agrees with their stop reason.

    * ``stop_reasons`` — which stop reasons to generate, in the format's own vocabulary (see
      :func:`~openai_claude_bridge.testing.strategies.stop_reasons`); default: all of them
      (those the other keywords keep out aside). A ``tool_use`` / ``tool_calls`` stop has
      calls; ``end_turn`` / ``stop`` has text and no calls; ``max_tokens`` / ``length`` a cut
      text; ``pause_turn`` a server tool; ``refusal`` maybe some text.
    * ``usage`` — usage with cache reads and writes and reasoning tokens (without it, only what
      the format requires: anthropic ``input_tokens`` / ``output_tokens``);
    * ``refusals`` — refusal stops (anthropic ``refusal``, ``content_filter``) and refusal parts
      (chat ``refusal``, a Responses ``refusal`` content part);
    * ``parallel_calls`` — several tool calls in one response;
    * ``citations`` — web citations on texts (anthropic ``web_search_result_location``,
      ``url_citation`` annotations);
    * ``reasoning`` — signed thinking, ``redacted_thinking``, Responses reasoning items
      (summaries, ``encrypted_content``, ``reasoning_text``), chat dialect reasoning;
    * ``server_tools`` — server-side web searches (anthropic ``server_tool_use`` +
      ``web_search_tool_result``, Responses ``web_search_call``), what the citations cite;
    * ``dialects`` — chat reasoning fields of other servers (``reasoning_content``,
      ``reasoning`` / ``reasoning_details``); without it chat output is official-API only;
    * ``max_choices`` — the most choices (``n``) of a chat or completions response.
    """
    fmt = check_format(format)
    options, stops = _reply_options(
        fmt,
        stop_reasons,
        usage=usage,
        refusals=refusals,
        parallel_calls=parallel_calls,
        citations=citations,
        reasoning=reasoning,
        server_tools=server_tools,
        dialects=dialects,
        max_choices=max_choices,
    )
    return _rendered(
        _plans.replies(options, stops=stops), _responses.RENDERERS[fmt], usage, dialects
    )


def streams(
    format: Format,
    *,
    quirks: bool | Collection[Quirk] = True,
    stop_reasons: Collection[str] | None = None,
    usage: bool = True,
    refusals: bool = True,
    parallel_calls: bool = True,
    citations: bool = True,
    reasoning: bool = True,
    server_tools: bool = True,
    dialects: bool = True,
    max_choices: int = 3,
) -> st.SearchStrategy[list[dict[str, Any]]]:
    """Whole streams of ``format`` (the JSON object of each SSE ``data:`` frame, in order).

    A stream is complete and well formed: it says what a :func:`responses` of the same content
    says, its texts, reasoning and arguments cut into fragments of varied sizes (often next to
    a multi-byte character), every event a whole JSON object. ``quirks`` says which quirks of
    real servers may occur: ``True`` (all of :data:`QUIRKS` that apply to the format),
    ``False`` (none), or a collection of names — ``pings`` (anthropic); ``empty_first_chunk``,
    ``null_fields``, ``packed_chunks``, ``interleaved_calls``, ``index_zero_calls``,
    ``repeated_call_fields``, ``late_name``, ``usage_on_finish`` (chat);
    ``interleaved_items`` (Responses); ``interleaved_choices`` (chat, completions). Chat
    reasoning rides in the dialect fields (``reasoning_content``, ``reasoning``,
    ``reasoning_details``) when ``dialects`` is on. The other keywords are those of
    :func:`responses` (with ``usage``, chat and completions streams end with a usage chunk).

    The chat ``[DONE]`` sentinel is not an event: it belongs to the SSE body.
    """
    fmt = check_format(format)
    if isinstance(quirks, bool):
        allowed = frozenset(QUIRKS if quirks else ())
    else:
        unknown = sorted(set(quirks) - set(QUIRKS))
        if unknown:
            raise ValueError(f"unknown quirks {unknown}; known: {', '.join(QUIRKS)}")
        allowed = frozenset(quirks)
    options, stops = _reply_options(
        fmt,
        stop_reasons,
        usage=usage,
        refusals=refusals,
        parallel_calls=parallel_calls,
        citations=citations,
        reasoning=reasoning,
        server_tools=server_tools,
        dialects=dialects,
        max_choices=max_choices,
    )
    return _rendered(
        _plans.replies(options, stops=stops), _streams.RENDERERS[fmt], usage, dialects, allowed
    )
