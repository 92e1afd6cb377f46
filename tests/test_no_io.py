"""The library does no I/O: importing and using it opens no socket, starts no process, and loads
no network, async or SDK module.

Runs in a fresh interpreter so that nothing the test suite imported (the SDK oracles, hypothesis)
hides what the package itself loads. The testing kit (``openai_claude_bridge.testing``, the
``testing`` extra) is left out: it is a test tool, built on pytest and hypothesis (which load
``asyncio`` on some Pythons), and it reads the sample files it is pointed at; the rest of the
package must not load pytest or hypothesis either. ``socket`` is the one module the standard
library drags in on pydantic's behalf (pydantic's plugin loader imports ``importlib.metadata``,
which imports ``email.utils``, which imports ``socket``); the check allows it only by that route,
and any actual socket *use* is caught by an audit hook.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = textwrap.dedent(
    """
    import json, sys, traceback

    events = []
    def audit(event, args):
        if event.startswith(("socket.", "subprocess.", "os.system", "os.exec", "os.posix_spawn",
                             "urllib.", "http.", "ftplib.", "smtplib.", "webbrowser.")):
            events.append(event)
    sys.addaudithook(audit)

    socket_importers = []
    class Watch:
        def find_spec(self, name, path=None, target=None):
            if name == "socket":
                socket_importers.append(
                    [frame.filename for frame in traceback.extract_stack()]
                )
            return None
    sys.meta_path.insert(0, Watch())

    import importlib, pathlib
    import openai_claude_bridge
    root = pathlib.Path(openai_claude_bridge.__file__).parent
    for path in sorted(root.rglob("*.py")):
        parts = ("openai_claude_bridge", *path.relative_to(root).with_suffix("").parts)
        if parts[1] == "testing" or parts[-1] == "__main__":
            continue  # the testing kit (see the docstring); running the CLI
        importlib.import_module(".".join(parts[:-1] if parts[-1] == "__init__" else parts))

    # Use it: build, parse and dump models of every format.
    from openai_claude_bridge import from_wire, to_wire
    from openai_claude_bridge import anthropic, chat, completions, responses
    from openai_claude_bridge._demo import SAMPLES
    for sample in SAMPLES:
        module = importlib.import_module("openai_claude_bridge." + sample.format)
        to_wire(from_wire(getattr(module, sample.type_name), sample.payload))

    print(json.dumps({
        "events": events,
        "modules": sorted(sys.modules),
        "socket_importers": socket_importers,
    }))
    """
)

FORBIDDEN = (
    "ssl",
    "asyncio",
    "httpx",
    "httpcore",
    "openai",
    "anthropic",
    "requests",
    "urllib3",
    "aiohttp",
    "threading_x",
    "pytest",
    "hypothesis",
)


def test_import_and_use_does_no_io() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["events"] == []
    loaded = {name.split(".")[0] for name in report["modules"]}
    assert not loaded & set(FORBIDDEN), sorted(loaded & set(FORBIDDEN))
    for stack in report["socket_importers"]:
        assert any("importlib" in frame and "metadata" in frame for frame in stack), stack
