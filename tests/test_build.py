"""Installing: the distribution name and version, the build without a C compiler, nothing compiled in
the source tree, editable installs that run the source, and the message for an unsupported Python."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

import normalize

REPO = Path(__file__).resolve().parent.parent  # a source checkout (tests/ ships in the sdist only)
HOOK = REPO / "hatch_build.py"


def command() -> list[str]:
    script = Path(sys.executable).with_name("normalize")
    return [str(script)] if script.exists() else [sys.executable, "-m", "normalize"]


def hook() -> Any:
    """The build hook module of the checkout (skips where there is none, or no hatchling)."""
    pytest.importorskip("hatchling")
    if not HOOK.is_file():
        pytest.skip("not a source checkout")
    sys.path.insert(0, str(REPO))
    try:
        import hatch_build
    finally:
        sys.path.remove(str(REPO))
    return hatch_build


def test_version_names_the_distribution_and_the_build() -> None:
    assert importlib.metadata.version("normalize-names") == normalize.__version__
    done = subprocess.run([*command(), "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    spec = importlib.util.find_spec("normalize.index")
    compiled = spec is not None and not str(spec.origin).endswith(".py")
    kind = "compiled with mypyc" if compiled else "plain Python"
    assert done.stdout.startswith(f"normalize-names {normalize.__version__} ({kind}; Python ")


def test_nothing_compiled_in_the_source_tree() -> None:
    """A build (CI installs the checkout before the tests) leaves no compiled module beside the
    source, where it would be imported instead of the edited .py file."""
    if not (REPO / "normalize" / "__init__.py").is_file():
        pytest.skip("not a source checkout")
    found = [p.name for p in [*REPO.glob("normalize/**/*"), *REPO.glob("*")] if p.suffix in (".so", ".pyd")]
    assert found == []


def test_an_unsupported_python_is_told_the_supported_versions() -> None:
    hb = hook()
    with pytest.raises(SystemExit) as exc:
        hb.check_python((3, 9, 18))
    assert str(exc.value).startswith("normalize-names needs Python 3.11 or newer (tested on 3.11, 3.12, 3.13)")
    assert "this is Python 3.9.18" in str(exc.value)
    hb.check_python((3, 11, 0))


def test_no_compiler_is_found_out_before_mypyc_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    hb = hook()
    monkeypatch.setenv("CC", "/bin/false")
    assert hb.compiler_problem() == "no working C compiler (CC=/bin/false exits with 1)"
    monkeypatch.setenv("CC", "/nonexistent/cc")
    assert hb.compiler_problem() == "no C compiler (CC=/nonexistent/cc: FileNotFoundError)"


def _build(tmp_path: Path, what: str, **env: str) -> tuple[Path, str]:
    hook()
    out = tmp_path / "dist"
    out.mkdir()
    code = f"import hatchling.build as b; print(b.{what}({str(out)!r}))"
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        env={**os.environ, "NORMALIZE_BUILD": "auto", **env},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return out / done.stdout.strip().splitlines()[-1], done.stderr


def test_without_a_compiler_the_plain_python_wheel_is_built_with_one_line(tmp_path: Path) -> None:
    wheel, err = _build(tmp_path, "build_wheel", CC="/bin/false")
    assert wheel.name.endswith("-py3-none-any.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "normalize/index.py" in names and "normalize/tables/json-schema/entities.schema.json" in names
    assert not [n for n in names if n.endswith((".so", ".pyd"))]
    lines = [line for line in err.splitlines() if line.startswith("normalize-names:")]
    assert lines == [
        "normalize-names: no working C compiler (CC=/bin/false exits with 1): installing the plain-Python build "
        "(same results, resolve() 1.6 to 2.2 times and the rewrite pass 1.3 times slower); install a C compiler "
        "and the Python headers and reinstall for the compiled one"
    ]
    test_nothing_compiled_in_the_source_tree()


def test_an_editable_install_runs_the_source(tmp_path: Path) -> None:
    pytest.importorskip("editables")  # what pip installs for hatchling's editable wheels
    wheel, err = _build(tmp_path, "build_editable")
    names = zipfile.ZipFile(wheel).namelist()
    assert not [n for n in names if n.endswith((".so", ".pyd"))]
    pth = [n for n in names if n.endswith(".pth")]
    assert pth and str(REPO) in zipfile.ZipFile(wheel).read(pth[0]).decode()
    assert "compiler" not in err
    test_nothing_compiled_in_the_source_tree()


def test_normalize_build_compiled_refuses_to_fall_back(tmp_path: Path) -> None:
    hook()
    done = subprocess.run(
        [sys.executable, "-c", f"import hatchling.build as b; b.build_wheel({str(tmp_path)!r})"],
        cwd=REPO,
        env={**os.environ, "CC": "/bin/false", "NORMALIZE_BUILD": "compiled"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode != 0
    assert "normalize-names: NORMALIZE_BUILD=compiled, but no working C compiler" in done.stderr
    assert list(tmp_path.iterdir()) == []
