"""Dates and durations to ISO 8601 at the precision written: "14 March 2024" -> "2024-03-14",
"January 2023" -> "2023-01", "2021" -> "2021", "six months" -> "P6M", "a decade" -> "P10Y",
"15-year" -> "P15Y", "last year" -> the year before the publication date.

Pure functions; unknown -> None. Missing parts are never filled with today's date.
"""
from __future__ import annotations

import datetime as dt
import functools
import re

from pipeline.domain import DomainData, default_domain
from pipeline.normalise.numbers import parse_number
from pipeline.patterns import alternation, year_pattern


@functools.cache
def date_tables(domain: DomainData) -> dict:
    """Month names, duration units, relative expressions and the year range from configs."""
    data = domain["dates"]
    months = "|".join(sorted(data["months"], key=len, reverse=True))
    units = "|".join(sorted(data["duration_units"], key=len, reverse=True))
    return {
        "months": data["months"],
        "units": data["duration_units"],
        "relative": {k.lower(): v for k, v in data["relative"].items()},
        "year_range": tuple(data["year_range"]),
        "month_relative": {k.lower(): int(v) for k, v in data["month_relative"].items()},
        "month_re": months,
        "unit_re": units,
        "lead_re": alternation([*data["duration_lead_words"], *data["duration_first_words"]], "i"),
        "part_re": alternation(data["year_parts"], "i"),
        "year_re": year_pattern(domain),
    }


@functools.cache
def _patterns(domain: DomainData) -> list[tuple[str, re.Pattern]]:
    t = date_tables(domain)
    month = rf"(?P<month>{t['month_re']})\.?"
    year = r"(?P<year>\d{4})"
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    number = r"(?P<n>[\w.,]+(?:[ -][\w]+)?|a|an|one)"
    return [
        ("iso", re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<day>\d{2}))?$")),
        ("dmy", re.compile(rf"^{day}\s+(?:of\s+)?{month},?\s+{year}$", re.I)),
        ("mdy", re.compile(rf"^{month}\s+{day},?\s+{year}$", re.I)),
        ("dm", re.compile(rf"^{day}\s+(?:of\s+)?{month}$", re.I)),
        ("md", re.compile(rf"^{month}\s+{day}$", re.I)),
        ("my", re.compile(rf"^{month},?\s+(?:of\s+)?{year}$", re.I)),
        ("m", re.compile(rf"^(?:(?P<relative>{'|'.join(t['month_relative'])})\s+)?{month}$", re.I)),  # "last May"
        ("y", re.compile(rf"^(?:{t['part_re']}[- ]?)?{year}$", re.I)),
        ("decade", re.compile(r"^(?:the\s+)?(?P<decade>\d{3})0s$", re.I)),
        ("ago", re.compile(rf"^{number}\s+(?P<unit>{t['unit_re']})s?\s+ago$", re.I)),
        ("duration", re.compile(
            rf"^(?:(?:the\s+)?{t['lead_re']}\s+)?{number}?[ -]?"
            rf"(?P<unit>{t['unit_re']}|centurie)s?(?:[ -]long)?$", re.I)),
    ]


def parse_iso(value: str | None) -> tuple[int, int | None, int | None] | None:
    """'2024-03-14' -> (2024, 3, 14); '2024-03' -> (2024, 3, None); '2024' -> (2024, None, None)."""
    if not isinstance(value, str):
        return None
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    if not match:
        return None
    year, month, day = match.groups()
    return int(year), int(month) if month else None, int(day) if day else None


