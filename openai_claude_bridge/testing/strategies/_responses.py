"""Rendering a :class:`~._plans.Reply` as the non-streaming response of each format.

* **anthropic** ``Message``: ``thinking`` (signed) / ``redacted_thinking``, ``text`` (with
  ``web_search_result_location`` citations), ``tool_use``, ``server_tool_use`` +
  ``web_search_tool_result`` blocks; the stop reason the content implies; usage with cache
  reads and writes and ``server_tool_use``.
* **chat** ``ChatCompletion``: one or more choices, each a message with ``content`` (its
  ``url_citation`` annotations), or a ``refusal``, and ``tool_calls``; reasoning in the dialect
  of the server (``reasoning_content``; OpenRouter's ``reasoning`` + ``reasoning_details``) when
  dialects are on; usage with cached and reasoning tokens.
* **responses** ``Response``: ``reasoning`` items (summary, ``encrypted_content``, or the
  ``reasoning_text`` content open models send), ``web_search_call`` items, a ``message`` item
  (``output_text`` parts with ``url_citation`` annotations, or a ``refusal`` part),
  ``function_call`` items; ``completed`` or ``incomplete`` with its reason; the request fields a
  Response echoes (the tools it called among them).
* **completions** ``Completion``: one or more choices of text.

:class:`Naming` gives every id of a reply, the same for its response and its stream.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from hypothesis import strategies as st

from ._atoms import HEX, Ids, arguments_json
from ._plans import Call, Choice, Citation, Refusal, Reply, Search, Stop, Text, Thought, Tokens
from ._requests import anthropic_thinking, chat_reasoning

Json = dict[str, Any]

#: Each format's stop reasons (its own vocabulary) and the plan stops that make them.
STOPS: dict[str, dict[str, tuple[Stop, ...]]] = {
    "anthropic": {
        "end_turn": ("end",),
        "stop_sequence": ("stop_sequence",),
        "max_tokens": ("max_tokens",),
        "tool_use": ("tool_calls",),
        "pause_turn": ("pause",),
        "refusal": ("refusal",),
        "model_context_window_exceeded": ("context_window",),
    },
    "chat": {
        "stop": ("end",),
        "length": ("max_tokens",),
        "tool_calls": ("tool_calls",),
        "content_filter": ("content_filter",),
    },
    "responses": {
        "completed": ("end", "tool_calls"),
        "max_output_tokens": ("max_tokens",),
        "content_filter": ("content_filter",),
    },
    "completions": {
        "stop": ("end",),
        "length": ("max_tokens",),
        "content_filter": ("content_filter",),
    },
}

ANTHROPIC_STOP: dict[Stop, str] = {
    "end": "end_turn",
    "stop_sequence": "stop_sequence",
    "max_tokens": "max_tokens",
    "tool_calls": "tool_use",
    "pause": "pause_turn",
    "refusal": "refusal",
    "context_window": "model_context_window_exceeded",
}
_CHAT_FINISH: dict[Stop, str] = {
    "end": "stop",
    "stop_sequence": "stop",
    "max_tokens": "length",
    "tool_calls": "tool_calls",
    "content_filter": "content_filter",
}
_INCOMPLETE: dict[Stop, str] = {
    "max_tokens": "max_output_tokens",
    "content_filter": "content_filter",
}


@dataclass
class Naming:
    """Every id of one reply, made on first use in a fixed order (so a response and a stream
    of the same reply agree)."""

    fmt: str
    reply: Reply
    ids: Ids = field(init=False)
    _made: dict[tuple[str, int], str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.ids = Ids(self.reply.seed)

    def _get(self, kind: str, number: int, make: Callable[[], str]) -> str:
        key = (kind, number)
        if key not in self._made:
            self._made[key] = make()
        return self._made[key]

    def response(self) -> str:
        """The response's own id."""
        make = {
            "anthropic": lambda: self.ids.make("msg_01", 22),
            "chat": lambda: self.ids.make("chatcmpl-", 29),
            "responses": lambda: self.ids.make("resp_", 48, HEX),
            "completions": lambda: self.ids.make("cmpl-", 29),
        }[self.fmt]
        return self._get("response", 0, make)

    def call(self, call: Call) -> str:
        """The call id of a tool call."""
        prefix = "toolu_01" if self.fmt == "anthropic" else "call_"
        return self._get("call", call.number, lambda: self.ids.make(prefix, 22))

    def search(self, search: Search) -> str:
        """The id of a server-side search (its tool use, or its Responses item)."""
        if self.fmt == "anthropic":
            return self._get("search", search.number, lambda: self.ids.make("srvtoolu_01", 22))
        return self._get("search", search.number, lambda: self.ids.make("ws_", 48, HEX))

    def item(self, prefix: str, position: int) -> str:
        """The id of the Responses output item at ``position`` (``rs_``, ``msg_``, ``fc_``)."""
        return self._get("item", position, lambda: self.ids.make(prefix, 48, HEX))

    def fingerprint(self) -> str:
        """A ``system_fingerprint``."""
        return self._get("fingerprint", 0, lambda: self.ids.make("fp_", 10, HEX))


