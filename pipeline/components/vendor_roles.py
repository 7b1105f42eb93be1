"""VENDOR by role: companies the gazetteer does not know, found by the part the text gives them
("the tender was won by X", "X, a Singaporean company", "the US computer maker Y", "X will
install"), spacing and case variants of known names ("Hik vision"), and the short form of a
vendor already named ("Vega" after "Vega Radio Engineering"). Cues and exclusions come from
`configs/vendors.yaml`; mentions are proposed only in a document about surveillance technology."""
from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.countries import country_entries
from pipeline.components.vendors import (
    SurveillanceTest,
    VendorEntry,
    body_name_pattern,
    canonical_vendor_name,
    client_pattern,
    in_body_name,
    is_client,
    name_key,
    vendor_entries,
)
from pipeline.domain import load_domain
from pipeline.mention import Mention, doc_mentions, doc_text, make_mention, sentence_at, sentence_bounds
from pipeline.patterns import alternation
from pipeline.spans import spans_overlap

_WORD = r"(?:[A-Z][\w&]*|\d+[A-Za-z][\w&]*)(?:[-.][A-Za-z0-9&]+|['’](?!s\b)[A-Za-z]+)*"
_NAME = rf"{_WORD}(?:[ ](?:(?:of|de|&)[ ])?{_WORD}){{0,5}}"
_LIST_JOINER = re.compile(r"(?:,[ ]+(?:and[ ]+)?|[ ]+and[ ]+)(?=[A-Z0-9])")
_NAME_AT = re.compile(_NAME)
_LIST_JOINER_BEFORE = re.compile(r"(?<=[\w.&])(?:,[ ]+(?:and[ ]+)?|[ ]+and[ ]+)\Z")
_FUNCTION_WORDS = r"(?:of|the|and|in|on|at|to|for|by|with|from|a|an|is|was|has|had|will|said)"
_NAME_REACH = 120  # characters a name or a descriptor's words reach back from a cue
_NAME_BEFORE = re.compile(rf"(?<![\w&'’.-]){_NAME}\Z")
_SHORT_NAME_BEFORE = re.compile(r"[ ]\([A-Z][A-Za-z0-9&-]{1,11}\)\Z")  # "The Mobile Telecommunications Company (MTC)"
_SHORT_NAME_REACH = len(" (") + 12 + len(")")  # the longest short name _SHORT_NAME_BEFORE takes
_WORDS_BEFORE = re.compile(r"(?:[\w-]+[ ]){0,3}\Z")
_MEMO_SIZE = 100_000
# a capitalised word (not one ending a sentence: "Croock. Vumacam has") or an initial before a name
_AFTER_NAME_WORD = re.compile(r"(?:[A-Z](?:[\w&.'’-]*[\w&'’-])?|[A-Z]\.|&)[ ]$")
_BRACKETED = re.compile(r"\(([A-Za-z][\w&.-]*)\)")
_BRACKET_REACH = 80  # characters before a bracket that may name the body it abbreviates


_COUNT_BEFORE = re.compile(r"(?<![\w.,])\d(?:[\d,.]*\d)?[ \u00a0]+\Z")  # "140 Cameras"; not "In 2022, Pangea"


_CAMEL_JOINS = re.compile(r"(?<=[a-z])(?=[A-Z])")  # "PunjabSafeCityAuthority": words run together
_CONTRACTION = re.compile(r"[A-Za-z]+['’](?:ve|re|ll|d|m|s|t)")  # "We've deployed": a pronoun, no company
_CAPITALS = re.compile(r"[A-Z]{2,}")

