"""Dates and durations to ISO 8601 at the precision written, pinned by examples."""
import functools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.normalise import dates
from pipeline.normalise.dates import parse_date, parse_published


@pytest.mark.parametrize("text, published, iso", [
    ("14 March 2024", None, "2024-03-14"), ("March 14, 2024", None, "2024-03-14"),
    ("14th of March 2024", None, "2024-03-14"), ("Mar. 14, 2024", None, "2024-03-14"),
    ("January 2023", None, "2023-01"), ("2021", None, "2021"), ("mid-2020", None, "2020"),
    ("2024-03-14", None, "2024-03-14"), ("six months", None, "P6M"), ("a decade", None, "P10Y"),
    ("the past decade", None, "P10Y"), ("15-year", None, "P15Y"), ("20-year", None, "P20Y"),
    ("two years", None, "P2Y"), ("three weeks", None, "P3W"), ("the past five years", None, "P5Y"),
    ("18 months", None, "P18M"), ("a century", None, "P100Y"),
    ("last year", "2024-05-02", "2023"), ("this year", "2023-08-22", "2023"),
    ("last month", "2024-01-15", "2023-12"), ("yesterday", "2024-03-01", "2024-02-29"),
    ("two years ago", "2024-05-02", "2022"), ("14 March", "2024-05-02", "2024-03-14"),
    ("May 5", "2024-05-02", "2024-05-05"), ("12/03/2022", None, "2022-03-12"), ("25/12/2021", None, "2021-12-25"),
    ("2022/03/12", None, "2022-03-12"), ("12.03.2022", None, "2022-03-12"), ("the 1990s", None, "199"),
    ("2010s", None, "201"), ("last week", "2024-05-02", "2024-W17"), ("May", "2024-05-02", "2024-05"),
    ("last May", "2024-05-02", "2023-05"), ("next June", "2024-05-02", "2025-06"), ("next week", "2024-12-30", "2025-W02"), ("Sept 2021", None, "2021-09"), ("the first six months", None, "P6M"),
    # a month of a year told relatively; a capitalised unit, a non-breaking hyphen, a count repeated in digits
    ("June of next year", "2024-01-10", "2025-06"), ("March of last year", "2024-01-10", "2023-03"),
    ("10-Year", None, "P10Y"), ("10\u2011year", None, "P10Y"), ("three (3) years", None, "P3Y"),
])
def test_parse_date(text, published, iso):
    assert parse_date(text, published) == iso


@pytest.mark.parametrize("text, published", [
    ("last year", None), ("14 March", None), ("31 February 2024", None), ("1850", None), ("foo", None),
    ("", None), (None, None), ("1.5 years", None), ("two years ago", None), ("31/02/2022", None),
    ("Q1", None), ("sometime", "2024-05-02"), ("May", None),
    # a stretch in the plural without a number has no length
    ("the coming years", "2024-05-02"), ("the past months", None),
])
def test_parse_date_unknown(text, published):
    assert parse_date(text, published) is None


@pytest.mark.parametrize("value, iso", [
    ("2024-03-14", "2024-03-14"), ("2024-03-14T10:00:00Z", "2024-03-14"), ("14 March 2024", "2024-03-14"),
    ("Tue, 14 Mar 2024 10:00:00 GMT", "2024-03-14"), ("March 2024", "2024-03"), ("2023", "2023"),
    ("30 April 2024", "2024-04-30"), (None, None), ("", None), ("nan", None), ("yesterday", None),
    ("nonsense", None),
])
def test_parse_published(value, iso):
    assert parse_published(value) == iso


@given(st.text(max_size=30), st.one_of(st.none(), st.text(max_size=12)))
def test_date_normalisers_never_raise(text, published):
    parse_date(text, published)
    parse_published(text)


# Dates in digits are read by the grammar, as dateparser reads them, without loading dateparser;
# the rows that are no date in the grammar's reading go on to dateparser.
NUMERIC_DEVELOPMENT = [
    ("12/03/2022", "2022-03-12"), ("12/20/2020", "2020-12-20"), ("3.13.2020", "2020-03-13"),
    ("2020/20/12", "2020-12-20"), ("29/02/2020", "2020-02-29"), ("2022/3/9", "2022-03-09"),
]
NUMERIC_HELD_OUT = [("01/02/2003", "2003-02-01"), ("2019/1/31", "2019-01-31"), ("31.12.1999", "1999-12-31")]
NUMERIC_TO_DATEPARSER = ["31/02/2022", "29/02/2023", "13/13/2020", "2020/13/13", "00/00/2020"]


@pytest.mark.parametrize("text, iso", NUMERIC_DEVELOPMENT + NUMERIC_HELD_OUT)
def test_numeric_date_read_as_dateparser_would(text, iso, monkeypatch):
    assert dates.written_date(text) == iso  # dateparser's reading
    asked = _count_dateparser(monkeypatch)
    assert parse_date(text) == iso
    assert asked == []


