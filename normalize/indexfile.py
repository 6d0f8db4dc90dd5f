"""The body of an index file: the objects of a compiled index as plain data, and back.

An index is written as one MessagePack document of arrays, maps, strings, numbers and bytes only.
Reading it builds nothing but those; the objects of the index are then made from them by the
classes of :data:`_CLASSES` alone (an allow-list of our own classes), each from the attributes it
declares it keeps (its ``__getstate__``, or its dataclass fields), so the format follows the
classes as they change and never needs a field written out by hand here. Whatever the bytes, the
reader runs no code from the file and makes no object of another class: a file that does not fit
is refused with :class:`~normalize.errors.IndexFileError`.

Regular expressions are not kept: each class that holds one makes it again from its data (a
phonetic pass from its rules, the organisation vocabulary from its compound parts), so a file can
no more bring a pattern of its own than a table file can.

The encoding (see :func:`dumps`):

* every string that stands in a list, tuple, set or map of strings is written once, in one table
  at the head of the file, and referred to by its number: one object for each distinct string
  when loaded, as the index holds them;
* a container is ``[tag, ...]``: its kind, and its items as strings by number, as they are (numbers,
  nested lists of numbers) or one by one;
* an object is ``[OBJECT, class number, state]``; an object or container that the index holds in
  several places is written once (``KEEP``) and referred to after (``SAME``), so sharing is kept;
* the maps of spellings a class names as read on first use (an entity's spellings, 27 a person:
  2.7 million strings for 100,000 persons, most of which a run never reads) are written apart, as
  one text of all their spellings and arrays of numbers, and loaded as :class:`SpellingMap` objects
  that make their strings and dictionary on first use;
* the key table of the index and its near keys (:mod:`normalize.keytable`) are not in the
  document: they follow it as raw sections (the body is the document's length, the document, then
  each section at a multiple of 8 bytes), and are read where they lie, in the file mapped into
  memory, not copied into each process.
"""

from __future__ import annotations

import dataclasses
import struct
import sys
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import accumulate, islice
from typing import Any

import msgpack

from .errors import IndexFileError
from .keytable import KeyTable, NearTable

# the tags of containers: a list, tuple, frozenset or set of strings (by number), of plain values
# (as they are) or of values encoded one by one; a map; an object; a value kept for later and one
# kept before; a frozenset or tuple of the pool (by number); lists of the same: of pooled values,
# of kept values, of maps of strings to strings, of objects of one class (by field)
# (a list of maps of strings to strings is written as three arrays of 32-bit numbers, as bytes: the
# length of each map, then the numbers of all their keys and of all their values; read so, the many
# numbers become no objects of their own)
# (the maps of spellings read on first use, L_LAZY: the length of each map; the text of all their
# spellings, UTF-8; the length of each spelling in characters; and the numbers of their values)
# (a key table, KEY_TABLE, and a table of near keys, SECTION: the number of a section of raw bytes
# after the document, read where it lies, see normalize.keytable; a SECTION is given to the object
# that holds it as the bytes themselves)
(L_S, L_N, L_V, T_S, T_N, T_V, F_S, F_N, F_V, S_S, S_N, S_V, MAP, OBJECT, KEEP, SAME, POOLED,
 L_P, L_K, L_DSS, L_OBJ, L_LAZY, KEY_TABLE, SECTION) = range(24)  # fmt: skip
_KINDS: tuple[tuple[type, int, int, int], ...] = (
    (list, L_S, L_N, L_V),
    (tuple, T_S, T_N, T_V),
    (frozenset, F_S, F_N, F_V),
    (set, S_S, S_N, S_V),
)
_PLAIN = (int, float, bool, type(None), bytes)
MAX_DEPTH = 64


class _Kind:
    """How one class of :data:`_CLASSES` is saved and made again."""

    def __init__(
        self,
        cls: type,
        save: Callable[[Any], dict[str, Any]],
        load: Callable[[dict[str, Any]], Any],
        fields: tuple[str, ...] = (),
        lazy: frozenset[str] = frozenset(),
    ) -> None:
        self.cls = cls
        self.save = save
        self.load = load
        self.fields = fields  # the constructor's arguments, in order, when it takes the state as it is
        self.lazy = lazy  # the fields of maps of strings to strings loaded as SpellingMap (read on first use)

    def load_many(self, names: list[str], columns: list[list[Any]]) -> list[Any]:
        """Objects from their fields, each field a column of values (one value for each object)."""
        if self.fields and tuple(names) == self.fields:
            return list(map(self.cls, *columns))  # the constructor, called from C
        return [self.load(dict(zip(names, row, strict=True))) for row in zip(*columns, strict=True)]


