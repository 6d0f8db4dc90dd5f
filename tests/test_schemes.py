"""Every scheme reproduces its own samples (the tests are generated from the table files)."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest

import normalize
from normalize.errors import TableError, UnknownSchemeError
from normalize.schemes import ALL_LETTERS, Scheme, SchemeSet, _recase, load_scheme_file
from normalize.tables import default_tables_dir

SCHEMES = SchemeSet.load(default_tables_dir() / "schemes")
SAMPLES = [(s.id, src, want) for s in SCHEMES for src, want, _ in s.samples]


@pytest.mark.parametrize(("scheme", "source", "expected"), SAMPLES, ids=[f"{a}:{b}" for a, b, _ in SAMPLES])
def test_scheme_sample(scheme: str, source: str, expected: str) -> None:
    assert normalize.transliterate(source, scheme) == expected


REQUIRED = {
    "ru-bgn-pcgn", "ru-icao", "ru-gost-779b", "ru-iso9", "ru-ala-lc", "ru-scholarly", "ru-wikipedia",
    "ru-press-de", "ru-press-fr", "ru-press-pl", "be-national-2007", "be-national-2023", "be-bgn-pcgn",
    "be-icao", "be-ala-lc", "be-lacinka", "ru-press-hu", "ru-press-lt", "ru-press-lv", "ru-press-ro",
    "ru-press-tr", "ru-press-no", "ru-press-da", "ru-press-sv", "ru-press-nl", "ru-press-ca", "be-press-lt",
    "be-press-lv",
}  # fmt: skip


def test_the_required_schemes_are_bundled() -> None:
    assert set(SCHEMES.ids()) >= REQUIRED


def test_every_scheme_has_samples_and_covers_both_alphabets() -> None:
    for s in SCHEMES:
        assert len(s.samples) >= 3, s.id
        covered = {e.match for lst in s._table.values() for e in lst}
        assert covered >= ALL_LETTERS, (s.id, sorted(ALL_LETTERS - covered))


# Section 10 of the romanization reference: one vector per system, independent of the table files.
VECTORS = [
    ("ru-icao", "Подъячев", "Podieiachev"),
    ("ru-icao", "Юрий", "Iurii"),
    ("ru-bgn-pcgn", "Елена", "Yelena"),
    ("ru-bgn-pcgn", "Хрущёв", "Khrushchëv"),
    ("ru-iso9", "Юлия", "Ûliâ"),
    ("ru-gost-779b", "Ельцин", "El`cin"),
    ("ru-ala-lc", "Тихановская", "Tikhanovskai͡a"),
    ("ru-scholarly", "Хрущёв", "Xruščëv"),
    ("ru-wikipedia", "Ильин", "Ilyin"),
    ("ru-wikipedia", "Евгений", "Yevgeny"),
    ("be-icao", "Святлана Ціханоўская", "Sviatlana Tsikhanouskaia"),
    ("be-bgn-pcgn", "Святлана Ціханоўская", "Svyatlana Tsikhanowskaya"),
    ("be-national-2007", "Святлана Ціханоўская", "Sviatlana Cichanoŭskaja"),
    ("be-national-2023", "Аляксандр Лукашэнка", "Aliaksandr Lukashenka"),
    ("be-lacinka", "Аляксандр Лукашэнка", "Alaksandr Łukašenka"),
]


@pytest.mark.parametrize(("scheme", "source", "expected"), VECTORS)
def test_reference_vectors(scheme: str, source: str, expected: str) -> None:
    assert normalize.transliterate(source, scheme) == expected


def test_case_follows_the_source() -> None:
    assert normalize.transliterate("Жуков", "ru-bgn-pcgn") == "Zhukov"
    assert normalize.transliterate("ЖУКОВ", "ru-bgn-pcgn") == "ZHUKOV"
    assert normalize.transliterate("Щербаков", "ru-icao") == "Shcherbakov"
    assert normalize.transliterate("ЩЕРБАКОВ", "ru-icao") == "SHCHERBAKOV"


def test_text_outside_cyrillic_words_is_kept() -> None:
    assert normalize.transliterate("Лукашенко (b. 1954), Minsk!", "ru-icao") == "Lukashenko (b. 1954), Minsk!"


def test_family_picks_the_language_per_word() -> None:
    out = normalize.transliterate("Лукашэнка і Тихановская", "icao")
    assert out == "Lukashenka i Tikhanovskaia"
    assert normalize.transliterate("Ганна", "icao", language="be") == "Hanna"
    assert normalize.transliterate("Ганна", "icao", language="ru") == "Ganna"


def test_input_is_normalized_first() -> None:
    assert normalize.transliterate("Вiктар", "be-icao") == "Viktar"


def test_unidecode_folds_scripts_no_table_covers() -> None:
    assert normalize.transliterate("Λουκασένκο", "ru-icao").isascii()


def test_unknown_scheme_is_a_clear_error() -> None:
    with pytest.raises(UnknownSchemeError, match="unknown scheme 'nope'"):
        normalize.transliterate("Лукашенко", "nope")


def test_list_schemes() -> None:
    infos = normalize.list_schemes()
    assert {i.id for i in infos} == set(SCHEMES.ids())
    assert all(i.source and i.language in ("ru", "be") for i in infos)


def test_variants_of_a_belarusian_name() -> None:
    vs = normalize.variants("Ціханоўская")
    for want in ("Tsikhanouskaya", "Cichanoŭskaja", "Tsikhanowskaya", "Tsikhanouskaia"):
        assert want in vs
    assert all("Tikhanovsk" not in v for v in vs)  # no Russian-only forms for a Belarusian word


def test_variants_follow_forced_language() -> None:
    vs = normalize.variants("Лукашенко", language="ru")
    assert "Lukashenko" in vs and "Loukachenko" in vs
    assert "Łukaszenko" in vs or "Lukaszenko" in vs


# --- the loader reports bad tables with file and line ---------------------------------------------

GOOD = """id: ru-mini
name: Mini
language: ru
source: test
letters: {LETTERS}
samples:
  - [Аб, Ab]
