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
    "born not a year": GOOD_PERSON + "  born: early 1880s\n",
    "born of five digits": GOOD_PERSON + "  born: 18820\n",
    "born on a place": "- id: minsk\n  type: place\n  born: 1067\n  canonical: Minsk\n  names: [Мінск]\n",
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


@pytest.mark.parametrize("born", ["1882", "'1882-07-07'"])
def test_a_year_of_birth_or_a_date_is_accepted(born: str, tmp_path: Path) -> None:
    text = GOOD_PERSON + f"  born: {born}\n"
    assert errors("entities.schema.json", text) == []
    (tmp_path / "people.yaml").write_text(text, encoding="utf-8")
    assert [e.born for e in load_tables(tmp_path, default_tables=False).entities] == [1882]


def test_a_bad_year_of_birth_is_reported_with_its_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "people.yaml").write_text(GOOD_PERSON + "  born: 18820\n", encoding="utf-8")
    with pytest.raises(TableError, match=r"people\.yaml:6: .*`born` is a person's year of birth"):
        load_tables(tmp_path, default_tables=False)


def test_a_year_of_founding_is_an_organisations_or_a_places_only(tmp_path: Path) -> None:
    org = "- id: test-union\n  type: organization\n  canonical: Test Union\n  names: [Тэставы саюз]\n"
    state = "- id: test-land\n  type: place\n  canonical: Test Land\n  names: [Тэставая зямля]\n"
    (tmp_path / "orgs.yaml").write_text(org + "  founded: 2007\n" + state + "  founded: 1918\n", encoding="utf-8")
    assert [e.founded for e in load_tables(tmp_path, default_tables=False).entities] == [2007, 1918]
    assert errors("entities.schema.json", org + "  founded: 2007\n") == []
    (tmp_path / "orgs.yaml").unlink()
    (tmp_path / "people.yaml").write_text(GOOD_PERSON + "  founded: 1882\n", encoding="utf-8")
    with pytest.raises(
        TableError,
        match=r"people\.yaml:6: .*`founded` is an organisation's or a place's year.*only for organisations and places",
    ):
        load_tables(tmp_path, default_tables=False)


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


GIVEN, INFL, ICAO = "given_names.yaml", "inflection.yaml", "schemes/ru-icao.yaml"

# Small tables that use every field the newer formats added, each accepted by both schema and loader.
# A user's folder adds given names, titles and organisation words to the bundled ones, replaces the
# inflection and phonetic tables, and a scheme with a bundled id replaces that scheme.
GOOD_TABLES = {
    GIVEN: (
        "source: Public lists of given names.\n"
        "male: [Aliaksandr, Jean-Pierre, Вiктар]   # the i of Вiктар is Latin: read as the Cyrillic і\n"
        "female: [Zoë, Дар’я]\n"
        "either: [Sasha]\n"
    ),
    INFL: (
        "ru:\n"
        "  - {ending: ов, gender: m, kind: surname, cases: {gen: ова, dat: ову, ins: овым, loc: ове}}\n"
        "  - {ending: ша, gender: any, unsure: [ins],\n"
        "     cases: {gen: [ши, шы], dat: ше, acc: шу, ins: [шей, шой], loc: ше}}\n"
        "  - {ending: о, gender: any, kind: surname, declines: no}\n"
        "  - {ending: е, gender: any, kind: surname, declines: false}\n"
        "words:\n"
        "  ru:\n"
        "    - {name: радио, gender: n, declines: no}\n"
        "    - {name: наше, gender: n, kind: adjective, cases: {gen: нашего, dat: нашему, ins: нашим, loc: нашем}}\n"
        "latin:\n"
        "  pl:\n"
        "    - {ending: ko, gender: m, kind: surname, cases: {gen: ki, dat: ce, acc: kę, ins: ką, loc: ce}}\n"
    ),
    # an ending that adds nothing keeps the samples of the scheme as they are
    ICAO: (BUNDLED / "schemes" / "ru-icao.yaml").read_text(encoding="utf-8")
    + "names: [person, place]\nendings:\n  - {after: [consonant], not_after: [й], add: ['']}\n",
    "titles.yaml": "titles: [президент]\nparticles: [van, von]\n",
    "org_words.yaml": (
        "named_after: [fund, фонд]\nowner_words: [наш, краін]\nnaming_words: [назоў]\nregion_words: [oblast]\n"
    ),
    "phonetic.yaml": (BUNDLED / "phonetic.yaml").read_text(encoding="utf-8"),
}

