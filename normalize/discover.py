"""``normalize discover``: the people a corpus mentions that the tables lack.

The stages, each on plain data:

1. **Find** person-name mentions in each line: a given name of the cognates table (in any
   spelling, any case form) beside a surname-like word, initials with a surname, and a surname
   with a patronymic (whose root is a given name of the table). A surname-like word is a
   capitalised word that is no given name, patronymic, title, function word, word of an
   organisation's name (the vocabulary, generic words, legal forms), and names no place or
   organisation of the tables.
2. **Drop** the mentions that resolve to a known person.
3. **Lemmatize** each surname written in Cyrillic to its nominative by the inflection table read
   backwards (Тихановской → Тихановская), for the gender the given name or patronymic shows.
4. **Group** the spellings: a surname's nominative and every spelling of it under the
   schemes (and its Belarusian form, for a Russian one) are put on the phonetic key, and surnames
   that share a key are one surname (Тихановская, Ціханоўская, Tsikhanouskaya, Cichanoŭskaja,
   Tikhanovskaya). A person is a surname, a gender and a given name (its cognate set: Svetlana =
   Sviatlana); a husband's -ский is another key than a wife's -ская, and a group is never of two
   genders. A mention with initials only joins the one group of its surname whose given name it
   fits.
5. **Rank** the groups by their mentions and write each as a draft entity of the tables: Cyrillic
   names where the corpus has them, the most frequent Latin form as the canonical, the gender,
   and three example contexts with file and line under ``draft``, which ``tables check`` refuses
   until a person has reviewed the entity and deleted that field.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .namekeys import PATRONYMIC_CASE_KEYS, key_gender, patronymic_gender
from .resolver import Normalizer
from .tables import InflectionRow, inflect
from .text import COMBINING_MARKS, detect_language, is_cyrillic, normalize_text, script_of

# a word (letters, inner apostrophes and hyphens) or an initial with its dot
_TOKEN_RE = re.compile(rf"[^\W\d_][{COMBINING_MARKS}]*(?:[^\W\d_][{COMBINING_MARKS}]*|['’ʼ-](?=[^\W\d_]))*\.?")
_GAP_RE = re.compile(r"^(?: |, )$")  # what may stand between two words of one name
MIN_SURNAME = 3  # letters of a surname-like word
MIN_KEYED_GIVEN = 3  # letters of a word read as a given name by its key
CONTEXT = 70  # characters each side of a mention in an example
EXAMPLES = 3
MAX_LINE_CHARS = 100_000  # a longer line is read up to this
_VOWELS = frozenset("аеёиіоуўыэюяьй'")  # and the signs: what no consonant-ending nominative ends with


@dataclass
class Token:
    """A word of a line: its text (without the dot of an initial), where it is, what it is."""

    text: str
    start: int
    end: int
    initial: bool
    opens: bool = False  # the first word of a sentence (capitalised by its place alone)


@dataclass
class Reading:
    """What one word can be in a name: given names (cognate set, nominative, gender), a
    patronymic's gender, or a surname."""

    given: list[tuple[int, str, str | None]]
    patronymic: str | None
    surname: bool
    shaped: str | None = None  # the gender of a word made as a patronymic, of a name the table may lack


@dataclass
class Found:
    """One mention of a person: its parts as written, what they were read as."""

    surface: str
    surname: str
    given: list[tuple[int, str, str | None]]  # the readings of the given name (empty: none written)
    given_written: str
    patronymic: str
    patronymic_gender: str | None
    initials: str


@dataclass
class Seen:
    """A mention as written, counted, with the first few places it was seen."""

    found: Found
    count: int = 0
    examples: list[str] = field(default_factory=list)


@dataclass
class Person:
    """A group of mentions taken for one person."""

    surname_key: str
    gender: str | None
    given: int | None  # the cognate set of the given name
    forms: list[Seen] = field(default_factory=list)

    @property
    def mentions(self) -> int:
        return sum(s.count for s in self.forms)