# --------------------------------------------------------------------------- anthropic

ANTHROPIC_MODELS = ("claude-sonnet-4-5-20250929", "claude-opus-4-1-20250805", "claude-haiku-4-5")


def anthropic_citation(citation: Citation, naming: Naming) -> Json:
    """A ``web_search_result_location`` citation."""
    return {
        "type": "web_search_result_location",
        "cited_text": citation.cited_text,
        "url": citation.url,
        "title": citation.title,
        "encrypted_index": naming.ids.make("Eo", 16),
    }


def anthropic_search_blocks(search: Search, naming: Naming) -> tuple[Json, Json]:
    """The ``server_tool_use`` block of a web search and its ``web_search_tool_result``."""
    tool_id = naming.search(search)
    use = {
        "type": "server_tool_use",
        "id": tool_id,
        "name": "web_search",
        "input": {"query": search.query},
    }
    results = [
        {
            "type": "web_search_result",
            "url": url,
            "title": title,
            "encrypted_content": naming.ids.make("Eq", 32),
            "page_age": "2 days ago",
        }
        for url, title in search.results
    ]
    return use, {"type": "web_search_tool_result", "tool_use_id": tool_id, "content": results}


def anthropic_blocks(choice: Choice, naming: Naming) -> list[Json]:
    """The content blocks of an anthropic message saying ``choice``."""
    blocks: list[Json] = []
    for part in choice.parts:
        if isinstance(part, Thought):
            blocks.append(anthropic_thinking(part))
        elif isinstance(part, Text):
            block: Json = {"type": "text", "text": part.text}
            if part.citations:
                block["citations"] = [anthropic_citation(c, naming) for c in part.citations]
            blocks.append(block)
        elif isinstance(part, Refusal):
            blocks.append({"type": "text", "text": part.text})
        elif isinstance(part, Call):
            blocks.append(
                {
                    "type": "tool_use",
                    "id": naming.call(part),
                    "name": part.spec.name,
                    "input": part.arguments,
                }
            )
        else:
            blocks += anthropic_search_blocks(part, naming)
    return blocks


def anthropic_usage(tokens: Tokens, detailed: bool, *, start: bool = False) -> Json:
    """A message's usage (``start``: as ``message_start`` says it, one output token so far)."""
    usage: Json = {"input_tokens": tokens.input}
    if detailed:
        usage["cache_creation_input_tokens"] = tokens.cache_write
        usage["cache_read_input_tokens"] = tokens.cache_read
        usage["cache_creation"] = {
            "ephemeral_5m_input_tokens": tokens.cache_write,
            "ephemeral_1h_input_tokens": 0,
        }
    usage["output_tokens"] = 1 if start else tokens.output
    if detailed:
        usage["service_tier"] = "standard"
    if tokens.searches and not start:
        usage["server_tool_use"] = {"web_search_requests": tokens.searches, "web_fetch_requests": 0}
    return usage


@st.composite
def anthropic_response(draw: st.DrawFn, reply: Reply, detailed: bool, dialects: bool) -> Json:
    """``reply`` as an anthropic ``Message``."""
    naming = Naming("anthropic", reply)
    choice = reply.choices[0]
    assert reply.usage is not None
    return {
        "id": naming.response(),
        "type": "message",
        "role": "assistant",
        "model": draw(st.sampled_from(ANTHROPIC_MODELS)),
        "content": anthropic_blocks(choice, naming),
        "stop_reason": ANTHROPIC_STOP[choice.stop],
        "stop_sequence": choice.stop_sequence,
        "usage": anthropic_usage(reply.usage, detailed),
    }


# --------------------------------------------------------------------------- chat

CHAT_MODELS = {
    "openai": ("gpt-4.1-2025-04-14", "gpt-4o-mini-2024-07-18", "o4-mini-2025-04-16"),
    "reasoning_content": ("deepseek-reasoner", "qwen3-235b-a22b", "kimi-k2-thinking"),
    "openrouter": ("anthropic/claude-sonnet-4.5", "openai/gpt-5", "google/gemini-2.5-pro"),
}


