"""Where the names are in running text: the spans the rewrite pass asks the resolver about.

The path of a text: capitalised words (one regex over the text) → each word's phonetic key (remembered
per word form: word forms in a corpus repeat) → *anchors*, the words whose key is the key of a
listed surname or of a word of a listed organisation's or place's name, in any spelling, script,
case or table → around each anchor, the whole name as written → the spans to decide, in order of
preference (:meth:`SpanFinder.proposals`).

**A personal name is taken whole**, whether or not its parts fit the entity the anchor names: given
names (in any language, script and case), patronymics, initials (S., S.G., J.-C., Ж.-К.) before a
surname, or after it when the surname comes first (LUKASHENKO, Alexander; Лукашенко А. Г.). The
resolver then decides the whole name, so that a given name, initials, a patronymic or a gender
that contradicts rules the entity out (*Anna Lukashenko*, *Вікторыя Лукашэнка*), and nothing is
linked. A word that is no part of a name (*Yesterday*, *Minsk*, *Telegram*) is not taken. Two more
rules follow from how names are written:

- an anchor that is itself a given name, followed by a capitalised word, is a person's given name
  and surname (*Lida Hernández*, *Vesna Kovač*), not the town of Lida or the organisation Viasna;
- in Cyrillic text, where only proper names are capitalised, a capitalised adjective before an
  anchor that is no word of the anchor's entities makes one proper name with it (*Золотой Орды*,
  *Советского Союза*), and so does a capitalised word after an organisation's name (*Народного
  фронта Азербайджана*): the whole is decided, and names none of ours.

**An organisation's or place's name** is widened over the words of its name, inflected and in
lower case (рабочие Минского завода колёсных тягачей), over the next anchors that are words of the
same name, and over a name of its own in quotes (Правозащитного центра «Весна»); when the resolver
names nothing for the widest span, the longest part of it that names one is taken, then the anchor
alone. A span never starts or ends with a function word (*the*, *of*, *по*), and a possessive or a
quote after a name stays in the text.

This module only finds; :mod:`normalize.rewrite` decides each span with the resolver, in the order
given, and keeps the first that names an entity.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from .beside import WordsBeside
from .bodycontext import BodyContext
from .dates import gives_a_score
from .index import Index
from .memo import remember
from .namedthings import NamedThings
from .namekeys import patronymic_gender
from .nameparts import GIVEN, INITIALS, NONE, PATRONYMIC, Anchored, NameParts
from .names import acronym_forms, written_as_acronym
from .orgwords import english_reading
from .personcontext import PersonContext
from .phonetic import PhoneticKey
from .placecontext import PlaceContext
from .places import Places
from .tables import Tables
from .text import APOSTROPHES, is_cyrillic, is_latin
from .textpatterns import (
    ADJECTIVE_END_RE,
    ANY_WORD_RE,
    BLANKS,
    BLANKS_RE,
    CAPITALISED_RE,
    GAP_RE,
    GENDER_SIGN_RE,
    INITIALS_RE,
    LETTERS_RE,
    MAX_EXTEND_ORG,
    MAX_NAME_WORDS,
    MIN_NEAR_KEY,
    NOMINATIVE_ADJECTIVE_END_RE,
    QUOTE_CLOSE_ONLY,
    QUOTE_OPEN,
    TITLE_REACH,
    WINDOW,
    WOMANS_NAME_END_RE,
    WOMANS_SURNAME_END_RE,
    WORD_MEMO_SIZE,
    composed_word,
    sentence_start,
)


def anchor_keys(index: Index, opening: Mapping[int, Iterable[str]] | None = None) -> dict[str, tuple[int, ...]]:
    """Key → the entities a word of that key anchors: the keys of persons' surnames (every spelling,
    case form and other-language form the index made) and of the words of organisations' and
    places' names (each word of each reading of each name, its acronyms included); and the keys
    ``opening`` gives an entity (the adjective of a place that opens its name)."""
    out: dict[str, list[int]] = {}
    for idx, e in enumerate(index.entries):
        keys: set[str] = set(e.surname_keys)
        for phrase in e.phrases:
            for ks in phrase:
                keys.update(ks)
        keys.update(opening.get(idx, ()) if opening else ())
        for k in keys:
            if k:
                out.setdefault(k, []).append(idx)
    return {k: tuple(v) for k, v in out.items()}


_PART_MARK_RE = re.compile(r"p\d")  # a compound part's mark in a folded key (see OrgVocabulary.fold)
_ADDRESS_MARKS = ("://", "www.", "@")
_ADDRESS_MARK_RE = re.compile(r"://|www\.|@|href=")
_ADDRESS_MARK_STRINGS = (*_ADDRESS_MARKS, "href=")  # what _ADDRESS_MARK_RE finds
_ADDRESS_ENDS = frozenset(" \t\n\r\u00a0<>\"'«»“”")


def _in_address(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is part of a web or e-mail address or a handle: of a stretch
    without blanks, quotes or angle brackets that holds ://, www., @ or href=."""
    if _ADDRESS_MARK_RE.search(text, max(0, start - WINDOW - 6), end + WINDOW) is None:
        return False  # no mark within reach of the word (the stretch and an href= before it)
    a = start
    while a > 0 and text[a - 1] not in _ADDRESS_ENDS and start - a < WINDOW:
        a -= 1
    b = end
    while b < len(text) and text[b] not in _ADDRESS_ENDS and b - end < WINDOW:
        b += 1
    token = text[a:b]
    return any(mark in token for mark in _ADDRESS_MARKS) or text.endswith("href=", 0, max(0, a - 1))


_LONG_LATIN_WORD_RE = re.compile(r"\b[A-Za-z][a-z]{3,}\b|\b[A-Z]{4,}\b")


