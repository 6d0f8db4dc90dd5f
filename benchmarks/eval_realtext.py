"""Wrong links and misses of the rewrite pass on real sentences, against a hand gold.

Run: python benchmarks/eval_realtext.py [--devdata DIR] [--gold FILE] [--all]

The sentences are ../shared/devdata/realtext_dev.txt (one a line; third-party, read in place and
never copied). The gold, benchmarks/realtext_gold.tsv, gives each judged span by its line and
offsets: the id of the bundled entity it names, or ``none`` for a span that names something else (a
namesake, a common word, a title). The pass runs with the bundled tables (``Normalizer.default()``,
``Rewriter`` with its defaults) and each span it links is
  - correct: a gold span with the same offsets and the same entity;
  - wrong: it overlaps a gold ``none`` span or a gold span of another entity (the worst error of a
    pre-processing step: each is listed with the gold's note);
  - right entity, other offsets: it overlaps a gold span of its entity only (the gold span counts
    as missed);
  - not judged: it overlaps no gold span (listed, so that the gold can be extended).
Misses are the gold entity spans that no link matches exactly. Precision is correct / (correct +
wrong); recall is correct / gold entity spans. Throughput: the pass (``Rewriter.rewrite`` on each
line) over the whole file with a fresh rewriter, best of 3. Without the data the script says so and
exits 0.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from eval_devdata import find_devdata  # noqa: E402

from normalize import Normalizer  # noqa: E402
from normalize.rewrite import Rewriter  # noqa: E402

TEXT_FILE = "realtext_dev.txt"
GOLD_FILE = HERE / "realtext_gold.tsv"
COLUMNS = ["line", "start", "end", "entity", "kind", "note"]


@dataclass(frozen=True)
class Span:
    line: int
    start: int
    end: int
    entity: str  # an entity id, or "none"
    kind: str = "name"
    note: str = ""

    def overlaps(self, other: Span) -> bool:
        return self.line == other.line and self.start < other.end and other.start < self.end

    def where(self) -> str:
        return f"{self.line}:{self.start}-{self.end}"


def find_text(arg: str | None) -> Path | None:
    """The sentences file: in --devdata, else where ``find_devdata`` finds the development data."""
    if arg and (Path(arg) / TEXT_FILE).is_file():
        return Path(arg) / TEXT_FILE
    folder = find_devdata(arg)
    if folder is not None and (folder / TEXT_FILE).is_file():
        return folder / TEXT_FILE
    return None


def read_lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def read_gold(path: Path, lines: list[str]) -> list[Span]:
    """The gold spans; a row that does not fit the text is an error naming the file and line."""
    spans: list[Span] = []
    with path.open(encoding="utf-8", newline="") as f:
        rows = [(n, r) for n, r in enumerate(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE), 1)]
    header_seen = False
    for n, row in rows:
        if not row or row[0].startswith("#"):
            continue
        if not header_seen:
            if row != COLUMNS:
                raise SystemExit(f"{path}:{n}: the header must be {' '.join(COLUMNS)}")
            header_seen = True
            continue
        if len(row) != len(COLUMNS):
            raise SystemExit(f"{path}:{n}: {len(COLUMNS)} tab-separated columns expected, found {len(row)}")
        try:
            line, start, end = int(row[0]), int(row[1]), int(row[2])
        except ValueError:
            raise SystemExit(f"{path}:{n}: line, start and end must be whole numbers") from None
        if not 0 <= line < len(lines) or not 0 <= start < end <= len(lines[line]):
            raise SystemExit(f"{path}:{n}: the span {line}:{start}-{end} is outside the text (another version?)")
        spans.append(Span(line, start, end, row[3], row[4], row[5]))
    return spans


@dataclass
class Judged:
    correct: list[Span]
    wrong: list[tuple[Span, Span]]  # the link, the gold span it contradicts
    offsets: list[tuple[Span, Span]]  # the link, the gold span of its entity it does not match
    unjudged: list[Span]
    missed: list[Span]


def judge(links: list[Span], gold: list[Span]) -> Judged:
    by_line: dict[int, list[Span]] = {}
    for g in gold:
        by_line.setdefault(g.line, []).append(g)
    exact = {(g.line, g.start, g.end, g.entity) for g in gold if g.entity != "none"}
    out = Judged([], [], [], [], [])
    found: set[tuple[int, int, int, str]] = set()
    for link in links:
        key = (link.line, link.start, link.end, link.entity)
        if key in exact:
            out.correct.append(link)
            found.add(key)
            continue
        near = [g for g in by_line.get(link.line, ()) if g.overlaps(link)]
        # the gold span that contradicts the link: one with the same offsets first, then any other
        against = sorted(
            (g for g in near if g.entity != link.entity), key=lambda g: g.start != link.start or g.end != link.end
        )
        if against:
            out.wrong.append((link, against[0]))
        elif near:
            out.offsets.append((link, near[0]))
        else:
            out.unjudged.append(link)
    out.missed = [g for g in gold if g.entity != "none" and (g.line, g.start, g.end, g.entity) not in found]
    return out


def run_pass(rewriter: Rewriter, lines: list[str]) -> list[Span]:
    return [Span(i, m.start, m.end, m.entity_id) for i, text in enumerate(lines) for m in rewriter.find(text)]


def throughput(normalizer: Normalizer, lines: list[str], repeat: int = 3) -> tuple[float, float]:
    """(MB of UTF-8 text, best seconds) of the rewrite pass over the lines, a fresh rewriter each run."""
    size = sum(len(text.encode("utf-8")) + 1 for text in lines) / 1e6
    best = float("inf")
    for _ in range(repeat):
        rewriter = Rewriter(normalizer)
        t0 = time.perf_counter()
        for text in lines:
            rewriter.rewrite(text)
        best = min(best, time.perf_counter() - t0)
    return size, best


def excerpt_free(span: Span, types: dict[str, str]) -> str:
    """How a span is printed: its place and entity, never the sentence's words."""
    kind = types.get(span.entity, "")
    return f"{span.where():>14}  {span.entity}" + (f" ({kind})" if kind else "")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--devdata", help="folder of the development data (default ../shared/devdata)")
    ap.add_argument("--gold", default=str(GOLD_FILE), help="the gold file (default benchmarks/realtext_gold.tsv)")
    ap.add_argument("--all", action="store_true", help="list every miss and every link not judged (default: 40 each)")
    args = ap.parse_args()

    text_path = find_text(args.devdata)
    if text_path is None:
        print(f"{TEXT_FILE} not found (give --devdata or set NORMALIZE_DEVDATA): nothing to measure.")
        return 0
    lines = read_lines(text_path)
    gold = read_gold(Path(args.gold), lines)

    normalizer = Normalizer.default()
    types = {e.id: e.type for e in normalizer.entities}
    unknown = sorted({g.entity for g in gold} - set(types) - {"none"})
    if unknown:
        print(f"note: the gold names entities the tables do not hold: {', '.join(unknown)}")
    links = run_pass(Rewriter(normalizer), lines)
    j = judge(links, gold)

    entity_spans = [g for g in gold if g.entity != "none"]
    by_type = Counter(types.get(g.entity, "?") for g in entity_spans)
    print(
        f"{len(lines)} lines; gold: {len(entity_spans)} entity spans "
        f"({', '.join(f'{n} {t}' for t, n in sorted(by_type.items()))}), "
        f"{len(gold) - len(entity_spans)} none spans"
    )
    print(f"spans linked: {len(links)}")
    print(f"  correct: {len(j.correct)}")
    print(
        f"  wrong: {len(j.wrong)} "
        f"({sum(g.entity == 'none' for _, g in j.wrong)} where the gold says none, "
        f"{sum(g.entity != 'none' for _, g in j.wrong)} to another entity)"
    )
    print(f"  right entity, other offsets: {len(j.offsets)}")
    print(f"  not judged by the gold: {len(j.unjudged)}")
    print(f"misses: {len(j.missed)} of {len(entity_spans)} gold entity spans")
    judged = len(j.correct) + len(j.wrong)
    precision = len(j.correct) / judged if judged else 1.0
    recall = len(j.correct) / len(entity_spans) if entity_spans else 1.0
    print(
        f"precision {precision:.3f} (correct / (correct + wrong)); recall {recall:.3f}; "
        f"wrong links per 1,000 lines {1000 * len(j.wrong) / max(len(lines), 1):.2f}"
    )
    missed_types = Counter(types.get(g.entity, "?") for g in j.missed)
    if missed_types:
        print("misses by type: " + ", ".join(f"{t} {n} of {by_type[t]}" for t, n in sorted(missed_types.items())))

    if j.wrong:
        print("\nwrong links (line:start-end, entity linked; the gold's entity and note):")
        for link, g in j.wrong:
            where = "" if (g.start, g.end) == (link.start, link.end) else f" (span {g.where()})"
            print(f"{excerpt_free(link, types)}  -> gold {g.entity}{where}: {g.note}")
    if j.offsets:
        print("\nright entity, other offsets (link; gold span):")
        for link, g in j.offsets:
            print(f"{excerpt_free(link, types)}  gold {g.where()}: {g.note}")
    limit = None if args.all else 40
    if j.missed:
        print(
            f"\nmisses (gold spans not linked){'' if limit is None or len(j.missed) <= limit else f', first {limit}'}:"
        )
        for g in j.missed[:limit]:
            print(f"{excerpt_free(g, types)}: {g.note}")
    if j.unjudged:
        print(
            f"\nlinks the gold does not judge{'' if limit is None or len(j.unjudged) <= limit else f', first {limit}'}:"
        )
        for link in j.unjudged[:limit]:
            print(excerpt_free(link, types))

    size, seconds = throughput(normalizer, lines)
    print(
        f"\nthroughput: {size:.3f} MB in {seconds:.3f} s = {size / seconds:.2f} MB/s "
        f"(Rewriter.rewrite per line, fresh rewriter, best of 3)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