"""


def _letters() -> str:
    return "{" + ", ".join(f'"{c}": x' for c in sorted(ALL_LETTERS - {"а", "б"})) + ", а: a, б: b}"


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "s.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def test_a_good_mini_scheme_loads(tmp_path: Path) -> None:
    s = load_scheme_file(write(tmp_path, GOOD.replace("{LETTERS}", _letters())))
    assert s.apply("Аб") == "Ab"


def test_unknown_key_is_reported_with_line(tmp_path: Path) -> None:
    text = GOOD.replace("{LETTERS}", _letters()) + "lettres: {}\n"
    with pytest.raises(TableError) as exc:
        load_scheme_file(write(tmp_path, text))
    assert "s.yaml:8: unknown key 'lettres'" in str(exc.value)


def test_failing_sample_refuses_the_scheme(tmp_path: Path) -> None:
    text = GOOD.replace("{LETTERS}", _letters()).replace("[Аб, Ab]", "[Аб, Ba]")
    with pytest.raises(TableError) as exc:
        load_scheme_file(write(tmp_path, text))
    assert "s.yaml:7: sample 'Аб' gives 'Ab', expected 'Ba'" in str(exc.value)


def test_bad_rule_context_is_reported(tmp_path: Path) -> None:
    text = GOOD.replace("{LETTERS}", _letters()) + "rules:\n  - {match: а, after: [nowhere], output: y}\n"
    with pytest.raises(TableError) as exc:
        load_scheme_file(write(tmp_path, text))
    assert "s.yaml:9: unknown context 'nowhere'" in str(exc.value)


def test_missing_letters_are_listed(tmp_path: Path) -> None:
    text = GOOD.replace("{LETTERS}", "{а: a, б: b}")
    with pytest.raises(TableError) as exc:
        load_scheme_file(write(tmp_path, text))
    assert "does not cover" in str(exc.value) and "щ" in str(exc.value)


def test_yaml_syntax_error_has_a_line(tmp_path: Path) -> None:
    with pytest.raises(TableError) as exc:
        load_scheme_file(write(tmp_path, "id: ru-x\nletters: [a, b\nsamples: []\n"))
    assert "s.yaml:3: YAML syntax" in str(exc.value) or "s.yaml:2: YAML syntax" in str(exc.value)


def test_broken_utf8_table_is_reported(tmp_path: Path) -> None:
    p = tmp_path / "s.yaml"
    p.write_bytes(b"id: ru-x\nname: \xff\xfe\n")
    with pytest.raises(TableError, match=r"s.yaml:2: not valid UTF-8"):
        load_scheme_file(p)


ENDINGS = """endings:
  - after: [ий]
    add: us
  - after: [ч]
    add: [ius, ""]
  - after: [consonant]
    not_after: [ў]
    add: [as, ""]
