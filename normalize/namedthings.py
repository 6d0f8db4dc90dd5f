"""Names inside the names of other things: a person's or a place's name that names a fund, a prize,
a channel, a brand, a publisher, a work or a title in quotes (фонд Александра Лукашенко,
кінафестываль «Расія», Belarus tractors, Мінск : Беларусь, 1993), not the person or the place."""

from __future__ import annotations

import re
from collections.abc import Callable

from .beside import WordsBeside
from .dates import gives_a_score
from .index import EntityEntry
from .memo import remember
from .nameparts import GIVEN, Anchored, NameParts
from .names import split_tokens, written_as_acronym
from .phonetic import PhoneticKey
from .places import Places
from .tables import Tables
from .text import is_cyrillic, is_latin, normalize_text
from .textpatterns import (
    BEFORE_COLON_RE,
    BLANKS,
    HONORIFICS,
    IMPRINT_YEAR_RE,
    LETTERS_RE,
    MAX_NAME_WORDS,
    NUMBERED_RE,
    PREPOSITIONS,
    PRODUCT_AFTER_RE,
    QUOTE_CLOSE,
    QUOTE_CLOSE_ONLY,
    QUOTE_OPEN,
    SENTENCE_END,
    TITLE_BREAK_RE,
    TITLE_REACH,
    TITLE_STOP_RE,
    WINDOW,
    WORD_MEMO_SIZE,
    word_joined_before,
)
from .wordlists import listed_words

# the words of naming after a person before the name, in full and abbreviated: the Cyrillic
# honorifics and the Latin im. that Polish writes for imienia and transliterations for им.
_NAMED_AFTER_WORDS = HONORIFICS | frozenset(("imeni", "im."))


# a quoted item of a list of quoted items: a closing quote and a comma before the opening quote, or
# a comma and an opening quote after the closing one (в программе «Рушники», «Каляда», «Беловежская
# пуща»: the songs' titles)
_QUOTED_LIST_REACH = 3
_QUOTED_LIST_BEFORE_RE = re.compile(r"[»”\"],[ \t\u00a0]?\Z")
_QUOTED_LIST_AFTER_RE = re.compile(r",[ \t\u00a0]?[«„“\"]")


# the names of a list after a word for a kind of thing (batalionów (Wołat i Litwin)): how many are
# read back, the marks that open one, the conjunctions between them, and the name before one (in
# quotes or brackets or not) that ends where its conjunction's blanks begin
_LIST_ITEMS = 4
_NAME_IN_QUOTES_WORDS = 3  # the most words of a name in quotes that opens a sentence
_ITEM_OPENING = '«„“"('
_ITEM_JOINERS = frozenset(("и", "і", "й", "та", "i", "a", "and", "oraz", "und", "et", "e", "y"))
_ITEM_BEFORE_RE = re.compile(r"([^\W\d_][^\W_'’-]*)[»“”\")]*[ \t\u00a0]+$")


# a word right before a name, blanks and a closing quote between (Dinamo Minsk, „Dinamo“ Minsk)
_CLUB_BEFORE_RE = re.compile(r"(?<![\w'’-])([^\W\d_][^\W_]*)[»“”\"]?[ \t\u00a0]+\Z")
# the dash or the vs between the two sides of a match, a capitalised name (in quotes or not) on
# the other side of it
_FIXTURE_JOIN = r"[ \t\u00a0]+([-–—]|vs\.?|v\.)[ \t\u00a0]+"
_FIXTURE_LAST = "-–—s."  # the last character of what joins the sides (a dash, vs, v.)
_FIXTURE_AFTER_RE = re.compile(rf"[»”\"]?{_FIXTURE_JOIN}[«„“\"]?(?=[^\W\d_])")
_FIXTURE_BEFORE_RE = re.compile(rf"(?<![\w'’-])([^\W\d_][\w'’-]*)[»”\"]?{_FIXTURE_JOIN}[«„“\"]?\Z")


def _one_word(text: str, s: int, e: int) -> bool:
    """Whether ``text[s:e]`` holds no blank: a name of one word."""
    return not any(c in BLANKS for c in text[s:e])