def _in_open_quotes(text: str, pos: int) -> bool:
    """Whether ``pos`` stands inside quotes opened before it in its reach (a title's: «СБ. Беларусь
    сегодня», "Медіазона. Білорусь"): an opening quote, after a blank or at the start, that no quote
    closes before ``pos``."""
    i = pos - 1
    while i >= 0 and pos - i <= TITLE_REACH:
        c = text[i]
        if c in QUOTE_OPEN and (i == 0 or not text[i - 1].isalnum()) and (c != '"' or i == 0 or text[i - 1] in BLANKS):
            return True
        if c in QUOTE_CLOSE_ONLY or c == '"' or c == "\n":
            return False
        i -= 1
    return False


def _title_case(text: str, lo: int, hi: int, is_name: Callable[[str], bool]) -> bool:
    """Whether the line around ``text[lo:hi]`` is written in title case (a headline: Elderly
    Protesters Defy Belarus’ Strongman), where a capital says nothing: three quarters of its Latin
    words of four letters or more outside ``text[lo:hi]`` capitalised, at least three of them; the
    words that are names (``is_name``), which have their capitals in any line, are not counted (nor
    are, so, the names a rewrite writes: a line rewritten reads as it did)."""
    a = text.rfind("\n", 0, lo) + 1
    b = text.find("\n", hi)
    words = [
        w
        for m in _LONG_LATIN_WORD_RE.finditer(text, a, len(text) if b < 0 else b)
        if (m.end() <= lo or m.start() >= hi) and not is_name(w := m.group())
    ]
    caps = sum(1 for w in words if w[0].isupper())
    return len(words) >= 3 and caps * 4 >= len(words) * 3


def _ends_sentence(word: str) -> bool:
    """Whether a word with a full stop ends a sentence: a word of more than three letters, no
    initials and no abbreviation (election.; not им., г., Co., J.-C.)."""
    return word.endswith(".") and len(word) > 4 and not INITIALS_RE.fullmatch(word)


class Found:
    """One anchor of a text: its word ``text[start:end]``, its key and the entities it names."""

    __slots__ = ("end", "info", "key", "start")

    def __init__(self, start: int, end: int, key: str, info: Anchored) -> None:
        self.start = start
        self.end = end
        self.key = key
        self.info = info


class Proposal:
    """The spans to decide for one anchor, in order of preference; ``whole`` when the first is a
    name of several words that no later alternative cuts (a personal name with its given names,
    initials or patronymic, or a proper name a rule above made one)."""

    __slots__ = ("alternatives", "whole")

    def __init__(self, alternatives: list[tuple[int, int]], whole: bool) -> None:
        self.alternatives = alternatives
        self.whole = whole


# a nickname of one word in quotes right before a surname (Nikolai "Kolja" Lukashenka)
_CLOSING_QUOTES = frozenset('»“”"')  # ("" is none of them)
_NICKNAME_BEFORE_RE = re.compile(r"[«„“”\"]([^\W\d_]+)[»“”\"][ \t\u00a0]+\Z")


