"""Files nobody checked, through the installed `normalize` command: no output path loses data,
every byte outside a rewritten string is kept, and bad input gets a defined result."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import threading
import time
from pathlib import Path

import pytest
from conftest import command

LINE = "Lukashenko met Тихановскую in Grodno.\n"
REWRITTEN = "Alexander Lukashenko met Sviatlana Tsikhanouskaya in Hrodna.\n"


def cli(
    env: dict[str, str], *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([command(), *args], input=stdin, capture_output=True, env=env, cwd=cwd, timeout=600)


def err(proc: subprocess.CompletedProcess[bytes]) -> str:
    text = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in text, text
    return text


# --- D1: outputs never overwrite an input or each other -----------------------------------------


@pytest.mark.parametrize("option", ["--mentions", "--report"])
def test_a_side_output_on_the_input_is_refused(tmp_path: Path, cli_env: dict[str, str], option: str) -> None:
    src = tmp_path / "in.txt"
    src.write_text(LINE, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(src)
    hard = tmp_path / "hard.txt"
    os.link(src, hard)
    for where in (src, link, hard):
        p = cli(cli_env, "rewrite", str(src), "-o", str(tmp_path / "out.txt"), "--mode", "annotate", option, str(where))
        assert p.returncode == 2 and "is the input itself" in err(p), where
    assert src.read_text(encoding="utf-8") == LINE and not (tmp_path / "out.txt").exists()


def test_a_report_on_the_output_is_refused(tmp_path: Path, cli_env: dict[str, str]) -> None:
    src = tmp_path / "in.txt"
    src.write_text(LINE, encoding="utf-8")
    out = tmp_path / "out.txt"
    p = cli(cli_env, "rewrite", str(src), "-o", str(out), "--report", str(out))
    assert p.returncode == 2 and "written twice" in err(p)
    p = cli(cli_env, "rewrite", str(src), "-o", str(out), "--mode", "annotate", "--mentions", str(out))
    assert p.returncode == 2 and "written twice" in err(p) and not out.exists()


# --- D2: two inputs, one output ------------------------------------------------------------------


def test_inputs_that_share_an_output_name_are_refused(tmp_path: Path, cli_env: dict[str, str]) -> None:
    for d in ("d1", "d2"):
        (tmp_path / d / "sub").mkdir(parents=True)
        (tmp_path / d / "a.txt").write_text(LINE, encoding="utf-8")
        (tmp_path / d / "sub" / "b.txt").write_text(LINE, encoding="utf-8")
    out = tmp_path / "out"
    p = cli(cli_env, "rewrite", str(tmp_path / "d1" / "a.txt"), str(tmp_path / "d2" / "a.txt"), "-o", str(out))
    assert p.returncode == 2 and "written twice" in err(p) and not out.exists()
    p = cli(cli_env, "rewrite", str(tmp_path / "d1"), str(tmp_path / "d2"), "-o", str(out))
    assert p.returncode == 2 and "written twice" in err(p) and not out.exists()
    p = cli(cli_env, "rewrite", "-", "-", stdin=LINE.encode())
    assert p.returncode == 2 and "given twice" in err(p) and p.stdout == b""


# --- D3: one mentions file for several inputs ------------------------------------------------------


def test_mentions_of_several_inputs_are_all_kept(tmp_path: Path, cli_env: dict[str, str]) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Lukashenko\n", encoding="utf-8")
    b.write_text("x Тихановская\n", encoding="utf-8")
    side = tmp_path / "mentions.jsonl"
    p = cli(
        cli_env, "rewrite", str(a), str(b), "-o", str(tmp_path / "out"), "--mode", "annotate", "--mentions", str(side)
    )
    assert p.returncode == 0, err(p)
    recs = [json.loads(x) for x in side.read_text(encoding="utf-8").splitlines()]
    assert [(r["file"], r["surface"], r["line"]) for r in recs] == [
        (str(a), "Lukashenko", 1),
        (str(b), "Тихановская", 1),
    ]


# --- D4: the file a --jobs run reads is the file it opened ---------------------------------------------


def _wait_for_parts(folder: Path, proc: subprocess.Popen[bytes]) -> bool:
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        if any(p.name.endswith(".parts") for p in folder.iterdir()):
            return True
        time.sleep(0.01)
    return False


def test_jobs_read_the_file_that_was_opened_when_it_is_replaced(tmp_path: Path, cli_env: dict[str, str]) -> None:
    src = tmp_path / "in.txt"
    src.write_text(LINE * 300_000, encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text("nothing to see here, a line of another file\n" * 300_000, encoding="utf-8")
    out = tmp_path / "out.txt"
    proc = subprocess.Popen([command(), "rewrite", str(src), "-o", str(out), "--jobs", "2"], env=cli_env)
    assert _wait_for_parts(tmp_path, proc)
    os.replace(other, src)  # mv, as log rotation does
    assert proc.wait(300) == 0
    assert out.read_text(encoding="utf-8") == REWRITTEN * 300_000


def test_a_file_that_grows_while_read_stops_the_run(tmp_path: Path, cli_env: dict[str, str]) -> None:
    src = tmp_path / "in.txt"
    src.write_text(LINE * 300_000, encoding="utf-8")
    out = tmp_path / "out.txt"
    proc = subprocess.Popen(
        [command(), "rewrite", str(src), "-o", str(out), "--jobs", "2"], env=cli_env, stderr=subprocess.PIPE
    )
    assert _wait_for_parts(tmp_path, proc)
    with src.open("a", encoding="utf-8") as fh:
        fh.write("Lukashenko half a li")
    _, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 2 and b"changed while it was read" in stderr
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["in.txt"]


# --- D5, D6, C2: JSON Lines ---------------------------------------------------------------------------


def test_a_json_line_keeps_every_byte_but_the_rewritten_string(tmp_path: Path, cli_env: dict[str, str]) -> None:
    src = tmp_path / "in.jsonl"
    line = (
        '{"n":1e400,  "big": 123456789012345678901234567890, "id":1,"id":2, "text":"Lukashenko in Grodno", "f": 1.50}'
    )
    src.write_text(line + "\r\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    p = cli(cli_env, "rewrite", str(src), "-o", str(out))
    assert p.returncode == 0, err(p)
    assert out.read_bytes() == line.replace("Lukashenko in Grodno", "Alexander Lukashenko in Hrodna").encode() + b"\r\n"


def test_annotate_does_not_overwrite_a_mentions_key(tmp_path: Path, cli_env: dict[str, str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "Lukashenko", "mentions": "mine"}\n{"text": "Lukashenko"}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    p = cli(cli_env, "rewrite", str(src), "-o", str(out), "--mode", "annotate")
    assert p.returncode == 1 and "in.jsonl:1: the object has a key 'mentions' already" in err(p)
    first, second = out.read_text(encoding="utf-8").splitlines()
    assert first == '{"text": "Lukashenko", "mentions": "mine"}'
    assert json.loads(second)["mentions"][0]["surface"] == "Lukashenko"
    p = cli(cli_env, "rewrite", str(src), "-o", str(out), "--mode", "annotate", "--mentions-key", "found")
    assert p.returncode == 0
    objs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert objs[0]["mentions"] == "mine" and objs[0]["found"][0]["entity_id"] == objs[1]["found"][0]["entity_id"]


def test_a_lone_surrogate_in_a_json_line_is_rewritten_around(tmp_path: Path, cli_env: dict[str, str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "Lukashenko \\ud800 Grodno"}\n{"text": "Minsk"}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    p = cli(cli_env, "rewrite", str(src), "-o", str(out))
    assert p.returncode == 0, err(p)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == '{"text": "Alexander Lukashenko \\ud800 Hrodna"}' and json.loads(lines[1]) == {"text": "Minsk"}
    p = cli(cli_env, "rewrite", str(src), "-o", str(out), "--mode", "annotate")
    assert p.returncode == 0, err(p)
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["mentions"][0]["surface"] == "Lukashenko"


def test_a_byte_order_mark_opens_a_json_lines_file(tmp_path: Path, cli_env: dict[str, str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(b'\xef\xbb\xbf{"text": "Lukashenko"}\n')
    out = tmp_path / "out.jsonl"
    p = cli(cli_env, "rewrite", str(src), "-o", str(out))
    assert p.returncode == 0, err(p)
    assert out.read_bytes() == b'\xef\xbb\xbf{"text": "Alexander Lukashenko"}\n'


# --- D7, C1: CSV ----------------------------------------------------------------------------------------


def test_csv_rows_without_a_mention_come_back_byte_for_byte(tmp_path: Path, cli_env: dict[str, str]) -> None:
    src = tmp_path / "in.csv"
    data = b'id,"body"\n1,"plain, quoted"\n"2",Lukashenko in Grodno\n3,"multi\nline"\n4,nothing'
    src.write_bytes(data)
    out = tmp_path / "out.csv"
    p = cli(cli_env, "rewrite", str(src), "-o", str(out))
    assert p.returncode == 0, err(p)
    want = data.replace(b'"2",Lukashenko in Grodno', b"2,Alexander Lukashenko in Hrodna")
    assert out.read_bytes() == want  # LF kept, quoting of untouched rows kept, no line added at the end


def test_a_csv_cell_longer_than_the_csv_module_allows(tmp_path: Path, cli_env: dict[str, str]) -> None:
    src = tmp_path / "in.csv"
    body = ("word " * 40_000) + "Lukashenko"
    src.write_text(f'id,body\n1,"{body}"\n', encoding="utf-8")
    out = tmp_path / "out.csv"
    p = cli(cli_env, "rewrite", str(src), "-o", str(out), "--column", "body")
    assert p.returncode == 0, err(p)
    assert out.read_text(encoding="utf-8").endswith("word Alexander Lukashenko\n")


def test_csv_delimiter_encoding_and_byte_order_mark(tmp_path: Path, cli_env: dict[str, str]) -> None:
    src = tmp_path / "in.csv"
    src.write_bytes("id;имя\r\n1;Лукашенко\r\n2;никто\r\n".encode("cp1251"))
    out = tmp_path / "out.csv"
    p = cli(cli_env, "rewrite", str(src), "-o", str(out), "--encoding", "cp1251", "--column", "имя")
    assert p.returncode == 0, err(p)  # the delimiter found by sniffing
    assert out.read_bytes() == "id;имя\r\n1;Alexander Lukashenko\r\n2;никто\r\n".encode("cp1251")
    p = cli(cli_env, "rewrite", str(src), "-o", str(out), "--encoding", "cp1251", "--delimiter", ",", "--column", "имя")
    assert p.returncode == 2 and "no column 'имя'" in err(p) and "id;имя" in err(p)
    bom = tmp_path / "bom.csv"
    bom.write_bytes(b"\xef\xbb\xbfname,x\r\nLukashenko,1\r\n")
    p = cli(cli_env, "rewrite", str(bom), "-o", str(out), "--column", "name")
    assert p.returncode == 0, err(p)
    assert out.read_bytes() == b"\xef\xbb\xbfname,x\r\nAlexander Lukashenko,1\r\n"


# --- D8: hidden folders and the parts of a killed run ---------------------------------------------------


def test_hidden_folders_are_skipped_unless_asked(tmp_path: Path, cli_env: dict[str, str]) -> None:
    src = tmp_path / "in"
    (src / ".git" / "objects").mkdir(parents=True)
    (src / ".git" / "objects" / "x").write_text(LINE, encoding="utf-8")
    (src / ".out.txt.123.parts").mkdir()
    (src / ".out.txt.123.parts" / "000000").write_text(LINE, encoding="utf-8")
    (src / "a.txt").write_text(LINE, encoding="utf-8")
    out = tmp_path / "out"
    assert cli(cli_env, "rewrite", str(src), "-o", str(out)).returncode == 0
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()) == ["a.txt"]
    out2 = tmp_path / "out2"
    assert cli(cli_env, "rewrite", str(src), "-o", str(out2), "--hidden").returncode == 0
    assert (out2 / ".git" / "objects" / "x").read_text(encoding="utf-8") == REWRITTEN


def test_the_parts_of_a_killed_run_are_removed_by_the_next(tmp_path: Path, cli_env: dict[str, str]) -> None:
    src = tmp_path / "in.txt"
    src.write_text(LINE, encoding="utf-8")
    dead = 2**22 + 12345  # above the usual pid_max: no such process
    (tmp_path / f".out.txt.{dead}.0a1b.part").write_text("half", encoding="utf-8")
    (tmp_path / f".out.txt.{dead}.0a1b.parts").mkdir()
    (tmp_path / f".out.txt.{dead}.0a1b.parts" / "000000").write_text("half", encoding="utf-8")
    alive = tmp_path / f".out.txt.{os.getpid()}.0a1b.part"  # a run still going: left alone
    alive.write_text("busy", encoding="utf-8")
    assert cli(cli_env, "rewrite", str(src), "-o", str(tmp_path / "out.txt")).returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["in.txt", "out.txt", alive.name])


# --- D9: a line over the bound is passed through whole ----------------------------------------------


def test_an_over_long_line_is_passed_through_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    from normalize import io as nio

    monkeypatch.setattr(nio, "MAX_LINE_BYTES", 1000)
    from normalize import Normalizer
    from normalize.rewrite import Rewriter

    proc = nio.LineProcessor(Rewriter(Normalizer.default()), "text", "replace", [], "pass")
    long_line = ("a few words " * 200 + "and Lukashenko at the end\n").encode()
    data = b"Lukashenko\n" + long_line + b"Grodno\n"

    class Blocks:
        def __init__(self) -> None:
            self.pos = 0

        def read(self, n: int) -> bytes:
            got = data[self.pos : self.pos + 300]
            self.pos += len(got)
            return got

    outs, problems = [], []
    for chunk in nio.read_chunks(Blocks(), 300):
        res = nio.process_chunk(proc, chunk, False)
        outs.append(res.out)
        problems += res.problems
    assert b"".join(outs) == b"Alexander Lukashenko\n" + long_line + b"Hrodna\n"
    assert problems == [(2, "line longer than 1000 bytes")]


# --- output paths that are not regular files -----------------------------------------------------------


def test_dash_and_descriptor_paths_write_to_standard_output(tmp_path: Path, cli_env: dict[str, str]) -> None:
    src = tmp_path / "in.txt"
    src.write_text(LINE, encoding="utf-8")
    for target in ("-", "/dev/stdout"):
        p = cli(cli_env, "rewrite", str(src), "-o", target, cwd=tmp_path)
        assert p.returncode == 0 and p.stdout == REWRITTEN.encode(), target
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt"]  # no file named "-"
    assert Path("/dev/stdout").is_symlink() or not Path("/dev/stdout").is_file()


def test_a_fifo_is_written_in_place(tmp_path: Path, cli_env: dict[str, str]) -> None:
    src = tmp_path / "in.txt"
    src.write_text(LINE, encoding="utf-8")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    p = cli(cli_env, "rewrite", str(src), "-o", str(fifo))
    reader.join(60)
    assert p.returncode == 0 and got == [REWRITTEN.encode()]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_symbolic_link_output_replaces_its_target(tmp_path: Path, cli_env: dict[str, str]) -> None:
    src = tmp_path / "in.txt"
    src.write_text(LINE, encoding="utf-8")
    real = tmp_path / "real.txt"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert cli(cli_env, "rewrite", str(src), "-o", str(link)).returncode == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8") == REWRITTEN


# --- permissions ------------------------------------------------------------------------------------------


def test_new_outputs_follow_the_umask_and_replaced_ones_keep_their_mode(
    tmp_path: Path, cli_env: dict[str, str]
) -> None:
    src = tmp_path / "in.txt"
    src.write_text(LINE, encoding="utf-8")
    new, old = tmp_path / "new.txt", tmp_path / "old.txt"
    old.write_text("x", encoding="utf-8")
    old.chmod(0o664)
    mask = os.umask(0o022)
    try:
        for out in (new, old):
            p = cli(cli_env, "rewrite", str(src), "-o", str(out), "--report", str(tmp_path / f"{out.name}.rep"))
            assert p.returncode == 0, err(p)
    finally:
        os.umask(mask)
    assert stat.S_IMODE(new.stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "new.txt.rep").stat().st_mode) == 0o644
    assert stat.S_IMODE(old.stat().st_mode) == 0o664


# --- progress ------------------------------------------------------------------------------------------


def test_progress_never_passes_the_input_size(tmp_path: Path) -> None:
    from normalize import Normalizer
    from normalize.io import LineProcessor, Stats
    from normalize.rewrite import Rewriter
    from normalize.rewrite_cli import Progress, _stream

    data = ("Lukashenko\n" * 5000).encode()  # the output is twice as long as the input
    src = tmp_path / "in.txt"
    src.write_bytes(data)
    progress = Progress(len(data), False)
    proc = LineProcessor(Rewriter(Normalizer.default()), "text", "replace", [], "pass")
    with src.open("rb") as fin, (tmp_path / "out.txt").open("wb") as fout:
        _stream(proc, fin, fout, None, "in.txt", Stats(), progress, 1, False)
    assert progress.done == len(data)
