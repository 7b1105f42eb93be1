"""The eval gate: no score of the bundled corpus drops more than the tolerance below its floor in
tests/eval_baseline.json. Raise or reset the floors deliberately with
`python scripts/update_eval_baseline.py` and commit the diff with the change that moved them."""
import json

import pytest

from pipeline.evaluate import evaluate, headline_scores
from pipeline.gold import load_gold
from tests.conftest import ROOT

BASELINE = json.loads((ROOT / "tests" / "eval_baseline.json").read_text(encoding="utf-8"))


def below_floor(scores: dict[str, float], floors: dict[str, float], tolerance: float) -> dict:
    """{score: (floor, score now)} for every floor the score falls more than `tolerance` below; a
    score the evaluation no longer gives counts as 0."""
    return {key: (floor, scores.get(key, 0.0)) for key, floor in floors.items()
            if scores.get(key, 0.0) < floor - tolerance}


def test_no_score_drops_below_its_floor(corpus_run_dir):
    scores = headline_scores(evaluate(load_gold(ROOT / BASELINE["gold"]), corpus_run_dir).as_json())
    dropped = below_floor(scores, BASELINE["floors"], BASELINE["tolerance"])
    assert not dropped, f"below the floor (floor, now): {dropped}; if intended: python scripts/update_eval_baseline.py"


def test_the_gate_holds_the_headline_scores():
    assert BASELINE["tolerance"] <= 0.01
    assert {"labels.micro.normalised.f1", "attachment.country", "attachment.vendors", "attachment.claimant",
            "attachment.deal", "deals.f1", "deals.merge.f1"} <= set(BASELINE["floors"])
    assert BASELINE["floors"]["labels.micro.normalised.f1"] >= 0.9


@pytest.mark.parametrize("now, dropped", [
    ({"a": 0.900, "b": 0.5}, {}),                     # exactly at the floor
    ({"a": 0.896, "b": 0.5}, {}),                     # within the tolerance
    ({"a": 0.894, "b": 0.5}, {"a": (0.9, 0.894)}),    # more than the tolerance below
    ({"b": 0.7}, {"a": (0.9, 0.0)}),                  # a score no longer given
])
def test_below_floor(now, dropped):
    assert below_floor(now, {"a": 0.9, "b": 0.5}, 0.005) == dropped
