"""``resolve()``: one mention → the canonical entity it names, or None.

The path of a mention: normalize → tokens (titles, possessive and initials noted) → phonetic keys
→ candidate entities (key hits, then one-edit neighbours) → score each candidate by aligning the
mention's words with the entity's surname, given name and patronymic → apply the threshold and the
ambiguity policy → :class:`Match`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from mypy_extensions import mypyc_attr

from .cognates import GivenNameGroups
from .index import EntityEntry, EntryBuilder, Index, build_index, gc_paused
from .memo import remember
from .names import MAX_MENTION_CHARS, Token, alternatives, parse_mention, split_tokens
from .nearspell import NearSpellings
from .orgnames import OrgNames, QueryPhrase
from .persons import PersonQuery, PersonScorer
from .phonetic import PhoneticKey
from .phrases import PhraseScorer
from .pickling import by_constructor, restore_state, saved_state
from .places import Places
from .scores import Scored
from .spans import SpanFinder
from .tables import EntityRecord, Tables, load_tables, records_to_entities, user_tables_dir
from .text import COMBINING_MARKS, is_cyrillic, normalize_text
from .wordforms import WordForms

if TYPE_CHECKING:
    from .replacement import Mode as RewriteMode
    from .rewrite import RewriteResult

BARE_SURNAME_PROMINENCE = 60
"""The ``prominence`` from which a person is known by the surname alone (Lukashenko, Putin): a
surname alone of a less prominent person is an ambiguous match (see :attr:`Match.ambiguous`)."""
DEFAULT_THRESHOLD = 0.86
"""Default minimum score for a match (0-1). Lower finds more spellings and risks more false matches."""
AMBIGUITY_MARGIN = 0.03
Policy = Literal["prominent", "abstain", "first"]
POLICIES = ("prominent", "abstain", "first")


def check_options(threshold: float, policy: str) -> None:
    """Raise :class:`~normalize.errors.OptionError` for a threshold outside 0-1 (or NaN) or an
    unknown policy."""
    if not isinstance(threshold, (int, float)) or not 0.0 <= threshold <= 1.0:
        from .errors import OptionError

        raise OptionError(f"threshold must be a number from 0 to 1, not {threshold!r}")
    if policy not in POLICIES:
        from .errors import OptionError

        raise OptionError(f"unknown policy {policy!r}; use one of {', '.join(POLICIES)}")


@mypyc_attr(allow_interpreted_subclasses=True)  # picklable when compiled
@dataclass(frozen=True)
class Candidate:
    """An entity the mention could name, with its score."""

    entity_id: str
    canonical: str
    score: float
    type: str
    prominence: int

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return by_constructor(self)


@mypyc_attr(allow_interpreted_subclasses=True)  # picklable when compiled
@dataclass(frozen=True)
class Match:
    """The entity a mention names.

    ``score`` is 0-1. ``ambiguous`` is True when another entity scored as well (then
    ``candidates`` lists the runners-up, best first, and the ambiguity policy chose this one).
    """

    entity_id: str
    canonical: str
    score: float
    type: str
    mention: str
    ambiguous: bool = False
    candidates: tuple[Candidate, ...] = ()
    details: tuple[tuple[str, str, str, float], ...] = field(default=(), repr=False)
    _normalizer: Any = field(default=None, repr=False, compare=False)

    def explain(self) -> str:
        """Why this match: each word of the mention, the part of the entity it matched, the
        spelling and scheme that produced the key, and the scores."""
        lines = [f"{self.mention!r} -> {self.canonical} [{self.entity_id}] score {self.score:.3f}"]
        if self._normalizer is not None:  # the entity's ids in other sources (wikidata Q…)
            idx = self._normalizer._by_id.get(self.entity_id)
            ids = self._normalizer.index.entries[idx].record.ids if idx is not None else ()
            if ids:
                lines.append("  ids: " + ", ".join(f"{source} {sid}" for source, sid in ids))
        for word, role, key, sim in self.details:
            how = ""
            if self._normalizer is not None and role in ("surname", "given name", "patronymic", "name word"):
                how = self._normalizer._provenance(self.entity_id, key)
            lines.append(f"  {word!r}: {role}, key {key}, similarity {sim:.3f}{how}")
        if self.ambiguous:
            lines.append("  ambiguous; other candidates:")
        elif self.candidates:
            lines.append("  runners-up:")
        for c in self.candidates:
            lines.append(f"    {c.canonical} [{c.entity_id}] score {c.score:.3f} prominence {c.prominence}")
        return "\n".join(lines)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return by_constructor(self)


ORDINARY_MEMO_SIZE = 100_000  # keys remembered: whether a word of the vocabulary, the entities one edit away

_ROUNDED: dict[float, float] = {}


def _rounded(score: float) -> float:
    """``round(score, 4)``, remembered: rounding to decimals reads the float's digits, some
    thousands of instructions, and scores repeat."""
    got = _ROUNDED.get(score)
    if got is None:
        got = remember(_ROUNDED, score, round(score, 4), 4096)
    return got


class Decision:
    """What resolving a mention decided: the entity (``entity_id``, ``canonical``, ``score``,
    ``type``), which is all the rewrite pass reads, and the full :class:`Match` made on demand by
    :meth:`match` (a plain class: one is made for every mention resolved, where a frozen
    dataclass costs several times as much to make)."""

    __slots__ = (
        "_ambiguous",
        "_chosen",
        "_match",
        "_mention",
        "_normalizer",
        "_others",
        "canonical",
        "entity_id",
        "namesakes",
        "score",
        "type",
    )

    def __init__(
        self, normalizer: Normalizer, chosen: Scored, mention: str, ambiguous: bool, others: list[Scored]
    ) -> None:
        rec = normalizer.index.entries[chosen.idx].record
        self.entity_id: str = rec.id
        self.canonical: str = rec.canonical
        score = chosen.score
        self.score: float = 1.0 if score == 1.0 else _rounded(score)
        self.type: str = rec.type
        self._normalizer = normalizer
        self._chosen = chosen
        self._mention = mention
        self._ambiguous = ambiguous
        self._others = others  # the runners-up, best first
        self._match: Match | None = None
        # a surname alone of a person not known by it alone (see Normalizer._namesakes)
        self.namesakes: bool = normalizer._namesakes(chosen)

    def match(self) -> Match:
        """The :class:`Match` of this decision, as :meth:`Normalizer.resolve` returns it."""
        if self._match is None:
            n = self._normalizer
            self._match = Match(
                self.entity_id,
                self.canonical,
                self.score,
                self.type,
                self._mention,
                self._ambiguous,
                tuple(n._candidate(s) for s in self._others),
                tuple(self._chosen.details),
                n,
            )
        return self._match

    def __repr__(self) -> str:
        return f"Decision({self.entity_id!r}, {self.canonical!r}, {self.score!r}, {self.type!r})"

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (_decision_of, (self.match(),))


def _decision_of(m: Match) -> Decision:
    """The :class:`Decision` of a match (how a decision is unpickled)."""
    n: Normalizer = m._normalizer
    d = Decision(n, Scored(n._by_id[m.entity_id], m.score, list(m.details)), m.mention, m.ambiguous, [])
    d._match = m
    return d


_NORMALIZER_SAVED = ("tables", "index", "builder")  # what a saved index keeps of a Normalizer (ids: made again)
_QUOTE_RE = re.compile("[«»„“”‘’']")  # a quote or apostrophe other than ", compared as "
_LETTER_DOT_RE = re.compile(r"(?<![^\W\d_])([^\W\d_])\.")  # a letter alone before a full stop


def _written_initial(text: str) -> bool:
    """Whether ``text`` holds an initial written as such: a capital letter alone and a full stop
    (И., J., Ł.; not a small letter of any alphabet: і., ł.)."""
    return any(m.group(1).isupper() for m in _LETTER_DOT_RE.finditer(text))


_QUOTE_MARKS = frozenset('«»„“”"‘')  # (’ is an apostrophe too)
_QUOTE_MARK_RE = re.compile(f"[{''.join(sorted(_QUOTE_MARKS))}]")


def _written_form(name: str) -> str:
    """A name folded for comparing it as written: normalized, one kind of quote, one space, no
    case."""
    return _folded(normalize_text(name))


def _folded(normalized: str) -> str:
    """:func:`_written_form` of a text :func:`normalize_text` has made already."""
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
_COMBINING_RE = re.compile(f"[{COMBINING_MARKS}]")
# the vowels of ISO 9 that are soft themselves (â for я, û for ю), after a consonant
_ISO_SOFT_VOWELS = frozenset("âû")
# the letters of i at the end of a Latin spelling (і, и: Biełarusi, Belarusì)
_LATIN_I = frozenset("iìíï")
# after k, g and h, Łacinka, Polish and Belarusian write i, not y: a final -ky, -gy, -khy is the
# English spelling of -ий, -ій (Kalinovsky of Каліноўскі), no hard ending
_BEFORE_ENGLISH_Y = frozenset("kgh")
# letters that only Łacinka and Polish write among the Latin spellings of names: a word with one
# is spelled in an alphabet that marks a soft s, z, c and n with an acute (Biełaruś, Lubań)
_ACUTE_ALPHABET = frozenset("łśźćńŭż")
_ACUTE_SOFT = {"s": "ś", "z": "ź", "c": "ć", "n": "ń"}


def _latin_soft_test(word: str) -> Callable[[str], bool] | None:
    """For a word in Latin letters (in small letters) that ends hard, the test that the last two
    letters of a form pass when it ends soft; None when the word does not end hard: a vowel after a
    consonant (not after a vowel, nor after i, y, j or a soft sign; the Czech ů is a u), or a y
    after a consonant but k, g or h (ы, as Łacinka, Polish and Czech write it)."""
    t = _COMBINING_RE.sub("", unicodedata.normalize("NFD", word))
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
    return len(end) == 2 and (end[0] in _LATIN_SOFT or end[1] in _ISO_SOFT_VOWELS)


def _latin_i_ending(end: str) -> bool:
    """Whether a Latin form ends in an i (the soft і or и, where ы is written y)."""
    return end[-1:] in _LATIN_I


def _form_endings(entry: EntityEntry) -> FormEndings:
    """The last two letters of the Cyrillic forms of the entity's names, of its Latin forms
    (combining marks aside) and of its Latin forms in the letters of Łacinka and Polish, by the
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
            latin.setdefault(fk, set()).add(bare[-2:])
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
      Belarus'yu, Belarusʹû), and a y after a consonant but k, g or h (ы, as Łacinka, Polish and
      Czech write it) against an i (Biełarusy, Belarusians, against Biełarusi of Беларусь).
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
        if len(t) >= 3:
            soft_end = _latin_soft_test(t)
            if soft_end is not None and (same := latin.get(k)) and all(soft_end(end) for end in same):
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


