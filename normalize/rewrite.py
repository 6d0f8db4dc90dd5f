"""The corpus rewrite pass: find every mention of a known entity in running text and normalize it.

The rewrite pass is a client of the resolver: :mod:`normalize.spans` finds the anchors of a text
by the keys of its words and proposes, around each, the whole name as written; each proposed span
is decided by the same code as ``resolve()`` (normalize → words → keys → candidates → decision),
under the same threshold and policy, and the first that names an entity is kept. Text outside the
mentions is never touched.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from mypy_extensions import mypyc_attr

from .cases import span_cases
from .dates import gives_a_score, told_before
from .nameparts import GIVEN
from .names import MAX_MENTION_CHARS, split_tokens
from .persons import surname_ending_gender
from .pickling import by_constructor
from .replacement import MODES, Mode, Replacer, Written
from .resolver import DEFAULT_THRESHOLD, Decision, Match, Normalizer, Policy, check_options
from .spans import Found
from .text import detect_language, is_plain, script_of
from .textfacts import TextFacts
from .textrules import TextRules
from .whichperson import WhichPerson
from .whosebody import WhoseBody

_MISSING = object()
CACHE_SIZE = 100_000  # surfaces (and signatures) remembered
_BLANKS = " \t\u00a0"


def _breaks_compound(text: str, s: int, e: int, written: str) -> bool:
    """Whether writing ``written`` (a name of several words) for ``text[s:e]`` would break the
    compound the mention is a part of, joined to a word by a hyphen (Лукашенко-Лукашенко,
    Viasna-k): the mention is then kept as written, so that the text reads the same again."""
    if " " not in written:
        return False
    joined_before = s > 1 and text[s - 1] == "-" and text[s - 2].isalnum()
    joined_after = e + 1 < len(text) and text[e] == "-" and text[e + 1].isalnum()
    return joined_before or joined_after


@mypyc_attr(allow_interpreted_subclasses=True)  # picklable when compiled
@dataclass(frozen=True)
class Mention:
    """A mention found in text. ``start``/``end`` are offsets into the input string
    (``text[start:end] == surface``); ``replacement`` is what the rewrite wrote there. In
    ``canonical-script`` mode a Cyrillic mention also has its grammatical ``case`` (nom, gen, dat,
    acc, ins or loc; None where its words do not tell) and whether the name written was
    ``inflected`` into it (False: written in the nominative, which the tables could not decline
    or the case is not known; None for other mentions)."""

    start: int
    end: int
    surface: str
    entity_id: str
    canonical: str
    score: float
    type: str
    replacement: str = ""
    case: str | None = None
    inflected: bool | None = None

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return by_constructor(self)


@mypyc_attr(allow_interpreted_subclasses=True)  # picklable when compiled
@dataclass(frozen=True)
class RewriteResult:
    """The rewritten text and the mentions found in the input."""

    text: str
    mentions: list[Mention]

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return by_constructor(self)


class Rewriter:
    """Finds and rewrites mentions with one :class:`Normalizer`; build once, use for many texts."""

    def __init__(
        self,
        normalizer: Normalizer,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        policy: Policy = "prominent",
        keep_case: bool = False,
        require_capital: bool = True,
    ) -> None:
        check_options(threshold, policy)
        self.normalizer = normalizer
        self.threshold = threshold
        self.policy: Policy = policy
        self.keep_case = keep_case
        self.require_capital = require_capital
        self.finder = normalizer.span_finder(require_capital)
        self.replacer = Replacer(normalizer.tables, keep_case)
        # the decision of each surface resolved; emptied when full, as the span finder's memos of
        # word forms are (a hit is one lookup and reorders nothing)
        self._cache: dict[str, Decision | None] = {}
        self._sigs: dict[tuple[str, str, bool, str | None, str], Decision | None] = {}
        self._titles = normalizer.tables.titles
        # the readers of the whole text around a decided name: whose body, which person
        self.whose = WhoseBody(normalizer, self.finder, threshold, policy)
        self.which = WhichPerson(normalizer, self.finder, threshold, policy)
        self.text_rules = TextRules(normalizer, self.finder, self.which, self.whose)

    def _remember(self, surface: str, m: Decision | None) -> None:
        if len(self._cache) >= CACHE_SIZE:
            self._cache.clear()
        self._cache[surface] = m

    def _resolve_span(self, text: str, s: int, e: int, anchor: Found, exact: bool) -> Decision | None:
        """What resolving ``text[s:e]`` decided, a span around the anchor word (whose key is read,
        not made again).

        Besides the surfaces seen, results are remembered by signature: the words before and after
        the anchor as written, and the anchor by its key and case. Every mention of one signature
        resolves alike when the anchor is a plain word and no organisation or place was among the
        candidates (the resolver reports when it read more than keys), so Lukashenka, Lukashenko
        and Loukachenko after "Alexander " are resolved once. A decision found this way carries
        the surface it was first resolved for; with ``exact`` signatures are not used. A span in
        quotes is resolved with them (Адраджэнне, a revival, is the front in «Адраджэнне»)."""
        if self.finder.beside.in_quotes(text, s, e):
            s, e = s - 1, e + 1  # resolved with its quotes: some names are names only in quotes
        surface = text[s:e]
        cached = self._cache.get(surface, _MISSING)
        if cached is not _MISSING:
            return cached  # type: ignore[return-value]
        start, end = anchor.start, anchor.end
        known = {text[start:end]: anchor.key} if anchor.key else None
        sig = None if exact else self._signature(text, s, e, start, end, anchor.key)
        if sig is not None:
            got = self._sigs.get(sig, _MISSING)
            if got is not _MISSING:
                return got  # type: ignore[return-value]
        trace: list[bool] = []
        m = self.normalizer._resolve_traced(surface, self.threshold, self.policy, None, trace, known)
        self._remember(surface, m)
        if sig is not None and not trace:
            self._sigs[sig] = m
            if len(self._sigs) > CACHE_SIZE:
                self._sigs.clear()
        return m

    def _before_it_was(self, text: str, s: int, e: int, m: Decision, unit: tuple[int, int]) -> bool:
        """Whether the sentence of ``text[s:e]`` (inside the text ``unit``) names years in the
        phrases of time before the name, all before the person was born (``born``: В 1943 году
        Зеленский окончил …; In 1957 Viktor Lukashenka became the champion, a namesake of a man born
        in 1975) or the organisation or the state founded (``founded``: the church of 992 and the
        lands of Белая Русь are no exarchate of 1989 and no party of 2007; Польша и Литва of 1569 are
        the Kingdom and the Grand Duchy, no states of 1918)."""
        n = self.normalizer
        record = n.index.entries[n._by_id[m.entity_id]].record
        year = record.born if m.type == "person" else record.founded
        return year is not None and told_before(text, s, e, year, *unit)

    def _thing_named_after(self, text: str, s: int, e: int, m: Decision) -> bool:
        """Whether a town's or an organisation's name in the nominative stands right after a word
        for a kind of thing named after one (``kind_words`` of ``org_words.yaml``: a club, a
        military unit, a ship): the thing's name (ФК Нафтан, батальон «Волат», крейсер «Москва»).
        Not a state's name (команда Беларусь, the state's team), not a case form (команда Минска,
        the town's team), not an organisation whose own name holds such a word (Пресс-клуб
        Беларусь)."""
        things = self.finder.named_things
        if not things.after_a_kind_word(text, s):
            return False
        n = self.normalizer
        idx = n._by_id[m.entity_id]
        if m.type == "place" and n.places.is_state(idx):
            return False
        entry = n.index.entries[idx]
        if m.type == "organization" and things.names_a_kind(entry):
            return False
        # the name in the nominative; where the tables tell no case, each word as written in its
        # names, or, of a name the tables write in the other alphabet only, by its key (Волат of
        # Volat; Зеркала, of Зеркало, is a case form)
        cases = span_cases(text, s, e, entry.record.names, entry.gender, entry.record.type, n.tables)
        if cases:
            return "nom" in cases
        written = {w.casefold() for name in (*entry.record.names, *entry.record.aliases) for w in split_tokens(name)}
        for w in split_tokens(text[s:e]):
            if w.casefold() in written:
                continue
            k = n.key(w)
            if k not in entry.word_keys or any(script_of(x) == script_of(w) and n.key(x) == k for x in written):
                return False
        return True

    def _signature(
        self, text: str, s: int, e: int, start: int, end: int, key: str
    ) -> tuple[str, str, bool, str | None, str] | None:
        """What a span's match depends on when its anchor is a plain word: the text before and
        after the anchor, the anchor's key, whether it is in capitals and the gender its ending
        tells of a surname (a man's nominative, which a woman's case form of the key is not, or
        the other way: :func:`surname_ending_gender`); None when the anchor is
        not a plain word (initials, apostrophes, mixed scripts, a title) or not cut off by blanks."""
        anchor = text[start:end]
        if len(anchor) < 2 or not anchor.isalpha() or not key:
            return None
        if not anchor.isascii() and not (unicodedata.is_normalized("NFC", anchor) and is_plain(anchor)):
            return None  # normalizing changes the word (Latin letters in a Cyrillic word are repaired)
        if s < start and text[start - 1] not in _BLANKS:
            return None
        if end < e and text[end] not in _BLANKS and text[end] != ",":
            return None
        if anchor.casefold() in self._titles:
            return None
        return (text[s:start], key, anchor.isupper(), surname_ending_gender(anchor), text[end:e])

    def spans(self, text: str) -> list[tuple[int, int, Match]]:
        """Every mention in ``text`` as (start, end, match), in order, not overlapping; each match
        is ``resolve()``'s for the span's own surface (``mention`` and ``explain()`` included)."""
        return [(s, e, d.match()) for s, e, d in self._spans(text, exact=True)]

    def _spans(self, text: str, exact: bool = False, lines_apart: bool = False) -> list[tuple[int, int, Decision]]:
        """:meth:`spans`, the decisions of its matches; unless ``exact``, a decision may come
        from another surface of the same signature (the same entity and score). With
        ``lines_apart``, each line is a text of its own for the rules that read the whole text."""
        if not text:
            return []
        finder, n = self.finder, self.normalizer
        anchors = finder.anchors(text)
        if not anchors:
            return []  # (most lines of running text)
        out: list[tuple[int, int, Decision]] = []
        floor = 0
        facts = TextFacts(text, lines_apart)  # what the text has told so far of its names
        for k, a in enumerate(anchors):
            if a.start < floor:
                continue
            m: Decision | None = None
            s = e = 0
            proposal = finder.proposal(text, anchors, k, floor)
            for s, e in proposal.alternatives:
                if e - s <= MAX_MENTION_CHARS:
                    m = self._resolve_span(text, s, e, a, exact)
                    if m is not None:
                        break
            if proposal.whole and proposal.alternatives and a.info.person:
                # a personal name in full (Даниил Медведев, a namesake; Вераніка Цапкала): the person
                # its surname alone would name, when another, is not the one it names
                linked = n._by_id[m.entity_id] if m is not None and m.type == "person" else -1
                if linked >= 0:
                    facts.full.add((linked, facts.unit(a.start)))
                alone = self._resolve_span(text, a.start, a.end, a, exact)
                q = n._by_id[alone.entity_id] if alone is not None and alone.type == "person" else linked
                if q != linked and self.which.names_another(text, proposal.alternatives[0][0], a.start, q, linked):
                    facts.others.add((q, facts.unit(a.start)))
                if m is None and (
                    (father := self.which.namesake_by_patronymic(text, *proposal.alternatives[0], a.start)) >= 0
                ):
                    facts.fathers_other.add((father, facts.unit(a.start)))
            elif (
                proposal.whole
                and m is None
                and not a.info.person
                and (named_so := self.which.named_by_a_surname(text, a))
                and self.which.a_personal_name(text, proposal, a)
            ):
                # a town's or an organisation's name as a person's surname (Юрий Борисов, Рихард Вагнер)
                facts.surnames.add((text[a.start : a.end], facts.unit(a.start)))
                facts.surnamed.update((i, facts.unit(a.start)) for i in named_so)
            if m is None or (m.type == "organization" and self.whose.abroad(text, s, e, anchors, k, m.entity_id)):
                continue
            if m.type != "person" and finder.named_things.call_sign(text, s):
                # a person's call sign (с позывным Брест): nor is the same word alone elsewhere in
                # the text the place or the organisation (Брест погиб)
                if m.type == "place":
                    facts.surnames.add((text[s:e], facts.unit(s)))
                else:
                    facts.surnamed.add((n._by_id[m.entity_id], facts.unit(s)))
                continue
            if m.type == "place" and finder.named_things.team_article_before(text, s, n._by_id[m.entity_id]):
                continue  # a club named after its town (il Soligorsk, del Brest), no town: la Minsk
            if m.type == "place" and finder.named_things.thing_named_after_place(text, s, e):
                continue
            if (
                m.type == "place"
                and finder.named_things.after_a_product_word(text, s)
                and n.named_as_written(n._by_id[m.entity_id], text[s:e])
            ):
                # a brand's name after its product's word (ciągnik Belarus, xe Minsk): nor is
                # the same name as written alone elsewhere in the text the place
                facts.things.add((text[s:e], facts.unit(s)))
                continue
            if (
                m.type == "place"
                and finder.named_things.after_a_street_word(text, s)
                and n.named_as_written(n._by_id[m.entity_id], text[s:e])
            ):
                continue  # the street's name (переулок Окрестина; улица Минска is the town's street)
            if (
                m.type != "person"
                and not (m.type == "place" and n.places.is_state(n._by_id[m.entity_id]))
                and not finder.named_things.after_a_legal_form(text, s)
                and (
                    (m.type == "place" and finder.named_things.club_named(text, s, e))
                    or (m.type == "organization" and finder.named_things.with_its_town(text, s, e))
                    or finder.named_things.in_a_fixture(text, s, e, *facts.bounds(s))
                )
            ):
                # a club's name (Dinamo Minsk, Homel FC, Naftan Navapolatsk), a side of a match
                # (Sluck – Belšina Babrujsk 3:2): nor is the same name as written alone elsewhere in
                # the text the town or the company (Minsk struck back)
                facts.things.add((text[s:e], facts.unit(s)))
                if m.type == "place":
                    facts.clubs.add(facts.unit(s))
                continue
            if m.type != "person" and self._thing_named_after(text, s, e, m):
                # a club's, a unit's or a ship's name (ФК Нафтан, батальон «Волат», крейсер «Москва»):
                # nor is the same name as written alone elsewhere in the text the town or the company
                facts.things.add((text[s:e], facts.unit(s)))
                continue
            if m.type == "place" and finder.named_things.publisher_named(text, s, e):
                continue  # a publisher's name in a bibliographic record (Мінск : Беларусь, 1993)
            if m.type == "place" and (town_end := finder.around_places.longer_town_name_end(text, s, e)) >= 0:
                # the first word of another town's name (Mińsk Mazowiecki)
                facts.elsewhere.add((m.entity_id, facts.unit(s)))
                floor = town_end
                continue
            if m.type == "place" and finder.named_things.in_a_medium_title(text, s, e):
                # a word of a channel's, a programme's or a work's title (Телеграм-канал «Беларусь
                # головного мозга»): nor is the place's name opening a title in quotes elsewhere in
                # the text the place
                facts.titles.add((m.entity_id, facts.unit(s)))
                continue
            if (
                m.type == "place"
                and finder.named_things.after_a_medium_word(text, s)
                and (finder.named_things.numbered(text, e) or n.named_as_written(n._by_id[m.entity_id], text[s:e]))
            ):
                continue  # a channel's name, numbered or as written (тэлеканал Беларусь 1, телеканал Россия)
            if (
                m.type == "place"
                and finder.named_things.in_quoted_title(text, s, e)
                and self._nominative_or_genitive(text, s, e, m)
            ):
                continue  # a word of a title in quotes (журналіст «Фізкультурнік Беларусі»), not the place
            if m.type == "place" and (
                finder.around_places.in_a_realm_name(text, s) or finder.around_places.before_a_realm_word(text, e)
            ):
                continue  # a realm of the past (the Grand Duchy of Lithuania), not the state of today
            if m.type == "place" and finder.around_places.names_a_region(text, s, e, n._by_id[m.entity_id]):
                continue  # the unit around the town (the Minsk region, Gebiet Witebsk), not the town
            if m.type == "place" and finder.around_places.adjective_of_place(text, s, e):
                continue  # the adjective made from its name (в Минском районе), not the place
            if (
                m.type == "place"
                and finder.around_persons.titled(text, s, True)
                and n.named_as_written(n._by_id[m.entity_id], text[s:e])
            ):  # a person's title before a place's name as written: a surname (министр Борисов; not
                # мэр Борисова, a case form, nor президента Беларусь не признаёт, where the place is the subject)
                continue
            if m.type == "place" and finder.around_persons.titled(text, s) and finder.parts.kind(text[s:e]) == GIVEN:
                continue  # a title before a place's name that is a given name: a person (тётя Лида, бабушку Лиду)
            if m.type == "organization" and self.whose.owned_by_another(text, s, e, n._by_id[m.entity_id]):
                continue  # another state's body by English syntax (Estonia's KGB, the MVD of Georgia)
            if m.type == "organization" and finder.around_bodies.namesakes_place_after(text, e, n._by_id[m.entity_id]):
                continue  # the body of the same name of another state (КГБ СССР)
            if (
                m.type == "organization"
                and finder.beside.in_quotes(text, s, e)
                and gives_a_score(text, s, e, *facts.bounds(s))
            ):
                continue  # a team's name in a line of results («Нафтан» (Новополоцк) — «Ислочь» — 2:2)
            if m.type == "organization" and self.whose.name_goes_on(text, e):
                continue  # a longer name in English (the Belarusian Union of Artists), another body's
            if m.type == "organization" and finder.around_bodies.domain_after(text, e):
                # a longer name that gives a body's field (Координационный совет по делам
                # молодёжи): another body's, and so is the name alone elsewhere in the text
                facts.elsewhere.add((m.entity_id, facts.unit(s)))
                continue
            if m.type == "organization" and finder.named_things.named_after_a_person(text, e):
                continue  # another institution, named after a person (БГК им. Мешкова, a handball club)
            if m.type == "organization" and finder.named_things.work_titled(text, s, e):
                facts.works.add((m.entity_id, facts.unit(s)))  # a work's title in quotes, not the organisation
                continue
            if m.type == "organization" and self.whose.ends_another_name(text, s, e):
                continue  # the end of another party's name (Кансэрватыўна-Хрысціянская Партыя – БНФ)
            if m.type == "organization" and self._word_of_a_title(text, s, e, m):
                continue  # a word of another title in quotes (газеты «Зеркало недели», «Вясна народаў»)
            if m.type == "organization" and finder.around_bodies.ordinary_word_opening(
                text, s, e, n.index.entries[n._by_id[m.entity_id]]
            ):
                continue
            if m.type == "person" and finder.around_persons.given_name_after_a_name_title(text, s, e):
                continue  # a patriarch's, a pope's, a king's given name (Патриарх Тихон), no surname
            if (
                m.type == "person"
                and finder.around_persons.surname_as_a_word(text, s)
                and self.which.surname_alone(text, s, e)
            ):
                continue  # the surname as a word, which anyone may bear (с фамилией Зеленский)
            unit = facts.unit(s)
            named = (m.entity_id, unit) in facts.named
            if m.namesakes and not named and not finder.around_persons.titled(text, s):
                continue  # a surname alone that many people share, and nothing here says which
            if m.type == "person" and self.which.born_another_year(text, s, e, m.entity_id):
                # a namesake the text gives a year of birth of (Viktor Lukashenko was born in 1937):
                # nor is the name, or the surname alone, this person anywhere in the text
                facts.born.add((n._by_id[m.entity_id], facts.unit(s)))
                alone = self._resolve_span(text, a.start, a.end, a, exact)
                if alone is not None and alone.type == "person":
                    facts.others.add((n._by_id[alone.entity_id], facts.unit(s)))
                continue
            if (
                m.type != "organization"
                and finder.around_persons.family_plural(text, s, e, n.index.entries[n._by_id[m.entity_id]].surfaces)
                and not n.named_as_written(n._by_id[m.entity_id], text[s:e])
            ):
                continue  # a family named in the plural (the Lukashenkos, the Slonims), no one person
            if m.type == "person" and finder.around_places.unit_adjective(text, s, e):
                continue  # the adjective of a unit's name (Беліцкага павета), no surname
            if (
                m.type == "person"
                and finder.around_persons.generation_after(text, e)
                and self.which.surname_alone(text, s, e)
            ):
                continue  # a relative of the name (Лукашенко-младший, Loukachenko Jr), not the person
            if m.type == "person" and self.which.his_case_after_an_oblique_title(text, s, e, m.entity_id):
                continue  # a man's surname in the title's case (Армия генерала Власова), not hers
            if m.type == "person" and self.which.other_gender_acts(text, s, e, m.entity_id):
                continue  # the verb after a surname alone says the other gender (Цепкало уехала)
            if (m.type != "person" or not named) and self._before_it_was(text, s, e, m, facts.bounds(s)):
                continue  # the sentence speaks of a time before the person was born, the body or state founded
            if (
                m.type == "organization"
                and not named
                and finder.around_bodies.state_body(text, s, e)
                and not self.whose.own_state_named(text, s, e, anchors, m.entity_id, facts.bounds(s))
            ):
                continue  # a body every country has (Следственный комитет), not named here in full
            if m.type == "organization" and finder.around_bodies.owner_beside(text, s, e, n._by_id[m.entity_id]):
                continue  # the speaker's body or several states' (наш МИД, МЗС краін Еўрасаюза)
            if not m.namesakes:
                facts.named.add((m.entity_id, unit))
            out.append((s, e, m))
            floor = e
        return self._joined_by_slash(text, self.text_rules.apply(text, anchors, out, facts))

    def _word_of_a_title(self, text: str, s: int, e: int, m: Decision) -> bool:
        """Whether the organisation's name ``text[s:e]`` is a word of a longer title in quotes (see
        :meth:`~normalize.namedthings.NamedThings.quoted_title`) that, read whole, names another
        thing or nothing (газеты «Зеркало недели», песню «Вясна прыйшла»; not «Беларуская
        асацыяцыя журналістаў», the whole name)."""
        title = self.finder.named_things.quoted_title(text, s, e)
        if title is None:
            return False
        whole = self.normalizer.resolve(text[title[0] : title[1] + 1], threshold=self.threshold, policy=self.policy)
        return whole is None or whole.entity_id != m.entity_id

    def _joined_by_slash(self, text: str, out: list[tuple[int, int, Decision]]) -> list[tuple[int, int, Decision]]:
        """The links of ``out`` with two links of one entity that only a slash joins made one, when
        the whole names the entity as well: one name written in two forms (RFE/RL, Radio Free
        Europe / Radio Liberty, Minsk/Мінск) is one mention, rewritten once."""
        if len(out) < 2:
            return out
        joined: list[tuple[int, int, Decision]] = []
        for s, e, m in out:
            if joined:
                ps, pe, pm = joined[-1]
                if pm.entity_id == m.entity_id and text[pe:s].strip(_BLANKS) == "/":
                    whole = self._resolve_surface(text[ps:e])
                    if whole is not None and whole.entity_id == m.entity_id:
                        joined[-1] = (ps, e, whole)
                        continue
            joined.append((s, e, m))
        return joined

    def _resolve_surface(self, surface: str) -> Decision | None:
        """What resolving ``surface`` decides, under the rewriter's threshold and policy
        (remembered with the spans' decisions)."""
        cached = self._cache.get(surface, _MISSING)
        if cached is not _MISSING:
            return cached  # type: ignore[return-value]
        m = self.normalizer._resolve_traced(surface, self.threshold, self.policy, None, [], None)
        self._remember(surface, m)
        return m

    def _nominative_or_genitive(self, text: str, s: int, e: int, m: Decision) -> bool:
        """Whether the words ``text[s:e]`` of the decision's entity may be in the nominative or the
        genitive, the cases of a name's words inside a title (Фізкультурнік Беларусі, Наш дом
        Россия), not only in another (a slogan's dative: Слава Украіне); Latin letters tell no case
        (see :func:`~normalize.cases.span_cases`)."""
        n = self.normalizer
        entry = n.index.entries[n._by_id[m.entity_id]]
        cases = span_cases(text, s, e, entry.record.names, entry.gender, entry.record.type, n.tables)
        return not cases or "nom" in cases or "gen" in cases

    def find(self, text: str) -> list[Mention]:
        """Every mention in ``text`` (offsets into ``text``), in order, not overlapping."""
        return [Mention(s, e, text[s:e], m.entity_id, m.canonical, m.score, m.type) for s, e, m in self._spans(text)]

    # --- rewriting -----------------------------------------------------------------------------

    def replacement(self, mention: Mention, mode: Mode) -> str:
        """What ``mode`` writes in place of ``mention``."""
        return self._write(mention.surface, mention.entity_id, mode, None).text

    def _write(self, surface: str, entity_id: str, mode: Mode, language: str | None) -> Written:
        n = self.normalizer
        return self.replacer.write(surface, n.index.entries[n._by_id[entity_id]], mode, language)

    def rewrite(self, text: str, mode: Mode = "replace") -> RewriteResult:
        """Rewrite ``text``: each mention becomes the canonical form (``replace``), the canonical
        form in the mention's own script (``canonical-script``), or stays (``annotate``)."""
        if mode not in MODES:
            from .errors import InputError

            raise InputError(f"unknown mode {mode!r}; use one of {', '.join(MODES)}")
        spans = self._spans(text)
        if not spans:
            return RewriteResult(text, [])
        parts: list[str] = []
        pos = 0
        done: list[Mention] = []
        language = detect_language(text) if mode == "canonical-script" else None
        for s, e, m in spans:
            surface = text[s:e]
            w = self._write(surface, m.entity_id, mode, language)
            if _breaks_compound(text, s, e, w.text):
                w = Written(surface, w.case, w.inflected)
            parts.append(text[pos:s])
            parts.append(w.text)
            pos = e
            done.append(Mention(s, e, surface, m.entity_id, m.canonical, m.score, m.type, w.text, w.case, w.inflected))
        parts.append(text[pos:])
        return RewriteResult("".join(parts), done)

    def rewrite_text(
        self, text: str, mode: Mode = "replace", lines_apart: bool = False
    ) -> tuple[str, list[tuple[int, int, Decision]]]:
        """The fast path of :meth:`rewrite` for pipelines: the new text and the mentions as
        (start, end, decision); a :class:`~normalize.resolver.Decision` holds the entity
        (``entity_id``, ``canonical``, ``score``, ``type``), and its ``match()`` may be the match
        of another surface of the same signature (see :meth:`spans` for each surface's own).

        With ``lines_apart``, each line of ``text`` is a text of its own for the rules that read a
        whole text (a person named in full, a town's namesake abroad, a work's title): a block of
        lines of a file of one item a line is rewritten as each line alone would be."""
        spans = self._spans(text, lines_apart=lines_apart)
        if not spans or mode == "annotate":
            return text, spans
        parts: list[str] = []
        pos = 0
        plain = mode == "replace" and not self.keep_case  # the canonical form, whatever the surface
        language = detect_language(text) if mode == "canonical-script" else None
        for s, e, m in spans:
            parts.append(text[pos:s])
            written = m.canonical if plain else self._write(text[s:e], m.entity_id, mode, language).text
            parts.append(text[s:e] if _breaks_compound(text, s, e, written) else written)
            pos = e
        parts.append(text[pos:])
        return "".join(parts), spans


_REWRITERS: dict[int, Rewriter] = {}


def rewriter_for(normalizer: Normalizer, **kwargs: object) -> Rewriter:
    """A cached :class:`Rewriter` for a normalizer (default options only)."""
    if kwargs:
        return Rewriter(normalizer, **kwargs)  # type: ignore[arg-type]
    key = id(normalizer)
    rw = _REWRITERS.get(key)
    if rw is None or rw.normalizer is not normalizer:
        rw = _REWRITERS[key] = Rewriter(normalizer)
    return rw


def rewrite(text: str, mode: Mode = "replace") -> RewriteResult:
    """Rewrite ``text`` with the bundled tables; see :meth:`Rewriter.rewrite`."""
    return rewriter_for(Normalizer.default()).rewrite(text, mode)
