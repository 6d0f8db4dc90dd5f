"""The compiled index: every entity's name parts as phonetic keys, and the lookups over them.

Building walks each entity once: its native names are split into given name, patronymic and
surname; each part gets its other-language form (ru → be rules, given-name cognates), its case
forms (the entity's own gender only) and its spelling under every scheme; all of these become
phonetic keys. Lookups at query time are then dictionary hits on keys, with one-deletion
neighbours of the keys for spellings no rule foresaw.
"""

from __future__ import annotations

import gc
import itertools
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from mypy_extensions import mypyc_attr

from .buildjobs import entries_of
from .cognates import GivenNameGroups
from .keytable import KeyTable, NearTable
from .memo import remember
from .namekeys import (
    CYRILLIC_CAPITALS,
    LATIN_CAPITALS,
    MIN_FUZZY_KEY,
    SHORT_KEY,
    deletions,
    is_cyrillic_word,
    key_gender,
)
from .names import acronym_forms, person_roles_of, split_tokens
from .orgnames import _QUOTED_RE, OrgNames
from .pickling import restore_state, saved_state
from .tables import EntityRecord, InflectionRow, Tables, inflection_row
from .text import detect_language, is_cyrillic, may_be_ukrainian_form, script_of
from .wordforms import WordForms


@contextmanager
def gc_paused(long_lived: bool = False) -> Iterator[None]:
    """No cyclic garbage collection inside the block. For code that makes a great many objects and
    no reference cycles (an index being built or unpickled): each collection the allocations set
    off would otherwise walk every live object, the whole index among them.

    With ``long_lived``, the objects made in the block (and every other one alive) go to the oldest
    generation of the collector as it leaves (``gc.freeze``, then ``gc.unfreeze``, which moves them
    without walking them): objects that live as long as the index, which the first young
    collections after the block would otherwise walk one by one (9% of loading 100,000 persons)
    and each older generation once more after it. A cycle among the objects moved is collected by
    the next full collection, as it would be once they had aged there."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if long_lived:
            gc.freeze()
            gc.unfreeze()
        if was:
            gc.enable()


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


def _genders_of(word: str, rows: list[InflectionRow]) -> tuple[str, ...]:
    """The genders to decline a word of a name by ``rows``: those of the rows for the whole word
    where there are any (Беларусь, feminine, has no masculine forms: Беларуся, Беларусем), else
    every gender whose rows fit (a word of a name has no gender of its own to pick a row by)."""
    named = tuple(g for g in ("m", "f", "n") if (row := inflection_row(word, rows, g)) is not None and row.whole)
    return named or ("m", "f", "n")


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


def _read_as_a_word(letters: str) -> bool:
    """Whether an acronym of Latin letters is a syllabic one, read as a word: a capital, small
    letters, then capitals (BelTA, BelAZ), not letters read one by one (MAZ, NEXTA, MZKT)."""
    return letters[:1].isupper() and letters[1:2].islower() and letters[-1:].isupper()


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
    # the keys that only the Ukrainian case forms give (the `uk` rows of inflection.yaml: the -іні
    # of Путіні keys as Puccini): only a Cyrillic word with a letter of a Ukrainian ending (і, ї, є)
    # is matched by one
    uk_only: frozenset[str] = frozenset()
    # persons: the keys that only case forms of the surname give, none of its nominative's spellings
    # (the genitive Бабарыкі): a word read back to a nominative by a case ending meets none of them,
    # as a form of a form (Babarykin, of no Babaryki)
    case_only: frozenset[str] = frozenset()
    # organisations: the stems of the keys of the words of a person's name inside the
    # organisation's name (Фонд Ивана Петрова, Полк Каліноўскага, Kalinouski Regiment)
    person_stems: frozenset[str] = frozenset()

    @property
    def id(self) -> str:
        return self.record.id

    def spelled_otherwise(self, key: str, word: str) -> bool:
        """Whether ``word`` meets this entity by ``key`` only as a form it cannot be: a Latin
        spelling a scheme made (``latin_only``), the word being Cyrillic (Единая is no Jodzina), or a
        Ukrainian case form (``uk_only``), the word having no letter of a Ukrainian ending (Puccini is
        no Путіні, the Hungarian Kijevi no Києві)."""
        return (key in self.latin_only and is_cyrillic(word[0])) or (
            key in self.uk_only and not may_be_ukrainian_form(word)
        )


class EntityColumns:
    """What ranking reads of every candidate, by entity number, in dense lists: each entity's type
    and prominence (of its record). A candidate's record lies apart from it in a large heap, and
    most candidates are passed over or sorted by these fields alone; made from the entries, never
    saved."""

    __slots__ = ("prominence", "size", "types")

    def __init__(self, entries: list[EntityEntry]) -> None:
        self.types: list[str] = [e.record.type for e in entries]
        self.prominence: list[int] = [e.record.prominence for e in entries]
        self.size = len(entries)


_INDEX_SAVED = ("entries", "by_key")


@mypyc_attr(allow_interpreted_subclasses=True)  # picklable when compiled
@dataclass
class Index:
    """Keys → entities, plus the entities themselves.

    The keys are a :class:`~normalize.keytable.KeyTable` (flat arrays, read where they lie in a
    mapped index file); while an index is built they are gathered in a dictionary
    (:meth:`add_key`) and made into the table on first read. The one-deletion neighbourhood used
    for near spellings is built on the first lookup that needs it and is not saved with the index,
    so that a saved index loads fast."""

    entries: list[EntityEntry] = field(default_factory=list)
    _table: KeyTable | None = field(default=None, repr=False)
    _added: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _by_deletion: NearTable | None = field(default=None, repr=False)
    _columns: EntityColumns | None = field(default=None, repr=False)

    @property
    def columns(self) -> EntityColumns:
        """The type and prominence of every entity, by its number (made on first use, and again
        when entities were added since)."""
        got = self._columns
        if got is None or got.size != len(self.entries):
            got = self._columns = EntityColumns(self.entries)
        return got

    def add_key(self, key: str, idx: int) -> None:
        """Entity ``idx`` has a name word of ``key`` (while the index is built)."""
        self.add_keys((key,), idx)

    def add_keys(self, keys: Iterable[str], idx: int) -> None:
        """Entity ``idx`` has name words of ``keys`` (while the index is built): :meth:`add_key`
        of each, in their order."""
        added = self._added
        if self._table is not None:  # keys added to a finished table: its keys first, as they were
            added.update(self._table.items())
            self._table = None
        for key in keys:
            lst = added.get(key)
            if lst is None:
                added[key] = [idx]
            elif not lst or lst[-1] != idx:
                lst.append(idx)
        self._by_deletion = None

    @property
    def by_key(self) -> KeyTable:
        """The keys, each with the numbers of the entities that have it, in the order added."""
        table = self._table
        if table is None:
            table = self._table = KeyTable.from_mapping(self._added)
            self._added = {}
        return table

    @property
    def by_deletion(self) -> NearTable:
        """The keys one symbol shorter than those of :attr:`by_key` (of :data:`MIN_FUZZY_KEY`
        symbols or more), each giving the entities of the keys it is made from."""
        near = self._by_deletion
        if near is None:
            with gc_paused():
                near = self._by_deletion = NearTable.from_keys(self.by_key, MIN_FUZZY_KEY, deletions)
        return near

    def __getstate__(self) -> dict[str, object]:
        return saved_state(self, _INDEX_SAVED)  # the deletion neighbourhood is made again

    def file_state(self) -> dict[str, object]:
        """What an index file keeps: the state, and the deletion neighbourhood (made now if it is
        not yet), so that the processes that map the file share it and none makes it."""
        return {**self.__getstate__(), "by_deletion": self.by_deletion}

    def __setstate__(self, state: dict[str, Any]) -> None:
        """From the state of :meth:`__getstate__` or :meth:`file_state` (where an index file gives
        the deletion neighbourhood as the bytes of its table)."""
        self.entries = state["entries"]
        self._columns = None
        self._table = state["by_key"]
        self._added = {}
        near = state.get("by_deletion")
        self._by_deletion = None if near is None else NearTable.from_buffer(self.by_key, near)

    def candidates(self, key: str, fuzzy: bool = True) -> set[int]:
        """Entities with a name word of this key (and, with ``fuzzy``, one edit away)."""
        by_key = self.by_key
        out = set(by_key.get(key) or ())
        if fuzzy and len(key) >= MIN_FUZZY_KEY - 1:
            by_del = self.by_deletion
            out.update(by_del.get(key) or ())
            for d in deletions(key):
                out.update(by_key.get(d) or ())
                out.update(by_del.get(d) or ())
        return out


SURNAME_MEMO_SIZE = 100_000  # persons' surnames whose keys and spellings are remembered while building

SurnameRequest = tuple[tuple[tuple[str, str | None], ...], str | None]
"""A person's surnames (each with the language of its name) and gender: what its surname keys are
made of (:meth:`EntryBuilder._surname_keys`)."""
SurnameFields = tuple[frozenset[str], dict[str, str], dict[str, str], frozenset[str], frozenset[str], frozenset[str]]
"""The fields of a :class:`SurnameKeys`, in order."""


@dataclass(frozen=True)
class SurnameKeys:
    """What a person's entry takes of its surnames (made once for namesakes, and not changed): the
    keys, each spelling and case form with its key, those spellings for the text scanner
    (:meth:`EntryBuilder._surface_keys`, copied into each entry) and the short ones
    (:func:`_short_spellings`)."""

    keys: frozenset[str]
    spellings: dict[str, str]
    scanned: dict[str, str]
    short: frozenset[str]
    uk_only: frozenset[str]  # see EntityEntry.uk_only
    case_only: frozenset[str]  # see EntityEntry.case_only

    def fields(self) -> SurnameFields:
        """The fields, in order: what another process sends of it."""
        return self.keys, self.spellings, self.scanned, self.short, self.uk_only, self.case_only


@dataclass(frozen=True)
class PersonParts:
    """The parts of a person's names as the entry is made of them: the surnames (each with the
    language of its name), given names, patronymics, and the gender."""

    surnames: tuple[tuple[str, str | None], ...]
    givens: tuple[str, ...]
    patronymics: tuple[str, ...]
    gender: str | None


@mypyc_attr(allow_interpreted_subclasses=True)  # picklable when compiled
class EntryBuilder:
    """Makes the :class:`EntityEntry` of an entity record: a person's keys from the forms of the
    surname, given names and patronymics; an organisation's or place's phrases from the readings
    of its names."""

    def __init__(
        self, tables: Tables, forms: WordForms, groups: GivenNameGroups, orgs: OrgNames, index_canonical: bool = True
    ) -> None:
        self.tables = tables
        self.key = forms.key
        self.forms = forms
        self.groups = groups
        self.orgs = orgs
        self.index_canonical = index_canonical
        self.clear_memos()

    def clear_memos(self) -> None:
        """Drop what the builder remembers of the entities it made (kept while a table is built)."""
        self._surname_memo: dict[SurnameRequest, SurnameKeys] = {}

    def __getstate__(self) -> dict[str, object]:
        return saved_state(self, _BUILDER_SAVED)

    def __setstate__(self, state: dict[str, Any]) -> None:
        restore_state(self, state, _BUILDER_SAVED)
        self.clear_memos()

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

    def _surname_keys(self, surnames: tuple[tuple[str, str | None], ...], gender: str | None) -> SurnameKeys:
        """The keys and spellings of a person's surnames (each with the language of its name): of
        every spelling under every scheme, of the Belarusian forms of a surname not in Belarusian,
        of the case forms for ``gender``; with the keys' variants. Made once for each set of
        surnames and gender, namesakes being many in a large table."""
        memo_key = (surnames, gender)
        got = self._surname_memo.get(memo_key)
        if got is not None:
            return got
        sur_keys: set[str] = set()
        named: set[str] = set()  # of the spellings of the nominatives
        uk_keys: set[str] = set()  # of the Ukrainian case forms
        surfaces: dict[str, str] = {}
        for s, lang in surnames:
            forms = [s]
            if script_of(s) == "Cyrl" and lang != "be":
                forms += self.forms.to_belarusian(s)
            # of each form, its spellings under every scheme and its case forms, all keyed together
            made: list[tuple[tuple[str, ...], list[str], list[str]]] = []
            words: list[str] = []
            for f in forms:
                flang = detect_language(f) or lang
                spellings = self.forms.spellings(f, flang)
                infls: list[str] = []
                for la in [flang] if flang else ["ru", "be"]:
                    infls += self.forms.inflect(f, self.tables.inflection.get(la, []), gender)
                uk: list[str] = []
                if flang != "be" and script_of(f) == "Cyrl":
                    # the Ukrainian case forms, from the Russian name (Лукашенкові, Колесніковій)
                    uk = [
                        v for v in self.forms.inflect(f, self.tables.inflection.get("uk", []), gender) if v not in infls
                    ]
                made.append((spellings, infls, uk))
                words += spellings
                words += infls
                words += uk
            keyed = iter(zip(words, self.key.many(words), strict=True))
            for spellings, infls, uk in made:
                keys: set[str] = set()  # of the spellings, as WordForms.keys_of gives them
                for v, k in itertools.islice(keyed, len(spellings)):
                    if k:
                        keys.add(k)
                        surfaces[v] = k
                sur_keys |= keys
                named |= keys
                for infl, k in itertools.islice(keyed, len(infls)):
                    if k:
                        sur_keys.add(k)
                        surfaces[infl] = k
                for _, k in itertools.islice(keyed, len(uk)):
                    if k:  # (by key only: a Russian stem with a Ukrainian ending is nobody's spelling)
                        uk_keys.add(k)
        if self.key.surname_variants:
            sur_keys = self.key.variants_of_all(sur_keys)
            uk_keys = self.key.variants_of_all(uk_keys)
            named = self.key.variants_of_all(named)
        got = SurnameKeys(
            frozenset(sur_keys | uk_keys),
            surfaces,
            self._surface_keys(surfaces),
            _short_spellings(surfaces),
            frozenset(uk_keys - sur_keys),
            frozenset((sur_keys | uk_keys) - named),
        )
        return remember(self._surname_memo, memo_key, got, SURNAME_MEMO_SIZE)

    def entity(self, rec: EntityRecord, parts: PersonParts | None = None) -> EntityEntry:
        """The entry of ``rec``; of a person, from its ``parts`` when they were read already."""
        if rec.type == "person":
            return self._person(rec, parts if parts is not None else self.person_parts(rec))
        return self._phrase_entity(rec)

    def person_parts(self, rec: EntityRecord) -> PersonParts:
        """The parts of a person's names, and the gender (the record's, or the first surname's)."""
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
        return PersonParts(tuple(surnames), tuple(givens), tuple(patrs), gender)

    def surnames_unmade(self, parts: Iterable[PersonParts]) -> list[SurnameRequest]:
        """The surname sets and genders of ``parts`` whose keys are not remembered, each once; the
        memo is emptied first if it could not hold them all (so that none is dropped before its
        entry is made)."""
        memo = self._surname_memo
        out = list(dict.fromkeys(r for p in parts if (r := (p.surnames, p.gender)) not in memo))
        if len(memo) + len(out) > SURNAME_MEMO_SIZE:
            memo.clear()
        return out

    def make_surname_keys(self, requests: list[SurnameRequest]) -> None:
        """Make (and remember) the surname keys of ``requests``."""
        for surnames, gender in requests:
            self._surname_keys(surnames, gender)

    def surname_fields(self, requests: list[SurnameRequest]) -> list[SurnameFields]:
        """The surname keys of ``requests`` as plain fields, for another process: what
        :meth:`remember_surnames` takes there. Nothing of them is remembered here."""
        out = [self._surname_keys(surnames, gender).fields() for surnames, gender in requests]
        self.clear_memos()
        return out

    def remember_surnames(self, requests: list[SurnameRequest], made: list[SurnameFields]) -> None:
        """Remember the surname keys another process made for ``requests``
        (:meth:`surname_fields`)."""
        memo = self._surname_memo
        for request, fields in zip(requests, made, strict=True):
            memo[request] = SurnameKeys(*fields)

    def _person(self, rec: EntityRecord, parts: PersonParts) -> EntityEntry:
        surnames, givens, patrs, gender = parts.surnames, parts.givens, parts.patronymics, parts.gender
        sur = self._surname_keys(surnames, gender)
        g_keys, g_init, g_cases = self.groups.given_parts(givens, gender)
        p_keys, p_init, p_cases = self.groups.patronymic_parts(patrs)
        return EntityEntry(
            record=rec,
            gender=gender,
            surname_keys=sur.keys,
            given_keys=g_keys,
            given_initials=g_init,
            given_case_forms=g_cases,
            patronymic_keys=p_keys,
            patronymic_initials=p_init,
            patronymic_case_keys=p_cases,
            surfaces=dict(sur.scanned),  # each its own: the index file loads unshared ones lazily
            short_spellings=sur.short,
            latin_only=_latin_only(sur.spellings, _written_words(rec)),
            uk_only=sur.uk_only,
            case_only=sur.case_only,
        )

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
            inner = [w for m in _QUOTED_RE.finditer(name) for w in self.orgs.content_words(m.group(1))]
            rest = _QUOTED_RE.sub(" ", name)
            if inner and any(self.orgs.tells(w) for w in self.orgs.content_words(rest)):
                quoted.update(w.casefold() for w in inner if concepts(self.key(w)))
            elif not inner:
                own_words.update(w.casefold() for w in self.orgs.content_words(name))
        quoted -= own_words
        quoted_at: set[int] = set()
        plain_keys: set[str] = set()  # the keys of the words' forms but the Ukrainian ones
        uk_keys: set[str] = set()  # the keys of the Ukrainian case forms
        # acronyms are made from the names of an entity that the tables list by one (МЗКЦ of
        # Мінскі завод колавых цягачоў beside МЗКТ) only: one that lists none is not known by one,
        # and the letters of its name as often stand for another thing (АПК, ОПК: the agro- and
        # defence-industrial complexes)
        acronyms_of = [acronym_forms(name) for name in names]
        # a Latin acronym of an entity the tables name in Cyrillic too is read by its letters only
        # (see WordForms.acronym_keys): the Cyrillic names' letters meet a mention read as a word
        as_word = not any(script_of(name) == "Cyrl" for name in names)
        known_by_acronym = any(sure or maybe for sure, maybe in acronyms_of)
        for name, (sure, maybe) in zip(names, acronyms_of, strict=True):
            written = {w.casefold() for w in split_tokens(name)}
            heads = {part.casefold() for token in name.split() for part in token.split("-")[:-1]}  # before a hyphen
            for words, derived in self.orgs.readings(name, whole=rec.type == "place"):
                if derived and not known_by_acronym:
                    continue
                # an acronym made from the name's initials serves resolve(), not the text scanner
                scan = surfaces if not derived and all(w.casefold() in written for w in words) else {}
                ph: list[frozenset[str]] = []
                tk: list[frozenset[str]] = []
                for n, w in enumerate(words):
                    w1 = w.replace(" ", "")
                    if (derived and n == 0) or w in sure:  # an acronym: matched as one only
                        letters = sure.get(w, w1)
                        acr = frozenset(self.forms.acronym_keys([letters], as_word))
                        if acr and script_of(letters) == "Latn":
                            acr |= {LATIN_CAPITALS}
                            if not derived and _read_as_a_word(letters):
                                # read as a word, it is written as one too (BelTA: Belta, BelAZ: Belaz)
                                acr |= self.forms.org_keys([w1], {}, rec.type)
                        if acr:
                            ph.append(acr)
                            tk.append(acr if rec.type == "organization" else frozenset())
                        continue
                    forms = [w1]
                    cases: list[str] = []
                    uk_cases: list[str] = []
                    if script_of(w1) == "Cyrl":
                        if w not in maybe:  # an acronym's letters are letters: БАЖ is no Russian word
                            forms += self.forms.to_belarusian(w1)
                        lang = detect_language(w1)
                        for la in [lang] if lang else ["ru", "be"]:
                            # a word of a name has no gender of its own to pick a row by: the rows
                            # of each that fit (Belarusian Рэспубліка → Рэспублікі and Рэспубліцы;
                            # the neuters: Берасце → у Берасці),
                            # of the words of names (Беларусь → Беларуси) and of the declensions of
                            # surnames that are no surnames' alone (Киев is no Соловьёв: Киевом)
                            words_rows = self.tables.word_inflection.get(la, [])
                            genders = _genders_of(w1, words_rows)
                            for rows in (words_rows, self.forms.word_rows(la)):
                                cases += dict.fromkeys(f for g in genders for f in self.forms.inflect(w1, rows, g))
                        if rec.type == "place" and lang != "be":
                            # the Ukrainian case forms of a place's name, from its Russian or Ukrainian
                            # name (у Бресті, у Києві)
                            uk_rows = self.tables.word_inflection.get("uk", [])
                            uk_cases = list(
                                dict.fromkeys(
                                    f
                                    for g in _genders_of(w1, uk_rows)
                                    for f in self.forms.inflect(w1, uk_rows, g)
                                    if f not in cases
                                )
                            )
                    elif rec.type == "place" and w1 == w and script_of(w1) == "Latn" and w1.casefold() not in heads:
                        # a place's name in Latin letters in the text of the languages it may be of
                        # (Rosji, Baltarusijos: `latin_words` of inflection.yaml); the case ending
                        # goes on the last part of a compound (Valko-Venäjällä, Wit-Ruslands), so a
                        # part before a hyphen takes none (Wit of Wit-Rusland is no Witre)
                        for rows in self.tables.latin_word_inflection.values():
                            cases += dict.fromkeys(f for f in self.forms.inflect(w1, rows, None) if f not in cases)
                    # the case forms by the schemes that spell every kind of name: a press convention
                    # writes a place's name, not its Russian case forms (Hungarian Orsoj, of Оршой,
                    # is a Turkish surname)
                    # (a word in capitals, an acronym as often as not, keeps its Cyrillic spellings out of
                    # the short ones: БАЖ is no Боже)
                    own: dict[str, str] = {}
                    ks = frozenset(
                        self.forms.org_keys(forms, own, rec.type) | self.forms.org_keys(cases, own, "organization")
                    )
                    plain_keys |= ks
                    if uk_cases:  # (by key only, as a person's)
                        uk_ks = self.forms.org_keys(uk_cases, {}, "organization")
                        uk_keys |= uk_ks
                        ks |= uk_ks
                    spellings.update(own)
                    if w in maybe:
                        capitals.update(v for v in own if is_cyrillic_word(v))
                    if w1 == w and scan is surfaces:
                        self.forms.keys_of(forms, None, surfaces, rec.type)
                        self.forms.keys_of(cases, None, surfaces, "organization")
                    if ks:
                        acr = frozenset(self.forms.acronym_keys([w1], as_word)) if w in maybe else frozenset()
                        if acr and is_cyrillic_word(w1):
                            acr |= {CYRILLIC_CAPITALS}
                        elif acr and script_of(w1) == "Latn":
                            acr |= {LATIN_CAPITALS}
                        ph.append(ks | acr)
                        # a place is matched by its own name and case forms only: Мінскі is not Minsk
                        tk.append(self.forms.word_tokens(ks) | acr if rec.type == "organization" else frozenset())
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
                for w in self.orgs.person_words(name):
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
            uk_only=frozenset(uk_keys - plain_keys),
        )


