"""Typed wire models of the OpenAI Responses API, split by topic.

``shared`` (settings, literal aliases), ``content`` (content parts), ``tools`` (tool definitions
and tool choice), ``calls`` / ``shell`` / ``mcp`` (hosted tool items), ``items`` (messages,
function calls, reasoning, the input/output item unions), ``request``, ``response``, ``stream`` /
``stream_tools`` (stream events). The ``openai_claude_bridge.responses`` package re-exports every
public name.
"""
