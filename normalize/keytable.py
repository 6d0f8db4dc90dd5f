"""The map of phonetic keys to the numbers of the entities that have them, as flat arrays.

An index holds hundreds of thousands of keys (627,000 for 100,000 persons). As a dictionary of
lists of numbers each key costs a string, a list and its number objects in every process that
loads the index, made anew at each load. A :class:`KeyTable` is one run of bytes instead, the same
in memory and in the index file, so that a table in a file mapped into memory (``mmap``) is read
where it lies: its pages are shared by every process that maps the file (the workers of
``rewrite --jobs``, the executors of a Spark job on one machine) and loading costs nothing but the
checks below.

The layout (every number a little-endian unsigned 32-bit one):

* a head of five numbers: the mark ``KTB1``, the number of keys, of slots (a power of two, more
  than the keys), of entity numbers, and the length of the text of the keys;
* the slots: an open-addressing hash table (CRC-32 of a key's UTF-8 bytes, then the next slot),
  each slot a key's number plus one, or 0 where empty;
* the offsets of the keys in the text (one more than the keys: where each starts, then the end);
* the offsets of the keys' entity lists in the entity numbers (the same);
* the entity numbers, each key's in the order its entities were added;
* the text: the keys in UTF-8, one after the other, in the order they were added.

A table read from a file is checked as a whole when it is made (:meth:`KeyTable.from_buffer`):
the parts add up to the bytes, the offsets run forward inside their arrays, every slot names a key
and one slot at least is empty (so that a search ends). A file that passes its checksum yet was
made by hand cannot make a lookup read outside the table or loop; whether the entity numbers name
entities of the index is for the index to check (:meth:`KeyTable.numbers_below`).
"""

from __future__ import annotations

import sys
import zlib
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

MARK = 0x3142544B  # b"KTB1" read as a little-endian number
_HEAD_NUMBERS = 5


class KeyTableError(ValueError):
    """Bytes that are not a key table (see the module's layout)."""


def _u32(numbers: Iterable[int]) -> bytes:
    """Whole numbers below 2**32 as little-endian 32-bit numbers."""
    a = array("I", numbers)
    if a.itemsize != 4:
        a = array("L", a)
    if sys.byteorder != "little":
        a.byteswap()
    return a.tobytes()


def _u32_view(data: memoryview) -> memoryview:
    """``data`` (little-endian 32-bit numbers) as a sequence of numbers: the bytes themselves on a
    little-endian machine, a swapped copy on another."""
    if sys.byteorder == "little":
        return data.cast("I")
    swapped = bytearray(data)
    swapped[0::4], swapped[1::4], swapped[2::4], swapped[3::4] = (
        data[3::4],
        data[2::4],
        data[1::4],
        data[0::4],
    )
    return memoryview(bytes(swapped)).cast("I")


def _slot_count(keys: int) -> int:
    """The slots of a table of ``keys`` keys: a power of two, at least a third more than the keys."""
    n = 8
    while n < keys + keys // 3 + 1:
        n *= 2
    return n


def _forward(offsets: memoryview, end: int) -> bool:
    """Whether ``offsets`` start at 0, never go back, and end at ``end``."""
    got = offsets.tolist()
    return bool(got) and got[0] == 0 and got[-1] == end and got == sorted(got)


def _decoded(raw: bytes) -> str:
    try:
        return raw.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:  # a file made by hand: a defined key all the same
        return raw.decode("utf-8", "replace")


