"""``check_stream_conversion``: the invariants this project holds every stream conversion to.

For one source stream converted ``source -> target`` by a :class:`~openai_claude_bridge.
StreamConverter` (every event fed, then ``finish()``):

1. nothing but a ``BridgeError`` is raised, and no ``InvalidInputError`` for the sample (see
   :mod:`.conversion`: ``conversion.crash`` / ``conversion.refused``);
2. the converted stream keeps the target's stream rules (:func:`check_stream`; for a
   same-format relay, only rules the source stream itself keeps);
3. stream = non-stream: what the converted stream accumulates to says what
   ``convert_response`` makes of what the source accumulates to — the same semantic facts
   (texts, tool calls with ids, names and arguments, stop reason, usage: :mod:`.facts`), ids
   and timestamps aside (or what the target's response of the same stream folded in the ir
   says, where the source format's own response cannot hold what its stream said, e.g. tool
   arguments cut short);
4. chunking does not matter: the source with its deltas merged, and with each delta split in
   two (:mod:`._rechunk`), converts to streams that say the same;
5. a truncated source — cut after its first event, in its middle and before its last event,
   then ``abort()`` — ends with the target's error ending (anthropic ``error`` event, chat /
   Completions ``{"error": …}`` frame, Responses ``response.failed``), never a clean one; under
   ``strict=True`` the cut raises ``TruncatedStreamError`` instead, as it should.

That is at most seven conversions per call, whatever the stream's length. Paths are
``events[i]`` into the source stream, ``output[i]`` into the converted one.

=================================  ==========================================================
rule                               what it means
=================================  ==========================================================
``conversion.crash``               an exception that is not a ``BridgeError`` escaped
``conversion.refused``             the converter refused the sample with a ``BridgeError``
``<target>.*``                     a stream rule of the target (tables in the format modules)
``stream.differs_from_non_stream`` the converted stream accumulates to other facts than the
                                   non-streaming conversion of the accumulated source
``stream.chunking_matters``        merging or splitting the source's deltas changes what the
                                   converted stream says
``stream.truncation_hidden``       a cut source stream was ended cleanly in the target, as if
                                   it were complete (an invented stop)
=================================  ==========================================================
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from pydantic import BaseModel

from ... import convert as _convert
from ..._restore import restore_response
from ...errors import BridgeError, TruncatedStreamError
from ...ir.accumulate import accumulate as accumulate_ir
from ...options import Format, check_format, make_options
from ...stream import StreamConverter, StreamState
from ...wire import to_wire
from ..violations import Violation
from ._chunks import is_error_frame, usage_asked
from ._events import as_json
from ._json_diff import first_difference
from ._rechunk import merged, split
from ._running import run
from .accumulating import accumulate, decode_stream
from .facts import arguments, facts_of
from .stream import check_stream

__all__ = ["check_stream_conversion"]


def check_stream_conversion(
    events: Iterable[Any], *, source: str, target: str, **options: Any
) -> list[Violation]:
    """The violations of this project's stream invariants when ``events`` (a whole ``source``
    stream: JSON objects or this package's event models) are converted to ``target`` by a
    ``StreamConverter`` made with ``options``.

    Never raises for anything the library does; ``[]`` means the conversion keeps every
    invariant. The module docstring lists the rules; it runs at most seven conversions.
    """
    src, tgt = check_format(source, argument="source"), check_format(target, argument="target")
    wire = as_json(events)
    strict = bool(options.get("strict"))
    converted = run(
        lambda: _convert_stream(wire, src, tgt, options),
        what=f"StreamConverter {src} -> {tgt}",
        strict=strict,
    )
    if converted.value is None:
        return list(converted.violations)
    out = converted.value
    found = _rules(wire, out, (src, tgt), options.get("request"))
    final = _facts_of_stream(tgt, out)
    if final is not None:
        found += _non_stream(wire, final, src, tgt, options)
        found += _chunking(wire, final, src, tgt, options)
    found += _truncations(wire, src, tgt, options)
    return found


def _quiet(options: dict[str, Any]) -> dict[str, Any]:
    """``options`` for the extra conversions: the caller's ``on_loss`` hears only the first."""
    return {**options, "on_loss": None}


