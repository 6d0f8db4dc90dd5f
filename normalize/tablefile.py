"""Reading YAML table files with the line of every value, so that problems are reported precisely.

All scalars are read as text (YAML's ``BaseLoader``): ``no`` stays ``"no"``. Mappings come back as
:class:`LDict`, sequences as :class:`LList`; both remember the line of each key or item.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import TableError, TableProblem

try:  # libyaml's composer is several times faster; fall back to the pure-Python one.
    _Loader: Any = yaml.CBaseLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.BaseLoader

MAX_TABLE_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 32


# What the YAML parser's messages usually mean in a table file, in plain words.
_HINTS = (
    (
        (
            "mapping values are not allowed",
            "did not find expected key",
            "expected '-' indicator",
            "expected <block end>",
        ),
        "a line is indented more or less than it should be. Every key of one entry (id, type, names …) "
        "starts in the same column, the `- ` of every entry of a list stands in the same column, and the "
        "items of a list under a key are indented alike. Compare this line with the lines above it",
    ),
    (("tab character",), "indent with spaces, not tabs"),
    (
        ("could not find expected ':'",),
        "a key needs a colon and a space after it (`type: person`); look at this line and the one before",
    ),
    (
        ("expected ',' or ']'", "expected ',' or '}'"),
        "a list in brackets must be closed on the line it starts ([Name One, Name Two]); or put each item "
        "on a line of its own after `- `",
    ),
    (
        ("found unexpected end of stream", "found unknown escape character"),
        "a quotation mark is not closed, or a backslash stands inside double quotes; use single quotes",
    ),
)


def plain_words(problem: str) -> str:
    """What a YAML parser's message usually means in a table file ('' when there is no hint)."""
    for needles, hint in _HINTS:
        if any(n in problem for n in needles):
            return hint
    return ""


class LDict(dict[str, Any]):
    """A mapping read from a table; ``line`` is where it starts, ``lines[key]`` where each key is."""

    line: int
    lines: dict[str, int]


class LList(list[Any]):
    """A sequence read from a table; ``line`` is where it starts, ``lines[i]`` where item i is."""

    line: int
    lines: list[int]


