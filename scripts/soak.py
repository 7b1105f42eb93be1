"""Soak check: many generated documents through `claimtrace run --workers 2`, once whole and
once killed with SIGKILL half-way and resumed.

usage: python scripts/soak.py [--documents 200000] [--workers 2]

The documents (mixed sizes: a sentence, a paragraph, a short article; 1 % broken records:
invalid JSON, no text, a NUL byte, an empty text) are written as JSONL and CSV files. Checks:
every input is in `documents` exactly once with the expected status, and the killed-and-resumed
tables are identical to the uninterrupted run's. Prints each run's duration and peak memory (the
resident set of claimtrace and its workers) and exits 1 when a check fails.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pyarrow.parquet as pq
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "soak"
PARTS = ".claimtrace-parts"

# Sentence shapes of the field's reporting, written for this check (no article text).
TEMPLATES = (
    "{country} signed a {money} contract with {vendor} for {count:,} cameras in {year}.",
    "Officials said {percent}% of the {count:,} cameras installed by {vendor} were working.",
    "The loan of {money} for the safe city project in {country} was approved on {day} {month} {year}.",
    "A parliamentary committee in {country} asked why the surveillance budget rose to {money}.",
    "{vendor} said its system now covers {count:,} junctions and {count2:,} police stations.",
    "The ministry expects crime to fall by {percent}% once the control room opens.",
    "Residents said they had not been consulted about the cameras.",
)
MONTHS = ("January", "March", "May", "July", "September", "November")
# share of documents that are a sentence or two, a paragraph, a short article
SIZES = ((0.80, 1, 1), (0.17, 2, 5), (0.03, 10, 30))
BROKEN_SHARE = 0.01


def vocabulary(rng: random.Random) -> dict[str, list[str]]:
    """Country and vendor names from configs/ (the names claimtrace knows)."""
    import pycountry

    vendors = [v["name"] for v in yaml.safe_load((ROOT / "configs" / "vendors.yaml").read_text())["vendors"]]
    countries = [c.name for c in pycountry.countries if "," not in c.name and len(c.name) < 20]
    return {"vendor": vendors, "country": rng.sample(countries, 60)}


def sentence(rng: random.Random, words: dict[str, list[str]]) -> str:
    return rng.choice(TEMPLATES).format(
        country=rng.choice(words["country"]), vendor=rng.choice(words["vendor"]),
        money=f"${rng.randint(2, 900)} million", count=rng.randint(10, 20000), count2=rng.randint(2, 400),
        percent=rng.randint(1, 99), year=rng.randint(2012, 2024), day=rng.randint(1, 28), month=rng.choice(MONTHS))


def document(rng: random.Random, words: dict[str, list[str]]) -> str:
    """A text of one of the SIZES: sentences, in paragraphs of up to five."""
    _, lower, upper = rng.choices(SIZES, weights=[share for share, _, _ in SIZES])[0]
    sentences = [sentence(rng, words) for _ in range(rng.randint(lower, upper))]
    return "\n\n".join(" ".join(sentences[at:at + 5]) for at in range(0, len(sentences), 5))


def broken(rng: random.Random, doc_id: str, kind: str) -> dict | str:
    """A broken record of the JSONL or CSV file: a string is a raw (invalid) JSON line."""
    choice = rng.choice(("nul", "empty", "no text") + (("not json",) if kind == "jsonl" else ()))
    if choice == "not json":
        return '{"id": "' + doc_id + '", "text": "unterminated'
    if choice == "no text":
        return {"id": doc_id, "title": "no text here"}
    return {"id": doc_id, "text": "Kenya paid\x00 $3 million." if choice == "nul" else "  "}


def generate(folder: Path, documents: int, seed: int = 14) -> dict[str, bool]:
    """JSONL and CSV files of `documents` records; {doc_id: whether it must be an error row}."""
    rng = random.Random(seed)
    words = vocabulary(rng)
    folder.mkdir(parents=True, exist_ok=True)
    expected: dict[str, bool] = {}
    shares = (("a", "jsonl", 0.35), ("b", "csv", 0.15), ("c", "jsonl", 0.35), ("d", "csv", 0.15))
    written = 0
    for number, (stem, kind, share) in enumerate(shares):
        count = documents - written if number == len(shares) - 1 else int(documents * share)
        records = []
        for line in range(1, count + 1):
            doc_id = f"{stem}{line}"
            bad = rng.random() < BROKEN_SHARE
            record = broken(rng, doc_id, kind) if bad else {"id": doc_id, "text": document(rng, words)}
            expected[f"{stem}:{line}" if isinstance(record, str) else doc_id] = bad
            records.append(record)
        write(folder / f"{stem}.{kind}", records)
        written += count
    return expected


def write(path: Path, records: list[dict | str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        if path.suffix == ".jsonl":
            handle.writelines((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records)
        else:
            writer = csv.DictWriter(handle, fieldnames=["id", "title", "text"])
            writer.writeheader()
            writer.writerows(records)


def watch(command: list[str], parts: Path | None = None, kill_at: int = 0, timeout: float | None = None) -> dict:
    """Run a command to its end, or SIGKILL it once `parts` holds `kill_at` finished batches
    or after `timeout` seconds; its duration, the peak resident memory of it and its workers,
    and its stderr."""
    start = time.perf_counter()
    process = psutil.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak, workers, killed = 0, set(), False
    while process.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            workers |= {p.pid for p in tree[1:]}
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        late = timeout is not None and time.perf_counter() - start > timeout
        if late or (parts is not None and len(list(parts.glob("*/*.done"))) >= kill_at):
            process.send_signal(signal.SIGKILL)
            killed = True
            break
        time.sleep(0.2)
    process.wait()
    _, orphans = psutil.wait_procs([p for p in map(_process, workers) if p is not None], timeout=5)
    for orphan in orphans:  # workers still there 5 s after the run (this script started them)
        orphan.kill()
    return {"seconds": time.perf_counter() - start, "peak_mib": peak / 2**20, "killed": killed,
            "orphans": len(orphans), "returncode": process.returncode, "stderr": process.stderr.read()}


def _process(pid: int) -> psutil.Process | None:
    try:
        return psutil.Process(pid)
    except psutil.Error:
        return None


def accounted(out: Path, expected: dict[str, bool]) -> list[str]:
    """Problems with the documents table: inputs missing, repeated or with the wrong status."""
    documents = pq.read_table(out / "documents.parquet", columns=["doc_id", "status"]).to_pydict()
    ids, statuses = documents["doc_id"], documents["status"]
    problems = []
    if len(ids) != len(set(ids)):
        problems.append(f"{len(ids) - len(set(ids))} documents appear more than once")
    if set(ids) != set(expected):
        problems.append(f"{len(set(expected) - set(ids))} inputs missing, {len(set(ids) - set(expected))} unexpected")
    wrong = sum(1 for doc_id, status in zip(ids, statuses, strict=True)
                if doc_id in expected and (status == "error") != expected[doc_id])
    if wrong:
        problems.append(f"{wrong} documents with the wrong status")
    return problems


def identical(first: Path, second: Path) -> list[str]:
    """Tables that differ between two output folders."""
    names = sorted(p.name for p in first.glob("*.parquet"))
    if names != sorted(p.name for p in second.glob("*.parquet")):
        return [f"different tables: {names} and {sorted(p.name for p in second.glob('*.parquet'))}"]
    return [f"{name} differs" for name in names if not pq.read_table(first / name).equals(pq.read_table(second / name))]


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--documents", type=int, default=200_000)
    options.add_argument("--workers", type=int, default=2)
    options.add_argument("--batch-size", type=int, default=64)
    args = options.parse_args(argv)
    inputs = WORK / "inputs"
    started = time.perf_counter()
    expected = generate(inputs, args.documents)
    size = sum(p.stat().st_size for p in inputs.iterdir()) / 2**20
    print(f"soak: {len(expected):,} documents ({sum(expected.values()):,} broken), {size:.0f} MiB of JSONL and CSV")

    def command(out: Path) -> list[str]:
        return [sys.executable, "-m", "pipeline", "run", str(inputs), "--out", str(out), "--workers",
                str(args.workers), "--batch-size", str(args.batch_size), "--no-progress"]

    whole, killed = WORK / "whole", WORK / "killed"
    for folder in (whole, killed):
        for table in folder.glob("*.parquet"):
            table.unlink()
    batches = -(-len(expected) // args.batch_size)
    runs = {"uninterrupted": watch(command(whole)),
            "killed half-way": watch(command(killed), killed / PARTS, batches // 2),
            "resumed": watch(command(killed))}
    for name, result in runs.items():
        extra = f", {result['orphans']} workers outlived it by 5 s" if result["killed"] else ""
        print(f"soak: {name}: {result['seconds']:.0f} s, peak {result['peak_mib']:.0f} MiB (all processes){extra}")
    problems = [f"{name} exited {r['returncode']}: {r['stderr'][-300:]}" for name, r in runs.items()
                if not r["killed"] and r["returncode"] != 0]
    if not runs["killed half-way"]["killed"]:
        problems.append("the run ended before it could be killed")
    if "resumed after" not in runs["resumed"]["stderr"]:
        problems.append("the second run did not resume")
    problems += accounted(whole, expected) + identical(whole, killed)
    print(f"soak: {time.perf_counter() - started:.0f} s in all, generating the inputs included")
    for problem in problems:
        print(f"soak: FAILED: {problem}")
    if not problems:
        print(f"soak: every input accounted for exactly once; resumed tables identical to the uninterrupted run's "
              f"({runs['resumed']['stderr'].strip().splitlines()[-1]})")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
