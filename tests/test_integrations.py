"""pandas, Spark and spaCy give the same mentions and outputs as normalize.rewrite / resolve."""

from __future__ import annotations

import os
import shutil
from typing import Any

import pytest

import normalize

TEXTS = [
    "Svetlana Tikhanovskaya met Lukashenko's envoy in Grodno.",
    "Тихановского задержали в Гомеле; Лукашэнку не спадабалася.",
    "nothing to see here",
    "Svetlana Tikhanovskaya met Lukashenko's envoy in Grodno.",
]
NAMES = ["Ціханоўскай", "LUKASHENKO, Alexander", "Ivan Petrovsky", "Grodno", "Ціханоўскай", None]


def expected_match(name: str | None) -> tuple[str | None, str | None]:
    m = normalize.resolve(name) if name else None
    return (m.entity_id, m.canonical) if m else (None, None)


def test_pandas_resolve_and_rewrite() -> None:
    pd = pytest.importorskip("pandas")
    from normalize.integrations.pandas import mentions_series, resolve_series, rewrite_series

    s = pd.Series(NAMES, index=[10, 11, 12, 13, 14, 15])
    df = resolve_series(s)
    assert list(df.index) == list(s.index)
    assert list(df.columns) == ["entity_id", "canonical", "score", "type"]
    for name, (_, row) in zip(NAMES, df.iterrows(), strict=True):
        eid, canon = expected_match(name)
        assert (row["entity_id"], row["canonical"]) == (eid, canon) or (eid is None and pd.isna(row["entity_id"]))
    texts = pd.Series(TEXTS)
    assert rewrite_series(texts).tolist() == [normalize.rewrite(t).text for t in TEXTS]
    ms = mentions_series(texts)
    assert [[m["surface"] for m in row] for row in ms] == [
        [m.surface for m in normalize.rewrite(t).mentions] for t in TEXTS
    ]


def test_pandas_work_is_per_distinct_value() -> None:
    pd = pytest.importorskip("pandas")
    from normalize.integrations.pandas import resolve_series

    calls: list[str] = []

    class Counting(normalize.Normalizer):
        def resolve(self, mention: str, **kw: Any) -> normalize.Match | None:
            calls.append(mention)
            return super().resolve(mention, **kw)

    n = Counting.from_records(
        [
            {
                "id": "al",
                "canonical": "Aliaksandr Lukashenka",
                "names": ["Александр Лукашенко"],
                "type": "person",
                "gender": "m",
            }
        ]
    )
    out = resolve_series(pd.Series(["Lukashenko", "Grodno"] * 5000), n)
    assert sorted(calls) == ["Grodno", "Lukashenko"]
    assert list(out["entity_id"][:2]) == ["al", None]


