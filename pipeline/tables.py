"""The output tables: their columns (SPEC.md) and atomic, streaming writers for Parquet, CSV
and JSONL. A table appears under its name only once it is complete. CSV cells that a
spreadsheet would read as a formula are neutralised (see `csv_safe`); `read_table` undoes it."""
from __future__ import annotations

import csv
import json
import math
import os
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

STR, INT, FLOAT = pa.string(), pa.int64(), pa.float64()

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([("doc_id", STR), ("source", STR), ("title", STR), ("published", STR), ("text", STR),
                            ("sha256", STR), ("n_chars", INT), ("status", STR), ("error", STR)]),
    "mentions": pa.schema([("doc_id", STR), ("mention_id", STR), ("label", STR), ("start", INT), ("end", INT),
                           ("text", STR), ("sent_start", INT), ("sent_end", INT), ("country", STR), ("vendor", STR),
                           ("value", FLOAT), ("currency", STR), ("unit", STR), ("qualifier", STR), ("period", STR),
                           ("date", STR), ("technology", STR), ("source", STR), ("note", STR)]),
    "claims": pa.schema([("doc_id", STR), ("claim_id", STR), ("mention_id", STR), ("label", STR), ("start", INT),
                         ("end", INT), ("text", STR), ("value", FLOAT), ("currency", STR), ("unit", STR),
                         ("qualifier", STR), ("period", STR), ("deal_id", STR), ("country", STR), ("country_mention_id", STR), ("vendors", STR),
                         ("vendor_mention_ids", STR), ("date", STR), ("date_mention_id", STR), ("claimant", STR),
                         ("sent_start", INT), ("sent_end", INT), ("same_as", STR)]),
    # one row per deal a document reports; merged across documents into `deals` at the end
    "doc_deals": pa.schema([("doc_id", STR), ("deal_key", STR), ("country", STR), ("country_mention_id", STR),
                            ("places", STR), ("vendors", STR), ("vendor_mention_ids", STR), ("financiers", STR),
                            ("programme", STR), ("technologies", STR), ("value", FLOAT), ("currency", STR),
                            ("value_usd", FLOAT), ("first_date", STR), ("last_date", STR), ("claim_ids", STR),
                            ("evidence", STR)]),
    "deals": pa.schema([("deal_id", STR), ("country", STR), ("places", STR), ("vendors", STR), ("financiers", STR),
                        ("programme", STR), ("technologies", STR), ("value", FLOAT), ("currency", STR),
                        ("value_usd", FLOAT), ("first_date", STR), ("last_date", STR), ("n_documents", INT),
                        ("doc_ids", STR), ("claim_ids", STR), ("evidence", STR)]),
}
# The tables a run writes (SPEC), and the tables each batch of documents gives (checkpointed,
# stored): `doc_deals` become `deals` once every document is read.
TABLES = ("documents", "mentions", "claims", "deals")
BATCH_TABLES = ("documents", "mentions", "claims", "doc_deals")
FORMATS = ("parquet", "csv", "jsonl")
# Columns written to CSV exactly as they are: the texts that offsets point into.
CSV_RAW_COLUMNS = frozenset({"text"})
# OWASP's formula-starting characters, and the quote itself so that `read_table` can undo the quote.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


_NUMPY_TYPES = {INT: np.int64, FLOAT: np.float64}
_PYTHON_TYPES = {INT: (int, np.integer), FLOAT: (int, float, np.integer, np.floating)}


def arrow_array(values: list, type: pa.DataType) -> pa.Array:
    """An Arrow string, int64 or float64 array of Python values (None is null), the array
    `pa.array(values, type)` gives, built without it: `pa.array` first asks pandas whether the
    values are a pandas object, importing pandas (0.2 s of CPU) in a process that needs none.
    A value of another type is refused (also a float in an integer column, which `pa.array`
    would truncate)."""
    if type == STR:
        builder = pa.lib.StringBuilder()
        builder.append_values(values)
        return builder.finish()
    valid = [value is not None for value in values]
    if not all(isinstance(value, _PYTHON_TYPES[type]) for value in values if value is not None):
        raise TypeError(f"a {type} column holds a value of another type")
    data = np.fromiter((0 if value is None else value for value in values), _NUMPY_TYPES[type], len(values))
    nulls = len(values) - sum(valid)
    bitmap = pa.py_buffer(np.packbits(np.array(valid, dtype=bool), bitorder="little")) if nulls else None
    return pa.Array.from_buffers(type, len(values), [bitmap, pa.py_buffer(data)], null_count=nulls)