def format_date(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """ISO 8601 at the given precision, or None when the parts are not a real date."""
    try:
        dt.date(year, month or 1, day or 1)
    except (ValueError, TypeError):
        return None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _shift(published: tuple, unit: str, amount: int) -> str | None:
    """The publication date moved by `amount` units, at that unit's precision."""
    year, month, day = published
    if unit == "year":
        return format_date(year + amount)
    if unit == "month" and month:
        index = year * 12 + (month - 1) + amount
        return format_date(index // 12, index % 12 + 1)
    if unit == "day" and month and day:
        return (dt.date(year, month, day) + dt.timedelta(days=amount)).isoformat()
    if unit == "week" and month and day:
        iso_year, week, _ = (dt.date(year, month, day) + dt.timedelta(weeks=amount)).isocalendar()
        return f"{iso_year:04d}-W{week:02d}"  # ISO 8601 week date
    return None


def _duration(number_text: str | None, unit: str, domain: DomainData) -> str | None:
    designator, multiplier = date_tables(domain)["units"][unit]
    if not number_text or number_text.lower() in ("a", "an"):
        amount = 1.0
    else:
        amount = parse_number(number_text, domain)
    if amount is None or amount <= 0:
        return None
    total = amount * multiplier
    if total != int(total):
        return None
    return f"P{int(total)}{designator}"


def parse_date(text: str, published: str | None = None, domain: DomainData | None = None) -> str | None:
    """The ISO 8601 date or duration a date mention stands for, or None when unknown."""
    if not isinstance(text, str):
        return None
    return _parse_date(text, published if isinstance(published, str) else None, domain or default_domain())


@functools.lru_cache(maxsize=65536)
def _parse_date(text: str, published: str | None, domain: DomainData) -> str | None:
    """`parse_date` of a string, remembered: a corpus writes the same dates again and again."""
    tables = date_tables(domain)
    phrase = " ".join(text.split())
    pub = parse_iso(published)
    relative = tables["relative"].get(phrase.lower())
    if relative is not None:
        unit, amount = relative
        if unit == "P":
            return f"P{amount}"
        return _shift(pub, unit, int(amount)) if pub else None
    for kind, pattern in _patterns(domain):
        match = pattern.match(phrase)
        if not match:
            continue
        parts = match.groupdict()
        if kind == "decade":
            return parts["decade"]  # ISO 8601 reduced precision: "199" is the 1990s
        if kind in ("duration", "ago"):
            unit = parts["unit"].lower()
            unit = "century" if unit == "centurie" else unit
            if kind == "ago":
                amount = parse_number(parts["n"], domain)
                if not pub or amount is None or unit not in ("year", "month", "day"):
                    return None
                return _shift(pub, unit, -int(amount))
            return _duration(parts.get("n"), unit, domain)
        month = parts.get("month")
        if month is not None and not month.isdigit():
            month = tables["months"].get(month.lower())
        year = int(parts["year"]) if parts.get("year") else (pub[0] if pub else None)
        if year is None:
            return None
        year += tables["month_relative"].get((parts.get("relative") or "").lower(), 0)
        if kind == "y":
            low, high = tables["year_range"]
            return format_date(year) if low <= year <= high else None
        return format_date(year, int(month) if month else None,
                           int(parts["day"]) if parts.get("day") else None)
    return written_date(phrase, domain)


def written_date(text: str, domain: DomainData | None = None) -> str | None:
    """Other written dates ("12/03/2022", day first; "2022/03/12") by dateparser's
    DateDataParser, at the precision its `period` gives; None when the year is not written,
    so dateparser never fills missing parts from today's date."""
    if not isinstance(text, str):
        return None
    if not re.search(date_tables(domain or default_domain())["year_re"], text):
        return None
    try:
        data = _date_data_parser().get_date_data(text)
    except Exception:  # dateparser raises on some odd inputs; unknown it is
        return None
    parsed = data.date_obj if data else None
    if parsed is None or str(parsed.year) not in text:
        return None
    if data.period == "year":
        return format_date(parsed.year)
    if data.period == "month":
        return format_date(parsed.year, parsed.month)
    if data.period == "day":
        return format_date(parsed.year, parsed.month, parsed.day)
    return None


@functools.cache
def _date_data_parser():
    import dateparser.date  # slow to import; only needed for the forms the tables above do not read

    settings = {"REQUIRE_PARTS": ["year"], "PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "DMY",
                "RETURN_AS_TIMEZONE_AWARE": False,
                "PARSERS": ["timestamp", "custom-formats", "absolute-time"]}
    return dateparser.date.DateDataParser(languages=["en"], settings=settings)


@functools.lru_cache(maxsize=4096)
def parse_published(value) -> str | None:
    """A record's or page's publication date in any common form -> 'YYYY-MM-DD' (or coarser)."""
    if value is None:
        return None
    text = str(value).strip()
    if not text or text.lower() in ("nan", "none", "null"):
        return None
    iso = re.match(r"^(\d{4})-(\d{2})-(\d{2})", text)
    if iso:
        return format_date(*map(int, iso.groups()))
    written = parse_date(text)
    return written if written and not written.startswith("P") else None
