"""False matches on 50,000 synthetic people who are nobody in our tables (negatives_dev.csv).

Run: python benchmarks/eval_negatives.py [--devdata DIR] [--errors] [--limit N] [--json]

Every ``full_name`` of ../shared/devdata/negatives_dev.csv is
  (a) resolved against the bundled tables (``Normalizer.default()``),
  (b) resolved against the table of the development protocol (../shared/devdata/README.md, built by
      ``eval_devdata.build``), with its Cyrillic seed and with its Latin seed,
  (c) put into sentences of running text (benchmarks/linkcheck.py: English, Russian and Belarusian
      templates, a Cyrillic name in the Cyrillic ones of its language) and rewritten with the
      bundled tables and with each protocol table; every span linked is counted.
Any match is a false match: the target is at most 2 in 50,000 for each table. Every false match is
listed, grouped by its cause as far as the match tells it (the entity's type and the words that
matched); --errors adds its sentence and ``Match.explain()``. The data is third-party and is read from its folder; it
is never copied into the project. Without it the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_devdata import build, find_devdata
from linkcheck import CauseJudge, check_templates, explain_span, fill, grouped, script_language, spans_in, templates_for

from normalize import Normalizer, Rewriter

TARGET = 2  # false matches allowed in 50,000 names, for each table
GENDERS = {"male": "m", "female": "f"}
Names = list[tuple[str, str | None]]  # full name, gender (m, f or unknown)


def read_names(path: Path, limit: int | None) -> Names:
    out: Names = []
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            name = (row.get("full_name") or "").strip()
            if name:
                out.append((name, GENDERS.get(row.get("gender") or "")))
            if limit is not None and len(out) >= limit:
                break
    return out


Found = list[tuple[str, str, str]]  # cause, one line, the explanation


def resolve_all(n: Normalizer, judge: CauseJudge, names: Names) -> Found:
    """The false matches of ``resolve()``."""
    found: Found = []
    for name, _ in names:
        m = n.resolve(name)
        if m is not None:
            line = f"{name!r} -> {m.canonical} [{m.entity_id}] {m.score:.3f}"
            found.append((judge.cause_of_match(name, m), line, m.explain()))
    return found


def rewrite_all(n: Normalizer, judge: CauseJudge, names: Names) -> tuple[int, int, Found]:
    """Every name in every template of its language: the sentences, the names with a span, and
    each span."""
    rw = Rewriter(n)
    check_templates(rw)
    sentences = 0
    named: set[str] = set()
    found: Found = []
    for name, gender in names:
        for t in templates_for(script_language(name)):
            text, start, end = fill(t, name, gender)
            sentences += 1
            for s in spans_in(rw, text, start, end):
                named.add(name)
                details, why = explain_span(n, s)
                cause = judge.cause(name if s.inside else s.surface, s.type, s.entity_id, details, s.surface)
                where = "" if s.inside else " [outside the name: the template]"
                line = f"{name!r}: span {s.surface!r} -> {s.entity_id}{where}"
                found.append((cause, line, f"{text}\n{why}"))
    return sentences, len(named), found


def show(title: str, found: Found, explain: bool) -> None:
    """The false matches by cause: one line each (a line repeated in several sentences once, with
    its count), or with ``explain`` every one with its sentence and ``Match.explain()``."""
    if not found:
        return
    print(f"--- {title}")
    for cause, lines in grouped((c, f"{line}\n{why}" if explain else line) for c, line, why in found).items():
        print(f"  == {cause}: {len(lines)}")
        for line, k in Counter(lines).items():
            print("    " + line.replace("\n", "\n      ") + (f"  (x{k})" if k > 1 else ""))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--devdata")
    ap.add_argument("--errors", action="store_true", help="with each false match its sentence and explanation")
    ap.add_argument("--limit", type=int, help="only the first N names (for a quick look)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    dd = find_devdata(args.devdata)
    if dd is None or not (dd / "negatives_dev.csv").is_file():
        print("devdata not found (looked in ../shared/devdata and $NORMALIZE_DEVDATA): skipped")
        return 0
    names = read_names(dd / "negatives_dev.csv", args.limit)
    records = [json.loads(line) for line in (dd / "entities_dev.jsonl").open(encoding="utf-8")]
    tables: list[tuple[str, Normalizer]] = [("bundled tables", Normalizer.default())]
    for seed in ("cyrillic", "latin"):
        table, _, _ = build(records, seed)
        # as eval_devdata: the canonical form is a label, the seed name is what is matched
        tables.append((f"protocol table, {seed} seed", Normalizer.from_records(table, index_canonical=False)))

    results = []
    for label, n in tables:
        judge = CauseJudge(n)
        t0 = time.perf_counter()
        fp_list = resolve_all(n, judge, names)
        t1 = time.perf_counter()
        sentences, named, span_list = rewrite_all(n, judge, names)
        t2 = time.perf_counter()
        results.append(
            {
                "table": label,
                "entities": len(n.entities),
                "names": len(names),
                "resolve_false_matches": len(fp_list),
                "resolve_by_cause": dict(Counter(c for c, _, _ in fp_list)),
                "sentences": sentences,
                "spans": len(span_list),
                "names_with_a_span": named,
                "spans_by_cause": dict(Counter(c for c, _, _ in span_list)),
                "resolve_seconds": round(t1 - t0, 1),
                "rewrite_seconds": round(t2 - t1, 1),
            }
        )
        if not args.json:
            show(f"{label}: resolve()", fp_list, args.errors)
            show(f"{label}: rewrite, spans", span_list, args.errors)
    if args.json:
        print(json.dumps(results, indent=1, ensure_ascii=False))
        return 0
    print(f"\n{len(names):,} names of nobody in our tables; target: at most {TARGET} false matches for each table")
    for r in results:
        ok = "met" if r["resolve_false_matches"] <= TARGET and r["names_with_a_span"] <= TARGET else "NOT met"
        print(
            f"\n{r['table']} ({r['entities']} entities): target {ok}\n"
            f"  resolve():  {r['resolve_false_matches']:5d} false matches "
            f"({r['resolve_false_matches'] / max(1, r['names']):.3%})  [{r['resolve_seconds']} s]\n"
            f"  rewrite:    {r['spans']:5d} spans in {r['sentences']:,} sentences, "
            f"{r['names_with_a_span']} names with a span  [{r['rewrite_seconds']} s]"
        )
        for what, key in (("resolve()", "resolve_by_cause"), ("rewrite", "spans_by_cause")):
            for cause, k in sorted(r[key].items(), key=lambda kv: -kv[1]):
                print(f"    {what:10} {k:5d}  {cause}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
