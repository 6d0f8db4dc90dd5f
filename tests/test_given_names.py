"""The given-name list (tables/given_names.yaml), its loader and GivenNames."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from normalize import givennames
from normalize.cli import main
from normalize.errors import TableError
from normalize.givennames import GivenNames
from normalize.tables import Tables, load_tables
from normalize.text import script_of


@pytest.fixture(scope="module")
def names(tables: Tables) -> GivenNames:
    return GivenNames(tables)


def write_list(folder: Path, text: str) -> Path:
    (folder / "given_names.yaml").write_text(text, encoding="utf-8")
    return folder


# --- the loader's checks -------------------------------------------------------------------------

BAD = """source: a test list
male: [
  Aaron, Jean Paul,
  R2D2,
  President, Ltd,
  Holding, Al,
  Annaжанна, Aaron,
  [Nested],
]
female: [Zoë, "Дар'я", -Ann]
colour: [red]
"""


def test_each_bad_entry_is_reported_with_its_file_and_line(tmp_path: Path) -> None:
    with pytest.raises(TableError) as exc:
        load_tables(write_list(tmp_path, BAD), entities=False)
    text = str(exc.value)
    where = "given_names.yaml"
    for line, what in [
        (3, "'Jean Paul' must be one word of letters"),
        (4, "'R2D2' must be one word of letters"),
        (5, "'President' is a title"),
        (5, "'Ltd' is a legal form"),
        (6, "'Holding' is a generic word of organisation names"),
        (6, "'Al' has fewer than 3 letters"),
        (7, "'Annaжанна' must be written in Latin or in Cyrillic letters"),
        (7, "'Aaron' is already in `male` at line 3"),
        (8, "each entry of `male` must be a name"),
        (10, "'-Ann' must be one word of letters"),
        (11, "unknown key 'colour'"),
    ]:
        assert re.search(rf"{where}:{line}: .*{re.escape(what)}", text), (line, what, text)
    assert "Zoë" not in text and "Дар'я" not in text  # diacritics and a Belarusian apostrophe are letters


def test_tables_check_reports_a_bad_given_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_list(tmp_path, "male: [Aaron, Mister]\n")
    assert main(["tables", "check", str(tmp_path)]) == 2
    assert "given_names.yaml:1: the given name 'Mister' is a title" in capsys.readouterr().err


def test_a_list_that_is_not_a_mapping_is_reported(tmp_path: Path) -> None:
    with pytest.raises(TableError) as exc:
        load_tables(write_list(tmp_path, "- Aaron\n- Anna\n"), entities=False)
    assert "given_names.yaml:1: the given names file must be a mapping" in str(exc.value)


def test_genders_and_spelling_as_read(tmp_path: Path) -> None:
    t = load_tables(
        write_list(tmp_path, "male: [Jean, Sasha, İbrahim]\nfemale: [Jean, ZOË]\neither: [Alex, Sasha]\n"),
        entities=False,
    )
    # a folder's list is added to the bundled one (its own entries as it reads them)
    mine = {"jean": "", "sasha": "", "ibrahim": "m", "zoë": "f", "alex": ""}
    assert {k: t.given_names[k] for k in mine} == mine


def test_a_folder_without_the_list_takes_the_bundled_one(tmp_path: Path, tables: Tables) -> None:
    (tmp_path / "entities").mkdir()
    t = load_tables(tmp_path)
    assert t.given_names == tables.given_names and len(t.given_names) > 1000


def test_a_user_list_is_added_to_the_bundled_one(tmp_path: Path) -> None:
    t = load_tables(write_list(tmp_path, "female: [Нонна, Zorbella]\n"), entities=False)
    assert t.given_names["zorbella"] == "f" and t.given_names["нонна"] == "f"
    g = GivenNames(t)
    assert g.gender_of("Нонной") == "f" and g.gender_of("Zorbella") == "f" and g.gender_of("Anna") == "f"
    assert g.gender_of("Аляксандр") == "m"  # the cognate table is still the bundled one


# --- the bundled list -----------------------------------------------------------------------------


def test_the_bundled_list_holds_both_scripts_and_genders(tables: Tables) -> None:
    counts: dict[tuple[str, str], int] = {}
    for name, gender in tables.given_names.items():
        key = (script_of(name), gender)
        counts[key] = counts.get(key, 0) + 1
    assert counts[("Latn", "m")] > 2000 and counts[("Latn", "f")] > 1500 and counts[("Latn", "")] > 50
    assert counts[("Cyrl", "m")] > 300 and counts[("Cyrl", "f")] > 200 and counts[("Cyrl", "")] > 5
    assert set(counts) <= {(s, g) for s in ("Latn", "Cyrl") for g in ("m", "f", "")}


@pytest.mark.parametrize(
    ("name", "gender"),
    [
        ("christiane", "f"),  # German
        ("agnès", "f"),  # French
        ("josé", "m"),  # Spanish and Portuguese
        ("giuseppe", "m"),  # Italian
        ("sjoerd", "m"),  # Dutch
        ("solveig", "f"),  # Scandinavian
        ("päivi", "f"),  # Finnish
        ("małgorzata", "f"),  # Polish
        ("kateřina", "f"),  # Czech
        ("zsuzsanna", "f"),  # Hungarian
        ("răzvan", "m"),  # Romanian
        ("jūratė", "f"),  # Lithuanian
        ("dražen", "m"),  # Croatian
        ("panagiotis", "m"),  # Greek
        ("zeynep", "f"),  # Turkish
        ("khadija", "f"),  # Arabic
        ("noam", "m"),  # Hebrew
        ("farhad", "m"),  # Persian
        ("priyanka", "f"),  # Indian
        ("hiroshi", "m"),  # Japanese
        ("chinedu", "m"),  # Igbo
        ("kwame", "m"),  # Akan
        ("sviatlana", "f"),  # Belarusian in Latin letters
        ("нонна", "f"),
        ("клавдия", "f"),
        ("драган", "m"),  # Serbian Cyrillic
        ("олександр", "m"),  # Ukrainian
        ("дима", "m"),
        ("лёша", "m"),
        ("настя", "f"),
        ("таня", "f"),
        ("маша", "f"),
        ("коля", "m"),
        ("данька", "m"),
        ("саша", ""),
        ("женя", ""),
        ("sasha", ""),
        ("andrea", ""),  # a man's name in Italian, a woman's elsewhere
    ],
)
def test_names_of_many_origins_are_listed(tables: Tables, name: str, gender: str) -> None:
    assert tables.given_names.get(name) == gender


def test_no_entry_is_a_title_or_an_organisation_word(tables: Tables, tables_dir: Path) -> None:
    vocabulary = yaml.load((tables_dir / "org_vocabulary.yaml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    org_words = {w.lower() for w in vocabulary["function_words"] + vocabulary["conjunctions"]}
    for entry in vocabulary["words"]:
        for forms in entry.values():
            org_words |= {f.lower() for f in ([forms] if isinstance(forms, str) else forms)}
    listed = set(tables.given_names)
    assert not listed & tables.titles
    assert not listed & tables.legal_forms
    assert not listed & tables.generic_words
    assert not listed & org_words
    assert all(len(n.replace("-", "").replace("'", "")) >= 3 for n in listed)


@pytest.mark.parametrize(
    "word",
    ["will", "may", "can", "bill", "hope", "grace", "faith", "june", "april", "august", "summer", "winter",
     "christian", "said", "son", "van", "paris", "london", "слава", "весна", "поля", "мира", "рада", "света"],
)  # fmt: skip
def test_words_the_header_leaves_out_are_not_listed(tables: Tables, word: str) -> None:
    assert word not in tables.given_names


# --- GivenNames -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "gender"),
    [
        ("Anna", "f"),
        ("ANNA", "f"),
        ("Christiane", "f"),
        ("José", "m"),
        ("Jose", "m"),  # without its diacritic
        ("Drazen", "m"),
        ("Zoe", "f"),
        ("Alessandro", "m"),  # a Latin form of the cognate table
        ("Аляксандр", "m"),  # a Belarusian form of the cognate table
        ("Аляксандра", ""),  # his genitive, and a woman's name of its own
        ("Святлану", "f"),
        ("Святланы", "f"),
        ("Ивану", "m"),
        ("Ивана", "m"),
        ("Анны", "f"),
        ("Паўла", "m"),  # Павел → Паўла: ў for л
        ("Льва", "m"),  # a name row: the fleeting vowel
        ("Натальей", "f"),
        ("Дар’і", "f"),  # a typographic apostrophe
        ("Сяргея", "m"),
        ("Нонной", "f"),  # a name of the list, declined
        ("Клавдии", "f"),
        ("Данькой", "m"),
        ("Кірылу", "m"),
        ("Сашей", ""),
        ("Лёши", "m"),
        ("Леши", "m"),  # е written for ё
        ("Алена", "f"),
    ],
)
def test_given_names_and_their_case_forms_are_recognised(names: GivenNames, word: str, gender: str) -> None:
    assert names.gender_of(word) == gender
    assert names.is_given(word)


@pytest.mark.parametrize(
    "word",
    ["Yesterday", "Minsk", "Telegram", "Belarus", "завод", "Завода", "Минск", "Лукашенко", "Беларусь",
     "Тому", "Любой", "Света", "Будет", "Президент", "Ltd", "", "   ", "А", "Anna's", "x" * 10_000, "\ud800"],
)  # fmt: skip
def test_other_words_are_not_given_names(names: GivenNames, word: str) -> None:
    assert names.gender_of(word) is None
    assert not names.is_given(word)


def test_the_memo_stays_bounded(tables: Tables, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(givennames, "MEMO_LIMIT", 10)
    g = GivenNames(tables)
    for k in range(50):
        g.gender_of(f"Word{k}")
    assert len(g._memo) <= 10
    assert g.gender_of("Anna") == "f" and g.gender_of("Anna") == "f"


def test_sentence_words_are_checked_with_file_and_line(tmp_path: Path) -> None:
    write_list(tmp_path, "female: [Вера]\nsentence_words: [\n  вчера, сегодня два,\n  Вера,\n  [вложено],\n]\n")
    with pytest.raises(TableError) as exc:
        load_tables(tmp_path, entities=False)
    text = str(exc.value)
    assert re.search(r"given_names.yaml:3: .*'сегодня два' must be one word of letters", text), text
    assert re.search(r"given_names.yaml:4: .*'Вера' is also a given name", text), text
    assert re.search(r"given_names.yaml:5: .*each entry of `sentence_words` must be a word", text), text
    assert "вчера" not in text


def test_sentence_words_are_read_in_lower_case(tmp_path: Path) -> None:
    t = load_tables(write_list(tmp_path, "male: [Aaron]\nsentence_words: [Вчера, кто-то]\n"), entities=False)
    assert {"вчера", "кто-то"} <= t.sentence_words
    assert "aaron" not in t.sentence_words
