"""Organisation names across languages: translation, inflection, compound parts, acronyms."""

from __future__ import annotations

from pathlib import Path

import pytest

import normalize
from normalize import Normalizer, TableError
from normalize.orgwords import english_reading


def eid(mention: str) -> str | None:
    m = normalize.resolve(mention)
    return m.entity_id if m else None


@pytest.mark.parametrize(
    ("mention", "entity"),
    [
        # in translation: the words of the vocabulary meet across English, Russian and Belarusian
        ("Minsk Wheel Tractor Plant", "mzkt"),
        ("Минский завод колёсных тягачей", "mzkt"),
        ("Minsk Automobile Works", "maz"),
        ("State Security Committee", "kgb-belarus"),
        ("Камітэт дзяржаўнай бяспекі", "kgb-belarus"),
        ("Ministry of Internal Affairs", "interior-ministry"),
        ("Mozyr Oil Refinery", "mozyr-oil-refinery"),
        # inflected: the endings of the vocabulary table come off
        ("Мінскага трактарнага завода", "mtz"),
        # compound words whose parts differ between Russian and Belarusian
        ("Белнафтахім", "belneftekhim"),
        ("Belneftekhim", "belneftekhim"),
        # acronyms in any of the three languages, with legal forms around them
        ("МЗКЦ", "mzkt"),
        ("ОАО «МЗКТ»", "mzkt"),
        ("ОАО «Гродно Азот»", "grodno-azot"),
    ],
)
def test_organisation_names_across_languages(mention: str, entity: str) -> None:
    assert eid(mention) == entity


@pytest.mark.parametrize(
    "mention",
    [
        "Ministry of Defence",  # shares "ministry" with two ministries: no more
        "Belarusian Oil and Chemistry Concern",  # an acronym of it (BOC) is no written name
        "Минский",  # the adjective is not the city
        "Belarusian Railways",
        "Nazionalnym",  # a spelling of Нацыянальным the vocabulary does not know is no brand
    ],
)
def test_vocabulary_words_alone_do_not_make_a_match(mention: str) -> None:
    assert eid(mention) is None


def test_a_long_name_is_also_read_up_to_its_first_and() -> None:
    n = Normalizer.from_records(
        [
            {"id": "cec", "canonical": "CEC", "type": "organization",
             "names": ["Центральная комиссия по выборам и проведению республиканских референдумов"]},
            {"id": "labour", "canonical": "Labour", "type": "organization",
             "names": ["Министерство труда и социальной защиты"]},
        ]
    )  # fmt: skip
    m = n.resolve("Центральной комиссии по выборам")
    assert m is not None and m.entity_id == "cec" and m.score == 1.0
    # two words left before the "and" are too few to name the ministry: another may share them
    assert n.resolve("Министерство труда") is None
    got = n.resolve("Министерство труда и социальной защиты")
    assert got is not None and got.entity_id == "labour"


def one(eid_: str, name: str, kind: str = "organization", gender: str | None = None) -> Normalizer:
    """A normalizer of one entity whose table row holds one name."""
    rec: dict[str, str] = {"id": eid_, "canonical": eid_, "names": name, "type": kind}
    if gender:
        rec["gender"] = gender
    return Normalizer.from_records([rec])


def assert_names(n: Normalizer, eid_: str, mentions: tuple[str, ...]) -> None:
    for q in mentions:
        m = n.resolve(q)
        assert m is not None and m.entity_id == eid_, q


def test_written_acronym_outranks_a_derived_one() -> None:
    n = Normalizer.from_records(
        [
            {
                "id": "plant",
                "canonical": "Wheel Tractor Plant",
                "names": ["Минский завод колёсных тягачей"],
                "type": "organization",
            },
            {"id": "brand", "canonical": "MZKT", "names": ["МЗКТ"], "type": "organization"},
        ]
    )
    m = n.resolve("MZKT")
    assert m is not None and m.entity_id == "brand" and not m.ambiguous
    m2 = n.resolve("Minsk Wheel Tractor Plant")
    assert m2 is not None and m2.entity_id == "plant"


