"""The compiled index: every entity's name parts as phonetic keys, and the lookups over them.

Building walks each entity once: its native names are split into given name, patronymic and
surname; each part gets its other-language form (ru → be rules, given-name cognates), its case
forms (the entity's own gender only) and its spelling under every scheme; all of these become
phonetic keys. Lookups at query time are then dictionary hits on keys, with one-deletion
neighbours of the keys for spellings no rule foresaw.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from mypy_extensions import mypyc_attr

from .givennames import GivenNames
from .names import acronym_forms, acronym_key, person_roles_of, split_tokens
from .orgwords import english_reading
from .phonetic import PhoneticKey
from .pickling import by_constructor, restore_state, saved_state
from .schemes import Scheme, is_caps
from .tables import CognateSet, EntityRecord, InflectionRow, Tables, inflect, inflection_row
from .text import detect_language, script_of

_QUOTED_RE = re.compile(r"(?:^|(?<=[\s(/]))['‘«„“\"]([^'’»“”\"]{2,})['’»“”\"](?=$|[\s,.;:)/])")
_QUOTES_RE = re.compile(r"(?:^|(?<=\s))['‘’«»„“”\"]|['‘’«»„“”\"](?=\s|$)")
_PART_SPLIT_RE = re.compile(r"[-.]")
PATRONYMIC_SUFFIXES = ("INICNA", "ICNA", "AVIC", "EVIC", "AVNA", "EVNA", "IC")
MIN_FUZZY_KEY = 5
FEMALE_ENDINGS = ("SKA", "ZKA", "AVA", "EVA", "INA")
MALE_ENDINGS = ("SKI", "ZKI", "AV", "EV", "IN")


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block. For code that makes a great many objects and
    no reference cycles (an index being built or unpickled): each collection the allocations set
    off would otherwise walk every live object, the whole index among them."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


SHORT_FORM_WORDS = 3
"""Words that tell it apart (not function words, legal forms or generic words) an organisation's
name must keep before its first "and" for that part to be read as a short form of it."""

YOUNG_COLLECTION_EVERY = 50_000
"""Allocations between two collections of the youngest generation in a long rewrite run (700 by
default): the objects a mention makes die young, and a collection walks all that live."""


@contextmanager
def gc_relaxed(every: int = YOUNG_COLLECTION_EVERY) -> Iterator[None]:
    """Cyclic garbage collected less often inside the block: the youngest generation every
    ``every`` allocations, the older ones as before. For a loop over a corpus whose steps make and
    drop many small objects and few cycles: with 10,000 entities the collections took about 8% of
    the time of a rewrite run at the default rate, and half as much at this one. Process-wide, as
    the collector is: for a program's own main loop (the command line, a worker process), not for
    library calls."""
    old = gc.get_threshold()
    gc.set_threshold(max(every, old[0]), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def key_gender(key: str) -> str | None:
    """The gender a surname's key shows by its ending (-skaya/-ova → f, -sky/-ov → m), else None."""
    if key.endswith(FEMALE_ENDINGS):
        return "f"
    if key.endswith(MALE_ENDINGS):
        return "m"
    return None


# The keys of a patronymic's case forms end so, by the end of the nominative's key: -ич, -іч
# (Григорьевича, Григорьевичем, Рыгоравічам → …ICA, …ICAM) and -на (Григорьевны, Рыгораўнай →
# …NI, …NAI). The tests check them against the keys of the case forms the inflection table makes.
PATRONYMIC_CASE_KEYS = {"IC": ("ICA", "ICU", "ICAM", "ICI"), "NA": ("NI", "NE", "NU", "NAI", "NAU")}
_MALE_PATRONYMIC_ENDS = ("VIC", *("V" + e for e in PATRONYMIC_CASE_KEYS["IC"]))
_FEMALE_PATRONYMIC_ENDS = tuple(stem + e for stem in ("V", "IC") for e in ("NA", *PATRONYMIC_CASE_KEYS["NA"]))
_PATRONYMIC_TAILS = frozenset(e[-2:] for e in (*_MALE_PATRONYMIC_ENDS, *_FEMALE_PATRONYMIC_ENDS))


_PATRONYMIC_GENDERS: dict[str, str] = {}  # key -> "f", "m" or "" (no patronymic's), for the keys that pass the tails
PATRONYMIC_MEMO_SIZE = 100_000


def patronymic_gender(key: str) -> str | None:
    """The gender of a patronymic's key (…VNA, …ICNA and their case forms → f; …VIC → m), None for
    a key that is no patronymic's."""
    if len(key) < 6 or key[-2:] not in _PATRONYMIC_TAILS:  # most keys: one slice, one lookup
        return None
    got = _PATRONYMIC_GENDERS.get(key)
    if got is None:
        got = "f" if key.endswith(_FEMALE_PATRONYMIC_ENDS) else "m" if key.endswith(_MALE_PATRONYMIC_ENDS) else ""
        if len(_PATRONYMIC_GENDERS) >= PATRONYMIC_MEMO_SIZE:
            _PATRONYMIC_GENDERS.clear()
        _PATRONYMIC_GENDERS[key] = got
    return got or None


def patronymic_case_keys(key: str) -> list[str]:
    """The keys of the case forms of a patronymic whose nominative has ``key``."""
    for end, forms in PATRONYMIC_CASE_KEYS.items():
        if key.endswith(end):
            stem = key[: -len(end)]
            return [stem + f for f in forms]
    return []


# the endings of a Russian or Belarusian surname in the genitive (Калиновского, Каліноўскага,
# Козлова, Пушкина, Карповича): the case of a person an organisation is named after
_GENITIVE_SURNAME_ENDS = (
    *("ского", "цкого", "скага", "цкага", "ова", "ева", "ёва", "ава", "ина", "ына", "іна", "ича", "іча"),
)
SHORT_KEY = 4
"""Keys of up to this many symbols are weak evidence: many unrelated words share them (Rose and
Расія, Mass and МАЗ, Kari and Korj): a mention word of such a key names an entity only when it is
spelled as one of the spellings the index made (``EntityEntry.short_spellings``)."""


