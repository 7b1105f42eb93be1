"""The evaluator pinned by small hand-computed cases; gold validation and import."""
import json

import pytest

from pipeline.evaluate import Predicted, evaluate, match, values_agree
from pipeline.gold import GoldError, GoldSpan, import_export, load_gold, validate_gold
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
    # the MONEY claim is KE with Huawei; the QUANTITY claim has no predicted mention
    assert report["attachment"] == {"country": 0.5, "vendors": 1.0, "n": 2, "n_vendors": 1}


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


@pytest.mark.parametrize("record, message", [
    ({"id": "x", "text": "Kenya", "spans": [{"start": 0, "end": 9, "label": "COUNTRY"}]}, "outside the text"),
    ({"id": "x", "text": "Kenya", "spans": [{"start": 0, "end": 5, "label": "COUNTRY", "text": "Kenia"}]}, "does not match"),
    ({"id": "x", "text": "Kenya", "spans": [{"start": 0, "end": 5, "label": "NATION"}]}, "unknown label"),
    ({"id": "x", "text": "Kenya", "spans": [{"start": 0, "end": 5, "label": "COUNTRY", "norm": {"iso": "KE"}}]}, "unknown norm key"),
    ({"id": "x", "text": "Kenya", "spans": [{"start": 0, "end": 5, "label": "COUNTRY", "norm": {"country": "Kenya"}}]}, "alpha-2"),
    ({"id": "x", "text": "5%", "spans": [{"start": 0, "end": 2, "label": "PERCENT", "norm": {"value": "5"}}]}, "not a number"),
    ({"id": "x", "text": "Kenya", "claims": [{"start": 0, "end": 5, "country": "KE"}]}, "not the span of a MONEY"),
    ({"text": "Kenya"}, 'missing "id"'),
    ({"id": "x"}, 'missing "text"'),
])
def test_invalid_gold_names_the_line(tmp_path, record, message):
    path = write_gold(tmp_path / "gold.jsonl", [{"id": "ok", "text": "fine"}, record])
    problems = validate_gold(path)
    assert len(problems) == 1 and "gold.jsonl:2:" in problems[0] and message in problems[0]
    with pytest.raises(GoldError, match=message):
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
    assert len(docs) == 17 and sum(len(d.spans) for d in docs) > 250
