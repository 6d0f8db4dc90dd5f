"""Writing an output file so that no data is lost: whole or not at all, in the right place.

* A regular file (or a new one) is written to a temporary file beside it, moved into place only
  when complete (:func:`output_file`); an error, an interrupt or a kill leaves the old file as it
  was. A symbolic link is followed: the file it points to is replaced, the link stays.
* Standard output (``-``), a character device (``/dev/null``, a terminal), a FIFO, and the paths
  that name an open descriptor (``/dev/stdout``, ``/dev/fd/1``) are written to directly, with no
  temporary file: they cannot be replaced, and must not be.
* Modes: a new file follows the umask (as ``open`` does), a replaced file keeps its mode, and a
  file of private data (an index, a cache) is made ``0600``.
* The temporary files carry the number of the process that writes them
  (``.NAME.PID.XXXX.part``, and ``.parts`` folders): :func:`remove_stale_parts` removes those
  of a process that is gone (a run that was killed) before a new run writes there.
"""

from __future__ import annotations

import os
import secrets
import shutil
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO

_DESCRIPTOR_DIRS = ("/dev/fd/", "/proc/self/fd/")
_DESCRIPTOR_NAMES = ("/dev/stdin", "/dev/stdout", "/dev/stderr")


def is_stream_path(path: str | Path) -> bool:
    """Whether ``path`` is written to in place: ``-`` (standard output), a path that names an open
    descriptor, or an existing file that is not a regular one (a device, a FIFO, a socket)."""
    s = str(path)
    if s == "-" or s in _DESCRIPTOR_NAMES or s.startswith(_DESCRIPTOR_DIRS):
        return True
    try:
        return not stat.S_ISREG(os.stat(s).st_mode)
    except OSError:
        return False


def real_target(path: str | Path) -> Path:
    """The file a regular output replaces: ``path`` with symbolic links followed (so that the link
    stays and the file it points to is replaced)."""
    return Path(os.path.realpath(path))


def part_name(target: Path, suffix: str) -> Path:
    """A new temporary name beside ``target``, with this process's number in it."""
    return target.parent / f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}{suffix}"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive
        return True
    return True


def remove_stale_parts(target: Path) -> list[Path]:
    """Remove the temporary files and folders that a process which is gone left beside
    ``target`` (a run that was killed); return them."""
    gone: list[Path] = []
    folder = target.parent
    prefix = f".{target.name}."
    try:
        names = [n for n in os.listdir(folder) if n.startswith(prefix) and n.endswith((".part", ".parts"))]
    except OSError:
        return gone
    for n in names:
        pid = n[len(prefix) :].split(".", 1)[0]
        if not pid.isdigit() or _alive(int(pid)):
            continue
        p = folder / n
        with suppress(OSError):
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p)
            else:
                p.unlink()
            gone.append(p)
    return gone


@contextmanager
def output_file(path: str | Path, *, private: bool = False, stdout: IO[bytes] | None = None) -> Iterator[IO[bytes]]:
    """A binary file to write ``path`` with (see the module's notes): a temporary file moved onto
    it only if the block completes, or the stream itself. ``private``: a new file is made 0600
    whatever the umask (for index and cache files)."""
    if str(path) == "-":
        out = stdout if stdout is not None else sys.stdout.buffer
        yield out
        out.flush()
        return
    if is_stream_path(path):
        with open(path, "wb") as fh:
            yield fh
        return
    target = real_target(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_parts(target)
    mode: int | None = None
    if not private:
        with suppress(FileNotFoundError):
            mode = stat.S_IMODE(os.stat(target).st_mode)
    tmp = part_name(target, ".part")
    # a new file gets 0666 less the umask from the kernel, as open() gives it; private data 0600
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600 if private else 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            if mode is not None:
                os.fchmod(fh.fileno(), mode)  # a replaced file keeps its mode
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether two paths are one file: the same path once symbolic links are followed, or the same
    inode (a hard link)."""
    if str(a) == "-" or str(b) == "-":
        return str(a) == str(b)
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
