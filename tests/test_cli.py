"""The command line: help, formats, exit codes, one-line errors and atomic tables."""
from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

from pipeline.cli import main
from pipeline.tables import SCHEMAS, TABLES, TableWriter, read_table
from tests.conftest import ROOT

ARTICLE = "NAIROBI, 2 May 2024 — Kenya will spend Sh4.5 billion on 2,500 cameras from Huawei, officials said."


@pytest.mark.parametrize("command", [[sys.executable, "-m", "pipeline"], [str(ROOT / ".venv" / "bin" / "claimtrace")]])
def test_help(command):
    if not command[0].startswith(sys.executable) and not (ROOT / ".venv" / "bin" / "claimtrace").exists():
        pytest.skip("console script not installed")
    for args in (["--help"], ["run", "--help"]):
        result = subprocess.run(command + args, capture_output=True, text=True, cwd=ROOT)
        assert result.returncode == 0 and "claimtrace" in result.stdout
    assert "--text-column" in result.stdout and "--format" in result.stdout


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_formats_write_the_same_rows(tmp_path, fmt):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--format", fmt, "--no-progress"]) == 0
    for name in TABLES:
        assert (tmp_path / "out" / f"{name}.{fmt}").exists()
    mentions = read_table(tmp_path / "out", "mentions")
    assert list(mentions.columns) == SCHEMAS["mentions"].names
    money = mentions[mentions.label == "MONEY"].iloc[0]
    assert (money.text, money.value, money.currency) == ("Sh4.5 billion", 4.5e9, "KES")
    documents = read_table(tmp_path / "out", "documents")
    assert documents.iloc[0]["published"] == "2024-05-02"
    assert not list((tmp_path / "out").glob(".*tmp"))


def test_python_module_runs_end_to_end(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "k1", "text": ARTICLE}) + "\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "pipeline", "run", str(tmp_path / "a.jsonl"), "--out",
                             str(tmp_path / "out"), "--format", "csv"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "\r" not in result.stderr and "it/s" not in result.stderr  # no progress bar when piped
    claims = pd.read_csv(tmp_path / "out" / "claims.csv")
    assert set(claims["country"]) == {"KE"}


@pytest.mark.parametrize("args, message", [
    (["run", "/no/such/input.txt", "--out", "{tmp}/out"], "input not found"),
    (["run", "{tmp}/empty_dir", "--out", "{tmp}/out"], "no input documents"),
    (["run", "{tmp}/a.txt", "--out", "{tmp}/a.txt/out"], "cannot create output folder"),
])
def test_run_that_cannot_proceed_exits_nonzero_with_one_line(tmp_path, args, message):
    (tmp_path / "empty_dir").mkdir()
    (tmp_path / "a.txt").write_text(ARTICLE)
    result = subprocess.run([sys.executable, "-m", "pipeline", *[a.format(tmp=tmp_path) for a in args]],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in result.stderr


def test_debug_shows_the_traceback(tmp_path):
    result = subprocess.run([sys.executable, "-m", "pipeline", "--debug", "run", "/no/such", "--out", str(tmp_path)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode != 0 and "Traceback" in result.stderr


def test_a_failed_write_leaves_no_half_table(tmp_path):
    writer = TableWriter(tmp_path, "mentions", "csv")
    writer.write([{"doc_id": "a", "mention_id": "m1", "label": "COUNTRY", "start": 0, "end": 5, "text": "Kenya"}])
    writer.abort()
    assert list(tmp_path.iterdir()) == []
    old = tmp_path / "documents.parquet"
    old.write_bytes(b"previous table")
    writer = TableWriter(tmp_path, "documents", "parquet")
    writer.write([{"doc_id": "a", "status": "ok"}])
    writer.abort()
    assert old.read_bytes() == b"previous table" and len(list(tmp_path.iterdir())) == 1


def test_eval_validate_and_import_commands(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "a", "text": ARTICLE, "spans": [
        {"start": 22, "end": 27, "label": "COUNTRY", "norm": {"country": "KE"}},
        {"start": 39, "end": 52, "label": "MONEY", "norm": {"value": 4.5e9, "currency": "KES"}}],
        "claims": [{"start": 39, "end": 52, "country": "KE", "vendors": ["Huawei"]}]}) + "\n", encoding="utf-8")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--no-progress"]) == 0
    assert main(["validate", str(gold)]) == 0
    capsys.readouterr()
    assert main(["eval", "--gold", str(gold), "--pred", str(tmp_path / "out"), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["labels"]["MONEY"]["normalised"]["tp"] == 1 and result["labels"]["COUNTRY"]["strict"]["fn"] == 0
    assert result["attachment"]["country"] == 1.0 and result["attachment"]["vendors"] == 1.0
    assert main(["eval", "--gold", str(gold), "--pred", str(tmp_path / "out"), "--errors", "5"]) == 0
    table = capsys.readouterr().out
    assert table.splitlines()[0].startswith("label") and "spurious (" in table and "micro" in table

    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "a", "text": "Kenya", "spans": [{"start": 3, "end": 99, "label": "COUNTRY"}]}) + "\n")
    assert main(["validate", str(bad)]) == 1
    assert "bad.jsonl:1: span 1: offsets 3..99" in capsys.readouterr().out
    assert main(["eval", "--gold", str(bad), "--pred", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err.startswith("claimtrace: error: ")

    export = tmp_path / "doccano.jsonl"
    export.write_text(json.dumps({"text": "Huawei in Kenya", "label": [[10, 15, "COUNTRY"]]}) + "\n")
    assert main(["import", str(export), "--from", "doccano", "--out", str(tmp_path / "imported.jsonl")]) == 0
    assert main(["validate", str(tmp_path / "imported.jsonl")]) == 0
