"""Titles of many languages are set aside in front of a name; a title list cannot take a name away."""

from __future__ import annotations

from pathlib import Path

import pytest

import normalize
from normalize import TableError
from normalize.tables import load_tables

TITLED = [
    ("Prezydent Łukaszenka", "Łukaszenka", "alexander-lukashenko"),  # Polish
    ("Presidente Putin", "Putin", "vladimir-putin"),  # Spanish, Italian, Portuguese
    ("Präsident Lukaschenko", "Lukaschenko", "alexander-lukashenko"),  # German
    ("Kremlchef Putin", "Putin", "vladimir-putin"),
    ("Predsjednik Putin", "Putin", "vladimir-putin"),  # Croatian, Bosnian
    ("Predsednik Putin", "Putin", "vladimir-putin"),  # Serbian, Slovene
    ("Председник Путин", "Путин", "vladimir-putin"),  # Serbian Cyrillic
    ("Президент Путин", "Путин", "vladimir-putin"),
    ("президента Лукашенко", "Лукашенко", "alexander-lukashenko"),  # a Russian case form
    ("спадарыні Ціханоўскай", "Ціханоўскай", "sviatlana-tsikhanouskaya"),  # a Belarusian case form
    ("Прем'єр-міністр Головченко", "Головченко", "roman-golovchenko"),  # Ukrainian
    ("Premiér Golovčenko", "Golovčenko", "roman-golovchenko"),  # Czech
    ("Miniszter Lavrov", "Lavrov", "sergey-lavrov"),  # Hungarian
    ("Președintele Putin", "Putin", "vladimir-putin"),  # Romanian, comma below
    ("Preşedintele Putin", "Putin", "vladimir-putin"),  # Romanian, cedilla
    ("Ministrul Lavrov", "Lavrov", "sergey-lavrov"),
    ("Prezidentas Putinas", "Putinas", "vladimir-putin"),  # Lithuanian
    ("Prezidents Putins", "Putins", "vladimir-putin"),  # Latvian
    ("Peaminister Golovtšenko", "Golovtšenko", "roman-golovchenko"),  # Estonian
    ("Presidentti Putin", "Putin", "vladimir-putin"),  # Finnish
    ("Utrikesminister Lavrov", "Lavrov", "sergey-lavrov"),  # Swedish
    ("Statsminister Golovtsjenko", "Golovtsjenko", "roman-golovchenko"),  # Norwegian
    ("Præsident Putin", "Putin", "vladimir-putin"),  # Danish
    ("Mevrouw Tichanovskaja", "Tichanovskaja", "sviatlana-tsikhanouskaya"),  # Dutch
    ("Cumhurbaşkanı Putin", "Putin", "vladimir-putin"),  # Turkish
    ("Dışişleri Bakanı Lavrov", "Lavrov", "sergey-lavrov"),
    ("Señora Tijanóvskaya", "Tijanóvskaya", "sviatlana-tsikhanouskaya"),  # Spanish
    ("Signora Tikhanovskaya", "Tikhanovskaya", "sviatlana-tsikhanouskaya"),  # Italian
]


@pytest.mark.parametrize(("mention", "name", "entity"), TITLED)
def test_a_title_in_front_of_a_name_is_set_aside(mention: str, name: str, entity: str) -> None:
    m = normalize.resolve(mention)
    assert m is not None and m.entity_id == entity, m.explain() if m else mention
    bare = normalize.resolve(name)  # the titles count for nothing: the score of the name alone
    assert bare is not None and m.score == pytest.approx(bare.score)


def test_a_title_alone_is_not_taken_off() -> None:
    # only while a word of the name is left: a one-word mention keeps its word
    assert normalize.resolve("Prezydent") is None


def test_a_title_that_is_a_given_name_is_refused(tmp_path: Path, tables_dir: Path) -> None:
    text = (tables_dir / "titles.yaml").read_text(encoding="utf-8")
    text = text.replace("titles:\n", "titles:\n  - maria\n  - Serghei\n", 1)  # a given name; a spelling of one
    (tmp_path / "titles.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(TableError) as exc:
        load_tables(tmp_path, entities=False)
    msg = str(exc.value)
    line = text.splitlines().index("  - maria") + 1
    assert f"titles.yaml:{line}: title 'maria' is also the given name" in msg
    assert f"titles.yaml:{line + 1}: title 'Serghei' is also the given name 'Сергей'" in msg
