"""Each fast path of the non-streaming conversions gives exactly what its slow path gives.

The speed work (issue 10) let converters skip work whose result they already have: a Responses
decoder reads each output item's JSON from the one dump of the whole response instead of dumping
every item (and every message's content parts) again. These properties hold the fast path to the
slow one over generated payloads: realistic responses and schema-valid ones (unknown fields,
unknown items, every union member).
"""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from openai_claude_bridge.responses import Response
from openai_claude_bridge.responses.decode import _output_item, decode_response
from openai_claude_bridge.testing.strategies import responses, wire_payloads
from openai_claude_bridge.wire import from_wire, json_path


@given(st.one_of(responses("responses"), wire_payloads(Response)))
def test_responses_output_items_decode_alike_from_the_response_dump(payload: Any) -> None:
    resp = from_wire(Response, payload)
    each_dumped = tuple(
        part
        for i, item in enumerate(resp.output)
        for part in _output_item(item, json_path(["output", i]))
    )
    (candidate,) = decode_response(resp).candidates
    assert repr(candidate.parts) == repr(each_dumped)  # repr: a NaN equals itself
