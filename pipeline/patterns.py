"""Regular-expression pieces for numbers, built from `configs/numbers.yaml`, shared by the
amount and date recognisers so both read numbers the same way."""
from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterable, Iterator

from pipeline.domain import DomainData

# Characters whose lower case is not what matching without case sees: "İ" lower-cases to two
# characters, "ı" and "ſ" match "i" and "s" without case. A text holding one is searched as it is.
_FOLD_UNSAFE = re.compile("[\u0130\u0131\u017f]")
# The characters besides an ASCII letter's two cases that match it without case in Python's re.
FOLDED_TO_ASCII = "\u0130\u0131\u017f\u212a"
_LEADING_LOOKBEHIND = re.compile(r"\(\?<[!=](?:\[(?:\\.|[^\]])*\]|\\.|[^()\[\\])*\)")


def alternation(words, flags: str = "") -> str:
    """A regex alternation of literal words that prefers the longest word at a position, written
    as a trie ("US(?:D)?" for US, USD) so a failing position costs one test per first character
    instead of one per word; `flags` like "i" scope a flag (the trie is then built lower-cased).
    Matching without case needs "i" here, not only `re.I` on the whole pattern: a trie built
    with case would try "Ab" before "abc" there."""
    fold = "i" in flags
    trie: dict = {}
    for word in set(words):
        node = trie
        for char in word.lower() if fold and len(word.lower()) == len(word) else word:
            node = node.setdefault(char, {})
        node[""] = {}
    body = _trie_pattern(trie)
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


# The two texts lower-cased last, the latest first: the patterns of a document search its text
# in turn, some of them also its sentences one by one.
_recent: tuple[tuple[str, str | None], ...] = (("", ""), ("", ""))


def lowered_text(text: str) -> str | None:
    """`text` lower-cased (once for every `Caseless` pattern searching it), or None when
    lower-casing would move offsets or lose a match without case."""
    global _recent
    recent = _recent  # read once: another thread may replace it
    if recent[0][0] is text:
        return recent[0][1]
    lowered = recent[1][1] if recent[1][0] is text else None if _FOLD_UNSAFE.search(text) else text.lower()
    _recent = ((text, lowered), recent[0])
    return lowered


def _lowers_back(char: str) -> bool:
    """Whether a character is caseless, or a lower-case letter its capital lower-cases back to
    ("é": "É" is lower-cased to it), so lower-cased text holds it wherever re.I would match it."""
    return char.lower() == char.upper() or char == char.lower() == char.upper().lower() and len(char.upper()) == 1


class Caseless:
    """A pattern matched without case, whose letters are all lower case: searched in the
    lower-cased text, where Python's re skips at once to where a match can start (without case
    it tries every position). The same matches, several times faster on running text."""

    def __init__(self, pattern: str):
        self.pattern = pattern
        self.exact = re.compile(pattern, re.I)
        folded = pattern.replace("(?i:", "(?:")
        letters = re.sub(r"\\[A-Za-z]|\(\?P[<=]\w+>?", "", folded)
        if "(?-" in folded or re.search(r"[A-Z]", letters) or any(not _lowers_back(c) for c in letters if not c.isascii()):
            raise ValueError(f"not a pattern of lower-case letters matched without case: {pattern!r}")
        self.folded = re.compile(folded)
        # a leading look-behind ("(?<![\w-])") is tested where the rest matches: re cannot skip
        # ahead past a pattern that starts with one
        lead = _LEADING_LOOKBEHIND.match(folded)
        self.unled = re.compile(folded[lead.end():]) if lead else self.folded

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        """The first match in text[pos:endpos], as `re.Pattern.search` finds it without case."""
        lowered = lowered_text(text)
        if lowered is None:  # lower-casing would move offsets or lose a match
            return self.exact.search(text, pos, endpos)
        while (found := self.unled.search(lowered, pos, endpos)) is not None:
            if self.unled is self.folded or self.folded.match(lowered, found.start(), endpos):
                return self.exact.match(text, found.start(), endpos)
            pos = found.start() + 1
        return None


class Keyed:
    """A compiled pattern every match of which starts with one of `keys` (words matched without
    case): `finditer` gives the matches `pattern.finditer` gives, but tries the pattern only
    where a key starts, found in the lower-cased text (see `Caseless`). A text without a key
    costs one fast search instead of a try at every position. Keys that are not ASCII (a
    config's own words) cannot be searched so: the pattern is then tried everywhere."""

    def __init__(self, pattern: re.Pattern, keys: Iterable[str]):
        self.pattern = pattern
        try:
            self.keys: Caseless | None = Caseless(alternation([key.lower() for key in keys], "i"))
        except ValueError:
            self.keys = None

    def finditer(self, text: str) -> Iterator[re.Match]:
        """The pattern's non-overlapping matches in `text`, in order."""
        if self.keys is None:
            yield from self.pattern.finditer(text)
            return
        pos = 0
        while (key := self.keys.search(text, pos)) is not None:
            match = self.pattern.match(text, key.start())
            if match:
                yield match
            pos = max(match.end(), key.start() + 1) if match else key.start() + 1


