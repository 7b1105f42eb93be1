"""`claimtrace review`: a static HTML page to check every fact of a run against its evidence.

One self-contained file (CSS and JS inlined, no network) holds the index and every document; a
run of more than `group_size` documents gets an index file and one file per group of documents
beside it (`review-001.html`, ...), linked from the index. Templates are Jinja2 with
autoescaping, so every piece of article text is escaped.
"""
from __future__ import annotations

import base64
import hashlib
from collections import Counter
from importlib.resources import files
from pathlib import Path

from jinja2 import Environment, PackageLoader

from pipeline import __version__
from pipeline.review.views import deal_views, document_views, failures, labels, load_tables, summaries

GROUP_SIZE = 250


def environment() -> Environment:
    """The Jinja2 environment of the package's templates (autoescaping on)."""
    return Environment(loader=PackageLoader("pipeline.review", "templates"), autoescape=True,
                       trim_blocks=True, lstrip_blocks=True)


def static(name: str) -> str:
    """A CSS or JS file shipped in the package."""
    return files("pipeline.review").joinpath("static", name).read_text(encoding="utf-8")


def script_hash(script: str) -> str:
    """The Content-Security-Policy source that allows this inline script and no other."""
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def group_pages(target: Path, count: int, group_size: int) -> list[str]:
    """The file name of each document's page: the target itself when all fit in one."""
    if count <= group_size:
        return [target.name] * count
    return [f"{target.stem}-{1 + i // group_size:03d}{target.suffix}" for i in range(count)]


def build_review(run_dir: str | Path, target: str | Path, gold: list[str | Path] | None = None,
                 group_size: int = GROUP_SIZE) -> list[Path]:
    """Write the review page(s) of the run in `run_dir`; returns the files written, index first."""
    target = Path(target)
    tables = load_tables(run_dir)
    marks = {}
    if gold:
        from pipeline.review.gold import gold_marks

        marks = gold_marks(gold, run_dir, {str(d["doc_id"]): d.get("text") or "" for d in tables["documents"]})
    documents = document_views(tables, marks)
    pages = group_pages(target, len(documents), max(1, group_size))
    for document, page in zip(documents, pages, strict=True):
        document.href = f"{'' if page == target.name else page}#{document.anchor}"
    deals = deal_views(tables["deals"], documents)
    script = static("review.js")
    common = {"css": static("review.css"), "js": script, "script_hash": script_hash(script),
              "labels": labels(tables["mentions"]), "index_page": target.name, "version": __version__,
              "run_dir": str(run_dir), "gold": bool(gold)}
    index = {"documents": documents, "deals": deals, "summaries": summaries(tables, deals),
             "failures": failures(tables["documents"]), "filters": deal_filters(deals),
             "gold_counts": sum((d.gold.counts for d in documents), Counter())}
    return write_pages(target, list(zip(documents, pages, strict=True)), common, index)


def write_pages(target: Path, pages: list[tuple], common: dict, index: dict) -> list[Path]:
    """The index (with the documents of its own page) and each group page, from (document, page
    name) pairs; the paths written, index first."""
    env = environment()
    target.parent.mkdir(parents=True, exist_ok=True)
    written = []
    for page in dict.fromkeys([target.name, *(name for _, name in pages)]):
        shown = [document for document, name in pages if name == page]
        if page == target.name:
            html = env.get_template("index.html.j2").render({**common, **index, "shown_documents": shown})
        else:
            html = env.get_template("group.html.j2").render({**common, "shown_documents": shown, "page": page})
        (target.parent / page).write_text(html, encoding="utf-8")
        written.append(target.parent / page)
    return written


def deal_filters(deals) -> dict[str, list[tuple[str, str]]]:
    """The choices of the deals filters: (value, shown text) of each country, vendor and technology."""
    countries = {deal.row.get("country"): deal.cell("country") for deal in deals if deal.row.get("country")}
    vendors = {v for deal in deals for v in deal.items("vendors")}
    technologies = {t for deal in deals for t in deal.items("technologies")}
    return {"country": sorted(countries.items(), key=lambda item: item[1]),
            "vendor": [(v, v) for v in sorted(vendors, key=str.casefold)],
            "technology": [(t, t.replace("_", " ")) for t in sorted(technologies)]}
