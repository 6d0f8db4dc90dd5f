"""The sentence around a span and the years of a phrase of time (normalize.dates)."""

from __future__ import annotations

import random

import pytest

from normalize.dates import MAX_SENTENCE_CHARS, birth_year_after, sentence_around, years_named


@pytest.mark.parametrize(
    ("text", "span", "sentence"),
    [
        ("Вчера шла война. Зеленский выступил. Потом ушёл.", "Зеленский", "Зеленский выступил."),
        ("А. Г. Лукашенко выступил.", "Лукашенко", "А. Г. Лукашенко выступил."),  # initials end nothing
        ("Что?! Лукашенко!!! Да.", "Лукашенко", "Лукашенко!!!"),
        ("Зеленский", "Зеленский", "Зеленский"),
        # a line that a capital opens is a sentence of its own (headlines); a line wrapped inside a
        # sentence goes on in small letters
        ("Россия меняет тактику\nВ МВД призвали звонить", "МВД", "В МВД призвали звонить"),
        ("Россия меняет тактику\n«Зеленский выступил»", "Зеленский", "«Зеленский выступил»"),
        ("Лукашенко выступил перед\nстудентами в Минске.", "Минске", "Лукашенко выступил перед\nстудентами в Минске."),
    ],
)
def test_the_sentence_around_a_span(text: str, span: str, sentence: str) -> None:
    s = text.index(span)
    lo, hi = sentence_around(text, s, s + len(span))
    assert text[lo:hi].strip() == sentence


def test_the_sentence_around_a_span_far_inside_a_long_text() -> None:
    # a sentence far from the start of the text, and one far longer than the first look back
    rnd = random.Random(3)
    words = ["слово", "Лукашенко", "1943", "г.", "А.", "конец.", "да!", "нет?!", "так…", "1945."]
    text = " ".join(rnd.choice(words) for _ in range(20_000))
    for s in range(0, len(text) - 10, 997):
        lo, hi = sentence_around(text, s, s + 5)
        assert lo <= s and hi >= s + 5
        inner = text[lo:s]
        assert sentence_around(text, lo, lo)[0] == lo  # the start is a sentence's start
        assert all(sentence_around(text, p, p)[0] == lo for p in (lo, (lo + s) // 2) if inner)
    long = "Начало. " + "слово " * 1000 + "Лукашенко сказал."
    s = long.index("Лукашенко")
    assert sentence_around(long, s, s + 9) == (len("Начало."), len(long))


def test_the_sentence_stays_inside_its_text_and_the_reach() -> None:
    # inside the text it is part of (a line of a file of one item a line), and never read further
    # than the reach on either side: a text with no sentence end costs no more than that
    text = "Лукашенко выступил в 1943 году\nЗеленский ответил\nПотом ушёл"
    s = text.index("Зеленский")
    lo, hi = text.index("\n") + 1, text.index("\n", s)
    assert sentence_around(text, s, s + 9, lo, hi) == (lo, hi)
    endless = "слово " * 10_000
    s = len(endless) // 2
    lo, hi = sentence_around(endless, s, s + 5)
    assert (lo, hi) == (s - MAX_SENTENCE_CHARS, s + 5 + MAX_SENTENCE_CHARS)


def test_the_years_of_phrases_of_time() -> None:
    assert years_named("В 1943 году и с 1941 по 1945 год, in 1990; 1500 человек") == [1943, 1941, 1945, 1990]
    # English: a month or a part of the year between the preposition and the year; not an attribute
    assert years_named("In May 1943, in the spring of 1944, at the beginning of 1945") == [1943, 1944, 1945]
    assert years_named("The treaty of 1945 and the 1990 law") == []


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # a century in a phrase of time sets the time up to its last year: Roman numerals (typed
        # with Cyrillic letters too) or Arabic, the word or its abbreviation, a range
        ("Назва ўзнікла ў XVI стагоддзі.", [1600]),
        ("Назва ўзнікла ў ХVI ст.", [1600]),
        ("Так называли земли в XIV—XV вв.", [1400, 1500]),
        ("Землі Беларусі ў 13—18 ст.", [1300, 1800]),
        ("Nazwa pojawiła się w XIV wieku.", [1400]),
        ("The name spread in the 16th and 17th centuries.", [1600, 1700]),
        # no century: an article of a code, a numeral that is no Roman one, no preposition of time
        ("Осуждён по ч. 3 ст. 130 УК.", []),
        ("в IIII веке", []),
        ("Памятник XVI века стоит в центре.", []),
    ],
)
def test_the_centuries_of_phrases_of_time(text: str, years: list[int]) -> None:
    assert years_named(text) == years


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Viktor Lukashenko was born on July 2, 1937 in Kyiv.", 1937),
        ("Viktor Lukashenko, born in 1937, played for Dynamo.", 1937),
        ("Виктор Лукашенко (1937–2020) — советский футболист.", 1937),
        ("Виктор Лукашенко (род. 1937) — советский футболист.", 1937),
        ("Віктар Лукашэнка нарадзіўся ў 1975 годзе.", 1975),
        ("Wiktor Łukaszenka urodził się w 1975 r.", 1975),
        ("Viktor Lukašenko se je rodil 2. julija 1937 v Kijevu.", 1937),
        # no year of birth: a term of office in brackets, a year of something else, another sentence
        ("Stanislav Shushkevich (1991–1994) signed the accords.", None),
        ("Viktor Lukashenko said in 1937 nothing.", None),
        ("Виктор Лукашенко родился в Минске. В 1937 году шла война.", None),
    ],
)
def test_the_year_of_birth_after_a_name(text: str, year: int | None) -> None:
    words = text.split()
    assert birth_year_after(text, len(words[0]) + 1 + len(words[1].rstrip(","))) == year
