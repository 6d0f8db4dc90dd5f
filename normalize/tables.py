"""Loading a tables folder: schemes, cognates, phonetic key, ru→be rules, titles, entities.

Every file is checked as it loads; all problems of all files are raised together in one
:class:`~normalize.errors.TableError`, each with its file and line.
"""

from __future__ import annotations

import dataclasses
import os
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
from .text import SURROGATE_RE, cyrillic_letters, is_cyrillic, is_latin, latin_letters, normalize_text, script_of

ENTITY_TYPES = ("person", "organization", "place")
GENDERS = ("m", "f")
_ENTITY_KEYS = {
    "id", "type", "gender", "born", "founded", "canonical", "names", "aliases", "weak_aliases", "ids", "prominence",
    "note",
    "namesakes_in", "country", "draft",
}  # fmt: skip
# the word lists of org_words.yaml, each read into the field of Tables of its name (legal_forms …)
_ORG_WORD_LISTS = (
    *("legal_forms", "generic_words", "named_after", "state_bodies", "owner_words", "naming_words"),
    "region_words",
    "work_words",
    "title_words",
    "product_words",
    "publisher_words",
    "call_sign_words",
    "place_words",
    "street_words",
    "team_articles",
    "kind_words",
    "club_names",
    "realm_words",
    "realm_words_after",
    "place_prepositions",
    "people_words",
    "domain_openers",
)
BORN_YEARS = (1000, 2100)
"""The years a person's ``born`` and an organisation's ``founded`` may give (the first and the
last, both included)."""
_SOURCE_RE = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")  # a source of ids: wikidata, opensanctions, my-crm
_SOURCE_ID_RES = {"wikidata": re.compile(r"^Q[1-9][0-9]*$")}  # sources whose ids have a known form
MAX_SOURCE_ID_CHARS = 200
_COGNATE_KEYS = {"ru", "be", "latin", "gender", "note"}
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")
MAX_NAME_CHARS = 300
MAX_NAMES = 1000
"""Names and aliases one entity may have: each adds its spellings under every scheme and its case
forms to the index (100,000 names took minutes and gigabytes to build)."""
_KNOWN_FILES = {
    "cognates.yaml",
    "ru_be.yaml",
    "phonetic.yaml",
    "titles.yaml",
    "org_words.yaml",
    "org_vocabulary.yaml",
    "inflection.yaml",
    "given_names.yaml",
    "wikidata_classes.yaml",  # read by `tables import wikidata`, not by the loader
}


def default_tables_dir() -> Path:
    """The bundled tables: inside the installed package, or ``tables/`` of a source checkout."""
    here = Path(__file__).resolve().parent
    for cand in (here / "tables", here.parent / "tables"):
        if (cand / "README.md").is_file() or (cand / "schemes").is_dir():
            return cand
    raise TableError([TableProblem(str(here / "tables"), 1, "the bundled tables are missing from this installation")])


CASE_NAMES = ("gen", "dat", "acc", "ins", "loc")
"""The cases an inflection row writes: genitive, dative, accusative, instrumental, locative
(prepositional). The nominative is the name itself."""
ROW_KINDS = ("noun", "adjective", "surname")
ROW_GENDERS = ("m", "f", "n", "any")


