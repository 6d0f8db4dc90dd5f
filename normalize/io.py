"""Files in and out for the rewrite pass: plain text, JSON Lines and CSV, streamed, written atomically.

* Streaming: input is read a line (a CSV row) at a time; memory does not grow with the file.
* Safety: output goes to a temporary file beside the target and is moved into place only when
  complete; an error or an interrupt removes the temporary file and leaves the input untouched.
* Bad input: a line that is not UTF-8 (or not a JSON object) is reported with its line number and,
  by ``on_error``, passed through unchanged (``pass``), left out (``skip``) or stops the run
  (``fail``). Nothing is dropped silently.
* Line endings and every byte outside the mentions are kept; a JSON line or CSV row without a
  mention is written back byte for byte, and in one with a mention only the rewritten strings
  change (numbers, key order, duplicate keys and spacing stay as written).
* A line longer than :data:`MAX_LINE_BYTES` is passed through (or left out) whole, as reported.
"""

from __future__ import annotations

import bisect
import json
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import IO, TYPE_CHECKING, Any, Literal, Protocol

from .errors import InputError
from .errors import TableProblem as Problem
from .text import SURROGATE_RE

if TYPE_CHECKING:
    from .replacement import Mode
    from .resolver import Normalizer
    from .rewrite import Mention, Rewriter

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


def _escaped_surrogate(m: re.Match[str]) -> str:
    return f"\\u{ord(m.group()):04x}"


def json_text(value: Any) -> str:
    """``value`` as JSON text, non-ASCII letters as they are; a lone surrogate (which JSON text
    may hold escaped, and UTF-8 cannot) stays escaped as ``\\udXXX``."""
    out = json.dumps(value, ensure_ascii=False)
    return SURROGATE_RE.sub(_escaped_surrogate, out) if SURROGATE_RE.search(out) else out


def json_line(value: Any) -> bytes:
    """``value`` as one line of JSON Lines (UTF-8, with its line break)."""
    return json_text(value).encode("utf-8") + b"\n"


def _split_ending(raw: bytes) -> tuple[bytes, bytes]:
    if raw.endswith(b"\r\n"):
        return raw[:-2], b"\r\n"
    if raw.endswith(b"\n") or raw.endswith(b"\r"):
        return raw[:-1], raw[-1:]
    return raw, b""


_WS_RE = re.compile(r"[ \t\n\r]*")


def _ws(text: str, i: int) -> int:
    """The position after the JSON white space at ``i``."""
    m = _WS_RE.match(text, i)
    return m.end() if m is not None else i


_DECODER = json.JSONDecoder()


@dataclass
class JsonObjectLine:
    """A JSON object as written on one line: its top-level members (key, where the value starts
    and ends in the text, the value) and where its last member ends (or its ``{``, when it has
    none), so that values can be replaced and members added without writing the rest again."""

    text: str
    members: list[tuple[str, int, int, Any]]
    tail: int
    empty: bool

    @classmethod
    def parse(cls, text: str) -> JsonObjectLine:
        """Raise ``json.JSONDecodeError`` for text that is not one JSON object, ``ValueError`` for
        one that is another JSON value."""
        ws = _ws
        i = ws(text, 0)
        if text[i : i + 1] != "{":
            json.loads(text)  # not JSON at all: its own error
            raise ValueError("a JSON line must hold an object")
        i = ws(text, i + 1)
        members: list[tuple[str, int, int, Any]] = []
        tail = i
        if text[i : i + 1] == "}":
            end = i + 1
        else:
            while True:
                if text[i : i + 1] != '"':
                    raise json.JSONDecodeError("Expecting property name enclosed in double quotes", text, i)
                key, i = scanstring(text, i + 1)
                i = ws(text, i)
                if text[i : i + 1] != ":":
                    raise json.JSONDecodeError("Expecting ':' delimiter", text, i)
                i = ws(text, i + 1)
                value, j = _DECODER.raw_decode(text, i)
                members.append((key, i, j, value))
                tail = j
                i = ws(text, j)
                c = text[i : i + 1]
                if c == ",":
                    i = ws(text, i + 1)
                elif c == "}":
                    end = i + 1
                    break
                else:
                    raise json.JSONDecodeError("Expecting ',' delimiter", text, i)
        if ws(text, end) != len(text):
            raise json.JSONDecodeError("Extra data", text, end)
        return cls(text, members, tail, not members)

    def names(self) -> set[str]:
        """The keys of the object's members."""
        return {m[0] for m in self.members}

    def edited(self, values: dict[int, str], added: Sequence[tuple[str, Any]] = ()) -> str:
        """The text with the values of the members numbered in ``values`` replaced by that JSON
        text, and the ``added`` members after the last one; nothing else changes."""
        parts: list[str] = []
        pos = 0
        for k in sorted(values):
            _key, a, b, _value = self.members[k]
            parts.append(self.text[pos:a])
            parts.append(values[k])
            pos = b
        if added:
            parts.append(self.text[pos : self.tail])
            sep = "" if self.empty else ", "
            parts.append(sep + ", ".join(f"{json_text(k)}: {json_text(v)}" for k, v in added))
            pos = self.tail
        parts.append(self.text[pos:])
        return "".join(parts)


