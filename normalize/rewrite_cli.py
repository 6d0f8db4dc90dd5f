"""``normalize rewrite``: files, folders or standard input; streaming, in order, on several cores.

Before anything is written, every path is checked: no output may be an input or another output
(through symbolic and hard links), and two inputs never share an output. Each output is written
whole or not at all (:mod:`normalize.outfile`); a file being read that changes during the run
(it grows, or is cut) stops the run with nothing written for it.
"""

from __future__ import annotations

import argparse
import gc
import json
import multiprocessing as mp
import os
import shutil
import signal
import stat
import sys
from collections import Counter, deque
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .buildjobs import processes
from .csvfile import rewrite_csv
from .errors import InputError
from .errors import TableProblem as Problem
from .exitcodes import EXIT_OK, EXIT_PARTIAL
from .index import gc_relaxed
from .io import (
    BadInput,
    Chunk,
    ChunkResult,
    LineProcessor,
    RangeReader,
    Stats,
    detect_format,
    line_ranges,
    process_chunk,
    read_chunks,
)
from .outfile import is_stream_path, output_file, part_name, real_target, remove_stale_parts, same_file
from .resolver import Normalizer
from .rewrite import Rewriter

CHUNK_BYTES = 1 << 20
# with --jobs, a file is cut into ranges of whole lines, each 1/RANGE_SHARE of what is left for
# each worker, within these bounds: large ranges first, small ones last, so that no worker waits
# long for another at the end
MIN_RANGE_BYTES = 1 << 20
MAX_RANGE_BYTES = 64 << 20
RANGE_SHARE = 8
_WORKER: LineProcessor | None = None


class Interrupted(KeyboardInterrupt):
    """SIGTERM, turned into an interrupt so that temporary output is cleaned up."""


def _on_term(signum: int, frame: object) -> None:
    raise Interrupted()


def _work(chunk: Chunk, count: bool) -> ChunkResult:
    assert _WORKER is not None
    return process_chunk(_WORKER, chunk, count)


@dataclass
class RangeResult:
    """What a worker made of one range of a file: its output is in the file ``part``; problems
    carry line numbers counted from the start of the range."""

    part: str
    newlines: int
    lines: int
    out_bytes: int
    problems: list[tuple[int, str]]
    mentions: int
    counts: Counter[tuple[str, str]] | None
    seen: set[str]
    first_keys: tuple[str, ...] | None


def _work_range(task: tuple[int, int, int, str, bool]) -> RangeResult:
    """Read, rewrite and write one range of lines, all in the worker: the parent only joins. The
    file is read through the descriptor the parent opened (the same file, whatever its name
    now points to)."""
    assert _WORKER is not None
    proc = _WORKER
    fd, start, end, part, count = task
    lines = out_bytes = mentions = 0
    last: Chunk = (1, b"", 0, 0)
    problems: list[tuple[int, str]] = []
    counts: Counter[tuple[str, str]] | None = Counter() if count else None
    seen: set[str] = set()
    first_keys: tuple[str, ...] | None = None
    with open(part, "wb") as fout:
        for chunk in read_chunks(RangeReader(fd, start, end, CHUNK_BYTES), CHUNK_BYTES):
            last = chunk
            res = process_chunk(proc, chunk, count)
            lines += res.lines
            mentions += res.mentions
            out_bytes += len(res.out)
            fout.write(res.out)
            seen |= res.seen
            first_keys = first_keys if first_keys is not None else res.first_keys
            if counts is not None and res.counts:
                counts.update(res.counts)
            if res.problems:
                problems.extend(res.problems)
                if proc.on_error == "fail":
                    break
    newlines = last[0] - 1 + last[2]  # the number of the last chunk's first line tells the rest
    return RangeResult(part, newlines, lines, out_bytes, problems, mentions, counts, seen, first_keys)


def _worker_init() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


class Progress:
    """A progress line on a terminal (tqdm), silent otherwise: the bytes of input read, never more
    than the input holds."""

    def __init__(self, total: int, enabled: bool) -> None:
        from tqdm import tqdm

        self.total = total
        self.done = 0
        self.bar = tqdm(
            total=total or None, unit="B", unit_scale=True, disable=not (enabled and sys.stderr.isatty()), leave=False
        )

    def add(self, n: int) -> None:
        if self.total:
            n = min(n, self.total - self.done)
        self.done += n
        self.bar.update(n)

    def close(self) -> None:
        self.bar.close()


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)


