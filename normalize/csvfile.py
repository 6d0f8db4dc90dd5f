"""CSV files in and out, record by record, each record's bytes kept where nothing changes.

A record (a row; a cell may hold line breaks) is read with the text it was read from, so that a
record nothing changes in is written back byte for byte (its quoting, its line ending), and a
record that gains cells keeps its own cells as written. The delimiter is the one given, or the
one :class:`csv.Sniffer` finds in the first lines; the encoding is the one given (``cp1251`` is
common for Belarusian and Russian files), UTF-8 by default; a byte-order mark at the start is
kept and not read as part of the first column's name. Cells may be as long as a line may be
(:data:`~normalize.io.MAX_LINE_BYTES`).
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable, Iterator, Sequence
from typing import IO, TYPE_CHECKING, Any

from .errors import InputError
from .errors import TableProblem as Problem
from .io import MAX_LINE_BYTES, BadInput, OnError, Stats, json_text, mention_dict, source_ids

if TYPE_CHECKING:
    from .replacement import Mode
    from .rewrite import Rewriter

SNIFF_LINES = 50
SNIFF_DELIMITERS = ",;\t|"


class CsvError(InputError):
    """A CSV file that cannot be read as asked (an unknown encoding, a column that is not there)."""


def check_encoding(encoding: str) -> str:
    """The name of a text encoding Python knows; :class:`CsvError` otherwise."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise CsvError(f"unknown encoding {encoding!r} (for example utf-8, cp1251, koi8-r)") from None
    return "utf-8" if name == "utf-8-sig" else name  # a byte-order mark is kept as it is found


class RecordReader:
    """The records of a CSV stream, each with the text it was read from."""

    def __init__(self, src: IO[bytes], path: str, encoding: str = "utf-8", delimiter: str | None = None) -> None:
        csv.field_size_limit(MAX_LINE_BYTES)
        self.encoding = check_encoding(encoding)
        self.text = io.TextIOWrapper(src, encoding=self.encoding, errors="surrogateescape", newline="")
        self.path = path
        self._ahead: list[str] = []
        self._taken: list[str] = []
        self.bom = ""
        first = self._readline()
        if first.startswith("\ufeff"):
            self.bom, first = "\ufeff", first[1:]
        if first:
            self._ahead.append(first)
        if delimiter is None:
            delimiter = self._sniff(path)
        elif len(delimiter) != 1:
            raise CsvError(f"a delimiter is one character, not {delimiter!r}")
        self.delimiter = delimiter
        self.reader = csv.reader(self._lines(), delimiter=delimiter, quotechar='"', doublequote=True, strict=False)

    def _readline(self) -> str:
        line = self.text.readline(MAX_LINE_BYTES + 1)
        if len(line) > MAX_LINE_BYTES:
            raise CsvError(f"{self.path}: a line longer than {MAX_LINE_BYTES} characters")
        return line

    def _sniff(self, path: str) -> str:
        while len(self._ahead) < SNIFF_LINES:
            line = self._readline()
            if not line:
                break
            self._ahead.append(line)
        sample = "".join(self._ahead)
        default = "\t" if path.lower().endswith(".tsv") else ","
        if not sample:
            return default
        try:
            return csv.Sniffer().sniff(sample, delimiters=SNIFF_DELIMITERS).delimiter
        except csv.Error:
            return default

    def _lines(self) -> Iterator[str]:
        while True:
            line = self._ahead.pop(0) if self._ahead else self._readline()
            if not line:
                return
            self._taken.append(line)
            yield line

    def __iter__(self) -> Iterator[tuple[list[str], str]]:
        """(the cells, the text of the record, line ending included)."""
        for row in self.reader:
            raw = "".join(self._taken)
            self._taken.clear()
            yield row, raw

    @property
    def line_num(self) -> int:
        return self.reader.line_num

    def detach(self) -> None:
        self.text.detach()


def ending_of(raw: str) -> str:
    """The line ending a record's text ends with ("" for the last line of a file without one)."""
    for e in ("\r\n", "\n", "\r"):
        if raw.endswith(e):
            return e
    return ""


class RecordWriter:
    """Writes records in the reader's encoding and dialect: kept text as it was, new cells quoted as
    the csv module quotes them."""

    def __init__(self, dst: IO[bytes], reader: RecordReader) -> None:
        self.dst = dst
        self.encoding = reader.encoding
        self.delimiter = reader.delimiter
        self._buf = io.StringIO()
        self._writer = csv.writer(self._buf, delimiter=reader.delimiter, quotechar='"', lineterminator="")
        if reader.bom:
            self.write_text(reader.bom)

    def cells(self, row: Sequence[str]) -> str:
        """``row`` as the text of a record, without a line ending."""
        self._buf.seek(0)
        self._buf.truncate()
        self._writer.writerow(row)
        return self._buf.getvalue()

    def write_text(self, text: str) -> None:
        self.dst.write(text.encode(self.encoding, "surrogateescape"))

    def encodable(self, text: str) -> bool:
        try:
            text.encode(self.encoding, "surrogateescape")
        except UnicodeEncodeError:
            return False
        return True

    def write_row(self, row: Sequence[str], ending: str) -> None:
        self.write_text(self.cells(row) + ending)

    def write_added(self, raw: str, added: Sequence[str]) -> None:
        """A record as read, with ``added`` cells after its own."""
        end = ending_of(raw)
        self.write_text(raw[: len(raw) - len(end)] + self.delimiter + self.cells(added) + end)


