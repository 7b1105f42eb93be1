"""The one date grammar: each form finds its texts in running text and reads them itself."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.domain import default_domain
from pipeline.normalise.dates import date_grammar, parse_date
from pipeline.normalise.numbers import parse_number

GRAMMAR = date_grammar(default_domain())


def reading_form(phrase: str) -> str | None:
    """The name of the first form that reads the whole phrase."""
    return next((form.name for form, pattern in GRAMMAR.parsers if pattern.fullmatch(phrase)), None)


# (form, a sentence, the publication date, the text the form finds in it, its ISO 8601 value)
FOUND = [
    ("relative", "Sales fell last year, it said.", "2024-05-02", "last year", "2023"),
    ("relative", "It opens next month.", "2024-01-15", "next month", "2024-02"),
    ("relative", "Yesterday the council voted.", "2024-03-01", "Yesterday", "2024-02-29"),
    ("relative", "Crime rose over the past decade.", None, "the past decade", "P10Y"),
    ("relative", "The deal was signed a year ago.", "2024-05-02", "a year ago", "2023"),
    ("iso", "Signed on 2024-03-14 in Nairobi.", None, "2024-03-14", "2024-03-14"),
    ("month_of_year", "It will finish by June of next year.", "2024-01-10", "June of next year", "2025-06"),
    ("month_of_year", "Work began in March of last year.", "2024-01-10", "March of last year", "2023-03"),
    ("month_of_year", "It will finish by June next year.", "2024-01-10", "June next year", "2025-06"),
    ("iso", "Dated 2019-02-28.", None, "2019-02-28", "2019-02-28"),
    ("mdy", "The term runs to JUNE 30, 2025 in the contract.", None, "JUNE 30, 2025", "2025-06-30"),  # a month in capitals
    ("numeric_dmy", "Invoice of 12/03/2022 for cameras.", None, "12/03/2022", "2022-03-12"),
    ("numeric_dmy", "Approved 25.12.2021 by the board.", None, "25.12.2021", "2021-12-25"),
    ("numeric_ymd", "Filed 2022/03/12 at the ministry.", None, "2022/03/12", "2022-03-12"),
    ("decade", "Cameras spread in the 1990s.", None, "the 1990s", "199"),
    ("decade", "During 2010s budgets grew.", None, "2010s", "201"),
    ("dmy", "The contract of 14 March 2024 was signed.", None, "14 March 2024", "2024-03-14"),
    ("dmy", "Opened on 1st of June, 2019 downtown.", None, "1st of June, 2019", "2019-06-01"),
    ("dmy", "Paid on 14 Mar. 2024 in full.", None, "14 Mar. 2024", "2024-03-14"),
    ("mdy", "On March 14, 2024 the city paid.", None, "March 14, 2024", "2024-03-14"),
    ("mdy", "Since Sept. 5 2021 it runs.", None, "Sept. 5 2021", "2021-09-05"),
    ("my", "In January 2023 the loan closed.", None, "January 2023", "2023-01"),
    ("my", "By June, 2020 it was done.", None, "June, 2020", "2020-06"),
    ("my", "The end of May of 2019 saw delays.", None, "May of 2019", "2019-05"),
    ("dm", "Cameras went live on 14 March in the capital.", "2024-05-02", "14 March", "2024-03-14"),
    ("dm", "The 5th of May launch.", "2023-01-09", "5th of May", "2023-05-05"),
    ("md", "Launched May 5 with fanfare.", "2024-05-02", "May 5", "2024-05-05"),
    ("md", "Due December 31st at noon.", "2024-05-02", "December 31st", "2024-12-31"),
    ("ago", "Signed two years ago in Lusaka.", "2024-05-02", "two years ago", "2022"),
    ("ago", "Agreed 18 months ago.", "2024-05-02", "18 months ago", "2022-11"),
    ("ago", "It failed three days ago.", "2024-05-02", "three days ago", "2024-04-29"),
    ("stretch", "Over the next three years it grows.", None, "the next three years", "P3Y"),
    ("stretch", "In the first six months crime fell.", None, "the first six months", "P6M"),
    ("stretch", "Across past two decades it rose.", None, "past two decades", "P20Y"),
    ("duration", "It took six months to install.", None, "six months", "P6M"),
    ("duration", "A 15-year loan from the bank.", None, "15-year", "P15Y"),
    ("duration", "After a decade-long delay.", None, "a decade-long", "P10Y"),
    ("duration", "Over twenty-five years of service.", None, "twenty-five years", "P25Y"),
    ("duration", "A three-week trial ran.", None, "three-week", "P3W"),
    ("duration", "Roads two centuries old.", None, "two centuries", "P200Y"),
    ("year", "In 2021 the city bought cameras.", None, "2021", "2021"),
    ("year", "Built in 1999, the system aged.", None, "1999", "1999"),
    ("year", "Planned for 2099.", None, "2099", "2099"),
]


@pytest.mark.parametrize("form, sentence, published, found, iso", FOUND)
def test_a_form_finds_and_reads_its_texts(form, sentence, published, found, iso):
    matches = [(m.group(), m.lastgroup) for m in GRAMMAR.finder.finditer(sentence)]
    assert (found, form) in matches
    assert reading_form(found) == form
    assert parse_date(found, published) == iso


# (form, a phrase given as a date, the publication date, its ISO 8601 value): forms only read,
# or found by `month_alone` after a cue word
READ = [
    ("year_month", "2024-03", None, "2024-03"),
    ("year_part", "mid-2020", None, "2020"),
    ("year_part", "early 2021", None, "2021"),
    ("month", "last May", "2024-05-02", "2023-05"),
    ("month", "May", "2024-05-02", "2024-05"),
    ("month", "next June", "2024-05-02", "2025-06"),
    ("month", "Dec", "2024-05-02", "2024-12"),
]


@pytest.mark.parametrize("form, phrase, published, iso", READ)
def test_a_form_reads_a_phrase(form, phrase, published, iso):
    assert reading_form(phrase) == form
    assert parse_date(phrase, published) == iso


@pytest.mark.parametrize("sentence, found", [
    ("Cameras arrived in May and worked.", "May"), ("It opened last June.", "last June"),
    ("In 2015 funds came; by March, work began.", "March"),
])
def test_month_alone_after_a_cue(sentence, found):
    assert [sentence[m.start("offset") if m.group("offset") else m.start("month"):m.end()]
            for m in GRAMMAR.month_alone.finditer(sentence)] == [found]


@pytest.mark.parametrize("phrase, published, iso", [
    ("14 Nov", "2024-05-02", "2024-11-14"), ("Feb 29th", "2024-05-02", "2024-02-29"),
    ("a year", None, "P1Y"), ("two hundred years", None, "P200Y"), ("14 march 2024", None, "2024-03-14"),
])
def test_read_when_given_but_not_found_in_text(phrase, published, iso):
    """Finding is narrower than reading: abbreviated months without a year, "a" + any unit,
    counts past the number words, and lower-case months are read but not found alone."""
    assert parse_date(phrase, published) == iso
    assert phrase not in [m.group() for m in GRAMMAR.finder.finditer(phrase)]


def test_every_form_is_pinned():
    assert {form.name for form in GRAMMAR.forms} == {row[0] for row in FOUND} | {row[0] for row in READ}


WORDS = ["14", "1st", "2024", "1850", "March", "mar.", "May", "the", "of", ",", "-", "/", ".", "past", "first",
         "two", "twenty", "a", "an", "half", "year", "years", "months", "decade", "centuries", "ago", "long",
         "last", "next", "mid", "1990s", "12/03/2022", "2024-03", "1,200", "3.5", "million", " ", "\n", "é", "%"]


@given(st.lists(st.sampled_from(WORDS), max_size=8), st.one_of(st.none(), st.sampled_from(["2024-05-02", "2024", "x"])))
def test_normalisers_never_raise_on_date_like_text(words, published):
    text = " ".join(words)
    assert parse_date(text, published) is None or isinstance(parse_date(text, published), str)
    assert parse_number(text) is None or isinstance(parse_number(text), float)
    for match in GRAMMAR.finder.finditer(text):
        assert parse_date(match.group(), published) is None or isinstance(parse_date(match.group(), published), str)


@given(st.text(max_size=60), st.one_of(st.none(), st.text(max_size=12)))
def test_parse_date_and_parse_number_never_raise(text, published):
    assert parse_date(text, published) is None or isinstance(parse_date(text, published), str)
    assert parse_number(text) is None or isinstance(parse_number(text), float)
