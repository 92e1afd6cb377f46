"""The tool-name rules, kept importable under their old name: they live in
:mod:`openai_claude_bridge._tool_names` (shared by the chat and Responses encoders)."""

from .._tool_names import MAX_NAME_LENGTH, is_valid_name, restore, restore_map, shorten

__all__ = ["MAX_NAME_LENGTH", "is_valid_name", "restore", "restore_map", "shorten"]
