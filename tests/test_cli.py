"""The `normalize` command: translit, schemes, tables, resolve, rewrite, build-index."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import run

import normalize
from normalize import Normalizer
from normalize.cli import main
from normalize.rewrite import Rewriter

# where the package under test is imported from (the source folder, or an installed build): the
# command runs from there too
PACKAGE_PARENT = Path(normalize.__file__).resolve().parent.parent


def test_translit(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["translit", "--scheme", "be-lacinka", "Аляксандр Лукашэнка"], capsys)
    assert code == 0 and out == "Alaksandr Łukašenka\n"


def test_translit_all_from_stdin(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["translit", "--all"], capsys, stdin="Ціханоўская\n".encode())
    assert code == 0 and "Tsikhanouskaya" in out.split("\t")


def test_unknown_scheme_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["translit", "--scheme", "klingon", "Лукашенко"], capsys)
    assert code == 2 and "unknown scheme 'klingon'" in err


def test_unknown_option_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["translit", "--nope"])
    assert exc.value.code == 2


def test_schemes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["schemes", "--json"], capsys)
    ids = {s["id"] for s in json.loads(out)}
    assert code == 0 and {"ru-bgn-pcgn", "be-lacinka"} <= ids


def test_tables_check_bundled(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["tables", "check"], capsys)
    assert (code == 0 and out.startswith("ok:")) or "warning" in out


def test_tables_check_reports_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "entities").mkdir()
    (tmp_path / "entities" / "bad.yaml").write_text(
        "- id: a\n  type: person\n  canonical: A\n  names: [А]\n  colour: red\n"
        "- id: a\n  type: ship\n  canonical: B\n  names: [Б]\n",
        encoding="utf-8",
    )
    code, _, err = run(["tables", "check", str(tmp_path)], capsys)
    assert code == 2
    assert "entities/bad.yaml:5: unknown key 'colour'" in err
    assert "entities/bad.yaml:7: `type` must be one of" in err


def test_a_bad_given_name_row_is_reported_with_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "inflection.yaml").write_text(
        "ru:\n  - {ending: ов, gender: m, cases: {gen: ова}}\n"
        "given:\n  ru:\n    - {ending: а, gender: x, cases: {gen: ы}}\n    - {ending: a, gender: f, cases: {gen: y}}\n"
        "    - {name: Лев, ending: ев, gender: m, cases: {gen: Льва}}\n"
        "    - {name: Leo, gender: m, cases: {gen: Льва}}\n"
        "  pl: []\n",
        encoding="utf-8",
    )
    code, _, err = run(["tables", "check", str(tmp_path)], capsys)
    assert code == 2
    assert "inflection.yaml:5: an inflection row needs `ending` (or `name`) text and `gender` m, f, n or any" in err
    assert "inflection.yaml:6: endings, names and forms must be Cyrillic letters" in err
    assert "inflection.yaml:7: an inflection row needs either `ending` or `name`, not both" in err
    assert "inflection.yaml:8: endings, names and forms must be Cyrillic letters" in err
    assert "inflection.yaml:9: unknown key 'pl'" in err


def test_tables_stats(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["tables", "stats", "--json"], capsys)
    stats = json.loads(out)
    assert code == 0 and stats["entities"] >= 150 and stats["index_memory_mib"] > 0


def test_resolve_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["resolve", "--json", "Ціханоўскай", "Ivan Petrovsky"], capsys)
    rows = [json.loads(x) for x in out.splitlines()]
    assert code == 0
    assert rows[0]["match"]["canonical"] == "Sviatlana Tsikhanouskaya"
    assert rows[1]["match"] is None


def test_explain(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["explain", "Tikhanovskaya S.G."], capsys)
    assert code == 0 and "surname" in out and "initial" in out


# --- rewrite -------------------------------------------------------------------------------------------


def test_rewrite_stdin_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["rewrite"], capsys, stdin=b"Lukashenko in Grodno\r\nnothing here\n")
    assert code == 0 and out.replace("\r\n", "\n") == "Alexander Lukashenko in Hrodna\nnothing here\n"


def test_rewrite_file_keeps_bytes_and_line_endings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.txt"
    src.write_bytes(b"\xef\xbb\xbfLukashenko\r\nplain \t line\nno newline at end")
    out = tmp_path / "out.txt"
    code, _, _ = run(["rewrite", str(src), "-o", str(out)], capsys)
    assert code == 0
    assert out.read_bytes() == b"\xef\xbb\xbfAlexander Lukashenko\r\nplain \t line\nno newline at end"


def test_output_equal_to_input_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.txt"
    src.write_text("Lukashenko\n", encoding="utf-8")
    code, _, err = run(["rewrite", str(src), "-o", str(src)], capsys)
    assert code == 2 and "is the input itself" in err
    assert src.read_text(encoding="utf-8") == "Lukashenko\n"


def test_bad_utf8_is_reported_and_passed_through(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.txt"
    src.write_bytes(b"Lukashenko\nbad \xff\xfe line\nGrodno\n")
    out = tmp_path / "out.txt"
    code, _, err = run(["rewrite", str(src), "-o", str(out)], capsys)
    assert code == 1 and "in.txt:2: not valid UTF-8" in err
    assert out.read_bytes() == b"Alexander Lukashenko\nbad \xff\xfe line\nHrodna\n"
    code, _, _ = run(["rewrite", str(src), "-o", str(out), "--on-error", "skip"], capsys)
    assert code == 1 and out.read_bytes() == b"Alexander Lukashenko\nHrodna\n"


def test_on_error_fail_leaves_no_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.txt"
    src.write_bytes(b"Lukashenko\nbad \xff line\n")
    out = tmp_path / "out.txt"
    code, _, err = run(["rewrite", str(src), "-o", str(out), "--on-error", "fail"], capsys)
    assert code == 2 and "in.txt:2" in err
    assert not out.exists() and list(tmp_path.iterdir()) == [src]


def test_jsonl_fields_and_bad_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"id": 1, "text": "Lukashenko spoke", "title": "In Grodno", "n": 1.50}\n'
        '{"id": 2, "text": "nothing", "n": 1.50}\n'
        "{not json\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    code, _, err = run(["rewrite", str(src), "-o", str(out), "--field", "text", "--field", "title"], capsys)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert code == 1 and "in.jsonl:3: invalid JSON" in err
    first = json.loads(lines[0])
    assert first["text"] == "Alexander Lukashenko spoke" and first["title"] == "In Hrodna" and first["id"] == 1
    assert lines[1] == '{"id": 2, "text": "nothing", "n": 1.50}'  # untouched lines stay byte for byte
    assert lines[2] == "{not json"


def test_jsonl_annotate_adds_mentions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "Лукашэнку і Ціханоўскай"}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, _ = run(["rewrite", str(src), "-o", str(out), "--mode", "annotate"], capsys)
    obj = json.loads(out.read_text(encoding="utf-8"))
    assert code == 0 and obj["text"] == "Лукашэнку і Ціханоўскай"
    assert [m["surface"] for m in obj["mentions"]] == ["Лукашэнку", "Ціханоўскай"]
    assert all(obj["text"][m["start"] : m["end"]] == m["surface"] for m in obj["mentions"])


def test_csv_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.csv"
    src.write_text('id,body,who\n1,"Lukashenko, again\nin Grodno",Lukashenko\n', encoding="utf-8")
    out = tmp_path / "out.csv"
    code, _, _ = run(["rewrite", str(src), "-o", str(out), "--column", "body"], capsys)
    import csv

    rows = list(csv.reader(out.open(encoding="utf-8", newline="")))
    assert code == 0 and rows[1] == ["1", "Alexander Lukashenko, again\nin Hrodna", "Lukashenko"]


def test_csv_unknown_column_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.csv"
    src.write_text("id,body\n1,x\n", encoding="utf-8")
    code, _, err = run(["rewrite", str(src), "-o", str(tmp_path / "o.csv"), "--column", "nope"], capsys)
    assert code == 2 and "no column 'nope'" in err and not (tmp_path / "o.csv").exists()


def test_annotate_plain_text_writes_a_side_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.txt"
    src.write_text("x Lukashenko y\n", encoding="utf-8")
    out = tmp_path / "out.txt"
    code, _, _ = run(["rewrite", str(src), "-o", str(out), "--mode", "annotate"], capsys)
    assert code == 0 and out.read_text(encoding="utf-8") == "x Lukashenko y\n"
    side = [json.loads(x) for x in (tmp_path / "out.txt.mentions.jsonl").read_text(encoding="utf-8").splitlines()]
    assert side[0]["line"] == 1 and side[0]["start"] == 2 and side[0]["surface"] == "Lukashenko"


def test_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.txt"
    src.write_text("Lukashenko, Лукашэнка and Lukashenko.\n", encoding="utf-8")
    rep = tmp_path / "rep.json"
    code, _, _ = run(["rewrite", str(src), "-o", str(tmp_path / "o.txt"), "--report", str(rep)], capsys)
    data = json.loads(rep.read_text(encoding="utf-8"))
    assert code == 0 and data["mentions"] == 3
    (entity,) = data["entities"].values()
    assert entity["count"] == 3 and entity["surface_forms"] == {"Lukashenko": 2, "Лукашэнка": 1}


def test_folders_and_jobs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    lines = "".join(f"line {i} Lukashenko met Тихановскую in Grodno\n" for i in range(3000))
    (src / "a.txt").write_text(lines, encoding="utf-8")
    (src / "sub" / "b.txt").write_text("Minsk\n", encoding="utf-8")
    one, two = tmp_path / "o1", tmp_path / "o2"
    assert run(["rewrite", str(src), "-o", str(one)], capsys)[0] == 0
    assert run(["rewrite", str(src), "-o", str(two), "--jobs", "2"], capsys)[0] == 0
    assert (one / "a.txt").read_bytes() == (two / "a.txt").read_bytes()
    assert (one / "sub" / "b.txt").read_text(encoding="utf-8") == "Minsk\n"
    assert (one / "a.txt").read_text(encoding="utf-8").count("Alexander Lukashenko") == 3000


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_build_index_and_use_it(tmp_path: Path, capsys: pytest.CaptureFixture[str], jobs: str) -> None:
    idx = tmp_path / "index.bin"
    assert run(["build-index", "--jobs", jobs, "-o", str(idx)], capsys)[0] == 0
    code, out, _ = run(["resolve", "--index", str(idx), "Лукашэнка"], capsys)
    assert code == 0 and "Alexander Lukashenko" in out


def test_foreign_and_stale_index_files_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "x.bin"
    bad.write_bytes(b"hello world")
    code, _, err = run(["resolve", "--index", str(bad), "x"], capsys)
    assert code == 2 and "not a normalize index file" in err
    from normalize.store import _HEAD, FORMAT_VERSION, MAGIC

    stale = tmp_path / "stale.bin"
    stale.write_bytes(_HEAD.pack(MAGIC, FORMAT_VERSION + 1, b"0", b"", 4, b"") + b"junk")
    code, _, err = run(["resolve", "--index", str(stale), "x"], capsys)
    assert code == 2 and "rebuild it" in err


def test_read_only_output_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if os.geteuid() == 0:
        pytest.skip("root ignores folder permissions")
    src = tmp_path / "in.txt"
    src.write_text("Lukashenko\n", encoding="utf-8")
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    code, _, err = run(["rewrite", str(src), "-o", str(ro / "out.txt")], capsys)
    assert code == 3 and "ermission" in err


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_leaves_input_untouched_and_no_partial_output(tmp_path: Path, sig: int) -> None:
    src = tmp_path / "in.txt"
    src.write_text("Lukashenko met Тихановскую in Grodno, and more words here.\n" * 400_000, encoding="utf-8")
    before = src.read_bytes()
    out = tmp_path / "out.txt"
    env = {**os.environ, "PYTHONPATH": str(PACKAGE_PARENT), "NORMALIZE_CACHE_DIR": "off"}
    proc = subprocess.Popen([sys.executable, "-m", "normalize", "rewrite", str(src), "-o", str(out)], env=env)
    deadline = time.time() + 60
    while time.time() < deadline and not any(p.name.endswith(".part") for p in tmp_path.iterdir()):
        time.sleep(0.05)
    proc.send_signal(sig)
    assert proc.wait(60) == 130
    assert src.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt"]
    # a rerun completes
    code = subprocess.run([sys.executable, "-m", "normalize", "rewrite", str(src), "-o", str(out)], env=env).returncode
    assert code == 0 and out.stat().st_size > 0


def test_disk_full_leaves_no_partial_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from normalize import outfile

    src = tmp_path / "in.txt"
    src.write_text("Lukashenko in Grodno\n" * 20000, encoding="utf-8")
    before = src.read_bytes()
    out = tmp_path / "out.txt"
    real = outfile.output_file

    class Full:
        def __init__(self, fh):  # type: ignore[no-untyped-def]
            self.fh, self.n = fh, 0

        def write(self, data: bytes) -> int:
            self.n += len(data)
            if self.n > 100_000:
                raise OSError(errno.ENOSPC, "No space left on device", str(out))
            return int(self.fh.write(data))

        def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
            return getattr(self.fh, name)

    from contextlib import contextmanager

    @contextmanager
    def full_output(target: Path):  # type: ignore[no-untyped-def]
        with real(target) as fh:
            yield Full(fh)

    monkeypatch.setattr("normalize.rewrite_cli.output_file", full_output)
    code, _, err = run(["rewrite", str(src), "-o", str(out)], capsys)
    assert code == 3 and "No space left on device" in err
    assert src.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["in.txt"]
    monkeypatch.setattr("normalize.rewrite_cli.output_file", real)
    assert run(["rewrite", str(src), "-o", str(out)], capsys)[0] == 0  # a rerun completes


def test_unwritable_output_folder_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    src = tmp_path / "in.txt"
    src.write_text("Lukashenko\n", encoding="utf-8")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path / "ro"))

    monkeypatch.setattr("normalize.outfile.part_name", refuse)
    code, _, err = run(["rewrite", str(src), "-o", str(tmp_path / "ro" / "out.txt")], capsys)
    assert code == 3 and "Permission denied" in err
    assert src.read_text(encoding="utf-8") == "Lukashenko\n"


# --- rewrite on several cores: workers read their own ranges and write part files ------------------


@pytest.fixture
def small_ranges(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ranges of a few kilobytes, so that small test files are cut into many of them."""
    monkeypatch.setattr("normalize.rewrite_cli.MIN_RANGE_BYTES", 2000)


