"""False links and misses on an adversarial set generated from the bundled tables.

Run: python benchmarks/eval_adversarial.py [--errors] [--class TEXT] [--near N] [--seed N] [--json]

The set (benchmarks/adversarial.py) holds, for every person of the tables, namesakes (another given
name with the same surname, the other gender's surname form, the same given name with another
listed surname, other initials, another patronymic), surnames one consonant away and the person's
name inside an organisation's name; for every organisation, a person named by its brand word; and
the persons' own names in another case or script (positives). Each item carries the answer the
rules give: nobody, except where the generated name is a listed person by the tables.

Each item is resolved with ``resolve()`` and rewritten inside a sentence of running text
(benchmarks/linkcheck.py). Per class: items, the positives among them, false links (a link where
the answer is nobody, or to another entity) and misses of positives, for each of the two. The
target: no false link, no miss. With --errors every false link and miss is listed with its cause
(as far as the match tells it) and ``Match.explain()``. Deterministic: a fixed seed, no data
outside the package.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from adversarial import CLASSES, NEAR_SURNAMES, SEED, AdversarialSet, Item
from linkcheck import CauseJudge, Span, check_templates, explain_span, fill, spans_in, templates_for

from normalize import Normalizer, Rewriter


@dataclass
class Tally:
    items: int = 0
    positives: int = 0
    resolve_false: int = 0
    resolve_missed: int = 0
    rewrite_false: int = 0
    rewrite_missed: int = 0
    errors: list[str] = field(default_factory=list)
    causes: Counter[str] = field(default_factory=Counter)


def _describe(item: Item) -> str:
    answer = item.expected or "nobody"
    return f"{item.text!r} (from {item.source}: {item.how}; answer {answer})"


def evaluate(n: Normalizer, items: list[Item], judge: CauseJudge) -> dict[str, Tally]:
    rw = Rewriter(n)
    check_templates(rw)
    tallies = {c: Tally() for c in CLASSES}
    turn: Counter[tuple[str, str]] = Counter()
    for item in items:
        t = tallies[item.cls]
        t.items += 1
        t.positives += item.expected is not None
        # resolve()
        m = n.resolve(item.text)
        got = m.entity_id if m else None
        if got != item.expected:
            if m is not None:
                t.resolve_false += 1
                cause = judge.cause_of_match(item.text, m)
                t.causes[f"resolve: {cause}"] += 1
                t.errors.append(f"resolve false link [{cause}] {_describe(item)}\n  {m.explain()}")
            if item.expected is not None:
                t.resolve_missed += 1
                t.errors.append(f"resolve miss {_describe(item)}")
        # running text: one template of the item's language and case, in turn
        group = templates_for(item.language, item.case)
        k = turn[(item.language, item.case)]
        turn[(item.language, item.case)] += 1
        text, start, end = fill(group[k % len(group)], item.text, item.gender)
        spans = spans_in(rw, text, start, end)
        wrong = [s for s in spans if not s.inside or s.entity_id != item.expected]
        if wrong:
            t.rewrite_false += 1
            for s in wrong:
                cause = _span_cause(n, judge, item, s)
                t.causes[f"rewrite: {cause}"] += 1
                _, why = explain_span(n, s)
                t.errors.append(
                    f"rewrite false link [{cause}] {_describe(item)}\n  {text}\n  span {s.surface!r} -> "
                    f"{s.entity_id}\n  " + why.replace("\n", "\n  ")
                )
        if item.expected is not None and not any(s.inside and s.entity_id == item.expected for s in spans):
            t.rewrite_missed += 1
            t.errors.append(f"rewrite miss {_describe(item)}\n  {text}")
    return tallies


def _span_cause(n: Normalizer, judge: CauseJudge, item: Item, s: Span) -> str:
    details, _ = explain_span(n, s)
    return judge.cause(item.text if s.inside else s.surface, s.type, s.entity_id, details, s.surface)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true", help="list every false link and miss")
    ap.add_argument("--class", dest="cls", help="only the classes whose name holds this text")
    ap.add_argument("--near", type=int, default=NEAR_SURNAMES, help="consonant replacements per name (0: all)")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    n = Normalizer.default()
    t0 = time.perf_counter()
    items = AdversarialSet(n, seed=args.seed, near_surnames=args.near).items()
    if args.cls:
        items = [i for i in items if args.cls.lower() in i.cls.lower()]
    t1 = time.perf_counter()
    tallies = evaluate(n, items, CauseJudge(n))
    t2 = time.perf_counter()
    rows = {c: t for c, t in tallies.items() if t.items}
    if args.json:
        out = {
            c: {k: v for k, v in vars(t).items() if k != "errors"} | {"causes": dict(t.causes)} for c, t in rows.items()
        }
        print(json.dumps(out, indent=1, ensure_ascii=False))
        return 0
    if args.errors:
        for c, t in rows.items():
            if t.errors:
                print(f"--- {c}")
                for e in t.errors:
                    print("  " + e.replace("\n", "\n  "))
    print(
        f"{len(items):,} items from {len(n.entities)} entities (seed {args.seed}, {args.near or 'all'} near "
        f"surnames a name); generated in {t1 - t0:.1f} s, evaluated in {t2 - t1:.1f} s"
    )
    print(
        f"{'class':52} {'items':>6} {'pos.':>5} | {'resolve: false':>14} {'missed':>6} | "
        f"{'rewrite: false':>14} {'missed':>6}"
    )
    total = Tally()
    for c, t in rows.items():
        print(
            f"{c:52} {t.items:6d} {t.positives:5d} | {t.resolve_false:14d} {t.resolve_missed:6d} | "
            f"{t.rewrite_false:14d} {t.rewrite_missed:6d}"
        )
        for f in ("items", "positives", "resolve_false", "resolve_missed", "rewrite_false", "rewrite_missed"):
            setattr(total, f, getattr(total, f) + getattr(t, f))
        total.causes.update(t.causes)
    print(
        f"{'all':52} {total.items:6d} {total.positives:5d} | {total.resolve_false:14d} {total.resolve_missed:6d} | "
        f"{total.rewrite_false:14d} {total.rewrite_missed:6d}"
    )
    if total.causes:
        print("false links by cause:")
        for cause, k in total.causes.most_common():
            print(f"  {k:6d}  {cause}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
