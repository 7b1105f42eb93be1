"""A run: inputs read as records, annotated in batches, rows written as they come."""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from pipeline.nlp import Annotated, annotate, build_nlp
from pipeline.readers import Columns, Record, discover, read_all, sha256
from pipeline.tables import TableWriter


@dataclass
class RunSummary:
    """What a run did."""

    documents: int = 0
    failed: int = 0
    mentions: int = 0
    claims: int = 0


def document_row(record: Record) -> dict:
    """The documents-table row of a record."""
    ok = record.error is None
    return {
        "doc_id": record.doc_id, "source": record.source, "title": record.title,
        "published": record.published, "text": record.text if ok else None,
        "sha256": sha256(record.text) if ok else record.raw_sha256,
        "n_chars": len(record.text) if ok else 0,
        "status": "ok" if ok else "error", "error": record.error,
    }


def annotation_rows(doc_id: str, result: Annotated) -> tuple[list[dict], list[dict]]:
    """Mention and claim rows of one document, with ids m1, m2 ... and c1, c2 ..."""
    sentences = result.sentences
    ids = {id(m): f"m{i}" for i, m in enumerate(result.mentions, start=1)}

    def sentence_of(offset: int) -> tuple[int | None, int | None]:
        for start, end in sentences:
            if start <= offset < end:
                return start, end
        return None, None

    mentions = []
    for mention in result.mentions:
        sent_start, sent_end = sentence_of(mention.start)
        mentions.append({
            "doc_id": doc_id, "mention_id": ids[id(mention)], "label": mention.label,
            "start": mention.start, "end": mention.end, "text": mention.text,
            "sent_start": sent_start, "sent_end": sent_end, "country": mention.country,
            "vendor": mention.vendor, "value": mention.value, "currency": mention.currency,
            "unit": mention.unit, "qualifier": mention.qualifier, "period": mention.period,
            "date": mention.date, "source": mention.source, "note": mention.note,
        })
    claims = []
    for number, claim in enumerate(result.claims, start=1):
        fact = claim.mention
        claims.append({
            "doc_id": doc_id, "claim_id": f"c{number}", "mention_id": ids.get(id(fact)),
            "label": fact.label, "start": fact.start, "end": fact.end, "value": fact.value,
            "currency": fact.currency, "unit": fact.unit, "qualifier": fact.qualifier,
            "period": fact.period, "country": claim.country,
            "country_mention_id": ids.get(id(claim.country_mention)) if claim.country_mention else None,
            "vendors": "|".join(claim.vendors) or None,
            "vendor_mention_ids": "|".join(ids[id(m)] for m in claim.vendor_mentions) or None,
            "date": claim.date,
            "date_mention_id": ids.get(id(claim.date_mention)) if claim.date_mention else None,
            "claimant": claim.claimant, "sent_start": claim.sentence[0], "sent_end": claim.sentence[1],
        })
    return mentions, claims


def unique_ids(records: Iterable[Record]) -> Iterator[Record]:
    """Give a repeated doc_id a suffix (~2, ~3 ...) so every document keeps its own row."""
    seen: dict[str, int] = {}
    for record in records:
        count = seen.get(record.doc_id, 0) + 1
        seen[record.doc_id] = count
        if count > 1:
            record.doc_id = f"{record.doc_id}~{count}"
        yield record


def run(inputs: list[str], out: str | Path, fmt: str = "parquet", columns: Columns | None = None,
        config: str | None = None, batch_size: int = 64, progress: bool | None = None) -> RunSummary:
    """Process every input document into documents, mentions and claims tables in `out`."""
    files = discover(inputs)
    out_dir = Path(out)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OSError(f"cannot create output folder {out_dir}: {exc.strerror or exc}") from exc
    nlp = build_nlp(config)
    writers = {name: TableWriter(out_dir, name, fmt) for name in ("documents", "mentions", "claims")}
    summary = RunSummary()
    records = unique_ids(read_all(files, columns or Columns()))
    bar = _progress(progress, len(files))
    try:
        while batch := list(islice(records, batch_size)):
            ok = [r for r in batch if r.error is None]
            results = dict(zip((id(r) for r in ok), annotate(nlp, ((r.text, r.published) for r in ok)), strict=True))
            documents, mentions, claims = [], [], []
            for record in batch:
                documents.append(document_row(record))
                summary.documents += 1
                if record.error is not None:
                    summary.failed += 1
                    continue
                rows, facts = annotation_rows(record.doc_id, results[id(record)])
                mentions += rows
                claims += facts
            writers["documents"].write(documents)
            writers["mentions"].write(mentions)
            writers["claims"].write(claims)
            summary.mentions += len(mentions)
            summary.claims += len(claims)
            if bar is not None:
                bar.update(len(batch))
    except BaseException:
        for writer in writers.values():
            writer.abort()
        raise
    finally:
        if bar is not None:
            bar.close()
    for writer in writers.values():
        writer.close()
    return summary


def _progress(enabled: bool | None, files: int):
    """A tqdm bar on a terminal (quiet when stderr is piped), counting documents."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(unit=" docs", desc=f"claimtrace ({files} files)", file=sys.stderr)