"""


def _with_endings(tmp_path: Path, endings: str = ENDINGS, sample: str = "[Аб, Abas]") -> Path:
    letters = _letters().replace('"й": x', '"й": j').replace('"и": x', '"и": i')
    text = GOOD.replace("{LETTERS}", letters).replace("[Аб, Ab]", sample)
    return write(tmp_path, text.replace("samples:", endings + "samples:"))


def test_endings_are_added_after_the_word(tmp_path: Path) -> None:
    s = load_scheme_file(_with_endings(tmp_path))
    assert s.apply("Аб") == "Abas"
    assert s.word_variants("Аб") == ["Abas", "Ab"]  # "" leaves the word as it is
    assert s.apply("АБ АБИЙ") == "ABAS ABIJUS"  # capitals in a word written in capitals
    assert s.apply("Аб-аб") == "Abas-abas"  # each part of a hyphenated name is a word
    assert s.word_variants("Абий") == ["Abijus"]  # the first entry that fits, and only one
    assert s.apply("Б. Аб") == "B. Abas"  # an initial takes no ending
    assert s.apply("БББ") == "BBB"  # nor does a word without a vowel (an acronym)
    assert s.apply("Абў") == "Abx"  # not_after


def test_a_bad_ending_is_reported_with_file_and_line(tmp_path: Path) -> None:
    bad = """endings:
  - after: [start]
    add: as
  - after: [nowhere]
    add: [a s]
  - add: as
  - after: [б]
    add: as
    adds: is
"""
    with pytest.raises(TableError) as exc:
        load_scheme_file(_with_endings(tmp_path, bad))
    msg = str(exc.value)
    assert "s.yaml:7: `start` cannot stand in an ending's `after`" in msg
    assert "s.yaml:9: unknown context 'nowhere'" in msg
    assert "s.yaml:10: an ending is added as letters, not 'a s'" in msg
    assert "s.yaml:11: an ending lacks the required key 'after'" in msg
    assert "s.yaml:14: unknown key 'adds' in an ending" in msg


def test_values_are_text_not_booleans(tmp_path: Path) -> None:
    # YAML 1.1 would read `no` as false; tables read it as the text "no"
    text = GOOD.replace("{LETTERS}", _letters().replace("а: a", "а: no")).replace("[Аб, Ab]", "[Аб, Nob]")
    assert load_scheme_file(write(tmp_path, text)).apply("аб") == "nob"


def _variants_letter_by_letter(s: Scheme, word: str, limit: int) -> list[str]:
    """word_variants as the table reads, segment by segment, and then the ending (the reference for the
    compiled form)."""
    letters = [c for c in word if c.isalpha()]
    caps = len(letters) > 1 and all(c.isupper() for c in letters)
    parts = [outs if seg == outs[0] and len(outs) == 1 else tuple(_recase(seg, o, caps) for o in outs)
             for seg, outs in s._segments(word)]  # fmt: skip
    adds = s.ending_of(word.lower())
    if adds is not None:
        parts.append(tuple(a.upper() for a in adds) if caps else adds)
    out: list[str] = []
    for combo in itertools.product(*parts):
        v = "".join(combo)
        if v not in out:
            out.append(v)
            if len(out) >= limit:
                break
    return out


def test_compiled_schemes_give_what_the_tables_say() -> None:
    from normalize.translit import default_tables

    t = default_tables()
    alphabet = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіў'"
    alphabet += alphabet.upper() + "-.1aZǅⓐ\u0301ЀѐӀ҂’"
    rnd = random.Random(11)
    words = {f for c in t.cognates for f in c.forms}
    for _ in range(1500):
        w = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 10)))
        words |= {w, w.capitalize(), w.upper(), w.lower()}
    schemes = [*t.schemes, *([t.ru_be] if t.ru_be is not None else [])]
    for s in schemes:
        for w in words:
            for limit in (4, 8):
                assert s.word_variants(w, limit) == _variants_letter_by_letter(s, w, limit), (s.id, w)
            assert s.word(w) == _variants_letter_by_letter(s, w, 1)[0], (s.id, w)
