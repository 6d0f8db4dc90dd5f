"""The case of names: the case forms of ``inflection.yaml`` with their cases, a name written in the
case of a mention, and the case a mention is in.

The names are of public figures, places and bodies (official Belarusian and Russian forms); the
paradigms are those of the standard grammars that ``inflection.yaml`` cites.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from normalize.cases import (
    ALL_CASES,
    CASES,
    cases_of,
    inflect_name,
    inflect_to,
    mention_case,
    mention_cases,
    written_name,
)
from normalize.errors import TableError
from normalize.names import split_tokens
from normalize.tables import InflectionRow, Tables, inflect, inflection_row, load_tables
from normalize.text import script_of

DATA = Path(__file__).resolve().parent / "data"

# Names as the tables write them: Belarusian first, Russian second (given name, patronymic, surname).
LUKASHENKO = ["Аляксандр Рыгоравіч Лукашэнка", "Александр Григорьевич Лукашенко"]
TSIKHANOUSKAYA = ["Святлана Георгіеўна Ціханоўская", "Светлана Георгиевна Тихановская"]
PRATASEVICH = ["Раман Дзмітрыевіч Пратасевіч", "Роман Дмитриевич Протасевич"]
POLAND = ["Польшча", "Польша"]
MINSK = ["Мінск", "Минск", "Менск"]
HRODNA = ["Гродна", "Гродно", "Гародня"]
NATIONAL_BANK = ["Нацыянальны банк Рэспублікі Беларусь", "Национальный банк Республики Беларусь", "Нацбанк"]


def paradigm(name: str, lang: str, gender: str | None, tables: Tables, kind: str | None = None) -> list[str | None]:
    return [inflect_name(name, lang, gender, c, tables, kind=kind) for c in CASES]


# --- persons in every case ------------------------------------------------------------------------


def test_a_woman_in_every_case_in_both_languages(tables: Tables) -> None:
    assert paradigm("Святлана Георгіеўна Ціханоўская", "be", "f", tables) == [
        "Святлана Георгіеўна Ціханоўская",
        "Святланы Георгіеўны Ціханоўскай",
        "Святлане Георгіеўне Ціханоўскай",
        "Святлану Георгіеўну Ціханоўскую",
        "Святланай Георгіеўнай Ціханоўскай",
        "Святлане Георгіеўне Ціханоўскай",
    ]
    assert paradigm("Светлана Георгиевна Тихановская", "ru", "f", tables) == [
        "Светлана Георгиевна Тихановская",
        "Светланы Георгиевны Тихановской",
        "Светлане Георгиевне Тихановской",
        "Светлану Георгиевну Тихановскую",
        "Светланой Георгиевной Тихановской",
        "Светлане Георгиевне Тихановской",
    ]


def test_a_man_in_every_case_in_both_languages(tables: Tables) -> None:
    # Belarusian declines -ка surnames (Лукашэнку), Russian leaves -ко as it is
    assert paradigm("Аляксандр Рыгоравіч Лукашэнка", "be", "m", tables) == [
        "Аляксандр Рыгоравіч Лукашэнка",
        "Аляксандра Рыгоравіча Лукашэнкі",
        "Аляксандру Рыгоравічу Лукашэнку",
        "Аляксандра Рыгоравіча Лукашэнку",
        "Аляксандрам Рыгоравічам Лукашэнкам",
        "Аляксандры Рыгоравічы Лукашэнку",
    ]
    assert paradigm("Александр Григорьевич Лукашенко", "ru", "m", tables) == [
        "Александр Григорьевич Лукашенко",
        "Александра Григорьевича Лукашенко",
        "Александру Григорьевичу Лукашенко",
        "Александра Григорьевича Лукашенко",
        "Александром Григорьевичем Лукашенко",
        "Александре Григорьевиче Лукашенко",
    ]
    assert paradigm("Раман Дзмітрыевіч Пратасевіч", "be", "m", tables) == [
        "Раман Дзмітрыевіч Пратасевіч",
        "Рамана Дзмітрыевіча Пратасевіча",
        "Раману Дзмітрыевічу Пратасевічу",
        "Рамана Дзмітрыевіча Пратасевіча",
        "Раманам Дзмітрыевічам Пратасевічам",
        "Рамане Дзмітрыевічы Пратасевічы",
    ]
    assert paradigm("Роман Дмитриевич Протасевич", "ru", "m", tables) == [
        "Роман Дмитриевич Протасевич",
        "Романа Дмитриевича Протасевича",
        "Роману Дмитриевичу Протасевичу",
        "Романа Дмитриевича Протасевича",
        "Романом Дмитриевичем Протасевичем",
        "Романе Дмитриевиче Протасевиче",
    ]


def test_a_womans_surname_in_a_consonant_and_a_belarusian_feminine_in_ka(tables: Tables) -> None:
    # Ганна Іванец, Анна Мельник: the surname stays; Азаранка → Азаранцы
    assert inflect_name("Ганна Іванец", "be", "f", "dat", tables) == "Ганне Іванец"
    assert inflect_name("Анна Мельник", "ru", "f", "ins", tables) == "Анной Мельник"
    assert inflect_name("Анатоль Іванец", "be", "m", "gen", tables) == "Анатоля Іванца"
    assert inflect_name("Вікторыя Фёдараўна Азаранка", "be", "f", "dat", tables) == "Вікторыі Фёдараўне Азаранцы"
    assert inflect_name("Виктория Фёдоровна Азаренко", "ru", "f", "dat", tables) == "Виктории Фёдоровне Азаренко"


def test_initials_and_capitals_are_kept(tables: Tables) -> None:
    assert inflect_name("А. Р. Лукашэнка", "be", "m", "ins", tables) == "А. Р. Лукашэнкам"
    assert inflect_name("Светлана ТИХАНОВСКАЯ", "ru", "f", "gen", tables) == "Светланы ТИХАНОВСКОЙ"
    assert inflect_name("Римский-Корсаков", "ru", "m", "ins", tables) == "Римским-Корсаковым"


def test_what_the_tables_cannot_decline_is_none(tables: Tables) -> None:
    # the stress decides the instrumental of Васіль (Васілём) and Генадзь (Генадзем)
    assert inflect_name("Васіль Быкаў", "be", "m", "ins", tables) is None
    assert inflect_name("Васіль Быкаў", "be", "m", "gen", tables) == "Васіля Быкава"
    # a Belarusian word of one syllable with о: the stress may move (Корж → Каржа?), not written
    assert inflect_name("Максім Корж", "be", "m", "gen", tables) is None
    # no gender: the rows of the two genders write the dative differently (Лукашэнку / Лукашэнцы)
    assert inflect_name("Лукашэнка", "be", None, "dat", tables, kind="person") is None
    assert inflect_name("Лукашэнка", "be", None, "gen", tables, kind="person") == "Лукашэнкі"
    # not Cyrillic, not the language's letters, nothing to decline
    assert inflect_name("Alexander Lukashenko", "be", "m", "ins", tables) is None
    assert inflect_name("", "be", "m", "ins", tables) is None
    # the nominative is the name as it is, whatever it is
    assert inflect_name("Alexander Lukashenko", "be", "m", "nom", tables) == "Alexander Lukashenko"


def test_unknown_case_or_kind_is_an_error(tables: Tables) -> None:
    with pytest.raises(ValueError, match="unknown case 'voc'"):
        inflect_name("Лукашэнка", "be", "m", "voc", tables)
    with pytest.raises(ValueError, match="unknown kind"):
        inflect_name("Лукашэнка", "be", "m", "gen", tables, kind="company")


# --- places and organisations --------------------------------------------------------------------


def test_places_in_their_cases(tables: Tables) -> None:
    assert paradigm("Польшча", "be", None, tables) == [
        "Польшча",
        "Польшчы",
        "Польшчы",
        "Польшчу",
        "Польшчай",
        "Польшчы",
    ]
    assert paradigm("Мінск", "be", None, tables) == ["Мінск", "Мінска", "Мінску", "Мінск", "Мінскам", "Мінску"]
    assert paradigm("Минск", "ru", None, tables) == ["Минск", "Минска", "Минску", "Минск", "Минском", "Минске"]
    # Гродна is neuter: з Гродна, у Гродне (a row of its own: the ending -а does not tell)
    assert paradigm("Гродна", "be", None, tables) == ["Гродна", "Гродна", "Гродну", "Гродна", "Гроднам", "Гродне"]
    assert paradigm("Брэст", "be", None, tables, kind="place")[5] == "Брэсце"
    assert paradigm("Рэспубліка Беларусь", "be", None, tables)[5] == "Рэспубліцы Беларусь"
    assert paradigm("Российская Федерация", "ru", None, tables)[4] == "Российской Федерацией"


def test_a_place_whose_gender_its_ending_does_not_tell_is_not_declined(tables: Tables) -> None:
    # -ь is masculine in Гомель and feminine in Смаргонь; a word with no row of its own stays undeclined
    assert inflect_name("Бягомль", "be", None, "gen", tables, kind="place") is None
    assert inflect_name("Гомель", "be", None, "loc", tables, kind="place") == "Гомелі"
    assert inflect_name("Смаргонь", "be", None, "gen", tables, kind="place") == "Смаргоні"
    # the stress writes the instrumental of Масква (Масквой) and of Варшава (Варшавай) apart
    assert inflect_name("Масква", "be", None, "ins", tables, kind="place") is None
    assert inflect_name("Масква", "be", None, "loc", tables, kind="place") == "Маскве"


def test_an_organisation_with_an_adjective(tables: Tables) -> None:
    assert paradigm("Нацыянальны банк Рэспублікі Беларусь", "be", None, tables, kind="organization") == [
        "Нацыянальны банк Рэспублікі Беларусь",
        "Нацыянальнага банка Рэспублікі Беларусь",
        "Нацыянальнаму банку Рэспублікі Беларусь",
        "Нацыянальны банк Рэспублікі Беларусь",  # a thing: the accusative is the nominative
        "Нацыянальным банкам Рэспублікі Беларусь",
        "Нацыянальным банку Рэспублікі Беларусь",
    ]
    assert inflect_name("Национальный банк Республики Беларусь", "ru", None, "loc", tables) == (
        "Национальном банке Республики Беларусь"
    )
    # the adjective agrees with its noun: feminine, neuter
    assert inflect_name("Белая Русь", "be", None, "gen", tables) == "Белай Русі"
    assert inflect_name("Беларускае тэлеграфнае агенцтва", "be", None, "ins", tables) == (
        "Беларускім тэлеграфным агенцтвам"
    )
    assert inflect_name("Белорусская православная церковь", "ru", None, "gen", tables) == (
        "Белорусской православной церкви"
    )


def test_words_after_the_head_quotes_and_abbreviations_stay(tables: Tables) -> None:
    assert inflect_name("Тэлеканал «Белсат»", "be", None, "loc", tables) == "Тэлеканале «Белсат»"
    assert inflect_name("Камітэт дзяржаўнай бяспекі", "be", None, "ins", tables) == "Камітэтам дзяржаўнай бяспекі"
    assert inflect_name("Партыя БНФ", "be", None, "gen", tables) == "Партыі БНФ"
    assert inflect_name("КДБ", "be", None, "gen", tables) == "КДБ"
    assert inflect_name("Радыё Свабода", "be", None, "ins", tables) == "Радыё Свабода"
    # a plural: the tables decline no plural nouns
    assert inflect_name("Сумленныя людзі", "be", None, "gen", tables) is None
    assert inflect_name("Честные люди", "ru", None, "gen", tables) is None
    # Belarusian genitive -у of a noun of abstract meaning is the word's own (фонду, сходу)
    assert inflect_name("Беларускі фонд салідарнасці", "be", None, "gen", tables) == "Беларускага фонду салідарнасці"


# --- reading the case of a word ------------------------------------------------------------------


def test_cases_of_a_word(tables: Tables) -> None:
    be, ru = tables.inflection["be"], tables.inflection["ru"]
    assert cases_of("Лукашэнкам", "Лукашэнка", be, "m") == {"ins"}
    assert cases_of("Тихановской", "Тихановская", ru, "f") == {"gen", "dat", "ins", "loc"}
    assert cases_of("Тихановскою", "Тихановская", ru, "f") == {"ins"}  # a variant is read
    assert cases_of("Тихановская", "Тихановская", ru, "f") == {"nom"}
    assert cases_of("Тихановского", "Тихановский", ru, "m") == {"gen", "acc"}  # a person
    assert cases_of("ТИХАНОВСКОГО", "Тихановский", ru, "m") == {"gen", "acc"}
    assert cases_of("Лукашенко", "Лукашенко", ru, "m") == ALL_CASES  # does not decline: tells nothing
    assert cases_of("Тихановского", "Тихановская", ru, "f") == frozenset()  # not a form of her name
    assert cases_of("Мінск", "Мінск", be, "m", animate=False) == {"nom", "acc"}  # a thing
    assert cases_of("Мінске", "Мінск", be, "m", animate=False) == {"loc"}  # read, never written
    assert inflect_to("Мінск", be, "m", "loc", animate=False) == "Мінску"


def test_every_written_form_reads_back_as_its_case(tables: Tables) -> None:
    # over every row of every section: what inflect_to writes, cases_of reads as that case, and
    # inflect() (what the matcher generates) holds it
    stems = {"": "Бар", "ь": "Вал", "й": "Кара"}
    for section in (tables.inflection, tables.given_inflection, tables.word_inflection):
        for rows in section.values():
            for row in rows:
                nom = row.ending.capitalize() if row.whole else stems.get(row.ending, "Кар") + row.ending
                g = None if row.gender == "any" else row.gender
                for animate in (True, False):
                    for case in CASES[1:]:
                        got = inflect_to(nom, [row], g, case, animate=animate)
                        if got is None:
                            continue
                        assert case in cases_of(got, nom, [row], g, animate=animate), (row, case, got)
                        if got.lower() != nom.lower():
                            assert got in inflect(nom, [row], g), (row, case, got)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="бвгджзклмнпрстфхцчшўаеіоуыэюяё'", min_size=2, max_size=8), st.sampled_from(["ru", "be"]))
def test_any_word_either_declines_consistently_or_is_none(tables: Tables, word: str, lang: str) -> None:
    # what is written for any word reads back as the case it was written in
    for gender in ("m", "f", None):
        for case in CASES:
            got = inflect_name(word.capitalize(), lang, gender, case, tables, kind="person")
            if got is not None and case != "nom":
                assert case in cases_of(got, word.capitalize(), tables.inflection[lang], gender)


# --- the case of a mention in a sentence ----------------------------------------------------------


def rewrite_one(sentence: str, mention: str, names: list[str], lang: str, gender: str | None, tables: Tables) -> str:
    """What the canonical-script rewrite writes for one mention: the entity's name in the mention's
    language, in the mention's case where the tables tell it (else the nominative)."""
    target = written_name(names, lang)
    assert target is not None
    case = mention_case(split_tokens(mention), names, lang, gender, tables)
    written = inflect_name(target, lang, gender, case, tables) if case else None
    return sentence.replace(mention, written or target)


