"""``resolve()``: one mention → the canonical entity it names, or None.

The path of a mention: normalize → tokens (titles, possessive and initials noted) → phonetic keys
→ candidate entities (key hits, then one-edit neighbours) → score each candidate by aligning the
mention's words with the entity's surname, given name and patronymic → apply the threshold and the
ambiguity policy → :class:`Match`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from mypy_extensions import mypyc_attr

from .cognates import GivenNameGroups
from .index import EntryBuilder, Index, build_index, gc_paused
from .memo import remember
from .names import MAX_MENTION_CHARS
from .nearspell import NearSpellings
from .orgnames import OrgNames
from .persons import PersonScorer
from .phonetic import PhoneticKey
from .phrases import PhraseScorer
from .pickling import by_constructor, restore_state, saved_state
from .places import Places
from .ranking import Ranker, folded, written_form
from .scores import Scored
from .spans import SpanFinder
from .tables import EntityRecord, Tables, load_tables, records_to_entities, user_tables_dir
from .text import normalize_text
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
        # a match people outside the tables share (see Normalizer._namesakes): running text links
        # it only with more to go on
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


@mypyc_attr(allow_interpreted_subclasses=True)  # picklable when compiled
class Normalizer:
    """Resolves mentions against a set of entities.

    Make one with :meth:`load` (a tables folder), :meth:`from_records` (plain dicts) or
    :meth:`default` (the bundled tables).
    """

    def __init__(
        self,
        tables: Tables,
        records: Sequence[EntityRecord] | None = None,
        *,
        index_canonical: bool = True,
        jobs: int = 1,
    ) -> None:
        self.tables = tables
        self.index: Index
        self.builder: EntryBuilder
        self.index, self.builder = build_index(tables, records, index_canonical, jobs)
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
        self.persons = PersonScorer(self.forms, self.groups, near)
        self.phrases = PhraseScorer(self.tables, self.groups, near, self.places, self.forms.acronym_keys)
        self.ranker = Ranker(
            self.index, self.tables, self.forms, self.groups, self.orgs, self.places, self.persons, self.phrases,
            self.builder.index_canonical,
        )  # fmt: skip

    def _clear_memos(self) -> None:
        """The lookups made on first use, never saved with the index (see :meth:`__getstate__`)."""
        self.ranker.clear_memos()
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
                    self.places,
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
    def load(
        cls, folder: str | Path | None = None, *, cache: bool = True, default_tables: bool = True, jobs: int = 1
    ) -> Normalizer:
        """The bundled tables with a folder of your own (same format as the bundled ``tables/``;
        ``$NORMALIZE_TABLES`` when ``folder`` is None) **added**: its entities join the bundled
        ones (one with the id of a bundled entity replaces it), and so do its schemes, cognates,
        titles and organisation words; a rule file it holds (``phonetic.yaml`` …) is used in place
        of the bundled one. ``default_tables=False`` leaves the bundled entities out (the rules the
        folder lacks are still the bundled ones).

        With ``cache`` (the default) the compiled index is kept in ``~/.cache/normalize`` (or
        ``$NORMALIZE_CACHE_DIR``; set it to ``off`` to disable) and reused while the table files
        are unchanged; tables are still checked whenever they change. ``jobs`` processes build
        the index where it is built (see :meth:`from_records`)."""
        user = user_tables_dir(folder)
        if cache:
            from .store import cached_load

            return cached_load(user, default_tables=default_tables, jobs=jobs)
        return cls(load_tables(user, default_tables=default_tables), jobs=jobs)

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
        cls,
        records: Iterable[Mapping[str, Any]],
        tables: str | Path | None = None,
        *,
        index_canonical: bool = True,
        jobs: int = 1,
    ) -> Normalizer:
        """Entities from plain records: ``{"id", "canonical", "names": [...], "type", "gender"}``;
        ``names`` may be one name or a list, in any script. Rules come from ``tables`` (bundled
        by default). With ``index_canonical=False`` the canonical form is a display label only and
        mentions are matched against ``names`` (and ``aliases``) alone.

        With ``jobs`` above one, a large table is built by that many processes (forked workers
        make persons' surname keys; where the platform cannot fork, one process builds it): the
        same entries and answers, sooner on as many cores."""
        recs = records_to_entities(records)
        base = load_tables(tables, entities=False)
        return cls(base, recs, index_canonical=index_canonical, jobs=jobs)

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
        d = self._decide(
            mention, text, self.ranker.rank_all(text, types, trace, known, threshold), threshold, policy, trace
        )
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
                    held = weak.setdefault(written_form(alias), [])
                    if i not in held:
                        held.append(i)
            self._weak_memo = weak
        owners = weak.get(folded(text)) if weak else None
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
        return [self._candidate(s) for s in self.ranker.rank_all(text, None)[:limit]]

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
            if top.score < threshold:
                return None
            return Decision(self, top, mention, self._namesakes(top), [])
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
            written = folded(text)
            own = [s for s in (top, *ties) if written in self.ranker.written_names(s.idx)]
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
        """Whether a match is one that people outside the tables share, of a person the tables do
        not hold known by the surname alone (``prominence`` below :data:`BARE_SURNAME_PROMINENCE`):
        the surname alone (Пушкин of the poet, not of a painter of the tables), or the surname with
        one initial checked and nothing else (no given name or patronymic written out, no second
        initial the tables could check), which narrows the given name to a letter (С. Алейніка;
        A.V. Alexandrov of a person whose patronymic the tables lack; two initials checked, С. В.
        Канико, say more). Such a match is ambiguous, and running text links it only with more to
        go on."""
        if self.index.columns.prominence[s.idx] >= BARE_SURNAME_PROMINENCE:
            return False
        if s.bare:
            return True
        roles = [d[1] for d in s.details]
        return len(roles) == 2 and roles.count("initial") == 1

    def __getstate__(self) -> dict[str, Any]:
        return saved_state(self, _NORMALIZER_SAVED)

    def __setstate__(self, state: dict[str, Any]) -> None:
        restore_state(self, state, _NORMALIZER_SAVED)
        self._take_parts()
        self._clear_memos()

    def named_as_written(self, idx: int, text: str) -> bool:
        """Whether ``text`` is one of the names of entity number ``idx`` as the tables write them
        (folded: not a case form of one)."""
        return self.ranker.named_as_written(idx, text)

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
