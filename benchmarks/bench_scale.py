"""The cost curve of a growing table: build, saved index, resolve() and the rewrite pass by size.

Run: python benchmarks/bench_scale.py [--sizes 1000,10000,100000,300000] [--queries 3000]
     [--repeat 3] [--rewrite-size 100000] [--mb 200] [--errors 10000,100000] [--by-kind]
     [--build-jobs 2]

For each size a table of synthetic persons (benchmarks/synthetic.py) is built with
``Normalizer.from_records`` and saved, each step in a fresh process of its own, so that each
figure is that step's alone:

- build: wall seconds of ``from_records`` (the rule tables read and the entities compiled; the
  records are made before the clock starts), and the peak resident memory of the process (VmHWM)
  with, beside it, what it held before the build (the interpreter and the records); and the
  same with ``--build-jobs`` processes (``from_records(..., jobs=N)``), whose entries are
  compared with the one-process build's;
- saved index: the file's size, and the wall seconds of ``load_index`` in a fresh process with
  the resident memory after it;
- resolve(): the median and p99 latency per call, cold (the phonetic-key memo cleared before each
  call) and warm (every mention resolved once before), as ``bench_resolve.py`` measures them, and
  the outcomes on the synthetic queries (``synthetic.judge``): accuracy (right, or real ambiguity
  answered as such), wrong entities, misses and the false-positive rate on names of nobody.

The machine is shared: each timed step runs ``--repeat`` times, in turns over the sizes, and the
best of each is reported (the outcomes are the same every round). ``--errors`` prints, for two
sizes, the queries that go wrong at the larger one and were right at the smaller one, with the
entity each resolved to and its name, to tell real ambiguity from a matcher fault. ``--by-kind``
prints the resolve() medians of each kind of query as well (a name romanized, surname first,
initials, in Cyrillic, a name of nobody: ``synthetic.QUERY_KINDS``).

For ``--rewrite-size`` entities the rewrite pass is measured on a generated corpus of ``--mb`` MB
with ``bench_rewrite.py``'s corpus, bare pyahocorasick scan and command (best of ``--repeat``
rounds, in turns), and once with ``--jobs 2``, sampling every process's memory
(``/proc/PID/smaps_rollup``) while it runs: a worker forked from the process that loaded the index
shares its pages, and its private memory is what it copied or made itself. ``--rewrite-size 0``
leaves the rewrite out.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def _status_kib(field: str) -> int:
    with open("/proc/self/status") as f:
        return next((int(line.split()[1]) for line in f if line.startswith(field + ":")), 0)


# --- the steps, each run in a fresh process (python bench_scale.py --step NAME ...) ----------------


def step_build(size: int, path: str, jobs: int = 1) -> dict[str, Any]:
    from synthetic import entities

    from normalize import Normalizer
    from normalize.store import save_index

    recs = entities(size)
    before = _status_kib("VmRSS")
    t0 = time.perf_counter()
    n = Normalizer.from_records(recs, jobs=jobs)
    build = time.perf_counter() - t0
    peak = _status_kib("VmHWM")
    save_index(n, Path(path))
    return {
        "build_s": build,
        "rss_before_mib": before / 1024,
        "peak_rss_mib": peak / 1024,
        "entries_digest": _entries_digest(n),
    }


def _entries_digest(n: Any) -> str:
    """A digest of every entry's fields, each set in sorted order (the index file writes a set in
    the order it was made in, which a set sent by another process may not keep)."""
    import hashlib

    def plain(value: Any) -> Any:
        if isinstance(value, (set, frozenset)):
            return sorted(plain(v) for v in value)
        if isinstance(value, dict):
            return sorted((k, plain(v)) for k, v in value.items())
        if isinstance(value, (list, tuple)):
            return [plain(v) for v in value]
        return value

    h = hashlib.sha256()
    for e in n.index.entries:
        fields = ("surname_keys", "surfaces", "given_keys", "patronymic_keys", "phrases", "uk_only", "case_only")
        h.update(repr([e.record.id, *(plain(getattr(e, f)) for f in fields)]).encode())
    return h.hexdigest()


def step_load(path: str) -> dict[str, Any]:
    from normalize.store import load_index

    before = _status_kib("VmRSS")
    t0 = time.perf_counter()
    load_index(Path(path))
    load = time.perf_counter() - t0
    return {"load_s": load, "load_rss_mib": (_status_kib("VmRSS") - before) / 1024}


def step_resolve(size: int, path: str, nq: int, query_size: int = 0) -> dict[str, Any]:
    """Latency and outcomes of ``nq`` queries made of the first ``query_size`` entities (all by
    default) against the saved index of ``size`` entities."""
    from synthetic import QUERY_KINDS, entities, judge, namesakes, queries, resolve_timed

    from normalize.store import load_index

    recs = entities(size)
    qs = queries(recs[: query_size or size], nq)
    same = namesakes(recs, qs)
    n = load_index(Path(path))
    cold, got, warm = resolve_timed(n, qs)
    outcomes = [judge(q, m, same.get(i)) for i, (q, m) in enumerate(zip(qs, got, strict=True))]
    q99 = lambda xs: sorted(xs)[int(0.99 * len(xs))]  # noqa: E731
    by_kind = {
        QUERY_KINDS[k]: [
            statistics.median([t for q, t in zip(qs, times, strict=True) if q.kind == k]) for times in (cold, warm)
        ]
        for k in sorted({q.kind for q in qs})
    }
    return {
        "by_kind": by_kind,
        "cold_median_us": statistics.median(cold),
        "cold_p99_us": q99(cold),
        "warm_median_us": statistics.median(warm),
        "warm_p99_us": q99(warm),
        "outcomes": outcomes,
        "answers": [None if m is None else [m.entity_id, m.canonical, m.ambiguous] for m in got],
        "texts": [q.text for q in qs],
        "golds": [q.gold for q in qs],
        "namesakes": len(same),
    }


STEPS = {"build": step_build, "load": step_load, "resolve": step_resolve}


def run_step(name: str, *args: Any) -> dict[str, Any]:
    """Runs a step in a fresh process of the build under test; its figures come back as JSON."""
    cmd = [sys.executable, "-P", str(Path(__file__).resolve()), "--step", name, *map(str, args)]
    proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(HERE)})
    if proc.returncode != 0:
        raise SystemExit(f"step {name} {args} failed:\n{proc.stderr}")
    result: dict[str, Any] = json.loads(proc.stdout.splitlines()[-1])
    return result


# --- the figures ----------------------------------------------------------------------------------


def accuracy_line(r: dict[str, Any]) -> str:
    outs = r["outcomes"]
    nobody = sum(g is None for g in r["golds"])
    fp = outs.count("false positive")
    right = outs.count("right") + outs.count("ambiguous, said so")
    return (
        f"{right / len(outs):.3f} (namesakes {r['namesakes']}, wrong {outs.count('wrong entity')}, "
        f"missed {outs.count('missed')}, namesake chosen {outs.count('namesake chosen as sure')}); "
        f"false positives {fp}/{nobody} = {fp / max(nobody, 1):.3f}"
    )


def print_errors(small: dict[str, Any], large: dict[str, Any], sizes: tuple[int, int]) -> None:
    """The queries right at the smaller size and wrong at the larger one (the same queries, made of
    the smaller table, which is the first entities of the larger one)."""
    print(f"\nqueries right with {sizes[0]} entities and wrong with {sizes[1]}:")
    big_records: dict[str, str] = {}
    from synthetic import entities

    for r in entities(sizes[1]):
        big_records[r["id"]] = r["canonical"]
    for text, gold, a, b, ans in zip(
        large["texts"], large["golds"], small["outcomes"], large["outcomes"], large["answers"], strict=True
    ):
        if a in ("right", "ambiguous, said so") and b not in ("right", "ambiguous, said so"):
            name = big_records.get(gold, "nobody") if gold else "nobody"
            print(f"  {b:24} {text!r:45} gold {gold} ({name}) -> {ans}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--step", nargs="+", help=argparse.SUPPRESS)
    ap.add_argument("--sizes", default="1000,10000,100000,300000")
    ap.add_argument("--queries", type=int, default=3000)
    ap.add_argument("--repeat", type=int, default=3, help="rounds of the timed steps (best of them reported)")
    ap.add_argument("--rewrite-size", type=int, default=100_000, help="entities of the rewrite run (0: none)")
    ap.add_argument("--mb", type=int, default=200, help="size of the rewrite corpus")
    ap.add_argument("--by-kind", action="store_true", help="the resolve() medians of each kind of query too")
    ap.add_argument("--errors", default="", help="two sizes: the queries right at the first, wrong at the second")
    ap.add_argument("--build-jobs", type=int, default=2, help="each round builds with this many processes too (1: not)")
    args = ap.parse_args()
    if args.step:
        name, *rest = args.step
        print(json.dumps(STEPS[name](*[int(a) if a.isdigit() else a for a in rest])))
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    import normalize

    print(f"build under test: {Path(normalize.__file__).parent} ({'compiled' if _compiled() else 'plain Python'})")
    with tempfile.TemporaryDirectory() as d:
        paths = {n: str(Path(d) / f"index-{n}.bin") for n in sizes}
        builds: dict[int, list[dict[str, Any]]] = {n: [] for n in sizes}
        loads: dict[int, list[dict[str, Any]]] = {n: [] for n in sizes}
        resolves: dict[int, list[dict[str, Any]]] = {n: [] for n in sizes}
        jobs_builds: dict[int, list[dict[str, Any]]] = {n: [] for n in sizes}
        for k in range(max(1, args.repeat)):
            for n in sizes:  # in turns: the machine's speed drifts within minutes
                builds[n].append(run_step("build", n, paths[n]))
                if args.build_jobs > 1:
                    jobs_builds[n].append(run_step("build", n, paths[n] + ".jobs", args.build_jobs))
                loads[n].append(run_step("load", paths[n]))
                resolves[n].append(run_step("resolve", n, paths[n], args.queries))
                b, lo, r = builds[n][-1], loads[n][-1], resolves[n][-1]
                print(
                    f"round {k + 1}, {n} entities: build {b['build_s']:.2f} s (peak RSS {b['peak_rss_mib']:.0f} MiB), "
                    f"load {lo['load_s']:.2f} s, resolve {r['cold_median_us']:.0f} / {r['warm_median_us']:.0f} µs",
                    flush=True,
                )
        print()
        print("| entities | build | peak RSS of the build (before it) | saved index | load (RSS it adds) "
              "| resolve median cold / warm (p99) | accuracy; false positives on names of nobody |")  # fmt: skip
        print("|---|---|---|---|---|---|---|")
        for n in sizes:
            b = min(builds[n], key=lambda x: x["build_s"])
            lo = min(loads[n], key=lambda x: x["load_s"])
            cold = min(r["cold_median_us"] for r in resolves[n])
            warm = min(r["warm_median_us"] for r in resolves[n])
            cp99 = min(r["cold_p99_us"] for r in resolves[n])
            wp99 = min(r["warm_p99_us"] for r in resolves[n])
            size = Path(paths[n]).stat().st_size / 2**20
            print(
                f"| {n:,} | {b['build_s']:.2f} s | {max(x['peak_rss_mib'] for x in builds[n]):.0f} MiB "
                f"({b['rss_before_mib']:.0f}) | {size:.1f} MiB | {lo['load_s']:.2f} s ({lo['load_rss_mib']:.0f} MiB) "
                f"| {cold:.0f} / {warm:.0f} µs ({cp99:.0f} / {wp99:.0f}) | {accuracy_line(resolves[n][0])} |"
            )
        if args.build_jobs > 1:
            print(f"\nbuild with {args.build_jobs} processes (the peak RSS of the building process; each worker")
            print("holds the tables and its share of the surnames besides), and whether its entries are the")
            print("one-process build's (every field, sets compared as sets):")
            for n in sizes:
                b = min(jobs_builds[n], key=lambda x: x["build_s"])
                same = b["entries_digest"] == builds[n][0]["entries_digest"]
                peak = max(x["peak_rss_mib"] for x in jobs_builds[n])
                answer = "yes" if same else "no"
                print(f"  {n:,}: {b['build_s']:.2f} s (peak RSS {peak:.0f} MiB), the same entries: {answer}")
        if args.by_kind:
            print("\nresolve() median cold / warm by kind of query, best of the rounds:")
            for n in sizes:
                kinds = resolves[n][0]["by_kind"]
                cells = [
                    f"{kind} {min(r['by_kind'][kind][0] for r in resolves[n]):.0f} / "
                    f"{min(r['by_kind'][kind][1] for r in resolves[n]):.0f} µs"
                    for kind in kinds
                ]
                print(f"  {n:,}: " + "; ".join(cells))
        if args.errors:
            a, b2 = (int(s) for s in args.errors.split(","))
            if a in sizes and b2 in sizes:
                print_errors(resolves[a][0], run_step("resolve", b2, paths[b2], args.queries, a), (a, b2))
        if args.rewrite_size:
            rewrite_figures(args.rewrite_size, args.mb, max(1, args.repeat), d)
    return 0


def _compiled() -> bool:
    import normalize.resolver

    return (normalize.resolver.__file__ or "").endswith(".so")


# --- the rewrite pass ------------------------------------------------------------------------------


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for t in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{t}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except OSError:
            pass
    return out


def _rollup(pid: int) -> dict[str, int]:
    """Rss, Pss and private memory (KiB) of one process, {} when it is gone."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            fields = {ln.split(":")[0]: int(ln.split()[1]) for ln in f if ln.rstrip().endswith("kB")}
    except (OSError, ValueError, IndexError):
        return {}
    return {
        "rss": fields.get("Rss", 0),
        "pss": fields.get("Pss", 0),
        "private": fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0),
    }


