"""How well ``normalize discover`` finds and groups the people a corpus mentions that the tables lack.

Run: python benchmarks/eval_discover.py [--hide 100] [--seed 21] [--devdata DIR] [--show 50]

1. Generated corpus, truth known: ``--hide`` of the bundled people are taken out of the tables
   (a copy of the tables without them is written to a temporary folder) and sentences are written
   that mention them in all their forms: both languages' names, the case forms the inflection
   table makes (given name, patronymic and surname, each person's own gender), initials, and the
   spelling of the nominative under every scheme of its language. The kept people are mentioned
   too (they must be left out). The sentence templates are this script's own. Reported: how many
   generated mentions were found, grouping precision (groups holding one person's mentions only)
   and recall (people whose found mentions are all in one group).
2. Real text (``../shared/devdata/realtext_dev.txt``, skipped when absent): the ``--show`` most
   mentioned groups are printed, for a person to read and count the real people among them.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent

from normalize import Normalizer  # noqa: E402
from normalize.discover import Discovery, Settings  # noqa: E402
from normalize.importers.tablefiles import emit_entity  # noqa: E402
from normalize.names import person_roles_of  # noqa: E402
from normalize.tables import EntityRecord, Tables, inflect, load_tables  # noqa: E402
from normalize.text import detect_language, normalize_text  # noqa: E402
from normalize.translit import transliterate  # noqa: E402

# Sentence templates, by language and case; {} is the mention, {v} a verb in the person's gender.
TEMPLATES = {
    ("ru", "nom"): ["Вчера {} {v} на пресс-конференции в столице.", "Как сообщили журналисты, {} {v} в суде."],
    ("ru", "gen"): ["По словам {}, решение уже принято.", "Адвокаты {} подали жалобу."],
    ("ru", "dat"): ["Вопрос адресовали {} ещё в марте."],
    ("ru", "acc"): ["Журналисты видели {} на акции протеста."],
    ("ru", "ins"): ["Встреча с {} прошла без прессы."],
    ("be", "nom"): ["Учора {} {v} на прэс-канферэнцыі.", "Як паведамілі журналісты, {} {v} у судзе."],
    ("be", "gen"): ["Па словах {}, рашэнне ўжо прынятае.", "Адвакаты {} падалі скаргу."],
    ("be", "dat"): ["Пытанне адрасавалі {} яшчэ ў сакавіку."],
    ("be", "acc"): ["Журналісты бачылі {} на акцыі пратэсту."],
    ("be", "ins"): ["Сустрэча з {} прайшла без прэсы."],
    ("en", "nom"): [
        "On Tuesday {} told reporters that the talks would go on.",
        "A statement by {} was read out in court.",
    ],
    ("pl", "nom"): ["We wtorek {} {v} dziennikarzom, że rozmowy będą kontynuowane."],
    ("de", "nom"): ["Am Dienstag sagte {} vor Journalisten, die Gespräche gingen weiter."],
}
VERBS = {("ru", "m"): "выступил", ("ru", "f"): "выступила", ("be", "m"): "выступіў", ("be", "f"): "выступіла",
         ("pl", "m"): "powiedział", ("pl", "f"): "powiedziała"}  # fmt: skip
CASES = {"m": [("gen", 0, 0), ("dat", 1, 1), ("ins", 2, 2)], "f": [("gen", 0, 0), ("acc", 2, 1), ("ins", 3, 0)]}


def find_devdata(arg: str | None) -> Path | None:
    for cand in (arg, os.environ.get("NORMALIZE_DEVDATA"), HERE.parent.parent / "shared" / "devdata"):
        if cand and (Path(cand) / "realtext_dev.txt").is_file():
            return Path(cand)
    return None


def write_tables(folder: Path, records: list[EntityRecord]) -> None:
    """The entity files of a tables folder holding ``records`` (the rules are the bundled ones)."""
    (folder / "entities").mkdir(parents=True)
    body = []
    for r in records:
        rec: dict[str, object] = {"id": r.id, "type": r.type}
        if r.gender:
            rec["gender"] = r.gender
        rec["canonical"] = r.canonical
        rec["names"] = list(r.names)
        if r.aliases:
            rec["aliases"] = list(r.aliases)
        rec["prominence"] = str(r.prominence)
        body.append(emit_entity(rec))
    (folder / "entities" / "all.yaml").write_text("\n".join(body), encoding="utf-8")


def forms_of(rec: EntityRecord, tables: Tables) -> list[tuple[str, str, str]]:
    """(language, case, mention) for every form of a person's names."""
    out: list[tuple[str, str, str]] = []
    g = rec.gender or "m"
    for name in rec.names:
        givens, patrs, surname = person_roles_of(name)
        if not surname or not givens:
            continue
        lang = detect_language(name) or "ru"
        given, patr = givens[0], (patrs[0] if patrs else "")
        out.append((lang, "nom", f"{given} {surname}"))
        if patr:
            out.append((lang, "nom", f"{given} {patr} {surname}"))
            out.append((lang, "nom", f"{surname} {given} {patr}"))
        out.append((lang, "nom", f"{given[0]}. {surname}"))
        if patr:
            out.append((lang, "nom", f"{given[0]}. {patr[0]}. {surname}"))
        s_forms = inflect(surname, tables.inflection.get(lang, []), g)
        g_forms = inflect(given, tables.given_inflection.get(lang, []), g)
        p_forms = inflect(patr, tables.inflection.get(lang, []), g) if patr else []
        for case, gi, si in CASES[g]:
            gf = g_forms[gi] if gi < len(g_forms) else given
            sf = s_forms[si] if si < len(s_forms) else surname
            out.append((lang, case, f"{gf} {sf}"))
            if p_forms:
                pf = p_forms[si] if si < len(p_forms) else patr
                out.append((lang, case, f"{gf} {pf} {sf}"))
        # the nominative under every scheme of its language, and as English, Polish and German text
        for s in tables.schemes:
            if s.language != lang:
                continue
            latin = transliterate(f"{given} {surname}", s.id)
            target = "pl" if s.id.endswith("-pl") else "de" if s.id.endswith("-de") else "en"
            out.append((target, "nom", latin))
    seen: set[tuple[str, str, str]] = set()
    return [f for f in out if not (f in seen or seen.add(f))]


