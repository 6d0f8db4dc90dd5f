"""The East Slavic phonetic key, compiled from ``tables/phonetic.yaml``.

``key("Tsikhanouskaya") == key("Тихановская") == key("Tikhanovskaya")``: the key folds the
spellings one sound takes across romanization systems, press conventions and the Russian and
Belarusian forms of a name. Candidates are looked up by key; they are then ranked by string
similarity of their keys.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from mypy_extensions import mypyc_attr
from rapidfuzz.distance import Levenshtein
from unidecode import unidecode

from .pickling import by_constructor, restore_state, saved_state
from .tablefile import LDict, TableReader
from .text import COMBINING_MARKS

KEY_VOWELS = "AEIU"  # the vowel symbols of a key
_VOWEL_SYMBOLS = KEY_VOWELS
_VOWEL_LOWER = "aeiouy"
_CONS_SYMBOLS = "BCDFGHJKLMNPQRSTVXYZ"
_CONS_LOWER = "bcdfghjklmnpqrstvwxz"
_CLASS_RE = {
    "vowel": f"[{_VOWEL_SYMBOLS}{_VOWEL_LOWER}]",
    "consonant": f"[{_CONS_SYMBOLS}{_CONS_LOWER}]",
}
_WORD_CHARS = "A-Za-z0-9"
_DOUBLE_RE = re.compile(r"(.)\1+")
_DROP_RE = re.compile(r"[^A-Z0-9]+")
_DROP_BUT_SPACES_RE = re.compile(r"[^A-Z0-9 ]+")  # _DROP_RE over words joined by spaces
_SYMBOL_RUN_RE = re.compile(r"([A-Z0-9])\1+")  # _DOUBLE_RE after _DROP_BUT_SPACES_RE: no run of spaces
_FIRST_OF_RUN = operator.methodcaller("group", 1)  # a C-level replacement: no template parsing per call


_Ctx = tuple[str, ...] | None


def _spaces_apart(tables: Sequence[Mapping[int, Any]], passes: Sequence[Pass]) -> bool:
    """Whether words joined by spaces go through ``tables`` and ``passes`` as each would alone: no
    letter table writes a space or maps one, and no rule matches one or has one in its context
    (a context at the start or end of a word reads a space as either)."""
    tables = [*tables, *(p._letters for p in passes)]
    ok = all(ord(" ") not in t and all(" " not in (v or "") for v in t.values()) for t in tables)
    for p in passes:
        for src, cands in p.rules.items():
            ok = ok and " " not in src and src.strip() == src
            for after, before, _out in cands:
                ok = ok and all(" " not in e for e in (*(after or ()), *(before or ())))
    return ok


def _symbols_only(s: str) -> bool:
    """Whether ``s`` holds key symbols only (A-Z, 0-9), nothing for the last steps to drop."""
    return s.isalnum() and s.isascii() and (s.isupper() or s.isdigit())


def _ascii_keys(table: Mapping[int, Any]) -> str:
    """The ASCII characters a translation table maps."""
    return "".join(chr(c) for c in sorted(table) if c < 128)


def _ctx_fits(text: str, i: int, j: int, after: _Ctx, before: _Ctx) -> bool:
    """Check a rule's context in Python (only needed when one match text has several rules)."""
    if after is not None:
        prev = text[i - 1] if i > 0 else ""
        if not any(
            (e == "start" and not prev.isalnum())
            or (e in _CLASS_SETS and prev != "" and prev in _CLASS_SETS[e])
            or (e not in _CLASS_SETS and e != "start" and text.endswith(e, 0, i))
            for e in after
        ):
            return False
    if before is not None:
        nxt = text[j] if j < len(text) else ""
        if not any(
            (e == "end" and not nxt.isalnum())
            or (e in _CLASS_SETS and nxt != "" and nxt in _CLASS_SETS[e])
            or (e not in _CLASS_SETS and e != "end" and text.startswith(e, j))
            for e in before
        ):
            return False
    return True


_CLASS_SETS = {"vowel": frozenset(_VOWEL_SYMBOLS + _VOWEL_LOWER), "consonant": frozenset(_CONS_SYMBOLS + _CONS_LOWER)}


