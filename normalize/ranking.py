"""Candidates and their scores for one mention: the entities whose name words share a key with the
mention's words (or an organisation's words in translation, stems and acronyms; one edit away
when nothing shares one), each scored by the scorer of its kind (:mod:`normalize.persons`,
:mod:`normalize.phrases`), after the rules that rule a candidate out by the mention's words alone:
another word's form (Беларусы, Biełarus, Polak), a given name or an ordinary word alone, an
adjective made from a place's name, another country's ministry."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence

from .cognates import GivenNameGroups
from .index import EntityEntry, Index
from .memo import remember
from .names import Token, alternatives, parse_mention, split_tokens
from .orgnames import OrgNames, QueryPhrase
from .persons import PersonQuery, PersonScorer
from .phonetic import PhoneticKey
from .phrases import PhraseScorer
from .places import Places
from .scores import Scored
from .tables import Tables
from .text import COMBINING_MARKS, is_cyrillic, normalize_text
from .wordforms import WordForms

ORDINARY_MEMO_SIZE = 100_000  # keys remembered: whether a word of the vocabulary, the entities one edit away

_QUOTE_RE = re.compile("[«»„“”‘’']")  # a quote or apostrophe other than ", compared as "
_LETTER_DOT_RE = re.compile(r"(?<![^\W\d_])([^\W\d_])\.")  # a letter alone before a full stop


def _written_initial(text: str) -> bool:
    """Whether ``text`` holds an initial written as such: a capital letter alone and a full stop
    (И., J., Ł.; not a small letter of any alphabet: і., ł.)."""
    return any(m.group(1).isupper() for m in _LETTER_DOT_RE.finditer(text))


_QUOTE_MARKS = frozenset('«»„“”"‘')  # (’ is an apostrophe too)
_QUOTE_MARK_RE = re.compile(f"[{''.join(sorted(_QUOTE_MARKS))}]")


def written_form(name: str) -> str:
    """A name folded for comparing it as written: normalized, one kind of quote, one space, no
    case."""
    return folded(normalize_text(name))


def folded(normalized: str) -> str:
    """:func:`written_form` of a text :func:`normalize_text` has made already."""
    return " ".join(_QUOTE_RE.sub('"', normalized).casefold().split())


# consonants before which Belarusian writes ы where Russian writes и (Жырыноўскі): no sign of a
# hard ending in the one language against a soft one in the other
_HARDENED = frozenset("жшчщрц")


def _one_word_name(entry: EntityEntry) -> bool:
    """Whether one of the entity's names is a single word (Нафтан, Белшина)."""
    return any(len(split_tokens(name)) == 1 for name in (*entry.record.names, *entry.record.aliases))


_CYRILLIC_VOWELS_AND_SIGNS = frozenset("аеёиоуыэюяіїєьъ'’")


# the endings of the entity's forms by the forms' keys: of its Cyrillic forms, of its Latin ones,
# of its Latin ones in the letters of Łacinka and Polish, and the keys whose every Latin form
# writes a c
FormEndings = tuple[dict[str, frozenset[str]], dict[str, frozenset[str]], dict[str, frozenset[str]], frozenset[str]]

# the letters before a final vowel that make a Latin spelling's ending soft (-ия, -ія written -iya,
# -ija, -ia, -ie, -iâ; a soft sign as an apostrophe or a prime)
_LATIN_SOFT = frozenset("iyjìíï'’ʹʼ")
_LATIN_VOWELS = frozenset("aeou")
_LATIN_NOT_HARD = _LATIN_SOFT | _LATIN_VOWELS  # what no hard ending has before its vowel
_LATIN_J_VOWELS = frozenset("aeiou")  # the vowels after a j of a soft consonant (Gradnji, konja)
_COMBINING_RE = re.compile(f"[{COMBINING_MARKS}]")
# the vowels of ISO 9 that are soft themselves (â for я, û for ю), after a consonant
_ISO_SOFT_VOWELS = frozenset("âû")
# the long í and ý of Czech and Slovak, which end their adjectives after a consonant (Hradní, of a
# castle; -ný, -ní): no scheme writes a final і, и or ы so, and a place's own Czech and Slovak forms
# are among its spellings
_CZECH_LONG_I = frozenset("íý")
# the letters of i at the end of a Latin spelling (і, и: Biełarusi, Belarusì)
_LATIN_I = frozenset("iìíï")
# after k, g and h, Łacinka, Polish and Belarusian write i, not y: a final -ky, -gy, -khy is the
# English spelling of -ий, -ій (Kalinovsky of Каліноўскі), no hard ending
_BEFORE_ENGLISH_Y = frozenset("kgh")
# letters that only Łacinka and Polish write among the Latin spellings of names: a word with one
# is spelled in an alphabet that marks a soft s, z, c and n with an acute (Biełaruś, Lubań)
_ACUTE_ALPHABET = frozenset("łśźćńŭż")
_ACUTE_SOFT = {"s": "ś", "z": "ź", "c": "ć", "n": "ń"}


