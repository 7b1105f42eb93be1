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
    ("Kenya's Nairobi County and the UAE's capital.", "COUNTRY", [("Kenya", "KE"), ("UAE", "AE")]),
    ("Chinese-made systems in Côte d’Ivoire and Viet Nam.", "COUNTRY", [("Chinese", "CN"), ("Côte d’Ivoire", "CI"), ("Viet Nam", "VN")]),
    ("Atlanta, Georgia and Tbilisi, Georgia.", "PLACE", [("Atlanta", "US"), ("Georgia", "US"), ("Tbilisi", "GE")]),
    ("Kuwait City and Mexico City bought systems.", "PLACE", [("Kuwait City", "KW"), ("Mexico City", "MX")]),
    ("Bolivia's deal covered La Paz and Santa Cruz.", "PLACE", [("La Paz", "BO"), ("Santa Cruz", "BO")]),
    ("Beijing said the deal was fair.", "PLACE", [("Beijing", "CN")]),
    ("Huawei-installed cameras and Hangzhou Hikvision Digital Technology.", "VENDOR", [("Huawei", "Huawei"), ("Hangzhou Hikvision Digital Technology", "Hikvision")]),
    ("The deal went to Shenzhen Infinova Technology Co., Ltd. last year.", "VENDOR", [("Shenzhen Infinova Technology Co., Ltd.", "Shenzhen Infinova Technology")]),
    ("China Eximbank Ltd financed it.", "VENDOR", []),
    ("ECU 911 and BOL-110 run on 5G; Section 3 and COVID-19 rules; Privacy Shield 2.0.", "QUANTITY", []),
    ("In 2022 alone, 2000 cameras were added.", "QUANTITY", [("2000", 2000.0)]),
    ("They installed 1,800 Chinese-made surveillance cameras.", "QUANTITY", [("1,800", 1800.0)]),
    ("It cost three times the estimate and twice the budget.", "QUANTITY", [("three times", 3.0), ("twice", 2.0)]),
    ("Crime fell 22 per cent and two-thirds of cameras failed.", "PERCENT", [("22 per cent", 22.0), ("two-thirds", 66.67)]),
    ("It paid US$1.2bn, then KSh 4.5 billion and 2 billion yuan.", "MONEY", [("US$1.2bn", 1.2e9), ("KSh 4.5 billion", 4.5e9), ("2 billion yuan", 2e9)]),
    ("Budgets ran from $1.2 million to $23.5 million.", "MONEY", [("$1.2 million", 1.2e6), ("$23.5 million", 2.35e7)]),
    ("In 2022 and in March 2023, for six months.", "DATE", [("2022", "2022"), ("March 2023", "2023-03"), ("six months", "P6M")]),
])
def test_recognition(annotate_text, text, label, expected):
    assert found(annotate_text(text), label) == expected


def test_money_details(annotate_text):
    result = annotate_text("Uganda's Sh2.4 billion deal; maintenance is over $4.7 million annually. R$ 15 million in Brazil.")
    money = [(m.text, m.currency, m.qualifier, m.period) for m in result.mentions if m.label == "MONEY"]
    assert money == [("Sh2.4 billion", "UGX", None, None), ("$4.7 million", "USD", "lower_bound", "year"),
                     ("R$ 15 million", "BRL", None, None)]


def test_relative_date_uses_publication_date(annotate_text):
    result = annotate_text("Last year the city bought cameras.", "2024-05-02")
    assert found(result, "DATE") == [("Last year", "2023")]
