"""Legacy Completions wire models -> ir (non-streaming): requests, responses, error bodies.

Every wire field with a neutral meaning becomes an ir field; everything else of that wire object
(fields only Completions has — ``echo``, ``suffix``, ``best_of``, ``system_fingerprint`` — ``null``
values the ir cannot tell from absent ones, unknown extra fields) stays in the node's ``extra``
under ``"completions"``, so ``encode(decode(x)) == x`` exactly.

**The prompt.** One text (``"..."``) or a batch of one (``["..."]``) is one user message with one
text part (``text_form`` tells the two apart). Anything else — a batch of several prompts (which
OpenAI answers as that many separate completions), token ids, ``null`` — has no conversation form:
it stays in ``extra`` (the request has no messages) and is reported lost by other formats.

**Partial objects.** A wire sub-object whose fields are only partly neutral (``stream_options``,
a choice's ``logprobs``, the usage details, the ``error`` object) keeps the rest of its fields in
``extra`` under the sub-object's own key, merged back by the encoder.

**Logprobs.** A choice's ``tokens`` / ``token_logprobs`` / ``top_logprobs`` become the text
part's ``TokenLogprob``\\ s when all three are complete lists of one length (no ``null`` entries,
which an ``echo`` of the prompt produces); ``text_offset`` stays a partial object in the text
part's ``extra``. Otherwise the whole ``logprobs`` object stays in the candidate's ``extra``.

**Finish reasons** other servers spell differently (``eos``, ``end``, ``max_tokens`` …) read as
the stop they mean (:func:`.tables.read_finish_reason`); the literal value rides in the
candidate's ``echo``, and comes back to a Completions client.

**Request logprobs** ``logprobs: k`` is ``logprobs=True, top_logprobs=k`` for ``0 <= k <= 5`` (the
API's range); other values stay in ``extra``.
"""

from __future__ import annotations

from typing import Any

from .. import _openai_errors, ir
from .._codec import leftover, leftover_extra
from ..chat.models.errors import ErrorResponse
from ..options import Format
from ..wire import json_path
from .models import Completion, CompletionChoice, CompletionCreateParams, Logprobs
from .tables import is_finish_alias, read_finish_reason
from .usage import decode_usage

__all__ = ["decode_error", "decode_request", "decode_response"]

FMT: Format = "completions"

