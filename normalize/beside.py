"""The words just before and after a position of a text, as the readers of a name's context ask
for them again and again: each found once per text and position."""

from __future__ import annotations

from .names import possessive_fits
from .text import APOSTROPHES
from .textpatterns import (
    BLANKS,
    ELIDED_RE,
    INITIALS_RE,
    MARK_RE,
    NEXT_RE,
    QUOTE_CLOSE,
    QUOTE_OPEN,
    SOFT_SIGN_RE,
    WINDOW,
    WORD_BEFORE_RE,
)


class LineWords:
    """The words just before and after positions of one text, as the proposal for an anchor and
    the checks of its decision ask for them again and again (each position some four times)."""

    __slots__ = ("after", "before", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.before: dict[tuple[int, int], tuple[int, str] | None] = {}
        self.after: dict[tuple[int, int], tuple[int, str, bool, bool] | None] = {}


def _past_blanks(text: str, pos: int, floor: int) -> int:
    """Where what stands before ``pos`` ends, past the blanks before it (never below ``floor``)."""
    i = pos
    while i > floor and text[i - 1] in BLANKS:
        i -= 1
    return i


class WordsBeside:
    """The word (or initials) just before and just after positions of the text read last,
    remembered for that text: the proposal for an anchor and the checks of its decision ask for
    the same positions some four times. Shared by the span finder and the readers of a name's
    context; :meth:`start` begins a new text."""

    def __init__(self, possessives: tuple[str, ...]) -> None:
        self._possessives = possessives
        self._line = LineWords("")  # the words beside positions of the text last read

    def start(self, text: str) -> None:
        """Forget the words found so far and read ``text`` from now on (a long text would keep
        them all)."""
        self._line = LineWords(text)

    def _line_words(self, text: str) -> LineWords:
        """What was found of the words beside the anchor of ``text`` read last (a new record when
        another text is read; the finder is shared, so a record belongs to one text and is only
        read for it)."""
        line = self._line
        if line.text is not text:
            line = self._line = LineWords(text)
        return line

    def word_before(self, text: str, pos: int, floor: int) -> tuple[int, str] | None:
        """The word (or initials) just before ``pos``, after blanks or glued to an initial's dot."""
        memo = self._line_words(text).before
        i = _past_blanks(text, pos, floor)
        # a floor beyond the reach of the search (the window before the blanks, and the two letters
        # before it that are looked at) changes nothing: one record for every such floor, which the
        # checks of a decision (asked from the start of the text) share with its proposal
        key = (pos, -1 if floor < i - WINDOW - 2 else floor)
        got = memo.get(key)
        if got is None and key not in memo:
            got = memo[key] = self._word_before(text, pos, i, floor)
        return got

    def word_before_name(self, text: str, s: int) -> tuple[int, str] | None:
        """The word just before a name at ``s``, past an opening quote of the name's own (с
        позывным «Мінск», на вуліцы «Акрэсціна»)."""
        return self.word_before(text, s - 1 if s > 0 and text[s - 1] in QUOTE_OPEN else s, 0)

    @staticmethod
    def sign_before(text: str, pos: int, floor: int) -> str:
        """The character just before ``pos`` past blanks ("" at ``floor``): a comma, a quote."""
        i = _past_blanks(text, pos, floor)
        return text[i - 1] if i > floor else ""

    def _word_before(self, text: str, pos: int, i: int, floor: int) -> tuple[int, str] | None:
        """:meth:`word_before`, ``i`` the end of what stands before ``pos`` past its blanks."""
        if i <= floor or (i == pos and text[i - 1] != "."):
            return None  # nothing there, or glued to the name: part of another word
        lo = max(floor, i - WINDOW)
        # the search starts after the last space before the word (a regular expression that ends at
        # ``i`` tries every start before it; a word holds no blank, so none of the starts before its
        # run of non-blanks matches)
        a = max(lo, text.rfind(" ", lo, i) + 1)
        m = WORD_BEFORE_RE.search(text, a, i)
        if m is None:
            return None
        a = m.start()
        if a > lo and (text[a - 1].isalnum() or (text[a - 1] in APOSTROPHES and a - 1 > lo and text[a - 2].isalpha())):
            return None  # the end of a longer word
        if m.start() == lo and lo > floor:
            return None
        w = m.group()
        elided = ELIDED_RE.match(w)
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
        if pos + 1 < len(text) and text[pos + 1] == "," and SOFT_SIGN_RE.match(text, pos):
            pos += 1  # a soft sign written as an apostrophe ends the word before the comma
        m = NEXT_RE.match(text, pos, min(ceil, pos + WINDOW))
        if m is None:
            return None
        comma = bool(m.group(1))
        if m.group(4) is not None:  # quoted: the span takes the closing quote too
            return m.end(), m.group(4), comma, True
        word, end = m.group(6), m.end(6)
        if end < len(text) and (text[end].isalnum() or MARK_RE.match(text, end)):
            return None  # a word cut by the window or glued to digits
        if word[-1] == "." and not INITIALS_RE.fullmatch(word):
            word, end = word[:-1], end - 1  # a sentence's full stop
        if not APOSTROPHES.isdisjoint(word):
            bare = self.without_possessive(word)
            if bare != word:
                return end - (len(word) - len(bare)), bare, comma, False
        return end, word, comma, False

    def without_possessive(self, word: str) -> str:
        """``word`` without an English possessive at its end (and the GOST backticks after it; a
        backtick itself is GOST's mark of a letter, Pal`chy`s, not an apostrophe)."""
        core = word.rstrip("`")
        low = "".join("'" if c in APOSTROPHES and c != "`" else c for c in core.lower())
        for suf in self._possessives:
            if possessive_fits(low, suf):
                return core[: -len(suf)]
        return word

    def in_quotes(self, text: str, s: int, e: int) -> bool:
        """Whether ``text[s:e]`` stands in quotes of its own (the front «Адраджэнне»)."""
        return s > 0 and e < len(text) and text[s - 1] in QUOTE_OPEN and text[e] in QUOTE_CLOSE
