"""Scoring a mention as a person's name: the surname by its keys (exact, a case form of one a
table holds in Latin letters, or near), and every other word as the given name, the patronymic or
initials, in any case; one word that fits none rules the person out."""

from __future__ import annotations

from .cognates import GivenNameGroups
from .index import EntityEntry
from .namekeys import SHORT_KEY, key_gender, patronymic_gender
from .names import ParsedMention, person_roles_of
from .nearspell import NearSpellings
from .scores import (
    GIVEN_MIN,
    PATRONYMIC_MIN,
    SIM_MEMO_SIZE,
    SURNAME_MIN,
    Scored,
    initials_in_capitals,
    may_reach,
    most_similar,
)
from .text import is_cyrillic, may_be_ukrainian_form
from .wordforms import WordForms

_WrittenParts = tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]
_Roles = tuple[tuple[str, ...], tuple[str, ...]]  # the given names and patronymics of a name


# the endings of a man's surname in the nominative, which no case form of a woman's surname of the
# same stem takes (Колесников, Калеснікаў, Kolesnikov, Kalesnikau against Колесникова, Колесникову,
# Kalesnikava): Russian, Belarusian and Ukrainian grammar, and their romanizations
_MANS_SURNAME_ENDS = (
    *("ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "скі", "цкі", "аў", "оў", "еў", "ёў", "ський", "цький"),
    *("ov", "ev", "yov", "ow", "ew", "off", "sky", "ski", "skiy", "skij", "au", "aŭ", "oŭ", "eŭ", "ou"),
)


# the endings of a woman's surname in a case form, which no form of a man's surname of the same
# stem takes: the Ukrainian dative and locative of a surname of adjective type (Тихановській of
# Тихановська, where the man is Тихановський; Ukrainian grammar writes the masculine -ий after
# -ськ-, -цьк-, -зьк-), whose key is that of the man's nominative (Тихановський, Ціханоўскі)
_WOMANS_CASE_ENDS = ("ській", "цькій", "зькій")


def surname_ending_gender(word: str) -> str | None:
    """The gender that ``word``'s ending tells of a surname: "m" where it ends as a man's surname in
    the nominative does (Колесников, Kalesnikau), which no case form of a woman's surname of the
    same stem does; "f" where it ends as only a woman's case form does (Тихановській); None for
    other words. A key may make the forms of the two alike."""
    end = word[-5:].lower()  # (the endings are five letters at most)
    if end.endswith(_MANS_SURNAME_ENDS):
        return "m"
    return "f" if end.endswith(_WOMANS_CASE_ENDS) else None


_NO_ONE: frozenset[int] = frozenset()
_OUT_OF_REACH = (-1.0, "")  # remembered for a key no key of a set of given names comes near


class PersonQuery:
    """What scoring a person needs of a mention, whatever the entity."""

    __slots__ = ("ending_gender", "holders", "lower", "patronymic_gender", "preferred")

    def __init__(self, parsed: ParsedMention, keys: list[str], hits: list[list[int] | None]) -> None:
        first = parsed.surname_first
        # of each word, the numbers of the persons that have its key as a surname key (``hits``:
        # the key table's entities of the key, a person's keys being its surname keys): a
        # candidate's exact surname key is told by these, not by reading its set of keys, which
        # lies apart from it in memory
        self.holders = [frozenset(h) if h else _NO_ONE for h in hits]
        # a word that is the surname if it fits (ALL CAPS, first before a comma)
        self.preferred = [w.caps or (first and i == 0) for i, w in enumerate(parsed.words)]
        # the gender of a patronymic's key, None for other keys
        self.patronymic_gender = [patronymic_gender(k) for k in keys]
        # the gender each word's ending tells (see surname_ending_gender): read by its letters,
        # which the key does not keep
        self.ending_gender = [surname_ending_gender(w.text) for w in parsed.words]
        self.lower = [w.text.lower() for w in parsed.words]

    def not_theirs(self, i: int, e: EntityEntry) -> bool:
        """Whether word ``i`` ends as only the other gender's surname does and ``e``'s own names are
        not written so: a man's nominative is no surname of a woman, whose case form may share
        its key (Колесников, Колесникову), and a woman's case form none of a man (Тихановській,
        Тихановський)."""
        g = self.ending_gender[i]
        return g is not None and e.gender is not None and e.gender != g and self.lower[i] not in e.surfaces

    def reads_letters(self, gender: str | None) -> bool:
        """Whether scoring a person of ``gender`` reads a word's letters besides its key (an ending
        of the other gender's surname only, against a form of the same key: Колесников for a woman,
        Тихановській for a man)."""
        return gender is not None and any(g is not None and g != gender for g in self.ending_gender)


class PersonScorer:
    """Scores a mention against a person's entry."""

    def __init__(self, forms: WordForms, groups: GivenNameGroups, near: NearSpellings) -> None:
        self.forms = forms
        self.groups = groups
        self.key = forms.key
        self.near = near
        # a person's given names and patronymics as written (see :meth:`_written_parts`), by id,
        # and by the given names, patronymics and gender they were made from
        self._written: dict[str, _WrittenParts] = {}
        self._parts_memo: dict[tuple[str | None, tuple[_Roles, ...]], _WrittenParts] = {}
        # the most similar of a set of given names' keys to a key (see :meth:`_given_similar`)
        self._given_memo: dict[tuple[str, frozenset[str]], tuple[float, str]] = {}

    def _given_similar(self, k: str, given_keys: frozenset[str], floor_only: bool) -> tuple[float, str] | None:
        """``most_similar(k, given_keys, GIVEN_MIN)``, remembered: a person's given-name keys are
        one set for all persons of the same given names and gender, and given names recur. With
        ``floor_only`` (the caller needs nothing below :data:`GIVEN_MIN`), None where no key can
        reach it (see :func:`~normalize.scores.may_reach`), which is quicker to tell."""
        memo = self._given_memo
        got = memo.get((k, given_keys))
        if got is not None and got[0] < 0.0:  # (_OUT_OF_REACH: no similarity is below 0)
            if floor_only:
                return None
            got = None  # the nearest is asked for: made below
        if got is None:
            if len(memo) >= SIM_MEMO_SIZE:
                memo.clear()
            if floor_only and not may_reach(k, given_keys, GIVEN_MIN):
                memo[(k, given_keys)] = _OUT_OF_REACH
                return None
            got = memo[(k, given_keys)] = most_similar(k, given_keys, GIVEN_MIN)
        return got

    def _written_parts(self, e: EntityEntry) -> _WrittenParts:
        """The spellings (lower case) of a person's own given names, with their case forms, and of
        the patronymics, as the tables write them and as the schemes spell them (no cognates), and
        the letters of their initials so written (made on first use, for persons that tie; one for
        all persons of the same given names, patronymics and gender)."""
        got = self._written.get(e.record.id)
        if got is None:
            roles: list[_Roles] = []
            for name in (*e.record.names, *e.record.aliases):
                g_part, p_part, _ = person_roles_of(name)
                roles.append((tuple(g_part), tuple(p_part)))
            parts = (e.gender, tuple(roles))
            got = self._parts_memo.get(parts)
            if got is None:
                got = self._parts_memo[parts] = self._parts_as_written(roles, e.gender)
            self._written[e.record.id] = got
        return got

    def _parts_as_written(self, roles: list[_Roles], gender: str | None) -> _WrittenParts:
        """:meth:`_written_parts` of the given names and patronymics of a person's names."""
        givens: set[str] = set()
        patrs: set[str] = set()
        for g_part, p_part in roles:
            givens.update(v.lower() for g in g_part for v in self.forms.spellings(g))
            givens |= self.groups.case_forms(g_part, None, gender)
            patrs.update(v.lower() for p in p_part for v in self.forms.spellings(p))
        return (
            frozenset(givens),
            frozenset(patrs),
            frozenset(v[:1].upper() for v in givens),
            frozenset(v[:1].upper() for v in patrs),
        )

    def unlike_written(self, e: EntityEntry, details: list[tuple[str, str, str, float]]) -> int:
        """How many words of a mention (surname, given name, patronymic, initial) matched the person
        by a phonetic key only, not written as one of the person's own spellings of that part (the
        name as the tables write it, its case forms, its spelling under a scheme): Мецеенко and
        Метеенко share a key, and a mention that writes Мецеенко is written as one of them only.
        ``details`` are the person's :attr:`~normalize.scores.Scored.details` for the mention; a
        word of a part the tables do not hold, or of a case form read by its key, is not counted."""
        givens, patrs, given_initials, patr_initials = self._written_parts(e)
        n = 1 if any(role.startswith("given name") for _, role, _, _ in details) else 0
        out = 0
        for word, role, _, _ in details:
            low = word.lower()
            if role == "surname":
                out += low not in e.surfaces  # which hold a spelling with ё also as е
            elif role in ("given name", "given name (case form)"):
                out += low not in givens
            elif role == "patronymic":
                out += low not in patrs
            elif role == "initial":
                if n == 0 and not e.given_initials:
                    n = 1  # no given name in the table: :meth:`score` read the first initial as none
                out += word[:1].upper() not in (given_initials if n == 0 else patr_initials)
                n += 1
        return out

    def _given_as_written(self, word: str, k: str, e: EntityEntry) -> tuple[str, str] | None:
        """The key and the role by which a word of key ``k`` is one of the person's given names as
        written: by its key, as a case form the tables write (Александром), or as a case form in
        Latin letters whose nominative has one of the keys (Alaksandrem, Ryhora); None when it is
        none of them."""
        if k in e.given_keys:
            return k, "given name"
        if word.lower() in e.given_case_forms:
            return k, "given name (case form)"
        for nominative in self.groups.latin_nominatives(word):
            nk = self.key(nominative)
            if nk in e.given_keys:
                return nk, "given name (case form)"
        return None

    def score(self, idx: int, e: EntityEntry, parsed: ParsedMention, keys: list[str], q: PersonQuery) -> Scored | None:
        """Score person number ``idx``, whose entry is ``e``; ``q`` holds what does not depend on
        the entity (made once per mention)."""
        words = parsed.words
        best_i, best_sim, best_k = -1, 0.0, ""
        surname_keys = e.surname_keys
        preferred = q.preferred
        holders = q.holders
        latin_only = e.latin_only
        gender = e.gender
        uk_only = e.uk_only
        for i, k in enumerate(keys):  # an exact surname key first: no similarity to compute
            if idx in holders[i] and (best_i < 0 or preferred[i]) and not q.not_theirs(i, e):
                if e.spelled_otherwise(k, words[i].text):
                    continue  # no Latin spelling a scheme made, no Ukrainian case form (Puccini: Путіні)
                best_i, best_sim, best_k = i, 1.0, k
        if best_i < 0:  # a case form, by the inflection table, of a surname held in Latin letters
            # (a Cyrillic word's), or in Latin letters of a surname (Cichanoŭskaj, Putinem); not as
            # the genitive in -a of a man's surname in a consonant, which is also the nominative of a
            # woman's in every romanization (Xakutina is no genitive of the spelling Xakutsin)
            for i, k in enumerate(keys):
                text = words[i].text
                for nk, ng in self.forms.nominatives(text) if k else ():
                    if nk not in surname_keys or (ng != "any" and gender not in (None, ng)):
                        continue
                    if nk in e.case_only or (nk in uk_only and not may_be_ukrainian_form(text)):
                        continue  # a form of a case form (Babarykin: no nominative Babaryki)
                    if nk in latin_only and (
                        is_cyrillic(text[0]) or (text.endswith("a") and self.key(text[:-1]) == nk)
                    ):
                        continue
                    best_i, best_sim, best_k = i, 1.0, nk
                    break
        if best_i < 0:
            for i, k in enumerate(keys):
                if len(k) <= SHORT_KEY or q.not_theirs(i, e):
                    continue  # a short key is matched exactly and spelled alike, never by similarity
                sim, mk = most_similar(k, surname_keys, SURNAME_MIN)
                if e.spelled_otherwise(mk, words[i].text):
                    continue  # no misspelling of a Latin spelling or a Ukrainian case form (Гончаровой: Ганчарові)
                if sim > best_sim or (sim == best_sim and sim > 0 and preferred[i]):
                    best_i, best_sim, best_k = i, sim, mk
        if best_i < 0 or best_sim < SURNAME_MIN:
            return None
        if best_sim < 1.0:
            g = key_gender(keys[best_i])
            if g is not None and gender is not None and g != gender:
                return None
            if not self.near.near_word(words[best_i].text, e):
                return None  # one consonant for another: another surname
            k = keys[best_i]
            if k.startswith(best_k) or best_k.startswith(k) or k[-1] != best_k[-1]:
                # an ending more or less, or another ending: a case form or the other gender's
                # form, which the inflection table decides (Tsihanousjaka is no form of the
                # husband's Ціханоўскім), not a misspelling
                return None
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
                    sim, mk = most_similar(k, e.patronymic_keys, PATRONYMIC_MIN)
                    if sim < 1.0 and not self.key.near_spelling(k.lower(), mk.lower(), gaps=True):
                        return None  # another father's name: Алегавіч is no Алесевіч
            else:
                if not e.given_keys:
                    details.append((words[i].text, "given name (not in the table)", k, 0.0))
                    given = True
                    continue
                need = GIVEN_MIN
                written = self._given_as_written(words[i].text, k, e)
                if written is not None:
                    sim = 1.0
                    mk, role = written
                else:  # a misspelling, or another name
                    role = "given name"
                    g = self.groups.given_names.gender_of(words[i].text) if gender is not None else None
                    if g and g != gender:
                        return None  # Вікторыя is no misspelling of Віктар (told before the similarity)
                    # a word that is no initials is ruled out below the floor whichever name is
                    # nearest, so a person whose given names none come near is told at once; a
                    # case form of a given name is compared by its nominative (the Ukrainian
                    # Світлани, of Світлана, against Святлана, Светлана), unless it is a name of
                    # its own (Олеся, not Олесь's genitive)
                    floor_only = not initials_in_capitals(words[i].text)
                    nearest = self._given_similar(k, e.given_keys, floor_only)
                    names = self.groups.given_names
                    listed = names.listed(words[i].text)
                    for nominative in () if listed else names.case_form_nominatives(words[i].text):
                        nk = self.key(nominative)
                        got = self._given_similar(nk, e.given_keys, floor_only) if nk else None
                        if got is not None and (nearest is None or got[0] > nearest[0]):
                            nearest, k = got, nk
                    if nearest is None:
                        return None
                    sim, mk = nearest
                    if gender is not None and not g and k.endswith(("A", "E")) != mk.endswith(("A", "E")):
                        return None  # nor Viktoryja, by its ending
                if need <= sim < 1.0 and not self.key.near_spelling(k.lower(), mk.lower(), gaps=True):
                    return None  # another name: a consonant for another
                if sim < need and initials_in_capitals(words[i].text):
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
            if not self.forms.initial_matches(letter.upper(), pool):
                return None
            details.append((letter, "initial", letter.upper(), 1.0))
            total += 0.95
            weight += 1.0
        if len(details) == 1 and len(best_k) <= SHORT_KEY and not self.near.spelled_as(words[best_i].text, e):
            return None  # a short key alone is weak evidence: Kari is not Корж (Korj)
        return Scored(-1, total / weight, details, len(details) == 1)
