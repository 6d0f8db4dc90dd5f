"""Whose body an organisation the rewrite pass decided is, by the whole text around it: another
state's body where the sentence or the text names other states and none it is named after
(МИД … Захарова), where another state's place stands beside it (МИД Украины) or English syntax
gives it an owner (Estonia's KGB); the end of another party's name (КХП – БНФ)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from rapidfuzz.distance import Levenshtein

from .dates import sentence_around
from .index import EntityEntry
from .memo import remember
from .nameparts import NONE
from .names import acronym_forms, split_tokens, written_as_acronym
from .resolver import Decision, Normalizer, Policy
from .scores import acronyms
from .spans import Found, SpanFinder
from .textfacts import TextFacts, anchors_between
from .textpatterns import CAPITALISED_RE, NAME_WORD_RE, OF_OWNER_RE, WORD_MEMO_SIZE

# what stands between an organisation's name and the place it is of: Ministry of Foreign Affairs of
# the Russian Federation, Министерство иностранных дел Российской Федерации, the Russian Ministry
# a word of two to eight letters in brackets: an acronym a text may define (Belarus Potash Co (BPC))
_BRACKETED_RE = re.compile(r"\(([^\W\d_]{2,8})\)")
# the small letter of the two Latin letters that romanize one Cyrillic letter in an acronym (TsIK for
# ЦИК, BAZh for БАЖ, KhK for ХК; ISO 9 R / GOST 7.79 B, BGN/PCGN: ц ts, ж zh, х kh, ч ch, ш sh)
_DIGRAPH_TAIL_RE = re.compile(r"(?<=T)s|(?<=[ZKCS])h")


def _case_pattern(letters: str) -> list[bool]:
    """Which letters of an acronym are capitals, the small letter of a romanization's two letters
    for one left out (TsIK as ЦИК)."""
    return [c.isupper() for c in _DIGRAPH_TAIL_RE.sub("", letters)]


def _letters_of(acronym: str) -> str:
    """The letters of an acronym as written, without a case ending (ОМОН of ОМОНа, BelAZ of BelAZu)."""
    return acronym_forms(acronym)[0].get(acronym.casefold(), acronym)


class _TextAcronyms:
    """What one text tells of its acronyms (see :meth:`WhoseBody._acronyms_of`): where a body's
    acronym stands with another owner, by acronym and organisation; its capitalised words but
    function words, their first letters, and the run of them each acronym's letters spell out."""

    __slots__ = ("caps", "initials", "owned", "spelled")

    def __init__(self) -> None:
        self.owned: dict[tuple[str, int], list[int]] = {}
        self.caps: list[re.Match[str]] = []
        self.initials: str | None = None  # (None until read)
        self.spelled: dict[str, str | None] = {}


_OWN_NAME_SIMILARITY = 0.9  # the least similarity of a misspelt name to the entity's own, letter by letter
_SPELLED_OUT_LETTERS = 3  # the fewest letters of an acronym read as spelled out by a text's words
_SPELLED_OUT_BREAK_RE = re.compile(r"[,.;:!?()«»“”\"\n]")  # no one name's words have these between
_QUALIFIER_GAP_RE = re.compile(r"[ \t\u00a0]+(?:of[ \t\u00a0]+(?:the[ \t\u00a0]+)?)?", re.IGNORECASE)


def _a_name_of_one_word(entry: EntityEntry, key: str) -> bool:
    """Whether ``key`` is the key of a name of the entity of one word (a case form of it too), not
    only of a word of a longer name."""
    return any(len(phrase) == 1 and key in phrase[0] for phrase in entry.phrases)


