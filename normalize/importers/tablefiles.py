"""Writing imported entities to table files, and merging them into what an earlier import wrote.

The output is one entity file (``-o people.yaml``), continued in ``people-2.yaml``, ``people-3.yaml``
… once a file reaches :data:`PART_BYTES`, so that no file passes the bound of a table file. Before
anything is read from the source, every entity file of the folder is scanned for the entity ids it
uses and the source ids (``ids:``) it holds:

* a record whose source id is already on an entity of a file an import wrote (one that starts with
  :data:`MARK`) is **merged** into it: the names, aliases, weak aliases and ids the entity lacks are
  added, and a year of birth where it has none; nothing else is changed, so the canonical form,
  type, gender, year of birth, prominence, note, the order of the names and every name a person
  added stay as they are edited;
* a record whose source id is on an entity of a file written by hand is not imported, and is
  reported with that file and line (the entity is not duplicated, and a hand-written file is never
  rewritten);
* any other record is a new entity, with an id no file of the folder uses.

Memory: new entities go to a spool file while the source is read, and the entities that only
repeat what a file holds are recognised by a hash of their names and ids; what stays in memory
is the set of entity ids, one small entry for each source id, and the records that change an entity.
An entity of a rewritten file that the import does not change is copied as it is written, with its
comments; a changed one is written anew, its comments kept above it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from array import array
from collections.abc import Iterable, Iterator, Mapping
from contextlib import suppress
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from ..errors import InputError, TableError, TableProblem
from ..outfile import output_file
from ..tablefile import LDict, LList, TableReader
from ..tables import _KNOWN_FILES, MAX_NAME_CHARS, check_entity, default_tables_dir
from .model import Imported, Skipped, entity_id

MARK = "# Entities imported by `normalize tables import`"
PART_BYTES = 2 * 1024 * 1024  # a file an import writes is read again whole at the next import: kept small
_PLAIN_RE = re.compile(r"^[^\W_](?:[\w .'’ʼ()\-]*[\w.')’ʼ])?$")
_MERGED_KEYS = ("names", "aliases", "weak_aliases")


def scalar(text: str) -> str:
    """A text as a YAML scalar that reads back as the same text: plain where it is a run of
    words, else double-quoted (JSON's escapes are YAML's)."""
    if _PLAIN_RE.match(text) and ": " not in text and " #" not in text:
        return text
    quoted = json.dumps(text, ensure_ascii=False)
    return quoted if quoted.isprintable() else json.dumps(text)


def emit_entity(rec: Mapping[str, Any]) -> str:
    """One entity as a block of YAML (``- id: …`` and its fields, two spaces in)."""
    out: list[str] = []
    for n, (key, value) in enumerate(rec.items()):
        _emit(out, "- " if n == 0 else "  ", "  ", str(key), value)
    return "\n".join(out) + "\n"


def _emit(out: list[str], lead: str, indent: str, key: str, value: Any) -> None:
    """``key: value`` in block style; ``lead`` starts the line, ``indent`` is the key's own."""
    if isinstance(value, Mapping):
        out.append(f"{lead}{scalar(key)}:")
        for k, v in value.items():
            _emit(out, indent + "  ", indent + "  ", str(k), v)
    elif isinstance(value, list):
        out.append(f"{lead}{scalar(key)}:")
        out.extend(f"{indent}  - {scalar(str(v))}" for v in value)
    else:
        out.append(f"{lead}{scalar(key)}: {scalar(str(value))}")


def refusal(table: Mapping[str, Any]) -> str:
    """What `tables check` says of an entity record ("" when it accepts it): every record is
    checked so before it is written, the same check in memory, without reading the file back."""
    problems: list[str] = []
    check_entity(table, "", lambda key, msg: problems.append(msg))
    return "; ".join(problems)


def _plain(value: Any) -> Any:
    """A value read from a table as plain lists and dicts."""
    if isinstance(value, LDict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, LList):
        return [_plain(v) for v in value]
    return value


