"""The amount steps and their named rejection predicates, one row each way: what the amounts
component proposes for a text (before the resolver keeps one mention per stretch of text)."""
import shutil

import pytest
import spacy
import yaml
from hypothesis import given
from hypothesis import strategies as st

import pipeline.components  # noqa: F401  (registers the factories)
from pipeline.domain import CONFIG_DIR
from pipeline.spans import Coverage


def proposals(nlp, text):
    """(label, text, value, currency or unit, source) of every proposal, in text order."""
    doc = nlp(text)
    return [(m.label, m.text, m.value, m.currency or m.unit, m.source)
            for m in sorted(doc._.mentions, key=lambda m: (m.start, m.end))]


@pytest.fixture(scope="module")
def amounts_nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("claimtrace_amounts")
    return nlp


M, P, Q = "MONEY", "PERCENT", "QUANTITY"

RULES = [
    # step: money with the currency before the number
    ("money before", "The deal was worth US$1.2bn.", [(M, "US$1.2bn", 1.2e9, "USD", "money_rule")]),
    ("money before, minor part", "It cost $10 and 50 cents",
     [(M, "$10 and 50 cents", 10.5, "USD", "money_rule"), (M, "50 cents", 0.5, "USD", "money_rule")]),
    # step: money with the currency after the number (a currency is no counted noun: "3 dollars" is no count)
    ("money after, scaled", "a loan of 850 million RMB", [(M, "850 million RMB", 8.5e8, "CNY", "money_rule")]),
    ("money after, sign", "priced at 5 €", [(M, "5 €", 5.0, "EUR", "money_rule")]),
    ("money after, minor part", "It cost 3 dollars 50 cents.",
     [(M, "3 dollars 50 cents", 3.5, "USD", "money_rule"), (M, "50 cents", 0.5, "USD", "money_rule")]),
    ("money range joined by a hyphen, the second end bare and larger", "prices were Rs 6-8 per kg",
     [(M, "Rs 6", 6.0, "INR", "money_rule"), (M, "8", 8.0, "INR", "range_rule")]),
    ("money name before", "a grant of dollar 22.5 million",
     [(M, "dollar 22.5 million", 2.25e7, "USD", "money_rule")]),
    ("money name before thousands written with commas", "the jury awarded pounds 75,000",
     [(M, "pounds 75,000", 75000.0, "GBP", "money_rule")]),
    ("money name before, a bare number is none", "he paid dollars 500 for it", []),
    # step: percent
    ("percent", "crime fell 15% last year", [(P, "15%", 15.0, None, "percent_rule")]),
    ("percent, negative", "growth of minus 5 per cent", [(P, "minus 5 per cent", -5.0, None, "percent_rule")]),
    ("percent, decimal comma", "inflation of 3,4% and 12,5 per cent",
     [(P, "3,4%", 3.4, None, "percent_rule"), (P, "12,5 per cent", 12.5, None, "percent_rule")]),
    ("percent, a thousands comma", "up 1,250%", [(P, "1,250%", 1250.0, None, "percent_rule")]),
    ("percent, hyphenated", "a 92-percent increase", [(P, "92-percent", 92.0, None, "percent_rule")]),
    ("percent, hyphenated after a word", "its two-percent target", [(P, "two-percent", 2.0, None, "percent_rule")]),
    ("percent, a margin is no negative", "plus or minus 3.5 percentage points",
     [(Q, "3.5", 3.5, "point", "count_rule"), (P, "3.5 percentage points", 3.5, None, "percent_rule")]),
    ("money after, a compound in words", "Two Thousand, One Hundred and Seventy-Five dollars",
     [(M, "Two Thousand, One Hundred and Seventy-Five dollars", 2175.0, "USD", "money_rule")]),
    ("percent of", "It rose by percent of 10.", [(P, "percent of 10", 10.0, None, "percent_rule")]),
    ("range of percentage points", "rose between 3 and 6 percentage points",
     [(P, "3", 3.0, None, "range_rule"), (Q, "6", 6.0, "point", "count_rule"),
      (P, "6 percentage points", 6.0, None, "percent_rule")]),  # the resolver keeps the longer PERCENT
    ("percent of, never before a number's decimals", "a percentage of 10.61 per cent",
     [(P, "10.61 per cent", 10.61, None, "percent_rule")]),
    ("fraction of one percent", "It rose by half a percent.",
     [(P, "half", 50.0, None, "fraction_rule"), (P, "half a percent", 0.5, None, "percent_rule")]),
    ("fraction of a percentage point", "a quarter of a percentage point",
     [(P, "a quarter", 25.0, None, "fraction_rule"), (P, "a quarter of a percentage point", 0.25, None, "percent_rule")]),
    # step: fractions
    ("fraction before of", "half of the cameras", [(P, "half", 50.0, None, "fraction_rule")]),
    ("fraction after by and a qualifier", "crime rose by almost a fifth", [(P, "a fifth", 20.0, None, "fraction_rule")]),
    ("fraction before a vote's noun", "a two-thirds voter approval", [(P, "two-thirds", 66.67, None, "fraction_rule")]),
    ("fraction after by", "crime fell by a third", [(P, "a third", 33.33, None, "fraction_rule")]),
    ("fraction after by, an ordinal before its noun", "an inquiry by a third party", []),
    ("fraction before a survey's verb", "Two-thirds said they expect a rise", [(P, "Two-thirds", 66.67, None, "fraction_rule")]),
    ("fraction before a copula", "Of the 134,000 deaths, one third are preventable",
     [(Q, "134,000", 134000.0, "death", "count_rule"), (Q, "one", 1.0, "third", "count_rule"),
      (P, "one third", 33.33, None, "fraction_rule")]),  # the resolver keeps the share
    ("fraction before a determiner", "half the cameras", [(P, "half", 50.0, None, "fraction_rule")]),
    ("fraction, neither", "half an hour", []),
    ("fraction before a share's noun", "a two-thirds majority", [(P, "two-thirds", 66.67, None, "fraction_rule")]),
    ("fraction before another noun", "a half day", []),
    ("ratio out of every", "three out of every four children",
     [(P, "three out of every four", 75.0, None, "ratio_rule")]),  # "every four" is a rate's denominator
    ("fraction, part of a period", "in the second half of 2022", []),
    ("fraction with a slash", "almost 1/4 of that", [(P, "1/4", 25.0, None, "fraction_rule")]),
    ("fraction in fourths", "approximately one fourth of the population",
     [(Q, "one", 1.0, "fourth", "count_rule"), (P, "one fourth", 25.0, None, "fraction_rule")]),  # the resolver keeps the longer
    ("fraction with a slash, never a whole or more", "24/7 of the time", []),
    # step: ratios
    ("ratio", "one in five households",
     [(P, "one in five", 20.0, None, "ratio_rule"), (Q, "five", 5.0, "household", "count_rule")]),
    ("ratio, part above whole", "5 in 3 cases", [(Q, "3", 3.0, "case", "count_rule")]),
    ("ratio, counting nothing", "ranked one in five.", []),
    ("ratio over a small whole, its noun elided before a verb", "two in five say",
     [(P, "two in five", 40.0, None, "ratio_rule")]),
    ("ratio over a round whole, its noun elided before a verb", "nine in 10 lack water",
     [(P, "nine in 10", 90.0, None, "ratio_rule")]),
    ("ratio over a time is none", "it takes 3 in 10 minutes", []),
    ("ratio, never from a day of its month", "held to June 1 in seven phases", [(Q, "seven", 7.0, "phase", "count_rule")]),
    ("ratio through a partitive, again", "one in five of the cameras work",
     [(P, "one in five", 20.0, None, "ratio_rule"), (Q, "five", 5.0, "camera", "count_rule")]),
    ("ratio through a partitive", "1 in 3 of Bogota's security cameras offline",
     [(P, "1 in 3", 33.33, None, "ratio_rule"), (Q, "3", 3.0, "camera", "count_rule")]),
    ("range end, no scaled number a share", "33.9 million or 1 in 4 households",
     [(P, "1 in 4", 25.0, None, "ratio_rule"), (Q, "4", 4.0, "household", "count_rule")]),
    ("range end, no share above share_range_max", "fell by 770,000 or five percent", [(P, "five percent", 5.0, None, "percent_rule")]),
    ("range end, a share above 100", "rose between 200 and 300 percent",
     [(P, "200", 200.0, None, "range_rule"), (P, "300 percent", 300.0, None, "percent_rule")]),
    # step: factors
    ("factor", "3 times more cameras", [(Q, "3 times", 3.0, "times", "factor_rule")]),
    ("factor word", "twice as many", [(Q, "twice", 2.0, "times", "factor_rule")]),
    # step: counts
    ("count", "1,800 new CCTV cameras", [(Q, "1,800", 1800.0, "camera", "count_rule")]),
    ("count, hyphen compound", "a 2,000-camera network", [(Q, "2,000", 2000.0, "camera", "count_rule")]),
    ("count, four digits in the plural", "2000 cameras", [(Q, "2000", 2000.0, "camera", "count_rule")]),
    # step: partitives
    ("partitive with determiner", "12 of the 47 counties",
     [(Q, "12", 12.0, "county", "count_rule"), (Q, "47", 47.0, "county", "count_rule")]),
    ("partitive with whole", "2,500 of 3,000 cameras",
     [(Q, "2,500", 2500.0, "camera", "count_rule"), (Q, "3,000", 3000.0, "camera", "count_rule")]),
    ("partitive, singular after a determiner", "12 of the committee", []),
    # step: ranges
    ("range with to", "20,000 to 30,000 cameras",
     [(Q, "20,000", 20000.0, "camera", "range_rule"), (Q, "30,000", 30000.0, "camera", "count_rule")]),
    ("range with a dash", "rates of 10-15%", [(P, "10", 10.0, None, "range_rule"), (P, "15%", 15.0, None, "percent_rule")]),
    # two numbers joined by "and" share the noun after the second: the count step proposes both
    ("range after between", "between 300 and 500 cameras",
     [(Q, "300", 300.0, "camera", "count_rule"), (Q, "500", 500.0, "camera", "count_rule")]),
    ("range, and without between", "the 5 and 10 cameras",
     [(Q, "5", 5.0, "camera", "count_rule"), (Q, "10", 10.0, "camera", "count_rule")]),
    ("range after from", "from 300 to 500 cameras",
     [(Q, "300", 300.0, "camera", "range_rule"), (Q, "500", 500.0, "camera", "count_rule")]),
    ("range, scale of the second end", "a loan of $1-2 million",
     [(M, "$1", 1e6, "USD", "money_rule"), (M, "2 million", 2e6, "USD", "range_rule")]),
    ("range, first end not rescaled", "from 60,000 to 1.5 million cameras",
     [(Q, "60,000", 60000.0, "camera", "range_rule"), (Q, "1.5 million", 1.5e6, "camera", "count_rule")]),
    ("range, first end a code", "Route 66 to 70 cameras", [(Q, "70", 70.0, "camera", "count_rule")]),
    # predicate: is_road_name
    ("is_road_name", "on the R40 near town", []),
    ("is_road_name, scaled", "a deal of R400 million", [(M, "R400 million", 4e8, "ZAR", "money_rule")]),
    # predicate: is_sign_code
    ("is_sign_code", "It was bought under Framework RM6116 Network Services.", []),
    ("is_sign_code, in brackets", "It was let under the framework (RM6099) in 2021.", []),
    ("is_sign_code, money", "The fine is RM5000.", [(M, "RM5000", 5000.0, "MYR", "money_rule")]),
    ("is_sign_code, a conversion", "It cost US$1,000 (RM4500).",
     [(M, "US$1,000", 1000.0, "USD", "money_rule"), (M, "RM4500", 4500.0, "MYR", "money_rule")]),
    # predicate: is_lettered_label
    ("is_lettered_label", "1080p cameras", []),
    ("is_lettered_label, pennies", "5p coins", [(M, "5p", 0.05, "GBP", "money_rule")]),
    ("is_lettered_label, a phase", "Bids for phase 2c close in May.", []),
    ("is_lettered_label, a list of lettered parts", "Lots 2b and 2c were re-tendered.", []),
    # predicate: is_format_name
    ("is_format_name", "5G towers", []),
    ("is_format_name, a count", "50 towers", [(Q, "50", 50.0, "tower", "count_rule")]),
    # predicate: is_code
    ("is_code", "The ECU 911 centres opened.", []),
    ("is_code, code word", "Section 3 cameras", []),
    ("is_code, at the sentence start", "812 centres opened.", [(Q, "812", 812.0, "centre", "count_rule")]),
    ("format_numbers, an emergency number", "911 calls rose.", []),
    # predicate: is_name_without_scale
    ("is_name_without_scale", "dollar 5 bills", [(Q, "5", 5.0, "bill", "count_rule")]),
    # predicate: is_currency_first ("10 usd" is not proposed)
    ("is_currency_first", "rmb 10 usd 20",
     [(M, "rmb 10", 10.0, "CNY", "money_rule"), (M, "usd 20", 20.0, "USD", "money_rule")]),
    # predicate: is_range_start
    ("is_range_start", "between $10 and 20", [(M, "$10", 10.0, "USD", "money_rule"), (M, "20", 20.0, "USD", "range_rule")]),
    # (the count the money's number also proposes is settled by the resolver: money wins)
    ("basis points are hundredths of a percentage point", "raised rates by 25 basis points, a 50-basis-point rise",
     [(Q, "25", 25.0, "point", "count_rule"), (P, "25 basis points", 0.25, None, "percent_rule"),
      (P, "50-basis-point", 0.5, None, "percent_rule")]),
    ("range end before a percentage, joined by 'and'", "targets of 2.5 and 7.5 per cent",
     [(P, "2.5", 2.5, None, "range_rule"), (P, "7.5 per cent", 7.5, None, "percent_rule")]),
    ("a range's first end in the second's unit", "rates rose 25 to 50 basis points",
     [(P, "25", 0.25, None, "range_rule"), (Q, "50", 50.0, "point", "count_rule"), (P, "50 basis points", 0.5, None, "percent_rule")]),
    ("range from an amount of money", "slipped to LE 65 million from 90 million",
     [(M, "LE 65 million", 65000000.0, "EGP", "money_rule"), (M, "90 million", 90000000.0, "EGP", "range_rule")]),
    ("range from an amount without a scale is none", "raised $5 million from 300 investors",
     [(M, "$5 million", 5000000.0, "USD", "money_rule"), (Q, "300", 300.0, "investor", "count_rule")]),
    ("fraction of a scale word", "a quarter of a million dollars",
     [(P, "a quarter", 25.0, None, "fraction_rule"), (M, "a quarter of a million dollars", 250000.0, "USD", "money_rule")]),
    ("subunit of an ambiguous currency", "26 centavos a share",
     [(Q, "26", 26.0, "centavo", "count_rule"), (M, "26 centavos", 0.26, "MXN", "money_rule")]),
    ("count past its share in brackets", "1,412 (88%) patients",
     [(Q, "1,412", 1412.0, "patient", "count_rule"), (P, "88%", 88.0, None, "percent_rule")]),
    ("first of a list of counts sharing the last one's noun", "15,400, 12,600, and 10,600 reported breaches",
     [(Q, "15,400", 15400.0, "breach", "count_rule"), (Q, "12,600", 12600.0, "breach", "count_rule"),
      (Q, "10,600", 10600.0, "breach", "count_rule")]),
    ("no list after a week's number, nor of misspaced thousands", "During week 15, 1584 cases; then 40, 849 cases",
     [(Q, "1584", 1584.0, "case", "count_rule"), (Q, "849", 849.0, "case", "count_rule")]),
    ("count past two names joined before its noun", "at least 120 Hikvision or Dahua cameras",
     [(Q, "120", 120.0, "camera", "count_rule")]),
    ("partitive of a noun counted in the singular", "380 of his cattle", [(Q, "380", 380.0, "cattle", "count_rule")]),
    ("list item opening with a capitalised word", "\u2022 The 889 speakers", [(Q, "889", 889.0, "speaker", "count_rule")]),
    ("minor part counting a noun", "$15 and 20 cameras",
     [(M, "$15", 15.0, "USD", "money_rule"), (Q, "15", 15.0, "camera", "count_rule"), (Q, "20", 20.0, "camera", "count_rule")]),
    # predicate: is_after_number
    ("is_after_number", "5 percent of 10.", [(P, "5 percent", 5.0, None, "percent_rule")]),
    # predicate: is_hyphen_adjective
    ("is_hyphen_adjective", "a 500-strong unit", []),
    # predicate: is_not_counted
    ("is_not_counted, measure", "the 5,000 km border", []),
    ("is_not_counted, duration", "15 year maturities", []),
    ("is_not_counted, counted noun", "1,000 long kilometres", []),
    # predicate: is_lone_one
    ("is_lone_one", "one committee member", []),
    ("is_lone_one, qualified", "at least one camera", [(Q, "one", 1.0, "camera", "count_rule")]),
    # predicate: is_year
    ("is_year, singular noun", "the 2019 budget", []),
    ("is_year, after a cue", "since 2015 cameras were installed", []),
    ("is_year, a dated noun", "its official 2016 financial results", []),
    # predicate: is_code
    ("is_code, a fiscal year's second half", "from 2010-11 to 36 million students",
     [(Q, "36 million", 36000000.0, "student", "count_rule")]),
    ("is_code, a code word", "in Week 12 of the league", []),
    # predicate: is_month_day (a carried count's)
    ("is_month_day", "The NRC cards are expected by June, 30 this year", []),
    ("is_month_day, a count with its noun", "In June, 30 cameras were installed",
     [(Q, "30", 30.0, "camera", "count_rule")]),
]
# Rows for the word-led patterns tried only where their words start (`patterns.Keyed`), and the
# factor word looked for only in a text that has it: the same proposals in any case of the word.
KEYED_RULES = [
    ("factor, each of several", "cameras 3 times, then twice and 2 times",
     [(Q, "3 times", 3.0, "times", "factor_rule"), (Q, "twice", 2.0, "times", "factor_rule"),
      (Q, "2 times", 2.0, "times", "factor_rule")]),
    ("factor, the word capitalised", "3 Times more cameras", []),
    ("factor verb", "doubled to 300 cameras",
     [(Q, "doubled", 2.0, "times", "factor_rule"), (Q, "300", 300.0, "camera", "count_rule")]),
    ("fraction, capitalised", "Half of the cameras", [(P, "Half", 50.0, None, "fraction_rule")]),
    ("fraction, a period's quarter", "sales rose in the final quarter of the year", []),
    ("fraction with a slash and an ordinal ending", "is 1/4th of this project", [(P, "1/4th", 25.0, None, "fraction_rule")]),
    ("money name before, capitalised", "Dollars 5 million", [(M, "Dollars 5 million", 5e6, "USD", "money_rule")]),
    ("money name before, a name inside a word", "the grand 5 million cameras",
     [(Q, "5 million", 5e6, "camera", "count_rule")]),
    ("percent of, capitalised", "PERCENT of 10.", [(P, "PERCENT of 10", 10.0, None, "percent_rule")]),
]
KEYED_HELD_OUT = [
    ("fraction, article capitalised", "A Third of the cameras", [(P, "A Third", 33.33, None, "fraction_rule")]),
    ("factor verb base", "it will triple", [(Q, "triple", 3.0, "times", "factor_rule")]),
]
# Rows for what may follow a number that counts a noun (any other character: no count, at once).
COUNT_AFTER = [
    ("count after a year and a comma", "In 2019, 300 cameras", [(Q, "300", 300.0, "camera", "count_rule")]),
    ("count, a semicolon after the number", "about 300; cameras", []),
    ("count, a bracket after the number", "(300) cameras", []),
    ("count, a tab", "300\tcameras", [(Q, "300", 300.0, "camera", "count_rule")]),
    ("count, a no-break space before a partitive", "12\u00a0of the 47 counties",
     [(Q, "12", 12.0, "county", "count_rule"), (Q, "47", 47.0, "county", "count_rule")]),
    ("count, a format name skipped", "20,000 5G base stations", [(Q, "20,000", 20000.0, "station", "count_rule")]),
    ("count, the number ends the text", "ends with 300", []),
]
COUNT_AFTER_HELD_OUT = [
    ("count, a line break after the number", "300\ncameras", []),
    ("count, a no-break space before the noun", "300\u00a0cameras", []),
]


