"""Deal records across documents: the deals each document reports (`doc_deals` rows) merged
into one `deals` row per deal (SPEC "deals"), the same deal reported by several articles
being one row. Two documents' deals are one deal when they have the same country and share a
vendor or a programme name (joined in that order of strength: the same programme, the same set of
vendors, one shared vendor, the last only when neither their programme names nor their places
differ); two deals of one document are never merged. Values are never converted at a guessed
rate: `value_usd` is the text's own USD amount or conversion."""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass

import pyarrow as pa

from pipeline.tables import SCHEMAS, arrow_array, rows_table

JOIN = "|"
_TOLD = ("programme", "places")  # what tells two deals sharing only one vendor apart


@dataclass(frozen=True)
class MergeRules:
    """How document deals meet across documents (`configs/deals.yaml`): the keys they merge on
    (`merge_on`), and the countries whose cities and forces buy for themselves, where two
    places tell deals sharing one vendor apart (`local_procurement_countries`)."""

    keys: tuple[str, ...]
    local_countries: frozenset[str] = frozenset()
    generic_programmes: frozenset[str] = frozenset()

    @classmethod
    def from_config(cls, deals: dict) -> MergeRules:
        return cls(tuple(deals["merge_on"]), frozenset(deals["local_procurement_countries"]),
                   frozenset(name.casefold() for name in deals["generic_programmes"]))


def _split(value) -> list[str]:
    return [part for part in (value or "").split(JOIN) if part]


class _Clusters:
    """Union-find over document deals that refuses to join two deals of one document, and on a
    weak key (one shared vendor) two whose programme names, or places, are told and share none
    (Huawei's Safe City and its Konza data centre; Flock's cameras for Cibolo and for Flower
    Mound), places only in countries whose cities buy for themselves. A stronger key (the same
    programme, the same vendors) joins whatever places they name: articles on one deal name
    different cities of it."""

    def __init__(self, rows: list[dict], local_countries: frozenset[str]):
        self.parent = list(range(len(rows)))
        self.docs = [{row["doc_id"]} for row in rows]
        self.told = [{column: {part.casefold() for part in _split(row.get(column))}
                      if column != "places" or row.get("country") in local_countries else set()
                      for column in _TOLD} for row in rows]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int, weak: bool = False) -> None:
        a, b = self.find(a), self.find(b)
        if a == b or self.docs[a] & self.docs[b] or weak and self._told_apart(a, b):
            return
        a, b = min(a, b), max(a, b)
        self.parent[b] = a
        self.docs[a] |= self.docs[b]
        for column in _TOLD:
            self.told[a][column] |= self.told[b][column]

    def _told_apart(self, a: int, b: int) -> bool:
        """Whether both clusters tell programme names, or places, and none is shared."""
        return any(self.told[a][c] and self.told[b][c] and not self.told[a][c] & self.told[b][c] for c in _TOLD)


def same_deal_keys(row: dict, merge_on: tuple[str, ...], generic: frozenset[str] = frozenset()) -> list[tuple]:
    """The keys under which a document deal meets the same deal elsewhere; a programme named only
    by its kind of system (`generic`: "Safe City") is a weak key, as one shared vendor is (every
    city of a country may have one)."""
    if not row.get("country"):
        return []
    keys = []
    programme = " ".join((row.get("programme") or "").casefold().split())
    if "programme" in merge_on and programme:
        keys.append((row["country"], "generic programme" if programme in generic else "programme", programme))
    if "vendors" in merge_on:
        vendors = sorted({vendor.casefold() for vendor in _split(row.get("vendors"))})
        if len(vendors) > 1:
            keys.append((row["country"], "vendor set", JOIN.join(vendors)))
        keys += [(row["country"], "vendor", vendor) for vendor in vendors]
    return keys


