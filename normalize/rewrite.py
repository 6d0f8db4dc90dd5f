"""The corpus rewrite pass: find every mention of a known entity in running text and normalize it.

One linear scan (an Aho-Corasick automaton over every spelling of every anchor word: surname forms
in all schemes and cases, organisation and place name words) finds candidate words at Unicode word
boundaries; each is widened to the name around it (given names, patronymics, initials), longest
first; the span is then resolved with the same rules as ``resolve()``. Text outside the mentions is
never touched.
"""

from __future__ import annotations

import re
import unicodedata
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from mypy_extensions import mypyc_attr

from .index import EntityEntry, gc_paused
from .names import MAX_MENTION_CHARS
from .pickling import by_constructor
from .resolver import DEFAULT_THRESHOLD, Decision, Match, Normalizer, Policy, check_options
from .scan import MARKS, composed, fold_for_scan, has_mark, scan_form
from .text import detect_language, has_latin_letter, script_of

Mode = Literal["replace", "annotate", "canonical-script"]
MODES: tuple[str, ...] = ("replace", "annotate", "canonical-script")
MAX_EXTEND_WORDS = 3
MAX_EXTEND_ORG = 10  # words after the first word of an organisation's name (Центральная комиссия …)
WINDOW = 80
# a name word or an initial before a mention: "Alexander ", "S. ", "S.G." (no digits, no underscore);
# combining marks belong to the letter before them
_WORD = (
    rf"(?:(?:[^\W\d_][{MARKS}]*\.){{1,3}}|[^\W\d_](?:[\w'\-\u0360\u0361{MARKS}]*"
    rf"(?:[^\W\d_]|[\u0360\u0361{MARKS}]))?\.?)"
)
_WORD_FULL = re.compile(_WORD)
_INITIALS_RE = re.compile(r"^(?:[^\W\d_]\.){1,3}$|^[^\W\d_]$")
# the word after a mention: after blanks or a comma and blanks; a word in quotes of its own is
# taken with them (Правозащитный центр «Вясна»)
_RIGHT_RE = re.compile(
    r",?[ \t\u00a0]+(?:[«„“\"](" + _WORD + r")[»“”\"]|(" + _WORD + r"))(?=[\s,;:)!?»“”\"’]|\.(?:\s|$)|$)"
)
_CLOSING_QUOTES = frozenset('»“”"')
_GAP_RE = re.compile(r",?[ \t\u00a0]+")  # between two words of a span
_BLANKS_RE = re.compile(r",?[ \t\u00a0]+[«„“\"]?")  # between a word and the next, which may open a quote
# what stands between an organisation's name and the place it is of: Ministry of Foreign Affairs of
# the Russian Federation, Министерство иностранных дел Российской Федерации, the Russian Ministry
_QUALIFIER_GAP_RE = re.compile(r"[ \t\u00a0]+(?:of[ \t\u00a0]+(?:the[ \t\u00a0]+)?)?", re.IGNORECASE)
_BLANKS = " \t\u00a0"
_WORD_INNER = frozenset(".'-\u0360\u0361" + MARKS)
_MISSING = object()
CACHE_SIZE = 100_000  # surfaces (and signatures) remembered


