"""Frame patterns (:mod:`openai_claude_bridge._frame_patterns`): a block a pattern knows is the
learned event with another fragment, and the transcoder that reads blocks by their patterns
writes what the full path writes — whatever a server puts in the holes: escapes, any Unicode,
spaces, JSON that closes the string early, invalid UTF-8, line breaks, odd numbers."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic_core import from_json

from openai_claude_bridge import SSETranscoder
from openai_claude_bridge._frame_patterns import FramePattern, cut_pattern, replaced
from openai_claude_bridge.options import Format
from tests.support.spy import results_of
from tests.test_hot_lane import FIXED, IDS, PAIRS, _body, _realistic, _transcode

ANTHROPIC = (
    b'event: content_block_delta\ndata: {"type":"content_block_delta","index":1,'
    b'"delta":{"type":"text_delta","text":" hello"}}'
)
RESPONSES = (
    b'event: response.output_text.delta\ndata: {"content_index":0,"delta":" hi",'
    b'"item_id":"msg_1","output_index":1,"sequence_number":15,'
    b'"type":"response.output_text.delta","logprobs":[]}'
)


def _cut(
    block: bytes,
    path: tuple[str | int, ...],
    counter: str | None = None,
    opaque: tuple[str, ...] = (),
) -> FramePattern:
    start = block.index(b"data: ") + 6
    raw = from_json(block[start:])
    pattern = cut_pattern(block, start, raw, path, counter=counter, opaque=opaque)
    assert pattern is not None
    return pattern


def test_a_pattern_knows_its_event_with_another_fragment() -> None:
    pattern = _cut(ANTHROPIC, ("delta", "text"))
    assert pattern.match(ANTHROPIC) == (" hello", b"", ())
    assert pattern.match(ANTHROPIC.replace(b'" hello"', b'"a \\"quote\\" \\u00e9"')) == (
        'a "quote" é',
        b"",
        (),
    )
    assert pattern.match(ANTHROPIC.replace(b'" hello"', b'""')) == ("", b"", ())


@pytest.mark.parametrize(
    "hole",
    [
        b'"a","index":2,"x":"b"',  # closes the string early: another event
        b'"abc',
        b'"a\\"',
        b"1",
        b"null",
        b'"\\ud800"',  # a lone surrogate: pydantic-core refuses it, the full path decides
        b'"a\xffb"',  # invalid UTF-8
        b'"a\nb"',  # a raw line break: another SSE block
    ],
)
def test_a_pattern_refuses_any_other_block(hole: bytes) -> None:
    pattern = _cut(ANTHROPIC, ("delta", "text"))
    assert pattern.match(ANTHROPIC.replace(b'" hello"', hole)) is None


def test_a_numbered_pattern_reads_the_sequence_number() -> None:
    pattern = _cut(RESPONSES, ("delta",), "sequence_number")
    assert pattern.numbered
    assert pattern.match(RESPONSES.replace(b":15,", b":1234,")) == (" hi", b"1234", ())
    assert pattern.match(RESPONSES.replace(b":15,", b":0,")) == (" hi", b"0", ())
    for number in (b"015", b"-1", b"1.5", b"1e3", b'"15"', b""):
        assert pattern.match(RESPONSES.replace(b":15,", b":" + number + b",")) is None


def test_the_number_may_come_first() -> None:
    block = b'data: {"sequence_number":3,"type":"response.output_text.delta","delta":"x"}'
    pattern = _cut(block, ("delta",), "sequence_number")
    assert pattern.match(block.replace(b":3,", b":42,").replace(b'"x"', b'"y z"')) == (
        "y z",
        b"42",
        (),
    )
    assert pattern.match(block.replace(b":3,", b":042,")) is None


#: OpenAI's chunks, each with another ``obfuscation`` (and Responses' sequence number first).
CHAT = (
    b'data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":'
    b'[{"index":0,"delta":{"content":"Hi"},"logprobs":null,"finish_reason":null}],'
    b'"usage":null,"obfuscation":"Qup1BsQ3"}'
)
OPENAI_RESPONSES = (
    b'event: response.output_text.delta\ndata: {"type":"response.output_text.delta",'
    b'"sequence_number":4,"item_id":"msg_1","output_index":0,"content_index":0,'
    b'"delta":"Here","logprobs":[],"obfuscation":"J4mkASepgs2g"}'
)


def test_strings_the_decoder_does_not_read_are_holes_too() -> None:
    chat = _cut(CHAT, ("choices", 0, "delta", "content"), None, ("obfuscation",))
    other = CHAT.replace(b'"Hi"', b'" there"').replace(b'"Qup1BsQ3"', b'"x"')
    assert chat.match(other) == (" there", b"", ("x",))
    assert chat.match(CHAT.replace(b'"Qup1BsQ3"', b"7")) is None  # not a string
    responses = _cut(OPENAI_RESPONSES, ("delta",), "sequence_number", ("obfuscation",))
    other = OPENAI_RESPONSES.replace(b":4,", b":12,").replace(b'"Here"', b'" are"')
    assert responses.match(other.replace(b'"J4mkASepgs2g"', b'"8u29"')) == (
        " are",
        b"12",
        ("8u29",),
    )
    # the fragment may hold what follows it: the hole still ends where its string ends
    tricky = OPENAI_RESPONSES.replace(b'"Here"', b'"a\\",\\"logprobs\\":[],\\"obfuscation\\":"')
    assert responses.match(tricky) == ('a","logprobs":[],"obfuscation":', b"4", ("J4mkASepgs2g",))


def test_no_pattern_when_no_cut_proves_sound() -> None:
    # the fragment's key written with an escape: not found, no pattern
    block = (
        b'data: {"type":"content_block_delta","index":0,'
        b'"delta":{"type":"text_delta","\\u0074ext":"a"}}'
    )
    raw = from_json(block[6:])
    assert cut_pattern(block, 6, raw, ("delta", "text"), counter=None) is None
    # a key path that is not a string
    assert cut_pattern(block, 6, {"a": ["x"]}, ("a", 0), counter=None) is None


def test_with_a_duplicate_key_the_last_one_is_the_hole() -> None:
    block = b'data: {"type":"x","text":"first","text":"second"}'
    pattern = _cut(block, ("text",))
    assert pattern.match(block.replace(b'"second"', b'"third"')) == ("third", b"", ())
    assert pattern.match(block.replace(b'"first"', b'"other"')) is None


def test_replaced_copies_the_way_down() -> None:
    raw = {"a": [{"b": 1}, 2], "c": 3}
    assert replaced(raw, ("a", 0, "b"), 9) == {"a": [{"b": 9}, 2], "c": 3}
    assert raw == {"a": [{"b": 1}, 2], "c": 3}


# ----- the transcoder reading by patterns writes what the full path writes ---------------------

#: A plain delta's fragment (or Responses' sequence number) in a block, by its key.
_HOLE = re.compile(
    rb'("(?:text|thinking|partial_json|content|reasoning_content|arguments|delta)"\s*:\s*)'
    rb'("(?:[^"\\]|\\.)*")'
)
_NUMBER = re.compile(rb'("sequence_number"\s*:\s*)(-?[0-9]+)')
_OPAQUE = re.compile(rb'("obfuscation"\s*:\s*)("(?:[^"\\]|\\.)*")')

_ODD_HOLES = st.sampled_from(
    [
        b'"a","index":2,"x":"b"',
        b'"abc',
        b'"a\\"',
        b"1",
        b"null",
        b'"\\ud800"',
        b'"a\xffb"',
        b'"a\nb"',
        b'"a\rb"',
        b'""',
        b' "spaced" ',
        b'"\\/\\b\\f\\n\\r\\t\\u0041\\u00e9"',
    ]
)


@st.composite
def _holes(draw: st.DrawFn) -> bytes:
    """What a server (or a broken one) may put where the fragment was."""
    if draw(st.booleans()):
        return draw(_ODD_HOLES)
    text = draw(st.text(max_size=12))
    return json.dumps(text, ensure_ascii=draw(st.booleans())).encode()


_PADDING = st.text(st.characters(min_codepoint=48, max_codepoint=122), min_size=1, max_size=12)
_NUMBERS = st.sampled_from([b"0", b"7", b"0012", b"-3", b"1.0", b"99999999999999999999", b"5e1"])


@st.composite
def _mutated_frames(draw: st.DrawFn, source: Format) -> list[bytes]:
    """The realistic stream of ``source`` as whole frames, maybe with OpenAI's ``obfuscation``
    in each delta, some plain deltas' holes (sequence numbers, obfuscation) rewritten."""
    frames = [f + b"\n\n" for f in _body(source, _realistic(source)).split(b"\n\n") if f]
    obfuscated = source in ("chat", "responses") and draw(st.booleans())
    out = []
    for frame in frames:
        mutated = frame
        if obfuscated and _HOLE.search(frame):  # as OpenAI sends them: another in every chunk
            padding = json.dumps(draw(_PADDING)).encode()
            mutated = mutated.replace(b"}\n\n", b',"obfuscation":' + padding + b"}\n\n")
            if draw(st.integers(0, 4)) == 0:
                hole = draw(_holes())
                mutated = _OPAQUE.sub(lambda m, h=hole: m.group(1) + h, mutated, count=1)
        if _HOLE.search(frame) and draw(st.integers(0, 4)) == 0:
            hole = draw(_holes())
            mutated = _HOLE.sub(lambda m, h=hole: m.group(1) + h, mutated, count=1)
            if draw(st.booleans()):
                number = draw(_NUMBERS)
                mutated = _NUMBER.sub(lambda m, n=number: m.group(1) + n, mutated, count=1)
        out.append(mutated)
    return out


