"""The grammatical case of names: which case a word of a mention is in, and a name written in a case.

The rows of ``inflection.yaml`` give, for each nominative ending, the form of every case (see
``tables/README.md``). This module reads them both ways:

- :func:`cases_of` tells in which cases a word is a form of a nominative (Лукашэнкам of Лукашэнка:
  the instrumental);
- :func:`inflect_to` writes a nominative in a case (Тихановская → Тихановской);
- :func:`inflect_name` writes a whole name in a case: a person's given name, patronymic and surname,
  or an organisation's or place's name (its adjectives agree with the noun they stand before, the
  words after that noun stay as they are);
- :func:`mention_case` tells the case a mention in running text is in, from the words whose forms
  tell it.

Every function answers None (or an empty set) where the tables cannot tell, rather than guess: a
name written in the wrong case would change the text around it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .tables import CASE_NAMES, InflectionRow, Tables, declinable, form_of, row_fits
from .text import detect_language, script_of
from .textpatterns import NAME_WORD_RE

CASES: tuple[str, ...] = ("nom", *CASE_NAMES)
"""The six cases, in the grammars' order: nominative, genitive, dative, accusative, instrumental,
locative (prepositional)."""
ALL_CASES: frozenset[str] = frozenset(CASES)
KINDS = ("person", "organization", "place")
_QUOTES = "«»\"„“”‘’'‹›"


def _same(a: str, b: str) -> bool:
    """Two spellings of one form: letter case, ё and the apostrophe's shape aside."""
    return _fold(a) == _fold(b)


def _fold(s: str) -> str:
    return s.casefold().replace("ё", "е").replace("’", "'").replace("ʼ", "'")


def _fits_gender(row: InflectionRow, gender: str | None) -> bool:
    return row.gender == "any" or gender is None or row.gender == gender


def candidate_rows(
    word: str,
    rows: Sequence[InflectionRow],
    gender: str | None,
    *,
    animate: bool = True,
    kinds: Iterable[str] | None = None,
) -> list[InflectionRow]:
    """The rows that may decline the nominative ``word``.

    ``rows`` are sorted as the loader sorts them (rows for a whole word first, then the longest
    ending). With a ``gender`` the answer is the one row :func:`~normalize.tables.inflect` uses; with
    None every row of the best fit, of any gender (a word of a place's name whose gender is not
    known: Гомель and Смаргонь share the ending -ь). ``animate`` False leaves out the rows of kind
    ``surname`` (the declensions only names of persons follow); ``kinds`` keeps only rows of those
    kinds."""
    if not declinable(word):
        return []
    wanted = None if kinds is None else frozenset(kinds)
    usable = [
        r
        for r in rows
        if (animate or r.kind != "surname")
        and (wanted is None or r.kind in wanted)
        and _fits_gender(r, gender)
        and row_fits(r, word)
    ]
    if not usable:
        return []
    if gender is not None:
        return usable[:1]
    if usable[0].whole:
        return [r for r in usable if r.whole]
    longest = len(usable[0].ending)
    return [r for r in usable if not r.whole and len(r.ending) == longest]


def _forms(word: str, row: InflectionRow, case: str, animate: bool) -> tuple[str, ...]:
    """The forms of ``word`` in ``case`` by ``row`` (the standard one first); () when it gives none."""
    if case == "nom" or not row.declines:
        return (word,)
    forms = row.forms_of(case)
    if forms:
        return tuple(form_of(word, row, f) for f in forms)
    if case == "acc" and row.gender == "n":
        return (word,)
    if case == "acc" and row.gender == "m":  # the masculine accusative follows animacy
        return _forms(word, row, "gen", animate) if animate else (word,)
    return ()


def cases_of(
    word: str,
    nominative: str,
    rows: Sequence[InflectionRow],
    gender: str | None,
    *,
    animate: bool = True,
    kinds: Iterable[str] | None = None,
) -> frozenset[str]:
    """The cases in which ``word`` is a form of ``nominative`` by ``rows`` (of one language).

    Лукашэнкам of Лукашэнка → {"ins"}; Тихановской of Тихановская → {"gen", "dat", "ins", "loc"};
    the nominative itself → {"nom"}, with "acc" where the accusative is the nominative (Мінск, a
    thing); a word that does not decline (Лукашенко) → every case. Empty when ``word`` is no form
    of ``nominative`` or no row declines it (the tables cannot tell). Letter case and ё / е do not
    matter; every variant of a case counts, the forms a row reads but never writes included.
    ``gender`` None: the rows of every gender that fit (see :func:`candidate_rows`); ``animate``:
    a person (True) or a word of an organisation's or place's name (False)."""
    out: set[str] = set()
    for row in candidate_rows(nominative, rows, gender, animate=animate, kinds=kinds):
        for case in CASES:
            if any(_same(f, word) for f in _forms(nominative, row, case, animate)):
                out.add(case)
    return frozenset(out)


