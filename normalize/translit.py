"""The transliteration API: :func:`transliterate` and :func:`list_schemes`."""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

from unidecode import unidecode

from .errors import UnknownSchemeError
from .schemes import Scheme, SchemeSet, split_words
from .tables import Tables, load_tables
from .text import detect_language, is_latin, normalize_text


@functools.lru_cache(maxsize=1)
def default_tables() -> Tables:
    """The bundled tables without entities (loaded once)."""
    return load_tables(entities=False)


@dataclass(frozen=True)
class SchemeInfo:
    """What :func:`list_schemes` reports about a scheme."""

    id: str
    name: str
    language: str
    source: str
    samples: int


def list_schemes(schemes: SchemeSet | None = None) -> list[SchemeInfo]:
    """Every loaded scheme: id, name, language, source and how many samples it checks."""
    ss = schemes if schemes is not None else default_tables().schemes
    return [SchemeInfo(s.id, s.name, s.language, s.source.strip(), len(s.samples)) for s in ss]


def resolve_scheme(schemes: SchemeSet, scheme: str, language: str | None) -> tuple[Scheme | None, dict[str, Scheme]]:
    """A scheme id names one scheme; a family name (``icao``) names one per language."""
    if scheme in schemes:
        return schemes[scheme], {}
    fam = schemes.family(scheme)
    if fam:
        if language is not None and language in fam:
            return fam[language], {}
        return None, fam
    known = ", ".join(sorted(schemes.ids()))
    raise UnknownSchemeError(f"unknown scheme {scheme!r}; known schemes: {known}")


UKRAINIAN_LETTERS = frozenset("єїґЄЇҐ")
_PACKS = (
    ("el", "\u0370", "\u03ff"),
    ("ka", "\u10a0", "\u10ff"),
    ("ka", "\u1c90", "\u1cbf"),
    ("hy", "\u0530", "\u058f"),
)


def ukrainian_word(word: str) -> str | None:
    """A Ukrainian spelling (є ї ґ) romanized by the ``transliterate`` package's Ukrainian pack."""
    if not any(c in UKRAINIAN_LETTERS for c in word):
        return None
    from transliterate import translit

    return str(translit(word, "uk", reversed=True))


def _pack_for(ch: str) -> str | None:
    for code, lo, hi in _PACKS:
        if lo <= ch <= hi:
            return code
    return None


def _keep(ch: str) -> bool:
    """Latin letters, modifier letters (ʹ ʺ ʼ of the schemes), digits, marks, punctuation, spaces."""
    return (
        ch.isascii()
        or is_latin(ch)
        or "\u02b0" <= ch <= "\u02ff"
        or (not ch.isalpha() and unicodedata.category(ch)[0] in "PZSMN")
    )


def fold_leftovers(text: str) -> str:
    """Romanize characters of scripts no table covers: Greek, Georgian and Armenian with the
    ``transliterate`` package's language packs, anything else with ``unidecode``.

    Latin letters (with their diacritics), digits, spaces and punctuation are kept as they are.
    """
    if text.isascii():
        return text
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if _keep(ch):
            out.append(ch)
            i += 1
            continue
        code = _pack_for(ch)
        if code is None:
            out.append(unidecode(ch))
            i += 1
            continue
        j = i + 1
        while j < n and (_pack_for(text[j]) == code or unicodedata.combining(text[j])):
            j += 1
        from transliterate import translit

        out.append(unidecode(str(translit(text[i:j], code, reversed=True))))
        i = j
    return "".join(out)


def transliterate(
    text: str,
    scheme: str = "ru-bgn-pcgn",
    *,
    language: str | None = None,
    schemes: SchemeSet | None = None,
) -> str:
    """Romanize the Cyrillic in ``text`` with ``scheme``; everything else is kept.

    ``scheme`` is a scheme id (``ru-icao``, ``be-lacinka``; see :func:`list_schemes`) or a family
    that exists for both languages (``icao``, ``bgn-pcgn``, ``ala-lc``): then each word is romanized
    by the Russian or the Belarusian member, as its letters tell (і ў ' → Belarusian; и щ ъ →
    Russian); ``language`` ("ru" or "be") forces the choice, and words that do not tell follow the
    text as a whole (Russian when that does not tell either). Characters of scripts no table covers
    are folded with ``unidecode``. Raises :class:`~normalize.errors.UnknownSchemeError`.
    """
    ss = schemes if schemes is not None else default_tables().schemes
    if language is not None and language not in ("ru", "be"):
        raise UnknownSchemeError(f"unknown language {language!r}; use 'ru' or 'be'")
    text = normalize_text(text)
    one, family = resolve_scheme(ss, scheme, language)
    if one is not None:
        return fold_leftovers("".join((ukrainian_word(t) or one.word(t)) if c else t for t, c in split_words(text)))
    whole = language or detect_language(text) or "ru"
    if whole not in family:
        whole = next(iter(family))
    out: list[str] = []
    for tok, cyr in split_words(text):
        if not cyr:
            out.append(tok)
            continue
        lang = language or detect_language(tok) or whole
        out.append(ukrainian_word(tok) or family.get(lang, family[whole]).word(tok))
    return fold_leftovers("".join(out))
