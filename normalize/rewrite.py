"""The corpus rewrite pass: find every mention of a known entity in running text and normalize it.

One linear scan (an Aho-Corasick automaton over every spelling of every anchor word: surname forms
in all schemes and cases, organisation and place name words) finds candidate words at Unicode word
boundaries; each is widened to the name around it (given names, patronymics, initials), longest
first; the span is then resolved with the same rules as ``resolve()``. Text outside the mentions is
never touched.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Literal

import ahocorasick

from .index import gc_paused
from .names import MAX_MENTION_CHARS
from .resolver import DEFAULT_THRESHOLD, Match, Normalizer, Policy
from .text import APOSTROPHES, detect_language, is_cyrillic, script_of

Mode = Literal["replace", "annotate", "canonical-script"]
MODES: tuple[str, ...] = ("replace", "annotate", "canonical-script")
MAX_EXTEND_WORDS = 3
MAX_EXTEND_ORG = 6  # words after the first word of an organisation's name (завод колёсных тягачей)
WINDOW = 80
# a name word or an initial before a mention: "Alexander ", "S. ", "S.G." (no digits, no underscore)
_WORD = r"(?:(?:[^\W\d_]\.){1,3}|[^\W\d_](?:[\w'\-]*[^\W\d_])?\.?)"
_WORD_FULL = re.compile(_WORD)
_INITIALS_RE = re.compile(r"^(?:[^\W\d_]\.){1,3}$|^[^\W\d_]$")
_RIGHT_RE = re.compile(r",?[ \t\u00a0]+(" + _WORD + r")(?=[\s,;:)!?]|\.(?:\s|$)|$)")
_APOSTROPHE_VARIANTS = tuple(c for c in APOSTROPHES if c != "'")


@dataclass(frozen=True)
class Mention:
    """A mention found in text. ``start``/``end`` are offsets into the input string
    (``text[start:end] == surface``); ``replacement`` is what the rewrite wrote there."""

    start: int
    end: int
    surface: str
    entity_id: str
    canonical: str
    score: float
    type: str
    replacement: str = ""


@dataclass(frozen=True)
class RewriteResult:
    """The rewritten text and the mentions found in the input."""

    text: str
    mentions: list[Mention]


def automaton_hits(auto: ahocorasick.Automaton, low: str) -> list[tuple[int, Any]]:
    """Every hit of ``auto`` in ``low`` as (end index, value): one call over the whole text, in C.

    (Scanning plain-ASCII runs and wide lines apart, as before, measured slower: pyahocorasick
    2.x scans a string of wide characters as fast as one of one-byte characters, and the calls
    and offsets of the runs cost Python work per line.)"""
    return list(auto.iter(low))


def _two_alnum(s: str) -> bool:
    """Whether ``s`` holds at least two letters or digits (stops at the second)."""
    seen = False
    for c in s:
        if c.isalnum():
            if seen:
                return True
            seen = True
    return False


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


class Rewriter:
    """Finds and rewrites mentions with one :class:`Normalizer`; build once, use for many texts."""

    def __init__(
        self,
        normalizer: Normalizer,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        policy: Policy = "prominent",
        keep_case: bool = False,
        require_capital: bool = True,
    ) -> None:
        self.normalizer = normalizer
        self.threshold = threshold
        self.policy: Policy = policy
        self.keep_case = keep_case
        self.require_capital = require_capital
        with gc_paused():
            self._build()
        self._cache: OrderedDict[str, Match | None] = OrderedDict()

    def _build(self) -> None:
        """The automaton over every anchor form (one entry a form, with the entities it anchors)."""
        normalizer = self.normalizer
        self._auto = ahocorasick.Automaton()
        # form -> the entity it anchors, or the set of them when it anchors several (few do)
        anchors: dict[str, int | set[int]] = {}
        get = anchors.get

        def add(form: str, idx: int) -> None:
            prev = get(form)
            if prev is None:
                anchors[form] = idx
            elif isinstance(prev, int):
                if prev != idx:
                    anchors[form] = {prev, idx}
            else:
                prev.add(idx)

        for idx, entry in enumerate(normalizer.index.entries):
            for form in entry.surfaces:
                prev = get(form)
                if prev is None:
                    anchors[form] = idx
                else:
                    add(form, idx)
            # the canonical form itself, whole: what a rewrite writes is found again as one mention
            canon = entry.record.canonical.lower()
            if _two_alnum(canon):
                add(canon, idx)
        singles: dict[int, tuple[int, ...]] = {}
        add_word = self._auto.add_word
        for form, got in anchors.items():
            if isinstance(got, int):
                idxs = singles.get(got)
                if idxs is None:
                    idxs = singles[got] = (got,)
            else:
                idxs = tuple(sorted(got))
            add_word(form, (len(form), idxs))
        self._has_patterns = bool(anchors)
        if anchors:
            self._auto.make_automaton()

    # --- finding -------------------------------------------------------------------------------

    def _anchors(self, text: str, low: str) -> list[tuple[int, int, tuple[int, ...]]]:
        n = len(text)
        found: list[tuple[int, int, tuple[int, ...]]] = []
        capital = self.require_capital
        for end_idx, (length, idxs) in automaton_hits(self._auto, low):
            start = end_idx - length + 1
            if capital and not text[start].isupper():  # the cheapest test first: most hits fail it
                continue
            if start > 0 and (
                text[start - 1].isalnum() or (low[start - 1] == "'" and start > 1 and text[start - 2].isalnum())
            ):
                continue
            end = end_idx + 1
            if end < n and (text[end].isalnum() or (low[end] == "'" and end + 1 < n and is_cyrillic(text[end + 1]))):
                continue  # inside a word (a Belarusian word with an apostrophe among them)
            found.append((start, end, idxs))
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        chosen: list[tuple[int, int, tuple[int, ...]]] = []
        last_end = -1
        for f in found:
            if f[0] >= last_end:
                chosen.append(f)
                last_end = f[1]
        return chosen

    def _word_before(self, text: str, pos: int, floor: int) -> tuple[int, str] | None:
        """The word (or initial) just before ``pos``, separated by blanks or an initial's dot.
        A short backward scan: this runs for every mention, so no regex search over a window."""
        i = pos
        while i > floor and text[i - 1] in " \t\u00a0":
            i -= 1
        if i <= floor or (i == pos and text[i - 1] != "."):
            return None  # nothing there, or glued to the mention: part of another word
        lo = max(floor, i - WINDOW)
        j = i
        while j > lo and (text[j - 1].isalnum() or text[j - 1] in ".'-"):
            j -= 1
        if j == lo and lo > floor:
            return None
        word = text[j:i]
        return (j, word) if _WORD_FULL.fullmatch(word) else None

    def _word_after(self, text: str, pos: int, ceil: int) -> tuple[int, str] | None:
        """The word (or initial) just after ``pos``, after blanks or a comma and blanks."""
        m = _RIGHT_RE.match(text, pos, min(ceil, pos + WINDOW))
        if m is None:
            return None
        return m.end(1), m.group(1)

    def _fits(self, word: str, idxs: tuple[int, ...], org: bool = False) -> bool:
        w = word.rstrip(".")
        if not w or (not org and not w[0].isupper()) or w.casefold() in self.normalizer.tables.titles:
            return False
        entries = self.normalizer.index.entries
        if not w[0].isupper():
            # organisation names hold words in lower case, inflected in running text
            # (рабочие Минского завода колёсных тягачей)
            k = self.normalizer.maker.key(w)
            if not k:
                return False
            stems = self.normalizer.tables.vocabulary.stems(k)
            return any(
                entries[i].record.type == "organization" and any(s in entries[i].word_keys for s in stems) for i in idxs
            )
        if _INITIALS_RE.match(word):
            maker = self.normalizer.maker
            return any(
                maker.initial_matches(w[0], entries[i].given_initials | entries[i].patronymic_initials) for i in idxs
            )
        k = self.normalizer.maker.key(w)
        if not k:
            return False
        for i in idxs:
            e = entries[i]
            if k in e.given_keys or k in e.patronymic_keys or k in e.word_keys:
                return True
        return False

    def _widen(self, text: str, start: int, end: int, idxs: tuple[int, ...], floor: int, ceil: int) -> tuple[int, int]:
        entries = self.normalizer.index.entries
        org = any(entries[i].record.type == "organization" for i in idxs)
        most = MAX_EXTEND_ORG if org else MAX_EXTEND_WORDS
        for _ in range(MAX_EXTEND_WORDS):
            got = self._word_before(text, start, floor)
            if got is None or not self._fits(got[1], idxs):
                break
            start = got[0]
        for _ in range(most):
            got = self._word_after(text, end, ceil)
            if got is None or not self._fits(got[1], idxs, org):
                break
            end = got[0]
        return start, end

    def _resolve(self, surface: str) -> Match | None:
        cached = self._cache.get(surface)
        if cached is not None or surface in self._cache:
            self._cache.move_to_end(surface)
            return cached
        m = self.normalizer.resolve(surface, threshold=self.threshold, policy=self.policy)
        self._cache[surface] = m
        if len(self._cache) > 100_000:
            self._cache.popitem(last=False)
        return m

    def spans(self, text: str) -> list[tuple[int, int, Match]]:
        """Every mention in ``text`` as (start, end, match), in order, not overlapping."""
        if not self._has_patterns or not text:
            return []
        low = fold_for_scan(text)
        anchors = self._anchors(text, low)
        out: list[tuple[int, int, Match]] = []
        floor = 0
        n = len(text)
        for k, (start, end, idxs) in enumerate(anchors):
            if start < floor:
                continue
            ceil = anchors[k + 1][0] if k + 1 < len(anchors) else n  # never into the next mention
            s, e = self._widen(text, start, end, idxs, floor, ceil)
            surface = text[s:e]
            m = self._resolve(surface) if len(surface) <= MAX_MENTION_CHARS else None
            if m is None and (s, e) != (start, end):
                s, e = start, end
                m = self._resolve(text[s:e])
            if m is None:
                continue
            if text[e - 1] == "." and not text[e - 2 : e - 1].isupper():
                e -= 1
            out.append((s, e, m))
            floor = e
        return out

    def find(self, text: str) -> list[Mention]:
        """Every mention in ``text`` (offsets into ``text``), in order, not overlapping."""
        return [Mention(s, e, text[s:e], m.entity_id, m.canonical, m.score, m.type) for s, e, m in self.spans(text)]

    # --- rewriting -----------------------------------------------------------------------------

    def replacement(self, mention: Mention, mode: Mode) -> str:
        """What ``mode`` writes in place of ``mention``."""
        return self._replacement(mention.surface, mention.entity_id, mention.canonical, mode)

    def _replacement(self, surface: str, entity_id: str, canonical: str, mode: Mode) -> str:
        if mode == "annotate":
            return surface
        out = canonical
        if mode == "canonical-script" and script_of(surface) == "Cyrl":
            out = self._cyrillic_name(entity_id, detect_language(surface)) or out
        if self.keep_case and surface.isupper() and len(surface) > 1:
            out = out.upper()
        return out

    def _cyrillic_name(self, entity_id: str, lang: str | None) -> str | None:
        idx = self.normalizer._by_id.get(entity_id)
        if idx is None:
            return None
        names = [n for n in self.normalizer.index.entries[idx].record.names if script_of(n) == "Cyrl"]
        if lang is not None:
            same = [n for n in names if detect_language(n) == lang]
            if same:
                return same[0]
        return names[0] if names else None

    def rewrite(self, text: str, mode: Mode = "replace") -> RewriteResult:
        """Rewrite ``text``: each mention becomes the canonical form (``replace``), the canonical
        form in the mention's own script (``canonical-script``), or stays (``annotate``)."""
        if mode not in MODES:
            from .errors import InputError

            raise InputError(f"unknown mode {mode!r}; use one of {', '.join(MODES)}")
        spans = self.spans(text)
        if not spans:
            return RewriteResult(text, [])
        parts: list[str] = []
        pos = 0
        done: list[Mention] = []
        for s, e, m in spans:
            surface = text[s:e]
            rep = self._replacement(surface, m.entity_id, m.canonical, mode)
            parts.append(text[pos:s])
            parts.append(rep)
            pos = e
            done.append(Mention(s, e, surface, m.entity_id, m.canonical, m.score, m.type, rep))
        parts.append(text[pos:])
        return RewriteResult("".join(parts), done)

    def rewrite_text(self, text: str, mode: Mode = "replace") -> tuple[str, list[tuple[int, int, Match]]]:
        """The fast path of :meth:`rewrite` for pipelines: the new text and the raw spans."""
        spans = self.spans(text)
        if not spans or mode == "annotate":
            return text, spans
        parts: list[str] = []
        pos = 0
        for s, e, m in spans:
            parts.append(text[pos:s])
            parts.append(self._replacement(text[s:e], m.entity_id, m.canonical, mode))
            pos = e
        parts.append(text[pos:])
        return "".join(parts), spans


_REWRITERS: dict[int, Rewriter] = {}


def rewriter_for(normalizer: Normalizer, **kwargs: object) -> Rewriter:
    """A cached :class:`Rewriter` for a normalizer (default options only)."""
    if kwargs:
        return Rewriter(normalizer, **kwargs)  # type: ignore[arg-type]
    key = id(normalizer)
    rw = _REWRITERS.get(key)
    if rw is None or rw.normalizer is not normalizer:
        rw = _REWRITERS[key] = Rewriter(normalizer)
    return rw


def rewrite(text: str, mode: Mode = "replace") -> RewriteResult:
    """Rewrite ``text`` with the bundled tables; see :meth:`Rewriter.rewrite`."""
    return rewriter_for(Normalizer.default()).rewrite(text, mode)
