"""The ``normalize`` command: ``translit``, ``schemes``, ``variants``, ``tables`` (``check``,
``stats``, ``import``), ``resolve``, ``explain``, ``rewrite``, ``discover`` and ``build-index``.

Exit codes: 0 success; 1 some input lines could not be processed (reported, passed through or
skipped); 2 usage, input or table error; 3 a file could not be read or written (disk full, read-only
folder); 130 interrupted (SIGINT or SIGTERM). On any non-zero exit no partial output is left.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence

from .errors import InputError, NormalizeError, TableError
from .exitcodes import EXIT_INTERRUPTED, EXIT_IO, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE

__all__ = ["EXIT_INTERRUPTED", "EXIT_IO", "EXIT_OK", "EXIT_PARTIAL", "EXIT_USAGE", "build_parser", "main"]


def _stdin_lines() -> Iterator[str]:
    data = sys.stdin.buffer
    for raw in data:
        yield raw.decode("utf-8", errors="replace").rstrip("\r\n")


def _args_or_stdin(values: Sequence[str]) -> Iterator[str]:
    if values:
        yield from values
    else:
        yield from _stdin_lines()


def _out(line: str) -> None:
    sys.stdout.write(line + "\n")


def cmd_translit(args: argparse.Namespace) -> int:
    from .translit import default_tables, transliterate
    from .variants import variants

    tables = default_tables() if args.tables is None else _load(args.tables, entities=False)
    for text in _args_or_stdin(args.text):
        if args.all:
            vs = variants(text, language=args.language, schemes=tables.schemes)
            if args.json:
                _out(json.dumps({"input": text, "variants": vs}, ensure_ascii=False))
            else:
                _out("\t".join(vs))
        else:
            res = transliterate(text, args.scheme, language=args.language, schemes=tables.schemes)
            _out(json.dumps({"input": text, "output": res}, ensure_ascii=False) if args.json else res)
    return EXIT_OK


def cmd_schemes(args: argparse.Namespace) -> int:
    from .translit import default_tables, list_schemes

    tables = default_tables() if args.tables is None else _load(args.tables, entities=False)
    infos = list_schemes(tables.schemes)
    if args.json:
        _out(json.dumps([i.__dict__ for i in infos], ensure_ascii=False, indent=1))
    else:
        for i in infos:
            _out(f"{i.id:22} {i.language}  {i.name}")
    return EXIT_OK


def _load(folder: str | None, *, entities: bool = True, default_tables: bool = True):  # type: ignore[no-untyped-def]
    from .tables import load_tables

    return load_tables(folder, entities=entities, default_tables=default_tables)


def _default_tables(args: argparse.Namespace) -> bool:
    """False with --no-default-tables, which needs a folder of the user's own."""
    if not getattr(args, "no_default_tables", False):
        return True
    from .tables import user_tables_dir

    if user_tables_dir(getattr(args, "tables", None) or getattr(args, "folder", None)) is None:
        raise InputError("--no-default-tables needs a tables folder of your own (--tables DIR or NORMALIZE_TABLES)")
    return False


def cmd_tables_check(args: argparse.Namespace) -> int:
    tables = _load(args.folder, default_tables=_default_tables(args))
    for w in tables.warnings:
        _out(f"warning: {w}")
    _out(
        f"ok: {len(tables.schemes)} schemes ({sum(len(s.samples) for s in tables.schemes)} samples checked), "
        f"{len(tables.cognates)} cognate sets, {len(tables.given_names)} given names, "
        f"{len(tables.vocabulary.initials)} organisation words, "
        f"{len(tables.entities)} entities"
    )
    return EXIT_OK


def cmd_tables_import(args: argparse.Namespace) -> int:
    from .importers.command import run

    return run(args)


def _add_discover_arguments(p: argparse.ArgumentParser) -> None:
    from .discover_cli import add_arguments

    add_arguments(p)


def _add_import_arguments(p: argparse.ArgumentParser) -> None:
    from .importers.command import add_arguments

    add_arguments(p)


def cmd_tables_schemas(args: argparse.Namespace) -> int:
    from .tables import default_tables_dir

    folder = default_tables_dir() / "json-schema"
    for path in sorted(folder.glob("*.schema.json")):
        _out(str(path))
    return EXIT_OK


