"""Fault injection: `normalize rewrite` killed (SIGKILL) at random moments, over text, JSON Lines and
CSV, with and without --jobs. After each kill the output is the old file (or absent) or complete
and right; the next run removes what the killed one left and writes the same output."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest
from conftest import command

pytestmark = pytest.mark.slow

KILLS = 20
SENTENCE = "Lukashenko met Тихановскую in Grodno, and Viasna spoke in Minsk"


def _inputs(folder: Path) -> dict[str, Path]:
    n = 40_000
    text = folder / "in.txt"
    text.write_text("".join(f"{i} {SENTENCE}.\n" for i in range(n)), encoding="utf-8")
    jsonl = folder / "in.jsonl"
    jsonl.write_text(
        "".join(json.dumps({"id": i, "text": SENTENCE, "n": 1.5}) + "\n" for i in range(n)), encoding="utf-8"
    )
    csv = folder / "in.csv"
    csv.write_text("id,text\n" + "".join(f'{i},"{SENTENCE}"\n' for i in range(n)), encoding="utf-8")
    return {"text": text, "jsonl": jsonl, "csv": csv}


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".part", ".parts")))


def test_killed_runs_leave_old_or_complete_output(tmp_path: Path, cli_env: dict[str, str]) -> None:
    rnd = random.Random(19)
    inputs = _inputs(tmp_path)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    cases = [(fmt, jobs) for fmt in inputs for jobs in ("1", "2")]
    want: dict[tuple[str, str], bytes] = {}
    took: dict[tuple[str, str], float] = {}
    for fmt, jobs in cases:
        ref = out_dir / f"ref-{fmt}-{jobs}"
        t0 = time.perf_counter()
        assert (
            subprocess.run(
                [command(), "rewrite", str(inputs[fmt]), "-o", str(ref), "--jobs", jobs], env=cli_env
            ).returncode
            == 0
        )
        took[(fmt, jobs)] = time.perf_counter() - t0
        want[(fmt, jobs)] = ref.read_bytes()
    assert len({want[(f, "1")] == want[(f, "2")] for f in inputs}) == 1  # one job or two: the same output
    for k in range(KILLS):
        fmt, jobs = cases[k % len(cases)]
        out = out_dir / f"out-{k}.{fmt}"
        old = f"old output {k}\n".encode() if k % 2 else None
        if old is not None:
            out.write_bytes(old)
        proc = subprocess.Popen(
            [command(), "rewrite", str(inputs[fmt]), "-o", str(out), "--jobs", jobs, "--report", str(out) + ".rep"],
            env=cli_env,
        )
        time.sleep(rnd.uniform(0.0, took[(fmt, jobs)]))
        proc.send_signal(signal.SIGKILL)
        proc.wait(60)
        if out.exists():
            got = out.read_bytes()
            assert got == want[(fmt, jobs)] or got == old, (k, fmt, jobs, len(got))
        else:
            assert old is None, k
        rerun = subprocess.run(
            [command(), "rewrite", str(inputs[fmt]), "-o", str(out), "--jobs", jobs, "--report", str(out) + ".rep"],
            env=cli_env,
        )
        assert rerun.returncode == 0, k
        assert out.read_bytes() == want[(fmt, jobs)], k
        assert _leftovers(out_dir) == [], (k, _leftovers(out_dir))
        assert json.loads((out_dir / f"out-{k}.{fmt}.rep").read_text(encoding="utf-8"))["mentions"] > 0
    assert _leftovers(tmp_path) == [] and os.listdir(tmp_path)
