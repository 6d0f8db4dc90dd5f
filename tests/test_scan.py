"""The scan of the rewrite pass: both automata find every occurrence, and the plan is saved with an
index file."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalize import Normalizer
from normalize.rewrite import Rewriter
from normalize.scan import MARKS, Scanner, ScanPlan, fold_for_scan, has_mark, plan_of
from normalize.store import load_index, save_index

PATTERNS = ["лукашенко", "лукашэнка", "ка", "a", "ab", "bab", "łukaszenka", "ціханоўская", "o'neil", "x y"]
PIECES = [*PATTERNS, " ", "Б", "b", "ў", "'", "\u0301", "\U0001f600", "\n"]


def _every_occurrence(text: str, patterns: list[str]) -> list[tuple[int, int, int]]:
    return sorted(
        (i, i + len(p), n)
        for n, p in enumerate(patterns)
        for i in range(len(text) - len(p) + 1)
        if text.startswith(p, i)
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_both_engines_find_every_occurrence(pieces: list[str]) -> None:
    text = "".join(pieces)
    dfa, double_array = Scanner(PATTERNS), Scanner(PATTERNS, dfa_max=0)
    assert (dfa.engine, double_array.engine) == ("dfa", "double-array")
    expected = _every_occurrence(text, PATTERNS)
    assert sorted(dfa.hits(text)) == expected
    assert sorted(double_array.hits(text)) == expected


def test_a_lone_surrogate_is_scanned_at_its_offset() -> None:
    text = "a\udcffлукашенко"
    for scanner in (Scanner(PATTERNS), Scanner(PATTERNS, dfa_max=0)):
        assert (2, 2 + len("лукашенко"), 0) in scanner.hits(text)


def test_a_saved_double_array_scans_as_the_one_built() -> None:
    built = Scanner(PATTERNS, dfa_max=0)
    again = Scanner(PATTERNS, built.saved())
    assert again.engine == "double-array"
    text = "bab лукашенко x y łukaszenka"
    assert again.hits(text) == built.hits(text)
    assert Scanner(PATTERNS).saved() == b""  # a DFA is built again, not kept


def test_the_marks_come_first() -> None:
    plan = plan_of(Normalizer.default().index.entries)
    assert plan.scanner.size == len(MARKS) + len(plan.forms)
    assert has_mark(plan.scanner.hits(fold_for_scan("Лукаше\u0301нко")))
    assert not has_mark(plan.scanner.hits(fold_for_scan("Лукашенко")))


@pytest.fixture(scope="module")
def own_normalizer() -> Normalizer:
    """A copy of the bundled normalizer, whose index may be changed here."""
    n = pickle.loads(pickle.dumps(Normalizer.default()))
    assert isinstance(n, Normalizer)
    return n


TEXTS = [
    "Svetlana Tikhanovskaya met Lukashenko's envoy in Grodno.",
    "В Гродно Тихановскую поддержали; Лукашэнку не спадабалася. ЛУКАШЕНКО, Александр",
    "Лукаше\u0301нко и Правозащитный центр «Вясна» в Минске; Alexander Lukashenko.",
]


def test_a_double_array_plan_rewrites_as_the_dfa(own_normalizer: Normalizer) -> None:
    index = own_normalizer.index
    dfa_plan = plan_of(index.entries)
    index._scan_plan = plan_of(index.entries, dfa_max=0)
    assert index.scan_plan().scanner.engine == "double-array"
    by_double_array = Rewriter(own_normalizer)
    index._scan_plan = dfa_plan
    by_dfa = Rewriter(own_normalizer)
    for text in TEXTS:
        assert by_double_array.rewrite(text) == by_dfa.rewrite(text)


def test_an_index_file_keeps_its_scan_plan(own_normalizer: Normalizer, tmp_path: Path) -> None:
    index = own_normalizer.index
    index._scan_plan = plan_of(index.entries, dfa_max=0)
    path = tmp_path / "index.bin"
    save_index(own_normalizer, path)
    loaded = load_index(path)
    plan = loaded.index._scan_plan
    assert isinstance(plan, ScanPlan)
    assert plan.scanner.engine == "double-array"  # read from the file, not built again
    assert plan.forms == index.scan_plan().forms
    assert plan.keys == index.scan_plan().keys
    for text in TEXTS:
        assert Rewriter(loaded).rewrite(text) == Rewriter(own_normalizer).rewrite(text)


def test_an_index_file_is_saved_with_a_plan(tmp_path: Path) -> None:
    n = Normalizer.from_records([{"id": "p1", "type": "person", "names": ["Святлана Ціханоўская"]}])
    assert n.index._scan_plan is None  # made on first use
    save_index(n, tmp_path / "i.bin")
    plan = load_index(tmp_path / "i.bin").index._scan_plan
    assert plan is not None and plan.scanner.engine == "dfa"
    assert "ціханоўская" in plan.forms
