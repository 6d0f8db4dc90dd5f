"""`normalize tables import`: FollowTheMoney, Wikidata and CSV sources into entity files; the
`ids` and `weak_aliases` of the table format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run

from normalize import Normalizer, TableError
from normalize.importers import tablefiles
from normalize.importers.model import person_name_order, pick_caption
from normalize.tables import load_tables

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"
CSV_ARGS = ["--id", "ref", "--name", "name_en", "--name", "name_be", "--name", "name_ru", "--type", "kind",
            "--gender", "sex", "--canonical", "display"]  # fmt: skip


def entities(folder: Path) -> dict[str, dict[str, object]]:
    """The entities of a tables folder by id, as `tables check` loads them."""
    return {e.id: e.__dict__ for e in load_tables(folder, default_tables=False).entities}


def by_source(folder: Path, source: str, sid: str) -> list[str]:
    return [e.id for e in load_tables(folder, default_tables=False).entities if (source, sid) in e.ids]


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    (tmp_path / "entities").mkdir()
    return tmp_path


def test_ftm_import_passes_the_check_and_resolves(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = folder / "entities" / "sanctions.yaml"
    code, out, err = run(
        ["tables", "import", "ftm", str(FIXTURES / "opensanctions.jsonl"), "-o", str(out_file)], capsys
    )
    assert code == 0, err
    assert "41 new" in out
    # the records of other schemas are counted, not dropped silently
    for schema in ("Sanction", "Address", "Vessel", "Directorship"):
        assert f"schema {schema}" in out
    code, out, _ = run(["tables", "check", str(folder), "--no-default-tables"], capsys)
    assert code == 0 and "41 entities" in out
    recs = {e.id: e for e in load_tables(folder, default_tables=False).entities}
    types = {e.ids[0][1]: e.type for e in recs.values()}
    assert types["fx-p001"] == "person" and types["fx-o003"] == "organization"  # PublicBody
    assert types["fx-o014"] == "organization" and types["fx-o009"] == "organization"  # LegalEntity, Organization
    luk = next(e for e in recs.values() if ("opensanctions", "fx-p001") in e.ids)
    assert ("wikidata", "Q990000001") in luk.ids  # wikidataId is kept as a second id
    assert luk.gender == "m" and luk.weak_aliases == ("Бацька", "Batka")
    # the year of birth where the dates agree on one (a date and its year do); none where they differ
    assert luk.born == 1954
    assert next(e for e in recs.values() if ("opensanctions", "fx-p003") in e.ids).born == 1960
    assert next(e for e in recs.values() if ("opensanctions", "fx-p002") in e.ids).born is None
    # every script kept as names; a surname written first without a comma is turned round
    assert "Аляксандр Рыгоравіч Лукашэнка" in luk.names and "Александр Григорьевич Лукашенко" in luk.names
    brezhnev = next(e for e in recs.values() if ("opensanctions", "fx-p026") in e.ids)
    assert set(brezhnev.names) == {"Leonid Iljich Brezhnev", "Леонид Ильич Брежнев"}  # made of the name parts
    n = Normalizer.load(folder, cache=False, default_tables=False)
    m = n.resolve("Лукашэнкі")
    assert m is not None and m.entity_id == luk.id
    assert "ids: opensanctions fx-p001, wikidata Q990000001" in m.explain()
    m = n.resolve("Валентины Тютиной")  # previousName, declined
    assert m is not None and ("opensanctions", "fx-p022") in recs[m.entity_id].ids


def test_weak_alias_names_only_as_written(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = folder / "entities" / "sanctions.yaml"
    run(["tables", "import", "ftm", str(FIXTURES / "opensanctions.jsonl"), "-o", str(out_file)], capsys)
    n = Normalizer.load(folder, cache=False, default_tables=False)
    luk = n.resolve("БАЦЬКА")
    assert luk is not None and luk.canonical == "Aliaksandr Lukashenka" and "weak alias" in luk.explain()
    assert n.resolve("  batka ") is not None
    for near in ("Бацькі", "Бацько", "Batko", "Batka Lukashenka", "Wagnera"):  # no key, no near spelling
        m = n.resolve(near)
        assert m is None or m.entity_id != luk.entity_id or near == "Batka Lukashenka", near
    assert n.resolve("Batko") is None
    # a weak alias is never a name of the rewrite pass's scan
    assert n.rewrite("Батька сказал, что Бацьки нет.").mentions == []
    # an organisation's weak alias: Wagner as written names the group; a person Wagner is no one here
    m = n.resolve("Wagner")
    assert m is not None and m.type == "organization"
    assert n.resolve("Вагнер", types=["person"]) is None


def test_weak_alias_shared_by_two_entities_names_neither() -> None:
    n = Normalizer.from_records([
        {"id": "a", "type": "person", "names": ["Иван Петров"], "weak_aliases": ["Ваня"]},
        {"id": "b", "type": "person", "names": ["Иван Сидоров"], "weak_aliases": ["ваня"]},
        {"id": "c", "type": "person", "names": ["Пётр Кузнецов"], "weak_aliases": ["Петя"]},
    ])  # fmt: skip
    assert n.resolve("Ваня") is None
    m = n.resolve("ПЕТЯ")
    assert m is not None and m.entity_id == "c" and m.score == 1.0
    assert n.resolve("Петя", types=["organization"]) is None


def test_reimport_changes_nothing_and_keeps_hand_edits(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = folder / "entities" / "sanctions.yaml"
    src = FIXTURES / "opensanctions.jsonl"
    run(["tables", "import", "ftm", str(src), "-o", str(out_file)], capsys)
    first = out_file.read_bytes()
    code, out, _ = run(["tables", "import", "ftm", str(src), "-o", str(out_file)], capsys)
    assert code == 0 and "0 new, 0 merged, 41 unchanged" in out
    assert out_file.read_bytes() == first
    # a person edits the entity: canonical, a name taken out, a note and a comment added
    text = first.decode()
    text = text.replace("canonical: Viktor Sheiman", "canonical: Viktar Sheiman\n  note: checked by hand  # ours")
    text = text.replace("    - Виктор Владимирович Шейман\n", "")
    text = text.replace(
        "- id: viktor-sheiman-fx-p002", "# the security council's secretary\n- id: viktor-sheiman-fx-p002"
    )
    out_file.write_text(text, encoding="utf-8")
    # the source now has a new alias for him and a new person
    lines = src.read_text(encoding="utf-8").splitlines()
    recs = [json.loads(x) for x in lines]
    for r in recs:
        if r["id"] == "fx-p002":
            r["properties"]["alias"].append("Viktar Uladzimiravich Sheiman")
    recs.append({"id": "fx-p900", "schema": "Person", "properties": {"name": ["Ihar Karpenka", "Ігар Карпенка"]}})
    src2 = folder / "update.jsonl"
    src2.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    code, out, _ = run(["tables", "import", "ftm", str(src2), "-o", str(out_file)], capsys)
    assert code == 0 and "1 new, 1 merged, 40 unchanged" in out
    after = out_file.read_text(encoding="utf-8")
    assert "# the security council's secretary" in after and "note: checked by hand" in after
    ents = {e.id: e for e in load_tables(folder, default_tables=False).entities}
    sheiman = ents["viktor-sheiman-fx-p002"]
    assert sheiman.canonical == "Viktar Sheiman" and sheiman.note == "checked by hand"
    # the added alias is there; the name taken out by hand comes back, as the source still has it
    assert "Viktar Uladzimiravich Sheiman" in sheiman.aliases
    assert len(ents) == 42 and len(by_source(folder, "opensanctions", "fx-p900")) == 1
    # an entity the import does not change is copied byte for byte
    block = first.decode().split("- id: roman-golovchenko")[1].split("\n- id:")[0]
    assert block in after


def test_reimport_adds_a_year_of_birth_and_keeps_one_set_by_hand(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = folder / "entities" / "sanctions.yaml"
    recs = [json.loads(x) for x in (FIXTURES / "opensanctions.jsonl").read_text(encoding="utf-8").splitlines()]
    born = {r["id"]: r["properties"].pop("birthDate", None) for r in recs if r["schema"] == "Person"}
    src = folder / "first.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    run(["tables", "import", "ftm", str(src), "-o", str(out_file)], capsys)
    ents = {e.ids[0][1]: e for e in load_tables(folder, default_tables=False).entities}
    assert ents["fx-p001"].born is None
    # a person sets Kochanova's year by hand; the source then gives the years
    text = out_file.read_text(encoding="utf-8")
    at = text.index("- id: " + ents["fx-p003"].id)
    text = text[:at] + text[at:].replace("  gender: f\n", "  gender: f\n  born: 1961\n", 1)
    out_file.write_text(text, encoding="utf-8")
    for r in recs:
        if born.get(r["id"]):
            r["properties"]["birthDate"] = born[r["id"]]
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    code, out, _ = run(["tables", "import", "ftm", str(src), "-o", str(out_file)], capsys)
    assert code == 0 and "1 merged" in out  # Lukashenko gets his; Kochanova's is the person's
    ents = {e.ids[0][1]: e for e in load_tables(folder, default_tables=False).entities}
    assert ents["fx-p001"].born == 1954 and ents["fx-p003"].born == 1961


def test_an_organisations_year_of_founding_is_imported(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # FollowTheMoney's incorporationDate and Wikidata's inception (P571) give `founded`
    ftm = folder / "orgs.jsonl"
    rec = {"id": "fx-o900", "schema": "Organization",
           "properties": {"name": ["Тэставае таварыства"], "incorporationDate": ["2007-11-17"]}}  # fmt: skip
    ftm.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    wd = folder / "orgs-wd.jsonl"
    item = {"type": "item", "id": "Q990000900", "labels": {"be": {"language": "be", "value": "Тэставы саюз"}},
            "claims": {"P31": [{"mainsnak": {"snaktype": "value", "property": "P31", "datavalue": {
                "value": {"entity-type": "item", "numeric-id": 7278, "id": "Q7278"}, "type": "wikibase-entityid"}},
                "type": "statement", "rank": "normal"}],
                "P571": [{"mainsnak": {"snaktype": "value", "property": "P571", "datavalue": {"value": {
                    "time": "+1996-00-00T00:00:00Z", "timezone": 0, "before": 0, "after": 0, "precision": 9,
                    "calendarmodel": "http://www.wikidata.org/entity/Q1985727"}, "type": "time"}},
                    "type": "statement", "rank": "normal"}]}}  # fmt: skip
    wd.write_text(json.dumps(item, ensure_ascii=False) + "\n", encoding="utf-8")
    ent = folder / "entities"
    assert run(["tables", "import", "ftm", str(ftm), "-o", str(ent / "a.yaml")], capsys)[0] == 0
    assert run(["tables", "import", "wikidata", str(wd), "-o", str(ent / "b.yaml")], capsys)[0] == 0
    got = {e.ids[0][1]: e.founded for e in load_tables(folder, default_tables=False).entities}
    assert got == {"fx-o900": 2007, "Q990000900": 1996}


def test_sources_merge_by_id_across_files(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ent = folder / "entities"
    run(["tables", "import", "ftm", str(FIXTURES / "opensanctions.jsonl"), "-o", str(ent / "sanctions.yaml")], capsys)
    code, out, err = run(
        ["tables", "import", "wikidata", str(FIXTURES / "wikidata.jsonl"), "-o", str(ent / "wd.yaml")], capsys
    )
    assert code == 0, err
    assert "34 new, 5 merged" in out  # five items are on FollowTheMoney entities by their wikidataId
    assert by_source(folder, "wikidata", "Q990000001") == by_source(folder, "opensanctions", "fx-p001")
    luk = entities(folder)[by_source(folder, "wikidata", "Q990000001")[0]]
    assert "Alaksandr Łukaszenka" in luk["names"] and luk["canonical"] == "Aliaksandr Lukashenka"  # kept
    code, _, _ = run(["tables", "check", str(folder), "--no-default-tables"], capsys)
    assert code == 0


def test_a_hand_written_file_is_never_rewritten(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hand = folder / "entities" / "mine.yaml"
    hand.write_text(
        "- id: putin\n  type: person\n  gender: m\n  canonical: Vladimir Putin\n"
        "  names: [Владимир Владимирович Путин]\n  ids: {wikidata: Q7747}\n",
        encoding="utf-8",
    )
    before = hand.read_bytes()
    code, out, _ = run(["tables", "import", "wikidata", str(FIXTURES / "wikidata.jsonl"), "-o",
                        str(folder / "entities" / "wd.yaml")], capsys)  # fmt: skip
    assert code == 0 and "already in a file written by hand" in out
    assert hand.read_bytes() == before
    assert by_source(folder, "wikidata", "Q7747") == ["putin"]


def test_ids_of_the_bundled_entities_are_never_taken(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # the id made of this row (its caption and its id in the sheet) is a bundled entity's id, which
    # a user's entity would replace
    src = folder / "one.csv"
    src.write_text("ref,name,disp\nlukashenko,Аляксандр Лукашэнка,Alexander\n", encoding="utf-8")
    out_file = folder / "entities" / "one.yaml"
    code, _, err = run(["tables", "import", "csv", str(src), "--id", "ref", "--name", "name", "--canonical", "disp",
                        "-o", str(out_file)], capsys)  # fmt: skip
    assert code == 0, err
    assert "alexander-lukashenko" in {e.id for e in load_tables(None).entities}
    assert {e.id for e in load_tables(folder, default_tables=False).entities} == {"alexander-lukashenko-2"}


def test_bad_records_are_reported_with_their_line(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = folder / "bad.jsonl"
    good = (FIXTURES / "opensanctions.jsonl").read_text(encoding="utf-8").splitlines()[0]
    src.write_bytes(
        (good + "\n{not json\n[1, 2]\n"
         '{"schema": "Person", "properties": {"name": ["Ivan Ivanov"]}}\n'
         '{"id": "x1", "schema": "Person", "properties": {"name": [""]}}\n').encode()
        + b'{"id": "x2", "schema": "Person", "properties": {"name": ["\xff"]}}\n'
        + b"[" * 100_000 + b"\n"
    )  # fmt: skip
    report = folder / "report.jsonl"
    code, out, err = run(["tables", "import", "ftm", str(src), "-o", str(folder / "entities" / "x.yaml"),
                          "--report", str(report)], capsys)  # fmt: skip
    assert code == 1
    assert "1 new" in out and "6 bad records" in out
    for line, words in (
        (2, "invalid JSON"),
        (3, "JSON object"),
        (4, "no `id`"),
        (5, "no name"),
        (6, "UTF-8"),
        (7, "deep"),
    ):
        assert f"bad.jsonl:{line}: " in err and words in err
    lines = [json.loads(x) for x in report.read_text(encoding="utf-8").splitlines()]
    assert [r["line"] for r in lines] == [2, 3, 4, 5, 6, 7]


def test_wikidata_items(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["tables", "import", "wikidata", str(FIXTURES / "wikidata.jsonl"), "-o",
                        str(folder / "entities" / "wd.yaml")], capsys)  # fmt: skip
    assert code == 0, err
    ents = {e.ids[0][1]: e for e in load_tables(folder, default_tables=False).entities}
    assert len(ents) == 39
    ts = ents["Q990000021"]
    assert ts.type == "person" and ts.gender == "f" and ts.canonical == "Sviatlana Tsikhanouskaya"
    assert ts.names[:4] == (
        "Святлана Ціханоўская",
        "Сьвятлана Ціханоўская",
        "Светлана Тихановская",
        "Світлана Тихановська",
    )
    assert "Svetlana Georgievna Tikhanovskaya" not in ts.names
    assert "Светлана Георгиевна Тихановская" in ts.aliases  # surname-first alias turned round
    assert ents["Q2280"].type == "place" and "Менск" in ents["Q2280"].names and ents["Q2280"].gender is None
    # date of birth (P569) to the day or to the year gives the year; to the decade gives none
    assert ents["Q990000001"].born == 1954 and ts.born == 1982 and ents["Q7747"].born is None
    assert ents["Q990000102"].type == "organization"  # company, state-owned enterprise
    assert ents["Q990000207"].type == "place"  # by its class, geographic region
    n = Normalizer.load(folder, cache=False, default_tables=False)
    for mention, qid in (("Cichanouskaja", "Q990000021"), ("Minskas", "Q2280"), ("Гародні", "Q990000201")):
        m = n.resolve(mention)
        assert m is not None and m.entity_id == ents[qid].id, mention
        assert f"wikidata {qid}" in m.explain()


def test_wikidata_unknown_class_and_languages(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = folder / "items.jsonl"
    film = {"type": "item", "id": "Q123", "labels": {"en": {"language": "en", "value": "A Film"}},
            "claims": {"P31": [{"mainsnak": {"datavalue": {"value": {"id": "Q11424"}}}}]}}  # fmt: skip
    lines = (FIXTURES / "wikidata.jsonl").read_text(encoding="utf-8").splitlines()
    src.write_text("\n".join([lines[0], lines[1], json.dumps(film) + ",", '{"id": "Q5", "missing": ""}', "]"]) + "\n")
    code, _, err = run(["tables", "import", "wikidata", str(src), "-o", str(folder / "entities" / "wd.yaml"),
                        "--languages", "be,en"], capsys)  # fmt: skip
    assert code == 1
    assert "items.jsonl:3: Q123: instance of Q11424" in err and "items.jsonl:4:" in err
    ent = load_tables(folder, default_tables=False).entities[0]
    assert set(ent.names) == {"Аляксандр Лукашэнка", "Alexander Lukashenko"}


def test_wbgetentities_answer(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["tables", "import", "wikidata", "-o", str(folder / "entities" / "wd.yaml")], capsys,
                         stdin=(FIXTURES / "wbgetentities.json").read_bytes())  # fmt: skip
    assert code == 0, err
    assert "3 new" in out
    assert {e.ids[0][1] for e in load_tables(folder, default_tables=False).entities} == {
        "Q990000021",
        "Q2280",
        "Q990000104",
    }


def test_csv_with_a_column_mapping(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = folder / "entities" / "newsroom.yaml"
    code, out, err = run(
        ["tables", "import", "csv", str(FIXTURES / "newsroom.csv"), "-o", str(out_file), *CSV_ARGS], capsys
    )
    assert code == 0, err
    ents = {e.ids[0][1]: e for e in load_tables(folder, default_tables=False).entities}
    assert len(ents) == 28 and all(e.ids[0][0] == "newsroom" for e in ents.values())
    assert ents["n-001"].gender == "f" and ents["n-021"].type == "organization" and ents["n-025"].type == "place"
    assert ents["n-021"].canonical == "Belsat TV" and ents["n-002"].canonical == "Ihar Losik"  # picked: Latin
    n = Normalizer.load(folder, cache=False, default_tables=False)
    m = n.resolve("Игоря Лосика")
    assert m is not None and m.entity_id == ents["n-002"].id
    # an unknown column is a usage error; a bad cell is a bad record with its line
    code, _, err = run(["tables", "import", "csv", str(FIXTURES / "newsroom.csv"), "-o", str(out_file),
                        "--id", "ref", "--name", "nom"], capsys)  # fmt: skip
    assert code == 2 and "no column 'nom'" in err
    bad = folder / "bad.csv"
    bad.write_text("ref,name,kind,sex\n1,Ivan Ivanov,person,x\n2,,person,m\n3,Belsat,channel,\n4,Olga Petrova,,f\n")
    code, out, err = run(["tables", "import", "csv", str(bad), "-o", str(folder / "entities" / "b.yaml"),
                          "--id", "ref", "--name", "name", "--type", "kind", "--gender", "sex"], capsys)  # fmt: skip
    assert code == 1 and "1 new" in out
    assert "bad.csv:2: gender 'x'" in err and "bad.csv:3: no name" in err and "bad.csv:4: type 'channel'" in err


def test_mention_records_carry_the_ids(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(
        ["tables", "import", "wikidata", str(FIXTURES / "wikidata.jsonl"), "-o", str(folder / "entities" / "wd.yaml")],
        capsys,
    )
    src = folder / "news.jsonl"
    src.write_text(json.dumps({"text": "Святлана Ціханоўская прыехала ў Вільню."}, ensure_ascii=False) + "\n")
    out = folder / "out.jsonl"
    code, _, err = run(
        ["rewrite", str(src), "-o", str(out), "--mode", "annotate", "--tables", str(folder), "--no-default-tables"],
        capsys,
    )
    assert code == 0, err
    mentions = json.loads(out.read_text(encoding="utf-8"))["mentions"]
    assert mentions[0]["ids"] == {"wikidata": "Q990000021"}
    txt = folder / "news.txt"
    txt.write_text("Святлана Ціханоўская прыехала.\n")
    code, _, _ = run(["rewrite", str(txt), "-o", str(folder / "news.out.txt"), "--mode", "annotate",
                      "--tables", str(folder), "--no-default-tables"], capsys)  # fmt: skip
    side = (folder / "news.out.txt.mentions.jsonl").read_text(encoding="utf-8")
    assert json.loads(side.splitlines()[0])["ids"] == {"wikidata": "Q990000021"}


def test_output_is_split_into_parts_within_the_bound(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tablefiles, "PART_BYTES", 2000)
    out_file = folder / "entities" / "s.yaml"
    code, out, _ = run(["tables", "import", "ftm", str(FIXTURES / "opensanctions.jsonl"), "-o", str(out_file)], capsys)
    assert code == 0
    parts = sorted((folder / "entities").glob("s*.yaml"))
    assert len(parts) > 3 and all(p.stat().st_size < 2000 + 1500 for p in parts)
    assert len(load_tables(folder, default_tables=False).entities) == 41
    code, out, _ = run(["tables", "import", "ftm", str(FIXTURES / "opensanctions.jsonl"), "-o", str(out_file)], capsys)
    assert "0 new, 0 merged, 41 unchanged" in out and len(list((folder / "entities").glob("s*.yaml"))) == len(parts)


def test_the_caption_an_export_carries_is_the_canonical() -> None:
    from normalize.importers.ftm import parse_line

    key = load_tables(None, entities=False).phonetic
    assert key is not None
    line = '{"id": "x", "schema": "Person", "caption": "Vladimir Putin", "properties": {"name": ["Wladimir Putin"]}}'
    got = parse_line(line, 1, key)
    assert not isinstance(got, tablefiles.Skipped) and got.canonical == "Vladimir Putin"


def test_caption_and_name_order(tables: object) -> None:
    assert pick_caption(["Владимир Путин", "Vladimir Putin", "Wladimir Putin", "Vladimir Poutine"]) == "Vladimir Putin"
    assert pick_caption(["Александр Лукашенко"]) == "Александр Лукашенко"
    key = load_tables(None, entities=False).phonetic
    assert key is not None
    assert person_name_order("Лукашенко Александр Григорьевич", key) == "Александр Григорьевич Лукашенко"
    assert person_name_order("Lukashenko Alexander Grigoryevich", key) == "Alexander Grigoryevich Lukashenko"
    assert person_name_order("Александр Григорьевич Лукашенко", key) == "Александр Григорьевич Лукашенко"
    assert person_name_order("LUKASHENKO Alexander Grigoryevich", key) == "LUKASHENKO Alexander Grigoryevich"


def test_ids_and_drafts_are_checked_with_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "e.yaml").write_text(
        "- id: a\n  names: [Иван Петров]\n  ids: {wikidata: 42}\n"
        "- id: b\n  names: [Иван Сидоров]\n  ids: {Wiki Data: Q1}\n"
        "- id: c\n  names: [Пётр Иванов]\n  ids: {opensanctions: [x1, x2]}\n"
        "- id: d\n  names: [Пётр Сидоров]\n  ids: {opensanctions: x2}\n"
        "- id: e\n  names: [Олег Петров]\n  draft: {mentions: 3}\n",
        encoding="utf-8",
    )
    with pytest.raises(TableError) as exc:
        load_tables(tmp_path)
    text = str(exc.value)
    assert "e.yaml:3: '42' is not an id of wikidata" in text
    assert "e.yaml:6: a source of `ids`" in text
    assert "e.yaml:10: the opensanctions id 'x2' is also on 'c'" in text
    assert "e.yaml:15: a draft entity" in text
