"""What running text says of time: the sentence around a span, the years that set its time, and
the score of a match it gives.

A year sets the time of what a sentence tells when it stands in a phrase of time: a preposition of
time, a number from 1000 to 2099 and a word for a year in Russian, Belarusian, Ukrainian or Polish
(*в 1943 году*, *у 1943-м годзе*, *с 1941 по 1945 год*, *w 1943 roku*), or an English preposition of
time and the number, a month or a part of the year between (*in 1943*, *since 1994*, *in May 1943*,
*in the spring of 1943*). A number without them is a count (*1943 человека*) or
an attribute (*войны 1941–1945 годов*), and says nothing of when. A century in a phrase of time
(*в XVI веке*, *у 13—18 ст.*, *in the 16th century*) sets it up to the century's last year.
"""

from __future__ import annotations

import re

_YEAR = r"(?:1\d{3}|20\d{2})"
_ORDINAL_END = r"(?:-?(?:м|го|й|ы|га|ым|х|ых|ом))?"  # 1943-м, 1943-га, 1990-х
# the prepositions of time: Russian, Belarusian, Ukrainian, Polish
_PREPOSITION = r"(?:в|во|у|ў|с|со|з|із|зь|от|ад|до|да|по|па|w|od|do)"
# the words for a year and their case forms, and their abbreviations (г., гг., the Ukrainian р., the
# Polish r.)
_YEAR_WORD = r"(?:год(?:а|у|ом|ах|ы|ов|зе)?|гад(?:а|ах|оў|ы|амі|зе)?|рок(?:у|ах|ів|и)?|roku|latach|г\.|гг\.|р\.|r\.)"
# what English puts between the preposition and the year: a month, or the part of the year
_ENGLISH_TIME = (
    r"(?:early|late|mid-?|january|february|march|april|may|june|july|august|september|october|november|december)"
)
# a part of a year that "of" and the year follow (the beginning of 1943, the summer of 1943; the
# treaty of 1945 is an attribute, not a time)
_PART_OF_A_YEAR = r"(?:beginning|start|end|middle|half|spring|summer|autumn|fall|winter)"
# a year of three digits too after a preposition of time and before a word for a year (ў 992 годзе)
_YEAR_OF_TIME = r"(?:[1-9]\d{2}|1\d{3}|20\d{2})"
# the genitive of a year without a preposition (унії 1596 року, указ 1937 года, latem 1863 r.): the singular only,
# the plural of a number of years being a length of time (150 гадоў)
_YEAR_GENITIVE = r"(?:года|гада|року|roku|г\.|r\.)"
_YEAR_RE = re.compile(
    rf"(?<!\w){_PREPOSITION}\s+({_YEAR_OF_TIME}){_ORDINAL_END}"
    rf"(?:\s*(?:[-–—]|{_PREPOSITION})\s*({_YEAR_OF_TIME}){_ORDINAL_END})?\s*{_YEAR_WORD}(?!\w)"
    rf"|(?<![\w.,])({_YEAR})\s+{_YEAR_GENITIVE}(?!\w)"
    rf"|\b(?:in|since|from|until|by|{_PART_OF_A_YEAR}\s+of)\s+(?:{_ENGLISH_TIME}\s+)?({_YEAR})(?![\d.,]?\d)",
    re.IGNORECASE,
)
# a century in a phrase of time: a preposition of time, its number (Roman or Arabic, a range too)
# and a word for a century or its abbreviation (в XVI веке, у 13—18 ст., w XIV wieku, у XVI
# столітті), or English's ordinal (in the 16th century); it sets the time up to the century's last
# year. An abbreviation (в., вв., ст., w.) counts after the number only (ст. 130, an article of a
# code, comes before its number)
_CENTURY_NUMBER = r"(?:([IVXІХ]{1,5})|(\d{1,2})(?:-?(?:м|го|й|ы|ым|ом|th|st|nd|rd))?)"
_CENTURY_WORD = (
    r"(?:век(?:а|е|у|ом|ов|ах)?|вв?\.|стагодд(?:зе|зя|зі|зяў|зях)|ст(?:ст)?\.|столітт(?:я|і|ям|ях)|"
    r"wiek(?:u|i|ach|ów)?|w\.|centur(?:y|ies))"
)
_CENTURY_RE = re.compile(
    rf"(?<!\w)(?i:{_PREPOSITION}|in|since|from|until|by)\s+(?i:the\s+)?{_CENTURY_NUMBER}"
    rf"(?:\s*(?:[-–—]|(?i:and|to|i|и|і))\s*{_CENTURY_NUMBER})?\s*(?i:{_CENTURY_WORD})(?!\w)"
)
_CENTURY_WORD_RE = re.compile(rf"(?<!\w)(?i:{_CENTURY_WORD})(?!\w)")
_ROMAN = {"I": 1, "V": 5, "X": 10}
_CYRILLIC_ROMAN = str.maketrans("ІХ", "IX")
LAST_CENTURY = 21  # the centuries read: the first to the twenty-first


