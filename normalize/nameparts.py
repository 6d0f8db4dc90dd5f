"""What a word beside a name is (a given name, a patronymic, initials, a title), and what an anchor
word names: the two facts of a word the span finder and the readers of a name's context share."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from .index import EntityEntry
from .memo import remember
from .namekeys import patronymic_gender
from .phonetic import PhoneticKey
from .tables import Tables
from .textpatterns import APOSTROPHE_CHARS, INITIALS_RE, MIN_KEYED_GIVEN_LETTERS, WORD_MEMO_SIZE, composed_word


class Anchored:
    """The entities an anchor names (by the key of its word), with what widening a span around it
    reads: the key sets a word beside it may fit (given names, patronymics, name words), the letters
    of the initials, the case forms of the given names as written, and for organisations the keys
    and the forms of their name words (the lower-case, inflected words of a name in running text)."""

    __slots__ = (
        "case_forms", "fit_sets", "fitting", "idxs", "initials", "org", "org_forms", "org_words", "person", "phrase",
        "place",
    )  # fmt: skip

    def __init__(self, idxs: tuple[int, ...], entries: list[EntityEntry]) -> None:
        self.idxs = idxs
        self.fitting: dict[tuple[str, bool], bool] = {}  # (word, org) → whether it fits (SpanFinder.fits)
        self.org = any(e.record.type == "organization" for e in entries)
        self.person = any(e.record.type == "person" for e in entries)
        self.place = any(e.record.type == "place" for e in entries)
        self.phrase = any(e.record.type != "person" for e in entries)  # a name of several words
        self.fit_sets: tuple[frozenset[str], ...] = tuple(
            ks for e in entries for ks in (e.given_keys, e.patronymic_keys, e.patronymic_case_keys, e.word_keys) if ks
        )
        self.initials: frozenset[str] = frozenset().union(*(e.given_initials | e.patronymic_initials for e in entries))
        self.case_forms: frozenset[str] = frozenset().union(*(e.given_case_forms for e in entries))
        orgs = [e for e in entries if e.record.type == "organization"]
        self.org_words: frozenset[str] = frozenset().union(*(e.word_keys for e in orgs))
        self.org_forms: Mapping[str, str] = (
            orgs[0].surfaces if len(orgs) == 1 else {f: k for e in orgs for f, k in e.surfaces.items()}
        )


# what a word beside a name is
NONE, GIVEN, PATRONYMIC, INITIALS, TITLE = 0, 1, 2, 3, 4


class NameParts:
    """Tells what a word beside a name is: a given name (of the cognates table, in any language,
    script and case), a patronymic (by the key's ending: -ович, -ovna, -авіч, their case forms),
    initials, a title (President, г-н), or none of these. Remembered per word form."""

    def __init__(
        self,
        tables: Tables,
        key: PhoneticKey,
        is_given: Callable[[str], bool],
        is_nominative: Callable[[str], bool],
        given_keys: frozenset[str] = frozenset(),
        not_given: frozenset[str] = frozenset(),
    ):
        self._key = key
        self._titles = tables.titles
        self._not_given = not_given  # words that open sentences and no given name is (Але, Вчера)
        self._is_given = is_given
        self._given_keys = given_keys  # the keys of the given names of the tables' persons
        self.is_nominative = is_nominative
        self._memo: dict[str, int] = {}

    def kind(self, word: str) -> int:
        got = self._memo.get(word)
        if got is None:
            got = self._kind(word)
            remember(self._memo, word, got, WORD_MEMO_SIZE)
        return got

    def _kind(self, word: str) -> int:
        if INITIALS_RE.fullmatch(word):
            # an initial is a capital: г. Менска is the city's (горад) abbreviation, not a name's
            return INITIALS if word[0].isupper() else NONE
        w = composed_word(word.rstrip(".").rstrip(APOSTROPHE_CHARS))
        low = w.lower()
        if low in self._titles:
            return TITLE  # in lower case too: президент Лукашенко, міністра Хрэніна
        if not w or not w[0].isupper():
            return NONE
        if len(w) < 2 or low in self._not_given:
            return NONE
        if self._is_given(w):
            return GIVEN
        parts = [p for p in w.split("-") if p] if "-" in w else []
        if parts and all(self._is_given(p) or INITIALS_RE.fullmatch(p.rstrip(".") + ".") for p in parts):
            return GIVEN  # a compound given name: Wolf-Dietrich, Hans-J., Жан-Клод
        k = self._key(w)
        if not k:
            return NONE
        if k in self._given_keys and len(w) >= MIN_KEYED_GIVEN_LETTERS:
            return GIVEN
        if patronymic_gender(k) is not None:
            return PATRONYMIC
        return NONE
