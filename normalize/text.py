"""Input normalization: the first step every mention and every text goes through.

* Unicode NFC (е + U+0308 becomes ё),
* invisible characters removed (zero-width spaces and joiners, bidi controls, soft hyphen, BOM),
* apostrophe variants (’ ʼ ‘ ` ´ ʹ ′) folded to ``'``,
* look-alike letters repaired: a Latin ``i`` inside a Cyrillic word (``Вiктар``, as official lists
  print it) becomes ``і``, a Cyrillic ``е`` inside a Latin word becomes ``e``.

:func:`normalize_mapped` does the same and also returns, for every output character, the offset of
the input character it came from, so that spans found in normalized text can be mapped back.
"""

from __future__ import annotations

import re
import unicodedata

# Invisible format characters that never carry meaning inside a name.
INVISIBLE = frozenset(
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)

APOSTROPHES = frozenset("'\u2019\u02bc\u2018`\u00b4\u02b9\u2032\u02bb")
APOSTROPHE = "'"

# Latin letters that look like Cyrillic ones (as typed in official lists), and back.
LATIN_TO_CYRILLIC = {
    "a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "i": "і", "k": "к",
    "\u0138": "к", "ë": "ё", "ï": "ї", "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "I": "І",
    "K": "К", "M": "М", "O": "О", "P": "Р", "T": "Т", "X": "Х", "Y": "У", "Ë": "Ё",
}  # fmt: skip
CYRILLIC_TO_LATIN = {
    "а": "a", "с": "c", "е": "e", "о": "o", "р": "p", "х": "x", "у": "y", "і": "i", "к": "k",
    "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "І": "I", "К": "K", "М": "M", "О": "O",
    "Р": "P", "Т": "T", "Х": "X", "У": "Y", "ј": "j", "Ј": "J", "ѕ": "s", "Ѕ": "S",
}  # fmt: skip

RU_ONLY = frozenset("иъщ")
BE_ONLY = frozenset("іў")


def is_cyrillic(ch: str) -> bool:
    """True for a Cyrillic letter (basic block and supplement)."""
    return "\u0400" <= ch <= "\u052f"


_UKRAINIAN_ENDING_LETTERS = frozenset("іїєІЇЄ")


def may_be_ukrainian_form(word: str) -> bool:
    """Whether ``word`` may be a Ukrainian case form: Cyrillic, with a letter the Ukrainian case
    endings are written with (і, ї, є: Лукашенкові, Колесніковій, у Бресті, у Києві)."""
    return bool(word) and is_cyrillic(word[0]) and not _UKRAINIAN_ENDING_LETTERS.isdisjoint(word)


def is_latin(ch: str) -> bool:
    """True for a Latin letter, with or without diacritics."""
    if ch.isascii():
        return ch.isalpha()
    return ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN")


def latin_letters(word: str) -> bool:
    """Whether ``word`` is of Latin letters (with ' and -) only, and not empty."""
    return bool(word) and all((c.isalpha() and is_latin(c)) or c in "'-" for c in word)


def cyrillic_letters(word: str) -> bool:
    """Whether ``word`` is of Cyrillic characters (with ' and -) only, in lower case, and not
    empty."""
    return bool(word) and all(is_cyrillic(c) or c in "'-" for c in word.lower())


def is_word_char(ch: str) -> bool:
    """Letters, digits and combining marks make up words."""
    return ch.isalnum() or unicodedata.category(ch) in ("Mn", "Mc")


def _fix_word(chars: list[str]) -> None:
    """Repair look-alike letters in one word, in place."""
    cyr = sum(1 for c in chars if is_cyrillic(c))
    if not cyr:
        return
    lat = [i for i, c in enumerate(chars) if is_latin(c)]
    if not lat:
        return
    if all(chars[i] in LATIN_TO_CYRILLIC for i in lat) and (cyr >= len(lat) or cyr >= 2):
        for i in lat:
            chars[i] = LATIN_TO_CYRILLIC[chars[i]]
        return
    cyr_idx = [i for i, c in enumerate(chars) if is_cyrillic(c)]
    if all(chars[i] in CYRILLIC_TO_LATIN for i in cyr_idx):
        for i in cyr_idx:
            chars[i] = CYRILLIC_TO_LATIN[chars[i]]