def _roman(numeral: str) -> int:
    """The value of a Roman numeral of I, V and X (XVI is 16; typed with the Cyrillic І and Х
    too, as Cyrillic text often is); 0 for a string that is none."""
    numeral = numeral.translate(_CYRILLIC_ROMAN)
    total = 0
    for i, c in enumerate(numeral):
        v = _ROMAN[c]
        total += -v if i + 1 < len(numeral) and _ROMAN[numeral[i + 1]] > v else v
    return total if total > 0 and _to_roman(total) == numeral else 0


def _to_roman(n: int) -> str:
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += letters
            n -= value
    return out


# a sentence ends at ! ? … or at a full stop after a word of three letters or more (not after an
# initial or an abbreviation: А. Г. Лукашенко, 1943 г., гг.), and at the end of a line that a
# capital opens the next of, after a quote or a dash (headlines and items of a list carry no full
# stop; a line wrapped inside a sentence goes on in small letters, or with a name)
_SENTENCE_END_RE = re.compile(
    r"[!?…]+|(?<=\w{3})\.|(?<=\d)\.(?=\s)"
    r"|\n(?=[ \t]*[«\"„“(\[—–-]?[ \t]*[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f\u0400-\u042f\u0490])"
)
_END_MARKS = frozenset("!?…")


MAX_SENTENCE_CHARS = 8192  # how far from a mention its sentence is read on each side


def sentence_around(text: str, s: int, e: int, lo: int = 0, hi: int = -1) -> tuple[int, int]:
    """The bounds of the sentence of ``text`` that holds ``text[s:e]``: from the end of the last
    sentence end before ``s`` (or the start of the text) to the end of the first one from ``e`` (or
    the end of the text); a sentence end that ``text[s:e]`` overlaps counts as neither. The
    sentence stays inside ``text[lo:hi]`` (the text it is part of: a line of a file of one item a
    line) and within :data:`MAX_SENTENCE_CHARS` of the span on each side.

    Only the text near the span is read (a window before ``s``, doubled until an end is found):
    the rewrite pass asks this of every mention of a long text, and a text with no sentence end in
    it costs no more than the window's reach."""
    end = len(text) if hi < 0 else hi
    floor = max(lo, s - MAX_SENTENCE_CHARS)
    start = floor
    window = 256
    first = max(floor, s - window)
    while True:
        for m in _SENTENCE_END_RE.finditer(text, first, s + 1):
            if m.end() > s:
                break
            start = m.end()  # (a run of ! ? … cut by ``first`` ends where the whole run does)
        if start > floor or first == floor:
            break
        window *= 2
        first = max(floor, s - window)
    pos = e
    while 0 < pos < end and text[pos - 1] in _END_MARKS and text[pos] in _END_MARKS:
        pos += 1  # a run of ! ? … that the span overlaps
    after = _SENTENCE_END_RE.search(text, pos, min(end, e + MAX_SENTENCE_CHARS))
    return start, min(end, e + MAX_SENTENCE_CHARS) if after is None else after.end()


def told_before(text: str, s: int, e: int, year: int, lo: int = 0, hi: int = -1) -> bool:
    """Whether the sentence of ``text[s:e]`` (inside ``text[lo:hi]``) names years before the span,
    and all of them are before ``year``: the sentence speaks of a time before a person was born or
    an organisation was founded (В 1943 году Зеленский окончил училище; у 992 годзе … Белай Русі)."""
    years = years_named(text, sentence_around(text, s, e, lo, hi)[0], s)
    return bool(years) and max(years) < year


