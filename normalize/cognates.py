"""The given names of the cognates table by group (Аляксандр = Александр = Alexander = Aliaksandr):
which group a written given name belongs to, the keys, initials and case forms of each group, and
what the given names and patronymics of an entity give for matching."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mypy_extensions import mypyc_attr

from .givennames import GivenNames
from .memo import remember
from .namekeys import PATRONYMIC_SUFFIXES, patronymic_case_keys
from .pickling import restore_state, saved_state
from .tables import CognateSet, Tables, inflect
from .text import detect_language, script_of
from .textpatterns import MIN_KEYED_GIVEN_LETTERS
from .wordforms import WordForms

_SAVED = (
    "forms", "tables", "key", "cognates", "_cognate_keys", "_cognate_stems", "_group_keys", "_group_initials",
    "_group_case_forms", "_group_forms",
)  # fmt: skip
"""What a saved index keeps of a :class:`GivenNameGroups` (the given names are made again from the
tables, the memos of the build are not kept)."""


# the case endings of given names in Łacinka, Polish and Czech (Ryhora, Ryhoru, Ryhoram, Sviatlany,
# Mikołę, Kastusiem), and in Lithuanian, whose names take -as, -is, -us or -a in the nominative and
# decline so (Siarhejaus, Siarhejui of Siarhejus; Aliaksandro of Aliaksandras; Sviatlanos,
# Sviatlanai of Sviatlana; Alesio of Alesis: Dabartinės lietuvių kalbos gramatika), longest first;
# and a soft consonant written before a vowel (Kastusia: Kastuś)
_LATIN_CASE_ENDINGS = (
    *("iaus", "iumi", "iuje"),
    *("owi", "ovi", "ami", "aus", "umi", "uje", "iui", "oje", "yje"),
    *("am", "om", "em", "ej", "oj", "aj", "ie", "ui", "io", "iu", "os", "ai"),
    *("a", "u", "e", "y", "i", "ę", "ą", "o", "ų", "į"),
)
_SOFTENED = {"si": "ś", "zi": "ź", "ci": "ć", "ni": "ń"}
LATIN_MEMO_SIZE = 100_000  # words whose readings as given names are remembered


@mypyc_attr(allow_interpreted_subclasses=True)  # picklable when compiled
class GivenNameGroups:
    """The cognate sets of given names, and the parts of a person's entry they give."""

    def __init__(self, tables: Tables, forms: WordForms) -> None:
        self.forms = forms
        self.tables = tables
        self.key = forms.key
        self.cognates: list[CognateSet] = tables.cognates
        self.given_names = GivenNames(tables)
        self._cognate_keys: dict[str, list[int]] = {}
        self._cognate_stems: dict[str, list[int]] = {}
        self._group_keys: list[frozenset[str]] = []
        self._group_initials: list[frozenset[str]] = []
        self._group_case_forms: list[frozenset[str]] = []
        self._group_forms: list[frozenset[str]] = []  # each set's forms as written, lower case
        self._clear_memos()
        for gi, c in enumerate(tables.cognates):
            keys: set[str] = set()
            initials: set[str] = set()
            for form in c.forms:
                for v in self.forms.spellings(form):
                    k = self.key(v)
                    if k:
                        keys.add(k)
                        initials |= self.forms.initials_of(v)
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

    def _clear_memos(self) -> None:
        # the parts that depend on the given names or patronymics alone (build time only)
        self._given_memo: dict[
            tuple[tuple[str, ...], str | None], tuple[frozenset[str], frozenset[str], frozenset[str]]
        ] = {}
        self._patronymic_memo: dict[tuple[str, ...], tuple[frozenset[str], frozenset[str], frozenset[str]]] = {}
        # the given names each word in Latin letters is a case form of (see latin_nominatives)
        self._latin_memo: dict[str, list[str]] = {}
        self._is_given_memo: dict[str, bool] = {}  # whether each word is a given name

    def __getstate__(self) -> dict[str, object]:
        return saved_state(self, _SAVED)

    def __setstate__(self, state: dict[str, Any]) -> None:
        restore_state(self, state, _SAVED)
        self.given_names = GivenNames(self.tables)
        self._clear_memos()

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

    def is_given_name(self, word: str) -> bool:
        """Whether ``word`` is a given name: of the given-names table or its case forms (see
        :class:`~normalize.givennames.GivenNames`), of the cognates table in any spelling (by key),
        or in Latin letters a case form of one of them (see :meth:`latin_nominatives`)."""
        got = self._is_given_memo.get(word)
        if got is None:
            got = remember(
                self._is_given_memo,
                word,
                self._is_given_as_written(word) or bool(self.latin_nominatives(word)),
                LATIN_MEMO_SIZE,
            )
        return got

    def _is_given_as_written(self, word: str) -> bool:
        if self.given_names.is_given(word):
            return True
        k = self.key(word)
        groups = self._cognate_keys.get(k) if k else None
        if not groups:
            return False
        if len(word) < MIN_KEYED_GIVEN_LETTERS:  # (Ян as a set writes it; not En, On, So, За, Он)
            low = word.lower()
            return any(low in self._group_forms[g] for g in groups)
        return True

    def latin_nominatives(self, word: str) -> list[str]:
        """The given names a word in Latin letters is a case form of, by the case endings of the
        Slavic languages written in Latin letters (Łacinka, Polish, Czech) and of Lithuanian: the
        ending taken off, a feminine -a put back, a soft consonant written before a vowel (si, zi,
        ci, ni) made one letter again (Ryhora, Ryhoru of Ryhor; Sviatlany of Sviatlana; Kastusia of
        Kastuś; Alaksandrem of Alaksandr; Siarhejaus of Siarhejus). Empty for a word of Cyrillic
        letters or a name as written."""
        got = self._latin_memo.get(word)
        if got is None:
            got = remember(self._latin_memo, word, self._latin_nominatives(word), LATIN_MEMO_SIZE)
        return got

    def _latin_nominatives(self, word: str) -> list[str]:
        if not word or script_of(word) != "Latn":
            return []
        out: list[str] = []
        for ending in _LATIN_CASE_ENDINGS:
            if not word.endswith(ending) or len(word) - len(ending) < 3:
                continue
            stem = word[: len(word) - len(ending)]
            softened = _SOFTENED.get(stem[-2:], "") if len(stem) > 3 else ""
            for nominative in (stem, stem + "a", stem[:-2] + softened if softened else ""):
                if nominative and nominative not in out and self._is_given_as_written(nominative):
                    out.append(nominative)
        return out

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

    def given_parts(
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
            g_keys |= self.forms.keys_of([g])
            g_cases |= self.case_forms([g], None, gender)
            for v in self.forms.spellings(g):
                g_init |= self.forms.initials_of(v)
            groups += self.given_groups(g, gender)
        for gi in groups:
            g_keys |= self._group_keys[gi]
            g_init |= self._group_initials[gi]
            g_cases |= self._group_case_forms[gi]
        got = self._given_memo[(givens, gender)] = (frozenset(g_keys), frozenset(g_init), frozenset(g_cases))
        return got

    def patronymic_parts(self, patrs: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        """Keys and initials of patronymics (with the other forms of the father's name), and the
        keys of their case forms; shared like :meth:`given_parts`."""
        got = self._patronymic_memo.get(patrs)
        if got is not None:
            return got
        p_keys: set[str] = set()
        p_init: set[str] = set()
        p_groups: list[int] = []
        for p in patrs:
            p_keys |= self.forms.keys_of([p])
            for v in self.forms.spellings(p):
                p_init |= self.forms.initials_of(v)
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
