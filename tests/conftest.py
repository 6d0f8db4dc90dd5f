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


def run(argv: list[str], capsys: pytest.CaptureFixture[str], stdin: bytes | None = None) -> tuple[int, str, str]:
    """``normalize`` run in this process (``normalize.cli.main``) with ``argv`` and, if given,
    ``stdin`` as its standard input: its exit code, standard output and standard error."""
    import io
    import sys

    from normalize.cli import main

    if stdin is not None:
        old = sys.stdin
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
        try:
            code = main(argv)
        finally:
            sys.stdin = old
    else:
        code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def command() -> str:
    """The installed `normalize` command (beside the interpreter that runs the tests)."""
    import sys

    exe = Path(sys.executable).parent / "normalize"
    assert exe.exists(), "the tests run the installed `normalize` command: install the package first"
    return str(exe)


@pytest.fixture(scope="session")
def cli_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment the installed command runs in: its own package (no PYTHONPATH) and a
    cache of its own, unless the run gives one."""
    import os

    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    if not env.get("NORMALIZE_CACHE_DIR"):
        env["NORMALIZE_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    return env