def years_named(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """The years ``text[start:end]`` names, in order (both ends of a range), and of each century
    it names in a phrase of time, the century's last year (в XVI веке: 1600)."""
    stop = len(text) if end is None else end
    out: list[int] = []
    for m in _YEAR_RE.finditer(text, start, stop):
        out.extend(int(y) for y in m.groups() if y)
    if _CENTURY_WORD_RE.search(text, start, stop) is None:
        return out  # (most sentences name no century: one search for its words first)
    for m in _CENTURY_RE.finditer(text, start, stop):
        roman1, arabic1, roman2, arabic2 = m.groups()
        for roman, arabic in ((roman1, arabic1), (roman2, arabic2)):
            c = _roman(roman) if roman else int(arabic) if arabic else 0
            if 1 <= c <= LAST_CENTURY:
                out.append(c * 100)
    return out


# the words that say a person was born, and the abbreviations of biographies (b., род., нар., ur.,
# geb., né): English, Russian, Belarusian, Ukrainian, Polish, Czech, Slovene, Croatian, Serbian,
# German, French, Italian, Spanish and Portuguese
_BORN = (
    r"(?:born|b\.|родил(?:ся|ась)|родивш(?:ийся|аяся)|род\.|р\.|нарадзіў(?:ся)?|нарадзілася|нар\.|"
    r"народив(?:ся)?|народилася|urodziła?(?:\s+się)?|urodzon[ya]|ur\.|narodil(?:a)?|narozen[aá]?|nar\.|"
    r"geboren|geb\.|née?|nato|nata|nacid[oa]|nascid[oa]|rodil[ao]?|rođen[ao]?|roden[ao]?|рођен[ао]?)"
)
# after a personal name: the years of a life in brackets (1937–2020; род. 1937), or a word of birth
# and, within a few words of the same sentence, a year (was born on July 2, 1937; родился в 1937 году;
# se je rodil 2. julija 1937, the full stop of a day's number ending no sentence)
# a year within a few words of the same sentence (the full stop of a day's number ending none)
_YEAR_SOON = rf"(?:[^.!?…()\n]|(?<=\d)\.){{0,40}}?(?<!\d)({_YEAR})(?!\d)"
_BIRTH_AFTER_RE = re.compile(
    rf"[ \t\u00a0]*(?:\(\s*(?:{_BORN}\s*({_YEAR})|({_YEAR})\s*[-–—]\s*({_YEAR}))(?![\d.])"
    rf"|,?[ \t\u00a0]*(?:(?:was|is|had\s+been|был|была|se\s+je|je)\s+)?{_BORN}(?!\w){_YEAR_SOON})",
    re.IGNORECASE,
)
# before a personal name: a word of birth right before it, the order of a biography's sentence in
# Russian, Belarusian and Ukrainian (Родился Владимир Орлов в Москве в 1936 году); and a year after the
# name within a few words of the same sentence
_BORN_BEFORE_RE = re.compile(rf"(?<!\w){_BORN}[ \t\u00a0]+\Z", re.IGNORECASE)
_YEAR_SOON_RE = re.compile(_YEAR_SOON)
# the fewest years between the two of a life in brackets: fewer are a term of office (1991–1994)
MIN_LIFE_YEARS = 16


def birth_year_around(text: str, start: int, end: int) -> int | None:
    """The year of birth that ``text`` gives of the personal name at ``text[start:end]``: right
    after it (:func:`birth_year_after`), or by a word of birth right before it and a year within a
    few words after it (*Родился Владимир Орлов в Москве в 1936 году*); None when it gives none."""
    year = birth_year_after(text, end)
    if year is None and _BORN_BEFORE_RE.search(text, max(0, start - 20), start) is not None:
        m = _YEAR_SOON_RE.match(text, end)
        year = int(m.group(1)) if m is not None else None
    return year


def birth_year_after(text: str, end: int) -> int | None:
    """The year of birth that ``text`` gives right after a personal name that ends at ``end``: the
    first of the years of a life in brackets (*Виктор Лукашенко (1937–2020)*, *(род. 1937)*; not a
    term of office, *(1991–1994)*), or a year after a word of birth within the sentence (*was born
    on July 2, 1937*, *родился в 1937 году*, *нарадзіўся ў 1975 годзе*); None when it gives none."""
    m = _BIRTH_AFTER_RE.match(text, end)
    if m is None:
        return None
    born, first, last, said = m.groups()
    if first is not None:
        return int(first) if int(last) - int(first) >= MIN_LIFE_YEARS else None
    return int(born or said)


# a match's score: two numbers joined by a colon, the second of one digit (2:2, 4:1, 10:0), never a
# time of day (14:30) or a ratio of more digits
_SCORE_RE = re.compile(r"(?<![\d:.,])\d{1,2}:\d(?![\d:]|[.,]\d)")


def gives_a_score(text: str, s: int, e: int, lo: int = 0, hi: int = -1) -> bool:
    """Whether the sentence of ``text[s:e]`` (inside ``text[lo:hi]``, see :func:`sentence_around`)
    gives a match's score: the names in it are teams', which sport names after towns and companies
    («Нафтан» (Новополоцк) — «Ислочь» — 2:2; Dinamo Minsk — Dinamo Brest 1:2)."""
    a, b = sentence_around(text, s, e, lo, hi)
    return _SCORE_RE.search(text, a, b) is not None
