"""The seed article (../shared/seed): countries, vendors, money and claims (issues 2 and 5)."""
import pytest

from tests.conftest import SEED, needs_shared

pytestmark = needs_shared


@pytest.fixture(scope="module")
def seed(annotate_text):
    text = SEED.read_text(encoding="utf-8")
    return text, annotate_text(text)


def test_seed_countries_vendors_money(seed):
    text, result = seed
    countries = {m.country for m in result.mentions if m.label == "COUNTRY"}
    assert {"KE", "PK", "EC", "ZM", "ZW", "UG", "ET", "IN"} <= countries
    vendors = {m.vendor for m in result.mentions if m.label == "VENDOR"}
    assert {"Huawei", "Hikvision", "Bharat Electronics"} <= vendors
    money = {(m.value, m.currency) for m in result.mentions if m.label == "MONEY"}
    assert {(3.8e9, "USD"), (1e8, "USD"), (4.7e6, "USD"), (3e7, "USD")} <= money
    for m in result.mentions:
        assert text[m.start:m.end] == m.text


def test_seed_claims(seed):
    _, result = seed
    by_text = {c.mention.text: c for c in result.claims}
    for fact in ("$100 million", "2,000", "450", "30%", "$4.7 million"):
        assert by_text[fact].country == "PK", fact
    assert by_text["$4.7 million"].mention.period == "year"
    for fact in ("1,800", "22%"):
        assert by_text[fact].country == "KE", fact
    assert by_text["35%"].country == "EC"
    assert by_text["$30 million"].country == "UG"
    assert by_text["40%"].country == "IN" and by_text["40%"].vendors == ["Bharat Electronics"]
    assert by_text["2%"].country == "ET" and by_text["2%"].vendors == ["Hikvision"]
    assert by_text["68%"].country is None and by_text["68%"].claimant == "A 2023 EU report"
    assert by_text["2,000"].mention.qualifier == "lower_bound" and by_text["2,000"].mention.unit == "camera"
