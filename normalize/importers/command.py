"""``normalize tables import FORMAT [SOURCE] -o FILE``: the options and the run."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

SHOWN = 100  # problems written to standard error; --report FILE gets every one


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The options of ``tables import``."""
    p.add_argument(
        "format", choices=["ftm", "wikidata", "csv"], help="FollowTheMoney JSON lines, Wikidata entity JSON, CSV"
    )
    p.add_argument("source", nargs="?", help="the file to import (standard input when none)")
    p.add_argument("-o", "--output", required=True, help="the entity file to write or merge into (a .yaml file)")
    p.add_argument("--report", help="write every record not imported, with its line and reason, to FILE (JSON Lines)")
    w = p.add_argument_group("wikidata")
    w.add_argument("--languages", help="languages of the labels and aliases, comma-separated, or `all`")
    w.add_argument("--classes", help="the classes file (default: the bundled tables/wikidata_classes.yaml)")
    c = p.add_argument_group("csv")
    c.add_argument("--id", dest="id_column", help="the column of each row's id (required for csv)")
    c.add_argument(
        "--name", dest="name_columns", action="append", default=[], help="a column holding a name (repeatable)"
    )
    c.add_argument("--type", dest="type_column", help="the column of the type (person, organization, place)")
    c.add_argument("--gender", dest="gender_column", help="the column of the gender (m, f, male, female)")
    c.add_argument("--canonical", dest="canonical_column", help="the column of the canonical form")
    c.add_argument("--default-type", choices=["person", "organization", "place"], default="person",
                   help="the type of a row without one (default person)")  # fmt: skip
    c.add_argument("--separator", default="", help="split each name cell by this text (e.g. ';')")
    c.add_argument("--source-name", help="the source of the ids (default: the file's name)")


def run(args: argparse.Namespace) -> int:
    """Import, print what was done; 1 when some records were bad, 0 otherwise."""
    from ..errors import InputError
    from .csvfile import Columns, source_name
    from .run import Options, import_file

    options = Options(classes=args.classes)
    if args.languages:
        langs = tuple(s.strip() for s in args.languages.split(",") if s.strip())
        options.every_language = langs == ("all",)
        options.languages = None if options.every_language else langs
    src = Path(args.source) if args.source and args.source != "-" else None
    if args.format == "csv":
        if not args.id_column or not args.name_columns:
            raise InputError("a CSV import needs --id COLUMN and at least one --name COLUMN")
        options.columns = Columns(
            args.id_column, tuple(args.name_columns), args.type_column, args.gender_column,
            args.canonical_column, args.default_type,
            source_name(args.source_name or (src.stem if src is not None else "csv")), args.separator,
        )  # fmt: skip
    if src is not None and not src.is_file():
        raise InputError(f"no such file: {src}")
    with open(src, "rb") if src is not None else sys.stdin.buffer as fh:
        result = import_file(args.format, src, fh, Path(args.output), options)
    name = str(src) if src is not None else "<stdin>"
    bad = [s for s in result.skipped if s.bad]
    for s in bad[:SHOWN]:
        sys.stderr.write(f"normalize: {name}:{s.line}: {s.reason}\n")
    if len(bad) > SHOWN:
        sys.stderr.write(f"normalize: ... and {len(bad) - SHOWN} more bad records\n")
    others = Counter(s.reason if not s.reason.startswith("already in") else "already in a file written by hand"
                     for s in result.skipped if not s.bad)  # fmt: skip
    if args.report:
        from ..outfile import output_file

        with output_file(Path(args.report)) as out:
            for s in result.skipped:
                rec = {"line": s.line, "reason": s.reason, "bad": s.bad}
                out.write(json.dumps(rec, ensure_ascii=False).encode("utf-8") + b"\n")
    files = ", ".join(result.files) or "no file changed"
    sys.stdout.write(
        f"{files}: {result.new} new, {result.merged} merged, {result.unchanged} unchanged; "
        f"{len(bad)} bad records, {sum(others.values())} not imported\n"
    )
    for reason, n in sorted(others.items(), key=lambda kv: -kv[1]):
        sys.stdout.write(f"  not imported: {n} × {reason}\n")
    return 1 if bad else 0
