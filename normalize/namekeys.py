"""What a phonetic key tells of a name by itself: the gender its ending shows (a surname's
-SKA/-SKI, a patronymic's -VNA/-VIC and their case forms), whether it is short (weak evidence), and
the keys one symbol shorter (for near spellings)."""

from __future__ import annotations

PATRONYMIC_SUFFIXES = ("INICNA", "ICNA", "AVIC", "EVIC", "AVNA", "EVNA", "IC")

MIN_FUZZY_KEY = 5

FEMALE_ENDINGS = ("SKA", "ZKA", "AVA", "EVA", "INA")

MALE_ENDINGS = ("SKI", "ZKI", "AV", "EV", "IN")


def key_gender(key: str) -> str | None:
    """The gender a surname's key shows by its ending (-skaya/-ova → f, -sky/-ov → m), else None."""
    if key.endswith(FEMALE_ENDINGS):
        return "f"
    if key.endswith(MALE_ENDINGS):
        return "m"
    return None


# The keys of a patronymic's case forms end so, by the end of the nominative's key: -ич, -іч
# (Григорьевича, Григорьевичем, Рыгоравічам → …ICA, …ICAM) and -на (Григорьевны, Рыгораўнай →
# …NI, …NAI). The tests check them against the keys of the case forms the inflection table makes.
PATRONYMIC_CASE_KEYS = {"IC": ("ICA", "ICU", "ICAM", "ICI"), "NA": ("NI", "NE", "NU", "NAI", "NAU")}

_MALE_PATRONYMIC_ENDS = ("VIC", *("V" + e for e in PATRONYMIC_CASE_KEYS["IC"]))

_FEMALE_PATRONYMIC_ENDS = tuple(stem + e for stem in ("V", "IC") for e in ("NA", *PATRONYMIC_CASE_KEYS["NA"]))

_PATRONYMIC_TAILS = frozenset(e[-2:] for e in (*_MALE_PATRONYMIC_ENDS, *_FEMALE_PATRONYMIC_ENDS))

_PATRONYMIC_GENDERS: dict[str, str] = {}  # key -> "f", "m" or "" (no patronymic's), for the keys that pass the tails

PATRONYMIC_MEMO_SIZE = 100_000


def patronymic_gender(key: str) -> str | None:
    """The gender of a patronymic's key (…VNA, …ICNA and their case forms → f; …VIC → m), None for
    a key that is no patronymic's."""
    if len(key) < 6 or key[-2:] not in _PATRONYMIC_TAILS:  # most keys: one slice, one lookup
        return None
    got = _PATRONYMIC_GENDERS.get(key)
    if got is None:
        got = "f" if key.endswith(_FEMALE_PATRONYMIC_ENDS) else "m" if key.endswith(_MALE_PATRONYMIC_ENDS) else ""
        if len(_PATRONYMIC_GENDERS) >= PATRONYMIC_MEMO_SIZE:
            _PATRONYMIC_GENDERS.clear()
        _PATRONYMIC_GENDERS[key] = got
    return got or None


def patronymic_case_keys(key: str) -> list[str]:
    """The keys of the case forms of a patronymic whose nominative has ``key``."""
    for end, forms in PATRONYMIC_CASE_KEYS.items():
        if key.endswith(end):
            stem = key[: -len(end)]
            return [stem + f for f in forms]
    return []


SHORT_KEY = 4
"""Keys of up to this many symbols are weak evidence: many unrelated words share them (Rose and
Расія, Mass and МАЗ, Kari and Korj): a mention word of such a key names an entity only when it is
spelled as one of the spellings the index made (``EntityEntry.short_spellings``)."""

CYRILLIC_CAPITALS = "#Cyrl"
"""Marks the keys of a word a table writes in Cyrillic capitals (ЦИК, БАЖ, МАЗ): a Cyrillic word of
running text is that word only when written in capitals too, or as its case form (ЦИКа), never
when written as an ordinary word (Цікава, Боже)."""


LATIN_CAPITALS = "#Latn"
"""Marks the keys of an acronym in Latin letters (BAJ, MZKT, the English acronym a name's words make):
a Cyrillic acronym of running text meets an entity named in Cyrillic through its Cyrillic acronyms
only (БАЙ is not BAJ, whose Cyrillic acronym is БАЖ)."""


def is_cyrillic_word(word: str) -> bool:
    """Whether ``word`` begins with a Cyrillic letter."""
    return bool(word) and "\u0400" <= word[0] <= "\u052f"


def deletions(key: str) -> set[str]:
    """Keys one symbol shorter (for lookups of near spellings)."""
    return {key[:i] + key[i + 1 :] for i in range(len(key))}
