"""The corpus rewrite pass: what is found, what is written, and that nothing else changes."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import normalize
from normalize import Normalizer
from normalize.rewrite import Rewriter


def test_the_issue_example() -> None:
    r = normalize.rewrite("Svetlana Tikhanovskaya met Lukashenko's envoy in Grodno.")
    assert r.text == "Sviatlana Tsikhanouskaya met Alexander Lukashenko's envoy in Hrodna."
    assert [m.canonical for m in r.mentions] == ["Sviatlana Tsikhanouskaya", "Alexander Lukashenko", "Hrodna"]


def test_offsets_point_at_the_surface_forms() -> None:
    text = "В Гродно Тихановскую поддержали; Лукашэнку не спадабалася."
    r = normalize.rewrite(text, mode="annotate")
    assert r.text == text
    assert [m.surface for m in r.mentions] == ["Гродно", "Тихановскую", "Лукашэнку"]
    for m in r.mentions:
        assert text[m.start : m.end] == m.surface


def test_word_boundaries_cyrillic_and_latin() -> None:
    for text in ("Лукашенковщина", "Lukashenkoism", "antiLukashenko", "Мінскі", "Minsker"):
        assert normalize.rewrite(text).mentions == [], text


def test_longest_match_first() -> None:
    r = normalize.rewrite("Siarhei Tsikhanouski was jailed; Tsikhanouski appealed.")
    assert [(m.surface, m.canonical) for m in r.mentions] == [
        ("Siarhei Tsikhanouski", "Siarhei Tsikhanouski"),
        ("Tsikhanouski", "Siarhei Tsikhanouski"),
    ]


def test_gender_keeps_husband_and_wife_apart_in_text() -> None:
    r = normalize.rewrite("Тихановского задержали, Тихановская уехала.")
    assert [m.canonical for m in r.mentions] == ["Siarhei Tsikhanouski", "Sviatlana Tsikhanouskaya"]


def test_canonical_script_keeps_cyrillic() -> None:
    r = normalize.rewrite("Лукашэнка і Lukashenko", mode="canonical-script")
    assert r.text.startswith("Аляксандр") and r.text.endswith("Alexander Lukashenko")


def test_keep_case_option() -> None:
    rw = Rewriter(normalize.Normalizer.default(), keep_case=True)
    assert rw.rewrite("LUKASHENKO said").text == "ALEXANDER LUKASHENKO said"
    assert normalize.rewrite("LUKASHENKO said").text == "Alexander Lukashenko said"


def test_line_endings_and_surroundings_are_kept() -> None:
    text = "a\r\nGrodno\r\n\tb  Minsk\n"
    assert normalize.rewrite(text).text == "a\r\nHrodna\r\n\tb  Minsk\n"


def test_lowercase_common_words_are_not_mentions() -> None:
    # Вясна is also the word for spring; in lower case it is the word
    assert normalize.rewrite("прыйшла вясна").mentions == []


def test_unknown_mode_is_an_error() -> None:
    import pytest

    with pytest.raises(normalize.InputError):
        normalize.rewrite("x", mode="shout")  # type: ignore[arg-type]


PIECES = [
    "Lukashenko", "Лукашэнкі", "Svetlana Tikhanovskaya", "Тихановской", "Grodno", "Viasna", " ", ", ", ".",
    "\n", "\r\n", "met", "встреча", "'s", "Tsikhanouski", "NEXTA", "Minsk", "ё", "\u200b", "x", "Мінск",
    "\u0301", "\u0306", "Ціханоу\u0306ская", "Лукаше\u0301нко",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=25).map("".join)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_text_outside_mentions_is_unchanged(text: str) -> None:
    r = normalize.rewrite(text)
    pos = 0
    rebuilt = []
    for m in r.mentions:
        assert text[m.start : m.end] == m.surface
        assert m.start >= pos
        rebuilt.append(text[pos : m.start])
        rebuilt.append(m.replacement)
        pos = m.end
    rebuilt.append(text[pos:])
    assert "".join(rebuilt) == r.text


@settings(max_examples=300, deadline=None)
@given(texts)
# a canonical name written in adds capitalised words to a line: a capital of a name says nothing of
# a headline's title case, so the line reads as it did
@example("/LukashenkoLukashenko Grodno Lukashenko")
def test_rewrite_is_idempotent(text: str) -> None:
    once = normalize.rewrite(text).text
    assert normalize.rewrite(once).text == once


@settings(max_examples=100, deadline=None)
@given(texts)
def test_annotate_never_changes_text(text: str) -> None:
    assert normalize.rewrite(text, mode="annotate").text == text


def test_organisation_names_in_running_text_are_widened_over_lower_case_words() -> None:
    r = normalize.rewrite("рабочие Минского завода колёсных тягачей вышли")
    assert r.text == "рабочие MZKT вышли"
    assert [m.surface for m in r.mentions] == ["Минского завода колёсных тягачей"]
    # two organisations joined by a conjunction stay two mentions
    r2 = normalize.rewrite("Минский тракторный завод и Минский автомобильный завод")
    assert [m.entity_id for m in r2.mentions] == ["mtz", "maz"]
    assert r2.text == "Minsk Tractor Works и MAZ"
    # inflected words of a name that the index declined, and a name shortened before its "and"
    r3 = normalize.rewrite("Члены Центральной комиссии по выборам заявили.")
    assert r3.text == "Члены Central Election Commission of Belarus заявили."
    assert [m.surface for m in r3.mentions] == ["Центральной комиссии по выборам"]


# names in the contexts that share a signature (the words beside a surname as written, the surname
# by its key): several spellings of one surname after one given name, in capitals, before a comma
NAME_PIECES = [
    "Alexander ", "Aliaksandr ", "A. ", "Sviatlana ", "S. ", "Viktor ", "President ", "the ", "(", "«",
    "Lukashenko", "Lukashenka", "LUKASHENKO", "Loukachenko", "Лукашенко", "Лукашэнка", "Лукашэнкі",
    "Tsikhanouskaya", "Tikhanovskaya", "Тихановской", "Tsikhanouski", "Tikhanovsky", "Lukashenko's",
    ", Alexander", ", Sviatlana", " said", " ", ".", "\n", "Cichanoŭskaja", "Лукашенкo",
    "Лукаше\u0301нко", "Алякса\u0301ндр ", "Ціханоу\u0306ская", "\u0301",
]  # fmt: skip
name_texts = st.lists(st.sampled_from(NAME_PIECES), min_size=1, max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(name_texts)
def test_every_mention_resolves_as_resolve_does(text: str) -> None:
    # the rewrite pass remembers results by signature; whatever it found must be what resolve()
    # gives for that very surface, and spans() must hand back the match of that very surface
    rw = Rewriter(normalize.Normalizer.default())
    for _ in range(2):  # the second pass is served from what the first remembered
        for m in rw.find(text):
            exact = normalize.resolve(m.surface)
            assert exact is not None, m.surface
            assert (m.entity_id, m.score, m.type) == (exact.entity_id, exact.score, exact.type)
        for s, e, match in rw.spans(text):
            assert match.mention in (text[s:e], text[s:e] + ".")  # a sentence's full stop is not kept


def test_spellings_of_one_signature_resolve_alike_and_report_their_own_surface() -> None:
    rw = Rewriter(normalize.Normalizer.default())
    text = "Alexander Lukashenka met Alexander Lukashenko and Alexander Loukachenko."
    spans = rw.spans(text)
    assert [text[s:e] for s, e, _ in spans] == ["Alexander Lukashenka", "Alexander Lukashenko", "Alexander Loukachenko"]
    assert {m.entity_id for _, _, m in spans} == {"alexander-lukashenko"}
    assert [m.mention for _, _, m in spans] == [text[s:e] for s, e, _ in spans]
    # Viktor is another person: his given name is part of the signature
    assert [m.entity_id for m in rw.find("Viktor Lukashenko and Alexander Lukashenko")] == [
        "viktor-lukashenko",
        "alexander-lukashenko",
    ]


def test_given_names_and_patronymics_in_case_forms_are_part_of_the_mention() -> None:
    r = normalize.rewrite("Встреча с Александром Григорьевичем Лукашенко. Он говорил с Виктором Лукашенко.")
    assert [(m.surface, m.canonical) for m in r.mentions] == [
        ("Александром Григорьевичем Лукашенко", "Alexander Lukashenko"),
        ("Виктором Лукашенко", "Viktor Lukashenko"),  # his son: the given name tells them apart
    ]
    assert r.text == "Встреча с Alexander Lukashenko. Он говорил с Viktor Lukashenko."
    r = normalize.rewrite("Пра Святлану Ціханоўскую і Паўла Латушку пісалі.", mode="canonical-script")
    assert [m.surface for m in r.mentions] == ["Святлану Ціханоўскую", "Паўла Латушку"]


def test_a_given_name_whose_stem_changes_is_part_of_the_mention() -> None:
    n = normalize.Normalizer.from_records(
        [{"id": "lt", "canonical": "Lev Tolstoy", "names": ["Лев Николаевич Толстой"], "type": "person"}]
    )
    r = n.rewrite("Роман Льва Толстого и письма Львом Николаевичем Толстым.")
    assert [m.surface for m in r.mentions] == ["Льва Толстого", "Львом Николаевичем Толстым"]
    assert r.text == "Роман Lev Tolstoy и письма Lev Tolstoy."


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        # a word of a place's name is not the place: Республика, Federation, Russian
        ("Президент Республики Казахстан Токаев.", []),
        ("The Belarusian Football Federation and Russian troops.", []),
        # the place's whole name, in its case forms, is one mention
        ("Президент Республики Беларусь заявил.", [("Республики Беларусь", "belarus")]),
        ("в Российской Федерации", [("Российской Федерации", "russia")]),
        ("the Republic of Moldova and the Republic of Belarus", [("Republic of Belarus", "belarus")]),
        # two names with a comma between are two mentions, not one
        (
            "Российская Федерация, Russian Federation",
            [("Российская Федерация", "russia"), ("Russian Federation", "russia")],
        ),
        # an organisation's name over the words of its place
        ("Национальный банк Республики Беларусь", [("Национальный банк Республики Беларусь", "national-bank")]),
        # another country's ministry is not the one of the table
        ("Министерство иностранных дел Российской Федерации", [("Российской Федерации", "russia")]),
        ("the Russian Ministry of Foreign Affairs said", []),
        # a word beside it that names another state, whatever else it anchors (России: the Union State)
        ("ЦИК России", [("России", "russia")]),
        ("ЦИК Беларуси", [("ЦИК Беларуси", "central-election-commission")]),
        # after a body every state has, any other place (one word: Украина, Польшча) is its owner
        ("В МИД Украины отреагировали.", [("Украины", "ukraine")]),
        ("МЗС Літвы заявіла пратэст.", [("Літвы", "lithuania")]),
        # a town before it or an organisation of no such kind beside a town: both named
        ("в Гомеле МВД провело рейд", [("Гомеле", "gomel"), ("МВД", "interior-ministry")]),
        ("в Центризбиркоме", [("Центризбиркоме", "central-election-commission")]),
        # an organisation named after no place keeps its name beside one
        ("Правозащитный центр «Весна» Минск", [("Правозащитный центр «Весна»", "viasna"), ("Минск", "minsk")]),
        # Belarusian case forms of the words of a name: the locative of -ка (Рэспубліцы), the
        # adjective (Нацыянальнага), nouns in -я (Гародні); the names of the classical orthography
        ("Выбары ў Рэспубліцы Беларусь.", [("Рэспубліцы Беларусь", "belarus")]),
        (
            "рашэнне Нацыянальнага банка Рэспублікі Беларусь",
            [("Нацыянальнага банка Рэспублікі Беларусь", "national-bank")],
        ),
        ("з Гародні ў Менск", [("Гародні", "hrodna"), ("Менск", "minsk")]),
        # a feminine noun of the third declension (the `words` rows of inflection.yaml)
        ("Посольство в Беларуси", [("Беларуси", "belarus")]),
        ("у Беларусі і з Беларуссю", [("Беларусі", "belarus"), ("Беларуссю", "belarus")]),
    ],
)
def test_places_and_the_organisations_named_after_them(text: str, mentions: list[tuple[str, str]]) -> None:
    r = normalize.rewrite(text)
    assert [(m.surface, m.entity_id) for m in r.mentions] == mentions
    assert normalize.rewrite(r.text).text == r.text


def test_an_organisation_or_place_mention_does_not_end_with_a_function_word() -> None:
    r = normalize.rewrite("Комитет Республики Беларусь по делам молодёжи; Republic of Belarus of old")
    assert [m.surface for m in r.mentions] == ["Республики Беларусь", "Republic of Belarus"]
    assert r.text == "Комитет Belarus по делам молодёжи; Belarus of old"


def test_a_name_does_not_start_with_a_function_word_and_keeps_a_possessive_before_a_period() -> None:
    r = normalize.rewrite("A minister of Mzs met the Nat͡sbank. It was Рэспублікі Беларусь's.")
    assert [m.surface for m in r.mentions] == ["Mzs", "Nat͡sbank", "Рэспублікі Беларусь"]
    assert r.text.endswith("It was Belarus's.") and "minister of Ministry" in r.text and "the National" in r.text


def test_an_organisation_name_of_ten_words_is_one_mention() -> None:
    text = "Центральная комиссия Республики Беларусь по выборам и проведению республиканских референдумов"
    r = normalize.rewrite(text + " заявила")
    assert [(m.surface, m.entity_id) for m in r.mentions] == [(text, "central-election-commission")]


def test_an_organisation_name_is_one_mention_across_quotes_and_case_forms() -> None:
    text = "Сотрудники Правозащитного центра «Весна» дали интервью «Нашей Ниве»."
    r = normalize.rewrite(text)
    assert [(m.surface, m.canonical) for m in r.mentions] == [
        ("Правозащитного центра «Весна»", "Viasna Human Rights Centre"),
        ("Нашей Ниве", "Nasha Niva"),
    ]
    assert r.text == "Сотрудники Viasna Human Rights Centre дали интервью «Nasha Niva»."
    # a name in quotes ends the name, and a name said again is a mention of its own
    for text, surfaces in [
        ("Правозащитный центр «Вясна» Правозащитный центр «Вясна»", ["Правозащитный центр «Вясна»"] * 2),
        ("Мозырский НПЗ Мозырский НПЗ", ["Мозырский НПЗ"] * 2),
        ("Viasna Viasna", ["Viasna"] * 2),
        ("Lukashenko Lukashenko", ["Lukashenko"] * 2),
        ("Tsikhanouskaya, Sviatlana, Sviatlana", ["Tsikhanouskaya, Sviatlana"]),
        ("Aliaksandr Aliaksandr Lukashenko", ["Aliaksandr Lukashenko"]),
        ("Республика Беларусь", ["Республика Беларусь"]),
    ]:
        r = normalize.rewrite(text)
        assert [m.surface for m in r.mentions] == surfaces, text
        assert normalize.rewrite(r.text).text == r.text, text


def test_a_possessive_after_the_given_name_stays_a_possessive() -> None:
    r = normalize.rewrite("LUKASHENKO, Alexander's plan and Рэспубліка Беларусь's debt")
    assert [m.surface for m in r.mentions] == ["LUKASHENKO, Alexander", "Рэспубліка Беларусь"]
    assert r.text == "Alexander Lukashenko's plan and Belarus's debt"


def test_a_possessive_stays_whatever_marks_follow_it() -> None:
    # a backtick after the possessive (a GOST soft sign's mark) does not take it into the name
    r = normalize.rewrite("Lukashenko's` plan")
    assert [m.surface for m in r.mentions] == ["Lukashenko"]
    assert r.text == "Alexander Lukashenko's` plan"
    assert normalize.rewrite(r.text).text == r.text
    # an apostrophe alone after a name may be its soft sign: the word is read whole first, so a
    # capitalised word of what is named after the person still follows it
    assert normalize.rewrite("Evgeniĭ Afnagelʹ Foundation declined.").mentions == []


def test_a_mention_that_is_an_entity_name_as_written_breaks_a_tie() -> None:
    # ЧВК keys as ЦВК (the Belarusian acronym of the election commission) in a GOST spelling
    m = normalize.resolve("ЧВК «Вагнер»")
    assert m is not None and m.canonical == "Wagner Group" and not m.ambiguous
    assert normalize.rewrite("Бойцы ЧВК «Вагнер» ушли.").text == "Бойцы Wagner Group ушли."


def test_a_quote_after_a_name_stays_in_the_text() -> None:
    r = normalize.rewrite("«Встреча с Лукашенко Александром» и (Tsikhanouskaya, Sviatlana).")
    assert [m.surface for m in r.mentions] == ["Лукашенко Александром", "Tsikhanouskaya, Sviatlana"]
    assert r.text == "«Встреча с Alexander Lukashenko» и (Sviatlana Tsikhanouskaya)."


def test_the_index_keeps_the_key_of_every_spelling_it_scans_for() -> None:
    # the rewrite pass takes a scanned word's key from here instead of making it again
    n = normalize.Normalizer.default()
    checked = 0
    for e in n.index.entries:
        for form, key in e.surfaces.items():
            assert key == n.key(form), (e.id, form)
            assert key == n.key(form.capitalize()) == n.key(form.upper()), (e.id, form)
            checked += 1
    assert checked > 5000


def test_text_built_in_python_with_a_lone_surrogate_is_rewritten() -> None:
    # decoded text never holds one, but a str made in Python may; the scan must not fail on it
    r = normalize.rewrite("\ud800 Lukashenko met Tsikhanouski \udfff")
    assert [m.surface for m in r.mentions] == ["Lukashenko", "Tsikhanouski"]
    assert r.text.startswith("\ud800 ") and r.text.endswith(" \udfff")


def test_names_with_combining_marks_are_found_whole() -> None:
    # ALA-LC ties two letters with U+0361 (Цепкало → T͡sepkalo)
    text = "Valery T\u0361sepkalo met Tikhanovskai\u0361a."
    r = normalize.rewrite(text)
    assert [m.surface for m in r.mentions] == ["Valery T\u0361sepkalo", "Tikhanovskai\u0361a"]
    assert r.text == "Valery Tsepkalo met Sviatlana Tsikhanouskaya."


def test_decomposed_letters_and_stress_marks_are_found() -> None:
    import unicodedata

    # text in NFD (as some systems write it: ў = у + U+0306, š = s + U+030C) and a stress mark
    nfd = unicodedata.normalize("NFD", "Ціханоўская and Aliaksandr Lukašenka")
    r = normalize.rewrite(nfd)
    assert [m.entity_id for m in r.mentions] == ["sviatlana-tsikhanouskaya", "alexander-lukashenko"]
    assert [nfd[m.start : m.end] for m in r.mentions] == [m.surface for m in r.mentions]
    assert r.text == "Sviatlana Tsikhanouskaya and Alexander Lukashenko"
    stressed = "Встреча: Лукаше\u0301нко и Алякса\u0301ндр Лукашэ\u0301нка."
    r2 = normalize.rewrite(stressed)
    assert [m.surface for m in r2.mentions] == ["Лукаше\u0301нко", "Алякса\u0301ндр Лукашэ\u0301нка"]
    # a stressed word that only contains a name is not one
    assert normalize.rewrite("Ле\u0301нин").mentions == []


def test_the_rows_for_words_of_names_leave_surnames_alone() -> None:
    # a woman's surname in -ь does not decline (the `words` rows are for organisation and place
    # names), a man's does
    n = normalize.Normalizer.from_records(
        [
            # known by the surname alone (prominence 60 and above), as running text names them here
            {
                "id": "ok",
                "canonical": "Olga Koval",
                "names": ["Ольга Коваль"],
                "type": "person",
                "gender": "f",
                "prominence": 70,
            },
            {
                "id": "ik",
                "canonical": "Ivan Gorel",
                "names": ["Иван Горель"],
                "type": "person",
                "gender": "m",
                "prominence": 70,
            },
        ]
    )
    assert [m.entity_id for m in n.rewrite("Встреча с Ковалью и Горелем.").mentions] == ["ik"]
    assert [m.entity_id for m in n.rewrite("Встреча с Коваль и Горелем.").mentions] == ["ok", "ik"]


def test_rewrite_text_decisions_are_what_resolve_decides() -> None:
    # the fast path for pipelines reports the entity, score and type resolve() gives each surface,
    # and the full match of each on demand (and through pickle, as a pipeline sends it)
    import pickle

    n = normalize.Normalizer.default()
    rw = Rewriter(n)
    text = "Svetlana Tikhanovskaya met LUKASHENKO, Alexander and Tsikhanouski in Гродна; Viasna reported it."
    new, spans = rw.rewrite_text(text)
    assert len(spans) >= 4 and new == rw.rewrite(text).text
    for s, e, d in spans:
        m = n.resolve(text[s:e])
        assert m is not None
        assert (d.entity_id, d.canonical, d.score, d.type) == (m.entity_id, m.canonical, m.score, m.type)
        full = d.match()
        assert (full.entity_id, full.score, full.ambiguous) == (m.entity_id, m.score, m.ambiguous)
        back = pickle.loads(pickle.dumps(d))
        assert (back.entity_id, back.score, back.match()) == (d.entity_id, d.score, full)


def test_gc_relaxed_collects_less_often_inside_and_restores_the_rate() -> None:
    import gc

    from normalize.index import gc_relaxed

    before = gc.get_threshold()
    with gc_relaxed(123_457):
        assert gc.get_threshold() == (123_457, *before[1:])
    assert gc.get_threshold() == before
    with pytest.raises(ZeroDivisionError), gc_relaxed(99_999):
        _ = 1 / 0
    assert gc.get_threshold() == before


def test_spellings_with_a_backtick_are_found_as_resolve_finds_them() -> None:
    # GOST 7.79 system B writes э as e` and ы as y` (Ne`ksta, Lukashe`nka): the backtick is a
    # letter's mark inside the word, in running text as in resolve()
    n = Normalizer.default()
    forms = sorted({f for e in n.index.entries for f in e.surfaces if "`" in f})
    assert forms
    checked = 0
    for form in forms:
        word = form[:1].upper() + form[1:]
        m = n.resolve(word)
        if m is None:
            continue  # a generic word alone (te`lekanal) names nothing
        # a person's surname alone is linked in running text after a title (or when the person is
        # known by it alone, or was named in full before)
        r = normalize.rewrite(f"Minister {word} reported." if m.type == "person" else f"{word} reported.")
        assert [(x.surface, x.entity_id) for x in r.mentions] == [(word, m.entity_id)]
        checked += 1
    assert checked > 100


def test_a_name_inside_a_hyphenated_compound_keeps_the_compound() -> None:
    # a canonical name of several words would break the compound: the mention is found, kept as
    # written, and the text reads the same when rewritten again
    for text in ("Lukashenko-Lukashenko", "Viasna-k", "Тихановская-Лукашенко"):
        r = normalize.rewrite(text)
        assert r.text == text and r.mentions
        assert normalize.rewrite(r.text).text == r.text
    # a canonical name of one word is written into the compound
    assert normalize.rewrite("Минск-Москва").text == "Minsk-Moscow"
