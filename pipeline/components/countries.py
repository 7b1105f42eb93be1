"""COUNTRY: ISO 3166 countries by name, short form, code or demonym, normalised to alpha-2."""
from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.domain import load_domain
from pipeline.gazetteer import Gazetteer, longest_first
from pipeline.mention import capitals_of, doc_in_names, doc_mentions, doc_text, make_mention
from pipeline.patterns import alternation
from pipeline.resources import CountryEntry, country_entries, name_variants


class Misspellings:
    """Country names and demonyms of one word and at least `min_letters` letters written with one
    letter too many or too few inside the word ("Braziilian", "Kazakstan", "Ukranian"); the first
    and last letters are kept ("Americas", "Emirate", "Antigua" are other words)."""

    def __init__(self, entries: dict[str, CountryEntry], min_letters: int, other_words: set[str]):
        self.words = {name: entry for name, entry in entries.items() if name.isalpha() and len(name) >= min_letters}
        self.other_words = other_words | set(self.words)
        self.one_short: dict[str, str] = {}  # the word with one letter (not the first) left out -> the word
        for name in sorted(self.words):
            for at in range(1, len(name) - 1):
                self.one_short.setdefault(name[:at] + name[at + 1:], name)
        self.ends = {(name[0], name[-1]) for name in self.words}  # a misspelling keeps both
        # capitalised words, one letter short or more; led by the capital, which re skips to (a
        # pattern led by "\b" is entered at every position), with no word character before it
        self.candidates = re.compile(rf"[A-Z](?<!\w[A-Z])[a-z]{{{min_letters - 2},}}\b")

    def find(self, doc: Doc) -> Iterator[tuple[int, int, str, CountryEntry]]:
        """(start_char, end_char, the name meant, its entry) for each capitalised word that is
        one letter off a listed name and is no name itself."""
        for match in self.candidates.finditer(doc_text(doc)):
            text = match.group()
            if (text[0], text[-1]) not in self.ends or text in self.other_words:
                continue
            meant = self.one_short.get(text) or next(
                (text[:at] + text[at + 1:] for at in range(1, len(text) - 1) if text[:at] + text[at + 1:] in self.words), None)
            if meant and doc.char_span(*match.span()) is not None:  # a whole token
                yield match.start(), match.end(), meant, self.words[meant]


class OrganisationNames:
    """Whether a name stands inside a bank's or company's name: one of `words` ends the run of
    capitalised words (and `joiners`) up to `window` words after it ("China Eximbank", "Sindh
    Bank Limited"), or one of the `before` phrases stands right before it ("Bank of China")."""

    def __init__(self, words: list[str], before: list[str], joiners: list[str], window: int,
                 public_heads: tuple[list[str], list[str]] = ([], [])):
        self.org_words = set(words)
        # joiners before a name that make a company's name only after a capitalised word of no
        # public body ("Petróleos de Venezuela"; not "presidente de Bolivia", "Policía Nacional del Perú")
        self.joiners_after_name, self.public_words = set(public_heads[0]), set(public_heads[1])
        self.org_before: dict[str, list[list[str]]] = {}  # by last word, in capitals
        for phrase in before:
            self.org_before.setdefault(phrase.split()[-1].upper(), []).append(phrase.split())
        self.org_before_longest = max((len(phrase.split()) for phrase in before), default=0)
        self.org_joiners = set(joiners)
        self.org_window = int(window)
        self.in_capitals = {word.upper(): word for word in words}  # "CHINA EXIMBANK"

    def word(self, doc: Doc, span) -> str | None:
        """The word that makes the name part of a bank's or company's name, or None; a name in
        capitals reads the words around it in capitals too ("BANK OF CHINA", "CHINA EXIMBANK")."""
        capitals = span.text.isupper()
        if span.start and doc[span.start - 1].text.upper() in self.org_before:
            found = self._phrase_before(doc, span, capitals)
            if found and not (found in self.joiners_after_name and self._public_or_lower_before(doc, span.start - 1)):
                return found
        for token in doc[span.end:span.end + self.org_window]:  # the capitalised words that follow
            if token.text in self.org_words:
                return token.text
            if capitals and token.text in self.in_capitals:
                return self.in_capitals[token.text]
            if not (token.is_title or token.is_upper or token.text in self.org_joiners):
                break
        return None

    def _public_or_lower_before(self, doc: Doc, joiner: int) -> bool:
        """Whether the words before a joiner ("de") name no company: a lower-case word, or
        capitalised words among which a public body's word and no company's ("Policía Nacional
        del Perú"; "Banco Nacional de México" is a bank's)."""
        run = []
        for token in reversed(doc[max(0, joiner - self.org_window - 2):joiner]):
            if not (token.is_title or token.is_upper):
                break
            run.append(token.text)
        if any(word in self.org_words for word in run):
            return False
        return not run or any(word in self.public_words for word in run)

    def _phrase_before(self, doc: Doc, span, capitals: bool) -> str | None:
        """The configured phrase that ends right before `span` ("Bank of" China), or None."""
        before = [t.text.upper() if capitals else t.text for t in doc[max(0, span.start - self.org_before_longest):span.start]]
        for phrase in self.org_before[doc[span.start - 1].text.upper()]:
            written = [word.upper() for word in phrase] if capitals else phrase
            if len(phrase) <= len(before) and before[len(before) - len(phrase):] == written:
                return " ".join(phrase)
        return None