def _inputs(paths: list[str], hidden: bool) -> list[tuple[Path | None, Path]]:
    """(file, path relative to its root) for every input; (None, '-') for standard input. In a
    folder, hidden files and folders (``.git/``, a killed run's ``.parts/``) are left out unless
    ``hidden``."""
    if not paths:
        return [(None, Path("-"))]
    out: list[tuple[Path | None, Path]] = []
    for p in paths:
        path = Path(p)
        if p == "-":
            out.append((None, Path("-")))
        elif path.is_dir():
            for f in sorted(path.rglob("*")):
                rel = f.relative_to(path)
                if f.is_file() and (hidden or not _hidden(rel)) and not f.name.endswith((".part", ".parts")):
                    out.append((f, rel))
        elif path.is_file() or (path.exists() and not path.is_dir()):
            out.append((path, Path(path.name)))
        else:
            raise InputError(f"no such file or folder: {p}")
    if sum(1 for src, _ in out if src is None) > 1:
        raise InputError("standard input (-) can be read once: it is given twice")
    return out


def _side_path(args: argparse.Namespace, target: Path | None, fmt: str) -> Path | None:
    """Where annotate mode writes the mentions of a plain-text input (None: not written apart)."""
    if args.mode != "annotate" or fmt != "text":
        return None
    if args.mentions:
        return Path(args.mentions)
    return Path(str(target) + ".mentions.jsonl") if target is not None else None


def _check_paths(
    args: argparse.Namespace, inputs: list[tuple[Path | None, Path]], targets: list[Path | None], stream_out: bool
) -> None:
    """Refuse (exit 2) any output that is an input or another output, through links; and two
    inputs that would be written to one output."""
    srcs = [src for src, _ in inputs if src is not None]
    outs: list[tuple[Path, str]] = []  # (path, what writes it)
    if not stream_out:
        for (src, _), target in zip(inputs, targets, strict=True):
            if target is not None:
                outs.append((target, f"the output of {src if src is not None else 'standard input'}"))
    side_once = set()
    for (src, _), target in zip(inputs, targets, strict=True):
        side = _side_path(args, target, detect_format(str(src) if src else None, args.format))
        if side is not None and str(side) not in side_once and not is_stream_path(side):
            side_once.add(str(side))
            outs.append((side, "the mentions file"))
    if args.report and args.report != "-" and not is_stream_path(args.report):
        outs.append((Path(args.report), "the report"))
    for out, what in outs:
        for src in srcs:
            if same_file(out, src):
                raise InputError(f"{what} is {out}, which is the input itself ({src}); write to another path")
    for i, (a, what_a) in enumerate(outs):
        for b, what_b in outs[i + 1 :]:
            if same_file(a, b):
                raise InputError(f"{a} would be written twice ({what_a} and {what_b}); give each its own path")


def run_rewrite(args: argparse.Namespace, normalizer: Normalizer) -> int:
    rewriter = Rewriter(normalizer, threshold=args.threshold, policy=args.policy, keep_case=args.keep_case)
    inputs = _inputs(args.inputs, args.hidden)
    out_arg = args.output
    stream_out = out_arg is not None and is_stream_path(out_arg)
    many = len(inputs) > 1 or any(Path(p).is_dir() for p in args.inputs)
    if out_arg is not None and many and not stream_out and Path(out_arg).exists() and not Path(out_arg).is_dir():
        raise InputError(f"several inputs need an output folder, and {out_arg} is a file")
    targets: list[Path | None] = []
    for src, rel in inputs:
        target = None if out_arg is None or stream_out else (Path(out_arg) / rel if many else Path(out_arg))
        if target is not None and src is not None and many and src.resolve().is_relative_to(Path(out_arg).resolve()):
            raise InputError(f"the output folder {out_arg} holds the input {src}; write to another folder")
        targets.append(target)
    _check_paths(args, inputs, targets, stream_out)
    jobs = processes(args.jobs)
    stats = Stats()
    old = signal.signal(signal.SIGTERM, _on_term)
    # The index lives as long as the run: keep the collector from walking all of it again and again
    # while the scan makes and drops its small objects, and let it run less often (workers forked
    # from here keep both).
    gc.freeze()
    try:
        with ExitStack() as run, gc_relaxed():
            shared_out = run.enter_context(output_file(out_arg)) if stream_out else None
            # one mentions file for the whole run: each input's mentions in it, with its name
            shared_side = None
            if args.mode == "annotate" and args.mentions:
                shared_side = run.enter_context(output_file(args.mentions))
            for (src, _rel), target in zip(inputs, targets, strict=True):
                source = (str(src) if src else "-") if shared_side is not None and many else None
                _rewrite_input(args, rewriter, src, target, jobs, stats, shared_out, shared_side, source)
    finally:
        gc.unfreeze()
        signal.signal(signal.SIGTERM, old)
    for p in stats.problems[:100]:
        sys.stderr.write(f"normalize: {p}\n")
    if len(stats.problems) > 100:
        sys.stderr.write(f"normalize: ... and {len(stats.problems) - 100} more bad lines\n")
    if args.report:
        rep = json.dumps(stats.report(lambda e: _canonical(normalizer, e)), ensure_ascii=False, indent=1)
        if args.report == "-":
            sys.stderr.write(rep + "\n")
        else:
            with output_file(args.report) as fh:
                fh.write(rep.encode("utf-8") + b"\n")
    return EXIT_PARTIAL if stats.bad_lines else EXIT_OK


