"""What the rewrite pass writes in place of a mention.

Three modes: ``replace`` writes the canonical form; ``annotate`` leaves the text as it is;
``canonical-script`` writes, for a mention in Cyrillic, the entity's Cyrillic name from the tables
in the mention's language (a Latin mention gets the canonical form), **in the grammatical case of
the mention** where the tables can inflect the name: у Польшчы stays у Польшчы, з Лукашэнкам
becomes з Аляксандрам Рыгоравічам Лукашэнкам, not a nominative in an instrumental slot. The case
is the one the mention's own words tell (:mod:`normalize.cases`); where they do not tell, or the
tables cannot inflect the name, the nominative is written and the mention record says so.
"""

from __future__ import annotations

from typing import Literal

from rapidfuzz.distance import Levenshtein

from .cases import inflect_name, mention_case
from .index import EntityEntry
from .memo import remember
from .names import split_tokens
from .tables import Tables
from .text import detect_language, script_of

Mode = Literal["replace", "annotate", "canonical-script"]
MODES: tuple[str, ...] = ("replace", "annotate", "canonical-script")
MEMO_SIZE = 100_000  # (surface, entity, language) → what is written, remembered


class Written:
    """What is written for one mention: the ``text``; for a Cyrillic mention in canonical-script
    mode, the grammatical ``case`` of the mention where its words tell it and whether the name was
    ``inflected`` into that case (False: the nominative was written; None: not such a mention)."""

    __slots__ = ("case", "inflected", "text")

    def __init__(self, text: str, case: str | None = None, inflected: bool | None = None) -> None:
        self.text = text
        self.case = case
        self.inflected = inflected


class Replacer:
    """Writes the replacement of a mention by mode (see the module's notes); keeps what it wrote
    for each Cyrillic surface, entity and language."""

    def __init__(self, tables: Tables, keep_case: bool = False) -> None:
        self.tables = tables
        self.keep_case = keep_case
        self._titles = tables.titles
        self._memo: dict[tuple[str, str, str | None], Written] = {}

    def write(self, surface: str, entry: EntityEntry, mode: Mode, language: str | None = None) -> Written:
        """What ``mode`` writes for ``surface``, a mention of ``entry``; ``language`` is the
        language of the text around it ("ru", "be" or None), which a mention's own letters often
        do not tell (Лукашэнкам, Гродна)."""
        if mode == "annotate":
            return Written(surface)
        canonical = entry.record.canonical
        out = Written(canonical)
        if mode == "canonical-script" and script_of(surface) == "Cyrl":
            out = self._cyrillic(surface, entry, detect_language(surface) or language)
        if self.keep_case and surface.isupper() and len(surface) > 1:
            out = Written(out.text.upper(), out.case, out.inflected)
        return out

    def _cyrillic(self, surface: str, entry: EntityEntry, language: str | None) -> Written:
        key = (surface, entry.record.id, language)
        got = self._memo.get(key)
        if got is None:
            got = remember(self._memo, key, self._inflected(surface, entry, language), MEMO_SIZE)
        return got

    def _inflected(self, surface: str, entry: EntityEntry, language: str | None) -> Written:
        rec = entry.record
        target = _closest_name(surface, rec.names, language)
        if target is None:
            return Written(rec.canonical, None, False)
        lang = detect_language(target) or language
        words = [w for w in split_tokens(surface) if w.rstrip(".").casefold() not in self._titles]
        gender = rec.gender or entry.gender
        case = mention_case(words, rec.names, lang, gender, self.tables, kind=rec.type, target=target)
        if case is None or case == "nom":
            return Written(target, case, case == "nom")
        inflected = inflect_name(target, lang, gender, case, self.tables, kind=rec.type)
        if inflected is None:
            return Written(target, case, False)
        return Written(inflected, case, True)


def _closest_name(surface: str, names: tuple[str, ...], language: str | None) -> str | None:
    """The Cyrillic name of the tables to write for ``surface``: of those in ``language`` (or whose
    letters do not tell), the one whose words are written most like the mention's (Гродно for
    Гродно in a Russian text, though the Belarusian Гродна comes first; Лукашэнка for
    Лукашэнкам); None when the entity has no Cyrillic name."""
    cyrillic = [n for n in names if script_of(n) == "Cyrl"]
    if language is not None:
        cyrillic = [n for n in cyrillic if detect_language(n) in (language, None)] or cyrillic
    if not cyrillic:
        return None
    words = [w.lower() for w in split_tokens(surface)]

    def likeness(name: str) -> float:
        own = [w.lower() for w in split_tokens(name)]
        return sum(max(Levenshtein.normalized_similarity(w, o) for o in own) for w in words) if own else 0.0

    return max(cyrillic, key=likeness)  # the first of the best, in the tables' order