class _Anchored:
    """The entities an anchor form names, with what widening a span around it looks at: the key
    sets a capitalised word beside it may fit (given names, patronymics, name words), the letters
    of the initials, the case forms of the given names as written (Александром), and for
    organisations the keys of their name words (for the lower-case, inflected words of a name in
    running text)."""

    __slots__ = ("case_forms", "fit_sets", "idxs", "initials", "org", "org_forms", "org_words", "person", "phrase")
    idxs: tuple[int, ...]
    org: bool
    person: bool
    phrase: bool  # an organisation or a place among them: a name of several words
    fit_sets: tuple[frozenset[str], ...]
    initials: frozenset[str]
    case_forms: frozenset[str]
    org_words: frozenset[str]
    org_forms: Mapping[str, str]  # the forms the index made of an organisation's name words (комиссии)

    def __init__(self, idxs: tuple[int, ...], entries: list[EntityEntry]) -> None:
        self.idxs = idxs
        if len(entries) == 1:  # the common case, made in a few steps (one for each entity)
            e = entries[0]
            self.org = e.record.type == "organization"
            self.person = not (phrase := e.record.type != "person")
            self.phrase = phrase
            self.fit_sets = tuple(
                ks for ks in (e.given_keys, e.patronymic_keys, e.patronymic_case_keys, e.word_keys) if ks
            )
            self.initials = e.given_initials | e.patronymic_initials
            self.case_forms = e.given_case_forms
            self.org_words = e.word_keys if self.org else frozenset()
            self.org_forms = e.surfaces if self.org else {}
            return
        self.org = any(e.record.type == "organization" for e in entries)
        self.person = any(e.record.type == "person" for e in entries)
        self.phrase = any(e.record.type != "person" for e in entries)
        self.fit_sets = tuple(
            ks for e in entries for ks in (e.given_keys, e.patronymic_keys, e.patronymic_case_keys, e.word_keys) if ks
        )
        self.initials = frozenset().union(*(e.given_initials | e.patronymic_initials for e in entries))
        self.case_forms = frozenset().union(*(e.given_case_forms for e in entries))
        self.org_words = frozenset().union(*(e.word_keys for e in entries if e.record.type == "organization"))
        self.org_forms = {f: k for e in entries if e.record.type == "organization" for f, k in e.surfaces.items()}


@mypyc_attr(allow_interpreted_subclasses=True)  # picklable when compiled
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

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return by_constructor(self)


@mypyc_attr(allow_interpreted_subclasses=True)  # picklable when compiled
@dataclass(frozen=True)
class RewriteResult:
    """The rewritten text and the mentions found in the input."""

    text: str
    mentions: list[Mention]

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return by_constructor(self)


def _upper_at(text: str, i: int) -> bool:
    """``text[i].isupper()``, without making the one-letter string for ASCII and Cyrillic letters
    (``ord(text[i])`` makes none in a compiled build)."""
    o = ord(text[i])
    if o < 0x80:
        return 0x41 <= o <= 0x5A
    if 0x400 <= o <= 0x45F:  # Ѐ-Я upper, а-џ lower
        return o < 0x430
    return text[i].isupper()


def _alnum_at(text: str, i: int) -> bool:
    """``text[i].isalnum()``, without making the one-letter string for ASCII and Cyrillic letters."""
    o = ord(text[i])
    if o < 0x80:
        return 0x30 <= o <= 0x39 or 0x41 <= o <= 0x5A or 0x61 <= o <= 0x7A
    if 0x400 <= o <= 0x45F:  # the basic Cyrillic letters
        return True
    return text[i].isalnum()


def _blank_at(text: str, i: int) -> bool:
    """``text[i] in _BLANKS``, read as a code point."""
    o = ord(text[i])
    return o == 0x20 or o == 0x09 or o == 0xA0


