"""A place's name that is a part of another word of places: the first word of another town's name
(Mińsk Mazowiecki), the name of the unit around the town (the Minsk region, Мінська область), the
adjective made from it (в Минском районе, Беліцкага павета)."""

from __future__ import annotations

import re
from collections.abc import Callable

from .beside import WordsBeside
from .index import Index
from .nameparts import NONE, Anchored, NameParts
from .phonetic import PhoneticKey
from .places import Places
from .tables import Tables
from .text import is_cyrillic
from .textpatterns import (
    ABBREVIATION_RE,
    CONJUNCTIONS,
    INSTRUMENTAL,
    LIST_GAP_RE,
    LOCATIVE_ONLY,
    MAX_NAME_WORDS,
    NOMINATIVE_ADJECTIVE,
    OBLIQUE_NOUN_RE,
    UNIT_OF,
    composed_word,
    sentence_start,
    word_joined_before,
)
from .wordlists import listed_words

# a word in small letters joined to a name by a hyphen or a dash (Mogilev-provinsen, Mogilev - regionen)
_JOINED_UNIT_RE = re.compile(r"(?:-|[ \t\u00a0]+[-–—][ \t\u00a0]+)([^\W\d_]+)")
_JOINED_WORD_RE = re.compile(r"-([^\W\d_]+)(?![\w-])")  # a word joined by a hyphen, the compound's last
_REALM_REACH = 40  # how far before a place's name a realm's words are looked for


def _casefolded(word: str) -> str:
    """A pattern of a word the word lists hold casefolded, that finds it as written too: the ss of
    a German ß (Großfürst, listed as grossfürst)."""
    return re.escape(word).replace("ss", "(?:ss|ß)")


_HYPHENS = frozenset("-\u2010\u2011")  # the hyphens of a compound name (Pologne-Lituanie)
_LIST_REACH = 6  # the names of a list read back to the word for their units
_ITEM_REACH = 40  # how far before a name of a list the name before it and its comma are looked for
_ITEM_AND_COMMA_RE = re.compile(r"([^\W\d_][^\W\d_'’-]*)[ \t\u00a0]*,[ \t\u00a0]*\Z")
# the conjunctions of the languages written in Latin letters that join two towns' names
_LATIN_AND = frozenset(
    ("and", "or", "und", "oder", "et", "ou", "y", "e", "i", "a", "och", "og", "ja", "és", "ir", "un")
)


