"""Hostile input: nothing but the documented errors escapes, and time stays linear.

The short campaigns run in CI; `pytest -m slow` runs the long ones (more examples, bigger inputs).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import normalize
from normalize.errors import TableError
from normalize.schemes import load_scheme_file
from normalize.tables import load_tables
from normalize.text import is_cyrillic

LONG = os.environ.get("NORMALIZE_FUZZ_LONG") == "1"
N = 2000 if LONG else 150

any_char = st.characters(min_codepoint=0, max_codepoint=0x10FFFF)  # surrogates, controls, everything
hostile_pieces = st.sampled_from(
    ["\u200b", "\u200e", "\u202e", "\u2066", "\ufeff", "\u0301", "\u0308", "\u00ad", "Вiктар", "Lukashеnko",
     "Ціханоўская", "ЛУКАШЕНКО", "'", "’", "ʼ", ".", ",", " ", "\n", "\r", "\x00", "S.", "Dr", "'s", "ё", "Ї"]
)  # fmt: skip
hostile_text = st.lists(st.text(alphabet=any_char, max_size=6) | hostile_pieces, max_size=30).map("".join)


@settings(max_examples=N, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text)
def test_resolve_never_raises(text: str) -> None:
    m = normalize.resolve(text)
    assert m is None or 0.0 < m.score <= 1.0


@settings(max_examples=N, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text)
def test_rewrite_never_raises_and_keeps_offsets(text: str) -> None:
    r = normalize.rewrite(text)
    for m in r.mentions:
        assert text[m.start : m.end] == m.surface


@settings(max_examples=N, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text, st.sampled_from([s.id for s in normalize.list_schemes()]))
def test_transliterate_leaves_no_cyrillic(text: str, scheme: str) -> None:
    out = normalize.transliterate(text, scheme)
    assert not any(is_cyrillic(c) and c.isalpha() for c in out)


@settings(max_examples=N, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400) | hostile_text.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_table_loader_raises_only_table_errors(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    d = tmp_path_factory.mktemp("t")
    (d / "entities").mkdir()
    (d / "entities" / "x.yaml").write_bytes(data)
    (d / "schemes").mkdir()
    (d / "schemes" / "y.yaml").write_bytes(data)
    try:
        load_tables(d)
    except TableError as exc:
        assert exc.problems and all(p.line >= 1 for p in exc.problems)


yaml_values = st.recursive(
    st.text(max_size=5) | st.integers() | st.booleans() | st.none(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=N, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(yaml_values, max_size=4))
def test_entity_tables_of_any_shape(tmp_path_factory: pytest.TempPathFactory, doc: list[object]) -> None:
    import yaml

    d = tmp_path_factory.mktemp("e")
    (d / "entities").mkdir()
    (d / "entities" / "x.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    try:
        n = normalize.Normalizer.load(d, cache=False)
    except TableError:
        return
    n.resolve("Lukashenko")


def test_deep_table_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "deep.yaml"
    p.write_text("a: " + "[" * 200 + "]" * 200 + "\n", encoding="utf-8")
    with pytest.raises(TableError, match="deep"):
        load_scheme_file(p)


def test_huge_table_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from normalize import tablefile

    monkeypatch.setattr(tablefile, "MAX_TABLE_BYTES", 1000)
    p = tmp_path / "big.yaml"
    p.write_text("id: ru-x\n" + "# pad\n" * 500, encoding="utf-8")
    with pytest.raises(TableError, match="limited to 1000"):
        load_scheme_file(p)


SIZE = 10_000_000 if LONG else 2_000_000


@pytest.mark.parametrize("letter", ["a", "я", "Ў", "'", "\u200b"])
def test_long_line_of_one_letter_is_linear(letter: str) -> None:
    line = letter * SIZE
    t0 = time.perf_counter()
    normalize.rewrite(line)
    normalize.resolve(line)
    normalize.transliterate(line[: SIZE // 4], "ru-bgn-pcgn")
    # generous: a quadratic algorithm would take hours on this size
    assert time.perf_counter() - t0 < 120


def test_long_line_of_names_is_linear() -> None:
    line = "Lukashenko met Тихановскую in Grodno. " * (SIZE // 40)
    t0 = time.perf_counter()
    r = normalize.rewrite(line)
    assert len(r.mentions) == 3 * (SIZE // 40)
    assert time.perf_counter() - t0 < 120


@pytest.mark.parametrize("unit", ["Центральная комиссия по выборам и ", "Национальный банк Республики "])
def test_long_line_of_organisation_words_is_linear(unit: str) -> None:
    # words of one name said over and over, which widening takes and then cuts back
    line = unit * (SIZE // len(unit))
    t0 = time.perf_counter()
    r = normalize.rewrite(line)
    assert normalize.rewrite(r.text).text == r.text
    assert time.perf_counter() - t0 < 120


def test_homoglyph_mixes_resolve() -> None:
    assert normalize.resolve("Лукашенкo") is not None  # Latin o at the end
    assert normalize.resolve("Lukashеnko") is not None  # Cyrillic е inside
    assert normalize.resolve("ЛУКАШЕНКО") is not None


@pytest.mark.slow
@settings(max_examples=20_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text)
def test_long_campaign_resolve_and_rewrite(text: str) -> None:
    normalize.resolve(text)
    normalize.rewrite(text)


def test_table_text_with_lone_surrogates_is_a_problem_not_a_crash() -> None:
    # found by the atheris harness (fuzz/fuzz_normalize.py): libyaml raised UnicodeEncodeError
    from normalize.tablefile import TableReader

    reader = TableReader("t.yaml")
    assert reader.parse("id: x\nname: \udcff\udcff\n") is None
    assert str(reader.problems[0]) == "t.yaml:2: not valid text (a lone surrogate code point)"


def _replace_one(doc: object, path: list[int], value: object) -> object:
    """``doc`` with the node that ``path`` picks (each number chooses among a node's children,
    modulo their count) replaced by ``value``."""
    if not path or not isinstance(doc, dict | list) or not doc:
        return value
    if isinstance(doc, dict):
        keys = list(doc)
        k = keys[path[0] % len(keys)]
        return {**doc, k: _replace_one(doc[k], path[1:], value)}
    i = path[0] % len(doc)
    return [*doc[:i], _replace_one(doc[i], path[1:], value), *doc[i + 1 :]]


@settings(max_examples=max(30, N // 5), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(["phonetic.yaml", "org_vocabulary.yaml", "inflection.yaml", "cognates.yaml", "titles.yaml"]),
    st.lists(st.integers(min_value=0, max_value=10_000), max_size=6),
    yaml_values,
)
def test_rule_tables_with_a_value_of_any_shape(
    tmp_path_factory: pytest.TempPathFactory, name: str, path: list[int], value: object
) -> None:
    # one value anywhere in a bundled rule table replaced by anything YAML can hold: the loader
    # reports a TableError (or takes it), never a crash
    import yaml

    from normalize.tables import default_tables_dir

    doc = yaml.safe_load((default_tables_dir() / name).read_text(encoding="utf-8"))
    d = tmp_path_factory.mktemp("r")
    (d / name).write_text(yaml.safe_dump(_replace_one(doc, path, value), allow_unicode=True), encoding="utf-8")
    try:
        n = normalize.Normalizer(load_tables(d))
    except TableError as exc:
        assert exc.problems and all(p.path and p.line >= 1 for p in exc.problems)
        return
    n.resolve("Лукашенко")


# YAML anchors (&name) and aliases (*name): shared values, nested aliases that multiply, and aliases
# to a value that holds them; the loader reads them or reports a TableError with file and line,
# quickly, whatever their shape
_anchor_names = st.sampled_from(["a", "b", "c"])


@st.composite
def _aliased_yaml(draw: st.DrawFn) -> str:
    lines: list[str] = []
    defined: list[str] = []
    for i in range(draw(st.integers(1, 6))):
        name = f"{draw(_anchor_names)}{i}"
        items: list[str] = []
        for _ in range(draw(st.integers(0, 12))):
            kind = draw(st.integers(0, 3))
            if kind == 0 and defined:
                items.append("*" + draw(st.sampled_from(defined)))
            elif kind == 1:
                items.append("*" + name)  # an alias inside its own anchor: a loop
            else:
                items.append(draw(st.sampled_from(["Лукашенко", "x", "Ціханоўская", "[1, 2]", "{k: v}"])))
        lines.append(f"- id: e{i}\n  type: person\n  canonical: E{i}\n  names: &{name} [{', '.join(items) or 'Імя'}]")
        defined.append(name)
    if draw(st.booleans()) and defined:
        lines.append(f"- id: last\n  names: *{draw(st.sampled_from(defined))}")
    return "\n".join(lines) + "\n"


@settings(max_examples=N, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_aliased_yaml())
def test_entity_tables_with_anchors_and_aliases(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    d = tmp_path_factory.mktemp("a")
    (d / "entities").mkdir()
    (d / "entities" / "x.yaml").write_text(text, encoding="utf-8")
    t0 = time.perf_counter()
    try:
        n = normalize.Normalizer.load(d, cache=False)
    except TableError as exc:
        assert exc.problems and all(p.line >= 1 and p.path.endswith("x.yaml") for p in exc.problems)
    else:
        n.resolve("Лукашенко")
    assert time.perf_counter() - t0 < 60


@pytest.mark.parametrize("depth", [3, 6, 9])
def test_aliases_that_multiply_are_bounded(tmp_path: Path, depth: int) -> None:
    lines = ["- id: a\n  names: &a0 [Лукашенко, Лукашенко, Лукашенко, Лукашенко, Лукашенко]"]
    for i in range(1, depth + 1):
        lines.append(f"- id: a{i}\n  names: &a{i} [{', '.join([f'*a{i - 1}'] * 5)}]")
    (tmp_path / "entities").mkdir()
    (tmp_path / "entities" / "x.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    t0 = time.perf_counter()
    with pytest.raises(TableError):  # names nested in lists, or too many values: either is reported
        load_tables(tmp_path)
    assert time.perf_counter() - t0 < 30
