"""`alternation`: a trie-shaped regex that matches what a longest-first list of the words matches;
`Caseless`: a search without case that finds what `re.I` finds; `Keyed`: a pattern tried only
where one of its keys starts, finding what `finditer` finds."""
import re
import string
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.domain import default_domain
from pipeline.patterns import (
    FOLDED_TO_ASCII,
    Caseless,
    Keyed,
    alternation,
    any_apostrophe,
    first_letters_guard,
    lowered_text,
    number_guard,
    number_pattern,
    period_before,
    period_of,
    qualifier_of,
    search_not_after,
)


@pytest.mark.parametrize("words, flags, text, expected", [
    (["US", "USD", "US$"], "", "USD 5", "USD"),
    (["US", "USD", "US$"], "", "US$ 5", "US$"),
    (["US", "USD", "US$"], "", "US 5", "US"),
    (["US", "USD"], "", "usd 5", None),
    (["US", "USD"], "i", "usd 5", "usd"),
    (["dollar", "dollars", "dong"], "i", "Dollars", "Dollars"),
    (["a.b", "a"], "", "axb", "a"),  # "." is literal
    (["Ksh.", "Ksh", "K"], "", "Ksh. 100", "Ksh."),
    (["per cent", "percent", "pc"], "i", "Per Cent of", "Per Cent"),
    (["Ab", "abc"], "i", "ABC", "ABC"),  # words differing in case share one branch
    ([], "", "anything", ""),
])
def test_alternation_prefers_the_longest_word(words, flags, text, expected):
    match = re.match(alternation(words, flags), text)
    assert (match.group() if match else None) == expected


@pytest.mark.parametrize("words, after, text, expected", [
    (["US", "USD"], r"(?!\d)", "USD1", "US"),  # the longer word fails what follows: the shorter is tried
    (["bn", "b"], r"(?=n)", "bn", "b"),
    (["bn", "b"], r"(?=x)", "bn", None),
])
def test_alternation_backtracks_to_shorter_words(words, after, text, expected):
    match = re.match(alternation(words) + after, text)
    assert (match.group() if match else None) == expected


@given(st.lists(st.text(alphabet="abAB$. ", min_size=1, max_size=4), min_size=1, max_size=8),
       st.text(alphabet="abAB$. ", max_size=8), st.sampled_from(["", "i"]))
def test_alternation_matches_like_a_longest_first_list(words, text, flags):
    flat = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    flat = f"(?{flags}:{flat})" if flags else f"(?:{flat})"
    for start in range(len(text) + 1):
        expected = re.compile(flat).match(text, start)
        found = re.compile(alternation(words, flags)).match(text, start)
        assert (found.group() if found else None) == (expected.group() if expected else None)


CUE_WORDS = ["market share", "revenue", "revenues", "GDP", "the world's"]
CUES = rf"(?<![\w-]){alternation(CUE_WORDS, 'i')}(?![\w-])"
# (pattern, text, pos, endpos, the span found or None); development rows, then held-out rows
CASELESS_DEVELOPMENT = [
    (CUES, "Its Market Share grew", 0, None, (4, 16)),
    (CUES, "REVENUES rose", 0, None, (0, 8)),
    (CUES, "the revenue-sharing deal", 0, None, None),  # a hyphen goes on: no word of the list
    (CUES, "per-capita GDP", 0, None, (11, 14)),
    (CUES, "The World's largest", 0, None, (0, 11)),
    (CUES, "revenues", 0, 7, (0, 7)),  # cut by endpos: "revenue"
    (CUES, "Revenue", 1, None, None),  # the search starts inside the word
    (CUES, "İstanbul revenue", 0, None, (9, 16)),  # "İ" lower-cases to two characters: searched as written
    (CUES, "ſhare of market ſhare", 0, None, (9, 21)),  # "ſ" is "s" without case
    (alternation(["said", "according to"], "i"), "ACCORDING TO the ministry", 0, None, (0, 12)),
]
CASELESS_HELD_OUT = [
    (CUES, "GDP", 0, None, (0, 3)),
    (CUES, "gdps", 0, None, None),
    (alternation(["kink"], "i"), "a \u212aINK", 0, None, (2, 6)),  # the Kelvin sign lower-cases to "k"
    (alternation(["is"], "i"), "Dıs", 0, None, (1, 3)),  # "ı" is "i" without case
    (alternation(["café", "cámaras"], "i"), "Le CAFÉ et les Cámaras", 0, None, (3, 7)),  # lower-case letters outside ASCII
]


