"""``normalize resolve FILE --column NAME`` (CSV) and ``--field NAME`` (JSON Lines): each record
with the entity its name cell or field names, in four columns or keys: ``entity_id``,
``canonical``, ``score`` and ``type`` (empty, or null, where it names none)."""

from __future__ import annotations

import argparse
import sys
from typing import IO, Any

from .csvfile import add_columns
from .errors import InputError
from .errors import TableProblem as Problem
from .exitcodes import EXIT_OK, EXIT_PARTIAL
from .io import FIRST_PIECE, JsonObjectLine, detect_format, read_chunks, split_lines
from .outfile import output_file, same_file
from .resolver import Normalizer

COLUMNS = ("entity_id", "canonical", "score", "type")


def run_resolve_file(args: argparse.Namespace, n: Normalizer) -> int:
    """Resolve the column (or field) of every record of the one input file given."""
    if len(args.mention) != 1:
        raise InputError("--column and --field take one input file (or - for standard input)")
    path = args.mention[0]
    fmt = detect_format(None if path == "-" else path, args.format)
    if fmt == "text":
        fmt = "jsonl" if args.field else "csv"
    if (fmt == "csv" and not args.column) or (fmt == "jsonl" and not args.field):
        raise InputError(f"a {fmt} file needs {'--column' if fmt == 'csv' else '--field'} NAME")
    if args.output and path != "-" and same_file(args.output, path):
        raise InputError(f"the output {args.output} is the input itself; write to another path")
    memo: dict[str, tuple[str, ...]] = {}

    def cells(name: str) -> tuple[str, ...]:
        got = memo.get(name)
        if got is None:
            m = n.resolve(name, threshold=args.threshold, policy=args.policy) if name.strip() else None
            got = ("", "", "", "") if m is None else (m.entity_id, m.canonical, f"{m.score:.4f}", m.type)
            if len(memo) < 100_000:
                memo[name] = got
        return got

    with (
        open(path, "rb") if path != "-" else _stdin() as fin,
        output_file(args.output or "-") as fout,
    ):
        if fmt == "csv":
            add_columns(fin, fout, args.column, COLUMNS, cells, path, encoding=args.encoding, delimiter=args.delimiter)
            return EXIT_OK
        return _jsonl(fin, fout, args.field, cells, path, args.on_error)


def _stdin() -> IO[bytes]:
    class _Kept:
        def __enter__(self) -> IO[bytes]:
            return sys.stdin.buffer

        def __exit__(self, *exc: object) -> None:
            return None

    return _Kept()  # type: ignore[return-value]


def _jsonl(fin: IO[bytes], fout: IO[bytes], field: str, cells: Any, path: str, on_error: str) -> int:
    """Each JSON object with the four keys added after its own; bad lines by ``on_error``."""
    problems: list[Problem] = []
    first_keys: list[str] | None = None
    found = False

    def bad(raw: bytes, no: int, message: str) -> None:
        problems.append(Problem(path, no, message))
        if on_error == "fail":
            raise InputError(f"{path}:{no}: {message}")
        if on_error == "pass":
            fout.write(raw)

    for first, raw_all, _breaks, piece in read_chunks(fin):
        if piece:  # a piece of a line over the bound: passed through or left out whole
            if piece == FIRST_PIECE:
                problems.append(Problem(path, first, "line too long"))
            if on_error == "pass":
                fout.write(raw_all)
            continue
        for no, raw in enumerate(split_lines(raw_all), first):
            body = raw.rstrip(b"\r\n")
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError as exc:
                bad(raw, no, f"not valid UTF-8 at byte {exc.start + 1}")
                continue
            if not text.strip():
                fout.write(raw)
                continue
            bom = "\ufeff" if text.startswith("\ufeff") else ""
            try:
                line = JsonObjectLine.parse(text[len(bom) :])
            except (ValueError, RecursionError) as exc:
                bad(raw, no, f"invalid JSON: {exc}")
                continue
            if first_keys is None:
                first_keys = [m[0] for m in line.members]
            found = found or field in line.names()
            clash = [c for c in COLUMNS if c in line.names()]
            values = [v for k, _a, _b, v in line.members if k == field]
            name = values[-1] if values else None
            if clash or (name is not None and not isinstance(name, str)):
                bad(raw, no, f"the object has a key {clash[0]!r} already" if clash else f"{field!r} is not text")
                continue
            got = cells(name) if name else ("", "", "", "")
            added: list[tuple[str, Any]] = (
                [(c, None) for c in COLUMNS] if not got[0] else
                [("entity_id", got[0]), ("canonical", got[1]), ("score", float(got[2])), ("type", got[3])]
            )  # fmt: skip
            fout.write((bom + line.edited({}, added)).encode("utf-8") + raw[len(body) :])
    for p in problems[:100]:
        sys.stderr.write(f"normalize: {p}\n")
    if first_keys is not None and not found:
        keys = ", ".join(first_keys) or "none"
        raise InputError(f"{path}: no object has the field {field!r} (the keys of the first object: {keys})")
    return EXIT_PARTIAL if problems else EXIT_OK
