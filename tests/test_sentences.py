"""Sentence boundaries: spaCy's sentencizer rule plus a start after every line break, set from
token arrays; the recorded character spans are those of `doc.sents`."""
import pytest
import spacy
from spacy.pipeline import Sentencizer

from pipeline.mention import sentence_bounds
from pipeline.nlp import build_nlp

TEXTS = [
    "Huawei won the contract. Kenya paid $100 million!",
    "Is it 2019? Yes... it was \"signed\". Then (in 2020.) more.",
    "Heading\nBody text. More text\n\nNew paragraph.\n",
    "No punctuation at all",
    "Ends with a line break\n",
    "\n\nStarts with line breaks. And?!",
    "Mr. Smith said 3.5 percent. U.S. firms, e.g. Dahua, agreed.",
    "",
    " ",
    "A list:\n- one\n- two; three.\n  Indented line",
]


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def expected_starts(text: str) -> list[int]:
    """What spaCy's sentencizer marks, and the token after any token holding a line break."""
    doc = spacy.blank("en")(text)
    doc = Sentencizer()(doc)
    starts = {t.i for t in doc if t.is_sent_start}
    starts |= {t.i + 1 for t in doc[:-1] if "\n" in t.text}
    return sorted(starts)


@pytest.mark.parametrize("text", TEXTS)
def test_sentence_starts_follow_the_sentencizer_and_line_breaks(nlp, text):
    doc = nlp.get_pipe("sentences")(nlp.make_doc(text))
    assert [t.i for t in doc if t.is_sent_start] == expected_starts(text)


@pytest.mark.parametrize("text", TEXTS)
def test_recorded_bounds_are_those_of_doc_sents(nlp, text):
    doc = nlp.get_pipe("sentences")(nlp.make_doc(text))
    spans = [(s.start_char, s.end_char) for s in doc.sents]
    assert sentence_bounds(doc) == spans


@pytest.mark.parametrize("text, sentences", [
    ("Another project, estimated at Rs. 800 million, would install cameras. It starts in 2016.", 2),
    ("Kenya paid KSh. 6 billion for the cameras.", 1),
    ("Uganda paid Ushs. 389 billion. The loan runs 12 years.", 2),
])
def test_a_currency_abbreviation_ends_no_sentence(nlp, text, sentences):
    doc = nlp.get_pipe("sentences")(nlp.make_doc(text))
    assert len(list(doc.sents)) == sentences
