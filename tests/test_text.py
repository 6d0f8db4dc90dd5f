from __future__ import annotations

from normalize.text import detect_language, normalize_mapped, normalize_text, script_of


def test_nfc_builds_yo_from_combining_diaeresis() -> None:
    assert normalize_text("Семе\u0308н") == "Семён"


def test_invisible_characters_are_removed() -> None:
    assert normalize_text("Лука\u200bшенко\u00ad\ufeff") == "Лукашенко"
    assert normalize_text("Tsikhanou\u200eskaya\u202e") == "Tsikhanouskaya"


def test_apostrophe_variants_fold_to_one() -> None:
    for apo in ("\u2019", "\u02bc", "`", "'"):
        assert normalize_text(f"Дар{apo}я") == "Дар'я"


def test_latin_i_inside_cyrillic_word_becomes_cyrillic() -> None:
    # official lists print Belarusian і as Latin i
    assert normalize_text("Вiктар") == "Віктар"
    assert normalize_text("КIСЛОЎ") == "КІСЛОЎ"
    assert normalize_text("Аляĸсандр") == "Аляксандр"  # Latin kra U+0138


def test_cyrillic_lookalike_inside_latin_word_becomes_latin() -> None:
    fixed = normalize_text("Lukashеnko")  # Cyrillic е
    assert fixed == "Lukashenko" and fixed.isascii()


def test_words_of_different_scripts_are_left_alone() -> None:
    assert normalize_text("Minsk Мінск") == "Minsk Мінск"


def test_offsets_map_back_to_the_input() -> None:
    src = "A\u200bБ\u0435\u0308 c"
    out, offs = normalize_mapped(src)
    assert out == "АБё c"  # the Latin A inside a Cyrillic word is repaired too
    assert out == normalize_text(src)
    assert len(offs) == len(out) + 1
    assert src[offs[1]] == "Б" and src[offs[2] : offs[3]] == "\u0435\u0308"
    assert offs[-1] == len(src)


def test_lone_surrogates_do_not_crash() -> None:
    out = normalize_text("Лука\udcffшенко")
    assert "\udcff" not in out


def test_language_detection() -> None:
    assert detect_language("Ціханоўская") == "be"
    assert detect_language("Дар'я") == "be"
    assert detect_language("Тихановская") == "ru"
    assert detect_language("Щербаков") == "ru"
    assert detect_language("Лукашенко") is None


def test_script_of() -> None:
    assert script_of("Лукашенко") == "Cyrl"
    assert script_of("Lukashenko") == "Latn"
    assert script_of("Lukashenko Лукашенко") == "mixed"
    assert script_of("123") == "none"


def test_language_of_words_with_latin_look_alike_i() -> None:
    from normalize.text import detect_language

    assert detect_language("Рэспублiканскае унiтарнае прадпрыемства") == "be"
    assert detect_language("Республиканское унитарное предприятие") == "ru"
