"""The spellings, keys and case forms of one word of a name: its spelling under every scheme of its
language, the keys of those spellings, its Belarusian forms, the surnames it may be a case form of,
its initials, and the keys of an organisation's word (by translation and as an acronym)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from mypy_extensions import mypyc_attr

from .memo import remember
from .names import acronym_key
from .orgwords import english_reading
from .phonetic import PhoneticKey
from .pickling import restore_state, saved_state
from .schemes import Scheme, Word
from .tables import InflectionRow, RowIndex, Tables, form_of, latin_word
from .text import detect_language, script_of

SPELLINGS_MEMO_SIZE = 200_000  # words whose scheme spellings are remembered
_REPEATED_RE = re.compile(r"(.)\1+")  # a symbol written twice or more in a row
_LETTER_O = frozenset("OoОо")  # the Latin and Cyrillic o: see WordForms.acronym_keys
_O = "O"  # its letter in an acronym's key (the key of a word reads it as A)
_SAVED = ("tables", "key", "schemes", "ru_be")
"""What a saved index keeps of a :class:`WordForms` (its memos are made again)."""


@mypyc_attr(allow_interpreted_subclasses=True)  # picklable when compiled
class WordForms:
    """The forms and keys of one word, by the scheme, ``ru_be`` and inflection tables."""

    def __init__(self, tables: Tables) -> None:
        if tables.phonetic is None:
            from .errors import TableError, TableProblem

            raise TableError([TableProblem(tables.root, 1, "phonetic.yaml is missing")])
        self.tables = tables
        self.key: PhoneticKey = tables.phonetic
        self.schemes: dict[str, list[Scheme]] = {
            lang: [s for s in tables.schemes if s.language == lang] for lang in ("ru", "be")
        }
        self.ru_be = tables.ru_be
        self._clear_memos()

    def _clear_memos(self) -> None:
        self._spellings_memo: dict[tuple[str, str | None, str], tuple[str, ...]] = {}
        self._word_rows_memo: dict[str, list[InflectionRow]] = {}
        self._nominatives_memo: dict[str, tuple[tuple[str, str], ...]] = {}
        self._row_indexes: dict[int, tuple[list[InflectionRow], RowIndex]] = {}  # by the list's id
        # by script ("Cyrl": the rows of ``ru`` and ``be``; "Latn": the ``latin`` rows)
        self._case_endings_memo: dict[
            str, tuple[dict[str, list[tuple[int, list[InflectionRow], InflectionRow, str]]], int]
        ] = {}

    def __getstate__(self) -> dict[str, object]:
        return saved_state(self, _SAVED)

    def __setstate__(self, state: dict[str, Any]) -> None:
        restore_state(self, state, _SAVED)
        self._clear_memos()

    def spellings(self, word: str, language: str | None = None, kind: str = "person") -> tuple[str, ...]:
        """The word itself and, for Cyrillic, its spelling under every scheme of its language that
        spells names of ``kind`` (person, organization, place: see ``names`` of a scheme)."""
        if script_of(word) != "Cyrl":
            return (word,)
        memo = self._spellings_memo
        got = memo.get((word, language, kind))
        if got is None:
            got = remember(memo, (word, language, kind), self._spellings(word, language, kind), SPELLINGS_MEMO_SIZE)
        return got

    def _spellings(self, word: str, language: str | None, kind: str) -> tuple[str, ...]:
        lang = language or detect_language(word)
        langs = [lang] if lang else ["ru", "be"]
        out: dict[str, None] = {word: None}
        w = Word(word)
        for la in langs:
            for s in self.schemes.get(la, ()):
                if kind in s.names:
                    for v in s.variants_of(w, 8):
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

    def nominatives(self, word: str) -> tuple[tuple[str, str], ...]:
        """The keys of the surnames ``word`` may be a case form of, by the surname rows of the
        inflection table, each with the row's gender ("m", "f" or "any"): Тихановской → the key of
        Тихановская, f. A table that holds a surname in Latin letters only meets its Russian and
        Belarusian case forms so. A word in Latin letters is read by the ``latin`` rows, the case
        forms of Polish, Czech and German text (Putinem, Lukašenkovi, Cichanouskiej → the key of
        Putin, Lukašenko, Cichanouska)."""
        low = word.lower()  # (all that is read of the word: remembered by it)
        got = self._nominatives_memo.get(low)
        if got is None:
            script = "Cyrl" if low and "\u0400" <= low[0] <= "\u052f" else "Latn" if latin_word(low) else ""
            found: list[tuple[str, str]] = []  # each nominative whose row declines it, with the row's gender
            if script:
                by_form, longest = self._case_endings(script)
                hits: list[tuple[int, list[InflectionRow], InflectionRow, str]] = list(by_form.get("", ()))
                for n in range(1, min(longest, len(low) - 2) + 1):  # the word's endings, one lookup each
                    hits += by_form.get(low[-n:], ())
                hits.sort(key=lambda h: h[0])  # in the order of the table
                for _, rows, row, f in hits:
                    nominative = low[: len(low) - len(f)] + row.ending
                    g = None if row.gender == "any" else row.gender
                    if self._row_index(rows).row(nominative, g) is row:
                        found.append((nominative, row.gender))
            keys = self.key.many([nominative for nominative, _ in found])  # keyed together
            out = dict.fromkeys((k, gender) for k, (_, gender) in zip(keys, found, strict=True) if k)
            got = remember(self._nominatives_memo, low, tuple(out), SPELLINGS_MEMO_SIZE)
        return got

    def _case_endings(
        self, script: str
    ) -> tuple[dict[str, list[tuple[int, list[InflectionRow], InflectionRow, str]]], int]:
        """The case endings of the surname rows of a script that decline, each with its rows, its
        row and its place in the table; and the longest ending (made on first use)."""
        got = self._case_endings_memo.get(script)
        if got is None:
            by_form: dict[str, list[tuple[int, list[InflectionRow], InflectionRow, str]]] = {}
            order = 0
            tables = self.tables.inflection if script == "Cyrl" else self.tables.latin_inflection
            for rows in tables.values():
                for row in rows:
                    if row.whole or not row.declines:
                        continue
                    for f in row.forms:
                        by_form.setdefault(f, []).append((order, rows, row, f))
                        order += 1
            got = self._case_endings_memo[script] = (by_form, max(map(len, by_form), default=0))
        return got

    def _row_index(self, rows: list[InflectionRow]) -> RowIndex:
        """The :class:`~normalize.tables.RowIndex` of a list of rows of the tables (made on first use)."""
        got = self._row_indexes.get(id(rows))
        if got is None or got[0] is not rows:
            got = self._row_indexes[id(rows)] = (rows, RowIndex(rows))
        return got[1]

    def inflect(self, word: str, rows: list[InflectionRow], gender: str | None) -> list[str]:
        """:func:`~normalize.tables.inflect` by the :class:`~normalize.tables.RowIndex` of ``rows``
        (the row found by lookups of the word's endings, not by a walk down the table)."""
        if not rows:
            return []
        # rows of Latin letters decline words of Latin letters (``latin_words``), the others
        # Cyrillic ones
        row = self._row_index(rows).row(word, gender)
        if row is None:
            return []
        return [form_of(word, row, f) for f in row.forms]

    def word_rows(self, language: str) -> list[InflectionRow]:
        """The rows of ``inflection.yaml`` for surnames that words of other names follow too (all
        but ``kind: surname``)."""
        got = self._word_rows_memo.get(language)
        if got is None:
            got = self._word_rows_memo[language] = [
                r for r in self.tables.inflection.get(language, []) if r.kind != "surname"
            ]
        return got

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

    def acronym_keys(self, forms: Iterable[str], as_word: bool = True) -> set[str]:
        """The keys an acronym of these forms (as written, in any script) is matched by (see
        :func:`~normalize.names.acronym_key`): of its letters one by one; a Latin one also as a
        word (unless not ``as_word``), since a Cyrillic letter may be written with two (TsIK, TSIK
        for ЦИК), unless the word's
        key differs from its letters' only by a letter written twice, which the key folds as it
        folds a double consonant: each letter of an acronym is a word (APP is no AP, AAP no AP). A
        press convention's spelling of the letters is not read (German MTS for МТЗ is another
        acronym, МТС).

        The reading as a word bridges the alphabets: a Latin acronym of a mention meets a Cyrillic
        one's letters so. An entity's own Latin acronym is read as a word only when the tables give
        the entity no Cyrillic name (``as_word``): two Latin acronyms are compared letter by letter,
        since read as words they meet whenever two letters read as one sound (MTS and MTC, the
        mobile operators, are no MTZ, the tractor works: TS, C and TZ all read as ц)."""
        out: set[str] = set()
        for f in forms:
            # a letter read as itself: O is no A (MOP is no MAP, the initials of Minsk Automobile
            # Plant), which the key of a word folds as unstressed о and а
            letters = "".join(_O if c in _LETTER_O else self.key(c) for c in f if c.isalpha())
            if letters:
                out.add(acronym_key(f, letters))
            if as_word and script_of(f) == "Latn" and (k := self.key(f)):
                single = _REPEATED_RE.sub(r"\1", letters)
                if k not in (single, single.replace(_O, "A")):  # (MOP read as a word is MAP)
                    out.add(acronym_key(f, k))
        return out