def nominative_key(key: str) -> str:
    """The key of a patronymic's nominative, from the key of one of its case forms (…VICA →
    …VIC); other keys as they are."""
    for nominative, cases in PATRONYMIC_CASE_KEYS.items():
        for case in sorted(cases, key=len, reverse=True):
            if key.endswith(case) and len(key) > len(case) + 3:
                return key[: -len(case)] + nominative
    return key


class GivenNames:
    """The given names of the cognates table in every spelling and case form."""

    def __init__(self, normalizer: Normalizer) -> None:
        wf = normalizer.forms
        self.key = wf.key
        self.cognates = normalizer.tables.cognates
        self.by_form: dict[str, list[tuple[int, str, str | None]]] = {}  # lower case → readings
        self.by_key: dict[str, list[int]] = {}
        self.initials: list[frozenset[str]] = []
        rows = normalizer.tables.given_inflection
        for gi, c in enumerate(self.cognates):
            letters: set[str] = set()
            for lang, forms in (("ru", c.ru), ("be", c.be), ("", c.latin)):
                for form in forms:
                    self._add(form.lower(), (gi, form, c.gender))
                    for v in wf.spellings(form):
                        k = self.key(v)
                        if k:
                            lst = self.by_key.setdefault(k, [])
                            if gi not in lst:
                                lst.append(gi)
                        letters |= {x for x in wf.initials_of(v) if not x.startswith("#")}
                    if lang:
                        for case in inflect(form, rows.get(lang, []), c.gender):
                            self._add(case.lower(), (gi, form, c.gender))
                            self._add(case.lower().replace("ё", "е"), (gi, form, c.gender))
            self.initials.append(frozenset(letters))
        self.male_keys: dict[str, list[str]] = {}  # the keys of men's given names, by their first letters
        for k, groups in self.by_key.items():
            if any(self.cognates[gi].gender != "f" for gi in groups):
                self.male_keys.setdefault(k[:3], []).append(k)

    def _add(self, form: str, reading: tuple[int, str, str | None]) -> None:
        lst = self.by_form.setdefault(form, [])
        if reading not in lst:
            lst.append(reading)

    def readings(self, word: str) -> list[tuple[int, str, str | None]]:
        """The given names a word can be (as written, or a spelling of one by its key)."""
        got = self.by_form.get(word.lower())
        if got:
            return got
        if sum(c.isalpha() for c in word) < MIN_KEYED_GIVEN:
            return []  # a short word is a given name as written only (Ян), never by its key (On)
        k = self.key(word)
        return [(gi, self.cognates[gi].forms[0], self.cognates[gi].gender) for gi in self.by_key.get(k, ())]

    def patronymic_root(self, word: str) -> bool:
        """Whether a word made as a patronymic (-ович, -івна, -ovich and their case forms) is
        made of a man's given name of the table (Николаевич of Николай, Ильич of Илья); a
        surname of that shape is made of no given name (Шушкевіч, Олиневич)."""
        k = nominative_key(self.key(word))
        for suf in ("ICNA", "AVIC", "EVIC", "AVNA", "EVNA", "IC"):
            if k.endswith(suf) and len(k) > len(suf) + 2:
                stem = k[: -len(suf)]  # the father's name, less its last letters (Сергей → SERG)
                return any(len(m) - len(stem) <= 2 for m in self.male_keys.get(stem[:3], ()) if m.startswith(stem))
        return False


