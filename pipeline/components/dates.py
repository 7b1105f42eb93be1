"""DATE: points in time and durations at the precision written ("14 March 2024", "2021",
"six months", "the past decade", "15-year"), relative ones resolved against publication."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.domain import load_domain
from pipeline.mention import doc_mentions, doc_text, make_mention
from pipeline.normalise.dates import parse_date
from pipeline.patterns import alternation, year_pattern


def date_regex(domain) -> re.Pattern:
    """One alternation of every date form, longest forms first so they win at a position."""
    dates, numbers = domain["dates"], domain["numbers"]
    month = alternation([m.capitalize() for m in dates["months"]]) + r"\.?"
    full_month = alternation([m.capitalize() for m in dates["months"] if len(m) > 3 or m == "may"])
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    year = year_pattern(domain)
    decade_year = alternation({str(y)[:3] for y in range(*dates["year_range"])})
    leads = alternation(dates["duration_lead_words"], "i")
    firsts = alternation(dates["duration_first_words"], "i")
    units = alternation(dates["duration_units"])
    number_words = alternation([*numbers["units"], *numbers["tens"]], "i")
    count = rf"(?:\d+|{number_words}(?:[ -]{number_words})?)"
    relative = alternation(dates["relative"], "i")
    forms = [
        r"\d{4}-\d{2}-\d{2}(?![\d])",
        rf"\d{{1,2}}([/.])\d{{1,2}}\1{year}",  # 12/03/2022, read day first
        rf"{year}/\d{{1,2}}/\d{{1,2}}(?![\d/])",
        rf"(?:(?i:the)\s+)?{decade_year}0s(?![\w])",  # the 1990s
        rf"{day}\s+(?:of\s+)?{month},?\s+{year}",
        rf"{month}\s+{day},?\s+{year}",
        rf"{month},?\s+(?:of\s+)?{year}",
        rf"{day}\s+(?:of\s+)?{full_month}(?![\w])",
        rf"{full_month}\s+{day}(?![\d\w])",
        rf"(?:{count}|(?i:an?))\s+{units}s?\s+ago(?![\w])",
        relative + r"(?![\w])",
        rf"(?:(?i:the)\s+)?(?:{leads}\s+(?:{count}\s+)?|{firsts}\s+{count}\s+){units}s?(?![\w])",
        rf"(?:{count}[ -]{units}s?|(?i:an?)\s+(?:decade|century))(?:[ -]long)?(?![\w])",
        rf"{year}(?![\w%])",
    ]
    return re.compile(r"(?<![\w$€£¥])(?:" + "|".join(forms) + ")")


class DateRecogniser:
    """Finds dates and durations with one regular expression; parses each with `parse_date`."""

    def __init__(self, config_dir: str | None):
        domain = self.domain = load_domain(config_dir)
        dates = domain["dates"]
        self.pattern = date_regex(domain)
        months = alternation([m.capitalize() for m in dates["months"] if len(m) > 3 or m == "may"])
        # "in May", "by March": a month alone, after one of these words, in the year of the last
        # date written before it, else of publication
        self.month_alone = re.compile(
            rf"(?<![\w-])(?:(?P<relative>{alternation(dates['month_relative'], 'i')})\s+"
            rf"|{alternation(dates['month_alone_cues'], 'i')}\s+)(?P<month>{months})(?![\w])(?!,?\s+\d)")

    def __call__(self, doc: Doc) -> Doc:
        mentions = doc_mentions(doc)
        published = doc._.published
        text = doc_text(doc)
        # (start, end, whether the year comes from the text before: "In 2015 … In June, …")
        found = [(m.start(), m.end(), False) for m in self.pattern.finditer(text)
                 if not re.match(r"[.,]\d", text[m.end():m.end() + 2])]  # "2023.5", "2,023" are numbers
        found += [(m.start("relative"), m.end(), False) if m.group("relative") else (m.start("month"), m.end(), True)
                  for m in self.month_alone.finditer(text)]
        year = None  # the year of the last date written
        for start, end, year_from_text in sorted(found):
            value = parse_date(text[start:end], year if year_from_text and year else published, self.domain)
            mentions.append(make_mention(doc, "DATE", start, end, "date_rule", date=value,
                                         note=None if value else "date unknown"))
            if value and not value.startswith("P") and len(value) >= 4:
                year = value[:4]
        return doc


@Language.factory("claimtrace_dates", default_config={"config_dir": None})
def make_dates(nlp: Language, name: str, config_dir: str | None):
    """The DATE recogniser; `config_dir` overrides the bundled `configs/`."""
    return DateRecogniser(config_dir)
