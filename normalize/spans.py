"""Where the names are in running text: the spans the rewrite pass asks the resolver about.

The path of a text: capitalised words (one regex over the text) → each word's phonetic key (remembered
per word form: word forms in a corpus repeat) → *anchors*, the words whose key is the key of a
listed surname or of a word of a listed organisation's or place's name, in any spelling, script,
case or table → around each anchor, the whole name as written → the spans to decide, in order of
preference (:meth:`SpanFinder.proposals`).

**A personal name is taken whole**, whether or not its parts fit the entity the anchor names: given
names (in any language, script and case), patronymics, initials (S., S.G., J.-C., Ж.-К.) before a
surname, or after it when the surname comes first (LUKASHENKO, Alexander; Лукашенко А. Г.). The
resolver then decides the whole name, so that a given name, initials, a patronymic or a gender
that contradicts rules the entity out (*Anna Lukashenko*, *Вікторыя Лукашэнка*), and nothing is
linked. A word that is no part of a name (*Yesterday*, *Minsk*, *Telegram*) is not taken. Two more
rules follow from how names are written:

- an anchor that is itself a given name, followed by a capitalised word, is a person's given name
  and surname (*Lida Hernández*, *Vesna Kovač*), not the town of Lida or the organisation Viasna;
- in Cyrillic text, where only proper names are capitalised, a capitalised adjective before an
  anchor that is no word of the anchor's entities makes one proper name with it (*Золотой Орды*,
  *Советского Союза*), and so does a capitalised word after an organisation's name (*Народного
  фронта Азербайджана*): the whole is decided, and names none of ours.

**An organisation's or place's name** is widened over the words of its name, inflected and in
lower case (рабочие Минского завода колёсных тягачей), over the next anchors that are words of the
same name, and over a name of its own in quotes (Правозащитного центра «Весна»); when the resolver
names nothing for the widest span, the longest part of it that names one is taken, then the anchor
alone. A span never starts or ends with a function word (*the*, *of*, *по*), and a possessive or a
quote after a name stays in the text.

This module only finds; :mod:`normalize.rewrite` decides each span with the resolver, in the order
given, and keeps the first that names an entity.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Container, Iterable, Mapping

from .dates import sentence_around
from .index import EntityEntry, Index
from .memo import remember
from .namekeys import patronymic_gender
from .names import acronym_forms, written_as_acronym
from .orgwords import english_reading
from .phonetic import PhoneticKey
from .places import Places
from .tables import Tables, inflect
from .text import APOSTROPHES, COMBINING_MARKS, is_cyrillic, is_latin
from .wordlists import ListedWords, NamesakesIn

MAX_NAME_WORDS = 3  # words of a personal name taken on each side of its surname (given names, a patronymic)
MAX_EXTEND_ORG = 10  # words after the first word of an organisation's name (Центральная комиссия …)
WINDOW = 80
WORD_MEMO_SIZE = 200_000  # word forms whose anchors and name-part kind are remembered
MIN_NEAR_KEY = 6  # a word of a key this long with no exact anchor may be a surname one edit away

_MARKS = COMBINING_MARKS
_UPPER = "".join(sorted({c for c in map(chr, range(0x10000)) if c.isupper() or c.istitle()}))


def _char_class(chars: str) -> str:
    """A regex character class body of ``chars``, written as ranges."""
    codes = sorted({ord(c) for c in chars})
    out: list[str] = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        out.append(re.escape(chr(codes[i])) if i == j else f"{re.escape(chr(codes[i]))}-{re.escape(chr(codes[j]))}")
        i = j + 1
    return "".join(out)


_UPPER_CLASS = _char_class(_UPPER)
APOSTROPHE_CHARS = "".join(APOSTROPHES)
_APOS = _char_class(APOSTROPHE_CHARS)
# a word: letters (and digits after the first letter), with the combining marks on them (ALA-LC's tie
# in T͡sepkalo, a stress mark, a decomposed letter), an apostrophe between letters (Дар'я, O'Brien),
# and a dot before lower-case letters (Tut.by) or between two runs of capitals of two letters or more
# (TUT.BY, a name written as its web address); a hyphen and any other dot before a capital end a word
# (written so that each string has one way to match: letters, then runs of marks each followed by
# letters, then marks; never a loop that may match a run of marks in many ways)
_BODY = rf"[^\W_]*(?:[{_MARKS}]+[^\W_]+)*[{_MARKS}]*"
# GOST 7.79 system B writes ы as y`, э as e`, ь as ` and ъ as ``: a backtick after a letter is the
# word's (Ne`ksty`, Che`rache`n`), where ’ or ' after a word is a possessive or a quote (Belarus’)
_TAIL = (
    rf"(?:[{_APOS}](?=[^\W\d_]){_BODY}|\.(?=[^\W\d_{_UPPER_CLASS}]){_BODY}"
    rf"|(?<=[{_UPPER_CLASS}]{{2}})\.(?=[{_UPPER_CLASS}]{{2,}}(?![^\W_])){_BODY}|-(?=[^\W_]){_BODY})*"
    rf"(?:`[{_MARKS}]*){{0,2}}"
)
# not inside a word: after the apostrophe of a word (O'Brien, D'Alema; not after the elided article,
# preposition or conjunction of French and Italian, one small letter or que: d'Alexandre, l'Ukraine,
# d'Arc, qu'Alexandre, jusqu'à), a dot, a hyphen or a mark. Tested after the word's first letter,
# on that letter and what stands before it: the regex engine then looks behind only where a letter
# is, not at every position of the text (three times as fast)
_NOT_INSIDE = (
    rf"(?<![^\W_].)(?<![^\W_][^\W_u][{_APOS}].)(?<![^\W_q]u[{_APOS}].)(?<![{_UPPER_CLASS}\d][{_APOS}].)"
    rf"(?<![.\-{_MARKS}].)"
)
# the elided article, preposition or conjunction of French and Italian before a capitalised word
# (d'Alexandre, l'Ukraine, qu'Alexandre): one small letter or a word ending in qu, and an apostrophe
_ELIDED_RE = re.compile(rf"(?:[^\W\d_{_UPPER_CLASS}]|[^\W\d_{_UPPER_CLASS}]*qu)[{_APOS}](?=[{_UPPER_CLASS}])")
_CAPITALISED_RE = re.compile(rf"[{_UPPER_CLASS}]{_NOT_INSIDE}{_BODY}{_TAIL}")
_ANY_WORD_RE = re.compile(rf"[^\W\d_]{_NOT_INSIDE}{_BODY}{_TAIL}")
# a woman's given name in the nominative, not a noun of her occupation (активистка, певица)
_WOMANS_NAME_END_RE = re.compile(r"(?<![кц])[ая]$")
# a woman's surname in the nominative, Russian and Belarusian (Колесникова, Калеснікава, Ціханоўская)
_WOMANS_SURNAME_END_RE = re.compile(r"(?:ск|цк|зк)ая$|(?:ов|ев|ёв|ав|ин|ын|ін)а$")
_LETTERS_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_MARK_RE = re.compile(f"[{_MARKS}]")
_STRESS_RE = re.compile("[\u0300-\u0360\u0362-\u036f]")  # not ALA-LC's ties (U+0360, U+0361)

# initials: S., S.G., S. G. is two; J.-C. and Ж.-К. (a compound given name's); a letter with its dot
_INITIALS_RE = re.compile(r"(?:[^\W\d_]\.(?:-?[^\W\d_]\.){0,2})")
# a word or initials just before or after a name word, with what stands between
# a word beside a name: a soft sign written as an apostrophe may end it (Igor', Lyubov’, Ales`)
_WORD_BEFORE_RE = re.compile(
    rf"(?:[^\W\d_]{_BODY}(?:[-{_APOS}][^\W\d_]{_BODY})*(?:\.|[{_APOS}])?|{_INITIALS_RE.pattern})$"
)
_NEXT_RE = re.compile(
    rf"(,?)([ \t\u00a0]+)(?:([«„“\"])([^\W\d_]{_BODY}(?:[-{_APOS}.][^\W\d_]{_BODY})*)([»“”\"])|"
    rf"({_INITIALS_RE.pattern}|[^\W\d_]{_BODY}(?:[-{_APOS}][^\W\d_]{_BODY}|\.[^\W\d_{_UPPER_CLASS}]{_BODY})*[{_APOS}]?))"
)
# the signs German writing puts inside a word before its feminine ending, so that the word names
# every gender (Belaruss:innen, Bürger*innen, Lehrer_innen): the word goes on after it
_GENDER_SIGN_RE = re.compile(r"[:*_·/]in(?:nen)?\b")
_SOFT_SIGN_RE = re.compile(f"[{_APOS}]")  # a soft sign after a surname before a comma: AFNAGEL’, Yevgeniy
_QUOTE_OPEN = '«„“"'
# the prepositions between a word for an administrative unit and the town it is named after (the
# region of Brest, la région de Brest)
_UNIT_OF = frozenset(("of", "de"))
# a word or an abbreviation and a colon right before a name (Выдавец: Беларусь; Мн.: Беларусь), and
# the comma and year of an imprint after it (Мінск : Беларусь, 1993)
_BEFORE_COLON_RE = re.compile(r"([^\W\d_]+)(\.?)[ \t\u00a0]*:[ \t\u00a0]*\Z")
_IMPRINT_YEAR_RE = re.compile(r"[ \t\u00a0]*,[ \t\u00a0]*\d{4}(?!\d)(?![ \t\u00a0]*[^\W\d_])")
# the nominative endings of the adjectives of place_adjectives (Russian, Belarusian, Ukrainian)
_NOMINATIVE_ADJECTIVE = ("ский", "цкий", "ская", "цкая", "скі", "цкі", "ський", "цький", "ська", "цька")
# a capitalised word with an English possessive right before a name (Estonia's KGB), and of with a
# capitalised word right after one (the MVD of Georgia, of the Republic of Belarus)
_POSSESSOR_RE = re.compile(rf"(?<![\w{_APOS}])([{_UPPER_CLASS}][^\W\d_]+)[{_APOS}]s?[ \t\u00a0]+\Z")
_PROPER_WORD = rf"[{_UPPER_CLASS}][^\W\d_]+"
_OF_OWNER_RE = re.compile(
    rf"[ \t\u00a0]+of[ \t\u00a0]+(?:the[ \t\u00a0]+)?({_PROPER_WORD}(?:[ \t\u00a0]+of[ \t\u00a0]+{_PROPER_WORD})?)"
)
# the word right after a brand's name: after blanks or a hyphen (Belarus tractors, Belarus-branded)
_PRODUCT_AFTER_RE = re.compile(r"(?:[ \t\u00a0]+|-)([^\W\d_]+)\b")
# Беларусь 1, Россия-24, BELARUS-820 (a tractor): a number joined by a hyphen, or of one or two
# digits after a blank where no word follows (not a year, not a date: Курапаты 15 красавіка)
# a word's full stop that a word in small letters follows: the word is cut short (Maz. są)
_ABBREVIATION_RE = re.compile(r"\.[ \t\u00a0]+([^\W\d_])")
_NUMBERED_RE = re.compile(r"-\d+|[ \t\u00a0]+\d{1,2}(?!\d)(?![ \t\u00a0]*[^\W\d_])")
_QUOTE_CLOSE = frozenset('»“”"')
_QUOTE_CLOSE_ONLY = frozenset("»”")  # quotes that only close
_DASHES = frozenset("-‐‑‒–—")
# the past tense of a verb after its stem's vowel: a woman's (-ла, -лась, -лася), a man's (-л, -лся,
# the Belarusian -ў, -ўся)
_FEMININE_PAST_RE = re.compile("[аеёиіоуыэюя]ла(?:сь|ся)?$")
_MASCULINE_PAST_RE = re.compile("[аеёиіоуыэюя](?:л|лся|ў|ўся)$")
_TITLE_REACH = 80  # how far a quoted title's quotes may stand from a name in it
_TITLE_BREAK_RE = re.compile(r"[,!?;:…—–]|\s-\s|\.(?!\w)")  # what a quoted title does not hold
# the prepositions after which a name is a place of a quoted phrase, not the title's (Зроблена ў
# Польшчы): Russian, Belarusian, Ukrainian, Polish, English and German, as their grammars list them;
# not the genitive's of, von and de, which make titles (Voice of America)
_PREPOSITIONS = frozenset(
    word
    for words in (
        "в во на у ў к ко по для из от до за под над при про о об с со без через перед между против ради",  # Russian
        "ва да з са зь із ад пра па пры аб праз пад перад паміж супраць",  # Belarusian
        "зі від під між проти",  # Ukrainian (besides those it shares with Russian and Belarusian)
        "w we na o do z ze od dla po przy przez pod nad za bez między przeciw ku",  # Polish
        "in to for from at on with without into against about by across over under around near via through",  # English
        "nach aus für mit gegen zu bei über an auf vor",  # German
    )
    for word in words.split()
)
_GAP_RE = re.compile(r",?[ \t\u00a0]+")  # between two words of a name
_BLANKS_RE = re.compile(r",?[ \t\u00a0]+[«„“\"]?")  # between a word and the next, which may open a quote
_BLANKS = " \t\u00a0"
# Cyrillic adjective endings, Russian and Belarusian, every case: Золотой, Советского, Народнага
_ADJECTIVE_END_RE = re.compile(
    "(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ей|ою|ею|ых|их|ыми|ими"
    "|ае|ыя|ія|ага|яга|аму|яму|ім|ай|яй|аю|яю|ымі|імі)$"
)
# the nominative singular endings of Cyrillic adjectives that no verb form, noun or comparative
# shares at the start of a sentence (Единая, Нижний, Новое, Западная; Belarusian -ае)
_NOMINATIVE_ADJECTIVE_END_RE = re.compile("(?:ый|ий|ая|яя|ое|ае)$")
# a name after these names a thing always (им. and ім. with their full stop: им alone is a pronoun)
_HONORIFICS = frozenset(("имени", "им.", "імя", "ім."))
# the prepositions that govern the locative and not the instrumental (в Минском районе), and those
# that govern the instrumental (под Минском), Russian and Belarusian
_LOCATIVE_ONLY = frozenset(("в", "во", "на", "о", "об", "обо", "при", "у", "ў", "аб", "пры"))
_INSTRUMENTAL = frozenset(("с", "со", "под", "подо", "над", "надо", "за", "перед", "передо", "между")) | frozenset(
    ("з", "са", "із", "пад", "перад", "паміж")
)
# a noun in small letters in the locative or instrumental, singular or plural (районе, автозаводе, районах)
_OBLIQUE_NOUN_RE = re.compile("(?:е|и|і|ах|ях|ом|ем|ам|ям|ой|ей)$")
_CONJUNCTIONS = frozenset(("и", "і", "та"))
_LIST_GAP_RE = re.compile(r"(?:,[ \t\u00a0]*|[ \t\u00a0]+(?:и|і|та)[ \t\u00a0]+)$")
_SENTENCE_END = frozenset(".!?…:;\n\r")
_OPENERS = frozenset("«„“\"'(—–-[")
# the quotes and ends of sentences, where the search for the quotes around a title stops, either
# way (see SpanFinder.in_quoted_title)
_TITLE_STOP_RE = re.compile(f"[{re.escape(''.join(sorted({*_QUOTE_OPEN, *_QUOTE_CLOSE, *_SENTENCE_END})))}]")


def sentence_start(text: str, pos: int, floor: int = 0) -> bool:
    """Whether the word at ``pos`` begins a sentence (or a line, a quotation, a parenthesis after
    one): its capital then says nothing about it being a name."""
    i = pos
    while i > floor and (text[i - 1] in _BLANKS or text[i - 1] in _OPENERS):
        i -= 1
    return i <= floor or text[i - 1] in _SENTENCE_END


class Anchored:
    """The entities an anchor names (by the key of its word), with what widening a span around it
    reads: the key sets a word beside it may fit (given names, patronymics, name words), the letters
    of the initials, the case forms of the given names as written, and for organisations the keys
    and the forms of their name words (the lower-case, inflected words of a name in running text)."""

    __slots__ = (
        "case_forms", "fit_sets", "fitting", "idxs", "initials", "org", "org_forms", "org_words", "person", "phrase",
    )  # fmt: skip

    def __init__(self, idxs: tuple[int, ...], entries: list[EntityEntry]) -> None:
        self.idxs = idxs
        self.fitting: dict[tuple[str, bool], bool] = {}  # (word, org) → whether it fits (SpanFinder.fits)
        self.org = any(e.record.type == "organization" for e in entries)
        self.person = any(e.record.type == "person" for e in entries)
        self.phrase = any(e.record.type != "person" for e in entries)  # a name of several words
        self.fit_sets: tuple[frozenset[str], ...] = tuple(
            ks for e in entries for ks in (e.given_keys, e.patronymic_keys, e.patronymic_case_keys, e.word_keys) if ks
        )
        self.initials: frozenset[str] = frozenset().union(*(e.given_initials | e.patronymic_initials for e in entries))
        self.case_forms: frozenset[str] = frozenset().union(*(e.given_case_forms for e in entries))
        orgs = [e for e in entries if e.record.type == "organization"]
        self.org_words: frozenset[str] = frozenset().union(*(e.word_keys for e in orgs))
        self.org_forms: Mapping[str, str] = (
            orgs[0].surfaces if len(orgs) == 1 else {f: k for e in orgs for f, k in e.surfaces.items()}
        )


def anchor_keys(index: Index, opening: Mapping[int, Iterable[str]] | None = None) -> dict[str, tuple[int, ...]]:
    """Key → the entities a word of that key anchors: the keys of persons' surnames (every spelling,
    case form and other-language form the index made) and of the words of organisations' and
    places' names (each word of each reading of each name, its acronyms included); and the keys
    ``opening`` gives an entity (the adjective of a place that opens its name)."""
    out: dict[str, list[int]] = {}
    for idx, e in enumerate(index.entries):
        keys: set[str] = set(e.surname_keys)
        for phrase in e.phrases:
            for ks in phrase:
                keys.update(ks)
        keys.update(opening.get(idx, ()) if opening else ())
        for k in keys:
            if k:
                out.setdefault(k, []).append(idx)
    return {k: tuple(v) for k, v in out.items()}


_PART_MARK_RE = re.compile(r"p\d")  # a compound part's mark in a folded key (see OrgVocabulary.fold)
_ADDRESS_MARKS = ("://", "www.", "@")
_ADDRESS_MARK_RE = re.compile(r"://|www\.|@|href=")
_ADDRESS_MARK_STRINGS = (*_ADDRESS_MARKS, "href=")  # what _ADDRESS_MARK_RE finds
_ADDRESS_ENDS = frozenset(" \t\n\r\u00a0<>\"'«»“”")


def _in_address(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is part of a web or e-mail address or a handle: of a stretch
    without blanks, quotes or angle brackets that holds ://, www., @ or href=."""
    if _ADDRESS_MARK_RE.search(text, max(0, start - WINDOW - 6), end + WINDOW) is None:
        return False  # no mark within reach of the word (the stretch and an href= before it)
    a = start
    while a > 0 and text[a - 1] not in _ADDRESS_ENDS and start - a < WINDOW:
        a -= 1
    b = end
    while b < len(text) and text[b] not in _ADDRESS_ENDS and b - end < WINDOW:
        b += 1
    token = text[a:b]
    return any(mark in token for mark in _ADDRESS_MARKS) or text.endswith("href=", 0, max(0, a - 1))