def _latin_ending_test(word: str) -> Callable[[str], bool] | None:
    """For a word in Latin letters (in small letters), the test that the last letters of a form
    pass when they end otherwise than the word, hard against soft; None when the word's ending
    tells neither (see :func:`_another_words_form`). A final s after a vowel (a plural or a
    genitive: Poles, Biélorusses; Polijas) is read past: the letters before it are compared with
    those before the s of every form."""
    if len(word) >= 5 and word.endswith("ių"):
        # the Lithuanian genitive plural (Lietuvių, of Lithuanians), where Polish writes -iu after a
        # soft consonant in the locative of a place's own name (Brześciu, Kobryniu)
        return _hard_latin_u
    t = _COMBINING_RE.sub("", unicodedata.normalize("NFD", word))
    if len(t) >= 5 and t[-1] == "s" and t[-2] in _LATIN_VOWELS:
        inner = _last_letters_test(t[:-1])
        if inner is None:
            return None
        return lambda end: end[-1:] == "s" and inner(end[:-1])
    return _last_letters_test(t)


def _last_letters_test(t: str) -> Callable[[str], bool] | None:
    """:func:`_latin_ending_test` of a word without a final s: a vowel after a consonant (not after
    a vowel, nor after i, y, j or a soft sign; the Czech ů is a u) against a soft vowel; a y after
    a consonant but k, g or h (ы, as Łacinka, Polish and Czech write it) against an i."""
    if len(t) >= 5 and t[-2] == "j" and t[-1] in _LATIN_J_VOWELS and t[-3].isalpha() and t[-3] not in _LATIN_NOT_HARD:
        # a j between a consonant and the last vowel (the nj, lj of Croatian, Serbian and Slovene,
        # Czech and Slovak ď, ť, ň written so: a soft consonant) against a hard vowel
        return _hard_latin_vowel
    if len(t) < 4 or not t[-2].isalpha() or t[-2] in _LATIN_NOT_HARD:
        return None
    if t[-1] in _LATIN_VOWELS:
        return _soft_latin_vowel
    if t[-1] == "y" and t[-2] not in _BEFORE_ENGLISH_Y:
        return _latin_i_ending
    return None


def _soft_latin_vowel(end: str) -> bool:
    """Whether a Latin form's last two letters are a soft vowel: one after i, y, j or a soft sign,
    or ISO 9's â or û (я, ю)."""
    e = end[-2:]
    return len(e) == 2 and (e[0] in _LATIN_SOFT or e[1] in _ISO_SOFT_VOWELS)


def _hard_latin_vowel(end: str) -> bool:
    """Whether a Latin form's last two letters are a vowel after a consonant: a, e, o, u, or a y
    after a consonant but k, g or h (ы; GOST 7.79's system B writes it y`)."""
    e = end.removesuffix("`")[-2:]
    if len(e) < 2 or not e[0].isalpha() or e[0] in _LATIN_NOT_HARD:
        return False
    return e[1] in _LATIN_VOWELS or (e[1] == "y" and e[0] not in _BEFORE_ENGLISH_Y)


def _hard_latin_u(end: str) -> bool:
    """Whether a Latin form's last two letters are a u after a consonant (у, not ю)."""
    e = end[-2:]
    return len(e) == 2 and e[1] == "u" and e[0].isalpha() and e[0] not in _LATIN_NOT_HARD


def _latin_i_ending(end: str) -> bool:
    """Whether a Latin form ends in an i (the soft і or и, where ы is written y)."""
    return end[-1:] in _LATIN_I


