"""The reading view: words broken at line ends joined, hard-wrapped paragraphs joined, page
furniture dropped, everything else untouched, and every view offset mapped to the original."""
from __future__ import annotations

import random
import re
import textwrap

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from pipeline.reading import reading_settings, reading_view

PARAGRAPHS = [
    "The government of Zimbabwe signed a contract with a Chinese vendor for a surveillance network "
    "of cameras worth about forty million dollars, the ministry of home affairs said on Friday in "
    "Harare, adding that the first phase would cover the main roads of the capital city.",
    "The loan for the project came from a state bank and is to be repaid over twenty years, with a "
    "grace period of five years, according to documents seen by the reporters who followed the "
    "negotiations between the two governments over several months.",
    "Critics of the programme argue that the cameras and the data centre give the police powers that "
    "no court supervises, and that the cost of maintenance will fall on the city council long after "
    "the vendor has left the country.",
    "Officials in the northern province said a second contract, for a command centre and licence "
    "plate readers on the highway to the border, was being negotiated with two other firms and "
    "would be signed before the end of the fiscal year if the parliament approved the budget.",
    "The opposition asked the auditor general to publish the terms of both contracts, saying that "
    "the public had a right to know how much the cameras cost and who would keep the recordings "
    "once the system was handed over to the national police service.",
    "A spokesman for the vendor declined to comment on the price but said the company had built "
    "similar systems in more than thirty countries and trained local engineers to run them, which "
    "the ministry described as a transfer of skills that would outlast the project.",
]


def wrap(paragraph: str, width: int) -> str:
    """A paragraph hard-wrapped at `width` columns."""
    return "\n".join(textwrap.wrap(paragraph, width))


def view_text(text: str) -> str:
    return reading_view(text, reading_settings()).text


def assert_maps_back(text: str) -> None:
    """Every word of the view maps to the original slice holding the same word, only
    hyphens and white space at line breaks aside."""
    view = reading_view(text, reading_settings())
    for match in re.finditer(r"\S+", view.text):
        start, end = view.span_to_original(match.start(), match.end())
        piece = text[start:end]
        kept = re.sub(r"\s+", "", piece)
        dropped = re.sub(r"\s+", "", re.sub(r"[-\u00ad][ \t]*(?:\r\n|\n|\r)\s*", "", piece))
        assert match.group(0) in (kept, dropped), (match.group(0), piece)


@pytest.mark.parametrize("text, expected", [
    ("The deal with Zim-\nbabwe was signed.", "The deal with Zimbabwe was signed."),
    ("a loan worth 40 mil-\nlion dollars", "a loan worth 40 million dollars"),
    ("a new sur-\nveillance network", "a new surveillance network"),
    ("the Chinese-\nmade cameras", "the Chinese-made cameras"),
    ("a state-\nowned bank lent the money", "a state-owned bank lent the money"),
    ("a long-\nterm loan", "a long-term loan"),
    ("the cross-\nborder link", "the cross-border link"),
    ("the Sino-\nAfrican summit", "the Sino-African summit"),
    ("new COVID-\n19 rules", "new COVID-19 rules"),
    ("the 2019-\n2020 budget", "the 2019-2020 budget"),
    ("cameras from Hik-\nvision and Dahua", "cameras from Hikvision and Dahua"),
    ("the govern-\nment said", "the government said"),
    ("some-\nthing new", "something new"),
    ("be-\ncause of the loan", "because of the loan"),
    ("the minis-\ntry of finance", "the ministry of finance"),
    ("an e-\ngovernment plan, and e-government services", "an e-government plan, and e-government services"),
    ("the tele-\ncom firm and another telecom firm", "the telecom firm and another telecom firm"),
    ("camera-\nequipped poles: every camera is equipped", "camera-equipped poles: every camera is equipped"),
    ("surveil\u00ad\nlance", "surveillance"),
    ("the deal with Zim-  \n  babwe", "the deal with Zimbabwe"),
    ("the deal with Zim-\r\nbabwe", "the deal with Zimbabwe"),
    ("Zim-\nbab-\nwe", "Zimbabwe"),
    ("the 2019\u2013\n2020 budget", "the 2019\u20132020 budget"),
    ("the Kenya\u2013\nUganda railway", "the Kenya\u2013Uganda railway"),
    ("the deal\u2014\nwhich was secret", "the deal\u2014which was secret"),
])
def test_words_broken_at_line_ends(text, expected):
    assert view_text(text) == expected
    assert_maps_back(text)


@pytest.mark.parametrize("text", [
    "- first item -\n- second item",
    "a dash -\nthen more",
    "Kenya-\n\nUganda",
    "the end of a line-\n# Heading",
    "a cell-\n| 1 | 2 |",
    "2019-\n- item",
    "---\ntitle: x\n---",
])
def test_line_breaks_that_are_no_broken_word(text):
    view = reading_view(text, reading_settings())
    assert view.is_identity and view.text is text