def test_sentences_keep_their_grammar(tables: Tables) -> None:
    assert rewrite_one("Сустрэча з Лукашэнкам доўжылася гадзіну.", "Лукашэнкам", LUKASHENKO, "be", "m", tables) == (
        "Сустрэча з Аляксандрам Рыгоравічам Лукашэнкам доўжылася гадзіну."
    )
    assert (
        rewrite_one(
            "Встреча с Александром Григорьевичем Лукашенко прошла в Минске.",
            "Александром Григорьевичем Лукашенко",
            LUKASHENKO,
            "ru",
            "m",
            tables,
        )
        == "Встреча с Александром Григорьевичем Лукашенко прошла в Минске."
    )
    assert rewrite_one("Пра Ціханоўскую пісалі ўсе газеты.", "Ціханоўскую", TSIKHANOUSKAYA, "be", "f", tables) == (
        "Пра Святлану Георгіеўну Ціханоўскую пісалі ўсе газеты."
    )
    assert rewrite_one("Суд над Протасевичем начался в феврале.", "Протасевичем", PRATASEVICH, "ru", "m", tables) == (
        "Суд над Романом Дмитриевичем Протасевичем начался в феврале."
    )
    # places: у Польшчы stays у Польшчы, a spelling of the classical orthography takes the case too
    assert rewrite_one("Выбары ў Польшчы прайшлі спакойна.", "Польшчы", POLAND, "be", None, tables) == (
        "Выбары ў Польшчы прайшлі спакойна."
    )
    assert rewrite_one("Сход адбыўся ў Менску.", "Менску", MINSK, "be", None, tables) == "Сход адбыўся ў Мінску."
    assert (
        rewrite_one("Цягнік з Гродна спазніўся.", "Гродна", HRODNA, "be", None, tables) == "Цягнік з Гродна спазніўся."
    )
    assert rewrite_one("Ён жыве ў Гродне.", "Гродне", HRODNA, "be", None, tables) == "Ён жыве ў Гродне."
    assert (
        rewrite_one("Старшыня Нацыянальнага банка выступіў.", "Нацыянальнага банка", NATIONAL_BANK, "be", None, tables)
        == "Старшыня Нацыянальнага банка Рэспублікі Беларусь выступіў."
    )