class WhoseBody:
    """Tells whose body an organisation's name in a text is (see the module)."""

    def __init__(self, normalizer: Normalizer, finder: SpanFinder, threshold: float, policy: Policy) -> None:
        self.normalizer = normalizer
        self.finder = finder
        self.threshold = threshold
        self.policy: Policy = policy
        self._weak: dict[tuple[str, int], bool] = {}  # see weak_acronym
        # what the last text read tells of its acronyms (see _acronyms_of): one text at a time
        self._last_text: tuple[str, int, int, _TextAcronyms] | None = None

    def states_said(
        self, text: str, anchors: list[Found], out: list[tuple[int, int, Decision]]
    ) -> list[tuple[int, int]]:
        """The states the text names, each with where: of its places and persons linked (``out``:
        a place is or lies in one, a person is part of one's public life, by ``country`` of the
        tables), and of the words of places of one state inside other names (Центризбиркома
        России). Such a word names a place by itself: not the first word of a place's name of
        several (Республикой Молдова is no Республика Беларусь) nor of another town's longer name
        (Могилев-Подольский)."""
        n = self.normalizer
        places = n.places
        said = [(s, places.state_of(n._by_id[m.entity_id])) for s, _, m in out if m.type in ("place", "person")]
        entries = n.index.entries
        for a in anchors:
            states = {
                places.state_of(i)
                for i in a.info.idxs
                if entries[i].record.type == "place" and _a_name_of_one_word(entries[i], a.key)
            }
            if len(states) == 1 and self.finder.around_places.longer_town_name_end(text, a.start, a.end) < 0:
                said.append((a.start, states.pop()))
        return [(pos, state) for pos, state in said if state >= 0]

    def another_states_body(
        self, text: str, s: int, e: int, entity_id: str, said: list[tuple[int, int]], facts: TextFacts
    ) -> bool:
        """Whether the body every state has at ``text[s:e]`` (the organisation ``entity_id``) is
        another state's: its sentence names states (``said``: see :meth:`states_said`), none of
        them one it is named after; or its text does so, or names none but by the adjectives of
        their places (российском), and speaks of that state in no adjective either (the Russian
        МИД of a text about Moscow and Zakharova; the КГБ of a text on the Russian president)."""
        n = self.normalizer
        org = n._by_id[entity_id]
        own = n.places.own_places(org)
        lo, hi = sentence_around(text, s, e, *facts.bounds(s))
        in_sentence = {state for pos, state in said if lo <= pos < hi}
        if in_sentence:
            return in_sentence.isdisjoint(own)
        ulo, uhi = facts.bounds(s)
        in_text = {state for pos, state in said if ulo <= pos < uhi} or self.adjective_states(text, ulo, uhi)
        return bool(in_text) and in_text.isdisjoint(own) and not self.speaks_of_own_state(text, ulo, uhi, org)

    def written_of_another(self, text: str, s: int, e: int, org: int, lo: int, hi: int) -> bool:
        """Whether ``text[lo:hi]`` writes the acronym ``text[s:e]`` of a body every state has (the
        organisation number ``org``) elsewhere with another owner right after it: a capitalised word
        that names none of the states it is named after and no person (МИД Турции, МИД России,
        МЗС Украіны). The text speaks of another state's body, and the acronym alone there may be
        that body (… МИД Турции … в заявлении МИД)."""
        acronym = text[s:e]
        owners = self._acronyms_of(text, lo, hi).owned
        owned = owners.get((acronym, org))
        if owned is None:
            owned = owners[(acronym, org)] = self._written_with_another_owner(text, acronym, org, lo, hi)
        return any(at != s for at in owned)

    def _acronyms_of(self, text: str, lo: int, hi: int) -> _TextAcronyms:
        """What ``text[lo:hi]`` tells of its acronyms, read once for all of their mentions (the last
        text asked about is remembered)."""
        last = self._last_text
        if last is None or last[0] is not text or last[1] != lo or last[2] != hi:
            last = self._last_text = (text, lo, hi, _TextAcronyms())
        return last[3]

    def _written_with_another_owner(self, text: str, acronym: str, org: int, lo: int, hi: int) -> list[int]:
        """Where ``text[lo:hi]`` writes the acronym with another owner after it (see
        :meth:`written_of_another`): found once for every mention of it in a text."""
        n = self.normalizer
        own = n.places.own_places(org)
        pattern = re.compile(rf"(?<!\w){re.escape(acronym)}[ \t\u00a0]+([^\W\d_][^\W\d_'’-]*)")
        found: list[int] = []
        for m in pattern.finditer(text, lo, hi):
            word = m.group(1)
            if not word[:1].isupper() or self.finder.parts.kind(word) != NONE:
                continue  # (a word in small letters; a personal name's part)
            got = n.resolve(word, threshold=self.threshold, policy=self.policy)
            if got is None or (got.type == "place" and n._by_id[got.entity_id] not in own):
                found.append(m.start())
        return found

    def adjective_states(self, text: str, lo: int, hi: int) -> set[int]:
        """The states of the places whose adjectives ``text[lo:hi]`` holds (see
        :meth:`~normalize.places.Places.adjective_places`: российском, московского of Russia)."""
        places = self.normalizer.places
        keys = (self.finder.around_places.adjective_key(w) for w in NAME_WORD_RE.findall(text, lo, hi) if len(w) >= 5)
        return {st for k in keys if k for p in places.adjective_places(k) if (st := places.state_of(p)) >= 0}

    def speaks_of_own_state(self, text: str, lo: int, hi: int, org: int) -> bool:
        """Whether a word of ``text[lo:hi]`` is made from the name of a state the organisation
        number ``org`` is named after: its adjective or the word for its people (беларускі,
        белорусских, беларусаў, Belarusians)."""
        n = self.normalizer
        return any(len(w) >= 5 and n.places.of_own_places(org, n.key(w)) for w in NAME_WORD_RE.findall(text, lo, hi))

    def whose_not_said(self, text: str, s: int, e: int, org: int) -> bool:
        """Whether ``text[s:e]`` names the organisation number ``org``, a body of some state (see
        :meth:`~normalize.bodycontext.BodyContext.a_states_body`), by its acronym alone, without an
        adjective of the state it is named after before it (белорусский МИД)."""
        finder = self.finder
        if not written_as_acronym(text[s:e]) or not finder.around_bodies.a_states_body(
            self.normalizer.index.entries[org]
        ):
            return False
        before = finder.beside.word_before(text, s, 0)
        return before is None or not finder.around_bodies.own_places_adjective(before[1], org)

    def names_its_state(self, anchors: list[Found], org: int, lo: int, hi: int) -> bool:
        """Whether a word of the text between ``lo`` and ``hi`` (of ``anchors``) names a place the
        organisation number ``org`` is named after (the KGB of the Republic of Belarus: Беларусі,
        also inside its own name)."""
        own = self.normalizer.places.own_places(org)
        return bool(own) and any(not own.isdisjoint(a.info.idxs) for a in anchors_between(anchors, lo, hi))

    def own_state_named(
        self, text: str, s: int, e: int, anchors: list[Found], entity_id: str, unit: tuple[int, int]
    ) -> bool:
        """Whether the sentence of the organisation's name ``text[s:e]`` (inside the text ``unit``)
        names the state it is named after (or a town or region of it), or a person of that state's
        public life, and no other state, or English syntax gives it that state as its owner: then a
        body every state has is that state's (у Беларусі … кіраўнік Нацыянальнага банка; the
        National Assembly passed the law, Lukashenko said; the Republic of Belarus’ National
        Assembly)."""
        n = self.normalizer
        org = n._by_id[entity_id]
        own = n.places.own_places(org)
        if not own:
            return False
        if self._english_owner_is_own(text, s, e, org):
            return True
        entries = n.index.entries
        state_body = self.finder.around_bodies.state_body_entity(entries[org])
        lo, hi = sentence_around(text, s, e, *unit)
        named_own = False
        for a in anchors_between(anchors, lo, hi):
            if a.end > hi or s <= a.start < e:
                continue
            places = [i for i in a.info.idxs if entries[i].record.type == "place"]
            # (a town or region of the state is the state's: в Витебской области … Национального собрания)
            of_own = bool(places) and all(i in own or n.places.state_of(i) in own for i in places)
            if places and not of_own and n.places.foreign_place(org, places, state_body):
                return False
            persons = [i for i in a.info.idxs if entries[i].record.type == "person"]
            named_own = (
                named_own
                or of_own
                or (not places and bool(persons) and all(n.places.state_of(i) in own for i in persons))
            )
        return named_own

    def owned_by_another(self, text: str, s: int, e: int, org: int) -> bool:
        """Whether a body of some state (see :meth:`~normalize.bodycontext.BodyContext.a_states_body`)
        at ``text[s:e]`` has an owner in English syntax (a possessive before it, of after it: see
        :meth:`~normalize.bodycontext.BodyContext.english_owner`) that is no place or person of a state it
        is named after (Estonia's KGB, Putin's KGB, the MVD of Georgia, Russia's OMON; not Belarus's KGB,
        Lukashenko's KGB, the KGB of the Republic of Belarus)."""
        if not self.finder.around_bodies.a_states_body(self.normalizer.index.entries[org]):
            return False
        return self._english_owner_is_own(text, s, e, org) is False

    def _english_owner_is_own(self, text: str, s: int, e: int, org: int) -> bool | None:
        """Whether the owner English syntax gives the organisation number ``org`` at ``text[s:e]``
        (see :meth:`~normalize.bodycontext.BodyContext.english_owner`) is a place or person of a
        state it is named after (Belarus's KGB, Lukashenko's KGB; not Estonia's KGB); None where
        English syntax gives no owner."""
        owner = self.finder.around_bodies.english_owner(text, s, e)
        if not owner:
            return None
        n = self.normalizer
        m = n.resolve(owner, threshold=self.threshold, policy=self.policy)
        if m is None or m.type == "organization":
            return False
        own = n.places.own_places(org)
        i = n._by_id[m.entity_id]
        return i in own or n.places.state_of(i) in own

    def abroad(self, text: str, s: int, e: int, anchors: list[Found], k: int, entity_id: str) -> bool:
        """Whether the organisation found at ``text[s:e]`` (from ``anchors[k]``) is named after a
        place and the text names another state or region right beside it (see
        :meth:`~normalize.places.Places.foreign_place`): Министерство иностранных дел Российской Федерации, the
        Russian Ministry of Foreign Affairs are not the Belarusian ministry of the table. After a
        body every state has, any other place is its owner (МИД Украины, МВД Польши)."""
        n = self.normalizer
        org = n._by_id[entity_id]
        entries = n.index.entries
        before = k - 1
        while before >= 0 and anchors[before].end > s:
            before -= 1
        after = k + 1
        while after < len(anchors) and anchors[after].start < e:
            after += 1
        state_body = self.finder.around_bodies.state_body_entity(entries[org])
        for x, gap, any_place in (
            (before, text[anchors[before].end : s] if before >= 0 else "", False),
            (after, text[e : anchors[after].start] if after < len(anchors) else "", state_body),
        ):
            if not gap or not _QUALIFIER_GAP_RE.fullmatch(gap):
                continue
            # the places the word beside names (России also anchors the Union State, a name of
            # which holds it): another state among them says another body
            places = [i for i in anchors[x].info.idxs if entries[i].record.type == "place"]
            if places and n.places.foreign_place(org, places, any_place):
                return True
        return False

    def name_goes_on(self, text: str, e: int) -> bool:
        """Whether the organisation's name that ends at ``e`` goes on as English writes a name: of
        (the) and a capitalised word that names nothing of the tables (the Belarusian Union of
        Artists, the National Assembly of People's Power of Cuba): a longer name, another body's.
        A place or a person of the tables there, or a personal name, is an owner, which the other
        rules read (the KGB of Belarus, the Ministry of Foreign Affairs of Russia)."""
        m = OF_OWNER_RE.match(text, e)
        if m is None:
            return False
        owner = m.group(1)
        first = owner.split()[0]
        if self.finder.parts.kind(first) != NONE:
            return False  # a person's given name or title (Viasna of Ales Bialiatski)
        n = self.normalizer
        return all(n.resolve(w, threshold=self.threshold, policy=self.policy) is None for w in {owner, first})

    def weak_acronym(self, acronym: str, org: int) -> bool:
        """Whether the acronym ``acronym`` names the organisation number ``org`` only weakly, as
        letters many bodies are known by: two Latin letters (BT, the broadcaster's, and British
        Telecom's), or letters the tables do not write the organisation with, which resolve() read
        from the initials of its name (BTA of Belarusian Telegraph Agency: the Bulgarian agency's
        too; MTW, of a translation of Minsk Tractor Works) or writes in another case (BnF, the
        French national library, of BNF, the Belarusian Popular Front, in capitals). Cyrillic and
        Latin forms of one acronym are the same letters (TsIK of ЦИК, ОМОНа of OMON)."""
        got = self._weak.get((acronym, org))
        if got is None:
            got = remember(self._weak, (acronym, org), self._weak_acronym(acronym, org), WORD_MEMO_SIZE)
        return got

    def _weak_acronym(self, acronym: str, org: int) -> bool:
        letters = _letters_of(acronym)
        if letters.isascii() and len(letters) <= 2:
            return True
        # in capitals but for the small letter of a romanization's two letters for one (TsIK, BAZh)
        cased = _case_pattern(letters)
        capitals = all(cased)
        n = self.normalizer
        entry = n.index.entries[org]
        own: set[str] = set()
        acronym_words: set[str] = set()  # the keys of the words of its names that are acronyms
        for name in (*entry.record.names, *entry.record.aliases):
            written, in_capitals = acronym_forms(name)
            for w in split_tokens(name):
                folded = w.casefold()
                got = written.get(folded) or (w if folded in in_capitals else "")
                if got:
                    acronym_words.add(n.key(w))
                    if capitals or _case_pattern(got) == cased:  # (BnF is no BNF; BELTA, BelAZ are БелТА, БелАЗ)
                        own |= n.forms.acronym_keys([got], as_word=False)
        k = n.key(acronym)
        words = (ks for phrase in entry.phrases for ks in phrase if not acronyms(ks))  # (of no acronym)
        if k not in acronym_words and any(k in ks for ks in words):
            return False  # a word of its name, or its case form, in capitals (BELAVIA, «ВЕСНЫ»)
        return own.isdisjoint(n.forms.acronym_keys([letters]))

    def acronym_definitions(self, text: str) -> dict[str, list[int]]:
        """Each word of two to eight letters that ``text`` writes in brackets, with where its
        brackets open: the acronyms a text may define (one scan of the text)."""
        out: dict[str, list[int]] = {}
        if "(" in text:
            for m in _BRACKETED_RE.finditer(text):
                out.setdefault(m.group(1), []).append(m.start())
        return out

    def defined_otherwise(self, text: str, at: Sequence[int], lo: int, hi: int, entity_id: str) -> bool:
        """Whether ``text[lo:hi]`` defines the acronym in brackets at one of ``at`` (see
        :meth:`acronym_definitions`) as the name of something else: the words right before the
        brackets, function words aside, spell it with their initials (Belarus Potash Co (BPC),
        Беларуская асацыяцыя журналістаў (БАЖ)) and do not name the entity ``entity_id``. A text
        that defines an acronym uses it for that name."""
        function_words = self.normalizer.tables.vocabulary.function_words
        for bracket in at:
            if not lo <= bracket < hi:
                continue
            letters = text[bracket + 1 : text.find(")", bracket)].casefold()
            before = NAME_WORD_RE.finditer(text, max(lo, bracket - 120), bracket)
            words = [w for w in before if w.group().casefold() not in function_words]
            named = words[len(words) - len(letters) :] if len(words) >= len(letters) else []
            if not named or "".join(w.group()[0] for w in named).casefold() != letters:
                continue
            m = self.normalizer.resolve(
                text[named[0].start() : bracket].strip(), threshold=self.threshold, policy=self.policy
            )
            return m is None or m.entity_id != entity_id
        return False

    def spelled_out_otherwise(self, text: str, acronym: str, lo: int, hi: int, entity_id: str) -> bool:
        """Whether ``text[lo:hi]`` spells the letters of the acronym ``acronym`` out as the initials
        of capitalised words, function words aside and nothing else between them, that do not name
        the entity ``entity_id`` (the United Conservative Party … the UCP, which the tables hold as
        the United Civic Party): the text uses the acronym for that name. Acronyms of three letters
        or more."""
        letters = _letters_of(acronym).casefold()
        if len(letters) < _SPELLED_OUT_LETTERS or not letters.isalpha():
            return False
        known = self._acronyms_of(text, lo, hi)
        if known.initials is None:
            function_words = self.normalizer.tables.vocabulary.function_words
            known.caps = [
                m for m in CAPITALISED_RE.finditer(text, lo, hi) if m.group().casefold() not in function_words
            ]
            known.initials = "".join(m.group()[0].casefold()[:1] for m in known.caps)
        if letters not in known.spelled:
            known.spelled[letters] = self._spelled_out(text, known.caps, known.initials, letters)
        run = known.spelled[letters]
        if run is None:
            return False
        n = self.normalizer
        m = n.resolve(run, threshold=self.threshold, policy=self.policy)
        if m is not None:
            return m.entity_id != entity_id
        # a slip of typing in its own name is no other name (Belarusian Sport Solidatary Foundation)
        rec = n.index.entries[n._by_id[entity_id]].record
        folded = run.casefold()
        return all(
            Levenshtein.normalized_similarity(folded, name.casefold()) < _OWN_NAME_SIMILARITY
            for name in (*rec.names, *rec.aliases, rec.canonical)
        )

    def _spelled_out(self, text: str, caps: list[re.Match[str]], initials: str, letters: str) -> str | None:
        """The first run of capitalised words of ``text`` (``caps``, their first letters
        ``initials``) whose initials are ``letters``, with nothing but blanks and function words
        between them; None where there is none."""
        size = len(letters)
        at = initials.find(letters)
        while at >= 0:
            run = caps[at : at + size]
            if all(self._joined(text, a.end(), b.start()) for a, b in pairwise(run)):
                return text[run[0].start() : run[-1].end()]
            at = initials.find(letters, at + 1)
        return None

    def _joined(self, text: str, end: int, start: int) -> bool:
        """Whether only blanks and function words stand between ``end`` and ``start``: the words
        of one name (a comma, a full stop or a word in small letters between: two names)."""
        gap = text[end:start]
        if _SPELLED_OUT_BREAK_RE.search(gap):
            return False
        function_words = self.normalizer.tables.vocabulary.function_words
        return all(w.casefold() in function_words for w in gap.split())

    def ends_another_name(self, text: str, s: int, e: int) -> bool:
        """Whether the acronym ``text[s:e]`` ends another organisation's name: a dash joins it to a
        capitalised word inside the sentence that names nothing by itself (see
        :meth:`~normalize.bodycontext.BodyContext.word_before_dash`)."""
        word = text[s:e]
        if not (len(word) > 1 and word.isupper() and word.isalpha()):
            return False
        before = self.finder.around_bodies.word_before_dash(text, s)
        return (
            before is not None and self.normalizer.resolve(before, threshold=self.threshold, policy=self.policy) is None
        )
