"""A spreadsheet as CSV (or TSV), one entity a row, with a mapping of its columns: ``--id`` (the
entity's id in that sheet), ``--name`` (repeatable: every column holding a name), ``--type``,
``--gender`` and ``--canonical``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import InputError
from ..phonetic import PhoneticKey
from .model import Imported, Skipped, clean_names, person_name_order, pick_caption

TYPES = {
    "person": "person", "people": "person", "human": "person",
    "organization": "organization", "organisation": "organization", "org": "organization",
    "company": "organization",
    "place": "place", "location": "place",
}  # fmt: skip
GENDERS = {"m": "m", "male": "m", "man": "m", "м": "m", "f": "f", "female": "f", "woman": "f", "ж": "f"}
_SOURCE_RE = re.compile(r"[^a-z0-9_-]+")


@dataclass(frozen=True)
class Columns:
    """Which column holds what (names as in the header), and what stands for a missing one."""

    id: str
    names: tuple[str, ...]
    type: str | None = None
    gender: str | None = None
    canonical: str | None = None
    default_type: str = "person"
    source: str = "csv"
    separator: str = ""  # a cell of a name column may hold several names, split by this

    def positions(self, header: Sequence[str], path: str) -> dict[str, list[int]]:
        """The position of each mapped column in ``header``; a column not there is an error."""
        out: dict[str, list[int]] = {}
        wanted = {"id": [self.id], "names": list(self.names)}
        for role in ("type", "gender", "canonical"):
            col = getattr(self, role)
            if col:
                wanted[role] = [col]
        for role, cols in wanted.items():
            for col in cols:
                if col not in header:
                    raise InputError(
                        f"{path}: no column {col!r} for --{role.rstrip('s')} (columns: {', '.join(header)})"
                    )
                out.setdefault(role, []).append(header.index(col))
        return out


def source_name(text: str) -> str:
    """A source name for ids (lower-case letters, digits, - and _) made of ``text`` (a file name)."""
    s = _SOURCE_RE.sub("-", text.lower()).strip("-_")
    return (s if s[:1].isalpha() else f"csv-{s}")[:40].rstrip("-_") or "csv"


def parse_row(
    row: list[str], line: int, cols: Columns, at: dict[str, list[int]], key: PhoneticKey
) -> Imported | Skipped:
    """One row: the entity, or why it is not imported."""

    def cell(i: int) -> str:
        return row[i].strip() if i < len(row) else ""

    sid = cell(at["id"][0])
    if not sid:
        return Skipped(line, f"the id column {cols.id!r} is empty")
    etype = cols.default_type
    if "type" in at:
        raw = cell(at["type"][0])
        if raw:
            got = TYPES.get(raw.casefold())
            if got is None:
                return Skipped(line, f"type {raw!r} is none of person, organization, place")
            etype = got
    gender = None
    if "gender" in at:
        raw = cell(at["gender"][0])
        if raw:
            gender = GENDERS.get(raw.casefold())
            if gender is None:
                return Skipped(line, f"gender {raw!r} is none of m, f (male, female)")
            if etype != "person":
                gender = None
    values: list[str] = []
    for i in at["names"]:
        text = cell(i)
        values.extend(text.split(cols.separator) if cols.separator else [text])
    names = clean_names(values)
    if etype == "person":
        names = clean_names(person_name_order(n, key) for n in names)
    if not names:
        return Skipped(line, "no name in the name columns")
    canonical = cell(at["canonical"][0]) if "canonical" in at else ""
    canonical = " ".join(canonical.split()) or pick_caption(names) or names[0]
    return Imported(etype, canonical, names, line, gender, [], [], [(cols.source, sid)])
