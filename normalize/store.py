"""Saving and loading a compiled index, so that workers start in a fraction of a second.

An index file is a fixed header (magic text, format version, package version, a hash of the tables
it was built from, the length and SHA-256 of the body) and a body of plain data
(:mod:`normalize.indexfile`: MessagePack arrays, maps, strings, numbers and bytes, then the key
tables as flat arrays). The file is mapped into memory as it loads, and the key tables are read
there: processes that load the same file share them. Loading one
runs no code from the file, whatever its bytes: the reader makes nothing but plain data, and the
objects of the index are made from it by an allow-list of our own classes. The header is checked
first, then the body's checksum, then its shape: a file of another format, of another package
version, damaged or tampered with is refused with :class:`~normalize.errors.IndexFileError`.

The cache of :meth:`Normalizer.load <normalize.resolver.Normalizer.load>` keeps such files in the
user's cache folder (``$NORMALIZE_CACHE_DIR``, or the platform's, by ``platformdirs``). The folder
is made ``0700`` and each file ``0600``; a folder or file that another user owns, or that others
may write, is not used (with a warning), and a file that fails its checks is built again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import mmap
import os
import stat
import struct
import warnings
from collections.abc import Mapping
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from .errors import IndexFileError
from .index import gc_paused
from .indexfile import dumps, loads
from .outfile import output_file
from .tables import default_tables_dir, load_tables
from .version import __version__

if TYPE_CHECKING:
    from .resolver import Normalizer

MAGIC = b"NORMALIZE-INDEX\x00"
FORMAT_VERSION = 22  # 22: a word-initial ў keys as у (ва Ўкраіне); 21: MTS is no MTZ (acronyms by letters)
_HEAD = struct.Struct("<16sH32s64sQ32s")
MAX_INDEX_BYTES = 4 << 30


class CacheWarning(UserWarning):
    """The index cache folder or a file in it is not safe to use (another user's, or writable by
    others): the tables are compiled without it."""


def tables_fingerprint(folder: str | Path | None, *, default_tables: bool = True) -> str:
    """A hash of every table file the folder (and the bundled tables it adds to) holds, and
    of the code that compiles them (so that a changed installation never reuses an old index)."""
    h = hashlib.sha256()
    h.update(b"with bundled entities" if default_tables else b"user's entities alone")
    for p in sorted(Path(__file__).resolve().parent.rglob("*.py")):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    roots = [default_tables_dir()]
    if folder is not None:
        roots.append(Path(folder))
    for root in roots:
        for p in sorted(Path(root).rglob("*.yaml")):
            h.update(str(p.relative_to(root)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def _header(fingerprint: str, body: bytes) -> bytes:
    return _HEAD.pack(
        MAGIC,
        FORMAT_VERSION,
        __version__.encode().ljust(32, b"\0"),
        fingerprint.encode()[:64].ljust(64, b"\0"),
        len(body),
        hashlib.sha256(body).digest(),
    )


def index_bytes(normalizer: Normalizer, fingerprint: str = "") -> bytes:
    """The bytes of the index file of ``normalizer``."""
    body = dumps(normalizer)
    return _header(fingerprint, body) + body


def save_index(normalizer: Normalizer, path: str | Path, fingerprint: str = "") -> None:
    """Write ``normalizer`` to ``path``: whole or not at all, readable by its owner alone (0600)."""
    data = index_bytes(normalizer, fingerprint)
    with output_file(Path(path), private=True) as fh:
        fh.write(data)


def read_header(data: bytes, path: str) -> tuple[int, str, str, int, bytes]:
    """(format, package version, tables fingerprint, body length, body SHA-256) of a header;
    :class:`IndexFileError` for a file that is not an index of this format and version."""
    if len(data) < _HEAD.size or not data.startswith(MAGIC):
        raise IndexFileError(f"{path} is not a normalize index file")
    _magic, fmt, ver, fp, size, digest = _HEAD.unpack(data[: _HEAD.size])
    version = ver.rstrip(b"\0").decode("ascii", "replace")
    if fmt != FORMAT_VERSION:
        raise IndexFileError(f"{path} has index format {fmt}; this normalize reads format {FORMAT_VERSION}: rebuild it")
    if version != __version__:
        raise IndexFileError(f"{path} was built by normalize {version}; this is {__version__}: rebuild it")
    return fmt, version, fp.rstrip(b"\0").decode("ascii", "replace"), size, digest


def index_from_bytes(data: bytes | mmap.mmap, what: str, expect_fingerprint: str | None = None) -> Normalizer:
    """The normalizer an index file's bytes hold (see :func:`load_index`): bytes, or the file
    mapped into memory, whose key table the index then reads where it lies."""
    from .resolver import Normalizer

    _, _, fp, size, digest = read_header(data[: _HEAD.size], what)
    if expect_fingerprint is not None and fp != expect_fingerprint:
        raise IndexFileError(f"{what} was built from other tables: rebuild it")
    body = memoryview(data)[_HEAD.size :]
    if len(body) != size:
        raise IndexFileError(f"{what} is cut short or too long ({len(body)} bytes of {size}): rebuild it")
    if hashlib.sha256(body).digest() != digest:
        raise IndexFileError(f"{what} fails its checksum (damaged or changed): rebuild it")
    with gc_paused(long_lived=True):
        obj = loads(body, what)
    if not isinstance(obj, Normalizer):
        raise IndexFileError(f"{what} does not hold a normalize index")
    check_index(obj, what)
    return obj


def load_index(path: str | Path, expect_fingerprint: str | None = None) -> Normalizer:
    """Load an index written by :func:`save_index`; refuse a foreign, stale, damaged or changed
    file with :class:`IndexFileError`. No code from the file runs, whatever it holds.

    The file is mapped into memory (read-only), and the index reads its key table there: the
    processes that load the same file share those pages. The file is written whole or not at all
    (:func:`save_index` replaces it, never writes over it): a file cut short or changed in place
    while a process maps it is not one this package writes."""
    p = str(path)
    try:
        with open(path, "rb") as fh:
            return _load_open(fh, p, expect_fingerprint)
    except OSError as exc:
        raise IndexFileError(f"cannot read {p}: {exc.strerror or exc}") from exc


def _load_open(fh: BinaryIO, what: str, expect_fingerprint: str | None) -> Normalizer:
    """The index of the open file ``fh``, mapped (see :func:`load_index`)."""
    st = os.fstat(fh.fileno())
    if not stat.S_ISREG(st.st_mode):
        raise IndexFileError(f"{what} is not a regular file")
    head = fh.read(_HEAD.size)
    read_header(head, what)
    if st.st_size > MAX_INDEX_BYTES:
        raise IndexFileError(f"{what} is larger than an index can be ({st.st_size} bytes)")
    mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    return index_from_bytes(mapped, what, expect_fingerprint)


def check_index(n: Normalizer, what: str) -> None:
    """The parts of a loaded index that lookups index by number refer to what is there, so that a
    file that passes its checksum yet was made by hand fails here, not in the middle of a run."""
    from .index import EntityEntry, EntryBuilder, Index
    from .keytable import KeyTable
    from .tables import EntityRecord, Tables

    idx = n.index
    problems: list[str] = []
    if not isinstance(idx, Index) or not isinstance(n.builder, EntryBuilder) or not isinstance(n.tables, Tables):
        raise IndexFileError(f"{what} does not hold a normalize index")
    entries = idx.entries
    count = len(entries)
    if not set(map(type, entries)) <= {EntityEntry}:
        problems.append("entries")
    if not isinstance(idx._table, KeyTable) or not idx._table.numbers_below(count):
        problems.append("keys")
    elif not _fields_of_their_kinds(entries, EntityEntry) or not _fields_of_their_kinds(
        [e.record for e in entries], EntityRecord
    ):
        problems.append("entries' fields")
    if len(n._by_id) != count:  # the ids are made again from the entries: one entity for each
        problems.append("ids")
    if problems:
        raise IndexFileError(f"{what} holds an index whose parts do not fit ({', '.join(problems)}): rebuild it")


def _fields_of_their_kinds(objects: list[Any], cls: type) -> bool:
    """Whether every field of ``objects`` (of the dataclass ``cls``) holds a value of the kind its
    annotation names, and the words of the organisations' names are tuples of key sets: a file that
    passes its checksum yet was made by hand (a tuple where a set belongs) fails here, not in the
    middle of a run. Checked field by field over all objects at once (the types in C, not one by one)."""
    for f in dataclasses.fields(cls):
        kind, optional = _annotated_kind(f.type)
        if kind is None:
            continue  # a union the compiled class keeps as `type`: not read by number or by method
        types = set(map(type, [getattr(o, f.name) for o in objects]))
        if not all(issubclass(t, kind) or (optional and t is type(None)) for t in types):
            return False
        if f.name in ("phrases", "phrase_tokens"):
            words = list(chain.from_iterable(getattr(o, f.name) for o in objects))
            if not set(map(type, words)) <= {tuple} or not set(map(type, chain.from_iterable(words))) <= {frozenset}:
                return False
    return True


def _annotated_kind(annotation: Any) -> tuple[type | None, bool]:
    """The class a field's annotation names and whether it may be None: the class itself (a compiled
    dataclass keeps its fields' classes) or its name first in the annotation's text (``frozenset[str]``,
    ``str | None``, ``Mapping[str, str]``)."""
    from .tables import EntityRecord

    if isinstance(annotation, type):
        return (None if annotation is type else annotation), False
    text = str(annotation)
    kinds: dict[str, type] = {
        "frozenset": frozenset,
        "tuple": tuple,
        "Mapping": Mapping,
        "str": str,
        "int": int,
        "EntityRecord": EntityRecord,
    }
    return kinds.get(text.split("[")[0].split(" ")[0]), "None" in text


# --- the cache -------------------------------------------------------------------------------------


def cache_dir() -> Path | None:
    """Where compiled indexes are cached: $NORMALIZE_CACHE_DIR, else the user's cache folder
    (``platformdirs``: ~/.cache/normalize on Linux); None when $NORMALIZE_CACHE_DIR is empty or
    ``off``."""
    env = os.environ.get("NORMALIZE_CACHE_DIR")
    if env is not None:
        return None if env.strip() in ("", "off", "0") else Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("normalize", appauthor=False))


def _unsafe(st: os.stat_result) -> str | None:
    """Why a cache folder or file of this status must not be used, or None."""
    if hasattr(os, "geteuid") and st.st_uid != os.geteuid():
        return "is owned by another user"
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return "may be written by others"
    return None


def _safe_cache_dir() -> Path | None:
    """The cache folder, made 0700 if it is not there; None (with a warning) when it is not safe to
    use, or cannot be made."""
    cdir = cache_dir()
    if cdir is None:
        return None
    try:
        cdir.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = os.lstat(cdir)
    except OSError:
        return None  # a read-only home: work without the cache
    why = "is not a folder" if not stat.S_ISDIR(st.st_mode) else _unsafe(st)
    if why:
        warnings.warn(f"normalize: the index cache {cdir} {why}: not used", CacheWarning, stacklevel=3)
        return None
    return cdir


def _read_cached(target: Path, fp: str) -> Normalizer | None:
    """The cached index at ``target``, or None when there is none or it must not be used."""
    try:
        fd = os.open(target, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None  # none yet (or a symbolic link: never followed)
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        why = "is not a regular file" if not stat.S_ISREG(st.st_mode) else _unsafe(st)
        if why:
            warnings.warn(f"normalize: the cached index {target} {why}: not used", CacheWarning, stacklevel=4)
            return None
        try:
            return _load_open(fh, str(target), fp)
        except (IndexFileError, OSError, ValueError) as exc:  # ValueError: an empty file is not mapped
            warnings.warn(f"{exc}; building it again", CacheWarning, stacklevel=4)
            return None


def cached_load(folder: str | Path | None, *, default_tables: bool = True, jobs: int = 1) -> Normalizer:
    """Load the tables of ``folder``, from the cache when they have not changed since last time
    (built by ``jobs`` processes when not)."""
    from .resolver import Normalizer

    fp = tables_fingerprint(folder, default_tables=default_tables)
    cdir = _safe_cache_dir()
    target = cdir / f"index-{__version__}-{fp[:24]}.bin" if cdir is not None else None
    if target is not None:
        got = _read_cached(target, fp)
        if got is not None:
            return got
    n = Normalizer(load_tables(folder, default_tables=default_tables), jobs=jobs)
    if target is not None:
        try:
            if os.path.islink(target) or (target.exists() and _unsafe(os.lstat(target))):
                return n  # warned about above; left as it is
            save_index(n, target, fp)
        except OSError:
            pass  # a full or read-only disk: work without the cache
    return n
