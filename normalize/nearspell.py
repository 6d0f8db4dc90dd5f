"""Whether a word of a mention is spelled as an entity's name word: one of the spellings the index
made of it (for short keys, which many unrelated words share), or a near spelling of the nearest
of them in the word's alphabet, letter by letter (for keys that are near, not equal)."""

from __future__ import annotations

from rapidfuzz import process as rf_process
from rapidfuzz.distance import Levenshtein

from .index import EntityEntry
from .text import is_cyrillic, script_of
from .wordforms import WordForms


class NearSpellings:
    """Compares a word with the spellings the index made of an entity's name words."""

    def __init__(self, forms: WordForms) -> None:
        self.forms = forms
        self.key = forms.key
        self._by_script: dict[str, dict[str, list[str]]] = {}  # an entity's spellings by alphabet

    def near_word(self, word: str, e: EntityEntry, gaps: bool = False) -> bool:
        """Whether ``word``, of a key near one of the entity's (a surname, a word of a name), is a
        near spelling of the nearest spelling the index made of the entity's name words in the
        word's alphabet (the word itself, or for a Cyrillic word its spellings under every scheme
        when the entity has none in Cyrillic): see :meth:`~normalize.phonetic.PhoneticKey.near_spelling`."""
        low = word.lower()
        by_script = self._by_script.get(e.record.id)
        if by_script is None:
            by_script = self._by_script[e.record.id] = {}
            for sp in e.surfaces:
                by_script.setdefault(script_of(sp), []).append(sp)
        mine = [low]
        if script_of(low) == "Cyrl" and "Cyrl" not in by_script:
            mine = [v.lower() for v in self.forms.spellings(word)]
        best: tuple[int, str, str] | None = None
        for w in mine:
            pool = by_script.get(script_of(w))
            if not pool:
                continue
            got = rf_process.extractOne(w, pool, scorer=Levenshtein.distance)
            if got is not None and (best is None or got[1] < best[0]):
                best = (int(got[1]), w, got[0])
        if best is None:
            return True  # nothing in the alphabet to compare with: the keys decided
        return self.key.near_spelling(best[1], best[2], gaps)

    def transposed(self, word: str, e: EntityEntry) -> bool:
        """Whether ``word`` is one of the spellings the index made of the entity's name words with
        two letters next to each other swapped (Minks of Minsk): a slip of typing, not another
        word of the stem."""
        low = word.lower()
        surfaces = e.surfaces
        return any(
            low[:i] + low[i + 1] + low[i] + low[i + 2 :] in surfaces
            for i in range(len(low) - 1)
            if low[i] != low[i + 1]
        )

    def spelled_as(self, word: str, e: EntityEntry) -> bool:
        """Whether ``word`` is written as one of the spellings the index made of the entity's name
        words (under any scheme, in any case form), or, for a Cyrillic word, is spelled so by one
        of its schemes or meets a Cyrillic name of the entity: for short keys, which many unrelated
        words of other languages share."""
        spelled = e.short_spellings
        if word.lower() in spelled:
            return True
        if is_cyrillic(word[0]) and any(is_cyrillic(v[0]) for v in spelled):
            return True  # Cyrillic for Cyrillic: the key folds their spellings (Расея, Расія)
        return any(v.lower() in spelled for v in self.forms.spellings(word))
