"""`normalize resolve` as the installed command: ties in JSON, and a column of a CSV or JSON Lines file."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from conftest import command


def cli(env: dict[str, str], *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([command(), *args], input=stdin, capture_output=True, env=env, timeout=600)


def test_resolve_json_on_a_tie(cli_env: dict[str, str], tmp_path: Path) -> None:
    (tmp_path / "entities").mkdir()
    (tmp_path / "entities" / "twins.yaml").write_text(
        "- {id: a, type: person, gender: m, canonical: Alexander Lukashenko, names: [Александр Лукашенко]}\n"
        "- {id: b, type: person, gender: m, canonical: Viktor Lukashenko, names: [Виктор Лукашенко]}\n",
        encoding="utf-8",
    )
    for policy in ("first", "prominent", "abstain"):
        p = cli(
            cli_env,
            "resolve",
            "--json",
            "--tables",
            str(tmp_path),
            "--no-default-tables",
            "--policy",
            policy,
            "Lukashenko",
        )
        assert p.returncode == 0, p.stderr.decode()
        rec = json.loads(p.stdout)
        cands = rec["match"]["candidates"] if rec["match"] else rec["candidates"]
        assert {c["entity_id"] for c in cands} <= {"a", "b"} and cands, policy
        if rec["match"]:
            assert rec["match"]["ambiguous"] is True


def test_resolve_a_csv_column(cli_env: dict[str, str], tmp_path: Path) -> None:
    src = tmp_path / "people.csv"
    src.write_text('row,name\n1,Lukashenko\n2,"Ivan Petrovsky"\n3,Ціханоўская\n', encoding="utf-8")
    p = cli(cli_env, "resolve", str(src), "--column", "name")
    assert p.returncode == 0, p.stderr.decode()
    lines = p.stdout.decode().splitlines()
    assert lines[0] == "row,name,entity_id,canonical,score,type"
    assert lines[1].startswith("1,Lukashenko,") and lines[1].endswith(",Alexander Lukashenko,1.0000,person")
    assert lines[2] == '2,"Ivan Petrovsky",,,,'
    assert "Sviatlana Tsikhanouskaya" in lines[3]
    out = tmp_path / "out.csv"
    assert cli(cli_env, "resolve", str(src), "--column", "name", "-o", str(out)).returncode == 0
    assert out.read_bytes() == p.stdout


def test_resolve_a_csv_column_that_is_not_there(cli_env: dict[str, str], tmp_path: Path) -> None:
    src = tmp_path / "people.csv"
    src.write_text("row,name\n1,Lukashenko\n", encoding="utf-8")
    p = cli(cli_env, "resolve", str(src), "--column", "nom")
    assert p.returncode == 2 and "no column 'nom' (the columns are: row, name)" in p.stderr.decode()


def test_resolve_a_csv_in_cp1251_with_semicolons(cli_env: dict[str, str], tmp_path: Path) -> None:
    src = tmp_path / "people.csv"
    src.write_bytes("№;имя\r\n1;Лукашенко\r\n".encode("cp1251"))
    p = cli(cli_env, "resolve", str(src), "--column", "имя", "--encoding", "cp1251")
    assert p.returncode == 0, p.stderr.decode()
    assert p.stdout.decode("cp1251").splitlines()[1].startswith("1;Лукашенко;")
    p = cli(cli_env, "resolve", str(src), "--column", "имя", "--encoding", "cp1251", "--delimiter", ";")
    assert p.returncode == 0 and p.stdout.decode("cp1251").splitlines()[0] == "№;имя;entity_id;canonical;score;type"
    p = cli(cli_env, "resolve", str(src), "--column", "имя", "--encoding", "klingon")
    assert p.returncode == 2 and "unknown encoding 'klingon'" in p.stderr.decode()


def test_resolve_a_jsonl_field(cli_env: dict[str, str], tmp_path: Path) -> None:
    src = tmp_path / "people.jsonl"
    src.write_bytes(b'\xef\xbb\xbf{"name": "Lukashenko", "n": 1e400}\n{"name": "nobody at all"}\n')
    p = cli(cli_env, "resolve", str(src), "--field", "name")
    assert p.returncode == 0, p.stderr.decode()
    first, second = p.stdout.split(b"\n")[:2]
    assert first.startswith(b'\xef\xbb\xbf{"name": "Lukashenko", "n": 1e400, "entity_id": ')
    assert json.loads(first[3:].replace(b"1e400", b"1"))["canonical"] == "Alexander Lukashenko"
    assert json.loads(second) == {
        "name": "nobody at all",
        "entity_id": None,
        "canonical": None,
        "score": None,
        "type": None,
    }
    p = cli(cli_env, "resolve", str(src), "--field", "name", "--format", "csv", "--column", "x")
    assert p.returncode == 2


def test_a_jsonl_field_that_is_not_there(cli_env: dict[str, str], tmp_path: Path) -> None:
    src = tmp_path / "people.jsonl"
    src.write_text('{"name": "Lukashenko", "id": 1}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    p = cli(cli_env, "resolve", str(src), "--field", "nom", "-o", str(out))
    assert (
        p.returncode == 2
        and "no object has the field 'nom' (the keys of the first object: name, id)" in p.stderr.decode()
    )
    assert not out.exists()
    for jobs in ("1", "2"):
        p = cli(cli_env, "rewrite", str(src), "--field", "nom", "-o", str(out), "--jobs", jobs)
        assert p.returncode == 2 and "no object has the field 'nom'" in p.stderr.decode() and not out.exists()
