"""Whether a loss's path names a place in the payload it was reported for."""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["resolves"]

_PATH_STEP = re.compile(r'\.?([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]')


def resolves(payload: Any, path: str, *, absent_key: bool = False) -> bool:
    """Whether ``path`` (a JSON path as :func:`openai_claude_bridge.wire.json_path` writes it:
    ``messages[2].content[0].text``, ``["a-b"].c``, ``""`` for the root) names a value present in
    ``payload`` (or, with ``absent_key``, a key its object lacks: ``max_tokens`` of a request that
    sets none)."""
    current, at = payload, 0
    while at < len(path):
        step = _PATH_STEP.match(path, at)
        if step is None or step.end() == at:
            return False
        at = step.end()
        name, index, quoted = step.groups()
        if index is not None:
            if not isinstance(current, list) or int(index) >= len(current):
                return False
            current = current[int(index)]
            continue
        key = name if name is not None else json.loads(quoted)
        if not isinstance(current, dict):
            return False
        if key not in current:
            return absent_key and at == len(path)
        current = current[key]
    return True
