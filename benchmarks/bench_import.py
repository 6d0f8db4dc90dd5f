"""Memory and speed of ``normalize tables import`` on a large generated FollowTheMoney file.

Run: python benchmarks/bench_import.py [--lines 1000000 300000 100000]

Writes a file of the given number of lines (four entities of people and companies for every
sanction record, names made of syllables, a Cyrillic and a Latin name each), imports it with the
installed command into an empty folder, then imports it again (every entity merged, none new),
and prints the time and the peak memory (VmHWM / ru_maxrss) of each command. The source is read a
line at a time: what grows with it is the set of entity ids and source ids (a small entry for each
entity), never the records.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SYL_LAT = ["ka", "ra", "lo", "vi", "sha", "ko", "mi", "ne", "to", "ru", "ba", "da", "zo", "pe", "li", "chu"]
SYL_CYR = ["ка", "ра", "ло", "ви", "ша", "ко", "ми", "не", "то", "ру", "ба", "да", "зо", "пе", "ли", "чу"]
GIVEN = [("Ivan", "Иван"), ("Olga", "Ольга"), ("Sergei", "Сергей"), ("Anna", "Анна"), ("Pavel", "Павел")]


def write_source(path: Path, lines: int) -> None:
    rng = random.Random(lines)
    with open(path, "w", encoding="utf-8") as fh:
        for n in range(lines):
            if n % 5 == 4:
                rec = {"id": f"s{n}", "schema": "Sanction", "properties": {"entity": [f"p{n - 1}"]}}
            else:
                idx = [rng.randrange(len(SYL_LAT)) for _ in range(3)]
                lat = "".join(SYL_LAT[i] for i in idx).capitalize()
                cyr = "".join(SYL_CYR[i] for i in idx).capitalize()
                if n % 3:
                    g_lat, g_cyr = GIVEN[n % len(GIVEN)]
                    rec = {
                        "id": f"p{n}",
                        "schema": "Person",
                        "properties": {
                            "name": [f"{g_lat} {lat}ov", f"{g_cyr} {cyr}ов"],
                            "gender": ["male"],
                            "alias": [f"{lat.upper()}OV"],
                        },
                    }
                else:
                    rec = {
                        "id": f"c{n}",
                        "schema": "Company",
                        "properties": {"name": [f"{lat} Holding", f"ООО «{cyr}»"]},
                    }
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def run(cmd: list[str]) -> tuple[float, float, str]:
    """Seconds, peak memory (MiB) and output of one command."""
    t0 = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    secs = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed:\n{proc.stderr}")
    # ru_maxrss of the children is the largest of any child so far: each size runs in its own
    # process tree below (the figure is the command's own once it is the largest yet)
    kib = peak if peak > before else before
    return secs, kib / 1024 * (1 if sys.platform != "darwin" else 1 / 1024), proc.stdout.strip().splitlines()[0]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lines", type=int, nargs="+", default=[100_000, 300_000, 1_000_000])
    args = ap.parse_args()
    exe = shutil.which("normalize") or sys.exit("the normalize command is not installed")
    env_cache = os.environ.setdefault("NORMALIZE_CACHE_DIR", "off")
    del env_cache
    print("| lines | source MB | import s | peak MiB | again (all merged) s | peak MiB | files |")
    print("|---|---|---|---|---|---|---|")
    for lines in sorted(args.lines):
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "src.jsonl"
            write_source(src, lines)
            out = Path(tmp) / "tables" / "entities" / "big.yaml"
            # each size in a child of its own, so that the peak is this size's own
            code = (
                "import resource, subprocess, sys, json;"
                "t=__import__('time').perf_counter();"
                "p=subprocess.run(sys.argv[1:], capture_output=True, text=True);"
                "print(json.dumps([__import__('time').perf_counter()-t,"
                "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, p.returncode, p.stdout, p.stderr]))"
            )
            figures = []
            for _ in range(2):
                cmd = [sys.executable, "-c", code, exe, "tables", "import", "ftm", str(src), "-o", str(out)]
                res = subprocess.run(cmd, capture_output=True, text=True, check=True)
                secs, kib, rc, stdout, stderr = json.loads(res.stdout)
                if rc not in (0, 1):
                    sys.exit(stderr)
                figures.append((secs, kib / 1024, stdout.strip().splitlines()[0]))
            files = len(list(out.parent.glob("*.yaml")))
            mb = src.stat().st_size / 1e6
            print(f"| {lines:,} | {mb:.0f} | {figures[0][0]:.1f} | {figures[0][1]:.0f} | {figures[1][0]:.1f} | "
                  f"{figures[1][1]:.0f} | {files} |")  # fmt: skip
            print(f"  first: {figures[0][2][-90:]}\n  again: {figures[1][2][-90:]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
