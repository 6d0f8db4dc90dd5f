"""Pickling of the frozen dataclasses of the compiled modules.

A frozen dataclass compiled by mypyc cannot be unpickled field by field (its fields refuse
assignment), so each one pickles as a call of its constructor with its fields instead: the same
result with or without compilation.
"""

from __future__ import annotations

import dataclasses
from typing import Any


def by_constructor(obj: Any) -> tuple[Any, tuple[Any, ...]]:
    """``__reduce__`` of a frozen dataclass: its class and the values of its ``__init__`` fields."""
    return type(obj), tuple(getattr(obj, f.name) for f in dataclasses.fields(obj) if f.init)