_LONG_LATIN_WORD_RE = re.compile(r"\b[A-Za-z][a-z]{3,}\b|\b[A-Z]{4,}\b")


def _in_open_quotes(text: str, pos: int) -> bool:
    """Whether ``pos`` stands inside quotes opened before it in its reach (a title's: «СБ. Беларусь
    сегодня», "Медіазона. Білорусь"): an opening quote, after a blank or at the start, that no quote
    closes before ``pos``."""
    i = pos - 1
    while i >= 0 and pos - i <= _TITLE_REACH:
        c = text[i]
        if (
            c in _QUOTE_OPEN
            and (i == 0 or not text[i - 1].isalnum())
            and (c != '"' or i == 0 or text[i - 1] in _BLANKS)
        ):
            return True
        if c in _QUOTE_CLOSE_ONLY or c == '"' or c == "\n":
            return False
        i -= 1
    return False


def _title_case(text: str, lo: int, hi: int, is_name: Callable[[str], bool]) -> bool:
    """Whether the line around ``text[lo:hi]`` is written in title case (a headline: Elderly
    Protesters Defy Belarus’ Strongman), where a capital says nothing: three quarters of its Latin
    words of four letters or more outside ``text[lo:hi]`` capitalised, at least three of them; the
    words that are names (``is_name``), which have their capitals in any line, are not counted (nor
    are, so, the names a rewrite writes: a line rewritten reads as it did)."""
    a = text.rfind("\n", 0, lo) + 1
    b = text.find("\n", hi)
    words = [
        w
        for m in _LONG_LATIN_WORD_RE.finditer(text, a, len(text) if b < 0 else b)
        if (m.end() <= lo or m.start() >= hi) and not is_name(w := m.group())
    ]
    caps = sum(1 for w in words if w[0].isupper())
    return len(words) >= 3 and caps * 4 >= len(words) * 3


def _ends_sentence(word: str) -> bool:
    """Whether a word with a full stop ends a sentence: a word of more than three letters, no
    initials and no abbreviation (election.; not им., г., Co., J.-C.)."""
    return word.endswith(".") and len(word) > 4 and not _INITIALS_RE.fullmatch(word)


def composed_word(word: str) -> str:
    """A word with its letters composed (NFC) and its stress marks dropped (ALA-LC's ties kept):
    the form that is keyed."""
    if word.isascii() or _MARK_RE.search(word) is None:
        return word
    return _STRESS_RE.sub("", unicodedata.normalize("NFC", word))


# what a word beside a name is
NONE, GIVEN, PATRONYMIC, INITIALS, TITLE = 0, 1, 2, 3, 4


