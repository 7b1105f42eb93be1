"""Issue 3's figures on AidData's 961 project descriptions (skipped without ../shared)."""
import importlib.util

import pytest

from tests.conftest import ROOT, SHARED, needs_shared

pytestmark = needs_shared
CSV = SHARED / "external" / "aiddata-gcdf3" / "gcdf3_df_filtered_title_description.csv"


def load_script():
    spec = importlib.util.spec_from_file_location("aiddata_metrics", ROOT / "scripts" / "aiddata_metrics.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("written, code", [
    ("Viet Nam", "VN"), ("Lao People's Democratic Republic", "LA"), ("Democratic Republic of the Congo", "CD"),
    ("Congo", "CG"), ("Turkey", "TR"), ("Cote d'Ivoire", "CI"), ("Kyrgyz Republic", "KG"),
    ("Brunei Darussalam", "BN"), ("Russia", "RU"), ("Africa, regional", None),
])
def test_recipient_names(written, code):
    assert load_script().recipient_code(written) == code


def test_aiddata_figures(tmp_path):
    if not CSV.exists():
        pytest.skip("AidData descriptions absent")
    figures = load_script().measure(CSV, tmp_path)
    assert figures["documents"] == 961
    assert figures["recipient_found"] >= 0.965
    assert figures["recipient_top"] >= 0.95
    assert figures["money_normalised"] >= 0.95


def test_aiddata_gold_joins_its_text_and_scores(tmp_path):
    import json

    from pipeline.evaluate import evaluate
    from pipeline.gold import load_gold
    from pipeline.runner import run

    if not CSV.exists():
        pytest.skip("AidData descriptions absent")
    gold = load_gold(ROOT / "corpus" / "gold" / "aiddata.jsonl")
    assert len(gold) == 20 and all(doc.text and doc.spans for doc in gold)
    source = tmp_path / "gold_docs.jsonl"
    source.write_text("".join(json.dumps({"id": d.id, "text": d.text}) + "\n" for d in gold), encoding="utf-8")
    run([str(source)], tmp_path / "out", "parquet", progress=False)
    micro = evaluate(gold, tmp_path / "out").as_json()["labels"]["micro"]
    assert micro["partial"]["f1"] >= 0.9 and micro["normalised"]["f1"] >= 0.9
