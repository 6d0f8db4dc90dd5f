"""Index and cache files: data only, checked, and never a way to run code."""

from __future__ import annotations

import dataclasses
import os
import pickle
import stat
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import normalize
from normalize import IndexFileError, Normalizer
from normalize.rewrite import Rewriter
from normalize.store import (
    _HEAD,
    FORMAT_VERSION,
    MAGIC,
    CacheWarning,
    cached_load,
    index_bytes,
    load_index,
    save_index,
    tables_fingerprint,
)

SENTENCES = [
    "Svetlana Tikhanovskaya met Lukashenko's envoy in Grodno.",
    "Аляксандр Лукашэнка і Святлана Ціханоўская ў Менску.",
    "ЛУКАШЕНКО, Александр Григорьевич; Тихановской С. Г.; Nasha Niva, Viasna.",
    "Центральная комиссия Республики Беларусь по выборам; Национальный банк Республики Беларусь.",
    "Правозащитный центр «Весна» and the Belarusian Association of Journalists (BAJ) in Minsk.",
    "Minsk Wheel Tractor Plant, МЗКТ, Белнефтехим, Лукаше́нко, Ne`ksta.",
]
MENTIONS = ["Lukashenko", "Ціханоўскай", "Tikhanovskaya S.G.", "MZKT", "Hrodna", "Ivan Petrovsky", "Latushka"]


