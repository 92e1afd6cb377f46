"""ir -> legacy Completions wire models (non-streaming): requests, responses, error bodies.

Built from neutral ir fields only (plus the node's own ``"completions"`` ``extra``, restored by
``_codec.build``), so an ir decoded from Completions comes back exactly and an ir from any other
format gets a valid Completions payload, with every feature Completions cannot express reported
through ``options.lose`` (raised under ``strict``).

**The prompt.** Completions takes one prompt, not a conversation. A single user message with one
text part maps exactly (a string, or a batch of one when the source had a list). Anything else is
flattened: the text of the instructions and of every message is joined, in order, with a blank
line (``"\\n\\n"``) into one string prompt, and each thing that does not survive is reported —
instructions (``instructions``), non-user turns (``role``), further user turns (``turns``),
several text parts in one message (``content_parts``), participant names (``name``), and each
non-text part (``image``, ``document``, ``audio``, ``tool_call``, ``tool_result``, ``reasoning``,
``refusal``, or a native block's own type). Nothing is added to the text but those separators:
no role labels are invented.

**Request settings** without a Completions field are reported under their ir name: ``tools``,
``tool_choice`` (unless ``auto``/``none``), ``parallel_tool_calls`` (when there are tools: without
them it says nothing), ``top_k``, ``reasoning``
(unless it disables reasoning), ``output_format`` (unless plain text), ``metadata``,
``safety_identifier``, ``prompt_cache_key``, ``service_tier``, ``store``. ``top_logprobs`` above
the API's maximum of 5 is lowered to 5 (``top_logprobs``). Stop sequences pass as they are (more
than the API's 4 are left for the API to refuse rather than silently cut). Note that Completions
generates only 16 tokens when ``max_tokens`` is absent; an ir without ``max_tokens`` is written
without it all the same (no value is invented).

**Responses.** Each candidate is a choice whose text is its text parts concatenated (with their
token logprobs); a refusal keeps its text there too, and the choice then finishes with
``content_filter`` (the reason follows what was emitted); other parts are reported lost as above.
Stop reasons map by :data:`~.tables.STOP_FINISH`; approximations are reported (``stop_reason``),
as is a matched stop sequence Completions cannot name (``stop_sequence``). ``finish_reason`` is
never ``null`` (the SDK's ``CompletionChoice`` has no such value): an answer another format gave
no stop reason for finishes ``stop`` (``content_filter`` when it refused), reported as
``stop_reason``; only a Completions source's own ``null`` comes back as it was. A missing id or
creation time comes from ``options.id_factory("cmpl-")`` / ``options.clock()``.

**Errors.** The OpenAI error body Chat Completions and the Responses API use too, written by
their shared codec (:mod:`openai_claude_bridge._openai_errors`): a Completions error comes back
exactly, another format's gets the ``type`` and status its kind maps to.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeAlias, Union

from typing_extensions import assert_never

from .. import _openai_errors, ir
from .._codec import build, is_own, report_foreign_extra
from ..chat.models.errors import ErrorResponse
from ..options import Format, Options
from ..wire import json_path
from .models import Completion, CompletionChoice, CompletionCreateParams, FinishReason, Prompt
from .tables import APPROXIMATE_STOPS, STOP_FINISH, is_finish_alias
from .usage import encode_usage

__all__ = ["encode_error", "encode_request", "encode_response"]

FMT: Format = "completions"
_SEPARATOR = "\n\n"
_MAX_LOGPROBS = 5

#: ir Request field -> request wire field, for the values that map one to one
_SCALARS: Mapping[str, str] = {
    "max_tokens": "max_tokens",
    "temperature": "temperature",
    "top_p": "top_p",
    "frequency_penalty": "frequency_penalty",
    "presence_penalty": "presence_penalty",
    "seed": "seed",
    "n": "n",
    "logit_bias": "logit_bias",
    "user": "user",
    "stream": "stream",
}

#: ir Request fields with no Completions equivalent, reported whenever they are set
_UNSAYABLE: tuple[str, ...] = (
    "top_k",
    "metadata",
    "safety_identifier",
    "prompt_cache_key",
    "service_tier",
    "store",
)

#: The parts a Completions prompt or completion cannot carry.
_NonText: TypeAlias = Union[
    ir.ImagePart,
    ir.DocumentPart,
    ir.AudioPart,
    ir.ToolCallPart,
    ir.ToolResultPart,
    ir.ReasoningPart,
    ir.RefusalPart,
    ir.NativePart,
]


def _own(node: ir.Node) -> Mapping[str, Any]:
    return ir.extra_for(node, FMT)


def _where(node: ir.Node, name: str, parent: ir.Node) -> str:
    """The path of ``node`` (a field ``name`` of ``parent``), for a loss report."""
    return node.path or json_path([name], parent.path)


# --------------------------------------------------------------------------- requests


def encode_request(req: ir.Request, options: Options) -> CompletionCreateParams:
    """The Completions create request for ``req``."""
    report_foreign_extra(req, FMT, options)
    _report_request_settings(req, options)
    fields: dict[str, Any] = {"model": options.model if options.model is not None else req.model}
    if req.messages or req.instructions or "prompt" not in _own(req):
        fields["prompt"] = _prompt(req, options)
    for name, wire in _SCALARS.items():
        value = getattr(req, name)
        if value is not None:
            fields[wire] = value
    if req.stop is not None:
        text_form = req.stop_text_form and len(req.stop) == 1
        fields["stop"] = req.stop[0] if text_form else list(req.stop)
    logprobs = _logprobs(req, options)
    if logprobs is not None:
        fields["logprobs"] = logprobs
    if req.include_usage is not None:
        rest = _own(req).get("stream_options")
        base = dict(rest) if isinstance(rest, Mapping) else {}
        fields["stream_options"] = {**base, "include_usage": req.include_usage}
    return build(CompletionCreateParams, fields, req, FMT)


def _logprobs(req: ir.Request, options: Options) -> int | None:
    if req.logprobs is False:
        return None
    if req.top_logprobs is None:
        return 0 if req.logprobs else None
    top = min(max(req.top_logprobs, 0), _MAX_LOGPROBS)
    if top != req.top_logprobs:
        options.lose(
            json_path(["top_logprobs"], req.path),
            "top_logprobs",
            f"completions returns 0 to {_MAX_LOGPROBS} top logprobs; {req.top_logprobs} became "
            f"{top}",
        )
    return top


def _report_request_settings(req: ir.Request, options: Options) -> None:
    """Report every request setting Completions has no field for."""
    for index, tool in enumerate(req.tools or ()):
        options.lose(
            tool.path or json_path(["tools", index], req.path),
            "tools",
            f"completions has no tools; tool {tool.name!r} is dropped",
        )
    for name in _UNSAYABLE:
        if getattr(req, name) is not None:
            options.lose(ir.field_path(req, name), name, f"completions has no {name} setting")
    if req.parallel_tool_calls is not None and req.tools:  # without tools it says nothing
        reason = "completions has no parallel_tool_calls setting"
        options.lose(ir.field_path(req, "parallel_tool_calls"), "parallel_tool_calls", reason)
    choice, reasoning, output = req.tool_choice, req.reasoning, req.output_format
    if choice is not None:
        lost = choice.mode not in ("auto", "none")
        _report_setting(choice, lost, "tool_choice", req, options)
    if reasoning is not None:
        _report_setting(reasoning, _asks_for_reasoning(reasoning), "reasoning", req, options)
    if output is not None:
        _report_setting(output, output.kind != "text", "output_format", req, options)


def _report_setting(
    node: ir.Node, lost: bool, name: str, req: ir.Request, options: Options
) -> None:
    """Report the setting ``node`` lost, or else the foreign fields it carries."""
    if lost:
        options.lose(_where(node, name, req), name, f"completions has no {name} setting")
    else:
        report_foreign_extra(node, FMT, options)


def _asks_for_reasoning(cfg: ir.ReasoningConfig) -> bool:
    """Whether ``cfg`` asks for anything but no reasoning at all."""
    disabled = cfg.enabled is False or cfg.effort == "none"
    if disabled:
        return cfg.budget_tokens is not None or cfg.summary is not None or cfg.include_encrypted
    return (
        cfg.enabled is not None
        or cfg.adaptive
        or cfg.budget_tokens is not None
        or cfg.effort is not None
        or cfg.summary is not None
        or cfg.include_encrypted
    )


def _prompt(req: ir.Request, options: Options) -> Prompt:
    """The prompt of ``req``: exact for one user text message, else the joined text (see the
    module doc), every part that does not survive reported lost."""
    texts: list[str] = []
    instructions = req.instructions or ()
    for part in instructions:
        texts.extend(_prompt_text(part, options))
    if instructions:
        options.lose(
            instructions[0].path or json_path(["instructions"], req.path),
            "instructions",
            "completions has no system prompt; the instructions' text starts the prompt",
        )
    seen_user = False
    for index, message in enumerate(req.messages):
        where = message.path or json_path(["messages", index], req.path)
        _report_turn(message, where, seen_user, options)
        seen_user = seen_user or message.role == "user"
        own = [text for part in message.parts for text in _prompt_text(part, options)]
        if len(own) > 1:
            options.lose(
                where, "content_parts", "the message's text parts are joined with blank lines"
            )
        texts.extend(own)
    single = _single_text(req)
    if single is not None:
        return single if req.messages[0].text_form else [single]
    return _SEPARATOR.join(texts)


def _single_text(req: ir.Request) -> str | None:
    """The text of a request that is exactly one user message of one text part."""
    if req.instructions or len(req.messages) != 1:
        return None
    message = req.messages[0]
    if message.role != "user" or len(message.parts) != 1:
        return None
    part = message.parts[0]
    return part.text if isinstance(part, ir.TextPart) else None


def _report_turn(message: ir.Message, where: str, seen_user: bool, options: Options) -> None:
    report_foreign_extra(message, FMT, options)
    if message.role != "user":
        options.lose(
            where,
            "role",
            f"completions has no {message.role} turns; the message's text is joined into the "
            "prompt",
        )
    elif seen_user:
        options.lose(
            where, "turns", "completions takes one prompt; this user turn is joined into it"
        )
    if message.name is not None:
        options.lose(json_path(["name"], where), "name", "completions has no participant names")


def _prompt_text(part: ir.Part, options: Options) -> list[str]:
    """The text ``part`` contributes to a prompt ([] when it is reported lost)."""
    if isinstance(part, ir.TextPart):
        _report_text_extras(part, options)
        if part.logprobs is not None:
            options.lose(
                json_path(["logprobs"], part.path), "logprobs", "prompt text has no logprobs"
            )
        return [part.text]
    _lose_part(part, options, "prompt")
    return []


def completion_text(part: ir.Part) -> ir.TextPart | None:
    """The text ``part`` says in a completion: a text part itself, a refusal as its text (the
    choice then finishes with ``content_filter``, :func:`_finish_reason`); ``None`` for every
    other part."""
    if isinstance(part, ir.TextPart):
        return part
    if isinstance(part, ir.RefusalPart):
        return ir.TextPart(
            text=part.text,
            path=part.path,
            extra=part.extra,
            echo=part.echo,
            field_paths=part.field_paths,
        )
    return None


def _report_text_extras(part: ir.TextPart, options: Options) -> None:
    report_foreign_extra(part, FMT, options)
    if part.cache is not None:
        options.lose(
            part.cache.path or json_path(["cache_control"], part.path),
            "cache_control",
            "completions has no cache breakpoints",
        )
    if part.citations:
        options.lose(ir.field_path(part, "citations"), "citations", "completions has no citations")


def _lose_part(part: _NonText, options: Options, where: str) -> None:
    """Report a part Completions cannot carry in a ``where`` (``prompt`` / ``completion``)."""
    reason = f"a completions {where} is plain text"
    match part:
        case ir.ImagePart():
            options.lose(part.path, "image", f"{reason}; the image is dropped")
        case ir.DocumentPart():
            options.lose(part.path, "document", f"{reason}; the document is dropped")
        case ir.AudioPart():
            options.lose(part.path, "audio", f"{reason}; the audio is dropped")
        case ir.ToolCallPart():
            options.lose(part.path, "tool_call", f"{reason}; tool call {part.name!r} is dropped")
        case ir.ToolResultPart():
            options.lose(part.path, "tool_result", f"{reason}; the tool result is dropped")
        case ir.ReasoningPart():
            options.lose(part.path, "reasoning", f"{reason}; the reasoning is dropped")
        case ir.RefusalPart():
            options.lose(part.path, "refusal", f"{reason}; the refusal is dropped")
        case ir.NativePart():
            options.lose(
                part.path, part.kind, f"{reason}; the {part.format} {part.kind!r} is dropped"
            )
        case _:
            assert_never(part)


# --------------------------------------------------------------------------- responses


def encode_response(resp: ir.Response, options: Options) -> Completion:
    """The Completions response (``text_completion``) for ``resp``."""
    report_foreign_extra(resp, FMT, options)
    if resp.status not in (None, "completed", "incomplete"):
        options.lose(
            json_path(["status"], resp.path),
            "status",
            f"completions has no {resp.status} responses",
        )
    if resp.error_message is not None:
        options.lose(
            json_path(["error"], resp.path), "error_message", "completions has no response error"
        )
    model = options.model if options.model is not None else resp.model
    fields: dict[str, Any] = {
        "id": resp.id if resp.id is not None else options.id_factory("cmpl-"),
        "created": resp.created if resp.created is not None else options.clock(),
        "model": model if model is not None else "",
        "choices": [_choice(candidate, options) for candidate in resp.candidates],
    }
    if resp.usage is not None:
        usage = encode_usage(resp.usage, options)
        if usage is not None:
            fields["usage"] = usage
    return build(Completion, fields, resp, FMT)


def _choice(candidate: ir.Candidate, options: Options) -> CompletionChoice:
    report_foreign_extra(candidate, FMT, options)
    texts: list[ir.TextPart] = []
    for part in candidate.parts:
        text = completion_text(part)
        if text is not None:
            _report_text_extras(text, options)
            texts.append(text)
        elif not isinstance(part, ir.TextPart):  # (a text part always has its text)
            _lose_part(part, options, "completion")
    fields: dict[str, Any] = {
        "index": candidate.index,
        "text": "".join(part.text for part in texts),
    }
    if candidate.stop_reason is not None or "finish_reason" not in _own(candidate):
        # a Completions source's own null comes back as it was (exact round trip)
        fields["finish_reason"] = _finish_reason(candidate, options)
    logprobs = _choice_logprobs(texts, candidate, options)
    if logprobs is not None:
        fields["logprobs"] = logprobs
    return build(CompletionChoice, fields, candidate, FMT)


def _finish_reason(candidate: ir.Candidate, options: Options, *, own: bool | None = None) -> str:
    """The choice's ``finish_reason`` (required: the SDK's ``CompletionChoice`` has no ``null``).
    A Completions source's own spelling of another server (``eos``, ``end`` …) comes back as it
    was (``own``: the candidate is this format's, by default when the decoder marked it so). A
    refusal is ``content_filter`` (the reason follows what was emitted); an answer the source
    gave no stop reason for is ``stop`` (or ``content_filter`` when it refused), reported."""
    stop = candidate.stop_reason
    refused = any(isinstance(part, ir.RefusalPart) for part in candidate.parts)
    if stop is None:
        finish: FinishReason = "content_filter" if refused else "stop"
        options.lose(
            ir.field_path(candidate, "stop_reason"),
            "stop_reason",
            f"the source gave no stop reason; finish_reason {finish!r} follows the answer",
        )
        return finish
    raw = candidate.raw_stop_reason
    if own is None:
        own = is_own(candidate, FMT)
    if own and raw is not None and is_finish_alias(raw):
        return raw
    if stop in ("end_turn", "stop_sequence") and refused:
        stop = "refusal"  # the reason follows what was emitted: a refusal is content_filter
    finish = STOP_FINISH[stop]
    if stop in APPROXIMATE_STOPS:
        options.lose(
            ir.field_path(candidate, "stop_reason"),
            "stop_reason",
            f"completions has no {stop!r} stop; it became {finish}",
        )
    if candidate.stop_sequence is not None:
        options.lose(
            ir.field_path(candidate, "stop_sequence"),
            "stop_sequence",
            "completions does not name the stop sequence that matched",
        )
    return finish


def _choice_logprobs(
    texts: list[ir.TextPart], candidate: ir.Candidate, options: Options
) -> dict[str, Any] | None:
    """The choice's ``logprobs`` from its text parts' tokens (all of them have some, or none is
    written and the partial ones are reported lost)."""
    with_logprobs = [part for part in texts if part.logprobs is not None]
    if not with_logprobs:
        return None
    if len(with_logprobs) != len(texts):
        options.lose(
            json_path(["logprobs"], candidate.path),
            "logprobs",
            "only some text parts have logprobs; completions needs them for the whole text",
        )
        return None
    tokens = [token for part in texts for token in part.logprobs or ()]
    _report_token_extras(tokens, candidate, options)
    rest = _own(texts[0]).get("logprobs") if len(texts) == 1 else None
    return {
        **(dict(rest) if isinstance(rest, Mapping) else {}),
        "tokens": [token.token for token in tokens],
        "token_logprobs": [token.logprob for token in tokens],
        "top_logprobs": [{top.token: top.logprob for top in token.top} for token in tokens],
    }


def _report_token_extras(
    tokens: list[ir.TokenLogprob], candidate: ir.Candidate, options: Options
) -> None:
    if any(t.bytes is not None or any(a.bytes is not None for a in t.top) for t in tokens):
        options.lose(
            json_path(["logprobs"], candidate.path),
            "logprob_bytes",
            "completions logprobs carry no token bytes",
        )
    if any(len({a.token for a in t.top}) != len(t.top) for t in tokens):
        options.lose(
            json_path(["logprobs"], candidate.path),
            "top_logprobs",
            "completions keys top logprobs by token text; repeated tokens are merged",
        )
    for token in tokens:
        report_foreign_extra(token, FMT, options)


# --------------------------------------------------------------------------- errors


def encode_error(err: ir.ApiError, options: Options) -> tuple[int, ErrorResponse]:
    """The HTTP status and OpenAI error body for ``err``
    (:func:`openai_claude_bridge._openai_errors.encode`)."""
    return _openai_errors.encode(err, options, FMT)