def inflect_to(
    nominative: str,
    rows: Sequence[InflectionRow],
    gender: str | None,
    case: str,
    *,
    animate: bool = True,
    kinds: Iterable[str] | None = None,
) -> str | None:
    """``nominative`` in ``case`` (one of :data:`CASES`) by ``rows``: the standard form (the first
    the row gives), in the word's own capitals; None where the table cannot write it (no row fits,
    the row gives no form for the case or marks it ``unsure``, or, with ``gender`` None, the rows
    that fit write it differently). The nominative is returned as it is."""
    _check_case(case)
    if case == "nom":
        return nominative
    written: set[str] = set()
    cands = candidate_rows(nominative, rows, gender, animate=animate, kinds=kinds)
    for row in cands:
        if case in row.unsure or (case == "acc" and animate and "gen" in row.unsure and not row.forms_of("acc")):
            return None  # the stress (or the word's meaning) decides, which the spelling does not show
        forms = _forms(nominative, row, case, animate)
        if not forms:
            return None
        written.add(forms[0])
    return written.pop() if len(written) == 1 else None


def _check_case(case: str) -> None:
    if case not in ALL_CASES:
        raise ValueError(f"unknown case {case!r}; use one of {', '.join(CASES)}")


# --- whole names ---------------------------------------------------------------------------------


def _is_person(kind: str | None, gender: str | None) -> bool:
    if kind is None:
        return gender is not None
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    return kind == "person"


_NOT_IN = {"ru": frozenset("іў'"), "be": frozenset("ищъ")}


def _language(name: str, language: str | None) -> str | None:
    """``language`` (or the one the letters tell) when the name's letters belong to it: a Russian
    name holds no і, ў or apostrophe, a Belarusian one no и, щ or ъ."""
    lang = language or detect_language(name)
    if lang not in ("ru", "be"):
        return None
    low = name.lower().replace("’", "'").replace("ʼ", "'")
    return None if any(c in _NOT_IN[lang] for c in low) or any(c in "ґєї" for c in low) else lang


