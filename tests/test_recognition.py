"""Recognition rules on small sentences: context decides what a name or number is."""
import pytest

NORMALISED = {"COUNTRY": "country", "PLACE": "country", "VENDOR": "vendor", "MONEY": "value",
              "PERCENT": "value", "QUANTITY": "value", "DATE": "date"}


def found(result, label):
    return [(m.text, getattr(m, NORMALISED[label])) for m in result.mentions if m.label == label]


@pytest.mark.parametrize("text, label, expected", [
    ("Michael Jordan visited Jordan last week.", "COUNTRY", [("Jordan", "JO")]),
    ("Chad Smith said Chad would buy cameras.", "COUNTRY", [("Chad", "TD")]),
    ("Cameras in Latin America and the United States.", "COUNTRY", [("United States", "US")]),
    ("The Argentine peso lost half its value against the US dollar.", "COUNTRY", []),
    ("Argentina's peso fell against the dollar.", "COUNTRY", [("Argentina", "AR")]),
    ("Kenya's Nairobi County and the UAE's capital.", "COUNTRY", [("Kenya", "KE"), ("UAE", "AE")]),
    ("Chinese-made systems in Côte d’Ivoire and Viet Nam.", "COUNTRY", [("Chinese", "CN"), ("Côte d’Ivoire", "CI"), ("Viet Nam", "VN")]),
    ("Atlanta, Georgia and Tbilisi, Georgia.", "PLACE", [("Atlanta", "US"), ("Georgia", "US"), ("Tbilisi", "GE")]),
    ("Kuwait City and Mexico City bought systems.", "PLACE", [("Kuwait City", "KW"), ("Mexico City", "MX")]),
    ("Bolivia's deal covered La Paz and Santa Cruz.", "PLACE", [("La Paz", "BO"), ("Santa Cruz", "BO")]),
    ("Beijing said the deal was fair.", "PLACE", [("Beijing", "CN")]),
    ("Santa Cruz, California, bought cameras.", "PLACE", [("Santa Cruz", "US"), ("California", "US")]),
    ("London, Ontario, is not London.", "PLACE", [("London", "CA"), ("Ontario", "CA"), ("London", "GB")]),
    ("Police in Belgrade and Novi Sad.", "PLACE", [("Belgrade", "RS"), ("Novi Sad", "RS")]),
    ("Georgia Tech and Georgia O'Keeffe; the Georgia Government and Georgia's police.", "COUNTRY", [("Georgia", "GE"), ("Georgia", "GE")]),
    ("Huawei-installed cameras and Hangzhou Hikvision Digital Technology.", "VENDOR", [("Huawei", "Huawei"), ("Hangzhou Hikvision Digital Technology", "Hikvision")]),
    ("The camera deal went to Zhejiang Tianhe Vision Technology Co., Ltd. last year.", "VENDOR", [("Zhejiang Tianhe Vision Technology Co., Ltd.", "Zhejiang Tianhe Vision Technology")]),
    ("The road deal went to Zhejiang Tianhe Vision Technology Co., Ltd. last year.", "VENDOR", []),  # no surveillance: no unknown vendor
    ("China Eximbank Ltd financed it.", "VENDOR", []),
    ("ECU 911 and BOL-110 run on 5G; Section 3 and COVID-19 rules; Privacy Shield 2.0.", "QUANTITY", []),
    ("In 2022 alone, 2000 cameras were added.", "QUANTITY", [("2000", 2000.0)]),
    ("They installed 1,800 Chinese-made surveillance cameras.", "QUANTITY", [("1,800", 1800.0)]),
    ("Police fitted 12 of the 47 counties' systems and a dozen officers; the 3rd phase, 21st-century tools.", "QUANTITY", [("12", 12.0), ("47", 47.0), ("a dozen", 12.0)]),
    ("A 2,000-camera network, a 500-strong unit, a 15-year loan and the 5,000 km border.", "QUANTITY", [("2,000", 2000.0)]),
    ("Korea, KSA, Macau and Kosovo signed.", "COUNTRY", [("Korea", "KR"), ("KSA", "SA"), ("Macau", "MO"), ("Kosovo", "XK")]),
    ("It cost three times the estimate and twice the budget.", "QUANTITY", [("three times", 3.0), ("twice", 2.0)]),
    ("Crime fell 22 per cent and two-thirds of cameras failed.", "PERCENT", [("22 per cent", 22.0), ("two-thirds", 66.67)]),
    ("It paid US$1.2bn, then KSh 4.5 billion and 2 billion yuan.", "MONEY", [("US$1.2bn", 1.2e9), ("KSh 4.5 billion", 4.5e9), ("2 billion yuan", 2e9)]),
    ("Budgets ran from $1.2 million to $23.5 million.", "MONEY", [("$1.2 million", 1.2e6), ("$23.5 million", 2.35e7)]),
    ("In the first quarter of 2023, the 1990s, on 12/03/2022.", "DATE", [("2023", "2023"), ("the 1990s", "199"), ("12/03/2022", "2022-03-12")]),
    ("In 2022 and in March 2023, for six months.", "DATE", [("2022", "2022"), ("March 2023", "2023-03"), ("six months", "P6M")]),
    ("It cost 3 dollars 50 cents, then thirteen dollars and forty-five cents.", "MONEY", [("3 dollars 50 cents", 3.5), ("thirteen dollars and forty-five cents", 13.45)]),
    ("Between $10 and 20 firms bid; $15 and 20 cameras.", "MONEY", [("$10", 10.0), ("$15", 15.0)]),
    ("They paid 10 rmb 20 usd, then rmb 10 usd 20.", "MONEY", [("10 rmb", 10.0), ("20 usd", 20.0), ("rmb 10", 10.0), ("usd 20", 20.0)]),
    ("Losses of 30 MUSD and MEUR 120; half a million dollars.", "MONEY", [("30 MUSD", 3e7), ("MEUR 120", 1.2e8), ("half a million dollars", 5e5)]),
    ("A 1080p feed, 4K cameras and 30p stamps.", "MONEY", [("30p", 0.3)]),
    ("A 1080p feed and 4K cameras from 12 vendors.", "QUANTITY", [("12", 12.0)]),
    ("It fell minus five percent, per cent of twenty-two.", "PERCENT", [("minus five percent", -5.0), ("per cent of twenty-two", 22.0)]),
    ("Only 5 percent of 10 cameras work.", "PERCENT", [("5 percent", 5.0)]),
])
def test_recognition(annotate_text, text, label, expected):
    assert found(annotate_text(text), label) == expected