def _form_endings(entry: EntityEntry) -> FormEndings:
    """The last two letters of the Cyrillic forms of the entity's names, the last three of its
    Latin forms (combining marks aside) and the last two of its Latin forms in the letters of
    Łacinka and Polish, by the
    forms' keys, and the keys whose every Latin form writes a c: what
    :func:`_another_words_form` asks of every form of a key (one reading of all the forms, not one
    at each word it tests)."""
    cyrillic: dict[str, set[str]] = {}
    latin: dict[str, set[str]] = {}
    acute: dict[str, set[str]] = {}
    without_c: set[str] = set()
    for f, fk in entry.surfaces.items():
        if f and is_cyrillic(f[0]):
            cyrillic.setdefault(fk, set()).add(f[-2:])
        elif f:
            bare = _COMBINING_RE.sub("", f)
            latin.setdefault(fk, set()).add(bare[-3:])
            if not _ACUTE_ALPHABET.isdisjoint(f):
                acute.setdefault(fk, set()).add(f[-2:])
            if "c" not in bare:
                without_c.add(fk)
    return (
        {k: frozenset(v) for k, v in cyrillic.items()},
        {k: frozenset(v) for k, v in latin.items()},
        {k: frozenset(v) for k, v in acute.items()},
        frozenset(k for k in latin if k not in without_c),
    )


def _another_words_form(
    entry: EntityEntry,
    words: Sequence[Token],
    keys: Sequence[str],
    endings_of: Callable[[EntityEntry], FormEndings] = _form_endings,
) -> bool:
    """Whether a word of the mention, not itself a form of the entity's names, is a form of
    another word with the same key: the key folds what the grammar and the alphabets tell apart.

    - It ends hard where every form of the entity's names in its script that has the word's key
      ends soft. In Cyrillic, a hard -ы after a consonant against a soft -і or -и (Беларусы,
      Belarusians, against Беларусі, Беларуси of Беларусь; after ж, ш, ч, щ, р and ц Belarusian
      writes ы for the Russian и), a -и against forms that all end in -і (the Ukrainian и is ы:
      Білоруси, Belarusians, against Білорусі; a Russian form in -и of the key would be among the
      forms), and a consonant against the same consonant and the soft sign (Беларус, a
      Belarusian, against Беларусь). In Latin letters, a vowel after a consonant against a vowel
      after i, y or j or the soft vowels of ISO 9 (the French Biélorusse, a Belarusian, against
      Belorussia, Biélorussie of Белоруссия; the Czech Bělorusů, of Belarusians, against
      Belarus'yu, Belarusʹû), a y after a consonant but k, g or h (ы, as Łacinka, Polish and
      Czech write it) against an i (Biełarusy, Belarusians, against Biełarusi of Беларусь), and the
      Lithuanian -ių of a genitive plural against a u after a consonant (Lietuvių, of
      Lithuanians, against the Latvian Lietuvu of Lietuva; not the Polish locative -iu after a
      soft consonant, Brześciu); and the other way, a vowel after a j after a consonant (the
      soft nj, lj of Croatian, Serbian and Slovene) against a vowel after a consonant (the
      Serbian Gradnji, of a building, against Grodny of Гродна). A final s after the vowel is
      read past (the English Poles, the French Biélorusses against the Latvian Polijas,
      Bielorrússias).
    - In Latin letters, it ends in the long í or ý of Czech and Slovak after a consonant, as their
      adjectives do (Hradní, of a castle, against Hrodny of Гродна).
    - Spelled in the letters of Łacinka and Polish (ł, ś, ŭ …), which mark a soft s, z, c and n
      with an acute, it ends in the plain letter where every form in those letters that ends in
      either ends in the soft one (Biełarus, Białorus, a Belarusian, against Biełaruś).
    - In Latin letters, it writes no c where every Latin form with its key writes one: the c of
      ISO 9, Łacinka, Polish and Czech is ц, which the key reads as the k of English (Polak, a
      Pole, and its Polakom, Poláků are none of Połack, Polack, Polock of Полацк).

    ``endings_of`` gives the entity's :func:`_form_endings` (the resolver remembers them per
    entity)."""
    for w, k in zip(words, keys, strict=True):
        t = w.text.lower()
        if t in entry.surfaces:
            continue
        if len(t) >= 3 and is_cyrillic(t[-2]):
            if _hard_cyrillic_ending(t, endings_of(entry)[0].get(k)):
                return True
            continue
        _, latin, acute, with_c = endings_of(entry)
        if len(t) >= 4 and t[-1] in _CZECH_LONG_I and t[-2].isalpha() and t[-2] not in _LATIN_NOT_HARD:
            return True  # Hradní (of a castle), not Hrodny of Гродна
        if len(t) >= 3:
            other_end = _latin_ending_test(t)
            if other_end is not None and (same := latin.get(k)) and all(other_end(end) for end in same):
                return True
            soft = _ACUTE_SOFT.get(t[-1])
            if soft is not None and not _ACUTE_ALPHABET.isdisjoint(t) and (marked := acute.get(k)):
                either = [end for end in marked if end[-1] in (t[-1], soft)]
                if either and all(end[-1] == soft for end in either):
                    return True
        if (
            t[:1].isalpha()
            and not is_cyrillic(t[0])
            and k in with_c
            and "c" not in _COMBINING_RE.sub("", unicodedata.normalize("NFD", t))
        ):
            return True
    return False


