"""Whose body an organisation's name in running text is: a body every state has, named in
ordinary words (Следственный комитет), another state's (российского МИД, Estonia's KGB, КГБ
СССР), the speaker's or several states' (наш МИД), or an ordinary word that opens a sentence."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .beside import WordsBeside
from .index import EntityEntry, Index
from .nameparts import NONE, NameParts
from .phonetic import PhoneticKey
from .placecontext import PlaceContext
from .places import Places
from .tables import Tables
from .text import is_cyrillic
from .textpatterns import (
    ANY_WORD_RE,
    BLANKS,
    CAPITALISED_RE,
    DASHES,
    OF_OWNER_RE,
    POSSESSOR_RE,
    QUOTE_OPEN,
    WINDOW,
    composed_word,
    sentence_start,
)
from .wordlists import NamesakesIn, listed_words


class BodyContext:
    """Tells whose body an organisation's name in running text is (see the module)."""

    def __init__(
        self, beside: WordsBeside, parts: NameParts, place_context: PlaceContext, places: Places, index: Index,
        tables: Tables, key: PhoneticKey,
    ) -> None:  # fmt: skip
        self.beside = beside
        self.parts = parts
        self.place_context = place_context
        self.index = index
        self.tables = tables
        self.key = key
        self._places = places
        voc = tables.vocabulary
        self._vocabulary = voc
        self._function_words = voc.function_words
        self._state_bodies = listed_words(tables.state_bodies, key, voc.stems)
        self._state_body_memo: dict[str, bool] = {}
        # the entities others of whose name are elsewhere (namesakes_in: Finistère; Советский Союз)
        self.namesakes_in = NamesakesIn(
            {
                i: [name.split() for name in e.record.namesakes_in]
                for i, e in enumerate(index.entries)
                if e.record.namesakes_in
            },
            key,
            voc.stems,
        )
        # the text last read, with the position of each word of it that is a word of namesakes_in
        self._namesakes_of: tuple[str, list[tuple[int, frozenset[tuple[int, int, int]]]]] = ("", [])
        openers = "|".join(r"[ \t\u00a0]+".join(map(re.escape, w.split())) for w in tables.domain_openers)
        self._domain_re = re.compile(rf"[ \t\u00a0]+(?:{openers})(?!\w)", re.IGNORECASE) if openers else None

    def domain_after(self, text: str, e: int) -> bool:
        """Whether the name that ends at ``e`` goes on with the field of a body (``domain_openers``
        of ``org_words.yaml``: Координационный совет по делам молодёжи, Rada do spraw Młodzieży):
        it opens another body's longer name."""
        return self._domain_re is not None and self._domain_re.match(text, e) is not None

    def namesakes_read(self, text: str, found: list[tuple[int, frozenset[tuple[int, int, int]]]]) -> None:
        """Keep the words of ``namesakes_in`` that the scan of ``text`` for its anchors found (as
        (position, what they name)), which :meth:`names_where_namesakes_lie` reads then."""
        self._namesakes_of = (text, found)

    def ordinary_word_opening(self, text: str, s: int, e: int, org: EntityEntry) -> bool:
        """Whether ``text[s:e]`` is one ordinary Cyrillic word (of the vocabulary) outside quotes
        whose capital says nothing, so that it names no organisation (``org``): one that opens a
        sentence (Весна 2020 года, the season; the centre is «Весна»), or one written in capitals
        as no name of the organisation is (a heading, ВЕСНА; an acronym the tables write so, ОМОН,
        is a name). A Latin word that keys as one is a spelling of the name, not the word (Viasna;
        the English word is spring)."""
        word = text[s:e]
        if not word.isalpha() or not is_cyrillic(word[0]) or (s > 0 and text[s - 1] in QUOTE_OPEN):
            return False
        if word.isupper():
            if any(word in name.split() for name in (*org.record.names, *org.record.aliases)):
                return False
        elif not sentence_start(text, s):
            return False
        k = self.key(composed_word(word))
        return bool(k) and bool(self._vocabulary.concepts(k))

    def word_before_dash(self, text: str, s: int) -> str | None:
        """The capitalised word inside a sentence that a dash joins to the acronym at ``text[s:]``,
        an acronym or a word of the vocabulary of organisations' names, no name part (Кансэрватыўна-
        Хрысціянская Партыя – БНФ, КХП – БНФ), else None: where it names nothing by itself, the
        acronym ends another organisation's name (a party of its own that carries the acronym of
        the one it came from)."""
        i = s
        while i > 0 and text[i - 1] in BLANKS:
            i -= 1
        if i == 0 or text[i - 1] not in DASHES:
            return None
        got = self.beside.word_before(text, i - 1, 0)
        if got is None:
            return None
        at, w = got
        if not w[:1].isupper() or sentence_start(text, at) or self.parts.kind(w) != NONE:
            return None
        if len(w) > 1 and w.isupper():
            return w  # an acronym (КХП – БНФ)
        k = self.key(composed_word(w))
        # a word of the vocabulary of names (Партыя); not a surname (Валерий Сидорчик – БЕЛТА, a byline)
        return w if k and self._vocabulary.concepts(k) else None

    def state_body(self, text: str, s: int, e: int) -> bool:
        """Whether the organisation's name ``text[s:e]`` names a kind of body every state has
        (``state_bodies`` in ``org_words.yaml``) in ordinary words only (of the vocabulary, no
        place among them): Следственный комитет, Министерство иностранных дел. Such a name alone
        does not say whose body it is."""
        content = [w for w in ANY_WORD_RE.findall(text, s, e) if w.casefold() not in self._function_words]
        voc = self._vocabulary
        kind = False
        for w in content:
            k = self.key(composed_word(w))
            if not k or not voc.concepts(k):
                return False
            kind = kind or self._state_bodies.has_key(k)
        return kind and not self._holds_place(content)  # (a place's word says whose: Беларуская)

    def owner_beside(self, text: str, s: int, e: int, org: int) -> bool:
        """Whether a word right beside the name ``text[s:e]`` of the organisation ``org`` (its
        number in the index) says whose it is, and it is not the state it is named after. Beside a
        state body (named with a ``state_bodies`` word), a word of ``owner_words`` in
        ``org_words.yaml``: the speaker's own (наш МИД) or several states' (МЗС краін Еўрасаюза).
        Before a state body or an organisation named after a state, the adjective of another place
        (российского МИД, українського МЗС, советского КГБ, Русской Православной Церкви; not
        белорусского МИД). A name that holds a place's word says whose itself (наш МИД Беларуси is
        still linked)."""
        entry = self.index.entries[org]
        state_body = self.state_body_entity(entry)
        if not (self.a_states_body(entry) or self._places.named_after_state(org)) or self._holds_place(
            ANY_WORD_RE.findall(text, s, e)
        ):
            return False
        before = self.beside.word_before(text, s, 0)
        # (before an organisation that is no body every state has, a town's adjective names its
        # branch there: гродненского БРСМ is the union's, минского ОМОН one of the units)
        if before is not None and self._another_places_adjective(before[1], org, towns_own=not state_body):
            return True
        if not state_body:
            return False
        owners = self.tables.owner_words
        after = self.beside.word_after(text, e, len(text))
        return (before is not None and before[1].casefold() in owners) or (
            after is not None and not after[2] and after[1].casefold() in owners
        )

    def _another_places_adjective(self, word: str, org: int, towns_own: bool = False) -> bool:
        """Whether ``word`` is an adjective made from the name of a place that is not one the
        organisation ``org`` is named after: it ends as an adjective made from a place's name does
        (``place_adjectives`` of ``inflection.yaml``: российского, українського, советского), and
        is not the adjective of its own place (белорусского, беларускага, білоруського), nor, with
        ``towns_own``, of a place of the tables that is no state (гродненского)."""
        k = self.place_context.adjective_key(word)
        if not k:
            return False
        if towns_own and False in self._places.sound_kinds(k):
            return False
        return not self._places.own_sounds(org, k)  # (the adjective of its own place or name)

    def own_places_adjective(self, word: str, org: int) -> bool:
        """Whether ``word`` is the adjective made from the name of a place the organisation ``org``
        is named after (``place_adjectives`` of ``inflection.yaml``: белорусского, беларускага of the
        Belarusian ministry)."""
        k = self.place_context.adjective_key(word)
        return bool(k) and self._places.own_sounds(org, k)

    def a_states_body(self, org: EntityEntry) -> bool:
        """Whether the organisation is a body of some state whose acronym alone does not say which:
        a body every state has (:meth:`state_body_entity`), or one the tables give a state as its
        ``country`` (OMON, named after no place)."""
        return bool(org.record.country) or self.state_body_entity(org)

    def state_body_entity(self, org: EntityEntry) -> bool:
        """Whether one of the organisation's names is a body of a kind every state has: a
        ``state_bodies`` word that only ordinary words (of the vocabulary), no place's word among
        them, stand before, function words aside (Министерство иностранных дел Республики
        Беларусь, Следственный комитет, Центральная избирательная комиссия, Ministry of Foreign
        Affairs; not Беларуская служба Радыё Свабода, a service of a radio, nor Belarusian
        Helsinki Committee)."""
        memo = self._state_body_memo
        got = memo.get(org.record.id)
        if got is None:
            got = any(self._names_a_state_body(name) for name in (*org.record.names, *org.record.aliases))
            memo[org.record.id] = got
        return got

    def _names_a_state_body(self, name: str) -> bool:
        """:meth:`state_body_entity` for one name."""
        for w in ANY_WORD_RE.findall(name):
            if w.casefold() in self._function_words:
                continue
            k = self.key(composed_word(w))
            if not k or w.isupper() or not self._vocabulary.concepts(k) or self._holds_place([w]):
                return False
            if self._state_bodies.has_key(k):
                return True
        return False

    def _holds_place(self, words: Iterable[str]) -> bool:
        """Whether one of ``words`` is a place's word or its adjective: by its stems (Russian,
        Мінскі), or ending as an adjective made from a place's name does, by its sounds, which begin
        with the place's (Беларуская, белорусский: the -с of Беларусь merges into the suffix), after
        a prefix of ``place_adjective_prefixes`` too (Всебелорусское, усебеларускі), or after a
        hyphen (All-Belarusian)."""
        stems = self.tables.vocabulary.stems
        ends = self.tables.place_adjective_endings
        for w in (part for word in words for part in (word, *word.split("-")[1:])):
            k = self.key(composed_word(w))
            if not k:
                continue
            if self._places.names_a_place(stems(k)):
                return True
            low = w.lower()
            if low.endswith(ends) and any(
                self._places.sound_kinds(self.key(composed_word(low[len(p) :])) if p else k)
                for p in ("", *self.tables.place_adjective_prefixes)
                if low.startswith(p) and len(low) > len(p)
            ):
                return True
        return False

    def names_where_namesakes_lie(self, text: str, entity: int, lo: int = 0, hi: int = -1) -> bool:
        """Whether ``text`` (or ``text[lo:hi]``) names, in capitalised words, a state or region
        where another place or body of the name of entity number ``entity`` is (``namesakes_in`` of
        its table entry, each of its words read by stem: Brest is also a town of Finistère, in
        Brittany, France: Бретани, Frankreich, Francji; the KGB was also the USSR's: СССР,
        Советского Союза), so that its name in the text may be the other's."""
        namesakes = self.namesakes_in
        if not namesakes.has(entity):
            return False
        record = self._namesakes_of
        if record[0] is not text:
            # the words of namesakes_in the text holds, found in one scan of it for every entity
            # asked about it (unless the scan for its anchors found them)
            found: list[tuple[int, frozenset[tuple[int, int, int]]]] = []
            for m in CAPITALISED_RE.finditer(text):
                got = namesakes.words_of(m.group())
                if got:
                    found.append((m.start(), got))
            record = self._namesakes_of = (text, found)
        end = len(text) if hi < 0 else hi
        return namesakes.named(entity, ((pos, items) for pos, items in record[1] if lo <= pos < end))

    def english_owner(self, text: str, s: int, e: int) -> str:
        """The proper name that English writes as the owner of what ``text[s:e]`` names: a
        capitalised word with a possessive right before it (Estonia's KGB) or after of (the MVD of
        Georgia); "" when there is none."""
        m = POSSESSOR_RE.search(text, max(0, s - WINDOW), s)
        if m is not None:
            return m.group(1)
        m = OF_OWNER_RE.match(text, e)
        return m.group(1) if m is not None else ""

    def namesakes_place_after(self, text: str, e: int, entity: int) -> bool:
        """Whether the word right after ``text[:e]`` names a state or region where another of the
        name of entity number ``entity`` is (``namesakes_in``, a name of one word): КГБ СССР."""
        if not self.namesakes_in.has(entity):
            return False
        after = self.beside.word_after(text, e, len(text))
        return after is not None and not after[2] and self.namesakes_in.one_word_name(entity, after[1])
