"""Which person a name the rewrite pass found is, by what its text says around it: another person
of the surname named in full (Даниил Медведев), a verb of the other gender (Цапкала выехала), a
year of birth, a town's or an organisation's name given to a
person as a surname (Юрий Борисов, Рихард Вагнер)."""

from __future__ import annotations

from .cases import span_cases
from .dates import birth_year_around
from .nameparts import GIVEN, INITIALS, NONE, PATRONYMIC
from .resolver import BARE_SURNAME_PROMINENCE, Normalizer, Policy
from .spans import Found, Proposal, SpanFinder
from .text import is_cyrillic
from .textpatterns import NAME_WORD_RE


class WhichPerson:
    """Reads the text around a personal name for which person it is (see the module)."""

    def __init__(self, normalizer: Normalizer, finder: SpanFinder, threshold: float, policy: Policy) -> None:
        self.normalizer = normalizer
        self.finder = finder
        self.threshold = threshold
        self.policy: Policy = policy

    def _cases(self, text: str, s: int, e: int, entity_id: str) -> frozenset[str]:
        """The cases the words ``text[s:e]`` of the entity may be in (see
        :func:`~normalize.cases.span_cases`)."""
        n = self.normalizer
        entry = n.index.entries[n._by_id[entity_id]]
        return span_cases(text, s, e, entry.record.names, entry.gender, entry.record.type, n.tables)

    def names_another(self, text: str, s: int, anchor: int, q: int, linked: int) -> bool:
        """Whether the personal name in full ``text[s:…]``, its surname at ``anchor``, names
        another person than ``q``, whom its surname alone names: a person of the tables (``linked``)
        while ``q`` is not known by the surname alone (Вераніка Цапкала is not her husband), or a
        person the tables lack, by a given name of the tables (before the surname) none of whose
        cognates is ``q``'s (Даниил Медведев is no Дмитрий, Иосифа Пригожина no Евгений; a form no table
        holds says nothing)."""
        n = self.normalizer
        e = n.index.entries[q]
        if linked >= 0:
            return e.record.prominence < BARE_SURNAME_PROMINENCE
        titles = n.tables.titles
        words = [w for w in NAME_WORD_RE.findall(text, s, anchor) if w.casefold() not in titles]
        if not words:
            return False
        if n.groups.given_groups(words[0], None):
            return n.key(words[0]) not in e.given_keys and words[0].lower() not in e.given_case_forms
        # a case form of a given name of the cognates table (Иосифа, Даниилом); a name the table
        # lacks says nothing (the Ukrainian Володимиром, which the table does not give as Владимир's)
        nominatives = [
            name for name in n.groups.given_names.case_form_nominatives(words[0]) if n.groups.given_groups(name, None)
        ]
        return bool(nominatives) and all(n.key(name) not in e.given_keys for name in nominatives)

    def namesake_by_patronymic(self, text: str, s: int, e: int, surname: int) -> int:
        """The person (its number in the index) whose given name and surname the personal name
        ``text[s:e]``, which names nobody, gives with a patronymic (its surname at ``surname``): a
        namesake of another father (Станіслаў Пятровіч Шушкевіч is not Станіслаў Станіслававіч);
        -1 when it has no patronymic or its other words name no one person."""
        parts = self.finder.parts
        titles = self.normalizer.tables.titles
        words = [m for m in NAME_WORD_RE.finditer(text, s, e) if m.group().casefold() not in titles]
        kinds = [NONE if m.start() == surname else parts.kind(m.group()) for m in words]
        if PATRONYMIC not in kinds or GIVEN not in kinds:
            return -1
        rest = " ".join(m.group() for m, k in zip(words, kinds, strict=True) if k != PATRONYMIC)
        n = self.normalizer
        got = n.resolve(rest, threshold=self.threshold, policy=self.policy)
        return n._by_id[got.entity_id] if got is not None and got.type == "person" and not got.ambiguous else -1

    def has_patronymic(self, text: str, s: int, e: int) -> bool:
        """Whether the personal name ``text[s:e]`` holds a patronymic beside its surname: two words
        that are neither given names, initials nor titles, one of them of a patronymic's form (a
        surname may have it too: Шушкевіч)."""
        kinds = [self.finder.parts.kind(w) for w in NAME_WORD_RE.findall(text, s, e)]
        rest = [k for k in kinds if k in (NONE, PATRONYMIC)]
        return len(rest) >= 2 and PATRONYMIC in rest

    def other_gender_acts(self, text: str, s: int, e: int, entity_id: str) -> bool:
        """Whether ``text[s:e]`` names a person by the surname alone, in a form that may be the
        nominative, and the verb in the past tense after it is of the other gender than the
        person's (Цапкала выехала is not Valery Tsepkalo, whatever the tables hold of his wife)."""
        gender = self.normalizer.index.entries[self.normalizer._by_id[entity_id]].gender
        if gender is None or not self.surname_alone(text, s, e):
            return False
        acts = self.finder.around_persons.past_tense_gender_after(text, e)
        # the verb's subject is in the nominative (замест Бяляцкага атрымала ягоная жонка: not his)
        return acts is not None and acts != gender and "nom" in self._cases(text, s, e, entity_id)

    def a_personal_name(self, text: str, proposal: Proposal, a: Found) -> bool:
        """Whether the widest span of ``proposal`` is a personal name whose surname is the anchor
        ``a``: every other word of it (a title aside) is a given name, a patronymic or initials
        (Юрий Борисов, Jurij Borisov, Рихард Вагнер; not Влада України, Але Пінск)."""
        if not proposal.alternatives:
            return False
        s, e = proposal.alternatives[0]
        titles = self.normalizer.tables.titles
        kinds = [
            self.finder.parts.kind(w.group())
            for w in NAME_WORD_RE.finditer(text, s, e)
            if not a.start <= w.start() < a.end and w.group().casefold() not in titles
        ]
        return bool(kinds) and all(k in (GIVEN, PATRONYMIC, INITIALS) for k in kinds)

    def named_by_a_surname(self, text: str, a: Found) -> list[int]:
        """The places and organisations the anchor ``a``, one word, names that a person's surname
        may name too: towns whose name as the tables write it (in Latin letters, which show no
        case, as any scheme spells it) has the form of a possessive surname (see
        :meth:`~normalize.places.Places.named_like_a_surname`: Борисов; not Пинск), and
        organisations known by that word alone (Вагнер)."""
        n = self.normalizer
        entries = n.index.entries
        word = text[a.start : a.end]
        if not word.isalpha():
            return []
        latin = not is_cyrillic(word[0])
        got = [
            i
            for i in a.info.idxs
            if entries[i].record.type == "place"
            and (latin or n.named_as_written(i, word))
            and n.places.named_like_a_surname(i)
        ]
        if any(entries[i].record.type == "organization" for i in a.info.idxs):
            alone = n.resolve(word, threshold=self.threshold, policy=self.policy)
            if alone is not None and alone.type == "organization":
                got.append(n._by_id[alone.entity_id])
        return got

    def name_part_after(self, text: str, e: int) -> bool:
        """Whether a name part (a given name, a patronymic, initials) stands right after ``text[:e]``:
        the name goes on past the span (Lukashenko Grigoryevich) and says more than the surname."""
        got = self.finder.beside.word_after(text, e, len(text))
        return got is not None and not got[2] and self.finder.parts.kind(got[1]) in (GIVEN, PATRONYMIC, INITIALS)

    def surname_alone(self, text: str, s: int, e: int) -> bool:
        """Whether ``text[s:e]`` names a person by one word, a title before it aside."""
        titles = self.normalizer.tables.titles
        word = text[s:e]
        if word.isalpha():  # one word of letters (most mentions): no words to find in it
            return word.casefold() not in titles
        return sum(1 for w in NAME_WORD_RE.findall(text, s, e) if w.casefold() not in titles) == 1

    def his_case_after_an_oblique_title(self, text: str, s: int, e: int, entity_id: str) -> bool:
        """Whether ``text[s:e]`` names a woman by her surname alone as her names write it, the
        nominative (Власова), after a title in an oblique case (генерала, министра): a title and the
        name after it agree in case, so the word is a man's surname in that case (Армия генерала
        Власова, General Vlasov's), which hers would not be (министра Власовой)."""
        n = self.normalizer
        entry = n.index.entries[n._by_id[entity_id]]
        if entry.gender != "f" or not self.surname_alone(text, s, e):
            return False
        titles = self.finder.around_persons
        if not titles.titled(text, s) or titles.titled(text, s, True):
            return False  # no title, or one in the nominative (Министр Власова заявила)
        words = [w.lower() for w in NAME_WORD_RE.findall(text, s, e) if w.casefold() not in n.tables.titles]
        return bool(words) and any(name.split()[-1].lower() == words[-1] for name in entry.record.names)

    def born_another_year(self, text: str, s: int, e: int, entity_id: str) -> bool:
        """Whether the text gives of the personal name at ``text[s:e]`` a year of birth
        (:func:`~normalize.dates.birth_year_around`) more than a year from the person's ``born``."""
        born = self.normalizer.index.entries[self.normalizer._by_id[entity_id]].record.born
        if born is None:
            return False
        year = birth_year_around(text, s, e)
        return year is not None and abs(year - born) > 1
