"""Numbers written in digits or words, with scale words: "1,800", "3.8 billion", "two billion",
"1.2bn", "Rs 1,200 crore" -> 1.2e10, "twenty-five" -> 25. Percentages and fractions of a whole.

Every function is pure and returns None for text it cannot read; it never raises.
"""
from __future__ import annotations

import functools
import math
import re

from price_parser.parser import parse_number as price_number

from pipeline.domain import DomainData, default_domain
from pipeline.patterns import DOT_GROUPED, SPACE_GROUPED, alternation

_TOKEN = re.compile(rf"{DOT_GROUPED}|\d[\d,]*(?:\.\d+)?|\.\d+|[^\W\d_]+\.?|[%]")
_SPACE = re.compile(r"\s")
_GROUP_SEPARATOR = re.compile(r"[\s'’\u201a]")
_WORD_COMMA = re.compile(r"(?<=[^\W\d_]),(?= )")
# a comma before one or two digits and a scale word is a decimal comma ("9,5 million", "2,3bn")
_DECIMAL_COMMA = re.compile(r"^(\d{1,3}),(\d{1,2})(?= ?-?[^\W\d_])")
_DOT_GROUPS = re.compile(DOT_GROUPED)
_SPACED = re.compile(SPACE_GROUPED)
_SPACE_GROUPS = re.compile(rf"(?<![\d.,]){SPACE_GROUPED}")
# Digit groups as English texts write them: "1,234,567.89", Indian "12,34,567.89", plain "1234.5".
_GROUPED = re.compile(rf"^\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?$|^{DOT_GROUPED}$|^\d{{1,2}}(?:,\d{{2}})+,\d{{3}}(?:\.\d+)?$|^\d+(?:\.\d+)?$|^\.\d+$")


# a number standing alone and a range's joining word right before an offset: "1500 and |", "500 to |"
# (not a fiscal year's end, "2015-16 to |", nor a code's number, "No. 6-|")
_RANGE_START_BEFORE = re.compile(r"(?<![\w.,/\u2013-])(\d{1,3}(?:,\d{3})+|\d+)[ \u00a0]+(?i:and|to|or)[ \u00a0]+\Z")


def after_no_year(text: str, start: int, years: tuple[int, int], window: int) -> bool:
    """Whether the number at `start` ends a range whose first number, within `window` characters
    before it, is no year ("between 1500 and 2000 cameras", "from 500 to 2000"): then it is no
    year either."""
    before = _RANGE_START_BEFORE.search(text, max(0, start - window), start)
    if not before:
        return False
    written = before.group(1)
    return "," in written or len(written) != 4 or not years[0] <= int(written) <= years[1]


def number_words(domain: DomainData | None = None) -> dict:
    """Lower-cased word -> (kind, value) for unit, tens, hundred, scale and collective words."""
    return _number_words(domain or default_domain())


@functools.cache
def _number_words(domain: DomainData) -> dict:
    data = domain["numbers"]
    words: dict[str, tuple[str, float]] = {}
    for word, value in data["units"].items():
        words[word] = ("unit", value)
    for word, value in data["tens"].items():
        words[word] = ("unit", value)
    for word, value in data["collective"].items():
        words[word] = ("collective", value)
    for word in data["hundred"]:
        words[word] = ("hundred", 100)
    for word, value in data["scale_abbrev"].items():
        words[word.lower()] = ("scale", float(value))
    for word, value in data["scales"].items():
        words[word] = ("scale", float(value))
    for word, value in data["scale_fractions"].items():
        words[word] = ("fraction", float(value))
    return words


def parse_digits(text: str) -> float | None:
    """'1,800' -> 1800.0, '3.8' -> 3.8, '120 000 000' -> 1.2e8, '12,34,567.89' -> 1234567.89,
    '354.000.000' -> 3.54e8;
    None when not a number written the English way ("1,2" and "1.234,5" are not)."""
    if not isinstance(text, str):
        return None
    compact = text.strip()
    if _SPACED.fullmatch(compact):
        compact = _GROUP_SEPARATOR.sub("", compact)
    if not _GROUPED.match(compact):
        return None
    if _DOT_GROUPS.fullmatch(compact):  # "354.000.000": two dots or more group thousands
        compact = compact.replace(".", "")
    amount = price_number(compact, decimal_separator=".")
    return float(amount) if amount is not None else None


def parse_number(text: str, domain: DomainData | None = None) -> float | None:
    """The value of a number in digits and/or words with scale words, or None if unreadable."""
    return _parse_number(text, domain or default_domain()) if isinstance(text, str) else None


@functools.lru_cache(maxsize=65536)
def _parse_number(text: str, domain: DomainData) -> float | None:
    """`parse_number` of a string, remembered: a corpus writes the same numbers again and again."""
    tokens = _tokens(text)
    if tokens is None:
        return None
    reading = _Reading(_number_words(domain))
    for raw in tokens:
        if not reading.read(raw):
            return None
    return reading.value()


