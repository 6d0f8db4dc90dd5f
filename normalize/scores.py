"""How a mention's words are scored against an entity's: the similarity of two phonetic keys, the
best of a set, the floors each part of a name must reach, and the score of one candidate."""

from __future__ import annotations

from collections.abc import Collection, Iterable

import jellyfish
from rapidfuzz import process as rf_process
from rapidfuzz.distance import JaroWinkler, Levenshtein

SURNAME_MIN = 0.88
GIVEN_MIN = 0.90
PATRONYMIC_MIN = 0.85
OTHER_MIN = 0.84
PRESELECT_OVER = 8
PRESELECT = 3
SIM_MEMO_SIZE = 500_000
CONTAINED_SCORE = 0.9
BRAND_MIN_KEY = 7
BRAND_SIM = 0.92
DERIVED_FACTOR = 0.96


class Scored:
    """An entity's score for a mention, with how each word matched (a plain class: one is made
    for every candidate of every mention)."""

    __slots__ = ("bare", "details", "idx", "score")

    def __init__(self, idx: int, score: float, details: list[tuple[str, str, str, float]], bare: bool = False) -> None:
        self.idx = idx
        self.score = score
        self.details = details
        self.bare = bare  # a person matched by the surname alone


def acronyms(keys: Collection[str]) -> bool:
    """Whether ``keys`` hold an acronym's key (see :func:`~normalize.names.acronym_key`)."""
    return any(k[0] == "#" for k in keys)


def initials_in_capitals(word: str) -> bool:
    """Whether a word of a person's mention that is no name may be initials written without dots:
    two or three capitals (JC Petrov, AG LUKASHENKO)."""
    return 2 <= len(word) <= 3 and word.isupper() and word.isalpha()


def similarity(a: str, b: str) -> float:
    """Similarity of two keys: the mean of Jaro-Winkler and the Levenshtein ratio.

    Jaro-Winkler alone rewards a shared beginning too much for surnames (Omelchenko and
    Omelyanyuk share four letters); the Levenshtein ratio keeps such pairs apart. The distance is
    rapidfuzz's, which counts code points: for keys (Latin capitals) the same as jellyfish's,
    which segments graphemes first and takes ten times as long."""
    if a == b:
        return 1.0
    jw = jellyfish.jaro_winkler_similarity(a, b)
    lev = 1.0 - Levenshtein.distance(a, b) / max(len(a), len(b))
    return (jw + lev) / 2.0


def most_similar(key: str, keys: Collection[str], floor: float = 0.0) -> tuple[float, str]:
    """The most similar of ``keys`` to ``key`` and its similarity. For larger sets rapidfuzz (C)
    picks the few nearest by Jaro-Winkler first (with every key tied with the last of them, so
    that the choice never depends on the order of the set), and only those are scored in full.

    A key whose length alone keeps it below ``floor`` is not scored (the caller takes nothing
    below its floor); when no key reaches it the result may be (0.0, "")."""
    if key in keys:
        return 1.0, key
    pool: Iterable[str] = keys
    if len(keys) > PRESELECT_OVER:
        near = rf_process.extract(key, keys, scorer=JaroWinkler.normalized_similarity, limit=None)
        cut = near[PRESELECT - 1][1]
        pool = [c[0] for c in near if c[1] >= cut]
    best, best_k = 0.0, ""
    la = len(key)
    for k in pool:
        if floor > 0.0 and length_bound(la, len(k)) < floor:
            continue
        s = similarity(key, k)
        if s > best or (s == best and s > 0.0 and k < best_k):
            best, best_k = s, k  # of keys alike, the first in order: the same whatever the set's order
    return best, best_k


def may_reach(key: str, keys: Collection[str], floor: float) -> bool:
    """Whether one of ``keys`` may have a :func:`similarity` of ``floor`` or more to ``key``: the
    similarity is the mean of two measures of at most 1, so its Levenshtein ratio must be
    2 × ``floor`` − 1 or more (with a margin for rounding). One pass of rapidfuzz (C) over the
    keys, where the similarity of each takes two."""
    cutoff = 2.0 * floor - 1.0 - 1e-9
    return rf_process.extractOne(key, keys, scorer=Levenshtein.normalized_similarity, score_cutoff=cutoff) is not None


def length_bound(la: int, lb: int) -> float:
    """The highest :func:`similarity` two keys of these lengths can have: Jaro counts at most
    min(la, lb) matches, Winkler's prefix adds at most 0.4 of what Jaro leaves, and Levenshtein
    needs at least |la - lb| edits (with a margin for rounding)."""
    if la == lb or not la or not lb:
        return 1.0
    short, long_ = (la, lb) if la < lb else (lb, la)
    jaro = (1.0 + short / long_ + 1.0) / 3.0
    return ((0.6 * jaro + 0.4) + (short / long_)) / 2.0 + 1e-9
