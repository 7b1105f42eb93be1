"""What the review page shows, from a run's tables: each document with its highlighted text,
claims and deals; the deals; the summaries by country and vendor; the failed documents.

Works on SPEC v1 tables (no deals table, no `technology`, claims without `text` or `deal_id`)
and v2 tables alike: a missing table or column shows as empty.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pycountry
from markupsafe import Markup

from pipeline.gold import label_rules
from pipeline.review.markup import Span, highlight
from pipeline.tables import read_table

TABLES = ("documents", "mentions", "claims", "deals")
# Normalised fields shown on hover, in this order.
MENTION_FIELDS = ("country", "vendor", "technology", "value", "currency", "unit", "qualifier", "period", "date", "note")
CLAIM_COLUMNS = ("value", "unit", "currency", "qualifier", "period", "country", "vendors", "date", "claimant", "deal_id")


def load_tables(run_dir: str | Path) -> dict[str, list[dict]]:
    """Each table of the run as a list of rows (missing cells None); an absent table is empty,
    except `documents`, without which there is nothing to review."""
    tables = {}
    for name in TABLES:
        try:
            frame = read_table(run_dir, name)
        except FileNotFoundError:
            if name == "documents":
                raise
            frame = pd.DataFrame()
        tables[name] = frame.astype(object).where(frame.notna(), None).to_dict("records")
    return tables


def split(value) -> list[str]:
    """A |-joined cell as a list."""
    return [part for part in str(value).split("|") if part] if value else []


def shown(value) -> str:
    """A cell as text: numbers with thousands separators, whole numbers without decimals."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.4f}".rstrip("0")
    return str(value)


def country_name(code) -> str:
    """'KE Kenya' for 'KE'; the code alone when pycountry does not know it."""
    country = pycountry.countries.get(alpha_2=str(code)) if code else None
    return f"{code} {getattr(country, 'common_name', None) or country.name}" if country else shown(code)


@dataclass
class GoldMarks:
    """What the gold says about one document: spans to add, and classes and notes per mention."""

    spans: list[Span] = field(default_factory=list)
    mention_classes: dict = field(default_factory=lambda: defaultdict(list))
    mention_notes: dict = field(default_factory=lambda: defaultdict(list))
    wrong_claims: list = field(default_factory=list)  # (start, end, note)
    counts: Counter = field(default_factory=Counter)


@dataclass
class DocumentView:
    """One document as the page shows it."""

    index: int
    row: dict
    html: Markup
    mentions: int
    claims: list[dict]
    deals: list[dict]
    gold: GoldMarks
    href: str = ""

    @property
    def anchor(self) -> str:
        return f"doc-{self.index}"


def mention_span(doc_id: str, mention: dict, gold: GoldMarks) -> Span:
    """The highlight of one mention: its label class, data-mention and the hover text."""
    mention_id = str(mention["mention_id"])
    fields = [f"{key}: {shown(mention.get(key))}" for key in MENTION_FIELDS if mention.get(key) is not None]
    info = " · ".join([f"{mention['label']} {mention.get('text') or ''}", *fields,
                       f"rule: {shown(mention.get('source'))}", *gold.mention_notes.get(mention_id, [])])
    classes = " ".join(["m", f"m-{mention['label']}", *gold.mention_classes.get(mention_id, [])])
    return Span(int(mention["start"]), int(mention["end"]), classes,
                {"data-mention": f"{doc_id}:{mention_id}", "data-label": str(mention["label"]), "data-info": info})


def claim_view(doc: DocumentView, position: int, claim: dict, mentions: dict, deal_anchor) -> dict:
    """One claims-table row: its cells, its evidence mention ids and its anchor."""
    value_mention = mentions.get(str(claim.get("mention_id")), {})
    evidence = [claim.get("mention_id"), claim.get("country_mention_id"), claim.get("date_mention_id"),
                *split(claim.get("vendor_mention_ids"))]
    start, end = claim.get("start"), claim.get("end")
    notes = [note for s, e, note in doc.gold.wrong_claims if start is not None and s < end and start < e]
    cells = {key: shown(claim.get(key)) for key in CLAIM_COLUMNS}
    cells["country"] = country_name(claim.get("country"))
    cells["vendors"] = ", ".join(split(claim.get("vendors")))
    return {"anchor": f"{doc.anchor}-c{position}", "claim_id": shown(claim.get("claim_id")),
            "text": claim.get("text") or value_mention.get("text") or "", "label": shown(claim.get("label")),
            "cells": cells, "evidence": "|".join(str(m) for m in evidence if m), "gold_notes": notes,
            "deal_href": deal_anchor(claim.get("deal_id"))}


