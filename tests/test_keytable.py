"""The key table of an index: the answers of the dictionary it is made from, read from flat arrays
where they lie (a mapped index file), and a table made by hand refused, never a crash or a hang."""

from __future__ import annotations

import hashlib
import mmap
import pickle
import struct
import warnings
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import normalize
from normalize import IndexFileError, Normalizer
from normalize.keytable import KeyTable, KeyTableError, NearTable
from normalize.namekeys import MIN_FUZZY_KEY, deletions
from normalize.rewrite import Rewriter
from normalize.store import (
    _HEAD,
    FORMAT_VERSION,
    MAGIC,
    cached_load,
    index_bytes,
    index_from_bytes,
    load_index,
    save_index,
)

KEYS = st.dictionaries(
    st.text(min_size=1, max_size=12),
    st.lists(st.integers(0, 2**32 - 1), min_size=1, max_size=5),
    max_size=60,
)


@settings(max_examples=200, deadline=None)
@given(KEYS, st.lists(st.text(max_size=12), max_size=20))
def test_a_table_answers_as_its_dictionary(keys: dict[str, list[int]], others: list[str]) -> None:
    table = KeyTable.from_mapping(keys)
    assert len(table) == len(keys)
    assert table.keys() == list(keys)  # in the order they were added
    assert table.items() == list(keys.items())
    for k, v in keys.items():
        assert table.get(k) == v and table[k] == v and k in table
    for k in others:
        assert table.get(k) == keys.get(k)
        assert (k in table) == (k in keys)
    assert pickle.loads(pickle.dumps(table)) == table
    assert KeyTable.from_buffer(table.to_bytes()) == table


def _head(table: bytes) -> list[int]:
    return list(struct.unpack_from("<5I", table))


def _with_head(table: bytes, head: list[int]) -> bytes:
    return struct.pack("<5I", *head) + table[20:]


def _damaged(table: bytes, damage: str) -> bytes:
    mark, count, nslots, nnumbers, ntext = _head(table)
    slots_at = 20
    offsets_at = slots_at + 4 * nslots
    if damage == "another mark":
        return _with_head(table, [mark + 1, count, nslots, nnumbers, ntext])
    if damage == "slots no power of two":
        return _with_head(table, [mark, count, nslots - 1, nnumbers, ntext])
    if damage == "parts that do not add up":
        return _with_head(table, [mark, count, nslots, nnumbers + 1, ntext])
    if damage == "cut short":
        return table[:-3]
    if damage == "an offset past the text":
        b = bytearray(table)
        struct.pack_into("<I", b, offsets_at + 4, ntext + 100)
        return bytes(b)
    if damage == "a slot past the keys":
        b = bytearray(table)
        at = next(i for i in range(nslots) if struct.unpack_from("<I", table, slots_at + 4 * i)[0])
        struct.pack_into("<I", b, slots_at + 4 * at, count + 7)
        return bytes(b)
    if damage == "no empty slot":  # a search for a missing key would never end
        b = bytearray(table)
        for i in range(nslots):
            if not struct.unpack_from("<I", table, slots_at + 4 * i)[0]:
                struct.pack_into("<I", b, slots_at + 4 * i, 1)
        return bytes(b)
    raise AssertionError(damage)


