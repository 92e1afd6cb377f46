"""Format-neutral plans of what a payload says, drawn first and rendered in a format after.

A *conversation* (:class:`Conversation`) is what a request says: system texts, then turns that
follow the rules every API shares — a user turn first; an assistant turn (reasoning, text, tool
calls) after each user turn; the results of every call of an assistant turn in the very next
turn (:class:`Results`), possibly followed there by the user's next words; the conversation ends
on the user's side. A *reply* (:class:`Reply`) is what a response says: one or more choices, each
an ordered list of parts and the reason it stopped, chosen first so that the parts agree with it
(a ``tool_use`` stop has calls, an ``end_turn`` has text and no calls …), and usage that adds up.

Rendering a plan in a format is the other modules' job (``_requests``, ``_responses``,
``_streams``); drawing the plan once and rendering it several ways keeps the formats consistent
(a stream and a response of one reply say the same thing).
"""

from __future__ import annotations

import typing
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Literal, Union

from hypothesis import strategies as st

from ._atoms import (
    SCHEMAS,
    TOOLS,
    Image,
    OutputSchema,
    ToolSpec,
    arguments,
    encrypted_contents,
    images,
    prose,
    signatures,
    titles,
    urls,
)

# --------------------------------------------------------------------------- parts


@dataclass(frozen=True)
class Thought:
    """Reasoning: its text, the signature / encrypted forms servers attach, its summary."""

    text: str
    signature: str
    encrypted: str
    summary: tuple[str, ...]
    redacted: bool = False
    """Anthropic ``redacted_thinking`` (only the opaque data is visible)."""


@dataclass(frozen=True)
class Call:
    """A function tool call; ``number`` is unique in its payload (ids are made from it)."""

    number: int
    spec: ToolSpec
    arguments: dict[str, object]


@dataclass(frozen=True)
class Citation:
    """A web citation of part of a text (``start``/``end`` index into the text)."""

    url: str
    title: str
    cited_text: str
    start: int
    end: int


@dataclass(frozen=True)
class Text:
    """Text the model says, with the citations that support it."""

    text: str
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Refusal:
    """The model declining (chat ``refusal``, a Responses refusal part)."""

    text: str


@dataclass(frozen=True)
class Search:
    """A server-side web search and its results (anthropic ``server_tool_use`` +
    ``web_search_tool_result``, a Responses ``web_search_call``)."""

    number: int
    query: str
    results: tuple[tuple[str, str], ...]
    """(url, title) of each result."""


ReplyPart = Union[Thought, Text, Call, Refusal, Search]

# --------------------------------------------------------------------------- conversations


@dataclass(frozen=True)
class User:
    """A user turn: texts, then images."""

    texts: tuple[str, ...]
    images: tuple[Image, ...] = ()


@dataclass(frozen=True)
class Assistant:
    """An assistant turn: its parts in order (reasoning, text, calls; never empty of what it
    says — it has a text or a call)."""

    parts: tuple[Thought | Text | Call, ...]

    @property
    def calls(self) -> tuple[Call, ...]:
        return tuple(part for part in self.parts if isinstance(part, Call))


@dataclass(frozen=True)
class Result:
    """The result of one call: text, maybe an image, maybe an error."""

    call: Call
    text: str
    image: Image | None = None
    is_error: bool = False


@dataclass(frozen=True)
class Results:
    """The results of every call of the assistant turn before, then maybe the user's words."""

    results: tuple[Result, ...]
    then: User | None = None


Turn = Union[User, Assistant, Results]

Effort = Literal["low", "medium", "high"]
ToolChoiceMode = Literal["auto", "none", "required", "tool"]


@dataclass(frozen=True)
class Thinking:
    """The request's reasoning configuration: an effort and a matching thinking budget."""

    effort: Effort
    budget: int


@dataclass(frozen=True)
class Conversation:
    """What a request says (see the module docstring)."""

    system: tuple[str, ...]
    turns: tuple[Turn, ...]
    tools: tuple[ToolSpec, ...]
    tool_choice: tuple[ToolChoiceMode, str | None] | None
    parallel: bool | None
    thinking: Thinking | None
    output: OutputSchema | None
    cache: bool
    max_tokens: int
    temperature: float | None
    stream: bool | None
    seed: int

    @property
    def calls(self) -> tuple[Call, ...]:
        return tuple(c for turn in self.turns if isinstance(turn, Assistant) for c in turn.calls)


@dataclass(frozen=True)
class ConversationOptions:
    """What :func:`conversations` may put in."""

    tools: bool
    tool_results: bool
    images: bool
    reasoning: bool
    structured_output: bool
    cache_hints: bool
    max_turns: int


@st.composite
def thoughts(draw: st.DrawFn, *, redacted: bool = False) -> Thought:
    """Reasoning with its signature, encrypted form and summary."""
    return Thought(
        text=draw(prose(16)),
        signature=draw(signatures()),
        encrypted=draw(encrypted_contents()),
        summary=tuple(draw(st.lists(prose(8), max_size=2), label="summary")),
        redacted=redacted and draw(st.integers(0, 5), label="redacted") == 0,
    )


@st.composite
def _user(draw: st.DrawFn, options: ConversationOptions) -> User:
    texts = tuple(draw(st.lists(prose(), min_size=1, max_size=2), label="user texts"))
    pictures: tuple[Image, ...] = ()
    if options.images:
        pictures = tuple(draw(st.lists(images(), max_size=1), label="user images"))
    return User(texts, pictures)


@st.composite
def _calls(
    draw: st.DrawFn, tools: Sequence[ToolSpec], first: int, parallel: bool
) -> tuple[Call, ...]:
    count = draw(st.integers(1, 3 if parallel else 1), label="calls")
    out = []
    for n in range(count):
        spec = draw(st.sampled_from(tools), label="tool")
        out.append(Call(first + n, spec, draw(arguments(spec), label="arguments")))
    return tuple(out)


@st.composite
def _assistant(
    draw: st.DrawFn,
    options: ConversationOptions,
    tools: Sequence[ToolSpec],
    first_call: int,
    *,
    thinking: bool,
    parallel: bool,
) -> Assistant:
    calls: tuple[Call, ...] = ()
    if tools and options.tool_results and draw(st.booleans(), label="uses tools"):
        calls = draw(_calls(tools, first_call, parallel))
    text = draw(prose(), label="text") if not calls or draw(st.booleans(), label="says") else None
    said: list[Thought | Text | Call] = [Text(text)] if text is not None else []
    said += calls
    if thinking:
        # the first reasoning opens the turn (the Messages API wants it there when thinking is
        # on); more may sit anywhere among the rest (interleaved thinking, Responses items)
        said.insert(0, draw(thoughts(redacted=True)))
        for _ in range(draw(st.integers(0, 2), label="more reasoning")):
            position = draw(st.integers(1, len(said)), label="reasoning position")
            said.insert(position, draw(thoughts()))
    return Assistant(tuple(said))


@st.composite
def _results(draw: st.DrawFn, options: ConversationOptions, calls: Sequence[Call]) -> Results:
    results = []
    for call in calls:
        image = draw(st.none() | images()) if options.images else None
        is_error = draw(st.integers(0, 4), label="is_error") == 0
        results.append(Result(call, draw(prose(), label="result"), image, is_error))
    then = draw(st.none() | _user(options), label="user after results")
    return Results(tuple(results), then)