def _trie_pattern(node: dict) -> str:
    """The pattern of a trie node: its branches, longer continuations before stopping here."""
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
    return body + "?" if "" in node else body


def year_pattern(domain: DomainData) -> str:
    """Four-digit years within `dates.yaml`'s `year_range`, as a trie ("(?:19\\d\\d|20[0-9]{2})"-like)."""
    low, high = domain["dates"]["year_range"]
    return alternation([str(year) for year in range(int(low), int(high) + 1)]) + r"(?!\d)"


def any_apostrophe(pattern: str) -> str:
    """A pattern whose straight apostrophes also match a curly one ("the world's", "the world’s"),
    as published copy writes either."""
    return pattern.replace("'", "['’]")


def first_search(pattern, text: str, start: int, end: int, passed_over) -> re.Match | None:
    """The first match of `pattern` (a compiled pattern or a `Caseless`) in text[start:end] that
    `passed_over(match)` does not pass over."""
    while (found := pattern.search(text, start, end)) is not None and passed_over(found):
        start = found.end()
    return found


def search_not_after(pattern, text: str, start: int, end: int, phrases: tuple[str, ...]) -> re.Match | None:
    """The first match of `pattern` in text[start:end] that does not stand right after one of
    `phrases` ("the world's" after "one of ")."""
    reach = max(map(len, phrases), default=0)
    return first_search(pattern, text, start, end,
                        lambda found: text[max(0, found.start() - reach):found.start()].endswith(phrases))


# a dateline's agency in brackets after its place ("Islamabad (Pakistan Wire, 1 July) -")
AGENCY_BRACKETS = r" \([^()\n]{2,80}\)"


# Thousands grouped by spaces ("120 000 000", "6 118 846.47") or, the Swiss way, apostrophes
# ("200'000"), and by two dots or more ("354.000.000"): how the number pattern finds them and how
# `normalise.numbers` reads them.
SPACE_GROUPED = r"\d{1,3}(?:[ \u00a0\u202f'’\u201a]\d{3})+(?:\.\d{1,2}(?!\d))?(?!\d|[.,]\d)"  # also "153‚610" (a low quote)
DOT_GROUPED = r"\d{1,3}(?:\.\d{3}){2,}(?![\d.,])"


@functools.cache
def number_pattern(domain: DomainData, hyphen_after: bool = False, after_sign: bool = False) -> str:
    """A number in digits or words, with an optional scale: '1,800', '12,34,567.89',
    '3.8 billion', '1.2bn', 'two hundred million', 'twenty-five', 'a billion', 'a hundred thousand', 'half a million',
    'three quarters billion', 'a dozen', 'half a dozen'. `hyphen_after` lets a word number end at a hyphen ("one-yen").
    No capture groups."""
    data = domain["numbers"]
    small = alternation([*data["units"], *data["tens"]], "i")
    word_number = rf"(?:{small_number_pattern(domain)}(?:[ -](?i:hundred)(?:(?:[ -](?i:and))?[ -]{small_number_pattern(domain)})?)?)"
    scale_words = alternation(data["scales"], "i")
    scale_abbrev = alternation(data["scale_abbrev"])
    # a decimal comma before a scale word ("R9,5 million", "R2,3bn"): never a thousands separator
    decimal_comma = rf"\d{{1,3}},\d{{1,2}}(?=[ -]?{scale_words}(?![\w])|{scale_abbrev}(?![\w]))|"
    digits = (
        rf"(?:{decimal_comma}\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d{{1,2}}(?:,\d{{2}})+,\d{{3}}(?:\.\d+)?"
        rf"|{SPACE_GROUPED}|{DOT_GROUPED}|\d+(?:\.\d+)?|(?<![\w.])\.\d+)"
    )
    # a scale word follows a space or hyphen, or digits directly ("$2.5billion")
    second = alternation([*data["scales"], *data["scale_abbrev_after_scale"]], "i")  # "lakh crore", "lakh cr"
    # a scale word also after a line break ("$142\n    million" in text wrapped at a fixed width)
    scale = rf"(?:[ -]?{scale_abbrev}(?![\w])|(?:[ \t]*\n[ \t]*|[ -]|(?<=\d)){scale_words}(?:[ -]{second})?(?![\w]))"
    article = r"(?i:an?)"
    fraction = (
        rf"(?:(?:{small}|\d+)(?:[ -](?i:and))?[ -])?(?:{article} )?"
        rf"{alternation(data['scale_fractions'], 'i')}(?: (?i:of))?(?: {article})?{scale}"
    )
    halves = rf"{alternation(data['scale_fractions'], 'i')}[ ]{article}[ ]"  # "half a dozen"
    collective = rf"(?:{halves}|(?:{article}|{small})[ ]){alternation(data['collective'], 'i')}"
    end = r"(?![\w])" if hyphen_after else r"(?![\w]|-(?!(?i:plus)(?![\w])))"  # "seven million-plus migrants"
    before_digits = r"(?<!\d)(?<!\d[.,])" if after_sign else r"(?<![\d.,])"
    tail = _word_scale_tail(domain, word_number, scale)
    # digits and scale words in groups ("3 million 444 thousand 800", "1 billion 111 million")
    groups = rf"(?:[ ]\d{{1,3}}(?:\.\d+)?[ ]{scale_words}(?![\w]))+(?:[ ]\d{{1,3}}(?![\d.,]))?"  # "8 trillion 208.3 billion"
    return number_guard(domain) + (
        rf"(?:{before_digits}{digits}(?![\d])(?:{scale}(?:{groups})?)?"
        rf"|(?<![\w-])(?:{fraction}|{collective}"
        rf"|(?:{word_number}|{article}[ ](?i:hundred)(?:(?:[ ](?i:and))?[ ]{small_number_pattern(domain)})?)(?:{tail})?"
        rf"|{article}(?:{scale})){end})"
    )


