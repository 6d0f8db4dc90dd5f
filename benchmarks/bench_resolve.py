"""resolve() at scale: index build time, start-up from a saved index, and per-call latency.

Run: python benchmarks/bench_resolve.py [--entities 10000] [--queries 3000]

A table of synthetic persons is built (benchmarks/synthetic.py); the queries are each entity's name
in other scripts and romanizations, surname-first, with initials, and names of nobody. A query that
several entities of the table would be written as (two people of the same given name and surname)
is real ambiguity: it is answered rightly by no match or by a match marked ambiguous.
Latency is measured per call on distinct mentions, once with the phonetic-key memo cleared before
every call (cold: nothing of the mention was seen before) and once warm (every mention resolved once
before). The build is timed without tracemalloc; its peak memory is traced in a second build.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import OUTCOMES, entities, judge, namesakes, queries, resolve_timed

from normalize import Normalizer
from normalize.store import load_index, save_index


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entities", type=int, default=10_000)
    ap.add_argument("--queries", type=int, default=3000)
    args = ap.parse_args()
    recs = entities(args.entities)
    t0 = time.perf_counter()
    n = Normalizer.from_records(recs)
    build = time.perf_counter() - t0
    # memory in a second build: tracemalloc slows a build several times, so it is not timed
    del n
    tracemalloc.start()
    n = Normalizer.from_records(recs)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "index.bin"
        save_index(n, path)
        size = path.stat().st_size
        t0 = time.perf_counter()
        n2 = load_index(path)
        load = time.perf_counter() - t0
    qs = queries(recs, args.queries)
    same = namesakes(recs, qs)
    cold, got, warm = resolve_timed(n2, qs)
    outcomes = dict.fromkeys(OUTCOMES, 0)
    for i, (q, m) in enumerate(zip(qs, got, strict=True)):
        outcomes[judge(q, m, same.get(i))] += 1
    q99 = lambda xs: sorted(xs)[int(0.99 * len(xs))]  # noqa: E731
    print(f"entities                      {len(recs)}")
    print(f"index build from tables       {build:.2f} s   (peak traced memory {peak / 2**20:.0f} MiB)")
    print(f"saved index                   {size / 2**20:.1f} MiB, loads in {load * 1000:.0f} ms")
    print(f"resolve, cold key memo        median {statistics.median(cold):.0f} µs, p99 {q99(cold):.0f} µs")
    print(f"resolve, warm                 median {statistics.median(warm):.0f} µs, p99 {q99(warm):.0f} µs")
    right = outcomes["right"] + outcomes["ambiguous, said so"]
    print(f"synthetic query accuracy      {right / len(qs):.3f} ({len(qs)} queries, 1/6 of them names of nobody)")
    print("  " + ", ".join(f"{k} {v}" for k, v in outcomes.items()) + f" (namesakes: {len(same)} queries)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