@pytest.mark.parametrize("pattern, text, pos, endpos, span", CASELESS_DEVELOPMENT + CASELESS_HELD_OUT)
def test_caseless_finds_what_a_search_without_case_finds(pattern, text, pos, endpos, span):
    end = len(text) if endpos is None else endpos
    found = Caseless(pattern).search(text, pos, end)
    assert (found.span() if found else None) == span
    expected = re.compile(pattern, re.I).search(text, pos, end)
    assert (found.group() if found else None) == (expected.group() if expected else None)


@pytest.mark.parametrize("pattern", [
    alternation(["GDP"]),  # a capital letter, matched with case
    rf"(?-i:{alternation(['gdp'])})",  # case switched back on
    alternation(["straße"], "i"),  # a letter whose capital is two letters ("SS")
])
def test_caseless_refuses_a_pattern_it_cannot_lower(pattern):
    with pytest.raises(ValueError):
        Caseless(pattern)


FUZZ_WORDS = alternation(["revenue", "revenues", "arrears", "sever", "kr"], "i")


@given(st.text(alphabet="arRAevnuEs- 'İıſ\u212ak", max_size=30), st.integers(0, 30), st.integers(0, 30),
       st.sampled_from([rf"(?<![\w-]){FUZZ_WORDS}(?![\w-])", rf"\b{FUZZ_WORDS}", rf"(?<=[ -]){FUZZ_WORDS}|(?i:ver)",
                        rf"(?<!e)(?<!\s){FUZZ_WORDS}"]))
def test_caseless_matches_like_re_without_case(text, pos, endpos, pattern):
    found = Caseless(pattern).search(text, pos, endpos)
    expected = re.compile(pattern, re.I).search(text, pos, endpos)
    assert (found.span() if found else None) == (expected.span() if expected else None)


@pytest.mark.parametrize("text, lowered", [
    ("Loan From CHINA", "loan from china"), ("", ""), ("ÉTAT 5%", "état 5%"),
    ("İstanbul", None), ("Diyarbakır", None), ("ſix", None),  # lower case would move offsets or lose a match
])
def test_lowered_text(text, lowered):
    assert lowered_text(text) == lowered
    assert lowered_text(text) == lowered  # as remembered


@given(st.lists(st.text(alphabet="arRAevnuEs- İ", max_size=20), min_size=1, max_size=6), st.integers(0, 30))
def test_caseless_patterns_searching_texts_in_turn_never_mix_them(texts, pos):
    """A document's patterns search its text and its sentences in turn: each search finds in its
    own text what `re.I` finds there, though the texts lower-cased last are shared."""
    patterns = [Caseless(rf"\b{FUZZ_WORDS}"), Caseless(rf"(?<![\w-]){FUZZ_WORDS}(?![\w-])")]
    for text in [*texts, *reversed(texts), *texts]:
        for pattern in patterns:
            found = pattern.search(text, pos)
            expected = pattern.exact.search(text, pos)
            assert (found.span() if found else None) == (expected.span() if expected else None)


def test_lower_case_keeps_what_matching_without_case_sees():
    """What `Caseless` rests on, for every character but the three it searches as written: lower
    case keeps offsets, word, space and digit characters, never makes an ASCII character of
    another, and an ASCII letter matches without case exactly its lower-case forms."""
    every = "".join(chr(code) for code in range(sys.maxunicode + 1) if chr(code) not in "\u0130\u0131\u017f")
    lowered = every.lower()
    assert len(lowered) == len(every)
    for pattern in (r"\w", r"\s", r"\d"):
        assert [m.start() for m in re.finditer(pattern, every)] == [m.start() for m in re.finditer(pattern, lowered)]
    ascii_after = [i for i, char in enumerate(lowered) if char.isascii()]
    assert all(every[i] == lowered[i] or lowered[i].isalpha() for i in ascii_after)
    for letter in string.ascii_lowercase:
        without_case = [m.start() for m in re.finditer(letter, every, re.I)]
        assert without_case == [m.start() for m in re.finditer(letter, lowered)]


