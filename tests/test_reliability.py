"""Issue 14: concurrent runs, folder ownership, size limits, bad bytes, full and read-only
disks, option checks, CSV formula cells and the progress bar. The cost of a 5 MB cell and a
30 MB page under the default limits is measured by `make bench` (scripts/bench_inputs.py)."""
from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import time

import pytest
import spacy

from pipeline.cli import main
from pipeline.readers import Columns, Limits, decode, discover, read_all
from pipeline.runner import LOCK, PARTS, Checkpoint, Engine, run
from pipeline.tables import TableWriter, read_table
from tests.conftest import CORPUS, ROOT

ARTICLE = (CORPUS / "wire" / "kampala_cameras.txt").read_text(encoding="utf-8")
NAMES = ("documents", "mentions", "claims")


def tables(folder):
    return {name: read_table(folder, name) for name in NAMES}


def cli(*args, prefix=()):
    """`claimtrace ARGS` as a separate process."""
    return subprocess.run([*prefix, sys.executable, "-m", "pipeline", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT)


def one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    return lines[0]


def configured(tmp_path, **keys):
    """A copy of configs/ whose pipeline.cfg [claimtrace] section sets `keys`."""
    folder = tmp_path / "configs"
    shutil.copytree(ROOT / "configs", folder)
    cfg = folder / "pipeline.cfg"
    lines = [line for line in cfg.read_text(encoding="utf-8").splitlines()
             if line.split(" = ")[0] not in keys]
    at = lines.index("[claimtrace]") + 1
    lines[at:at] = [f"{key} = {value}" for key, value in keys.items()]
    cfg.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return cfg


def write_jsonl(path, count, repeat=1):
    with open(path, "w", encoding="utf-8") as handle:
        for number in range(count):
            handle.write(json.dumps({"id": f"doc{number}", "text": (ARTICLE + "\n\n") * repeat}) + "\n")
    return path


# --- two runs into one --out -------------------------------------------------------------

def holds_lock(out) -> bool:
    try:
        return (out / LOCK).read_text(encoding="utf-8").startswith("pid ")
    except FileNotFoundError:
        return False


def test_a_second_run_into_the_same_folder_stops_at_once_naming_the_first(tmp_path):
    source = write_jsonl(tmp_path / "big.jsonl", 48, repeat=12)
    out = tmp_path / "out"
    first = subprocess.Popen([sys.executable, "-m", "pipeline", "run", str(source), "--out", str(out),
                              "--batch-size", "2", "--no-progress"], cwd=ROOT, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and first.poll() is None and not holds_lock(out):
        time.sleep(0.02)
    assert first.poll() is None, "the first run ended before the second started"
    (tmp_path / "other.txt").write_text("Zambia paid $5 million.", encoding="utf-8")
    started = time.monotonic()
    second = cli("run", tmp_path / "other.txt", "--out", out, "--no-progress")
    assert second.returncode != 0 and time.monotonic() - started < 30
    message = one_line(second.stderr)
    assert str(out) in message and f"pid {first.pid}" in message and "another claimtrace run" in message
    assert first.wait(timeout=300) == 0, first.stderr.read()
    assert len(tables(out)["documents"]) == 48 and not (out / LOCK).exists() and not (out / PARTS).exists()


def test_a_run_with_other_inputs_keeps_the_checkpoints_of_an_interrupted_run(tmp_path, monkeypatch):
    first, second = write_jsonl(tmp_path / "first.jsonl", 6), tmp_path / "second.txt"
    second.write_text("Zambia paid $5 million to Huawei.", encoding="utf-8")
    out = tmp_path / "out"

    def interrupted(self, *args):
        raise KeyboardInterrupt  # Ctrl-C once every batch is checkpointed

    with monkeypatch.context() as patch:
        patch.setattr(Checkpoint, "assemble", interrupted)
        with pytest.raises(KeyboardInterrupt):
            run([str(first)], out, batch_size=2, progress=False)
    kept = sorted((out / PARTS).glob("*/*.done"))
    assert len(kept) == 3
    assert run([str(second)], out, progress=False).documents == 1
    assert sorted((out / PARTS).glob("*/*.done")) == kept
    resumed = run([str(first)], out, batch_size=2, progress=False)
    assert resumed.resumed_batches == 3 and len(tables(out)["documents"]) == 6 and not (out / PARTS).exists()


# --- the run owns its folder ---------------------------------------------------------------

def test_a_run_in_another_format_replaces_the_earlier_tables(tmp_path):
    old, new = write_jsonl(tmp_path / "old.jsonl", 18), tmp_path / "new.jsonl"
    new.write_text("".join(json.dumps({"id": f"n{i}", "text": "Kenya paid $3 million."}) + "\n" for i in range(3)))
    out = tmp_path / "out"
    run([str(old)], out, "parquet", progress=False)
    run([str(new)], out, "csv", progress=False)
    assert sorted(p.name for p in out.iterdir()) == ["claims.csv", "deals.csv", "documents.csv", "mentions.csv"]
    assert list(read_table(out, "documents")["doc_id"]) == ["n0", "n1", "n2"]


def test_read_table_refuses_a_folder_with_two_runs_tables(tmp_path):
    run([str(write_jsonl(tmp_path / "a.jsonl", 2))], tmp_path / "out", "csv", progress=False)
    shutil.copy(tmp_path / "out" / "documents.csv", tmp_path / "documents.csv")
    run([str(write_jsonl(tmp_path / "b.jsonl", 2))], tmp_path / "parquet", "parquet", progress=False)
    shutil.copy(tmp_path / "parquet" / "mentions.parquet", tmp_path / "out" / "mentions.parquet")
    with pytest.raises(ValueError, match="parquet and csv"):
        read_table(tmp_path / "out", "documents")


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_a_rerun_writes_byte_identical_tables(tmp_path, fmt):
    source = write_jsonl(tmp_path / "a.jsonl", 3)
    run([str(source)], tmp_path / "first", fmt, progress=False)
    run([str(source)], tmp_path / "second", fmt, progress=False)
    for name in NAMES:
        assert (tmp_path / "first" / f"{name}.{fmt}").read_bytes() == (tmp_path / "second" / f"{name}.{fmt}").read_bytes()


# --- size limits ---------------------------------------------------------------------------

def test_a_cell_past_max_document_chars_is_an_error_row_and_its_neighbours_are_read(tmp_path):
    cell = (ARTICLE.replace("\n", " ") * (5_000_000 // len(ARTICLE) + 1))[:5_000_000]
    with open(tmp_path / "rows.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerows([["id", "text"], ["small", "Kenya paid $3 million."], ["big", cell],
                          ["after", "Uganda bought 40 cameras."]])
    config = configured(tmp_path, max_document_chars=1_000_000)
    out = tmp_path / "out"
    assert main(["run", str(tmp_path / "rows.csv"), "--out", str(out), "--config", str(config), "--no-progress"]) == 0
    docs = read_table(out, "documents").set_index("doc_id")
    assert list(docs["status"]) == ["ok", "error", "ok"]
    assert docs.loc["big", "error"] == "document too long: 5,000,000 characters (max_document_chars is 1,000,000)"
    assert set(read_table(out, "mentions")["doc_id"]) == {"small", "after"}


def test_a_text_file_far_past_the_limit_is_refused_unread(tmp_path):
    (tmp_path / "huge.txt").write_text("Kenya paid $3 million. " * 400, encoding="utf-8")
    [record] = read_all(discover([str(tmp_path / "huge.txt")]), Columns(), Limits(max_document_chars=1000))
    assert record.error == "document too long: 9,200 bytes, more than max_document_chars (1,000) characters"
    assert record.raw_sha256 is not None


def test_a_30_mb_html_page_is_an_error_row_without_parsing(tmp_path):
    paragraph = f"<p>{ARTICLE.splitlines()[0]}</p>\n"
    page = "<html><body><article>" + paragraph * (30 * 2**20 // len(paragraph) + 1) + "</article></body></html>"
    (tmp_path / "huge.html").write_text(page, encoding="utf-8")
    (tmp_path / "small.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(tmp_path), "--out", str(out), "--no-progress"]) == 0
    docs = read_table(out, "documents").set_index("doc_id")
    size = (tmp_path / "huge.html").stat().st_size
    assert size > 30 * 2**20 and docs.loc["small", "status"] == "ok"
    assert docs.loc["huge", "error"] == f"HTML page too large: {size:,} bytes (max_html_bytes is 10,000,000)"


# --- bad bytes -----------------------------------------------------------------------------

def test_a_nul_byte_costs_its_csv_row_only_even_late_in_a_large_file(tmp_path):
    filler = [[f"f{n}", f"Kenya paid ${n} million for cameras in Nairobi."] for n in range(2000)]
    rows = [["id", "text"], ["a", "Kenya paid $3 million."], ["b", "Uganda\x00 bought 40 cameras."],
            *filler, ["late", "Zambia paid\x00 $5 million."], ["z", "Peru bought 20 cameras."]]
    with open(tmp_path / "rows.csv", "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    assert (tmp_path / "rows.csv").stat().st_size > 65536  # the late NUL is past the sniffed head
    records = {r.doc_id: r for r in read_all(discover([str(tmp_path / "rows.csv")]), Columns())}
    assert len(records) == len(rows) - 1
    assert records["b"].error == "binary data in text (NUL byte at character 6)"
    assert records["late"].error == "binary data in text (NUL byte at character 11)" and records["late"].text is None
    assert all(r.error is None for doc_id, r in records.items() if doc_id not in ("b", "late"))


def test_a_nul_in_jsonl_costs_its_line_only(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a", "text": "Kenya"}) + "\n"
                                      + json.dumps({"id": "b", "text": "Ken\x00ya"}) + "\n"
                                      + '{"id": "c", "text": "raw \x00 byte"}\n'
                                      + json.dumps({"id": "d", "text": "Peru"}) + "\n", encoding="utf-8")
    records = list(read_all(discover([str(tmp_path / "a.jsonl")]), Columns()))
    assert [r.error is None for r in records] == [True, False, False, True]
    assert "NUL byte" in records[1].error and "not valid JSON" in records[2].error


@pytest.mark.parametrize("name, content", [
    ("late.txt", ("Kenya paid $3 million. " * 4000 + "\x00 and more.").encode("utf-8")),
    ("page.html", b"<html><body><article><p>Kenya paid $3 million\x00 for cameras.</p></article></body></html>"),
])
def test_a_nul_byte_in_a_file_is_an_error_row_wherever_it_is(tmp_path, name, content):
    (tmp_path / name).write_bytes(content)
    [record] = read_all(discover([str(tmp_path / name)]), Columns())
    assert record.text is None and record.error.startswith("binary data in text (NUL byte at character ")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read(tmp_path, encoding):
    text = "Côte d'Ivoire paid €5 million to Huawei.\r\nKenya bought 40 cameras."
    assert decode(text.encode(encoding)) == (text, None)
    (tmp_path / "rows.csv").write_bytes(f"id,text\nx,{text.splitlines()[1]}\n".encode(encoding))
    [record] = read_all(discover([str(tmp_path / "rows.csv")]), Columns())
    assert (record.doc_id, record.text) == ("x", "Kenya bought 40 cameras.")


def test_broken_utf16_without_bom_is_named(tmp_path):
    broken = "Kenya bought 40 cameras.".encode("utf-16-le") + "\ud800".encode("utf-16-le", "surrogatepass")
    assert decode(broken) == (None, "looks like UTF-16 without a BOM (LE) but does not decode as UTF-16")
    small_numbers = b"".join(n.to_bytes(2, "little") for n in range(40)) * 5  # 16-bit data, not text
    assert decode(small_numbers) == (None, "binary file (control characters), not text")


def test_deeply_nested_html_gets_a_clear_reason(tmp_path):
    page = ("<html><body>" + "<div>" * 10_000 + f"<p>{ARTICLE.splitlines()[0]}</p>" + "</div>" * 10_000
            + "</body></html>")
    (tmp_path / "deep.html").write_text(page, encoding="utf-8")
    [record] = read_all(discover([str(tmp_path / "deep.html")]), Columns())
    assert record.error == "HTML nested too deeply to parse (more than 256 levels)"


# --- disks ---------------------------------------------------------------------------------

def test_a_full_disk_names_the_path_and_a_rerun_with_space_resumes(tmp_path):
    if shutil.which("unshare") is None or subprocess.run(["unshare", "-rm", "true"]).returncode:
        pytest.skip("no user and mount namespaces to mount a small file system in")
    source = write_jsonl(tmp_path / "in.jsonl", 60, repeat=3)
    disk, kept = tmp_path / "disk", tmp_path / "kept"
    disk.mkdir()
    command = f"{sys.executable} -m pipeline run {source} --out {disk}/out --no-progress --batch-size 4"
    script = (f"mount -t tmpfs -o size=400k tmpfs {disk} || exit 99\n"
              f"{command} 2> {tmp_path}/full.err; echo $? > {tmp_path}/full.rc\n"
              f"find {disk}/out -name '*.tmp' > {tmp_path}/tmp.list\n"
              f"mount -o remount,size=50m {disk}\n{command}\ncp -r {disk}/out {kept}\n")
    result = subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, cwd=ROOT)
    if result.returncode == 99:
        pytest.skip("cannot mount a tmpfs here")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "full.rc").read_text().strip() == "2"
    message = one_line((tmp_path / "full.err").read_text())
    assert message.startswith(f"claimtrace: error: cannot write {disk}/out/") and message.endswith(
        ": No space left on device")
    assert (tmp_path / "tmp.list").read_text() == ""  # no half-written part left behind
    assert "resumed after" in result.stderr
    run([str(source)], tmp_path / "whole", batch_size=4, progress=False)
    for name in NAMES:
        assert read_table(kept, name).equals(read_table(tmp_path / "whole", name))


def test_a_read_only_output_folder_is_one_clear_line(tmp_path):
    prefix = ()
    if os.geteuid() == 0:  # root writes anywhere: drop the capability that lets it
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv")
        prefix = ("setpriv", "--bounding-set=-dac_override,-dac_read_search")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        result = cli("run", tmp_path / "a.txt", "--out", out, prefix=prefix)
    finally:
        out.chmod(0o755)
    assert result.returncode == 2
    assert one_line(result.stderr) == f"claimtrace: error: cannot write to output folder {out}: Permission denied"


# --- options -------------------------------------------------------------------------------

@pytest.mark.parametrize("option, value", [("--workers", "0"), ("--workers", "-1"), ("--batch-size", "0"),
                                           ("--batch-size", "two")])
def test_impossible_workers_or_batch_size_are_rejected(tmp_path, capsys, option, value):
    with pytest.raises(SystemExit) as stop:
        main(["run", str(CORPUS), "--out", str(tmp_path / "out"), option, value])
    assert stop.value.code == 2
    error = capsys.readouterr().err.strip().splitlines()[-1]
    assert error.startswith(f"claimtrace run: error: argument {option}: ") and value in error
    assert not (tmp_path / "out").exists()


def test_the_python_interface_rejects_them_too(tmp_path):
    with pytest.raises(ValueError, match="batch size must be 1 or more, not 0"):
        run([str(CORPUS)], tmp_path, batch_size=0)
    with pytest.raises(ValueError, match="workers must be 1 or more, not -1"):
        Engine("local", -1)


# --- CSV cells a spreadsheet would run -----------------------------------------------------

def test_csv_formula_cells_are_neutralised_and_read_back_unchanged(tmp_path):
    records = [{"id": "=1+1", "title": '=HYPERLINK("http://example.com","x")', "text": "-Kenya paid $3 million."},
               {"id": "@x", "title": "+Uganda", "text": "=Uganda bought 40 cameras."},
               {"id": "'q", "title": "\tTab", "text": "Zambia paid $5 million."}]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(tmp_path / "a.jsonl"), "--out", str(out), "--format", "csv", "--no-progress"]) == 0
    with open(out / "documents.csv", encoding="utf-8", newline="") as handle:
        raw = list(csv.DictReader(handle))
    assert [r["doc_id"] for r in raw] == ["'=1+1", "'@x", "''q"]
    assert [r["title"] for r in raw] == ["'" + r["title"] for r in records]
    assert [r["text"] for r in raw] == [r["text"] for r in records]  # offsets point into it: never changed
    docs = read_table(out, "documents")
    assert list(docs["doc_id"]) == [r["id"] for r in records] and list(docs["title"]) == [r["title"] for r in records]
    mentions = read_table(out, "mentions")
    for m in mentions.itertuples():
        assert docs.set_index("doc_id").loc[m.doc_id, "text"][m.start:m.end] == m.text


def test_numbers_are_not_quoted(tmp_path):
    writer = TableWriter(tmp_path, "mentions", "csv")
    writer.write([{"doc_id": "a", "mention_id": "m1", "label": "PERCENT", "start": 0, "end": 3, "text": "-5%",
                   "value": -5.0, "claimant": None}])
    writer.close()
    row = next(csv.DictReader(open(tmp_path / "mentions.csv", encoding="utf-8", newline="")))
    assert (row["value"], row["text"], row["start"]) == ("-5.0", "-5%", "0")


def test_read_table_keeps_year_dates_as_text(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--format", "csv",
                 "--no-progress"]) == 0
    dates = read_table(tmp_path / "out", "claims")["date"].dropna()
    assert "2019" in set(dates) and all(isinstance(d, str) for d in dates)


# --- progress ------------------------------------------------------------------------------

def test_the_progress_bar_has_a_total_and_an_eta(tmp_path):
    from tqdm import tqdm

    source = write_jsonl(tmp_path / "a.jsonl", 40)
    result = cli("run", source, "--out", tmp_path / "out", "--progress", "--batch-size", "8")
    assert result.returncode == 0, result.stderr
    states = [state for state in result.stderr.splitlines() if state.startswith("claimtrace (1 files)")]
    total = tqdm.format_sizeof(source.stat().st_size, divisor=1024)
    assert f"0.00/{total}" in states[0]  # the total is known before the first document
    assert f"{total}/{total}" in states[-1] and "100%" in states[-1] and "<00:00" in states[-1]
    assert "40 docs" in states[-1]


# --- the tokenizer's cache ------------------------------------------------------------------

@pytest.mark.parametrize("words", [1, 123, 100000])
def test_tokenizer_cache_size_is_the_configured_one_and_never_changes_the_tokens(tmp_path, words):
    from pipeline.nlp import build_nlp

    nlp = build_nlp(configured(tmp_path, tokenizer_cache_words=words))
    assert nlp.tokenizer.max_cache_size == words
    text = (CORPUS / "news" / "argentina_jujuy_zte.txt").read_text(encoding="utf-8")
    assert [t.text for t in nlp.make_doc(text)] == [t.text for t in spacy.blank("en").make_doc(text)]
