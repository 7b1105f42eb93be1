"""Benchmark of `claimtrace review` on AidData GCDF 3.0's 961 project descriptions.

usage: python scripts/bench_review.py [--csv AIDDATA.csv] [--report docs/benchmarks.md]

Runs the pipeline on the descriptions once, then times the whole `claimtrace review` process
(start to exit), sizes the pages it writes, and times how long headless Chromium (Debian's, through
Playwright) takes to load the index and the largest document page from their file URLs to the
`load` event (median of 3 loads, each in a fresh page). With `--report`, the figures replace the
"Review page" section of that Markdown file (appended when it has none).
"""
from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CSV = ROOT.parent / "shared" / "external" / "aiddata-gcdf3" / "gcdf3_df_filtered_title_description.csv"
WORK = ROOT / "build" / "bench-review"
CLAIMTRACE = [sys.executable, "-m", "pipeline"]
SECTION = "## Review page"


def timed(command: list[str]) -> float:
    """Seconds a process takes from start to exit."""
    start = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT)
    return time.perf_counter() - start


def load_seconds(pages: list[Path], repeats: int = 3) -> list[float]:
    """Median seconds from navigation to the `load` event for each page, in headless Chromium."""
    from playwright.sync_api import sync_playwright

    from pipeline.review.browser import launch

    with sync_playwright() as playwright:
        browser = launch(playwright)
        results = []
        for path in pages:
            times = []
            for _ in range(repeats):
                page = browser.new_page()
                start = time.perf_counter()
                page.goto(path.resolve().as_uri(), wait_until="load")
                times.append(time.perf_counter() - start)
                page.close()
            results.append(statistics.median(times))
        browser.close()
    return results


def report_section(rows: list[str]) -> str:
    from pipeline.review import GROUP_SIZE

    return (f"{SECTION}\n\n`make bench` (`scripts/bench_review.py`): `claimtrace review` on the tables of a run over "
            "AidData GCDF 3.0's 961 project descriptions, as a whole process from start to exit; the size of "
            f"the pages it writes (an index, and the documents in pages of {GROUP_SIZE}); the time headless Chromium "
            "takes to load a page from its file URL to the `load` event (median of 3).\n\n"
            "| documents | mentions | claims | build s | index MiB | largest page MiB | all pages MiB | "
            "index opens in s | largest page opens in s |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
            + "\n".join(rows) + "\n")


def write_report(path: Path, section: str) -> None:
    """Replace this script's section of the Markdown file, or append it."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.S | re.M)
    text = pattern.sub(lambda _: section + "\n", text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--csv", default=str(DEFAULT_CSV))
    options.add_argument("--report", default=None, help="also write the results to this Markdown file")
    args = options.parse_args(argv)
    if not Path(args.csv).is_file():
        print(f"bench_review: {args.csv} not found (../shared is absent?)", file=sys.stderr)
        return 2
    run, index = WORK / "run", WORK / "review.html"
    subprocess.run([*CLAIMTRACE, "run", args.csv, "--text-column", "Description", "--id-column", "AidData Record ID",
                    "--title-column", "Title", "--out", str(run), "--no-progress"], check=True, cwd=ROOT)
    for old in WORK.glob("review*.html"):
        old.unlink()
    build = timed([*CLAIMTRACE, "review", str(run), "--out", str(index)])
    pages = sorted(WORK.glob("review-*.html"), key=lambda p: p.stat().st_size)
    largest = pages[-1] if pages else index
    index_s, largest_s = load_seconds([index, largest])

    from pipeline.tables import read_table

    counts = [len(read_table(run, name)) for name in ("documents", "mentions", "claims")]
    mib = [p.stat().st_size / 2**20 for p in (index, largest)] + [sum(p.stat().st_size for p in [index, *pages]) / 2**20]
    row = (f"| {counts[0]:,} | {counts[1]:,} | {counts[2]:,} | {build:.1f} | {mib[0]:.1f} | {mib[1]:.1f} | "
           f"{mib[2]:.1f} | {index_s:.2f} | {largest_s:.2f} |")
    section = report_section([row])
    print(section)
    if args.report:
        write_report(Path(args.report), section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