def _as_list(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _id_pairs(ids: Any) -> list[tuple[str, str]]:
    if not isinstance(ids, Mapping):
        return []
    return [(str(s), v.strip()) for s, vs in ids.items() for v in _as_list(vs)]


def _digest(texts: Iterable[str]) -> int:
    """A 64-bit hash of a set of texts (names and ids, in lower case)."""
    h = hashlib.blake2b(digest_size=8)
    for t in sorted({t.casefold() for t in texts}):
        h.update(t.encode("utf-8", "surrogatepass") + b"\0")
    return int.from_bytes(h.digest(), "little")


def _record_texts(rec: Mapping[str, Any]) -> Iterator[str]:
    for key in _MERGED_KEYS:
        yield from (f"{key}\0{v}" for v in _as_list(rec.get(key)))
    for key in ("born", "founded"):
        if rec.get(key) is not None:
            yield f"{key}\0{rec[key]}"
    yield from (f"id\0{s}\0{i}" for s, i in _id_pairs(rec.get("ids")))


def merge_into(entity: dict[str, Any], rec: Imported, refused: set[tuple[str, str]]) -> bool:
    """Add to ``entity`` (a table record) the names, aliases, weak aliases, ids and year of birth or
    of founding of ``rec`` that it lacks (``refused``: ids held by another entity); True when
    something was added. A year the entity has is kept as it is."""
    have = {v.casefold() for key in _MERGED_KEYS for v in _as_list(entity.get(key))}
    canonical = entity.get("canonical")
    if isinstance(canonical, str):
        have.add(canonical.casefold())
    changed = False
    for key, values in (("names", rec.names), ("aliases", rec.aliases), ("weak_aliases", rec.weak_aliases)):
        new = [v for v in values if v.casefold() not in have and len(v) <= MAX_NAME_CHARS]
        if new:
            entity[key] = [*_as_list(entity.get(key)), *new]
            have.update(v.casefold() for v in new)
            changed = True
    ids = entity.get("ids")
    pairs = _id_pairs(ids)
    for sid in rec.ids:
        if sid in pairs or sid in refused:
            continue
        table: dict[str, Any] = dict(ids) if isinstance(ids, Mapping) else {}
        source, value = sid
        have_ids = _as_list(table.get(source))
        table[source] = value if not have_ids else [*have_ids, value]
        entity["ids"] = ids = table
        pairs.append(sid)
        changed = True
    if rec.born is not None and entity.get("born") is None and entity.get("type", "person") == "person":
        entity["born"] = rec.born
        changed = True
    if rec.founded is not None and entity.get("founded") is None and entity.get("type") == "organization":
        entity["founded"] = rec.founded
        changed = True
    return changed


class _Locations:
    """Where each entity is (the number of its file, -1 for one new in this run; its place in the
    file) and the hash of its names and ids: three arrays of machine integers, 24 bytes an entity,
    where a tuple of Python integers takes several times as much."""

    def __init__(self) -> None:
        self.files = array("q")
        self.items = array("q")
        self.digests = array("Q")

    def __len__(self) -> int:
        return len(self.files)

    def append(self, file: int, item: int, digest: int) -> None:
        self.files.append(file)
        self.items.append(item)
        self.digests.append(digest)

    def __getitem__(self, loc: int) -> tuple[int, int, int]:
        return self.files[loc], self.items[loc], self.digests[loc]


@dataclass
class _File:
    path: Path
    display: str
    ours: bool  # written by an import: merged into; else never rewritten
    lines: list[int] = field(default_factory=list)  # the line of each entity


@dataclass
class Result:
    """What an import did."""

    new: int = 0
    merged: int = 0  # entities that got a name or an id they lacked
    unchanged: int = 0  # records that brought nothing an entity lacked
    skipped: list[Skipped] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # the files written

    @property
    def bad(self) -> int:
        return sum(1 for s in self.skipped if s.bad)


class EntityWriter:
    """Merges a stream of :class:`Imported` records into the entity files of a folder (see the
    module's docstring). Use :meth:`add` for each record, then :meth:`finish`."""

    def __init__(self, output: Path, label: str) -> None:
        if output.suffix != ".yaml":
            raise InputError(f"{output}: the output must be a .yaml entity file")
        self.output = output
        self.label = label
        self.folder = output.parent
        self.files: list[_File] = []
        self.used_ids: set[str] = set()
        self._where: dict[str, int] = {}  # "source\tid" → number of the entity (in _locs)
        self._locs = _Locations()  # where each entity is, and the hash of its names and ids
        self._pending: dict[int, list[Imported]] = {}  # entity number → records that change it
        self._new = 0
        self._new_locs = array("q")  # the entity number of each new entity, in spool order
        self._emitted = 0  # new entities written so far
        self._spool_dir = tempfile.mkdtemp(prefix=f".{output.name}.", suffix=".import", dir=self._mkdir())
        self._spool = open(os.path.join(self._spool_dir, "new.jsonl"), "w+", encoding="utf-8")  # noqa: SIM115
        self.result = Result()
        self._scan()

    def _mkdir(self) -> str:
        self.folder.mkdir(parents=True, exist_ok=True)
        return str(self.folder)

    # --- the folder as it is -------------------------------------------------------------------

    def _parts(self) -> list[Path]:
        """The output file and its continuations, in order."""
        stem = self.output.stem
        out = [self.output]
        k = 2
        while (self.folder / f"{stem}-{k}.yaml").exists():
            out.append(self.folder / f"{stem}-{k}.yaml")
            k += 1
        return out

    def _scan(self) -> None:
        parts = set(self._parts())
        entities_dir = self.folder.name == "entities"
        paths = sorted(p for p in self.folder.glob("*.yaml") if entities_dir or p.name not in _KNOWN_FILES)
        # the bundled entities, which a folder of the user's is added to: their ids are taken (a
        # user's entity with a bundled id would replace it), and a record with a source id one of
        # them holds is theirs (they are never rewritten)
        bundled = default_tables_dir() / "entities"
        if bundled.is_dir() and not any(p.resolve().parent == bundled.resolve() for p in paths):
            paths += sorted(bundled.glob("*.yaml"))
        problems: list[TableProblem] = []
        for p in paths:
            reader = TableReader(p, str(p))
            try:
                with open(p, encoding="utf-8", errors="replace") as fh:
                    head = fh.readline()
            except OSError:
                head = ""
            f = _File(p, str(p), p in parts or (head.startswith(MARK) and p.parent == self.folder))
            fi = len(self.files)
            self.files.append(f)
            doc = reader.read()
            for item, m in enumerate(reader.mappings(doc, "an entity file", "an entity") if doc is not None else []):
                f.lines.append(m.line)
                eid = m.get("id")
                if isinstance(eid, str):
                    self.used_ids.add(eid)
                rec = _plain(m)
                loc = len(self._locs)
                self._locs.append(fi, item, _digest(_record_texts(rec)))
                for source, sid in _id_pairs(rec.get("ids")):
                    self._where.setdefault(f"{source}\t{sid}", loc)
            problems.extend(reader.problems)
        if problems:
            raise TableError(problems)

    # --- the records -----------------------------------------------------------------------------

    def add(self, rec: Imported) -> None:
        """Merge one record (a new entity, or names and ids for one the folder holds)."""
        where = self._where
        hits = {where[k] for k in (f"{s}\t{i}" for s, i in rec.ids) if k in where}
        if len(hits) > 1:
            self.result.skipped.append(Skipped(rec.line, "its ids are on two different entities; not imported"))
            return
        if hits:
            loc = hits.pop()
            fi, item, digest = self._locs[loc]
            if fi >= 0 and not self.files[fi].ours:
                f = self.files[fi]
                self.result.skipped.append(
                    Skipped(
                        rec.line,
                        f"already in {f.display}:{f.lines[item]} (not written by an import: merge it there)",
                        bad=False,
                    )
                )
                return
            for s, i in rec.ids:
                where.setdefault(f"{s}\t{i}", loc)
            if _digest(_record_texts(rec.table_record(""))) == digest:
                self.result.unchanged += 1
                return
            self._pending.setdefault(loc, []).append(rec)
            return
        eid = entity_id(rec.canonical, rec.ids[0][1] if rec.ids else "")
        base, k = eid, 2
        while eid in self.used_ids:
            eid = f"{base}-{k}"
            k += 1
        self.used_ids.add(eid)
        table = rec.table_record(eid)
        loc = len(self._locs)
        self._locs.append(-1, self._new, _digest(_record_texts(table)))
        self._new_locs.append(loc)
        self._new += 1
        for s, i in rec.ids:
            where.setdefault(f"{s}\t{i}", loc)
        self._spool.write(json.dumps([rec.line, table], ensure_ascii=False) + "\n")

    def skip(self, s: Skipped) -> None:
        self.result.skipped.append(s)

    # --- writing ---------------------------------------------------------------------------------

    def finish(self) -> Result:
        """Write every file that changes (each one atomically); remove the spool."""
        try:
            self._spool.flush()
            self._spool.seek(0)
            parts = self._parts()
            last = parts[-1]
            touched = {self._locs[loc][0] for loc in self._pending if self._locs[loc][0] >= 0}
            new_lines: Iterator[str] = iter(self._spool)
            for fi, f in enumerate(self.files):
                if fi in touched and f.path != last:
                    self._rewrite(fi, f, None)
            lf = next((fi for fi, f in enumerate(self.files) if f.path == last), None)
            if lf is not None and (lf in touched or self._new):
                new_lines = self._rewrite(lf, self.files[lf], new_lines)
            elif lf is None and self._new:
                new_lines = self._write_new(last, "", new_lines)
            k = len(parts) + 1
            while True:
                peek = next(new_lines, None)
                if peek is None:
                    break
                new_lines = self._write_new(self.folder / f"{self.output.stem}-{k}.yaml", "", _chain(peek, new_lines))
                k += 1
        finally:
            self._spool.close()
            with suppress(OSError):
                os.unlink(os.path.join(self._spool_dir, "new.jsonl"))
                os.rmdir(self._spool_dir)
        return self.result

    def abort(self) -> None:
        """Remove the spool without writing anything."""
        self._spool.close()
        with suppress(OSError):
            os.unlink(os.path.join(self._spool_dir, "new.jsonl"))
            os.rmdir(self._spool_dir)

    def _header(self) -> str:
        return (
            f"{MARK} ({self.label}).\n"
            "# Edit freely: a later import adds the names, aliases and ids an entity lacks (found by\n"
            "# its `ids`) and changes nothing else. `normalize tables check` checks this file.\n\n"
        )

    def _new_entities(self, lines: Iterator[str], budget: int) -> tuple[list[str], Iterator[str]]:
        """New entities (from the spool, with their merges) of up to about ``budget`` bytes; what
        is left of the spool."""
        out: list[str] = []
        size = 0
        while size < budget:
            text = next(lines, None)
            if text is None:
                break
            line, table = json.loads(text)
            for rec in self._pending.get(self._new_locs[self._emitted], ()):
                merge_into(table, rec, set())
            self._emitted += 1
            why = refusal(table)
            if why:  # never written: `tables check` would refuse it
                self.result.skipped.append(Skipped(line, why))
                continue
            block = emit_entity(table) + "\n"
            out.append(block)
            self.result.new += 1
            size += len(block.encode("utf-8"))
        return out, lines

    def _write_new(self, path: Path, head_text: str, lines: Iterator[str]) -> Iterator[str]:
        blocks, rest = self._new_entities(lines, PART_BYTES - len(head_text.encode("utf-8")))
        if not blocks and not head_text:
            return rest
        with output_file(path) as fh:
            fh.write((head_text or self._header()).encode("utf-8"))
            for b in blocks:
                fh.write(b.encode("utf-8"))
        self.result.files.append(str(path))
        return rest

    def _rewrite(self, fi: int, f: _File, new_lines: Iterator[str] | None) -> Iterator[str]:
        """Write a file of the folder again: its entities as written except those the import
        changes, then (with ``new_lines``) new entities up to the size of a part."""
        text = f.path.read_text(encoding="utf-8")
        lines = text.splitlines(keepends=True)
        reader = TableReader(f.path, f.display)
        doc = reader.parse(text)
        items = reader.mappings(doc, "an entity file", "an entity") if doc is not None else []
        starts = [m.line for m in items]
        block_ok = all(a < b for a, b in pairwise(starts)) and all(
            lines[s - 1].lstrip().startswith("-") for s in starts
        )
        pending = {self._locs[loc][1]: recs for loc, recs in self._pending.items() if self._locs[loc][0] == fi}
        out: list[str] = []
        any_change = False
        if block_ok:
            out.append("".join(lines[: starts[0] - 1]) if starts else text)
        else:
            out.append(self._header())
        for k, m in enumerate(items):
            block = lines[m.line - 1 : (starts[k + 1] - 1 if k + 1 < len(starts) else len(lines))] if block_ok else []
            recs = pending.get(k)
            table = _plain(m)
            changed = False
            for rec in recs or ():
                changed = merge_into(table, rec, set()) or changed
            why = refusal(table) if changed else ""
            if why:  # the merge is not written: `tables check` would refuse the entity
                self.result.skipped.extend(Skipped(r.line, why) for r in recs or ())
                table, changed = _plain(m), False
            if changed:
                any_change = True
                self.result.merged += 1
            elif recs:
                self.result.unchanged += len(recs)
            if block_ok and not changed:
                out.append("".join(block))
                continue
            comments = [ln for ln in block if ln.lstrip().startswith("#")]  # they stay after it
            out.append(emit_entity(table) + "\n" + "".join(comments))
        if out and not out[-1].endswith("\n"):
            out.append("\n")
        head = "".join(out)
        if new_lines is None or (not any_change and self._emitted == self._new):
            if not any_change:
                return iter(())  # nothing to write: the file stays as it is
            with output_file(f.path) as fh:
                fh.write(head.encode("utf-8"))
            self.result.files.append(str(f.path))
            return iter(())
        return self._write_new(f.path, head, new_lines)


def _chain(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest
