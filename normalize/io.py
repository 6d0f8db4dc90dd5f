"""Files in and out for the rewrite pass: plain text, JSON Lines and CSV, streamed, written atomically.

* Streaming: input is read a line (a CSV row) at a time; memory does not grow with the file.
* Safety: output goes to a temporary file beside the target and is moved into place only when
  complete; an error or an interrupt removes the temporary file and leaves the input untouched.
* Bad input: a line that is not UTF-8 (or not a JSON object) is reported with its line number and,
  by ``on_error``, passed through unchanged (``pass``), left out (``skip``) or stops the run
  (``fail``). Nothing is dropped silently.
* Line endings and every byte outside the mentions are kept; a JSON line or CSV row without a
  mention is written back byte for byte.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal, Protocol

from .errors import InputError
from .errors import TableProblem as Problem
from .resolver import Normalizer
from .rewrite import Mention, Mode, Rewriter

Format = Literal["text", "jsonl", "csv"]
OnError = Literal["pass", "skip", "fail"]
MAX_LINE_BYTES = 64 * 1024 * 1024


class BadInput(InputError):
    """A line that cannot be processed, when ``on_error`` is ``fail``."""


@dataclass
class Stats:
    """What a run did: lines, mentions, and counts per entity and per surface form."""

    lines: int = 0
    mentions: int = 0
    bad_lines: int = 0
    per_entity: Counter[str] = field(default_factory=Counter)
    per_surface: Counter[tuple[str, str]] = field(default_factory=Counter)
    problems: list[Problem] = field(default_factory=list)

    def add(self, mentions: Iterable[Mention]) -> None:
        for m in mentions:
            self.mentions += 1
            self.per_entity[m.entity_id] += 1
            self.per_surface[(m.entity_id, m.surface)] += 1

    def merge(self, other: Stats) -> None:
        self.lines += other.lines
        self.mentions += other.mentions
        self.bad_lines += other.bad_lines
        self.per_entity.update(other.per_entity)
        self.per_surface.update(other.per_surface)
        self.problems.extend(other.problems)

    def report(self, canonical: Callable[[str], str]) -> dict[str, Any]:
        forms: dict[str, dict[str, int]] = {}
        for (e, s), c in self.per_surface.most_common():  # one pass: most frequent first for each entity
            forms.setdefault(e, {})[s] = c
        by_entity: dict[str, Any] = {}
        for eid, n in self.per_entity.most_common():
            by_entity[eid] = {"canonical": canonical(eid), "count": n, "surface_forms": forms.get(eid, {})}
        return {"lines": self.lines, "mentions": self.mentions, "bad_lines": self.bad_lines, "entities": by_entity}


def detect_format(path: str | None, explicit: str | None) -> Format:
    if explicit:
        if explicit not in ("text", "jsonl", "csv"):
            raise InputError(f"unknown format {explicit!r}; use text, jsonl or csv")
        return explicit  # type: ignore[return-value]
    if path:
        low = path.lower()
        if low.endswith((".jsonl", ".ndjson", ".jsonl.txt")):
            return "jsonl"
        if low.endswith((".csv", ".tsv")):
            return "csv"
    return "text"


SourceIds = Mapping[str, dict[str, Any]]
"""Entity id → its ids in other sources, as a mention record writes them (:func:`source_ids`)."""


def source_ids(normalizer: Normalizer) -> dict[str, dict[str, Any]]:
    """The ids in other sources (``ids`` in the tables) of each entity that has some, as mention
    records write them: ``{"wikidata": "Q…"}``, a list where a source gives several."""
    out: dict[str, dict[str, Any]] = {}
    for e in normalizer.index.entries:
        if e.record.ids:
            got: dict[str, Any] = {}
            for source, sid in e.record.ids:
                have = got.get(source)
                got[source] = sid if have is None else [*(have if isinstance(have, list) else [have]), sid]
            out[e.record.id] = got
    return out


def mention_dict(m: Mention, ids: SourceIds | None = None, **extra: Any) -> dict[str, Any]:
    """A mention as a JSON record; with ``ids`` (:func:`source_ids`), the entity's ids in other
    sources under ``ids`` where it has some."""
    d = {"start": m.start, "end": m.end, "surface": m.surface, "entity_id": m.entity_id,
         "canonical": m.canonical, "score": m.score, "type": m.type}  # fmt: skip
    if ids:
        got = ids.get(m.entity_id)
        if got:
            d["ids"] = got
    if m.inflected is not None:  # canonical-script: the case and whether the name was declined
        d["case"] = m.case
        d["inflected"] = m.inflected
    d.update(extra)
    return d


def _split_ending(raw: bytes) -> tuple[bytes, bytes]:
    if raw.endswith(b"\r\n"):
        return raw[:-2], b"\r\n"
    if raw.endswith(b"\n") or raw.endswith(b"\r"):
        return raw[:-1], raw[-1:]
    return raw, b""


@dataclass
class LineResult:
    out: bytes | None  # None: leave the line out
    side: list[dict[str, Any]]
    mentions: list[Mention]
    problem: str | None = None


class LineProcessor:
    """Turns one input line into output bytes; the same object serves every worker process."""

    def __init__(self, rewriter: Rewriter, fmt: Format, mode: Mode, fields: Sequence[str], on_error: OnError) -> None:
        self.rewriter = rewriter
        self.fmt = fmt
        self.mode = mode
        self.fields = list(fields) or ["text"]
        self.on_error = on_error
        self.ids = source_ids(rewriter.normalizer)  # what the mention records carry of each entity

    def _bad(self, raw: bytes, message: str) -> LineResult:
        return LineResult(raw if self.on_error == "pass" else None, [], [], message)

    def process(self, raw: bytes, lineno: int) -> LineResult:
        body, ending = _split_ending(raw)
        if len(body) > MAX_LINE_BYTES:
            return self._bad(raw, f"line longer than {MAX_LINE_BYTES} bytes")
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            return self._bad(raw, f"not valid UTF-8 at byte {exc.start + 1}")
        if self.fmt == "jsonl":
            return self._jsonl(raw, text, ending, lineno)
        res = self.rewriter.rewrite(text, self.mode)
        side = [mention_dict(m, self.ids, line=lineno) for m in res.mentions] if self.mode == "annotate" else []
        if not res.mentions or self.mode == "annotate":
            return LineResult(raw, side, res.mentions)
        return LineResult(res.text.encode("utf-8") + ending, side, res.mentions)

    def _jsonl(self, raw: bytes, text: str, ending: bytes, lineno: int) -> LineResult:
        if not text.strip():
            return LineResult(raw, [], [])
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            return self._bad(raw, f"invalid JSON: {exc.msg} (column {exc.colno})")
        if not isinstance(obj, dict):
            return self._bad(raw, "a JSON line must hold an object")
        found: list[Mention] = []
        notes: list[dict[str, Any]] = []
        for f in self.fields:
            val = obj.get(f)
            if not isinstance(val, str):
                continue
            res = self.rewriter.rewrite(val, self.mode)
            if res.mentions:
                found.extend(res.mentions)
                notes.extend(mention_dict(m, self.ids, field=f) for m in res.mentions)
                if self.mode != "annotate":
                    obj[f] = res.text
        if self.mode == "annotate":
            obj["mentions"] = notes
        elif not found:
            return LineResult(raw, [], [])
        return LineResult(json.dumps(obj, ensure_ascii=False).encode("utf-8") + ending, [], found)


@dataclass
class ChunkResult:
    """What one chunk of lines became: output bytes, side-file bytes, problems and counts."""

    out: bytes
    side: bytes
    lines: int
    problems: list[tuple[int, str]]
    mentions: int
    counts: Counter[tuple[str, str]] | None


Chunk = tuple[int, bytes, int]
"""Consecutive whole lines: (number of the first line, their bytes with line endings, the number
of line breaks in them)."""


class Readable(Protocol):
    def read(self, n: int, /) -> bytes: ...


def read_chunks(stream: Readable, size: int = 1 << 20) -> Iterator[Chunk]:
    """Whole lines in blocks of about ``size`` bytes, read without a Python loop per line. A line
    longer than the line bound is cut into bound-sized pieces (each reported as too long), so
    memory stays bounded whatever the input."""
    lineno = 1
    carry = b""
    while True:
        block = stream.read(size)
        if not block:
            if carry:
                yield lineno, carry, carry.count(b"\n")
            return
        data = carry + block if carry else block
        cut = data.rfind(b"\n") + 1
        if cut == 0:
            if len(data) > MAX_LINE_BYTES:
                yield lineno, data, 0
                carry = b""
            else:
                carry = data
            continue
        chunk, carry = data[:cut], data[cut:]
        breaks = chunk.count(b"\n")
        yield lineno, chunk, breaks
        lineno += breaks


class RangeReader:
    """Reads bytes ``start`` to ``end`` of a seekable binary file. The first read stops at the next
    multiple of ``size`` counted from the start of the file, so that :func:`read_chunks` over a
    range sees the same block boundaries as over the whole file (and cuts an over-long line at the
    same places)."""

    def __init__(self, fh: IO[bytes], start: int, end: int, size: int) -> None:
        self.fh = fh
        self.left = end - start
        self.first = size - start % size if start % size else 0
        fh.seek(start)

    def read(self, n: int) -> bytes:
        if self.first:
            n, self.first = self.first, 0
        data = self.fh.read(min(n, self.left))
        self.left -= len(data)
        return data


def line_ranges(fh: IO[bytes], total: int, piece: int, smallest: int = 0, share: int = 0) -> list[tuple[int, int]]:
    """``[0, total)`` cut into ranges of about ``piece`` bytes, each ending just after a ``\\n``
    (the last one at the end of the file). With ``share``, each range is that share of what is
    left (``1/share`` of it), at most ``piece`` and at least ``smallest`` bytes: ranges get smaller
    toward the end, so that workers that take them in turn finish close together."""
    out: list[tuple[int, int]] = []
    start = 0
    while start < total:
        size = min(piece, max(smallest, (total - start) // share)) if share else piece
        pos = start + max(1, size)
        if pos >= total:
            out.append((start, total))
            break
        fh.seek(pos - 1)
        end = total
        while True:
            block = fh.read(1 << 16)
            if not block:
                break
            nl = block.find(b"\n")
            if nl >= 0:
                end = pos + nl
                break
            pos += len(block)
        out.append((start, end))
        start = end
    return out


def split_lines(raw: bytes) -> list[bytes]:
    """``raw`` cut after each ``\\n`` (the line endings stay with their lines)."""
    parts = raw.split(b"\n")
    lines = [p + b"\n" for p in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def process_chunk(proc: LineProcessor, chunk: Chunk, count: bool) -> ChunkResult:
    """Process consecutive lines. Plain text that decodes as a whole is rewritten in one pass;
    anything else (JSON Lines, a bad line in the chunk) goes line by line."""
    first, raw_all, breaks = chunk
    counts: Counter[tuple[str, str]] | None = Counter() if count else None
    if proc.fmt == "text" and len(raw_all) <= MAX_LINE_BYTES:
        try:
            text = raw_all.decode("utf-8")
        except UnicodeDecodeError:
            text = None
        if text is not None:
            new, spans = proc.rewriter.rewrite_text(text, proc.mode)
            side = b""
            if proc.mode == "annotate" and spans:
                side = _side_records(text, spans, first, proc.ids)
            if counts is not None:
                for s_, e_, match in spans:
                    counts[(match.entity_id, text[s_:e_])] += 1
            out = raw_all if new is text else new.encode("utf-8")
            return ChunkResult(out, side, breaks, [], len(spans), counts)
    outs: list[bytes] = []
    sides: list[bytes] = []
    problems: list[tuple[int, str]] = []
    mentions = 0
    lines = split_lines(raw_all)
    for no, raw in enumerate(lines, first):
        res = proc.process(raw, no)
        if res.problem is not None:
            problems.append((no, res.problem))
            if proc.on_error == "fail":
                break
        if res.out is not None:
            outs.append(res.out)
        for d in res.side:
            sides.append(json.dumps(d, ensure_ascii=False).encode("utf-8") + b"\n")
        mentions += len(res.mentions)
        if counts is not None:
            for mention in res.mentions:
                counts[(mention.entity_id, mention.surface)] += 1
    return ChunkResult(b"".join(outs), b"".join(sides), len(lines), problems, mentions, counts)


def _side_records(text: str, spans: list[tuple[int, int, Any]], first_line: int, ids: SourceIds) -> bytes:
    """Mentions of a chunk as JSON Lines with their line number and offsets inside the line."""
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    out: list[bytes] = []
    import bisect

    for s_, e_, m in spans:
        li = bisect.bisect_right(starts, s_) - 1
        base = starts[li]
        rec = {"line": first_line + li, "start": s_ - base, "end": e_ - base, "surface": text[s_:e_],
               "entity_id": m.entity_id, "canonical": m.canonical, "score": m.score, "type": m.type}  # fmt: skip
        if m.entity_id in ids:
            rec["ids"] = ids[m.entity_id]
        out.append(json.dumps(rec, ensure_ascii=False).encode("utf-8") + b"\n")
    return b"".join(out)


@contextmanager
def atomic_output(target: Path) -> Iterator[IO[bytes]]:
    """A temporary file beside ``target``, moved onto it only if the block completes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=str(target.parent))
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise


