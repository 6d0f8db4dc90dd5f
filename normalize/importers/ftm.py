"""FollowTheMoney entities as JSON lines (the format of OpenSanctions' data): one entity a line,
``{"id": …, "schema": "Person", "properties": {"name": […], …}}``.

Read: ``caption`` (the canonical form, where the export carries one; else made by the same rule,
:func:`~.model.pick_caption`), ``name`` (names), ``alias`` and ``previousName`` (aliases),
``weakAlias`` (weak aliases), ``firstName``, ``middleName``, ``fatherName`` and ``lastName`` (a
full name is made of them, for each script that holds one of each), ``gender``, ``birthDate``
(the year of birth, where the dates given agree on one), ``incorporationDate`` (an organisation's
year of founding, likewise), and ``wikidataId`` (a second source id). The schemas Person,
Organization, Company, LegalEntity and PublicBody are imported; records of other schemas
(sanctions, addresses, vessels …) are skipped and counted.
"""

from __future__ import annotations

import json
from typing import Any

from ..phonetic import PhoneticKey
from ..text import script_of
from .model import Imported, Skipped, agreed_year, clean_names, person_name_order, pick_caption

SCHEMA_TYPES = {
    "Person": "person",
    "Organization": "organization",
    "Company": "organization",
    "LegalEntity": "organization",
    "PublicBody": "organization",
}
GENDERS = {"male": "m", "female": "f"}
SOURCE = "opensanctions"


def _values(props: dict[str, Any], name: str) -> list[str]:
    got = props.get(name)
    if isinstance(got, str):
        return [got]
    if isinstance(got, list):
        return [v for v in got if isinstance(v, str)]
    return []


def _composed(props: dict[str, Any]) -> list[str]:
    """Full names made of the parts (first, middle, father's and last name), one for each script
    in which the last name is written once and every other part at most once: where a script
    holds two forms of a part (a Russian and a Belarusian one) which goes with which is not
    known, and the parts are left to the names given whole."""
    out: list[str] = []
    parts = [_values(props, p) for p in ("firstName", "middleName", "fatherName", "lastName")]
    for script in dict.fromkeys(script_of(v) for v in parts[3]):
        mine = [[v for v in vs if script_of(v) == script] for vs in parts]
        if len(mine[3]) == 1 and all(len(vs) <= 1 for vs in mine) and any(mine[:3]):
            out.append(" ".join(v for vs in mine for v in vs))
    return out


def parse_line(text: str, line: int, key: PhoneticKey) -> Imported | Skipped:
    """One line of a FollowTheMoney file: the entity, or why it is not imported."""
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        return Skipped(line, f"invalid JSON: {exc.msg} (column {exc.colno})")
    except RecursionError:
        return Skipped(line, "invalid JSON: nested too deep")
    if not isinstance(obj, dict):
        return Skipped(line, "a line must hold a JSON object (an entity)")
    schema, props, eid = obj.get("schema"), obj.get("properties"), obj.get("id")
    if not isinstance(schema, str) or not isinstance(props, dict):
        return Skipped(line, "not a FollowTheMoney entity (no `schema` text and `properties` object)")
    etype = SCHEMA_TYPES.get(schema)
    if etype is None:
        return Skipped(line, f"schema {schema}", bad=False)
    if not isinstance(eid, str) or not eid.strip():
        return Skipped(line, "the entity has no `id`")
    names = clean_names(_values(props, "name"))
    composed = clean_names(_composed(props)) if etype == "person" else []
    if etype == "person":
        names = clean_names(person_name_order(n, key) for n in names)
        composed = clean_names(person_name_order(n, key) for n in composed)
    given_caption = clean_names([obj.get("caption")])  # OpenSanctions' exports carry it, made by this rule
    caption = given_caption[0] if given_caption else pick_caption(names) or pick_caption(composed)
    all_names = clean_names([*names, *composed])
    aliases = clean_names(_values(props, "alias") + _values(props, "previousName"))
    if etype == "person":
        aliases = clean_names(person_name_order(n, key) for n in aliases)
    if not all_names:
        if not aliases:
            return Skipped(line, f"entity {eid} has no name")
        all_names, aliases = aliases[:1], aliases[1:]
        caption = all_names[0]
    taken = {n.casefold() for n in all_names}
    aliases = [a for a in aliases if a.casefold() not in taken]
    taken.update(a.casefold() for a in aliases)
    weak = [w for w in clean_names(_values(props, "weakAlias")) if w.casefold() not in taken]
    gender = born = founded = None
    if etype == "person":
        genders = {GENDERS.get(g.strip().lower()) for g in _values(props, "gender")} - {None}
        gender = genders.pop() if len(genders) == 1 else None
        born = agreed_year(_values(props, "birthDate"))
    elif etype == "organization":
        founded = agreed_year(_values(props, "incorporationDate"))
    ids = [(SOURCE, eid.strip())]
    for q in _values(props, "wikidataId"):
        q = q.strip()
        if q[:1] == "Q" and q[1:].isdigit() and q[1:2] != "0":
            ids.append(("wikidata", q))
    return Imported(etype, caption or all_names[0], all_names, line, gender, aliases, weak, ids, born, founded)
