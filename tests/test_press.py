"""Names as the press of other languages writes them resolve to the person, and only to that person.

The forms are those of the press conventions the schemes in tables/schemes/ru-press-*.yaml and
be-press-*.yaml follow (Hungarian Vlagyimir Putyin, Lithuanian Vladimiras Putinas, Latvian Vladimirs
Putins, Romanian Serghei Lavrov, Turkish Sergey Şoygu, Norwegian Jevgenij Prigozjin, Catalan
Aleksandr Lukaixenko); the people are bundled entities.
"""

from __future__ import annotations

import pytest

import normalize

PRESS_FORMS = [
    # Hungarian: gy ty ny for soft д т н, sz s cs zs, -ics
    ("Vlagyimir Putyin", "vladimir-putin"),
    ("Vlagyimir Vlagyimirovics Putyin", "vladimir-putin"),
    ("Dmitrij Medvegyev", "dmitry-medvedev"),
    ("Szergej Lavrov", "sergey-lavrov"),
    ("Jevgenyij Prigozsin", "yevgeny-prigozhin"),
    ("Alekszandr Lukasenko", "alexander-lukashenko"),
    ("Roman Protaszevics", "roman-protasevich"),
    # Lithuanian: the endings -as, -is, -us, -ius of masculine names; feminine names keep -a
    ("Vladimiras Putinas", "vladimir-putin"),
    ("Vladimiras Vladimirovičius Putinas", "vladimir-putin"),
    ("Sergejus Lavrovas", "sergey-lavrov"),
    ("Dmitrijus Peskovas", "dmitry-peskov"),
    ("Jevgenijus Prigožinas", "yevgeny-prigozhin"),
    ("Marija Zacharova", "maria-zakharova"),
    ("Romanas Protasevičius", "roman-protasevich"),
    ("Aliaksandras Lukašenka", "alexander-lukashenko"),
    ("Siarhejus Cichanouskis", "siarhei-tsikhanouski"),
    ("Sviatlana Cichanouskaja", "sviatlana-tsikhanouskaya"),
    # Latvian: the ending -s, ļ ņ, i for ы
    ("Vladimirs Putins", "vladimir-putin"),
    ("Vladimirs Vladimirovičs Putins", "vladimir-putin"),
    ("Dmitrijs Medvedevs", "dmitry-medvedev"),
    ("Sergejs Šoigu", "sergei-shoigu"),
    ("Aleksandrs Lukašenko", "alexander-lukashenko"),
    ("Svjatlana Cihanouska", "sviatlana-tsikhanouskaya"),
    ("Sjarhejs Cihanouskis", "siarhei-tsikhanouski"),
    ("Boriss Grizlovs", "boris-gryzlov"),
    # Romanian: ci / ce for ч, ș ț (and the cedilla forms), î for ы, gh before e i
    ("Vladimir Vladimirovici Putin", "vladimir-putin"),
    ("Serghei Lavrov", "sergey-lavrov"),
    ("Serghei Șoigu", "sergei-shoigu"),
    ("Serghei Şoigu", "sergei-shoigu"),
    ("Evgheni Prigojin", "yevgeny-prigozhin"),
    ("Aleksandr Lukașenko", "alexander-lukashenko"),
    ("Svetlana Tihanovskaia", "sviatlana-tsikhanouskaya"),
    ("Roman Protasevici", "roman-protasevich"),
    ("Boris Grîzlov", "boris-gryzlov"),
    # Turkish: ç ş j, ı for ы, final -iy
    ("Vladimir Vladimiroviç Putin", "vladimir-putin"),
    ("Sergey Şoygu", "sergei-shoigu"),
    ("Yevgeniy Prigojin", "yevgeny-prigozhin"),
    ("Mariya Zaharova", "maria-zakharova"),
    ("Aleksandr Lukaşenko", "alexander-lukashenko"),
    ("Roman Protaseviç", "roman-protasevich"),
    # Scandinavian: Norwegian tsj (-itsj), Swedish and Danish tj (-itj)
    ("Vladimir Vladimirovitsj Putin", "vladimir-putin"),
    ("Vladimir Vladimirovitj Putin", "vladimir-putin"),
    ("Sergej Sjojgu", "sergei-shoigu"),
    ("Jevgenij Prigozjin", "yevgeny-prigozhin"),
    ("Jevgenij Prigosjin", "yevgeny-prigozhin"),
    ("Marija Sakharova", "maria-zakharova"),
    ("Roman Protasevitj", "roman-protasevich"),
    # Catalan: x ix for ш, tx for ч, gu before e i
    ("Vladimir Vladimirovitx Putin", "vladimir-putin"),
    ("Serguei Xoigu", "sergei-shoigu"),
    ("Ievgueni Prigojin", "yevgeny-prigozhin"),
    ("Aleksandr Lukaixenko", "alexander-lukashenko"),
    ("Roman Protassevitx", "roman-protasevich"),
    # Dutch: oe for у
    ("Vladimir Poetin", "vladimir-putin"),
    ("Aleksandr Loekasjenko", "alexander-lukashenko"),
]