# --- CSV (rows, not lines: a cell may hold a line break) -------------------------------------------


def rewrite_csv(
    src: IO[bytes],
    dst: IO[bytes],
    rewriter: Rewriter,
    mode: Mode,
    columns: Sequence[str],
    on_error: OnError,
    path: str,
    stats: Stats,
) -> None:
    """Rewrite the named columns of a CSV stream (all text columns when none are named)."""
    text_in = io.TextIOWrapper(src, encoding="utf-8", errors="surrogateescape", newline="")
    dialect: Any = csv.excel_tab if path.lower().endswith(".tsv") else csv.excel
    reader = csv.reader(text_in, dialect)
    out = io.TextIOWrapper(dst, encoding="utf-8", errors="surrogateescape", newline="", write_through=True)
    writer = csv.writer(out, dialect)
    header = next(reader, None)
    if header is None:
        out.detach()
        text_in.detach()
        return
    want = list(columns) or list(header)
    missing = [c for c in want if c not in header]
    if missing and columns:
        raise InputError(f"{path}: no column {missing[0]!r} (columns: {', '.join(header)})")
    idx = [header.index(c) for c in want if c in header]
    ids = source_ids(rewriter.normalizer)
    if mode == "annotate":
        header = [*header, "mentions"]
    writer.writerow(header)
    rowno = 1
    for row in reader:
        rowno += 1
        stats.lines += 1
        if any("\udc80" <= ch <= "\udcff" for cell in row for ch in cell):
            stats.bad_lines += 1
            stats.problems.append(Problem(path, reader.line_num, "not valid UTF-8"))
            if on_error == "fail":
                raise BadInput(f"{path}:{reader.line_num}: not valid UTF-8")
            if on_error == "pass":
                writer.writerow(row)
            continue
        notes: list[dict[str, Any]] = []
        for i in idx:
            if i < len(row) and row[i]:
                res = rewriter.rewrite(row[i], mode)
                stats.add(res.mentions)
                if mode == "annotate":
                    notes.extend(mention_dict(m, ids, column=header[i]) for m in res.mentions)
                else:
                    row[i] = res.text
        if mode == "annotate":
            row = [*row, json.dumps(notes, ensure_ascii=False)]
        writer.writerow(row)
    out.flush()
    out.detach()
    text_in.detach()