class InflectionRow(NamedTuple):
    """One row of the inflection table: a nominative that ends with ``ending`` (or, with
    ``whole``, that is ``ending``, in lower case) takes its case forms in place of it.

    ``cases`` holds each case the row writes with its forms (the first is the standard one); a
    masculine row without an accusative takes the genitive for persons and the nominative for
    things, a neuter one the nominative. ``forms`` is every form of ``cases`` once, in case order
    (what :func:`inflect` returns). ``kind`` is ``noun``, ``adjective`` or ``surname`` (a
    declension only names of persons follow); ``declines`` False: the nominative in every case;
    ``unsure``: cases whose forms are read but never written (the stress decides between them)."""

    ending: str
    gender: str
    forms: tuple[str, ...]
    whole: bool = False
    cases: tuple[tuple[str, tuple[str, ...]], ...] = ()
    kind: str = "noun"
    declines: bool = True
    unsure: frozenset[str] = frozenset()

    def forms_of(self, case: str) -> tuple[str, ...]:
        """The forms the row gives for ``case`` (one of :data:`CASE_NAMES`), () when it gives none."""
        for name, forms in self.cases:
            if name == case:
                return forms
        return ()


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
    # a person's year of birth: running text names no one by the surname alone in a sentence of
    # years before it (В 1943 году Зеленский окончил училище is a namesake)
    born: int | None = None
    # an organisation's or a state's year of founding: running text names neither in a sentence of
    # years before it (a church of 992, the lands of Белая Русь in 1135 are no party founded in 2007;
    # the Poland of 1569 is no state proclaimed in 1918)
    founded: int | None = None
    # a place's or an organisation's: the states and regions where others of its name are (Brest:
    # France, Brittany; the KGB: the USSR); running text that names one of them does not link it
    namesakes_in: tuple[str, ...] = ()
    # a place's: the id of the state (a place of the tables) it lies in (Moscow: russia); a
    # person's: of the state whose public life the person is part of (Lavrov: russia); running
    # text reads whose a body every state has is (МВД) from the places and persons a text names
    country: str = ""

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
    name_particles: frozenset[str] = frozenset()  # van, von, de, bin: in lower case before a surname
    generations: frozenset[str] = frozenset()  # Jr, младший, fils: after a surname, a relative's
    plural_articles: frozenset[str] = frozenset()  # the, die: before a surname with -s, a family
    title_initials: frozenset[str] = frozenset()  # m.: a title written as an initial (Monsieur)
    title_initial_words: frozenset[str] = frozenset()  # le, les, est: the words of its language
    name_titles: frozenset[str] = frozenset()  # патриарх, Pope, король: before a given name alone
    surname_words: frozenset[str] = frozenset()  # фамилия, surname: a surname after one is a word
    article_particles: frozenset[str] = frozenset()  # der, von, zu: German's article and prepositions
    named_after: frozenset[str] = frozenset()  # фонд, полк, Foundation: what is named after a person
    state_bodies: frozenset[str] = frozenset()  # министерство, committee: the bodies every state has
    # наш, краін: beside a state body's name, they say it is the speaker's or several states' body
    owner_words: frozenset[str] = frozenset()
    # назоў, название, name: before a place's name alone in quotes, the text speaks of the name
    naming_words: frozenset[str] = frozenset()
    # film, book, song …: an organisation's name alone in quotes after one is a work's title
    work_words: frozenset[str] = frozenset()
    # канал, программа, газета …: a place's name in a title in quotes after one is a word of the title
    title_words: frozenset[str] = frozenset()
    # tractor, motorcycle, brand: a place's name in Latin letters right before one is a brand's
    product_words: frozenset[str] = frozenset()
    # выдавец, publisher: the label of a publisher in a bibliographic record
    publisher_words: frozenset[str] = frozenset()
    # позывной, callsign, nickname: the name after one is a person's (с позывным Брест)
    call_sign_words: frozenset[str] = frozenset()
    # Stadt, Repubblica, miasto: before a place's name in apposition, the place itself (die Stadt Minsk)
    place_words: frozenset[str] = frozenset()
    # улица, вуліца, street: a place's name as written right after one is the street's (переулок Окрестина)
    street_words: frozenset[str] = frozenset()
    # il, del: before a town's name, a team's (il Soligorsk, del Brest; the town is feminine, la Minsk)
    team_articles: frozenset[str] = frozenset()
    # клуб, ФК, батальон, крейсер: a town's or a company's name right after one is a club's, a unit's, a ship's
    kind_words: frozenset[str] = frozenset()
    # Dynamo, Spartak, Шахцёр: a town's name right before or after one is a sports club's
    club_names: frozenset[str] = frozenset()
    # Kingdom of, Grand Duchy of, Königreich: a place's name right after one is a realm of the past's
    realm_words: frozenset[str] = frozenset()
    # kunigaikštyst, karalyst: a place's name right before one (Lietuvos Didžioji Kunigaikštystė) is a realm's
    realm_words_after: tuple[str, ...] = ()
    # in, at, w, в: a town's name right after one is the town, whatever else the name names in the text
    place_prepositions: frozenset[str] = frozenset()
    # Bielorusi, Rusi, Lietuviai: the people of a state in the plural, never a place's name
    people_words: frozenset[str] = frozenset()
    domain_openers: tuple[str, ...] = ()
    # region, oblast, Gebiet, obwód: beside a town's name in Latin letters, they name the unit around it
    region_words: frozenset[str] = frozenset()
    legal_forms: frozenset[str] = frozenset()
    generic_words: frozenset[str] = frozenset()
    vocabulary: OrgVocabulary = field(default_factory=OrgVocabulary)
    inflection: InflectionRows = field(default_factory=dict)  # surnames (and patronymics), by language
    given_inflection: InflectionRows = field(default_factory=dict)  # given names, by language
    word_inflection: InflectionRows = field(default_factory=dict)  # words of organisation and place names
    latin_inflection: InflectionRows = field(default_factory=dict)  # surnames in Latin letters, read only
    # the words of place names in Latin letters, in the case forms of their languages (Rosji, Baltarusijos)
    latin_word_inflection: InflectionRows = field(default_factory=dict)
    # the endings of the adjectives and surnames made from place names (Slutsky, Менскі, Minskaya)
    place_adjective_endings: tuple[str, ...] = ()
    # the prefixes that keep a place's adjective after them (все-, усе-: всебелорусский, усебеларускі)
    place_adjective_prefixes: tuple[str, ...] = ()
    # the endings of the adjectives after a town's name in Latin letters that make another town's
    # name of it (Mińsk Mazowiecki, Brześć Kujawski)
    toponym_qualifier_endings: tuple[str, ...] = ()
    # given names to recognise a word by (given_names.yaml): lower case → "m", "f" or "" (either)
    given_names: dict[str, str] = field(default_factory=dict)
    # words that open sentences and are no given names (given_names.yaml `sentence_words`)
    sentence_words: frozenset[str] = frozenset()
    entities: list[EntityRecord] = field(default_factory=list)
    warnings: list[TableProblem] = field(default_factory=list)


# --- entities ------------------------------------------------------------------------------------


def _not_text(value: object) -> bool:
    """Whether a string holds what no table file can (a NUL, or a lone surrogate code point)."""
    return isinstance(value, str) and ("\x00" in value or SURROGATE_RE.search(value) is not None)


def _count(value: object) -> int:
    return len(value) if isinstance(value, (list, tuple)) else 0


def check_entity(raw: Mapping[str, Any], where: str, problem: Any, warn: Any = None) -> EntityRecord | None:
    """Validate one entity mapping; ``problem(key, message)`` reports each fault and
    ``warn(key, message)`` (when given) each value that was missing and assumed."""
    ok = True
    for key in ("id", "canonical", "names", "aliases", "note"):
        value = raw.get(key)
        values = value if isinstance(value, (list, tuple)) else [value]
        if any(_not_text(v) for v in values):
            problem(key, f"`{key}` holds a NUL or a lone surrogate code point, which is not text")
            return None
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
    elif len(names_raw) + _count(raw.get("aliases")) > MAX_NAMES:
        problem("names", f"an entity has at most {MAX_NAMES} names and aliases")
        return None
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
        if warn is not None:
            warn("id", f"{eid!r} has no `canonical`: rewrite() writes its first name, {canonical!r}; add `canonical:`")
    if etype == "person" and gender is None and warn is not None:
        warn(
            "id",
            f"{eid!r} has no `gender`: it is taken from the surname's ending where that shows one "
            "(-ская/-skaya f, -ский/-sky m), else the surname's forms of both genders are accepted; "
            "add `gender: m` or `gender: f`",
        )
    if not isinstance(canonical, str) or not canonical.strip():
        problem("canonical", "`canonical` must be non-empty text")
        ok = False
    elif len(canonical) > MAX_NAME_CHARS:
        problem("canonical", f"`canonical` is longer than {MAX_NAME_CHARS} characters")
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
    born, good_born = _year(raw.get("born"), "born", etype == "person", problem)
    founded, good_founded = _year(raw.get("founded"), "founded", etype in ("organization", "place"), problem)
    ok = ok and good_born and good_founded
    namesakes_in, good_in = _alias_list(raw, "namesakes_in", problem)
    if namesakes_in and etype == "person":
        problem("namesakes_in", "`namesakes_in` is for places and organisations: where others of the name are")
        good_in = False
    ok = ok and good_in
    country = raw.get("country", "")
    if country and (not isinstance(country, str) or not _ID_RE.match(country)):
        problem(
            "country",
            "`country` is the id of a state (a place of the tables): the one a place lies in, whose public "
            f"life a person is part of, or whose body an organisation is, not {country!r}",
        )
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
        born=born,
        founded=founded,
        namesakes_in=tuple(namesakes_in),
        country=str(country),
    )


_YEAR_FIELDS = {  # the field: what it gives, and the entities that have it
    "born": ("a person's year of birth", "persons"),
    "founded": ("an organisation's or a place's year of founding", "organisations and places"),
}


def _year(value: object, field: str, of_its_kind: bool, problem: Any) -> tuple[int | None, bool]:
    """A person's ``born`` or an organisation's ``founded``: the year (a date gives its year:
    1978-01-25) or None where there is none, and whether it is right (a fault is reported;
    ``of_its_kind``: the entity is of the type the field is for)."""
    if value is None:
        return None, True
    text = str(value).strip()
    year = text[:4] if len(text) == 10 and text[4] == "-" and text[7] == "-" else text
    first, last = BORN_YEARS
    if not of_its_kind or isinstance(value, bool) or not year.isdigit() or not first <= int(year) <= last:
        what, whose = _YEAR_FIELDS[field]
        problem(
            field,
            f"`{field}` is {what} ({first} to {last}, or a date as 1978-01-25), not {value!r}"
            + ("" if of_its_kind else f", and only for {whose}"),
        )
        return None, False
    return int(year), True


def _alias_list(raw: Mapping[str, Any], key: str, problem: Any) -> tuple[list[str], bool]:
    """The names under ``key`` (``aliases``, ``weak_aliases``, ``namesakes_in``): one name or a list
    of them."""
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


def _read_entities(reader: TableReader, doc: Any, warnings: list[TableProblem]) -> list[EntityRecord]:
    out: list[EntityRecord] = []
    for mm in reader.mappings(doc, "an entity file", "an entity"):

        def problem(key: str, msg: str, mm: LDict = mm) -> None:
            reader.problem(reader.line_of(mm, key), msg)

        def warn(key: str, msg: str, mm: LDict = mm) -> None:
            warnings.append(TableProblem(reader.display, reader.line_of(mm, key), msg))

        rec = check_entity(mm, f"{reader.display}:{mm.line}", problem, warn)
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
    for e in entities:
        if e.country and (e.country == e.id or first.get(e.country) is None or first[e.country].type != "place"):
            path, line = _split_where(e.where)
            problems.append(
                TableProblem(
                    path, line, f"`country` of {e.id!r} is {e.country!r}, which is no other place of the tables"
                )
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


def _check_titles(reader: TableReader, top: LDict, cognates: Iterable[CognateSet], schemes: SchemeSet) -> None:
    """Report a title that is also a given name: a form of ``cognates.yaml`` or its spelling under a
    scheme of its language. Titles are taken off the front of a mention, so such an entry would
    take the given name away (Maria Zakharova would lose Maria)."""
    value = top.get("titles")
    if not isinstance(value, LList):
        return
    names: dict[str, str] = {}
    for c in cognates:
        for lang, group in (("ru", c.ru), ("be", c.be), ("", c.latin)):
            for form in group:
                names.setdefault(normalize_text(form).casefold(), form)
                for scheme in schemes.for_language(lang) if lang else ():
                    names.setdefault(scheme.word(form).casefold(), form)
    for i, item in enumerate(value):
        if not isinstance(item, str):
            continue
        got = names.get(normalize_text(item).strip().casefold())
        if got is not None:
            reader.problem(
                value.lines[i],
                f"title {item!r} is also the given name {got!r} of cognates.yaml (or its spelling); a title is "
                "taken off the front of a mention, so it would take the name away",
            )


def _read_endings(reader: TableReader, top: LDict, key: str, part: str = "ending") -> tuple[str, ...]:
    """A list of word endings (or other ``part`` of a word: a prefix), letters only, in lower case,
    the longest first."""
    value, line = top[key], top.lines[key]
    if isinstance(value, LList):
        items = [(item, value.lines[i]) for i, item in enumerate(value)]
    elif isinstance(value, str):
        items = [(value, line)]
    else:
        reader.problem(line, f"`{key}` must be a list of word {part}s")
        return ()
    out: set[str] = set()
    for item, at in items:
        ending = normalize_text(item).strip().casefold() if isinstance(item, str) else ""
        if not ending.isalpha():
            reader.problem(at, f"each entry of `{key}` must be the letters of a word {part}, not {item!r}")
            continue
        out.add(ending)
    return tuple(sorted(out, key=lambda e: (-len(e), e)))


def _read_inflection(
    reader: TableReader, doc: Any
) -> tuple[InflectionRows, InflectionRows, InflectionRows, InflectionRows, InflectionRows]:
    """The surname rows by language (``ru``, ``be``), the given-name rows (``given``: ``ru``,
    ``be``), the rows for the words of organisation and place names (``words``: ``ru``, ``be``),
    the rows of surnames written in Latin letters in other languages' text (``latin``: ``pl``,
    ``cs``, ``de``), by which their case forms are read, never written, and the rows of the words
    of place names written in Latin letters (``latin_words``: ``pl``, ``lt``, ``lv``), by which
    the index finds their case forms in those languages' text."""
    top = reader.mapping(doc, getattr(doc, "line", 1), "the inflection file")
    if top is None:
        return {}, {}, {}, {}, {}
    known = {
        "ru",
        "be",
        "uk",
        "given",
        "words",
        "latin",
        "latin_words",
        "place_adjectives",
        "place_adjective_prefixes",
        "toponym_qualifiers",
    }
    reader.keys(top, known, set(), "the inflection file")
    sections: dict[str, InflectionRows] = {"given": {}, "words": {}, "latin": {}, "latin_words": {}}
    languages = {
        "latin": LATIN_INFLECTION_LANGUAGES,
        "latin_words": LATIN_WORD_LANGUAGES,
        "words": CYRILLIC_LANGUAGES,
        "given": CYRILLIC_LANGUAGES,
    }
    for name in sections:
        if name in top:
            section = reader.mapping(top[name], top.lines[name], f"`{name}`")
            if section is not None:
                langs = languages.get(name, ("ru", "be"))
                reader.keys(section, set(langs), set(), f"`{name}`")
                sections[name] = _inflection_rows(reader, section, name, langs)
    return (
        _inflection_rows(reader, top, "surnames", CYRILLIC_LANGUAGES),
        sections["given"],
        sections["words"],
        sections["latin"],
        sections["latin_words"],
    )


CYRILLIC_LANGUAGES = ("ru", "be", "uk")
"""The languages of the surname, ``given`` and ``words`` rows of ``inflection.yaml``: Russian and
Belarusian, whose forms are read and written, and Ukrainian, whose forms are read only."""

LATIN_INFLECTION_LANGUAGES = ("pl", "cs", "sk", "de", "be", "lt", "fi", "hu")
"""The languages of the ``latin`` rows of ``inflection.yaml``: Polish, Czech, Slovak, German,
Belarusian in Łacinka, Lithuanian, Finnish and Hungarian."""

LATIN_WORD_LANGUAGES = ("pl", "lt", "lv", "de", "fi", "ro", "sh", "hu")
"""The languages of the ``latin_words`` rows of ``inflection.yaml``: Polish, Lithuanian, Latvian,
German (with the Scandinavian genitive -s), Finnish, Romanian, Croatian, Serbian and Bosnian in
Latin letters (``sh``), and Hungarian."""


_ROW_KEYS = {"ending", "name", "gender", "cases", "kind", "declines", "unsure", "note"}
_YES = {"yes": True, "true": True, "no": False, "false": False}


def _inflection_rows(
    reader: TableReader, top: Any, section: str, langs: tuple[str, ...] = ("ru", "be")
) -> InflectionRows:
    out: InflectionRows = {}
    for lang in langs:
        if lang not in top:
            continue
        seq = reader.sequence(top[lang], top.lines[lang], f"`{lang}`")
        rows: list[InflectionRow] = []
        first: dict[tuple[str, bool, str], int] = {}
        for k, item in enumerate(seq or ()):
            line = seq.lines[k] if seq is not None else 1
            m = reader.mapping(item, line, "an inflection row")
            if m is None:
                continue
            row = _inflection_row(reader, m, line, section)
            if row is None:
                continue
            key = (row.ending, row.whole, row.gender)
            if key in first:
                what = "name" if row.whole else "ending"
                reader.problem(line, f"a row for this {what} and gender is already at line {first[key]}")
                continue
            first[key] = line
            rows.append(row)
        rows.sort(key=lambda r: (not r.whole, -len(r.ending)))  # whole names first, then the longest ending
        out[lang] = rows
    return out


def _inflection_row(reader: TableReader, m: LDict, line: int, section: str) -> InflectionRow | None:
    """One row of ``inflection.yaml``, checked; None (with the problems reported) when it is wrong."""
    reader.keys(m, _ROW_KEYS, {"gender"}, "an inflection row")
    whole = "name" in m
    if whole == ("ending" in m):
        reader.problem(line, "an inflection row needs either `ending` or `name`, not both")
        return None
    ending = m.get("name") if whole else m.get("ending")
    gender = m.get("gender")
    if not isinstance(ending, str) or (whole and not ending) or gender not in ROW_GENDERS:
        reader.problem(line, "an inflection row needs `ending` (or `name`) text and `gender` m, f, n or any")
        return None
    if gender == "n" and section != "words":
        reader.problem(reader.line_of(m, "gender"), "`gender: n` (neuter) is for the `words` section only")
        return None
    ok = True
    kind = m.get("kind", "noun")
    if kind not in ROW_KINDS:
        reader.problem(reader.line_of(m, "kind"), f"`kind` must be one of {', '.join(ROW_KINDS)}, not {kind!r}")
        ok = False
    declines = (
        _YES.get(m["declines"].lower()) if isinstance(m.get("declines"), str) else True if "declines" not in m else None
    )
    if declines is None:
        reader.problem(reader.line_of(m, "declines"), "`declines` must be yes or no")
        ok = False
    cases: list[tuple[str, tuple[str, ...]]] = []
    raw = m.get("cases")
    if raw is not None:
        cm = reader.mapping(raw, reader.line_of(m, "cases"), "`cases`")
        if cm is None:
            ok = False
        else:
            given: dict[str, tuple[str, ...]] = {}
            for case, value in cm.items():
                at = cm.lines[case]
                if case not in CASE_NAMES:
                    hint = "the nominative is the name itself" if case == "nom" else f"use {', '.join(CASE_NAMES)}"
                    reader.problem(at, f"unknown case {case!r} ({hint})")
                    ok = False
                    continue
                before = len(reader.problems)
                forms = [f.strip() for f in reader.texts(value, at, f"the `{case}` forms")]
                if len(reader.problems) > before or not forms or not all(forms):
                    if len(reader.problems) == before:
                        reader.problem(at, f"the `{case}` forms must be text, not empty")
                    ok = False
                    continue
                if len(set(forms)) < len(forms):
                    reader.problem(at, f"a `{case}` form is listed twice")
                    ok = False
                    continue
                given[case] = tuple(forms)
            cases = [(c, given[c]) for c in CASE_NAMES if c in given]
    if declines and not cases and ok:
        reader.problem(line, "an inflection row needs `cases`, or `declines: no`")
        ok = False
    if declines is False and cases:
        reader.problem(reader.line_of(m, "cases"), "a row with `declines: no` has no `cases`")
        ok = False
    unsure: set[str] = set()
    if "unsure" in m:
        for c in reader.texts(m["unsure"], reader.line_of(m, "unsure"), "`unsure`"):
            if c not in dict(cases):
                reader.problem(reader.line_of(m, "unsure"), f"`unsure` names {c!r}, a case the row does not give")
                ok = False
            unsure.add(c)
    all_forms = [f for _, forms in cases for f in forms]
    latin = section in ("latin", "latin_words")
    if any(
        not all((c.isalpha() and is_latin(c)) if latin else is_cyrillic(c) for c in f) for f in [ending, *all_forms]
    ):
        reader.problem(line, f"endings, names and forms must be {'Latin' if latin else 'Cyrillic'} letters")
        ok = False
    if latin and whole:
        reader.problem(line, f"a `{section}` row gives an ending, not a `name`")
        ok = False
    if not ok:
        return None
    own = ending.lower() if whole else ending
    flat = tuple(dict.fromkeys(f for f in all_forms if f.lower() != own))  # the nominative is not a case form
    return InflectionRow(own, gender, flat, whole, tuple(cases), kind, bool(declines), frozenset(unsure))


def declinable(word: str) -> bool:
    """Whether the tables can decline ``word``: Cyrillic letters (with ' and -) only."""
    return cyrillic_letters(word)  # (compiled: read for every word a table declines)


def latin_word(word: str) -> bool:
    """Whether ``word`` is of Latin letters (with ' and -) only: the words the ``latin`` rows read."""
    return latin_letters(word)  # (compiled: read for every word a mention's nominatives are looked for)


# what a word ends with that is no consonant: the vowels, й and the soft sign of Cyrillic letters,
# the vowels of the Latin letters of the ``latin`` rows (Polish, Czech, German)
_NOT_CONSONANTS = "аеёиіоуыэюяьй'" + "aeiouyąęóáéíúůýěäöü"


def row_fits(row: InflectionRow, word: str) -> bool:
    """Whether ``row`` declines ``word`` (a nominative; its gender is not checked here): a ``name``
    row the word itself, else a word that ends with the row's ending (``""``: a consonant) and
    keeps a stem of at least two letters."""
    low = word.lower()
    if row.whole:
        return low == row.ending
    if row.ending:
        return low.endswith(row.ending) and len(word) - len(row.ending) >= 2
    return len(low) >= 2 and low[-1] not in _NOT_CONSONANTS


def form_of(word: str, row: InflectionRow, form: str) -> str:
    """``form`` (one of ``row``'s forms) made from ``word``: in place of the ending, or the whole
    word for a ``name`` row, written in the word's capitals (Льва, ЛЬВА; Лукашэнкам, ЛУКАШЭНКАМ)."""
    caps = word.isupper() and len(word) > 1
    if row.whole:
        return form.upper() if caps else form[:1].upper() + form[1:] if word[:1].isupper() else form.lower()
    stem = word[: len(word) - len(row.ending)] if row.ending else word
    return stem + (form.upper() if caps else form)


def inflection_row(word: str, rows: list[InflectionRow], gender: str | None) -> InflectionRow | None:
    """The row that declines ``word`` for ``gender`` (None accepts every row): a row for the whole
    name wins (Лев → Льва), else the longest ending that fits; None when no row fits."""
    if not declinable(word):
        return None  # the tables decline Cyrillic spellings only
    for row in rows:
        if (row.gender == "any" or gender is None or row.gender == gender) and row_fits(row, word):
            return row
    return None


class RowIndex:
    """:func:`inflection_row` over one list of rows by lookups instead of a walk down the list: the
    rows by their ending (and ``name`` rows by their word), each with its place in the list, so that
    a word's row is found from its own endings, as many lookups as the longest ending has letters."""

    def __init__(self, rows: list[InflectionRow]) -> None:
        self.by_end: dict[str, list[tuple[int, InflectionRow]]] = {}
        self.whole: dict[str, list[tuple[int, InflectionRow]]] = {}
        self.consonant: list[tuple[int, InflectionRow]] = []  # the rows of ending "" (any consonant)
        for i, row in enumerate(rows):
            if row.whole:
                self.whole.setdefault(row.ending, []).append((i, row))
            elif row.ending:
                self.by_end.setdefault(row.ending, []).append((i, row))
            else:
                self.consonant.append((i, row))
        self.longest = max(map(len, self.by_end), default=0)
        # rows of Latin letters (the ``latin`` section) decline words of Latin letters
        self.latin = any(is_latin(c) for row in rows for c in row.ending + "".join(row.forms))

    def row(self, word: str, gender: str | None) -> InflectionRow | None:
        """The row :func:`inflection_row` gives for ``word`` and ``gender``."""
        if not (latin_word(word) if self.latin else declinable(word)):
            return None
        low = word.lower()
        fits: list[tuple[int, InflectionRow]] = list(self.whole.get(low, ()))
        for n in range(1, min(self.longest, len(word) - 2) + 1):  # a stem of two letters at least
            fits += self.by_end.get(low[-n:], ())
        if self.consonant and row_fits(self.consonant[0][1], word):
            fits += self.consonant
        best: InflectionRow | None = None
        at = -1
        for i, row in fits:
            if (row.gender == "any" or gender is None or row.gender == gender) and (best is None or i < at):
                best, at = row, i
        return best


def inflect(word: str, rows: list[InflectionRow], gender: str | None) -> list[str]:
    """The case forms of a name (nominative given) by ``rows``, for its gender; [] when no row fits
    or the row says the word does not decline.

    A row for the whole name wins (Лев → Льва); else the longest ending that fits the gender
    (``gender`` None accepts every row). Every form of every case is given, each once, without the
    nominative; :mod:`normalize.cases` tells which case each form is.
    """
    row = inflection_row(word, rows, gender)
    if row is None:
        return []
    return [form_of(word, row, f) for f in row.forms]


# --- given names ---------------------------------------------------------------------------------

_GIVEN_NAME_LISTS = {"male": "m", "female": "f", "either": ""}
MIN_GIVEN_NAME_LETTERS = 3  # shorter words are as often initials, particles or abbreviations
_GIVEN_NAME_RE = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")  # letters, joined by ' or -


def given_name_form(word: str) -> str:
    """The form a given name is listed and looked up by: normalized text in lower case, with the
    Turkish capital İ read as I (its lower case would be i and a combining dot)."""
    return normalize_text(word).strip().replace("İ", "I").lower()


def _given_name_problem(name: str, tables: Tables) -> str | None:
    """Why ``name`` (lower case) cannot be a given name of the list, or None when it can."""
    if not _GIVEN_NAME_RE.fullmatch(name):
        return "must be one word of letters (a hyphen or an apostrophe only between letters)"
    if not name.isascii() and script_of(name) not in ("Latn", "Cyrl"):
        return "must be written in Latin or in Cyrillic letters, not in both or in others"
    if len(name) - name.count("-") - name.count("'") < MIN_GIVEN_NAME_LETTERS:
        return f"has fewer than {MIN_GIVEN_NAME_LETTERS} letters"
    for words, what in (
        (tables.titles, "a title (titles.yaml)"),
        (tables.legal_forms, "a legal form (org_words.yaml)"),
        (tables.generic_words, "a generic word of organisation names (org_words.yaml)"),
    ):
        if name in words:
            return f"is {what}"
    return None


def _read_given_names(reader: TableReader, doc: Any, tables: Tables) -> tuple[dict[str, str], frozenset[str]]:
    """The names of ``given_names.yaml``, lower case, with their gender: "m" (``male``), "f"
    (``female``) or "" (``either``, or listed both as male and as female); and its
    ``sentence_words``."""
    top = reader.mapping(doc, getattr(doc, "line", 1), "the given names file")
    if top is None:
        return {}, frozenset()
    reader.keys(top, {"source", "sentence_words", *_GIVEN_NAME_LISTS}, set(), "the given names file")
    out: dict[str, str] = {}
    for key, gender in _GIVEN_NAME_LISTS.items():
        seq = reader.sequence(top[key], top.lines[key], f"`{key}`") if key in top else None
        first: dict[str, int] = {}
        for i, item in enumerate(seq or ()):
            line = seq.lines[i] if seq is not None else 1
            if not isinstance(item, str):
                reader.problem(line, f"each entry of `{key}` must be a name")
                continue
            name = given_name_form(item)
            why = _given_name_problem(name, tables)
            if why is not None:
                reader.problem(line, f"the given name {item!r} {why}")
            elif name in first:
                reader.problem(line, f"the given name {item!r} is already in `{key}` at line {first[name]}")
            else:
                first[name] = line
                out[name] = gender if out.get(name, gender) == gender else ""
    return out, _read_sentence_words(reader, top, out)


def _read_sentence_words(reader: TableReader, top: LDict, names: Mapping[str, str]) -> frozenset[str]:
    """The ``sentence_words`` of a given names file, lower case: each one word of letters (a hyphen
    between letters allowed: кто-то), and none a given name of the same file."""
    if "sentence_words" not in top:
        return frozenset()
    value = reader.sequence(top["sentence_words"], top.lines["sentence_words"], "`sentence_words`")
    out: set[str] = set()
    for i, word in enumerate(value or ()):
        line = value.lines[i] if value is not None else 1
        if not isinstance(word, str):
            reader.problem(line, "each entry of `sentence_words` must be a word")
            continue
        w = given_name_form(word)
        if not _GIVEN_NAME_RE.fullmatch(w):
            reader.problem(line, f"the sentence word {word!r} must be one word of letters")
        elif w in names:
            reader.problem(line, f"the sentence word {word!r} is also a given name of this file")
        else:
            out.add(w)
    return frozenset(out)


# --- the whole folder ----------------------------------------------------------------------------


TABLES_ENV = "NORMALIZE_TABLES"
"""The setting that names a folder of the user's own tables, added to the bundled ones."""


def user_tables_dir(folder: Path | str | None = None) -> Path | None:
    """The user's tables folder: ``folder`` when given, else the one ``$NORMALIZE_TABLES`` names
    (None when neither names one)."""
    if folder is not None:
        return Path(folder)
    env = os.environ.get(TABLES_ENV, "").strip()
    return Path(env).expanduser() if env else None


def _is_same_dir(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


# The parts of a tables folder. The additive ones are read from both the bundled tables and the
# user's folder and combined; each rule file (an ordered set of rules) is the user's when the
# folder has it, else the bundled one.
_RULE_FILES = ("ru_be.yaml", "phonetic.yaml", "org_vocabulary.yaml", "inflection.yaml")


def load_tables(root: Path | str | None = None, *, entities: bool = True, default_tables: bool = True) -> Tables:
    """Load and check the bundled tables and a folder of the user's own (``root``, else the folder
    ``$NORMALIZE_TABLES`` names).

    The user's entities, schemes, cognates, titles and organisation words are **added** to the
    bundled ones; an entity or a scheme with the id of a bundled one replaces it (a warning in
    :attr:`Tables.warnings` says so). A rule file the folder holds (``phonetic.yaml``,
    ``ru_be.yaml``, ``inflection.yaml``, ``org_vocabulary.yaml``) is used in place of the bundled
    one. With ``default_tables=False`` the bundled entities are left out, and each part the folder
    holds replaces the bundled one; the parts it lacks (the schemes, the phonetic key …) are still
    the bundled ones, since nothing can be matched without them.
    """
    bundled = default_tables_dir()
    user = user_tables_dir(root)
    if user is not None and not user.is_dir():
        raise TableError([TableProblem(str(user), 1, "no such tables folder")])
    if user is not None and _is_same_dir(user, bundled):
        user = None  # the bundled tables themselves
    return _Loader(bundled, user, entities=entities, merge=default_tables).load()


class _Loader:
    """Reads the parts of the bundled tables and of a user's folder into one :class:`Tables`."""

    def __init__(self, bundled: Path, user: Path | None, *, entities: bool, merge: bool) -> None:
        self.bundled = bundled
        self.user = user
        self.entities = entities
        self.merge = merge
        self.problems: list[TableProblem] = []
        self.warnings: list[TableProblem] = []

    def display(self, p: Path) -> str:
        for base in (self.user, self.bundled):
            if base is None:
                continue
            try:
                return str(Path(base.name) / p.relative_to(base))
            except ValueError:
                continue
        return str(p)

    def sources(self, rel: str) -> list[Path]:
        """Where a part is read from, bundled first: both (merging), or the user's alone when the
        folder holds it, else the bundled one."""
        mine = self.user / rel if self.user is not None else None
        theirs = self.bundled / rel
        out = [p for p in (theirs, mine) if p is not None and p.exists()]
        if mine is not None and mine.exists() and (not self.merge or rel in _RULE_FILES):
            if self.merge and theirs.exists() and not _same_file(mine, theirs):
                self.warnings.append(
                    TableProblem(
                        self.display(mine), 1, f"{rel} is used in place of the bundled one (rules are not merged)"
                    )
                )
            return [mine]
        return out

    def read(self, p: Path) -> tuple[TableReader, Any]:
        reader = TableReader(p, self.display(p))
        return reader, reader.read()

    def load(self) -> Tables:
        tables = Tables(root=str(self.user or self.bundled), schemes=self._schemes())
        for p in self.sources("cognates.yaml"):
            reader, doc = self.read(p)
            if doc is not None:
                tables.cognates = merge_cognates(tables.cognates, _read_cognates(reader, doc), self.problems)
            self.problems.extend(reader.problems)
        self.problems.extend(check_cognates(tables.cognates))
        for p in self.sources("ru_be.yaml"):
            reader, doc = self.read(p)
            if doc is not None:
                tables.ru_be = parse_scheme(reader, doc, complete=False)
            self.problems.extend(reader.problems)
        for p in self.sources("phonetic.yaml"):
            reader, doc = self.read(p)
            if doc is not None:
                tables.phonetic = parse_phonetic(reader, doc)
            self.problems.extend(reader.problems)
        titles: set[str] = set()
        poss: set[str] = set()
        particles: set[str] = set()
        generations: set[str] = set()
        plural_articles: set[str] = set()
        title_initials: set[str] = set()
        title_initial_words: set[str] = set()
        name_titles: set[str] = set()
        surname_words: set[str] = set()
        article_particles: set[str] = set()
        for p in self.sources("titles.yaml"):
            reader, doc = self.read(p)
            top = reader.mapping(doc, 1, "the titles file") if doc is not None else None
            if top is not None:
                reader.keys(
                    top,
                    {
                        "titles",
                        "possessive_suffixes",
                        "particles",
                        "generations",
                        "plural_articles",
                        "title_initials",
                        "title_initial_words",
                        "name_titles",
                        "surname_words",
                        "article_particles",
                        "source",
                    },
                    {"titles"},
                    "the titles file",
                )
                titles.update(_read_word_list(reader, top, "titles"))
                _check_titles(reader, top, tables.cognates, tables.schemes)
                poss.update(_read_word_list(reader, top, "possessive_suffixes"))
                particles.update(_read_word_list(reader, top, "particles"))
                generations.update(_read_word_list(reader, top, "generations"))
                plural_articles.update(_read_word_list(reader, top, "plural_articles"))
                title_initials.update(_read_word_list(reader, top, "title_initials"))
                title_initial_words.update(_read_word_list(reader, top, "title_initial_words"))
                name_titles.update(_read_word_list(reader, top, "name_titles"))
                surname_words.update(_read_word_list(reader, top, "surname_words"))
                article_particles.update(_read_word_list(reader, top, "article_particles"))
            self.problems.extend(reader.problems)
        tables.titles = frozenset(titles)
        tables.name_particles = frozenset(particles)
        tables.generations = frozenset(generations)
        tables.plural_articles = frozenset(plural_articles)
        tables.title_initials = frozenset(title_initials)
        tables.title_initial_words = frozenset(title_initial_words)
        tables.name_titles = frozenset(name_titles)
        tables.surname_words = frozenset(surname_words)
        tables.article_particles = frozenset(article_particles)
        if poss:
            tables.possessive_suffixes = tuple(sorted(poss, key=len, reverse=True))
        lists: dict[str, set[str]] = {name: set() for name in _ORG_WORD_LISTS}
        for p in self.sources("org_words.yaml"):
            reader, doc = self.read(p)
            top = reader.mapping(doc, 1, "the organisation words file") if doc is not None else None
            if top is not None:
                reader.keys(top, {*_ORG_WORD_LISTS, "source"}, set(), "the organisation words file")
                for name, listed in lists.items():
                    listed.update(_read_word_list(reader, top, name))
            self.problems.extend(reader.problems)
        tables.legal_forms = frozenset(lists["legal_forms"])
        tables.generic_words = frozenset(lists["generic_words"])
        tables.named_after = frozenset(lists["named_after"])
        tables.state_bodies = frozenset(lists["state_bodies"])
        tables.owner_words = frozenset(lists["owner_words"])
        tables.naming_words = frozenset(lists["naming_words"])
        tables.region_words = frozenset(lists["region_words"])
        tables.work_words = frozenset(lists["work_words"])
        tables.title_words = frozenset(lists["title_words"])
        tables.product_words = frozenset(lists["product_words"])
        tables.publisher_words = frozenset(lists["publisher_words"])
        tables.call_sign_words = frozenset(lists["call_sign_words"])
        tables.place_words = frozenset(lists["place_words"])
        tables.street_words = frozenset(lists["street_words"])
        tables.team_articles = frozenset(w.casefold() for w in lists["team_articles"])
        tables.kind_words = frozenset(lists["kind_words"])
        tables.club_names = frozenset(w.casefold() for w in lists["club_names"])
        tables.realm_words = frozenset(" ".join(w.casefold().split()) for w in lists["realm_words"])
        tables.realm_words_after = tuple(sorted({w.casefold() for w in lists["realm_words_after"]}))
        tables.place_prepositions = frozenset(w.casefold() for w in lists["place_prepositions"])
        tables.people_words = frozenset(w.casefold() for w in lists["people_words"])
        tables.domain_openers = tuple(sorted({" ".join(w.casefold().split()) for w in lists["domain_openers"]}))
        given_names: dict[str, str] = {}
        sentence_words: set[str] = set()
        for p in self.sources("given_names.yaml"):  # after titles and org_words: a given name may be neither
            reader, doc = self.read(p)
            if doc is not None:
                names, words = _read_given_names(reader, doc, tables)
                for name, gender in names.items():
                    given_names[name] = gender if given_names.get(name, gender) == gender else ""
                sentence_words |= words
            self.problems.extend(reader.problems)
        tables.given_names = given_names
        tables.sentence_words = frozenset(sentence_words)
        for p in self.sources("org_vocabulary.yaml"):
            reader, doc = self.read(p)
            if doc is not None and tables.phonetic is not None:
                tables.vocabulary = parse_org_vocabulary(reader, doc, tables.phonetic)
            self.problems.extend(reader.problems)
        for p in self.sources("inflection.yaml"):
            reader, doc = self.read(p)
            if doc is not None:
                (
                    tables.inflection,
                    tables.given_inflection,
                    tables.word_inflection,
                    tables.latin_inflection,
                    tables.latin_word_inflection,
                ) = _read_inflection(reader, doc)
                if isinstance(doc, LDict) and "place_adjectives" in doc:
                    tables.place_adjective_endings = _read_endings(reader, doc, "place_adjectives")
                if isinstance(doc, LDict) and "place_adjective_prefixes" in doc:
                    tables.place_adjective_prefixes = _read_endings(reader, doc, "place_adjective_prefixes", "prefix")
                if isinstance(doc, LDict) and "toponym_qualifiers" in doc:
                    tables.toponym_qualifier_endings = _read_endings(reader, doc, "toponym_qualifiers")
            self.problems.extend(reader.problems)
        if self.entities:
            tables.entities = self._entities()
            dup, warn = check_entity_set(tables.entities)
            self.problems.extend(dup)
            self.warnings.extend(warn)
        tables.warnings = self.warnings
        if self.problems:
            raise TableError(self.problems)
        return tables

    def _schemes(self) -> SchemeSet:
        by_id: dict[str, Scheme] = {}
        files: dict[str, Path] = {}
        for folder in self.sources("schemes"):
            try:
                loaded = SchemeSet.load(folder, folder.parent.parent)
            except TableError as exc:
                self.problems.extend(exc.problems)
                continue
            for s in loaded:
                file = folder.parent.parent / s.path  # the path is shown relative to that
                if s.id in by_id and not _same_file(file, files[s.id]):
                    self.warnings.append(
                        TableProblem(s.path, 1, f"scheme {s.id!r} replaces the bundled one ({by_id[s.id].path})")
                    )
                by_id[s.id] = s
                files[s.id] = file
        return SchemeSet(by_id.values())

    def _entity_files(self, root: Path) -> list[Path]:
        if (root / "entities").is_dir():
            return sorted((root / "entities").glob("*.yaml"))
        if root != self.bundled:  # a user's folder may hold entity files directly
            return [p for p in sorted(root.glob("*.yaml")) if p.name not in _KNOWN_FILES]
        return []

    def _entities(self) -> list[EntityRecord]:
        groups: list[list[EntityRecord]] = []
        roots = [self.bundled] if self.user is None or self.merge else []
        roots += [self.user] if self.user is not None else []
        for root in roots:
            got: list[EntityRecord] = []
            for p in self._entity_files(root):
                reader, doc = self.read(p)
                if doc is not None:
                    got.extend(_read_entities(reader, doc, self.warnings))
                self.problems.extend(reader.problems)
            groups.append(got)
        if len(groups) < 2:
            return groups[0] if groups else []
        bundled, mine = groups
        theirs = {e.id: e for e in bundled}
        for e in mine:
            other = theirs.get(e.id)
            if other is not None and dataclasses.replace(other, where=e.where) != e:
                path, line = _split_where(e.where)
                self.warnings.append(TableProblem(path, line, f"{e.id!r} replaces the bundled entity at {other.where}"))
        replaced = {e.id for e in mine}
        return [e for e in bundled if e.id not in replaced] + mine


def _same_file(a: Path, b: Path) -> bool:
    """Whether two table files hold the same bytes (a copy of a bundled file replaces nothing)."""
    try:
        return a.read_bytes() == b.read_bytes()
    except OSError:
        return False


def merge_cognates(base: list[CognateSet], extra: list[CognateSet], problems: list[TableProblem]) -> list[CognateSet]:
    """``base`` with the entries of ``extra`` added: an entry that shares a form with one entry of
    ``base`` (of the same gender) adds its forms to it; one that shares none is a new given name."""
    if not base:
        return list(extra)
    out = list(base)
    owner: dict[tuple[str, str | None], int] = {}
    for i, c in enumerate(out):
        for f in c.forms:
            owner.setdefault((f.casefold(), c.gender), i)
    for c in extra:
        hits = sorted({owner[k] for k in ((f.casefold(), c.gender) for f in c.forms) if k in owner})
        if len(hits) > 1:
            path, line = _split_where(c.where)
            places = " and ".join(out[i].where for i in hits)
            problems.append(
                TableProblem(path, line, f"this entry joins two given names of the bundled tables ({places})")
            )
            continue
        if not hits:
            out.append(c)
            for f in c.forms:
                owner.setdefault((f.casefold(), c.gender), len(out) - 1)
            continue
        i = hits[0]
        old = out[i]

        def added(mine: tuple[str, ...], theirs: tuple[str, ...]) -> tuple[str, ...]:
            seen = {f.casefold() for f in theirs}
            return theirs + tuple(f for f in mine if f.casefold() not in seen)

        out[i] = CognateSet(added(c.ru, old.ru), added(c.be, old.be), added(c.latin, old.latin), old.gender, c.where)
        for f in c.forms:
            owner.setdefault((f.casefold(), c.gender), i)
    return out


def records_to_entities(records: Iterable[Mapping[str, Any]]) -> list[EntityRecord]:
    """Validate plain records (as given to ``Normalizer.from_records``)."""
    problems: list[TableProblem] = []
    out: list[EntityRecord] = []
    for k, raw in enumerate(records, 1):
        if not isinstance(raw, Mapping):
            problems.append(TableProblem("records", k, "a record must be a mapping"))
            continue

        def problem(key: str, msg: str, k: int = k) -> None:
            problems.append(TableProblem("records", k, msg))

        rec = check_entity(raw, f"records:{k}", problem)
        if rec is not None:
            out.append(rec)
    dup, _ = check_entity_set(out)
    problems.extend(dup)
    if problems:
        raise TableError(problems)
    return out
