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
from pipeline.claims.deals import Deal, DealDescriber, DealRules, DocumentDeals, join_same_amount, join_same_programme
from pipeline.claims.index import ByPosition, DocumentIndex
from pipeline.domain import DomainData
from pipeline.mention import VALUE_LABELS, Mention
from pipeline.patterns import alternation
from pipeline.readers import first_line_title
from pipeline.spans import Coverage, Span

# Country sources that are no mention of the document's: a country inside a name, a deal's, a currency's.
_NOT_MENTIONS = ("country_in_name", "deal", "currency", "body")


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
    deal: Deal | None = None
    same_as: Claim | None = None  # the claim this one repeats (a conversion, a headline)


@dataclass
class Attached:
    """A document's claims in text order and its deals."""

    claims: list[Claim]
    deals: list[Deal]


class ClaimRules:
    """Everything `attach_claims` needs from the domain data, built once per DomainData."""

    def __init__(self, domain: DomainData):
        self.country = CountryRules(domain)
        self.claimant = ClaimantFinder(domain)
        self.deals = DealRules(domain)
        self.describer = DealDescriber(domain)
        self.same_amount_min_value = float(domain["deals"]["same_amount_min_value"])
        self.clause_separator = re.compile(alternation(domain["claims"]["clause_separators"]))
        self.list_lead_end = domain["claims"]["list_lead_end"]
        self.quote_reach = int(domain["claims"]["quote_reach_sentences"])
        self.opening_quotes = tuple(domain["claims"]["opening_quotes"])
        self.closing_quotes = tuple(domain["claims"]["closing_quotes"])
        self.heading_max_chars = int(domain["claims"]["heading_max_chars"])
        # a round-up's section heading: a name, a colon and a title ending no sentence; no caption or byline
        headings = domain["claims"]["section_headings"]
        self.section_heading = re.compile(
            rf"(?!{alternation(headings['not_first_words'])}\b)[A-Z][\w'’ -]{{1,{int(headings['name_max_chars'])}}}:[ ]"
            r"[^\n]*[^.!?\"'”’\s]$")
        # a line that ends the story: what follows is page furniture (other stories' teasers)
        self.story_end = re.compile(rf"(?m)^[ \t]*{alternation(domain['claims']['story_end_lines'])}")
        self.long_line = re.compile(rf"(?m)^[^\n]{{{int(domain['claims']['story_end_max_line_chars'])},}}")
        self.teaser_line = re.compile(rf"(?mi)^[ \t]*{alternation(domain['claims']['teaser_lines'])}[^\n]*")
        # a teaser that carries its own headline is one line inside the story, not its end
        headline_words = int(domain["claims"]["teaser_headline_words"])
        self.inline_teaser = re.compile(
            rf"(?i)[ \t]*{alternation(domain['claims']['teaser_lines'])}[:.\s-]*(?:[^\s\n]+[ \t]+){{{headline_words - 1}}}[^\s\n]")
        self.outside_claimant = re.compile(rf"(?<![\w-]){alternation(domain['claims']['outside_claimants'], 'i')}(?![\w-])")
        self.company_reference = re.compile(rf"\s*{alternation(domain['claims']['company_references'], 'i')}(?![\w-])")
        self.conversion = re.compile(r"\s*(?:" + "|".join(
            r"\s*".join(re.escape(part) for part in joiner.split()) for joiner in
            sorted(domain["deals"]["conversion_joiners"], key=len, reverse=True)) + r")\s*", re.I)

    def end_of_story(self, text: str) -> int:
        """Where the story ends: the first line of `story_end_lines` in its second half after
        which no line is as long as a story's paragraph (`story_end_max_line_chars`: only
        teasers and furniture follow), other than a teaser carrying its own headline ("Read more:
        Toronto police to get body cameras", one line inside the story); the text's end when
        there is none."""
        for ended in self.story_end.finditer(text, len(text) // 2):
            if self.inline_teaser.match(text, ended.start()):
                continue  # "Read more: Toronto police to get 2,350 body cameras"
            next_line = text.find("\n", ended.end())
            if next_line < 0 or self.long_line.search(text, next_line + 1) is None:
                return ended.start()
        return len(text)

    @staticmethod
    def headline_end(text: str) -> int:
        """Where the document's headline ends (`readers.first_line_title`); 0 when it has none."""
        title = first_line_title(text)
        return text.find(title) + len(title) if title else 0

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


class _Attacher:
    """One document's state while its facts and vendor sentences are read in text order."""

    def __init__(self, text: str, sentences: list[Span], mentions: list[Mention], domain: DomainData,
                 in_names: list[Mention], published: str | None):
        self.text = text
        self.rules = claim_rules(domain)
        # a vendor naming an event ("the Huawei Connect Summit") is no party to a deal, nor is
        # anything a teaser line names ("Read more: Huawei to build ...", before the story's end too)
        self.teasers = Coverage([match.span() for match in self.rules.teaser_line.finditer(text)])
        mentions = [m for m in mentions if (m.label != "VENDOR" or not self.rules.deals.names_an_event(text, m))
                    and (m.label in VALUE_LABELS or not self.in_teaser(m.start))]
        self.index = DocumentIndex(text, sentences, self.rules.list_lead_end, self.rules.section_heading,
                                   self.rules.heading_max_chars)
        self.countries = CountryContext(text, self.index, mentions, in_names, self.rules.country)
        self.vendors = ByPosition(m for m in mentions if m.label == "VENDOR")
        self.values = ByPosition(m for m in mentions if m.label in VALUE_LABELS)
        self.dates = ByPosition(m for m in mentions if m.label == "DATE" and m.date and not m.date.startswith("P"))
        self.deals = DocumentDeals(text, self.index, mentions, self.rules.deals, published)
        self.claimants: dict[Span, str | None] = {}  # one look per sentence
        self.story_end = self.rules.end_of_story(text)
        self.no_deal: dict[Span, bool] = {}  # one look per clause
        self.statistics: dict[Span, bool] = {}  # likewise
        self.later: list[tuple[Claim, Fact]] = []  # facts whose country comes from their deal or beyond
        self.headline_end = self.rules.headline_end(text)
        self.headline: list[Claim] = []  # the headline's facts of a deal told only after it
        self.last_money: Claim | None = None  # the amount a conversion after it repeats

    def finish(self, claims: list[Claim]) -> None:
        """Once every deal is known: a fact's country from its deal (else the document), and
        the deal's vendors for a fact whose clause names none."""
        for claim, fact in self.later:
            source = self.rules.country.choose(self.text, fact, self.countries, before_deal=False)
            if source is not NO_COUNTRY:
                claim.country = source.country
                claim.country_mention = None if source.source in _NOT_MENTIONS else source
                if claim.deal is None and not (fact.statistic or fact.no_deal):  # a fact told before its country's deal was spoken of
                    claim.deal = self.deals.main_deal(claim.country, claim.sentence)
        for claim in self.headline:  # "GAM to Increase Traffic Cams in Amman; 33 New Installations Soon"
            if claim.deal is None and claim.country is not None:
                claim.deal = self.deals.main_deal(claim.country, claim.sentence)
        for claim in claims:
            if not claim.vendors and claim.deal is not None:
                _attach_vendors(claim, claim.deal.vendor_mentions)

    def in_teaser(self, position: int) -> bool:
        """Whether `position` is on a teaser line (another story's headline)."""
        return self.teasers.covers(position)

    def fact(self, mention: Mention, sentence: Span) -> Fact:
        """A fact's surroundings: its sentence's candidate countries; those of an outside
        claimant left out ("a U.S. filing", "researchers at a Texas university") unless it is the
        buyer of a deal already told; a buyer's own claimant counts ("Frankfurt's transport company")."""
        in_sentence = self.countries.places.within(*sentence)
        who = self.claimant_of(sentence)
        if who and self.rules.outside_claimant.search(who):
            said_by = span_of(self.text, sentence, who)
            buyers = {deal.country for deal in self.deals.deals}
            in_sentence = [m for m in in_sentence if not said_by[0] <= m.start < said_by[1] or m.country in buyers]
        return Fact(mention, sentence, in_sentence, self.index.paragraph_start(mention.start))

    def claimant_of(self, sentence: Span) -> str | None:
        """The sentence's claimant; never a phrase holding one of its facts ("The 600 cameras");
        a list line after a lead ending with ":" has the lead's."""
        if sentence not in self.claimants:
            who = self.rules.claimant(self.text[sentence[0]:sentence[1]])
            start, end = span_of(self.text, sentence, who)
            who = None if who and self.values.within(start, end) else who
            self.claimants[sentence] = who if who else self._lead_claimant(sentence) or self._quote_claimant(sentence)
        return self.claimants[sentence]

    def _quote_claimant(self, sentence: Span) -> str | None:
        """The claimant of the sentence of its paragraph closing the quotation `sentence` opens
        and leaves open ("“We installed 3,050 cameras. The system cut crime,” said the mayor")."""
        written = self.text[sentence[0]:sentence[1]].strip()
        if not written.startswith(self.rules.opening_quotes) or any(q in written[1:] for q in self.rules.closing_quotes):
            return None
        number, paragraph = self.index.sentence_number(sentence[0]), self.index.paragraph_start(sentence[0])
        for later in self.index.sentences[1][number + 1:number + 1 + self.rules.quote_reach]:
            if self.index.paragraph_start(later[0]) != paragraph:
                return None
            if any(q in self.text[later[0]:later[1]] for q in self.rules.closing_quotes):
                return self.claimant_of(later)
        return None

    def belongs_to_no_deal(self, clause: Span) -> bool:
        """`DealRules.belongs_to_no_deal`, or a clause counting countries ("it has deployed in 100
        cities in close to 30 countries"), looked at once per clause (a clause often holds several facts)."""
        if clause not in self.no_deal:
            counts_countries = any(m.unit in self.rules.deals.any_no_deal_units for m in self.values.within(*clause))
            self.no_deal[clause] = counts_countries or self.rules.deals.belongs_to_no_deal(self.text, clause)
        return self.no_deal[clause]

    def _unattributed_statistic(self, clause: Span) -> bool:
        """A crime, casualty or population figure whose sentence (and the statistic it goes on
        from in the sentence before, in its paragraph) names no technology, vendor or deal
        ("Murders fell 10% nationwide last year"; but "Cameras went up and thefts fell by half.
        Burglaries also fell by a third."), or any rate per head ("73 cameras per 1,000 citizens")
        or figure of an economy ("a population of 3.3 million"): of no deal, but of its place's country."""
        deals = self.rules.deals
        if deals.rate.search(self.text, *clause) is not None or deals.economy_in(self.text, *clause) is not None:
            return True  # "73 cameras per 1,000 citizens": a rate compares places, whatever it counts; a population
        if deals.statistic_in(self.text, *clause) is None:
            return False
        sentence = self.index.sentence_of(clause[0])
        number = self.index.sentence_number(sentence[0])  # and a statistic before it in its paragraph
        before = self.index.sentences[1][number - 1] if number else sentence
        continued = before[0] >= self.index.paragraph_start(sentence[0]) and deals.statistic_in(self.text, *before)
        start = before[0] if continued else sentence[0]
        return not (self.deals.technologies.within(start, sentence[1]) or self.vendors.within(start, sentence[1])
                    or deals.attributed.search(self.text, start, sentence[1]))

    def _between(self, before: Span, after: Span) -> str:
        """The white space between two sentences' words."""
        end = before[0] + len(self.text[before[0]:before[1]].rstrip())
        words = self.text[after[0]:after[1]]
        return self.text[end:after[0] + len(words) - len(words.lstrip())]

    def _lead_claimant(self, sentence: Span) -> str | None:
        """The claimant of the list's lead sentence, when `sentence` is a line of that list."""
        number = self.index.sentence_number(sentence[0])
        for earlier in range(number - 1, -1, -1):
            lead = self.index.sentences[1][earlier]
            if self.text[lead[0]:lead[1]].rstrip().endswith(self.rules.list_lead_end):
                return self.claimant_of(lead)
            if self._between(lead, sentence).count("\n") != 1:
                return None  # not a line of a list: the sentence before is on its line or a paragraph away
            sentence = lead
        return None

    def vendor_sentence(self, sentence: Span, vendors: list[Mention]) -> None:
        """A sentence naming vendors opens or joins their deal, unless it speaks of no deal or of
        a ban on them (whose country is no buyer), or of a country's economy or people ("the
        surveillance systems the regime uses to control its population"); rivals ("ahead of ZTE")
        are no party to it."""
        if self.belongs_to_no_deal(sentence) or self.rules.deals.economy_in(self.text, *sentence) is not None:
            return
        if self.rules.deals.speaks_against(self.text, sentence, vendors):
            # "Australia banned Huawei, along with ZTE, from its 5G network" opens no deal and its
            # country is no buyer; the vendors may be the deal's told ("the cameras, made by
            # HikVision, are being banned in the West")
            focus = self.deals.focus
            told = [m for m in vendors if focus is not None and (
                m.vendor in focus.vendors or not self.rules.deals.banned_directly(self.text, sentence, m))]
            if told:  # no new vendor that is the ban's own target ("an order to ban Huawei")
                self.deals.open_from_vendors(sentence, told, None)
            return
        vendors = [m for m in vendors if not self.rules.deals.is_competitor(
            self.text, self.rules.clause(self.text, sentence, m), m)]
        if not vendors:
            return
        fact = self.fact(vendors[0], sentence)
        starts = {m.start for m in vendors}  # "built by China's Huawei": China is the vendor's, not the buyer
        fact.in_sentence = [m for m in fact.in_sentence if not self.rules.country.owns_vendor(self.text, m, starts)]
        country = self.rules.country.choose(self.text, fact, self.countries, before_deal=True)
        if country is None and self.deals.focus is None:
            country = self.rules.country.choose(self.text, fact, self.countries, before_deal=False)
        if country is NO_COUNTRY:
            country = None
        for other in self.rules.country.listed_with(self.text, country, fact.in_sentence) if country else []:
            self.deals.open_from_vendors(sentence, vendors, other)  # "Guinea and Mali … their Huawei-built systems"
        self.deals.open_from_vendors(sentence, vendors, country)

    def claim(self, mention: Mention) -> Claim:
        sentence = self.index.sentence_of(mention.start)
        claim = Claim(mention=mention, sentence=sentence, claimant=self.claimant_of(sentence))
        self._note_conversion(claim)
        clause = self.rules.clause(self.text, sentence, mention)
        clause_vendors = [m for m in self.vendors.within(*clause)
                          if not self.rules.deals.is_competitor(self.text, clause, m)]
        fact = self.fact(mention, sentence)
        fact.conversion = claim.same_as is not None
        # a market share has no deal, nor a figure after the story's end ("Source: …", teasers)
        fact.no_deal = mention.start >= self.story_end or self.in_teaser(mention.start) or self.belongs_to_no_deal(clause)
        source = self.rules.country.choose(self.text, fact, self.countries, before_deal=True)
        if source not in (None, NO_COUNTRY) and id(source) in self.countries.supplier_home_places:
            fact.no_deal = True  # "In Shenzhen there are about two million cameras": the supplier's home
        if not clause_vendors and fact.no_deal and self.rules.company_reference.match(self.text, sentence[0]):
            # "Huawei is a Chinese company ... It employs 197,000 people"
            clause_vendors = self._described_vendors(fact)
        if not fact.no_deal:
            self._find_deal(claim, fact, (clause, clause_vendors), source)
        elif source is None and self._market_in(clause):
            source = self._market_country(claim, fact)
        if source not in (None, NO_COUNTRY):
            claim.country = source.country
            claim.country_mention = None if source.source in _NOT_MENTIONS else source
        _attach_vendors(claim, clause_vendors)
        in_clause_dates = self.dates.within(*clause)
        if in_clause_dates:
            nearest = min(in_clause_dates, key=lambda m: abs(m.start - mention.start))
            claim.date, claim.date_mention = nearest.date, nearest
        return claim

    def _note_conversion(self, claim: Claim) -> None:
        """An amount converted from the one right before it is the same fact ("Sh460 billion,
        about $126 million"), see `mark_repeats`."""
        if claim.mention.label != "MONEY":
            return
        converted, self.last_money = self.last_money, claim
        if converted is not None and self.rules.conversion.fullmatch(self.text, converted.mention.end, claim.mention.start):
            claim.same_as = converted.same_as or converted

    def _market_country(self, claim: Claim, fact: Fact) -> Mention | None:
        """A market's figure of no deal ("The market is expected to reach …"): the country of its
        paragraph now, or of its document once every deal is known."""
        fact.market = True
        source = self.rules.country.choose(self.text, fact, self.countries, before_deal=True)
        if source is None:
            self.later.append((claim, fact))
        return source

    def _find_deal(self, claim: Claim, fact: Fact, clause: tuple[Span, list[Mention]], source: Mention | None) -> None:
        """The deal of a fact that may have one: none for an unattributed statistic (kept where
        the deal told beside it is), else the one its clause's vendors or the focus give; a fact
        whose country is known only later, or a headline's, is looked at again in `finish`."""
        span, vendors = clause
        found = None if source is NO_COUNTRY else source
        dominant = self.countries.dominant.country if self.countries.dominant else None
        if span not in self.statistics:
            self.statistics[span] = self._unattributed_statistic(span)
        fact.statistic = self.statistics[span]
        if fact.statistic:  # of no deal, but where the deal told beside it is
            fact.deal = self.deals.in_view(found.country if found else dominant)
        else:
            fact.deal = claim.deal = self.deals.deal_of_fact(claim.mention, claim.sentence, vendors, found, dominant)
        if source is None:
            self.later.append((claim, fact))
        elif claim.deal is None and not fact.statistic and claim.mention.start < self.headline_end:
            self.headline.append(claim)

    def _market_in(self, clause: Span) -> bool:
        """Whether a clause of no deal speaks of a market that is no region's ("The market is
        expected to reach …", not "The African video surveillance market"), or counts a country's
        own things of no deal (`no_deal_local_units`: subscribers, an audit's recommendations)."""
        local = any(m.unit in self.rules.deals.local_no_deal_units for m in self.values.within(*clause))
        return (local or self.rules.country.market_word.search(self.text, *clause) is not None) \
            and not self.rules.deals.speaks_of_region(self.text, clause)

    def _described_vendors(self, fact: Fact) -> list[Mention]:
        """The vendors of the last sentence before the fact in its paragraph that names any:
        the company a paragraph about its worldwide business describes ("It employs …")."""
        last = self.vendors.last_before(fact.paragraph_start, fact.sentence[0])
        return [] if last is None else self.vendors.within(*self.index.sentence_of(last.start))


def attach_claims(text: str, sentences: list[Span], mentions: list[Mention], domain: DomainData,
                  in_names: list[Mention] = (), published: str | None = None) -> Attached:
    """A claim for every value mention of a document, in text order, and the document's deals.
    `in_names`: countries named inside organisations' names, which are not mentions but may
    tell a borrower's country; `published`: the document's publication date (ISO), if known."""
    attacher = _Attacher(text, sentences, mentions, domain, list(in_names), published)
    by_sentence: dict[Span, list[Mention]] = {}
    for vendor in attacher.vendors.items:
        by_sentence.setdefault(attacher.index.sentence_of(vendor.start), []).append(vendor)
    # a sentence's vendors are read before its facts
    events = [(sentence[0], 0, sentence) for sentence in by_sentence]
    events += [(m.start, 1, m) for m in mentions if m.label in VALUE_LABELS]
    claims = []
    for _, kind, item in sorted(events, key=lambda e: (e[0], e[1])):
        if kind == 0:
            attacher.vendor_sentence(item, by_sentence[item])
        else:
            claims.append(attacher.claim(item))
    join_same_programme(text, attacher.deals.deals, ByPosition(mentions), attacher.rules.describer)
    _point_at_kept_deals(claims)
    join_same_amount(attacher.deals.deals, claims, attacher.rules.same_amount_min_value)
    _point_at_kept_deals(claims)
    for claim in claims:  # a deal is in one buyer country: none named, no deal
        if claim.deal is not None and claim.deal.country is None:
            claim.deal = None
    attacher.finish(claims)
    mark_repeats(claims)
    return Attached(claims, attacher.deals.reported())


def _point_at_kept_deals(claims: list[Claim]) -> None:
    """Claims of a deal folded into another point at the one kept."""
    for claim in claims:
        while claim.deal is not None and claim.deal.folded_into is not None:
            claim.deal = claim.deal.folded_into


def mark_repeats(claims: list[Claim]) -> None:
    """Claims that repeat one fact: an amount and its conversion written after it ("KSh 6
    billion (about £46 million)"; found as claims are made, it is in its amount's deal when that
    has one), and the same amount and currency again in the same deal (a headline and its body).
    Each repeat points at the first claim of its fact."""
    for claim in claims:
        if claim.same_as is not None and claim.same_as.deal is not None:
            claim.deal = claim.same_as.deal
    seen: dict[tuple, Claim] = {}
    for claim in claims:
        if claim.deal is None or claim.same_as is not None:
            continue
        key = (id(claim.deal), claim.mention.label, claim.mention.value, claim.mention.currency, claim.mention.unit)
        if claim.mention.value is not None and key in seen:
            claim.same_as = seen[key]
        seen.setdefault(key, claim)
    for claim in claims:
        if claim.deal is not None:
            claim.deal.claims.append(claim)


def _attach_vendors(claim: Claim, vendors: list[Mention]) -> None:
    for vendor in vendors:
        claim.vendor_mentions.append(vendor)
        if vendor.vendor not in claim.vendors:
            claim.vendors.append(vendor.vendor)
