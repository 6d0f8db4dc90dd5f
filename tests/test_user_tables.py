"""Tables of the user's own beside the bundled ones: --tables, Normalizer.load(), NORMALIZE_TABLES,
--no-default-tables, replacements by id, and the way tables/README.md tells a newcomer to add a person."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from normalize import Normalizer
from normalize.errors import TableError
from normalize.rewrite import Rewriter
from normalize.tables import default_tables_dir, load_tables

BUNDLED = default_tables_dir()
N_BUNDLED = len(load_tables(BUNDLED).entities)
KUPALA = "- id: yanka-kupala\n  type: person\n  gender: m\n  canonical: Yanka Kupala\n  names: [Янка Купала]\n"
# a correction of a bundled entity: the same id, another canonical form
LUKASHENKA = (
    "- id: alexander-lukashenko\n  type: person\n  gender: m\n  canonical: Aliaksandr Lukashenka\n"
    "  names: [Аляксандр Рыгоравіч Лукашэнка, Александр Григорьевич Лукашенко]\n"
)


def command() -> list[str]:
    """The installed `normalize` command of the environment under test."""
    script = Path(sys.executable).with_name("normalize")
    return [str(script)] if script.exists() else [sys.executable, "-m", "normalize"]


def env(tmp_path: Path, **extra: str) -> dict[str, str]:
    out = {k: v for k, v in os.environ.items() if k != "NORMALIZE_TABLES"}
    out["NORMALIZE_CACHE_DIR"] = str(tmp_path / "cache")
    out.update(extra)
    return out


def cli(tmp_path: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*command(), *args], cwd=tmp_path, env=env(tmp_path, **extra), capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def mine(tmp_path: Path) -> Path:
    folder = tmp_path / "my_tables"
    folder.mkdir()
    (folder / "people.yaml").write_text(KUPALA, encoding="utf-8")
    return folder


def test_tables_readme_adding_a_person_works_as_written(tmp_path: Path) -> None:
    """Runs the section "Adding a person" of the installed tables/README.md: its YAML, its commands,
    and the output it promises."""
    readme = (BUNDLED / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Adding a person", 1)[1].split("\n## ", 1)[0]
    yaml_block = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert yaml_block is not None
    file_name = re.search(r"a file `([\w/.]+\.yaml)`", section)
    assert file_name is not None
    target = tmp_path / file_name.group(1)
    target.parent.mkdir(parents=True)
    target.write_text(yaml_block.group(1), encoding="utf-8")
    commands = [line[4:] for line in section.splitlines() if line.startswith("    ") and line.strip()]
    assert any(c.startswith("export NORMALIZE_TABLES") for c in commands)
    bin_dir = str(Path(command()[0]).parent)
    script = "set -e\n" + "\n".join(commands) + "\n"
    done = subprocess.run(
        ["bash", "-c", script],
        cwd=tmp_path,
        env=env(tmp_path, PATH=bin_dir + os.pathsep + os.environ.get("PATH", "")),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    promised = re.search(r"which prints `([^`]+)`", section)
    assert promised is not None
    lines = done.stdout.splitlines()
    assert lines[0].startswith("ok: ") and f"{N_BUNDLED + 1} entities" in lines[0]
    # the same line twice: with --tables, and with NORMALIZE_TABLES
    assert lines[1:] == [promised.group(1), promised.group(1)]


def test_a_folder_adds_to_the_bundled_entities(mine: Path) -> None:
    n = Normalizer.load(mine, cache=False)
    assert len(n.entities) == N_BUNDLED + 1
    assert n.resolve("Janka Kupała").entity_id == "yanka-kupala"  # type: ignore[union-attr]
    assert n.resolve("Ціханоўскай").entity_id == "sviatlana-tsikhanouskaya"  # type: ignore[union-attr]


def test_no_default_tables_uses_the_folder_alone(mine: Path, tmp_path: Path) -> None:
    n = Normalizer.load(mine, cache=False, default_tables=False)
    assert [e.id for e in n.entities] == ["yanka-kupala"]
    done = cli(tmp_path, "resolve", "--tables", str(mine), "--no-default-tables", "Janka Kupała", "Ціханоўскай")
    assert done.returncode == 0
    assert [line.split("\t")[1] for line in done.stdout.splitlines()] == ["yanka-kupala", "-"]
    done = cli(tmp_path, "resolve", "--no-default-tables", "Janka Kupała")
    assert done.returncode == 2 and "--no-default-tables needs a tables folder" in done.stderr


def test_normalize_tables_setting(mine: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    done = cli(tmp_path, "resolve", "Janka Kupała", "Lukashenko", NORMALIZE_TABLES=str(mine))
    assert [line.split("\t")[1] for line in done.stdout.splitlines()] == ["yanka-kupala", "alexander-lukashenko"]
    assert cli(tmp_path, "resolve", "Janka Kupała").stdout.split("\t")[1] == "-"
    monkeypatch.setenv("NORMALIZE_TABLES", str(mine))
    assert Normalizer.load(cache=False).resolve("Janka Kupała") is not None
    # an explicit folder wins over the setting, and the bundled folder itself adds nothing twice
    assert len(load_tables(BUNDLED).entities) == N_BUNDLED
    monkeypatch.setenv("NORMALIZE_TABLES", str(tmp_path / "nowhere"))
    with pytest.raises(TableError, match="no such tables folder"):
        load_tables()


def test_the_cache_tells_apart_folders_and_default_tables(mine: Path, tmp_path: Path) -> None:
    """The compiled index is cached per folder and per --no-default-tables, and rebuilt when a file
    of the folder changes."""
    assert cli(tmp_path, "resolve", "--tables", str(mine), "Lukashenko").stdout.split("\t")[1] != "-"
    assert (
        cli(tmp_path, "resolve", "--tables", str(mine), "--no-default-tables", "Lukashenko").stdout.split("\t")[1]
        == "-"
    )
    (mine / "people.yaml").write_text(KUPALA + LUKASHENKA, encoding="utf-8")
    got = cli(tmp_path, "resolve", "--tables", str(mine), "Lukashenko").stdout.split("\t")
    assert got[2] == "Aliaksandr Lukashenka"
    assert len(list((tmp_path / "cache").glob("*.bin"))) == 3


def test_an_entity_with_a_bundled_id_replaces_it_and_check_says_so(mine: Path, tmp_path: Path) -> None:
    (mine / "people.yaml").write_text(KUPALA + LUKASHENKA, encoding="utf-8")
    n = Normalizer.load(mine, cache=False)
    assert len(n.entities) == N_BUNDLED + 1
    m = n.resolve("Lukashenko")
    assert m is not None and (m.entity_id, m.canonical) == ("alexander-lukashenko", "Aliaksandr Lukashenka")
    done = cli(tmp_path, "tables", "check", str(mine))
    assert done.returncode == 0
    assert "warning: my_tables/people.yaml:6: 'alexander-lukashenko' replaces the bundled entity at" in done.stdout
    # a copy of a bundled entity, unchanged, replaces nothing worth a warning
    (mine / "people.yaml").write_text(KUPALA, encoding="utf-8")
    assert "warning" not in cli(tmp_path, "tables", "check", str(mine)).stdout


def test_missing_canonical_and_gender_are_warnings_that_say_what_was_assumed(mine: Path) -> None:
    (mine / "people.yaml").write_text("- id: kupala\n  names: [Янка Купала]\n", encoding="utf-8")
    tables = load_tables(mine)
    said = [str(w) for w in tables.warnings]
    assert any("people.yaml:1" in w and "no `canonical`" in w and "'Янка Купала'" in w for w in said), said
    assert any("people.yaml:1" in w and "no `gender`" in w and "add `gender: m`" in w for w in said), said


def test_bad_indentation_is_explained_in_plain_words(mine: Path, tmp_path: Path) -> None:
    (mine / "people.yaml").write_text(KUPALA.replace("  gender: m", "   gender: m"), encoding="utf-8")
    done = cli(tmp_path, "tables", "check", str(mine))
    assert done.returncode == 2
    assert "my_tables/people.yaml:3: YAML syntax: mapping values are not allowed" in done.stderr
    assert "In plain words: a line is indented more or less than it should be" in done.stderr


def test_schemes_of_a_folder_are_added_and_replace_by_id(mine: Path, tmp_path: Path) -> None:
    (mine / "schemes").mkdir()
    icao = (BUNDLED / "schemes" / "ru-icao.yaml").read_text(encoding="utf-8")
    (mine / "schemes" / "ru-mine.yaml").write_text(icao.replace("id: ru-icao", "id: ru-mine"), encoding="utf-8")
    shutil.copy(BUNDLED / "schemes" / "ru-icao.yaml", mine / "schemes" / "ru-icao.yaml")
    tables = load_tables(mine)
    bundled_ids = set(load_tables(BUNDLED, entities=False).schemes.ids())
    assert set(tables.schemes.ids()) == bundled_ids | {"ru-mine"}
    assert not tables.warnings  # an unchanged copy replaces nothing
    (mine / "schemes" / "ru-icao.yaml").write_text(icao.replace("name: ", "name: My ", 1), encoding="utf-8")
    assert any("scheme 'ru-icao' replaces the bundled one" in str(w) for w in load_tables(mine).warnings)


def test_cognates_of_a_folder_extend_the_bundled_given_names(mine: Path) -> None:
    (mine / "cognates.yaml").write_text("- be: [Аляксандр]\n  latin: [Aliaksandar]\n  gender: m\n", encoding="utf-8")
    tables = load_tables(mine)
    assert len(tables.cognates) == len(load_tables(BUNDLED, entities=False).cognates)
    group = next(c for c in tables.cognates if "Аляксандр" in c.be)
    assert "Aliaksandar" in group.latin and "Alexander" in group.latin and "Александр" in group.ru
    (mine / "cognates.yaml").write_text("- ru: [Александр, Сергей]\n  gender: m\n", encoding="utf-8")
    with pytest.raises(TableError, match="joins two given names"):
        load_tables(mine)


def test_a_place_whose_namesakes_lie_elsewhere_is_not_linked_in_text_naming_where(mine: Path) -> None:
    # Kirawsk, a town of the Mogilev region; another Kirovsk lies in the Murmansk region of Russia
    (mine / "places.yaml").write_text(
        "- id: kirawsk\n  type: place\n  canonical: Kirawsk\n  names: [Кіраўск, Кировск]\n"
        "  namesakes_in: [Мурманск, Murmansk]\n",
        encoding="utf-8",
    )
    rw = Rewriter(Normalizer.load(mine))
    assert [m.entity_id for m in rw.find("Вчера в Кировске открыли музей.")] == ["kirawsk"]
    assert rw.find("Вчера в Кировске Мурманской области открыли музей.") == []
    assert rw.find("Kirovsk lies in the Murmansk region.") == []


def test_the_country_of_a_town_says_whose_a_state_body_named_by_its_acronym_is(mine: Path) -> None:
    # Kazan lies in Russia: the interior ministry of a sentence about it is not Belarus's
    (mine / "places.yaml").write_text(
        "- id: kazan\n  type: place\n  country: russia\n  canonical: Kazan\n  names: [Казань, Kazan]\n",
        encoding="utf-8",
    )
    rw = Rewriter(Normalizer.load(mine))
    assert [m.entity_id for m in rw.find("МВД сообщило о задержаниях в Казани.")] == ["kazan"]
    assert [m.entity_id for m in rw.find("МВД сообщило о задержаниях в Гомеле.")] == ["interior-ministry", "gomel"]
    (mine / "places.yaml").write_text(
        "- id: kazan\n  type: place\n  canonical: Kazan\n  names: [Казань, Kazan]\n", encoding="utf-8"
    )
    rw = Rewriter(Normalizer.load(mine))  # a town whose state the tables do not give says nothing
    assert [m.entity_id for m in rw.find("МВД сообщило о задержаниях в Казани.")] == ["interior-ministry", "kazan"]


def test_a_country_that_is_no_other_place_of_the_tables_is_reported(mine: Path, tmp_path: Path) -> None:
    (mine / "places.yaml").write_text(
        "- id: kazan\n  type: place\n  canonical: Kazan\n  names: [Казань]\n  country: tatarstan-republic\n",
        encoding="utf-8",
    )
    done = cli(tmp_path, "tables", "check", str(mine))
    assert done.returncode == 2
    assert "my_tables/places.yaml:1" in done.stderr and "`country` of 'kazan' is 'tatarstan-republic'" in done.stderr
    # an organisation's: the state whose body it is
    (mine / "places.yaml").write_text(
        "- id: tut\n  type: organization\n  canonical: Tut\n  names: [Тут]\n  country: belarus\n", encoding="utf-8"
    )
    assert cli(tmp_path, "tables", "check", str(mine)).returncode == 0
    (mine / "places.yaml").write_text(
        "- id: tut\n  type: organization\n  canonical: Tut\n  names: [Тут]\n  country: [belarus]\n", encoding="utf-8"
    )
    done = cli(tmp_path, "tables", "check", str(mine))
    assert done.returncode == 2
    assert "my_tables/places.yaml:5" in done.stderr and "`country` is the id of a state" in done.stderr
    (mine / "places.yaml").unlink()
    (mine / "people.yaml").write_text(KUPALA + "  country: belarus\n", encoding="utf-8")
    assert cli(tmp_path, "tables", "check", str(mine)).returncode == 0


def test_namesakes_in_is_for_places_and_organisations_and_a_wrong_one_is_reported(mine: Path, tmp_path: Path) -> None:
    (mine / "people.yaml").write_text(KUPALA + "  namesakes_in: [France]\n", encoding="utf-8")
    done = cli(tmp_path, "tables", "check", str(mine))
    assert done.returncode == 2
    assert "my_tables/people.yaml:6" in done.stderr and "`namesakes_in` is for places and organisations" in done.stderr
    (mine / "people.yaml").write_text(
        "- id: kirawsk\n  type: place\n  canonical: Kirawsk\n  names: [Кіраўск]\n  namesakes_in: [Murmansk, {a: b}]\n",
        encoding="utf-8",
    )
    done = cli(tmp_path, "tables", "check", str(mine))
    assert done.returncode == 2
    assert "my_tables/people.yaml:5" in done.stderr and "each entry of `namesakes_in` must be a name" in done.stderr
