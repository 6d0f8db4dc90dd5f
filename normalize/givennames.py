"""Which words are given names, and of which gender.

A word of running text is a given name when it is one of

- the names of ``tables/given_names.yaml`` (people of every origin, in Latin and Cyrillic
  letters), and a Latin one also written without its diacritics (José as Jose, Dražen as Drazen);
- the forms of ``tables/cognates.yaml`` as the table writes them (Аляксандр, Alessandro);
- a Russian, Belarusian or Ukrainian case form of a Cyrillic name of either table, made by the
  ``given`` rows of ``tables/inflection.yaml`` (Анны, Ивана, Святлану, Паўла, Сашей, Ганні).

Cyrillic names written with ё are also found written with е (Алёна as Алена, Лёши as Леши).
:meth:`GivenNames.gender_of` tells the gender: "m" or "f", "" for a name of either gender or a word
form that reads as a man's name and as a woman's (Александра: the genitive of Александр and a name
of its own), None for a word that is not a given name. This list is for recognising a word; to
match a given name across languages use the cognate table.

Case forms are found by taking a word apart rather than by declining every name ahead: an ending
of a row is taken off and replaced by the nominative's ending, and the name so found must decline,
by the same rows, to the word. Each answer is remembered per word form.
"""

from __future__ import annotations

from unidecode import unidecode

from .memo import remember
from .tables import CYRILLIC_LANGUAGES, InflectionRow, InflectionRows, Tables, given_name_form, inflect
from .text import detect_language, script_of

# How many word forms are remembered; the memo is emptied when it holds more (a text has far
# fewer distinct capitalised words than this, so in practice it never is).
MEMO_LIMIT = 200_000
_UNSEEN = "?"  # no gender: what the memo of gender_of gives for a word not in it

# the languages of the given-name rows (the Ukrainian rows are read only; Ukrainian shares і with
# Belarusian and и with Russian, so a name's letters do not keep them from it)
LANGUAGES = CYRILLIC_LANGUAGES


def _merge(old: str | None, new: str) -> str:
    """The gender of a word with two readings: the same gender, or "" (either)."""
    return new if old is None or old == new else ""


class GivenNames:
    """Recognises given names and tells their gender (see the module's description)."""

    def __init__(self, tables: Tables) -> None:
        names: dict[str, str] = {}
        for name, gender in tables.given_names.items():
            self._add(names, name, gender)
        for c in tables.cognates:
            for form in c.forms:
                self._add(names, given_name_form(form), c.gender or "")
        self._names = names
        self._rows: InflectionRows = tables.given_inflection
        # the endings of the case forms by their last letter: (form, nominative ending, whole name)
        self._endings: dict[str, dict[str, list[tuple[str, str, bool]]]] = {
            lang: self._index(tables.given_inflection.get(lang, [])) for lang in LANGUAGES
        }
        self._memo: dict[str, str | None] = {}

    @staticmethod
    def _add(names: dict[str, str], name: str, gender: str) -> None:
        forms = {name}
        if "ё" in name:
            forms.add(name.replace("ё", "е"))
        if not name.isascii() and script_of(name) == "Latn":
            plain = unidecode(name).lower()
            if plain.replace("-", "").replace("'", "").isalpha():
                forms.add(plain)
        for f in forms:
            names[f] = _merge(names.get(f), gender)

    @staticmethod
    def _index(rows: list[InflectionRow]) -> dict[str, list[tuple[str, str, bool]]]:
        out: dict[str, list[tuple[str, str, bool]]] = {}
        seen: set[tuple[str, str, bool]] = set()
        for row in rows:
            for form in row.forms:
                low = form.lower()
                for f in {low, low.replace("ё", "е")}:
                    entry = (f, row.ending, row.whole)
                    if f and entry not in seen:
                        seen.add(entry)
                        out.setdefault(f[-1], []).append(entry)
        return out

    def gender_of(self, word: str) -> str | None:
        """The gender of ``word``: "m", "f" or "" (either) when it is a given name or a case form of
        one, None when it is not.

        Letter case does not matter (ANNA, anna, Anna); the word is one word, without a possessive
        ending or punctuation around it.
        """
        memo = self._memo
        got = memo.get(word, _UNSEEN)  # (no KeyError for a word not seen: raising one costs more)
        if got != _UNSEEN:
            return got
        low = given_name_form(word)
        gender = self._names.get(low)
        if low and script_of(low) == "Cyrl":
            for g in self._case_form_genders(low):
                gender = _merge(gender, g)
        return remember(self._memo, word, gender, MEMO_LIMIT)

    def is_nominative(self, word: str) -> bool:
        """Whether ``word`` is a given name as the tables list it (the nominative) and no case form
        of another (Александра is the genitive of Александр as well as a name)."""
        low = given_name_form(word)
        return low in self._names and not (script_of(low) == "Cyrl" and self._case_form_genders(low))

    def listed(self, word: str) -> bool:
        """Whether ``word`` is a given name as the tables list it (of ``given_names.yaml`` or
        ``cognates.yaml``), whatever else it is a case form of (Яна, also the genitive of Ян; not
        Але, a case form of Аля only)."""
        return given_name_form(word) in self._names

    def is_given(self, word: str) -> bool:
        """Whether ``word`` is a given name or a case form of one (any gender)."""
        return self.gender_of(word) is not None

    def case_form_nominatives(self, word: str) -> list[str]:
        """The given names (in small letters, as the tables list them) that the Cyrillic ``word``
        is a case form of by the inflection table (Иосифа: иосиф; Володимиром: володимир); empty
        for a word that is none, or a name as listed."""
        low = given_name_form(word)
        if not low or script_of(low) != "Cyrl":
            return []
        return [nominative for nominative, _ in self._case_forms_of(low)]

    def _case_form_genders(self, low: str) -> list[str]:
        """The genders of the names that ``low`` (lower case, Cyrillic) is a case form of."""
        return [gender for _, gender in self._case_forms_of(low)]

    def _case_forms_of(self, low: str) -> list[tuple[str, str]]:
        """The names that ``low`` (lower case, Cyrillic) is a case form of, with their genders."""
        out: list[tuple[str, str]] = []
        for lang in LANGUAGES:
            for form, ending, whole in self._endings[lang].get(low[-1], ()):
                if whole:
                    if low != form:
                        continue
                    nominative = ending
                elif len(low) > len(form) and low.endswith(form):
                    nominative = low[: len(low) - len(form)] + ending
                else:
                    continue
                gender = self._names.get(nominative)
                if gender is None or nominative == low:
                    continue
                language = detect_language(nominative)
                if language is not None and language != lang and lang != "uk":
                    continue
                forms = inflect(nominative, self._rows.get(lang, []), gender or None)
                if any(low in (f, f.replace("ё", "е")) for f in forms):
                    out.append((nominative, gender))
        return out
