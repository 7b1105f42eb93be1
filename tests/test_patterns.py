"""`alternation`: a trie-shaped regex that matches what a longest-first list of the words matches."""
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.patterns import alternation


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
