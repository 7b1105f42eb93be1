"""Claims: each MONEY, PERCENT and QUANTITY mention tied to the country it is about, the
vendors and date of its clause, and who asserts it, with the mention behind each field.

`attach_claims` is one pure function over a whole document, called once per document; its
lookups are built once (`DocumentIndex`, `ByPosition`), so the work per fact is a bisection or
its own sentence, never a scan of every mention.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from pipeline.claims.claimants import ClaimantFinder, span_of
from pipeline.claims.country import NO_COUNTRY, CountryContext, CountryRules, Fact
from pipeline.claims.index import ByPosition, DocumentIndex
from pipeline.domain import DomainData
from pipeline.mention import VALUE_LABELS, Mention
from pipeline.patterns import alternation
from pipeline.spans import Span


@dataclass
class Claim:
    """One quantitative fact and what it is tied to."""

    mention: Mention
    sentence: Span
    country: str | None = None
    country_mention: Mention | None = None
    vendors: list[str] = field(default_factory=list)
    vendor_mentions: list[Mention] = field(default_factory=list)
    date: str | None = None
    date_mention: Mention | None = None
    claimant: str | None = None


class ClaimRules:
    """Everything `attach_claims` needs from the domain data, built once per DomainData."""

    def __init__(self, domain: DomainData):
        self.country = CountryRules(domain)
        self.claimant = ClaimantFinder(domain)
        self.clause_separator = re.compile(alternation(domain["claims"]["clause_separators"]))

    def clause(self, text: str, sentence: Span, mention: Mention) -> Span:
        """The part of the sentence between clause separators (";") that holds the fact."""
        start, end = sentence
        for match in self.clause_separator.finditer(text, start, end):
            if match.end() <= mention.start:
                start = match.end()
            elif match.start() >= mention.end:
                end = match.start()
                break
        return start, end


@functools.lru_cache(maxsize=8)
def claim_rules(domain: DomainData) -> ClaimRules:
    """The claim rules of a DomainData (built once per process and domain)."""
    return ClaimRules(domain)


def attach_claims(text: str, sentences: list[Span], mentions: list[Mention], domain: DomainData,
                  in_names: list[Mention] = ()) -> list[Claim]:
    """A claim for every value mention of a document, in text order. `in_names`: countries named
    inside organisations' names, which are not mentions but may tell a borrower's country."""
    rules = claim_rules(domain)
    index = DocumentIndex(text, sentences)
    countries = CountryContext(text, index, mentions, list(in_names), rules.country)
    vendors = ByPosition(m for m in mentions if m.label == "VENDOR")
    dates = ByPosition(m for m in mentions if m.label == "DATE" and m.date and not m.date.startswith("P"))
    claimants: dict[Span, str | None] = {}  # one look per sentence
    claims = []
    for mention in (m for m in mentions if m.label in VALUE_LABELS):
        sentence = index.sentence_of(mention.start)
        if sentence not in claimants:
            claimants[sentence] = rules.claimant(text[sentence[0]:sentence[1]])
        claim = Claim(mention=mention, sentence=sentence, claimant=claimants[sentence])
        said_by = span_of(text, sentence, claim.claimant)
        in_sentence = [m for m in countries.places.within(*sentence)
                       if not said_by[0] <= m.start < said_by[1]]  # not "a U.S. filing" as the subject
        fact = Fact(mention, sentence, in_sentence, index.paragraph_start(mention.start))
        source = rules.country.choose(text, fact, countries)
        if source is not NO_COUNTRY:
            claim.country = source.country
            claim.country_mention = source if source.source != "country_in_name" else None
        clause = rules.clause(text, sentence, mention)
        _attach_vendors(claim, vendors.within(*clause))
        in_clause_dates = dates.within(*clause)
        if in_clause_dates:
            nearest = min(in_clause_dates, key=lambda m: abs(m.start - mention.start))
            claim.date, claim.date_mention = nearest.date, nearest
        claims.append(claim)
    return claims


def _attach_vendors(claim: Claim, vendors: list[Mention]) -> None:
    for vendor in vendors:
        claim.vendor_mentions.append(vendor)
        if vendor.vendor not in claim.vendors:
            claim.vendors.append(vendor.vendor)
