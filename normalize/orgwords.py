"""Words of organisation and place names across English, Russian and Belarusian.

Compiled from ``tables/org_vocabulary.yaml``. An organisation is named in translation as often
as in transliteration (Minsk Wheel Tractor Plant / Минский завод колёсных тягачей), with its
words inflected (завода, Козлова), as an adjective of its town (Оршанский / Orsha), with compound
words whose parts differ between the languages (Белнефтехим / Белнафтахім) and as acronyms in any
of the three languages (MZKT / МЗКТ / МЗКЦ). Each word of such a name is turned into *tokens*,
all of them on the phonetic key:

- the key with every compound part replaced by its group's mark (нефть, нафта, neft → one mark);
- the stems left when a listed ending is taken off (завода → завод, Оршанский → Орш-);
- the concept mark of a word of the vocabulary (plant = завод; digital = цифровой = лічбавы).

Two words match when their token sets meet. Acronyms are made from the first letters of the
words, each word taken in each language of the vocabulary.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from mypy_extensions import mypyc_attr

from .tablefile import LDict, TableReader
from .text import detect_language, normalize_text

LANGS = ("en", "ru", "be")
MIN_STEM = 3
MIN_ACRONYM = 3
MAX_ACRONYM_WORDS = 8
_KEY_RE = re.compile(r"^[A-Z0-9]+$")
_ENGLISH_RULES = (
    (re.compile(r"ck"), "k"),
    (re.compile(r"ch"), "kh"),
    (re.compile(r"c(?=[eiy])"), "s"),
    (re.compile(r"c"), "k"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"th"), "t"),
    (re.compile(r"qu"), "kv"),
    (re.compile(r"(?<=[^aeiouy])e$"), ""),
)


def english_reading(word: str) -> str:
    """An English word spelled as it sounds, in the letters transliterations use
    (electrotechnical → elektrotekhnikal, service → servis, tobacco → tobakko), so that its key
    meets the key of the Russian or Belarusian word it renders. Other words come back as given."""
    if not word.isascii() or not word.isalpha():
        return word
    low = word.lower()
    for rx, rep in _ENGLISH_RULES:
        low = rx.sub(rep, low)
    return low


@mypyc_attr(allow_interpreted_subclasses=True)  # picklable when compiled
@dataclass
class OrgVocabulary:
    """The compiled organisation vocabulary: endings, compound parts, concepts, function words."""

    endings: tuple[str, ...] = ()
    part_marks: dict[str, str] = field(default_factory=dict)
    part_regex: re.Pattern[str] | None = None
    concept_of: dict[str, frozenset[str]] = field(default_factory=dict)
    initials: dict[str, dict[str, str]] = field(default_factory=dict)
    function_words: frozenset[str] = frozenset()
    honorifics: tuple[str, ...] = ()
    conjunctions: frozenset[str] = frozenset()
    _ending_memo: tuple[tuple[int, frozenset[str]], ...] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._ending_memo = None

    def fold(self, key: str) -> str:
        """``key`` with every compound part replaced by its group's mark."""
        if self.part_regex is None or not key:
            return key
        marks = self.part_marks
        return self.part_regex.sub(lambda m: marks[m.group()], key)

    def stems(self, key: str) -> list[str]:
        """``key`` and what is left of it after each listed ending that fits."""
        out = [key]
        for n, ends in self._ending_sets:
            if len(key) - n >= MIN_STEM and key[-n:] in ends:
                out.append(key[:-n])
        return out

    @property
    def _ending_sets(self) -> tuple[tuple[int, frozenset[str]], ...]:
        """The endings by length, longest first (made on first use)."""
        if self._ending_memo is None:
            by_len: dict[int, set[str]] = {}
            for e in self.endings:
                by_len.setdefault(len(e), set()).add(e)
            self._ending_memo = tuple((n, frozenset(v)) for n, v in sorted(by_len.items(), reverse=True))
        return self._ending_memo

    def tokens(self, key: str) -> frozenset[str]:
        """Every token of one word's key: the folded key, its stems, and its concept mark."""
        if not key:
            return frozenset()
        folded = self.fold(key)
        out = set(self.stems(folded))
        return frozenset(out.union(*(self.concept_of.get(s, ()) for s in list(out))))

    def concepts(self, key: str) -> list[str]:
        """The concept marks of a word's key (none when the word is not in the vocabulary)."""
        for s in self.stems(self.fold(key)):
            c = self.concept_of.get(s)
            if c:
                return sorted(c)
        return []

    def merge_phrases(self, words: list[str], key: Callable[[str], str]) -> list[str]:
        """Join runs of two or three words that the vocabulary holds as one (aircraft repair)."""
        if not self.concept_of or len(words) < 2:
            return words
        out: list[str] = []
        i = 0
        while i < len(words):
            for n in (3, 2):
                if i + n <= len(words):
                    joined = "".join(words[i : i + n])
                    if self.concepts(key(joined)):
                        out.append(" ".join(words[i : i + n]))
                        i += n
                        break
            else:
                out.append(words[i])
                i += 1
        return out

    def acronyms(self, words: Sequence[str], key: Callable[[str], str], latin_head_last: bool) -> list[list[str]]:
        """Acronym readings of a name's words: each reading is a list of words in which the first
        two or more words are replaced by their acronym (one per language of the vocabulary).

        ``latin_head_last``: the name is English, where the head noun comes last (Digital
        Television Institute); in Russian and Belarusian it comes first (Институт цифрового
        телевидения), so the English order is also read with its last word first."""
        content = [w for w in words if w.casefold().strip(".") not in self.function_words]
        if len(content) < 2 or len(content) > MAX_ACRONYM_WORDS:
            return []
        letters: list[dict[str, str]] = []
        for w in content:
            own = w[:1].upper()
            per = dict.fromkeys(LANGS, own)
            # a word keeps its own letter in its own language; the others take the vocabulary's
            mine = ("en",) if w.isascii() else (detect_language(w),)
            for c in self.concepts(key(w.replace(" ", ""))):
                for lang, initials in self.initials.get(c, {}).items():
                    if lang not in mine and per[lang] == own:
                        per[lang] = initials
            letters.append(per)
        out: list[list[str]] = []
        for n in range(len(content), 1, -1):
            orders = [list(range(n))]
            if latin_head_last and n >= 3:
                orders.append([n - 1, *range(n - 1)])
            for order in orders:
                for lang in LANGS:
                    acro = "".join(letters[i][lang] for i in order)
                    if len(acro) < MIN_ACRONYM or not acro.isalpha():
                        continue
                    reading = [acro, *content[n:]]
                    if reading not in out:
                        out.append(reading)
        return out


