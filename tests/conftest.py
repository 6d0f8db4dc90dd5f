from __future__ import annotations

from pathlib import Path

import pytest

from normalize.tables import Tables, default_tables_dir, load_tables

TABLES = default_tables_dir()


@pytest.fixture(scope="session")
def tables() -> Tables:
    return load_tables(TABLES)


@pytest.fixture(scope="session")
def tables_dir() -> Path:
    return TABLES