def sentences(rec: EntityRecord, tables: Tables, rng: random.Random) -> list[tuple[str, str]]:
    """(sentence, mention) for each form of a person."""
    out = []
    g = rec.gender or "m"
    for lang, case, mention in forms_of(rec, tables):
        templates = TEMPLATES.get((lang, case)) or TEMPLATES[("en", "nom")]
        t = rng.choice(templates)
        out.append((t.format(mention, v=VERBS.get((lang, g), "")), mention))
    return out


def run_generated(hide: int, seed: int) -> None:
    tables = load_tables(None)
    people = sorted((e for e in tables.entities if e.type == "person"), key=lambda e: e.id)
    rng = random.Random(seed)
    hidden = rng.sample(people, min(hide, len(people)))
    hidden_ids = {e.id for e in hidden}
    kept = [e for e in tables.entities if e.id not in hidden_ids]
    with tempfile.TemporaryDirectory() as tmp:
        write_tables(Path(tmp), kept)
        normalizer = Normalizer.load(tmp, cache=False, default_tables=False)
    lines: list[tuple[str, str | None]] = []  # (sentence, who: a hidden person's id, None for a kept one)
    generated: Counter[str] = Counter()
    for rec in hidden:
        for sentence, _ in sentences(rec, tables, rng):
            lines.append((sentence, rec.id))
            generated[rec.id] += 1
    for rec in kept:
        if rec.type == "person":
            for sentence, _ in sentences(rec, tables, rng)[:6]:
                lines.append((sentence, None))
    rng.shuffle(lines)
    t0 = time.perf_counter()
    discovery = Discovery(normalizer)
    truth: dict[str, Counter[str | None]] = defaultdict(Counter)  # surface → whose it was
    for no, (sentence, who) in enumerate(lines, 1):
        discovery.add_line(sentence, f"generated:{no}")
        for _, _, found in discovery.finder.find(normalize_text(sentence)):
            truth[found.surface][who] += 1
    groups = discovery.people(Settings(min_mentions=1, top=10**9))
    secs = time.perf_counter() - t0
    found_of: Counter[str] = Counter()
    pure = 0
    mention_pure = 0
    total_mentions = 0
    persons_groups: dict[str, Counter[int]] = defaultdict(Counter)
    mixed_examples: list[str] = []
    kept_groups = 0
    for gi, group in enumerate(groups):
        whose: Counter[str | None] = Counter()
        for seen in group.forms:
            for who, n in truth[seen.found.surface].items():
                whose[who] += n
        total = sum(whose.values())
        total_mentions += total
        top_n = whose.most_common(1)[0][1] if whose else 0
        if None in whose:
            kept_groups += 1
        if len(whose) == 1:
            pure += 1
        elif len(mixed_examples) < 5:
            mixed_examples.append(", ".join(f"{w}×{n}" for w, n in whose.most_common()))
        mention_pure += top_n
        for who, n in whose.items():
            if who is not None:
                persons_groups[who][gi] += n
                found_of[who] += n
    whole = sum(1 for who, gs in persons_groups.items() if len(gs) == 1)
    share = sum(max(gs.values()) for gs in persons_groups.values()) / max(1, sum(found_of.values()))
    found_total = sum(found_of.values())
    print(f"generated corpus: {len(lines)} sentences, {sum(generated.values())} mentions of {len(hidden)} hidden "
          f"people, {len(lines) - sum(generated.values())} of {len(kept)} kept entities; {secs:.1f} s")  # fmt: skip
    print(
        f"  mentions of hidden people found: {found_total} of {sum(generated.values())} "
        f"({found_total / max(1, sum(generated.values())):.3f}); hidden people found: {len(persons_groups)}"
    )
    print(f"  mentions of kept people left out: {discovery.known}; groups holding one: {kept_groups}")
    precision = pure / max(1, len(groups))
    print(f"  groups: {len(groups)}; precision (groups of one person): {pure}/{len(groups)} = {precision:.3f}; "
          f"mention-weighted {mention_pure / max(1, total_mentions):.3f}")  # fmt: skip
    print(
        f"  recall (people whose found mentions are all in one group): {whole}/{len(persons_groups)} = "
        f"{whole / max(1, len(persons_groups)):.3f}; mentions in their person's largest group {share:.3f}"
    )
    for m in mixed_examples:
        print(f"    a mixed group: {m}")