def part_regex(part_marks: Mapping[str, str]) -> re.Pattern[str] | None:
    """The regex that finds the compound parts (keys) of ``part_marks`` in a key, the longest
    first; None when there are none."""
    if not part_marks:
        return None
    return re.compile("|".join(re.escape(a) for a in sorted(part_marks, key=len, reverse=True)))


def parse_org_vocabulary(reader: TableReader, doc: object, key: Callable[[str], str]) -> OrgVocabulary:
    """Read ``org_vocabulary.yaml``; ``key`` is the phonetic key the tokens are made on."""
    voc = OrgVocabulary()
    top = reader.mapping(doc, getattr(doc, "line", 1), "the organisation vocabulary file")
    if top is None:
        return voc
    reader.keys(
        top,
        {"source", "endings", "compound_parts", "words", "function_words", "honorifics", "conjunctions"},
        set(),
        "the vocabulary file",
    )

    def keyed(text: str, line: int, what: str) -> str | None:
        k = key(normalize_text(text).strip())
        if not k or not _KEY_RE.match(k):
            reader.problem(line, f"{what} {text!r} has no letters to key")
            return None
        return k

    if "function_words" in top:
        words = reader.texts(top["function_words"], top.lines["function_words"], "`function_words`")
        voc.function_words = frozenset(normalize_text(w).strip().casefold() for w in words if w.strip())
    if "honorifics" in top:
        words = reader.texts(top["honorifics"], top.lines["honorifics"], "`honorifics`")
        voc.honorifics = tuple(normalize_text(w).strip().casefold() + " " for w in words if w.strip())
    if "conjunctions" in top:
        words = reader.texts(top["conjunctions"], top.lines["conjunctions"], "`conjunctions`")
        voc.conjunctions = frozenset(normalize_text(w).strip().casefold() for w in words if w.strip())
    endings: set[str] = set()
    if "endings" in top:
        seq = reader.sequence(top["endings"], top.lines["endings"], "`endings`")
        for i, e in enumerate(seq or ()):
            line = seq.lines[i] if seq is not None else 1
            if not isinstance(e, str):
                reader.problem(line, "each ending must be text")
                continue
            k = keyed(e, line, "ending")
            if k:
                endings.add(k)
                if e.isascii():
                    endings.add(key(english_reading(e)) or k)
    voc.endings = tuple(sorted(endings, key=len, reverse=True))

    if "compound_parts" in top:
        seq = reader.sequence(top["compound_parts"], top.lines["compound_parts"], "`compound_parts`")
        owner: dict[str, int] = {}
        for i, group in enumerate(seq or ()):
            line = seq.lines[i] if seq is not None else 1
            forms = reader.texts(group, line, "a compound-part group")
            mark = f"p{i}"
            for f in forms:
                k = keyed(f, line, "compound part")
                if k is None:
                    continue
                if k in owner and owner[k] != line:
                    reader.problem(line, f"compound part {f!r} (key {k}) is also in the group on line {owner[k]}")
                    continue
                owner[k] = line
                voc.part_marks[k] = mark
        voc.part_regex = part_regex(voc.part_marks)

    if "words" in top:
        seq = reader.sequence(top["words"], top.lines["words"], "`words`")
        concept_of: dict[str, set[str]] = {}
        for i, item in enumerate(seq or ()):
            line = seq.lines[i] if seq is not None else 1
            m = reader.mapping(item, line, "a vocabulary entry")
            if m is None:
                continue
            _read_concept(reader, m, f"w{i}", voc, concept_of, keyed)
        voc.concept_of = {k: frozenset(v) for k, v in concept_of.items()}

    return voc