_CHANNEL_NUMBER_RE = re.compile(r"(?:-|[ \t\u00a0]+)\d{1,2}(?!\d)(?![.,:]\d)")
_AUTHOR_WORDS = 3  # the words of an author's name between a work's word and its title in quotes
_JOINING_DASHES = frozenset("-\u2010\u2011\u2013\u2014")
"""The hyphens and dashes that join two words of one name when no blank stands beside them."""


def _joins_words(text: str, q: int) -> bool:
    """Whether the full stop at ``q`` stands between two letters, no blank on either side: a dot
    inside a name (Беларусь.Новости, Tut.by), not the end of a sentence."""
    return text[q] == "." and 0 < q < len(text) - 1 and text[q - 1].isalpha() and text[q + 1].isalpha()


def _as_listed(word: str) -> str:
    """A word of running text as the tables' word lists hold their words: normalized (a word's first
    ў as у, the Belarusian ў Мінску) and casefolded."""
    return normalize_text(word).casefold()


class NamedThings:
    """Tells whether a name in running text is a word of another thing's name (see the module)."""

    def __init__(
        self, beside: WordsBeside, parts: NameParts, places: Places, tables: Tables, key: PhoneticKey,
        word: Callable[[str], tuple[str, Anchored | None]],
    ) -> None:  # fmt: skip
        self.beside = beside
        self.parts = parts
        self.tables = tables
        self.word = word  # a word's key and what it anchors (SpanFinder.word)
        self._places = places
        # the title of the span asked last, for the checks that read one span's title in turn
        self._title_memo: tuple[str, int, int, tuple[int, int] | None] = ("", -1, -1, None)
        stems = tables.vocabulary.stems
        # (a word listed with its full stop is an abbreviation, matched only as written: им.)
        self._named_after = listed_words((w for w in tables.named_after if not w.endswith(".")), key, stems)
        self._named_after_abbreviations = frozenset(w for w in tables.named_after if w.endswith("."))
        self._naming_words = listed_words(tables.naming_words, key, stems)
        self._work_words = listed_words(tables.work_words, key, stems)
        self._title_words = listed_words(tables.title_words, key, stems)
        self._product_words = listed_words(tables.product_words, key, stems)
        self._call_sign_words = frozenset(w.casefold() for w in tables.call_sign_words if " " not in w)
        self._team_articles = tables.team_articles
        self._street_words = listed_words(tables.street_words, key, stems)
        self._kind_words = listed_words(tables.kind_words, key, stems)
        self._club_names = tables.club_names
        # a sports society's name alone in quotes, with a case ending of up to three letters
        # («Динамо», с «Шахтёром»), as a league's report writes its clubs
        self._society_re = (
            re.compile(
                r"[«„“\"](?:"
                + "|".join(map(re.escape, sorted(tables.club_names, key=len, reverse=True)))
                + r")[^\W\d_]{0,3}[»“”\"]",
                re.IGNORECASE,
            )
            if tables.club_names
            else None
        )
        self._place_prepositions = tables.place_prepositions
        # the kind words a club's name ends with in English and Scandinavian order (Homel FC)
        self._kind_abbreviations = frozenset(w.casefold() for w in tables.kind_words if len(w) <= 3)
        # a phrase (call sign, nom de guerre): its last word, and the words before it
        self._call_sign_phrases: dict[str, list[tuple[str, ...]]] = {}
        for phrase in tables.call_sign_words:
            *head, last = phrase.casefold().split()
            if head:
                self._call_sign_phrases.setdefault(last, []).append(tuple(head))
        self._kinds: dict[str, bool] = {}  # see names_a_kind
        self._heads: dict[str, bool] = {}  # word form → whether it is a word of what is named after a name
        self._function_words = tables.vocabulary.function_words

    def named_after(self, text: str, s: int, e: int) -> bool:
        """Whether the personal name ``text[s:e]`` names what it stands beside (see ``named_after``
        in ``org_words.yaml``): after such a word, not in the nominative (фонд Александра
        Лукашенко, полк Каліноўскага, премия имени …; the director of a fund, директор фонда
        Александр Лукашенко, is a person), or before such a word in capitals (Alexander Lukashenko
        Foundation)."""
        before = self.beside.word_before(text, s, 0)  # (the word before may be a mention itself)
        if before is not None and before[1].casefold() + "." in HONORIFICS:
            # им, ім without the full stop: the abbreviation after what is named (премия им Лукашенко),
            # else the pronoun (заменить им Медведева)
            prior = self.beside.word_before(text, before[0], 0)
            return prior is not None and self.is_head(prior[1])
        if before is not None and self.is_head(before[1]):
            first = text[s : text.find(" ", s, e) if " " in text[s:e] else e].rstrip(".,")
            if not self.parts.is_nominative(first) or before[1].lower() in HONORIFICS:
                return True
        after = self.beside.word_after(text, e, len(text))
        return after is not None and not after[2] and after[1][:1].isupper() and self.is_head(after[1])

    def named_after_a_person(self, text: str, e: int) -> bool:
        """Whether what ends at ``e`` is named after a person: the word of naming after a name
        follows it (имени, імя; им., ім. with the full stop, and the Latin im. that Polish writes
        for imienia and transliterations for им.), and a capitalised word after that (БГК им.
        Мешкова, BGK im. Meshkova, Szkoła im. Jana Pawła II): an institution of that name, which an
        organisation none of whose names says so is not."""
        after = self.beside.word_after(text, e, len(text))
        if after is None or after[2] or after[3]:
            return False
        end, low = after[0], after[1].casefold()
        abbreviated = end < len(text) and text[end] == "."
        if not (low in _NAMED_AFTER_WORDS or (abbreviated and low + "." in _NAMED_AFTER_WORDS)):
            return False
        name = self.beside.word_after(text, end + 1 if abbreviated else end, len(text))
        return name is not None and not name[2] and name[1][:1].isupper()

    def is_head(self, word: str) -> bool:
        """Whether ``word`` is a form of a word of what is named after persons or places (фонд,
        премия; ``named_after`` in ``org_words.yaml``; им. only with its full stop): remembered per
        word form."""
        got = self._heads.get(word)
        if got is None:
            got = word.casefold() in self._named_after_abbreviations or self._named_after.has(word)
            remember(self._heads, word, got, WORD_MEMO_SIZE)
        return got

    def team_article_before(self, text: str, s: int, place: int) -> bool:
        """Whether the place number ``place``, a town (it gives a ``country``: not il Belarus),
        named in Latin letters at ``s``, follows an article a language puts before a team's name and
        never before a town's (``team_articles`` of ``org_words.yaml``: il Soligorsk, del Brest, a
        club; Italian names its towns as feminine, la Minsk)."""
        if not is_latin(text[s]) or not self._places.index.entries[place].record.country:
            return False
        before = self.beside.word_before(text, s, 0)
        return before is not None and before[1].casefold() in self._team_articles

    def thing_named_after_place(self, text: str, s: int, e: int) -> bool:
        """Whether a place's name at ``text[s:e]`` is the name of something named after it: numbered
        after it (the channels Беларусь 1, Россия-24; not a year), or alone in quotes: after a word of
        what is named so (``named_after`` in ``org_words.yaml``: кінафестываль «Расія», гасцініца
        «Мінск»), and, as one word, after any word but one that speaks of the name (``naming_words``:
        гістарычны назоў «Менск» is the city). Belarusian and Russian writing quote the names of
        clubs, airports, books and firms («Гомель», аэропорт «Минск»), not of places; a place's name
        of several words may stand in quotes as its informal name (на «Площади Перемен»)."""
        if NUMBERED_RE.match(text, e) is not None:
            return True
        if not self.beside.in_quotes(text, s, e):
            return (
                self._latin_name_with_head(text, e)
                or self._brand_before_product(text, e)
                or self._brand_in_capitals(text, s, e)
            )
        before = self.beside.word_before(text, s - 1, 0)
        if before is not None and self.is_head(before[1]):
            return True
        if before is not None and self._naming_words.has(before[1]):
            return False  # the name itself (гістарычны назоў «Менск»; słovy «Biełaruś», «biełarusy»)
        if _QUOTED_LIST_BEFORE_RE.search(
            text, max(0, s - 1 - _QUOTED_LIST_REACH), s - 1
        ) or _QUOTED_LIST_AFTER_RE.match(text, e + 1):
            return True  # one of a list of titles in quotes («Рушники», «Беловежскую пущу», …)
        return not any(c in BLANKS for c in text[s:e])

    def after_a_street_word(self, text: str, s: int) -> bool:
        """Whether a word for a street stands right before ``s``, the name in quotes or not
        (``street_words`` of ``org_words.yaml``: переулок Окрестина, на вуліцы «Акрэсціна»)."""
        before = self.beside.word_before_name(text, s)
        return before is not None and self._street_words.has(before[1])

    def after_a_kind_word(self, text: str, s: int) -> bool:
        """Whether a word for a kind of thing named after a town or a company (a club, a military
        unit, a ship) stands right before ``s``, the name in quotes or brackets or not
        (``kind_words`` of ``org_words.yaml``: футбольный клуб «Нафтан», ФК Нафтан, батальон
        «Волат»), or before a list of such names joined by a conjunction (батальоны «Литвин» и
        «Волат», z dwóch batalionów (Wołat i Litwin))."""
        pos = s
        for _ in range(_LIST_ITEMS):
            while pos > 0 and text[pos - 1] in _ITEM_OPENING:
                pos -= 1
            before = self.beside.word_before(text, pos, 0)
            if before is None:
                return False
            start, word = before
            if self._kind_words.has(word):
                return True
            if word.casefold() not in _ITEM_JOINERS:
                return False
            item = _ITEM_BEFORE_RE.search(text, max(0, start - WINDOW), start)  # the name before the conjunction
            if item is None or not item.group(1)[:1].isupper():
                return False
            pos = item.start(1)
        return False

    def club_named(self, text: str, s: int, e: int) -> bool:
        """Whether a town's name at ``text[s:e]`` makes one name with a sports society's name right
        before or after it, in quotes or not, blanks only between (``club_names`` of
        ``org_words.yaml``: Dinamo Minsk, ХК «Динамо» Минск, Minsk Dynamo, Шахцёр Салігорск), or with
        a club's abbreviation after it (the ``kind_words`` in capitals: Homel FC, Brest HC): the
        club's name; and so does a town's name joined by a dash to the society's name before it, no
        blank between (Динамо-Минск, «Динамо—Минск»)."""
        joined = word_joined_before(text, s, _JOINING_DASHES)
        if joined >= 0 and text[joined : s - 1].casefold() in self._club_names:
            return True
        if s > 0 and text[s - 1] in BLANKS:
            if self.beside.sign_before(text, s, 0) in QUOTE_CLOSE:  # the society's name in quotes („Dinamo“ Minsk)
                before = _CLUB_BEFORE_RE.search(text, max(0, s - WINDOW), s)
                word = before.group(1) if before is not None else ""
            else:
                got = self.beside.word_before(text, s, 0)
                word = got[1] if got is not None else ""
            if word.casefold() in self._club_names:
                return True
        if e < len(text) and text[e] in BLANKS:
            after = self.beside.word_after(text, e, len(text))
            if after is not None and not after[2]:
                word = after[1]
                letters = word.replace(".", "")  # (F.C. is FC)
                return word.casefold() in self._club_names or (
                    letters.isupper() and letters.casefold() in self._kind_abbreviations
                )
        return False

    def club_in_a_league_report(self, text: str, s: int, e: int, lo: int, hi: int) -> bool:
        """Whether an organisation's name of one word at ``text[s:e]``, in quotes (no acronym: как
        сообщает «БелТА»; not after a legal form), stands in a league's report: a text (``text[lo:hi]``)
        that names a sports society (``club_names`` of ``org_words.yaml``) alone in quotes,
        capitalised, in any case form («Нафтан» – с «Шахтёром», минским «Динамо»): a club's."""
        if (
            self._society_re is None
            or not _one_word(text, s, e)
            or not self.beside.in_quotes(text, s, e)
            or written_as_acronym(text[s:e])
            or self.after_a_legal_form(text, s)
        ):
            return False
        return any(m.group()[1].isupper() for m in self._society_re.finditer(text, lo, hi))

    def in_a_fixture(self, text: str, s: int, e: int, lo: int, hi: int) -> bool:
        """Whether the name at ``text[s:e]`` is a side of a match, joined to another capitalised
        name by a dash in a sentence (of ``text[lo:hi]``) that gives a score (Sluck – Belšina
        Babrujsk 3:2, Isloč Minsk – Vitebsk | 2:0), or by vs (BATE Barysau vs Homel): a team's."""
        joined: list[str] = []
        after = _FIXTURE_AFTER_RE.match(text, e)
        if after is not None and text[after.end()].isupper():
            joined.append(after.group(1))
        i = s
        while i > 0 and (text[i - 1] in BLANKS or text[i - 1] in QUOTE_OPEN):
            i -= 1
        if i > 0 and text[i - 1] in _FIXTURE_LAST:  # (the regex only where a dash or a vs may end)
            before = _FIXTURE_BEFORE_RE.search(text, max(0, s - WINDOW), s)
            if before is not None and before.group(1)[:1].isupper():
                joined.append(before.group(2))
        if not joined:
            return False
        return any(j.casefold().startswith("v") for j in joined) or gives_a_score(text, s, e, lo, hi)

    def with_its_town(self, text: str, s: int, e: int) -> bool:
        """Whether an organisation's name of one word at ``text[s:e]`` stands with a town's name
        right after it, blanks only between (Naftan Navapolatsk, Belshina Babrujsk), or right before
        it in quotes (Navapolatsk “Naftan”): a club of the company's town, which sport names so,
        where a company's town stands in brackets or after a comma, and a longer name is the
        company's in that town (Правозащитный центр «Весна» Минск)."""
        if not _one_word(text, s, e):
            return False
        if e < len(text) and text[e] in BLANKS:
            after = self.beside.word_after(text, e, len(text))
            if after is not None and not after[2] and not after[3] and self._a_town(after[1]):
                return True
        if s > 1 and text[s - 1] in QUOTE_OPEN and text[s - 2] in BLANKS:
            before = self.beside.word_before(text, s - 1, 0)
            return before is not None and self._a_town(before[1])
        return False

    def _a_town(self, word: str) -> bool:
        """Whether ``word`` names a place of the tables that is no state."""
        info = self.word(word)[1]
        if info is None or not info.place:
            return False
        entries = self._places.index.entries
        return any(entries[i].record.type == "place" and not self._places.is_state(i) for i in info.idxs)

    def the_town_itself(self, text: str, s: int, e: int) -> bool:
        """Whether a town's name at ``text[s:e]`` is written as a place is: right after a preposition
        of place (``place_prepositions`` of ``org_words.yaml``: the game in Minsk, la Brest) or alone
        in brackets (Dynamo (Minsk)), whatever else its name names in the text."""
        if 0 < s < e < len(text) and text[s - 1] == "(" and text[e] == ")":
            return True
        before = self.beside.word_before(text, s, 0)
        return before is not None and _as_listed(before[1]) in self._place_prepositions

    def after_a_legal_form(self, text: str, s: int) -> bool:
        """Whether a company's legal form stands right before ``s``, the name in quotes or not
        (``legal_forms`` of ``org_words.yaml``: ОАО «Нафтан»): the company, not a club of its name."""
        before = self.beside.word_before_name(text, s)
        return before is not None and _as_listed(before[1]) in self.tables.legal_forms

    def names_a_kind(self, entry: EntityEntry) -> bool:
        """Whether one of the entity's own names holds a word of ``kind_words`` (Press Club Belarus,
        Полк Каліноўскага): such a name after one is its own (remembered per entity)."""
        got = self._kinds.get(entry.record.id)
        if got is None:
            got = self._kinds[entry.record.id] = any(
                self._kind_words.has(part)
                for name in (*entry.record.names, *entry.record.aliases)
                for word in split_tokens(name)
                for part in word.split("-")
                if part
            )
        return got

    def call_sign(self, text: str, s: int) -> bool:
        """Whether the name at ``s`` is a person's call sign, nickname or pseudonym: a word that
        gives one stands right before it, the name in quotes or not (``call_sign_words`` of
        ``org_words.yaml``: с позывным Брест, з пазыўным «Мінск», the callsign Minsk), or a given
        name before it in quotes (Pavel "Volat")."""
        before = self.beside.word_before_name(text, s)
        if before is None:
            return False
        if s > 0 and text[s - 1] in QUOTE_OPEN and before[1][:1].isupper() and self.parts.kind(before[1]) == GIVEN:
            return True  # a nickname in quotes after a given name (Pavel "Volat", Іван «Брэст»)
        word = before[1].casefold()
        heads = self._call_sign_phrases.get(word)
        if heads is None:
            return word in self._call_sign_words
        for head in heads:  # the words of the phrase before its last, read back from it
            pos = before[0]
            for word in reversed(head):
                prior = self.beside.word_before(text, pos, 0)
                if prior is None or prior[1].casefold() != word:
                    break
                pos = prior[0]
            else:
                return True
        return False

    def publisher_named(self, text: str, s: int, e: int) -> bool:
        """Whether the place's name ``text[s:e]`` is a publisher's in a bibliographic record: after
        a label of a publisher and a colon (``publisher_words`` of ``org_words.yaml``: Выдавец:
        Беларусь), or in an imprint, place : publisher, year, between a place's name or a town's
        abbreviation with a colon and a comma with a year (Мінск : Беларусь, 1993; Мн.: Беларусь,
        2001; not Асобнае выданне: Менск, 1968, where the place follows a label)."""
        i = s
        while i > 0 and text[i - 1] in BLANKS:
            i -= 1
        if i == 0 or text[i - 1] != ":":
            return False  # (most places: no colon before them, and no search of the window)
        m = BEFORE_COLON_RE.search(text, max(0, s - WINDOW), s)
        if m is None:
            return False
        word = m.group(1)
        if word.casefold() in self.tables.publisher_words:
            return True
        if IMPRINT_YEAR_RE.match(text, e) is None:
            return False
        if m.group(2):  # an abbreviation of a town's name (Мн., М., СПб.)
            return word[:1].isupper() and len(word) <= 3
        return bool(self._places.places_named([self.word(word)[0]]))

    def _brand_before_product(self, text: str, e: int) -> bool:
        """Whether the place's name in Latin letters that ends at ``e`` is a brand's: a word for what
        is sold under a brand (``product_words`` of ``org_words.yaml``, by stem) follows it right
        away, after a blank or a hyphen (Belarus tractors, the Belarus brand, Belarus-branded)."""
        if is_cyrillic(text[e - 1]):
            return False
        m = PRODUCT_AFTER_RE.match(text, e)
        return m is not None and self._product_words.has(m.group(1))

    def after_a_product_word(self, text: str, s: int) -> bool:
        """Whether a word for what is sold under a brand (``product_words`` of ``org_words.yaml``,
        by stem) stands right before ``s``, the name in quotes or not (ciągnik Belarus, тракторов
        Belarus, xe Minsk, le tracteur « Belarus »)."""
        before = self.beside.word_before_name(text, s)
        return before is not None and self._product_words.has(before[1])

    def _brand_in_capitals(self, text: str, s: int, e: int) -> bool:
        """Whether the place's name in Latin letters at ``text[s:e]``, written in capitals in a line
        written mostly in small letters, stands right before a word in small letters that is no
        function word: a brand as English writes it, in capitals before the word for its products
        (BELARUS machinery, the BELARUS machinery exhibition); a place's name in capitals is a
        dateline's (MINSK, 22 January), which a comma follows, or a headline's, whose line is in
        capitals too."""
        word = text[s:e]
        if len(word) < 4 or not word.isupper() or is_cyrillic(word[0]):
            return False
        after = self.beside.word_after(text, e, len(text))
        if after is None or after[2] or after[3] or not after[1].islower() or after[1] in self._function_words:
            return False
        lo = text.rfind("\n", 0, s) + 1
        hi = text.find("\n", e)
        letters = [c for c in text[lo : len(text) if hi < 0 else hi] if c.isalpha()]
        return 2 * sum(1 for c in letters if c.islower()) > len(letters)

    def _latin_name_with_head(self, text: str, e: int) -> bool:
        """Whether the place's name in Latin letters that ends at ``e`` opens a name of capitalised
        words that a word of what is named after places ends (``named_after``), one to three words
        after it, or a company's legal form after one or more: Moscow State University, Vitsyebsk
        Station, Minsk Tractor Works, Grodno Khimvolokno JSC (English writes
        the town's name as the first word of the thing's, where Belarusian and Russian write an
        adjective: Маскоўскі дзяржаўны ўніверсітэт)."""
        if is_cyrillic(text[e - 1]):
            return False
        pos = e
        for _ in range(MAX_NAME_WORDS):
            after = self.beside.word_after(text, pos, len(text))
            if after is None or after[2] or after[3]:
                return False
            w = after[1]
            if pos > e and w.casefold() in self.tables.legal_forms:
                return True  # a company's name (Grodno Khimvolokno JSC)
            info = self.word(w)[1]
            if not w[:1].isupper() or w.isupper() or (info is not None and (info.person or not info.org)):
                return False  # (a person's or a place's name after the town's: In Minsk Lukashenko said;
                # a word of an organisation's name may be a word of the thing's: Minsk Radio Institute)
            if self.is_head(w):
                return True
            pos = after[0]
        return False

    def work_titled(self, text: str, s: int, e: int) -> bool:
        """Whether ``text[s:e]`` stands alone in quotes after a word for a kind of work
        (``work_words`` of ``org_words.yaml``, by stem), or after such a word and its author's
        name, up to three capitalised words (фильм Андрея Тарковского «Зеркало»): the title of a
        film, a book, a song (фильм «Зеркало», песня «Вясна»), not the organisation of that name."""
        if not self.beside.in_quotes(text, s, e):
            return False
        before = self.beside.word_before(text, s - 1, 0)
        for _ in range(_AUTHOR_WORDS):
            if before is None:
                return False
            if self._work_words.has(before[1]):
                return True
            if not before[1][:1].isupper() or before[1].isupper():
                return False
            before = self.beside.word_before(text, before[0], 0)
        return before is not None and self._work_words.has(before[1])

    def in_quoted_title(self, text: str, s: int, e: int) -> bool:
        """Whether ``text[s:e]`` is a word of a short name in quotes that another capitalised word
        opens or goes on (see :meth:`quoted_title`): the title of a paper, a party or a contest
        (журналіст «Фізкультурнік Беларусі», в "Наш дом Россия", конкурса «Лучшие товары
        Республики Беларусь», the "Young Belarus", „Polska Macierz Szkolna”), whose words name the
        thing titled; the case the name is in is the caller's to weigh (a slogan's dative: «Слава
        Украіне»)."""
        title = self.quoted_title(text, s, e)
        if title is None:
            return False
        q1, q2 = title
        own = range(s, e)
        return any(w.start() not in own and w.group()[0].isupper() for w in LETTERS_RE.finditer(text, q1 + 1, q2))

    def in_a_medium_title(self, text: str, s: int, e: int) -> bool:
        """Whether ``text[s:e]`` is a word of a title in quotes (see :meth:`quoted_title`) right
        after a word for a medium, a programme or a work (``title_words`` and ``work_words`` of
        ``org_words.yaml``, by stem), whatever case its other words are written in: the title's
        word (Телеграм-канал «Беларусь головного мозга», в программе «Беларусь.Новости»)."""
        title = self.quoted_title(text, s, e)
        if title is None:
            return False
        before = self.beside.word_before(text, title[0], 0)
        return before is not None and (self._title_words.has(before[1]) or self._work_words.has(before[1]))

    def after_a_medium_word(self, text: str, s: int) -> bool:
        """Whether a word for a medium or a programme (``title_words`` of ``org_words.yaml``, by
        stem: канал, телеканал, telewizja) stands right before the name at ``s``, in quotes or not."""
        before = self.beside.word_before_name(text, s)
        return before is not None and self._title_words.has(before[1])

    def numbered(self, text: str, e: int) -> bool:
        """Whether a number of one or two digits follows the name ending at ``e`` (Беларусь 1,
        Россия 24): a channel's numbering after a word for a medium."""
        return _CHANNEL_NUMBER_RE.match(text, e) is not None

    def opens_a_quoted_title(self, text: str, s: int, e: int) -> bool:
        """Whether ``text[s:e]`` is the first word of a title in quotes (see :meth:`quoted_title`)."""
        title = self.quoted_title(text, s, e)
        return title is not None and not LETTERS_RE.search(text, title[0] + 1, s)

    def quoted_title(self, text: str, s: int, e: int) -> tuple[int, int] | None:
        """Where the quotes open and close (see :meth:`_quoted_title`), remembered for the span
        asked last."""
        memo = self._title_memo
        if memo[0] is text and memo[1] == s and memo[2] == e:
            return memo[3]
        got = self._quoted_title(text, s, e)
        self._title_memo = (text, s, e, got)
        return got

    def _quoted_title(self, text: str, s: int, e: int) -> tuple[int, int] | None:
        """Where the quotes open and close (their positions) of a short name in quotes that holds
        ``text[s:e]`` and other words, the quotes standing after a word of the sentence: a title
        (газеты «Зеркало недели», песню «Вясна прыйшла»); None where there is none. Not where the
        quotes open a sentence or follow a colon or a dash (quoted speech and headlines: «Литва
        может последовать примеру Польши»; but a name of up to three capitalised words: "Мешков
        Брест" сыграет …), hold a comma, a dash or an end of sentence, or more
        than five words, nor where a preposition stands just before the name (a quoted phrase:
        «Зроблена ў Польшчы»)."""
        # the quotes and ends of sentences within reach are found by one search each way (most
        # characters are neither; the nearest one decides)
        q1 = -1
        for m in reversed(list(TITLE_STOP_RE.finditer(text, max(0, s - TITLE_REACH), s))):
            q, c = m.start(), m.group()
            if c in QUOTE_OPEN and (q == 0 or not text[q - 1].isalnum()):
                q1 = q
                break
            if (c in SENTENCE_END and not _joins_words(text, q)) or c in QUOTE_CLOSE_ONLY:
                return None
        if q1 < 0:
            return None
        q2 = -1
        for m in TITLE_STOP_RE.finditer(text, e, e + TITLE_REACH + 1):
            q, c = m.start(), m.group()
            if c in QUOTE_CLOSE and (q + 1 == len(text) or not text[q + 1].isalnum()):
                q2 = q
                break
            if (c in SENTENCE_END and not _joins_words(text, q)) or c in "«„":
                return None
        if q2 < 0:
            return None
        inside = text[q1 + 1 : q2]
        if TITLE_BREAK_RE.search(inside):
            return None
        words = list(LETTERS_RE.finditer(inside))
        if not 2 <= len(words) <= 5:
            return None
        before = [w.group() for w in words if w.end() <= s - q1 - 1]
        if before and before[-1].casefold() in PREPOSITIONS:
            return None
        if self.beside.sign_before(text, q1, 0).isalnum():
            return q1, q2  # after a word of the sentence
        # opening a sentence, a name of capitalised words only (a club's, "Мешков Брест" сыграет),
        # where quoted speech has words in small letters
        return (q1, q2) if len(words) <= _NAME_IN_QUOTES_WORDS and all(w.group()[0].isupper() for w in words) else None