@pytest.mark.parametrize("width", [40, 55, 72, 90, 110])
@pytest.mark.parametrize("between", ["\n\n", "\r\n\r\n"])
def test_wrapped_paragraphs_are_joined(width, between):
    newline = between[: len(between) // 2]
    text = between.join(wrap(p, width).replace("\n", newline) for p in PARAGRAPHS)
    assert view_text(text) == between.join(PARAGRAPHS)
    assert_maps_back(text)


def test_paragraphs_without_blank_lines_keep_their_break():
    text = "\n".join(wrap(p, 72) for p in PARAGRAPHS)
    assert view_text(text) == "\n".join(PARAGRAPHS)


def test_wrapped_text_keeps_headings_lists_and_tables():
    text = "\n".join([
        "# Cameras in the capital", "",
        wrap(PARAGRAPHS[0], 70), "",
        "- the first phase on the main roads", "- the second phase in the suburbs", "",
        "| phase | cameras |", "| 1 | 1,200 |", "",
        "BACKGROUND",
        wrap(PARAGRAPHS[1], 70),
    ])
    view = view_text(text)
    assert view == "\n".join([
        "# Cameras in the capital", "", PARAGRAPHS[0], "",
        "- the first phase on the main roads", "- the second phase in the suburbs", "",
        "| phase | cameras |", "| 1 | 1,200 |", "", "BACKGROUND", PARAGRAPHS[1],
    ])


def test_wrapped_list_item_goes_on_in_its_continuation():
    text = wrap(PARAGRAPHS[0], 64) + "\n\n- " + wrap(PARAGRAPHS[1], 64).replace("\n", "\n  ") + "\n- a short item"
    assert view_text(text) == PARAGRAPHS[0] + "\n\n- " + PARAGRAPHS[1] + "\n- a short item"


ORDINARY = "\n\n".join(PARAGRAPHS)


@pytest.mark.parametrize("text", [
    "",
    "Kenya paid $3 million.",
    ORDINARY,
    ORDINARY.replace("\n\n", "\r\n\r\n"),
    ORDINARY.replace("\n\n", "\n"),
    "# Cameras\n\n" + ORDINARY,
    "Title\n=====\n\n" + ORDINARY,
    "- Kenya: 1,800 cameras\n- Uganda: 5,000 cameras\n- Zambia: 1,200 cameras\n- Ghana: 800 cameras",
    "1. Kenya signed.\n2. Uganda signed.\n3. Zambia signed.\n4. Ghana signed.",
    "| country | cameras |\n|---|---|\n| Kenya | 1,800 |\n| Uganda | 5,000 |\n| Zambia | 1,200 |",
    "country    cameras    cost\nKenya      1,800      $40m\nUganda     5,000      $126m\nZambia     1,200      $210m",
    "Kenya signed a deal.\nUganda signed a deal too.\nZambia signed the third deal.\nGhana signed last.",
    "Kenya: 1,800 cameras in Nairobi and Mombasa\nUganda: 5,000 cameras in Kampala and Entebbe\n"
    "Zambia: 1,200 cameras in Lusaka and Ndola\nGhana: 800 cameras in Accra and Kumasi\n"
    "Pakistan: 1,950 cameras in Islamabad\nSerbia: 1,000 cameras in Belgrade and Novi Sad",
    "Ministry of Interior\nDirectorate of Public Safety\nPlot 12, Independence Avenue\nP.O. Box 123, Lusaka",
    "Advertisement\n\n" + "\n\n".join([ORDINARY, "Advertisement"] * 4),
    "Kenya paid $3 million.\r\n\r\n  Uganda's 40 cameras.  \n",
])
def test_ordinary_text_is_its_own_view(text):
    view = reading_view(text, reading_settings())
    assert view.is_identity and view.text is text
    assert [view.to_original(i) for i in range(len(text) + 1)] == list(range(len(text) + 1))


def paged(footer, pages: int = 4, header: str = "Safe City Review 2023") -> tuple[str, str]:
    """A hard-wrapped document broken into pages with a running header and a footer, and the
    text a reader reads."""
    body = PARAGRAPHS[: pages + 2]
    lines = "\n\n".join(wrap(p, 68) for p in body).split("\n")
    size = len(lines) // pages + 1
    chunks = [lines[i:i + size] for i in range(0, len(lines), size)]
    text = "\n".join("\n".join([header, "", *chunk, "", footer(n, len(chunks))]) + ("\n\f" if n < len(chunks) else "")
                     for n, chunk in enumerate(chunks, start=1))
    return text, "\n\n".join(body)


@pytest.mark.parametrize("footer", [
    lambda n, total: f"Page {n} of {total}",
    lambda n, total: str(n),
    lambda n, total: f"- {n} -",
    lambda n, total: f"Safe city report | {n}",
])
def test_page_headers_and_numbers_are_dropped(footer):
    text, reader = paged(footer)
    view = reading_view(text, reading_settings())
    assert " ".join(view.text.split()) == " ".join(reader.split())
    assert "Safe City Review" not in view.text and "Page " not in view.text
    for paragraph in PARAGRAPHS:
        assert paragraph in view.text  # a paragraph running over a page break reads as one
    start, end = view.span_to_original(view.text.index("Zimbabwe"), view.text.index("Zimbabwe") + 8)
    assert text[start:end] == "Zimbabwe"


def test_page_furniture_without_form_feeds():
    text, reader = paged(lambda n, total: f"Page {n} of {total}")
    view = reading_view(text.replace("\f", ""), reading_settings())
    assert " ".join(view.text.split()) == " ".join(reader.split())


def test_page_break_inside_a_broken_word():
    text = (wrap(PARAGRAPHS[0], 60) + "\n\nReport | 1\n\f" + wrap(PARAGRAPHS[1], 60)
            + "\nthe sur-\n\nReport | 2\n\fveillance\n" + wrap(PARAGRAPHS[2], 60) + "\n\nReport | 3\n")
    view = reading_view(text, reading_settings())
    assert "the surveillance" in view.text and "Report" not in view.text
    start = view.text.index("the surveillance") + 4
    start, end = view.span_to_original(start, start + len("surveillance"))
    assert text[start:end] == "sur-\n\nReport | 2\n\fveillance"


def test_span_of_a_joined_word_maps_to_the_broken_one():
    text = wrap(PARAGRAPHS[0], 60).replace("Zimbabwe", "Zim-\nbabwe", 1)
    view = reading_view(text, reading_settings())
    start = view.text.index("Zimbabwe")
    original = view.span_to_original(start, start + len("Zimbabwe"))
    assert text[original[0]:original[1]] == "Zim-\nbabwe"
    assert view.span_to_original(start, start) == (original[0], original[0])


@pytest.mark.parametrize("text", [
    wrap(PARAGRAPHS[0], 50).replace("surveillance", "sur-\nveillance"),
    "\r\n".join(textwrap.wrap(PARAGRAPHS[1], 45)),
    paged(lambda n, total: f"Page {n} of {total}")[0],
])
def test_round_trip(text):
    view = reading_view(text, reading_settings())
    assert not view.is_identity
    assert_maps_back(text)
    for offset in range(len(view.text)):
        original = text[view.to_original(offset)]
        assert original == view.text[offset] or (view.text[offset] == " " and original.isspace())


def test_large_wrapped_document_keeps_a_compact_table():
    words = " ".join(PARAGRAPHS).split()
    draw = random.Random(13)
    paragraphs = [" ".join(draw.sample(words, 60) + ["".join(draw.choices("bcdfghjklmnpqrstvwxz", k=9))])
                  for _ in range(6000)]
    text = "\n\n".join(wrap(p, 72) for p in paragraphs)
    view = reading_view(text, reading_settings())
    assert view.text == "\n\n".join(paragraphs)
    assert len(view._view_starts) < text.count("\n") * 2 < len(text) / 20


ALPHABET = st.sampled_from(list("ab Zz-\u00ad\n\r\f\t|#.:1") + ["Zim-\nbabwe", "Page 1", "\r\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=200).map("".join), st.integers(-5, 400), st.integers(-5, 400))
def test_any_text_maps_into_itself(text, a, b):
    view = reading_view(text, reading_settings())
    start, end = view.span_to_original(min(a, b), max(a, b))
    assert 0 <= start <= end <= len(text)
    offsets = [view.to_original(i) for i in range(len(view.text) + 1)]
    assert offsets == sorted(offsets) and all(0 <= o <= len(text) for o in offsets)
    for char, offset in zip(view.text, offsets, strict=False):  # a view character is the original's, or a space for a break
        assert char == text[offset] or (char == " " and text[offset].isspace())
    if view.is_identity:
        assert view.text is text and offsets == list(range(len(text) + 1))


WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=11)


@settings(max_examples=100, deadline=None)
@given(st.lists(WORDS, min_size=40, max_size=300, unique=True), st.integers(40, 90), st.integers(40, 110))
def test_any_wrapped_paragraphs_read_as_written(words, size, width):
    paragraphs = [" ".join(words[i:i + size]) for i in range(0, len(words), size)]
    text = "\n\n".join(wrap(p, width) for p in paragraphs)
    assume(text.count("\n") - 2 * (len(paragraphs) - 1) >= reading_settings().min_full_lines)
    assert view_text(text) == "\n\n".join(paragraphs)


def test_a_wrapped_paragraph_ending_in_a_one_letter_line_is_joined():
    # found by the fuzz test above: a last line of one letter still runs on from a full line
    words = [f"word{i:05d}" for i in range(21)] + ["a"]  # lines of seven nine-letter words, then "a"
    text = wrap(" ".join(words), 70)
    assert text.endswith("\na")
    assert view_text(text) == " ".join(words)