def _by_state(cls: Any) -> _Kind:
    """A class that names what it keeps in ``__getstate__`` and makes the rest in ``__setstate__``."""

    def load(state: dict[str, Any]) -> Any:
        obj = cls.__new__(cls)
        obj.__setstate__(state)
        return obj

    return _Kind(cls, lambda obj: dict(obj.__getstate__()), load)


def _by_fields(
    cls: type,
    leave_out: Iterable[str] = (),
    remake: Callable[[dict[str, Any]], None] | None = None,
    lazy: Iterable[str] = (),
) -> _Kind:
    """A dataclass (or named tuple): the fields its constructor takes, passed to it again.
    ``leave_out``: fields made again from the others by ``remake`` (which adds them to the state);
    ``lazy``: fields of maps of strings to strings (annotated ``Mapping``) loaded as
    :class:`SpellingMap`."""
    skip = frozenset(leave_out)
    if dataclasses.is_dataclass(cls):
        names = tuple(f.name for f in dataclasses.fields(cls) if f.init and f.name not in skip)
    else:
        names = tuple(n for n in cls._fields if n not in skip)  # type: ignore[attr-defined]

    def load(state: dict[str, Any]) -> Any:
        if set(state) != set(names):
            raise ValueError(f"{cls.__name__} saved with other fields")
        if remake is not None:
            state = dict(state)
            remake(state)
        return cls(**state)

    return _Kind(
        cls, lambda obj: {n: getattr(obj, n) for n in names}, load, () if remake or skip else names, frozenset(lazy)
    )


def _classes() -> list[_Kind]:
    """The classes an index file may hold, in a fixed order (a class's number is its place here)."""
    from .cognates import GivenNameGroups
    from .errors import TableProblem
    from .index import EntityEntry, EntryBuilder, Index
    from .orgnames import OrgNames
    from .orgwords import OrgVocabulary, part_regex
    from .phonetic import Pass, PhoneticKey, pass_regex
    from .resolver import Normalizer
    from .schemes import Ending, Entry, Scheme, SchemeSet
    from .tables import CognateSet, EntityRecord, InflectionRow, Tables
    from .wordforms import WordForms

    def pass_remake(state: dict[str, Any]) -> None:
        state["regex"] = pass_regex(state["rules"])

    def vocabulary_remake(state: dict[str, Any]) -> None:
        state["part_regex"] = part_regex(state["part_marks"])

    return [
        _by_state(Normalizer),
        _Kind(Index, lambda idx: idx.file_state(), _by_state(Index).load),
        _by_state(EntryBuilder),
        _by_state(WordForms),
        _by_state(GivenNameGroups),
        _by_state(OrgNames),
        _by_state(PhoneticKey),
        _by_fields(EntityEntry, lazy=("surfaces",)),
        _by_fields(EntityRecord),
        _by_fields(CognateSet),
        _by_fields(InflectionRow),
        _by_fields(Tables),
        _by_fields(TableProblem),
        _by_fields(Scheme),
        _by_fields(Entry),
        _Kind(SchemeSet, lambda s: {"schemes": list(s)}, lambda state: SchemeSet(state["schemes"])),
        _by_fields(Pass, ("regex",), pass_remake),
        _by_fields(OrgVocabulary, ("part_regex",), vocabulary_remake),
        _by_fields(Ending),
    ]


_REGISTRY: list[_Kind] | None = None


def _registry() -> list[_Kind]:
    global _REGISTRY
    if _REGISTRY is None:
        _REGISTRY = _classes()
    return _REGISTRY


# --- writing -------------------------------------------------------------------------------------


def _poolable(obj: Any) -> bool:
    """A frozenset or tuple of strings alone, or of whole numbers alone: kept once for each value."""
    t = type(obj)
    if t is not frozenset and t is not tuple:
        return False
    types = set(map(type, obj))
    return types <= {str} or types == {int}