@st.composite
def conversations(draw: st.DrawFn, options: ConversationOptions) -> Conversation:
    """A conversation that follows the shared turn rules (see the module docstring)."""
    tools: tuple[ToolSpec, ...] = ()
    if options.tools and draw(st.integers(0, 4), label="no tools") != 0:
        tools = tuple(
            draw(
                st.lists(st.sampled_from(TOOLS), min_size=1, max_size=3, unique_by=lambda t: t.name)
            )
        )
    thinking = None
    if options.reasoning and draw(st.booleans(), label="thinking"):
        efforts: tuple[Effort, ...] = ("low", "medium", "high")
        effort = draw(st.sampled_from(efforts))
        thinking = Thinking(effort, {"low": 1024, "medium": 4096, "high": 16384}[effort])
    choice = draw(_tool_choice(tools, forced_ok=thinking is None)) if tools else None
    parallel = draw(st.none() | st.booleans(), label="parallel") if tools else None
    turns: list[Turn] = [draw(_user(options))]
    calls = 0
    for _ in range(draw(st.integers(1, options.max_turns), label="user turns") - 1):
        assistant = draw(
            _assistant(
                options, tools, calls, thinking=thinking is not None, parallel=parallel is not False
            )
        )
        calls += len(assistant.calls)
        turns.append(assistant)
        turns.append(
            draw(_results(options, assistant.calls)) if assistant.calls else draw(_user(options))
        )
    output = None
    if options.structured_output and draw(st.integers(0, 3), label="structured") == 0:
        output = draw(st.sampled_from(SCHEMAS))
    budget = thinking.budget if thinking else 0
    return Conversation(
        system=tuple(draw(st.lists(prose(), max_size=2), label="system")),
        turns=tuple(turns),
        tools=tools,
        tool_choice=choice,
        parallel=parallel,
        thinking=thinking,
        output=output,
        cache=options.cache_hints and draw(st.booleans(), label="cache hints"),
        max_tokens=budget + draw(st.sampled_from([256, 1024, 4096, 8192]), label="max_tokens"),
        temperature=None if thinking else draw(st.none() | st.sampled_from([0.0, 0.2, 0.7, 1.0])),
        stream=draw(st.none() | st.booleans(), label="stream"),
        seed=draw(st.integers(0, 2**64 - 1), label="id seed"),
    )


@st.composite
def _tool_choice(
    draw: st.DrawFn, tools: Sequence[ToolSpec], *, forced_ok: bool
) -> tuple[ToolChoiceMode, str | None] | None:
    modes: list[ToolChoiceMode] = ["auto", "none"]
    if forced_ok:
        modes += ["required", "tool"]
    mode = draw(st.none() | st.sampled_from(modes), label="tool choice")
    if mode is None:
        return None
    name = draw(st.sampled_from(tools)).name if mode == "tool" else None
    return (mode, name)


# --------------------------------------------------------------------------- replies

Stop = Literal[
    "end", "stop_sequence", "max_tokens", "tool_calls", "refusal", "content_filter", "pause",
    "context_window",
]  # fmt: skip


@dataclass(frozen=True)
class Choice:
    """One choice of a reply: its parts in order and why it stopped."""

    parts: tuple[ReplyPart, ...]
    stop: Stop
    stop_sequence: str | None = None


@dataclass(frozen=True)
class Tokens:
    """Usage: uncached input, cache reads and writes, output (reasoning included), searches."""

    input: int
    cache_read: int
    cache_write: int
    output: int
    reasoning: int
    searches: int

    @property
    def prompt(self) -> int:
        """Input tokens as OpenAI counts them (cache included)."""
        return self.input + self.cache_read + self.cache_write


@dataclass(frozen=True)
class Reply:
    """What a response says (see the module docstring)."""

    choices: tuple[Choice, ...]
    usage: Tokens | None
    created: int
    seed: int

    @property
    def tools(self) -> tuple[ToolSpec, ...]:
        """The tools the reply calls (what its request declared, as far as it shows)."""
        seen: dict[str, ToolSpec] = {}
        for choice in self.choices:
            for part in choice.parts:
                if isinstance(part, Call):
                    seen.setdefault(part.spec.name, part.spec)
        return tuple(seen.values())


@dataclass(frozen=True)
class ReplyOptions:
    """What :func:`replies` may put in."""

    stops: tuple[Stop, ...]
    usage: bool
    refusals: bool
    parallel_calls: bool
    citations: bool
    reasoning: bool
    server_tools: bool
    max_choices: int
    choices_allowed: bool
    """Whether the format has several choices (chat, completions)."""
    reasoning_allowed: bool
    """Whether the format can say reasoning at all (not completions)."""
    refusal_parts: bool
    """Whether the format has a refusal part (chat ``refusal``, a Responses refusal part)."""


@st.composite
def _cited_text(draw: st.DrawFn, search: Search | None) -> Text:
    text = draw(prose(16), label="text")
    if search is None or not search.results or not draw(st.booleans(), label="cited"):
        return Text(text)
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    url, title = draw(st.sampled_from(search.results))
    return Text(text, (Citation(url, title, text[start:end], start, end),))