_BUILDER_SAVED = ("tables", "key", "forms", "groups", "orgs", "index_canonical")
"""What a saved index keeps of an :class:`EntryBuilder`."""


def build_index(
    tables: Tables, records: Iterable[EntityRecord] | None = None, index_canonical: bool = True, jobs: int = 1
) -> tuple[Index, EntryBuilder]:
    """Compile the entities of ``tables`` (or ``records``) into an :class:`Index`; the builder
    that made the entries holds the readers of words and names the resolver uses too. With
    ``jobs`` above one, persons' surname keys are made by that many processes
    (:mod:`normalize.buildjobs`)."""
    forms = WordForms(tables)
    groups = GivenNameGroups(tables, forms)
    builder = EntryBuilder(tables, forms, groups, OrgNames(tables, forms, groups), index_canonical)
    index = Index()
    recs = records if records is not None else tables.entities
    # the entries make millions of objects and no cycles: see gc_paused
    with gc_paused(long_lived=True), entries_of(builder, recs, jobs) as entries:
        for entry in entries:
            idx = len(index.entries)
            index.entries.append(entry)
            for ph in (*entry.phrases, *entry.phrase_tokens):
                for ks in ph:
                    index.add_keys(ks, idx)
            index.add_keys(entry.surname_keys, idx)
        _ = index.by_key  # the keys made into their table, the dictionary dropped
        builder.clear_memos()
    return index, builder