class KeyTable:
    """Keys → the numbers of the entities with a name word of that key, read from flat arrays (see
    the module). Read-only; its lookups answer as the dictionary it was made from:
    :meth:`get` gives a new list of the numbers in the order they were added, and the keys
    iterate in that order too."""

    def __init__(self, data: memoryview, slots: memoryview, offsets: memoryview, lists: memoryview,
                 numbers: memoryview, text: memoryview) -> None:  # fmt: skip
        self._data = data  # the whole table, as saved
        self._slots = slots
        self._offsets = offsets
        self._lists = lists
        self._numbers = numbers
        self._text = text
        self._mask = len(slots) - 1
        self._count = len(offsets) - 1

    @staticmethod
    def from_mapping(keys: Mapping[str, Sequence[int]]) -> KeyTable:
        """The table of ``keys`` (each key's entity numbers, below 2**32), in their order."""
        encoded = [k.encode("utf-8", "surrogatepass") for k in keys]
        nslots = _slot_count(len(encoded))
        mask = nslots - 1
        slots = [0] * nslots
        for i, b in enumerate(encoded):
            h = zlib.crc32(b) & mask
            while slots[h]:
                h = (h + 1) & mask
            slots[h] = i + 1
        offsets = [0]
        for b in encoded:
            offsets.append(offsets[-1] + len(b))
        lists = [0]
        numbers: list[int] = []
        for v in keys.values():
            numbers.extend(v)
            lists.append(len(numbers))
        head = [MARK, len(encoded), nslots, len(numbers), offsets[-1]]
        data = b"".join([_u32(head), _u32(slots), _u32(offsets), _u32(lists), _u32(numbers), *encoded])
        return key_table(data)

    @staticmethod
    def from_buffer(buffer: Any) -> KeyTable:
        """The table whose bytes ``buffer`` holds (bytes, or a part of a mapped file: read where it
        lies, not copied), checked as a whole; :class:`KeyTableError` for bytes that do not fit."""
        data = memoryview(buffer).cast("B")
        if len(data) < 4 * _HEAD_NUMBERS:
            raise KeyTableError("a key table shorter than its head")
        mark, count, nslots, nnumbers, ntext = _u32_view(data[: 4 * _HEAD_NUMBERS]).tolist()
        if mark != MARK:
            raise KeyTableError("not a key table")
        if nslots < 1 or nslots & (nslots - 1) or nslots <= count:
            raise KeyTableError("a key table's slots are no power of two above its keys")
        at = 4 * _HEAD_NUMBERS
        parts: list[memoryview] = []
        for size in (nslots, count + 1, count + 1, nnumbers):
            parts.append(data[at : at + 4 * size])
            at += 4 * size
        if at + ntext != len(data):
            raise KeyTableError(f"a key table of {len(data)} bytes whose parts add up to {at + ntext}")
        slots, offsets, lists, numbers = map(_u32_view, parts)
        if not _forward(offsets, ntext) or not _forward(lists, nnumbers):
            raise KeyTableError("a key table's offsets do not run forward inside it")
        if max(slots) > count or 0 not in slots:
            raise KeyTableError("a key table's slots name no key of it, or none is empty")
        return KeyTable(data, slots, offsets, lists, numbers, data[at:])

    def get(self, key: str, default: list[int] | None = None) -> list[int] | None:
        """The numbers of the entities of ``key`` (a new list), or ``default``."""
        b = key.encode("utf-8", "surrogatepass")
        slots, offsets, text, mask = self._slots, self._offsets, self._text, self._mask
        h = zlib.crc32(b) & mask
        while True:
            s: int = slots[h]
            if not s:
                return default
            start: int = offsets[s - 1]
            end: int = offsets[s]
            if end - start == len(b) and text[start:end] == b:
                return self._numbers[self._lists[s - 1] : self._lists[s]].tolist()
            h = (h + 1) & mask

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __getitem__(self, key: str) -> list[int]:
        got = self.get(key)
        if got is None:
            raise KeyError(key)
        return got

    def __len__(self) -> int:
        return self._count

    def keys(self) -> list[str]:
        """The keys, in the order they were added."""
        offsets = self._offsets.tolist()
        raw = self._text.tobytes()
        try:
            whole = raw.decode("utf-8", "surrogatepass")
        except UnicodeDecodeError:  # a file made by hand: defined keys all the same
            whole = ""
        if len(whole) == len(raw):  # one byte a character: the offsets are the characters'
            return [whole[a:b] for a, b in zip(offsets, offsets[1:], strict=False)]
        return [_decoded(raw[a:b]) for a, b in zip(offsets, offsets[1:], strict=False)]

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys())

    def values(self) -> list[list[int]]:
        """Each key's entity numbers, in the order of :meth:`keys`."""
        numbers = self._numbers.tolist()
        lists = self._lists.tolist()
        return [numbers[a:b] for a, b in zip(lists, lists[1:], strict=False)]

    def items(self) -> list[tuple[str, list[int]]]:
        """(key, its entity numbers), in the order of :meth:`keys`."""
        return list(zip(self.keys(), self.values(), strict=True))

    def numbers_below(self, bound: int) -> bool:
        """Whether every entity number is below ``bound``."""
        return len(self._numbers) == 0 or max(self._numbers) < bound

    def to_bytes(self) -> bytes:
        """The table as it is saved."""
        return self._data.tobytes()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, KeyTable) and self._data == other._data

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<KeyTable of {self._count} keys>"

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return key_table, (self.to_bytes(),)


def key_table(buffer: Any) -> KeyTable:
    """:meth:`KeyTable.from_buffer`: the table ``buffer`` holds, checked (and how one unpickles)."""
    return KeyTable.from_buffer(buffer)
