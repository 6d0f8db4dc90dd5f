"""The JSON Schemas shipped with the tables (for editors that check a table while it is typed) accept
every bundled table, and reject what the loader rejects."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from normalize.errors import TableError
from normalize.tables import default_tables_dir, load_tables

jsonschema = pytest.importorskip("jsonschema")

BUNDLED = default_tables_dir()
SCHEMAS = BUNDLED / "json-schema"


class Yaml12Loader(yaml.SafeLoader):
    """YAML as an editor's language server reads it (YAML 1.2: `no` and `on` are text)."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def schema_for(rel: str) -> str:
    """The schema of a table file, by its path in a tables folder."""
    if rel.startswith("entities/"):
        return "entities.schema.json"
    if rel.startswith("schemes/"):
        return "scheme.schema.json"
    return rel.replace(".yaml", ".schema.json")


def validator(name: str) -> Any:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def errors(name: str, text: str) -> list[str]:
    doc = yaml.load(text, Loader=Yaml12Loader)  # a SafeLoader subclass
    return [e.message for e in validator(name).iter_errors(doc)]


def test_every_table_file_has_a_schema_in_the_installed_package() -> None:
    files = sorted(p.relative_to(BUNDLED).as_posix() for p in BUNDLED.rglob("*.yaml"))
    assert len(files) > 40
    assert {schema_for(f) for f in files} == {p.name for p in SCHEMAS.glob("*.schema.json")}


@pytest.mark.parametrize("rel", sorted(p.relative_to(BUNDLED).as_posix() for p in BUNDLED.rglob("*.yaml")))
def test_bundled_table_is_valid_under_its_schema(rel: str) -> None:
    assert errors(schema_for(rel), (BUNDLED / rel).read_text(encoding="utf-8")) == []


def test_entity_files_name_their_schema_for_editors() -> None:
    for p in (BUNDLED / "entities").glob("*.yaml"):
        first = p.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../json-schema/entities.schema.json", p
        assert (p.parent / "../json-schema/entities.schema.json").resolve().is_file()


GOOD_PERSON = "- id: yanka-kupala\n  type: person\n  gender: m\n  canonical: Yanka Kupala\n  names: [Янка Купала]\n"

# Entity files the loader refuses; the schema must refuse each too (an editor marks them as typed).
BAD_ENTITIES = {
    "unknown key": GOOD_PERSON + "  birthplace: Вязынка\n",
    "gender not m or f": GOOD_PERSON.replace("gender: m", "gender: x"),
    "gender on a place": "- id: minsk\n  type: place\n  gender: m\n  canonical: Minsk\n  names: [Мінск]\n",
    "unknown type": GOOD_PERSON.replace("type: person", "type: ship"),
    "no names": GOOD_PERSON.replace("  names: [Янка Купала]\n", ""),
    "empty names": GOOD_PERSON.replace("[Янка Купала]", "[]"),
    "prominence over 100": GOOD_PERSON + "  prominence: 101\n",
    "bad id": GOOD_PERSON.replace("yanka-kupala", "Yanka Kupala!"),
    "a list where text belongs": GOOD_PERSON.replace("canonical: Yanka Kupala", "canonical: [Yanka, Kupala]"),
}


def test_schema_accepts_the_documented_entity() -> None:
    assert errors("entities.schema.json", GOOD_PERSON) == []


@pytest.mark.parametrize("case", sorted(BAD_ENTITIES))
def test_schema_and_loader_both_refuse(case: str, tmp_path: Path) -> None:
    text = BAD_ENTITIES[case]
    assert errors("entities.schema.json", text), case
    (tmp_path / "people.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(TableError):
        load_tables(tmp_path)


def test_schema_flags_what_the_loader_warns_about(tmp_path: Path) -> None:
    """No canonical, or a person with no gender: the loader assumes and warns; the editor asks."""
    for text in (GOOD_PERSON.replace("  canonical: Yanka Kupala\n", ""), GOOD_PERSON.replace("  gender: m\n", "")):
        assert errors("entities.schema.json", text)
        (tmp_path / "people.yaml").write_text(text, encoding="utf-8")
        assert load_tables(tmp_path).warnings


def test_scheme_schema_refuses_an_unknown_rule_key_and_a_bad_sample() -> None:
    scheme = (BUNDLED / "schemes" / "ru-icao.yaml").read_text(encoding="utf-8")
    assert errors("scheme.schema.json", scheme) == []
    assert errors("scheme.schema.json", scheme.replace("samples:", "sample:", 1))
    assert errors("scheme.schema.json", scheme + "  - [Сергей]\n")


def test_tables_schemas_prints_where_the_installed_schemas_are(capsys: pytest.CaptureFixture[str]) -> None:
    from normalize.cli import main

    assert main(["tables", "schemas"]) == 0
    paths = [Path(line) for line in capsys.readouterr().out.splitlines()]
    assert SCHEMAS / "entities.schema.json" in paths and all(p.is_file() for p in paths)
