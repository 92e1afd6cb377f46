"""The checks of the testing kit: functions that return the
:class:`~openai_claude_bridge.testing.Violation` list of one family of invariants, and never
raise for anything the library does.

* :func:`check_conversion` — one non-streaming conversion (:mod:`.conversion`: output valid for
  the target, turn structure (:mod:`.turns`), semantic subset kept ``A -> B -> A``
  (:mod:`.round_trip`), losses at real paths, only ``BridgeError`` raised);
* :func:`check_stream` — one stream against its format's rules (:mod:`.stream`, and a module per
  format: :mod:`.anthropic_stream`, :mod:`.chat_stream`, :mod:`.responses_stream`,
  :mod:`.completions_stream`);
* :func:`check_stream_conversion` — one stream conversion (:mod:`.stream_conversion`: target
  rules, stream = non-stream, chunking, truncation);
* :func:`accumulate` — the final response a stream folds into (:mod:`.accumulating`; it raises
  for a stream that has none).

Every violation's ``rule`` is documented in the module docstring that checks it.
"""

from __future__ import annotations

from .accumulating import accumulate
from .conversion import check_conversion
from .stream import check_stream
from .stream_conversion import check_stream_conversion

__all__ = ["accumulate", "check_conversion", "check_stream", "check_stream_conversion"]
