"""What a mention says of places: a place's name or its case forms among its words, an adjective
made from a place's name (Мінскі, Slutsky), and whether an organisation named after a state is
named here after another state (the Ministry of Foreign Affairs of Russia is not Belarus's)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .cases import candidate_rows
from .index import EntityEntry, Index
from .memo import remember
from .names import ParsedMention, split_tokens
from .phonetic import KEY_VOWELS
from .tables import Tables
from .text import is_cyrillic

_NO_VOWELS = str.maketrans("", "", KEY_VOWELS)
SOUND_MEMO_SIZE = 100_000  # adjectives' keys (and the places of keys) remembered
_ADJECTIVE_INSTRUMENTAL = ("ым", "ім", "им")  # the instrumental of a possessive surname (Борисовым)
_EAST_SLAVIC_LETTERS = frozenset("эыёўіїєґ")  # see Places.met_by_a_latin_name_only
# the soft sign after a letter but before о: Bulgarian writes it only so (ьо), Serbian and
# Macedonian never (the Ukrainian Польська, Polish, is no Polska)
_EAST_SLAVIC_SOFT_SIGN_RE = re.compile("ь(?!о)")


def consonants(key: str) -> str:
    """A phonetic key without its vowels."""
    return key.translate(_NO_VOWELS)


class Places:
    """The places of the index, as the mentions of other entities name them."""

    def __init__(self, index: Index, tables: Tables) -> None:
        self.index = index
        self.tables = tables
        self._org_places: dict[int, frozenset[int]] = {}  # the places each organisation is named after
        # the consonants (three or more) of the words of the places' names, by their first three,
        # each with the place's number (made on first use); see adjective_places
        self._sounds: dict[str, set[tuple[str, int]]] | None = None
        self._sound_memo: dict[str, frozenset[int]] = {}
        self._states: dict[int, bool] = {}  # see is_state
        self._countries_memo: frozenset[str] | None = None  # see _countries
        self._after_state: dict[int, bool] = {}  # see named_after_state
        self._surname_shaped: dict[int, bool] = {}  # see named_like_a_surname
        self._key_places: dict[str, tuple[int, ...]] = {}  # see _places_of_key
        self._places_by_id: dict[str, int] | None = None  # see state_of
        self._own_sounds: dict[tuple[int, bool], frozenset[str]] = {}  # see _sounds_of
        self._cyrillic_keys: dict[str, frozenset[str]] = {}  # see met_by_a_latin_name_only

    def adjective(self, place: EntityEntry, parsed: ParsedMention) -> bool:
        """Whether a mention of one word is an adjective or a surname made from the place's name:
        it ends as one (``place_adjectives`` in ``inflection.yaml``) and is none of the place's own
        forms, which the index keeps written as well as by key (Slutsky is not Slutsk, Minskaya
        not Minsk, though it keys as Minska)."""
        return self.adjective_alone(parsed) and parsed.words[0].text.lower() not in place.surfaces

    def adjective_alone(self, parsed: ParsedMention) -> bool:
        """Whether a mention is one word that ends as an adjective or surname made from a place's
        name does (``place_adjectives`` in ``inflection.yaml``: Мозырским, Slutsky)."""
        words = parsed.words
        return (
            len(words) == 1
            and not parsed.initials
            and words[0].text.lower().endswith(self.tables.place_adjective_endings)
        )

    def names_a_place(self, stems: Iterable[str]) -> bool:
        """Whether one of ``stems`` (of a word's key) is the key of a place's name."""
        entries, by_key = self.index.entries, self.index.by_key
        return any(entries[i].record.type == "place" for st in stems for i in by_key.get(st) or ())

    def places_named(self, keys: list[str]) -> list[int]:
        """The places whose name (or a case form of it) is one of the words of these keys."""
        return sorted({i for k in keys for i in self._places_of_key(k)})

    def _places_of_key(self, key: str) -> tuple[int, ...]:
        """The places among the entities of a key (remembered per key: a key of a word of many
        names, Беларусь, holds many organisations)."""
        got = self._key_places.get(key)
        if got is None:
            entries = self.index.entries
            got = tuple(i for i in (self.index.by_key.get(key) or ()) if entries[i].record.type == "place")
            remember(self._key_places, key, got, SOUND_MEMO_SIZE)
        return got

    def places_of_words(self, words: list[str], keys: list[str]) -> list[int]:
        """The places the words of a mention (with their keys) name: by a name or its case forms,
        or as the adjective made from it (``place_adjectives`` in ``inflection.yaml``) whose stem by
        the vocabulary's endings is a place's key (Российский МИД: Russia)."""
        ends = self.tables.place_adjective_endings
        stems = self.tables.vocabulary.stems
        found = list(keys)
        for w, k in zip(words, keys, strict=True):
            if k and w.lower().endswith(ends):
                found.extend(stems(k))
        return self.places_named(found)

    def foreign_place(self, org: int, places: Iterable[int], any_place: bool = False) -> bool:
        """Whether the organisation (its number in the index) is named after a place, and one of
        ``places`` is another state or region: the Ministry of Foreign Affairs of the Republic of
        Belarus is not the one of the Russian Federation. An organisation named after no place
        (Viasna) has no foreign place, and a town is no state (Белтэлерадыёкампанія in Homiel).
        A state or region is a place with a name of several words in the table (Российская
        Федерация, Минская область); with ``any_place`` (a body every state has), any other place
        counts (МВД Польши; МВД of a region or town is the region's department)."""
        own = self.own_places(org)
        return bool(own) and any(p not in own and (any_place or self.is_state(p)) for p in places)

    def own_places(self, org: int) -> frozenset[int]:
        """The places the organisation (its number in the index) is named after: each place a word
        of its names (generic ones too: Беларусь) names, and that one only; and the state whose
        body it is (its ``country``: OMON, named after no place, is Belarus's)."""
        own = self._org_places.get(org)
        if own is None:
            entries, by_key = self.index.entries, self.index.by_key
            found: set[int] = set()
            for k in entries[org].word_keys:
                hits = [i for i in by_key.get(k) or () if entries[i].record.type == "place"]
                if len(hits) == 1:
                    found.add(hits[0])
            state = self.state_of(org)  # (-1 for an organisation that gives no country)
            if state >= 0:
                found.add(state)
            own = self._org_places[org] = frozenset(found)
        return own

    def adjective_places(self, key: str) -> frozenset[int]:
        """The places whose name has a word the key of an adjective begins with, by its consonants
        (three or more: the -с of Беларусь merges into the suffix of беларускі, белорусский, and the
        Ukrainian білоруського has і; российском of Российская Федерация). Remembered per key."""
        got = self._sound_memo.get(key)
        if got is None:
            if self._sounds is None:
                sounds: dict[str, set[tuple[str, int]]] = {}
                for i, x in enumerate(self.index.entries):
                    if x.record.type == "place":
                        for k in x.word_keys:
                            if len(c := consonants(k)) >= 3:
                                sounds.setdefault(c[:3], set()).add((c, i))
                self._sounds = sounds
            c = consonants(key)
            got = remember(
                self._sound_memo,
                key,
                frozenset(i for pc, i in self._sounds.get(c[:3], ()) if c.startswith(pc)),
                SOUND_MEMO_SIZE,
            )
        return got

    def sound_kinds(self, key: str) -> frozenset[bool]:
        """Of the places of :meth:`adjective_places`, whether each is a state: empty when none."""
        return frozenset(self.is_state(p) for p in self.adjective_places(key))

    def named_after_state(self, org: int) -> bool:
        """Whether the organisation (its number in the index) is named after a state: by the
        state's name or the adjective made from it (Беларуская праваслаўная царква; see
        :meth:`sound_kinds`). Remembered per organisation."""
        got = self._after_state.get(org)
        if got is None:
            got = any(self.is_state(p) for p in self.own_places(org)) or any(
                True in self.sound_kinds(k) for k in self.index.entries[org].word_keys
            )
            self._after_state[org] = got
        return got

    def own_sounds(self, org: int, key: str) -> bool:
        """Whether the key of an adjective begins with the consonants (three or more) of a word of
        the organisation's own names or of the places it is named after (белорусского of the
        Belarusian ministry)."""
        return self._begins_as(key, self._sounds_of(org, True))

    def of_own_places(self, org: int, key: str) -> bool:
        """Whether a word of ``key`` is made from the name of a place the organisation (its number
        in the index) is named after: its consonants begin with the consonants (three or more) of a
        word of the place's name that is no ordinary word (белорусов, беларускі, Belarusian of
        Беларусь; not республиканский of Рэспубліка)."""
        return self._begins_as(key, self._sounds_of(org, False))

    @staticmethod
    def _begins_as(key: str, sounds: frozenset[str]) -> bool:
        c = consonants(key)
        return any(c.startswith(pc) for pc in sounds)

    def _sounds_of(self, org: int, names: bool) -> frozenset[str]:
        """The consonants (three or more) of the words of the organisation's own names and of its
        places' (with ``names``), or of its places' words that are no ordinary words (without).
        Remembered per organisation."""
        got = self._own_sounds.get((org, names))
        if got is None:
            entries = self.index.entries
            places = [entries[p].word_keys for p in self.own_places(org)]
            if names:
                keys = [k for ks in (entries[org].word_keys, *places) for k in ks]
            else:
                concepts = self.tables.vocabulary.concepts
                keys = [k for ks in places for k in ks if not concepts(k)]
            got = self._own_sounds[(org, names)] = frozenset(pc for k in keys if len(pc := consonants(k)) >= 3)
        return got

    def named_like_a_surname(self, place: int) -> bool:
        """Whether a name of one word of the place, as the tables write it in Cyrillic, is the
        nominative of a man's surname of the possessive kind by ``inflection.yaml``: a row of
        ``kind: surname`` whose instrumental ends as an adjective's (-ым, -ім), which a town's
        name of the same ending does not take (Борисов: Борисовым the man, Борисовом the town;
        Барысаў, Жлобин), so that a personal name may end in it (Юрий Борисов); not Пинск,
        Украина. Remembered per place."""
        got = self._surname_shaped.get(place)
        if got is None:
            r = self.index.entries[place].record
            words = [n.lower() for n in (*r.names, *r.aliases) if n and is_cyrillic(n[0]) and " " not in n]
            rows = self.tables.inflection
            got = self._surname_shaped[place] = any(
                row.ending and any(f.endswith(_ADJECTIVE_INSTRUMENTAL) for f in row.forms_of("ins"))
                for w in words
                for lang in ("ru", "be")
                for row in candidate_rows(w, rows.get(lang, []), "m", kinds=("surname",))
            )
        return got

    def state_of(self, entity: int) -> int:
        """The state that the entity number ``entity`` lies in or is part of the public life of (its
        ``country`` in the tables), or a place itself when it gives none and is a state (see
        :meth:`is_state`); -1 when the tables do not say."""
        record = self.index.entries[entity].record
        country = record.country
        if not country:
            return entity if record.type == "place" and self.is_state(entity) else -1
        if self._places_by_id is None:
            entries = self.index.entries
            self._places_by_id = {e.record.id: i for i, e in enumerate(entries) if e.record.type == "place"}
        return self._places_by_id.get(country, -1)

    def is_state(self, place: int) -> bool:
        """Whether the place is a state: another entity gives it as its ``country`` (Kyiv, Ukraine;
        a person of Ukraine's public life), or one of its names has several words (Рэспубліка
        Беларусь, Российская Федерация). Remembered per place."""
        got = self._states.get(place)
        if got is None:
            r = self.index.entries[place].record
            got = self._states[place] = r.id in self._countries or any(
                len(split_tokens(name)) > 1 for name in (*r.names, *r.aliases)
            )
        return got

    @property
    def _countries(self) -> frozenset[str]:
        """The ids the entities give as their ``country`` (made on first use)."""
        if self._countries_memo is None:
            self._countries_memo = frozenset(e.record.country for e in self.index.entries if e.record.country)
        return self._countries_memo

    def met_by_a_latin_name_only(self, e: EntityEntry, word: str, key: str) -> bool:
        """Whether an East Slavic word meets a place only by the key of a Latin name of it. Such a
        word holds a letter of the Russian, Belarusian or Ukrainian alphabets that the Cyrillic
        of Serbian, Macedonian and Bulgarian lacks (э ы ё ў і ї є ґ, the soft sign but before о:
        Польська, Ukrainian for Polish, is no Polska); the place's names in those
        languages are its Cyrillic names and their case forms, its Latin names other languages'
        (the Belarusian у Крэве, of the village Крэва, is no Krievija, Latvian for Russia). The
        Serbian Русија still meets the key of Rusija."""
        low = word.lower()
        if (
            _EAST_SLAVIC_LETTERS.isdisjoint(low) and _EAST_SLAVIC_SOFT_SIGN_RE.search(low) is None
        ) or low in e.surfaces:
            return False
        keys = self._cyrillic_keys.get(e.record.id)
        if keys is None:
            keys = frozenset(k for s, k in e.surfaces.items() if is_cyrillic(s[0]))
            remember(self._cyrillic_keys, e.record.id, keys, SOUND_MEMO_SIZE)
        # (the keys of the Ukrainian case forms, which are not the place's spellings, are Cyrillic ones)
        return bool(keys) and key not in keys and key not in e.uk_only

    def cyrillic_place(self, e: EntityEntry) -> bool:
        """Whether the tables name a place in Cyrillic (the index then made its case forms)."""
        return any(is_cyrillic(n[0]) for n in (*e.record.names, *e.record.aliases) if n)
