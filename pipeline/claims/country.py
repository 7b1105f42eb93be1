"""The country a fact is about, chosen by an ordered list of named strategies
(`country_strategies` in `configs/claims.yaml`). Each strategy looks at one fact and answers a
mention (the country), NO_COUNTRY (the fact has none: stop), or None (ask the next one)."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import pycountry

from pipeline.claims.index import ByPosition, DocumentIndex
from pipeline.domain import DomainData
from pipeline.mention import DATELINE_SOURCE, Mention
from pipeline.patterns import AGENCY_BRACKETS, alternation, any_apostrophe, search_not_after
from pipeline.resources import country_entries
from pipeline.spans import Coverage, Span


def financier_names(domain: DomainData) -> dict[str, str]:
    """Every written form of a configured financier -> its canonical name."""
    return {form: name for name, forms in domain["financiers"]["financiers"].items() for form in forms}


def told_country(code: str | None, source: str) -> Mention:
    """A country the text tells without a mention of it (a deal's, a currency's); `source` says how."""
    return Mention(label="COUNTRY", start=-1, end=-1, text="", source=source, country=code)


NO_COUNTRY = told_country(None, "no_country")
_POSSESSIVE = ("'s", "’s")
_POSSESSIVE_GAP = re.compile(r"['’]s\s+")
_AGENCY = re.compile(AGENCY_BRACKETS)


@dataclass
class Fact:
    """One value mention and its surroundings, as the strategies see it."""

    mention: Mention
    sentence: Span
    in_sentence: list[Mention]  # candidate countries and places of the sentence, claimant's left out
    paragraph_start: int
    deal: object = None  # the fact's Deal, once known
    no_deal: bool = False  # about a market or a vendor's worldwide business: no country carried
    market: bool = False  # of no deal, about a market named in its clause: its country is carried
    statistic: bool = False  # a crime, casualty or population figure not attributed to a system: no deal
    conversion: bool = False  # an amount converted from the one before it ("Rp 8 billion (SGD 712,872)")


def _phrase_ending_in(words: list[str], preposition: str, gap: int) -> re.Pattern:
    """A phrase opened by one of `words` and ending in `preposition` (and "the") right before
    a country, at most `gap` characters of one sentence between ("a loan of $145 million from ")."""
    return re.compile(rf"(?<![\w-]){alternation(words, 'i')}\b(?:[^.;]|\.(?=\d)){{0,{gap}}}\b{preposition}\s+(?:the\s+)?$")


def _aside(text: str, mention: Mention, fact: Fact) -> bool:
    """Whether a country stands in brackets the fact is not in: a side remark ("X (which won a
    similar bid for Albania) provided 3,800 kits"), not a bracketed abbreviation of the fact's own."""
    opened = text.rfind("(", fact.sentence[0], mention.start)
    if opened < 0 or text.find(")", opened, mention.start) >= 0:
        return False
    closed = text.find(")", mention.end, fact.sentence[1])
    return closed >= 0 and not opened < fact.mention.start < closed and closed - opened > mention.end - mention.start + 2


def _homes(vendors) -> set[str]:
    """The home countries of vendors, where known."""
    return {m.country for m in vendors if m.country}


def _only_placed(carried: list[Mention], title_end: int) -> Mention | None:
    """The first place of the one country whose towns the text names (Sydney), beside countries
    named only as such; None when places of several countries, or none, are named, or when the
    title (the first paragraph) names another country (a caption's "Nairobi" in a Ugandan story)."""
    placed = [m for m in carried if m.label == "PLACE"]
    if not placed or len({m.country for m in placed}) != 1:
        return None
    titled = {m.country for m in carried if m.start < title_end}
    return None if titled - {placed[0].country} else placed[0]


def _carried(text: str, index: DocumentIndex, place: Mention, rules: CountryRules, vendor_starts: set[int]) -> bool:
    """Whether a candidate country may be carried to later sentences: not one named for
    comparison ("what Rwanda paid") nor a vendor's home introducing it ("India's Bharat
    Electronics")."""
    return not rules.compared(text, place, index.sentence_of(place.start)) and not rules.owns_vendor(text, place, vendor_starts)