@st.composite
def _search(draw: st.DrawFn, number: int) -> Search:
    results = draw(st.lists(st.tuples(urls(), titles()), min_size=1, max_size=3))
    return Search(number, draw(prose(5), label="query"), tuple(results))


@st.composite
def _said(draw: st.DrawFn, options: ReplyOptions, *, first_number: int) -> list[ReplyPart]:
    """Texts (1..3), maybe after a web search that they cite."""
    parts: list[ReplyPart] = []
    search = None
    if options.server_tools and draw(st.integers(0, 3), label="search") == 0:
        search = draw(_search(first_number))
        parts.append(search)
    cite = search if options.citations else None
    for _ in range(draw(st.integers(1, 3 if search else 2), label="texts")):
        parts.append(draw(_cited_text(cite)))
    return parts


@st.composite
def _choice(draw: st.DrawFn, options: ReplyOptions, stop: Stop, number: int) -> Choice:
    parts: list[ReplyPart] = []
    if options.reasoning and options.reasoning_allowed and draw(st.booleans(), label="thinks"):
        parts.append(draw(thoughts(redacted=True)))
    sequence = None
    match stop:
        case "end" | "stop_sequence":
            parts += draw(_said(options, first_number=number))
            if stop == "stop_sequence":
                sequence = draw(st.sampled_from(["\n\nHuman:", "END", "</answer>", "###"]))
        case "tool_calls":
            if draw(st.booleans(), label="says before calls"):
                parts.append(Text(draw(prose())))
            tools = draw(st.lists(st.sampled_from(TOOLS), min_size=1, max_size=3))
            count = draw(st.integers(1, 3)) if options.parallel_calls else 1
            for n in range(count):
                spec = draw(st.sampled_from(tools))
                parts.append(Call(number + 100 + n, spec, draw(arguments(spec))))
        case "max_tokens" | "context_window" | "content_filter":
            if not parts or draw(st.booleans(), label="says"):
                parts.append(Text(draw(prose())))
        case "refusal":
            if draw(st.booleans(), label="partial text"):
                parts.append(Text(draw(prose())))
        case "pause":
            if draw(st.booleans(), label="says first"):
                parts.append(Text(draw(prose())))
            parts.append(draw(_search(number)))
    if stop == "end" and options.refusal_parts and draw(st.integers(0, 4), label="refuses") == 0:
        parts = [*(p for p in parts if isinstance(p, Thought)), Refusal(draw(prose()))]
    return Choice(tuple(parts), stop, sequence)


@st.composite
def _tokens(draw: st.DrawFn, choices: Sequence[Choice], options: ReplyOptions) -> Tokens:
    thought = any(isinstance(p, Thought) for c in choices for p in c.parts)
    searches = sum(isinstance(p, Search) for c in choices for p in c.parts)
    output = draw(st.integers(1, 4000), label="output tokens")
    detailed = options.usage
    return Tokens(
        input=draw(st.integers(1, 20000), label="input tokens"),
        cache_read=draw(st.sampled_from([0, 1920, 4096])) if detailed else 0,
        cache_write=draw(st.sampled_from([0, 0, 512])) if detailed else 0,
        output=output,
        reasoning=draw(st.integers(0, output)) if detailed and thought else 0,
        searches=searches,
    )


_COMMON: tuple[Stop, ...] = typing.get_args(Stop)


@st.composite
def replies(draw: st.DrawFn, options: ReplyOptions, *, stops: Collection[Stop]) -> Reply:
    """A reply whose choices stop for one of ``stops`` and say what that implies."""
    count = 1
    if options.choices_allowed and options.max_choices > 1 and draw(st.booleans(), label="n>1"):
        count = draw(st.integers(2, options.max_choices), label="choices")
    # the common endings (an answer, tool calls) come more often than the rare ones
    weighted = sorted(stops, key=_COMMON.index)
    weighted = [s for s in weighted for _ in range(3 if s in ("end", "tool_calls") else 1)]
    choices = tuple(
        draw(_choice(options, draw(st.sampled_from(weighted), label="stop"), 1000 * n))
        for n in range(count)
    )
    return Reply(
        choices=choices,
        usage=draw(_tokens(choices, options)),
        created=draw(st.integers(1_700_000_000, 1_800_000_000), label="created"),
        seed=draw(st.integers(0, 2**64 - 1), label="id seed"),
    )
