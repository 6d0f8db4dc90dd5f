"""``resolve()``: one mention → the canonical entity it names, or None.

The path of a mention: normalize → tokens (titles, possessive and initials noted) → phonetic keys
→ candidate entities (key hits, then one-edit neighbours) → score each candidate by aligning the
mention's words with the entity's surname, given name and patronymic → apply the threshold and the
ambiguity policy → :class:`Match`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import jellyfish
from mypy_extensions import mypyc_attr
from rapidfuzz import process as rf_process
from rapidfuzz.distance import JaroWinkler, Levenshtein

from .index import (
    CYRILLIC_CAPITALS,
    SHORT_KEY,
    EntityEntry,
    Index,
    QueryPhrase,
    VariantMaker,
    build_index,
    key_gender,
    patronymic_gender,
)
from .names import MAX_MENTION_CHARS, ParsedMention, alternatives, parse_mention, split_tokens
from .pickling import by_constructor, restore_state, saved_state
from .tables import EntityRecord, Tables, load_tables, records_to_entities, user_tables_dir
from .text import is_cyrillic, normalize_text, script_of

if TYPE_CHECKING:
    from .replacement import Mode as RewriteMode
    from .rewrite import RewriteResult

BARE_SURNAME_PROMINENCE = 60
"""The ``prominence`` from which a person is known by the surname alone (Lukashenko, Putin): a
surname alone of a less prominent person is an ambiguous match (see :attr:`Match.ambiguous`)."""
DEFAULT_THRESHOLD = 0.86
"""Default minimum score for a match (0-1). Lower finds more spellings and risks more false matches."""
SURNAME_MIN = 0.88
GIVEN_MIN = 0.90
PATRONYMIC_MIN = 0.85
OTHER_MIN = 0.84
AMBIGUITY_MARGIN = 0.03
PRESELECT_OVER = 8
PRESELECT = 3
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


_ROUNDED: dict[float, float] = {}


def _rounded(score: float) -> float:
    """``round(score, 4)``, remembered: rounding to decimals reads the float's digits, some
    thousands of instructions, and scores repeat."""
    got = _ROUNDED.get(score)
    if got is None:
        if len(_ROUNDED) >= 4096:
            _ROUNDED.clear()
        got = _ROUNDED[score] = round(score, 4)
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
        self, normalizer: Normalizer, chosen: _Scored, mention: str, ambiguous: bool, others: list[_Scored]
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
    d = Decision(n, _Scored(n._by_id[m.entity_id], m.score, list(m.details)), m.mention, m.ambiguous, [])
    d._match = m
    return d


class _Scored:
    """An entity's score for a mention, with how each word matched (a plain class: one is made
    for every candidate of every mention)."""

    __slots__ = ("bare", "details", "idx", "score")

    def __init__(self, idx: int, score: float, details: list[tuple[str, str, str, float]], bare: bool = False) -> None:
        self.idx = idx
        self.score = score
        self.details = details
        self.bare = bare  # a person matched by the surname alone


class _PersonQuery:
    """What scoring a person needs of a mention, whatever the entity."""

    __slots__ = ("patronymic_gender", "preferred")

    def __init__(self, parsed: ParsedMention, keys: list[str]) -> None:
        first = parsed.surname_first
        # a word that is the surname if it fits (ALL CAPS, first before a comma)
        self.preferred = [w.caps or (first and i == 0) for i, w in enumerate(parsed.words)]
        # the gender of a patronymic's key, None for other keys
        self.patronymic_gender = [patronymic_gender(k) for k in keys]


_NORMALIZER_SAVED = ("tables", "index", "maker", "_by_id")  # what a saved index keeps of a Normalizer
_QUOTE_RE = re.compile("[«»„“”‘’']")  # a quote or apostrophe other than ", compared as "


_QUOTE_MARKS = frozenset('«»„“”"‘')  # (’ is an apostrophe too)


def _written_form(name: str) -> str:
    """A name folded for comparing it as written: normalized, one kind of quote, one space, no
    case."""
    return _folded(normalize_text(name))


def _folded(normalized: str) -> str:
    """:func:`_written_form` of a text :func:`normalize_text` has made already."""
    return " ".join(_QUOTE_RE.sub('"', normalized).casefold().split())


def _in_quotes(text: str) -> bool:
    """Whether a mention holds a part in quotes (БНФ «Адраджэнне», "Wagner")."""
    return not _QUOTE_MARKS.isdisjoint(text)


def _names_itself(place: EntityEntry, markers: set[str]) -> bool:
    """Whether every word by which a mention says it names an organisation is a word of the
    place's own name (Федерация of Российская Федерация, Republic of Republic of Belarus)."""
    return all(any(k in ks for phrase in place.phrases for ks in phrase) for k in markers)