def _hard_cyrillic_ending(t: str, same: frozenset[str] | None) -> bool:
    """Whether a Cyrillic word (in small letters) ends hard where all the last two letters of
    ``same``, the forms of its key, end soft (see :func:`_another_words_form`)."""
    if not same:
        return False
    if t[-1] == "ы" and t[-2] not in _HARDENED:
        soft: tuple[str, ...] = ("і", "и")
    elif t[-1] == "и" and t[-2] not in _CYRILLIC_VOWELS_AND_SIGNS:
        soft = ("і",)  # the Ukrainian и is the hard ы (Білоруси, Belarusians; Білорусі)
    elif t[-1].isalpha() and is_cyrillic(t[-1]) and t[-1] not in _CYRILLIC_VOWELS_AND_SIGNS:
        soft = (t[-1] + "ь",)
    else:
        return False
    return all(end.endswith(soft) for end in same)


def _in_quotes(text: str) -> bool:
    """Whether a mention holds a part in quotes (БНФ «Адраджэнне», "Wagner")."""
    return _QUOTE_MARK_RE.search(text) is not None  # (one scan of the text, not a lookup a character)


def _names_itself(place: EntityEntry, markers: set[str]) -> bool:
    """Whether every word by which a mention says it names an organisation is a word of the
    place's own name (Федерация of Российская Федерация, Republic of Republic of Belarus)."""
    return all(any(k in ks for phrase in place.phrases for ks in phrase) for k in markers)


