"""The rules of running text that read a whole text: after the rewrite pass has found its every
mention, what the text said elsewhere, before or after, leaves some of its links to a namesake,
another town or body, a club, a work or nobody to tell (see :class:`TextRules`)."""

from __future__ import annotations

from .names import written_as_acronym
from .resolver import BARE_SURNAME_PROMINENCE, Decision, Normalizer
from .spans import Found, SpanFinder
from .text import detect_language
from .textfacts import TextFacts
from .whichperson import WhichPerson
from .whosebody import WhoseBody

Links = list[tuple[int, int, Decision]]
"""The links of a text: start, end and decision of each, in the order of the text."""


class TextRules:
    """The rules that read a whole text (each line of it, with ``lines_apart``), applied one after
    the other to its links by :meth:`apply`; each rule keeps the links the text's facts
    (:class:`~normalize.textfacts.TextFacts`) leave."""

    def __init__(self, normalizer: Normalizer, finder: SpanFinder, which: WhichPerson, whose: WhoseBody) -> None:
        self.normalizer = normalizer
        self.finder = finder
        self.which = which
        self.whose = whose

    def apply(self, text: str, anchors: list[Found], out: Links, facts: TextFacts) -> Links:
        """The links of ``out`` that what the whole ``text`` said (``facts``, the words found in it,
        ``anchors``) leaves."""
        out = self._persons(text, out, facts)
        out = self._elsewhere(text, anchors, out, facts)
        out = self._bodies_abroad(text, anchors, out, facts)
        out = self._acronyms(text, out, facts)
        out = self._works_and_things(text, out, facts)
        out = self._clubs(text, out, facts)
        return self._surnames(text, out, facts)

    def _persons(self, text: str, out: Links, facts: TextFacts) -> Links:
        """A person's name the text gave a namesake elsewhere: a year of birth, another
        patronymic, or the surname alone of a person it named in full beside another."""
        n = self.normalizer
        if facts.born:
            # the person of a name the text gave a namesake's year of birth after is that namesake
            # wherever the text names it, before or after (Viktor Lukashenko was born in 1937)
            out = [(s, e, m) for s, e, m in out if (n._by_id[m.entity_id], facts.unit(s)) not in facts.born]
        if facts.fathers_other:
            # a person's given name and surname that the text gave a namesake of another patronymic,
            # before or after, is that namesake's as well wherever no patronymic says which
            # (Станіслаў Пятровіч Шушкевіч … Станіслаў Шушкевіч): ambiguous here
            out = [
                (s, e, m)
                for s, e, m in out
                if not (
                    m.type == "person"
                    and (n._by_id[m.entity_id], facts.unit(s)) in facts.fathers_other
                    and not self.which.has_patronymic(text, s, e)
                )
            ]
        if facts.others:
            # a surname alone, without a title, of a person this text never named in full while it
            # named another person of the surname in full, before or after (Даниил Медведев; Вераніка
            # Цапкала, not her husband), or named in full beside another, when the surname alone
            # does not name the person (Лариса Шойгу … Сергей Шойгу … смерть Шойгу): ambiguous here;
            # after a title too, for a person not known by the surname alone whom the text never
            # named in full (Михаил Шеремет … депутат Шеремет: the tables hold no one's occupation)
            out = [(s, e, m) for s, e, m in out if not self._surname_of_another(text, s, e, m, facts)]
        return out

    def _surname_of_another(self, text: str, s: int, e: int, m: Decision, facts: TextFacts) -> bool:
        """Whether the link ``text[s:e]`` is a surname alone that the text gave another person in
        full (see :meth:`_persons`)."""
        if m.type != "person":
            return False
        n = self.normalizer
        person = (n._by_id[m.entity_id], facts.unit(s))
        if person not in facts.others:
            return False
        named_in_full = person in facts.full
        known_alone = n.index.entries[person[0]].record.prominence >= BARE_SURNAME_PROMINENCE
        return (
            not (named_in_full and known_alone)
            and self.which.surname_alone(text, s, e)
            and (not self.finder.around_persons.titled(text, s) or not (named_in_full or known_alone))
            and not self.which.name_part_after(text, e)
        )

    def _elsewhere(self, text: str, anchors: list[Found], out: Links, facts: TextFacts) -> Links:
        """A text that names another town of the place's name speaks of that town by the name alone
        too, before or after (w Mińsku Mazowieckim … w Mińsku), and so may a text that names where
        another town or body of the name is (Brest … Finistère; КГБ … СССР), unless it names the
        state an organisation is named after: ambiguous here."""
        n = self.normalizer
        elsewhere = facts.elsewhere
        for s, _, m in out:
            place_or_body = (m.entity_id, facts.unit(s))
            if m.type != "person" and place_or_body not in elsewhere:
                idx = n._by_id[m.entity_id]
                lo, hi = facts.bounds(s)
                if self.finder.around_bodies.names_where_namesakes_lie(text, idx, lo, hi) and not (
                    m.type == "organization" and self.whose.names_its_state(anchors, idx, lo, hi)
                ):
                    elsewhere.add(place_or_body)
        if not elsewhere:
            return out
        return [(s, e, m) for s, e, m in out if (m.entity_id, facts.unit(s)) not in elsewhere]

    def _bodies_abroad(self, text: str, anchors: list[Found], out: Links, facts: TextFacts) -> Links:
        """A body every state has, named by its acronym alone (МВД, KGB), in a sentence, or a text,
        that names places or persons of other states and none of its own (МВД … в Москве; МИД …
        Захарова): another state's body, or nobody's to tell; an adjective of its own state before
        it says whose (белорусский МИД), and anywhere in the text that its state is spoken of."""
        n, whose = self.normalizer, self.whose
        bodies = [
            (s, e, m)
            for s, e, m in out
            if m.type == "organization" and whose.whose_not_said(text, s, e, n._by_id[m.entity_id])
        ]
        if not bodies:
            return out
        said = whose.states_said(text, anchors, out)
        abroad = {
            (s, e)
            for s, e, m in bodies
            if whose.another_states_body(text, s, e, m.entity_id, said, facts)
            or whose.written_of_another(text, s, e, n._by_id[m.entity_id], *facts.bounds(s))
        }
        return [(s, e, m) for s, e, m in out if (s, e) not in abroad]

    def _acronyms(self, text: str, out: Links, facts: TextFacts) -> Links:
        """An organisation's acronym that names it only weakly, or that the text gives another
        name."""
        n, whose = self.normalizer, self.whose
        # an acronym that names an organisation only weakly (two Latin letters, letters the tables
        # do not write it with: see WhoseBody.weak_acronym) is its own where the text names it
        # otherwise too, before or after (Belarusian Television … BT), not alone (BT Sport, British
        # Telecom's; BTA, the Bulgarian agency; la BnF, the French library)
        acronyms = [(s, e, m) for s, e, m in out if m.type == "organization" and written_as_acronym(text[s:e])]
        weak = {(s, e) for s, e, m in acronyms if whose.weak_acronym(text[s:e], n._by_id[m.entity_id])}
        if weak:
            named = {(m.entity_id, facts.unit(s)) for s, e, m in out if (s, e) not in weak}
            out = [(s, e, m) for s, e, m in out if (s, e) not in weak or (m.entity_id, facts.unit(s)) in named]
            acronyms = [(s, e, m) for s, e, m in acronyms if (s, e) not in weak]
        if not acronyms:
            return out
        # an acronym the text defines as another name (Belarus Potash Co (BPC)), or whose letters it
        # spells out as another name's initials (the United Conservative Party … UCP): that name's there
        definitions = whose.acronym_definitions(text)
        defined = {
            (s, e)
            for s, e, m in acronyms
            if (
                text[s:e] in definitions
                and whose.defined_otherwise(text, definitions[text[s:e]], *facts.bounds(s), m.entity_id)
            )
            or whose.spelled_out_otherwise(text, text[s:e], *facts.bounds(s), m.entity_id)
        }
        if not defined:
            return out
        return [(s, e, m) for s, e, m in out if (s, e) not in defined]

    def _works_and_things(self, text: str, out: Links, facts: TextFacts) -> Links:
        """A name the text gave a work, a medium's title, or a club, a unit or a ship, elsewhere; a
        company's name of one word in quotes in a league's report."""
        beside, things = self.finder.beside, self.finder.named_things
        if facts.works:
            # the same name in quotes elsewhere in the text is the work's too («Зеркало» занимает …)
            out = [
                (s, e, m)
                for s, e, m in out
                if not ((m.entity_id, facts.unit(s)) in facts.works and beside.in_quotes(text, s, e))
            ]
        if facts.titles:
            # a place's name opening a title in quotes elsewhere in the text is the medium's title
            # too (источники «Беларуси головного мозга»)
            out = [
                (s, e, m)
                for s, e, m in out
                if not (
                    m.type == "place"
                    and (m.entity_id, facts.unit(s)) in facts.titles
                    and things.opens_a_quoted_title(text, s, e)
                )
            ]
        if facts.things:
            # the thing's name as written, before or after (ФК Нафтан … Нафтан проиграл); the town's
            # and the company's case forms stay (в Гомеле), and so do the company's name after its
            # legal form (ОАО «Нафтан») and the town's after a preposition of place or in brackets
            # (the game in Minsk, «Динамо» (Минск))
            out = [
                (s, e, m)
                for s, e, m in out
                if (text[s:e], facts.unit(s)) not in facts.things
                or things.after_a_legal_form(text, s)
                or (m.type == "place" and things.the_town_itself(text, s, e))
            ]
        # a company's name of one word in quotes in a league's report («Нафтан» – с «Шахтёром») is a club's
        return [
            (s, e, m)
            for s, e, m in out
            if not (m.type == "organization" and things.club_in_a_league_report(text, s, e, *facts.bounds(s)))
        ]

    def _clubs(self, text: str, out: Links, facts: TextFacts) -> Links:
        """A text that names clubs by their towns names the other clubs so too: a town's name as
        the tables write it, not after a preposition of place nor in brackets (… lost 0-1 to
        Vitebsk at home; the game in Minsk), is a team's there; a case form stays the town's, and
        so does a name in capitals (a dateline: MINSK, 19 February)."""
        if not facts.clubs:
            return out
        n, things = self.normalizer, self.finder.named_things
        return [
            (s, e, m)
            for s, e, m in out
            if not (
                facts.unit(s) in facts.clubs
                and m.type == "place"
                and not n.places.is_state(idx := n._by_id[m.entity_id])
                and n.named_as_written(idx, text[s:e])
                and not text[s:e].isupper()
                and not things.the_town_itself(text, s, e)
            )
        ]

    def _surnames(self, text: str, out: Links, facts: TextFacts) -> Links:
        """A place's or an organisation's name the text gave a person as a surname: the same word
        alone, before or after, may be that person (Борисов заявил): ambiguous here; and so may the
        place's case forms that the person's surname takes too (По словам Борисова), but not one
        after a preposition of place (в Борисове), nor the forms only a town takes (под
        Борисовом); an organisation's name of one word, in any case form, may be the person's
        (Вагнера: the composer's or the group's), its name in full (ЧВК «Вагнер») not."""
        if not facts.surnames and not facts.surnamed:
            return out
        n = self.normalizer
        case_keys = self._surname_case_keys(facts)
        return [
            (s, e, m)
            for s, e, m in out
            if not (
                (
                    m.type == "place"
                    and (
                        (text[s:e], facts.unit(s)) in facts.surnames
                        or self._surname_case_form(text, s, e, case_keys.get(facts.unit(s)))
                    )
                )
                or (
                    m.type == "organization"
                    and (n._by_id[m.entity_id], facts.unit(s)) in facts.surnamed
                    and text[s:e].isalpha()
                )
            )
        ]

    def _surname_case_keys(self, facts: TextFacts) -> dict[int, set[str]]:
        """The keys of the case forms, a man's and a woman's, of each word the text gave a person
        as a surname (Борисова, Борисову of Юрий Борисов), by the text unit it was given in."""
        n = self.normalizer
        out: dict[int, set[str]] = {}
        for w, unit in facts.surnames:
            rows = n.tables.inflection.get(detect_language(w) or "ru", [])
            out.setdefault(unit, set()).update(
                n.key.many([*n.forms.inflect(w, rows, "m"), *n.forms.inflect(w, rows, "f")])
            )
        return out

    def _surname_case_form(self, text: str, s: int, e: int, keys: set[str] | None) -> bool:
        """Whether ``text[s:e]`` is one of the case forms of ``keys`` (see :meth:`_surname_case_keys`),
        not after a preposition of place."""
        if not keys or self.finder.named_things.the_town_itself(text, s, e):
            return False
        return self.normalizer.key(text[s:e]) in keys