def _normalizer(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from .errors import InputError
    from .resolver import Normalizer

    index = getattr(args, "index", None)
    if index:
        if args.tables:
            raise InputError("--tables and --index exclude each other: an index holds the tables it was built from")
        from .store import load_index

        return load_index(index)
    default_tables = _default_tables(args)
    if args.tables or not default_tables:
        return Normalizer.load(args.tables, default_tables=default_tables, jobs=_jobs(args))
    return Normalizer.default()


def _jobs(args: argparse.Namespace) -> int:
    """The processes ``--jobs`` asks for (1 where the command has none)."""
    from .buildjobs import processes

    return processes(int(getattr(args, "jobs", 1)))


def _candidate_dict(c) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {"entity_id": c.entity_id, "canonical": c.canonical, "score": c.score, "type": c.type,
            "prominence": c.prominence}  # fmt: skip


def cmd_resolve(args: argparse.Namespace) -> int:
    from .resolver import check_options

    check_options(args.threshold, args.policy)
    if getattr(args, "column", None) or getattr(args, "field", None):
        n = _normalizer(args)
        from .resolve_cli import run_resolve_file

        return run_resolve_file(args, n)
    n = _normalizer(args)
    for mention in _args_or_stdin(args.mention):
        m = n.resolve(mention, threshold=args.threshold, policy=args.policy)
        if args.explain:
            _out(m.explain() if m else f"{mention!r} -> no match" + _candidates_note(n, mention))
            continue
        if args.json:
            rec: dict[str, object] = {"mention": mention, "match": None}
            if m is not None:
                rec["match"] = {
                    "entity_id": m.entity_id, "canonical": m.canonical, "score": m.score, "type": m.type,
                    "ambiguous": m.ambiguous,
                    "candidates": [_candidate_dict(c) for c in m.candidates],
                }  # fmt: skip
            elif args.policy != "first":
                rec["candidates"] = [_candidate_dict(c) for c in n.candidates(mention)[:3]]
            _out(json.dumps(rec, ensure_ascii=False))
        else:
            _out(f"{mention}\t{m.entity_id}\t{m.canonical}\t{m.score:.3f}" if m else f"{mention}\t-\t-\t-")
    return EXIT_OK


def _candidates_note(n, mention: str) -> str:  # type: ignore[no-untyped-def]
    cands = n.candidates(mention)[:3]
    if not cands:
        return ""
    return "; closest: " + ", ".join(f"{c.canonical} [{c.entity_id}] {c.score:.3f}" for c in cands)


def cmd_explain(args: argparse.Namespace) -> int:
    args.explain = True
    return cmd_resolve(args)


def cmd_rewrite(args: argparse.Namespace) -> int:
    from .resolver import check_options
    from .rewrite_cli import run_rewrite

    check_options(args.threshold, args.policy)
    return run_rewrite(args, _normalizer(args))


def cmd_discover(args: argparse.Namespace) -> int:
    from .discover_cli import run

    return run(args, _normalizer(args))


def cmd_build_index(args: argparse.Namespace) -> int:
    from .resolver import Normalizer
    from .store import save_index, tables_fingerprint
    from .tables import user_tables_dir

    default_tables = _default_tables(args)
    n = Normalizer.load(args.folder, cache=False, default_tables=default_tables, jobs=_jobs(args))
    save_index(n, args.output, tables_fingerprint(user_tables_dir(args.folder), default_tables=default_tables))
    _out(f"wrote {args.output}: {len(n.index.entries)} entities")
    return EXIT_OK


def cmd_tables_stats(args: argparse.Namespace) -> int:
    import time
    import tracemalloc

    from .resolver import Normalizer
    from .store import index_bytes

    default_tables = _default_tables(args)
    tracemalloc.start()
    t0 = time.perf_counter()
    n = Normalizer.load(args.folder, cache=False, default_tables=default_tables)
    secs = time.perf_counter() - t0
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    idx = n.index
    types: dict[str, int] = {}
    for e in idx.entries:
        types[e.record.type] = types.get(e.record.type, 0) + 1
    stats = {
        "entities": len(idx.entries),
        "by_type": types,
        "schemes": len(n.tables.schemes),
        "cognate_sets": len(n.tables.cognates),
        "keys": len(idx.by_key),
        "near_key_pairs": len(idx.by_deletion),
        "surface_forms": sum(len(e.surfaces) for e in idx.entries),
        "build_seconds": round(secs, 2),
        "index_memory_mib": round(current / 2**20, 1),
        "build_peak_memory_mib": round(peak / 2**20, 1),
        "serialized_mib": round(len(index_bytes(n)) / 2**20, 1),
    }
    if args.json:
        _out(json.dumps(stats, ensure_ascii=False))
    else:
        for k, v in stats.items():
            _out(f"{k:22} {v}")
    return EXIT_OK


def _add_match_options(p: argparse.ArgumentParser) -> None:
    from .resolver import DEFAULT_THRESHOLD

    p.add_argument(
        "--tables", help="a folder of your own tables, added to the bundled ones (default: $NORMALIZE_TABLES)"
    )
    _add_no_default(p)
    p.add_argument("--index", help="a serialized index made by `normalize build-index` (instead of --tables)")
    p.add_argument(
        "--threshold",
        type=float,
        default=DEFAULT_THRESHOLD,
        help=f"lowest score accepted (default {DEFAULT_THRESHOLD})",
    )
    p.add_argument(
        "--policy", choices=["prominent", "abstain", "first"], default="prominent",
        help="when entities tie: take the more prominent (default), abstain, or take the first",
    )  # fmt: skip


def version_text() -> str:
    """``normalize --version``: the distribution, its version, and whether the build is compiled."""
    import importlib.util
    import platform

    from . import __version__

    spec = importlib.util.find_spec("normalize.index")
    compiled = spec is not None and not str(spec.origin).endswith(".py")
    kind = "compiled with mypyc" if compiled else "plain Python"
    return f"normalize-names {__version__} ({kind}; Python {platform.python_version()})"


class _VersionAction(argparse.Action):
    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="print the version and whether the build is compiled")

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        _out(version_text())
        parser.exit()