DAMAGES = [
    "another mark",
    "slots no power of two",
    "parts that do not add up",
    "cut short",
    "an offset past the text",
    "a slot past the keys",
    "no empty slot",
]


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_table_made_by_hand_is_refused(damage: str) -> None:
    table = KeyTable.from_mapping({"LUKASENKA": [0, 3], "MINSK": [1], "ZAVOD": [2]}).to_bytes()
    with pytest.raises(KeyTableError):
        KeyTable.from_buffer(_damaged(table, damage))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_table_of_changed_bytes_is_refused_or_answers(data: st.DataObject) -> None:
    # whatever bytes pass the checks, a lookup ends and reads inside the table
    good = bytearray(KeyTable.from_mapping({"LUKASENKA": [0, 3], "MINSK": [1], "ZAVOD": [2], "ŁUK": [4]}).to_bytes())
    for _ in range(data.draw(st.integers(1, 6))):
        good[data.draw(st.integers(0, len(good) - 1))] = data.draw(st.integers(0, 255))
    try:
        table = KeyTable.from_buffer(bytes(good))
    except KeyTableError:
        return
    for k in ("LUKASENKA", "MINSK", "ZAVOD", "ŁUK", "NOBODY", ""):
        got = table.get(k)
        assert got is None or all(type(i) is int for i in got)
    assert len(table.items()) == len(table)


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        st.text("ABKé€\U0001f600", min_size=1, max_size=7), st.lists(st.integers(0, 50), min_size=1, max_size=3)
    ),
    st.lists(st.text("ABKé€\U0001f600", max_size=7), max_size=20),
)
def test_near_keys_of_any_symbols_are_the_keys_one_symbol_shorter(
    keys: dict[str, list[int]], others: list[str]
) -> None:
    # a symbol of one to four bytes in UTF-8: one symbol less, whatever its length in bytes
    near = NearTable.from_keys(KeyTable.from_mapping(keys), MIN_FUZZY_KEY, deletions)
    expected: dict[str, list[int]] = {}
    for k, v in keys.items():
        if len(k) >= MIN_FUZZY_KEY:
            for d in deletions(k):
                expected.setdefault(d, []).extend(v)
    for q in [*expected, *others, *keys]:
        assert near.get(q) == expected.get(q), q


NEAR_KEYS = {"LUKASENKA": [0, 3], "LUKASENKO": [1], "MINSKA": [2], "ZAVOD": [4], "ABC": [5]}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_near_table_of_changed_bytes_is_refused_or_answers(data: st.DataObject) -> None:
    # whatever bytes pass, a lookup ends, reads inside the tables and names keys of the key table
    keys = KeyTable.from_mapping(NEAR_KEYS)
    good = bytearray(NearTable.from_keys(keys, MIN_FUZZY_KEY, deletions).to_bytes())
    for _ in range(data.draw(st.integers(1, 8))):
        good[data.draw(st.integers(0, len(good) - 1))] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        good = good[: data.draw(st.integers(0, len(good)))]
    try:
        near = NearTable.from_buffer(keys, bytes(good))
    except KeyTableError:
        return
    for q in ("LUKSENKA", "UKASENKO", "MINSK", "ZAVO", "AB", "NOBODY"):
        got = near.get(q)
        assert got is None or set(got) <= {0, 1, 2, 3, 4}


def test_a_near_table_of_the_wrong_size_is_refused() -> None:
    keys = KeyTable.from_mapping(NEAR_KEYS)
    good = NearTable.from_keys(keys, MIN_FUZZY_KEY, deletions).to_bytes()
    assert NearTable.from_buffer(keys, good).get("LUKSENKA") == [0, 3]
    for bad in (good[:-4], good + b"\0" * 8, good[:7], b"NTB2" + good[4:]):
        with pytest.raises(KeyTableError):
            NearTable.from_buffer(keys, bad)


def _small() -> Normalizer:
    return Normalizer.from_records(
        [{"id": "a", "type": "person", "names": ["Александр Лукашенко"]},
         {"id": "b", "type": "organization", "names": ["Минский завод колёсных тягачей"]},
         {"id": "c", "type": "person", "names": ["Святлана Ціханоўская", "Светлана Тихановская"]}]
    )  # fmt: skip


def _index_with_section(
    monkeypatch: pytest.MonkeyPatch, cls: type[KeyTable] | type[NearTable], damage: Callable[[bytes], bytes]
) -> bytes:
    """The bytes of an index file whose section of ``cls`` is written damaged, with the checksum
    right, as an attacker would make it."""
    n = _small()
    to_bytes = cls.to_bytes
    monkeypatch.setattr(cls, "to_bytes", lambda self: damage(to_bytes(self)))
    try:
        return index_bytes(n)
    finally:
        monkeypatch.undo()