class _Writer:
    def __init__(self) -> None:
        reg = _registry()
        self.number = {k.cls: i for i, k in enumerate(reg)}
        self.kinds = reg
        self.strings: dict[str, int] = {}
        self.pool: dict[Any, int] = {}  # frozensets and tuples of strings or numbers, by value
        self.pool_items: list[Any] = []
        self.count: dict[int, int] = {}  # id -> how often the object is met (first pass)
        self.kept: dict[int, int] = {}  # id -> its number among the kept values
        self.alive: list[Any] = []  # keeps the objects whose ids are counted alive
        self.busy: set[int] = set()  # the objects being written (a cycle would never end)
        self.pool_rows: list[Any] = []
        self.sections: list[bytes] = []  # raw parts written after the document (key tables)

    def visit(self, root: Any) -> None:
        """First pass: how often each container and object is met (shared ones are kept)."""
        stack = [root]
        count = self.count
        while stack:
            obj = stack.pop()
            t = type(obj)
            if t is str or t in _PLAIN or t is SpellingMap or t is KeyTable or t is NearTable or _poolable(obj):
                continue
            n = count.get(id(obj), 0)
            count[id(obj)] = n + 1
            if n:
                continue
            self.alive.append(obj)
            if t in (list, tuple, frozenset, set):
                stack.extend(obj)
            elif t is dict:
                stack.extend(obj.keys())
                stack.extend(obj.values())
            elif t in self.number:
                stack.extend(self.kinds[self.number[t]].save(obj).values())
            else:
                raise TypeError(f"an index cannot hold {t.__module__}.{t.__qualname__}")

    def str_no(self, s: str) -> int:
        n = self.strings.get(s)
        if n is None:
            n = self.strings[s] = len(self.strings)
        return n

    def pool_no(self, obj: Any) -> int:
        n = self.pool.get(obj)
        if n is None or type(self.pool_items[n]) is not type(obj):
            n = self.pool[obj] = len(self.pool_items)
            strs = all(type(x) is str for x in obj)
            self.pool_items.append(obj)
            self.pool_rows.append([type(obj) is tuple, strs, [self.str_no(x) for x in obj] if strs else list(obj)])
        return n

    def unshared(self, items: list[Any]) -> bool:
        count = self.count
        return all(count.get(id(x), 0) <= 1 for x in items)

    def items(self, seq: Any, tags: tuple[int, int, int] = (L_S, L_N, L_V)) -> list[Any]:
        """A container's items, in the most compact form that fits all of them."""
        items = list(seq)
        if not items:
            return [tags[1], items]
        types = set(map(type, items))
        if types == {str}:
            return [tags[0], [self.str_no(x) for x in items]]
        if all(_plain_nest(x, self.count) for x in items):
            return [tags[1], items]
        if tags[0] != L_S:
            return [tags[2], [self.encode(x) for x in items]]
        if all(_poolable(x) for x in items):
            return [L_P, [self.pool_no(x) for x in items]]
        kept = self.kept
        if all(id(x) in kept for x in items):
            return [L_K, [kept[id(x)] for x in items]]
        if types == {dict} and self.unshared(items) and all(_str_map(x) for x in items):
            keys = [self.str_no(k) for d in items for k in d]
            values = [self.str_no(v) for d in items for v in d.values()]
            return [L_DSS, _u32_bytes([len(d) for d in items]), _u32_bytes(keys), _u32_bytes(values)]
        if len(types) == 1 and (t := next(iter(types))) in self.number and not any(id(x) in kept for x in items):
            return self.objects(self.number[t], items)
        return [tags[2], [self.encode(x) for x in items]]

    def objects(self, no: int, items: list[Any]) -> list[Any]:
        """Objects of one class, field by field: each field's values as one list."""
        save = self.kinds[no].save
        states = [save(x) for x in items]
        names = list(states[0])
        if any(list(st) != names for st in states):
            return [L_V, [self.encode(x) for x in items]]
        lazy = self.kinds[no].lazy
        columns = [
            self.spelling_maps(col) if n in lazy and self.unshared(col) and all(map(_str_map, col)) else self.items(col)
            for n in names
            for col in [[st[n] for st in states]]
        ]
        positions: list[int] = []
        for i, x in enumerate(items):
            if self.count.get(id(x), 0) > 1:
                self.kept[id(x)] = len(self.kept)
                positions.append(i)
        return [L_OBJ, no, [self.str_no(n) for n in names], columns, positions]

    def spelling_maps(self, maps: list[Mapping[str, str]]) -> list[Any]:
        """Maps of strings to strings to be loaded as :class:`SpellingMap` (see ``L_LAZY``)."""
        keys = [k for m in maps for k in m]
        return [
            L_LAZY,
            _u32_bytes([len(m) for m in maps]),
            "".join(keys).encode("utf-8", "surrogatepass"),
            _u32_bytes(list(map(len, keys))),
            _u32_bytes([self.str_no(v) for m in maps for v in m.values()]),
        ]

    def encode(self, obj: Any) -> Any:
        t = type(obj)
        if t is str or t in _PLAIN:
            return obj
        if _poolable(obj):
            return [POOLED, self.pool_no(obj)]
        if t is KeyTable or t is NearTable:
            self.sections.append(obj.to_bytes())
            return [KEY_TABLE if t is KeyTable else SECTION, len(self.sections) - 1]
        key = id(obj)
        got = self.kept.get(key)
        if got is not None:
            return [SAME, got]
        if key in self.busy:
            raise TypeError("an index cannot hold a cycle of references")
        self.busy.add(key)
        out = self._encode(obj, t)
        self.busy.discard(key)
        if self.count.get(key, 0) > 1:
            self.kept[key] = len(self.kept)
            return [KEEP, out]
        return out

    def _encode(self, obj: Any, t: type) -> Any:
        for kind, *tags in _KINDS:
            if t is kind:
                return self.items(obj, tuple(tags))  # type: ignore[arg-type]
        if t is dict or t is SpellingMap:
            return [MAP, self.items(obj.keys()), self.items(obj.values())]
        no = self.number[t]
        state = self.kinds[no].save(obj)
        return [OBJECT, no, [MAP, self.items(state.keys()), self.items(state.values())]]


