"""The semantic subset kept in ``A -> B -> A``: what :func:`check_conversion` holds a conversion
to, given the first leg's output and losses.

The facts of the payload (:mod:`.facts`) that the first leg did not report lost — a ``Loss`` at
the fact's path, an ancestor, or a descendant (except for a text, whose citations or logprobs may
go alone) — must come back from ``B -> A``, each kind of fact in its order; nothing may come
back that was not there (an approximated fact, reported lost, may come back changed: one
changed fact of a kind per lost fact of that kind). Documented policies are applied to both
sides before comparing:

* chat's and Responses' tool names are limited: others are shortened deterministically (a
  response restores them given ``request=``);
* an anthropic call id outside the API's pattern comes back as a call-id carrier of itself;
* a format without custom tools says a custom call as a function taking one string ``input``;
* a chat answer is one string: a response's text blocks come back joined, and a refusal may
  change places with the text around it (the characters are compared).

=====================  ======================================================================
rule                   what it means
=====================  ======================================================================
``semantic.lost``      a fact of the payload (a text, a tool call with its id, name and
                       arguments, a tool result's call id, the stop reason, the usage) did not
                       come back from ``A -> B -> A``, and the first leg reported no loss for it
``semantic.invented``  ``A -> B -> A`` gave a fact the payload did not have
``semantic.unreadable``  the output, converted back to the source format, was refused with a
                       ``BridgeError``
=====================  ======================================================================
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..._call_id_carrier import ANTHROPIC_ID, restore
from ..._tool_names import is_valid_name, shorten
from ...options import Format, Loss
from ..violations import Violation
from .facts import Fact, arguments, facts_of

__all__ = ["CONVERSATIONAL", "in_completions_subset", "round_trip_violations"]

#: The formats a whole conversation can be said in.
CONVERSATIONAL: tuple[Format, ...] = ("anthropic", "chat", "responses")

_Normalise = Callable[[tuple[Any, ...]], tuple[Any, ...]]


def in_completions_subset(kind: str, fmt: str, payload: Any) -> bool:
    """Whether a payload says only what Completions can: one text (a request: no system, tools
    or images beside it) or text only (a response)."""
    facts = [fact for _, fact in facts_of(kind, fmt, payload)]
    texts = [fact for fact in facts if fact[0] == "text"]
    calls = [fact for fact in facts if fact[0] in ("call", "result")]
    if kind == "request":
        return len(texts) == 1 and not calls
    return not calls


def round_trip_violations(
    kind: str,
    payload: Any,
    back: Any,
    *,
    source: Format,
    target: Format,
    losses: list[Loss],
    back_losses: list[Loss],
) -> list[Violation]:
    """The ``semantic.lost`` / ``semantic.invented`` violations of ``payload`` (``source``
    format), its conversion to ``target`` having reported ``losses``, and ``back`` the output
    converted back to ``source`` (having reported ``back_losses``)."""
    original = facts_of(kind, source, payload)
    kept = [(p, f) for p, f in original if not any(_related(p, x.path, f) for x in losses)]
    calls_lost = any(f[0] == "call" and (p, f) not in kept for p, f in original)
    if calls_lost or any(x.feature in ("stop_reason", "stop_sequence") for x in losses):
        kept = [(p, f) for p, f in kept if f[0] != "stop"]
    returned = [fact for _, fact in facts_of(kind, source, back)]
    if source == "anthropic":
        returned = [_carried_ids(fact) for fact in returned]
    for normalise in _policies(source, target):
        original = [(p, normalise(f)) for p, f in original]
        kept = [(p, normalise(f)) for p, f in kept]
        returned = [normalise(f) for f in returned]
    if kind == "response":
        original, kept, returned = (
            _joined(original),
            _joined(kept),
            [f for _, f in _joined([("", f) for f in returned])],
        )
    found = _missing(kept, returned, source, target)
    found += _invented(
        kind,
        original,
        kept,
        returned,
        direction=(source, target),
        losses=losses,
        back_losses=back_losses,
    )
    return found


def _policies(source: Format, target: Format) -> list[_Normalise]:
    policies: list[_Normalise] = []
    if target == "anthropic":
        policies.append(_stand_in)
    if {"chat", "responses"} & {source, target}:
        policies.append(_chat_name)
    return policies


def _related(path: str, loss_path: str, fact: tuple[Any, ...]) -> bool:
    """Whether a loss at ``loss_path`` covers the fact at ``path`` (same or ancestor path; a
    descendant path too, except for a text, whose citations or logprobs may go alone; the root
    path covers nothing)."""
    if not loss_path:
        return False

    def under(a: str, b: str) -> bool:
        return a == b or a.startswith((b + ".", b + "["))

    return under(path, loss_path) or (fact[0] != "text" and under(loss_path, path))


def _chat_name(fact: tuple[Any, ...]) -> tuple[Any, ...]:
    """A call's name as chat and Responses can say it (shortened when it is not valid there)."""
    if fact[0] != "call" or not isinstance(fact[2], str) or is_valid_name(fact[2]):
        return fact
    return (*fact[:2], shorten(fact[2]), *fact[3:])


