"""The wheel's build hook: compiles the modules on the path of every mention to C with mypyc.

- The modules are compiled from a copy of the sources in a temporary folder, so that nothing
  compiled is ever written into the source tree (a compiled module left beside its ``.py`` file
  would be imported instead of the edited source).
- An editable install (``pip install -e .``) is never compiled: it runs the source as it is edited.
- Without a working C compiler and the Python headers the plain-Python build is installed, with one
  line that says so and what it costs. ``NORMALIZE_BUILD=compiled`` makes that an error instead
  (for CI); ``NORMALIZE_BUILD=python`` skips the compiler (as ``HATCH_BUILD_NO_HOOKS=true`` does).
- A Python older than the supported versions is refused with a message that names them.
"""

from __future__ import annotations

import glob
import os
import shlex
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

DIST = "normalize-names"
OLDEST = (3, 11)
TESTED = ("3.11", "3.12", "3.13")
# what the plain-Python build costs, measured in benchmarks/RESULTS.md
COST = "same results, resolve() 1.6 to 2.2 times and the rewrite pass 1.3 times slower"


def check_python(version: tuple[int, ...] = tuple(sys.version_info)) -> None:
    """Refuse an unsupported Python with a message that names the supported versions."""
    if version[:2] < OLDEST:
        have = ".".join(map(str, version[:3]))
        raise SystemExit(
            f"{DIST} needs Python {OLDEST[0]}.{OLDEST[1]} or newer (tested on {', '.join(TESTED)}); "
            f"this is Python {have}. Install it with a supported Python, for example: "
            f"python3.{OLDEST[1] + 1} -m venv .venv && . .venv/bin/activate && pip install ."
        )


def say(line: str) -> None:
    """One line for the person installing. pip shows a build's output only with ``-v`` (or when it
    fails), so the line also goes to the terminal when there is one."""
    sys.stderr.write(line + "\n")
    sys.stderr.flush()
    if os.name == "posix" and not sys.stderr.isatty():
        try:
            with open("/dev/tty", "w", encoding="utf-8") as tty:
                tty.write(line + "\n")
        except OSError:
            pass  # no terminal (CI, a container without one): the build log has the line


def compiler_problem() -> str | None:
    """Why no C extension can be built here (no compiler, no Python headers), None when one can.
    Compiles a file that includes Python.h with the compiler the build would use."""
    if os.name != "posix":
        return None  # MSVC is found by setuptools itself; a failure there falls back below
    cc = os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc"
    include = sysconfig.get_paths()["include"]
    with tempfile.TemporaryDirectory(prefix="normalize-cc-") as tmp:
        src = Path(tmp, "probe.c")
        src.write_text("#include <Python.h>\nint normalize_probe(void) { return 0; }\n", encoding="ascii")
        cmd = [*shlex.split(cc), "-c", str(src), "-o", str(Path(tmp, "probe.o")), f"-I{include}"]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
        except (OSError, subprocess.SubprocessError) as exc:
            return f"no C compiler (CC={cc}: {exc.__class__.__name__})"
        if done.returncode != 0:
            err = (done.stderr or done.stdout).strip().splitlines()
            if any("Python.h" in line for line in err):
                return f"no Python headers for the C compiler ({include}/Python.h)"
            return f"no working C compiler (CC={cc} exits with {done.returncode})"
    return None


SETUP = """\
from setuptools import setup
from mypyc.build import mypycify

setup(name="normalize_mypyc", ext_modules=mypycify({files!r} + {args!r}, opt_level={opt!r}))
"""


class CompileHook(BuildHookInterface):  # type: ignore[misc]
    """hatchling's ``custom`` build hook (configured in pyproject.toml)."""

    PLUGIN_NAME = "custom"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._tmp: str | None = None

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        check_python()
        if self.target_name != "wheel":
            return
        if version == "editable":
            self._remove_stale_modules()
            return
        mode = os.environ.get("NORMALIZE_BUILD", "auto").strip().lower() or "auto"
        if mode not in ("auto", "compiled", "python"):
            raise SystemExit(f"NORMALIZE_BUILD must be auto, compiled or python, not {mode!r}")
        if mode == "python":
            say(f"{DIST}: the plain-Python build (NORMALIZE_BUILD=python): {COST}")
            return
        problem = compiler_problem()
        if problem is None:
            try:
                outputs = self._compile()
            except RuntimeError:
                if mode == "compiled":
                    raise
                problem = "mypyc could not compile the modules (NORMALIZE_BUILD=compiled shows why)"
            else:
                build_data["pure_python"] = False
                build_data["infer_tag"] = True
                build_data["force_include"].update(outputs)
                return
        if mode == "compiled":
            raise SystemExit(f"{DIST}: NORMALIZE_BUILD=compiled, but {problem}")
        say(
            f"{DIST}: {problem}: installing the plain-Python build ({COST}); "
            "install a C compiler and the Python headers and reinstall for the compiled one"
        )

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None

    def _compile(self) -> dict[str, str]:
        """Compile the configured modules in a copy of the package; the compiled files by their
        path in the wheel."""
        include = [str(p) for p in self.config.get("include", [])]
        opt = str(self.config.get("opt-level", "3"))
        args = [str(a) for a in self.config.get("mypy-args", [])]
        self._tmp = tempfile.mkdtemp(prefix="normalize-build-")
        work = Path(self._tmp, "src")
        packages = sorted({f.split("/", 1)[0] for f in include})
        for pkg in packages:
            shutil.copytree(
                Path(self.root, pkg), work / pkg, ignore=shutil.ignore_patterns("*.so", "*.pyd", "__pycache__")
            )
        (work / "setup.py").write_text(SETUP.format(files=include, args=args, opt=opt), encoding="utf-8")
        env = dict(os.environ)
        env["MYPY_CACHE_DIR"] = str(Path(self._tmp, "mypy-cache"))
        build = ["build_ext", "--inplace", "--build-temp", str(Path(self._tmp, "tmp"))]
        build += ["--build-lib", str(Path(self._tmp, "lib"))]
        done = subprocess.run(
            [sys.executable, "setup.py", *build],
            cwd=work,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"mypyc failed:\n{done.stdout}")
        suffix = sysconfig.get_config_var("EXT_SUFFIX") or ".so"
        outputs: dict[str, str] = {}
        for path in glob.glob(str(work / "**" / f"*{suffix}"), recursive=True):
            outputs[path] = Path(path).relative_to(work).as_posix()
        if not any("/" in rel for rel in outputs.values()):
            raise RuntimeError("mypyc wrote no compiled module")
        return outputs

    def _remove_stale_modules(self) -> None:
        """Compiled modules left in the source tree by an older build would be imported instead of
        the source an editable install is made for: remove them."""
        suffixes = (".so", ".pyd")
        stale = []
        for rel in self.config.get("include", []):
            stem = Path(self.root, str(rel)).with_suffix("")
            stale += [p for p in stem.parent.glob(stem.name + ".*") if p.suffix in suffixes]
        stale += [p for p in Path(self.root).glob("*__mypyc.*") if p.suffix in suffixes]
        for p in stale:
            p.unlink()
        if stale:
            say(f"{DIST}: removed {len(stale)} compiled modules of an older build from the source tree")