def test_mention_case_tells_the_case_or_none(tables: Tables) -> None:
    assert mention_case(["Лукашэнкам"], LUKASHENKO, "be", "m", tables) == "ins"
    assert mention_case(["Лукашэнкі"], LUKASHENKO, "be", "m", tables) == "gen"
    assert mention_case(["Александру", "Лукашенко"], LUKASHENKO, "ru", "m", tables) == "dat"
    # -енко does not decline: it tells nothing, and nothing else tells the case
    assert mention_cases(["Лукашенко"], LUKASHENKO, "ru", "m", tables) == ALL_CASES
    assert mention_case(["Лукашенко"], LUKASHENKO, "ru", "m", tables) is None
    # four cases, and the full name differs between them: Светланы, Светлане, Светланой
    assert mention_cases(["Тихановской"], TSIKHANOUSKAYA, "ru", "f", tables) == {"gen", "dat", "ins", "loc"}
    assert mention_case(["Тихановской"], TSIKHANOUSKAYA, "ru", "f", tables) is None
    assert mention_case(["Светланой", "Тихановской"], TSIKHANOUSKAYA, "ru", "f", tables) == "ins"
    # dative or locative, written the same: the first of them
    assert mention_cases(["Святлане", "Ціханоўскай"], TSIKHANOUSKAYA, "be", "f", tables) == {"dat", "loc"}
    assert mention_case(["Святлане", "Ціханоўскай"], TSIKHANOUSKAYA, "be", "f", tables) == "dat"
    # words that contradict each other, or do not fit the name word by word
    assert mention_cases(["Святланы", "Ціханоўскую"], TSIKHANOUSKAYA, "be", "f", tables) == frozenset()
    assert mention_case(["Святланы", "Ціханоўскую"], TSIKHANOUSKAYA, "be", "f", tables) is None
    # a word of no name of the entity tells nothing (a title, another person's name)
    assert mention_case(["спадарыні", "Ціханоўскую"], TSIKHANOUSKAYA, "be", "f", tables) == "acc"
    assert mention_case(["Нашай", "Ніве"], ["Наша Ніва"], "be", None, tables) == "dat"
    assert mention_cases(["Гродна", "Азоце"], ["Гродна Азот"], "be", None, tables) == frozenset()
    assert mention_case(["Нацыянальным", "банку", "Рэспублікі", "Беларусь"], NATIONAL_BANK, "be", None, tables) == "loc"


