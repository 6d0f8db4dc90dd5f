"""The near-spelling lookup of the index: the entities of the keys one edit away from a key."""

from __future__ import annotations

import random

from normalize.index import Index
from normalize.namekeys import MIN_FUZZY_KEY, deletions


def _expected(index_keys: list[tuple[str, int]], q: str) -> set[int]:
    """By the definition, key by key: the key itself, a key one symbol shorter than it, and (for
    keys long enough to be looked up near) one symbol longer, or one symbol apart."""
    out = set()
    for k, i in index_keys:
        near = len(k) >= MIN_FUZZY_KEY and (q in deletions(k) or bool(deletions(k) & deletions(q)))
        if k == q or k in deletions(q) or near:
            out.add(i)
    return out


def test_near_candidates_are_the_keys_one_edit_away_and_follow_added_keys() -> None:
    rnd = random.Random(3)
    word = lambda: "".join(rnd.choice("ABKLNR") for _ in range(rnd.randint(3, 7)))  # noqa: E731
    idx = Index()
    added: list[tuple[str, int]] = []
    for round_ in range(3):  # keys added after a lookup are found by the next one
        for _ in range(300):
            k, i = word(), rnd.randrange(200)
            idx.add_key(k, i)
            added.append((k, i))
        for _ in range(300):
            q = word()
            if len(q) >= MIN_FUZZY_KEY - 1:
                assert idx.candidates(q) == _expected(added, q), (round_, q)
    assert idx.by_deletion
    assert all(isinstance(v, list) for v in idx.by_key.values())  # as a saved index checks them


def test_the_near_lookup_leaves_the_keys_and_their_entities_as_they_were() -> None:
    """A key one symbol shorter made from one key shares that key's list of entities; one made from
    several keys has a list of its own: making it never changes a key's entities."""
    rnd = random.Random(4)
    idx = Index()
    for _ in range(2000):  # five letters: most shorter keys are made from several keys
        idx.add_key("".join(rnd.choice("ABKLN") for _ in range(rnd.randint(5, 6))), rnd.randrange(500))
    idx.add_key("RRRRRRRR", 7)  # and some from one key alone
    before = {k: list(v) for k, v in idx.by_key.items()}
    near = idx.by_deletion
    assert {k: list(v) for k, v in idx.by_key.items()} == before
    expected: dict[str, set[int]] = {}
    for k, v in before.items():
        for d in deletions(k):
            expected.setdefault(d, set()).update(v)
    assert {d: set(v) for d, v in near.items()} == expected
    assert near["RRRRRRR"] == [7]