# A mistake in a field of the newer formats: (file, text of GOOD_TABLES, what replaces it, words of the
# loader's message). The loader refuses it for that reason and the schema refuses it too.
BAD_TABLES = {
    "given name of two letters": (GIVEN, "Sasha]", "Sasha, Al]", "fewer than 3 letters"),
    "given name with a digit": (GIVEN, "Aliaksandr,", "Aliaksandr2,", "one word of letters"),
    "given name in two alphabets": (GIVEN, "Sasha]", "Sashaша]", "in Latin or in Cyrillic"),
    "given name listed twice": (GIVEN, "[Sasha]", "[Sasha, Sasha]", "already in `either`"),
    "given names not in a list": (GIVEN, "[Sasha]", "Sasha", "must be a list"),
    "given names under an unknown key": (GIVEN, "either:", "unisex:", "unknown key"),
    "the nominative as a case": (INFL, "{gen: ова,", "{nom: ов, gen: ова,", "unknown case 'nom'"),
    "neither cases nor declines": (INFL, "surname, declines: no", "surname", "needs `cases`"),
    "cases and declines: no": (INFL, "n, declines: no}", "n, declines: no, cases: {gen: а}}", "no `cases`"),
    "declines neither yes nor no": (INFL, "declines: no}", "declines: never}", "must be yes or no"),
    "unsure case the row does not give": (INFL, "loc: ове}}", "loc: ове}, unsure: [acc]}", "`unsure`"),
    "gender n outside words": (INFL, "ending: о, gender: any", "ending: о, gender: n", "`gender: n`"),
    "unknown kind": (INFL, "kind: surname, cases", "kind: verb, cases", "`kind` must be"),
    "the old forms list": (INFL, "cases: {gen: ова, dat: ову, ins: овым, loc: ове}", "forms: [ова]", "'forms'"),
    "a form in Latin letters": (INFL, "ins: овым", "ins: ovym", "Cyrillic letters"),
    "an empty case": (INFL, "dat: ову", "dat: []", "not empty"),
    "a form listed twice in a case": (INFL, "gen: [ши, шы]", "gen: [ши, ши]", "listed twice"),
    "a Latin row in Cyrillic letters": (INFL, "ins: ką", "ins: кą", "Latin letters"),
    "a Latin row of a language not read": (INFL, "  pl:\n", "  uk:\n", "unknown key 'uk'"),
    "a kind of name there is not": (ICAO, "names: [person, place]", "names: [person, ship]", "`names`"),
    "no kind of name": (ICAO, "names: [person, place]", "names: []", "`names`"),
    "ending read from the start": (ICAO, "after: [consonant]", "after: [start]", "`start` cannot stand"),
    "ending with an unknown context": (ICAO, "after: [consonant]", "after: [letter]", "unknown context"),
    "ending that adds no letters": (ICAO, "add: ['']", "add: [-as]", "added as letters"),
    "ending without add": (ICAO, ", add: ['']", "", "required key 'add'"),
    "particles as a list of lists": ("titles.yaml", "[van, von]", "[[van, von]]", "must be text"),
    "named_after as a mapping": ("org_words.yaml", "[fund, фонд]", "{fund: фонд}", "text or a list"),
    "owner_words as a mapping": ("org_words.yaml", "[наш, краін]", "{наш: краін}", "text or a list"),
    "region_words as a mapping": ("org_words.yaml", "[oblast]", "{oblast: region}", "text or a list"),
    "near pair of two letters each": ("phonetic.yaml", "near:\n", "near:\n  - [ts, dz]\n", "a pair of two letters"),
    "near pair with a digit": ("phonetic.yaml", "near:\n", "near:\n  - [t, t1]\n", "a pair of two letters"),
    "near pair marked not soft": ("phonetic.yaml", "near:\n", "near:\n  - [t, ts, hard]\n", "a pair of two letters"),
    "near entry of one letter": ("phonetic.yaml", "near:\n", "near:\n  - [t]\n", "a pair of two letters"),
}


def load_with(tmp_path: Path, rel: str, text: str) -> None:
    """Load the bundled tables with ``text`` as the user's table file ``rel``."""
    (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / rel).write_text(text, encoding="utf-8")
    load_tables(tmp_path, entities=False)


@pytest.mark.parametrize("rel", sorted(GOOD_TABLES))
def test_schema_and_loader_both_accept_the_newer_fields(rel: str, tmp_path: Path) -> None:
    assert errors(schema_for(rel), GOOD_TABLES[rel]) == []
    load_with(tmp_path, rel, GOOD_TABLES[rel])


@pytest.mark.parametrize("case", sorted(BAD_TABLES))
def test_schema_and_loader_both_refuse_a_mistake_in_a_newer_field(case: str, tmp_path: Path) -> None:
    rel, old, new, said = BAD_TABLES[case]
    assert old in GOOD_TABLES[rel], case
    text = GOOD_TABLES[rel].replace(old, new, 1)
    assert errors(schema_for(rel), text), case
    with pytest.raises(TableError) as refused:
        load_with(tmp_path, rel, text)
    assert any(p.path.endswith(rel) and said in p.message for p in refused.value.problems), refused.value


def test_tables_schemas_prints_where_the_installed_schemas_are(capsys: pytest.CaptureFixture[str]) -> None:
    from normalize.cli import main

    assert main(["tables", "schemas"]) == 0
    paths = [Path(line) for line in capsys.readouterr().out.splitlines()]
    assert SCHEMAS / "entities.schema.json" in paths and all(p.is_file() for p in paths)