def run_real(devdata: Path, show: int) -> None:
    normalizer = Normalizer.default()
    discovery = Discovery(normalizer)
    path = devdata / "realtext_dev.txt"
    t0 = time.perf_counter()
    with open(path, encoding="utf-8", errors="replace") as fh:
        for no, line in enumerate(fh, 1):
            discovery.add_line(line.rstrip("\n"), f"realtext_dev.txt:{no}")
    groups = discovery.people(Settings(min_mentions=1, top=show))
    secs = time.perf_counter() - t0
    found = sum(s.count for s in discovery.seen.values())
    print(f"\nrealtext_dev.txt: {found} mentions of people the tables lack, {discovery.known} of known people; "
          f"{secs:.1f} s; the {len(groups)} most mentioned groups:")  # fmt: skip
    for k, g in enumerate(groups, 1):
        forms = ", ".join(f"{s.found.surface}×{s.count}" for s in sorted(g.forms, key=lambda s: -s.count)[:6])
        print(f"{k:3}. {g.mentions:3}  {g.gender or '?'}  {forms}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--hide", type=int, default=100)
    ap.add_argument("--seed", type=int, default=21)
    ap.add_argument("--devdata")
    ap.add_argument("--show", type=int, default=50)
    args = ap.parse_args()
    run_generated(args.hide, args.seed)
    devdata = find_devdata(args.devdata)
    if devdata is None:
        print("\nrealtext_dev.txt: the development data is absent; skipped")
    else:
        run_real(devdata, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
