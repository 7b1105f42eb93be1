"""The evaluator pinned by small hand-computed cases; gold validation and import."""
import json
import re

import pytest

from pipeline.evaluate import Predicted, evaluate, match, values_agree
from pipeline.gold import GoldDeal, GoldError, GoldSpan, import_export, load_gold, validate_gold
from pipeline.tables import TableWriter

TEXT = "Kenya paid $5 million to Huawei in 2020 for 300 cameras."
#       0    5    10   15   20   25   30   35   40   45   50


def write_run(folder, mentions, claims=(), fmt="csv"):
    """A run's mentions and claims tables from short row dicts."""
    folder.mkdir(exist_ok=True)
    for name, rows in (("mentions", mentions), ("claims", claims)):
        writer = TableWriter(folder, name, fmt)
        writer.write([{"mention_id": f"m{i}", "claim_id": f"c{i}", **row} for i, row in enumerate(rows, 1)])
        writer.close()
    return folder


def write_gold(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


GOLD = {
    "id": "d1", "text": TEXT,
    "spans": [
        {"start": 0, "end": 5, "label": "COUNTRY", "norm": {"country": "KE"}},
        {"start": 11, "end": 21, "label": "MONEY", "norm": {"value": 5e6, "currency": "USD"}},
        {"start": 25, "end": 31, "label": "VENDOR", "norm": {"vendor": "Huawei"}},
        {"start": 35, "end": 39, "label": "DATE", "norm": {"date": "2020"}},
        {"start": 44, "end": 47, "label": "QUANTITY", "norm": {"value": 300, "unit": "camera"}},
    ],
    "claims": [
        {"start": 11, "end": 21, "country": "KE", "vendors": ["Huawei"]},
        {"start": 44, "end": 47, "country": "KE", "vendors": []},
    ],
}
PRED = [
    {"doc_id": "d1", "label": "COUNTRY", "start": 0, "end": 5, "country": "KE"},      # strict, right value
    {"doc_id": "d1", "label": "MONEY", "start": 11, "end": 13, "value": 5.0, "currency": "USD"},  # partial, wrong value
    {"doc_id": "d1", "label": "VENDOR", "start": 25, "end": 34, "vendor": "huawei"},  # partial, right value
    {"doc_id": "d1", "label": "DATE", "start": 35, "end": 39, "date": "2021"},        # strict, wrong value
    {"doc_id": "d1", "label": "PERCENT", "start": 48, "end": 55, "value": 1.0},       # spurious
    {"doc_id": "d2", "label": "COUNTRY", "start": 0, "end": 4, "country": "PE"},      # a document with no gold spans
    {"doc_id": "d3", "label": "COUNTRY", "start": 0, "end": 4, "country": "PE"},      # not in the gold: not scored
]
CLAIMS = [{"doc_id": "d1", "label": "MONEY", "start": 11, "end": 13, "country": "KE", "vendors": "Huawei"}]


@pytest.fixture
def report(tmp_path):
    gold = write_gold(tmp_path / "gold.jsonl", [GOLD, {"id": "d2", "text": "Peru", "spans": []}])
    return evaluate(load_gold(gold), write_run(tmp_path / "run", PRED, CLAIMS)).as_json()


@pytest.mark.parametrize("mode, tp, fp, fn", [
    # strict: Kenya, 2020 | $5, "Huawei in", PERCENT, d2's Peru | $5 million, Huawei, 300
    ("strict", 2, 4, 3),
    # partial: Kenya, $5, Huawei, 2020 | PERCENT, Peru | 300
    ("partial", 4, 2, 1),
    # normalised: Kenya, Huawei | $5 (value), 2020 (date), PERCENT, Peru | $5 million, 2020, 300
    ("normalised", 2, 4, 3),
])
def test_micro_counts(report, mode, tp, fp, fn):
    micro = report["labels"]["micro"][mode]
    assert (micro["tp"], micro["fp"], micro["fn"]) == (tp, fp, fn)
    assert micro["precision"] == pytest.approx(tp / (tp + fp))
    assert micro["recall"] == pytest.approx(tp / (tp + fn))
    assert micro["f1"] == pytest.approx(2 * tp / (2 * tp + fp + fn))


def test_per_label(report):
    labels = report["labels"]
    assert labels["COUNTRY"]["strict"] == {"precision": 0.5, "recall": 1.0, "f1": pytest.approx(2 / 3),
                                                "tp": 1, "fp": 1, "fn": 0}
    assert (labels["MONEY"]["partial"]["tp"], labels["MONEY"]["normalised"]["tp"]) == (1, 0)
    assert labels["QUANTITY"]["partial"]["recall"] == 0.0
    assert labels["PERCENT"]["partial"]["precision"] == 0.0


def test_field_accuracy_and_attachment(report):
    # qualifier over matched MONEY (None = None); period likewise; no matched QUANTITY: no unit
    assert report["qualifier_accuracy"] == 1.0
    assert report["period_accuracy"] == 1.0
    assert report["unit_accuracy"] is None
    # the MONEY claim is KE with Huawei, no claimant and no deal like the gold; the QUANTITY claim
    # has no predicted mention: wrong in every field
    assert report["attachment"] == {"country": 0.5, "vendors": 1.0, "claimant": 0.5, "deal": 0.5,
                                    "n": 2, "n_vendors": 1}


def test_a_version_1_run_scores_as_no_deals(report):
    """No deals table and no deal_id column: deal scores of an empty prediction, no crash."""
    assert report["deals"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 0,
                               "fields": {"country": None, "vendors": None, "programme": None,
                                          "technologies": None, "n": 0},
                               "merge": {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 0}}


def test_overlapping_and_nested_spans_pair_one_to_one():
    gold = [GoldSpan(0, 10, "PLACE"), GoldSpan(5, 15, "PLACE"), GoldSpan(0, 32, "VENDOR")]
    pred = [Predicted(4, 12, "PLACE", {}), Predicted(0, 8, "PLACE", {})]
    # largest overlaps first: (0..10, 0..8) overlap 8, then (5..15, 4..12) overlap 7 -> both paired
    assert match(gold, pred, strict=False) == [(0, 1), (1, 0)]
    assert match(gold, pred, strict=True) == []
    # the nested VENDOR has another label: never paired with a PLACE
    assert all(g != 2 for g, _ in match(gold, pred, strict=False))


@pytest.mark.parametrize("label, key, gold, predicted, agree", [
    ("MONEY", "value", 1e6, 1.004e6, True), ("MONEY", "value", 1e6, 1.006e6, False),
    ("PERCENT", "value", 33.33, 33.333, True), ("PERCENT", "value", 33.33, 33.35, False),
    ("QUANTITY", "value", 300, 300.0, True), ("MONEY", "value", 5e6, "nan", False),
    ("VENDOR", "vendor", "Huawei", "HUAWEI", True), ("COUNTRY", "country", "KE", "UG", False),
    ("DATE", "date", "2020", "2020", True), ("DATE", "date", "2020", None, False),
])
def test_values_agree(label, key, gold, predicted, agree):
    assert values_agree(label, key, gold, predicted) is agree


DEAL = {"id": "d1", "record": "KE-safe-city", "country": "KE", "vendors": ["Huawei"], "financiers": [],
        "programme": None, "technologies": ["cctv"]}
PERCENT = {"start": 0, "end": 2, "label": "PERCENT", "norm": {"value": 5}}


@pytest.mark.parametrize("record, message", [
    ({"id": "x", "text": "Kenya", "spans": [{"start": 0, "end": 9, "label": "COUNTRY"}]}, "outside the text"),
    ({"id": "x", "text": "Kenya", "spans": [{"start": 0, "end": 5, "label": "COUNTRY", "text": "Kenia"}]}, "does not match"),
    ({"id": "x", "text": "Kenya", "spans": [{"start": 0, "end": 5, "label": "NATION"}]}, "unknown label"),
    ({"id": "x", "text": "Kenya", "spans": [{"start": 0, "end": 5, "label": "COUNTRY", "norm": {"iso": "KE"}}]}, "unknown norm key"),
    ({"id": "x", "text": "Kenya", "spans": [{"start": 0, "end": 5, "label": "COUNTRY", "norm": {"country": "Kenya"}}]}, "alpha-2"),
    ({"id": "x", "text": "5%", "spans": [{"start": 0, "end": 2, "label": "PERCENT", "norm": {"value": "5"}}]}, "not a number"),
    ({"id": "x", "text": "Kenya", "claims": [{"start": 0, "end": 5, "country": "KE"}]}, "not the span of a MONEY"),
    ({"text": "Kenya"}, 'missing "id"'),
    ({"id": "x", "text": "CCTV", "spans": [{"start": 0, "end": 4, "label": "TECHNOLOGY", "norm": {"technology": "cameras"}}]},
     "norm technology 'cameras' is not one of safe_city"),
    ({"id": "x", "text": "Kenya", "deals": "d1"}, '"deals" must be a list'),
    ({"id": "x", "text": "Kenya", "deals": [{"id": "d1", "record": "KE-x", "country": "Kenya"}]}, "deal 1: country 'Kenya'"),
    ({"id": "x", "text": "Kenya", "deals": [{"id": "d1", "country": "KE"}]}, "deal 1: record must be a non-empty string"),
    ({"id": "x", "text": "Kenya", "deals": [DEAL, DEAL]}, "deal 2: id 'd1' appears twice"),
    ({"id": "x", "text": "Kenya", "deals": [{**DEAL, "vendors": "Huawei"}]}, "vendors must be a list of strings"),
    ({"id": "x", "text": "Kenya", "deals": [{**DEAL, "technologies": ["cctv", "robots"]}]}, "technology 'robots' is not one of"),
    ({"id": "x", "text": "Kenya", "deals": [{**DEAL, "programme": 911}]}, "programme 911 is not a string or null"),
    ({"id": "x", "text": "5%", "spans": [PERCENT], "deals": [DEAL], "claims": [{"start": 0, "end": 2, "deal": "d2"}]},
     "claim 1: deal 'd2' is not a deal of this document"),
    ({"id": "x", "text": "5%", "spans": [PERCENT], "claims": [{"start": 0, "end": 2, "claimant": ["IMF"]}]},
     "claimant ['IMF'] is not a string or null"),
    ({"id": "x", "text": "5%", "spans": [PERCENT], "claims": [{"start": 0, "end": 2, "country": "kenya"}]},
     "country 'kenya' is not an ISO 3166 alpha-2 code"),
    ({"id": "x"}, 'missing "text"'),
])
def test_invalid_gold_names_the_line(tmp_path, record, message):
    path = write_gold(tmp_path / "gold.jsonl", [{"id": "ok", "text": "fine"}, record])
    problems = validate_gold(path)
    assert len(problems) == 1 and "gold.jsonl:2:" in problems[0] and message in problems[0]
    with pytest.raises(GoldError, match=re.escape(message)):
        load_gold(path)


def test_not_json_and_duplicate_ids(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a", "text": "x"}\n{"id": "a", "text": "y"}\nnot json\n', encoding="utf-8")
    problems = validate_gold(path)
    assert [p.split(": ", 1)[0].rsplit(":", 1)[1] for p in problems] == ["2", "3"]
    assert "appears twice" in problems[0] and "not valid JSON" in problems[1]


def test_text_joined_from_its_source(tmp_path):
    (tmp_path / "data.csv").write_text("Record,Body\n7,Loans to Kenya\n", encoding="utf-8")
    source = {"path": "data.csv", "id_column": "Record", "text_column": "Body"}
    path = write_gold(tmp_path / "gold.jsonl", [
        {"id": "7", "text_source": source, "spans": [{"start": 9, "end": 14, "label": "COUNTRY", "norm": {"country": "KE"}}]},
        {"id": "8", "text_source": source}])
    assert "not in data.csv" in validate_gold(path)[0]
    write_gold(path, [{"id": "7", "text_source": source, "sha256": "0" * 64}])
    assert "has changed" in validate_gold(path)[0]


def test_import_doccano_and_label_studio(tmp_path):
    doccano = tmp_path / "doccano.jsonl"
    doccano.write_text(json.dumps({"id": 3, "text": "Huawei in Kenya", "label": [[10, 15, "COUNTRY"], [0, 6, "VENDOR"]]}) + "\n")
    studio = tmp_path / "studio.json"
    studio.write_text(json.dumps([{"id": 9, "data": {"text": "Huawei in Kenya"}, "annotations": [{"result": [
        {"type": "labels", "value": {"start": 10, "end": 15, "text": "Kenya", "labels": ["COUNTRY"]}}]}]}]))
    for path, tool, spans in ((doccano, "doccano", [("VENDOR", "Huawei"), ("COUNTRY", "Kenya")]),
                              (studio, "labelstudio", [("COUNTRY", "Kenya")])):
        records = import_export(path, tool)
        out = write_gold(tmp_path / f"{tool}.gold.jsonl", records)
        assert validate_gold(out) == []
        assert [(s["label"], s["text"]) for s in records[0]["spans"]] == spans


def test_bundled_gold_is_valid():
    from tests.conftest import ROOT

    assert validate_gold(ROOT / "corpus" / "gold" / "articles.jsonl") == []
    docs = load_gold(ROOT / "corpus" / "gold" / "articles.jsonl")
    assert len(docs) >= 17 and sum(len(d.spans) for d in docs) > 250


def test_v1_and_v2_gold_lines_load_their_deals(tmp_path):
    path = write_gold(tmp_path / "gold.jsonl", [
        {"id": "v1", "text": "5%", "spans": [PERCENT], "claims": [{"start": 0, "end": 2, "country": "KE"}]},
        {"id": "v2", "text": "5%", "spans": [PERCENT], "deals": [{**DEAL, "programme": "Safe City"}],
         "claims": [{"start": 0, "end": 2, "country": "KE", "claimant": "IMF", "deal": "d1"}]}])
    v1, v2 = load_gold(path)
    assert v1.deals == [] and v1.claims[0].deal is None
    assert v2.claims[0].deal == "d1" and v2.claims[0].claimant == "IMF"
    assert v2.deals == [GoldDeal("d1", "KE-safe-city", ["Huawei"], [], ["cctv"], "KE", "Safe City")]


def test_gold_rules_come_from_the_config_folder_given(tmp_path):
    from tests.conftest import ROOT

    labels = (ROOT / "configs" / "labels.yaml").read_text(encoding="utf-8")
    (tmp_path / "configs").mkdir()
    (tmp_path / "configs" / "labels.yaml").write_text(labels.replace("drone]", "drone, robot_dog]"), encoding="utf-8")
    path = write_gold(tmp_path / "gold.jsonl", [{"id": "x", "text": "Kenya",
                                                 "deals": [{**DEAL, "technologies": ["robot_dog"]}]}])
    assert "robot_dog" in validate_gold(path)[0]
    assert validate_gold(path, config_dir=tmp_path / "configs") == []
    assert load_gold(path, tmp_path / "configs")[0].deals[0].technologies == ["robot_dog"]


@pytest.mark.parametrize("gold, predicted, agree", [
    ("The Ministry of Interior", "the interior ministry", True),   # shares "ministry", "interior"
    ("A 2019 audit", "the audit", True),
    ("The company", "the group", False),                            # "the" alone is no overlap
    ("Police in Lagos", "Lagos State officials", True),
    (None, None, True), ("", None, True),                           # both empty
    (None, "officials", False), ("Critics", None, False),
])
def test_claimant_word_overlap(gold, predicted, agree):
    from pipeline.evaluate import claimants_agree
    from pipeline.gold import label_rules

    assert claimants_agree(gold, predicted, label_rules()["claimant_function_words"]) is agree


# Three documents with deals, a v2 run (TECHNOLOGY mentions, claims with deal_id, a deals table).
KENYA = "Kenya paid $5 million to Huawei for 300 CCTV cameras, 40 radios and 2 drones; GDP grew 5%."


def at(text, words, occurrence=0):
    """(start, end) of `words` in `text` (its `occurrence`-th appearance)."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def gold_span(text, words, label, **norm):
    start, end = at(text, words)
    return {"start": start, "end": end, "label": label, "norm": norm}


def gold_deal(deal_id, record, country, vendors=(), programme=None, technologies=()):
    return {"id": deal_id, "record": record, "country": country, "vendors": list(vendors), "financiers": [],
            "programme": programme, "technologies": list(technologies)}


def gold_claim(text, words, deal, claimant=None, vendors=()):
    start, end = at(text, words)
    return {"start": start, "end": end, "country": "KE", "vendors": list(vendors), "claimant": claimant, "deal": deal}


V2_GOLD = [
    {"id": "A", "text": KENYA, "spans": [
        gold_span(KENYA, "$5 million", "MONEY", value=5e6, currency="USD"),
        gold_span(KENYA, "300", "QUANTITY", value=300, unit="camera"),
        gold_span(KENYA, "CCTV cameras", "TECHNOLOGY", technology="cctv"),
        gold_span(KENYA, "40", "QUANTITY", value=40, unit="radio"),
        gold_span(KENYA, "2", "QUANTITY", value=2, unit="drone"),
        gold_span(KENYA, "drones", "TECHNOLOGY", technology="drone"),
        gold_span(KENYA, "5%", "PERCENT", value=5)],
     "deals": [gold_deal("a1", "KE-safe-city", "KE", ["Safaricom", "Huawei"], "Safe City", ["safe_city", "cctv"]),
               gold_deal("a2", "KE-police-radio", "KE", ["ZTE"], None, ["telecom_network"]),
               gold_deal("a3", "UG-cameras", "UG", [], None, ["cctv"])],
     "claims": [gold_claim(KENYA, "$5 million", "a1", "The Ministry of Interior", ["Huawei"]),
                gold_claim(KENYA, "300", "a3"),
                gold_claim(KENYA, "40", "a2", "Critics"),
                gold_claim(KENYA, "2", None),
                gold_claim(KENYA, "5%", None, "the IMF")]},
    {"id": "B", "text": "Kenya and Uganda.", "deals": [
        gold_deal("b1", "KE-safe-city", "KE", ["Huawei"], "safe city ", ["safe_city"]),
        gold_deal("b2", "UG-cameras", "UG", [], None, ["cctv"])]},
    {"id": "C", "text": "Kenya.", "deals": [gold_deal("c1", "KE-other", "KE", ["HUAWEI"])]},
]


def predicted_claim(words, deal_id, claimant=None, vendors=""):
    start, end = at(KENYA, words)
    return {"doc_id": "A", "claim_id": f"c{start}", "start": start, "end": end, "text": words, "country": "KE",
            "vendors": vendors, "claimant": claimant, "deal_id": deal_id}


V2_RUN = {
    "mentions": [{"doc_id": "A", "mention_id": f"m{i}", "label": label, "start": at(KENYA, words)[0],
                  "end": at(KENYA, words)[1], "text": words, "value": value, "currency": currency, "technology": tech}
                 for i, (label, words, value, currency, tech) in enumerate([
                     ("MONEY", "$5 million", 5e6, "USD", None), ("QUANTITY", "300", 300.0, None, None),
                     ("TECHNOLOGY", "CCTV cameras", None, None, "cctv"), ("QUANTITY", "40", 40.0, None, None),
                     ("QUANTITY", "2", 2.0, None, None), ("TECHNOLOGY", "drones", None, None, "cctv"),
                     ("PERCENT", "5%", 5.0, None, None)])],
    "claims": [predicted_claim("$5 million", "D1", "the interior ministry", "Huawei"),
               predicted_claim("300", "D1"),      # gold a3 was matched to D3: wrong deal
               predicted_claim("40", "D2"),       # gold a2 matched no predicted deal: wrong
               predicted_claim("2", "D1", "officials"),  # gold: no deal
               predicted_claim("5%", None, "IMF")],
    "deals": [
        {"deal_id": "D1", "country": "KE", "vendors": "Huawei", "programme": "Safe City",
         "technologies": "safe_city|cctv", "doc_ids": "A|B|C"},
        {"deal_id": "D2", "country": "KE", "vendors": "Dahua", "programme": None, "technologies": "", "doc_ids": "A"},
        {"deal_id": "D3", "country": "UG", "vendors": "", "programme": None, "technologies": "cctv", "doc_ids": "A"},
        {"deal_id": "D4", "country": "UG", "vendors": None, "programme": "Kampala cameras",
         "technologies": "cctv|drone", "doc_ids": "B"},
        {"deal_id": "D5", "country": "PE", "vendors": "Huawei", "programme": None, "technologies": "",
         "doc_ids": "Z"},  # a document the gold does not have: not scored
    ],
}


@pytest.fixture(params=["jsonl", "parquet"])
def v2_run(tmp_path, request):
    """(gold file, run folder) of the three documents, the run's tables in JSONL or Parquet."""
    import pandas as pd

    run = tmp_path / "run"
    run.mkdir()
    for name, rows in V2_RUN.items():
        frame = pd.DataFrame(rows)
        if request.param == "jsonl":
            frame.to_json(run / f"{name}.jsonl", orient="records", lines=True)
        else:
            frame.to_parquet(run / f"{name}.parquet")
    return write_gold(tmp_path / "gold.jsonl", V2_GOLD), run


@pytest.fixture
def v2_report(v2_run):
    gold, run = v2_run
    return evaluate(load_gold(gold), run)


def test_technology_is_scored_by_its_category(v2_report):
    technology = v2_report.as_json()["labels"]["TECHNOLOGY"]
    assert (technology["partial"]["tp"], technology["partial"]["fp"], technology["partial"]["fn"]) == (2, 0, 0)
    # "drones" is predicted cctv: a false positive and a false negative when normalised
    assert (technology["normalised"]["tp"], technology["normalised"]["fp"], technology["normalised"]["fn"]) == (1, 1, 1)


def test_deals_matched_per_document(v2_report):
    deals = v2_report.as_json()["deals"]
    # A: a1-D1 (Huawei overlaps), a3-D3 (UG, neither names a vendor); D2 (Dahua) is no ZTE: fp 1, fn 1
    # B: b1-D1, b2-D4 | C: c1-D1 (vendors compared case-insensitively) | D5 is in no gold document
    assert (deals["tp"], deals["fp"], deals["fn"]) == (5, 1, 1)
    assert deals["precision"] == pytest.approx(5 / 6) and deals["recall"] == pytest.approx(5 / 6)
    # over a1-D1, a3-D3, b1-D1, b2-D4, c1-D1: vendors wrong for a1 (Safaricom missing); programme
    # wrong for b2 (none in the gold) and c1, right for b1 ("safe city " ~ "Safe City");
    # technologies right for a1 and a3 only
    assert deals["fields"] == {"country": 1.0, "vendors": 0.8, "programme": 0.6, "technologies": 0.4, "n": 5}


def test_deal_merge_pairs(v2_report):
    merge = v2_report.as_json()["deals"]["merge"]
    # pairs of different documents: a1-b1 same record, both D1 (tp); a1-c1 and b1-c1 other records
    # but D1 (fp 2); a3-b2 same record, D3 and D4 (fn); a2 matched nothing: in no predicted pair
    assert (merge["tp"], merge["fp"], merge["fn"]) == (1, 2, 1)
    assert merge["precision"] == pytest.approx(1 / 3) and merge["recall"] == 0.5
    assert merge["f1"] == pytest.approx(0.4)


def test_claim_attachment_with_deals(v2_report):
    attachment = v2_report.as_json()["attachment"]
    # deal: $5 million (a1 -> D1) and 5% (no deal, none predicted) right; 300 (a3 is D3, got D1),
    # 40 (a2 unmatched) and 2 (no deal, got D1) wrong
    assert attachment["deal"] == pytest.approx(2 / 5)
    # claimant: interior ministry, both empty (300), IMF right; Critics missed, officials spurious
    assert attachment["claimant"] == pytest.approx(3 / 5)
    assert (attachment["country"], attachment["vendors"], attachment["n"], attachment["n_vendors"]) == (1.0, 1.0, 5, 1)


def test_table_and_errors_show_deals(v2_report):
    from pipeline.evaluate import format_errors, format_table

    table = format_table(v2_report.as_json())
    assert "claimant 0.600  deal 0.400" in table
    assert "deals: P 0.833 R 0.833 F1 0.833 (gold 6, predicted 6)" in table
    assert "vendors 0.800  programme 0.600  technologies 0.400 (n=5)" in table
    assert "deal merge: P 0.333 R 0.500 F1 0.400 (gold same-deal pairs 2, predicted 3)" in table
    errors = format_errors(v2_report, 10)
    assert "wrong deal attachment (3):" in errors and "gold a2 (KE-police-radio) got D2" in errors
    assert "missed deals (1):\n  A a2 KE-police-radio KE ['ZTE']" in errors
    assert "spurious deals (1):\n  A D2 KE ['Dahua']" in errors


def test_eval_and_validate_commands_on_v2_gold(v2_run, capsys):
    from pipeline.cli import main

    gold, run = v2_run
    assert main(["validate", str(gold)]) == 0
    capsys.readouterr()
    assert main(["eval", "--gold", str(gold), "--pred", str(run), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["deals"]["tp"] == 5 and result["deals"]["merge"]["tp"] == 1 and result["attachment"]["deal"] == 0.4
    assert result["labels"]["TECHNOLOGY"]["normalised"]["tp"] == 1
