"""Speed of the rewrite pass on real text, beside a bare Aho-Corasick scan and flashtext.

Run: python benchmarks/bench_realtext.py [--devdata DIR] [--repeat 5]

The text is ``realtext_dev.txt`` of the development data (2,895 Belarusian and Russian sentences,
one a line), with the bundled tables. Three figures, measured in turns (--repeat rounds) and the
best time of each reported, since the speed of a shared machine drifts within minutes:

- a bare pyahocorasick scan of the rewriter's own spellings (every lower-case spelling the index
  made of the entities' name words: the forms a pass has to recognise) over each line lower-cased,
  every hit listed: the floor of any pass that looks the names up;
- flashtext's ``replace_keywords`` with the same spellings, each line;
- the rewrite pass: ``Rewriter.rewrite`` on each line, with a fresh rewriter each round (no
  decision of an earlier round is reused); the normalizer is the one loaded for the process, as
  in a pipeline.

The first pass of a newly loaded normalizer (everything it learns of the words still to learn) is
reported too. pyahocorasick and flashtext are not dependencies; install them beside the package
to get their figures (``pip install pyahocorasick flashtext``).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("NORMALIZE_CACHE_DIR", "off")

from normalize import Normalizer
from normalize.rewrite import Rewriter

TARGET_BARE = 0.5  # at least half the speed of the bare scan
TARGET_FLASHTEXT = 5.0  # more than five times flashtext


def devdata(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    env = os.environ.get("NORMALIZE_DEVDATA")
    return Path(env) if env else Path(__file__).resolve().parent.parent.parent / "shared" / "devdata"


def spellings(n: Normalizer) -> list[tuple[str, str]]:
    """(spelling, canonical) of every spelling the index keeps for the scan of running text."""
    return [(f, e.record.canonical) for e in n.index.entries for f in e.surfaces]


def bare_scan(lines: list[str], forms: list[tuple[str, str]]) -> float | None:
    try:
        import ahocorasick
    except ImportError:
        return None
    auto = ahocorasick.Automaton()
    for f, _ in forms:
        auto.add_word(f, len(f))
    auto.make_automaton()
    t0 = time.perf_counter()
    hits = 0
    for text in lines:
        hits += len(list(auto.iter(text.lower())))
    return time.perf_counter() - t0


def flashtext_replace(lines: list[str], forms: list[tuple[str, str]]) -> float | None:
    try:
        from flashtext import KeywordProcessor
    except ImportError:
        return None
    kp = KeywordProcessor(case_sensitive=False)
    for f, canonical in forms:
        kp.add_keyword(f, canonical)
    t0 = time.perf_counter()
    for text in lines:
        kp.replace_keywords(text)
    return time.perf_counter() - t0


def rewrite_pass(n: Normalizer, lines: list[str]) -> float:
    rw = Rewriter(n)
    t0 = time.perf_counter()
    for text in lines:
        rw.rewrite(text)
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--devdata", help="folder of the development data (default ../shared/devdata)")
    ap.add_argument("--repeat", type=int, default=5, help="rounds (default 5)")
    args = ap.parse_args()
    path = devdata(args.devdata) / "realtext_dev.txt"
    if not path.is_file():
        print(f"no {path}: skipped (set --devdata or NORMALIZE_DEVDATA)")
        return 0
    lines = path.read_text(encoding="utf-8").split("\n")
    mb = sum(len(t.encode("utf-8")) + 1 for t in lines) / 1e6

    t0 = time.perf_counter()
    n = Normalizer.default()
    load = time.perf_counter() - t0
    first = rewrite_pass(n, lines)
    forms = spellings(n)
    rounds = [
        (bare_scan(lines, forms), flashtext_replace(lines, forms), rewrite_pass(n, lines)) for _ in range(args.repeat)
    ]
    bares = [r[0] for r in rounds if r[0] is not None]
    flashes = [r[1] for r in rounds if r[1] is not None]
    ours = min(r[2] for r in rounds)

    print(f"{len(lines)} lines, {mb:.3f} MB; {len(n.index.entries)} entities, {len(forms)} spellings")
    print(f"normalizer loaded in {load:.2f} s; its first pass {first:.3f} s = {mb / first:.1f} MB/s")
    print(f"rewrite pass, fresh rewriter  {mb / ours:8.1f} MB/s   ({ours * 1000:.1f} ms, best of {args.repeat})")
    if bares:
        bare = min(bares)
        ratio = bare / ours
        verdict = "met" if ratio >= TARGET_BARE else "not met"
        print(
            f"bare pyahocorasick scan       {mb / bare:8.1f} MB/s   "
            f"ours / bare {ratio:.2f} (target {TARGET_BARE}: {verdict})"
        )
    else:
        print("bare pyahocorasick scan       not installed")
    if flashes:
        flash = min(flashes)
        ratio = flash / ours
        verdict = "met" if ratio > TARGET_FLASHTEXT else "not met"
        print(
            f"flashtext replace             {mb / flash:8.1f} MB/s   "
            f"ours / flashtext {ratio:.2f}x (target > {TARGET_FLASHTEXT}: {verdict})"
        )
    else:
        print("flashtext                     not installed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