def _named_homes(text: str, mentions: list[Mention], in_names: list[Mention], rules: CountryRules) -> tuple[set, set, set, dict]:
    """(origins, lenders, donors, {id: mention} of the countries inside financiers' names): the
    suppliers' homes the text names, as a vendor's origin ("Chinese-made") or a lender's or donor's
    ("China Exim Bank", "the French Development Agency", "China hands over"; lenders hold donors)."""
    origins = {m.country for m in mentions if m.label == "COUNTRY" and rules.is_origin(text, m, set())}
    in_financiers = {id(m): m for m in rules.in_financier_names(text, mentions)}
    donors = rules.donors(text, mentions)
    lenders = {m.country for m in in_names if m.organisation == "financier"} | donors | {m.country for m in in_financiers.values()}
    return origins, lenders, donors, in_financiers


def _home_places(text: str, index: DocumentIndex, candidates: list[Mention], kept: set[int], parts: tuple) -> set[int]:
    """The ids of the towns of a supplier's home (left out of `kept`) where no vendor is named in
    their sentence: where their facts happen ("In Shenzhen there are about two million cameras"),
    for their own sentence only and of no deal."""
    vendors, rules = parts
    vendor_index = ByPosition(vendors)
    return {id(m) for m in candidates if id(m) not in kept and rules.home_place_of_facts(text, m)
            and not vendor_index.within(*index.sentence_of(m.start))}


def _kept_candidates(text: str, candidates: list[Mention], homes: tuple[set, set, set], rules: CountryRules) -> set[int]:
    """The ids of the candidates left after the supplier homes (`homes`: the vendors', the ones
    the text names, the donors'), with the domestic buyers of a supplier's home kept ("the police
    in Xinjiang", "Russian police"; never a donor's body: "The Chinese Ministry of Public Security
    sent a team to hand over the equipment")."""
    vendor_homes, home, donors = homes
    kept = {id(m) for m in rules.without_supplier_homes(candidates, vendor_homes, home)}
    return kept | {id(m) for m in candidates if m.country not in donors and rules.domestic_buyer(text, m)}


class CountryContext:
    """A document's candidate countries: those a fact may be about, those a fact may carry
    from earlier text, the borrowers named inside organisations, and the dominant one."""

    def __init__(self, text: str, index: DocumentIndex, mentions: list[Mention], in_names: list[Mention],
                 rules: CountryRules):
        vendors = [m for m in mentions if m.label == "VENDOR"]
        vendor_homes = _homes(vendors)
        origins, lenders, donors, in_financiers = _named_homes(text, mentions, in_names, rules)
        home = origins | lenders
        vendor_starts = self.vendor_starts = {m.start for m in vendors}
        # a demonym is an origin wherever it names a known vendor's home; a home read beside a
        # vendor found by its role ("the Noord-Holland company X") is often the buyer's own country
        candidates = rules.buyer_candidates(text, [m for m in mentions if id(m) not in in_financiers],
                                            _homes(m for m in vendors if m.source == "vendor_gazetteer"))
        home -= rules.local_origins(candidates, origins - lenders)
        kept = _kept_candidates(text, candidates, (vendor_homes, home, donors), rules)
        # a vendor's home introducing it ("India's Bharat Electronics") stays for its own sentence
        at_home = self.supplier_home_places = _home_places(text, index, candidates, kept, (vendors, rules))
        places = [m for m in candidates if id(m) in kept or id(m) in at_home or rules.owns_vendor(text, m, vendor_starts)]
        self.by_currency = rules.currency_country(mentions, home | vendor_homes)
        places = self._without_foreign_dateline(text, places, rules)
        self.places = ByPosition(places)
        self.carried = ByPosition(m for m in places if id(m) not in at_home and _carried(text, index, m, rules, vendor_starts))
        self.dominant = rules.dominant(self.carried.items) or rules.body_country(text, self.carried.items)
        self.leading = self.dominant or rules.dominant(self.carried.items, by_lead=True)
        self.by_places = _only_placed(self.carried.items, index.paragraph_end(0))
        self.borrowers = ByPosition(rules.borrowers(text, in_names, vendors, home | vendor_homes))
        self.foreign_homes = home | vendor_homes

    def _without_foreign_dateline(self, text: str, places: list[Mention], rules: CountryRules) -> list[Mention]:
        """Without the dateline's place ("ISLAMABAD (Wire) -") when it is where the story was
        filed, not what it is about: the rest of the text is mostly about another country, or
        names none while its amounts are in another country's currency."""
        dated = [m for m in places if m.source == DATELINE_SOURCE]
        if not dated:
            return places
        agency = _AGENCY.match(text, dated[0].end)  # "Islamabad (Pakistan Wire, 1 July)"
        line_end = agency.end() if agency else dated[0].end
        rest = [m for m in places if not dated[0].start <= m.start < line_end]
        about = rules.dominant(rest) or rules.dominant(rest, by_lead=True) or (None if rest else self.by_currency)
        if about is None or about.country == dated[0].country:
            return places
        return rest


