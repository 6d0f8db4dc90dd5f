"""Scoring a mention as an organisation's or place's name: each reading of the mention against
each phrase of the entity, word by word (by key, translation, stem or acronym), with the rules of
brands, acronyms, short keys and names in quotes."""

from __future__ import annotations

from collections.abc import Callable

from .cognates import GivenNameGroups
from .index import EntityEntry
from .memo import remember
from .namekeys import CYRILLIC_CAPITALS, LATIN_CAPITALS, SHORT_KEY
from .names import split_tokens
from .nearspell import NearSpellings
from .orgnames import QueryPhrase
from .places import Places
from .scores import (
    BRAND_MIN_KEY,
    BRAND_SIM,
    CONTAINED_SCORE,
    DERIVED_FACTOR,
    OTHER_MIN,
    SIM_MEMO_SIZE,
    Scored,
    acronyms,
    most_similar,
)
from .tables import Tables
from .text import is_cyrillic

BRAND_MARGIN = 0.05  # a brand's score stays below the full name's: its similarity less this
BRAND_SCORE = 1.0 - BRAND_MARGIN  # the most a brand scores
_NO_KEYS: frozenset[str] = frozenset({""})  # not yet looked at (no phrase word has the key "")


def _named_in_cyrillic(e: EntityEntry) -> bool:
    """Whether a name of the entity is written in Cyrillic."""
    return any(is_cyrillic(name[0]) for name in e.record.names if name)


def _short_acronym(keys: frozenset[str]) -> bool:
    """Whether a name word's keys hold the letters of an acronym of a short key's length or less
    (МУС, ОМОН: read letter by letter, where a longer word in capitals is as often a name written
    so, ГОРИЗОНТ)."""
    return any(k[0] == "#" and k not in (CYRILLIC_CAPITALS, LATIN_CAPITALS) and len(k) - 1 <= SHORT_KEY for k in keys)