class Ranker:
    """Ranks the entities of an index for a mention (see the module): built with the parts of a
    :class:`~normalize.resolver.Normalizer`, whose decision takes its ranking."""

    def __init__(
        self, index: Index, tables: Tables, forms: WordForms, groups: GivenNameGroups, orgs: OrgNames,
        places: Places, persons: PersonScorer, phrases: PhraseScorer, index_canonical: bool,
    ) -> None:  # fmt: skip
        self.index = index
        self.tables = tables
        self.forms = forms
        self.groups = groups
        self.orgs = orgs
        self.key: PhoneticKey = forms.key
        self.places = places
        self.persons = persons
        self.phrases = phrases
        self._index_canonical = index_canonical
        # the Belarusian genitives of adjectives made from a name in Latin letters (-skaha): see _h_stays
        self._h_endings = tuple(e for e in tables.place_adjective_endings if "h" in e)
        self.clear_memos()

    def clear_memos(self) -> None:
        """Forget the lookups made on first use (never saved with the index)."""
        self._written_memo: dict[int, frozenset[str]] = {}
        self._endings_memo: dict[str, FormEndings] = {}  # entity id → its forms' endings
        self._name_stems_memo: dict[int, tuple[frozenset[str], frozenset[str], frozenset[str]]] = {}
        self._near_memo: dict[str, set[int]] = {}  # key → the entities of it or one edit away (never changed)
        self._ordinary_memo: dict[str, bool] = {}  # key → whether it is a word of the vocabulary
        self._spelled_memo: dict[int, frozenset[str]] = {}
        self._non_persons_memo: frozenset[int] | None = None
        self._has_organizations_memo: bool | None = None

    def rank_all(
        self,
        text: str,
        types: Sequence[str] | None,
        trace: list[bool] | None = None,
        known: Mapping[str, str] | None = None,
        floor: float = 0.0,
    ) -> list[Scored]:
        """Rank the entities for a mention; a mention with slash alternatives ranks each and keeps
        every entity's best score. An organisation or place that cannot score ``floor`` (the
        threshold: the decision never takes it) may be left out of a mention without alternatives,
        and of every alternative but the first."""
        alts = alternatives(text, self.groups.is_given_name, self._h_stays)
        if len(alts) == 1:
            return self._rank(alts[0], types, trace, known, floor)
        if trace is not None:
            trace.append(True)
        best: dict[int, Scored] = {}
        for n, alt in enumerate(alts):
            # all of the first kept: the order of ties is the first's. Of the others, one left out
            # scores below the floor in them, which leaves its best below the floor (and out of the
            # decision) or as the first gave it; and those kept keep their order (a Latin h read as
            # х too, Hrenin: ranked twice)
            for s in self._rank(alt, types, None, known, floor if n else 0.0):
                if s.idx not in best or s.score > best[s.idx].score:
                    best[s.idx] = s
        ranked = list(best.values())
        prominence = self.index.columns.prominence
        ranked.sort(key=lambda s: (-s.score, -prominence[s.idx]))
        return ranked

    def _h_stays(self, word: str) -> bool:
        """Whether a Latin h in ``word`` is г only, never х: the word has ŭ, which Belarusian Latin
        writing alone uses, or ends as the Belarusian genitive of an adjective made from a name
        (-skaha, -ckaha: ``place_adjectives`` of ``inflection.yaml``), as Kalinoŭskaha,
        Kalinouskaha do; read as х it would lose that ending."""
        low = word.lower()
        return "ŭ" in low or low.endswith(self._h_endings)

    def _rank(
        self,
        text: str,
        types: Sequence[str] | None,
        trace: list[bool] | None = None,
        known: Mapping[str, str] | None = None,
        floor: float = 0.0,
    ) -> list[Scored]:
        """The entities one reading of a mention may name, scored, best first: the candidates its
        words' keys (and an organisation's words in translation, stems and acronyms; one edit away
        when nothing else) find, less those its words rule out (see the module)."""
        parsed = parse_mention(text, self.tables.titles, self.tables.possessive_suffixes)
        words = parsed.words
        if not words:
            return []
        keys = self.key.many([w.text for w in words], known)
        index = self.index
        types_of = index.columns.types
        cands: set[int] = set()
        by_key = self.index.by_key
        word_hits: list[list[int] | None] = []  # of each word, the entities of its key (see PersonQuery)
        for i, k in enumerate(keys):
            hits = by_key.get(k) if k else None
            word_hits.append(hits)
            if k:
                if hits:
                    cands.update(hits)  # Index.candidates(k, fuzzy=False)
                else:  # a case form of a surname a table holds in Latin letters only (Тихановской),
                    # or in Latin letters of a surname (Putinem, Lukašenkovi: a person's only)
                    latin = not is_cyrillic(words[i].text[0])
                    for nk, _ in self.forms.nominatives(words[i].text):
                        cands.update(j for j in by_key.get(nk) or () if not latin or types_of[j] == "person")
        phrase_text = text[: len(text) - len(parsed.possessive)] if parsed.possessive else text
        qphrases: list[QueryPhrase] | None = None
        non_persons = self._non_persons
        if (not cands and self._has_organizations) or not non_persons.isdisjoint(cands):
            # an organisation or place: its words in translation, stems and acronyms find it too
            # (which only organisations are found by: a table of none is not read for them)
            qphrases = self.orgs.query_phrases(phrase_text)
            for qp in qphrases:
                for _, _, tokens in qp.words:
                    for t in tokens:
                        hits = by_key.get(t)
                        if hits:  # places are found by their own names only (Мінскі is not Minsk)
                            cands.update(i for i in hits if types_of[i] == "organization")
        if not cands:
            for k in keys:
                if len(k) >= 4:
                    cands |= self._near_candidates(k)
        markers: set[str] = set()  # the words by which the mention says it names an organisation
        if qphrases is None and not non_persons.isdisjoint(cands):
            qphrases = self.orgs.query_phrases(phrase_text)
        if qphrases is not None:
            markers = self.orgs.org_markers(phrase_text)
            if trace is not None:
                trace.append(True)
        # a given name alone names an entity only as one of its names is written or spelled by a
        # scheme (Lida, the town; Wagner, the group's Вагнер): never by its key alone (Rose is no Расія)
        given_alone = len(words) == 1 and not parsed.initials and self.groups.is_given_name(words[0].text)
        # nor does an ordinary word alone, one of the vocabulary (Аўтамабілі, cars, is no BelAZ)
        ordinary_alone = len(words) == 1 and not given_alone and self._ordinary(keys[0])
        written = folded(phrase_text) if given_alone or ordinary_alone else ""
        # one word with initials written as such is a person's surname (И. Борисов, Борисов И.И.):
        # no place or organisation (a letter alone is as often a preposition: В Минске, у Мінску)
        persons_only = len(words) == 1 and bool(parsed.initials) and _written_initial(text)
        quoted = _in_quotes(phrase_text)
        scored: list[Scored] = []
        q: PersonQuery | None = None
        places: list[int] | None = None  # the places the mention's words name (Российской Федерации)
        for idx in cands:
            entry = index.entries[idx]
            etype = types_of[idx]
            if types is not None and etype not in types:
                continue
            if persons_only and etype != "person":
                continue
            if given_alone and written not in self.written_names(idx) and written not in entry.surfaces:
                continue
            if (
                ordinary_alone
                and etype == "organization"
                and not (quoted and entry.quoted_phrases)
                and not self._named_alone(idx, written.strip('"'), keys[0], quoted)
            ):
                continue  # (in quotes, it may be the part of a name the tables quote: «Адраджэнне»)
            if etype == "person":
                if q is None:
                    q = PersonQuery(parsed, keys, word_hits)
                if trace is not None and q.reads_letters(entry.gender):
                    trace.append(True)  # a word's letters decide, not its key alone (Колесников)
                s = self.persons.score(idx, entry, parsed, keys, q)
            elif _another_words_form(entry, words, keys, self._form_endings):
                continue  # Беларусы (the people), Biełarus (a Belarusian), Polak (a Pole): no forms of Беларусь, Połack
            elif etype == "place" and self._people_word(entry, words):
                continue  # Bielorusi, Rusi (the people): no forms of Беларусь, Rusija
            elif etype == "place" and markers and not _names_itself(entry, markers):
                continue  # an organisation's name (ОАО «Минск»), not the place
            elif etype == "place" and self.places.adjective(entry, parsed):
                continue  # an adjective or surname made from the place's name (Slutsky, Менскі)
            elif etype == "organization" and self.places.adjective_alone(parsed) and not _one_word_name(entry):
                continue  # an adjective alone is no name of several words (Мозырским районом: no Мозырский НПЗ)
            else:
                if etype == "organization":
                    if places is None:
                        places = self.places.places_of_words([w.text for w in words], keys)
                    if places and self.places.foreign_place(idx, places):
                        continue  # another country's ministry: Министерство иностранных дел России, Российский МИД
                s = self.phrases.score(entry, qphrases or [], quoted, floor)
            if s is not None:
                s.idx = idx
                scored.append(s)
        if len(scored) > 1:
            prominence = index.columns.prominence
            scored.sort(key=lambda s: (-s.score, -prominence[s.idx]))
        return scored

    def written_names(self, idx: int) -> frozenset[str]:
        """The names and aliases of an entity (and its canonical form, when it is indexed) as
        :func:`written_form` folds them (made on first use, for the entities that tie)."""
        got = self._written_memo.get(idx)
        if got is None:
            r = self.index.entries[idx].record
            names = (*r.names, *r.aliases, *([r.canonical] if self._index_canonical else []))
            got = self._written_memo[idx] = frozenset(written_form(name) for name in names)
        return got

    def _near_candidates(self, key: str) -> set[int]:
        """``Index.candidates(key, fuzzy=True)``, remembered per key (a word of no exact key is
        looked up one edit away, and words repeat). The set itself is kept, not a copy, so that the
        candidates are taken in the same order as from a new one; the caller only reads it."""
        got = self._near_memo.get(key)
        if got is None:
            got = remember(self._near_memo, key, self.index.candidates(key, fuzzy=True), ORDINARY_MEMO_SIZE)
        return got

    def _people_word(self, place: EntityEntry, words: Sequence[Token]) -> bool:
        """Whether a mention of one word is a noun for the people of a state in the plural
        (``people_words`` of ``org_words.yaml``: the Slovak Bielorusi, the Croatian Rusi) that the
        tables do not write as the place's own name."""
        if len(words) != 1:
            return False
        t = words[0].text.casefold()
        return t in self.tables.people_words and t not in place.surfaces

    def _ordinary(self, key: str) -> bool:
        """Whether a word of ``key`` is an ordinary word, one of the vocabulary's (remembered per
        key: the words resolved alone repeat)."""
        got = self._ordinary_memo.get(key)
        if got is None:
            got = remember(self._ordinary_memo, key, bool(self.tables.vocabulary.concepts(key)), ORDINARY_MEMO_SIZE)
        return got

    def _form_endings(self, entry: EntityEntry) -> FormEndings:
        """:func:`_form_endings` of an entity (made on first use)."""
        got = self._endings_memo.get(entry.record.id)
        if got is None:
            got = self._endings_memo[entry.record.id] = _form_endings(entry)
        return got

    def _spelled_names(self, idx: int) -> frozenset[str]:
        """The entity's names of one Cyrillic word as the Russian and Belarusian schemes of the
        tables spell them, folded (Viasna, Vyasna of Вясна; made on first use)."""
        got = self._spelled_memo.get(idx)
        if got is None:
            schemes = self.tables.schemes
            words = [w for w in self.written_names(idx) if " " not in w and w[:1].isalpha() and is_cyrillic(w[0])]
            got = self._spelled_memo[idx] = frozenset(
                written_form(scheme.word(w))
                for w in words
                for lang in ("ru", "be")
                for scheme in schemes.for_language(lang)
            )
        return got

    def _named_alone(self, idx: int, written: str, key: str, quoted: bool = False) -> bool:
        """Whether an ordinary word (of the vocabulary) is a name of the organisation by itself:
        one of its names as written or as a scheme spells a name of one Cyrillic word (Viasna of
        Вясна), or a case form of a name of one word (Вясны of Вясна), and in quotes of such a
        spelling too (Szef "Wiasny" of Wiasna; outside quotes wiosny, viasnoj are the word spring
        of Polish and Łacinka); in quotes, the caller also lets it be read as any word of a name
        the tables quote (Адраджэнне of БНФ «Адраджэнне»)."""
        names = self.written_names(idx)
        if written in names or written in self._spelled_names(idx):
            return True
        latin, cyrillic, spelled = self._name_stems(idx)
        own = cyrillic if is_cyrillic(written[0]) else (latin | spelled if quoted else latin)
        return not own.isdisjoint(self.tables.vocabulary.stems(key))

    def _name_stems(self, idx: int) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        """The stems of the keys of the entity's names of one word as written (see
        :meth:`_written_names`), of its Latin ones and of its Cyrillic ones, and of the schemes'
        spellings of its Cyrillic ones (:meth:`_spelled_names`: Wiasna of Вясна; made on first
        use)."""
        got = self._name_stems_memo.get(idx)
        if got is None:
            stems = self.tables.vocabulary.stems
            one_word = [name for name in self.written_names(idx) if " " not in name]
            latin, cyrillic = (
                frozenset(st for name in one_word if is_cyrillic(name[0]) == script for st in stems(self.key(name)))
                for script in (False, True)
            )
            spelled = frozenset(st for name in self._spelled_names(idx) for st in stems(self.key(name)))
            got = self._name_stems_memo[idx] = (latin, cyrillic, spelled)
        return got

    @property
    def _non_persons(self) -> frozenset[int]:
        """The indexes of the entities that are not persons (made on first use)."""
        if self._non_persons_memo is None:
            self._non_persons_memo = frozenset(i for i, t in enumerate(self.index.columns.types) if t != "person")
        return self._non_persons_memo

    @property
    def _has_organizations(self) -> bool:
        """Whether the entities hold an organisation (made on first use)."""
        if self._has_organizations_memo is None:
            entries = self.index.entries
            self._has_organizations_memo = any(entries[i].record.type == "organization" for i in self._non_persons)
        return self._has_organizations_memo

    def named_as_written(self, idx: int, text: str) -> bool:
        """Whether ``text`` is one of the names of entity number ``idx`` as the tables write them
        (folded as :func:`written_form` folds them: not a case form of one)."""
        return written_form(text) in self.written_names(idx)