def _convert_stream(
    events: list[Any], source: Format, target: Format, options: dict[str, Any]
) -> list[Any]:
    converter = StreamConverter(source=source, target=target, **options)
    out = [event for source_event in events for event in converter.feed(source_event)]
    return [to_wire(event) for event in out + converter.finish()]


def _rules(
    events: list[Any],
    out: list[Any],
    direction: tuple[Format, Format],
    request: Any,
    cut: int | None = None,
) -> list[Violation]:
    source, target = direction
    found = check_stream(target, out, request=request)
    if source == target:  # relayed as it came: the source's own looseness is not the bridge's
        own = {violation.rule for violation in check_stream(source, events, request=request)}
        found = [violation for violation in found if violation.rule not in own]
    return [_in_output(violation, cut) for violation in found]


def _in_output(violation: Violation, cut: int | None = None) -> Violation:
    path = violation.path.replace("events[", "output[", 1)
    if cut is None:
        return Violation(violation.rule, path, violation.message)
    return Violation(
        violation.rule, path, f"with the source cut after {cut} events: {violation.message}"
    )


def _facts_of_stream(fmt: Format, events: list[Any]) -> list[tuple[Any, ...]] | None:
    """The semantic facts of what a stream accumulates to (``None``: it has no final
    response, e.g. it ended with an error)."""
    try:
        final = to_wire(accumulate(fmt, events))
    except BridgeError:
        return None
    return [fact for _, fact in facts_of("response", fmt, final)]


def _non_stream(
    events: list[Any],
    final: list[tuple[Any, ...]],
    source: Format,
    target: Format,
    options: dict[str, Any],
) -> list[Violation]:
    unasked = target in ("chat", "completions") and usage_asked(options.get("request")) is False

    def comparable(response: BaseModel) -> list[tuple[Any, ...]]:
        facts = [fact for _, fact in facts_of("response", target, to_wire(response))]
        return _comparable(facts, drop_usage=unasked)

    def non_stream() -> list[tuple[Any, ...]] | None:
        try:
            accumulated = accumulate(source, events)
            response = _convert.convert_response(
                accumulated, source=source, target=target, **_quiet(options)
            )
        except BridgeError:  # no final response to compare (a cut or failed source), or the
            return None  # non-streaming encoder refuses what a stream passes on as it came
        return comparable(response)

    def through_ir() -> list[tuple[Any, ...]] | None:
        try:
            return comparable(_ir_response(events, source, target, options))
        except BridgeError:
            return None

    outcome = run(non_stream, what=f"convert_response {source} -> {target}", strict=False)
    expected = outcome.value
    if expected is None:
        return list(outcome.violations)
    said = _comparable(final, drop_usage=unasked)
    difference = first_difference(said, expected)
    if difference is None:
        return []
    # The source format's own response may not hold what its stream said (an anthropic
    # ``Message`` cannot hold tool arguments cut short, which its stream passed on as they came):
    # the same response folded in the ir, where nothing of the source is lost, is the other
    # non-streaming answer the stream may agree with.
    in_ir = run(through_ir, what=f"the ir response {source} -> {target}", strict=False).value
    if in_ir is not None and first_difference(said, in_ir) is None:
        return []
    return [
        Violation(
            "stream.differs_from_non_stream",
            "output",
            f"the {target} stream accumulates to other facts than convert_response of the "
            f"accumulated source ({difference.lstrip('.')})",
        )
    ]


def _comparable(facts: list[tuple[Any, ...]], *, drop_usage: bool) -> list[tuple[Any, ...]]:
    """``facts`` as a stream and a response are compared: without usage where the request did
    not ask a chat or Completions stream for it, and with a custom tool call's raw input read as
    arguments are (a chat stream has no custom tool-call deltas: it writes the call as a function
    call, a loss it reports, whose arguments are the same text)."""
    return [
        (*fact[:3], arguments(fact[3][1])) if _raw_input(fact) else fact
        for fact in facts
        if not (drop_usage and fact[0] == "usage")
    ]


