"""A run: inputs read as records, annotated in batches (in this process, in worker processes
or on a Dask cluster), each batch's rows checkpointed as it comes, the tables assembled at the
end. A run that is killed and started again picks up at the first batch it had not finished.
A run holds a lock on its output folder, so two runs never write into the same one."""
from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import functools
import gc
import hashlib
import json
import os
import re
import shutil
import sys
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import __version__
from pipeline.claims.deals import DealDescriber
from pipeline.deals import MergeRules, deals_of_documents, deals_table, with_deal_ids
from pipeline.domain import load_domain
from pipeline.nlp import DEFAULT_CONFIG, annotate, build_nlp, collector_paused
from pipeline.readers import Columns, Limits, ReadProgress, Record, discover, read_all
from pipeline.rows import Rows, document_row
from pipeline.tables import BATCH_TABLES, FORMATS, SCHEMAS, TABLES, TableWriter

PARTS = ".claimtrace-parts"
# Parts are read back once, at the end: LZ4 writes and reads them in half the time of Parquet's
# default Snappy, at about the same size.
PARTS_COMPRESSION = "lz4"
LOCK = ".claimtrace.lock"


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

    def __post_init__(self):
        if self.workers < 1:
            raise ValueError(f"workers must be 1 or more, not {self.workers}")


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
    if batch_size < 1:
        raise ValueError(f"batch size must be 1 or more, not {batch_size}")
    files = discover(inputs)
    out_dir = _output_folder(Path(out))
    config_path = str(Path(config or DEFAULT_CONFIG).resolve())
    with OutputLock(out_dir):  # a second run into the folder stops here, at once
        _pipeline(config_path)  # a broken config fails here, before any work
        return _locked_run(inputs, files, out_dir, fmt, columns or Columns(), config_path, batch_size,
                           progress, engine or Engine(), db)


def _locked_run(inputs, files, out_dir: Path, fmt: str, columns: Columns, config_path: str, batch_size: int,
                progress: bool | None, engine: Engine, db) -> RunSummary:
    """`run` once the output folder is locked."""
    key = run_key(files, fmt, columns, config_path, batch_size)
    parts = Checkpoint(out_dir / PARTS / key, key)
    store = None
    if db is not None:
        from pipeline.store import Store

        store = Store(db, parts.run_id, config_hash(config_path), inputs)
    summary = RunSummary(resumed_batches=len(parts.done))
    read = ReadProgress()
    records = unique_ids(read_all(files, columns, load_limits(config_path), read))
    pending: dict[int, _Batch] = {}
    batches = _batches(records, batch_size, parts, store, pending, read)
    bar = _progress(progress, files)
    try:
        with _Annotator(engine, config_path) as annotate_batches:
            for index, tables in annotate_batches(batches):
                batch = pending.pop(index)
                tables = _keep(index, tables, batch, parts, store, summary)
                _count(summary, tables)
                if bar is not None:
                    bar.set_postfix_str(f"{summary.documents:,} docs", refresh=False)
                    bar.update(batch.bytes_read - bar.n)
        merge_rules = MergeRules.from_config(_domain(config_path)["deals"])
        merged = store.merge_deals(merge_rules) if store is not None else None
        parts.assemble(out_dir, fmt, merge_rules, merged)
        if store is not None:
            store.finish(summary.documents, summary.skipped, summary.failed, summary.mentions, summary.claims)
    finally:
        if bar is not None:
            bar.close()
        if store is not None:
            store.close()
    return summary


def _keep(index: int, tables: dict[str, pa.Table] | None, batch: _Batch, parts: Checkpoint, store,
          summary: RunSummary) -> dict[str, pa.Table]:
    """A finished batch's tables, stored and checkpointed; or, for a batch an earlier,
    interrupted run checkpointed, its tables read back."""
    if tables is None:
        return parts.load(index)
    if store is not None:
        store.add(tables)  # before the checkpoint: a finished batch is always stored
        tables = _with_stored(tables, store.rows(batch.stored), batch.order)
        summary.skipped += len(batch.stored)
    parts.save(index, tables)
    return tables


