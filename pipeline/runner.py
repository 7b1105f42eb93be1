"""A run: inputs read as records, annotated in batches (in this process, in worker processes
or on a Dask cluster), each batch's rows checkpointed as it comes, the tables assembled at the
end. A run that is killed and started again picks up at the first batch it had not finished."""
from __future__ import annotations

import functools
import hashlib
import json
import shutil
import sys
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import __version__
from pipeline.claims.deals import DealDescriber
from pipeline.deals import deals_table, with_deal_ids
from pipeline.domain import load_domain
from pipeline.nlp import DEFAULT_CONFIG, annotate, build_nlp
from pipeline.readers import Columns, Record, discover, read_all
from pipeline.rows import Rows, document_row
from pipeline.tables import BATCH_TABLES, SCHEMAS, TABLES, TableWriter

PARTS = ".claimtrace-parts"


@dataclass
class RunSummary:
    """What a run did."""

    documents: int = 0
    failed: int = 0
    mentions: int = 0
    claims: int = 0
    skipped: int = 0
    resumed_batches: int = 0


@dataclass(frozen=True)
class Engine:
    """Where batches are annotated: `local` with `workers` processes, or `dask` on the cluster
    at `scheduler` (a LocalCluster of `workers` processes when no address is given)."""

    name: str = "local"
    workers: int = 1
    scheduler: str | None = None


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
        config: str | None = None, batch_size: int = 64, progress: bool | None = None,
        engine: Engine | None = None, db: str | Path | None = None) -> RunSummary:
    """Process every input document into documents, mentions and claims tables in `out`."""
    files = discover(inputs)
    columns = columns or Columns()
    engine = engine or Engine()
    out_dir = Path(out)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OSError(f"cannot create output folder {out_dir}: {exc.strerror or exc}") from exc
    config_path = str(Path(config or DEFAULT_CONFIG).resolve())
    _pipeline(config_path)  # a broken config fails here, before any work
    key = run_key(files, fmt, columns, config_path, batch_size)
    parts = Checkpoint(out_dir / PARTS, key)
    store = None
    if db is not None:
        from pipeline.store import Store

        store = Store(db, parts.run_id, config_hash(config_path), inputs)
    summary = RunSummary(resumed_batches=len(parts.done))
    records = unique_ids(read_all(files, columns))
    known: dict[int, tuple] = {}  # batch -> (ids the database has already, every id in order)
    batches = _batches(records, batch_size, parts, store, known)
    bar = _progress(progress, len(files))
    try:
        with _Annotator(engine, config_path) as annotate_batches:
            for index, tables in annotate_batches(batches):
                if tables is not None:
                    if store is not None:
                        store.add(tables)  # before the checkpoint: a finished batch is always stored
                        stored_ids, order = known.pop(index)
                        tables = _with_stored(tables, store.rows(stored_ids), order)
                    parts.save(index, tables)
                else:  # checkpointed by an earlier, interrupted run
                    tables = parts.load(index)
                _count(summary, tables)
                if bar is not None:
                    bar.update(tables["documents"].num_rows)
        parts.assemble(out_dir, fmt, load_domain(_pipeline(config_path).meta["claimtrace_config_dir"])["deals"]["merge_on"])
        if store is not None:
            summary.skipped = store.skipped
            store.finish(summary.documents, summary.failed, summary.mentions, summary.claims)
    finally:
        if bar is not None:
            bar.close()
        if store is not None:
            store.close()
    return summary


def annotate_records(records: list[Record], config_path: str) -> dict[str, pa.Table]:
    """The three tables' rows for one batch of records, as Arrow tables."""
    nlp = _pipeline(config_path)
    ok = [r for r in records if r.error is None]
    results = dict(zip((id(r) for r in ok), annotate(nlp, ((r.text, r.published) for r in ok)), strict=True))
    columns = Rows(_describer(config_path))
    for record in records:
        columns.add_document(record, results.get(id(record)))
    return columns.tables()


@functools.cache
def _describer(config_path: str) -> DealDescriber:
    """What reads a deal's fields, built once per process."""
    return DealDescriber(load_domain(_pipeline(config_path).meta["claimtrace_config_dir"]))


@functools.cache
def _pipeline(config_path: str):
    """The spaCy pipeline, built once per process (also in each worker)."""
    return build_nlp(config_path)


def _batches(records: Iterator[Record], size: int, parts: Checkpoint, store, known: dict):
    """(index, records to annotate, or None when the batch is checkpointed already). Documents
    the database has from an earlier run are not annotated; their ids go to `known`."""
    index = 0
    while batch := list(islice(records, size)):
        if index in parts.done:
            yield index, None
        else:
            if store is not None:
                stored = {r.doc_id for r in batch if store.is_known(r.doc_id, document_row(r)["sha256"])}
                known[index] = sorted(stored), [r.doc_id for r in batch]
                batch = [r for r in batch if r.doc_id not in stored]
            yield index, batch
        index += 1


def _with_stored(tables: dict[str, pa.Table], stored: dict[str, pa.Table], order: list[str]) -> dict[str, pa.Table]:
    """A batch's annotated rows and its stored rows together, in the batch's document order
    (rows of one document keep their order)."""
    rank = {doc_id: n for n, doc_id in enumerate(order)}
    merged = {}
    for name in BATCH_TABLES:
        table = pa.concat_tables([tables[name], stored[name]])
        ids = table.column("doc_id").to_pylist()
        rows = sorted(range(table.num_rows), key=lambda row: (rank[ids[row]], row))
        merged[name] = table.take(pa.array(rows, pa.int64()))
    return merged


