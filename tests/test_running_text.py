"""Running text: the rewrite pass decides every name as resolve() does, takes the whole name as
written, and finds every spelling resolve() accepts. Sentences are our own, written from public
facts about the people and places of the bundled tables."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import normalize
from normalize import Normalizer
from normalize.names import strip_possessive
from normalize.rewrite import Rewriter
from normalize.tables import inflect


@pytest.fixture(scope="module")
def rw() -> Rewriter:
    return Rewriter(Normalizer.default())


def linked(rw: Rewriter, text: str) -> list[tuple[str, str]]:
    return [(m.surface, m.entity_id) for m in rw.find(text)]


# sentences and the links each gets, by the rule they show (tested at the end of the file)
LINKS: dict[str, list[tuple[str, list[tuple[str, str]]]]] = {}


# --- namesakes ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Anna Lukashenko and Саша Лукашенко met Ivan Lukashenko.",  # other given names
        "Вчера Анна Лукашенко выступила в суде.",
        "Учора Вікторыя Лукашэнка выступіла ў судзе.",  # a woman's name, not Віктар's
        "Yesterday Viktoria Lukashenko spoke.",
        "Вчера О. И. Лукашенко выступил.",  # other initials
        "Встреча с Александром Ивановичем Лукашенко.",  # another patronymic
        "Сергей Тихановская",  # the other gender: neither he nor she
        "Yesterday Sergei Tikhanovskaya spoke.",
        "Уладзімір Караткевіч пісаў раман.",  # the writer, not the activist Таццяна Караткевіч
        "Роман Льва Толстого",  # a novel by Lev Tolstoy: a given name in another case is another name
        "Выступила Аэлита Ціханоўская.",  # a given name the tables lack: the name is decided whole
        "На сцене пела Ассоль Тихановская.",
    ],
)
def test_namesakes_stay_unlinked(rw: Rewriter, text: str) -> None:
    persons = [
        (s, e)
        for s, e in linked(rw, text)
        if rw.normalizer.index.entries[rw.normalizer._by_id[e]].record.type == "person"
    ]
    assert persons == [], text


@pytest.mark.parametrize(
    ("text", "surface", "entity"),
    [
        ("Yesterday Lukashenko said so.", "Lukashenko", "alexander-lukashenko"),
        ("Вчера Лукашенко заявил об этом.", "Лукашенко", "alexander-lukashenko"),
        ("In Minsk Lukashenko said so.", "Lukashenko", "alexander-lukashenko"),
        ("Telegram Tsikhanouskaya said so.", "Tsikhanouskaya", "sviatlana-tsikhanouskaya"),
        ("Мінск Ціханоўская пакінула ў 2020 годзе.", "Ціханоўская", "sviatlana-tsikhanouskaya"),
        ("President Alexander Lukashenko said so.", "Alexander Lukashenko", "alexander-lukashenko"),
        ("Президент Беларуси Лукашенко заявил.", "Лукашенко", "alexander-lukashenko"),
    ],
)
def test_a_listed_name_links_after_a_word_that_is_no_name_part(
    rw: Rewriter, text: str, surface: str, entity: str
) -> None:
    assert (surface, entity) in linked(rw, text)


def test_a_surname_alone_of_a_person_not_known_by_it_alone_needs_more(rw: Rewriter) -> None:
    d = rw.normalizer
    assert d.index.entries[d._by_id["ales-pushkin"]].record.prominence < 60
    m = normalize.resolve("Пушкин")
    assert m is not None and m.entity_id == "ales-pushkin" and m.ambiguous  # namesakes outside the tables
    assert linked(rw, "Однажды Пушкин прислал письмо.") == []  # the poet, most likely
    # the same surname after a title, or after the text named the person in full
    assert ("Пушкина", "ales-pushkin") in linked(rw, "Суд над художником Алесем Пушкиным. Адвокат Пушкина молчит.")
    assert linked(rw, "Художник Пушкин выступил.") == [("Пушкин", "ales-pushkin")]  # a role before it
    assert linked(rw, "Генпракурор Швед заявіў пра новыя справы.") == [("Швед", "andrei-shved")]
    assert linked(rw, "Швед прыехаў у Мінск.") == [("Мінск", "minsk")]  # a Swede, or anyone of the name
    assert linked(rw, "Министр Пушкин выступил.") == [("Пушкин", "ales-pushkin")]


def test_a_name_that_names_a_thing_is_no_mention_of_the_person(rw: Rewriter) -> None:
    assert linked(rw, "Фонд Александра Лукашенко выделил деньги.") == []
    assert linked(rw, "Премии Александра Лукашенко вручили вчера.") == []  # a case form of премия
    assert linked(rw, "Он прочитал речь Александра Лукашенко.") == [("Александра Лукашенко", "alexander-lukashenko")]
    assert linked(rw, "The Alexander Lukashenko Foundation said.") == []
    assert linked(rw, "Директор фонда Александр Лукашенко заявил.") == [("Александр Лукашенко", "alexander-lukashenko")]
    # им. and ім. abbreviate имени and імя; without the full stop they are pronouns, unless they
    # follow what is named
    assert linked(rw, "Завод им. Лукашенко работает.") == []
    assert linked(rw, "Премия им Лукашенко вручена.") == []
    assert linked(rw, "А вот заменить им Медведева...") == [("Медведева", "dmitry-medvedev")]
    assert linked(rw, "Дзякуючы ім Лукашэнка застаўся.") == [("Лукашэнка", "alexander-lukashenko")]


LINKS["a word opening a sentence before a surname"] = [
    # at the start of a sentence, a capitalised word before a listed surname that can be a
    # name and names nothing the tables hold is a given name they lack: someone else
    ("Лора Колесникова в понедельник сообщила журналистам.", []),
    ("Фелиция Тихановская выступила в суде.", []),
    # a word that opens sentences, or an adjective, is no given name
    ("Вчера Колесникова заявила журналистам.", [("Колесникова", "maria-kalesnikava")]),
    ("Учора Ціханоўская выступіла.", [("Ціханоўская", "sviatlana-tsikhanouskaya")]),
    ("Затем Лукашенко уехал.", [("Лукашенко", "alexander-lukashenko")]),
    ("Известная Колесникова выступила.", [("Колесникова", "maria-kalesnikava")]),
    ("Активистка Колесникова выступила.", [("Колесникова", "maria-kalesnikava")]),
    ("Адвокат Колесникова выступила.", [("Колесникова", "maria-kalesnikava")]),
    # a word that opens sentences is no given name where it is only a case form of one (Але, but,
    # and a case form of Аля); one that is also a given name as listed is the name (Яна, she, Yana)
    ("Але Лукашэнка сказаў іначай.", [("Лукашэнка", "alexander-lukashenko")]),
    ("Яна Алексіевіч у панядзелак паведаміла журналістам.", []),
    # a word's full stop ends its sentence: the word before it makes no name with the next
    ("Горад стаіць на Піне. Пінск — старажытны горад.", [("Пінск", "pinsk")]),
    # but not inside a title in quotes
    ("Пра гэта паведаміла «Медыязона. Беларусь».", []),
]


LINKS["an ordinary word that names an organisation"] = [
    # the season opening a sentence is no organisation named by that word (its capital says
    # nothing); in quotes, in another case inside the sentence, or romanized it is the centre
    ("Весна 2020 года была ранней.", []),
    ("Зеркало разбилось на куски.", []),
    ("Вясна ў гэтым годзе позняя.", []),
    ("Паводле звестак «Вясны», затрыманых 20.", [("Вясны", "viasna")]),
    ("По данным Весны, задержаны двадцать человек.", [("Весны", "viasna")]),
    ("Viasna reported new arrests.", [("Viasna", "viasna")]),
    ("Spring came early this year.", []),
    # the word of a name written as its web address is an ordinary word alone (Dissident.by)
    ("Dissident voices were heard in Minsk.", [("Minsk", "minsk")]),
    ("Диссидент вышел на свободу.", []),
    ("The Dissident.by initiative paid the fines.", [("Dissident.by", "dissidentby")]),
    # an ordinary word of a name in quotes is that word alone unless the tables quote it in one of
    # the organisation's names (БНФ «Адраджэнне») or it is a name of one word (Вясна): the craft,
    # a party or a firm «Союз» is no Union State
    ("Корабль «Союз» стартовал с Байконура.", []),
    ("ООО «Союз» обанкротилось.", []),
    ("Паводле «Адраджэння», нічога не змянілася.", [("Адраджэння", "belarusian-popular-front")]),
    ("Сябры «Вясны» затрыманыя.", [("Вясны", "viasna")]),
    # a spelling of such a name in quotes is the name, outside quotes the word (spring in Polish)
    ('Szef "Wiasny" został skazany.', [("Wiasny", "viasna")]),
    ("Wiosny nie ma w tym roku.", []),
    # no adjective made from a place's name and no word of the vocabulary is a brand of an
    # organisation whose name it is the longest word of (Хельсинкский of the Helsinki Committee;
    # partisans, honest, press club)
    ("Хельсинкский заключительный акт подписали в 1975 году.", []),
    ("Хельсінкскі працэс пачаўся ў 1975 годзе.", []),
    (
        "Белорусский Хельсинкский комитет сообщил.",
        [("Белорусский Хельсинкский комитет", "belarusian-helsinki-committee")],
    ),
    ("Soviet Partisans fought in the forests.", []),
    ("The Cyber Partisans hacked the railway.", [("Cyber Partisans", "cyber-partisans")]),
    ("Сумленныя выбары немагчымыя.", []),
    ("Пресс-клуб «Новой газеты» провёл встречу.", []),
    # an ordinary word of a name, in a case form the tables do not write, is that word alone
    # (Европой, Europe; the Hungarian európai, European), not the name it stands in
    ("Он гордится Европой.", []),
    ("Az Európai Unió szankciókat tervez.", []),
    # the whole name takes its ordinary words (Вільна Європа, Free Europe; not Vilnius)
    ("Радіо Вільна Європа повідомило про вирок.", [("Радіо Вільна Європа", "radio-svaboda")]),
    ("Радио Свободная Европа сообщило о приговоре.", [("Радио Свободная Европа", "radio-svaboda")]),
    # in capitals (a heading) as the tables write no name of it; an acronym they write so is a name
    ("ВЕСНА\nПрыйшла вясна, растаў снег.", []),
    ("ОМОН задержал двадцать человек.", [("ОМОН", "omon")]),
    ("Правозащитники «ВЕСНЫ» сообщили о задержаниях.", [("ВЕСНЫ", "viasna")]),
    # a capitalised preposition of a title after a place makes no other name with it
    ("Закон Рэспублікі Беларусь Аб асабістых гаспадарках.", [("Рэспублікі Беларусь", "belarus")]),
    # a name written as its web address, in capitals or not, is one word
    ("Паводле TUT.BY, затрыманых 20.", [("TUT.BY", "tut-by")]),
    ("Паводле Tut.by, затрыманых 20.", [("Tut.by", "tut-by")]),
    ("J.R. Smith met U.S. envoys.", []),
    # the people, not the country
    ("Беларусы! Мы просім улады паслухаць беларусаў.", []),
]


LINKS["an adjective opening a sentence before a place"] = [
    # opening a sentence, an adjective in the nominative before a place makes another name with
    # it as often as it qualifies it: the whole names nothing of ours
    ("Единая Россия выдвинула кандидатов.", []),
    ("Западная Беларусь увайшла ў склад БССР у 1939 годзе.", []),
    ("Нижний Новгород принял фестиваль.", []),
    # a pronoun, a verb, a noun or a word that opens sentences is no such adjective
    ("Такая Беларусь нам не нужна.", [("Беларусь", "belarus")]),
    ("Поднимем Россию из руин!", [("Россию", "russia")]),
    ("Решение России удивило всех.", [("России", "russia")]),
    ("Камісія Расіі заявіла пра гэта.", [("Расіі", "russia")]),
    ("Сёння Беларусь адзначае свята.", [("Беларусь", "belarus")]),
    # an adjective of the organisation's own name is its word, at the start of a sentence too
    (
        "Беларуская Асацыяцыя Журналістаў заявіла.",
        [("Беларуская Асацыяцыя Журналістаў", "belarusian-association-of-journalists")],
    ),
]


LINKS["an organisation's or a state's name in a sentence of years before its founding"] = [
    # `founded`: the lands of Белая Русь in a sentence of 992 are no association of 2007, the
    # Orthodox Church after the Union of Brest of 1596 no exarchate of 1989, the Russian
    # opposition's council of 2012 no council of 2020
    ("Полацкая епархія была ўтворана ў 992 годзе і стала першай на тэрыторыі Белай Русі.", []),
    ("Після Берестейської унії 1596 року Православна Церква опинилася в складному становищі.", []),
    ("В 2012 году Координационный совет оппозиции избрали в интернете.", []),
    # a year after its founding, a length of years, a year of another sentence: the organisation
    ("У 2024 годзе «Белая Русь» стала партыяй.", [("Белая Русь", "belaya-rus")]),
    (
        "В 2020 году Координационный совет создала Тихановская.",
        [("Координационный совет", "coordination-council"), ("Тихановская", "sviatlana-tsikhanouskaya")],
    ),
    ("Праз 150 гадоў «Белая Русь» правяла з'езд.", [("Белая Русь", "belaya-rus")]),
    ("У 992 годзе ўтворана епархія. «Белая Русь» правяла з'езд.", [("Белая Русь", "belaya-rus")]),
    # a state's `founded` (the year the state of today was proclaimed: Poland's and Lithuania's
    # 1918): in a sentence of earlier years its name is a realm of the past, the Kingdom of Poland
    # and the Grand Duchy of Lithuania of the Union of Lublin and of Grunwald
    ("В 1569 году Польша и Литва заключили унию.", []),
    ("In 1410 Poland and Lithuania defeated the Teutonic Order.", []),
    ("В 1991 году Литва вышла из СССР.", [("Литва", "lithuania")]),
    ("Лукашенко в 2024 году посетил Польшу.", [("Лукашенко", "alexander-lukashenko"), ("Польшу", "poland")]),
]


LINKS["a name in a sentence of years before the person's birth"] = [
    # a surname alone or a name in full in a sentence whose years are all before the person was
    # born: a namesake (a footballer of the name of a son of Lukashenko, born 1975)
    ("В 1943 году Зеленский окончил пехотное училище.", []),
    ("В 1957 году Виктор Лукашенко стал чемпионом в составе «Динамо».", []),
    ("In 1957, as part of Dynamo Kyiv, Viktor Lukashenka became the champion.", []),
    ("В 2021 году Виктор Лукашенко возглавил НОК.", [("Виктор Лукашенко", "viktor-lukashenko")]),
    ("У 1941–1945 гадах Лукашэнка ваяваў на фронце.", []),
    ("In 1943 Zelensky graduated from an infantry school.", []),
    ("At the beginning of 1943 the young Lavrov joined the army.", []),
    ("The treaty of 1945 came up when Lavrov spoke in Minsk.", [("Lavrov", "sergey-lavrov"), ("Minsk", "minsk")]),
    # a year after it, a count that is no year, a year of another sentence: the person
    ("В 2019 году Зеленский стал президентом.", [("Зеленский", "volodymyr-zelenskyy")]),
    ("В 1943 году его дед воевал, а в 2022 году Зеленский стал Героем.", [("Зеленский", "volodymyr-zelenskyy")]),
    ("1500 человек вышли против Лукашенко.", [("Лукашенко", "alexander-lukashenko")]),
    ("В 1943 году шла война. Зеленский выступил в Раде.", [("Зеленский", "volodymyr-zelenskyy")]),
    # a year after the name, or one that is no phrase of time, sets no time for it
    ("Лукашенко поздравил ветеранов войны 1941–1945 годов.", [("Лукашенко", "alexander-lukashenko")]),
    (
        "Лукашэнка ўспомніў, як у 1944 годзе вызвалялі Менск.",
        [("Лукашэнка", "alexander-lukashenko"), ("Менск", "minsk")],
    ),
    # named in full before in the same text, the surname alone is that person
    (
        "Владимир Зеленский выступил. В 1943 году дед Зеленского воевал.",
        [("Владимир Зеленский", "volodymyr-zelenskyy"), ("Зеленского", "volodymyr-zelenskyy")],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("В 1943 году Зеленский окончил пехотное училище.", []),
        ("В 1943 году шла война. Зеленский выступил в Раде.", [("Зеленский", "volodymyr-zelenskyy")]),
        ("В Беларуси Следственный комитет возбудил дело.",
         [("Беларуси", "belarus"), ("Следственный комитет", "investigative-committee")]),
        ("Следственный комитет возбудил дело. В Беларуси тихо.", [("Беларуси", "belarus")]),
    ],
)  # fmt: skip
def test_the_rules_of_a_sentence_read_the_same_inside_a_long_text(
    rw: Rewriter, text: str, expected: list[tuple[str, str]]
) -> None:
    # the sentence of a mention is found in a block of many sentences (as a file is read), and in
    # one sentence longer than the text read before a mention at first
    many = "Сёння ў горадзе было ціха. " * 300
    long_sentence = "Сёння " + "вельмі " * 100
    for before, after in ((many, " " + many), (long_sentence, ""), ("Ого!!! ", " Ого!!!")):
        assert linked(rw, before + text + after) == expected, (before[:20], text)


LINKS["an adjective made from a place name"] = [
    # the adjective made from a town's name, in any case, is no mention of the town
    ("В Минском районе прошёл субботник.", []),
    ("Он работал на Минском автозаводе.", []),
    ("Загорания были в Копыльском, Слуцком и Солигорском районах.", []),
    # the adjective alone names no organisation of several words either (Мозырский НПЗ)
    ("Дрон сбит над Мозырским районом.", []),
    ("Техніка в Гомельській області та Мозирському районі.", []),  # Ukrainian
    ("На Мозырском НПЗ начался ремонт.", [("Мозырском НПЗ", "mozyr-oil-refinery")]),
    ("Рабочая поездка в Минскую область.", []),
    ("Слуцком районе руководит новый глава.", []),
    # the town's own instrumental, which the adjective's locative shares, after a preposition of
    # the instrumental, or before no noun of its own
    ("Бои шли под Минском.", [("Минском", "minsk")]),
    ("С Минском была связь всю ночь.", [("Минском", "minsk")]),
    ("Мы гордимся Минском, нашей столицей.", [("Минском", "minsk")]),
    ("Мы гордимся Минском и Гродно.", [("Минском", "minsk"), ("Гродно", "hrodna")]),
    ("Президенты России и Белоруссии встретились.", [("России", "russia"), ("Белоруссии", "belarus")]),
]


def test_names_of_other_proper_names_are_left_whole(rw: Rewriter) -> None:
    assert linked(rw, "Хан Золотой Орды писал.") == []
    assert linked(rw, "Герои Советского Союза шли.") == []
    assert linked(rw, "Yesterday Roan van Metz said.") == []


# --- every spelling resolve() accepts -------------------------------------------------------------

SEEDS = [
    # (id, type, gender, the one name the table holds, forms that name the entity)
    ("p", "person", "f", "Sviatlana Tsikhanouskaya",
     ["Светлана Тихановская", "Святлана Ціханоўская", "Тихановской", "Ціханоўскай", "Tikhanovskaya",
      "Tsikhanouskaya", "Tsikhanovskaya"]),
    ("p", "person", "f", "Светлана Тихановская",
     ["Sviatlana Tsikhanouskaya", "Ціханоўская", "Ціханоўскую", "Cichanoŭskaja", "Tichanowskaja", "Tikhanovskaïa"]),
    ("p", "person", "f", "Святлана Ціханоўская",
     ["Svetlana Tikhanovskaya", "Тихановская", "Тихановскую", "Tsikhanouskaya", "Cichanouska"]),
    ("c", "place", None, "Hrodna", ["Гродно", "Гродна", "Гродне", "Grodno"]),
    ("c", "place", None, "Гродна", ["Hrodna", "Grodno", "Гродно", "Гродне"]),
]  # fmt: skip


@pytest.mark.parametrize(("eid", "etype", "gender", "seed", "forms"), SEEDS)
def test_every_form_resolve_accepts_is_found_in_a_sentence_whatever_the_seed(
    eid: str, etype: str, gender: str | None, seed: str, forms: list[str]
) -> None:
    rec: dict[str, object] = {"id": eid, "canonical": "X", "names": [seed], "type": etype, "prominence": 80}
    if gender:
        rec["gender"] = gender
    n = Normalizer.from_records([rec], index_canonical=False)
    rw = Rewriter(n)
    for form in forms:
        m = n.resolve(form)
        assert m is not None and m.entity_id == eid, form
        for text in (f"Yesterday {form} said so.", f"Вчера {form} сообщили об этом."):
            assert (form, eid) in linked(rw, text), (seed, text)


@pytest.mark.parametrize(
    ("seed", "cyrillic", "gender"),
    [  # short stems, whose case forms change more than the end: a fleeting vowel, г before е
        ("Ishchak", "Іщак", "m"), ("Fuga", "Фуга", "f"), ("Olga Zhuk", "Жук", "m"), ("Petrov", "Петров", "m"),
        ("Ivanova", "Иванова", "f"), ("Tsikhanouskaya", "Ціханоўская", "f"), ("Lukashenka", "Лукашэнка", "m"),
    ],
)  # fmt: skip
def test_every_case_form_of_a_surname_held_in_latin_letters_is_an_anchor(seed: str, cyrillic: str, gender: str) -> None:
    # the rewrite pass reads a capitalised word for the nominative it may be a case form of, by the
    # surname rows of the inflection table; every form they give must be found so
    n = Normalizer.from_records(
        [{"id": "p", "canonical": "X", "names": [seed], "type": "person", "gender": gender}], index_canonical=False
    )
    finder = n.span_finder()
    forms = [f for rows in n.tables.inflection.values() for f in inflect(cyrillic, rows, gender)]
    assert forms
    for form in forms:
        if n.resolve(form) is not None:  # (what resolve() accepts)
            assert finder.word(form)[1] is not None, form


@pytest.mark.parametrize(
    ("text", "surface", "entity"),
    [
        ("Пачытайце прамову Зянона Пазьняка.", "Зянона Пазьняка", "zianon-pazniak"),  # Taraškievica сь, зь
        ("Сьвятлана Ціханоўская выступіла.", "Сьвятлана Ціханоўская", "sviatlana-tsikhanouskaya"),
        ("Ён вярнуўся ў Менск.", "Менск", "minsk"),
        ("Расея і Беларусь", "Расея", "russia"),
        ("Rozmowa Putina z Ławrowem.", "Putina", "vladimir-putin"),  # Polish, Czech, Slovene genitives
        ("Wizyta Ławrowa w Mińsku.", "Ławrowa", "sergey-lavrov"),
        ("Wizyta Ławrowa w Mińsku.", "Mińsku", "minsk"),
        ("Návštěva Putina v Minsku.", "Putina", "vladimir-putin"),
        ("Spotkanie z Alaksandrem Łukaszenką w Mińsku.", "Alaksandrem Łukaszenką", "alexander-lukashenko"),
        # an acronym written in mixed case with a case ending, as resolve() reads it
        ("Рабочие БелАЗа вышли на митинг.", "БелАЗа", "belaz"),
        ("Pracownicy BelAZu strajkują.", "BelAZu", "belaz"),
        # a neuter place name declines as one (Берасьце: у Берасьці, за Берасьцем)
        ("Мітынг на плошчы ў Берасьці сабраў тысячы.", "Берасьці", "brest"),
        ("Яны жылі за Берасьцем.", "Берасьцем", "brest"),
    ],
)
def test_taraskievica_and_latin_case_forms_are_found(rw: Rewriter, text: str, surface: str, entity: str) -> None:
    assert (surface, entity) in linked(rw, text), linked(rw, text)


@pytest.mark.parametrize(
    ("text", "rewritten"),
    [
        ("Belarus’ capital is Minsk.", "Belarus’ capital is Minsk."),
        ("Belarus' capital is Minsk.", "Belarus' capital is Minsk."),
        ("Lukashenko's envoy", "Alexander Lukashenko's envoy"),
        ("Lukashenko’s envoy", "Alexander Lukashenko’s envoy"),
        ("Lukashenko‘s envoy", "Alexander Lukashenko‘s envoy"),
        ("«Лукашенко» и — Гродно —", "«Alexander Lukashenko» и — Hrodna —"),
        # the case suffixes Turkish writes after an apostrophe on a proper name
        ("Lukaşenko’nun açıklaması Rusya'dan geldi.", "Alexander Lukashenko’nun açıklaması Russia'dan geldi."),
        ("Rusya’nin Ukrayna’ya müdahalesi Moskova’yı", "Russia’nin Ukraine’ya müdahalesi Moscow’yı"),
    ],
)
def test_signs_after_a_name_stay_as_written(text: str, rewritten: str) -> None:
    assert normalize.rewrite(text).text == rewritten


def test_a_soft_sign_before_a_vowel_is_no_turkish_suffix() -> None:
    # Turkish writes its buffer y after a vowel only: Dar'ya, Il'in keep their apostrophe's letters
    suffixes = Normalizer.default().tables.possessive_suffixes
    assert strip_possessive("Dar'ya", suffixes) == ("Dar'ya", "")
    assert strip_possessive("Il'in", suffixes) == ("Il'in", "")
    assert strip_possessive("Ukrayna'ya", suffixes) == ("Ukrayna", "'ya")
    assert strip_possessive("Belarus'un", suffixes) == ("Belarus", "'un")


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Выбары ў Польшчы.", "Выбары ў Польшчы."),
        ("Сустрэча з Лукашэнкам.", "Сустрэча з Аляксандрам Рыгоравічам Лукашэнкам."),
        ("Встреча с Александром Лукашенко.", "Встреча с Александром Григорьевичем Лукашенко."),
        ("Пра Святлану Ціханоўскую пісалі.", "Пра Святлану Георгіеўну Ціханоўскую пісалі."),
        (  # a state body's bare name, after its full name
            "Заява Нацыянальнага банка Рэспублікі Беларусь. Рашэнне Нацыянальнага банка.",
            "Заява Нацыянальнага банка Рэспублікі Беларусь. Рашэнне Нацыянальнага банка Рэспублікі Беларусь.",
        ),
    ],
)
def test_canonical_script_writes_the_case_of_the_mention(text: str, written: str) -> None:
    r = normalize.rewrite(text, mode="canonical-script")
    assert r.text == written
    assert all(m.inflected for m in r.mentions)


def test_the_mention_record_says_when_the_case_is_not_told() -> None:
    r = normalize.rewrite("Тихановской передали письмо.", mode="canonical-script")
    (m,) = r.mentions
    assert m.case is None and m.inflected is False  # genitive, dative, instrumental or locative
    assert r.text.startswith("Светлана Георгиевна Тихановская ")


# --- the property: one matcher ----------------------------------------------------------------------

GIVEN = ["Alexander", "Аляксандр", "Александром", "Sviatlana", "Светлана", "Анна", "Viktor", "Ivan", "Сергей", "Ніна"]
PATRONYMICS = ["Grigoryevich", "Рыгоравіч", "Ивановна", "Георгіеўна", "Petrovich"]
INITIALS = ["A.", "S.", "А. Г.", "V.", "О."]
SURNAMES = ["Lukashenko", "Лукашэнка", "Лукашенко", "Tsikhanouskaya", "Тихановский", "Тихановской", "Babaryka",
            "Бабарыка", "Багінская", "Kalesnikava", "Пазьняк", "Putin"]  # fmt: skip
FILLER = ["Yesterday", "said", "and", "в", "Minsk", "Telegram", "the", "met", "заявил", "і", ",", "."]


@st.composite
def sentences(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    """A sentence of names and other words, with the (start, end) of each run of name words."""
    parts: list[str] = []
    runs: list[tuple[int, int]] = []
    pos = 0
    for _ in range(draw(st.integers(1, 6))):
        if draw(st.booleans()) and not (runs and runs[-1][1] == pos):  # a run of name words ends at a word of no name
            before = draw(st.lists(st.sampled_from(GIVEN + PATRONYMICS + INITIALS), max_size=2))
            words = [*before, draw(st.sampled_from(SURNAMES))]
            if draw(st.booleans()):
                words = [words[-1], *words[:-1]]  # surname first
            run = " ".join(words)
            start = pos + (1 if parts else 0)
            runs.append((start, start + len(run)))
            parts.append(run)
        else:
            parts.append(draw(st.sampled_from(FILLER)))
        pos = len(" ".join(parts))
    return " ".join(parts), runs


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentences())
def test_every_link_is_resolves_and_every_unlinked_name_resolves_to_none(
    data: tuple[str, list[tuple[int, int]]],
) -> None:
    text, runs = data
    n = Normalizer.default()
    found = Rewriter(n).find(text)
    for m in found:
        got = n.resolve(m.surface)
        assert got is not None and got.entity_id == m.entity_id, (text, m.surface)
    for start, end in runs:
        if any(m.start < end and start < m.end for m in found):
            continue  # a name linked, whole or in part
        got = n.resolve(text[start:end])
        if got is not None and _another_of_the_name(n, text, runs, got.entity_id):
            continue  # the text gave the surname to another person in full, and never this one
        if got is not None and _verb_of_the_other_gender(n, text, end, got.entity_id):
            continue  # a woman's verb after a man's surname alone, or the other way round
        if got is not None and _another_patronymic(n, text, runs, got.entity_id):
            continue  # the text gave the name to a namesake of another patronymic
        assert got is None or got.ambiguous, (text, text[start:end], got)


def _has_patronymic(run: str) -> bool:
    return any(w in PATRONYMICS for w in run.split())


def _another_patronymic(n: Normalizer, text: str, runs: list[tuple[int, int]], entity_id: str) -> bool:
    """Whether one of the ``runs`` is a name with a patronymic that names nobody, while its other
    words name the person ``entity_id`` (Viktor Grigoryevich Lukashenko, not Viktor Aleksandrovich)."""
    for start, end in runs:
        run = text[start:end]
        if _has_patronymic(run) and n.resolve(run) is None:
            rest = n.resolve(" ".join(w for w in run.split() if w not in PATRONYMICS))
            if rest is not None and rest.entity_id == entity_id:
                return True
    return False


def _verb_of_the_other_gender(n: Normalizer, text: str, end: int, entity_id: str) -> bool:
    """Whether the word after ``text[:end]`` is a verb in the past tense (-ла a woman's, -л a
    man's) of the other gender than the person ``entity_id``'s."""
    after = text[end:].split()
    if not after or not re.fullmatch("[а-яё]+[аеиоуыя]л[а]?", after[0]):
        return False
    gender = next(r.gender for r in n.entities if r.id == entity_id)
    return gender is not None and ("f" if after[0].endswith("ла") else "m") != gender


def _another_of_the_name(n: Normalizer, text: str, runs: list[tuple[int, int]], entity_id: str) -> bool:
    """Whether one of the ``runs`` is a name of several words that is not the person ``entity_id``'s,
    while one of its words alone is, and none is a name of several words of that person."""
    other = False
    for start, end in runs:
        words = text[start:end].split()
        if len(words) < 2:
            continue
        whole = n.resolve(text[start:end])
        if whole is not None and whole.entity_id == entity_id:
            return False
        other = other or any((w := n.resolve(word)) is not None and w.entity_id == entity_id for word in words)
    return other


# --- names in quotes, state bodies, plural place names ----------------------------------------------


LINKS["a word in quotes names only in quotes"] = [
    # an ordinary word that a name holds in quotes names the organisation only in quotes
    ("Нацыянальнае адраджэнне пачалося. Адраджэнне краіны ідзе.", []),
    ("Сябры «Адраджэння» правялі сход.", [("Адраджэння", "belarusian-popular-front")]),
    # a coined name in quotes is a name of its own without them
    ("Журналісты Белсата працуюць у Польшчы.", [("Белсата", "belsat"), ("Польшчы", "poland")]),
]


@pytest.mark.parametrize(
    "text",
    [
        "Следственный комитет завершил предварительное следствие.",
        "Министерство иностранных дел выступило с заявлением.",
        "The Ministry of Foreign Affairs issued a statement.",
        "Следчы камітэт распачаў справу.",
    ],
)
def test_a_state_body_named_by_ordinary_words_alone_stays_unlinked(rw: Rewriter, text: str) -> None:
    assert linked(rw, text) == [], text


LINKS["a state body in a sentence that names its state"] = [
    # the sentence names the state the body is named after, and no other: that state's body
    (
        "В Беларуси Следственный комитет возбудил дело.",
        [("Беларуси", "belarus"), ("Следственный комитет", "investigative-committee")],
    ),
    (
        "Рубель Беларусі падпісаў кіраўнік Нацыянальнага банка.",
        [("Беларусі", "belarus"), ("Нацыянальнага банка", "national-bank")],
    ),
    # another state in the sentence too, or the state in another sentence: whose is not said
    ("В Беларуси и России Национальный банк повысил ставку.", [("Беларуси", "belarus"), ("России", "russia")]),
    ("Следственный комитет возбудил дело. В Беларуси тихо.", [("Беларуси", "belarus")]),
]


def test_a_state_body_named_in_full_before_is_linked_again(rw: Rewriter) -> None:
    text = "Следственный комитет Республики Беларусь возбудил дело. Следственный комитет сообщил об этом."
    got = linked(rw, text)
    assert [e for _, e in got] == [got[0][1]] * 2 and len(got) == 2
    assert got[1][0] == "Следственный комитет"


LINKS["the English adjective of another state before a state's organisation"] = [
    # English writes a state's adjective in -ian, -ish before the name (the Russian Orthodox Church):
    # another state's adjective makes it that state's, its own keeps it
    ("The parish was part of the Russian Orthodox Church.", []),
    ("The Ukrainian Foreign Ministry summoned the envoy.", []),
    (
        "The Belarusian Orthodox Church and the Belarusian KGB met.",
        [("Belarusian Orthodox Church", "belarusian-orthodox-church"), ("Belarusian KGB", "kgb-belarus")],
    ),
]


LINKS["a state body whose owner the words beside it say"] = [
    # a possessive pronoun beside it: the speaker's own body, which the text does not name
    ("Партия обратилась в наш МИД за разрешением.", []),
    ("Дэлегацыя звярнулася ў наша МЗС.", []),
    # the plural of a word for a country after it: the bodies of several states
    ("Кіраўнікі МЗС краін Еўрасаюза сустрэліся ў Празе.", []),
    ("Главы МИД стран Балтии обсудили визы.", []),
    # alone, or with a state's name, or an organisation of no kind every state has: linked
    ("МЗС паведаміла пра сустрэчу.", [("МЗС", "foreign-ministry")]),
    ("Наш МИД Беларуси выступил с заявлением.", [("МИД Беларуси", "foreign-ministry")]),
    ("Наша БелТА паведаміла пра сустрэчу.", [("БелТА", "belta")]),
    # the adjective of another state, or of one no longer, before it: that state's body
    ("Представитель российского МИД ответил журналистам.", []),
    ("За даними українського МЗС, навчання тривають.", []),
    ("Архівы савецкага КГБ адкрылі для гісторыкаў.", []),
    ("Российский МИД выступил с заявлением.", []),
    # the adjective of its own state, in any of the three languages: linked
    ("По данным белорусского МИД, встреча отменена.", [("МИД", "foreign-ministry")]),
    ("Супрацоўнікі беларускага КДБ затрымалі актывіста.", [("КДБ", "kgb-belarus")]),
    ("Керівник білоруського МЗС виступив.", [("МЗС", "foreign-ministry")]),
    # so before an organisation named after a state, by the adjective of another place
    ("Храм освящён под эгидой Русской Православной Церкви.", []),
    ("Пра гэта паведаміла Руская служба Радыё Свабода.", []),
    (
        "Храм освящён под эгидой Белорусской Православной Церкви.",
        [("Белорусской Православной Церкви", "belarusian-orthodox-church")],
    ),
    (
        "Пра гэта паведаміла Беларуская служба Радыё Свабода.",
        [("Беларуская служба Радыё Свабода", "radio-svaboda")],
    ),
    # before an organisation that is no state body, a town's adjective names its branch there
    ("Активисты гродненского БРСМ провели акцию.", [("БРСМ", "brsm")]),
    # a town's name before it is no adjective (the body at work there)
    ("У Віцебску КДБ праводзіць ператрус.", [("Віцебску", "vitebsk"), ("КДБ", "kgb-belarus")]),
]


@pytest.mark.parametrize(
    ("text", "surface", "entity"),
    [
        ("Малады фронт правёў акцыю.", "Малады фронт", "young-front"),  # a movement, no body of a state
        ("Радыё Свабода паведаміла.", "Радыё Свабода", "radio-svaboda"),
    ],
)
def test_a_name_of_ordinary_words_that_is_no_state_body_is_linked(
    rw: Rewriter, text: str, surface: str, entity: str
) -> None:
    assert linked(rw, text) == [(surface, entity)]


@pytest.mark.parametrize(
    ("text", "surface", "entity"),
    [
        # the plural place names: their own case forms (pluralia tantum)
        ("Мітынг прайшоў у Баранавічах.", "Баранавічах", "baranavichy"),
        ("Автобус из Барановичей опоздал.", "Барановичей", "baranavichy"),
        ("Завод у Асіповічах спыніўся.", "Асіповічах", "asipovichy"),
        ("Поезд пришёл в Калинковичи.", "Калинковичи", "kalinkavichy"),
        ("Памяць ахвяраў у Курапатах.", "Курапатах", "kurapaty"),
        # the fleeting е of Taraškievica
        ("У Гомлі прайшла акцыя.", "Гомлі", "gomel"),
        # a small letter with a dot is no initial: г. is the city's abbreviation
        ("Паседжанне суда г. Менска адбылося.", "Менска", "minsk"),
        ("Представитель СК РФ сообщил.", "РФ", "russia"),  # a place's acronym, as written
        # a state's name in Latin letters in the case forms of its language (`latin_words`)
        ("Prezydent Rosji przyjechał do Mińska.", "Rosji", "russia"),
        ("Łukaszenka rozmawiał z Rosją.", "Rosją", "russia"),
        ("Baltarusijos opozicija susitiko Vilniuje.", "Baltarusijos", "belarus"),
        ("Lietuvos ir Lenkijos pasieniečiai dirba kartu.", "Lenkijos", "poland"),
        ("Lietuvos ir Lenkijos pasieniečiai dirba kartu.", "Lietuvos", "lithuania"),
        ("Pie Baltkrievijas robežas stāv robežsargi.", "Baltkrievijas", "belarus"),
        ("Migranti mēģina iekļūt Eiropā caur Baltkrieviju.", "Baltkrieviju", "belarus"),
        ("W Polsce mieszka wielu Białorusinów.", "Polsce", "poland"),
        ("Opozicijos konferencija vyko Vilniuje.", "Vilniuje", "vilnius"),
        ("Na ulice Mińska, Brześcia i Grodna wyszli ludzie.", "Brześcia", "brest"),
        ("W Brześciu i Słonimiu odbyły się wiece.", "Brześciu", "brest"),
        ("W Brześciu i Słonimiu odbyły się wiece.", "Słonimiu", "slonim"),
        ("Urodził się pod Mińskiem.", "Mińskiem", "minsk"),
        ("Weißrusslands Präsident sprach mit Russlands Außenminister.", "Weißrusslands", "belarus"),
        ("Weißrusslands Präsident sprach mit Russlands Außenminister.", "Russlands", "russia"),
        ("Mielenosoittajat kokoontuivat Valko-Venäjällä.", "Valko-Venäjällä", "belarus"),
        ("Președintele Belarusului a sosit la Moscova.", "Belarusului", "belarus"),
        ("Predsjednik Rusije stigao je u Minsk.", "Rusije", "russia"),
        ("Łukaszenka oskarżył Polskę.", "Polskę", "poland"),
    ],
)
def test_place_names_in_their_case_forms(rw: Rewriter, text: str, surface: str, entity: str) -> None:
    assert (surface, entity) in linked(rw, text), text


LINKS["a person's last name is no organisation or place"] = [
    # a given name and a word between make a person of the last word: no organisation, no place
    ("Yesterday Emmanuel Arnaude Hamel spoke.", []),
    ("The singer Maria Elena Minsk sang.", []),
    ("J. R. Wagner wrote to us.", []),
    # a capital that says nothing, or a title, leaves the name as it is
    ("Yesterday Wagner fighters left.", [("Wagner", "wagner-group")]),
    ("Президент Беларуси заявил.", [("Беларуси", "belarus")]),
    # a title in the nominative, or initials, before a town's name as written: a person's surname
    ("Министр Борисов заявил журналистам.", []),
    ("Міністр Барысаў сказаў пра гэта.", []),
    ("И. Борисов заявил журналистам.", []),
    ("Генерал Кобрин прибыл в штаб.", []),
    # surname first: two words of initials, or initials then a given name, are the name's
    ("Лукашенко А. Г. заявил об этом.", [("Лукашенко А. Г.", "alexander-lukashenko")]),
    ("Yesterday Багінская A. Ніна спакойна.", [("Багінская A. Ніна", "nina-baginskaya")]),
    # a given name before two middle initials is the name's too (a counter-example of the property)
    ("Yesterday Ніна А. Г. Багінская спакойна.", [("Ніна А. Г. Багінская", "nina-baginskaya")]),
    # a given name's case form in Łacinka before a surname is part of the name it decides
    ("Pieradaču viaduć Ryhora Azaronka.", [("Ryhora Azaronka", "ryhor-azaronak")]),
    # a form of address before a town's name that is a given name, in any case: a person
    ("Тётя Лида пришла в гости.", []),
    ("Мы зашли к бабушке Лиде.", []),
    ("Мы приехали в Лиду.", [("Лиду", "lida")]),
    # a title in another case, or a case form of the town: the town
    ("Мэр Борисова заявил журналистам.", [("Борисова", "barysaw")]),
    ("Президента Беларусь не признаёт.", [("Беларусь", "belarus")]),
]


@pytest.mark.parametrize("word", ["Oman", "Amon", "Omen"])
def test_a_short_word_that_keys_as_a_vocabulary_word_is_no_organisation(word: str) -> None:
    # ОМОН is a word of the vocabulary: a short key reaches it, but only its spellings name it
    n = Normalizer.default()
    assert n.resolve(word) is None
    assert n.resolve("OMON") is not None and n.resolve("АМАП") is not None


LINKS["other proper names beside a place"] = [
    # a capitalised Latin word inside a sentence before a place makes another name with it
    ("Fans of Dynamo Minsk cheered at the stadium.", []),
    ("We stayed at the Hotel Minsk for a week.", []),
    # not a word of a place (Belarusian), a title, a sentence's first word, nor a headline
    ("The Belarusian Minsk authorities said so.", [("Minsk", "minsk")]),
    ("Protesters Defy Belarus Strongman In Elderly March", [("Belarus", "belarus")]),
    ("Yesterday Minsk was quiet.", [("Minsk", "minsk")]),
    # a sentence ends before a name: the word before it is no part of it
    ("They lost the election. Belarus remained quiet.", [("Belarus", "belarus")]),
    # a preposition is no surname's particle before a place (Polish do, French de)
    ("Łukaszenka przyjechał do Mińska.", [("Łukaszenka", "alexander-lukashenko"), ("Mińska", "minsk")]),
    ("Les manifestants de Minsk ont marché.", [("Minsk", "minsk")]),
    # a capitalised word that names nothing, an acronym or a Latin word before a place's name in
    # the nominative makes another name with it (a contest, a club, an agency); before its
    # genitive, the place is named (the anthem of Ukraine)
    ("Конкурс «Міс Беларусь» прайшоў у сталіцы.", []),
    ("ФК Минск выиграл у БАТЭ.", []),
    ("Агентство Sputnik Беларусь сообщило.", []),
    ("Депутат назвал Гимн Украины песней.", [("Украины", "ukraine")]),
    # a word for an administrative unit beside a town's name in Latin letters: the unit
    ("Schools of the Vitsyebsk oblast reopened.", []),
    ("Die Schulen des Gebiets Witebsk sind zu.", []),
    ("Minsk and the Minsk region voted.", [("Minsk", "minsk")]),
    ("The Minsk Regional Executive Committee met in Minsk.", [("Minsk", "minsk")]),
    ("the Frunzensky district of Minsk", [("Minsk", "minsk")]),
    # or before it with of, de, for a town, where no name of the unit stands before the word (the
    # Frunzensky district of Minsk lies in Minsk; a state is the one the region lies in)
    ("Crowds gathered in the region of Brest.", []),
    ("The region of Brest voted.", []),
    ("Elle est née dans la région de Vitebsk.", []),
    ("The plant lies in the Grodno region of Belarus.", [("Belarus", "belarus")]),
    # Ukrainian and Bulgarian write the adjective of a town in -ск as its genitive: the unit
    ("Мінська область межує з Литвою.", [("Литвою", "lithuania")]),
    ("Ушачки район се намира във Витебска област.", []),
    # a surname-shaped adjective in an oblique case before a noun of a unit is the unit's name's
    ("Мястэчка Беліцкага павета згарэла ў 1812 годзе.", []),
    ("Вёска Бяляцкага сельсавета.", []),
    ("Бяляцкі раён наведаў учора.", [("Бяляцкі", "ales-bialiatski")]),
    ("Справа Бяляцкага разглядаецца.", [("Бяляцкага", "ales-bialiatski")]),
    ("Він приїхав з Мінська.", [("Мінська", "minsk")]),
    # a number joined by a hyphen: a product or a channel named after the place
    ("Africa bought BELARUS-820 tractors.", []),
    ("We spoke to Maria de Minsk yesterday.", []),
]


LINKS["a town's name that opens another name"] = [
    # a capitalised adjective after a town's name in Latin letters makes another town's name
    # (Mińsk Mazowiecki, Brześć Kujawski and Mohyliv-Podilskyi are towns in Poland and Ukraine)
    ("Pociąg z Warszawy do Mińska Mazowieckiego jedzie godzinę.", [("Warszawy", "warsaw")]),
    ("Mińsk Mazowiecki leży na wschód od Warszawy.", [("Warszawy", "warsaw")]),
    ("Brześć Kujawski to miasto na Kujawach.", []),
    ("Greg visited Minsk Mazowiecki in May.", []),
    ("Prognoza pogody dla Mińska Maz. jest na stronie.", []),
    ("DROGA POMIĘDZY MIŃSKIEM MAZOWIECKIM A SIEDLCAMI. W Mińsku remont trwa.", []),  # a heading in capitals
    ("PROTEST W MIŃSKU. MAZ stanął.", [("MIŃSKU", "minsk"), ("MAZ", "maz")]),
    # and so the town's name alone in the same text, before or after
    ("W Mińsku bywa tłoczno. Mieszkańcy Mińska Mazowieckiego jeżdżą do pracy pociągiem.", []),
    # not a surname of ours, nor a capitalised word that is no adjective, nor a comma between
    ("W Mińsku Łukaszenka przemawiał.", [("Mińsku", "minsk"), ("Łukaszenka", "alexander-lukashenko")]),
    (
        "In Minsk Tsikhanouskaya was never let in.",
        [("Minsk", "minsk"), ("Tsikhanouskaya", "sviatlana-tsikhanouskaya")],
    ),
    ("Crowds in Minsk, Mogilev and Brest met.", [("Minsk", "minsk"), ("Mogilev", "mogilev"), ("Brest", "brest")]),
    # in English, the town's name opens the name of a thing named after it
    ("She studied at Moscow State University.", []),
    ("The train left Vitebsk Station at noon.", []),
    ("He graduated from Minsk State Linguistic University in 1990.", []),
    ("A rock festival was held at the Minsk Radio Engineering Institute.", []),
    ("The Kyiv Post and The Moscow Times reported it.", []),
    ("The Warsaw Pact collapsed in 1991.", []),
    ("The Polotsk Voivodeship was created in 1504.", []),
    ("In Minsk Radio Svaboda lost its office.", [("Minsk", "minsk"), ("Radio Svaboda", "radio-svaboda")]),
    ("In Vitebsk Lukashenko opened a station.", [("Vitebsk", "vitebsk"), ("Lukashenko", "alexander-lukashenko")]),
    # and a brand, before the word for what is sold under it (product_words), is no place
    ("Farmers in Canada bought Belarus tractors in the 1970s.", []),
    ("The Belarus brand sold 11,000 machines last year.", []),
    ("Its iconic Belarus-branded tractors are cheap.", []),
    ("The Minsk motorcycle was the first bike of many.", []),
    ("Belarus-Traktoren sind in Kanada billig.", []),
    # not the place's own things, nor a word that only begins as one
    ("The Belarus border was closed on Monday.", [("Belarus", "belarus")]),
    ("Minsk airport reopened.", [("Minsk", "minsk")]),
    ("Belarus brandished its missiles at the parade.", [("Belarus", "belarus")]),
    ("Трактар «Беларусь» вырабляюць у Мінску.", [("Мінску", "minsk")]),
    # a publisher named after a place in a bibliographic record: after its label, or in an imprint
    # (place : publisher, year); the place of publication stays the place
    ("Кіпель В. Беларусы ў ЗША. Выдавец: Беларусь.", []),
    ("Гісторыя горада. — Мінск : Беларусь, 1993. — 256 с.", [("Мінск", "minsk")]),
    ("Асобнае выданне: Менск, 1968.", [("Менск", "minsk")]),
    (
        "Лукашенко: Беларусь никогда не станет частью России.",
        [
            ("Лукашенко", "alexander-lukashenko"),
            ("Беларусь", "belarus"),
            ("России", "russia"),
        ],
    ),
    # a text that names where another town of the name lies (``namesakes_in``: Brest in Finistère,
    # Brittany, France; Svetlogorsk in the Kaliningrad region; Moscow in Idaho) may speak of it
    ("The port of Brest, in Finistère, hosts the fleet.", []),
    ("Брест во Франции стоит на берегу океана.", []),
    ("Ein Hafen in Brest, Frankreichs Westen.", []),
    ("В Светлогорске Калининградской области открыли пляж.", []),
    ("The University of Idaho is in Moscow.", []),
    ("The Warsaw, Indiana region makes orthopaedic devices.", []),
    ("Warsaw City Council met on Monday, the Hancock County Sheriff said.", []),
    ("Le Stade Brestois a battu Rennes dans le derby breton. Brest est deuxième.", []),
    # and not where it names none of them, nor the other one's adjective alone
    ("В Светлогорске Гомельской области открыли завод.", [("Светлогорске", "svetlahorsk")]),
    ("Лукашэнка наведаў Брэст.", [("Лукашэнка", "alexander-lukashenko"), ("Брэст", "brest")]),
    ("A French journalist was detained in Brest.", [("Brest", "brest")]),
    # a text that links several such places: each is asked about what the whole text names,
    # wherever in it, and the next text is read anew
    ("The University of Idaho is in Moscow. Crowds in Minsk and Brest met.", [("Minsk", "minsk"), ("Brest", "brest")]),
    ("Crowds in Brest met. Brest voted. The ferry sails from Finistère.", []),
    (
        "Лукашэнка наведаў Брэст і Светлогорск. Светлогорск Калининградской области далёка.",
        [("Лукашэнка", "alexander-lukashenko"), ("Брэст", "brest")],
    ),
    ("Crowds in Brest met.", [("Brest", "brest")]),
]


LINKS["a body of the same name of another state"] = [
    # an organisation's namesakes_in (the KGB and the interior ministry of the USSR): a text that
    # names it and never the state the body is named after speaks of the other; so does the state
    # right after the body's name
    ("Андропов и его КГБ. Юрисдикция КГБ распространялась на весь Советский Союз.", []),
    ("Председатель КГБ СССР подписал приказ.", []),
    ("КГБ Беларусі, спадкаемца КГБ СССР, затрымаў журналіста.", [("КГБ Беларусі", "kgb-belarus")]),
    ("В Советском Союзе сажали, а теперь КГБ Беларуси задерживает.", [("КГБ Беларуси", "kgb-belarus")]),
    ("КГБ задержал журналиста в Минске.", [("КГБ", "kgb-belarus"), ("Минске", "minsk")]),
]


LINKS["an organisation's name whose first word alone has a capital"] = [
    # Russian and Belarusian capitalise only the first word of such a name, here the adjective of
    # a place that the name's readings leave out: it anchors the name, in its case forms too
    (
        "Белорусская ассоциация журналистов заявила.",
        [
            ("Белорусская ассоциация журналистов", "belarusian-association-of-journalists"),
        ],
    ),
    (
        "Члены Беларускай асацыяцыі журналістаў сабраліся.",
        [
            ("Беларускай асацыяцыі журналістаў", "belarusian-association-of-journalists"),
        ],
    ),
    (
        "Представители Белорусской православной церкви пришли.",
        [
            ("Белорусской православной церкви", "belarusian-orthodox-church"),
        ],
    ),
    # the adjective before other words names nothing
    ("Белорусская сторона предложила перенести встречу.", []),
    ("Белорусские журналисты уехали в Вильнюс.", [("Вильнюс", "vilnius")]),
]


LINKS["a team's name in a line of results"] = [
    # a sentence that gives a match's score names teams: a name in quotes in it is a club's, which
    # sport names after companies and towns (not a time of day, 14:30)
    ("Наваполацкі «Нафтан» разграміў гродзенскі «Нёман» — 4:1.", []),
    ("Барысаўчане сыгралі з «Нафтанам» унічыю (2:2).", []),
    ("«Нафтан» в 14:30 сообщил о ремонте установки.", [("Нафтан", "naftan")]),
    # and a capitalised word before a town's name at the sentence's start makes a club's name with
    # it there (elsewhere the first word of a sentence may be any word)
    ("Dinamo Minsk lost to Dinamo Brest 1:2.", []),
    ("Neman Grodno – Shakhtyor Soligorsk 2:0", []),
    ("Today Minsk announced new rules.", [("Minsk", "minsk")]),
    ("At 14:30 Minsk time the talks began.", [("Minsk", "minsk")]),
    # Italian names its towns as feminine: a masculine article before a town's name makes it a
    # club's (il Soligorsk, del Brest), not before a state's (il Belarus) or with the feminine one
    ("Alla fine vince il Soligorsk.", []),
    ("Il campo del Vitebsk è piccolo.", []),
    ("La Minsk di oggi è moderna.", [("Minsk", "minsk")]),
    ("Il Belarus confina con la Polonia.", [("Belarus", "belarus")]),
]


LINKS["a syllabic acronym written as a word"] = [
    # an acronym read as a word (BelTA, BelAZ) is written as one too; one read letter by letter is
    # not (MAZ is no Maz)
    ("According to Belta, the president met the governor.", [("Belta", "belta")]),
    ("Laut Belta traf Lukaschenko den Gouverneur.", [("Belta", "belta"), ("Lukaschenko", "alexander-lukashenko")]),
    ("Prognoza dla Mińska Maz. jest gotowa.", []),
]


LINKS["other words of the same letters"] = [
    # a word that ends hard where the name ends soft is another word (Беларус, a Belarusian man,
    # against Беларусь; Беларусы, the people)
    ("Беларус вернулся на родину из Литвы.", [("Литвы", "lithuania")]),
    ("Беларусы вярнуліся дадому.", []),
    ("Беларусь вернулась к переговорам.", [("Беларусь", "belarus")]),
    # in Latin letters, a vowel after a consonant where every spelling of the name with its key has
    # i, y or j before it (the French Biélorusse, a Belarusian, against Biélorussie, Belorussia)
    (
        "Le Biélorusse Alexandre Loukachenko est au pouvoir en Biélorussie.",
        [("Alexandre Loukachenko", "alexander-lukashenko"), ("Biélorussie", "belarus")],
    ),
    # and, where ы is written y (Łacinka, Polish, Czech), a y after a consonant against an i
    # (Biełarusy, Belarusians, against Biełarusi of Biełaruś); the Czech ů of a genitive plural
    # against the soft ю of every spelling (Bělorusů, of Belarusians)
    ("Biełarusy za miežami kraju padtrymali strajk.", []),
    ("U Biełarusi pačalisia strajki.", [("Biełarusi", "belarus")]),
    # Łacinka and Polish mark a soft s, z, c, n with an acute: a word in their letters that ends in
    # the plain letter is another word (Biełarus, Białorus, a Belarusian man; Biełaruś, Białoruś)
    ("Kožny Biełarus viedaje hetuju pieśniu.", []),
    ("Każdy Białorus zna tę piosenkę.", []),
    ("Biełaruś i Polšča padpisali damovu.", [("Biełaruś", "belarus"), ("Polšča", "poland")]),
    ("Wrócił na Białoruś po latach.", [("Białoruś", "belarus")]),
    ("Do ulic vyšly stovky Bělorusů žijících v zahraničí.", []),
    ("Granica Litwy jest długa.", [("Litwy", "lithuania")]),
    # a final s after the vowel is read past: the English Poles, the French Biélorusses (the
    # people) are no Polijas, Bielorrússias; a u after i against the u after a consonant of every
    # spelling (the Lithuanian Lietuvių, of Lithuanians, against the Latvian Lietuvu)
    ("Two Poles and three Latvians were freed.", []),
    ("Les Biélorusses ont voté.", []),
    ("Lietuvių kalba yra sena.", []),
    # the genitive of Polska is the adjective's nominative too (Polski Związek, a Polish union)
    ("Polski Związek Wędkarski ogłosił zawody.", []),
    # nor the Lithuanian genitive of Vilnius, which names the county and the airport as often
    ("Skrydžiai iš Vilniaus oro uosto atnaujinti.", []),
    ("Police in Gomel detained the protesters.", [("Gomel", "gomel")]),
    # no Finnish genitive of a name in -a: the English adjective (Russian, Lithuanian)
    ("The Russian and Lithuanian delegations met.", []),
    # a hyphenated word whose last part is an adjective in small letters is a compound adjective,
    # its first parts stems (Polish-Soviet, Polish-Belarusian), no names; parts that are names stay
    ("Пасля Польска-савецкай вайны горад адбудавалі.", []),
    ("Польско-белорусская граница закрыта.", []),
    ("Поезд Минск-Москва отменили.", [("Минск", "minsk"), ("Москва", "moscow")]),
    # the Ukrainian и is the hard ы: against forms that all end in і, another word
    ("Білоруси протестували біля посольства.", []),
    ("У Білорусі протести.", [("Білорусі", "belarus")]),
    # a Latin word without the c that every spelling of its key writes (the ц of ISO 9, Łacinka,
    # Polish and Czech, which the key reads as k): Polak, a Pole, is no Połack, Polack
    ("Miejscowym Polakom grożą więzieniem.", []),
    ("Do Połocka przyjechał biskup.", [("Połocka", "polotsk")]),
    # English writes -ий, -ій as -y after k, g and h: no hard ending
    (
        "The Kalinovsky Regiment fights for Ukraine.",
        [("Kalinovsky Regiment", "kalinouski-regiment"), ("Ukraine", "ukraine")],
    ),
    # a particle before a place's name after a capitalised word may be a surname's (Roan van
    # Metz): the name is decided whole, and a preposition is no word of a place's name
    ("A Embaixada da Bielo-Rússia fica em Lisboa.", []),
    # a given name as Russian text writes a foreign one makes a personal name of the name after it
    ("Рихард Вагнер написал оперу «Лоэнгрин».", []),
]


LINKS["a work's title in quotes"] = [
    # an organisation's name alone in quotes after a word for a kind of work is the work's title,
    # and so is the same name in quotes in that text
    ("Режиссер фильма «Зеркало» Андрей Тарковский. «Зеркало» — самый личный его фильм.", []),
    ("Песня «Вясна» гучала на плошчы.", []),
    # not after a verb whose stem a work's word shares, nor without such a word
    ("Офицер рассказал «Зеркалу» о войне.", [("Зеркалу", "zerkalo")]),
    ("«Зеркало» сообщило о задержании.", [("Зеркало", "zerkalo")]),
]


LINKS["a town's name that a text gives a person as a surname"] = [
    # a town's name of the form of a possessive surname (Борисов: Борисовым the man, Борисовом the
    # town) after a given name is a person's surname, and the same word alone in that text may be
    # that person, before or after; its case forms that only the town takes stay the town's
    ("Глава ведомства Юрий Борисов прибыл. Борисов заявил, что план выполнен.", []),
    ("Борисов: план выполнен. Об этом сообщил Юрий Борисов.", []),
    ("Jurij Borisov je stigao. Borisov je rekao da je plan ispunjen.", []),
    ("Boyko Borisov won the election. Borisov thanked his voters.", []),
    ("Юрий Борисов родился в Борисове.", [("Борисове", "barysaw")]),
    ("Мікалай Жлобін нарадзіўся ў Жлобіне.", [("Жлобіне", "zhlobin")]),
    # the case forms a man's or a woman's surname takes too (По словам Борисова), there: but not
    # one after a preposition of place, nor one only the town takes (под Борисовом)
    ("Об этом заявил вице-премьер Юрий Борисов. По словам Борисова, отрасли нужны заказы.", []),
    ("Юрий Борисов встретился с коллегами. Коллеги Борисову доверяют.", []),
    (
        "Юрий Борисов осмотрел завод в Борисове. Учения прошли под Борисовом.",
        [("Борисове", "barysaw"), ("Борисовом", "barysaw")],
    ),
    # a town whose name has no surname's form, a case form, or no given name: the town
    ("Борисов заявил о строительстве нового завода.", [("Борисов", "barysaw")]),
    ("По словам жителей Борисова, завод работает.", [("Борисова", "barysaw")]),
    ("Але Пінск сапраўды стаіць на Піне.", [("Пінск", "pinsk")]),
]


LINKS["an organisation's name of one word that a text gives a person as a surname"] = [
    # a given name before an organisation's name of one word makes it a person's surname, and the
    # word alone in that text, in any case form, may be that person: ambiguous
    ("Рихард Вагнер родился в Лейпциге в 1813 году. Вагнер написал тетралогию «Кольцо нибелунга».", []),
    ("Оперы Вагнера ставят в Байройте, где Рихард Вагнер построил театр.", []),
    ("Richard Wagner was born in Leipzig. Wagner built a festival theatre in Bayreuth.", []),
    # the organisation's name in full stays; without a person of the name, the word alone is its
    (
        "Рихард Вагнер не имеет отношения к ЧВК «Вагнер», которую назвали по позывному её командира.",
        [("ЧВК «Вагнер»", "wagner-group")],
    ),
    (
        "Бойцы ЧВК «Вагнер» ушли из Ростова. Вагнер перебрался в лагерь под Осиповичами.",
        [("ЧВК «Вагнер»", "wagner-group"), ("Вагнер", "wagner-group"), ("Осиповичами", "asipovichy")],
    ),
]


LINKS["a brand after the word for its product"] = [
    # a place's name as the tables write it right after a word for what is sold under a brand
    # (product_words: ciągnik, трактор, xe) is the brand, and so is that name as written alone
    # elsewhere in the text; a case form after one is the place's own (тракторов Беларуси)
    ("Rolnik kupił ciągnik Belarus. Belarus pracuje w polu od lat.", []),
    ("Более двухсот тракторов Belarus продали за год.", []),
    ("Xe Minsk rất bền.", []),
    ("Экспорт тракторов Беларуси вырос.", [("Беларуси", "belarus")]),
    ("Rolnik kupił ciągnik Belarus na targach w Mińsku.", [("Mińsku", "minsk")]),
]


LINKS["a body's name that goes on with the body's field"] = [
    # a name of ours that the words opening a body's field follow (по делам, па справах, з питань,
    # do spraw) is the first part of another body's longer name, and so is that name alone
    # elsewhere in the same text
    ("Заседание Координационного совета по делам молодёжи прошло в Протвино.", []),
    (
        "Члены Координационного совета обсудили планы. Координационный совет по делам молодёжи в научной сфере "
        "создан при Министерстве науки России.",
        [("России", "russia")],
    ),
    ("Rada do spraw Młodzieży spotkała się w Warszawie.", [("Warszawie", "warsaw")]),
    # other words after it, a date or the results of a meeting, say nothing of that
    (
        "Координационный совет по итогам встречи заявил, что Светлана Тихановская вернётся.",
        [("Координационный совет", "coordination-council"), ("Светлана Тихановская", "sviatlana-tsikhanouskaya")],
    ),
]


LINKS["a state body's acronym in a sentence of another state's places"] = [
    # a body every state has, by its acronym alone, in a sentence that names places of another
    # state (the ``country`` of a town) and none of its own: not linked
    ("МВД сообщило о задержаниях в Москве.", [("Москве", "moscow")]),
    ("В Москве ЦИК подвёл итоги выборов.", [("Москве", "moscow")]),
    ("KGB agents in Moscow watched the embassy.", [("Moscow", "moscow")]),
    # a state that no name of several words names but that is another entity's ``country`` (Kyiv's)
    ("В Украине объявили выборы, сообщил ЦИК.", [("Украине", "ukraine")]),
    ("В Україні МЗС заявило протест.", [("Україні", "ukraine")]),
    ("В Беларуси ЦИК объявил итоги.", [("Беларуси", "belarus"), ("ЦИК", "central-election-commission")]),
    # a body named after no place is the state's its `country` gives (OMON, Belarus's); another
    # state's adjective or English owner is no owner of its, a town's adjective names one of its units
    ("В Москве ОМОН задержал десятки протестующих.", [("Москве", "moscow")]),
    ("ОМОН задержал протестующих в Минске.", [("ОМОН", "omon"), ("Минске", "minsk")]),
    ("Командир российского ОМОН приехал.", []),
    ("Russia's OMON detained protesters.", [("Russia", "russia")]),
    ("Командир минского ОМОН Дмитрий Балаба.", [("ОМОН", "omon"), ("Дмитрий Балаба", "dzmitry-balaba")]),
    # its own state's places, or its own state's adjective before it: linked
    ("ЦИК подвёл итоги выборов в Минске.", [("ЦИК", "central-election-commission"), ("Минске", "minsk")]),
    ("Глава белорусского МИД прилетел в Москву.", [("МИД", "foreign-ministry"), ("Москву", "moscow")]),
    (
        "МИД сообщил, что посол вернулся в Минск из Москвы.",
        [("МИД", "foreign-ministry"), ("Минск", "minsk"), ("Москвы", "moscow")],
    ),
    # a line that a capital opens is a sentence of its own (headlines carry no full stop)
    (
        "Николай Лукашенко приехал в Минск\nРоссия меняет тактику ударов\nВ МВД призвали звонить в 102",
        [
            ("Николай Лукашенко", "nikolai-lukashenko"),
            ("Минск", "minsk"),
            ("Россия", "russia"),
            ("МВД", "interior-ministry"),
        ],
    ),
    # the first word of another town's name, or of a place's name of several words, names no
    # state of its own (Могилёв-Подольский lies in Ukraine; Республика Молдова is no Республика
    # Беларусь): a body in a text of Ukraine's places and that state's ministry alone is Ukraine's
    (
        "Пункт пропуска «Могилев-Подольский – Отач» перегружен, сообщило Министерство иностранных дел Украины. "
        "По данным МИД, очереди растут на границе с Республикой Молдова.",
        [("Украины", "ukraine")],
    ),
    # a place of another state inside another name in the sentence says whose it is too
    ("Председатель Центризбиркома России заявила, что у ЦИК нет плана.", [("России", "russia")]),
    # a text that names places and persons of other states only, and no word of its own state
    (
        "МИД назвал странным заявление США об эвакуации дипломатов из Украины. Об этом сообщила Мария Захарова.",
        [("Украины", "ukraine"), ("Мария Захарова", "maria-zakharova")],
    ),
    (
        "Лукашенко прилетел в Москву. МИД сообщил о переговорах.",
        [("Лукашенко", "alexander-lukashenko"), ("Москву", "moscow"), ("МИД", "foreign-ministry")],
    ),
    (
        "В КГБ солгали об осужденных за границей беларусах. Украина ответила.",
        [("КГБ", "kgb-belarus"), ("Украина", "ukraine")],
    ),
    # an owner in English syntax, a possessive before or of after, that is no place or person of
    # the body's own state (Estonia's KGB, the MVD of Georgia; Belarus's, Lukashenko's KGB stay)
    ("Estonia's KGB archives were opened in 1991.", []),
    ("The MVD of Georgia reported arrests.", []),
    ("Belarus's KGB detained him.", [("Belarus", "belarus"), ("KGB", "kgb-belarus")]),
    ("Lukashenko's KGB detained him.", [("Lukashenko", "alexander-lukashenko"), ("KGB", "kgb-belarus")]),
    ("The KGB of Belarus said nothing.", [("KGB of Belarus", "kgb-belarus")]),
    # or that names other states by the adjectives of their places alone (российском)
    ("При российском президенте спецслужбы реформировали. Сотрудники КГБ были недовольны.", []),
    ("Белорусский КГБ задержал российского журналиста.", [("Белорусский КГБ", "kgb-belarus")]),
    ("КГБ задержал российского журналиста в Гродно.", [("КГБ", "kgb-belarus"), ("Гродно", "hrodna")]),
]


LINKS["an elided article or preposition before a name"] = [
    # French and Italian elide an article or a preposition before a vowel (d', l'): the word after
    # the apostrophe is a word of its own, a given name or a name of the tables
    ("La biographie d'Alexandre Loukachenko est courte.", [("Alexandre Loukachenko", "alexander-lukashenko")]),
    (
        "La frontière entre la Biélorussie et l'Ukraine est fermée.",
        [("Biélorussie", "belarus"), ("Ukraine", "ukraine")],
    ),
    ("Il confine dell'Ucraina con la Bielorussia.", [("Bielorussia", "belarus")]),
    # a capital before the apostrophe is a surname's (D'Alema, O'Brien), no elision
    ("Massimo D'Alema e Lukashenko.", [("Lukashenko", "alexander-lukashenko")]),
]


LINKS["a name the text gives another year of birth"] = [
    # a namesake's biography: the year of birth the text gives after the name is not the person's
    # (born of the tables), and neither the name nor the surname alone is the person in that text
    (
        "The career of Viktor Lukashenko began at Dynamo Kyiv. Viktor Lukashenko was born in 1937. "
        "Lukashenko played as a defender.",
        [],
    ),
    ("Виктор Лукашенко (1937–2020) — советский футболист, защитник.", []),
    # the person's own year, or no year of birth: the person
    ("Виктор Лукашенко родился в 1975 году.", [("Виктор Лукашенко", "viktor-lukashenko")]),
    (
        "Станислав Шушкевич (1991–1994) подписал соглашения.",
        [("Станислав Шушкевич", "stanislav-shushkevich")],
    ),
]


LINKS["a man's surname is no case form of a woman's"] = [
    # the nominative of a man's surname (-ов, -аў, -ov, -au) and the accusative of a woman's (-ову,
    # -аву) share a key; a man's is no form of the woman of the tables
    ("Политолог Колесников написал книгу о Путине.", [("Путине", "vladimir-putin")]),
    ("The political scientist Kolesnikov wrote several books.", []),
    ("Калеснікаў выступіў на канферэнцыі.", []),
    ("Суд приговорил Колесникову к 11 годам.", [("Колесникову", "maria-kalesnikava")]),
    ("Kalesnikava tore up her passport.", [("Kalesnikava", "maria-kalesnikava")]),
]


LINKS["a woman's case form is no man's surname"] = [
    # the Ukrainian dative and locative of a woman's surname of adjective type (-ській, -цькій)
    # share a key with the man's nominative (-ський, -скі, -ский): not his (and left unread)
    ("Світлані Тихановській вручили премію.", []),
    ("Премію вручили Тихановській у Вільнюсі.", [("Вільнюсі", "vilnius")]),
    # another woman's given name in the Ukrainian dative before her Ukrainian form rules her out
    ("Ганні Колесніковій вручили премію.", []),
    ("Інтерв'ю з Тихановською вийшло вчора.", [("Тихановською", "sviatlana-tsikhanouskaya")]),
    ("Сергій Тихановський залишається у в'язниці.", [("Сергій Тихановський", "siarhei-tsikhanouski")]),
]


LINKS["a word of relatives of one name after a surname"] = [
    # a surname alone with a word that tells relatives of one name apart (Jr, младший, fils) names
    # a son or a father, not the person the surname alone names
    ("Лукашенко-младший приехал на матч.", []),
    ("Лукашэнка-малодшы прыехаў на матч.", []),
    ("\"Loukachenko Jr\" a déjà tout d'un chef d'Etat.", []),
    ("Loukachenko fils était au défilé.", []),
    # a given name decides as always, a nickname the tables write in Cyrillic in every spelling of
    # it; the surname alone without such a word is the person
    ("Николай Лукашенко-младший приехал.", [("Николай Лукашенко", "nikolai-lukashenko")]),
    ("Kola Łukaszenka przyjechał z ojcem.", [("Kola Łukaszenka", "nikolai-lukashenko")]),
    ("Лукашенко приехал на матч.", [("Лукашенко", "alexander-lukashenko")]),
]


LINKS["a family named in the plural"] = [
    # English and German name a family by its surname with -s after the article (plural_articles)
    ("The Lukashenkos spent the summer in Sochi.", []),
    ("Die Lukaschenkos leben in Minsk.", [("Minsk", "minsk")]),
    ("After the revolution, the Slonims escaped to Berlin.", []),
    ("Tsikhanouskaya met the Babarykas.", [("Tsikhanouskaya", "sviatlana-tsikhanouskaya")]),
    # a name that ends in -s as the tables write it, a case form without an article, and the family's
    # name before a noun stay linked
    ("The Vilnius office opened in 2020.", [("Vilnius", "vilnius")]),
    ("Lukašenkos režimas represuoja žurnalistus.", [("Lukašenkos", "alexander-lukashenko")]),
    ("The Belarus authorities said nothing.", [("Belarus", "belarus")]),
]


LINKS["a title written as an initial in its language"] = [
    # French writes Monsieur as M.: before a surname in a French sentence it is the title, not the
    # initial of a given name (Mikalai); elsewhere an initial it stays
    ("La visite de M. Loukachenko à Pékin a été annoncée.", [("Loukachenko", "alexander-lukashenko")]),
    ("Selon M. Bialiatski, les arrestations continuent.", [("Bialiatski", "ales-bialiatski")]),
    (
        "MM. Loukachenko et Poutine se sont rencontrés dans la capitale.",
        [("Loukachenko", "alexander-lukashenko"), ("Poutine", "vladimir-putin")],
    ),
    (
        "Mikalai Lukashenko, also M. Lukashenko, was seen.",
        [("Mikalai Lukashenko", "nikolai-lukashenko"), ("M. Lukashenko", "nikolai-lukashenko")],
    ),
]


LINKS["a word that goes on past a gender sign"] = [
    # German writes a sign before the feminine ending so that a word names every gender: the word
    # goes on, and no name ends inside it
    ("Die Belaruss:innen in Vilnius protestieren.", [("Vilnius", "vilnius")]),
    ("Viele Belaruss*innen leben in Polen.", [("Polen", "poland")]),
    ("Belarus: in Minsk wurde gewählt.", [("Belarus", "belarus"), ("Minsk", "minsk")]),
]


LINKS["a sentence's full stop ends a name"] = [
    # the word before a surname that carries its sentence's full stop is no part of the name
    ("Zapytałem Władimira Władimirowicza. Putin powiedział mi, że nie.", [("Putin", "vladimir-putin")]),
    ("Александр Григорьевич. Лукашенко заявил.", [("Лукашенко", "alexander-lukashenko")]),
]


LINKS["an acronym after a dash may end another name"] = [
    # an acronym joined by a dash to a capitalised acronym or word of organisations' names that
    # names nothing by itself ends another party's name
    ("Лідар КХП – БНФ выступіў на сходзе.", []),
    ("Сход Кансэрватыўна-Хрысціянскай Партыі — БНФ адбыўся ў Менску.", [("Менску", "minsk")]),
    # not after a name the tables hold, a surname (a byline), nor a sentence's first word
    ("Сустрэча АГП – БНФ адбылася.", [("АГП", "united-civic-party"), ("БНФ", "belarusian-popular-front")]),
    ("Гомель /Иван Сидоренко – БЕЛТА/.", [("Гомель", "gomel"), ("БЕЛТА", "belta")]),
    ("Партия – БНФ не участвовала.", [("БНФ", "belarusian-popular-front")]),
]


LINKS["a place in a title in quotes is a word of the title"] = [
    # a place's name inside a short title in quotes, after a word of the sentence, is a word
    # of the title (a paper's, a party's, a contest's, an association's), in the nominative or
    # the genitive, in either script
    ("Рэдактар газеты «Голас Радзімы і Беларусі» выступіў.", []),
    ("Кандидат перешёл в «Наш дом Россия» из другой партии.", []),
    ("Завод стал лауреатом конкурса «Лучшие товары Республики Беларусь».", []),
    ("A member of the “Free Belarus” movement spoke.", []),
    ("Członkowie stowarzyszenia „Polska Macierz Szkolna” przyjechali do Grodna.", [("Grodna", "hrodna")]),
    # not a slogan's dative, nor a place after a preposition (a quoted phrase), nor quoted
    # speech: after a colon, opening the sentence, with a comma or a dash in it, or long
    ("Людзі выйшлі з плакатам «Слава Украіне».", [("Украіне", "ukraine")]),
    ("На скрынях быў надпіс «Зроблена ў Польшчы».", [("Польшчы", "poland")]),
    ("Ён сказаў: «Мы любім Беларусь».", [("Беларусь", "belarus")]),
    ("«Литва поддержит Польшу».", [("Литва", "lithuania"), ("Польшу", "poland")]),
    (
        "Министр сказал «Мы поддерживаем Россию, Украину и Польшу».",
        [("Россию", "russia"), ("Украину", "ukraine"), ("Польшу", "poland")],
    ),
    ("Газета написала «Белые Росы Пришли Сегодня В Гродно Снова».", [("Гродно", "hrodna")]),
    # the quotes are a title's only where they stand as quotes, around words of one sentence: a
    # title at the end of the text is one; a quote glued to a word, an end of sentence inside, a
    # quote never closed or opening the text make none
    ("Рэдактар газеты «Голас Радзімы і Беларусі»", []),
    ("Рэдактар газеты«Голас Радзімы і Беларусі» выступіў.", [("Беларусі", "belarus")]),
    ("Кандидат перешёл в партию «Наш дом Россия»из другой партии.", [("Россия", "russia")]),
    ("Рэдактар газеты «Голас Радзімы і Беларусі. Выступіў.", [("Беларусі", "belarus")]),
    ("A member of the “Free Belarus movement spoke.", [("Belarus", "belarus")]),
    ("«Голас Радзімы і Беларусі» выйшаў.", [("Беларусі", "belarus")]),
    # a place's name alone, lower case first word: a quoted phrase, not a title
    ("ЕС заявил о «пересмотре отношений с Беларусью».", [("Беларусью", "belarus")]),
]


LINKS["kinds of things and numbers beside names"] = [
    # a word that says what kind of thing a name in quotes is names nothing by itself
    ("Тэлеканал паказаў фільм.", []),
    ("Тэлеканал «Беларусь 1» паказаў фільм.", []),  # a channel named after the country, numbered
    ("Журналісты тэлеканала «Белсат» працуюць у Польшчы.", [("Белсат", "belsat"), ("Польшчы", "poland")]),
    # a date after a place is no number of a thing named after it
    ("Мітынг у Курапатах 15 красавіка сабраў людзей.", [("Курапатах", "kurapaty")]),
    # a place's name alone in quotes is another thing's name (a festival, a hotel, a club, an
    # airport, a book), in any case form; after a word that speaks of the name it is the place
    ("Фільм атрымаў прыз кінафестываля «Расія».", []),
    ("Мы жылі ў гасцініцы «Мінск».", []),
    ("Делегация жила в гостинице «Беларусь».", []),
    ("Самолёт приземлился в аэропорту «Минск».", []),
    ("«Гомель» и «Металлург» сыграли вничью.", []),
    ("Гарнякі гуляюць з «Мінскам».", []),
    ("Он снова поехал в «Россию».", []),
    ("Дэпутаты хацелі вярнуць гістарычны назоў «Менск».", [("Менск", "minsk")]),
    ("Город под названием «Минск» известен с 1067 года.", [("Минск", "minsk")]),
    # a place's name of several words may stand in quotes as its informal name
    ("Стрим вели с «Площади Перемен».", [("Площади Перемен", "square-of-changes")]),
]


def test_a_kind_word_alone_resolves_to_nothing() -> None:
    n = Normalizer.default()
    assert n.resolve("Тэлеканал") is None
    assert n.resolve("Тэлеканал «Белсат»") is not None


LINKS["the Ukrainian name of the country in its case forms"] = [
    ("Україна і Білорусь підписали угоду.", [("Україна", "ukraine"), ("Білорусь", "belarus")]),
    (
        "Посол Білорусі в Україні прибув до Києва.",
        [("Білорусі", "belarus"), ("Україні", "ukraine"), ("Києва", "kyiv")],
    ),
    ("Кордон з Білоруссю закрито.", [("Білоруссю", "belarus")]),
]


LINKS["a surname alone in a text that named another person of it in full"] = [
    # a surname alone in a text that named another person of it in full, and never the listed
    # one: the other person's (a namesake the tables lack, another given name; or another listed
    # person of the surname)
    ("Даниил Медведев выиграл турнир. Для Медведева это десятый титул.", []),
    ("Alexander Tsikhanouskaya spoke first. Then Tsikhanouskaya left.", []),
    # the given name in a case form of it (Иосифа, Даниилом: the given-names table's inflection)
    ("По словам Иосифа Пригожина, певица вернётся. Пригожин ответил с улыбкой.", []),
    ("Интервью с Даниилом Медведевым вышло. Медведев выиграл турнир.", []),
    (
        "Интервью с Дмитрием Медведевым вышло. Медведев заявил.",
        [("Дмитрием Медведевым", "dmitry-medvedev"), ("Медведев", "dmitry-medvedev")],
    ),
    # before the full name too (a headline first): the text never names the listed one
    ("Теннисист Медведев выиграл. Россиянин Даниил Медведев стал победителем.", []),
    # a name part after the surname says more than the surname (a patronymic)
    ("Sviatlana Lukashenko came. Later Lukashenko Grigoryevich spoke.", [("Lukashenko", "alexander-lukashenko")]),
    # the name in full in Ukrainian (a given name in its case read by its nominative: Світлани)
    (
        "Заява Світлани Тихановської. Тихановська відповіла.",
        [("Світлани Тихановської", "sviatlana-tsikhanouskaya"), ("Тихановська", "sviatlana-tsikhanouskaya")],
    ),
    # the listed person named in full, a title before the surname, or a listed relative named
    # in full beside a person known by the surname alone: linked
    (
        "Николай Лукашенко пришёл с отцом. Лукашенко заявил.",
        [("Николай Лукашенко", "nikolai-lukashenko"), ("Лукашенко", "alexander-lukashenko")],
    ),
    (
        "Дмитрий Медведев заявил. Медведев добавил.",
        [("Дмитрий Медведев", "dmitry-medvedev"), ("Медведев", "dmitry-medvedev")],
    ),
    ("Даниил Медведев выиграл. Премьер-министр Медведев поздравил.", [("Медведев", "dmitry-medvedev")]),
    # two persons of the surname named in full, one of the tables whom the surname alone does not
    # name: the surname alone is either's
    (
        "Лариса Шойгу, сестра министра Сергея Шойгу, умерла в 2021 году. Смерть Шойгу связали с болезнью.",
        [("Сергея Шойгу", "sergei-shoigu")],
    ),
    # another text: the surname alone is linked
    ("Медведев добавил.", [("Медведев", "dmitry-medvedev")]),
]


def test_a_surname_alone_after_a_relative_in_full_when_the_surname_says_nobody_alone() -> None:
    # two persons of one surname, neither known by it alone: after one is named in full, the
    # surname alone is not the other
    n = Normalizer.from_records(
        [
            {
                "id": "husband",
                "type": "person",
                "canonical": "Ivan Zhuk",
                "names": ["Иван Жук"],
                "gender": "m",
                "prominence": 40,
            },
            {
                "id": "wife",
                "type": "person",
                "canonical": "Olga Zhuk",
                "names": ["Ольга Жук"],
                "gender": "f",
                "prominence": 30,
            },
        ]
    )
    rw = Rewriter(n)
    assert linked(rw, "Ольга Жук уехала. Жук работает в Вильнюсе.") == [("Ольга Жук", "wife")]
    assert n.resolve("Жук") is not None  # the surname alone resolves: the text decides


LINKS["Latin case forms of surnames in Polish, Czech and German"] = [
    # the case forms of surnames in Polish, Czech and German text (the `latin` rows)
    ("Spotkanie z Władimirem Putinem trwało godzinę.", [("Władimirem Putinem", "vladimir-putin")]),
    ("Naród powstał przeciwko Łukaszence.", [("Łukaszence", "alexander-lukashenko")]),
    (
        "Rząd obniżył poziom ochrony Swiatłany Cichanouskiej.",
        [("Swiatłany Cichanouskiej", "sviatlana-tsikhanouskaya")],
    ),
    ("Jde o boj proti Lukašenkovi.", [("Lukašenkovi", "alexander-lukashenko")]),
    ("Die EU erkennt die Wiederwahl Lukaschenkos nicht an.", [("Lukaschenkos", "alexander-lukashenko")]),
    # a surname's case ending makes no place of a common word (Polaka: a Pole, not Полацак)
    ("Sąd skazał Polaka na trzy lata.", []),
]


LINKS["case forms of surnames in Łacinka"] = [
    # the rows of Belarusian grammar written in Łacinka: a woman's -skaj, -skuju of -skaja, a man's
    # -evym of -eŭ; the feminine form is never the husband's (Cichanoŭskaj is not Cichanoŭski)
    ("Ofis Cichanoŭskaj pracuje ŭ Vilni.", [("Cichanoŭskaj", "sviatlana-tsikhanouskaya"), ("Vilni", "vilnius")]),
    ("Ŭłady vysłali Cichanoŭskuju z krainy.", [("Cichanoŭskuju", "sviatlana-tsikhanouskaya")]),
    ("Achova Śviatłany Cichanoŭskaj źmienšyłasia.", [("Śviatłany Cichanoŭskaj", "sviatlana-tsikhanouskaya")]),
    (
        "Sustreča z Uładzimiram Niaklajevym adbyłasia ŭ Miensku.",
        [
            ("Uładzimiram Niaklajevym", "uladzimir-nyaklyayew"),
            ("Miensku", "minsk"),
        ],
    ),
    # a conjunction after a name stays outside its span (i, and)
    ("Pavodle jaho, Biełaruś i Litva supracoŭničajuć.", [("Biełaruś", "belarus"), ("Litva", "lithuania")]),
]


LINKS["one name in two forms joined by a slash"] = [
    # two forms of one name joined by a slash alone are one mention, rewritten once
    ("The broadcaster RFE/RL reported the arrests.", [("RFE/RL", "radio-svaboda")]),
    (
        "Radio Free Europe / Radio Liberty opened a bureau in Kyiv.",
        [("Radio Free Europe / Radio Liberty", "radio-svaboda"), ("Kyiv", "kyiv")],
    ),
    ("У Minsk/Мінск прыехалі госці.", [("Minsk/Мінск", "minsk")]),
    # two names of two entities stay two mentions
    ("Flights Minsk/Moscow were cancelled.", [("Minsk", "minsk"), ("Moscow", "moscow")]),
]


def test_one_name_joined_by_a_slash_is_rewritten_once() -> None:
    rw = Rewriter(Normalizer.default())
    assert rw.rewrite("Radio Free Europe/Radio Liberty (RFE/RL) said.").text == "Radio Svaboda (Radio Svaboda) said."


LINKS["an acronym's letters, each a word"] = [
    # a letter written twice is two words of the name, which the key folds as a double consonant
    ("The agency APP reported from Karachi.", []),
    ("Делегаты ВНС собрались в Минске.", [("ВНС", "all-belarusian-peoples-assembly"), ("Минске", "minsk")]),
]


LINKS["an institution named after a person"] = [
    # имени, им., імя and the Latin im. after a name: another institution, named after a person
    ("БГК им. Мешкова обыграл соперника.", []),
    ("Klub BGK im. Meshkova wygrał mecz.", []),
    ("Правозащитники БХК заявили о задержаниях.", [("БХК", "belarusian-helsinki-committee")]),
    ("BHC im Jahr 2021 geschlossen.", [("BHC", "belarusian-helsinki-committee")]),
]


LINKS["a brand written in capitals"] = [
    # a place's name in capitals right before a word in small letters, in a line in small letters
    ("The delegation toured the BELARUS machinery exhibition.", []),
    ("Dealers promote BELARUS machines in Africa.", []),
    ("Exports from BELARUS and Russia grew.", [("BELARUS", "belarus"), ("Russia", "russia")]),
    ("MINSK, Jan 22 - the talks began.", [("MINSK", "minsk")]),
]


LINKS["a range of days after a town's name"] = [
    # a number after a town's name is a channel's (Беларусь 1), but a range of days is a date
    ("Форум пройдёт в Могилёве 4-5 октября.", [("Могилёве", "mogilev")]),
    ("Выставка откроется в Минске 10–12 мая.", [("Минске", "minsk")]),
]


LINKS["an English name that goes on after of"] = [
    # of and a capitalised word that names nothing of the tables: a longer name, another body's
    ("He heads the Belarusian Union of Artists.", []),
    ("The President of the National Assembly of People's Power of Cuba arrived.", []),
    # a place of the tables after of is an owner, a personal name too
    ("The KGB of Belarus arrested him.", [("KGB of Belarus", "kgb-belarus")]),
    ("Viasna of Ales Bialiatski reported the arrests.", [("Viasna", "viasna"), ("Ales Bialiatski", "ales-bialiatski")]),
]


LINKS["the words of an organisation's name after its head come first"] = [
    # a word said again ends a name: the assembly's Республики is the one after собрания, not the
    # Council's before it
    (
        "Председатель Совета Республики Национального собрания Республики Беларусь выступила.",
        [("Национального собрания Республики Беларусь", "national-assembly")],
    ),
]


LINKS["one initial and a surname of a person not known by the surname alone"] = [
    # one initial narrows a given name to a letter, which namesakes share: linked only after a
    # title or the name in full, as a surname alone (A.V.: the tables hold no patronymic to check)
    ("Вершы С. Алейніка пераклалі на беларускую мову.", []),
    ("The ensemble named after A.V. Alexandrov toured the country.", []),
    (
        "Дыпламат Сяргей Алейнік прыехаў. Потым С. Алейнік заявіў пра перамовы.",
        [("Сяргей Алейнік", "sergei-aleinik"), ("С. Алейнік", "sergei-aleinik")],
    ),
    ("Міністр С. Алейнік заявіў пра перамовы.", [("С. Алейнік", "sergei-aleinik")]),
    # a person known by the surname alone needs none
    ("Вчера А. Лукашенко заявил о переговорах.", [("А. Лукашенко", "alexander-lukashenko")]),
]


LINKS["the states' names in the languages of European news"] = [
    ("Die Opposition in Weißrussland und Litauen ist laut.", [("Weißrussland", "belarus"), ("Litauen", "lithuania")]),
    ("De oppositie in Wit-Rusland protesteert.", [("Wit-Rusland", "belarus")]),
    ("Baltkrievija un Krievija organizē migrāciju.", [("Baltkrievija", "belarus"), ("Krievija", "russia")]),
    # the Latvian and Lithuanian names of towns (Viļņa, Vilnius; Astravas, Astravets)
    ("Autobuss no Viļņas kursē katru dienu.", [("Viļņas", "vilnius")]),
    ("Astravas ir Gardinas.", [("Astravas", "astravets"), ("Gardinas", "hrodna")]),
    # names left out whose key is a common word's: the Polish and Czech adjectives, the diaspora
    ("Białoruska liderka opozycji przemawiała.", []),
    ("Běloruská exilová vláda sídlila v Praze.", []),
    ("Polonia amerykańska świętowała rocznicę.", []),
]


LINKS["the Ukrainian case forms of names"] = [
    # read from the tables' Russian names by the `uk` rows of inflection.yaml (never written)
    (
        "Делегація була у Києві, у Вільнюсі, Бресті та Могильові.",
        [("Києві", "kyiv"), ("Вільнюсі", "vilnius"), ("Бресті", "brest"), ("Могильові", "mogilev")],
    ),
    (
        "Лукашенкові дзвонив Путін, а Бабарикові ні.",
        [("Лукашенкові", "alexander-lukashenko"), ("Путін", "vladimir-putin"), ("Бабарикові", "viktar-babaryka")],
    ),
    # a given name in the Ukrainian dative is a given name: another's rules the listed person out
    (
        "Олександрові Лукашенкові та Віктору Лукашенку.",
        [("Олександрові Лукашенкові", "alexander-lukashenko"), ("Віктору Лукашенку", "viktor-lukashenko")],
    ),
    ("Марії Колесніковій дали 11 років, а Ользі Колесніковій ні.", [("Марії Колесніковій", "maria-kalesnikava")]),
]


LINKS["a name after a word for a club, a unit or a ship is that thing's"] = [
    # a military unit or a ship named after a company's brand or a town (kind_words)
    ("Батальён «Волат» ваюе на фронце; «Волат» страціў двух байцоў.", []),
    ("Крейсер «Москва» затонул в Чёрном море, а в Москве молчали.", [("Москве", "moscow")]),
    ("Авианосец «Минск» продали в Китай.", []),
    # the names of a list after the word, in brackets or quotes, joined by a conjunction
    ("Polk składa się z dwóch batalionów (Wołat i Litwin).", []),
    ("Батальоны «Литвин» и «Волат» понесли потери.", []),
    ("Завод выпускает тягачи под маркой «Волат».", [("Волат", "mzkt")]),
    # a case form after it is the company's own (the outlet's team)
    ("Поддержать команду Зеркала.", [("Зеркала", "zerkalo")]),
]


LINKS["a name after a word for a club is the club's"] = [
    # a club is named after its town or its patron company (kind_words of org_words.yaml): the
    # name as written right after a word for a club or team is the club's, and so is the same
    # name alone elsewhere in the text
    ("Футбольный клуб «Нафтан» вылетел из высшей лиги.", []),
    (
        "Нафтан проиграл. ФК Нафтан вылетел из лиги, а «Нафтан» снова проиграл в Новополоцке.",
        [("Новополоцке", "navapolatsk")],
    ),
    ("Між футбольними клубами Нафтан і Білшина.", []),
    ("Klub «Gomel» i FC Naftan zagrali w Homlu.", [("Homlu", "gomel")]),
    # a case form after it is the town's or the company's own team; a state's name, the state's
    ("Команда Минска выиграла, и команда Беларусь тоже.", [("Минска", "minsk"), ("Беларусь", "belarus")]),
    ("Каманда «Нафтана» выйграла спартакіяду.", [("Нафтана", "naftan")]),
    # an organisation whose own name is a club's is named by it
    ("Пресс-клуб Беларусь провёл встречу.", [("Пресс-клуб Беларусь", "press-club-belarus")]),
    ("Нафтан увеличил переработку нефти.", [("Нафтан", "naftan")]),
    # the company's name after its legal form is the company's in that text all the same
    ("ФК Нафтан проиграл. На ОАО «Нафтан» прошла проверка.", [("Нафтан", "naftan")]),
]


LINKS["an acronym that names an organisation weakly needs its name in the text"] = [
    # two Latin letters, letters the tables do not write the organisation with (made from its
    # name's initials: BTA), or its letters in another case (BnF is no BNF): not alone
    ("BT Sport shows the Premier League in Britain.", []),
    ("BTA reported from Sofia on Monday.", []),
    ("La BnF conserve des manuscrits anciens.", []),
    (
        "Belteleradiocompany, known as BT, aired the speech; BT also showed the parade.",
        [
            ("Belteleradiocompany", "belteleradiocompany"),
            ("BT", "belteleradiocompany"),
            ("BT", "belteleradiocompany"),
        ],
    ),
    # a Latin acronym is read letter by letter against the tables' own: MTS and MTC, the mobile
    # operators, are no MTZ (TS, C and TZ would all read as ц)
    ("MTS and MTC sell mobile contracts in Minsk.", [("Minsk", "minsk")]),
    # an acronym and its case forms are written in capitals: the name Musa is no MUS (МУС)
    (
        "Petković, Musa, Oršić and Ademi played; MUS and МУСа said.",
        [("MUS", "interior-ministry"), ("МУСа", "interior-ministry")],
    ),
    # but a romanization of the Cyrillic letters is the same acronym, and a name in capitals a name
    (
        "TsIK and BAZh issued statements.",
        [("TsIK", "central-election-commission"), ("BAZh", "belarusian-association-of-journalists")],
    ),
    ("BELAVIA airlines flew to Batumi.", [("BELAVIA", "belavia")]),
    # the text spells the letters out as another name's initials: that name's acronym there, but for
    # a slip of typing in the entity's own name
    ("The United Conservative Party won in Alberta; the UCP leader spoke.", []),
    (
        "The United Civic Party (UCP) of Belarus; UCP leaders were arrested.",
        [
            ("United Civic Party", "united-civic-party"),
            ("UCP", "united-civic-party"),
            ("Belarus", "belarus"),
            ("UCP", "united-civic-party"),
        ],
    ),
    (
        "In 2020 the Belarusian Sport Solidatary Foundation was formed. BSSF asked the IOC.",
        [("BSSF", "belarusian-sport-solidarity-foundation")],
    ),
    # a name's own initials that an organisation of the tables is known by, where its own Latin name
    # spells them with other words: the Belarusian People's Committee of 1918 is no Potash Company
    ("Беларускі народны камітэт і Belarusian People's Committee склікалі з'езд.", []),
]


LINKS["an organisation's name that opens with a place's name"] = [
    (
        "The sanctions hit Belarus Potash Company (BPC) in 2021.",
        [("Belarus Potash Company", "belarusian-potash-company"), ("BPC", "belarusian-potash-company")],
    ),
    # a company's name of a town's name and a legal form or a word for a works (English order)
    ("Grodno Khimvolokno JSC makes fibre in Grodno.", [("Grodno", "hrodna")]),
    ("Moscow Oil Refinery holds a stake.", []),
    # capitalised words before an organisation's name, a possessive among them: another's name
    ("The Belarusian Athletes’ Solidarity Foundation helps athletes.", []),
]


LINKS["a town's name beside a sports society's name, or a side of a match, is a club's"] = [
    # Dynamo, Shakhtyor (club_names of org_words.yaml) before or after the town, a club's
    # abbreviation after it: the club, and so the name alone in that text, but after a preposition
    # of place or in brackets
    ("Dinamo Minsk lost at home; later Minsk struck back, and the next game is in Minsk.", [("Minsk", "minsk")]),
    ("Шахцёр Салігорск абыграў Дынама Брэст.", []),
    ("Вчера ХК «Динамо» Минск проиграл, а „Dinamo“ Minsk wygrało.", []),
    ("Dynamo (Minsk) won; Minsk Dynamo lost.", [("Minsk", "minsk")]),
    # the text names a club by its town: its other towns' names are clubs too, but after a preposition
    ("Dinamo Brest lost 0-1 away to Vitebsk; in Vitebsk it rained.", [("Vitebsk", "vitebsk")]),
    ("BATE Barysau vs Homel FC ended in a draw.", []),
    ("Yesterday Soligorsk Shakhter F.C. won.", []),
    # a company's name of one word in quotes in a league's report (a sports society named in quotes)
    ("«Слуцк» поделил очки с минским «Динамо», а «Нафтан» – с «Шахтёром».", []),
    (
        "Как сообщает «БелТА», «Динамо» выиграло; на ОАО «Нафтан» прошла проверка.",
        [("БелТА", "belta"), ("Нафтан", "naftan")],
    ),
    # two sides joined by a dash in a sentence with a score; a timetable's hours are no score
    ("Sluck – Belšina Babrujsk 3:2, Isloč Minsk – Vitebsk 2:0.", []),
    ("Поезд Минск – Москва отправился в 7:40.", [("Минск", "minsk"), ("Москва", "moscow")]),
    # a club's name in quotes opening a sentence: capitalised words only, no quoted speech
    ("«Мешков Брест» выиграл у «Вардара».", []),
]


LINKS["a realm of the past is no state of today"] = [
    (
        "Nesvizh lay in the Grand Duchy of Lithuania, later in the Kingdom of Poland; today Poland and Lithuania "
        "are neighbours.",
        [("Nesvizh", "nyasvizh"), ("Poland", "poland"), ("Lithuania", "lithuania")],
    ),
    ("Das Großfürstentum Litauen und das Königreich Polen; heute Polen.", [("Polen", "poland")]),
    # a monarch's title: the states of the tables have none today
    (
        "The Grand Dukes of Lithuania and the King of Poland met; today Lithuania and Poland are allies.",
        [("Lithuania", "lithuania"), ("Poland", "poland")],
    ),
    (
        "The President of Poland met the Prime Minister of Lithuania.",
        [("Poland", "poland"), ("Lithuania", "lithuania")],
    ),
]


LINKS["a Cyrillic word with a soft sign meets a place by its Cyrillic names"] = [
    # the Ukrainian adjective Польська (Polish) keys as Polska, the Polish name: no place
    ("Польська влада закрила кордон з Польщею.", [("Польщею", "poland")]),
]


LINKS["a word's first ў is у"] = [
    # Belarusian writes the non-syllabic у at the start of a word after a vowel (ва Ўкраіне): the
    # name as its spellings hold it, and the text as written
    (
        "Ён з'ехаў ва Ўкраіну і сустрэўся з Ўладзімерам Арловым.",
        [("Ўкраіну", "ukraine"), ("Ўладзімерам Арловым", "uladzimir-arlou")],
    ),
    ("Va Ŭkrainie jon sustreŭsia z Arłovym.", [("Ŭkrainie", "ukraine")]),
]


LINKS["a place's name in the title of a channel, a programme or a paper"] = [
    # after a word for a medium, the title in quotes is the medium's, whatever its other words are
    # written in; a dot between two words is no end of a sentence inside it; the same title opened
    # by the place's name elsewhere in the text is the medium's too, and the place's name in another
    # sentence stays the place
    (
        "Телеграм-канал «Беларусь сегодняшняя» выложил снимки. Об этом пишут авторы «Беларуси сегодняшней», "
        "а в Беларуси молчат.",
        [("Беларуси", "belarus")],
    ),
    ("Пра гэта расказалі ў праграме «Беларусь.Навіны». Мінск маўчыць.", [("Мінск", "minsk")]),
    ("Газета «Минск вечерний» вышла в понедельник.", []),
    ("Он сказал: «Беларусь выбрала свободу».", [("Беларусь", "belarus")]),
    # an organisation's name in quotes after such a word is the medium itself
    ("Газета «Наша Ніва» піша пра гэта.", [("Наша Ніва", "nasha-niva")]),
    ("Он приехал в Минск.Там было тихо.", [("Минск", "minsk")]),
]


LINKS["a town's name joined by a dash to a sports society's"] = [
    ("Болельщики ХК «Динамо—Минск» пришли на матч в Минске.", [("Минске", "minsk")]),
    ("Dinamo-Brest won the cup in Brest.", [("Brest", "brest")]),
    # a route joins two towns, no society
    ("Поезд Минск—Гомель отправился.", [("Минск", "minsk"), ("Гомель", "gomel")]),
]


LINKS["the second name of a union of realms"] = [
    # a name joined by a hyphen to a realm's name after a realm's words is the realm's too
    ("Ce territoire faisait partie du royaume de Pologne-Lituanie.", []),
    ("Les relations entre la Pologne et la Lituanie.", [("Pologne", "poland"), ("Lituanie", "lithuania")]),
]


LINKS["a word for what is named after a place opening a sentence"] = [
    # a word of named_after before a place's name in Latin letters makes one name with it, at the
    # start of a sentence too; a word that is no such word leaves the place
    ("Hotel Minsk opened a new wing.", []),
    ("Museum Minsk is closed on Mondays.", []),
    ("Today Minsk is calm.", [("Minsk", "minsk")]),
]


LINKS["a patronymic the tables hold rules out a namesake"] = [
    # Ales Pushkin is Аляксандр Мікалаевіч: the poet Александр Сергеевич is someone else, and so is
    # his surname alone in that text
    ("Экскурсия по местам Александра Сергеевича Пушкина: здесь гулял Пушкин.", []),
    (
        "Мастак Алесь Пушкін нарадзіўся ў 1965 годзе. Пушкін памёр у турме ў Гродне.",
        [("Алесь Пушкін", "ales-pushkin"), ("Пушкін", "ales-pushkin"), ("Гродне", "hrodna")],
    ),
]


LINKS["a parliament is a body every state has"] = [
    # the National Assembly alone is Belarus's only where the text says so: its sentence names
    # Belarus, a town or region of it or a person of its public life, or English makes Belarus its
    # owner; in a text of another state it is that state's
    ("Депутаты Национального собрания Армении собрались в Ереване.", []),
    ("The National Assembly in Yerevan elected a new speaker.", []),
    (
        "The National Assembly passed the law, Lukashenko said.",
        [("National Assembly", "national-assembly"), ("Lukashenko", "alexander-lukashenko")],
    ),
    ("Belarus’ National Assembly met.", [("Belarus", "belarus"), ("National Assembly", "national-assembly")]),
    (
        "Дэпутат Нацыянальнага сходу правёў прыём у Гомелі.",
        [("Нацыянальнага сходу", "national-assembly"), ("Гомелі", "gomel")],
    ),
    # a name that holds the state's adjective says whose it is, after "all-" too
    (
        "Всебелорусское народное собрание открылось.",
        [("Всебелорусское народное собрание", "all-belarusian-peoples-assembly")],
    ),
    (
        "The All-Belarusian People's Assembly opened.",
        [("All-Belarusian People's Assembly", "all-belarusian-peoples-assembly")],
    ),
]


LINKS["a work's title in quotes after its author's name"] = [
    # a word for a work, its author's name and the title in quotes: the work's, there and in quotes
    # elsewhere in the text; the medium of the name stays itself
    (
        "В кинотеатре шёл фильм Андрея Тарковского «Зеркало». Потом «Зеркало» показывали в Минске.",
        [("Минске", "minsk")],
    ),
    ("Издание «Зеркало» написало о фильме.", [("Зеркало", "zerkalo")]),
]


LINKS["a century before an organisation was founded"] = [
    # the sentence speaks of a time before the party of the name was founded
    ("Уже в XVI веке название Белая Русь переходит на западные земли.", []),
    ("Партия «Белая Русь» провела съезд в Минске.", [("Белая Русь", "belaya-rus"), ("Минске", "minsk")]),
]


LINKS["a realm's word after the place's name in the genitive"] = [
    # Lithuanian and Finnish put the state's name in the genitive before the realm's word, English
    # makes the name an attributive noun before it; an empire is the state today's state continues
    ("Vytautas buvo Lietuvos Didžiosios Kunigaikštystės valdovas.", []),
    ("Liettuan suuriruhtinaskunta oli suuri valtio.", []),
    ("Under the Polotsk principality the town grew.", []),
    ("Lietuvos prezidentas lankėsi Minske.", [("Lietuvos", "lithuania"), ("Minske", "minsk")]),
    ("Rusijos imperija užėmė šias žemes.", [("Rusijos", "russia")]),
]


LINKS["a monarch's title written with ß"] = [
    # the word lists are read casefolded (grossfürst); the text writes ß
    ("Er war Großfürst von Litauen.", []),
    ("Er war Großhetman von Litauen.", []),
    ("Der Präsident von Litauen kam nach Minsk.", [("Litauen", "lithuania"), ("Minsk", "minsk")]),
]


LINKS["a channel named after a place"] = [
    # after a word for a medium, a place's name numbered or as the tables write it is the channel's;
    # the place's genitive is the place's own television
    ("Дзяржаўны тэлеканал Беларусь 1 паведаміў пра гэта.", []),
    ("Телеканал Россия 24 сообщил об этом.", []),
    ("Телевидение Беларуси сообщило об этом.", [("Беларуси", "belarus")]),
    # a Bulgarian adjective of a place, with its article
    ("Завършва Минския държавен педагогически институт.", []),
]


LINKS["a word of birth before a name and a year after it"] = [
    # the order of a biography's sentence: the Moscow novelist born in 1936 is no writer of 1953
    ("Родился Владимир Орлов в Москве в 1936 году.", [("Москве", "moscow")]),
    (
        "Нарадзіўся Уладзімір Арлоў у Полацку ў 1953 годзе.",
        [("Уладзімір Арлоў", "uladzimir-arlou"), ("Полацку", "polotsk")],
    ),
]


LINKS["a place's name joined to an adjective by a hyphen is another town's"] = [
    # Mohyliv-Podilskyi in Ukraine: the compound is another town, and so is the name alone in that
    # text; the adjective of a state names the town itself by its state (Brest-Litovsk, Brest)
    ("Город Могилёв-Подольский стоит на Днестре. Могилёв был уездным городом.", []),
    ("Mohyliv-Podilskyi lies on the Dniester; Mohyliv was a Polish town.", []),
    ("Брест-Литовский мир подписали. Брест тогда был польским.", [("Брест", "brest")]),
    ("Поезд Мінск-Гомель выехаў.", [("Мінск", "minsk"), ("Гомель", "gomel")]),
]


LINKS["a body's acronym written elsewhere with another owner"] = [
    # the text writes the acronym of a body every state has with another state's name after it
    # (МИД Турции, МЗС Украіны): the acronym alone in that text may be that state's
    ("Об этом сообщает МИД Турции. В заявлении МИД говорится о переговорах.", []),
    ("Пра гэта паведаміла МЗС Украіны. У заяве МЗС гаворыцца пра перамовы.", [("Украіны", "ukraine")]),
    # its own state after it: its own body
    (
        "МИД Беларуси заявил. В заявлении МИД говорится о переговорах.",
        [("МИД Беларуси", "foreign-ministry"), ("МИД", "foreign-ministry")],
    ),
]


LINKS["a given name between two surnames opens the second name"] = [
    # running text writes the given name before the surname; a surname first takes its given name
    # and patronymic, or a comma, after it
    (
        "Заява апанентки Лукашэнкі Святланы Ціханоўскай.",
        [("Лукашэнкі", "alexander-lukashenko"), ("Святланы Ціханоўскай", "sviatlana-tsikhanouskaya")],
    ),
    (
        "Указ подписал Лукашенко Александр Григорьевич.",
        [("Лукашенко Александр Григорьевич", "alexander-lukashenko")],
    ),
    # a word after the given name that is no surname of the tables leaves the name surname first
    ("Лукашенко Анна Москва", []),
]


LINKS["an acronym's letters are read as themselves"] = [
    # O is no A in an acronym (MOP, muriate of potash, is no MAP, the initials of Minsk Automobile
    # Plant), though the key of a word folds unstressed о and а
    ("The price of muriate of potash (MOP) fell.", []),
    ("ОМОН и АМАП, OMON и AMAP.", [("ОМОН", "omon"), ("АМАП", "omon"), ("OMON", "omon"), ("AMAP", "omon")]),
    ("ЦИК и TsIK.", [("ЦИК", "central-election-commission"), ("TsIK", "central-election-commission")]),
]


LINKS["a word of an acronym's key in small letters is another word"] = [
    # the key folds о and а: Омана (of Оман) and Амоніі key as ОМОН, which the tables write in
    # capitals and as the Latin OMON; the acronym's own forms are written in capitals (ОМОНа)
    ("Рейс из Омана прибыл в Минск.", [("Минск", "minsk")]),
    ("Кіпрскі клуб «Амоніі» перамог.", []),
    ("Задержали бойцы ОМОНа.", [("ОМОНа", "omon")]),
]


LINKS["the people of a state in the plural is no place"] = [
    # the nouns for a people (people_words of org_words.yaml) share a key with the state's case
    # forms: the Slovak Bielorusi and Беларусі, the Croatian Rusi and Rusiji
    ("Bielorusi majú dobrý tím, Bielorusko nie.", []),
    ("Rusi su glasali, a u Rusiji su izbori.", [("Rusiji", "russia")]),
    ("Lietuviai ir Baltarusiai susitiko Baltarusijoje.", [("Baltarusijoje", "belarus")]),
    (
        "Gli Ucraini e i Bielorussi vivono in Italia; l'Ucraina e la Bielorussia no.",
        [("Ucraina", "ukraine"), ("Bielorussia", "belarus")],
    ),
    # the German Polen is Poland as well as the Poles: the tables' own form wins
    ("Polen und Litauen grenzen an Belarus.", [("Polen", "poland"), ("Litauen", "lithuania"), ("Belarus", "belarus")]),
]


LINKS["a place's name of one word is met by its forms, not by a near key"] = [
    # the index holds every spelling and case form of a place the tables name in Cyrillic; a word a
    # key or two apart is another word of the stem (the river Babruyka by the town Babruysk)
    ("The Babruyka river flows into the Berezina near Babruysk.", [("Babruysk", "babruysk")]),
    ("Poljaci i Litvanci glasali su.", []),
    # a place's other language's name is one of its names (Polish Baranowicze, Nowogródek)
    (
        "Baranowicze i Nowogródek leżą na Białorusi.",
        [("Baranowicze", "baranavichy"), ("Nowogródek", "navahrudak"), ("Białorusi", "belarus")],
    ),
    # a Czech or Slovak adjective in -í, -ý is none of a place's forms (Hradní: of a castle)
    ("Hradní stráž střeží Pražský hrad.", []),
]


LINKS["an adjective in the instrumental plural is no organisation's name"] = [
    # the instrumental plural -ыми, -ымі of an adjective is read to its stem, an ordinary word
    # (аўтамабільны, of BelAZ's name) that names no organisation alone
    ("Аўтамабільнымі дарогамі Беларусі ехалі фуры.", [("Беларусі", "belarus")]),
    ("Автомобильными дорогами России ехали фуры.", [("России", "russia")]),
]


LINKS["a word of East Slavic letters meets a place by its Cyrillic names"] = [
    # a Belarusian or Ukrainian word (э, ы, ў, і …) is no other language's Latin name of a place
    # whose key it shares: the village Крэва (у Крэве) is not Latvian Krievija, Russia
    ("Крэўская унія была заключана ў Крэве ў 1385 годзе.", []),
    ("Замак у Крэве стаіць з XIV стагоддзя, а ў Расіі такіх няма.", [("Расіі", "russia")]),
    # the Cyrillic of Serbian and Bulgarian writes the states' names as their Latin names do
    ("Србија и Русија потписале су споразум.", [("Русија", "russia")]),
    ("Русия и Беларус подписаха договор.", [("Русия", "russia")]),
]


LINKS["a particle before a surname after a word in small letters is a preposition"] = [
    # de, von, di make a surname with the next word after a given name or initials only
    ("La revendication de Loukachenko a été rejetée.", [("Loukachenko", "alexander-lukashenko")]),
    ("Die Politik von Lukaschenko ist hart.", [("Lukaschenko", "alexander-lukashenko")]),
    ("Il governo di Lukashenko resiste.", [("Lukashenko", "alexander-lukashenko")]),
]


LINKS["a town's name before a Lithuanian or Latvian word for a district"] = [
    ("Grodņas apgabala Astravjecas rajonā būvē elektrostaciju.", []),
    ("Astravo rajone statoma elektrinė.", []),
]


LINKS["a title and the surname after it agree in case"] = [
    # after a title in an oblique case, a woman's nominative is a man's surname in that case
    ("Армия генерала Власова сдалась.", []),
    ("Заявление министра Власовой опубликовано.", [("Власовой", "lilia-vlasova")]),
    ("Министр Власова заявила о переговорах.", [("Власова", "lilia-vlasova")]),
]


LINKS["an acronym of Latin letters the tables list"] = [
    # the potash trader's BPC, listed, and not the church's БПЦ spelled in Latin letters
    ("According to the BPC press office, exports to India grew.", [("BPC", "belarusian-potash-company")]),
    ("Мітрапаліт БПЦ Веніямін адслужыў літургію.", [("БПЦ", "belarusian-orthodox-church")]),
]


LINKS["an acronym the text defines"] = [
    # an acronym in brackets after words whose initials spell it is that name's in the text
    ("Baltic Pipeline Corp (BPC) builds pipes. BPC clients pay more.", []),
    (
        "The Belarusian Association of Journalists (BAJ) said. BAJ works.",
        [
            ("Belarusian Association of Journalists", "belarusian-association-of-journalists"),
            ("BAJ", "belarusian-association-of-journalists"),
            ("BAJ", "belarusian-association-of-journalists"),
        ],
    ),
]


LINKS["the past tense after a surname alone says its gender"] = [
    # a verb in the past tense after a surname alone in the nominative agrees with it: a woman's
    # verb after a surname both genders share is no man's (and the other way round)
    ("Цепкало уехала из страны ещё до выборов.", []),
    ("Цапкала выехала з краіны.", []),
    ("Лукашенко заявила журналистам.", []),
    ("Лукашенко заявил журналистам.", [("Лукашенко", "alexander-lukashenko")]),
    ("Лукашэнка зноў заявіў.", [("Лукашэнка", "alexander-lukashenko")]),
    ("Ціханоўская заявіла пра выбары.", [("Ціханоўская", "sviatlana-tsikhanouskaya")]),
    # another case than the nominative is not the verb's subject
    ("Прэмію замест Бяляцкага атрымала ягоная жонка.", [("Бяляцкага", "ales-bialiatski")]),
]


LINKS["a place's name as written after a word for a street"] = [
    # the street's name, named after a person or a place, not the place named after the street
    ("1-й переулок Окрестина в Минске назван в честь лётчика.", [("Минске", "minsk")]),
    ("ЦИП на улице Окрестина переполнен.", []),
    ("Центр изоляции правонарушителей в переулке Окрестина переполнен.", []),
    # the place by its name alone, and a town's case form after the word (the town's street)
    ("Задержанных отвезли на Окрестина.", [("Окрестина", "okrestina")]),
    ("Главная улица Минска закрыта.", [("Минска", "minsk")]),
    # але (but) is no street word, whatever its key
    (
        "Москва стверджує, що навчання не агресивні, але Україна висловлює стурбованість.",
        [
            ("Москва", "moscow"),
            ("Україна", "ukraine"),
        ],
    ),
]


LINKS["a call sign is a person's name"] = [
    # a place's or an organisation's name after a word that gives a call sign, a nickname or a
    # pseudonym is a person's; so is the same word alone elsewhere in that text
    ("Командир с позывным Брест погиб под Лисичанском. Брест был уважаем бойцами.", []),
    ("Баец з пазыўным «Мінск» вярнуўся ў Гомель.", [("Гомель", "gomel")]),
    ("A volunteer with the call sign Brest was wounded.", []),
    ("Żołnierz o pseudonimie „Grodno” wrócił do Warszawy.", [("Warszawy", "warsaw")]),
    ("Der Kämpfer mit dem Kampfnamen Minsk fiel.", []),
    ("Боец с позывным «Вагнер» погиб.", []),
    # a nickname in quotes after a given name
    ('Company commander Pavel "Volat" was wounded.', []),
    ("Камандзір Іван «Брэст» загінуў пад Бахмутам.", []),
    # another town of the text, the verb call, and the organisation elsewhere stay linked
    ("Командир с позывным Брест родом из Пинска.", [("Пинска", "pinsk")]),
    ("Residents call Brest a fortress city.", [("Brest", "brest")]),
    ("Наёмники «Вагнера» ушли.", [("Вагнера", "wagner-group")]),
]


LINKS["a word for a kind of place before the place's name"] = [
    # in apposition, the place itself (German capitalises every noun; an official name its words)
    ("Er lebt in der Stadt Minsk.", [("Minsk", "minsk")]),
    (
        "Der Präsident der Republik Belarus kam in die Hauptstadt Minsk.",
        [("Republik Belarus", "belarus"), ("Minsk", "minsk")],
    ),
    (
        "La Repubblica di Bielorussia confina con la Lituania.",
        [("Bielorussia", "belarus"), ("Lituania", "lithuania")],
    ),
    ("La República de Belarús es un país.", [("Belarús", "belarus")]),
    # another capitalised word before it makes another name
    ("We stayed at Hotel Minsk today.", []),
    ("The team Dynamo Minsk won.", []),
    # the words for a region in the Romance languages and Uzbek: the unit, not the town
    ("La regione di Gomel è grande.", []),
    ("La província de Hrodna és gran.", []),
    ("Grodno viloyati chegarada joylashgan.", []),
    ("Vive a Gomel con la famiglia.", [("Gomel", "gomel")]),
    # Danish, Hungarian; a hyphen or a dash between; two towns before the word in the plural
    ("Byen er centrum i Mogilev - regionen og Mogilev-provinsen.", []),
    ("Grodno régió és Grodno kerület fővárosa.", []),
    ("Groups of the Mogilev and Smolensk regions sang.", []),
    ("Betroffen waren die Gebiete Gomel, Mogilew und Witebsk.", []),
    ("Floods hit the Gomel, Mogilev and Vitebsk regions.", []),
    # a list by commas alone is an address: the town, then its region
    ("The plant is centred in Zhlobin, Gomel Region.", [("Zhlobin", "zhlobin")]),
    ("Die Städte Gomel und Brest wuchsen.", [("Gomel", "gomel"), ("Brest", "brest")]),
    ("Minsk and Brest are big towns.", [("Minsk", "minsk"), ("Brest", "brest")]),
    # an adjective after the word for the unit, or a word for the direction after de; the
    # Croatian, Serbian and Slovene regija in its cases
    ("La región bielorrusa de Grodno limita con Polonia.", []),
    ("La regione orientale di Mogilev è agricola.", []),
    ("Centrala se află în regiunea de vest Hrodno.", []),
    ("Elektrana je izgrađena u zapadnoj regiji Hrodno.", []),
    # no word for a unit: the town
    ("Trabaja en el centro histórico de Minsk.", [("Minsk", "minsk")]),
    ("Vive en la ciudad de Grodno.", [("Grodno", "hrodna")]),
]

LINKS["a given name after a title put before a given name alone"] = [
    # a patriarch, a metropolitan, a king by his given name: no surname its key also spells
    ("Патриарх Тихон умер в 1925 году.", []),
    ("Митрополит Тихон совершил богослужение.", []),
    # a word that is no given name keeps its reading after such a title, and other titles theirs
    ("Царь Лукашенко снова выступил.", [("Лукашенко", "alexander-lukashenko")]),
    ("Президент Зеленский выступил.", [("Зеленский", "volodymyr-zelenskyy")]),
]


LINKS["a surname after a word that speaks of a surname"] = [
    # the name as a word, which anyone may bear
    ("Танцовщик с фамилией Зеленский выступил в Тбилиси.", []),
    ("Человек по фамилии Лукашенко пришёл в суд.", []),
    ("A man surnamed Lukashenko was fined.", []),
]


LINKS["a namesake of another patronymic"] = [
    # a text that gives a person's given name and surname with another father's name speaks of
    # that namesake wherever no patronymic says which
    ("Станіслаў Пятровіч Шушкевіч нарадзіўся ў вёсцы. Пазней Станіслаў Шушкевіч паступіў у школу.", []),
    ("Аляксандр Іванавіч Лукашэнка прыйшоў. Аляксандр Лукашэнка сказаў.", []),
    ("Шушкевич Станислав Петрович родился в деревне. Станислав Шушкевич учился в школе.", []),
    # the person's own patronymic still names the person
    (
        "Станіслаў Пятровіч Шушкевіч і Станіслаў Станіслававіч Шушкевіч сустрэліся.",
        [("Станіслаў Станіслававіч Шушкевіч", "stanislav-shushkevich")],
    ),
    ("Станіслаў Шушкевіч выступіў у парламенце.", [("Станіслаў Шушкевіч", "stanislav-shushkevich")]),
]


LINKS["a nickname in quotes between the given name and the surname"] = [
    # the name in full, nickname and all, decides: the son, not the father by the bare surname
    ("Nikolai ”Kolja” Lukashenka, 16, stood beside him.", [("Nikolai ”Kolja” Lukashenka", "nikolai-lukashenko")]),
    ('Nikolai "Kolja" Lukashenko visited the school.', [('Nikolai "Kolja" Lukashenko', "nikolai-lukashenko")]),
    # a nickname with no given name before it is no name part
    ('The "Batka" Lukashenko said so.', [("Lukashenko", "alexander-lukashenko")]),
]


LINKS["a title before a surname the text gave another person in full"] = [
    # a person not known by the surname alone, whom the text never named in full: a title does
    # not say which of the two it is (the tables hold no one's occupation)
    ("Михаил Шеремет выступил в Думе. Депутат Шеремет заявил о планах.", []),
    (
        "Павел Шеремет работал журналистом. Журналист Шеремет погиб в Киеве.",
        [("Павел Шеремет", "pavel-sheremet"), ("Шеремет", "pavel-sheremet"), ("Киеве", "kyiv")],
    ),
    ("Депутат Шеремет заявил о планах.", [("Шеремет", "pavel-sheremet")]),
    # a person known by the surname alone keeps the title's reading
    (
        "Николай Лукашенко пришёл. Президент Лукашенко заявил.",
        [("Николай Лукашенко", "nikolai-lukashenko"), ("Лукашенко", "alexander-lukashenko")],
    ),
]

LINKS["a place's name in a list of titles in quotes"] = [
    # one of a list of quoted items is a title, as the others are
    ('В программе песни "Рушники", "Каляду", "Беловежскую Пущу" и другие.', []),
    # the name spoken of as a word stays the place's, and a place outside the list is linked
    ("U tekstach nie mahli pisać słovy «Biełaruś», «biełarusy».", [("Biełaruś", "belarus")]),
    ("Турысты наведалі «Рушнікі», «Каляду» і Брэст.", [("Брэст", "brest")]),
]


LINKS["a place's name inside an organisation's is no brand"] = [
    # the word the organisation's other names write as the adjective of the place (Хельсінкскі)
    ("He took a plane to Helsinki and flew on to Moscow.", [("Moscow", "moscow")]),
    (
        "The Belarusian Helsinki Committee reported the arrests.",
        [("Belarusian Helsinki Committee", "belarusian-helsinki-committee")],
    ),
]


LINKS["German's article and prepositions after a noun"] = [
    # German capitalises every noun: der, von, zu after one are the article and prepositions
    ("Im Norden der Ukraine wird gekämpft.", [("Ukraine", "ukraine")]),
    ("Polen schließt die Grenze zu Weißrussland.", [("Polen", "poland"), ("Weißrussland", "belarus")]),
    ("Der Präsident von Belarus sprach.", [("Belarus", "belarus")]),
    # a particle that is no German article keeps its reading after a capitalised word
    ("We stayed at Hotel van Minsk.", []),
    # a German word for a country in apposition, or the noun German writes as a preposition
    ("Das Nachbarland Polen protestierte.", [("Polen", "poland")]),
    ("Die Flüchtlinge zogen in Richtung Litauen.", [("Litauen", "lithuania")]),
]


LINKS["the capitals' exonyms"] = [
    ("El presidente viajó a Moscú y luego a Varsovia.", [("Moscú", "moscow"), ("Varsovia", "warsaw")]),
    ("La delegazione è arrivata a Mosca.", [("Mosca", "moscow")]),
    ("Le journaliste a présenté son livre à Varsovie.", [("Varsovie", "warsaw")]),
    ("Delegacja z Kijów przyjechała.", [("Kijów", "kyiv")]),
    # the Turkish name of Belarus holds the Turkish name of Russia: the longer name
    ("Lukaşenko Beyaz Rusya'da seçimi kazandı.", [("Lukaşenko", "alexander-lukashenko"), ("Beyaz Rusya", "belarus")]),
]

LINKS["Lithuanian case forms of names"] = [
    # a man's surname in -is and his given name in -us in the genitive: the husband, not the wife
    ("Laukiama žinių iš kalinčio vyro Siarhejaus Cichanouskio.", [("Siarhejaus Cichanouskio", "siarhei-tsikhanouski")]),
    ("Laiškas Siarhejui Cichanouskiui.", [("Siarhejui Cichanouskiui", "siarhei-tsikhanouski")]),
    # a woman's name in -a in the genitive and the dative
    ("Sviatlanos Cichanouskajos patarėjas kalbėjo.", [("Sviatlanos Cichanouskajos", "sviatlana-tsikhanouskaya")]),
    ("Premija įteikta Marijai Kalesnikavai.", [("Marijai Kalesnikavai", "maria-kalesnikava")]),
    # another given name in its case form keeps the namesake unlinked
    ("Jono Lukašenkos ūkis yra prie Kauno.", []),
    ("Olgos Cichanouskajos knyga pasirodė.", []),
    ("Rimas Putinas atvyko.", []),
]


LINKS["Slovak case forms of a woman's surname"] = [
    # the ending of the adjective tells her from her husband
    ("Podľa kancelárie Cichanovskej sú voľby sfalšované.", [("Cichanovskej", "sviatlana-tsikhanouskaya")]),
    ("Polícia zadržala Kolesnikovú.", [("Kolesnikovú", "maria-kalesnikava")]),
    ("Súd s Cichanovským pokračoval.", [("Cichanovským", "siarhei-tsikhanouski")]),
]


LINKS["the Czech, Slovak and transliterated adjectives of a place"] = [
    # an adjective made from a place's name is no form of it, in Czech and Slovak and in ISO 9's
    # transliteration of Russian (ц as c)
    ("Novinářka státní Polské televize byla odsouzena.", []),
    ("Polockoe knjažestvo bylo samostojatel'nym.", []),
    ("Polska wygrała, Minsk przegrał.", [("Polska", "poland"), ("Minsk", "minsk")]),
]


LINKS["Hungarian case forms of names"] = [
    ("Minszkben és Bresztben tüntettek.", [("Minszkben", "minsk"), ("Bresztben", "brest")]),
    ("Fehéroroszországban és Litvániában is.", [("Fehéroroszországban", "belarus"), ("Litvániában", "lithuania")]),
    ("Lukasenkót bírálták Moszkvában.", [("Lukasenkót", "alexander-lukashenko"), ("Moszkvában", "moscow")]),
    # not the superessive, whose forms without their accents are other languages' words
    ("Russian troops crossed the border.", []),
    # the first part of a compound name takes no ending (Wit of Wit-Rusland: Witre would make
    # вторник a word of Belarus's, and the text no other state's)
    (
        "По мнению прокурора, ФСБ, МВД и Наркоконтроль работают. Во вторник в России прошли обыски.",
        [("России", "russia")],
    ),
]


LINKS["Finnish case forms of surnames"] = [
    ("Lukashenkan hallinto jatkaa vainoja.", [("Lukashenkan", "alexander-lukashenko")]),
    ("Tsihanouskajan mukaan vaalit väärennettiin.", [("Tsihanouskajan", "sviatlana-tsikhanouskaya")]),
    ("Putinin ja Lukashenkan tapaaminen.", [("Putinin", "vladimir-putin"), ("Lukashenkan", "alexander-lukashenko")]),
    # the Spanish word for Putin's followers is no Finnish elative
    ("Los Putinistas celebraron.", []),
]


LINKS["a soft consonant written with j against a hard ending"] = [
    # the Serbian gradnja (building) in the dative is no form of Гродна (Гродны, Grodny)
    ("Gradnji se usprotivila Litvanija.", [("Litvanija", "lithuania")]),
    ("U Grodnu je bilo hladno.", [("Grodnu", "hrodna")]),
    (
        "Rusija i Bjelorusija; živi u Ukrajini.",
        [("Rusija", "russia"), ("Bjelorusija", "belarus"), ("Ukrajini", "ukraine")],
    ),
]

LINKS["the Polish name of the regiment; the palace of another state"] = [
    ("Żołnierze Pułku Kalinowskiego walczą pod Bachmutem.", [("Pułku Kalinowskiego", "kalinouski-regiment")]),
    # Kazakhstan has a Palace of Independence too, in Astana
    ("The ceremony took place at the Palace of Independence in Astana.", []),
    (
        "Лукашенко принял гостей во Дворце Независимости.",
        [
            ("Лукашенко", "alexander-lukashenko"),
            ("Дворце Независимости", "palace-of-independence"),
        ],
    ),
]

LINKS["an organisation's name as a word of a longer title in quotes"] = [
    # a title in quotes that holds the name and more words, read whole, names another thing
    ("Главный редактор газеты «Зеркало недели» выступила.", []),
    ("Гурт выканаў песню «Вясна прыйшла».", []),
    ("Кніга «Вясна народаў» выйшла ў Вільні.", [("Вільні", "vilnius")]),
    # the whole name in quotes, or the name alone in them, stays the organisation
    (
        "Сябры «Беларускай асацыяцыі журналістаў» сабраліся.",
        [
            ("Беларускай асацыяцыі журналістаў", "belarusian-association-of-journalists"),
        ],
    ),
    ("Издание «Зеркало» сообщило.", [("Зеркало", "zerkalo")]),
    ("Праваабаронцы «Вясны» заявілі.", [("Вясны", "viasna")]),
]

LINKS["a word of two letters is a given name only as written"] = [
    # by its key a word of two letters meets a given name (Ян keys as En, Ann as On): a preposition
    # or a particle before a name is no given name
    ("So Lukashenko won again.", [("Lukashenko", "alexander-lukashenko")]),
    ("On Lukashenko's orders, troops moved.", [("Lukashenko", "alexander-lukashenko")]),
    ("En Biélorussie, la répression continue.", [("Biélorussie", "belarus")]),
    # a name of two letters that a set of given names writes so is one (a namesake here)
    ("Ян Лукашенко выступил.", []),
]

LINKS["a place's name with a word in small letters"] = [
    # the words of a place's name in running text, in small letters as the tables write them, and
    # in their case forms: the whole name, as resolve() reads it
    ("Беловежская пуща — древний лес.", [("Беловежская пуща", "bialowieza-forest")]),
    ("У Белавежскай пушчы жывуць зубры.", [("Белавежскай пушчы", "bialowieza-forest")]),
    ("Вязні сядзелі ў Пішчалаўскім замку.", [("Пішчалаўскім замку", "pishchalauski-castle")]),
    # a word in small letters that is no word of the name stays outside it
    ("Мы ехали лесом к Минску.", [("Минску", "minsk")]),
]

# --- every sentence of LINKS gets its links -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [pytest.param(text, expected, id=f"{rule}: {text}") for rule, rows in LINKS.items() for text, expected in rows],
)
def test_each_sentence_gets_its_links(rw: Rewriter, text: str, expected: list[tuple[str, str]]) -> None:
    assert linked(rw, text) == expected, text


def test_a_rewriter_of_words_in_small_letters_reads_where_namesakes_lie_too() -> None:
    # (it reads the words of a text otherwise than one of capitalised words, so the states named
    # are found by a reading of their own)
    rw = Rewriter(Normalizer.default(), require_capital=False)
    assert linked(rw, "The port of Brest, in Finistère, hosts the fleet.") == []
    assert linked(rw, "Crowds in Brest met.") == [("Brest", "brest")]
    assert linked(rw, "The University of Idaho is in Moscow. Crowds in Minsk and Brest met.") == [
        ("Minsk", "minsk"),
        ("Brest", "brest"),
    ]