def test_written_name_is_the_name_of_the_mentions_language() -> None:
    assert written_name(LUKASHENKO, "ru") == "Александр Григорьевич Лукашенко"
    assert written_name(LUKASHENKO, "be") == "Аляксандр Рыгоравіч Лукашэнка"
    assert written_name(["Alexander Lukashenko"], "be") is None


# --- the table format ----------------------------------------------------------------------------


def _old_rows(section: dict[str, list[dict[str, object]]]) -> dict[str, list[InflectionRow]]:
    out: dict[str, list[InflectionRow]] = {}
    for lang in ("ru", "be"):
        rows = []
        for item in section.get(lang, []):
            whole = "name" in item
            ending = str(item["name"]).lower() if whole else str(item["ending"])
            forms = item["forms"]
            assert isinstance(forms, list)
            rows.append(InflectionRow(ending, str(item["gender"]), tuple(str(f) for f in forms), whole))
        rows.sort(key=lambda r: (not r.whole, -len(r.ending)))
        out[lang] = rows
    return out


def test_no_form_of_the_unlabelled_table_is_lost(tables: Tables) -> None:
    # tests/data/inflection_unlabelled.yaml is the table as it was before each form carried its
    # case; the matcher generated its forms. Every one of them, for every row, is still generated,
    # save where the table now says that the word does not decline: a form the grammar does not
    # have (Черныха of Черных, внутренниха of the genitive plural внутренних, Белавиы).
    old = yaml.safe_load((DATA / "inflection_unlabelled.yaml").read_text(encoding="utf-8"))
    old_sections = {"surnames": _old_rows(old), "given": _old_rows(old["given"]), "words": _old_rows(old["words"])}
    new_sections = {"surnames": tables.inflection, "given": tables.given_inflection, "words": tables.word_inflection}
    words: set[str] = set()
    for e in tables.entities:
        for n in (*e.names, *e.aliases):
            words.update(w for w in split_tokens(n) if script_of(w) == "Cyrl")
    for c in tables.cognates:
        words.update(c.ru + c.be)
    stems = ["Бар", "Вол", "Мак", "Грош", "Пат", "Лід", "Кур", "Саж", "Іван", "Мяч", "Паг", "Мах", "Дуц", "Лев"]
    for sec in old_sections.values():
        for rows in sec.values():
            for r in rows:
                words.update([r.ending.capitalize()] if r.whole else [s + r.ending for s in stems])
    checked = 0
    for name, old_rows in old_sections.items():
        # the index declines surnames and given names for an entity's gender (or none), and the
        # words of organisation and place names for both genders
        genders = ("m", "f") if name == "words" else ("m", "f", None)
        for lang in ("ru", "be"):
            for w in sorted(words):
                for g in genders:
                    before = {f.lower() for f in inflect(w, old_rows[lang], g)}
                    if not before:
                        continue
                    checked += 1
                    after = {f.lower() for f in inflect(w, new_sections[name][lang], g)}
                    lost = before - after
                    if lost:
                        row = inflection_row(w, new_sections[name][lang], g)
                        assert row is not None and not row.declines, (name, lang, w, g, sorted(lost))
    assert checked > 5000


