"""Pickling of the classes of the compiled modules, the same with or without compilation.

A compiled class has no ``__dict__`` to pickle: the classes a saved index holds name the attributes
they keep (:func:`saved_state`, :func:`restore_state`), and make their memos again when loaded. A
frozen dataclass compiled by mypyc cannot be unpickled field by field (its fields refuse
assignment), so each one pickles as a call of its constructor with its fields instead.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any


def by_constructor(obj: Any) -> tuple[Any, tuple[Any, ...]]:
    """``__reduce__`` of a frozen dataclass: its class and the values of its ``__init__`` fields."""
    return type(obj), tuple(getattr(obj, f.name) for f in dataclasses.fields(obj) if f.init)


def saved_state(obj: object, names: Iterable[str]) -> dict[str, Any]:
    """``__getstate__`` of an object that keeps the attributes ``names``."""
    return {name: getattr(obj, name) for name in names}


def restore_state(obj: object, state: Mapping[str, Any], names: Iterable[str]) -> None:
    """The attributes ``names`` of ``obj`` set from ``state`` (see :func:`saved_state`)."""
    for name in names:
        setattr(obj, name, state[name])