class Planted:
    """What an attacker would plant: unpickling it writes a file (the proof that code ran)."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return (Path.write_text, (self.marker, "code ran"))


def _planted_pickle(marker: Path) -> bytes:
    """An index file of the old format (a header, then a pickle) whose body runs code."""
    old_head = _HEAD.size  # any header: the old reader unpickled whatever followed it
    return b"\0" * old_head + pickle.dumps(Planted(marker))


def _assert_same_behaviour(a: Normalizer, b: Normalizer) -> None:
    for m in MENTIONS:
        assert a.resolve(m) == b.resolve(m), m
        assert a.candidates(m) == b.candidates(m), m
    ra, rb = Rewriter(a), Rewriter(b)
    for text in SENTENCES:
        assert ra.rewrite(text) == rb.rewrite(text), text
        assert ra.rewrite(text, "canonical-script") == rb.rewrite(text, "canonical-script"), text


def test_a_saved_index_loads_as_it_was_built(tmp_path: Path) -> None:
    built = Normalizer.load(None, cache=False)
    path = tmp_path / "index.bin"
    save_index(built, path)
    loaded = load_index(path)
    assert loaded is not built
    # every field of every entity, the keys and the tables' entities, exactly
    assert len(loaded.index.entries) == len(built.index.entries)
    for x, y in zip(built.index.entries, loaded.index.entries, strict=True):
        for f in dataclasses.fields(x):
            assert getattr(x, f.name) == getattr(y, f.name), (x.id, f.name)
    assert loaded.index.by_key == built.index.by_key
    assert loaded.tables.entities == built.tables.entities
    assert [s.id for s in loaded.tables.schemes] == [s.id for s in built.tables.schemes]
    # the regular expressions are made again from the rules, and key alike
    words = ["Tsikhanouskaya", "Тихановская", "Łukašenka", "Lukashenko", "Belnaftakhim", "Белнефтехим"]
    assert [loaded.key(w) for w in words] == [built.key(w) for w in words]
    assert [loaded.key.reference(w) for w in words] == [built.key.reference(w) for w in words]
    _assert_same_behaviour(built, loaded)


def test_an_index_of_records_round_trips(tmp_path: Path) -> None:
    records = [
        {"id": "p1", "type": "person", "gender": "f", "canonical": "Sviatlana Tsikhanouskaya",
         "names": ["Святлана Ціханоўская", "Светлана Тихановская"]},
        {"id": "o1", "type": "organization", "canonical": "Viasna", "names": ["Правозащитный центр «Весна»"]},
    ]  # fmt: skip
    n = Normalizer.from_records(records)
    save_index(n, tmp_path / "i.bin")
    loaded = load_index(tmp_path / "i.bin")
    _assert_same_behaviour(n, loaded)


def test_an_index_file_is_private(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        save_index(Normalizer.from_records([{"id": "a", "names": ["Лукашенко"]}]), tmp_path / "i.bin")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "i.bin").stat().st_mode) == 0o600


def test_a_planted_pickle_given_as_index_runs_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    evil = tmp_path / "index.bin"
    evil.write_bytes(_planted_pickle(marker))
    with pytest.raises(IndexFileError):
        load_index(evil)
    # an old-style header in front of it (the magic text and the right versions) does no better
    head = _HEAD.pack(MAGIC, FORMAT_VERSION, normalize.__version__.encode().ljust(32, b"\0"), b"", 0, b"")
    evil.write_bytes(head + pickle.dumps(Planted(marker)))
    with pytest.raises(IndexFileError):
        load_index(evil)
    assert not marker.exists()


def test_a_planted_pickle_given_to_the_command_runs_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    evil = tmp_path / "index.bin"
    head = _HEAD.pack(MAGIC, FORMAT_VERSION, normalize.__version__.encode().ljust(32, b"\0"), b"", 0, b"")
    evil.write_bytes(head + pickle.dumps(Planted(marker)))
    proc = subprocess.run(
        [_command(), "resolve", "--index", str(evil), "Lukashenko"], capture_output=True, text=True, env=_env(tmp_path)
    )
    assert proc.returncode == 2 and "rebuild it" in proc.stderr and "Traceback" not in proc.stderr
    assert not marker.exists()


def _command() -> str:
    exe = Path(sys.executable).parent / "normalize"
    assert exe.exists(), "the tests run the installed `normalize` command"
    return str(exe)


def _env(tmp_path: Path, cache: Path | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["NORMALIZE_CACHE_DIR"] = str(cache) if cache is not None else "off"
    return env


def _cache_file(cache: Path) -> Path:
    return cache / f"index-{normalize.__version__}-{tables_fingerprint(None)[:24]}.bin"


def test_a_planted_pickle_in_the_cache_runs_nothing(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    marker = tmp_path / "ran"
    target = _cache_file(cache)
    head = _HEAD.pack(MAGIC, FORMAT_VERSION, normalize.__version__.encode().ljust(32, b"\0"), b"", 0, b"")
    target.write_bytes(head + pickle.dumps(Planted(marker)))
    target.chmod(0o600)
    proc = subprocess.run(
        [_command(), "resolve", "Lukashenko"], capture_output=True, text=True, env=_env(tmp_path, cache)
    )
    assert proc.returncode == 0 and "Alexander Lukashenko" in proc.stdout
    assert not marker.exists()
    assert "building it again" in proc.stderr
    # the planted file is replaced by a good index, which the next run reads
    assert load_index(target).resolve("Lukashenko") is not None


def test_a_tampered_cache_is_refused_and_built_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("NORMALIZE_CACHE_DIR", str(cache))
    first = cached_load(None)
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    target = _cache_file(cache)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    canonical = first.resolve("Lukashenko").canonical  # type: ignore[union-attr]
    data = target.read_bytes()
    at = data.index(canonical.encode())
    target.write_bytes(data[:at] + b"X" + data[at + 1 :])  # a changed canonical name, same length
    with pytest.warns(CacheWarning, match="checksum"):
        again = cached_load(None)
    assert again.resolve("Lukashenko").canonical == canonical  # type: ignore[union-attr]
    assert target.read_bytes() == data  # built and written again


def test_a_cache_folder_or_file_others_may_write_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "shared"
    cache.mkdir()
    cache.chmod(0o777)
    monkeypatch.setenv("NORMALIZE_CACHE_DIR", str(cache))
    with pytest.warns(CacheWarning, match="may be written by others"):
        n = cached_load(None)
    assert n.resolve("Lukashenko") is not None
    assert list(cache.iterdir()) == []  # nothing read from it, nothing written to it
    # a file in a safe folder that others may write is not read either
    cache.chmod(0o700)
    cached_load(None)
    target = _cache_file(cache)
    target.chmod(0o666)
    with pytest.warns(CacheWarning, match="may be written by others"):
        cached_load(None)


def test_a_cache_folder_of_another_user_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from normalize import store

    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    monkeypatch.setenv("NORMALIZE_CACHE_DIR", str(cache))
    monkeypatch.setattr(store.os, "geteuid", lambda: os.stat(cache).st_uid + 1)
    with pytest.warns(CacheWarning, match="owned by another user"):
        assert cached_load(None).resolve("Lukashenko") is not None
    assert list(cache.iterdir()) == []


def test_the_cache_folder_is_the_platforms(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import platformdirs

    from normalize.store import cache_dir

    monkeypatch.delenv("NORMALIZE_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == Path(platformdirs.user_cache_dir("normalize", appauthor=False))
    assert cache_dir() == tmp_path / "normalize"


_GOOD: list[bytes] = []


def _good_bytes() -> bytes:
    if not _GOOD:
        n = Normalizer.from_records(
            [{"id": "a", "type": "person", "names": ["Александр Лукашенко"]},
             {"id": "b", "type": "organization", "names": ["Минский завод колёсных тягачей"]}]
        )  # fmt: skip
        _GOOD.append(index_bytes(n))
    return _GOOD[0]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_changed_body_is_refused_whatever_it_holds(data: st.DataObject) -> None:
    # the checksum is recomputed, as an attacker would: the body itself must be refused or load
    import hashlib

    good = bytearray(_good_bytes())
    body = bytearray(good[_HEAD.size :])
    for _ in range(data.draw(st.integers(1, 6))):
        i = data.draw(st.integers(0, len(body) - 1))
        body[i] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        body = body[: data.draw(st.integers(0, len(body)))]
    head = _HEAD.pack(
        MAGIC, FORMAT_VERSION, normalize.__version__.encode().ljust(32, b"\0"), b"", len(body),
        hashlib.sha256(body).digest(),
    )  # fmt: skip
    from normalize.store import index_from_bytes

    try:
        n = index_from_bytes(head + bytes(body), "x.bin")
    except IndexFileError:
        return
    with warnings.catch_warnings():
        try:
            n.resolve("Лукашенко")
            Rewriter(n).rewrite("Лукашенко и МЗКТ")
        except IndexFileError:
            pass


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("surname_keys", ("LUKASENKA",)),  # a tuple where a set of keys belongs
        ("phrases", ((("ZAVOD",),),)),  # a name's word as a tuple, not a set of keys
        ("surfaces", [("a", "b")]),  # a list where a map belongs
    ],
)
def test_a_file_whose_parts_are_of_another_kind_is_refused(
    field: str, value: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    # made by hand with a right checksum (the writer given the other value): refused when loaded,
    # never a failure in the middle of a run
    from normalize import indexfile
    from normalize.store import index_from_bytes

    n = Normalizer.from_records(
        [{"id": "a", "type": "person", "names": ["Александр Лукашенко"]},
         {"id": "b", "type": "organization", "names": ["Минский завод колёсных тягачей"]}]
    )  # fmt: skip
    kind = next(k for k in indexfile._registry() if k.cls.__name__ == "EntityEntry")
    save = kind.save
    which = "organization" if field == "phrases" else "person"

    def hand_made(entry: object) -> dict[str, object]:
        state = save(entry)
        if state["record"].type == which:
            state[field] = value
        return state

    monkeypatch.setattr(kind, "save", hand_made)
    data = index_bytes(n)
    monkeypatch.undo()
    with pytest.raises(IndexFileError, match=r"do not fit|is damaged"):
        index_from_bytes(data, "hand-made.bin")


def test_the_spellings_of_a_loaded_index_are_made_on_first_use_as_they_were_built(tmp_path: Path) -> None:
    from normalize.indexfile import SpellingMap

    records = [
        {"id": f"p{i}", "type": "person", "names": [name]}
        # namesakes (Лукашенко) among them, whose surname's spellings are made once
        for i, name in enumerate(
            ["Александр Лукашенко", "Святлана Ціханоўская", "Пётр Ёлкин", "Jan Nowak", "Сергей Лукашенко"]
        )
    ]
    built = Normalizer.from_records(records)
    save_index(built, tmp_path / "i.bin")
    loaded = load_index(tmp_path / "i.bin")
    for x, y in zip(built.index.entries, loaded.index.entries, strict=True):
        assert isinstance(y.surfaces, SpellingMap)
        assert y.surfaces._map is None  # nothing made yet
        assert list(y.surfaces.items()) == list(x.surfaces.items())  # the same pairs, in the same order
        assert len(y.surfaces) == len(x.surfaces) and y.surfaces == x.surfaces
        assert all(y.surfaces[k] == v and k in y.surfaces for k, v in x.surfaces.items())
    # a loaded index saves and pickles as the one built
    save_index(loaded, tmp_path / "again.bin")
    again = load_index(tmp_path / "again.bin")
    assert [dict(e.surfaces) for e in again.index.entries] == [dict(e.surfaces) for e in built.index.entries]
    unpickled = pickle.loads(pickle.dumps(loaded))
    assert [type(e.surfaces) for e in unpickled.index.entries] == [dict] * len(records)
    _assert_same_behaviour(built, again)


@pytest.mark.parametrize(
    "damage",
    [
        "a spelling longer than the text",
        "a value past the string table",
        "text that is not UTF-8",
        "a map longer than the spellings",
    ],
)
def test_maps_of_spellings_that_do_not_fit_are_refused_when_loaded(
    damage: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # made by hand with a right checksum: refused as the file is loaded, not when a map is first read
    from normalize import indexfile
    from normalize.store import index_from_bytes

    n = Normalizer.from_records([{"id": "a", "type": "person", "names": ["Александр Лукашенко"]}])
    write = indexfile._Writer.spelling_maps

    def hand_made(self: indexfile._Writer, maps: list[dict[str, str]]) -> list[object]:
        tag, lengths, text, sizes, values = write(self, maps)
        a = indexfile._u32_array(sizes if damage.startswith("a spelling") else values)
        if damage == "a spelling longer than the text":
            a[0] += 1
            sizes = a.tobytes()
        elif damage == "a value past the string table":
            a[0] = 10**6
            values = a.tobytes()
        elif damage == "text that is not UTF-8":
            text = b"\xff" + text[1:]
        else:
            b = indexfile._u32_array(lengths)
            b[0] += 1
            lengths = b.tobytes()
        return [tag, lengths, text, sizes, values]

    monkeypatch.setattr(indexfile._Writer, "spelling_maps", hand_made)
    data = index_bytes(n)
    monkeypatch.undo()
    with pytest.raises(IndexFileError, match="is damaged"):
        index_from_bytes(data, "hand-made.bin")