def _read_concept(
    reader: TableReader,
    m: LDict,
    mark: str,
    voc: OrgVocabulary,
    concept_of: dict[str, set[str]],
    keyed: Callable[[str, int, str], str | None],
) -> None:
    reader.keys(m, {*LANGS, "note"}, set(), "a vocabulary entry")
    initials: dict[str, str] = {}
    n_forms = 0
    for lang in LANGS:
        if lang not in m:
            continue
        forms = reader.texts(m[lang], m.lines[lang], f"`{lang}`")
        for j, f in enumerate(forms):
            f = normalize_text(f).strip()
            if not f:
                continue
            if j == 0:  # the letters it has in an acronym: научно-технический → НТ
                parts = [p for p in re.split(r"[ -]+", f) if p and p.casefold() not in voc.function_words]
                initials[lang] = "".join(p[:1] for p in parts).upper()
            # a form of several words keys as one word without its function words, as the words
            # of a name are joined (research and production → researchproduction)
            joined = "".join(p for p in re.split(r"[ -]+", f) if p.casefold() not in voc.function_words)
            if not joined:
                reader.problem(m.lines[lang], f"{f!r} is made of function words only")
                continue
            k = keyed(joined, m.lines[lang], "word")
            if k is None:
                continue
            n_forms += 1
            for kk in {k, keyed(english_reading(joined), m.lines[lang], "word") or k}:
                stem_keys = voc.stems(voc.fold(kk))
                for s in stem_keys[:1] + [s for s in stem_keys[1:] if len(s) > MIN_STEM]:
                    concept_of.setdefault(s, set()).add(mark)
    if n_forms < 2:
        reader.problem(m.line, "a vocabulary entry needs at least two forms (the same word in two languages)")
    voc.initials[mark] = initials
