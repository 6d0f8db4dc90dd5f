"""The compiled index: every entity's name parts as phonetic keys, and the lookups over them.

Building walks each entity once: its native names are split into given name, patronymic and
surname; each part gets its other-language form (ru → be rules, given-name cognates), its case
forms (the entity's own gender only) and its spelling under every scheme; all of these become
phonetic keys. Lookups at query time are then dictionary hits on keys, with one-deletion
neighbours of the keys for spellings no rule foresaw.
"""

from __future__ import annotations

import functools
import gc
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from .names import person_roles_of, split_tokens
from .phonetic import PhoneticKey
from .schemes import Scheme
from .tables import CognateSet, EntityRecord, Tables, inflect
from .text import detect_language, script_of

_QUOTED_RE = re.compile(r"(?:^|(?<=[\s(/]))['‘«„“\"]([^'’»“”\"]{2,})['’»“”\"](?=$|[\s,.;:)/])")
_QUOTES_RE = re.compile(r"(?:^|(?<=\s))['‘’«»„“”\"]|['‘’«»„“”\"](?=\s|$)")
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


def key_gender(key: str) -> str | None:
    """The gender a surname's key shows by its ending (-skaya/-ova → f, -sky/-ov → m), else None."""
    if key.endswith(FEMALE_ENDINGS):
        return "f"
    if key.endswith(MALE_ENDINGS):
        return "m"
    return None


def is_patronymic_key(key: str) -> bool:
    return len(key) >= 6 and key.endswith(("VIC", "VNA", "ICNA"))


def deletions(key: str) -> set[str]:
    """Keys one symbol shorter (for lookups of near spellings)."""
    return {key[:i] + key[i + 1 :] for i in range(len(key))}


