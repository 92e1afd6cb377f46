"""Restoring tool calls from the client's request (``request=``).

To reach a server, an encoder may have had to change the client's tools; the server's answer
names them its way, and the client must get its own back. Given the client's request (in the
target format, decoded to the ir), :class:`ClientTools` knows what to undo:

* **names** that chat or Responses needed shortened (:mod:`._tool_names`): a tool call named by a
  shortened name gets the original back;
* **custom tools** that went to the server as function stand-ins (:mod:`._custom_tools`): a
  *function* call of a tool the client declared custom becomes a custom call again, its raw input
  read from the arguments ``{"input": …}``. Arguments that stand for no custom call leave it a
  function call (reported); a custom call the server made itself is left as it is.

:func:`restore_response` does it to a whole response. :class:`StreamRestorer` does it to a
stream, event by event, between the source's stream decoder and the target's encoder: a
stand-in call's argument fragments become raw input fragments as they arrive. The first few
characters of the arguments decide whether the call is custom (see
:class:`~._custom_tools.InputReader`), and the target must know the call's kind when it starts;
so from a stand-in call's start until they decide, the restorer holds back *every* event (the
order of the events is kept), then lets them go as the verdict says.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from . import ir
from ._custom_tools import InputReader, read_input
from ._tool_names import restore_map
from .errors import InvalidInputError
from .options import Options

__all__ = ["ClientTools", "StreamRestorer", "restore_response"]


@dataclasses.dataclass(frozen=True, slots=True)
class ClientTools:
    """What the client's request says about its tools."""

    names: Mapping[str, str]
    """Shortened name -> the client's name, for every name an encoder would shorten."""
    custom: frozenset[str]
    """The client's names of its custom tools."""

    @classmethod
    def of(cls, request: ir.Request) -> ClientTools:
        """The tools of the client's ``request``."""
        tools = request.tools or ()
        return cls(
            names=restore_map(tool.name for tool in tools),
            custom=frozenset(tool.name for tool in tools if tool.kind == "custom"),
        )

    def __bool__(self) -> bool:
        return bool(self.names or self.custom)

    def name(self, name: str) -> str:
        """The client's name for the tool the server calls ``name``."""
        return self.names.get(name, name)

    def stands_in(self, part: ir.ToolCallPart) -> bool:
        """Whether ``part`` (already named the client's way) calls a function standing in for a
        custom tool."""
        return part.kind == "function" and part.name in self.custom


def _as_custom(part: ir.ToolCallPart, raw: str) -> ir.ToolCallPart:
    """The custom call the stand-in call ``part`` stands for (custom calls have no status)."""
    return dataclasses.replace(part, kind="custom", arguments=raw, status=None)


def _lose_function(part: ir.ToolCallPart, problem: str, options: Options) -> None:
    reason = f"the call of custom tool {part.name!r} was left a function call: {problem}"
    options.lose(part.path, "custom_tool_call", reason)


def _lose_input(part: ir.ToolCallPart, problem: str, options: Options) -> None:
    options.lose(part.path, "custom_tool_call.input", f"custom tool {part.name!r}: {problem}")


def _restore_part(part: ir.Part, tools: ClientTools, options: Options) -> ir.Part:
    if not isinstance(part, ir.ToolCallPart):
        return part
    named = dataclasses.replace(part, name=tools.name(part.name))
    if not tools.stands_in(named):
        return named
    raw, problem = read_input(named.arguments)
    if raw is None:
        _lose_function(named, problem or "", options)
        return named
    if problem is not None:
        _lose_input(named, problem, options)
    return _as_custom(named, raw)


def restore_response(resp: ir.Response, tools: ClientTools, options: Options) -> ir.Response:
    """``resp`` with its tool calls restored to the client's tools (see the module docstring)."""
    if not tools:
        return resp
    candidates = tuple(
        dataclasses.replace(c, parts=tuple(_restore_part(p, tools, options) for p in c.parts))
        for c in resp.candidates
    )
    return dataclasses.replace(resp, candidates=candidates)


@dataclasses.dataclass(slots=True)
class _StandIn:
    """A call of a stand-in function, on its way through the stream."""

    header: ir.ToolCallPart
    """The call's header, named the client's way (arguments taken out)."""
    reader: InputReader = dataclasses.field(default_factory=InputReader)


@dataclasses.dataclass(slots=True)
class _Held:
    """An event on its way out: a stand-in call's start or argument fragment (``call`` set; it
    goes out as the call's verdict says, ``raw`` being the raw input the fragment gave), or any
    other event, already in its final form."""

    event: ir.StreamEvent
    call: _StandIn | None = None
    raw: str = ""


