"""Throughput of the rewrite pass on a generated corpus, beside a bare Aho-Corasick scan and flashtext.

Run: python benchmarks/bench_rewrite.py [--mb 200] [--entities bundled|10000] [--jobs 2]

The corpus is English-like filler with mentions of the table's entities in all their forms (Latin
and Cyrillic, romanizations, case forms, possessives), written once to a temporary file. Reported in
one run: our MB/s on one core and with --jobs (through the CLI, file to file), a bare scan of the
same patterns over the same text with pyahocorasick (the reference floor), flashtext's
replace_keywords on the same text, and the peak resident memory and CPU seconds of each rewrite run
(on a shared machine, CPU seconds show what the wall time cannot). The speed of a shared machine
drifts within minutes, so the bare scan, flashtext and the rewrite are measured in turns (--repeat
rounds, 3 by default) and the best time of each is the one reported and compared. The rewrite is
measured twice a round: the pass alone in this process, as flashtext is measured (after its set-up,
over the text read from the file, nothing written), and the one-job command from file to file,
start-up included.

Scaling with --jobs is set beside what the machine itself gives: the corpus cut in as many parts
as jobs, each rewritten at the same time by its own one-job command, with nothing shared or
coordinated. No --jobs run can scale past that; on a machine whose cores slow each other down
(shared caches, a host that lends its cores to other guests) it is well below the number of jobs.

pyahocorasick and flashtext are not dependencies; install them beside the package to get their
figures (``pip install pyahocorasick flashtext``).
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import normalize  # noqa: E402
from normalize import Normalizer  # noqa: E402
from normalize.index import EntityEntry  # noqa: E402
from normalize.rewrite import Rewriter  # noqa: E402

PACKAGE_PARENT = Path(normalize.__file__).resolve().parent.parent  # the build under test, for the commands

FILLER = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "said",
    "that",
    "for",
    "on",
    "with",
    "as",
    "was",
    "by",
    "at",
    "from",
    "it",
    "his",
    "an",
    "were",
    "are",
    "which",
    "this",
    "be",
    "has",
    "government",
    "opposition",
    "court",
    "protest",
    "election",
    "minister",
    "report",
    "statement",
    "week",
    "year",
    "city",
    "police",
    "officials",
    "according",
    "sources",
    "during",
    "after",
    "before",
    "against",
    "support",
    "meeting",
    "visit",
    "new",
    "former",
]


def mention_pool(entry: EntityEntry, rnd: random.Random) -> list[str]:
    """How running text names one entity: its names as the tables write them (Cyrillic, in
    Russian and Belarusian), its canonical form, surname forms in every scheme and case, and for
    persons the forms news text uses: given name and surname, an initial, a title, surname first."""
    rec = entry.record
    names = [*rec.names, *rec.aliases, rec.canonical]
    surfaces = sorted(entry.surfaces)
    words = [s[:1].upper() + s[1:] for s in rnd.sample(surfaces, min(len(surfaces), 12))]
    pool = list(names)
    if rec.type == "person":
        given = rec.canonical.split()[0] if " " in rec.canonical else ""
        for w in words:
            pool += [w, f"{given} {w}", f"{given[:1]}. {w}", f"President {w}", f"{w.upper()}, {given}"]
    else:
        pool += words
    return [m for m in pool if m]


def make_corpus(path: Path, mb: int, rewriter: Rewriter, density: float, seed: int = 11) -> int:
    """English-like filler with mentions (``density`` of the words) of random entities in all
    their forms, 10% of them with a possessive; each line starts with a capital, and mentions
    keep their own capitals."""
    rnd = random.Random(seed)
    entries = rewriter.normalizer.index.entries
    pools: dict[int, list[str]] = {}
    target = mb * 1_000_000
    written = 0
    with path.open("w", encoding="utf-8") as fh:
        while written < target:
            words = []
            for _ in range(rnd.randint(8, 30)):
                if rnd.random() < density:
                    i = rnd.randrange(len(entries))
                    if i not in pools:
                        pools[i] = mention_pool(entries[i], rnd)
                    words.append(rnd.choice(pools[i]) + ("'s" if rnd.random() < 0.1 else ""))
                else:
                    words.append(rnd.choice(FILLER))
            line = " ".join(words)
            line = line[:1].upper() + line[1:] + ".\n"
            fh.write(line)
            written += len(line.encode("utf-8"))
    return written


def _blocks(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8") as fh:  # 1 MB blocks, each folded as the rewrite pass does
        while True:
            block = fh.read(1 << 20)
            if not block:
                return
            yield block.lower()


def bare_scan(path: Path, rewriter: Rewriter) -> float | None:
    """Seconds of a pyahocorasick scan over the text, every hit in a list (its fastest way)."""
    try:
        import ahocorasick
    except ImportError:
        return None
    auto = ahocorasick.Automaton()
    for e in rewriter.normalizer.index.entries:
        for f in e.surfaces:
            auto.add_word(f, len(f))
    auto.make_automaton()
    t0 = time.perf_counter()
    n = 0
    for low in _blocks(path):
        n += len(list(auto.iter(low)))
    return time.perf_counter() - t0


def flashtext_replace(path: Path, rewriter: Rewriter) -> float | None:
    try:
        from flashtext import KeywordProcessor
    except ImportError:
        return None
    kp = KeywordProcessor(case_sensitive=False)
    for e in rewriter.normalizer.index.entries:
        for f in e.surfaces:
            kp.add_keyword(f, e.record.canonical)
    t0 = time.perf_counter()
    with path.open(encoding="utf-8") as fh:  # line by line: flashtext's fastest way here
        for line in fh:
            kp.replace_keywords(line)
    return time.perf_counter() - t0


def inprocess_rewrite(path: Path, index: Path) -> float:
    """Seconds of the rewrite pass alone, measured as flashtext is: in this process, after its
    set-up (the index loaded, the rewriter made), over the text read from the file, nothing
    written. 1 MB blocks of the text, the pass's fastest way (as lines are flashtext's), with the
    collector kept as the command line keeps it (what is loaded frozen out of its reach, the
    youngest generation collected less often)."""
    from normalize.index import gc_relaxed
    from normalize.store import load_index

    rewriter = Rewriter(load_index(index))
    gc.collect()
    gc.freeze()
    try:
        t0 = time.perf_counter()
        with gc_relaxed(), path.open(encoding="utf-8") as fh:
            while True:
                block = fh.read(1 << 20)
                if not block:
                    break
                rewriter.rewrite_text(block)
        return time.perf_counter() - t0
    finally:
        gc.unfreeze()


# Runs the command line and reports its peak resident memory on exit. A process started from this
# one would report at least this one's size at its start as its own peak (Linux counts the memory
# left at exec), so each command reads its own high-water mark (VmHWM, of its own memory since
# exec) and the peak of the workers it forked.
_MEASURED_CLI = """
import atexit, resource, runpy, sys
def _report():
    try:
        with open("/proc/self/status") as f:
            own = next((int(line.split()[1]) for line in f if line.startswith("VmHWM:")), 0)
    except OSError:  # not Linux: the peak as getrusage gives it
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    sys.stderr.write(f"\\npeak-rss-kib {max(own, workers)}\\n")
atexit.register(_report)
sys.argv[0] = "normalize"
runpy.run_module("normalize", run_name="__main__")
"""


def _command(src: Path, out: Path, index: Path, jobs: int) -> list[str]:
    # -P: the package is the build under test (on PYTHONPATH), never a source tree in the folder the
    # benchmark is run from (``python -c`` puts that folder first on the path)
    return [sys.executable, "-P", "-c", _MEASURED_CLI, "rewrite", str(src), "-o", str(out), "--index", str(index),
            "--jobs", str(jobs), "--quiet"]  # fmt: skip


def _peak_rss(stderr: str) -> float:
    """The peak resident MiB a command of :func:`_command` reported, 0 where it could not."""
    for line in reversed(stderr.splitlines()):
        if line.startswith("peak-rss-kib "):
            return int(line.split()[1]) / 1024
    return 0.0


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(PACKAGE_PARENT)}


def cli_run(src: Path, index: Path, jobs: int) -> tuple[float, float, float]:
    """Wall seconds, peak resident MiB of the largest process, CPU seconds of all its processes."""
    out = src.with_suffix(f".out{jobs}")
    cmd = _command(src, out, index, jobs)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=_env())
    dt = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"rewrite failed: {proc.stderr}")
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = ru.ru_utime + ru.ru_stime - before.ru_utime - before.ru_stime
    out.unlink()
    return dt, _peak_rss(proc.stderr), cpu


def split_lines(src: Path, parts: int) -> list[Path]:
    """``src`` cut into ``parts`` files of whole lines, of about the same size."""
    size = src.stat().st_size
    paths = []
    with src.open("rb") as fh:
        for k in range(parts):
            path = src.with_suffix(f".part{k}")
            with path.open("wb") as out:
                want = size * (k + 1) // parts - fh.tell() if k < parts - 1 else size
                out.write(fh.read(want) + (fh.readline() if k < parts - 1 else b""))
            paths.append(path)
    return paths


def independent_runs(src: Path, index: Path, parts: int) -> float:
    """Wall seconds of ``parts`` one-job commands started together, each on its own part of
    ``src``: the scaling the machine gives that many processes, with nothing coordinated."""
    paths = split_lines(src, parts)
    t0 = time.perf_counter()
    procs = [
        subprocess.Popen(_command(p, p.with_name(p.name + ".out"), index, 1), stderr=subprocess.PIPE, env=_env())
        for p in paths
    ]
    errors = [p.communicate()[1] for p in procs]
    dt = time.perf_counter() - t0
    for p, err in zip(procs, errors, strict=True):
        if p.returncode != 0:
            raise SystemExit(f"rewrite failed: {err.decode(errors='replace')}")
    for p in paths:
        p.unlink()
        p.with_name(p.name + ".out").unlink()
    return dt


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=int, default=200)
    ap.add_argument("--entities", default="bundled", help="bundled, or a number of synthetic entities")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--density", type=float, default=0.01, help="share of words that are mentions (default 0.01)")
    ap.add_argument("--repeat", type=int, default=3, help="rounds of all the figures (default 3)")
    args = ap.parse_args()
    if args.entities == "bundled":
        n = Normalizer.default()
    else:
        from synthetic import entities

        n = Normalizer.from_records(entities(int(args.entities)))
    rw = Rewriter(n)
    from normalize.store import save_index

    with tempfile.TemporaryDirectory() as d:
        corpus = Path(d) / "corpus.txt"
        size = make_corpus(corpus, args.mb, rw, args.density)
        index = Path(d) / "index.bin"
        save_index(n, index)
        mb = size / 1e6
        patterns = sum(len(e.surfaces) for e in n.index.entries)
        print(
            f"corpus {mb:.0f} MB, {args.density:.0%} of words are mentions, "
            f"{len(n.index.entries)} entities, {patterns} patterns"
        )
        # the machine's speed drifts within minutes: the figures set beside each other are measured
        # in turns, all of them in each round, and the best of each is reported
        rounds = [
            (
                bare_scan(corpus, rw),
                flashtext_replace(corpus, rw),
                inprocess_rewrite(corpus, index),
                cli_run(corpus, index, 1),
            )
            for _ in range(max(1, args.repeat))
        ]
        for k, (a, b, c, d) in enumerate(rounds, 1):
            print(
                f"round {k}: bare scan {a or 0:.1f} s, flashtext {b or 0:.1f} s, "
                f"rewrite pass in process {c:.1f} s, one rewrite job {d[0]:.1f} s"
            )
        bares = [r[0] for r in rounds if r[0] is not None]
        flashes = [r[1] for r in rounds if r[1] is not None]
        t_bare = min(bares) if bares else None
        t_flash = min(flashes) if flashes else None
        t_pass = min(r[2] for r in rounds)
        t1, _, cpu1 = min(r[3] for r in rounds)
        rss1 = max(r[3][1] for r in rounds)
        if t_bare is None:
            print("bare pyahocorasick scan     not installed")
        else:
            print(f"bare pyahocorasick scan     {mb / t_bare:8.1f} MB/s")
        if t_flash is None:
            print("flashtext                   not installed")
        else:
            print(f"flashtext replace           {mb / t_flash:8.1f} MB/s")
        print(f"rewrite pass, in process    {mb / t_pass:8.1f} MB/s   (measured as flashtext is: no output)")
        print(
            f"normalize rewrite, 1 job    {mb / t1:8.1f} MB/s   peak RSS {rss1:.0f} MiB   {t1:.1f} s, CPU {cpu1:.1f} s"
        )
        if args.jobs > 1:
            tj, rssj, cpuj = cli_run(corpus, index, args.jobs)
            print(
                f"normalize rewrite, {args.jobs} jobs   {mb / tj:8.1f} MB/s   peak RSS {rssj:.0f} MiB (largest process)"
                f"   {tj:.1f} s, CPU {cpuj:.1f} s (all processes)"
            )
            print(f"scaling with {args.jobs} jobs          {t1 / tj:.2f}x")
            tpar = independent_runs(corpus, index, args.jobs)
            print(
                f"{args.jobs} independent 1-job runs     {t1 / tpar:.2f}x   (the corpus in {args.jobs} parts, "
                "all at once: what this machine gives)"
            )
            print(f"--jobs {args.jobs} beside them          {tpar / tj:.2f}")
        if t_bare is not None:
            print(f"ours / bare pyahocorasick   {t_bare / t1:.2f}   (1 job)")
        if t_flash is not None:
            print(f"ours / flashtext            {t_flash / t1:.2f}x  (1 job, file to file, start-up included)")
            print(f"pass in process / flashtext {t_flash / t_pass:.2f}x  (each after its set-up, no output)")
            per_round = ", ".join(f"{r[1] / r[3][0]:.2f} / {r[1] / r[2]:.2f}" for r in rounds if r[1] is not None)
            print(f"each round, 1 job / pass    {per_round}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
