"""Shared by the false-match benchmarks: sentence templates for running text, and the cause of a
false match as far as the match itself tells it.

Only the public API is used: :class:`normalize.Normalizer` (its ``entities`` and its rule
``tables``), :class:`normalize.Match` (``type``, ``details``, ``explain()``) and
:class:`normalize.Rewriter` in annotate mode.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from normalize import Match, Normalizer, Rewriter
from normalize.tables import inflect

# --- running text ------------------------------------------------------------------------------

# Sentences of our own in which a name stands as a speaker (nominative) or after a preposition or
# noun that asks for the genitive. ``[m|f]`` is the verb form for a man or a woman; an item of no
# gender (an organisation) takes the first. The words around the name are plain words that name
# nobody: :func:`check_templates` makes sure of that before a run.
TEMPLATES: dict[tuple[str, str], tuple[str, ...]] = {
    ("en", "nom"): (
        "Yesterday {name} said that the talks would go on.",
        "{name} told reporters on Monday that nothing had changed.",
        "In an interview, {name} declined to comment on the report.",
    ),
    ("ru", "nom"): (
        "Вчера {name} [заявил|заявила], что переговоры продолжатся.",
        "{name} в понедельник [сообщил|сообщила] журналистам, что ничего не изменилось.",
        "В интервью {name} [отказался|отказалась] комментировать доклад.",
    ),
    ("be", "nom"): (
        "Учора {name} [заявіў|заявіла], што перамовы працягнуцца.",
        "{name} у панядзелак [паведаміў|паведаміла] журналістам, што нічога не змянілася.",
        "У інтэрв'ю {name} [адмовіўся|адмовілася] каментаваць даклад.",
    ),
    ("ru", "gen"): (
        "Вчера от {name} пришло письмо.",
        "Журналисты так и не дождались ответа {name}.",
    ),
    ("be", "gen"): (
        "Учора ад {name} прыйшоў ліст.",
        "Журналісты так і не дачакаліся адказу {name}.",
    ),
}
_GENDERED = re.compile(r"\[([^|\]]*)\|([^\]]*)\]")


def fill(template: str, name: str, gender: str | None) -> tuple[str, int, int]:
    """The sentence with ``name`` in it, and where the name stands in it."""
    text = _GENDERED.sub(lambda m: m.group(2) if gender == "f" else m.group(1), template)
    start = text.index("{name}")
    return text.replace("{name}", name, 1), start, start + len(name)


def templates_for(language: str, case: str = "nom") -> tuple[str, ...]:
    return TEMPLATES.get((language, case)) or TEMPLATES[(language, "nom")]


def check_templates(rewriter: Rewriter) -> None:
    """Raise if a template links a span by itself (with a filler that names nobody)."""
    for (lang, _case), group in TEMPLATES.items():
        filler = "Qwxz" if lang == "en" else "Щъыь"
        for t in group:
            for gender in ("m", "f"):
                text, _, _ = fill(t, filler, gender)
                found = rewriter.rewrite(text, mode="annotate").mentions
                if found:
                    raise SystemExit(f"template links by itself: {text!r} -> {[m.surface for m in found]}")


@dataclass(frozen=True)
class Span:
    """A span the rewrite pass linked in a sentence."""

    surface: str
    entity_id: str
    type: str
    inside: bool  # overlaps the name put into the sentence


def spans_in(rewriter: Rewriter, text: str, start: int, end: int) -> list[Span]:
    """Every span linked in ``text``; ``inside`` tells those that overlap ``text[start:end]``."""
    return [
        Span(m.surface, m.entity_id, m.type, m.start < end and m.end > start)
        for m in rewriter.rewrite(text, mode="annotate").mentions
    ]


# --- scripts -----------------------------------------------------------------------------------

_COVERED = ("LATIN", "CYRILLIC")


def uncovered_script(text: str) -> bool:
    """Whether ``text`` holds a letter of a script no table covers (Hangul, Arabic, CJK …):
    anything but Latin and Cyrillic letters and modifier letters (apostrophes)."""
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            if not name.startswith(_COVERED) and not name.startswith("MODIFIER LETTER"):
                return True
    return False


def script_language(text: str) -> str:
    """en for a name in any script but Cyrillic; be or ru for Cyrillic (і, ў or an apostrophe
    between letters is Belarusian)."""
    if not any("CYRILLIC" in unicodedata.name(ch, "") for ch in text if ch.isalpha()):
        return "en"
    low = text.lower()
    return "be" if ("і" in low or "ў" in low or re.search(r"\w'\w", low)) else "ru"


# --- causes of a false match -------------------------------------------------------------------

CAUSES = (
    "organisation named after a person, matched by a person's name word",
    "organisation or place matched by one word, the mention's other words ignored",
    "acronym made from a mention's initials",
    "script no table covers",
    "two-letter acronym",
    "surname one letter away (fuzzy)",
    "given name or patronymic one letter away (fuzzy)",
    "person linked by part of the name, its other words left out (running text)",
    "other",
)
(
    ORG_BY_PERSON_WORD,
    ORG_BY_ONE_WORD,
    ACRONYM_FROM_INITIALS,
    UNCOVERED_SCRIPT,
    TWO_LETTER,
    NEAR_SURNAME,
    NEAR_GIVEN,
    PERSON_BY_PART,
    OTHER,
) = CAUSES

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_HONORIFICS = frozenset({"имени", "імя", "им", "ім", "named", "after"})


def words_of(text: str) -> list[str]:
    return _WORD.findall(text)


def _written_as_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _same_word(a: str, b: str) -> bool:
    """Two keys of one word in different cases (Kozlov, Козлова; Kalinowski, Каліноўскага): all
    but the last two symbols of the shorter one are the start of both, four at least."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= 4 and n >= min(len(a), len(b)) - 2


