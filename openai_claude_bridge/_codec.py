"""Small tools every format's decoder and encoder share.

* :func:`leftover` — the wire fields of a model that a decoder did not turn into neutral ir
  fields; they go into the node's ``extra`` for that format.
* :func:`build` — an encoder's last step: validate the fields it built (plus, for its own format,
  the node's ``extra``) into the target model.
* :func:`report_foreign_extra` — an encoder of another format reports every such field as lost.
* :func:`coalesce_assistant_runs` — another format's assistant turn, said as several messages,
  becomes the one message chat and anthropic say it as.
* :func:`says_something` — whether a reasoning part holds anything worth a block or an item.
* :func:`is_empty_text` — whether a part is plain empty text, which says nothing: another
  format's assistant turn made only of such parts (or of none) is no turn at all.
* :func:`parallel_tool_calls` — the parallel flag, for the formats that take it only beside
  tools.
* :func:`hint_on_last_part` — a tool result's own cache hint, for a format whose tool result
  (a chat ``tool`` message, a Responses ``function_call_output``) has no place for one, moves to
  the result's last content part, which ends the same prompt prefix.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel

from . import ir
from .errors import InvalidInputError
from .ir.base import Extra, Node, with_extra
from .options import Format, Options
from .wire import from_fields, from_wire, json_path, to_wire, wire_fields

__all__ = [
    "assemble",
    "build",
    "carries_information",
    "coalesce_assistant_runs",
    "error_status",
    "hint_on_last_part",
    "is_empty_text",
    "is_own",
    "leftover",
    "leftover_extra",
    "parallel_tool_calls",
    "report_foreign_extra",
    "says_something",
]

ModelT = TypeVar("ModelT", bound=BaseModel)


def leftover(model: BaseModel, consumed: Collection[str]) -> dict[str, Any]:
    """The wire fields of ``model`` (as JSON) whose names are not in ``consumed``: fields with no
    neutral meaning and unknown extra fields alike. Most models leave none: that is seen from
    the names of the fields they set, without dumping them; the others dump only the fields
    left over (a message's ``null`` stop sequence, not its content), or none at all for one field
    whose value is its own JSON (``null``, a string, an integer, a boolean)."""
    if (
        isinstance(consumed, (set, frozenset))
        and not model.__pydantic_extra__
        and model.__pydantic_fields_set__ <= consumed
        and getattr(type(model), "__wire_aliases__", None) == {}
    ):
        return {}  # the usual case, told at once: every field set was consumed by its name
    left = _unconsumed(model, consumed)
    if left is None:
        return {key: value for key, value in to_wire(model).items() if key not in consumed}
    if not left:
        return {}
    return _one_scalar(model, left) or wire_fields(model, left)


def _one_scalar(model: BaseModel, left: set[str]) -> dict[str, Any] | None:
    """``{wire name: value}`` when ``left`` is one field whose value dumps as itself (what
    :func:`~.wire.to_wire` would write for it); else ``None``."""
    if len(left) != 1:
        return None
    (name,) = left
    fields = model.__dict__  # a model's declared fields; its extra fields are apart
    value = fields[name] if name in fields else (model.__pydantic_extra__ or {})[name]
    if value is not None and type(value) not in _SELF_DUMPING:
        return None
    aliases: Mapping[str, str] = getattr(type(model), "__wire_aliases__", {})
    return {aliases.get(name, name): value}


#: The types of values a model dumps as themselves (``None`` too).
_SELF_DUMPING = frozenset({str, int, bool})


def _unconsumed(model: BaseModel, consumed: Collection[str]) -> set[str] | None:
    """The names (as the model spells them: field names and extra keys) of the fields ``model``
    set whose wire names are not in ``consumed``; ``None`` when the names cannot tell which
    entries of the whole dump those are (a model that is no :class:`~.wire.WireModel`, an extra
    key spelt like a field)."""
    aliases: Mapping[str, str] | None = getattr(type(model), "__wire_aliases__", None)
    if aliases is None:
        return None if _any_unconsumed(model, consumed) else set()
    if not isinstance(consumed, (set, frozenset)):
        consumed = frozenset(consumed)
    names = model.__pydantic_fields_set__
    extra = model.__pydantic_extra__
    left = names - consumed
    if extra:
        left |= extra.keys() - consumed
    for name, alias in aliases.items():  # an aliased field goes by its wire name
        if name in names:
            (left.discard if alias in consumed else left.add)(name)
    if not left:
        return left
    fields = type(model).__pydantic_fields__
    left = {name for name in left if name in fields or (extra and name in extra)}
    if left and extra and not extra.keys().isdisjoint({*fields, *aliases.values()}):
        return None
    return left


def _any_unconsumed(model: BaseModel, consumed: Collection[str]) -> bool:
    """Whether any field ``model`` set has a wire name outside ``consumed`` (any model)."""
    fields = type(model).__pydantic_fields__
    extra = model.__pydantic_extra__ or {}
    return not (
        all(key in consumed for key in extra)
        and all(
            (fields[name].alias or name) in consumed
            for name in model.__pydantic_fields_set__
            if name in fields
        )
    )


def leftover_extra(fmt: Format, model: BaseModel, consumed: Collection[str]) -> Extra:
    """:func:`leftover` packed as a node's ``extra`` for ``fmt``."""
    return with_extra(fmt, leftover(model, consumed))


def assemble(
    tp: type[ModelT], fields: Mapping[str, Any], base: Mapping[str, Any] | None = None
) -> ModelT:
    """Validate ``fields`` laid over ``base`` (the fields win) into ``tp``. Model values among
    the fields are taken as they are (validated once, when they were built); when ``tp`` wants
    another model there (another format's block of the same shape), they are dumped to their
    wire JSON and validated again."""
    payload = {**base, **fields} if base else dict(fields)
    try:
        return from_fields(tp, payload)
    except InvalidInputError:
        pass
    payload = dict(base or {})
    payload.update({k: _json(v) for k, v in fields.items()})
    return from_wire(tp, payload)


def build(tp: type[ModelT], fields: Mapping[str, Any], node: Node | None, fmt: Format) -> ModelT:
    """Validate ``fields`` into ``tp``, first adding what ``node`` carries in ``echo`` and
    ``extra`` for ``fmt`` (the fields only this format has, restored on the way back to it).
    Fields the encoder set win over extras of the same name."""
    if node is None:
        return assemble(tp, fields)
    echo, extra = node.echo.get(fmt), node.extra.get(fmt)
    return assemble(tp, fields, {**echo, **extra} if echo and extra else echo or extra)


def _json(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return to_wire(value)
    if isinstance(value, (list, tuple)):
        return [_json(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _json(v) for k, v in value.items()}
    return value


def carries_information(value: Any) -> bool:
    """Whether dropping a wire value loses anything: ``null``, ``[]``, ``{}`` and containers of
    only such values restate the absence of a value, so they do not."""
    if value is None:
        return False
    if isinstance(value, Mapping):
        return any(carries_information(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(carries_information(v) for v in value)
    return True


def report_foreign_extra(node: Node, target: Format, options: Options) -> None:
    """Report each field ``node`` carries for a format other than ``target`` as lost (fields whose
    value carries no information, such as ``"citations": null``, are dropped silently)."""
    for fmt, fields in node.extra.items():
        if fmt == target:
            continue
        for key, value in fields.items():
            if not carries_information(value):
                continue
            options.lose(
                json_path([key], node.path),
                key,
                f"{fmt} field {key!r} has no {target} equivalent",
            )


def is_own(node: Node, fmt: Format) -> bool:
    """Whether ``fmt``'s decoder made ``node``: decoders mark every node they make with their
    format's key in ``extra`` or ``echo`` (an empty mapping when nothing is left over)."""
    return fmt in node.extra or fmt in node.echo


def error_status(err: ir.ApiError, fmt: Format, canonical: int) -> int:
    """The HTTP status ``fmt``'s encoder answers ``err`` with: the source's own status for an
    error of the same format (exact round trip), otherwise ``canonical`` — the status ``fmt``'s
    API itself uses for the error's kind (an anthropic 529 ``overloaded_error`` becomes an OpenAI
    503, and back)."""
    if err.status is not None and is_own(err, fmt):
        return err.status
    return canonical


def coalesce_assistant_runs(
    messages: Sequence[ir.Message], fmt: Format, check: Callable[[ir.Message], None]
) -> list[ir.Message]:
    """``messages`` with each run of consecutive assistant messages that ``fmt``'s decoder did not
    make merged into one message (its parts in order, the first message's path and name).

    Responses says one assistant turn as one item per part (reasoning, message, each function
    call), in any order (Codex puts reasoning items between the message and the calls, or
    between calls); chat and anthropic say it as one message, and chat requires every tool call
    of a turn in the message its tool results follow. ``check`` (the encoder's report of a message's
    foreign fields and name) is called on each message of a merged run; the merged message
    carries neither any more."""
    out: list[ir.Message] = []
    run: list[ir.Message] = []

    def flush() -> None:
        if len(run) > 1:
            for message in run:
                check(message)
            merged = dataclasses.replace(
                run[0],
                parts=tuple(part for message in run for part in message.parts),
                text_form=all(message.text_form for message in run) and _one_says_text(run),
                name=None,
                extra=ir.EMPTY_EXTRA,
                echo=ir.EMPTY_EXTRA,
            )
            out.append(merged)
        else:
            out.extend(run)
        run.clear()

    for message in messages:
        if message.role == "assistant" and not is_own(message, fmt):
            run.append(message)
            continue
        flush()
        out.append(message)
    flush()
    return out


def _one_says_text(messages: Sequence[ir.Message]) -> bool:
    """Whether at most one of ``messages`` has text: texts of several messages stay apart (as
    parts) rather than being joined into one plain string."""
    with_text = [m for m in messages if any(isinstance(p, ir.TextPart) for p in m.parts)]
    return len(with_text) <= 1


def parallel_tool_calls(
    req: ir.Request, with_tools: bool, target: Format, options: Options, *, reached: bool = False
) -> bool | None:
    """The ``parallel_tool_calls`` value to write for ``req`` in a format whose API refuses the
    flag without tools (Chat Completions, Responses): the request's flag when the target request
    has tools (``with_tools``), else ``None``, even for a request of ``target`` itself. Dropping
    it is reported only when it said something: the source request had tools it governed, none
    of which reaches ``target`` (each reported already; ``reached`` says some went in another
    form, chat's legacy ``functions``, which make one call at a time); without any tools it says
    nothing."""
    flag = req.parallel_tool_calls
    if flag is None or with_tools:
        return flag
    if req.tools and not reached:
        reason = f"no tool reaches {target}, whose API takes parallel_tool_calls only with tools"
        options.lose(ir.field_path(req, "parallel_tool_calls"), "parallel_tool_calls", reason)
    return None


def says_something(part: ir.ReasoningPart) -> bool:
    """Whether ``part`` holds anything: text or summaries to show, a signature, or state a server
    needs back. Empty reasoning (a chat server's ``reasoning_content: ""``) says nothing: it
    becomes no block and no item, and dropping it is no loss."""
    shown = bool(part.text or any(part.summary) or any(part.content))
    state = (part.signature, part.redacted_data, part.encrypted_content, part.item_id)
    return shown or any(value is not None for value in state)


def is_empty_text(part: ir.Part) -> bool:
    """Whether ``part`` is empty plain text (no cache hint, citations or logprobs either): it
    says nothing. An empty reply (anthropic ``content: []``, a Responses message without text,
    chat's ``content: ""`` beside ``tool_calls``) comes back in a client's history as such parts
    or none; an encoder writes no empty assistant turn of another format for them."""
    return (
        isinstance(part, ir.TextPart)
        and part.text == ""
        and part.cache is None
        and not part.citations
        and not part.logprobs
    )


#: Content parts that hold a cache hint in every format that has hints.
_HINTABLE = (ir.TextPart, ir.ImagePart, ir.DocumentPart)


def hint_on_last_part(
    result: ir.ToolResultPart, content: Sequence[ir.Part], options: Options, where: str
) -> tuple[ir.Part, ...]:
    """``content`` (what the target writes of ``result``'s content, in order) with ``result``'s
    own cache hint on its last part.

    Anthropic marks a ``tool_result`` block itself; a chat ``tool`` message and a Responses
    ``function_call_output`` cannot be marked, but the prefix their last content part ends is the
    one the result ended, so the hint goes there. It is reported lost (``where`` names the
    target's container) when that part cannot hold a hint: no content, a part other than text,
    image or document, or an empty text (anthropic refuses to mark one, so the hint would not
    come back). A last part with a hint of its own keeps it (the same breakpoint); the result's
    ttl is reported when it differs."""
    hint = result.cache
    if hint is None:
        return tuple(content)
    last = content[-1] if content else None
    if not isinstance(last, _HINTABLE) or (isinstance(last, ir.TextPart) and not last.text):
        reason = f"{where} has no content part to hold the tool result's cache breakpoint"
        options.lose(hint.path, "cache_control", reason)
        return tuple(content)
    if last.cache is None:
        return (*content[:-1], dataclasses.replace(last, cache=hint))
    if last.cache.ttl != hint.ttl:
        own_ttl = last.cache.ttl
        reason = f"the tool result's last part has its own cache breakpoint (ttl {own_ttl!r})"
        options.lose(json_path(["ttl"], hint.path), "cache_control.ttl", reason)
    return tuple(content)