class RoleVendorRecogniser:
    """Proposes VENDOR mentions for names in a supplier's role, variants and short forms."""

    def __init__(self, nlp: Language, config_dir: str | None):
        domain = load_domain(config_dir)
        data = domain["vendors"]
        self.known = vendor_entries(data)
        self.keys = {name_key(form): entry for form, entry in self.known.items()}
        self.keys_by_shape: dict[tuple[str, int], list[str]] = {}  # (first two letters, length): keys
        for key in self.keys:
            self.keys_by_shape.setdefault((key[:2], len(key)), []).append(key)
        self.country_names = country_entries(domain["countries"])
        self.regions = {re.sub(r"^the ", "", region) for region in domain["deals"]["regions"]}  # "South America is investing"
        self.suffixes = set(data["legal_suffixes"]) | set(data["name_suffixes_dropped"])
        self.prefixes = frozenset(data["legal_prefixes"])
        self.folded_suffixes = {suffix.casefold() for suffix in self.suffixes}  # a suffix alone names nothing: "(NBM) Plc"
        self.strip_leading = set(data["strip_leading"]) | set(data["role_strip_leading"]) | {
            month.capitalize() for month in domain["dates"]["months"]}
        self.strip_endings = tuple(data["role_strip_leading_endings"])
        self.company_noun_before = re.compile(rf"(?<![\w-]){alternation(data['company_nouns'], 'i')}[ ]+\Z")  # "the firm Doma"
        self.capitals_function_words = frozenset(data["role_capitals_function_words"])
        self.adverb_endings = tuple(data["adverb_endings"])
        refusing = [*data["not_vendor_words"], *data["not_vendor_role_words"], *data["person_titles"]]
        self.refused = re.compile(rf"(?<![\w.])(?:{alternation(refusing)})(?![\w])")
        self.in_body_name = body_name_pattern(data)
        self.office_before = re.compile(rf"(?<![\w-]){alternation(data['office_words_before'])},[ ]*\Z")
        self.source_before = re.compile(rf"(?<![\w-]){alternation(data['source_cues_before'], 'i')}[ ]+(?:the[ ]+)?\Z")
        self.source_after = re.compile(rf"[ ]+{alternation(data['source_verbs_after'])}(?![\w-])")
        self.said_after = re.compile(rf",?[ ]+{alternation(domain['places']['speech_verbs'])}(?![\w-])")  # "…, Hung said"
        self.client_before = client_pattern(data)
        financiers = [form for forms in domain["financiers"]["financiers"].values() for form in forms]
        self.financier = re.compile(rf"{alternation(financiers)}(?![\w])")
        self.financier_words = {word for form in financiers for word in form.split()}
        self.about_surveillance = SurveillanceTest(data["role_context_cues"])
        self.near_sentences = int(data["role_context_sentences"])
        self.rules = self._role_patterns(data)
        self.trades = re.compile(rf"\b{alternation(data['not_vendor_trades'], 'i')}\b")
        self.leader_after = re.compile(rf"[ ]+{alternation(data['not_vendor_words_after'], 'i')}(?![\w])")
        self.generic = set(data["generic_name_words"])
        self.trade_endings = set(data["trade_name_endings"])
        self.common_subjects = {word.lower() for word in data["common_subjects"]}
        self.variant_run = re.compile(
            rf"(?<![\w-])(?:[A-Z][A-Za-z0-9]*(?:[ -](?!{_FUNCTION_WORDS}\b)[A-Za-z][A-Za-z0-9]*){{1,{int(data['variant_max_words']) - 1}}}"
            r"|[A-Z][a-z0-9]*[A-Z][A-Za-z0-9]*)(?![\w-])")  # several words, or one like 'DAHUA', 'HikVision'
        self.closest: dict[str, str | None] = {}  # a memo of `_closest_key`
        self.fuzzy_min, self.fuzzy_ratio = int(data["variant_fuzzy_min_chars"]), float(data["variant_fuzzy_ratio"])

    @staticmethod
    def _role_patterns(data: dict) -> list[tuple[str, re.Pattern, bool]]:
        """(rule, pattern, name first) triples. A pattern after its name ('X, a Singaporean
        company', 'X will install') matches from the name's end; one before ('won by', 'the firm')
        has group 'names' where the name or list of names starts. Group 'trade' holds the words
        describing the company; a descriptor noun's words are those before group 'noun'."""
        nouns = alternation(data["company_nouns"])
        people = alternation(data["company_people"], "i")
        gap = int(data["gap_words"])
        awards, objects = alternation(data["gap_rules"]["awarded"]["verbs"]), alternation(data["award_objects"])
        rules = [  # the rules that tell a home country first ('X, a Singaporean company')
            # not "X, the Chinese company Dahua" (the noun describes the name after it), nor "X, a
            # group of US Senators"
            ("vendor_role_apposition", re.compile(
                rf",[ ]+(?:an?|the|one of the)[ ]+(?!{people}[ ]+(?:of|at|for)\b)"  # not "X, the owner of the firm"
                rf"(?P<trade>(?:[^\s.;:,]+[ ]){{0,4}}?){nouns}\b(?![ ]+[A-Z])(?<!group(?= of ))"), True),
            ("vendor_role_descriptor", re.compile(rf"\b(?P<noun>{nouns}),?[ ]+(?P<names>(?=[A-Z0-9]))"), False),
            ("vendor_role_parent", re.compile(rf"['’]s[ ]+{alternation(data['parent_nouns'])}\b"), True),
            ("vendor_role_subject", re.compile(  # not "Copacabana was chosen as one of the pilot cities"
                rf"[ ](?:{alternation(data['role_adverbs'])}[ ])?{alternation(data['role_verbs_after'])}\b"
                rf"(?![ ]+as[ ]+(?:one[ ]+of[ ]+)?(?:the|an?)[ ]+(?:[\w-]+[ ]+){{0,2}}?{alternation(data['chosen_as_places'])}\b)"), True),
            ("vendor_role_named_as", re.compile(rf"[ ]{alternation(data['role_cues_after'])}\b"), True),
            ("vendor_role_awarded", re.compile(
                rf"\b{awards}[ ]+(?P<names>{_NAME})[ ]+(?:an?|the)[ ](?:[^\s.;:]+[ ]){{0,4}}?{objects}\b"), False),
            # "Neusoft won the $5 million contract", "X has won a three-year tender"
            ("vendor_role_won", re.compile(
                rf"[ ](?:has[ ]|had[ ]|have[ ])?(?:{alternation(data['winning_verbs'])})[ ](?:an?|the)[ ](?:[^\s.;:]+[ ]){{0,4}}?{objects}\b"), True),
        ]
        fillers = rf"(?:(?:the|an?|its|their)[ ]+)?(?:{_WORD}['’]s[ ]+)?(?:{alternation(data['role_fillers'])}[ ]+){{0,2}}"
        rules += [(f"vendor_role_{rule}", re.compile(rf"\b{alternation(cues)}[ ]+{fillers}(?P<names>(?=[A-Z0-9]))"), False)
                  for rule, cues in data["role_cues_before"].items()]
        rules += [(f"vendor_role_{rule}", re.compile(  # the verb, at most `gap_words` words, 'to' or 'from'
            rf"\b{alternation(gap_rule['verbs'])}\b(?:[ ][^\s.;:,]+){{0,{gap}}}?[ ]{gap_rule['before_name']}[ ]+{fillers}(?P<names>(?=[A-Z0-9]))"),
            False) for rule, gap_rule in data["gap_rules"].items()]
        return rules

    def __call__(self, doc: Doc) -> Doc:
        text, mentions = doc_text(doc), doc_mentions(doc)
        taken = [m for m in mentions if m.label in ("VENDOR", "MONEY", "PERCENT", "QUANTITY", "DATE")]
        if not self.about_surveillance(text, mentions):
            return doc  # a document about no surveillance technology: a contractor there is no vendor
        found: list[Mention] = []
        bodies = self._public_body_abbreviations(text)
        for source, start, end, home in [*self._variants(text), *self._role_names(text, mentions)]:
            if any(spans_overlap(start, end, m.start, m.end) for m in [*taken, *found]):
                continue
            mention = self._mention(doc, mentions, source, start, end, home)
            if mention is not None and mention.text not in bodies and self._near_surveillance(doc, mentions, mention):
                found.append(mention)
        found.extend(self._short_forms(doc, text, [*mentions, *found]))
        mentions.extend(found)
        _fold_abbreviations(text, mentions)
        return doc

    def _near_surveillance(self, doc: Doc, mentions: list[Mention], mention: Mention) -> bool:
        """Whether the sentences around a role-found name (`role_context_sentences` each side)
        speak of surveillance technology; a variant of a known name needs no such context."""
        if mention.source == "vendor_variant":
            return True
        bounds = sentence_bounds(doc)
        at = next(i for i, (s, e) in enumerate(bounds) if e > mention.start)
        reach = self.near_sentences
        start, end = bounds[max(0, at - reach)][0], bounds[min(len(bounds) - 1, at + reach)][1]
        near = [m for m in mentions if start <= m.start < end]
        return self.about_surveillance(doc_text(doc)[start:end], near)

    def _public_body_abbreviations(self, text: str) -> set[str]:
        """Short names the text gives a public body or financier in brackets: 'National Database
        and Registration Authority (Nadra)' makes a later 'executed by Nadra' no vendor."""
        bodies = set()
        for match in _BRACKETED.finditer(text):
            before = text[max(0, match.start() - _BRACKET_REACH):match.start()]
            named = re.split(r"[.;:,()\n]", before)[-1]
            if self.refused.search(named) or self.financier.search(named):
                bodies.add(match.group(1))
        return bodies

    def _role_names(self, text: str, mentions: list[Mention]) -> Iterator[tuple[str, int, int, str | None]]:
        """(rule, start, end, home country) of every name a role pattern gives."""
        for source, pattern, name_first in self.rules:
            for match in pattern.finditer(text):
                trade = self._trade_span(text, match)
                if trade is not None and self.trades.search(text, *trade):
                    continue
                home = self._country_within(mentions, *trade) if trade is not None else None
                if name_first:
                    spans = self._listed_before(text, match.start(), short_name=source != "vendor_role_apposition")
                elif match.end("names") > match.start("names"):
                    spans = [(match.start("names"), match.end("names"))]
                else:
                    spans = self._listed(text, match.start("names"))
                for start, end in spans:
                    yield source, start, end, home

    @staticmethod
    def _trade_span(text: str, match: re.Match) -> tuple[int, int] | None:
        """Where the words describing the company are: group 'trade', else the words before a
        descriptor noun ('the US computer maker'), else nowhere."""
        groups = match.re.groupindex
        if "trade" in groups:
            return match.span("trade")
        if "noun" in groups:
            words = _WORDS_BEFORE.search(text, max(0, match.start() - _NAME_REACH), match.start())
            return words.span()
        return None

    def _listed(self, text: str, position: int) -> list[tuple[int, int]]:
        """The names of a list starting at `position`: 'X', 'X and Y', 'X, Y and Z'; a name
        joined by 'and' to a public body's words is part of the body ('National Database and
        Registration Authority'), trades alone after 'and' are part of the name before ('Apex
        Hardware and Electrical')."""
        spans: list[tuple[int, int]] = []
        while (match := _NAME_AT.match(text, position)) is not None:
            joined = bool(spans) and text[spans[-1][1]:match.start()].strip() in ("and", "&")
            if joined and self.refused.search(match.group()):
                spans.pop()
            if joined and set(match.group().split()) <= self.trade_endings:
                spans[-1] = (spans[-1][0], match.end())
            else:
                spans.append((match.start(), match.end()))
            joiner = _LIST_JOINER.match(text, match.end())
            if joiner is None:
                break
            position = joiner.end()
        return spans

    def _listed_before(self, text: str, end: int, short_name: bool = False) -> list[tuple[int, int]]:
        """The names of a list ending at `end`, last first: 'X', 'X and Y', 'X, Y and Z' ("NEC,
        Digital Barriers and Bedroq named as suppliers"); with `short_name`, the last may be
        followed by its short name in brackets (before a verb: "The Mobile Telecommunications
        Company (MTC) donated"; not before an apposition, which may describe the short name's body).
        A public body's words joined by "and" to the name before them are one name ("National
        Intelligence and Security Agency")."""
        spans: list[tuple[int, int]] = []
        short = _SHORT_NAME_BEFORE.search(text, max(0, end - _SHORT_NAME_REACH), end) if short_name else None
        end = short.start() if short else end
        while (before := _NAME_BEFORE.search(text, max(0, end - _NAME_REACH), end)) is not None:
            spans.append((before.start(), before.end()))
            joiner = _LIST_JOINER_BEFORE.search(text, max(0, before.start() - 8), before.start())
            if joiner is None or joiner.group().strip() in ("and", "&") and self.refused.search(before.group()):
                break  # "National Intelligence and Security Agency": one body's name
            end = joiner.start()
        return spans

    @staticmethod
    def _country_within(mentions: list[Mention], start: int, end: int) -> str | None:
        """The country a descriptor or apposition names ('a Singaporean company' -> SG)."""
        inside = [m for m in mentions if m.label == "COUNTRY" and start <= m.start and m.end <= end]
        return inside[-1].country if inside else None

    def _variants(self, text: str) -> Iterator[tuple[str, int, int, str | None]]:
        """Known names written with other spacing or case ('Hik vision', 'Mega vii', 'DAHUA')."""
        for match in self.variant_run.finditer(text):
            for end in self._prefix_ends(text, match.start(), match.end()):
                entry = self._variant_entry(text[match.start():end])
                if entry is not None:
                    yield "vendor_variant", match.start(), end, entry.country
                    break

    @staticmethod
    def _prefix_ends(text: str, start: int, end: int) -> list[int]:
        """Ends of the run and of its shorter word prefixes, longest first."""
        ends = [start + m.start() for m in re.finditer(r"[ -]", text[start:end])]
        return [end, *reversed(ends)]

    def _variant_entry(self, written: str) -> VendorEntry | None:
        """The known vendor a differently written name stands for, if any."""
        several = " " in written or "-" in written
        if written in self.known or not several and written[1:].islower():
            return None  # the gazetteer's own form; a capitalised word ('Orange') is the gazetteer's
        key = name_key(written)
        if key in self.keys:
            return self.keys[key]
        if not several or len(key) < self.fuzzy_min:
            return None
        if key not in self.closest:
            if len(self.closest) > _MEMO_SIZE:
                self.closest.clear()
            self.closest[key] = self._closest_key(key)
        return self.keys.get(self.closest[key])

    def _closest_key(self, key: str) -> str | None:
        """The known name's key most like `key` (difflib ratio at least `variant_fuzzy_ratio`)."""
        best, best_ratio = None, self.fuzzy_ratio
        for known in (k for size in range(len(key) - 2, len(key) + 3) for k in self.keys_by_shape.get((key[:2], size), ())):
            matcher = SequenceMatcher(None, key, known)
            if matcher.real_quick_ratio() >= best_ratio and matcher.quick_ratio() >= best_ratio \
                    and (ratio := matcher.ratio()) >= best_ratio:
                best, best_ratio = known, ratio
        return best

    def _mention(self, doc: Doc, mentions: list[Mention], source: str, start: int, end: int,
                 home: str | None) -> Mention | None:
        """The VENDOR mention of a candidate name, trimmed; None when it is no company name."""
        text = doc_text(doc)
        if source == "vendor_variant":
            entry = self._variant_entry(text[start:end])
            return make_mention(doc, "VENDOR", start, end, source, vendor=entry.vendor, country=entry.country)
        written, (start, end) = start, self._trimmed(text, start, end)
        if start is None or not self._company_like(doc, mentions, start, end, source == "vendor_role_subject"):
            return None
        name = text[start:end]
        known = self.known.get(name) or self.keys.get(name_key(name))
        if known is not None:
            return make_mention(doc, "VENDOR", start, end, source, vendor=known.vendor, country=known.country)
        vendor = canonical_vendor_name(name, self.suffixes, self.country_names, self.prefixes)
        if vendor is None:
            return None
        leading = [m for m in mentions if m.label in ("COUNTRY", "PLACE") and written <= m.start <= start and m.end <= end]
        home = leading[-1].country if leading else home  # 'China Jiangxi ...', 'South Carolina-based X'
        return make_mention(doc, "VENDOR", start, end, source, vendor=vendor, country=home)

    def _trimmed(self, text: str, start: int, end: int) -> tuple[int | None, int]:
        """The name without leading openers ('The', 'Meanwhile', 'In May', 'South Carolina-based',
        'Reportedly'), but with a function word in capitals that names ('ANY Security Printing';
        not `role_capitals_function_words`), and with a legal suffix's full stop ('Acme Co.')."""
        words = list(re.finditer(r"\S+", text[start:end]))
        described = [i for i, word in enumerate(words) if word.group().endswith(self.strip_endings)]
        for word in words[described[-1] + 1 if described else 0:]:
            token = word.group()
            if token in self.strip_leading or token.lower() in STOP_WORDS and not self._capitals_name_word(token) \
                    or token.rstrip(",").lower().endswith(self.adverb_endings):
                continue  # not a name's word in capitals ("ANY Security Printing Company"); an adverb ("Reportedly,")
            start += word.start()
            break
        else:
            return None, end
        if text[end:end + 1] == "." and text[start:end].split()[-1] + "." in self.suffixes:
            end += 1
        return start, end

    def _capitals_name_word(self, token: str) -> bool:
        """Whether a word in capitals is a name's word, not a function word ("ANY"; not "THE")."""
        return _CAPITALS.fullmatch(token) is not None and token not in self.capitals_function_words

    def _company_like(self, doc: Doc, mentions: list[Mention], start: int, end: int, subject: bool) -> bool:
        """Whether a trimmed name can be a company: no title, public body, financier, country,
        region or place of its own, nor a leader's ("the Duterte administration"), nor a listed place's
        name; a single word opening a sentence before a verb ('Engineers installed') only when the text
        writes it capitalised elsewhere too and never in lower case."""
        text = doc_text(doc)
        name = text[start:end]
        if self._names_no_company(text, start, end):
            return False
        if self._listed_place(doc, start, end):
            return False
        if any(m.label == "TECHNOLOGY" and end <= m.start <= end + 2 for m in mentions):
            return False  # "Close Circuit Television (CCTV) installed": a technology's long name
        inside = [m for m in mentions if spans_overlap(start, end, m.start, m.end)]
        if any(m.label not in ("COUNTRY", "PLACE") or m.start != start or m.end >= end for m in inside):
            return False  # only a leading country or place is part of a company name
        if not subject or " " in name or not name[1:].islower():
            return True  # 'Orion Smart', 'ASELSAN', 'HikVision'
        if re.search(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", text):
            return False  # a common word the text also writes in lower case ("Cameras supplied under ...")
        opening = all(word in self.strip_leading for word in text[sentence_at(doc, start)[0]:start].strip(" \"'“‘(").split())
        return not opening or self._name_like(name) or re.search(rf"(?<=[a-z,] )(?<![Tt]he ){re.escape(name)}\b", text) is not None

    def _listed_place(self, doc: Doc, start: int, end: int) -> bool:
        """Whether a name is one the place tables list ("Chiang Mai installed 300 cameras"), not
        introduced by a company noun ("the firm Doma")."""
        return (start, end) in (doc._.listed_places or ()) \
            and not self.company_noun_before.search(doc_text(doc), max(0, start - 20), start)

    def _names_no_company(self, text: str, start: int, end: int) -> bool:
        """Whether a name is a legal suffix alone, a title's, public body's, financier's, country's
        or region's, a leader's ("the Duterte administration"), or the noun a number counts ("140
        Cameras installed"); or ends a body's name ("the Ministry of Transport, Communications and
        High Technologies"), or is an office's place ("The Police Circle, Thimi"), or a source the text
        cites ("According to X, the only provider", "X reports")."""
        name = text[start:end]
        if len(name) < 2 or name.casefold() in self.folded_suffixes or self.refused.search(_CAMEL_JOINS.sub(" ", name)) \
                or _CONTRACTION.fullmatch(name) \
                or self.financier.match(text, start) or name in self.country_names or name in self.regions:
            return True
        return self.leader_after.match(text, end) is not None or _COUNT_BEFORE.search(text, max(0, start - 20), start) is not None \
            or in_body_name(self.in_body_name, text, start) or is_client(self.client_before, text, start) \
            or self.office_before.search(text, max(0, start - 20), start) is not None \
            or self.source_before.search(text, max(0, start - 20), start) is not None or self.source_after.match(text, end) is not None \
            or " " not in name and self.said_after.match(text, end) is not None  # "… the companies, Hung said": a person

    def _name_like(self, word: str) -> bool:
        """A single word opening a sentence that reads as a company's name, not a plural or common
        noun doing the work ("Telmex installed"; not "Engineers installed", "Staff installed")."""
        return len(word) >= 4 and not word.endswith("s") and word.lower() not in STOP_WORDS \
            and word not in self.generic and word.lower() not in self.common_subjects

    def _short_forms(self, doc: Doc, text: str, mentions: list[Mention]) -> list[Mention]:
        """The head word of a vendor named in several words, standing alone elsewhere in the
        document ('Vega' after 'Vega Radio Engineering', 'Sunwin' after 'Shenzhen Sunwin
        Intelligent'), and every other occurrence of a name found by its role ('Synesis provides
        ...' makes each later 'Synesis' a vendor)."""
        forms: dict[str, Mention] = {}
        for vendor in (m for m in mentions if m.label == "VENDOR"):
            if vendor.source.startswith("vendor_role"):
                forms.setdefault(vendor.text, vendor)
            words = [word.rstrip(",;:") for word in vendor.text.split()[:2]] if " " in vendor.text else ()
            for head in filter(self._head_word, words):  # "Mercadona" of "Mercadona, S.A."
                forms.setdefault(head, vendor)
        if not forms:
            return []
        found: list[Mention] = []
        pattern = re.compile(rf"(?<![\w&-]){alternation(forms)}(?![\w&-]|[ ]\(?[A-Z])")
        for match in pattern.finditer(text):
            if _AFTER_NAME_WORD.search(text, max(0, match.start() - 40), match.start()) \
                    or any(spans_overlap(match.start(), match.end(), m.start, m.end) for m in [*mentions, *found]):
                continue  # inside a longer name ('Dito Telecommunity', 'Xinwei (Cambodia) Telecom')
            vendor = forms[match.group()]
            found.append(make_mention(doc, "VENDOR", match.start(), match.end(), "vendor_short_form",
                                      vendor=vendor.vendor, country=vendor.country))
        return found

    def _head_word(self, word: str) -> bool:
        """Whether one of a vendor name's first two words can stand for it alone: not a generic
        word ('Power', 'Engineering'), a suffix, a financier's word or a country ('Shenzhen Sunwin'
        -> 'Sunwin'; 'Shenzhen' alone is a PLACE mention, which a short form never overlaps)."""
        return len(word) >= 3 and word[0].isupper() and word not in self.generic and word not in self.suffixes \
            and word not in self.financier_words and word.lower() not in STOP_WORDS and word not in self.country_names \
            and not word.endswith("-based")


def _fold_abbreviations(text: str, mentions: list[Mention]) -> None:
    """A vendor written in full and then its abbreviation in brackets is one vendor: the long
    name takes the name the gazetteer knows ("China International Telecommunications Construction
    Corporation (CITCC)" is CITCC), else the abbreviation takes the long name's."""
    vendors = {m.start: m for m in mentions if m.label == "VENDOR"}
    renamed: dict[str, Mention] = {}  # an abbreviation found by its role -> the long name's mention
    for long in list(vendors.values()):
        bracket = _BRACKETED.match(text, long.end + (text[long.end:long.end + 1] == " "))
        short = vendors.get(bracket.start(1)) if bracket else None
        if short is None or short.end != bracket.end(1) or short.vendor == long.vendor:
            continue
        if short.source == "vendor_gazetteer":
            long.vendor, long.country = short.vendor, short.country or long.country
        else:
            renamed[short.text] = long
    for mention in vendors.values():  # the abbreviation wherever else it stands
        if mention.text in renamed and mention.source != "vendor_gazetteer":
            mention.vendor, mention.country = renamed[mention.text].vendor, renamed[mention.text].country


@Language.factory("claimtrace_vendor_roles", default_config={"config_dir": None},
                  assigns=["doc._.mentions"], requires=["doc.sents", "doc._.mentions", "doc._.listed_places"])
def make_vendor_roles(nlp: Language, name: str, config_dir: str | None):
    """The role, variant and short-form VENDOR recogniser; `config_dir` overrides `configs/`."""
    return RoleVendorRecogniser(nlp, config_dir)