@pytest.mark.parametrize(("source", "target"), PAIRS, ids=IDS)
@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(data=st.data())
def test_frames_read_by_patterns_give_what_the_full_path_gives(
    source: Format, target: Format, data: st.DataObject
) -> None:
    frames = data.draw(_mutated_frames(source), label="frames")
    whole = data.draw(st.booleans(), label="one body")
    pieces = [b"".join(frames)] if whole else frames
    renamed = data.draw(st.sampled_from([{}, {"model": "proxy-model"}]), label="options")
    assert _transcode(source, target, pieces, hot=True, **renamed) == _transcode(
        source, target, pieces, hot=False, **renamed
    )


@pytest.mark.parametrize("source", ["chat", "responses"])
@pytest.mark.parametrize("target", ["anthropic", "chat", "responses", "completions"])
def test_openai_obfuscation_does_not_keep_the_patterns_away(
    source: Format, target: Format, monkeypatch: pytest.MonkeyPatch
) -> None:
    """OpenAI pads every chunk with another ``obfuscation`` string: the patterns read it as a
    hole (a relay writes it back), and still know every plain delta but a part's first."""
    frames = [f + b"\n\n" for f in _body(source, _realistic(source)).split(b"\n\n") if f]
    padded = [
        frame.replace(b"}\n\n", b',"obfuscation":"%s"}\n\n' % (b"x" * (n % 9 + 1)))
        if _HOLE.search(frame)
        else frame
        for n, frame in enumerate(frames)
    ]
    transcoder = SSETranscoder(source=source, target=target, **FIXED)
    known = results_of(monkeypatch, transcoder, "_known")
    written = b"".join(transcoder.feed(frame) for frame in padded) + transcoder.finish()
    assert written == _transcode(source, target, padded, hot=False)[0]
    assert len(known) >= (37 if target == "completions" else 76)


