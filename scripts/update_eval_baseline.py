"""Write tests/eval_baseline.json, the floors of the eval gate (tests/test_eval_gate.py), from the
bundled corpus as the pipeline scores it now.

usage: python scripts/update_eval_baseline.py [--tolerance 0.005]

Run it deliberately and commit the diff with the change that moved the scores: after an
improvement (to raise the floors), or after a change of the gold or the corpus. Floors are the
scores rounded down to three decimals. A score the run can earn only through an output it does not
write yet (claims' `deal_id`, the deals table, mentions' `technology`) gets the floor 0: what a
version 1 run scores there is an artefact of the gold (no deals: every claim "right"), not a level.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "tests" / "eval_baseline.json"
CORPUS = "corpus/articles"
GOLD = "corpus/gold/articles.jsonl"
# Score prefixes and the (table, column) a run must write to earn them; column None: the table.
NEEDS = {"attachment.deal": ("claims", "deal_id"), "deals.": ("deals", None),
         "labels.TECHNOLOGY.normalised": ("mentions", "technology")}


def unwritten(out: Path, table: str, column: str | None) -> bool:
    """Whether the run in `out` lacks the table, or the column of the table."""
    from pipeline.tables import read_table

    try:
        return column is not None and column not in read_table(out, table).columns
    except FileNotFoundError:
        return True


def floors(out: Path) -> dict[str, float]:
    """The floor of every headline score of the run in `out` against the bundled gold."""
    from pipeline.evaluate import evaluate, headline_scores
    from pipeline.gold import load_gold

    scores = headline_scores(evaluate(load_gold(ROOT / GOLD), out).as_json())
    earnable = {prefix: not unwritten(out, *need) for prefix, need in NEEDS.items()}
    return {key: math.floor(value * 1000) / 1000
            if all(earnable[p] for p in NEEDS if key.startswith(p)) else 0.0
            for key, value in sorted(scores.items())}


def main(argv: list[str] | None = None) -> int:
    from pipeline.cli import main as claimtrace

    args = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    args.add_argument("--tolerance", type=float, default=0.005, help="how far a score may drop below its floor")
    options = args.parse_args(argv)
    with tempfile.TemporaryDirectory() as out:
        if claimtrace(["run", str(ROOT / CORPUS), "--out", out, "--no-progress"]) != 0:
            return 1
        baseline = {"corpus": CORPUS, "gold": GOLD, "tolerance": options.tolerance, "floors": floors(Path(out))}
    BASELINE.write_text(json.dumps(baseline, indent=2) + "\n", encoding="utf-8")
    print(f"{len(baseline['floors'])} floors -> {BASELINE.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