class StreamRestorer:
    """Restores the tool calls of an ir stream (see the module docstring)."""

    def __init__(self, tools: ClientTools, options: Options) -> None:
        self._tools = tools
        self._options = options
        self._calls: dict[tuple[int, int], _StandIn] = {}
        """The stand-in calls that started and have not finished."""
        self._held: list[_Held] = []
        self._undecided = 0
        """How many calls in ``_calls`` have no verdict yet (events are held while any has)."""
        self.passes_all = not tools
        """No tool is to restore: every event passes as it is (:meth:`passes` is ``True``)."""

    def feed(self, event: ir.StreamEvent) -> list[ir.StreamEvent]:
        """The events to pass on for ``event`` (none while held, several when released)."""
        if not self._tools:
            return [event]
        match event:
            case ir.PartStarted(part=ir.ToolCallPart() as part):
                self._started(event, part)
            case ir.PartDelta() | ir.PartFinished() if self._call(event) is not None:
                self._call_event(event)
            case ir.PartFinished(part=ir.ToolCallPart() as part):
                self._held.append(_Held(dataclasses.replace(event, part=self._named(part))))
            case ir.StreamEnded() | ir.StreamError():
                self._end()
                self._held.append(_Held(event))
            case _ if not self._undecided:  # the hot path: nothing is held
                return [event]
            case _:
                self._held.append(_Held(event))
        return self._release()

    def passes(self, event: ir.PartDelta) -> bool:
        """Whether ``feed(event)`` would give back ``[event]`` and change nothing (the stream's
        hot lane asks before it skips the restorer)."""
        return self.passes_all or (not self._undecided and self._call(event) is None)

    def _call(self, event: ir.PartDelta | ir.PartFinished) -> _StandIn | None:
        return self._calls.get((event.candidate, event.index))

    def _named(self, part: ir.ToolCallPart) -> ir.ToolCallPart:
        return dataclasses.replace(part, name=self._tools.name(part.name))

    def _started(self, event: ir.PartStarted, part: ir.ToolCallPart) -> None:
        named = self._named(part)
        event = dataclasses.replace(event, part=named)
        if not self._tools.stands_in(named):
            self._held.append(_Held(event))
            return
        key = (event.candidate, event.index)
        if key in self._calls:
            raise InvalidInputError(f"part {event.index} started twice")
        call = _StandIn(dataclasses.replace(named, arguments=""))
        self._calls[key] = call
        self._undecided += 1
        self._held.append(_Held(event, call, self._read(call, part.arguments)))

    def _call_event(self, event: ir.PartDelta | ir.PartFinished) -> None:
        key = (event.candidate, event.index)
        call = self._calls[key]
        if isinstance(event, ir.PartDelta):
            raw = self._read(call, event.text) if event.kind == "arguments" else ""
            self._held.append(_Held(event, call, raw))
            return
        del self._calls[key]
        self._decide(call)
        final = event.part
        if isinstance(final, ir.ToolCallPart) and not call.reader.verdict:
            final = self._named(final)
        elif isinstance(final, ir.ToolCallPart):  # the source states the call whole
            whole = read_input(final.arguments)[0]
            final = None if whole is None else _as_custom(self._named(final), whole)
        self._held.append(_Held(dataclasses.replace(event, part=final)))

    def _read(self, call: _StandIn, fragment: str) -> str:
        """The raw input ``fragment`` of the call's arguments gives."""
        undecided = call.reader.verdict is None
        raw = call.reader.feed(fragment)
        if undecided and call.reader.verdict is not None:
            self._undecided -= 1
        return raw

    def _decide(self, call: _StandIn) -> None:
        """The end of a call's arguments: report what its verdict loses."""
        if call.reader.verdict is None:
            self._undecided -= 1
        problem = call.reader.finish()
        if not call.reader.verdict:
            _lose_function(call.header, problem or "", self._options)
        elif problem is not None:
            _lose_input(call.header, problem, self._options)

    def _end(self) -> None:
        """The stream ends: the calls that never finished end with it."""
        for call in self._calls.values():
            self._decide(call)
        self._calls.clear()
        self._undecided = 0

    def _release(self) -> list[ir.StreamEvent]:
        """The held events, once no call they wait for is undecided."""
        if self._undecided:
            return []
        held, self._held = self._held, []
        return [event for item in held for event in _restored(item)]


def _restored(held: _Held) -> list[ir.StreamEvent]:
    """A held event as its call's verdict says."""
    event, call = held.event, held.call
    if call is None or not call.reader.verdict:
        return [event]
    assert isinstance(event, (ir.PartStarted, ir.PartDelta))
    out: list[ir.StreamEvent] = []
    if isinstance(event, ir.PartStarted):
        out.append(dataclasses.replace(event, part=_as_custom(call.header, "")))
    if held.raw:
        out.append(ir.PartDelta(event.index, "arguments", held.raw, candidate=event.candidate))
    return out
