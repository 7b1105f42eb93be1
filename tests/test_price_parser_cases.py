"""scrapinghub price-parser's own test cases (../shared/external/price-parser, skipped when absent)
applied to claimtrace's normalisers and recogniser.

Which cases apply: claimtrace reads numbers the English way ("1,234.56"; "31.500" is 31.5), so
only amounts written that way are compared (price-parser's European "1.234,56" and its guesses
that "31.500" means 31500 are not); and a currency sign made only of letters is taken before the
number ("Rp 5,000"), not after it ("5,000 Rp"), and codes that are also English words ("GEL",
"TOP") only before it, so those cases are left out of the recogniser test.
"""
import json
import re

import pytest

from tests.conftest import SHARED

CASES_FILE = SHARED / "external" / "price-parser" / "price_parsing_cases.jsonl"
AMBIGUOUS_THOUSANDS = re.compile(r"\d{1,3}\.\d{3}")


def load_cases() -> list[dict]:
    if not CASES_FILE.exists():
        return []
    cases = [json.loads(line) for line in CASES_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [c for c in cases if not c["expected_to_fail_upstream"] and c["amount"] is not None
            and c.get("decimal_separator") in (None, ".")]


def english_amount(case: dict) -> bool:
    from pipeline.normalise.numbers import parse_digits

    text = case["amount_text"]
    return parse_digits(text) is not None and not AMBIGUOUS_THOUSANDS.fullmatch(text)


def recognisable(case: dict) -> bool:
    from pipeline.normalise.money import currency_tables, currency_target

    sign = case["currency"]
    if not sign or case.get("currency_hint") or not english_amount(case) or currency_target(sign) is None:
        return False
    written_before = case["price_raw"].find(sign) < case["price_raw"].find(case["amount_text"])
    if sign in currency_tables().codes_only_before and not written_before:
        return False
    letters_only = sign.replace(".", "").isalpha() and sign.isascii()
    return written_before or not letters_only or sign.isupper() and len(sign) == 3


AMOUNT_CASES = [c for c in load_cases() if english_amount(c)]
STRING_CASES = [c for c in load_cases() if recognisable(c)]


@pytest.mark.parametrize("case", AMOUNT_CASES, ids=lambda c: c["price_raw"])
def test_amount_text(case):
    from pipeline.normalise.numbers import parse_number

    assert parse_number(case["amount_text"]) == pytest.approx(float(case["amount"]))


@pytest.mark.parametrize("case", STRING_CASES, ids=lambda c: c["price_raw"])
def test_price_string(annotate_text, case):
    from pipeline.normalise.money import currency_target, resolve_currency

    money = [m for m in annotate_text(case["price_raw"]).mentions if m.label == "MONEY"]
    assert money, "no MONEY found"
    assert money[0].value == pytest.approx(float(case["amount"]))
    assert money[0].currency == resolve_currency(currency_target(case["currency"]))


def test_enough_cases_apply():
    if not CASES_FILE.exists():
        pytest.skip("../shared is absent")
    assert len(AMOUNT_CASES) >= 600 and len(STRING_CASES) >= 150
