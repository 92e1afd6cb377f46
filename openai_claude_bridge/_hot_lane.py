"""The stream's hot lane: plain delta events read and written without models.

Theory of operation
-------------------
Most events of a stream are fragments of the part being streamed: a few tokens of text, of
thinking, of a tool call's arguments. The full path validates each one into its wire model, the
decoder turns it into an ir ``PartDelta``, the encoder builds the target's model, and the
transcoder dumps it to JSON. The hot lane does the same work with less machinery, and gives the
same bytes:

* **Reading.** The source decoder reads a plain fragment in two halves: ``hot_shape(raw)``, a
  pure function of the event's JSON (parsed by pydantic-core's reader), says where the fragment
  goes — its ``where`` (choice, block, item, call …) — when the event is exactly a plain
  fragment (the keys and types the decoder knows; anything more, or anything the model would
  check, is not plain), looking at the fragment's type and never its value; ``hot_take(where,
  fragment)`` then, when that part is open, updates the decoder's state as ``feed`` would and
  returns the ``PartDelta``. Either returns ``None`` otherwise, having changed nothing, and the
  event takes the full path. Once a part's first plain fragment has been read so, the
  transcoder knows the part's next ones by their bytes (:mod:`._frame_patterns`): the same
  bytes but for the fragment's JSON string (and a Responses sequence number), which is all it
  parses before ``hot_take``.
* **Writing.** The target encoder's ``hot_frame(delta)`` writes the frame ``feed`` + the
  transcoder would write, when that is one plain delta event, by filling a :class:`Template`
  with the fragment (and a Responses sequence number); otherwise ``None``, having changed
  nothing, and the delta goes through ``feed``.
* **Templates come from the full path.** A template is made, once per shape (block index,
  choice, item …), by building the very model the full path builds with a marker text (and a
  marker number), dumping it as the full path dumps it, and cutting the frame at the markers. So
  a filled template is byte for byte what the full path writes; ``tests/test_hot_lane.py`` checks
  it over generated streams of every direction.
"""

from __future__ import annotations

from json.encoder import encode_basestring as _json_string

from pydantic import BaseModel

from ._fast_json import stdlib_compact_json
from .sse import encode_event, utf8
from .wire import to_wire

__all__ = [
    "COUNTER",
    "FRAGMENT",
    "MARK",
    "NUMBER",
    "OPAQUE",
    "Template",
    "compact_json",
    "event_json",
    "json_frame",
    "json_string",
    "opaque_mark",
    "utf8",
]

#: The text a template's model is built with, where the fragment goes (private-use characters:
#: JSON writes them as they are, and no payload says this).
MARK = "\ue000ocb-hot-lane\ue000"
#: The number a template's model is built with, where the sequence number goes.
NUMBER = 7_340_985_261_937_104


#: What a hole holds: the fragment (a JSON string), the counter (a decimal number: a Responses
#: sequence number), a string the reader does not read (OpenAI's ``obfuscation``, other in every
#: chunk) but a relay writes back.
FRAGMENT, COUNTER, OPAQUE = "fragment", "counter", "opaque"


def opaque_mark(position: int) -> str:
    """The marker text of a frame's ``position``-th opaque hole (private-use characters, as
    :data:`MARK`)."""
    return f"\ue000ocb-opaque-{position}\ue000"


def json_string(text: str) -> str:
    """``text`` as a JSON string, as ``json.dumps(..., ensure_ascii=False)`` writes it inside
    any value."""
    return _json_string(text)


#: The standard library's compact writer: with pydantic-core's (:func:`._fast_json.compact_json`)
#: a transcoder into Responses held about the size of its largest event more (not traced further).
compact_json = stdlib_compact_json


def event_json(model: BaseModel) -> str:
    """The JSON text the transcoder writes for one event."""
    return compact_json(to_wire(model))


def json_frame(text: str, event: str | None) -> bytes:
    """What :func:`.sse.encode_event` makes of one line of JSON (which has no raw line
    break), written directly."""
    if event is None:
        return utf8(f"data: {text}\n\n")
    return utf8(f"event: {event}\ndata: {text}\n\n")


class Template:
    """One event's SSE frame with holes for a fragment and, maybe, a sequence number (and, in a
    relayed event's frame, strings written back as they came)."""

    __slots__ = ("_first", "_holes", "_last", "_middle", "_number_first")

    def __init__(self, model: BaseModel, event: str | None) -> None:
        """The frame of ``model`` (built with :data:`MARK` as the fragment and, where the event
        has one, :data:`NUMBER` as its sequence number) under the SSE ``event`` name."""
        self._cut(encode_event(event_json(model), event).decode())

    @classmethod
    def from_frame(cls, frame: str) -> Template:
        """The template of a frame written with :data:`MARK` as the fragment (and maybe
        :data:`NUMBER` as its sequence number, :func:`opaque_mark` s as other strings)."""
        template = cls.__new__(cls)
        template._cut(frame)
        return template

    def _cut(self, frame: str) -> None:
        mark, number = json_string(MARK), str(NUMBER)
        opaque: list[str] = []
        while json_string(opaque_mark(len(opaque))) in frame:
            opaque.append(json_string(opaque_mark(len(opaque))))
        if any(frame.count(text) != 1 for text in (mark, *opaque)) or frame.count(number) > 1:
            raise ValueError(f"not a template: {frame!r}")
        self._holes: tuple[tuple[str, ...], tuple[str, ...]] | None = None
        if opaque:
            self._cut_holes(
                frame, [(FRAGMENT, mark), (COUNTER, number)] + [(OPAQUE, o) for o in opaque]
            )
            return
        before, after = frame.split(mark)
        self._number_first: bool | None = None  # no number
        self._first, self._middle, self._last = before, "", after
        if number in before:
            self._number_first = True
            self._first, self._middle = before.split(number)
        elif number in after:
            self._number_first = False
            self._middle, self._last = after.split(number)

    def _cut_holes(self, frame: str, marks: list[tuple[str, str]]) -> None:
        """Cut at every marker found, in the frame's order (the general case)."""
        found = sorted((frame.index(text), kind, text) for kind, text in marks if text in frame)
        pieces, kinds, at = [], [], 0
        for start, kind, text in found:
            pieces.append(frame[at:start])
            kinds.append(kind)
            at = start + len(text)
        pieces.append(frame[at:])
        self._holes = (tuple(pieces), tuple(kinds))

    def fill(self, text: str, number: int = 0, opaque: tuple[str, ...] = ()) -> bytes:
        """The frame with ``text`` as its fragment (and ``number`` as its sequence number,
        ``opaque`` as its other strings, in order)."""
        fragment = _json_string(text)
        if self._holes is not None:
            frame = self._fill_holes(fragment, str(number), opaque)
        elif self._number_first is None:
            frame = self._first + fragment + self._last
        elif self._number_first:
            frame = self._first + str(number) + self._middle + fragment + self._last
        else:
            frame = self._first + fragment + self._middle + str(number) + self._last
        try:
            return frame.encode()
        except UnicodeEncodeError:  # a lone surrogate
            return utf8(frame)

    def _fill_holes(self, fragment: str, number: str, opaque: tuple[str, ...]) -> str:
        assert self._holes is not None
        pieces, kinds = self._holes
        others = iter(opaque)
        out = [pieces[0]]
        for kind, piece in zip(kinds, pieces[1:], strict=True):
            if kind == FRAGMENT:
                out.append(fragment)
            elif kind == COUNTER:
                out.append(number)
            else:
                out.append(_json_string(next(others)))
            out.append(piece)
        return "".join(out)