def _in_byline(doc: Doc, span, byline_words: set[str]) -> bool:
    """Whether a name stands in a byline: one of `byline_words` opening a line, then capitalised
    words alone up to the line's end ("By Thai Binh"; not "By Chinese standards it is cheap")."""
    at = span.start - 1
    if at < 0 or doc[at].text not in byline_words or at and not ("\n" in doc[at - 1].text_with_ws or doc[at - 1].is_space):
        return False
    rest = itertools.takewhile(lambda token: "\n" not in token.text, doc[span.end:span.end + 4])
    return all(token.is_title or token.is_upper for token in rest) and "\n" in doc[span.start:span.end + 5].text_with_ws


class CountryRecogniser:
    """Finds countries with a gazetteer and drops the names that context shows are not one."""

    def __init__(self, nlp: Language, config_dir: str | None):
        domain = load_domain(config_dir)
        data = domain["countries"]
        entries = country_entries(data)
        self.gazetteer = Gazetteer(nlp, entries, "COUNTRY", fold=True, fold_skip=set(data["fold_skip"]))  # "Sénégal"
        self.org_words = set(data["org_words"])
        self.name_before_bracket = re.compile(rf"(?<![\w-]){alternation(entries)}[ ]*\([ ]*\Z")  # "the United States (US)"
        self.misspellings = Misspellings(entries, int(data["misspelling_min_letters"]), set(data["not_misspellings"]))
        banks = {variant: name for name in data["central_banks"] for variant in name_variants(name)}
        self.central_banks = Gazetteer(nlp, banks, "CENTRAL_BANK")
        self.person_ambiguous = set(data["person_ambiguous"])
        self.name_context_ok = set(data["name_context_ok"])
        self.codes_needing_context = set(data["codes_needing_context"])
        self.capitals = capitals_of(data)
        self.capital_forms = Gazetteer(nlp, _capital_forms(entries, int(data["capital_forms_min_letters"])), "COUNTRY")
        self.blocked_after = {name: set(words) for name, words in data["blocked_after"].items()}
        self.currency_words = set(data["currency_words_after"])
        self.region_after = re.compile(rf"[ \t]+{alternation(data['region_words_after'])}(?![\w-])")
        self.language_words = set(data["language_words_after"])
        self.language_before, self.language_ends = set(data["language_words_before"]), set(data["language_ends_after"])
        self.demonyms = {name for name, entry in entries.items() if entry.kind == "demonym"}
        self.byline_words = set(data["byline_words"])
        self.organisations = OrganisationNames(data["org_words"], data["org_before"], data["org_joiners"], data["org_window"],
                                               (data["org_before_after_name"], data["public_body_words"]))
        self.financier_words = set(data["financier_words"])
        self.verb_endings = tuple(domain["numbers"]["not_noun_endings"])  # "visited Jordan"
        self.person_titles = set(domain["places"]["person_titles"])

    def __call__(self, doc: Doc) -> Doc:
        mentions = doc_mentions(doc)
        in_names = doc_in_names(doc)
        banks = [(start, end) for start, end, *_ in self.central_banks.find(doc)]
        found = [*self.gazetteer.find(doc), *self.misspellings.find(doc)]
        if self.capitals.may_hold(doc_text(doc)):
            found += [match for match in self.capital_forms.find(doc) if self.capitals.among_capitals(doc, match[0], match[1])]
        for start, end, name, entry in longest_first(found):
            in_central_bank = any(bank_start <= start and end <= bank_end for bank_start, bank_end in banks)
            word = None if in_central_bank else self.organisations.word(doc, doc.char_span(start, end))
            if word:  # "China Eximbank", "National Bank of Pakistan": not a mention, but kept for claims
                kind = "financier" if word in self.financier_words else "organisation"
                in_names.append(make_mention(doc, "COUNTRY", start, end, "country_in_name",
                                             country=entry.country, organisation=kind))
            elif not self._rejected(doc, start, end, name):
                mentions.append(make_mention(doc, "COUNTRY", start, end, "country_gazetteer",
                                             country=entry.country, form=entry.kind))
        return doc

    def _rejected(self, doc: Doc, start: int, end: int, name: str) -> bool:
        span = doc.char_span(start, end)
        if doc_text(doc)[start - 1:start] == "-" and _ends_linked_name(doc, span.start):
            return True  # the end of a hyphenated place name: "Port-of-Spain"
        if span.start > 0 and doc[span.start - 1].text in self.blocked_after.get(name, ()):
            return True  # "Latin America" is a region
        if span.end < len(doc) and doc[span.end].lower_ in self.currency_words:
            return True  # "the US dollar" is a currency
        if self.region_after.match(doc_text(doc), span.end_char):
            return True  # "the Indian Ocean", "the South China Sea" are seas
        if self._names_language(doc, span):
            return True  # "Spanish-speaking"
        if _in_byline(doc, span, self.byline_words):
            return True  # "By Thai Binh": an author's name
        if name in self.codes_needing_context and self.capitals.sentence_in_capitals(doc, start):
            return True  # a heading in capitals: "US" there may be the word "us"
        if self._titled_first_name(doc, span):
            return True  # "Governor Libya Dennise García": a person's first name
        if self._bracketed_short_form(doc, span):
            return True  # "Tanauan Cable Inc. (TCI)": a company's short form, not Turks and Caicos
        return (name in self.person_ambiguous or name.title() in self.person_ambiguous) and self._in_person_name(doc, span)

    def _titled_first_name(self, doc: Doc, span) -> bool:
        """Whether a name stands between a person's title and a capitalised word ("Governor Libya
        Dennise García"; `person_titles` of places.yaml)."""
        if span.text in self.demonyms or span.start == 0 or span.end >= len(doc):
            return False
        after = doc[span.end]
        return doc[span.start - 1].text in self.person_titles and after.is_title and after.is_alpha

    def _bracketed_short_form(self, doc: Doc, span) -> bool:
        """Whether a code in capitals stands alone in brackets after a company's legal form or an
        organisation's word (`org_words`) that ends no country's name: its short form ("Tanauan
        Cable Inc. (TCI)"; not "BAE Systems (UK)", an origin, nor "the United States (US)")."""
        if not (span.text.isupper() and 0 < span.start - 1 and span.end < len(doc)
                and doc[span.start - 1].text == "(" and doc[span.end].text == ")"):
            return False
        before = doc[span.start - 2].text
        named = self.name_before_bracket.search(doc_text(doc), max(0, span.start_char - 60), span.start_char)
        return before in self.org_words and named is None  # not a vendor's origin: "BAE Systems (UK)"

    def _names_language(self, doc: Doc, span) -> bool:
        """Whether the word after a name's span, or after a hyphen there, is one of
        `language_words_after`, or a colon after the name opening a bracket ("(Spanish: carnet")."""
        end = span.end
        after = doc[end + 1] if end + 1 < len(doc) and doc[end].text == "-" else doc[end] if end < len(doc) else None
        before = doc[span.start - 1] if span.start > 0 else None
        if after is not None and after.text == ":" and before is not None and before.text == "(":
            return True  # "(Spanish: carnet de la Patria)"
        if before is not None and before.lower_ in self.language_before and span.text in self.demonyms \
                and (after is None or after.lower_ in self.language_ends):
            return True  # "(PCT in Spanish)", "known in Spanish as"
        return after is not None and after.lower_ in self.language_words

    def _in_person_name(self, doc: Doc, span) -> bool:
        """"Michael Jordan", "Chad Smith": a capitalised word that is no known context right before
        or right after."""
        before = doc[span.start - 1] if span.start > 0 else None
        after = doc[span.end] if span.end < len(doc) else None
        if before is not None and (before.is_title or before.is_upper and span.text.isupper()) and not before.is_stop \
                and not before.lower_.endswith(self.verb_endings) and before.text not in self.name_context_ok:
            return True
        return after is not None and after.is_title and after.text not in self.name_context_ok


def _ends_linked_name(doc: Doc, start: int) -> bool:
    """Whether the token at `start` ends a name linked by hyphens and a short lower-case word
    ("Port-of-Spain", "Dar-es-Salaam")."""
    if start < 4:
        return False
    first, hyphen, link, second_hyphen = doc[start - 4:start]
    return (hyphen.text == second_hyphen.text == "-" and link.is_lower and len(link) <= 3 and first.is_title
            and not hyphen.whitespace_ and not link.whitespace_ and not second_hyphen.whitespace_)


def _capital_forms(entries: dict[str, CountryEntry], min_letters: int) -> dict[str, CountryEntry]:
    """The forms in capitals ("KENYA", "CHINESE") of names of at least `min_letters` letters
    that are not already written so."""
    return {form.upper(): entry for form, entry in entries.items()
            if len(form) >= min_letters and form.upper() != form and form.upper() not in entries}


@Language.factory("claimtrace_countries", default_config={"config_dir": None})
def make_countries(nlp: Language, name: str, config_dir: str | None):
    """The COUNTRY recogniser; `config_dir` overrides the bundled `configs/`."""
    return CountryRecogniser(nlp, config_dir)
