"""Typed wire models of the Anthropic Messages API, one module per topic.

Class and field names follow the official ``anthropic`` SDK (``anthropic.types`` and, for the beta
members, ``anthropic.types.beta`` without the ``Beta`` prefix). The package
``openai_claude_bridge.anthropic`` re-exports every public name.
"""
