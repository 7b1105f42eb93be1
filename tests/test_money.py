"""Currency resolution pinned by examples: signs, codes, names and context (SPEC)."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.normalise.money import (
    compatible_targets,
    currency_target,
    named_dollar,
    resolve_currency,
    unit_multiplier,
)


@pytest.mark.parametrize("written, countries, iso", [
    ("$", (), "USD"), ("US$", (), "USD"), ("USD", (), "USD"), ("€", (), "EUR"), ("£", (), "GBP"),
    ("RMB", (), "CNY"), ("yuan", (), "CNY"), ("renminbi", (), "CNY"), ("KSh", (), "KES"),
    ("KSh", ("UG",), "KES"), ("Sh", ("UG",), "UGX"), ("Sh", ("TZ",), "TZS"), ("Sh", ("KE",), "KES"),
    ("Sh", (), "KES"), ("shillings", ("UG", "KE"), "UGX"), ("R$", (), "BRL"), ("Rs", ("PK",), "PKR"),
    ("Rs", ("LK",), "LKR"), ("Rs", (), "INR"), ("rupees", ("NP",), "NPR"), ("₹", ("PK",), "INR"),
    ("₦", (), "NGN"), ("naira", (), "NGN"), ("rand", (), "ZAR"), ("tenge", (), "KZT"), ("lari", (), "GEL"),
    ("reais", (), "BRL"), ("pesos", ("PH",), "PHP"), ("pesos", (), "MXN"), ("euros", (), "EUR"),
    ("pounds", (), "GBP"), ("pounds", ("EG",), "EGP"), ("Egyptian pounds", (), "EGP"),
    ("Hong Kong dollars", (), "HKD"), ("HK$", (), "HKD"), ("C$", (), "CAD"), ("A$", (), "AUD"),
    ("dollars", (), "USD"), ("cents", (), "USD"), ("pence", (), "GBP"), ("¥", ("JP",), "JPY"),
    ("¥", (), "JPY"), ("¥", ("ZM", "CN"), "CNY"), ("CFA francs", ("SN",), "XOF"), ("CFA francs", ("CM",), "XAF"),
    ("kwacha", ("MW",), "MWK"), ("kwacha", (), "ZMW"), ("JPY", (), "JPY"), ("birr", (), "ETB"),
    ("usd", (), "USD"), ("rmb", (), "CNY"), ("usd$", (), "USD"), ("mxn$", (), "MXN"), ("cad$", (), "CAD"),
    ("MUSD", (), "USD"), ("MGBP", (), "GBP"), ("c $", (), "CAD"), ("hk $", (), "HKD"), ("元", (), "CNY"),
    ("ringgits", (), "MYR"), ("nairas", (), "NGN"), ("centavos", ("BR",), "BRL"), ("centavos", (), "MXN"),
    ("kobo", (), "NGN"), ("paise", ("PK",), "PKR"), ("₡", (), "CRC"), ("₭", (), "LAK"), ("Dutch guilders", (), "NLG"), ("bitcoins", (), "XBT"), ("₿", (), "XBT"),
    ("ரூ", ("LK",), "LKR"), ("US dollars", ("CA",), "USD"), ("Mex$", (), "MXN"), ("S$", (), "SGD"),
])
def test_currency(written, countries, iso):
    assert resolve_currency(currency_target(written), countries) == iso


def test_dollar_follows_the_dollar_the_text_names():
    assert resolve_currency("dollar", (), named_dollar("paid in Hong Kong dollars")) == "HKD"
    assert named_dollar("US$ and $") is None
    assert named_dollar("S$5m") == "SGD"
    assert named_dollar("HK$ and NZ$") is None  # two other dollars: none wins
    assert named_dollar("It paid AUD $52 million (US$39.6 million); then $100 million.") == "AUD"  # a code and "$"
    assert named_dollar("CAD$5 million") == "CAD"
    assert named_dollar("Axon ($AXON) made $504 million") is None  # a ticker names no dollar
    assert named_dollar("It paid $A40 million") == "AUD"


@pytest.mark.parametrize("written, multiplier", [
    ("cents", 0.01), ("pence", 0.01), ("p", 0.01), ("dollars", 1), ("", 1), ("USD", 1), ("usd", 1),
    ("MUSD", 1e6), ("MEUR", 1e6), ("kEUR", 1e3), ("MAUD", 1e6), (None, 1),
])
def test_unit_multiplier(written, multiplier):
    assert unit_multiplier(written) == multiplier


@pytest.mark.parametrize("first, second, same", [
    ("dollar", "AUD", True), ("USD", "dollar", True), ("CNY", "USD", False), ("cfa_franc", "franc", True),
    ("rupee", "PKR", True), ("EUR", "EUR", True), ("shilling", "INR", False), (None, "USD", False),
])
def test_compatible_targets(first, second, same):
    assert compatible_targets(first, second) is same


@pytest.mark.parametrize("written, countries, iso", [
    # pycountry's names of more than one word, with the plurals of their last word
    ("Belarusian rubles", (), "BYN"), ("Moldovan lei", (), "MDL"), ("Convertible marks", (), "BAM"),
    ("Fiji dollars", (), "FJD"), ("Trinidad and Tobago dollars", (), "TTD"), ("Zimbabwe Gold", (), "ZWG"),
    # a country's adjective before a currency word of that country
    ("Uzbek soums", (), "UZS"), ("Kyrgyz soms", (), "KGS"), ("Mongolian tugriks", (), "MNT"),
    ("Angolan kwanzas", (), "AOA"), ("Cambodian riels", (), "KHR"), ("Senegalese francs", (), "XOF"),
    ("Gabonese francs", (), "XAF"), ("Ugandan shillings", ("KE",), "UGX"), ("Omani rials", (), "OMR"),
    # signs with the country's letters after "$", local abbreviations, new subunits
    ("$NZ", (), "NZD"), ("$C", (), "CAD"), ("$US", (), "USD"), ("N$", (), "NAD"), ("NIS", (), "ILS"),
    ("Ush", (), "UGX"), ("Dh", ("MA",), "MAD"), ("Dh", (), "AED"), ("sen", ("ID",), "IDR"), ("sen", (), "MYR"),
    ("satoshis", (), "XBT"), ("mao", (), "CNY"), ("shekels", (), "ILS"),
])
def test_currency_names_from_pycountry_and_demonyms(written, countries, iso):
    assert resolve_currency(currency_target(written), countries) == iso


@pytest.mark.parametrize("written, multiplier", [
    ("satoshi", 1e-8), ("mao", 0.1), ("jiao", 0.1), ("fen", 0.01), ("sen", 0.01),
])
def test_new_subunit_multipliers(written, multiplier):
    assert unit_multiplier(written) == pytest.approx(multiplier)


@pytest.mark.parametrize("written", [
    # one-word pycountry names are left to currencies.yaml: several are English words
    "gold", "silver", "platinum", "mvdol", "sucre", "Fiji", "Uzbek", "Kenyan", "Mongolian",
    "Gold Markets Unit", "US Dollar (Next day)",
])
def test_one_word_pycountry_names_and_adjectives_alone_are_no_currency(written):
    assert currency_target(written) is None


@pytest.mark.parametrize("written", ["xyz", "", "Dollar Tree", None, "all", "mad", "try", "MUSDX"])
def test_unknown_currency(written):
    assert resolve_currency(currency_target(written)) is None


@given(st.text(max_size=20), st.lists(st.text(max_size=3), max_size=3))
def test_currency_never_raises(written, countries):
    resolve_currency(currency_target(written), countries, named_dollar(written))
    assert unit_multiplier(written) > 0
    assert compatible_targets(written, currency_target(written) or "USD") in (True, False)
