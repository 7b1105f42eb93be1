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
from pipeline.components.vendors import VendorEntry, canonical_vendor_name, vendor_entries
from pipeline.domain import load_domain
from pipeline.mention import Mention, doc_mentions, doc_text, make_mention, sentence_at
from pipeline.patterns import alternation
from pipeline.spans import spans_overlap

_WORD = r"(?:[A-Z][\w&]*|\d+[A-Za-z][\w&]*)(?:[-.][A-Za-z0-9&]+|['’](?!s\b)[A-Za-z]+)*"
_NAME = rf"{_WORD}(?:[ ](?:(?:of|de|&)[ ])?{_WORD}){{0,5}}"
_LIST_JOINER = re.compile(r"(?:,[ ]+(?:and[ ]+)?|[ ]+and[ ]+)(?=[A-Z0-9])")
_NAME_AT = re.compile(_NAME)
_FOLD = re.compile(r"[\W_]+")
_AFTER_NAME_WORD = re.compile(r"(?:[A-Z][\w&.'’-]*|&)[ ]$")
_BRACKETED = re.compile(rf"((?:{_WORD}[ ](?:(?:of|for|and|the|de)[ ])*){{0,8}}{_WORD})[ ]?\(([A-Za-z][\w&.-]*)\)")


def name_key(name: str) -> str:
    """A name's letters and digits, case-folded: 'Hik vision' and 'HIKVISION' -> 'hikvision'."""
    return _FOLD.sub("", name).casefold()