def test_money_details(annotate_text):
    result = annotate_text("Uganda's Sh2.4 billion deal; maintenance is over $4.7 million annually. R$ 15 million in Brazil.")
    money = [(m.text, m.currency, m.qualifier, m.period) for m in result.mentions if m.label == "MONEY"]
    assert money == [("Sh2.4 billion", "UGX", None, None), ("$4.7 million", "USD", "lower_bound", "year"),
                     ("R$ 15 million", "BRL", None, None)]


@pytest.mark.parametrize("text, expected", [
    ("a USD $900 million loan", ("USD $900 million", 9e8, "USD")),
    ("$1,190.00 AUD", ("$1,190.00 AUD", 1190.0, "AUD")),
    ("TT$100 million for Trinidad", ("TT$100 million", 1e8, "TTD")),
    ("the cost is 100元!", ("100元", 100.0, "CNY")),
    ("12,34,567.89 rupees in India", ("12,34,567.89 rupees", 1234567.89, "INR")),
    ("a one-yen bid", ("one-yen", 1.0, "JPY")),
    ("250 million Dutch guilders", ("250 million Dutch guilders", 2.5e8, "NLG")),
    ("c $ 16.4 million", ("c $ 16.4 million", 1.64e7, "CAD")),
    ("75 USD million", ("75 USD million", 7.5e7, "USD")),
    ("It cost Ksh.4.5 billion in Kenya.", ("Ksh.4.5 billion", 4.5e9, "KES")),
    ("Zambia paid K500 million.", ("K500 million", 5e8, "ZMW")),
    ("The price starts at dollar 22.5 million.", ("dollar 22.5 million", 2.25e7, "USD")),
    ("A $381.5 million loan", ("$381.5 million", 3.815e8, "USD")),
])
def test_money_forms(annotate_text, text, expected):
    money = [(m.text, m.value, m.currency) for m in annotate_text(text).mentions if m.label == "MONEY"]
    assert money == [(expected[0], pytest.approx(expected[1]), expected[2])]