#: request wire field -> ir Request field, for the values that map one to one
_SCALARS: dict[str, str] = {
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
_MAX_LOGPROBS = 5


# --------------------------------------------------------------------------- requests


def decode_request(req: CompletionCreateParams, *, path: str = "") -> ir.Request:
    """The ir of a Completions create request."""
    consumed = {"model"}
    fields: dict[str, Any] = {}
    for wire, name in _SCALARS.items():
        value = getattr(req, wire)
        if value is not None:
            fields[name] = dict(value) if isinstance(value, dict) else value
            consumed.add(wire)
    if req.max_tokens is not None:
        fields["max_tokens_field"] = "max_tokens"
    if req.stop is not None:
        fields["stop_text_form"] = isinstance(req.stop, str)
        fields["stop"] = (req.stop,) if isinstance(req.stop, str) else tuple(req.stop)
        consumed.add("stop")
    if req.logprobs is not None and 0 <= req.logprobs <= _MAX_LOGPROBS:
        fields["logprobs"] = True
        fields["top_logprobs"] = req.logprobs
        consumed.add("logprobs")
    message = _prompt_message(req.prompt, json_path(["prompt"], path))
    if message is not None:
        fields["messages"] = (message,)
        consumed.add("prompt")
    extra = leftover(req, consumed)
    if req.stream_options is not None:
        include_usage = req.stream_options.include_usage
        if include_usage is not None:
            fields["include_usage"] = include_usage
            extra.pop("stream_options")
            rest = leftover(req.stream_options, {"include_usage"})
            if rest:
                extra["stream_options"] = rest
    return ir.Request(path=path, extra=ir.with_extra(FMT, extra), model=req.model, **fields)


def _prompt_message(prompt: object, path: str) -> ir.Message | None:
    """The user message of a one-text prompt; ``None`` for every other prompt shape."""
    if isinstance(prompt, str):
        text, text_form, part_path = prompt, True, path
    elif isinstance(prompt, list) and len(prompt) == 1 and isinstance(prompt[0], str):
        text, text_form, part_path = prompt[0], False, json_path([0], path)
    else:
        return None
    part = ir.TextPart(path=part_path, text=text)
    return ir.Message(path=path, role="user", parts=(part,), text_form=text_form)


# --------------------------------------------------------------------------- responses


def decode_response(resp: Completion, *, path: str = "") -> ir.Response:
    """The ir of a Completions response (a ``text_completion`` object)."""
    consumed = {"id", "object", "created", "model", "choices"}
    usage = None
    if resp.usage is not None:
        usage = decode_usage(resp.usage, path=json_path(["usage"], path))
        consumed.add("usage")
    candidates = tuple(
        _candidate(choice, json_path(["choices", i], path)) for i, choice in enumerate(resp.choices)
    )
    return ir.Response(
        path=path,
        extra=leftover_extra(FMT, resp, consumed),
        id=resp.id,
        model=resp.model,
        created=resp.created,
        candidates=candidates,
        usage=usage,
    )


def _candidate(choice: CompletionChoice, path: str) -> ir.Candidate:
    consumed = {"index", "text"}
    raw = choice.finish_reason
    stop = read_finish_reason(raw) if raw is not None else None
    if stop is not None:  # a null (or unknown) one stays in extra, written back as it came
        consumed.add("finish_reason")
    # another server's spelling: the literal value is restated for a Completions client
    echo = {"finish_reason": raw} if raw is not None and is_finish_alias(raw) else {}
    logprobs = _token_logprobs(choice.logprobs)
    part_extra: dict[str, Any] = {}
    if logprobs is not None and choice.logprobs is not None:
        consumed.add("logprobs")
        part_extra = leftover(choice.logprobs, {"tokens", "token_logprobs", "top_logprobs"})
    part = ir.TextPart(
        path=path,
        extra=ir.with_extra(FMT, {"logprobs": part_extra} if part_extra else {}),
        text=choice.text,
        logprobs=logprobs,
    )
    return ir.Candidate(
        path=path,
        extra=leftover_extra(FMT, choice, consumed),
        index=choice.index,
        parts=(part,),
        stop_reason=stop,
        raw_stop_reason=raw,
        echo=ir.with_extra(FMT, echo),
    )


def _token_logprobs(logprobs: Logprobs | None) -> tuple[ir.TokenLogprob, ...] | None:
    """The tokens of ``logprobs`` when they are complete; ``None`` when they cannot be neutral."""
    if logprobs is None:
        return None
    tokens, values, tops = logprobs.tokens, logprobs.token_logprobs, logprobs.top_logprobs
    if tokens is None or values is None or tops is None:
        return None
    if not len(tokens) == len(values) == len(tops):
        return None
    out = []
    for token, value, top in zip(tokens, values, tops, strict=True):
        if value is None or top is None:
            return None
        alternatives = tuple(ir.TokenLogprob(token=t, logprob=lp) for t, lp in top.items())
        out.append(ir.TokenLogprob(token=token, logprob=value, top=alternatives))
    return tuple(out)


# --------------------------------------------------------------------------- errors


def decode_error(body: ErrorResponse, *, status: int | None = None, path: str = "") -> ir.ApiError:
    """The ir of an error body (the OpenAI ``{"error": {...}}`` shape Chat Completions and the
    Responses API send too) and its HTTP status
    (:func:`openai_claude_bridge._openai_errors.decode`)."""
    return _openai_errors.decode(body, status, path, FMT)