class SpanFinder:
    """Finds the anchors of a text and proposes the spans around each (see the module's notes).

    Build once per index (:meth:`__init__` reads every entity's keys) and use for many texts; it
    remembers the anchors and name-part kind of each word form it meets."""

    def __init__(
        self, index: Index, tables: Tables, places: Places, key: PhoneticKey, is_given: Callable[[str], bool],
        is_nominative: Callable[[str], bool], is_listed_given: Callable[[str], bool],
        acronym_keys: Callable[[list[str]], set[str]],
        nominatives: Callable[[str], tuple[tuple[str, str], ...]], named_as_written: Callable[[int, str], bool],
        *, require_capital: bool = True,
    ) -> None:  # fmt: skip
        self._acronym_keys = acronym_keys
        self._nominatives = nominatives
        self._named_as_written = named_as_written  # whether a text is one of an entity's names as written
        self.index = index
        self.tables = tables
        self.key = key
        self.require_capital = require_capital
        persons = [e for e in index.entries if e.record.type == "person"]
        # the words that open sentences and are no given names as the tables list them (Але, but, is
        # only a case form of Аля; Яна, she, is also the name Яна)
        not_given = frozenset(w for w in tables.sentence_words if not is_listed_given(w))
        self.parts = NameParts(
            tables, key, is_given, is_nominative, frozenset().union(*(e.given_keys for e in persons)), not_given
        )
        voc = tables.vocabulary
        self._stems_of = voc.stems
        self._places = places  # (the resolver's: what it learns of places serves both)
        # the readers of what stands around a name, sharing the words found beside its positions
        self.beside = WordsBeside(tables.possessive_suffixes)
        self.named_things = NamedThings(self.beside, self.parts, self._places, tables, key, self.word)
        self.around_places = PlaceContext(self.beside, self.parts, index, self._places, tables, key, self.word)
        self.around_bodies = BodyContext(self.beside, self.parts, self.around_places, self._places, index, tables, key)
        self.around_persons = PersonContext(self.beside, self.parts, tables)
        entries = index.entries
        groups: dict[tuple[int, ...], Anchored] = {}
        self._anchors: dict[str, Anchored] = {}
        for k, idxs in anchor_keys(index, self._opening_adjectives(index, tables, key)).items():
            info = groups.get(idxs)
            if info is None:
                info = groups[idxs] = Anchored(idxs, [entries[i] for i in idxs])
            self._anchors[k] = info
        # the first symbols of the anchors' keys: a case form's key begins as its nominative's does
        # (see _may_be_case_form), so a word whose key begins as none does is read for no nominative
        self._anchor_starts = frozenset(k[:n] for k in self._anchors for n in (2, 3))
        self._words: dict[str, tuple[str, Anchored | None]] = {}
        self._word_anchors: dict[str, tuple[tuple[int, int, str, Anchored], ...]] = {}
        # the tokens of compound words of organisations' names, by their parts (BELARUSp0)
        compounds: dict[str, list[int]] = {}
        for idx, e in enumerate(entries):
            for ph in e.phrase_tokens:
                for ts in ph:
                    for t in ts:
                        if _PART_MARK_RE.search(t) and idx not in compounds.setdefault(t, []):
                            compounds[t].append(idx)
        self._compounds: dict[str, Anchored] = {}
        for t, members in compounds.items():
            key_idxs = tuple(members)
            info = groups.get(key_idxs)
            if info is None:
                info = groups[key_idxs] = Anchored(key_idxs, [entries[i] for i in key_idxs])
            self._compounds[t] = info
        self._near_groups: dict[tuple[int, ...], Anchored] = {}
        self._near_memo: dict[str, Anchored | None] = {}  # key → the persons one edit away
        self._stems: dict[str, tuple[str, ...]] = {}
        self._as_named: dict[tuple[str, tuple[int, ...]], bool] = {}  # see _place_as_named
        self._function_words = tables.vocabulary.function_words
        # the tables' word lists the words beside every anchor are looked up in, kept as fields of
        # the finder (a compiled class) rather than read through the tables each time
        self._vocabulary = voc
        self._titles = tables.titles
        self._sentence_words = tables.sentence_words
        self._name_particles = tables.name_particles
        self._place_words = frozenset(w.casefold() for w in tables.place_words)
        self._article_particles = tables.article_particles
        self._word_re = CAPITALISED_RE if require_capital else ANY_WORD_RE

    @staticmethod
    def _opening_adjectives(index: Index, tables: Tables, key: PhoneticKey) -> dict[int, list[str]]:
        """The keys of the adjective of a place that opens an organisation's Cyrillic name of three
        words or more (Белорусская ассоциация журналистов, Беларуская праваслаўная царква), which
        its readings leave out as a generic word: Russian and Belarusian capitalise the first word
        of such a name only, so the adjective is the one capital to anchor it by."""
        out: dict[int, list[str]] = {}
        generic, ends = tables.generic_words, tables.place_adjective_endings
        for idx, e in enumerate(index.entries):
            if e.record.type != "organization":
                continue
            for name in e.record.names:
                words = name.split()
                first = words[0].lower() if len(words) >= 3 and is_cyrillic(name[0]) else ""
                if first in generic and first.endswith(ends) and (k := key(first)):
                    out.setdefault(idx, []).append(k)
        return out

    # --- anchors ---------------------------------------------------------------------------------

    def word(self, word: str) -> tuple[str, Anchored | None]:
        """The key of a word of running text and what it anchors (None when nothing)."""
        got = self._words.get(word)
        if got is None:
            form = composed_word(word)
            k = self.key(form)
            info = self._anchors.get(k) if k else None
            if k and written_as_acronym(form):  # МАЗ, NEXTA, BelTA: an acronym first
                for acr in self._acronym_keys([form]):
                    info = self._anchors.get(acr) or info
            if info is None and k and self._may_be_case_form(k):  # a case form of a surname a table
                # holds in Latin letters only, or in Latin letters of a surname (Putinem, Lukašenkovi:
                # a person's only)
                latin = not is_cyrillic(form[0])
                for nk, _ in self._nominatives(form):
                    info = self._anchors.get(nk)
                    if info is not None and (not latin or info.person):
                        break
                    info = None
            if info is None and k and self._compounds:
                # a compound word by its parts in the other language (Беларуснафта, Белоруснефть)
                voc = self._vocabulary
                folded = voc.fold(k)
                if folded != k:
                    for t in voc.stems(folded):
                        info = self._compounds.get(t)
                        if info is not None:
                            break
            if info is None and k and form.isascii() and len(form) > 3:
                # an English word of an organisation's name, by its English reading as resolve()
                # reads it (Beltamozhservice: -service as сервис)
                ek = self.key(english_reading(form))
                if ek and ek != k:
                    info = self._anchors.get(ek)
            got = (k, info)
            remember(self._words, word, got, WORD_MEMO_SIZE)
        return got

    def _near(self, key: str) -> Anchored | None:
        """The persons a surname of ``key`` may be a misspelling of (one edit away, as ``resolve()``
        finds them: Lukashenkko), which the resolver then decides letter by letter."""
        if key in self._near_memo:
            return self._near_memo[key]
        entries = self.index.entries
        idxs = tuple(sorted(i for i in self.index.candidates(key) if entries[i].record.type == "person"))
        got = self._near_groups.get(idxs) if idxs else None
        if got is None and idxs:
            got = self._near_groups[idxs] = Anchored(idxs, [entries[i] for i in idxs])
        remember(self._near_memo, key, got, WORD_MEMO_SIZE)
        return got

    def anchors(self, text: str) -> list[Found]:
        """The anchor words of ``text``, in order (an English possessive is not part of one)."""
        out: list[Found] = []
        memo = self._word_anchors
        addresses = -1  # whether the text holds a mark of an address anywhere (asked at its first anchor)
        # the places whose namesakes' states the text names (see names_where_namesakes_lie), read
        # from the same words when they are the capitalised words that method reads
        namesakes = self.around_bodies.namesakes_in
        regions = namesakes.memo if namesakes and self._word_re is CAPITALISED_RE else None
        named: list[tuple[int, frozenset[tuple[int, int, int]]]] = []
        for m in self._word_re.finditer(text):
            w = m.group()
            got = memo.get(w)
            if got is None:
                got = self._anchors_of(w)
                remember(memo, w, got, WORD_MEMO_SIZE)
            if regions is not None:
                places = regions.get(w)
                if places is None:
                    places = namesakes.words_of(w)
                if places:
                    named.append((m.start(), places))
            if not got:
                continue
            start = m.start()
            if addresses < 0:
                # (a search for each mark as a string: a search of the regex of the four tries each
                # at every position, which a long text pays for at its first anchor)
                addresses = int(any(mark in text for mark in _ADDRESS_MARK_STRINGS))
            if addresses and _in_address(text, start, m.end()):
                continue  # a word of a web address, e-mail address or handle names nothing
            if GENDER_SIGN_RE.match(text, m.end()):
                continue  # a word that goes on past a gender sign (Belaruss:innen, Russ*innen)
            for offset, length, k, info in got:
                out.append(Found(start + offset, start + offset + length, k, info))
        if regions is not None:
            self.around_bodies.namesakes_read(text, named)
        return out

    def _may_be_case_form(self, k: str) -> bool:
        """Whether a word of key ``k`` may be a case form of an anchor's word: the case endings
        change the end of a word, so its key begins as the nominative's does, by its first three
        symbols (two for a key of fewer than six, none for one of fewer than four: Іщак, Іщка; Зоя,
        Зоею). Half the capitalised words of real text are no case form of any anchor by it."""
        n = 3 if len(k) >= 6 else 2 if len(k) >= 4 else 0
        return n == 0 or k[:n] in self._anchor_starts

    def _anchors_of(self, w: str) -> tuple[tuple[int, int, str, Anchored], ...]:
        """The anchors a word of running text holds, as (offset in the word, length, key, what it
        anchors): the word, the word without a possessive, its hyphenated parts, or a surname one
        edit away; none for most words. A fact of the word form alone, remembered per form."""
        k, info = self.word(w)
        end = len(w)
        if not APOSTROPHES.isdisjoint(w):
            # a possessive or a Turkish case suffix after a name stays in the text, whatever marks
            # follow it (Lukashenko's`, Moskova'yı); an apostrophe alone may as well be the word's
            # soft sign (Afnagelʹ): the whole word first
            bare = self.beside.without_possessive(w)
            if bare != w:
                bk, binfo = self.word(bare)
                lettered = any(c.isalpha() for c in w.rstrip("`")[len(bare) + 1 :])  # (after the apostrophe)
                if info is None or (binfo is not None and lettered):
                    k, info, end = bk, binfo, len(bare)
        if info is not None:
            return ((0, end, k, info),)
        letters = acronym_forms(w)[0].get(w.casefold())
        if letters and letters != w:  # an acronym in mixed case with a case ending (БелАЗа, BelAZu)
            for ak in sorted(self._acronym_keys([letters])):
                got = self._anchors.get(ak)
                if got is not None:
                    return ((0, len(w), ak, got),)
        if "-" in w:  # a word of hyphenated parts that names nothing whole: its parts (Минск-Москва),
            # when each capitalised part is one (КХП-БНФ, another party, and Киево-Печерская are not)
            parts = w.split("-")
            if parts[-1].islower() and parts[-1].endswith(self.tables.place_adjective_endings):
                return ()  # a compound adjective, whose first parts are stems (Польско-белорусская)
            pos = 0
            found: list[tuple[int, int, str, Anchored]] = []
            for n, part in enumerate(parts):
                if part[:1].isupper() or not self.require_capital:
                    k, info = self.word(part)
                    if info is not None:
                        found.append((pos, len(part), k, info))
                    elif part[:1].isupper():
                        if (
                            n == len(parts) - 1
                            and found
                            and all(f[3].place for f in found)
                            and self.around_places.qualifies_a_town(part)
                        ):
                            # a place's name and an adjective: another town's name (Могилёв-Подольский,
                            # Mohyliv-Podilskyi), which the place's part is decided for and read as
                            return tuple(found)
                        return ()
                pos += len(part) + 1
            return tuple(found)
        if len(k) >= MIN_NEAR_KEY:  # at last, a surname one edit away, when the word is no name part
            info = self._near(k)  # (asked first: few words have one, where most are asked what they are)
            if info is not None and self.parts.kind(w) == NONE:
                return ((0, end, k, info),)
        return ()

    # --- the words beside a name -------------------------------------------------------------------

    # --- personal names ------------------------------------------------------------------------------

    def _part(self, word: str, info: Anchored) -> int:
        """What ``word`` is beside a name (see :class:`NameParts`); a word that fits a person the
        anchor names (a case form of the entity's own given name: Паўла) is a given name or a
        patronymic by its key."""
        kind = self.parts.kind(word)
        if kind == NONE and info.person and word[:1].isupper() and self.fits(word, info):
            k = self.key(composed_word(word))
            return PATRONYMIC if patronymic_gender(k) is not None else GIVEN
        return kind

    def person_run(
        self, text: str, start: int, end: int, floor: int, ceil: int, info: Anchored, key: str
    ) -> tuple[int, int, bool]:
        """The personal name around the word ``text[start:end]`` (of key ``key``): given names, a
        patronymic or initials before it; or, when none stands before, after it (surname first,
        with one comma). Returns (start, end, whether any word was taken)."""
        s = start
        givens = patronymic = initials = 0
        seen = {key}
        nick = (
            _NICKNAME_BEFORE_RE.search(text, max(floor, start - WINDOW), start)
            if info.person and self.beside.sign_before(text, start, floor) in _CLOSING_QUOTES
            else None
        )
        if nick is not None:
            # a nickname in quotes between the given name and the surname (Nikolai "Kolja" Lukashenka)
            given = self.beside.word_before(text, nick.start(), floor)
            if given is not None and self._part(given[1], info) == GIVEN:
                s, givens = given[0], 1
                seen.add(self.key(composed_word(given[1])))
        for _ in range(MAX_NAME_WORDS):
            if givens:
                break
            got = self.beside.word_before(text, s, floor)
            if got is None or _ends_sentence(got[1]):
                break  # (a word with its sentence's full stop: Władimirowicza. Putin powiedział)
            if got[1].casefold() in self.tables.title_initials and self.around_persons.title_language(text, got[0]):
                break  # a title written as an initial, in its language (M. Loukachenko: Monsieur)
            kind = self._part(got[1], info)
            if kind == INITIALS and not givens and not patronymic and initials < 3:
                initials += got[1].count(".")
            elif kind == PATRONYMIC and not givens and not patronymic and not initials:
                patronymic = 1
            elif kind == GIVEN and initials <= 2 and not givens:  # middle initials after it: Ніна A. Г. Багінская
                givens = 1
            else:
                break
            if not self._new_word(got[1], seen):
                break
            s = got[0]
        if s < start or not info.person:
            return s, end, s < start  # a name after an organisation's or place's is another name
        e = end
        comma_used = False
        took_given = took_patronymic = False
        initials = 0  # the words of initials taken (А. Г., or А.Г. as one)
        for _ in range(MAX_NAME_WORDS):
            after = self.beside.word_after(text, e, ceil)
            if after is None:
                break
            w_end, word, comma, quoted = after
            if quoted or (comma and (comma_used or took_given)):
                break
            kind = self._part(word, info)
            if kind == INITIALS and not took_given and initials + word.count(".") <= 2:
                initials += word.count(".")  # Лукашенко А. Г.: one word of initials or two
            elif kind == GIVEN and not took_given and not took_patronymic:
                if self._opens_the_next_name(text, w_end, ceil):
                    break  # Лукашенко Светланы Тихановской: the given name is the next surname's
                took_given = True  # (after initials too: Багінская A. Ніна, a middle initial first)
            elif kind == PATRONYMIC and took_given and not took_patronymic and not initials:
                took_patronymic = True
            else:
                break
            if not self._new_word(word, seen):
                break
            comma_used = comma_used or comma
            e = w_end
        return s, e, e > end

    def _opens_the_next_name(self, text: str, pos: int, ceil: int) -> bool:
        """Whether the given name that ends at ``pos``, after a surname, opens the next name instead:
        a surname of the tables follows it, with no comma between, that is no name part (Лукашенко
        Светланы Тихановской): running text writes the given name before the surname, and a
        surname first is followed by its given name and patronymic or by a comma. (Not any
        capitalised word: Лукашенко Анна, Москва is a list of a namesake and her town.)"""
        after = self.beside.word_after(text, pos, ceil)
        if after is None:
            return False
        _, word, comma, quoted = after
        if comma or quoted or not word[:1].isupper() or self.parts.kind(word) != NONE:
            return False
        info = self.word(word)[1]
        return info is not None and info.person

    def _new_word(self, word: str, seen: set[str]) -> bool:
        """Whether ``word`` is not a word of the name already (by key): a word said again starts a
        name again (Sviatlana, Sviatlana; Alexander Alexander). Initials may repeat (А. А.)."""
        if INITIALS_RE.fullmatch(word):
            return True
        k = self.key(composed_word(word))
        if k in seen:
            return False
        seen.add(k)
        return True

    def proper_name_before(self, text: str, start: int, floor: int, info: Anchored) -> int:
        """The start of a word just before the anchor at ``start`` that makes another proper name
        with it, else -1: a capitalised Cyrillic adjective that is no word of its entities (Золотой
        Орды, Советского Союза), or before a surname any capitalised Cyrillic word that names
        nothing (a given name the tables lack) and before a place any such word inside a sentence
        (Міс Беларусь); before a place, a Latin word in capitals (the festival ART MIENSK, WATCH
        DOCS Belarus), and before its Cyrillic name any capitalised Latin word (Sputnik Беларусь)."""
        if not is_cyrillic(text[start]):
            return self._capitals_before(text, start, floor, info) if info.phrase and not info.person else -1
        got = self.beside.word_before(text, start, floor)
        if got is None or (
            got[1].endswith(".") and self.parts.kind(got[1]) != INITIALS and not _in_open_quotes(text, got[0])
        ):
            return -1  # a full stop ends a sentence or an abbreviation (на Піне. Пінск), not a title («СБ. Беларусь»)
        w = got[1]
        # a place's name as the tables write it (in the nominative: Міс Беларусь, not the genitive of
        # Гимн Украины, which is the place's) after a capitalised word that names nothing
        place = not info.person and self._place_as_named(text[start : self._word_end(text, start)], info)
        if place and w[:1].isupper() and w.isascii() and w.isalpha():
            # a Latin word before a place's Cyrillic name: a name of two scripts (Sputnik Беларусь)
            return got[0] if self.parts.kind(w) == NONE and self.word(w)[1] is None else -1
        if not (w[:1].isupper() and is_cyrillic(w[0])):
            return -1
        if w.isupper():  # an acronym before a place's name: the name of a thing (ФК Минск, ХК Гомель)
            return got[0] if place and len(w) > 1 and self.parts.kind(w) == NONE and self.word(w)[1] is None else -1
        opening = sentence_start(text, got[0])
        if self.parts.kind(w) != NONE or self.fits(w, info, info.org):
            return -1
        adjective = ADJECTIVE_END_RE.search(w.lower()) is not None
        if adjective and not opening:
            return got[0]
        if opening and not info.person:
            # at the start of a sentence the capital says nothing, and an adjective in the
            # nominative before a place's or organisation's name may as well make another name
            # with it (Единая Россия, Нижний Новгород, Западная Беларусь) as qualify it: the whole
            # is decided, and where it names nothing, nothing is linked. Only the nominative
            # endings that no verb, noun or comparative shares (not -ой: Открой; not -ее: Скорее;
            # not -ие/-ія: Решение, Камісія), and no pronoun (Эта, Такая, Вся)
            if NOMINATIVE_ADJECTIVE_END_RE.search(w.lower()) and w.casefold() not in self._sentence_words:
                return got[0]
            return -1
        # before a surname, a capitalised Cyrillic word that names nothing the tables hold is a
        # given name they lack (Лора Колесникова, Аэлита Ціханоўская): the name is decided whole.
        # At the start of a sentence, where every word has a capital, only a woman's name before a
        # woman's surname, both in the nominative: a word in -а/-я that is no adjective, no noun of
        # a woman's occupation (-ка, -ца: Активистка Колесникова) and none of the words that open
        # sentences (Вчера, Тогда Колесникова заявила)
        if opening and not (
            not adjective
            and WOMANS_NAME_END_RE.search(w.lower())
            and WOMANS_SURNAME_END_RE.search(text[start : self._word_end(text, start)].lower())
            and w.casefold() not in self._sentence_words
        ):
            return -1
        # before a place's name inside a sentence, a capitalised word that names nothing makes
        # another name with it (конкурс «Міс Беларусь»)
        return got[0] if (info.person or place) and self.word(w)[1] is None else -1

    def _place_as_named(self, word: str, info: Anchored) -> bool:
        """Whether ``word`` is a name of one of the anchor's places as the tables write it (not an
        acronym, which does not decline: Госдума РФ). Remembered per word form and anchor."""
        if word.isupper():
            return False
        memo_key = (word, info.idxs)
        got = self._as_named.get(memo_key)
        if got is None:
            entries = self.index.entries
            got = any(entries[i].record.type == "place" and self._named_as_written(i, word) for i in info.idxs)
            remember(self._as_named, memo_key, got, WORD_MEMO_SIZE)
        return got

    @staticmethod
    def _word_end(text: str, start: int) -> int:
        """The end of the run of letters (and hyphens) from ``start``."""
        m = LETTERS_RE.match(text, start)
        return m.end() if m else start

    def _capitals_before(self, text: str, start: int, floor: int, info: Anchored) -> int:
        got = self.beside.word_before(text, start, floor)
        if got is None:
            return -1
        w = got[1]
        if not (len(w) > 1 and w.isupper() and w.isascii() and w.isalpha()):
            return -1
        if self.parts.kind(w) != NONE or self.fits(w, info, info.org) or w.casefold() in self._function_words:
            return -1
        return got[0]

    def person_name_before(self, text: str, start: int, floor: int, info: Anchored) -> bool:
        """Whether the capitalised words just before ``start`` make a person's name with the word
        there: a given name or initials, with at most one more capitalised word between that is no
        word of the entity's name (Klothilde Walli Wagner, Emmanuel Arnaude Hamel, J. R. Wagner): the
        word is that person's last name, not an organisation or a place."""
        pos = start
        for _ in range(2):
            got = self.beside.word_before(text, pos, floor)
            if got is None:
                return False
            at, w = got
            if not w[:1].isupper() or self.fits(w, info, info.org):
                return False
            kind = self.parts.kind(w)
            if kind in (GIVEN, INITIALS):
                return True
            if kind != NONE or sentence_start(text, at) or w.isupper():
                return False  # a title, or a capital that says nothing (Yesterday Wagner said)
            pos = at
        return False

    def latin_name_before(self, text: str, start: int, floor: int, info: Anchored) -> bool:
        """Whether a capitalised Latin word inside a sentence, just before an organisation's or a
        place's name, makes another proper name with it: a word that names nothing the tables hold,
        is no title and no word of a place's name or adjective (Dynamo Minsk, Hotel Minsk, Walli
        Wagner; not Russian Wagner, Belarusian Minsk). At the start of a sentence, whose first
        word has a capital whatever it is, only in a sentence that gives a match's score, which
        names teams (Dinamo Minsk 1:2; not Today Minsk), or for a word of what is named after a
        place (``named_after`` of ``org_words.yaml``: Hotel Minsk opened …)."""
        if not is_latin(text[start]):
            return False
        got = self.beside.word_before(text, start, floor)
        if got is None:
            return False
        at, w = got
        w = self.beside.without_possessive(w)  # (the Belarusian Athletes’ Solidarity Foundation)
        if not (w[:1].isupper() and w.isalpha() and all(map(is_latin, w))) or w.isupper():
            return False
        if sentence_start(text, at) and not gives_a_score(text, at, start) and not self.named_things.is_head(w):
            return False
        if w.casefold() in self._function_words or self.parts.kind(w) != NONE or self.fits(w, info, info.org):
            return False
        if info.place and w.casefold() in self._place_words:
            return False  # the kind of the place, in apposition (die Stadt Minsk)
        if self.word(w)[1] is not None or _title_case(text, at, start, self._is_name):
            return False  # a name the tables hold: its own anchor; or a headline's capitals
        k = self.key(w)
        places = self.index.by_key
        entries = self.index.entries
        return not any(entries[i].record.type == "place" for st in self._stems_of(k) for i in places.get(st) or ())

    def _is_name(self, word: str) -> bool:
        """Whether ``word`` is a word of a name: an anchor of the tables' names or a name part (a
        given name, a patronymic, initials, a title)."""
        return self.word(word)[1] is not None or self.parts.kind(word) != NONE

    def particle_before(self, text: str, start: int, floor: int, info: Anchored) -> int:
        """The start of a foreign surname's particle just before the anchor at ``start`` (Roan van
        Metz, Charles de Gaulle), with the given name or initials before it, else -1: the anchor is
        then a person's surname, whatever else it spells. Before a place's or an organisation's name
        a capitalised word before the particle will do (Hotel van Minsk)."""
        got = self.beside.word_before(text, start, floor)
        if got is None or got[1] not in self._name_particles or self.fits(got[1], info, info.org):
            return -1
        s = got[0]
        prev = self.beside.word_before(text, s, floor)
        if prev is not None and self.parts.kind(prev[1]) in (GIVEN, INITIALS):
            s = prev[0]
        elif info.person:
            # before a surname, a particle makes a name after a given name or initials only; else it
            # is the preposition it also is (la revendication de Loukachenko, die Politik von Lukaschenko)
            return -1
        elif prev is None or not prev[1][:1].isupper():
            return -1  # a preposition before a place or an organisation (do Mińska, de Minsk)
        elif info.place and prev[1].casefold() in self._place_words:
            return -1  # the kind of the place, in apposition (la Repubblica di Bielorussia)
        elif got[1] in self._article_particles:
            return -1  # German's article or preposition after a noun (im Norden der Ukraine)
        return s

    def proper_name_after(self, text: str, end: int, ceil: int, info: Anchored) -> int:
        """The end of a capitalised Cyrillic word just after an organisation's name that is no word
        of it, no name part and no anchor (Народного фронта Азербайджана), else -1."""
        got = self.beside.word_after(text, end, ceil)
        if got is None or not is_cyrillic(text[end - 1]):
            return -1
        w_end, w, comma, quoted = got
        if comma or quoted or not (w[:1].isupper() and is_cyrillic(w[0])) or w.isupper():
            return -1
        if self.parts.kind(w) != NONE or self.fits(w, info, info.org) or self.word(w)[1] is not None:
            return -1
        if w.casefold() in self._sentence_words:
            return -1  # a preposition or a conjunction in a title's capitals (Закон Рэспублікі Беларусь Аб …)
        return w_end

    # --- organisations and places --------------------------------------------------------------------

    def fits(self, word: str, info: Anchored, org: bool = False) -> bool:
        """Whether ``word`` beside an anchor belongs to the name: a given name, patronymic or
        initial of a person it anchors, a word of an organisation's or place's name. Remembered per
        word form with what the anchor names."""
        memo = info.fitting
        got = memo.get((word, org))
        if got is None:
            got = self._fits(word, info, org)
            remember(memo, (word, org), got, WORD_MEMO_SIZE)
        return got

    def _fits(self, word: str, info: Anchored, org: bool) -> bool:
        upper = word[0].isupper()
        if not upper:  # the cheapest test first: most words beside a name fail it
            if info.phrase and word.casefold() in self._function_words:
                k = self.key(word)  # of in Republic of Belarus
                return bool(k) and any(k in keys for keys in info.fit_sets)
            if info.place:
                # a word a place's name writes in small letters, in its case forms (Беловежская
                # пуща, у Белавежскай пушчы; Пішчалаўскі замак)
                k = self.key(word)
                if k and any(k in keys for keys in info.fit_sets):
                    return True
            if not org:
                return False
        w = composed_word(word.rstrip("."))
        if not w or w.casefold() in self._titles:
            return False
        if upper:
            if INITIALS_RE.fullmatch(word):
                return self._initial_fits(w[0], info)
            if len(w) == 1:
                return False  # a letter without its dot is a word (У Путина), not an initial
            k = self.key(w)
            if not k:
                return False
            if any(k in keys for keys in info.fit_sets) or w.lower() in info.case_forms:
                return True
            if not info.org:
                return False
        # organisation names hold words inflected in running text, in lower case or capitalised
        # (рабочие Минского завода колёсных тягачей, интервью «Нашей Ниве»): a case form the
        # index made of a name word (Центральной комиссии), or a word whose stem is a name word's
        if w.lower() in info.org_forms:
            return True
        stems = self._stems.get(w)
        if stems is None:
            k = self.key(w)
            stems = tuple(self._vocabulary.stems(k)) if k else ()
            if len(self._stems) < WORD_MEMO_SIZE:
                self._stems[w] = stems
        org_words = info.org_words
        return any(st in org_words for st in stems)

    def _initial_fits(self, letter: str, info: Anchored) -> bool:
        up = letter.upper()
        if up in info.initials:
            return True
        k = self.key(up)
        return bool(k) and "#" + k in info.initials

    def widen(self, text: str, a: Found, floor: int, ceil: int) -> tuple[int, int, int]:
        """The span of an organisation's or place's name around the anchor ``a``: the words before
        and after it that fit, never below ``floor`` or past ``ceil``; and how far the words that
        fit went (past the function words the span does not end with). The words after it are
        taken first: a word said again ends a name, and Russian and Belarusian write the words of
        an organisation's name that follow its head after it (Совета Республики Национального
        собрания Республики Беларусь: the assembly's Республики is the one after собрания)."""
        start, end, info = a.start, a.end, a.info
        seen: set[str] = {a.key}
        function_words = self._function_words
        org = info.org
        named = end  # the end of the last word that is not a function word (of, the, по)
        for _ in range(MAX_EXTEND_ORG if org else MAX_NAME_WORDS):
            if end >= ceil:
                break
            nxt = self.beside.word_after(text, end, ceil)
            if nxt is None:
                break
            w_end, word, comma, quoted = nxt
            if comma:
                break  # an organisation's or place's name holds no comma
            head, _, suffix = word.partition("-")
            if not quoted and suffix.islower():
                # a suffix joined by a hyphen stays outside the name, as after an anchor (Viasna-k,
                # Minsk-based)
                if self.fits(head, info, org) and self._new_word(head, seen):
                    end = named = w_end - len(word) + len(head)
                break
            if not self.fits(word, info, org):
                break
            function = word.casefold() in function_words
            if not function and not self._new_word(word, seen):
                break
            end = w_end
            if not function:
                named = end
            if quoted:
                break  # a name in quotes ends the name (Правозащитный центр «Вясна»)
        first = start  # the start of the first word that is not a function word (of, the)
        for _ in range(MAX_NAME_WORDS):
            got = self.beside.word_before(text, start, floor)
            if got is None or _ends_sentence(got[1]) or not self.fits(got[1], info, info.org):
                break
            function = got[1].casefold() in function_words
            if not function and not self._new_word(got[1], seen):
                break
            start = got[0]
            if not function:
                first = start
        return first, named, end

    def org_span(self, text: str, anchors: list[Found], k: int, floor: int) -> tuple[int, int]:
        """The widest span of an organisation's or place's name from ``anchors[k]``: widened, and
        over the next anchors that are words of the same name (Правозащитный центр «Весна»,
        Национальный банк Республики Беларусь), as far as widening reaches."""
        a = anchors[k]
        info = a.info
        n = len(text)
        j = k + 1
        ceil = anchors[j].start if j < len(anchors) else n
        s, e, reached = self.widen(text, a, floor, ceil)
        while (
            j < len(anchors)
            and j - k <= MAX_EXTEND_ORG
            and BLANKS_RE.fullmatch(text, reached, ceil)
            and (anchors[j].info is info or self.fits(text[ceil : anchors[j].end], info, info.org))
        ):
            j += 1
            ceil = anchors[j].start if j < len(anchors) else n
            s, e, reached = self.widen(text, a, floor, ceil)
        return s, e

    def shorter_parts(self, text: str, s: int, e: int, anchor_end: int) -> list[tuple[int, int]]:
        """The parts of a long organisation's name ``text[s:e]`` that end after its anchor at a
        word that is not a function word, the longest first (Центральная комиссия Республики
        Беларусь по выборам и …)."""
        out: list[tuple[int, int]] = []
        function_words = self._function_words
        cuts = [g.start() for g in GAP_RE.finditer(text, anchor_end, e)]
        for cut in reversed(cuts):
            word = text[max(s, text.rfind(" ", s, cut) + 1) : cut]  # the word before the cut
            if word.casefold() not in function_words:
                out.append((s, cut))
        return out

    # --- proposals -----------------------------------------------------------------------------------

    def proposal(self, text: str, anchors: list[Found], k: int, floor: int) -> Proposal:
        """What to decide for ``anchors[k]`` (see :class:`Proposal`), nothing below ``floor``."""
        # the words beside this anchor, found once for its proposal and the checks of what it decides
        # (kept no longer: a long text would keep them all)
        self.beside.start(text)
        a = anchors[k]
        info = a.info
        # a personal name runs over the next anchor when that is a part of it (JERMOSCHINA, Lidija:
        # Lidija also keys as a case form of the town of Lida)
        s, e, took = self.person_run(text, a.start, a.end, floor, len(text), info, a.key)
        if not took and self.parts.kind(text[a.start : a.end]) == GIVEN:
            # a given name followed by a capitalised word: a person (Lida Hernández, Vesna Kovač)
            after = self.beside.word_after(text, a.end, len(text))
            if (
                after is not None
                and not after[2]
                and not after[3]
                and after[1][:1].isupper()
                and self.parts.kind(after[1]) in (NONE, PATRONYMIC, GIVEN)
            ):
                e, took = after[0], True
        if not took:
            before = self.proper_name_before(text, a.start, floor, info)
            if before < 0:
                before = self.particle_before(text, a.start, floor, info)
            if before >= 0:
                s, took = before, True
        if (took or info.person) and self.named_things.named_after(text, s, e):
            # a name of a person that names a thing: фонд Александра Лукашенко, Lukashenko Foundation
            if not info.phrase:
                return Proposal([], True)
            os, oe = self.org_span(text, anchors, k, floor)
            return Proposal([(os, oe)] if os < s or oe > e else [], True)
        if took:
            alts = [(s, e)]
            if info.phrase:  # an organisation's name that holds a person's (Kastuś Kalinoŭski Regiment)
                os, oe = self.org_span(text, anchors, k, floor)
                if os <= s and oe >= e and (os, oe) != (s, e):
                    alts.append((os, oe))
            return Proposal(alts, True)
        if not info.phrase:
            return Proposal([(a.start, a.end)], False)
        s, e = self.org_span(text, anchors, k, floor)
        if not info.person and (
            self.person_name_before(text, s, floor, info) or self.latin_name_before(text, s, floor, info)
        ):
            return Proposal([], True)  # the last name of a person or a thing (Dynamo Minsk, Hotel Minsk)
        other_end = self.proper_name_after(text, e, len(text), info) if info.org else -1
        if other_end >= 0:
            return Proposal([(s, other_end)], True)
        alts = [(s, e)]
        nxt = k + 1
        if (
            nxt < len(anchors)
            and anchors[nxt].info.org
            and is_latin(text[a.start])
            and e <= anchors[nxt].start
            and BLANKS_RE.fullmatch(text, e, anchors[nxt].start)
        ):
            # the words that follow, of an organisation's name in English order that opens with
            # this one, are decided with it first (Belarus Potash Company: Belarus is no word of the
            # company's readings, the company's words no place's; Russian writes the place after:
            # в Беларуси Следственный комитет is the place and the committee)
            ls, le = self.org_span(text, anchors, nxt, floor)
            if ls <= s and le > e:
                alts.insert(0, (ls, le))
        if e > a.end:
            alts.extend(self.shorter_parts(text, s, e, a.end))
        if s < a.start and e > a.end:  # the words before it may be another name's (Комитет …)
            alts.append((a.start, e))
            alts.extend(self.shorter_parts(text, a.start, e, a.end))
        if (s, e) != (a.start, a.end):
            alts.append((a.start, a.end))
        return Proposal(alts, False)