@pytest.mark.parametrize("text, expected", [
    ("It will cost $1-2 million.", [("MONEY", "$1", 1e6, "USD"), ("MONEY", "2 million", 2e6, "USD")]),
    ("About 10-15% of the budget.", [("PERCENT", "10", 10.0, None), ("PERCENT", "15%", 15.0, None)]),
    ("Some 20,000 to 30,000 cameras.", [("QUANTITY", "20,000", 2e4, None), ("QUANTITY", "30,000", 3e4, None)]),
    ("Between two and six birr.", [("MONEY", "two", 2.0, "ETB"), ("MONEY", "six birr", 6.0, "ETB")]),
    ("Jobs rose from 60,000 to 1.5 million people.", [("QUANTITY", "60,000", 6e4, None), ("QUANTITY", "1.5 million", 1.5e6, None)]),
    ("Decree No. 6-2007 and SUN2000-185 inverters.", []),
])
def test_ranges_written_once_give_two_mentions(annotate_text, text, expected):
    found = [(m.label, m.text, m.value, m.currency) for m in annotate_text(text).mentions if m.label in ("MONEY", "PERCENT", "QUANTITY")]
    assert found == [(label, span, pytest.approx(value), currency) for label, span, value, currency in expected]


def test_partitive_counts_take_the_noun_after(annotate_text):
    result = annotate_text("Only 5,000 of its 10,000 cameras work in 12 of the 47 counties.")
    assert [(m.text, m.unit) for m in result.mentions if m.label == "QUANTITY"] == [
        ("5,000", "camera"), ("10,000", "camera"), ("12", "county"), ("47", "county")]


def test_month_alone_takes_the_publication_year(annotate_text):
    result = annotate_text("In May the city bought cameras; last May it had none. Theresa May said it may rain.", "2024-05-02")
    assert found(result, "DATE") == [("May", "2024-05"), ("last May", "2023-05")]
    result = annotate_text("On May 15, 2017, the bank signed. In June, it paid.", "2024-05-02")
    assert found(result, "DATE") == [("May 15, 2017", "2017-05-15"), ("June", "2017-06")]
    # a year past publication (a term's end) sets no year: the month is the publication year's
    result = annotate_text("The contract runs from 2019 to 2028. In April, the council approved it.", "2020-08-10")
    assert found(result, "DATE") == [("2019", "2019"), ("2028", "2028"), ("April", "2020-04")]


def test_relative_date_uses_publication_date(annotate_text):
    result = annotate_text("Last year the city bought cameras.", "2024-05-02")
    assert found(result, "DATE") == [("Last year", "2023")]


@pytest.mark.parametrize("text, country", [
    ("In 2017, Bank of China provided a $200 million loan to the National Bank of Pakistan.", "PK"),
    ("State Grid Brazil Holding S.A. signed a $240,000,000 loan with China Eximbank.", "BR"),
    ("Banco de Crédito del Perú and China Development Bank signed a $150 million loan agreement.", "PE"),
    ("China Eximbank lent $50 million for the project.", None),
    ("The US Eximbank and Japan Bank for International Cooperation lent $2.2 billion.", None),
])
def test_borrower_named_inside_an_organisation(annotate_text, text, country):
    result = annotate_text(text)
    money = [c for c in result.claims if c.mention.label == "MONEY"]
    assert [c.country for c in money] == [country]
    assert all(m.label != "COUNTRY" for m in result.mentions)  # inside names: no mention


def test_a_fact_several_countries_share_has_no_country(annotate_text):
    result = annotate_text("Kenya, Uganda and Zambia have together borrowed over $500 million. Kenya paid $5 million.")
    assert [(c.mention.text, c.country) for c in result.claims] == [("$500 million", None), ("$5 million", "KE")]
