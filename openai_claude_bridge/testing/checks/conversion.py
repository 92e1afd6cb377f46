"""``check_conversion``: the invariants this project holds every non-streaming conversion to.

For one payload converted ``source -> target`` (a request, a response or an error body):

1. the conversion raises nothing but a ``BridgeError`` — and, the sample being assumed valid, no
   ``InvalidInputError`` either; an ``UnsupportedFeatureError`` under ``strict=True`` is what
   strict asks for, not a violation (nothing else is checked then);
2. every ``Loss`` reported names a path present in the payload;
3. the output is valid for the target: this package's strict model of the target type reads it
   back exactly (``to_wire(from_wire(T, out)) == out``);
4. a request's conversation has the turn structure the target requires (:mod:`.turns`) — rules
   the payload itself already breaks in its own format are not held against the conversion;
5. the semantic subset survives ``source -> target -> source`` (:mod:`.round_trip`), for any two
   of anthropic, chat and Responses, and with Completions when the payload says only what
   Completions can (one prompt, or text only).

Paths of violations point into the payload (``messages[2].content[0]``), into the converted
output when they start with ``output`` (``output.messages[3]``), or are ``""`` for the whole.

=========================  ===================================================================
rule                       what it means
=========================  ===================================================================
``conversion.crash``       an exception that is not a ``BridgeError`` escaped the library
``conversion.refused``     the library refused the sample (or its own output, read back) with
                           a ``BridgeError``
``loss.unresolved``        a ``Loss`` whose path names nothing in the payload (a key absent
                           from an object that is there names the place of a value the source
                           did not set, such as a default the target requires)
``target.invalid``         this package's strict model of the target type refuses the output
``target.reread``          reading the output with that model and writing it again changes it
``turns.*``                a turn-structure rule of the target (table in :mod:`.turns`)
``semantic.*``             the semantic subset was not kept (table in :mod:`.round_trip`)
=========================  ===================================================================
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel

from ... import convert as _convert
from ...options import FORMATS, Format, Loss, check_format
from ...wire import from_wire, to_wire
from ..violations import Violation
from ._json_diff import first_difference
from ._paths import resolves
from ._running import run
from .round_trip import CONVERSATIONAL, in_completions_subset, round_trip_violations
from .turns import check_turns

__all__ = ["Kind", "check_conversion"]

Kind = Literal["request", "response", "error"]
"""What a payload is: a request body, a (non-streaming) response body or an error body."""

_KINDS = ("request", "response", "error")


@dataclass
class _Leg:
    """One conversion: its wire output (``None`` when it raised) and the losses it reported."""

    output: Any
    losses: list[Loss] = field(default_factory=list)
    violations: tuple[Violation, ...] = ()


def check_conversion(
    payload: Any, *, source: str, target: str, kind: str, **options: Any
) -> list[Violation]:
    """The violations of this project's conversion invariants when ``payload`` (wire JSON or a
    model of ``source``) is converted from ``source`` to ``target`` with ``options`` (as
    ``convert_request`` / ``convert_response`` / ``convert_error`` take them: ``on_loss`` is
    still called). ``kind`` is ``"request"``, ``"response"`` or ``"error"``.

    Never raises for anything the library does (a bad ``source`` / ``target`` / ``kind`` name is
    a programming error and raises ``ValueError`` or ``BridgeError``); ``[]`` means the
    conversion keeps every invariant. The module docstring lists the rules.
    """
    src, tgt = check_format(source, argument="source"), check_format(target, argument="target")
    if kind not in _KINDS:
        raise ValueError(f"kind must be one of {_KINDS}, not {kind!r}")
    wire = to_wire(payload) if isinstance(payload, BaseModel) else payload
    leg = _convert_leg(kind, wire, src, tgt, options)
    if leg.output is None:
        return list(leg.violations)
    found = _unresolved_losses(wire, leg.losses)
    found += _target_validity(kind, tgt, leg.output)
    if kind == "request":
        found += _turn_violations(wire, src, tgt, leg.output)
    if kind != "error" and src != tgt and _round_trips(kind, src, tgt, wire):
        found += _semantic(kind, wire, src, tgt, leg)
    return found


def _convert_leg(
    kind: str, payload: Any, source: Format, target: Format, options: dict[str, Any]
) -> _Leg:
    losses: list[Loss] = []
    user_on_loss = options.get("on_loss")

    def on_loss(loss: Loss) -> None:
        losses.append(loss)
        if user_on_loss is not None:
            user_on_loss(loss)

    def step() -> Any:
        merged = {**options, "on_loss": on_loss}
        if kind == "request":
            return to_wire(
                _convert.convert_request(payload, source=source, target=target, **merged)
            )
        if kind == "response":
            return to_wire(
                _convert.convert_response(payload, source=source, target=target, **merged)
            )
        _, body = _convert.convert_error(payload, source=source, target=target, **merged)
        return to_wire(body)

    what = f"convert_{kind} {source} -> {target}"
    outcome = run(step, what=what, strict=bool(options.get("strict")))
    return _Leg(outcome.value, losses, outcome.violations)


def _unresolved_losses(payload: Any, losses: list[Loss]) -> list[Violation]:
    return [
        Violation(
            "loss.unresolved",
            loss.path,
            f"a loss of {loss.feature!r} is reported at {loss.path!r}, which names nothing in "
            "the payload",
        )
        for loss in losses
        if not resolves(payload, loss.path, absent_key=True)
    ]


def _target_type(kind: str, target: Format) -> type[BaseModel]:
    codec = _convert.codec(target)
    if kind == "request":
        return codec.request_type
    return codec.response_type if kind == "response" else codec.error_type


def _target_validity(kind: str, target: Format, output: Any) -> list[Violation]:
    model_type = _target_type(kind, target)
    outcome = run(
        lambda: to_wire(from_wire(model_type, output)),
        what=f"reading the output as {target} {model_type.__name__}",
        strict=False,
        path="output",
    )
    if outcome.value is None:
        return [
            Violation(
                "target.invalid",
                _output_path(v.path),
                v.message.replace("refused it", "refused the output"),
            )
            if v.rule == "conversion.refused"
            else v
            for v in outcome.violations
        ]
    difference = first_difference(outcome.value, output)
    if difference is None:
        return []
    return [
        Violation(
            "target.reread",
            "output",
            f"reading the output as {target} {model_type.__name__} and writing it again "
            f"changes it ({difference.lstrip('.')})",
        )
    ]


def _output_path(path: str) -> str:
    if not path or path == "output":
        return "output"
    return path if path.startswith("output") else f"output.{path}"


def _turn_violations(payload: Any, source: Format, target: Format, output: Any) -> list[Violation]:
    already = {violation.rule for violation in check_turns(source, payload)}
    return [
        Violation(v.rule, _output_path(v.path), f"in the {target} output: {v.message}")
        for v in check_turns(target, output)
        if v.rule not in already
    ]


def _round_trips(kind: str, source: Format, target: Format, payload: Any) -> bool:
    """Whether ``source -> target -> source`` has a semantic subset to keep."""
    if source in CONVERSATIONAL and target in CONVERSATIONAL:
        return True
    return source in FORMATS and in_completions_subset(kind, source, payload)


def _semantic(
    kind: str, payload: Any, source: Format, target: Format, leg: _Leg
) -> list[Violation]:
    back = _convert_leg(kind, leg.output, target, source, {})
    if back.output is None:
        return [
            Violation(
                "semantic.unreadable" if v.rule == "conversion.refused" else v.rule,
                _output_path(v.path),
                f"converting the output back to {source}: {v.message}",
            )
            for v in back.violations
        ]
    return round_trip_violations(
        kind,
        payload,
        back.output,
        source=source,
        target=target,
        losses=leg.losses,
        back_losses=back.losses,
    )
