"""VENDOR: companies supplying, building, installing or operating the technology, from the
gazetteer in `configs/vendors.yaml` and, for unknown ones, from legal suffixes and cues."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.countries import country_entries
from pipeline.domain import load_domain
from pipeline.gazetteer import Gazetteer, longest_first
from pipeline.mention import Mention, doc_mentions, doc_text, make_mention
from pipeline.patterns import alternation
from pipeline.resources import name_variants
from pipeline.spans import spans_overlap

_NAME_WORD = r"[A-Z][\w&'’-]*"
_GAP = r"[ \t\u00a0]+"
# two names of two words or more each (before the legal suffix) joined by "and": two companies
_HYPHEN_JOINED = re.compile(r"[A-Za-z]-")  # a name joined to the one before it by a hyphen
_FIRST_WORD = re.compile(r"[^ ]*")
_TWO_NAMES = re.compile(r"(?P<first>[A-Z][\w&'’-]*(?:[ ]+(?:&[ ]+)?[A-Z][\w&'’-]*)+)[ ]+and[ ]+"
                        r"(?P<second>[A-Z][\w&'’-]*(?:[ ]+[A-Z][\w&'’-]*)+)")
_CLAUSE_BREAK = re.compile(r"[.,;:()\n]")
_BODY_JOINER = re.compile(r"[ ](?:of|for|and)(?:[ ]the)?[ ]\Z")
_BODY_REACH = 80  # characters before a name that may name the body it ends
_COUNTY = re.compile(r"Co\.?[ ][A-Z]")  # "Thurles, Co Tipperary": an Irish county, no legal suffix
_FOLD = re.compile(r"[\W_]+")
_CLIENT_REACH = 140  # characters before a name a winner's "... orders worth ... from" may take
_JOINED = re.compile(r"(?:^|\s)(?:and|&)\s+([A-Z][\w'’-]*)")


@dataclass(frozen=True)
class VendorEntry:
    """The canonical vendor a name stands for."""

    vendor: str
    country: str | None


def vendor_entries(data: dict) -> dict[str, VendorEntry]:
    """Every written form of every configured vendor."""
    entries: dict[str, VendorEntry] = {}
    for vendor in data["vendors"]:
        entry = VendorEntry(vendor["name"], vendor.get("country"))
        for form in [vendor["name"], *vendor.get("aliases", [])]:
            for variant in name_variants(form):
                entries.setdefault(variant, entry)
    return entries


# quote marks around a name's words, not an apostrophe inside one ("O'Neil", "Kenya's")
_QUOTE_MARKS = re.compile(r"(?<![A-Za-z])['‘’“”\"]|['‘’“”\"](?![A-Za-z])")


def body_name_pattern(data: dict) -> re.Pattern:
    """Text ending inside a public body's name: one of `body_name_heads`, "of" or "for", then up
    to `body_name_words` capitalised words, commas and "and" ("the Ministry of Transport,
    Communications and ")."""
    return re.compile(rf"(?<![\w]){alternation(data['body_name_heads'])}[ \u00a0]+(?:of|for)[ \u00a0]+(?:the[ \u00a0]+)?"
                      rf"(?:[A-Z][\w-]*,?[ \u00a0]+(?:and[ \u00a0]+)?){{0,{int(data['body_name_words'])}}}\Z")


def name_key(name: str) -> str:
    """A name's letters and digits, case-folded: 'Hik vision' and 'HIKVISION' -> 'hikvision'."""
    return _FOLD.sub("", _FOLD.sub("", name).casefold())  # case-folding may leave marks ("ᾶ" -> "ᾶ")


def client_pattern(data: dict) -> re.Pattern:
    """Text ending where a winner's client is named: one of `winning_verbs`, an `award_objects`
    word and "from" ("BEL received orders worth Rs 445 crore from ")."""
    return re.compile(
        rf"(?<![\w-]){alternation(data['winning_verbs'], 'i')}[ ](?:[^\s.;:]+[ ]){{0,4}}?{alternation(data['award_objects'])}"
        rf"\b[^.;\n]{{0,60}}?[ ]from[ ]+(?:the[ ]+)?\Z")


def is_client(pattern: re.Pattern, text: str, start: int) -> bool:
    """Whether a name starting at `start` is the client a winner got its order from (`client_pattern`)."""
    return pattern.search(text, max(0, start - _CLIENT_REACH), start) is not None


def in_body_name(pattern: re.Pattern, text: str, start: int) -> bool:
    """Whether a name starting at `start` continues a public body's name (`body_name_pattern`)."""
    return pattern.search(text, max(0, start - _BODY_REACH), start) is not None


def canonical_vendor_name(name: str, dropped_endings: set[str], country_names,
                          dropped_prefixes: frozenset[str] = frozenset()) -> str | None:
    """A company's name without its legal forms and endings such as 'Group': 'Shenzhen
    Infinova Technology Co., Ltd.' -> 'Shenzhen Infinova Technology', 'PT Dayamitra
    Telekomunikasi' -> 'Dayamitra Telekomunikasi', quote marks dropped; None when nothing but initials or a country's
    name is left ("Venezuela S.A." is part of a longer name)."""
    written = _QUOTE_MARKS.sub("", name).replace(",", " ")  # "'Safe Kids' LLC" -> Safe Kids
    for phrase in (ending for ending in dropped_endings if " " in ending):  # "S.A. de C.V."
        if written.rstrip().endswith(" " + phrase):
            written = written.rstrip()[:-len(phrase)]
    words = written.split()
    while len(words) > 1 and words[0] in dropped_prefixes:
        words.pop(0)
    while len(words) > 1 and words[-1] in dropped_endings:
        words.pop()
    if not words or words[-1] in dropped_endings or all(w.isupper() and len(w) <= 2 for w in words) \
            or " ".join(words) in country_names:
        return None
    return " ".join(words)


class SurveillanceTest:
    """Whether a text is about surveillance or security technology: it holds a TECHNOLOGY
    mention or one of `role_context_cues` (case-insensitively, inside words too). Elsewhere a
    company the gazetteer does not know (a contractor building a road) is no vendor."""

    def __init__(self, cues: list[str]):
        self.cues = [cue.lower() for cue in cues]

    def __call__(self, text: str, mentions: list[Mention]) -> bool:
        if any(m.label == "TECHNOLOGY" for m in mentions):
            return True
        lowered = text.lower()
        return any(cue in lowered for cue in self.cues)


class VendorRecogniser:
    """Finds known vendors by name and unknown ones by legal suffix or supplier cue."""

    def __init__(self, nlp: Language, config_dir: str | None):
        domain = load_domain(config_dir)
        data = domain["vendors"]
        self.gazetteer = Gazetteer(nlp, vendor_entries(data), "VENDOR", fold=True)  # "Thalès" is Thales
        suffixes = alternation(data["legal_suffixes"])
        self.suffixed = re.compile(
            rf"(?<![\w.])((?:{_NAME_WORD}{_GAP}(?:(?:and|&){_GAP})?){{0,5}}{_NAME_WORD}),?{_GAP}"  # "Acme Vision, Inc."
            rf"((?:{suffixes})(?:,?{_GAP}(?:{suffixes}))*)(?![\w-])"  # not "Co-founder"
        )
        self.cued_after = re.compile(
            rf"(?<![\w-])({_NAME_WORD}(?:{_GAP}{_NAME_WORD}){{0,2}})-(?:{alternation(data['supplier_cues_after'])})\b"
        )
        # a known name's legal form after it is part of its span ("Raytheon Co.", "ASELSAN Company",
        # "Huawei Technologies (Bangladesh) Ltd.", a subsidiary's "Huawei Kenya Ltd", "NEC Australia Pty Ltd")
        legal_forms = alternation([*data["legal_suffixes"], *data["name_suffixes_dropped"]])
        self.legal_form_after = re.compile(
            rf"(?:[ \u00a0]+\([A-Z][\w .'’-]{{1,30}}\)|(?:[ \u00a0]+[A-Z][A-Za-z]+){{1,2}}(?=,?[ \u00a0]+(?:{legal_forms})(?![\w-])))?"
            rf"(?:,?[ \u00a0]+(?:{legal_forms})(?![\w-]))+")
        # a known name's subsidiary named by its country or region ("Huawei Philippines", "NEC Australia")
        self.country_names = country_entries(domain["countries"])
        country_names = [name for name, entry in self.country_names.items() if entry.kind != "demonym"]
        self.subsidiary_after = re.compile(
            rf"[ ](?:(?P<of>of[ ](?:the[ ])?)|(?!of[ ]))(?P<where>{alternation([*country_names, *data['subsidiary_regions']])})"
            rf"(?![\w-]|(?(of)(?!)|,?[ ]+(?:and|or)\b)|[ ]+(?!{alternation(data['subsidiary_words_after'])}(?![\w-]))[A-Z])")
        # not "Huawei Botswana Police Service", "Gemalto Guinea Election"; "Huawei Kenya Vice General Manager" is
        self.not_vendor = re.compile(rf"\b(?:{alternation(data['not_vendor_words'])})\b")
        self.client_before = client_pattern(data)
        self.place_after = re.compile(rf"[ ]+{alternation(data['place_words_after'])}(?![\w-])")
        self.in_body_name = body_name_pattern(data)
        self.strip_leading = set(data["strip_leading"])
        self.generic = set(data["generic_name_words"])
        self.generic_name_max_words = int(data["generic_name_max_words"])
        self.strip_endings = tuple(data["role_strip_leading_endings"])  # "Renfrew-based North SV Limited"
        self.suffix_words = set(data["legal_suffixes"])
        self.dropped_endings = self.suffix_words | set(data["name_suffixes_dropped"])
        self.dropped_prefixes = frozenset(data["legal_prefixes"])
        self.about_surveillance = SurveillanceTest(data["role_context_cues"])
        self.keys = {name_key(form): entry for form, entry in vendor_entries(data).items()}  # "FLOCK Group, Inc." is Flock

    def __call__(self, doc: Doc) -> Doc:
        mentions = doc_mentions(doc)
        found = self._known_names(doc)
        taken = [(m.start, m.end) for m in found]
        unknown = self._pattern_spans(doc_text(doc)) if self.about_surveillance(doc_text(doc), mentions) else ()
        for start, end in unknown:  # a company unknown to the gazetteer only where the text is about surveillance
            if any(spans_overlap(start, end, s, e) for s, e in taken):
                continue
            canonical = self._canonical(doc_text(doc)[start:end])
            if not canonical:
                continue
            inside = [m for m in mentions if spans_overlap(start, end, m.start, m.end)]
            if any(m.start != start or m.end >= end or m.label == "VENDOR" for m in inside):
                continue  # only a leading place is part of a company name
            known = self.keys.get(name_key(canonical))
            if known is not None:  # a known vendor's name with its legal form: "FLOCK Group, Inc."
                found.append(make_mention(doc, "VENDOR", start, end, "vendor_pattern", vendor=known.vendor, country=known.country))
                taken.append((start, end))
                continue
            named = self.country_names.get(canonical.split()[0])  # "China Jiangxi Corporation" is Chinese
            home = named.country if named else None
            for place in inside:  # "Shenzhen Infinova Technology Co." holds the place Shenzhen
                home = place.country  # (the resolver keeps the longer vendor, not the place)
            found.append(make_mention(doc, "VENDOR", start, end, "vendor_pattern", vendor=canonical,
                                      country=home))
            taken.append((start, end))
        mentions.extend(found)
        return doc

    def _known_names(self, doc: Doc) -> list[Mention]:
        """The gazetteer's names, with a legal form or a subsidiary's country after them; not a
        place's or a building's name ("Orange City Hospital Square"), nor the end of a joint
        venture's longer name ("Congo-China Telecom"; "Dahua-Hikvision" names two)."""
        text, found = doc_text(doc), []
        matches = longest_first(self.gazetteer.find(doc))
        ends = {end for _, end, _, _ in matches}
        for start, end, _, entry in matches:
            if self.place_after.match(text, end) or self._joined_venture(text, start, ends):
                continue
            legal_form = self.legal_form_after.match(text, end) or self._subsidiary(text, end, entry.country)
            end = legal_form.end() if legal_form else end
            found.append(make_mention(doc, "VENDOR", start, end, "vendor_gazetteer", vendor=entry.vendor, country=entry.country))
        return found

    def _joined_venture(self, text: str, start: int, ends: set[int]) -> bool:
        """Whether a known name opening with a country's name ends a hyphen-joined name ("Congo-China
        Telecom"); not one after a vendor or a plain name ("Dahua-Hikvision", "US-Huawei")."""
        return _HYPHEN_JOINED.match(text, max(0, start - 2), start) is not None and start - 1 not in ends \
            and _FIRST_WORD.match(text, start).group() in self.country_names

    def _subsidiary(self, text: str, end: int, home: str | None) -> re.Match | None:
        """A known name's subsidiary named by a country or region after it ("NEC Australia",
        "Elbit Systems of America"); not the name's own home ("Huawei of China")."""
        found = self.subsidiary_after.match(text, end)
        named = self.country_names.get(found.group("where")) if found else None
        return None if named is not None and named.country == home else found

    def _pattern_spans(self, text: str):
        """Candidate company names found by legal suffix or a hyphenated supplier cue ('Infinova-installed'),
        trimmed of leading words (cues before a name are `vendor_roles`')."""
        for pattern in (self.suffixed, self.cued_after):
            for match in pattern.finditer(text):
                start, end = match.start(1), match.end(pattern.groups)
                name = text[start:end]
                if self._no_company(text, match, pattern is self.suffixed):
                    continue
                for joined in _JOINED.finditer(name):  # "Kenya and China Jiangxi Corporation", "X LLC and Y LLC"
                    before = name[:joined.start()].split()
                    if joined.group(1) in self.country_names or before and before[-1] in self.suffix_words:
                        start = match.start(1) + joined.start(1)
                name = text[start:end]
                pair = _TWO_NAMES.fullmatch(name)  # "Fisca Security & Communication and Naung Yoe Technologies"
                if pair and len([w for w in pair.group("second").split() if w not in self.suffix_words]) >= 2:
                    yield start, start + pair.end("first")
                    start += pair.start("second")
                    name = text[start:end]
                words = name.split()
                while words and (words[0] in self.strip_leading or words[0].endswith(self.strip_endings)):
                    start = text.index(words[1], start) if len(words) > 1 else end
                    words = words[1:]
                if words:
                    end = start + len(text[start:end].rstrip(" ,"))
                    yield start, end

    def _no_company(self, text: str, match: re.Match, suffixed: bool) -> bool:
        """Whether a pattern's name is none: a public body's words, a winner's client ("BEL received
        orders worth Rs 445 crore from Cochin Shipyard Limited"), an Irish county ("Thurles, Co
        Tipperary"), generic words alone ("Surveillance Technologies")."""
        start = match.start(1)
        words = text[start:match.end(match.re.groups)].split()
        if len(words) <= self.generic_name_max_words and all(word in self.generic for word in words):
            return True  # "the Supply of Surveillance Technologies": no name, only generic words
        return self.not_vendor.search(text, start, match.end(match.re.groups)) is not None \
            or self._ends_a_body(text, start) or is_client(self.client_before, text, start) \
            or suffixed and _COUNTY.fullmatch(text, match.start(2), match.end(2) + 2) is not None

    def _ends_a_body(self, text: str, start: int) -> bool:
        """Whether a name ends a public body's ('Ministry for the Development of Information
        Technologies', 'Ministry of Transport, Communications and High Technologies'): it follows
        'of', 'for' or 'and' in a clause that names such a body, or continues the body's name."""
        clause = _CLAUSE_BREAK.split(text[max(0, start - _BODY_REACH):start])[-1]
        return (_BODY_JOINER.search(clause) is not None and self.not_vendor.search(clause) is not None) \
            or in_body_name(self.in_body_name, text, start)

    def _canonical(self, name: str) -> str | None:
        """'Shenzhen Infinova Technology Co., Ltd.' -> 'Shenzhen Infinova Technology'."""
        return canonical_vendor_name(name, self.dropped_endings, self.country_names, self.dropped_prefixes)


@Language.factory("claimtrace_vendors", default_config={"config_dir": None},
                  assigns=["doc._.mentions"], requires=["doc._.mentions"])
def make_vendors(nlp: Language, name: str, config_dir: str | None):
    """The VENDOR recogniser; `config_dir` overrides the bundled `configs/`."""
    return VendorRecogniser(nlp, config_dir)
