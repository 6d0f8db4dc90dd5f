"""Spark local[2] rewrite throughput beside the single-process CLI, and worker start-up times.

Run: python benchmarks/bench_spark.py [--mb 200]   (needs the spark extra and Java)

The corpus is the one bench_rewrite.py makes. Spark reads it as text, rewrites the column with
the pandas UDF and writes text out; the CLI rewrites the same file with one process. Start-up is
the time a fresh Python process needs to be ready to resolve: from the serialized index file and
from the table files.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_rewrite import make_corpus  # noqa: E402

import normalize  # noqa: E402
from normalize import Normalizer  # noqa: E402
from normalize.rewrite import Rewriter  # noqa: E402
from normalize.store import save_index  # noqa: E402

PACKAGE_PARENT = Path(normalize.__file__).resolve().parent.parent  # the build under test, for the commands


def startup(code: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(PACKAGE_PARENT), "NORMALIZE_CACHE_DIR": "off"}
    best = float("inf")
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
        best = min(best, float(out.stdout.strip()))
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=int, default=200)
    args = ap.parse_args()
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        print("pyspark not installed: skipped")
        return 0
    n = Normalizer.default()
    with tempfile.TemporaryDirectory() as d:
        corpus = Path(d) / "corpus.txt"
        size = make_corpus(corpus, args.mb, Rewriter(n), 0.01)
        mb = size / 1e6
        index = Path(d) / "index.bin"
        save_index(n, index)

        timer = "import time; t=time.perf_counter(); "
        t_index = startup(
            timer + f"from normalize.store import load_index; n=load_index({str(index)!r}); "
            "n.resolve('Lukashenko'); print(time.perf_counter()-t)"
        )
        t_tables = startup(
            timer + "from normalize import Normalizer; n=Normalizer.load(cache=False); "
            "n.resolve('Lukashenko'); print(time.perf_counter()-t)"
        )
        print(f"corpus {mb:.0f} MB")
        print(f"worker start-up from the index file   {t_index * 1000:7.0f} ms")
        print(f"worker start-up from the table files  {t_tables * 1000:7.0f} ms")

        env = {**os.environ, "PYTHONPATH": str(PACKAGE_PARENT)}
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "normalize", "rewrite", str(corpus), "-o", str(Path(d) / "cli.txt"),
             "--index", str(index), "--quiet"],
            check=True, env=env,
        )  # fmt: skip
        t_cli = time.perf_counter() - t0
        print(f"CLI, one process                      {mb / t_cli:7.1f} MB/s")

        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        spark = (
            SparkSession.builder.master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.driver.memory", "4g")
            .config("spark.sql.execution.arrow.pyspark.enabled", "true")
            .getOrCreate()
        )
        spark.sparkContext.setLogLevel("ERROR")
        from normalize.integrations.spark import rewrite_column

        t0 = time.perf_counter()
        df = spark.read.text(str(corpus)).repartition(8)
        rewrite_column(df, "value", normalizer=n).write.mode("overwrite").text(str(Path(d) / "spark-out"))
        t_spark = time.perf_counter() - t0
        spark.stop()
        print(f"Spark local[2]                        {mb / t_spark:7.1f} MB/s  ({t_cli / t_spark:.2f}x the CLI)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