@mypyc_attr(allow_interpreted_subclasses=True)  # picklable when compiled
@dataclass(frozen=True)
class Pass:
    """One compiled pass: an alternation of all its rules, longest match first.

    :meth:`apply` runs the alternation as written. :meth:`run` gives the same result faster: the
    rules that rewrite one letter whatever its neighbours are applied with ``str.translate``, the
    others with a regex whose alternatives start with their literal text (so that the regex engine
    skips the alternatives that cannot match at a position at once)."""

    regex: re.Pattern[str]
    rules: dict[str, tuple[tuple[_Ctx, _Ctx, str], ...]]
    _letters: dict[int, str] = field(init=False, repr=False, compare=False)
    _rest: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    _rest_first: frozenset[str] = field(init=False, repr=False, compare=False)
    _unique: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        rules = self.rules
        letters = {
            src: cands[0][2]
            for src, cands in rules.items()
            if len(src) == 1 and len(cands) == 1 and cands[0][0] is None and cands[0][1] is None
        }
        rest = {src: cands for src, cands in rules.items() if src not in letters}
        # translating after the regex is right only if no regex output holds a translated letter
        if set(letters) & {ch for cands in rest.values() for _a, _b, out in cands for ch in out}:
            letters, rest = {}, dict(rules)
        object.__setattr__(self, "_letters", str.maketrans(letters))
        object.__setattr__(self, "_rest", _literal_first_re(rest) if rest else None)
        object.__setattr__(self, "_rest_first", frozenset(src[0] for src in rest))
        object.__setattr__(self, "_unique", {src: cands[0][2] for src, cands in rest.items() if len(cands) == 1})

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return by_constructor(self)  # the compiled parts are made again

    def apply(self, text: str) -> str:
        """The pass as its alternation reads (the reference for :meth:`run`)."""
        rules = self.rules

        def repl(m: re.Match[str]) -> str:
            cands = rules[m.group()]
            if len(cands) == 1:
                return cands[0][2]
            for after, before, out in cands:
                if _ctx_fits(text, m.start(), m.end(), after, before):
                    return out
            return m.group()  # pragma: no cover - the regex matched one of them

        return self.regex.sub(repl, text)

    def run(self, text: str) -> str:
        """The same as :meth:`apply`, faster."""
        if self._rest is not None and not self._rest_first.isdisjoint(text):
            text = self._rest.sub(self._replace, text)
        return text.translate(self._letters) if self._letters else text

    def _replace(self, m: re.Match[str]) -> str:
        src = m.group()
        out = self._unique.get(src)
        if out is not None:
            return out
        for after, before, out in self.rules[src]:
            if _ctx_fits(m.string, m.start(), m.end(), after, before):
                return out
        return src  # pragma: no cover - the regex matched one of them


def _literal_first_re(rules: Mapping[str, Sequence[tuple[_Ctx, _Ctx, str]]]) -> re.Pattern[str]:
    """The alternation of ``rules`` (longest match first, a text's rules in their order), each
    alternative written literal first: a context before it becomes a look-behind over the context
    and the literal together. Alternatives are grouped by their first letter, which keeps the
    order in which they are tried wherever two of them could match at one position."""
    alts = sorted(((src, after, before) for src, cands in rules.items() for after, before, _ in cands),
                  key=lambda a: -len(a[0]))  # fmt: skip
    groups: dict[str, list[str]] = {}
    for src, after, before in alts:
        lit = re.escape(src)
        behind = ""
        if after is not None:
            parts: list[str] = []
            for e in after:
                if e == "start":
                    parts.append(f"(?<![{_WORD_CHARS}]{lit})")
                elif e == "end":
                    parts.append("(?!)")
                elif e in _CLASS_RE:
                    parts.append(f"(?<={_CLASS_RE[e]}{lit})")
                else:
                    parts.append(f"(?<={re.escape(e)}{lit})")
            behind = "(?:" + "|".join(parts) + ")" if parts else ""
        ahead = _context_re(before, False) if before is not None else ""
        groups.setdefault(src[0], []).append(re.escape(src[1:]) + behind + ahead)
    return re.compile("|".join(re.escape(c) + "(?:" + "|".join(g) + ")" for c, g in groups.items()))


