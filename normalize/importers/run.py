"""Reading a source file record by record and merging it into entity files (``normalize tables
import``). The source is streamed: one line (one CSV row) at a time, never the whole file."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ..errors import InputError
from ..io import FIRST_PIECE, MAX_LINE_BYTES, WHOLE, read_chunks, split_lines
from ..phonetic import PhoneticKey
from ..tables import load_tables
from . import csvfile, ftm, wikidata
from .model import Imported, Skipped
from .tablefiles import EntityWriter, Result

FORMATS = ("ftm", "wikidata", "csv")


@dataclass
class Options:
    """How to read the source (the options of ``normalize tables import``)."""

    languages: tuple[str, ...] | None = None  # Wikidata: None for those of the classes file
    every_language: bool = False
    classes: str | None = None
    columns: csvfile.Columns | None = None


def _lines(stream: IO[bytes]) -> Iterator[tuple[int, str] | Skipped]:
    """The lines of a stream, decoded; a line that is not UTF-8 or too long is a :class:`Skipped`."""
    for first, raw, _, piece in read_chunks(stream):
        if piece != WHOLE:  # an over-long line comes in pieces: reported once, left out whole
            if piece == FIRST_PIECE:
                yield Skipped(first, f"line longer than {MAX_LINE_BYTES} bytes")
            continue
        for no, line in enumerate(split_lines(raw), first):
            try:
                text = line.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield Skipped(no, f"not valid UTF-8 at byte {exc.start + 1}")
                continue
            yield no, text.rstrip("\r\n")


def records(fmt: str, stream: IO[bytes], name: str, options: Options, key: PhoneticKey) -> Iterator[Imported | Skipped]:
    """The entities of a source (or why each record is not one), in the order of the source."""
    if fmt == "ftm":
        for got in _lines(stream):
            if isinstance(got, Skipped):
                yield got
            elif got[1].strip():
                yield ftm.parse_line(got[1], got[0], key)
    elif fmt == "wikidata":
        classes = wikidata.load_classes(options.classes)
        if options.languages:
            classes = wikidata.Classes(classes.types, classes.genders, options.languages, classes.canonical_languages)
        bad: list[Skipped] = []  # lines that are no text, reported in their place

        def text_lines() -> Iterator[tuple[int, str]]:
            for g in _lines(stream):
                if isinstance(g, Skipped):
                    bad.append(g)
                else:
                    yield g

        for got in wikidata.items(text_lines()):
            while bad:
                yield bad.pop(0)
            if isinstance(got, Skipped):
                yield got
            else:
                yield wikidata.parse_item(got[1], got[0], classes, key, options.every_language)
        yield from bad
    elif fmt == "csv":
        if options.columns is None:
            raise InputError("a CSV import needs its columns: --id and --name at least")
        yield from _csv_records(stream, name, options.columns, key)
    else:
        raise InputError(f"unknown import format {fmt!r}; use one of {', '.join(FORMATS)}")


def _csv_records(stream: IO[bytes], name: str, cols: csvfile.Columns, key: PhoneticKey) -> Iterator[Imported | Skipped]:
    text_in = io.TextIOWrapper(stream, encoding="utf-8", errors="surrogateescape", newline="")
    dialect: type[csv.Dialect] = csv.excel_tab if name.lower().endswith(".tsv") else csv.excel
    reader = csv.reader(text_in, dialect)
    try:
        header = next(reader, None)
        if header is None:
            return
        at = cols.positions(header, name)
        while True:
            start = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:  # a field past the csv module's bound, a NUL byte
                yield Skipped(start, f"unreadable CSV ({exc}); the rest of the file is not read")
                break
            if not any(c.strip() for c in row):
                continue
            if any("\udc80" <= ch <= "\udcff" for c in row for ch in c):
                yield Skipped(start, "not valid UTF-8")
                continue
            yield csvfile.parse_row(row, start, cols, at, key)
    finally:
        text_in.detach()


def import_file(fmt: str, source: Path | None, stream: IO[bytes], output: Path, options: Options) -> Result:
    """Import one source (``stream``, read from ``source`` or standard input) into ``output``
    and its folder. Every entity is checked as `tables check` does before it is written."""
    name = str(source) if source is not None else "<stdin>"
    if source is not None and output.exists() and source.resolve() == output.resolve():
        raise InputError(f"the output {output} is the input itself")
    tables = load_tables(None, entities=False)
    assert tables.phonetic is not None
    writer = EntityWriter(output, f"{fmt}: {source.name if source is not None else 'standard input'}")
    try:
        for got in records(fmt, stream, name, options, tables.phonetic):
            if isinstance(got, Skipped):
                writer.skip(got)
            else:
                writer.add(got)
    except BaseException:
        writer.abort()
        raise
    return writer.finish()