@pytest.mark.parametrize("text", NUMERIC_TO_DATEPARSER)
def test_numeric_date_not_read_goes_to_dateparser(text, monkeypatch):
    asked = _count_dateparser(monkeypatch)
    parse_date(text)
    assert asked == [text]


def _count_dateparser(monkeypatch) -> list[str]:
    """The texts given to dateparser from now on (it then finds nothing), with a reading cache
    of the test's own."""
    asked = []

    class Parser:
        def get_date_data(self, text):
            asked.append(text)

    monkeypatch.setattr(dates, "_parse_date", functools.lru_cache(dates._parse_date.__wrapped__))
    monkeypatch.setattr(dates, "_date_data_parser", Parser)
    return asked


@functools.cache
def dates_nlp():
    import spacy

    import pipeline.components  # noqa: F401  (registers the factories)
    nlp = spacy.blank("en")
    nlp.add_pipe("claimtrace_dates")
    return nlp


# A month named alone after a cue or a relative word, found only where such a word starts (any
# case re matches without case, "İn", "ſince", as the month pattern does): (text, dates found)
MONTH_ALONE_DEVELOPMENT = [
    ("It opened in May.", ["May"]), ("by June", ["June"]), ("Last May", ["Last May"]), ("within May", []),
    ("In May 2020", ["May 2020"]), ("in-May", []), ("early\nAugust it rained", ["August"]),
]
MONTH_ALONE_HELD_OUT = [
    ("İn May it opened.", ["May"]), ("ſince March the cameras", ["March"]), ("ThIs May", ["ThIs May"]),
    ("the mid July launch", ["July"]),
]


@pytest.mark.parametrize("text, found", MONTH_ALONE_DEVELOPMENT + MONTH_ALONE_HELD_OUT)
def test_month_alone_after_its_cue(text, found):
    assert [m.text for m in dates_nlp()(text)._.mentions] == found


@pytest.mark.parametrize("text, found", [
    # a year inside a document's code is no date
    ("See WK 13848/2020 INIT.", []),
    ("Under Council Decision 2012/642/CFSP the assets were frozen.", []),
    ("Under Regulation No. 27/2014 the ministry bought cameras.", []),
    # ... but a month and year, a full date or a fiscal year are
    ("In 03/2019 the deal was signed.", ["2019"]),
    ("On 14/03/2019 the deal was signed.", ["14/03/2019"]),
    ("The 2024/25 budget was cut.", ["2024"]),
    ("For Financial Year 2021/2022 the loan was drawn.", ["2021", "2022"]),
    ("under contract MEMD/WRKS/2013-2014/00022/ERD", ["2013"]),
])
def test_years_inside_codes(text, found):
    assert [m.text for m in dates_nlp()(text)._.mentions] == found


@pytest.mark.parametrize("text, found", [
    # a document whose slash dates can only be read month first reads them all so
    ("Agenda of 8/6/2025. Item 2, 8/19/2025: the contract.", [("8/6/2025", "2025-08-06"), ("8/19/2025", "2025-08-19")]),
    # ... else day first, as dateparser reads them
    ("Minutes of 8/6/2025.", [("8/6/2025", "2025-06-08")]),
    ("Minutes of 8/6/2025 and 19/8/2025.", [("8/6/2025", "2025-06-08"), ("19/8/2025", "2025-08-19")]),
])
def test_slash_dates_follow_the_document_order(text, found):
    assert [(m.text, m.date) for m in dates_nlp()(text)._.mentions] == found


@pytest.mark.parametrize("text, found", [
    # a document about a country writing numeric dates month first reads them so, unless one is only day first
    ("On 10/6/2021 the Roseville City Council in California approved the contract.", [("10/6/2021", "2021-10-06")]),
    ("On 10/6/2021 and 25/6/2021 the council in California met.", [("10/6/2021", "2021-06-10"), ("25/6/2021", "2021-06-25")]),
    ("On 10/6/2021 Nairobi approved the contract.", [("10/6/2021", "2021-06-10")]),
])
def test_slash_dates_follow_the_document_country(annotate_text, text, found):
    assert [(m.text, m.date) for m in annotate_text(text).mentions if m.label == "DATE"] == found


@pytest.mark.parametrize("text, found", [
    ("A 17-year-old was arrested over the 20-year contract.", [("20-year", "P20Y")]),  # an age is no duration
    ("The cameras are 10 years old.", [("10 years", "P10Y")]),  # an age written apart stays a duration
])
def test_an_age_is_no_duration(text, found):
    assert [(m.text, m.date) for m in dates_nlp()(text)._.mentions] == found
