"""Synthetic entity tables and text for the benchmarks (deterministic: the same seed gives the same data).

Names are made from the bundled cognate table (given names, patronymics) and surnames built from
syllables and the common East Slavic endings, so that the matcher meets realistic shapes at scale.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
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


QUERY_SCHEMES = ["ru-bgn-pcgn", "ru-icao", "ru-wikipedia", "ru-press-de", "ru-press-pl", "ru-iso9"]
QUERY_KINDS = ("given surname, romanized", "SURNAME, given patronymic, romanized", "initials surname",
               "full name, romanized", "given surname", "nobody")  # fmt: skip


@dataclass(frozen=True)
class Query:
    """A synthetic mention: ``gold`` is the id of the entity it was made from (None for a name of
    nobody); ``kind`` indexes :data:`QUERY_KINDS`; ``parts`` are the name parts (Cyrillic) the mention
    was made from, as :func:`namesakes` compares them."""

    text: str
    gold: str | None
    kind: int
    parts: tuple[str, ...]


def queries(records: list[dict[str, Any]], n: int, seed: int = 3) -> list[Query]:
    """``n`` mentions of random entities of ``records``: each one's name in another script and
    romanization, surname first, with initials, in full, and names of nobody (a sixth of them)."""
    import normalize

    rnd = random.Random(seed)
    out: list[Query] = []
    while len(out) < n:
        r = rnd.choice(records)
        given, patr, sur = r["names"][0].split()
        kind = rnd.randrange(6)
        sch = rnd.choice(QUERY_SCHEMES)
        if kind == 0:
            q, parts = normalize.transliterate(f"{given} {sur}", sch), (given, sur)
        elif kind == 1:
            q, parts = normalize.transliterate(f"{sur.upper()}, {given} {patr}", sch), (given, patr, sur)
        elif kind == 2:
            q, parts = f"{given[0]}. {patr[0]}. {sur}", (given[0], patr[0], sur)
        elif kind == 3:
            q, parts = normalize.transliterate(f"{given} {patr} {sur}", sch), (given, patr, sur)
        elif kind == 4:
            q, parts = f"{given} {sur}", (given, sur)
        else:
            out.append(Query(normalize.transliterate(f"Zyx{sur.lower()}oq {given}", sch), None, kind, ()))
            continue
        out.append(Query(q, r["id"], kind, parts))
    return out


def _parts_of(record: dict[str, Any], kind: int) -> tuple[str, ...]:
    given, patr, sur = record["names"][0].split()
    if kind in (0, 4):
        return (given, sur)
    if kind == 2:
        return (given[0], patr[0], sur)
    return (given, patr, sur)


def namesakes(records: list[dict[str, Any]], qs: list[Query]) -> dict[int, set[str]]:
    """For each query (by position) that more than one entity of ``records`` would be written as, the
    ids of all of them: the same name parts in Cyrillic (Иван Петров of two people who differ in
    patronymic; А. Б. Петров of an Андрей Борисович and an Анна Богдановна). Such a query is real
    ambiguity: no matcher can tell which one it names. (Two different Cyrillic names romanized alike
    would be so too; the syllables of the synthetic surnames give none.)"""
    by_surname: dict[str, list[dict[str, Any]]] = {}
    for r in records:
        by_surname.setdefault(r["names"][0].rsplit(" ", 1)[1], []).append(r)
    out: dict[int, set[str]] = {}
    for i, q in enumerate(qs):
        if q.gold is None:
            continue
        same = {r["id"] for r in by_surname.get(q.parts[-1], ()) if _parts_of(r, q.kind) == q.parts}
        if len(same) > 1:
            out[i] = same
    return out


OUTCOMES = ("right", "ambiguous, said so", "wrong entity", "missed", "false positive", "namesake chosen as sure")


def judge(q: Query, match: Any, namesakes_of_q: set[str] | None) -> str:
    """The outcome of ``match`` (a :class:`normalize.Match` or None) for ``q``, one of
    :data:`OUTCOMES`. A query of several namesakes is answered rightly by no match or by a match
    marked ambiguous (to any of them); one of them chosen as sure is an error."""
    got = match.entity_id if match is not None else None
    if q.gold is None:
        return "right" if got is None else "false positive"
    if namesakes_of_q:
        if got is None or (match.ambiguous and got in namesakes_of_q):
            return "ambiguous, said so"
        return "namesake chosen as sure" if got in namesakes_of_q else "wrong entity"
    if got == q.gold:
        return "right"
    return "missed" if got is None else "wrong entity"


def resolve_timed(n: Any, qs: list[Query]) -> tuple[list[float], list[Any], list[float]]:
    """Each query resolved with the phonetic-key memo cleared before it (cold), then again after
    every one was resolved once (warm): the latencies in µs of both, and the cold matches."""
    key_memo = n.key._cache
    cold: list[float] = []
    got: list[Any] = []
    for q in qs:
        key_memo.clear()
        t = time.perf_counter_ns()
        m = n.resolve(q.text)
        cold.append((time.perf_counter_ns() - t) / 1000)
        got.append(m)
    for q in qs:  # warm: every word of every mention seen before
        n.resolve(q.text)
    warm: list[float] = []
    for q in qs:
        t = time.perf_counter_ns()
        n.resolve(q.text)
        warm.append((time.perf_counter_ns() - t) / 1000)
    return cold, got, warm