def _tokens(text: str) -> list[str] | None:
    """The digit groups, words and signs of a number, or None when something else is written."""
    cleaned = _SPACE_GROUPS.sub(lambda m: _GROUP_SEPARATOR.sub("", m.group()), text)
    cleaned = cleaned.replace("-", " ").replace("\u2013", " ").strip()
    cleaned = _WORD_COMMA.sub("", cleaned)  # "Two Thousand, One Hundred"
    cleaned = _DECIMAL_COMMA.sub(r"\1.\2", cleaned)  # "9,5 million"
    tokens = _TOKEN.findall(cleaned)
    if not tokens or "".join(tokens) != _SPACE.sub("", cleaned):
        return None  # something in the text is neither a number nor a number word
    return tokens


class _Reading:
    """A number read token by token, left to right: `total` holds what scale words closed
    ("two million"), `current` the part still open ("three hundred")."""

    def __init__(self, words: dict):
        self.words = words
        self.total = 0.0
        self.current: float | None = None
        self.before_article: float | None = None  # the number before "a" in "one and a half"
        self.previous: str | None = None  # the last token read, "and" and skipped articles aside
        self.previous_digits = False
        self.seen_number = False
        self.last_scale: float | None = None  # the last scale word read

    def read(self, raw: str) -> bool:
        """Take one token; False when it makes the text no number."""
        token = raw.lower().rstrip(".") if not raw[0].isdigit() else raw
        is_digits = token[0].isdigit() or token.startswith(".")
        if is_digits and self.previous_digits:
            return False  # "1.2.3": two numbers run together
        self.previous_digits = is_digits
        kind, value = self._kind(token, raw, is_digits)
        step = self._STEPS.get(kind)
        if step is None:
            return False
        taken = step(self, value)
        if taken is None:
            return False
        if taken:
            self.previous = token
        return True

    def _kind(self, token: str, raw: str, is_digits: bool) -> tuple[str | None, object]:
        """The kind of a token ("digits", "a", "an", "and" or a number word's) and its value."""
        if is_digits:
            return "digits", raw
        if token in ("a", "an", "and", "of"):
            return token, None
        return self.words.get(token, (None, None))

    def value(self) -> float | None:
        """The number read, or None when no token was a number."""
        if not self.seen_number:
            return None
        result = self.total + (self.current or 0.0)
        # 32.8 * 1e9 is 32799999999.999996 in binary floating point: round away the noise.
        return float(f"{result:.12g}") if math.isfinite(result) else None

    # Each step returns None when the token cannot be read, else whether it counts as `previous`.
    def _digits(self, raw: str) -> bool | None:
        value = parse_digits(raw)
        if value is None:
            return None
        self._add(value)
        return True

    def _article(self, _value) -> bool:
        if self._previous_kind() == "fraction":
            return False  # "half a million"
        self.before_article = self.current
        self.current = (self.current or 0.0) + 1.0
        return True

    def _and(self, _value) -> bool:
        return False

    def _of(self, _value) -> bool | None:
        """ "of" only after a fraction: "a quarter of a million"."""
        return False if self._previous_kind() == "fraction" else None

    def _unit(self, value: float) -> bool:
        self._add(value)
        return True

    def _multiply(self, value: float) -> bool:
        """ "hundred", "dozen": times the number before, or one."""
        self.current = (self.current or 1.0) * value
        self.seen_number = True
        return True

    def _fraction(self, value: float) -> bool:
        if self.previous in ("a", "an"):
            self.current = (self.before_article or 0.0) + value  # "a half", "one and a half"
        else:
            self.current = value if self.current is None else self.current * value  # "three quarters"
        self.seen_number = True
        return True

    def _scale(self, value: float) -> bool:
        if self.current is None and self.total:
            self.total *= value
        elif self.last_scale and value > self.last_scale:  # "26 thousand 577 million": 26,577 million
            self.total = (self.total + (self.current or 0.0)) * value
        else:
            self.total += (1.0 if self.current is None else self.current) * value
        self.current = None
        self.seen_number = True
        self.last_scale = value
        return True

    def _add(self, value: float) -> None:
        self.current = (self.current or 0.0) + value
        self.seen_number = True

    def _previous_kind(self) -> str | None:
        return self.words[self.previous][0] if self.previous in self.words else None

    _STEPS = {"digits": _digits, "a": _article, "an": _article, "and": _and, "of": _of, "unit": _unit,
              "hundred": _multiply, "collective": _multiply, "fraction": _fraction, "scale": _scale}


@functools.cache
def _fractions(domain: DomainData) -> dict[str, float]:
    return {k.lower(): float(v) for k, v in domain["numbers"]["fractions"].items()}


@functools.cache
def _percent_words_pattern(domain: DomainData) -> re.Pattern:
    return re.compile(r"\s*" + alternation(domain["numbers"]["percent_words"], "i") + r"\s*$")


def parse_percent(text: str, domain: DomainData | None = None) -> float | None:
    """'35%' -> 35, '22 per cent' -> 22, 'a third' -> 33.33, 'two-thirds' -> 66.67."""
    if not isinstance(text, str):
        return None
    domain = domain or default_domain()
    lowered = " ".join(text.lower().split())
    fractions = _fractions(domain)
    if lowered in fractions:
        return fractions[lowered]
    number = _percent_words_pattern(domain).sub("", text).strip()
    if number == text.strip():
        return None
    return parse_number(number, domain)
