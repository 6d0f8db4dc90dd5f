"""How organisation and place names are read: the names a name holds (МЗКТ - Минский завод …, a
part in quotes), their words without legal forms, the words that tell one apart, their acronyms, the
words by which a mention says it names an organisation, and a mention as word lists to compare."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from mypy_extensions import mypyc_attr

from .cognates import GivenNameGroups
from .memo import remember
from .namekeys import SHORT_KEY, key_gender
from .names import acronym_forms, split_tokens
from .orgwords import english_reading
from .pickling import by_constructor, restore_state, saved_state
from .schemes import is_caps
from .tables import Tables
from .text import is_cyrillic, script_of
from .wordforms import WordForms

_QUOTED_RE = re.compile(r"(?:^|(?<=[\s(/]))['‘«„“\"]([^'’»“”\"]{2,})['’»“”\"](?=$|[\s,.;:)/])")
_QUOTES_RE = re.compile(r"(?:^|(?<=\s))['‘’«»„“”\"]|['‘’«»„“”\"](?=\s|$)")
_PART_SPLIT_RE = re.compile(r"[-.]")
SHORT_FORM_WORDS = 3
"""Words that tell it apart (not function words, legal forms or generic words) an organisation's
name must keep before its first "and" for that part to be read as a short form of it."""
# the endings of a Russian or Belarusian surname in the genitive (Калиновского, Каліноўскага,
# Козлова, Пушкина, Карповича): the case of a person an organisation is named after
_GENITIVE_SURNAME_ENDS = (
    *("ского", "цкого", "скага", "цкага", "ова", "ева", "ёва", "ава", "ина", "ына", "іна", "ича", "іча"),
)
_SAVED = ("tables", "key", "forms", "groups", "_legal_phrases", "_legal_key_runs", "_legal_keys", "_generic_keys")
"""What a saved index keeps of an :class:`OrgNames` (its memo is made again)."""
PHRASES_MEMO_SIZE = 100_000  # mentions whose readings are remembered


def _names_itself(part: str) -> bool:
    """Whether the part of a name beside a part in quotes is a name by itself (see
    :meth:`OrgNames.name_parts`): an acronym, or several words written as a proper name (in Cyrillic,
    each with a capital; Latin names capitalise descriptions too)."""
    words = split_tokens(part)
    if is_caps(part) or len(words) < 2:
        return is_caps(part)
    return not is_cyrillic(part[0]) or all(w[:1].isupper() for w in words)


@mypyc_attr(allow_interpreted_subclasses=True)  # picklable when compiled
@dataclass(frozen=True)
class QueryPhrase:
    """One reading of an organisation or place mention: (word, key, tokens) a word. ``tokens``
    of the first reading holds the tokens of every word of the readings as written."""

    words: tuple[tuple[str, str, frozenset[str]], ...]
    derived: bool = False
    tokens: frozenset[str] = frozenset()
    whole: bool = False  # all the words, generic ones too: the reading for a place's name

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return by_constructor(self)


@mypyc_attr(allow_interpreted_subclasses=True)  # picklable when compiled
class OrgNames:
    """Reads the names of organisations and places, and mentions of them, by the legal forms,
    generic words and vocabulary of the tables."""

    def __init__(self, tables: Tables, forms: WordForms, groups: GivenNameGroups) -> None:
        self.tables = tables
        self.key = forms.key
        self.forms = forms
        self.groups = groups
        self._phrases_memo: dict[str, list[QueryPhrase]] = {}
        self._markers_memo: dict[str, set[str]] = {}
        self._legal_phrases = sorted((f for f in tables.legal_forms if " " in f), key=len, reverse=True)
        # legal forms and generic words on the phonetic key, so that every spelling of them is known
        # (Obshchestvo s ogranichennoy otvetstvennostyu = общество с ограниченной ответственностью)
        self._legal_key_runs: dict[str, list[tuple[str, ...]]] = {}
        legal_keys: set[str] = set()
        for form in tables.legal_forms:
            ks = tuple(k for k in (self.key(w) for w in split_tokens(form)) if k)
            if len(ks) > 1:
                self._legal_key_runs.setdefault(ks[0], []).append(ks)
            elif ks and len(ks[0]) > SHORT_KEY:
                # an abbreviation is matched as the table writes it, not by a short key that
                # other words share (Anna keys as АНО)
                legal_keys.add(ks[0])
        for runs in self._legal_key_runs.values():
            runs.sort(key=len, reverse=True)
        self._legal_keys = frozenset(legal_keys)
        self._generic_keys = frozenset(k for k in (self.key(w) for w in tables.generic_words if " " not in w) if k)

    def __getstate__(self) -> dict[str, object]:
        return saved_state(self, _SAVED)

    def __setstate__(self, state: dict[str, Any]) -> None:
        restore_state(self, state, _SAVED)
        self._phrases_memo = {}
        self._markers_memo = {}

    def strip_legal(self, name: str) -> str:
        """The name without multi-word legal forms (open joint-stock company, унитарное предприятие)."""
        low = name.casefold()
        for phrase in self._legal_phrases:
            if phrase in low:
                low = low.replace(phrase, " ")
        return low

    def content_words(self, name: str, conjunctions: bool = False) -> list[str]:
        """The words of an organisation or place name without its legal form and its function
        words, lower case; with ``conjunctions``, its words for "and" are kept (a mention of places
        is read with them: Rasii i, Russia and, names no one place)."""
        low = self.strip_legal(name)
        voc = self.tables.vocabulary
        legal, function = self.tables.legal_forms, voc.function_words
        words = [w for w in split_tokens(low) if w.strip(".") not in legal]
        words = [w for w in words if w.strip(".") not in function or (conjunctions and w in voc.conjunctions)]
        if not words:
            return words
        single = self._legal_keys
        keys = [self.key(w) for w in words]
        out: list[str] = []
        i = 0
        while i < len(words):
            run = self._legal_run_at(keys, i)
            if run:
                i += run
                continue
            if keys[i] not in single or len(words) == 1:
                out.append(words[i])
            i += 1
        return out

    def _legal_run_at(self, keys: list[str], i: int) -> int:
        """The number of words of a legal form of several words that starts at ``keys[i]`` (by key:
        Obshchestvo s ogranichennoy otvetstvennostyu), or 0."""
        for run in self._legal_key_runs.get(keys[i], ()):  # the longest first
            if tuple(keys[i : i + len(run)]) == run:
                return len(run)
        return 0

    def significant(self, words: list[str]) -> list[str]:
        """The words that tell an organisation apart: generic ones (завод, holding) dropped
        while others are left."""
        sig = [w for w in words if self.tells(w)]
        return sig or words

    def tells(self, word: str) -> bool:
        """Whether a word of a name is not a generic one (завод, holding), by itself, its key or
        the stem of its key (завода, заводу: the word in its case forms)."""
        if word.strip(".") in self.tables.generic_words:
            return False
        k = self.key(word)
        return self._generic_keys.isdisjoint(self.tables.vocabulary.stems(k))

    def _names_more_than_a_kind(self, head: str) -> bool:
        """Whether the part of a name before its honorific says more than what kind of thing it is
        (Minsk Electrotechnical Plant named after …; not Полк імя …, a regiment)."""
        named_after = self.tables.named_after
        return any(w.casefold().strip(".") not in named_after for w in self.content_words(head))

    def _telling_words(self, name: str) -> int:
        """How many words of a name tell it apart: not legal forms, function words or generic words
        (Белорусский государственный концерн по нефти keeps one: нефти)."""
        return sum(1 for w in self.content_words(name) if self.tells(w))

    def significant_words(self, name: str) -> list[str]:
        """The words of an organisation or place name that tell it apart (legal forms dropped)."""
        return self.significant(self.content_words(name))

    def org_markers(self, text: str) -> set[str]:
        """The keys of the words by which a mention says it names an organisation: a word such as
        завод or Federation; a legal form in any spelling stands as "" (no name word has that
        key). Empty when the mention says nothing of the kind. Remembered per text, as the readings
        are (the set is shared: not to be changed)."""
        got = self._markers_memo.get(text)
        if got is None:
            got = remember(self._markers_memo, text, self._org_markers(text), PHRASES_MEMO_SIZE)
        return got

    def _org_markers(self, text: str) -> set[str]:
        out: set[str] = set()
        low = text.casefold()
        if any(p in low for p in self._legal_phrases):
            out.add("")
        generic, legal = self.tables.generic_words, self.tables.legal_forms
        voc = self.tables.vocabulary
        words = [w.strip(".") for w in split_tokens(low)]
        keys = self.key.many(words)
        for w, k in zip(words, keys, strict=True):
            if w in legal:
                out.add("")
            elif w in generic and w not in voc.function_words and voc.concepts(k):
                out.add(k)
        # a legal form in any spelling, by its key (Obshchestvo s ogranichennoy otvetstvennostyu)
        if any(k in self._legal_keys or self._legal_run_at(keys, i) for i, k in enumerate(keys)):
            out.add("")
        return out

    def name_parts(self, name: str) -> list[str]:
        """The names an organisation or place name holds: ``МЗКТ - Минский завод``,
        ``Belarusian Association of Journalists (BAJ)`` and ``ОАО 'Белшина'`` hold two each (the
        quoted part is a name of its own)."""
        parts = [name]
        quoted = [m.group(1) for m in _QUOTED_RE.finditer(name)]
        parts += quoted
        split: list[str] = []
        for p in parts:
            pieces = [p]
            for sep in (" - ", " – ", " — ", "(", ")", "/", ","):
                pieces = [q for piece in pieces for q in piece.split(sep)]
            split.extend(pieces)
            # the name with its quotes (ЧВК «Вагнер»: ЧВК Вагнер), and what they part (ЧВК, Вагнер);
            # what stands beside a name in quotes says what kind of thing it is, and names nothing
            # by itself (Тэлеканал «Белсат», Праваабарончы цэнтр «Вясна», Минский завод «Горизонт»:
            # every country has human rights centres and Minsk has plants), unless written as an
            # acronym (БНФ «Адраджэнне») or, of several words, as a proper name: in Cyrillic, where
            # a description has one capital, every word with one (Беларускі Народны Фронт «Адраджэнне»)
            for sep in ("«", "»", "„", "“", "”", '"'):
                pieces = [q for piece in pieces for q in piece.split(sep)]
            split.extend(q for q in pieces if not quoted or q.strip() in quoted or _names_itself(q.strip()))
        out: list[str] = []
        for p in split:
            p = _QUOTES_RE.sub(" ", p).strip(" '\"‘’.")
            if p and p not in out:
                out.append(p)
        return out

    def readings(self, name: str, query: bool = False, whole: bool = False) -> list[tuple[list[str], bool]]:
        """Every way the name can be compared: the significant words of each name it holds (with
        hyphenated words also split and vocabulary phrases joined), and its acronyms in English,
        Russian and Belarusian (Минский завод колёсных тягачей → МЗКТ, MZKT, МЗКЦ). The flag
        marks readings derived by acronym, which rank below names as written.

        With ``whole`` (a place's own name) every word counts: Республика Беларусь is not
        Республика. A mention (``query``) is read both ways, with its significant words and with
        all of them, so that it meets an organisation's name and a place's alike."""
        voc = self.tables.vocabulary
        out: list[tuple[list[str], bool]] = []

        def add(words: list[str], derived: bool) -> None:
            if words and all(words != w for w, _ in out):
                out.append((words, derived))

        parts = self.name_parts(name)
        for part in list(parts):
            # an honorific (завод имени В. И. Козлова, Plant named after V. I. Kozlov) is often left out
            low = part.casefold()
            for marker in voc.honorifics:
                at = low.find(marker)
                head = part[:at].strip()
                if at > 0 and not low[at - 1].isalnum() and head not in parts and self._names_more_than_a_kind(head):
                    parts.append(head)
        if not query and not whole and voc.conjunctions:
            # a long name is shortened before its first "and" (Центральная комиссия по выборам [и
            # проведению республиканских референдумов]) where what is left is a name of its own
            for part in list(parts):
                words = part.split()
                for i, w in enumerate(words):
                    if i and w.casefold() in voc.conjunctions:
                        head = " ".join(words[:i])
                        if head not in parts and self._telling_words(head) >= SHORT_FORM_WORDS:
                            parts.append(head)
                        break
        for part in parts:
            words = self.content_words(part)
            if not words:
                continue
            if query and (listed := self.content_words(part, conjunctions=True)) != words:
                add(listed, False)  # a list of names (Rasii i, Беларусь и Россия): read by places only
            split = [q for w in words for q in _PART_SPLIT_RE.split(w) if q]
            merged = voc.merge_phrases(split, self.key)
            for ws in [words, merged] if merged != words else [words]:
                if not whole:
                    add(self.significant(ws), False)
                if whole or query:
                    add(ws, False)
            latin = all(w.isascii() for w in merged)
            content = [w for w in merged if w.casefold().strip(".") not in voc.function_words]
            for reading in voc.acronyms(merged, self.key, latin):
                # a mention's acronym is read only from words of the vocabulary (Ministry of Internal
                # Affairs is МВД): never from a person's name or initials (Maria Victoria Diaz)
                made = len(content) - (len(reading) - 1)
                if query and not all(voc.concepts(self.key(w.replace(" ", ""))) for w in content[:made]):
                    continue
                add([reading[0], *self.significant(reading[1:])] if len(reading) > 1 else reading, True)
        return out

    def query_phrases(self, text: str) -> list[QueryPhrase]:
        """A mention of an organisation or place as word lists, one per reading of it. A word
        written as an acronym (:func:`~normalize.names.acronym_forms`) is matched to acronyms only,
        a word that may be one to both. Remembered per text (the list is shared: not to be changed)."""
        got = self._phrases_memo.get(text)
        if got is None:
            got = remember(self._phrases_memo, text, self._query_phrases(text), PHRASES_MEMO_SIZE)
        return got

    def _query_phrases(self, text: str) -> list[QueryPhrase]:
        out: list[QueryPhrase] = []
        seen: set[tuple[str, ...]] = set()
        sure, maybe = acronym_forms(text)
        conjunctions = self.tables.vocabulary.conjunctions
        for words, derived in self.readings(text, query=True):
            ws: list[tuple[str, str, frozenset[str]]] = []
            for n, w in enumerate(words):
                w1 = w.replace(" ", "")
                k = self.key(w1)
                if not k:
                    continue
                if w in sure or (derived and n == 0):
                    acrs = sorted(self.forms.acronym_keys([sure.get(w, w1)]))
                    ws.append((w, acrs[0], frozenset(acrs)))
                    continue
                ks = {k}
                if w.isascii():
                    ks.add(self.key(english_reading(w1)) or k)
                tokens = self.forms.word_tokens(ks) | ks
                if w in maybe:
                    tokens |= self.forms.acronym_keys([w1])
                ws.append((w, k, tokens))
            sig = tuple(k for _, k, _ in ws)
            if ws and sig not in seen:
                seen.add(sig)
                whole = not derived and (self.significant(words) != words or any(w in conjunctions for w in words))
                out.append(QueryPhrase(tuple(ws), derived, whole=whole))
        if out:
            written = frozenset().union(*(t for qp in out if not qp.derived for _, _, t in qp.words))
            out[0] = QueryPhrase(out[0].words, out[0].derived, written, out[0].whole)
        return out

    def person_words(self, name: str) -> list[str]:
        """The words of a person's name inside an organisation's name, as written: a given name
        and the capitalised word after it (Фонд Ивана Петрова, Ivan Petrov Foundation, Полк імя
        Кастуся Каліноўскага); a capitalised Cyrillic word after the first word that ends as a
        surname's genitive (Полк Каліноўскага, завод Козлова); a capitalised Latin word that ends as
        a surname (-ski, -ov, -in) before a word of the vocabulary (Kalinouski Regiment)."""
        words = split_tokens(name)
        voc = self.tables.vocabulary
        out: list[str] = []
        for i, w in enumerate(words):
            if not w[:1].isupper() or is_caps(w):
                continue
            nxt = words[i + 1] if i + 1 < len(words) else ""
            script = script_of(w)
            if self.groups.is_given_name(w) and nxt[:1].isupper():
                out += [w, nxt]
            elif (i >= 1 and script == "Cyrl" and w.lower().endswith(_GENITIVE_SURNAME_ENDS)) or (
                script == "Latn" and nxt and key_gender(self.key(w)) and voc.concepts(self.key(nxt))
            ):
                out.append(w)
        return out
