"""All spellings of a name: every scheme of its language (and, when the letters do not tell, of both)."""

from __future__ import annotations

from .schemes import SchemeSet, split_words
from .text import detect_language, normalize_text


def variants(
    name: str, *, language: str | None = None, schemes: SchemeSet | None = None, limit: int = 200
) -> list[str]:
    """Every Latin spelling ``name`` can take under the loaded schemes; spellings that more schemes
    produce come first.

    The language of the Cyrillic is told by its letters (``Ціханоўская`` is Belarusian); when
    they do not tell, the schemes of both languages are used. ``language`` forces it.
    """
    from .translit import default_tables, fold_leftovers

    ss = schemes if schemes is not None else default_tables().schemes
    text = normalize_text(name)
    lang = language or detect_language(text)
    langs = [lang] if lang else ["ru", "be"]
    votes: dict[str, int] = {}
    texts = [text]
    if "ё" in text.lower():  # most Russian text writes ё as е
        texts.append(text.replace("ё", "е").replace("Ё", "Е"))
    for t in texts:
        for s in ss:
            if s.language not in langs:
                continue
            for rank, v in enumerate(s.apply_all(t)):
                v = fold_leftovers(v)
                votes[v] = votes.get(v, 0) + (2 if rank == 0 else 1)  # a scheme's main output counts double
    out = sorted(votes, key=lambda v: -votes[v])  # stable: ties keep their first-seen order
    if not any(cyr for _, cyr in split_words(text)) and text not in votes:
        out.insert(0, text)
    return out[:limit]
