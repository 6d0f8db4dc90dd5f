"""What stands beside a person's name in running text and tells who it is: a title, a verb whose
past tense gives the gender, a word of generations (Jr, младший), a family in the plural."""

from __future__ import annotations

from collections.abc import Container

from .beside import WordsBeside
from .dates import sentence_around
from .nameparts import GIVEN, TITLE, NameParts
from .tables import Tables, inflect
from .text import is_cyrillic
from .textpatterns import (
    DASHES,
    FEMININE_PAST_RE,
    LETTERS_RE,
    MASCULINE_PAST_RE,
)


class PersonContext:
    """Reads the words beside a person's name (see the module)."""

    def __init__(self, beside: WordsBeside, parts: NameParts, tables: Tables) -> None:
        self.beside = beside
        self.parts = parts
        self.tables = tables
        self._sentence_words = tables.sentence_words
        self._oblique: frozenset[str] | None = None

    def titled(self, text: str, start: int, nominative: bool = False) -> bool:
        """Whether a title stands just before ``start`` (President, г-н, міністра); with
        ``nominative``, one that is no case form of another title (министр, not министра)."""
        got = self.beside.word_before(text, start, 0)
        if got is None:
            return False
        if got[1].casefold() in self.tables.title_initials and self.title_language(text, got[0]):
            return True  # M. in a French sentence (Monsieur)
        if self.parts.kind(got[1]) != TITLE:
            return False
        return not nominative or got[1].casefold().rstrip(".") not in self._oblique_titles()

    def given_name_after_a_name_title(self, text: str, s: int, e: int) -> bool:
        """Whether ``text[s:e]``, one word, is a given name after a title put before a given name
        alone (``name_titles`` of ``titles.yaml``: Патриарх Тихон, Pope Francis): that given name,
        not the surname its key also spells."""
        word = text[s:e]
        if not word.isalpha() or self.parts.kind(word) != GIVEN:
            return False
        got = self.beside.word_before(text, s, 0)
        return got is not None and got[1].casefold() in self.tables.name_titles

    def surname_as_a_word(self, text: str, s: int) -> bool:
        """Whether the surname at ``s`` follows a word that speaks of a surname (``surname_words``
        of ``titles.yaml``: с фамилией Зеленский, by the surname Lukashenko): the name as a word,
        which anyone may bear."""
        got = self.beside.word_before_name(text, s)
        return got is not None and got[1].casefold() in self.tables.surname_words

    def _oblique_titles(self) -> frozenset[str]:
        """The titles that are a case form of another title by the inflection table's rows of
        words (президента, міністрам): made on first use."""
        if self._oblique is None:
            titles, tables = self.tables.titles, self.tables
            forms: set[str] = set()
            for la in ("ru", "be"):
                word_rows = [r for r in tables.inflection.get(la, []) if r.kind != "surname"]
                for rows in (tables.word_inflection.get(la, []), word_rows):
                    forms.update(f.lower() for t in titles for g in ("m", "f", "n") for f in inflect(t, rows, g))
            self._oblique = frozenset(forms & titles)
        return self._oblique

    def title_language(self, text: str, pos: int) -> bool:
        """Whether the sentence around ``pos`` holds two of the words of the language that writes a
        title as an initial (``title_initial_words`` of ``titles.yaml``: the French le, est, pour),
        within its line."""
        words = self.tables.title_initial_words
        lo = text.rfind("\n", 0, pos) + 1
        hi = text.find("\n", pos)
        lo, hi = sentence_around(text, pos, pos, lo, len(text) if hi < 0 else hi)
        found = {w for m in LETTERS_RE.finditer(text, lo, hi) if (w := m.group().casefold()) in words}
        return len(found) >= 2

    def past_tense_gender_after(self, text: str, end: int) -> str | None:
        """The gender a verb in the past tense right after ``text[:end]`` gives its subject, "f" or
        "m", else None: Russian, Belarusian and Ukrainian agree it with the subject, -ла (-лась,
        -лася) of a woman, -л (-лся) and the Belarusian -ў of a man, after the vowel of the stem
        (Цапкала выехала is a woman; not a word that opens sentences: зноў, again)."""
        got = self.beside.word_after(text, end, len(text))
        if got is None or got[2] or got[3]:
            return None
        w = got[1]
        if len(w) < 4 or not w.islower() or not is_cyrillic(w[0]) or w in self._sentence_words:
            return None
        if FEMININE_PAST_RE.search(w):
            return "f"
        return "m" if MASCULINE_PAST_RE.search(w) else None

    def generation_after(self, text: str, end: int) -> bool:
        """Whether a word that tells relatives of one name apart (``generations`` of
        ``titles.yaml``: Jr, младший, fils) stands right after ``text[:end]``, after a blank or
        joined by a hyphen (Лукашенко-младший, Loukachenko Jr)."""
        if end < len(text) and text[end] in DASHES:
            m = LETTERS_RE.match(text, end + 1)
            word = m.group() if m is not None else ""
        else:
            after = self.beside.word_after(text, end, len(text))
            word = after[1] if after is not None and not after[2] else ""
        return bool(word) and (
            word.casefold() in self.tables.generations or word.casefold() + "." in self.tables.generations
        )

    def family_plural(self, text: str, s: int, e: int, spellings: Container[str]) -> bool:
        """Whether ``text[s:e]`` may be a surname or a place's name in the plural of a family: one
        word in Latin letters that is one of ``spellings`` (an entity's, in small letters) with -s
        or -es after it, right after a definite article that names a family so (``plural_articles`` of
        ``titles.yaml``: the Lukashenkos, the Slonims, die Lukaschenkos). The caller asks whether
        the word is a name as the tables write it (the Vilnius office)."""
        word = text[s:e]
        if not (word.isalpha() and word[-1] in "sS" and word.isascii()) or len(word) < 4:
            return False
        before = self.beside.word_before(text, s, 0)
        if before is None or before[1].casefold() not in self.tables.plural_articles:
            return False
        bare = word.lower()[:-1]
        return bare in spellings or (bare.endswith("e") and bare[:-1] in spellings)