class CountryRules:
    """The country strategies and the cue words they use."""

    def __init__(self, domain: DomainData):
        data = domain["claims"]
        self.company_after = re.compile(rf"^\s+(?:{alternation(data['origin_company_nouns'], 'i')})\b")
        describers = alternation(data["origin_describers"], "i")  # "an American multinational information technology company"
        self.origin_after = re.compile(rf"^(?:-|\s+)(?:(?:{describers})\s+){{0,3}}(?:{alternation(data['origin_cues'], 'i')})\b", re.I)
        # a cue and at most `comparison_words_between` words with no digit, right before a country
        self.comparison = re.compile(
            rf"\b{alternation(data['comparison_cues'], 'i')}(?:[ \u00a0]+[^\s\d]+){{0,{int(data['comparison_words_between'])}}}"
            rf"[ \u00a0]+\Z", re.I)
        self.comparison_reach = int(data["comparison_reach"])
        self.no_deal_after_reach = int(data["no_deal_after_reach"])
        self.document_share = float(data["document_country_share"])
        self.document_lead = float(data["document_country_lead"])
        self.origin_window = int(data["origin_window"])
        self.units_without_country = set(data["units_without_country"])
        self.several_countries = int(data["several_countries"])
        self.joint_cue = re.compile(rf"\b{alternation(data['joint_cues'], 'i')}\b", re.I)
        self.financiers = re.compile(alternation(financier_names(domain)))
        self.national_bodies = {name: code for code, names in data["national_bodies"].items() for name in names}
        self.national_body = re.compile(rf"(?<![\w-]){alternation(list(self.national_bodies))}(?![\w-])")
        self.domestic_cue = re.compile(rf"(?<![\w-]){alternation(data['domestic_buyer_cues'], 'i')}\s+(?:the\s+)?\Z")
        self.domestic_reach = max(map(len, data["domestic_buyer_cues"])) + 6
        self.domestic_owner = re.compile(rf"(?:['’]s)?\s+{alternation(data['domestic_buyer_bodies'], 'i')}(?![\w-])")
        self.owner_body = re.compile(rf"(?<![\w-]){alternation(data['owner_bodies'])}\s+of\s+(?:the\s+)?\Z")
        self.owner_body_reach = max(map(len, data["owner_bodies"])) + 9
        articles = alternation(data["role_articles"], "i")  # "financed by the", "financé par la"
        self.role_before = re.compile(rf"(?<![\w-]){alternation(data['foreign_role_before'], 'i')}\s+(?:{articles}\s*)?$")
        self.venue_before = re.compile(rf"(?<![\w-]){alternation(data['venue_before'], 'i')}\s+(?:the\s+)?$")
        between = int(data["foreign_role_words_between"])
        self.role_after = re.compile(
            rf"(?:['’]s)?(?:[\s-]+[\w’'-]+){{0,{between}}}?[\s-]+{alternation(data['foreign_role_after'])}(?![\w])")
        gap = int(data["foreign_role_windows"]["phrase"])
        self.role_from = _phrase_ending_in(data["foreign_role_verbs_from"], "from", gap)
        self.role_to = _phrase_ending_in(data["foreign_role_verbs_to"], "to", gap)
        self.role_list = re.compile(
            rf"(?<![\w-]){alternation(data['foreign_role_nouns'], 'i')}\b[^.;]{{0,80}}?\s"
            rf"{alternation(data['foreign_role_verbs'], 'i')}:?\s+(?:the\s+)?$")
        self.donor_before = re.compile(rf"(?<![\w-]){alternation(data['donor_roles_before'], 'i')}\s+(?:the\s+)?\Z")
        # a donor's own body may stand between it and its role ("China's Ministry of Public
        # Security handed over")
        owned_body = r"(?:['’]s(?:[ ]+(?:[A-Z][\w’'-]*|of|and|for))*)?"
        self.donor_after = re.compile(
            rf"{owned_body}(?:[\s-]+[\w’'-]+){{0,{between}}}?[\s-]+{alternation(data['donor_roles_after'])}(?![\w])")
        self.recipient = re.compile(r"\b(?:to|for)\s+(?:the\s+)?[^.;\n]{0,60}\Z")  # "... to (the Royal) Solomon Islands", "for the Lebanese army"
        self.rival = re.compile(rf"(?<![\w-]){alternation(domain['deals']['competitor_cues'], 'i')}\b[^.;,]{{0,40}}$")
        self.role_windows = {key: int(value) for key, value in data["foreign_role_windows"].items()}
        self.exclude_supplier_homes = bool(data["exclude_supplier_homes"])
        self.described = tuple(domain["deals"]["scope_described_after"])  # "one of the world's largest makers"
        self.market_word = re.compile(rf"(?<![\w-]){alternation(data['market_words'], 'i')}(?![\w-])", re.I)
        self.world_scope_cue = re.compile(rf"(?<![\w-]){any_apostrophe(alternation(data['world_scope_cues'], 'i'))}(?![\w-])")
        # how far before a place its cue can start: the longest venue verb, cue word and "the"
        self.home_place_reach = max(map(len, data["home_place_not_after"])) + max(map(len, data["home_place_cues"])) + 6
        self.home_place_cue = re.compile(
            rf"(?<![\w-])(?:(?P<venue>{alternation(data['home_place_not_after'], 'i')})\s+)?"
            rf"{alternation(data['home_place_cues'], 'i')}\s+(?:the\s+)?\Z")
        # "China, Israel and the United States"; "the United Arab Emirates (UAE)"
        # what joins two countries of a list, a region listed between them too ("the US, Canada,
        # Europe, Finland, or Australia"; `deals.yaml: regions`)
        joiner = r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*\(\s*)(?:the\s+)?"
        regions = alternation(domain["deals"]["regions"])
        self.list_joiner = re.compile(rf"^{joiner}(?:{regions}{joiner})?$")
        described = rf"(?P<words>(?:[A-Z][\w-]*\s+){{1,2}}){alternation(data['story_reference_nouns'])}"
        self.story_reference_cue = re.compile(
            rf"(?<![\w-])the\s+(?:{described}|{alternation(data['story_reference_bare'])})(?![\w-])")
        self.country_words = set(country_entries(domain["countries"]))  # the names and demonyms
        strategies: dict[str, Callable] = {
            "counts_countries": self.counts_countries, "shared_by_several": self.shared_by_several,
            "world_scope": self.world_scope, "story_reference": self.story_reference,
            "sentence": self.sentence, "sentence_borrower": self.sentence_borrower, "deal": self.deal,
            "paragraph": self.paragraph, "document": self.document, "paragraph_borrower": self.paragraph_borrower,
            "currency": self.currency,
        }
        self.international_currencies = set(data["international_currencies"])
        self.country_codes = {c.alpha_2 for c in pycountry.countries}
        order = [(name, strategies[name]) for name in data["country_strategies"]]
        split = next((i for i, (name, _) in enumerate(order) if name == "deal"), len(order))
        self.early, self.late = order[:split], order[split:]

    def choose(self, text: str, fact: Fact, context: CountryContext, before_deal: bool = False) -> Mention | None:
        """The country mention of a fact (NO_COUNTRY when it has none), by the first strategy
        that answers: those before `deal` when `before_deal` (the fact's deal is not known
        yet; None when none answers), else those from `deal` on."""
        for _, strategy in self.early if before_deal else self.late:
            found = strategy(text, fact, context)
            if found is not None:
                return found
        return None if before_deal else NO_COUNTRY

    # -- the strategies, in their default order -------------------------------------------------

    def counts_countries(self, text: str, fact: Fact, context: CountryContext) -> Mention | None:
        """A count of countries ("at least 18 countries") is about several, never one."""
        return NO_COUNTRY if fact.mention.unit in self.units_without_country else None

    def world_scope(self, text: str, fact: Fact, context: CountryContext) -> Mention | None:
        """A figure of the world or a continent ("half of the world's smart-city projects", "70%
        of the continent's 4G networks") in a sentence naming no country or place: about none."""
        if fact.in_sentence or search_not_after(self.world_scope_cue, text, *fact.sentence, self.described) is None:
            return None
        return NO_COUNTRY

    def shared_by_several(self, text: str, fact: Fact, context: CountryContext) -> Mention | None:
        """"Kenya, Uganda and Zambia have together borrowed $500 million": two or more countries
        before the fact and a word such as "together" between them and it, or a list of
        `several_countries` countries or more before it in its sentence."""
        before = [m for m in fact.in_sentence if m.start < fact.mention.start]
        if len({m.country for m in before}) < 2:
            return None
        if self._listed_countries(text, before) >= self.several_countries and not any(self._owner(text, m) for m in before):
            return NO_COUNTRY  # "governments of Kenya, Uganda, Zambia and Zimbabwe spend $1 billion"
        return NO_COUNTRY if self.joint_cue.search(text, before[-1].end, fact.mention.start) else None

    def story_reference(self, text: str, fact: Fact, context: CountryContext) -> Mention | None:
        """"Huawei won a tender in the South Pacific nation" in a story about Papua New Guinea: a
        sentence that describes the story's country without naming it (nor naming it elsewhere),
        whatever other countries it names; not an apposition ("Japan, the island nation")."""
        leading = context.leading
        if leading is None or any(m.country == leading.country for m in fact.in_sentence):
            return None
        for found in self.story_reference_cue.finditer(text, *fact.sentence):
            named = any(word in self.country_words for word in (found.group("words") or "").split())
            if not named and not text[:found.start()].rstrip().endswith(","):
                return leading  # not "the Chinese state firm", nor "Japan, the island nation"
        return None

    def _owner(self, text: str, mention: Mention) -> bool:
        """Whether a country owns what follows: "Kenya's", "the Government of Kenya"."""
        return text[mention.end:mention.end + 2] in _POSSESSIVE \
            or self.owner_body.search(text, max(0, mention.start - self.owner_body_reach), mention.start) is not None

    def _listed_countries(self, text: str, places: list[Mention]) -> int:
        """The most different countries named as one list ("Kenya, Uganda and Zambia") in `places`."""
        countries = [m for m in places if m.label == "COUNTRY"]
        most, run = 0, set()
        for at, mention in enumerate(countries):
            joined = at and self.list_joiner.match(text[countries[at - 1].end:mention.start])
            run = run | {mention.country} if joined else {mention.country}
            most = max(most, len(run))
        return most

    def sentence(self, text: str, fact: Fact, context: CountryContext) -> Mention | None:
        """The sentence's country: an owner ("Kenya's", "the Government of Kenya"), else the
        nearest before, else the first after; countries on the far side of a comparison do not
        count. A country introducing a vendor ("South Korea's LG CNS") counts only when neither
        the sentence nor the paragraph before it names another, nor is the document about another."""
        others = [m for m in fact.in_sentence if not self.owns_vendor(text, m, context.vendor_starts)]
        if others or context.carried.last_before(fact.paragraph_start, fact.sentence[0]) is not None:
            return self._in_sentence(text, fact, others)
        owner = self._in_sentence(text, fact, fact.in_sentence)
        leading = context.leading
        if owner is not None and leading is not None and leading.country != owner.country:
            return None  # "China's Huawei installed the system" in a story about Tajikistan
        return owner

    def sentence_borrower(self, text: str, fact: Fact, context: CountryContext) -> Mention | None:
        """"a $200 million loan to the State Bank of Pakistan": a borrower's country in the sentence."""
        return self._in_sentence(text, fact, context.borrowers.within(*fact.sentence))

    def deal(self, text: str, fact: Fact, context: CountryContext) -> Mention | None:
        """The country of the deal the fact belongs to ("The contract covers 800 cameras")."""
        deal = fact.deal
        if deal is None or deal.country is None:
            return None
        if deal.country_mention is not None and deal.country_mention.country == deal.country:
            return deal.country_mention
        return told_country(deal.country, "deal")

    def currency(self, text: str, fact: Fact, context: CountryContext) -> Mention | None:
        """"KSh 6 billion": the country whose own currency an amount is in (not a supplier's or
        a lender's home: "a ¥2 billion loan"; a conversion's only when the story is about it)."""
        code = self._issuer(fact.mention.currency) if fact.mention.label == "MONEY" else None
        if code is None or code in context.foreign_homes:
            return None
        if fact.conversion and (context.leading is None or context.leading.country != code):
            return None  # a conversion's currency is the reader's ("Rp 8 billion (SGD 712,872)"), unless the story's
        return told_country(code, "currency")

    def paragraph(self, text: str, fact: Fact, context: CountryContext) -> Mention | None:
        """The last country named earlier in the paragraph (not compared with another); none
        for a fact about a vendor's worldwide business or another fact of no deal, unless it is a
        market's ("China's market … The market is expected to reach US$20.1 billion")."""
        if fact.no_deal and not fact.market:
            return None
        return context.carried.last_before(fact.paragraph_start, fact.sentence[0])

    def document(self, text: str, fact: Fact, context: CountryContext) -> Mention | None:
        """The country most of the document is about, when one is, else the only one whose places
        it names; in a document naming no country, the one whose own currency most of its amounts
        are in."""
        return context.leading or context.by_places or (None if context.carried.items else context.by_currency)

    def paragraph_borrower(self, text: str, fact: Fact, context: CountryContext) -> Mention | None:
        """A borrower named earlier in the paragraph."""
        return context.borrowers.last_before(fact.paragraph_start, fact.sentence[0])

    # -- helpers ---------------------------------------------------------------------------------

    def _issuer(self, currency: str | None) -> str | None:
        """The one country issuing an ISO 4217 currency (its first two letters), if it is national."""
        if not currency or currency in self.international_currencies or currency[:2] not in self.country_codes:
            return None
        return currency[:2]

    def currency_country(self, mentions: list[Mention], foreign: set[str]) -> Mention | None:
        """The country whose own currency most of a document's amounts are in, not a foreign home."""
        issuers = Counter(self._issuer(m.currency) for m in mentions if m.label == "MONEY")
        issuers.pop(None, None)
        for code in foreign:
            issuers.pop(code, None)
        if not issuers:
            return None
        code = issuers.most_common(1)[0][0]
        return told_country(code, "currency")

    def _in_sentence(self, text: str, fact: Fact, candidates: list[Mention]) -> Mention | None:
        if not candidates:
            return None
        candidates = [m for m in candidates if not self.compared(text, m, fact.sentence)
                      and not _aside(text, m, fact)]
        if not candidates:
            return None
        owners = [m for m in candidates if m.start < fact.mention.start and self._owner(text, m)]
        if owners:
            return owners[-1]
        before = [m for m in candidates if m.start < fact.mention.start]
        if before:
            return before[-1]
        # a region's or a market's figure is a later country's only in its own words ("32 London councils")
        far = fact.no_deal and candidates[0].start - fact.mention.end > self.no_deal_after_reach
        return None if far else candidates[0]

    def is_origin(self, text: str, mention: Mention, home: set[str]) -> bool:
        """A demonym naming a vendor's origin ("Chinese-made", "Chinese firms like Huawei")."""
        if mention.label != "COUNTRY" or mention.form not in ("demonym", "alias", "name"):
            return False
        window = text[mention.end:mention.end + self.origin_window]
        if mention.form != "demonym":  # "US firm Dataworks", not "Kenya's police systems"
            return bool(self.company_after.match(window))
        if self.domestic_owner.match(text, mention.end):
            return False  # "Russian police bought cameras from NtechLab": the buyer at home
        return bool(self.origin_after.match(window)) or mention.country in home

    def buyer_candidates(self, text: str, mentions: list[Mention], home: set[str]) -> list[Mention]:
        """The countries and places a fact may be about: not a vendor's origin ("Chinese-made")
        and not in a lender's, supplier's or researcher's role."""
        places = [m for m in mentions if m.label in ("COUNTRY", "PLACE") and m.country
                  and not self.is_origin(text, m, home)]
        foreign = self.foreign_roles(text, places)
        return [m for m in places if id(m) not in foreign]

    def body_country(self, text: str, carried: list[Mention]) -> Mention | None:
        """In a document naming no country (`carried` empty), the country of the national body it
        names (`national_bodies`: "the Garda", "the RCMP"), told without a mention; None when it
        names none or bodies of two countries."""
        if carried:
            return None
        found = Counter(self.national_bodies[match.group()] for match in self.national_body.finditer(text))
        return told_country(found.most_common(1)[0][0], "body") if len(found) == 1 else None

    def in_financier_names(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """The COUNTRY mentions inside a configured financier's name ("the French Development
        Agency"): its home, never a buyer."""
        names = Coverage([m.span() for m in self.financiers.finditer(text)])
        return [m for m in mentions if m.label == "COUNTRY" and names.covers(m.start)]

    def domestic_buyer(self, text: str, place: Mention) -> bool:
        """A town or region after one of `domestic_buyer_cues` ("the police in Xinjiang"), or a
        country owning or describing one of `domestic_buyer_bodies` ("China's public security
        ministry", "Russian police"): a buyer at home, even in a supplier's home country."""
        if place.label == "COUNTRY":  # not a donor: "China's Ministry of Public Security gave 20 million yuan"
            owner = self.domestic_owner.match(text, place.end)
            return owner is not None and self.donor_after.match(text, place.end) is None
        return place.label == "PLACE" and self.domestic_cue.search(
            text, max(0, place.start - self.domestic_reach), place.start) is not None

    def home_place_of_facts(self, text: str, place: Mention) -> bool:
        """A town or region after one of `home_place_cues` ("in Shenzhen", "across Xinjiang"):
        where facts happen, even in a supplier's home country; not an event's venue ("signed in
        Beijing", `home_place_not_after`)."""
        cue = self.home_place_cue.search(text, max(0, place.start - self.home_place_reach), place.start) \
            if place.label == "PLACE" else None
        return cue is not None and cue.group("venue") is None

    def without_supplier_homes(self, places: list[Mention], vendor_homes: set[str], named_homes: set[str]) -> list[Mention]:
        """Without the home countries of the document's vendors and financiers, while another
        country is named (`exclude_supplier_homes`); a vendor's home that the document names most
        often, places included (Safaricom's Kenya, with Nairobi), is its buyer too, unless the text
        names it as a supplier's or lender's home ("Chinese tech giant Huawei in Beijing")."""
        counts = Counter(m.country for m in places)
        top = max(counts.values(), default=0)
        most = {code for code, n in counts.items() if n == top}
        home = (vendor_homes - most) | named_homes
        if self.exclude_supplier_homes and any(m.country not in home for m in places):
            return [m for m in places if m.country not in home]
        return places

    def local_origins(self, places: list[Mention], origins: set[str]) -> set[str]:
        """The origin named for a company ("a Saudi investment firm") that is the country most of
        the document is about (Riyadh, Dammam, Saudi Arabia): a local partner's home, the buyer's."""
        about = self.dominant(places)
        return {about.country} if about is not None and about.country in origins else set()

    def borrowers(self, text: str, in_names: list[Mention], vendors: list[Mention], home: set[str]) -> list[Mention]:
        """Countries inside names that tell a borrower's country: not inside a financier's or a
        vendor's name, nor a vendor's or financier's home ("China Civil Engineering Corporation")."""
        owners = Coverage([m.span() for m in self.financiers.finditer(text)] + [(m.start, m.end) for m in vendors])
        return [m for m in in_names if m.organisation != "financier" and m.country not in home
                and not owners.covers(m.start)]

    def foreign_roles(self, text: str, places: list[Mention]) -> set:
        """The countries and places named in a lender's, supplier's, researcher's or rival
        bidder's role ("ahead of ZTE and a Beninese firm"), and those listed together with one
        ("China, Israel and the United States"); an event's venue ("an expo in Dubai")."""
        window = self.role_windows
        foreign = [self.role_before.search(text, max(0, m.start - window["before"]), m.start) is not None
                   or self.role_list.search(text, max(0, m.start - window["list"]), m.start) is not None
                   or self.role_from.search(text, max(0, m.start - window["list"]), m.start) is not None
                   or self.role_to.search(text, max(0, m.start - window["list"]), m.start) is not None
                   or self.rival.search(text, max(0, m.start - window["rival"]), m.start) is not None
                   or self.role_after.match(text, m.end, m.end + window["after"]) is not None for m in places]
        for _ in range(2):  # a role spreads along a list both ways
            for i in range(1, len(places)):
                if foreign[i] != foreign[i - 1] and self.list_joiner.match(text[places[i - 1].end:places[i].start]):
                    foreign[i] = foreign[i - 1] = True
        venues = {id(m) for m in places if self.venue_before.search(text, max(0, m.start - window["before"]), m.start)}
        return venues | {id(m) for m, is_foreign in zip(places, foreign, strict=True) if is_foreign}

    def donors(self, text: str, mentions: list[Mention]) -> set[str]:
        """The countries named as donors: "a donation from China", and "China hands over ... to
        Solomon Islands" (a gift to another country named after it in the sentence; "the
        Bangladeshi authorities handed over a land permit" gives nothing away)."""
        window = self.role_windows
        places = [m for m in mentions if m.label in ("COUNTRY", "PLACE") and m.country]
        donors = set()
        for mention in (m for m in places if m.label == "COUNTRY"):
            if self.donor_before.search(text, max(0, mention.start - window["before"]), mention.start):
                donors.add(mention.country)
                continue
            gift = self.donor_after.match(text, mention.end, mention.end + window["after"])
            if gift and any(m.country != mention.country and m.start > gift.end()
                            and self.recipient.search(text, gift.end(), m.start) for m in places):
                donors.add(mention.country)
        return donors

    def listed_with(self, text: str, chosen: Mention, candidates: list[Mention]) -> list[Mention]:
        """The other countries of a list the chosen one stands in ("ministers from Guinea and
        Mali described their Huawei-built systems"), each of them a buyer."""
        countries = [m for m in candidates if m.label == "COUNTRY"]
        if chosen not in countries:
            return []
        at = countries.index(chosen)
        start = end = at
        while start > 0 and self.list_joiner.match(text[countries[start - 1].end:countries[start].start]):
            start -= 1
        while end + 1 < len(countries) and self.list_joiner.match(text[countries[end].end:countries[end + 1].start]):
            end += 1
        return [m for m in countries[start:end + 1] if m.country != chosen.country]

    def owns_vendor(self, text: str, mention: Mention, vendor_starts: set[int]) -> bool:
        """"China's Huawei", "South Korea's LG CNS": a country introducing a vendor, which a
        later sentence does not carry as the place of its facts."""
        match = _POSSESSIVE_GAP.match(text, mention.end)
        return match is not None and match.end() in vendor_starts

    def compared(self, text: str, mention: Mention, sentence: Span) -> bool:
        """Whether a country stands on the far side of a comparison in its sentence: a cue right
        before it ("than Rwanda", "than twice what Rwanda paid"; not "more than 1,000 cameras in Lahore")."""
        return bool(self.comparison.search(text, max(sentence[0], mention.start - self.comparison_reach), mention.start))

    def dominant(self, places: list[Mention], by_lead: bool = False) -> Mention | None:
        """The first mention of the country most of the document is about, if there is one: it
        holds more than `document_country_share` of the country mentions; `by_lead`: it is named
        `document_country_lead` times as often as any other instead."""
        counts = Counter(m.country for m in places)
        if not counts:
            return None
        (country, count), *others = counts.most_common(2)
        if by_lead:
            if others and count < self.document_lead * others[0][1]:
                return None
        elif count / sum(counts.values()) <= self.document_share and others:
            return None
        return next(m for m in places if m.country == country)
