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
* the text: the keys in UTF-8, one after the other, in the order they were added (a process
  keeps a copy of this part alone, 5.7 MB for 627,000 keys, to compare keys in place).

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
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import pairwise
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


def _u64(numbers: list[int]) -> bytes:
    """Whole numbers below 2**64 as little-endian 64-bit numbers."""
    a = array("Q", numbers)
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
        self._raw = text.tobytes()  # the keys' text, a copy (5.7 MB for 627,000 keys): compared in place
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
        slots, offsets, raw, mask = self._slots, self._offsets, self._raw, self._mask
        h = zlib.crc32(b) & mask
        while True:
            s: int = slots[h]
            if not s:
                return default
            start: int = offsets[s - 1]
            end: int = offsets[s]
            if end - start == len(b) and raw.startswith(b, start):
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
            return [whole[a:b] for a, b in pairwise(offsets)]
        return [_decoded(raw[a:b]) for a, b in pairwise(offsets)]

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys())

    def values(self) -> list[list[int]]:
        """Each key's entity numbers, in the order of :meth:`keys`."""
        numbers = self._numbers.tolist()
        lists = self._lists.tolist()
        return [numbers[a:b] for a, b in pairwise(lists)]

    def items(self) -> list[tuple[str, list[int]]]:
        """(key, its entity numbers), in the order of :meth:`keys`."""
        return list(zip(self.keys(), self.values(), strict=True))

    def key_at(self, i: int) -> str:
        """The key of number ``i`` (its place in the order added)."""
        return _decoded(self._raw[self._offsets[i] : self._offsets[i + 1]])

    def one_longer(self, i: int, shorter: bytes) -> bool:
        """Whether the key of number ``i`` is ``shorter`` (UTF-8) with one more symbol."""
        start: int = self._offsets[i]
        end: int = self._offsets[i + 1]
        extra = end - start - len(shorter)
        if extra < 1 or extra > 4:  # one symbol is one to four bytes
            return False
        raw = self._raw
        if extra == 1:  # one byte more: a symbol of one byte (what a valid text less a byte can be)
            i = 0
            n = len(shorter)
            while i < n and raw[start + i] == shorter[i]:
                i += 1
            return raw.startswith(shorter[i:], start + i + 1)
        return _one_deletion(_decoded(raw[start:end]), _decoded(shorter))

    def numbers_at(self, i: int) -> list[int]:
        """The entity numbers of the key of number ``i`` (a new list)."""
        return self._numbers[self._lists[i] : self._lists[i + 1]].tolist()

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


NEAR_MARK = 0x3142544E  # b"NTB1" read as a little-endian number
_NEAR_HEAD_NUMBERS = 2
_LOW_BITS = 16
_DIRECTORY = 1 << (32 - _LOW_BITS)  # where the CRC-32s of each value of their high 16 bits start


def _one_deletion(longer: str, shorter: str) -> bool:
    """Whether ``shorter`` is ``longer`` less one symbol."""
    if len(longer) != len(shorter) + 1:
        return False
    i = 0
    n = len(shorter)
    while i < n and longer[i] == shorter[i]:
        i += 1
    return longer[i + 1 :] == shorter[i:]