class NameParts:
    """Tells what a word beside a name is: a given name (of the cognates table, in any language,
    script and case), a patronymic (by the key's ending: -ович, -ovna, -авіч, their case forms),
    initials, a title (President, г-н), or none of these. Remembered per word form."""

    def __init__(
        self,
        tables: Tables,
        key: PhoneticKey,
        is_given: Callable[[str], bool],
        is_nominative: Callable[[str], bool],
        given_keys: frozenset[str] = frozenset(),
        not_given: frozenset[str] = frozenset(),
    ):
        self._key = key
        self._titles = tables.titles
        self._not_given = not_given  # words that open sentences and no given name is (Але, Вчера)
        self._is_given = is_given
        self._given_keys = given_keys  # the keys of the given names of the tables' persons
        self.is_nominative = is_nominative
        self._memo: dict[str, int] = {}

    def kind(self, word: str) -> int:
        got = self._memo.get(word)
        if got is None:
            got = self._kind(word)
            remember(self._memo, word, got, WORD_MEMO_SIZE)
        return got

    def _kind(self, word: str) -> int:
        if _INITIALS_RE.fullmatch(word):
            # an initial is a capital: г. Менска is the city's (горад) abbreviation, not a name's
            return INITIALS if word[0].isupper() else NONE
        w = composed_word(word.rstrip(".").rstrip(APOSTROPHE_CHARS))
        low = w.lower()
        if low in self._titles:
            return TITLE  # in lower case too: президент Лукашенко, міністра Хрэніна
        if not w or not w[0].isupper():
            return NONE
        if len(w) < 2 or low in self._not_given:
            return NONE
        if self._is_given(w):
            return GIVEN
        parts = [p for p in w.split("-") if p] if "-" in w else []
        if parts and all(self._is_given(p) or _INITIALS_RE.fullmatch(p.rstrip(".") + ".") for p in parts):
            return GIVEN  # a compound given name: Wolf-Dietrich, Hans-J., Жан-Клод
        k = self._key(w)
        if not k:
            return NONE
        if k in self._given_keys:
            return GIVEN
        if patronymic_gender(k) is not None:
            return PATRONYMIC
        return NONE


class Found:
    """One anchor of a text: its word ``text[start:end]``, its key and the entities it names."""

    __slots__ = ("end", "info", "key", "start")

    def __init__(self, start: int, end: int, key: str, info: Anchored) -> None:
        self.start = start
        self.end = end
        self.key = key
        self.info = info