def _add_no_default(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--no-default-tables",
        action="store_true",
        help="leave the bundled entities out: your tables alone (the rules your folder lacks stay the bundled ones)",
    )


def _add_csv_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--delimiter", help="CSV: the delimiter (default: found in the first lines, else , or tab for .tsv)")
    p.add_argument("--encoding", default="utf-8", help="CSV: the text encoding (default utf-8; cp1251, koi8-r ...)")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="normalize", description="Normalize Belarusian and Russian names.")
    p.add_argument("--version", action=_VersionAction)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    t = sub.add_parser("translit", help="romanize Cyrillic text with one scheme, or list every variant")
    t.add_argument("text", nargs="*", help="text to romanize (standard input, one a line, when none)")
    t.add_argument("--scheme", default="ru-bgn-pcgn", help="scheme id or family (default: ru-bgn-pcgn)")
    t.add_argument("--all", action="store_true", help="every spelling under every scheme")
    t.add_argument("--language", choices=["ru", "be"], help="force the language of the Cyrillic")
    t.add_argument("--tables", help="a tables folder (default: the bundled tables)")
    t.add_argument("--json", action="store_true", help="JSON Lines output")
    t.set_defaults(func=cmd_translit)

    s = sub.add_parser("schemes", help="list the transliteration schemes")
    s.add_argument("--tables", help="a tables folder (default: the bundled tables)")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_schemes)

    tb = sub.add_parser("tables", help="check table files")
    tsub = tb.add_subparsers(dest="tables_command", metavar="ACTION")
    tsub.required = True
    c = tsub.add_parser("check", help="check a tables folder and report every problem with file and line")
    c.add_argument(
        "folder", nargs="?", help="your tables folder, checked with the bundled ones (default: $NORMALIZE_TABLES)"
    )
    _add_no_default(c)
    c.set_defaults(func=cmd_tables_check)

    sc = tsub.add_parser("schemas", help="where the JSON Schemas of the table files are (for editors)")
    sc.set_defaults(func=cmd_tables_schemas)

    st = tsub.add_parser("stats", help="counts, index size and memory of a tables folder")
    st.add_argument("folder", nargs="?", help="your tables folder, with the bundled ones (default: $NORMALIZE_TABLES)")
    _add_no_default(st)
    st.add_argument("--json", action="store_true")
    st.set_defaults(func=cmd_tables_stats)

    im = tsub.add_parser("import", help="write entity files from FollowTheMoney, Wikidata or CSV data (merging)")
    _add_import_arguments(im)
    im.set_defaults(func=cmd_tables_import)

    b = sub.add_parser("build-index", help="compile tables into an index file that workers load in milliseconds")
    b.add_argument("folder", nargs="?", help="your tables folder, with the bundled ones (default: $NORMALIZE_TABLES)")
    _add_no_default(b)
    b.add_argument("-o", "--output", required=True, help="the index file to write")
    b.add_argument("--jobs", type=int, default=1, help="processes that build it (default 1; 0 = all cores)")
    b.set_defaults(func=cmd_build_index)

    r = sub.add_parser("resolve", help="resolve mentions to entities, or a column of a CSV or JSON Lines file")
    r.add_argument(
        "mention", nargs="*",
        help="mentions (standard input, one a line, when none); with --column or --field, one file (- for "
        "standard input)",
    )  # fmt: skip
    _add_match_options(r)
    r.add_argument("--json", action="store_true", help="JSON Lines output")
    r.add_argument("--explain", action="store_true", help="say why each mention matched")
    r.add_argument("--column", help="CSV: the column of names; adds entity_id, canonical, score and type columns")
    r.add_argument("--field", help="JSON Lines: the field of names; adds entity_id, canonical, score and type keys")
    r.add_argument("--format", choices=["jsonl", "csv"], help="the file's format (default: by its name)")
    r.add_argument("-o", "--output", help="with --column or --field: the file to write (standard output when none)")
    r.add_argument("--on-error", choices=["pass", "skip", "fail"], default="pass", help="bad JSON lines (as rewrite)")
    _add_csv_options(r)
    r.set_defaults(func=cmd_resolve)

    e = sub.add_parser("explain", help="resolve mentions and say why they matched")
    e.add_argument("mention", nargs="*")
    _add_match_options(e)
    e.set_defaults(func=cmd_explain, json=False)

    w = sub.add_parser("rewrite", help="find and normalize every mention in text, JSON Lines or CSV files")
    w.add_argument("inputs", nargs="*", metavar="FILE|DIR", help="files or folders (standard input when none)")
    w.add_argument("-o", "--output", help="output file, or folder for several inputs (standard output when none)")
    w.add_argument("--mode", choices=["replace", "annotate", "canonical-script"], default="replace")
    w.add_argument("--format", choices=["text", "jsonl", "csv"], help="input format (default: by file name; text)")
    w.add_argument(
        "--field", action="append", default=[], help="JSON Lines field to rewrite (repeatable; default text)"
    )
    w.add_argument("--column", action="append", default=[], help="CSV column to rewrite (repeatable; default all)")
    w.add_argument(
        "--mentions",
        help="plain text in annotate mode: where to write the mentions (JSON Lines; one file for all inputs, "
        "each record with its input's name when there are several)",
    )
    w.add_argument(
        "--mentions-key", default="mentions",
        help="annotate mode: the JSON key or CSV column that receives the mentions (default mentions; a line "
        "whose object has it already is a bad line)",
    )  # fmt: skip
    w.add_argument("--hidden", action="store_true", help="in folders, also rewrite hidden files and folders (.name)")
    _add_csv_options(w)
    w.add_argument(
        "--report", nargs="?", const="-", help="write counts per entity and surface form (to FILE, or stderr)"
    )
    w.add_argument(
        "--on-error",
        choices=["pass", "skip", "fail"],
        default="pass",
        help="bad lines (broken UTF-8, invalid JSON): pass through unchanged (default), skip, or stop",
    )
    w.add_argument("--keep-case", action="store_true", help="write ALL-CAPS mentions' replacements in capitals")
    w.add_argument("--jobs", type=int, default=1, help="worker processes (default 1; 0 = all cores)")
    w.add_argument("--quiet", action="store_true", help="no progress bar")
    _add_match_options(w)
    w.set_defaults(func=cmd_rewrite)

    d = sub.add_parser("discover", help="list the people a corpus mentions that the tables lack, as draft entities")
    _add_discover_arguments(d)
    d.set_defaults(func=cmd_discover)
    return p


def _show_warning(message: Warning | str, category: type[Warning], *args: object, **kwargs: object) -> None:
    """A warning as one line among the command's messages (no source line, no Python names)."""
    text = str(message)
    sys.stderr.write(f"{text if text.startswith('normalize:') else 'normalize: ' + text}\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    import warnings

    warnings.showwarning = _show_warning
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except TableError as exc:
        sys.stderr.write(f"normalize: table problems:\n{exc}\n")
        return EXIT_USAGE
    except NormalizeError as exc:
        sys.stderr.write(f"normalize: {exc}\n")
        return EXIT_USAGE
    except OSError as exc:
        sys.stderr.write(f"normalize: {exc.strerror or exc}: {exc.filename or ''}\n")
        return EXIT_IO
    except KeyboardInterrupt:
        sys.stderr.write("normalize: interrupted\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK
