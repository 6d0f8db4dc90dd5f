"""An adversarial set of mentions, generated from the bundled tables (run by eval_adversarial.py).

For every person of the entity tables: namesakes (another given name of the same gender with the
same surname; the other gender's form of the surname with a given name of that gender; the same
given name with another listed person's surname; other initials; another patronymic), surnames one
consonant away, and the person's name inside an organisation's name (Фонд <name in the genitive>,
Фонд имени …, <name> Foundation, Полк <surname in the genitive>). For every organisation: a
person whose surname is a brand word of its name. And, to show that recall is kept, the person's
own name in another case and in Latin script.

Nothing is hand-picked: the names come from the entity records (``Normalizer.entities``), the given
names from the cognate table, the case forms from the inflection table (``normalize.tables.inflect``;
the first form of each row is the genitive), spellings from the scheme tables
(``normalize.transliterate``, ``normalize.variants``), and "the same word" is decided by the phonetic
key of the tables. Where a choice is drawn, it is drawn with a fixed seed per person and class.

Every item carries the answer the rules give: None (nobody in the tables), or the entity the
generated name is by the tables (the person's own name; a namesake that is another listed person,
such as another member of the same family, by given name, patronymic and surname).
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from linkcheck import script_language, words_of

from normalize import Normalizer, list_schemes, transliterate, variants
from normalize.tables import CognateSet, EntityRecord, inflect

SEED = 7

NAMESAKE_GIVEN = "namesake: another given name, same surname"
NAMESAKE_GENDER = "namesake: the other gender's surname form"
NAMESAKE_SURNAME = "namesake: same given name, another listed surname"
NAMESAKE_INITIALS = "namesake: other initials"
NAMESAKE_PATRONYMIC = "namesake: another patronymic"
NEAR_SURNAME = "surname one consonant away"
IN_ORG_NAME = "person's name inside an organisation's name"
BRAND_SURNAME = "organisation's brand word as a surname"
OWN_NAME = "own name in another case or script"
CLASSES = (
    NAMESAKE_GIVEN,
    NAMESAKE_GENDER,
    NAMESAKE_SURNAME,
    NAMESAKE_INITIALS,
    NAMESAKE_PATRONYMIC,
    NEAR_SURNAME,
    IN_ORG_NAME,
    BRAND_SURNAME,
    OWN_NAME,
)

# How many of each kind a person gets (drawn with the seed).
GIVEN_NAMES = 3  # other given names of the same gender
OTHER_GENDER_NAMES = 2  # given names of the other gender, with the other gender's surname form
OTHER_SURNAMES = 3  # other listed persons' surnames
OTHER_INITIALS = 2  # other initials, per script
OTHER_PATRONYMICS = 2
NEAR_SURNAMES = 6  # consonant replacements per name (0: every one)

# The consonant letters of each alphabet. й is left out: it is the glide of a vowel, and a
# replacement of it changes the vowel, not a consonant. Belarusian ў stands only after a vowel.
CONSONANTS = {"ru": "бвгджзклмнпрстфхцчшщ", "be": "бвгджзклмнпрстфхцчшў"}
VOWELS = "аеёиіоуыэюя"

# The masculine and feminine forms of a surname, by ending (Russian and Belarusian grammar: the
# adjectival -ский/-ская, -скі/-ская, -ый/-ая, -ой/-ая and the possessive -ов/-ова, -оў/-ова,
# -ин/-ина); a surname of any other ending (-енко, -ич, -ук, a consonant) is the same for both.
GENDER_PAIRS = {
    "ru": (
        ("ский", "ская"), ("цкий", "цкая"), ("ый", "ая"), ("ой", "ая"), ("ов", "ова"), ("ев", "ева"),
        ("ёв", "ёва"), ("ин", "ина"), ("ын", "ына"),
    ),
    "be": (
        ("скі", "ская"), ("цкі", "цкая"), ("ы", "ая"), ("оў", "ова"), ("аў", "ава"), ("еў", "ева"),
        ("ёў", "ёва"), ("ін", "іна"), ("ын", "ына"),
    ),
}  # fmt: skip

CYRILLIC_INITIALS = {"ru": "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯ", "be": "АБВГДЕЖЗІКЛМНОПРСТУФХЦЧШЭЮЯ"}
LATIN_INITIALS = "ABCDEFGHIJKLMNOPRSTUVYZ"
FOUNDATION = {"ru": ("Фонд", "Фонд имени", "Полк"), "be": ("Фонд", "Фонд імя", "Полк")}


@dataclass(frozen=True)
class Item:
    """One generated mention and the answer the rules give."""

    text: str
    cls: str
    expected: str | None  # the entity id, or None: nobody in the tables
    source: str  # the entity it was made from
    language: str  # of the sentence it goes into: en, ru or be
    case: str  # nom or gen
    gender: str | None  # for the verb of the sentence
    how: str = ""  # what was changed


@dataclass(frozen=True)
class Name:
    """One Cyrillic name of a person, in its parts."""

    language: str
    given: str
    patronymic: str | None
    surname: str

    @property
    def full(self) -> str:
        return " ".join(w for w in (self.given, self.patronymic, self.surname) if w)

    @property
    def short(self) -> str:
        return f"{self.given} {self.surname}"


@dataclass(frozen=True)
class Person:
    id: str
    gender: str
    canonical: str
    names: tuple[Name, ...]  # the first Belarusian and the first Russian name, as the table gives them
    all_names: tuple[Name, ...]  # every name, aliases in Latin script included


def parse_name(text: str, language: str) -> Name | None:
    """Given name, patronymic (optional), surname, as the entity tables write a person's name."""
    ws = text.split()
    if len(ws) == 3:
        return Name(language, ws[0], ws[1], ws[2])
    if len(ws) == 2:
        return Name(language, ws[0], None, ws[1])
    return None


def person_of(rec: EntityRecord) -> Person | None:
    """A person record's Belarusian and Russian names (Belarusian first, Russian second in the
    tables; a name with і, ў or an apostrophe is Belarusian wherever it stands)."""
    if rec.type != "person" or rec.gender not in ("m", "f"):
        return None
    cyr = [(i, n) for i, n in enumerate(rec.names) if script_language(n) != "en"]
    if not cyr:
        return None
    be = next((i for i, n in cyr if script_language(n) == "be"), cyr[0][0])
    ru = next((i for i, n in cyr if i != be and script_language(n) == "ru"), None)
    chosen = [x for x in (parse_name(rec.names[be], "be"), ru is not None and parse_name(rec.names[ru], "ru")) if x]
    every = [parse_name(n, script_language(n)) for n in (*rec.names, *rec.aliases)]
    if not chosen:
        return None
    return Person(rec.id, rec.gender, rec.canonical, tuple(chosen), tuple(n for n in every if n))


def first_letter(word: str) -> str:
    """The first letter in capitals, without diacritics (Ž → Z)."""
    base = unicodedata.normalize("NFD", word[:1])[:1]
    return base.upper()


class AdversarialSet:
    """Generates the items from one normalizer's tables."""

    def __init__(self, normalizer: Normalizer, seed: int = SEED, near_surnames: int = NEAR_SURNAMES) -> None:
        tables = normalizer.tables
        if tables.phonetic is None:
            raise SystemExit("the tables have no phonetic key")
        self.key: Callable[[str], str] = tables.phonetic
        self.same_surname_keys = tables.phonetic.variants
        self.tables = tables
        self.seed = seed
        self.near_surnames = near_surnames
        self.records = normalizer.entities
        self.persons = [p for p in (person_of(r) for r in self.records) if p]
        self.cognates: list[CognateSet] = [c for c in tables.cognates if c.gender in ("m", "f")]
        self._group: dict[str, int] = {}
        for i, c in enumerate(self.cognates):
            for f in c.forms:
                self._group.setdefault(f.casefold(), i)
        self._group_by_key: dict[str, int] = {}
        for i, c in enumerate(self.cognates):
            for f in c.forms:
                self._group_by_key.setdefault(self.key(f), i)
        self.schemes = {lang: sorted(s.id for s in list_schemes() if s.language == lang) for lang in ("ru", "be")}
        self.by_surname: dict[str, list[tuple[Person, Name]]] = {}
        self.nominative: dict[str, set[str]] = {}  # surname key -> the persons of that nominative
        self.given_cases: dict[str, set[str]] = {}
        self.patronymic_keys: dict[str, set[str]] = {}
        for p in self.persons:
            self._index(p)
        self.name_keys = self._name_keys()
        self.org_names = {
            n.casefold(): r.id for r in self.records if r.type != "person" for n in (*r.names, *r.aliases)
        }
        self._initials_memo: dict[tuple[str, str], set[str]] = {}
        self._spelled_memo: dict[str, set[str]] = {}
        self._letter_spellings: dict[str, list[str]] = {}

    def _index(self, p: Person) -> None:
        """The person by the keys of its surnames (nominative and case forms), the case forms of its
        given name (every form of its cognate entry) and the keys of its patronymics."""
        cases = self.given_cases[p.id] = set()
        pats = self.patronymic_keys[p.id] = set()
        for n in p.all_names:
            self.nominative.setdefault(self.key(n.surname), set()).add(p.id)
            forms = [n.surname, *self.case_forms(n.surname, n.language, p.gender)]
            for k in {self.key(f) for f in forms}:
                entries = self.by_surname.setdefault(k, [])
                if (p, n) not in entries:
                    entries.append((p, n))
            g = self.group_of(n.given)
            for form in (n.given, *(self.cognates[g].forms if g is not None else ())):
                cases.update(f.casefold() for f in self.case_forms(form, n.language, p.gender, given=True))
            if n.patronymic:
                forms = [n.patronymic, *self.case_forms(n.patronymic, n.language, p.gender)]
                pats.update(self.key(f) for f in forms)

    # --- facts of the tables --------------------------------------------------------------------

    def _name_keys(self) -> set[str]:
        """Keys of every word of every entity's names, with the case forms of the inflection
        table: a surname one consonant away must not be one of them."""
        out: set[str] = set()
        rows = [*self.tables.inflection.values(), *self.tables.given_inflection.values()]
        for r in self.records:
            for n in (*r.names, *r.aliases):
                for w in words_of(n):
                    out.add(self.key(w))
                    for rs in rows:
                        out.update(self.key(f) for f in inflect(w, rs, r.gender))
        out.discard("")
        return out

    def group_of(self, given: str) -> int | None:
        """The cognate entry of a given name (by its spelling, else by its key)."""
        g = self._group.get(given.casefold())
        return g if g is not None else self._group_by_key.get(self.key(given))

    def same_given(self, a: str, b: str) -> bool:
        ga, gb = self.group_of(a), self.group_of(b)
        if ga is not None and gb is not None:
            return ga == gb
        return self.key(a) == self.key(b)

    def given_form(self, group: int, language: str) -> str:
        c = self.cognates[group]
        return (c.be or c.ru)[0] if language == "be" else (c.ru or c.be)[0]

    def genitive(self, word: str, language: str, gender: str, given: bool = False) -> str:
        """The genitive by the inflection table (its rows give the genitive first); the word as it
        is when no row declines it (Лукашенко, a woman's Хомич)."""
        rows = (self.tables.given_inflection if given else self.tables.inflection).get(language, [])
        forms = inflect(word, rows, gender)
        return forms[0] if forms else word

    def other_gender(self, surname: str, language: str, gender: str) -> str:
        """The surname of the other gender (Тихановская → Тихановский); the same where the
        surname does not change (Лукашенко)."""
        low = surname.lower()
        for m, f in GENDER_PAIRS[language]:
            have, want = (m, f) if gender == "m" else (f, m)
            if low.endswith(have) and len(low) > len(have) + 1:
                return surname[: len(surname) - len(have)] + want
        return surname

    def case_forms(self, word: str, language: str, gender: str, given: bool = False) -> list[str]:
        """The case forms of a word of a person's name by the inflection table (none for a Latin
        word; both languages' rows for a word of neither)."""
        table = self.tables.given_inflection if given else self.tables.inflection
        languages = [language] if language in table else list(table)
        return [f for lang in languages for f in inflect(word, table[lang], gender)]

    def listed(
        self, given: str, patronymic: str | None, surname: str, gender: str | None, cases: bool = True
    ) -> set[str]:
        """The listed persons a name is, by the tables: the surname (by key, in any case form of the
        person's gender), the given name of the same cognate entry and gender or a case form of a
        form of that entry (Александра Лукашенко is the genitive of Александр Лукашенко, Яна
        Тертель of Ян Тертель, and Ян is a form of Іван), the same patronymic where both have one.
        Without ``cases``, the nominative only."""
        out: set[str] = set()
        k = self.key(surname)
        for p, n in self.by_surname.get(k, ()):
            as_case = cases and given.casefold() in self.given_cases[p.id]
            if not cases and p.id not in self.nominative.get(k, ()):
                continue
            if not as_case and (not self.same_given(given, n.given) or (gender is not None and p.gender != gender)):
                continue
            pats = self.patronymic_keys[p.id]
            if patronymic and pats and self.key(patronymic) not in pats:
                continue
            out.add(p.id)
        return out

    def root_group(self, patronymic: str) -> int | None:
        """The cognate entry of the given name a patronymic is made from (Григорьевич, Рыгоравіч:
        Григорий): the entry of the longest stem of a Cyrillic form the patronymic starts with."""
        low = patronymic.casefold().replace("ё", "е")
        best, found = 2, None
        for i, c in enumerate(self.cognates):
            if c.gender != "m":
                continue
            for f in (*c.ru, *c.be):
                stem = f.casefold().replace("ё", "е").rstrip("йьаяиыі")
                if len(stem) > best and low.startswith(stem):
                    best, found = len(stem), i
        return found

    def given_initials(self, p: Person) -> set[str]:
        """What an initial of a person's given name may be: the first letters of every spelling of
        every form of it (the cognate entry, the scheme tables) and their keys."""
        got = self._initials_memo.get((p.id, "given"))
        if got is None:
            forms: set[str] = set()
            for n in p.all_names:
                forms.add(n.given)
                g = self.group_of(n.given)
                if g is not None:
                    forms.update(self.cognates[g].forms)
            got = self._initials_memo[(p.id, "given")] = self._initials(forms)
        return got

    def patronymic_initials(self, p: Person) -> set[str]:
        """The same for a person's patronymic, with the forms of the given name it is made from."""
        got = self._initials_memo.get((p.id, "patronymic"))
        if got is None:
            forms: set[str] = set()
            for n in p.all_names:
                if n.patronymic:
                    forms.add(n.patronymic)
                    g = self.root_group(n.patronymic)
                    if g is not None:
                        forms.update(self.cognates[g].forms)
            got = self._initials_memo[(p.id, "patronymic")] = self._initials(forms)
        return got

    def _initials(self, forms: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for f in forms:
            for s in (f, *(variants(f) if script_language(f) != "en" else ())):
                if s:
                    out.update((first_letter(s), s[:1].upper(), self.key(s[:1])[:1], self.key(s)[:1]))
        out.discard("")
        return out

    def fits(self, initial: str, pool: set[str]) -> bool:
        """Whether an initial may stand for a name of this pool: by its letter, its key or the
        first letter of a spelling of it (Ю: Yu, Ju, Iu)."""
        spellings = self._letter_spellings.get(initial)
        if spellings is None:
            spellings = self._letter_spellings[initial] = variants(initial) if script_language(initial) != "en" else []
        return (
            initial in pool
            or self.key(initial)[:1] in pool
            or any(first_letter(s) in pool or self.key(s)[:1] in pool for s in spellings if s)
        )

    def listed_by_initials(self, given: str, patronymic: str | None, surname: str) -> set[str]:
        """The listed persons of this surname whose given name (and patronymic) these initials fit."""
        out: set[str] = set()
        for p, _ in self.by_surname.get(self.key(surname), ()):
            if not self.fits(given, self.given_initials(p)):
                continue
            pool = self.patronymic_initials(p)
            if patronymic and pool and not self.fits(patronymic, pool):
                continue
            out.add(p.id)
        return out

    def spelled_keys(self, p: Person) -> set[str]:
        """Every key the tables give a person's surnames: of each surname as written (both
        languages, aliases), of every spelling the scheme tables make of it, of its case forms,
        and the surname variants of the key table."""
        got = self._spelled_memo.get(p.id)
        if got is None:
            got = set()
            for n in p.all_names:
                got.add(self.key(n.surname))
                got.update(self.key(v) for v in variants(n.surname))
                got.update(self.key(f) for f in self.case_forms(n.surname, n.language, p.gender))
            for k in list(got):
                got |= self.same_surname_keys(k)
            got.discard("")
            self._spelled_memo[p.id] = got
        return got

    def near_spellings(self, p: Person, n: Name) -> list[str]:
        """Every surname one consonant away from the surname of ``n``: one consonant replaced by
        another, not a change of spelling only (its key is not a key the tables give the person's
        surnames, see :meth:`spelled_keys`) and not another entity's name."""
        surname = n.surname
        cons = CONSONANTS[n.language]
        spelled = self.spelled_keys(p)
        out: list[str] = []
        for i, ch in enumerate(surname):
            low = ch.lower()
            if low not in cons:
                continue
            for c in cons:
                if c == low or (c == "ў" and (i == 0 or surname[i - 1].lower() not in VOWELS)):
                    continue
                new = surname[:i] + (c.upper() if ch.isupper() else c) + surname[i + 1 :]
                k = self.key(new)
                if k in spelled or k in self.name_keys or not spelled.isdisjoint(self.same_surname_keys(k)):
                    continue
                out.append(new)
        return out

    # --- the items -------------------------------------------------------------------------------

    def rng(self, *parts: str) -> random.Random:
        return random.Random(":".join((str(self.seed), *parts)))

    def latin(self, text: str, language: str, rnd: random.Random) -> tuple[str, str]:
        scheme = rnd.choice(self.schemes[language])
        return transliterate(text, scheme=scheme), scheme

    def items(self) -> list[Item]:
        out: list[Item] = []
        for p in self.persons:
            out.extend(self.person_items(p))
        for r in self.records:
            if r.type == "organization":
                out.extend(self.brand_items(r))
        return out

    def person_items(self, p: Person) -> Iterator[Item]:
        for n in p.names:
            yield from self._namesakes(p, n)
            yield from self._initials_items(p, n)
            yield from self._near(p, n)
            yield from self._in_org_name(p, n)
            yield from self._own(p, n)
        rnd = self.rng(p.id, "foundation")
        ru = next((n for n in p.names if n.language == "ru"), p.names[0])
        lat, scheme = self.latin(ru.short, ru.language, rnd)
        for text, how in ((f"{p.canonical} Foundation", "canonical"), (f"{lat} Foundation", scheme)):
            yield Item(text, IN_ORG_NAME, self.org_names.get(text.casefold()), p.id, "en", "nom", "m", how)

    def _item(
        self,
        p: Person,
        n: Name,
        cls: str,
        parts: tuple[str, str | None, str],
        gender: str,
        how: str,
        rnd: random.Random,
        latin: bool = True,
        not_latin: set[str] | None = None,
    ) -> Iterator[Item]:
        """The item in Cyrillic and, with ``latin``, romanized by a scheme drawn with ``rnd`` (not
        when the romanized surname has a key of ``not_latin``); its answer is the listed person it
        is, if any (none when it would be two)."""
        given, patronymic, surname = parts
        text = " ".join(w for w in parts if w)
        found = self.listed(given, patronymic, surname, gender)
        if len(found) > 1:
            return
        expected = next(iter(found), None)
        yield Item(text, cls, expected, p.id, n.language, "nom", gender, how)
        if latin:
            if expected is not None and expected not in self.listed(given, patronymic, surname, gender, cases=False):
                return  # a case form in Latin letters: the tables decline Cyrillic only, the answer is open
            lat, scheme = self.latin(text, n.language, rnd)
            if not_latin and self.key(lat.split()[-1]) in not_latin:
                return
            yield Item(lat, cls, expected, p.id, "en", "nom", gender, f"{how}; {scheme}")

    def _namesakes(self, p: Person, n: Name) -> Iterator[Item]:
        own = self.group_of(n.given)
        # another given name of the same gender
        rnd = self.rng(p.id, n.language, "given")
        same = [i for i, c in enumerate(self.cognates) if c.gender == p.gender and i != own]
        for g in rnd.sample(same, min(GIVEN_NAMES, len(same))):
            given = self.given_form(g, n.language)
            yield from self._item(p, n, NAMESAKE_GIVEN, (given, None, n.surname), p.gender, f"given {given}", rnd)
        # the other gender's form of the surname, with a given name of that gender
        rnd = self.rng(p.id, n.language, "gender")
        other = "f" if p.gender == "m" else "m"
        surname = self.other_gender(n.surname, n.language, p.gender)
        pool = [i for i, c in enumerate(self.cognates) if c.gender == other]
        for g in rnd.sample(pool, min(OTHER_GENDER_NAMES, len(pool))):
            given = self.given_form(g, n.language)
            yield from self._item(p, n, NAMESAKE_GENDER, (given, None, surname), other, f"{given} {surname}", rnd)
        # the same given name with another listed person's surname of the same gender
        rnd = self.rng(p.id, n.language, "surname")
        own_key = self.key(n.surname)
        others = sorted(
            {
                m.surname
                for q in self.persons
                if q.gender == p.gender and q.id != p.id
                for m in q.names
                if m.language == n.language and self.key(m.surname) != own_key
            }
        )
        for s in rnd.sample(others, min(OTHER_SURNAMES, len(others))):
            yield from self._item(p, n, NAMESAKE_SURNAME, (n.given, None, s), p.gender, f"surname {s}", rnd)
        # another patronymic of the same gender and language
        if n.patronymic:
            rnd = self.rng(p.id, n.language, "patronymic")
            own_p = self.key(n.patronymic)
            pats = sorted(
                {
                    m.patronymic
                    for q in self.persons
                    if q.gender == p.gender
                    for m in q.names
                    if m.language == n.language and m.patronymic and self.key(m.patronymic) != own_p
                }
            )
            for pat in rnd.sample(pats, min(OTHER_PATRONYMICS, len(pats))):
                parts = (n.given, pat, n.surname)
                yield from self._item(p, n, NAMESAKE_PATRONYMIC, parts, p.gender, f"patronymic {pat}", rnd)

    def _initials_items(self, p: Person, n: Name) -> Iterator[Item]:
        rnd = self.rng(p.id, n.language, "initials")
        namesakes = list(dict.fromkeys(q for q, _ in self.by_surname.get(self.key(n.surname), ())))
        taken = set().union(*(self.given_initials(q) for q in namesakes))
        ptaken = set().union(*(self.patronymic_initials(q) for q in namesakes))
        lat_surname, scheme = self.latin(n.surname, n.language, rnd)
        own_given = {False: n.given[:1].upper(), True: first_letter(p.canonical)}
        for latin in (False, True):
            surname = lat_surname if latin else n.surname
            alphabet = LATIN_INITIALS if latin else CYRILLIC_INITIALS[n.language]
            language = "en" if latin else n.language
            how = f"; {scheme}" if latin else ""
            free = [c for c in alphabet if not self.fits(c, taken)]
            for c in rnd.sample(free, min(OTHER_INITIALS, len(free))):
                yield Item(f"{c}. {surname}", NAMESAKE_INITIALS, None, p.id, language, "nom", p.gender, f"{c}.{how}")
            g = own_given[latin]
            if not self.fits(g, self.given_initials(p)):
                continue
            # the person's own initial with a patronymic initial that fits no namesake
            pfree = [c for c in alphabet if not self.fits(c, ptaken)]
            if n.patronymic and pfree:
                c = rnd.choice(pfree)
                found = self.listed_by_initials(g, c, n.surname)
                if len(found) <= 1:
                    yield Item(
                        f"{g}. {c}. {surname}", NAMESAKE_INITIALS, next(iter(found), None), p.id, language,
                        "nom", p.gender, f"{g}. {c}.{how}",
                    )  # fmt: skip
            # the person's own initial: a positive where it tells the person apart
            if self.listed_by_initials(g, None, n.surname) == {p.id}:
                yield Item(f"{g}. {surname}", OWN_NAME, p.id, p.id, language, "nom", p.gender, f"own initial{how}")

    def _near(self, p: Person, n: Name) -> Iterator[Item]:
        rnd = self.rng(p.id, n.language, "near")
        near = self.near_spellings(p, n)
        if self.near_surnames:
            near = rnd.sample(near, min(self.near_surnames, len(near)))
        spelled = self.spelled_keys(p)
        for s in near:
            # with the given name and patronymic as the table has them, and with the given name
            # alone; romanized, unless the romanization is a spelling of the person's own surname
            if n.patronymic:
                parts = (n.given, n.patronymic, s)
                yield from self._item(p, n, NEAR_SURNAME, parts, p.gender, s, rnd, not_latin=spelled)
            parts = (n.given, None, s)
            yield from self._item(p, n, NEAR_SURNAME, parts, p.gender, s, rnd, not n.patronymic, spelled)

    def _in_org_name(self, p: Person, n: Name) -> Iterator[Item]:
        given = self.genitive(n.given, n.language, p.gender, given=True)
        surname = self.genitive(n.surname, n.language, p.gender)
        fund, named, regiment = FOUNDATION[n.language]
        for text in (f"{fund} {given} {surname}", f"{named} {given} {surname}", f"{regiment} {surname}"):
            expected = self.org_names.get(text.casefold())
            yield Item(text, IN_ORG_NAME, expected, p.id, n.language, "nom", "m", "genitive")

    def _own(self, p: Person, n: Name) -> Iterator[Item]:
        rnd = self.rng(p.id, n.language, "own")
        g = self.genitive(n.given, n.language, p.gender, given=True)
        s = self.genitive(n.surname, n.language, p.gender)
        forms = [(n.full, "nom", "as written"), (f"{g} {s}", "gen", "genitive")]
        if n.patronymic:
            pat = self.genitive(n.patronymic, n.language, p.gender)
            forms += [(n.short, "nom", "no patronymic"), (f"{g} {pat} {s}", "gen", "genitive")]
        for text, case, how in forms:
            yield Item(text, OWN_NAME, p.id, p.id, n.language, case, p.gender, how)
        lat, scheme = self.latin(n.full, n.language, rnd)
        yield Item(lat, OWN_NAME, p.id, p.id, "en", "nom", p.gender, scheme)
        given, scheme = self.latin(n.given, n.language, rnd)
        surname = transliterate(n.surname, scheme=scheme)
        yield Item(f"{surname.upper()}, {given}", OWN_NAME, p.id, p.id, "en", "nom", p.gender, f"SURNAME, {scheme}")

    def brand_words(self, r: EntityRecord) -> list[tuple[str, str]]:
        """The significant words of an organisation's names and aliases as written, with the
        language of the name they come from: not a legal form, a generic word of organisation
        names or a function word (tables/org_words.yaml, org_vocabulary.yaml), not the name of a
        place, at least three letters."""
        t = self.tables
        skip = {w.casefold() for w in (*t.legal_forms, *t.generic_words, *t.vocabulary.function_words)}
        places = {self.key(n) for q in self.records if q.type == "place" for n in (*q.names, *q.aliases)}
        seen: set[str] = set()
        out: list[tuple[str, str]] = []
        for i, name in enumerate((*r.names, *r.aliases)):
            language = script_language(name)
            if language == "ru" and i == 0:
                language = "be"  # the tables write the Belarusian name first
            for w in words_of(name):
                low = w.casefold()
                if len(w) < 3 or low in skip or low in seen or self.key(w) in places:
                    continue
                seen.add(low)
                out.append((w, language))
        return out

    def brand_items(self, r: EntityRecord) -> Iterator[Item]:
        rnd = self.rng(r.id, "brand")
        for word, language in self.brand_words(r):
            for gender in ("m", "f"):
                g = rnd.choice([i for i, c in enumerate(self.cognates) if c.gender == gender])
                if language == "en":
                    c = self.cognates[g]
                    cyr = self.given_form(g, "ru")
                    given = rnd.choice([*c.latin, transliterate(cyr, scheme=rnd.choice(self.schemes["ru"]))])
                else:
                    given = self.given_form(g, language)
                found = self.listed(given, None, word, gender)
                if len(found) > 1:
                    continue
                text = f"{given} {word}"
                yield Item(text, BRAND_SURNAME, next(iter(found), None), r.id, language, "nom", gender, word)