@dataclass
class EntityEntry:
    """One entity as the matcher sees it."""

    record: EntityRecord
    gender: str | None
    surname_keys: frozenset[str] = frozenset()
    given_keys: frozenset[str] = frozenset()
    given_initials: frozenset[str] = frozenset()
    patronymic_keys: frozenset[str] = frozenset()
    patronymic_initials: frozenset[str] = frozenset()
    # organisations and places: each name as a tuple of the key sets of its significant words
    phrases: tuple[tuple[frozenset[str], ...], ...] = ()
    # the spellings of the words that anchor a mention in running text (surname forms, name words)
    surfaces: frozenset[str] = frozenset()
    # organisations and places: keys of every word of every name, generic words included
    word_keys: frozenset[str] = frozenset()

    @property
    def id(self) -> str:
        return self.record.id


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
            with gc_paused():
                for key, idxs in self.by_key.items():
                    if len(key) >= MIN_FUZZY_KEY:
                        for d in deletions(key):
                            dels.setdefault(d, []).extend(idxs)
            self._by_deletion = dels
        return self._by_deletion

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state["_by_deletion"] = None
        return state

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
        self.schemes: dict[str, list[Scheme]] = {
            lang: [s for s in tables.schemes if s.language == lang] for lang in ("ru", "be")
        }
        self.ru_be = tables.ru_be
        self._cognate_keys: dict[str, list[int]] = {}
        self._cognate_stems: dict[str, list[int]] = {}
        self.cognates: list[CognateSet] = tables.cognates
        self._group_keys: list[frozenset[str]] = []
        self._group_initials: list[frozenset[str]] = []
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
            for form in c.ru + c.be:
                k = self.key(form)
                stem = k[:-1] if k.endswith(("I", "E", "A")) and len(k) > 3 else k
                self._cognate_stems.setdefault(stem, []).append(gi)
                self._cognate_stems.setdefault(k, []).append(gi)
            self._group_keys.append(frozenset(keys))
            self._group_initials.append(frozenset(initials))

    # --- spellings of one word -----------------------------------------------------------------

    @functools.lru_cache(maxsize=200_000)  # noqa: B019 - the maker lives as long as its index
    def spellings(self, word: str, language: str | None = None) -> tuple[str, ...]:
        """The word itself and, for Cyrillic, its spelling under every scheme of its language."""
        if script_of(word) != "Cyrl":
            return (word,)
        lang = language or detect_language(word)
        langs = [lang] if lang else ["ru", "be"]
        out: dict[str, None] = {word: None}
        for la in langs:
            for s in self.schemes.get(la, ()):
                for v in s.word_variants(word, 8):
                    out[v] = None
        return tuple(out)

    def keys_of(self, words: Iterable[str], language: str | None = None, surfaces: set[str] | None = None) -> set[str]:
        """Keys of every spelling of ``words``; the spellings are added to ``surfaces`` if given."""
        keys: set[str] = set()
        for w in words:
            for v in self.spellings(w, language):
                k = self.key(v)
                if k:
                    keys.add(k)
                    if surfaces is not None:
                        surfaces.add(v)
        return keys

    def initials_of(self, spelling: str) -> set[str]:
        """The letter an initial of this spelling is written with, and that letter's key
        (``Юрий`` → Ю and U, so that ``Y.``, ``I.`` and ``Ю.`` find their key too)."""
        first = spelling[:1].upper()
        if not first.isalpha():
            return set()
        k = self.key(first)
        return {first, "#" + k} if k else {first}

    def initial_matches(self, letter: str, pool: frozenset[str]) -> bool:
        """Whether an initial in a mention fits a set made by :meth:`initials_of`."""
        up = letter.upper()
        if up in pool:
            return True
        k = self.key(up)
        return bool(k) and "#" + k in pool

    def to_belarusian(self, word: str) -> list[str]:
        """Likely Belarusian spellings of a Russian word (from ``ru_be.yaml``)."""
        if self.ru_be is None or script_of(word) != "Cyrl":
            return []
        return [v for v in self.ru_be.word_variants(word, 4) if v != word]

    # --- given names ---------------------------------------------------------------------------

    def given_groups(self, word: str, gender: str | None) -> list[int]:
        k = self.key(word)
        groups = self._cognate_keys.get(k, [])
        if gender is not None:
            groups = [g for g in groups if self.cognates[g].gender in (None, gender)] or groups
        return groups

    def patronymic_root_groups(self, word: str) -> list[int]:
        k = self.key(word)
        for suf in PATRONYMIC_SUFFIXES:
            if k.endswith(suf) and len(k) > len(suf) + 2:
                stem = k[: -len(suf)]
                hit = self._cognate_stems.get(stem) or self._cognate_keys.get(stem)
                if hit:
                    return hit
        return []

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
        surfaces: set[str] = set()
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
                            surfaces.add(infl)
        g_keys: set[str] = set()
        g_init: set[str] = set()
        groups: list[int] = []
        for g in givens:
            g_keys |= self.keys_of([g])
            for v in self.spellings(g):
                g_init |= self.initials_of(v)
            groups += self.given_groups(g, gender)
        for gi in groups:
            g_keys |= self._group_keys[gi]
            g_init |= self._group_initials[gi]
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
        return EntityEntry(
            record=rec,
            gender=gender,
            surname_keys=frozenset(sur_keys),
            given_keys=frozenset(g_keys),
            given_initials=frozenset(g_init),
            patronymic_keys=frozenset(p_keys),
            patronymic_initials=frozenset(p_init),
            surfaces=_surface_set(surfaces),
        )

    def strip_legal(self, name: str) -> str:
        """The name without multi-word legal forms (open joint-stock company, унитарное предприятие)."""
        low = name.casefold()
        for phrase in self._legal_phrases:
            if phrase in low:
                low = low.replace(phrase, " ")
        return low

    def significant_words(self, name: str) -> list[str]:
        """The words of an organisation or place name that tell it apart (legal forms dropped)."""
        low = self.strip_legal(name)
        words = [w for w in split_tokens(low) if w.strip(".") not in self.tables.legal_forms]
        sig = [w for w in words if w.strip(".") not in self.tables.generic_words]
        return sig or words

    def phrase_alternatives(self, name: str) -> list[str]:
        """The names an organisation or place name holds: ``МЗКТ - Минский завод``,
        ``Belarusian Association of Journalists (BAJ)`` and ``ОАО 'Белшина'`` hold two each (the
        quoted part is a name of its own), and a name of several words also stands for its
        acronym (Минский завод колёсных тягачей → МЗКТ)."""
        parts = [name]
        for m in _QUOTED_RE.finditer(name):
            parts.append(m.group(1))
        split: list[str] = []
        for p in parts:
            pieces = [p]
            for sep in (" - ", " – ", " — ", "(", ")", "«", "»", "„", "“", "”", '"', "/", ","):
                pieces = [q for piece in pieces for q in piece.split(sep)]
            split.extend(pieces)
        out: list[str] = []
        for p in split:
            p = _QUOTES_RE.sub(" ", p).strip(" '\"‘’.")
            if p and p not in out:
                out.append(p)
        for p in list(out):
            words = [
                w for w in split_tokens(self.strip_legal(p)) if w.casefold().strip(".") not in self.tables.legal_forms
            ]
            if len(words) >= 3:
                acro = "".join(w[0] for w in words if w[0].isalpha()).upper()
                if len(acro) >= 3 and acro not in out:
                    out.append(acro)
        return out

    def query_phrases(self, text: str) -> list[list[tuple[str, str]]]:
        """A mention of an organisation or place as (word, key) lists, one per name it holds."""
        out: list[list[tuple[str, str]]] = []
        for alt in self.phrase_alternatives(text):
            words = [(w, self.key(w)) for w in self.significant_words(alt)]
            words = [(w, k) for w, k in words if k]
            if words and words not in out:
                out.append(words)
        return out

    def _phrase_entity(self, rec: EntityRecord) -> EntityEntry:
        phrases: list[tuple[frozenset[str], ...]] = []
        seen: set[tuple[frozenset[str], ...]] = set()
        surfaces: set[str] = set()
        names = (*rec.names, *rec.aliases, rec.canonical) if self.index_canonical else (*rec.names, *rec.aliases)
        for name in names:
            written = {w.casefold() for w in split_tokens(name)}
            for alt in self.phrase_alternatives(name):
                words = self.significant_words(alt)
                if not words:
                    continue
                # an acronym made from the name's initials serves resolve(), not the text scanner
                scan = surfaces if all(w.casefold() in written for w in words) else set()
                ph: list[frozenset[str]] = []
                for w in words:
                    forms = [w]
                    if script_of(w) == "Cyrl":
                        forms += self.to_belarusian(w)
                        lang = detect_language(w)
                        for la in [lang] if lang else ["ru", "be"]:
                            forms += inflect(w, self.tables.inflection.get(la, []), None)
                    ks = frozenset(self.keys_of(forms, None, scan))
                    if ks:
                        ph.append(ks)
                t = tuple(ph)
                if t and t not in seen:
                    seen.add(t)
                    phrases.append(t)
        word_keys = {self.key(w) for name in names for w in split_tokens(name)}
        word_keys.discard("")
        return EntityEntry(
            record=rec,
            gender=None,
            phrases=tuple(phrases),
            surfaces=_surface_set(surfaces),
            word_keys=frozenset(word_keys),
        )


def _surface_set(forms: Iterable[str]) -> frozenset[str]:
    """Lower-case spellings (with ё also as е) of at least two letters, for the text scanner."""
    out: set[str] = set()
    for f in forms:
        low = f.lower()
        if sum(c.isalnum() for c in low) < 2:
            continue
        out.add(low)
        if "ё" in low:
            out.add(low.replace("ё", "е"))
    return frozenset(out)


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
        if entry.phrases:
            for ph in entry.phrases:
                for ks in ph:
                    for k in ks:
                        index.add_key(k, idx)
        for k in entry.surname_keys:
            index.add_key(k, idx)
    return index, maker