class PlaceContext:
    """Tells whether a place's name in running text is a part of another word of places (see the
    module)."""

    def __init__(
        self, beside: WordsBeside, parts: NameParts, index: Index, places: Places, tables: Tables, key: PhoneticKey,
        word: Callable[[str], tuple[str, Anchored | None]],
    ) -> None:  # fmt: skip
        self.beside = beside
        self.parts = parts
        self.index = index
        self.places = places
        self.tables = tables
        self.key = key
        self.word = word  # a word's key and what it anchors (SpanFinder.word)
        self._function_words = tables.vocabulary.function_words
        self._sentence_words = tables.sentence_words
        realms = sorted(tables.realm_words, key=len, reverse=True)
        self._realm_last_words = frozenset({w.split()[-1] for w in realms} | {"the"})
        self._realm_re = (
            re.compile(
                r"(?<![^\W_])(?:" + "|".join(r"[ \t\u00a0]+".join(map(_casefolded, w.split())) for w in realms) + r")"
                r"[ \t\u00a0]+(?:the[ \t\u00a0]+)?\Z",
                re.IGNORECASE,
            )
            if realms
            else None
        )
        self._realm_text: tuple[str, bool] = ("", False)  # the text read last, and whether it holds one
        self._unit_words = listed_words(
            (w for w in tables.region_words if is_cyrillic(w[0])), key, tables.vocabulary.stems
        )

    def in_a_realm_name(self, text: str, s: int) -> bool:
        """Whether the place's name at ``s`` follows a word for a realm of the past with its
        preposition (``realm_words`` of ``org_words.yaml``: the Grand Duchy of Lithuania, the Kingdom
        of Poland, das Großfürstentum Litauen): the realm's name, not the state or town of today;
        and so is a name joined by a hyphen to such a name, the second of a union's (le duché de
        Pologne-Lituanie)."""
        if self._realm_re is None:
            return False
        joined = word_joined_before(text, s, _HYPHENS)
        if joined >= 0:
            return text[joined].isupper() and self.in_a_realm_name(text, joined)
        before = self.beside.word_before(text, s, 0)  # (the regex only after a realm's last word)
        if before is None or before[1].casefold() not in self._realm_last_words:
            return False
        return self._realm_re.search(text, max(0, s - _REALM_REACH), s) is not None

    def before_a_realm_word(self, text: str, e: int) -> bool:
        """Whether the place's name ending at ``e`` stands right before a word for a realm of the
        past that the Baltic and Finnic languages put after the state's name in the genitive, or
        before one adjective and such a word (``realm_words_after`` of ``org_words.yaml``:
        Lietuvos Didžiosios Kunigaikštystės, Liettuan suuriruhtinaskunta, the Polotsk principality)."""
        heads = self.tables.realm_words_after
        if not heads or not self._holds_realm_word_after(text):
            return False
        pos = e
        for _ in range(2):
            after = self.beside.word_after(text, pos, len(text))
            if after is None or after[2] or after[3]:
                return False
            if after[1].casefold().startswith(heads):
                return True
            pos = after[0]
        return False

    def _holds_realm_word_after(self, text: str) -> bool:
        """Whether ``text`` holds a word of ``realm_words_after`` at all: read once per text (the
        text read last is remembered)."""
        memo = self._realm_text
        if memo[0] is not text:
            low = text.casefold()  # (substring tests of the casefolded text: a fourth of a regex's instructions)
            memo = self._realm_text = (text, any(w in low for w in self.tables.realm_words_after))
        return memo[1]

    def longer_town_name_end(self, text: str, s: int, e: int) -> int:
        """The end of another town's name that the place's name ``text[s:e]`` in Latin letters
        opens, else -1: a capitalised adjective right after it that qualifies a town's name
        (``toponym_qualifiers`` of ``inflection.yaml``: Mińsk Mazowiecki, w Mińsku Mazowieckim,
        Brześć Kujawski), or such an adjective cut short (Mińska Maz. są …: a capitalised word
        with a full stop that a word in small letters follows). The adjective names nothing of
        the tables (not a surname of ours); in either alphabet, such an adjective joined to it by a
        hyphen (Могилёв-Подольский, Mohyliv-Podilskyi). Not the adjective of a state, which names the
        town itself by its state (Mińsk Litewski, Брест-Литовский)."""
        joined = _JOINED_WORD_RE.match(text, e)
        if joined is not None:
            w = joined.group(1)
            return joined.end() if self.qualifies_a_town(w) and self.word(w)[1] is None else -1
        if is_cyrillic(text[s]):
            return -1
        after = self.beside.word_after(text, e, len(text))
        if after is None or after[2] or after[3]:
            return -1
        end, w = after[0], after[1]
        if not w[:1].isupper() or (w.isupper() and not text[s:e].isupper()):
            return -1  # (in capitals, the adjective of a name written in capitals: MIŃSK MAZOWIECKI)
        cut = ABBREVIATION_RE.match(text, end)
        if cut is not None and cut.group(1).islower() and len(w) <= 4:
            return end + 1  # cut short: the full stop is the adjective's (Maz. is no MAZ)
        if w.lower().endswith(self.tables.toponym_qualifier_endings) and self.parts.kind(w) == NONE:
            return end if self.word(w)[1] is None and not self._of_a_state(w) else -1
        return -1

    def qualifies_a_town(self, word: str) -> bool:
        """Whether a capitalised word joined to a town's name by a hyphen makes another town's name:
        an adjective made from a place's name or qualifying a town's (``place_adjectives`` and
        ``toponym_qualifiers`` of ``inflection.yaml``: Могилёв-Подольский, Mohyliv-Podilskyi), but
        not the adjective of a state, which names the town itself by its state (Брест-Литовский,
        Brest-Litovsk, the historical name of Brest)."""
        low = word.lower()
        if not word[:1].isupper():
            return False
        if not (
            low.endswith(self.tables.place_adjective_endings) or low.endswith(self.tables.toponym_qualifier_endings)
        ):
            return False
        return not self._of_a_state(word)

    def _of_a_state(self, adjective: str) -> bool:
        """Whether an adjective is made from a state's name (Литовский, Litewski: Lithuania's)."""
        return True in self.places.sound_kinds(self.key(composed_word(adjective)))

    def names_a_region(self, text: str, s: int, e: int, place: int) -> bool:
        """Whether the place's name ``text[s:e]`` stands right beside a word for an administrative
        unit (``region_words`` of ``org_words.yaml``), and so names the unit around the town, not
        the town: after it (the Minsk region, Vitsyebsk oblast; in Cyrillic the Ukrainian and
        Bulgarian adjective that is spelled as the town's genitive, Мінська область, Витебска
        област) or, in Latin letters, before it (Gebiet Witebsk, der Bezirk Orscha), or with of or
        de between, when the place (its number in the index) lies in a state (its ``country``) and
        no capitalised name of the unit stands before the word (the region of Brest; not the
        Frunzensky district of Minsk, the town it lies in, nor the Grodno region of Belarus)."""
        units = self.tables.region_words
        after = self.beside.word_after(text, e, len(text))
        if after is not None and not after[2] and not after[3] and after[1].casefold() in units:
            return True
        if is_cyrillic(text[s]):
            return False
        joined = _JOINED_UNIT_RE.match(text, e)  # a hyphen or a dash between (Mogilev-provinsen)
        if joined is not None and joined.group(1).casefold() in units:
            return True
        if self._unit_after_a_list(text, e):
            return True
        before = self.beside.word_before(text, s, 0)
        if before is None:
            return self._unit_before_a_list(text, s, e)  # (after a comma)
        if before[1].casefold() in units:
            return True
        if self.index.entries[place].record.country and (unit := self._unit_of(text, before)) is not None:
            name = self.beside.word_before(text, unit, 0)  # the unit's own name (the Frunzensky district)
            return name is None or not name[1][:1].isupper() or sentence_start(text, name[0])
        return self._unit_before_a_list(text, s, e)

    def _unit_of(self, text: str, before: tuple[int, str]) -> int | None:
        """Where a word for an administrative unit starts that the words ending with ``before``
        (the word before a town's name) join to the name: of, de or di after the word, or after
        one word in small letters after it, an adjective (the region of Brest, la región
        bielorrusa de Grodno, la regione occidentale di Gomel), or de and one such word (regiunea
        de vest Hrodno, the Romanian region of the west); else None."""
        units = self.tables.region_words
        words = [before]
        for _ in range(2):
            got = self.beside.word_before(text, words[-1][0], 0)
            if got is None:
                break
            words.append(got)
        for i in range(1, len(words)):
            between = [w for _, w in words[:i]]
            joins = sum(w.casefold() in UNIT_OF for w in between)
            if (
                words[i][1].casefold() in units
                and joins == 1
                and all(w.casefold() in UNIT_OF or w.islower() for w in between)
            ):
                return words[i][0]
        return None

    def _conjunction_after(self, text: str, e: int) -> bool:
        """Whether the list of capitalised names that the name ending at ``e`` is one of goes on to
        a conjunction and a last name (Gomel, Mogilew und Witebsk)."""
        pos = e
        for _ in range(_LIST_REACH):
            got = self.beside.word_after(text, pos, len(text))
            if got is None:
                return False
            end, word, comma, _ = got
            if word.casefold() in _LATIN_AND and not comma:
                last = self.beside.word_after(text, end, len(text))
                return last is not None and not last[2] and last[1][:1].isupper()
            if not (comma and word[:1].isupper()):
                return False
            pos = end
        return False

    def _unit_after_a_list(self, text: str, e: int) -> bool:
        """Whether the name ending at ``e`` in Latin letters is one of a list of capitalised names,
        joined by commas and a conjunction, before a word for administrative units (the Mogilev
        and Smolensk regions, the Gomel, Mogilev and Vitebsk regions; commas alone are an address:
        Zhlobin, Gomel Region)."""
        pos, joined = e, False
        for _ in range(_LIST_REACH):
            got = self.beside.word_after(text, pos, len(text))
            if got is None:
                return False
            end, word, comma, quoted = got
            if word.casefold() in self.tables.region_words:
                return joined and not comma and not quoted
            if word.casefold() in _LATIN_AND and not comma:
                got = self.beside.word_after(text, end, len(text))
                if got is None or got[2] or not got[1][:1].isupper():
                    return False
                pos, joined = got[0], True
            elif comma and word[:1].isupper():
                pos = end
            else:
                return False
        return False

    def _unit_before_a_list(self, text: str, s: int, e: int) -> bool:
        """Whether the name at ``s`` in Latin letters is one of a list of capitalised names, joined
        by commas and a conjunction, after a word for administrative units (die Gebiete Gomel,
        Mogilew und Witebsk; commas alone are an address: Belarus, Grodno region, Lida)."""
        pos, joined = s, False
        for _ in range(_LIST_REACH):
            comma = self.beside.sign_before(text, pos, 0) == ","
            item = _ITEM_AND_COMMA_RE.search(text, max(0, pos - _ITEM_REACH), pos) if comma else None
            if item is not None:  # a name and a comma before it
                if not item.group(1)[:1].isupper():
                    return False
                pos = item.start(1)
                continue
            got = self.beside.word_before(text, pos, 0)
            if got is None:
                return False
            at, word = got
            if word.casefold() in self.tables.region_words:
                return joined or self._conjunction_after(text, e)
            if word.casefold() not in _LATIN_AND:
                return False
            got = self.beside.word_before(text, at, 0)
            if got is None or not got[1][:1].isupper():
                return False
            pos, joined = got[0], True
        return False

    def adjective_of_place(self, text: str, s: int, e: int) -> bool:
        """Whether the one word ``text[s:e]``, a case form of a place's name that is also a form of
        the adjective made from it (``place_adjectives`` of ``inflection.yaml``: the Russian
        instrumental Минском, also the adjective's locative), is the adjective here: after a
        preposition of the locative (в Минском районе, на Минском автозаводе), or, with no
        preposition of the instrumental before it (под Минском), before a noun in small letters in
        the locative or instrumental (Слуцком районе), over a list of such adjectives (в Копыльском,
        Слуцком и Солигорском районах)."""
        ends = self.tables.place_adjective_endings
        if not text[s:e].lower().endswith(ends):
            return False
        pos = s  # back over the list of adjectives before it
        while True:
            got = self.beside.word_before(text, pos, 0)
            if got is None:
                break
            w = got[1].lower()
            if w in LOCATIVE_ONLY:
                return True
            if w in INSTRUMENTAL or not (w.endswith(ends) and LIST_GAP_RE.search(text, got[0], pos)):
                if w in INSTRUMENTAL:
                    return False
                break
            pos = got[0]
        pos = e  # on over the list of adjectives after it, to the noun
        for _ in range(MAX_NAME_WORDS):
            after = self.beside.word_after(text, pos, len(text))
            if after is None or after[3]:
                return False
            w = after[1]
            if (w[:1].isupper() and w.lower().endswith(ends)) or w in CONJUNCTIONS:
                pos = after[0]  # another adjective of the list (Солигорском), or the и before it
                continue
            low = w.lower()
            return (
                not after[2]  # (a comma: another phrase, Минском, нашей столицей)
                and w[:1].islower()
                and is_cyrillic(w[0])
                and len(w) > 3
                and low not in self._function_words
                and low not in self._sentence_words  # (pronouns, conjunctions: и, все, этом)
                and OBLIQUE_NOUN_RE.search(w) is not None
            )
        return False

    def unit_adjective(self, text: str, s: int, e: int) -> bool:
        """Whether the one word ``text[s:e]`` with an adjective's ending (``place_adjectives`` of
        ``inflection.yaml``) in an oblique case is followed by a Cyrillic noun of an administrative
        unit (``region_words`` of ``org_words.yaml``, by stem): the adjective of the unit's name
        (Беліцкага павета, Калиновского района), no surname; a nominative may be a surname before
        its object (Бяляцкі раён наведаў)."""
        word = text[s:e]
        if word.lower().endswith(NOMINATIVE_ADJECTIVE) or not self.adjective_key(word):
            return False
        after = self.beside.word_after(text, e, len(text))
        return after is not None and not after[2] and not after[3] and self._unit_words.has(after[1])

    def adjective_key(self, word: str) -> str:
        """The key of ``word`` when it ends as an adjective made from a place's name does
        (``place_adjectives`` of ``inflection.yaml``); "" when it does not."""
        if not word.lower().endswith(self.tables.place_adjective_endings):
            return ""
        return self.key(composed_word(word))