def chat_finish(choice: Choice) -> str:
    """The ``finish_reason`` of a choice."""
    return _CHAT_FINISH[choice.stop]


def chat_text(choice: Choice) -> tuple[str | None, list[Json]]:
    """A choice's ``content`` (its texts joined) and the ``url_citation`` annotations on it."""
    texts = [part for part in choice.parts if isinstance(part, Text)]
    if not texts:
        return None, []
    annotations: list[Json] = []
    offset = 0
    for text in texts:
        for c in text.citations:
            annotations.append(
                {
                    "type": "url_citation",
                    "url_citation": {
                        "url": c.url,
                        "title": c.title,
                        "start_index": offset + c.start,
                        "end_index": offset + c.end,
                    },
                }
            )
        offset += len(text.text)
    return "".join(t.text for t in texts), annotations


def chat_reasoning_fields(choice: Choice, dialect: str) -> Json:
    """A choice's reasoning in a chat dialect (nothing for the official API)."""
    thoughts = [part for part in choice.parts if isinstance(part, Thought)]
    if not thoughts or dialect == "openai":
        return {}
    return chat_reasoning(thoughts, dialect, separator="")


def chat_usage(tokens: Tokens) -> Json:
    """Chat usage: prompt tokens including the cache, completion tokens including reasoning."""
    prompt: Json = {"cached_tokens": tokens.cache_read, "audio_tokens": 0}
    if tokens.cache_write:
        prompt["cache_write_tokens"] = tokens.cache_write
    return {
        "prompt_tokens": tokens.prompt,
        "completion_tokens": tokens.output,
        "total_tokens": tokens.prompt + tokens.output,
        "prompt_tokens_details": prompt,
        "completion_tokens_details": {
            "reasoning_tokens": tokens.reasoning,
            "audio_tokens": 0,
            "accepted_prediction_tokens": 0,
            "rejected_prediction_tokens": 0,
        },
    }


@st.composite
def _chat_message(draw: st.DrawFn, choice: Choice, naming: Naming, dialect: str) -> Json:
    content, annotations = chat_text(choice)
    refusal = next((p.text for p in choice.parts if isinstance(p, Refusal)), None)
    message: Json = {
        "role": "assistant",
        "content": content,
        "refusal": refusal,
        "annotations": annotations,
    }
    calls = [part for part in choice.parts if isinstance(part, Call)]
    if calls:
        message["tool_calls"] = [
            {
                "id": naming.call(call),
                "type": "function",
                "function": {
                    "name": call.spec.name,
                    "arguments": draw(arguments_json(call.arguments)),
                },
            }
            for call in calls
        ]
    message.update(chat_reasoning_fields(choice, dialect))
    return message


def chat_dialects(dialects: bool) -> st.SearchStrategy[str]:
    """The chat dialect a server speaks (only the official one without dialects)."""
    return st.sampled_from(sorted(CHAT_MODELS)) if dialects else st.just("openai")


@st.composite
def chat_response(draw: st.DrawFn, reply: Reply, detailed: bool, dialects: bool) -> Json:
    """``reply`` as a ``ChatCompletion``."""
    naming = Naming("chat", reply)
    dialect = draw(chat_dialects(dialects))
    body: Json = {
        "id": naming.response(),
        "object": "chat.completion",
        "created": reply.created,
        "model": draw(st.sampled_from(CHAT_MODELS[dialect])),
        "choices": [
            {
                "index": n,
                "message": draw(_chat_message(choice, naming, dialect)),
                "logprobs": None,
                "finish_reason": chat_finish(choice),
            }
            for n, choice in enumerate(reply.choices)
        ],
    }
    if dialect == "openai":
        body["service_tier"] = "default"
        body["system_fingerprint"] = naming.fingerprint()
    if detailed and reply.usage is not None:
        body["usage"] = chat_usage(reply.usage)
    return body


# --------------------------------------------------------------------------- responses

#: Responses models: (without reasoning items, with them).
RESPONSES_MODELS = (
    ("gpt-4.1-2025-04-14", "gpt-4o-2024-08-06"),
    ("gpt-5-2025-08-07", "gpt-5-codex", "o4-mini-2025-04-16"),
)


def responses_annotations(text: Text) -> list[Json]:
    """The ``url_citation`` annotations of an ``output_text``."""
    return [
        {
            "type": "url_citation",
            "url": c.url,
            "title": c.title,
            "start_index": c.start,
            "end_index": c.end,
        }
        for c in text.citations
    ]