def _rewrite_input(
    args: argparse.Namespace,
    rewriter: Rewriter,
    src: Path | None,
    target: Path | None,
    jobs: int,
    stats: Stats,
    shared_out: IO[bytes] | None,
    shared_side: IO[bytes] | None,
    source: str | None,
) -> None:
    """One input (a file, or standard input when ``src`` is None) to its target (standard output,
    or the run's output stream, when None), in its own format."""
    fmt = detect_format(str(src) if src else None, args.format)
    name = str(src) if src else "<stdin>"
    with ExitStack() as stack:
        fin: IO[bytes] = stack.enter_context(src.open("rb")) if src else sys.stdin.buffer
        before = os.fstat(fin.fileno()) if src else None
        if target is not None:
            fout: IO[bytes] = stack.enter_context(output_file(target))
        else:
            fout = shared_out if shared_out is not None else sys.stdout.buffer
        side: IO[bytes] | None = shared_side
        side_path = _side_path(args, target, fmt)
        if side is None and side_path is not None:
            side = stack.enter_context(output_file(side_path))
        if side is None and args.mode == "annotate" and fmt == "text":
            raise InputError("annotate mode on plain text to standard output needs --mentions FILE")
        regular = before is not None and stat.S_ISREG(before.st_mode)
        total = before.st_size if before is not None and regular else 0
        progress = Progress(total, not args.quiet)
        if fmt == "csv":
            rewrite_csv(fin, fout, rewriter, args.mode, args.column, args.on_error, name, stats,
                        encoding=args.encoding, delimiter=args.delimiter, mentions_key=args.mentions_key)  # fmt: skip
        else:
            proc = LineProcessor(rewriter, fmt, args.mode, args.field, args.on_error, args.mentions_key)
            proc.source = source
            if jobs > 1 and regular and target is not None and side is None:
                seen = _parallel_file(proc, fin, total, fout, target, name, stats, progress, jobs, bool(args.report))
            else:
                seen = _stream(proc, fin, fout, side, name, stats, progress, jobs, bool(args.report))
            if fmt == "jsonl" and args.field and seen[1] is not None:
                _check_fields(args.field, seen, name)
        progress.close()
        if before is not None and regular:
            _check_unchanged(fin, before, name)  # before the output is moved into place


def _check_fields(fields: list[str], seen: tuple[set[str], tuple[str, ...] | None], name: str) -> None:
    """Stop (before the output is moved into place) when a --field asked for is in no object."""
    missing = [f for f in fields if f not in seen[0]]
    if missing:
        keys = ", ".join(seen[1] or ()) or "none"
        raise InputError(f"{name}: no object has the field {missing[0]!r} (the keys of the first object: {keys})")


def _check_unchanged(fin: IO[bytes], before: os.stat_result, name: str) -> None:
    """Stop the run (before its output is moved into place) when the file read changed while it was
    read: it grew or was cut (a log rotated in place), so the output would mix two files."""
    now = os.fstat(fin.fileno())
    if (now.st_size, now.st_mtime_ns) != (before.st_size, before.st_mtime_ns):
        raise InputError(f"{name} changed while it was read (its size or time changed): nothing written for it")


def _canonical(n: Normalizer, eid: str) -> str:
    idx = n._by_id.get(eid)
    return n.index.entries[idx].record.canonical if idx is not None else eid


def _add_problems(stats: Stats, proc: LineProcessor, name: str, problems: list[tuple[int, str]], base: int) -> None:
    for no, message in problems:
        stats.bad_lines += 1
        stats.problems.append(Problem(name, base + no, message))
        if proc.on_error == "fail":
            raise BadInput(f"{name}:{base + no}: {message}")


