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


def test_a_shorter_key_gives_the_entities_of_the_keys_it_is_made_from_in_their_order() -> None:
    """The near lookup gives, for a key one symbol shorter, the entities of every key it is made
    from, key by key in the order the keys were added, and leaves the keys' own entities as they were."""
    rnd = random.Random(4)
    idx = Index()
    for _ in range(2000):  # five letters: most shorter keys are made from several keys
        idx.add_key("".join(rnd.choice("ABKLN") for _ in range(rnd.randint(5, 6))), rnd.randrange(500))
    idx.add_key("RRRRRRRR", 7)  # and some from one key alone
    idx.add_key("ABC", 8)  # and a key too short to be looked up near
    before = {k: list(v) for k, v in idx.by_key.items()}
    near = idx.by_deletion
    assert {k: list(v) for k, v in idx.by_key.items()} == before
    expected: dict[str, list[int]] = {}
    for k, v in before.items():
        if len(k) >= MIN_FUZZY_KEY:
            for d in deletions(k):
                expected.setdefault(d, []).extend(v)
    assert all(near.get(d) == v for d, v in expected.items())
    assert near.get("RRRRRRR") == [7] and near.get("AB") is None
    others = {"".join(rnd.choice("ABKLNR") for _ in range(rnd.randint(3, 7))) for _ in range(2000)}
    assert all(near.get(q) is None for q in others - set(expected))
