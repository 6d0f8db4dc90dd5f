"""Names as people write them: tokens, initials, titles, possessives and the roles of the parts.

A mention goes through :func:`parse_mention` before it is matched: titles (President, г-н) and
an English possessive (Lukashenko's) are taken off, initials (S., Tikhanovskaya S.G.) are told
apart from whole words, and the order (surname first with a comma, ALL-CAPS surnames) is noted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from .text import APOSTROPHE, COMBINING_MARKS, is_cyrillic

# combining marks belong to the letter before them
_TOKEN_RE = re.compile(rf"[^\W_](?:[\w'.\-{COMBINING_MARKS}]*[^\W_])?[{COMBINING_MARKS}]*\.?", re.UNICODE)
_INITIALS_RE = re.compile(r"^(?:[^\W\d_]\.){1,3}[^\W\d_]?\.?$|^[^\W\d_]\.?$", re.UNICODE)
# the initials of a compound given name: J.-C. (Jean-Claude), Ж.-К.
_COMPOUND_INITIALS_RE = re.compile(r"^[^\W\d_]\.?-[^\W\d_]\.?$", re.UNICODE)
MAX_MENTION_CHARS = 300
MAX_TOKENS = 12


class Token:
    """One word of a mention: its text (without a trailing period), whether it is an initial and
    whether it is written in capitals."""

    __slots__ = ("caps", "initial", "text")

    def __init__(self, text: str, initial: bool = False, caps: bool = False) -> None:
        self.text = text
        self.initial = initial
        self.caps = caps

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Token):
            return NotImplemented
        return (self.text, self.initial, self.caps) == (other.text, other.initial, other.caps)

    def __hash__(self) -> int:
        return hash((self.text, self.initial, self.caps))

    def __repr__(self) -> str:
        return f"Token({self.text!r}, initial={self.initial}, caps={self.caps})"


class ParsedMention:
    """A mention split into tokens, with what was taken off it (made by :func:`parse_mention`,
    which also splits the tokens into words and initials). Plain classes, not named tuples: one
    of each is made for every mention resolved, and in a compiled build these are made and read
    in a few instructions where a named tuple takes a call into the interpreter."""

    __slots__ = ("initials", "possessive", "surname_first", "titles", "tokens", "words")

    def __init__(
        self,
        tokens: tuple[Token, ...],
        surname_first: bool,
        possessive: str,
        titles: tuple[str, ...],
        words: tuple[Token, ...],
        initials: tuple[Token, ...],
    ) -> None:
        self.tokens = tokens
        self.surname_first = surname_first
        self.possessive = possessive
        self.titles = titles
        self.words = words  # the tokens that are not initials
        self.initials = initials  # the tokens that are initials

    def __repr__(self) -> str:
        return (
            f"ParsedMention(tokens={self.tokens!r}, surname_first={self.surname_first}, "
            f"possessive={self.possessive!r}, titles={self.titles!r})"
        )


def _is_caps(word: str) -> bool:
    """ALL CAPS: at least two letters, every cased one upper case."""
    if len(word) < 2:
        return False
    o = ord(word[1])  # the common case, a capitalised word: its second letter is lower case
    if 0x61 <= o <= 0x7A or 0x430 <= o <= 0x45F:
        return False
    if not word.isupper():
        return False
    if word.isalpha():
        return True  # two letters or more, all of them capitals
    letters = 0
    for c in word:
        if c.isalpha():
            letters += 1
            if letters > 1:
                return True
    return False


MAX_ACRONYM_LETTERS = 8
LITERAL_ACRONYM_LETTERS = 2


def written_as_acronym(word: str) -> bool:
    """Whether a word is written as an acronym may be: two to eight letters, all capitals (МАЗ,
    NEXTA) or a capital after the first letter (BelTA, МАЗе, its case form in running text)."""
    w = word.rstrip(".")
    if not 2 <= len(w) <= MAX_ACRONYM_LETTERS or not w.isalpha():
        return False
    return w.isupper() or (w[0].isupper() and any(c.isupper() for c in w[1:]))


def acronym_forms(text: str) -> tuple[dict[str, str], frozenset[str]]:
    """The words of ``text`` (case-folded) that are acronyms, each with its letters (the word up to
    its last capital: МАЗ of МАЗе, its case form), and the words that may be acronyms. A word with
    a capital after its first letter is one (BelTA, МАЗе, BelAZu: small letters after the last
    capital are a case ending, but for a final Latin h, which makes one letter with the capital
    before it: BAZh is БАЖ); a word all in capitals may be one (МАЗ,
    NEXTA) or a name written in capitals (a sanctions list's OJSC AGAT). An acronym is read only
    from a word written as one: never made from a person's initials (K. S. B. is not КГБ)."""
    sure: dict[str, str] = {}
    maybe: set[str] = set()
    for w in split_tokens(text):
        if written_as_acronym(w):
            w = w.rstrip(".")
            if w.isupper():
                maybe.add(w.casefold())
            else:
                last = max(i for i, c in enumerate(w) if c.isupper())
                # a final h after a Latin capital makes one letter with it (Zh of BAZh is Ж)
                tail = w[last + 1 :]
                sure[w.casefold()] = w if tail == "h" and w.isascii() else w[: last + 1]
    return sure, frozenset(maybe)


def acronym_key(word: str, key: str) -> str:
    """The key an acronym is matched by: ``#`` and ``key``, the key of its letters read one by one
    (:meth:`~normalize.wordforms.WordForms.acronym_keys`: МЗКТ and MZKT give #MYKT; МТС is not МТЗ,
    though ТС and ТЗ both read as ц), or for one of two letters ``#=`` and its letters, which a key
    would fold (РФ #=RF, ЕС #=ES, US #=US)."""
    if len(word) <= LITERAL_ACRONYM_LETTERS:
        from unidecode import unidecode

        return "#=" + unidecode(word).upper()
    return "#" + key


def split_tokens(text: str) -> list[str]:
    """The word-like pieces of ``text``; dots and hyphens inside a piece are kept (Tut.by)."""
    parts = text.split()
    if "".join(parts).isalpha():
        return parts  # the common case: words of letters only, which are the pieces themselves
    # the next most common: words of letters, one with a comma after it (SURNAME, Given) or an
    # initial with its dot (S. Surname); the pieces are the words without the comma
    pieces: list[str] = []
    for p in parts:
        if p.endswith(","):
            p = p[:-1]
        if p.isalpha() or (len(p) > 1 and p.endswith(".") and p[:-1].isalpha()):
            pieces.append(p)
        else:
            return _TOKEN_RE.findall(text)
    return pieces


def strip_possessive(word: str, suffixes: Iterable[str]) -> tuple[str, str]:
    """``Lukashenko's`` → (``Lukashenko``, ``'s``); the Turkish case suffixes too (``Rusya'dan``).
    Only Latin words take them (see :func:`possessive_fits`)."""
    if not word or is_cyrillic(word[0]) or ("'" not in word and "’" not in word):
        return word, ""  # (most words: no apostrophe, no suffix to try)
    low = word.lower()
    for suf in suffixes:
        if possessive_fits(low, suf):
            return word[: -len(suf)], word[-len(suf) :]
    return word, ""


_VOWELS = frozenset("aeıioöuüy")


def possessive_fits(low: str, suffix: str) -> bool:
    """Whether the word ``low`` (in small letters) ends with ``suffix`` after a stem of two letters or
    more; a suffix after an apostrophe that begins with y, Turkish's buffer letter, only after a
    vowel (Ukrayna'ya; not the soft sign of Dar'ya)."""
    if not low.endswith(suffix) or len(low) <= len(suffix) + 1:
        return False
    return suffix[1:2] != "y" or low[-len(suffix) - 1] in _VOWELS


def parse_mention(text: str, titles: frozenset[str], possessives: Iterable[str]) -> ParsedMention:
    """Split a (normalized) mention into tokens; drop titles and a final possessive."""
    surname_first = "," in text
    raw = split_tokens(text)
    # titles: leading words only (President Lukashenko, г-н Лукашенко, Mr. Lukashenko)
    taken: list[str] = []
    while len(raw) > 1 and raw[0].rstrip(".").casefold() in titles:
        taken.append(raw.pop(0))
    possessive = ""
    if raw:
        word, possessive = strip_possessive(raw[-1], possessives)
        raw[-1] = word
    tokens: list[Token] = []
    for w in raw[: MAX_TOKENS * 2]:
        if len(w) <= 5 and "-" in w and _COMPOUND_INITIALS_RE.match(w):
            tokens.append(Token(w[0] + "-" + w.rstrip(".")[-1], True, False))  # one given name's
            continue
        if len(w) <= 8 and (len(w) == 1 or "." in w) and _INITIALS_RE.match(w):
            for letter in w.replace(".", ""):
                tokens.append(Token(letter, True, False))
            continue
        w = w.rstrip(".")
        if w.endswith(APOSTROPHE):
            w = w.rstrip(APOSTROPHE)
        if w:
            tokens.append(Token(w, False, _is_caps(w)))
    kept = tuple(tokens[:MAX_TOKENS])
    words = tuple(t for t in kept if not t.initial)
    initials = () if len(words) == len(kept) else tuple(t for t in kept if t.initial)
    return ParsedMention(kept, surname_first, possessive, tuple(taken), words, initials)


def person_roles(words: list[str]) -> tuple[list[str], list[str], str | None]:
    """(given names, patronymics, surname) of a person's name as written in a table.

    Tables write given name, patronymic, surname. ``SURNAME, Given`` (a comma) and a single
    ALL-CAPS word among others also mark the surname.
    """
    if not words:
        return [], [], None
    caps = [i for i, w in enumerate(words) if _is_caps(w)]
    if len(words) > 1 and len(caps) == 1:
        s = caps[0]
        rest = words[:s] + words[s + 1 :]
        return rest[:1], rest[1:], words[s]
    if len(words) == 1:
        return [], [], words[0]
    return words[:1], words[1:-1], words[-1]


def person_roles_of(name: str) -> tuple[list[str], list[str], str | None]:
    """Like :func:`person_roles` on a whole name string, honouring ``SURNAME, Given Patronymic``.

    A single ALL-CAPS word marks the surname even where a comma stands elsewhere
    (``Siarhei Piatrovich, RUBNIKOVICH``)."""
    words = split_tokens(name)
    if len(words) > 1 and sum(1 for w in words if _is_caps(w)) == 1:
        return person_roles(words)
    if "," in name:
        head, _, tail = name.partition(",")
        sur = split_tokens(head)
        rest = split_tokens(tail)
        if sur and rest:
            return rest[:1], rest[1:], " ".join(sur)
    return person_roles(words)


def alternatives(
    mention: str,
    is_given: Callable[[str], bool] | None = None,
    h_stays: Callable[[str], bool] | None = None,
) -> list[str]:
    """The names a mention may hold, each to be matched on its own (the best counts):

    - ``Sergei Petrovich ARTEMENKO / ARTIOMENKO`` → both full names; ``A / B`` → A and B (a
      shorter part after a slash replaces the same number of words at the end of the first part);
    - ``Ivan PETROV, Iwan PIETROW``: two names of two words or more with a comma between (one word
      before the comma is a surname first: ``PETROV, Ivan``);
    - ``ИванПетрович ПЕТРОВ``: a given name glued to the next word, when ``is_given`` says the
      first part is a given name;
    - ``Hrenin``: a Latin ``h`` that is no part of kh, ch, sh, zh, gh, ph or th, read as х (Serbian,
      Croatian, Czech-Slovak and Turkish writing of Хренин, Харків) as well as г (Hrodna), except
      in the words where ``h_stays`` says it is г only (Belarusian Latin: Kalinoŭskaha)."""
    out: list[str] = []
    for part in _slash_parts(mention):
        pieces = [p.strip() for p in part.split(",")]
        if len(pieces) > 1 and all(len(split_tokens(p)) >= 2 for p in pieces):
            out.extend(pieces)
        else:
            out.append(part)
    if is_given is not None:
        out = [_unglued(alt, is_given) for alt in out]
    for alt in list(out):
        if ("h" in alt or "H" in alt) and _LONE_H_RE.search(alt):
            if h_stays is None:
                kh = _LONE_H_RE.sub(_as_kh, alt)
            else:
                kh = _WORD_RE.sub(lambda w: w.group() if h_stays(w.group()) else _LONE_H_RE.sub(_as_kh, w.group()), alt)
            if kh not in out:
                out.append(kh)
    return out


_WORD_RE = re.compile(r"[^\s,/]+")  # a word of an alternative, for its h
_GLUED_RE = re.compile(r"(?<=[^\W\d_])(?=[^\W\d_])")
_LONE_H_RE = re.compile(r"(?<![cgkpstzCGKPSTZ\w])[hH]|(?<=[^\W\d_cgkpstzCGKPSTZ])[hH]")


def _as_kh(m: re.Match[str]) -> str:
    if not m.string[max(0, m.start() - 1) : m.end() + 1].isascii():
        return m.group()
    if m.group() == "h":
        return "kh"
    following = m.string[m.end() : m.end() + 1]
    return "KH" if following.isupper() else "Kh"


def _unglued(text: str, is_given: Callable[[str], bool]) -> str:
    """``text`` with each word of two capitalised parts whose first part is a given name split in
    two (ИванПетрович → Иван Петрович)."""
    words = text.split(" ")
    for i, w in enumerate(words):
        if not w[:1].isupper() or w.istitle() or w.isupper():
            continue  # (no capital after a small letter in it: most words)
        for k in range(2, len(w) - 1):
            if w[k].isupper() and w[k - 1].islower() and w[0].isupper() and w[k + 1].islower():
                if is_given(w[:k]):
                    words[i] = w[:k] + " " + w[k:]
                break
    return " ".join(words)


def _slash_parts(mention: str) -> list[str]:
    if "/" not in mention:
        return [mention]
    parts = [p.strip() for p in mention.split("/") if p.strip()]
    if len(parts) < 2:
        return parts or [mention]
    first = split_tokens(parts[0])
    out = [parts[0]]
    for p in parts[1:]:
        words = split_tokens(p)
        if 0 < len(words) < len(first):
            out.append(" ".join(first[: len(first) - len(words)] + words))
        else:
            out.append(p)
    return out
