"""The scan of the rewrite pass: one automaton over every anchor form of an index, and the text
folded for it.

A :class:`ScanPlan` holds what the pass scans with: the patterns (the lower-case spellings of the
words that anchor a mention, and every canonical form whole), the entities each one anchors, each
one's key and the automaton. It is made once for an index and saved with it, so that a process
that loads an index file does not build it again.

Two automata, by the number of patterns. Up to :data:`DFA_MAX_PATTERNS`, the DFA of
``ahocorasick_rs``: the fastest scan of such a set, built in a fraction of a second, so it is not
saved but built again when it is first used. A larger set takes seconds and hundreds of megabytes
to build as a DFA, and the pass uses the character-wise double array of ``daachorse``: it scans
such a set as fast as the contiguous NFA of ``ahocorasick_rs``, with the same hits, and is saved
with the index as bytes (for 10,000 entities, about 200,000 patterns, it loads in a few
milliseconds where building it takes about half a second).
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Sequence
from typing import Any

import ahocorasick_rs
import daachorse
from mypy_extensions import mypyc_attr

from .index import EntityEntry
from .pickling import restore_state, saved_state
from .text import APOSTROPHES, SURROGATE_RE

# combining marks that the spellings of the tables never hold: a stress mark (Лукаше́нко) and the
# marks of decomposed letters (NFD: й = и + U+0306). ALA-LC's ties (U+0360, U+0361) are part of its
# spellings and are not among them.
MARKS = "".join(chr(c) for c in range(0x300, 0x370) if c not in (0x360, 0x361))
_MARKS_RE = re.compile(f"[{MARKS}]+")
_MARKED_RE = re.compile(f"[^{MARKS}]?[{MARKS}]+", re.S)  # a letter and the marks on it
_APOSTROPHE_VARIANTS = tuple(c for c in APOSTROPHES if c != "'")
DFA_MAX_PATTERNS = 50_000


def composed(s: str) -> str:
    """``s`` with its letters composed (NFC) and the marks left over dropped."""
    return _MARKS_RE.sub("", unicodedata.normalize("NFC", s))


def fold_for_scan(text: str) -> str:
    """Lower case and one apostrophe, keeping every character at its offset."""
    low = text.lower()
    if len(low) != len(text):  # a few letters (İ) lower-case to two characters: go one by one
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    if not low.isascii():
        for apo in _APOSTROPHE_VARIANTS:  # str.replace is C-fast; translate() with a dict is not
            if apo in low:
                low = low.replace(apo, "'")
    elif "`" in low:
        low = low.replace("`", "'")
    return low


def scan_form(text: str, low: str) -> tuple[str, str, array[int], array[int]] | None:
    """``text`` and its folded form ``low`` with every letter that carries combining marks
    composed (NFC: и + U+0306 = й) and the marks left over dropped (the stress mark of Лукаше́нко),
    with the span of the text each of their characters comes from (``starts[i]``, ``ends[i]``);
    None when the two would not stay aligned."""
    parts_t: list[str] = []
    parts_l: list[str] = []
    starts: array[int] = array("q")
    ends: array[int] = array("q")
    pos = 0
    for m in _MARKED_RE.finditer(low):
        a, b = m.span()
        parts_t.append(text[pos:a])
        parts_l.append(low[pos:a])
        starts.extend(range(pos, a))
        ends.extend(range(pos + 1, a + 1))
        ct, cl = composed(text[a:b]), composed(low[a:b])
        if len(ct) != len(cl):
            return None
        parts_t.append(ct)
        parts_l.append(cl)
        starts.extend([a] * len(ct))
        ends.extend([b] * len(ct))
        pos = b
    parts_t.append(text[pos:])
    parts_l.append(low[pos:])
    starts.extend(range(pos, len(text)))
    ends.extend(range(pos + 1, len(text) + 1))
    return "".join(parts_t), "".join(parts_l), starts, ends


class Scanner:
    """Every occurrence of every pattern in a folded text, overlapping ones included: a DFA for
    up to ``dfa_max`` patterns, a double array for more (see the module's notes), or the double
    array that :meth:`saved` gave as bytes (``saved``, made for the same ``patterns``).

    The rewrite pass puts the combining marks first among the patterns (see :func:`has_mark`)."""

    def __init__(self, patterns: Sequence[str], saved: bytes = b"", dfa_max: int = DFA_MAX_PATTERNS) -> None:
        self.size = len(patterns)
        self._dfa: ahocorasick_rs.AhoCorasick | None = None
        self._da: daachorse.CharwiseDoubleArrayAhoCorasick | None = None
        self._patterns: list[str] = []  # of a DFA not built yet
        self._loaded = bool(saved)  # a double array read from a file: its pattern numbers are checked
        if saved:
            self._da = daachorse.CharwiseDoubleArrayAhoCorasick.deserialize(saved)
        elif len(patterns) <= dfa_max:
            self._patterns = list(patterns)  # built on first use: a loaded index may only resolve
        else:
            self._da = daachorse.CharwiseDoubleArrayAhoCorasick(list(patterns))

    @property
    def engine(self) -> str:
        """``"dfa"`` or ``"double-array"``."""
        return "double-array" if self._da is not None else "dfa"

    def prepare(self) -> None:
        """Build a DFA now (before worker processes are forked, which then share it)."""
        if self._da is None and self._dfa is None:
            self._dfa = ahocorasick_rs.AhoCorasick(self._patterns, implementation=ahocorasick_rs.Implementation.DFA)
            self._patterns = []

    def saved(self) -> bytes:
        """A double array as bytes, to be passed back as ``saved``; b"" for a DFA, which is
        quicker to build again than to keep."""
        return self._da.serialize() if self._da is not None else b""

    def hits(self, low: str) -> list[tuple[int, int, int]]:
        """(start, end, pattern number) of every occurrence in ``low``, in character offsets: one
        call over the whole text, in Rust.

        A lone surrogate (which only a ``str`` built in Python can hold, never decoded text) cannot
        be encoded for the scan; such text is scanned with U+FFFD in its place, at the same
        offsets."""
        try:
            return self._hits(low)
        except UnicodeEncodeError:
            return self._hits(SURROGATE_RE.sub("\ufffd", low))

    def _hits(self, low: str) -> list[tuple[int, int, int]]:
        if self._da is not None:
            hits = self._da.find_overlapping(low)
            if self._loaded and hits and max(h[2] for h in hits) >= self.size:
                from .errors import IndexFileError

                raise IndexFileError("the automaton of the index file names patterns it does not hold: rebuild it")
            return hits
        if self._dfa is None:
            self.prepare()
        assert self._dfa is not None
        return [(s, e, p) for p, s, e in self._dfa.find_matches_as_indexes(low, overlapping=True)]


def has_mark(hits: list[tuple[int, int, int]]) -> bool:
    """Whether one of the ``hits`` is of a combining mark (the first patterns of a scanner)."""
    marks = len(MARKS)
    return any(h[2] < marks for h in hits)


_PLAN_SAVED = ("forms", "patterns", "slots", "groups", "keys")


def _scan_pattern(form: str) -> str:
    """``form`` as the scan sees it, folded as :func:`fold_for_scan` folds the text (GOST 7.79's
    backtick, ne`ksta, is scanned for as an apostrophe); the form itself where that changes
    nothing."""
    folded = fold_for_scan(form)
    return form if folded == form else folded


@mypyc_attr(allow_interpreted_subclasses=True)  # picklable when compiled
class ScanPlan:
    """What the rewrite pass scans an index's entities with (see :func:`plan_of`): the anchor
    forms (``forms``, lower case, as the index keeps them; ``patterns``, the same folded for the
    scan), for each the entities it anchors (``slots``: an entity's number, or past the entities a
    group of ``groups``), its key as the index keeps it ("" where it keeps none) and the automaton
    over them (``scanner``)."""

    def __init__(
        self,
        forms: list[str],
        slots: list[int],
        groups: list[tuple[int, ...]],
        keys: list[str],
        dfa_max: int = DFA_MAX_PATTERNS,
    ) -> None:
        self.forms = forms
        self.patterns = [_scan_pattern(f) for f in forms]
        self.slots = slots
        self.groups = groups
        self.keys = keys
        # the marks come first, as patterns of their own: a hit of one says the text needs its
        # letters composed and its stress marks dropped before the names in it can be found
        self.scanner = Scanner([*MARKS, *self.patterns], dfa_max=dfa_max)

    def __getstate__(self) -> dict[str, Any]:
        state = saved_state(self, _PLAN_SAVED)
        state["automaton"] = self.scanner.saved()
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        restore_state(self, state, _PLAN_SAVED)
        self.scanner = Scanner([*MARKS, *self.patterns], state["automaton"])


def plan_of(entries: list[EntityEntry], dfa_max: int = DFA_MAX_PATTERNS) -> ScanPlan:
    """The scan plan of ``entries``: one pattern for each anchor form of any of them (a form that
    several entities share anchors all of them), and each entity's canonical form whole, so that
    what a rewrite wrote is found again as one mention. ``dfa_max``: see :class:`Scanner`."""
    # form -> the entity it anchors, one dictionary update for each entity (in C)
    owner: dict[str, int] = {}
    shared: dict[str, set[int]] = {}
    for idx, entry in enumerate(entries):
        surfaces = entry.surfaces
        for form in surfaces.keys() & owner.keys():
            shared.setdefault(form, {owner[form]}).add(idx)
        owner.update(dict.fromkeys(surfaces, idx))
    for idx, entry in enumerate(entries):
        canon = entry.record.canonical.lower()
        if not _two_alnum(canon):
            continue
        prev = owner.get(canon)
        if prev is None:
            owner[canon] = idx
        elif canon in shared:
            shared[canon].add(idx)
        elif prev != idx:
            shared[canon] = {prev, idx}
    owner.pop("", None)
    # a form that anchors several entities anchors their group, numbered past the entities
    groups: list[tuple[int, ...]] = []
    numbers: dict[tuple[int, ...], int] = {}
    for form, idxs in shared.items():
        t = tuple(sorted(idxs))
        slot = numbers.get(t)
        if slot is None:
            slot = numbers[t] = len(entries) + len(groups)
            groups.append(t)
        owner[form] = slot
    forms = list(owner)
    slots = list(owner.values())
    # the key of each pattern, as the index keeps it ("" for a canonical form it does not): read
    # here once, where looking it up for each anchor reads an entry far off in memory
    keys = [
        entries[s if s < len(entries) else groups[s - len(entries)][0]].surfaces.get(form, "")
        for form, s in zip(forms, slots, strict=True)
    ]
    return ScanPlan(forms, slots, groups, keys, dfa_max)


def _two_alnum(s: str) -> bool:
    """Whether ``s`` holds at least two letters or digits (stops at the second)."""
    seen = False
    for c in s:
        if c.isalnum():
            if seen:
                return True
            seen = True
    return False