def _context_re(entries: Sequence[str], behind: bool) -> str:
    alts: list[str] = []
    for e in entries:
        if e == "start":
            alts.append(f"(?<![{_WORD_CHARS}])" if behind else "(?!)")
        elif e == "end":
            alts.append(f"(?![{_WORD_CHARS}])" if not behind else "(?!)")
        elif e in _CLASS_RE:
            alts.append(f"(?<={_CLASS_RE[e]})" if behind else f"(?={_CLASS_RE[e]})")
        else:
            alts.append(f"(?<={re.escape(e)})" if behind else f"(?={re.escape(e)})")
    return "(?:" + "|".join(alts) + ")" if alts else ""


_Step = tuple[
    "re.Pattern[str] | None",
    frozenset[str],
    Callable[["re.Match[str]"], str],
    "dict[int, str] | None",
    tuple[tuple[str, str], ...],
]


def _one_for_one(table: dict[int, str]) -> tuple[dict[int, str] | None, tuple[tuple[str, str], ...]]:
    """A pass's translation of letters as the part that writes one character for one, and the
    letters written with more (x as KS), each to be replaced in the text before the translation:
    ``str.translate`` of ASCII text reads a character at a time from the first letter of more
    (17 µs against 0.6 µs over the 820 characters of spellings keyed together). The same text,
    where no character those letters are written with is one the table translates; else the table
    whole, and no letter apart."""
    longer = tuple((chr(c), v) for c, v in table.items() if isinstance(v, str) and len(v) > 1)
    if not longer or any(ord(ch) in table for _, out in longer for ch in out):
        return table or None, ()
    rest = {c: v for c, v in table.items() if not (isinstance(v, str) and len(v) > 1)}
    return rest or None, longer


# The scripts whose letters a key reads: Latin and Cyrillic (the tables), Greek, Armenian and
# Georgian (standard romanizations, as unidecode and the transliterate package's packs write them),
# with the IPA and modifier letters and the combining marks that appear in romanized names.
_COVERED = (
    (0x00C0, 0x036F), (0x0370, 0x03FF), (0x0400, 0x052F), (0x0530, 0x058F), (0x10A0, 0x10FF),
    (0x1C80, 0x1CBF), (0x1D00, 0x1DBF), (0x1E00, 0x1FFF), (0x2C60, 0x2C7F), (0x2D00, 0x2D2F),
    (0x2DE0, 0x2DFF), (0xA640, 0xA69F), (0xA720, 0xA7FF), (0xAB30, 0xAB6F),
)  # fmt: skip
LITERAL_KEY_MARK = "~"
"""A word in a script no table covers (Hangul, Arabic, Hebrew, Devanagari, Chinese …) is its own
key, marked so: ``~`` and the word in lower case. Folded to Latin it would become a short string
that meets acronyms and name words by chance; as it is, it meets only a name written in that
script."""


_NOT_CONSONANTS = frozenset("aeiouyаеёиоуыэюяіїєўŭǔwjйьъ'")
# where a pair marked soft holds: before a soft vowel, a soft sign or (written without one in Latin)
# a consonant that is no second letter of a digraph (h: ch, zh), or at the end of a word: Шапецька /
# Шапетько, Shapetska / Shapetko
# before a soft vowel or sign, a consonant or the word's end; j only before a vowel (ja, jo: tsj of
# the Norwegian press is ч, not ць)
_SOFT_AFTER = r"(?=[еёіиюяьeiy'ʹ’]|j[aeiouаеиоу]|[^\W\daeiouyаеёиоуыэюяіїєўŭhj]|$)"


def _consonant(ch: str) -> bool:
    """A consonant letter (not a vowel, not one of the semivowels ў, w, j, й, not a sign)."""
    return ch.isalpha() and unicodedata.normalize("NFD", ch)[0] not in _NOT_CONSONANTS


