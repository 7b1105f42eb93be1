"""The deals of one document and the deal each fact belongs to.

A deal is opened by a sentence naming vendors (their buyer country is the sentence's, else the
one in focus), joined by later sentences naming one of its vendors for the same country, and
opened without vendors for a country whose facts sit in a paragraph about a deal. Each fact
goes to the deal its clause names a vendor of, else to the deal in focus for its country (the
last one the text spoke of), else to none; a fact about a market or a vendor's worldwide
business belongs to none. Work per sentence and per fact is bounded by bisection.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from pipeline.claims.index import ByPosition, DocumentIndex
from pipeline.domain import DomainData
from pipeline.mention import VALUE_LABELS, Mention
from pipeline.normalise.money import currency_tables
from pipeline.patterns import Caseless, alternation, any_apostrophe, first_search, search_not_after
from pipeline.spans import Span

_DETERMINER_BEFORE = re.compile(r"(?<![\w-])(?i:the|a|an)\s+\Z")  # "the sanctioned Russian company"
_MID_SENTENCE = re.compile(r"[a-z,][ ]+\Z")  # a lower-case word or comma before: inside a sentence ("16 Suspects" is a headline's count)


def _acting_cue(cues: Caseless | re.Pattern, text: str, start: int, end: int) -> bool:
    """Whether one of `cues` in text[start:end] acts on what follows it: not a past participle
    describing a company after a determiner ("the sanctioned Russian company Papillon supplied")."""
    return first_search(cues, text, start, end, lambda found: found.group().endswith("ed") and _DETERMINER_BEFORE.search(
        text, max(0, found.start() - 5), found.start()) is not None) is not None


def _cue_in(cues: Caseless, text: str, start: int, end: int) -> re.Match | None:
    """The first of `cues` in text[start:end] not part of a name: one capitalised inside a
    sentence is ("the Window for Host Communities and Refugees"; not "Murders fell")."""
    return first_search(cues, text, start, end, lambda found: found.group()[0].isupper() and _MID_SENTENCE.search(
        text, max(0, found.start() - 3), found.start()) is not None)


_CODE_PARTS = re.compile(r"([A-Z]+)[- ]?(\d+)")  # a programme code's letters and number


@dataclass
class Deal:
    """One deal of a document, with the mentions it was built from."""

    key: str
    country: str | None
    country_mention: Mention | None = None
    vendors: list[str] = field(default_factory=list)
    vendor_mentions: list[Mention] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    claims: list = field(default_factory=list)
    last_touch: int = -1
    buyer: str | None = None  # the city or county named as the buying body when it was opened
    folded_into: Deal | None = None  # the deal of the same programme this one was joined to

    def add_vendor(self, mention: Mention) -> None:
        if mention.vendor not in self.vendors:
            self.vendors.append(mention.vendor)
            self.vendor_mentions.append(mention)

    def touch(self, sentence: Span, position: int) -> None:
        if not self.sentences or self.sentences[-1] != sentence:
            self.sentences.append(sentence)
        self.last_touch = max(self.last_touch, position)


class DealRules:
    """The cue words of `configs/deals.yaml`."""

    def __init__(self, domain: DomainData):
        data = domain["deals"]
        self.no_deal = Caseless(rf"(?<![\w-]){any_apostrophe(alternation(data['no_deal_cues'], 'i'))}(?![\w-])")
        self.described = tuple(data["scope_described_after"])  # "Hikvision, one of the world's largest makers"
        self.no_deal_units = set(data["no_deal_units"])
        self.local_no_deal_units = set(data["no_deal_local_units"])
        self.any_no_deal_units = self.no_deal_units | self.local_no_deal_units
        self.region = re.compile(
            rf"(?<![\w-])(?:{alternation(data['region_prepositions'], 'i')}\s+{alternation(data['regions'])}(?![\w-])"
            rf"|{alternation(data['regions'])}['’]s\s"
            rf"|{alternation(data['region_demonyms'])}\s+(?!{alternation(data['one_country_nouns'])}(?![\w-]))[a-z])")
        self.region_ranking = re.compile(rf"(?<![\w-]){alternation(data['region_ranking_cues'], 'i')}(?![\w-])")
        self.deal_cue = Caseless(rf"(?<![\w-]){alternation(data['deal_cues'], 'i')}(?![\w-])")
        self.not_party = re.compile(rf"(?<![\w-]){alternation(data['not_party_cues'], 'i')}(?![\w-])")
        self.against_reach = int(data["against_vendor_reach"])
        self.against_vendor = Caseless(rf"(?<![\w-]){alternation(data['against_vendor_cues'], 'i')}(?![\w-])")
        auxiliaries = alternation(data["against_vendor_auxiliaries"], "i")
        self.against_after = re.compile(
            rf"[ ]+(?:{auxiliaries}[ ]+){{0,3}}{alternation(data['against_vendor_cues_after'], 'i')}(?![\w-])")
        self.competitor = re.compile(rf"(?<![\w-]){alternation([*data['competitor_cues'], *data['investor_cues']], 'i')}(?![\w-])")
        self.competitor_near = re.compile(rf"(?<![\w-]){alternation(data['competitor_cues_near'], 'i')}(?![\w-])")
        self.competitor_reach = int(data["competitor_reach"])
        # "X, the higher-priced competitor", "X's protest", "X, which protested", "X lost out"
        role = alternation(data['competitor_after'], 'i')
        self.competitor_after = re.compile(
            rf"(?:['’]s(?:\s+[\w-]+)?|,\s+(?:the|a|an)(?:\s+[\w-]+){{0,2}}?|,?\s+(?:which|who|that)(?:\s+(?:has|had|also))?"
            rf"|\s+(?:has|had|also))?\s+{role}(?![\w-])", re.I)
        self.join_in_paragraph = bool(data["join_in_paragraph"])
        self.focus_paragraphs = int(data["focus_paragraphs"])
        self.relative_clause = re.compile(rf"\s*,?\s*{alternation(data['relative_pronouns'], 'i')}\s+")
        self.separate = Caseless(rf"(?<![\w-]){alternation(data['separate_deal_cues'], 'i')}(?![\w-])")
        self.vendor_reference = re.compile(
            rf"\s*(?i:the)\s+(?:[\w-]+\s+){{0,2}}{alternation(data['vendor_references'])}(?![\w-])")
        self.focus_reference = re.compile(rf"(?<![\w-]){alternation(data['focus_references'], 'i')}(?![\w-])")
        self.contractors = set(data["general_contractors"])
        self.earlier_deal_years = int(data["earlier_deal_years"])
        self.buyer_before = re.compile(rf"(?<![\w-]){alternation(data['buyer_place_before'], 'i')}\s+(?:the\s+)?\Z")
        self.buyer_after = re.compile(
            rf"\s+{alternation(data['buyer_place_after'])}(?![\w-])|,\s+{alternation(data['buyer_place_after_comma'])}(?![\w-])")
        self.ongoing_year = re.compile(rf"(?<![\w-]){alternation(data['ongoing_year_cues'], 'i')}\s+\Z")
        self.event_after = re.compile(rf"(?:[ ](?:[A-Z][\w-]*|\d{{4}})){{0,4}}[ ]{alternation(data['event_words'])}(?![\w])")
        self.own_deal_word = Caseless(rf"(?<![\w-]){alternation(data['fact_deal_words'], 'i')}(?![\w-])")
        self.deal_word = Caseless(rf"(?<![\w-]){alternation(data['deal_words'], 'i')}(?![\w-])")
        told = [*data["deal_cues"], *data["deal_words"], *data["deal_verbs"]]
        self.tells_of_a_deal = Caseless(rf"(?<![\w-]){alternation(told, 'i')}(?![\w-])")
        self.rate = Caseless(rf"(?<![\w-]){alternation(data['rate_cues'], 'i')}(?![\w-])")
        self.statistic = Caseless(rf"(?<![\w-]){alternation(data['statistic_cues'], 'i')}(?![\w-])")
        self.economy = Caseless(rf"(?<![\w-]){alternation(data['economy_cues'], 'i')}(?![\w-])")
        # what attributes a statistic to a system besides a technology or a vendor: a deal's words
        # and verbs or an attribution ("the rollout"); not `deal_cues` ("police" says who counted)
        attributions = [*data["deal_words"], *data["deal_verbs"], *data["statistic_attributions"]]
        self.attributed = Caseless(rf"(?<![\w-]){alternation(attributions, 'i')}(?![\w-])")
        of_a_deal = [*data["statistic_attributions"], *data["focus_references"], *data["deal_paragraph_words"]]
        self.deal_paragraph_word = Caseless(rf"(?<![\w-]){alternation(of_a_deal, 'i')}(?![\w-])")

    def buyer_place(self, text: str, country: Mention | None) -> str | None:
        """The name of a city or county named as a deal's buying body ("the Mesa City Council",
        "the City of Phoenix"), from the place a vendor sentence's facts are about; None for a
        country or a place named otherwise."""
        if country is None or country.label != "PLACE":
            return None
        named = self.buyer_before.search(text, max(0, country.start - 20), country.start) \
            or self.buyer_after.match(text, country.end)
        return country.text if named else None

    def speaks_against(self, text: str, sentence: Span, vendors: list[Mention]) -> bool:
        """Whether a sentence tells of a ban, sanction or pressure on its vendors: one of
        `against_vendor_cues` at most `against_vendor_reach` characters before one ("Australia
        banned Huawei"; not "cameras made by Hikvision, months after the government banned new
        purchases"), or one of `against_vendor_cues_after` right after it past auxiliaries
        ("Hikvision has not been allowed to sell to U.S. federal agencies"). Such a sentence opens
        no deal (it may name the vendors of one already told)."""
        return any(self.banned_directly(text, sentence, m) or self.against_after.match(text, m.end) is not None
                   for m in vendors)

    def banned_directly(self, text: str, sentence: Span, vendor: Mention) -> bool:
        """Whether one of `against_vendor_cues` stands before a vendor in its sentence: the ban's
        target ("an order to ban Huawei and ZTE"), not the maker of something banned."""
        return _acting_cue(self.against_vendor, text, max(sentence[0], vendor.start - self.against_reach), vendor.start)

    def names_an_event(self, text: str, vendor: Mention) -> bool:
        """Whether a vendor's name opens an event's ("Huawei Connect 2023", "the Huawei Asia-Pacific
        Innovation Day"): capitalised words or numbers after it end in one of `event_words`."""
        return self.event_after.match(text, vendor.end) is not None

    def is_competitor(self, text: str, clause: Span, mention: Mention) -> bool:
        """Whether a vendor or country stands after a rival's cue in its clause ("ahead of ZTE"),
        or right after one of `competitor_cues_near` ("against Huawei"; not "photos cross-referenced
        against the CONARC database of NtechLab"),
        or before a denial of its part ("Huawei ... is not named as a supplier") or a rival's role
        ("Axon, the higher-priced competitor", "Raytheon's protest of the award")."""
        return _acting_cue(self.competitor, text, clause[0], mention.start) \
            or self.competitor_near.search(text, max(clause[0], mention.start - self.competitor_reach), mention.start) is not None \
            or self.not_party.search(text, mention.end, clause[1]) is not None \
            or self.competitor_after.match(text, mention.end, clause[1]) is not None

    def statistic_in(self, text: str, start: int, end: int) -> re.Match | None:
        """The first of `statistic_cues` in text[start:end] not part of a name (see `_cue_in`)."""
        return _cue_in(self.statistic, text, start, end)

    def economy_in(self, text: str, start: int, end: int) -> re.Match | None:
        """The first of `economy_cues` in text[start:end] not part of a name ("the Office of
        Identification of the Population" is none)."""
        return _cue_in(self.economy, text, start, end)

    def belongs_to_no_deal(self, text: str, clause: Span) -> bool:
        """Whether a fact's clause is about a market, a vendor's worldwide business or a region
        of several countries."""
        # a cue after one of `scope_described_after` describes a vendor ("one of the world's largest makers")
        return search_not_after(self.no_deal, text, *clause, self.described) is not None \
            or self.speaks_of_region(text, clause)

    def speaks_of_region(self, text: str, clause: Span) -> bool:
        """Whether a clause speaks of a region, not of where a place ranks in one ("one of the
        most watched cities in South America")."""
        return first_search(self.region, text, *clause,
                            lambda found: self.region_ranking.search(text, clause[0], found.start()) is not None) is not None


class DocumentDeals:
    """The deals of one document, built as its sentences are read in order."""

    def __init__(self, text: str, index: DocumentIndex, mentions: list[Mention], rules: DealRules,
                 published: str | None = None):
        self.text, self.index, self.rules = text, index, rules
        self.deals: list[Deal] = []
        self.focus: Deal | None = None
        self.vendors = ByPosition(m for m in mentions if m.label == "VENDOR")
        self.technologies = ByPosition(m for m in mentions if m.label == "TECHNOLOGY")
        self.values = ByPosition(m for m in mentions if m.label in VALUE_LABELS)
        self.years = ByPosition(m for m in mentions if m.label == "DATE" and _year(m.date) is not None)
        self.published_year = _year(published)
        # a document about no surveillance or security technology reports no deal
        self.about_surveillance = bool(self.technologies.items) or rules.deal_cue.search(text) is not None
        self.paragraphs_about: dict[int, bool] = {}
        self.paragraphs_of_deals: dict[int, bool] = {}
        self.blank_line_paragraphs = "\n\n" in text
        self.separate_sentences: set[Span] = set()
        self.separate_cue: dict[Span, bool] = {}
        self.deal_years: dict[int, tuple[int, int | None]] = {}  # id(deal) -> (sentences read, earliest year)

    def open_from_vendors(self, sentence: Span, vendors: list[Mention], country: Mention | None) -> None:
        """The deals of a sentence naming vendors. Vendors after a separate-deal cue ("Safaricom,
        which already runs 1,800 cameras under a Huawei-built system") open a deal of their own,
        with the vendor the cue's relative clause speaks of; the others join their deal."""
        if not self.about_surveillance:
            vendors = [m for m in vendors if m.source == "vendor_gazetteer" and m.vendor not in self.rules.contractors]
        cue = self.rules.separate.search(self.text, *sentence)
        before = [m for m in vendors if cue is None or m.end <= cue.start()]
        after = [m for m in vendors if m not in before]
        if before:
            self._open(sentence, before, country, separate=False)
        if after:
            relative = before and self.rules.relative_clause.fullmatch(self.text, before[-1].end, cue.start())
            self._open(sentence, before[-1:] + after if relative else after, country, separate=True)

    def _open(self, sentence: Span, vendors: list[Mention], country: Mention | None, separate: bool) -> Deal | None:
        """The deal of a sentence's vendors: an existing deal of the same country sharing one
        of them (unless `separate`), else a new one; it becomes the deal in focus."""
        code = country.country if country is not None else (self.focus.country if self.focus else None)
        buyer = self.rules.buyer_place(self.text, country)
        deal = None if separate else self._deal_of_vendors(code, {m.vendor for m in vendors}, sentence, buyer) \
            or self._referred_to(sentence, country) or self._vendor_referred_to(sentence, code)
        if deal is None:
            deal = self._new(code, country)
            deal.buyer = buyer
        for mention in vendors:
            deal.add_vendor(mention)
        deal.touch(sentence, vendors[-1].start)
        self.focus = deal
        return deal

    def reported(self) -> list[Deal]:
        """The deals the document reports: those with a buyer country and facts, or with vendors
        named in a sentence that tells of a deal ("Huawei technicians helped the governments of
        Uganda and Zambia spy on opponents" reports none)."""
        return [deal for deal in self.deals if deal.country and (
            deal.claims or deal.vendors and any(self._tells_of_a_deal(s) for s in deal.sentences))]

    def _tells_of_a_deal(self, sentence: Span) -> bool:
        """Whether a sentence tells of a deal: a technology, a fact, or one of `deal_cues`,
        `deal_words` or `deal_verbs` in it."""
        return bool(self.technologies.within(*sentence) or self.values.within(*sentence)) \
            or self.rules.tells_of_a_deal.search(self.text, *sentence) is not None

    def _deal_of_vendors(self, code: str | None, names: set[str], sentence: Span, buyer: str | None) -> Deal | None:
        """The country's deal sharing a vendor; else (`join_in_paragraph`) the deal in focus
        when the paragraph spoke of it; else its vendorless deal, whose facts were told before
        the vendor was named. A deal another city or county bought is none of these."""
        same_country = [d for d in self.deals if d.country == code and _same_buyer(d.buyer, buyer)]
        deal = next((d for d in same_country if names & set(d.vendors)), None)
        if deal is None and self.rules.join_in_paragraph and self.focus in same_country \
                and self.focus.last_touch >= self.index.paragraph_start(sentence[0]):
            deal = self.focus
        return deal or next((d for d in same_country if not d.vendors and not self._dated_before(sentence, d)), None)

    def main_deal(self, code: str, sentence: Span) -> Deal | None:
        """A country's first deal with vendors, else its first deal, for a fact whose country is
        known only once the whole document was read and which was told before that deal was
        first spoken of (a headline; "A network of 6,000 cameras …" before the vendor is named);
        none for a fact told after it and out of its focus (a crime figure paragraphs later)."""
        same = [d for d in self.deals if d.country == code]
        chosen = next((d for d in same if d.vendors), same[0] if same else None)
        if chosen is not None and chosen.sentences and chosen.sentences[0][0] < sentence[0]:
            return None
        if chosen is not None:
            chosen.touch(sentence, -1)
        return chosen

    def _focus_start(self, offset: int) -> int:
        """Where the text within `focus_paragraphs` of `offset` starts: a deal touched since is in focus there."""
        return self.index.paragraph_start(offset, self.rules.focus_paragraphs - 1)

    def _referred_to(self, sentence: Span, country: Mention | None) -> Deal | None:
        """The deal in focus, when a sentence naming no country refers to it ("the system")."""
        if country is not None or self.focus is None or self.focus.country is None:
            return None
        recent = self.focus.last_touch >= self._focus_start(sentence[0])
        return self.focus if recent and self.rules.focus_reference.search(self.text, *sentence) else None

    def _vendor_referred_to(self, sentence: Span, code: str | None) -> Deal | None:
        """The deal in focus of the same country, when a sentence naming a new vendor opens by
        referring to its vendor by description ("The Chinese ICT firm teamed up with Safaricom";
        not "the maker of their drones, Chinese company DJI", which describes the new one)."""
        focus = self.focus
        if focus is None or not focus.vendors or code not in (None, focus.country):
            return None
        recent = focus.last_touch >= self._focus_start(sentence[0])
        return focus if recent and self.rules.vendor_reference.match(self.text, *sentence) else None

    def deal_of_fact(self, fact: Mention, sentence: Span, clause_vendors: list[Mention],
                     country: Mention | None, document_country: str | None = None) -> Deal | None:
        """The deal a fact belongs to: the one its clause names a vendor of, else the one in
        focus for its country (the document's, when neither its sentence nor its paragraph
        names one), else a vendorless deal when its paragraph is about one."""
        code = country.country if country is not None else None
        names = {m.vendor for m in clause_vendors}
        if names:
            deals = [d for d in self.deals if names & set(d.vendors) and code in (None, d.country)]
            chosen = max(deals, key=lambda d: d.last_touch, default=None)
        elif self._tells_a_separate_deal(sentence) or self._tells_an_earlier_deal(sentence, code):
            # "which runs a separate network of 8,000 cameras"; "Laos first put up cameras in 2009"
            chosen = self._separate(fact, sentence, country, document_country)
        elif self._paragraph_of_a_deal(fact):
            chosen = self._in_focus(code, self._focus_start(fact.start))
            if chosen is None and code is None and document_country is not None:
                chosen = self._in_focus(document_country, 0)
        else:  # "Three new deputy ministers were sworn in": a paragraph of another matter
            return None
        buyer = code or document_country  # a one-country story's fact whose sentence names no country
        if chosen is None and buyer is not None and self._about_a_deal(fact):
            chosen = self._new(buyer, country)
        if chosen is not None:
            if chosen.country is None and country is not None:  # its buyer, told by the facts
                chosen.country, chosen.country_mention = country.country, country
            chosen.touch(sentence, fact.start)
            self.focus = chosen
        return chosen

    def _separate(self, fact: Mention, sentence: Span, country: Mention | None, document_country: str | None):
        """A new vendorless deal for the facts of a sentence telling of a separate one."""
        self.separate_sentences.add(sentence)
        buyer = country.country if country is not None else (self.focus.country if self.focus else document_country)
        return self._new(buyer, country) if buyer and self._about_a_deal(fact) else None

    def _tells_a_separate_deal(self, sentence: Span) -> bool:
        """Whether a sentence not yet read says its facts are of another deal ("a separate network")."""
        if sentence not in self.separate_cue:  # looked at once per sentence
            self.separate_cue[sentence] = self.rules.separate.search(self.text, *sentence) is not None
        return sentence not in self.separate_sentences and self.separate_cue[sentence]

    def _tells_an_earlier_deal(self, sentence: Span, code: str | None) -> bool:
        """Whether a sentence naming no vendor tells of an older installation than the deal in focus."""
        focus = self.focus
        return focus is not None and code in (None, focus.country) and sentence not in self.separate_sentences \
            and not self.vendors.within(*sentence) and self._dated_before(sentence, focus)

    def _dated_before(self, sentence: Span, deal: Deal) -> bool:
        """Whether a sentence naming no deal word ("the first phase", "the original contract")
        dates itself `earlier_deal_years` or more before everything told of a deal (the years
        of its sentences and of its own paragraph so far, else the publication year)."""
        years = [_year(m.date) for m in self.years.within(*sentence)
                 if not self.rules.ongoing_year.search(self.text, max(0, m.start - 12), m.start)]  # "since 2020"
        if not years or self.rules.deal_word.search(self.text, *sentence) is not None:
            return False
        told = [_year(m.date) for m in self.years.within(self.index.paragraph_start(sentence[0]), sentence[0])]
        earliest = self._earliest_year(deal)
        if earliest is not None:
            told.append(earliest)
        reference = min(told) if told else self.published_year
        return reference is not None and reference - max(years) >= self.rules.earlier_deal_years

    def _earliest_year(self, deal: Deal) -> int | None:
        """The earliest year the sentences of a deal name, read once per sentence (a deal's
        sentences only grow while the document is read)."""
        read, earliest = self.deal_years.get(id(deal), (0, None))
        for start, end in deal.sentences[read:]:
            for mention in self.years.within(start, end):
                year = _year(mention.date)
                earliest = year if earliest is None else min(earliest, year)
        self.deal_years[id(deal)] = (len(deal.sentences), earliest)
        return earliest

    def _in_focus(self, code: str | None, paragraph_start: int) -> Deal | None:
        """The deal last spoken of for a country; with no country, the deal in focus when the
        text since `paragraph_start` spoke of it."""
        if code is None:
            in_paragraph = self.focus is not None and self.focus.last_touch >= paragraph_start
            return self.focus if in_paragraph else None
        same = [d for d in self.deals if d.country == code]
        return max(same, key=lambda d: d.last_touch, default=None)

    def in_view(self, code: str | None) -> Deal | None:
        """The deal last spoken of for a country (with none, the one in focus), left as it is:
        where a figure of no deal told beside it happens."""
        return self._in_focus(code, 0) if code else self.focus

    def _paragraph_of_a_deal(self, fact: Mention) -> bool:
        """Whether a count's or a share's paragraph speaks of a deal at all (looked at once per
        paragraph): a TECHNOLOGY or VENDOR mention, one of `deal_cues`, `deal_words`, `deal_verbs`,
        `statistic_attributions`, `focus_references` or `deal_paragraph_words`. Such a fact in a
        paragraph of another matter ("Three new deputy ministers were sworn in") joins no deal in
        focus; an amount, a headline's fact and a fact of a text without blank lines (whose every
        line is a paragraph) always may."""
        if fact.label == "MONEY" or self.index.paragraph_start(fact.start) == 0 or not self.blank_line_paragraphs:
            return True
        return self._paragraph_holds(self.paragraphs_of_deals, fact.start, lambda start, end: bool(
            self.technologies.within(start, end) or self.vendors.within(start, end)
            or self.rules.tells_of_a_deal.search(self.text, start, end)
            or self.rules.deal_paragraph_word.search(self.text, start, end)))

    def _about_a_deal(self, fact: Mention) -> bool:
        """Whether the fact's paragraph speaks of surveillance technology (looked at once per
        paragraph), or, for an amount in a document naming a technology, its sentence of a project
        or contract (`fact_deal_words`: "The Rs. 9 million project is to be completed by December")."""
        if not self.about_surveillance:
            return False
        if self._paragraph_holds(self.paragraphs_about, fact.start, lambda start, end: bool(
                self.technologies.within(start, end) or self.rules.deal_cue.search(self.text, start, end))):
            return True
        if fact.label != "MONEY" or not self.technologies.items:
            return False  # a count beside "project" is often of something else ("1 million Uighurs")
        return self.rules.own_deal_word.search(self.text, *self.index.sentence_of(fact.start)) is not None

    def _paragraph_holds(self, answers: dict[int, bool], at: int, holds: Callable[[int, int], bool]) -> bool:
        """`holds(start, end)` of the paragraph around `at`, asked once per paragraph (`answers`
        keeps them by the paragraph's start)."""
        start = self.index.paragraph_start(at)
        if start not in answers:
            answers[start] = holds(start, self.index.paragraph_end(at))
        return answers[start]

    def _new(self, code: str | None, country: Mention | None) -> Deal:
        deal = Deal(key=f"d{len(self.deals) + 1}", country=code, country_mention=country)
        self.deals.append(deal)
        return deal


@dataclass
class DealFields:
    """What a document says of one deal, for the deals table (SPEC "deals")."""

    places: list[str]
    financiers: list[str]
    financier_spans: list[Span]
    programme: str | None
    technologies: list[str]
    headline: object  # the Claim of its headline amount, or None
    value_usd: float | None
    first_date: str | None
    last_date: str | None


class DealDescriber:
    """Reads a deal's places, financiers, programme, technologies, headline amount and dates
    from the sentences that speak of it (the whole document when it reports one deal)."""

    def __init__(self, domain: DomainData):
        data = domain["deals"]
        financiers = domain["financiers"]
        forms = {form: name for name, written in financiers["financiers"].items() for form in written}
        phrases = {p.lower(): name for name, written in financiers["lender_phrases"].items() for p in written}
        self.financier_names = {**forms, **phrases}
        # not a lender phrase ending where an owner's "'s" follows ("a loan from China's Exim Bank")
        self.financier = re.compile(
            rf"(?<![\w-])(?:{alternation(forms)}(?![\w-])|{alternation(phrases, 'i')}(?![\w-]|['’]s(?!\w)))")
        self.code = re.compile(data["programme_code"])
        self.not_code = {code for code in currency_tables(domain).codes} | set(data["not_programme_codes"])
        self.not_programme = set(data["not_programme_words"])
        self.programme_words = {word.lower() for word in data["programme_words"]}
        self.event_words = set(data["event_words"])
        self.programme_categories = set(data["programme_categories"])
        words = int(data["programme_max_words"])
        self.named = re.compile(
            rf"(?<![\w$.,])((?:[A-Z][\w'’-]*\s+){{1,{words}}})({alternation(data['programme_words'], 'i')})(?![\w-])")  # not "$8M project"
        self.capitalised = re.compile(r"[A-Z][\w'’-]*")
        self.capitalised_before = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]*) \Z")
        self.bare_names = {phrase.lower() for phrases in domain["technologies"]["categories"].values()
                           for phrase in phrases}
        self.headline = re.compile(rf"(?<![\w-]){alternation(data['headline_cues'], 'i')}(?![\w-])")

    def describe(self, text: str, deal: Deal, mentions: ByPosition, single: bool) -> DealFields:
        """The fields of one deal; `single`: the document reports only this deal."""
        spans = [(0, len(text))] if single else deal.sentences
        inside = [m for start, end in spans for m in mentions.within(start, end)]
        places = _unique(m.text for m in inside if m.label == "PLACE" and m.country == deal.country)
        technologies = _unique(m.technology for m in inside if m.label == "TECHNOLOGY")
        found = [(match.span(), self._financier(match.group())) for s, e in spans
                 for match in self.financier.finditer(text, s, e)]
        headline = self._headline(text, deal)
        dates = sorted(c.date for c in deal.claims if c.date)
        return DealFields(
            places=places, financiers=_unique(name for _, name in found), financier_spans=[span for span, _ in found],
            programme=self._programme(text, spans, inside), technologies=technologies, headline=headline,
            value_usd=_in_usd(headline, deal.claims), first_date=dates[0] if dates else None,
            last_date=dates[-1] if dates else None)

    def programme_of(self, text: str, deal: Deal, mentions: ByPosition) -> str | None:
        """The programme named in the sentences that speak of a deal."""
        inside = [m for start, end in deal.sentences for m in mentions.within(start, end)]
        return self._programme(text, deal.sentences, inside)

    def _financier(self, written: str) -> str:
        return self.financier_names.get(written) or self.financier_names.get(written.lower(), written)

    def _programme(self, text: str, spans: list[Span], inside: list[Mention]) -> str | None:
        """The deal's own name: a code, a capitalised safe-city name, or capitalised words
        before "project" / "programme"."""
        code = self._code_name(text, spans, [(m.start, m.end) for m in inside if m.label in VALUE_LABELS])
        if code:
            return code
        for mention in inside:
            if mention.label == "TECHNOLOGY" and mention.technology in self.programme_categories \
                    and mention.text[:1].isupper():
                name = self._with_capitalised_neighbours(text, mention)
                if name.split()[-1] not in self.event_words:  # "the Safe City Summit" is an event
                    return name
        return self._named(text, spans, {m.text for m in inside if m.label == "TECHNOLOGY"})

    def _code_name(self, text: str, spans: list[Span], amounts: list[Span]) -> str | None:
        """A code naming the deal ("BOL-110", "ECU 911"), not an amount ("CFAF 22 billion")."""
        for start, end in spans:
            for match in self.code.finditer(text, start, end):
                parts = _CODE_PARTS.fullmatch(match.group())
                letters, number = (parts.group(1), parts.group(2)) if parts else (match.group()[:3], "")
                if letters[:3] not in self.not_code and letters not in self.not_code and not number.startswith("0") \
                        and not any(a < match.end() and match.start() < b for a, b in amounts):
                    return match.group()  # not a protocol's status ("HTTP 200") nor a budget line ("MTP 03")
        return None

    def _named(self, text: str, spans: list[Span], technologies: set[str]) -> str | None:
        """Capitalised words before "project" / "programme" ("the Alpha Project": a capitalised
        programme word is part of the name), without an amount ("the PHP20-billion DILG project")
        and not a technology alone ("the CCTV project" has no name)."""
        for start, end in spans:
            for match in self.named.finditer(text, start, end):
                words = match.group(1).split()
                while words and (words[0] in self.not_programme or any(c.isdigit() for c in words[0])):
                    words = words[1:]
                if words and " ".join(words) not in technologies:
                    named = match.group(2)
                    return " ".join(words + [named] if named[:1].isupper() else words)
        return None

    def _with_capitalised_neighbours(self, text: str, mention: Mention) -> str:
        """"Safe City Islamabad", "Lusaka Safe City": the name with the capitalised word
        written right before or after it."""
        start, end = mention.start, mention.end
        after = self.capitalised.match(text, end + 1) if text[end:end + 1] == " " else None
        if after and after.group().lower() not in self.programme_words:  # "the Safe City Project": no "Project"
            return text[start:after.end()]
        before = self.capitalised_before.search(text, 0, start)
        if before and before.group(1) not in self.not_programme:
            start = before.start()
        return text[start:end]

    def _headline(self, text: str, deal: Deal):
        """The deal's contract or loan value: its first amount written with a headline word
        in its sentence, not a running cost, not a repeat; else its first such amount."""
        amounts = [c for c in deal.claims if c.mention.label == "MONEY" and c.mention.value is not None
                   and c.mention.period is None and c.same_as is None]
        cued = [c for c in amounts if self.headline.search(text, *c.sentence)]
        return (cued or amounts or [None])[0]