@dataclass(frozen=True)
class Item:
    """One Responses output item of a reply: its parts, in order, and how it is shown."""

    kind: str
    """``reasoning``, ``message``, ``function_call`` or ``web_search_call``."""
    parts: tuple[Thought | Text | Refusal | Call | Search, ...]
    id: str
    reasoning_text: bool = False
    """A reasoning item that shows its text as ``content`` (open models) rather than a summary."""
    encrypted: bool = False
    """A reasoning item that carries ``encrypted_content``."""


@st.composite
def responses_items(draw: st.DrawFn, choice: Choice, naming: Naming) -> list[Item]:
    """The output items saying ``choice``: consecutive texts (and a refusal) share a message."""
    items: list[Item] = []
    encrypted = draw(st.booleans(), label="include encrypted_content")
    for part in choice.parts:
        position = len(items)
        if isinstance(part, (Text, Refusal)):
            if items and items[-1].kind == "message":
                last = items.pop()
                items.append(Item("message", (*last.parts, part), last.id))
            else:
                items.append(Item("message", (part,), naming.item("msg_", position)))
        elif isinstance(part, Thought):
            shown = not part.summary and draw(st.booleans(), label="reasoning_text")
            item_id = naming.item("rs_", position)
            items.append(Item("reasoning", (part,), item_id, shown, encrypted or not part.summary))
        elif isinstance(part, Call):
            items.append(Item("function_call", (part,), naming.item("fc_", position)))
        else:
            items.append(Item("web_search_call", (part,), naming.search(part)))
    return items


def responses_content(part: Text | Refusal) -> Json:
    """A message's content part: ``output_text`` or ``refusal``."""
    if isinstance(part, Refusal):
        return {"type": "refusal", "refusal": part.text}
    return {
        "type": "output_text",
        "annotations": responses_annotations(part),
        "logprobs": [],
        "text": part.text,
    }


def responses_item(item: Item, naming: Naming, arguments: Mapping[int, str], status: str) -> Json:
    """The complete form of an output item (``output_item.done``, the response's output)."""
    part = item.parts[0]
    match item.kind:
        case "reasoning":
            assert isinstance(part, Thought)
            out: Json = {
                "id": item.id,
                "type": "reasoning",
                "summary": [{"type": "summary_text", "text": s} for s in part.summary],
            }
            if item.reasoning_text:
                out["content"] = [{"type": "reasoning_text", "text": part.text}]
            if item.encrypted:
                out["encrypted_content"] = part.encrypted
            return out
        case "message":
            contents = [responses_content(p) for p in item.parts if isinstance(p, (Text, Refusal))]
            return {
                "id": item.id,
                "type": "message",
                "status": status,
                "content": contents,
                "role": "assistant",
            }
        case "function_call":
            assert isinstance(part, Call)
            return {
                "id": item.id,
                "type": "function_call",
                "status": "completed",
                "arguments": arguments[part.number],
                "call_id": naming.call(part),
                "name": part.spec.name,
            }
    assert isinstance(part, Search)
    return {
        "id": item.id,
        "type": "web_search_call",
        "status": "completed",
        "action": web_search_action(part),
    }


def web_search_action(search: Search) -> Json:
    """The ``search`` action of a web search call."""
    return {
        "type": "search",
        "query": search.query,
        "sources": [{"type": "url", "url": url} for url, _ in search.results],
    }


def responses_usage(tokens: Tokens) -> Json:
    """Responses usage: input tokens including the cache, output tokens including reasoning."""
    return {
        "input_tokens": tokens.prompt,
        "input_tokens_details": {
            "cached_tokens": tokens.cache_read,
            "cache_write_tokens": tokens.cache_write,
        },
        "output_tokens": tokens.output,
        "output_tokens_details": {"reasoning_tokens": tokens.reasoning},
        "total_tokens": tokens.prompt + tokens.output,
    }


def responses_tool(call: Call) -> Json:
    """The function tool a Response echoes for a tool it called."""
    spec = call.spec
    return {
        "type": "function",
        "name": spec.name,
        "description": spec.description,
        "parameters": dict(spec.schema),
        "strict": spec.strict_ok,
    }


@dataclass(frozen=True)
class ResponseFrame:
    """What a Response says besides its output, the same on every event of its stream."""

    id: str
    created_at: int
    model: str
    reasoning: Json
    tools: list[Json]