def normalize_mapped(text: str) -> tuple[str, list[int]]:
    """Normalize ``text``; also return ``offsets`` with ``len(result) + 1`` entries.

    ``offsets[i]`` is the index in ``text`` of the character that produced ``result[i]``;
    the last entry is ``len(text)``. A span ``result[a:b]`` therefore came from
    ``text[offsets[a]:offsets[b]]`` (for ``b`` at a cluster boundary).
    """
    out: list[str] = []
    offs: list[int] = []
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if ch in INVISIBLE:
            i += 1
            continue
        if 0xD800 <= ord(ch) <= 0xDFFF:  # lone surrogate (from surrogateescape): not text
            out.append("\ufffd")
            offs.append(i)
            i += 1
            continue
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        if ch in APOSTROPHES:
            out.append(APOSTROPHE)
            offs.append(i)
            for k in range(i + 1, j):
                out.append(text[k])
                offs.append(k)
            i = j
            continue
        cluster = text[i:j] if j - i > 1 else ch
        if j - i > 1 or not ch.isascii():
            cluster = unicodedata.normalize("NFC", cluster)
        for c in cluster:
            out.append(c)
            offs.append(i)
        i = j
    offs.append(n)
    # repair look-alikes word by word
    start = -1
    for k in range(len(out) + 1):
        inside = k < len(out) and (
            is_word_char(out[k])
            or (out[k] == APOSTROPHE and 0 < k < len(out) - 1 and out[k - 1].isalpha() and out[k + 1].isalpha())
        )
        if inside and start < 0:
            start = k
        elif not inside and start >= 0:
            if k - start > 1:
                word = out[start:k]
                _fix_word(word)
                out[start:k] = word
            start = -1
    return "".join(out), offs


_FOLDS = INVISIBLE | (APOSTROPHES - {APOSTROPHE})
_FOLDED_RE = re.compile("[" + re.escape("".join(sorted(_FOLDS))) + "]")
"""A character that normalizing changes: an invisible one (dropped), an apostrophe other than ' (made ')."""


def _folded_char(m: re.Match[str]) -> str:
    return APOSTROPHE if m.group() in APOSTROPHES else ""


SURROGATE_RE = re.compile(f"[{chr(0xD800)}-{chr(0xDFFF)}]")
"""A lone surrogate: only a ``str`` built in Python holds one, never decoded text. (Written with
``chr``: a compiled module can hold no lone surrogate in a literal.)"""
_CYR_RE = re.compile("[\u0400-\u052f]")
LATIN_RE = re.compile("[A-Za-z\u00c0-\u024f]")
"""A Latin letter, as the repair of look-alike letters inside Cyrillic words tells them."""
COMBINING_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
"""The blocks of combining marks, as ranges for a regex character class: a mark belongs to the
letter before it (ALA-LC's tie in T͡sikhanoŭskai͡a, a stress mark in Лукаше́нко)."""
_WORD_RE = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
# a word (as _WORD_RE cuts them) with a Cyrillic and a Latin letter in it
_IN_WORD = r"(?:[^\W_]|'(?=[^\W_]))*?"
_MIXED_WORD_RE = re.compile(
    f"[\u0400-\u052f]{_IN_WORD}[A-Za-z\u00c0-\u024f]|[A-Za-z\u00c0-\u024f]{_IN_WORD}[\u0400-\u052f]"
)


