"""The `claimtrace` command line (also `python -m pipeline`)."""
from __future__ import annotations

import argparse
import sys

from pipeline import __version__
from pipeline.tables import FORMATS


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
    run.add_argument("--out", required=True, metavar="DIR", help="folder for the tables")
    run.add_argument("--format", choices=FORMATS, default="parquet", help="table format (default parquet)")
    run.add_argument("--text-column", default="text", help="CSV/JSONL field holding the text (default text)")
    run.add_argument("--id-column", default="id", help="CSV/JSONL field holding the document id (default id)")
    run.add_argument("--title-column", default="title", help="CSV/JSONL field holding the title")
    run.add_argument("--published-column", default="published", help="CSV/JSONL field holding the date")
    run.add_argument("--config", default=None, metavar="CFG",
                     help="spaCy pipeline config (default configs/pipeline.cfg)")
    run.add_argument("--batch-size", type=int, default=64, help="documents per written batch")
    progress = run.add_mutually_exclusive_group()
    progress.add_argument("--progress", dest="progress", action="store_true", default=None,
                          help="always show the progress bar")
    progress.add_argument("--no-progress", dest="progress", action="store_false",
                          help="never show the progress bar")
    run.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return main


def command_run(args) -> int:
    """`claimtrace run`."""
    from pipeline.readers import Columns
    from pipeline.runner import run

    columns = Columns(text=args.text_column, id=args.id_column, title=args.title_column,
                      published=args.published_column)
    summary = run(args.inputs, args.out, args.format, columns, config=args.config,
                  batch_size=max(1, args.batch_size), progress=args.progress)
    print(f"claimtrace: {summary.documents} documents ({summary.failed} failed), "
          f"{summary.mentions} mentions, {summary.claims} claims -> {args.out}", file=sys.stderr)
    return 0


COMMANDS = {"run": command_run}


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