class RoleVendorRecogniser:
    """Proposes VENDOR mentions for names in a supplier's role, variants and short forms."""

    def __init__(self, nlp: Language, config_dir: str | None):
        domain = load_domain(config_dir)
        data = domain["vendors"]
        self.known = vendor_entries(data)
        self.keys = {name_key(form): entry for form, entry in self.known.items()}
        self.country_names = country_entries(domain["countries"])
        self.suffixes = set(data["legal_suffixes"]) | set(data["name_suffixes_dropped"])
        self.strip_leading = set(data["strip_leading"]) | set(data["role_strip_leading"]) | {
            month.capitalize() for month in domain["dates"]["months"]}
        self.strip_endings = tuple(data["role_strip_leading_endings"])
        refusing = [*data["not_vendor_words"], *data["not_vendor_role_words"], *data["person_titles"]]
        self.refused = re.compile(rf"(?<![\w.])(?:{alternation(refusing)})(?![\w])")
        financiers = [form for forms in domain["financiers"]["financiers"].values() for form in forms]
        self.financier = re.compile(rf"{alternation(financiers)}(?![\w])")
        self.financier_words = {word for form in financiers for word in form.split()}
        self.surveillance_cue = re.compile(rf"\b{alternation(data['role_context_cues'], 'i')}\b")
        self.rules = self._role_patterns(data)
        self.trades = re.compile(rf"\b{alternation(data['not_vendor_trades'], 'i')}\b")
        self.generic = set(data["generic_name_words"])
        self.variant_words = int(data["variant_max_words"])
        self.fuzzy_min, self.fuzzy_ratio = int(data["variant_fuzzy_min_chars"]), float(data["variant_fuzzy_ratio"])

    @staticmethod
    def _role_patterns(data: dict) -> list[tuple[str, re.Pattern]]:
        """(rule, pattern) pairs; group 'names' starts the name or list of names, group 'trade'
        holds the words describing it where the rule has them."""
        nouns = alternation(data["company_nouns"])
        gap = int(data["gap_words"])
        awards, objects = alternation(data["gap_rules"]["awarded"]["verbs"]), alternation(data["award_objects"])
        rules = [  # the rules that tell a home country first ('X, a Singaporean company')
            ("vendor_role_apposition", re.compile(
                rf"(?P<names>{_NAME}),[ ]+(?:an?|the|one of the)[ ]+(?P<trade>(?:[^\s.;:,]+[ ]){{0,4}}?){nouns}\b")),
            ("vendor_role_descriptor", re.compile(
                rf"(?P<trade>\b(?:[\w-]+[ ]){{0,3}}){nouns},?[ ]+(?P<names>(?=[A-Z0-9]))")),
            ("vendor_role_parent", re.compile(rf"(?P<names>{_NAME})['’]s[ ]+{alternation(data['parent_nouns'])}\b")),
            ("vendor_role_subject", re.compile(rf"(?P<names>{_NAME})[ ]+{alternation(data['role_verbs_after'])}\b")),
            ("vendor_role_awarded", re.compile(
                rf"\b{awards}[ ]+(?P<names>{_NAME})[ ]+(?:an?|the)[ ](?:[^\s.;:]+[ ]){{0,4}}?{objects}\b")),
        ]
        fillers = rf"(?:(?:the|an?|its|their)[ ]+)?(?:{_WORD}['’]s[ ]+)?(?:{alternation(data['role_fillers'])}[ ]+){{0,2}}"
        rules += [(f"vendor_role_{rule}", re.compile(rf"\b{alternation(cues)}[ ]+{fillers}(?P<names>(?=[A-Z0-9]))"))
                  for rule, cues in data["role_cues_before"].items()]
        rules += [(f"vendor_role_{rule}", re.compile(  # the verb, at most `gap_words` words, 'to' or 'from'
            rf"\b{alternation(gap_rule['verbs'])}\b(?:[ ][^\s.;:,]+){{0,{gap}}}?[ ]{gap_rule['before_name']}[ ]+{fillers}(?P<names>(?=[A-Z0-9]))"))
            for rule, gap_rule in data["gap_rules"].items()]
        return rules

    def __call__(self, doc: Doc) -> Doc:
        text, mentions = doc_text(doc), doc_mentions(doc)
        taken = [m for m in mentions if m.label in ("VENDOR", "MONEY", "PERCENT", "QUANTITY", "DATE")]
        if not any(m.label == "TECHNOLOGY" for m in mentions) and self.surveillance_cue.search(text) is None:
            return doc  # a document about no surveillance technology: a contractor there is no vendor
        found: list[Mention] = []
        bodies = self._public_body_abbreviations(text)
        for source, start, end, home in [*self._variants(text), *self._role_names(text, mentions)]:
            if any(spans_overlap(start, end, m.start, m.end) for m in [*taken, *found]):
                continue
            mention = self._mention(doc, mentions, source, start, end, home)
            if mention is not None and mention.text in bodies:
                continue
            if mention is not None:
                found.append(mention)
        found.extend(self._short_forms(doc, text, [*mentions, *found]))
        mentions.extend(found)
        return doc

    def _public_body_abbreviations(self, text: str) -> set[str]:
        """Short names the text gives a public body or financier in brackets: 'National Database
        and Registration Authority (Nadra)' makes a later 'executed by Nadra' no vendor."""
        return {match.group(2) for match in _BRACKETED.finditer(text)
                if self.refused.search(match.group(1)) or self.financier.search(match.group(1))}

    def _role_names(self, text: str, mentions: list[Mention]) -> Iterator[tuple[str, int, int, str | None]]:
        """(rule, start, end, home country) of every name a role pattern gives."""
        for source, pattern in self.rules:
            for match in pattern.finditer(text):
                trade = match.groupdict().get("trade") or ""
                if self.trades.search(trade):
                    continue
                home = self._country_within(mentions, match.start("trade"), match.end("trade")) if trade else None
                single = match.end("names") > match.start("names")
                spans = [(match.start("names"), match.end("names"))] if single else self._listed(text, match.start("names"))
                for start, end in spans:
                    yield source, start, end, home

    def _listed(self, text: str, position: int) -> list[tuple[int, int]]:
        """The names of a list starting at `position`: 'X', 'X and Y', 'X, Y and Z'; a name
        joined by 'and' to a public body's words is part of the body ('National Database and
        Registration Authority')."""
        spans: list[tuple[int, int]] = []
        while (match := _NAME_AT.match(text, position)) is not None:
            if spans and self.refused.search(match.group()) and text[spans[-1][1]:match.start()].strip() == "and":
                spans.pop()
            spans.append((match.start(), match.end()))
            joiner = _LIST_JOINER.match(text, match.end())
            if joiner is None:
                break
            position = joiner.end()
        return spans

    @staticmethod
    def _country_within(mentions: list[Mention], start: int, end: int) -> str | None:
        """The country a descriptor or apposition names ('a Singaporean company' -> SG)."""
        inside = [m for m in mentions if m.label == "COUNTRY" and start <= m.start and m.end <= end]
        return inside[-1].country if inside else None

    def _variants(self, text: str) -> Iterator[tuple[str, int, int, str | None]]:
        """Known names written with other spacing or case ('Hik vision', 'Mega vii', 'DAHUA')."""
        words = r"[A-Za-z][A-Za-z0-9]*"
        run = re.compile(rf"(?<![\w-])[A-Z][A-Za-z0-9]*(?:[ -]{words}){{0,{self.variant_words - 1}}}(?![\w-])")
        for match in run.finditer(text):
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
        if written in self.known:
            return None  # the gazetteer's own form
        key = name_key(written)
        several = len(written.split()) > 1 or "-" in written
        if not several and not (written.isupper() or any(c.isupper() for c in written[1:])):
            return None  # a capitalised word ("Orange") is the gazetteer's; only 'DAHUA', 'HikVision'
        if key in self.keys:
            return self.keys[key]
        if not several or len(key) < self.fuzzy_min:
            return None
        close = [(SequenceMatcher(None, key, known).ratio(), known) for known in self.keys
                 if known[0] == key[0] and abs(len(known) - len(key)) <= 2]
        best = max(close, default=(0.0, None))
        return self.keys[best[1]] if best[0] >= self.fuzzy_ratio else None

    def _mention(self, doc: Doc, mentions: list[Mention], source: str, start: int, end: int,
                 home: str | None) -> Mention | None:
        """The VENDOR mention of a candidate name, trimmed; None when it is no company name."""
        text = doc_text(doc)
        if source == "vendor_variant":
            entry = self._variant_entry(text[start:end])
            return make_mention(doc, "VENDOR", start, end, source, vendor=entry.vendor, country=entry.country)
        start, end = self._trimmed(text, start, end)
        if start is None or not self._company_like(doc, mentions, start, end, source == "vendor_role_subject"):
            return None
        name = text[start:end]
        known = self.known.get(name) or self.keys.get(name_key(name))
        if known is not None:
            return make_mention(doc, "VENDOR", start, end, source, vendor=known.vendor, country=known.country)
        vendor = canonical_vendor_name(name, self.suffixes, self.country_names)
        if vendor is None:
            return None
        leading = next((m for m in mentions if m.label in ("COUNTRY", "PLACE") and m.start == start), None)
        home = leading.country if leading is not None else home
        return make_mention(doc, "VENDOR", start, end, source, vendor=vendor, country=home)

    def _trimmed(self, text: str, start: int, end: int) -> tuple[int | None, int]:
        """The name without leading openers ('The', 'Meanwhile', 'In May') and with a legal
        suffix's full stop ('Acme Co.')."""
        for word in re.finditer(r"\S+", text[start:end]):
            token = word.group()
            if token in self.strip_leading or token.lower() in STOP_WORDS or token.endswith(self.strip_endings):
                continue
            start += word.start()
            break
        else:
            return None, end
        if text[end:end + 1] == "." and text[start:end].split()[-1] + "." in self.suffixes:
            end += 1
        return start, end

    def _company_like(self, doc: Doc, mentions: list[Mention], start: int, end: int, subject: bool) -> bool:
        """Whether a trimmed name can be a company: no title, public body, financier, country
        or place of its own; a single word opening a sentence before a verb ('Engineers
        installed') only when the text writes it capitalised elsewhere too."""
        text = doc_text(doc)
        name = text[start:end]
        if len(name) < 2 or self.refused.search(name) or self.financier.match(text, start) or name in self.country_names:
            return False
        inside = [m for m in mentions if spans_overlap(start, end, m.start, m.end)]
        if any(m.label not in ("COUNTRY", "PLACE") or m.start != start or m.end >= end for m in inside):
            return False  # only a leading country or place is part of a company name
        if not subject or " " in name or not name[1:].islower():
            return True  # 'Orion Smart', 'ASELSAN', 'HikVision'
        opening = text[sentence_at(doc, start)[0]:start].strip(" \"'“‘(") == ""
        return not opening or re.search(rf"(?<=[a-z,] ){re.escape(name)}\b", text) is not None

    def _short_forms(self, doc: Doc, text: str, mentions: list[Mention]) -> list[Mention]:
        """The head word of a vendor named in several words, standing alone elsewhere in the
        document: 'Vega' after 'Vega Radio Engineering', 'Sunwin' after 'Shenzhen Sunwin Intelligent'."""
        forms: dict[str, Mention] = {}
        for vendor in (m for m in mentions if m.label == "VENDOR" and " " in m.text):
            for head in filter(self._head_word, vendor.text.split()[:2]):
                forms.setdefault(head, vendor)
        if not forms:
            return []
        found: list[Mention] = []
        pattern = re.compile(rf"(?<![\w&-]){alternation(forms)}(?![\w&-]|[ ][A-Z])")
        for match in pattern.finditer(text):
            if _AFTER_NAME_WORD.search(text, max(0, match.start() - 40), match.start()) \
                    or any(spans_overlap(match.start(), match.end(), m.start, m.end) for m in [*mentions, *found]):
                continue  # inside a longer name ('Dito Telecommunity' does not make 'Telecommunity' one)
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


@Language.factory("claimtrace_vendor_roles", default_config={"config_dir": None},
                  assigns=["doc._.mentions"], requires=["doc.sents", "doc._.mentions"])
def make_vendor_roles(nlp: Language, name: str, config_dir: str | None):
    """The role, variant and short-form VENDOR recogniser; `config_dir` overrides `configs/`."""
    return RoleVendorRecogniser(nlp, config_dir)
