"""normalize: map the many spellings of Belarusian and Russian names to canonical entities.

>>> import normalize
>>> normalize.transliterate("Ціханоўская", scheme="be-icao")
'Tsikhanouskaia'
"""

from __future__ import annotations

from .errors import (
    IndexFileError,
    InputError,
    NormalizeError,
    OptionError,
    TableError,
    TableProblem,
    UnknownSchemeError,
)
from .resolver import DEFAULT_THRESHOLD, Candidate, Decision, Match, Normalizer, resolve
from .rewrite import Mention, Rewriter, RewriteResult, rewrite
from .text import detect_language, normalize_text
from .translit import SchemeInfo, list_schemes, transliterate
from .variants import variants
from .version import __version__ as __version__

__all__ = [
    "DEFAULT_THRESHOLD",
    "Candidate",
    "Decision",
    "IndexFileError",
    "InputError",
    "Match",
    "Mention",
    "NormalizeError",
    "Normalizer",
    "OptionError",
    "RewriteResult",
    "Rewriter",
    "SchemeInfo",
    "TableError",
    "TableProblem",
    "UnknownSchemeError",
    "detect_language",
    "list_schemes",
    "normalize_text",
    "resolve",
    "rewrite",
    "transliterate",
    "variants",
]
