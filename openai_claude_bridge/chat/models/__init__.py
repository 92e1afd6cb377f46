"""The typed wire models of OpenAI Chat Completions, one module per topic; the
``openai_claude_bridge.chat`` package re-exports every public name."""
