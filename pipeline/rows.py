"""Table rows of one document: the documents row of a record and the mentions and claims rows
of its annotation, as Arrow column lists (SPEC "Tables"). The one place rows are made."""
from __future__ import annotations

import pyarrow as pa

from pipeline.nlp import Annotated
from pipeline.readers import Record, sha256
from pipeline.spans import sentence_in, sentence_index
from pipeline.tables import SCHEMAS, TABLES

_MENTION_FIELDS = ("label", "start", "end", "text", "country", "vendor", "value", "currency", "unit",
                   "qualifier", "period", "date", "technology", "source", "note")


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


class Rows:
    """Column lists of the tables, filled row by row and turned into Arrow tables at once."""

    def __init__(self):
        self.columns = {name: {column: [] for column in SCHEMAS[name].names} for name in TABLES}

    def add(self, table: str, row: dict) -> None:
        for column, values in self.columns[table].items():
            values.append(row.get(column))

    def add_document(self, record: Record, result: Annotated | None) -> None:
        """One document's rows: its documents row, and its mentions and claims when annotated."""
        self.add("documents", document_row(record))
        if result is not None:
            add_annotation(self, record.doc_id, result)

    def tables(self) -> dict[str, pa.Table]:
        return {name: pa.Table.from_pydict(self.columns[name], schema=SCHEMAS[name]) for name in TABLES}


def add_annotation(columns: Rows, doc_id: str, result: Annotated) -> None:
    """The mentions and claims rows of one annotated document (mention ids set by `annotate`)."""
    index = sentence_index(result.sentences)
    for mention in result.mentions:
        sentence = sentence_in(index, mention.start) or (None, None)
        row = {name: getattr(mention, name) for name in _MENTION_FIELDS}
        columns.add("mentions", {**row, "doc_id": doc_id, "mention_id": mention.id,
                                 "sent_start": sentence[0], "sent_end": sentence[1]})
    for number, claim in enumerate(result.claims, start=1):
        fact = claim.mention
        columns.add("claims", {
            "doc_id": doc_id, "claim_id": f"c{number}", "mention_id": fact.id,
            "label": fact.label, "start": fact.start, "end": fact.end, "text": fact.text, "value": fact.value,
            "currency": fact.currency, "unit": fact.unit, "qualifier": fact.qualifier,
            "period": fact.period, "country": claim.country,
            "country_mention_id": claim.country_mention.id if claim.country_mention else None,
            "vendors": "|".join(claim.vendors) or None,
            "vendor_mention_ids": "|".join(m.id for m in claim.vendor_mentions) or None,
            "date": claim.date, "date_mention_id": claim.date_mention.id if claim.date_mention else None,
            "claimant": claim.claimant, "sent_start": claim.sentence[0], "sent_end": claim.sentence[1],
        })
