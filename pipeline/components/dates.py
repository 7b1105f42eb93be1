"""DATE: points in time and durations at the precision written ("14 March 2024", "2021",
"six months", "the past decade", "15-year"), relative ones resolved against publication."""
from __future__ import annotations

import re
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.domain import load_domain
from pipeline.mention import doc_mentions, doc_text, make_mention
from pipeline.normalise.dates import date_grammar, parse_date
from pipeline.normalise.numbers import after_no_year
from pipeline.patterns import first_letters_guard

# a year joined by a slash to a number that is no month ("13848/2020", "No. 27/2014") or to more
# digits and slashes after it ("2012/642/CFSP") is part of a document's code
# (not a span of years: "Financial Year 2021/2022")
_CODE_NUMBER_BEFORE = re.compile(r"(?<![\w/])(?!(?:19|20)\d\d/)(?:\d{3,}|1[3-9]|[2-9]\d)/\Z")
_CODE_AFTER = re.compile(r"/(?:(?!(?:19|20)\d\d(?![\d/]))\d{3,}|\d+/)")


def _in_code(text: str, start: int, end: int) -> bool:
    """Whether the date found at start:end is a year inside a code ("WK 13848/2020", "2012/642/CFSP")."""
    return _CODE_NUMBER_BEFORE.search(text, max(0, start - 8), start) is not None \
        or _CODE_AFTER.match(text, end) is not None


def _writes_month_first(text: str, numeric: re.Pattern, in_month_first_country: bool) -> bool:
    """Whether a document writes its dates month first: none of its numeric dates (`numeric`, the
    date grammar's day-first form) can only be read day first, and one can only be read month
    first ("8/19/2025") or the document is about a country that writes them so."""
    pairs = [(int(m.group("day")), int(m.group("month"))) for m in numeric.finditer(text)]
    if any(first > 12 >= second for first, second in pairs):
        return False
    return in_month_first_country or any(second > 12 >= first for first, second in pairs)


def _leading_country(mentions: list) -> str | None:
    """The country most of a document's COUNTRY and PLACE mentions name, if any."""
    counts = Counter(m.country for m in mentions if m.label in ("COUNTRY", "PLACE") and m.country)
    return counts.most_common(1)[0][0] if counts else None


def _month_first(written: str, value: str, numeric: re.Pattern) -> str:
    """The ISO date of a numeric date both of whose first numbers could be a month, read month
    first ("8/6/2025" -> 2025-08-06) in a document that writes its dates so."""
    match = numeric.fullmatch(written)
    if not match or int(match.group("month")) > 12:
        return value
    return f"{match.group('year')}-{int(match.group('day')):02d}-{int(match.group('month')):02d}"


class DateRecogniser:
    """Finds dates and durations with the date grammar's finder; parses each with `parse_date`,
    which reads it by the same grammar."""

    def __init__(self, config_dir: str | None):
        domain = self.domain = load_domain(config_dir)
        grammar = date_grammar(domain)
        self.pattern = grammar.finder
        # the grammar's numeric date, day first ("12/03/2022"), for a document writing month first
        self.numeric = re.compile(next(form.pattern for form in grammar.forms if form.name == "numeric_dmy"))
        self.month_first_countries = frozenset(domain["dates"]["month_first_countries"])
        # "in May", "by March", "last May": a month alone, after one of these words, in the year of
        # the last date written before it, else of publication; tried only where such a word starts
        dates = domain["dates"]
        cue = first_letters_guard([*dates["month_alone_cues"], *dates["month_relative"]],
                                  behind=r"(?<![\w-])", every_case=True)
        self.month_alone = re.compile(cue + grammar.month_alone.pattern)
        self.years = tuple(dates["year_range"])
        self.range_start_window = int(domain["numbers"]["windows"]["range_start_before"])

    def _counted_range_end(self, text: str, match: re.Match) -> bool:
        """A bare year ending a range whose first number is no year: "between 1500 and 2000 cameras"."""
        written = match.group()
        return written.isdigit() and after_no_year(text, match.start(), self.years, self.range_start_window)

    def __call__(self, doc: Doc) -> Doc:
        mentions = doc_mentions(doc)
        published = doc._.published
        text = doc_text(doc)
        # (start, end, whether the year comes from the text before: "In 2015 … In June, …")
        found = [(m.start(), m.end(), False) for m in self.pattern.finditer(text)
                 if not re.match(r"[.,]\d", text[m.end():m.end() + 2])  # "2023.5", "2,023" are numbers
                 and not _in_code(text, m.start(), m.end()) and not self._counted_range_end(text, m)]
        found += [(m.start("offset"), m.end(), False) if m.group("offset") else (m.start("month"), m.end(), True)
                  for m in self.month_alone.finditer(text)]
        year = None  # the year of the last date written; after a year past publication ("to 2028"), none
        month_first = _writes_month_first(text, self.numeric, _leading_country(mentions) in self.month_first_countries)
        for start, end, year_from_text in sorted(found):
            value = parse_date(text[start:end], year if year_from_text and year else published, self.domain)
            if month_first and value:
                value = _month_first(text[start:end], value, self.numeric)
            mentions.append(make_mention(doc, "DATE", start, end, "date_rule", date=value,
                                         note=None if value else "date unknown"))
            if value and not value.startswith("P") and len(value) >= 4:
                year = None if published and value[:4] > published[:4] else value[:4]
        return doc


@Language.factory("claimtrace_dates", default_config={"config_dir": None})
def make_dates(nlp: Language, name: str, config_dir: str | None):
    """The DATE recogniser; `config_dir` overrides the bundled `configs/`."""
    return DateRecogniser(config_dir)
