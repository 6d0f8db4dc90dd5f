"""``normalize rewrite``: files, folders or standard input; streaming, in order, on several cores."""

from __future__ import annotations

import argparse
import gc
import json
import multiprocessing as mp
import os
import shutil
import signal
import sys
import tempfile
import time
from collections import Counter, deque
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .cli import EXIT_OK, EXIT_PARTIAL
from .errors import InputError
from .errors import TableProblem as Problem
from .index import gc_relaxed
from .io import (
    BadInput,
    Chunk,
    ChunkResult,
    LineProcessor,
    RangeReader,
    Stats,
    atomic_output,
    detect_format,
    line_ranges,
    process_chunk,
    read_chunks,
    rewrite_csv,
)
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


def _work_range(task: tuple[str, int, int, str, bool]) -> RangeResult:
    """Read, rewrite and write one range of lines, all in the worker: the parent only joins."""
    assert _WORKER is not None
    proc = _WORKER
    path, start, end, part, count = task
    lines = out_bytes = mentions = 0
    last: Chunk = (1, b"", 0)
    problems: list[tuple[int, str]] = []
    counts: Counter[tuple[str, str]] | None = Counter() if count else None
    with open(path, "rb") as fin, open(part, "wb") as fout:
        for chunk in read_chunks(RangeReader(fin, start, end, CHUNK_BYTES), CHUNK_BYTES):
            last = chunk
            res = process_chunk(proc, chunk, count)
            lines += res.lines
            mentions += res.mentions
            out_bytes += len(res.out)
            fout.write(res.out)
            if counts is not None and res.counts:
                counts.update(res.counts)
            if res.problems:
                problems.extend(res.problems)
                if proc.on_error == "fail":
                    break
    newlines = last[0] - 1 + last[2]  # the number of the last chunk's first line tells the rest
    return RangeResult(part, newlines, lines, out_bytes, problems, mentions, counts)


def _worker_init() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


