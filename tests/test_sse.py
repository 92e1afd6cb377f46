"""Incremental SSE decoding: any split of the bytes gives the same events."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openai_claude_bridge import InvalidInputError
from openai_claude_bridge.sse import SSEDecoder, SSEEvent, encode_comment, encode_event


def decode_all(chunks: list[bytes]) -> list[SSEEvent]:
    decoder = SSEDecoder()
    events: list[SSEEvent] = []
    for chunk in chunks:
        events += decoder.feed(chunk)
    return events + decoder.finish()


def test_basic_stream_with_names_comments_and_done() -> None:
    body = b': keep-alive\n\nevent: message_start\ndata: {"a": 1}\n\ndata: [DONE]\n\n'
    assert decode_all([body]) == [
        SSEEvent('{"a": 1}', "message_start"),
        SSEEvent("[DONE]"),
    ]


@pytest.mark.parametrize("newline", [b"\n", b"\r\n", b"\r"])
def test_every_line_ending(newline: bytes) -> None:
    body = newline.join([b"event: x", b"data: one", b"data: two", b"", b"data:three", b"", b""])
    assert decode_all([body]) == [SSEEvent("one\ntwo", "x"), SSEEvent("three")]


def test_crlf_split_between_cr_and_lf() -> None:
    assert decode_all([b"data: a\r", b"\n\r", b"\ndata: b\r\n\r\n"]) == [
        SSEEvent("a"),
        SSEEvent("b"),
    ]


def test_bom_and_split_utf8_character() -> None:
    body = "\ufeffdata: héllo 🌍\n\n".encode()
    for cut in range(len(body)):
        assert decode_all([body[:cut], body[cut:]]) == [SSEEvent("héllo 🌍")]


def test_finish_flushes_an_unterminated_last_event() -> None:
    assert decode_all([b"data: [DONE]"]) == [SSEEvent("[DONE]")]
    assert decode_all([b"data: a\n"]) == [SSEEvent("a")]
    assert decode_all([b""]) == []


def test_id_retry_and_unknown_fields() -> None:
    body = b"id: 7\nretry: 100\nfoo: bar\ndata\n\n"
    assert decode_all([body]) == [SSEEvent("", None, "7", 100)]


def test_invalid_utf8_is_invalid_input() -> None:
    with pytest.raises(InvalidInputError, match="UTF-8"):
        decode_all([b"data: \xff\n\n"])


def test_encoders() -> None:
    assert encode_event('{"a":1}', "ping") == b'event: ping\ndata: {"a":1}\n\n'
    assert encode_event("a\nb") == b"data: a\ndata: b\n\n"
    assert encode_comment() == b":\n\n"
    assert encode_comment("hi") == b": hi\n\n"


names = st.none() | st.text(st.characters(blacklist_characters="\r\n", codec="utf-8"), max_size=8)
datas = st.text(st.characters(blacklist_characters="\r", codec="utf-8"), max_size=40)


@given(
    st.lists(st.tuples(datas, names), max_size=6),
    st.lists(st.integers(min_value=0, max_value=10_000), max_size=8),
)
def test_any_split_gives_the_same_events(
    events: list[tuple[str, str | None]], cuts: list[int]
) -> None:
    body = b"".join(encode_event(data, name) for data, name in events)
    points = sorted({c % (len(body) + 1) for c in cuts})
    chunks = [body[a:b] for a, b in zip([0, *points], [*points, len(body)], strict=True)]
    assert decode_all(chunks) == [SSEEvent(data, name) for data, name in events]


SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"
#: The raw SSE bodies recorded from the real APIs (``external/`` holds other projects' fixtures in
#: other layouts, read by their own tests).
RECORDED_FOLDERS = ("anthropic", "openai_chat")


def test_recorded_streams_split_anywhere() -> None:
    """Every recorded stream decodes to the same events whole and byte by byte."""
    files = sorted(
        p
        for folder in RECORDED_FOLDERS
        for p in (SAMPLES / folder).glob("*")
        if p.suffix in (".txt", ".sse", ".bin")
    )
    if not files:
        pytest.skip("../shared/samples is not available")
    for path in files:
        body = path.read_bytes()
        whole = decode_all([body])
        assert whole, path.name
        assert decode_all([body[i : i + 1] for i in range(len(body))]) == whole, path.name
        for event in whole:
            assert event.data == "[DONE]" or event.data.startswith("{"), (path.name, event)


def reference_decode(body: bytes) -> list[SSEEvent]:
    """The WHATWG event-stream rules, line by line, for a whole body without a BOM (the
    oracle the decoder's fast paths must agree with)."""
    text = body.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    events: list[SSEEvent] = []
    data: list[str] = []
    event: str | None = None
    last_id: str | None = None
    retry: int | None = None
    for line in [*text.split("\n"), ""]:  # the end of the body ends the last event
        if not line:
            if data or event is not None:
                events.append(SSEEvent("\n".join(data), event, last_id, retry))
            data, event, retry = [], None, None
            continue
        if line.startswith(":"):
            continue
        name, colon, value = line.partition(":")
        value = value[1:] if colon and value.startswith(" ") else value
        if name == "data":
            data.append(value)
        elif name == "event":
            event = value
        elif name == "id" and "\0" not in value:
            last_id = value
        elif name == "retry" and value.isdigit():
            retry = int(value)
    return events


sse_lines = st.sampled_from(
    [
        "data: x",
        'data: {"a": 1}',
        "data:y",
        "data",
        "data: ",
        "event: e",
        "event:",
        "id: 7",
        "retry: 5",
        "retry: x",
        ": ping",
        "",
        "",
        "foo: bar",
    ]
) | st.builds(
    lambda t: f"data: {t}",
    st.text(st.characters(exclude_characters="\r\n", exclude_categories=["Cs"]), max_size=6),
)


@given(
    st.lists(sse_lines, max_size=30),
    st.sampled_from(["\n", "\r\n", "\r"]),
    st.lists(st.integers(min_value=0, max_value=10_000), max_size=6),
)
def test_the_decoder_follows_the_spec_however_split(
    lines: list[str], newline: str, cuts: list[int]
) -> None:
    """Any sequence of lines (usual events, multi-line ones, comments, ids, retries, unknown
    fields, blank lines), with any line ending, split anywhere: the events the spec says."""
    body = newline.join(lines).encode("utf-8")
    points = sorted({c % (len(body) + 1) for c in cuts})
    chunks = [body[a:b] for a, b in zip([0, *points], [*points, len(body)], strict=True)]
    assert decode_all(chunks) == reference_decode(body)


@pytest.mark.parametrize(
    ("chunks", "expected"),
    [
        ([b"retry: 5\n", b"data: x\n\n"], SSEEvent("x", None, None, 5)),
        ([b"event: e\n", b"data: x\n\n"], SSEEvent("x", "e")),
        ([b"data: a\n", b"data: b\n\n"], SSEEvent("a\nb")),
        ([b"id: 3\n\n", b"data: x\n\n"], SSEEvent("x", None, "3")),
    ],
)
def test_an_event_begun_in_one_chunk_ends_in_the_next(
    chunks: list[bytes], expected: SSEEvent
) -> None:
    assert decode_all(chunks) == [expected]
