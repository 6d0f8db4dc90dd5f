"""The generator of the adversarial benchmark (benchmarks/adversarial.py) makes what it says: near
surnames that are not a spelling of the surname, the grammatical forms of the tables, and answers
that follow from the tables."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from normalize import Normalizer, variants

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
if not (BENCHMARKS / "adversarial.py").is_file():  # an installation without the source tree
    pytest.skip("benchmarks/ is not here", allow_module_level=True)
sys.path.insert(0, str(BENCHMARKS))

from adversarial import (  # noqa: E402
    BRAND_SURNAME,
    CLASSES,
    CONSONANTS,
    NAMESAKE_INITIALS,
    OWN_NAME,
    AdversarialSet,
    Item,
    person_of,
)


@pytest.fixture(scope="module")
def gen() -> AdversarialSet:
    return AdversarialSet(Normalizer.default())


@pytest.fixture(scope="module")
def items(gen: AdversarialSet) -> list[Item]:
    return gen.items()


def test_near_surnames_differ_by_one_consonant_and_are_no_spelling_of_the_surname(gen: AdversarialSet) -> None:
    checked = 0
    for p in gen.persons:
        for n in p.names:
            own = {gen.key(n.surname)} | {gen.key(v) for v in variants(n.surname)}
            for s in gen.near_spellings(p, n):
                diff = [(a, b) for a, b in zip(n.surname, s, strict=True) if a != b]
                assert len(diff) == 1, (n.surname, s)
                (a, b), cons = diff[0], CONSONANTS[n.language]
                assert a.lower() in cons and b.lower() in cons, (n.surname, s)
                k = gen.key(s)
                assert k not in own, (n.surname, s)  # not the same surname spelt otherwise
                assert k not in gen.name_keys, (n.surname, s)  # not another entity's name
                checked += 1
    assert checked > 1000


def test_a_surname_variant_of_the_key_table_is_no_near_surname() -> None:
    # ў for л is the Belarusian spelling of the same surname (Воўк / Волк): not one consonant away
    n = Normalizer.from_records(
        [{"id": "x", "canonical": "Yanka Vouk", "names": ["Янка Воўк", "Янка Волк"], "type": "person", "gender": "m"}]
    )
    gen = AdversarialSet(n)
    p = person_of(n.entities[0])
    assert p is not None
    be = next(x for x in p.names if x.language == "be")
    near = gen.near_spellings(p, be)
    assert "Волк" not in near and "Воўк" not in near
    assert near  # but other consonants are replaced


def test_the_other_gender_and_the_genitive_follow_the_grammar(gen: AdversarialSet) -> None:
    assert gen.other_gender("Тихановская", "ru", "f") == "Тихановский"
    assert gen.other_gender("Тихановский", "ru", "m") == "Тихановская"
    assert gen.other_gender("Ціханоўская", "be", "f") == "Ціханоўскі"
    assert gen.other_gender("Калеснікава", "be", "f") == "Калеснікаў"
    assert gen.other_gender("Лукашенко", "ru", "m") == "Лукашенко"  # does not change
    assert gen.genitive("Лукашэнка", "be", "m") == "Лукашэнкі"
    assert gen.genitive("Аляксандр", "be", "m", given=True) == "Аляксандра"
    assert gen.genitive("Тихановская", "ru", "f") == "Тихановской"
    assert gen.genitive("Хомич", "ru", "f") == "Хомич"  # a woman's -ич does not decline


def test_answers_follow_the_tables(gen: AdversarialSet) -> None:
    assert gen.listed("Виктор", None, "Лукашенко", "m") == {"viktor-lukashenko"}
    assert gen.listed("Галина", None, "Лукашенко", "f") == {"galina-lukashenko"}
    assert gen.listed("Анна", None, "Лукашенко", "f") == set()
    assert gen.listed("Сергей", None, "Тихановская", "m") == set()  # his surname is Тихановский
    # the genitive of Александр Лукашенко is a woman's name in the nominative too
    assert gen.listed("Александра", None, "Лукашенко", "f") == {"alexander-lukashenko"}
    assert gen.listed("Александр", "Викторович", "Лукашенко", "m") == set()  # another patronymic


def test_items_are_deterministic_and_carry_answers(gen: AdversarialSet, items: list[Item]) -> None:
    some = gen.persons[:12]
    again, other = AdversarialSet(Normalizer.default()), AdversarialSet(Normalizer.default(), seed=gen.seed + 1)
    ids = {p.id for p in some}
    assert [i for i in items if i.source in ids and i.cls != BRAND_SURNAME] == [
        i for p in some for i in again.person_items(p)
    ]
    assert [i for p in some for i in other.person_items(p)] != [i for p in some for i in gen.person_items(p)]
    known = {r.id for r in gen.records}
    assert {i.cls for i in items} == set(CLASSES)
    assert all(i.expected is None or i.expected in known for i in items)
    assert all(i.expected == i.source for i in items if i.cls == OWN_NAME)
    texts = {i.text for i in items}
    assert {"Фонд Аляксандра Лукашэнкі", "Фонд имени Светланы Тихановской", "Полк Лукашэнкі"} <= texts


def test_other_initials_fit_no_namesake(gen: AdversarialSet, items: list[Item]) -> None:
    for i in (i for i in items if i.cls == NAMESAKE_INITIALS and i.expected is None):
        initial, surname = i.text.split(". ")[0], i.text.split()[-1]
        if len(i.text.split()) != 2:
            continue
        for q, _ in gen.by_surname.get(gen.key(surname), ()):
            assert not gen.fits(initial, gen.given_initials(q)), (i.text, q.id)
