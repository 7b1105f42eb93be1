"""Recognition figures on AidData's GCDF 3.0 project descriptions (issue 3).

usage: python scripts/aiddata_metrics.py [CSV] [--out DIR]

Runs the pipeline over the `Description` column (id `AidData Record ID`) and prints, over the
descriptions whose `Recipient` is one country (not "Africa, regional"):
  recipient_found     share where the recipient is among the COUNTRY/PLACE mentions
  recipient_top       share where it is the most-mentioned country other than China (ties count)
  money_normalised    share of all descriptions with a MONEY mention that has a value and a currency
"""
from __future__ import annotations

import argparse
import functools
import sys
import tempfile
from pathlib import Path

import pandas as pd

from pipeline.components.countries import country_entries
from pipeline.domain import default_domain
from pipeline.readers import Columns
from pipeline.resources import name_variants
from pipeline.runner import run
from pipeline.tables import read_table

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CSV = ROOT.parent / "shared" / "external" / "aiddata-gcdf3" / "gcdf3_df_filtered_title_description.csv"
TEXT, ID, RECIPIENT = "Description", "AidData Record ID", "Recipient"


@functools.cache
def _country_names() -> dict:
    return country_entries(default_domain()["countries"])


def recipient_code(name: str) -> str | None:
    """The alpha-2 code of a recipient as AidData writes it, by the pipeline's own country names."""
    for variant in name_variants(str(name)):
        if variant in _country_names():
            return _country_names()[variant].country
    return None


def measure(csv_path: str | Path, out_dir: str | Path) -> dict[str, float]:
    """Run the pipeline on the descriptions and compute the three shares."""
    run([str(csv_path)], out_dir, "parquet", Columns(text=TEXT, id=ID), progress=False)
    mentions = read_table(Path(out_dir), "mentions")
    source = pd.read_csv(csv_path, dtype=str)
    source["doc_id"] = source[ID]
    source["code"] = source[RECIPIENT].map(recipient_code)

    places = mentions[mentions["label"].isin(["COUNTRY", "PLACE"]) & mentions["country"].notna()]
    named = places.groupby("doc_id")["country"].agg(set)
    counts = places[places["country"] != "CN"].groupby(["doc_id", "country"]).size()
    money = mentions[(mentions["label"] == "MONEY") & mentions["value"].notna() & mentions["currency"].notna()]

    countries = source[source["code"].notna()]
    pairs = list(zip(countries["doc_id"], countries["code"], strict=True))
    found = sum(code in named.get(doc, set()) for doc, code in pairs)
    top = 0
    for doc, code in pairs:
        if doc in counts.index.get_level_values(0):
            per_country = counts.loc[doc]
            top += code in per_country.index and per_country[code] == per_country.max()
    return {
        "documents": len(source),
        "with_recipient_country": len(countries),
        "recipient_found": found / len(countries),
        "recipient_top": top / len(countries),
        "money_normalised": source["doc_id"].isin(set(money["doc_id"])).mean(),
    }


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("csv", nargs="?", default=str(DEFAULT_CSV))
    args.add_argument("--out", default=None, help="keep the tables in this folder")
    options = args.parse_args(argv)
    if not Path(options.csv).is_file():
        print(f"aiddata_metrics: {options.csv} not found (../shared is absent?)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        figures = measure(options.csv, options.out or tmp)
    for key, value in figures.items():
        print(f"{key:24} {value:.3f}" if isinstance(value, float) else f"{key:24} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