def _raw_input(fact: tuple[Any, ...]) -> bool:
    """Whether ``fact`` is a tool call with raw (custom) input."""
    return fact[0] == "call" and len(fact) == 4 and fact[3][0] == "text"


def _ir_response(
    events: list[Any], source: Format, target: Format, options: dict[str, Any]
) -> BaseModel:
    """The non-streaming ``target`` response of what ``events`` say, folded in the ir (and
    restored from ``request=`` as ``convert_response`` does)."""
    opts = make_options(**_quiet(options))
    response = accumulate_ir(decode_stream(source, events))
    if opts.request is not None:
        response = restore_response(response, _convert.client_tools(opts.request, target), opts)
    return _convert.codec(target).encode_response(response, opts)


def _chunking(
    events: list[Any],
    final: list[tuple[Any, ...]],
    source: Format,
    target: Format,
    options: dict[str, Any],
) -> list[Violation]:
    found: list[Violation] = []
    variants: list[tuple[str, Callable[[Format, list[Any]], list[Any]]]] = [
        ("merged", merged),
        ("split in two", split),
    ]
    for name, rechunk in variants:
        variant = rechunk(source, events)
        if variant == events:
            continue
        outcome = run(
            partial(_convert_stream, variant, source, target, _quiet(options)),
            what=f"StreamConverter {source} -> {target} on the source with its deltas {name}",
            strict=bool(options.get("strict")),
        )
        if outcome.value is None:
            found += outcome.violations
            continue
        facts = _facts_of_stream(target, outcome.value)
        difference = first_difference(facts, final)
        if difference is not None:
            found.append(
                Violation(
                    "stream.chunking_matters",
                    "output",
                    f"with the source's deltas {name}, the {target} stream says something "
                    f"else ({difference.lstrip('.')})",
                )
            )
    return found


def _cut_points(events: list[Any]) -> list[int]:
    """Where to cut: after the first event, in the middle, before the last."""
    return sorted({n for n in (1, len(events) // 2, len(events) - 1) if 0 < n < len(events)})


def _truncations(
    events: list[Any], source: Format, target: Format, options: dict[str, Any]
) -> list[Violation]:
    found: list[Violation] = []
    strict = bool(options.get("strict"))
    for cut in _cut_points(events):
        outcome = run(
            partial(_cut_stream, events[:cut], source, target, _quiet(options)),
            what=f"StreamConverter {source} -> {target} cut after {cut} events",
            strict=strict,
        )
        if outcome.value is None:
            found += [v for v in outcome.violations if not _strict_truncation(v, strict)]
            continue
        out = outcome.value
        if not out:
            continue  # the source ended (or failed) before the cut: nothing was cut
        found += _rules(events, out, (source, target), None, cut)
        if not _error_ending(target, out[-1]):
            found.append(
                Violation(
                    "stream.truncation_hidden",
                    f"output[{len(out) - 1}]",
                    f"the source cut after {cut} of its {len(events)} events, the {target} "
                    f"stream still ends cleanly (with {_name(out[-1])}): a cut must end with "
                    "the target's error ending",
                )
            )
    return found


def _strict_truncation(violation: Violation, strict: bool) -> bool:
    return strict and TruncatedStreamError.__name__ in violation.message


def _cut_stream(
    events: list[Any], source: Format, target: Format, options: dict[str, Any]
) -> list[Any]:
    """The converted stream of a source cut after ``events`` (``[]`` when the source had
    already ended there)."""
    converter = StreamConverter(source=source, target=target, **options)
    out = [event for source_event in events for event in converter.feed(source_event)]
    if converter.state is not StreamState.OPEN:
        return []
    return [to_wire(event) for event in out + converter.abort()]


def _error_ending(fmt: Format, event: Any) -> bool:
    if not isinstance(event, dict):
        return False
    if fmt == "anthropic":
        return event.get("type") == "error"
    if fmt == "responses":
        return event.get("type") in ("response.failed", "error")
    return is_error_frame(event)


def _name(event: Any) -> str:
    if isinstance(event, dict) and isinstance(event.get("type"), str):
        return str(event["type"])
    return "a chunk" if isinstance(event, dict) else repr(event)
