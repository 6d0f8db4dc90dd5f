"""Bounded memos: what a function answered for a word form, kept in a dict that is emptied when
full. Word forms in a corpus repeat (their counts follow Zipf's law), so a memo refilled from
empty soon holds the frequent ones again, and its memory stays bounded whatever the corpus."""

from __future__ import annotations

from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


def remember(memo: dict[K, V], key: K, value: V, limit: int) -> V:
    """Store ``value`` under ``key`` in ``memo``, emptying it first when it holds ``limit``
    entries, and return ``value``."""
    if len(memo) >= limit:
        memo.clear()
    memo[key] = value
    return value
