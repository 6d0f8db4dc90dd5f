"""The word lists of the tables that running text is read against in every form of a word.

Two kinds, each a small class of one job:

* :class:`ListedWords`: a list of words of ``org_words.yaml`` (``named_after``, ``state_bodies``,
  ``naming_words``, ``work_words``, ``product_words``) or of one word of a name; a word of running text is one of them
  in any of its case forms, by its key's stems (фондом: фонд) or by a final vowel (премии: премия).
* :class:`NamesakesIn`: the ``namesakes_in`` field of the entities (the states and regions where
  another place or body of the name is: Brest in Finistère, the KGB of the USSR), each word of
  each name a :class:`ListedWords`; which of them a text names, and where.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping

from .memo import remember
from .phonetic import KEY_VOWELS, PhoneticKey
from .textpatterns import composed_word

# the word forms whose namesakes' words are remembered (forms repeat by Zipf's law)
NAMESAKE_MEMO_SIZE = 200_000

# a word's key, and the stems of a key by the vocabulary's endings
WordKey = Callable[[str], str]
Stems = Callable[[str], Collection[str]]


def listed_words(words: Iterable[str], key: PhoneticKey, stems: Stems) -> ListedWords:
    """The :class:`ListedWords` of ``words``, keyed as the words of running text are (their
    letters composed, stress marks dropped)."""

    def word_key(word: str) -> str:
        return key(composed_word(word))

    return ListedWords(key.many(sorted(words)), word_key, stems)


class ListedWords:
    """Listed words, by their keys and by the keys that end in a vowel without their final vowels
    when four symbols or more are left (премия, бригада): a word of running text is one of them in
    any of its forms (see :meth:`has_key`)."""

    def __init__(self, keys: Iterable[str], word_key: WordKey, stems: Stems) -> None:
        self.whole = frozenset(k for k in keys if k)
        self.open_stems = frozenset(st for k in self.whole if len(st := k.rstrip(KEY_VOWELS)) >= 4 and st != k)
        self._word_key = word_key
        self._stems = stems

    @classmethod
    def union(cls, lists: Iterable[ListedWords], word_key: WordKey, stems: Stems) -> ListedWords:
        """One list of the words of all ``lists``."""
        got = cls((), word_key, stems)
        for listed in lists:
            got.whole |= listed.whole
            got.open_stems |= listed.open_stems
        return got

    def has_key(self, k: str) -> bool:
        """Whether the word of key ``k`` is a form of a listed word: one of its stems by the
        vocabulary's endings is a listed key (фондом: фонд), or the word and a listed word differ
        in their final vowels only (премии, премия; not прамову, a speech)."""
        if not self.whole.isdisjoint(self._stems(k)):
            return True
        st = k.rstrip(KEY_VOWELS)
        return st != k and st in self.open_stems

    def has(self, word: str) -> bool:
        """Whether ``word`` (without a full stop after it) is a form of a listed word."""
        k = self._word_key(word.rstrip("."))
        return bool(k) and self.has_key(k)


class NamesakesIn:
    """The names of states and regions where another place or body of an entity's name is
    (``namesakes_in`` of its table entry), each word read in any form; which of them a text names.

    ``names`` maps an entity's number in the index to its names there, each split into words."""

    def __init__(self, names: Mapping[int, list[list[str]]], word_key: WordKey, stems: Stems) -> None:
        self._word_key = word_key
        self._names: dict[int, list[list[ListedWords]]] = {
            i: [[ListedWords([word_key(w)], word_key, stems) for w in name] for name in entity_names]
            for i, entity_names in names.items()
        }
        self._any = ListedWords.union(
            (word for entity_names in self._names.values() for name in entity_names for word in name), word_key, stems
        )
        # word form → the (entity, name, word) of namesakes_in it is
        self.memo: dict[str, frozenset[tuple[int, int, int]]] = {}

    def __bool__(self) -> bool:
        return bool(self._names)

    def has(self, entity: int) -> bool:
        """Whether the entity number ``entity`` has namesakes elsewhere."""
        return entity in self._names

    def words_of(self, word: str) -> frozenset[tuple[int, int, int]]:
        """The words of ``namesakes_in`` (entity, name, word number) that ``word`` is a form of: a
        fact of the word form, remembered per form."""
        got = self.memo.get(word)
        if got is None:
            got = remember(self.memo, word, self._words_of(word), NAMESAKE_MEMO_SIZE)
        return got

    def _words_of(self, word: str) -> frozenset[tuple[int, int, int]]:
        """:meth:`words_of`, not remembered."""
        k = self._word_key(word)
        # (most words are none of them: asked first of all the listed words at once)
        if not k or not self._any.has_key(k):
            return frozenset()
        return frozenset(
            (i, n, j)
            for i, entity_names in self._names.items()
            for n, name in enumerate(entity_names)
            for j, listed in enumerate(name)
            if listed.has_key(k)
        )

    def named(self, entity: int, said: Iterable[tuple[int, frozenset[tuple[int, int, int]]]]) -> bool:
        """Whether the words ``said`` of a text (each with what :meth:`words_of` found of it) hold
        every word of a name where another of entity number ``entity``'s name is."""
        names = self._names.get(entity)
        if names is None:
            return False
        got = {item for _, items in said for item in items if item[0] == entity}
        return any(all((entity, n, j) in got for j in range(len(name))) for n, name in enumerate(names))

    def one_word_name(self, entity: int, word: str) -> bool:
        """Whether ``word`` is a form of a name of one word where another of entity number
        ``entity``'s name is (СССР of the KGB)."""
        names = self._names.get(entity)
        if names is None:
            return False
        k = self._word_key(word)
        return bool(k) and any(len(name) == 1 and name[0].has_key(k) for name in names)
