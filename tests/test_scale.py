"""Scale: identical tables whatever the engine or number of workers, resume after SIGKILL,
and the DuckDB store (skip what is there, replace what changed)."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest

from pipeline.runner import PARTS, Engine, run
from pipeline.tables import read_table
from tests.conftest import CORPUS, ROOT


def tables(folder):
    return {name: read_table(folder, name) for name in ("documents", "mentions", "claims")}


def assert_same_tables(first, second):
    for name in ("documents", "mentions", "claims"):
        pd.testing.assert_frame_equal(first[name], second[name], check_dtype=False)


@pytest.fixture(scope="module")
def single(tmp_path_factory):
    out = tmp_path_factory.mktemp("single")
    run([str(CORPUS)], out, batch_size=3, progress=False)
    return tables(out)


def test_two_workers_write_the_same_tables(single, tmp_path):
    run([str(CORPUS)], tmp_path, batch_size=3, progress=False, engine=Engine("local", 2))
    assert_same_tables(single, tables(tmp_path))


def test_dask_local_cluster_writes_the_same_tables(single, tmp_path):
    pytest.importorskip("dask.distributed")
    run([str(CORPUS)], tmp_path, batch_size=3, progress=False, engine=Engine("dask", 2))
    assert_same_tables(single, tables(tmp_path))


def big_corpus(folder, documents=48, repeat=12):
    """Long documents, so that a run takes a few seconds."""
    article = (CORPUS / "wire" / "kampala_cameras.txt").read_text(encoding="utf-8")
    with open(folder / "big.jsonl", "w", encoding="utf-8") as handle:
        for number in range(documents):
            handle.write(json.dumps({"id": f"doc{number}", "text": (article + "\n\n") * repeat}) + "\n")
    return folder / "big.jsonl"


def test_a_killed_run_resumes_to_the_same_tables(tmp_path):
    source = big_corpus(tmp_path)
    command = [sys.executable, "-m", "pipeline", "run", str(source), "--out", str(tmp_path / "killed"),
               "--batch-size", "2", "--no-progress"]
    process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.DEVNULL)
    parts = tmp_path / "killed" / PARTS
    deadline = time.monotonic() + 120
    while len(list(parts.glob("*/*.done"))) < 3 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.02)
    if process.poll() is not None:
        pytest.fail("the run ended before it could be killed")
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    finished = len(list(parts.glob("*/*.done")))
    assert 3 <= finished < 24 and not (tmp_path / "killed" / "mentions.parquet").exists()

    resumed = run([str(source)], tmp_path / "killed", batch_size=2, progress=False)
    assert resumed.resumed_batches >= finished and not parts.exists()
    run([str(source)], tmp_path / "whole", batch_size=2, progress=False)
    assert_same_tables(tables(tmp_path / "whole"), tables(tmp_path / "killed"))


def test_database_skips_known_documents_and_replaces_changed_ones(tmp_path):
    duckdb = pytest.importorskip("duckdb")
    inputs = tmp_path / "in"
    inputs.mkdir()
    for path in (CORPUS / "wire").glob("*.txt"):
        (inputs / path.name).write_bytes(path.read_bytes())
    db = tmp_path / "claims.duckdb"
    first = run([str(inputs)], tmp_path / "run1", progress=False, db=db)
    second = run([str(inputs)], tmp_path / "run2", progress=False, db=db)
    assert first.documents == second.documents == 6 and second.skipped == 6
    # the skipped documents' rows come from the database: the tables are those of the first run
    assert_same_tables(tables(tmp_path / "run1"), tables(tmp_path / "run2"))

    changed = inputs / "almaty_tenge.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("12,000 cameras", "14,000 cameras"), encoding="utf-8")
    third = run([str(inputs)], tmp_path / "run3", progress=False, db=db)
    assert third.documents == 6 and third.skipped == 5

    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*), count(DISTINCT doc_id) FROM documents").fetchone() == (6, 6)
    values = con.execute("SELECT value FROM mentions WHERE doc_id = 'almaty_tenge' AND label = 'QUANTITY'").fetchall()
    assert (14000.0,) in values and (12000.0,) not in values
    assert con.execute("SELECT count(*) FROM mentions").fetchone()[0] == len(tables(tmp_path / "run3")["mentions"])
    runs = con.execute("SELECT documents, skipped, replaced FROM runs ORDER BY started").fetchall()
    assert runs == [(6, 0, 0), (6, 6, 0), (6, 5, 1)]


def test_asking_the_store_counts_nothing(tmp_path):
    pytest.importorskip("duckdb")
    from pipeline.store import Store

    (tmp_path / "a.txt").write_text("Kenya bought 40 cameras from Huawei.", encoding="utf-8")
    db = tmp_path / "claims.duckdb"
    run([str(tmp_path / "a.txt")], tmp_path / "out", progress=False, db=db)
    sha = read_table(tmp_path / "out", "documents").iloc[0]["sha256"]
    store = Store(db, "a-later-run", "hash", [str(tmp_path)])
    try:
        state = dict(vars(store))
        assert all(store.is_known("a", sha) for _ in range(3)) and not store.is_known("a", "changed")
        assert vars(store) == state
        store.finish(1, 1, 0, 0, 0)
        runs = store.con.execute("SELECT documents, skipped FROM runs WHERE run_id = 'a-later-run'").fetchall()
        assert runs == [(1, 1)]
    finally:
        store.close()