NAMES = ["dollar", "dollars", "us dollar", "rand", "yen"]
NAME_BEFORE = re.compile(rf"(?<![\w-])(?i:{alternation(NAMES)})[ ]+(?P<num>\d+(?: million)?)")
RELATIVE = ["in", "by", "last"]
MONTH_AFTER = re.compile(rf"(?<![\w-])(?:(?i:{alternation(RELATIVE)})\s+(?=May|June)|(?=(?i:last)\s))(?:(?i:last)\s+)?(?:May|June)(?![\w])")
# (pattern, keys, text, the spans `finditer` finds); development rows, then held-out rows
KEYED_DEVELOPMENT = [
    (NAME_BEFORE, NAMES, "paid Dollar 22 million and yen 5", [(5, 22), (27, 32)]),
    (NAME_BEFORE, NAMES, "a grand 5 and a brand 6", []),  # a key inside a word: the look-behind fails
    (NAME_BEFORE, NAMES, "US Dollar 40", [(0, 12)]),  # the longer key first
    (NAME_BEFORE, NAMES, "US Dollars 40", [(3, 13)]),  # "us dollar" then "s": from "Dollars"
    (NAME_BEFORE, NAMES, "no money here", []),
    (NAME_BEFORE, NAMES, "İstanbul paid rand 7", [(14, 20)]),  # a text it cannot lower: searched as written
    (MONTH_AFTER, RELATIVE, "In May and last June, by may", [(0, 6), (11, 20)]),  # "may" is no month
    (MONTH_AFTER, RELATIVE, "Last May", [(0, 8)]),
]
ZLOTY = re.compile(rf"(?<![\w-])(?i:{alternation(['złoty', 'euro'])})[ ]+\d+")
KEYED_HELD_OUT = [
    (ZLOTY, ["złoty", "euro"], "Złoty 5 and euro 7", [(0, 7), (12, 18)]),  # a key not ASCII: tried everywhere
    (NAME_BEFORE, NAMES, "dollar dollar 5", [(7, 15)]),
    (NAME_BEFORE, NAMES, "yen-5 rand 10", [(6, 13)]),
    (MONTH_AFTER, RELATIVE, "by June", [(0, 7)]),
    (MONTH_AFTER, RELATIVE, "bin June", []),
]


@pytest.mark.parametrize("pattern, keys, text, spans", KEYED_DEVELOPMENT + KEYED_HELD_OUT)
def test_keyed_finds_what_finditer_finds(pattern, keys, text, spans):
    assert [m.span() for m in Keyed(pattern, keys).finditer(text)] == spans
    assert [m.span() for m in pattern.finditer(text)] == spans


@given(st.text(alphabet="dolarsyenRDY 5-İ", max_size=40))
def test_keyed_matches_like_finditer(text):
    keyed = Keyed(NAME_BEFORE, NAMES)
    assert [m.span() for m in keyed.finditer(text)] == [m.span() for m in NAME_BEFORE.finditer(text)]


def qualifier_by_each_pattern(before: str, after: str, domain) -> str | None:
    """What `qualifier_of` answers, read one qualifier at a time: before the amount the longest
    match (the first listed of equals), else the first qualifier written after it."""
    data, best = domain["numbers"], None
    for qualifier, words in data["qualifiers"].items():
        match = re.search(rf"(?<![\w]){alternation(words, 'i')}\s+$", before[-30:])
        if match and (best is None or len(match.group()) > best[1]):
            best = (qualifier, len(match.group()))
    if best:
        return best[0]
    return next((q for q, words in data["qualifiers_after"].items()
                 if re.match(rf"^\s+{alternation(words, 'i')}(?![\w])", after[:20])), None)


