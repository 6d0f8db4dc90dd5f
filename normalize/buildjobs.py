"""The entries of a large table made on several cores: persons' surname keys by worker processes.

Most of a large table's build is the keys of persons' surnames (four fifths at 100,000 persons,
``benchmarks/RESULTS.md``): the spellings of a surname under every scheme, its case forms and their
keys. They are made of a person's surnames and gender alone, once for all namesakes. With
``jobs`` above one, the records are read in blocks; the surname sets of a block that are not
remembered yet are shared out among this process and ``jobs - 1`` workers, each worker's share sent
back as plain data and remembered; then the block's entries are made here, in the records' order,
by the code that makes them with one job (so the index holds the same entries).

The workers are forked from this process, and inherit the builder: nothing is sent to them but the
surnames. Where processes cannot be forked (Windows), or the block has few surname sets, the
build runs in this process alone.
"""

from __future__ import annotations

import itertools
import multiprocessing as mp
import os
import signal
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .index import EntityEntry, EntryBuilder, SurnameFields, SurnameRequest
    from .tables import EntityRecord

BLOCK = 20_000
"""Records read ahead: their surname sets are made together."""
MIN_SHARED = 500
"""Fewer new surname sets in a block than this are made in this process (a worker's share would
cost more to send than to make)."""

_BUILDER: EntryBuilder | None = None  # the builder the forked workers inherit


def processes(jobs: int) -> int:
    """The processes a ``--jobs`` of ``jobs`` asks for: one for each core for 0, at least one."""
    return (os.cpu_count() or 1) if jobs == 0 else max(1, jobs)


def can_fork() -> bool:
    """Whether worker processes can be forked here."""
    return "fork" in mp.get_all_start_methods()


def _worker_init() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # an interrupt is the building process's to handle


def _made_by_worker(requests: list[SurnameRequest]) -> list[SurnameFields]:
    assert _BUILDER is not None
    return _BUILDER.surname_fields(requests)


@contextmanager
def entries_of(
    builder: EntryBuilder, records: Iterable[EntityRecord], jobs: int = 1
) -> Iterator[Iterator[EntityEntry]]:
    """The entries of ``records``, in order, made by ``builder``; with ``jobs`` above one (and a
    platform that forks), persons' surname keys are made by ``jobs`` processes (see the module).
    The workers end when the ``with`` block ends."""
    if jobs <= 1 or not can_fork():
        yield (builder.entity(rec) for rec in records)
        return
    global _BUILDER
    _BUILDER = builder
    workers = _Workers(jobs - 1)
    try:
        yield _entries_in_blocks(builder, records, workers)
    finally:
        _BUILDER = None
        workers.close()


class _Workers:
    """The pool of worker processes, forked when first needed (a table of few persons needs none)."""

    def __init__(self, count: int) -> None:
        self.count = count
        self._pool: Any = None

    def map_async(self, shares: list[list[SurnameRequest]]) -> Any:
        """The surname keys of each share, made by the workers (``.get()`` waits for them)."""
        if self._pool is None:
            self._pool = mp.get_context("fork").Pool(self.count, initializer=_worker_init)
        return self._pool.map_async(_made_by_worker, shares)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None


def _entries_in_blocks(
    builder: EntryBuilder, records: Iterable[EntityRecord], workers: _Workers
) -> Iterator[EntityEntry]:
    jobs = workers.count + 1
    it = iter(records)
    while block := list(itertools.islice(it, BLOCK)):
        parts = [builder.person_parts(rec) if rec.type == "person" else None for rec in block]
        requests = builder.surnames_unmade(p for p in parts if p is not None)
        if len(requests) >= MIN_SHARED:
            shares = [requests[i::jobs] for i in range(jobs)]
            pending = workers.map_async(shares[1:])
            builder.make_surname_keys(shares[0])  # this process's share, while the workers make theirs
            for share, made in zip(shares[1:], pending.get(), strict=True):
                builder.remember_surnames(share, made)
        for rec, p in zip(block, parts, strict=True):
            yield builder.entity(rec, p)