def _bad_cells(row: Sequence[str]) -> bool:
    """Whether a row holds bytes its encoding could not read (kept as lone surrogates)."""
    return any("\udc80" <= ch <= "\udcff" for cell in row for ch in cell)


def column_indexes(header: list[str], wanted: Sequence[str], path: str) -> list[int]:
    """The places of the ``wanted`` columns in ``header``; :class:`CsvError` naming the columns
    there are when one is missing."""
    missing = [c for c in wanted if c not in header]
    if missing:
        raise CsvError(f"{path}: no column {missing[0]!r} (the columns are: {', '.join(header)})")
    return [header.index(c) for c in wanted]


def rewrite_csv(
    src: IO[bytes],
    dst: IO[bytes],
    rewriter: Rewriter,
    mode: Mode,
    columns: Sequence[str],
    on_error: OnError,
    path: str,
    stats: Stats,
    *,
    encoding: str = "utf-8",
    delimiter: str | None = None,
    mentions_key: str = "mentions",
) -> None:
    """Rewrite the named columns of a CSV stream (all columns when none are named). In annotate
    mode each record gains a cell ``mentions_key`` with its mentions as JSON."""
    reader = RecordReader(src, path, encoding, delimiter)
    try:
        records = iter(reader)
        first = next(records, None)
        if first is None:
            return
        header, raw_header = first
        writer = RecordWriter(dst, reader)
        idx = column_indexes(header, columns, path) if columns else list(range(len(header)))
        annotate = mode == "annotate"
        if annotate:
            if mentions_key in header:
                raise CsvError(f"{path}: there is a column {mentions_key!r} already (choose another: --mentions-key)")
            writer.write_added(raw_header, [mentions_key])
        else:
            writer.write_text(raw_header)
        ids = source_ids(rewriter.normalizer)
        for row, raw in records:
            stats.lines += 1
            if _bad_cells(row):
                _bad_row(stats, writer, raw, path, reader.line_num, f"not valid {reader.encoding}", on_error)
                continue
            notes: list[dict[str, Any]] = []
            new = list(row)
            for i in idx:
                if i < len(row) and row[i]:
                    res = rewriter.rewrite(row[i], mode)
                    stats.add(res.mentions)
                    if annotate:
                        notes.extend(mention_dict(m, ids, column=header[i]) for m in res.mentions)
                    else:
                        new[i] = res.text
            if annotate:
                writer.write_added(raw, [json_text(notes)])
            elif new == row:
                writer.write_text(raw)  # byte for byte
            elif not writer.encodable("".join(new)):
                _bad_row(stats, writer, raw, path, reader.line_num, f"cannot be written in {reader.encoding}", on_error)
            else:
                writer.write_row(new, ending_of(raw))
    finally:
        reader.detach()


def _bad_row(
    stats: Stats, writer: RecordWriter, raw: str, path: str, line: int, message: str, on_error: OnError
) -> None:
    stats.bad_lines += 1
    stats.problems.append(Problem(path, line, message))
    if on_error == "fail":
        raise BadInput(f"{path}:{line}: {message}")
    if on_error == "pass":
        writer.write_text(raw)


def add_columns(
    src: IO[bytes],
    dst: IO[bytes],
    column: str,
    names: Sequence[str],
    values: Callable[[str], Sequence[str]],
    path: str,
    *,
    encoding: str = "utf-8",
    delimiter: str | None = None,
) -> int:
    """Each record of a CSV stream with the cells ``values(cell of column)`` added after its own
    (a header ``names``); return the number of records."""
    reader = RecordReader(src, path, encoding, delimiter)
    try:
        records = iter(reader)
        first = next(records, None)
        if first is None:
            return 0
        header, raw_header = first
        (at,) = column_indexes(header, [column], path)
        clash = [n for n in names if n in header]
        if clash:
            raise CsvError(f"{path}: there is a column {clash[0]!r} already")
        writer = RecordWriter(dst, reader)
        writer.write_added(raw_header, list(names))
        n = 0
        for row, raw in records:
            n += 1
            writer.write_added(raw, list(values(row[at] if at < len(row) else "")))
        return n
    finally:
        reader.detach()
