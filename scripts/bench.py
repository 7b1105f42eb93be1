"""Benchmark of whole `claimtrace run` processes against spaCy's bare English tokenizer.

usage: python scripts/bench.py [--csv AIDDATA.csv] [--copies 10] [--report docs/benchmarks.md] [--quick]

On the AidData GCDF 3.0 descriptions (about 500k words) and on a corpus of `--copies` copies of
them, each measured as a separate process from start to exit: words per second and peak memory
(resident set of the process and its workers, sampled every 50 ms), next to a process that only
reads the same texts and runs `spacy.blank("en")`'s tokenizer over them; the same claimtrace run
with its sentence component alone (reading, tokenizing, tables, Parquet: the ceiling any rules
have to fit under); and the speed-up of two workers over one.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CSV = ROOT.parent / "shared" / "external" / "aiddata-gcdf3" / "gcdf3_df_filtered_title_description.csv"
WORK = ROOT / "build" / "bench"
TEXT, ID = "Description", "AidData Record ID"

TOKENIZER = """
import csv, sys, spacy
csv.field_size_limit(sys.maxsize)
nlp = spacy.blank("en")
with open(sys.argv[1], encoding="utf-8", newline="") as handle:
    texts = (row[sys.argv[2]] for row in csv.DictReader(handle))
    tokens = sum(len(doc) for doc in nlp.tokenizer.pipe(texts, batch_size=64))