ALL_RULES = RULES + KEYED_RULES + KEYED_HELD_OUT + COUNT_AFTER + COUNT_AFTER_HELD_OUT


@pytest.mark.parametrize("rule, text, expected", ALL_RULES, ids=[row[0] for row in ALL_RULES])
def test_amount_rules(amounts_nlp, rule, text, expected):
    assert proposals(amounts_nlp, text) == expected


def test_factor_word_is_looked_for_in_each_text(amounts_nlp):
    """The factor step remembers whether the text it reads has the factor word: a text without it
    and one with it, read in turn, each get their own answer."""
    texts = ["cameras grew 3 fold", "cameras grew 3 times", "cameras grew 4 fold", "grew 5 times"]
    assert [[m.text for m in amounts_nlp(t)._.mentions if m.source == "factor_rule"] for t in texts] == \
        [["3 fold"], ["3 times"], ["4 fold"], ["5 times"]]


def test_one_letter_sign_threshold_is_read_from_the_config(tmp_path):
    configs = tmp_path / "configs"
    shutil.copytree(CONFIG_DIR, configs)
    path = configs / "currencies.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("letter_sign_below: 1000", "letter_sign_below: 10"),
                    encoding="utf-8")
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["letter_sign_below"] == 10
    nlp = spacy.blank("en")
    nlp.add_pipe("claimtrace_amounts", config={"config_dir": str(configs)})
    assert proposals(nlp, "on the R40 near town") == [(M, "R40", 40.0, "ZAR", "money_rule")]


spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda p: (p[0], p[0] + p[1])), max_size=30)


@given(spans, st.integers(0, 80), st.integers(0, 20))
def test_coverage_overlaps_answer_like_a_scan_of_every_span(taken, start, length):
    end = start + length
    expected = any(s < end and e > start for s, e in taken)
    assert Coverage(taken).overlaps(start, end) == expected


@pytest.fixture(scope="module")
def reading():
    from pipeline.amounts.reading import Reading
    from pipeline.domain import load_domain
    return Reading(load_domain(CONFIG_DIR))


def sign_in_configured_window(reading, text: str, start: int):
    """The sign before `start` searched over all of `currencies.yaml`'s `sign_window`."""
    window = int(reading.domain["currencies"]["sign_window"])
    return reading.currency_tail.search(text, max(0, start - window), start)


# (text before the number, the sign found); development rows, then held-out rows
SIGN_BEFORE_DEVELOPMENT = [
    ("paid US$", "US$"), ("paid USD: ", "USD"), ("a U.S.$ ", "U.S.$"), ("KShs. ", "KShs."),
    ("MUSD ", "MUSD"), ("USD\n", "USD"), ("usd $", "$"), ("the road ", None), ("PlusD ", None),
]
SIGN_BEFORE_HELD_OUT = [("UShs.: ", "UShs."), ("Rs.\u00a0", "Rs."), ("in 2019, ", None)]


@pytest.mark.parametrize("before, sign", SIGN_BEFORE_DEVELOPMENT + SIGN_BEFORE_HELD_OUT)
def test_sign_before_a_number(reading, before, sign):
    text = before + "5 million"
    found = reading.currency_before(text, len(before))
    assert (found.group("cur") if found else None) == sign
    expected = sign_in_configured_window(reading, text, len(before))
    assert (found.span() if found else None) == (expected.span() if expected else None)


@given(st.lists(st.sampled_from(["US", "USD", "$", "U.S.", "KShs.", "Rs", ".", "M", ":", " ", "\u00a0", "\n", "a",
                                 "usd", "x", "1"]), max_size=8))
def test_sign_window_finds_what_the_configured_window_finds(parts):
    from pipeline.amounts.reading import Reading
    from pipeline.domain import load_domain
    reading = Reading(load_domain(CONFIG_DIR))
    text = "".join(parts) + "5"
    found = reading.currency_before(text, len(text) - 1)
    expected = sign_in_configured_window(reading, text, len(text) - 1)
    assert (found.span() if found else None) == (expected.span() if expected else None)