def document_views(tables: dict, gold: dict[str, GoldMarks]) -> list[DocumentView]:
    """Every document of the run, in the order of the documents table."""
    mentions, claims = defaultdict(list), defaultdict(list)
    for mention in tables["mentions"]:
        mentions[str(mention["doc_id"])].append(mention)
    for claim in tables["claims"]:
        claims[str(claim["doc_id"])].append(claim)
    deal_index = {str(deal["deal_id"]): k for k, deal in enumerate(tables["deals"])}

    def deal_anchor(deal_id):
        return f"deal-{deal_index[str(deal_id)]}" if deal_id is not None and str(deal_id) in deal_index else ""

    views = []
    for index, row in enumerate(tables["documents"]):
        doc_id = str(row["doc_id"])
        marks = gold.get(doc_id, GoldMarks())
        spans = [mention_span(doc_id, m, marks) for m in mentions[doc_id]] + marks.spans
        view = DocumentView(index, row, highlight(row.get("text") or "", spans), len(mentions[doc_id]), [], [], marks)
        by_id = {str(m["mention_id"]): m for m in mentions[doc_id]}
        view.claims = [claim_view(view, k, c, by_id, deal_anchor) for k, c in enumerate(claims[doc_id])]
        views.append(view)
    return views


@dataclass
class DealView:
    """One row of the deals table, with links to its documents and claims."""

    index: int
    row: dict
    documents: list = field(default_factory=list)  # (doc_id, href)
    claims: list = field(default_factory=list)  # (label, href)
    evidence: dict = field(default_factory=lambda: defaultdict(list))  # doc_id -> mention ids

    @property
    def anchor(self) -> str:
        return f"deal-{self.index}"

    def cell(self, key: str) -> str:
        return country_name(self.row.get(key)) if key == "country" else shown(self.row.get(key))

    def items(self, key: str) -> list[str]:
        return split(self.row.get(key))


def deal_views(deals: list[dict], documents: list[DocumentView]) -> list[DealView]:
    """The deals, each linked to its documents, claims and evidence; and each document to its deals."""
    by_doc = {str(d.row["doc_id"]): d for d in documents}
    claim_hrefs = {f"{d.row['doc_id']}:{c['claim_id']}": f"{d.href.split('#')[0]}#{c['anchor']}"
                   for d in documents for c in d.claims}
    views = []
    for index, row in enumerate(deals):
        deal = DealView(index, row)
        doc_ids = split(row.get("doc_ids"))
        deal.documents = [(doc_id, by_doc[doc_id].href if doc_id in by_doc else "") for doc_id in doc_ids]
        for claim_id in split(row.get("claim_ids")):  # `doc_id:claim_id`, or a claim id of one of its documents
            keys = (claim_id, *(f"{doc_id}:{claim_id}" for doc_id in doc_ids))
            key = next((key for key in keys if key in claim_hrefs), None)
            if key:  # labelled with its document when the deal has several
                deal.claims.append((key.rpartition(":")[2] if len(doc_ids) == 1 else key, claim_hrefs[key]))
        for item in split(row.get("evidence")):
            doc_id, _, mention_id = item.rpartition(":")
            deal.evidence[doc_id].append(mention_id)
        for doc_id in doc_ids:
            if doc_id in by_doc:
                by_doc[doc_id].deals.append(deal)
        views.append(deal)
    return views


def summaries(tables: dict, deals: list[DealView]) -> dict[str, list[dict]]:
    """Documents, claims, deals and deal value in USD by country and by vendor."""
    tallies = {"country": defaultdict(lambda: {"documents": set(), "claims": 0, "deals": 0, "usd": 0.0}),
               "vendor": defaultdict(lambda: {"documents": set(), "claims": 0, "deals": 0, "usd": 0.0})}
    for claim in tables["claims"]:
        keys = {"country": [claim.get("country")] if claim.get("country") else [], "vendor": split(claim.get("vendors"))}
        for kind, names in keys.items():
            for name in names:
                tallies[kind][name]["documents"].add(str(claim["doc_id"]))
                tallies[kind][name]["claims"] += 1
    for deal in deals:
        keys = {"country": [deal.row.get("country")] if deal.row.get("country") else [], "vendor": deal.items("vendors")}
        for kind, names in keys.items():
            for name in names:
                tallies[kind][name]["deals"] += 1
                tallies[kind][name]["usd"] += float(deal.row.get("value_usd") or 0)
    return {kind: [{"name": country_name(name) if kind == "country" else name, "documents": len(t["documents"]),
                    "claims": t["claims"], "deals": t["deals"], "usd": shown(t["usd"]) if t["usd"] else ""}
                   for name, t in sorted(rows.items(), key=lambda item: (-len(item[1]["documents"]), -item[1]["claims"]))]
            for kind, rows in tallies.items()}


def failures(documents: list[dict]) -> list[dict]:
    """Documents with status `error`, grouped by reason."""
    reasons = defaultdict(list)
    for row in documents:
        if row.get("status") == "error":
            reasons[shown(row.get("error")) or "(no reason given)"].append(str(row["doc_id"]))
    return [{"reason": reason, "count": len(ids), "doc_ids": ids} for reason, ids in
            sorted(reasons.items(), key=lambda item: -len(item[1]))]


def labels(mentions: list[dict]) -> list[str]:
    """The labels for the legend: those of configs/labels.yaml, then any other label in the run."""
    known = list(label_rules()["labels"])
    return known + sorted({str(m["label"]) for m in mentions} - set(known))
