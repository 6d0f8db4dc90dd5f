"""``normalize discover CORPUS``: read a corpus in any input format of ``rewrite`` (plain text,
JSON Lines with ``--field``, CSV with ``--column``, standard input), list the people it mentions
that the tables lack, and write them as draft entities."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from .discover import Discovery, Person, Settings, draft_entities
from .errors import InputError
from .io import WHOLE, detect_format, read_chunks, split_lines
from .resolver import Normalizer


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The options of ``discover``."""
    p.add_argument("inputs", nargs="*", metavar="FILE|DIR", help="files or folders (standard input when none)")
    p.add_argument("-o", "--output", help="write the draft entities to FILE (YAML; standard output when none)")
    p.add_argument("--format", choices=["text", "jsonl", "csv"], help="input format (default: by file name; text)")
    p.add_argument("--field", action="append", default=[], help="JSON Lines field to read (repeatable; default text)")
    p.add_argument("--column", action="append", default=[], help="CSV column to read (repeatable; default all)")
    p.add_argument("--top", type=int, default=100, help="the most mentioned groups to list (default 100)")
    p.add_argument("--min-mentions", type=int, default=2, help="leave out groups with fewer mentions (default 2)")
    p.add_argument("--tables", help="your tables folder, added to the bundled tables (default: $NORMALIZE_TABLES)")
    p.add_argument(
        "--no-default-tables",
        action="store_true",
        help="leave the bundled entities out: the people your tables alone lack",
    )


def _files(paths: list[str]) -> list[Path | None]:
    if not paths:
        return [None]
    out: list[Path | None] = []
    for p in paths:
        path = Path(p)
        if p == "-":
            out.append(None)
        elif path.is_dir():
            out.extend(f for f in sorted(path.rglob("*")) if f.is_file() and not f.name.startswith("."))
        elif path.is_file():
            out.append(path)
        else:
            raise InputError(f"no such file or folder: {p}")
    return out


def texts(stream: IO[bytes], name: str, fmt: str, fields: list[str], columns: list[str]) -> Iterator[tuple[str, str]]:
    """(file:line, text) for every text of a stream; lines that cannot be read are passed over
    (and counted by the caller through ``bad``)."""
    if fmt == "csv":
        text_in = io.TextIOWrapper(stream, encoding="utf-8", errors="replace", newline="")
        reader = csv.reader(text_in)
        header = next(reader, None)
        if header is None:
            return
        idx = [header.index(c) for c in columns if c in header] if columns else list(range(len(header)))
        if columns and len(idx) < len(columns):
            missing = [c for c in columns if c not in header]
            raise InputError(f"{name}: no column {missing[0]!r} (columns: {', '.join(header)})")
        for row in reader:
            where = f"{name}:{reader.line_num}"
            for i in idx:
                if i < len(row) and row[i]:
                    yield where, row[i]
        text_in.detach()
        return
    want = fields or ["text"]
    for first, raw, _, piece in read_chunks(stream):
        if piece != WHOLE:
            continue  # a line past the line bound is no text to read (rewrite passes it through)
        for no, line in enumerate(split_lines(raw), first):
            text = line.decode("utf-8", errors="replace").rstrip("\r\n")
            if fmt == "jsonl":
                try:
                    obj = json.loads(text) if text.strip() else None
                except (json.JSONDecodeError, RecursionError):
                    continue  # not a JSON object: no text to read (rewrite reports such lines)
                if isinstance(obj, dict):
                    for f in want:
                        v = obj.get(f)
                        if isinstance(v, str):
                            yield f"{name}:{no}", v
            else:
                yield f"{name}:{no}", text


def run(args: argparse.Namespace, normalizer: Normalizer) -> int:
    """Read the corpus, group, write the drafts; a summary goes to standard error."""
    from .importers.tablefiles import emit_entity

    discovery = Discovery(normalizer)
    for path in _files(args.inputs):
        name = str(path) if path is not None else "<stdin>"
        fmt = detect_format(str(path) if path is not None else None, args.format)
        with open(path, "rb") if path is not None else sys.stdin.buffer as fh:
            for where, text in texts(fh, name, fmt, args.field, args.column):
                discovery.add_line(text, where)
    people: list[Person] = discovery.people(Settings(args.min_mentions, args.top))
    taken = {e.record.id for e in normalizer.index.entries}
    drafts = draft_entities(people, discovery, taken)
    head = (
        "# Draft entities written by `normalize discover`: people the corpus mentions that the tables\n"
        "# lack, the most mentioned first. Review each (the names, the canonical form, the gender; is it\n"
        "# one person?), then delete its `draft` field: `normalize tables check` refuses a draft.\n\n"
    )
    body = head + "".join(emit_entity(d) + "\n" for d in drafts)
    if args.output:
        from .outfile import output_file

        with output_file(Path(args.output)) as out:
            out.write(body.encode("utf-8"))
    else:
        sys.stdout.write(body)
    found = sum(s.count for s in discovery.seen.values())
    sys.stderr.write(
        f"normalize: {found} mentions of people the tables lack ({discovery.known} of people they hold "
        f"left out), in {len(people)} groups listed\n"
    )
    return 0
