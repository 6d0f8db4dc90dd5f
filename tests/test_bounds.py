"""Tables and calls that would crash, hang or run away: each gets a clear error or a defined result."""

from __future__ import annotations

import math
import os
import subprocess
import threading
import time
from pathlib import Path

import pytest
from conftest import command

import normalize
from normalize import Normalizer, OptionError, TableError
from normalize.tablefile import TableReader
from normalize.tables import MAX_NAME_CHARS, MAX_NAMES, load_tables

# --- C3: aliases ----------------------------------------------------------------------------------


def test_an_alias_that_holds_itself_is_refused_with_its_line() -> None:
    reader = TableReader("e.yaml")
    reader.parse("- id: a\n  names: &n [*n, *n]\n")
    assert {str(p) for p in reader.problems} == {
        "e.yaml:2: an alias (*name) refers to a value that holds it: it would repeat for ever"
    }


def test_an_alias_bomb_is_refused_quickly_with_its_line() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    text = "\n".join(lines) + "\n"
    assert len(text) < 1000  # a small file that would expand to a billion values
    reader = TableReader("bomb.yaml")
    t0 = time.perf_counter()
    assert reader.parse(text) is None
    assert time.perf_counter() - t0 < 10
    (problem,) = reader.problems
    assert problem.path == "bomb.yaml" and problem.line >= 1 and "aliases (*name) repeat values" in problem.message


def test_aliases_and_anchors_within_the_bound_are_read(tmp_path: Path) -> None:
    (tmp_path / "entities").mkdir()
    (tmp_path / "entities" / "a.yaml").write_text(
        "- &person {id: a, type: person, gender: m, canonical: Alexander Lukashenko, names: &n [Александр Лукашенко]}\n"
        "- {id: b, type: person, gender: m, canonical: Double, names: *n, prominence: '10'}\n",
        encoding="utf-8",
    )
    tables = load_tables(tmp_path, default_tables=False)
    assert [e.names for e in tables.entities] == [("Александр Лукашенко",), ("Александр Лукашенко",)]


# --- C4: files that are not files -------------------------------------------------------------------


def test_a_table_linked_to_dev_zero_is_refused(tmp_path: Path) -> None:
    (tmp_path / "entities").mkdir()
    (tmp_path / "entities" / "zero.yaml").symlink_to("/dev/zero")
    with pytest.raises(TableError, match="not a regular file"):
        load_tables(tmp_path)


def test_a_fifo_table_is_refused_without_waiting(tmp_path: Path) -> None:
    (tmp_path / "entities").mkdir()
    os.mkfifo(tmp_path / "entities" / "pipe.yaml")
    got: list[BaseException] = []

    def load() -> None:
        try:
            load_tables(tmp_path)
        except BaseException as exc:
            got.append(exc)

    t = threading.Thread(target=load, daemon=True)
    t.start()
    t.join(30)
    assert not t.is_alive(), "the loader waits on a FIFO"
    assert isinstance(got[0], TableError) and "not a regular file" in str(got[0])


def test_a_table_over_the_bound_is_read_no_further(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from normalize import tablefile

    monkeypatch.setattr(tablefile, "MAX_TABLE_BYTES", 1000)
    p = tmp_path / "big.yaml"
    p.write_text("# pad\n" * 500, encoding="utf-8")
    reader = TableReader(p)
    assert reader.read() is None and "limited to 1000" in str(reader.problems[0])


# --- H1 and the resource bounds ------------------------------------------------------------------


def test_a_long_canonical_is_refused_with_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "entities").mkdir()
    (tmp_path / "entities" / "a.yaml").write_text(
        f"- id: a\n  type: person\n  canonical: {'a' * (MAX_NAME_CHARS + 1)}\n  names: [Лукашенко]\n", encoding="utf-8"
    )
    with pytest.raises(TableError) as exc:
        load_tables(tmp_path)
    assert [str(p) for p in exc.value.problems] == [
        f"a/entities/a.yaml:3: `canonical` is longer than {MAX_NAME_CHARS} characters".replace(
            "a/", tmp_path.name + "/"
        )
    ]


def test_a_canonical_at_the_bound_builds_quickly() -> None:
    t0 = time.perf_counter()
    n = Normalizer.from_records([{"id": "a", "canonical": "a" * MAX_NAME_CHARS, "names": ["Лукашенко"]}])
    normalize.Rewriter(n).rewrite("Лукашенко")
    assert time.perf_counter() - t0 < 30


def test_an_entity_with_too_many_names_is_refused() -> None:
    names = [f"Имя{i} Фамилия" for i in range(MAX_NAMES + 1)]
    with pytest.raises(TableError, match=f"at most {MAX_NAMES} names"):
        Normalizer.from_records([{"id": "a", "names": names}])


def test_a_phonetic_table_with_too_many_rules_is_refused(tmp_path: Path) -> None:
    import yaml

    from normalize.phonetic import MAX_RULES
    from normalize.tables import default_tables_dir

    doc = yaml.safe_load((default_tables_dir() / "phonetic.yaml").read_text(encoding="utf-8"))
    doc["passes"][0] += [{"match": f"q{i}", "output": "K"} for i in range(MAX_RULES)]
    (tmp_path / "phonetic.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    t0 = time.perf_counter()
    with pytest.raises(TableError, match=f"a phonetic table holds at most {MAX_RULES}"):
        load_tables(tmp_path, entities=False)
    assert time.perf_counter() - t0 < 30


# --- API checks -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs", [{"policy": "bogus"}, {"threshold": 2}, {"threshold": math.nan}, {"threshold": -0.1}]
)
def test_resolve_refuses_options_out_of_range(kwargs: dict[str, object]) -> None:
    with pytest.raises(OptionError):
        normalize.resolve("Lukashenko", **kwargs)
    with pytest.raises(ValueError):  # an OptionError is a ValueError too
        Normalizer.default().resolve_many(["Lukashenko"], **kwargs)


def test_resolve_many_refuses_one_text() -> None:
    with pytest.raises(TypeError, match="not one text"):
        Normalizer.default().resolve_many("Lukashenko")


@pytest.mark.parametrize("name", ["Лука\x00шенко", "Лука\ud800шенко"])
def test_from_records_refuses_what_a_table_file_cannot_hold(name: str) -> None:
    with pytest.raises(TableError, match="NUL or a lone surrogate"):
        Normalizer.from_records([{"id": "a", "names": [name]}])
    with pytest.raises(TableError, match="NUL or a lone surrogate"):
        Normalizer.from_records([{"id": "a", "names": ["Лукашенко"], "canonical": name}])


def test_tables_with_index_is_an_error(tmp_path: Path, cli_env: dict[str, str]) -> None:
    idx = tmp_path / "i.bin"
    assert subprocess.run([command(), "build-index", "-o", str(idx)], env=cli_env, capture_output=True).returncode == 0
    p = subprocess.run(
        [command(), "resolve", "--index", str(idx), "--tables", str(tmp_path), "Lukashenko"],
        env=cli_env, capture_output=True, text=True,
    )  # fmt: skip
    assert p.returncode == 2 and "--tables and --index exclude each other" in p.stderr


@pytest.mark.parametrize("args", [["--threshold", "2"], ["--threshold", "nan"]])
def test_the_command_refuses_a_threshold_out_of_range(cli_env: dict[str, str], args: list[str]) -> None:
    p = subprocess.run([command(), "resolve", *args, "Lukashenko"], env=cli_env, capture_output=True, text=True)
    assert p.returncode == 2 and "threshold must be a number from 0 to 1" in p.stderr