def _in_usd(headline, claims: list) -> float | None:
    """The headline amount in US dollars when the text gives it: itself in USD, or its conversion."""
    if headline is None:
        return None
    if headline.mention.currency == "USD":
        return headline.mention.value
    for claim in claims:
        if claim.same_as is headline and claim.mention.currency == "USD":
            return claim.mention.value
    return None


def _same_buyer(one: str | None, other: str | None) -> bool:
    """Whether two deals' buying places may be one: either unknown, or one name the other's
    first words ("Mesa City" and "Mesa")."""
    return one is None or other is None or one == other or one.startswith(other + " ") or other.startswith(one + " ")


def _year(date: str | None) -> int | None:
    """The year of an ISO date ("2015-06" → 2015); None for a duration or no date."""
    return int(date[:4]) if date and date[:4].isdigit() else None


def _unique(values) -> list:
    seen: list = []
    for value in values:
        if value and value not in seen:
            seen.append(value)
    return seen


def join_same_programme(text: str, deals: list[Deal], mentions: ByPosition, describer: DealDescriber) -> None:
    """Deals of one document with the same buyer and the same programme name are one deal told
    in several sentences ("CEIEC built ECU 911 … Huawei supplied ECU 911's cameras"); a bare
    technology name ("Safe City") names no programme of its own. Later deals are folded into the
    first, and their claims point at it."""
    if len(deals) < 2:
        return
    first: dict[tuple, Deal] = {}
    for deal in list(deals):
        name = describer.programme_of(text, deal, mentions) if deal.country else None
        if not name or name.lower() in describer.bare_names:
            continue
        kept = first.setdefault((deal.country, name.lower()), deal)
        if kept is not deal:
            _fold(kept, deal)
            deals.remove(deal)


def join_same_amount(deals: list[Deal], claims: list, min_value: float) -> None:
    """Deals of one document with the same buyer and no conflicting vendors that hold the same
    amount of money (at least `min_value`) are one deal, told in a summary and again in the
    narrative; later deals are folded into the first."""
    if len(deals) < 2:
        return
    first: dict[tuple, Deal] = {}
    for claim in claims:
        deal, money = claim.deal, claim.mention
        if deal is None or deal.folded_into is not None or money.label != "MONEY" or (money.value or 0) < min_value:
            continue
        kept = first.setdefault((deal.country, money.value, money.currency), deal)
        if kept is not deal and deal in deals and (not kept.vendors or not deal.vendors or kept.vendors == deal.vendors):
            _fold(kept, deal)
            deals.remove(deal)


def _fold(kept: Deal, other: Deal) -> None:
    for mention in other.vendor_mentions:
        kept.add_vendor(mention)
    kept.sentences = sorted(set(kept.sentences) | set(other.sentences))
    kept.last_touch = max(kept.last_touch, other.last_touch)
    other.folded_into = kept