def merge_deals(doc_deals: list[dict], rules: MergeRules, known_ids: dict | None = None) -> tuple[list[dict], dict]:
    """(deals rows, {(doc_id, deal_key): deal_id}) from the document deals, in the order of
    their first document. `known_ids`: deal ids a database already gave some document deals;
    a merged deal keeps the id of its earliest member that has one."""
    known_ids = known_ids or {}
    clusters = _Clusters(doc_deals, rules.local_countries)
    buckets: dict[tuple, list[int]] = {}
    for i, row in enumerate(doc_deals):
        for key in same_deal_keys(row, rules.keys, rules.generic_programmes):
            buckets.setdefault(key, []).append(i)
    # a shared programme name is the strongest evidence, then the same vendors, then one shared
    # vendor: the Nairobi deal of Safaricom and Huawei meets its like before a Safaricom-only one
    for kind in ("programme", "vendor set", "vendor", "generic programme"):
        for key, members in buckets.items():
            if key[1] == kind:
                for other in members[1:]:
                    clusters.join(members[0], other, weak=kind in ("vendor", "generic programme"))
    groups: dict[int, list[int]] = {}
    for i in range(len(doc_deals)):
        groups.setdefault(clusters.find(i), []).append(i)
    deals, ids = [], {}
    for members in groups.values():
        rows = [doc_deals[i] for i in members]
        deal_id = next((known_ids[(r["doc_id"], r["deal_key"])] for r in rows
                        if (r["doc_id"], r["deal_key"]) in known_ids), None) or _new_id(rows[0])
        for row in rows:
            ids[(row["doc_id"], row["deal_key"])] = deal_id
        deals.append(merged_row(deal_id, rows))
    return deals, ids


def _new_id(row: dict) -> str:
    """A deal id that is the same for the same inputs: from its first document deal."""
    seed = f"{row.get('country')}|{row['doc_id']}|{row['deal_key']}"
    return "D" + hashlib.sha1(seed.encode()).hexdigest()[:12]


def _union(rows: list[dict], column: str) -> str | None:
    values: list[str] = []
    for row in rows:
        values += [v for v in _split(row.get(column)) if v not in values]
    return JOIN.join(values) or None


def merged_row(deal_id: str, rows: list[dict]) -> dict:
    """One deals row from the document deals that are one deal."""
    headline = next((r for r in rows if r.get("value") is not None and r.get("value_usd") is not None), None) \
        or next((r for r in rows if r.get("value") is not None), {})
    programmes = Counter(r["programme"] for r in rows if r.get("programme"))
    firsts = [r["first_date"] for r in rows if r.get("first_date")]
    lasts = [r["last_date"] for r in rows if r.get("last_date")]
    doc_ids = list(dict.fromkeys(r["doc_id"] for r in rows))
    return {
        "deal_id": deal_id, "country": rows[0].get("country"), "places": _union(rows, "places"),
        "vendors": _union(rows, "vendors"), "financiers": _union(rows, "financiers"),
        "programme": programmes.most_common(1)[0][0] if programmes else None,
        "technologies": _union(rows, "technologies"), "value": headline.get("value"),
        "currency": headline.get("currency"), "value_usd": headline.get("value_usd"),
        "first_date": min(firsts) if firsts else None, "last_date": max(lasts) if lasts else None,
        "n_documents": len(doc_ids), "doc_ids": JOIN.join(doc_ids), "claim_ids": _union(rows, "claim_ids"),
        "evidence": _union(rows, "evidence"),
    }


def with_deal_ids(claims, ids: dict):
    """A claims table (Arrow) whose `deal_id` column, a document's deal key until now, holds
    the merged deal's id."""
    doc_ids = claims.column("doc_id").to_pylist()
    keys = claims.column("deal_id").to_pylist()
    merged = [ids.get((doc, key)) if key else None for doc, key in zip(doc_ids, keys, strict=True)]
    at = claims.schema.get_field_index("deal_id")
    return claims.set_column(at, "deal_id", arrow_array(merged, pa.string()))


def deals_table(doc_deals, rules: MergeRules, known_ids: dict | None = None):
    """(the deals table as Arrow, {(doc_id, deal_key): deal_id}) from the doc_deals tables."""
    rows = [row for table in doc_deals for row in table.to_pylist()]
    deals, ids = merge_deals(rows, rules, known_ids)
    return rows_table(deals, SCHEMAS["deals"]), ids


def deals_of_documents(deals, doc_ids: set[str]):
    """The rows of a deals table (Arrow) that hold one of these documents."""
    keep = [bool(doc_ids & set(_split(value))) for value in deals.column("doc_ids").to_pylist()]
    return deals.filter(pa.array(keep, pa.bool_()))
