"""What a text has told so far of its names, for the rules of the rewrite pass that read a whole
text, and the anchors of a stretch of it."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from .spans import Found


def _start_of(a: Found) -> int:
    return a.start


def anchors_between(anchors: list[Found], lo: int, hi: int) -> Iterator[Found]:
    """The anchors that start in ``text[lo:hi]`` (``anchors`` are in order of their starts: a long
    text has many, so the first is found by bisection)."""
    for j in range(bisect_left(anchors, lo, key=_start_of), len(anchors)):
        if anchors[j].start >= hi:
            break
        yield anchors[j]


class TextFacts:
    """What a text has told so far of its names, for the rules of running text that read a whole
    text (see :class:`~normalize.textrules.TextRules`): each fact with the start of the text it was told in, the
    text itself or, with ``lines_apart``, one of its lines (a file of one item a line)."""

    def __init__(self, text: str, lines_apart: bool) -> None:
        self.text = text
        self.apart = lines_apart and "\n" in text
        self.named: set[tuple[str, int]] = set()  # the entities named as more than a surname many share
        self.full: set[tuple[int, int]] = set()  # the persons named in full
        self.others: set[tuple[int, int]] = set()  # the persons whose surname it gave someone else in full
        self.elsewhere: set[tuple[str, int]] = set()  # the places and bodies of the name it puts elsewhere
        self.surnames: set[tuple[str, int]] = set()  # places' names as written it gave a person (Юрий Борисов)
        self.surnamed: set[tuple[int, int]] = set()  # organisations whose name of a word it gave a person (Вагнер)
        self.born: set[tuple[int, int]] = set()  # the persons whose namesake's year of birth it gave
        # the persons whose given name and surname it gave a namesake of another patronymic
        self.fathers_other: set[tuple[int, int]] = set()
        self.works: set[tuple[str, int]] = set()  # organisations whose name it gave a work (фильм «Зеркало»)
        # places whose name it made a word of a medium's title (канал «Беларусь головного мозга»)
        self.titles: set[tuple[str, int]] = set()
        # towns' and organisations' names as written it gave a club, a unit or a ship (ФК Нафтан)
        self.things: set[tuple[str, int]] = set()
        # the texts that named a club by its town's name (Dinamo Minsk, Sluck – Vitebsk 2:0)
        self.clubs: set[int] = set()

    def unit(self, pos: int) -> int:
        """The start of the text that holds ``pos``."""
        return self.text.rfind("\n", 0, pos) + 1 if self.apart else 0

    def bounds(self, pos: int) -> tuple[int, int]:
        """The start and end of the text that holds ``pos``."""
        if not self.apart:
            return 0, len(self.text)
        end = self.text.find("\n", pos)
        return self.unit(pos), len(self.text) if end < 0 else end
