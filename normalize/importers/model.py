"""What every importer makes of a source record: an :class:`Imported` entity (or a problem), and
the rules they share: the caption (canonical) of a set of names, the order of a person's name,
entity ids.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein
from unidecode import unidecode

from ..namekeys import patronymic_gender
from ..names import split_tokens
from ..phonetic import PhoneticKey
from ..tables import BORN_YEARS, MAX_NAME_CHARS
from ..text import is_latin, normalize_text

_YEAR_RE = re.compile(r"^\+?(\d{4})(?:-\d{2}(?:-\d{2})?)?(?:T|$)")  # 1954, 1954-08-30, +1954-08-30T00:…
_SLUG_RE = re.compile(r"[^a-z0-9]+")
_ID_CHARS_RE = re.compile(r"[^A-Za-z0-9_.:-]+")
SLUG_WORDS = 5  # words of the caption an entity id is made of


@dataclass
class Imported:
    """One entity read from a source, before it is written to a table.

    ``names`` and ``aliases`` are accepted by every spelling rule, ``weak_aliases`` only as
    written; ``ids`` are (source, id) pairs; ``line`` is the record's line in the input."""

    type: str
    canonical: str
    names: list[str]
    line: int
    gender: str | None = None
    aliases: list[str] = field(default_factory=list)
    weak_aliases: list[str] = field(default_factory=list)
    ids: list[tuple[str, str]] = field(default_factory=list)
    born: int | None = None  # a person's year of birth
    founded: int | None = None  # an organisation's year of founding

    def table_record(self, entity_id: str) -> dict[str, object]:
        """The entity as a table writes it (the keys of ``entities/*.yaml``, in their order)."""
        rec: dict[str, object] = {"id": entity_id, "type": self.type}
        if self.gender:
            rec["gender"] = self.gender
        if self.born is not None:
            rec["born"] = self.born
        if self.founded is not None:
            rec["founded"] = self.founded
        rec["canonical"] = self.canonical
        rec["names"] = list(self.names)
        if self.aliases:
            rec["aliases"] = list(self.aliases)
        if self.weak_aliases:
            rec["weak_aliases"] = list(self.weak_aliases)
        ids: dict[str, object] = {}
        for source, sid in self.ids:
            have = ids.get(source)
            ids[source] = sid if have is None else [*(have if isinstance(have, list) else [have]), sid]
        if ids:
            rec["ids"] = ids
        return rec


@dataclass(frozen=True)
class Skipped:
    """A record not imported: its line and why (a bad record, or a kind of record the tables do
    not hold)."""

    line: int
    reason: str
    bad: bool = True  # False: a record of another kind (a sanction, an address), not an error


def agreed_year(dates: Iterable[str]) -> int | None:
    """The year the dates a source gives agree on, a person's of birth or an organisation's of
    founding (ISO 8601, as 1954-08-30, 1954-08 or 1954, with Wikidata's leading sign): the one year
    they all give, else None (two sources that disagree say nothing; a year outside ``BORN_YEARS``
    is none)."""
    years = {int(m.group(1)) for d in dates if (m := _YEAR_RE.match(d.strip()))}
    year = years.pop() if len(years) == 1 else None
    return year if year is not None and BORN_YEARS[0] <= year <= BORN_YEARS[1] else None


def clean_names(values: Iterable[object]) -> list[str]:
    """Text values as names: normalized (NFC, invisible characters, apostrophes), blanks
    collapsed, empty ones and repeats (ignoring case) left out, none longer than the tables allow."""
    out: list[str] = []
    seen: set[str] = set()
    for v in values:
        if not isinstance(v, str):
            continue
        name = " ".join(normalize_text(v).split())
        if not name or len(name) > MAX_NAME_CHARS or not any(c.isalnum() for c in name):
            continue
        k = name.casefold()
        if k not in seen:
            seen.add(k)
            out.append(name)
    return out


def latin_share(name: str) -> float:
    """The share of the letters of a name that are Latin."""
    letters = [c for c in name if c.isalpha()]
    return sum(1 for c in letters if is_latin(c)) / len(letters) if letters else 0.0


def pick_caption(names: list[str]) -> str | None:
    """The name that stands for a set of names: the one closest to all the others, with Latin
    script preferred.

    The rule FollowTheMoney and OpenSanctions use for an entity's caption: among the values of
    the first caption property that has any (``name`` for people and organisations), one value is
    taken as it is; of several, the centroid is chosen: each name is scored by the sum of its
    similarities to the other names (all compared in ASCII, lower case, so that Cyrillic and Latin
    spellings of one name are close), weighted by the share of its letters that are Latin; the
    highest score wins, ties go to the first in sorted order. Our own implementation of that rule,
    on rapidfuzz's normalized Levenshtein similarity."""
    if not names:
        return None
    uniq = sorted(set(names))
    if len(uniq) == 1:
        return uniq[0]
    folded = [unidecode(n).casefold() for n in uniq]
    best, best_score = uniq[0], -1.0
    for i, n in enumerate(uniq):
        total = sum(Levenshtein.normalized_similarity(folded[i], folded[j]) for j in range(len(uniq)) if j != i)
        score = total * (0.1 + latin_share(n))
        if score > best_score:
            best, best_score = n, score
    return best


def person_name_order(name: str, key: PhoneticKey) -> str:
    """A person's name in the order the tables write it (given name, patronymic, surname).

    Sources also write the surname first without a comma (Лукашенко Александр Григорьевич):
    a name of three or four words whose last word is a patronymic (by its key: -ович, -івна,
    -ovich, -eуna) and whose first word is none is turned round, so that the patronymic is not
    read as the surname. Other names are kept as written (a comma or one word in capitals marks
    the surname already)."""
    if "," in name:
        return name
    words = split_tokens(name)
    if not 3 <= len(words) <= 4 or sum(1 for w in words if w.isupper() and len(w) > 1) == 1:
        return name
    last, first = key(words[-1]), key(words[0])
    if patronymic_gender(last) is not None and patronymic_gender(first) is None:
        return " ".join([*words[1:], words[0]])
    return name


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens (``Аляксандр Лукашэнка`` → ``aliaksandr-lukashenka``)."""
    words = _SLUG_RE.sub(" ", unidecode(text).lower()).split()
    return "-".join(words[:SLUG_WORDS])


def entity_id(caption: str, source_id: str) -> str:
    """An entity id from its caption and its id in the source: ``vladimir-putin-Q7747``."""
    sid = _ID_CHARS_RE.sub("-", source_id).strip("-.:_")[:60]
    head = slug(caption)
    if head and sid:
        return f"{head}-{sid}"
    return head or sid or "entity"


def similar_names(a: str, b: str) -> float:
    """Similarity of two names in ASCII, lower case (0-1)."""
    return Levenshtein.normalized_similarity(unidecode(a).casefold(), unidecode(b).casefold())