def _check(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "inflection.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(TableError) as err:
        load_tables(tmp_path, entities=False)
    return [str(p) for p in err.value.problems]


def test_a_bad_case_row_is_reported_with_its_line(tmp_path: Path) -> None:
    problems = _check(
        tmp_path,
        "ru:\n"
        "  - {ending: ов, gender: m, cases: {gen: ова, voc: ов}}\n"  # 2
        "  - {ending: ев, gender: m, cases: {nom: ев}}\n"  # 3
        "  - {ending: ин, gender: m, cases: {gen: [ина, [ин]]}}\n"  # 4
        "  - {ending: ын, gender: m, cases: {gen: {a: b}}}\n"  # 5
        "  - {ending: ой, gender: m, cases: [ого]}\n"  # 6
        "  - {ending: ый, gender: m}\n"  # 7
        "  - {ending: о, gender: any, declines: no, cases: {gen: а}}\n"  # 8
        "  - {ending: е, gender: any, declines: maybe}\n"  # 9
        "  - {ending: а, gender: any, cases: {gen: ы}, unsure: [ins]}\n"  # 10
        "  - {ending: я, gender: n, cases: {gen: и}}\n"  # 11
        "  - {ending: ь, gender: m, kind: pronoun, cases: {gen: я}}\n"  # 12
        "  - {ending: ов, gender: m, cases: {gen: ова}}\n"  # 13: line 2 was refused, so no second row
        "  - {ending: ий, gender: m, cases: {gen: [его, его]}}\n"  # 14
        "  - {ending: ый, gender: m, cases: {gen: ''}}\n",  # 15
    )
    text = "\n".join(problems)
    assert "inflection.yaml:2: unknown case 'voc' (use gen, dat, acc, ins, loc)" in text
    assert "inflection.yaml:3: unknown case 'nom' (the nominative is the name itself)" in text
    assert "inflection.yaml:4: each entry of the `gen` forms must be text" in text
    assert "inflection.yaml:5: the `gen` forms must be text or a list of texts" in text
    assert "inflection.yaml:6: `cases` must be a mapping" in text
    assert "inflection.yaml:7: an inflection row needs `cases`, or `declines: no`" in text
    assert "inflection.yaml:8: a row with `declines: no` has no `cases`" in text
    assert "inflection.yaml:9: `declines` must be yes or no" in text
    assert "inflection.yaml:10: `unsure` names 'ins', a case the row does not give" in text
    assert "inflection.yaml:11: `gender: n` (neuter) is for the `words` section only" in text
    assert "inflection.yaml:12: `kind` must be one of noun, adjective, surname" in text
    assert "inflection.yaml:14: a `gen` form is listed twice" in text
    assert "inflection.yaml:15: the `gen` forms must be text, not empty" in text


def test_a_latin_words_row_is_checked_with_its_line(tmp_path: Path) -> None:
    problems = _check(
        tmp_path,
        "latin_words:\n"
        "  lt:\n"
        "    - {ending: a, gender: f, cases: {gen: os, loc: оje}}\n"  # 3: a Cyrillic о
        "    - {name: Lietuva, gender: f, cases: {gen: Lietuvos}}\n"  # 4
        "  et:\n"  # 5
        "    - {ending: a, gender: f, cases: {gen: an}}\n",
    )
    text = "\n".join(problems)
    assert "inflection.yaml:3: endings, names and forms must be Latin letters" in text
    assert "inflection.yaml:4: a `latin_words` row gives an ending, not a `name`" in text
    assert "inflection.yaml:5: unknown key 'et' in `latin_words` (allowed: de, fi, hu, lt, lv, pl, ro, sh)" in text


def test_a_second_row_for_one_ending_is_reported(tmp_path: Path) -> None:
    problems = _check(
        tmp_path,
        "ru:\n  - {ending: ов, gender: m, cases: {gen: ова}}\n  - {ending: ов, gender: m, cases: {gen: ову}}\n",
    )
    assert problems == [f"{tmp_path.name}/inflection.yaml:3: a row for this ending and gender is already at line 2"]


def test_a_neuter_row_of_the_words_section_is_taken(tmp_path: Path) -> None:
    (tmp_path / "inflection.yaml").write_text(
        "words:\n  be:\n    - {ending: ства, gender: n, cases: {gen: ства, dat: ству, ins: ствам, loc: стве}}\n",
        encoding="utf-8",
    )
    t = load_tables(tmp_path, entities=False)
    assert inflect_name("Міністэрства", "be", None, "loc", t, kind="organization") == "Міністэрстве"
    assert inflect_name("Міністэрства", "be", None, "acc", t, kind="organization") == "Міністэрства"


_TABLES = load_tables()
_ROW_LISTS = [
    *_TABLES.inflection.values(),
    *_TABLES.given_inflection.values(),
    *_TABLES.word_inflection.values(),
]
_ENDINGS = sorted({f for rows in _ROW_LISTS for r in rows for f in (r.ending, *r.forms)})


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet="абвгдзклмнпрстхцчшўАБВКЛМ'-", min_size=0, max_size=6),
    st.sampled_from(_ENDINGS),
    st.sampled_from([None, "m", "f", "any"]),
)
def test_the_row_index_picks_the_row_the_table_gives(stem: str, ending: str, gender: str | None) -> None:
    # a word's row is found by lookups of its endings, as a walk down the table finds it
    from normalize.tables import RowIndex

    word = stem + ending
    for w in (word, word.upper(), word.capitalize()):
        for rows in _ROW_LISTS:
            assert RowIndex(rows).row(w, gender) is inflection_row(w, rows, gender), (w, gender)