def _vowels_apart(a: str, b: str, gaps: bool = False) -> bool:
    """Whether ``a`` and ``b`` differ in vowels and semivowels only (with ``gaps``, also by a
    consonant one of them lacks)."""
    for op in Levenshtein.editops(a, b):
        if op.tag == "replace":
            if _consonant(a[op.src_pos]) or _consonant(b[op.dest_pos]):
                return False
        elif not gaps and _consonant(a[op.src_pos] if op.tag == "delete" else b[op.dest_pos]):
            return False
    return True


def uncovered_script(text: str) -> bool:
    """Whether ``text`` holds a letter of a script the key does not read (see ``_COVERED``)."""
    for c in text:
        o = ord(c)
        if o < 0xC0 or not c.isalpha():
            continue
        if not any(lo <= o <= hi for lo, hi in _COVERED):
            return True
    return False


def _word_start_re(letters: Mapping[str, str]) -> re.Pattern[str] | None:
    """The pattern of the letters of ``letters`` at the start of a word (None for none)."""
    if not letters:
        return None
    return re.compile("(?<![^\\W\\d_])[" + "".join(re.escape(c) for c in sorted(letters)) + "]")


_KEY_SAVED = ("_cyr", "_chars", "_letters", "_passes", "surname_variants", "near", "near_soft", "_word_start")
"""What a saved index keeps of a :class:`PhoneticKey` (its memo and compiled steps are made again)."""