def _acronym(word: str) -> bool:
    """An abbreviation (КДБ, БелТА, ГУБАЗіК): a capital after the first letter. Abbreviations read
    letter by letter do not decline."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) > 1 and any(c.isupper() for c in letters[1:])


def _surname_index(words: Sequence[str]) -> int:
    """Where the surname stands in a person's name as the tables write it (see
    :func:`normalize.names.person_roles`): the one word in capitals among others, else the last."""
    caps = [i for i, w in enumerate(words) if len(w) > 1 and w.isupper()]
    return caps[0] if len(words) > 1 and len(caps) == 1 else len(words) - 1


def _person_rows(words: Sequence[str], tables: Tables, lang: str) -> list[list[InflectionRow]]:
    """The rows for each word of a person's name: the given name's, the surname's (which the
    patronymics share: -ич, -вна, -ўна)."""
    s = _surname_index(words)
    given = tables.given_inflection.get(lang, [])
    surname = tables.inflection.get(lang, [])
    first = 0 if s != 0 else 1
    return [given if i == first and len(words) > 1 else surname for i in range(len(words))]


_VOWELS = frozenset("аеёиіоуыэюя")


def _stress_may_move(word: str, rows: Sequence[InflectionRow], lang: str) -> bool:
    """Belarusian writes о and ё under the stress only: in a word of one syllable with о or ё the
    stress may move to the ending and the vowel change (полк → палка), which the spelling of the
    nominative does not tell. Such a word is declined only by a row of its own."""
    if lang != "be":
        return False
    vowels = [c for c in word.lower() if c in _VOWELS]
    if len(vowels) != 1 or vowels[0] not in "оё":
        return False
    return not any(r.whole and row_fits(r, word) for r in rows)


def _person_word(word: str, rows: Sequence[InflectionRow], gender: str | None, case: str, lang: str) -> str | None:
    """One word of a person's name in ``case``; an initial stays; each part of a double name
    declines (Римский-Корсаков)."""
    if "." in word or len(word) == 1:
        return word  # an initial
    parts = word.split("-")
    out: list[str] = []
    for part in parts:
        if part and _stress_may_move(part, rows, lang):
            return None
        got = inflect_to(part, rows, gender, case) if part else part
        if got is None:
            return None
        out.append(got)
    return "-".join(out)


_WORD_ROWS: dict[tuple[int, str], tuple[Tables, list[InflectionRow]]] = {}


def _word_rows(tables: Tables, lang: str) -> list[InflectionRow]:
    """The rows for the words of organisation and place names: the ``words`` rows and the surname
    rows, in the loader's order (a whole word first, then the longest ending; ``words`` first).
    Made once for a tables object and language."""
    got = _WORD_ROWS.get((id(tables), lang))
    if got is not None and got[0] is tables:
        return got[1]
    rows = [*tables.word_inflection.get(lang, []), *tables.inflection.get(lang, [])]
    rows.sort(key=lambda r: (not r.whole, -len(r.ending)))
    if len(_WORD_ROWS) > 16:  # a few tables objects live at a time; forget the old ones
        _WORD_ROWS.clear()
    _WORD_ROWS[(id(tables), lang)] = (tables, rows)
    return rows


def _last_part(word: str) -> tuple[str, str, str]:
    """(before, part, after): the last part of letters of a hyphenated word, the one that declines
    (Прэс-клуб → клуб, Хартыя-97 → Хартыя)."""
    pieces = word.split("-")
    for k in range(len(pieces) - 1, -1, -1):
        if pieces[k] and declinable(pieces[k]):
            before = "-".join(pieces[:k])
            after = "-".join(pieces[k + 1 :])
            return (before + "-" if k else ""), pieces[k], ("-" + after if k < len(pieces) - 1 else "")
    return word, "", ""


class _PhraseShape:
    """An organisation's or place's name read for declension: the adjectives before the head
    noun, the head, and the words after it (which stay as they are)."""

    __slots__ = ("gender", "head", "ok", "words")

    def __init__(self, words: list[str], rows: Sequence[InflectionRow]) -> None:
        self.words = words
        self.head = -1
        self.gender: str | None = None
        self.ok = False
        genders: set[str] = set()
        for i, w in enumerate(words):
            if w[:1] in _QUOTES or not any(c.isalpha() for c in w):
                return  # a quoted name or a number before any noun: no head to decline
            _, part, _ = _last_part(w)
            nxt = words[i + 1] if i + 1 < len(words) else ""
            adj = (
                candidate_rows(part, rows, None, animate=False, kinds=("adjective",))
                if part and not _acronym(w) and nxt and nxt[:1] not in _QUOTES
                else []
            )
            if adj:
                if any(r.gender == "any" for r in adj):
                    return  # a plural adjective (Сумленныя людзі): the tables decline no plurals
                genders.update(r.gender for r in adj)
                continue
            self.head = i
            break
        if self.head < 0 or len(genders) > 1:
            return  # adjectives only, or adjectives of two genders
        self.gender = genders.pop() if genders else None
        self.ok = True


def _phrase_word(
    word: str, rows: Sequence[InflectionRow], gender: str | None, case: str, kinds: tuple[str, ...], lang: str
) -> str | None:
    before, part, after = _last_part(word)
    if not part or _stress_may_move(part, rows, lang):
        return None
    got = inflect_to(part, rows, gender, case, animate=False, kinds=kinds)
    return None if got is None else before + got + after


def _inflect_phrase(name: str, lang: str, case: str, tables: Tables, gender: str | None) -> str | None:
    words = name.split()
    if not words:
        return None
    rows = _word_rows(tables, lang)
    shape = _PhraseShape(words, rows)
    if not shape.ok:
        return None
    head = words[shape.head]
    g = shape.gender or gender
    if _acronym(head):
        # an abbreviation read letter by letter does not decline; its adjectives cannot agree
        return name if shape.head == 0 else None
    out = list(words)
    got = _phrase_word(head, rows, g, case, ("noun",), lang)
    if got is None:
        return None
    out[shape.head] = got
    for i in range(shape.head):
        adj = _phrase_word(words[i], rows, g, case, ("adjective",), lang)
        if adj is None:
            return None
        out[i] = adj
    return " ".join(out)


def inflect_name(
    name: str,
    language: str | None,
    gender: str | None,
    case: str,
    tables: Tables,
    *,
    kind: str | None = None,
) -> str | None:
    """A whole name, as the tables write it, in ``case`` (one of :data:`CASES`); None where a word
    that must change cannot be declined by the tables.

    A person's name (``kind`` "person", or ``kind`` None with a ``gender``): "Given Patronymic
    Surname", each word by its rows (the given name by the ``given`` rows, the patronymic and the
    surname by the surname rows of ``language``), initials as they are:
    Аляксандр Рыгоравіч Лукашэнка → Аляксандрам Рыгоравічам Лукашэнкам (ins);
    Александр Григорьевич Лукашенко → Александром Григорьевичем Лукашенко (the surname does not
    decline). ``gender`` None declines only where the rows of both genders agree.

    An organisation's or place's name (``kind`` "organization" or "place", or None without a
    gender): its first noun is its head and declines; the adjectives before it agree with it
    (Нацыянальны банк → Нацыянальнага банка; a masculine thing's accusative is its nominative);
    the words after it (Рэспублікі Беларусь), a quoted name («Белсат») and abbreviations (КДБ)
    stay. ``gender`` may give the head noun's gender (m, f, n) where the caller knows it.

    ``language`` is "ru" or "be" (None: told by the name's letters); the nominative returns
    ``name`` unchanged. Raises ValueError for an unknown case or kind.
    """
    _check_case(case)
    person = _is_person(kind, gender)
    if case == "nom":
        return name
    lang = _language(name, language)
    if lang is None or script_of(name) != "Cyrl":
        return None
    if not person:
        return _inflect_phrase(name, lang, case, tables, gender)
    words = name.split()
    if not words:
        return None
    out: list[str] = []
    for word, rows in zip(words, _person_rows(words, tables, lang), strict=True):
        got = _person_word(word, rows, gender, case, lang)
        if got is None:
            return None
        out.append(got)
    return " ".join(out)


# --- the case of a mention -----------------------------------------------------------------------


def _names_in(entity_names: Iterable[str], lang: str) -> list[str]:
    """The Cyrillic names of an entity that are written in ``lang`` (or whose letters do not say)."""
    return [n for n in entity_names if script_of(n) == "Cyrl" and detect_language(n) in (lang, None)]


def _person_readings(
    words: Sequence[str], names: Sequence[str], tables: Tables, lang: str, gender: str | None
) -> list[frozenset[str]]:
    """For each word of the mention that is a form of a word of one of ``names`` (in the same
    role: given name, patronymic, surname), the cases it can be; words that tell nothing (a word
    that does not decline, an initial, a word of no name) are left out."""
    out: list[frozenset[str]] = []
    for w in words:
        if "." in w or len(w) < 2 or not declinable(w):
            continue
        seen: set[str] = set()
        for name in names:
            parts = name.split()
            for part, rows in zip(parts, _person_rows(parts, tables, lang), strict=True):
                for p in part.split("-"):
                    seen |= cases_of(w, p, rows, gender)
        if seen and seen != ALL_CASES:
            out.append(frozenset(seen))
    return out


def _phrase_readings(
    words: Sequence[str], names: Sequence[str], tables: Tables, lang: str
) -> list[frozenset[str]] | None:
    """The cases the mention's words can be in, read against the first name they fit word by
    word: the adjectives and the head noun by their rows, the words after the head as written.
    None when the mention fits no name."""
    rows = _word_rows(tables, lang)
    for name in names:
        nw = name.split()
        shape = _PhraseShape(nw, rows)
        if not shape.ok or not (shape.head < len(words) <= len(nw)):
            continue
        readings: list[frozenset[str]] = []
        fits = True
        for i, w in enumerate(words):
            if i > shape.head:
                if _fold(w.strip(_QUOTES)) != _fold(nw[i].strip(_QUOTES)):
                    fits = False
                    break
                continue
            kinds = ("noun",) if i == shape.head else ("adjective",)
            _, part, _ = _last_part(nw[i])
            _, wpart, _ = _last_part(w)
            if _acronym(nw[i]):
                if not _same(w, nw[i]):
                    fits = False
                    break
                continue
            got = (
                cases_of(wpart, part, rows, shape.gender, animate=False, kinds=kinds) if part and wpart else frozenset()
            )
            if not got:
                fits = False
                break
            if got != ALL_CASES:
                readings.append(got)
        if fits:
            return readings
    return None


def mention_cases(
    words_of_mention: Sequence[str],
    entity_names: Sequence[str],
    language: str | None,
    gender: str | None,
    tables: Tables,
    *,
    kind: str | None = None,
) -> frozenset[str]:
    """Every case the mention can be in: the cases its telling words share.

    ``words_of_mention``: the words as the text writes them (з Лукашэнкам → ["Лукашэнкам"]);
    ``entity_names``: the names of the entity the mention links to, as the tables write them;
    ``language``: "ru" or "be", the language of the mention (None: told by its letters).
    :data:`ALL_CASES` when no word tells (Лукашенко does not decline), empty when the words
    contradict each other or do not fit the entity's names word by word."""
    person = _is_person(kind, gender)
    lang = _language(" ".join(words_of_mention), language)
    if lang is None:
        return ALL_CASES
    names = _names_in(entity_names, lang)
    words = [w for w in words_of_mention if w]
    if person:
        readings = _person_readings(words, names, tables, lang, gender)
    else:
        got = _phrase_readings(words, names, tables, lang)
        if got is None:
            return frozenset()
        readings = got
    out = set(ALL_CASES)
    for r in readings:
        out &= r
    return frozenset(out)


def written_name(entity_names: Sequence[str], language: str | None) -> str | None:
    """The name the rewrite pass writes in a mention's language: the first Cyrillic name written
    in ``language``, else the first Cyrillic name (None when there is none)."""
    names = [n for n in entity_names if script_of(n) == "Cyrl"]
    same = [n for n in names if detect_language(n) == language] if language else []
    pick = same or names
    return pick[0] if pick else None


def mention_case(
    words_of_mention: Sequence[str],
    entity_names: Sequence[str],
    language: str | None,
    gender: str | None,
    tables: Tables,
    *,
    kind: str | None = None,
    target: str | None = None,
) -> str | None:
    """The case a mention is in (one of :data:`CASES`), or None where its words do not tell.

    The case is the one the telling words of the mention share (see :func:`mention_cases`). Where
    they leave several, the answer is still given when the name to be written (``target``; by
    default :func:`written_name` of ``entity_names`` in ``language``) is written the same in all
    of them, and it is the first of them in :data:`CASES` order (у Мінску: dative or locative,
    Мінску either way → "dat"); otherwise None (Тихановской: genitive, dative, instrumental or
    locative, and Светланы / Светлане / Светланой differ)."""
    person = _is_person(kind, gender)
    lang = _language(" ".join(words_of_mention), language)
    cands = mention_cases(words_of_mention, entity_names, lang, gender, tables, kind=kind)
    if not cands:
        return None
    ordered = [c for c in CASES if c in cands]
    if len(ordered) == 1:
        return ordered[0]
    name = target if target is not None else written_name(entity_names, lang)
    if name is None or lang is None:
        return None
    written = {inflect_name(name, lang, gender, c, tables, kind="person" if person else "place") for c in ordered}
    if None in written or len(written) != 1:
        return None
    return ordered[0]


__all__ = [
    "ALL_CASES",
    "CASES",
    "candidate_rows",
    "cases_of",
    "inflect_name",
    "inflect_to",
    "mention_case",
    "mention_cases",
    "written_name",
]


def span_cases(
    text: str, s: int, e: int, entity_names: Sequence[str], gender: str | None, kind: str, tables: Tables
) -> frozenset[str]:
    """The cases the words of ``text[s:e]`` (titles aside), a mention of the entity of
    ``entity_names``, may be in (see :func:`mention_cases`; all of them where the words do not
    tell). In Cyrillic letters that both languages share (Бяляцкага), the cases both readings
    allow (a reading whose words tell nothing allows all)."""
    words = [w for w in NAME_WORD_RE.findall(text, s, e) if w.casefold() not in tables.titles]
    if not words or script_of(words[0][0]) != "Cyrl" or detect_language(" ".join(words)) is not None:
        return mention_cases(words, entity_names, None, gender, tables, kind=kind)
    ru, be = (mention_cases(words, entity_names, lang, gender, tables, kind=kind) for lang in ("ru", "be"))
    return ru & be
