"""Transliteration schemes: loading them from table files and applying them to text.

A scheme is a YAML file in ``tables/schemes/`` (format in ``tables/README.md``): a base letter map,
context rules, grammatical endings and samples. Loading compiles it into a lookup by first letter;
applying walks each Cyrillic word once, taking at each position the longest entry whose context
fits, and then adds the ending (if any) that the end of the word calls for.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mypy_extensions import mypyc_attr

from .errors import TableError, TableProblem
from .pickling import by_constructor, restore_state, saved_state
from .tablefile import LDict, LList, TableReader
from .text import APOSTROPHE, is_cyrillic

VOWELS = frozenset("аеёиіоуыэюя")
SIGNS = frozenset("ьъ" + APOSTROPHE)
RU_ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
BE_ALPHABET = "абвгдеёжзійклмнопрстуўфхцчшыьэюя" + APOSTROPHE
ALL_LETTERS = frozenset(RU_ALPHABET + BE_ALPHABET)
LANGUAGES = ("ru", "be")
CLASSES = frozenset({"vowel", "consonant", "sign"})
MAX_WORD_VARIANTS = 64

_SCHEME_KEYS = {"id", "name", "language", "source", "description", "names", "letters", "rules", "endings", "samples"}
NAME_KINDS = ("person", "organization", "place")
_RULE_KEYS = {"match", "output", "after", "before", "not_after", "not_before", "note"}
_ENDING_KEYS = {"after", "not_after", "add", "note"}
_ID_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


def _is_cyr_letter(ch: str) -> bool:
    return ch == APOSTROPHE or (is_cyrillic(ch) and ch.isalpha())


def char_class(ch: str) -> str:
    """``vowel``, ``sign`` or ``consonant`` for a lower-case Cyrillic letter."""
    if ch in VOWELS:
        return "vowel"
    if ch in SIGNS:
        return "sign"
    return "consonant"


Context = tuple[str, ...]


def _fits_after(word: str, i: int, entries: Context) -> bool:
    for e in entries:
        if e == "start":
            if i == 0:
                return True
        elif e in CLASSES:
            if i > 0 and _is_cyr_letter(word[i - 1]) and char_class(word[i - 1]) == e:
                return True
        elif i >= len(e) and word.startswith(e, i - len(e)):
            return True
    return False


def _fits_before(word: str, j: int, entries: Context) -> bool:
    for e in entries:
        if e == "end":
            if j == len(word):
                return True
        elif e in CLASSES:
            if j < len(word) and _is_cyr_letter(word[j]) and char_class(word[j]) == e:
                return True
        elif word.startswith(e, j):
            return True
    return False


@mypyc_attr(allow_interpreted_subclasses=True)  # picklable when compiled
@dataclass(frozen=True)
class Entry:
    """One compiled line of a scheme: a letter-map entry or a context rule."""

    match: str
    outputs: tuple[str, ...]
    line: int
    after: Context | None = None
    before: Context | None = None
    not_after: Context | None = None
    not_before: Context | None = None
    is_rule: bool = False

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return by_constructor(self)

    def fits(self, word: str, i: int) -> bool:
        j = i + len(self.match)
        if self.after is not None and not _fits_after(word, i, self.after):
            return False
        if self.not_after is not None and _fits_after(word, i, self.not_after):
            return False
        if self.before is not None and not _fits_before(word, j, self.before):
            return False
        return not (self.not_before is not None and _fits_before(word, j, self.not_before))


@mypyc_attr(allow_interpreted_subclasses=True)  # picklable when compiled
@dataclass(frozen=True)
class Ending:
    """A grammatical ending a language adds to a word that ends so (Lithuanian Путин → Putinas).

    ``after`` and ``not_after`` are read against the end of the lower-case Cyrillic word, in the
    entries of a rule's context; ``adds`` are the alternatives written after the word's
    transliteration (the first is the scheme's output; ``""`` leaves the word as it is)."""

    after: Context
    adds: tuple[str, ...]
    line: int
    not_after: Context | None = None

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return by_constructor(self)

    def fits(self, low: str) -> bool:
        n = len(low)
        if not _fits_after(low, n, self.after):
            return False
        return not (self.not_after is not None and _fits_after(low, n, self.not_after))


def takes_ending(low: str) -> bool:
    """Whether a lower-case Cyrillic word can take an ending: two letters or more and a vowel
    among them. A single letter is an initial (В. Путин), and a word without a vowel letter an
    acronym (КГБ, МТЗ), which no language declines like a name."""
    return len(low) > 1 and any(c in VOWELS for c in low)


_SCHEME_SAVED = ("id", "name", "language", "source", "path", "description", "samples", "names", "_table", "_endings")
"""What a pickled :class:`Scheme` keeps (its compiled form is made again on first use)."""


@mypyc_attr(allow_interpreted_subclasses=True)  # picklable when compiled
@dataclass
class Scheme:
    """A loaded, checked romanization (or respelling) scheme."""

    id: str
    name: str
    language: str
    source: str
    path: str = ""
    description: str = ""
    samples: list[tuple[str, str, int]] = field(default_factory=list)
    # the names the index spells with it: a press convention writes persons' names so, while the
    # press names places and organisations by their usual or translated names
    names: frozenset[str] = frozenset(NAME_KINDS)
    _table: dict[str, list[Entry]] = field(default_factory=dict, repr=False)
    _endings: tuple[Ending, ...] = field(default=(), repr=False)
    _fast: _Fast | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._fast = None  # (set here too: a compiled class leaves a field that is not an argument unset)

    @property
    def family(self) -> str:
        """The scheme id without its language prefix (``ru-icao`` → ``icao``)."""
        return self.id.split("-", 1)[1] if "-" in self.id else self.id

    # --- application ---------------------------------------------------------------------------

    def _segments(self, word: str) -> Iterator[tuple[str, tuple[str, ...]]]:
        """Split a Cyrillic word into (source segment, outputs) pairs."""
        low = word.lower()
        n = len(low)
        i = 0
        table = self._table
        while i < n:
            for e in table.get(low[i], ()):
                m = e.match
                if len(m) > 1 and not low.startswith(m, i):
                    continue
                if e.fits(low, i):
                    yield word[i : i + len(m)], e.outputs
                    i += len(m)
                    break
            else:
                yield word[i], (word[i],)
                i += 1

    def _compiled(self) -> _Fast:
        """The table compiled for :meth:`_parts` (built on first use, not pickled)."""
        got = self._fast
        if got is None:
            got = self._fast = _Fast(self._table)
        return got

    def __getstate__(self) -> dict[str, object]:
        return saved_state(self, _SCHEME_SAVED)

    def __setstate__(self, state: dict[str, Any]) -> None:
        restore_state(self, state, _SCHEME_SAVED)
        self._fast = None

    def ending_of(self, low: str) -> tuple[str, ...] | None:
        """The alternatives of the ending a lower-case Cyrillic word takes, or None: the first
        entry of ``endings`` whose context fits the end of the word (see :func:`takes_ending`)."""
        if not self._endings or not takes_ending(low):
            return None
        for e in self._endings:
            if e.fits(low):
                return e.adds
        return None

    def _parts(self, w: Word) -> tuple[list[tuple[str, ...]], bool] | None:
        """The outputs of each segment of the word, recased as the segment is written (a run of
        plain letters as one piece), and whether any segment has more than one output; None for a
        word :meth:`_segments` has to walk itself (one whose lower case has another length, or
        with a character the compiled form does not recase).

        The same walk as :meth:`_segments`, with what does not depend on the word made once per
        scheme (:class:`_Fast`) and what does not depend on the scheme once per word
        (:class:`Word`): a run of plain letters goes through ``str.translate`` whole, and each
        other letter tries its entries in the table's order."""
        word, low, lows = w.text, w.low, w.lows
        n = len(lows)
        if n != len(word):
            return None
        fast = self._compiled()
        if not w.chars <= fast.known and any(c.lower() in fast.table for c in w.chars - fast.known):
            return None
        caps = w.caps
        letters = fast.caps_letters if caps else fast.letters
        plain = fast.plain
        rules = fast.rules
        parts: list[tuple[str, ...]] = []
        several = False
        run = 0  # where the current run of plain letters starts
        i = 0
        while i < n:
            ch = lows[i]
            if ch in plain:
                i += 1
                continue
            if run < i:
                parts.append((word[run:i].translate(letters),))
            got = rules.get(ch)
            taken = False
            if got is not None:
                for r in got:
                    m = r.match
                    if len(m) > 1 and not low.startswith(m, i):
                        continue
                    if r.fits(lows, low, i):
                        outs = r.outputs
                        if len(outs) > 1:
                            several = True
                            parts.append(r.upper if caps else r.title if word[i].isupper() else outs)
                        elif word[i : i + len(m)] == outs[0]:
                            parts.append(outs)
                        else:
                            parts.append(r.upper if caps else r.title if word[i].isupper() else outs)
                        i += len(m)
                        taken = True
                        break
            if not taken:  # a letter none of whose entries fits here, or of no entry
                parts.append((word[i],))
                i += 1
            run = i
        if run < n:
            parts.append((word[run:].translate(letters),))
        return parts, several

    def word_variants(self, word: str, limit: int = MAX_WORD_VARIANTS) -> list[str]:
        """All outputs for one Cyrillic word (the scheme's main output first)."""
        return self.variants_of(Word(word), limit)

    def variants_of(self, w: Word, limit: int) -> list[str]:
        """:meth:`word_variants` of a :class:`Word` (what does not depend on the scheme made once,
        for one word spelled by many schemes)."""
        caps = w.caps
        fast = self._parts(w)
        if fast is not None:
            parts, several = fast
        else:
            parts = []
            several = False
            for seg, outs in self._segments(w.text):
                if len(outs) > 1:
                    several = True
                if seg == outs[0] and len(outs) == 1:
                    parts.append(outs)
                else:
                    parts.append(tuple(_recase(seg, o, caps) for o in outs))
        if self._endings:
            adds = self.ending_of(w.low)
            if adds is not None:
                parts.append(tuple(a.upper() for a in adds) if caps else adds)
                several = several or len(adds) > 1
        if not several:
            return ["".join([p[0] for p in parts])]
        result: list[str] = []
        seen: set[str] = set()
        for combo in itertools.product(*parts):
            s = "".join(combo)
            if s not in seen:
                seen.add(s)
                result.append(s)
                if len(result) >= limit:
                    break
        return result

    def word(self, word: str) -> str:
        """The scheme's main output for one Cyrillic word."""
        w = Word(word)
        fast = self._parts(w)
        if fast is not None:
            out = "".join([p[0] for p in fast[0]])
        else:
            out = "".join(
                outs[0] if seg == outs[0] else _recase(seg, outs[0], w.caps) for seg, outs in self._segments(word)
            )
        adds = self.ending_of(w.low) if self._endings else None
        if adds is not None:
            out += adds[0].upper() if w.caps else adds[0]
        return out

    def apply(self, text: str) -> str:
        """Transliterate the Cyrillic words of ``text``; everything else is kept."""
        return "".join(self.word(tok) if cyr else tok for tok, cyr in split_words(text))

    def apply_all(self, text: str, limit: int = MAX_WORD_VARIANTS) -> list[str]:
        """Every output ``text`` can take under this scheme's alternatives (main output first)."""
        pieces = [self.word_variants(tok, limit) if cyr else [tok] for tok, cyr in split_words(text)]
        out: list[str] = []
        for combo in itertools.product(*pieces):
            out.append("".join(combo))
            if len(out) >= limit:
                break
        return out


class Word:
    """A word to spell by many schemes, with what does not depend on the scheme: its lower case,
    the characters of that one by one, the set of its characters and whether it is written in
    capitals (see :func:`is_caps`)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.low = text.lower()
        self.lows = tuple(self.low)
        self.chars = frozenset(text)
        self.caps = is_caps(text)


_CLASS_CHARS = {
    cls: frozenset(
        ch
        for ch in [chr(c) for c in range(0x400, 0x530)] + [APOSTROPHE]
        if _is_cyr_letter(ch) and char_class(ch) == cls
    )
    for cls in sorted(CLASSES)
}
"""The characters each class of a context stands for (see :func:`_fits_after`)."""


class _Context:
    """A context of a rule (``after``, ``before``, ``not_after``, ``not_before``) read as
    :func:`_fits_after` and :func:`_fits_before` read it, made once: whether the word's start (or
    end) fits, the characters that fit one by one (of the classes and the one-letter entries),
    and the longer entries."""

    def __init__(self, entries: Context, edge: str) -> None:
        self.edge = edge in entries
        chars: set[str] = set()
        longer: list[str] = []
        for e in entries:
            if e == edge:
                continue
            if e in CLASSES:
                chars |= _CLASS_CHARS[e]
            elif len(e) == 1:
                chars.add(e)
            elif e not in ("start", "end"):
                longer.append(e)
        self.chars = frozenset(chars)
        self.longer = tuple(longer)

    def after(self, lows: tuple[str, ...], low: str, i: int) -> bool:
        """Whether the context fits before position ``i`` (:func:`_fits_after`)."""
        if i == 0:
            if self.edge:
                return True
        elif lows[i - 1] in self.chars:
            return True
        return any(i >= len(e) and low.startswith(e, i - len(e)) for e in self.longer)

    def before(self, lows: tuple[str, ...], low: str, j: int) -> bool:
        """Whether the context fits from position ``j`` on (:func:`_fits_before`)."""
        if j == len(lows):
            if self.edge:
                return True
        elif lows[j] in self.chars:
            return True
        return any(low.startswith(e, j) for e in self.longer)


class _Rule:
    """An entry of a letter that is not plain, compiled: its contexts as :class:`_Context`, and its
    outputs recased once, in title case (the segment starts with a capital) and in capitals (the
    word is written so)."""

    def __init__(self, entry: Entry) -> None:
        self.match = entry.match
        self.outputs = entry.outputs
        self.title = tuple(o[:1].upper() + o[1:] for o in entry.outputs)
        self.upper = tuple(o.upper() for o in entry.outputs)
        self.after = None if entry.after is None else _Context(entry.after, "start")
        self.not_after = None if entry.not_after is None else _Context(entry.not_after, "start")
        self.before = None if entry.before is None else _Context(entry.before, "end")
        self.not_before = None if entry.not_before is None else _Context(entry.not_before, "end")

    def fits(self, lows: tuple[str, ...], low: str, i: int) -> bool:
        """:meth:`Entry.fits` of the word whose lower case is ``low`` (``lows`` its characters)."""
        j = i + len(self.match)
        if self.after is not None and not self.after.after(lows, low, i):
            return False
        if self.not_after is not None and self.not_after.after(lows, low, i):
            return False
        if self.before is not None and not self.before.before(lows, low, j):
            return False
        return not (self.not_before is not None and self.not_before.before(lows, low, j))


class _Fast:
    """A scheme's table compiled for whole words: the letters with one context-free one-letter
    entry (the plain letters) go through ``str.translate`` (a run of them at once); every other
    letter keeps its entries, in the table's order, each with its recased outputs."""

    def __init__(self, table: dict[str, list[Entry]]) -> None:
        self.table = table
        plain: dict[str, str] = {}
        for ch, entries in table.items():
            e = entries[0]
            no_context = e.after is None and e.before is None and e.not_after is None and e.not_before is None
            if len(entries) == 1 and len(e.match) == 1 and len(e.outputs) == 1 and no_context:
                plain[ch] = e.outputs[0]
        letters: dict[str, str] = {}
        caps_letters: dict[str, str] = {}
        for ch, out in plain.items():
            up = ch.upper()
            letters[ch] = out
            caps_letters[ch] = ch if out == ch else out.upper()
            if len(up) == 1 and up.lower() == ch and up != ch:
                letters[up] = up if out == up else out[:1].upper() + out[1:] if up.isupper() else out
                caps_letters[up] = up if out == up else out.upper()
        self.plain: frozenset[str] = frozenset(plain)
        self.letters: dict[int, str] = str.maketrans(letters)
        self.caps_letters: dict[int, str] = str.maketrans(caps_letters)
        # the characters a word may hold for this compiled form (others must have no entry)
        other = [ch for ch in table if ch not in plain]
        self.known: frozenset[str] = (
            frozenset(letters)
            | frozenset(other)
            | frozenset(u for u in (c.upper() for c in other) if len(u) == 1 and u.lower() in other)
        )
        self.rules: dict[str, tuple[_Rule, ...]] = {ch: tuple(_Rule(e) for e in table[ch]) for ch in other}


