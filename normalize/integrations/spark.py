"""Apache Spark (PySpark): resolve and rewrite a DataFrame column on a cluster.

The compiled index is serialized once on the driver and broadcast; each executor process loads it
once (the first batch it sees) and keeps it. The work runs in pandas UDFs over Arrow batches, so a
corpus that outgrows one machine runs unchanged on an existing cluster:

>>> from normalize.integrations.spark import rewrite_column, resolve_column
>>> df = rewrite_column(spark.read.text("s3://corpus/"), "value", output="normalized")
>>> names = resolve_column(df_names, "name")   # adds entity_id, canonical, score, type

With ``index=`` (the path of a file of ``normalize build-index``, readable at that path on every
executor's machine: a shared folder, or the same path on each), only the path is broadcast: each
executor process loads the file itself, mapped into memory, so that the executors of one machine
share its key tables in place of a copy each.

The executors need the package and its dependencies in the Python they run
(``spark.pyspark.python`` or ``PYSPARK_PYTHON``): on one machine, the driver's own Python; on a
cluster, a packed environment with the wheel installed (``spark-submit --archives env.tar.gz#env
--conf spark.pyspark.python=./env/bin/python job.py``). The README shows the whole job and explains
the Java stack trace of executors that run another Python.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from typing import TYPE_CHECKING, Any

from ..resolver import Normalizer

if TYPE_CHECKING:
    from pyspark.sql import Column, DataFrame

_LOADED: dict[str, Normalizer] = {}


def _payload(normalizer: Normalizer | None, index: str | os.PathLike[str] | None) -> tuple[Any, str]:
    """What the driver broadcasts, and the tag that names it on the executors: the index pickled,
    or with ``index`` the path of an index file (checked here, so that a wrong path fails at once)."""
    if index is not None:
        if normalizer is not None:
            raise TypeError("give normalizer= or index=, not both")
        from ..store import load_index

        path = os.path.abspath(index)
        load_index(path)  # an IndexFileError here, not on every executor
        st = os.stat(path)
        return ("index", path), hashlib.sha256(f"{path}\0{st.st_size}\0{st.st_mtime_ns}".encode()).hexdigest()
    n = normalizer if normalizer is not None else Normalizer.default()
    payload = pickle.dumps(n, protocol=pickle.HIGHEST_PROTOCOL)
    return payload, hashlib.sha256(payload).hexdigest()


def _broadcast(
    df: DataFrame, normalizer: Normalizer | None, index: str | os.PathLike[str] | None = None
) -> tuple[Any, str]:
    """Broadcast the index (or the path of its file) once from the driver; the tag names it on
    executors."""
    payload, tag = _payload(normalizer, index)
    return df.sparkSession.sparkContext.broadcast(payload), tag


def _executor_normalizer(shipped: tuple[Any, str]) -> Normalizer:
    bc, tag = shipped
    n = _LOADED.get(tag)
    if n is None:
        value = bc.value
        if isinstance(value, tuple):  # the path of an index file: mapped, shared by the executors
            from ..store import load_index

            n = load_index(value[1])
        else:
            n = pickle.loads(value)
        _LOADED[tag] = n
    return n


def rewrite_udf(
    df: DataFrame,
    normalizer: Normalizer | None = None,
    mode: str = "replace",
    *,
    index: str | os.PathLike[str] | None = None,
) -> Any:
    """A pandas UDF (string → string) that rewrites text with ``normalizer`` (or the index file
    ``index``, see the module) on the executors."""
    import pandas as pd
    from pyspark.sql.functions import pandas_udf  # type: ignore[attr-defined]

    bc = _broadcast(df, normalizer, index)

    def _rewrite(texts: pd.Series) -> pd.Series:
        from .pandas import rewrite_series

        return rewrite_series(texts, _executor_normalizer(bc), mode)  # type: ignore[arg-type]

    _rewrite.__annotations__ = {"texts": pd.Series, "return": pd.Series}  # Spark reads real types
    return pandas_udf("string")(_rewrite)


def resolve_udf(
    df: DataFrame, normalizer: Normalizer | None = None, *, index: str | os.PathLike[str] | None = None, **kwargs: Any
) -> Any:
    """A pandas UDF (string → struct<entity_id, canonical, score, type>) resolving mentions with
    ``normalizer`` (or the index file ``index``, see the module)."""
    import pandas as pd
    from pyspark.sql.functions import pandas_udf  # type: ignore[attr-defined]

    bc = _broadcast(df, normalizer, index)

    def _resolve(names: pd.Series) -> pd.DataFrame:
        from .pandas import resolve_series

        return resolve_series(names, _executor_normalizer(bc), **kwargs).reset_index(drop=True)

    _resolve.__annotations__ = {"names": pd.Series, "return": pd.DataFrame}
    return pandas_udf("entity_id string, canonical string, score double, type string")(_resolve)


def rewrite_column(
    df: DataFrame,
    column: str,
    output: str | None = None,
    normalizer: Normalizer | None = None,
    mode: str = "replace",
    *,
    index: str | os.PathLike[str] | None = None,
) -> DataFrame:
    """``df`` with ``column`` rewritten (into ``output``, by default in place); ``index``: the
    path of an index file each executor maps (see the module)."""
    udf = rewrite_udf(df, normalizer, mode, index=index)
    return df.withColumn(output or column, udf(df[column]))


def resolve_column(
    df: DataFrame,
    column: str,
    normalizer: Normalizer | None = None,
    prefix: str = "",
    *,
    index: str | os.PathLike[str] | None = None,
    **kwargs: Any,
) -> DataFrame:
    """``df`` with the columns ``entity_id``, ``canonical``, ``score`` and ``type`` (each with
    ``prefix``) resolved from ``column``; ``index``: the path of an index file each executor maps
    (see the module)."""
    udf = resolve_udf(df, normalizer, index=index, **kwargs)
    tmp = "__normalize_match"
    col: Column = udf(df[column])
    out = df.withColumn(tmp, col)
    for f in ("entity_id", "canonical", "score", "type"):
        out = out.withColumn(prefix + f, out[f"{tmp}.{f}"])
    return out.drop(tmp)
