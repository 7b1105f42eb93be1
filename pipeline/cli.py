"""The `claimtrace` command line (also `python -m pipeline`)."""
from __future__ import annotations

import argparse
import gc
import sys

from pipeline import __version__
from pipeline.tables import FORMATS

# Objects the cycle collector lets pile up before it runs: a run makes many short-lived ones
# (tokens, mentions, rows) and few cycles; Python's 700 spends about 5% of a run collecting.
COLLECT_AFTER_OBJECTS = 5000


def positive_int(value: str) -> int:
    """An option's whole number of 1 or more (argparse type)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {number}")
    return number


def parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    main = argparse.ArgumentParser(
        prog="claimtrace",
        description="Turn articles into documents, mentions and claims tables (see SPEC.md).")
    main.add_argument("--version", action="version", version=f"claimtrace {__version__}")
    main.add_argument("--debug", action="store_true", help="show full tracebacks on errors")
    commands = main.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="process articles into the three tables")
    run.add_argument("inputs", nargs="+", metavar="INPUT",
                     help="files or folders (recursive) of .txt .md .html .htm .jsonl .csv")
    run.add_argument("--out", required=True, metavar="DIR",
                     help="folder for the tables; the run locks it and replaces its earlier tables")
    run.add_argument("--format", choices=FORMATS, default="parquet", help="table format (default parquet)")
    run.add_argument("--text-column", default="text", help="CSV/JSONL field holding the text (default text)")
    run.add_argument("--id-column", default="id", help="CSV/JSONL field holding the document id (default id)")
    run.add_argument("--title-column", default="title", help="CSV/JSONL field holding the title")
    run.add_argument("--published-column", default="published", help="CSV/JSONL field holding the date")
    run.add_argument("--config", default=None, metavar="CFG",
                     help="spaCy pipeline config (default configs/pipeline.cfg)")
    run.add_argument("--batch-size", type=positive_int, default=64, help="documents per batch (and checkpoint)")
    run.add_argument("--workers", type=positive_int, default=1, metavar="N",
                     help="worker processes (local engine) or LocalCluster workers (dask engine)")
    run.add_argument("--engine", choices=("local", "dask"), default="local",
                     help="where batches are annotated (default local)")
    run.add_argument("--scheduler", default=None, metavar="ADDRESS",
                     help="dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a LocalCluster)")
    run.add_argument("--db", default=None, metavar="PATH.duckdb",
                     help="also add the tables to this DuckDB database, skipping documents already in it")
    progress = run.add_mutually_exclusive_group()
    progress.add_argument("--progress", dest="progress", action="store_true", default=None,
                          help="always show the progress bar")
    progress.add_argument("--no-progress", dest="progress", action="store_false",
                          help="never show the progress bar")
    run.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)

    evaluate = commands.add_parser("eval", help="score a run against gold annotations")
    evaluate.add_argument("--gold", required=True, action="append", metavar="GOLD.jsonl",
                          help="gold annotations (SPEC format); repeat for several files")
    evaluate.add_argument("--pred", required=True, metavar="DIR", help="folder of a run's tables")
    evaluate.add_argument("--errors", type=int, default=0, metavar="N",
                          help="also list up to N misses, spurious mentions, wrong values, wrong claim "
                               "and deal attachments, missed and spurious deals")
    evaluate.add_argument("--json", action="store_true", help="print one JSON object (SPEC's shape)")
    evaluate.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)

    validate = commands.add_parser("validate", help="check gold files and name every bad line")
    validate.add_argument("gold", nargs="+", metavar="GOLD.jsonl")
    validate.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)

    imports = commands.add_parser("import", help="turn a doccano or Label Studio export into gold JSONL")
    imports.add_argument("export", metavar="EXPORT", help="doccano JSONL or Label Studio JSON export")
    imports.add_argument("--from", dest="tool", required=True, choices=("doccano", "labelstudio"))
    imports.add_argument("--out", required=True, metavar="GOLD.jsonl")
    imports.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)

    review = commands.add_parser("review", help="write an HTML page to check every fact against its evidence")
    review.add_argument("run_dir", metavar="OUT", help="folder of a run's tables")
    review.add_argument("--out", default="review.html", metavar="review.html",
                        help="the page (more pages beside it for a large run; default review.html)")
    review.add_argument("--gold", action="append", default=[], metavar="GOLD.jsonl",
                        help="also mark misses, spurious mentions and wrong attachments; repeatable")
    review.add_argument("--group-size", type=int, default=None, metavar="N",
                        help="documents per page beyond which documents get pages of their own (default 250)")
    review.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return main


def command_run(args) -> int:
    """`claimtrace run`."""
    gc.set_threshold(COLLECT_AFTER_OBJECTS, *gc.get_threshold()[1:])
    from pipeline.readers import Columns
    from pipeline.runner import Engine, run

    columns = Columns(text=args.text_column, id=args.id_column, title=args.title_column,
                      published=args.published_column)
    if args.scheduler and args.engine != "dask":
        raise ValueError("--scheduler needs --engine dask")
    engine = Engine(args.engine, args.workers, args.scheduler)
    summary = run(args.inputs, args.out, args.format, columns, config=args.config,
                  batch_size=args.batch_size, progress=args.progress, engine=engine, db=args.db)
    extra = f", {summary.skipped} already in {args.db}" if args.db else ""
    resumed = f", resumed after {summary.resumed_batches} finished batches" if summary.resumed_batches else ""
    print(f"claimtrace: {summary.documents} documents ({summary.failed} failed{extra}), "
          f"{summary.mentions} mentions, {summary.claims} claims -> {args.out}{resumed}", file=sys.stderr)
    return 0


def command_eval(args) -> int:
    """`claimtrace eval`: the evaluation table (or JSON) of a run against gold files."""
    import json

    from pipeline.evaluate import evaluate, format_errors, format_table
    from pipeline.gold import load_gold

    gold = [doc for path in args.gold for doc in load_gold(path)]
    report = evaluate(gold, args.pred)
    result = report.as_json()
    print(json.dumps(result, indent=2) if args.json else format_table(result))
    if args.errors:
        print(format_errors(report, args.errors))
    return 0


def command_validate(args) -> int:
    """`claimtrace validate`: every problem of the gold files; exit 1 when there is one."""
    from pipeline.gold import validate_gold

    problems = [p for path in args.gold for p in validate_gold(path)]
    for problem in problems:
        print(problem)
    if not problems:
        print(f"claimtrace: {', '.join(args.gold)}: valid", file=sys.stderr)
    return 1 if problems else 0


def command_import(args) -> int:
    """`claimtrace import`: gold JSONL from an annotation tool's export."""
    import json
    from pathlib import Path

    from pipeline.gold import import_export

    records = import_export(args.export, args.tool)
    Path(args.out).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    print(f"claimtrace: {len(records)} documents -> {args.out}", file=sys.stderr)
    return 0


def command_review(args) -> int:
    """`claimtrace review`: the static HTML review page of a run."""
    from pipeline.review import GROUP_SIZE, build_review

    pages = build_review(args.run_dir, args.out, gold=args.gold, group_size=args.group_size or GROUP_SIZE)
    extra = f" (and {len(pages) - 1} document pages beside it)" if len(pages) > 1 else ""
    print(f"claimtrace: review page -> {pages[0]}{extra}", file=sys.stderr)
    return 0


COMMANDS = {"run": command_run, "eval": command_eval, "validate": command_validate, "import": command_import,
            "review": command_review}


def main(argv: list[str] | None = None) -> int:
    """Run the command line; errors are one line on stderr (a traceback with --debug)."""
    args = parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        print("claimtrace: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # one clear line for the user, the traceback only with --debug
        if args.debug:
            raise
        print(f"claimtrace: error: {exc}", file=sys.stderr)
        return 2