def _output_folder(out_dir: Path) -> Path:
    """The output folder, created when missing."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OSError(f"cannot create output folder {out_dir}: {exc.strerror or exc}") from exc
    return out_dir


def load_limits(config_path: str) -> Limits:
    """The document size limits of the [claimtrace] section of the pipeline config."""
    from spacy.util import load_config

    section = load_config(config_path, interpolate=False).get("claimtrace", {})
    return Limits(**{name: int(section[name]) for name in ("max_document_chars", "max_html_bytes")
                     if section.get(name) is not None})


class OutputLock:
    """An exclusive lock on an output folder for the length of a run. It is a POSIX lock on
    `OUT/.claimtrace.lock`: the system releases it when the process ends, even by SIGKILL,
    and forked workers do not hold it."""

    def __init__(self, folder: Path):
        self.folder, self.path = folder, folder / LOCK
        self.handle = None

    def __enter__(self) -> OutputLock:
        while self.handle is None:
            handle = self._open()
            try:
                fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                handle.seek(0)
                holder = handle.read().strip() or "a process that is starting"
                handle.close()
                raise RuntimeError(f"{self.folder} is in use by another claimtrace run ({holder}); "
                                   "wait for it to end or choose another --out") from None
            if _same_file(self.path, handle):
                self.handle = handle
            else:  # the run that held it removed the file meanwhile: lock the new one
                handle.close()
        self.handle.truncate(0)
        started = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        self.handle.write(f"pid {os.getpid()}, started {started}")
        self.handle.flush()
        return self

    def _open(self):
        try:
            return open(self.path, "a+", encoding="utf-8")
        except OSError as exc:
            raise OSError(f"cannot write to output folder {self.folder}: {exc.strerror or exc}") from exc

    def __exit__(self, *exc) -> None:
        self.path.unlink(missing_ok=True)  # while still locked, so no other run holds a removed file
        self.handle.close()
        self.handle = None


def _same_file(path: Path, handle) -> bool:
    """Whether `path` still names the file open in `handle`."""
    try:
        return path.stat().st_ino == os.fstat(handle.fileno()).st_ino
    except FileNotFoundError:
        return False


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
    return DealDescriber(_domain(config_path))


def _domain(config_path: str):
    """The domain data of the run's pipeline."""
    return load_domain(_pipeline(config_path).meta["claimtrace_config_dir"])


@functools.cache
def _pipeline(config_path: str):
    """The spaCy pipeline, built once per process (also in each worker). Its objects live as long
    as the process: frozen, the cycle collector no longer walks them on every full collection,
    and forked workers keep sharing their memory pages."""
    with collector_paused():  # frozen before any collection walks what the build made
        nlp = build_nlp(config_path)
        gc.freeze()
    return nlp


@dataclass
class _Batch:
    """What the run keeps of a batch in flight: the ids the database has already, every id in
    order, and how many input bytes had been read when the batch was complete."""

    bytes_read: int
    stored: list[str] = field(default_factory=list)
    order: list[str] = field(default_factory=list)


def _batches(records: Iterator[Record], size: int, parts: Checkpoint, store, pending: dict[int, _Batch],
             read: ReadProgress):
    """(index, records to annotate, or None when the batch is checkpointed already), each
    batch described in `pending`. Documents the database has from an earlier run are not
    annotated; their ids are the batch's `stored`."""
    index = 0
    while batch := list(islice(records, size)):
        pending[index] = _Batch(read.bytes)
        if index in parts.done:
            yield index, None
        else:
            if store is not None:
                stored = {r.doc_id for r in batch if store.is_known(r.doc_id, document_row(r)["sha256"])}
                pending[index].stored, pending[index].order = sorted(stored), [r.doc_id for r in batch]
                batch = [r for r in batch if r.doc_id not in stored]
            yield index, batch
        index += 1