class _Annotator:
    """A context giving `annotate_batches(batches) -> (index, tables or None)` in order, for
    the chosen engine; at most a few batches are in flight, so memory stays flat."""

    def __init__(self, engine: Engine, config_path: str):
        self.engine, self.config_path = engine, config_path
        self.pool = self.client = self.cluster = None

    def __enter__(self):
        if self.engine.name == "dask":
            from dask.distributed import Client, LocalCluster

            if self.engine.scheduler:
                self.client = Client(self.engine.scheduler)
            else:
                self.cluster = LocalCluster(n_workers=self.engine.workers, threads_per_worker=1,
                                            processes=True, dashboard_address=None)
                self.client = Client(self.cluster)
        elif self.engine.workers > 1:
            import multiprocessing

            # forked workers inherit the pipeline this process has built: no start-up per worker
            self.pool = multiprocessing.get_context("fork").Pool(self.engine.workers)
        return self.annotate_batches

    def __exit__(self, *exc):
        if self.pool is not None:
            self.pool.terminate()
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def annotate_batches(self, batches):
        if self.pool is None and self.client is None:
            for index, batch in batches:
                yield index, annotate_records(batch, self.config_path) if batch is not None else None
            return
        window = 2 * max(self.engine.workers, 1)
        pending: deque = deque()
        for index, batch in batches:
            pending.append((index, self._submit(batch)))
            if len(pending) > window:
                yield self._result(*pending.popleft())
        while pending:
            yield self._result(*pending.popleft())

    def _submit(self, batch):
        if batch is None:
            return None
        if self.client is not None:
            return self.client.submit(annotate_records, batch, self.config_path, pure=False)
        return self.pool.apply_async(annotate_records, (batch, self.config_path))

    def _result(self, index, future):
        if future is None:
            return index, None
        return index, future.result() if self.client is not None else future.get()


class Checkpoint:
    """Each finished batch's tables as Parquet parts in `folder`, for a run with this key."""

    def __init__(self, folder: Path, key: str):
        self.folder = folder
        state = folder / "run.json"
        if folder.exists() and (not state.exists() or json.loads(state.read_text()).get("key") != key):
            shutil.rmtree(folder)  # parts of another run (other inputs, options or version)
        folder.mkdir(parents=True, exist_ok=True)
        if not state.exists():  # a new run; a resumed one keeps its id
            state.write_text(json.dumps({"key": key, "run_id": f"{key}-{uuid.uuid4().hex[:8]}"}))
        self.run_id = json.loads(state.read_text())["run_id"]
        self.done = {int(p.stem) for p in folder.glob("*.done")}

    def save(self, index: int, tables: dict[str, pa.Table]) -> None:
        """Write one batch's parts, then its marker: a batch is done only once all are written."""
        for name, table in tables.items():
            tmp = self.folder / f"{index:08d}.{name}.parquet.tmp"
            pq.write_table(table, tmp)
            tmp.replace(self.folder / f"{index:08d}.{name}.parquet")
        (self.folder / f"{index:08d}.done").touch()
        self.done.add(index)

    def load(self, index: int) -> dict[str, pa.Table]:
        return {name: self.part(index, name) for name in BATCH_TABLES}

    def part(self, index: int, name: str) -> pa.Table:
        """One batch's table."""
        return pq.read_table(self.folder / f"{index:08d}.{name}.parquet", schema=SCHEMAS[name])

    def assemble(self, out_dir: Path, fmt: str, merge_on: list[str]) -> None:
        """The tables from the parts in batch order, each renamed into place when complete;
        the documents' deals merged into the deals table, the claims' deal ids made global."""
        deals, ids = deals_table([self.part(index, "doc_deals") for index in sorted(self.done)], merge_on)
        for name in TABLES:
            writer = TableWriter(out_dir, name, fmt)
            try:
                if name == "deals":
                    writer.write_table(deals)
                for index in sorted(self.done) if name != "deals" else ():
                    table = self.part(index, name)
                    writer.write_table(with_deal_ids(table, ids) if name == "claims" else table)
            except BaseException:
                writer.abort()
                raise
            writer.close()
        shutil.rmtree(self.folder)


def run_key(files, fmt: str, columns: Columns, config_path: str, batch_size: int) -> str:
    """What makes two runs the same run: inputs (path, size, modification time), options,
    configuration and version."""
    described = [(str(p.resolve()), p.stat().st_size, p.stat().st_mtime_ns, stem) for p, stem in files]
    payload = json.dumps([described, fmt, columns.__dict__, config_hash(config_path), batch_size, __version__])
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def config_hash(config_path: str) -> str:
    """SHA-256 of the pipeline config and every domain config file next to it."""
    digest = hashlib.sha256()
    folder = Path(config_path).parent
    for path in [Path(config_path), *sorted(folder.glob("*.yaml"))]:
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def _count(summary: RunSummary, tables: dict[str, pa.Table]) -> None:
    summary.documents += tables["documents"].num_rows
    summary.failed += tables["documents"].column("status").to_pylist().count("error")
    summary.mentions += tables["mentions"].num_rows
    summary.claims += tables["claims"].num_rows


def _progress(enabled: bool | None, files: int):
    """A tqdm bar on a terminal (quiet when stderr is piped), counting documents."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(unit=" docs", desc=f"claimtrace ({files} files)", file=sys.stderr)