class Progress:
    """A one-line progress display on a terminal; silent otherwise."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total = total
        self.done = 0
        self.enabled = enabled and sys.stderr.isatty()
        self.t0 = self.last = time.monotonic()

    def add(self, n: int) -> None:
        self.done += n
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.last >= 0.25:
            self.last = now
            mb = self.done / 1e6
            rate = mb / max(now - self.t0, 1e-9)
            pct = f"{100 * self.done / self.total:5.1f}% " if self.total else ""
            sys.stderr.write(f"\r{pct}{mb:9.1f} MB  {rate:6.1f} MB/s")
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")


def _inputs(paths: list[str]) -> list[tuple[Path | None, Path]]:
    """(file, path relative to its root) for every input; (None, '-') for standard input."""
    if not paths:
        return [(None, Path("-"))]
    out: list[tuple[Path | None, Path]] = []
    for p in paths:
        path = Path(p)
        if p == "-":
            out.append((None, Path("-")))
        elif path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and not f.name.startswith("."):
                    out.append((f, f.relative_to(path)))
        elif path.is_file():
            out.append((path, Path(path.name)))
        else:
            raise InputError(f"no such file or folder: {p}")
    return out


def _same(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def run_rewrite(args: argparse.Namespace, normalizer: Normalizer) -> int:
    rewriter = Rewriter(normalizer, threshold=args.threshold, policy=args.policy, keep_case=args.keep_case)
    inputs = _inputs(args.inputs)
    out_arg = Path(args.output) if args.output else None
    many = len(inputs) > 1 or any(Path(p).is_dir() for p in args.inputs)
    if out_arg is not None and many and out_arg.exists() and not out_arg.is_dir():
        raise InputError(f"several inputs need an output folder, and {out_arg} is a file")
    targets: list[Path | None] = []
    for src, rel in inputs:
        target = (out_arg / rel if many else out_arg) if out_arg is not None else None
        if target is not None and src is not None and (_same(src, target) or src.resolve() == target.resolve()):
            raise InputError(f"the output {target} is the input itself; write to another path")
        if (
            target is not None
            and out_arg is not None
            and src is not None
            and many
            and src.resolve().is_relative_to(out_arg.resolve())
        ):
            raise InputError(f"the output folder {out_arg} holds the input {src}; write to another folder")
        targets.append(target)
    jobs = os.cpu_count() or 1 if args.jobs == 0 else max(1, args.jobs)
    stats = Stats()
    old = signal.signal(signal.SIGTERM, _on_term)
    # The index lives as long as the run: keep the collector from walking all of it again and again
    # while the scan makes and drops its small objects, and let it run less often (workers forked
    # from here keep both).
    gc.freeze()
    try:
        with gc_relaxed():
            for (src, _rel), target in zip(inputs, targets, strict=True):
                _rewrite_input(args, rewriter, src, target, jobs, stats)
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
            with atomic_output(Path(args.report)) as fh:
                fh.write(rep.encode("utf-8") + b"\n")
    return EXIT_PARTIAL if stats.bad_lines else EXIT_OK


def _rewrite_input(
    args: argparse.Namespace, rewriter: Rewriter, src: Path | None, target: Path | None, jobs: int, stats: Stats
) -> None:
    """One input (a file, or standard input when ``src`` is None) to its target (standard output
    when None), in its own format."""
    fmt = detect_format(str(src) if src else None, args.format)
    name = str(src) if src else "<stdin>"
    with ExitStack() as stack:
        fin: IO[bytes] = stack.enter_context(src.open("rb")) if src else sys.stdin.buffer
        fout: IO[bytes] = stack.enter_context(atomic_output(target)) if target else sys.stdout.buffer
        side: IO[bytes] | None = None
        if args.mode == "annotate" and fmt == "text":
            side_path = (
                Path(args.mentions) if args.mentions else (Path(str(target) + ".mentions.jsonl") if target else None)
            )
            if side_path is None:
                raise InputError("annotate mode on plain text to standard output needs --mentions FILE")
            side = stack.enter_context(atomic_output(side_path))
        total = src.stat().st_size if src else 0
        progress = Progress(total, not args.quiet)
        if fmt == "csv":
            rewrite_csv(fin, fout, rewriter, args.mode, args.column, args.on_error, name, stats)
        elif jobs > 1 and src is not None and target is not None and side is None and src.is_file():
            proc = LineProcessor(rewriter, fmt, args.mode, args.field, args.on_error)
            _parallel_file(proc, src, fout, target, name, stats, progress, jobs, bool(args.report))
        else:
            proc = LineProcessor(rewriter, fmt, args.mode, args.field, args.on_error)
            _stream(proc, fin, fout, side, name, stats, progress, jobs, bool(args.report))
        progress.close()


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
    src: Path,
    fout: IO[bytes],
    target: Path,
    name: str,
    stats: Stats,
    progress: Progress,
    jobs: int,
    count: bool,
) -> None:
    """A file on several cores: each worker reads its own ranges of whole lines and writes each to a
    part file; the parent appends the parts to the output in order (and adds the lines before a
    range to the line numbers of its problems), so that the parent does almost no work itself."""
    total = src.stat().st_size
    with src.open("rb") as fh:
        ranges = line_ranges(fh, total, MAX_RANGE_BYTES, MIN_RANGE_BYTES, jobs * RANGE_SHARE)
    if not ranges:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    parts = tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".parts", dir=str(target.parent))
    global _WORKER
    pool = None
    try:
        pool = _fork_pool(proc, jobs)
        tasks = [(str(src), a, b, os.path.join(parts, f"{k:06d}"), count) for k, (a, b) in enumerate(ranges)]
        base = 0
        for res in pool.imap(_work_range, tasks):
            stats.lines += res.lines
            stats.mentions += res.mentions
            _add_problems(stats, proc, name, res.problems, base)
            _add_counts(stats, res.counts)
            with open(res.part, "rb") as part:
                shutil.copyfileobj(part, fout, CHUNK_BYTES)
            os.unlink(res.part)
            base += res.newlines
            progress.add(res.out_bytes)
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
) -> None:
    def emit(res: ChunkResult) -> None:
        stats.lines += res.lines
        stats.mentions += res.mentions
        progress.add(len(res.out))  # bytes written: close to bytes read
        _add_problems(stats, proc, name, res.problems, 0)
        _add_counts(stats, res.counts)
        fout.write(res.out)
        if side is not None and res.side:
            side.write(res.side)

    chunks = read_chunks(fin, CHUNK_BYTES)
    if jobs <= 1:
        for chunk in chunks:
            emit(process_chunk(proc, chunk, count))
        return
    global _WORKER
    pool = _fork_pool(proc, jobs)
    try:
        pending: deque[Any] = deque()
        for chunk in chunks:
            pending.append(pool.apply_async(_work, (chunk, count)))
            while len(pending) > 2 * jobs:
                emit(pending.popleft().get())
        while pending:
            emit(pending.popleft().get())
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
        _WORKER = None