class NearTable:
    """The keys one symbol shorter than the keys of a :class:`KeyTable` (of ``min_len`` symbols or
    more), for the lookup of near spellings: a shorter key gives the entities of the keys it is made
    from, as :meth:`KeyTable.get` gives those of a key, in the order of those keys.

    Kept as flat arrays, not as a map of its own (4 million shorter keys for 100,000 persons,
    560 MiB as a dictionary): the CRC-32 of each (shorter key, key) pair's shorter key, in order,
    and beside it the number of the key it is made from (within one CRC-32, in the keys' order). A
    lookup finds its CRC-32 by bisection, between the bounds a directory of the CRC-32s' high 16
    bits gives, and keeps those keys of the run that are the key looked up with one more symbol.
    The layout (little-endian unsigned 32-bit numbers): the mark ``NTB1``, the number of pairs; the
    directory (65,537 numbers: where the CRC-32s of each value of the high bits start, then the
    end); the CRC-32 of each pair; the key number of each. A table made by hand cannot make a
    lookup read outside it or loop: the directory's bounds are kept inside the arrays, a key number
    past the key table is passed over, and the run of a CRC-32 ends with the array."""

    def __init__(
        self, keys: KeyTable, data: memoryview, directory: memoryview, hashes: memoryview, numbers: memoryview
    ) -> None:
        self._keys = keys
        self._data = data
        self._directory = directory
        self._hashes = hashes
        self._numbers = numbers

    @staticmethod
    def from_keys(keys: KeyTable, min_len: int, shorter: Callable[[str], Iterable[str]]) -> NearTable:
        """The table of the keys ``shorter`` makes from each key of ``keys`` of ``min_len`` symbols
        or more (each shorter key once for a key)."""
        pairs: list[int] = []  # the CRC-32 of a shorter key, then the number of its key, as one number
        add = pairs.append
        for i, k in enumerate(keys.keys()):
            if len(k) >= min_len:
                for d in shorter(k):
                    add(zlib.crc32(d.encode("utf-8", "surrogatepass")) << 32 | i)
        pairs.sort()
        both = _u32_view(memoryview(_u64(pairs)))  # low and high halves of each pair, one after the other
        hashes = both[1::2]
        directory = _u32(bisect_left(hashes, p << _LOW_BITS) for p in range(_DIRECTORY + 1))
        parts = [h.tobytes() if sys.byteorder == "little" else _u32(h.tolist()) for h in (hashes, both[0::2])]
        return NearTable.from_buffer(keys, b"".join([_u32([NEAR_MARK, len(pairs)]), directory, *parts]))

    @staticmethod
    def from_buffer(keys: KeyTable, buffer: Any) -> NearTable:
        """The table whose bytes ``buffer`` holds, for the key table ``keys``; :class:`KeyTableError`
        for bytes that do not fit."""
        data = memoryview(buffer).cast("B")
        if len(data) < 4 * _NEAR_HEAD_NUMBERS:
            raise KeyTableError("a table of near keys shorter than its head")
        mark, count = _u32_view(data[: 4 * _NEAR_HEAD_NUMBERS]).tolist()
        if mark != NEAR_MARK:
            raise KeyTableError("not a table of near keys")
        at = 4 * _NEAR_HEAD_NUMBERS
        if at + 4 * (_DIRECTORY + 1) + 8 * count != len(data):
            raise KeyTableError("a table of near keys whose parts do not add up to its bytes")
        directory = _u32_view(data[at : at + 4 * (_DIRECTORY + 1)])
        at += 4 * (_DIRECTORY + 1)
        hashes = _u32_view(data[at : at + 4 * count])
        numbers = _u32_view(data[at + 4 * count :])
        return NearTable(keys, data, directory, hashes, numbers)

    def get(self, key: str) -> list[int] | None:
        """The entity numbers of the keys one symbol longer than ``key`` it was made from, in their
        order (a new list), or None."""
        b = key.encode("utf-8", "surrogatepass")
        h = zlib.crc32(b)
        hashes, numbers, keys, directory = self._hashes, self._numbers, self._keys, self._directory
        end = len(hashes)
        high = h >> _LOW_BITS
        lo: int = directory[high]
        hi: int = directory[high + 1]
        j = bisect_left(hashes, h, min(lo, end), min(max(lo, hi), end))
        count = len(keys)
        got: list[int] | None = None
        last = -1
        while j < end and hashes[j] == h:
            k: int = numbers[j]
            j += 1
            if k == last or k >= count:  # (a key's own shorter keys of one CRC-32 lie together)
                continue
            last = k
            if keys.one_longer(k, b):
                found = keys.numbers_at(k)
                if got is None:
                    got = found
                else:
                    got.extend(found)
        return got

    def to_bytes(self) -> bytes:
        """The table as it is saved."""
        return self._data.tobytes()

    def __len__(self) -> int:
        """The number of (shorter key, key) pairs."""
        return len(self._numbers)

    def __bool__(self) -> bool:
        return len(self._numbers) > 0
