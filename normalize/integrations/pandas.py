"""pandas: resolve and rewrite a Series, vectorised over its distinct values.

A million rows holding ten thousand distinct names cost ten thousand resolutions: the work is done
once per distinct value and spread back to the rows.

Importing this module registers the Series accessor ``.normalize``:

>>> import normalize.integrations.pandas
>>> df[["entity_id", "canonical", "score", "type"]] = df["name"].normalize.resolve()
>>> df["body"] = df["body"].normalize.rewrite()

and the same work as functions:

>>> from normalize.integrations.pandas import resolve_series
>>> resolve_series(df["name"])          # DataFrame with entity_id, canonical, score, type
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..replacement import Mode
from ..resolver import Normalizer

if TYPE_CHECKING:
    import pandas as pd

RESOLVE_COLUMNS = ("entity_id", "canonical", "score", "type")


def _normalizer(normalizer: Normalizer | None) -> Normalizer:
    return normalizer if normalizer is not None else Normalizer.default()


def resolve_series(series: pd.Series, normalizer: Normalizer | None = None, **kwargs: Any) -> pd.DataFrame:
    """Resolve every value of ``series``; returns a DataFrame on the same index with the columns
    ``entity_id``, ``canonical``, ``score`` and ``type`` (missing where nothing matched).
    ``kwargs`` go to :meth:`Normalizer.resolve` (threshold, policy, types)."""
    import pandas as pd

    n = _normalizer(normalizer)
    values = series.dropna().unique()
    table: dict[Any, tuple[Any, ...]] = {}
    for v in values:
        m = n.resolve(v, **kwargs) if isinstance(v, str) else None
        table[v] = (m.entity_id, m.canonical, m.score, m.type) if m else (None, None, float("nan"), None)
    empty = (None, None, float("nan"), None)
    rows = [table.get(v, empty) if isinstance(v, str) else empty for v in series.tolist()]
    out = pd.DataFrame(rows, index=series.index, columns=list(RESOLVE_COLUMNS))
    out["score"] = out["score"].astype("float64")
    return out


def rewrite_series(series: pd.Series, normalizer: Normalizer | None = None, mode: Mode = "replace") -> pd.Series:
    """Rewrite every text of ``series`` (distinct texts once); non-text values are kept."""
    import pandas as pd

    from ..rewrite import rewriter_for

    rewriter = rewriter_for(_normalizer(normalizer))
    done: dict[str, str] = {}
    out = []
    for v in series.tolist():
        if isinstance(v, str):
            if v not in done:
                done[v] = rewriter.rewrite_text(v, mode)[0]
            out.append(done[v])
        else:
            out.append(v)
    return pd.Series(out, index=series.index, name=series.name, dtype=series.dtype if series.dtype == object else None)


def mentions_series(series: pd.Series, normalizer: Normalizer | None = None) -> pd.Series:
    """The mentions found in each text, as lists of dicts (start, end, surface, entity_id, …)."""
    import pandas as pd

    from ..io import mention_dict, source_ids

    n = _normalizer(normalizer)
    ids = source_ids(n)
    done: dict[str, list[dict[str, Any]]] = {}
    out: list[Any] = []
    for v in series.tolist():
        if isinstance(v, str):
            if v not in done:
                done[v] = [mention_dict(m, ids) for m in n.rewrite(v, "annotate").mentions]
            out.append(done[v])
        else:
            out.append([])
    return pd.Series(out, index=series.index, name=series.name)


def _register_accessor() -> None:
    import pandas as pd

    @pd.api.extensions.register_series_accessor("normalize")
    class NormalizeAccessor:
        """``series.normalize``: :meth:`resolve`, :meth:`rewrite` and :meth:`mentions` of a Series
        of names or texts (each distinct value once), with the bundled tables (and
        ``$NORMALIZE_TABLES``) unless a ``normalizer`` is given."""

        def __init__(self, series: pd.Series) -> None:
            self._series = series

        def resolve(self, normalizer: Normalizer | None = None, **kwargs: Any) -> pd.DataFrame:
            """A DataFrame on the same index: ``entity_id``, ``canonical``, ``score``, ``type``."""
            return resolve_series(self._series, normalizer, **kwargs)

        def rewrite(self, normalizer: Normalizer | None = None, mode: Mode = "replace") -> pd.Series:
            """Every text with its mentions rewritten (``mode`` as in :func:`normalize.rewrite`)."""
            return rewrite_series(self._series, normalizer, mode)

        def mentions(self, normalizer: Normalizer | None = None) -> pd.Series:
            """The mentions found in each text, as lists of dicts."""
            return mentions_series(self._series, normalizer)


_register_accessor()