@mypyc_attr(allow_interpreted_subclasses=True)  # picklable when compiled
class PhoneticKey:
    """A compiled phonetic key. Call it on a word (or a name) to get its key."""

    def __init__(self, cyrillic: Mapping[str, str], chars: Mapping[str, str], passes: Sequence[Pass]) -> None:
        self._cyr = str.maketrans(dict(cyrillic))
        self._chars = str.maketrans(dict(chars))
        # the two tables in one: translate(cyr) then translate(chars), in one step
        both = {c: v.translate(self._chars) for c, v in cyrillic.items()}
        both.update({c: v for c, v in chars.items() if c not in cyrillic})
        self._letters = str.maketrans(both)
        self._passes = tuple(passes)
        self._cache: dict[str, str] = {}
        self.surname_variants: tuple[Pass, ...] = ()
        # pairs of letters one spelling of a surname may have for the other (`near`)
        self.near: frozenset[tuple[str, str]] = frozenset()
        self.near_soft: frozenset[tuple[str, str]] = frozenset()  # those only before a soft letter
        self._steps = self._compile_steps()
        self._ascii_marks = _ascii_keys(self._letters)
        self._joinable_memo: bool | None = None
        self._variants_apart_memo: tuple[tuple[Pass, ...], bool] | None = None  # see variants_of_all
        # the ``near`` pairs in the order they are folded, with the set they were sorted from
        self._near_order_memo: tuple[frozenset[tuple[str, str]], list[tuple[str, str]]] | None = None
        # the letters read otherwise at the start of a word (`word_start`: the Belarusian ў of ва
        # Ўкраіне is у), before the letter tables
        self._word_start: dict[str, str] = {}
        self._word_start_re: re.Pattern[str] | None = None

    def set_word_start(self, letters: Mapping[str, str]) -> None:
        """The letters (lower case) read as others at the start of a word (``word_start`` of the
        phonetic table)."""
        self._word_start = dict(letters)
        self._word_start_re = _word_start_re(self._word_start)
        self._cache = {}

    def _translated(self, text: str) -> str:
        """``text.translate(self._letters)``; a text of ASCII characters the table leaves alone (its
        ASCII entries are a few marks) as it is, told without the per-character lookups of a
        translation (a tenth of the time of a mention's keys)."""
        if text.isascii() and not any(c in text for c in self._ascii_marks):
            return text
        starts = self._word_start_re
        if starts is not None and any(c in text for c in self._word_start):
            text = starts.sub(self._word_start_letter, text)
        return text.translate(self._letters)

    def _word_start_letter(self, m: re.Match[str]) -> str:
        return self._word_start[m.group()]

    def _compile_steps(self) -> tuple[_Step, ...]:
        return tuple((p._rest, p._rest_first, p._replace, *_one_for_one(p._letters)) for p in self._passes)

    @property
    def _joinable(self) -> bool:
        """Whether words can be keyed joined by spaces (:meth:`many`): no letter table writes a
        space or maps one, and no rule matches one or has one in its context."""
        if self._joinable_memo is None:
            self._joinable_memo = _spaces_apart([self._letters], self._passes)
        return self._joinable_memo

    def __getstate__(self) -> dict[str, object]:
        # the memo is not saved: a saved index stays small and loads fast
        return saved_state(self, _KEY_SAVED)

    def __setstate__(self, state: dict[str, Any]) -> None:
        restore_state(self, state, _KEY_SAVED)
        self._word_start_re = _word_start_re(self._word_start)
        self._cache = {}
        self._steps = self._compile_steps()
        self._ascii_marks = _ascii_keys(self._letters)
        self._joinable_memo = None
        self._variants_apart_memo = None
        self._near_order_memo = None

    def __call__(self, word: str) -> str:
        """The key of one word (no spaces): a string of upper-case symbols, '' for no letters."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        s = self._translated(word.lower())
        if not s.isascii():
            if uncovered_script(s):
                return LITERAL_KEY_MARK + word.lower()
            s = unidecode(s).lower()
        for rest, first, replace, letters, longer in self._steps:  # Pass.run, inline
            if rest is not None and not first.isdisjoint(s):
                s = rest.sub(replace, s)
            for letter, written in longer:
                s = s.replace(letter, written)
            if letters is not None:
                s = s.translate(letters)
        if not _symbols_only(s):
            s = _DROP_RE.sub("", s)
        s = _DOUBLE_RE.sub(_FIRST_OF_RUN, s)
        if len(self._cache) < 200_000 and len(word) <= 64:
            self._cache[word] = s
        return s

    def many(self, words: Sequence[str], known: Mapping[str, str] | None = None) -> list[str]:
        """``[self(w) for w in words]``, with the words not in the memo keyed together: joined by a
        space, which no rule matches or looks at as a letter, they go through the passes once.

        ``known`` holds keys already made by this key for some words (the index keeps the key of
        every spelling it scans text for); they are taken as they are."""
        cache = self._cache
        get = cache.get
        out: list[str | None] = []
        todo: list[int] = []
        for i, w in enumerate(words):  # one loop: most words are in the memo or known
            k = get(w)
            if k is None and known:
                k = known.get(w)
            if k is None:
                todo.append(i)
            out.append(k)
        if not todo:
            return out  # type: ignore[return-value]
        if len(todo) == 1 or not self._joinable:
            for i in todo:
                out[i] = self(words[i])
            return out  # type: ignore[return-value]
        batch = [words[i] for i in todo]
        # each word translated alone: a text of other letters than ASCII is translated a character
        # at a time, the ASCII words of a batch with it too (in a build a surname's spellings in
        # Latin letters are keyed with its Cyrillic forms: 10 µs for 156 characters)
        translated = [self._translated(w.lower()) for w in batch]
        if not all(t.isascii() for t in translated) or any(" " in w for w in batch):
            # a word that unidecode reads (or a space) is keyed alone, the others still together
            alone = [i for i, t in zip(todo, translated, strict=True) if " " in words[i] or not t.isascii()]
            if len(alone) < len(todo):
                together = set(todo).difference(alone)
                keyed = iter(self.many([words[i] for i in todo if i in together]))
                for i in todo:
                    out[i] = next(keyed) if i in together else self(words[i])
                return out  # type: ignore[return-value]
            return [k if k is not None else self(w) for k, w in zip(out, words, strict=True)]
        s = " ".join(translated)
        for rest, first, replace, letters, longer in self._steps:
            if rest is not None and not first.isdisjoint(s):
                s = rest.sub(replace, s)
            for letter, written in longer:
                s = s.replace(letter, written)
            if letters is not None:
                s = s.translate(letters)
        # the last steps of each key (see __call__), over the words at once: the runs of a symbol
        # end at the spaces between them
        if not _symbols_only(s.replace(" ", "")):
            s = _DROP_BUT_SPACES_RE.sub("", s)
        s = _SYMBOL_RUN_RE.sub(_FIRST_OF_RUN, s)
        pieces = s.split(" ")
        if len(pieces) != len(batch):  # pragma: no cover - no rule writes or removes a space
            return [k if k is not None else self(w) for k, w in zip(out, words, strict=True)]
        for i, w, k in zip(todo, batch, pieces, strict=True):
            if len(cache) < 200_000 and len(w) <= 64:
                cache[w] = k
            out[i] = k
        return [k if k is not None else "" for k in out]

    def reference(self, word: str) -> str:
        """The key computed step by step as the table reads, without the memo (for checking the
        fast path of :meth:`__call__`)."""
        low = word.lower()
        starts = self._word_start
        s = (
            "".join(starts.get(c, c) if i == 0 or not low[i - 1].isalpha() else c for i, c in enumerate(low))
            .translate(self._cyr)
            .translate(self._chars)
        )
        if not s.isascii():
            if uncovered_script(s):
                return LITERAL_KEY_MARK + word.lower()
            s = unidecode(s).lower()
        for p in self._passes:
            s = p.apply(s)
        return _DOUBLE_RE.sub(r"\1", _DROP_RE.sub("", s))

    def variants(self, key: str) -> set[str]:
        """Other keys a surname of this key may have (``surname_variants`` of the table): each
        pass applies to the key and to what the passes before it made."""
        out = {key}
        for p in self.surname_variants:
            out |= {self.collapse(p.run(k)) for k in out}
        return out

    def variants_of_all(self, keys: Iterable[str]) -> set[str]:
        """``set().union(*(self.variants(k) for k in keys))``, for keys this key made (none writes
        a symbol twice in a row), the same set made in the same order (a saved index writes it so):
        each pass runs once over every key of the set and what the passes before it made, the keys
        joined by spaces, and each key's variants are then made from what it gave."""
        keys = list(keys)
        passes = self.surname_variants
        memo = self._variants_apart_memo
        if memo is None or memo[0] is not passes:  # (the tables set the passes after the key is made)
            memo = self._variants_apart_memo = (passes, _spaces_apart([], passes))
        if not memo[1]:
            return set().union(*(self.variants(k) for k in keys))
        gave: list[dict[str, str]] = []  # of each pass, what it makes of each key of the set
        level = set(keys)
        for p in passes:
            made = self._through(p, list(level))
            gave.append(made)
            level.update(made.values())
        out: set[str] = set()
        for k in keys:
            mine = {k}
            for made in gave:
                mine |= {made[x] for x in mine}
            out |= mine
        return out

    def _through(self, p: Pass, keys: list[str]) -> dict[str, str]:
        """``self.collapse(p.run(k))`` of each key (for a pass of :func:`_spaces_apart`, keys this
        key made): the keys of symbols joined by spaces through the pass at once, and only those it
        changes written with no symbol twice, the others being so already."""
        out = {k: self.collapse(p.run(k)) for k in keys if not _symbols_only(k)}  # (a script no table reads)
        plain = [k for k in keys if _symbols_only(k)]
        joined = " ".join(plain)
        ran = p.run(joined)
        if ran == joined:
            out.update((k, k) for k in plain)
            return out
        pieces = ran.split(" ")
        if len(pieces) != len(plain):  # pragma: no cover - no rule writes or removes a space
            return {k: self.collapse(p.run(k)) for k in keys}
        out.update((k, x if x == k else self.collapse(x)) for k, x in zip(plain, pieces, strict=True))
        return out

    @property
    def _near_order(self) -> list[tuple[str, str]]:
        """The ``near`` pairs, those written with two letters first (sorted once for each set of
        pairs: the tables set them after the key is made)."""
        memo = self._near_order_memo
        if memo is None or memo[0] is not self.near:
            memo = self._near_order_memo = (self.near, sorted(self.near, key=lambda p: (-len(p[1]), p)))
        return memo[1]

    def near_spelling(self, a: str, b: str, gaps: bool = False) -> bool:
        """Whether ``a`` may be a misspelling of ``b`` (two words in the same alphabet, lower
        case): as written, or with the pairs of ``near`` written alike in either or both (ц as т, дз
        as д, ts as t, kh as h, where the pair holds), they differ in vowels and semivowels (ў, w,
        j, й) only. A consonant for another, or one more or less, makes another surname (Лукашенко
        / Лукашевко, Калеснікава / Кавеснікава, Цепкало / Цепхало); with ``gaps`` a consonant may
        be missing from one of them (a given name or a patronymic written with a slip: Nikoayevna)."""
        a, b = self._near_folded(a, False), self._near_folded(b, False)
        return any(
            _vowels_apart(x, y, gaps) for x in {a, self._near_folded(a, True)} for y in {b, self._near_folded(b, True)}
        )

    def _near_folded(self, word: str, soft: bool) -> str:
        """``word`` with the second of each ``near`` pair written as the first (two letters first):
        the pairs that hold anywhere, or (``soft``) those that hold before a soft letter."""
        for x, y in self._near_order:
            if ((x, y) in self.near_soft) != soft or y not in word:
                continue
            if soft:
                word = re.sub(re.escape(y) + _SOFT_AFTER, x, word)
            elif _consonant(x) != _consonant(y) and len(x) == len(y) == 1:
                if word.endswith(y):  # a consonant for a vowel: at the end of a word only
                    word = word[:-1] + x
            else:
                word = word.replace(y, x)
        return word

    @staticmethod
    def collapse(symbols: str) -> str:
        """Write doubled symbols once (as the last step of every key does)."""
        return _DOUBLE_RE.sub(_FIRST_OF_RUN, symbols)

    def words(self, text: str) -> list[str]:
        """Keys of the words of ``text`` (split on anything that is not a letter, digit or apostrophe)."""
        return [k for k in (self(w) for w in _SPLIT_RE.split(text)) if k]


