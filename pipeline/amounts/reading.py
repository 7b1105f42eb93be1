"""What every amount step reads around a number: its value and scale, the currency sign written
before it, the noun it counts, its qualifier and period, and the mention it proposes; the
character windows come from `numbers.yaml` and `currencies.yaml`."""
from __future__ import annotations

import functools
import re
import string
from dataclasses import dataclass

from spacy.tokens import Doc

from pipeline.domain import DomainData
from pipeline.mention import Mention, doc_text, make_mention
from pipeline.normalise.money import currency_tables
from pipeline.normalise.numbers import number_words, parse_number, parse_percent
from pipeline.normalise.units import plural_to_singular, unit_lemma
from pipeline.patterns import alternation, number_pattern, period_before, period_of, qualifier_of

_CLOSING_QUOTES = ("”", "\"", "’")
_NAMES_JOINED = re.compile(r"[ \t]+(?:or|and|&)(?=[ \t]+[A-Z])")  # two names before their noun
# A word, or an abbreviation with its dots ("p.m.", "U.S."): the dots are no end of the noun search.
_WORD_AFTER = re.compile(r"[ \t]*((?:[A-Za-z]\.){2,}|[^\W\d_](?:[^\W\d_]|['’])*(?:-[^\W\d_]+)*)")  # "cámaras" too
_POSSESSIVE = re.compile(r"['’]s?$")
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}['’]s")  # "CCTV's", "PC's": a plural, not an owner
_DIGITS = re.compile(r"[\d.,]+")
_LETTERS = re.compile(r"[A-Za-z]+")
_NO_NOUN = (None, False, 0)
# an abbreviation in brackets or a quote mark inside a counted noun's words: "(CCTV)", "“"
_BRACKETED_OR_QUOTE = re.compile(
    r"[ \t]*(?:\([A-Z][A-Za-z0-9]{1,9}\)|\([a-z]+(?:[ -][a-z]+){0,4}\)|\([“\"][A-Za-z]{2,10}[”\"]\)|[“\"‘])")
# a model's or a compound's code ("four AK-47 rifles", "24 MH-60R Seahawk helicopters", "5.7 million
# COVID-19 vaccines", "one butene-1 plant") or the number repeated in digits ("forty-five (45)
# exhibits") inside a counted noun's words
_MODEL_OR_REPEAT = re.compile(r"[ \t]*(?:[A-Za-z]{1,10}-\d{1,4}[A-Z]{0,2}(?![\w-])|\(\d[\d,.]*(?:[ \t][a-z]{3,9})?\))"
                              # a model's code of capitals and digits ("DS-2CD2143", "1A5", "X26P")
                              r"|[ \t]*(?=[\w-]*\d)(?=[\w-]*[A-Z])[A-Z\d][A-Z\d]*(?:-[A-Za-z\d]+)*(?![\w-])")
# the first of two words joined by a slash ("880 fixed/temporary cameras"), and a model's number
# after its capitalised name ("60 Flex 2 cameras")
_SLASHED_FIRST = re.compile(r"[ \t]*[a-z]{3,}/(?=[a-z]{3,}(?![\w/]))")
_MODEL_NUMBER = re.compile(r"[ \t]+\d{1,2}(?=[ \t]+[A-Za-z])")


def _model_number(after: str, position: int) -> re.Match | None:
    """A model's number right after its capitalised name ("60 Flex 2 cameras", "30 Body 3 cameras")."""
    previous = after[:position].split()
    return _MODEL_NUMBER.match(after, position) if previous and previous[-1][:1].isupper() else None


@dataclass(frozen=True)
class Windows:
    """How many characters around a number the steps read (`numbers.yaml`'s `windows`)."""

    qualifier_before: int
    context_after: int
    counted_noun: int
    range_start_before: int
    between_before: int
    negative_before: int
    year_cue_before: int
    number_before_percent_of: int
    code_before: int
    code_after: int


def _counted_demonyms(domain: DomainData) -> tuple[set[str], dict[str, str]]:
    """(the demonyms that are their own plural: "409,000 Sudanese"; each demonym's plural with
    its singular as the unit: "seven million Bangladeshis work overseas" counts bangladeshi)."""
    demonyms = domain["countries"]["demonyms"].values()
    endings = tuple(domain["numbers"]["invariant_demonym_endings"])
    invariant = {name for names in demonyms for name in names if name.endswith(endings)}
    plurals = {name: name[:-1].lower() for names in demonyms for name in names if name.endswith("s") and name[:-1] in names}
    return invariant, plurals


class Reading:
    """The readers the steps share, bound to one DomainData."""

    def __init__(self, domain: DomainData):
        self.domain = domain
        for normaliser in (parse_number, parse_percent, plural_to_singular, unit_lemma, qualifier_of, period_of, period_before):
            setattr(self, normaliser.__name__, functools.partial(normaliser, domain=domain))
        numbers = domain["numbers"]
        self.windows = Windows(**{key: int(value) for key, value in numbers["windows"].items()})
        self.number_words = number_words(domain)
        self.unit_window = int(numbers["unit_window"])
        # a number ending in a word the English reading takes for a million, which Spanish and
        # Portuguese use for a thousand ("R$ 3 mil", "10 mil cámaras"; `mil_thousand: words`)
        self.ends_in_mil = re.compile(rf"(?<![A-Za-z]){alternation(domain['currencies']['mil_thousand']['words'])}$")
        # "300 cameras over 40 sites": a plural noun and a qualifier word used as a preposition
        self.noun_and_preposition = re.compile(
            rf"\d[ \t]+(?:[a-z-]+[ \t]+)?(?P<noun>[a-z]+)[ \t]+{alternation(numbers['preposition_qualifiers'])}[ \t]+\Z")
        self.measured = {word.lower() for word in numbers["carried_counts"]["measured_subjects"]}
        self.unit_stop = {w.lower() for w in numbers["unit_stop_words"]}
        self.anaphoric_units = frozenset(numbers["anaphoric_units"])
        self.not_noun_endings = tuple(numbers["not_noun_endings"])
        self.noun_modifiers = {w.lower() for w in numbers["noun_modifiers"]}
        self.singular_counted = {w.lower() for w in numbers["singular_counted_nouns"]}
        self.plural_modifiers = {w.lower() for w in numbers["plural_modifiers"]}
        self.person_adjectives = {w.lower() for w in numbers["person_adjectives"]}
        # demonyms whose plural is the same word ("409,000 Sudanese", "a dozen Lebanese")
        self.invariant_demonyms, self.plural_demonyms = _counted_demonyms(domain)
        after_words = [word for words in numbers["qualifiers_after"].values() for word in words]
        self.qualifier_after = re.compile(rf"[ \t]+{alternation(after_words, 'i')}(?=[ \t]+[a-z])")
        self.measure_words = {w.lower() for w in numbers["measure_units"]}
        self.currency_names = {name for name in currency_tables(domain).names if " " not in name}
        # "between 3 and 6 percentage points": the next number is a percentage, which counts nothing
        self.percentage_next = re.compile(rf"[ \u00a0]*(?:[\d.,]+[ \u00a0]?)?{alternation(numbers['percent_words'], 'i')}(?![\w])")
        self.person_unit = numbers["carried_counts"]["person_unit"]
        self.adjective_endings = tuple(numbers["adjective_endings"])
        # "19.7 million men and women": pairs of nouns that together count one unit
        self.pair_unit_of = {pair.lower(): unit for pair, unit in numbers["pair_units"].items()}
        self.pair_units = re.compile(rf"[ \t]+(?P<pair>{alternation(list(numbers['pair_units']), 'i')})(?![\w])")
        # "500 units of dome cameras", "1,200 Nos. PTZ cameras", "450 Nos.": a container word
        containers = alternation(numbers["container_nouns"], "i")
        abbreviated = alternation(numbers["abbreviated_containers"])
        self.container = re.compile(
            rf"[ \t]+(?:(?P<word>{containers})[ \t]+(?i:of)(?:[ \t]+(?i:the|these|those))?"  # "2,000 units of the CCTV cameras"
            rf"|(?P<abbreviation>{abbreviated})\.?(?:[ \t]+(?i:of))?)(?![\w])")
        # "350 direct and 1,200 indirect jobs": a joiner and, maybe, the next number
        self.coordinated = re.compile(
            rf"[ \t]*(?:{alternation(numbers['coordinators'], 'i')})(?![\w])[ \t]*(?:(?P<next>{number_pattern(domain)})[ \t]*)?")
        # "2,500 out of a planned 3,200 cameras": the part counts what the whole after it counts
        self.part_of_whole = re.compile(
            rf"[ \t]+{alternation(numbers['part_of_whole'], 'i')}[ \t]+(?:{alternation(numbers['part_fillers'], 'i')}[ \t]+){{0,3}}"
            rf"(?:{number_pattern(domain)})(?![\w])")
        # the count's share in brackets between it and its noun: "1,412 (88%) patients"
        self.bracketed_share = re.compile(
            rf"[ \t]+\((?:{alternation(numbers['part_fillers'], 'i')}[ \t]+)?\d[\d.,]*[ \t]?"
            rf"{alternation(numbers['percent_words'], 'i')}\)(?=[ \t])")
        # a format name or a measure between a number and its noun is skipped: "20,000 5G base
        # stations", "two new 400kV substations", "three 12-MW turbines"
        self.format_token = re.compile(
            rf"[ \t]*(?:(?:{alternation(numbers['format_numbers'])}(?:-[a-z]+)?|\d[\d.,]*-?{alternation(numbers['measure_units'], 'i')})(?![\w])"
            rf"|\d[\d.,]*(?:-[a-z]+)+(?![\w-]))")  # also "two 10-year-old girls", "three 500-bed hospitals"
        # what a noun search can start at: a space or tab before the word, its first letter, or a
        # format name or measure skipped before it (any other character: no noun)
        self.noun_starts = frozenset(" \t" + string.ascii_letters + string.digits
                                     + "".join(word[:1] for word in numbers["format_numbers"]))
        self.currency_before_pattern = _currency_before_pattern(domain)
        self.currency_tail = re.compile(self.currency_before_pattern + "$")
        # no sign starts further back than its longest form and a line break ("$" matches before a
        # last one): the search tries no position where none can start
        self.sign_window = min(int(domain["currencies"]["sign_window"]), _longest_currency_before(domain) + 1)

    def currency_before(self, text: str, start: int) -> re.Match | None:
        """The sign or code written right before the number at `start` ("US$", "KSh "), or None."""
        return self.currency_tail.search(text, max(0, start - self.sign_window), start)

    def has_scale(self, number_text: str) -> bool:
        """Whether a number is written with a scale word: "1.2bn", "two million", "a thousand"."""
        return any(self.number_words.get(w.lower(), ("",))[0] == "scale" for w in _LETTERS.findall(number_text))

    def scale_of(self, number_text: str, value: float) -> float:
        """The scale a number is written with: 1e6 for "2 million" and "seven million", 1 for "2,000"."""
        digits = _DIGITS.match(number_text)
        base = self.parse_number(digits.group().rstrip(".,") if digits else self._without_scale(number_text))
        return value / base if base else 1.0

    def _without_scale(self, number_text: str) -> str:
        """A number in words without the scale words it ends with ("seven" of "seven million")."""
        words = number_text.split()
        while len(words) > 1 and self.number_words.get(words[-1].lower(), ("",))[0] == "scale":
            words.pop()
        return " ".join(words) if len(words) < len(number_text.split()) else ""

    def qualifier_before(self, text: str, start: int) -> str | None:
        """The qualifier written just before `start` ("at least"), or None."""
        return self.qualifier_of(text[max(0, start - self.windows.qualifier_before):start], "")

    def period_after(self, text: str, end: int) -> str | None:
        """The period written just after `end` ("annually" -> year), or None."""
        return self.period_of(text[end:end + self.windows.context_after])

    @staticmethod
    def word_after(text: str, end: int) -> str | None:
        """The word right after `end` ("km" of "5,000 km"), or None."""
        match = _WORD_AFTER.match(text, end)
        return match.group(1) if match else None

    def noun_after(self, text: str, end: int) -> tuple[str | None, bool, int]:
        """The noun counted by the number ending at `end`: see `counted_noun`."""
        return self.counted_noun(text[end:end + self.windows.counted_noun])

    def counted_noun(self, after: str) -> tuple[str | None, bool, int]:
        """(unit, whether it was written in the plural, where the noun ends in `after`) of the
        noun a number counts; for a part of a whole ("2,500 out of 3,200 cameras"), the whole's; after
        a container word ("500 units of dome cameras", "1,200 Nos. PTZ cameras"), the noun it holds;
        past its share in brackets ("1,412 (88%) patients"), the noun after."""
        framed = self._framed_noun(after)
        if framed is not None:
            return framed
        words, position = self._noun_words(after)
        if words and words[0][0] in self.plural_demonyms:  # "Bangladeshis work overseas"
            return self.plural_demonyms[words[0][0]], True, words[0][1]
        plural = self._first_plural(words)
        if plural:
            return plural
        coordinated = self._coordinated_noun(after, words, position)  # "Two Chinese and one domestic company"
        if coordinated[0]:
            return coordinated
        if self._demonym_counted(after, words):
            return words[0][0].lower(), True, words[0][1]
        if len(words) == 1 and words[0][0].lower() in self.person_adjectives:
            return self.person_unit, True, words[0][1]  # "15 of the injured", "10,000 homeless"
        lower = [(w, e) for w, e in words
                 if w.islower() and not w.endswith(self.not_noun_endings) and w not in self.noun_modifiers]
        # the last such word ("1 dry bulk berth"), but the last noun counted in the singular
        # ("12 aircraft took part", "157 district police headquarters")
        singular = next((pair for pair in reversed(lower) if self.counts_in_singular(pair[0])), lower[-1] if lower else None)
        return (self.unit_lemma(singular[0]), False, singular[1]) if singular else _NO_NOUN

    def _framed_noun(self, after: str) -> tuple[str | None, bool, int] | None:
        """The counted noun read past what frames it: a whole or a share before it, a container
        word, a pair of nouns, a qualifier after the number ("a million or more people"); None
        when nothing frames it."""
        whole = self._before_the_noun(after)
        if whole:
            unit, plural, end = self.counted_noun(after[whole.end():])
            return (unit, plural, whole.end() + end) if unit else (None, False, 0)
        held = self._held_noun(after)
        if held:
            return held
        pair = self.pair_units.match(after)
        if pair:
            return self.pair_unit_of[pair.group("pair").lower()], True, pair.end()
        qualified = self.qualifier_after.match(after)
        if qualified:
            unit, plural, end = self.counted_noun(after[qualified.end():])
            return (unit, plural, qualified.end() + end) if unit and plural else _NO_NOUN
        return None

    def _before_the_noun(self, after: str) -> re.Match | None:
        """What stands between a number and the noun it counts: a whole it is part of ("out of
        3,200"), or its share in brackets ("(88%)")."""
        return self.part_of_whole.match(after) or self.bracketed_share.match(after)

    def _noun_words(self, after: str) -> tuple[list[tuple[str, int]], int]:
        """(word, where it ends) of the words a noun search reads after a number, up to
        `unit_window` words that are no `noun_modifiers` (a name's capitalised words counting as
        one), and where the search stopped."""
        words, position, counted = [], 0, 0
        while counted < self.unit_window and len(words) < 2 * self.unit_window:
            written, at = self._noun_word(after, position)
            if written is None or self._closes_noun_phrase(written, words):
                break
            position = at
            # "two new 400kV electricity substations"; a name's words count as one ("8 Automatic
            # Number Plate Recognition (ANPR) cameras")
            in_name = written[:1].isupper() and bool(words) and words[-1][0][:1].isupper()
            counted += written.lower() not in self.noun_modifiers and not in_name
            acronym_plural = _ACRONYM_PLURAL.fullmatch(written)  # "2,000 CCTV's" are CCTVs
            word = written[:-2] + "s" if acronym_plural else _POSSESSIVE.sub("", written)
            if acronym_plural or word == written:
                words.append((word, position))
                joined = _NAMES_JOINED.match(after, position) if word[:1].isupper() else None
                position = joined.end() if joined else position  # "120 Hikvision or Dahua cameras"
            elif self.plural_to_singular(word) and not word[:1].isupper():
                words.append((word, position))
                break  # "47 counties' systems": a plural owner is the counted noun ("21 Children's Centers": a name's)
            # a singular owner ("two buyer's credit facilities") is not
        return words, position

    def _demonym_counted(self, after: str, words: list[tuple[str, int]]) -> bool:
        """Whether the counted noun is a demonym that is its own plural, standing alone ("409,000
        Sudanese fled"; not "24 Chinese military aircraft", nor "Two Chinese and one domestic company")."""
        return bool(words) and words[0][0] in self.invariant_demonyms and not self.coordinated.match(after, words[0][1]) \
            and not any(w.islower() and not w.endswith(self.not_noun_endings) for w, _ in words[1:])

    def _closes_noun_phrase(self, word: str, words: list[tuple[str, int]]) -> bool:
        """Whether a verb's or an adverb's form ends the noun phrase of the plural read before it
        ("ten OEMs successfully achieved results": the count is of OEMs)."""
        return word.islower() and word.endswith(self.not_noun_endings) \
            and any(self.plural_to_singular(earlier.split("-")[-1]) for earlier, _ in words)

    def _first_plural(self, words: list[tuple[str, int]]) -> tuple[str, bool, int] | None:
        """(unit, True, end) of the first plural word: "co-investors" -> co-investor, "CCTV-cameras"
        -> camera; a lower-case one before a capitalised one ("200 Lagos State CCTV monitors":
        a name there is no plural)."""
        lower = [(word, end) for word, end in words if word[:1].islower()]
        if any(self.counts_in_singular(word) for word, _ in lower):
            return self._plural_among(lower)  # "83 Tejas aircraft": the name is no plural
        return self._plural_among(lower) or self._plural_among(words)

    def _plural_among(self, words: list[tuple[str, int]]) -> tuple[str, bool, int] | None:
        for at, (word, word_end) in enumerate(words):
            if self._modifies_next(word, words[at + 1:at + 2]):
                continue  # "260 communications service providers", "50 sales staff"
            *prefix, last = word.split("-")
            singular = self.plural_to_singular(last)
            if singular:
                unit = "-".join([*prefix, singular]) if all(part.islower() for part in prefix) else singular
                return unit, True, word_end
        return None

    def _modifies_next(self, word: str, following: list[tuple[str, int]]) -> bool:
        """Whether a plural of `plural_modifiers` describes the lower-case noun after it."""
        if word.lower() not in self.plural_modifiers or not following:
            return False
        noun = following[0][0]
        return noun.islower() and noun not in self.unit_stop and not noun.endswith(self.not_noun_endings)

    def _held_noun(self, after: str) -> tuple[str | None, bool, int] | None:
        """The plural noun a container word holds ("units of dome cameras", "Nos. PTZ cameras");
        no noun for an abbreviated one holding none ("450 Nos."); None when there is no container
        or a whole word holds no plural ("30 pieces of equipment" counts pieces)."""
        container = self.container.match(after)
        if not container:
            return None
        unit, plural, end = self.counted_noun(after[container.end():])
        if unit and (plural or self.counts_in_singular(unit)):  # "300 head of cattle"
            return unit, True, container.end() + end
        return _NO_NOUN if container.group("abbreviation") else None

    def counts_in_singular(self, noun: str) -> bool:
        """Whether more than one of `noun` is written in the singular ("100 police", "20 staff")."""
        return noun.lower() in self.singular_counted

    def _coordinated_noun(self, after: str, words: list[tuple[str, int]], position: int) -> tuple[str | None, bool, int]:
        """The plural noun after a joiner that the singular lower-case words before it describe
        ("350 direct and 1,200 indirect jobs" -> job, "two subcritical, oil-fired units" -> unit), or
        that the next number counts when nothing or names stand before the joiner ("14 and 9 seats",
        "90 Alpha and 25 Beta branches"); none when a word before it may be a noun ("1 interchange,
        6 bridges", "100 police and 20 soldiers")."""
        described = bool(words) and all(self.describes(word) for word, _ in words)
        named = all(word[:1].isupper() for word, _ in words)  # "14 and 9 seats", "90 Alpha, 25 Beta and 12 Gamma branches"
        joined = self.coordinated.match(after, position)
        if not joined or not (described or named):
            return _NO_NOUN
        rest = after[joined.end():]
        next_word = _WORD_AFTER.match(rest)
        numbered = joined.group("next") is not None  # "14 and 9 seats", "nine and six seats"
        if not described and not numbered:
            return _NO_NOUN  # names or nothing before the joiner: only another number shares its noun
        word = next_word.group(1) if next_word else ""
        if not numbered and not (word.islower() and word not in self.unit_stop) or word.lower() in self.measure_words:
            return _NO_NOUN  # "50 more, they paid": no noun's words follow the joiner; "500 and 220 kV lines"
        unit, plural, end = self.counted_noun(rest)
        if unit in self.currency_names or numbered and self.percentage_next.match(rest):
            return _NO_NOUN  # "between five and 20 dollars" is money, "3 and 6 percentage points" a share
        return (unit, True, joined.end() + end) if unit and plural else _NO_NOUN

    def describes(self, word: str) -> bool:
        """A lower-case word that describes a noun: a `noun_modifiers` word or one with an
        `adjective_endings` ending ("direct", "regional", "oil-fired")."""
        return word.islower() and (word in self.noun_modifiers or word.endswith(self.adjective_endings))

    def _noun_word(self, after: str, position: int) -> tuple[str | None, int]:
        """(word, where it ends) of the next word of a noun search from `position`, a format name,
        measure, bracketed abbreviation, opening quote, model code or number repeated in brackets
        before it skipped ("20,000 5G base stations", "12,000 closed-circuit television (CCTV)
        cameras", "12,000 PTZ (pan-tilt-zoom) cameras", "200 “hotspots”", "four AK-47 rifles", "two (2) launchers"); (None, position)
        at a stop word or a non-word."""
        skipped = self.format_token.match(after, position) or _BRACKETED_OR_QUOTE.match(after, position) \
            or _MODEL_OR_REPEAT.match(after, position) or _SLASHED_FIRST.match(after, position) \
            or _model_number(after, position)
        match = _WORD_AFTER.match(after, skipped.end() if skipped else position)
        if not match or match.group(1).lower() in self.unit_stop:
            return None, position
        closed = match.end() + (after[match.end():match.end() + 1] in _CLOSING_QUOTES)  # 73 “Safe City” agreements
        return match.group(1), closed

    def mention(self, doc: Doc, label: str, start: int, end: int, value: float | None, source: str,
                **fields) -> Mention:
        """A proposed amount over `doc.text[start:end]` with its qualifier and (but for PERCENT)
        its period read around it; `fields` set the others (currency, unit, a period found further)."""
        text = doc_text(doc)
        after = text[end:end + self.windows.context_after]
        before = text[max(0, start - self.windows.qualifier_before):start]
        if "period" not in fields:
            fields["period"] = None if label == "PERCENT" else \
                self.period_of(after) or (self.period_before(before) if label == "MONEY" else None)
        fields.setdefault("note", None if value is not None else "value unknown")
        qualifier = None if self._preposition_before(before) else self.qualifier_of(before, after)
        return make_mention(doc, label, start, end, source, value=value, qualifier=qualifier, **fields)

    def _preposition_before(self, before: str) -> bool:
        """A qualifier word right after a plural noun a number counts is a preposition ("300
        cameras over 40 sites", "1,200 new cameras over 30 towns"), not after a measured one
        ("20 prices over $10") nor after a verb ("it operates over 1,000 cameras")."""
        used = self.noun_and_preposition.search(before)
        if not used:
            return False
        singular = self.plural_to_singular(used.group("noun"))
        return singular is not None and singular not in self.measured


def _longest_currency_before(domain: DomainData) -> int:
    """The most characters `_currency_before_pattern` matches: its longest sign or code, and a
    colon and a space."""
    tables = currency_tables(domain)
    longest_code = max(map(len, tables.codes), default=0)
    return 2 + max(longest_code + 2,  # "USD $"
                   max(map(len, tables.scale_prefixes), default=0) + longest_code,  # "MUSD"
                   *map(len, domain["currencies"]["signs"]), *map(len, tables.lowercase_codes))


def _currency_before_pattern(domain: DomainData) -> str:
    """A sign or code written before a number, with what separates them: "US$", "KSh ", "USD: "."""
    tables = currency_tables(domain)
    prefixes = alternation(tables.scale_prefixes)
    codes_before = rf"(?:{prefixes})?{alternation(tables.codes)}|{alternation(tables.lowercase_codes)}"
    code_dollar = rf"{alternation(tables.codes, 'i')}\$|{alternation(tables.codes)} \$"
    signs = domain["currencies"]["signs"]
    lettered = alternation([sign for sign in signs if sign[:1].isalpha()]) or "(?!)"
    others = alternation([sign for sign in signs if not sign[:1].isalpha()]) or "(?!)"
    dollars = alternation([sign for sign in signs if sign[:1].isalpha() and sign.endswith("$")]) or "(?!)"
    # a sign of letters is no part of a code ("KI216-S/10"); a dollar's may open a range's second
    # end after a hyphen ("US$4.5-US$5 billion")
    return rf"(?<![A-Za-z])(?P<cur>{code_dollar}|(?<![\d-]){lettered}|(?<=\d-){dollars}|{others}|{codes_before})(?::[ ]?|[ \u00a0]?)"