CYRILLIC_CAPITALS = "#Cyrl"
"""Marks the keys of a word a table writes in Cyrillic capitals (ЦИК, БАЖ, МАЗ): a Cyrillic word of
running text is that word only when written in capitals too, or as its case form (ЦИКа), never
when written as an ordinary word (Цікава, Боже)."""


def is_cyrillic_word(word: str) -> bool:
    """Whether ``word`` begins with a Cyrillic letter."""
    return bool(word) and "\u0400" <= word[0] <= "\u052f"


def _written_words(rec: EntityRecord) -> set[str]:
    """The words of an entity's names and aliases as the tables write them, and of its canonical
    form, lower case."""
    return {w.lower() for name in (*rec.names, *rec.aliases, rec.canonical) for w in split_tokens(name)}


def _latin_only(spellings: Mapping[str, str], written: set[str]) -> frozenset[str]:
    """The keys of ``spellings`` (spelling → key) that no Cyrillic spelling and no written word
    has: those of Latin spellings a scheme made, for an entity with a Cyrillic name."""
    cyrillic = {k for v, k in spellings.items() if v and "\u0400" <= v[0] <= "\u052f"}
    if not cyrillic:
        return frozenset()  # a name the tables give in Latin letters only: its keys are its own
    own = cyrillic | {k for v, k in spellings.items() if v.lower() in written}
    return frozenset(k for k in spellings.values() if k not in own)


def _short_spellings(spellings: Mapping[str, str]) -> frozenset[str]:
    return frozenset(v.lower() for v, k in spellings.items() if len(k) <= SHORT_KEY)


def deletions(key: str) -> set[str]:
    """Keys one symbol shorter (for lookups of near spellings)."""
    return {key[:i] + key[i + 1 :] for i in range(len(key))}


@mypyc_attr(allow_interpreted_subclasses=True)  # picklable when compiled
@dataclass
class EntityEntry:
    """One entity as the matcher sees it."""

    record: EntityRecord
    gender: str | None
    surname_keys: frozenset[str] = frozenset()
    given_keys: frozenset[str] = frozenset()
    given_initials: frozenset[str] = frozenset()
    # the case forms of the given names as written, lower case (Александром, Святланай)
    given_case_forms: frozenset[str] = frozenset()
    patronymic_keys: frozenset[str] = frozenset()
    patronymic_initials: frozenset[str] = frozenset()
    # the keys of the patronymics' case forms (Григорьевичем, Рыгораўнай)
    patronymic_case_keys: frozenset[str] = frozenset()
    # organisations and places: each name as a tuple of the key sets of its significant words
    phrases: tuple[tuple[frozenset[str], ...], ...] = ()
    # the same, each word's tokens: vocabulary concepts, stems, compound parts, acronym marks
    phrase_tokens: tuple[tuple[frozenset[str], ...], ...] = ()
    # indexes of the phrases made by acronym from other words (they rank below written names)
    derived_phrases: frozenset[int] = frozenset()
    # indexes of the phrases of a part in quotes that is no name of its own (Беларускі Народны Фронт
    # «Адраджэнне»: Адраджэнне, the Renaissance, names the front only in quotes)
    quoted_phrases: frozenset[int] = frozenset()
    # the spellings (lower case) of the words that anchor a mention in running text (surname
    # forms, name words), each with its key: the rewrite pass reads a scanned word's key here
    surfaces: Mapping[str, str] = field(default_factory=dict)
    # organisations and places: keys of every word of every name, generic words included
    word_keys: frozenset[str] = frozenset()
    # the spellings (lower case) of the name words whose key is short (see SHORT_KEY): a word of
    # such a key names the entity only when it is spelled so
    short_spellings: frozenset[str] = frozenset()
    # the keys that only Latin spellings the index made give, none of the names as the tables
    # write them (a French Jodzina for Жодзіна keys as Единая): no Cyrillic word is matched by one
    latin_only: frozenset[str] = frozenset()
    # organisations: the stems of the keys of the words of a person's name inside the
    # organisation's name (Фонд Ивана Петрова, Полк Каліноўскага, Kalinouski Regiment)
    person_stems: frozenset[str] = frozenset()

    @property
    def id(self) -> str:
        return self.record.id


_INDEX_SAVED = ("entries", "by_key")


@mypyc_attr(allow_interpreted_subclasses=True)  # picklable when compiled
@dataclass
class Index:
    """Keys → entities, plus the entities themselves.

    The one-deletion neighbourhood used for near spellings is built on the first lookup that needs
    it and is not saved with the index, so that a saved index loads fast."""

    entries: list[EntityEntry] = field(default_factory=list)
    by_key: dict[str, list[int]] = field(default_factory=dict)
    _by_deletion: dict[str, list[int]] | None = field(default=None, repr=False)

    def add_key(self, key: str, idx: int) -> None:
        lst = self.by_key.setdefault(key, [])
        if not lst or lst[-1] != idx:
            lst.append(idx)
        self._by_deletion = None

    @property
    def by_deletion(self) -> dict[str, list[int]]:
        if self._by_deletion is None:
            dels: dict[str, list[int]] = {}
            get = dels.get
            with gc_paused():
                for key, idxs in self.by_key.items():
                    if len(key) >= MIN_FUZZY_KEY:
                        for d in deletions(key):
                            lst = get(d)
                            if lst is None:
                                dels[d] = list(idxs)
                            else:
                                lst.extend(idxs)
            self._by_deletion = dels
        return self._by_deletion

    def __getstate__(self) -> dict[str, object]:
        return saved_state(self, _INDEX_SAVED)  # the deletion neighbourhood is made again

    def __setstate__(self, state: dict[str, Any]) -> None:
        restore_state(self, state, _INDEX_SAVED)
        self._by_deletion = None

    def candidates(self, key: str, fuzzy: bool = True) -> set[int]:
        """Entities with a name word of this key (and, with ``fuzzy``, one edit away)."""
        out = set(self.by_key.get(key, ()))
        if fuzzy and len(key) >= MIN_FUZZY_KEY - 1:
            by_del = self.by_deletion
            out.update(by_del.get(key, ()))
            for d in deletions(key):
                out.update(self.by_key.get(d, ()))
                out.update(by_del.get(d, ()))
        return out


