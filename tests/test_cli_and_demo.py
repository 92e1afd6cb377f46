"""The command line and the built-in demo samples."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from openai_claude_bridge.__main__ import main
from openai_claude_bridge._demo import SAMPLES
from tests.support.oracle import assert_sdk_strict
from tests.support.sdk_types import SDK_TYPES

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: f"{s.format}-{s.kind}")
def test_demo_samples_are_strictly_valid_for_the_sdks(sample) -> None:  # type: ignore[no-untyped-def]
    assert_sdk_strict(sample.payload, *SDK_TYPES[(sample.format, sample.type_name)])


def test_demo_runs_every_sample_through_every_direction() -> None:
    out = io.StringIO()
    assert main(["demo"], out=out) == 0
    text = out.getvalue()
    conversions = [s for s in SAMPLES if s.kind != "event"]
    assert text.count("exact") == len(conversions)
    assert text.count(" lost") == 3 * len(conversions)
    assert "FAILED" not in text
    assert "path='messages[0].content[1].text'" in text


def test_convert_request_command(capsys: pytest.CaptureFixture[str]) -> None:
    out = io.StringIO()
    stdin = io.StringIO(json.dumps(SAMPLES[0].payload))
    args = ["convert-request", "--from", "anthropic", "--to", "completions", "--model", "m"]
    assert main(args, stdin=stdin, out=out) == 0
    converted = json.loads(out.getvalue())
    assert converted["model"] == "m" and isinstance(converted["prompt"], str)
    lost = capsys.readouterr().err.splitlines()
    assert lost and all(line.startswith("lost: ") for line in lost)


def test_convert_request_strict_fails_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    stdin = io.StringIO(json.dumps(SAMPLES[0].payload))
    args = ["convert-request", "--from", "anthropic", "--to", "completions", "--strict"]
    assert main(args, stdin=stdin, out=io.StringIO()) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1


def test_convert_response_and_error_commands(capsys: pytest.CaptureFixture[str]) -> None:
    response = next(s for s in SAMPLES if s.format == "chat" and s.kind == "response")
    out = io.StringIO()
    args = ["convert-response", "--from", "chat", "--to", "anthropic"]
    assert main(args, stdin=io.StringIO(json.dumps(response.payload)), out=out) == 0
    assert json.loads(out.getvalue())["type"] == "message"
    body = {"type": "error", "error": {"type": "overloaded_error", "message": "busy"}}
    out = io.StringIO()
    args = ["convert-error", "--from", "anthropic", "--to", "chat", "--status", "529"]
    assert main(args, stdin=io.StringIO(json.dumps(body)), out=out) == 0
    assert json.loads(out.getvalue())["error"]["message"] == "busy"
    assert "status: 503" in capsys.readouterr().err


def test_demo_as_a_module_needs_no_arguments() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "openai_claude_bridge", "demo"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "anthropic" in proc.stdout and "completions" in proc.stdout


def test_validate_echoes_the_payload() -> None:
    payload = SAMPLES[0].payload
    out = io.StringIO()
    code = main(
        ["validate", "--format", "anthropic"], stdin=io.StringIO(json.dumps(payload)), out=out
    )
    assert code == 0
    assert json.loads(out.getvalue()) == payload


def test_validate_reads_event_lines() -> None:
    events = [s.payload for s in SAMPLES if s.format == "responses" and s.kind == "event"] * 2
    out = io.StringIO()
    stdin = io.StringIO("\n".join(json.dumps(e) for e in events) + "\n")
    assert main(["validate", "--format", "responses", "--kind", "event"], stdin=stdin, out=out) == 0
    assert [json.loads(line) for line in out.getvalue().splitlines()] == events


def test_validate_reports_bad_input_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    stdin = io.StringIO('{"model": "gpt-4o", "messages": [{"role": "robot"}]}')
    assert main(["validate", "--format", "chat"], stdin=stdin, out=io.StringIO()) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: messages[0]: ") and err.count("\n") == 1


def test_validate_reports_non_json(capsys: pytest.CaptureFixture[str]) -> None:
    stdin = io.StringIO("not json")
    assert main(["validate", "--format", "completions"], stdin=stdin, out=io.StringIO()) == 1
    assert "not valid JSON" in capsys.readouterr().err


def test_validate_by_type_name(tmp_path: Path) -> None:
    path = tmp_path / "block.json"
    path.write_text('{"type": "text", "text": "hi"}', encoding="utf-8")
    out = io.StringIO()
    assert (
        main(["validate", "--format", "anthropic", "--type", "TextBlockParam", str(path)], out=out)
        == 0
    )
    assert json.loads(out.getvalue()) == {"type": "text", "text": "hi"}


def test_stream_command_transcodes_a_file(tmp_path: Path) -> None:
    head = {"id": "c", "object": "chat.completion.chunk", "created": 1, "model": "gpt"}
    chunks = [
        {**head, "choices": [{"index": 0, "delta": {"role": "assistant", "content": "Hi"}}]},
        {**head, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]},
    ]
    body = "".join(f"data: {json.dumps(c)}\n\n" for c in chunks) + "data: [DONE]\n\n"
    upstream = tmp_path / "up.sse"
    upstream.write_text(body, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "openai_claude_bridge", "stream", "--from", "chat", "--to",
         "anthropic", str(upstream)],
        capture_output=True, text=True, cwd=ROOT, timeout=120, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    events = [
        line.split(": ", 1)[1] for line in proc.stdout.splitlines() if line.startswith("event")
    ]
    assert events[0] == "message_start" and events[-1] == "message_stop"
    assert '"text":"Hi"' in proc.stdout