@dataclass
class LineResult:
    out: bytes | None  # None: leave the line out
    side: list[dict[str, Any]]
    mentions: list[Mention]
    problem: str | None = None


class LineProcessor:
    """Turns one input line into output bytes; the same object serves every worker process.
    ``mentions_key``: the key annotate mode adds to each JSON object."""

    def __init__(
        self,
        rewriter: Rewriter,
        fmt: Format,
        mode: Mode,
        fields: Sequence[str],
        on_error: OnError,
        mentions_key: str = "mentions",
    ) -> None:
        self.rewriter = rewriter
        self.fmt = fmt
        self.mode = mode
        self.fields = list(fields) or ["text"]
        self.on_error = on_error
        self.mentions_key = mentions_key
        self.source: str | None = None  # the input's name in each side record (several inputs, one side file)
        self.seen: set[str] = set()  # the fields asked for that an object held
        self.first_keys: tuple[str, ...] | None = None  # the keys of the first object read
        self.ids = source_ids(rewriter.normalizer)  # what the mention records carry of each entity

    def bad(self, raw: bytes, message: str) -> LineResult:
        return LineResult(raw if self.on_error == "pass" else None, [], [], message)

    def process(self, raw: bytes, lineno: int) -> LineResult:
        body, ending = _split_ending(raw)
        if len(body) > MAX_LINE_BYTES:
            return self.bad(raw, f"line longer than {MAX_LINE_BYTES} bytes")
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            return self.bad(raw, f"not valid UTF-8 at byte {exc.start + 1}")
        if self.fmt == "jsonl":
            return self._jsonl(raw, text, ending)
        res = self.rewriter.rewrite(text, self.mode)
        extra = {"file": self.source} if self.source is not None else {}
        side = (
            [mention_dict(m, self.ids, line=lineno, **extra) for m in res.mentions] if self.mode == "annotate" else []
        )
        if not res.mentions or self.mode == "annotate":
            return LineResult(raw, side, res.mentions)
        return LineResult(res.text.encode("utf-8") + ending, side, res.mentions)

    def _jsonl(self, raw: bytes, text: str, ending: bytes) -> LineResult:
        if not text.strip():
            return LineResult(raw, [], [])
        bom = "\ufeff" if text.startswith("\ufeff") else ""  # a byte-order mark at the start of the file
        try:
            line = JsonObjectLine.parse(text[len(bom) :])
        except json.JSONDecodeError as exc:
            return self.bad(raw, f"invalid JSON: {exc.msg} (column {exc.colno + len(bom)})")
        except (ValueError, RecursionError) as exc:
            return self.bad(raw, str(exc) if isinstance(exc, ValueError) else "JSON nested too deep")
        names = line.names()
        self.seen.update(names.intersection(self.fields))
        if self.first_keys is None:
            self.first_keys = tuple(m[0] for m in line.members)
        annotate = self.mode == "annotate"
        if annotate and self.mentions_key in names:
            return self.bad(raw, f"the object has a key {self.mentions_key!r} already (choose another: --mentions-key)")
        found: list[Mention] = []
        notes: list[dict[str, Any]] = []
        values: dict[int, str] = {}
        for k, (key, _a, _b, value) in enumerate(line.members):
            if key not in self.fields or not isinstance(value, str):
                continue
            res = self.rewriter.rewrite(value, self.mode)
            if res.mentions:
                found.extend(res.mentions)
                notes.extend(mention_dict(m, self.ids, field=key) for m in res.mentions)
                if not annotate:
                    values[k] = json_text(res.text)
        if annotate:
            new = line.edited({}, [(self.mentions_key, notes)])
        elif not found:
            return LineResult(raw, [], [])
        else:
            new = line.edited(values)
        return LineResult((bom + new).encode("utf-8") + ending, [], found)


@dataclass
class ChunkResult:
    """What one chunk of lines became: output bytes, side-file bytes, problems and counts."""

    out: bytes
    side: bytes
    lines: int
    problems: list[tuple[int, str]]
    mentions: int
    counts: Counter[tuple[str, str]] | None
    seen: set[str] = field(default_factory=set)  # JSON Lines: the fields asked for that an object held
    first_keys: tuple[str, ...] | None = None  # JSON Lines: the keys of the first object read


