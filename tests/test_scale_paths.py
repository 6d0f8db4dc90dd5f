"""What resolve() skips or remembers for speed at scale changes no answer: the similarities of given
names remembered across mentions, and the readings as an organisation of a mention no key finds,
which a table without organisations is not read for."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import normalize
from normalize import Normalizer

_GIVEN = {
    "m": ["Иван", "Пётр", "Виктор", "Александр", "Алесь", "Сергей", "Юрий"],
    "f": ["Анна", "Мария", "Виктория", "Александра", "Алеся", "Светлана", "Юлия"],
}
_FATHERS = ["Иван", "Пётр", "Виктор", "Сергей", "Юрий"]
_SYLLABLES = ["ка", "ра", "ло", "ма", "ни", "во", "да", "се", "бу", "жа", "ши", "лу", "го", "пе"]
_ENDINGS = {"m": ["ов", "ин", "ский", "енко", "ич"], "f": ["ова", "ина", "ская", "енко", "ич"]}


def _persons(n: int, seed: int) -> list[dict[str, object]]:
    """``n`` persons whose surnames are made of few syllables, so that many share a surname's key
    and differ in given name, patronymic or gender."""
    rnd = random.Random(seed)
    out: list[dict[str, object]] = []
    for i in range(n):
        g = rnd.choice("mf")
        stem = "".join(rnd.choice(_SYLLABLES) for _ in range(2))
        ending = rnd.randrange(len(_ENDINGS[g]))
        surname = (stem + _ENDINGS[g][ending]).capitalize()
        father = rnd.choice(_FATHERS)
        patronymic = father.replace("й", "") + ("евич" if father.endswith("й") else "ович")
        if g == "f":
            patronymic = patronymic[:-2] + "на"
        name = f"{rnd.choice(_GIVEN[g])} {patronymic} {surname}"
        out.append({"id": f"p{i}", "canonical": name, "names": [name], "type": "person", "gender": g})
    return out


def _mentions(persons: list[dict[str, object]], n: int, seed: int) -> list[str]:
    """Mentions of the persons and of others: romanized, surname first, with initials, with the
    given name of another person or of the other gender, and surnames of nobody."""
    rnd = random.Random(seed)
    schemes = ["ru-bgn-pcgn", "ru-icao", "ru-wikipedia", "ru-iso9"]
    out: list[str] = []
    for _ in range(n):
        given, patronymic, surname = str(rnd.choice(persons)["canonical"]).split()
        other = rnd.choice(_GIVEN[rnd.choice("mf")])
        kind = rnd.randrange(6)
        if kind == 0:
            out.append(normalize.transliterate(f"{given} {surname}", rnd.choice(schemes)))
        elif kind == 1:
            out.append(normalize.transliterate(f"{surname.upper()}, {given} {patronymic}", rnd.choice(schemes)))
        elif kind == 2:
            out.append(f"{given[0]}. {patronymic[0]}. {surname}")
        elif kind == 3:
            out.append(f"{other} {surname}")
        elif kind == 4:
            out.append(normalize.transliterate(f"{other} {patronymic} {surname}", rnd.choice(schemes)))
        else:
            out.append(f"Zyx{surname.lower()} {given}")
    return out


def _answers(n: Normalizer, mentions: list[str]) -> dict[str, object]:
    out: dict[str, object] = {}
    for m in mentions:
        got = n.resolve(m, policy="first")  # ties answered, marked ambiguous
        out[m] = (
            None
            if got is None
            else (got.entity_id, got.score, got.ambiguous, [(c.entity_id, c.score) for c in got.candidates])
        )
    return out


def test_answers_do_not_depend_on_the_mentions_resolved_before() -> None:
    persons = _persons(400, 1)
    mentions = _mentions(persons, 600, 2)
    forward = _answers(Normalizer.from_records(persons), mentions)
    backward = _answers(Normalizer.from_records(persons), mentions[::-1])
    assert forward == backward
    # the mentions hold persons that tie, and others ruled out by a given name of the other gender
    assert any(a is not None and a[2] for a in forward.values())  # type: ignore[index]
    assert sum(a is None for a in forward.values()) > len(mentions) // 6


def test_a_table_of_persons_alone_answers_as_when_read_for_organisations() -> None:
    persons = _persons(300, 3)
    mentions = _mentions(persons, 400, 4)
    n = Normalizer.from_records(persons)
    assert not n.ranker._has_organizations
    read = Normalizer.from_records(persons)
    read.ranker._has_organizations_memo = True  # read every mention no key finds for organisations, as with one
    assert _answers(n, mentions) == _answers(read, mentions)


def test_a_mention_no_key_finds_is_read_for_the_organisations_of_a_table() -> None:
    university = "Белорусский государственный университет"
    records = [
        {"id": "u1", "canonical": university, "names": [university], "type": "organization"},
        *_persons(50, 5),
    ]
    n = Normalizer.from_records(records)
    assert n.ranker._has_organizations
    mention = "Belarusian State University"  # its words in translation: no key of the index
    assert not any(k in n.index.by_key for k in n.key.many(mention.split()))
    got = n.resolve(mention)
    assert got is not None and got.entity_id == "u1"


def _surname_fields(entry: object) -> tuple[object, ...]:
    return tuple(getattr(entry, f) for f in ("gender", "surname_keys", "surfaces", "short_spellings", "latin_only"))


def test_a_person_built_among_namesakes_has_the_keys_of_one_built_alone() -> None:
    # the keys and spellings of a surname are made once for its namesakes of a gender: the
    # Belarusian case forms of Шевченко (Шаўчэнка) are a man's (Шаўчэнкам) or a woman's (Шаўчэнкай)
    persons = [
        {"id": "m1", "canonical": "Иван Петрович Шевченко", "names": ["Иван Петрович Шевченко"], "gender": "m"},
        {"id": "f1", "canonical": "Анна Петровна Шевченко", "names": ["Анна Петровна Шевченко"], "gender": "f"},
        {"id": "m2", "canonical": "Пётр Шевченко", "names": ["Пётр Шевченко"], "gender": "m"},
        {"id": "u1", "canonical": "Юрий Шевченко", "names": ["Юрий Шевченко"]},  # gender from the surname: none
        {
            "id": "m3",
            "canonical": "Олег Шевченко",
            "names": ["Олег Шевченко"],
            "aliases": ["Oleg Shevchenko"],
            "gender": "m",
        },
        *_persons(30, 6),
    ]
    together = Normalizer.from_records(persons).index.entries
    for rec, entry in zip(persons, together, strict=True):
        alone = Normalizer.from_records([rec]).index.entries[0]
        assert _surname_fields(entry) == _surname_fields(alone), rec["id"]
    by_id = {e.record.id: e for e in together}
    man, woman = by_id["m1"], by_id["f1"]
    assert man.surname_keys == by_id["m2"].surname_keys
    assert "шаўчэнкам" in man.surfaces and "шаўчэнкам" not in woman.surfaces
    assert "шаўчэнкай" in woman.surfaces and "шаўчэнкай" not in man.surfaces
    assert man.surfaces != by_id["m3"].surfaces  # an alias in Latin letters adds its own


def _entry_fields(entry: object) -> tuple[object, ...]:
    fields = ("record", "given_keys", "given_initials", "patronymic_keys", "uk_only", "case_only", "phrases")
    return (*_surname_fields(entry), *(getattr(entry, f) for f in fields))


def test_a_table_built_by_several_processes_is_the_table_built_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    from normalize import buildjobs

    if not buildjobs.can_fork():
        pytest.skip("no fork here: one process builds every table")
    # blocks of 40 records, shared out from 10 new surname sets: several blocks, namesakes across
    # them (made once, in the block that first has them) and organisations among the persons
    monkeypatch.setattr(buildjobs, "BLOCK", 40)
    monkeypatch.setattr(buildjobs, "MIN_SHARED", 10)
    university = "Белорусский государственный университет"
    records = [
        *_persons(150, 7),
        {"id": "u1", "canonical": university, "names": [university], "type": "organization"},
        *({**p, "id": f"q{i}"} for i, p in enumerate(_persons(150, 8))),
    ]
    one = Normalizer.from_records(records)
    several = Normalizer.from_records(records, jobs=3)
    assert [_entry_fields(e) for e in several.index.entries] == [_entry_fields(e) for e in one.index.entries]
    mentions = _mentions(records[:150], 300, 9)
    assert _answers(several, mentions) == _answers(one, mentions)
    assert buildjobs._BUILDER is None  # nothing of the build is kept


def test_the_columns_of_an_index_are_its_entities_type_and_prominence(tmp_path: Path) -> None:
    from normalize.store import load_index, save_index

    records = [
        *_persons(20, 7),
        {"id": "o1", "canonical": "Белшина", "names": ["Белшина"], "type": "organization", "prominence": 70},
        {"id": "c1", "canonical": "Минск", "names": ["Минск"], "type": "place", "prominence": 90},
    ]
    built = Normalizer.from_records(records)
    save_index(built, tmp_path / "i.bin")
    for n in (built, load_index(tmp_path / "i.bin")):
        columns = n.index.columns
        assert columns.types == [e.record.type for e in n.index.entries]
        assert columns.prominence == [e.record.prominence for e in n.index.entries]
        assert columns.types[-2:] == ["organization", "place"] and columns.prominence[-2:] == [70, 90]
    # an entity added to an index is in its columns
    index = built.index
    index.entries.append(built.builder.entity(built.entities[0]))
    assert index.columns.types == [e.record.type for e in index.entries]


def test_the_case_of_a_word_changes_none_of_its_nominatives() -> None:
    forms = Normalizer.from_records(_persons(5, 8)).forms
    for word in ("Колесниковой", "Тихановской", "Putinem", "Lukašenkovi", "Cichanouskiej", "Рыгораўнай"):
        got = forms.nominatives(word)
        assert got, word
        assert forms.nominatives(word.upper()) == got == forms.nominatives(word.lower()), word


def test_the_variants_of_a_set_of_keys_are_those_of_each_key() -> None:
    # each pass runs over every key of the set at once (joined by spaces): the same keys as each
    # key's variants, in the same set made in the same order (a saved index writes the set so)
    n = Normalizer.from_records(_persons(5, 9))
    key, forms = n.key, n.forms
    assert key.surname_variants
    for surname in ("Волк", "Воўк", "Карич", "Karić", "Поўны", "Шаўчэнка", "Vouk", "Лукашенко", "Шевченко"):
        keys = {k for k in key.many([*forms.spellings(surname), *forms.to_belarusian(surname)]) if k}
        keys |= {"~한국한국", "VUKIC"}  # a key of a script no table reads, and one ending as -ić does
        each = set().union(*(key.variants(k) for k in keys))
        together = key.variants_of_all(keys)
        assert together == each and list(together) == list(each), surname
    assert key.variants("VUKIC") >= {"VUKIC", "VUKIZ"}


def test_a_batch_of_words_keys_as_each_word_alone() -> None:
    # a word that unidecode reads is keyed alone and the others together; a letter a pass writes
    # with two symbols (x) is written before the pass's translation of the others
    key = Normalizer.from_records(_persons(5, 10)).key
    batches = [
        ["Ņikolajs", "Ivanov", "Σοφία", "Petrov", "Ksenija"],
        ["Xenia", "Aleksandr", "Maksim", "Alexandrov", "xx", "Axel"],
        ["O'Neill", "d`Artagnan", "Łukašenka", "Лукашэнка", "Ціханоўская"],
    ]
    for batch in batches:
        key._cache.clear()
        assert key.many(batch) == [key.reference(w) for w in batch]
        key._cache.clear()
        assert [key(w) for w in batch] == [key.reference(w) for w in batch]