def arrow_table(columns: dict[str, list], schema: pa.Schema) -> pa.Table:
    """An Arrow table of `schema` from a list of values per column (see `arrow_array`)."""
    return pa.Table.from_arrays([arrow_array(columns[field.name], field.type) for field in schema], schema=schema)


def rows_table(rows: list[dict], schema: pa.Schema) -> pa.Table:
    """An Arrow table of `schema` from rows (dicts keyed by column name; missing keys are null)."""
    return arrow_table({name: [row.get(name) for row in rows] for name in schema.names}, schema)


class TableWriter:
    """Appends batches of rows to a temporary file; `close` renames it into place."""

    def __init__(self, out_dir: Path, name: str, fmt: str):
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        self.schema = SCHEMAS[name]
        self.fmt = fmt
        self.path = out_dir / f"{name}.{fmt}"
        self.tmp = out_dir / f".{name}.{fmt}.{os.getpid()}.tmp"
        self._cells = [_csv_cell if column in CSV_RAW_COLUMNS else csv_safe for column in self.schema.names]
        self._parquet = None
        self._handle = None
        self._csv = None
        if fmt == "parquet":
            self._parquet = pq.ParquetWriter(self.tmp, self.schema)
        else:
            self._handle = open(self.tmp, "w", encoding="utf-8", newline="")
            if fmt == "csv":
                self._csv = csv.writer(self._handle)
                self._csv.writerow(self.schema.names)

    def write(self, rows: list[dict]) -> None:
        """Append rows (dicts keyed by column name; missing keys are empty)."""
        if not rows:
            return
        names = self.schema.names
        if self._parquet is not None:
            self._parquet.write_table(rows_table(rows, self.schema))
        elif self._csv is not None:
            self._csv.writerows([[cell(r.get(n)) for cell, n in zip(self._cells, names, strict=True)] for r in rows])
        else:
            self._handle.writelines(json.dumps({n: r.get(n) for n in names}, ensure_ascii=False) + "\n"
                                    for r in rows)

    def write_table(self, table: pa.Table) -> None:
        """Append an Arrow table of this schema."""
        if self._parquet is not None:
            self._parquet.write_table(table)
        else:
            self.write(table.to_pylist())

    def close(self) -> Path:
        """Finish the file and move it into place atomically."""
        self.finish()
        return self.commit()

    def finish(self) -> None:
        """Complete the temporary file (on disk, not yet under the table's name)."""
        if self._parquet is not None:
            self._parquet.close()
            self._parquet = None
        elif self._handle is not None:
            self._handle.flush()
            os.fsync(self._handle.fileno())
            self._handle.close()
            self._handle = None

    def commit(self) -> Path:
        """Move the finished file into place atomically."""
        os.replace(self.tmp, self.path)
        return self.path

    def abort(self) -> None:
        """Drop the temporary file after a failure, leaving any earlier table untouched."""
        try:
            if self._parquet is not None:
                self._parquet.close()
            elif self._handle is not None:
                self._handle.close()
        finally:
            self.tmp.unlink(missing_ok=True)


def _csv_cell(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return value


def csv_safe(value):
    """A CSV cell a spreadsheet will not run: text starting like a formula gets a leading quote
    (OWASP's advice on CSV injection); numbers and empty cells are unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return _csv_cell(value)


def read_table(out_dir: str | Path, name: str):
    """A written table as a pandas DataFrame, whichever format it was written in (CSV with the
    schema's types and its formula quotes undone). A folder with tables in more than one
    format holds two runs' tables: that is an error, never a mix."""
    import pandas as pd

    out = Path(out_dir)
    formats = [fmt for fmt in FORMATS if any((out / f"{table}.{fmt}").exists() for table in SCHEMAS)]
    if len(formats) > 1:
        raise ValueError(f"{out} holds tables in {' and '.join(formats)}: the tables of different runs; "
                         "run claimtrace into it again, or remove the older tables")
    path = out / f"{name}.{formats[0]}" if formats else None
    if path is None or not path.exists():
        raise FileNotFoundError(f"no {name} table in {out}")
    if path.suffix == ".parquet":
        return pd.read_parquet(path)
    if path.suffix == ".jsonl":
        return pd.read_json(path, lines=True, dtype=False)
    schema = SCHEMAS[name]
    dtypes = {f.name: ("Int64" if f.type == INT else "float64" if f.type == FLOAT else "string") for f in schema}
    table = pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values={f.name: [""] for f in schema})
    for column in schema.names:
        if dtypes[column] == "string" and column not in CSV_RAW_COLUMNS:
            table[column] = table[column].str.replace(r"^'", "", n=1, regex=True)
    return table