def _carried_ids(fact: tuple[Any, ...]) -> tuple[Any, ...]:
    """A call id as the id it stands for: an anthropic id outside the API's pattern comes back
    as a call-id carrier of itself (the decoder restores it)."""
    if fact[0] not in ("call", "result") or not isinstance(fact[1], str):
        return fact
    return (fact[0], restore(fact[1], pattern=ANTHROPIC_ID)[0], *fact[2:])


def _stand_in(fact: tuple[Any, ...]) -> tuple[Any, ...]:
    """A custom call as a call of its function stand-in (a format without custom tools says it
    as a function taking one string ``input``; without the client's request nothing tells that
    it was custom)."""
    if fact[0] != "call" or fact[3][0] != "text":
        return fact
    return (*fact[:3], arguments({"input": fact[3][1]}))


def _joined(facts: list[Fact]) -> list[Fact]:
    """A response's texts as one fact (at the first text's path): their characters, sorted."""
    texts = [(path, fact[1]) for path, fact in facts if fact[0] == "text"]
    rest = [(path, fact) for path, fact in facts if fact[0] != "text"]
    if not texts:
        return rest
    joined = "".join(sorted("".join(text for _, text in texts)))
    return [(texts[0][0], ("text", joined)), *rest]


def _missing(
    kept: list[Fact], returned: list[tuple[Any, ...]], source: Format, target: Format
) -> list[Violation]:
    """Facts not reported lost that did not come back, each kind of fact in its order."""
    found: list[Violation] = []
    for kind_of_fact in dict.fromkeys(fact[0] for _, fact in kept):
        remaining = iter([fact for fact in returned if fact[0] == kind_of_fact])
        for path, fact in kept:
            if fact[0] == kind_of_fact and fact not in remaining:
                found.append(
                    Violation(
                        "semantic.lost",
                        path,
                        f"{_say(fact)} did not come back from {source} -> {target} -> {source}, "
                        f"and no loss was reported for it",
                    )
                )
    return found


def _invented(
    kind: str,
    original: list[Fact],
    kept: list[Fact],
    returned: list[tuple[Any, ...]],
    *,
    direction: tuple[Format, Format],
    losses: list[Loss],
    back_losses: list[Loss],
) -> list[Violation]:
    """Facts that came back though the payload did not have them (an approximated fact,
    reported lost, may come back changed: one per lost fact of its kind)."""
    source, target = direction
    facts = [fact for _, fact in original]
    kept_facts = [fact for _, fact in kept]
    invented = [fact for fact in returned if fact not in facts]
    lost = [fact[0] for fact in facts if fact not in kept_facts]
    if any(x.path == "usage" or x.feature == "usage" for x in losses):
        lost.append("usage")  # known counts the target could not keep, reported as such
    if kind == "response" and target == "anthropic" and not any(f[0] == "usage" for f in facts):
        lost.append("usage")  # counts anthropic requires but the source never gave: 0, no loss
    if not any(fact[0] == "stop" for fact in facts) and any(
        x.feature == "stop_reason" for x in [*losses, *back_losses]
    ):
        lost.append("stop")  # a stop the source never gave, approximated and reported
    for fact in list(invented):
        if fact[0] in lost:
            lost.remove(fact[0])
            invented.remove(fact)
    return [
        Violation(
            "semantic.invented",
            "",
            f"{source} -> {target} -> {source} gave {_say(fact)}, which the payload did not have",
        )
        for fact in invented
    ]


def _say(fact: tuple[Any, ...]) -> str:
    """A fact in words, for a message."""
    text = repr(fact[1:])
    shown = text if len(text) <= 80 else text[:77] + "..."
    return f"the {fact[0]} {shown}"
