"""The bundled corpus through the command line: offsets, coverage of every column, claims."""
import pandas as pd

from pipeline.mention import LABELS
from pipeline.tables import SCHEMAS
from tests.conftest import ROOT


def test_every_mention_offset_points_at_its_text(corpus_run):
    docs = corpus_run["documents"].set_index("doc_id")
    mentions = corpus_run["mentions"]
    assert len(mentions) > 200
    for m in mentions.itertuples():
        text = docs.loc[m.doc_id, "text"]
        assert text[m.start:m.end] == m.text, (m.doc_id, m.text)
        assert m.sent_start <= m.start < m.end <= m.sent_end


def test_claim_spans_and_evidence_ids_point_at_mentions(corpus_run):
    mentions = corpus_run["mentions"].set_index(["doc_id", "mention_id"])
    claims = corpus_run["claims"]
    assert len(claims) == (corpus_run["mentions"]["label"].isin(["MONEY", "PERCENT", "QUANTITY"])).sum()
    for c in claims.itertuples():
        fact = mentions.loc[(c.doc_id, c.mention_id)]
        assert (fact["start"], fact["end"], fact["label"]) == (c.start, c.end, c.label)
        if isinstance(c.country_mention_id, str):
            assert mentions.loc[(c.doc_id, c.country_mention_id)]["country"] == c.country
        if isinstance(c.vendor_mention_ids, str):
            vendors = {mentions.loc[(c.doc_id, i)]["vendor"] for i in c.vendor_mention_ids.split("|")}
            assert vendors == set(c.vendors.split("|"))


def test_tables_have_spec_columns_and_all_labels(corpus_run):
    for name, table in corpus_run.items():
        assert list(table.columns) == SCHEMAS[name].names
    assert set(corpus_run["mentions"]["label"]) == set(LABELS)
    docs = corpus_run["documents"]
    assert docs["doc_id"].is_unique and set(docs["status"]) == {"ok", "error"}
    assert (docs[docs.status == "error"]["error"].str.len() > 0).all()


def test_every_normalised_column_is_filled_where_it_applies(corpus_run):
    m = corpus_run["mentions"]
    by_label = {label: m[m.label == label] for label in LABELS}
    assert by_label["COUNTRY"]["country"].notna().all()
    assert by_label["PLACE"]["country"].notna().all()
    assert by_label["VENDOR"]["vendor"].notna().all()
    assert by_label["MONEY"]["currency"].notna().all() and by_label["MONEY"]["value"].notna().all()
    assert by_label["PERCENT"]["value"].notna().all()
    assert by_label["QUANTITY"]["unit"].notna().all()
    assert by_label["DATE"]["date"].notna().mean() > 0.95
    assert m["qualifier"].notna().any() and m["period"].notna().any()


def test_corpus_facts(corpus_run):
    claims = corpus_run["claims"].merge(corpus_run["mentions"][["doc_id", "mention_id", "text"]])
    row = claims[(claims.doc_id == "wire/kampala_cameras") & (claims.text == "Sh460 billion")].iloc[0]
    assert (row.currency, row.value, row.country) == ("UGX", 4.6e11, "UG")
    row = claims[(claims.doc_id == "wire/islamabad_safe_city") & (claims.text == "Rs 2,000 crore")].iloc[0]
    assert (row.currency, row.value, row.country) == ("PKR", 2e10, "PK")
    row = claims[(claims.doc_id == "wire/london_hikvision") & (claims.text == "£23m")].iloc[0]
    assert (row.currency, row.period, row.qualifier) == ("GBP", "year", "approx")
    row = claims[(claims.doc_id == "web/nairobi_safaricom") & (claims.text == "1,800")].iloc[0]
    assert (row.unit, row.country) == ("camera", "KE") and "Huawei" in row.vendors
    assert pd.isna(claims[(claims.doc_id == "wire/kampala_cameras") & (claims.text == "twice")].iloc[0].date)


def test_readme_evaluation_is_no_better_than_eval(corpus_run_dir):
    """Every figure of the README's evaluation of the bundled corpus is at most what `claimtrace
    eval` prints now (+ 0.005): the README may lag an improvement, never claim more than the
    pipeline does. Figures are compared by line (its first word) and position in the line."""
    import re

    from pipeline.evaluate import evaluate, format_table
    from pipeline.gold import load_gold

    def figures(table: str) -> dict:
        return {(line.split()[0], i): float(x) for line in table.splitlines() if line.strip()
                for i, x in enumerate(re.findall(r"\b\d\.\d{3}\b", line))}

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    marker = "$ claimtrace eval --gold corpus/gold/articles.jsonl --pred build/eval/articles\n"
    shown = figures(readme.split(marker, 1)[1].split("\n```", 1)[0])
    now = figures(format_table(evaluate(load_gold(ROOT / "corpus" / "gold" / "articles.jsonl"), corpus_run_dir).as_json()))
    assert len(shown) > 20 and shown.keys() <= now.keys()
    assert {key: (x, now[key]) for key, x in shown.items() if x > now[key] + 0.005} == {}
