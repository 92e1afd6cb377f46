"""Token usage of legacy Completions (``CompletionUsage``, the Chat Completions model) <-> ir.

``prompt_tokens`` includes cached tokens, as the ir's ``input_tokens`` does, so the counts map
one to one: ``prompt_tokens_details.cached_tokens`` / ``cache_write_tokens`` are the cache read /
write split, ``completion_tokens_details.reasoning_tokens`` the reasoning tokens.

A details object is partly neutral: its counts with an ir field are decoded, the rest of it
(other counts, ``null`` values, unknown fields) is kept in the usage node's ``extra`` under the
details' own key as a *partial object*, and merged back by the encoder. A ``null`` details object
stays ``null`` in ``extra``.

The encoder never invents a count: without both ``input_tokens`` and ``output_tokens`` there is
no usage (reported lost); ``total_tokens`` is their sum when the ir does not know it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import ir
from .._codec import build, leftover, report_foreign_extra
from ..options import Format, Options
from ..wire import WireModel
from .models import CompletionUsage

__all__ = ["decode_usage", "encode_usage"]

FMT: Format = "completions"

#: details key -> {wire count name: ir Usage field}
_DETAILS: Mapping[str, Mapping[str, str]] = {
    "prompt_tokens_details": {
        "cached_tokens": "cache_read_tokens",
        "cache_write_tokens": "cache_write_tokens",
    },
    "completion_tokens_details": {"reasoning_tokens": "reasoning_tokens"},
}
_COUNTS = ("prompt_tokens", "completion_tokens", "total_tokens")
#: The details keys in the order of the usage's wire fields.
_DETAILS_IN_ORDER = tuple(key for key in CompletionUsage.model_fields if key in _DETAILS)


def decode_usage(usage: CompletionUsage, *, path: str = "usage") -> ir.Usage:
    """The ir usage of ``usage``."""
    counts: dict[str, Any] = {}
    kept: dict[str, dict[str, Any] | None] = {}  # details key -> its rest (None: all said)
    for key in _DETAILS_IN_ORDER:
        details = getattr(usage, key)
        if isinstance(details, WireModel):
            names = _DETAILS[key]
            found = {wire: getattr(details, wire) for wire in names}
            found = {wire: value for wire, value in found.items() if value is not None}
            counts.update({names[wire]: value for wire, value in found.items()})
            rest = leftover(details, found)
            # an empty details object is kept to be written back
            kept[key] = rest if rest or not found else None
    return ir.Usage(
        path=path,
        extra=ir.with_extra(FMT, _leftovers(usage, kept)),
        input_tokens=usage.prompt_tokens,
        output_tokens=usage.completion_tokens,
        total_tokens=usage.total_tokens,
        **counts,
    )


def _leftovers(usage: CompletionUsage, kept: Mapping[str, dict[str, Any] | None]) -> dict[str, Any]:
    """The usage's leftover fields, the details objects read (``kept``) by the rest of each, in
    the order of the usage's wire fields. The details objects read are not dumped: the other
    leftovers come without them, and the rests follow them in order when there are no others
    (else, rarely, the usage is dumped whole and the rests laid over the details)."""
    rests = {key: rest for key, rest in kept.items() if rest is not None}
    others = leftover(usage, (*_COUNTS, *kept))
    if not others:
        return rests
    if not rests:
        return others
    extra = leftover(usage, _COUNTS)
    for key, rest in kept.items():
        if rest is None:
            del extra[key]
        else:
            extra[key] = rest
    return extra


def encode_usage(usage: ir.Usage, options: Options) -> CompletionUsage | None:
    """The Completions usage of ``usage``; ``None`` (reported lost) when the ir does not know
    both the input and the output tokens."""
    report_foreign_extra(usage, FMT, options)
    _report_unsayable(usage, options)
    if usage.input_tokens is None or usage.output_tokens is None:
        options.lose(usage.path, "usage", "completions usage needs both input and output counts")
        return None
    total = usage.total_tokens
    if total is None:
        total = usage.input_tokens + usage.output_tokens
    fields: dict[str, Any] = {
        "prompt_tokens": usage.input_tokens,
        "completion_tokens": usage.output_tokens,
        "total_tokens": total,
    }
    own = ir.extra_for(usage, FMT)
    for key, names in _DETAILS.items():
        counts = {wire: getattr(usage, field) for wire, field in names.items()}
        counts = {wire: value for wire, value in counts.items() if value is not None}
        partial = own.get(key)
        if counts or isinstance(partial, Mapping):
            fields[key] = {**(partial if isinstance(partial, Mapping) else {}), **counts}
    return build(CompletionUsage, fields, usage, FMT)


def _report_unsayable(usage: ir.Usage, options: Options) -> None:
    if usage.web_search_requests is not None:
        options.lose(
            ir.field_path(usage, "web_search_requests"),
            "web_search_requests",
            "completions usage has no server tool counts",
        )
    if usage.service_tier is not None:
        options.lose(
            ir.field_path(usage, "service_tier"),
            "service_tier",
            "completions responses do not report a service tier",
        )
