"""Overlap resolution: the longest mention wins, then the label of higher priority."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.components.resolver import resolve_overlaps
from pipeline.mention import Mention

PRIORITY = {"MONEY": 7, "PERCENT": 6, "VENDOR": 5, "PLACE": 4, "COUNTRY": 3, "QUANTITY": 2, "DATE": 1}


def mention(label, start, end):
    return Mention(label=label, start=start, end=end, text="x" * (end - start), source="test")


@pytest.mark.parametrize("found, kept", [
    ([("QUANTITY", 1, 12), ("MONEY", 0, 12)], [("MONEY", 0, 12)]),  # "$4.7 million" over "4.7 million"
    ([("DATE", 0, 4), ("QUANTITY", 0, 12)], [("QUANTITY", 0, 12)]),  # "2000 cameras" over the year
    ([("COUNTRY", 0, 5), ("PLACE", 0, 5)], [("PLACE", 0, 5)]),  # same length: priority
    ([("DATE", 10, 14), ("MONEY", 0, 5), ("COUNTRY", 5, 10)], [("MONEY", 0, 5), ("COUNTRY", 5, 10), ("DATE", 10, 14)]),
    ([("DATE", 3, 3), ("MONEY", 0, 2)], [("MONEY", 0, 2)]),  # empty spans are dropped
    ([("VENDOR", 2, 8), ("COUNTRY", 0, 4), ("DATE", 6, 10)], [("VENDOR", 2, 8)]),
    ([], []),
])
def test_resolve_overlaps(found, kept):
    result = resolve_overlaps([mention(*f) for f in found], PRIORITY)
    assert [(m.label, m.start, m.end) for m in result] == kept


@given(st.lists(st.tuples(st.sampled_from(sorted(PRIORITY)), st.integers(0, 30), st.integers(0, 8)), max_size=25))
def test_resolve_overlaps_is_greedy_longest_first(spans):
    found = [mention(label, start, start + length) for label, start, length in spans]
    ranked = sorted(found, key=lambda m: (m.start - m.end, -PRIORITY[m.label], m.start))
    expected = []
    for m in ranked:  # the rule written plainly: a mention is kept unless a kept one overlaps it
        if m.end > m.start and all(m.end <= k.start or m.start >= k.end for k in expected):
            expected.append(m)
    assert resolve_overlaps(found, PRIORITY) == sorted(expected, key=lambda m: (m.start, m.end))


@pytest.mark.parametrize("text, expected", [
    ("A school board in Georgia paid $490,000 for cameras, like many US counties.", [("PLACE", "US")]),
    ("Georgia paid $5 million for cameras, Tbilisi's mayor said.", [("COUNTRY", "GE")]),
    ("Georgia bought cameras, the United States and Tbilisi said.", [("COUNTRY", "GE")]),
    ("Georgia bought 500 cameras.", [("COUNTRY", "GE")]),
])
def test_georgia_is_the_state_in_a_story_about_the_us(annotate_text, text, expected):
    found = [(m.label, m.country) for m in annotate_text(text).mentions if m.text == "Georgia"]
    assert found == expected


@pytest.mark.parametrize("text, vendors", [
    ("State-run Ethio Telecom said it has selected Huawei and ZTE to roll out 4G.", ["Huawei", "ZTE"]),
    ("Orange picked Ericsson for its network from Nokia.", ["Ericsson", "Nokia"]),
    ("MTN bought 300 surveillance cameras from Huawei.", ["Huawei"]),
    ("Mobile carrier Safaricom on Tuesday signed a contract with the government to build it.", ["Safaricom"]),
    ("Safaricom was selected to build the Nairobi safe city network.", ["Safaricom"]),  # a passive: the supplier
    ("Safaricom installed 1,800 cameras in Nairobi.", ["Safaricom"]),
    ("Safaricom runs Nairobi's cameras. Safaricom and Airtel jointly bought Yu.", ["Safaricom", "Safaricom"]),  # named otherwise too
])
def test_an_operator_named_as_the_buyer_is_no_vendor(annotate_text, text, vendors):
    assert [m.vendor for m in annotate_text(text).mentions if m.label == "VENDOR"] == vendors