def _add_counts(stats: Stats, counts: Counter[tuple[str, str]] | None) -> None:
    if counts:
        for (eid, surface), c in counts.items():
            stats.per_entity[eid] += c
            stats.per_surface[(eid, surface)] += c


def _fork_pool(proc: LineProcessor, jobs: int) -> Any:
    global _WORKER
    _WORKER = proc
    # Keep the collector of the forked workers off the inherited index: walking it would touch
    # (and so copy) every page of it in every worker. run_rewrite unfreezes when the run ends.
    gc.collect()
    gc.freeze()
    return mp.get_context("fork").Pool(jobs, initializer=_worker_init)


def _parallel_file(
    proc: LineProcessor,
    fin: IO[bytes],
    total: int,
    fout: IO[bytes],
    target: Path,
    name: str,
    stats: Stats,
    progress: Progress,
    jobs: int,
    count: bool,
) -> tuple[set[str], tuple[str, ...] | None]:
    """A file on several cores: each worker reads its own ranges of whole lines (through the
    descriptor opened here) and writes each to a part file; the parent appends the parts to the
    output in order (and adds the lines before a range to the line numbers of its problems), so
    that the parent does almost no work itself."""
    ranges = line_ranges(fin, total, MAX_RANGE_BYTES, MIN_RANGE_BYTES, jobs * RANGE_SHARE)
    seen: set[str] = set()
    first_keys: tuple[str, ...] | None = None
    if not ranges:
        return seen, first_keys
    real = real_target(target)
    remove_stale_parts(real)
    parts = part_name(real, ".parts")
    parts.mkdir(mode=0o700)
    global _WORKER
    pool = None
    try:
        pool = _fork_pool(proc, jobs)
        fd = fin.fileno()
        tasks = [(fd, a, b, str(parts / f"{k:06d}"), count) for k, (a, b) in enumerate(ranges)]
        base = 0
        for (a, b), res in zip(ranges, pool.imap(_work_range, tasks), strict=True):
            stats.lines += res.lines
            stats.mentions += res.mentions
            _add_problems(stats, proc, name, res.problems, base)
            _add_counts(stats, res.counts)
            with open(res.part, "rb") as part:
                shutil.copyfileobj(part, fout, CHUNK_BYTES)
            os.unlink(res.part)
            base += res.newlines
            progress.add(b - a)
            seen |= res.seen
            first_keys = first_keys if first_keys is not None else res.first_keys
        pool.close()
    except BaseException:
        if pool is not None:
            pool.terminate()
        raise
    finally:
        if pool is not None:
            pool.join()
        _WORKER = None
        shutil.rmtree(parts, ignore_errors=True)
    return seen, first_keys


def _stream(
    proc: LineProcessor,
    fin: IO[bytes],
    fout: IO[bytes],
    side: IO[bytes] | None,
    name: str,
    stats: Stats,
    progress: Progress,
    jobs: int,
    count: bool,
) -> tuple[set[str], tuple[str, ...] | None]:
    """Chunks read here, rewritten here or by a pool of workers, written in order; returns the
    fields asked for that an object held and the first object's keys (JSON Lines)."""
    seen: set[str] = set()
    keys: list[tuple[str, ...]] = []

    def emit(res: ChunkResult, size: int) -> None:
        stats.lines += res.lines
        stats.mentions += res.mentions
        progress.add(size)  # bytes read
        _add_problems(stats, proc, name, res.problems, 0)
        _add_counts(stats, res.counts)
        fout.write(res.out)
        if side is not None and res.side:
            side.write(res.side)
        seen.update(res.seen)
        if res.first_keys is not None and not keys:
            keys.append(res.first_keys)

    chunks = read_chunks(fin, CHUNK_BYTES)
    if jobs <= 1:
        for chunk in chunks:
            emit(process_chunk(proc, chunk, count), len(chunk[1]))
        return seen, keys[0] if keys else None
    global _WORKER
    pool = _fork_pool(proc, jobs)
    try:
        pending: deque[tuple[Any, int]] = deque()
        for chunk in chunks:
            pending.append((pool.apply_async(_work, (chunk, count)), len(chunk[1])))
            while len(pending) > 2 * jobs:
                job, size = pending.popleft()
                emit(job.get(), size)
        while pending:
            job, size = pending.popleft()
            emit(job.get(), size)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
        _WORKER = None
    return seen, keys[0] if keys else None
