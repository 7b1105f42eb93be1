"""The cost of huge inputs: a CSV with one 5 MB cell (under `max_document_chars`: annotated),
an HTML page just under `max_html_bytes` (parsed) and a 30 MB page (refused before parsing).

usage: python scripts/bench_inputs.py [--timeout 600]

Each is one `claimtrace run` process, measured from start to exit (seconds, peak resident
memory), and one process that only reads it as the run does (decoding, HTML extraction, the
limits), so that reading and annotating are told apart; a process still going after --timeout
seconds is stopped and reported. Exits 1 when the 5 MB cell is not an `ok` row or the 30 MB page
is not an `error` row with its size.
"""
from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

import pyarrow.parquet as pq
from soak import ROOT, sentence, vocabulary, watch

WORK = ROOT / "build" / "bench-inputs"
READ_ONLY = """
import sys
from pipeline.nlp import DEFAULT_CONFIG
from pipeline.readers import Columns, discover, read_all
from pipeline.runner import load_limits
for record in read_all(discover(sys.argv[1:]), Columns(), load_limits(str(DEFAULT_CONFIG))):
    pass
"""


def big_cell(path: Path, chars: int, rng: random.Random) -> None:
    """A CSV of a small row, one cell of `chars` characters of generated sentences, a small row."""
    words = vocabulary(rng)
    parts, length = [], 0
    while length < chars:
        parts.append(sentence(rng, words))
        length += len(parts[-1]) + 1
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["id", "text"], ["before", sentence(rng, words)],
                                      ["big", " ".join(parts)[:chars]], ["after", sentence(rng, words)]])


def big_page(path: Path, size: int, rng: random.Random) -> None:
    """An HTML article of about `size` bytes: paragraphs of generated sentences."""
    words = vocabulary(rng)
    with path.open("w", encoding="utf-8") as handle:
        handle.write("<html><head><title>Cameras</title></head><body><article><h1>Cameras</h1>\n")
        written = 0
        while written < size:
            paragraph = "<p>" + " ".join(sentence(rng, words) for _ in range(4)) + "</p>\n"
            written += handle.write(paragraph)
        handle.write("</article></body></html>\n")


def measure(source: Path, timeout: float) -> tuple[dict, dict]:
    """(the run's figures, {doc_id: (status, n_chars, error)} of its documents table)."""
    out = WORK / f"out-{source.stem}"
    result = watch([sys.executable, "-m", "pipeline", "run", str(source), "--out", str(out), "--no-progress"],
                   timeout=timeout)
    documents = {}
    if not result["killed"] and result["returncode"] == 0:
        table = pq.read_table(out / "documents.parquet", columns=["doc_id", "status", "n_chars", "error"])
        documents = {row["doc_id"]: (row["status"], row["n_chars"], row["error"]) for row in table.to_pylist()}
    return result, documents


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--timeout", type=float, default=600)
    args = options.parse_args(argv)
    WORK.mkdir(parents=True, exist_ok=True)
    rng = random.Random(14)
    cell, page, huge = WORK / "cell_5mb.csv", WORK / "page_9mb.html", WORK / "page_30mb.html"
    big_cell(cell, 5_000_000, rng)
    big_page(page, 9_500_000, rng)
    big_page(huge, 30 * 2**20, rng)
    checks = {cell: ("big", "ok"), page: ("page_9mb", "ok"), huge: ("page_30mb", "error")}
    failed = False
    for source, (doc_id, wanted) in checks.items():
        read = watch([sys.executable, "-c", READ_ONLY, str(source)], timeout=args.timeout)
        print(f"bench-inputs: {source.name}: read only (no annotation): "
              + (f"stopped after {args.timeout:.0f} s" if read["killed"] else f"{read['seconds']:.1f} s")
              + f", peak {read['peak_mib']:.0f} MiB")
        result, documents = measure(source, args.timeout)
        status, n_chars, error = documents.get(doc_id, (None, None, None))
        took = f"stopped after {args.timeout:.0f} s" if result["killed"] else f"{result['seconds']:.1f} s"
        print(f"bench-inputs: {source.name} ({source.stat().st_size / 2**20:.1f} MiB): {took}, "
              f"peak {result['peak_mib']:.0f} MiB; {doc_id}: {status or 'no row'}"
              + (f", {n_chars:,} characters" if status == "ok" else f" ({error})" if error else ""))
        if status != wanted:
            failed = True
            print(f"bench-inputs: FAILED: {doc_id} should be an {wanted} row")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