def _with_stored(tables: dict[str, pa.Table], stored: dict[str, pa.Table], order: list[str]) -> dict[str, pa.Table]:
    """A batch's annotated rows and its stored rows together, in the batch's document order
    (rows of one document keep their order)."""
    rank = {doc_id: n for n, doc_id in enumerate(order)}
    merged = dict(tables)
    for name in tables.keys() & stored.keys():
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
    """Each finished batch's tables as Parquet parts in `folder` (one folder per run key, so a
    run never deletes the parts of another run)."""

    def __init__(self, folder: Path, key: str):
        self.folder = folder
        state = folder / "run.json"
        with writing(folder):
            folder.mkdir(parents=True, exist_ok=True)
            if not state.exists():  # a new run; a resumed one keeps its id
                _write_atomically(state, json.dumps({"key": key, "run_id": f"{key}-{uuid.uuid4().hex[:8]}"}))
        self.run_id = json.loads(state.read_text())["run_id"]
        self.done = {int(p.stem) for p in folder.glob("*.done")}

    def save(self, index: int, tables: dict[str, pa.Table]) -> None:
        """Write one batch's parts, then its marker: a batch is done only once all are written."""
        for name, table in tables.items():
            part = self.folder / f"{index:08d}.{name}.parquet"
            tmp = part.with_name(part.name + ".tmp")
            with writing(part):
                try:
                    pq.write_table(table, tmp, compression=PARTS_COMPRESSION)
                except BaseException:
                    tmp.unlink(missing_ok=True)
                    raise
                tmp.replace(part)
        with writing(self.folder):
            (self.folder / f"{index:08d}.done").touch()
        self.done.add(index)

    def load(self, index: int) -> dict[str, pa.Table]:
        return {name: self.part(index, name) for name in BATCH_TABLES}

    def part(self, index: int, name: str) -> pa.Table:
        """One batch's table (read as one file: `pq.read_table` builds a dataset, whose module
        imports pandas)."""
        with pq.ParquetFile(self.folder / f"{index:08d}.{name}.parquet") as part:
            return part.read().cast(SCHEMAS[name])

    def assemble(self, out_dir: Path, fmt: str, merge_rules: MergeRules, merged: tuple | None = None) -> None:
        """The tables from the parts in batch order (the documents' deals merged into the deals
        table, the claims' deal ids made global), each written to a temporary file; then the
        tables of other formats that an earlier run left are removed and the new ones renamed
        into place together, so the folder never holds tables of two runs. `merged`: (deals,
        ids) a database merged across runs; the deals of this run's documents are taken from it."""
        doc_deals = [self.part(index, "doc_deals") for index in sorted(self.done)]
        deals, ids = merged or deals_table(doc_deals, merge_rules)
        if merged:
            deals = deals_of_documents(deals, {doc for table in doc_deals for doc in table.column("doc_id").to_pylist()})
        writers = []
        try:
            for name in TABLES:
                with writing(out_dir / f"{name}.{fmt}"):
                    writers.append(TableWriter(out_dir, name, fmt))
                    for table in [deals] if name == "deals" else (self.part(i, name) for i in sorted(self.done)):
                        writers[-1].write_table(with_deal_ids(table, ids) if name == "claims" else table)
                    writers[-1].finish()
        except BaseException:
            for writer in writers:
                writer.abort()
            raise
        for name in TABLES:
            for other in FORMATS:
                if other != fmt:
                    (out_dir / f"{name}.{other}").unlink(missing_ok=True)
        for writer in writers:
            writer.commit()
        shutil.rmtree(self.folder)
        with contextlib.suppress(OSError):  # other runs' parts stay
            self.folder.parent.rmdir()


@contextlib.contextmanager
def writing(path: Path):
    """Name `path` in the one-line message of a failed write (a full disk, a read-only folder)."""
    try:
        yield
    except OSError as exc:
        raise OSError(f"cannot write {path}: {_reason(exc)}") from exc


def _reason(exc: OSError) -> str:
    """The system's words for an OSError, also for pyarrow's ("... Detail: [errno 28] ...")."""
    code = exc.errno or next((int(n) for n in re.findall(r"\[errno (\d+)\]", str(exc))), None)
    return os.strerror(code) if code else str(exc)


def _write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def run_key(files, fmt: str, columns: Columns, config_path: str, batch_size: int) -> str:
    """What makes two runs the same run: inputs (path, size, modification time), options,
    configuration and version."""
    described = [(str(p.resolve()), p.stat().st_size, p.stat().st_mtime_ns, stem) for p, stem in files]
    payload = json.dumps([described, fmt, columns.__dict__, config_hash(config_path), batch_size, __version__])
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def config_hash(config_path: str) -> str:
    """SHA-256 of the pipeline config and of the domain data it runs with (`DomainData.digest`)."""
    digest = hashlib.sha256(Path(config_path).read_bytes())
    digest.update(_domain(config_path).digest.encode())
    return digest.hexdigest()


def _count(summary: RunSummary, tables: dict[str, pa.Table]) -> None:
    summary.documents += tables["documents"].num_rows
    summary.failed += tables["documents"].column("status").to_pylist().count("error")
    summary.mentions += tables["mentions"].num_rows
    summary.claims += tables["claims"].num_rows


def _progress(enabled: bool | None, files: list[tuple[Path, str]]):
    """A tqdm bar on a terminal (quiet when stderr is piped): input bytes read by finished
    batches out of the inputs' total size, so it has an ETA, with the documents done."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        return None
    from tqdm import tqdm

    total = sum(path.stat().st_size for path, _ in files)
    return tqdm(total=total, unit="B", unit_scale=True, unit_divisor=1024, file=sys.stderr,
                desc=f"claimtrace ({len(files)} files)")
