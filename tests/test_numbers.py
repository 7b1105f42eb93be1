"""parse_number and parse_percent pinned by examples."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.normalise.numbers import parse_digits, parse_number, parse_percent


@pytest.mark.parametrize("text, value", [
    ("1,800", 1800), ("70", 70), ("3.8", 3.8), (".5", 0.5), ("1,234,567.89", 1234567.89),
    ("3.8 billion", 3.8e9), ("1.2 million", 1.2e6), ("1.2bn", 1.2e9), ("12m", 1.2e7), ("€12m"[1:], 1.2e7),
    ("4.5 bn", 4.5e9), ("5 k", 5000), ("10k", 10000), ("2 tn", 2e12), ("1.41 mn", 1.41e6),
    ("32.8 billion", 3.28e10), ("1,200 crore", 1.2e10), ("2.75 lakh", 275000), ("3 lakh", 300000),
    ("two", 2), ("three", 3), ("twelve", 12), ("twenty-five", 25), ("twenty five", 25),
    ("ninety-nine", 99), ("one hundred", 100), ("one hundred and fifty", 150), ("two hundred million", 2e8),
    ("a billion", 1e9), ("a million", 1e6), ("two billion", 2e9), ("twenty five million", 2.5e7),
    ("a dozen", 12), ("half a dozen", 6), ("3 million 444 thousand 800", 3444800), ("26 thousand 577 million", 2.6577e10), ("120 000 000", 1.2e8), ("3 200", 3200), ("a thousand", 1000),
    ("one thousand two hundred", 1200), ("Two Thousand, One Hundred and Seventy-Five", 2175),
    ("two crore fifty lakh", 2.5e7), ("one million two hundred thousand", 1.2e6), ("1.5 thousand", 1500),
    ("12,34,567.89", 1234567.89), ("1,00,000", 100000), ("half million", 5e5), ("half a million", 5e5), ("354.000.000", 3.54e8), ("1.2.3", None), ("6 118 846.47", 6118846.47), ("200'000", 2e5), ("1’250’000.50", 1250000.5), ("20'00", None), ("a quarter of a million", 2.5e5), ("of a million", None),
    ("a quarter million", 2.5e5), ("quarter million", 2.5e5), ("three quarters billion", 7.5e8),
    ("one and a half billion", 1.5e9), ("two and a half million", 2.5e6), ("1 and a half million", 1.5e6),
    ("a half", 0.5), ("forty-five", 45), ("ninety nine", 99), ("1.2 mln", 1.2e6), ("3 bln", 3e9), ("9.46 quadrillion", 9.46e15),
])
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "abc", "1.2.3", "2 3", "1e5", "million dollars", "a", "-", "twenty apples", None, 42])
def test_parse_number_unknown(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("text, value", [
    ("1,000", 1000), ("1000", 1000), ("0.5", 0.5), ("1 000 000", 1e6), ("12,34,567.89", 1234567.89),
    ("31.500", 31.5), ("1,234.5", 1234.5),
])
def test_parse_digits(text, value):
    assert parse_digits(text) == value


@pytest.mark.parametrize("text", ["1,00", "1..2", "x", "", "1,2", "1.234,56", "12,3,456", None])
def test_parse_digits_unknown(text):
    assert parse_digits(text) is None


@pytest.mark.parametrize("text, value", [
    ("35%", 35), ("35 %", 35), ("22 percent", 22), ("19 per cent", 19), ("5.5 percentage points", 5.5),
    ("40 por ciento", 40), ("25 pour cent", 25),
    ("2 pct", 2), ("twenty percent", 20), ("a third", 33.33), ("two-thirds", 66.67), ("half", 50),
    ("a quarter", 25), ("three-quarters", 75), ("one fifth", 20), ("100%", 100), ("0.5%", 0.5),
])
def test_parse_percent(text, value):
    assert parse_percent(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["35", "percent", "x%", "", None])
def test_parse_percent_unknown(text):
    assert parse_percent(text) is None


@given(st.text(max_size=40))
def test_number_normalisers_never_raise(text):
    for function in (parse_number, parse_percent, parse_digits):
        result = function(text)
        assert result is None or isinstance(result, float)