def _str_map(d: Any) -> bool:
    t = type(d)
    return (
        (t is dict or t is SpellingMap) and all(type(k) is str for k in d) and all(type(v) is str for v in d.values())
    )


def _plain_nest(x: Any, count: dict[int, int]) -> bool:
    """Whether ``x`` comes back from MessagePack as it is: a plain value, or a list of them (not
    shared with anything else), nested."""
    t = type(x)
    if t in _PLAIN:
        return True
    if t is list:
        return count.get(id(x), 0) <= 1 and all(_plain_nest(y, count) for y in x)
    return False


def _u32_bytes(numbers: list[int]) -> bytes:
    """Whole numbers below 2**32 as little-endian 32-bit numbers."""
    a = array("I", numbers)
    if a.itemsize != 4:
        a = array("L", numbers)
    if sys.byteorder == "big":
        a.byteswap()
    return a.tobytes()


def _u32_array(data: Any) -> array[int]:
    """The numbers :func:`_u32_bytes` wrote."""
    if type(data) is not bytes or len(data) % 4:
        raise ValueError("an array of numbers is not 32-bit numbers")
    a = array("I")
    if a.itemsize != 4:
        a = array("L")
    a.frombytes(data)
    if sys.byteorder == "big":
        a.byteswap()
    return a


_LENGTH = struct.Struct("<Q")
ALIGN = 8