class PhraseScorer:
    """Scores a mention against an organisation's or place's entry."""

    def __init__(
        self,
        tables: Tables,
        groups: GivenNameGroups,
        near: NearSpellings,
        places: Places,
        acronym_keys: Callable[[list[str]], set[str]],
    ) -> None:
        self.tables = tables
        self.groups = groups
        self.near = near
        self.places = places
        self._acronym_keys = acronym_keys  # the keys of an acronym's letters (WordForms.acronym_keys)
        self._sim_memo: dict[tuple[str, int], tuple[float, str]] = {}
        self._brand_memo: dict[str, bool] = {}
        self._small_memo: dict[tuple[str, str], bool] = {}
        self._tokens_memo: dict[str, frozenset[str]] = {}  # entity id → every key and token of its names
        self._phrase_tokens_memo: dict[tuple[str, int], frozenset[str]] = {}  # (entity id, phrase) → the same
        self._brand_keys_memo: dict[tuple[str, int], frozenset[str] | None] = {}  # see _brand_keys
        self._adjective_memo: dict[str, frozenset[str]] = {}  # entity id → see _adjective_stems

    def _similarity_memo(self) -> dict[tuple[str, int], tuple[float, str]]:
        """The best similarity of a mention word's key to a key set of a name word, kept across
        calls (the words of organisation names recur: Republic, Belarus, State …). Keyed by the
        set's identity, so it lives with this process's index and is never pickled."""
        memo = self._sim_memo
        if len(memo) > SIM_MEMO_SIZE:
            memo = self._sim_memo = {}
        return memo

    def _brand_word(self, qsig: tuple[tuple[str, str, frozenset[str]], ...]) -> str:
        """The key of the mention's word that may be a brand (see :meth:`_score_pair`): its
        longest, of :data:`BRAND_MIN_KEY` symbols or more, no acronym, no word of the vocabulary and
        no word made from a place's name, of the tables or not (an adjective of a place's ending,
        ``place_adjectives`` of ``inflection.yaml``: Хельсинкский, of Helsinki, is no brand of the
        Helsinki Committee); "" when it is none. Remembered per key."""
        q_text, q_long, _ = max(qsig, key=lambda t: len(t[1]))
        if len(q_long) < BRAND_MIN_KEY or q_long[0] == "#":
            return ""
        if q_text.lower().endswith(self.tables.place_adjective_endings):
            return ""
        got = self._brand_memo.get(q_long)
        if got is None:
            voc = self.tables.vocabulary
            got = not voc.concepts(q_long) and not self.places.names_a_place(voc.stems(q_long))
            remember(self._brand_memo, q_long, got, SIM_MEMO_SIZE)
        return q_long if got else ""

    def _brand_keys(self, e: EntityEntry, phrase: tuple[frozenset[str], ...]) -> frozenset[str] | None:
        """The keys of the longest word of an organisation's phrase when it may be a brand: no
        spelling of it a word of the vocabulary (Ministry), not written in small letters only (see
        :meth:`_written_small`), and no place's name that the entity's other names write as the
        adjective made from it (Helsinki of Helsinki Committee, Хельсінкскі камітэт); None when it
        may not. Remembered per phrase (by identity, as the similarities are)."""
        memo = self._brand_keys_memo
        memo_key = (e.record.id, id(phrase))
        got = memo.get(memo_key, _NO_KEYS)
        if got is _NO_KEYS:
            e_long = max(phrase, key=lambda ks: max(len(k) for k in ks))
            voc = self.tables.vocabulary
            brand = (
                not any(voc.concepts(k) for k in e_long)
                and not self._written_small(e, e_long)
                and self._adjective_stems(e).isdisjoint(st for k in e_long for st in voc.stems(k))
            )
            got = memo[memo_key] = e_long if brand else None
        return got

    def _adjective_stems(self, e: EntityEntry) -> frozenset[str]:
        """The stems (less the adjective's ending) of the words of the entity's phrases that its
        names write as the adjective made from a place's name (``place_adjectives`` of
        ``inflection.yaml``: Хельсінкскі, Мазырскі). Remembered per entity."""
        got = self._adjective_memo.get(e.record.id)
        if got is None:
            ends = self.tables.place_adjective_endings
            key = self.near.key
            voc = self.tables.vocabulary
            adjectives = {
                key(w)
                for name in (*e.record.names, *e.record.aliases)
                for w in split_tokens(name)
                if w.lower().endswith(ends)
            }
            got = frozenset(
                st
                for phrase in e.phrases
                for ks in phrase
                if not adjectives.isdisjoint(ks)
                for k in ks
                for st in voc.stems(k)
                if st != k
            )
            remember(self._adjective_memo, e.record.id, got, SIM_MEMO_SIZE)
        return got

    def _written_small(self, e: EntityEntry, ks: frozenset[str]) -> bool:
        """Whether the tables write the entity's word of keys ``ks`` in small letters only: a word of
        a description (назначения of Отряд милиции особого назначения), no brand, which is a proper
        name written with a capital (Белвнешпромсервис, «Горизонт», AGAT). Remembered per word."""
        memo_key = (e.record.id, min(ks))
        got = self._small_memo.get(memo_key)
        if got is None:
            key = self.near.key
            written = [w for name in (*e.record.names, *e.record.aliases) for w in split_tokens(name) if key(w) in ks]
            got = bool(written) and all(w[:1].islower() for w in written)
            remember(self._small_memo, memo_key, got, SIM_MEMO_SIZE)
        return got

    def _entity_tokens(self, e: EntityEntry) -> frozenset[str]:
        """Every key and token of every word of the entity's phrases (made on first use)."""
        got = self._tokens_memo.get(e.record.id)
        if got is None:
            got = frozenset().union(
                *(ks for phrase in e.phrases for ks in phrase), *(t for pt in e.phrase_tokens for t in pt)
            )
            self._tokens_memo[e.record.id] = got
        return got

    def _phrase_tokens(self, e: EntityEntry, j: int) -> frozenset[str]:
        """Every key and token of the words of the entity's phrase ``j`` (made on first use)."""
        memo_key = (e.record.id, j)
        got = self._phrase_tokens_memo.get(memo_key)
        if got is None:
            got = self._phrase_tokens_memo[memo_key] = frozenset().union(*e.phrases[j], *e.phrase_tokens[j])
        return got

    def _keys_and_tokens_only(self, e: EntityEntry, text: str, k: str) -> bool:
        """Whether a mention's word meets a word of the entity's names by a key or token in common
        only, never by a similar key (see :meth:`_score_pair`): an acronym, a word of the entity's
        own names, a short key, a given name."""
        return k[0] == "#" or k in e.word_keys or len(k) <= SHORT_KEY or self.groups.is_given_name(text)

    def _similar(self, k: str, ks: frozenset[str], memo: dict[tuple[str, int], tuple[float, str]]) -> tuple[float, str]:
        """:func:`most_similar` of ``k`` among a name word's keys ``ks``, remembered in ``memo``."""
        got = memo.get((k, id(ks)))
        if got is None:
            got = memo[(k, id(ks))] = most_similar(k, ks, OTHER_MIN)
        return got

    def _reading_meets(self, e: EntityEntry, words: tuple[tuple[str, str, frozenset[str]], ...]) -> bool:
        """Whether every word of a reading of a mention may meet some word of the entity's phrases
        as :meth:`_score_pair` compares them: by a key or token in common (a word's own key is one
        of its tokens), or by a similar key, for a word that may be matched so (which is left to
        each phrase: see :meth:`_phrase_meets`). One set test a word."""
        own = self._entity_tokens(e)
        return not any(tokens.isdisjoint(own) and self._keys_and_tokens_only(e, text, k) for text, k, tokens in words)

    def _phrase_meets(
        self,
        e: EntityEntry,
        j: int,
        words: tuple[tuple[str, str, frozenset[str]], ...],
        memo: dict[tuple[str, int], tuple[float, str]],
    ) -> bool:
        """:meth:`_reading_meets` for the entity's phrase ``j`` alone."""
        own = self._phrase_tokens(e, j)
        for text, k, tokens in words:
            if not tokens.isdisjoint(own):
                continue
            if self._keys_and_tokens_only(e, text, k):
                return False
            if not any(self._similar(k, ks, memo)[0] >= OTHER_MIN for ks in e.phrases[j]):
                return False
        return True

    def score(self, e: EntityEntry, qphrases: list[QueryPhrase], quoted: bool, floor: float = 0.0) -> Scored | None:
        """The best score of the entity's phrases for the mention's; a phrase of a part in quotes
        that is no name of its own counts only for a mention in quotes (``quoted``). A phrase that
        cannot score ``floor`` is not scored: None when none can."""
        best: Scored | None = None
        is_org = e.record.type == "organization"
        written = qphrases[0].tokens if qphrases else frozenset()
        memo = self._similarity_memo()
        whole_read = any(qp.whole for qp in qphrases)
        for qp in qphrases:
            if is_org and qp.whole:
                continue  # an organisation's names are read by their significant words
            if not is_org and whole_read and not qp.whole:
                continue  # a place by all the words of the mention (Беларусь и Россия is no Russia)
            # a reading with a word that meets no word of the names scores 0 with every phrase (see
            # the end of _score_pair): of its phrases only the first is scored, and only while no
            # other reading has given a score (a later 0 never replaces the first)
            met = self._reading_meets(e, qp.words)
            if not met and best is not None:
                continue
            lq = len(qp.words)
            brand = self._brand_word(qp.words) if is_org else ""
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
                elif qp.derived and (
                    not any(qp.words[0][1] in pt for pt in ptokens)
                    or (
                        qp.words[0][0].isascii()
                        and (
                            CYRILLIC_CAPITALS in ptokens[0]
                            or any(qp.words[0][1] in e.phrase_tokens[d][0] for d in e.derived_phrases)
                        )
                    )
                ):
                    # an acronym the mention makes must be a word of the name, and the initials of
                    # Latin words an acronym in Latin letters: no Cyrillic one spelled in them (the
                    # BPC of Belarus Potash Company is no БПЦ, the church); nor one the entity's own
                    # Latin name spells with other words, which the mention's words did not meet
                    # (Belarusian People's Committee, of 1918, is no Belarus Potash Company)
                    continue
                factor = DERIVED_FACTOR if qp.derived or derived else 1.0
                lp = len(phrase)
                bound = 2 * min(lq, lp) / (lq + lp)
                if is_org:  # what the brand and the whole-name rules can give
                    bound = max(bound, BRAND_SCORE if brand else 0.0, CONTAINED_SCORE if lq - lp == 1 else 0.0)
                if bound * factor < floor or (best is not None and bound * factor <= best.score):
                    continue
                if best is not None and not self._phrase_meets(e, j, qp.words, memo):
                    continue  # a word meets no word of this phrase: a score of 0, which changes nothing
                s = self._score_pair(e, qp.words, phrase, ptokens, memo, brand)
                s.score *= factor
                if best is None or s.score > best.score:
                    best = s
                    if s.score >= 1.0:
                        return best
                if not met:
                    break
        return best

    def _score_pair(
        self,
        e: EntityEntry,
        qsig: tuple[tuple[str, str, frozenset[str]], ...],
        phrase: tuple[frozenset[str], ...],
        ptokens: tuple[frozenset[str], ...],
        memo: dict[tuple[str, int], tuple[float, str]],
        brand: str = "",
    ) -> Scored:
        """Score one reading of a mention against one phrase of an entity; ``memo`` keeps the
        similarities of mention keys to the entity's key sets (see :meth:`_similarity_memo`);
        ``brand`` is the mention's word that may be a brand (see :meth:`_brand_word`)."""
        used: set[int] = set()
        total = 0.0
        exact = 0
        details: list[tuple[str, str, str, float]] = []
        own = e.word_keys
        is_place = e.record.type == "place"
        weak = ""  # a mention word matched by a short key alone (see NearSpellings.spelled_as)
        for text, k, tokens in qsig:
            bsim, bj, bk, bexact = 0.0, -1, "", False
            short_concept = False
            cyrillic = is_cyrillic(text[0])
            if e.spelled_otherwise(k, text):
                continue  # no Latin spelling a scheme made (Единая, Jodzina), no Ukrainian case form (Kijevi)
            if cyrillic and is_place and self.places.met_by_a_latin_name_only(e, text, k):
                continue  # у Крэве is no Krievija
            given = self.groups.is_given_name(text)
            plain = not acronyms(tokens)  # not written in capitals
            for j, ks in enumerate(phrase):
                if j in used or (
                    plain
                    and (
                        (
                            CYRILLIC_CAPITALS in ks
                            and (cyrillic or (_short_acronym(ks) and self._acronym_keys([text]).isdisjoint(ks)))
                        )
                        or (LATIN_CAPITALS in ks and k not in ks)
                    )
                ):
                    # a word in capitals of a name (an acronym: МУС, МЗС) and its case forms are written
                    # in capitals (МУСа); in Latin letters, a Cyrillic acronym's letters may be written
                    # as a word, one by one (Mzs of МЗС), not its case forms (Musa, a name, is no МУСа,
                    # Among no ОМОНа; a longer word in capitals, ГОРИЗОНТ, is a name, met as a word);
                    # and a Latin one read as a word is met by its key (Belaz of BelAZ), not by its
                    # stem (Musa of MUS)
                    continue
                common = tokens & ptokens[j]
                if common and given and k not in ks and all(t[:1].isupper() for t in common):
                    # a given name meets a word of a name as itself or in translation, not by stem
                    common = frozenset()
                if cyrillic and LATIN_CAPITALS in ks and _named_in_cyrillic(e) and (acronyms(tokens) or k not in ks):
                    # a Cyrillic acronym is none of a Latin one's letters (БАЙ is no BAJ: БАЖ), nor a
                    # Cyrillic word of a Latin acronym's stem (Омана, of Оман, is no OMON: the
                    # entity's Cyrillic names meet the Cyrillic forms, ОМОНа)
                    continue
                if len(k) <= SHORT_KEY and k[0] != "#" and acronyms(tokens) and acronyms(ks):
                    # short and written in capitals both: acronyms, read letter by letter (МТС is no
                    # МТЗ, though a press convention writes МТЗ as MTS)
                    if acronyms(common) or acronyms(tokens & ks):  # (a place's phrase has no tokens)
                        bsim, bj, bk, bexact = 1.0, j, k, False
                        break
                    continue
                if k in ks:
                    bsim, bj, bk, bexact = 1.0, j, k, True
                    break
                if common:  # the same word in translation, stem or acronym
                    bsim, bj, bk, bexact = 1.0, j, k, False
                    if len(k) <= SHORT_KEY and all(t[0] != "#" for t in common):
                        # the key itself, or a concept a short key reaches: weak evidence, as the
                        # key itself (Oman keys as омон: no riot police)
                        short_concept = not common <= ks
                        bexact = not short_concept
                    break
                if k[0] == "#" or k in own or len(k) <= SHORT_KEY or given:
                    # an acronym made of the mention matches acronyms only; a word of the entity's
                    # own names is that word, not a misspelling of another (Russian of Russian
                    # Federation is not Russia); a short key is matched exactly and spelled alike;
                    # a given name is no misspelling of a word of a name (Frank Young: Малады Фронт)
                    continue
                if (
                    is_place
                    and len(phrase) == 1
                    and self.places.cyrillic_place(e)
                    and not self.near.transposed(text, e)
                ):
                    # a place's name of one word that the tables give in Cyrillic is met by its
                    # spellings and case forms, which the index makes, and by a slip of typing (Minks);
                    # a word a key or two apart is another word of its stem, the people (the Italian
                    # Ucraini, the Lithuanian Lietuviai, the Croatian Poljaci), or another name (the
                    # river Bobruika)
                    continue
                sim, mk = self._similar(k, ks, memo)
                if e.spelled_otherwise(mk, text) or (cyrillic and is_place and self.places.cyrillic_place(e)):
                    # a Cyrillic word is no Latin spelling; a place the tables name in Cyrillic is
                    # named by its words and their case forms (Віцебскай is no Віцебск)
                    continue
                if is_place and (k.startswith(mk) or mk.startswith(k)):
                    # an ending more or less is another word (the surname Lidova, lidar) or a case
                    # form, which the tables decide, not a misspelling of the place's name
                    continue
                if sim > bsim and (sim < OTHER_MIN or self.near.near_word(text, e, gaps=True)):
                    bsim, bj, bk = sim, j, mk  # (a consonant for another makes another word: Колчев, Польшча)
            if bj >= 0 and bsim >= OTHER_MIN:
                if (bexact or short_concept) and len(k) <= SHORT_KEY and k[0] != "#":
                    weak = text
                used.add(bj)
                total += bsim
                exact += bexact
                how = "name word" if bexact or bsim < 1.0 else "name word by translation, stem or acronym"
                details.append((text, how, bk, bsim))
        if len(details) < len(qsig) and e.record.type != "person":
            # a word of the mention that fits no word of the name rules it out, as for persons
            # (Anna Wagner is not the Wagner Group, Vesna Kovač not Viasna)
            return Scored(-1, 0.0, details)
        if weak and len(details) == 1 and not self.near.spelled_as(weak, e):
            return Scored(-1, 0.0, details)  # a short key alone is weak evidence: Mass is not МАЗ
        score = 2 * total / (len(qsig) + len(phrase))
        # the brand: the longest word of both names is the same long word, and in neither name a
        # word of the vocabulary (Белвнешпромсервис, not Ministry; not National spelt Nazionalnym,
        # which the vocabulary does not know, for the Нацыянальны of a name)
        if (
            brand
            and e.record.type == "organization"
            and details
            and e.person_stems.isdisjoint(self.tables.vocabulary.stems(brand))
        ):  # a person's name inside an organisation's is no brand (Полк Каліноўскага), nor a word
            # made from a place's name (Мазырскага of Мазырскі НПЗ: the district's too)
            e_long = self._brand_keys(e, phrase)
            if e_long is not None:
                # (the similarities are remembered with the floor of a name word, below the brand's:
                # a key that floor leaves out cannot reach the brand's either, so what reaches it is
                # the same)
                sim = self._similar(brand, e_long, memo)[0]
                if sim >= BRAND_SIM:
                    score = max(score, sim - BRAND_MARGIN)
        # every word of an organisation's name found as written, and at most one word more in the
        # mention
        if (
            e.record.type == "organization"
            and exact == len(phrase) == len(used)
            and len(qsig) - len(phrase) == 1
            and min(len(k) for ks in phrase for k in ks) >= 4
        ):
            score = max(score, CONTAINED_SCORE)
        return Scored(-1, score, details)
