"""Accuracy of ``resolve()`` on the development data, by the protocol of shared/devdata/README.md.

Run: python benchmarks/eval_devdata.py [--devdata DIR] [--peers] [--errors]  (--errors: every miss, by cause)

Table: each Belarus-related record with a Cyrillic and a Latin name becomes one entity holding ONE
name (the seed); every other clean name of those records is a query; names of unrelated persons are
negatives (any match is a false positive). Run twice: seed = first Russian Cyrillic name, then seed
= first Latin name. With --peers the same figures are given for a naive unidecode + Jaro-Winkler
nearest neighbour and, when installed, for nomenklatura's logic-v2 matcher.
The data is third-party and is read from its folder; it is never copied into the project.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent

from normalize import Normalizer  # noqa: E402
from normalize.names import split_tokens  # noqa: E402
from normalize.text import detect_language, script_of  # noqa: E402


def find_devdata(arg: str | None) -> Path | None:
    for cand in (arg, os.environ.get("NORMALIZE_DEVDATA"), HERE.parent.parent / "shared" / "devdata"):
        if cand and (Path(cand) / "entities_dev.jsonl").is_file():
            return Path(cand)
    return None


def has_cyr(s: str) -> bool:
    return script_of(s) in ("Cyrl", "mixed")


def build(records: list[dict], seed_kind: str) -> tuple[list[dict], list[tuple[str, str]], list[str]]:
    table: list[dict] = []
    queries: list[tuple[str, str]] = []
    for r in records:
        if not r.get("belarus_related"):
            continue
        names = r["names_clean"]
        cyr = [n for n in names if has_cyr(n)]
        lat = [n for n in names if not has_cyr(n)]
        if not cyr or not lat:
            continue
        if seed_kind == "cyrillic":
            ru = [n for n in cyr if detect_language(n) != "be"]
            seed = (ru or cyr)[0]
        else:
            seed = lat[0]
        gender = {"male": "m", "female": "f"}.get(r.get("gender") or "")
        rec = {"id": r["id"], "canonical": lat[0], "names": [seed], "type": r["type"]}
        if gender and r["type"] == "person":
            rec["gender"] = gender
        table.append(rec)
        for n in names:
            if n != seed:
                queries.append((n, r["id"]))
    negatives = [n for r in records if not r.get("belarus_related") and r["type"] == "person" for n in r["names"]]
    return table, queries, negatives


class Causes:
    """Why a query of the protocol was missed, read from the table (the seed names) alone:

    - ``listed twice``: the seed name of the query's entity does not name it alone (another entity
      of the table holds the same name: a record listed twice), so that no matcher can tell which
      the query names;
    - ``another name than the seed``: no word of the query that is no given name shares a phonetic
      key with a word of the seed that is no given name (a second surname, a renamed company, a
      brand or an acronym the seed lacks): no spelling rule leads from the one to the other;
    - ``reachable``: the rest, the matcher's own misses.
    """

    def __init__(self, table: list[dict]) -> None:
        self.n = Normalizer.from_records(table, index_canonical=False)
        self.seed = {rec["id"]: rec["names"][0] for rec in table}

    def _name_keys(self, text: str) -> set[str]:
        words = [w for w in split_tokens(text) if len(w.strip(".'‘’«»\"")) > 2]
        keep = [w for w in words if not self.n.groups.is_given_name(w)]
        return {k for k in self.n.key.many(keep) if k}

    def of(self, query: str, gold: str) -> str:
        own = self.n.resolve(self.seed[gold])
        if own is None or own.entity_id != gold or own.ambiguous:
            return "listed twice (the seed name does not name its entity alone)"
        if self._name_keys(query).isdisjoint(self._name_keys(self.seed[gold])):
            return "another name than the seed (no word but given names shares a key with it)"
        return "reachable (the matcher's own miss)"


def evaluate(
    name: str,
    resolve: Callable[[str], str | None],
    queries,
    negatives,
    show_errors: bool,
    types: dict[str, str],
    causes: Causes | None = None,
) -> dict:
    right = wrong = abstain = fp = 0
    by_type: dict[str, list[int]] = {}
    errors: list[str] = []
    by_cause: dict[str, list[str]] = {}
    t0 = time.perf_counter()
    for q, gold in queries:
        got = resolve(q)
        cell = by_type.setdefault(types[gold], [0, 0])
        cell[1] += 1
        if got == gold:
            cell[0] += 1
            right += 1
        elif got is None:
            abstain += 1
            errors.append(f"  abstain  {q!r} (gold {gold})")
        else:
            wrong += 1
            errors.append(f"  wrong    {q!r} -> {got} (gold {gold})")
        if got != gold and causes is not None:
            by_cause.setdefault(causes.of(q, gold), []).append(errors[-1])
    for q in negatives:
        got = resolve(q)
        if got is not None:
            fp += 1
            errors.append(f"  false+   {q!r} -> {got}")
    dt = time.perf_counter() - t0
    n = len(queries)
    res = {
        "system": name,
        "queries": n,
        "accuracy": right / n if n else 0.0,
        "wrong": wrong,
        "abstain": abstain,
        "negatives": len(negatives),
        "false_positives": fp,
        "fp_rate": fp / len(negatives) if negatives else 0.0,
        "seconds": dt,
        "accuracy_by_type": {t: round(r / n_, 3) for t, (r, n_) in sorted(by_type.items())},
    }
    if show_errors:
        print(f"--- errors of {name}")
        if by_cause:
            for cause, lines in sorted(by_cause.items()):
                print(f" {cause}: {len(lines)}")
                print("\n".join(lines))
            print("\n".join(e for e in errors if e.startswith("  false+")))
        else:
            print("\n".join(errors))
    return res


def ours(table: list[dict]) -> Callable[[str], str | None]:
    n = Normalizer.from_records(table, index_canonical=False)  # canonical is a label, not a seed name

    def run(q: str) -> str | None:
        m = n.resolve(q)
        return m.entity_id if m else None

    return run


def naive(table: list[dict], threshold: float = 0.9) -> Callable[[str], str | None]:
    import jellyfish
    from unidecode import unidecode

    names = [(unidecode(r["names"][0]).lower(), r["id"]) for r in table]

    def run(q: str) -> str | None:
        qq = unidecode(q).lower()
        best, bid = 0.0, None
        for s, i in names:
            sim = jellyfish.jaro_winkler_similarity(qq, s)
            if sim > best:
                best, bid = sim, i
        return bid if best >= threshold else None

    return run


NOMENKLATURA_THRESHOLD = 0.7  # the score OpenSanctions treats as a match for logic-v2


def nomenklatura_peer(table: list[dict]) -> Callable[[str], str | None] | None:
    try:
        from followthemoney import model
        from nomenklatura.matching import get_algorithm
    except ImportError:
        return None
    algo = get_algorithm("logic-v2")
    if algo is None:
        return None
    try:
        config = algo.default_config()
    except Exception:  # older releases take no config object
        config = None
    ents = []
    for k, r in enumerate(table):
        schema = "Person" if r["type"] == "person" else "Organization"
        e = model.make_entity(schema)
        e.id = f"e{k}"  # FollowTheMoney ids take no colons; ours are kept beside
        e.add("name", r["names"])
        ents.append((r["id"], e))

    counter = iter(range(10**9))

    def run(q: str) -> str | None:
        best, bid = 0.0, None
        qid = f"q{next(counter)}"  # nomenklatura caches comparisons by entity id: one id a query
        for rid, ent in ents:
            qe = model.make_entity(ent.schema.name)
            qe.id = qid
            qe.add("name", q)
            res = algo.compare(qe, ent, config) if config is not None else algo.compare(qe, ent)
            score = getattr(res, "score", res)
            if score > best:
                best, bid = score, rid
        return bid if best >= NOMENKLATURA_THRESHOLD else None

    return run


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--devdata")
    ap.add_argument("--peers", action="store_true", help="also run the naive and nomenklatura peers")
    ap.add_argument("--errors", action="store_true", help="list every miss, grouped by cause")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    dd = find_devdata(args.devdata)
    if dd is None:
        print("devdata not found (looked in ../shared/devdata and $NORMALIZE_DEVDATA): skipped")
        return 0
    records = [json.loads(line) for line in (dd / "entities_dev.jsonl").open(encoding="utf-8")]
    results = []
    for seed in ("cyrillic", "latin"):
        table, queries, negatives = build(records, seed)
        systems: list[tuple[str, Callable[[str], str | None] | None]] = [("normalize", ours(table))]
        if args.peers:
            systems.append(("unidecode+jaro-winkler", naive(table)))
            systems.append(("nomenklatura logic-v2", nomenklatura_peer(table)))
        for name, fn in systems:
            if fn is None:
                print(f"{name}: not installed, skipped")
                continue
            types = {rec["id"]: rec["type"] for rec in table}
            show = args.errors and name == "normalize"
            r = evaluate(name, fn, queries, negatives, show, types, Causes(table) if show else None)
            r["seed"] = seed
            results.append(r)
    if args.json:
        print(json.dumps(results, indent=1))
    else:
        print(
            f"{'seed':9} {'system':24} {'queries':>7} {'accuracy':>8} {'wrong':>5} {'abstain':>7} "
            f"{'FP':>4} {'FP rate':>7} {'sec':>6}"
        )
        for r in results:
            print(
                f"{r['seed']:9} {r['system']:24} {r['queries']:7d} {r['accuracy']:8.3f} {r['wrong']:5d} "
                f"{r['abstain']:7d} "
                f"{r['false_positives']:4d} {r['fp_rate']:7.3%} {r['seconds']:6.1f}  "
                + ", ".join(f"{t} {a:.3f}" for t, a in r["accuracy_by_type"].items())
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