@st.composite
def response_frames(draw: st.DrawFn, reply: Reply, naming: Naming) -> ResponseFrame:
    """The frame of a reply's Response."""
    reasons = any(isinstance(p, Thought) for p in reply.choices[0].parts)
    effort = draw(st.sampled_from(["low", "medium", "high"])) if reasons else None
    calls = {p.spec.name: p for p in reply.choices[0].parts if isinstance(p, Call)}
    return ResponseFrame(
        id=naming.response(),
        created_at=reply.created,
        model=draw(st.sampled_from(RESPONSES_MODELS[reasons])),
        reasoning={"effort": effort, "summary": "auto" if reasons else None},
        tools=[responses_tool(call) for call in calls.values()],
    )


def response_object(
    frame: ResponseFrame,
    status: str,
    output: list[Json],
    usage: Json | None,
    incomplete: str | None = None,
) -> Json:
    """A Response: the frame, a status, the output, usage."""
    return {
        "id": frame.id,
        "object": "response",
        "created_at": frame.created_at,
        "status": status,
        "background": False,
        "error": None,
        "incomplete_details": None if incomplete is None else {"reason": incomplete},
        "instructions": None,
        "max_output_tokens": None,
        "max_tool_calls": None,
        "model": frame.model,
        "output": output,
        "parallel_tool_calls": True,
        "previous_response_id": None,
        "prompt_cache_key": None,
        "reasoning": frame.reasoning,
        "safety_identifier": None,
        "service_tier": "default",
        "temperature": 1.0,
        "text": {"format": {"type": "text"}, "verbosity": "medium"},
        "tool_choice": "auto",
        "tools": frame.tools,
        "top_logprobs": 0,
        "top_p": 1.0,
        "truncation": "disabled",
        "usage": usage,
        "user": None,
        "metadata": {},
    }


def responses_status(choice: Choice) -> tuple[str, str | None]:
    """The status of a Response saying ``choice``, and its incomplete reason."""
    reason = _INCOMPLETE.get(choice.stop)
    return ("incomplete", reason) if reason else ("completed", None)


@st.composite
def call_arguments(draw: st.DrawFn, reply: Reply) -> dict[int, str]:
    """The JSON text of every call's arguments."""
    return {
        part.number: draw(arguments_json(part.arguments))
        for choice in reply.choices
        for part in choice.parts
        if isinstance(part, Call)
    }


@st.composite
def responses_response(draw: st.DrawFn, reply: Reply, detailed: bool, dialects: bool) -> Json:
    """``reply`` as a Responses ``Response``."""
    naming = Naming("responses", reply)
    choice = reply.choices[0]
    frame = draw(response_frames(reply, naming))
    items = draw(responses_items(choice, naming))
    arguments = draw(call_arguments(reply))
    status, incomplete = responses_status(choice)
    output = [responses_item(item, naming, arguments, status) for item in items]
    usage = responses_usage(reply.usage) if detailed and reply.usage is not None else None
    return response_object(frame, status, output, usage, incomplete)


# --------------------------------------------------------------------------- completions

COMPLETIONS_MODELS = ("gpt-3.5-turbo-instruct", "davinci-002")


def completion_text(choice: Choice) -> str:
    """What a completion choice says."""
    return "".join(p.text for p in choice.parts if isinstance(p, Text))


def completion_usage(tokens: Tokens) -> Json:
    """Completions usage."""
    return {
        "prompt_tokens": tokens.prompt,
        "completion_tokens": tokens.output,
        "total_tokens": tokens.prompt + tokens.output,
    }


@st.composite
def completions_response(draw: st.DrawFn, reply: Reply, detailed: bool, dialects: bool) -> Json:
    """``reply`` as a legacy ``Completion``."""
    naming = Naming("completions", reply)
    body: Json = {
        "id": naming.response(),
        "object": "text_completion",
        "created": reply.created,
        "model": draw(st.sampled_from(COMPLETIONS_MODELS)),
        "choices": [
            {
                "text": completion_text(choice),
                "index": n,
                "logprobs": None,
                "finish_reason": chat_finish(choice),
            }
            for n, choice in enumerate(reply.choices)
        ],
    }
    if detailed and reply.usage is not None:
        body["usage"] = completion_usage(reply.usage)
    return body


Renderer = Callable[[Reply, bool, bool], st.SearchStrategy[Json]]

RENDERERS: dict[str, Renderer] = {
    "anthropic": anthropic_response,
    "chat": chat_response,
    "responses": responses_response,
    "completions": completions_response,
}