def is_plain(text: str) -> bool:
    """Whether normalizing leaves the (composed) ``text`` as it is: no lone surrogate, nothing
    folded, no word with letters of both alphabets. One pass over the code points (a word here
    runs over letters, digits and apostrophes: never shorter than the words the repair reads);
    ``ord(text[i])`` makes no one-letter string, which ``for c in text`` does in a compiled build."""
    cyr = lat = False
    for i in range(len(text)):
        o = ord(text[i])
        if 0x400 <= o <= 0x52F:  # is_cyrillic
            if lat:
                return False
            cyr = True
        elif 0x61 <= o <= 0x7A or 0x41 <= o <= 0x5A or 0xC0 <= o <= 0x24F:  # LATIN_RE's letters
            if cyr:
                return False
            lat = True
        elif o == 0x20:
            cyr = lat = False
        elif o < 0x80:  # ASCII, not a letter: ` is folded; a word ends but at ' or a digit
            if o == 0x60:
                return False
            if o != 0x27 and not 0x30 <= o <= 0x39:
                cyr = lat = False
        elif 0xD800 <= o <= 0xDFFF or text[i] in _FOLDS:
            return False
        elif not text[i].isalnum():
            cyr = lat = False
    return True


# the non-syllabic у (ў, Łacinka ŭ) that Belarusian writes at the start of a word after a word that
# ends in a vowel (ва Ўкраіне, з Ўладзімерам): the same у as the name's own spellings hold (Правілы
# беларускай арфаграфіі і пунктуацыі, 2008, § 16); the phonetic table's `word_start` reads it so too
_WORD_START_U = {"ў": "у", "Ў": "У", "ŭ": "u", "Ŭ": "U"}
_WORD_START_U_RE = re.compile("(?<![^\\W\\d_])[ўЎŭŬ]")


def _as_u(m: re.Match[str]) -> str:
    return _WORD_START_U[m.group()]


def normalize_text(text: str) -> str:
    """Return ``text`` in the form every other step expects (NFC, no invisibles, one apostrophe,
    look-alike letters repaired, a word's first ў read as у). Runs in time linear in the length of
    the text."""
    if text.isascii():
        return text.replace("`", APOSTROPHE) if "`" in text else text
    composed = unicodedata.normalize("NFC", text)
    if any(c in composed for c in _WORD_START_U):
        composed = _WORD_START_U_RE.sub(_as_u, composed)
    if is_plain(composed):  # the common case: nothing to fold, no word of two alphabets
        return composed
    # composed again only with its lone surrogates replaced
    text = unicodedata.normalize("NFC", SURROGATE_RE.sub("\ufffd", text)) if SURROGATE_RE.search(text) else composed
    text = _FOLDED_RE.sub(_folded_char, text)  # (not translate(): it looks up every character)
    if not _MIXED_WORD_RE.search(text):
        return text  # no word holds letters of both alphabets
    parts: list[str] = []
    pos = 0
    for m in _WORD_RE.finditer(text):
        w = m.group()
        if _CYR_RE.search(w) and LATIN_RE.search(w):
            chars = list(w)
            _fix_word(chars)
            parts.append(text[pos : m.start()])
            parts.append("".join(chars))
            pos = m.end()
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)


def detect_language(word: str) -> str | None:
    """``"be"`` or ``"ru"`` when the letters of a Cyrillic word or text tell, else None.

    Belarusian has і, ў and the apostrophe between letters; Russian has и, щ and ъ.
    """
    low = word.lower()
    if "i" in low:  # Latin i written for і inside Cyrillic words (Рэспублiканскае)
        low = normalize_text(low)
    be = sum(1 for c in low if c in BE_ONLY)
    ru = sum(1 for c in low if c in RU_ONLY)
    if "'" in low:
        for k in range(1, len(low) - 1):
            if low[k] == "'" and is_cyrillic(low[k - 1]) and is_cyrillic(low[k + 1]):
                be += 1
    if be > ru:
        return "be"
    if ru > be:
        return "ru"
    return None


def script_of(text: str) -> str:
    """``"Cyrl"``, ``"Latn"``, ``"mixed"`` or ``"none"``: which alphabet the letters of ``text`` use."""
    cyr = lat = 0
    for c in text:
        if is_cyrillic(c):
            cyr += 1
        elif c.isalpha() and is_latin(c):
            lat += 1
    if cyr and lat:
        return "mixed"
    if cyr:
        return "Cyrl"
    if lat:
        return "Latn"
    return "none"