# (before the amount, after it, qualifier); development rows, then held-out rows
QUALIFIER_DEVELOPMENT = [
    ("It bought over ", " cameras", "lower_bound"),
    ("spent over some ", "", "lower_bound"),  # longer than "some"
    ("nearly about ", "", "approx"),  # "nearly" alone is no qualifier here
    ("worth nearly ", "", "upper_bound"),
    ("paid ", " or more", "lower_bound"),
    ("paid ", " or so.", "approx"),
    ("Moreover ", "", None),  # "over" inside a word
    ("over\n", "", "lower_bound"),
    ("", "", None),
    # French, Spanish and Portuguese (round 13's pages)
    ("Il y a environ ", "", "approx"), ("et plus de ", "", "lower_bound"), ("jusqu’à ", "", "upper_bound"),
    ("se instalaron más de ", "", "lower_bound"), ("casi ", "", "upper_bound"), ("por unos ", "", "approx"),
]
QUALIFIER_HELD_OUT = [
    ("AT LEAST  ", "", "lower_bound"),
    ("about ", " or more", "approx"),  # the one before the amount first
    ("the sum ", " or morex", None),
]


@pytest.mark.parametrize("before, after, qualifier", QUALIFIER_DEVELOPMENT + QUALIFIER_HELD_OUT)
def test_qualifier_of_reads_one_pattern_like_one_per_qualifier(before, after, qualifier):
    domain = default_domain()
    assert qualifier_of(before, after, domain) == qualifier == qualifier_by_each_pattern(before, after, domain)


# a qualifier word that is a verb's particle qualifies nothing; longer qualifiers win
@pytest.mark.parametrize("before, qualifier", [
    ("The ministry handed over ", None), ("It took over ", None), ("It bought over ", "lower_bound"),
    ("The contract is not to exceed ", "upper_bound"), ("costs exceeding ", "lower_bound"),
    ("Its communes hold more than ", "lower_bound"), ("Hikvision holds about ", "approx"),
])
def test_qualifier_after_a_particle_verb(before, qualifier):
    assert qualifier_of(before, "", default_domain()) == qualifier


QUALIFIER_PARTS = ["over", "some", "nearly", "about", "or", "more", "so", "at", "least", "x", " ", "  ", "\n", "-"]


@given(st.lists(st.sampled_from(QUALIFIER_PARTS), max_size=8), st.lists(st.sampled_from(QUALIFIER_PARTS), max_size=5))
def test_qualifier_of_matches_one_pattern_per_qualifier(before, after):
    domain = default_domain()
    before_text, after_text = " ".join(before) + " ", " " + " ".join(after)
    assert qualifier_of(before_text, after_text, domain) == qualifier_by_each_pattern(before_text, after_text, domain)


@pytest.mark.parametrize("after, period", [
    (" annually", "year"), (", per month", "month"), (" a weekly", None), (" Every Day", "day"), ("", None),
    (" a year and a month", "year"),
    (" pa for the council", "year"), (" per camera per year", "year"), (" per camera", None),
    (" in yearly costs", "year"), (" in annual fees", "year"), (" in a year", None), (" in 2020", None),
])
def test_period_of(after, period):
    assert period_of(after, default_domain()) == period


@pytest.mark.parametrize("before, period", [
    ("The city pays an annual bill of about ", "year"), ("the monthly rent is ", "month"),
    ("with four annual payments of ", "year"), ("The annual subscription costs ", "year"),
    ("the annual report said ", None), ("annually ", None), ("an annual ", None), ("", None),
])
def test_period_before(before, period):
    assert period_before(before, default_domain()) == period


@given(st.text(alphabet=" annualyearlyofisthebill$,.", max_size=60))
def test_period_before_never_raises(before):
    assert period_before(before, default_domain()) in (None, "year", "month", "week", "day")


NUMBER_WORDS = ["one", "three", "thirty", "the", "for", "forty", "a", "am", "an", "half", "dozen", "million", "bn", "m",
                "and", "some", "seven", "Twenty", "-", " ", ",", ".", "5", "1,000", "0.5", "x"]