_SPLIT_RE = re.compile(f"[^\\w'’{COMBINING_MARKS}]+")


def pass_regex(rules: Mapping[str, Sequence[tuple[_Ctx, _Ctx, str]]]) -> re.Pattern[str]:
    """The alternation of a pass's rules (its ``regex``), made from the rules alone: each match
    text escaped, with its contexts as look-arounds; the longest match first, a text's rules in
    their order."""
    alts = [
        (_context_re(after, True) if after is not None else "")
        + re.escape(src)
        + (_context_re(before, False) if before is not None else "")
        for src, cands in sorted(rules.items(), key=lambda item: -len(item[0]))
        for after, before, _out in cands
    ]
    return re.compile("|".join("(?:" + a + ")" for a in alts))


MAX_RULES = 2000
"""Rules a phonetic table may hold in all (the bundled one has under a hundred): each is an
alternative of a regular expression every key runs through, and the table's pairs are checked
with all of them."""


def compile_passes(reader: TableReader, passes_node: object, line: int) -> list[Pass]:
    passes: list[Pass] = []
    seq = reader.sequence(passes_node, line, "`passes`")
    rules_in_all = sum(len(p) for p in seq or () if isinstance(p, list))
    if rules_in_all > MAX_RULES:
        reader.problem(line, f"{rules_in_all} rules: a phonetic table holds at most {MAX_RULES}")
        return passes
    for k, p in enumerate(seq or ()):
        pline = seq.lines[k] if seq is not None else line
        rules = reader.sequence(p, pline, "a pass")
        alts: list[tuple[int, int, str, _Ctx, _Ctx]] = []
        for j, r in enumerate(rules or ()):
            rline = rules.lines[j] if rules is not None else pline
            m = reader.mapping(r, rline, "a rule")
            if m is None:
                continue
            reader.keys(m, {"match", "output", "after", "before", "note"}, {"match", "output"}, "a rule")
            match, output = m.get("match"), m.get("output")
            if not isinstance(match, str) or not match or not isinstance(output, str):
                reader.problem(rline, "a rule needs text `match` and `output`")
                continue
            if not re.fullmatch(r"[A-Z0-9]*", output):
                reader.problem(rline, f"`output` must be upper-case symbols A-Z, not {output!r}")
                continue
            ctx: dict[str, _Ctx] = {"after": None, "before": None}
            for key, behind in (("after", True), ("before", False)):
                if key not in m:
                    continue
                entries = reader.texts(m[key], m.lines[key], f"`{key}`")
                for e in entries:
                    bad = (e == "start" and not behind) or (e == "end" and behind)
                    if bad or not (e in ("start", "end") or e in _CLASS_RE or e.isalnum()):
                        reader.problem(m.lines[key], f"unknown context {e!r} in `{key}`")
                ctx[key] = tuple(entries)
            alts.append((len(match), j, output, ctx["after"], ctx["before"]))
        alts.sort(key=lambda a: (-a[0], a[1]))
        if alts:
            table: dict[str, list[tuple[_Ctx, _Ctx, str]]] = {}
            for _len, j, output, after, before in alts:
                src = rules[j]["match"] if rules is not None else ""
                table.setdefault(src, []).append((after, before, output))
            rules_of = {k: tuple(v) for k, v in table.items()}
            passes.append(Pass(pass_regex(rules_of), rules_of))
    return passes