def _chat_chunks(created: list[int]) -> list[bytes]:
    """A chat stream of ``len(created)`` content deltas, each chunk stamped with its
    ``created``."""

    def chunk(stamp: int, delta: dict[str, Any], finish: str | None = None) -> bytes:
        body = {
            "id": "c",
            "object": "chat.completion.chunk",
            "created": stamp,
            "model": "m",
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        }
        return b"data: " + json.dumps(body).encode() + b"\n\n"

    return [
        chunk(created[0], {"role": "assistant", "content": ""}),
        *(chunk(stamp, {"content": f" w{n}"}) for n, stamp in enumerate(created)),
        chunk(created[-1], {}, "stop"),
        b"data: [DONE]\n\n",
    ]


def _count_cuts(
    transcoder: SSETranscoder, monkeypatch: pytest.MonkeyPatch
) -> tuple[list[Any], list[bytes]]:
    """The patterns the transcoder cuts (one entry per cut) and the blocks they know."""
    cuts = results_of(monkeypatch, transcoder, "_cut_pattern", with_none=True)
    return cuts, results_of(monkeypatch, transcoder, "_known")


@pytest.mark.parametrize("target", ["anthropic", "responses"])
def test_a_field_that_changes_now_and_then_gets_a_new_pattern(
    target: Format, monkeypatch: pytest.MonkeyPatch
) -> None:
    """xAI and Alibaba stamp each chunk with the second it was made: when ``created`` ticks,
    the part's pattern is cut again, and the next chunks are known again."""
    stamps = [1000 + n // 40 for n in range(200)]  # five seconds, 40 chunks each
    frames = _chat_chunks(stamps)
    transcoder = SSETranscoder(source="chat", target=target, **FIXED)
    cuts, known = _count_cuts(transcoder, monkeypatch)
    written = b"".join(transcoder.feed(frame) for frame in frames) + transcoder.finish()
    assert written == _transcode("chat", target, frames, hot=False)[0]
    assert len(cuts) == 5  # one per second
    assert len(known) >= 200 - 2 * 5


def test_a_field_that_changes_in_every_chunk_costs_a_few_cuts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A pattern that knows nothing waits twice as long before the next cut: a field that is
    other in every chunk costs about log2(chunks) cuts, and the output is the full path's."""
    frames = _chat_chunks([1000 + n for n in range(1000)])
    transcoder = SSETranscoder(source="chat", target="anthropic", **FIXED)
    cuts, known = _count_cuts(transcoder, monkeypatch)
    written = b"".join(transcoder.feed(frame) for frame in frames) + transcoder.finish()
    assert written == _transcode("chat", "anthropic", frames, hot=False)[0]
    assert known == []
    assert len(cuts) <= 11