class TableReader:
    """Collects problems while converting one file, so that a file reports all of them at once."""

    def __init__(self, path: Path | str, display: str | None = None) -> None:
        self.path = Path(path)
        self.display = display or str(path)
        self.problems: list[TableProblem] = []

    def problem(self, line: int, message: str) -> None:
        self.problems.append(TableProblem(self.display, line, message))

    def read(self) -> Any:
        """Parse the file; return the converted document (None when it could not be read)."""
        try:
            size = self.path.stat().st_size
            if size > MAX_TABLE_BYTES:
                self.problem(1, f"file is {size} bytes; table files are limited to {MAX_TABLE_BYTES}")
                return None
            raw = self.path.read_bytes()
        except OSError as exc:
            self.problem(1, f"cannot read file: {exc.strerror or exc}")
            return None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            self.problem(line, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})")
            return None
        return self.parse(text)

    def parse(self, text: str) -> Any:
        for i, ch in enumerate(text):
            if "\ud800" <= ch <= "\udfff":  # not encodable text (a lone surrogate)
                self.problem(text.count("\n", 0, i) + 1, "not valid text (a lone surrogate code point)")
                return None
        try:
            node = yaml.compose(text, Loader=_Loader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark is not None else 1
            said = str(exc.problem or exc.context)
            hint = plain_words(said)
            self.problem(line, f"YAML syntax: {said}" + (f". In plain words: {hint}" if hint else ""))
            return None
        except yaml.YAMLError as exc:
            self.problem(1, f"YAML syntax: {exc}")
            return None
        except RecursionError:
            self.problem(1, "YAML nesting is too deep")
            return None
        if node is None:
            return None
        return self._convert(node, 0)

    def _convert(self, node: yaml.Node, depth: int) -> Any:
        line = node.start_mark.line + 1
        if depth > MAX_DEPTH:
            self.problem(line, f"nesting deeper than {MAX_DEPTH} levels")
            return None
        if isinstance(node, yaml.ScalarNode):
            return str(node.value)
        if isinstance(node, yaml.SequenceNode):
            seq = LList()
            seq.line = line
            seq.lines = []
            for item in node.value:
                seq.append(self._convert(item, depth + 1))
                seq.lines.append(item.start_mark.line + 1)
            return seq
        if isinstance(node, yaml.MappingNode):
            out = LDict()
            out.line = line
            out.lines = {}
            for key_node, value_node in node.value:
                key_line = key_node.start_mark.line + 1
                if not isinstance(key_node, yaml.ScalarNode):
                    self.problem(key_line, "a key must be plain text")
                    continue
                key = str(key_node.value)
                if key in out:
                    self.problem(key_line, f"key {key!r} appears twice (first at line {out.lines[key]})")
                    continue
                out[key] = self._convert(value_node, depth + 1)
                out.lines[key] = key_line
            return out
        self.problem(line, "unsupported YAML node")  # pragma: no cover - BaseLoader makes only the 3 kinds
        return None

    # --- small validators used by every table loader ---------------------------------------------

    def line_of(self, container: Any, key: Any = None) -> int:
        """The line of ``container[key]`` (or of the container), 1 when unknown."""
        if key is not None:
            lines = getattr(container, "lines", None)
            try:
                if isinstance(lines, dict) and key in lines:
                    return int(lines[key])
                if isinstance(lines, list) and isinstance(key, int) and 0 <= key < len(lines):
                    return int(lines[key])
            except (TypeError, ValueError):  # pragma: no cover - defensive
                pass
        return int(getattr(container, "line", 1))

    def mapping(self, value: Any, line: int, what: str) -> LDict | None:
        if isinstance(value, LDict):
            return value
        self.problem(line, f"{what} must be a mapping of `key: value` lines")
        return None

    def sequence(self, value: Any, line: int, what: str) -> LList | None:
        if isinstance(value, LList):
            return value
        self.problem(line, f"{what} must be a list")
        return None

    def text(self, value: Any, line: int, what: str, *, empty_ok: bool = False) -> str | None:
        if isinstance(value, str) and (empty_ok or value.strip()):
            return value
        if isinstance(value, str):
            self.problem(line, f"{what} must not be empty")
        else:
            self.problem(line, f"{what} must be text")
        return None

    def texts(self, value: Any, line: int, what: str) -> list[str]:
        """A text or a list of texts; returns [] (with a problem) when neither."""
        if isinstance(value, str):
            return [value]
        if isinstance(value, LList):
            out: list[str] = []
            for i, item in enumerate(value):
                if isinstance(item, str):
                    out.append(item)
                else:
                    self.problem(value.lines[i], f"each entry of {what} must be text")
            return out
        self.problem(line, f"{what} must be text or a list of texts")
        return []

    def keys(self, mapping: LDict, allowed: set[str], required: set[str], what: str) -> None:
        for key in mapping:
            if key not in allowed:
                hint = ", ".join(sorted(allowed))
                self.problem(mapping.lines[key], f"unknown key {key!r} in {what} (allowed: {hint})")
        for key in sorted(required - set(mapping)):
            self.problem(mapping.line, f"{what} lacks the required key {key!r}")

    def mappings(self, doc: Any, what: str, item: str) -> list[LDict]:
        """The mappings of a document that must be a list of them (``what``), reporting the rest."""
        seq = self.sequence(doc, getattr(doc, "line", 1), what)
        out: list[LDict] = []
        for k, value in enumerate(seq or ()):
            m = self.mapping(value, seq.lines[k] if seq is not None else 1, item)
            if m is not None:
                out.append(m)
        return out

    def raise_if_problems(self) -> None:
        if self.problems:
            raise TableError(self.problems)