def _word_scale_tail(domain: DomainData, word_number: str, scale: str) -> str:
    """What may follow a number word: two scale words ("thousand million"), a scale word and the
    rest of a compound number in words ("two thousand three hundred", "one million two hundred
    thousand", "Two Thousand, One Hundred and Seventy-Five", "two crore fifty lakh"), or a scale.
    Only a `minor_scales` word follows another scale ("five million and three million" are two),
    and after a comma only a number with "hundred" or a minor scale ("two million, one" is not one)."""
    data = domain["numbers"]
    words = alternation(data["scales"], "i")
    minor = alternation(data["minor_scales"], "i")
    major = alternation([word for word in data["scales"] if word not in data["minor_scales"]], "i")
    joiner = r"(?:(?:[ ](?i:and))?[ ]|,[ ](?:(?i:and)[ ])?)"
    hundreds_ahead = rf"(?<!,[ ])(?<!,[ ]and[ ])|(?={small_number_pattern(domain)}[ -](?i:hundred))"  # after a comma, "hundred"
    unscaled = rf"{joiner}(?:{hundreds_ahead}){word_number}(?![ -]{words}(?![\w]))"
    with_minor = rf"{joiner}{word_number}[ -]{minor}(?![\w])(?:{unscaled})?"
    return rf"[ -]{words}[ -]{words}(?![\w])|[ -](?:{major}(?![\w])(?:{with_minor}|{unscaled})?|{minor}(?![\w])(?:{unscaled})?)|{scale}"


def first_letters_guard(words, digits: bool = False, behind: str = "", every_case: bool = False) -> str:
    """Lookaheads for the first character of any of `words` (either case; or a digit), then for
    their first three letters (without case), with the pattern's look-behind `behind` between
    them: put before a pattern that can only start with one of the words (or a digit), most
    positions of a text fail at one or two tests instead of trying the pattern's alternations
    ("the", "for", "some" fail at the three letters of number words). `every_case`: the first
    character may also be one that matches a letter without case in Python's re ("ſ" for "s"),
    as it does in a pattern that matches the words without case."""
    firsts = {word[0].lower() for word in words} | {word[0].upper() for word in words}
    if every_case:
        firsts |= {c for c in FOLDED_TO_ASCII if any(re.fullmatch(re.escape(f), c, re.I) for f in firsts)}
    first = re.escape("".join(sorted(firsts)))
    digit = "\\d" if digits else ""
    prefixes = alternation({word[:3] for word in words}, "i")
    return f"(?=[{digit}{first}]){behind}(?={digit + '|' if digits else ''}{prefixes})"


def number_guard(domain: DomainData) -> str:
    """What `number_pattern` tests first, so most positions of a text fail at once: a digit, or
    at the start of a word (inside one a letter fails at the look-behind) a number word's letters."""
    data = domain["numbers"]
    starts = [*data["units"], *data["tens"], *data["scale_fractions"], *data["collective"], "a", "an"]
    word_start = first_letters_guard(starts, behind=r"(?<![\w-])")
    return rf"(?:(?=[\d.])|{word_start})"