def is_caps(word: str) -> bool:
    """Whether a word is written in capitals (more than one letter, all of them upper case)."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _recase(seg: str, out: str, caps: bool) -> str:
    if not out:
        return out
    if caps:
        return out.upper()
    if seg[:1].isupper():
        return out[:1].upper() + out[1:]
    return out


def split_words(text: str) -> Iterator[tuple[str, bool]]:
    """Yield (piece, is_cyrillic_word) for ``text``; apostrophes between Cyrillic letters are kept
    inside the word."""
    n = len(text)
    i = 0
    while i < n:
        if is_cyrillic(text[i]):
            j = i + 1
            while j < n and (
                is_cyrillic(text[j]) or (text[j] == APOSTROPHE and j + 1 < n and is_cyrillic(text[j + 1]))
            ):
                j += 1
            yield text[i:j], True
            i = j
        else:
            j = i + 1
            while j < n and not is_cyrillic(text[j]):
                j += 1
            yield text[i:j], False
            i = j


# --- loading -------------------------------------------------------------------------------------


def _context(reader: TableReader, rule: LDict, key: str) -> Context | None:
    if key not in rule:
        return None
    line = rule.lines[key]
    entries = reader.texts(rule[key], line, f"`{key}`")
    out: list[str] = []
    for e in entries:
        e = e.strip()
        if e in CLASSES or (e == "start" and "after" in key) or (e == "end" and "before" in key):
            out.append(e)
        elif e in ("start", "end"):
            reader.problem(line, f"`{e}` cannot stand in `{key}`")
        elif e and all(_is_cyr_letter(c) for c in e.lower()):
            out.append(e.lower())
        else:
            reader.problem(
                line, f"unknown context {e!r} in `{key}` (use start, end, vowel, consonant, sign or letters)"
            )
    return tuple(out)


def _match_text(reader: TableReader, value: str, line: int) -> str | None:
    m = value.strip().lower()
    if not m or not all(_is_cyr_letter(c) for c in m):
        reader.problem(line, f"{value!r} is not a Cyrillic letter or letter sequence")
        return None
    return m


def _endings(reader: TableReader, top: LDict) -> tuple[Ending, ...]:
    """The ``endings`` section: each entry an ``after`` context (of the word's end) and the text it
    ``add``s, checked with file and line."""
    seq = reader.sequence(top["endings"], top.lines["endings"], "`endings`")
    out: list[Ending] = []
    for k, item in enumerate(seq or ()):
        line = seq.lines[k] if seq is not None else 1
        m = reader.mapping(item, line, "an ending")
        if m is None:
            continue
        reader.keys(m, _ENDING_KEYS, {"after", "add"}, "an ending")
        after = _context(reader, m, "after")
        not_after = _context(reader, m, "not_after")
        for key, ctx in (("after", after), ("not_after", not_after)):
            if ctx is not None and "start" in ctx:
                reader.problem(
                    m.lines[key], f"`start` cannot stand in an ending's `{key}`: it is read at the word's end"
                )
        adds = reader.texts(m["add"], m.lines["add"], "`add`") if "add" in m else []
        bad = [a for a in adds if a and not a.isalpha()]
        for a in bad:
            reader.problem(m.lines["add"], f"an ending is added as letters, not {a!r}")
        if after and adds and not bad and "start" not in after and "start" not in (not_after or ()):
            out.append(Ending(after, tuple(adds), line, not_after))
    return tuple(out)


def parse_scheme(reader: TableReader, doc: object, *, complete: bool = True) -> Scheme | None:
    """Build a scheme from a parsed table document, reporting problems to ``reader``."""
    top = reader.mapping(doc, getattr(doc, "line", 1), "a scheme file")
    if top is None:
        return None
    reader.keys(
        top, _SCHEME_KEYS, {"id", "language", "letters"} | ({"source", "samples"} if complete else set()), "a scheme"
    )
    sid = reader.text(top.get("id"), reader.line_of(top, "id"), "`id`") if "id" in top else None
    if sid is not None and not _ID_RE.match(sid):
        reader.problem(top.lines["id"], f"scheme id {sid!r} must be lower-case letters, digits and hyphens")
    lang = top.get("language")
    if "language" in top and lang not in LANGUAGES:
        reader.problem(top.lines["language"], f"`language` must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    if complete and sid and isinstance(lang, str) and lang in LANGUAGES and not sid.startswith(lang + "-"):
        reader.problem(top.lines["id"], f"scheme id {sid!r} must start with its language: {lang}-")
    entries: list[Entry] = []
    letters = top.get("letters")
    if "letters" in top:
        lm = reader.mapping(letters, top.lines["letters"], "`letters`")
        if lm is not None:
            for key, value in lm.items():
                line = lm.lines[key]
                m = _match_text(reader, key, line)
                outs = reader.texts(value, line, f"the output of {key!r}")
                if m is not None and outs:
                    entries.append(Entry(m, tuple(outs), line))
            if complete:
                have = {e.match for e in entries}
                missing = sorted(ALL_LETTERS - have)
                if missing:
                    reader.problem(lm.line, "`letters` does not cover: " + " ".join(missing))
    rules = top.get("rules")
    if "rules" in top:
        rl = reader.sequence(rules, top.lines["rules"], "`rules`")
        for k, rule in enumerate(rl or ()):
            rline = rl.lines[k] if rl is not None else 1
            r = reader.mapping(rule, rline, "a rule")
            if r is None:
                continue
            reader.keys(r, _RULE_KEYS, {"match", "output"}, "a rule")
            m = _match_text(reader, r["match"], r.lines["match"]) if isinstance(r.get("match"), str) else None
            outs = reader.texts(r["output"], r.lines["output"], "`output`") if "output" in r else []
            ctx = {k2: _context(reader, r, k2) for k2 in ("after", "before", "not_after", "not_before")}
            if m is not None and outs:
                entries.append(Entry(m, tuple(outs), rline, is_rule=True, **ctx))
    endings = _endings(reader, top) if "endings" in top else ()
    kinds = frozenset(NAME_KINDS)
    if "names" in top:
        listed = reader.texts(top["names"], top.lines["names"], "`names`")
        bad = [k for k in listed if k not in NAME_KINDS]
        if bad or not listed:
            reader.problem(top.lines["names"], f"`names` lists kinds of names of {', '.join(NAME_KINDS)}, not {bad}")
        else:
            kinds = frozenset(listed)
    table: dict[str, list[Entry]] = {}
    for e in entries:
        table.setdefault(e.match[0], []).append(e)
    for lst in table.values():
        lst.sort(key=lambda e: (-len(e.match), not e.is_rule, e.line))
    scheme = Scheme(
        id=sid or "",
        name=str(top.get("name") or sid or ""),
        language=lang if isinstance(lang, str) else "",
        source=str(top.get("source") or ""),
        path=reader.display,
        description=str(top.get("description") or ""),
        names=kinds,
        _table=table,
        _endings=endings,
    )
    samples = top.get("samples")
    if "samples" in top:
        sl = reader.sequence(samples, top.lines["samples"], "`samples`")
        for k, pair in enumerate(sl or ()):
            line = sl.lines[k] if sl is not None else 1
            if not (isinstance(pair, LList) and len(pair) == 2 and all(isinstance(x, str) for x in pair)):
                reader.problem(line, "a sample must be a pair [source, expected]")
                continue
            src, expected = pair[0], pair[1]
            scheme.samples.append((src, expected, line))
            got = scheme.apply(src)
            if got != expected:
                reader.problem(line, f"sample {src!r} gives {got!r}, expected {expected!r}")
    return scheme


def load_scheme_file(path: Path | str, display: str | None = None, *, complete: bool = True) -> Scheme:
    """Load and check one scheme file; raise :class:`TableError` listing every problem."""
    reader = TableReader(path, display)
    doc = reader.read()
    scheme = parse_scheme(reader, doc, complete=complete) if not reader.problems or doc is not None else None
    reader.raise_if_problems()
    assert scheme is not None
    return scheme


class SchemeSet:
    """The loaded schemes, by id, with lookups by family and language."""

    def __init__(self, schemes: Iterable[Scheme]) -> None:
        self._by_id: dict[str, Scheme] = {}
        for s in schemes:
            self._by_id[s.id] = s

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return SchemeSet, (list(self._by_id.values()),)  # (a compiled class pickles through its constructor)

    @classmethod
    def load(cls, folder: Path | str, root: Path | str | None = None) -> SchemeSet:
        """Load every ``*.yaml`` in ``folder``; problems of all files are raised together."""
        folder = Path(folder)
        problems: list[TableProblem] = []
        schemes: list[Scheme] = []
        seen: dict[str, str] = {}
        for path in sorted(folder.glob("*.yaml")):
            display = str(path.relative_to(root)) if root is not None else str(path)
            try:
                s = load_scheme_file(path, display)
            except TableError as exc:
                problems.extend(exc.problems)
                continue
            if s.id in seen:
                problems.append(TableProblem(display, 1, f"scheme id {s.id!r} is already used by {seen[s.id]}"))
                continue
            seen[s.id] = display
            schemes.append(s)
        if problems:
            raise TableError(problems)
        return cls(schemes)

    def __contains__(self, sid: object) -> bool:
        return sid in self._by_id

    def __getitem__(self, sid: str) -> Scheme:
        return self._by_id[sid]

    def __iter__(self) -> Iterator[Scheme]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def ids(self) -> list[str]:
        return list(self._by_id)

    def for_language(self, language: str) -> list[Scheme]:
        return [s for s in self._by_id.values() if s.language == language]

    def family(self, family: str) -> dict[str, Scheme]:
        """The schemes of one family by language (``icao`` → ``{"ru": ru-icao, "be": be-icao}``)."""
        return {s.language: s for s in self._by_id.values() if s.family == family}
