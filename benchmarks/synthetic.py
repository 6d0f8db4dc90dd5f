"""Synthetic entity tables and text for the benchmarks (deterministic: the same seed gives the same data).

Names are made from the bundled cognate table (given names, patronymics) and surnames built from
syllables and the common East Slavic endings, so that the matcher meets realistic shapes at scale.
"""

from __future__ import annotations

import random
from typing import Any

from normalize.tables import load_tables

SYLL = ["ka", "ra", "lo", "ma", "ni", "ko", "vo", "da", "se", "te", "bu", "zha", "shi", "cha", "lu", "go",
        "pe", "no", "ri", "sa", "to", "ba", "du", "me", "mi", "tse", "khe", "zo", "vy", "gri"]  # fmt: skip
RU_SYLL = ["ка", "ра", "ло", "ма", "ни", "ко", "во", "да", "се", "те", "бу", "жа", "ши", "ча", "лу", "го",
           "пе", "но", "ри", "са", "то", "ба", "ду", "ме", "ми", "це", "хе", "зо", "вы", "гри"]  # fmt: skip
ENDINGS_M = ["ов", "ев", "ин", "енко", "ский", "ич", "ук", "ович", "ко", "цкий"]
ENDINGS_F = {"ов": "ова", "ев": "ева", "ин": "ина", "ский": "ская", "цкий": "цкая"}


def _patronymic(father: str, gender: str) -> str:
    if father.endswith("й"):
        stem = father[:-1]
        return stem + ("евич" if gender == "m" else "евна")
    if father.endswith(("а", "я")):
        return father[:-1] + ("ич" if gender == "m" else "ична")
    if father.endswith("ь"):
        return father[:-1] + ("евич" if gender == "m" else "евна")
    return father + ("ович" if gender == "m" else "овна")


def entities(n: int, seed: int = 7) -> list[dict[str, Any]]:
    """``n`` person records with one Russian Cyrillic name each, unique ids and full names."""
    rnd = random.Random(seed)
    t = load_tables(entities=False)
    male = [c.ru[0] for c in t.cognates if c.gender == "m" and c.ru]
    female = [c.ru[0] for c in t.cognates if c.gender == "f" and c.ru]
    fathers = [m for m in male if not m.endswith(("а", "я"))]
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    while len(out) < n:
        gender = "m" if rnd.random() < 0.7 else "f"
        stem = "".join(rnd.choice(RU_SYLL) for _ in range(rnd.randint(2, 3)))
        end = rnd.choice(ENDINGS_M)
        if gender == "f":
            end = ENDINGS_F.get(end, end)
            if end in ("ич", "ович", "ук", "енко", "ко"):
                end = end  # these do not change for women
        surname = (stem + end).capitalize()
        given = rnd.choice(male if gender == "m" else female)
        patr = _patronymic(rnd.choice(fathers), gender)
        full = f"{given} {patr} {surname}"
        if full in seen:
            continue
        seen.add(full)
        out.append({"id": f"s{len(out)}", "canonical": full, "names": [full], "type": "person", "gender": gender})
    return out