@given(st.lists(st.sampled_from(NUMBER_WORDS), max_size=10), st.booleans(), st.booleans())
def test_number_guard_only_skips_where_no_number_starts(words, hyphen_after, after_sign):
    """The numbers found with the guard are those found without it (in text of ASCII letters: a
    letter `re.I` alone folds to a number word's, "ſ", starts no number, see below)."""
    domain = default_domain()
    guarded = number_pattern(domain, hyphen_after, after_sign)
    assert guarded.startswith(number_guard(domain))
    text = " ".join(words)
    unguarded = re.compile(guarded.removeprefix(number_guard(domain)))
    assert [m.span() for m in re.finditer(guarded, text)] == [m.span() for m in unguarded.finditer(text)]


@pytest.mark.parametrize("text, numbers", [
    ("the 300 cameras", ["300"]), ("forty-five towers", ["forty-five"]), ("for a million", ["a million"]),
    ("some half a million", ["half a million"]), ("Thirty Three", ["Thirty Three"]), ("theft of one", ["one"]),
    ("ſix", []),  # the long s is no first letter of a number word
    # compound numbers in words: a smaller scale only after a scale; after a comma, "hundred" or a scale
    ("two thousand three hundred", ["two thousand three hundred"]),
    ("one million two hundred thousand and five", ["one million two hundred thousand and five"]),
    ("Two Million, Five Hundred Thousand", ["Two Million, Five Hundred Thousand"]),
    ("two crore fifty lakh", ["two crore fifty lakh"]),
    ("five thousand, three of them", ["five thousand", "three"]),
    ("five million and three million", ["five million", "three million"]),
    ("two thousand three-year", ["two thousand"]),
    ("one thousand million", ["one thousand million"]),
])
def test_numbers_found_past_the_guard(text, numbers):
    assert [m.group() for m in re.finditer(number_pattern(default_domain()), text)] == numbers


def test_folded_to_ascii_holds_every_other_character_matching_a_letter_without_case():
    """What `first_letters_guard(every_case=True)` rests on: besides its two cases, an ASCII letter
    matches without case only characters of `FOLDED_TO_ASCII`."""
    every = "".join(chr(code) for code in range(sys.maxunicode + 1))
    for letter in string.ascii_lowercase:
        matched = {every[m.start()] for m in re.finditer(letter, every, re.I)}
        assert matched - {letter, letter.upper()} <= set(FOLDED_TO_ASCII)


@pytest.mark.parametrize("words, text, found", [
    (["since", "in"], "ſince İn in sin", ["ſince", "İn", "in"]),
    (["kilo"], "\u212aILO kilo", ["\u212aILO", "kilo"]),
])
def test_first_letters_guard_in_every_case(words, text, found):
    pattern = first_letters_guard(words, behind=r"(?<![\w-])", every_case=True) + rf"(?i:{alternation(words)})(?![\w])"
    assert [m.group() for m in re.finditer(pattern, text)] == found
    assert [m.group() for m in re.finditer(rf"(?<![\w-])(?i:{alternation(words)})(?![\w])", text)] == found


@pytest.mark.parametrize("words, text, found", [
    (["the world's"], "half of the world’s projects", "the world’s"),
    (["the world's"], "half of the world's projects", "the world's"),
    (["worldwide"], "sales worldwide", "worldwide"),
    (["the world's"], "the worlds", None),
])
def test_any_apostrophe_matches_either(words, text, found):
    match = Caseless(any_apostrophe(alternation(words, "i"))).search(text)
    assert (match.group() if match else None) == found


@pytest.mark.parametrize("text, found", [
    ("half of the world's smart-city projects", True), ("Hikvision, one of the world's largest makers", False),
    ("One of the world's", False), ("one of the world's makers sells to the world's police", True),
])
def test_search_not_after_keeps_a_cue_only_where_no_phrase_stands_before_it(text, found):
    pattern = re.compile("the world's")
    assert (search_not_after(pattern, text, 0, len(text), ("one of ", "One of ")) is not None) == found
