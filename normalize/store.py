"""Saving and loading a compiled index, so that workers start in milliseconds.

The file starts with a fixed header (magic text, format version, package version, a hash of the
tables it was built from), followed by the pickled :class:`~normalize.resolver.Normalizer`. The
header is checked before anything is unpickled: a file of another format, of an older format
version or of another package version is refused with :class:`~normalize.errors.IndexFileError`.
Load only index files you built yourself: unpickling runs code.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import struct
from contextlib import suppress
from pathlib import Path

from . import __version__
from .errors import IndexFileError
from .index import gc_paused
from .io import atomic_output
from .resolver import Normalizer
from .tables import default_tables_dir, load_tables

MAGIC = b"NORMALIZE-INDEX\x00"
FORMAT_VERSION = 8
_HEAD = struct.Struct("<16sH32s64s")


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


def _header(fingerprint: str) -> bytes:
    return _HEAD.pack(
        MAGIC, FORMAT_VERSION, __version__.encode().ljust(32, b"\0"), fingerprint.encode()[:64].ljust(64, b"\0")
    )


def save_index(normalizer: Normalizer, path: str | Path, fingerprint: str = "") -> None:
    """Write ``normalizer`` to ``path`` (atomically: a crash leaves no half-written file), with the
    scan plan of the rewrite pass (made here if it was not)."""
    normalizer.index.scan_plan()
    with atomic_output(Path(path)) as fh:
        fh.write(_header(fingerprint))
        pickle.dump(normalizer, fh, protocol=pickle.HIGHEST_PROTOCOL)


def read_header(data: bytes, path: str) -> tuple[int, str, str]:
    if len(data) < _HEAD.size or not data.startswith(MAGIC):
        raise IndexFileError(f"{path} is not a normalize index file")
    _magic, fmt, ver, fp = _HEAD.unpack(data[: _HEAD.size])
    version = ver.rstrip(b"\0").decode("ascii", "replace")
    if fmt != FORMAT_VERSION:
        raise IndexFileError(f"{path} has index format {fmt}; this normalize reads format {FORMAT_VERSION}: rebuild it")
    if version != __version__:
        raise IndexFileError(f"{path} was built by normalize {version}; this is {__version__}: rebuild it")
    return fmt, version, fp.rstrip(b"\0").decode("ascii", "replace")


def load_index(path: str | Path, expect_fingerprint: str | None = None) -> Normalizer:
    """Load an index written by :func:`save_index`; refuse a foreign, stale or damaged file."""
    p = str(path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(_HEAD.size)
            _, _, fp = read_header(head, p)
            if expect_fingerprint is not None and fp != expect_fingerprint:
                raise IndexFileError(f"{p} was built from other tables: rebuild it")
            body = fh.read()
    except OSError as exc:
        raise IndexFileError(f"cannot read {p}: {exc.strerror or exc}") from exc
    try:
        with gc_paused():
            obj = pickle.load(io.BytesIO(body))
    except Exception as exc:  # a truncated or damaged file
        raise IndexFileError(f"{p} is damaged ({type(exc).__name__}): rebuild it") from exc
    if not isinstance(obj, Normalizer):
        raise IndexFileError(f"{p} does not hold a normalize index")
    return obj


def cache_dir() -> Path | None:
    """Where compiled indexes are cached: $NORMALIZE_CACHE_DIR, else ~/.cache/normalize; None
    when $NORMALIZE_CACHE_DIR is empty or ``off``."""
    env = os.environ.get("NORMALIZE_CACHE_DIR")
    if env is not None:
        return None if env.strip() in ("", "off", "0") else Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "normalize"


def cached_load(folder: str | Path | None, *, default_tables: bool = True) -> Normalizer:
    """Load the tables of ``folder``, from the cache when they have not changed since last time."""
    fp = tables_fingerprint(folder, default_tables=default_tables)
    cdir = cache_dir()
    target = cdir / f"index-{__version__}-{fp[:24]}.bin" if cdir is not None else None
    if target is not None and target.is_file():
        try:
            return load_index(target, fp)
        except IndexFileError:
            pass
    n = Normalizer(load_tables(folder, default_tables=default_tables))
    if target is not None:
        with suppress(OSError):  # a read-only home: work without the cache
            save_index(n, target, fp)
    return n