def parse_phonetic(reader: TableReader, doc: object) -> PhoneticKey | None:
    top = reader.mapping(doc, getattr(doc, "line", 1), "the phonetic file")
    if top is None:
        return None
    reader.keys(
        top,
        {"source", "cyrillic", "word_start", "chars", "passes", "surname_variants", "near", "same", "distinct"},
        {"cyrillic", "chars", "passes"},
        "the phonetic file",
    )
    maps: dict[str, dict[str, str]] = {}
    for name in ("cyrillic", "word_start", "chars"):
        mm = reader.mapping(top.get(name), reader.line_of(top, name), f"`{name}`") if name in top else None
        out: dict[str, str] = {}
        for ch, val in (mm or LDict()).items():
            if len(ch) != 1 or not isinstance(val, str):
                reader.problem(
                    mm.lines[ch] if mm is not None else 1,
                    f"`{name}` maps one character to text; {ch!r} is not one character",
                )
                continue
            out[ch] = val
        maps[name] = out
    passes = compile_passes(reader, top.get("passes"), reader.line_of(top, "passes")) if "passes" in top else []
    key = PhoneticKey(maps["cyrillic"], maps["chars"], passes)
    if "word_start" in top:
        key.set_word_start(maps["word_start"])
    if "surname_variants" in top:
        key.surname_variants = tuple(
            compile_passes(reader, top["surname_variants"], reader.line_of(top, "surname_variants"))
        )
    if "near" in top:
        seq = reader.sequence(top["near"], top.lines["near"], "`near`")
        near: set[tuple[str, str]] = set()
        for k, pair in enumerate(seq or ()):
            line = seq.lines[k] if seq is not None else 1
            soft = isinstance(pair, list) and len(pair) == 3 and pair[2] == "soft"
            if soft:
                pair = pair[:2]
            if not (
                isinstance(pair, list)
                and len(pair) == 2
                and all(isinstance(x, str) and 1 <= len(x) <= 2 and x.isalpha() for x in pair)
                and len(pair[0]) + len(pair[1]) <= 3
            ):
                reader.problem(
                    line, "each entry must be a pair of two letters, or of a letter and two letters (t, ts), and soft"
                )
                continue
            pair = [x.lower() for x in pair]
            near.add((pair[0], pair[1]))
            if soft:
                key.near_soft = key.near_soft | {(pair[0], pair[1])}
        key.near = frozenset(near)
    for name, want_same in (("same", True), ("distinct", False)):
        if name not in top:
            continue
        seq = reader.sequence(top[name], top.lines[name], f"`{name}`")
        for k, pair in enumerate(seq or ()):
            line = seq.lines[k] if seq is not None else 1
            if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, str) for x in pair)):
                reader.problem(line, "each entry must be a pair [name, name]")
                continue
            a, b = key(pair[0]), key(pair[1])
            if (a == b) != want_same:
                rel = "differs from" if want_same else "equals"
                reader.problem(line, f"key of {pair[0]!r} ({a}) {rel} key of {pair[1]!r} ({b})")
    return key