@functools.cache
def small_number_pattern(domain: DomainData) -> str:
    """A number word below a hundred: 'seven', 'forty-five', 'forty five'."""
    data = domain["numbers"]
    small = alternation([*data["units"], *data["tens"]], "i")
    return rf"(?:{alternation(data['tens'], 'i')}(?:[- ]{alternation(data['units'], 'i')})?|{small})"


@functools.cache
def qualifier_patterns(domain: DomainData) -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    """One pattern of the qualifiers written before an amount (ending a context), one of those
    written after it (starting one), a named group per qualifier, and each group's qualifier."""
    data, names = domain["numbers"], {}
    before = re.compile(rf"(?<![\w])(?:{_group_each(data['qualifiers'], names)})\s+$")
    after = re.compile(rf"^\s*(?:{_group_each(data['qualifiers_after'], names)})(?![\w])")  # "300+" too
    return before, after, names


@functools.cache
def period_pattern(domain: DomainData) -> tuple[re.Pattern, dict[str, str]]:
    """A pattern of the period phrases at the start of the text after an amount, a named group per
    period, and each group's period."""
    names: dict[str, str] = {}  # past a unit's price: "$3,000 per camera per year"; "in" before an adjective
    adjectives = alternation([word for words in domain["numbers"]["period_adjectives"].values() for word in words], "i")
    return re.compile(rf"^\s*,?\s*(?:per\s+[a-z]+\s+|in\s+(?={adjectives}\s))?"
                      rf"(?:{_group_each(domain['numbers']['periods'], names)})(?![\w])"), names


@functools.cache
def period_before_pattern(domain: DomainData) -> tuple[re.Pattern, dict[str, str]]:
    """A pattern of a period's adjective before the noun an amount is, ending the text before
    it ("an annual bill of about "), a named group per period, and each group's period."""
    data, names = domain["numbers"], {}
    adjectives = _group_each(data["period_adjectives"], names)
    links = alternation(data["period_adjective_links"], "i")
    return re.compile(rf"(?<![\w-])(?:{adjectives})\s+[a-z-]+(?:\s+[a-z-]+)?\s+{links}\s+(?:[a-z]+\s+){{0,2}}?\Z"), names


def _group_each(table: dict[str, list[str]], names: dict[str, str]) -> str:
    """An alternation of a named group per key of `table` (matching its words without case), in
    the table's order; `names` gets each group's key. Never matches when the table is empty."""
    groups = []
    for key, words in table.items():
        name = f"g{len(names)}"
        names[name] = key
        groups.append(f"(?P<{name}>{alternation(words, 'i')})")
    return "|".join(groups) or "(?!)"


def qualifier_of(before: str, after: str, domain: DomainData) -> str | None:
    """The qualifier written just before or after an amount ("over", "about", "or more"): before
    it, the longest (the one starting first: each ends at the amount; the first listed of equals),
    unless a verb it is the particle of stands before it ("handed over")."""
    pattern_before, pattern_after, names = qualifier_patterns(domain)
    context = before[-30:]
    match = pattern_before.search(context)
    if match and match.group().strip().lower() in _particles(domain)[0] and _particle_of_verb(context[:match.start()], domain):
        match = None  # "handed over 100 vehicles" (but "holds more than 4.5 million")
    match = match or pattern_after.match(after[:20])
    return names[match.lastgroup] if match else None


def _particle_of_verb(before: str, domain: DomainData) -> bool:
    """Whether the word ending `before` is one of `qualifier_particle_verbs`."""
    words = before.split()
    return bool(words) and words[-1].lower() in _particles(domain)[1]


@functools.cache
def _particles(domain: DomainData) -> tuple[frozenset[str], frozenset[str]]:
    """(the qualifier words that may be a verb's particle, the verbs they may be the particle of)."""
    data = domain["numbers"]
    return frozenset(data["qualifier_particles"]), frozenset(data["qualifier_particle_verbs"])


def period_of(after: str, domain: DomainData) -> str | None:
    """The period written just after an amount ("annually" -> year, "a month" -> month, "in
    yearly costs" -> year)."""
    pattern, names = period_pattern(domain)
    match = pattern.match(after[:32])
    return names[match.lastgroup] if match else None


def period_before(before: str, domain: DomainData) -> str | None:
    """The period of an amount of money told by an adjective before the noun it is ("an annual
    bill of about $1.2 million", "the monthly rent is $900")."""
    pattern, names = period_before_pattern(domain)
    match = pattern.search(before[-60:])
    return names[match.lastgroup] if match else None