@pytest.fixture(scope="module")
def spark():  # type: ignore[no-untyped-def]
    pytest.importorskip("pyspark")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("no Java on this machine")
    import sys

    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers use this environment's packages
    session = (
        SparkSession.builder.master("local[2]")
        .appName("normalize-tests")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_spark_rewrite_and_resolve(spark) -> None:  # type: ignore[no-untyped-def]
    from normalize.integrations.spark import resolve_column, rewrite_column

    df = spark.createDataFrame([(i, t) for i, t in enumerate(TEXTS)], "id int, text string").repartition(2)
    out = rewrite_column(df, "text", output="normalized").orderBy("id").collect()
    assert [r["normalized"] for r in out] == [normalize.rewrite(t).text for t in TEXTS]
    assert [r["text"] for r in out] == TEXTS

    names = spark.createDataFrame([(i, n) for i, n in enumerate(NAMES)], "id int, name string")
    got = resolve_column(names, "name").orderBy("id").collect()
    assert [(r["entity_id"], r["canonical"]) for r in got] == [expected_match(n) for n in NAMES]


def test_spark_with_an_index_file_maps_it_on_the_executors(spark, tmp_path: Any) -> None:  # type: ignore[no-untyped-def]
    from normalize.integrations.spark import resolve_column, rewrite_column
    from normalize.store import save_index

    save_index(normalize.Normalizer.default(), tmp_path / "index.bin")
    df = spark.createDataFrame([(i, t) for i, t in enumerate(TEXTS)], "id int, text string").repartition(2)
    out = rewrite_column(df, "text", output="normalized", index=tmp_path / "index.bin").orderBy("id").collect()
    assert [r["normalized"] for r in out] == [normalize.rewrite(t).text for t in TEXTS]
    names = spark.createDataFrame([(i, n) for i, n in enumerate(NAMES)], "id int, name string")
    got = resolve_column(names, "name", index=tmp_path / "index.bin").orderBy("id").collect()
    assert [(r["entity_id"], r["canonical"]) for r in got] == [expected_match(n) for n in NAMES]


def test_an_index_file_given_to_spark_travels_as_its_path_and_is_mapped_once(tmp_path: Any) -> None:
    import mmap

    from normalize import IndexFileError
    from normalize.integrations import spark as on_spark
    from normalize.store import save_index

    path = tmp_path / "index.bin"
    save_index(normalize.Normalizer.default(), path)
    payload, tag = on_spark._payload(None, path)
    assert payload == ("index", str(path))  # the path is broadcast, not the index

    class Broadcast:
        value = payload

    n = on_spark._executor_normalizer((Broadcast(), tag))
    assert isinstance(n.index.by_key._data.obj, mmap.mmap)  # read where it lies in the file
    assert on_spark._executor_normalizer((Broadcast(), tag)) is n  # once for each executor process
    for name in filter(None, NAMES):
        assert n.resolve(name) == normalize.Normalizer.default().resolve(name), name
    with pytest.raises(IndexFileError):
        on_spark._payload(None, tmp_path / "missing.bin")  # on the driver, at once
    with pytest.raises(TypeError):
        on_spark._payload(n, path)


def test_spacy_component_on_a_blank_pipeline() -> None:
    spacy = pytest.importorskip("spacy")
    import normalize.integrations.spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("normalize_entities")
    for text in TEXTS:
        doc = nlp(text)
        want = normalize.rewrite(text, mode="annotate").mentions
        got = [(e.start_char, e.end_char, e._.entity_id, e._.canonical) for e in doc.ents]
        assert got == [(m.start, m.end, m.entity_id, m.canonical) for m in want]
    doc = nlp(TEXTS[0])
    assert [e.label_ for e in doc.ents] == ["PERSON", "PERSON", "GPE"]


def test_pandas_series_accessor_matches_the_functions() -> None:
    pd = pytest.importorskip("pandas")
    from normalize.integrations.pandas import mentions_series, resolve_series, rewrite_series

    names = pd.Series(NAMES, index=[10, 11, 12, 13, 14, 15])
    pd.testing.assert_frame_equal(names.normalize.resolve(), resolve_series(names))
    texts = pd.Series(TEXTS, name="body")
    pd.testing.assert_series_equal(texts.normalize.rewrite(), rewrite_series(texts))
    pd.testing.assert_series_equal(texts.normalize.rewrite(mode="annotate"), rewrite_series(texts, mode="annotate"))
    assert texts.normalize.mentions().tolist() == mentions_series(texts).tolist()
    df = pd.DataFrame({"name": names})
    df[["entity_id", "canonical", "score", "type"]] = df["name"].normalize.resolve()
    assert df.loc[10, "entity_id"] == "sviatlana-tsikhanouskaya" and pd.isna(df.loc[12, "entity_id"])


def _ents(doc: Any) -> list[tuple[Any, ...]]:
    return [(e.start_char, e.end_char, e.label_, e.kb_id_, e._.entity_id, e._.canonical) for e in doc.ents]


def test_spacy_sets_the_knowledge_base_id() -> None:
    spacy = pytest.importorskip("spacy")
    import normalize.integrations.spacy  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("normalize_entities")
    doc = nlp(TEXTS[1])
    assert doc.ents and all(e.kb_id_ == e._.entity_id for e in doc.ents)
    assert [e.kb_id_ for e in nlp(TEXTS[0]).ents] == ["sviatlana-tsikhanouskaya", "alexander-lukashenko", "hrodna"]
    from spacy import displacy

    html = displacy.render(nlp(TEXTS[0]), style="ent", options={"kb_url_template": "https://example.org/{}"})
    assert "https://example.org/alexander-lukashenko" in html


def test_spacy_pipe_with_two_processes_and_a_saved_pipeline(tmp_path: Any) -> None:
    spacy = pytest.importorskip("spacy")
    import normalize.integrations.spacy  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("normalize_entities")
    want = [_ents(nlp(t)) for t in TEXTS]
    assert [_ents(d) for d in nlp.pipe(TEXTS * 2, n_process=2, batch_size=1)] == want * 2
    nlp.to_disk(tmp_path / "pipeline")
    again = spacy.load(tmp_path / "pipeline")
    assert again.pipe_names == ["normalize_entities"]
    assert [_ents(again(t)) for t in TEXTS] == want


def test_spark_readme_job_runs_as_written(tmp_path: Any) -> None:
    """The README's Spark job, run as it says (`python job.py`: local[*]) with the Python under test,
    without PYSPARK_PYTHON set: the job itself points the executors at its own Python."""
    pytest.importorskip("pyspark")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("no Java on this machine")
    import re
    import subprocess
    import sys
    from pathlib import Path

    readme = Path(__file__).resolve().parent.parent / "README.md"
    if not readme.is_file():
        pytest.skip("no README beside the tests")
    job = re.search(r"A whole job, `job.py`:\n\n```python\n(.*?)```", readme.read_text(encoding="utf-8"), re.S)
    assert job is not None
    (tmp_path / "job.py").write_text(job.group(1), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON")}
    env["PATH"] = "/usr/bin:/bin"  # a python3 on the PATH that is not this environment's
    done = subprocess.run(
        [sys.executable, "job.py"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Sviatlana Tsikhanouskaya met Alexander Lukashenko's envoy in Hrodna." in done.stdout
    assert "|Ціханоўскай          |sviatlana-tsikhanouskaya|Sviatlana Tsikhanouskaya|1.0  |person|" in done.stdout
    assert "|Ivan Petrovsky       |NULL" in done.stdout
