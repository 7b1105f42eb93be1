"""The Mention record every recognition component produces, and the spaCy extensions."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from pipeline import spans

LABELS = ("COUNTRY", "PLACE", "VENDOR", "MONEY", "PERCENT", "QUANTITY", "DATE", "TECHNOLOGY")
VALUE_LABELS = ("MONEY", "PERCENT", "QUANTITY")


@dataclass
class Mention:
    """One labelled span of a document with its normalised fields (character offsets)."""

    label: str
    start: int
    end: int
    text: str
    source: str
    country: str | None = None
    vendor: str | None = None
    value: float | None = None
    currency: str | None = None
    unit: str | None = None
    qualifier: str | None = None
    period: str | None = None
    date: str | None = None
    technology: str | None = None
    note: str | None = None
    # Not written to the tables: how a country is written (name, alias, demonym); for a country
    # inside an organisation's name, which kind of organisation (financier, organisation); the
    # mention's id in its document (m1, m2 ...), set once the document's mentions are final.
    form: str | None = None
    organisation: str | None = None
    id: str | None = None


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per doc (spaCy joins every token again on each access);
    `pipeline.nlp` stores the text it tokenised, so it is never joined at all."""
    text = doc.user_data.get("claimtrace_text")
    if text is None:
        text = doc.user_data["claimtrace_text"] = doc.text
    return text


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) characters of every sentence, collected once per doc; the whole doc when
    it has no sentence boundaries."""
    return _sentence_index(doc)[1]


def sentence_at(doc: Doc, offset: int) -> tuple[int, int]:
    """(start, end) characters of the sentence holding `offset`, found by bisection."""
    return spans.sentence_at(_sentence_index(doc), offset)


def set_sentence_bounds(doc: Doc, bounds: list[tuple[int, int]]) -> tuple[list[int], list[tuple[int, int]]]:
    """Record the (start, end) characters of a doc's sentences, in order, for `sentence_at`."""
    index = doc.user_data["claimtrace_sentences"] = spans.sentence_index(bounds)
    return index


def _sentence_index(doc: Doc) -> tuple[list[int], list[tuple[int, int]]]:
    index = doc.user_data.get("claimtrace_sentences")
    if index is None:
        if doc.has_annotation("SENT_START"):
            bounds = [(s.start_char, s.end_char) for s in doc.sents]
        else:
            bounds = [(0, len(doc_text(doc)))]
        index = set_sentence_bounds(doc, bounds)
    return index


@dataclass(frozen=True)
class Capitals:
    """When a word written in capitals stands among capitals (`countries.yaml`): its sentence has
    more than `share` of its letters in capitals (a heading, a shouted title), or a comma joins it
    to a word in capitals of at least `neighbour_letters` letters, as in a dateline ("NAIROBI,
    KENYA -"); a name in capitals next to an acronym ("TANGO FLNG") is neither."""

    share: float
    neighbour_letters: int

    @staticmethod
    @functools.lru_cache(maxsize=4)
    def may_hold(text: str) -> bool:
        """Whether `text` holds two words in capitals side by side or joined by a comma, one of
        them of four capitals (a cheap test before the others: lone acronyms stand among none);
        asked by two components of the same text, searched once."""
        return _CAPITALS_PAIR.search(text) is not None

    def sentence_in_capitals(self, doc: Doc, offset: int) -> bool:
        """Whether the sentence holding `offset` is written in capitals."""
        sentence = doc_text(doc)[slice(*sentence_at(doc, offset))]
        letters = [c for c in sentence if c.isalpha()]
        return bool(letters) and sum(c.isupper() for c in letters) > self.share * len(letters)

    def among_capitals(self, doc: Doc, start: int, end: int) -> bool:
        """Whether the words at [start, end) stand among capitals."""
        span = doc.char_span(start, end)
        if span is None:
            return False
        joined = [doc[span.start - 2] if span.start >= 2 and doc[span.start - 1].text == "," else None,
                  doc[span.end + 1] if span.end + 1 < len(doc) and doc[span.end].text == "," else None]
        if any(t is not None and t.is_upper and t.is_alpha and len(t) >= self.neighbour_letters for t in joined):
            return True
        return self.sentence_in_capitals(doc, start)


_CAPITALS_PAIR = re.compile(r"[A-Z]{4}[A-Z'’.-]*,? [A-Z][A-Z'’.-]+(?![\w])|(?<![\w])[A-Z][A-Z'’.-]+,? [A-Z]{4}")


def capitals_of(countries: dict) -> Capitals:
    """The `Capitals` settings of `countries.yaml`."""
    return Capitals(float(countries["capitals_share"]), int(countries["capitals_neighbour_letters"]))


def make_mention(doc: Doc, label: str, start: int, end: int, source: str, **norm) -> Mention:
    """A Mention over `doc.text[start:end]`."""
    return Mention(label=label, start=start, end=end, text=doc_text(doc)[start:end], source=source, **norm)


# the rule (`source`) that finds a dateline's place: the claims' country choice reads it
DATELINE_SOURCE = "place_dateline"

# doc._.mentions: the Mention list; doc._.in_names: countries named inside organisations' names
# (not mentions, but they may tell a borrower's country); doc._.listed_places: the spans of every
# name the place tables list, taken as a PLACE or not (a town needing evidence it lacks is still no
# company's name); doc._.claims; doc._.published.
for _name in ("mentions", "in_names", "listed_places", "claims", "deals", "published"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def doc_mentions(doc: Doc) -> list[Mention]:
    """The mentions list of a doc, created on first use."""
    if doc._.mentions is None:
        doc._.mentions = []
    return doc._.mentions


def doc_in_names(doc: Doc) -> list[Mention]:
    """The countries named inside organisations' names, created on first use."""
    if doc._.in_names is None:
        doc._.in_names = []
    return doc._.in_names
