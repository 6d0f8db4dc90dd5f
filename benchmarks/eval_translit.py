"""Exact-match rate of our scheme tables on the iuliia samples of the development data.

Run: python benchmarks/eval_translit.py [--devdata DIR] [--misses]

Only the iuliia schemas we have a table for are compared (the map below). iuliia's files give ё as
Cyrillic ё (U+0451) where the standards have Latin ë (U+00EB), a data bug listed in section 3 of
the romanization reference; the second figure counts a sample as right when it differs only by that.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from eval_devdata import find_devdata  # noqa: E402

import normalize  # noqa: E402

SHARED = {
    "ala_lc": "ru-ala-lc",
    "ala_lc_alt": "ru-ala-lc-simple",
    "bgn_pcgn": "ru-bgn-pcgn",
    "bgn_pcgn_alt": "ru-bgn-pcgn",  # iuliia: BGN/PCGN without the optional interpunct
    "gost_779": "ru-iso9",
    "gost_779_alt": "ru-gost-779b",
    "gost_52535": "ru-gost-52535",
    "icao_doc_9303": "ru-icao",
    "mvd_310": "ru-mvd-310",
    "mvd_310_fr": "ru-mvd-310-fr",
    "scientific": "ru-scholarly",
    "wikipedia": "ru-wikipedia",
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--devdata")
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args()
    dd = find_devdata(args.devdata)
    if dd is None:
        print("devdata not found: skipped")
        return 0
    rows = [json.loads(line) for line in (dd / "translit_samples_dev.jsonl").open(encoding="utf-8")]
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    misses: list[str] = []
    for r in rows:
        sid = SHARED.get(r["schema"])
        if sid is None or r.get("direction", "Cyrl->Latn") != "Cyrl->Latn":
            continue
        got = normalize.transliterate(r["source"], sid)
        want = r["target"]
        st = stats[r["schema"]]
        st[0] += 1
        if got == want:
            st[1] += 1
            st[2] += 1
        elif got == want.replace("ё", "ë").replace("Ё", "Ë"):
            st[2] += 1
        else:
            misses.append(f"  {r['schema']:13} {r['source']!r}\n      iuliia {want!r}\n      ours   {got!r}")
    total = [sum(s[i] for s in stats.values()) for i in range(3)]
    print(f"{'iuliia schema':14} {'ours':20} {'samples':>7} {'exact':>6} {'exact with ё fixed':>19}")
    for name, (n, exact, fixed) in sorted(stats.items()):
        print(f"{name:14} {SHARED[name]:20} {n:7d} {exact:6d} {fixed:19d}")
    print(
        f"{'all':35} {total[0]:7d} {total[1]:6d} {total[2]:19d}   "
        f"({total[1] / total[0]:.1%} / {total[2] / total[0]:.1%})"
    )
    if args.misses:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
