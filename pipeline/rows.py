"""Table rows of one document: the documents row of a record and the mentions and claims rows
of its annotation, as Arrow column lists (SPEC "Tables"). The one place rows are made."""
from __future__ import annotations

import pyarrow as pa

from pipeline.claims.deals import Deal, DealFields
from pipeline.claims.index import ByPosition
from pipeline.nlp import Annotated
from pipeline.readers import Record, sha256
from pipeline.spans import sentence_in, sentence_index
from pipeline.tables import BATCH_TABLES, SCHEMAS, arrow_table

_MENTION_FIELDS = ("label", "start", "end", "text", "country", "vendor", "value", "currency", "unit",
                   "qualifier", "period", "date", "technology", "source", "note")


def document_row(record: Record) -> dict:
    """The documents-table row of a record."""
    ok = record.error is None
    return {
        "doc_id": record.doc_id, "source": record.origin, "title": record.title,
        "published": record.published, "text": record.text if ok else None,
        "sha256": sha256(record.text) if ok else record.raw_sha256,
        "n_chars": len(record.text) if ok else 0,
        "status": "ok" if ok else "error", "error": record.error,
    }


class Rows:
    """Column lists of a batch's tables (`BATCH_TABLES`), filled row by row and turned into Arrow
    tables at once."""

    def __init__(self, describer):
        self.describer = describer
        self.columns = {name: {column: [] for column in SCHEMAS[name].names} for name in BATCH_TABLES}

    def add(self, table: str, row: dict) -> None:
        for column, values in self.columns[table].items():
            values.append(row.get(column))

    def add_document(self, record: Record, result: Annotated | None) -> None:
        """One document's rows: its documents row, and its mentions and claims when annotated."""
        self.add("documents", document_row(record))
        if result is not None:
            add_annotation(self, record.doc_id, result, record.text)

    def tables(self) -> dict[str, pa.Table]:
        return {name: arrow_table(self.columns[name], SCHEMAS[name]) for name in BATCH_TABLES}


def add_annotation(columns: Rows, doc_id: str, result: Annotated, text: str) -> None:
    """The mentions and claims rows of one annotated document (mention ids set by `annotate`)."""
    index = sentence_index(result.sentences)
    table = columns.columns["mentions"]
    fields = [(table[name], name) for name in _MENTION_FIELDS]  # appended to straight: no dict per row
    for mention in result.mentions:
        sentence = sentence_in(index, mention.start) or (None, None)
        for values, name in fields:
            values.append(getattr(mention, name))
        table["doc_id"].append(doc_id)
        table["mention_id"].append(mention.id)
        table["sent_start"].append(sentence[0])
        table["sent_end"].append(sentence[1])
    claim_ids = {id(claim): f"c{number}" for number, claim in enumerate(result.claims, start=1)}
    for claim in result.claims:
        fact = claim.mention
        columns.add("claims", {
            "doc_id": doc_id, "claim_id": claim_ids[id(claim)], "mention_id": fact.id,
            "label": fact.label, "start": fact.start, "end": fact.end, "text": fact.text, "value": fact.value,
            "currency": fact.currency, "unit": fact.unit, "qualifier": fact.qualifier,
            "period": fact.period, "deal_id": claim.deal.key if claim.deal else None, "country": claim.country,
            "country_mention_id": claim.country_mention.id if claim.country_mention else None,
            "vendors": "|".join(claim.vendors) or None,
            "vendor_mention_ids": "|".join(m.id for m in claim.vendor_mentions) or None,
            "date": claim.date, "date_mention_id": claim.date_mention.id if claim.date_mention else None,
            "claimant": claim.claimant, "sent_start": claim.sentence[0], "sent_end": claim.sentence[1],
            "same_as": claim_ids[id(claim.same_as)] if claim.same_as else None,
        })
    by_position = ByPosition(result.mentions)
    for deal in result.deals:
        fields = columns.describer.describe(text, deal, by_position, single=len(result.deals) == 1)
        columns.add("doc_deals", deal_row(doc_id, deal, fields, claim_ids))


def deal_row(doc_id: str, deal: Deal, fields: DealFields, claim_ids: dict[int, str]) -> dict:
    """The doc_deals row of one deal of a document; `deal_id` of its claims is its `deal_key`
    until the run merges deals across documents."""
    headline = fields.headline
    mentions = [deal.country_mention, *deal.vendor_mentions, *(c.mention for c in deal.claims)]
    evidence = [f"{doc_id}:{m.id}" for m in mentions if m is not None and m.id]
    evidence += [f"{doc_id}:{start}-{end}" for start, end in fields.financier_spans]
    return {
        "doc_id": doc_id, "deal_key": deal.key, "country": deal.country,
        "country_mention_id": deal.country_mention.id if deal.country_mention else None,
        "places": "|".join(fields.places) or None, "vendors": "|".join(deal.vendors) or None,
        "vendor_mention_ids": "|".join(m.id for m in deal.vendor_mentions) or None,
        "financiers": "|".join(fields.financiers) or None, "programme": fields.programme,
        "technologies": "|".join(fields.technologies) or None,
        "value": headline.mention.value if headline else None, "currency": headline.mention.currency if headline else None,
        "value_usd": fields.value_usd, "first_date": fields.first_date, "last_date": fields.last_date,
        "claim_ids": "|".join(f"{doc_id}:{claim_ids[id(c)]}" for c in deal.claims) or None,
        "evidence": "|".join(dict.fromkeys(evidence)) or None,
    }