class _LineWords:
    """The words just before and after positions of one text, as the proposal for an anchor and
    the checks of its decision ask for them again and again (each position some four times)."""

    __slots__ = ("after", "before", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.before: dict[tuple[int, int], tuple[int, str] | None] = {}
        self.after: dict[tuple[int, int], tuple[int, str, bool, bool] | None] = {}


class Proposal:
    """The spans to decide for one anchor, in order of preference; ``whole`` when the first is a
    name of several words that no later alternative cuts (a personal name with its given names,
    initials or patronymic, or a proper name a rule above made one)."""

    __slots__ = ("alternatives", "whole")

    def __init__(self, alternatives: list[tuple[int, int]], whole: bool) -> None:
        self.alternatives = alternatives
        self.whole = whole


class SpanFinder:
    """Finds the anchors of a text and proposes the spans around each (see the module's notes).

    Build once per index (:meth:`__init__` reads every entity's keys) and use for many texts; it
    remembers the anchors and name-part kind of each word form it meets."""

    def __init__(
        self, index: Index, tables: Tables, key: PhoneticKey, is_given: Callable[[str], bool],
        is_nominative: Callable[[str], bool], is_listed_given: Callable[[str], bool],
        acronym_keys: Callable[[list[str]], set[str]],
        nominatives: Callable[[str], tuple[tuple[str, str], ...]], named_as_written: Callable[[int, str], bool],
        *, require_capital: bool = True,
    ) -> None:  # fmt: skip
        self._acronym_keys = acronym_keys
        self._nominatives = nominatives
        self._named_as_written = named_as_written  # whether a text is one of an entity's names as written
        self.index = index
        self.tables = tables
        self.key = key
        self.require_capital = require_capital
        persons = [e for e in index.entries if e.record.type == "person"]
        # the words that open sentences and are no given names as the tables list them (Але, but, is
        # only a case form of Аля; Яна, she, is also the name Яна)
        not_given = frozenset(w for w in tables.sentence_words if not is_listed_given(w))
        self.parts = NameParts(
            tables, key, is_given, is_nominative, frozenset().union(*(e.given_keys for e in persons)), not_given
        )
        voc = tables.vocabulary
        self._stems_of = voc.stems

        def word_key(word: str) -> str:
            return key(composed_word(word))

        def listed(words: Iterable[str]) -> ListedWords:
            return ListedWords(key.many(sorted(words)), word_key, voc.stems)

        # (a word listed with its full stop is an abbreviation, matched only as written: им.)
        self._named_after = listed(w for w in tables.named_after if not w.endswith("."))
        self._named_after_abbreviations = frozenset(w for w in tables.named_after if w.endswith("."))
        self._naming_words = listed(tables.naming_words)
        self._work_words = listed(tables.work_words)
        self._product_words = listed(tables.product_words)
        self._unit_words = listed(w for w in tables.region_words if is_cyrillic(w[0]))
        self._state_bodies = listed(tables.state_bodies)
        self._state_body_memo: dict[str, bool] = {}
        # the entities others of whose name are elsewhere (namesakes_in: Finistère; Советский Союз)
        self._namesakes_in = NamesakesIn(
            {
                i: [name.split() for name in e.record.namesakes_in]
                for i, e in enumerate(index.entries)
                if e.record.namesakes_in
            },
            key,
            voc.stems,
        )
        # the text last read, with the position of each word of it that is a word of namesakes_in
        self._namesakes_of: tuple[str, list[tuple[int, frozenset[tuple[int, int, int]]]]] = ("", [])
        self._places = Places(index, tables)
        self._oblique: frozenset[str] | None = None
        entries = index.entries
        groups: dict[tuple[int, ...], Anchored] = {}
        self._anchors: dict[str, Anchored] = {}
        for k, idxs in anchor_keys(index, self._opening_adjectives(index, tables, key)).items():
            info = groups.get(idxs)
            if info is None:
                info = groups[idxs] = Anchored(idxs, [entries[i] for i in idxs])
            self._anchors[k] = info
        # the first symbols of the anchors' keys: a case form's key begins as its nominative's does
        # (see _may_be_case_form), so a word whose key begins as none does is read for no nominative
        self._anchor_starts = frozenset(k[:n] for k in self._anchors for n in (2, 3))
        self._words: dict[str, tuple[str, Anchored | None]] = {}
        self._word_anchors: dict[str, tuple[tuple[int, int, str, Anchored], ...]] = {}
        # the tokens of compound words of organisations' names, by their parts (BELARUSp0)
        compounds: dict[str, list[int]] = {}
        for idx, e in enumerate(entries):
            for ph in e.phrase_tokens:
                for ts in ph:
                    for t in ts:
                        if _PART_MARK_RE.search(t) and idx not in compounds.setdefault(t, []):
                            compounds[t].append(idx)
        self._compounds: dict[str, Anchored] = {}
        for t, members in compounds.items():
            key_idxs = tuple(members)
            info = groups.get(key_idxs)
            if info is None:
                info = groups[key_idxs] = Anchored(key_idxs, [entries[i] for i in key_idxs])
            self._compounds[t] = info
        self._near_groups: dict[tuple[int, ...], Anchored] = {}
        self._near_memo: dict[str, Anchored | None] = {}  # key → the persons one edit away
        self._stems: dict[str, tuple[str, ...]] = {}
        self._heads: dict[str, bool] = {}  # word form → whether it is a word of what is named after a name
        self._as_named: dict[tuple[str, tuple[int, ...]], bool] = {}  # see _place_as_named
        self._function_words = tables.vocabulary.function_words
        # the tables' word lists the words beside every anchor are looked up in, kept as fields of
        # the finder (a compiled class) rather than read through the tables each time
        self._vocabulary = voc
        self._titles = tables.titles
        self._sentence_words = tables.sentence_words
        self._name_particles = tables.name_particles
        self._possessives = tables.possessive_suffixes
        self._word_re = _CAPITALISED_RE if require_capital else _ANY_WORD_RE
        self._line = _LineWords("")  # the words beside positions of the text last read

    @staticmethod
    def _opening_adjectives(index: Index, tables: Tables, key: PhoneticKey) -> dict[int, list[str]]:
        """The keys of the adjective of a place that opens an organisation's Cyrillic name of three
        words or more (Белорусская ассоциация журналистов, Беларуская праваслаўная царква), which
        its readings leave out as a generic word: Russian and Belarusian capitalise the first word
        of such a name only, so the adjective is the one capital to anchor it by."""
        out: dict[int, list[str]] = {}
        generic, ends = tables.generic_words, tables.place_adjective_endings
        for idx, e in enumerate(index.entries):
            if e.record.type != "organization":
                continue
            for name in e.record.names:
                words = name.split()
                first = words[0].lower() if len(words) >= 3 and is_cyrillic(name[0]) else ""
                if first in generic and first.endswith(ends) and (k := key(first)):
                    out.setdefault(idx, []).append(k)
        return out

    # --- anchors ---------------------------------------------------------------------------------

    def word(self, word: str) -> tuple[str, Anchored | None]:
        """The key of a word of running text and what it anchors (None when nothing)."""
        got = self._words.get(word)
        if got is None:
            form = composed_word(word)
            k = self.key(form)
            info = self._anchors.get(k) if k else None
            if k and written_as_acronym(form):  # МАЗ, NEXTA, BelTA: an acronym first
                for acr in self._acronym_keys([form]):
                    info = self._anchors.get(acr) or info
            if info is None and k and self._may_be_case_form(k):  # a case form of a surname a table
                # holds in Latin letters only, or in Latin letters of a surname (Putinem, Lukašenkovi:
                # a person's only)
                latin = not is_cyrillic(form[0])
                for nk, _ in self._nominatives(form):
                    info = self._anchors.get(nk)
                    if info is not None and (not latin or info.person):
                        break
                    info = None
            if info is None and k and self._compounds:
                # a compound word by its parts in the other language (Беларуснафта, Белоруснефть)
                voc = self._vocabulary
                folded = voc.fold(k)
                if folded != k:
                    for t in voc.stems(folded):
                        info = self._compounds.get(t)
                        if info is not None:
                            break
            if info is None and k and form.isascii() and len(form) > 3:
                # an English word of an organisation's name, by its English reading as resolve()
                # reads it (Beltamozhservice: -service as сервис)
                ek = self.key(english_reading(form))
                if ek and ek != k:
                    info = self._anchors.get(ek)
            got = (k, info)
            remember(self._words, word, got, WORD_MEMO_SIZE)
        return got

    def _near(self, key: str) -> Anchored | None:
        """The persons a surname of ``key`` may be a misspelling of (one edit away, as ``resolve()``
        finds them: Lukashenkko), which the resolver then decides letter by letter."""
        if key in self._near_memo:
            return self._near_memo[key]
        entries = self.index.entries
        idxs = tuple(sorted(i for i in self.index.candidates(key) if entries[i].record.type == "person"))
        got = self._near_groups.get(idxs) if idxs else None
        if got is None and idxs:
            got = self._near_groups[idxs] = Anchored(idxs, [entries[i] for i in idxs])
        remember(self._near_memo, key, got, WORD_MEMO_SIZE)
        return got

    def anchors(self, text: str) -> list[Found]:
        """The anchor words of ``text``, in order (an English possessive is not part of one)."""
        out: list[Found] = []
        memo = self._word_anchors
        addresses = -1  # whether the text holds a mark of an address anywhere (asked at its first anchor)
        # the places whose namesakes' states the text names (see names_where_namesakes_lie), read
        # from the same words when they are the capitalised words that method reads
        namesakes = self._namesakes_in
        regions = namesakes.memo if namesakes and self._word_re is _CAPITALISED_RE else None
        named: list[tuple[int, frozenset[tuple[int, int, int]]]] = []
        for m in self._word_re.finditer(text):
            w = m.group()
            got = memo.get(w)
            if got is None:
                got = self._anchors_of(w)
                remember(memo, w, got, WORD_MEMO_SIZE)
            if regions is not None:
                places = regions.get(w)
                if places is None:
                    places = namesakes.words_of(w)
                if places:
                    named.append((m.start(), places))
            if not got:
                continue
            start = m.start()
            if addresses < 0:
                # (a search for each mark as a string: a search of the regex of the four tries each
                # at every position, which a long text pays for at its first anchor)
                addresses = int(any(mark in text for mark in _ADDRESS_MARK_STRINGS))
            if addresses and _in_address(text, start, m.end()):
                continue  # a word of a web address, e-mail address or handle names nothing
            if _GENDER_SIGN_RE.match(text, m.end()):
                continue  # a word that goes on past a gender sign (Belaruss:innen, Russ*innen)
            for offset, length, k, info in got:
                out.append(Found(start + offset, start + offset + length, k, info))
        if regions is not None:
            self._namesakes_of = (text, named)
        return out

    def _may_be_case_form(self, k: str) -> bool:
        """Whether a word of key ``k`` may be a case form of an anchor's word: the case endings
        change the end of a word, so its key begins as the nominative's does, by its first three
        symbols (two for a key of fewer than six, none for one of fewer than four: Іщак, Іщка; Зоя,
        Зоею). Half the capitalised words of real text are no case form of any anchor by it."""
        n = 3 if len(k) >= 6 else 2 if len(k) >= 4 else 0
        return n == 0 or k[:n] in self._anchor_starts

    def _anchors_of(self, w: str) -> tuple[tuple[int, int, str, Anchored], ...]:
        """The anchors a word of running text holds, as (offset in the word, length, key, what it
        anchors): the word, the word without a possessive, its hyphenated parts, or a surname one
        edit away; none for most words. A fact of the word form alone, remembered per form."""
        k, info = self.word(w)
        end = len(w)
        if not APOSTROPHES.isdisjoint(w):
            # a possessive after a name stays in the text, whatever marks follow it (Lukashenko's`);
            # an apostrophe alone may as well be the word's soft sign (Afnagelʹ): the whole word first
            bare = self._without_possessive(w)
            if bare != w:
                bk, binfo = self.word(bare)
                possessive_s = w.rstrip("`")[len(bare) :].lower().endswith("s")
                if info is None or (binfo is not None and possessive_s):
                    k, info, end = bk, binfo, len(bare)
        if info is not None:
            return ((0, end, k, info),)
        letters = acronym_forms(w)[0].get(w.casefold())
        if letters and letters != w:  # an acronym in mixed case with a case ending (БелАЗа, BelAZu)
            for ak in sorted(self._acronym_keys([letters])):
                got = self._anchors.get(ak)
                if got is not None:
                    return ((0, len(w), ak, got),)
        if "-" in w:  # a word of hyphenated parts that names nothing whole: its parts (Минск-Москва),
            # when each capitalised part is one (КХП-БНФ, another party, and Киево-Печерская are not)
            parts = w.split("-")
            if parts[-1].islower() and parts[-1].endswith(self.tables.place_adjective_endings):
                return ()  # a compound adjective, whose first parts are stems (Польско-белорусская)
            pos = 0
            found: list[tuple[int, int, str, Anchored]] = []
            for part in parts:
                if part[:1].isupper() or not self.require_capital:
                    k, info = self.word(part)
                    if info is not None:
                        found.append((pos, len(part), k, info))
                    elif part[:1].isupper():
                        return ()
                pos += len(part) + 1
            return tuple(found)
        if len(k) >= MIN_NEAR_KEY:  # at last, a surname one edit away, when the word is no name part
            info = self._near(k)  # (asked first: few words have one, where most are asked what they are)
            if info is not None and self.parts.kind(w) == NONE:
                return ((0, end, k, info),)
        return ()

    def _without_possessive(self, word: str) -> str:
        """``word`` without an English possessive at its end (and the GOST backticks after it; a
        backtick itself is GOST's mark of a letter, Pal`chy`s, not an apostrophe)."""
        core = word.rstrip("`")
        low = "".join("'" if c in APOSTROPHES and c != "`" else c for c in core.lower())
        for suf in self._possessives:
            if low.endswith(suf) and len(core) > len(suf) + 1:
                return core[: -len(suf)]
        return word

    # --- the words beside a name -------------------------------------------------------------------

    def _line_words(self, text: str) -> _LineWords:
        """What was found of the words beside the anchor of ``text`` read last (a new record when
        another text is read; the finder is shared, so a record belongs to one text and is only
        read for it)."""
        line = self._line
        if line.text is not text:
            line = self._line = _LineWords(text)
        return line

    def word_before(self, text: str, pos: int, floor: int) -> tuple[int, str] | None:
        """The word (or initials) just before ``pos``, after blanks or glued to an initial's dot."""
        memo = self._line_words(text).before
        i = pos
        while i > floor and text[i - 1] in _BLANKS:
            i -= 1
        # a floor beyond the reach of the search (the window before the blanks, and the two letters
        # before it that are looked at) changes nothing: one record for every such floor, which the
        # checks of a decision (asked from the start of the text) share with its proposal
        key = (pos, -1 if floor < i - WINDOW - 2 else floor)
        got = memo.get(key)
        if got is None and key not in memo:
            got = memo[key] = self._word_before(text, pos, floor)
        return got

    def _word_before(self, text: str, pos: int, floor: int) -> tuple[int, str] | None:
        i = pos
        while i > floor and text[i - 1] in _BLANKS:
            i -= 1
        if i <= floor or (i == pos and text[i - 1] != "."):
            return None  # nothing there, or glued to the name: part of another word
        lo = max(floor, i - WINDOW)
        # the search starts after the last space before the word (a regular expression that ends at
        # ``i`` tries every start before it; a word holds no blank, so none of the starts before its
        # run of non-blanks matches)
        a = max(lo, text.rfind(" ", lo, i) + 1)
        m = _WORD_BEFORE_RE.search(text, a, i)
        if m is None:
            return None
        a = m.start()
        if a > lo and (text[a - 1].isalnum() or (text[a - 1] in APOSTROPHES and a - 1 > lo and text[a - 2].isalpha())):
            return None  # the end of a longer word
        if m.start() == lo and lo > floor:
            return None
        w = m.group()
        elided = _ELIDED_RE.match(w)
        if elided is not None:
            return a + elided.end(), w[elided.end() :]  # after an elided article (d'Alexandre)
        return a, w

    def word_after(self, text: str, pos: int, ceil: int) -> tuple[int, str, bool, bool] | None:
        """The word (or initials) just after ``pos``: (its end, the word, whether a comma stands
        before it, whether it is in quotes of its own, the closing quote included in its end). An
        English possessive stays in the text after the name (LUKASHENKO, Alexander's)."""
        memo = self._line_words(text).after
        # the search stops at ``ceil`` or a window past ``pos`` (after a soft sign's apostrophe, one
        # further), whichever comes first: one record for every ceil beyond the window
        key = (pos, min(ceil, pos + WINDOW + 1))
        got = memo.get(key)
        if got is None and key not in memo:
            got = memo[key] = self._word_after(text, pos, ceil)
        return got

    def _word_after(self, text: str, pos: int, ceil: int) -> tuple[int, str, bool, bool] | None:
        if pos + 1 < len(text) and text[pos + 1] == "," and _SOFT_SIGN_RE.match(text, pos):
            pos += 1  # a soft sign written as an apostrophe ends the word before the comma
        m = _NEXT_RE.match(text, pos, min(ceil, pos + WINDOW))
        if m is None:
            return None
        comma = bool(m.group(1))
        if m.group(4) is not None:  # quoted: the span takes the closing quote too
            return m.end(), m.group(4), comma, True
        word, end = m.group(6), m.end(6)
        if end < len(text) and (text[end].isalnum() or _MARK_RE.match(text, end)):
            return None  # a word cut by the window or glued to digits
        if word[-1] == "." and not _INITIALS_RE.fullmatch(word):
            word, end = word[:-1], end - 1  # a sentence's full stop
        if not APOSTROPHES.isdisjoint(word):
            bare = self._without_possessive(word)
            if bare != word:
                return end - (len(word) - len(bare)), bare, comma, False
        return end, word, comma, False

    # --- personal names ------------------------------------------------------------------------------

    def _part(self, word: str, info: Anchored) -> int:
        """What ``word`` is beside a name (see :class:`NameParts`); a word that fits a person the
        anchor names (a case form of the entity's own given name: Паўла) is a given name or a
        patronymic by its key."""
        kind = self.parts.kind(word)
        if kind == NONE and info.person and word[:1].isupper() and self.fits(word, info):
            k = self.key(composed_word(word))
            return PATRONYMIC if patronymic_gender(k) is not None else GIVEN
        return kind

    def person_run(
        self, text: str, start: int, end: int, floor: int, ceil: int, info: Anchored, key: str
    ) -> tuple[int, int, bool]:
        """The personal name around the word ``text[start:end]`` (of key ``key``): given names, a
        patronymic or initials before it; or, when none stands before, after it (surname first,
        with one comma). Returns (start, end, whether any word was taken)."""
        s = start
        givens = patronymic = initials = 0
        seen = {key}
        for _ in range(MAX_NAME_WORDS):
            got = self.word_before(text, s, floor)
            if got is None or _ends_sentence(got[1]):
                break  # (a word with its sentence's full stop: Władimirowicza. Putin powiedział)
            if got[1].casefold() in self.tables.title_initials and self._title_language(text, got[0]):
                break  # a title written as an initial, in its language (M. Loukachenko: Monsieur)
            kind = self._part(got[1], info)
            if kind == INITIALS and not givens and not patronymic and initials < 3:
                initials += got[1].count(".")
            elif kind == PATRONYMIC and not givens and not patronymic and not initials:
                patronymic = 1
            elif kind == GIVEN and initials <= 2 and not givens:  # middle initials after it: Ніна A. Г. Багінская
                givens = 1
            else:
                break
            if not self._new_word(got[1], seen):
                break
            s = got[0]
        if s < start or not info.person:
            return s, end, s < start  # a name after an organisation's or place's is another name
        e = end
        comma_used = False
        took_given = took_patronymic = False
        initials = 0  # the words of initials taken (А. Г., or А.Г. as one)
        for _ in range(MAX_NAME_WORDS):
            after = self.word_after(text, e, ceil)
            if after is None:
                break
            w_end, word, comma, quoted = after
            if quoted or (comma and (comma_used or took_given)):
                break
            kind = self._part(word, info)
            if kind == INITIALS and not took_given and initials + word.count(".") <= 2:
                initials += word.count(".")  # Лукашенко А. Г.: one word of initials or two
            elif kind == GIVEN and not took_given and not took_patronymic:
                took_given = True  # (after initials too: Багінская A. Ніна, a middle initial first)
            elif kind == PATRONYMIC and took_given and not took_patronymic and not initials:
                took_patronymic = True
            else:
                break
            if not self._new_word(word, seen):
                break
            comma_used = comma_used or comma
            e = w_end
        return s, e, e > end

    def _title_language(self, text: str, pos: int) -> bool:
        """Whether the sentence around ``pos`` holds two of the words of the language that writes a
        title as an initial (``title_initial_words`` of ``titles.yaml``: the French le, est, pour),
        within its line."""
        words = self.tables.title_initial_words
        lo = text.rfind("\n", 0, pos) + 1
        hi = text.find("\n", pos)
        lo, hi = sentence_around(text, pos, pos, lo, len(text) if hi < 0 else hi)
        found = {w for m in _LETTERS_RE.finditer(text, lo, hi) if (w := m.group().casefold()) in words}
        return len(found) >= 2

    def _new_word(self, word: str, seen: set[str]) -> bool:
        """Whether ``word`` is not a word of the name already (by key): a word said again starts a
        name again (Sviatlana, Sviatlana; Alexander Alexander). Initials may repeat (А. А.)."""
        if _INITIALS_RE.fullmatch(word):
            return True
        k = self.key(composed_word(word))
        if k in seen:
            return False
        seen.add(k)
        return True

    def proper_name_before(self, text: str, start: int, floor: int, info: Anchored) -> int:
        """The start of a word just before the anchor at ``start`` that makes another proper name
        with it, else -1: a capitalised Cyrillic adjective that is no word of its entities (Золотой
        Орды, Советского Союза), or before a surname any capitalised Cyrillic word that names
        nothing (a given name the tables lack) and before a place any such word inside a sentence
        (Міс Беларусь); before a place, a Latin word in capitals (the festival ART MIENSK, WATCH
        DOCS Belarus), and before its Cyrillic name any capitalised Latin word (Sputnik Беларусь)."""
        if not is_cyrillic(text[start]):
            return self._capitals_before(text, start, floor, info) if info.phrase and not info.person else -1
        got = self.word_before(text, start, floor)
        if got is None or (
            got[1].endswith(".") and self.parts.kind(got[1]) != INITIALS and not _in_open_quotes(text, got[0])
        ):
            return -1  # a full stop ends a sentence or an abbreviation (на Піне. Пінск), not a title («СБ. Беларусь»)
        w = got[1]
        # a place's name as the tables write it (in the nominative: Міс Беларусь, not the genitive of
        # Гимн Украины, which is the place's) after a capitalised word that names nothing
        place = not info.person and self._place_as_named(text[start : self._word_end(text, start)], info)
        if place and w[:1].isupper() and w.isascii() and w.isalpha():
            # a Latin word before a place's Cyrillic name: a name of two scripts (Sputnik Беларусь)
            return got[0] if self.parts.kind(w) == NONE and self.word(w)[1] is None else -1
        if not (w[:1].isupper() and is_cyrillic(w[0])):
            return -1
        if w.isupper():  # an acronym before a place's name: the name of a thing (ФК Минск, ХК Гомель)
            return got[0] if place and len(w) > 1 and self.parts.kind(w) == NONE and self.word(w)[1] is None else -1
        opening = sentence_start(text, got[0])
        if self.parts.kind(w) != NONE or self.fits(w, info, info.org):
            return -1
        adjective = _ADJECTIVE_END_RE.search(w.lower()) is not None
        if adjective and not opening:
            return got[0]
        if opening and not info.person:
            # at the start of a sentence the capital says nothing, and an adjective in the
            # nominative before a place's or organisation's name may as well make another name
            # with it (Единая Россия, Нижний Новгород, Западная Беларусь) as qualify it: the whole
            # is decided, and where it names nothing, nothing is linked. Only the nominative
            # endings that no verb, noun or comparative shares (not -ой: Открой; not -ее: Скорее;
            # not -ие/-ія: Решение, Камісія), and no pronoun (Эта, Такая, Вся)
            if _NOMINATIVE_ADJECTIVE_END_RE.search(w.lower()) and w.casefold() not in self._sentence_words:
                return got[0]
            return -1
        # before a surname, a capitalised Cyrillic word that names nothing the tables hold is a
        # given name they lack (Лора Колесникова, Аэлита Ціханоўская): the name is decided whole.
        # At the start of a sentence, where every word has a capital, only a woman's name before a
        # woman's surname, both in the nominative: a word in -а/-я that is no adjective, no noun of
        # a woman's occupation (-ка, -ца: Активистка Колесникова) and none of the words that open
        # sentences (Вчера, Тогда Колесникова заявила)
        if opening and not (
            not adjective
            and _WOMANS_NAME_END_RE.search(w.lower())
            and _WOMANS_SURNAME_END_RE.search(text[start : self._word_end(text, start)].lower())
            and w.casefold() not in self._sentence_words
        ):
            return -1
        # before a place's name inside a sentence, a capitalised word that names nothing makes
        # another name with it (конкурс «Міс Беларусь»)
        return got[0] if (info.person or place) and self.word(w)[1] is None else -1

    def _place_as_named(self, word: str, info: Anchored) -> bool:
        """Whether ``word`` is a name of one of the anchor's places as the tables write it (not an
        acronym, which does not decline: Госдума РФ). Remembered per word form and anchor."""
        if word.isupper():
            return False
        memo_key = (word, info.idxs)
        got = self._as_named.get(memo_key)
        if got is None:
            entries = self.index.entries
            got = any(entries[i].record.type == "place" and self._named_as_written(i, word) for i in info.idxs)
            remember(self._as_named, memo_key, got, WORD_MEMO_SIZE)
        return got

    @staticmethod
    def _word_end(text: str, start: int) -> int:
        """The end of the run of letters (and hyphens) from ``start``."""
        m = _LETTERS_RE.match(text, start)
        return m.end() if m else start

    def _capitals_before(self, text: str, start: int, floor: int, info: Anchored) -> int:
        got = self.word_before(text, start, floor)
        if got is None:
            return -1
        w = got[1]
        if not (len(w) > 1 and w.isupper() and w.isascii() and w.isalpha()):
            return -1
        if self.parts.kind(w) != NONE or self.fits(w, info, info.org) or w.casefold() in self._function_words:
            return -1
        return got[0]

    def named_after(self, text: str, s: int, e: int) -> bool:
        """Whether the personal name ``text[s:e]`` names what it stands beside (see ``named_after``
        in ``org_words.yaml``): after such a word, not in the nominative (фонд Александра
        Лукашенко, полк Каліноўскага, премия имени …; the director of a fund, директор фонда
        Александр Лукашенко, is a person), or before such a word in capitals (Alexander Lukashenko
        Foundation)."""
        before = self.word_before(text, s, 0)  # (the word before may be a mention itself)
        if before is not None and before[1].casefold() + "." in _HONORIFICS:
            # им, ім without the full stop: the abbreviation after what is named (премия им Лукашенко),
            # else the pronoun (заменить им Медведева)
            prior = self.word_before(text, before[0], 0)
            return prior is not None and self._is_head(prior[1])
        if before is not None and self._is_head(before[1]):
            first = text[s : text.find(" ", s, e) if " " in text[s:e] else e].rstrip(".,")
            if not self.parts.is_nominative(first) or before[1].lower() in _HONORIFICS:
                return True
        after = self.word_after(text, e, len(text))
        return after is not None and not after[2] and after[1][:1].isupper() and self._is_head(after[1])

    def _is_head(self, word: str) -> bool:
        """Whether ``word`` is a form of a word of what is named after persons or places (фонд,
        премия; ``named_after`` in ``org_words.yaml``; им. only with its full stop): remembered per
        word form."""
        got = self._heads.get(word)
        if got is None:
            got = word.casefold() in self._named_after_abbreviations or self._named_after.has(word)
            remember(self._heads, word, got, WORD_MEMO_SIZE)
        return got

    def ordinary_word_opening(self, text: str, s: int, e: int, org: EntityEntry) -> bool:
        """Whether ``text[s:e]`` is one ordinary Cyrillic word (of the vocabulary) outside quotes
        whose capital says nothing, so that it names no organisation (``org``): one that opens a
        sentence (Весна 2020 года, the season; the centre is «Весна»), or one written in capitals
        as no name of the organisation is (a heading, ВЕСНА; an acronym the tables write so, ОМОН,
        is a name). A Latin word that keys as one is a spelling of the name, not the word (Viasna;
        the English word is spring)."""
        word = text[s:e]
        if not word.isalpha() or not is_cyrillic(word[0]) or (s > 0 and text[s - 1] in _QUOTE_OPEN):
            return False
        if word.isupper():
            if any(word in name.split() for name in (*org.record.names, *org.record.aliases)):
                return False
        elif not sentence_start(text, s):
            return False
        k = self.key(composed_word(word))
        return bool(k) and bool(self._vocabulary.concepts(k))

    def word_before_dash(self, text: str, s: int) -> str | None:
        """The capitalised word inside a sentence that a dash joins to the acronym at ``text[s:]``,
        an acronym or a word of the vocabulary of organisations' names, no name part (Кансэрватыўна-
        Хрысціянская Партыя – БНФ, КХП – БНФ), else None: where it names nothing by itself, the
        acronym ends another organisation's name (a party of its own that carries the acronym of
        the one it came from)."""
        i = s
        while i > 0 and text[i - 1] in _BLANKS:
            i -= 1
        if i == 0 or text[i - 1] not in _DASHES:
            return None
        got = self.word_before(text, i - 1, 0)
        if got is None:
            return None
        at, w = got
        if not w[:1].isupper() or sentence_start(text, at) or self.parts.kind(w) != NONE:
            return None
        if len(w) > 1 and w.isupper():
            return w  # an acronym (КХП – БНФ)
        k = self.key(composed_word(w))
        # a word of the vocabulary of names (Партыя); not a surname (Валерий Сидорчик – БЕЛТА, a byline)
        return w if k and self._vocabulary.concepts(k) else None

    def state_body(self, text: str, s: int, e: int) -> bool:
        """Whether the organisation's name ``text[s:e]`` names a kind of body every state has
        (``state_bodies`` in ``org_words.yaml``) in ordinary words only (of the vocabulary, no
        place among them): Следственный комитет, Министерство иностранных дел. Such a name alone
        does not say whose body it is."""
        content = [w for w in _ANY_WORD_RE.findall(text, s, e) if w.casefold() not in self._function_words]
        voc = self._vocabulary
        kind = False
        for w in content:
            k = self.key(composed_word(w))
            if not k or not voc.concepts(k):
                return False
            kind = kind or self._state_bodies.has_key(k)
        return kind and not self._holds_place(content)  # (a place's word says whose: Беларуская)

    def owner_beside(self, text: str, s: int, e: int, org: int) -> bool:
        """Whether a word right beside the name ``text[s:e]`` of the organisation ``org`` (its
        number in the index) says whose it is, and it is not the state it is named after. Beside a
        state body (named with a ``state_bodies`` word), a word of ``owner_words`` in
        ``org_words.yaml``: the speaker's own (наш МИД) or several states' (МЗС краін Еўрасаюза).
        Before a state body or an organisation named after a state, the adjective of another place
        (российского МИД, українського МЗС, советского КГБ, Русской Православной Церкви; not
        белорусского МИД). A name that holds a place's word says whose itself (наш МИД Беларуси is
        still linked)."""
        entry = self.index.entries[org]
        state_body = self.state_body_entity(entry)
        if not (state_body or self._places.named_after_state(org)) or self._holds_place(
            _ANY_WORD_RE.findall(text, s, e)
        ):
            return False
        before = self.word_before(text, s, 0)
        # (before an organisation that is no state body, a town's adjective names its branch there:
        # гродненского БРСМ is the union's)
        if before is not None and self._another_places_adjective(before[1], org, towns_own=not state_body):
            return True
        if not state_body:
            return False
        owners = self.tables.owner_words
        after = self.word_after(text, e, len(text))
        return (before is not None and before[1].casefold() in owners) or (
            after is not None and not after[2] and after[1].casefold() in owners
        )

    def _another_places_adjective(self, word: str, org: int, towns_own: bool = False) -> bool:
        """Whether ``word`` is an adjective made from the name of a place that is not one the
        organisation ``org`` is named after: it ends as an adjective made from a place's name does
        (``place_adjectives`` of ``inflection.yaml``: российского, українського, советского), and
        is not the adjective of its own place (белорусского, беларускага, білоруського), nor, with
        ``towns_own``, of a place of the tables that is no state (гродненского)."""
        k = self.adjective_key(word)
        if not k:
            return False
        if towns_own and False in self._places.sound_kinds(k):
            return False
        return not self._places.own_sounds(org, k)  # (the adjective of its own place or name)

    def own_places_adjective(self, word: str, org: int) -> bool:
        """Whether ``word`` is the adjective made from the name of a place the organisation ``org``
        is named after (``place_adjectives`` of ``inflection.yaml``: белорусского, беларускага of the
        Belarusian ministry)."""
        k = self.adjective_key(word)
        return bool(k) and self._places.own_sounds(org, k)

    def adjective_key(self, word: str) -> str:
        """The key of ``word`` when it ends as an adjective made from a place's name does
        (``place_adjectives`` of ``inflection.yaml``); "" when it does not."""
        if not word.lower().endswith(self.tables.place_adjective_endings):
            return ""
        return self.key(composed_word(word))

    def state_body_entity(self, org: EntityEntry) -> bool:
        """Whether one of the organisation's names is a body of a kind every state has: a
        ``state_bodies`` word that only ordinary words (of the vocabulary), no place's word among
        them, stand before, function words aside (Министерство иностранных дел Республики
        Беларусь, Следственный комитет, Центральная избирательная комиссия, Ministry of Foreign
        Affairs; not Беларуская служба Радыё Свабода, a service of a radio, nor Belarusian
        Helsinki Committee)."""
        memo = self._state_body_memo
        got = memo.get(org.record.id)
        if got is None:
            got = any(self._names_a_state_body(name) for name in (*org.record.names, *org.record.aliases))
            memo[org.record.id] = got
        return got

    def _names_a_state_body(self, name: str) -> bool:
        """:meth:`state_body_entity` for one name."""
        for w in _ANY_WORD_RE.findall(name):
            if w.casefold() in self._function_words:
                continue
            k = self.key(composed_word(w))
            if not k or w.isupper() or not self._vocabulary.concepts(k) or self._holds_place([w]):
                return False
            if self._state_bodies.has_key(k):
                return True
        return False

    def _holds_place(self, words: Iterable[str]) -> bool:
        """Whether one of ``words`` is a place's word or its adjective: by its stems (Russian,
        Мінскі), or ending as an adjective made from a place's name does, by its sounds, which begin
        with the place's (Беларуская, белорусский: the -с of Беларусь merges into the suffix)."""
        stems = self.tables.vocabulary.stems
        ends = self.tables.place_adjective_endings
        for w in words:
            k = self.key(composed_word(w))
            if not k:
                continue
            if self._places.names_a_place(stems(k)) or (w.lower().endswith(ends) and self._places.sound_kinds(k)):
                return True
        return False

    def in_quotes(self, text: str, s: int, e: int) -> bool:
        """Whether ``text[s:e]`` stands in quotes of its own (the front «Адраджэнне»)."""
        return s > 0 and e < len(text) and text[s - 1] in _QUOTE_OPEN and text[e] in _QUOTE_CLOSE

    def thing_named_after_place(self, text: str, s: int, e: int) -> bool:
        """Whether a place's name at ``text[s:e]`` is the name of something named after it: numbered
        after it (the channels Беларусь 1, Россия-24; not a year), or alone in quotes: after a word of
        what is named so (``named_after`` in ``org_words.yaml``: кінафестываль «Расія», гасцініца
        «Мінск»), and, as one word, after any word but one that speaks of the name (``naming_words``:
        гістарычны назоў «Менск» is the city). Belarusian and Russian writing quote the names of
        clubs, airports, books and firms («Гомель», аэропорт «Минск»), not of places; a place's name
        of several words may stand in quotes as its informal name (на «Площади Перемен»)."""
        if _NUMBERED_RE.match(text, e) is not None:
            return True
        if not self.in_quotes(text, s, e):
            return self._latin_name_with_head(text, e) or self._brand_before_product(text, e)
        before = self.word_before(text, s - 1, 0)
        if before is not None and self._is_head(before[1]):
            return True
        if any(c in _BLANKS for c in text[s:e]):
            return False
        return before is None or not self._naming_words.has(before[1])

    def publisher_named(self, text: str, s: int, e: int) -> bool:
        """Whether the place's name ``text[s:e]`` is a publisher's in a bibliographic record: after
        a label of a publisher and a colon (``publisher_words`` of ``org_words.yaml``: Выдавец:
        Беларусь), or in an imprint, place : publisher, year, between a place's name or a town's
        abbreviation with a colon and a comma with a year (Мінск : Беларусь, 1993; Мн.: Беларусь,
        2001; not Асобнае выданне: Менск, 1968, where the place follows a label)."""
        i = s
        while i > 0 and text[i - 1] in _BLANKS:
            i -= 1
        if i == 0 or text[i - 1] != ":":
            return False  # (most places: no colon before them, and no search of the window)
        m = _BEFORE_COLON_RE.search(text, max(0, s - WINDOW), s)
        if m is None:
            return False
        word = m.group(1)
        if word.casefold() in self.tables.publisher_words:
            return True
        if _IMPRINT_YEAR_RE.match(text, e) is None:
            return False
        if m.group(2):  # an abbreviation of a town's name (Мн., М., СПб.)
            return word[:1].isupper() and len(word) <= 3
        return bool(self._places.places_named([self.word(word)[0]]))

    def _brand_before_product(self, text: str, e: int) -> bool:
        """Whether the place's name in Latin letters that ends at ``e`` is a brand's: a word for what
        is sold under a brand (``product_words`` of ``org_words.yaml``, by stem) follows it right
        away, after a blank or a hyphen (Belarus tractors, the Belarus brand, Belarus-branded)."""
        if is_cyrillic(text[e - 1]):
            return False
        m = _PRODUCT_AFTER_RE.match(text, e)
        return m is not None and self._product_words.has(m.group(1))

    def _latin_name_with_head(self, text: str, e: int) -> bool:
        """Whether the place's name in Latin letters that ends at ``e`` opens a name of capitalised
        words that a word of what is named after places ends (``named_after``), one to three words
        after it: Moscow State University, Vitsyebsk Station, Minsk Tractor Works (English writes
        the town's name as the first word of the thing's, where Belarusian and Russian write an
        adjective: Маскоўскі дзяржаўны ўніверсітэт)."""
        if is_cyrillic(text[e - 1]):
            return False
        pos = e
        for _ in range(MAX_NAME_WORDS):
            after = self.word_after(text, pos, len(text))
            if after is None or after[2] or after[3]:
                return False
            w = after[1]
            info = self.word(w)[1]
            if not w[:1].isupper() or w.isupper() or (info is not None and (info.person or not info.org)):
                return False  # (a person's or a place's name after the town's: In Minsk Lukashenko said;
                # a word of an organisation's name may be a word of the thing's: Minsk Radio Institute)
            if self._is_head(w):
                return True
            pos = after[0]
        return False

    def longer_town_name_end(self, text: str, s: int, e: int) -> int:
        """The end of another town's name that the place's name ``text[s:e]`` in Latin letters
        opens, else -1: a capitalised adjective right after it that qualifies a town's name
        (``toponym_qualifiers`` of ``inflection.yaml``: Mińsk Mazowiecki, w Mińsku Mazowieckim,
        Brześć Kujawski), or such an adjective cut short (Mińska Maz. są …: a capitalised word
        with a full stop that a word in small letters follows). The adjective names nothing of
        the tables (not a surname of ours)."""
        if is_cyrillic(text[s]):
            return -1
        after = self.word_after(text, e, len(text))
        if after is None or after[2] or after[3]:
            return -1
        end, w = after[0], after[1]
        if not w[:1].isupper() or w.isupper():
            return -1
        cut = _ABBREVIATION_RE.match(text, end)
        if cut is not None and cut.group(1).islower() and len(w) <= 4:
            return end + 1  # cut short: the full stop is the adjective's (Maz. is no MAZ)
        if w.lower().endswith(self.tables.toponym_qualifier_endings) and self.parts.kind(w) == NONE:
            return end if self.word(w)[1] is None else -1
        return -1

    def work_titled(self, text: str, s: int, e: int) -> bool:
        """Whether ``text[s:e]`` stands alone in quotes after a word for a kind of work
        (``work_words`` of ``org_words.yaml``, by stem): the title of a film, a book, a song
        (фильм «Зеркало», песня «Вясна»), not the organisation of that name."""
        if not self.in_quotes(text, s, e):
            return False
        before = self.word_before(text, s - 1, 0)
        return before is not None and self._work_words.has(before[1])

    def in_quoted_title(self, text: str, s: int, e: int) -> bool:
        """Whether ``text[s:e]`` is a word of a short name in quotes that another capitalised word
        opens or goes on, the quotes standing after a word of the sentence: the title of a paper,
        a party or a contest (журналіст «Фізкультурнік Беларусі», в "Наш дом Россия", конкурса
        «Лучшие товары Республики Беларусь», the "Young Belarus", „Polska Macierz Szkolna”), whose
        words name the thing titled. Not where the quotes open a sentence or follow a colon or a
        dash (quoted speech and headlines: «Литва может последовать примеру Польши»), hold a
        comma, a dash or an end of sentence, or more than five words, nor where a preposition
        stands just before the name (a quoted phrase: «Зроблена ў Польшчы»); the case the name is
        in is the caller's to weigh (a slogan's dative: «Слава Украіне»)."""
        # the quotes and ends of sentences within reach are found by one search each way (most
        # characters are neither; the nearest one decides)
        q1 = -1
        for m in reversed(list(_TITLE_STOP_RE.finditer(text, max(0, s - _TITLE_REACH), s))):
            q, c = m.start(), m.group()
            if c in _QUOTE_OPEN and (q == 0 or not text[q - 1].isalnum()):
                q1 = q
                break
            if c in _SENTENCE_END or c in _QUOTE_CLOSE_ONLY:
                return False
        if q1 < 0:
            return False
        q2 = -1
        for m in _TITLE_STOP_RE.finditer(text, e, e + _TITLE_REACH + 1):
            q, c = m.start(), m.group()
            if c in _QUOTE_CLOSE and (q + 1 == len(text) or not text[q + 1].isalnum()):
                q2 = q
                break
            if c in _SENTENCE_END or c in "«„":
                return False
        if q2 < 0:
            return False
        inside = text[q1 + 1 : q2]
        if _TITLE_BREAK_RE.search(inside):
            return False
        words = list(_LETTERS_RE.finditer(inside))
        if not 2 <= len(words) <= 5:
            return False
        own = range(s - q1 - 1, e - q1 - 1)
        if not any(w.start() not in own and w.group()[0].isupper() for w in words):
            return False
        before = [w.group() for w in words if w.end() <= own.start]
        if before and before[-1].casefold() in _PREPOSITIONS:
            return False
        i = q1
        while i > 0 and text[i - 1] in _BLANKS:
            i -= 1
        return i > 0 and text[i - 1].isalnum()

    def names_where_namesakes_lie(self, text: str, entity: int, lo: int = 0, hi: int = -1) -> bool:
        """Whether ``text`` (or ``text[lo:hi]``) names, in capitalised words, a state or region
        where another place or body of the name of entity number ``entity`` is (``namesakes_in`` of
        its table entry, each of its words read by stem: Brest is also a town of Finistère, in
        Brittany, France: Бретани, Frankreich, Francji; the KGB was also the USSR's: СССР,
        Советского Союза), so that its name in the text may be the other's."""
        namesakes = self._namesakes_in
        if not namesakes.has(entity):
            return False
        record = self._namesakes_of
        if record[0] is not text:
            # the words of namesakes_in the text holds, found in one scan of it for every entity
            # asked about it (unless the scan for its anchors found them)
            found: list[tuple[int, frozenset[tuple[int, int, int]]]] = []
            for m in _CAPITALISED_RE.finditer(text):
                got = namesakes.words_of(m.group())
                if got:
                    found.append((m.start(), got))
            record = self._namesakes_of = (text, found)
        end = len(text) if hi < 0 else hi
        return namesakes.named(entity, ((pos, items) for pos, items in record[1] if lo <= pos < end))

    def unit_adjective(self, text: str, s: int, e: int) -> bool:
        """Whether the one word ``text[s:e]`` with an adjective's ending (``place_adjectives`` of
        ``inflection.yaml``) in an oblique case is followed by a Cyrillic noun of an administrative
        unit (``region_words`` of ``org_words.yaml``, by stem): the adjective of the unit's name
        (Беліцкага павета, Калиновского района), no surname; a nominative may be a surname before
        its object (Бяляцкі раён наведаў)."""
        word = text[s:e]
        if word.lower().endswith(_NOMINATIVE_ADJECTIVE) or not self.adjective_key(word):
            return False
        after = self.word_after(text, e, len(text))
        return after is not None and not after[2] and not after[3] and self._unit_words.has(after[1])

    def english_owner(self, text: str, s: int, e: int) -> str:
        """The proper name that English writes as the owner of what ``text[s:e]`` names: a
        capitalised word with a possessive right before it (Estonia's KGB) or after of (the MVD of
        Georgia); "" when there is none."""
        m = _POSSESSOR_RE.search(text, max(0, s - WINDOW), s)
        if m is not None:
            return m.group(1)
        m = _OF_OWNER_RE.match(text, e)
        return m.group(1) if m is not None else ""

    def namesakes_place_after(self, text: str, e: int, entity: int) -> bool:
        """Whether the word right after ``text[:e]`` names a state or region where another of the
        name of entity number ``entity`` is (``namesakes_in``, a name of one word): КГБ СССР."""
        if not self._namesakes_in.has(entity):
            return False
        after = self.word_after(text, e, len(text))
        return after is not None and not after[2] and self._namesakes_in.one_word_name(entity, after[1])

    def names_a_region(self, text: str, s: int, e: int, place: int) -> bool:
        """Whether the place's name ``text[s:e]`` stands right beside a word for an administrative
        unit (``region_words`` of ``org_words.yaml``), and so names the unit around the town, not
        the town: after it (the Minsk region, Vitsyebsk oblast; in Cyrillic the Ukrainian and
        Bulgarian adjective that is spelled as the town's genitive, Мінська область, Витебска
        област) or, in Latin letters, before it (Gebiet Witebsk, der Bezirk Orscha), or with of or
        de between, when the place (its number in the index) lies in a state (its ``country``) and
        no capitalised name of the unit stands before the word (the region of Brest; not the
        Frunzensky district of Minsk, the town it lies in, nor the Grodno region of Belarus)."""
        units = self.tables.region_words
        after = self.word_after(text, e, len(text))
        if after is not None and not after[2] and not after[3] and after[1].casefold() in units:
            return True
        if is_cyrillic(text[s]):
            return False
        before = self.word_before(text, s, 0)
        if before is None:
            return False
        if before[1].casefold() in _UNIT_OF and self.index.entries[place].record.country:
            unit = self.word_before(text, before[0], 0)
            if unit is None or unit[1].casefold() not in units:
                return False
            name = self.word_before(text, unit[0], 0)  # the unit's own name (the Frunzensky district)
            return name is None or not name[1][:1].isupper() or sentence_start(text, name[0])
        return before[1].casefold() in units

    def adjective_of_place(self, text: str, s: int, e: int) -> bool:
        """Whether the one word ``text[s:e]``, a case form of a place's name that is also a form of
        the adjective made from it (``place_adjectives`` of ``inflection.yaml``: the Russian
        instrumental Минском, also the adjective's locative), is the adjective here: after a
        preposition of the locative (в Минском районе, на Минском автозаводе), or, with no
        preposition of the instrumental before it (под Минском), before a noun in small letters in
        the locative or instrumental (Слуцком районе), over a list of such adjectives (в Копыльском,
        Слуцком и Солигорском районах)."""
        ends = self.tables.place_adjective_endings
        if not text[s:e].lower().endswith(ends):
            return False
        pos = s  # back over the list of adjectives before it
        while True:
            got = self.word_before(text, pos, 0)
            if got is None:
                break
            w = got[1].lower()
            if w in _LOCATIVE_ONLY:
                return True
            if w in _INSTRUMENTAL or not (w.endswith(ends) and _LIST_GAP_RE.search(text, got[0], pos)):
                if w in _INSTRUMENTAL:
                    return False
                break
            pos = got[0]
        pos = e  # on over the list of adjectives after it, to the noun
        for _ in range(MAX_NAME_WORDS):
            after = self.word_after(text, pos, len(text))
            if after is None or after[3]:
                return False
            w = after[1]
            if (w[:1].isupper() and w.lower().endswith(ends)) or w in _CONJUNCTIONS:
                pos = after[0]  # another adjective of the list (Солигорском), or the и before it
                continue
            low = w.lower()
            return (
                not after[2]  # (a comma: another phrase, Минском, нашей столицей)
                and w[:1].islower()
                and is_cyrillic(w[0])
                and len(w) > 3
                and low not in self._function_words
                and low not in self._sentence_words  # (pronouns, conjunctions: и, все, этом)
                and _OBLIQUE_NOUN_RE.search(w) is not None
            )
        return False

    def past_tense_gender_after(self, text: str, end: int) -> str | None:
        """The gender a verb in the past tense right after ``text[:end]`` gives its subject, "f" or
        "m", else None: Russian, Belarusian and Ukrainian agree it with the subject, -ла (-лась,
        -лася) of a woman, -л (-лся) and the Belarusian -ў of a man, after the vowel of the stem
        (Цапкала выехала is a woman; not a word that opens sentences: зноў, again)."""
        got = self.word_after(text, end, len(text))
        if got is None or got[2] or got[3]:
            return None
        w = got[1]
        if len(w) < 4 or not w.islower() or not is_cyrillic(w[0]) or w in self._sentence_words:
            return None
        if _FEMININE_PAST_RE.search(w):
            return "f"
        return "m" if _MASCULINE_PAST_RE.search(w) else None

    def generation_after(self, text: str, end: int) -> bool:
        """Whether a word that tells relatives of one name apart (``generations`` of
        ``titles.yaml``: Jr, младший, fils) stands right after ``text[:end]``, after a blank or
        joined by a hyphen (Лукашенко-младший, Loukachenko Jr)."""
        if end < len(text) and text[end] in _DASHES:
            m = _LETTERS_RE.match(text, end + 1)
            word = m.group() if m is not None else ""
        else:
            after = self.word_after(text, end, len(text))
            word = after[1] if after is not None and not after[2] else ""
        return bool(word) and (
            word.casefold() in self.tables.generations or word.casefold() + "." in self.tables.generations
        )

    def family_plural(self, text: str, s: int, e: int, spellings: Container[str]) -> bool:
        """Whether ``text[s:e]`` may be a surname or a place's name in the plural of a family: one
        word in Latin letters that is one of ``spellings`` (an entity's, in small letters) with -s
        or -es after it, right after a definite article that names a family so (``plural_articles`` of
        ``titles.yaml``: the Lukashenkos, the Slonims, die Lukaschenkos). The caller asks whether
        the word is a name as the tables write it (the Vilnius office)."""
        word = text[s:e]
        if not (word.isalpha() and word[-1] in "sS" and word.isascii()) or len(word) < 4:
            return False
        before = self.word_before(text, s, 0)
        if before is None or before[1].casefold() not in self.tables.plural_articles:
            return False
        bare = word.lower()[:-1]
        return bare in spellings or (bare.endswith("e") and bare[:-1] in spellings)

    def titled(self, text: str, start: int, nominative: bool = False) -> bool:
        """Whether a title stands just before ``start`` (President, г-н, міністра); with
        ``nominative``, one that is no case form of another title (министр, not министра)."""
        got = self.word_before(text, start, 0)
        if got is None:
            return False
        if got[1].casefold() in self.tables.title_initials and self._title_language(text, got[0]):
            return True  # M. in a French sentence (Monsieur)
        if self.parts.kind(got[1]) != TITLE:
            return False
        return not nominative or got[1].casefold().rstrip(".") not in self._oblique_titles()

    def _oblique_titles(self) -> frozenset[str]:
        """The titles that are a case form of another title by the inflection table's rows of
        words (президента, міністрам): made on first use."""
        if self._oblique is None:
            titles, tables = self.tables.titles, self.tables
            forms: set[str] = set()
            for la in ("ru", "be"):
                word_rows = [r for r in tables.inflection.get(la, []) if r.kind != "surname"]
                for rows in (tables.word_inflection.get(la, []), word_rows):
                    forms.update(f.lower() for t in titles for g in ("m", "f", "n") for f in inflect(t, rows, g))
            self._oblique = frozenset(forms & titles)
        return self._oblique

    def person_name_before(self, text: str, start: int, floor: int, info: Anchored) -> bool:
        """Whether the capitalised words just before ``start`` make a person's name with the word
        there: a given name or initials, with at most one more capitalised word between that is no
        word of the entity's name (Klothilde Walli Wagner, Emmanuel Arnaude Hamel, J. R. Wagner): the
        word is that person's last name, not an organisation or a place."""
        pos = start
        for _ in range(2):
            got = self.word_before(text, pos, floor)
            if got is None:
                return False
            at, w = got
            if not w[:1].isupper() or self.fits(w, info, info.org):
                return False
            kind = self.parts.kind(w)
            if kind in (GIVEN, INITIALS):
                return True
            if kind != NONE or sentence_start(text, at) or w.isupper():
                return False  # a title, or a capital that says nothing (Yesterday Wagner said)
            pos = at
        return False

    def latin_name_before(self, text: str, start: int, floor: int, info: Anchored) -> bool:
        """Whether a capitalised Latin word inside a sentence, just before an organisation's or a
        place's name, makes another proper name with it: a word that names nothing the tables hold,
        is no title and no word of a place's name or adjective (Dynamo Minsk, Hotel Minsk, Walli
        Wagner; not Russian Wagner, Belarusian Minsk)."""
        if not is_latin(text[start]):
            return False
        got = self.word_before(text, start, floor)
        if got is None:
            return False
        at, w = got
        if not (w[:1].isupper() and w.isalpha() and all(map(is_latin, w))) or w.isupper() or sentence_start(text, at):
            return False
        if w.casefold() in self._function_words or self.parts.kind(w) != NONE or self.fits(w, info, info.org):
            return False
        if self.word(w)[1] is not None or _title_case(text, at, start, self._is_name):
            return False  # a name the tables hold: its own anchor; or a headline's capitals
        k = self.key(w)
        places = self.index.by_key
        entries = self.index.entries
        return not any(entries[i].record.type == "place" for st in self._stems_of(k) for i in places.get(st) or ())

    def _is_name(self, word: str) -> bool:
        """Whether ``word`` is a word of a name: an anchor of the tables' names or a name part (a
        given name, a patronymic, initials, a title)."""
        return self.word(word)[1] is not None or self.parts.kind(word) != NONE

    def particle_before(self, text: str, start: int, floor: int, info: Anchored) -> int:
        """The start of a foreign surname's particle just before the anchor at ``start`` (Roan van
        Metz, de Gaulle), with the given names before it, else -1: the anchor is then a person's
        surname, whatever else it spells."""
        got = self.word_before(text, start, floor)
        if got is None or got[1] not in self._name_particles or self.fits(got[1], info, info.org):
            return -1
        s = got[0]
        prev = self.word_before(text, s, floor)
        if prev is not None and self.parts.kind(prev[1]) == GIVEN:
            s = prev[0]
        elif not info.person and (prev is None or not prev[1][:1].isupper()):
            return -1  # a preposition before a place or an organisation (do Mińska, de Minsk)
        return s

    def proper_name_after(self, text: str, end: int, ceil: int, info: Anchored) -> int:
        """The end of a capitalised Cyrillic word just after an organisation's name that is no word
        of it, no name part and no anchor (Народного фронта Азербайджана), else -1."""
        got = self.word_after(text, end, ceil)
        if got is None or not is_cyrillic(text[end - 1]):
            return -1
        w_end, w, comma, quoted = got
        if comma or quoted or not (w[:1].isupper() and is_cyrillic(w[0])) or w.isupper():
            return -1
        if self.parts.kind(w) != NONE or self.fits(w, info, info.org) or self.word(w)[1] is not None:
            return -1
        if w.casefold() in self._sentence_words:
            return -1  # a preposition or a conjunction in a title's capitals (Закон Рэспублікі Беларусь Аб …)
        return w_end

    # --- organisations and places --------------------------------------------------------------------

    def fits(self, word: str, info: Anchored, org: bool = False) -> bool:
        """Whether ``word`` beside an anchor belongs to the name: a given name, patronymic or
        initial of a person it anchors, a word of an organisation's or place's name. Remembered per
        word form with what the anchor names."""
        memo = info.fitting
        got = memo.get((word, org))
        if got is None:
            got = self._fits(word, info, org)
            remember(memo, (word, org), got, WORD_MEMO_SIZE)
        return got

    def _fits(self, word: str, info: Anchored, org: bool) -> bool:
        upper = word[0].isupper()
        if not upper:  # the cheapest test first: most words beside a name fail it
            if info.phrase and word.casefold() in self._function_words:
                k = self.key(word)  # of in Republic of Belarus
                return bool(k) and any(k in keys for keys in info.fit_sets)
            if not org:
                return False
        w = composed_word(word.rstrip("."))
        if not w or w.casefold() in self._titles:
            return False
        if upper:
            if _INITIALS_RE.fullmatch(word):
                return self._initial_fits(w[0], info)
            if len(w) == 1:
                return False  # a letter without its dot is a word (У Путина), not an initial
            k = self.key(w)
            if not k:
                return False
            if any(k in keys for keys in info.fit_sets) or w.lower() in info.case_forms:
                return True
            if not info.org:
                return False
        # organisation names hold words inflected in running text, in lower case or capitalised
        # (рабочие Минского завода колёсных тягачей, интервью «Нашей Ниве»): a case form the
        # index made of a name word (Центральной комиссии), or a word whose stem is a name word's
        if w.lower() in info.org_forms:
            return True
        stems = self._stems.get(w)
        if stems is None:
            k = self.key(w)
            stems = tuple(self._vocabulary.stems(k)) if k else ()
            if len(self._stems) < WORD_MEMO_SIZE:
                self._stems[w] = stems
        org_words = info.org_words
        return any(st in org_words for st in stems)

    def _initial_fits(self, letter: str, info: Anchored) -> bool:
        up = letter.upper()
        if up in info.initials:
            return True
        k = self.key(up)
        return bool(k) and "#" + k in info.initials

    def widen(self, text: str, a: Found, floor: int, ceil: int) -> tuple[int, int, int]:
        """The span of an organisation's or place's name around the anchor ``a``: the words before
        and after it that fit, never below ``floor`` or past ``ceil``; and how far the words that
        fit went (past the function words the span does not end with)."""
        start, end, info = a.start, a.end, a.info
        seen: set[str] = {a.key}
        function_words = self._function_words
        first = start  # the start of the first word that is not a function word (of, the)
        for _ in range(MAX_NAME_WORDS):
            got = self.word_before(text, start, floor)
            if got is None or _ends_sentence(got[1]) or not self.fits(got[1], info, info.org):
                break
            function = got[1].casefold() in function_words
            if not function and not self._new_word(got[1], seen):
                break
            start = got[0]
            if not function:
                first = start
        org = info.org
        named = end  # the end of the last word that is not a function word (of, the, по)
        for _ in range(MAX_EXTEND_ORG if org else MAX_NAME_WORDS):
            if end >= ceil:
                break
            nxt = self.word_after(text, end, ceil)
            if nxt is None:
                break
            w_end, word, comma, quoted = nxt
            if comma:
                break  # an organisation's or place's name holds no comma
            head, _, suffix = word.partition("-")
            if not quoted and suffix.islower():
                # a suffix joined by a hyphen stays outside the name, as after an anchor (Viasna-k,
                # Minsk-based)
                if self.fits(head, info, org) and self._new_word(head, seen):
                    end = named = w_end - len(word) + len(head)
                break
            if not self.fits(word, info, org):
                break
            function = word.casefold() in function_words
            if not function and not self._new_word(word, seen):
                break
            end = w_end
            if not function:
                named = end
            if quoted:
                break  # a name in quotes ends the name (Правозащитный центр «Вясна»)
        return first, named, end

    def org_span(self, text: str, anchors: list[Found], k: int, floor: int) -> tuple[int, int]:
        """The widest span of an organisation's or place's name from ``anchors[k]``: widened, and
        over the next anchors that are words of the same name (Правозащитный центр «Весна»,
        Национальный банк Республики Беларусь), as far as widening reaches."""
        a = anchors[k]
        info = a.info
        n = len(text)
        j = k + 1
        ceil = anchors[j].start if j < len(anchors) else n
        s, e, reached = self.widen(text, a, floor, ceil)
        while (
            j < len(anchors)
            and j - k <= MAX_EXTEND_ORG
            and _BLANKS_RE.fullmatch(text, reached, ceil)
            and (anchors[j].info is info or self.fits(text[ceil : anchors[j].end], info, info.org))
        ):
            j += 1
            ceil = anchors[j].start if j < len(anchors) else n
            s, e, reached = self.widen(text, a, floor, ceil)
        return s, e

    def shorter_parts(self, text: str, s: int, e: int, anchor_end: int) -> list[tuple[int, int]]:
        """The parts of a long organisation's name ``text[s:e]`` that end after its anchor at a
        word that is not a function word, the longest first (Центральная комиссия Республики
        Беларусь по выборам и …)."""
        out: list[tuple[int, int]] = []
        function_words = self._function_words
        cuts = [g.start() for g in _GAP_RE.finditer(text, anchor_end, e)]
        for cut in reversed(cuts):
            word = text[max(s, text.rfind(" ", s, cut) + 1) : cut]  # the word before the cut
            if word.casefold() not in function_words:
                out.append((s, cut))
        return out

    # --- proposals -----------------------------------------------------------------------------------

    def proposal(self, text: str, anchors: list[Found], k: int, floor: int) -> Proposal:
        """What to decide for ``anchors[k]`` (see :class:`Proposal`), nothing below ``floor``."""
        # the words beside this anchor, found once for its proposal and the checks of what it decides
        # (kept no longer: a long text would keep them all)
        self._line = _LineWords(text)
        a = anchors[k]
        info = a.info
        # a personal name runs over the next anchor when that is a part of it (JERMOSCHINA, Lidija:
        # Lidija also keys as a case form of the town of Lida)
        s, e, took = self.person_run(text, a.start, a.end, floor, len(text), info, a.key)
        if not took and self.parts.kind(text[a.start : a.end]) == GIVEN:
            # a given name followed by a capitalised word: a person (Lida Hernández, Vesna Kovač)
            after = self.word_after(text, a.end, len(text))
            if (
                after is not None
                and not after[2]
                and not after[3]
                and after[1][:1].isupper()
                and self.parts.kind(after[1]) in (NONE, PATRONYMIC, GIVEN)
            ):
                e, took = after[0], True
        if not took:
            before = self.proper_name_before(text, a.start, floor, info)
            if before < 0:
                before = self.particle_before(text, a.start, floor, info)
            if before >= 0:
                s, took = before, True
        if (took or info.person) and self.named_after(text, s, e):
            # a name of a person that names a thing: фонд Александра Лукашенко, Lukashenko Foundation
            if not info.phrase:
                return Proposal([], True)
            os, oe = self.org_span(text, anchors, k, floor)
            return Proposal([(os, oe)] if os < s or oe > e else [], True)
        if took:
            alts = [(s, e)]
            if info.phrase:  # an organisation's name that holds a person's (Kastuś Kalinoŭski Regiment)
                os, oe = self.org_span(text, anchors, k, floor)
                if os <= s and oe >= e and (os, oe) != (s, e):
                    alts.append((os, oe))
            return Proposal(alts, True)
        if not info.phrase:
            return Proposal([(a.start, a.end)], False)
        s, e = self.org_span(text, anchors, k, floor)
        if not info.person and (
            self.person_name_before(text, s, floor, info) or self.latin_name_before(text, s, floor, info)
        ):
            return Proposal([], True)  # the last name of a person or a thing (Dynamo Minsk, Hotel Minsk)
        other_end = self.proper_name_after(text, e, len(text), info) if info.org else -1
        if other_end >= 0:
            return Proposal([(s, other_end)], True)
        alts = [(s, e)]
        if e > a.end:
            alts.extend(self.shorter_parts(text, s, e, a.end))
        if s < a.start and e > a.end:  # the words before it may be another name's (Комитет …)
            alts.append((a.start, e))
            alts.extend(self.shorter_parts(text, a.start, e, a.end))
        if (s, e) != (a.start, a.end):
            alts.append((a.start, a.end))
        return Proposal(alts, False)
