"""``docs/pairs/`` is current: regenerating it from the code's tables and the fixtures gives the
committed files, and every value of every mapping table appears on a page of its format."""

from __future__ import annotations

from pathlib import Path

import pytest

from openai_claude_bridge import _mapping_docs as gen
from openai_claude_bridge.options import FORMATS

ROOT = Path(__file__).resolve().parent.parent
PAIRS_DIR = ROOT / "docs" / "pairs"
REGENERATE = "run `python -m openai_claude_bridge._mapping_docs` and commit docs/pairs/"


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return gen.render_pages(gen.load_corpus(ROOT / "tests" / "fixtures"))


def test_one_page_per_pair_and_an_index(pages: dict[str, str]) -> None:
    expected = {"index.md"} | {
        f"{gen.pair_name(a, b)}.md" for i, a in enumerate(FORMATS) for b in FORMATS[i + 1 :]
    }
    assert set(pages) == expected
    for name in expected - {"index.md"}:
        assert f"]({name})" in pages["index.md"]


def test_committed_pages_are_current(pages: dict[str, str]) -> None:
    committed = {path.name for path in PAIRS_DIR.glob("*.md")}
    assert committed == set(pages), (
        f"docs/pairs/ has other files than the generator makes; {REGENERATE}"
    )
    stale = [
        name
        for name, text in pages.items()
        if (PAIRS_DIR / name).read_text(encoding="utf-8") != text
    ]
    assert not stale, f"docs/pairs/{', '.join(sorted(stale))} out of date; {REGENERATE}"


def test_every_table_value_is_rendered(pages: dict[str, str]) -> None:
    for table, values in gen.table_values().items():
        fmt = table.split(".", 1)[0]
        if fmt not in FORMATS:  # ReasoningPolicy: rendered on anthropic's pages
            fmt = "anthropic"
        text = "\n".join(
            t for name, t in pages.items() if fmt in name.removesuffix(".md").split("-")
        )
        missing = sorted({value for value in values if value not in text})
        assert not missing, f"{table}: {missing} not rendered on any {fmt} page"


def test_losses_are_collected_from_the_corpus(pages: dict[str, str]) -> None:
    # The loss tables come from running conversions: a known loss of each kind shows up.
    assert "`top_k`" in pages["anthropic-chat.md"]
    assert "`max_tokens` | anthropic requires max_tokens" in pages["anthropic-chat.md"]
    assert "`stop_reason`" in pages["anthropic-completions.md"]


def test_rendering_is_pure_and_deterministic() -> None:
    corpus = gen.load_corpus(ROOT / "tests" / "fixtures")
    assert gen.render_pages(corpus) == gen.render_pages(list(corpus))
    empty = gen.render_pages([])
    assert "Nothing is lost in the corpus." in empty["chat-responses.md"]


def test_policies_cover_every_topic_and_format(pages: dict[str, str]) -> None:
    for topic, entries in gen.POLICIES.items():
        assert set(entries) == set(FORMATS), topic
        for fmt in FORMATS:
            text = gen.policy(topic, fmt)
            assert not any("{" + name + "}" in text for name in gen.CONSTANTS), (topic, fmt)
    for name, text in pages.items():
        for constant in gen.CONSTANTS:
            assert "{" + constant + "}" not in text, name
