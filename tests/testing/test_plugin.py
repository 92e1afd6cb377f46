"""The kit's pytest plugin, run in a pytest of its own (``pytester``): the fixtures, the
``--bridge-samples`` items and the ``bridge_sample`` fixture."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.testing.test_runner import UNOPENED
from tests.testing.test_samples import ANTHROPIC_EVENTS, ANTHROPIC_RESPONSE

pytest_plugins = ["pytester"]

DOC_BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def pytester_chat_stream() -> bytes:
    """A chat stream as a server sends it, reasoning in DeepSeek's field."""
    chunks = [
        {"index": 0, "delta": {"role": "assistant", "reasoning_content": "Hm."}},
        {"index": 0, "delta": {"content": "Hi"}, "finish_reason": "stop"},
    ]
    frames = [
        {"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": "m", "choices": [c]}
        for c in chunks
    ]
    return b"".join(b"data: " + json.dumps(f).encode() + b"\n\n" for f in frames) + (
        b"data: [DONE]\n\n"
    )


@pytest.fixture
def samples(pytester: pytest.Pytester) -> Path:
    folder = pytester.path / "samples"
    folder.mkdir()
    (folder / "response.json").write_text(json.dumps(ANTHROPIC_RESPONSE))
    (folder / "stream.jsonl").write_text("\n".join(map(json.dumps, ANTHROPIC_EVENTS)))
    return folder


def test_the_plugin_is_registered(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest("--help")
    result.stdout.fnmatch_lines(["*--bridge-samples=DIR*", "*--bridge-targets=FORMATS*"])


def test_deterministic_fixtures(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        from openai_claude_bridge import convert_response

        def test_ids(bridge_id_factory, bridge_clock):
            assert [bridge_id_factory("msg_"), bridge_id_factory("call_")] == [
                "msg_000001", "call_000002"
            ]
            assert bridge_clock() == 1_700_000_000

        def test_a_conversion_is_the_same_every_run(bridge_id_factory, bridge_clock):
            payload = {
                "id": "msg_1", "type": "message", "role": "assistant", "model": "m",
                "content": [{"type": "text", "text": "Hi"}], "stop_reason": "end_turn",
                "usage": {"input_tokens": 1, "output_tokens": 1},
            }
            out = convert_response(
                payload, source="anthropic", target="responses",
                id_factory=bridge_id_factory, clock=bridge_clock,
            )
            assert out.created_at == 1_700_000_000
            assert out.output[0].id == "msg_000001"
        """
    )
    pytester.runpytest("-q").assert_outcomes(passed=2)


def test_every_sample_in_every_direction(pytester: pytest.Pytester, samples: Path) -> None:
    result = pytester.runpytest("-v", "--bridge-samples", str(samples))
    result.assert_outcomes(passed=8)
    result.stdout.fnmatch_lines(["*response.json*anthropic->chat* PASSED*"])


def test_a_violation_fails_its_item(pytester: pytest.Pytester, samples: Path) -> None:
    (samples / "unopened.jsonl").write_text("\n".join(map(json.dumps, UNOPENED)))
    result = pytester.runpytest("--bridge-samples", str(samples), "--bridge-targets", "chat")
    result.assert_outcomes(passed=2, failed=1)
    failure = "unopened.jsonl (anthropic -> chat) broke rules:\nconversion.refused at events[1]: "
    assert failure in result.stdout.str()
    result.stdout.fnmatch_lines(["FAILED samples::unopened.jsonl?anthropic->chat? - *"])


def test_a_file_that_is_not_a_sample_is_a_collection_error(
    pytester: pytest.Pytester, samples: Path
) -> None:
    (samples / "broken.json").write_text("{")
    result = pytester.runpytest("--bridge-samples", str(samples))
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines(["broken.json: not a sample (*"])


def test_keywords_select_samples(pytester: pytest.Pytester, samples: Path) -> None:
    result = pytester.runpytest("--bridge-samples", str(samples), "-k", "stream and responses")
    result.assert_outcomes(passed=1, deselected=7)


def test_targets_are_checked(pytester: pytest.Pytester, samples: Path) -> None:
    result = pytester.runpytest("--bridge-samples", str(samples), "--bridge-targets", "gemini")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--bridge-targets*gemini*"])
    result = pytester.runpytest("--bridge-samples", str(samples / "nowhere"))
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--bridge-samples*nowhere: not a folder*"])


def test_bridge_sample_parametrizes_a_test(pytester: pytest.Pytester, samples: Path) -> None:
    pytester.makepyfile(
        """
        def test_handler(bridge_sample):
            assert bridge_sample.format == "anthropic"
            assert bridge_sample.kind in ("response", "stream")
        """
    )
    result = pytester.runpytest("-v", "-p", "no:randomly", "--bridge-samples", str(samples))
    result.assert_outcomes(passed=2 + 8)
    result.stdout.fnmatch_lines(["*test_handler?response.json? PASSED*"])
    result = pytester.runpytest("-q")
    result.assert_outcomes(skipped=1)


def test_the_docs_proxy_handler_over_a_samples_folder(
    pytester: pytest.Pytester, samples: Path
) -> None:
    """docs/testing.md's handler tests, run as a user runs them: its ``bridge_sample`` test once
    per sample of the folder (it checks the chat streams), beside the plugin's own items."""
    page = (Path(__file__).resolve().parents[2] / "docs" / "testing.md").read_text()
    pytester.makepyfile(test_proxy="\n".join(DOC_BLOCK.findall(page)))
    (samples / "chat.sse").write_bytes(pytester_chat_stream())
    result = pytester.runpytest("-v", "-p", "no:randomly", "--bridge-samples", str(samples))
    result.stdout.fnmatch_lines(
        ["*test_every_recorded_stream_reaches_the_client_intact?chat.sse? PASSED*"]
    )
    # the plugin's 3 samples x 4 directions, the handler test per sample (2 skipped: not chat
    # streams), and the page's two hypothesis tests
    result.assert_outcomes(passed=12 + 1 + 2, skipped=2)