def sampled_run(cmd: list[str], env: dict[str, str]) -> tuple[float, dict[int, dict[str, int]]]:
    """Runs ``cmd``, sampling the memory of each of its processes every 0.2 s: wall seconds, and for
    each process its largest Rss, Pss and private memory (KiB) seen."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peaks: dict[int, dict[str, int]] = {}
    while proc.poll() is None:
        for p in _tree(proc.pid):
            got = _rollup(p)
            if got:
                old = peaks.setdefault(p, dict.fromkeys(got, 0))
                for k, v in got.items():
                    old[k] = max(old[k], v)
        time.sleep(0.2)
    dt = time.perf_counter() - t0
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"rewrite failed: {err}")
    return dt, peaks


def rewrite_figures(size: int, mb: int, repeat: int, d: str) -> None:
    import bench_rewrite
    from synthetic import entities

    from normalize import Normalizer
    from normalize.rewrite import Rewriter
    from normalize.store import load_index, save_index

    index = Path(d) / f"index-{size}.bin"
    if not index.exists():
        save_index(Normalizer.from_records(entities(size)), index)
    rw = Rewriter(load_index(index))
    corpus = Path(d) / "corpus.txt"
    written = bench_rewrite.make_corpus(corpus, mb, rw, 0.01)
    patterns = sum(len(e.surfaces) for e in rw.normalizer.index.entries)
    del rw
    mbs = written / 1e6
    print(f"\nrewrite: {size:,} entities ({patterns:,} patterns), corpus {mbs:.0f} MB, 1% of words are mentions")
    bares: list[float] = []
    runs: list[tuple[float, float, float]] = []
    for k in range(repeat):  # in turns, best of each
        bare = bench_rewrite.bare_scan(corpus, _patterns_only(index))
        if bare is not None:
            bares.append(bare)
        runs.append(bench_rewrite.cli_run(corpus, index, 1))
        print(f"round {k + 1}: bare scan {bare or 0:.1f} s, one rewrite job {runs[-1][0]:.1f} s", flush=True)
    t1, _, cpu1 = min(runs)
    rss1 = max(r[1] for r in runs)
    if bares:
        print(f"bare pyahocorasick scan      {mbs / min(bares):6.1f} MB/s")
    else:
        print("bare pyahocorasick scan      not installed (pip install pyahocorasick)")
    print(f"normalize rewrite, 1 job     {mbs / t1:6.1f} MB/s   peak RSS {rss1:.0f} MiB   CPU {cpu1:.1f} s")
    if bares:
        print(f"ours / bare scan             {min(bares) / t1:6.2f}")
    out = corpus.with_suffix(".out2")
    dt, peaks = sampled_run(bench_rewrite._command(corpus, out, index, 2), bench_rewrite._env())
    out.unlink()
    print(f"normalize rewrite, 2 jobs    {mbs / dt:6.1f} MB/s   memory of each process, largest sampled:")
    for i, (pid, p) in enumerate(sorted(peaks.items())):
        role = "parent (loads the index)" if i == 0 else "worker (forked)"
        print(
            f"  {role:26} RSS {p['rss'] / 1024:5.0f} MiB, proportional (PSS) {p['pss'] / 1024:5.0f} MiB, "
            f"private {p['private'] / 1024:5.0f} MiB   (pid {pid})"
        )


class _PatternsOnly:
    """What ``bench_rewrite.bare_scan`` reads of a rewriter: the index's surface forms."""

    def __init__(self, normalizer: Any) -> None:
        self.normalizer = normalizer


def _patterns_only(index: Path) -> Any:
    from normalize.store import load_index

    return _PatternsOnly(load_index(index))


if __name__ == "__main__":
    raise SystemExit(main())