SPELLINGS_MEMO_SIZE = 200_000  # words whose scheme spellings are remembered
_MAKER_SAVED = (
    "index_canonical", "_legal_phrases", "tables", "key", "_legal_key_runs", "_legal_keys", "_generic_keys",
    "schemes", "ru_be", "_cognate_keys", "_cognate_stems", "cognates", "_group_keys", "_group_initials",
    "_group_case_forms", "_group_forms",
)  # fmt: skip
"""What a saved index keeps of a :class:`VariantMaker` (its memos of the build and the given names,
made from the tables, are made again)."""


@mypyc_attr(allow_interpreted_subclasses=True)  # picklable when compiled
class VariantMaker:
    """Makes every spelling of a name part; shared by the index builder and ``explain``."""

    def __init__(self, tables: Tables, index_canonical: bool = True) -> None:
        self.index_canonical = index_canonical
        self._legal_phrases = sorted((f for f in tables.legal_forms if " " in f), key=len, reverse=True)
        if tables.phonetic is None:
            from .errors import TableError, TableProblem

            raise TableError([TableProblem(tables.root, 1, "phonetic.yaml is missing")])
        self.tables = tables
        self.key: PhoneticKey = tables.phonetic
        # legal forms and generic words on the phonetic key, so that every spelling of them is known
        # (Obshchestvo s ogranichennoy otvetstvennostyu = общество с ограниченной ответственностью)
        self._legal_key_runs: dict[str, list[tuple[str, ...]]] = {}
        legal_keys: set[str] = set()
        for form in tables.legal_forms:
            ks = tuple(k for k in (self.key(w) for w in split_tokens(form)) if k)
            if len(ks) > 1:
                self._legal_key_runs.setdefault(ks[0], []).append(ks)
            elif ks and len(ks[0]) > SHORT_KEY:
                # an abbreviation is matched as the table writes it, not by a short key that
                # other words share (Anna keys as АНО)
                legal_keys.add(ks[0])
        for runs in self._legal_key_runs.values():
            runs.sort(key=len, reverse=True)
        self._legal_keys = frozenset(legal_keys)
        self._generic_keys = frozenset(k for k in (self.key(w) for w in tables.generic_words if " " not in w) if k)
        self.schemes: dict[str, list[Scheme]] = {
            lang: [s for s in tables.schemes if s.language == lang] for lang in ("ru", "be")
        }
        self.ru_be = tables.ru_be
        self._cognate_keys: dict[str, list[int]] = {}
        self._cognate_stems: dict[str, list[int]] = {}
        self.cognates: list[CognateSet] = tables.cognates
        self.given_names = GivenNames(tables)
        self._group_keys: list[frozenset[str]] = []
        self._group_initials: list[frozenset[str]] = []
        self._group_case_forms: list[frozenset[str]] = []
        self._group_forms: list[frozenset[str]] = []  # each set's forms as written, lower case
        # per-entity parts that depend on the given names or patronymics alone (build time only)
        self._given_memo: dict[
            tuple[tuple[str, ...], str | None], tuple[frozenset[str], frozenset[str], frozenset[str]]
        ] = {}
        self._patronymic_memo: dict[tuple[str, ...], tuple[frozenset[str], frozenset[str], frozenset[str]]] = {}
        self._spellings_memo: dict[tuple[str, str | None, str], tuple[str, ...]] = {}
        self._word_rows_memo: dict[str, list[InflectionRow]] = {}
        self._nominatives_memo: dict[str, tuple[tuple[str, str], ...]] = {}
        for gi, c in enumerate(tables.cognates):
            keys: set[str] = set()
            initials: set[str] = set()
            for form in c.forms:
                for v in self.spellings(form):
                    k = self.key(v)
                    if k:
                        keys.add(k)
                        initials |= self.initials_of(v)
            for k in keys:
                self._cognate_keys.setdefault(k, []).append(gi)
            # the case forms, as written: running text declines given names (с Александром, пра
            # Святлану), and their keys would meet other names (Юлиана, of Юлиан, keys as Ульяна)
            self._group_case_forms.append(
                frozenset(self.case_forms(c.ru, "ru", c.gender) | self.case_forms(c.be, "be", c.gender))
            )
            for form in c.ru + c.be:
                k = self.key(form)
                stem = k[:-1] if k.endswith(("I", "E", "A")) and len(k) > 3 else k
                self._cognate_stems.setdefault(stem, []).append(gi)
                self._cognate_stems.setdefault(k, []).append(gi)
            self._group_keys.append(frozenset(keys))
            self._group_initials.append(frozenset(initials))
            self._group_forms.append(frozenset(f.lower() for f in c.forms))

    # --- spellings of one word -----------------------------------------------------------------

    def spellings(self, word: str, language: str | None = None, kind: str = "person") -> tuple[str, ...]:
        """The word itself and, for Cyrillic, its spelling under every scheme of its language that
        spells names of ``kind`` (person, organization, place: see ``names`` of a scheme)."""
        if script_of(word) != "Cyrl":
            return (word,)
        memo = self._spellings_memo
        got = memo.get((word, language, kind))
        if got is None:
            if len(memo) >= SPELLINGS_MEMO_SIZE:
                memo.clear()
            got = memo[(word, language, kind)] = self._spellings(word, language, kind)
        return got

    def _spellings(self, word: str, language: str | None, kind: str) -> tuple[str, ...]:
        lang = language or detect_language(word)
        langs = [lang] if lang else ["ru", "be"]
        out: dict[str, None] = {word: None}
        caps, low, chars = is_caps(word), word.lower(), frozenset(word)
        for la in langs:
            for s in self.schemes.get(la, ()):
                if kind in s.names:
                    for v in s.variants_of(word, 8, caps, low, chars):
                        out[v] = None
        return tuple(out)

    def keys_of(
        self,
        words: Iterable[str],
        language: str | None = None,
        surfaces: dict[str, str] | None = None,
        kind: str = "person",
    ) -> set[str]:
        """Keys of every spelling of ``words`` (names of ``kind``); the spellings and their keys
        are added to ``surfaces`` if given."""
        keys: set[str] = set()
        for w in words:
            spellings = self.spellings(w, language, kind)
            for v, k in zip(spellings, self.key.many(spellings), strict=True):
                if k:
                    keys.add(k)
                    if surfaces is not None:
                        surfaces[v] = k
        return keys

    def initials_of(self, spelling: str) -> set[str]:
        """The letter an initial of this spelling is written with, and that letter's key
        (``Юрий`` → Ю and U, so that ``Y.``, ``I.`` and ``Ю.`` find their key too)."""
        first = spelling[:1].upper()
        if not first.isalpha():
            return set()
        k = self.key(first)
        out = {first, "#" + k} if k else {first}
        parts = spelling.split("-")
        if len(parts) == 2 and parts[1][:1].isalpha():  # a compound given name: Jean-Claude, J.-C.
            second = parts[1][:1].upper()
            out.add(first + "-" + second)
            k2 = self.key(second)
            if k and k2:
                out.add(f"#{k}-#{k2}")
        return out

    def initial_matches(self, letter: str, pool: frozenset[str]) -> bool:
        """Whether an initial in a mention fits a set made by :meth:`initials_of`; ``J-C`` is the
        initials of a compound given name (J.-C.)."""
        up = letter.upper()
        if up in pool:
            return True
        if "-" in up:
            a, _, b = up.partition("-")
            ka, kb = self.key(a), self.key(b)
            return bool(ka and kb) and f"#{ka}-#{kb}" in pool
        k = self.key(up)
        return bool(k) and "#" + k in pool

    def to_belarusian(self, word: str) -> list[str]:
        """Likely Belarusian spellings of a Russian word (from ``ru_be.yaml``)."""
        if self.ru_be is None or script_of(word) != "Cyrl":
            return []
        return [v for v in self.ru_be.word_variants(word, 4) if v != word]

    # --- given names ---------------------------------------------------------------------------

    def given_groups(self, word: str, gender: str | None) -> list[int]:
        """The cognate sets a given name of the tables belongs to: those that list it as written
        (Елена is Елена's, though a spelling of Юлиана keys alike), else those of its key."""
        low = word.lower()
        groups = [g for g in self._cognate_keys.get(self.key(word), []) if low in self._group_forms[g]]
        if not groups:
            groups = self._cognate_keys.get(self.key(word), [])
        if gender is not None:
            groups = [g for g in groups if self.cognates[g].gender in (None, gender)] or groups
        return groups

    def nominatives(self, word: str) -> tuple[tuple[str, str], ...]:
        """The keys of the surnames ``word`` (Cyrillic) may be a case form of, by the surname rows
        of the inflection table, each with the row's gender ("m", "f" or "any"): Тихановской → the
        key of Тихановская, f. A table that holds a surname in Latin letters only meets its
        Russian and Belarusian case forms so."""
        got = self._nominatives_memo.get(word)
        if got is None:
            out: dict[tuple[str, str], None] = {}
            low = word.lower()
            if low and "\u0400" <= low[0] <= "\u052f":
                for rows in self.tables.inflection.values():
                    for row in rows:
                        if row.whole or not row.declines:
                            continue
                        for f in row.forms:
                            if len(low) > len(f) + 1 and low.endswith(f):
                                nominative = low[: len(low) - len(f)] + row.ending
                                g = None if row.gender == "any" else row.gender
                                if inflection_row(nominative, rows, g) is row and (k := self.key(nominative)):
                                    out[(k, row.gender)] = None
            got = tuple(out)
            if len(self._nominatives_memo) >= SPELLINGS_MEMO_SIZE:
                self._nominatives_memo.clear()
            self._nominatives_memo[word] = got
        return got

    def is_given_name(self, word: str) -> bool:
        """Whether ``word`` is a given name: of the given-names table or its case forms (see
        :class:`~normalize.givennames.GivenNames`), or of the cognates table in any spelling (by key)."""
        if self.given_names.is_given(word):
            return True
        k = self.key(word)
        return bool(k) and k in self._cognate_keys

    def patronymic_root_groups(self, word: str) -> list[int]:
        k = self.key(word)
        for suf in PATRONYMIC_SUFFIXES:
            if k.endswith(suf) and len(k) > len(suf) + 2:
                stem = k[: -len(suf)]
                hit = self._cognate_stems.get(stem) or self._cognate_keys.get(stem)
                if hit:
                    return hit
        return []

    def case_forms(self, names: Iterable[str], language: str | None, gender: str | None) -> set[str]:
        """The case forms of Cyrillic given names, lower case (with ё also as е), by the ``given``
        rows of the inflection table: in ``language`` or, when None, in the language each name's
        letters tell (both when they do not)."""
        rows = self.tables.given_inflection
        out: set[str] = set()
        for name in names:
            if script_of(name) != "Cyrl":
                continue
            lang = language or detect_language(name)
            for la in [lang] if lang else ["ru", "be"]:
                for form in inflect(name, rows.get(la, []), gender):
                    low = form.lower()
                    out.add(low)
                    out.add(low.replace("ё", "е"))
        return out

    def patronymic_keys(self, groups: Iterable[int]) -> set[str]:
        out: set[str] = set()
        for gi in groups:
            c = self.cognates[gi]
            for form in c.ru + c.be:
                k = self.key(form)
                stems = {k, k[:-1]} if k.endswith(("I", "E", "A")) else {k}
                for stem in stems:
                    for suf in ("AVIC", "EVIC", "AVNA", "EVNA", "IC", "ICNA"):
                        out.add(self.key.collapse(stem + suf))
        return out

    # --- a whole entity ------------------------------------------------------------------------

    def _surface_keys(self, forms: Mapping[str, str]) -> dict[str, str]:
        """Spellings for the text scanner: lower case (with ё also as е), of at least two letters,
        each with its key (the key of a word is the key of its lower case)."""
        out: dict[str, str] = {}
        same: dict[str, str] = {}  # one string for each key, shared by the spellings of the entity
        for f, k in forms.items():
            low = f.lower()
            if len(low) < 2 if low.isalnum() else sum(c.isalnum() for c in low) < 2:
                continue
            out[low] = same.setdefault(k, k)
            if "ё" in low:
                e = low.replace("ё", "е")
                out[e] = same.setdefault(ke := self.key(e), ke)
        return out

    def entity(self, rec: EntityRecord) -> EntityEntry:
        if rec.type == "person":
            return self._person(rec)
        return self._phrase_entity(rec)

    def _person(self, rec: EntityRecord) -> EntityEntry:
        gender = rec.gender
        surnames: list[tuple[str, str | None]] = []
        givens: list[str] = []
        patrs: list[str] = []
        for name in (*rec.names, *rec.aliases):
            g_part, p_part, s_part = person_roles_of(name)
            lang = detect_language(name) if script_of(name) == "Cyrl" else None
            if s_part:
                surnames.append((s_part, lang))
            givens.extend(g_part)
            patrs.extend(p_part)
        if gender is None:
            for s, _ in surnames:
                gender = key_gender(self.key(s))
                if gender:
                    break
        sur_keys: set[str] = set()
        surfaces: dict[str, str] = {}
        for s, lang in surnames:
            forms = [s]
            if script_of(s) == "Cyrl" and lang != "be":
                forms += self.to_belarusian(s)
            for f in forms:
                flang = detect_language(f) or lang
                sur_keys |= self.keys_of([f], flang, surfaces)
                for la in [flang] if flang else ["ru", "be"]:
                    rows = self.tables.inflection.get(la, [])
                    for infl in inflect(f, rows, gender):
                        k = self.key(infl)
                        if k:
                            sur_keys.add(k)
                            surfaces[infl] = k
        if self.key.surname_variants:
            sur_keys = set().union(*(self.key.variants(k) for k in sur_keys)) if sur_keys else sur_keys
        g_keys, g_init, g_cases = self._given_parts(tuple(givens), gender)
        p_keys, p_init, p_cases = self._patronymic_parts(tuple(patrs))
        return EntityEntry(
            record=rec,
            gender=gender,
            surname_keys=frozenset(sur_keys),
            given_keys=g_keys,
            given_initials=g_init,
            given_case_forms=g_cases,
            patronymic_keys=p_keys,
            patronymic_initials=p_init,
            patronymic_case_keys=p_cases,
            surfaces=self._surface_keys(surfaces),
            short_spellings=_short_spellings(surfaces),
            latin_only=_latin_only(surfaces, _written_words(rec)),
        )

    def _given_parts(
        self, givens: tuple[str, ...], gender: str | None
    ) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        """Keys, initials and case forms of given names (with their cognates); entities with the
        same given names and gender share the result."""
        got = self._given_memo.get((givens, gender))
        if got is not None:
            return got
        g_keys: set[str] = set()
        g_init: set[str] = set()
        g_cases: set[str] = set()
        groups: list[int] = []
        for g in givens:
            g_keys |= self.keys_of([g])
            g_cases |= self.case_forms([g], None, gender)
            for v in self.spellings(g):
                g_init |= self.initials_of(v)
            groups += self.given_groups(g, gender)
        for gi in groups:
            g_keys |= self._group_keys[gi]
            g_init |= self._group_initials[gi]
            g_cases |= self._group_case_forms[gi]
        got = self._given_memo[(givens, gender)] = (frozenset(g_keys), frozenset(g_init), frozenset(g_cases))
        return got

    def _patronymic_parts(self, patrs: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        """Keys and initials of patronymics (with the other forms of the father's name), and the
        keys of their case forms; shared like :meth:`_given_parts`."""
        got = self._patronymic_memo.get(patrs)
        if got is not None:
            return got
        p_keys: set[str] = set()
        p_init: set[str] = set()
        p_groups: list[int] = []
        for p in patrs:
            p_keys |= self.keys_of([p])
            for v in self.spellings(p):
                p_init |= self.initials_of(v)
            p_groups += self.patronymic_root_groups(p)
        if p_groups:
            p_keys |= self.patronymic_keys(p_groups)
            for gi in p_groups:
                p_init |= self._group_initials[gi]
        # kept apart: only the exact key of a case form counts, and near spellings are scored
        # against the nominatives alone
        p_cases = {c for k in p_keys for c in patronymic_case_keys(k)} - p_keys
        got = self._patronymic_memo[patrs] = (frozenset(p_keys), frozenset(p_init), frozenset(p_cases))
        return got

    def __getstate__(self) -> dict[str, object]:
        return saved_state(self, _MAKER_SAVED)  # the memos of the build are not saved

    def __setstate__(self, state: dict[str, Any]) -> None:
        restore_state(self, state, _MAKER_SAVED)
        self.given_names = GivenNames(self.tables)
        self._given_memo = {}
        self._patronymic_memo = {}
        self._spellings_memo = {}
        self._word_rows_memo = {}
        self._nominatives_memo = {}

    def strip_legal(self, name: str) -> str:
        """The name without multi-word legal forms (open joint-stock company, унитарное предприятие)."""
        low = name.casefold()
        for phrase in self._legal_phrases:
            if phrase in low:
                low = low.replace(phrase, " ")
        return low

    def content_words(self, name: str) -> list[str]:
        """The words of an organisation or place name without its legal form, lower case."""
        low = self.strip_legal(name)
        legal, function = self.tables.legal_forms, self.tables.vocabulary.function_words
        words = [w for w in split_tokens(low) if w.strip(".") not in legal]
        words = [w for w in words if w.strip(".") not in function]
        if not words:
            return words
        single = self._legal_keys
        keys = [self.key(w) for w in words]
        out: list[str] = []
        i = 0
        while i < len(words):
            run = self._legal_run_at(keys, i)
            if run:
                i += run
                continue
            if keys[i] not in single or len(words) == 1:
                out.append(words[i])
            i += 1
        return out

    def _legal_run_at(self, keys: list[str], i: int) -> int:
        """The number of words of a legal form of several words that starts at ``keys[i]`` (by key:
        Obshchestvo s ogranichennoy otvetstvennostyu), or 0."""
        for run in self._legal_key_runs.get(keys[i], ()):  # the longest first
            if tuple(keys[i : i + len(run)]) == run:
                return len(run)
        return 0

    def significant(self, words: list[str]) -> list[str]:
        """The words that tell an organisation apart: generic ones (завод, holding) dropped
        while others are left."""
        sig = [w for w in words if self._tells(w)]
        return sig or words

    def _tells(self, word: str) -> bool:
        """Whether a word of a name is not a generic one (завод, holding), by itself, its key or
        the stem of its key (завода, заводу: the word in its case forms)."""
        if word.strip(".") in self.tables.generic_words:
            return False
        k = self.key(word)
        return self._generic_keys.isdisjoint(self.tables.vocabulary.stems(k))

    def _names_more_than_a_kind(self, head: str) -> bool:
        """Whether the part of a name before its honorific says more than what kind of thing it is
        (Minsk Electrotechnical Plant named after …; not Полк імя …, a regiment)."""
        named_after = self.tables.named_after
        return any(w.casefold().strip(".") not in named_after for w in self.content_words(head))

    def _telling_words(self, name: str) -> int:
        """How many words of a name tell it apart: not legal forms, function words or generic words
        (Белорусский государственный концерн по нефти keeps one: нефти)."""
        return sum(1 for w in self.content_words(name) if self._tells(w))

    def significant_words(self, name: str) -> list[str]:
        """The words of an organisation or place name that tell it apart (legal forms dropped)."""
        return self.significant(self.content_words(name))

    def org_markers(self, text: str) -> set[str]:
        """The keys of the words by which a mention says it names an organisation: a word such as
        завод or Federation; a legal form in any spelling stands as "" (no name word has that
        key). Empty when the mention says nothing of the kind."""
        out: set[str] = set()
        low = text.casefold()
        if any(p in low for p in self._legal_phrases):
            out.add("")
        generic, legal = self.tables.generic_words, self.tables.legal_forms
        voc = self.tables.vocabulary
        words = [w.strip(".") for w in split_tokens(low)]
        keys = self.key.many(words)
        for w, k in zip(words, keys, strict=True):
            if w in legal:
                out.add("")
            elif w in generic and w not in voc.function_words and voc.concepts(k):
                out.add(k)
        # a legal form in any spelling, by its key (Obshchestvo s ogranichennoy otvetstvennostyu)
        if any(k in self._legal_keys or self._legal_run_at(keys, i) for i, k in enumerate(keys)):
            out.add("")
        return out

    def name_parts(self, name: str) -> list[str]:
        """The names an organisation or place name holds: ``МЗКТ - Минский завод``,
        ``Belarusian Association of Journalists (BAJ)`` and ``ОАО 'Белшина'`` hold two each (the
        quoted part is a name of its own)."""
        parts = [name]
        for m in _QUOTED_RE.finditer(name):
            parts.append(m.group(1))
        split: list[str] = []
        for p in parts:
            pieces = [p]
            for sep in (" - ", " – ", " — ", "(", ")", "/", ","):
                pieces = [q for piece in pieces for q in piece.split(sep)]
            split.extend(pieces)
            # the name with its quotes (ЧВК «Вагнер»: ЧВК Вагнер), and what they part (ЧВК, Вагнер)
            for sep in ("«", "»", "„", "“", "”", '"'):
                pieces = [q for piece in pieces for q in piece.split(sep)]
            split.extend(pieces)
        out: list[str] = []
        for p in split:
            p = _QUOTES_RE.sub(" ", p).strip(" '\"‘’.")
            if p and p not in out:
                out.append(p)
        return out

    def readings(self, name: str, query: bool = False, whole: bool = False) -> list[tuple[list[str], bool]]:
        """Every way the name can be compared: the significant words of each name it holds (with
        hyphenated words also split and vocabulary phrases joined), and its acronyms in English,
        Russian and Belarusian (Минский завод колёсных тягачей → МЗКТ, MZKT, МЗКЦ). The flag
        marks readings derived by acronym, which rank below names as written.

        With ``whole`` (a place's own name) every word counts: Республика Беларусь is not
        Республика. A mention (``query``) is read both ways, with its significant words and with
        all of them, so that it meets an organisation's name and a place's alike."""
        voc = self.tables.vocabulary
        out: list[tuple[list[str], bool]] = []

        def add(words: list[str], derived: bool) -> None:
            if words and all(words != w for w, _ in out):
                out.append((words, derived))

        parts = self.name_parts(name)
        for part in list(parts):
            # an honorific (завод имени В. И. Козлова, Plant named after V. I. Kozlov) is often left out
            low = part.casefold()
            for marker in voc.honorifics:
                at = low.find(marker)
                head = part[:at].strip()
                if at > 0 and not low[at - 1].isalnum() and head not in parts and self._names_more_than_a_kind(head):
                    parts.append(head)
        if not query and not whole and voc.conjunctions:
            # a long name is shortened before its first "and" (Центральная комиссия по выборам [и
            # проведению республиканских референдумов]) where what is left is a name of its own
            for part in list(parts):
                words = part.split()
                for i, w in enumerate(words):
                    if i and w.casefold() in voc.conjunctions:
                        head = " ".join(words[:i])
                        if head not in parts and self._telling_words(head) >= SHORT_FORM_WORDS:
                            parts.append(head)
                        break
        for part in parts:
            words = self.content_words(part)
            if not words:
                continue
            split = [q for w in words for q in _PART_SPLIT_RE.split(w) if q]
            merged = voc.merge_phrases(split, self.key)
            for ws in [words, merged] if merged != words else [words]:
                if not whole:
                    add(self.significant(ws), False)
                if whole or query:
                    add(ws, False)
            latin = all(w.isascii() for w in merged)
            content = [w for w in merged if w.casefold().strip(".") not in voc.function_words]
            for reading in voc.acronyms(merged, self.key, latin):
                # a mention's acronym is read only from words of the vocabulary (Ministry of Internal
                # Affairs is МВД): never from a person's name or initials (Maria Victoria Diaz)
                made = len(content) - (len(reading) - 1)
                if query and not all(voc.concepts(self.key(w.replace(" ", ""))) for w in content[:made]):
                    continue
                add([reading[0], *self.significant(reading[1:])] if len(reading) > 1 else reading, True)
        return out

    def org_keys(
        self, forms: Iterable[str], surfaces: dict[str, str] | None = None, kind: str = "organization"
    ) -> set[str]:
        """Keys of every spelling of an organisation's or place's word's forms; an English word
        also by its English reading (technical → tekhnikal)."""
        ks = self.keys_of(forms, None, surfaces, kind)
        for f in forms:
            if f.isascii():
                k = self.key(english_reading(f))
                if k:
                    ks.add(k)
        return ks

    def word_tokens(self, keys: Iterable[str]) -> frozenset[str]:
        """The vocabulary tokens of a word's keys."""
        voc = self.tables.vocabulary
        out: set[str] = set()
        for k in keys:
            out |= voc.tokens(k)
        return frozenset(out)

    def acronym_keys(self, forms: Iterable[str]) -> set[str]:
        """The keys an acronym of these forms (as written, in any script) is matched by (see
        :func:`~normalize.names.acronym_key`): of its letters one by one; a Latin one also as a
        word, since a Cyrillic letter may be written with two (TsIK for ЦИК). A press convention's
        spelling of the letters is not read (German MTS for МТЗ is another acronym, МТС)."""
        out: set[str] = set()
        for f in forms:
            letters = "".join(self.key(c) for c in f if c.isalpha())
            if letters:
                out.add(acronym_key(f, letters))
            if script_of(f) == "Latn" and (k := self.key(f)):
                out.add(acronym_key(f, k))
        return out

    def query_phrases(self, text: str) -> list[QueryPhrase]:
        """A mention of an organisation or place as word lists, one per reading of it. A word
        written as an acronym (:func:`~normalize.names.acronym_forms`) is matched to acronyms only,
        a word that may be one to both."""
        out: list[QueryPhrase] = []
        seen: set[tuple[str, ...]] = set()
        sure, maybe = acronym_forms(text)
        for words, derived in self.readings(text, query=True):
            ws: list[tuple[str, str, frozenset[str]]] = []
            for n, w in enumerate(words):
                w1 = w.replace(" ", "")
                k = self.key(w1)
                if not k:
                    continue
                if w in sure or (derived and n == 0):
                    acrs = sorted(self.acronym_keys([sure.get(w, w1)]))
                    ws.append((w, acrs[0], frozenset(acrs)))
                    continue
                ks = {k}
                if w.isascii():
                    ks.add(self.key(english_reading(w1)) or k)
                tokens = self.word_tokens(ks) | ks
                if w in maybe:
                    tokens |= self.acronym_keys([w1])
                ws.append((w, k, tokens))
            sig = tuple(k for _, k, _ in ws)
            if ws and sig not in seen:
                seen.add(sig)
                out.append(QueryPhrase(tuple(ws), derived, whole=not derived and self.significant(words) != words))
        if out:
            written = frozenset().union(*(t for qp in out if not qp.derived for _, _, t in qp.words))
            out[0] = QueryPhrase(out[0].words, out[0].derived, written, out[0].whole)
        return out

    def _word_rows(self, language: str) -> list[InflectionRow]:
        """The rows of ``inflection.yaml`` for surnames that words of other names follow too (all
        but ``kind: surname``)."""
        got = self._word_rows_memo.get(language)
        if got is None:
            got = self._word_rows_memo[language] = [
                r for r in self.tables.inflection.get(language, []) if r.kind != "surname"
            ]
        return got

    def person_words(self, name: str) -> list[str]:
        """The words of a person's name inside an organisation's name, as written: a given name
        and the capitalised word after it (Фонд Ивана Петрова, Ivan Petrov Foundation, Полк імя
        Кастуся Каліноўскага); a capitalised Cyrillic word after the first word that ends as a
        surname's genitive (Полк Каліноўскага, завод Козлова); a capitalised Latin word that ends as
        a surname (-ski, -ov, -in) before a word of the vocabulary (Kalinouski Regiment)."""
        words = split_tokens(name)
        voc = self.tables.vocabulary
        out: list[str] = []
        for i, w in enumerate(words):
            if not w[:1].isupper() or is_caps(w):
                continue
            nxt = words[i + 1] if i + 1 < len(words) else ""
            script = script_of(w)
            if self.is_given_name(w) and nxt[:1].isupper():
                out += [w, nxt]
            elif (i >= 1 and script == "Cyrl" and w.lower().endswith(_GENITIVE_SURNAME_ENDS)) or (
                script == "Latn" and nxt and key_gender(self.key(w)) and voc.concepts(self.key(nxt))
            ):
                out.append(w)
        return out

    def _phrase_entity(self, rec: EntityRecord) -> EntityEntry:
        phrases: list[tuple[frozenset[str], ...]] = []
        tokens: list[tuple[frozenset[str], ...]] = []
        derived_at: set[int] = set()
        seen: dict[tuple[frozenset[str], ...], int] = {}
        surfaces: dict[str, str] = {}
        spellings: dict[str, str] = {}  # of every word, for short_spellings
        capitals: set[str] = set()  # the Cyrillic spellings of words in capitals: no short spellings
        names = (*rec.names, *rec.aliases, rec.canonical) if self.index_canonical else (*rec.names, *rec.aliases)
        # the words of a part in quotes that is no name of its own: ordinary words (of the
        # vocabulary) after a rest that tells the entity apart (Беларускі Народны Фронт
        # «Адраджэнне»: Адраджэнне alone is a revival), unlike a coined name (ОАО «Белшина») or a
        # part after a kind of thing (Тэлеканал «Белсат»); less the words of names of its own
        quoted: set[str] = set()
        own_words: set[str] = set()
        concepts = self.tables.vocabulary.concepts
        for name in names:
            inner = [w for m in _QUOTED_RE.finditer(name) for w in self.content_words(m.group(1))]
            rest = _QUOTED_RE.sub(" ", name)
            if inner and any(self._tells(w) for w in self.content_words(rest)):
                quoted.update(w.casefold() for w in inner if concepts(self.key(w)))
            elif not inner:
                own_words.update(w.casefold() for w in self.content_words(name))
        quoted -= own_words
        quoted_at: set[int] = set()
        for name in names:
            written = {w.casefold() for w in split_tokens(name)}
            sure, maybe = acronym_forms(name)
            for words, derived in self.readings(name, whole=rec.type == "place"):
                # an acronym made from the name's initials serves resolve(), not the text scanner
                scan = surfaces if not derived and all(w.casefold() in written for w in words) else {}
                ph: list[frozenset[str]] = []
                tk: list[frozenset[str]] = []
                for n, w in enumerate(words):
                    w1 = w.replace(" ", "")
                    if (derived and n == 0) or w in sure:  # an acronym: matched as one only
                        acr = frozenset(self.acronym_keys([sure.get(w, w1)]))
                        if acr:
                            ph.append(acr)
                            tk.append(acr if rec.type == "organization" else frozenset())
                        continue
                    forms = [w1]
                    cases: list[str] = []
                    if script_of(w1) == "Cyrl":
                        if w not in maybe:  # an acronym's letters are letters: БАЖ is no Russian word
                            forms += self.to_belarusian(w1)
                        lang = detect_language(w1)
                        for la in [lang] if lang else ["ru", "be"]:
                            # a word of a name has no gender of its own to pick a row by: the rows
                            # of both that fit (Belarusian Рэспубліка → Рэспублікі and Рэспубліцы),
                            # of the words of names (Беларусь → Беларуси) and of the declensions of
                            # surnames that are no surnames' alone (Киев is no Соловьёв: Киевом)
                            for rows in (self.tables.word_inflection.get(la, []), self._word_rows(la)):
                                cases += dict.fromkeys(inflect(w1, rows, "m") + inflect(w1, rows, "f"))
                    # the case forms by the schemes that spell every kind of name: a press convention
                    # writes a place's name, not its Russian case forms (Hungarian Orsoj, of Оршой,
                    # is a Turkish surname)
                    # (a word in capitals, an acronym as often as not, keeps its Cyrillic spellings out of
                    # the short ones: БАЖ is no Боже)
                    own: dict[str, str] = {}
                    ks = frozenset(self.org_keys(forms, own, rec.type) | self.org_keys(cases, own, "organization"))
                    spellings.update(own)
                    if w in maybe:
                        capitals.update(v for v in own if is_cyrillic_word(v))
                    if w1 == w and scan is surfaces:
                        self.keys_of(forms, None, surfaces, rec.type)
                        self.keys_of(cases, None, surfaces, "organization")
                    if ks:
                        acr = frozenset(self.acronym_keys([w1])) if w in maybe else frozenset()
                        if acr and is_cyrillic_word(w1):
                            acr |= {CYRILLIC_CAPITALS}
                        ph.append(ks | acr)
                        # a place is matched by its own name and case forms only: Мінскі is not Minsk
                        tk.append(self.word_tokens(ks) | acr if rec.type == "organization" else frozenset())
                t = tuple(ph)
                if not t or (derived and len(t) < len(words)):
                    continue
                if t in seen:
                    if not derived:
                        derived_at.discard(seen[t])
                    continue
                seen[t] = len(phrases)
                if derived:
                    derived_at.add(len(phrases))
                if quoted and all(w.casefold() in quoted for w in words):
                    quoted_at.add(len(phrases))
                phrases.append(t)
                tokens.append(tuple(tk))
        person_stems: set[str] = set()
        if rec.type == "organization":
            voc = self.tables.vocabulary
            for name in names:
                for w in self.person_words(name):
                    person_stems.update(voc.stems(self.key(w)))
            person_stems.discard("")
        word_keys = {self.key(w) for name in names for w in split_tokens(name)}
        if rec.type == "place":  # and their case forms: Республики Беларусь, Российской Федерации
            word_keys.update(k for phrase in phrases for ks in phrase for k in ks)
        word_keys.discard("")
        return EntityEntry(
            record=rec,
            gender=None,
            phrases=tuple(phrases),
            phrase_tokens=tuple(tokens),
            derived_phrases=frozenset(derived_at),
            quoted_phrases=frozenset(quoted_at),
            surfaces=self._surface_keys(surfaces),
            word_keys=frozenset(word_keys),
            short_spellings=_short_spellings({v: k for v, k in spellings.items() if v not in capitals}),
            person_stems=frozenset(person_stems),
            latin_only=_latin_only(spellings, _written_words(rec)),
        )


@mypyc_attr(allow_interpreted_subclasses=True)  # picklable when compiled
@dataclass(frozen=True)
class QueryPhrase:
    """One reading of an organisation or place mention: (word, key, tokens) a word. ``tokens``
    of the first reading holds the tokens of every word of the readings as written."""

    words: tuple[tuple[str, str, frozenset[str]], ...]
    derived: bool = False
    tokens: frozenset[str] = frozenset()
    whole: bool = False  # all the words, generic ones too: the reading for a place's name

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return by_constructor(self)


def build_index(
    tables: Tables, records: Iterable[EntityRecord] | None = None, index_canonical: bool = True
) -> tuple[Index, VariantMaker]:
    """Compile the entities of ``tables`` (or ``records``) into an :class:`Index`."""
    maker = VariantMaker(tables, index_canonical)
    index = Index()
    for rec in records if records is not None else tables.entities:
        entry = maker.entity(rec)
        idx = len(index.entries)
        index.entries.append(entry)
        for ph in (*entry.phrases, *entry.phrase_tokens):
            for ks in ph:
                for k in ks:
                    index.add_key(k, idx)
        for k in entry.surname_keys:
            index.add_key(k, idx)
    return index, maker
