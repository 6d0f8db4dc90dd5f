"""Error types raised by ``normalize``.

Every error a user can meet for bad input (tables, text, files, options) is a subclass of
:class:`NormalizeError`; nothing else escapes the public API for it. An argument of the wrong type
(a number where a mention goes) is a ``TypeError``, as everywhere in Python.
"""

from __future__ import annotations

from dataclasses import dataclass


class NormalizeError(Exception):
    """Base class of every error raised by ``normalize``."""


@dataclass(frozen=True)
class TableProblem:
    """One problem found in a file (a table, or an input line): where it is and what is wrong."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class TableError(NormalizeError):
    """A table file (or a set of them) is malformed. ``problems`` lists each with file and line."""

    def __init__(self, problems: list[TableProblem]) -> None:
        self.problems = list(problems)
        head = "\n".join(str(p) for p in self.problems[:50])
        more = len(self.problems) - 50
        if more > 0:
            head += f"\n... and {more} more problems"
        super().__init__(head)


class UnknownSchemeError(NormalizeError, KeyError):
    """The scheme id passed to :func:`normalize.transliterate` is not loaded."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown scheme"


class IndexFileError(NormalizeError):
    """A serialized index file is stale, foreign or damaged."""


class InputError(NormalizeError):
    """Input that cannot be processed (for example a mention longer than the documented bound)."""


class OptionError(NormalizeError, ValueError):
    """An option given to a call or a command is outside what it takes (a threshold of 2 or NaN, an
    unknown policy)."""
