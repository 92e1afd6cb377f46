"""What a stream encoder sent of one text field, without keeping the text."""

from __future__ import annotations

import hashlib

__all__ = ["SentText"]


class SentText:
    """What the deltas of one field of a part sent: its length and a digest of its text. A final
    form the source states at the end is checked against them (is what was sent its
    beginning?): the text itself is not kept, so a long stream holds no more than a short one."""

    __slots__ = ("_digest", "length")

    def __init__(self) -> None:
        self.length = 0
        self._digest = hashlib.blake2b(digest_size=16)

    def __bool__(self) -> bool:
        return self.length > 0

    def add(self, text: str) -> None:
        self.length += len(text)
        self._digest.update(text.encode("utf-8", "surrogatepass"))

    def rest_of(self, final: str) -> str | None:
        """What ``final`` holds beyond what was sent; ``None`` when what was sent is not its
        beginning."""
        if len(final) < self.length:
            return None
        head = final[: self.length].encode("utf-8", "surrogatepass")
        if hashlib.blake2b(head, digest_size=16).digest() != self._digest.digest():
            return None
        return final[self.length :]