class CauseJudge:
    """Tells the cause of a false match from the match: the entity's type, the words that
    matched (``Match.details``), the words of the mention and, in running text, the span."""

    def __init__(self, normalizer: Normalizer) -> None:
        key = normalizer.tables.phonetic
        if key is None:
            raise SystemExit("the tables have no phonetic key")
        self.key = key
        self.given_keys = self._given_keys(normalizer)
        # the words of an organisation's name that name the person it is named after: the words
        # after an honorific (имени, імя, named after), a given name and the word after it
        self.person_words: dict[str, set[str]] = {}
        for r in normalizer.entities:
            if r.type != "organization":
                continue
            found: set[str] = set()
            for n in (*r.names, *r.aliases):
                ws = words_of(n)
                for i, w in enumerate(ws):
                    if w.lower() in _HONORIFICS:
                        found.update(key(x) for x in ws[i + 1 :] if x.lower() not in _HONORIFICS)
                    elif len(w) > 2 and key(w) in self.given_keys:
                        found.update(key(x) for x in ws[i : i + 2])
            found = {k for k in found if len(k) >= 3}  # not the initials of V. I. Kozlov
            if found:
                self.person_words[r.id] = found

    def _given_keys(self, normalizer: Normalizer) -> set[str]:
        """Keys of every given name of the cognate table and of the entity tables' persons, with
        their case forms."""
        t = normalizer.tables
        forms: set[tuple[str, str | None]] = {(f, c.gender) for c in t.cognates for f in c.forms}
        for r in normalizer.entities:
            if r.type == "person":
                forms.update((words_of(n)[0], r.gender) for n in r.names if len(words_of(n)) > 1)
        out: set[str] = set()
        for form, gender in forms:
            out.add(self.key(form))
            for rows in t.given_inflection.values():
                out.update(self.key(f) for f in inflect(form, rows, gender))
        out.discard("")
        return out

    def cause(
        self,
        name: str,
        entity_type: str,
        entity_id: str,
        details: Sequence[tuple[str, str, str, float]],
        surface: str | None = None,
    ) -> str:
        """The cause of ``name`` (or the span ``surface`` of it, in running text) linked to
        ``entity_id`` of ``entity_type``, by the details of the match (empty when unknown)."""
        if uncovered_script(name):
            return UNCOVERED_SCRIPT
        words = words_of(name)
        written = {w.casefold() for w in words}
        part = surface is not None and len(words_of(surface)) < len(words)
        matched = [d for d in details if not d[1].startswith(("given name (not", "patronymic (not"))]
        if entity_type == "person":
            if any(role == "surname" and sim < 1.0 for _, role, _, sim in matched):
                return NEAR_SURNAME
            if any(role in ("given name", "patronymic") and sim < 1.0 for _, role, _, sim in matched):
                return NEAR_GIVEN
            return PERSON_BY_PART if part else OTHER
        made_up = [d for d in matched if not set(words_of(d[0].casefold())) <= written]
        by_acronym = [d for d in matched if d[2].startswith("#")]
        if made_up or (by_acronym and not any(_written_as_acronym(w) for w in words)):
            return ACRONYM_FROM_INITIALS
        if any(_written_as_acronym(w) and len(w) <= 2 for w in words) and (
            not matched or any(_written_as_acronym(d[0]) and len(d[0]) <= 2 for d in matched)
        ):
            return TWO_LETTER
        own = self.person_words.get(entity_id)
        if own and any(_same_word(k, p) for d in matched for k in (d[2], self.key(d[0])) for p in own):
            return ORG_BY_PERSON_WORD
        used = {w.casefold() for d in matched for w in words_of(d[0])}
        if part or (len(words) > 1 and (not matched or len(used) < len(written))):
            return ORG_BY_ONE_WORD
        return OTHER

    def cause_of_match(self, mention: str, m: Match) -> str:
        return self.cause(mention, m.type, m.entity_id, m.details)


def explain_span(normalizer: Normalizer, span: Span) -> tuple[tuple[tuple[str, str, str, float], ...], str]:
    """The details and explanation of a linked span, by resolving its surface again (empty when the
    surface alone resolves to another entity or to none)."""
    m = normalizer.resolve(span.surface)
    if m is None or m.entity_id != span.entity_id:
        return (), f"{span.surface!r} -> {span.entity_id} ({span.type}) [the surface alone resolves otherwise]"
    return m.details, m.explain()


def grouped(lines: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """(cause, line) pairs by cause, in the order of :data:`CAUSES`."""
    out: dict[str, list[str]] = {c: [] for c in CAUSES}
    for cause, line in lines:
        out.setdefault(cause, []).append(line)
    return {c: ls for c, ls in out.items() if ls}