@pytest.mark.parametrize(("mention", "entity"), PRESS_FORMS)
def test_a_name_as_the_press_writes_it_finds_the_person(mention: str, entity: str) -> None:
    m = normalize.resolve(mention)
    assert m is not None and m.entity_id == entity, m.explain() if m else mention


# Another given name (or patronymic) with the surname of a bundled person, in the same press form:
# a namesake, who must not be taken for the person.
NAMESAKES = [
    "Dmitrij Putyin",
    "Szergej Medvegyev",
    "Vlagyimir Lavrov",
    "Ivanas Putinas",
    "Aleksandras Peskovas",
    "Vladimiras Šoigu",
    "Vladimiras Aleksandrovičius Putinas",
    "Jevgenijus Lukašenka",
    "Andrejs Putins",
    "Nikolajs Medvedevs",
    "Marija Lavrova",
    "Igor Prigojin",
    "Andrei Lukașenko",
    "Olga Tihanovskaia",
    "Mariya Peskova",
    "Ivan Lukaşenko",
    "Sergej Putin",
    "Andrej Sjojgu",
    "Pere Lukaixenko",
]


@pytest.mark.parametrize("mention", NAMESAKES)
def test_a_namesake_in_a_press_form_is_not_the_person(mention: str) -> None:
    m = normalize.resolve(mention)
    assert m is None, m.explain() if m else mention


@pytest.mark.parametrize(
    ("cyrillic", "scheme", "written"),
    [
        ("Путин", "ru-press-lt", "Putinas"),
        ("Путин", "ru-press-lv", "Putins"),
        ("Путин", "ru-press-hu", "Putyin"),
        ("Навальный", "ru-press-lt", "Navalnas"),
        ("Навальный", "ru-press-lv", "Navaļnijs"),
        ("ПУТИН", "ru-press-lt", "PUTINAS"),
        ("В. В. Путин", "ru-press-lt", "V. V. Putinas"),
        ("Римский-Корсаков", "ru-press-lt", "Rimskis-Korsakovas"),
        ("Тарасевіч", "be-press-lt", "Tarasevičius"),
    ],
)
def test_baltic_endings_in_transliteration(cyrillic: str, scheme: str, written: str) -> None:
    assert normalize.transliterate(cyrillic, scheme) == written


def test_a_womans_consonant_final_surname_keeps_its_bare_form() -> None:
    # Lithuanian gives a woman's surname in a consonant no ending (Svetlana Aleksijevič)
    assert "Aleksijevič" in normalize.variants("Алексиевич", language="ru")
    m = normalize.resolve("Svetlana Aleksijevič")
    assert m is not None and m.entity_id == "svetlana-alexievich"