def _acronyms(keys: Collection[str]) -> bool:
    """Whether ``keys`` hold an acronym's key (see :func:`~normalize.names.acronym_key`)."""
    return any(k[0] == "#" for k in keys)


def _initials_in_capitals(word: str) -> bool:
    """Whether a word of a person's mention that is no name may be initials written without dots:
    two or three capitals (JC Petrov, AG LUKASHENKO)."""
    return 2 <= len(word) <= 3 and word.isupper() and word.isalpha()


def similarity(a: str, b: str) -> float:
    """Similarity of two keys: the mean of Jaro-Winkler and the Levenshtein ratio.

    Jaro-Winkler alone rewards a shared beginning too much for surnames (Omelchenko and
    Omelyanyuk share four letters); the Levenshtein ratio keeps such pairs apart. The distance is
    rapidfuzz's, which counts code points: for keys (Latin capitals) the same as jellyfish's,
    which segments graphemes first and takes ten times as long."""
    if a == b:
        return 1.0
    jw = jellyfish.jaro_winkler_similarity(a, b)
    lev = 1.0 - Levenshtein.distance(a, b) / max(len(a), len(b))
    return (jw + lev) / 2.0


def _best_sim(key: str, keys: Collection[str], floor: float = 0.0) -> tuple[float, str]:
    """The most similar of ``keys`` to ``key`` and its similarity. For larger sets rapidfuzz (C)
    picks the few nearest by Jaro-Winkler first (with every key tied with the last of them, so
    that the choice never depends on the order of the set), and only those are scored in full.

    A key whose length alone keeps it below ``floor`` is not scored (the caller takes nothing
    below its floor); when no key reaches it the result may be (0.0, "")."""
    if key in keys:
        return 1.0, key
    pool: Iterable[str] = keys
    if len(keys) > PRESELECT_OVER:
        near = rf_process.extract(key, keys, scorer=JaroWinkler.normalized_similarity, limit=None)
        cut = near[PRESELECT - 1][1]
        pool = [c[0] for c in near if c[1] >= cut]
    best, best_k = 0.0, ""
    la = len(key)
    for k in pool:
        if floor > 0.0 and _length_bound(la, len(k)) < floor:
            continue
        s = similarity(key, k)
        if s > best:
            best, best_k = s, k
    return best, best_k