@mypyc_attr(allow_interpreted_subclasses=True)  # picklable when compiled
class Normalizer:
    """Resolves mentions against a set of entities.

    Make one with :meth:`load` (a tables folder), :meth:`from_records` (plain dicts) or
    :meth:`default` (the bundled tables).
    """

    def __init__(
        self, tables: Tables, records: Sequence[EntityRecord] | None = None, *, index_canonical: bool = True
    ) -> None:
        self.tables = tables
        self.index: Index
        self.builder: EntryBuilder
        self.index, self.builder = build_index(tables, records, index_canonical)
        self._take_parts()
        self._clear_memos()

    def _take_parts(self) -> None:
        """The entries by entity id, the readers of words and names the builder holds, which
        matching uses too, and the scorers of persons and of organisations and places (their memos
        are made anew)."""
        self._by_id = {e.id: i for i, e in enumerate(self.index.entries)}  # entity id → its entry's number
        self.forms: WordForms = self.builder.forms
        self.groups: GivenNameGroups = self.builder.groups
        self.orgs: OrgNames = self.builder.orgs
        self.key: PhoneticKey = self.forms.key  # the phonetic key of a word: ``n.key("Лукашэнка")``
        near = NearSpellings(self.forms)
        self.places = Places(self.index, self.tables)
        # the Belarusian genitives of adjectives made from a name in Latin letters (-skaha): see _h_stays
        self._h_endings = tuple(e for e in self.tables.place_adjective_endings if "h" in e)
        self.persons = PersonScorer(self.forms, self.groups, near)
        self.phrases = PhraseScorer(self.tables, self.groups, near, self.places)

    def _clear_memos(self) -> None:
        """The lookups made on first use, never saved with the index (see :meth:`__getstate__`)."""
        self._written_memo: dict[int, frozenset[str]] = {}
        self._endings_memo: dict[str, FormEndings] = {}  # entity id → its forms' endings
        self._name_stems_memo: dict[int, tuple[frozenset[str], frozenset[str], frozenset[str]]] = {}
        self._near_memo: dict[str, set[int]] = {}  # key → the entities of it or one edit away (never changed)
        self._ordinary_memo: dict[str, bool] = {}  # key → whether it is a word of the vocabulary
        self._spelled_memo: dict[int, frozenset[str]] = {}
        self._non_persons_memo: frozenset[int] | None = None
        self._has_organizations_memo: bool | None = None
        self._weak_memo: dict[str, list[int]] | None = None  # weak aliases as written → entities
        self._finders: dict[bool, SpanFinder] = {}  # the rewrite pass's readers of running text

    def span_finder(self, require_capital: bool = True) -> SpanFinder:
        """The reader of running text of the rewrite pass for these entities (see
        :class:`~normalize.spans.SpanFinder`): made on first use and shared by every
        :class:`~normalize.rewrite.Rewriter` of this normalizer, with what it learnt of each word."""
        got = self._finders.get(require_capital)
        if got is None:
            forms, groups = self.forms, self.groups
            with gc_paused():
                got = self._finders[require_capital] = SpanFinder(
                    self.index,
                    self.tables,
                    forms.key,
                    groups.is_given_name,
                    groups.given_names.is_nominative,
                    groups.given_names.listed,
                    forms.acronym_keys,
                    forms.nominatives,
                    self.named_as_written,
                    require_capital=require_capital,
                )
        return got

    # --- construction ------------------------------------------------------------------------

    @classmethod
    def load(cls, folder: str | Path | None = None, *, cache: bool = True, default_tables: bool = True) -> Normalizer:
        """The bundled tables with a folder of your own (same format as the bundled ``tables/``;
        ``$NORMALIZE_TABLES`` when ``folder`` is None) **added**: its entities join the bundled
        ones (one with the id of a bundled entity replaces it), and so do its schemes, cognates,
        titles and organisation words; a rule file it holds (``phonetic.yaml`` …) is used in place
        of the bundled one. ``default_tables=False`` leaves the bundled entities out (the rules the
        folder lacks are still the bundled ones).

        With ``cache`` (the default) the compiled index is kept in ``~/.cache/normalize`` (or
        ``$NORMALIZE_CACHE_DIR``; set it to ``off`` to disable) and reused while the table files
        are unchanged; tables are still checked whenever they change."""
        user = user_tables_dir(folder)
        if cache:
            from .store import cached_load

            return cached_load(user, default_tables=default_tables)
        return cls(load_tables(user, default_tables=default_tables))

    @classmethod
    def default(cls) -> Normalizer:
        """The bundled tables, with the folder ``$NORMALIZE_TABLES`` names added (built once per
        process)."""
        global _DEFAULT
        if _DEFAULT is None:
            _DEFAULT = cls.load(None)
        return _DEFAULT

    @classmethod
    def from_records(
        cls, records: Iterable[Mapping[str, Any]], tables: str | Path | None = None, *, index_canonical: bool = True
    ) -> Normalizer:
        """Entities from plain records: ``{"id", "canonical", "names": [...], "type", "gender"}``;
        ``names`` may be one name or a list, in any script. Rules come from ``tables`` (bundled
        by default). With ``index_canonical=False`` the canonical form is a display label only and
        mentions are matched against ``names`` (and ``aliases``) alone."""
        recs = records_to_entities(records)
        base = load_tables(tables, entities=False)
        return cls(base, recs, index_canonical=index_canonical)

    def rewrite(self, text: str, mode: RewriteMode = "replace") -> RewriteResult:
        """Find and normalize every mention in ``text``; see :func:`normalize.rewrite`.

        ``mode`` is ``"replace"`` (canonical form), ``"annotate"`` (text unchanged, mentions
        reported) or ``"canonical-script"`` (canonical form in the mention's own script)."""
        from .rewrite import rewriter_for

        return rewriter_for(self).rewrite(text, mode)

    @property
    def entities(self) -> list[EntityRecord]:
        return [e.record for e in self.index.entries]

    # --- resolution --------------------------------------------------------------------------

    def resolve(
        self,
        mention: str,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        policy: Policy = "prominent",
        types: Sequence[str] | None = None,
    ) -> Match | None:
        """The entity ``mention`` names, or None when it names none (or, by ``policy``, when it
        is ambiguous).

        ``threshold`` (0-1, default :data:`DEFAULT_THRESHOLD`) is the lowest score accepted.
        ``policy`` decides a tie between entities (a bare surname two entities share):
        ``"prominent"`` takes the more prominent one and abstains when they are equally
        prominent; ``"abstain"`` returns None; ``"first"`` takes the best-scored one.
        ``types`` limits the entity types considered.
        """
        if not isinstance(mention, str):  # (a compiled build checks this on the call itself)
            raise TypeError(f"a mention must be text (str), not {type(mention).__name__}")
        check_options(threshold, policy)
        d = self._resolve_traced(mention, threshold, policy, types, None)
        return None if d is None else d.match()

    def _resolve_traced(
        self,
        mention: str,
        threshold: float,
        policy: Policy,
        types: Sequence[str] | None,
        trace: list[bool] | None,
        known: Mapping[str, str] | None = None,
    ) -> Decision | None:
        """:meth:`resolve`, its match made on demand; ``trace`` (if given) gets an item when the
        words themselves were read beyond their keys (an organisation or place was among the
        candidates, or entities tied and the mention was looked up among the names as written),
        so a result without one holds for every mention of the same surname keys, other words as
        written (a given name's case form is read as written), initials, case and punctuation. ``known``
        holds the keys of some words, already made by this normalizer's key."""
        if len(mention) > MAX_MENTION_CHARS:
            return None
        text = normalize_text(mention).strip()
        if not text:
            return None
        d = self._decide(mention, text, self._rank_all(text, types, trace, known, threshold), threshold, policy, trace)
        return d if d is not None else self._weak_alias(mention, text, types, trace)

    def _weak_alias(
        self, mention: str, text: str, types: Sequence[str] | None, trace: list[bool] | None
    ) -> Decision | None:
        """The entity a mention names by a weak alias (``weak_aliases`` in the tables), where no
        other name of an entity does: only a mention written exactly as the alias (``text`` is
        the mention normalized; quotes, blanks and case are folded), never by its key or a near
        spelling, and only an alias no other entity also has."""
        weak = self._weak_memo
        if weak is None:
            weak = {}
            for i, e in enumerate(self.index.entries):
                for alias in e.record.weak_aliases:
                    held = weak.setdefault(_written_form(alias), [])
                    if i not in held:
                        held.append(i)
            self._weak_memo = weak
        owners = weak.get(_folded(text)) if weak else None
        if owners is None or len(owners) != 1:
            return None
        idx = owners[0]
        if types is not None and self.index.entries[idx].record.type not in types:
            return None
        if trace is not None:
            trace.append(True)  # read as written: the result holds for this spelling only
        return Decision(self, Scored(idx, 1.0, [(text, "weak alias, as written", "", 1.0)]), mention, False, [])

    def resolve_many(self, mentions: Iterable[str], **kwargs: Any) -> list[Match | None]:
        """:meth:`resolve` for each mention (repeated mentions are resolved once)."""
        if isinstance(mentions, (str, bytes)):
            raise TypeError("resolve_many takes a list (an iterable) of mentions, not one text: use resolve()")
        cache: dict[str, Match | None] = {}
        out: list[Match | None] = []
        for m in mentions:
            if m not in cache:
                cache[m] = self.resolve(m, **kwargs)
            out.append(cache[m])
        return out

    def candidates(self, mention: str, limit: int = 5) -> list[Candidate]:
        """Every entity the mention could name, best first (no threshold, no policy)."""
        text = normalize_text(mention).strip()
        if not text or len(mention) > MAX_MENTION_CHARS:
            return []
        return [self._candidate(s) for s in self._rank_all(text, None)[:limit]]

    def _candidate(self, s: Scored) -> Candidate:
        r = self.index.entries[s.idx].record
        return Candidate(r.id, r.canonical, _rounded(s.score), r.type, r.prominence)

    def _decide(
        self,
        mention: str,
        text: str,
        ranked: list[Scored],
        threshold: float,
        policy: Policy,
        trace: list[bool] | None = None,
    ) -> Decision | None:
        """The entity among the ``ranked`` ones for ``mention`` (``text`` is the mention
        normalized), by the threshold and the ambiguity policy."""
        if len(ranked) == 1:  # the common case: one candidate, no runner-up to rank
            top = ranked[0]
            return Decision(self, top, mention, self._namesakes(top), []) if top.score >= threshold else None
        ranked = [s for s in ranked if s.score >= threshold]
        if not ranked:
            return None
        top = ranked[0]
        ties = [s for s in ranked[1:] if top.score - s.score < AMBIGUITY_MARGIN]
        if ties:
            # a mention that is one of the tied entities' names as the table writes it names that
            # one (ЧВК «Вагнер», whose ЧВК keys as the ЦВК of another entity); the mention is
            # read as written, so the result holds for this spelling only
            if trace is not None:
                trace.append(True)
            written = _folded(text)
            own = [s for s in (top, *ties) if written in self._written_names(s.idx)]
            if not own and " " not in written:
                # else a word that is one of the forms the index made of one of them (a case form:
                # Слуцка, of Slutsk, keys as the surname Слуцкая, which never declines so)
                entries = self.index.entries
                own = [s for s in (top, *ties) if written in entries[s.idx].surfaces]
            if len(own) == 1:
                top, ties = own[0], []
            elif not own:
                top, ties = self._written_alike(top, ties)
        ambiguous = bool(ties)
        chosen = top
        if ambiguous:
            if policy == "abstain":
                return None
            if policy == "prominent":
                group = [top, *ties]
                prominence = self.index.columns.prominence
                group.sort(key=lambda s: (-prominence[s.idx], -s.score))
                p0 = prominence[group[0].idx]
                p1 = prominence[group[1].idx]
                if p0 == p1:
                    return None
                chosen = group[0]
        others = list(islice((s for s in ranked if s is not chosen), 5))
        return Decision(self, chosen, mention, ambiguous or self._namesakes(chosen), others)

    def _written_alike(self, top: Scored, ties: list[Scored]) -> tuple[Scored, list[Scored]]:
        """Of persons that tie, those whose parts the mention writes as they are written (or spelled
        by a scheme) in the most words, the best first: the others match some word by the phonetic
        key alone, which folds different names (Кадаев and Кодаев, Е. for Эрикович). Persons the
        mention writes alike stay tied (namesakes, or Гаев and Гаёв in ICAO's Gaev)."""
        group = [top, *ties]
        entries = self.index.entries
        if any(self.index.columns.types[s.idx] != "person" for s in group):
            return top, ties
        unlike = [self.persons.unlike_written(entries[s.idx], s.details) for s in group]
        least = min(unlike)
        kept = [s for s, u in zip(group, unlike, strict=True) if u == least]
        return kept[0], kept[1:]

    def _namesakes(self, s: Scored) -> bool:
        """Whether a match is a surname alone of a person the tables do not hold known by the
        surname alone (``prominence`` below :data:`BARE_SURNAME_PROMINENCE`): people outside the
        tables share it (Пушкин of the poet, not of a painter of the tables), so the match is
        ambiguous, and running text links it only with more to go on."""
        return s.bare and self.index.columns.prominence[s.idx] < BARE_SURNAME_PROMINENCE

    def _rank_all(
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
        written = _folded(phrase_text) if given_alone or ordinary_alone else ""
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
            if given_alone and written not in self._written_names(idx) and written not in entry.surfaces:
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
                if trace is not None and entry.gender == "f" and q.reads_letters():
                    trace.append(True)  # a word's letters decide, not its key alone (Колесников)
                s = self.persons.score(idx, entry, parsed, keys, q)
            elif _another_words_form(entry, words, keys, self._form_endings):
                continue  # Беларусы (the people), Biełarus (a Belarusian), Polak (a Pole): no forms of Беларусь, Połack
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

    def __getstate__(self) -> dict[str, Any]:
        return saved_state(self, _NORMALIZER_SAVED)

    def __setstate__(self, state: dict[str, Any]) -> None:
        restore_state(self, state, _NORMALIZER_SAVED)
        self._take_parts()
        self._clear_memos()

    def _written_names(self, idx: int) -> frozenset[str]:
        """The names and aliases of an entity (and its canonical form, when it is indexed) as
        :func:`_written_form` folds them (made on first use, for the entities that tie)."""
        got = self._written_memo.get(idx)
        if got is None:
            r = self.index.entries[idx].record
            names = (*r.names, *r.aliases, *([r.canonical] if self.builder.index_canonical else []))
            got = self._written_memo[idx] = frozenset(_written_form(name) for name in names)
        return got

    def _near_candidates(self, key: str) -> set[int]:
        """``Index.candidates(key, fuzzy=True)``, remembered per key (a word of no exact key is
        looked up one edit away, and words repeat). The set itself is kept, not a copy, so that the
        candidates are taken in the same order as from a new one; the caller only reads it."""
        got = self._near_memo.get(key)
        if got is None:
            got = remember(self._near_memo, key, self.index.candidates(key, fuzzy=True), ORDINARY_MEMO_SIZE)
        return got

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

    def named_as_written(self, idx: int, text: str) -> bool:
        """Whether ``text`` is one of the names of entity number ``idx`` as the tables write them
        (folded as :func:`_written_form` folds them: not a case form of one)."""
        return _written_form(text) in self._written_names(idx)

    def _spelled_names(self, idx: int) -> frozenset[str]:
        """The entity's names of one Cyrillic word as the Russian and Belarusian schemes of the
        tables spell them, folded (Viasna, Vyasna of Вясна; made on first use)."""
        got = self._spelled_memo.get(idx)
        if got is None:
            schemes = self.tables.schemes
            words = [w for w in self._written_names(idx) if " " not in w and w[:1].isalpha() and is_cyrillic(w[0])]
            got = self._spelled_memo[idx] = frozenset(
                _written_form(scheme.word(w))
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
        names = self._written_names(idx)
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
            one_word = [name for name in self._written_names(idx) if " " not in name]
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

    # --- scoring -----------------------------------------------------------------------------

    # --- explain -----------------------------------------------------------------------------

    def _provenance(self, entity_id: str, key: str) -> str:
        idx = self._by_id.get(entity_id)
        if idx is None:
            return ""
        rec = self.index.entries[idx].record
        forms = self.forms
        for name in (*rec.names, *rec.aliases):
            for word in name.replace(",", " ").split():
                if forms.key(word) == key:
                    return f"; from {word!r} in the table"
                for s in (sc for lst in forms.schemes.values() for sc in lst):
                    for v in s.word_variants(word, 8):
                        if forms.key(v) == key:
                            return f"; from {word!r} as {v!r} by scheme {s.id}"
        return "; from a generated form (cognate, other-language or case form)"


_DEFAULT: Normalizer | None = None


def resolve(mention: str, **kwargs: Any) -> Match | None:
    """Resolve ``mention`` against the bundled tables; see :meth:`Normalizer.resolve`."""
    return Normalizer.default().resolve(mention, **kwargs)
