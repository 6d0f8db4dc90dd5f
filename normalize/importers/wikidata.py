"""Wikidata items as entity JSON: the ``wbgetentities`` API's answer (``{"entities": {"Q…": {…}}}``,
one answer a line or one answer in the whole file) or the JSON dump (an array with one item a
line, each line ending in a comma).

Read: the labels and aliases in the chosen languages (``tables/wikidata_classes.yaml``), the item
id (kept as the ``wikidata`` id), ``instance of`` (P31: person, organisation or place, by the
classes of that file), ``sex or gender`` (P21), ``date of birth`` (P569: its year, where the
statements agree on one and give at least the year) and an organisation's ``inception`` (P571,
likewise: its year of founding).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import TableError
from ..phonetic import PhoneticKey
from ..tablefile import LDict, TableReader
from ..tables import default_tables_dir
from ..text import script_of
from .model import Imported, Skipped, agreed_year, clean_names, person_name_order, pick_caption

SOURCE = "wikidata"
MAX_ANSWER_CHARS = 64 * 1024 * 1024  # an answer spread over lines is read whole: up to this

YEAR_PRECISION = 9  # Wikidata time precision: 9 year, 10 month, 11 day; 8 a decade, 7 a century


@dataclass(frozen=True)
class Classes:
    """What ``wikidata_classes.yaml`` says: the classes of each type, the genders, the languages."""

    types: dict[str, str]  # class item → person, organization or place
    genders: dict[str, str]  # P21 item → m or f
    languages: tuple[str, ...]
    canonical_languages: tuple[str, ...]


def load_classes(path: str | Path | None = None) -> Classes:
    """Read (and check) a classes file; the bundled ``tables/wikidata_classes.yaml`` by default."""
    p = Path(path) if path is not None else default_tables_dir() / "wikidata_classes.yaml"
    reader = TableReader(p, str(p))
    doc = reader.read()
    top = reader.mapping(doc, 1, "the Wikidata classes file") if doc is not None else None
    types: dict[str, str] = {}
    genders: dict[str, str] = {}
    langs: list[str] = []
    canon: list[str] = []
    if top is not None:
        allowed = {"source", "person", "organization", "place", "genders", "languages", "canonical_languages"}
        reader.keys(top, allowed, {"person"}, "the Wikidata classes file")
        for etype in ("person", "organization", "place"):
            if etype in top:
                for q in reader.texts(top[etype], top.lines[etype], f"`{etype}`"):
                    if not _is_qid(q):
                        reader.problem(top.lines[etype], f"{q!r} is not a Wikidata item id (Q and digits)")
                    elif q in types and types[q] != etype:
                        reader.problem(top.lines[etype], f"{q} is listed under {types[q]} and {etype}")
                    else:
                        types[q] = etype
        g = top.get("genders")
        if isinstance(g, LDict):
            for q, v in g.items():
                if not _is_qid(q) or v not in ("m", "f"):
                    reader.problem(g.lines[q], f"a gender is a Wikidata item id and m or f, not {q!r}: {v!r}")
                else:
                    genders[q] = v
        elif g is not None:
            reader.problem(top.lines["genders"], "`genders` must be a mapping of item ids to m or f")
        for key, out in (("languages", langs), ("canonical_languages", canon)):
            if key in top:
                out.extend(s.strip() for s in reader.texts(top[key], top.lines[key], f"`{key}`") if s.strip())
    if reader.problems:
        raise TableError(reader.problems)
    return Classes(types, genders, tuple(langs), tuple(canon))


def _is_qid(text: object) -> bool:
    return isinstance(text, str) and text[:1] == "Q" and text[1:].isdigit() and text[1:2] != "0"


def items(lines: Iterator[tuple[int, str]]) -> Iterator[tuple[int, Any] | Skipped]:
    """The items of a file given line by line: a dump line, an answer of ``wbgetentities`` on
    one line, or (when the file starts with a line holding only ``{``) one answer over the whole
    file, which is read whole (up to :data:`MAX_ANSWER_CHARS`)."""
    whole: list[str] | None = None
    first_line = 0
    size = 0
    for no, text in lines:
        if whole is not None:
            size += len(text) + 1
            if size > MAX_ANSWER_CHARS:
                yield Skipped(first_line, f"an answer over {MAX_ANSWER_CHARS} characters; split it into lines")
                return
            whole.append(text)
            continue
        s = text.strip()
        if not s or s in ("[", "]"):
            continue
        if s == "{" and not first_line:
            whole, first_line = [text], no
            continue
        first_line = first_line or no
        if s.endswith(","):
            s = s[:-1]
        try:
            obj = json.loads(s)
        except json.JSONDecodeError as exc:
            yield Skipped(no, f"invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        except RecursionError:
            yield Skipped(no, "invalid JSON: nested too deep")
            continue
        yield from _unpack(obj, no)
    if whole is not None:
        try:
            obj = json.loads("\n".join(whole))
        except json.JSONDecodeError as exc:
            yield Skipped(first_line + exc.lineno - 1, f"invalid JSON: {exc.msg} (column {exc.colno})")
            return
        except RecursionError:
            yield Skipped(first_line, "invalid JSON: nested too deep")
            return
        yield from _unpack(obj, first_line)


def _unpack(obj: Any, line: int) -> Iterator[tuple[int, Any] | Skipped]:
    if isinstance(obj, dict) and isinstance(obj.get("entities"), dict):
        for item in obj["entities"].values():
            yield line, item
    elif isinstance(obj, dict):
        yield line, obj
    else:
        yield Skipped(line, "a line must hold a JSON object (an item, or an answer with `entities`)")


def _claim_values(item: dict[str, Any], prop: str) -> list[dict[str, Any]]:
    """The values of a property's statements that are mappings (deprecated statements left out)."""
    out: list[dict[str, Any]] = []
    claims = item.get("claims")
    stmts = claims.get(prop) if isinstance(claims, dict) else None
    for st in stmts if isinstance(stmts, list) else ():
        if not isinstance(st, dict) or st.get("rank") == "deprecated":
            continue
        snak = st.get("mainsnak")
        value = snak.get("datavalue", {}).get("value") if isinstance(snak, dict) else None
        if isinstance(value, dict):
            out.append(value)
    return out


def _claim_ids(item: dict[str, Any], prop: str) -> list[str]:
    """The item ids a property's statements point to (deprecated statements left out)."""
    out: list[str] = []
    for value in _claim_values(item, prop):
        q = value.get("id")
        if not isinstance(q, str) and isinstance(value.get("numeric-id"), int):
            q = f"Q{value['numeric-id']}"
        if _is_qid(q):
            out.append(str(q))
    return out


def _claim_times(item: dict[str, Any], prop: str) -> list[str]:
    """The times a property's statements give to the year or closer (precision 9 or more: a decade
    or a century says no year), deprecated statements left out."""
    return [
        v["time"]
        for v in _claim_values(item, prop)
        if isinstance(v.get("time"), str) and isinstance(v.get("precision"), int) and v["precision"] >= YEAR_PRECISION
    ]


def _texts(field: Any, langs: tuple[str, ...] | None) -> dict[str, list[str]]:
    """Label or alias values by language (``langs`` None: every language)."""
    out: dict[str, list[str]] = {}
    if not isinstance(field, dict):
        return out
    for lang, v in field.items():
        if langs is not None and lang not in langs:
            continue
        vals = v if isinstance(v, list) else [v]
        for one in vals:
            text = one.get("value") if isinstance(one, dict) else None
            if isinstance(text, str):
                out.setdefault(lang, []).append(text)
    return out


def parse_item(item: Any, line: int, classes: Classes, key: PhoneticKey, every_language: bool) -> Imported | Skipped:
    """One item: the entity, or why it is not imported."""
    if not isinstance(item, dict):
        return Skipped(line, "an item must be a JSON object")
    qid = item.get("id")
    if "missing" in item:
        return Skipped(line, f"item {qid or item.get('title', '?')} is missing in Wikidata's answer")
    if not _is_qid(qid):
        if item.get("type") == "property":
            return Skipped(line, "a property, not an item", bad=False)
        return Skipped(line, f"not a Wikidata item (id {qid!r})")
    assert isinstance(qid, str)
    instance_of = _claim_ids(item, "P31")
    types = {classes.types[q] for q in instance_of if q in classes.types}
    if len(types) != 1:
        if not types:
            what = ", ".join(instance_of) or "nothing"
            return Skipped(line, f"{qid}: instance of {what}, no class of a person, organisation or place (add it)")
        if "person" in types:
            types = {"person"}
        else:
            return Skipped(line, f"{qid}: instance of classes of several types ({', '.join(sorted(types))})")
    etype = types.pop()
    langs = None if every_language else classes.languages
    labels = _texts(item.get("labels"), langs)
    aliases_by_lang = _texts(item.get("aliases"), langs)
    order = {lang: i for i, lang in enumerate(classes.languages)}

    def ranked(by_lang: dict[str, list[str]]) -> list[str]:
        """Cyrillic first (the tables' order), then by the order of the languages."""
        pairs = [(v, lang) for lang, vs in by_lang.items() for v in vs]
        pairs.sort(key=lambda p: (script_of(p[0]) != "Cyrl", order.get(p[1], len(order)), p[1]))
        return [v for v, _ in pairs]

    names = clean_names(ranked(labels))
    aliases = clean_names(ranked(aliases_by_lang))
    if etype == "person":
        names = clean_names(person_name_order(n, key) for n in names)
        aliases = clean_names(person_name_order(n, key) for n in aliases)
    if not names:
        if not aliases:
            return Skipped(line, f"{qid} has no label or alias in the languages imported")
        names, aliases = aliases[:1], aliases[1:]
    taken = {n.casefold() for n in names}
    aliases = [a for a in aliases if a.casefold() not in taken]
    canonical = None
    for lang in classes.canonical_languages:
        got = clean_names(labels.get(lang, []))
        if got:
            canonical = got[0]
            break
    canonical = canonical or pick_caption(names) or names[0]
    gender = born = founded = None
    if etype == "person":
        genders = {classes.genders[q] for q in _claim_ids(item, "P21") if q in classes.genders}
        gender = genders.pop() if len(genders) == 1 else None
        born = agreed_year(_claim_times(item, "P569"))
    elif etype == "organization":
        founded = agreed_year(_claim_times(item, "P571"))  # inception
    return Imported(etype, canonical, names, line, gender, aliases, [], [(SOURCE, qid)], born, founded)