Chunk = tuple[int, bytes, int, int]
"""Consecutive whole lines: (number of the first line, their bytes with line endings, the number
of line breaks in them, and :data:`WHOLE`), or one piece of a line longer than the line bound
(:data:`FIRST_PIECE`, then :data:`NEXT_PIECE` up to its end)."""
WHOLE, FIRST_PIECE, NEXT_PIECE = 0, 1, 2


class Readable(Protocol):
    def read(self, n: int, /) -> bytes: ...


def read_chunks(stream: Readable, size: int = 1 << 20) -> Iterator[Chunk]:
    """Whole lines in blocks of about ``size`` bytes, read without a Python loop per line. A line
    longer than the line bound is given in pieces (the first one marked, to be reported), so that
    memory stays bounded whatever the input, and it is passed through or left out whole."""
    lineno = 1
    carry = b""
    long = False  # in the pieces of an over-long line
    while True:
        block = stream.read(size)
        if not block:
            if carry:
                yield lineno, carry, carry.count(b"\n"), NEXT_PIECE if long else WHOLE
            return
        data = carry + block if carry else block
        carry = b""
        if long:
            nl = data.find(b"\n")
            if nl < 0:
                yield lineno, data, 0, NEXT_PIECE
                continue
            yield lineno, data[: nl + 1], 1, NEXT_PIECE
            lineno += 1
            long = False
            data = data[nl + 1 :]
            if not data:
                continue
        cut = data.rfind(b"\n") + 1
        if cut == 0:
            if len(data) > MAX_LINE_BYTES:
                yield lineno, data, 0, FIRST_PIECE
                long = True
            else:
                carry = data
            continue
        chunk, carry = data[:cut], data[cut:]
        breaks = chunk.count(b"\n")
        yield lineno, chunk, breaks, WHOLE
        lineno += breaks


class RangeReader:
    """Reads bytes ``start`` to ``end`` of an open file (by its descriptor, at explicit offsets, so
    that the processes that share it never move each other's place in it). The first read stops
    at the next multiple of ``size`` counted from the start of the file, so that
    :func:`read_chunks` over a range sees the same block boundaries as over the whole file (and
    cuts an over-long line at the same places)."""

    def __init__(self, fd: int, start: int, end: int, size: int) -> None:
        self.fd = fd
        self.pos = start
        self.end = end
        self.first = size - start % size if start % size else 0

    def read(self, n: int) -> bytes:
        if self.first:
            n, self.first = self.first, 0
        data = os.pread(self.fd, min(n, self.end - self.pos), self.pos)
        self.pos += len(data)
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
    anything else (JSON Lines, a bad line in the chunk) goes line by line. A piece of an over-long
    line is passed through or left out, by ``on_error``, and reported once."""
    first, raw_all, breaks, piece = chunk
    counts: Counter[tuple[str, str]] | None = Counter() if count else None
    if piece != WHOLE:
        res = proc.bad(raw_all, f"line longer than {MAX_LINE_BYTES} bytes")
        reported = [(first, res.problem or "")] if piece == FIRST_PIECE else []
        return ChunkResult(res.out or b"", b"", breaks, reported, 0, counts)
    if proc.fmt == "text" and len(raw_all) <= MAX_LINE_BYTES:
        try:
            text = raw_all.decode("utf-8")
        except UnicodeDecodeError:
            text = None
        if text is not None:
            new, spans = proc.rewriter.rewrite_text(text, proc.mode, lines_apart=True)  # one item a line
            side = b""
            if proc.mode == "annotate" and spans:
                side = _side_records(text, spans, first, proc.source, proc.ids)
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
            sides.append(json_line(d))
        mentions += len(res.mentions)
        if counts is not None:
            for mention in res.mentions:
                counts[(mention.entity_id, mention.surface)] += 1
    seen, first_keys = set(proc.seen), proc.first_keys
    proc.seen.clear()
    proc.first_keys = None
    return ChunkResult(b"".join(outs), b"".join(sides), len(lines), problems, mentions, counts, seen, first_keys)


def _side_records(
    text: str, spans: list[tuple[int, int, Any]], first_line: int, source: str | None, ids: SourceIds
) -> bytes:
    """Mentions of a chunk as JSON Lines with their line number and offsets inside the line."""
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    out: list[bytes] = []
    for s_, e_, m in spans:
        li = bisect.bisect_right(starts, s_) - 1
        base = starts[li]
        rec = {"line": first_line + li, "start": s_ - base, "end": e_ - base, "surface": text[s_:e_],
               "entity_id": m.entity_id, "canonical": m.canonical, "score": m.score, "type": m.type}  # fmt: skip
        if m.entity_id in ids:
            rec["ids"] = ids[m.entity_id]
        if source is not None:
            rec["file"] = source
        out.append(json_line(rec))
    return b"".join(out)
