"""Loading a tables folder: schemes, cognates, phonetic key, ru→be rules, titles, entities.

Every file is checked as it loads; all problems of all files are raised together in one
:class:`~normalize.errors.TableError`, each with its file and line.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from .errors import TableError, TableProblem
from .orgwords import OrgVocabulary, parse_org_vocabulary
from .phonetic import PhoneticKey, parse_phonetic
from .pickling import by_constructor
from .schemes import Scheme, SchemeSet, parse_scheme
from .tablefile import LDict, LList, TableReader
from .text import is_cyrillic, normalize_text

ENTITY_TYPES = ("person", "organization", "place")
GENDERS = ("m", "f")
_ENTITY_KEYS = {
    "id", "type", "gender", "canonical", "names", "aliases", "weak_aliases", "ids", "prominence", "note", "draft",
}  # fmt: skip
_SOURCE_RE = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")  # a source of ids: wikidata, opensanctions, my-crm
_SOURCE_ID_RES = {"wikidata": re.compile(r"^Q[1-9][0-9]*$")}  # sources whose ids have a known form
MAX_SOURCE_ID_CHARS = 200
_COGNATE_KEYS = {"ru", "be", "latin", "gender", "note"}
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")
MAX_NAME_CHARS = 300
_KNOWN_FILES = {
    "cognates.yaml",
    "ru_be.yaml",
    "phonetic.yaml",
    "titles.yaml",
    "org_words.yaml",
    "org_vocabulary.yaml",
    "inflection.yaml",
}


def default_tables_dir() -> Path:
    """The bundled tables: inside the installed package, or ``tables/`` of a source checkout."""
    here = Path(__file__).resolve().parent
    for cand in (here / "tables", here.parent / "tables"):
        if (cand / "README.md").is_file() or (cand / "schemes").is_dir():
            return cand
    raise TableError([TableProblem(str(here / "tables"), 1, "the bundled tables are missing from this installation")])


class InflectionRow(NamedTuple):
    """One row of the inflection table: a nominative that ends with ``ending`` (or, with
    ``whole``, that is ``ending``, in lower case) takes ``forms`` in place of it."""

    ending: str
    gender: str
    forms: tuple[str, ...]
    whole: bool = False


InflectionRows = dict[str, list[InflectionRow]]
"""Rows of ``inflection.yaml`` by language."""


@dataclass(frozen=True)
class CognateSet:
    """One given name in all its Russian, Belarusian and Latin forms."""

    ru: tuple[str, ...]
    be: tuple[str, ...]
    latin: tuple[str, ...]
    gender: str | None
    where: str

    @property
    def forms(self) -> tuple[str, ...]:
        return self.ru + self.be + self.latin

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return by_constructor(self)


@dataclass(frozen=True)
class EntityRecord:
    """An entity as written in a table (before variants are generated)."""

    id: str
    type: str
    canonical: str
    names: tuple[str, ...]
    gender: str | None = None
    aliases: tuple[str, ...] = ()
    prominence: int = 50
    note: str = ""
    where: str = ""
    # names that name the entity only where a mention is written exactly so (a nickname, a short
    # form): never keyed, never matched by sound or by a near spelling
    weak_aliases: tuple[str, ...] = ()
    # the entity's ids in other sources, (source, id) pairs: (wikidata, Q…), (opensanctions, …)
    ids: tuple[tuple[str, str], ...] = ()

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return by_constructor(self)


@dataclass
class Tables:
    """Everything loaded from one tables folder."""

    root: str
    schemes: SchemeSet
    cognates: list[CognateSet] = field(default_factory=list)
    ru_be: Scheme | None = None
    phonetic: PhoneticKey | None = None
    titles: frozenset[str] = frozenset()
    possessive_suffixes: tuple[str, ...] = ("'s", "'")
    legal_forms: frozenset[str] = frozenset()
    generic_words: frozenset[str] = frozenset()
    vocabulary: OrgVocabulary = field(default_factory=OrgVocabulary)
    inflection: InflectionRows = field(default_factory=dict)  # surnames (and patronymics), by language
    given_inflection: InflectionRows = field(default_factory=dict)  # given names, by language
    word_inflection: InflectionRows = field(default_factory=dict)  # words of organisation and place names
    # the endings of the adjectives and surnames made from place names (Slutsky, Менскі, Minskaya)
    place_adjective_endings: tuple[str, ...] = ()
    entities: list[EntityRecord] = field(default_factory=list)
    warnings: list[TableProblem] = field(default_factory=list)


# --- entities ------------------------------------------------------------------------------------


def check_entity(raw: Mapping[str, Any], where: str, problem: Any) -> EntityRecord | None:
    """Validate one entity mapping; ``problem(key, message)`` reports each fault."""
    ok = True
    for key in raw:
        if key not in _ENTITY_KEYS:
            problem(key, f"unknown key {key!r} in an entity (allowed: {', '.join(sorted(_ENTITY_KEYS))})")
            ok = False
    eid = raw.get("id")
    if not isinstance(eid, str) or not _ID_RE.match(eid):
        problem("id", f"entity id {eid!r} must be text of letters, digits and - _ . :")
        ok = False
    etype = raw.get("type", "person")
    if etype not in ENTITY_TYPES:
        problem("type", f"`type` must be one of {', '.join(ENTITY_TYPES)}, not {etype!r}")
        ok = False
    gender = raw.get("gender")
    if gender is not None:
        g = str(gender).strip().lower()[:1] if isinstance(gender, str) else ""
        if g not in GENDERS or etype != "person":
            problem("gender", f"`gender` must be m or f, and only for persons (got {gender!r})")
            ok = False
        gender = g
    names_raw = raw.get("names")
    names: list[str] = []
    if isinstance(names_raw, str):
        names_raw = [names_raw]
    if not isinstance(names_raw, (list, tuple)) or not names_raw:
        problem("names", "`names` must be a name or a non-empty list of names")
        ok = False
    else:
        for n in names_raw:
            if not isinstance(n, str) or not normalize_text(n).strip():
                problem("names", f"each name must be non-empty text, not {n!r}")
                ok = False
            elif len(n) > MAX_NAME_CHARS:
                problem("names", f"a name is longer than {MAX_NAME_CHARS} characters")
                ok = False
            else:
                names.append(normalize_text(n).strip())
    aliases, good = _alias_list(raw, "aliases", problem)
    weak_aliases, good_weak = _alias_list(raw, "weak_aliases", problem)
    ids, good_ids = _source_ids(raw.get("ids"), problem)
    ok = ok and good and good_weak and good_ids
    if "draft" in raw:
        problem("draft", "a draft entity (made by `normalize discover`): review it, then delete its `draft` field")
        ok = False
    canonical = raw.get("canonical")
    if canonical is None and names:
        canonical = names[0]
    if not isinstance(canonical, str) or not canonical.strip():
        problem("canonical", "`canonical` must be non-empty text")
        ok = False
    prom_raw = raw.get("prominence", 50)
    try:
        prominence = int(str(prom_raw))
        if not 0 <= prominence <= 100:
            raise ValueError
    except ValueError:
        problem("prominence", f"`prominence` must be a whole number from 0 to 100, not {prom_raw!r}")
        prominence = 50
        ok = False
    note = raw.get("note", "")
    if not ok:
        return None
    assert isinstance(eid, str) and isinstance(canonical, str)
    return EntityRecord(
        id=eid,
        type=str(etype),
        canonical=canonical.strip(),
        names=tuple(names),
        gender=gender,
        aliases=tuple(aliases),
        prominence=prominence,
        note=str(note),
        where=where,
        weak_aliases=tuple(weak_aliases),
        ids=ids,
    )


def _alias_list(raw: Mapping[str, Any], key: str, problem: Any) -> tuple[list[str], bool]:
    """The names under ``key`` (``aliases``, ``weak_aliases``): one name or a list of them."""
    value = raw.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        problem(key, f"`{key}` must be a list of names")
        return [], False
    out: list[str] = []
    ok = True
    for a in value:
        if not isinstance(a, str) or not normalize_text(a).strip() or len(a) > MAX_NAME_CHARS:
            problem(key, f"each entry of `{key}` must be a name of 1 to {MAX_NAME_CHARS} characters, not {a!r}")
            ok = False
        else:
            out.append(normalize_text(a).strip())
    return out, ok


def _source_ids(value: Any, problem: Any) -> tuple[tuple[tuple[str, str], ...], bool]:
    """``ids``: a mapping of a source (lower-case letters, digits, - and _) to an id or a list of
    ids in that source; a source with a known form of ids (wikidata: Q and digits) is checked."""
    if value is None:
        return (), True
    if not isinstance(value, Mapping):
        problem("ids", "`ids` must be a mapping of a source to its id, as `ids: {wikidata: Q42}`")
        return (), False
    out: list[tuple[str, str]] = []
    ok = True
    for source, ids in value.items():
        if not isinstance(source, str) or not _SOURCE_RE.match(source):
            problem("ids", f"a source of `ids` must be lower-case letters, digits, - and _, not {source!r}")
            ok = False
            continue
        for one in [ids] if isinstance(ids, str) else ids if isinstance(ids, (list, tuple)) else [None]:
            text = one.strip() if isinstance(one, str) else ""
            form = _SOURCE_ID_RES.get(source)
            if not text or len(text) > MAX_SOURCE_ID_CHARS or not text.isprintable():
                limit = MAX_SOURCE_ID_CHARS
                problem("ids", f"an id of {source!r} must be a line of 1 to {limit} characters, not {one!r}")
                ok = False
            elif form is not None and not form.match(text):
                problem("ids", f"{text!r} is not an id of {source} (expected the form {form.pattern})")
                ok = False
            elif (source, text) not in out:
                out.append((source, text))
    return tuple(out), ok


def _read_entities(reader: TableReader, doc: Any) -> list[EntityRecord]:
    out: list[EntityRecord] = []
    for mm in reader.mappings(doc, "an entity file", "an entity"):

        def problem(key: str, msg: str, mm: LDict = mm) -> None:
            reader.problem(reader.line_of(mm, key), msg)

        rec = check_entity(mm, f"{reader.display}:{mm.line}", problem)
        if rec is not None:
            out.append(rec)
    return out


def check_entity_set(entities: list[EntityRecord]) -> tuple[list[TableProblem], list[TableProblem]]:
    """Problems (duplicate ids, a source id on two entities) and warnings (one exact name claimed
    by two entities of a type)."""
    problems: list[TableProblem] = []
    warnings: list[TableProblem] = []
    first: dict[str, EntityRecord] = {}
    for e in entities:
        if e.id in first:
            path, line = _split_where(e.where)
            problems.append(TableProblem(path, line, f"entity id {e.id!r} is already used at {first[e.id].where}"))
        else:
            first[e.id] = e
    holder: dict[tuple[str, str], EntityRecord] = {}
    for e in entities:
        for sid in e.ids:
            held = holder.setdefault(sid, e)
            if held.id != e.id:
                path, line = _split_where(e.where)
                problems.append(
                    TableProblem(path, line, f"the {sid[0]} id {sid[1]!r} is also on {held.id!r} ({held.where})")
                )
    claimed: dict[tuple[str, str], EntityRecord] = {}
    for e in entities:
        for n in set(e.names) | set(e.aliases):
            key = (e.type, n.casefold())
            other = claimed.get(key)
            if other is not None and other.id != e.id:
                path, line = _split_where(e.where)
                warnings.append(
                    TableProblem(
                        path,
                        line,
                        f"{e.id!r} and {other.id!r} ({other.where}) both claim the name {n!r}; "
                        "it stays with both and resolves as ambiguous",
                    )
                )
            else:
                claimed[key] = e
    return problems, warnings


def _split_where(where: str) -> tuple[str, int]:
    path, _, line = where.rpartition(":")
    try:
        return path, int(line)
    except ValueError:
        return where, 1


# --- cognates, titles, phonetic ------------------------------------------------------------------


def _read_cognates(reader: TableReader, doc: Any) -> list[CognateSet]:
    out: list[CognateSet] = []
    for m in reader.mappings(doc, "the cognates file", "a cognate entry"):
        reader.keys(m, _COGNATE_KEYS, set(), "a cognate entry")
        forms: dict[str, tuple[str, ...]] = {}
        for key in ("ru", "be", "latin"):
            vals = reader.texts(m[key], m.lines[key], f"`{key}`") if key in m else []
            forms[key] = tuple(normalize_text(v).strip() for v in vals if v.strip())
        if not any(forms.values()):
            reader.problem(m.line, "a cognate entry needs at least one form in ru, be or latin")
            continue
        g = m.get("gender")
        if g is not None and g not in GENDERS:
            reader.problem(m.lines["gender"], f"`gender` must be m or f, not {g!r}")
            g = None
        out.append(CognateSet(forms["ru"], forms["be"], forms["latin"], g, f"{reader.display}:{m.line}"))
    return out


def check_cognates(cognates: list[CognateSet]) -> list[TableProblem]:
    """A form listed twice inside one entry, or in two entries of the same gender, is a conflict."""
    problems: list[TableProblem] = []
    owner: dict[tuple[str, str | None], CognateSet] = {}
    for c in cognates:
        seen: set[str] = set()
        for f in c.forms:
            k = f.casefold()
            if k in seen:
                path, line = _split_where(c.where)
                problems.append(TableProblem(path, line, f"the form {f!r} is listed twice in one entry"))
                continue
            seen.add(k)
            other = owner.get((k, c.gender))
            if other is not None and other is not c:
                path, line = _split_where(c.where)
                problems.append(
                    TableProblem(
                        path, line, f"the form {f!r} is also in the entry at {other.where}; merge the two entries"
                    )
                )
            else:
                owner[(k, c.gender)] = c
    return problems


def _read_word_list(reader: TableReader, top: LDict, key: str) -> list[str]:
    if key not in top:
        return []
    return [
        normalize_text(w).strip().casefold() for w in reader.texts(top[key], top.lines[key], f"`{key}`") if w.strip()
    ]


def _read_endings(reader: TableReader, top: LDict, key: str) -> tuple[str, ...]:
    """A list of word endings (letters only, in lower case), the longest first."""
    value, line = top[key], top.lines[key]
    if isinstance(value, LList):
        items = [(item, value.lines[i]) for i, item in enumerate(value)]
    elif isinstance(value, str):
        items = [(value, line)]
    else:
        reader.problem(line, f"`{key}` must be a list of word endings")
        return ()
    out: set[str] = set()
    for item, at in items:
        ending = normalize_text(item).strip().casefold() if isinstance(item, str) else ""
        if not ending.isalpha():
            reader.problem(at, f"each entry of `{key}` must be the letters of a word ending, not {item!r}")
            continue
        out.add(ending)
    return tuple(sorted(out, key=lambda e: (-len(e), e)))


def _read_inflection(reader: TableReader, doc: Any) -> tuple[InflectionRows, InflectionRows, InflectionRows]:
    """The surname rows by language (``ru``, ``be``), the given-name rows (``given``: ``ru``,
    ``be``) and the rows for the words of organisation and place names (``words``: ``ru``, ``be``)."""
    top = reader.mapping(doc, getattr(doc, "line", 1), "the inflection file")
    if top is None:
        return {}, {}, {}
    reader.keys(top, {"ru", "be", "given", "words", "place_adjectives"}, set(), "the inflection file")
    sections: dict[str, InflectionRows] = {"given": {}, "words": {}}
    for name in sections:
        if name in top:
            section = reader.mapping(top[name], top.lines[name], f"`{name}`")
            if section is not None:
                reader.keys(section, {"ru", "be"}, set(), f"`{name}`")
                sections[name] = _inflection_rows(reader, section)
    return _inflection_rows(reader, top), sections["given"], sections["words"]


def _inflection_rows(reader: TableReader, top: Any) -> InflectionRows:
    out: InflectionRows = {}
    for lang in ("ru", "be"):
        if lang not in top:
            continue
        seq = reader.sequence(top[lang], top.lines[lang], f"`{lang}`")
        rows: list[InflectionRow] = []
        for k, item in enumerate(seq or ()):
            line = seq.lines[k] if seq is not None else 1
            m = reader.mapping(item, line, "an inflection row")
            if m is None:
                continue
            reader.keys(m, {"ending", "name", "gender", "forms", "note"}, {"gender", "forms"}, "an inflection row")
            whole = "name" in m
            if whole == ("ending" in m):
                reader.problem(line, "an inflection row needs either `ending` or `name`, not both")
                continue
            ending = m.get("name") if whole else m.get("ending")
            gender = m.get("gender")
            forms = reader.texts(m["forms"], m.lines["forms"], "`forms`") if "forms" in m else []
            if not isinstance(ending, str) or (whole and not ending) or gender not in ("m", "f", "any"):
                reader.problem(line, "an inflection row needs `ending` (or `name`) text and `gender` m, f or any")
                continue
            if any(not all(is_cyrillic(c) for c in f) for f in [ending, *forms]):
                reader.problem(line, "endings, names and forms must be Cyrillic letters")
                continue
            rows.append(InflectionRow(ending.lower() if whole else ending, gender, tuple(forms), whole))
        rows.sort(key=lambda r: (not r.whole, -len(r.ending)))  # whole names first, then the longest ending
        out[lang] = rows
    return out


def inflect(word: str, rows: list[InflectionRow], gender: str | None) -> list[str]:
    """The case forms of a name (nominative given) by ``rows``, for its gender; [] when no row fits.

    A row for the whole name wins (Лев → Льва); else the longest ending that fits the gender
    (``gender`` None accepts every row).
    """
    low = word.lower()
    if not low or not all(is_cyrillic(c) or c in "'-" for c in low):
        return []  # the tables decline Cyrillic spellings only
    caps = word.isupper() and len(word) > 1
    for ending, g, forms, whole in rows:
        if g != "any" and gender is not None and g != gender:
            continue
        if whole:
            if low == ending:
                return [
                    f.upper() if caps else f[:1].upper() + f[1:] if word[:1].isupper() else f.lower() for f in forms
                ]
            continue
        if ending and not low.endswith(ending):
            continue
        if not ending and (not low or low[-1] in "аеёиіоуыэюяьй'"):
            continue
        stem = word[: len(word) - len(ending)] if ending else word
        if len(stem) < 2:
            continue
        out = [stem + (f.upper() if caps else f) for f in forms]
        return out
    return []


# --- the whole folder ----------------------------------------------------------------------------


def load_tables(root: Path | str | None = None, *, entities: bool = True) -> Tables:
    """Load and check a tables folder (the bundled one when ``root`` is None).

    A folder that lacks a part (for example a user's folder holding only ``entities/``) takes that
    part from the bundled tables.
    """
    bundled = default_tables_dir()
    root = Path(root) if root is not None else bundled
    if not root.is_dir():
        raise TableError([TableProblem(str(root), 1, "no such tables folder")])
    problems: list[TableProblem] = []

    def pick(rel: str) -> Path | None:
        p = root / rel
        if p.exists():
            return p
        q = bundled / rel
        return q if q.exists() else None

    def display(p: Path) -> str:
        for base in (root, bundled):
            try:
                return str(Path(base.name) / p.relative_to(base))
            except ValueError:
                continue
        return str(p)

    scheme_dir = pick("schemes")
    schemes = SchemeSet([])
    if scheme_dir is not None:
        try:
            schemes = SchemeSet.load(scheme_dir, scheme_dir.parent.parent)
        except TableError as exc:
            problems.extend(exc.problems)
    tables = Tables(root=str(root), schemes=schemes)

    def read(rel: str) -> tuple[TableReader, Any] | None:
        p = pick(rel)
        if p is None:
            return None
        reader = TableReader(p, display(p))
        return reader, reader.read()

    got = read("cognates.yaml")
    if got:
        reader, doc = got
        if doc is not None:
            tables.cognates = _read_cognates(reader, doc)
            problems.extend(check_cognates(tables.cognates))
        problems.extend(reader.problems)
    got = read("ru_be.yaml")
    if got:
        reader, doc = got
        if doc is not None:
            tables.ru_be = parse_scheme(reader, doc, complete=False)
        problems.extend(reader.problems)
    got = read("phonetic.yaml")
    if got:
        reader, doc = got
        if doc is not None:
            tables.phonetic = parse_phonetic(reader, doc)
        problems.extend(reader.problems)
    got = read("titles.yaml")
    if got:
        reader, doc = got
        top = reader.mapping(doc, 1, "the titles file") if doc is not None else None
        if top is not None:
            reader.keys(top, {"titles", "possessive_suffixes", "source"}, {"titles"}, "the titles file")
            tables.titles = frozenset(_read_word_list(reader, top, "titles"))
            poss = _read_word_list(reader, top, "possessive_suffixes")
            if poss:
                tables.possessive_suffixes = tuple(sorted(set(poss), key=len, reverse=True))
        problems.extend(reader.problems)
    got = read("org_words.yaml")
    if got:
        reader, doc = got
        top = reader.mapping(doc, 1, "the organisation words file") if doc is not None else None
        if top is not None:
            reader.keys(top, {"legal_forms", "generic_words", "source"}, set(), "the organisation words file")
            tables.legal_forms = frozenset(_read_word_list(reader, top, "legal_forms"))
            tables.generic_words = frozenset(_read_word_list(reader, top, "generic_words"))
        problems.extend(reader.problems)
    got = read("org_vocabulary.yaml")
    if got:
        reader, doc = got
        if doc is not None and tables.phonetic is not None:
            tables.vocabulary = parse_org_vocabulary(reader, doc, tables.phonetic)
        problems.extend(reader.problems)
    got = read("inflection.yaml")
    if got:
        reader, doc = got
        if doc is not None:
            tables.inflection, tables.given_inflection, tables.word_inflection = _read_inflection(reader, doc)
            if isinstance(doc, LDict) and "place_adjectives" in doc:
                tables.place_adjective_endings = _read_endings(reader, doc, "place_adjectives")
        problems.extend(reader.problems)
    if entities:
        if (root / "entities").is_dir():
            files = sorted((root / "entities").glob("*.yaml"))
        elif root != bundled:  # a user's folder may hold entity files directly
            files = [p for p in sorted(root.glob("*.yaml")) if p.name not in _KNOWN_FILES]
        else:
            files = []
        for p in files:
            reader = TableReader(p, display(p))
            doc = reader.read()
            if doc is not None:
                tables.entities.extend(_read_entities(reader, doc))
            problems.extend(reader.problems)
        dup, warn = check_entity_set(tables.entities)
        problems.extend(dup)
        tables.warnings.extend(warn)
    if problems:
        raise TableError(problems)
    return tables


def records_to_entities(records: Iterable[Mapping[str, Any]]) -> list[EntityRecord]:
    """Validate plain records (as given to ``Normalizer.from_records``)."""
    problems: list[TableProblem] = []
    out: list[EntityRecord] = []
    for k, raw in enumerate(records, 1):
        where = f"record {k}"
        if not isinstance(raw, Mapping):
            problems.append(TableProblem("records", k, "a record must be a mapping"))
            continue

        def problem(key: str, msg: str, k: int = k) -> None:
            problems.append(TableProblem("records", k, msg))

        rec = check_entity(raw, where, problem)
        if rec is not None:
            out.append(dataclasses.replace(rec, where=f"records:{k}"))
    dup, _ = check_entity_set(out)
    problems.extend(dup)
    if problems:
        raise TableError(problems)
    return out
