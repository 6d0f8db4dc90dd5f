"""People whose names differ as written but share a phonetic key (Канико and Конико, Баниев and
Баниов, Гаев and Гаёв; the initials Е. of Елисеевна and of Эрикович), as a large table holds many: a
mention that writes every part as the index spells one of them names that one; a spelling both share,
or neither has, stays ambiguous; so do namesakes, and a person whose table lacks the part that tells
them apart."""

from __future__ import annotations

import pytest

from normalize import Normalizer

_PEOPLE = [
    {"id": "kaniko", "canonical": "Станислав Канико", "names": ["Станислав Викентиевич Канико"], "type": "person",
     "gender": "m"},
    {"id": "koniko", "canonical": "Сергей Конико", "names": ["Сергей Владимирович Конико"], "type": "person",
     "gender": "m"},
    {"id": "baniev", "canonical": "Захар Баниев", "names": ["Захар Владиславович Баниев"], "type": "person",
     "gender": "m"},
    {"id": "baniov", "canonical": "Захар Баниов", "names": ["Захар Петрович Баниов"], "type": "person",
     "gender": "m"},
    {"id": "gaev", "canonical": "Иван Гаев", "names": ["Иван Петрович Гаев"], "type": "person", "gender": "m"},
    {"id": "gayov", "canonical": "Игорь Гаёв", "names": ["Игорь Сергеевич Гаёв"], "type": "person", "gender": "m"},
    {"id": "petrov-s", "canonical": "Иван Петров", "names": ["Иван Сергеевич Петров"], "type": "person",
     "gender": "m"},
    {"id": "petrov-a", "canonical": "Иван Петров", "names": ["Иван Андреевич Петров"], "type": "person",
     "gender": "m"},
    {"id": "shiduko-k", "canonical": "Каролина Шидуко", "names": ["Каролина Елисеевна Шидуко"], "type": "person",
     "gender": "f"},
    {"id": "shiduko-e", "canonical": "Константин Шидуко", "names": ["Константин Эрикович Шидуко"],
     "type": "person", "gender": "m"},
    {"id": "sazoenko-o", "canonical": "Ольга Сазоенко", "names": ["Ольга Артуровна Сазоенко"], "type": "person",
     "gender": "f"},
    {"id": "sazoenko-e", "canonical": "Елена Сазоенко", "names": ["Елена Альбертовна Сазоенко"], "type": "person",
     "gender": "f"},
    {"id": "lomov-p", "canonical": "Олег Ломов", "names": ["Олег Петрович Ломов"], "type": "person", "gender": "m"},
    {"id": "lomov", "canonical": "Олег Ломов", "names": ["Олег Ломов"], "type": "person", "gender": "m"},
]  # fmt: skip


@pytest.fixture(scope="module")
def people() -> Normalizer:
    return Normalizer.from_records(_PEOPLE)


def test_the_two_surnames_share_a_key(people: Normalizer) -> None:
    key = people.key
    assert key("Канико") == key("Конико") and key("Баниев") == key("Баниов")
    assert {c.entity_id for c in people.candidates("С. В. Канико")} == {"kaniko", "koniko"}


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("С. В. Канико", "kaniko"),  # the initials fit both; the surname as written is one's
        ("С. В. Конико", "koniko"),
        ("S. V. Kaniko", "kaniko"),  # a scheme's spelling of one of them
        ("S. V. Koniko", "koniko"),
        ("Zakhar Baniev", "baniev"),  # BGN/PCGN
        ("Zakhar Baniyev", "baniev"),
        ("Zachar Banijew", "baniev"),  # Polish press
        ("Захар Баниева", "baniev"),  # a case form the index made of his surname
        ("К. Е. Шидуко", "shiduko-k"),  # Е. as Елисеевна is written; Эрикович only keys alike
        ("К. Э. Шидуко", "shiduko-e"),
        ("О. А. Сазоенко", "sazoenko-o"),  # Олена, a form of Елена, is no spelling of hers
    ],
)
def test_a_surname_written_as_one_of_them_names_that_one(people: Normalizer, mention: str, expected: str) -> None:
    m = people.resolve(mention)
    assert m is not None and m.entity_id == expected and not m.ambiguous, m
    assert len(people.candidates(mention)) == 2  # both were candidates: the spelling decided


@pytest.mark.parametrize("mention", ["И. Гаёв", "I. Gayov"])
def test_one_initial_names_the_one_written_so_and_stays_ambiguous(people: Normalizer, mention: str) -> None:
    # the surname as written is Гаёв's, not Гаев's; one initial narrows the given name to a letter,
    # which people outside the table share, so the match is called ambiguous, as a surname alone
    m = people.resolve(mention)
    assert m is not None and m.entity_id == "gayov" and m.ambiguous, m
    assert len(people.candidates(mention)) == 2


@pytest.mark.parametrize(
    "mention",
    [
        "С. В. Каника",  # a spelling neither has: near both alike
        "И. Гаев",  # both: Гаёв is written so without its ё
        "I. Gaev",  # both: ICAO writes е and ё alike
        "Иван Петров",  # namesakes: the same name as written
        "Ivan Petrov",
        "I. Petrov",
        "K. E. Shiduko",  # Latin E: Eliseevna and Erikovich alike
        "Олег П. Ломов",  # the other Ломов's patronymic is not in the table: he may be the one
    ],
)
def test_a_spelling_both_share_or_neither_has_stays_ambiguous(people: Normalizer, mention: str) -> None:
    assert people.resolve(mention) is None
    assert people.resolve(mention, policy="first") is not None