print(tokens)
"""


def copies(source: Path, target: Path, count: int) -> None:
    """`count` copies of the CSV's rows, each copy's ids made unique."""
    csv.field_size_limit(sys.maxsize)
    with source.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
        fields = reader.fieldnames
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        for copy in range(count):
            for row in rows:
                writer.writerow({**row, ID: f"{row[ID]}-{copy}"})


def words(path: Path) -> int:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as handle:
        return sum(len(row[TEXT].split()) for row in csv.DictReader(handle))


def measure(command: list[str]) -> tuple[float, float]:
    """(seconds, peak resident MiB of the process tree) of one command run to its end."""
    start = time.perf_counter()
    process = psutil.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while process.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    if process.returncode:
        raise SystemExit(f"bench: {' '.join(command)} failed: {process.stderr.read().decode()[-500:]}")
    return seconds, peak / 2**20


def claimtrace(corpus: Path, workers: int, config: Path | None = None) -> list[str]:
    name = f"out-{corpus.stem}-{workers}" + ("-" + config.stem if config else "")
    return [sys.executable, "-m", "pipeline", "run", str(corpus), "--text-column", TEXT, "--id-column", ID,
            "--out", str(WORK / name), "--no-progress", "--workers", str(workers),
            *(["--config", str(config)] if config else [])]


def long_document(source: Path, target: Path, chars: int) -> Path:
    """A JSONL file of one document of `chars` characters: the descriptions joined as
    paragraphs, repeated as needed (one long report rather than many short ones)."""
    csv.field_size_limit(sys.maxsize)
    with source.open(encoding="utf-8", newline="") as handle:
        blob = "\n\n".join(row[TEXT] for row in csv.DictReader(handle))
    text = (blob * (chars // len(blob) + 1))[:chars]
    target.write_text(json.dumps({"id": target.stem, "text": text}) + "\n", encoding="utf-8")
    return target


def long_documents(source: Path) -> tuple[list[str], str]:
    """Seconds per million characters of one 400 KB and one 4 MB document (start-up, timed on a
    one-line document, taken off), and their ratio: cost must grow linearly with length."""
    tiny = WORK / "tiny.jsonl"
    tiny.write_text(json.dumps({"id": "tiny", "text": "Kenya paid $3 million."}) + "\n", encoding="utf-8")
    start_s, _ = measure(jsonl_run(tiny))
    lines = ["| document | characters | seconds (start-up taken off) | s per million characters | peak MiB |",
             "|---|---:|---:|---:|---:|"]
    per_char = []
    for chars in (400_000, 4_000_000):
        path = long_document(source, WORK / f"long_{chars}.jsonl", chars)
        seconds, peak = measure(jsonl_run(path))
        per_char.append(max(seconds - start_s, 1e-9) / chars)
        lines.append(f"| one document | {chars:,} | {seconds - start_s:.1f} | {per_char[-1] * 1e6:.2f} | {peak:.0f} |")
    return lines, (f"Per-character time of the 4 MB document over the 400 KB one: {per_char[1] / per_char[0]:.2f} "
                   f"(at most 2 asked; start-up {start_s:.1f} s).")


def jsonl_run(path: Path) -> list[str]:
    return [sys.executable, "-m", "pipeline", "run", str(path), "--out", str(WORK / f"out-{path.stem}"),
            "--no-progress"]


def rules_free_config(target: Path) -> Path:
    """The bundled pipeline config with the sentence component alone."""
    text = (ROOT / "configs" / "pipeline.cfg").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^pipeline = .*$", 'pipeline = ["sentences"]', text)
    text = re.sub(r"(?m)^configs = null$", f'configs = "{ROOT / "configs"}"', text)
    target.write_text(text, encoding="utf-8")
    return target


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = psutil.virtual_memory().total / 2**30
    return (f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB RAM, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}")


def quick(source: Path) -> int:
    """The single-process figures of the 1x corpus alone: words per second and the ratio."""
    count = words(source)
    tok_s, _ = measure([sys.executable, "-c", TOKENIZER, str(source), TEXT])
    one_s, one_mb = measure(claimtrace(source, 1))
    print(f"1x: {count:,} words; tokenizer {count / tok_s:,.0f} w/s ({tok_s:.2f} s); claimtrace 1 worker "
          f"{count / one_s:,.0f} w/s ({one_s:.2f} s, peak {one_mb:.0f} MiB); ratio {tok_s / one_s:.2f}")
    return 0


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--csv", default=str(DEFAULT_CSV))
    options.add_argument("--copies", type=int, default=10)
    options.add_argument("--report", default=None, help="also write the results to this Markdown file")
    options.add_argument("--quick", action="store_true",
                         help="only the 1x corpus: the tokenizer and claimtrace with one worker (no report)")
    args = options.parse_args(argv)
    source = Path(args.csv)
    if not source.is_file():
        print(f"bench: {source} not found (../shared is absent?)", file=sys.stderr)
        return 2
    WORK.mkdir(parents=True, exist_ok=True)
    if args.quick:
        return quick(source)
    big = WORK / f"aiddata_x{args.copies}.csv"
    copies(source, big, args.copies)
    rules_free = rules_free_config(WORK / "sentences-only.cfg")
    rows = []
    for corpus, label in ((source, "1x"), (big, f"{args.copies}x")):
        count = words(corpus)
        tok_s, tok_mb = measure([sys.executable, "-c", TOKENIZER, str(corpus), TEXT])
        results = {w: measure(claimtrace(corpus, w)) for w in (1, 2)}
        bare_s, _ = measure(claimtrace(corpus, 1, rules_free))
        rows.append((label, count, tok_s, tok_mb, results, bare_s))
    lines = ["| corpus | words | tokenizer w/s | tokenizer MiB | claimtrace 1 worker w/s | ratio | peak MiB "
             "| 2 workers w/s | speed-up | peak MiB (all processes) | sentences only w/s | its ratio |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for label, count, tok_s, tok_mb, results, bare_s in rows:
        (one_s, one_mb), (two_s, two_mb) = results[1], results[2]
        lines.append(f"| {label} | {count:,} | {count / tok_s:,.0f} | {tok_mb:.0f} | {count / one_s:,.0f} | "
                     f"{tok_s / one_s:.2f} | {one_mb:.0f} | {count / two_s:,.0f} | {one_s / two_s:.2f} | {two_mb:.0f} | "
                     f"{count / bare_s:,.0f} | {tok_s / bare_s:.2f} |")
    memory_growth = rows[1][4][1][1] / rows[0][4][1][1]
    summary = f"Peak memory of the single-process run, {rows[1][0]} over 1x: {memory_growth:.2f}."
    long_lines, long_summary = long_documents(source)
    table = "\n".join(lines)
    long_table = "\n".join(long_lines)
    print(table)
    print(summary)
    print(long_table)
    print(long_summary)
    if args.report:
        Path(args.report).write_text(
            "# Benchmarks\n\n"
            "`make bench` (`scripts/bench.py`): whole processes from start to exit on AidData GCDF 3.0's "
            "961 project descriptions (1x) and on ten copies of them (10x); `ratio` is claimtrace's words "
            "per second over those of a process that reads the same CSV and runs spaCy's bare English "
            "tokenizer; `speed-up` is 2 workers over 1 (forked processes, `--workers 2`); `sentences only` is "
            "the same single-process run with the sentence component alone (reading, tokenizing, the "
            "tables, Parquet): the time any rules have to fit in.\n\n"
            f"Machine: {machine()}.\n\n{table}\n\n{summary}\n\n"
            "## Long documents\n\nOne document of 400 KB and one of 4 MB (the descriptions joined as "
            "paragraphs): the cost of a document grows linearly with its length.\n\n"
            f"{long_table}\n\n{long_summary}\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