@pytest.mark.parametrize("damage", DAMAGES)
def test_an_index_file_with_a_table_made_by_hand_is_refused(damage: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # refused as the file is loaded
    data = _index_with_section(monkeypatch, KeyTable, lambda table: _damaged(table, damage))
    with pytest.raises(IndexFileError, match="is damaged"):
        index_from_bytes(data, "hand-made.bin")


def test_an_index_file_with_near_keys_made_by_hand_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _index_with_section(monkeypatch, NearTable, lambda table: table[:-4])
    with pytest.raises(IndexFileError, match="is damaged"):
        index_from_bytes(data, "hand-made.bin")


def test_an_index_file_whose_keys_name_no_entity_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    n = _small()
    monkeypatch.setattr(n.index, "_table", KeyTable.from_mapping({"LUKASENKA": [0, 99]}))
    with pytest.raises(IndexFileError, match=r"do not fit \(keys\)"):
        index_from_bytes(index_bytes(n), "hand-made.bin")


def test_a_mapped_index_answers_as_the_built_one(tmp_path: Path) -> None:
    built = Normalizer.load(None, cache=False)
    save_index(built, tmp_path / "index.bin")
    loaded = load_index(tmp_path / "index.bin")
    # the key table and the near keys are read where they lie in the mapped file, not copied or made
    assert isinstance(loaded.index.by_key._data.obj, mmap.mmap)
    assert loaded.index._by_deletion is not None and isinstance(loaded.index._by_deletion._data.obj, mmap.mmap)
    assert all(loaded.index.candidates(k) == built.index.candidates(k) for k in built.index.by_key.keys()[::7])
    assert loaded.index.by_key == built.index.by_key
    mentions = ["Lukashenko", "Ціханоўскай", "Tikhanovskaya S.G.", "MZKT", "Hrodna", "Latushka", "Lukaschenka"]
    for m in mentions:
        assert loaded.resolve(m) == built.resolve(m), m
        assert loaded.candidates(m) == built.candidates(m), m
    text = "Svetlana Tikhanovskaya met Lukashenko's envoy in Grodno; МЗКТ and Viasna, Лукашэнкам."
    assert Rewriter(loaded).rewrite(text) == Rewriter(built).rewrite(text)
    # a mapped index pickles (a Spark broadcast) and saves again as the one built
    again = pickle.loads(pickle.dumps(loaded))
    assert [again.resolve(m) for m in mentions] == [built.resolve(m) for m in mentions]
    save_index(loaded, tmp_path / "again.bin")
    assert load_index(tmp_path / "again.bin").index.by_key == built.index.by_key


def _file_of_format(fmt: int, body: bytes = b"") -> bytes:
    return (
        _HEAD.pack(
            MAGIC, fmt, normalize.__version__.encode().ljust(32, b"\0"), b"", len(body), hashlib.sha256(body).digest()
        )
        + body
    )


def test_an_index_file_of_the_format_before_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "old.bin"
    path.write_bytes(_file_of_format(FORMAT_VERSION - 1, b"\x00" * 64))
    said = f"index format {FORMAT_VERSION - 1}.*reads format {FORMAT_VERSION}: rebuild"
    with pytest.raises(IndexFileError, match=said):
        load_index(path)


def test_a_cached_index_of_the_format_before_is_built_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tables = tmp_path / "tables"
    tables.mkdir()
    (tables / "people.yaml").write_text(
        "- id: p1\n  type: person\n  canonical: Ivan Petrov\n  names: [Иван Петров]\n", encoding="utf-8"
    )
    monkeypatch.setenv("NORMALIZE_CACHE_DIR", str(tmp_path / "cache"))
    first = cached_load(tables, default_tables=False)
    (cached,) = (tmp_path / "cache").iterdir()
    cached.write_bytes(_file_of_format(FORMAT_VERSION - 1, cached.read_bytes()[_HEAD.size :]))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        again = cached_load(tables, default_tables=False)
    said = [str(w.message) for w in caught]
    assert any(f"index format {FORMAT_VERSION - 1}" in m and "building it again" in m for m in said), said
    assert again.resolve("Ивана Петрова") == first.resolve("Ивана Петрова")
    assert cached.read_bytes()[: _HEAD.size] != _file_of_format(FORMAT_VERSION - 1)[: _HEAD.size]  # written anew
    assert load_index(cached).resolve("Ivan Petrov") is not None


@pytest.mark.parametrize("cut", [0, 10, _HEAD.size, _HEAD.size + 5, -1000, -1])
def test_a_truncated_index_file_is_refused(tmp_path: Path, cut: int) -> None:
    path = tmp_path / "index.bin"
    save_index(_small(), path)
    data = path.read_bytes()
    path.write_bytes(data[:cut])
    with pytest.raises(IndexFileError, match=r"not a normalize index file|cut short"):
        load_index(path)
