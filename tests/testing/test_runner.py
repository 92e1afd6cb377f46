"""The kit's runner and the ``check`` command: every check in every direction over a folder."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from openai_claude_bridge.__main__ import main
from openai_claude_bridge.options import FORMATS
from openai_claude_bridge.testing.runner import check_sample, check_samples, render_table
from openai_claude_bridge.testing.samples import Sample, read_samples
from tests.testing.test_samples import ANTHROPIC_EVENTS, ANTHROPIC_RESPONSE, CHAT_REQUEST

#: An anthropic stream whose text arrives for a block that was never opened.
UNOPENED = [ANTHROPIC_EVENTS[0], *ANTHROPIC_EVENTS[2:]]


def _folder(tmp_path: Path, *, bad: bool = False) -> Path:
    (tmp_path / "response.json").write_text(json.dumps(ANTHROPIC_RESPONSE))
    (tmp_path / "request.json").write_text(json.dumps(CHAT_REQUEST))
    (tmp_path / "stream.jsonl").write_text("\n".join(map(json.dumps, ANTHROPIC_EVENTS)))
    if bad:
        (tmp_path / "unopened.jsonl").write_text("\n".join(map(json.dumps, UNOPENED)))
    return tmp_path


def _check(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(["check", *argv], out=out), out.getvalue()


def test_every_sample_in_every_direction(tmp_path: Path) -> None:
    outcomes = check_samples(read_samples(_folder(tmp_path)))
    assert [(o.sample.name, o.target) for o in outcomes] == [
        (name, target)
        for name in ("request.json", "response.json", "stream.jsonl")
        for target in FORMATS
    ]
    assert all(o.violations == () for o in outcomes), [o for o in outcomes if o.violations]
    assert outcomes[0].direction == "chat -> anthropic"


def test_a_stream_that_breaks_its_rules_is_reported_in_every_direction() -> None:
    sample = Sample("unopened.jsonl", "anthropic", "stream", UNOPENED)
    for target in FORMATS:
        found = check_sample(sample, target)
        assert found, target
        assert found[0].rule == "conversion.refused"
        assert found[0].path.startswith("events[1]")


def test_the_table(tmp_path: Path) -> None:
    table = render_table(check_samples(read_samples(_folder(tmp_path, bad=True))))
    lines = table.splitlines()
    assert lines[0].split() == ["sample", "from", *FORMATS]
    rows = {line.split()[0]: line.split()[1:] for line in lines[2:6]}
    assert rows["response.json"] == ["anthropic", "ok", "ok", "ok", "ok"]
    assert rows["unopened.jsonl"][0] == "anthropic"
    assert "ok" not in rows["unopened.jsonl"]
    assert "12 of 16 sample x direction checks passed." in lines
    assert "unopened.jsonl (anthropic -> chat):" in lines
    assert any(line.startswith("  conversion.refused at events[1]") for line in lines)


def test_check_command_passes_a_good_folder(tmp_path: Path) -> None:
    code, out = _check(str(_folder(tmp_path)))
    assert code == 0
    assert "12 of 12 sample x direction checks passed." in out


def test_check_command_fails_on_violations(tmp_path: Path) -> None:
    code, out = _check(str(_folder(tmp_path, bad=True)))
    assert code == 1
    assert "unopened.jsonl (anthropic -> responses):" in out


def test_check_command_filters(tmp_path: Path) -> None:
    folder = str(_folder(tmp_path, bad=True))
    code, out = _check(folder, "--exclude", "unopened*", "--from", "anthropic", "--to", "chat")
    assert code == 0
    assert out.splitlines()[0].split() == ["sample", "from", "chat"]
    assert "2 of 2 sample x direction checks passed." in out
    code, out = _check(folder, "--to", "chat", "--to", "responses")
    assert code == 1
    assert "6 of 8 sample x direction checks passed." in out


def test_check_command_says_what_it_cannot_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "broken.json").write_text("{")
    assert _check(str(tmp_path))[0] == 2
    assert "error: broken.json: not a sample" in capsys.readouterr().err
    (tmp_path / "broken.json").unlink()
    assert _check(str(tmp_path))[0] == 2
    assert f"error: no samples in {tmp_path}" in capsys.readouterr().err