def test_acronym_of_a_translated_name() -> None:
    # the English name read in Russian word order and letters gives the Russian acronym
    n = one("ict", "Унитарное предприятие «ИЦТ Горизонт»")
    assert_names(
        n,
        "ict",
        (
            "Institute of Digital Television Horizont",
            "Digital Television Institute Horizont",
            "Институт цифрового телевидения «Горизонт»",
        ),
    )
    assert n.resolve("Alexey Sergeyevich SELIVANOV") is None  # initials of a person are no acronym


def test_person_initials_are_not_read_as_an_acronym() -> None:
    n = one("aep", "Agat Electromechanical Plant")
    assert n.resolve("Andrei Evgenevich PURGIN") is None
    assert_names(n, "aep", ("Агат-электромеханический завод",))


def test_belarusian_u_for_russian_l_in_surnames() -> None:
    cyr = one("v", "Александр Александрович ВОЛК", "person", "m")
    lat = one("v", "Aliaksandr Aliaksandravich VOUK", "person", "m")
    for n in (cyr, lat):
        assert_names(n, "v", ("Аляксандр Аляксандравіч ВОЎК", "Aliaksandr VOUK", "Aleksandr VOLK", "Волк Александр"))
        assert n.resolve("Viktor VOLK") is None  # another given name: another person


def test_english_reading() -> None:
    assert english_reading("electrotechnical") == "elektrotekhnikal"
    assert english_reading("service") == "servis"
    assert english_reading("Лукашенко") == "Лукашенко"


def test_bad_vocabulary_table_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "org_vocabulary.yaml").write_text(
        "endings: [а]\nwords:\n  - {en: [plant]}\n  - {en: [bank], ru: [банк], xx: [y]}\n", encoding="utf-8"
    )
    with pytest.raises(TableError) as exc:
        normalize.Normalizer.load(tmp_path, cache=False)
    text = str(exc.value)
    assert "org_vocabulary.yaml:3" in text and "two forms" in text
    assert "org_vocabulary.yaml:4" in text and "'xx'" in text


def test_name_read_without_its_honorific() -> None:
    n = one("metz", "ОАО «Минский электротехнический завод имени В. И. Козлова»")
    assert_names(
        n,
        "metz",
        (
            "Minsk Electrotechnical Plant",
            "Minsk Electrotechnical Plant named after V. I. Kozlov",
            "Мінскі электратэхнічны завод імя В. І. Казлова",
        ),
    )


def test_legal_forms_of_ukrainian_names_are_set_aside() -> None:
    n = one("peleng", "Відкрите акціонерне товариство «Пеленг»")
    assert_names(n, "peleng", ("Peleng JSC",))
    # a name that shares only the legal form is another company
    assert n.resolve("Акціонерне товариство «Глобус»") is None


def test_a_mention_that_names_an_organisation_is_not_a_place() -> None:
    m = normalize.resolve("Минский завод")
    assert m is None or m.type == "organization"
    assert eid("Минск") == "minsk"
    # a legal form says so in any spelling: an organisation named after the city is not the city
    named = ("ООО Минск", "Obshchestvo s ogranichennoy otvetstvennostyu Minsk", "Aktsyyanernae tavarystva Hrodna")
    for mention in named:
        m = normalize.resolve(mention)
        assert m is None or m.type == "organization", mention


def test_serbian_cyrillic_and_latin_ic() -> None:
    assert_names(one("k", "Богољуб КАРИЋ", "person", "m"), "k", ("Боголюб КАРИЧ", "Bogoljub KARIĆ", "Bogoljub Karic"))


def test_romanized_legal_forms_and_generic_words_are_set_aside() -> None:
    n = one("gs", "Общество с ограниченной ответственностью «Гардсервис»")
    assert_names(
        n, "gs", ("Obshchestvo s ogranichennoy otvetstvennostyu Gardservis", "OOO GARDSERVIS", "Gruppa Gardservis")
    )