class Finder:
    """Finds person-name mentions in lines of text (stage 1) and reads their surnames (stage 3)."""

    def __init__(self, normalizer: Normalizer) -> None:
        self.normalizer = normalizer
        self.given = GivenNames(normalizer)
        t = normalizer.tables
        self.key = normalizer.forms.key
        self.stop = t.titles | t.vocabulary.function_words | t.generic_words | t.legal_forms
        self.vocabulary = t.vocabulary
        self.rows = t.inflection
        self._readings: dict[str, Reading] = {}

    # --- words ---------------------------------------------------------------------------------

    def reading(self, word: str) -> Reading:
        """What a capitalised word can be in a name (remembered per word)."""
        got = self._readings.get(word)
        if got is None:
            got = self._readings[word] = self._read(word)
        return got

    def _read(self, word: str) -> Reading:
        given = self.given.readings(word)
        k = self.key(word)
        pg = patronymic_gender(k) if k else None
        if pg is not None and not self.given.patronymic_root(word):
            pg = None
        surname = (
            not given
            and pg is None
            and sum(c.isalpha() for c in word) >= MIN_SURNAME
            and word.casefold() not in self.stop
            and bool(k)
            and not self.vocabulary.concepts(k)
            and not self._names_a_place_or_organisation(word)
        )
        return Reading(given, pg, surname, patronymic_gender(k) if k else None)

    def _names_a_place_or_organisation(self, word: str) -> bool:
        return self.normalizer.resolve(word, types=("place", "organization")) is not None

    # --- a line --------------------------------------------------------------------------------

    def tokens(self, line: str) -> list[list[Token]]:
        """The runs of capitalised words and initials of a line: words one blank (or a comma and
        a blank) apart, initials also written together (А.Г.); a word with a dot after it ends
        its run (the end of a sentence). A name lies inside one run."""
        runs: list[list[Token]] = []
        run: list[Token] = []
        prev_end, closed = -1, True
        for m in _TOKEN_RE.finditer(line):
            text = m.group()
            dot = text.endswith(".")
            word = text[:-1] if dot else text
            initial = dot and len(word) == 1 and word.isupper()
            if not (word[:1].isupper() and (initial or len(word) > 1)):
                if run:
                    runs.append(run)
                run, closed = [], True
                continue
            gap = line[prev_end : m.start()] if prev_end >= 0 else line[: m.start()]
            opens = False
            if run and not closed and (gap in (" ", ", ") or (gap == "" and run[-1].initial)):
                pass
            else:
                if run:
                    runs.append(run)
                    run = []
                before = line[: m.start()].rstrip(' «"“„(—–-')
                opens = not before or before[-1] in ".!?:;…"
            end = m.start() + len(word) + (1 if initial else 0)
            run.append(Token(word, m.start(), end, initial, opens))
            prev_end, closed = end, dot and not initial
        if run:
            runs.append(run)
        return runs

    def find(self, line: str) -> Iterator[tuple[int, int, Found]]:
        """The person-name mentions of a line: (start, end, what was found)."""
        for run in self.tokens(line):
            yield from self._in_run(line, run)

    def _in_run(self, line: str, run: list[Token]) -> Iterator[tuple[int, int, Found]]:
        n = len(run)
        reads = [None if t.initial else self.reading(t.text) for t in run]
        used = [False] * n

        def surname_at(i: int) -> bool:
            r = reads[i] if 0 <= i < n else None
            return r is not None and r.surname and not used[i]

        def surname_first_at(i: int) -> bool:
            """A surname before the given name or initials: never the first word of a sentence,
            which is capitalised by its place alone (Вчера И. Петров)."""
            return surname_at(i) and not run[i].opens

        def emit(a: int, b: int, s: int, g: int | None, p: int | None, inits: list[int]) -> tuple[int, int, Found]:
            for j in range(a, b):
                used[j] = True
            gr = reads[g] if g is not None else None
            pr = reads[p] if p is not None else None
            found = Found(
                surface=line[run[a].start : run[b - 1].end],
                surname=run[s].text,
                given=list(gr.given) if gr is not None else [],
                given_written=run[g].text if g is not None else "",
                patronymic=run[p].text if p is not None else "",
                patronymic_gender=pr.patronymic if pr is not None else None,
                initials="".join(run[j].text[:1] for j in inits),
            )
            return run[a].start, run[b - 1].end, found

        i = 0
        while i < n:
            r = reads[i]
            if used[i]:
                i += 1
                continue
            if r is not None and r.given:
                # Given [Patronymic] Surname, or Surname Given [Patronymic]; a patronymic of the
                # given name's gender only (Katsiaryna Barysevich: a surname)
                p = i + 1 if i + 1 < n and self._fits_patronymic(r, reads[i + 1]) else None
                if p is None and i + 2 < n and surname_at(i + 2) and self._shaped_patronymic(r, reads[i + 1]):
                    p = i + 1  # made as a patronymic, before a surname (Николай Бернардович Фрейденштейн)
                after = (p if p is not None else i) + 1
                # a word made as a patronymic of the other gender is a surname (Katsiaryna Barysevich)
                nxt = reads[after] if p is None and after < n and not used[after] else None
                unlike = (
                    nxt is not None and nxt.patronymic is not None and sum(c.isalpha() for c in run[after].text) > 4
                )
                if surname_at(after) or unlike:
                    yield emit(i, after + 1, after, i, p, [])
                    i = after + 1
                    continue
                before = run[i - 1].text if i else ""
                marked = before.isupper() or "," in line[run[i - 1].end : run[i].start] if i else False
                if surname_first_at(i - 1) and (marked or (p is not None and script_of(before) == "Cyrl")):
                    yield emit(i - 1, after, i - 1, i, p, [])
                    i = after
                    continue
            elif r is not None and r.patronymic and i >= 1 and not used[i - 1] and reads[i - 1] is not None:
                # X Patronymic Surname, with a given name the table lacks
                prev = reads[i - 1]
                if prev is not None and not prev.given and surname_at(i + 1):
                    yield emit(i - 1, i + 2, i + 1, None, i, [i - 1])  # its given name by its initial
                    i += 2
                    continue
            elif r is None:
                # initials: I. [I.] Surname, or Surname I. [I.]
                j = i
                while j < n and run[j].initial and j - i < 2:
                    j += 1
                if surname_at(j):
                    yield emit(i, j + 1, j, None, None, list(range(i, j)))
                    i = j + 1
                    continue
                if surname_first_at(i - 1) and j == n:  # Surname I. I. at the end of its run
                    yield emit(i - 1, j, i - 1, None, None, list(range(i, j)))
                    i = j
                    continue
                i = j
                continue
            i += 1

    @staticmethod
    def _fits_patronymic(given: Reading, word: Reading | None) -> bool:
        """Whether a word after a given name is its patronymic: made as one, of its gender."""
        if word is None or word.patronymic is None:
            return False
        return any(g in (None, word.patronymic) for _, _, g in given.given)

    @staticmethod
    def _shaped_patronymic(given: Reading, word: Reading | None) -> bool:
        """Whether a word is made as a patronymic of the given name's gender (of any name)."""
        if word is None or word.shaped is None:
            return False
        return any(g in (None, word.shaped) for _, _, g in given.given)

    # --- surnames ------------------------------------------------------------------------------

    def may_be_nominative(self, surname: str, gender: str) -> bool:
        """Whether a surname may be a nominative of that gender: it ends as a nominative of a row
        of the inflection table does (Тихановской and Шэйману end so for no row of a woman's or a
        man's name; Латушка, Иванова and Толстой do)."""
        low = surname.lower()
        if not all(is_cyrillic(c) or c in "'-" for c in low):
            return True
        lang = detect_language(surname)
        for la in [lang] if lang else ["ru", "be"]:
            for row in self.rows.get(la, []):
                if row.whole or row.gender not in (gender, "any"):
                    continue
                if (row.ending and low.endswith(row.ending)) or (not row.ending and low[-1] not in _VOWELS):
                    return True
        return False

    def lemmas(self, surname: str, gender: str | None) -> list[tuple[str, str | None]]:
        """The nominatives a Cyrillic surname can be a case form of, with their gender, the one
        made by the longest case ending first (Путиным: Путин by -иным before Путиный by -ым);
        ``gender`` None tries both; [] when it is a case form of none."""
        if not all(is_cyrillic(c) or c in "'-" for c in surname.lower()):
            return []
        low = surname.lower()
        lang = detect_language(surname)
        out: list[tuple[str, str | None]] = []
        consumed: dict[tuple[str, str | None], int] = {}
        for la in [lang] if lang else ["ru", "be"]:
            rows: list[InflectionRow] = self.rows.get(la, [])
            for row in rows:
                if row.whole or (gender is not None and row.gender not in (gender, "any")):
                    continue
                for form in row.forms:
                    if not form or not low.endswith(form) or len(low) - len(form) < 2:
                        continue
                    stem = surname[: len(surname) - len(form)]
                    lemma = stem + (row.ending.upper() if surname.isupper() else row.ending)
                    g = row.gender if row.gender != "any" else gender
                    if low in (f.lower() for f in inflect(lemma, rows, g)) and (lemma, g) not in out:
                        out.append((lemma, g))
                        consumed[(lemma, g)] = len(form)
        out.sort(key=lambda lg: -consumed[lg])  # stable: the table's order among equals
        return out

    def nominatives(self, lemmas: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
        """``lemmas`` less those that are a case form of another of them (Лосіка of Лосік)."""
        forms = {lg: {f.lower() for la in self.rows for f in inflect(lg[0], self.rows[la], lg[1])} for lg in lemmas}
        return [lg for lg in lemmas if not any(lg[0].lower() in forms[o] for o in lemmas if o != lg)]


@dataclass
class Settings:
    """What ``discover`` keeps: groups of at least ``min_mentions``, the ``top`` first."""

    min_mentions: int = 2
    top: int = 100


class Discovery:
    """Collects the mentions of a corpus, line by line (:meth:`add_line`), and groups them
    (:meth:`people`)."""

    def __init__(self, normalizer: Normalizer) -> None:
        self.normalizer = normalizer
        self.finder = Finder(normalizer)
        self.seen: dict[str, Seen] = {}
        self.known = 0  # mentions of people the tables hold
        self._known_memo: dict[str, bool] = {}
        self._attested: set[str] = set()  # the surnames the corpus writes (made by people())

    def add_line(self, text: str, where: str) -> None:
        """The mentions of one line of the corpus (``where``: file and line, for the examples)."""
        line = normalize_text(text[:MAX_LINE_CHARS])
        for start, end, found in self.finder.find(line):
            if self._is_known(found.surface):
                self.known += 1
                continue
            seen = self.seen.get(found.surface)
            if seen is None:
                seen = self.seen[found.surface] = Seen(found)
            seen.count += 1
            if len(seen.examples) < EXAMPLES:
                a, b = max(0, start - CONTEXT), min(len(line), end + CONTEXT)
                snippet = ("…" if a else "") + " ".join(line[a:b].split()) + ("…" if b < len(line) else "")
                seen.examples.append(f"{where}: {snippet}")

    def _is_known(self, surface: str) -> bool:
        got = self._known_memo.get(surface)
        if got is None:
            m = self.normalizer.resolve(surface, types=("person",))
            got = self._known_memo[surface] = m is not None
        return got

    # --- grouping ------------------------------------------------------------------------------

    def people(self, settings: Settings) -> list[Person]:
        """The groups, most mentioned first."""
        finder = self.finder
        key = finder.key
        wf = self.normalizer.forms
        parent: dict[str, str] = {}

        def find(k: str) -> str:
            while parent.setdefault(k, k) != k:
                parent[k] = parent[parent[k]]
                k = parent[k]
            return k

        # the surnames as the corpus writes them: Cyrillic ones as written (a key would take a
        # case form for another nominative: Макея keys as Макя), Latin ones by their key
        self._attested = {
            s.found.surname.lower() if script_of(s.found.surname) == "Cyrl" else key(s.found.surname)
            for s in self.seen.values()
        }
        # words the corpus writes as patronymics (between a given name and a surname) are no
        # surnames where they stand after a given name alone (Уладзімір Пракопавіч)
        patronymics = {nominative_key(key(s.found.patronymic)) for s in self.seen.values() if s.found.patronymic}
        read: list[tuple[Seen, str, str | None, int | None]] = []  # mention, surname key, gender, given set
        for seen in self.seen.values():
            f = seen.found
            if not f.patronymic and nominative_key(key(f.surname)) in patronymics:
                continue
            lemma, gender, given = self.read_mention(f)
            k = key(lemma)
            if not k:
                continue
            keys = {k}
            if script_of(lemma) == "Cyrl":
                keys |= wf.keys_of([lemma, *wf.to_belarusian(lemma)])
            for other in keys:
                parent[find(other)] = find(k)
            read.append((seen, k, gender, given))
        groups: dict[tuple[str, str | None, int | str], Person] = {}
        loose: list[tuple[Seen, str, str | None]] = []
        for seen, k, gender, given in read:
            if given is None:
                loose.append((seen, k, gender))
                continue
            root = find(k)
            gk: tuple[str, str | None, int | str] = (root, gender, given)
            person = groups.get(gk)
            if person is None:
                person = groups[gk] = Person(root, gender, given)
            person.forms.append(seen)
        # a mention with initials (or a given name the table lacks) joins the one group of its
        # surname whose given name it fits; else it makes a group of its own
        for (
            seen,
            k,
            gender,
        ) in loose:
            root = find(k)
            letter = seen.found.initials[:1].upper()
            same = [(g, gi, p) for (r, g, gi), p in groups.items() if r == root and isinstance(gi, int)]
            if gender is not None:
                same = [x for x in same if x[0] in (None, gender)]
            fits = [p for _, gi, p in same if letter and letter in finder.given.initials[gi]]
            # the one group it fits; where the mention's gender is not known, the only one of its
            # surname (В. Цапкала is Valery or Veronika)
            if len(fits) == 1 and (gender is not None or len(same) == 1):
                fits[0].forms.append(seen)
                continue
            gk = (root, gender, f"initial {letter}")  # of no known given name, or of several
            person = groups.get(gk)
            if person is None:
                person = groups[gk] = Person(root, gender, None)
            person.forms.append(seen)
        out = [p for p in groups.values() if p.mentions >= settings.min_mentions]
        out.sort(key=lambda p: (-p.mentions, p.surname_key))
        return out[: settings.top]

    def read_mention(self, f: Found) -> tuple[str, str | None, int | None]:
        """A mention's surname in the nominative, its gender and its given name's cognate set.

        The nominative of a Cyrillic surname is a word the inflection table makes that case form
        of (for the gender the given name or the patronymic shows): one the corpus writes too (as
        written, or a Latin spelling by its key), else one that a case form of that gender must
        be: a word with no nominative ending of that gender (Тихановской, Шэйману), or one whose
        given name is declined too (Юрыя Караева). A word that may be a nominative itself
        (Лукашэнка, Бабарыка) is kept as written."""
        finder = self.finder
        key = finder.key
        genders = {g for _, _, g in f.given if g}
        if f.patronymic_gender:
            genders = {f.patronymic_gender} if not genders or f.patronymic_gender in genders else genders
        gender = genders.pop() if len(genders) == 1 else None
        lemmas = finder.lemmas(f.surname, gender)
        own = key(f.surname)
        attested = finder.nominatives(
            [lg for lg in lemmas if lg[0].lower() in self._attested or key(lg[0]) in self._attested]
        )
        if gender is not None:
            declined = any(
                r[2] in (None, gender) and script_of(f.given_written) == script_of(r[1])
                and f.given_written.lower() != r[1].lower() for r in f.given
            )  # fmt: skip
            if attested:
                lemma = attested[0][0]
            elif lemmas and (declined or not finder.may_be_nominative(f.surname, gender)):
                lemma = lemmas[0][0]
            else:
                lemma = f.surname
        else:
            looks = key_gender(own)  # a nominative's ending tells its gender (-ская, -ов)
            genders_of = {g for _, g in lemmas}
            if looks is not None:
                lemma, gender = f.surname, looks
            elif len(genders_of) == 1 and (attested or self._ending(f.surname, lemmas[0][0]) >= 3):
                lemma, gender = (attested or lemmas)[0][0], genders_of.pop()  # Тарайкоўскага
            else:
                lemma = f.surname
        given = min((gi for gi, _, g in f.given if gender is None or g in (None, gender)), default=None)
        return lemma, gender, given

    @staticmethod
    def _ending(word: str, lemma: str) -> int:
        """How many letters of ``word`` a case ending takes (Тихановской → Тихановская: 3)."""
        common = 0
        for a, b in zip(word.lower(), lemma.lower(), strict=False):
            if a != b:
                break
            common += 1
        return len(word) - common


def draft_entities(people: Iterable[Person], discovery: Discovery, taken_ids: set[str]) -> list[dict[str, object]]:
    """The groups as draft entities of the tables (see :func:`write_drafts`)."""
    from .importers.model import slug
    from .translit import transliterate

    finder = discovery.finder
    out: list[dict[str, object]] = []
    for person in people:
        cyr: Counter[str] = Counter()
        latin: Counter[str] = Counter()
        short: Counter[str] = Counter()  # given name and surname, for a canonical form
        spellings: Counter[str] = Counter()
        gender = person.gender
        for seen in person.forms:
            f = seen.found
            spellings[f.surface] += seen.count
            lemma, g, _ = discovery.read_mention(f)
            gender = gender or g
            given = _nominative_given(f, person.given, finder)
            patr = f.patronymic if f.patronymic and _is_nominative_patronymic(f.patronymic, finder) else ""
            if not given:
                continue  # initials: no name to write
            if script_of(lemma) == "Cyrl":
                cyr[" ".join(w for w in (given, patr, lemma) if w)] += seen.count
                short[f"{given} {lemma}"] += seen.count
            elif script_of(lemma) == "Latn":
                latin[f"{given} {lemma}"] += seen.count
        names = _longest_first([n for n, _ in cyr.most_common()])
        if latin:
            canonical = latin.most_common(1)[0][0]
        elif short:
            first = short.most_common(1)[0][0]
            scheme = "be-bgn-pcgn" if detect_language(first) == "be" else "ru-bgn-pcgn"
            canonical = transliterate(first, scheme)
        else:
            canonical = person.forms[0].found.surface
        if not names:
            names = [n for n, _ in latin.most_common()] or [canonical]
        base = slug(canonical) or "person"
        eid, k = base, 2
        while eid in taken_ids:
            eid, k = f"{base}-{k}", k + 1
        taken_ids.add(eid)
        rec: dict[str, object] = {"id": eid, "type": "person"}
        if gender:
            rec["gender"] = gender
        rec["canonical"] = canonical
        rec["names"] = names
        examples: dict[str, str] = {}  # one an input line
        for seen in sorted(person.forms, key=lambda s: -s.count):
            for e in seen.examples:
                examples.setdefault(e.split(": ", 1)[0], e)
        rec["draft"] = {
            "mentions": str(person.mentions),
            "spellings": {s: str(c) for s, c in spellings.most_common()},
            "examples": list(examples.values())[:EXAMPLES],
        }
        out.append(rec)
    return out


def _nominative_given(f: Found, group: int | None, finder: Finder) -> str:
    """The given name of a mention in the nominative (its cognate form), or "" for initials."""
    if not f.given_written:
        return ""
    for gi, nominative, _ in f.given:
        if gi == group or group is None:
            if script_of(f.given_written) == script_of(nominative) and f.given_written.lower() != nominative.lower():
                return nominative  # a case form: Светланы → Светлана
            return f.given_written if not f.given_written.isupper() else f.given_written.title()
    return f.given_written


def _is_nominative_patronymic(word: str, finder: Finder) -> bool:
    """Whether a patronymic is written in the nominative (its key ends as a nominative's does)."""
    k = finder.key(word)
    return patronymic_gender(k) is not None and nominative_key(k) == k


def _longest_first(names: list[str]) -> list[str]:
    """Names with more words first (a patronymic's full form before the short one)."""
    return sorted(names, key=lambda n: -len(n.split()))
