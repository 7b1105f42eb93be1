"""The unit of a count: singular lemma of the counted noun."""
import pytest

from pipeline.normalise.units import plural_to_singular, unit_lemma


@pytest.mark.parametrize("word, unit", [
    ("cameras", "camera"), ("cases", "case"), ("countries", "country"), ("people", "person"),
    ("officers", "officer"), ("camera", "camera"), ("Chinese-made", "made"), ("centres", "centre"),
    ("", None), (None, None), ("123", None), ("EOSs", "eos"), ("UAVs", "uav"), ("EVs", "ev"),
    # plurals the singulariser does not know (`irregular_plurals`)
    ("memoranda", "memorandum"), ("criteria", "criterion"), ("consortia", "consortium"),
])
def test_unit_lemma(word, unit):
    assert unit_lemma(word) == unit


@pytest.mark.parametrize("word", ["serious", "various", "this", "process", "analysis", "police", "camera"])
def test_not_plural(word):
    assert plural_to_singular(word) is None
