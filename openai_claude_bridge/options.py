"""The options every entry point takes, gathered in one frozen object.

Entry points accept the options as keyword arguments (``convert_request(p, source=..., target=...,
strict=True, on_loss=losses.append)``) and build one :class:`Options` from them with
:func:`make_options`; converters receive that object and nothing else. The defaults of
``id_factory`` and ``clock`` are the only places the bridge reads randomness or the time; inject
your own for reproducible output.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal, get_args

from .errors import UnsupportedFeatureError

__all__ = [
    "FORMATS",
    "ChatDialect",
    "EFFORT_ORDER",
    "Effort",
    "Format",
    "Loss",
    "Options",
    "ReasoningPolicy",
    "check_format",
    "default_clock",
    "default_id_factory",
    "make_options",
]

#: The four wire formats, spelled exactly so.
Format = Literal["anthropic", "chat", "responses", "completions"]
#: The four format names, in the order the demo's matrix lists them.
FORMATS: tuple[Format, ...] = get_args(Format)

#: Which reasoning fields and cache-hint field the chat side *writes* (reading always accepts
#: all of them).
ChatDialect = Literal["openai", "reasoning_content", "openrouter"]
CHAT_DIALECTS: tuple[ChatDialect, ...] = get_args(ChatDialect)

#: OpenAI reasoning effort levels (``reasoning_effort`` / ``reasoning.effort``).
Effort = Literal["none", "minimal", "low", "medium", "high", "xhigh", "max"]
#: The effort levels from least to most.
EFFORT_ORDER: tuple[Effort, ...] = get_args(Effort)


def check_format(name: object, *, argument: str = "format") -> Format:
    """Return ``name`` as a :data:`Format`; an unknown name is a caller bug (``ValueError``)."""
    if name not in FORMATS:
        raise ValueError(f"unknown {argument} {name!r}; expected one of {', '.join(FORMATS)}")
    return name


@dataclass(frozen=True, slots=True)
class Loss:
    """One feature dropped or approximated by a conversion."""

    path: str
    """JSON path into the source payload, e.g. ``"messages[3].content[1].cache_control"``."""
    feature: str
    """Short stable name of the feature, e.g. ``"cache_control"``."""
    reason: str
    """One sentence a person can act on."""


def _default_effort_budgets() -> Mapping[Effort, int]:
    return MappingProxyType(
        {"minimal": 1024, "low": 2048, "medium": 8192, "high": 16384, "xhigh": 24576, "max": 32768}
    )


@dataclass(frozen=True, slots=True)
class ReasoningPolicy:
    """The overridable table between Anthropic ``thinking.budget_tokens`` and OpenAI effort.

    ``effort_budgets`` gives the thinking budget each effort level becomes on the way to
    Anthropic (``"none"`` disables thinking). On the way back a budget maps to the highest effort
    whose budget it reaches (anything below ``"minimal"``'s budget is ``"minimal"``).
    ``min_answer_tokens`` is kept free for the answer: the budget is lowered to stay below
    ``max_tokens - min_answer_tokens`` and never below Anthropic's minimum of 1024.
    """

    effort_budgets: Mapping[Effort, int] = field(default_factory=_default_effort_budgets)
    min_answer_tokens: int = 1024
    min_budget: int = 1024

    def budget_for(self, effort: Effort) -> int | None:
        """The budget for ``effort``; ``None`` for ``"none"`` (thinking disabled). A level the
        table leaves out takes the budget of the nearest lower level it has (or the lowest)."""
        if effort == "none":
            return None
        if effort in self.effort_budgets:
            return self.effort_budgets[effort]
        rank = EFFORT_ORDER.index(effort)
        lower = [e for e in EFFORT_ORDER[:rank] if e in self.effort_budgets]
        if lower:
            return self.effort_budgets[lower[-1]]
        return min(self.effort_budgets.values(), default=self.min_budget)

    def effort_for(self, budget: int) -> Effort:
        """The highest effort whose budget ``budget`` reaches."""
        best: Effort = "minimal"
        for effort, threshold in sorted(self.effort_budgets.items(), key=lambda kv: kv[1]):
            if budget >= threshold:
                best = effort
        return best


def default_id_factory(prefix: str) -> str:
    """``prefix`` followed by 24 random hex digits."""
    return prefix + os.urandom(12).hex()


def default_clock() -> int:
    """The current unix time in whole seconds."""
    return int(time.time())


@dataclass(frozen=True, slots=True)
class Options:
    """Everything a conversion may be told. See API.md for each option's contract."""

    strict: bool = False
    """Raise :class:`UnsupportedFeatureError` instead of dropping or approximating a feature."""
    on_loss: Callable[[Loss], None] | None = None
    """Called once per dropped or approximated feature."""
    request: Any = None
    """The client's original request (target format; dict or model) a response or stream
    answers: restores its tool names and custom tools, and is echoed by Responses."""
    model: str | None = None
    """Model name to put in the converted payload."""
    chat_dialect: ChatDialect = "openai"
    """What the chat side writes (reading accepts every dialect): which reasoning fields, whether
    cache hints are OpenAI's ``prompt_cache_breakpoint`` or (``"openrouter"``) anthropic-style
    ``cache_control``, and which token-limit field another format's request gets
    (``max_completion_tokens`` for ``"openai"``, else ``max_tokens``)."""
    default_max_tokens: int | None = None
    """The anthropic ``max_tokens`` to send when the source sets no output limit; ``None``: the
    thinking budget at its full size (if thinking is on) plus
    :data:`~openai_claude_bridge.anthropic.encode.DEFAULT_MAX_TOKENS` for the answer."""
    include_usage: bool = True
    """Chat / completions target streams end with a usage chunk when usage is known."""
    reasoning_policy: ReasoningPolicy = field(default_factory=ReasoningPolicy)
    """The budget_tokens ⇄ effort table."""
    id_factory: Callable[[str], str] = default_id_factory
    """Makes new ids from the prefix the target uses (``"msg_"``, ``"chatcmpl-"``, …)."""
    clock: Callable[[], int] = default_clock
    """Unix seconds for ``created`` / ``created_at``."""

    def lose(self, path: str, feature: str, reason: str) -> None:
        """Report a dropped or approximated feature, or raise under ``strict``."""
        if self.strict:
            raise UnsupportedFeatureError(reason, path=path, feature=feature)
        if self.on_loss is not None:
            self.on_loss(Loss(path=path, feature=feature, reason=reason))


_OPTION_NAMES = frozenset(Options.__dataclass_fields__)


#: The options of a call that sets none: built once (an :class:`Options` is immutable, and so is
#: everything it holds), not at every call.
_DEFAULT_OPTIONS = Options()


def make_options(**kwargs: Any) -> Options:
    """Build :class:`Options` from entry-point keyword arguments; unknown names are a caller bug."""
    if not kwargs:
        return _DEFAULT_OPTIONS
    unknown = set(kwargs) - _OPTION_NAMES
    if unknown:
        raise TypeError(f"unknown option(s): {', '.join(sorted(unknown))}")
    dialect = kwargs.get("chat_dialect", "openai")
    if dialect not in CHAT_DIALECTS:
        raise ValueError(
            f"unknown chat_dialect {dialect!r}; expected one of {', '.join(CHAT_DIALECTS)}"
        )
    limit = kwargs.get("default_max_tokens")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        raise ValueError(f"default_max_tokens must be a positive int or None, not {limit!r}")
    if kwargs.get("reasoning_policy") is None:
        kwargs.pop("reasoning_policy", None)
    return Options(**kwargs)