def _length_bound(la: int, lb: int) -> float:
    """The highest :func:`similarity` two keys of these lengths can have: Jaro counts at most
    min(la, lb) matches, Winkler's prefix adds at most 0.4 of what Jaro leaves, and Levenshtein
    needs at least |la - lb| edits (with a margin for rounding)."""
    if la == lb or not la or not lb:
        return 1.0
    short, long_ = (la, lb) if la < lb else (lb, la)
    jaro = (1.0 + short / long_ + 1.0) / 3.0
    return ((0.6 * jaro + 0.4) + (short / long_)) / 2.0 + 1e-9


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
        self.maker: VariantMaker
        self.index, self.maker = build_index(tables, records, index_canonical)
        self._by_id = {e.id: i for i, e in enumerate(self.index.entries)}
        self._clear_memos()

    def _clear_memos(self) -> None:
        """The lookups made on first use, never saved with the index (see :meth:`__getstate__`)."""
        self._sim_memo: dict[tuple[str, int], tuple[float, str]] = {}
        self._written_memo: dict[int, frozenset[str]] = {}
        self._non_persons_memo: frozenset[int] | None = None
        self._org_places: dict[int, frozenset[int]] = {}  # the places each organisation is named after
        self._weak_memo: dict[str, list[int]] | None = None  # weak aliases as written → entities

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
        d = self._decide(mention, text, self._rank_all(text, types, trace, known), threshold, policy, trace)
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
        return Decision(self, _Scored(idx, 1.0, [(text, "weak alias, as written", "", 1.0)]), mention, False, [])

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

    def _candidate(self, s: _Scored) -> Candidate:
        r = self.index.entries[s.idx].record
        return Candidate(r.id, r.canonical, round(s.score, 4), r.type, r.prominence)

    def _decide(
        self,
        mention: str,
        text: str,
        ranked: list[_Scored],
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
        ambiguous = bool(ties)
        chosen = top
        if ambiguous:
            if policy == "abstain":
                return None
            if policy == "prominent":
                group = [top, *ties]
                group.sort(key=lambda s: (-self.index.entries[s.idx].record.prominence, -s.score))
                p0 = self.index.entries[group[0].idx].record.prominence
                p1 = self.index.entries[group[1].idx].record.prominence
                if p0 == p1:
                    return None
                chosen = group[0]
        others = list(islice((s for s in ranked if s is not chosen), 5))
        return Decision(self, chosen, mention, ambiguous or self._namesakes(chosen), others)

    def _namesakes(self, s: _Scored) -> bool:
        """Whether a match is a surname alone of a person the tables do not hold known by the
        surname alone (``prominence`` below :data:`BARE_SURNAME_PROMINENCE`): people outside the
        tables share it (Пушкин of the poet, not of a painter of the tables), so the match is
        ambiguous, and running text links it only with more to go on."""
        return s.bare and self.index.entries[s.idx].record.prominence < BARE_SURNAME_PROMINENCE

    def _rank_all(
        self,
        text: str,
        types: Sequence[str] | None,
        trace: list[bool] | None = None,
        known: Mapping[str, str] | None = None,
    ) -> list[_Scored]:
        """Rank the entities for a mention; a mention with slash alternatives ranks each and keeps
        every entity's best score."""
        alts = alternatives(text, self.maker.is_given_name)
        if len(alts) == 1:
            return self._rank(alts[0], types, trace, known)
        if trace is not None:
            trace.append(True)
        best: dict[int, _Scored] = {}
        for alt in alts:
            for s in self._rank(alt, types, None, known):
                if s.idx not in best or s.score > best[s.idx].score:
                    best[s.idx] = s
        ranked = list(best.values())
        ranked.sort(key=lambda s: (-s.score, -self.index.entries[s.idx].record.prominence))
        return ranked

    def _rank(
        self,
        text: str,
        types: Sequence[str] | None,
        trace: list[bool] | None = None,
        known: Mapping[str, str] | None = None,
    ) -> list[_Scored]:
        parsed = parse_mention(text, self.tables.titles, self.tables.possessive_suffixes)
        words = parsed.words
        if not words:
            return []
        keys = self.maker.key.many([w.text for w in words], known)
        index = self.index
        cands: set[int] = set()
        by_key = self.index.by_key
        for i, k in enumerate(keys):
            if k:
                hits = by_key.get(k)
                if hits:
                    cands.update(hits)  # Index.candidates(k, fuzzy=False)
                else:  # a case form of a surname a table holds in Latin letters only (Тихановской)
                    for nk, _ in self.maker.nominatives(words[i].text):
                        cands.update(by_key.get(nk, ()))
        phrase_text = text[: len(text) - len(parsed.possessive)] if parsed.possessive else text
        qphrases: list[QueryPhrase] | None = None
        non_persons = self._non_persons
        if not cands or not non_persons.isdisjoint(cands):
            # an organisation or place: its words in translation, stems and acronyms find it too
            qphrases = self.maker.query_phrases(phrase_text)
            for qp in qphrases:
                for _, _, tokens in qp.words:
                    for t in tokens:
                        hits = by_key.get(t)
                        if hits:  # places are found by their own names only (Мінскі is not Minsk)
                            cands.update(i for i in hits if index.entries[i].record.type == "organization")
        if not cands:
            for k in keys:
                if len(k) >= 4:
                    cands |= index.candidates(k, fuzzy=True)
        markers: set[str] = set()  # the words by which the mention says it names an organisation
        if qphrases is None and not non_persons.isdisjoint(cands):
            qphrases = self.maker.query_phrases(phrase_text)
        if qphrases is not None:
            markers = self.maker.org_markers(phrase_text)
            if trace is not None:
                trace.append(True)
        # a given name alone names an entity only as one of its names is written or spelled by a
        # scheme (Lida, the town; Wagner, the group's Вагнер): never by its key alone (Rose is no Расія)
        given_alone = len(words) == 1 and not parsed.initials and self.maker.is_given_name(words[0].text)
        # nor does an ordinary word alone, one of the vocabulary (Аўтамабілі, cars, is no BelAZ)
        ordinary_alone = len(words) == 1 and not given_alone and bool(self.tables.vocabulary.concepts(keys[0]))
        written = _folded(phrase_text) if given_alone or ordinary_alone else ""
        quoted = _in_quotes(phrase_text)
        scored: list[_Scored] = []
        q: _PersonQuery | None = None
        places: list[int] | None = None  # the places the mention's words name (Российской Федерации)
        for idx in cands:
            entry = index.entries[idx]
            etype = entry.record.type
            if types is not None and etype not in types:
                continue
            if given_alone and written not in self._written_names(idx) and written not in entry.surfaces:
                continue
            if (
                ordinary_alone
                and etype == "organization"
                and not quoted
                and not self._named_alone(idx, written, keys[0])
            ):
                continue
            if etype == "person":
                if q is None:
                    q = _PersonQuery(parsed, keys)
                s = self._score_person(entry, parsed, keys, q)
            elif etype == "place" and markers and not _names_itself(entry, markers):
                continue  # an organisation's name (ОАО «Минск»), not the place
            elif etype == "place" and self._place_adjective(entry, parsed):
                continue  # an adjective or surname made from the place's name (Slutsky, Менскі)
            else:
                if etype == "organization":
                    if places is None:
                        places = self._places_named(keys)
                    if places and self.foreign_place(idx, places):
                        continue  # another country's ministry: Министерство иностранных дел России
                s = self._score_phrase(entry, qphrases or [], quoted)
            if s is not None:
                s.idx = idx
                scored.append(s)
        if len(scored) > 1:
            scored.sort(key=lambda s: (-s.score, -index.entries[s.idx].record.prominence))
        return scored

    def _place_adjective(self, place: EntityEntry, parsed: ParsedMention) -> bool:
        """Whether a mention of one word is an adjective or a surname made from the place's name:
        it ends as one (``place_adjectives`` in ``inflection.yaml``) and is none of the place's own
        forms, which the index keeps written as well as by key (Slutsky is not Slutsk, Minskaya
        not Minsk, though it keys as Minska)."""
        words = parsed.words
        if len(words) != 1 or parsed.initials:
            return False
        word = words[0].text.lower()
        return word not in place.surfaces and word.endswith(self.tables.place_adjective_endings)

    def _names_a_place(self, stems: Iterable[str]) -> bool:
        """Whether one of ``stems`` (of a word's key) is the key of a place's name."""
        entries, by_key = self.index.entries, self.index.by_key
        return any(entries[i].record.type == "place" for st in stems for i in by_key.get(st, ()))

    def _places_named(self, keys: list[str]) -> list[int]:
        """The places whose name (or a case form of it) is one of the words of these keys."""
        entries, by_key = self.index.entries, self.index.by_key
        return sorted({i for k in keys for i in by_key.get(k, ()) if entries[i].record.type == "place"})

    def foreign_place(self, org: int, places: Iterable[int]) -> bool:
        """Whether the organisation (its number in the index) is named after a place, and one of
        ``places`` is another state or region: the Ministry of Foreign Affairs of the Republic of
        Belarus is not the one of the Russian Federation. An organisation named after no place
        (Viasna) has no foreign place, and a town is no state (Белтэлерадыёкампанія in Homiel).
        A state or region is a place with a name of several words in the table (Российская
        Федерация, Минская область)."""
        own = self._org_places.get(org)
        if own is None:
            # the places a word of its names (generic ones too: Беларусь) names, and that one only
            entries, by_key = self.index.entries, self.index.by_key
            found: set[int] = set()
            for k in entries[org].word_keys:
                hits = [i for i in by_key.get(k, ()) if entries[i].record.type == "place"]
                if len(hits) == 1:
                    found.add(hits[0])
            own = self._org_places[org] = frozenset(found)
        return bool(own) and any(p not in own and self._is_state(p) for p in places)

    def _is_state(self, place: int) -> bool:
        r = self.index.entries[place].record
        return any(len(split_tokens(name)) > 1 for name in (*r.names, *r.aliases))

    def _similarity_memo(self) -> dict[tuple[str, int], tuple[float, str]]:
        """The best similarity of a mention word's key to a key set of a name word, kept across
        calls (the words of organisation names recur: Republic, Belarus, State …). Keyed by the
        set's identity, so it lives with this process's index and is never pickled."""
        memo = self._sim_memo
        if len(memo) > SIM_MEMO_SIZE:
            memo = self._sim_memo = {}
        return memo

    def __getstate__(self) -> dict[str, Any]:
        return saved_state(self, _NORMALIZER_SAVED)

    def __setstate__(self, state: dict[str, Any]) -> None:
        restore_state(self, state, _NORMALIZER_SAVED)
        self._clear_memos()

    def _written_names(self, idx: int) -> frozenset[str]:
        """The names and aliases of an entity (and its canonical form, when it is indexed) as
        :func:`_written_form` folds them (made on first use, for the entities that tie)."""
        got = self._written_memo.get(idx)
        if got is None:
            r = self.index.entries[idx].record
            names = (*r.names, *r.aliases, *([r.canonical] if self.maker.index_canonical else []))
            got = self._written_memo[idx] = frozenset(_written_form(name) for name in names)
        return got

    def _named_alone(self, idx: int, written: str, key: str) -> bool:
        """Whether an ordinary word (of the vocabulary) is a name of the organisation by itself:
        one of its names as written, or a case form of a name of one word (Вясны of Вясна); in
        quotes, the caller lets it be read as any name's word (Адраджэнне of БНФ «Адраджэнне»)."""
        names = self._written_names(idx)
        if written in names:
            return True
        stems = self.tables.vocabulary.stems
        mine = set(stems(key))
        return any(
            not mine.isdisjoint(stems(self.maker.key(name)))
            for name in names
            if " " not in name and is_cyrillic(name[0]) == is_cyrillic(written[0])
        )

    @property
    def _non_persons(self) -> frozenset[int]:
        """The indexes of the entities that are not persons (made on first use)."""
        if self._non_persons_memo is None:
            self._non_persons_memo = frozenset(i for i, e in enumerate(self.index.entries) if e.record.type != "person")
        return self._non_persons_memo

    # --- scoring -----------------------------------------------------------------------------

    def _score_person(
        self, e: EntityEntry, parsed: ParsedMention, keys: list[str], q: _PersonQuery | None = None
    ) -> _Scored | None:
        """Score a person entity; ``q`` holds what does not depend on the entity (made once per
        mention by :class:`_PersonQuery` when several entities are scored)."""
        if q is None:
            q = _PersonQuery(parsed, keys)
        words = parsed.words
        best_i, best_sim, best_k = -1, 0.0, ""
        surname_keys = e.surname_keys
        preferred = q.preferred
        latin_only = e.latin_only
        gender = e.gender
        for i, k in enumerate(keys):  # an exact surname key first: no similarity to compute
            if k in surname_keys and (best_i < 0 or preferred[i]):
                if k in latin_only and is_cyrillic(words[i].text[0]):
                    continue  # a Cyrillic word is no Latin spelling a scheme made
                best_i, best_sim, best_k = i, 1.0, k
        if best_i < 0:  # a case form, by the inflection table, of a surname held in Latin letters
            for i, k in enumerate(keys):
                for nk, ng in self.maker.nominatives(words[i].text) if k else ():
                    if nk in surname_keys and nk not in latin_only and (ng == "any" or gender in (None, ng)):
                        best_i, best_sim, best_k = i, 1.0, nk
                        break
        if best_i < 0:
            for i, k in enumerate(keys):
                if len(k) <= SHORT_KEY:
                    continue  # a short key is matched exactly and spelled alike, never by similarity
                sim, mk = _best_sim(k, surname_keys, SURNAME_MIN)
                if mk in latin_only and is_cyrillic(words[i].text[0]):
                    continue  # a Cyrillic word is no misspelling of a Latin spelling a scheme made
                if sim > best_sim or (sim == best_sim and sim > 0 and preferred[i]):
                    best_i, best_sim, best_k = i, sim, mk
        if best_i < 0 or best_sim < SURNAME_MIN:
            return None
        if best_sim < 1.0:
            g = key_gender(keys[best_i])
            if g is not None and gender is not None and g != gender:
                return None
            if not self._near_word(words[best_i].text, e):
                return None  # one consonant for another: another surname
            k = keys[best_i]
            if k.startswith(best_k) or best_k.startswith(k):
                return None  # an ending more or less: a case form, which the inflection table decides
        details = [(words[best_i].text, "surname", best_k, best_sim)]
        total, weight = 2.0 * best_sim, 2.0
        patronymic_gender = q.patronymic_gender
        initials: list[str] = [t.text for t in parsed.initials]
        given = False  # a word of the mention is a given name: its initials are the patronymic's
        for i, k in enumerate(keys):
            if i == best_i or not k:
                continue
            pg = patronymic_gender[i]
            if pg is not None:  # a patronymic's key
                if gender is not None and pg != gender:
                    return None
                if not e.patronymic_keys:
                    if not given:
                        # a patronymic the table does not know stands after a given name that fits;
                        # alone beside the surname it is another name (Ціхан Карбалевіч)
                        return None
                    details.append((words[i].text, "patronymic (not in the table)", k, 0.0))
                    continue
                role, need = "patronymic", PATRONYMIC_MIN
                if k in e.patronymic_case_keys:
                    sim, mk, role = 1.0, k, "patronymic (case form)"
                else:
                    sim, mk = _best_sim(k, e.patronymic_keys, PATRONYMIC_MIN)
                    if sim < 1.0 and not self.maker.key.near_spelling(k.lower(), mk.lower(), gaps=True):
                        return None  # another father's name: Алегавіч is no Алесевіч
            else:
                if not e.given_keys:
                    details.append((words[i].text, "given name (not in the table)", k, 0.0))
                    given = True
                    continue
                sim, mk = _best_sim(k, e.given_keys, GIVEN_MIN)
                role, need = "given name", GIVEN_MIN
                if sim < 1.0 and words[i].text.lower() in e.given_case_forms:
                    sim, mk, role = 1.0, k, "given name (case form)"
                if sim < 1.0 and gender is not None:
                    g = self.maker.given_names.gender_of(words[i].text)
                    if (g and g != gender) or (not g and k.endswith(("A", "E")) != mk.endswith(("A", "E"))):
                        return None  # Вікторыя is no misspelling of Віктар (nor Viktoryja, by its ending)
                if need <= sim < 1.0 and not self.maker.key.near_spelling(k.lower(), mk.lower(), gaps=True):
                    return None  # another name: a consonant for another
                if sim < need and _initials_in_capitals(words[i].text):
                    initials[len(initials) :] = list(words[i].text)  # JC Petrov: J. C. without dots
                    continue
                given = True
            if sim < need:
                return None
            details.append((words[i].text, role, mk, sim))
            total += sim
            weight += 1.0
        first = 1 if given else 0  # Ivan P. Petrov: the initial after a given name is the patronymic's
        for n, letter in enumerate(initials, first):
            pool = e.given_initials if n == 0 else e.patronymic_initials
            if not pool:
                continue
            if not self.maker.initial_matches(letter.upper(), pool):
                return None
            details.append((letter, "initial", letter.upper(), 1.0))
            total += 0.95
            weight += 1.0
        if len(details) == 1 and len(best_k) <= SHORT_KEY and not self._spelled_as(words[best_i].text, e):
            return None  # a short key alone is weak evidence: Kari is not Корж (Korj)
        return _Scored(-1, total / weight, details, len(details) == 1)

    def _near_word(self, word: str, e: EntityEntry, gaps: bool = False) -> bool:
        """Whether ``word``, of a key near one of the entity's (a surname, a word of a name), is a
        near spelling of the nearest spelling the index made of the entity's name words in the
        word's alphabet (the word itself, or for a Cyrillic word its spellings under every scheme
        when the entity has none in Cyrillic): see :meth:`~normalize.phonetic.PhoneticKey.near_spelling`."""
        low = word.lower()
        by_script: dict[str, list[str]] = {}
        for sp in e.surfaces:
            by_script.setdefault(script_of(sp), []).append(sp)
        mine = [low]
        if script_of(low) == "Cyrl" and "Cyrl" not in by_script:
            mine = [v.lower() for v in self.maker.spellings(word)]
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
        return self.maker.key.near_spelling(best[1], best[2], gaps)

    def _cyrillic_place(self, e: EntityEntry) -> bool:
        """Whether the tables name a place in Cyrillic (the index then made its case forms)."""
        return any(is_cyrillic(n[0]) for n in (*e.record.names, *e.record.aliases) if n)

    def _spelled_as(self, word: str, e: EntityEntry) -> bool:
        """Whether ``word`` is written as one of the spellings the index made of the entity's name
        words (under any scheme, in any case form), or, for a Cyrillic word, is spelled so by one
        of its schemes or meets a Cyrillic name of the entity: for short keys, which many unrelated
        words of other languages share."""
        spelled = e.short_spellings
        if word.lower() in spelled:
            return True
        if is_cyrillic(word[0]) and any(is_cyrillic(v[0]) for v in spelled):
            return True  # Cyrillic for Cyrillic: the key folds their spellings (Расея, Расія)
        return any(v.lower() in spelled for v in self.maker.spellings(word))

    def _score_phrase(self, e: EntityEntry, qphrases: list[QueryPhrase], quoted: bool) -> _Scored | None:
        """The best score of the entity's phrases for the mention's; a phrase of a part in quotes
        that is no name of its own counts only for a mention in quotes (``quoted``)."""
        best: _Scored | None = None
        is_org = e.record.type == "organization"
        written = qphrases[0].tokens if qphrases else frozenset()
        memo = self._similarity_memo()
        for qp in qphrases:
            if is_org and qp.whole:
                continue  # an organisation's names are read by their significant words
            lq = len(qp.words)
            for j, phrase in enumerate(e.phrases):
                if not quoted and j in e.quoted_phrases:
                    continue  # Адраджэнне alone is a revival, «Адраджэнне» the front
                derived = j in e.derived_phrases
                ptokens = e.phrase_tokens[j]
                if derived:
                    # two acronyms that neither name was written with do not count; an acronym
                    # the entity's name makes must be a word of the mention
                    if qp.derived or written.isdisjoint(ptokens[0]):
                        continue
                elif qp.derived and not any(qp.words[0][1] in pt for pt in ptokens):
                    continue  # an acronym the mention makes must be a word of the name
                factor = DERIVED_FACTOR if qp.derived or derived else 1.0
                lp = len(phrase)
                bound = 2 * min(lq, lp) / (lq + lp)
                if is_org:  # what the brand and the whole-name rules can give
                    bound = max(bound, 1.0 - 0.05, CONTAINED_SCORE if lq - lp == 1 else 0.0)
                if best is not None and bound * factor <= best.score:
                    continue
                s = self._score_phrase_pair(e, qp.words, phrase, ptokens, memo)
                s.score *= factor
                if best is None or s.score > best.score:
                    best = s
                    if s.score >= 1.0:
                        return best
        return best

    def _score_phrase_pair(
        self,
        e: EntityEntry,
        qsig: tuple[tuple[str, str, frozenset[str]], ...],
        phrase: tuple[frozenset[str], ...],
        ptokens: tuple[frozenset[str], ...],
        memo: dict[tuple[str, int], tuple[float, str]],
    ) -> _Scored:
        """Score one reading of a mention against one phrase of an entity; ``memo`` keeps the
        similarities of mention keys to the entity's key sets (see :meth:`_similarity_memo`)."""
        used: set[int] = set()
        total = 0.0
        exact = 0
        details: list[tuple[str, str, str, float]] = []
        concepts = self.maker.tables.vocabulary.concepts
        own = e.word_keys
        weak = ""  # a mention word matched by a short key alone (see _spelled_as)
        for text, k, tokens in qsig:
            bsim, bj, bk, bexact = 0.0, -1, "", False
            cyrillic = is_cyrillic(text[0])
            if k in e.latin_only and cyrillic:
                continue  # a Cyrillic word is no Latin spelling a scheme made (Единая, Jodzina)
            given = self.maker.is_given_name(text)
            plain_cyrillic = cyrillic and not _acronyms(tokens)  # not written in capitals
            for j, ks in enumerate(phrase):
                if j in used or (plain_cyrillic and CYRILLIC_CAPITALS in ks):
                    continue
                common = tokens & ptokens[j]
                if common and given and k not in ks and all(t[:1].isupper() for t in common):
                    # a given name meets a word of a name as itself or in translation, not by stem
                    common = frozenset()
                if len(k) <= SHORT_KEY and k[0] != "#" and _acronyms(tokens) and _acronyms(ks):
                    # short and written in capitals both: acronyms, read letter by letter (МТС is no
                    # МТЗ, though a press convention writes МТЗ as MTS)
                    if _acronyms(common) or _acronyms(tokens & ks):  # (a place's phrase has no tokens)
                        bsim, bj, bk, bexact = 1.0, j, k, False
                        break
                    continue
                if k in ks:
                    bsim, bj, bk, bexact = 1.0, j, k, True
                    break
                if common:  # the same word in translation, stem or acronym
                    bsim, bj, bk, bexact = 1.0, j, k, False
                    if len(k) <= SHORT_KEY and all(t[0] != "#" for t in common) and common <= ks:
                        bexact = True  # the key itself, not a concept or an acronym
                    break
                if k[0] == "#" or k in own or len(k) <= SHORT_KEY or given:
                    # an acronym made of the mention matches acronyms only; a word of the entity's
                    # own names is that word, not a misspelling of another (Russian of Russian
                    # Federation is not Russia); a short key is matched exactly and spelled alike;
                    # a given name is no misspelling of a word of a name (Frank Young: Малады Фронт)
                    continue
                got = memo.get((k, id(ks)))
                if got is None:
                    got = memo[(k, id(ks))] = _best_sim(k, ks, OTHER_MIN)
                sim, mk = got
                if cyrillic and (mk in e.latin_only or (e.record.type == "place" and self._cyrillic_place(e))):
                    # a Cyrillic word is no Latin spelling; a place the tables name in Cyrillic is
                    # named by its words and their case forms (Віцебскай is no Віцебск)
                    continue
                if sim > bsim and (sim < OTHER_MIN or self._near_word(text, e, gaps=True)):
                    bsim, bj, bk = sim, j, mk  # (a consonant for another makes another word: Колчев, Польшча)
            if bj >= 0 and bsim >= OTHER_MIN:
                if bexact and len(k) <= SHORT_KEY and k[0] != "#":
                    weak = text
                used.add(bj)
                total += bsim
                exact += bexact
                how = "name word" if bexact or bsim < 1.0 else "name word by translation, stem or acronym"
                details.append((text, how, bk, bsim))
        if len(details) < len(qsig) and e.record.type != "person":
            # a word of the mention that fits no word of the name rules it out, as for persons
            # (Anna Wagner is not the Wagner Group, Vesna Kovač not Viasna)
            return _Scored(-1, 0.0, details)
        if weak and len(details) == 1 and not self._spelled_as(weak, e):
            return _Scored(-1, 0.0, details)  # a short key alone is weak evidence: Mass is not МАЗ
        score = 2 * total / (len(qsig) + len(phrase))
        # the brand: the longest word of both names is the same long word, and in neither name a
        # word of the vocabulary (Белвнешпромсервис, not Ministry; not National spelt Nazionalnym,
        # which the vocabulary does not know, for the Нацыянальны of a name)
        if e.record.type == "organization" and details:
            q_long = max(qsig, key=lambda t: len(t[1]))[1]
            e_long = max(phrase, key=lambda ks: max(len(k) for k in ks))
            if (
                len(q_long) >= BRAND_MIN_KEY
                and q_long[0] != "#"
                and not concepts(q_long)
                and e.person_stems.isdisjoint(stems := self.maker.tables.vocabulary.stems(q_long))
                and not self._names_a_place(stems)
            ):  # a person's name inside an organisation's is no brand (Полк Каліноўскага), nor a
                # word made from a place's name (Мазырскага of Мазырскі НПЗ: the district's too)
                sim, _ = _best_sim(q_long, e_long, BRAND_SIM)
                if sim >= BRAND_SIM and not any(concepts(k) for k in e_long):  # any spelling of the word
                    score = max(score, sim - 0.05)
        # every word of an organisation's name found as written, and at most one word more in the
        # mention
        if (
            e.record.type == "organization"
            and exact == len(phrase) == len(used)
            and len(qsig) - len(phrase) == 1
            and min(len(k) for ks in phrase for k in ks) >= 4
        ):
            score = max(score, CONTAINED_SCORE)
        return _Scored(-1, score, details)

    # --- explain -----------------------------------------------------------------------------

    def _provenance(self, entity_id: str, key: str) -> str:
        idx = self._by_id.get(entity_id)
        if idx is None:
            return ""
        rec = self.index.entries[idx].record
        maker = self.maker
        for name in (*rec.names, *rec.aliases):
            for word in name.replace(",", " ").split():
                if maker.key(word) == key:
                    return f"; from {word!r} in the table"
                for s in (sc for lst in maker.schemes.values() for sc in lst):
                    for v in s.word_variants(word, 8):
                        if maker.key(v) == key:
                            return f"; from {word!r} as {v!r} by scheme {s.id}"
        return "; from a generated form (cognate, other-language or case form)"


SIM_MEMO_SIZE = 500_000
CONTAINED_SCORE = 0.9
BRAND_MIN_KEY = 7
BRAND_SIM = 0.92
DERIVED_FACTOR = 0.96
_DEFAULT: Normalizer | None = None


def resolve(mention: str, **kwargs: Any) -> Match | None:
    """Resolve ``mention`` against the bundled tables; see :meth:`Normalizer.resolve`."""
    return Normalizer.default().resolve(mention, **kwargs)