def _padded(n: int) -> int:
    return -(-n // ALIGN) * ALIGN


def dumps(root: Any) -> bytes:
    """``root`` (an object of the index) as the bytes of an index file's body: the length of the
    MessagePack document, the document, then its raw sections (key tables), each at a multiple of
    8 bytes from the body's start, their lengths in the document."""
    w = _Writer()
    w.visit(root)
    body = w.encode(root)
    names = [f"{k.cls.__module__}.{k.cls.__qualname__}" for k in w.kinds]
    doc = [names, list(w.strings), w.pool_rows, body, [len(s) for s in w.sections]]
    packed: bytes = msgpack.packb(doc, use_bin_type=True)
    parts = [_LENGTH.pack(len(packed)), packed]
    at = _LENGTH.size + len(packed)
    for s in w.sections:
        parts.append(bytes(_padded(at) - at))
        parts.append(s)
        at = _padded(at) + len(s)
    return b"".join(parts)


# --- reading -------------------------------------------------------------------------------------


class _Reader:
    def __init__(self, strings: list[str], pool_rows: list[Any], sections: list[memoryview]) -> None:
        self.strings = strings
        self.sections = sections
        self.kept: list[Any] = []
        self.kinds = _registry()
        get = strings.__getitem__
        pool: list[Any] = []
        for is_tuple, strs, values in pool_rows:
            if type(values) is not list:
                raise ValueError("a pooled value is not a list")
            items = map(get, values) if strs else values
            if not strs and not all(type(v) is int for v in values):
                raise ValueError("a pooled value of other values than numbers")
            pool.append(tuple(items) if is_tuple else frozenset(items))
        self.pool = pool

    def decode(self, v: Any, depth: int = 0) -> Any:
        if type(v) is not list:
            return v
        if depth > MAX_DEPTH:
            raise ValueError("nested too deep")
        tag = v[0]
        if tag == L_N:
            return v[1]
        if tag == L_S:
            return list(map(self.strings.__getitem__, v[1]))
        if tag == POOLED:
            return self.pool[v[1]]
        if tag == L_P:
            return list(map(self.pool.__getitem__, v[1]))
        if tag == SAME:
            return self.kept[v[1]]
        if tag == L_K:
            return list(map(self.kept.__getitem__, v[1]))
        if tag == KEEP:
            got = self.decode(v[1], depth + 1)
            self.kept.append(got)
            return got
        if tag == MAP:
            keys = self.decode(v[1], depth + 1)
            values = self.decode(v[2], depth + 1)
            if type(keys) is not list or type(values) is not list:
                raise ValueError("a map of other parts than lists")
            return dict(zip(keys, values, strict=True))
        if tag == L_DSS:
            return self.string_maps(_u32_array(v[1]), _u32_array(v[2]), _u32_array(v[3]))
        if tag == L_LAZY:
            return self.spelling_maps(v)
        if tag == KEY_TABLE:
            return KeyTable.from_buffer(self.sections[v[1]])
        if tag == SECTION:
            return self.sections[v[1]]
        if tag == OBJECT:
            state = self.decode(v[2], depth + 1)
            if type(state) is not dict or not all(type(k) is str for k in state):
                raise ValueError("an object without named fields")
            return self.kinds[v[1]].load(state)
        if tag == L_OBJ:
            return self.objects(v, depth)
        if tag in (L_V, T_V, F_V, S_V):
            items = [self.decode(x, depth + 1) for x in v[1]]
        elif tag in (T_N, F_N, S_N):
            items = v[1]
        elif tag in (T_S, F_S, S_S):
            items = list(map(self.strings.__getitem__, v[1]))
        else:
            raise ValueError(f"unknown tag {tag!r}")
        if tag == L_V:
            return items
        if tag in (T_N, T_V, T_S):
            return tuple(items)
        if tag in (F_N, F_V, F_S):
            return frozenset(items)
        return set(items)

    def string_maps(self, lengths: array[int], keys: array[int], values: array[int]) -> list[dict[str, str]]:
        """Maps of strings to strings: the ``lengths[i]`` pairs after those of the maps before."""
        if len(keys) != len(values) or sum(lengths) != len(keys):
            raise ValueError("maps of unequal parts")
        get = self.strings.__getitem__
        pairs = zip(map(get, keys), map(get, values), strict=True)  # of equal lengths: checked above
        return [dict(islice(pairs, n)) for n in lengths]

    def spelling_maps(self, v: list[Any]) -> list[SpellingMap]:
        """The maps ``L_LAZY`` holds, checked here as a whole (the text is UTF-8, the arrays fit
        one another and the string table), so that making one on first use cannot fail."""
        _tag, lengths_b, text_b, sizes_b, values_b = v
        lengths, sizes, values = map(_u32_array, (lengths_b, sizes_b, values_b))
        if type(text_b) is not bytes:
            raise ValueError("the text of the spellings is not bytes")
        text = text_b.decode("utf-8", "surrogatepass")
        if len(sizes) != len(values) or sum(lengths) != len(sizes):
            raise ValueError("maps of spellings of unequal parts")
        if sum(sizes) != len(text) or (values and max(values) >= len(self.strings)):
            raise ValueError("maps of spellings that do not fit their text")
        each = iter(sizes)  # the characters of each map's spellings, then where each map starts
        starts = accumulate(map(sum, (islice(each, n) for n in lengths)), initial=0)
        pack = _SpellingPack(text, sizes, values, self.strings)
        return [
            SpellingMap(pack, f, n, c) for f, n, c in zip(accumulate(lengths, initial=0), lengths, starts, strict=False)
        ]  # (the sums run one longer)

    def objects(self, v: list[Any], depth: int) -> list[Any]:
        _tag, no, names, columns, positions = v
        kind = self.kinds[no]
        keys = list(map(self.strings.__getitem__, names))
        cols = [self.decode(c, depth + 1) for c in columns]
        if len(keys) != len(cols) or any(type(c) is not list for c in cols):
            raise ValueError("objects of unequal fields")
        if len({len(c) for c in cols}) > 1:
            raise ValueError("objects of unequal fields")
        out: list[Any] = kind.load_many(keys, cols)
        self.kept.extend(out[i] for i in positions)
        return out


class _SpellingPack:
    """What the :class:`SpellingMap` objects of one list share: the text of all their spellings,
    the length of each spelling and the number of its value in the string table."""

    def __init__(self, text: str, sizes: array[int], values: array[int], strings: list[str]) -> None:
        self.text = text
        self.sizes = sizes
        self.values = values
        self.strings = strings


class SpellingMap(Mapping[str, str]):
    """A map of spellings to keys as loaded from an index file: its strings and its dictionary are
    made on first use (most entities' spellings are never read in a run), and then it reads as the
    dictionary it was saved from. Pickled as that dictionary."""

    __slots__ = ("_count", "_first", "_map", "_pack", "_start")

    def __init__(self, pack: _SpellingPack, first: int, count: int, start: int) -> None:
        self._pack: _SpellingPack | None = pack
        self._first = first  # the number of the first spelling among all of the pack
        self._count = count
        self._start = start  # where its spellings start in the pack's text
        self._map: dict[str, str] | None = None

    def _made(self) -> dict[str, str]:
        got = self._map
        if got is None:
            pack = self._pack
            assert pack is not None
            text, strings = pack.text, pack.strings
            got = {}
            pos = self._start
            end = self._first + self._count
            for size, value in zip(pack.sizes[self._first : end], pack.values[self._first : end], strict=True):
                got[text[pos : pos + size]] = strings[value]
                pos += size
            self._map = got
            self._pack = None
        return got

    def __getitem__(self, key: str) -> str:
        return self._made()[key]

    def __contains__(self, key: object) -> bool:
        return key in self._made()

    def __iter__(self) -> Iterator[str]:
        return iter(self._made())

    def __len__(self) -> int:
        return len(self._made())

    def get(self, key: str, default: Any = None) -> Any:
        return self._made().get(key, default)

    def keys(self) -> Any:
        return self._made().keys()

    def items(self) -> Any:
        return self._made().items()

    def values(self) -> Any:
        return self._made().values()

    def __eq__(self, other: object) -> bool:
        return self._made() == other if isinstance(other, Mapping) else NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(self._made())

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return dict, (self._made(),)


def loads(body: Any, what: str) -> Any:
    """The object :func:`dumps` wrote; :class:`IndexFileError` (naming ``what``) for bytes that
    are not such a body. Only arrays, maps, strings, numbers and bytes are read, then the
    classes of the allow-list make the objects. ``body`` is bytes or a buffer (a mapped file):
    the key tables are read where they lie in it, not copied."""
    try:
        view = memoryview(body).cast("B")
        if len(view) < _LENGTH.size:
            raise ValueError("no document")
        (size,) = _LENGTH.unpack(view[: _LENGTH.size])
        at = _LENGTH.size + size
        if at > len(view):
            raise ValueError("the document runs past the end")
        doc = msgpack.unpackb(view[_LENGTH.size : at], raw=False, strict_map_key=True, use_list=True)
        names, strings, pool_rows, root, lengths = doc
        want = [f"{k.cls.__module__}.{k.cls.__qualname__}" for k in _registry()]
        if names != want:
            raise IndexFileError(f"{what} was written for other classes: rebuild it")
        if type(strings) is not list or not set(map(type, strings)) <= {str}:
            raise ValueError("the string table holds other values")
        sections: list[memoryview] = []
        for n in lengths:
            if type(n) is not int or n < 0:
                raise ValueError("a section of no length")
            at = _padded(at)
            sections.append(view[at : at + n])
            at += n
        if at != len(view):
            raise ValueError(f"sections of {at} bytes in all where the body has {len(view)}")
        return _Reader(strings, pool_rows, sections).decode(root)
    except IndexFileError:
        raise
    except Exception as exc:  # any shape that is not ours: refused, whatever it is
        raise IndexFileError(f"{what} is damaged ({type(exc).__name__}: {exc}): rebuild it") from exc
