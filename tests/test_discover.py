"""`normalize discover`: the people a corpus mentions that the tables lack."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run

from normalize import Normalizer, TableError
from normalize.discover import Discovery, Settings
from normalize.tables import load_tables

KNOWN = (
    "- id: alexander-lukashenko\n  type: person\n  gender: m\n  canonical: Alexander Lukashenko\n"
    "  names: [Аляксандр Рыгоравіч Лукашэнка, Александр Григорьевич Лукашенко]\n"
)
CORPUS = """\
Вчера Светлана Тихановская встретилась с послами в Вильнюсе.
Позже Светлане Тихановской позвонили из Варшавы.
Sviatlana Tsikhanouskaya said on Monday that talks would go on.
Swiatłana Cichanoŭskaja przyjechała do Warszawy.
Svetlana Tikhanovskaya met the envoys.
Святлана Ціханоўская выступіла ў Сейме.
Её муж Сергей Тихановский остаётся в заключении; Siarhei Tsikhanouski was a blogger.
Александр Лукашенко заявил, что Лукашенко никуда не уйдёт.
Александр Григорьевич ответил журналистам.
Вчера И. Петров не пришёл, а Иван Петров пришёл.
"""


@pytest.fixture(scope="module")
def normalizer() -> Normalizer:
    return Normalizer.from_records(
        [{"id": "alexander-lukashenko", "type": "person", "gender": "m", "canonical": "Alexander Lukashenko",
          "names": ["Аляксандр Рыгоравіч Лукашэнка", "Александр Григорьевич Лукашенко"]}]
    )  # fmt: skip


def groups_of(normalizer: Normalizer, text: str) -> list[set[str]]:
    d = Discovery(normalizer)
    for no, line in enumerate(text.splitlines(), 1):
        d.add_line(line, f"c:{no}")
    return [{s.found.surface for s in p.forms} for p in d.people(Settings(min_mentions=1, top=100))]


def test_spellings_across_scripts_romanizations_and_cases_form_one_group(normalizer: Normalizer) -> None:
    groups = groups_of(normalizer, CORPUS)
    her = next(g for g in groups if "Светлана Тихановская" in g)
    assert her == {"Светлана Тихановская", "Светлане Тихановской", "Sviatlana Tsikhanouskaya",
                   "Swiatłana Cichanoŭskaja", "Svetlana Tikhanovskaya", "Святлана Ціханоўская"}  # fmt: skip
    # her husband is another person: the masculine forms are a group of their own
    him = next(g for g in groups if "Сергей Тихановский" in g)
    assert him == {"Сергей Тихановский", "Siarhei Tsikhanouski"}
    flat = set().union(*groups)
    # a known person is left out; a given name with a patronymic is no surname; a sentence's first
    # word is no surname before initials
    assert not any("Лукашенко" in s for s in flat)
    assert "Александр Григорьевич" not in flat and "Вчера И." not in flat
    assert {"И. Петров", "Иван Петров"} in groups  # the initial fits the one given name of Петров


def test_gendered_forms_and_namesakes_stay_apart(normalizer: Normalizer) -> None:
    text = "Анна Петрова пришла. Иван Петров ушёл. Анны Петровой не было. Ивана Петрова ждали.\n"
    groups = groups_of(normalizer, text)
    assert {"Анна Петрова", "Анны Петровой"} in groups and {"Иван Петров", "Ивана Петрова"} in groups
    # two given names, one surname: two people
    groups = groups_of(normalizer, "Олег Сидоров и Павел Сидоров приехали. Олега Сидорова встретили.\n")
    assert {"Олег Сидоров", "Олега Сидорова"} in groups and {"Павел Сидоров"} in groups


def test_words_that_are_no_surnames() -> None:
    normalizer = Normalizer.default()  # Minsk is a place of the bundled tables
    text = (
        "On Tuesday Ivan said nothing. Мария Минск посетила? Александр Президент.\n"
        "Hanna Piatrovich wrote the report. Ivan Petrovich agreed.\n"
    )
    flat = set().union(*groups_of(normalizer, text))
    assert "On Tuesday" not in flat and "Tuesday Ivan" not in flat
    assert not any("Минск" in s or "Президент" in s for s in flat)  # a place, a title
    assert "Hanna Piatrovich" in flat  # -evich of a man's name after a woman's name: a surname
    assert "Ivan Petrovich" not in flat  # a patronymic, no surname


def test_drafts_are_refused_until_reviewed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tables = tmp_path / "tables"
    (tables / "entities").mkdir(parents=True)
    (tables / "entities" / "people.yaml").write_text(KNOWN, encoding="utf-8")
    corpus = tmp_path / "news.txt"
    corpus.write_text(CORPUS, encoding="utf-8")
    drafts = tables / "entities" / "drafts.yaml"
    code, _, err = run(
        [
            "discover",
            str(corpus),
            "--tables",
            str(tables),
            "--no-default-tables",
            "-o",
            str(drafts),
            "--min-mentions",
            "2",
        ],
        capsys,
    )
    assert code == 0, err
    text = drafts.read_text(encoding="utf-8")
    with pytest.raises(TableError) as exc:
        load_tables(tables, default_tables=False)
    assert "drafts.yaml:" in str(exc.value) and "a draft entity" in str(exc.value)
    first = text.split("\n- id:")[1]
    assert "canonical: Sviatlana Tsikhanouskaya" in first and "gender: f" in first
    assert "- Святлана Ціханоўская" in first and "- Светлана Тихановская" in first
    assert first.count("news.txt:") == 3  # three example contexts, with file and line
    assert "mentions: 6" in first
    # reviewed: the draft fields deleted
    kept: list[str] = []
    skipping = False
    for line in text.splitlines():
        if line.startswith("  draft:"):
            skipping = True
            continue
        if skipping and line.startswith("    "):
            continue
        skipping = False
        kept.append(line)
    drafts.write_text("\n".join(kept) + "\n", encoding="utf-8")
    n = Normalizer.load(tables, cache=False, default_tables=False)
    m = n.resolve("Ціханоўскай")
    assert m is not None and m.canonical == "Sviatlana Tsikhanouskaya"
    assert n.resolve("Тихановского") is None or n.resolve("Тихановского").canonical != m.canonical  # type: ignore[union-attr]


def test_jsonl_csv_and_standard_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "t" / "entities").mkdir(parents=True)
    (tmp_path / "t" / "entities" / "people.yaml").write_text(KNOWN, encoding="utf-8")
    tables = ["--tables", str(tmp_path / "t"), "--no-default-tables"]
    lines = [line for line in CORPUS.splitlines() if line]
    jl = tmp_path / "c.jsonl"
    jl.write_text("".join(json.dumps({"body": x, "text": "Иван Сидоров"}, ensure_ascii=False) + "\n" for x in lines))
    code, out, _ = run(["discover", str(jl), "--field", "body", "--min-mentions", "3", *tables], capsys)
    assert code == 0 and "Sviatlana Tsikhanouskaya" in out and "Сидоров" not in out
    assert f"{jl}:3:" in out
    cs = tmp_path / "c.csv"
    cs.write_text("id,body\n" + "".join(f'{k},"{x}"\n' for k, x in enumerate(lines)), encoding="utf-8")
    code, out, _ = run(["discover", str(cs), "--column", "body", "--min-mentions", "3", *tables], capsys)
    assert code == 0 and "Sviatlana Tsikhanouskaya" in out
    code, out, err = run(["discover", "--min-mentions", "3", *tables], capsys, stdin=CORPUS.encode())
    assert code == 0 and "<stdin>:" in out and "groups listed" in err
    code, _, err = run(["discover", str(cs), "--column", "nope"], capsys)
    assert code == 2 and "no column 'nope'" in err