def _is_initials(word: str) -> bool:
    """Whether ``word`` is one to three initials (S., S.G.) or a lone letter; the regex runs only
    for a word that may be one (a letter, or with a dot)."""
    return (len(word) == 1 or "." in word) and _INITIALS_RE.match(word) is not None


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
        check_options(threshold, policy)
        self.normalizer = normalizer
        self.threshold = threshold
        self.policy: Policy = policy
        self.keep_case = keep_case
        self.require_capital = require_capital
        with gc_paused():
            self._build()
        self._cache: OrderedDict[str, Decision | None] = OrderedDict()
        self._sigs: dict[tuple[str, str, bool, str], Decision | None] = {}
        self._stems: dict[str, tuple[str, ...]] = {}  # a lower-case word -> its key's stems
        self._function_words = normalizer.tables.vocabulary.function_words
        self._titles = normalizer.tables.titles

    def _build(self) -> None:
        """What each pattern of the index's scan plan anchors (see :func:`~normalize.scan.plan_of`):
        one entity, or a group of them."""
        entries = self.normalizer.index.entries
        plan = self.normalizer.index.scan_plan()
        infos = [_Anchored((i,), [e]) for i, e in enumerate(entries)]
        infos.extend(_Anchored(t, [entries[i] for i in t]) for t in plan.groups)
        self._forms = plan.forms
        self._infos: list[_Anchored] = list(map(infos.__getitem__, plan.slots))  # by pattern number
        self._keys = plan.keys
        self._has_patterns = bool(self._forms)
        self._scanner = plan.scanner
        self._scanner.prepare()

    # --- finding -------------------------------------------------------------------------------

    def _anchors(self, text: str, low: str) -> list[tuple[int, int, _Anchored, int]]:
        """The anchor words of ``text``: hits at word boundaries (and in capitals, unless the
        rewriter takes lower case), the longest first where hits overlap."""
        hits = self._scanner.hits(low)
        if has_mark(hits):
            return self._anchors_marked(text, low)
        return self._choose(text, low, hits)

    def _choose(self, text: str, low: str, hits: list[tuple[int, int, int]]) -> list[tuple[int, int, _Anchored, int]]:
        """The hits of ``low`` (the folded ``text``) that are anchors, not overlapping: (start,
        end, the entities, the pattern's number among the forms)."""
        if self.require_capital:  # the cheapest test first: most hits fail it
            hits = [h for h in hits if _upper_at(text, h[0])]
        n = len(text)
        marks = len(MARKS)
        found: list[tuple[int, int, int, int]] = []
        for start, end, pattern in hits:
            if pattern < marks:
                continue
            if start > 0 and (
                _alnum_at(text, start - 1) or (ord(low[start - 1]) == 0x27 and start > 1 and _alnum_at(text, start - 2))
            ):
                continue
            if end < n and (
                _alnum_at(text, end) or (ord(low[end]) == 0x27 and end + 1 < n and 0x400 <= ord(text[end + 1]) <= 0x52F)
            ):
                continue  # inside a word (a Belarusian word with an apostrophe among them; Cyrillic after it)
            found.append((start, start - end, end, pattern))
        found.sort()  # by start, the longest first
        infos = self._infos
        chosen: list[tuple[int, int, _Anchored, int]] = []
        last_end = -1
        for start, _, end, pattern in found:
            if start >= last_end:
                chosen.append((start, end, infos[pattern - marks], pattern - marks))
                last_end = end
        return chosen

    def _anchors_marked(self, text: str, low: str) -> list[tuple[int, int, _Anchored, int]]:
        """:meth:`_anchors` for text with combining marks: scanned in a form with its letters
        composed (NFC) and its stress marks dropped, the anchors mapped back to the text."""
        form = scan_form(text, low)
        if form is None:
            return self._choose(text, low, self._scanner.hits(low))
        stext, slow, starts, ends = form
        chosen = self._choose(stext, slow, self._scanner.hits(slow))
        return [(starts[a], ends[b - 1], info, p) for a, b, info, p in chosen]

    def _word_before(self, text: str, pos: int, floor: int) -> tuple[int, str] | None:
        """The word (or initial) just before ``pos``, separated by blanks or an initial's dot.
        A short backward scan: this runs for every mention, so no regex search over a window."""
        i = pos
        while i > floor and _blank_at(text, i - 1):
            i -= 1
        if i <= floor or (i == pos and text[i - 1] != "."):
            return None  # nothing there, or glued to the mention: part of another word
        lo = max(floor, i - WINDOW)
        # the common case in C: back to the space before, and the word is all letters
        sp = text.rfind(" ", lo, i)
        if sp >= 0:
            word = text[sp + 1 : i]
            if word.isalpha():
                return sp + 1, word
        j = i
        while j > lo and (text[j - 1].isalnum() or text[j - 1] in _WORD_INNER):
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
        if m.group(1) is not None:  # quoted: the span takes the closing quote too
            return m.end(), m.group(1)
        word, end = m.group(2), m.end(2)
        if "'" in word:  # a possessive stays in the text, after the mention (LUKASHENKO, Alexander's)
            bare = word[:-1] if word.endswith(".") else word  # a sentence may end after it
            low = bare.lower()
            for suffix in self.normalizer.tables.possessive_suffixes:
                if len(bare) > len(suffix) + 1 and low.endswith(suffix):
                    return end - (len(word) - len(bare)) - len(suffix), bare[: -len(suffix)]
        return end, word

    def _fits(self, word: str, info: _Anchored, org: bool = False) -> bool:
        """Whether ``word`` beside an anchor belongs to the name: a given name, patronymic or
        initial of a person it anchors, a word of an organisation's or place's name."""
        upper = word[0].isupper()
        if not upper and not org:  # the cheapest test first: most words beside a mention fail it
            if not info.phrase or word.casefold() not in self._function_words:
                return False
            k = self.normalizer.maker.key(word)  # of in Republic of Belarus
            return bool(k) and any(k in keys for keys in info.fit_sets)
        w = word.rstrip(".")
        if not w.isalpha():
            w = composed(w)  # a decomposed letter (NFD) keys as the letter
        if not w or w.casefold() in self._titles:
            return False
        maker = self.normalizer.maker
        if upper:
            if _is_initials(word):
                return maker.initial_matches(w[0], info.initials)
            k = maker.key(w)
            if not k:
                return False
            if any(k in keys for keys in info.fit_sets) or w.lower() in info.case_forms:
                return True
            if not info.org:
                return False
        # organisation names hold words inflected in running text, in lower case or capitalised
        # (рабочие Минского завода колёсных тягачей, интервью «Нашей Ниве»): a case form the
        # index made of a name word (Центральной комиссии), or a word whose stem is a name word's
        if w.lower() in info.org_forms:
            return True
        stems = self._stems.get(w)
        if stems is None:
            k = maker.key(w)
            stems = tuple(self.normalizer.tables.vocabulary.stems(k)) if k else ()
            if len(self._stems) < CACHE_SIZE:
                self._stems[w] = stems
        org_words = info.org_words
        return any(st in org_words for st in stems)

    def _widen(
        self, text: str, start: int, end: int, info: _Anchored, floor: int, ceil: int, pattern: int
    ) -> tuple[int, int, int]:
        """The span of the name around the anchor ``text[start:end]``: the words before and after
        it that fit, never below ``floor`` or past ``ceil``; and how far the words that fit went
        (past the function words the span does not end with). ``pattern`` is the number of the
        pattern the anchor was found by."""
        seen: set[str] | None = None  # the words of the span, by key: made when a word fits
        function_words = self._function_words
        first = start  # the start of the first word that is not a function word (of, the)
        for _ in range(MAX_EXTEND_WORDS):
            got = self._word_before(text, start, floor)
            if got is None or not self._fits(got[1], info):
                break
            if self._again(got[1], seen := seen if seen is not None else self._keys_of(text, start, end, pattern)):
                break
            start = got[0]
            if got[1].casefold() not in function_words:
                first = start
        org = info.org
        comma = False
        named = end  # the end of the last word that is not a function word (of, the, по)
        for _ in range(MAX_EXTEND_ORG if org else MAX_EXTEND_WORDS):
            if end >= ceil or (not org and text[end] == " " and text[end + 1 : end + 2].islower()):
                break  # the common case: a lower-case word after a person's name
            got = self._word_after(text, end, ceil)
            if got is None or not self._fits(got[1], info, org):
                break
            if text[end] == ",":  # one comma, as in SURNAME, Given; more make a list
                if comma or not info.person:
                    break  # an organisation's or place's name holds no comma
                comma = True
            if self._again(got[1], seen := seen if seen is not None else self._keys_of(text, start, end, pattern)):
                break
            end = got[0]
            if got[1].casefold() not in function_words:
                named = end
            if text[end - 1] in _CLOSING_QUOTES:
                break  # a name in quotes ends the name (Правозащитный центр «Вясна»)
        # a name neither starts nor ends with a function word (the Nat͡sbank, Республики Беларусь по …)
        return first, named, end

    def _keys_of(self, text: str, start: int, end: int, pattern: int) -> set[str]:
        """The keys of the words of ``text[start:end]``, the anchor found by ``pattern`` alone: its
        key is read where :meth:`_anchor_key` knows it."""
        key = self._anchor_key(text, start, end, pattern)
        if key:
            return {key}
        make = self.normalizer.maker.key
        return {make(w) for w in text[start:end].split()}

    def _again(self, word: str, seen: set[str]) -> bool:
        """Whether ``word`` (not an initial) is a word of the span already, by key: a word said
        again starts a name again (Viasna Viasna, Sviatlana, Sviatlana, Alexander Alexander); it
        is added to ``seen`` otherwise."""
        if _is_initials(word) or len(word.rstrip(".")) < 2:
            return False  # initials repeat (А. А. Лукашенко)
        k = self.normalizer.maker.key(word)
        if k in seen:
            return True
        seen.add(k)
        return False

    def _remember(self, surface: str, m: Decision | None) -> None:
        self._cache[surface] = m
        if len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)

    def _anchor_key(self, text: str, start: int, end: int, pattern: int) -> str:
        """The key of the anchor ``text[start:end]``, found by ``pattern``, when it is the key of
        the pattern (the index keeps the key of every pattern, and a word's key is the key of its
        lower case), else "": nothing is made here."""
        if text[start:end].lower() != self._forms[pattern]:
            return ""
        return self._keys[pattern]

    def _resolve_span(
        self, text: str, s: int, e: int, start: int, end: int, pattern: int, exact: bool
    ) -> Decision | None:
        """What resolving ``text[s:e]`` decided, a span around the anchor word ``text[start:end]``
        found by ``pattern`` (whose key is read, where :meth:`_anchor_key` knows it, and not made
        again).

        Besides the surfaces seen, results are remembered by signature: the words before and after
        the anchor as written, and the anchor by its key and case. Every mention of one signature
        resolves alike when the anchor is a plain word and no organisation or place was among the
        candidates (the resolver reports when it read more than keys), so Lukashenka, Lukashenko
        and Loukachenko after "Alexander " are resolved once. A decision found this way carries
        the surface it was first resolved for; with ``exact`` signatures are not used."""
        surface = text[s:e]
        cached = self._cache.get(surface)
        if cached is not None or surface in self._cache:
            self._cache.move_to_end(surface)
            return cached
        key = self._anchor_key(text, start, end, pattern)
        known = {text[start:end]: key} if key else None
        sig = None if exact else self._signature(text, s, e, start, end, key)
        if sig is not None:
            got = self._sigs.get(sig, _MISSING)
            if got is not _MISSING:
                return got  # type: ignore[return-value]
        trace: list[bool] = []
        n = self.normalizer
        m = n._resolve_traced(surface, self.threshold, self.policy, None, trace, known)
        self._remember(surface, m)
        if sig is not None and not trace:
            self._sigs[sig] = m
            if len(self._sigs) > CACHE_SIZE:
                self._sigs.clear()
        return m

    def _signature(
        self, text: str, s: int, e: int, start: int, end: int, key: str
    ) -> tuple[str, str, bool, str] | None:
        """What a span's match depends on when its anchor is a plain word: the text before and
        after the anchor, the anchor's key (``key`` if known, else made here) and whether it is
        in capitals; None when the anchor is not a plain word (initials, apostrophes, mixed
        scripts, a title) or not cut off by blanks."""
        anchor = text[start:end]
        if len(anchor) < 2 or not anchor.isalpha():
            return None
        if not anchor.isascii() and (not unicodedata.is_normalized("NFC", anchor) or has_latin_letter(anchor)):
            return None  # Latin letters in a Cyrillic word are repaired before matching
        if s < start and not _blank_at(text, start - 1):
            return None
        if end < e and not _blank_at(text, end) and ord(text[end]) != 0x2C:  # a comma
            return None
        if anchor.casefold() in self._titles:
            return None
        return (text[s:start], key or self.normalizer.maker.key(anchor), anchor.isupper(), text[end:e])

    def spans(self, text: str) -> list[tuple[int, int, Match]]:
        """Every mention in ``text`` as (start, end, match), in order, not overlapping; each match
        is ``resolve()``'s for the span's own surface (``mention`` and ``explain()`` included)."""
        return [(s, e, d.match()) for s, e, d in self._spans(text, exact=True)]

    def _spans(self, text: str, exact: bool = False) -> list[tuple[int, int, Decision]]:
        """:meth:`spans`, the decisions of its matches; unless ``exact``, a decision may come
        from another surface of the same signature (the same entity and score)."""
        if not self._has_patterns or not text:
            return []
        low = fold_for_scan(text)
        anchors = self._anchors(text, low)
        out: list[tuple[int, int, Decision]] = []
        floor = 0
        n = len(text)
        for k, (start, end, info, pattern) in enumerate(anchors):
            if start < floor:
                continue
            # never into the next mention, but for an organisation or place over the next anchor
            # words that are words of its name: the words of one name (Правозащитный центр
            # «Вясна», Мозырский НПЗ, Национальный банк Республики Беларусь), as many as widening
            # may take. A canonical form of several words is a whole mention, and stays one (what
            # a rewrite wrote is found again as it was written).
            j = k + 1
            ceil = anchors[j][0] if j < len(anchors) else n
            forms = self._forms
            if " " in forms[pattern]:
                s, e = start, end  # a canonical form of several words is a whole name already
            else:
                s, e, reached = self._widen(text, start, end, info, floor, ceil, pattern)
                while (  # widening reached the next anchor, and it is a word of the name
                    info.phrase
                    and j < len(anchors)
                    and j - k <= MAX_EXTEND_ORG
                    and _BLANKS_RE.fullmatch(text, reached, ceil)
                    and " " not in forms[anchors[j][3]]
                    and (anchors[j][2] is info or self._fits(text[ceil : anchors[j][1]], info, info.org))
                ):
                    j += 1
                    ceil = anchors[j][0] if j < len(anchors) else n
                    s, e, reached = self._widen(text, start, end, info, floor, ceil, pattern)
            m = self._resolve_span(text, s, e, start, end, pattern, exact) if e - s <= MAX_MENTION_CHARS else None
            if m is None and info.phrase and e > end:
                # an organisation's name longer than widening reaches (Центральная комиссия
                # Республики Беларусь по выборам и …): the longest part of it that names one
                function_words = self._function_words
                cuts = [g.start() for g in _GAP_RE.finditer(text, end, e)]
                for cut in reversed(cuts):
                    word = text[max(s, text.rfind(" ", s, cut) + 1) : cut]  # the word before the cut
                    if cut - s <= MAX_MENTION_CHARS and word.casefold() not in function_words:
                        m = self._resolve_span(text, s, cut, start, end, pattern, exact)
                        if m is not None:
                            e = cut
                            break
            if m is None and (s, e) != (start, end):
                s, e = start, end
                m = self._resolve_span(text, s, e, start, end, pattern, exact)
            if m is None or (m.type == "organization" and self._abroad(text, s, e, anchors, k, m.entity_id)):
                continue
            if text[e - 1] == "." and not text[e - 2 : e - 1].isupper():
                e -= 1
            out.append((s, e, m))
            floor = e
        return out

    def _abroad(
        self, text: str, s: int, e: int, anchors: list[tuple[int, int, _Anchored, int]], k: int, entity_id: str
    ) -> bool:
        """Whether the organisation found at ``text[s:e]`` (from ``anchors[k]``) is named after a
        place and the text names another state or region right beside it (see
        :meth:`Normalizer.foreign_place`): Министерство иностранных дел Российской Федерации, the
        Russian Ministry of Foreign Affairs are not the Belarusian ministry of the table."""
        n = self.normalizer
        org = n._by_id[entity_id]
        entries = n.index.entries
        before = k - 1
        while before >= 0 and anchors[before][1] > s:
            before -= 1
        after = k + 1
        while after < len(anchors) and anchors[after][0] < e:
            after += 1
        for x, gap in (
            (before, text[anchors[before][1] : s] if before >= 0 else ""),
            (after, text[e : anchors[after][0]] if after < len(anchors) else ""),
        ):
            if not gap or not _QUALIFIER_GAP_RE.fullmatch(gap):
                continue
            # the places the word beside names (России also anchors the Union State, a name of
            # which holds it): another state among them says another body
            places = [i for i in anchors[x][2].idxs if entries[i].record.type == "place"]
            if places and n.foreign_place(org, places):
                return True
        return False

    def find(self, text: str) -> list[Mention]:
        """Every mention in ``text`` (offsets into ``text``), in order, not overlapping."""
        return [Mention(s, e, text[s:e], m.entity_id, m.canonical, m.score, m.type) for s, e, m in self._spans(text)]

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
        spans = self._spans(text)
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

    def rewrite_text(self, text: str, mode: Mode = "replace") -> tuple[str, list[tuple[int, int, Decision]]]:
        """The fast path of :meth:`rewrite` for pipelines: the new text and the mentions as
        (start, end, decision); a :class:`~normalize.resolver.Decision` holds the entity
        (``entity_id``, ``canonical``, ``score``, ``type``), and its ``match()`` may be the match
        of another surface of the same signature (see :meth:`spans` for each surface's own)."""
        spans = self._spans(text)
        if not spans or mode == "annotate":
            return text, spans
        parts: list[str] = []
        pos = 0
        plain = mode == "replace" and not self.keep_case  # the canonical form, whatever the surface
        for s, e, m in spans:
            parts.append(text[pos:s])
            parts.append(m.canonical if plain else self._replacement(text[s:e], m.entity_id, m.canonical, mode))
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