def test_line_ranges_end_after_line_breaks(tmp_path: Path) -> None:
    from itertools import pairwise

    from normalize.io import line_ranges

    data = b"".join(b"x" * (i % 37) + b"\n" for i in range(500)) + b"no newline at the end"
    src = tmp_path / "in.txt"
    src.write_bytes(data)
    cuts = [(piece, 0, 0) for piece in (1, 10, 100, 1000, 10**6)] + [(10**6, 40, 4), (500, 1, 16), (10**6, 0, 2)]
    for piece, smallest, share in cuts:
        with src.open("rb") as fh:
            ranges = line_ranges(fh, len(data), piece, smallest, share)
        assert ranges[0][0] == 0 and ranges[-1][1] == len(data)
        assert all(a[1] == b[0] for a, b in pairwise(ranges))
        assert all(data[b - 1 : b] == b"\n" for _, b in ranges[:-1])
        if share:  # a share of what is left: the first ranges are the largest, the last the smallest
            sizes = [b - a for a, b in ranges]
            assert sizes[0] >= min(piece, len(data) // share) and sizes[0] > 2 * sizes[-2]


def test_range_reader_sees_the_block_boundaries_of_the_whole_file(tmp_path: Path) -> None:
    from normalize.io import RangeReader

    src = tmp_path / "in.bin"
    src.write_bytes(bytes(range(256)) * 10)
    with src.open("rb") as fh:
        r = RangeReader(fh.fileno(), 100, 1000, 256)
        sizes = []
        got = b""
        while block := r.read(256):
            sizes.append(len(block))
            got += block
    assert got == (bytes(range(256)) * 10)[100:1000]
    assert sizes == [156, 256, 256, 232]


def test_jobs_keep_order_and_match_one_job(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], small_ranges: None
) -> None:
    src = tmp_path / "in.txt"
    src.write_text(
        "".join(f"{i} Lukashenko met Тихановскую in Grodno; line {i} ends here\n" for i in range(2000)) + "Minsk",
        encoding="utf-8",
    )
    one, two = tmp_path / "o1.txt", tmp_path / "o2.txt"
    rep1, rep2 = tmp_path / "r1.json", tmp_path / "r2.json"
    assert run(["rewrite", str(src), "-o", str(one), "--report", str(rep1)], capsys)[0] == 0
    assert run(["rewrite", str(src), "-o", str(two), "--jobs", "2", "--report", str(rep2)], capsys)[0] == 0
    assert one.read_bytes() == two.read_bytes()
    lines = two.read_text(encoding="utf-8").split("\n")
    assert [int(x.split(" ", 1)[0]) for x in lines[:-1]] == list(range(2000)) and lines[-1] == "Minsk"
    assert json.loads(rep1.read_text(encoding="utf-8")) == json.loads(rep2.read_text(encoding="utf-8"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt", "o1.txt", "o2.txt", "r1.json", "r2.json"]


@pytest.mark.parametrize("on_error", ["pass", "skip"])
def test_jobs_report_bad_lines_with_their_line_in_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], small_ranges: None, on_error: str
) -> None:
    bad = {7, 333, 334, 1500, 2999}
    src = tmp_path / "in.txt"
    good = "line {}: Lukashenko in Grodno\n"
    body = b"".join(b"bad \xff line\n" if no in bad else good.format(no).encode() for no in range(1, 3000))
    src.write_bytes(body + b"\xfe")
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.txt"
        code, _, err = run(["rewrite", str(src), "-o", str(out), "--jobs", jobs, "--on-error", on_error], capsys)
        assert code == 1
        reported = [int(line.split(":")[2]) for line in err.splitlines() if "not valid UTF-8" in line]
        assert reported == [*sorted(bad), 3000], jobs
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def test_jobs_on_error_fail_names_the_first_bad_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], small_ranges: None
) -> None:
    src = tmp_path / "in.txt"
    src.write_bytes(b"".join(f"line {no}: Lukashenko\n".encode() for no in range(1, 2001)) + b"bad \xff\n" * 3)
    out = tmp_path / "out.txt"
    code, _, err = run(["rewrite", str(src), "-o", str(out), "--jobs", "2", "--on-error", "fail"], capsys)
    assert code == 2 and "in.txt:2001: not valid UTF-8" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt"]


def test_jobs_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str], small_ranges: None) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        "".join(json.dumps({"id": i, "text": f"Lukashenko {i} in Grodno"}) + "\n" for i in range(1000)) + "{bad\n",
        encoding="utf-8",
    )
    one, two = tmp_path / "o1.jsonl", tmp_path / "o2.jsonl"
    assert run(["rewrite", str(src), "-o", str(one)], capsys)[0] == 1
    code, _, err = run(["rewrite", str(src), "-o", str(two), "--jobs", "2"], capsys)
    assert code == 1 and "in.jsonl:1001: invalid JSON" in err
    assert one.read_bytes() == two.read_bytes()


def test_jobs_signal_leaves_no_partial_output(tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_text("Lukashenko met Тихановскую in Grodno, and more words here.\n" * 400_000, encoding="utf-8")
    before = src.read_bytes()
    out = tmp_path / "out.txt"
    env = {**os.environ, "PYTHONPATH": str(PACKAGE_PARENT), "NORMALIZE_CACHE_DIR": "off"}
    cmd = [sys.executable, "-m", "normalize", "rewrite", str(src), "-o", str(out), "--jobs", "2"]
    proc = subprocess.Popen(cmd, env=env)
    deadline = time.time() + 60

    def parts_written() -> bool:
        return any(p.name.endswith(".parts") and any(p.iterdir()) for p in tmp_path.iterdir() if p.is_dir())

    while time.time() < deadline and not parts_written():
        time.sleep(0.02)
    assert parts_written()
    proc.send_signal(signal.SIGINT)
    assert proc.wait(60) == 130
    assert src.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt"]


def test_jobs_annotate_and_standard_output_match_one_job(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], small_ranges: None
) -> None:
    src = tmp_path / "in.txt"
    src.write_text("".join(f"{i} Lukashenko met Тихановскую in Grodno\n" for i in range(3000)), encoding="utf-8")
    sides = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.txt"
        assert run(["rewrite", str(src), "-o", str(out), "--mode", "annotate", "--jobs", jobs], capsys)[0] == 0
        sides.append((tmp_path / f"out{jobs}.txt.mentions.jsonl").read_bytes())
    assert sides[0] == sides[1] and sides[0].count(b"\n") == 9000
    outs = [run(["rewrite", str(src), "--jobs", jobs], capsys)[1] for jobs in ("1", "2")]
    assert outs[0] == outs[1] and outs[0].count("Alexander Lukashenko") == 3000


def test_a_bad_place_adjective_ending_is_reported_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "inflection.yaml").write_text(
        "ru:\n  - {ending: ов, gender: m, forms: [ова]}\nplace_adjectives:\n  - ский\n  - 'sk y'\n  - {a: b}\n"
        "toponym_qualifiers: [ski, 'ck-i']\n",
        encoding="utf-8",
    )
    code, _, err = run(["tables", "check", str(tmp_path)], capsys)
    assert code == 2
    assert "inflection.yaml:5: each entry of `place_adjectives` must be the letters of a word ending" in err
    assert "inflection.yaml:6: each entry of `place_adjectives` must be the letters of a word ending" in err
    assert "inflection.yaml:7: each entry of `toponym_qualifiers` must be the letters of a word ending" in err
    assert "inflection.yaml:4" not in err


def test_each_line_of_a_text_file_is_a_text_of_its_own(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # the rules that read a whole text read its line: a namesake named in full, a town of the same
    # name abroad or a work's title on one line says nothing of another line, however the file is
    # read in blocks (one item a line)
    lines = [
        "Даниил Медведев выиграл турнир.",
        "Медведев провёл совещание в Кремле.",
        "Mieszkam w Mińsku Mazowieckim.",
        "Lukashenko spoke in Minsk.",
        "Фильм «Зеркало» снят в 1974 году.",
        "Журналисты «Зеркала» рассказали о задержаниях.",
    ]
    src = tmp_path / "in.txt"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, _ = run(["rewrite", str(src)], capsys)
    assert code == 0
    rw = Rewriter(Normalizer.default())
    assert out.splitlines() == [rw.rewrite(line).text for line in lines]
    assert "Dmitry Medvedev провёл" in out and "spoke in Minsk." in out and "Журналисты «Zerkalo.io»" in out
