"""The embedded dataset store: a DuckDB database that collects every run's tables.

`--db PATH.duckdb` appends each batch's documents, mentions, claims and document deals; a
document whose sha256 is already there from an earlier run is skipped, one whose content
changed is replaced (all its rows), and every run is recorded in `runs` (time, version, config
hash, counts). At the end of a run the deals of every document the database holds are merged
again (`deals`; `deal_members` maps each document's deal to its merged deal), keeping the ids
deals already had, so an article about a known deal joins its row.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa

from pipeline import __version__
from pipeline.deals import MergeRules, deals_table
from pipeline.tables import BATCH_TABLES, SCHEMAS


class Store:
    """One open DuckDB database and the run writing into it."""

    def __init__(self, path: str | Path, run_id: str, config_hash: str, inputs: list[str]):
        import duckdb

        self.path = Path(path)
        try:
            self.con = duckdb.connect(str(self.path))
        except Exception as exc:  # duckdb raises its own IOException on unwritable paths
            raise OSError(f"cannot open database {self.path}: {exc}") from exc
        self.run_id = run_id
        for name in BATCH_TABLES:
            columns = ", ".join(f'"{f.name}" {_sql_type(f.type)}' for f in SCHEMAS[name])
            self.con.execute(f"CREATE TABLE IF NOT EXISTS {name} ({columns}, run_id VARCHAR)")
        columns = ", ".join(f'"{f.name}" {_sql_type(f.type)}' for f in SCHEMAS["deals"])
        self.con.execute(f"CREATE TABLE IF NOT EXISTS deals ({columns})")
        self.con.execute("CREATE TABLE IF NOT EXISTS deal_members (doc_id VARCHAR, deal_key VARCHAR, deal_id VARCHAR)")
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS runs (run_id VARCHAR PRIMARY KEY, started TIMESTAMP, finished TIMESTAMP,"
            " version VARCHAR, config_hash VARCHAR, inputs VARCHAR, documents BIGINT, skipped BIGINT,"
            " replaced BIGINT, failed BIGINT, mentions BIGINT, claims BIGINT)")
        self.con.execute(
            "INSERT INTO runs (run_id, started, version, config_hash, inputs) SELECT ?, ?, ?, ?, ?"
            " WHERE NOT EXISTS (SELECT 1 FROM runs WHERE run_id = ?)",
            [run_id, dt.datetime.now(dt.timezone.utc).replace(tzinfo=None), __version__, config_hash,
             " ".join(inputs), run_id])
        rows = self.con.execute("SELECT doc_id, sha256, run_id FROM documents").fetchall()
        self.known = {doc_id: (sha, run) for doc_id, sha, run in rows}
        self.replaced = 0

    def is_known(self, doc_id: str, sha256: str) -> bool:
        """Whether an earlier run already stored this document with this content (a query only:
        the run counts what it skips)."""
        stored = self.known.get(doc_id)
        return bool(stored) and stored[0] == sha256 and stored[1] != self.run_id

    def rows(self, doc_ids: list[str]) -> dict[str, pa.Table]:
        """The stored rows of these documents, in the tables' columns (without `run_id`)."""
        ids = pa.table({"doc_id": pa.array(doc_ids, pa.string())})
        self.con.register("wanted_ids", ids)
        try:
            found = {}
            for name in BATCH_TABLES:
                columns = ", ".join(f't."{f.name}"' for f in SCHEMAS[name])
                if name == "claims":  # a document's own deal key, as a batch gives it
                    columns = columns.replace('t."deal_id"', 'coalesce(m.deal_key, t.deal_id) AS deal_id')
                query = (f"SELECT {columns} FROM {name} t LEFT JOIN deal_members m ON m.doc_id = t.doc_id"
                         f" AND m.deal_id = {'t.deal_id' if name == 'claims' else 'NULL'}"
                         f" WHERE t.doc_id IN (SELECT doc_id FROM wanted_ids) ORDER BY t.rowid")
                found[name] = self.con.sql(query).to_arrow_table().cast(SCHEMAS[name])
            return found
        finally:
            self.con.unregister("wanted_ids")

    def add(self, tables: dict[str, pa.Table]) -> None:
        """Store one batch: earlier rows of its documents are replaced, in one transaction."""
        doc_ids = tables["documents"].column("doc_id").to_pylist()
        self.replaced += sum(1 for d in doc_ids if d in self.known and self.known[d][1] != self.run_id)
        ids = pa.table({"doc_id": pa.array(doc_ids, pa.string())})
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.register("batch_ids", ids)
            for name in [table for table in tables if table in BATCH_TABLES]:
                self.con.execute(f"DELETE FROM {name} WHERE doc_id IN (SELECT doc_id FROM batch_ids)")
                table = tables[name].append_column("run_id", pa.array([self.run_id] * tables[name].num_rows, pa.string()))
                self.con.register("batch_rows", table)
                self.con.execute(f"INSERT INTO {name} SELECT * FROM batch_rows")
                self.con.unregister("batch_rows")
            self.con.unregister("batch_ids")
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        for doc_id, sha in zip(doc_ids, tables["documents"].column("sha256").to_pylist(), strict=True):
            self.known[doc_id] = (sha, self.run_id)

    def merge_deals(self, rules: MergeRules) -> tuple[pa.Table, dict]:
        """Merge the deals of every stored document again, keeping the ids deals had; store
        the result and give every stored claim its merged deal's id. Returns (deals, ids)."""
        known = {(doc, key): deal for doc, key, deal in self.con.execute(
            "SELECT doc_id, deal_key, deal_id FROM deal_members").fetchall()}
        columns = ", ".join(f'"{f.name}"' for f in SCHEMAS["doc_deals"])
        doc_deals = self.con.sql(f"SELECT {columns} FROM doc_deals ORDER BY rowid").to_arrow_table()
        deals, ids = deals_table([doc_deals.cast(SCHEMAS["doc_deals"])], rules, known)
        members = pa.table({"doc_id": [d for d, _ in ids], "deal_key": [k for _, k in ids],
                            "deal_id": list(ids.values())}, schema=pa.schema([(n, pa.string()) for n in
                                                                             ("doc_id", "deal_key", "deal_id")]))
        self.con.execute("BEGIN TRANSACTION")
        try:  # claims back to their documents' deal keys, then on to the merged deals' ids
            self.con.execute("UPDATE claims SET deal_id = m.deal_key FROM deal_members m"
                             " WHERE claims.doc_id = m.doc_id AND claims.deal_id = m.deal_id")
            for name, table in (("deals", deals), ("deal_members", members)):
                self.con.register("new_rows", table)
                self.con.execute(f"DELETE FROM {name}")
                self.con.execute(f"INSERT INTO {name} SELECT * FROM new_rows")
                self.con.unregister("new_rows")
            self.con.execute("UPDATE claims SET deal_id = m.deal_id FROM deal_members m"
                             " WHERE claims.doc_id = m.doc_id AND claims.deal_id = m.deal_key")
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return deals, ids

    def finish(self, documents: int, skipped: int, failed: int, mentions: int, claims: int) -> None:
        """Record the run's end and counts."""
        self.con.execute(
            "UPDATE runs SET finished = ?, documents = ?, skipped = ?, replaced = ?, failed = ?, mentions = ?,"
            " claims = ? WHERE run_id = ?",
            [dt.datetime.now(dt.timezone.utc).replace(tzinfo=None), documents, skipped, self.replaced,
             failed, mentions, claims, self.run_id])

    def close(self) -> None:
        """Close the database (a run that failed leaves its finished batches stored)."""
        self.con.close()


def _sql_type(arrow_type: pa.DataType) -> str:
    if pa.types.is_integer(arrow_type):
        return "BIGINT"
    if pa.types.is_floating(arrow_type):
        return "DOUBLE"
    return "VARCHAR"
